package read

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/dossier-project/dossier"
)

// Beyond these sizes the main-content extractor is not run: it recurses over
// the tree and its cost grows with it, and hostile pages nest without end.
// Such pages are still rendered, with no boilerplate marked and a warning.
// Its cost is also superlinear in the text size (140 KB of text: 70 ms; 1.4 MB: 2 s).
const (
	maxExtractDepth    = 512
	maxExtractElements = 200_000
	maxExtractText     = 256 << 10
)

// htmlDocument renders the page in raw to text, marks what is not main
// content as boilerplate, and fills the metadata.
func htmlDocument(ctx context.Context, doc *dossier.Document, raw string, opt Options) (*dossier.Document, error) {
	page, enc, warning, ok := decodeHTML(raw)
	if !ok {
		return nil, newError(doc.Name, ErrBinary, "binary data, not text (mostly invalid UTF-8 and no usable charset)", nil)
	}
	if doc.Meta.Encoding == "" {
		doc.Meta.Encoding = enc
	}
	if warning != "" {
		doc.Warnings = append(doc.Warnings, warning)
	}
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		// The parser refuses pathological nesting; a flat rendering still
		// gives the text, without the tree the extractor needs.
		r := renderTokens(page)
		if isBlank(r.text) {
			return nil, newError(doc.Name, ErrEmpty, "empty input (the HTML page has no visible text)", nil)
		}
		doc.Format = FormatHTML
		doc.Text = r.text
		doc.Warnings = append(doc.Warnings, "HTML tree not built ("+err.Error()+"); rendered flat, no boilerplate marked")
		return doc, nil
	}
	r := renderPage(root)
	if isBlank(r.text) {
		return nil, newError(doc.Name, ErrEmpty, "empty input (the HTML page has no visible text)", nil)
	}
	doc.Format = FormatHTML
	doc.Text = r.text
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	if doc.Meta.Published.IsZero() {
		words := opt.DateWords
		if words == nil {
			words, _ = LoadDateWords(nil) // the built-in lexicons load; a failure leaves numeric dates only
		}
		doc.Meta.Published = pageDate(root, doc.Meta.URL, words, time.Now())
	}
	if r.maxDepth > maxExtractDepth || r.elements > maxExtractElements || len(r.text) > maxExtractText {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf(
			"page too deep or too large for main-content extraction (depth %d, %d elements, %s of text); no boilerplate marked",
			r.maxDepth, r.elements, formatBytes(int64(len(r.text)))))
		return doc, nil
	}
	res, err := extractMain(root)
	if err != nil {
		doc.Warnings = append(doc.Warnings, "main-content extraction failed: "+err.Error()+"; no boilerplate marked")
		return doc, nil
	}
	fillMeta(&doc.Meta, res.Metadata)
	doc.Meta.Author = orderAuthors(doc.Meta.Author, doc.Text)
	titleLine := -1
	if doc.Meta.Title != "" {
		titleLine = findTitle(doc, r.lines)
	}
	if strings.TrimSpace(res.ContentText) == "" {
		doc.Warnings = append(doc.Warnings, "no main content found; no boilerplate marked")
		return doc, nil
	}
	doc.Boilerplate = boilerplateLines(r.text, r.lines, r.flags, res.ContentText, titleLine)
	return doc, nil
}

// decodeHTML returns the page as UTF-8. Valid UTF-8 wins over a declared
// charset (misdeclared pages are common, the reverse accident is not); else
// the declared charset is used, else the plain-text heuristics.
func decodeHTML(raw string) (page, enc, warning string, ok bool) {
	if utf8.ValidString(raw) {
		return raw, encUTF8, "", true
	}
	e, name, _ := charset.DetermineEncoding([]byte(raw[:min(len(raw), 1024)]), "")
	if e != nil && name != encUTF8 && name != encWindows1252 {
		decoded, err := e.NewDecoder().String(raw)
		if err == nil {
			return strings.ToValidUTF8(decoded, "\uFFFD"), name, "", true
		}
	}
	return decodeText(raw)
}

