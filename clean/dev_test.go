package clean

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// devDir locates the shared development corpus, or "" when it is absent.
func devDir() string {
	for _, dir := range []string{
		filepath.Join("..", "..", "shared", "eval", "dev"),
		"/work/shared/eval/dev",
	} {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return ""
}

type devGold struct {
	Boilerplate []string `json:"boilerplate"`
	Content     []string `json:"content"`
}

// TestDevCorpus scores the stage on the development corpus exactly as
// shared/eval/score.py does: a gold furniture line is removed when its first
// occurrence lies inside one predicted span; a content prefix is kept when its
// first occurrence lies inside none.
func TestDevCorpus(t *testing.T) {
	dir := devDir()
	if dir == "" {
		t.Skip("shared/eval/dev not found")
	}
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(golds)
	st := newTestStage(t)
	t.Run("lines", func(t *testing.T) { scoreDev(t, st, dir, golds) })

	// With the corpus-level hint: lines repeated across documents.
	var texts []string
	for _, gf := range golds {
		if raw, err := os.ReadFile(strings.TrimSuffix(gf, ".gold.json") + ".txt"); err == nil {
			texts = append(texts, string(raw))
		}
	}
	learned, err := st.WithRepeatedLines(context.Background(), texts, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("repeated", func(t *testing.T) { scoreDev(t, learned, dir, golds) })
}

func scoreDev(t *testing.T, st *Stage, dir string, golds []string) {
	var bp, bpOK, ct, ctOK int
	for _, gf := range golds {
		base := strings.TrimSuffix(filepath.Base(gf), ".gold.json")
		raw, err := os.ReadFile(filepath.Join(dir, base+".txt"))
		if err != nil {
			continue // HTML documents are cleaned by the reader
		}
		gb, err := os.ReadFile(gf)
		if err != nil {
			t.Fatal(err)
		}
		var g devGold
		if err := json.Unmarshal(gb, &g); err != nil {
			t.Fatalf("%s: %v", gf, err)
		}
		doc := &dossier.Document{Name: base, Format: "txt", Text: string(raw)}
		if err := st.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		covered := func(start, end int) bool {
			for _, s := range doc.Boilerplate {
				if s.Start <= start && end <= s.End {
					return true
				}
			}
			return false
		}
		for _, line := range g.Boilerplate {
			i := strings.Index(doc.Text, line)
			if i < 0 {
				continue
			}
			bp++
			if covered(i, i+len(line)) {
				bpOK++
			} else {
				t.Logf("kept-boilerplate %s: %.60q", base, line)
			}
		}
		for _, pre := range g.Content {
			i := strings.Index(doc.Text, pre)
			if i < 0 {
				continue
			}
			ct++
			if !covered(i, i+len(pre)) {
				ctOK++
			} else {
				t.Errorf("dropped-content %s: %.60q", base, pre)
			}
		}
	}
	if bp == 0 || ct == 0 {
		t.Fatalf("no gold lines found in %s", dir)
	}
	removed, kept := float64(bpOK)/float64(bp), float64(ctOK)/float64(ct)
	t.Logf("boilerplate_removed %.3f (%d/%d)  content_kept %.3f (%d/%d)", removed, bpOK, bp, kept, ctOK, ct)
	if kept < 1 {
		t.Errorf("content_kept = %.3f, want 1.0", kept)
	}
	if removed < 0.90 {
		t.Errorf("boilerplate_removed = %.3f, want >= 0.90", removed)
	}
}
