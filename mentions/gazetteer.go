package mentions

import (
	"cmp"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
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
	// phraseWords is the number of space-separated words of the alias.
	phraseWords int
	// lowerWords has bit m set when word m of some alias of the entry with
	// this key is written in lower case ("Islamic State group"): a word the
	// aliases all capitalise is written so in the name.
	lowerWords uint32
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
	articles map[string]bool
	// cities is the knowledge base's prebuilt phrase table of its cities
	// (nil: they are in phrases), and cityInfo its records merged with
	// phrases, made on first lookup.
	cities   *kb.CityPhrases
	cityInfo []atomic.Pointer[phraseInfo]
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
	g := &gazetteer{phrases: make(map[string]*phraseInfo, 1<<12), firstPerson: map[string]bool{}, lastPerson: map[string]bool{}, articles: articles}
	// The cities' names are filed in the knowledge base's prebuilt table when
	// it was built with these articles; else they are filed here like the rest.
	entries := k.Entries()
	if g.cities = k.CityPhrases(phraseFingerprint(articles)); g.cities != nil {
		entries = k.UnindexedEntries()
		g.maxWords = g.cities.MaxWords()
		g.cityInfo = make([]atomic.Pointer[phraseInfo], g.cities.Len())
	}
	var buf []byte
	for e := range entries {
		strong := len(e.Names())
		for i, name := range append(e.Names(), e.WeakAliases...) {
			var words []string
			words, buf = phraseWords(name, i, articles, buf)
			if len(words) == 0 {
				continue
			}
			g.add(words, makeCandidate(e, i, strong, name, articles))
			if e.Type == kb.PER && len(words) > 1 && i == 0 {
				g.firstPerson[words[0]] = true
				g.lastPerson[words[len(words)-1]] = true
			}
		}
	}
	for _, p := range g.phrases {
		sortCandidates(p.cands)
	}
	return g
}

// sortCandidates orders a phrase's candidates by the KB's lookup priority.
func sortCandidates(cs []candidate) {
	slices.SortStableFunc(cs, func(a, b candidate) int {
		if c := cmp.Compare(tierOf(a.entry), tierOf(b.entry)); c != 0 {
			return c
		}
		return cmp.Compare(b.entry.Population, a.entry.Population)
	})
}

// gazetteerVersion changes whenever phraseWords or makeCandidate files names
// differently, so that the knowledge base's prebuilt city phrases (built with
// CityPhraseFunc) are not used with another filing.
const gazetteerVersion = "1"

// phraseFingerprint names a filing configuration: the version and the articles.
func phraseFingerprint(articles map[string]bool) string {
	as := make([]string, 0, len(articles))
	for a := range articles {
		as = append(as, a)
	}
	slices.Sort(as)
	return "mentions-gazetteer " + gazetteerVersion + "; articles " + strings.Join(as, ",")
}

// CityPhraseFunc returns how the mention stage built with lex files a
// knowledge-base name, and the fingerprint of that filing: tools/gazetteer
// builds the knowledge base's city phrase table with them.
func CityPhraseFunc(lex *lexicon.Set) (kb.PhraseFunc, string, error) {
	_, union, err := loadRules(lex)
	if err != nil {
		return nil, "", err
	}
	articles := unionArticles(union)
	return func(e *kb.Entry, i int, name string) []string {
		words, _ := phraseWords(name, i, articles, nil)
		return words
	}, phraseFingerprint(articles), nil
}

// phraseWords folds name i of an entry into the words it is filed under: a
// leading article is dropped unless it belongs to the canonical name ("the
// Taliban" is filed as "taliban"; "The Guardian" keeps it).
func phraseWords(name string, i int, articles map[string]bool, buf []byte) ([]string, []byte) {
	var words []string
	for _, w := range splitPhrase(name) {
		// Hyphens fold to spaces: one text token may hold several words.
		buf = appendFold(buf[:0], w)
		words = append(words, strings.Fields(string(buf))...)
	}
	if len(words) > 1 && articles[words[0]] && i != 0 {
		words = words[1:]
	}
	return words, buf
}

// makeCandidate describes name i of e (strong: how many of its names are
// strong) as a gazetteer candidate.
func makeCandidate(e *kb.Entry, i, strong int, name string, articles map[string]bool) candidate {
	var words []string
	for _, w := range splitPhrase(name) {
		words = append(words, strings.Fields(string(appendFold(nil, w)))...)
	}
	lead := len(words) > 1 && articles[words[0]]
	c := candidate{
		entry:          e,
		alias:          name,
		upper:          kb.CaseSensitive(name),
		lowerOK:        startsLower(strings.Join(splitPhrase(name)[btoi(lead):], " ")) || (len(words) > 1 && (e.Kind == kb.KindTerroristOrg || e.Kind == kb.KindArmedGroup)),
		leadingArticle: lead && i == 0,
		words:          len(words),
		weak:           i >= strong,
	}
	phrase := splitPhrase(name)
	c.phraseWords = len(phrase)
	for m, w := range phrase {
		if m < 32 && startsLower(w) {
			c.lowerWords |= 1 << m
		}
	}
	if c.upper && letterCount(name) >= 4 {
		// "Isis", "Nato": British style writes long acronyms capitalised;
		// initials with periods are short ones ("U.N." is no "Un").
		c.upper = false
		c.capOnly = true
	}
	return c
}

// lookup returns what the gazetteer knows of a folded phrase: the names filed
// here merged with the knowledge base's prebuilt city phrases.
func (g *gazetteer) lookup(key []byte) *phraseInfo {
	p := g.phrases[string(key)]
	if g.cities == nil {
		return p
	}
	rec, prefix, ok := g.cities.Find(string(key))
	if !ok {
		return p
	}
	if got := g.cityInfo[rec].Load(); got != nil {
		return got
	}
	m := &phraseInfo{prefix: prefix}
	if p != nil {
		m.prefix = m.prefix || p.prefix
		m.cands = append(m.cands, p.cands...)
	}
	g.cities.Names(rec, func(e *kb.Entry, i int) {
		strong := len(e.Names())
		name := e.Name
		if i > 0 && i <= len(e.Aliases) {
			name = e.Aliases[i-1]
		} else if i > len(e.Aliases) {
			name = e.WeakAliases[i-1-len(e.Aliases)]
		}
		m.addCandidate(makeCandidate(e, i, strong, name, g.articles))
	})
	sortCandidates(m.cands)
	if g.cityInfo[rec].CompareAndSwap(nil, m) {
		return m
	}
	return g.cityInfo[rec].Load()
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
		p.addCandidate(c)
	}
}

// addCandidate adds c unless the same entry is there with the same flags.
func (p *phraseInfo) addCandidate(c candidate) {
	for i := range p.cands {
		if o := &p.cands[i]; o.entry == c.entry && o.upper == c.upper && o.capOnly == c.capOnly && o.lowerOK == c.lowerOK && o.weak == c.weak {
			o.lowerWords |= c.lowerWords
			return
		}
	}
	p.cands = append(p.cands, c)
}