// extractMain runs trafilatura, turning a panic inside it into an error.
func extractMain(root *html.Node) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("extractor panicked: %v", p)
		}
	}()
	cfg := trafilatura.DefaultConfig()
	// Keep short pages: their metadata is still wanted.
	cfg.MinOutputSize, cfg.MinOutputCommentSize = 0, 0
	return trafilatura.ExtractDocument(root, trafilatura.Options{
		Config:          cfg,
		ExcludeComments: true,                 // reader comments are not the article
		EnableFallback:  true,                 // readability and DOM Distiller when its own pass finds too little
		HtmlDateMode:    trafilatura.Disabled, // pageDate reads the declared date
	})
}

func fillMeta(m *dossier.Meta, md trafilatura.Metadata) {
	m.Title = cleanLine(md.Title)
	m.Author = cleanLine(md.Author)
	m.Outlet = cleanLine(md.Sitename)
	m.URL = cleanLine(md.URL)
}

// orderAuthors puts the authors of a "A; B" list in the order the page
// shows them (those it does not show last, alphabetically): the extractor
// lists them in map order, which changes from run to run.
func orderAuthors(authors, text string) string {
	parts := strings.Split(authors, "; ")
	if len(parts) < 2 {
		return authors
	}
	pos := func(a string) int {
		if i := strings.Index(text, a); i >= 0 {
			return i
		}
		return len(text)
	}
	slices.SortStableFunc(parts, func(a, b string) int {
		if c := cmp.Compare(pos(a), pos(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return strings.Join(parts, "; ")
}

// cleanLine makes metadata safe to print: valid UTF-8, one line, trimmed.
func cleanLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.ContainsAny(s, "\n\r\t") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return strings.TrimSpace(s)
}

// findTitle sets Meta.TitleSpan to the first line equal to the title (up to
// spacing, case and punctuation), else to a verbatim occurrence of the title,
// and returns the line's index when a whole line matched, else -1.
func findTitle(doc *dossier.Document, lines []dossier.Span) int {
	want := normKey(nil, doc.Meta.Title)
	if len(want) == 0 {
		return -1
	}
	var buf []byte
	for i, ln := range lines {
		buf = normKey(buf[:0], doc.Text[ln.Start:ln.End])
		if string(buf) == string(want) {
			span := ln
			doc.Meta.TitleSpan = &span
			// The title is what the page shows, so that Title == Text[TitleSpan].
			doc.Meta.Title = strings.TrimSpace(doc.Text[ln.Start:ln.End])
			return i
		}
	}
	if i := strings.Index(doc.Text, doc.Meta.Title); i >= 0 {
		doc.Meta.TitleSpan = &dossier.Span{Start: i, End: i + len(doc.Meta.Title)}
	}
	return -1
}

// coverageMin is the share of a line's word trigrams that must occur in the
// main content for the line to be content: trafilatura joins, splits and
// trims blocks differently from the renderer (an inline link dropped at the
// end of a paragraph, two paragraphs joined), so exact line matches miss
// real paragraphs.
const coverageMin = 0.5

// boilerplateLines returns the rendered lines that are not part of the main
// content. A line is content when its normalised text is a content line, or
// when most of its word trigrams occur in the content; a line too short for
// trigrams ("200 g Zucker", a subheading) is content when it occurs in the
// content on word boundaries and a neighbouring line is content, since a
// short menu entry ("World", "Sign in") also occurs inside article sentences.
func boilerplateLines(text string, lines []dossier.Span, flags []lineFlags, content string, titleLine int) []dossier.Span {
	contentLines := make(map[string]struct{})
	var joined strings.Builder
	joined.WriteByte(' ')
	var buf []byte
	for raw := range strings.SplitSeq(content, "\n") {
		buf = normKey(buf[:0], raw)
		if len(buf) == 0 {
			continue
		}
		contentLines[string(buf)] = struct{}{}
		joined.Write(buf)
		joined.WriteByte(' ')
	}
	all := joined.String()
	trigrams := wordTrigrams(all)

	const (
		undecided = iota
		isContent
		isBoiler
		isShort // short line found in the content: content if a neighbour is
	)
	state := make([]uint8, len(lines))
	var keep []int
	key := []byte{' '}
	for i, ln := range lines {
		switch {
		case i == titleLine:
			state[i] = isContent
			continue
		case flags[i]&lineKeep != 0 && len(strings.Fields(text[ln.Start:ln.End])) <= keepMaxWords:
			keep = append(keep, i) // decided once the content's region is known
			continue
		case flags[i]&lineFurniture != 0:
			state[i] = isBoiler
			continue
		}
		key = normKey(key[:1], text[ln.Start:ln.End])
		norm := key[1:]
		if len(norm) == 0 {
			continue // punctuation only: no evidence either way
		}
		if _, ok := contentLines[string(norm)]; ok {
			state[i] = isContent
			continue
		}
		if words := wordCount(norm); words >= 3 {
			if trigramCoverage(string(norm), trigrams) >= coverageMin {
				state[i] = isContent
			} else {
				state[i] = isBoiler
			}
			continue
		}
		key = append(key, ' ')
		if strings.Contains(all, string(key)) {
			state[i] = isShort
		} else {
			state[i] = isBoiler
		}
	}
	// Short lines take their neighbours' side, repeatedly (a list of short
	// items next to a paragraph); the rest stay boilerplate.
	for changed := true; changed; {
		changed = false
		for i := range state {
			if state[i] != isShort {
				continue
			}
			if neighbourIs(state, i, -1, isContent) || neighbourIs(state, i, 1, isContent) {
				state[i] = isContent
				changed = true
			}
		}
	}
	// Prose inside the content's region that the extractor left out (a
	// paragraph after an inline widget, a blockquote): a full sentence of
	// some length between the first and the last content line is content.
	first, last := -1, -1
	for i := range state {
		if state[i] == isContent {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := first + 1; i < last && first >= 0; i++ {
		if state[i] == isBoiler && flags[i]&lineFurniture == 0 && isProse(text[lines[i].Start:lines[i].End]) &&
			(neighbourIs(state, i, -1, isContent) || neighbourIs(state, i, 1, isContent)) {
			state[i] = isContent
		}
	}
	// Bylines and captions carry names extractors drop; they are kept where
	// the article is (a byline just above its first paragraph, captions
	// among them), not in an author box or teaser after it.
	for _, i := range keep {
		if first >= 0 && i >= first-keepBefore && i <= last {
			state[i] = isContent
		} else {
			state[i] = isBoiler
		}
	}
	var out []dossier.Span
	for i, ln := range lines {
		if state[i] == isBoiler || state[i] == isShort {
			out = append(out, ln)
		}
	}
	return out
}

// keepMaxWords bounds the bylines and captions kept whatever the extractor
// says: longer text in an "author" box is a biography, which goes by the
// extractor like any other line.
const keepMaxWords = 20

// keepBefore is how many lines above the first content line a byline or
// caption may stand and still belong to the article.
const keepBefore = 4

// proseWords is how many words a line needs to count as prose.
const proseWords = 20

// isProse reports a line that reads as running text: proseWords words or
// more and sentence punctuation at its end.
func isProse(line string) bool {
	line = strings.TrimRight(line, " \t\u00a0\"'»”’)")
	if line == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
	default:
		return false
	}
	return len(strings.Fields(line)) >= proseWords
}

// neighbourIs reports whether the nearest decided line in direction step
// from i (blank and punctuation-only lines skipped) has state want.
func neighbourIs(state []uint8, i, step int, want uint8) bool {
	for k := i + step; k >= 0 && k < len(state); k += step {
		if state[k] != 0 {
			return state[k] == want
		}
	}
	return false
}

// wordTrigrams returns the set of three-word sequences of a normalised text.
func wordTrigrams(norm string) map[string]struct{} {
	words := strings.Fields(norm)
	set := make(map[string]struct{}, len(words))
	for i := 0; i+2 < len(words); i++ {
		set[words[i]+" "+words[i+1]+" "+words[i+2]] = struct{}{}
	}
	return set
}

// trigramCoverage is the share of the line's word trigrams found in set.
func trigramCoverage(norm string, set map[string]struct{}) float64 {
	words := strings.Fields(norm)
	if len(words) < 3 {
		return 0
	}
	found := 0
	for i := 0; i+2 < len(words); i++ {
		if _, ok := set[words[i]+" "+words[i+1]+" "+words[i+2]]; ok {
			found++
		}
	}
	return float64(found) / float64(len(words)-2)
}

// normKey appends s to dst lowercased, keeping letters and digits and
// reducing every run of anything else to one space, without edge spaces.
func normKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			continue
		}
		space = true
	}
	return dst
}

func wordCount(norm []byte) int {
	if len(norm) == 0 {
		return 0
	}
	n := 1
	for _, c := range norm {
		if c == ' ' {
			n++
		}
	}
	return n
}

// rendered is a page rendered as text.
type rendered struct {
	text     string
	lines    []dossier.Span // each non-empty line, without its newline
	flags    []lineFlags    // one per line
	maxDepth int
	elements int
}

// lineFlags records what the markup says about a line, whatever the extractor thinks.
type lineFlags uint8

const (
	// lineFurniture: all of the line's text lies in page furniture (nav,
	// footer, or a cookie/paywall/related/share container).
	lineFurniture lineFlags = 1 << iota
	// lineKeep: the line holds a heading-1, caption or byline, which carry
	// names the article is about even though extractors drop them.
	lineKeep
)

// Separators between rendered lines.
const (
	sepNone  = iota
	sepLine  // a line break: list items, table rows, <br>
	sepBlank // a blank line: paragraphs and other blocks
)

type renderer struct {
	out        strings.Builder
	line       []byte // the line being built, spaces already collapsed
	lines      []dossier.Span
	flags      []lineFlags
	furniture  int  // depth inside furniture elements
	keep       int  // depth inside title, caption and byline elements
	lineInBody bool // line has text from outside furniture
	lineKeep   bool // line has text from a keep element
	needSpace  bool // white space seen since the last character of line
	pendingSep int  // separator owed before the next line
	pre        int  // depth inside <pre>, where line breaks are kept
	// Element edges passed since the line's last character: two numbers
	// glued across one ("<span>November 9, 2023</span><span>5:01 AM</span>")
	// and two adjacent links ("<a>Paul Varnak</a><a>Lena Kessel</a>") are
	// separate words, which the page's styles set apart on screen.
	edge      bool
	afterLink bool
}

// renderPage renders the tree as text without recursion, so that deeply
// nested hostile pages cannot exhaust the stack.
func renderPage(root *html.Node) rendered {
	r := &renderer{}
	r.out.Grow(4096)
	depth, maxDepth, elements := 0, 0, 0
	n := root
	for n != nil {
		if n.Type == html.ElementNode {
			elements++
		}
		if r.enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			depth++
			maxDepth = max(maxDepth, depth)
			continue
		} else if !skipped(n) {
			r.leave(n)
		}
		// Climb until a node has a next sibling, leaving each parent.
		for n != nil && n != root {
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
			depth--
			if n != nil && n != root {
				r.leave(n)
			}
		}
		if n == root {
			break
		}
	}
	r.breakLine(sepNone)
	if r.out.Len() > 0 {
		r.out.WriteByte('\n')
	}
	text := r.out.String()
	if !utf8.ValidString(text) { // cannot happen for decoded input; keep the invariant anyway
		text = strings.ToValidUTF8(text, "\uFFFD")
		r.lines, r.flags = nil, nil
	}
	return rendered{text: text, lines: r.lines, flags: r.flags, maxDepth: maxDepth, elements: elements}
}

