package read

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
)

// checkSpans asserts the layout invariants of a document: valid UTF-8 text,
// boilerplate spans sorted, disjoint, in range and whole lines, title span in range.
func checkSpans(t testing.TB, doc *dossier.Document) {
	t.Helper()
	text := doc.Text
	prevEnd := -1
	for _, s := range doc.Boilerplate {
		if s.Start < 0 || s.Start >= s.End || s.End > len(text) || s.Start < prevEnd {
			t.Fatalf("boilerplate span %v out of order or range (previous end %d, len %d)", s, prevEnd, len(text))
		}
		if s.Start > 0 && text[s.Start-1] != '\n' || s.End < len(text) && text[s.End] != '\n' {
			t.Fatalf("boilerplate span %v %q is not a whole line", s, text[s.Start:s.End])
		}
		if strings.Contains(text[s.Start:s.End], "\n") {
			t.Fatalf("boilerplate span %v spans several lines", s)
		}
		prevEnd = s.End
	}
	for _, s := range []*dossier.Span{doc.Meta.TitleSpan, doc.Meta.PublishedSpan} {
		if s != nil && (s.Start < 0 || s.Start > s.End || s.End > len(text)) {
			t.Fatalf("meta span %v out of range", *s)
		}
	}
}

// lineAt returns the line of doc.Text that starts with prefix, and whether
// it is boilerplate.
func lineAt(t *testing.T, doc *dossier.Document, prefix string) (dossier.Span, bool) {
	t.Helper()
	i := strings.Index(doc.Text, prefix)
	if i < 0 || i > 0 && doc.Text[i-1] != '\n' {
		t.Fatalf("no line starting with %q in:\n%s", prefix, doc.Text)
	}
	end := strings.IndexByte(doc.Text[i:], '\n')
	if end < 0 {
		end = len(doc.Text) - i
	}
	span := dossier.Span{Start: i, End: i + end}
	return span, doc.InBoilerplate(i)
}

