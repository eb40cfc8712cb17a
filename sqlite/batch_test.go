package sqlite_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/sqlite"
)

// TestBatchVisibilityAndResolution stores three documents in one batch: the
// follow-up resolves against the uncommitted first one, another connection
// sees nothing until Flush, then all three.
func TestBatchVisibilityAndResolution(t *testing.T) {
	path := filepath.Join(t.TempDir(), "batch.db")
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	reader, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if err := db.Batch(ctx, 8, time.Hour); err != nil {
		t.Fatal(err)
	}
	// The first batch holds one document, the second two, the third four.
	put(t, db, "fr.txt", frArticle)
	put(t, db, "en.txt", enArticle)
	if st, err := reader.Stats(ctx); err != nil || st.Documents != 1 {
		t.Fatalf("with a batch open another connection sees %d documents (%v), want 1", st.Documents, err)
	}
	// Resolved and stored against the uncommitted English article.
	put(t, db, "followup.txt", followUp)
	if again := put(t, db, "copy.txt", enArticle); again.Status != dossier.PutExists {
		t.Errorf("same bytes as a document of the batch = %+v, want exists", again)
	}
	syndicated := "WIRE SERVICE\n\n" + strings.Replace(enArticle, "Tuesday", "Wednesday", 1)
	if near := put(t, db, "wire.txt", syndicated); near.Status != dossier.PutNearDuplicate {
		t.Errorf("copy = %+v, want a near duplicate", near)
	}
	if st, err := reader.Stats(ctx); err != nil || st.Documents != 3 || st.NearDuplicates != 0 {
		t.Fatalf("before flush: %+v (%v), want 3 documents and the copy pending", st, err)
	}
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err := reader.Stats(ctx); err != nil || st.Documents != 3 || st.NearDuplicates != 1 {
		t.Fatalf("after flush: %+v (%v), want 3 documents and 1 near duplicate", st, err)
	}
	found, err := reader.FindEntities(ctx, "Karin Vogel", "PER")
	if err != nil || len(found) == 0 || found[0].Documents != 2 {
		t.Fatalf("Karin Vogel = %+v %v, want 2 documents (the follow-up by surname, resolved inside the batch)", found, err)
	}
	if hits, err := reader.Search(ctx, dossier.SearchQuery{Text: "Chabab"}); err != nil || len(hits) != 1 {
		t.Errorf("search after a batched commit: %d hits, %v", len(hits), err)
	}
	if _, err := reader.SQL().ExecContext(ctx, `INSERT INTO search(search) VALUES ('integrity-check')`); err != nil && !strings.Contains(err.Error(), "readonly") {
		t.Errorf("FTS integrity: %v", err)
	}
}

// TestEntityStatsMatchAggregates checks the counts kept on insert against
// the same figures aggregated from the rows, before and after PruneEntities
// recomputes them, across a near duplicate and a reindexed document.
func TestEntityStatsMatchAggregates(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	id := put(t, db, "en.txt", enArticle).ID
	put(t, db, "fr.txt", frArticle)
	put(t, db, "followup.txt", followUp)
	syndicated := "WIRE SERVICE\n\n" + strings.Replace(enArticle, "Tuesday", "Wednesday", 1)
	if r := put(t, db, "wire.txt", syndicated); r.Status != dossier.PutNearDuplicate {
		t.Fatalf("syndicated copy = %+v, want a near duplicate", r)
	}
	rec := record(t, db, "en.txt", enArticle)
	if err := db.Replace(ctx, id, rec); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		rows, err := db.SQL().QueryContext(ctx, `SELECT st.id, st.mentions, st.documents, a.m, a.d FROM entity_stats st
			JOIN (SELECT entity_id, sum(mentions) AS m, count(DISTINCT CASE WHEN original THEN doc_id END) AS d
				FROM doc_entities GROUP BY entity_id) a ON a.entity_id = st.id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var eid string
			var m, d, wantM, wantD int
			if err := rows.Scan(&eid, &m, &d, &wantM, &wantD); err != nil {
				t.Fatal(err)
			}
			if m != wantM || d != wantD {
				t.Errorf("%s: %s kept %d mentions in %d documents, rows say %d in %d", when, eid, m, d, wantM, wantD)
			}
			n++
		}
		if n == 0 {
			t.Fatalf("%s: no entity stats", when)
		}
	}
	check("incremental")
	if _, err := db.PruneEntities(ctx); err != nil {
		t.Fatal(err)
	}
	check("after prune")
	page, err := db.EntityPage(ctx, "e:islamic-state")
	if err != nil {
		t.Fatal(err)
	}
	if page.FirstSeen != "2024-03-12" || page.LastSeen != "2024-03-12" || page.Documents != 1 {
		t.Errorf("Islamic State: first %s last %s in %d documents, want 2024-03-12 and 1 (the copy not counted)", page.FirstSeen, page.LastSeen, page.Documents)
	}
}
