package clean

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reason says which rule marked a line as furniture.
type Reason uint8

const (
	ReasonNone        Reason = iota
	ReasonCue                // a cue from the lexicon: "Subscribe now", "Se connecter", "ADVERTISEMENT"
	ReasonPromo              // promotional vocabulary: newsletter, subscription, paywall text
	ReasonSeparator          // punctuation only: "--------"
	ReasonPlaceholder        // "Image", "Illustration 2"
	ReasonDate               // a date or time alone: "Updated: Nov 03, 2020, 12:40 IST"
	ReasonSection            // section or navigation words alone: "News", "Politique"
	ReasonLink               // a bare URL, e-mail address or handle
	ReasonRepeated           // recurs verbatim across documents
	ReasonListHeader         // "Latest news", "Les plus lus"
	ReasonLinkList           // an item of a list of links to other articles
	ReasonBlock              // inside a paywall or newsletter block
	ReasonHead               // a short kicker line above the title
	ReasonTail               // a short line after the article's last paragraph
	ReasonTeaser             // headline and summary of another article, after the body
	ReasonHeadline           // a headline-like line inside the body (related link or subheading)
	ReasonBetween            // a short line between two furniture lines
	ReasonNav                // a menu: short items between separators ("Home | News | Sport")
	ReasonNotice             // the page speaking of itself outside the prose: "This article is more than 3 years old"
	ReasonKicker             // a link to another article under a capitals label: "ANALYSIS: Why the ports burn"
	ReasonPage               // outside the page's main content, by its markup (HTML reader)
	ReasonCredit             // a picture's credit after at most a name: "Karim Haddad, photo: Lena Varga/NPA"
	ReasonMenu               // a block of three or more short unpunctuated lines above the article: a menu
	ReasonFooter             // below a run of furniture after the article: the page's footer
	ReasonAbove              // a short line well above the article's main run of paragraphs
)

var reasonNames = [...]string{"none", "cue", "promo", "separator", "placeholder", "date", "section",
	"link", "repeated", "list-header", "link-list", "block", "head", "tail", "teaser", "headline", "between", "nav",
	"notice", "kicker", "page", "credit", "menu", "footer", "above"}

func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return "unknown"
}

// Thresholds, in words. Articles are prose: long lines ending in sentence
// punctuation. Furniture is short, unpunctuated or made of cue vocabulary.
const (
	proseMinWords      = 20 // this long, a line is prose even without final punctuation
	sentenceMinWords   = 8  // this long with final punctuation, a line is prose
	prefixMaxWords     = 60 // line-start cues are trusted up to this length
	phraseMaxWords     = 40 // phrase cues anywhere in the line, up to this length
	shortPromoMaxWords = 8  // one promotional cue suffices in a line this short
	kickerMaxWords     = 3  // short lines above the title
	tailMaxWords       = 6  // short lines after the last paragraph
	headlineMinWords   = 4
	headlineMaxWords   = 18
	linkItemMaxWords   = 25
	teaserMaxWords     = 80 // a teaser summary is one short paragraph
	minTeasers         = 3
	wrappedMinLines    = 3 // hard-wrapped text: headline rules would eat its lines
	ctxCheckEvery      = 4096
)

func isProse(l *lineInfo) bool {
	if l.words >= proseMinWords {
		return true
	}
	return l.words >= sentenceMinWords && l.ending != endNone
}

// classify scans every line of text and applies the rules in order: cues on
// single lines first, then context (link lists, paywall blocks, head and
// tail of the page, teasers, headlines inside the body).
func (s *Stage) classify(ctx context.Context, text string, ws *workspace) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	lines := ws.lines[:0]
	if n := strings.Count(text, "\n") + 1; cap(lines) < n {
		lines = make([]lineInfo, 0, n)
	}
	sc := &ws.sc
	cut := ws.cut
	var err error
	forEachLine(text, func(start, end int) {
		if err != nil {
			return
		}
		if len(lines)%ctxCheckEvery == ctxCheckEvery-1 {
			if err = ctx.Err(); err != nil {
				return
			}
		}
		li := sc.scan(text, start, end, s.cues)
		li.prose = isProse(&li)
		for len(cut) > 0 && cut[0].End <= start {
			cut = cut[1:]
		}
		if len(cut) > 0 && cut[0].Start <= start && end <= cut[0].End && !li.blank {
			li.bp, li.reason = true, ReasonPage
		} else {
			s.intrinsic(text, &li)
		}
		lines = append(lines, li)
	})
	ws.lines = lines
	if err != nil {
		return err
	}
	r := rules{lines: lines}
	// In a marked-up page the reader kept a heading inside the article
	// because its markup made it the article's own (a subheading, the
	// title over a standfirst): the plain-text guesses at headlines would
	// only undo that.
	marked := ws.cut != nil
	r.listHeaders(text)
	r.promoBlocks()
	r.linkLists()
	r.head()
	r.menus()
	if !marked {
		r.headTeasers()
	}
	if !marked {
		r.headlineCopies(text)
	}
	r.notices()
	if !marked {
		r.repeatedWidgets(text)
	}
	r.kickers(text)
	r.playerItems(text)
	r.echoes(text)
	r.tail(text)
	if !r.wrapped() {
		r.teasers()
		if !marked {
			r.headlines()
			r.capsLinks(text)
			r.teaserBylines()
		}
	}
	if !marked {
		r.summariesBetweenTeasers()
		r.findTwice(text)
		r.footer() // in a marked-up page the reader found the article's end
		r.aboveArticle(text)
		r.labelRuns(text)
		r.listedTeasers(text)
		r.capitalMenus(text)
		r.twiceOutside()
		r.carouselCopies(text)
		r.closingStretch()
	}
	r.between(text)
	r.articleBylines(text)
	return nil
}

// Bounds of the article's byline search: the lines walked from the main
// run's edge, and a byline's length ("By Lena Varga on Wed, Nov 8, 2031 at
// 1:02 pm").
const (
	bylineWalkLines = 12
	// Under the article, its credits follow within a few lines: the
	// author's name, a biography, "… contributed to this report".
	bylineBelowLines = 4
	bylineMaxWords   = 14
)

// articleBylines gives the article its byline back. Above the main run of
// paragraphs, over nothing but furniture (dates, share buttons, a picture's
// credit), or right under its last paragraph, a byline names the article's
// author, whatever layout rule took it for an item of a menu or a list of
// other articles: the headline and standfirst above it look like a teaser.
func (r *rules) articleBylines(text string) {
	start, end := r.mainRun()
	if start < 0 {
		return
	}
	dated := false // only dates, share buttons and credits walked so far
	for i, n := r.prev(start), 0; i >= 0 && n < bylineWalkLines; i, n = r.prev(i), n+1 {
		l := &r.lines[i]
		if r.giveByline(l) {
			r.giveHeadline(text, i)
			continue
		}
		if nx := r.next(i); l.bylineMarker && nx >= 0 && nx < start && r.lines[nx].words <= 4 && namesLine(text[r.lines[nx].start:r.lines[nx].end]) {
			// "By" alone over the author's name: a list's rule took both
			// for its items.
			for _, k := range []int{i, nx} {
				if b := &r.lines[k]; b.bp && b.reason != ReasonCue {
					b.bp, b.reason = false, ReasonNone
				}
			}
			continue
		}
		if n == 0 || dated {
			dated = l.bp && (l.reason == ReasonDate || l.reason == ReasonCue || l.reason == ReasonCredit || l.reason == ReasonPlaceholder)
			if !dated && l.bp && l.words <= 4 && namesLine(text[l.start:l.end]) && r.sawDate(i, start) {
				// The author's name alone over the article's date: "Lena
				// Varga" / "Published: 17:55, 8 Nov 2031" / the text.
				l.bp, l.reason = false, ReasonNone
				continue
			}
		}
		if !l.bp {
			break
		}
	}
	for i, n := r.next(end), 0; i >= 0 && n < bylineBelowLines && !r.lines[i].endHeader; i, n = r.next(i), n+1 {
		// (Two lines down, only a credit's tail: "avec Lena Varga" may be a
		// teaser's.)
		if l := &r.lines[i]; !((n < 2 || l.bylineTail) && r.giveByline(l)) && !l.bp {
			break // (and a commenter's name under "Comments" is no author's)
		}
	}
}

// sawDate reports a date line between lines i and j.
func (r *rules) sawDate(i, j int) bool {
	for k := r.next(i); k >= 0 && k < j; k = r.next(k) {
		if r.lines[k].reason == ReasonDate {
			return true
		}
	}
	return false
}

// giveByline unmarks a byline that a layout rule marked, and reports
// whether l is a byline.
// giveHeadline gives back the headline and standfirst right over the
// article's byline at i, up to two lines of four words or more that a
// layout rule took for a teaser's: what stands over an article's byline
// is its own.
func (r *rules) giveHeadline(text string, i int) {
	for p, n := r.prev(i), 0; p >= 0 && n < 2; p, n = r.prev(p), n+1 {
		l := &r.lines[p]
		if !l.bp || l.words < headlineMinWords || l.words > teaserMaxWords || l.quoteStart && !l.quoteLabel || dataRow(l) ||
			strings.ContainsAny(text[l.start:l.end], "»›|") {
			return // (a breadcrumb's trail is the site's: "Home » Transport » …")
		}
		if !layoutReason(l.reason) {
			return
		}
		l.bp, l.reason = false, ReasonNone
	}
}

// layoutReason reports a mark a layout rule gave (a line's place among
// others), which an article's byline or headline may undo; not one its own
// words gave (a cue, a date).
func layoutReason(r Reason) bool {
	switch r {
	case ReasonMenu, ReasonLinkList, ReasonHeadline, ReasonAbove, ReasonBlock, ReasonBetween, ReasonTail, ReasonTeaser, ReasonFooter:
		return true
	}
	return false
}

func (r *rules) giveByline(l *lineInfo) bool {
	if !l.byline || l.words > bylineMaxWords || l.quoteStart {
		return false
	}
	if layoutReason(l.reason) {
		l.bp, l.reason = false, ReasonNone
	}
	return true
}

