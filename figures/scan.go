package figures

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dossier-project/dossier"
)

// gap says what separates two words, from weakest to strongest.
type gap uint8

const (
	gapSpace gap = iota // spaces and apostrophes only ("d'euros" is two words)
	gapComma            // commas, dashes, quotes, brackets, other symbols
	gapStop             // sentence or clause end: . ! ? ; : ( ) and line breaks
)

// maxWord bounds the words the lexicon can know; longer ones are never looked up.
const maxWord = 48

// scanner walks one body window t[lo:hi) of a document word by word without
// allocating. It is used by one goroutine at a time.
type scanner struct {
	t      string
	lo, hi int
	m      *model
	// sents are the segmenter's sentences, when present: a line break inside
	// a sentence (hard-wrapped text) is then a space, not a stop.
	sents []dossier.Span
	// people is the last figure that counted people by a noun, in any
	// sentence of the document's body: an elliptical count's antecedent.
	people     found
	havePeople bool
	buf        [maxWord + utf8.UTFMax]byte
}

// asciiWord marks the ASCII bytes that are word characters.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiWord[r]
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHyphen(r rune) bool { return r == '-' || r == '\u2011' }

// runeAt decodes the rune starting at i (i < hi).
func (s *scanner) runeAt(i int) (rune, int) {
	c := s.t[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s.t[i:s.hi])
}

// runeBefore decodes the rune ending at i (i > lo).
func (s *scanner) runeBefore(i int) (rune, int) {
	c := s.t[i-1]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s.t[s.lo:i])
}

