// Package query reads the search syntax that `dossier search` and the
// workbench share:
//
//	ISKP Tajik          both words (AND)
//	"Islamic State"     the phrase
//	renseign*           words starting with "renseign"
//	-Taliban            documents without the word; -"a phrase" too
//	Kabul OR Kaboul     either word (binds tighter than AND)
//
// Parsing never fails: stray quotes close at the end of the query,
// parentheses and control characters separate words, an OR without two
// operands is dropped. What a term's text holds is left to the backend (the
// SQLite store quotes it for FTS5, the in-memory one folds its words).
package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTerms bounds the terms of one query, so that a hostile query cannot
// ask for unbounded work.
const MaxTerms = 64

// Term is one operand as typed: a word, or the text of a quoted phrase
// (which may also be one word). Word-internal punctuation stays ("al-Qaïda").
type Term struct {
	Text   string
	Prefix bool // typed with a trailing *
}

// Query is a parsed query: every group must match, a group matching when one
// of its terms does; no excluded term may.
type Query struct {
	Groups   [][]Term
	Excluded []Term
}

// Empty reports a query with no wanted term.
func (q Query) Empty() bool { return len(q.Groups) == 0 }

// Parse reads s. Terms without a letter or digit are dropped, and at most
// MaxTerms are kept.
func Parse(s string) Query {
	s = strings.ToValidUTF8(s, " ")
	var q Query
	joinNext := false // an OR joins the next term to the last group
	lastNeg := false  // the last operand was an exclusion, which OR cannot join
	count := 0
	for i := 0; i < len(s) && count < MaxTerms; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if separator(r) {
			i += size
			continue
		}
		neg := false
		if r == '-' {
			neg = true
			i += size
			if i >= len(s) {
				break
			}
			r, size = utf8.DecodeRuneInString(s[i:])
			if separator(r) {
				continue
			}
		}
		var t Term
		if r == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				t.Text, i = s[i+1:], len(s)
			} else {
				t.Text, i = s[i+1:i+1+end], i+2+end
			}
		} else {
			start := i
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				if separator(r) || r == '"' {
					break
				}
				i += size
			}
			t.Text = s[start:i]
			if t.Text == "OR" && !neg {
				joinNext = len(q.Groups) > 0 && !lastNeg
				continue
			}
			if strings.HasSuffix(t.Text, "*") {
				t.Text = strings.TrimRight(t.Text, "*")
				t.Prefix = true
			}
		}
		t.Text = strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f {
				return ' '
			}
			return r
		}, t.Text)
		if !hasWordRune(t.Text) {
			continue
		}
		count++
		switch {
		case neg:
			q.Excluded = append(q.Excluded, t)
		case joinNext && len(q.Groups) > 0:
			q.Groups[len(q.Groups)-1] = append(q.Groups[len(q.Groups)-1], t)
		default:
			q.Groups = append(q.Groups, []Term{t})
		}
		joinNext, lastNeg = false, neg
	}
	return q
}

// separator reports runes that end a word of the query: spaces, brackets
// and control characters.
func separator(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == ')' || r < 0x20 || r == 0x7f
}

// hasWordRune reports whether s holds a letter or digit, which an index
// would keep.
func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Words splits s into its runs of letters, digits and marks ("al-Qaïda" →
// al, Qaïda): the words an index sees.
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}
