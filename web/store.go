package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/export/dbsource"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/sqlite"
)

// StoreBackend answers every page from the store's indexed queries: nothing
// of the corpus is held in memory, so it opens a million-document store as
// fast as an empty one. Lists and aggregates that would scan the corpus are
// bounded (the newest documents or claims first) and say so.
type StoreBackend struct {
	db  *sqlite.DB
	src dbsource.Source
	kb  *kb.KB // coordinates of places; may be nil
}

// NewStoreBackend serves db; base gives places their coordinates.
func NewStoreBackend(db *sqlite.DB, base *kb.KB) *StoreBackend {
	return &StoreBackend{db: db, src: dbsource.Source{DB: db}, kb: base}
}

var _ Backend = (*StoreBackend)(nil)

// notFound maps the store's not-found error to the workbench's.
func notFound(err error) error {
	if errors.Is(err, dossier.ErrNotFound) {
		return fmt.Errorf("%w (%v)", ErrNotFound, err)
	}
	return err
}

// summaryOf converts a stored document's listing row.
func summaryOf(d dossier.DocSummary) DocSummary {
	s := DocSummary{ID: d.ID, Name: d.Name, Title: d.Title, Outlet: d.Outlet, Lang: d.Lang, Published: d.Published, URL: d.URL}
	if s.Title == "" {
		s.Title = d.Name
	}
	if s.Published == "" && !d.Retrieved.IsZero() {
		s.Ingested = d.Retrieved.UTC().Format(time.DateOnly)
	}
	return s
}

// snippetParts turns the store's marked snippet into parts.
func snippetParts(s string) []SnippetPart {
	out := []SnippetPart{}
	hit := false
	for s != "" {
		mark := dossier.SnippetStart
		if hit {
			mark = dossier.SnippetEnd
		}
		i := strings.Index(s, mark)
		if i < 0 {
			out = append(out, SnippetPart{Text: s, Hit: hit})
			break
		}
		if i > 0 {
			out = append(out, SnippetPart{Text: s[:i], Hit: hit})
		}
		s = s[i+len(mark):]
		hit = !hit
	}
	return out
}

func facetValues(in []dossier.FacetCount) []FacetValue {
	out := make([]FacetValue, 0, len(in))
	for _, c := range in {
		out = append(out, FacetValue(c))
	}
	return out
}

