package figures

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// Part is the lexicon part this stage reads: lexicon/data/<lang>/figures.yaml.
const Part = "figures"

// lexiconFile is the shape of lexicon/data/<lang>/figures.yaml; the English
// file documents each field.
type lexiconFile struct {
	DecimalComma     bool                `yaml:"decimal_comma"`
	SpaceThousands   bool                `yaml:"space_thousands"`
	Numbers          map[string]float64  `yaml:"numbers"`
	Multipliers      map[string]float64  `yaml:"multipliers"`
	BareMultipliers  []string            `yaml:"bare_multipliers"`
	Approximations   map[string]float64  `yaml:"approximations"`
	Articles         []string            `yaml:"articles"`
	Connectors       []string            `yaml:"connectors"`
	Qualifiers       map[string]string   `yaml:"qualifiers"`
	QualifiersAfter  map[string]string   `yaml:"qualifiers_after"`
	Nouns            map[string][]string `yaml:"nouns"`
	CurrencySymbols  map[string]string   `yaml:"currency_symbols"`
	Excluded         []string            `yaml:"excluded"`
	Months           []string            `yaml:"months"`
	RangeWords       []string            `yaml:"range_words"`
	PopulationNouns  []string            `yaml:"population_nouns"`
	Modifiers        []string            `yaml:"modifiers"`
	ModifierSuffixes []string            `yaml:"modifier_suffixes"`
	// PersonHeads: agent nouns that head closed compounds for people
	// ("policymakers", "shopkeepers", "asylum-seekers" written whole).
	PersonHeads []string `yaml:"person_compound_heads"`
	// PluralSuffixes, IrregularPlurals: how the language writes a plural;
	// a noun of the generated person list counts people only in the plural
	// ("a category 2 offender" is a grade).
	PluralSuffixes    []string `yaml:"plural_suffixes"`
	IrregularPlurals  []string `yaml:"irregular_plurals"`
	Partitives        []string `yaml:"partitives"`
	Determiners       []string `yaml:"determiners"`
	PartitivePronouns []string `yaml:"partitive_pronouns"`
	KilledBefore      []string `yaml:"killed_before"`
	InjuredBefore     []string `yaml:"injured_before"`
	KilledAfter       []string `yaml:"killed_after"`
	InjuredAfter      []string `yaml:"injured_after"`
	KilledAfterAux    []string `yaml:"killed_after_aux"`
	InjuredAfterAux   []string `yaml:"injured_after_aux"`
	Auxiliaries       []string `yaml:"auxiliaries"`
	// Adverbs may stand between an auxiliary and its participle ("were
	// later killed", "ont finalement été tués"); so may any word ending in
	// one of AdverbSuffixes ("were reportedly killed").
	Adverbs        []string `yaml:"adverbs"`
	AdverbSuffixes []string `yaml:"adverb_suffixes"`
	// TollWords make a count a few words after them a count of the dead:
	// "the death toll rose to 19", "le bilan s'élève à 19".
	TollWords []string `yaml:"toll_words"`
	// LostBefore: verbs of losing right before a count of people make it a
	// count of the dead ("lost two soldiers"); before other counts they
	// count nothing dead ("lost 2,000 jobs").
	LostBefore []string `yaml:"lost_before"`
	// NumberWords name a count whose noun follows them and whose value comes
	// later in the clause: "the number of foreign fighters … as 10,000".
	NumberWords []string `yaml:"number_words"`
	// PersonAfter: participles only people undergo; right after a bare
	// count they make it a count of people ("Two arrested in …", "trois
	// interpellés").
	PersonAfter   []string `yaml:"person_after"`
	BareFollowers []string `yaml:"bare_followers"`
	// Ellipsis words say a bare count continues the previous figure's noun:
	// "1,200 fighters were captured and another 900 are held", "40
	// jihadistes… 25 autres sont recherchés".
	Ellipsis     []string `yaml:"ellipsis"`
	Including    []string `yaml:"including"`
	ClauseBreaks []string `yaml:"clause_breaks"`
	// CompoundNouns: a noun may modify the counted noun right after it
	// ("four security guards"); FunctionWords never do ("through couriers").
	CompoundNouns bool `yaml:"compound_nouns"`
	// HyphenHeadFirst: the first word heads a hyphenated compound noun
	// ("sapeurs-pompiers"); otherwise the last does ("fire-fighters").
	HyphenHeadFirst bool     `yaml:"hyphen_head_first"`
	FunctionWords   []string `yaml:"function_words"`
	// RateWords make the count after them a rate's base, no count of
	// anything: "20 cases per 100,000 people".
	RateWords []string `yaml:"rate_words"`
	// AgeComparatives before "than" make the number after it an age:
	// "children younger than 5 died".
	AgeComparatives []string `yaml:"age_comparatives"`
}

