// Package timex finds date expressions in a document's body and normalises
// them against the publication date.
//
// The scanner is a single pass over words and numbers with per-language
// vocabularies (lexicon data/<lang>/timex.yaml: month and weekday names,
// ordinal suffixes, cue words, relative phrases). It allocates nothing per
// token: a pattern is tried only at a trigger token (a number, a month or
// weekday name, the first word of a relative phrase) and reads a few tokens
// ahead. Resolution is separate (Expr.Resolve) so that other stages, such as
// package meta, can reason about expressions before they have a reference date.
package timex

import (
	"context"
	"fmt"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// Scanner finds date expressions. It is immutable and safe for concurrent use.
type Scanner struct {
	byLang map[string]*table
	// all merges every language, for documents whose language has no lexicon.
	all   *table
	langs []string
}

// NewScanner compiles the timex lexicons of every language in lex.
func NewScanner(lex *lexicon.Set) (*Scanner, error) {
	byLang, all, err := loadTables(lex)
	if err != nil {
		return nil, err
	}
	return &Scanner{byLang: byLang, all: all, langs: lex.Langs(lexiconPart)}, nil
}

// Langs lists the languages that have a timex lexicon.
func (s *Scanner) Langs() []string { return append([]string(nil), s.langs...) }

// Scan appends to out the date expressions in text[span], in order, and
// returns the extended slice. lang selects the vocabulary; an unknown or empty
// lang uses all languages at once.
func (s *Scanner) Scan(text, lang string, span dossier.Span, out []Expr) []Expr {
	return s.ScanTokens(text, nil, lang, span, out)
}

// ScanTokens is Scan over a document's text and its tokens (Document.Tokens):
// the scanner reads within the segmenter's tokens instead of tokenising the
// text on its own. Stages call it; Scan is for text that has no tokens.
func (s *Scanner) ScanTokens(text string, toks []dossier.Token, lang string, span dossier.Span, out []Expr) []Expr {
	return lexicon.ForLang(s.byLang, s.all, lang).scan(text, toks, span, out)
}

// Stage adds Document.Timexes. It implements dossier.Stage.
type Stage struct {
	scanner *Scanner
}

// New returns the timex stage built from the lexicons in lex.
func New(lex *lexicon.Set) (*Stage, error) {
	sc, err := NewScanner(lex)
	if err != nil {
		return nil, err
	}
	return &Stage{scanner: sc}, nil
}

// Scanner returns the stage's scanner, for stages that share its vocabulary.
func (s *Stage) Scanner() *Scanner { return s.scanner }

// Name implements dossier.Stage.
func (s *Stage) Name() string { return "timex" }

// checkEvery bounds how many bytes are scanned between context checks.
const checkEvery = 64 << 10

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer {
	return []dossier.Layer{dossier.LayerBoilerplate, dossier.LayerLang, dossier.LayerTokens, dossier.LayerMeta}
}

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerTimexes} }

// Process implements dossier.Stage: it scans the body (boilerplate skipped)
// and resolves each expression against Meta.Published. Relative expressions
// are dropped when the publication date is unknown.
func (s *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	var buf [64]Expr
	exprs := buf[:0]
	for _, body := range doc.Body() {
		for start := body.Start; start < body.End; {
			if err := ctx.Err(); err != nil {
				return err
			}
			end := chunkEnd(doc.Text, start, body.End)
			exprs = s.scanner.ScanTokens(doc.Text, doc.Tokens, doc.ReadingLang(), dossier.Span{Start: start, End: end}, exprs)
			start = end
		}
	}
	if !doc.Meta.Published.IsZero() && contradicted(doc.Meta.Published, exprs) {
		// The date a page shows is not always the article's: a render date
		// in the header ("Tuesday 3rd Mar 2015") over an interview "on
		// Friday (9 May)" of 2014. A weekday-dated reference that no
		// year near the date fits, and none that does, unseats it.
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("publication date %s dropped: the text's weekday-dated references do not fit it", doc.Meta.Published.Format(time.DateOnly)))
		doc.Meta.Published, doc.Meta.PublishedSpan = time.Time{}, nil
	}
	ref := doc.Meta.Published
	for _, e := range exprs {
		if tx, ok := e.Resolve(ref); ok {
			doc.Timexes = append(doc.Timexes, tx)
		}
	}
	return nil
}

// contradicted reports whether the year-less dates with a weekday among
// exprs ("Friday (9 May)") all fail to fall on that weekday near ref,
// and at least one does.
func contradicted(ref time.Time, exprs []Expr) bool {
	fits, misfits := 0, 0
	for _, e := range exprs {
		if e.Kind != KindCalendar || e.Year != 0 || e.Month == 0 || e.Day == 0 || e.Weekday == 0 {
			continue
		}
		// (Two years back: "last year's strike began on Monday, Dec. 14" is
		// the article's past, no sign of a wrong date.)
		if _, ok := monthDayWithin(ref, e.Month, e.Day, e.Weekday, 2); ok {
			fits++
		} else {
			misfits++
		}
	}
	return misfits > 0 && fits == 0
}

// chunkEnd cuts long bodies at a line break after checkEvery bytes, so that
// the context is checked regularly and no expression is split.
func chunkEnd(text string, start, end int) int {
	if end-start <= checkEvery {
		return end
	}
	for i := start + checkEvery; i < end; i++ {
		if text[i] == '\n' {
			return i + 1
		}
	}
	return end
}
