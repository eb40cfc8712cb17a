package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

// ASCII byte classes, so the common case never decodes runes.
const (
	asciiPunct uint8 = iota
	asciiSpace
	asciiLetter
	asciiDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = asciiSpace
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = asciiLetter
		case '0' <= c && c <= '9':
			t[c] = asciiDigit
		case c < ' ' || c == 0x7f: // other control bytes separate tokens like spaces
			t[c] = asciiSpace
		default:
			t[c] = asciiPunct
		}
	}
	return t
}()

// isSpaceRune covers Unicode spaces plus invisible separators that scraped
// text carries between words (zero-width space, byte-order mark).
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

// isWordRune: letters, combining marks and digits continue a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '\u00ad' || r == '\u200d'
}

// decodeAt returns the rune at text[i:end] and its width; an invalid byte is
// (RuneError, 1) and i >= end is (RuneError, 0).
func decodeAt(text string, i, end int) (rune, int) {
	if i >= end {
		return utf8.RuneError, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}

func isLetterAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return asciiClass[c] == asciiLetter
	}
	r, size := utf8.DecodeRuneInString(text[i:end])
	return size > 1 && unicode.IsLetter(r)
}

// isLowerAt reports whether a lower-case letter starts at text[i].
func isLowerAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := decodeAt(text, i, end)
	return unicode.IsLower(r)
}

func isWordAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		k := asciiClass[c]
		return k == asciiLetter || k == asciiDigit
	}
	r, size := utf8.DecodeRuneInString(text[i:end])
	return size > 1 && isWordRune(r)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// tokenize appends the tokens of text[start:end] to toks.
func (r *rules) tokenize(text string, start, end int, toks []dossier.Token) []dossier.Token {
	i := start
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case asciiSpace:
				i++
			case asciiLetter:
				i, toks = r.scanWord(text, i, end, toks)
			case asciiDigit:
				i, toks = r.scanNumber(text, i, end, toks)
			default:
				j := i + 1
				if c == '.' {
					for j < end && text[j] == '.' {
						j++
					}
				}
				toks = append(toks, dossier.Token{Span: dossier.Span{Start: i, End: j}, Kind: dossier.TokPunct})
				i = j
			}
			continue
		}
		ru, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case ru == utf8.RuneError && size == 1:
			toks = append(toks, dossier.Token{Span: dossier.Span{Start: i, End: i + 1}, Kind: dossier.TokPunct})
			i++
		case isSpaceRune(ru):
			i += size
		case unicode.IsLetter(ru):
			i, toks = r.scanWord(text, i, end, toks)
		case unicode.IsDigit(ru):
			i, toks = r.scanNumber(text, i, end, toks)
		default:
			toks = append(toks, dossier.Token{Span: dossier.Span{Start: i, End: i + size}, Kind: dossier.TokPunct})
			i += size
		}
	}
	return toks
}

// lostLetter reports a replacement character at text[p] that stands for a
// letter inside the word begun at s: two letters or more go on after it
// ("S\ufffdnchez"), and what comes before is no single lower-case letter (an
// elided article, "l\ufffdarmée", keeps its apostrophe's place) — a
// possessive or a contraction ("Varga\ufffds", "don\ufffdt") ends in one letter.
func lostLetter(text string, s, p, end int) bool {
	if p-s == 1 && 'a' <= text[s] && text[s] <= 'z' {
		return false
	}
	q, n := p+3, 0
	for n < 2 && isLetterAt(text, q, end) {
		_, size := decodeAt(text, q, end)
		q += size
		n++
	}
	return n == 2
}

// apostropheAt returns the width of an apostrophe (' or ’) at text[i], or 0.
func apostropheAt(text string, i, end int) int {
	if i < end && text[i] == '\'' {
		return 1
	}
	if i+3 <= end && text[i] == 0xe2 && text[i+1] == 0x80 && text[i+2] == 0x99 {
		return 3
	}
	return 0
}

// isLetterBefore reports whether the rune ending at text[i] is a letter.
func isLetterBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}

// hyphenAt returns the width of a word-joining hyphen (-, U+2010, U+2011) at text[i], or 0.
func hyphenAt(text string, i, end int) int {
	if i < end && text[i] == '-' {
		return 1
	}
	if i+3 <= end && text[i] == 0xe2 && text[i+1] == 0x80 && (text[i+2] == 0x90 || text[i+2] == 0x91) {
		return 3
	}
	return 0
}

