package lexicon

import (
	"errors"
	"strings"
)

// WordList is a generated word list as shipped: one word per line, sorted
// bytewise (the mention stage's common words, the figures and quotes
// stages' person nouns). It is searched in place, with no loading work.
// The zero value is an empty list.
type WordList string

// Has reports whether w is one of the list's words.
func (l WordList) Has(w []byte) bool {
	return l.search(func(line string) int { return compareBytes(line, w) })
}

// HasString is Has for a string.
func (l WordList) HasString(w string) bool {
	return l.search(func(line string) int { return strings.Compare(line, w) })
}

// search binary-searches the lines with cmp (line against the word sought).
func (l WordList) search(cmp func(line string) int) bool {
	d := string(l)
	lo, hi := 0, len(d)
	for lo < hi {
		mid := (lo + hi) / 2
		start := max(strings.LastIndexByte(d[lo:mid], '\n')+1+lo, lo)
		end := strings.IndexByte(d[start:], '\n')
		if end < 0 {
			end = len(d) - start
		}
		switch c := cmp(d[start : start+end]); {
		case c == 0:
			return true
		case c < 0:
			lo = start + end + 1
		default:
			hi = start
		}
	}
	return false
}

// PersonNouns names the generated lists of nouns that denote people
// (tools/wordclasses): figures count people by them, quotes take them as
// heads of unnamed sources.
const PersonNouns = "person_nouns"

// PersonAdjNouns names the generated lists of nouns that denote people and
// are adjectives too ("militaire", "quotidien"; tools/wordclasses, French):
// figures count people by them; a role's noun is never taken from them.
const PersonAdjNouns = "person_adj_nouns"

// Adjectives names the generated lists of adjectives (tools/wordclasses):
// figures read a count through them to its noun ("500 extra officers").
const Adjectives = "adjectives"

// List returns the generated list <lang>/<name>.txt, or an empty list when
// the language has none.
func (s *Set) List(lang, name string) (WordList, error) {
	t, err := s.Text(lang, name)
	if err != nil {
		if errors.Is(err, ErrNoLexicon) {
			return "", nil
		}
		return "", err
	}
	return WordList(t), nil
}

// compareBytes compares a string and a byte slice bytewise, without the
// allocation a conversion would make.
func compareBytes(a string, b []byte) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}
