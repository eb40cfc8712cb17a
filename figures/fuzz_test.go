package figures

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

var fuzzSeeds = []string{
	"killing more than 140 people", "au moins 20 morts", "1,2 million d'euros", "$5 million",
	"vingt et un", "quatre-vingt-dix-sept otages", "a dozen of his men", "21 of more than 200 girls",
	"3 000 criminels", "2bn", "9/11", "13-Novembre", "(24)", "19:48", "1.2.3", "€", "US$ 20",
	"twenty-one-year-old", "une cinquantaine de", "between 1,500 and 2,000 fighters", "\xff\xfe12 \xc3",
	"99999999999999999999 people", "1,000,000,000,000,000 dollars", "- - -1 ,2 .3", "deux-", "-deux",
	"a a a dozen dozen", "\u00a0500\u202f000 personnes", "hundred and and fifty", "et et un",
}

// checkFigures asserts the invariants every output must keep.
func checkFigures(t *testing.T, text string, figs []dossier.Figure) {
	t.Helper()
	last := -1
	for _, f := range figs {
		if f.Start < 0 || f.Start > f.End || f.End > len(text) {
			t.Fatalf("span %v out of range for %d bytes", f.Span, len(text))
		}
		if f.Start == f.End {
			t.Fatalf("empty figure span %v", f.Span)
		}
		if f.Start < last {
			t.Fatalf("figures not sorted: %d after %d", f.Start, last)
		}
		last = f.Start
		if !utf8.ValidString(text[f.Start:f.End]) && utf8.ValidString(text) {
			t.Fatalf("span %v cuts a rune", f.Span)
		}
		if f.NounSpan != nil {
			n := f.NounSpan
			if n.Start < 0 || n.Start > n.End || n.End > len(text) || text[n.Start:n.End] != f.Noun {
				t.Fatalf("noun span %v does not hold %q", *n, f.Noun)
			}
		}
		if !(f.Value > 0) || f.Value != f.Value {
			t.Fatalf("bad value %v", f.Value)
		}
		if unitNames[0] == f.Unit {
			t.Fatalf("empty unit")
		}
		if !qualifierNames[f.Qualifier] {
			t.Fatalf("bad qualifier %q", f.Qualifier)
		}
	}
}

// FuzzParseNumber runs the number parser at every word of the input.
func FuzzParseNumber(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	st := newStage(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range []*model{st.all, st.byLang["en"], st.byLang["fr"]} {
			s := scanner{t: text, lo: 0, hi: len(text), m: m}
			for i := 0; i < len(text); i++ {
				if !isDigit(text[i]) && !s.startsNumber(i, s.wordEnd(i)) {
					continue
				}
				ex, skip, ok := s.parseNumber(i)
				if skip < i || skip > len(text) {
					t.Fatalf("skip %d outside [%d,%d]", skip, i, len(text))
				}
				if ok && (ex.start < 0 || ex.start > ex.end || ex.end > len(text) || ex.end <= i) {
					t.Fatalf("expression [%d,%d) invalid at %d", ex.start, ex.end, i)
				}
			}
		}
	})
}

// FuzzStage runs the whole stage, with and without boilerplate and sentences.
func FuzzStage(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "en", 3)
	}
	f.Add("Trois attentats ont fait 130 morts.", "fr", 0)
	f.Add(strings.Repeat("12 people ", 50), "", 7)
	st := newStage(f)
	f.Fuzz(func(t *testing.T, text, lang string, cut int) {
		doc := &dossier.Document{Text: text, Lang: lang}
		if cut > 0 && len(text) > 0 {
			c := cut % (len(text) + 1)
			doc.Boilerplate = []dossier.Span{{Start: 0, End: c}}
			doc.Sentences = []dossier.Span{{Start: c / 2, End: len(text)}}
		}
		if err := st.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkFigures(t, text, doc.Figures)
		for _, fg := range doc.Figures {
			if doc.InBoilerplate(fg.Start) {
				t.Fatalf("figure %v inside boilerplate", fg.Span)
			}
		}
	})
}

// TestHostileInputs runs shapes that could make a scanner slow or unsafe:
// huge words, long separator runs, endless number chains, invalid UTF-8.
func TestHostileInputs(t *testing.T) {
	st := newStage(t)
	inputs := []string{
		strings.Repeat("a", 1<<20) + " 12 people",
		"12 " + strings.Repeat(",", 1<<20) + " people",
		strings.Repeat("twenty-one ", 1<<16),
		strings.Repeat("1,000,", 1<<16),
		strings.Repeat("-", 1<<20),
		strings.Repeat("\xff\xc3 12 \xe2\x80", 1<<15),
		strings.Repeat("more than 3 of the 4 of the ", 1<<14),
		strings.Repeat("9", 1<<20),
		"",
	}
	for _, in := range inputs {
		doc := &dossier.Document{Text: in}
		if err := st.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkFigures(t, in, doc.Figures)
	}
}
