package read

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dossier-project/dossier/lexicon"
)

// A page's publication date comes from what its publisher declared for
// machines: meta tags, schema.org markup (JSON-LD or microdata), a <time>
// element marked as the publication time, or a dated URL. Text dates are left
// to the meta stage, which reads the rendered text with the timex scanner.
// The general HTML date library that go-trafilatura calls is not linked (see
// internal/nohtmldate): its multilingual parser compiles about 1,600 regular
// expressions at package init, which every command paid before reading a byte.

// Where a page states its date, weakest first. A dated address comes first,
// as the publisher's own filing; a modification date counts only when nothing
// states the original one.
const (
	dateRankNone = iota
	dateRankModified
	dateRankText        // a date in words or digits in the title or a date-classed element
	dateRankTime        // a <time datetime> inside the page
	dateRankPubTime     // a <time> marked pubdate or datePublished
	dateRankMicrodata   // itemprop="datePublished" (or a published-classed abbr) on any element
	dateRankMetaGeneric // a <meta> whose name says date, time or created
	dateRankJSONLD      // "datePublished" in JSON-LD
	dateRankMeta        // a <meta> publication tag: its day is the publisher's, where JSON-LD's is often UTC
)

// publishedMetaKeys are <meta> name/property/itemprop values (lower case)
// that state the original publication date.
var publishedMetaKeys = map[string]bool{
	"article:published_time": true, "og:article:published_time": true, "og:published_time": true,
	"article:published": true, "article.published": true, "datepublished": true,
	"publishdate": true, "publish-date": true, "publish_date": true, "published_time": true,
	"pubdate": true, "publication_date": true, "publication-date": true, "date": true,
	"dc.date": true, "dc.date.issued": true, "dc.date.created": true, "dcterms.date": true,
	"dcterms.issued": true, "dcterms.created": true, "citation_publication_date": true,
	"citation_date": true, "sailthru.date": true, "parsely-pub-date": true, "article_date_original": true,
	"original-publish-date": true, "displaydate": true, "dateline": true, "date_published": true,
	"uploaddate": true, "datecreated": true, "schema:datecreated": true, "schema:datepublished": true,
}

// modifiedMetaKeys state a later revision.
var modifiedMetaKeys = map[string]bool{
	"article:modified_time": true, "og:updated_time": true, "datemodified": true,
	"last-modified": true, "dc.date.modified": true, "dcterms.modified": true, "lastmod": true,
}

// pageDate returns the publication date the page declares, or the zero time.
// pageURL is the address the page was fetched from, when known.
func pageDate(root *html.Node, pageURL string, words *DateWords, now time.Time) time.Time {
	if t, ok := urlDate(pageURL, now); ok {
		return t
	}
	f := dateFinder{now: now, words: words}
	f.walk(root, 0, false)
	if t, ok := urlDate(f.canonical, now); ok {
		return t
	}
	return f.best
}

type dateFinder struct {
	now       time.Time
	words     *DateWords
	best      time.Time
	rank      int
	canonical string
}

// offer keeps a machine-written date when it is plausible and stated more
// strongly than the best so far.
func (f *dateFinder) offer(s string, rank int) {
	if rank <= f.rank {
		return
	}
	if t, ok := parseMachineDate(s, f.now); ok {
		f.best, f.rank = t, rank
		return
	}
	// Written for readers after all: "Di., 25.01.2022 - 14:45".
	if len(s) <= maxDateTextBytes {
		if y, m, d, ok := f.words.scan(s); ok {
			if t, ok := plausibleDay(y, m, d, f.now); ok {
				f.best, f.rank = t, rank
			}
		}
	}
}

// offerText keeps the first date written for readers in s.
func (f *dateFinder) offerText(s string) {
	if dateRankText <= f.rank || len(s) > maxDateTextBytes {
		return
	}
	if y, m, d, ok := f.words.scan(s); ok {
		if t, ok := plausibleDay(y, m, d, f.now); ok {
			f.best, f.rank = t, dateRankText
		}
	}
}

// maxDateTextBytes bounds the text of an element read as a date line: a
// longer one is prose, whose dates are events.
const maxDateTextBytes = 120

func (f *dateFinder) walk(n *html.Node, depth int, inComments bool) {
	if depth > maxExtractDepth {
		return
	}
	if n.Type == html.ElementNode {
		if !inComments && isCommentBlock(n) {
			inComments = true
		}
		f.element(n, inComments)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f.walk(c, depth+1, inComments)
	}
}

