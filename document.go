// Package dossier holds the domain types shared by every pipeline stage.
//
// A Document carries the original text and annotation layers over it. Every
// annotation is a Span of byte offsets into Document.Text, in the manner of
// go/token positions: stages add layers and never rewrite the text.
package dossier

import (
	"strings"
	"time"
)

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Document is one article and every annotation layer found in it.
type Document struct {
	// Name identifies the input: a path as given on the command line, a URL, or "-".
	Name string
	// Format is the reader that produced the text: "txt" or "html".
	Format string
	// Text is the UTF-8 text that all spans index. For UTF-8 plain text it is
	// the input file byte for byte; for other encodings it is the decoded
	// text; for HTML it is the page rendered as text (see package read).
	Text string
	// Meta is what the reader and the metadata stages learnt about the document.
	Meta Meta
	// Lang is the ISO 639-1 code of the body, or "" when undetermined.
	Lang string
	// LangGuess is the likeliest language when Lang is "" (too little prose
	// to tell: a results table, a list of names). It is never reported; it
	// only picks the word lists the stages read such a document with.
	LangGuess string

	// Boilerplate spans cover text that is not part of the article: navigation,
	// subscription prompts, related-article lists, credits. Sorted, disjoint,
	// each a whole line (or block) of Text.
	Boilerplate []Span
	// Sentences and Tokens come from the segmenter; both sorted by Start.
	Sentences []Span
	Tokens    []Token
	// Timexes are dates and times found in the text, normalised against the
	// publication date when it is known.
	Timexes []Timex
	// Figures are counts of people, money and casualties.
	Figures []Figure
	// Mentions are names in the text, sorted by Start; Entities group them.
	Mentions []Mention
	Entities []Entity
	// Quotes and Claims come from the attribution stages.
	Quotes []Quote
	Claims []Claim
	// Sources are the unnamed sources the quotes and claims are attributed
	// to, one per source however often the text refers to it.
	Sources []UnnamedSource

	// Warnings are non-fatal problems met while reading or processing
	// ("decoded from windows-1252", "truncated at 10 MiB").
	Warnings []string
}

// Meta is document-level metadata.
type Meta struct {
	Title     string    `json:"title,omitempty"`
	TitleSpan *Span     `json:"title_span,omitempty"`
	Author    string    `json:"author,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"-"`
	// PublishedSpan is where the text states the publication date, when it does.
	PublishedSpan *Span `json:"published_span,omitempty"`
	// Encoding is the input's character encoding before decoding ("utf-8", "windows-1252").
	Encoding string `json:"encoding,omitempty"`
}

// TokenKind classifies a token.
type TokenKind uint8

const (
	TokWord   TokenKind = iota + 1 // letters, possibly with inner apostrophes or hyphens
	TokNumber                      // digits with optional separators and decimal part
	TokPunct                       // punctuation, quotes, brackets, symbols
)

// Token is one token of Text.
type Token struct {
	Span
	Kind TokenKind
}

// Precision says how much of a date a Timex pins down.
type Precision string

const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// Timex is a date expression in the text.
type Timex struct {
	Span
	// Value is the ISO 8601 date: 2006-01-02, 2006-01 or 2006 depending on Precision.
	Value     string    `json:"value"`
	Precision Precision `json:"precision"`
	// Relative is true when the value was computed from the publication date
	// ("last Tuesday", "in October").
	Relative bool `json:"relative,omitempty"`
}

// Figure units, as in the extraction contract.
const (
	UnitPerson   = "person"
	UnitMoneyUSD = "money_usd"
	UnitMoneyEUR = "money_eur"
	UnitKilled   = "killed"
	UnitInjured  = "injured"
	UnitAttack   = "attack"
	UnitOther    = "other"
)

// Figure qualifiers: how the text bounds the number.
const (
	QualExact    = "exact"
	QualAbout    = "about"
	QualAtLeast  = "at_least"
	QualMoreThan = "more_than"
	QualUpTo     = "up_to"
	QualLessThan = "less_than"
)

// Figure is a number that counts people, money, casualties or attacks.
type Figure struct {
	// Span covers the number as written ("10,000", "a dozen", "trois").
	Span
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	// Noun is the counted noun as written ("individuals", "morts"), when there is one.
	Noun     string `json:"noun,omitempty"`
	NounSpan *Span  `json:"noun_span,omitempty"`
	// Qualifier is one of the Qual* constants.
	Qualifier string `json:"qualifier"`
	// Approximate is true for vague amounts ("dozens of millions", "une cinquantaine").
	Approximate bool `json:"approximate,omitempty"`
}

// Entity types, as in the extraction contract.
const (
	TypePER = "PER"
	TypeORG = "ORG"
	TypeLOC = "LOC"
)

// Mention is one occurrence of a name in the text.
type Mention struct {
	Span
	// Type is PER, ORG or LOC.
	Type string `json:"type"`
	// Entity indexes Document.Entities once mentions are grouped; -1 before.
	Entity int `json:"entity"`
	// Source says what found or typed the mention: "kb", "gazetteer", "pattern", "alias"...
	Source string `json:"source,omitempty"`
}

