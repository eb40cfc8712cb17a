package ingest_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/demo"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/sqlite"
)

// BenchmarkIngest measures the whole ingest of distinct documents: read,
// hash check, extraction (one worker), resolution against the store, and
// one transaction per document. Run with -cpu 1 for a per-core figure. The
// synthetic corpus (see synthetic) has no exact or near duplicates.
func BenchmarkIngest(b *testing.B) {
	files, err := demo.Files()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, f := range files {
		raw, err := fs.ReadFile(demo.FS, f)
		if err != nil {
			b.Fatal(err)
		}
		if strings.HasSuffix(f, ".txt") && !strings.Contains(f, "cp1252") {
			texts = append(texts, string(raw))
		}
	}
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	words := 0
	for i := range b.N {
		text := synthetic(texts, i)
		words += len(strings.Fields(text))
		os.WriteFile(filepath.Join(corpus, fmt.Sprintf("%07d.txt", i)), []byte(text), 0o644)
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.Config{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	in, err := ingest.New(eng, db, ingest.Options{Workers: 1})
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

// synthetic makes the i-th document of a corpus built from texts: the
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
