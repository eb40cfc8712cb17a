package claims

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// benchDocs loads the annotated fixtures, each repeated to a few KB.
func benchDocs(b *testing.B) ([]*dossier.Document, int) {
	b.Helper()
	var docs []*dossier.Document
	words := 0
	for _, lang := range []string{"en", "fr"} {
		raw, err := os.ReadFile(filepath.Join("testdata", "bench_"+lang+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		doc := annotated(b, lang, strings.Repeat(string(raw), 3))
		words += len(strings.Fields(doc.Text))
		docs = append(docs, doc)
	}
	return docs, words
}

func BenchmarkClaims(b *testing.B) {
	s := newStage(b)
	docs, words := benchDocs(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := s.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestBenchFixture keeps the benchmark honest: its fixture must produce the
// claims it was written to exercise.
func TestBenchFixture(t *testing.T) {
	s := newStage(t)
	for _, lang := range []string{"en", "fr"} {
		raw, err := os.ReadFile(filepath.Join("testdata", "bench_"+lang+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		doc := annotated(t, lang, string(raw))
		if err := s.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range doc.Claims {
			got = append(got, describe(doc, c)+" "+c.Modality)
		}
		if len(doc.Claims) < 8 {
			t.Errorf("%s: only %d claims: %v", lang, len(doc.Claims), got)
		}
		t.Logf("%s: %v", lang, got)
	}
}
