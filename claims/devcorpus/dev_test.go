// Package devcorpus measures the claims stage on the shared development
// corpus (skipped when ../shared is absent).
package devcorpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/devcorpus"
	"github.com/dossier-project/dossier/kb"
)

// TestDevCorpus holds regression floors on the 35-document development
// corpus, set to what was measured when it grew from 17 documents (issue
// #12's targets are higher: pair 0.65, strict 0.55, EN and FR within 0.05):
// relations_pair F1 ≥ 0.53, relations_strict F1 ≥ 0.52 (cold 0.477 and
// 0.463; raised session 4 to what is measured), French within 0.10
// of English. With DOSSIER_CLAIMS_DEBUG=1 and -v it lists every
// predicted claim, every miss with the sentences naming both ends (mentions
// bracketed with their type and KB kind) and every spurious claim.
func TestDevCorpus(t *testing.T) {
	run := devcorpus.Extract(t)
	k, err := kb.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("DOSSIER_CLAIMS_DEBUG") != "" {
		for _, d := range run.Docs {
			for _, c := range d.Claims {
				t.Logf("%s: %s %s %s [%s] %s %.2f", d.Name, d.Entities[c.Subject].Name, c.Predicate, d.Entities[c.Object].Name, triggerText(d, c), c.Modality, c.Confidence)
			}
		}
		compareRelations(t, filepath.Join(run.Dir, "dev"), run.Docs, k)
	}
	for _, subset := range []string{"all", "en", "fr"} {
		run.Scores[subset].Log(t, subset, "relations_")
	}
	run.Check(t, 0.10,
		devcorpus.Target{Metric: "relations_pair", Min: 0.53},
		devcorpus.Target{Metric: "relations_strict", Min: 0.52},
	)
}

func triggerText(d *dossier.Document, c dossier.Claim) string {
	if c.Trigger == nil {
		return ""
	}
	return d.Slice(*c.Trigger)
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
		raw, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(filepath.Base(d.Name), ".txt")+".gold.json"))
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