// isCommentBlock reports an element holding reader comments, whose dates
// are the readers'.
func isCommentBlock(n *html.Node) bool {
	for _, k := range []string{"class", "id"} {
		v := strings.ToLower(attr(n, k))
		if strings.Contains(v, "comment") || strings.Contains(v, "respond") {
			return true
		}
	}
	return false
}

// dateClassMarkers in an element's class or id say it holds a date line.
var dateClassMarkers = []string{"date", "time", "publish", "posted", "byline", "submitted", "authored", "meta", "stand", "info", "updated", "created"}

func hasDateClass(n *html.Node) bool {
	for _, k := range []string{"class", "id", "itemprop"} {
		v := strings.ToLower(attr(n, k))
		if v == "" {
			continue
		}
		for _, m := range dateClassMarkers {
			if strings.Contains(v, m) {
				return true
			}
		}
	}
	return false
}

func (f *dateFinder) element(n *html.Node, inComments bool) {
	switch n.DataAtom {
	case atom.Meta:
		content := attr(n, "content")
		for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
			key := strings.ToLower(strings.TrimSpace(attr(n, k)))
			switch {
			case key == "":
			case publishedMetaKeys[key]:
				f.offer(content, dateRankMeta)
			case modifiedMetaKeys[key] || strings.Contains(key, "modif") || strings.Contains(key, "updat"):
				f.offer(content, dateRankModified)
			case key == "og:url" && f.canonical == "":
				f.canonical = content
			case genericDateKey(key):
				f.offer(content, dateRankMetaGeneric)
			}
		}
		return
	case atom.Link:
		if strings.EqualFold(attr(n, "rel"), "canonical") && f.canonical == "" {
			f.canonical = attr(n, "href")
		}
		return
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
			f.jsonLD(n.FirstChild.Data)
		}
		return
	case atom.Title:
		if n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			f.offerText(n.FirstChild.Data)
		}
		return
	}
	if inComments {
		return
	}
	if n.DataAtom == atom.Time {
		rank := dateRankTime
		switch {
		case hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished"):
			rank = dateRankPubTime
		case strings.EqualFold(attr(n, "itemprop"), "dateModified"):
			rank = dateRankModified
		}
		if when := attr(n, "datetime"); when != "" {
			f.offer(when, rank)
		}
		f.offer(ownText(n), rank)
		return
	}
	class := strings.ToLower(attr(n, "class"))
	switch {
	case strings.EqualFold(attr(n, "itemprop"), "datePublished"):
		when := attr(n, "content")
		if when == "" {
			when = ownText(n)
		}
		f.offer(when, dateRankMicrodata)
		f.offerText(when)
	case strings.EqualFold(attr(n, "itemprop"), "dateModified"):
		f.offer(attr(n, "content"), dateRankModified)
	case n.DataAtom == atom.Abbr && strings.Contains(class, "published"):
		f.offer(attr(n, "title"), dateRankMicrodata)
	case hasDateClass(n):
		if t := attr(n, "title"); t != "" {
			f.offer(t, dateRankTime)
		}
		f.offerText(ownText(n))
	}
}

// genericDateKey reports a meta name about a date that is neither a
// modification nor an expiry: "isodatetime", "created", "article:date".
func genericDateKey(key string) bool {
	if !strings.Contains(key, "date") && !strings.Contains(key, "time") && !strings.Contains(key, "created") {
		return false
	}
	for _, not := range []string{"expir", "avail", "end", "start", "zone", "refresh", "read", "duration", "valid"} {
		if strings.Contains(key, not) {
			return false
		}
	}
	return true
}

// ownText is the element's text without its descendants' markup, up to a
// bound: the date line of "<span class=date>5 May <b>2021</b></span>".
func ownText(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node, int)
	visit = func(c *html.Node, depth int) {
		if depth > 4 || b.Len() > maxDateTextBytes {
			return
		}
		for ; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				for _, w := range strings.Fields(c.Data) {
					b.WriteString(w)
					b.WriteByte(' ')
				}
			case html.ElementNode:
				if c.DataAtom != atom.Script && c.DataAtom != atom.Style {
					visit(c.FirstChild, depth+1)
				}
			}
		}
	}
	visit(n.FirstChild, 0)
	return b.String()
}

// maxJSONLD bounds the structured data read from one script.
const maxJSONLD = 1 << 20

