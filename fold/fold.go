// Package fold is the one letter fold that every stage and the store match
// names and words with: lower case, no diacritics, and the letters that have
// no decomposition spelled in base letters ("Straße" → "strasse", "Œuvre" →
// "oeuvre", "Þór" → "thor", "Łódź" → "lodz"). Stages add their own word rules
// on top (mentions drop periods and turn hyphens into spaces, the knowledge
// base's keys transliterate); the letters fold the same way everywhere, so a
// name found by one is found by all.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special covers letters without a canonical decomposition that readers
// still take for a base letter or two.
func special(r rune) (string, bool) {
	switch r {
	case 'ß', 'ẞ':
		return "ss", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ø', 'Ø':
		return "o", true
	case 'ł', 'Ł':
		return "l", true
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'þ', 'Þ':
		return "th", true
	case 'ı':
		return "i", true
	case 'ĳ', 'Ĳ':
		return "ij", true
	case 'ſ':
		return "s", true
	}
	return "", false
}

// Expands reports whether r folds to letters that its canonical
// decomposition does not give (ß, æ, œ, ø, ł, đ, ð, þ, ı, ĳ, ſ): a fold
// that only strips diacritics, as SQLite's full-text tokenizer does, leaves
// these as they are.
func Expands(r rune) bool {
	_, ok := special(r)
	return ok
}

// latinLo and latinHi bound the table of Latin letters: Latin-1 Supplement
// and Latin Extended-A and -B.
const latinLo, latinHi = 0xC0, 0x250

// latin maps each letter of [latinLo, latinHi) to its fold, "" where the
// fold is only the lower case. Computed once from the canonical
// decompositions; read-only afterwards.
var latin = func() (t [latinHi - latinLo]string) {
	for r := rune(latinLo); r < latinHi; r++ {
		if !unicode.IsLetter(r) {
			continue // × and ÷ are no letters
		}
		var tmp [utf8.UTFMax]byte
		n := utf8.EncodeRune(tmp[:], r)
		var base []byte
		for d := norm.NFD.Bytes(tmp[:n]); len(d) > 0; {
			dr, ds := utf8.DecodeRune(d)
			d = d[ds:]
			if unicode.Is(unicode.Mn, dr) {
				continue
			}
			if f, ok := special(dr); ok { // "Ǿ" → "Ø" → "o"
				base = append(base, f...)
			} else {
				base = utf8.AppendRune(base, unicode.ToLower(dr))
			}
		}
		if lower := string(unicode.ToLower(r)); string(base) != lower {
			t[r-latinLo] = string(base)
		}
	}
	return t
}()

// AppendRune appends the fold of r to buf. Combining marks vanish; runes
// that are no letters are kept as they are, lowered.
func AppendRune(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	if r >= latinLo && r < latinHi {
		if f := latin[r-latinLo]; f != "" {
			return append(buf, f...)
		}
		return utf8.AppendRune(buf, unicode.ToLower(r))
	}
	if f, ok := special(r); ok {
		return append(buf, f...)
	}
	if unicode.Is(unicode.Mn, r) {
		return buf // a combining accent of decomposed text
	}
	if r >= 0x1E00 && r < 0x1F00 {
		// Latin Extended Additional (Vietnamese, Welsh…): the base letters of the decomposition.
		var tmp [utf8.UTFMax]byte
		n := utf8.EncodeRune(tmp[:], r)
		for d := norm.NFD.Bytes(tmp[:n]); len(d) > 0; {
			dr, ds := utf8.DecodeRune(d)
			d = d[ds:]
			if f, ok := special(dr); ok {
				buf = append(buf, f...)
			} else if !unicode.Is(unicode.Mn, dr) {
				buf = utf8.AppendRune(buf, unicode.ToLower(dr))
			}
		}
		return buf
	}
	if lr := unicode.ToLower(r); lr != r {
		// A letter outside these blocks may lower into them: the Angstrom
		// sign "Å" (U+212B) into "å", the Kelvin sign into "k"; its fold is
		// theirs, so that folding twice changes nothing.
		return AppendRune(buf, lr)
	}
	return utf8.AppendRune(buf, r)
}

// AppendString appends the fold of every rune of s to buf. An invalid byte
// is kept as U+FFFD.
func AppendString(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		buf = AppendRune(buf, r)
	}
	return buf
}

// String returns the fold of s; s itself when folding changes nothing.
func String(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return string(AppendString(make([]byte, 0, len(s)), s))
		}
	}
	return s
}

// Expanded returns s with only the letters of Expands folded (lower-cased
// and spelled in base letters), everything else untouched: the form a
// diacritics-stripping tokenizer must be given for "Straße" and "strasse"
// to meet. s itself when it holds none.
func Expanded(s string) string {
	first := indexExpands(s)
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	b.WriteString(s[:first])
	for _, r := range s[first:] {
		if f, ok := special(r); ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// indexExpands is strings.IndexFunc(s, Expands) reading bytes: every such
// letter starts with 0xC3, 0xC4, 0xC5 or (ẞ) 0xE1, so ASCII is skipped
// without decoding.
func indexExpands(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0xC3, 0xC4, 0xC5, 0xE1:
			if r, _ := utf8.DecodeRuneInString(s[i:]); Expands(r) {
				return i
			}
		}
	}
	return -1
}
