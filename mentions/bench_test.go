package mentions

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// loadFixtures reads the EN and FR fixture articles, repeated to a few KB each.
func loadFixtures(tb testing.TB) []*dossier.Document {
	tb.Helper()
	var docs []*dossier.Document
	for _, f := range []struct{ path, lang string }{{"testdata/fixture_en.txt", "en"}, {"testdata/fixture_fr.txt", "fr"}} {
		raw, err := os.ReadFile(f.path)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, &dossier.Document{Name: f.path, Text: strings.Repeat(string(raw)+"\n", 3), Lang: f.lang})
	}
	return docs
}

func BenchmarkMentions(b *testing.B) {
	sg, st := stages(b)
	docs := loadFixtures(b)
	words := 0
	for _, d := range docs {
		if err := sg.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		words += len(strings.Fields(d.Text))
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := st.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func TestFixtures(t *testing.T) {
	for _, d := range loadFixtures(t) {
		doc := run(t, d.Text, d.Lang)
		checkInvariants(t, doc)
		if len(doc.Entities) < 15 {
			t.Errorf("%s: only %d entities: %v", d.Name, len(doc.Entities), found(doc))
		}
	}
}