// Word roles; one word may have several ("injured" is a noun and a verb).
// wordFlags are the lexicon classes of one word, as bits.
type wordFlags uint64

const (
	fNumber wordFlags = 1 << iota
	fMultiplier
	fBareMultiplier
	fApprox
	fArticle
	fConnector
	fNoun
	fExcluded
	fModifier
	fPartitive
	fDeterminer
	fPartPronoun
	fKilledBefore
	fInjuredBefore
	fKilledAfter
	fInjuredAfter
	fKilledAfterAux
	fInjuredAfterAux
	fAux
	fBareFollower
	fEllipsis
	fIncluding
	fClauseBreak
	fQualifierStart // first word of some qualifier phrase
	fMonth
	fRange
	fPopulation
	fAdverb
	fToll
	fFunction
	fRate
	fLostBefore
	fNumberWord
	fPersonAfter
	fAgeComparative
)

// unit codes, indexes into unitNames; 0 means none.
const (
	unitNone uint8 = iota
	unitPerson
	unitMoneyUSD
	unitMoneyEUR
	unitKilled
	unitInjured
	unitAttack
	unitOther
)

var unitNames = [...]string{
	unitNone:     "",
	unitPerson:   dossier.UnitPerson,
	unitMoneyUSD: dossier.UnitMoneyUSD,
	unitMoneyEUR: dossier.UnitMoneyEUR,
	unitKilled:   dossier.UnitKilled,
	unitInjured:  dossier.UnitInjured,
	unitAttack:   dossier.UnitAttack,
	unitOther:    dossier.UnitOther,
}

func unitCode(name string) (uint8, bool) {
	for i, n := range unitNames {
		if i > 0 && n == name {
			return uint8(i), true
		}
	}
	return 0, false
}

var qualifierNames = map[string]bool{
	dossier.QualExact: true, dossier.QualAbout: true, dossier.QualAtLeast: true,
	dossier.QualMoreThan: true, dossier.QualUpTo: true, dossier.QualLessThan: true,
}

// phrase is a multiword entry: the words after the first one, and what the
// whole phrase means.
type phrase struct {
	rest  []string
	flags wordFlags // fNoun or fExcluded
	unit  uint8
}

// wordInfo is everything the model knows about one lowercase word.
type wordInfo struct {
	flags  wordFlags
	number float64 // fNumber
	mult   float64 // fMultiplier
	approx float64 // fApprox
	unit   uint8   // fNoun (single-word noun)
	// phrases starting with this word, longest first.
	phrases []phrase
	// qualBefore are the qualifiers ending with this word, qualAfter those
	// starting with it; longest first.
	qualBefore, qualAfter []qualPhrase
	// casualtyBefore are the casualty phrases ending with this word ("coûté
	// la vie à", "claimed the lives of"), the words before it and the unit.
	casualtyBefore []casualtyPhrase
}

type casualtyPhrase struct {
	words []string // the phrase's words before its last
	unit  uint8
}

type qualPhrase struct {
	words []string
	qual  string
}

type symbol struct {
	text string
	unit uint8
}

// model is the compiled lexicon of one language, or of all of them.
type model struct {
	decimalComma   bool
	spaceThousands bool
	words          map[string]*wordInfo
	// filter is a Bloom-like bitset over hashes of every key in words, so
	// most words of a text are rejected without a map lookup.
	filter [filterSize / 64]uint64
	// trigger is the same filter over the words that can start a number.
	trigger          [filterSize / 64]uint64
	qualBefore       []qualPhrase // longest first
	qualAfter        []qualPhrase
	symbols          []symbol // longest first
	modifierSuffixes []string
	personHeads      []string // heads of closed compounds for people
	pluralSuffixes   []string
	irregular        map[string]bool // plurals without a plural suffix: "men", "people"
	adverbSuffixes   []string
	compoundNouns    bool
	hyphenHeadFirst  bool
	// personNouns is a generated sorted word list (one per line): nouns
	// whose most frequent sense is a person (WordNet's noun.person for
	// English), so that "300 spectators" counts people though no hand-written
	// list names spectators. Empty for a language without one.
	personNouns lexicon.WordList
	// personAdjNouns: the person nouns that are adjectives too (French:
	// "militaires", "civils"), counted as people after a number.
	personAdjNouns lexicon.WordList
	// adjectives: a generated sorted word list of the language's adjectives.
	adjectives lexicon.WordList
}