// renderTokens renders a page from its token stream, for pages the tree
// parser refuses: the same line rules, without furniture detection.
func renderTokens(page string) rendered {
	r := &renderer{}
	z := html.NewTokenizer(strings.NewReader(page))
	var hidden atom.Atom // the invisible element being skipped, if any
	hiddenDepth := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			if hidden == 0 {
				r.addText(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if hidden != 0 {
				if a == hidden && tt == html.StartTagToken {
					hiddenDepth++
				} else if a == hidden && tt == html.EndTagToken {
					if hiddenDepth--; hiddenDepth == 0 {
						hidden = 0
					}
				}
				continue
			}
			// <head> may lack its end tag and <embed> has none: do not skip past them.
			if tt == html.StartTagToken && invisibleTag(a) && a != atom.Head && a != atom.Embed {
				hidden, hiddenDepth = a, 1
				continue
			}
			if a == atom.Br {
				r.breakLine(sepLine)
			} else if sep := blockSep(a); sep != sepNone {
				r.breakLine(sep)
			} else if a == atom.Td || a == atom.Th {
				r.needSpace = true
			}
		}
	}
	r.breakLine(sepNone)
	if r.out.Len() > 0 {
		r.out.WriteByte('\n')
	}
	text := r.out.String()
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		r.lines, r.flags = nil, nil
	}
	return rendered{text: text, lines: r.lines, flags: r.flags}
}

