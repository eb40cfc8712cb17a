// Package segment splits a document into tokens and sentences, as byte spans
// over the original text.
//
// Tokenisation choices, for the stages that read the tokens:
//   - Words keep inner hyphens and apostrophes ("Al-Qaïda", "Hay'at", "don't"),
//     except where the lexicon says a piece is a clitic: French elisions split
//     after the apostrophe ("l’" + "Afghanistan"), English possessives and
//     contractions split before it ("Taliban" + "'s"), and French inverted
//     subject pronouns split at the hyphen ("a" + "-t-il", "dit" + "-elle").
//   - Dotted acronyms are one word token with their periods ("U.S.", "e.g.",
//     "J.-C.", "U.S.-led"); other abbreviations keep their period as a separate
//     punct token ("Mr" + "."), which the sentence splitter then ignores.
//   - Numbers are one TokNumber token whatever the convention: "10,000",
//     "10 000" (no-break, narrow no-break or thin space; a plain space where the
//     lexicon allows it), "10.000", "1.2", "1,2". Grouping needs a leading group
//     of 1 to 3 digits and groups of exactly 3. Signs, "%" and currency symbols
//     are punct tokens.
//   - ISO dates and ranges are split at the hyphen: "2021-08-15" is number,
//     punct, number, punct, number, the same shape as "2015-2019" or "10-15".
//   - Digits followed by a lexicon number suffix stay one word token ("21st",
//     "1er", "2e", "1990s"); other digit+letter runs split ("10m" → "10" + "m").
//   - "..." (any run of two or more periods) is one punct token; every other
//     punctuation or symbol rune is its own punct token, and so is every invalid
//     UTF-8 byte.
//
// Sentences never cross a boilerplate boundary or a blank line. A single line
// break ends a sentence when the next line looks like a new block (see
// lineBreakEnds); text that is hard-wrapped at a fixed width is detected per
// document and its line breaks are read as spaces.
package segment

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// Part is the lexicon part this stage reads.
const Part = "segment"

// lexiconFile is the shape of lexicon/data/<lang>/segment.yaml.
type lexiconFile struct {
	Titles            []string `yaml:"titles"`
	Abbreviations     []string `yaml:"abbreviations"`
	SeriesEnders      []string `yaml:"series_enders"`
	SentenceStarters  []string `yaml:"sentence_starters"`
	Elisions          []string `yaml:"elisions"`
	Contractions      []string `yaml:"contractions"`
	WholeWords        []string `yaml:"whole_words"`
	HyphenClitics     []string `yaml:"hyphen_clitics"`
	NumberSuffixes    []string `yaml:"number_suffixes"`
	SpaceGroupsDigits bool     `yaml:"space_groups_digits"`
}

// Stage fills Document.Tokens and Document.Sentences. It is immutable and safe
// for concurrent use.
type Stage struct {
	byLang map[string]*rules
	// union serves documents whose language is unknown or has no lexicon file.
	union *rules
}

// New compiles the segment lexicon of every language in lex.
func New(lex *lexicon.Set) (*Stage, error) {
	if lex == nil {
		return nil, errors.New("segment: nil lexicon set")
	}
	langs := lex.Langs(Part)
	if len(langs) == 0 {
		return nil, fmt.Errorf("segment: %w for part %q in any language", lexicon.ErrNoLexicon, Part)
	}
	s := &Stage{byLang: make(map[string]*rules, len(langs))}
	var all lexiconFile
	for _, lang := range langs {
		var f lexiconFile
		if err := lex.Load(lang, Part, &f); err != nil {
			return nil, fmt.Errorf("segment: %w", err)
		}
		s.byLang[lang] = compile(&f)
		all.merge(&f)
	}
	s.union = compile(&all)
	return s, nil
}

func (f *lexiconFile) merge(o *lexiconFile) {
	f.Titles = append(f.Titles, o.Titles...)
	f.Abbreviations = append(f.Abbreviations, o.Abbreviations...)
	f.SeriesEnders = append(f.SeriesEnders, o.SeriesEnders...)
	f.SentenceStarters = append(f.SentenceStarters, o.SentenceStarters...)
	f.Elisions = append(f.Elisions, o.Elisions...)
	f.Contractions = append(f.Contractions, o.Contractions...)
	f.WholeWords = append(f.WholeWords, o.WholeWords...)
	f.HyphenClitics = append(f.HyphenClitics, o.HyphenClitics...)
	f.NumberSuffixes = append(f.NumberSuffixes, o.NumberSuffixes...)
	f.SpaceGroupsDigits = f.SpaceGroupsDigits || o.SpaceGroupsDigits
}

// Name implements dossier.Stage.
func (s *Stage) Name() string { return "segment" }

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer {
	return []dossier.Layer{dossier.LayerBoilerplate, dossier.LayerLang}
}

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerTokens} }

// Process implements dossier.Stage: it replaces doc.Tokens and doc.Sentences.
func (s *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	toks, sents, err := s.segment(ctx, doc.Text, doc.ReadingLang(), doc.Boilerplate)
	if err != nil {
		return err
	}
	doc.Tokens, doc.Sentences = toks, sents
	return nil
}

// Segment tokenises text and splits it into sentences with the rules of lang
// ("" for the union of all languages). No sentence crosses a boundary of a
// boilerplate span.
func (s *Stage) Segment(text, lang string, boilerplate []dossier.Span) ([]dossier.Token, []dossier.Span) {
	toks, sents, _ := s.segment(context.Background(), text, lang, boilerplate)
	return toks, sents
}

func (s *Stage) rulesFor(lang string) *rules { return lexicon.ForLang(s.byLang, s.union, lang) }

func (s *Stage) segment(ctx context.Context, text, lang string, boilerplate []dossier.Span) ([]dossier.Token, []dossier.Span, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	r := s.rulesFor(lang)
	toks := make([]dossier.Token, 0, len(text)/5+4)
	sents := make([]dossier.Span, 0, len(text)/100+2)
	lay := measureLayout(text)
	start := 0
	for _, cut := range regionCuts(boilerplate, len(text)) {
		if cut <= start {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		first := len(toks)
		toks = r.tokenize(text, start, cut, toks)
		sents = r.sentences(text, toks, first, len(toks), lay, sents)
		start = cut
	}
	return toks, sents, nil
}

// regionCuts returns the sorted region ends that split text at every
// boilerplate boundary, ending with len(text).
func regionCuts(boilerplate []dossier.Span, n int) []int {
	if len(boilerplate) == 0 {
		return []int{n}
	}
	cuts := make([]int, 0, 2*len(boilerplate)+1)
	for _, b := range boilerplate {
		cuts = append(cuts, clamp(b.Start, n), clamp(b.End, n))
	}
	cuts = append(cuts, n)
	slices.Sort(cuts) // defensive: spans are meant to be sorted already
	return slices.Compact(cuts)
}

func clamp(v, n int) int {
	return min(max(v, 0), n)
}