// authorHandle reports an author's line: two to four capitalised words and
// the author's handle, glued or not ("Lena Varga @lvarga",
// "Lena Varga@lvarga").
func authorHandle(line string) bool {
	f := strings.Fields(line)
	if len(f) < 2 || len(f) > 5 {
		return false
	}
	last := f[len(f)-1]
	at := strings.IndexByte(last, '@')
	if at < 0 || at == len(last)-1 || strings.IndexByte(last[at+1:], '.') >= 0 {
		return false // an e-mail address is no handle
	}
	names := f[:len(f)-1]
	if at > 0 {
		names = append(names[:len(names):len(names)], last[:at])
	}
	if len(names) < 2 || len(names) > 4 {
		return false
	}
	for _, w := range names {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// bracketed reports a line wrapped whole in square brackets, a link to
// another article set inside the text ("[ Port strike ends after nine days ]");
// an editor's insertion sits inside a sentence.
func bracketed(line string) bool {
	line = strings.TrimSpace(line)
	return len(line) > 2 && line[0] == '[' && line[len(line)-1] == ']' && strings.IndexByte(line[1:len(line)-1], ']') < 0
}

// intrinsic marks a line that is furniture by itself.
func (s *Stage) intrinsic(text string, l *lineInfo) {
	mark := func(r Reason) { l.bp, l.reason = true, r }
	switch {
	case l.blank:
	case l.separator:
		mark(ReasonSeparator)
	case l.whole:
		mark(ReasonCue)
	case l.prefix && l.words <= prefixMaxWords && !(l.holder > 0 && l.prose && l.words >= proseMinWords):
		// (A picture's credit that a page glued to the paragraph under it,
		// "Photo: Lena Varga Archives Les vélos partagés ont …", is the
		// paragraph: kept, with its credit.)
		mark(ReasonCue)
	case l.phrase && l.words <= phraseMaxWords:
		mark(ReasonCue)
	case l.soft >= 4, l.soft >= 2 && !l.prose:
		mark(ReasonPromo)
	case l.soft >= 1 && l.words <= shortPromoMaxWords && l.ending != endPeriod && !l.quoteStart:
		mark(ReasonPromo)
	case l.site > 0 && l.reader > 0 && !l.quoteStart && l.words <= phraseMaxWords:
		mark(ReasonPromo)
	case l.words > 0 && l.links == l.words:
		mark(ReasonLink)
	case l.words <= 3 && l.holder > 0 && l.holder+l.numbers == l.content:
		mark(ReasonPlaceholder)
	case l.copyright && (l.words <= phraseMaxWords || l.phrase):
		// A notice of any length with a rights phrase in it ("© 2031 Vessa
		// Media. All rights reserved. Market data provided by …").
		mark(ReasonCue)
	case l.credit && !l.quoteStart:
		mark(ReasonCredit)
	case isNavLine(text[l.start:l.end]), l.words <= linkItemMaxWords && postArrow(text[l.start:l.end]):
		mark(ReasonNav)
	case l.words <= linkItemMaxWords && cutTeaser(text[l.start:l.end]):
		mark(ReasonTeaser)
	case l.words <= linkItemMaxWords && bracketed(text[l.start:l.end]):
		mark(ReasonTeaser)
	case isDateLine(l) && !isDateline(text[l.start:l.end], l), isCountLine(l):
		mark(ReasonDate)
	case isSectionLine(l):
		mark(ReasonSection)
	case s.repeated != nil && !isDateline(text[l.start:l.end], l):
		// A dateline recurs in a day's wire copy ("LISBON 2031-05-17"): it
		// still names where each story was filed.
		if _, ok := s.repeated[strings.TrimSpace(text[l.start:l.end])]; ok {
			mark(ReasonRepeated)
		}
	}
}

// postArrow reports a link to the previous or next post: a line opening
// with a left arrow or closing with a right one ("← Older post", "Next:
// Harbour guards foil drone attack →").
func postArrow(line string) bool {
	line = strings.TrimSpace(line)
	first, _ := utf8.DecodeRuneInString(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	return first == '←' || first == '⟵' || last == '→' || last == '⟶'
}

// dateLineMaxWords: "Publié le 17 mai 2031 à 08h12 - Mis à jour le 18 mai
// 2031 à 10h30" is a date line.
const dateLineMaxWords = 16

// isDateLine: a short line of date and time words, numbers, section words and
// a few stop words ("Publié le 12 mars 2024 à 14h30", "21st Oct 2017").
func isDateLine(l *lineInfo) bool {
	if l.words == 0 || l.words > dateLineMaxWords || l.dateish == 0 || l.ending == endMark {
		return false // "1. Varga 89": a rank and a score are no date
	}
	// A word may be both a stop word and a date word (French "a"), so compare
	// against the words that are neither.
	other := l.content - l.dates - l.section
	if other > l.stop && !(other == 1 && l.caps+l.numbers >= l.words && l.words <= 5 && l.dates >= 2) {
		// One capitalised label may go with a full date: "BRIEFING #12 •
		// MAY 2031", "Analysis, May 2031".
		return false
	}
	return 2*l.dates >= l.stop && l.dates+l.section > l.stop/2
}

// fullDateline: a dateline whose date has a day ("LONDON 1996-08-24"), not
// only a year as a label may ("Mondial 2018").
func fullDateline(line string, l *lineInfo) bool {
	d := strings.IndexAny(line, "0123456789")
	return d >= 0 && strings.ContainsAny(line[d:], "-/.") && isDateline(line, l)
}

// isDateline reports a wire dateline: where the story was filed, in one to
// three capitalised words, maybe with a region after a comma, then the date
// in figures ("LISBON 2031-05-17", "VARNAK, Norland 17/05/2031"). It opens the
// article and names a place; a series label has a number or a symbol in it
// ("BRIEFING #12 • MAY 2031") and a date cue is no place ("Updated 12 May").
func isDateline(line string, l *lineInfo) bool {
	label := 0
	i := 0
	for i < len(line) {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		if i >= len(line) {
			return false
		}
		if c := line[i]; c >= '0' && c <= '9' {
			break // the date
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != ',' {
			j++
		}
		w := line[i:j]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '.' && c != '\'' && c != '’' {
				return false
			}
		}
		label++
		i = j
		if i < len(line) && line[i] == ',' {
			i++
		}
	}
	other := l.content - l.dates - l.section
	return label >= 1 && label <= 3 && label == other && i < len(line)
}

// isCountLine: a short line of page metadata that counts words or minutes
// ("reuters.com | 317 words", "Lecture : 3 min", "5 min read"): numbers and
// count units, with at most two other words.
func isCountLine(l *lineInfo) bool {
	if l.words == 0 || l.words > 8 || l.numbers == 0 || l.units == 0 || l.ending == endPeriod || l.ending == endMark {
		return false
	}
	return l.content-l.numbers-l.units-l.stop-l.dates <= 2
}

// isAppeal: a line where the site addresses the reader or speaks of itself
// about its own services ("Sorry, we are not accepting comments on this
// article", "If you value our journalism, please donate"). Quotes are not.
func isAppeal(l *lineInfo) bool {
	return l.site > 0 && (l.reader > 0 || l.voice > 0) && !l.quoteStart && l.words <= phraseMaxWords+20
}

// notice bounds: a notice is at most this long; a shorter one is furniture
// even between paragraphs ("Share this article").
const (
	noticeMaxWords       = 30
	noticeInBodyMaxWords = 10
)

// isNotice: the page speaking of itself ("this article", "cet article") in a
// line that is no quotation.
func isNotice(l *lineInfo) bool {
	return l.selfRef && !l.quoteStart && l.words <= noticeMaxWords
}

// notices marks the lines where the page speaks of itself above the first
// paragraph or below the last ("This article is more than 3 years old",
// "This story was first published by…"), or in a short line anywhere.
func (r *rules) notices() {
	// The article's prose, not counting the notices themselves.
	first, last := len(r.lines), -1
	for i := range r.lines {
		if l := &r.lines[i]; l.prose && !l.bp && !isNotice(l) {
			first, last = min(first, i), i
		}
	}
	for i := range r.lines {
		l := &r.lines[i]
		if l.bp || !isNotice(l) {
			continue
		}
		if i < first || i > last || l.words <= noticeInBodyMaxWords {
			r.mark(i, ReasonNotice)
		}
	}
}

// kickers marks a line that is a label in capitals, a colon and a headline
// ("ANALYSIS: Why the northern ports keep burning", "LIRE AUSSI : …"): a
// link to another article. A label's line that ends as a sentence is the
// article's own text ("UPDATE: Police said the road reopened.").
func (r *rules) kickers(text string) {
	for i := range r.lines {
		l := &r.lines[i]
		if l.bp || l.quoteStart || l.words > headlineMaxWords || !headlineEnd(l) || l.ending == endQuote {
			continue
		}
		if capsLabel(text[l.start:l.end]) {
			r.mark(i, ReasonKicker)
		}
	}
}

// capsLabel reports a line opening with one to three words in capitals of
// three letters or more in all, a colon, and then a capitalised word.
func capsLabel(line string) bool {
	line = strings.TrimSpace(line)
	colon := strings.IndexByte(line, ':')
	if colon <= 0 || colon > 40 {
		return false
	}
	label, rest := strings.TrimSpace(line[:colon]), strings.TrimSpace(line[colon+1:])
	letters := 0
	for _, r := range label {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		case r == ' ' || r == '-' || r == '\'':
		default:
			return false
		}
	}
	if letters < 3 || len(strings.Fields(label)) > 3 || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isSectionLine: a short line made of section and navigation words ("News",
// "France Investigation", "Monde | Afrique").
func isSectionLine(l *lineInfo) bool {
	if l.words == 0 || l.words > 4 || l.section == 0 || l.ending == endPeriod || l.ending == endMark {
		return false
	}
	return l.section+l.stop >= l.content && l.section > l.stop
}

// rules applies context rules over the scanned lines.
type rules struct {
	lines []lineInfo
	// twice: lines of twiceMinWords words or more whose text the page
	// prints twice or more (a site's description at the top and the
	// bottom); nil when there are none.
	twice map[int]bool
}

// twiceMinWords: a paragraph this long that a page prints twice is the
// page's own text, or a standfirst a share box repeats.
const twiceMinWords = 12

// findTwice fills r.twice; most pages print no paragraph twice, and then
// it stays nil.
func (r *rules) findTwice(text string) {
	r.twice = nil
	var first map[string]int // a paragraph's text → its first line
	for i := range r.lines {
		l := &r.lines[i]
		if l.blank || l.words < twiceMinWords {
			continue
		}
		if first == nil {
			first = make(map[string]int)
		}
		k := strings.TrimSpace(text[l.start:l.end])
		j, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		if r.twice == nil {
			r.twice = make(map[int]bool)
		}
		r.twice[j], r.twice[i] = true, true
	}
}

func (r *rules) mark(i int, why Reason) {
	if !r.lines[i].bp {
		r.lines[i].bp, r.lines[i].reason = true, why
	}
}

// next returns the index of the first non-blank line after i, or -1.
func (r *rules) next(i int) int {
	for j := i + 1; j < len(r.lines); j++ {
		if !r.lines[j].blank {
			return j
		}
	}
	return -1
}

// prev returns the index of the last non-blank line before i, or -1.
func (r *rules) prev(i int) int {
	for j := i - 1; j >= 0; j-- {
		if !r.lines[j].blank {
			return j
		}
	}
	return -1
}

// headlineEnd reports whether a line ends as link labels do: without
// punctuation, cut short ("…"), or with a question or exclamation mark.
func headlineEnd(l *lineInfo) bool {
	return l.ending == endNone || l.ending == endEllipsis || l.ending == endMark || l.ending == endQuote
}

// linkLike: a line that could be one entry of a list of links (a label cut
// short with "…" is one, however long it reads).
func linkLike(l *lineInfo) bool {
	return !l.blank && l.words <= linkItemMaxWords && headlineEnd(l) && (!l.quoteStart || l.quoteLabel) && !l.captioned && (l.listItem || !l.prose || l.ending == endEllipsis && l.words <= headlineMaxWords) && !dataRow(l)
}

// dataRow: a row of a table of results or figures, numbers making half its
// words or more ("Varga (Norland) 26:17.8 (2)", "Harbourton 4 3 1 0 7 4
// 10"). The article's own data, neither a link nor a headline; "Top 10
// attacks of 2023" is a headline.
// A row has a label: a page's "1 2 3 4 5 Next" has none. A list's item
// that a value ends is a row too ("1. Lena Varga (Norland) 180 points").
func dataRow(l *lineInfo) bool {
	return l.numbers >= 2 && 2*l.numbers >= l.words && (l.upperStart || l.listItem) && l.content > l.numbers ||
		l.listItem && l.numbers >= 2 && l.valueEnd && l.content > l.numbers ||
		// "New Jersey 110 BOSTON 108 (OT)": names of two words or more and
		// their scores, every word capitalised or a number.
		l.upperStart && l.numbers >= 2 && l.words >= 4 && l.caps+l.numbers >= l.words && l.content > l.numbers && l.ending == endNone
}

// listHeaders marks "Latest news"-style headers and the run of link-like
// lines after them, up to the first line of prose.
func (r *rules) listHeaders(text string) {
	scanned := -1 // lines before this were covered by an earlier header's run
	for i := range r.lines {
		l := &r.lines[i]
		// ("Read more from Lena Varga:" introduces its list; "Read more
		// about the strike in our guide." is a sentence.)
		if !l.header || l.words > 8 || l.ending == endPeriod && l.words > 3 && !colonEnd(text[l.start:l.end]) || l.quoteStart {
			continue
		}
		r.mark(i, ReasonListHeader)
		if i < scanned {
			continue // the earlier run already went past this header
		}
		j := r.next(i)
		for ; j >= 0; j = r.next(j) {
			n := &r.lines[j]
			if n.bp {
				continue
			}
			if !linkLike(n) {
				break
			}
			r.mark(j, ReasonLinkList)
		}
		if j < 0 {
			j = len(r.lines)
		}
		scanned = j
	}
}

// promoBlocks extends subscription and newsletter prompts over the block they
// belong to: following lines with promotional vocabulary, short price or
// option lines, and one short slogan line just above.
func (r *rules) promoBlocks() {
	scanned := -1 // lines before this were covered by an earlier block's run
	for i := range r.lines {
		l := &r.lines[i]
		if !l.bp || (l.reason != ReasonCue && l.reason != ReasonPromo) || l.soft == 0 && !l.prefix && !l.whole {
			continue
		}
		if p := r.prev(i); p >= 0 {
			pl := &r.lines[p]
			// A slogan above a paywall ("Bien s'informer, mieux décider"), but
			// not an author's name, whose words are all capitalised.
			if !pl.bp && pl.words > 0 && pl.words <= 6 && pl.ending == endNone && !pl.quoteStart && !pl.byline &&
				!pl.listItem && !pl.prose && 2*pl.caps < pl.words {
				r.mark(p, ReasonBlock)
			}
		}
		if i < scanned {
			continue // inside a block already extended
		}
		j := r.next(i)
	block:
		for ; j >= 0; j = r.next(j) {
			n := &r.lines[j]
			switch {
			case n.bp:
			case n.soft >= 2 && n.words <= teaserMaxWords, n.soft == 1 && !n.prose:
			case n.listItem && n.words <= shortPromoMaxWords:
			case n.words <= 3 && n.ending == endNone && !n.quoteStart && !n.byline:
			default:
				break block
			}
			r.mark(j, ReasonBlock)
		}
		if j < 0 {
			j = len(r.lines)
		}
		scanned = j
	}
}

// linkLists marks runs of at least three bulleted or numbered link-like lines
// that touch other furniture or follow the article's last paragraph, with the
// short header line just above them.
func (r *rules) linkLists() {
	last := r.lastProse()
	for i := 0; i < len(r.lines); {
		if r.lines[i].blank || !r.lines[i].listItem || !linkLike(&r.lines[i]) {
			i++
			continue
		}
		first, end, n, marked := i, i, 0, false
		for j := i; j >= 0 && j < len(r.lines); j = r.next(j) {
			l := &r.lines[j]
			if !l.listItem || !linkLike(l) {
				break
			}
			if l.bp {
				marked = true
			}
			n++
			end = j
		}
		i = end + 1
		if n < 3 {
			continue
		}
		before, after := r.prev(first), r.next(end)
		touches := marked || (before >= 0 && r.lines[before].bp) || (after >= 0 && r.lines[after].bp) || first > last
		if !touches {
			continue
		}
		for j := first; j <= end; j++ {
			if !r.lines[j].blank {
				r.mark(j, ReasonLinkList)
			}
		}
		if before >= 0 {
			b := &r.lines[before]
			if b.words > 0 && b.words <= 5 && (b.ending == endNone || b.ending == endPeriod && b.words <= 3) && !b.quoteStart && !b.byline {
				r.mark(before, ReasonListHeader)
			}
		}
	}
}

// lastProse returns the index of the last prose line not marked, or -1.
func (r *rules) lastProse() int {
	for i := len(r.lines) - 1; i >= 0; i-- {
		if r.lines[i].prose && !r.lines[i].bp {
			return i
		}
	}
	return -1
}

func (r *rules) firstProse() int {
	for i := range r.lines {
		if r.lines[i].prose && !r.lines[i].bp {
			return i
		}
	}
	return len(r.lines)
}

// Navigation menus: at least navMinItems items of at most navItemMaxWords
// words each, between separators.
const (
	navMinItems     = 3
	navMinDashItems = 6 // with spaced dashes between them, which headlines use too
	navItemMaxWords = 3
	navItemMaxBytes = 32
)

// isNavLine reports whether line is a menu: "Home | News | Sport",
// "Accueil  Monde  Afrique" (items set apart by runs of spaces), "Société > Justice > Procès".
func isNavLine(line string) bool {
	items, words, itemBytes, dashes, long := 0, 0, 0, 0, 0
	inWord := false
	closeItem := func() bool {
		if words > 0 {
			items++
		}
		if words == navItemMaxWords+1 {
			long++ // one word more: allowed in a long menu between dashes
		}
		ok := words <= navItemMaxWords+1 && itemBytes <= navItemMaxBytes
		words, itemBytes, inWord = 0, 0, false
		return ok
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		sep := false
		switch {
		case c == '|' || c == '>' || c == '/' && !(i > 0 && isDigit(line[i-1]) && i+1 < len(line) && isDigit(line[i+1])):
			sep = true // not a date's slash: "17/05/2031"
		case c == ' ' || c == '\t':
			if i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t') {
				sep = true
				for i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t') {
					i++
				}
			}
		case c == 0xC2 && i+1 < len(line) && (line[i+1] == 0xB7 || line[i+1] == 0xBB): // "·", "»"
			sep = true
			i++
		case c == 0xE2 && i+2 < len(line) && line[i+1] == 0x80 && line[i+2] == 0xA2: // "•"
			sep = true
			i += 2
		case c == '-' && i > 0 && line[i-1] == ' ' && i+1 < len(line) && line[i+1] == ' ',
			c == 0xE2 && i > 0 && line[i-1] == ' ' && i+3 < len(line) && line[i+1] == 0x80 && (line[i+2] == 0x93 || line[i+2] == 0x94) && line[i+3] == ' ':
			// " - ", " – ", " — " between items ("News - Sport - Travel -
			// …"); a headline's one dash parts two items only.
			sep = true
			dashes++
			if c == 0xE2 {
				i += 2
			}
		case c == '.' || c == '!' || c == '?':
			return false // sentences are not menus
		}
		if sep {
			if !closeItem() {
				return false
			}
			continue
		}
		if c == ' ' || c == '\t' {
			inWord = false
		} else {
			if !inWord {
				words++
				inWord = true
			}
			itemBytes++
		}
	}
	if !closeItem() {
		return false
	}
	if dashes > 0 {
		return items >= navMinDashItems && 4*long <= items
	}
	return items >= navMinItems && long == 0
}

// cutTeaser reports a line its page cut short with a spaced "..": another
// article's headline in a list of links ("Port Deal Must Be Prolonged, R ..").
// An ellipsis the writer typed ("…", "and so on...") has no space before.
func cutTeaser(line string) bool {
	line = strings.TrimRight(line, " \t")
	// "(...)", "(…)": a teaser's summary that the page cut short (SPIP's
	// lists); an elision inside a quotation goes on after it.
	if strings.HasSuffix(line, " ..") && !strings.HasSuffix(line, " ...") {
		return true
	}
	for _, cut := range []string{"(...)", "(…)"} {
		if rest, ok := strings.CutSuffix(line, cut); ok {
			r, _ := utf8.DecodeLastRuneInString(rest)
			return unicode.IsSpace(r) // (a no-break space too)
		}
	}
	return false
}

// topBlockMaxWords bounds the lines swept up with the page header;
// titleMinWords: a line this long that no cue marked is the title, where the
// header ends (menu entries have one to three words).
const (
	topBlockMaxWords = 6
	titleMinWords    = 4
)

// head marks the short kicker lines above the title: site name, section,
// date ("Business Standard", "Justice", "Saturday"). When the first block of
// the page (up to the first blank line) already holds a menu or a cue line,
// its other short unpunctuated lines are the page header too ("THE DAILY
// LEDGER" above "Home | World | Politics").
func (r *rules) head() {
	end := 0
	for end < len(r.lines) && !r.lines[end].blank {
		end++
	}
	header := false
	for i := 0; i < end; i++ {
		if l := &r.lines[i]; l.bp && (l.reason == ReasonNav || l.reason == ReasonCue || l.reason == ReasonSection) {
			header = true
		}
	}
	if header && end >= 2 {
		for i := 0; i < end; i++ {
			l := &r.lines[i]
			if !l.bp && l.words >= titleMinWords {
				// The title: what follows it (a byline, the author's role)
				// is the article's, in a page saved without blank lines.
				break
			}
			if l.words <= topBlockMaxWords && l.ending == endNone && !l.quoteStart && !l.byline {
				r.mark(i, ReasonHead)
			}
		}
	}
	for i := range r.lines {
		l := &r.lines[i]
		switch {
		case l.blank, l.bp:
			continue
		case l.words <= kickerMaxWords && l.ending == endNone && !l.quoteStart && !l.byline && !l.listItem:
			if r.titleBeforeProse(i) {
				return // "Raid in Varnak", then the text: the title, short as it is
			}
			r.mark(i, ReasonHead)
			continue
		}
		return
	}
}

// Menus above the article: blocks of at least menuMinLines lines, each of
// at most menuItemMaxWords words without final punctuation.
const (
	menuMinLines     = 3
	menuItemMaxWords = 4
	menuLongBlock    = 8 // lines: no title and standfirst run this long unbroken
)

// menus marks the blocks of short unpunctuated lines, blank lines around
// them, above the article's first paragraph: a page's menus and sections
// pasted one item a line ("Sport / Weather / Travel"). A title, a kicker
// or a byline stands alone or in twos; a list inside the article comes after
// its first paragraph.
func (r *rules) menus() {
	first := r.firstProse()
	for i := 0; i < first; {
		if r.lines[i].blank {
			i++
			continue
		}
		j, menu, items, longer := i, true, 0, 0
		for ; j < first && !r.lines[j].blank; j++ {
			l := &r.lines[j]
			switch {
			case l.bp:
				items++
			case l.ending != endNone || l.quoteStart || l.byline || l.prose || l.words > 2*menuItemMaxWords:
				menu = false
			case l.words > menuItemMaxWords:
				longer++ // a long item: "Vessa-sur-Mer – Le Courrier de Vessa"
			default:
				items++
			}
		}
		// (A title or a standfirst of two lines has no three short items
		// around it; in a long block, half the items may run longer.)
		if menu && longer > 0 && (items < menuMinLines || 4*longer > items+longer && !(j-i >= menuLongBlock && longer <= items)) {
			menu = false
		}
		if menu && j-i >= menuMinLines && j < first {
			for k := i; k < j; k++ {
				if !r.lines[k].bp {
					r.mark(k, ReasonMenu)
				}
			}
		}
		i = j
	}
}

// headTeasers marks the headlines of other articles above the article's
// first paragraph: when at least minTeasers headline-like lines stand there
// besides the last one (the article's own title), all but that last are a
// page's teasers and menus of stories ("Lollapalooza Is A Big City Festival
// Done Right" / "How Bail Helps …" / … / the title / the text).
func (r *rules) headTeasers() {
	first := r.firstProse()
	if first >= len(r.lines) {
		return // no article: a table or a list is all there is
	}
	apart := func(i int) bool { return i < 0 || i >= len(r.lines) || r.lines[i].blank || r.lines[i].bp }
	var idx []int
	for i := 0; i < first; i++ {
		// Each on its own between blank lines or furniture: a wire's lines
		// of labels and values ("Company Name Kessel Hospitality Inc") run on.
		if l := &r.lines[i]; !l.blank && !l.bp && headlineShaped(l) && apart(i-1) && apart(i+1) {
			idx = append(idx, i)
		}
	}
	if len(idx) < minTeasers+1 {
		return
	}
	for _, i := range idx[:len(idx)-1] {
		r.mark(i, ReasonTeaser)
	}
}

// headlineShaped: a headline in title or sentence case, no sentence.
func headlineShaped(l *lineInfo) bool {
	return l.words >= headlineMinWords && l.words <= headlineMaxWords && l.ending == endNone && l.upperStart && 2*l.caps >= l.words &&
		!l.quoteStart && !l.byline && !l.attribution && !l.listItem && !l.innerStop && !l.valueEnd && !dataRow(l) && l.numbers < headlineMaxNumbers
}

// repeatedWidgets marks the short unpunctuated lines that a page repeats
// at least three times after its first paragraph: a widget's labels under
// every teaser ("Like", "Comment Share", "3 Likes · Shares"),
// next to furniture or to one another. Text says a thing once; a speaker's
// label ends with its colon.
func (r *rules) repeatedWidgets(text string) {
	first := r.firstProse()
	var counts map[string]int
	key := func(l *lineInfo) (string, bool) {
		if l.blank || l.words == 0 || l.words > 6 || l.ending != endNone || l.byline || l.quoteStart {
			return "", false
		}
		t := strings.TrimSpace(text[l.start:l.end])
		return t, !strings.HasSuffix(t, ":")
	}
	for i := first + 1; i < len(r.lines); i++ {
		if k, ok := key(&r.lines[i]); ok {
			if counts == nil {
				counts = map[string]int{}
			}
			counts[k]++
		}
	}
	rep := func(i int) bool {
		if i < 0 {
			return false
		}
		k, ok := key(&r.lines[i])
		return ok && counts[k] >= 3
	}
	// Next to furniture or to another such line: a table's labels repeat
	// too, between their values.
	var marks []int
	for i := first + 1; i < len(r.lines); i++ {
		if l := &r.lines[i]; !l.bp && rep(i) {
			p, n := r.prev(i), r.next(i)
			if p >= 0 && (r.lines[p].bp || rep(p)) || n >= 0 && (r.lines[n].bp || rep(n)) {
				marks = append(marks, i)
			}
		}
	}
	for _, i := range marks {
		r.mark(i, ReasonRepeated)
	}
}

// titleBeforeProse reports whether line i is the last headline-like line
// before the text: the next line that is neither blank nor furniture is
// prose. A kicker stands above a title, not above the article itself.
func (r *rules) titleBeforeProse(i int) bool {
	for j := i + 1; j < len(r.lines); j++ {
		l := &r.lines[j]
		if l.blank || l.bp {
			continue
		}
		return l.prose
	}
	return false
}

// tail marks short lines and link items after the article's last paragraph
// ("News", "Dismiss", "Most read" lists without a known header).
func (r *rules) tail(text string) {
	// Appeals and notices after the article, over one or several lines,
	// end the prose: the article's last paragraph is above them. Short
	// lines among them belong to them ("Support the Courier", "Every
	// contribution makes a difference."); walking up, the block ends at the
	// first long line that is neither.
	r.appealBlock()
	r.authorBio(text)
	last := r.lastProse()
	if last < 0 {
		return
	}
	for i := last + 1; i < len(r.lines); i++ {
		l := &r.lines[i]
		if l.blank || l.bp || l.quoteStart || l.byline {
			continue
		}
		if l.words <= tailMaxWords && l.ending == endNone && !dataRow(l) || l.listItem && linkLike(l) {
			r.mark(i, ReasonTail)
		}
	}
}

// closingMaxLines bounds the stretch between the article's last paragraph
// and the furniture under it that closingStretch reads.
const closingMaxLines = 16

// closingStretch marks the lines between the article's main run and the
// first furniture under it when none of them is prose and the page speaks
// of itself among them: short labels and notices, a bookmark's
// confirmation, a "Follow" button, a topic's tags. The
// tail rule reads them after the last prose line, which a teaser's
// sentence further down the page may be.
func (r *rules) closingStretch() {
	_, end := r.mainRun()
	if end < 0 {
		return
	}
	// A notice may close the run itself, with short labels around it: the
	// article ended above them. A footnote ("* The Courier's owner …") is
	// the article's.
	notice := false
	if l := &r.lines[end]; isNotice(l) && !l.listItem {
		notice = true
		for end >= 0 {
			l := &r.lines[end]
			if !isNotice(l) && (l.prose || l.byline || l.words > tailMaxWords || l.ending != endNone) {
				break
			}
			end = r.prev(end)
		}
	}
	if end < 0 {
		return
	}
	var stretch []int
	for j := r.next(end); j >= 0; j = r.next(j) {
		l := &r.lines[j]
		if l.bp {
			break
		}
		if l.byline || l.quoteStart || l.prose && !isNotice(l) || dataRow(l) || len(stretch) == closingMaxLines {
			return
		}
		if !isNotice(l) && (l.words > tailMaxWords || l.ending != endNone) {
			return
		}
		notice = notice || isNotice(l)
		stretch = append(stretch, j)
		if r.next(j) < 0 {
			return // no furniture under it: the page may end with the article's own short lines
		}
	}
	if !notice {
		return // short lines alone may be the article's: a table's rows, its references, a signature
	}
	for _, j := range stretch {
		r.mark(j, ReasonTail)
	}
}

// appealMaxShortWords: a line this short may sit inside an appeal block.
const appealMaxShortWords = 12

// appealBlock marks the appeals and notices at the end of the page and the
// short lines between them, from the last line up to the topmost appeal or
// notice before a long line of prose.
func (r *rules) appealBlock() {
	top := -1
	for i := len(r.lines) - 1; i >= 0; i-- {
		l := &r.lines[i]
		switch {
		case l.blank:
			continue
		case isAppeal(l) || isNotice(l):
			// Also when a cue marked it already: the block goes on above it.
			top = i
			continue
		case l.bp:
			continue
		case !l.prose || l.words <= appealMaxShortWords && !l.quoteStart:
			continue
		}
		break
	}
	if top < 0 {
		return
	}
	for i := top; i < len(r.lines); i++ {
		if l := &r.lines[i]; !l.blank && !l.bp && !l.byline {
			r.mark(i, ReasonTail)
		}
	}
}

// authorBioMaxWords bounds a biography of the author after the article.
const authorBioMaxWords = 60

// authorBio marks a note about the author: the last paragraph when it
// opens with the name of the page's byline ("By Lena Varga" … "Lena Varga
// is the Courier's correspondent in the north."), and any paragraph below
// the article's first that opens with the author's name, a verb and words
// describing a writer ("Lena Varga covers security for the Courier"). A
// name alone is no author's: a portrait's caption shows one too.
func (r *rules) authorBio(text string) {
	last := r.lastProse()
	if last < 0 {
		return
	}
	first := r.firstProse()
	// Under furniture, a paragraph that opens with the author's name and a
	// verb is about the author ("Lena Varga joined the Courier in 2029."),
	// whatever words it uses.
	afterRun := func(j int) bool {
		// Walking up, furniture before any paragraph.
		for k := r.prev(j); k >= 0; k = r.prev(k) {
			switch {
			case r.lines[k].bp:
				return true
			case r.lines[k].prose:
				return false
			}
		}
		return false
	}
	// With no byline to name the author, the last paragraphs still are a
	// biography when they open "Name Surname is a … writer/reporter …";
	// two authors write two.
	for j, n := last, 0; j > first && n < 2; j-- {
		b := &r.lines[j]
		if b.blank || b.bp {
			continue
		}
		if !b.bio || b.words > authorBioMaxWords || b.quoteStart {
			break
		}
		r.mark(j, ReasonTail)
		n++
	}
	for i := 0; i < len(r.lines); i++ {
		l := &r.lines[i]
		if !l.byline || l.words > 8 {
			continue
		}
		name := bylineName(text[l.start:l.end])
		if len(name) < 2 {
			continue
		}
		for j := max(first+1, i+1); j <= last; j++ {
			b := &r.lines[j]
			if b.bp || !b.prose || b.words > authorBioMaxWords || b.quoteStart {
				continue
			}
			rest, ok := strings.CutPrefix(strings.TrimSpace(text[b.start:b.end]), name+" ")
			if !ok {
				continue
			}
			if j == last || b.roles > 0 && startsLower(rest) || startsLower(rest) && afterRun(j) {
				r.mark(j, ReasonTail)
			}
		}
	}
}

// startsLower reports whether s opens with a lower-case letter (a verb after
// the name: "is", "writes", "couvre").
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// bylineName returns the run of capitalised words of a byline line after its
// marker ("By Lena Varga, Vessa" → "Lena Varga").
func bylineName(line string) string {
	fields := strings.Fields(line)
	start := -1
	for i, f := range fields {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) && i > 0 {
			start = i
			break
		}
	}
	if start < 0 {
		return ""
	}
	end := start
	for end < len(fields) && end-start < 4 {
		f := fields[end]
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			break
		}
		end++
		if strings.HasSuffix(f, ",") {
			break
		}
	}
	if end-start < 2 {
		return ""
	}
	return strings.TrimRight(strings.Join(fields[start:end], " "), ",")
}

