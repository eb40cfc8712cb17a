package resolve

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/clean"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lang"
	"github.com/dossier-project/dossier/lexicon"
	"github.com/dossier-project/dossier/mentions"
	"github.com/dossier-project/dossier/segment"
)

// evalDir locates the shared evaluation kit, or "" when it is absent.
func evalDir() string {
	for _, dir := range []string{filepath.Join("..", "..", "shared", "eval"), "/work/shared/eval"} {
		if st, err := os.Stat(filepath.Join(dir, "dev")); err == nil && st.IsDir() {
			return dir
		}
	}
	return ""
}

type jsonMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsonEntity struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Type     string        `json:"type"`
	Mentions []jsonMention `json:"mentions"`
}

type jsonDoc struct {
	Doc      string       `json:"doc"`
	Lang     string       `json:"lang"`
	Entities []jsonEntity `json:"entities"`
}

// TestDevCorpus runs clean → lang → segment → mentions → resolve on the
// development corpus and logs score.py's report (go test -run DevCorpus -v).
func TestDevCorpus(t *testing.T) {
	dir := evalDir()
	if dir == "" {
		t.Skip("shared/eval not found")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found")
	}
	ctx := context.Background()
	lex := lexicon.Default()
	k, err := kb.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := clean.New(lex)
	if err != nil {
		t.Fatal(err)
	}
	lg, err := lang.New(lex, lang.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := segment.New(lex)
	if err != nil {
		t.Fatal(err)
	}
	mn, err := mentions.New(lex, k)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := New(k)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "dev", "*.txt"))
	sort.Strings(files)
	var docs []*dossier.Document
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := &dossier.Document{Name: filepath.Base(f), Format: "txt", Text: string(raw)}
		for _, st := range []dossier.Stage{cl, lg, sg, mn} {
			if err := st.Process(ctx, doc); err != nil {
				t.Fatalf("%s: %s: %v", doc.Name, st.Name(), err)
			}
		}
		docs = append(docs, doc)
	}
	if err := rs.Resolve(ctx, docs); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "pred.jsonl")
	var b strings.Builder
	for _, d := range docs {
		jd := jsonDoc{Doc: d.Name, Lang: d.Lang, Entities: []jsonEntity{}}
		for _, e := range d.Entities {
			je := jsonEntity{ID: e.ID, Name: e.Name, Type: e.Type}
			for _, m := range e.Mentions {
				sp := d.Mentions[m].Span
				je.Mentions = append(je.Mentions, jsonMention{sp.Start, sp.End, d.Slice(sp)})
			}
			jd.Entities = append(jd.Entities, je)
		}
		line, err := json.Marshal(jd)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("DOSSIER_PRED_OUT"); keep != "" {
		_ = os.WriteFile(keep, []byte(b.String()), 0o644)
	}
	args := []string{filepath.Join(dir, "score.py"), filepath.Join(dir, "dev"), out}
	if testing.Verbose() {
		args = append(args, "--verbose")
	}
	cmd := exec.Command("python3", args...)
	rep, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, rep)
	}
	t.Logf("score.py:\n%s", rep)
}
