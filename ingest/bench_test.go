package ingest_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/demo"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/sqlite"
)

// BenchmarkIngest measures the whole ingest of distinct documents: read,
// hash check, extraction (a worker per CPU of -cpu), resolution against the store, and
// one transaction per document. Run with -cpu 1 for a per-core figure. The
// synthetic corpus (see synthetic) has no exact or near duplicates.
func BenchmarkIngest(b *testing.B) {
	files, err := demo.Files()
	if err != nil {
		b.Fatal(err)
	}
	// Two pools, one per language: a real article is in one language, and a
	// mixed text would send every document to the slow fallback detector.
	pools := map[string][]string{}
	for _, f := range files {
		raw, err := fs.ReadFile(demo.FS, f)
		if err != nil {
			b.Fatal(err)
		}
		if strings.HasSuffix(f, ".txt") && !strings.Contains(f, "cp1252") {
			lang := "en"
			if strings.Contains(f, "-fr-") {
				lang = "fr"
			}
			pools[lang] = append(pools[lang], string(raw))
		}
	}
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	words := 0
	for i := range b.N {
		text := synthetic(pools[[]string{"en", "fr"}[i%2]], i/2)
		words += len(strings.Fields(text))
		os.WriteFile(filepath.Join(corpus, fmt.Sprintf("%07d.txt", i)), []byte(text), 0o644)
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.Config{Workers: runtime.GOMAXPROCS(0)})
	if err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	in, err := ingest.New(eng, db, ingest.Options{Workers: runtime.GOMAXPROCS(0)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	sum, err := in.Run(ctx, []string{corpus}, nil)
	b.StopTimer()
	if err != nil || sum.Failed > 0 {
		b.Fatalf("%+v %v", sum, err)
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/secs, "docs/s")
	b.ReportMetric(float64(words)/secs, "words/s")
	b.ReportMetric(float64(sum.NearDuplicates), "near-dups")
}

// synthetic makes the i-th document of a corpus built from texts (of one language): the
// title of one article, then paragraphs drawn from three articles (the
// first i%n, the others chosen by i), and a reference line. Copies share
// paragraphs but no two mixes are near duplicates of each other.
func synthetic(texts []string, i int) string {
	n := len(texts)
	pick := []int{i % n, (i/n + i%n + 1) % n, (i/(n*n) + 2*(i%n) + 3) % n}
	var out []string
	for k, t := range pick {
		paras := strings.Split(strings.TrimSpace(texts[t]), "\n\n")
		if k == 0 {
			out = append(out, paras[0])
		}
		if len(paras) > 1 {
			body := paras[1:]
			start := (i / n) % len(body)
			take := max(1, len(body)/3)
			for j := 0; j < take; j++ {
				out = append(out, body[(start+j)%len(body)])
			}
		}
	}
	out = append(out, fmt.Sprintf("Archive reference %d.", i))
	return strings.Join(out, "\n\n") + "\n"
}
