package clean

import (
	"errors"
	"fmt"

	"github.com/dossier-project/dossier/lexicon"
)

// lexiconPart names the data files this package reads: data/<lang>/clean.yaml.
const lexiconPart = "clean"

// cueFile is the layout of data/<lang>/clean.yaml.
type cueFile struct {
	StopWords   []string `yaml:"stop_words"`
	Lines       []string `yaml:"lines"`
	Prefixes    []string `yaml:"prefixes"`
	Phrases     []string `yaml:"phrases"`
	Soft        []string `yaml:"soft"`
	ListHeaders []string `yaml:"list_headers"`
	// EndHeaders close the article: what stands under them is about its
	// author or the site ("About the author"), never more of the article.
	EndHeaders    []string `yaml:"end_headers"`
	Sections      []string `yaml:"sections"`
	DateWords     []string `yaml:"date_words"`
	Placeholders  []string `yaml:"placeholders"`
	BylineMarkers []string `yaml:"byline_markers"`
	// BylineTails end a line that credits the names before them
	// ("Lena Varga and Tom Ashby contributed to this report.").
	BylineTails []string `yaml:"byline_tails"`
	// ReaderWords address the reader ("you", "vous"); SiteVoice is the
	// site speaking of itself ("we", "nous"); SiteWords name the page and its
	// services ("comments", "journalism", "abonnement"). Together after the
	// article's last paragraph they make an appeal or a notice.
	ReaderWords []string `yaml:"reader_words"`
	SiteVoice   []string `yaml:"site_voice"`
	SiteWords   []string `yaml:"site_words"`
	// ReaderOpeners address the reader when they open the line ("Please
	// log in…", "Veuillez…"); inside a sentence they are the article's
	// ("police asked residents to please stay away").
	ReaderOpeners []string `yaml:"reader_openers"`
	// AuthorRoles describe a writer ("correspondent", "writes", "journaliste"):
	// a paragraph opening with the author's name and holding one is the
	// author's biography, not the article.
	AuthorRoles []string `yaml:"author_roles"`
	// BioVerbs join a name to what the person is ("is", "est"): a last
	// paragraph "Name Surname is a senior writer for …" is the author's
	// biography even where no byline names the author.
	BioVerbs []string `yaml:"bio_verbs"`
	// BioPreps follow the writer's role in a biography and name the
	// outlet ("a senior writer for …", "journaliste au …"); "a journalist
	// who was held …" is the article's.
	BioPreps []string `yaml:"bio_preps"`
	// RightsWords and ReservedWords together in one line make it a
	// copyright notice, whatever stands between them ("All rights of the
	// publication are reserved by …", "Tous droits de reproduction réservés").
	RightsWords   []string `yaml:"rights_words"`
	ReservedWords []string `yaml:"reserved_words"`
	// CountUnits follow a number in a page's metadata ("317 words", "3 min
	// read", "317 mots").
	CountUnits []string `yaml:"count_units"`
	// Demonstratives and SelfNouns make the page speak of itself ("this
	// article", "cet article"): such a line outside the article's prose is a
	// notice ("This article is more than 3 years old", "This story was first
	// published by…").
	Demonstratives []string `yaml:"demonstratives"`
	SelfNouns      []string `yaml:"self_nouns"`
}

// Word classes, as bits of wordEntry.flags.
const (
	wStop uint16 = 1 << iota
	wDate
	wSection
	wPlaceholder
	wReader
	wVoice
	wSite
	wUnit
	wDemonstrative
	wSelf
	wReaderOpener
	wAuthorRole
	wBioVerb
	wBioPrep
	wRights
	wReserved
)

// cueKind says where a cue phrase must occur in a line for it to count.
type cueKind uint8

const (
	cueWhole      cueKind = iota + 1 // the whole line
	cuePrefix                        // at the start of the line
	cueListHeader                    // at the start of a short line: opens a link list
	cueEndHeader                     // a whole short line: the article ends above it
	cuePhrase                        // anywhere in a short or medium line
	cueSoft                          // anywhere: promotional vocabulary, needs company
	cueByline                        // anywhere, followed by a capitalised word
	cueBylineTail                    // at the end of the line, after a capitalised word
)

// phrase is one normalised cue.
type phrase struct {
	norm  string
	kind  cueKind
	words int32 // number of tokens
	id    int32 // distinct soft cues are counted by id
}

// wordEntry is what the compiled lexicon knows about one normalised word.
type wordEntry struct {
	word  string
	hash  uint32
	flags uint16
	// phrases lists the cues whose first word this is.
	phrases []phrase
}

// compiled is the union of every language's cues, keyed by normalised word.
// It is built once by New and never modified afterwards.
type compiled struct {
	words   map[string]int32 // index into entries
	entries []wordEntry
	// slots is an open-addressing table over entries keyed by the FNV-1a
	// hash the scanner computes while it writes each token, so a lookup
	// costs no second hash: slot value is entry index + 1, 0 when empty.
	slots []int32
	mask  uint32
}

