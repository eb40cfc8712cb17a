package export

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
)

// TestRoundTripDemo exports the demo corpus to STIX and imports the bundle
// as a watchlist into an empty knowledge base: every entity and every alias
// must come back, findable by name.
func TestRoundTripDemo(t *testing.T) {
	d := loadDemo(t)
	out, _ := exportBytes(t, FormatSTIX, Docs(d.docs), Options{KB: d.kb})
	entries, err := kb.ParseWatchlist("demo.json", out)
	if err != nil {
		t.Fatal(err)
	}
	base := kb.Empty()
	if _, err := base.MergeWatchlist(entries); err != nil {
		t.Fatal(err)
	}
	c, err := index(context.Background(), Docs(d.docs), Options{KB: d.kb})
	if err != nil {
		t.Fatal(err)
	}
	missing := 0
	for _, e := range sortedEntities(c.entities) {
		for _, name := range append([]string{e.Name}, e.aliasNames()...) {
			if kb.Key(name) == "" {
				continue // punctuation only: no name to match
			}
			if !foundAs(base, name, e.Type) && !weakAliasOf(base, e.Name, name) {
				missing++
				if missing < 20 {
					t.Errorf("%s (%s): %q not in the imported knowledge base", e.ID, e.Type, name)
				}
			}
		}
	}
	if base.Len() == 0 || missing > 0 {
		t.Errorf("%d entries imported, %d names missing", base.Len(), missing)
	}
	t.Logf("%d entities exported, %d entries imported", len(c.entities), base.Len())
}

func foundAs(k *kb.KB, name, typ string) bool {
	for _, m := range k.Find(name) {
		if string(m.Entry.Type) == typ {
			return true
		}
	}
	// Short all-capital aliases only match capitalised text (kb.CaseSensitive).
	for _, m := range k.Find(strings.ToUpper(name)) {
		if string(m.Entry.Type) == typ {
			return true
		}
	}
	return false
}

// weakAliasOf reports name as a weak alias (a part of a person's name, see
// kb.ParseWatchlist) of the entry called full.
func weakAliasOf(k *kb.KB, full, name string) bool {
	for _, m := range k.Find(full) {
		for _, w := range m.Entry.WeakAliases {
			if w == name {
				return true
			}
		}
	}
	return false
}

// synthetic is a Source generating n documents on the fly from a pool of
// entities, like a large store would yield them: nothing is retained.
type synthetic struct {
	n        int
	peakHeap uint64
}

func (s *synthetic) Documents(ctx context.Context, fn func(*dossier.Document) error) error {
	var ms runtime.MemStats
	for i := 0; i < s.n; i++ {
		a, b := i%50, (i*7+3)%50
		text := fmt.Sprintf("Report %d\nThe Group %d attacked the Town %d, officials said. Leader %d heads Group %d.\n", i, a, b, a, a)
		doc := &dossier.Document{Name: fmt.Sprintf("doc-%d.txt", i), Lang: "en", Text: text}
		at := func(s string) dossier.Span {
			j := strings.Index(text, s)
			return dossier.Span{Start: j, End: j + len(s)}
		}
		doc.Mentions = []dossier.Mention{
			{Span: at(fmt.Sprintf("Group %d", a)), Type: "ORG", Entity: 0},
			{Span: at(fmt.Sprintf("Town %d", b)), Type: "LOC", Entity: 1},
			{Span: at(fmt.Sprintf("Leader %d", a)), Type: "PER", Entity: 2},
		}
		doc.Entities = []dossier.Entity{
			{ID: fmt.Sprintf("e:group-%d", a), Name: fmt.Sprintf("Group %d", a), Type: "ORG", Mentions: []int{0}},
			{ID: fmt.Sprintf("e:town-%d", b), Name: fmt.Sprintf("Town %d", b), Type: "LOC", Mentions: []int{1}},
			{ID: fmt.Sprintf("e:leader-%d", a), Name: fmt.Sprintf("Leader %d", a), Type: "PER", Mentions: []int{2}},
		}
		doc.Claims = []dossier.Claim{
			{Subject: 0, Predicate: dossier.PredAttacked, Object: 1, Evidence: at("The Group"), Modality: dossier.ModalityAsserted, Confidence: 0.9},
			{Subject: 2, Predicate: dossier.PredLeads, Object: 0, Evidence: at("Leader"), Modality: dossier.ModalityAsserted, Confidence: 0.9},
		}
		doc.Quotes = []dossier.Quote{{Span: at("officials said"), Speaker: &dossier.Speaker{Entity: -1, Span: at("officials")}}}
		if err := fn(doc); err != nil {
			return err
		}
		if i%5000 == 4999 {
			runtime.GC() // live heap: what the export retains
			runtime.ReadMemStats(&ms)
			s.peakHeap = max(s.peakHeap, ms.HeapAlloc)
		}
	}
	return nil
}

// TestConstantMemory exports 10× more documents with the same entities and
// checks that the heap does not grow with them.
func TestConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	peak := func(f Format, n int) uint64 {
		runtime.GC()
		src := &synthetic{n: n}
		if _, err := Write(context.Background(), io.Discard, f, src, Options{}); err != nil {
			t.Fatal(err)
		}
		return src.peakHeap
	}
	for _, f := range []Format{FormatSTIX, FormatFtM, FormatJSONL} {
		small, large := peak(f, 10_000), peak(f, 100_000)
		t.Logf("%s: live heap %d KiB after 10,000 documents, %d KiB after 100,000", f, small>>10, large>>10)
		if large > small+4<<20 {
			t.Errorf("%s: heap grows with the number of documents: %d → %d KiB", f, small>>10, large>>10)
		}
	}
}

// benchDocs is the hand-written fixture repeated into a corpus of 200 documents.
func benchDocs(b *testing.B) ([]*dossier.Document, int) {
	base := fixtureDocs(b)
	var docs []*dossier.Document
	words := 0
	for i := 0; i < 200; i++ {
		d := *base[i%len(base)]
		d.Text = d.Text + strings.Repeat(" ", i) // distinct documents, same spans
		docs = append(docs, &d)
		words += len(strings.Fields(d.Text))
	}
	return docs, words
}

func BenchmarkExport(b *testing.B) {
	docs, words := benchDocs(b)
	opts := fixtureOptions(b)
	for _, f := range []Format{FormatSTIX, FormatFtM, FormatGraphML, FormatJSONL} {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Write(context.Background(), io.Discard, f, Docs(docs), opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// TestDevCorpus exports the development corpus (real articles, read from
// shared/ only) in every format and checks each against its standard.
func TestDevCorpus(t *testing.T) {
	dir := devDir()
	if dir == "" {
		t.Skip("shared/eval/dev not found")
	}
	d, err := extractDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{KB: d.kb}
	stix, st := exportBytes(t, FormatSTIX, Docs(d.docs), opts)
	checkRequired(t, parseBundle(t, stix))
	if standardsDir() != "" {
		validateSTIX(t, stix)
	}
	graph, _ := exportBytes(t, FormatGraphML, Docs(d.docs), opts)
	checkGraphML(t, graph)
	entries, err := kb.ParseWatchlist("dev.json", stix)
	if err != nil {
		t.Fatal(err)
	}
	k := kb.Empty()
	if _, err := k.MergeWatchlist(entries); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, o := range parseBundle(t, stix).Objects {
		types[o["type"].(string)]++
	}
	t.Logf("dev corpus: %d documents → %v; %d entries back from the bundle", st.Documents, types, k.Len())
}
