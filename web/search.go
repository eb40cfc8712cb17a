package web

import (
	"github.com/dossier-project/dossier/query"
)

// searchQuery is a parsed workbench query, in folded words (package query
// has the syntax, shared with `dossier search`).
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

// parseSearch reads a query (package query's syntax) into folded words.
func parseSearch(s string) searchQuery {
	parsed := query.Parse(s)
	var q searchQuery
	var buf []byte
	words := func(t query.Term) []queryTerm {
		var out []queryTerm
		eachWord(t.Text, func(start, end int) {
			buf = appendFolded(buf[:0], t.Text[start:end])
			out = append(out, queryTerm{word: string(buf)})
		})
		if len(out) > 0 && t.Prefix {
			out[len(out)-1].prefix = true
		}
		return out
	}
	for _, g := range parsed.Groups {
		if len(g) > 1 {
			// "a OR b": alternatives of one word each; a phrase among them
			// counts by its first word.
			var alts []queryTerm
			for _, t := range g {
				if ws := words(t); len(ws) > 0 && !containsTerm(alts, ws[0]) {
					alts = append(alts, ws[0])
				}
			}
			if len(alts) > 0 {
				q.groups = append(q.groups, alts)
			}
			continue
		}
		// A phrase, or a word written with inner punctuation ("al-Qaïda"):
		// each word is required, and their sequence.
		ws := words(g[0])
		for _, w := range ws {
			q.groups = append(q.groups, []queryTerm{w})
		}
		if len(ws) > 1 {
			q.phrases = append(q.phrases, ws)
		}
	}
	for _, t := range parsed.Excluded {
		if ws := words(t); len(ws) > 0 {
			q.excluded = append(q.excluded, ws)
		}
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
