package mentions

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/kb"
)

// candidate is one knowledge-base entry a phrase may denote.
type candidate struct {
	entry *kb.Entry
	alias string
	// upper: the alias is a short all-capitals acronym ("IS"): it matches only
	// text without lowercase letters.
	upper bool
	// capOnly: the alias is a longer acronym ("ISIS"): the text must start with a capital.
	capOnly bool
	// lowerOK: the alias is written in lower case in the KB ("talibans"), or is a
	// multi-word organisation name, so lower-case text may match it.
	lowerOK bool
	// words is the number of folded words of the alias.
	words int
	// weak: a weak alias of the entry (see kb.Entry.WeakAliases).
	weak bool
	// leadingArticle: the alias starts with an article ("The Guardian") that is
	// part of the canonical name, so it stays in the mention.
	leadingArticle bool
}

// phraseInfo is a value of the gazetteer map: whether longer phrases start
// with this one, and the candidates when the phrase is a whole alias.
type phraseInfo struct {
	prefix bool
	cands  []candidate
}

// gazetteer matches token sequences against every name and alias of the KB by
// their folded words.
type gazetteer struct {
	phrases  map[string]*phraseInfo
	maxWords int
	// firstPerson holds the first words of the KB's people ("ayman"), as given names.
	firstPerson map[string]bool
	// lastPerson holds the last words of the KB's people ("trump"): alone,
	// such a word is most likely that person's surname.
	lastPerson map[string]bool
}

// tierOf approximates the KB's lookup priority: actors first, then countries,
// regions and sites, then cities by population.
func tierOf(e *kb.Entry) int {
	switch e.Kind {
	case kb.KindCountry:
		return 1
	case kb.KindRegion, kb.KindSite:
		return 2
	case kb.KindCity:
		return 3
	}
	return 0
}

func isPlace(e *kb.Entry) bool { return e.Type == kb.LOC }

func newGazetteer(k *kb.KB, articles map[string]bool) *gazetteer {
	g := &gazetteer{phrases: make(map[string]*phraseInfo, 1<<17), firstPerson: map[string]bool{}, lastPerson: map[string]bool{}}
	var words []string
	var buf []byte
	for e := range k.Entries() {
		strong := len(e.Names())
		for i, name := range append(e.Names(), e.WeakAliases...) {
			words = words[:0]
			for _, w := range splitPhrase(name) {
				// Hyphens fold to spaces: one text token may hold several words.
				f := appendFold(buf[:0], w)
				for _, part := range strings.Fields(string(f)) {
					words = append(words, part)
				}
			}
			if len(words) == 0 {
				continue
			}
			lead := articles[words[0]] && len(words) > 1
			c := candidate{
				entry:          e,
				alias:          name,
				upper:          kb.CaseSensitive(name),
				lowerOK:        startsLower(strings.Join(splitPhrase(name)[btoi(lead):], " ")) || (len(words) > 1 && (e.Kind == kb.KindTerroristOrg || e.Kind == kb.KindArmedGroup)),
				leadingArticle: lead && i == 0,
				words:          len(words),
				weak:           i >= strong,
			}
			if c.upper && utf8.RuneCountInString(name) >= 4 {
				// "Isis", "Nato": British style writes long acronyms capitalised.
				c.upper = false
				c.capOnly = true
			}
			if lead && !c.leadingArticle {
				// "the Taliban": the article is not part of the name; match without it.
				g.add(words[1:], c)
			} else {
				g.add(words, c)
			}
			if e.Type == kb.PER && len(words) > 1 && i == 0 {
				g.firstPerson[words[0]] = true
				g.lastPerson[words[len(words)-1]] = true
			}
		}
	}
	for _, p := range g.phrases {
		slices.SortStableFunc(p.cands, func(a, b candidate) int {
			if c := cmp.Compare(tierOf(a.entry), tierOf(b.entry)); c != 0 {
				return c
			}
			return cmp.Compare(b.entry.Population, a.entry.Population)
		})
	}
	return g
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

func (g *gazetteer) add(words []string, c candidate) {
	g.maxWords = max(g.maxWords, len(words))
	key := ""
	for i, w := range words {
		if i == 0 {
			key = w
		} else {
			key += " " + w
		}
		p := g.phrases[key]
		if p == nil {
			p = &phraseInfo{}
			g.phrases[key] = p
		}
		if i < len(words)-1 {
			p.prefix = true
			continue
		}
		for _, o := range p.cands {
			if o.entry == c.entry && o.upper == c.upper && o.capOnly == c.capOnly && o.lowerOK == c.lowerOK && o.weak == c.weak {
				return
			}
		}
		p.cands = append(p.cands, c)
	}
}