// enter handles the start of n and reports whether its children are rendered.
func (r *renderer) enter(n *html.Node) bool {
	switch n.Type {
	case html.DocumentNode:
		return true
	case html.TextNode:
		r.addText(n.Data)
		return false
	case html.ElementNode:
		if skipped(n) {
			return false
		}
		switch roleOf(n) {
		case roleFurniture:
			r.furniture++
		case roleKeep:
			r.keep++
		}
		switch n.DataAtom {
		case atom.Br:
			r.breakLine(sepLine)
		case atom.Pre, atom.Textarea:
			r.breakLine(blockSep(n.DataAtom))
			r.pre++
		case atom.Td, atom.Th:
			r.needSpace = true
		case atom.Img:
			r.needSpace = true
		case atom.A:
			if r.afterLink {
				r.needSpace = true
			}
			r.edge = true
		default:
			if sep := blockSep(n.DataAtom); sep != sepNone {
				r.breakLine(sep)
			} else {
				r.edge = true
			}
		}
		return true
	}
	return false
}

// leave handles the end of an element whose start enter accepted.
func (r *renderer) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	switch n.DataAtom {
	case atom.Pre, atom.Textarea:
		r.pre--
		r.breakLine(blockSep(n.DataAtom))
	case atom.Td, atom.Th:
		r.needSpace = true
	case atom.A:
		r.edge = true
		r.afterLink = true
	default:
		if sep := blockSep(n.DataAtom); sep != sepNone {
			r.breakLine(sep)
		} else {
			r.edge = true
		}
	}
	// After the line break, so the element's last line gets its flags.
	switch roleOf(n) {
	case roleFurniture:
		r.furniture--
	case roleKeep:
		r.keep--
	}
}