// plural reports whether key is written as a plural, for a language whose
// plurals the lexicon describes (true for one that says nothing).
func (m *model) plural(key []byte) bool {
	if len(m.pluralSuffixes) == 0 || m.irregular[string(key)] {
		return true
	}
	for _, suf := range m.pluralSuffixes {
		if bytes.HasSuffix(key, []byte(suf)) {
			return true
		}
	}
	return false
}

// isPersonNoun reports whether key is in the person-noun list.
func (m *model) isPersonNoun(key []byte) bool {
	if m.personNouns.Has(key) || m.personAdjNouns.Has(key) {
		return true
	}
	// A closed compound whose head is an agent noun for people, after a
	// word of three letters or more: "policymakers", "shopkeepers".
	for _, h := range m.personHeads {
		if len(key) >= len(h)+3 && string(key[len(key)-len(h):]) == h {
			return true
		}
	}
	return false
}

// isPersonCompound reports a hyphenated compound noun for people: its head
// is a person noun, the last word in English ("fire-fighters"; "member-
// states" are states); where the head comes first, either word, as such
// compounds name one person by two nouns ("sapeurs-pompiers",
// "enseignants-chercheurs").
func (m *model) isPersonCompound(key []byte) bool {
	i, j := bytes.IndexByte(key, '-'), bytes.LastIndexByte(key, '-')
	if i <= 0 || j >= len(key)-1 {
		return false
	}
	person := func(w []byte) bool { return m.personNouns.Has(w) || m.personAdjNouns.Has(w) }
	if !m.hyphenHeadFirst {
		return person(key[j+1:])
	}
	return person(key[:i]) || person(key[j+1:])
}

func (m *model) isAdjective(key []byte) bool { return m.adjectives.Has(key) }

const filterSize = 1 << 13

// splitPhrase cuts a lexicon phrase into lowercase words at spaces and
// apostrophes, the way the scanner cuts text.
func splitPhrase(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '\'' || r == '’'
	})
}

func (m *model) info(w string) *wordInfo {
	wi := m.words[w]
	if wi == nil {
		wi = &wordInfo{}
		m.words[w] = wi
		h := hashString(w)
		m.filter[h/64%uint32(len(m.filter))] |= 1 << (h % 64)
	}
	return wi
}

func (m *model) addFlag(list []string, flag wordFlags) {
	for _, w := range list {
		for _, piece := range splitPhrase(w) {
			m.info(piece).flags |= flag
		}
	}
}

