package web

import (
	"math"

	"github.com/dossier-project/dossier"
)

// Caps on list lengths, so that one page's answer stays small however large
// the corpus; the Total fields tell the rest.
const (
	maxPageSize       = 100
	defaultPageSize   = 20
	maxAliasDocs      = 20
	maxPerPredicate   = 25
	maxQuotes         = 30
	maxFigures        = 40
	maxEdgeEvidence   = 60
	maxEventExamples  = 3
	maxTimelineEvents = 400
	maxTimelineFigs   = 300
	defaultGraphNodes = 2000
	maxGraphNodes     = 5000
)

// PredCooccurrence names the co-occurrence layer's edges.
const PredCooccurrence = "cooccurrence"

// documentView draws every layer of doc for the document page; entity ids
// are the document's own (corpus ids once resolved).
func documentView(doc *dossier.Document, sum DocSummary) *DocumentView {
	n := len(doc.Text)
	valid := func(s dossier.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }
	v := &DocumentView{
		DocSummary: sum, Author: doc.Meta.Author, Format: doc.Format, Text: doc.Text,
		Boilerplate: spansOf(doc.Boilerplate, n),
		Entities:    make([]DocEntity, len(doc.Entities)),
		Mentions:    []MentionView{}, Quotes: []QuoteView{}, Figures: []FigureView{},
		Timexes: []TimexView{}, Claims: []ClaimView{}, Warnings: doc.Warnings,
	}
	for i, e := range doc.Entities {
		de := DocEntity{ID: e.ID, Name: e.Name, Type: e.Type, KB: e.KB, Mentions: len(e.Mentions)}
		for _, a := range e.Aliases {
			de.Aliases = append(de.Aliases, AliasView(a))
		}
		v.Entities[i] = de
	}
	entityOK := func(i int) int {
		if i < 0 || i >= len(doc.Entities) {
			return -1
		}
		return i
	}
	for _, mt := range doc.Mentions {
		if valid(mt.Span) {
			v.Mentions = append(v.Mentions, MentionView{Span: Span(mt.Span), Type: mt.Type, Entity: entityOK(mt.Entity)})
		}
	}
	speaker := func(sp *dossier.Speaker) *SpeakerView {
		if sp == nil {
			return nil
		}
		s := &SpeakerView{Entity: entityOK(sp.Entity), Descriptor: sp.Descriptor}
		if valid(sp.Span) {
			s.Span = Span(sp.Span)
		}
		if s.Entity >= 0 {
			s.ID, s.Name = doc.Entities[s.Entity].ID, doc.Entities[s.Entity].Name
		} else if s.Name = sp.Descriptor; s.Name == "" {
			s.Name = slice(doc.Text, s.Span.Start, s.Span.End)
		}
		if i := doc.SourceOf(sp); i >= 0 {
			if a := doc.Sources[i].Affiliation; a >= 0 && a < len(doc.Entities) {
				s.AffiliationID, s.AffiliationName = doc.Entities[a].ID, doc.Entities[a].Name
			}
		}
		return s
	}
	for _, q := range doc.Quotes {
		if !valid(q.Span) {
			continue
		}
		qv := QuoteView{Span: Span(q.Span), Speaker: speaker(q.Speaker)}
		for _, p := range q.Parts {
			if valid(p) {
				qv.Parts = append(qv.Parts, Span(p))
			}
		}
		v.Quotes = append(v.Quotes, qv)
	}
	for _, f := range doc.Figures {
		if valid(f.Span) {
			v.Figures = append(v.Figures, FigureView{Span: Span(f.Span), Value: f.Value, Unit: f.Unit, Noun: f.Noun, Qualifier: f.Qualifier, Approximate: f.Approximate})
		}
	}
	for _, t := range doc.Timexes {
		if valid(t.Span) {
			v.Timexes = append(v.Timexes, TimexView{Span: Span(t.Span), Value: t.Value, Precision: string(t.Precision), Relative: t.Relative})
		}
	}
	for _, c := range doc.Claims {
		if !valid(c.Evidence) || entityOK(c.Subject) < 0 || entityOK(c.Object) < 0 {
			continue
		}
		cv := ClaimView{Subject: c.Subject, Predicate: c.Predicate, Object: c.Object, Evidence: Span(c.Evidence),
			Attribution: speaker(c.Attribution), Modality: c.Modality, Confidence: roundConfidence(c.Confidence)}
		if c.Trigger != nil && valid(*c.Trigger) {
			t := Span(*c.Trigger)
			cv.Trigger = &t
		}
		v.Claims = append(v.Claims, cv)
	}
	return v
}

// spansOf converts annotation spans, dropping any that do not fit the text.
func spansOf(in []dossier.Span, textLen int) []Span {
	out := make([]Span, 0, len(in))
	for _, s := range in {
		if 0 <= s.Start && s.Start <= s.End && s.End <= textLen {
			out = append(out, Span{s.Start, s.End})
		}
	}
	return out
}

// slice returns text[s:e] when the span is valid, else "".
func slice(text string, s, e int) string {
	if 0 <= s && s <= e && e <= len(text) {
		return text[s:e]
	}
	return ""
}

// figureUnitRank orders figure units by how much a timeline reader wants them.
func figureUnitRank(unit string) int {
	switch unit {
	case dossier.UnitKilled:
		return 0
	case dossier.UnitInjured:
		return 1
	case dossier.UnitAttack:
		return 2
	case dossier.UnitPerson:
		return 3
	case dossier.UnitMoneyUSD, dossier.UnitMoneyEUR:
		return 4
	}
	return 5
}

// roundConfidence keeps three decimals: the scores are not more precise,
// and 0.7200000000000001 reads badly.
func roundConfidence(c float64) float64 { return math.Round(c*1000) / 1000 }