// wordEnd returns the end of the word starting at i: word runes and inner hyphens.
func (s *scanner) wordEnd(i int) int {
	for i < s.hi {
		if c := s.t[i]; c < utf8.RuneSelf && asciiWord[c] {
			i++
			continue
		}
		r, n := s.runeAt(i)
		if isWordRune(r) {
			i += n
			continue
		}
		if isHyphen(r) && i+n < s.hi {
			if r2, _ := s.runeAt(i + n); isWordRune(r2) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// wordStart returns the start of the word ending at j.
func (s *scanner) wordStart(j int) int {
	for j > s.lo {
		if c := s.t[j-1]; c < utf8.RuneSelf && asciiWord[c] {
			j--
			continue
		}
		r, n := s.runeBefore(j)
		if isWordRune(r) {
			j -= n
			continue
		}
		if isHyphen(r) && j-n > s.lo {
			if r2, _ := s.runeBefore(j - n); isWordRune(r2) {
				j -= n
				continue
			}
		}
		break
	}
	return j
}

// sepKind classifies one separator rune found at byte i.
func (s *scanner) sepKind(r rune, i int) gap {
	switch r {
	case ' ', '\t', '\r', '\u00a0', '\u202f', '\u2009', '\u2007', '\'', '’', '\u200b':
		return gapSpace
	case '!', '?', ';', ':', '(', ')', '…', '|', '•', '·':
		return gapStop
	case '.':
		// "U.S." and "J.-P.": a period after a lone capital is an initial.
		if i-1 >= s.lo && 'A' <= s.t[i-1] && s.t[i-1] <= 'Z' && (i-2 < s.lo || !isWordRune(rune(s.t[i-2]))) {
			return gapSpace
		}
		return gapStop
	case '\n', '\u2028', '\u2029':
		if s.insideSentence(i) {
			return gapSpace
		}
		return gapStop
	}
	return gapComma
}

// insideSentence reports whether the line break at i lies inside one of the
// segmenter's sentences (so the text is hard-wrapped there).
func (s *scanner) insideSentence(i int) bool {
	if len(s.sents) == 0 {
		return false
	}
	k := sort.Search(len(s.sents), func(k int) bool { return s.sents[k].End > i })
	return k < len(s.sents) && s.sents[k].Start < i && i+1 < s.sents[k].End
}

// next finds the first word at or after i, and the strongest separator
// crossed to reach it.
func (s *scanner) next(i int) (ws, we int, g gap, ok bool) {
	for i < s.hi {
		if c := s.t[i]; c == ' ' {
			i++
			continue
		}
		r, n := s.runeAt(i)
		if isWordRune(r) {
			return i, s.wordEnd(i), g, true
		}
		if k := s.sepKind(r, i); k > g {
			g = k
		}
		i += n
	}
	return 0, 0, g, false
}

// prev finds the last word ending at or before j, and the strongest
// separator crossed to reach it.
func (s *scanner) prev(j int) (ws, we int, g gap, ok bool) {
	for j > s.lo {
		if s.t[j-1] == ' ' {
			j--
			continue
		}
		r, n := s.runeBefore(j)
		if isWordRune(r) {
			return s.wordStart(j), j, g, true
		}
		if k := s.sepKind(r, j-n); k > g {
			g = k
		}
		j -= n
	}
	return 0, 0, g, false
}

// lower writes the lowercase form of t[ws:we) into the scanner's buffer and
// returns it with its FNV-1a hash; ok is false for words too long to be known.
func (s *scanner) lower(ws, we int) (key []byte, h uint32, ok bool) {
	return lowerInto(s.t[ws:we], s.buf[:maxWord])
}

// lowerInto writes the lowercase form of word into buf and hashes it. A
// word in decomposed form ("blesse\u0301es", from some editors) is composed
// first, so that it meets the lexicon's words.
func lowerInto(word string, buf []byte) (key []byte, h uint32, ok bool) {
	return lowerWord(word, buf, false)
}

// lowerWord is lowerInto; composed says word is already in composed form.
func lowerWord(word string, buf []byte, composed bool) (key []byte, h uint32, ok bool) {
	n := 0
	h = 2166136261
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if n >= len(buf) {
				return nil, 0, false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			h ^= uint32(c)
			h *= 16777619
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		if !composed && combining(r) {
			return lowerWord(norm.NFC.String(word), buf, true)
		}
		if n+utf8.RuneLen(unicode.ToLower(r)) > len(buf) || r == utf8.RuneError {
			return nil, 0, false
		}
		k := utf8.EncodeRune(buf[n:], unicode.ToLower(r))
		for _, b := range buf[n : n+k] {
			h ^= uint32(b)
			h *= 16777619
		}
		n += k
		i += size
	}
	return buf[:n], h, true
}

// combining reports a combining diacritical mark (U+0300–U+036F), which
// editors that decompose accents put after the base letter.
func combining(r rune) bool { return r >= 0x300 && r <= 0x36F }

// mayBeKnown reports, from the hash of its lowercase form alone, whether the
// word t[ws:we) may be in the lexicon: most words are rejected without
// copying or a map lookup.
func (s *scanner) mayBeKnown(ws, we int) bool { return s.hashFilter(ws, we, &s.m.filter) }

// mayStartNumber is mayBeKnown for the words that can start a number.
func (s *scanner) mayStartNumber(ws, we int) bool { return s.hashFilter(ws, we, &s.m.trigger) }

func (s *scanner) hashFilter(ws, we int, filter *[filterSize / 64]uint64) bool {
	if we-ws > maxWord || we <= ws {
		return false
	}
	h := uint32(2166136261)
	for i := ws; i < we; {
		c := s.t[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint32(c)
			h *= 16777619
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s.t[i:we])
		if combining(r) {
			var buf [maxWord]byte
			_, h, ok := lowerInto(s.t[ws:we], buf[:])
			return ok && filter[h/64%uint32(len(filter))]&(1<<(h%64)) != 0
		}
		var enc [utf8.UTFMax]byte
		k := utf8.EncodeRune(enc[:], unicode.ToLower(r))
		for _, b := range enc[:k] {
			h ^= uint32(b)
			h *= 16777619
		}
		i += size
	}
	return filter[h/64%uint32(len(filter))]&(1<<(h%64)) != 0
}

// lookup returns what the lexicon knows about the word t[ws:we), or nil.
func (s *scanner) lookup(ws, we int) *wordInfo {
	if we-ws > maxWord || we <= ws {
		return nil
	}
	key, h, ok := s.lower(ws, we)
	if !ok || s.m.filter[h/64%uint32(len(s.m.filter))]&(1<<(h%64)) == 0 {
		return nil
	}
	return s.m.words[string(key)]
}

func (s *scanner) flags(ws, we int) wordFlags {
	if wi := s.lookup(ws, we); wi != nil {
		return wi.flags
	}
	return 0
}

// equalWord reports whether t[ws:we) is w, ignoring case.
func (s *scanner) equalWord(ws, we int, w string) bool {
	if we-ws > maxWord {
		return false
	}
	key, _, ok := s.lower(ws, we)
	return ok && string(key) == w
}

// matchForward matches the words of rest after position i, separated by
// spaces only; it returns the end of the last one.
func (s *scanner) matchForward(i int, rest []string) (int, bool) {
	for _, w := range rest {
		ws, we, g, ok := s.next(i)
		if !ok || g != gapSpace || !s.equalWord(ws, we, w) {
			return 0, false
		}
		i = we
	}
	return i, true
}

// matchBackward matches words (in text order) ending right before position
// j, separated by spaces only; it returns the start of the first one.
func (s *scanner) matchBackward(j int, words []string) (int, bool) {
	for k := len(words) - 1; k >= 0; k-- {
		ws, we, g, ok := s.prev(j)
		if !ok || g != gapSpace || !s.equalWord(ws, we, words[k]) {
			return 0, false
		}
		j = ws
	}
	return j, true
}

// isCapitalised reports whether the word at ws begins with an upper-case letter.
func (s *scanner) isCapitalised(ws int) bool {
	r, _ := s.runeAt(ws)
	return unicode.IsUpper(r)
}