// Element roles read from the markup.
const (
	roleNone = iota
	roleFurniture
	roleKeep
)

// roleOf classifies an element by tag, class and id. The markers are markup
// conventions shared by sites in every language, not words of the text.
func roleOf(n *html.Node) int {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return roleNone // sites flag whole pages ("has-paywall"); never drop the body on that
	case atom.Nav:
		return roleFurniture
	case atom.Footer:
		if !hasAncestor(n, atom.Article) { // an article's own footer may hold credits
			return roleFurniture
		}
	case atom.H1, atom.Figcaption:
		return roleKeep
	}
	role := roleNone
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "role" {
			continue
		}
		switch markerRole(a.Val) {
		case roleFurniture:
			if proseHeavy(n) {
				// "l-col has-ads", "c-entry social-share": a wrapper whose
				// class names furniture but that holds the article's
				// paragraphs is not furniture; its furniture children are.
				// A paragraph of prose marked itself ("body-paragraph
				// paywall": the gated rest of the article, sent whole and
				// hidden by a stylesheet) is the article's text too; a
				// prompt in such a paragraph is left to the text classifier.
				continue
			}
			return roleFurniture
		case roleKeep:
			role = roleKeep
		}
	}
	return role
}

// proseMin is how many bytes of paragraph text make an element a holder of
// prose rather than furniture, paragraphMin the same for one paragraph;
// proseScan bounds the walk.
const (
	proseMin     = 600
	paragraphMin = 30
	proseScan    = 4000
)

