package segment

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier"
)

// benchDoc is the EN and FR fixtures repeated to a few tens of KB, so the
// per-document setup weighs as it does on a real article batch.
func benchDoc(b *testing.B) (string, int) {
	b.Helper()
	var text []byte
	for _, name := range []string{"bench_en.txt", "bench_fr.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, data...)
		text = append(text, '\n')
	}
	words := 0
	inWord := false
	for _, c := range text {
		space := c == ' ' || c == '\n' || c == '\t'
		if !space && !inWord {
			words++
		}
		inWord = !space
	}
	return string(text), words
}

func BenchmarkSegment(b *testing.B) {
	s := newStage(b)
	text, words := benchDoc(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		doc := dossier.Document{Text: text, Lang: "fr"}
		if err := s.Process(ctx, &doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
