// Package meta finds a plain-text document's title and publication date.
//
// The title is the first headline-like line at the top of the article. The
// publication date comes, in order of trust, from an excerpt header
// (" date 2020-11-03" glued to the first line), from datelines and bylines near
// the top ("By bne IntelliNews July 21, 2024", "Publié le 3 novembre 2014"),
// and finally from body evidence that implies it ("a week ago, on Sunday
// August 15th"; a month-only header plus "lundi 13 juin"). The stage is
// precision-first: it sets Meta.Published only for a day-precision date it can
// justify, and keeps whatever an earlier reader already set.
package meta

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
	"github.com/dossier-project/dossier/timex"
)

const lexiconPart = "meta"

// Bounds of the "top of the document" where titles and datelines live.
const (
	maxTopLines = 20
	maxTopBytes = 4000
	// A page copied whole puts menus above the article: a dateline with a
	// publication cue is looked for down to the article's first paragraph
	// (and maxTopLines lines on), within these bounds.
	maxHeadLines  = 400
	maxHeadBytes  = 64 << 10
	maxTitleBytes = 300
	// maxDatelineBytes: a longer line is prose, whose dates are events, not the publication.
	maxDatelineBytes = 160
	// A line is a date line when at most this many words are not part of the
	// date: "Monday, 3 March 2023 14:05 GMT" as a dateline; a headline may
	// hold a date, so title rejection is stricter.
	maxDatelineExtraWords  = 4
	maxTitleDateExtraWords = 2
	// A headline is at most maxTitleWords words; it is looked for up to
	// titleWalkLines lines above the article's first paragraph.
	maxTitleWords  = 30
	titleWalkLines = 12
	// minYear is the earliest publication year considered when a year must be inferred.
	minYear = 2000
)

// lexiconFile is the layout of data/<lang>/meta.yaml.
type lexiconFile struct {
	BylinePrefixes []string `yaml:"byline_prefixes"`
	PublishedCues  []string `yaml:"published_cues"`
	UpdatedCues    []string `yaml:"updated_cues"`
	// DateLabels name a page's date field ("Date", "Date de publication"):
	// the date beside them or on the next line is the publication's.
	DateLabels []string `yaml:"date_labels"`
}

// cues is the compiled vocabulary of one language, or of all merged.
type cues struct {
	byline, published, updated, dateLabels []string
}

// Stage sets Meta.Title, Meta.TitleSpan, Meta.Published and Meta.PublishedSpan.
// It implements dossier.Stage and is safe for concurrent use.
type Stage struct {
	scanner *timex.Scanner
	byLang  map[string]*cues
	all     *cues
	langs   []string
	now     func() time.Time
}

// New builds the stage from the meta and timex lexicons in lex.
func New(lex *lexicon.Set) (*Stage, error) {
	if lex == nil {
		return nil, errors.New("meta: nil lexicon set")
	}
	sc, err := timex.NewScanner(lex)
	if err != nil {
		return nil, fmt.Errorf("meta: %w", err)
	}
	s := &Stage{scanner: sc, byLang: map[string]*cues{}, all: &cues{}, now: time.Now}
	for _, lang := range lex.Langs(lexiconPart) {
		var f lexiconFile
		if err := lex.Load(lang, lexiconPart, &f); err != nil {
			return nil, fmt.Errorf("meta: %w", err)
		}
		c := &cues{byline: lowerAll(f.BylinePrefixes), published: lowerAll(f.PublishedCues), updated: lowerAll(f.UpdatedCues), dateLabels: lowerAll(f.DateLabels)}
		s.byLang[lang] = c
		s.all.byline = append(s.all.byline, c.byline...)
		s.all.published = append(s.all.published, c.published...)
		s.all.updated = append(s.all.updated, c.updated...)
		s.all.dateLabels = append(s.all.dateLabels, c.dateLabels...)
	}
	if len(s.byLang) == 0 {
		return nil, fmt.Errorf("meta: no %s lexicon in any language: %w", lexiconPart, lexicon.ErrNoLexicon)
	}
	s.langs = sc.Langs()
	return s, nil
}

