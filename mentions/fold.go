package mentions

import (
	"unicode"
	"unicode/utf8"

	letters "github.com/dossier-project/dossier/fold"
)

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '`' || r == '´' || r == '‘'
}

func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—'
}

// appendFold appends the matching form of one word to buf: letters by the
// project's letter fold (lower case, no diacritics, "ß" as "ss"), no periods
// ("U.S." → "us"), hyphens as spaces ("Al-Qaïda" → "al qaida"), inner apostrophes dropped ("Hay'at" → "hayat") while a final one
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
		case isApostrophe(r):
			if i == len(s) {
				buf = append(buf, '\'')
			}
		case isHyphen(r):
			buf = append(buf, ' ')
		default:
			buf = letters.AppendRune(buf, r)
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

// AppendFold appends the matching form of s to buf, as Fold returns it,
// without allocating when buf has room.
func AppendFold(buf []byte, s string) []byte { return appendFold(buf, s) }