func TestHTMLArticlePages(t *testing.T) {
	tests := []struct {
		file                             string
		title, author, outlet, url, date string
		content                          []string // line prefixes that are article text
		furniture                        []string // line prefixes that are boilerplate
		absent                           []string // text that must not be rendered at all
	}{
		{
			file:   "testdata/article_en.html",
			title:  "Brussels bombings trial ends with six murder convictions",
			author: "Jane Calloway", outlet: "The Northern Ledger",
			url:  "https://ledger.example.org/europe/2023/07/25/brussels-trial-verdict",
			date: "2023-07-25",
			content: []string{
				"Brussels bombings trial ends with six murder convictions",
				"By Jane Calloway",
				"A Belgian jury on Tuesday found six men guilty",
				"The attacks on 22 March 2016 killed 32 people",
				"The trial was held in a former NATO building",
				"Among those convicted was Salah Abdeslam",
				"“This verdict will not bring anyone back",
				"Two defendants were acquitted",
			},
			furniture: []string{
				"We use cookies to improve your experience",
				"Accept all cookies Manage preferences",
				"Home", "World", "Security", "Subscribe",
				"Subscribe to keep reading",
				"Already a subscriber? Log in",
				"Related stories",
				"How the Paris and Brussels cells were connected",
				"About us", "Privacy policy",
				"© 2023 The Northern Ledger. All rights reserved.",
			},
			absent: []string{"SCRIPT TEXT", "font-family", "enable JavaScript", "Template text", "Hidden text", "| The Northern Ledger"},
		},
		{
			file:   "testdata/article_fr.html",
			title:  "Procès du 13-Novembre : Salah Abdeslam condamné à la perpétuité incompressible",
			author: "Paul Mercadier", outlet: "Le Veilleur",
			url:  "https://veilleur.example.fr/justice/proces-13-novembre-verdict",
			date: "2022-06-29",
			content: []string{
				"Procès du 13-Novembre : Salah Abdeslam condamné",
				"Par Paul Mercadier",
				"Après dix mois d’audience, la cour d’assises spéciale",
				"Seul membre encore en vie des commandos",
				"« Ce verdict ne répare rien",
				"Les avocats de la défense disposent de dix jours",
			},
			furniture: []string{
				"Nous utilisons des cookies",
				"Accueil | International | Justice | Société",
				"Accueil › Justice",
				"Partager sur Facebook",
				"Cet article vous est offert. Abonnez-vous",
				"À lire aussi",
				"Au procès du 13-Novembre, la parole des victimes",
				"Mentions légales",
				"© Le Veilleur 2022",
			},
			absent: []string{".menu{", "NewsArticle"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Bytes(tc.file, raw, Options{})
			if err != nil {
				t.Fatalf("Bytes: %v", err)
			}
			checkSpans(t, doc)
			if doc.Format != "html" || doc.Meta.Encoding != "utf-8" || len(doc.Warnings) != 0 {
				t.Errorf("Format %q, Encoding %q, Warnings %q", doc.Format, doc.Meta.Encoding, doc.Warnings)
			}
			m := doc.Meta
			if m.Title != tc.title || m.Author != tc.author || m.Outlet != tc.outlet || m.URL != tc.url {
				t.Errorf("Meta = %+v", m)
			}
			if got := m.Published.Format(time.DateOnly); got != tc.date {
				t.Errorf("Published = %s, want %s", got, tc.date)
			}
			if m.TitleSpan == nil || doc.Slice(*m.TitleSpan) != tc.title {
				t.Errorf("TitleSpan %v does not cover the title", m.TitleSpan)
			}
			for _, p := range tc.content {
				if _, bp := lineAt(t, doc, p); bp {
					t.Errorf("article line %q marked as boilerplate", p)
				}
			}
			for _, p := range tc.furniture {
				span, bp := lineAt(t, doc, p)
				if !bp {
					t.Errorf("furniture line %q not marked as boilerplate", p)
				}
				// The boilerplate span is exactly the line.
				for _, b := range doc.Boilerplate {
					if b.Start == span.Start && b.End != span.End {
						t.Errorf("boilerplate %v is not the whole line %v", b, span)
					}
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(doc.Text, a) {
					t.Errorf("rendered text holds %q", a)
				}
			}
		})
	}
}

func TestHTMLDeclaredLatin1(t *testing.T) {
	raw, err := os.ReadFile("testdata/article_fr.html")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Bytes("utf8.html", raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Replace(string(raw), "charset=utf-8", "charset=iso-8859-1", 1)
	// ’ and › are not Latin-1 but are windows-1252, which is what browsers
	// (and the charset package) read when a page declares iso-8859-1.
	latin := mustEncode1252(t, page)
	doc, err := Bytes("latin.html", latin, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != want.Text || doc.Meta.Encoding != "windows-1252" || len(doc.Boilerplate) != len(want.Boilerplate) {
		t.Errorf("latin-1 page: encoding %q, same text %v, boilerplate %d vs %d",
			doc.Meta.Encoding, doc.Text == want.Text, len(doc.Boilerplate), len(want.Boilerplate))
	}
}

func TestRenderLines(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"paragraphs and collapsing", "<p>Four  people\n were\tkilled.</p><p>Police said so.</p>", "Four people were killed.\n\nPolice said so.\n"},
		{"list items on lines", "<ul><li>Kabul</li><li>Kandahar</li></ul><p>After.</p>", "Kabul\nKandahar\n\nAfter.\n"},
		{"br breaks the line", "<p>Line one<br>line two</p>", "Line one\nline two\n"},
		{"numbers apart across elements", "<p><time><span class=date>November 9, 2023</span><span class=time>5:01 AM ET</span></time></p><p>Up 1<sup>st</sup>.</p>", "November 9, 2023 5:01 AM ET\n\nUp 1st.\n"},
		{"adjacent links apart", "<p>By <a href=/a>Paul Varnak</a><a href=/b>Lena Kessel</a>, <a href=/c>Oru</a><b>n</b></p>", "By Paul Varnak Lena Kessel, Orun\n"},
		{"inline elements join", "<p>Al-<b>Qaïda</b> au <i>Maghreb</i> islamique</p>", "Al-Qaïda au Maghreb islamique\n"},
		{"entities decoded", "<p>Tom &amp; Jerry &eacute;t&eacute; &laquo;&nbsp;oui&nbsp;&raquo; &#8217;</p>", "Tom & Jerry été «\u00a0oui\u00a0» ’\n"},
		{"table cells spaced", "<table><tr><td>Killed</td><td>32</td></tr><tr><td>Injured</td><td>340</td></tr></table>", "Killed 32\nInjured 340\n"},
		{"pre keeps lines", "<pre>a  b\nc</pre>", "a b\nc\n"},
		{"invisible dropped", "<p>Seen<script>x()</script><style>p{}</style></p><div style='display: none'>no</div><p aria-hidden=true>no</p><p>Also seen</p>", "Seen\n\nAlso seen\n"},
		{"screen-reader text dropped", "<ul><li><p>Episode 1</p><a href='#'>The harbour thefts<span class='u-screen-reader-text'>The harbour thefts</span></a></li></ul><p>Read <a href='/x'>more<span class=\"sr-only\"> (opens in a new window)</span></a> here.</p>", "Episode 1\n\nThe harbour thefts\n\nRead more here.\n"},
		{"head dropped", "<html><head><title>T</title><meta name=a content=b></head><body><h1>Headline</h1>Body text</body></html>", "Headline\n\nBody text\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Bytes("x.html", []byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tc.want {
				t.Errorf("Text = %q, want %q", doc.Text, tc.want)
			}
			checkSpans(t, doc)
		})
	}
}

