package claims

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// lexiconFile is the layout of lexicon/data/<lang>/claims.yaml.
type lexiconFile struct {
	// Relations are the predicate rules: entity type constraints and patterns.
	Relations []relationRule `yaml:"relations"`
	// Skip words are ignored inside a pattern's gap: adverbs and fillers
	// that do not change the relation ("also", "reportedly", "notamment").
	Skip []string `yaml:"skip"`
	// Negations are ignored for matching like skip words, but turn the claim
	// into a denial ("is not affiliated with", "n'a pas prêté allégeance").
	Negations []string `yaml:"negations"`
	// AppositionOpeners start an inserted clause after a name, which a
	// pattern may hop over to reach the verb ("X, which operates in Syria, is
	// at war with Y").
	AppositionOpeners []string `yaml:"apposition_openers"`
	// Conjunctions extend a claim's object over a list ("Turkey, Lebanon and Jordan").
	Conjunctions []string `yaml:"conjunctions"`
	// Determiners are dropped from the front of an unnamed source's description.
	Determiners []string `yaml:"determiners"`
	// Articles right before a name are ignored ("a spokesman for the Lady
	// Reading Hospital" matches "spokesman for Y").
	Articles []string `yaml:"articles"`
	// Anaphora lets a pronoun or a definite description stand for the one
	// entity of its kind named in the last sentences ("He joined…",
	// "le chef du groupe").
	Anaphora struct {
		// Determiners make a description definite ("the", "le", "du").
		Determiners []string `yaml:"determiners"`
		// Modifiers may stand around the head noun ("the jihadist group",
		// "le groupe terroriste").
		Modifiers []string `yaml:"modifiers"`
		// GroupNouns head a description of an armed group ("group", "organisation").
		GroupNouns []string `yaml:"group_nouns"`
		// PersonPronouns stand for the last person named ("he", "il").
		PersonPronouns []string `yaml:"person_pronouns"`
	} `yaml:"anaphora"`
	// BranchCues confirm, with the knowledge base, that an organisation
	// named with its parent is a part of it ("branch", "province", "filiale").
	BranchCues []string `yaml:"branch_cues"`
	// PlaceCues join two place names the knowledge base nests ("in",
	// "of", "en"); PlaceWords may stand between them ("northern", "province").
	PlaceCues  []string `yaml:"place_cues"`
	PlaceWords []string `yaml:"place_words"`
	// LocativePreps before a place name make it a modifier that patterns
	// read through like a word: "a spokesman in Doha for the Taliban".
	LocativePreps []string `yaml:"locative_preps"`
	// Attacks describe attack events: attack words, the prepositions before
	// a struck place and the fillers that may follow them, and the cues
	// that name an attack's author after or before the name.
	Attacks struct {
		Words             []string `yaml:"words"`
		PlacePreps        []string `yaml:"place_preps"`
		PlaceFillers      []string `yaml:"place_fillers"`
		PerpetratorAfter  []string `yaml:"perpetrator_after"`
		PerpetratorBefore []string `yaml:"perpetrator_before"`
	} `yaml:"attacks"`
	// StreetNouns start the names of streets, bridges and squares, which
	// lie in the city the article last named ("rue des Orfèvres").
	StreetNouns []string `yaml:"street_nouns"`
	Modality    struct {
		// Reported cues say the article relays someone else's statement.
		Reported []string `yaml:"reported"`
		// Hedged cues weaken the claim ("may", "reportedly", "aurait").
		Hedged []string `yaml:"hedged"`
		// Denied cues reject it ("denied", "a démenti").
		Denied []string `yaml:"denied"`
	} `yaml:"modality"`
	Attribution struct {
		// SourceCues are followed by the source ("according to", "selon").
		SourceCues []string `yaml:"source_cues"`
		// SpeechVerbs have the source as their subject or, inverted, just after them.
		SpeechVerbs []string `yaml:"speech_verbs"`
		// Auxiliaries may stand between a subject and its speech verb ("has said").
		Auxiliaries []string `yaml:"auxiliaries"`
		// Pronouns as subjects of a speech verb name no source of their own.
		Pronouns []string `yaml:"pronouns"`
	} `yaml:"attribution"`
}

