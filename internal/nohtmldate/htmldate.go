// Package htmldate stands in for github.com/markusmobius/go-htmldate in
// dossier's build. go-trafilatura imports that package for one optional step
// (the page's publication date), and through it go-dateparser, whose locale
// tables compile about 1,600 regular expressions at package init: 216 ms and
// 95 MB on every dossier command, even `dossier --help`. dossier turns that
// step off (trafilatura.Disabled) and reads the declared date itself
// (read/pagedate.go), so this module, written for dossier and wired in by a
// replace directive in dossier's go.mod, only has to declare the names
// go-trafilatura refers to. FromDocument finds nothing, by design.
package htmldate

import (
	"errors"
	"time"

	"golang.org/x/net/html"
)

// Options mirrors the fields go-trafilatura sets.
type Options struct {
	ExtractTime         bool
	UseOriginalDate     bool
	URL                 string
	MinDate             time.Time
	MaxDate             time.Time
	EnableLog           bool
	SkipExtensiveSearch bool
	DeferUrlExtractor   bool
}

// Result mirrors the result go-trafilatura reads.
type Result struct {
	DateTime    time.Time
	HasTime     bool
	HasTimezone bool
	SrcString   string
}

// IsZero reports whether no date was found.
func (r Result) IsZero() bool { return r.DateTime.IsZero() }

// ErrNotLinked is returned by FromDocument: date search is done by dossier.
var ErrNotLinked = errors.New("htmldate: not linked in dossier; the page date is read by dossier's read package")

// FromDocument returns ErrNotLinked and no date.
func FromDocument(doc *html.Node, opts Options) (Result, error) {
	return Result{}, ErrNotLinked
}
