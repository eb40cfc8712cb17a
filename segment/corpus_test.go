package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

// devCorpus locates the shared development corpus, which lives beside the
// project and is absent from clean checkouts.
func devCorpus(t *testing.T) string {
	t.Helper()
	for _, dir := range []string{filepath.Join("..", "..", "shared", "eval", "dev"), "/work/shared/eval/dev"} {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	t.Skip("development corpus not found")
	return ""
}

// TestDevCorpus checks the invariants on real articles and logs splits worth
// a look: very short sentences and sentences starting in lower case.
func TestDevCorpus(t *testing.T) {
	dir := devCorpus(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no corpus files in %s", dir)
	}
	s := newStage(t)
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		lang := "en"
		if strings.Count(text, " les ")+strings.Count(text, " des ") > strings.Count(text, " the ") {
			lang = "fr"
		}
		doc := &dossier.Document{Text: text, Lang: lang}
		if err := s.Process(t.Context(), doc); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, text, doc.Tokens, doc.Sentences)
		t.Logf("%s [%s]: %d tokens, %d sentences", filepath.Base(path), lang, len(doc.Tokens), len(doc.Sentences))
		if !testing.Verbose() {
			continue
		}
		for _, se := range doc.Sentences {
			st := text[se.Start:se.End]
			r, _ := utf8.DecodeRuneInString(st)
			if len(st) < 12 || unicode.IsLower(r) {
				t.Logf("   suspicious: %q", st)
			}
		}
	}
}