// relationRule is one predicate with its patterns.
type relationRule struct {
	Predicate string   `yaml:"predicate"`
	Subject   []string `yaml:"subject"` // allowed entity types of X
	Object    []string `yaml:"object"`  // allowed entity types of Y
	// SubjectKinds and ObjectKinds restrict KB-linked entities to these kinds;
	// entities unknown to the KB pass.
	SubjectKinds []string `yaml:"subject_kinds"`
	ObjectKinds  []string `yaml:"object_kinds"`
	// Known makes the kind restrictions strict: an entity unknown to the KB fails.
	Known bool `yaml:"known"`
	// Geo, for place-in-place rules: "contained" requires the KB to confirm
	// that X lies in Y; "plausible" only rejects what the KB contradicts.
	Geo string `yaml:"geo"`
	// Unless lists words whose presence in the sentence blocks the rule
	// (a group "in" a city during an attack is not based there).
	Unless []string `yaml:"unless"`
	// Weight scales the confidence of claims from this rule (default 1).
	Weight float64 `yaml:"weight"`
	// Symmetric rules state the relation both ways ("X is at war with Y").
	Symmetric bool `yaml:"symmetric"`
	// Patterns use X (subject) and Y (object) with the words around them:
	// "a|b" alternatives ("a_b" for several words), "word?" optional, "*" up to 3 words, "*N" up to N, "+N" 1 to N.
	Patterns []string `yaml:"patterns"`
}

// element is one position of a compiled pattern.
type element struct {
	alts     [][]string      // token sequences, any of which matches
	single   map[string]bool // the one-token alternatives, for a single look-up
	multi    [][]string      // the longer alternatives
	optional bool
	wildcard int // >0: matches minWords..wildcard word or name tokens
	minWords int
}

// pattern is a compiled pattern of one rule.
type pattern struct {
	rule    *rule
	source  string
	xFirst  bool      // X comes before Y in the text
	prefix  []element // before the first placeholder, anchored at its left edge
	middle  []element // between the placeholders, matching the whole gap
	suffix  []element // after the second placeholder, anchored at its right edge
	trigger bool      // the middle carries the predicate words (else the prefix or suffix does)
}

// rule is a compiled relationRule.
type rule struct {
	predicate    string
	subject      map[string]bool
	object       map[string]bool
	subjectKinds map[string]bool
	objectKinds  map[string]bool
	geo          string
	unless       map[string]bool
	weight       float64
	symmetric    bool
	known        bool
}

// cuePhrase is one modality or attribution cue.
type cuePhrase struct {
	words []string
	kind  cueKind
}

// phrasesOf builds the phrase set of a lexicon list, cut into lowered words.
func phrasesOf(list []string) *lexicon.Phrases { return lexicon.NewPhrases(list, splitWords) }

// langData is everything the stage needs for one language, compiled once.
type langData struct {
	patterns     []*pattern
	byFirst      map[string][]*pattern // by the first word of the middle
	anyFirst     []*pattern            // middles starting with an optional element or wildcard, or empty
	skip         *lexicon.Phrases
	negations    *lexicon.Phrases
	conjunctions *lexicon.Phrases
	openers      map[string]bool
	determiners  map[string]bool
	articles     *lexicon.Phrases
	reported     *lexicon.Phrases
	hedged       *lexicon.Phrases
	denied       *lexicon.Phrases
	sourceCues   *lexicon.Phrases
	speechVerbs  *lexicon.Phrases
	cues         map[string][]cuePhrase // every cue by first word, longest and most decisive first
	auxiliaries  map[string]bool
	pronouns     map[string]bool
	anaphora     anaphorData
	branchCues   map[string]bool
	placeCues    map[string]bool
	placeWords   map[string]bool
	locatives    map[string]bool
	attacks      attackData
	streetNouns  map[string]bool
}

var validPredicates = map[string]bool{
	dossier.PredLeads: true, dossier.PredMemberOf: true, dossier.PredPartOf: true,
	dossier.PredAffiliatedWith: true, dossier.PredAlliedWith: true, dossier.PredOpposes: true,
	dossier.PredLocatedIn: true, dossier.PredAttacked: true,
}

var validTypes = map[string]bool{dossier.TypePER: true, dossier.TypeORG: true, dossier.TypeLOC: true}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		for _, t := range splitWords(w) {
			m[t] = true
		}
	}
	return m
}

// kindSet keeps KB kinds verbatim ("armed_group").
func kindSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, k := range list {
		m[k] = true
	}
	return m
}