func TestHTMLPathologicalNesting(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 100_000) + "Deep text about ISWAP." + strings.Repeat("<table><tr><td>cell", 600) + "</body></html>"
	doc, err := Bytes("deep.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.Text, "Deep text about ISWAP.") || len(doc.Warnings) != 1 || len(doc.Boilerplate) != 0 {
		t.Errorf("deep page: text %.40q, warnings %q, %d boilerplate spans", doc.Text, doc.Warnings, len(doc.Boilerplate))
	}
	checkSpans(t, doc)
}

func TestMarkerRole(t *testing.T) {
	tests := map[string]int{
		"c-paywall__inner": roleFurniture,
		"CookieConsent":    roleNone, // one word, not split on case
		"cookie-consent":   roleFurniture,
		"article-byline":   roleKeep,
		"header":           roleNone,
		"download":         roleNone, // "ad" only as a whole word
		"ad-slot top":      roleFurniture,
		"":                 roleNone,
	}
	for v, want := range tests {
		if got := markerRole(v); got != want {
			t.Errorf("markerRole(%q) = %d, want %d", v, got, want)
		}
	}
}

// Some sites send the whole article and let a stylesheet hide its gated
// part: the paragraphs carry a "paywall" class. Their prose is the
// article's; the prompt and a teaser link marked the same way are not.
func TestGatedParagraphs(t *testing.T) {
	page := `<html><body><article>
<p class="body-paragraph">The harbour authority of Kessington confirmed on Monday that two patrol boats had been seized.</p>
<p class="body-paragraph paywall">Speaking in Vessa, the authority's director said the boats had been missing since March and that an inquiry was under way.</p>
<p class="body-paragraph paywall">"We will find out who took them," she said.</p>
<p class="interstitial paywall">[ <a href="/x">Harbour thefts rise for a third year</a> ]</p>
<div class="paywall-prompt"><p>Subscribe to keep reading.</p></div>
<p class="body-paragraph paywall">The inquiry is expected to report in the autumn, officials added on Tuesday.</p>
</article></body></html>`
	doc, err := Bytes("gated.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, doc)
	for _, p := range []string{"The harbour authority", "Speaking in Vessa", "\"We will find out", "The inquiry is expected"} {
		if _, bp := lineAt(t, doc, p); bp {
			t.Errorf("article line %q marked as boilerplate", p)
		}
	}
	for _, p := range []string{"[ Harbour thefts", "Subscribe to keep reading."} {
		if _, bp := lineAt(t, doc, p); !bp {
			t.Errorf("furniture line %q kept", p)
		}
	}
}
