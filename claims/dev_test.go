package claims

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

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
	compareRelations(t, dir, docs, k)
}

// goldDoc is the part of a *.gold.json file the relation comparison reads.
type goldDoc struct {
	Lang     string `json:"lang"`
	Entities []struct {
		ID    string   `json:"id"`
		Names []string `json:"names"`
	} `json:"entities"`
	Relations []struct {
		Subject   string `json:"subject"`
		Predicate string `json:"predicate"`
		Object    string `json:"object"`
	} `json:"relations"`
}

// normName mirrors score.py's norm: accents, case, punctuation and spacing ignored.
func normName(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// compareRelations maps predicted entities to gold ids through their names,
// as score.py does, and logs per-language figures; with DOSSIER_CLAIMS_DEBUG
// set it also lists every missed and spurious relation with its sentences,
// mentions bracketed, so the patterns behind the misses can be read.
func compareRelations(t *testing.T, dir string, docs []*dossier.Document, k *kb.KB) {
	debug := os.Getenv("DOSSIER_CLAIMS_DEBUG") != ""
	type counts struct{ tp, fp, fn, ltp, lfp, lfn int }
	byLang := map[string]*counts{}
	for _, d := range docs {
		raw, err := os.ReadFile(filepath.Join(dir, "dev", strings.TrimSuffix(d.Name, ".txt")+".gold.json"))
		if err != nil {
			continue
		}
		var g goldDoc
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		gid := map[string]string{}
		for _, e := range g.Entities {
			for _, n := range e.Names {
				gid[normName(n)] = e.ID
			}
		}
		ids := make([]string, len(d.Entities))
		for i, e := range d.Entities {
			found := map[string]bool{}
			for _, n := range append([]string{e.Name}, mentionTexts(d, e)...) {
				if id, ok := gid[normName(n)]; ok {
					found[id] = true
				}
			}
			ids[i] = "?" + e.Name
			if len(found) == 1 {
				for id := range found {
					ids[i] = id
				}
			}
		}
		type triple struct{ s, p, o string }
		pair := func(a, b string) [2]string {
			if a > b {
				a, b = b, a
			}
			return [2]string{a, b}
		}
		gold, goldPairs := map[triple]bool{}, map[[2]string]bool{}
		for _, r := range g.Relations {
			gold[triple{r.Subject, r.Predicate, r.Object}] = true
			goldPairs[pair(r.Subject, r.Object)] = true
		}
		pred, predPairs := map[triple]dossier.Claim{}, map[[2]string]bool{}
		for _, c := range d.Claims {
			pred[triple{ids[c.Subject], c.Predicate, ids[c.Object]}] = c
			predPairs[pair(ids[c.Subject], ids[c.Object])] = true
		}
		cn := byLang[g.Lang]
		if cn == nil {
			cn = &counts{}
			byLang[g.Lang] = cn
		}
		for tr, c := range pred {
			if gold[tr] {
				cn.tp++
				continue
			}
			cn.fp++
			if debug {
				t.Logf("FP   %s: %s %s %s [%s] :: %s", d.Name, tr.s, tr.p, tr.o, triggerText(d, c), bracketed(d, c.Evidence, k))
			}
		}
		for tr := range gold {
			if _, ok := pred[tr]; ok {
				continue
			}
			cn.fn++
			if debug {
				t.Logf("MISS %s: %s %s %s (pair found: %v)", d.Name, tr.s, tr.p, tr.o, predPairs[pair(tr.s, tr.o)])
				for _, sent := range d.Sentences {
					if sentenceNames(d, sent, ids, tr.s) && sentenceNames(d, sent, ids, tr.o) {
						t.Logf("       :: %s", bracketed(d, sent, k))
					}
				}
			}
		}
		for p := range predPairs {
			if goldPairs[p] {
				cn.ltp++
			} else {
				cn.lfp++
			}
		}
		for p := range goldPairs {
			if !predPairs[p] {
				cn.lfn++
			}
		}
	}
	prf := func(tp, fp, fn int) string {
		p, r := float64(tp)/float64(max(tp+fp, 1)), float64(tp)/float64(max(tp+fn, 1))
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f", p, r, f)
	}
	for _, l := range []string{"en", "fr"} {
		if c := byLang[l]; c != nil {
			t.Logf("%s strict %s  pair %s", l, prf(c.tp, c.fp, c.fn), prf(c.ltp, c.lfp, c.lfn))
		}
	}
}

func mentionTexts(d *dossier.Document, e dossier.Entity) []string {
	out := make([]string, 0, len(e.Mentions))
	for _, m := range e.Mentions {
		out = append(out, d.Slice(d.Mentions[m].Span))
	}
	return out
}

// sentenceNames reports whether a mention of gold entity id lies in sent.
func sentenceNames(d *dossier.Document, sent dossier.Span, ids []string, id string) bool {
	for _, m := range d.Mentions {
		if sent.Contains(m.Span) && m.Entity >= 0 && m.Entity < len(ids) && ids[m.Entity] == id {
			return true
		}
	}
	return false
}

// bracketed renders a sentence with its mentions as [TYPE/kind text].
func bracketed(d *dossier.Document, sent dossier.Span, k *kb.KB) string {
	var b strings.Builder
	pos := sent.Start
	for _, m := range d.Mentions {
		if !sent.Contains(m.Span) || m.Start < pos {
			continue
		}
		b.WriteString(d.Text[pos:m.Start])
		kind := ""
		if m.Entity >= 0 && m.Entity < len(d.Entities) && d.Entities[m.Entity].KB != "" {
			if e := k.Entry(d.Entities[m.Entity].KB); e != nil {
				kind = "/" + string(e.Kind)
			}
		}
		fmt.Fprintf(&b, "[%s%s %s]", m.Type, kind, d.Text[m.Start:m.End])
		pos = m.End
	}
	b.WriteString(d.Text[pos:sent.End])
	return strings.ReplaceAll(b.String(), "\n", " ")
}
