package sqlite

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQueryTerms bounds the terms of one query, so that a hostile query
// cannot make an enormous FTS5 expression.
const MaxQueryTerms = 64

// ErrEmptyQuery is returned for a query with no word to look for.
var ErrEmptyQuery = errors.New("the query has no word to search for")

// MatchExpr turns a user query into an FTS5 MATCH expression. The syntax:
//
//	ISKP Tajik          both words (AND)
//	"Islamic State"     the phrase
//	renseign*           words starting with "renseign"
//	-Taliban            documents without the word (needs another, positive term)
//	Kabul OR Kaboul     either word (binds tighter than AND)
//
// Every term is quoted in the output, so FTS5 operators, column filters and
// punctuation typed by the user are searched as words, never parsed: no query
// can make FTS5 fail. Punctuation inside a word splits it the way the index
// does ("al-Qaïda" is the phrase "al qaïda").
func MatchExpr(q string) (string, error) {
	return matchExpr(q, false)
}

// RankExpr is MatchExpr with every wanted phrase loosened to its words
// ("Islamic State" → Islamic AND State): it matches a superset of
// MatchExpr's documents, and bm25 over it costs a lookup per word instead of
// a scan of every position of the phrase across the index (its document
// frequency). Search ranks MatchExpr's matches by it.
func RankExpr(q string) (string, error) {
	return matchExpr(q, true)
}

func matchExpr(q string, loosen bool) (string, error) {
	q = strings.ToValidUTF8(q, " ")
	// FTS5 reads its expression as a C string: a NUL would end it mid-quote.
	q = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, q)
	type term struct {
		expr string
		neg  bool
	}
	var groups [][]term // AND of ORs
	joinNext := false
	count := 0
	for i := 0; i < len(q) && count < MaxQueryTerms; {
		r, size := utf8.DecodeRuneInString(q[i:])
		if unicode.IsSpace(r) || r == '(' || r == ')' {
			i += size
			continue
		}
		neg := false
		if r == '-' {
			neg = true
			i += size
			if i >= len(q) {
				break
			}
			r, size = utf8.DecodeRuneInString(q[i:])
			if unicode.IsSpace(r) {
				continue
			}
		}
		var raw string
		prefix := false
		if r == '"' {
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				raw, i = q[i+1:], len(q)
			} else {
				raw, i = q[i+1:i+1+end], i+2+end
			}
		} else {
			start := i
			for i < len(q) {
				r, size := utf8.DecodeRuneInString(q[i:])
				if unicode.IsSpace(r) || r == '"' || r == '(' || r == ')' {
					break
				}
				i += size
			}
			raw = q[start:i]
			if raw == "OR" && !neg {
				joinNext = len(groups) > 0
				continue
			}
			if strings.HasSuffix(raw, "*") {
				raw = strings.TrimRight(raw, "*")
				prefix = true
			}
		}
		if !hasWordRune(raw) {
			continue
		}
		count++
		expr := `"` + strings.ReplaceAll(raw, `"`, `""`) + `"`
		if prefix {
			expr += "*"
		}
		if words := indexWords(raw); loosen && !neg && len(words) > 1 {
			for i, w := range words {
				words[i] = `"` + w + `"`
			}
			if prefix {
				words[len(words)-1] += "*"
			}
			expr = "(" + strings.Join(words, " AND ") + ")"
		}
		t := term{expr: expr, neg: neg}
		if joinNext && !neg && len(groups) > 0 && !groups[len(groups)-1][0].neg {
			groups[len(groups)-1] = append(groups[len(groups)-1], t)
		} else {
			groups = append(groups, []term{t})
		}
		joinNext = false
	}
	var pos, neg []string
	for _, g := range groups {
		if g[0].neg {
			neg = append(neg, g[0].expr)
			continue
		}
		if len(g) == 1 {
			pos = append(pos, g[0].expr)
			continue
		}
		parts := make([]string, len(g))
		for i, t := range g {
			parts[i] = t.expr
		}
		pos = append(pos, "("+strings.Join(parts, " OR ")+")")
	}
	if len(pos) == 0 {
		return "", ErrEmptyQuery
	}
	expr := strings.Join(pos, " AND ")
	if len(neg) > 0 {
		if len(pos) > 1 {
			expr = "(" + expr + ")"
		}
		expr += " NOT (" + strings.Join(neg, " OR ") + ")"
	}
	return expr, nil
}

// hasWordRune reports whether s holds a letter or digit, which the FTS5
// tokenizer would index.
func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// indexWords splits s into the runs of letters, digits and marks the
// tokenizer indexes as words ("al-Qaïda" → al, Qaïda).
func indexWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}
