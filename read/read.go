package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-project/dossier"
)

// DefaultMaxBytes is the per-input size limit when Options.MaxBytes is not set.
const DefaultMaxBytes = 16 << 20

// StdinName is the argument and Document.Name that stand for standard input.
const StdinName = "-"

// Options configures the readers. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest input accepted, in bytes; zero or negative
	// means DefaultMaxBytes (16 MiB).
	MaxBytes int64
	// DateWords names the months for page dates written in words
	// ("5. Juni 2015"); nil loads the built-in lexicons on each HTML page,
	// so callers reading many pages build it once with LoadDateWords.
	DateWords *DateWords
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Bytes builds a Document from raw input. name gives the format through its
// extension (see the package comment) and names the input in messages. data
// is not retained.
func Bytes(name string, data []byte, opt Options) (*dossier.Document, error) {
	if limit := opt.maxBytes(); int64(len(data)) > limit {
		return nil, tooLarge(name, int64(len(data)), limit, true)
	}
	return fromString(context.Background(), name, string(data), opt)
}

// File reads the regular file at path, reading at most MaxBytes+1 bytes.
func File(ctx context.Context, path string, opt Options) (*dossier.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Stat before opening: opening a FIFO would block until a writer appears.
	info, err := os.Stat(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if err := checkRegular(path, info); err != nil {
		return nil, err
	}
	limit := opt.maxBytes()
	if info.Size() > limit {
		return nil, tooLarge(path, info.Size(), limit, true)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	text, err := readBounded(ctx, path, f, info.Size(), limit)
	if err != nil {
		return nil, err
	}
	return fromString(ctx, path, text, opt)
}

// Inputs expands command-line arguments (files, directories, "-" for stdin)
// and calls fn for each input in order, with either a document or an error
// naming the input. A failing input does not stop the walk; an error returned
// by fn, or the end of ctx, does, and Inputs returns it.
func Inputs(ctx context.Context, args []string, stdin io.Reader, opt Options, fn func(name string, doc *dossier.Document, err error) error) error {
	for _, arg := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		if arg == StdinName {
			doc, err := readStdin(ctx, stdin, opt)
			if err := fn(StdinName, doc, err); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(arg)
		if err == nil && info.IsDir() {
			if err := walkDir(ctx, arg, opt, fn); err != nil {
				return err
			}
			continue
		}
		doc, err := File(ctx, arg, opt)
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err := fn(arg, doc, err); err != nil {
			return err
		}
	}
	return nil
}

// walkDir calls fn for each article file under root, in lexical order.
func walkDir(ctx context.Context, root string, opt Options, fn func(string, *dossier.Document, error) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, walkErr error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if walkErr != nil {
			// Report the unreadable entry and go on with its siblings.
			if err := fn(path, nil, openError(path, walkErr)); err != nil {
				return err
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path != root && isHidden(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isArticleName(d.Name()) {
			return nil
		}
		doc, err := File(ctx, path, opt)
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fn(path, doc, err)
	})
}

func readStdin(ctx context.Context, stdin io.Reader, opt Options) (*dossier.Document, error) {
	if stdin == nil {
		return nil, newError(StdinName, ErrUnreadable, "no standard input", nil)
	}
	text, err := readBounded(ctx, StdinName, stdin, 0, opt.maxBytes())
	if err != nil {
		return nil, err
	}
	return fromString(ctx, StdinName, text, opt)
}

// readBounded reads r up to limit bytes, failing with ErrTooLarge when more
// is available. sizeHint pre-sizes the buffer when the size is known.
func readBounded(ctx context.Context, name string, r io.Reader, sizeHint, limit int64) (string, error) {
	var sb strings.Builder
	if sizeHint > 0 && sizeHint <= limit {
		sb.Grow(int(sizeHint) + 1)
	}
	n, err := io.Copy(&sb, io.LimitReader(ctxReader{ctx, r}, limit+1))
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", newError(name, ErrUnreadable, "read failed", err)
	}
	if n > limit {
		return "", tooLarge(name, n, limit, false)
	}
	return sb.String(), nil
}

// ctxReader stops a long read when the context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func tooLarge(name string, size, limit int64, exact bool) *Error {
	what := formatBytes(size)
	if !exact {
		what = "more than " + formatBytes(limit)
	}
	return newError(name, ErrTooLarge,
		fmt.Sprintf("input too large: %s exceeds the %s limit (raise it with --max-size to read this input)", what, formatBytes(limit)), nil)
}

func checkRegular(path string, info fs.FileInfo) error {
	switch {
	case info.Mode().IsRegular():
		return nil
	case info.IsDir():
		return newError(path, ErrNotRegular, "is a directory, not a file", nil)
	default:
		return newError(path, ErrNotRegular, fmt.Sprintf("not a regular file (%s)", fileKind(info.Mode())), nil)
	}
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	default:
		return "special file"
	}
}

// openError classifies an error from stat, open or a directory walk.
func openError(path string, err error) *Error {
	var pe *fs.PathError
	cause := err
	if errors.As(err, &pe) {
		cause = pe.Err // the path is already in the message
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(path); lerr == nil {
			return newError(path, ErrNotFound, "dangling symbolic link", nil)
		}
		return newError(path, ErrNotFound, "no such file or directory", nil)
	case errors.Is(err, fs.ErrPermission):
		return newError(path, ErrUnreadable, "permission denied", nil)
	default:
		return newError(path, ErrUnreadable, "cannot read", cause)
	}
}

func isHidden(base string) bool { return strings.HasPrefix(base, ".") }

// isArticleName reports whether a directory walk should read the file.
func isArticleName(base string) bool {
	switch strings.ToLower(filepath.Ext(base)) {
	case ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	return false
}
