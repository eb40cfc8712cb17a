package web

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/sqlite"
)

func TestSearch(t *testing.T) {
	m := fixtureStore(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		req     SearchRequest
		want    []int64 // document ids in order
		wantHit []string
	}{
		{"english word", SearchRequest{Text: "fighters"}, []int64{1}, []string{"fighters"}},
		{"accents and case folded", SearchRequest{Text: "ETAT islamique"}, []int64{2}, []string{"État", "islamique"}},
		{"every word must occur", SearchRequest{Text: "mosul trois"}, nil, nil},
		{"prefix", SearchRequest{Text: "accus*"}, []int64{2}, []string{"accusés"}},
		{"boilerplate not indexed", SearchRequest{Text: "newsletter"}, nil, nil},
		{"no query lists newest first", SearchRequest{}, []int64{1, 3, 2}, nil},
		{"entity filter", SearchRequest{Entity: "e:abu-omar"}, []int64{1, 2}, nil},
		{"language filter", SearchRequest{Lang: "fr"}, []int64{2}, nil},
		{"outlet filter", SearchRequest{Outlet: "The Test Courier"}, []int64{1}, nil},
		{"date range by month", SearchRequest{Since: "2024-01", Until: "2024-01"}, []int64{3}, nil},
		{"date range by year", SearchRequest{Since: "2023", Until: "2023"}, []int64{2}, nil},
		{"phrase", SearchRequest{Text: `"islamic state"`}, []int64{1}, []string{"Islamic", "State"}},
		{"phrase in order only", SearchRequest{Text: `"State Islamic"`}, nil, nil},
		{"hyphenated word is a phrase", SearchRequest{Text: "Abu-Omar recording"}, []int64{1}, []string{"Abu", "Omar"}},
		{"or", SearchRequest{Text: "Mosul OR Mossoul"}, []int64{1, 2}, []string{"Mosul", "Mossoul"}},
		{"exclusion", SearchRequest{Text: "Omar -Mossoul"}, []int64{1}, []string{"Omar"}},
		{"excluded phrase", SearchRequest{Text: `Omar -"état islamique"`}, []int64{1}, nil},
		{"stray quote", SearchRequest{Text: `"Islamic`}, []int64{1}, []string{"Islamic"}},
		{"only exclusions", SearchRequest{Text: "-Mosul -Paris"}, []int64{3}, nil},
		{"type filters the hits", SearchRequest{Type: "LOC"}, []int64{1, 2}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := m.Search(ctx, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			var hits []string
			for _, h := range res.Hits {
				got = append(got, h.Doc.ID)
				for _, p := range h.Snippet {
					if p.Hit {
						hits = append(hits, p.Text)
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("documents = %v, want %v", got, tt.want)
			}
			if res.Total != len(tt.want) {
				t.Errorf("total = %d, want %d", res.Total, len(tt.want))
			}
			for _, w := range tt.wantHit {
				if !slices.Contains(hits, w) {
					t.Errorf("highlighted %q, want %q among them", hits, w)
				}
			}
		})
	}
}

func TestSearchFacetsAndPaging(t *testing.T) {
	m := fixtureStore(t)
	res, err := m.Search(context.Background(), SearchRequest{Size: 2, Page: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 || len(res.Hits) != 1 || res.Hits[0].Doc.ID != 2 {
		t.Fatalf("page 2 of size 2: total %d, hits %+v", res.Total, res.Hits)
	}
	var abuOmar, langEN, year2024 int
	for _, f := range res.Facets.Entity {
		if f.Value == "e:abu-omar" {
			abuOmar = f.Count
		}
	}
	for _, f := range res.Facets.Lang {
		if f.Value == "en" {
			langEN = f.Count
		}
	}
	for _, f := range res.Facets.Year {
		if f.Value == "2024" {
			year2024 = f.Count
		}
	}
	if abuOmar != 2 || langEN != 2 || year2024 != 2 {
		t.Errorf("facets: abu-omar %d (want 2), en %d (want 2), 2024 %d (want 2)", abuOmar, langEN, year2024)
	}
	res, _ = m.Search(context.Background(), SearchRequest{Type: "LOC"})
	for _, f := range res.Facets.Entity {
		if f.Type != "LOC" {
			t.Errorf("type=LOC facet lists %+v", f)
		}
	}
}

func TestDocument(t *testing.T) {
	m := fixtureStore(t)
	d, err := m.Document(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	sub := func(s Span) string { return d.Text[s.Start:s.End] }
	if len(d.Mentions) != 5 || sub(d.Mentions[0].Span) != "Mosul" || sub(d.Mentions[4].Span) != "Abu Omar" || d.Entities[d.Mentions[0].Entity].ID != "e:mosul" {
		t.Errorf("mentions = %+v", d.Mentions)
	}
	if len(d.Quotes) != 1 || sub(d.Quotes[0].Span) != "We will not stop," || d.Quotes[0].Speaker.Name != "Abu Omar" {
		t.Errorf("quotes = %+v", d.Quotes)
	}
	if len(d.Claims) != 2 || d.Claims[0].Predicate != "leads" || sub(d.Claims[0].Evidence) != "Abu Omar, a commander, leads the cell, officials said." {
		t.Errorf("claims = %+v", d.Claims)
	}
	if len(d.Boilerplate) != 1 || sub(d.Boilerplate[0]) != "Subscribe to our newsletter" {
		t.Errorf("boilerplate = %+v", d.Boilerplate)
	}
	if d.Published != "2024-03-12" || d.URL != "https://news.example/raid" || d.Outlet != "The Test Courier" {
		t.Errorf("metadata = %+v", d.DocSummary)
	}
	if _, err := m.Document(context.Background(), 99); err == nil {
		t.Error("document 99 found")
	}
}

func TestEntity(t *testing.T) {
	m := fixtureStore(t)
	e, err := m.Entity(context.Background(), "e:abu-omar")
	if err != nil {
		t.Fatal(err)
	}
	if e.Documents != 2 || e.Mentions != 3 || e.FirstSeen != "2023-11-02" || e.LastSeen != "2024-03-12" {
		t.Errorf("summary = %+v first %s last %s", e.EntityRef, e.FirstSeen, e.LastSeen)
	}
	if len(e.Relations) != 1 || e.Relations[0].Predicate != "leads" || e.Relations[0].Total != 2 {
		t.Fatalf("relations = %+v", e.Relations)
	}
	var hedged *Relation
	for i, r := range e.Relations[0].Relations {
		if r.Modality == "hedged" {
			hedged = &e.Relations[0].Relations[i]
		}
	}
	if hedged == nil || hedged.Attribution == nil || hedged.Attribution.Name != "accusation" || hedged.Evidence.Doc != 2 ||
		hedged.Evidence.Text != "Abu Omar aurait dirigé la cellule depuis Mossoul, selon l'accusation." {
		t.Errorf("hedged relation = %+v", hedged)
	}
	if len(e.QuotesBy) != 1 || e.QuotesBy[0].Quote.Text != "We will not stop," {
		t.Errorf("quotes by = %+v", e.QuotesBy)
	}
	if want := []DateCount{{"2023-11", 1}, {"2024-03", 1}}; !slices.Equal(e.Timeline, want) {
		t.Errorf("timeline = %v, want %v", e.Timeline, want)
	}
	is, _ := m.Entity(context.Background(), "e:islamic-state")
	var reasons []string
	for _, a := range is.Aliases {
		reasons = append(reasons, a.Name+"/"+a.Reason)
	}
	if len(is.Aliases) != 1 || is.Aliases[0].Name != "État islamique" || is.Aliases[0].Total != 1 || is.Aliases[0].Documents[0].ID != 2 || is.Name != "Islamic State" {
		t.Errorf("islamic state: name %q aliases %v", is.Name, reasons)
	}
	if len(is.Figures) != 2 || is.Figures[1].Text != "trois" || is.Figures[0].Value != 12 || is.Figures[0].Unit != "killed" {
		t.Errorf("figures = %+v", is.Figures)
	}
	if _, err := m.Entity(context.Background(), "e:nobody"); err == nil {
		t.Error("unknown entity found")
	}
}

func TestFindEntities(t *testing.T) {
	m := fixtureStore(t)
	tests := []struct{ name, typ, want string }{
		{"abu", "", "e:abu-omar"},
		{"etat islamique", "", "e:islamic-state"},
		{"mos", "LOC", "e:mosul"},
		{"e:paris", "", "e:paris"},
	}
	for _, tt := range tests {
		got, err := m.FindEntities(context.Background(), tt.name, tt.typ, 5)
		if err != nil || len(got) == 0 || got[0].ID != tt.want {
			t.Errorf("FindEntities(%q) = %+v, %v; want %s first", tt.name, got, err, tt.want)
		}
	}
}

func TestGraph(t *testing.T) {
	m := fixtureStore(t)
	ctx := context.Background()
	tests := []struct {
		name      string
		req       GraphRequest
		wantNodes int
		wantEdges []string // source predicate target (modality) count
	}{
		{"whole graph", GraphRequest{}, 5, []string{"e:abu-omar leads e:islamic-state (hedged) 2", "e:islamic-state located_in e:mosul (asserted) 1", "e:script leads e:evil-corp (asserted) 1"}},
		{"modality filter", GraphRequest{Modalities: []string{"reported"}}, 2, []string{"e:abu-omar leads e:islamic-state (reported) 1"}},
		{"predicate filter", GraphRequest{Predicates: []string{"located_in"}}, 2, []string{"e:islamic-state located_in e:mosul (asserted) 1"}},
		{"type filter", GraphRequest{Types: []string{"ORG", "LOC"}}, 2, []string{"e:islamic-state located_in e:mosul (asserted) 1"}},
		{"date filter", GraphRequest{Since: "2024-03"}, 3, []string{"e:abu-omar leads e:islamic-state (reported) 1", "e:islamic-state located_in e:mosul (asserted) 1"}},
		{"neighbourhood", GraphRequest{Entity: "e:mosul"}, 2, []string{"e:islamic-state located_in e:mosul (asserted) 1"}},
		{"neighbourhood depth 2", GraphRequest{Entity: "e:mosul", Depth: 2}, 3, []string{"e:abu-omar leads e:islamic-state (hedged) 2", "e:islamic-state located_in e:mosul (asserted) 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := m.Graph(ctx, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range g.Edges {
				got = append(got, e.Source+" "+e.Predicate+" "+e.Target+" ("+e.Modality+") "+strconv.Itoa(e.Count))
			}
			slices.Sort(got)
			if len(g.Nodes) != tt.wantNodes || !slices.Equal(got, tt.wantEdges) {
				t.Errorf("nodes %d, edges %q; want %d, %q", len(g.Nodes), got, tt.wantNodes, tt.wantEdges)
			}
		})
	}
	g, _ := m.Graph(ctx, GraphRequest{Entity: "e:mosul", Cooccurrence: true})
	var cooc []string
	for _, e := range g.Edges {
		if e.Predicate == PredCooccurrence {
			cooc = append(cooc, e.Source+"+"+e.Target)
		}
	}
	if len(cooc) == 0 {
		t.Errorf("no co-occurrence edges around Mosul: %+v", g.Edges)
	}
}

func TestEdge(t *testing.T) {
	m := fixtureStore(t)
	ev, err := m.Edge(context.Background(), EdgeRequest{Source: "e:islamic-state", Target: "e:abu-omar", Predicate: "leads"})
	if err != nil {
		t.Fatal(err)
	}
	if ev.Total != 2 || len(ev.Relations) != 2 {
		t.Fatalf("evidence = %+v", ev)
	}
	for _, r := range ev.Relations {
		if !strings.Contains(r.Evidence.Text, "Abu Omar") {
			t.Errorf("evidence sentence %q does not name the subject", r.Evidence.Text)
		}
	}
	co, _ := m.Edge(context.Background(), EdgeRequest{Source: "e:islamic-state", Target: "e:mosul", Predicate: PredCooccurrence})
	if co.Total != 1 || co.Sentences[0].Text != "Iraqi forces said on 10 March 2024 that they killed 12 fighters of the Islamic State near Mosul." {
		t.Errorf("co-occurrence sentences = %+v", co.Sentences)
	}
}

func TestTimelineAndPlaces(t *testing.T) {
	m := fixtureStore(t)
	tl, err := m.Timeline(context.Background(), TimelineRequest{Entity: "e:islamic-state"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []DateCount{{"2023-11-02", 1}, {"2024-03-12", 1}}; !slices.Equal(tl.Documents, want) {
		t.Errorf("documents = %v, want %v", tl.Documents, want)
	}
	if len(tl.Events) != 1 || tl.Events[0].Date != "2024-03-10" || !strings.Contains(tl.Events[0].Examples[0].Text, "10 March 2024") {
		t.Errorf("events = %+v", tl.Events)
	}
	if len(tl.Figures) != 2 || tl.Figures[0].Unit != "person" || tl.Figures[1].Value != 12 {
		t.Errorf("figures = %+v", tl.Figures)
	}
	// Without a knowledge base nothing can be placed.
	p, err := m.Places(context.Background(), PlacesRequest{})
	if err != nil || len(p.Places) != 0 || p.Unplaced != 2 {
		t.Errorf("places = %+v, %v", p, err)
	}
}

// FuzzDocumentView: hostile spans never make the document page point
// outside the text or at a missing entity.
func FuzzDocumentView(f *testing.F) {
	f.Add("Abu Omar leads the Islamic State cell in Mosul.", 4, 12, "abu")
	f.Add("\x00\xff<script>", 0, 100, "script")
	f.Fuzz(func(t *testing.T, text string, start, end int, _ string) {
		b := newDoc(t, "fuzz.txt", "en", "2024-01-01", text)
		d := b.doc
		// Hostile spans: out of range, reversed, dangling entity indexes.
		d.Mentions = []dossier.Mention{{Span: dossier.Span{Start: start, End: end}, Type: "PER", Entity: 0}, {Span: dossier.Span{Start: end, End: start}, Type: "ORG", Entity: 7}}
		d.Entities = []dossier.Entity{{ID: "e:x", Name: "X", Type: "PER", Mentions: []int{0}}}
		d.Quotes = []dossier.Quote{{Span: dossier.Span{Start: start, End: end}, Speaker: &dossier.Speaker{Entity: 3, Span: dossier.Span{Start: -1, End: 9999}}}}
		d.Claims = []dossier.Claim{{Subject: 0, Object: 5, Predicate: "leads", Evidence: dossier.Span{Start: start, End: end}}}
		d.Boilerplate = []dossier.Span{{Start: end, End: start}}
		v := documentView(d, DocSummary{ID: 1})
		check := func(s Span) {
			if s.Start < 0 || s.Start > s.End || s.End > len(text) {
				t.Fatalf("span %+v out of text of %d bytes", s, len(text))
			}
		}
		for _, x := range v.Mentions {
			check(x.Span)
			if x.Entity >= len(v.Entities) {
				t.Fatalf("mention entity %d of %d", x.Entity, len(v.Entities))
			}
		}
		for _, x := range v.Quotes {
			check(x.Span)
			if x.Speaker != nil {
				check(x.Speaker.Span)
			}
		}
		for _, x := range v.Boilerplate {
			check(x)
		}
		if len(v.Claims) != 0 {
			t.Fatalf("claim with a dangling object kept: %+v", v.Claims)
		}
	})
}

// FuzzSearchQuery: no query makes the store's search fail.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range []string{`"Islamic State" -Mosul`, `a OR OR b`, `-"`, `"`, `x* OR -y`, "é\u0301 \xff", `OR`, `- -`} {
		f.Add(q)
	}
	b := fixtureStore(f)
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := b.Search(context.Background(), SearchRequest{Text: q}); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
	})
}

// An unnamed source's affiliation reaches the document view.
func TestUnnamedSourceAffiliation(t *testing.T) {
	text := `"It was close," a DGSI source said.`
	at := func(s string) dossier.Span {
		i := strings.Index(text, s)
		return dossier.Span{Start: i, End: i + len(s)}
	}
	doc := &dossier.Document{Name: "a.txt", Text: text, Lang: "en",
		Entities: []dossier.Entity{{ID: "e:dgsi", Name: "DGSI", Type: "ORG", Mentions: []int{0}}},
		Mentions: []dossier.Mention{{Span: at("DGSI"), Type: "ORG", Entity: 0}},
	}
	sp := &dossier.Speaker{Entity: -1, Span: at("a DGSI source"), Descriptor: "dgsi source"}
	doc.Quotes = []dossier.Quote{{Span: at("It was close,"), Speaker: sp}}
	doc.Sources = []dossier.UnnamedSource{{Descriptor: "dgsi source", Spans: []dossier.Span{sp.Span}, Affiliation: 0}}
	v := documentView(doc, DocSummary{ID: 1})
	if len(v.Quotes) != 1 || v.Quotes[0].Speaker == nil || v.Quotes[0].Speaker.AffiliationID != "e:dgsi" || v.Quotes[0].Speaker.AffiliationName != "DGSI" {
		t.Fatalf("quotes: %+v", v.Quotes)
	}
}

// TestIngestDateIsNotPublication: an undated document shows when it was
// ingested, labelled so, and never passes a publication-date filter or
// moves an entity's last seen date (the workbench used the ingest date as
// "Published": --since gave 1 hit in the CLI and 16 here).
func TestIngestDateIsNotPublication(t *testing.T) {
	mk := func(text string) *dossier.Document {
		i := strings.Index(text, "DGSI")
		return &dossier.Document{Name: "x.txt", Text: text, Lang: "en",
			Entities: []dossier.Entity{{ID: "e:dgsi", Name: "DGSI", Type: "ORG", Mentions: []int{0}}},
			Mentions: []dossier.Mention{{Span: dossier.Span{Start: i, End: i + 4}, Type: "ORG", Entity: 0}},
		}
	}
	dated := mk("The DGSI opened an inquiry in March.")
	dated.Meta.Published = time.Date(2023, 3, 2, 0, 0, 0, 0, time.UTC)
	undated := mk("A DGSI report was leaked.")
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dates.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i, d := range []*dossier.Document{dated, undated} {
		raw := []byte(d.Text)
		rec := &dossier.Record{Doc: d, Raw: raw, Hash: dossier.ContentHash(raw), SimHash: uint64(i+1) * 0x9E3779B97F4A7C15,
			Source: dossier.Source{Name: d.Name, RetrievedAt: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)}}
		if _, err := db.Put(ctx, rec); err != nil {
			t.Fatal(err)
		}
	}
	m := NewStoreBackend(db, nil)
	res, err := m.Search(ctx, SearchRequest{Text: "DGSI", Since: "2024"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 {
		t.Errorf("since 2024: %d hits, want none (the undated one has no publication date)", res.Total)
	}
	v, err := m.Document(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if v.Published != "" || v.Ingested != "2026-12-03" {
		t.Errorf("undated document: published %q ingested %q", v.Published, v.Ingested)
	}
	e, err := m.Entity(ctx, "e:dgsi")
	if err != nil {
		t.Fatal(err)
	}
	if e.LastSeen != "2023-03-02" {
		t.Errorf("last seen %q, want the publication date 2023-03-02", e.LastSeen)
	}
}