func lowerAll(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Name implements dossier.Stage.
func (s *Stage) Name() string { return "meta" }

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer {
	return []dossier.Layer{dossier.LayerBoilerplate, dossier.LayerLang, dossier.LayerTokens}
}

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerMeta} }

// Process implements dossier.Stage.
func (s *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c := lexicon.ForLang(s.byLang, s.all, doc.ReadingLang())
	hdr := parseHeader(doc.Text)
	head, firstProse, top := headLines(doc, hdr.rest)
	if doc.Meta.Title == "" {
		span, ok := s.titleOverArticle(doc, head, firstProse, c)
		if !ok {
			span, ok = s.findTitle(doc, head, c)
		}
		if ok {
			doc.Meta.Title = doc.Text[span.Start:span.End]
			doc.Meta.TitleSpan = &span
			if doc.Meta.Outlet == "" {
				// "Une crue inattendue … – CNN": the tag the headline dropped.
				doc.Meta.Outlet = outletSuffix(doc.Text, span)
			}
		}
	}
	if !doc.Meta.Published.IsZero() {
		return nil
	}
	// The article's own dateline wins over an excerpt header, which may be
	// the date the excerpt was taken.
	if d, span, ok := s.fromDatelines(doc, head, firstProse, top, c, doc.ReadingLang()); ok {
		s.setPublished(doc, d, span)
		return nil
	}
	if c != s.all {
		// A page's header in another language than its article ("Updated
		// May 17, 2031" over a French text): every language's cues and
		// month names.
		if d, span, ok := s.fromDatelines(doc, head, firstProse, top, s.all, ""); ok {
			s.setPublished(doc, d, span)
			return nil
		}
	}
	if hdr.day > 0 {
		s.setPublished(doc, date(hdr.year, hdr.month, hdr.day), &hdr.span)
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// A month-only header ("2022-06") gives no day: a weekday and day in the
	// text ("lundi 13 juin") may be an event's, so no date is made up from it.
	exprs := s.scanner.ScanTokens(doc.Text, doc.Tokens, doc.ReadingLang(), dossier.Span{Start: 0, End: len(doc.Text)}, nil)
	if d, ok := s.fromAgo(doc.Text, exprs); ok {
		s.setPublished(doc, d, nil)
	}
	return nil
}

func (s *Stage) setPublished(doc *dossier.Document, d time.Time, span *dossier.Span) {
	doc.Meta.Published = d
	if span != nil {
		sp := *span
		doc.Meta.PublishedSpan = &sp
	}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// header is the " date 2020-11-03" (or " date 2024-11") tag some excerpts start with.
type header struct {
	span             dossier.Span
	year, month, day int
	rest             int // where the page text glued after the tag starts
}

// headerTag is the excerpt format's label, not a word of any language.
const headerTag = "date"

func parseHeader(text string) header {
	i := 0
	for i < len(text) && i < 8 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	if !strings.HasPrefix(text[i:], headerTag+" ") {
		return header{}
	}
	i += len(headerTag) + 1
	start := i
	y, n := digits(text, i, 4)
	if n != 4 || i+n >= len(text) || text[i+n] != '-' {
		return header{}
	}
	i += 5
	m, n := digits(text, i, 2)
	if n != 2 || m < 1 || m > 12 {
		return header{}
	}
	i += 2
	h := header{year: y, month: m}
	if i+2 < len(text) && text[i] == '-' {
		if d, n := digits(text, i+1, 2); n == 2 && timex.ValidDate(y, m, d) {
			h.day = d
			i += 3
		}
	}
	if i < len(text) && text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t' {
		return header{} // "date 2020-11-03x…" is not the tag
	}
	h.span = dossier.Span{Start: start, End: i}
	h.rest = i
	return h
}

// digits reads up to max ASCII digits at i.
func digits(text string, i, max int) (val, n int) {
	for n < max && i+n < len(text) && text[i+n] >= '0' && text[i+n] <= '9' {
		val = val*10 + int(text[i+n]-'0')
		n++
	}
	return val, n
}

// line is one non-empty line of the top of the document, trimmed.
type line struct {
	dossier.Span
}

// headLines returns the lines of the page's head: down to the article's
// first paragraph (a line of prose outside boilerplate) and maxTopLines
// lines after it, so that a "Published …" line under a whole page's menus
// is found; the index of that first paragraph (len(out) if none); and how
// many of the lines are the document's top (the first maxTopLines, within
// maxTopBytes), where a date without a cue may stand.
func headLines(doc *dossier.Document, from int) (out []line, firstProse, top int) {
	text := doc.Text
	firstProse = -1
	pos, after := from, -1
	for pos < len(text) && len(out) < maxHeadLines && pos < maxHeadBytes {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		if sp := trimSpan(text, dossier.Span{Start: pos, End: end}); sp.Len() > 0 {
			out = append(out, line{Span: sp})
			if len(out) <= maxTopLines && pos < maxTopBytes {
				top = len(out)
			}
			if after < 0 && isProse(text[sp.Start:sp.End]) && !doc.InBoilerplate(sp.Start) && !isolated(doc, out, end) {
				after, firstProse = 0, len(out)-1
			}
			if after >= 0 {
				if after++; after > maxTopLines {
					break
				}
			}
		}
		pos = end + 1
	}
	if firstProse < 0 {
		firstProse = len(out)
	}
	return out, firstProse, top
}

// isolated reports whether the line just appended to out, ending at end,
// stands between two lines of boilerplate: a form's message or a notice
// among the menus ("We could not send this article. Please try again."),
// not the article's first paragraph.
func isolated(doc *dossier.Document, out []line, end int) bool {
	if len(doc.Boilerplate) == 0 || len(out) < 2 || !doc.InBoilerplate(out[len(out)-2].Start) {
		return false
	}
	next := end
	for next < len(doc.Text) && (doc.Text[next] == '\n' || doc.Text[next] == ' ' || doc.Text[next] == '\t' || doc.Text[next] == '\r') {
		next++
	}
	if next >= len(doc.Text) {
		return false
	}
	if doc.InBoilerplate(next) {
		return true
	}
	// A section's label under it ("Special Series"): a teaser's summary.
	lineEnd := strings.IndexByte(doc.Text[next:], '\n')
	if lineEnd < 0 {
		lineEnd = len(doc.Text) - next
	}
	label := strings.TrimSpace(doc.Text[next : next+lineEnd])
	last, _ := utf8.DecodeLastRuneInString(label)
	return words(label) <= labelMaxWords && !strings.ContainsRune(".!?:;…»\"”", last)
}

// labelMaxWords bounds a section's label under a teaser.
const labelMaxWords = 4

func trimSpan(text string, sp dossier.Span) dossier.Span {
	for sp.Start < sp.End {
		r, size := utf8.DecodeRuneInString(text[sp.Start:sp.End])
		if !unicode.IsSpace(r) {
			break
		}
		sp.Start += size
	}
	for sp.End > sp.Start {
		r, size := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
		if !unicode.IsSpace(r) {
			break
		}
		sp.End -= size
	}
	return sp
}

// words counts letter-or-digit runs in s.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// isProse reports whether a line reads as body text: long, or a full sentence.
func isProse(s string) bool {
	if len(s) > maxTitleBytes {
		return true
	}
	w := words(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return w > 12 && (last == '.' || last == '…')
}

// titleLike reports a line of the page's header that may be a headline:
// three words or more, no sentence, no byline nor date line.
func (s *Stage) titleLike(doc *dossier.Document, l line, c *cues) bool {
	txt := doc.Text[l.Start:l.End]
	w := words(txt)
	if w <= 2 || w > maxTitleWords || isProse(txt) {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(txt); last == '.' {
		return false // a standfirst's or a caption's sentence
	}
	if hasPrefixWord(txt, c.byline) || containsCue(txt, c.published) || containsCue(txt, c.updated) {
		return false
	}
	return !s.dateDominated(doc, l.Span, w, maxTitleDateExtraWords, doc.ReadingLang())
}

// titleOverArticle returns the headline right over the article: walking up
// from its first paragraph past the byline, dates and share buttons, the
// first headline-like line that cleaning kept; when another one stands
// right above it, that one (a title over its standfirst). Whole pages put
// their menus, search boxes and teasers above, where the first such line
// is no title.
func (s *Stage) titleOverArticle(doc *dossier.Document, lines []line, firstProse int, c *cues) (dossier.Span, bool) {
	if firstProse <= 0 || firstProse > len(lines) {
		return dossier.Span{}, false
	}
	// The article's header: the lines over its first paragraph up to a
	// run of two furniture lines that no kept line interrupts (a date and a
	// share bar inside the header are single lines among kept ones).
	top, marked := firstProse, 0
	for i, n := firstProse-1, 0; i >= 0 && n < titleWalkLines; i, n = i-1, n+1 {
		if doc.InBoilerplate(lines[i].Start) {
			if marked++; marked >= 2 {
				break
			}
			continue
		}
		marked = 0
		top = i
	}
	for i := top; i < firstProse; i++ {
		if l := lines[i]; !doc.InBoilerplate(l.Start) && s.titleLike(doc, l, c) {
			return stripOutletSuffix(doc.Text, l.Span), true
		}
	}
	// Cleaning may have taken the headline for another article's (a
	// teaser list runs into it): the one marked line of four words or more
	// right over the byline or the first paragraph.
	for i, n := firstProse-1, 0; i >= 0 && n < titleWalkLines/2; i, n = i-1, n+1 {
		// (titleLike passes over the byline and the dates.)
		if l := lines[i]; words(doc.Text[l.Start:l.End]) >= 4 && s.titleLike(doc, l, c) {
			return stripOutletSuffix(doc.Text, l.Span), true
		}
	}
	return dossier.Span{}, false
}

// findTitle returns the first headline-like line, stopping at the first line of prose.
func (s *Stage) findTitle(doc *dossier.Document, lines []line, c *cues) (dossier.Span, bool) {
	for _, l := range lines {
		if doc.InBoilerplate(l.Start) {
			continue
		}
		txt := doc.Text[l.Start:l.End]
		if isProse(txt) {
			return dossier.Span{}, false
		}
		w := words(txt)
		if w <= 2 { // kicker, section label, lone weekday
			continue
		}
		if hasPrefixWord(txt, c.byline) || containsCue(txt, c.published) || containsCue(txt, c.updated) {
			continue
		}
		if s.dateDominated(doc, l.Span, w, maxTitleDateExtraWords, doc.ReadingLang()) {
			continue
		}
		return stripOutletSuffix(doc.Text, l.Span), true
	}
	return dossier.Span{}, false
}

// dateDominated reports whether a line is little more than a date ("21st Oct 2017", "Monday, 3 March 2023 14:05").
func (s *Stage) dateDominated(doc *dossier.Document, sp dossier.Span, lineWords, extra int, lang string) bool {
	var buf [8]timex.Expr
	text := doc.Text
	exprs := s.scanner.ScanTokens(text, doc.Tokens, lang, sp, buf[:0])
	dateWords, clock, pos := 0, 0, sp.Start
	for _, e := range exprs {
		if e.Kind == timex.KindCalendar && (e.Year > 0 || e.Day > 0) {
			dateWords += words(text[e.Start:e.End])
			clock += clockWords(text[pos:e.Start])
			pos = e.End
		}
	}
	clock += clockWords(text[pos:sp.End])
	return dateWords > 0 && lineWords-dateWords-clock <= extra
}

// clockWords counts the words of a time of day beside a date ("3:18 p.m.",
// "14 h 05 CET"): runs of one or two digits, and the short words (at most
// four letters: "p", "m", "ET", "GMT") right after them.
func clockWords(s string) int {
	n, run, digits, letters, afterNum := 0, false, 0, 0, false
	flush := func() {
		switch {
		case digits > 0 && digits <= 2 && letters == 0:
			n++
			afterNum = true
		case letters > 0 && letters <= 4 && digits == 0 && afterNum:
			n++
		default:
			afterNum = false
		}
		digits, letters = 0, 0
	}
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
			run = true
		case unicode.IsLetter(r):
			letters++
			run = true
		default:
			if run {
				flush()
				run = false
			}
		}
	}
	if run {
		flush()
	}
	return n
}

// stripOutletSuffix drops a trailing " – CNN" / " | Le Monde" outlet tag from a headline.
func stripOutletSuffix(text string, sp dossier.Span) dossier.Span {
	s := text[sp.Start:sp.End]
	for _, sep := range []string{" – ", " — ", " | ", " - "} {
		i := strings.LastIndex(s, sep)
		if i <= 0 {
			continue
		}
		suffix := s[i+len(sep):]
		if w := words(suffix); w == 0 || w > 3 || words(s[:i]) < 4 || !allCapitalised(suffix) {
			continue
		}
		return trimSpan(text, dossier.Span{Start: sp.Start, End: sp.Start + i})
	}
	return sp
}

// outletSuffix is the outlet tag stripOutletSuffix removed after the title
// span: the rest of its line after the separator, or "".
func outletSuffix(text string, title dossier.Span) string {
	end := strings.IndexByte(text[title.End:], '\n')
	if end < 0 {
		end = len(text) - title.End
	}
	rest := strings.TrimSpace(text[title.End : title.End+end])
	for _, sep := range []string{"–", "—", "|", "-"} {
		if after, ok := strings.CutPrefix(rest, sep); ok {
			if o := strings.TrimSpace(after); o != "" && words(o) <= 3 && allCapitalised(o) {
				return o
			}
		}
	}
	return ""
}

func allCapitalised(s string) bool {
	for _, f := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// hasPrefixWord reports whether s starts with one of the lowercase phrases as whole words.
func hasPrefixWord(s string, phrases []string) bool {
	for _, p := range phrases {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) && boundaryAt(s, len(p)) {
			return true
		}
	}
	return false
}

// containsCue reports whether one of the lowercase phrases occurs in s as
// whole words, case-insensitively and without allocating.
func containsCue(s string, phrases []string) bool { return cueIndex(s, phrases) >= 0 }

// cueIndex returns the byte offset of the first of phrases in s (a whole
// word or phrase, any case), or -1.
func cueIndex(s string, phrases []string) int {
	if len(s) > maxDatelineBytes*2 {
		s = s[:maxDatelineBytes*2]
	}
	best := -1
	for _, p := range phrases {
		if p == "" {
			continue
		}
		first := p[0]
		for i := 0; i+len(p) <= len(s); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != first && first < utf8.RuneSelf {
				continue
			}
			if strings.EqualFold(s[i:i+len(p)], p) && (i == 0 || !isLetterBefore(s, i)) && boundaryAt(s, i+len(p)) {
				if best < 0 || i < best {
					best = i
				}
				break
			}
		}
	}
	return best
}

func boundaryAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r)
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// bareAfterProse: a date alone on its line at most this many lines under
// the first paragraph may still be the article's (see bylineDateUnder).
const bareAfterProse = 5

// bylineDateUnder reports line i, a date alone, a few lines under the first
// paragraph with no furniture between: the standfirst or a caption glued to
// its paragraph, then a caption or a byline, then the article's date
// ("Photo: … Les vélos …" / "Lena Varga" / "19 février 2031"). Under
// a "read also" cue a date is another article's; in a heading, an event's.
func (s *Stage) bylineDateUnder(doc *dossier.Document, lines []line, firstProse, i int, lang string) bool {
	if i <= firstProse || i > firstProse+bareAfterProse || !s.dateDominated(doc, lines[i].Span, words(doc.Text[lines[i].Start:lines[i].End]), 0, lang) {
		return false
	}
	for k := firstProse + 1; k < i; k++ {
		if doc.InBoilerplate(lines[k].Start) {
			return false
		}
	}
	return true
}

// Dateline trust levels: a cue saying "published" beats a bare date line, which beats "updated".
const (
	trustNone = iota
	trustUpdated
	trustBare
	trustPublished
)

// fromDatelines looks for a full date on a short line near the top.
//
// A date without a cue is the last one above the article's first paragraph
// (lines[firstProse]), the one nearest the article: higher up, a whole
// page's masthead shows the day's date ("Thursday, May 17, 2031" over the
// menus). Without one there, it is the first in the top lines (lines[:top]).
func (s *Stage) fromDatelines(doc *dossier.Document, lines []line, firstProse, top int, c *cues, lang string) (time.Time, *dossier.Span, bool) {
	var (
		best      time.Time
		bestSpan  *dossier.Span
		bestTrust = trustNone
		// the bare date above the first paragraph, kept apart: a later one replaces it
		bareBest time.Time
		bareSpan *dossier.Span
	)
	for i, l := range lines {
		txt := doc.Text[l.Start:l.End]
		if len(txt) > maxDatelineBytes {
			continue
		}
		trust := trustBare
		switch {
		case containsCue(txt, c.published) || hasPrefixWord(txt, c.byline) || hasPrefixWord(txt, c.dateLabels) || bylineAfterDate(txt, c.byline):
			trust = trustPublished
		case i > 0 && labelLine(doc.Text[lines[i-1].Start:lines[i-1].End], c.dateLabels):
			// "Date" alone on its line, then "2 mars 2031": a page's field.
			trust = trustPublished
		case containsCue(txt, c.updated):
			trust = trustUpdated
		case i > 0 && hasPrefixWord(doc.Text[lines[i-1].Start:lines[i-1].End], c.byline) && !isProse(doc.Text[lines[i-1].Start:lines[i-1].End]):
			// "By Lena Varga" then "December 23, 2031": the byline's date,
			// below a standfirst as well as above the first paragraph.
			trust = trustPublished
		}
		under := i >= firstProse && s.bylineDateUnder(doc, lines, firstProse, i, lang) // "Photo: … Les vélos …" / "Lena Varga" / "19 février 2031"
		if trust <= bestTrust && !(trust == trustBare && (i < firstProse || under)) || trust == trustBare && i >= max(top, firstProse) && !under {
			continue
		}
		// A sentence's dates are events ("The report, published on…"); a
		// line opening with its cue is a dateline however many words its
		// times make ("PUBLISHED: May 17, 2031 at 4:56 p.m. | UPDATED: …").
		if isProse(txt) && !hasPrefixWord(txt, c.published) && !hasPrefixWord(txt, c.updated) {
			continue
		}
		// Without a cue, only a line that is little more than a date is a dateline:
		// a caption's "Screen grab from June 19th 2001 showing…" dates the picture.
		// A player or metadata line ("<headline> / 2 min. / le 16 février 2016")
		// holds one in a segment of its own.
		span := l.Span
		if trust == trustBare && !s.dateDominated(doc, l.Span, words(txt), maxDatelineExtraWords, lang) {
			seg, ok := s.dateSegment(doc, l.Span, lang)
			if !ok {
				seg, ok = s.datePrintedTwice(doc, l.Span, lang)
			}
			if !ok {
				continue
			}
			span = seg
		}
		if trust == trustPublished {
			// "Mis à jour le 15/03 | Publié le 14/03": the date after the
			// publication cue, when an update cue comes before it.
			if u, p := cueIndex(txt, c.updated), cueIndex(txt, c.published); u >= 0 && p > u {
				span.Start = l.Start + p
			}
		}
		var buf [8]timex.Expr
		for _, e := range s.scanner.ScanTokens(doc.Text, doc.Tokens, lang, span, buf[:0]) {
			if e.Full() && timex.ValidDate(e.Year, e.Month, e.Day) &&
				(e.Weekday == 0 || timex.IsoWeekday(date(e.Year, e.Month, e.Day)) == e.Weekday) {
				sp := e.Span
				if trust == trustBare && (i < firstProse || under) {
					bareBest, bareSpan = date(e.Year, e.Month, e.Day), &sp
				} else {
					best, bestSpan, bestTrust = date(e.Year, e.Month, e.Day), &sp, trust
				}
				break
			}
		}
	}
	if bestTrust <= trustBare && bareSpan != nil {
		return bareBest, bareSpan, true
	}
	return best, bestSpan, bestTrust != trustNone
}