// dottedAcronym returns the end of a dotted acronym starting at s ("U.S.",
// "e.g.", "Ph.D.", "J.-C."): at least two groups of one or two letters, each
// followed by a period. It returns s when there is none.
func dottedAcronym(text string, s, end int) int {
	p, groups, last := s, 0, s
	for {
		q := p
		for n := 0; n < 3 && isLetterAt(text, q, end); n++ {
			_, size := decodeAt(text, q, end)
			q += size
		}
		// A group is one or two letters then a period; three letters make a word.
		if q == p || q >= end || text[q] != '.' || utf8.RuneCountInString(text[p:q]) > 2 {
			break
		}
		groups++
		last = q + 1
		p = q + 1
		if h := hyphenAt(text, p, end); h > 0 && isLetterAt(text, p+h, end) {
			p += h
		}
		if !isLetterAt(text, p, end) {
			break
		}
	}
	if groups >= 2 {
		return last
	}
	return s
}

// scanWord reads the word starting at s and appends it, split at clitics.
func (r *rules) scanWord(text string, s, end int, toks []dossier.Token) (int, []dossier.Token) {
	p := s
	if s+1 < end && (text[s+1] == '.' || (s+2 < end && text[s+2] == '.')) {
		p = dottedAcronym(text, s, end)
	}
	var hasApos, hasHyphen bool
	if p > s {
		// An acronym continues only into a hyphenated word ("U.S.-led").
		if h := hyphenAt(text, p, end); h > 0 && isWordAt(text, p+h, end) {
			hasHyphen = true
			p += h
		} else {
			return p, append(toks, dossier.Token{Span: dossier.Span{Start: s, End: p}, Kind: dossier.TokWord})
		}
	}
	for p < end {
		c := text[p]
		if c < utf8.RuneSelf {
			if k := asciiClass[c]; k == asciiLetter || k == asciiDigit {
				p++
				continue
			}
			if c == '\'' && isLetterAt(text, p+1, end) {
				hasApos = true
				p++
				continue
			}
			if c == '-' && isWordAt(text, p+1, end) {
				if dottedAcronym(text, p+1, end) > p+1 {
					break // "D-N.J.": a word, then a dotted abbreviation of its own
				}
				hasHyphen = true
				p++
				continue
			}
			break
		}
		ru, size := utf8.DecodeRuneInString(text[p:end])
		if size > 1 && isWordRune(ru) {
			p += size
			continue
		}
		if ru == '\ufffd' && size == 3 && lostLetter(text, s, p, end) {
			// "S\ufffdnchez": a letter lost to a bad encoding inside a word.
			p += size
			continue
		}
		if ru == '‘' && p > s && isLowerAt(text, p+size, end) {
			// A transliterated ayn inside a word ("Qa‘ida", "Jama‘at"), not an opening quote.
			p += size
			continue
		}
		if ru == '’' && isLetterAt(text, p+size, end) {
			hasApos = true
			p += size
			continue
		}
		if (ru == '\u2010' || ru == '\u2011') && isWordAt(text, p+size, end) {
			hasHyphen = true
			p += size
			continue
		}
		if ru == '\u2013' && p > s && isLetterAt(text, p+size, end) && isLetterBefore(text, p) {
			// An en dash set between letters is a hyphen ("Boko–Haram", "Paris–based");
			// between digits it is a range, and with spaces a dash.
			hasHyphen = true
			p += size
			continue
		}
		break
	}
	if !hasApos && !hasHyphen {
		return p, append(toks, dossier.Token{Span: dossier.Span{Start: s, End: p}, Kind: dossier.TokWord})
	}
	return p, r.splitWord(text, s, p, hasApos, hasHyphen, toks)
}

// splitWord appends the word text[s:e], split at elisions, contractions and
// hyphenated clitics as the lexicon says.
func (r *rules) splitWord(text string, s, e int, hasApos, hasHyphen bool, toks []dossier.Token) []dossier.Token {
	if inFolded(r.wholeWords, text[s:e]) {
		return append(toks, dossier.Token{Span: dossier.Span{Start: s, End: e}, Kind: dossier.TokWord})
	}
	tail := dossier.Span{}
	if hasApos && capitalPronounElision(text, s, e) {
		// "le député M'bala Varga", "N'Dala Kessé": inside a sentence a
		// pronoun's elision in capitals opens a name, no verb.
		return append(toks, dossier.Token{Span: dossier.Span{Start: s, End: e}, Kind: dossier.TokWord})
	}
	if hasApos {
		// Elisions from the front: "l’", "qu'", possibly stacked ("qu'l'…" does not occur, but loop safely).
		for len(r.elisions) > 0 {
			p, w := firstApostrophe(text, s, e)
			if w == 0 || !inFolded(r.elisions, text[s:p]) {
				break
			}
			toks = append(toks, dossier.Token{Span: dossier.Span{Start: s, End: p + w}, Kind: dossier.TokWord})
			s = p + w
		}
		// A contraction from the back: "Taliban's" → "Taliban" + "'s".
		if len(r.contractions) > 0 {
			if q, w := lastApostrophe(text, s, e); w > 0 && q > s && inFolded(r.contractions, text[q+w:e]) {
				tail = dossier.Span{Start: q, End: e}
				e = q
			}
		}
	}
	if hasHyphen {
		for _, c := range r.clitics {
			if e-s > len(c) && text[e-len(c):e] == c {
				toks = append(toks, dossier.Token{Span: dossier.Span{Start: s, End: e - len(c)}, Kind: dossier.TokWord})
				s = e - len(c)
				break
			}
		}
	}
	if s < e {
		toks = append(toks, dossier.Token{Span: dossier.Span{Start: s, End: e}, Kind: dossier.TokWord})
	}
	if tail.End > tail.Start {
		toks = append(toks, dossier.Token{Span: tail, Kind: dossier.TokWord})
	}
	return toks
}

