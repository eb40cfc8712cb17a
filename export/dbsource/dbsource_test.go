package dbsource

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/sqlite"
)

// storedDoc is a small invented article with one layer of each kind.
func storedDoc() *dossier.Document {
	text := "Raid on a harbour cell\nThe Harbour Front attacked a depot in Toulon, killing 3 guards. " +
		"\"We act alone,\" said Marc Porteur, according to the prosecutor.\n"
	at := func(s string) dossier.Span {
		i := strings.Index(text, s)
		return dossier.Span{Start: i, End: i + len(s)}
	}
	d := &dossier.Document{Name: "raid.txt", Format: "txt", Lang: "en", Text: text}
	d.Meta.Title = "Raid on a harbour cell"
	d.Meta.Published = time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC)
	d.Mentions = []dossier.Mention{
		{Span: at("Harbour Front"), Type: "ORG", Entity: 0},
		{Span: at("Toulon"), Type: "LOC", Entity: 1},
		{Span: at("Marc Porteur"), Type: "PER", Entity: 2},
	}
	d.Entities = []dossier.Entity{
		{ID: "e:harbour-front", Name: "Harbour Front", Type: "ORG", Mentions: []int{0}, Aliases: []dossier.Alias{{Name: "Front", Reason: "test"}}},
		{ID: "e:toulon", Name: "Toulon", Type: "LOC", KB: "", Mentions: []int{1}},
		{ID: "e:marc-porteur", Name: "Marc Porteur", Type: "PER", Mentions: []int{2}},
	}
	d.Claims = []dossier.Claim{{Subject: 0, Predicate: dossier.PredAttacked, Object: 1, Evidence: at("The Harbour Front attacked a depot in Toulon, killing 3 guards."),
		Modality: dossier.ModalityAsserted, Confidence: 0.9,
		Attribution: &dossier.Speaker{Entity: -1, Span: at("the prosecutor"), Descriptor: "prosecutor"}}}
	d.Quotes = []dossier.Quote{{Span: at("We act alone,"), Speaker: &dossier.Speaker{Entity: 2, Span: at("Marc Porteur")}, Verb: spanPtr(at("said"))}}
	d.Figures = []dossier.Figure{{Span: at("3"), Value: 3, Unit: dossier.UnitKilled, Qualifier: dossier.QualExact}}
	d.Boilerplate = []dossier.Span{at("Raid on a harbour cell\n")}
	d.Sentences = []dossier.Span{at("The Harbour Front attacked a depot in Toulon, killing 3 guards."), at("\"We act alone,\" said Marc Porteur, according to the prosecutor.")}
	d.Timexes = []dossier.Timex{{Span: at("harbour"), Value: "2024-04", Precision: dossier.PrecisionMonth}}
	return d
}

func spanPtr(s dossier.Span) *dossier.Span { return &s }

func TestSourceRebuildsDocuments(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := storedDoc()
	raw := []byte(want.Text)
	if _, err := db.Put(ctx, &dossier.Record{Doc: want, Raw: raw, Hash: dossier.ContentHash(raw),
		Source: dossier.Source{Name: want.Name, RetrievedAt: time.Now()}}); err != nil {
		t.Fatal(err)
	}
	var got []*dossier.Document
	if err := (Source{DB: db}).Documents(ctx, func(d *dossier.Document) error {
		got = append(got, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d documents", len(got))
	}
	g := got[0]
	if g.Text != want.Text || g.Name != want.Name || g.Lang != "en" || !g.Meta.Published.Equal(want.Meta.Published) || g.Meta.Title != want.Meta.Title {
		t.Errorf("document: %q %q %q %v", g.Name, g.Lang, g.Meta.Title, g.Meta.Published)
	}
	for i, e := range want.Entities {
		ge := g.Entities[i]
		if ge.ID != e.ID || ge.Name != e.Name || ge.Type != e.Type || !reflect.DeepEqual(ge.Aliases, e.Aliases) {
			t.Errorf("entity %d: %+v, want %+v", i, ge, e)
		}
		if len(ge.Mentions) != 1 || g.Mentions[ge.Mentions[0]].Span != want.Mentions[i].Span {
			t.Errorf("entity %d mentions: %v", i, ge.Mentions)
		}
	}
	if !reflect.DeepEqual(g.Claims, want.Claims) {
		t.Errorf("claims:\n%+v\nwant\n%+v", g.Claims, want.Claims)
	}
	if !reflect.DeepEqual(g.Quotes, want.Quotes) {
		t.Errorf("quotes:\n%+v\nwant\n%+v", g.Quotes, want.Quotes)
	}
	if !reflect.DeepEqual(g.Figures, want.Figures) {
		t.Errorf("figures:\n%+v\nwant\n%+v", g.Figures, want.Figures)
	}
	// The layers the workbench draws, and the unnamed sources grouped again.
	if !reflect.DeepEqual(g.Boilerplate, want.Boilerplate) || !reflect.DeepEqual(g.Sentences, want.Sentences) || !reflect.DeepEqual(g.Timexes, want.Timexes) {
		t.Errorf("layers: %v %v %v", g.Boilerplate, g.Sentences, g.Timexes)
	}
	if len(g.Sources) != 1 || g.Sources[0].Descriptor != "prosecutor" || g.SourceOf(g.Claims[0].Attribution) != 0 {
		t.Errorf("sources: %+v", g.Sources)
	}
}