// datePrintedTwice returns the first of two copies of one full date on a
// line: a post's metadata gives its publication and its update the same day
// ("Lena Varga Politique 20 janvier 2031 20 janvier 2031 évaluation").
func (s *Stage) datePrintedTwice(doc *dossier.Document, sp dossier.Span, lang string) (dossier.Span, bool) {
	var buf [8]timex.Expr
	exprs := s.scanner.ScanTokens(doc.Text, doc.Tokens, lang, sp, buf[:0])
	for i, e := range exprs {
		if !e.Full() {
			continue
		}
		for _, f := range exprs[i+1:] {
			if f.Full() && f.Year == e.Year && f.Month == e.Month && f.Day == e.Day {
				return e.Span, true
			}
		}
	}
	return dossier.Span{}, false
}

// labelLine reports a line that is one of labels and nothing else, maybe
// with a colon ("Date", "Date :").
func labelLine(line string, labels []string) bool {
	line = strings.ToLower(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line), ":")))
	for _, l := range labels {
		if line == l {
			return true
		}
	}
	return false
}

// bylineAfterDate reports a line where a comma and a byline's word follow
// what comes first ("jeudi 13 juin 2030, par Lena Varga").
func bylineAfterDate(line string, byline []string) bool {
	i := strings.Index(line, ", ")
	return i > 0 && hasPrefixWord(strings.ToLower(line[i+2:]), byline)
}

