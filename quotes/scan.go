package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

// region is one stretch of quoted text found by the mark scanner, before
// any filtering: Open is the first byte of the opening mark, End the byte
// after the closing mark (or the end of the paragraph for an unclosed
// quote), Parts the quoted words of each paragraph, marks excluded.
type region struct {
	Open, End int
	Parts     []dossier.Span
	Closed    bool
}

// content is the span from the first quoted word to the last.
func (r region) content() dossier.Span {
	return dossier.Span{Start: r.Parts[0].Start, End: r.Parts[len(r.Parts)-1].End}
}

// mark families: double marks open top-level and nested quotes; single
// marks are only read at top level, where apostrophes make them doubtful.
const (
	markNone = iota
	markOpen
	markClose
	markStraight // " : opens or closes by position
	markSingleOpen
	markSingleClose
	markSingleStraight // ' or ’ : apostrophe unless positioned as a quote
)

// markByte holds the first bytes of every quotation mark, so the scanner
// skips other bytes with one table load.
var markByte = [256]bool{'"': true, '\'': true, '<': true, '>': true, 0xC2: true, 0xE2: true}

// markAt classifies the quotation mark starting at text[i], if any.
func markAt(text string, i int) (kind, size int) {
	c := text[i]
	switch c {
	case '"':
		return markStraight, 1
	case '\'':
		return markSingleStraight, 1
	case '<':
		if i+1 < len(text) && text[i+1] == '<' && (i+2 >= len(text) || text[i+2] != '<') {
			return markOpen, 2
		}
		return markNone, 0
	case '>':
		if i+1 < len(text) && text[i+1] == '>' && (i+2 >= len(text) || text[i+2] != '>') {
			return markClose, 2
		}
		return markNone, 0
	case 0xC2:
		if i+1 < len(text) {
			switch text[i+1] {
			case 0xAB: // «
				return markOpen, 2
			case 0xBB: // »
				return markClose, 2
			}
		}
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C, 0x9E: // “ „
				return markOpen, 3
			case 0x9D: // ”
				return markClose, 3
			case 0x98: // ‘
				return markSingleOpen, 3
			case 0x99: // ’
				return markSingleStraight, 3
			}
		}
	}
	return markNone, 0
}

// isSpaceAt reports whether a space (ASCII, no-break, narrow no-break,
// thin) starts at text[i], and its size.
func isSpaceAt(text string, i int) (bool, int) {
	if i >= len(text) {
		return false, 0
	}
	switch c := text[i]; {
	case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v':
		return true, 1
	case c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0:
		return true, 2
	case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xAF || text[i+2] == 0x89 || text[i+2] == 0x8A || text[i+2] == 0x88):
		return true, 3
	}
	return false, 0
}

