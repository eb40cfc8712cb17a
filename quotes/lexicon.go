package quotes

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/lexicon"
)

// Part is the lexicon part this stage reads: lexicon/data/<lang>/quotes.yaml.
const Part = "quotes"

// lexiconFile is the layout of lexicon/data/<lang>/quotes.yaml.
type lexiconFile struct {
	// Verbs are speech and stance verbs in every tense; their subject is the speaker.
	Verbs []string `yaml:"verbs"`
	// SourceCues are followed by the speaker ("according to", "selon").
	SourceCues []string `yaml:"source_cues"`
	// Auxiliaries stand between a subject and its verb and join the verb span.
	Auxiliaries []string `yaml:"auxiliaries"`
	// Clitics are inverted subject pronouns glued to the verb ("-t-il").
	Clitics  []string `yaml:"clitics"`
	Pronouns struct {
		// Person pronouns refer to a person or an unnamed human source.
		Person []string `yaml:"person"`
		// Any pronouns refer to any speaker, institutions included.
		Any    []string `yaml:"any"`
		Plural []string `yaml:"plural"`
		// Thing pronouns refer to an organisation.
		Thing []string `yaml:"thing"`
	} `yaml:"pronouns"`
	Determiners struct {
		Definite   []string `yaml:"definite"`
		Indefinite []string `yaml:"indefinite"`
		Possessive []string `yaml:"possessive"`
	} `yaml:"determiners"`
	// SourceNouns head unnamed-source phrases ("official", "source proche").
	SourceNouns []string `yaml:"source_nouns"`
	// PersonNouns, after a definite article, refer back to the last person quoted.
	PersonNouns []string `yaml:"person_nouns"`
	// FeminineSuffixes turn the listed source and person nouns into their
	// feminine forms, singular and plural (["eur", "euse"]: "enquêteur" →
	// "enquêteuse"; ["", "e"] after a word not ending in "e"), so that the
	// lists name each noun once.
	FeminineSuffixes [][2]string `yaml:"feminine_suffixes"`
	// DocumentNouns speak for their owner ("a UN report said").
	DocumentNouns []string `yaml:"document_nouns"`
	// AddresseeVerbs are followed by their addressee ("told reporters"), never by an inverted speaker.
	AddresseeVerbs []string `yaml:"addressee_verbs"`
	// NPLinks join the parts of one speaker phrase ("the head of the DGSI").
	NPLinks []string `yaml:"np_links"`
	// NPStops end a speaker phrase.
	NPStops []string `yaml:"np_stops"`
	// Adverbs are skipped around subjects and verbs; AdverbSuffixes catch the rest.
	Adverbs        []string `yaml:"adverbs"`
	AdverbSuffixes []string `yaml:"adverb_suffixes"`
	// Conjunctions before a verb ("… and said") hand it the sentence's subject.
	Conjunctions []string `yaml:"conjunctions"`
	// Relatives before a verb ("X, who said") hand it the phrase before them.
	Relatives []string `yaml:"relatives"`
	// TitleCues before a quoted string make it a title, not a quote.
	TitleCues []string `yaml:"title_cues"`
	// ChargePrefixes start legal charge names, which are not quotes.
	ChargePrefixes []string `yaml:"charge_prefixes"`
	// ParticipleSuffixes end the participles of the speech verbs ("saying",
	// "déclarant"): after a comma, or a gerund marker ("en"), their subject
	// is the sentence's ("X condemned the attack, saying …").
	ParticipleSuffixes []string `yaml:"participle_suffixes"`
	GerundMarkers      []string `yaml:"gerund_markers"`
}

// word classes, as bit flags over one folded word.
const (
	cVerb uint32 = 1 << iota
	cDefinite
	cIndefinite
	cPossessive
	cPronPerson
	cPronAny
	cPronPlural
	cPronThing
	cSourceNoun
	cPersonNoun
	cDocumentNoun
	cStop
	cAdverb
	cConjunction
	cRelative
	cTitleCue
	cClitic
	cAddressee
	cLink
	cCue // first word of a source cue
	cParticiple
	cGerund
)

const cPronoun = cPronPerson | cPronAny | cPronPlural | cPronThing
const cDeterminer = cDefinite | cIndefinite | cPossessive

// rules is one language's compiled lexicon.
type rules struct {
	words map[string]uint32
	// people lists the nouns that denote a person (generated from WordNet
	// for English): any of them may head an unnamed source ("a nurse", "a
	// shopkeeper"), though source_nouns does not name it.
	people      lexicon.WordList
	sourceCues  lexicon.Phrases
	auxiliaries lexicon.Phrases
	adverbs     lexicon.Phrases
	adverbSuf   []string
	charges     []string // folded
}

