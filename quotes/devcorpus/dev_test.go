// Package devcorpus measures the quotes stage on the shared development
// corpus with the real upstream stages. It lives apart from package quotes so
// that the stage's own tests build even while an upstream stage is mid-edit.
package devcorpus

import (
	"bufio"
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
	"github.com/dossier-project/dossier/quotes"
	"github.com/dossier-project/dossier/resolve"
	"github.com/dossier-project/dossier/segment"
)

// evalDir locates the shared evaluation kit, or "" when it is absent.
func evalDir() string {
	for _, dir := range []string{filepath.Join("..", "..", "..", "shared", "eval"), filepath.Join("..", "..", "shared", "eval"), "/work/shared/eval"} {
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

type devSpeaker struct {
	ID   *string `json:"id"`
	Text string  `json:"text"`
}

type devQuote struct {
	Text    string      `json:"text"`
	Start   int         `json:"start"`
	End     int         `json:"end"`
	Speaker *devSpeaker `json:"speaker"`
	Verb    string      `json:"verb,omitempty"`
}

type devDoc struct {
	Doc      string      `json:"doc"`
	Lang     string      `json:"lang"`
	Entities []devEntity `json:"entities"`
	Quotes   []devQuote  `json:"quotes"`
}

// TestDevCorpus runs clean → lang → segment → mentions → quotes → resolve
// on the development corpus, writes contract-shaped JSON Lines and logs
// score.py's quote figures, overall and per language
// (go test ./quotes -run DevCorpus -v).
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
	st, err := quotes.New(lex)
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
		for _, q := range doc.Quotes {
			if q.Start < 0 || q.Start >= q.End || q.End > len(doc.Text) {
				t.Fatalf("%s: bad quote span %v", doc.Name, q.Span)
			}
		}
		docs = append(docs, doc)
	}
	if err := rs.Resolve(ctx, docs); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	byLang := map[string]*strings.Builder{"": {}}
	for _, d := range docs {
		jd := devDoc{Doc: d.Name, Lang: d.Lang, Entities: []devEntity{}, Quotes: []devQuote{}}
		for i, e := range d.Entities {
			id := e.ID
			if id == "" {
				id = "e:" + d.Name + ":" + e.Name
			}
			d.Entities[i].ID = id
			je := devEntity{ID: id, Name: e.Name, Type: e.Type}
			for _, m := range e.Mentions {
				sp := d.Mentions[m].Span
				je.Mentions = append(je.Mentions, devMention{sp.Start, sp.End, d.Slice(sp)})
			}
			jd.Entities = append(jd.Entities, je)
		}
		for _, q := range d.Quotes {
			jq := devQuote{Text: d.Slice(q.Span), Start: q.Start, End: q.End}
			if q.Speaker != nil {
				jq.Speaker = &devSpeaker{Text: d.Slice(q.Speaker.Span)}
				if q.Speaker.Entity >= 0 {
					id := d.Entities[q.Speaker.Entity].ID
					jq.Speaker.ID = &id
				}
			}
			if q.Verb != nil {
				jq.Verb = d.Slice(*q.Verb)
			}
			jd.Quotes = append(jd.Quotes, jq)
			if testing.Verbose() {
				sp := "-"
				if jq.Speaker != nil {
					sp = jq.Speaker.Text
					if jq.Speaker.ID == nil {
						sp = "~" + sp
					}
				}
				t.Logf("%s: %.50q ← %s [%s]", d.Name, jq.Text, sp, jq.Verb)
			}
		}
		line, err := json.Marshal(jd)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []string{"", d.Lang} {
			if byLang[l] == nil {
				byLang[l] = &strings.Builder{}
			}
			byLang[l].Write(line)
			byLang[l].WriteByte('\n')
		}
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		goldDir := filepath.Join(dir, "dev")
		if l != "" {
			// score.py scores every gold file of a directory: give it one language's.
			goldDir = filepath.Join(tmp, "gold-"+l)
			if err := os.MkdirAll(goldDir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				if d.Lang != l {
					continue
				}
				base := strings.TrimSuffix(d.Name, ".txt")
				for _, ext := range []string{".txt", ".gold.json"} {
					if err := os.Symlink(filepath.Join(mustAbs(t, dir), "dev", base+ext), filepath.Join(goldDir, base+ext)); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		pred := filepath.Join(tmp, "pred-"+l+".jsonl")
		if err := os.WriteFile(pred, []byte(byLang[l].String()), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("python3", filepath.Join(dir, "score.py"), goldDir, pred, "--verbose").CombinedOutput()
		if err != nil {
			t.Fatalf("score.py: %v\n%s", err, out)
		}
		name := l
		if name == "" {
			name = "all"
		}
		sc := bufio.NewScanner(strings.NewReader(string(out)))
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "quotes") || strings.HasPrefix(line, "speaker_") ||
				(l == "" && (strings.Contains(line, "miss-quote") || strings.Contains(line, "wrong-speaker"))) {
				t.Logf("[%s] %s", name, line)
			}
		}
	}
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