// proseHeavy reports whether n holds at least proseMin bytes of text inside
// <p> elements, or is a <p> of at least paragraphMin bytes (walking at most
// proseScan nodes).
func proseHeavy(n *html.Node) bool {
	total, seen := 0, 0
	min, paragraph := proseMin, n.DataAtom == atom.P
	if paragraph {
		min = paragraphMin
	}
	var walk func(c *html.Node, inP bool) bool
	walk = func(c *html.Node, inP bool) bool {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			seen++
			if seen > proseScan {
				return true // too big to be a widget
			}
			switch k.Type {
			case html.TextNode:
				if inP {
					total += len(strings.TrimSpace(k.Data))
					if total >= min {
						return true
					}
				}
			case html.ElementNode:
				if paragraph && k.DataAtom == atom.A {
					continue // a teaser's link ("[ Related: … ]") is no prose of its own
				}
				if walk(k, inP || k.DataAtom == atom.P) {
					return true
				}
			}
		}
		return false
	}
	return walk(n, paragraph)
}

func hasAncestor(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// furnitureMarkers are class/id/role words naming page furniture.
var furnitureMarkers = map[string]bool{
	"paywall": true, "regwall": true, "cookie": true, "cookies": true, "consent": true, "gdpr": true,
	"newsletter": true, "subscribe": true, "subscription": true, "signup": true, "login": true,
	"related": true, "share": true, "sharing": true, "social": true, "promo": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true, "sponsored": true,
	"breadcrumb": true, "breadcrumbs": true, "outbrain": true, "taboola": true,
	"navigation": true, "navbar": true, "menu": true, "sidebar": true, "comments": true,
	"banner": false, // hero banners often carry the headline
}

// keepMarkers are class/id words naming bylines and captions.
var keepMarkers = map[string]bool{
	"byline": true, "author": true, "caption": true,
}

// markerRole splits a class or id value into words ("c-paywall__inner" →
// c, paywall, inner) and looks them up.
func markerRole(v string) int {
	role := roleNone
	start := -1
	for i := 0; i <= len(v); i++ {
		letter := i < len(v) && ('a' <= v[i] && v[i] <= 'z' || 'A' <= v[i] && v[i] <= 'Z')
		if letter {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			word := v[start:i]
			if len(word) <= 16 {
				var low [16]byte
				for k := 0; k < len(word); k++ {
					c := word[k]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					low[k] = c
				}
				w := string(low[:len(word)])
				if furnitureMarkers[w] {
					return roleFurniture
				}
				if keepMarkers[w] {
					role = roleKeep
				}
			}
			start = -1
		}
	}
	return role
}

// skipped reports whether an element and its subtree are invisible: not
// rendered by a browser, or hidden by the page itself.
func skipped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return n.Type != html.TextNode && n.Type != html.DocumentNode
	}
	if invisibleTag(n.DataAtom) {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			if hidesElement(a.Val) {
				return true
			}
		case "class":
			if screenReaderOnly(a.Val) {
				return true
			}
		}
	}
	return false
}

