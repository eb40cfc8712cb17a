package claims

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

// FuzzClaims runs the stage on arbitrary text with mentions laid over every
// third word-like run, and checks the invariants of its output.
func FuzzClaims(f *testing.F) {
	for _, seed := range []string{
		"Abu Hamza, the leader of Ansar al-Jihad, has sworn allegiance to the Islamic State.",
		"Karim, chef d’Ansar, n’a pas prêté allégeance à l’État islamique, selon une source.",
		"\xff\xfe(X) attacked Y in Z, Z.\n\"A said\" B's leader C",
		"", ",,,", "according to", "X-based Y", "« Il a dit » que X est basé à Y",
	} {
		f.Add(seed, "en")
		f.Add(seed, "fr")
	}
	s := newStage(f)
	types := []string{dossier.TypePER, dossier.TypeORG, dossier.TypeLOC}
	f.Fuzz(func(t *testing.T, text, lang string) {
		doc := &dossier.Document{Text: text, Lang: lang}
		// Mentions: maximal runs of non-space bytes, every run one entity of
		// a rotating type; one sentence per line, plus a bogus span.
		start := -1
		for i := 0; i <= len(text); i++ {
			space := i == len(text) || text[i] == ' ' || text[i] == '\n'
			if !space && start < 0 {
				start = i
			}
			if space && start >= 0 {
				n := len(doc.Mentions)
				doc.Entities = append(doc.Entities, dossier.Entity{Type: types[n%3], Mentions: []int{n}})
				doc.Mentions = append(doc.Mentions, dossier.Mention{Span: dossier.Span{Start: start, End: i}, Type: types[n%3], Entity: n})
				start = -1
			}
		}
		line := 0
		for i := 0; i <= len(text); i++ {
			if i == len(text) || text[i] == '\n' {
				doc.Sentences = append(doc.Sentences, dossier.Span{Start: line, End: i})
				line = i + 1
			}
		}
		doc.Sentences = append(doc.Sentences, dossier.Span{Start: len(text) + 5, End: len(text) + 1})
		if len(text) > 4 {
			doc.Quotes = []dossier.Quote{{Span: dossier.Span{Start: 1, End: len(text) - 1}}}
		}
		if err := s.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		seen := map[claimKey]bool{}
		for _, c := range doc.Claims {
			if c.Subject < 0 || c.Subject >= len(doc.Entities) || c.Object < 0 || c.Object >= len(doc.Entities) || c.Subject == c.Object {
				t.Fatalf("bad entity indexes %+v", c)
			}
			k := claimKey{c.Subject, c.Object, c.Predicate}
			if seen[k] {
				t.Fatalf("duplicate claim %+v", c)
			}
			seen[k] = true
			if !validPredicates[c.Predicate] {
				t.Fatalf("bad predicate %q", c.Predicate)
			}
			spans := []dossier.Span{c.Evidence}
			if c.Trigger != nil {
				spans = append(spans, *c.Trigger)
				if !c.Evidence.Contains(*c.Trigger) {
					t.Fatalf("trigger %v outside evidence %v", *c.Trigger, c.Evidence)
				}
			}
			if c.Attribution != nil {
				spans = append(spans, c.Attribution.Span)
				if a := c.Attribution.Entity; a < -1 || a >= len(doc.Entities) {
					t.Fatalf("bad attribution entity %d", a)
				}
				if !utf8.ValidString(c.Attribution.Descriptor) && utf8.ValidString(text) {
					t.Fatalf("descriptor %q not UTF-8", c.Attribution.Descriptor)
				}
			}
			for _, sp := range spans {
				if sp.Start < 0 || sp.Start > sp.End || sp.End > len(text) {
					t.Fatalf("span %v out of range (len %d)", sp, len(text))
				}
				_ = text[sp.Start:sp.End]
			}
			if c.Confidence <= 0 || c.Confidence > 1 {
				t.Fatalf("confidence %v", c.Confidence)
			}
		}
	})
}
