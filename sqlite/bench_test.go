package sqlite_test

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

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

// benchTexts are the plain-text demo articles the synthetic corpus mixes.
func benchTexts(b *testing.B) []string {
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
	return texts
}

// variedQueries draws n searches from the words of texts, of every shape an
// analyst types: stop-words, common and rare words, prefixes, phrases, names
// common and rare, exclusions, OR, and filters on some. The draw is fixed
// (seeded) so that runs compare.
func variedQueries(b *testing.B, texts []string, n int) []dossier.SearchQuery {
	freq := map[string]int{}
	var words []string // the texts' words in order, for phrases
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			w = strings.Trim(w, "-")
			if len([]rune(w)) < 2 {
				continue
			}
			freq[w]++
			words = append(words, w)
		}
	}
	byFreq := make([]string, 0, len(freq))
	for w := range freq {
		byFreq = append(byFreq, w)
	}
	slices.SortFunc(byFreq, func(x, y string) int { return cmp.Or(freq[y]-freq[x], strings.Compare(x, y)) })
	isName := func(w string) bool { r, _ := utf8.DecodeRuneInString(w); return unicode.IsUpper(r) }
	var stop, common, rare, names, rareNames, long []string
	for i, w := range byFreq {
		switch {
		case i < 30 && !isName(w):
			stop = append(stop, w)
		case isName(w) && freq[w] >= 5:
			names = append(names, w)
		case isName(w) && freq[w] == 1:
			rareNames = append(rareNames, w)
		case freq[w] <= 2:
			rare = append(rare, w)
		case freq[w] >= 5:
			common = append(common, w)
		}
		if !isName(w) && len(w) >= 8 && freq[w] >= 3 {
			long = append(long, w)
		}
	}
	if len(stop) == 0 || len(common) == 0 || len(rare) == 0 || len(names) == 0 || len(rareNames) == 0 || len(long) == 0 {
		b.Fatal("variedQueries: the texts lack a kind of word")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(ws []string) string { return ws[rng.IntN(len(ws))] }
	phrase := func(name bool) string {
		for {
			i := rng.IntN(len(words) - 1)
			if !name || isName(words[i]) && isName(words[i+1]) {
				return `"` + words[i] + " " + words[i+1] + `"`
			}
		}
	}
	shapes := []func() string{
		func() string { return pick(stop) },
		func() string { return pick(common) },
		func() string { return pick(common) + " " + pick(common) },
		func() string { return pick(rare) },
		func() string { return pick(long)[:5] + "*" },
		func() string { return phrase(false) },
		func() string { return phrase(true) },
		func() string { return pick(names) },
		func() string { return pick(names) + " " + pick(names) },
		func() string { return pick(rareNames) },
		func() string { return pick(common) + " -" + pick(names) },
		func() string { return pick(names) + " OR " + pick(names) },
	}
	out := make([]dossier.SearchQuery, n)
	for i := range out {
		q := dossier.SearchQuery{Text: shapes[i%len(shapes)]()}
		switch rng.IntN(6) {
		case 0:
			q.Lang = []string{"en", "fr"}[rng.IntN(2)]
		case 1:
			q.Since = strconv.Itoa(2015 + rng.IntN(10))
		}
		out[i] = q
	}
	return out
}

// variedEntities returns about n entity ids of db: the most documented half,
// and a spread of the others down to the rarest.
func variedEntities(ctx context.Context, db *sqlite.DB, n int) ([]string, error) {
	var ids []string
	rows, err := db.SQL().QueryContext(ctx, `SELECT id FROM entity_stats ORDER BY documents DESC, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		all = append(all, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ids = append(ids, all[:min(len(all), n/2)]...)
	if rest := all[min(len(all), n/2):]; len(rest) > 0 {
		step := max(1, len(rest)/(n-n/2))
		for i := 0; i < len(rest) && len(ids) < n; i += step {
			ids = append(ids, rest[i])
		}
	}
	return ids, nil
}

// buildCorpus stores n documents: 320 distinct extracted mixes of demo
// paragraphs, each stored n/320 times with a reference line appended to its
// original bytes and a distinct fingerprint (so none is a duplicate).
func buildCorpus(b *testing.B, n int) (*sqlite.DB, int64) {
	b.Helper()
	texts := benchTexts(b)
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

// BenchmarkQueries reports search and entity-page p95 latency (variedQueries
// and variedEntities: run it with -benchtime 300x to time each once) over a
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
	queries := variedQueries(b, benchTexts(b), 300)
	entities, err := variedEntities(ctx, db, 200)
	if err != nil {
		b.Fatal(err)
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
		// The slowest queries, to see what the p95 is made of.
		type timed struct {
			q dossier.SearchQuery
			d time.Duration
		}
		var ts []timed
		for i, d := range searchTimes {
			ts = append(ts, timed{queries[i%len(queries)], d})
		}
		slices.SortFunc(ts, func(x, y timed) int { return int(y.d - x.d) })
		for _, t := range ts[:min(len(ts), 10)] {
			b.Logf("search %v %+v", t.d, t.q)
		}
	}
	b.ReportMetric(float64(p95(searchTimes).Microseconds())/1000, "search-p95-ms")
	b.ReportMetric(float64(p95(entityTimes).Microseconds())/1000, "entity-p95-ms")
	b.ReportMetric(float64(st.DatabaseBytes)/float64(raw), "db/raw")
	b.ReportMetric(float64(n), "docs")
	b.ReportMetric(putRate, "put-docs/s")
}
