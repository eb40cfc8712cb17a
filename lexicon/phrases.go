package lexicon

import (
	"iter"
	"slices"
)

// Phrases is a set of cue phrases ("according to", "selon des sources"),
// each a sequence of normalised words, matched over a run of words from
// either end. It is the one phrase matcher of the stages that read the
// segmenter's tokens (quotes, claims); each stage normalises the phrases'
// words and the text's words the same way (its fold), which the matcher
// leaves to it. The zero value is an empty set.
type Phrases struct {
	byFirst map[string][][]string
	byLast  map[string][][]string
	n       int
}

// Words gives the normalised word at position j of a run, and false where
// position j holds no word (punctuation, a name): a phrase never spans it.
type Words interface {
	Word(j int) ([]byte, bool)
}

// NewPhrases builds a set from phrases cut into words by split.
func NewPhrases(list []string, split func(string) []string) *Phrases {
	p := &Phrases{}
	for _, s := range list {
		p.Add(split(s))
	}
	return p
}

// Add adds one phrase, given as its normalised words. An empty phrase is ignored.
func (p *Phrases) Add(words []string) {
	if len(words) == 0 {
		return
	}
	if p.byFirst == nil {
		p.byFirst = map[string][][]string{}
		p.byLast = map[string][][]string{}
	}
	first, last := words[0], words[len(words)-1]
	if slices.ContainsFunc(p.byFirst[first], func(q []string) bool { return slices.Equal(q, words) }) {
		return
	}
	p.byFirst[first] = append(p.byFirst[first], words)
	p.byLast[last] = append(p.byLast[last], words)
	p.n++
}

// AddAll adds every phrase of q (a union of languages' sets).
func (p *Phrases) AddAll(q *Phrases) {
	for ph := range q.All() {
		p.Add(ph)
	}
}

// All yields every phrase once, in no fixed order across first words and
// in the order added among phrases that share their first word.
func (p *Phrases) All() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		if p == nil {
			return
		}
		for _, list := range p.byFirst {
			for _, ph := range list {
				if !yield(ph) {
					return
				}
			}
		}
	}
}

// Len is the number of distinct phrases.
func (p *Phrases) Len() int {
	if p == nil {
		return 0
	}
	return p.n
}

// Forward returns the length in words of the longest phrase of p that
// starts at position i and ends before hi, or 0.
func Forward[W Words](p *Phrases, w W, i, hi int) int {
	if p == nil || p.byFirst == nil || i >= hi {
		return 0
	}
	first, ok := w.Word(i)
	if !ok {
		return 0
	}
	best := 0
	for _, ph := range p.byFirst[string(first)] {
		if len(ph) <= best || i+len(ph) > hi {
			continue
		}
		if matches(ph, w, i) {
			best = len(ph)
		}
	}
	return best
}

// Backward returns the length in words of the longest phrase of p that
// ends at position i and starts at or after lo, or 0.
func Backward[W Words](p *Phrases, w W, i, lo int) int {
	if p == nil || p.byLast == nil || i < lo {
		return 0
	}
	last, ok := w.Word(i)
	if !ok {
		return 0
	}
	best := 0
	for _, ph := range p.byLast[string(last)] {
		if len(ph) <= best || i-len(ph)+1 < lo {
			continue
		}
		if matches(ph, w, i-len(ph)+1) {
			best = len(ph)
		}
	}
	return best
}

// matches reports whether the words of w from position at are ph.
func matches[W Words](ph []string, w W, at int) bool {
	for k, want := range ph {
		got, ok := w.Word(at + k)
		if !ok || string(got) != want {
			return false
		}
	}
	return true
}
