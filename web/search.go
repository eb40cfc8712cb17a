package web

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// searchQuery is a parsed workbench query, with the syntax of `dossier
// search`: plain words all required, "a phrase" in double quotes, OR
// between two terms for either, -word or -"a phrase" to exclude, word* for
// a prefix. Case and accents never matter.
type searchQuery struct {
	groups   [][]queryTerm // every group must match; a group matches when one of its terms does
	phrases  [][]queryTerm // each must occur as consecutive words
	excluded [][]queryTerm // no word (one term) or phrase of these may occur
}

// empty reports a query that selects nothing by words (every document matches).
func (q searchQuery) empty() bool { return len(q.groups) == 0 }

// highlight lists the wanted terms, for snippets.
func (q searchQuery) highlight() []queryTerm {
	var out []queryTerm
	for _, g := range q.groups {
		for _, t := range g {
			if !containsTerm(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

func containsTerm(list []queryTerm, t queryTerm) bool {
	for _, x := range list {
		if x == t {
			return true
		}
	}
	return false
}

// parseSearch reads a query. Stray quotes, operators without operands and
// punctuation never fail: they are dropped or read as word separators.
func parseSearch(s string) searchQuery {
	var q searchQuery
	joinNext := false
	count := 0
	var buf []byte
	words := func(raw string) []queryTerm {
		var out []queryTerm
		eachWord(raw, func(start, end int) {
			buf = appendFolded(buf[:0], raw[start:end])
			out = append(out, queryTerm{word: string(buf), prefix: end < len(raw) && raw[end] == '*'})
		})
		return out
	}
	for i := 0; i < len(s) && count < maxQueryTerms; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
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
		}
		var raw string
		if r == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				raw, i = s[i+1:], len(s)
			} else {
				raw, i = s[i+1:i+1+end], i+2+end
			}
		} else {
			start := i
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				if unicode.IsSpace(r) || r == '"' {
					break
				}
				i += size
			}
			raw = s[start:i]
			if raw == "OR" && !neg {
				joinNext = len(q.groups) > 0
				continue
			}
		}
		ts := words(raw)
		if len(ts) == 0 {
			continue
		}
		count += len(ts)
		switch {
		case neg:
			q.excluded = append(q.excluded, ts)
		case len(ts) == 1 && joinNext:
			last := &q.groups[len(q.groups)-1]
			if !containsTerm(*last, ts[0]) {
				*last = append(*last, ts[0])
			}
		default:
			// A phrase, or a word written with inner punctuation
			// ("al-Qaïda"): each word is required, and their sequence.
			for _, t := range ts {
				q.groups = append(q.groups, []queryTerm{t})
			}
			if len(ts) > 1 {
				q.phrases = append(q.phrases, ts)
			}
		}
		joinNext = false
	}
	return q
}

// containsPhrase reports whether text holds the words of phrase in a row.
func containsPhrase(text string, phrase []queryTerm) bool {
	if len(phrase) == 0 {
		return true
	}
	var buf []byte
	k := 0
	found := false
	eachWord(text, func(start, end int) {
		if found {
			return
		}
		buf = appendFolded(buf[:0], text[start:end])
		switch {
		case phrase[k].matches(buf):
			k++
		case phrase[0].matches(buf):
			k = 1
		default:
			k = 0
		}
		if k == len(phrase) {
			found = true
		}
	})
	return found
}