// jsonLD reads datePublished (else dateModified) anywhere in a JSON-LD block.
func (f *dateFinder) jsonLD(src string) {
	if len(src) > maxJSONLD {
		return
	}
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 32 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["datePublished"].(string); ok {
				f.offer(s, dateRankJSONLD)
			}
			if s, ok := x["dateModified"].(string); ok {
				f.offer(s, dateRankModified)
			}
			for _, c := range x {
				visit(c, depth+1)
			}
		case []any:
			for _, c := range x {
				visit(c, depth+1)
			}
		}
	}
	visit(v, 0)
}

// machineDateLayouts are the forms publishers write in attributes, longest
// first so that a layout never matches only a prefix it then rejects.
var machineDateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2006-01-02",
	"2006/01/02",
	"20060102",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"02.01.2006",
}

// parseMachineDate reads a date written for machines, keeping the calendar
// day the publisher wrote (not converted to UTC), between 1995 and tomorrow.
func parseMachineDate(s string, now time.Time) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range machineDateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		return plausibleDay(t.Year(), t.Month(), t.Day(), now)
	}
	// A date followed by anything: "2024-05-17T10:00:00.000+0200 (CEST)".
	if len(s) > 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return plausibleDay(t.Year(), t.Month(), t.Day(), now)
		}
	}
	return time.Time{}, false
}

// earliestPageYear bounds declared dates: the web news archive starts here.
const earliestPageYear = 1995

func plausibleDay(y int, m time.Month, d int, now time.Time) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if y < earliestPageYear || t.After(now.Add(24*time.Hour)) {
		return time.Time{}, false
	}
	return t, true
}

