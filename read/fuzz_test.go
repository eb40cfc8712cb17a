package read

import (
	"errors"
	"os"
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

func FuzzBytes(f *testing.F) {
	for _, file := range []string{"testdata/article_en.html", "testdata/article_fr.html", "testdata/article_en.txt", "testdata/article_fr.txt"} {
		raw, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw, strings.HasSuffix(file, ".html"))
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
		if doc.Format != FormatText && doc.Format != FormatHTML {
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
	for _, file := range []string{"testdata/article_en.html", "testdata/article_fr.html"} {
		raw, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(raw), "Brussels bombings\nAprès dix mois")
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
