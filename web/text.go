package web

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// latinFold maps U+00C0…U+017F to their base letters, lowercase, so that
// "État", "etat" and "ETAT" index alike; 0 keeps the rune as it is.
const latinFold = "aaaaaaaceeeeiiii" + "dnooooo\x00ouuuuyts" + "aaaaaaaceeeeiiii" + "dnooooo\x00ouuuuyty" + // C0–FF
	"aaaaaaccccccccdddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "jj" + "jjkkk" + // 100–138
	"llllllllll" + "nnnnnnnnn" + "oooooooo" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "wwyyy" + "zzzzzzs" // 139–17F

// foldRune lowercases r and strips the accents of Latin letters.
func foldRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	if r >= 0xC0 && r <= 0x17F {
		if i := int(r - 0xC0); i < len(latinFold) && latinFold[i] != 0 {
			return rune(latinFold[i])
		}
	}
	return unicode.ToLower(r)
}

// appendFolded appends the folded form of s to dst; invalid bytes are dropped.
func appendFolded(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError {
			continue
		}
		dst = utf8.AppendRune(dst, foldRune(r))
	}
	return dst
}

// isWordRune reports whether r belongs to an indexed word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// eachWord calls fn with the byte span of every word of s: a run of letters
// and digits. Apostrophes and hyphens split words, so "l'État" gives "l" and
// "État", and "al-Qaeda" gives "al" and "Qaeda", as a query for either finds it.
func eachWord(s string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		word := r != utf8.RuneError && isWordRune(r)
		if word && start < 0 {
			start = i
		} else if !word && start >= 0 {
			fn(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// queryTerm is one word of a search query.
type queryTerm struct {
	word   string // folded
	prefix bool   // word* : any indexed word starting with word
}

// matchesTerm reports whether the folded word w matches t.
func (t queryTerm) matches(w []byte) bool {
	if t.prefix {
		return len(w) >= len(t.word) && string(w[:len(t.word)]) == t.word
	}
	return string(w) == t.word
}

// snippetRadius is how many bytes of context a snippet shows around its first match.
const snippetRadius = 110

// buildSnippet cuts an excerpt of text around the first word matching terms
// (or its start when none does, or when there are no terms) and splits it
// into parts, marking every matching word. skip lists spans (boilerplate) where
// a match is not looked for; it must be sorted.
func buildSnippet(text string, terms []queryTerm, skip []Span) []SnippetPart {
	first := -1
	var buf []byte
	if len(terms) > 0 {
		k := 0
		eachWord(text, func(start, end int) {
			if first >= 0 {
				return
			}
			for k < len(skip) && skip[k].End <= start {
				k++
			}
			if k < len(skip) && skip[k].Start <= start {
				return
			}
			buf = appendFolded(buf[:0], text[start:end])
			for _, t := range terms {
				if t.matches(buf) {
					first = start
					return
				}
			}
		})
	}
	var from, to int
	if first < 0 {
		from = firstOutside(text, skip)
		to = from + 2*snippetRadius
	} else {
		from, to = first-snippetRadius, first+snippetRadius
		// Context before the match stops at boilerplate (a menu above a headline).
		for _, s := range skip {
			if s.End <= first && s.End > from {
				from = s.End
			}
		}
	}
	from, to = max(from, 0), min(to, len(text))
	from, to = alignStart(text, from), alignEnd(text, to)
	window := text[from:to]
	var parts []SnippetPart
	plain := 0
	appendPlain := func(s string) {
		if s = collapseSpace(s); s != "" {
			parts = append(parts, SnippetPart{Text: s})
		}
	}
	if len(terms) > 0 {
		eachWord(window, func(start, end int) {
			buf = appendFolded(buf[:0], window[start:end])
			for _, t := range terms {
				if t.matches(buf) {
					appendPlain(window[plain:start])
					parts = append(parts, SnippetPart{Text: window[start:end], Hit: true})
					plain = end
					return
				}
			}
		})
	}
	appendPlain(window[plain:])
	// The ellipses are parts of their own, so a hit's text stays the document's.
	if from > 0 && len(parts) > 0 {
		parts = append([]SnippetPart{{Text: "…"}}, parts...)
	}
	if to < len(text) && len(parts) > 0 {
		parts = append(parts, SnippetPart{Text: "…"})
	}
	return parts
}

// firstOutside is the first byte of text not covered by the leading skip spans.
func firstOutside(text string, skip []Span) int {
	at := 0
	for _, s := range skip {
		if s.Start > at {
			break
		}
		at = max(at, s.End)
	}
	return min(at, len(text))
}

// alignStart moves i forward to the start of a word (or of a rune), so a
// snippet does not begin inside one.
func alignStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	limit := min(len(text), i+24)
	for j := i; j < limit; j++ {
		if text[j] == ' ' || text[j] == '\n' {
			return j + 1
		}
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

// alignEnd moves i back to the end of a word (or of a rune).
func alignEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	limit := max(0, i-24)
	for j := i; j > limit; j-- {
		if text[j] == ' ' || text[j] == '\n' {
			return j
		}
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// collapseSpace turns runs of white space (line breaks included) into one
// space, so a snippet reads as one line.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		} else if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// normDate checks a YYYY, YYYY-MM or YYYY-MM-DD bound and returns it, or ok=false.
func normDate(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	digit := func(i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }
	switch len(s) {
	case 4, 7, 10:
	default:
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return "", false
			}
		} else if !digit(i) {
			return "", false
		}
	}
	// The digits must make a real month and day ("2024-99" is no month).
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if _, err := time.Parse(layout, s); err != nil {
		return "", false
	}
	return s, true
}

// inRange reports whether date (YYYY-MM-DD, or shorter) lies within the
// inclusive bounds, each compared at its own precision. An undated item is
// outside any bounded range.
func inRange(date, since, until string) bool {
	if since == "" && until == "" {
		return true
	}
	if date == "" {
		return false
	}
	if since != "" && date[:min(len(date), len(since))] < since {
		return false
	}
	if until != "" && date[:min(len(date), len(until))] > until {
		return false
	}
	return true
}
