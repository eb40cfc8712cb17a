package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"

	"github.com/dossier-project/dossier/export/dbsource"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/sqlite"
)

// demoStore ingests the bundled demo corpus into a temporary store once per
// test binary and returns both backends over it: the store's own queries
// and, for comparison, the in-memory index built from the same store.
var demoStore = sync.OnceValues(func() (*demoBackends, error) {
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
	mem, err := LoadStored(ctx, dbsource.Source{DB: db}, eng.KB())
	if err != nil {
		return nil, err
	}
	return &demoBackends{store: NewStoreBackend(db, eng.KB()), mem: mem, db: db}, nil
})

type demoBackends struct {
	store *StoreBackend
	mem   *Memory
	db    *sqlite.DB
}

func demoBoth(t *testing.T) *demoBackends {
	t.Helper()
	b, err := demoStore()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStoreBackendMatchesMemory: on the demo corpus, the store's queries
// give the workbench the answers the in-memory index gives.
func TestStoreBackendMatchesMemory(t *testing.T) {
	b := demoBoth(t)
	ctx := context.Background()
	for _, q := range []SearchRequest{{Text: "Islamic State"}, {Text: "attaque"}, {}, {Lang: "fr"}, {Entity: "e:islamic-state"}, {Text: "prison", Since: "2022"}} {
		ms, err := b.mem.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		ss, err := b.store.Search(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		// The store's full-text index stems ("attaques" finds "attaque")
		// and indexes furniture lines too: it finds at least as much.
		if ss.Total < ms.Total {
			t.Errorf("search %+v: total %d in the store, %d in memory", q, ss.Total, ms.Total)
		}
		all, err := b.store.Search(ctx, SearchRequest{Text: q.Text, Entity: q.Entity, Lang: q.Lang, Since: q.Since, Size: maxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if ss.Total <= maxPageSize && len(all.Hits) != ss.Total {
			t.Errorf("search %+v: total %d but %d hits listed", q, ss.Total, len(all.Hits))
		}
		if len(ss.Hits) == 0 && ss.Total > 0 {
			t.Errorf("search %+v: no hits shown of %d", q, ss.Total)
		}
		if len(ms.Facets.Lang) != len(ss.Facets.Lang) {
			t.Errorf("search %+v: language facets %v vs %v", q, ss.Facets.Lang, ms.Facets.Lang)
		}
	}
	dm, err := b.mem.Document(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := b.store.Document(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Text != dm.Text || len(ds.Entities) != len(dm.Entities) || len(ds.Claims) != len(dm.Claims) || len(ds.Quotes) != len(dm.Quotes) {
		t.Errorf("document 3: store %d entities %d claims %d quotes, memory %d %d %d",
			len(ds.Entities), len(ds.Claims), len(ds.Quotes), len(dm.Entities), len(dm.Claims), len(dm.Quotes))
	}
	em, err := b.mem.Entity(ctx, "e:islamic-state")
	if err != nil {
		t.Fatal(err)
	}
	es, err := b.store.Entity(ctx, "e:islamic-state")
	if err != nil {
		t.Fatal(err)
	}
	if es.Mentions != em.Mentions || es.Documents != em.Documents || es.FirstSeen != em.FirstSeen || es.LastSeen != em.LastSeen {
		t.Errorf("entity: store %d mentions %d docs %s…%s, memory %d %d %s…%s",
			es.Mentions, es.Documents, es.FirstSeen, es.LastSeen, em.Mentions, em.Documents, em.FirstSeen, em.LastSeen)
	}
	if len(es.Relations) == 0 || len(es.Timeline) == 0 || len(es.DocumentList) == 0 {
		t.Errorf("entity page: %d relation groups, %d months, %d documents", len(es.Relations), len(es.Timeline), len(es.DocumentList))
	}
	for _, g := range es.Relations {
		for _, r := range g.Relations {
			if r.Evidence.Title == "" || r.Evidence.Text == "" {
				t.Errorf("relation evidence without title or text: %+v", r.Evidence)
			}
		}
	}
	found, err := b.store.FindEntities(ctx, "islam", "", 10)
	if err != nil || len(found) == 0 {
		t.Errorf("find 'islam': %v %v", found, err)
	}
	gm, err := b.mem.Graph(ctx, GraphRequest{Entity: "e:islamic-state", Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	gs, err := b.store.Graph(ctx, GraphRequest{Entity: "e:islamic-state", Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(gs.Nodes) != len(gm.Nodes) {
		t.Errorf("graph around IS: %d nodes in the store, %d in memory", len(gs.Nodes), len(gm.Nodes))
	}
	whole, err := b.store.Graph(ctx, GraphRequest{Cooccurrence: true})
	if err != nil || len(whole.Nodes) == 0 || len(whole.Edges) == 0 {
		t.Errorf("whole graph: %v, %v", whole, err)
	}
	if len(gs.Edges) > 0 {
		e := gs.Edges[0]
		ev, err := b.store.Edge(ctx, EdgeRequest{Source: e.Source, Target: e.Target, Predicate: e.Predicate})
		if err != nil || ev.Total == 0 || len(ev.Relations) == 0 {
			t.Errorf("edge %v: %+v %v", e, ev, err)
		}
	}
	tm, err := b.mem.Timeline(ctx, TimelineRequest{})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := b.store.Timeline(ctx, TimelineRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts.Documents) != len(tm.Documents) || len(ts.Events) == 0 || len(ts.Figures) == 0 {
		t.Errorf("timeline: %d days %d events %d figures in the store, %d days in memory", len(ts.Documents), len(ts.Events), len(ts.Figures), len(tm.Documents))
	}
	pm, err := b.mem.Places(ctx, PlacesRequest{})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := b.store.Places(ctx, PlacesRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps.Places) != len(pm.Places) {
		t.Errorf("places: %d in the store, %d in memory", len(ps.Places), len(pm.Places))
	}
	pe, err := b.store.Places(ctx, PlacesRequest{Entity: "e:islamic-state"})
	if err != nil || len(pe.Places) == 0 {
		t.Errorf("places around IS: %v %v", pe, err)
	}
	if _, err := b.store.Entity(ctx, "e:nobody"); err == nil {
		t.Errorf("unknown entity: no error")
	}
}

func osMkdirTemp() (string, error) { return os.MkdirTemp("", "dossier-web-store-") }

// syntheticStore stores n documents made from the demo corpus's extraction
// (entity ids varied over groups, so that the graph grows to thousands of
// nodes; dates shifted by a day per copy; each copy distinct bytes).
func syntheticStore(tb testing.TB, n, groups int) (*sqlite.DB, *kb.KB) {
	tb.Helper()
	docs, base := demoDocs(tb)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "synthetic.db"), sqlite.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
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
	db, base := syntheticStore(t, 3000, 80)
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
	if len(g.Nodes) != 300 || !g.Truncated {
		t.Errorf("whole graph: %d nodes (truncated %v), want the 300 best connected", len(g.Nodes), g.Truncated)
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
// a store of DOSSIER_WEB_BENCH_DOCS documents (default 10,000).
func BenchmarkStoreAPI(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("DOSSIER_WEB_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	db, base := syntheticStore(b, n, 80)
	srv, err := NewServer(NewStoreBackend(db, base), Options{})
	if err != nil {
		b.Fatal(err)
	}
	queries := map[string][]string{
		"search":   {"/api/search?q=Islamic+State", "/api/search?q=%22Islamic+State%22+-Kabul&page=2", "/api/search?q=crypto*&lang=fr&since=2022", "/api/search?q=the", "/api/search?q=attaque+prison"},
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
			var all []time.Duration
			for i := 0; b.Loop(); i++ {
				target := queries[page][i%len(queries[page])]
				r := httptest.NewRequest(http.MethodGet, target, nil)
				r.Host = "127.0.0.1:8080"
				w := httptest.NewRecorder()
				start := time.Now()
				h.ServeHTTP(w, r)
				all = append(all, time.Since(start))
			}
			slices.Sort(all)
			b.ReportMetric(float64(all[len(all)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}