func typeSet(list []string, what string) (map[string]bool, error) {
	if len(list) == 0 {
		return nil, fmt.Errorf("%s: no entity types", what)
	}
	m := make(map[string]bool, len(list))
	for _, t := range list {
		if !validTypes[t] {
			return nil, fmt.Errorf("%s: unknown entity type %q", what, t)
		}
		m[t] = true
	}
	return m, nil
}

// loadLang reads and compiles one language's claims lexicon.
func loadLang(lex *lexicon.Set, lang string) (*langData, error) {
	var f lexiconFile
	if err := lex.Load(lang, "claims", &f); err != nil {
		return nil, err
	}
	d := &langData{
		byFirst:      map[string][]*pattern{},
		skip:         phrasesOf(f.Skip),
		negations:    phrasesOf(f.Negations),
		conjunctions: phrasesOf(f.Conjunctions),
		openers:      setOf(f.AppositionOpeners),
		determiners:  setOf(f.Determiners),
		articles:     phrasesOf(f.Articles),
		reported:     phrasesOf(f.Modality.Reported),
		hedged:       phrasesOf(f.Modality.Hedged),
		denied:       phrasesOf(f.Modality.Denied),
		sourceCues:   phrasesOf(f.Attribution.SourceCues),
		speechVerbs:  phrasesOf(f.Attribution.SpeechVerbs),
		auxiliaries:  setOf(f.Attribution.Auxiliaries),
		pronouns:     setOf(f.Attribution.Pronouns),
		branchCues:   setOf(f.BranchCues),
		placeCues:    setOf(f.PlaceCues),
		placeWords:   setOf(f.PlaceWords),
		locatives:    setOf(f.LocativePreps),
		streetNouns:  setOf(f.StreetNouns),
		attacks: attackData{
			words:      setOf(f.Attacks.Words),
			preps:      setOf(f.Attacks.PlacePreps),
			fillers:    setOf(f.Attacks.PlaceFillers),
			perpAfter:  phrasesOf(f.Attacks.PerpetratorAfter),
			perpBefore: phrasesOf(f.Attacks.PerpetratorBefore),
		},
		anaphora: anaphorData{
			determiners: setOf(f.Anaphora.Determiners),
			modifiers:   setOf(f.Anaphora.Modifiers),
			groupNouns:  setOf(f.Anaphora.GroupNouns),
			pronouns:    setOf(f.Anaphora.PersonPronouns),
		},
	}
	d.cues = map[string][]cuePhrase{}
	for _, set := range [...]struct {
		ps   *lexicon.Phrases
		kind cueKind
	}{{d.denied, cueDenied}, {d.hedged, cueHedged}, {d.sourceCues, cueSource}, {d.speechVerbs, cueSpeech}, {d.reported, cueReported}} {
		for w := range set.ps.All() {
			d.cues[w[0]] = append(d.cues[w[0]], cuePhrase{words: w, kind: set.kind})
		}
	}
	for k := range d.cues {
		// Longer phrases first; at equal length the kind order above decides.
		slices.SortStableFunc(d.cues[k], func(a, b cuePhrase) int { return len(b.words) - len(a.words) })
	}
	for i := range f.Relations {
		rr := &f.Relations[i]
		where := fmt.Sprintf("%s relation %d (%s)", lang, i, rr.Predicate)
		if !validPredicates[rr.Predicate] {
			return nil, fmt.Errorf("%s: unknown predicate", where)
		}
		r := &rule{predicate: rr.Predicate, geo: rr.Geo, weight: rr.Weight, unless: setOf(rr.Unless), symmetric: rr.Symmetric, known: rr.Known}
		if r.weight == 0 {
			r.weight = 1
		}
		if r.weight < 0 || r.weight > 1 {
			return nil, fmt.Errorf("%s: weight %v outside (0, 1]", where, rr.Weight)
		}
		switch r.geo {
		case "", "contained", "plausible":
		default:
			return nil, fmt.Errorf("%s: unknown geo %q", where, r.geo)
		}
		var err error
		if r.subject, err = typeSet(rr.Subject, where+" subject"); err != nil {
			return nil, err
		}
		if r.object, err = typeSet(rr.Object, where+" object"); err != nil {
			return nil, err
		}
		if len(rr.SubjectKinds) > 0 {
			r.subjectKinds = kindSet(rr.SubjectKinds)
		}
		if len(rr.ObjectKinds) > 0 {
			r.objectKinds = kindSet(rr.ObjectKinds)
		}
		if len(rr.Patterns) == 0 {
			return nil, fmt.Errorf("%s: no patterns", where)
		}
		for _, src := range rr.Patterns {
			p, err := compilePattern(src)
			if err != nil {
				return nil, fmt.Errorf("%s: pattern %q: %w", where, src, err)
			}
			p.rule = r
			if !p.trigger && !hasLiteral(p.prefix) && !hasLiteral(p.suffix) && r.geo != "contained" {
				// Bare juxtaposition states nothing unless the KB confirms it.
				return nil, fmt.Errorf("%s: pattern %q: no trigger words", where, src)
			}
			d.patterns = append(d.patterns, p)
			if firsts, ok := firstWords(p.middle); ok {
				for w := range firsts {
					d.byFirst[w] = append(d.byFirst[w], p)
				}
			} else {
				d.anyFirst = append(d.anyFirst, p)
			}
		}
	}
	return d, nil
}

