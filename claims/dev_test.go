package claims

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
	"github.com/dossier-project/dossier/resolve"
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

type devMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type devEntity struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Type     string       `json:"type"`
	Mentions []devMention `json:"mentions"`
}

type devRelation struct {
	Subject    string       `json:"subject"`
	Predicate  string       `json:"predicate"`
	Object     string       `json:"object"`
	Evidence   dossier.Span `json:"evidence"`
	Modality   string       `json:"modality"`
	Confidence float64      `json:"confidence"`
	Trigger    string       `json:"trigger,omitempty"`
}

type devDoc struct {
	Doc       string        `json:"doc"`
	Lang      string        `json:"lang"`
	Entities  []devEntity   `json:"entities"`
	Relations []devRelation `json:"relations"`
}

// TestDevCorpus runs clean → lang → segment → mentions → resolve → claims on
// the development corpus, writes contract-shaped JSON Lines and logs
// score.py's relation figures (go test ./claims -run DevCorpus -v).
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
	rs, err := resolve.New(k)
	if err != nil {
		t.Fatal(err)
	}
	st, err := New(lex, WithKB(k))
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
		for _, s := range []dossier.Stage{cl, lg, sg, mn, st} {
			if err := s.Process(ctx, doc); err != nil {
				t.Fatalf("%s: %s: %v", doc.Name, s.Name(), err)
			}
		}
		docs = append(docs, doc)
	}
	if err := rs.Resolve(ctx, docs); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, d := range docs {
		jd := devDoc{Doc: d.Name, Lang: d.Lang, Entities: []devEntity{}, Relations: []devRelation{}}
		for _, e := range d.Entities {
			je := devEntity{ID: e.ID, Name: e.Name, Type: e.Type}
			for _, m := range e.Mentions {
				sp := d.Mentions[m].Span
				je.Mentions = append(je.Mentions, devMention{sp.Start, sp.End, d.Slice(sp)})
			}
			jd.Entities = append(jd.Entities, je)
		}
		for _, c := range d.Claims {
			r := devRelation{Subject: d.Entities[c.Subject].ID, Predicate: c.Predicate, Object: d.Entities[c.Object].ID,
				Evidence: c.Evidence, Modality: c.Modality, Confidence: c.Confidence}
			if c.Trigger != nil {
				r.Trigger = d.Slice(*c.Trigger)
			}
			jd.Relations = append(jd.Relations, r)
			if testing.Verbose() {
				t.Logf("%s: %s %s %s [%s] %s %.2f", d.Name, d.Entities[c.Subject].Name, c.Predicate,
					d.Entities[c.Object].Name, r.Trigger, c.Modality, c.Confidence)
			}
		}
		line, err := json.Marshal(jd)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	out := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("DOSSIER_PRED_OUT"); keep != "" {
		_ = os.WriteFile(keep, []byte(b.String()), 0o644)
	}
	rep, err := exec.Command("python3", filepath.Join(dir, "score.py"), filepath.Join(dir, "dev"), out, "--verbose").CombinedOutput()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, rep)
	}
	for _, line := range strings.Split(string(rep), "\n") {
		if strings.HasPrefix(line, "relations") || strings.HasPrefix(line, "entity_recall") || strings.HasPrefix(line, "names_loose") {
			t.Log(line)
		}
	}
}
