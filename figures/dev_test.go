package figures

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// sharedDir locates /work/shared beside the project, for local measurement only.
func sharedDir(t *testing.T) string {
	t.Helper()
	for _, d := range []string{filepath.Join("..", "..", "shared"), "/work/shared"} {
		if st, err := os.Stat(filepath.Join(d, "eval", "dev")); err == nil && st.IsDir() {
			return d
		}
	}
	t.Skip("shared evaluation corpus not available")
	return ""
}

type goldDoc struct {
	Lang    string `json:"lang"`
	Figures []struct {
		Value float64 `json:"value"`
		Unit  string  `json:"unit"`
		Text  string  `json:"text"`
	} `json:"figures"`
	Boilerplate []string `json:"boilerplate"`
}

// boilerplateSpans marks every line of text equal (trimmed) to a gold boilerplate line.
func boilerplateSpans(text string, lines []string) []dossier.Span {
	want := make(map[string]bool, len(lines))
	for _, l := range lines {
		want[strings.TrimSpace(l)] = true
	}
	var out []dossier.Span
	pos := 0
	for pos < len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		if want[strings.TrimSpace(text[pos:end])] {
			out = append(out, dossier.Span{Start: pos, End: end})
		}
		pos = end + 1
	}
	return out
}

// TestDevCorpus scores the stage on the development corpus the way
// shared/eval/score.py does: per document, figures match by value as multisets.
func TestDevCorpus(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "eval", "dev")
	stage, err := New(lexicon.Default())
	if err != nil {
		t.Fatal(err)
	}
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if len(golds) == 0 {
		t.Skip("no gold files")
	}
	sort.Strings(golds)
	tp, fp, fn := 0, 0, 0
	for _, gp := range golds {
		base := strings.TrimSuffix(filepath.Base(gp), ".gold.json")
		raw, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		var g goldDoc
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", gp, err)
		}
		text, err := os.ReadFile(filepath.Join(dir, base+".txt"))
		if err != nil {
			continue
		}
		doc := &dossier.Document{Name: base, Text: string(text), Lang: g.Lang}
		doc.Boilerplate = boilerplateSpans(doc.Text, g.Boilerplate)
		if err := stage.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		gv := map[float64]int{}
		for _, f := range g.Figures {
			gv[f.Value]++
		}
		pv := map[float64]int{}
		for _, f := range doc.Figures {
			pv[f.Value]++
		}
		for _, f := range doc.Figures {
			v := f.Value
			if pv[v] > gv[v] {
				t.Logf("%s extra: %v %s %q qual=%s noun=%q ctx=%q", base, v, f.Unit, doc.Slice(f.Span), f.Qualifier, f.Noun, around(doc.Text, f.Span))
			}
		}
		for _, f := range g.Figures {
			if gv[f.Value] > pv[f.Value] {
				t.Logf("%s miss: %v %s %q", base, f.Value, f.Unit, f.Text)
			}
		}
		for _, f := range doc.Figures {
			t.Logf("%s   got %v %s %q %s noun=%q", base, f.Value, f.Unit, doc.Slice(f.Span), f.Qualifier, f.Noun)
		}
		for v := range union(gv, pv) {
			m := min(gv[v], pv[v])
			tp += m
			fp += pv[v] - m
			fn += gv[v] - m
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("figures P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", p, r, f1, tp, fp, fn)
	// A floor well under the measured score: it catches regressions without
	// fitting the corpus.
	if f1 < 0.80 {
		t.Errorf("figures F1 = %.3f, want >= 0.80", f1)
	}
}

func union(a, b map[float64]int) map[float64]bool {
	out := map[float64]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

func around(text string, s dossier.Span) string {
	a, b := max(s.Start-50, 0), min(s.End+50, len(text))
	return text[a:b]
}
