package web

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

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
