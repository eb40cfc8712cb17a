package sqlite_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/demo"
	"github.com/dossier-project/dossier/sqlite"
)

// benchDocs is the corpus size of the query benchmarks; set
// DOSSIER_BENCH_DOCS to measure others (100000 takes a while), and
// DOSSIER_BENCH_DB to keep the built database in a file and reuse it.
func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("DOSSIER_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 10000
}

// buildCorpus stores n documents: 320 distinct extracted mixes of demo
// paragraphs, each stored n/320 times with a reference line appended to its
// original bytes and a distinct fingerprint (so none is a duplicate).
func buildCorpus(b *testing.B, n int) (*sqlite.DB, int64) {
	b.Helper()
	files, err := demo.Files()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, f := range files {
		raw, _ := fs.ReadFile(demo.FS, f)
		if strings.HasSuffix(f, ".txt") && !strings.Contains(f, "cp1252") {
			texts = append(texts, string(raw))
		}
	}
	path := filepath.Join(b.TempDir(), "bench.db")
	if keep := os.Getenv("DOSSIER_BENCH_DB"); keep != "" {
		// Reuse a corpus built by an earlier run (building 100,000 takes minutes).
		path = keep
		if st, err := os.Stat(keep); err == nil && st.Size() > 0 {
			db, err := sqlite.Open(context.Background(), keep, sqlite.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			var raw int64
			if err := db.SQL().QueryRow(`SELECT coalesce(sum(raw_bytes), 0) FROM documents`).Scan(&raw); err != nil {
				b.Fatal(err)
			}
			return db, raw
		}
	}
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	var base []*dossier.Record
	for i := range 320 {
		base = append(base, record(b, db, fmt.Sprintf("mix-%d.txt", i), mix(texts, i)))
	}
	ctx := context.Background()
	var raw int64
	// As dossier ingest stores: documents grouped into batched commits.
	if err := db.Batch(ctx, 64, time.Second); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for i := range n {
		r := *base[i%len(base)]
		ref := fmt.Sprintf("\nref %d\n", i)
		r.Raw = append(slices.Clip(r.Raw), ref...)
		// The text is the bytes, as for any UTF-8 plain-text file; spans
		// still fall before the added line.
		doc := *r.Doc
		doc.Text += ref
		r.Doc = &doc
		r.Hash = dossier.ContentHash(r.Raw)
		r.SimHash = uint64(i+1) * 0x9E3779B97F4A7C15
		r.Source.Name = fmt.Sprintf("doc-%06d.txt", i)
		if _, err := db.Put(ctx, &r); err != nil {
			b.Fatal(err)
		}
		raw += int64(len(r.Raw))
	}
	if err := db.Batch(ctx, 0, 0); err != nil {
		b.Fatal(err)
	}
	putRate = float64(n) / time.Since(start).Seconds()
	return db, raw
}

// putRate is the store-only rate of the last buildCorpus, documents/s.
var putRate float64

func mix(texts []string, i int) string {
	n := len(texts)
	pick := []int{i % n, (i/n + i%n + 1) % n, (2*(i%n) + 3 + i/n) % n}
	var out []string
	for k, t := range pick {
		paras := strings.Split(strings.TrimSpace(texts[t]), "\n\n")
		if k == 0 {
			out = append(out, paras[0])
		}
		if len(paras) > 1 {
			body := paras[1:]
			start := (i / n) % len(body)
			for j := range max(1, len(body)/3) {
				out = append(out, body[(start+j)%len(body)])
			}
		}
	}
	return strings.Join(out, "\n\n") + "\n"
}

func p95(d []time.Duration) time.Duration {
	slices.Sort(d)
	return d[len(d)*95/100]
}

// BenchmarkQueries reports search and entity-page p95 latency over a
// synthetic corpus of benchDocs documents, and the database size against
// the original bytes.
func BenchmarkQueries(b *testing.B) {
	n := benchDocs()
	db, raw := buildCorpus(b, n)
	ctx := context.Background()
	db.SQL().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	st, err := db.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	queries := []dossier.SearchQuery{
		{Text: "ISKP Tajik"}, {Text: `"Islamic State"`}, {Text: "attentat"}, {Text: "Kabul OR Kaboul"},
		{Text: "renseign*"}, {Text: "police -Paris"}, {Text: "drone strike", Lang: "en"}, {Text: "prison", Since: "2022"},
	}
	entities := []string{"e:islamic-state", "e:al-qaeda", "e:al-shabaab", "e:taliban"}
	for _, name := range []string{"Samuel Paty", "Shamima Begum", "Mogadishu"} {
		if found, _ := db.FindEntities(ctx, name, ""); len(found) > 0 {
			entities = append(entities, found[0].ID)
		}
	}
	var searchTimes, entityTimes []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		q := queries[i%len(queries)]
		t0 := time.Now()
		if _, err := db.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
		searchTimes = append(searchTimes, time.Since(t0))
		id := entities[i%len(entities)]
		t0 = time.Now()
		if _, err := db.EntityPage(ctx, id); err != nil {
			b.Fatalf("%s: %v", id, err)
		}
		entityTimes = append(entityTimes, time.Since(t0))
	}
	b.StopTimer()
	if testing.Verbose() {
		for k, q := range queries {
			var ts []time.Duration
			for i := k; i < len(searchTimes); i += len(queries) {
				ts = append(ts, searchTimes[i])
			}
			if len(ts) > 0 {
				b.Logf("search %-28q p95 %v", q.Text, p95(ts))
			}
		}
	}
	b.ReportMetric(float64(p95(searchTimes).Microseconds())/1000, "search-p95-ms")
	b.ReportMetric(float64(p95(entityTimes).Microseconds())/1000, "entity-p95-ms")
	b.ReportMetric(float64(st.DatabaseBytes)/float64(raw), "db/raw")
	b.ReportMetric(float64(n), "docs")
	b.ReportMetric(putRate, "put-docs/s")
}
