package segment

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier"
)

func FuzzSegment(f *testing.F) {
	seeds := []string{
		"", " ", "\n\n", ".", "...", "a.", "U.S.", "U.S.-", "e.g.the", "J.-C.", "Mr.\n\nSmith",
		"l’", "l'", "d'Al-Qaïda", "a-t-il", "-t-il", "x-", "'s", "Taliban's", "aujourd'hui",
		"10 000", "10\u202f000", "10\u00a0000\u00a0", "1,2,3", "1.000.000,5", "21st", "1er", "9",
		"« Non. » Oui", "\"Stop.\" Go", "?!", "\xff\xfe", "\xe2\x80", "a\xe2\x80\x99", "\u2029x",
		"\r\n\r\n", "A\nB\nC", "\u00ad", "é\u0301", "١٢٣", "Mme\nDurand",
	}
	for _, s := range seeds {
		f.Add(s, "en")
		f.Add(s, "fr")
	}
	for _, name := range []string{"bench_en.txt", "bench_fr.txt"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(string(b), "")
		}
	}
	s := newStage(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		toks, sents := s.Segment(text, lang, nil)
		checkInvariants(t, text, toks, sents)
		// Whatever the boilerplate, no sentence crosses its boundaries.
		if len(text) > 4 {
			b := dossier.Span{Start: len(text) / 4, End: len(text) / 2}
			toks, sents = s.Segment(text, lang, []dossier.Span{b})
			checkInvariants(t, text, toks, sents)
			for _, se := range sents {
				if se.Start < b.Start && se.End > b.Start || se.Start < b.End && se.End > b.End {
					t.Fatalf("sentence %+v crosses boilerplate %+v", se, b)
				}
			}
		}
	})
}
