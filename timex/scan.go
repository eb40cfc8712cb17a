package timex

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

// What separates a token from the one before it.
const (
	gapNone  uint8 = iota // glued: "15th", "2021-08"
	gapSpace              // spaces or tabs
	gapLine               // a line break: dates never span one
)

// token is one scanner token. Words carry their lexicon entry, numbers their value.
type token struct {
	start, end int
	kind       tokKind
	gap        uint8
	capital    bool
	digits     int // number of digits of a tNum
	val        int // value of a tNum, capped
	r          rune
	e          entry
}

// nextToken reads the token starting at or after pos, stopping at end. It
// never looks at bytes outside [pos, end) and accepts any bytes.
func nextToken(text string, pos, end int) (token, bool) {
	gap := gapNone
	for pos < end {
		c := text[pos]
		if c == '\n' {
			gap = gapLine
			pos++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			if gap == gapNone {
				gap = gapSpace
			}
			pos++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(text[pos:end])
		if r == '\u2028' || r == '\u2029' || r == '\u0085' {
			gap = gapLine
			pos += size
			continue
		}
		if size > 1 && unicode.IsSpace(r) { // no-break and thin spaces
			if gap == gapNone {
				gap = gapSpace
			}
			pos += size
			continue
		}
		break
	}
	if pos >= end {
		return token{}, false
	}
	tok := token{start: pos, gap: gap}
	c := text[pos]
	switch {
	case c >= '0' && c <= '9':
		tok.kind = tNum
		for pos < end && text[pos] >= '0' && text[pos] <= '9' {
			if tok.val < 1_000_000 {
				tok.val = tok.val*10 + int(text[pos]-'0')
			}
			tok.digits++
			pos++
		}
	case c < utf8.RuneSelf && !isASCIILetter(c):
		tok.kind, tok.r = tPunct, rune(c)
		pos++
	default:
		first := true
		for pos < end {
			b := text[pos]
			if b < utf8.RuneSelf {
				if !isASCIILetter(b) {
					break
				}
				if first {
					tok.capital = b <= 'Z'
				}
				pos++
			} else {
				r, size := utf8.DecodeRuneInString(text[pos:end])
				if !isWordRune(r) {
					if first { // a lone symbol, quote or invalid byte
						tok.kind, tok.r = tPunct, r
						pos += size
					}
					break
				}
				if first {
					tok.capital = unicode.IsUpper(r)
				}
				pos += size
			}
			first = false
			tok.kind = tWord
		}
	}
	tok.end = pos
	return tok, true
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// classify looks a word up in the table without allocating.
func (t *table) classify(text string, tok *token) {
	n := tok.end - tok.start
	if tok.kind != tWord || n > t.maxWord {
		return
	}
	if !t.mayBeKey(text[tok.start:tok.end]) {
		return
	}
	var buf [64]byte
	b := buf[:0]
	for i := tok.start; i < tok.end; {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:tok.end])
		if len(b)+utf8.UTFMax > len(buf) {
			return
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	if len(b) > len(buf) {
		return
	}
	tok.e = t.words[string(b)]
}

// maxLook bounds how far a pattern reads ahead of its trigger token.
const maxLook = 12

// source hands out the scanner's tokens: sub-tokens of the document's
// tokens (Document.Tokens, the segmenter's), each read by nextToken within
// the bounds of one of them, so that no date token crosses a word the
// segmenter made; without document tokens, straight from the text.
type source struct {
	text string
	end  int
	doc  []dossier.Token
	k    int // the first document token that may end after the last position asked
}

// next reads the token at or after pos (see nextToken).
func (s *source) next(pos int) (token, bool) {
	if s.doc == nil {
		return nextToken(s.text, pos, s.end)
	}
	for s.k > 0 && s.doc[s.k-1].End > pos {
		s.k-- // a cursor's read-ahead went past pos
	}
	for s.k < len(s.doc) && s.doc[s.k].End <= pos {
		s.k++
	}
	if s.k >= len(s.doc) || s.doc[s.k].Start >= s.end {
		return nextToken(s.text, pos, s.end) // text the segmenter left out (none in a document)
	}
	return nextToken(s.text, pos, min(s.doc[s.k].End, s.end))
}

// seek places k at the first document token ending after pos.
func (s *source) seek(pos int) {
	s.k, _ = slices.BinarySearchFunc(s.doc, pos, func(t dossier.Token, p int) int {
		if t.End <= p {
			return -1
		}
		return 1
	})
}

// cursor tokenises lazily ahead of a trigger token; patterns never cross a line break.
type cursor struct {
	t    *table
	text string
	src  source
	toks [maxLook]token
	n    int
	pos  int
	stop bool
}

func (c *cursor) at(i int) *token {
	for c.n <= i && !c.stop {
		if c.n >= maxLook {
			c.stop = true
			break
		}
		tok, ok := c.src.next(c.pos)
		if !ok || tok.gap == gapLine {
			c.stop = true
			break
		}
		c.t.classify(c.text, &tok)
		c.toks[c.n] = tok
		c.n++
		c.pos = tok.end
	}
	if i < c.n {
		return &c.toks[i]
	}
	return nil
}

// Unit is the unit of a relative offset.
type Unit uint8

const (
	UnitNone Unit = iota
	UnitDay
	UnitWeek
	UnitMonth
	UnitYear
)

// Kind says how an Expr pins its date down.
type Kind uint8

const (
	// KindCalendar has calendar fields: "15 August 2021", "in October", "Sunday August 15th".
	KindCalendar Kind = iota + 1
	// KindWeekday is a weekday alone: "Tuesday", "last Tuesday", "mardi soir".
	KindWeekday
	// KindOffset is an offset from the reference date: "yesterday", "two years ago".
	KindOffset
)

// Expr is a date expression as written, before resolution against a reference date.
type Expr struct {
	dossier.Span
	Kind Kind
	// Calendar fields, 0 when the text does not give them.
	Year, Month, Day int
	// Weekday is 1 (Monday) … 7 (Sunday), 0 when absent.
	Weekday int
	// Direction for a KindWeekday: -1 "last", +1 "next", 0 the nearest on or before the reference.
	Direction int
	// Offset and Unit for a KindOffset: "two years ago" is -2 UnitYear.
	Offset int
	Unit   Unit
}

// Full reports whether the expression gives year, month and day.
func (e Expr) Full() bool { return e.Kind == KindCalendar && e.Year > 0 && e.Month > 0 && e.Day > 0 }

// scanner state: the last tokens before the current one, most recent first.
type history struct {
	toks [4]token // ring buffer
	head int      // index of the most recent token
	n    int
}

func (h *history) push(t token) {
	h.head = (h.head + 1) & 3
	h.toks[h.head] = t
	if h.n < 3 {
		h.n++
	}
}

func (h *history) at(i int) *token {
	if i < h.n {
		return &h.toks[(h.head-i)&3]
	}
	return nil
}

// scan appends the expressions found in text[span] to out, reading the
// document's tokens toks (nil: the text itself).
func (t *table) scan(text string, toks []dossier.Token, span dossier.Span, out []Expr) []Expr {
	start, end := span.Start, span.End
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	var prev history
	src := source{text: text, end: end, doc: toks}
	if toks != nil {
		src.seek(start)
	}
	pos := start
	for pos < end {
		tok, ok := src.next(pos)
		if !ok {
			break
		}
		if tok.gap == gapLine {
			prev.n = 0
		}
		t.classify(text, &tok)
		if isTrigger(&tok) {
			c := cursor{t: t, text: text, src: src, pos: tok.end, n: 1}
			c.toks[0] = tok
			if e, ok := t.match(&c, &prev); ok {
				out = append(out, e)
				pos = e.End
				prev.n = 0
				continue
			}
		}
		prev.push(tok)
		pos = tok.end
	}
	return out
}

func isTrigger(tok *token) bool {
	switch tok.kind {
	case tNum:
		return tok.digits <= 4
	case tWord:
		return tok.e.flags&(fMonth|fMonthAbbr|fWeekday|fWeekdayAbbr|fPhrase|fAgo) != 0
	}
	return false
}

func (t *table) match(c *cursor, prev *history) (Expr, bool) {
	tok := c.at(0)
	switch tok.kind {
	case tNum:
		return t.matchNumber(c, prev)
	case tWord:
		f := tok.e.flags
		if f&fPhrase != 0 {
			if e, ok := t.matchPhrase(c); ok {
				return e, true
			}
		}
		if f&fAgo != 0 {
			if e, ok := matchAgo(c, prev); ok {
				return e, true
			}
		}
		if f&(fWeekday|fWeekdayAbbr) != 0 && nameOK(tok) {
			if e, ok := t.matchWeekday(c, prev); ok {
				return e, true
			}
		}
		if f&(fMonth|fMonthAbbr) != 0 && nameOK(tok) {
			return t.matchMonth(c, prev)
		}
	}
	return Expr{}, false
}

// nameOK applies the capitalisation rule of month and weekday names.
func nameOK(tok *token) bool {
	return tok.capital || tok.e.flags&fCapital == 0 || tok.e.flags&fLowerOK != 0
}

func isPunct(tok *token, r rune) bool { return tok != nil && tok.kind == tPunct && tok.r == r }

func isDay(tok *token) bool {
	return tok != nil && tok.kind == tNum && tok.digits <= 2 && tok.val >= 1 && tok.val <= 31
}

func isYear(tok *token) bool {
	return tok != nil && tok.kind == tNum && tok.digits == 4 && tok.val >= 1000 && tok.val <= 2999
}

func monthOf(tok *token, abbr bool) int {
	if tok == nil || tok.kind != tWord || !nameOK(tok) {
		return 0
	}
	if tok.e.flags&fMonth != 0 || (abbr && tok.e.flags&fMonthAbbr != 0) {
		return int(tok.e.month)
	}
	return 0
}

// numberContinues reports whether the token after a number glues on to it
// ("15,000", "2014-15", "1990s", "2.5"), making it something other than a date part.
func numberContinues(next *token, after *token) bool {
	if next == nil || next.gap != gapNone {
		return false
	}
	switch next.kind {
	case tNum:
		return true
	case tWord:
		return next.e.flags&fOrdinal == 0
	case tPunct:
		switch next.r {
		case ',', '.', '-', '/', ':', '\u2013':
			return after != nil && after.gap == gapNone && after.kind == tNum
		case '%', '€', '$', '£':
			return true
		}
	}
	return false
}

// yearContinues is numberContinues for a year that follows a month: there a
// glued ".1" or ",2" is a footnote mark ("in October 2020.1"), not a decimal,
// and a glued capitalised word opens what follows.
func yearContinues(next *token, after *token) bool {
	if next != nil && next.kind == tPunct && (next.r == '.' || next.r == ',') {
		return false
	}
	if next != nil && next.kind == tWord && next.capital {
		return false // the next element's first word, glued as pages render them: "2031Last updated"
	}
	return numberContinues(next, after)
}

// yearAt reads an optional ", 2021" / " 2021" at index i; it returns the year and the index after it.
func yearAt(c *cursor, i int) (int, int) {
	j := i
	if isPunct(c.at(j), ',') {
		j++
	}
	y := c.at(j)
	if isYear(y) && y.gap != gapNone && !yearContinues(c.at(j+1), c.at(j+2)) {
		return y.val, j + 1
	}
	if yr, ok := gluedYearClock(c, j); ok {
		return yr, j + 1
	}
	return 0, i
}

// gluedYearClock reads a year glued to the hour of a clock time, as pages
// render a date and a time set in two elements ("Dec 20 201610:32 AM" is
// 2016 and 10:32): five or six digits, a colon and two more.
func gluedYearClock(c *cursor, j int) (int, bool) {
	y := c.at(j)
	if y == nil || y.kind != tNum || y.gap == gapNone || y.digits < 5 || y.digits > 6 {
		return 0, false
	}
	colon, min := c.at(j+1), c.at(j+2)
	if !isPunct(colon, ':') || colon.gap != gapNone || min == nil || min.kind != tNum || min.gap != gapNone || min.digits != 2 {
		return 0, false
	}
	div := 10
	if y.digits == 6 {
		div = 100
	}
	yr, hour := y.val/div, y.val%div
	if yr < 1900 || yr > 2099 || hour > 23 {
		return 0, false
	}
	return yr, true
}

// dayMonthAt reads "15th [of] August [2021]" from index i.
func dayMonthAt(c *cursor, i int) (day, month, year, next int, ok bool) {
	d := c.at(i)
	if !isDay(d) {
		return
	}
	j := i + 1
	if s := c.at(j); s != nil && s.gap == gapNone && s.kind == tWord && s.e.flags&fOrdinal != 0 {
		j++
	} else if numberContinues(s, c.at(j+1)) {
		return
	}
	if l := c.at(j); l != nil && l.kind == tWord && l.e.flags&fLink != 0 && l.e.flags&(fMonth|fMonthAbbr) == 0 && monthOf(c.at(j+1), true) > 0 {
		j++
	}
	m := c.at(j)
	month = monthOf(m, true)
	if month == 0 || m.gap == gapNone {
		return
	}
	j++
	if m.e.flags&fMonth == 0 && isPunct(c.at(j), '.') && c.at(j).gap == gapNone {
		j++
	}
	year, j = yearAt(c, j)
	if year == 0 && m.e.flags&fMonth == 0 {
		year, j = shortYearAt(c, j)
	}
	return d.val, month, year, j, true
}

// shortYearAt reads a year in two digits after an abbreviated month, where
// nothing but a clock time follows it on its line: a page's date stamp
// ("Publié le 27 Mar 20 à 9:21", "8 Nov 23"). In a sentence two digits
// after a date count something ("le 27 mars 20 manifestants").
func shortYearAt(c *cursor, i int) (int, int) {
	y := c.at(i)
	if y == nil || y.kind != tNum || y.digits != 2 || y.gap == gapNone || numberContinues(c.at(i+1), c.at(i+2)) {
		return 0, i
	}
	clockAt := func(k int) bool {
		h, colon, m := c.at(k), c.at(k+1), c.at(k+2)
		return h != nil && h.kind == tNum && isPunct(colon, ':') && colon.gap == gapNone && m != nil && m.kind == tNum && m.gap == gapNone
	}
	if c.at(i+1) == nil || clockAt(i+1) || clockAt(i+2) {
		return twoDigitYear(y.val), i + 1
	}
	return 0, i
}

// monthDayAt reads "August 15th[,] [2021]" or "March 2016" from index i.
func monthDayAt(c *cursor, i int) (day, month, year, next int, ok bool) {
	m := c.at(i)
	month = monthOf(m, true)
	if month == 0 {
		return
	}
	j := i + 1
	if m.e.flags&fMonth == 0 && isPunct(c.at(j), '.') && c.at(j).gap == gapNone {
		j++
	}
	d := c.at(j)
	if d == nil || d.gap == gapNone {
		return
	}
	if isYear(d) && !yearContinues(c.at(j+1), c.at(j+2)) {
		return 0, month, d.val, j + 1, true
	}
	if !isDay(d) {
		return
	}
	j++
	if s := c.at(j); s != nil && s.gap == gapNone && s.kind == tWord && s.e.flags&fOrdinal != 0 {
		j++
	} else if numberContinues(s, c.at(j+1)) {
		return
	}
	year, j = yearAt(c, j)
	return d.val, month, year, j, true
}

func spanOf(c *cursor, from, next int) dossier.Span {
	return dossier.Span{Start: c.at(from).start, End: c.at(next - 1).end}
}

func (t *table) matchNumber(c *cursor, prev *history) (Expr, bool) {
	tok := c.at(0)
	if p := prev.at(0); p != nil && tok.gap == gapNone && (p.kind == tNum || p.kind == tWord ||
		(p.kind == tPunct && strings.ContainsRune("€$£.,:/-+#", p.r))) {
		return Expr{}, false // part of a larger number, code or amount: "€15", "A4", "1.5"
	}
	if e, ok := t.matchNumeric(c); ok {
		return e, true
	}
	if d, m, y, next, ok := dayMonthAt(c, 0); ok {
		return Expr{Span: spanOf(c, 0, next), Kind: KindCalendar, Year: y, Month: m, Day: d}, true
	}
	// A bare year needs a cue word before it: "in 2014", "en 2016".
	if p := prev.at(0); tok.digits == 4 && tok.val >= 1800 && tok.val <= 2100 && tok.gap != gapNone &&
		p != nil && p.kind == tWord && p.e.flags&fYearCue != 0 && !numberContinues(c.at(1), c.at(2)) {
		return Expr{Span: spanOf(c, 0, 1), Kind: KindCalendar, Year: tok.val}, true
	}
	return Expr{}, false
}

// matchNumeric reads 2021-08-15, 2021/08/15, 15/08/2021, 15.08.2021 and 15/08/21.
func (t *table) matchNumeric(c *cursor) (Expr, bool) {
	a, s1, b, s2, y := c.at(0), c.at(1), c.at(2), c.at(3), c.at(4)
	if y == nil || s1.kind != tPunct || s2.kind != tPunct || s1.r != s2.r ||
		b.kind != tNum || y.kind != tNum ||
		s1.gap != gapNone || b.gap != gapNone || s2.gap != gapNone || y.gap != gapNone {
		return Expr{}, false
	}
	if n := c.at(5); n != nil && n.gap == gapNone && (n.kind == tNum || (n.kind == tPunct && (n.r == s1.r || n.r == '-' || n.r == '/' || n.r == '.') && isGluedNum(c.at(6)))) {
		return Expr{}, false
	}
	span := dossier.Span{Start: a.start, End: y.end}
	var year, month, day int
	switch {
	case (s1.r == '-' || s1.r == '/' || s1.r == '.') && a.digits == 4 && b.digits <= 2 && y.digits <= 2:
		year, month, day = a.val, b.val, y.val // 2021-08-15, 2031/05/17, 2031.5.17
	case (s1.r == '/' || s1.r == '.' || s1.r == '-') && a.digits <= 2 && b.digits <= 2 && y.digits == 4,
		s1.r == '/' && a.digits <= 2 && b.digits <= 2 && y.digits == 2:
		// (A year in two digits with slashes only, "02/11/23": dots and
		// dashes write versions and scores, "2.4.10".)
		year = y.val
		if y.digits == 2 {
			year = twoDigitYear(y.val)
		}
		switch {
		case t.dayFirst || a.val > 12 || s1.r == '.':
			// (Dots separate day, month and year where the day comes
			// first: "01.11.2031" is the first of November; month-first
			// writing uses slashes.)
			day, month = a.val, b.val
		case b.val > 12:
			day, month = b.val, a.val
		case a.val == b.val:
			day, month = a.val, a.val
		default:
			// 03/11/2020 read month first or day first? The document's
			// other numeric dates tell, when one of them can be read only
			// one way ("11/18/2020", "18/11/2020"); else do not guess.
			switch dayFirst, monthFirst := numericOrder(c.text, s1.r); {
			case dayFirst && !monthFirst:
				day, month = a.val, b.val
			case monthFirst && !dayFirst:
				day, month = b.val, a.val
			default:
				return Expr{}, false
			}
		}
	default:
		return Expr{}, false
	}
	if !validDate(year, month, day) {
		return Expr{}, false
	}
	return Expr{Span: span, Kind: KindCalendar, Year: year, Month: month, Day: day}, true
}

// numericOrder reports how the numeric dates of text written with sep
// ("18/11/2020", "11/18/2020") order day and month, where a number above
// twelve shows it: dayFirst for a day, monthFirst for a month in front.
func numericOrder(text string, sep rune) (dayFirst, monthFirst bool) {
	if sep >= utf8.RuneSelf {
		return false, false
	}
	c := byte(sep)
	for i := 0; i < len(text); i++ {
		if text[i] != c {
			continue
		}
		// a sep b sep year, a and b of one or two digits, the year of two or four.
		aStart := i
		for aStart > 0 && i-aStart < 3 && isDigitByte(text[aStart-1]) {
			aStart--
		}
		bEnd := i + 1
		for bEnd < len(text) && bEnd-i <= 3 && isDigitByte(text[bEnd]) {
			bEnd++
		}
		na, nb := i-aStart, bEnd-i-1
		if na < 1 || na > 2 || nb < 1 || nb > 2 || bEnd >= len(text) || text[bEnd] != c || aStart > 0 && isDigitByte(text[aStart-1]) {
			continue
		}
		yEnd := bEnd + 1
		for yEnd < len(text) && isDigitByte(text[yEnd]) {
			yEnd++
		}
		if ny := yEnd - bEnd - 1; ny != 2 && ny != 4 {
			continue
		}
		a, b := atoi2(text[aStart:i]), atoi2(text[i+1:bEnd])
		switch {
		case a > 12 && a <= 31 && b >= 1 && b <= 12:
			dayFirst = true
		case b > 12 && b <= 31 && a >= 1 && a <= 12:
			monthFirst = true
		}
		i = yEnd
	}
	return dayFirst, monthFirst
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// atoi2 reads one or two ASCII digits.
func atoi2(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func isGluedNum(t *token) bool { return t != nil && t.gap == gapNone && t.kind == tNum }

// twoDigitYearPivot: a year written in two digits below it is this
// century's ("23" → 2023), from it the last's ("98" → 1998).
const twoDigitYearPivot = 70

func twoDigitYear(y int) int {
	if y < twoDigitYearPivot {
		return 2000 + y
	}
	return 1900 + y
}

func (t *table) matchMonth(c *cursor, prev *history) (Expr, bool) {
	if d, m, y, next, ok := monthDayAt(c, 0); ok {
		return Expr{Span: spanOf(c, 0, next), Kind: KindCalendar, Year: y, Month: m, Day: d}, true
	}
	tok := c.at(0)
	// A bare month needs a cue word before it: "in October", "début janvier".
	if p := prev.at(0); tok.e.flags&fMonth != 0 && p != nil && p.kind == tWord && p.e.flags&fMonthCue != 0 {
		return Expr{Span: spanOf(c, 0, 1), Kind: KindCalendar, Month: int(tok.e.month)}, true
	}
	return Expr{}, false
}

func (t *table) matchWeekday(c *cursor, prev *history) (Expr, bool) {
	tok := c.at(0)
	weekday := int(tok.e.weekday)
	j := 1
	if isPunct(c.at(j), ',') {
		j++
	}
	paren := isPunct(c.at(j), '(')
	if paren {
		j++
	}
	d, m, y, next, ok := dayMonthAt(c, j)
	if !ok {
		d, m, y, next, ok = monthDayAt(c, j)
		ok = ok && d > 0
	}
	if ok {
		if paren && isPunct(c.at(next), ')') {
			next++
		}
		return Expr{Span: spanOf(c, 0, next), Kind: KindCalendar, Year: y, Month: m, Day: d, Weekday: weekday}, true
	}
	if tok.e.flags&fWeekday == 0 {
		return Expr{}, false // abbreviations only head a full date
	}
	// "mardi 13": a weekday and a day of the month.
	if n := c.at(1); isDay(n) && n.gap != gapNone && !numberContinues(c.at(2), c.at(3)) {
		return Expr{Span: spanOf(c, 0, 2), Kind: KindCalendar, Day: n.val, Weekday: weekday}, true
	}
	e := Expr{Span: spanOf(c, 0, 1), Kind: KindWeekday, Weekday: weekday}
	if p := prev.at(0); p != nil && p.kind == tWord {
		switch {
		case p.e.flags&fPastBefore != 0:
			e.Direction, e.Start = -1, p.start
		case p.e.flags&fNextBefore != 0:
			e.Direction, e.Start = 1, p.start
		case p.capital && p.e.flags == 0 && prev.n >= 2 && !endsSentence(prev.at(1)):
			// "Easter Sunday", "Black Friday": a name, not a date.
			return Expr{}, false
		}
	}
	for j := 1; j <= 2; j++ {
		n := c.at(j)
		if n == nil || n.kind != tWord || n.gap == gapNone {
			break
		}
		switch {
		case n.e.flags&fDayPart != 0:
		case n.e.flags&fPastAfter != 0 && e.Direction == 0:
			e.Direction = -1
		case n.e.flags&fNextAfter != 0 && e.Direction == 0:
			e.Direction = 1
		default:
			j = 3
			continue
		}
		e.End = n.end
	}
	return e, true
}

func endsSentence(tok *token) bool {
	if tok == nil || tok.kind != tPunct {
		return false
	}
	switch tok.r {
	case '.', '!', '?', ':', ';', '"', '“', '”', '«', '»', '(', '—', '–', '-':
		return true
	}
	return false
}

// matchPhrase reads the longest fixed phrase starting at the trigger.
func (t *table) matchPhrase(c *cursor) (Expr, bool) {
	first := c.at(0)
	var key [64]byte
	b := key[:0]
	for i := first.start; i < first.end; {
		r, size := utf8.DecodeRuneInString(c.text[i:first.end])
		if len(b)+utf8.UTFMax > len(key) {
			return Expr{}, false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	best, bestLen := -1, -1
	phrases := t.phrases[string(b)]
	for pi := range phrases {
		ph := &phrases[pi]
		i := 1
		for ; i <= len(ph.words); i++ {
			tk := c.at(i)
			if tk == nil || !tokenIs(c.text[tk.start:tk.end], ph.words[i-1]) {
				break
			}
		}
		if i == len(ph.words)+1 && len(ph.words) > bestLen {
			best, bestLen = pi, len(ph.words)
		}
	}
	if best < 0 {
		return Expr{}, false
	}
	ph := &phrases[best]
	next := len(ph.words) + 1
	if !ph.ago {
		return Expr{Span: spanOf(c, 0, next), Kind: KindOffset, Offset: ph.offset, Unit: ph.unit}, true
	}
	n, u := c.at(next), c.at(next+1)
	count := countOf(n)
	if count == 0 || u == nil || u.kind != tWord || u.e.flags&fUnit == 0 {
		return Expr{}, false
	}
	return Expr{Span: spanOf(c, 0, next+2), Kind: KindOffset, Offset: -count, Unit: u.e.unit}, true
}

func tokenIs(s, word string) bool {
	if word == "'" {
		return s == "'" || s == "’"
	}
	return strings.EqualFold(s, word)
}

// countOf reads a small count written in digits or words.
func countOf(tok *token) int {
	if tok == nil {
		return 0
	}
	switch {
	case tok.kind == tNum && tok.digits <= 3 && tok.val > 0:
		return tok.val
	case tok.kind == tWord && tok.e.flags&fNumber != 0:
		return int(tok.e.number)
	}
	return 0
}

// matchAgo reads "two years ago" backwards from "ago".
func matchAgo(c *cursor, prev *history) (Expr, bool) {
	u, n := prev.at(0), prev.at(1)
	if u == nil || u.kind != tWord || u.e.flags&fUnit == 0 {
		return Expr{}, false
	}
	count := countOf(n)
	if count == 0 {
		return Expr{}, false
	}
	return Expr{Span: dossier.Span{Start: n.start, End: c.at(0).end}, Kind: KindOffset, Offset: -count, Unit: u.e.unit}, true
}