// dateSegment returns the segment of a line cut by " / ", " | ", " • " or
// " · " that is little more than a date, when the line has two segments or
// more.
func (s *Stage) dateSegment(doc *dossier.Document, sp dossier.Span, lang string) (dossier.Span, bool) {
	text := doc.Text
	line := text[sp.Start:sp.End]
	start, segs := 0, 0
	var found dossier.Span
	ok := false
	for i := 0; i <= len(line); {
		w := segmentSep(line, i)
		if i < len(line) && w == 0 {
			i++
			continue
		}
		seg := trimSpan(text, dossier.Span{Start: sp.Start + start, End: sp.Start + i})
		if seg.Len() > 0 {
			segs++
			if !ok && s.dateDominated(doc, seg, words(text[seg.Start:seg.End]), maxDatelineExtraWords, lang) {
				found, ok = seg, true
			}
		}
		if i == len(line) {
			break
		}
		i += w
		start = i
	}
	return found, ok && segs >= 2
}

// segmentSep returns the width of a segment separator (" / ", " | ", " • ",
// " · ") at s[i], or 0.
func segmentSep(s string, i int) int {
	for _, sep := range []string{" / ", " | ", " • ", " · "} {
		if strings.HasPrefix(s[i:], sep) {
			return len(sep)
		}
	}
	return 0
}