// compile builds one model from one or more lexicon files (several when the
// document's language is unknown).
func compile(files map[string]*lexiconFile) (*model, error) {
	m := &model{words: make(map[string]*wordInfo)}
	langs := make([]string, 0, len(files))
	for l := range files {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		f := files[lang]
		m.decimalComma = m.decimalComma || f.DecimalComma
		m.spaceThousands = m.spaceThousands || f.SpaceThousands
		for w, v := range f.Numbers {
			wi := m.info(strings.ToLower(w))
			wi.flags |= fNumber
			wi.number = v
		}
		for w, v := range f.Multipliers {
			wi := m.info(strings.ToLower(w))
			wi.flags |= fMultiplier
			wi.mult = v
		}
		m.addFlag(f.BareMultipliers, fBareMultiplier)
		for w, v := range f.Approximations {
			wi := m.info(strings.ToLower(w))
			wi.flags |= fApprox
			wi.approx = v
		}
		m.addFlag(f.Articles, fArticle)
		m.addFlag(f.Connectors, fConnector)
		for p, q := range f.Qualifiers {
			if !qualifierNames[q] {
				return nil, fmt.Errorf("%s: qualifier %q: unknown value %q", lang, p, q)
			}
			ws := splitPhrase(p)
			if len(ws) == 0 {
				continue
			}
			m.qualBefore = append(m.qualBefore, qualPhrase{ws, q})
			m.info(ws[0]).flags |= fQualifierStart
		}
		for p, q := range f.QualifiersAfter {
			if !qualifierNames[q] {
				return nil, fmt.Errorf("%s: qualifier %q: unknown value %q", lang, p, q)
			}
			if ws := splitPhrase(p); len(ws) > 0 {
				m.qualAfter = append(m.qualAfter, qualPhrase{ws, q})
			}
		}
		for unitName, nouns := range f.Nouns {
			u, ok := unitCode(unitName)
			if !ok {
				return nil, fmt.Errorf("%s: nouns: unknown unit %q", lang, unitName)
			}
			for _, n := range nouns {
				if err := m.addPhrase(n, fNoun, u); err != nil {
					return nil, fmt.Errorf("%s: nouns: %w", lang, err)
				}
			}
		}
		for s, unitName := range f.CurrencySymbols {
			u, ok := unitCode(unitName)
			if !ok || s == "" {
				return nil, fmt.Errorf("%s: currency symbol %q: unknown unit %q", lang, s, unitName)
			}
			m.symbols = append(m.symbols, symbol{s, u})
		}
		for _, n := range f.Excluded {
			if err := m.addPhrase(n, fExcluded, 0); err != nil {
				return nil, fmt.Errorf("%s: excluded: %w", lang, err)
			}
		}
		m.addFlag(f.Months, fMonth|fExcluded)
		m.addFlag(f.AgeComparatives, fAgeComparative)
		m.addFlag(f.RateWords, fRate)
		m.addFlag(f.RangeWords, fRange)
		m.addFlag(f.PopulationNouns, fPopulation)
		m.addFlag(f.Modifiers, fModifier)
		m.addFlag(f.FunctionWords, fFunction)
		m.compoundNouns = m.compoundNouns || f.CompoundNouns
		m.hyphenHeadFirst = m.hyphenHeadFirst || f.HyphenHeadFirst
		m.modifierSuffixes = append(m.modifierSuffixes, f.ModifierSuffixes...)
		m.personHeads = append(m.personHeads, f.PersonHeads...)
		m.pluralSuffixes = append(m.pluralSuffixes, f.PluralSuffixes...)
		for _, w := range f.IrregularPlurals {
			if m.irregular == nil {
				m.irregular = map[string]bool{}
			}
			m.irregular[strings.ToLower(w)] = true
		}
		m.addFlag(f.Partitives, fPartitive)
		m.addFlag(f.Determiners, fDeterminer)
		m.addFlag(f.PartitivePronouns, fPartPronoun)
		for _, list := range []struct {
			words []string
			flag  wordFlags
			unit  uint8
		}{{f.KilledBefore, fKilledBefore, unitKilled}, {f.InjuredBefore, fInjuredBefore, unitInjured}} {
			for _, w := range list.words {
				ws := splitPhrase(w)
				if len(ws) == 0 {
					return nil, fmt.Errorf("%s: empty casualty entry", lang)
				}
				if len(ws) == 1 {
					m.info(ws[0]).flags |= list.flag
					continue
				}
				// A phrase is kept on its last word, the one before the count.
				for _, p := range ws[:len(ws)-1] {
					m.info(p)
				}
				last := m.info(ws[len(ws)-1])
				last.casualtyBefore = append(last.casualtyBefore, casualtyPhrase{ws[:len(ws)-1], list.unit})
			}
		}
		// A phrase ("lost their lives", "ont trouvé la mort") is kept on its
		// first word; a single word carries the flag.
		for _, list := range []struct {
			words []string
			flag  wordFlags
		}{{f.KilledAfter, fKilledAfter}, {f.InjuredAfter, fInjuredAfter}} {
			for _, w := range list.words {
				if err := m.addPhrase(w, list.flag, 0); err != nil {
					return nil, fmt.Errorf("%s: casualty word %q: %w", lang, w, err)
				}
			}
		}
		m.addFlag(f.KilledAfterAux, fKilledAfterAux)
		m.addFlag(f.InjuredAfterAux, fInjuredAfterAux)
		m.addFlag(f.Auxiliaries, fAux)
		m.addFlag(f.Adverbs, fAdverb)
		m.addFlag(f.TollWords, fToll)
		m.addFlag(f.LostBefore, fLostBefore)
		m.addFlag(f.NumberWords, fNumberWord)
		m.addFlag(f.PersonAfter, fPersonAfter)
		m.adverbSuffixes = append(m.adverbSuffixes, f.AdverbSuffixes...)
		m.addFlag(f.BareFollowers, fBareFollower)
		m.addFlag(f.Ellipsis, fEllipsis)
		m.addFlag(f.Including, fIncluding)
		m.addFlag(f.ClauseBreaks, fClauseBreak)
	}
	byLen := func(ps []qualPhrase) {
		sort.SliceStable(ps, func(i, j int) bool {
			if len(ps[i].words) != len(ps[j].words) {
				return len(ps[i].words) > len(ps[j].words)
			}
			return strings.Join(ps[i].words, " ") < strings.Join(ps[j].words, " ")
		})
	}
	byLen(m.qualBefore)
	byLen(m.qualAfter)
	for _, q := range m.qualBefore {
		wi := m.info(q.words[len(q.words)-1])
		wi.qualBefore = append(wi.qualBefore, q)
	}
	for _, q := range m.qualAfter {
		wi := m.info(q.words[0])
		wi.qualAfter = append(wi.qualAfter, q)
	}
	for w, wi := range m.words {
		if wi.flags&(fNumber|fMultiplier|fApprox) != 0 {
			h := hashString(w)
			m.trigger[h/64%uint32(len(m.trigger))] |= 1 << (h % 64)
		}
	}
	sort.SliceStable(m.symbols, func(i, j int) bool { return len(m.symbols[i].text) > len(m.symbols[j].text) })
	for _, wi := range m.words {
		sort.SliceStable(wi.phrases, func(i, j int) bool { return len(wi.phrases[i].rest) > len(wi.phrases[j].rest) })
	}
	return m, nil
}