// urlDate reads /2024/05/17/, /2024-05-17/ or /20240517_x (a path segment
// of year, month and day) from a page address.
func urlDate(raw string, now time.Time) (time.Time, bool) {
	if raw == "" {
		return time.Time{}, false
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return time.Time{}, false
	}
	parts := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	for i, p := range parts {
		if len(p) >= 10 && p[4] == '-' && p[7] == '-' && (len(p) == 10 || !isDigit(p[10])) {
			if y, m, d, ok := ymd(p[0:4], p[5:7], p[8:10]); ok {
				return plausibleDay(y, m, d, now)
			}
		}
		if len(p) >= 8 && leadingDigits(p) == 8 {
			if y, m, d, ok := ymd(p[0:4], p[4:6], p[6:8]); ok {
				if t, ok := plausibleDay(y, m, d, now); ok {
					return t, true
				}
			}
		}
		if len(p) == 4 && i+2 < len(parts) && len(parts[i+1]) <= 2 {
			day := parts[i+2]
			if n := leadingDigits(day); n >= 1 && n <= 2 {
				if y, m, d, ok := ymd(p, parts[i+1], day[:n]); ok {
					return plausibleDay(y, m, d, now)
				}
			}
		}
	}
	return time.Time{}, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// ymd reads decimal year, month and day fields and checks the day exists.
func ymd(ys, ms, ds string) (int, time.Month, int, bool) {
	num := func(s string) (int, bool) {
		if s == "" {
			return 0, false
		}
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	y, ok1 := num(ys)
	m, ok2 := num(ms)
	d, ok3 := num(ds)
	if !ok1 || !ok2 || !ok3 || !validYMD(y, m, d) {
		return 0, 0, 0, false
	}
	return y, time.Month(m), d, true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// DateWords holds the month names of every language with a pagedate
// lexicon, for dates written in words on web pages. A nil *DateWords reads
// numeric dates only.
type DateWords struct {
	months map[string]time.Month
}

// dateWordsPart is the lexicon part holding month names for page dates.
const dateWordsPart = "pagedate"

// LoadDateWords merges the month names of every language in lex (nil: the
// built-in lexicons). A name two languages give different months is dropped.
func LoadDateWords(lex *lexicon.Set) (*DateWords, error) {
	if lex == nil {
		lex = lexicon.Default()
	}
	w := &DateWords{months: map[string]time.Month{}}
	clash := map[string]bool{}
	for _, lang := range lex.Langs(dateWordsPart) {
		var f struct {
			Months map[string]int `yaml:"months"`
		}
		if err := lex.Load(lang, dateWordsPart, &f); err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		for name, m := range f.Months {
			if m < 1 || m > 12 {
				return nil, fmt.Errorf("read: lexicon %s/%s: month %q has number %d", lang, dateWordsPart, name, m)
			}
			key := strings.ToLower(name)
			if old, ok := w.months[key]; ok && old != time.Month(m) {
				clash[key] = true
			}
			w.months[key] = time.Month(m)
		}
	}
	for k := range clash {
		delete(w.months, k)
	}
	return w, nil
}

func (w *DateWords) month(word string) (time.Month, bool) {
	if w == nil {
		return 0, false
	}
	m, ok := w.months[word]
	return m, ok
}

// dateToken is a run of digits or of letters in a date line.
type dateToken struct {
	word  string // lower case; empty for a number
	num   int
	width int  // digits in a number
	sep   byte // the character right after the token, 0 at the end
	next  byte // the character after sep, 0 at the end
}

// maxDateTokens bounds the tokens read from one date line.
const maxDateTokens = 40

// dateConnectors may stand between the parts of a date in words: "21 de
// abril de 2022", "the 3rd of May, 2021".
var dateConnectors = map[string]bool{"de": true, "of": true, "del": true, "di": true}

// scan returns the first full date in s: numeric (2021-11-02, 02.11.2021,
// 2019/02/09, an unambiguous 13/05/2021) or in words (5. Juni 2015,
// Samstag, 5. Oktober 2013, April 21, 2022, 21 de abril de 2022).
func (w *DateWords) scan(s string) (int, time.Month, int, bool) {
	toks := dateTokens(s)
	for i, t := range toks {
		if t.word != "" {
			if m, ok := w.month(t.word); ok {
				// Month day, year
				if j := skipConnectors(toks, i+1); j+1 < len(toks) && isDay(toks[j]) && isYear(toks[j+1]) {
					return toks[j+1].num, m, toks[j].num, true
				}
			}
			continue
		}
		// Numeric: A sep B sep C with one separator throughout.
		if i+2 < len(toks) && toks[i+1].word == "" && toks[i+2].word == "" &&
			(t.sep == '.' || t.sep == '/' || t.sep == '-') && toks[i+1].sep == t.sep &&
			(t.next == 0 || isDigit(t.next) || t.next == ' ') {
			a, b, c := t, toks[i+1], toks[i+2]
			switch {
			case a.width == 4 && b.width <= 2 && c.width <= 2:
				return a.num, time.Month(b.num), c.num, validYMD(a.num, b.num, c.num)
			case c.width == 4 && a.width <= 2 && b.width <= 2:
				switch {
				case t.sep == '.' || a.num > 12 || a.num == b.num:
					return c.num, time.Month(b.num), a.num, validYMD(c.num, b.num, a.num)
				case b.num > 12:
					return c.num, time.Month(a.num), b.num, validYMD(c.num, a.num, b.num)
				}
			}
		}
		// Day month year
		if isDay(t) {
			j := skipConnectors(toks, i+1)
			if j+1 < len(toks) && toks[j].word != "" {
				if m, ok := w.month(toks[j].word); ok {
					if k := skipConnectors(toks, j+1); k < len(toks) && isYear(toks[k]) {
						return toks[k].num, m, t.num, validYMD(toks[k].num, int(m), t.num)
					}
				}
			}
		}
	}
	return 0, 0, 0, false
}

func validYMD(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

func isDay(t dateToken) bool  { return t.word == "" && t.width <= 2 && t.num >= 1 && t.num <= 31 }
func isYear(t dateToken) bool { return t.word == "" && t.width == 4 }

func skipConnectors(toks []dateToken, i int) int {
	for i < len(toks) && dateConnectors[toks[i].word] {
		i++
	}
	return i
}

// dateTokens splits s into numbers and words, skipping ordinal suffixes
// ("21st", "1er") and lower-casing words; a month abbreviation's period is
// punctuation.
func dateTokens(s string) []dateToken {
	var toks []dateToken
	for i := 0; i < len(s) && len(toks) < maxDateTokens; {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isDigit(s[i]):
			j := i
			n := 0
			for j < len(s) && isDigit(s[j]) && j-i < 9 {
				n = n*10 + int(s[j]-'0')
				j++
			}
			t := dateToken{num: n, width: j - i}
			// ordinal suffix
			k := j
			for k < len(s) && k-j < 3 && (s[k] >= 'a' && s[k] <= 'z') {
				k++
			}
			if suf := s[j:k]; suf == "st" || suf == "nd" || suf == "rd" || suf == "th" || suf == "er" || suf == "e" || suf == "o" {
				j = k
			}
			if j < len(s) {
				t.sep = s[j]
				if j+1 < len(s) {
					t.next = s[j+1]
				}
			}
			toks = append(toks, t)
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += sz
			}
			toks = append(toks, dateToken{word: strings.ToLower(s[i:j])})
			i = j
		default:
			i += size
		}
	}
	return toks
}
