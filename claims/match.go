package claims

import "github.com/dossier-project/dossier/lexicon"

// lowOf returns the lowered form of t; for name tokens it is "".
func lowOf(low []byte, t tok) string {
	if t.kind == tkName || int(t.lowEnd) > len(low) || t.lowStart > t.lowEnd {
		return ""
	}
	return string(low[t.lowStart:t.lowEnd])
}

// eqLow compares a token's lowered form with a word without allocating.
func eqLow(low []byte, t tok, w string) bool {
	return t.kind != tkName && int(t.lowEnd) <= len(low) && t.lowStart <= t.lowEnd && string(low[t.lowStart:t.lowEnd]) == w
}

// tokWords gives the phrase matcher the lowered words of a token run; a
// name token holds none, so no cue phrase spans a name.
type tokWords struct {
	toks []tok
	low  []byte
}

func (w tokWords) Word(j int) ([]byte, bool) {
	if j < 0 || j >= len(w.toks) {
		return nil, false
	}
	t := w.toks[j]
	if t.kind == tkName || int(t.lowEnd) > len(w.low) || t.lowStart > t.lowEnd {
		return nil, false
	}
	return w.low[t.lowStart:t.lowEnd], true
}

// matchAt returns how many tokens of the longest phrase of ps match at
// toks[i:], or 0.
func matchAt(ps *lexicon.Phrases, toks []tok, i int, low []byte) int {
	return lexicon.Forward(ps, tokWords{toks, low}, i, len(toks))
}

// seqAt reports whether words match toks from i on.
func seqAt(toks []tok, i int, words []string, low []byte) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if !eqLow(low, toks[i+k], w) {
			return false
		}
	}
	return true
}

// filterGap copies toks into out without skip words and negations, and
// reports whether a negation was dropped. out may share toks' backing array
// only when it starts empty at the same position (filtering in place).
func filterGap(d *langData, toks []tok, low []byte, out []tok) ([]tok, bool) {
	negated := false
	for i := 0; i < len(toks); {
		if n := matchAt(d.negations, toks, i, low); n > 0 {
			negated = true
			i += n
			continue
		}
		if n := matchAt(d.skip, toks, i, low); n > 0 {
			i += n
			continue
		}
		out = append(out, toks[i])
		i++
	}
	return stripArticles(d, out, low), negated
}

// stripArticles drops articles at the end of a gap, right before a name.
func stripArticles(d *langData, toks []tok, low []byte) []tok {
	for len(toks) > 0 {
		cut := false
		for n := 1; n <= 2 && n <= len(toks); n++ {
			if matchAt(d.articles, toks, len(toks)-n, low) == n {
				toks, cut = toks[:len(toks)-n], true
				break
			}
		}
		if !cut {
			return toks
		}
	}
	return toks
}

// matchFrom reports whether els match toks[ti:] exactly from element ei on.
// Patterns are short and gaps bounded, so backtracking stays cheap.
func matchFrom(els []element, ei int, toks []tok, ti int, low []byte) bool {
	if ei == len(els) {
		return ti == len(toks)
	}
	el := &els[ei]
	if el.wildcard > 0 {
		// The bound counts words: the hyphens and apostrophes inside a
		// modifier ("Senegalese-born") come free.
		words := 0
		for n := 0; ti+n <= len(toks); n++ {
			if n > 0 {
				t := toks[ti+n-1]
				if !wildcardable(low, t) {
					break
				}
				if t.kind == tkWord {
					words++
				}
				if words > el.wildcard {
					break
				}
			}
			if words >= el.minWords && matchFrom(els, ei+1, toks, ti+n, low) {
				return true
			}
		}
		return false
	}
	if ti < len(toks) && el.single[lowOf(low, toks[ti])] && matchFrom(els, ei+1, toks, ti+1, low) {
		return true
	}
	for _, alt := range el.multi {
		if seqAt(toks, ti, alt, low) && matchFrom(els, ei+1, toks, ti+len(alt), low) {
			return true
		}
	}
	return el.optional && matchFrom(els, ei+1, toks, ti, low)
}

// matchAll reports whether els match all of toks.
func matchAll(els []element, toks []tok, low []byte) bool {
	return matchFrom(els, 0, toks, 0, low)
}

// matchTail finds k such that els match toks[k:] (the words just before a
// mention), preferring the shortest match; -1 when none.
func matchTail(els []element, toks []tok, low []byte) int {
	for k := len(toks); k >= 0; k-- {
		if matchFrom(els, 0, toks[k:], 0, low) {
			return k
		}
	}
	return -1
}

// matchHead finds e such that els match toks[:e] (the words just after a
// mention), preferring the shortest match; -1 when none.
func matchHead(els []element, toks []tok, low []byte) int {
	for e := 0; e <= len(toks); e++ {
		if matchFrom(els, 0, toks[:e], 0, low) {
			return e
		}
	}
	return -1
}

// wildcardable says whether a wildcard may absorb t: words and the hyphens
// and apostrophes inside modifiers ("Senegalese-born"), never a name or
// other punctuation, so a third entity cannot stand in for an end.
func wildcardable(low []byte, t tok) bool {
	switch t.kind {
	case tkWord:
		return true
	case tkPunct:
		w := lowOf(low, t)
		return w == "-" || w == "'"
	}
	return false
}
