package sources

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

func TestSources(t *testing.T) {
	text := `"We were lucky," a DGSI source said. "It was close," the source added. ` +
		`The cell had links to Raqqa, according to security sources in Paris. "No comment," Hecker said.`
	at := func(sub string) dossier.Span {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("%q not in text", sub)
		}
		return dossier.Span{Start: i, End: i + len(sub)}
	}
	doc := &dossier.Document{
		Text: text,
		Entities: []dossier.Entity{
			{Name: "DGSI", Type: dossier.TypeORG}, {Name: "Raqqa", Type: dossier.TypeLOC},
			{Name: "Paris", Type: dossier.TypeLOC}, {Name: "Marc Hecker", Type: dossier.TypePER},
		},
		Mentions: []dossier.Mention{
			{Span: at("DGSI"), Entity: 0}, {Span: at("Raqqa"), Entity: 1}, {Span: at("Paris"), Entity: 2}, {Span: at("Hecker"), Entity: 3},
		},
	}
	dgsi := &dossier.Speaker{Entity: -1, Span: at("a DGSI source"), Descriptor: "DGSI source"}
	doc.Quotes = []dossier.Quote{
		{Span: at("We were lucky,"), Speaker: dgsi},
		{Span: at("It was close,"), Speaker: &dossier.Speaker{Entity: -1, Span: at("a DGSI source"), Descriptor: "dgsi source"}},
		{Span: at("No comment,"), Speaker: &dossier.Speaker{Entity: 3, Span: at("Hecker")}},
	}
	doc.Claims = []dossier.Claim{{Subject: 0, Object: 1, Predicate: dossier.PredLocatedIn,
		Attribution: &dossier.Speaker{Entity: -1, Span: at("security sources in Paris"), Descriptor: "security sources in Paris"}}}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sources) != 2 {
		t.Fatalf("sources = %+v, want 2", doc.Sources)
	}
	first, second := doc.Sources[0], doc.Sources[1]
	if first.Descriptor != "DGSI source" || len(first.Spans) != 1 || first.Affiliation != 0 {
		t.Errorf("DGSI source grouped as %+v", first)
	}
	if second.Affiliation != 2 || doc.Slice(second.Spans[0]) != "security sources in Paris" {
		t.Errorf("security sources: %+v", second)
	}
	if doc.SourceOf(doc.Quotes[1].Speaker) != 0 || doc.SourceOf(doc.Quotes[2].Speaker) != -1 || doc.SourceOf(doc.Claims[0].Attribution) != 1 {
		t.Errorf("SourceOf: %d %d %d", doc.SourceOf(doc.Quotes[1].Speaker), doc.SourceOf(doc.Quotes[2].Speaker), doc.SourceOf(doc.Claims[0].Attribution))
	}
	// Running again gives the same (the stage resets its layer).
	if err := New().Process(context.Background(), doc); err != nil || len(doc.Sources) != 2 {
		t.Errorf("second run: %v, %d sources", err, len(doc.Sources))
	}
}