// Alias is one name form of an entity and why it was linked to it.
type Alias struct {
	Name string `json:"name"`
	// Reason names the rule that linked it: "kb:alias", "acronym-definition",
	// "surname", "aka", "translit-key"...
	Reason string `json:"reason"`
}

// Entity is a named person, organisation or place as found in one document.
type Entity struct {
	// ID is the corpus-wide id ("e:al-qaeda"); set by resolution, "" before.
	ID string `json:"id"`
	// Name is the canonical display name: the KB name, or the longest form in the document.
	Name string `json:"name"`
	Type string `json:"type"`
	// KB is the knowledge-base entry id when the entity was linked to one.
	KB string `json:"kb,omitempty"`
	// Mentions index Document.Mentions.
	Mentions []int   `json:"mentions"`
	Aliases  []Alias `json:"aliases,omitempty"`
}

// Speaker is who a quote or claim is attributed to.
type Speaker struct {
	// Entity indexes Document.Entities for a named speaker; -1 for an unnamed
	// source ("a senior intelligence official").
	Entity int `json:"entity"`
	// Span is the phrase naming the speaker where the attribution is made
	// (the name, the pronoun's antecedent, or the unnamed-source description).
	Span Span `json:"span"`
	// Descriptor is the unnamed source's description, normalised ("intelligence official").
	Descriptor string `json:"descriptor,omitempty"`
}

// UnnamedSource is one unnamed source of a document ("a DGSI source",
// "security sources", "un haut responsable afghan"): the speakers with its
// description, grouped, and the organisation it belongs to when the text
// names one inside the description.
type UnnamedSource struct {
	// Descriptor is the shared description ("DGSI source"), as on the speakers.
	Descriptor string `json:"descriptor"`
	// Spans are the phrases the quotes and claims attribute to it, in text order.
	Spans []Span `json:"spans"`
	// Affiliation indexes Document.Entities (an organisation or a country
	// named in the description: "a source at the DGSI"), or -1.
	Affiliation int `json:"affiliation"`
}

// SourceKey is how unnamed speakers are grouped into one UnnamedSource: their
// descriptor without case.
func SourceKey(descriptor string) string { return strings.ToLower(strings.TrimSpace(descriptor)) }

// SourceOf returns the index in doc.Sources of an unnamed speaker's source, or -1.
func (d *Document) SourceOf(sp *Speaker) int {
	if sp == nil || sp.Entity >= 0 {
		return -1
	}
	key := SourceKey(sp.Descriptor)
	for i := range d.Sources {
		if SourceKey(d.Sources[i].Descriptor) == key {
			return i
		}
	}
	return -1
}

// Quote is a direct quotation.
type Quote struct {
	// Span covers the quoted words without the quotation marks. A quote split
	// by its attribution ("…," he said, "…") is one Quote with several Parts.
	Span
	Parts []Span `json:"parts,omitempty"`
	// Speaker is nil when the text names none.
	Speaker *Speaker `json:"speaker,omitempty"`
	// Verb is the speech verb or cue ("said", "a déclaré", "according to").
	Verb *Span `json:"verb,omitempty"`
}

// Modalities: how firmly the text makes a claim.
const (
	ModalityAsserted = "asserted"
	ModalityReported = "reported"
	ModalityHedged   = "hedged"
	ModalityDenied   = "denied"
)

// Predicates of claims, as in the extraction contract.
const (
	PredLeads          = "leads"
	PredMemberOf       = "member_of"
	PredPartOf         = "part_of"
	PredAffiliatedWith = "affiliated_with"
	PredAlliedWith     = "allied_with"
	PredOpposes        = "opposes"
	PredLocatedIn      = "located_in"
	PredAttacked       = "attacked"
)

// Claim is a typed relation between two entities stated by the text.
type Claim struct {
	// Subject and Object index Document.Entities; the subject is the actor.
	Subject   int    `json:"subject"`
	Predicate string `json:"predicate"`
	Object    int    `json:"object"`
	// Evidence is the sentence that states the claim; Trigger the words that
	// carry the predicate ("swore allegiance to", "chef de").
	Evidence Span  `json:"evidence"`
	Trigger  *Span `json:"trigger,omitempty"`
	// Attribution is who makes the claim: nil for the article itself.
	Attribution *Speaker `json:"attribution,omitempty"`
	Modality    string   `json:"modality"`
	Confidence  float64  `json:"confidence"`
}

// ReadingLang is the language whose word lists and rules the stages apply:
// Lang, else the guess, else "" (a stage then reads with all its languages'
// lists together). Every stage picks its rules through it, so that one
// document is read as one language throughout.
func (d *Document) ReadingLang() string {
	if d.Lang != "" {
		return d.Lang
	}
	return d.LangGuess
}
