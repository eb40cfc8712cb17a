package read

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/dossier-project/dossier"
)

type dossierDocument = dossier.Document

func renderOrFlat(page string) rendered {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return renderTokens(page)
	}
	return renderPage(root)
}

// smallPages are short pages and texts with the structures of real ones:
// navigation, headline, byline, paragraphs, lists, scripts, entities.
var smallPages = []string{
	`<html><head><title>Port attack - The Ledger</title><script>var x=1</script></head><body><nav><a href="/">Home</a> | <a href="/w">World</a></nav><h1>Guards stop drone attack</h1><p class="by">By Lena Varga</p><p>Guards at the Vessa port stopped two drones on Monday, the authority said.</p><ul><li><a href="/a">Related: convoy hit</a></li></ul><footer>&copy; 2031 Ledger</footer></body></html>`,
	`<article><h2>Procès à Vessa</h2><p>Trois hommes comparaissent depuis lundi&nbsp;: «&nbsp;Nous n'avons rien fait&nbsp;», a dit l'un d'eux.</p><p>Publié le 3 mars 2031</p></article>`,
	"Guards stop drone attack\n\nBy Lena Varga | 3 March 2031\n\nGuards at the Vessa port stopped two drones on Monday, the port authority said.\n\nSubscribe to our newsletter\n",
	"Procès à Vessa\n\nTrois hommes comparaissent depuis lundi devant le tribunal, accusés d'avoir fait passer des combattants.\n",
}

func FuzzBytes(f *testing.F) {
	// Small seeds of the real shapes: every fuzzed input is parsed by
	// instrumented HTML and extraction code, so a page-sized seed would make
	// each run slow and the search shallow.
	for _, seed := range smallPages {
		f.Add([]byte(seed), strings.HasPrefix(seed, "<"))
	}
	f.Add([]byte("caf\xe9 cr\xe8me"), false)
	f.Add([]byte("\xff\xfeh\x00i\x00"), false)
	f.Add([]byte("<p>a<br>b<li>c<td>d</p>"), true)
	f.Add([]byte("<html><body><pre>x\n\ny</pre><div hidden>z"), true)
	f.Add([]byte("\uFEFF  \n"), false)
	f.Fuzz(func(t *testing.T, data []byte, asHTML bool) {
		name := "in.txt"
		if asHTML {
			name = "in.html"
		}
		doc, err := Bytes(name, data, Options{MaxBytes: 1 << 16})
		if err != nil {
			var re *Error
			if doc != nil || !errors.As(err, &re) || re.Name != name || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("bad error %#v (doc %v)", err, doc)
			}
			return
		}
		if !utf8.ValidString(doc.Text) {
			t.Fatalf("Text is not valid UTF-8: %q", doc.Text)
		}
		if doc.Format != FormatText && doc.Format != FormatHTML && doc.Format != FormatPDF {
			t.Fatalf("Format %q", doc.Format)
		}
		if doc.Format == FormatText && utf8.Valid(data) && doc.Text != string(data) {
			t.Fatalf("valid UTF-8 text was changed")
		}
		if isBlank(doc.Text) {
			t.Fatalf("blank document accepted")
		}
		checkSpans(t, doc)
		for _, s := range doc.Boilerplate {
			if got := doc.Slice(s); got != doc.Text[s.Start:s.End] || got == "" {
				t.Fatalf("span %v text %q", s, got)
			}
		}
	})
}

// FuzzRender drives the renderers and the line alignment without the
// (slow to instrument) extractor, so the fuzzer reaches many more inputs.
func FuzzRender(f *testing.F) {
	for _, seed := range smallPages {
		f.Add(seed, "Guards stopped\nLe port")
	}
	f.Add("<p>a<br>b<li>c<td>d</p><pre>x\n\ny</pre><div hidden>z", "a\nc d")
	f.Fuzz(func(t *testing.T, page, content string) {
		if !utf8.ValidString(page) {
			return // decodeHTML guarantees UTF-8 before rendering
		}
		flat := renderTokens(page)
		for _, r := range []rendered{flat, renderOrFlat(page)} {
			if !utf8.ValidString(r.text) || len(r.lines) != len(r.flags) {
				t.Fatalf("bad rendering: %q, %d lines, %d flags", r.text, len(r.lines), len(r.flags))
			}
			for i, ln := range r.lines {
				line := r.text[ln.Start:ln.End]
				if line == "" || strings.ContainsAny(line, "\n") || i > 0 && ln.Start <= r.lines[i-1].End {
					t.Fatalf("bad line %d %v %q", i, ln, line)
				}
			}
			bp := boilerplateLines(r.text, r.lines, r.flags, content, -1)
			doc := &dossierDocument{Text: r.text, Boilerplate: bp}
			checkSpans(t, doc)
		}
	})
}
