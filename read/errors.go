package read

import (
	"errors"
	"strconv"
	"unicode"
)

// Kinds of input failure; match them with errors.Is.
var (
	ErrTooLarge    = errors.New("input too large")
	ErrBinary      = errors.New("binary data, not text")
	ErrEmpty       = errors.New("empty input")
	ErrUnreadable  = errors.New("unreadable input")
	ErrNotFound    = errors.New("no such file or directory")
	ErrNotRegular  = errors.New("not a regular file")
	ErrUnsupported = errors.New("unsupported format")
)

// Error is a failure to read one input.
type Error struct {
	// Name is the input as given (path, "-" for standard input).
	Name string
	// Kind is one of the Err* sentinels above.
	Kind error
	// Reason completes the message ("20.0 MiB exceeds the 16 MiB limit…").
	Reason string
	// Err is the underlying cause, if any (an *fs.PathError, for instance).
	Err error
}

// Error returns "NAME: REASON" on one line.
func (e *Error) Error() string {
	reason := e.Reason
	if reason == "" && e.Kind != nil {
		reason = e.Kind.Error()
	}
	if e.Err != nil {
		reason += ": " + e.Err.Error()
	}
	return displayName(e.Name) + ": " + reason
}

// Unwrap gives errors.Is access to both the kind and the cause.
func (e *Error) Unwrap() []error {
	out := make([]error, 0, 2)
	if e.Kind != nil {
		out = append(out, e.Kind)
	}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

func newError(name string, kind error, reason string, cause error) *Error {
	return &Error{Name: name, Kind: kind, Reason: reason, Err: cause}
}

// displayName quotes names holding control or invalid bytes, so that a hostile
// file name cannot break the one-line message or a terminal.
func displayName(name string) string {
	if name == "" {
		return `""`
	}
	for _, r := range name {
		if r == unicode.ReplacementChar || !unicode.IsPrint(r) && r != ' ' {
			return strconv.Quote(name)
		}
	}
	return name
}

// formatBytes renders a size for messages: "512 B", "3.2 KiB", "16 MiB".
func formatBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	value := float64(n) / float64(div)
	prec := 1
	if value == float64(int64(value)) {
		prec = 0
	}
	return strconv.FormatFloat(value, 'f', prec, 64) + " " + string("KMGTP"[exp]) + "iB"
}