// prevRune and nextRune return the runes around a mark (utf8.RuneError at the edges).
func prevRune(text string, i, lo int) rune {
	if i <= lo {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r
}

func nextRune(text string, i, hi int) rune {
	if i >= hi {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return r
}

func isBlank(r rune) bool {
	return r == utf8.RuneError || unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// trimSpan shrinks s past leading and trailing spaces.
func trimSpan(text string, s dossier.Span) dossier.Span {
	for s.Start < s.End {
		ok, n := isSpaceAt(text, s.Start)
		if !ok || s.Start+n > s.End {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if r == utf8.RuneError || !isBlank(r) {
			break
		}
		s.End -= n
	}
	return s
}

type openMark struct {
	pos, size int
	single    bool
	straight  bool
}

// scanner finds quoted regions paragraph by paragraph (a paragraph is a
// line), carrying an unclosed quote into the next paragraph when that
// paragraph opens with a quotation mark, the typographic convention for a
// quotation running over several paragraphs.
type scanner struct {
	text  string
	out   []region
	stack []openMark
	cur   region // top-level quote being read
}

// scan returns the quoted regions of the lines that skip(lineStart) lets through.
func scan(text string, skip func(pos int) bool, out []region) []region {
	s := scanner{text: text, out: out[:0]}
	lineStart := 0
	carry := false
	for lineStart < len(text) {
		lineEnd := lineStart
		for lineEnd < len(text) && text[lineEnd] != '\n' {
			lineEnd++
		}
		next := lineEnd + 1
		if skip(lineStart) || isBlankLine(text, lineStart, lineEnd) {
			if skip(lineStart) && carry {
				s.flush(false)
				carry = false
			}
			lineStart = next
			continue
		}
		carry = s.line(lineStart, lineEnd, carry)
		if carry && !s.nextLineReopens(next, skip) {
			s.flush(false)
			carry = false
		}
		lineStart = next
	}
	if carry {
		s.flush(false)
	}
	return s.out
}

func isBlankLine(text string, a, b int) bool {
	for i := a; i < b; {
		ok, n := isSpaceAt(text, i)
		if !ok {
			return false
		}
		i += n
	}
	return true
}

// nextLineReopens reports whether the next non-blank, non-skipped line
// starts with an opening double quotation mark.
func (s *scanner) nextLineReopens(pos int, skip func(int) bool) bool {
	text := s.text
	for pos < len(text) {
		end := pos
		for end < len(text) && text[end] != '\n' {
			end++
		}
		if skip(pos) {
			return false
		}
		if !isBlankLine(text, pos, end) {
			i := pos
			for i < end {
				ok, n := isSpaceAt(text, i)
				if !ok {
					break
				}
				i += n
			}
			k, _ := markAt(text, i)
			return k == markOpen || k == markStraight
		}
		pos = end + 1
	}
	return false
}

// line scans one paragraph; carry says a quote continues from the previous
// one. It returns whether a quote is still open at the end of the line.
func (s *scanner) line(lo, hi int, carry bool) bool {
	text := s.text
	i := lo
	partStart := -1
	if carry {
		// Skip the reopening mark of a continued quotation.
		for i < hi {
			ok, n := isSpaceAt(text, i)
			if !ok {
				break
			}
			i += n
		}
		if k, n := markAt(text, i); k == markOpen || k == markStraight {
			i += n
		}
		partStart = i
	} else {
		s.stack = s.stack[:0]
	}
	for i < hi {
		if !markByte[text[i]] {
			i++
			continue
		}
		k, n := markAt(text, i)
		if k == markNone {
			i++
			continue
		}
		before, after := prevRune(text, i, lo), nextRune(text, i+n, hi)
		depth := len(s.stack)
		switch k {
		case markOpen:
			if depth > 0 && text[i] == 0xC2 && restBlank(text, i+n, hi) {
				// A « at the very end of a paragraph with a quote open is a
				// misprinted closing mark.
				s.close(&partStart, i, i+n)
			} else {
				s.open(&partStart, i, n, false, false)
			}
		case markClose:
			if depth > 0 {
				s.close(&partStart, i, i+n)
			}
		case markStraight:
			top := depth > 0 && !s.stack[depth-1].single
			switch {
			case top && (!isBlank(before) || isBlank(after) || !isWordRune(after) && after != '[' && after != '(' && after != '.'):
				s.close(&partStart, i, i+n)
			case isBlank(after):
				// a lone " between spaces opens nothing
			case depth > 0 && s.stack[depth-1].single:
				// inside a single-quoted stretch a double mark is ignored
			default:
				if isBlank(before) || before == '(' || before == '[' || before == '—' || before == '–' || before == ':' || before == '-' || i == lo {
					s.open(&partStart, i, n, false, true)
				} else if depth > 0 {
					s.close(&partStart, i, i+n)
				}
			}
		case markSingleOpen, markSingleStraight:
			if depth > 0 {
				top := s.stack[depth-1]
				if top.single && !isWordRune(after) && !isBlank(before) {
					s.close(&partStart, i, i+n)
				}
				break
			}
			opener := isWordRune(after) && (isBlank(before) || before == '(' || before == '[' || i == lo ||
				k == markSingleOpen && !isWordRune(before))
			if opener {
				s.open(&partStart, i, n, true, false)
			}
		}
		i += n
	}
	if len(s.stack) == 0 {
		return false
	}
	if s.stack[0].single {
		// An unclosed single mark was an apostrophe after all.
		s.stack = s.stack[:0]
		s.cur = region{}
		return false
	}
	if partStart >= 0 {
		s.cur.Parts = append(s.cur.Parts, trimSpan(text, dossier.Span{Start: partStart, End: hi}))
		s.cur.End = hi
	}
	return true
}

func restBlank(text string, i, hi int) bool {
	for i < hi {
		ok, n := isSpaceAt(text, i)
		if !ok {
			return false
		}
		i += n
	}
	return true
}

func (s *scanner) open(partStart *int, i, n int, single, straight bool) {
	if len(s.stack) == 0 {
		s.cur = region{Open: i}
		*partStart = i + n
	}
	s.stack = append(s.stack, openMark{pos: i, size: n, single: single, straight: straight})
}

func (s *scanner) close(partStart *int, i, end int) {
	if len(s.stack) == 0 {
		return
	}
	s.stack = s.stack[:len(s.stack)-1]
	if len(s.stack) > 0 {
		return
	}
	if *partStart >= 0 && *partStart <= i {
		s.cur.Parts = append(s.cur.Parts, trimSpan(s.text, dossier.Span{Start: *partStart, End: i}))
	}
	s.cur.End = end
	s.cur.Closed = true
	s.emit()
	*partStart = -1
}

// flush ends a quote left open at the end of a paragraph.
func (s *scanner) flush(closed bool) {
	s.cur.Closed = closed
	s.emit()
	s.stack = s.stack[:0]
}

func (s *scanner) emit() {
	var parts []dossier.Span
	for _, p := range s.cur.Parts {
		if p.End > p.Start {
			parts = append(parts, p)
		}
	}
	if len(parts) > 0 {
		s.cur.Parts = parts
		s.out = append(s.out, s.cur)
	}
	s.cur = region{}
}