// firstWords lists the words a middle can start with, through its leading
// optional elements, so that a gap only meets patterns that can match it.
// ok is false when the middle can be empty or start with a wildcard.
func firstWords(middle []element) (map[string]bool, bool) {
	out := map[string]bool{}
	for _, el := range middle {
		if el.wildcard > 0 {
			return nil, false
		}
		for _, alt := range el.alts {
			out[alt[0]] = true
		}
		if !el.optional {
			return out, true
		}
	}
	return nil, false
}

// compilePattern parses "X , the|a? leader of Y" into its three segments.
func compilePattern(src string) (*pattern, error) {
	p := &pattern{source: src}
	seg := 0 // 0 prefix, 1 middle, 2 suffix
	seen := ""
	for _, field := range strings.Fields(src) {
		if field == "X" || field == "Y" {
			if strings.Contains(seen, field) {
				return nil, fmt.Errorf("%s twice", field)
			}
			if seen == "" {
				p.xFirst = field == "X"
			}
			seen += field
			seg++
			continue
		}
		el, err := compileElement(field)
		if err != nil {
			return nil, err
		}
		switch seg {
		case 0:
			p.prefix = append(p.prefix, el)
		case 1:
			p.middle = append(p.middle, el)
		default:
			p.suffix = append(p.suffix, el)
		}
	}
	if len(seen) != 2 {
		return nil, errors.New("needs both X and Y")
	}
	// A leading wildcard would let any words stand between the subject and
	// the predicate ("X said that Y attacked Z").
	if len(p.middle) > 0 && p.xFirst && p.middle[0].wildcard > 0 {
		return nil, errors.New("middle starts with a wildcard")
	}
	p.trigger = hasLiteral(p.middle)
	return p, nil
}

func hasLiteral(els []element) bool {
	for _, e := range els {
		if e.wildcard == 0 {
			for _, a := range e.alts {
				for _, w := range a {
					if w != "," {
						return true
					}
				}
			}
		}
	}
	return false
}

func compileElement(field string) (element, error) {
	if strings.HasPrefix(field, "*") || strings.HasPrefix(field, "+") && len(field) > 1 {
		n := 3
		if len(field) > 1 {
			v, err := strconv.Atoi(field[1:])
			if err != nil || v < 1 || v > 12 {
				return element{}, fmt.Errorf("bad wildcard %q", field)
			}
			n = v
		}
		el := element{wildcard: n}
		if field[0] == '+' {
			el.minWords = 1 // "X killed +4 in Y": "X killed in Y" is a passive headline
		}
		return el, nil
	}
	var el element
	if len(field) > 1 && strings.HasSuffix(field, "?") {
		el.optional = true
		field = field[:len(field)-1]
	}
	for _, alt := range strings.Split(field, "|") {
		// "_" joins the words of a multi-word alternative: "carried_out|launched".
		w := splitWords(strings.ReplaceAll(alt, "_", " "))
		if len(w) == 0 {
			return element{}, fmt.Errorf("empty alternative in %q", field)
		}
		el.alts = append(el.alts, w)
		if len(w) == 1 {
			if el.single == nil {
				el.single = map[string]bool{}
			}
			el.single[w[0]] = true
		} else {
			el.multi = append(el.multi, w)
		}
	}
	return el, nil
}