// find returns the index of word (whose FNV-1a hash is h) in entries, or -1.
func (c *compiled) find(word []byte, h uint32) int32 {
	for i := h & c.mask; ; i = (i + 1) & c.mask {
		v := c.slots[i]
		if v == 0 {
			return -1
		}
		e := &c.entries[v-1]
		if e.hash == h && e.word == string(word) {
			return v - 1
		}
	}
}

// buildSlots fills the lookup table, at most a quarter full.
func (c *compiled) buildSlots() {
	size := 64
	for size < 4*len(c.entries) {
		size *= 2
	}
	c.slots = make([]int32, size)
	c.mask = uint32(size - 1)
	for idx := range c.entries {
		e := &c.entries[idx]
		i := e.hash & c.mask
		for c.slots[i] != 0 {
			i = (i + 1) & c.mask
		}
		c.slots[i] = int32(idx) + 1
	}
}

func compile(lex *lexicon.Set) (*compiled, error) {
	if lex == nil {
		return nil, errors.New("clean: nil lexicon set")
	}
	langs := lex.Langs(lexiconPart)
	if len(langs) == 0 {
		return nil, fmt.Errorf("clean: no %s.yaml in any language: %w", lexiconPart, lexicon.ErrNoLexicon)
	}
	c := &compiled{words: make(map[string]int32, 1024)}
	ids := make(map[string]int32)
	for _, lang := range langs {
		var f cueFile
		if err := lex.Load(lang, lexiconPart, &f); err != nil {
			return nil, fmt.Errorf("clean: load %s cues: %w", lang, err)
		}
		for _, group := range []struct {
			flag  uint16
			words []string
		}{
			{wStop, f.StopWords},
			{wDate, f.DateWords},
			{wSection, f.Sections},
			{wPlaceholder, f.Placeholders},
			{wReader, f.ReaderWords},
			{wVoice, f.SiteVoice},
			{wSite, f.SiteWords},
			{wUnit, f.CountUnits},
			{wDemonstrative, f.Demonstratives},
			{wSelf, f.SelfNouns},
			{wReaderOpener, f.ReaderOpeners},
			{wAuthorRole, f.AuthorRoles},
			{wBioVerb, f.BioVerbs},
			{wBioPrep, f.BioPreps},
			{wRights, f.RightsWords},
			{wReserved, f.ReservedWords},
		} {
			for _, w := range group.words {
				for _, tok := range normalizeTokens(w) {
					c.entry(tok).flags |= group.flag
				}
			}
		}
		for _, group := range []struct {
			kind    cueKind
			phrases []string
		}{
			{cueWhole, f.Lines},
			{cuePrefix, f.Prefixes},
			{cueListHeader, f.ListHeaders},
			{cueEndHeader, f.EndHeaders},
			{cuePhrase, f.Phrases},
			{cueSoft, f.Soft},
			{cueByline, f.BylineMarkers},
			{cueBylineTail, f.BylineTails},
		} {
			for _, p := range group.phrases {
				toks := normalizeTokens(p)
				if len(toks) == 0 {
					return nil, fmt.Errorf("clean: %s cues: %q has no words", lang, p)
				}
				norm := joinTokens(toks)
				// Languages share cues ("newsletter"): one id per distinct
				// text, so a shared cue counts once.
				id, ok := ids[norm]
				if !ok {
					id = int32(len(ids))
					ids[norm] = id
				}
				e := c.entry(toks[0])
				if !hasPhrase(e.phrases, id, group.kind) {
					e.phrases = append(e.phrases, phrase{norm: norm, kind: group.kind, words: int32(len(toks)), id: id})
				}
			}
		}
	}
	c.buildSlots()
	return c, nil
}

func hasPhrase(ps []phrase, id int32, kind cueKind) bool {
	for _, p := range ps {
		if p.id == id && p.kind == kind {
			return true
		}
	}
	return false
}

func (c *compiled) entry(word string) *wordEntry {
	idx, ok := c.words[word]
	if !ok {
		idx = int32(len(c.entries))
		c.entries = append(c.entries, wordEntry{word: word, hash: fnvString(word)})
		c.words[word] = idx
	}
	return &c.entries[idx]
}

// normalizeTokens splits s into normalised tokens the way the line scanner does.
func normalizeTokens(s string) []string {
	var sc scanner
	sc.scan(s, 0, len(s), nil)
	out := make([]string, len(sc.tokStart))
	for i := range sc.tokStart {
		out[i] = string(sc.norm[sc.tokStart[i]:sc.tokEnd[i]])
	}
	return out
}

func joinTokens(toks []string) string {
	n := 0
	for _, t := range toks {
		n += len(t) + 1
	}
	b := make([]byte, 0, n)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t...)
	}
	return string(b)
}