// maxAgoGap bounds the text between "a week ago" and the date it restates.
const maxAgoGap = 8

// fromAgo reads "just a week ago, on Sunday August 15th": an offset in days or
// weeks next to the date it names fixes the publication date. A year-less
// date is placed by its weekday, in the latest year the text mentions or the
// next one, and only when exactly one of them fits.
func (s *Stage) fromAgo(text string, exprs []timex.Expr) (time.Time, bool) {
	maxYear := 0
	nowYear := s.now().Year()
	for _, e := range exprs {
		if e.Kind == timex.KindCalendar && e.Year > maxYear && e.Year <= nowYear {
			maxYear = e.Year
		}
	}
	for i := 0; i+1 < len(exprs); i++ {
		a, b := exprs[i], exprs[i+1]
		if b.Kind == timex.KindOffset {
			a, b = b, a
		}
		if a.Kind != timex.KindOffset || a.Offset >= 0 || (a.Unit != timex.UnitDay && a.Unit != timex.UnitWeek) ||
			b.Kind != timex.KindCalendar || b.Month == 0 || b.Day == 0 {
			continue
		}
		lo, hi := exprs[i].End, exprs[i+1].Start
		if hi-lo > maxAgoGap || strings.ContainsAny(text[lo:hi], ".!?\n;") {
			continue
		}
		var when time.Time
		switch {
		case b.Year > 0:
			if !timex.ValidDate(b.Year, b.Month, b.Day) {
				continue
			}
			when = date(b.Year, b.Month, b.Day)
		case b.Weekday > 0 && maxYear >= minYear:
			fits := 0
			for y := maxYear; y <= maxYear+1 && y <= nowYear; y++ {
				if timex.ValidDate(y, b.Month, b.Day) && timex.IsoWeekday(date(y, b.Month, b.Day)) == b.Weekday {
					when = date(y, b.Month, b.Day)
					fits++
				}
			}
			if fits != 1 {
				continue
			}
		default:
			continue
		}
		days := -a.Offset
		if a.Unit == timex.UnitWeek {
			days *= 7
		}
		return when.AddDate(0, 0, days), true
	}
	return time.Time{}, false
}