// addPhrase records a noun or excluded entry: a single word sets the flag on
// the word itself, a phrase is kept on its first word.
func (m *model) addPhrase(p string, flag wordFlags, unit uint8) error {
	ws := splitPhrase(p)
	switch len(ws) {
	case 0:
		return fmt.Errorf("empty entry")
	case 1:
		wi := m.info(ws[0])
		wi.flags |= flag
		if flag == fNoun {
			wi.unit = unit
		}
	default:
		wi := m.info(ws[0])
		wi.phrases = append(wi.phrases, phrase{rest: ws[1:], flags: flag, unit: unit})
		for _, w := range ws[1:] {
			m.info(w) // in the filter so the scanner can look it up
		}
	}
	return nil
}

// loadModels reads every language's file and compiles one model per
// language plus one for documents of unknown language.
func loadModels(lex *lexicon.Set) (map[string]*model, *model, error) {
	files := make(map[string]*lexiconFile)
	for _, lang := range lex.Langs(Part) {
		f := &lexiconFile{}
		if err := lex.Load(lang, Part, f); err != nil {
			return nil, nil, fmt.Errorf("figures: %w", err)
		}
		files[lang] = f
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("figures: no %s lexicon in any language", Part)
	}
	byLang := make(map[string]*model, len(files))
	var allPersons []string
	for lang, f := range files {
		m, err := compile(map[string]*lexiconFile{lang: f})
		if err != nil {
			return nil, nil, fmt.Errorf("figures: lexicon %s: %w", lang, err)
		}
		if m.personNouns, err = lex.List(lang, lexicon.PersonNouns); err != nil {
			return nil, nil, fmt.Errorf("figures: %w", err)
		}
		if m.personAdjNouns, err = lex.List(lang, lexicon.PersonAdjNouns); err != nil {
			return nil, nil, fmt.Errorf("figures: %w", err)
		}
		if m.adjectives, err = lex.List(lang, lexicon.Adjectives); err != nil {
			return nil, nil, fmt.Errorf("figures: %w", err)
		}
		if m.personNouns != "" {
			allPersons = append(allPersons, lang)
		}
		byLang[lang] = m
	}
	all, err := compile(files)
	if err != nil {
		return nil, nil, fmt.Errorf("figures: merged lexicon: %w", err)
	}
	if len(allPersons) == 1 { // the merged model searches one list (English today)
		all.personNouns = byLang[allPersons[0]].personNouns
		all.personAdjNouns = byLang[allPersons[0]].personAdjNouns
	}
	return byLang, all, nil
}

// hashString is FNV-1a, the same function the scanner computes on the fly.
func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
