package sqlite

import (
	"errors"
	"strings"

	"github.com/dossier-project/dossier/query"
)

// MaxQueryTerms bounds the terms of one query, so that a hostile query
// cannot make an enormous FTS5 expression.
const MaxQueryTerms = query.MaxTerms

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

func matchExpr(s string, loosen bool) (string, error) {
	q := query.Parse(s)
	if q.Empty() {
		return "", ErrEmptyQuery
	}
	var pos []string
	for _, g := range q.Groups {
		parts := make([]string, len(g))
		for i, t := range g {
			parts[i] = ftsTerm(t, loosen)
		}
		if len(parts) == 1 {
			pos = append(pos, parts[0])
		} else {
			pos = append(pos, "("+strings.Join(parts, " OR ")+")")
		}
	}
	expr := strings.Join(pos, " AND ")
	if len(q.Excluded) > 0 {
		neg := make([]string, len(q.Excluded))
		for i, t := range q.Excluded {
			neg[i] = ftsTerm(t, false)
		}
		if len(pos) > 1 {
			expr = "(" + expr + ")"
		}
		expr += " NOT (" + strings.Join(neg, " OR ") + ")"
	}
	return expr, nil
}

// ExclusionsOnly reads a query made only of exclusions ("-Mosul -Paris"):
// it returns the MATCH expression of the excluded terms, whose documents
// are left out of a listing, and true.
func ExclusionsOnly(s string) (string, bool) {
	q := query.Parse(s)
	if !q.Empty() || len(q.Excluded) == 0 {
		return "", false
	}
	neg := make([]string, len(q.Excluded))
	for i, t := range q.Excluded {
		neg[i] = ftsTerm(t, false)
	}
	return strings.Join(neg, " OR "), true
}

// ftsTerm quotes a term for FTS5, so that nothing in it is read as an
// operator; loosened, a term of several words becomes their AND.
func ftsTerm(t query.Term, loosen bool) string {
	// Letters the index holds folded (indexForm) are folded here too.
	quote := func(s string) string { return `"` + strings.ReplaceAll(indexForm(s), `"`, `""`) + `"` }
	if words := query.Words(t.Text); loosen && len(words) > 1 {
		for i, w := range words {
			words[i] = quote(w)
		}
		if t.Prefix {
			words[len(words)-1] += "*"
		}
		return "(" + strings.Join(words, " AND ") + ")"
	}
	expr := quote(t.Text)
	if t.Prefix {
		expr += "*"
	}
	return expr
}