// capitalPronounElision reports a word that opens with M', N', S' or T' in
// capitals before a capital, or after a lower-case word or a comma, with
// letters after it: a name's spelling ("M'bala", "N'Dala"), where a pronoun
// would open its sentence before a verb in lower case.
func capitalPronounElision(text string, s, e int) bool {
	if e-s < 4 || !strings.ContainsRune("MNST", rune(text[s])) {
		return false
	}
	w := apostropheAt(text, s+1, e)
	if w == 0 || s+1+w >= e {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[s+1+w:]); unicode.IsUpper(r) {
		return true // "N’Dala", "M’Bala": a pronoun's elision comes before a verb, in lower case
	}
	p := s - 1
	for p >= 0 && text[p] == ' ' {
		p--
	}
	return p >= 0 && p < s-1 && (text[p] >= 'a' && text[p] <= 'z' || text[p] == ',' || text[p] >= 0x80 && !strings.ContainsRune(".!?»”", lastRune(text[:p+1])))
}

// lastRune returns the last rune of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstApostrophe(text string, s, e int) (int, int) {
	for i := s; i < e; i++ {
		if w := apostropheAt(text, i, e); w > 0 {
			return i, w
		}
	}
	return e, 0
}

func lastApostrophe(text string, s, e int) (int, int) {
	for i := e - 1; i >= s; i-- {
		if text[i] == '\'' {
			return i, 1
		}
		if text[i] == 0x99 && i-2 >= s && apostropheAt(text, i-2, e) == 3 {
			return i - 2, 3
		}
	}
	return e, 0
}

// groupSeparatorAt returns the width of a thousands separator at text[i], or 0.
func (r *rules) groupSeparatorAt(text string, i, end int) int {
	if i >= end {
		return 0
	}
	switch c := text[i]; {
	case c == ',' || c == '.':
		return 1
	case c == ' ':
		if r.spaceGroups {
			return 1
		}
	case c == 0xc2 && i+1 < end && text[i+1] == 0xa0: // no-break space
		return 2
	case c == 0xe2 && i+2 < end && text[i+1] == 0x80 && (text[i+2] == 0xaf || text[i+2] == 0x89): // narrow no-break, thin space
		return 3
	}
	return 0
}

// threeDigitsAt reports whether text[i:] starts with exactly three ASCII digits.
func threeDigitsAt(text string, i, end int) bool {
	return i+3 <= end && isDigit(text[i]) && isDigit(text[i+1]) && isDigit(text[i+2]) &&
		(i+3 == end || !isDigit(text[i+3]))
}

// scanNumber reads the number starting at s (see the package comment for the
// conventions) and appends it.
func (r *rules) scanNumber(text string, s, end int, toks []dossier.Token) (int, []dossier.Token) {
	p := s
	for p < end {
		ru, size := decodeAt(text, p, end)
		if size == 0 || !unicode.IsDigit(ru) {
			break
		}
		p += size
	}
	groupSep := ""
	if p-s <= 3 {
		for {
			w := r.groupSeparatorAt(text, p, end)
			if w == 0 || !threeDigitsAt(text, p+w, end) {
				break
			}
			if groupSep != "" && text[p:p+w] != groupSep {
				break
			}
			groupSep = text[p : p+w]
			p += w + 3
		}
	}
	if p+1 < end && (text[p] == '.' || text[p] == ',') && isDigit(text[p+1]) && text[p:p+1] != groupSep {
		p++
		for p < end && isDigit(text[p]) {
			p++
		}
	}
	// Ordinals and decades stay whole: "21st", "1er", "1990s".
	if isLetterAt(text, p, end) {
		q := p
		for q < end && isLetterAt(text, q, end) && q-p <= maxKey {
			_, size := decodeAt(text, q, end)
			q += size
		}
		if !isWordAt(text, q, end) && inFolded(r.numSuffixes, text[p:q]) {
			return q, append(toks, dossier.Token{Span: dossier.Span{Start: s, End: q}, Kind: dossier.TokWord})
		}
	}
	return p, append(toks, dossier.Token{Span: dossier.Span{Start: s, End: p}, Kind: dossier.TokNumber})
}
