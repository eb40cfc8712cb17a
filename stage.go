package dossier

import "context"

// Stage is one step of the extraction pipeline. It reads the layers earlier
// stages produced and adds its own; it never changes Document.Text.
// A Stage is safe for concurrent use on different documents.
//
// Needs and Produces declare those layers, so that a pipeline checks when it
// is built that every layer a stage reads comes from an earlier stage
// (pipeline.New); the reader's layer (LayerText) is always there.
type Stage interface {
	Name() string
	Needs() []Layer
	Produces() []Layer
	Process(ctx context.Context, doc *Document) error
}

// Layer names an annotation layer of a Document.
type Layer string

// The layers of a Document, in the order the standard pipeline adds them.
const (
	LayerText        Layer = "text"        // Text, Format and the reader's Meta (always present)
	LayerBoilerplate Layer = "boilerplate" // Boilerplate
	LayerLang        Layer = "lang"        // Lang
	LayerTokens      Layer = "tokens"      // Tokens and Sentences
	LayerMeta        Layer = "meta"        // Meta.Title, Meta.Published and their spans
	LayerTimexes     Layer = "timexes"     // Timexes
	LayerFigures     Layer = "figures"     // Figures
	LayerMentions    Layer = "mentions"    // Mentions and Entities
	LayerQuotes      Layer = "quotes"      // Quotes
	LayerClaims      Layer = "claims"      // Claims
	LayerSources     Layer = "sources"     // Sources
)

// InBoilerplate reports whether the byte at pos lies in a boilerplate span.
func (d *Document) InBoilerplate(pos int) bool {
	b := d.Boilerplate
	lo, hi := 0, len(b)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case pos < b[m].Start:
			hi = m
		case pos >= b[m].End:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// Body returns the spans of Text that are not boilerplate, in order.
func (d *Document) Body() []Span {
	var out []Span
	pos := 0
	for _, b := range d.Boilerplate {
		if b.Start > pos {
			out = append(out, Span{pos, b.Start})
		}
		if b.End > pos {
			pos = b.End
		}
	}
	if pos < len(d.Text) {
		out = append(out, Span{pos, len(d.Text)})
	}
	return out
}

// Slice returns Text[s.Start:s.End], or "" when s is out of range.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}
