package read

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func mustDateWords(t testing.TB) *DateWords {
	t.Helper()
	w, err := LoadDateWords(nil)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

var pageDateNow = time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)

func TestPageDate(t *testing.T) {
	words := mustDateWords(t)
	cases := []struct {
		name, url, page, want string
	}{
		{"meta publication tag", "",
			`<head><meta property="article:published_time" content="2024-05-17T22:10:00-05:00"></head><p>x</p>`,
			"2024-05-17"},
		{"the meta tag's local day wins over JSON-LD's UTC one", "",
			`<head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-18T03:10:00Z"}</script>
			<meta property="article:published_time" content="2024-05-17T22:10:00-05:00"></head>`,
			"2024-05-17"},
		{"JSON-LD nested in a graph", "",
			`<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2023-02-01"}]}</script>`,
			"2023-02-01"},
		{"a modification date only when nothing else is said", "",
			`<meta property="article:modified_time" content="2022-03-04T10:00:00Z"><p>Text</p>`,
			"2022-03-04"},
		{"the original date beats the modification", "",
			`<meta property="article:modified_time" content="2022-03-04T10:00:00Z"><meta name="date" content="2022-03-01">`,
			"2022-03-01"},
		{"a generic date-named meta tag", "",
			`<meta name="isodatetime" content="2019-06-19T17:49:39+02:00">`,
			"2019-06-19"},
		{"an expiry is no date of the page", "",
			`<meta name="expires" content="2030-01-01"><meta name="session-expiry-time" content="2021-01-01">`,
			""},
		{"time marked pubdate", "",
			`<article><time datetime="2021-10-05T09:00">5 Oct</time><time pubdate datetime="2021-10-04">4 Oct</time></article>`,
			"2021-10-04"},
		{"an Arabic date in words in the publication tag beats a site's creation date", "",
			`<head><meta name="creation_date" content="10-Nov-2000"><meta property="article:published_time" content="الأربعاء، 07 أكتوبر 2020 - 12:09 م"></head><p>x</p>`,
			"2020-10-07"},
		{"a German date in words in a date-classed element", "",
			`<div class="article-meta"><span class="date">Freitag, 21. Januar 2022</span></div><p>Body</p>`,
			"2022-01-21"},
		{"a numeric dotted date line", "",
			`<header><div class="h6 date-wrapper">
			       <p>    02.12.2022    </p>
			</div><h1>Title</h1></header>`,
			"2022-12-02"},
		{"a Spanish date with connectors", "",
			`<p class="fecha-publicacion post-date">21 de abril de 2022</p>`,
			"2022-04-21"},
		{"month first in English", "",
			`<small class="posted-on">April 21, 2022</small>`,
			"2022-04-21"},
		{"a date in the title", "",
			`<title>Weapons report | 02.11.2021</title>`,
			"2021-11-02"},
		{"reader comments' dates are the readers'", "",
			`<p>Body</p><ol class="commentlist"><li><time datetime="2020-02-25T13:02:01+01:00">25 Feb</time></li></ol>`,
			""},
		{"an ambiguous slashed date is not guessed", "",
			`<span class="date">03/04/2021</span>`,
			""},
		{"an unambiguous slashed date is read", "",
			`<span class="date">13/04/2021</span>`,
			"2021-04-13"},
		{"a date after tomorrow is no publication date", "",
			`<meta name="date" content="2031-01-01">`,
			""},
		{"the fetched address's date comes first", "https://news.example/world/2020/07/09/story-title/",
			`<meta name="date" content="2020-07-10">`,
			"2020-07-09"},
		{"the canonical address's date", "",
			`<link rel="canonical" href="https://blog.example/home/2017/7/12/a-post"><time datetime="2019-06-17">x</time>`,
			"2017-07-12"},
		{"a compact date in the address", "",
			`<link rel="canonical" href="https://gov.example/speeches/2003/03/20030331_speech.htm">`,
			"2003-03-31"},
		{"a hyphenated date in the address", "https://site.example/2021-11-05-a-title",
			`<p>x</p>`,
			"2021-11-05"},
		{"a reader-facing date in a meta tag", "",
			`<meta property="article:published_time" content="Di., 25.01.2022 - 14:45">`,
			"2022-01-25"},
		{"a long paragraph's dates are events", "",
			`<p class="meta">` + strings.Repeat("words ", 30) + `on 3 May 2019 a bomb exploded</p>`,
			""},
		{"no date at all", "", `<p>Nothing dated here.</p>`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(c.page))
			if err != nil {
				t.Fatal(err)
			}
			got := pageDate(root, c.url, words, pageDateNow)
			s := ""
			if !got.IsZero() {
				s = got.Format("2006-01-02")
			}
			if s != c.want {
				t.Errorf("pageDate = %q, want %q", s, c.want)
			}
		})
	}
}

