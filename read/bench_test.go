package read

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func loadFixtures(b *testing.B, names ...string) []byte {
	b.Helper()
	var all []byte
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, raw...)
	}
	return all
}

// BenchmarkBytesText is the plain-text path: checks and no decoding.
func BenchmarkBytesText(b *testing.B) {
	data := loadFixtures(b, "testdata/article_en.txt", "testdata/article_fr.txt")
	words := len(strings.Fields(string(data)))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes("a.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkBytesHTML is rendering plus main-content extraction of a page.
func BenchmarkBytesHTML(b *testing.B) {
	for _, file := range []string{"testdata/article_en.html", "testdata/article_fr.html"} {
		b.Run(strings.TrimPrefix(file, "testdata/"), func(b *testing.B) {
			data := loadFixtures(b, file)
			doc, err := Bytes(file, data, Options{})
			if err != nil {
				b.Fatal(err)
			}
			words := len(strings.Fields(doc.Text))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Bytes(file, data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// BenchmarkRenderHTML is parsing and rendering alone, without trafilatura.
func BenchmarkRenderHTML(b *testing.B) {
	data := loadFixtures(b, "testdata/article_en.html", "testdata/article_fr.html")
	page := string(data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			b.Fatal(err)
		}
		renderPage(root)
	}
}