// Copies of the headline: at least copyMinShared words in common, covering
// at least copyShare of the shorter line.
const (
	copyMinShared = 4
	copyShare     = 0.6
	headerLines   = 8
	copyMaxWords  = 40 // a headline with a site's title around it, not a paragraph
	copyMaxOwn    = 12 // words a copy adds to the headline it repeats
)

// wordToken reports a normalised token of two or more bytes with a letter.
func wordToken(t string) bool {
	if len(t) < 2 {
		return false
	}
	for _, r := range t {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// headlineCopies marks, above the first paragraph, a line that repeats
// another line of the page header with other words added or changed: the
// page title with a site suffix ("Privacy Policy <headline> - Site"), an
// excerpt header ("<headline>[reuters.com]"), a player line ("<headline> /
// 2 min. / 16 February"). Of two such lines the one with more words of its
// own goes, or the later one.
func (r *rules) headlineCopies(text string) {
	// The page header: the lines above the first paragraph, and at least
	// the first headerLines non-blank lines (a long page-title line or a
	// photo caption may look like prose).
	first := r.firstProse()
	type cand struct {
		i    int
		toks map[string]bool
	}
	var cs []cand
	seen := 0
	for i := 0; i < len(r.lines) && (i < first || seen < headerLines); i++ {
		l := &r.lines[i]
		if !l.blank {
			seen++
		}
		if l.blank || l.bp || l.words < copyMinShared || l.words > copyMaxWords || l.ending != endNone || l.quoteStart || l.innerStop || dataRow(l) {
			continue // (a sentence inside: a paragraph an excerpt cut short, no headline)
		}
		set := map[string]bool{}
		for _, t := range normalizeTokens(text[l.start:l.end]) {
			if wordToken(t) {
				set[t] = true // numbers and signs are shared by any two rows of scores
			}
		}
		cs = append(cs, cand{i, set})
	}
	for a := 0; a < len(cs); a++ {
		for b := a + 1; b < len(cs); b++ {
			shared := 0
			for t := range cs[a].toks {
				if cs[b].toks[t] {
					shared++
				}
			}
			small := min(len(cs[a].toks), len(cs[b].toks))
			if shared < copyMinShared || float64(shared) < copyShare*float64(small) {
				continue
			}
			ownA, ownB := len(cs[a].toks)-shared, len(cs[b].toks)-shared
			// (A copy adds a site's name, a running time, a date: a line
			// with many words of its own says more, a paragraph that
			// opens on the headline's facts, its end cut.)
			switch {
			case ownA > ownB && ownA <= copyMaxOwn:
				r.mark(cs[a].i, ReasonHeadline)
			case ownA <= ownB && ownB <= copyMaxOwn:
				r.mark(cs[b].i, ReasonHeadline)
			}
		}
	}
}

// wrapped reports whether the text looks hard-wrapped (sentences continued on
// the next line), where the headline rules would misfire.
func (r *rules) wrapped() bool {
	n := 0
	for i := 0; i+1 < len(r.lines); i++ {
		a, b := &r.lines[i], &r.lines[i+1]
		if !a.blank && a.words >= 5 && a.ending == endNone && !b.blank && b.lowerStart {
			n++
			if n >= wrappedMinLines {
				return true
			}
		}
	}
	return false
}

// isHeadline: a short line shaped like an article headline.
func isHeadline(l *lineInfo) bool {
	return !l.blank && !l.bp && l.words >= headlineMinWords-1 && l.words <= headlineMaxWords && l.ending == endNone &&
		!l.quoteStart && l.upperStart && !l.byline && !l.attribution && !l.listItem && !l.innerStop && !l.valueEnd && 4*l.caps < 3*l.words && !dataRow(l) &&
		l.numbers < headlineMaxNumbers
}

// headlineMaxNumbers: a line with this many numbers is a line of scores or
// figures ("Hove: Norland 363 (Varga 111, Ashby 52; Benali 4-37)"), not a
// headline.
const headlineMaxNumbers = 4

// teasers marks, just above furniture at the end of the page, a run of at
// least three "headline, one-paragraph summary" pairs: teasers of other
// articles. Bodies with a subheading over every paragraph are rare.
func (r *rules) teasers() {
	last := r.lastProse()
	if last < 0 {
		return
	}
	after := r.next(last)
	if after < 0 || !r.lines[after].bp {
		return
	}
	var found []int
	pairs := 0
	for p := last; p >= 0; {
		pl := &r.lines[p]
		if !pl.prose || pl.bp || pl.words > teaserMaxWords || pl.quoteStart {
			break
		}
		h := r.prev(p)
		if h < 0 || !isHeadline(&r.lines[h]) {
			break
		}
		found = append(found, p, h)
		pairs++
		p = r.prev(h)
		if p >= 0 {
			k := &r.lines[p]
			if k.bp || k.words <= 2 && k.ending == endNone && !k.byline {
				found = append(found, p) // a kicker such as "Interview" over the headline
				p = r.prev(p)
			}
		}
	}
	if pairs < minTeasers {
		return
	}
	for _, i := range found {
		r.mark(i, ReasonTeaser)
	}
}

// teaserBylines marks the byline under a headline already taken for another
// article's, the short summary under that byline and the one- or two-word
// topic labels over the headline: a teaser's parts ("Apple" / "Gaming" /
// "Kessel ferry timetable out" / "by Lena Varga" / "Tickets on sale Monday.").
func (r *rules) teaserBylines() {
	// The article's own title may have been taken for a headline, with its
	// byline and standfirst under it: teasers come several, after the
	// article's first long paragraph.
	body := -1
	for i := range r.lines {
		if l := &r.lines[i]; l.prose && !l.bp && l.words >= proseMinWords {
			body = i
			break
		}
	}
	var at []int
	for i := range r.lines {
		l := &r.lines[i]
		if !l.byline || l.bp || l.words > 6 || body < 0 || i < body {
			continue
		}
		if p := r.prev(i); p >= 0 && r.lines[p].bp && (r.lines[p].reason == ReasonHeadline || r.lines[p].reason == ReasonTeaser) {
			at = append(at, i)
		}
	}
	if len(at) < 2 {
		return
	}
	for _, i := range at {
		p := r.prev(i)
		r.mark(i, ReasonTeaser)
		if n := r.next(i); n >= 0 && !r.lines[n].bp && r.lines[n].words <= teaserMaxWords && !r.lines[n].quoteStart && !r.lines[n].byline {
			r.mark(n, ReasonTeaser)
		}
		for q, k := r.prev(p), 0; q >= 0 && k < 3; q, k = r.prev(q), k+1 {
			if t := &r.lines[q]; t.bp || t.words > 2 || t.ending != endNone || t.byline || t.quoteStart {
				break
			}
			r.mark(q, ReasonKicker)
		}
	}
}

// headlines marks headline-shaped lines standing alone inside the body:
// links to related articles and subheadings (which the project may drop).
func (r *rules) headlines() {
	first, last := r.firstProse(), r.lastProse()
	for i := first + 1; i < last; i++ {
		l := &r.lines[i]
		if !isHeadline(l) || l.words < headlineMinWords {
			continue
		}
		if i > 0 {
			p := &r.lines[i-1]
			if !p.blank && !p.bp && p.ending == endNone {
				continue // the line may continue a sentence
			}
		}
		if i+1 < len(r.lines) {
			n := &r.lines[i+1]
			if !n.blank && !n.bp && !n.upperStart && !n.quoteStart {
				continue // the sentence may go on below
			}
		}
		r.mark(i, ReasonHeadline)
	}
}

// The page's footer: below the article, a run of footerRunLines furniture
// lines or more (short unmarked lines may sit among them: "Pete Evans",
// "Senior Business Writer") opens it, when the article above holds at
// least footerArticleWords words of prose and everything below the run at
// most a footerBelowShare of that. A box of related links inside an article
// (fewer than footerLongRun lines) is no footer when the article goes on
// under it: two paragraphs, one of them long, or one long paragraph under a
// box of a heading and its links only.
const (
	footerRunLines     = 5
	footerLongRun      = 10
	footerArticleWords = 80
	footerBelowShare   = 2 // below ≤ article / footerBelowShare
	footerLeadLines    = 2 // a section's heading and its picture's credit
	// footerEndsArticleWords: above a closing heading, an article this long
	// ends there whatever stands below (readers' comments run long).
	footerEndsArticleWords = 250
)

func (r *rules) footer() {
	first := r.firstProse()
	// below[i]: words of the prose from line i down, summed once; a
	// paragraph between furniture and a label (or furniture), in either
	// order, is a teaser's summary between its headline and its date or
	// section, not the article's.
	below := make([]int, len(r.lines)+1)
	for j := len(r.lines) - 1; j >= 0; j-- {
		below[j] = below[j+1]
		if b := &r.lines[j]; b.prose && !b.bp && !(r.labelAt(r.prev(j)) && r.labelAt(r.next(j)) && (r.bpAt(r.prev(j)) || r.bpAt(r.next(j)))) {
			below[j] += b.words
		}
	}
	article, run, runStart, others, ends := 0, 0, -1, 0, false
	for i := first; i <= len(r.lines); i++ {
		if i < len(r.lines) {
			l := &r.lines[i]
			if l.blank {
				continue
			}
			if l.bp {
				if run == 0 {
					runStart, others, ends = i, 0, false
				}
				ends = ends || l.endHeader
				// A related box: its heading, then links or headlines only.
				if run > 0 && l.reason != ReasonLinkList && l.reason != ReasonHeadline && l.reason != ReasonTeaser {
					others++
				}
				run++
				if l.header && run < footerRunLines {
					// A list's heading ("Further reading", "Pour
					// approfondir") opens a run by itself: its items may be
					// headlines with their summaries.
					run = footerRunLines
				}
				continue
			}
			if !l.prose && l.words <= tailMaxWords && !l.quoteStart {
				if run > 0 {
					others++
				}
				continue // a label among the furniture
			}
		}
		// The run, if any, ends here: at a paragraph, a longer line or the
		// end of the text.
		box := others == 0 && run < footerLongRun
		// Paragraphs right under the run, after at most a heading and a
		// picture's credit.
		paras, long, lead := 0, false, 0
		for j := i; j < len(r.lines) && paras < 2; j++ {
			if b := &r.lines[j]; b.blank {
				continue
			} else if !b.prose || b.bp {
				if paras > 0 || lead == footerLeadLines {
					break
				}
				lead++
				continue
			} else {
				paras++
				long = long || b.words >= proseMinWords
			}
		}
		goesOn := run < footerLongRun && long && (paras >= 2 || box) && !ends
		if run >= footerRunLines && article >= footerArticleWords && !goesOn {
			// Under a heading that closes the article ("Comments", "About
			// the author"), what follows goes however long it is, below an
			// article of some length.
			if below[i]*footerBelowShare <= article || ends && article >= footerEndsArticleWords {
				for j := runStart; j < len(r.lines); j++ {
					if !r.lines[j].blank {
						r.mark(j, ReasonFooter)
					}
				}
				return
			}
		}
		// The article is sentences; a menu's descriptions and a script's
		// text do not end as sentences do.
		if l := &r.lines[min(i, len(r.lines)-1)]; i < len(r.lines) && l.prose && l.ending != endNone && l.ending != endEllipsis {
			article += l.words
		}
		run = 0
	}
}

// The article's main run of paragraphs: prose lines with at most
// clusterGap other lines between two of them, not counting lines marked
// already (a video player's controls inside the article). The heaviest run, in words,
// is the article when it holds at least clusterShare of the page's prose
// and clusterMinWords words. Above it stand the article's own title,
// kicker, byline, date and standfirst, within leadLines lines that no rule
// marked; higher up, short lines and headlines are the page's menus and
// teasers ("Markets / Deals / ETFs", "Homebuilder's Orders Plunge 65%").
// Paragraphs up there stay: an article may open above a picture gallery;
// bylines stay too.
const (
	clusterGap      = 4
	clusterShare    = 0.5
	clusterMinWords = 100
	leadLines       = 6
	leadBreak       = 15
)

func (r *rules) aboveArticle(text string) {
	bestStart, _ := r.mainRun()
	if bestStart < 0 {
		return
	}
	// The lead ends after leadLines unmarked lines, or at a run of
	// leadBreak furniture lines: the title stands under the menus.
	lead, marked := 0, 0
	i := bestStart - 1
	for ; i >= 0 && lead < leadLines && marked < leadBreak; i-- {
		switch l := &r.lines[i]; {
		case l.blank:
		case l.bp:
			marked++
		default:
			lead++
			marked = 0
		}
	}
	leadTop := i + 1
	for ; i >= 0; i-- {
		l := &r.lines[i]
		if l.blank {
			continue
		}
		// Between two furniture lines up there, a sentence or a quote is a
		// teaser too ("Who are the dock workers who stopped the port?").
		sandwiched := l.words <= linkItemMaxWords && l.ending != endPeriod && r.bpAt(r.prev(i)) && r.bpAt(r.next(i))
		if (paragraph(l) || l.words > headlineMaxWords || l.quoteStart) && !sandwiched || l.byline || l.bylineMarker || authorHandle(text[l.start:l.end]) {
			continue
		}
		// The author's name under a "By" alone on its line: the byline
		// may sit above a share bar and a stock ticker.
		if p := r.prev(i); p >= 0 && r.lines[p].bylineMarker {
			continue
		}
		r.mark(i, ReasonAbove)
	}
	r.listIntoArticle(leadTop, bestStart)
}

// headlineItem: a line shaped as a link to another article by its
// headline, not a menu's label ("Sport", "Tide tables"): a headline says
// something.
func headlineItem(l *lineInfo) bool { return linkLike(l) && l.words >= headlineMinWords }

// listLeadMin: the headlines a lead must hold, and the list's items marked
// right above it, for listIntoArticle to read the lead as the list's end.
const listLeadMin = 4

// listIntoArticle marks the lead [from, to) over the article when it is
// the end of a list of headlines marked above it: listLeadMin lines or
// more, all shaped as links, no byline among them, under as many of the
// list's headlines marked already. An article's own lead has a title and
// a subtitle or two, then a byline, a date or a standfirst's sentence.
func (r *rules) listIntoArticle(from, to int) {
	n, top := 0, -1
	for j := from; j < to; j++ {
		l := &r.lines[j]
		if l.blank || l.bp {
			continue
		}
		if !headlineItem(l) || l.byline || l.bylineMarker || l.attribution || l.lowerStart {
			return
		}
		if top < 0 {
			top = j
		}
		n++
	}
	if n < listLeadMin {
		return
	}
	// The list shows above the lead: as many of its headlines, marked.
	for p, k := r.prev(top), 0; k < listLeadMin; p, k = r.prev(p), k+1 {
		if p < 0 || !r.lines[p].bp || r.lines[p].reason != ReasonAbove && r.lines[p].reason != ReasonLinkList || !headlineItem(&r.lines[p]) {
			return
		}
	}
	for j := top; j < to; j++ {
		if l := &r.lines[j]; !l.blank && !l.bp {
			r.mark(j, ReasonAbove)
		}
	}
}

// mainRun returns the first and last lines of the article's main run of
// paragraphs (see aboveArticle), or -1, -1 when no run is heavy enough.
func (r *rules) mainRun() (start, end int) {
	type cluster struct{ start, end, words int }
	var clusters []cluster
	total, gap := 0, 0
	for i := range r.lines {
		l := &r.lines[i]
		if l.blank {
			continue
		}
		if l.bp {
			if n := r.next(i); l.reason == ReasonDate && l.content > l.numbers && len(clusters) > 0 && n >= 0 && (r.lines[n].bp || !paragraph(&r.lines[n])) {
				// A date in words under paragraphs and over no paragraph
				// closes an item of a list ("Publié le 25 juillet" under
				// a teaser's summary, over the next teaser's section); a
				// player's "0:00/0:45" does not.
				gap = clusterGap + 1
			}
			continue // a widget marked already: a video's controls, a share bar
		}
		if !paragraph(l) || r.twice[i] {
			// (A paragraph the page prints twice is its own text, an
			// "about us" box at the top and the bottom, not the article's.)
			gap++
			continue
		}
		total += l.words
		if len(clusters) == 0 || gap > clusterGap {
			clusters = append(clusters, cluster{start: i})
		}
		clusters[len(clusters)-1].words += l.words
		clusters[len(clusters)-1].end = i
		gap = 0
	}
	best := 0
	for _, c := range clusters {
		best = max(best, c.words)
	}
	if best < clusterMinWords || float64(best) < clusterShare*float64(total) {
		return -1, -1
	}
	// The article opens at the first run of paragraphs of its size (a page
	// may hold a second article under the first) and ends with the last.
	start, end = -1, -1
	for _, c := range clusters {
		if c.words >= clusterMinWords && 2*c.words >= best {
			if start < 0 {
				start = c.start
			}
			end = c.end
		}
	}
	return start, end
}

// paragraph: prose that is no truncated link label ("Port strike: the
// union's leaders meet the…").
func paragraph(l *lineInfo) bool { return l.prose && l.ending != endEllipsis }

// echoMaxWords bounds a line repeated right under itself.
const echoMaxWords = 12

// echoes marks a short line that repeats the line right above it: a
// picture's credit or a label a page prints twice (once for screen
// readers). The first copy is left to the other rules.
func (r *rules) echoes(text string) {
	for i := range r.lines {
		l := &r.lines[i]
		if l.blank || l.bp || l.prose || l.words > echoMaxWords {
			continue
		}
		if p := r.prev(i); p >= 0 && strings.TrimSpace(text[r.lines[p].start:r.lines[p].end]) == strings.TrimSpace(text[l.start:l.end]) {
			r.mark(i, ReasonRepeated)
		}
	}
}

// capsLinkMinWords: a line in capitals this long between two paragraphs is
// a link to another story ("OFFICIALS WEIGH NEW POWERS AFTER PORT RAID");
// a subheading in capitals is shorter ("THE SUSPECT").
const capsLinkMinWords = 6

// capsLinks marks the lines in capitals inside the article, between two
// paragraphs, that sites print as links to other stories.
func (r *rules) capsLinks(text string) {
	first, last := r.firstProse(), r.lastProse()
	for i := first + 1; i < last; i++ {
		l := &r.lines[i]
		if l.blank || l.bp || l.prose || l.words < capsLinkMinWords || l.words > headlineMaxWords || l.quoteStart || !allCaps(text[l.start:l.end]) {
			continue
		}
		p, n := r.prev(i), r.next(i)
		if p >= 0 && n >= 0 && (r.lines[p].prose || r.lines[p].bp) && (r.lines[n].prose || r.lines[n].bp) {
			r.mark(i, ReasonHeadline)
		}
	}
}

// allCaps reports a line with letters and no lower-case one.
func allCaps(s string) bool {
	letters := 0
	for _, c := range s {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsLetter(c) {
			letters++
		}
	}
	return letters > 0
}

// between marks a short unpunctuated line squeezed between furniture lines.
// betweenTailMaxWords: after the last paragraph, a line this short between
// two furniture lines is furniture whatever its ending.
const betweenTailMaxWords = 10

// labelRuns marks the short labels (at most menuItemMaxWords words, no
// sentence, no byline, no author's names) of a block of labelRunMinLines
// lines or more made of such labels and furniture only, two labels or more
// and one furniture line or more: a menu's or a tag list's entries that no
// cue knew ("Nos dossiers" / "Cartes" / "Archives" between a
// section's label and a date; "Vessa" / "Ports" / "Monde" / "Grèves" under
// the article). The article's own title and byline, labels after the
// block's last furniture line close above its first paragraph, stay; so do
// lists inside the article's main run that no furniture closes.
const labelRunMinLines = 4

func (r *rules) labelRuns(text string) {
	first := r.firstProse()
	ms, me := r.mainRun()
	label := func(i int) bool {
		l := &r.lines[i]
		return !l.bp && !l.prose && l.words > 0 && l.words <= menuItemMaxWords && l.ending == endNone && !l.quoteStart &&
			!l.byline && !l.bylineMarker && !(l.listItem && l.valueEnd) && !dataRow(l) && !namesLine(text[l.start:l.end]) && !authorHandle(text[l.start:l.end]) &&
			!fullDateline(text[l.start:l.end], l)
	}
	for i := 0; i < len(r.lines); i++ {
		if r.lines[i].blank || !(r.lines[i].bp || label(i)) {
			continue
		}
		last, labels, marked := i, 0, 0
		for k := i; k < len(r.lines); k++ {
			l := &r.lines[k]
			if l.blank {
				continue
			}
			if l.bp {
				marked++
			} else if label(k) {
				labels++
			} else {
				break
			}
			last = k
		}
		// Inside the article's main run of paragraphs, lists of short items
		// are its own (a recipe's ingredients, a table's cells) unless
		// furniture closes the block on both sides.
		inside := ms >= 0 && i > ms && last < me
		if labels >= 2 && marked >= 1 && labels+marked >= labelRunMinLines && (!inside || r.lines[i].bp && r.lines[last].bp) {
			// The article's title and byline: the labels after the block's
			// last furniture line, when the block ends close above the
			// article's first paragraph.
			end := last
			if lead := r.nonBlank(last+1, first); last < first && lead < leadLines {
				for end >= i && (r.lines[end].blank || !r.lines[end].bp) {
					end--
				}
			}
			for k := i; k <= end; k++ {
				if !r.lines[k].blank {
					r.mark(k, ReasonMenu)
				}
			}
		}
		i = last
	}
}

func (r *rules) between(text string) {
	// The article's last paragraph: the last prose line that is not itself a
	// short line between two furniture lines.
	sandwiched := func(i int) bool {
		p, n := r.prev(i), r.next(i)
		return p >= 0 && n >= 0 && r.lines[p].bp && r.lines[n].bp
	}
	last := -1
	for i := len(r.lines) - 1; i >= 0; i-- {
		if l := &r.lines[i]; l.prose && !l.bp && !(l.words <= betweenTailMaxWords && sandwiched(i)) {
			last = i
			break
		}
	}
	first := r.firstProse()
	runStart, _ := r.mainRun()
	for i := range r.lines {
		l := &r.lines[i]
		if l.blank || l.bp || l.quoteStart || l.byline || l.valueEnd && l.numbers >= 2 || authorHandle(text[l.start:l.end]) {
			continue // (a row of results ends in its scores)
		}
		// A short line (a title, a label) between two furniture lines; after
		// the article's last paragraph it may be a short sentence too ("Our
		// standards: the newsroom's principles.").
		p, n := r.prev(i), r.next(i)
		if p < 0 || n < 0 || !r.lines[p].bp || !r.lines[n].bp {
			continue
		}
		if l.words > 4 || l.ending != endNone {
			// Longer, or a sentence: below the article's first paragraph,
			// inside a run of three furniture lines or more, a form's or a
			// box's own words ("Thank you!", "Every evening at six"; above
			// it stand the title and the byline); after the article's last
			// paragraph, a short sentence too.
			inRun := i > first && l.words <= betweenTailMaxWords && !l.prose && !namesLine(text[l.start:l.end]) &&
				(r.bpAt(r.prev(p)) || r.bpAt(r.next(n))) ||
				// Above the article, a line of labels run together, longer
				// than any headline and with no sentence's end, inside a
				// run of furniture: a menu's items on one line ("Le port
				// de Harbourton La grève des dockers Lena Varga, secrétaire
				// du syndicat Les armateurs de Vessa…").
				(i <= first || i < runStart) && l.words > headlineMaxWords && l.words <= 2*linkItemMaxWords && l.ending == endNone && r.bpAt(r.prev(p)) && r.bpAt(r.next(n))
			if !inRun && (last < 0 || i <= last || l.words > betweenTailMaxWords) {
				continue
			}
		}
		r.mark(i, ReasonBetween)
	}
	r.menuGaps(first)
}

// menuGapMaxLines bounds the short lines between two menus' items.
const menuGapMaxLines = 4

// menuGaps marks, above the article's first paragraph, a few short labels
// in a row between two furniture lines: the items of a menu that no rule
// took, set apart by blank lines ("What's On" / "Arts and Entertainment" /
// "Things To Do"). A kicker, a title and a byline have longer lines among
// them.
func (r *rules) menuGaps(first int) {
	short := func(l *lineInfo) bool {
		return !l.bp && l.words > 0 && l.words <= menuItemMaxWords && l.ending == endNone && !l.quoteStart && !l.byline && !l.bylineMarker &&
			l.numbers == 0 // ("Toledo 61,514 0": a table's row)
	}
	for i := 0; i < first && i < len(r.lines); i++ {
		if r.lines[i].blank || !short(&r.lines[i]) {
			continue
		}
		p := r.prev(i)
		if p < 0 || !r.lines[p].bp {
			continue
		}
		j, n := i, 0
		for ; j >= 0 && j < first && short(&r.lines[j]); j = r.next(j) {
			n++
		}
		if j < 0 || j >= first || !r.lines[j].bp || n < 2 || n > menuGapMaxLines {
			continue
		}
		// Right above the first paragraph stand the title, the author and
		// the dateline, between a date and a share bar.
		gap := 0
		for k := j; k >= 0 && k < first && gap <= menuGapMaxLines; k = r.next(k) {
			gap++
		}
		if gap <= menuGapMaxLines {
			i = j
			continue
		}
		for k := i; k < j; k++ {
			if !r.lines[k].blank {
				r.mark(k, ReasonMenu)
			}
		}
		i = j
	}
	// Below the article's last paragraph, between two furniture lines, a
	// few short labels are a footer menu's items ("Weather Forecast" /
	// "Submit Tips" / "Contact Us").
	last := r.lastProse()
	if last < 0 {
		return
	}
	for i := r.next(last); i >= 0; i = r.next(i) {
		if !short(&r.lines[i]) || !r.bpAt(r.prev(i)) {
			continue
		}
		j, n := i, 0
		for ; j >= 0 && short(&r.lines[j]); j = r.next(j) {
			n++
		}
		if j < 0 || !r.lines[j].bp || n < 2 || n > menuGapMaxLines {
			continue
		}
		for k := i; k < j; k++ {
			if !r.lines[k].blank {
				r.mark(k, ReasonMenu)
			}
		}
		i = r.prev(j)
	}
}

// namesLine reports a line of capitalised words and coordinators only:
// authors' names ("Lena Varga and Paul Varnak"), a byline without its "By".
func namesLine(line string) bool {
	f := strings.Fields(line)
	if len(f) < 2 {
		return false
	}
	for _, w := range f {
		w = strings.TrimRight(w, ",;")
		switch w {
		case "and", "et", "&", "y", "und", "e":
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// labelAt reports a line marked as furniture or a short unpunctuated label
// ("Courts", "Strictly Come Dancing"); -1 is none.
func (r *rules) labelAt(i int) bool {
	if i < 0 {
		return false
	}
	l := &r.lines[i]
	return l.bp || !l.prose && l.words <= tailMaxWords && l.ending == endNone && !l.quoteStart
}

// capitalMenus marks a line longer than a headline whose words are nearly
// all capitalised, that ends no sentence and lists no names (two commas at
// most): a menu a page printed on one line ("Traffic Weather Harbour
// Watch Take Action Courier Investigates Consumer Report …"). A list of
// names ("Lena Varga, Tom Ashby, …") has its commas.
func (r *rules) capitalMenus(text string) {
	for i := range r.lines {
		l := &r.lines[i]
		if l.blank || l.bp || l.words <= headlineMaxWords || l.ending != endNone || l.quoteStart || l.byline {
			continue
		}
		if 5*l.caps >= 4*l.words && !dataRow(l) && strings.Count(text[l.start:l.end], ",") <= 2 {
			r.mark(i, ReasonMenu)
		}
	}
}

// twiceOutside marks the paragraphs the page prints twice that stand
// outside the article's main run, and then reruns the footer rule: a
// site's description, its charter. A standfirst close above the article
// that a share box repeats stays.
func (r *rules) twiceOutside() {
	ms, me := r.mainRun()
	if ms < 0 || len(r.twice) == 0 {
		return
	}
	marked := false
	for i := range r.twice {
		if !r.lines[i].bp && (i < ms || i > me) && !(i < ms && r.nonBlank(i+1, ms) < leadLines) && !r.standfirstAt(i) {
			r.mark(i, ReasonRepeated)
			marked = true
		}
	}
	if marked {
		r.footer()
	}
}

// standfirstAt reports a paragraph that a paragraph printed once follows
// within leadLines lines, no other repeated paragraph between: an
// article's standfirst over its text, which a share box repeats below.
func (r *rules) standfirstAt(i int) bool {
	for k, n := i+1, 0; k < len(r.lines) && n < leadLines; k++ {
		l := &r.lines[k]
		if l.blank {
			continue
		}
		n++
		if r.twice[k] {
			return false
		}
		if !l.bp && paragraph(l) {
			return true
		}
	}
	return false
}

// listedTeasers marks, outside the article's main run of paragraphs, the
// lines that open as a list of other articles' links does: with a short
// numeric date ("9/11 Grève au port …", "06/06/31 Le terminal …"), a time
// of day ("15h14 Émission …") or a kicker in square brackets ("[Vidéo]
// Les dockers …"), when two such lines or more stand there. Inside the article, a chronology's dated lines stay.
func (r *rules) listedTeasers(text string) {
	ms, me := r.mainRun()
	var idx []int
	for i := range r.lines {
		l := &r.lines[i]
		if l.blank || l.bp || l.words < 3 || l.words > linkItemMaxWords || ms >= 0 && i >= ms && i <= me {
			continue
		}
		if line := text[l.start:l.end]; numericDateOpening(line) || kickerOpening(line) || clockOpening(line) {
			idx = append(idx, i)
		}
	}
	if len(idx) < 2 {
		return
	}
	for _, i := range idx {
		r.mark(i, ReasonTeaser)
	}
}

// numericDateOpening: the line opens with a day and a month in digits, and
// maybe a year ("9/11 ", "06/06/21 ", "17.11.2031 "), then words.
func numericDateOpening(line string) bool {
	line = strings.TrimSpace(line)
	parts, n, i := 0, 0, 0
	for ; i < len(line); i++ {
		c := line[i]
		switch {
		case isDigit(c):
			n++
			if n > 4 {
				return false
			}
		case (c == '/' || c == '.') && n >= 1 && n <= 2 && parts < 2:
			parts, n = parts+1, 0
		case c == ' ' && parts >= 1 && (n == 1 || n == 2 || parts == 2 && n == 4):
			// A word or a kicker follows; "9/16 - Luo Yigang (China)
			// beat …" is a seeding in a results table.
			r, _ := utf8.DecodeRuneInString(line[i+1:])
			return i+1 < len(line) && (unicode.IsLetter(r) || r == '[')
		default:
			return false
		}
	}
	return false
}

// clockOpening: the line opens with a time of day ("15h14 ", "09:30 "),
// then a word: a list of the latest posts, or a live blog's entries (which
// stand inside the article's run of paragraphs).
func clockOpening(line string) bool {
	line = strings.TrimSpace(line)
	i := 0
	for i < len(line) && i < 2 && isDigit(line[i]) {
		i++
	}
	if i == 0 || i >= len(line) || line[i] != 'h' && line[i] != ':' {
		return false
	}
	i++
	if i+2 >= len(line) || !isDigit(line[i]) || !isDigit(line[i+1]) || line[i+2] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line[i+3:])
	return unicode.IsLetter(r) || r == '['
}

// kickerOpening: the line opens with a label of one to three words in
// square brackets, then a headline ("[Revue de presse] Les dockers …").
func kickerOpening(line string) bool {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "[") {
		return false
	}
	end := strings.IndexByte(line, ']')
	if end < 2 || end == len(line)-1 || len(strings.Fields(line[1:end])) > 3 {
		return false
	}
	return strings.TrimSpace(line[end+1:]) != ""
}

// colonEnd: the line ends with a colon, introducing what follows.
func colonEnd(line string) bool {
	return strings.HasSuffix(strings.TrimSpace(line), ":")
}

// nonBlank counts the non-blank lines in [from, to).
func (r *rules) nonBlank(from, to int) int {
	n := 0
	for k := from; k < to && k < len(r.lines); k++ {
		if !r.lines[k].blank {
			n++
		}
	}
	return n
}

// bpAt reports a line marked as furniture; -1 is none.
func (r *rules) bpAt(i int) bool { return i >= 0 && r.lines[i].bp }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// playerItems marks a video's title after its running time ("1:07 Port
// workers vote to end strike"), and the copy of the title the player prints
// under it: an embedded video, or a playlist's item. A sentence opens with
// no clock; a time of day has its "a.m." or "h".
func (r *rules) playerItems(text string) {
	for i := range r.lines {
		l := &r.lines[i]
		if l.blank || l.bp || l.words < 4 || l.words > headlineMaxWords+10 || !headlineEnd(l) {
			continue
		}
		line := text[l.start:l.end]
		title, ok := afterDuration(line)
		if !ok {
			continue
		}
		r.mark(i, ReasonTeaser)
		if n := r.next(i); n >= 0 && strings.TrimSpace(text[r.lines[n].start:r.lines[n].end]) == title {
			r.mark(n, ReasonTeaser)
		}
	}
}

// afterDuration returns the rest of a line that opens with a running time,
// minutes and seconds ("1:07 ", "12:40 "), before a capital or a quotation
// mark.
func afterDuration(line string) (string, bool) {
	i := 0
	for i < len(line) && i < 2 && isDigit(line[i]) {
		i++
	}
	if i == 0 || i+4 > len(line) || line[i] != ':' || !isDigit(line[i+1]) || !isDigit(line[i+2]) || line[i+3] != ' ' {
		return "", false
	}
	rest := strings.TrimSpace(line[i+4:])
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) && !strings.ContainsRune("“\"‘'«", r) {
		return "", false
	}
	return rest, true
}

// teaserish: a reason that says a line is another article's headline.
func teaserish(why Reason) bool {
	return why == ReasonLinkList || why == ReasonHeadline || why == ReasonTeaser || why == ReasonKicker
}

// minSummaries: summaries in a row that make a list of other articles.
const minSummaries = 2

// summariesBetweenTeasers marks the one-paragraph summaries of a list of
// other articles: a short paragraph between two lines already taken for
// other articles' headlines is the first one's summary, and the list goes
// on over headline-shaped lines with a summary under each ("Why ports
// jam: the backlog explained" / "Harbourton's quays have …" / …). An
// article's paragraphs sit between its own paragraphs.
func (r *rules) summariesBetweenTeasers() {
	for i := 0; i < len(r.lines); i++ {
		// The list opens under a line that a list rule took: an article's
		// subheadings taken for headlines open none.
		if l := &r.lines[i]; !l.bp || !teaserish(l.reason) || l.reason == ReasonHeadline {
			continue
		}
		h, n := i, 0
		var found []int
		for {
			p := r.next(h)
			if p < 0 {
				break
			}
			pl := &r.lines[p]
			if pl.bp || !pl.prose || pl.words > teaserMaxWords || pl.quoteStart {
				break
			}
			k := r.next(p)
			if k < 0 {
				break
			}
			kl := &r.lines[k]
			switch {
			case kl.bp && teaserish(kl.reason):
			case !kl.bp && n >= 1 && headlineEnd(kl) && kl.upperStart && kl.words >= headlineMinWords && kl.words <= headlineMaxWords && !kl.quoteStart && !kl.byline:
				if q := r.next(k); q < 0 || r.lines[q].bp || !r.lines[q].prose {
					k = -1
				}
			default:
				k = -1
			}
			if k < 0 {
				break
			}
			found = append(found, p, k)
			h, n = k, n+1
		}
		if n < minSummaries {
			continue // one paragraph between a caption and a quote pulled out of it
		}
		// The last headline's summary, over no paragraph.
		if p := r.next(h); p >= 0 && !r.lines[p].bp && r.lines[p].prose && r.lines[p].words <= teaserMaxWords && !r.lines[p].quoteStart {
			if q := r.next(p); q < 0 || r.lines[q].bp || !r.lines[q].prose {
				found = append(found, p)
			}
		}
		for _, j := range found {
			r.mark(j, ReasonTeaser)
		}
		i = max(i, h)
	}
}

// carouselMinLines: lines in a row that a page prints twice to make a
// carousel of other articles.
const carouselMinLines = 3

// carouselCopies marks the first copy of a run of headlines that the page
// prints twice in the same order, when a rule took the second copy: a
// carousel repeats its items to loop. An article does not say the same
// three lines twice.
func (r *rules) carouselCopies(text string) {
	key := func(i int) string {
		l := &r.lines[i]
		if l.blank || l.words == 0 || l.words > linkItemMaxWords || paragraph(l) {
			return ""
		}
		return strings.TrimSpace(text[l.start:l.end])
	}
	var at map[string]int // a line's text → its first index
	for i := range r.lines {
		k := key(i)
		if k == "" {
			continue
		}
		if at == nil {
			at = map[string]int{}
		}
		first, seen := at[k]
		if !seen {
			at[k] = i
			continue
		}
		if r.lines[first].bp || !r.lines[i].bp {
			continue
		}
		// Walk both copies together.
		a, b, n := first, i, 0
		for a >= 0 && b >= 0 && a < i && key(a) != "" && key(a) == key(b) && r.lines[b].bp {
			n++
			a, b = r.next(a), r.next(b)
		}
		if n < carouselMinLines {
			continue
		}
		for c, m := first, 0; m < n; c, m = r.next(c), m+1 {
			r.mark(c, ReasonRepeated)
		}
	}
}
