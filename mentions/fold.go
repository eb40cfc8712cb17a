package mentions

import (
	"unicode"
	"unicode/utf8"
)

// latinFold maps U+00C0..U+017F to their lowercase base letters; "" drops the rune.
// Index r-0xC0. Built from the Unicode decompositions of Latin-1 and Latin Extended-A.
var latinFold = [...]string{
	// C0-CF: À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	// D0-DF: Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
	"d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
	// E0-EF
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	// F0-FF
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
	// 100-11F: Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	// 120-13F: Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
	// 140-15F: ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	// 160-17F: Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '`' || r == '´' || r == '‘'
}

func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—'
}

// appendFold appends the matching form of one word to buf: lower case, no
// diacritics, no periods ("U.S." → "us"), hyphens as spaces ("Al-Qaïda" →
// "al qaida"), inner apostrophes dropped ("Hay'at" → "hayat") while a final one
// is kept as "'" so that French elisions ("l’", "d'") stay distinct words.
func appendFold(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				buf = append(buf, c)
			case c == '-':
				buf = append(buf, ' ')
			case c == '\'' || c == '`':
				if i == len(s) {
					buf = append(buf, '\'')
				}
			case c == '.':
			default:
				buf = append(buf, c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			buf = append(buf, '?')
		case r >= 0xC0 && r <= 0x17F:
			buf = append(buf, latinFold[r-0xC0]...)
		case isApostrophe(r):
			if i == len(s) {
				buf = append(buf, '\'')
			}
		case isHyphen(r):
			buf = append(buf, ' ')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// fold returns the matching form of s (see appendFold); for building tables.
func fold(s string) string { return string(appendFold(nil, s)) }

// firstRune returns the first rune of s, or utf8.RuneError.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// shape describes the letter case of a word.
type shape uint8

const (
	shapeLower shape = iota // starts with a lowercase letter, or no letter at all
	shapeCap                // starts with a capital, has lowercase letters ("Kabul", "McCain")
	shapeUpper              // letters all capitals ("DGSE", "U.S.", "ISIS-K")
)

// wordShape classifies s without allocating.
func wordShape(s string) shape {
	first := true
	startsUpper := false
	hasLower, letters := false, 0
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		isUp := unicode.IsUpper(r)
		isLo := !isUp && unicode.IsLower(r)
		if !isUp && !isLo {
			if unicode.IsLetter(r) { // uncased scripts (Arabic): treat as capitalised names
				letters++
				if first {
					startsUpper = true
					first = false
				}
			}
			continue
		}
		letters++
		if first {
			startsUpper = isUp
			first = false
		}
		if isLo {
			hasLower = true
		}
	}
	switch {
	case letters == 0 || !startsUpper:
		return shapeLower
	case hasLower:
		return shapeCap
	default:
		return shapeUpper
	}
}

// Fold returns the matching form the stage uses for names: lower case, no
// diacritics, no periods, hyphens as spaces ("Al-Qaïda" → "al qaida").
func Fold(s string) string { return fold(s) }
