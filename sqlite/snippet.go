package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/fold"
	"github.com/dossier-project/dossier/query"
)

// Snippets are cut in Go rather than by FTS5's snippet(): snippet() re-reads
// the document through the index, which for a prefix query means merging
// every matching term's doclist again for each hit (~2 ms a hit at 100,000
// documents). The matches are found with the index's folding (case and
// diacritics) and a light stemming that stands in for Porter's.

// snippetWords is how many words a snippet shows, as snippet(…, 20) did.
const snippetWords = 20

// queryTerm is one word a snippet highlights.
type queryTerm struct {
	word   string // folded
	stem   string // folded and stemmed
	prefix bool   // "renseign*": any word starting with word
}

// snippetTerms lists the query's wanted terms (not the excluded ones) as
// sequences of folded words: a phrase matches only as a whole.
func snippetTerms(q string) [][]queryTerm {
	var out [][]queryTerm
	for _, g := range query.Parse(q).Groups {
		for _, t := range g {
			words := query.Words(t.Text)
			seq := make([]queryTerm, 0, len(words))
			for i, w := range words {
				w = foldWord(w)
				seq = append(seq, queryTerm{word: w, stem: lightStem(w), prefix: t.Prefix && i == len(words)-1})
			}
			if len(seq) > 0 {
				out = append(out, seq)
			}
		}
	}
	return out
}

func (t queryTerm) matches(folded string) bool {
	if t.prefix {
		return strings.HasPrefix(folded, t.word)
	}
	return folded == t.word || lightStem(folded) == t.stem
}

// foldWord is the project's letter fold (package fold): lower case, no
// diacritics, "ß" as "ss", as the index's tokenizer sees indexForm's text.
func foldWord(s string) string { return fold.String(s) }

// lightStem strips one common English or French inflection, so that
// "attacks", "attacked" and "attack" or "terroristes" and "terroriste" meet.
func lightStem(w string) string {
	for _, suf := range [...]string{"ements", "ement", "ations", "ation", "ings", "ing", "edly", "ies", "ed", "es", "s", "e"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// snippet cuts an excerpt of about snippetWords words of text around the
// first match of terms, each matching word between dossier.SnippetStart and
// SnippetEnd, with "…" where the text goes on. Without a match it returns
// the opening words.
func snippet(text string, terms [][]queryTerm) string {
	if strings.Contains(text, dossier.SnippetStart) || strings.Contains(text, dossier.SnippetEnd) {
		text = markerFree.Replace(text)
	}
	type word struct{ start, end int }
	var words []word
	var folded []string // filled on demand
	foldAt := func(k int) string {
		if folded[k] == "" {
			folded[k] = foldWord(text[words[k].start:words[k].end])
		}
		return folded[k]
	}
	// seqAt returns the length of the first sequence matching at word p, or 0.
	seqAt := func(p int) int {
		for _, seq := range terms {
			if p+len(seq) > len(words) {
				continue
			}
			ok := true
			for k, t := range seq {
				if !t.matches(foldAt(p + k)) {
					ok = false
					break
				}
			}
			if ok {
				return len(seq)
			}
		}
		return 0
	}
	longest := 1
	for _, seq := range terms {
		longest = max(longest, len(seq))
	}
	// Words are read only as far as the snippet needs: up to the first
	// match, then the window after it.
	first, checked := -1, 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
				break
			}
			j += size
		}
		words = append(words, word{i, j})
		folded = append(folded, "")
		i = j
		for first < 0 && checked+longest <= len(words) {
			if seqAt(checked) > 0 {
				first = checked
			}
			checked++
		}
		if first >= 0 && len(words) > first+snippetWords+longest {
			break
		}
	}
	for ; first < 0 && checked < len(words); checked++ {
		if seqAt(checked) > 0 {
			first = checked
		}
	}
	if len(words) == 0 {
		return ""
	}
	lo := 0
	if first > snippetWords/4 {
		lo = first - snippetWords/4
	}
	hi := min(len(words), lo+snippetWords)
	hit := make([]bool, hi-lo)
	for p := max(0, lo-8); p < hi && first >= 0; p++ {
		for k := range seqAt(p) {
			if q := p + k - lo; q >= 0 && q < len(hit) {
				hit[q] = true
			}
		}
	}
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	pos := words[lo].start
	for k, w := range words[lo:hi] {
		b.WriteString(text[pos:w.start])
		if hit[k] {
			b.WriteString(dossier.SnippetStart)
			b.WriteString(text[w.start:w.end])
			b.WriteString(dossier.SnippetEnd)
		} else {
			b.WriteString(text[w.start:w.end])
		}
		pos = w.end
	}
	if hi < len(words) {
		b.WriteString("…")
	} else {
		b.WriteString(text[pos:]) // the end of the text: its closing punctuation
	}
	return b.String()
}

// markerFree replaces the highlight markers in untrusted text, so that only
// snippet's own marks delimit matches.
var markerFree = strings.NewReplacer(dossier.SnippetStart, " ", dossier.SnippetEnd, " ")