// loadRules compiles every language that has a quotes lexicon.
func loadRules(lex *lexicon.Set) (map[string]*rules, error) {
	out := map[string]*rules{}
	for _, lang := range lex.Langs(Part) {
		var f lexiconFile
		if err := lex.Load(lang, Part, &f); err != nil {
			if errors.Is(err, lexicon.ErrNoLexicon) {
				continue
			}
			return nil, fmt.Errorf("quotes: %w", err)
		}
		r, err := compile(&f)
		if err != nil {
			return nil, fmt.Errorf("quotes: lexicon %s: %w", lang, err)
		}
		if r.people, err = lex.List(lang, lexicon.PersonNouns); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		out[lang] = r
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("quotes: %w for part %q", lexicon.ErrNoLexicon, Part)
	}
	return out, nil
}

// feminines returns the feminine forms of the single words of nouns by the
// suffix rules: the masculine ending, the feminine one. An empty masculine
// ending applies to a word that does not end in "e" already.
func feminines(nouns []string, rules [][2]string) []string {
	var out []string
	for _, n := range nouns {
		toks := splitPhrase(n)
		if len(toks) != 1 {
			continue
		}
		w := toks[0]
		for _, r := range rules {
			from, to := string(fold(nil, r[0])), string(fold(nil, r[1]))
			switch {
			case from == "" && !strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "s"):
				out = append(out, w+to)
			case from != "" && strings.HasSuffix(w, from) && len(w) > len(from):
				out = append(out, w[:len(w)-len(from)]+to)
			}
		}
	}
	return out
}

func compile(f *lexiconFile) (*rules, error) {
	if len(f.Verbs) == 0 {
		return nil, errors.New("no speech verbs")
	}
	r := &rules{words: map[string]uint32{}}
	set := func(list []string, c uint32) {
		for _, w := range list {
			toks := splitPhrase(w)
			if len(toks) == 1 {
				r.words[toks[0]] |= c
			}
		}
	}
	set(f.Verbs, cVerb)
	set(f.Determiners.Definite, cDefinite)
	set(f.Determiners.Indefinite, cIndefinite)
	set(f.Determiners.Possessive, cPossessive)
	set(f.Pronouns.Person, cPronPerson)
	set(f.Pronouns.Any, cPronAny)
	set(f.Pronouns.Plural, cPronPlural)
	set(f.Pronouns.Thing, cPronThing)
	set(f.SourceNouns, cSourceNoun)
	set(f.PersonNouns, cPersonNoun)
	for _, fem := range feminines(f.SourceNouns, f.FeminineSuffixes) {
		if _, ok := r.words[fem]; !ok {
			r.words[fem] = cSourceNoun
		}
	}
	for _, fem := range feminines(f.PersonNouns, f.FeminineSuffixes) {
		if c, ok := r.words[fem]; !ok || c == cSourceNoun {
			r.words[fem] = c | cPersonNoun
		}
	}
	set(f.DocumentNouns, cDocumentNoun)
	set(f.NPStops, cStop)
	set(f.Adverbs, cAdverb)
	set(f.Conjunctions, cConjunction)
	set(f.Relatives, cRelative)
	set(f.TitleCues, cTitleCue)
	set(f.Clitics, cClitic)
	set(f.AddresseeVerbs, cAddressee)
	set(f.NPLinks, cLink)
	set(f.GerundMarkers, cGerund)
	for _, v := range f.Verbs {
		toks := splitPhrase(v)
		if len(toks) != 1 {
			continue
		}
		for _, sfx := range f.ParticipleSuffixes {
			if s := string(fold(nil, sfx)); len(toks[0]) > len(s)+2 && toks[0][len(toks[0])-len(s):] == s {
				r.words[toks[0]] |= cParticiple
			}
		}
	}
	for _, p := range f.SourceCues {
		toks := splitPhrase(p)
		r.sourceCues.Add(toks)
		if len(toks) > 0 {
			r.words[toks[0]] |= cCue
		}
	}
	for _, p := range f.Auxiliaries {
		r.auxiliaries.Add(splitPhrase(p))
	}
	for _, p := range f.Adverbs {
		if toks := splitPhrase(p); len(toks) > 1 {
			r.adverbs.Add(toks)
		}
	}
	for _, s := range f.AdverbSuffixes {
		r.adverbSuf = append(r.adverbSuf, string(fold(nil, s)))
	}
	for _, s := range f.ChargePrefixes {
		r.charges = append(r.charges, string(fold(nil, s)))
	}
	return r, nil
}

// splitPhrase cuts a lexicon phrase the way the segmenter cuts text: at
// spaces, and after an elided article's apostrophe ("d'après" → "d'", "après").
func splitPhrase(p string) []string {
	var out []string
	b := fold(nil, p)
	start := 0
	for i := 0; i <= len(b); i++ {
		switch {
		case i == len(b) || b[i] == ' ':
			if i > start {
				out = append(out, string(b[start:i]))
			}
			start = i + 1
		case b[i] == '\'' && i > start && i-start <= 2 && i+1 < len(b) && b[i+1] != ' ':
			out = append(out, string(b[start:i+1]))
			start = i + 1
		}
	}
	return out
}

// fold appends the lowercase form of s to dst, with ’ written as '.
func fold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '’' || r == 'ʼ' || r == '‘':
			dst = append(dst, '\'')
		case r == utf8.RuneError && n == 1:
			dst = append(dst, '?')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}
