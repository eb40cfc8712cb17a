package claims

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

// tokKind classifies the tokens the claim matcher sees.
type tokKind uint8

const (
	tkWord  tokKind = iota + 1 // letters and digits
	tkPunct                    // one punctuation or symbol character; apostrophes fold to '
	tkName                     // a whole entity mention standing between the two ends of a pattern
)

// tok is one token of a scanned region. low indexes the workspace's lowered
// byte buffer, so comparisons and map look-ups need no allocation.
type tok struct {
	start, end int // byte offsets in the document text
	lowStart   int32
	lowEnd     int32
	kind       tokKind
	mention    int32 // index in doc.Mentions for tkName, else -1
}

// isApostrophe covers the straight, curly and modifier apostrophes of scraped text.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' || r == '\u2018' }

// isDash covers hyphens and dashes, which fold to "-" so that "Kabul‑based" and
// "Kabul-based" match the same pattern.
func isDash(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u00ad'
}

// scan appends the tokens of text[start:end] to toks, lowering each into
// low. It reads the document's tokens (the segmenter's, the one tokenizer
// every stage reads) that fall in the range and splits each as scanWords
// does (at inner apostrophes, hyphens and number separators, as the
// lexicon's patterns are split); a range may cut a token ("Kabul" of
// "Kabul-based"). A document without tokens is scanned directly.
func (ws *workspace) scan(text string, start, end int, toks []tok, low []byte) ([]tok, []byte) {
	dt := ws.tokens
	if len(dt) == 0 {
		return scanWords(text, start, end, toks, low)
	}
	k, _ := slices.BinarySearchFunc(dt, start, func(t dossier.Token, pos int) int {
		if t.End <= pos {
			return -1
		}
		return 1
	})
	for ; k < len(dt) && dt[k].Start < end; k++ {
		if a, b := max(dt[k].Start, start), min(dt[k].End, end); a < b {
			toks, low = scanWords(text, a, b, toks, low)
		}
	}
	return toks, low
}

// scanWords appends the tokens of text[start:end] to toks, lowering each into
// low. Words are runs of letters and digits; every other non-space rune is a
// token of its own, so elisions ("d'", "n’a") and "-based" split the same way
// in the text and in the lexicon's patterns. Invalid bytes are punctuation.
func scanWords(text string, start, end int, toks []tok, low []byte) ([]tok, []byte) {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	i := start
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c < ' ' || c == 0x7f:
				i++
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
				j, ls := i, len(low)
				for j < end {
					d := text[j]
					if 'a' <= d && d <= 'z' || '0' <= d && d <= '9' {
						low = append(low, d)
						j++
						continue
					}
					if 'A' <= d && d <= 'Z' {
						low = append(low, d+('a'-'A'))
						j++
						continue
					}
					if d < utf8.RuneSelf {
						break
					}
					r, w := utf8.DecodeRuneInString(text[j:end])
					if r == utf8.RuneError || !isWordRune(r) {
						break
					}
					low = utf8.AppendRune(low, unicode.ToLower(r))
					j += w
				}
				toks = append(toks, tok{start: i, end: j, lowStart: int32(ls), lowEnd: int32(len(low)), kind: tkWord, mention: -1})
				i = j
			default:
				ls := len(low)
				if c == '\'' {
					low = append(low, apostropheOrQuote(text, i, i+1))
				} else {
					low = append(low, c)
				}
				toks = append(toks, tok{start: i, end: i + 1, lowStart: int32(ls), lowEnd: int32(len(low)), kind: tkPunct, mention: -1})
				i++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == utf8.RuneError:
			ls := len(low)
			low = append(low, '?')
			toks = append(toks, tok{start: i, end: i + w, lowStart: int32(ls), lowEnd: int32(len(low)), kind: tkPunct, mention: -1})
			i += w
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060':
			i += w
		case isWordRune(r):
			j, ls := i, len(low)
			for j < end {
				r2, w2 := utf8.DecodeRuneInString(text[j:end])
				if r2 == utf8.RuneError || !isWordRune(r2) {
					break
				}
				low = utf8.AppendRune(low, unicode.ToLower(r2))
				j += w2
			}
			toks = append(toks, tok{start: i, end: j, lowStart: int32(ls), lowEnd: int32(len(low)), kind: tkWord, mention: -1})
			i = j
		default:
			ls := len(low)
			switch {
			case isApostrophe(r):
				low = append(low, apostropheOrQuote(text, i, i+w))
			case isDash(r):
				low = append(low, '-')
			default:
				low = utf8.AppendRune(low, r)
			}
			toks = append(toks, tok{start: i, end: i + w, lowStart: int32(ls), lowEnd: int32(len(low)), kind: tkPunct, mention: -1})
			i += w
		}
	}
	return toks, low
}

// apostropheOrQuote reads the apostrophe text[i:j]: a closing quotation
// mark (folded to '"') when no letter follows it and no "s" precedes it
// ("long ties to the Front' officials say"), else an apostrophe, elision
// or plural possessive ("l'État", "the monitors' report").
func apostropheOrQuote(text string, i, j int) byte {
	if j >= len(text) {
		return '\'' // a lexicon phrase's "d'" or "'"
	}
	if r, _ := utf8.DecodeRuneInString(text[j:]); isWordRune(r) {
		return '\''
	}
	if i > 0 && (text[i-1] == 's' || text[i-1] == 'S') {
		return '\''
	}
	return '"'
}

// splitWords tokenises a lexicon phrase exactly as scanWords tokenises text.
func splitWords(phrase string) []string {
	toks, low := scanWords(phrase, 0, len(phrase), nil, nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(low[t.lowStart:t.lowEnd])
	}
	return out
}
