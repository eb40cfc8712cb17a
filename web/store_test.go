package web

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"

	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/sqlite"
)

// demoStore ingests the bundled demo corpus into a temporary store once per
// test binary, as `dossier demo` does, and serves it.
var demoStore = sync.OnceValues(func() (*StoreBackend, error) {
	eng, err := demoCorpus()
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	dir, err := osMkdirTemp()
	if err != nil {
		return nil, err
	}
	db, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"), sqlite.Options{})
	if err != nil {
		return nil, err
	}
	in, err := ingest.New(eng, db, ingest.Options{Workers: 1})
	if err != nil {
		return nil, err
	}
	if _, err := in.Run(ctx, []string{filepath.Join("..", "demo", "corpus")}, nil); err != nil {
		return nil, err
	}
	db.UseKB(eng.KB())
	return NewStoreBackend(db, eng.KB()), nil
})

// TestStoreBackendDemo: the demo corpus as the workbench serves it. The
// figures are the demo's (32 articles, 16 per language, all dated): they
// were checked against the former in-memory index, which agreed.
func TestStoreBackendDemo(t *testing.T) {
	b, err := demoStore()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := b.Stats(ctx)
	if err != nil || st.Documents != 32 || st.Languages["en"] != 16 || st.Languages["fr"] != 16 {
		t.Fatalf("stats %+v %v", st, err)
	}
	for _, q := range []SearchRequest{{Text: "Islamic State"}, {Text: "attaque"}, {}, {Lang: "fr"}, {Entity: "e:islamic-state"}, {Text: "prison", Since: "2022"}} {
		res, err := b.Search(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		if res.Total == 0 || len(res.Hits) == 0 || len(res.Facets.Lang) == 0 {
			t.Errorf("search %+v: total %d, %d hits, facets %+v", q, res.Total, len(res.Hits), res.Facets.Lang)
		}
		all, err := b.Search(ctx, SearchRequest{Text: q.Text, Entity: q.Entity, Lang: q.Lang, Since: q.Since, Size: maxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if len(all.Hits) != res.Total {
			t.Errorf("search %+v: total %d but %d hits listed", q, res.Total, len(all.Hits))
		}
	}
	if res, _ := b.Search(ctx, SearchRequest{Lang: "fr"}); res.Total != 16 {
		t.Errorf("French documents: %d", res.Total)
	}
	doc, err := b.Document(ctx, 3)
	if err != nil || doc.Text == "" || len(doc.Entities) == 0 || len(doc.Mentions) == 0 {
		t.Fatalf("document 3: %v", err)
	}
	e, err := b.Entity(ctx, "e:islamic-state")
	if err != nil {
		t.Fatal(err)
	}
	if e.Mentions == 0 || e.Documents < 10 || e.FirstSeen == "" || e.LastSeen < e.FirstSeen || e.SeenIngested {
		t.Errorf("entity: %d mentions in %d docs, %s…%s", e.Mentions, e.Documents, e.FirstSeen, e.LastSeen)
	}
	if len(e.Relations) == 0 || len(e.Timeline) == 0 || len(e.DocumentList) == 0 || len(e.Aliases) == 0 {
		t.Errorf("entity page: %d relation groups, %d months, %d documents, %d aliases", len(e.Relations), len(e.Timeline), len(e.DocumentList), len(e.Aliases))
	}
	months := 0
	for _, m := range e.Timeline {
		months += m.Count
	}
	if months != e.Documents {
		t.Errorf("timeline counts %d documents, the entity %d", months, e.Documents)
	}
	for _, g := range e.Relations {
		for _, r := range g.Relations {
			if r.Evidence.Title == "" || r.Evidence.Text == "" {
				t.Errorf("relation evidence without title or text: %+v", r.Evidence)
			}
		}
	}
	found, err := b.FindEntities(ctx, "islam", "", 10)
	if err != nil || len(found) == 0 {
		t.Errorf("find 'islam': %v %v", found, err)
	}
	g, err := b.Graph(ctx, GraphRequest{Entity: "e:islamic-state", Depth: 1})
	if err != nil || len(g.Nodes) < 5 || len(g.Edges) < 4 {
		t.Fatalf("graph around IS: %+v %v", g, err)
	}
	whole, err := b.Graph(ctx, GraphRequest{Cooccurrence: true})
	if err != nil || len(whole.Nodes) == 0 || len(whole.Edges) == 0 {
		t.Errorf("whole graph: %v, %v", whole, err)
	}
	edge := g.Edges[0]
	ev, err := b.Edge(ctx, EdgeRequest{Source: edge.Source, Target: edge.Target, Predicate: edge.Predicate})
	if err != nil || ev.Total != edge.Count || len(ev.Relations) == 0 {
		t.Errorf("edge %v: %+v %v", edge, ev, err)
	}
	tl, err := b.Timeline(ctx, TimelineRequest{})
	if err != nil {
		t.Fatal(err)
	}
	days := 0
	for _, d := range tl.Documents {
		days += d.Count
	}
	if days != 32 || len(tl.Events) == 0 || len(tl.Figures) == 0 {
		t.Errorf("timeline: %d documents by day, %d events, %d figures", days, len(tl.Events), len(tl.Figures))
	}
	ps, err := b.Places(ctx, PlacesRequest{})
	if err != nil || len(ps.Places) < 20 {
		t.Errorf("places: %v %v", ps, err)
	}
	pe, err := b.Places(ctx, PlacesRequest{Entity: "e:islamic-state"})
	if err != nil || len(pe.Places) == 0 || len(pe.Places) > len(ps.Places) {
		t.Errorf("places around IS: %v %v", pe, err)
	}
	if _, err := b.Entity(ctx, "e:nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
}

func osMkdirTemp() (string, error) { return os.MkdirTemp("", "dossier-web-store-") }

// syntheticStore stores n documents made from the demo corpus's extraction
// (entity ids varied over groups, so that the graph grows to thousands of
// nodes; dates shifted by a day per copy; each copy distinct bytes).
func syntheticStore(tb testing.TB, n, groups int, path string) (*sqlite.DB, *kb.KB) {
	tb.Helper()
	docs, base := demoDocs(tb)
	ctx := context.Background()
	reuse := false
	if path == "" {
		path = filepath.Join(tb.TempDir(), "synthetic.db")
	} else if _, err := os.Stat(path); err == nil {
		reuse = true // a store built by an earlier run of the benchmark
	}
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if reuse {
		return db, base
	}
	if err := db.Batch(ctx, 64, time.Second); err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		src := docs[i%len(docs)]
		d := *src
		g := (i / len(docs)) % groups
		d.Entities = slices.Clone(src.Entities)
		for k := range d.Entities {
			if g > 0 {
				d.Entities[k].ID = fmt.Sprintf("%s~%d", src.Entities[k].ID, g)
			}
		}
		if !src.Meta.Published.IsZero() {
			d.Meta.Published = src.Meta.Published.AddDate(0, 0, -(i / len(docs)))
		}
		raw := []byte(fmt.Sprintf("%s\ncopy %d\n", d.Text, i))
		rec := &dossier.Record{Doc: &d, Raw: raw, Hash: dossier.ContentHash(raw), SimHash: uint64(i+1) * 0x9E3779B97F4A7C15,
			Source: dossier.Source{Name: fmt.Sprintf("doc-%05d.txt", i), RetrievedAt: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}}
		if _, err := db.Put(ctx, rec); err != nil {
			tb.Fatal(err)
		}
	}
	if err := db.Batch(ctx, 0, 0); err != nil {
		tb.Fatal(err)
	}
	return db, base
}

// TestStoreBackendLargeCorpus: on a store of a few thousand documents the
// workbench answers every page from the store, and the whole graph is cut
// to the best connected nodes, saying so.
func TestStoreBackendLargeCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("stores 3,000 documents")
	}
	db, base := syntheticStore(t, 3000, 80, "")
	b := NewStoreBackend(db, base)
	srv, err := NewServer(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	g, err := b.Graph(ctx, GraphRequest{Limit: 300})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 300 || !g.Truncated || g.Omitted == 0 || g.Claims == 0 {
		t.Errorf("whole graph: %d nodes (truncated %v, %d omitted, %d claims), want the 300 best connected and the rest counted",
			len(g.Nodes), g.Truncated, g.Omitted, g.Claims)
	}
	st, err := b.Stats(ctx)
	if err != nil || st.Documents != 3000 {
		t.Fatalf("stats: %+v %v", st, err)
	}
	queries := map[string][]string{
		"search":   {"/api/search?q=Islamic+State", "/api/search?q=%22Islamic+State%22+-Kabul&page=2", "/api/search?q=crypto*&lang=fr&since=2022", "/api/search?q=", "/api/search?q=the"},
		"document": {"/api/documents/1", "/api/documents/1500", "/api/documents/3000"},
		"entity":   {"/api/entities/e:islamic-state", "/api/entities/e:iskp~7", "/api/entities?q=isl"},
		"graph":    {"/api/graph", "/api/graph?entity=e:islamic-state&depth=2&cooccurrence=1", "/api/graph?modalities=asserted&types=ORG,PER"},
		"edge":     {"/api/edge?source=e:iskp&target=e:islamic-state", "/api/edge?source=e:iskp&target=e:islamic-state&predicate=cooccurrence"},
		"timeline": {"/api/timeline", "/api/timeline?entity=e:islamic-state", "/api/timeline?lang=en&since=2023"},
		"map":      {"/api/places", "/api/places?since=2024", "/api/places?entity=e:islamic-state"},
	}
	for page, qs := range queries {
		if len(qs) == 0 {
			t.Errorf("%s: no queries", page)
		}
		latencies(t, srv.Handler(), qs, 1) // fails on any status but 200
	}
}

// BenchmarkStoreAPI reports each page's API latency (p95-ms) answered from
// a store of DOSSIER_WEB_BENCH_DOCS documents (default 10,000), built at
// DOSSIER_WEB_BENCH_DB when set (and reused by the next run) or in a temporary directory.
func BenchmarkStoreAPI(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("DOSSIER_WEB_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	db, base := syntheticStore(b, n, 80, os.Getenv("DOSSIER_WEB_BENCH_DB"))
	srv, err := NewServer(NewStoreBackend(db, base), Options{})
	if err != nil {
		b.Fatal(err)
	}
	queries := map[string][]string{
		"search": {"/api/search?q=Islamic+State", "/api/search?q=%22Islamic+State%22+-Kabul&page=2", "/api/search?q=crypto*&lang=fr&since=2022",
			"/api/search?q=the", "/api/search?q=attaque+prison", "/api/search?q=terro*", "/api/search?q=%22pour+avoir%22&since=2023",
			"/api/search?q=Kabul+OR+Kaboul", "/api/search?q=police+-Paris&lang=en", "/api/search?q=renseign*&page=3",
			"/api/search?q=%22foreign+fighters%22", "/api/search?q=drone&type=PER", "/api/search?q=-Kabul", "/api/search?q=Mogadishu&since=2015"},
		"document": {"/api/documents/1", "/api/documents/77", "/api/documents/5000"},
		"entity":   {"/api/entities/e:islamic-state", "/api/entities/e:iskp~7", "/api/entities/e:kabul", "/api/entities?q=isl"},
		"graph":    {"/api/graph", "/api/graph?entity=e:islamic-state&depth=2&cooccurrence=1", "/api/graph?entity=e:iskp~7"},
		"edge":     {"/api/edge?source=e:iskp&target=e:islamic-state", "/api/edge?source=e:iskp&target=e:islamic-state&predicate=cooccurrence"},
		"timeline": {"/api/timeline", "/api/timeline?entity=e:islamic-state", "/api/timeline?lang=en&since=2023"},
		"map":      {"/api/places", "/api/places?since=2024", "/api/places?entity=e:islamic-state"},
	}
	for _, page := range []string{"search", "document", "entity", "graph", "edge", "timeline", "map"} {
		b.Run(page, func(b *testing.B) {
			b.ReportAllocs()
			h := srv.Handler()
			// One untimed round first: a server answers warm, its
			// connections' page caches filled by earlier requests.
			for _, q := range queries[page] {
				timedGet(h, q)
			}
			var all []time.Duration
			for i := 0; b.Loop(); i++ {
				took, _ := timedGet(h, queries[page][i%len(queries[page])])
				all = append(all, took)
			}
			slices.Sort(all)
			b.ReportMetric(float64(all[len(all)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}