// screenReaderOnly reports a class that sites use to hide text from the
// screen while screen readers still read it ("sr-only", "screen-reader-text",
// "visually-hidden"): labels, "opens in a new window", and headlines doubled
// for them, which the rendered page never shows ("Épisode 1</p><a>Les
// poireux<span class=screen-reader-text>Les poireux</span>" glued the title
// to itself).
func screenReaderOnly(class string) bool {
	for _, c := range strings.Fields(class) {
		c = strings.ToLower(c)
		if strings.Contains(c, "screen-reader") || strings.Contains(c, "sr-only") || strings.Contains(c, "visually-hidden") ||
			strings.Contains(c, "visuallyhidden") || c == "element-invisible" || c == "a11y-hidden" {
			return true
		}
	}
	return false
}

// invisibleTag reports whether an element is never rendered as text.
func invisibleTag(a atom.Atom) bool {
	switch a {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Select, atom.Datalist,
		atom.Audio, atom.Video, atom.Map, atom.Title:
		return true
	}
	return false
}

// hidesElement reports whether an inline style says display:none or visibility:hidden.
func hidesElement(style string) bool {
	var b strings.Builder
	for i := 0; i < len(style); i++ {
		c := style[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	s := b.String()
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// blockSep is the separator a block element puts around itself.
func blockSep(a atom.Atom) int {
	switch a {
	case atom.Li, atom.Dt, atom.Dd, atom.Tr, atom.Option, atom.Caption, atom.Legend, atom.Summary:
		return sepLine
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Blockquote, atom.Pre, atom.Textarea,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Nav, atom.Aside, atom.Main,
		atom.Figure, atom.Figcaption, atom.Form, atom.Address, atom.Hr, atom.Fieldset,
		atom.Details, atom.Dialog, atom.Center, atom.Body, atom.Html, atom.Menu, atom.Hgroup:
		return sepBlank
	}
	return sepNone
}

// addText appends a text node, collapsing HTML white space (outside <pre>).
func (r *renderer) addText(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\n':
			if r.pre > 0 {
				r.breakLine(sepLine)
			} else {
				r.needSpace = true
			}
			i++
			continue
		case ' ', '\t', '\r', '\f':
			r.needSpace = true
			i++
			continue
		}
		// Copy the run up to the next white space in one go.
		j := i + 1
		for j < len(s) && !isHTMLSpace(s[j]) {
			j++
		}
		if r.edge && len(r.line) > 0 && isDigit(r.line[len(r.line)-1]) && isDigit(s[i]) {
			r.needSpace = true
		}
		if r.needSpace && len(r.line) > 0 {
			r.line = append(r.line, ' ')
		}
		r.needSpace, r.edge, r.afterLink = false, false, false
		if r.furniture == 0 {
			r.lineInBody = true
		}
		if r.keep > 0 {
			r.lineKeep = true
		}
		r.line = append(r.line, s[i:j]...)
		i = j
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// breakLine ends the current line, if any, owing sep before the next one.
func (r *renderer) breakLine(sep int) {
	r.needSpace, r.edge, r.afterLink = false, false, false
	if len(r.line) == 0 {
		r.pendingSep = max(r.pendingSep, sep)
		return
	}
	if r.out.Len() > 0 {
		switch r.pendingSep {
		case sepBlank:
			r.out.WriteString("\n\n")
		default:
			r.out.WriteByte('\n')
		}
	}
	start := r.out.Len()
	r.out.Write(r.line)
	r.lines = append(r.lines, dossier.Span{Start: start, End: r.out.Len()})
	var f lineFlags
	if !r.lineInBody {
		f |= lineFurniture
	}
	if r.lineKeep {
		f |= lineKeep
	}
	r.flags = append(r.flags, f)
	r.lineInBody, r.lineKeep = false, false
	r.line = r.line[:0]
	r.pendingSep = sep
}