// Search implements Backend with the store's full-text index.
func (b *StoreBackend) Search(ctx context.Context, q SearchRequest) (*SearchResult, error) {
	size := q.Size
	if size <= 0 {
		size = defaultPageSize
	}
	size = min(size, maxPageSize)
	page := max(q.Page, 1)
	if q.Entity != "" {
		ok, err := b.db.EntityExists(ctx, q.Entity)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("entity %q: %w", q.Entity, ErrNotFound)
		}
	}
	sq := dossier.SearchQuery{Text: q.Text, Entity: q.Entity, Lang: q.Lang, Outlet: q.Outlet, Since: q.Since, Until: q.Until,
		Type: q.Type, Offset: (page - 1) * size, Limit: size, Browse: true}
	// The page of hits and the facets are independent queries: side by side.
	var hits []dossier.SearchHit
	var facets *dossier.SearchFacets
	var g errgroup.Group
	g.Go(func() (err error) {
		hits, err = b.db.Search(ctx, sq)
		return err
	})
	g.Go(func() (err error) {
		facets, err = b.db.SearchFacets(ctx, sq, q.Type)
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	res := &SearchResult{Total: facets.Total, TotalCapped: facets.Capped, Page: page, Size: size, Hits: []SearchHit{}}
	for _, h := range hits {
		res.Hits = append(res.Hits, SearchHit{Doc: summaryOf(h.Doc), Snippet: snippetParts(h.Snippet), Score: roundConfidence(h.Score)})
	}
	res.Facets = Facets{Entity: facetValues(facets.Entities), Type: facetValues(facets.Types), Lang: facetValues(facets.Langs),
		Outlet: facetValues(facets.Outlets), Year: facetValues(facets.Years)}
	slices.SortFunc(res.Facets.Year, func(a, b FacetValue) int { return strings.Compare(b.Value, a.Value) })
	return res, nil
}

// Document implements Backend: the stored document rebuilt with its layers.
func (b *StoreBackend) Document(ctx context.Context, id int64) (*DocumentView, error) {
	st, err := b.src.Document(ctx, id)
	if err != nil {
		return nil, notFound(err)
	}
	doc := st.Doc
	sum := DocSummary{ID: id, Name: doc.Name, Title: strings.TrimSpace(doc.Meta.Title), Outlet: doc.Meta.Outlet, Lang: doc.Lang, URL: doc.Meta.URL}
	if sum.Title == "" {
		sum.Title = doc.Name
	}
	if !doc.Meta.Published.IsZero() {
		sum.Published = doc.Meta.Published.Format(time.DateOnly)
	} else {
		sum.Ingested = st.Retrieved
	}
	return documentView(doc, sum), nil
}

// FindEntities implements Backend: names and aliases starting with name,
// then the store's key and knowledge-base matches.
func (b *StoreBackend) FindEntities(ctx context.Context, name, typ string, limit int) ([]EntityRef, error) {
	if limit <= 0 || limit > maxPageSize {
		limit = defaultPageSize
	}
	found, err := b.db.SuggestEntities(ctx, name, typ, limit)
	if err != nil {
		return nil, err
	}
	out := []EntityRef{}
	for _, e := range found {
		out = append(out, EntityRef{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: e.Mentions, Documents: e.Documents})
	}
	return out, nil
}

// titles fills evidence titles and dates from the documents they cite.
func (b *StoreBackend) titles(ctx context.Context, ids []int64) (map[int64]dossier.DocSummary, error) {
	slices.Sort(ids)
	return b.db.Summaries(ctx, slices.Compact(ids))
}

func speakerOf(r *dossier.SpeakerRecord) *Speaker {
	if r == nil {
		return nil
	}
	name := r.Name
	if r.Entity == "" && r.Descriptor != "" {
		name = r.Descriptor // an unnamed source goes by its description ("accusation"), as on the document page
	}
	return &Speaker{ID: r.Entity, Name: name, Descriptor: r.Descriptor}
}

func evidenceOf(e dossier.Evidence, docs map[int64]dossier.DocSummary) Evidence {
	d := docs[e.Doc]
	title := d.Title
	if title == "" {
		title = d.Name
	}
	return Evidence{Doc: e.Doc, Title: title, Published: d.Published, Start: e.Start, End: e.End, Text: e.Text}
}

// Entity implements Backend from the store's entity page.
func (b *StoreBackend) Entity(ctx context.Context, id string) (*EntityView, error) {
	p, err := b.db.EntityPage(ctx, id)
	if err != nil {
		return nil, notFound(err)
	}
	v := &EntityView{
		EntityRef: EntityRef{ID: p.ID, Name: p.Name, Type: p.Type, Mentions: p.Mentions, Documents: p.Documents},
		KB:        p.KB, Aliases: []AliasDocs{}, Relations: []RelationGroup{},
		QuotesBy: []QuoteRecord{}, QuotesAbout: []QuoteRecord{}, Figures: []FigureRecord{},
		DocumentList: []DocSummary{}, Timeline: []DateCount{}, DocumentsTotal: p.Documents,
		FirstSeen: p.FirstSeen, LastSeen: p.LastSeen, SeenIngested: p.SeenIngested,
	}
	if b.kb != nil && p.KB != "" {
		if k := b.kb.Entry(p.KB); k != nil && k.HasCoords {
			lat, lon := k.Lat, k.Lon
			v.Lat, v.Lon = &lat, &lon
		}
	}
	// Where each alias was found, among the entity's newest documents.
	byID := map[int64]dossier.DocSummary{}
	var newest []int64
	for _, d := range p.Docs {
		v.DocumentList = append(v.DocumentList, summaryOf(d))
		byID[d.ID] = d
		newest = append(newest, d.ID)
	}
	aliasDocs, err := b.db.AliasDocs(ctx, id, newest)
	if err != nil {
		return nil, err
	}
	for _, a := range p.Aliases {
		name := a.Name
		if name == "" {
			name = p.Name
		}
		ad := AliasDocs{Name: name, Reason: a.Reason, Total: a.Documents, Documents: []DocSummary{}}
		for _, d := range aliasDocs[[2]string{name, a.Reason}] {
			if len(ad.Documents) < maxAliasDocs {
				ad.Documents = append(ad.Documents, summaryOf(byID[d]))
			}
		}
		v.Aliases = append(v.Aliases, ad)
	}
	months, err := b.db.MonthlyMentions(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, m := range months {
		v.Timeline = append(v.Timeline, DateCount{Date: m.Value, Count: m.Count})
	}
	var ids []int64
	for _, r := range p.Relations {
		ids = append(ids, r.Evidence.Doc)
	}
	for _, q := range p.QuotesBy {
		ids = append(ids, q.Quote.Doc)
	}
	for _, q := range p.QuotesAbout {
		ids = append(ids, q.Quote.Doc)
	}
	for _, f := range p.Figures {
		ids = append(ids, f.Sentence.Doc)
	}
	docs, err := b.titles(ctx, ids)
	if err != nil {
		return nil, err
	}
	groups := map[string]*RelationGroup{}
	for _, r := range p.Relations {
		g := groups[r.Predicate]
		if g == nil {
			g = &RelationGroup{Predicate: r.Predicate}
			groups[r.Predicate] = g
		}
		g.Total++
		if len(g.Relations) < maxPerPredicate {
			g.Relations = append(g.Relations, Relation{
				Subject: EntityRef{ID: r.Subject.ID, Name: r.Subject.Name}, Predicate: r.Predicate,
				Object: EntityRef{ID: r.Object.ID, Name: r.Object.Name}, Modality: r.Modality,
				Confidence: roundConfidence(r.Confidence), Attribution: speakerOf(r.Attribution),
				Evidence: evidenceOf(r.Evidence, docs),
			})
		}
	}
	for _, g := range groups {
		v.Relations = append(v.Relations, *g)
	}
	slices.SortFunc(v.Relations, func(a, b RelationGroup) int {
		if c := cmp.Compare(b.Total, a.Total); c != 0 {
			return c
		}
		return strings.Compare(a.Predicate, b.Predicate)
	})
	for _, q := range p.QuotesBy[:min(len(p.QuotesBy), maxQuotes)] {
		v.QuotesBy = append(v.QuotesBy, QuoteRecord{Quote: evidenceOf(q.Quote, docs), Speaker: speakerOf(q.Speaker)})
	}
	for _, q := range p.QuotesAbout[:min(len(p.QuotesAbout), maxQuotes)] {
		v.QuotesAbout = append(v.QuotesAbout, QuoteRecord{Quote: evidenceOf(q.Quote, docs), Speaker: speakerOf(q.Speaker)})
	}
	for _, f := range p.Figures[:min(len(p.Figures), maxFigures)] {
		v.Figures = append(v.Figures, FigureRecord{Value: f.Value, Unit: f.Unit, Qualifier: f.Qualifier, Text: f.Text, Sentence: evidenceOf(f.Sentence, docs)})
	}
	return v, nil
}

// Stats implements Backend.
func (b *StoreBackend) Stats(ctx context.Context) (*Stats, error) {
	st, err := b.db.Overview(ctx)
	if err != nil {
		return nil, err
	}
	return &Stats{Documents: st.Documents, Entities: st.Entities, Claims: st.Claims, Quotes: st.Quotes, Figures: st.Figures,
		Languages: st.Languages, First: st.FirstPublished, Last: st.LastPublished}, nil
}

func (b *StoreBackend) kbEntry(id string) *kb.Entry {
	if b.kb == nil || id == "" {
		return nil
	}
	return b.kb.Entry(id)
}
