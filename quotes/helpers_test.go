package quotes

import (
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

// checkQuotes asserts the invariants every output must keep.
func checkQuotes(t testing.TB, doc *dossier.Document) {
	t.Helper()
	n := len(doc.Text)
	valid := func(s dossier.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }
	prev := -1
	for i, q := range doc.Quotes {
		if !valid(q.Span) || q.End == q.Start {
			t.Fatalf("quote %d: bad span %v (len %d)", i, q.Span, n)
		}
		if q.Start < prev {
			t.Fatalf("quote %d: not sorted (%d after %d)", i, q.Start, prev)
		}
		prev = q.Start
		if utf8.ValidString(doc.Text) && !utf8.ValidString(doc.Text[q.Start:q.End]) {
			t.Fatalf("quote %d: span %v cuts a rune", i, q.Span)
		}
		for _, p := range q.Parts {
			if !valid(p) || !q.Span.Contains(p) {
				t.Fatalf("quote %d: part %v outside %v", i, p, q.Span)
			}
		}
		if q.Verb != nil && !valid(*q.Verb) {
			t.Fatalf("quote %d: bad verb span %v", i, *q.Verb)
		}
		if sp := q.Speaker; sp != nil {
			if !valid(sp.Span) {
				t.Fatalf("quote %d: bad speaker span %v", i, sp.Span)
			}
			if sp.Entity < -1 || sp.Entity >= len(doc.Entities) {
				t.Fatalf("quote %d: speaker entity %d out of range", i, sp.Entity)
			}
		}
	}
}
