// Package sources groups the unnamed sources of a document (Document.Sources):
// every quote speaker or claim attribution without an entity, by descriptor,
// with the organisation or country its description names as affiliation
// ("a source at France's internal intelligence service the DGSI" → DGSI).
// It runs after the quotes and claims stages and needs no language data.
package sources

import (
	"context"
	"fmt"
	"slices"

	"github.com/dossier-project/dossier"
)

// Stage fills doc.Sources. It is safe for concurrent use.
type Stage struct{}

// New returns the stage.
func New() *Stage { return &Stage{} }

// Name implements dossier.Stage.
func (*Stage) Name() string { return "sources" }

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer {
	return []dossier.Layer{dossier.LayerMentions, dossier.LayerQuotes, dossier.LayerClaims}
}

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerSources} }

// Process implements dossier.Stage.
func (*Stage) Process(ctx context.Context, doc *dossier.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	doc.Sources = doc.Sources[:0]
	index := map[string]int{}
	add := func(sp *dossier.Speaker) {
		if sp == nil || sp.Entity >= 0 || sp.Descriptor == "" {
			return
		}
		span := sp.Span
		if span.Start < 0 || span.End > len(doc.Text) || span.Start > span.End {
			return
		}
		key := dossier.SourceKey(sp.Descriptor)
		i, ok := index[key]
		if !ok {
			i = len(doc.Sources)
			index[key] = i
			doc.Sources = append(doc.Sources, dossier.UnnamedSource{Descriptor: sp.Descriptor, Affiliation: -1})
		}
		src := &doc.Sources[i]
		if !slices.Contains(src.Spans, span) {
			src.Spans = append(src.Spans, span)
		}
	}
	for i := range doc.Quotes {
		add(doc.Quotes[i].Speaker)
	}
	for i := range doc.Claims {
		add(doc.Claims[i].Attribution)
	}
	for i := range doc.Sources {
		src := &doc.Sources[i]
		slices.SortFunc(src.Spans, func(a, b dossier.Span) int { return a.Start - b.Start })
		src.Affiliation = affiliation(doc, src.Spans)
	}
	return nil
}

// affiliation is the first organisation named inside one of the source's
// phrases, else the first place (a country: "an Afghan official" names none,
// "a source in Kabul" does), or -1.
func affiliation(doc *dossier.Document, spans []dossier.Span) int {
	place := -1
	for _, sp := range spans {
		for _, m := range doc.Mentions {
			if m.Start < sp.Start || m.End > sp.End || m.Entity < 0 || m.Entity >= len(doc.Entities) {
				continue
			}
			switch doc.Entities[m.Entity].Type {
			case dossier.TypeORG:
				return m.Entity
			case dossier.TypeLOC:
				if place < 0 {
					place = m.Entity
				}
			}
		}
	}
	return place
}