func TestDateWordsScan(t *testing.T) {
	w := mustDateWords(t)
	cases := []struct{ in, want string }{
		{"2021-11-02", "2021-11-02"},
		{"2019/02/09", "2019-02-09"},
		{"am 29.12.2010, 13:36 Uhr", "2010-12-29"},
		{"Samstag, 5. Oktober 2013", "2013-10-05"},
		{"le 07 Mai 2020", "2020-05-07"},
		{"jeudi 13 juin 2019", "2019-06-13"},
		{"the 3rd of May, 2021", "2021-05-03"},
		{"1er février 2024", "2024-02-01"},
		{"Sept. 4, 2018", "2018-09-04"},
		{"21 aprile 2022", "2022-04-21"},
		{"3 maart 2020", "2020-03-03"},
		{"5 de março de 2021", "2021-03-05"},
		{"31.02.2021", ""}, // no such day
		{"May 2021", ""},   // a month is not a day
		{"Version 1.2.3", ""},
		{"32 janvier 2020", ""},
		{"", ""},
	}
	for _, c := range cases {
		y, m, d, ok := w.scan(c.in)
		got := ""
		if ok {
			got = time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("scan(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	var none *DateWords
	if _, _, _, ok := none.scan("5 June 2015"); ok {
		t.Error("a nil DateWords read a date in words")
	}
	if y, m, d, ok := none.scan("2015-06-05"); !ok || y != 2015 || m != 6 || d != 5 {
		t.Error("a nil DateWords must still read numeric dates")
	}
}

// The declared date reaches Meta.Published through the public reader.
func TestHTMLPublishedFromMarkup(t *testing.T) {
	page := `<html><head><title>Port closed</title>
<meta property="article:published_time" content="2025-03-14T08:00:00+01:00"></head>
<body><article><h1>Port closed</h1><p>` + strings.Repeat("The harbour authority closed the northern port after the storm. ", 8) + `</p></article></body></html>`
	doc, err := Bytes("page.html", []byte(page), Options{DateWords: mustDateWords(t)})
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Meta.Published.Format("2006-01-02"); got != "2025-03-14" {
		t.Errorf("Published = %s, want 2025-03-14", got)
	}
	doc, err = Bytes("page.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Meta.Published.Format("2006-01-02"); got != "2025-03-14" {
		t.Errorf("zero Options: Published = %s, want 2025-03-14", got)
	}
}

func FuzzPageDate(f *testing.F) {
	for _, s := range []string{
		`<meta name="date" content="2024-05-17">`,
		`<script type="application/ld+json">{"datePublished":"2023-02-01"}</script>`,
		`<span class="date">Freitag, 21. Januar 2022</span>`,
		`<time datetime="01-11-2023 10:29">1. November 2023</time>`,
		`<link rel="canonical" href="/2003/03/20030331_x">`,
	} {
		f.Add(s, "https://x.example/2020/01/02/")
	}
	words := mustDateWords(f)
	f.Fuzz(func(t *testing.T, page, u string) {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		got := pageDate(root, u, words, pageDateNow)
		if !got.IsZero() && (got.Year() < earliestPageYear || got.After(pageDateNow.Add(24*time.Hour))) {
			t.Fatalf("implausible date %v", got)
		}
		words.scan(page)
	})
}

func TestOrderAuthors(t *testing.T) {
	text := "Port closed\nBy Lena Varga and Karim Benali\nThe harbour authority…"
	for _, in := range []string{"Karim Benali; Lena Varga", "Lena Varga; Karim Benali"} {
		if got := orderAuthors(in, text); got != "Lena Varga; Karim Benali" {
			t.Errorf("orderAuthors(%q) = %q", in, got)
		}
	}
	if got := orderAuthors("Zed Desk; Agence Ouest; Lena Varga", text); got != "Lena Varga; Agence Ouest; Zed Desk" {
		t.Errorf("authors the page does not show go last, alphabetically: %q", got)
	}
	if got := orderAuthors("Lena Varga", text); got != "Lena Varga" {
		t.Errorf("one author: %q", got)
	}
}
