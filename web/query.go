package web

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
)

// Caps on list lengths, so that one page's answer stays small however large
// the corpus; the Total fields tell the rest.
const (
	maxPageSize       = 100
	defaultPageSize   = 20
	maxFacetValues    = 15
	maxEntityDocs     = 100
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

// Search implements Backend.
func (m *Memory) Search(ctx context.Context, q SearchRequest) (*SearchResult, error) {
	query := parseSearch(q.Text)
	terms := query.highlight()
	size := q.Size
	if size <= 0 {
		size = defaultPageSize
	}
	size = min(size, maxPageSize)
	page := max(q.Page, 1)

	scores := m.match(query)
	entity := int32(-1)
	if q.Entity != "" {
		ix, ok := m.entityIx[q.Entity]
		if !ok {
			return nil, fmt.Errorf("entity %q: %w", q.Entity, ErrNotFound)
		}
		entity = ix
	}
	var hits []int32
	keep := func(ix int32) bool {
		d := &m.docs[ix]
		if q.Lang != "" && d.doc.Lang != q.Lang || q.Outlet != "" && d.doc.Meta.Outlet != q.Outlet {
			return false
		}
		if !inRange(d.date, q.Since, q.Until) {
			return false
		}
		if entity >= 0 && !slices.Contains(d.entities, entity) {
			return false
		}
		if q.Type != "" && !m.mentionsType(d, q.Type) {
			return false
		}
		return m.wordsFit(d, query)
	}
	if scores == nil {
		for ix := range m.docs {
			if keep(int32(ix)) {
				hits = append(hits, int32(ix))
			}
		}
	} else {
		for ix := range scores {
			if keep(ix) {
				hits = append(hits, ix)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Best score first; newest first among equals and when there is no query.
	slices.SortFunc(hits, func(a, b int32) int {
		if scores != nil {
			if c := cmp.Compare(scores[b], scores[a]); c != 0 {
				return c
			}
		}
		if c := strings.Compare(m.docs[b].date, m.docs[a].date); c != 0 {
			return c
		}
		return cmp.Compare(m.docs[a].id, m.docs[b].id)
	})
	res := &SearchResult{Total: len(hits), Page: page, Size: size, Hits: []SearchHit{}}
	res.Facets = m.facets(hits, q.Type)
	from := (page - 1) * size
	for _, ix := range hits[min(from, len(hits)):min(from+size, len(hits))] {
		d := &m.docs[ix]
		h := SearchHit{Doc: d.summary(), Snippet: buildSnippet(d.doc.Text, terms, spansOf(d.doc.Boilerplate, len(d.doc.Text)))}
		if scores != nil {
			h.Score = math.Round(scores[ix]*1000) / 1000
		}
		res.Hits = append(res.Hits, h)
	}
	return res, nil
}

// wordsFit applies what postings cannot: the query's phrases must occur in
// the document's text, and its excluded words and phrases must not.
func (m *Memory) wordsFit(d *memDoc, q searchQuery) bool {
	for _, p := range q.phrases {
		if !containsPhrase(d.doc.Text, p) {
			return false
		}
	}
	for _, x := range q.excluded {
		if containsPhrase(d.doc.Text, x) {
			return false
		}
	}
	return true
}

// mentionsType reports whether the document names an entity of type typ.
func (m *Memory) mentionsType(d *memDoc, typ string) bool {
	for _, e := range d.entities {
		if e >= 0 && m.entities[e].typ == typ {
			return true
		}
	}
	return false
}

// match scores the documents holding a term of every group of q (tf-idf,
// length-normalised); nil means no wanted words, so every document matches.
func (m *Memory) match(q searchQuery) map[int32]float64 {
	if q.empty() {
		return nil
	}
	n := float64(len(m.docs))
	var scores map[int32]float64
	for _, group := range q.groups {
		termScores := make(map[int32]float64)
		add := func(list []posting) {
			idf := math.Log(1 + n/float64(1+len(list)))
			for _, p := range list {
				if scores != nil {
					if _, ok := scores[p.doc]; !ok {
						continue
					}
				}
				termScores[p.doc] += idf * float64(p.tf) / math.Sqrt(float64(1+m.docs[p.doc].tokens))
			}
		}
		for _, t := range group {
			if t.prefix {
				i := sort.SearchStrings(m.vocab, t.word)
				for ; i < len(m.vocab) && strings.HasPrefix(m.vocab[i], t.word); i++ {
					add(m.postings[m.vocab[i]])
				}
			} else {
				add(m.postings[t.word])
			}
		}
		if scores != nil {
			for ix, s := range termScores {
				termScores[ix] = s + scores[ix]
			}
		}
		scores = termScores
		if len(scores) == 0 {
			break
		}
	}
	return scores
}

// facets counts the hits by entity, type, language, outlet and year.
func (m *Memory) facets(hits []int32, typ string) Facets {
	// Dense counters indexed by entity, and the last document that counted
	// each, so a document counts an entity once without a per-document set.
	entityCounts := make([]int32, len(m.entities))
	lastDoc := make([]int32, len(m.entities))
	for i := range lastDoc {
		lastDoc[i] = -1
	}
	var typeCounts [3]int
	langCounts := map[string]int{}
	outletCounts := map[string]int{}
	yearCounts := map[string]int{}
	for _, ix := range hits {
		d := &m.docs[ix]
		var seenTypes [3]bool
		for _, e := range d.entities {
			if e < 0 || lastDoc[e] == ix {
				continue
			}
			lastDoc[e] = ix
			t := m.entities[e].typ
			if typ == "" || t == typ {
				entityCounts[e]++
			}
			if ti := typeIndex(t); ti >= 0 && !seenTypes[ti] {
				seenTypes[ti] = true
				typeCounts[ti]++
			}
		}
		if d.doc.Lang != "" {
			langCounts[d.doc.Lang]++
		}
		if o := d.doc.Meta.Outlet; o != "" {
			outletCounts[o]++
		}
		if len(d.date) >= 4 {
			yearCounts[d.date[:4]]++
		}
	}
	f := Facets{Entity: []FacetValue{}, Type: []FacetValue{}}
	// Keep the best maxFacetValues entities without sorting them all.
	var best []int32
	for e, c := range entityCounts {
		if c == 0 {
			continue
		}
		if len(best) == maxFacetValues && entityCounts[best[len(best)-1]] >= c {
			continue
		}
		at, _ := slices.BinarySearchFunc(best, int32(e), func(x, target int32) int {
			if c := cmp.Compare(entityCounts[target], entityCounts[x]); c != 0 {
				return c
			}
			return strings.Compare(m.entities[x].id, m.entities[target].id)
		})
		best = slices.Insert(best, at, int32(e))
		best = best[:min(len(best), maxFacetValues)]
	}
	for _, e := range best {
		x := &m.entities[e]
		f.Entity = append(f.Entity, FacetValue{Value: x.id, Label: x.name, Type: x.typ, Count: int(entityCounts[e])})
	}
	for i, t := range []string{dossier.TypePER, dossier.TypeORG, dossier.TypeLOC} {
		if typeCounts[i] > 0 {
			f.Type = append(f.Type, FacetValue{Value: t, Count: typeCounts[i]})
		}
	}
	sortFacet(f.Type)
	f.Lang = facetOf(langCounts)
	f.Outlet = facetOf(outletCounts)
	f.Outlet = f.Outlet[:min(len(f.Outlet), maxFacetValues)]
	f.Year = facetOf(yearCounts)
	slices.SortFunc(f.Year, func(a, b FacetValue) int { return strings.Compare(b.Value, a.Value) })
	return f
}

func typeIndex(t string) int {
	switch t {
	case dossier.TypePER:
		return 0
	case dossier.TypeORG:
		return 1
	case dossier.TypeLOC:
		return 2
	}
	return -1
}

func facetOf(counts map[string]int) []FacetValue {
	out := make([]FacetValue, 0, len(counts))
	for v, c := range counts {
		out = append(out, FacetValue{Value: v, Count: c})
	}
	sortFacet(out)
	return out
}

// sortFacet orders by count, then value, so answers are stable.
func sortFacet(f []FacetValue) {
	slices.SortFunc(f, func(a, b FacetValue) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
}

// Document implements Backend.
func (m *Memory) Document(ctx context.Context, id int64) (*DocumentView, error) {
	ix, ok := m.byID[id]
	if !ok {
		return nil, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	d := &m.docs[ix]
	return documentView(d.doc, d.summary()), ctx.Err()
}

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

// FindEntities implements Backend: entities whose name or alias starts with
// (or, failing that, contains) name, most mentioned first.
func (m *Memory) FindEntities(ctx context.Context, name, typ string, limit int) ([]EntityRef, error) {
	if limit <= 0 || limit > maxPageSize {
		limit = defaultPageSize
	}
	want := string(appendFolded(nil, strings.TrimSpace(name)))
	type found struct {
		ix   int32
		rank int
	}
	var hits []found
	var buf []byte
	for i := range m.entities {
		e := &m.entities[i]
		if typ != "" && e.typ != typ {
			continue
		}
		rank := -1
		check := func(s string) {
			buf = appendFolded(buf[:0], s)
			switch {
			case string(buf) == want:
				rank = 0
			case strings.HasPrefix(string(buf), want) && (rank < 0 || rank > 1):
				rank = 1
			case strings.Contains(string(buf), want) && rank < 0:
				rank = 2
			}
		}
		if e.id == name {
			rank = 0
		}
		check(e.name)
		for _, k := range e.aliasOrder {
			check(k.name)
		}
		if rank >= 0 {
			hits = append(hits, found{int32(i), rank})
		}
	}
	slices.SortFunc(hits, func(a, b found) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		if c := cmp.Compare(m.entities[b.ix].mentions, m.entities[a.ix].mentions); c != 0 {
			return c
		}
		return strings.Compare(m.entities[a.ix].id, m.entities[b.ix].id)
	})
	out := []EntityRef{}
	for _, h := range hits[:min(len(hits), limit)] {
		e := &m.entities[h.ix]
		out = append(out, EntityRef{ID: e.id, Name: e.name, Type: e.typ, Mentions: e.mentions, Documents: e.docCount})
	}
	return out, ctx.Err()
}

// Entity implements Backend.
func (m *Memory) Entity(ctx context.Context, id string) (*EntityView, error) {
	ix, ok := m.entityIx[id]
	if !ok {
		return nil, fmt.Errorf("entity %q: %w", id, ErrNotFound)
	}
	e := &m.entities[ix]
	v := &EntityView{
		EntityRef: EntityRef{ID: e.id, Name: e.name, Type: e.typ, Mentions: e.mentions, Documents: e.docCount},
		KB:        e.kb, Aliases: []AliasDocs{}, Relations: []RelationGroup{},
		QuotesBy: []QuoteRecord{}, QuotesAbout: []QuoteRecord{}, Figures: []FigureRecord{},
		DocumentList: []DocSummary{}, Timeline: []DateCount{}, DocumentsTotal: e.docCount,
	}
	if m.kb != nil && e.kb != "" {
		if k := m.kb.Entry(e.kb); k != nil && k.HasCoords {
			lat, lon := k.Lat, k.Lon
			v.Lat, v.Lon = &lat, &lon
		}
	}
	for _, k := range e.aliasOrder {
		docs := e.aliases[k]
		a := AliasDocs{Name: k.name, Reason: k.reason, Total: len(docs), Documents: []DocSummary{}}
		for _, d := range docs[:min(len(docs), maxAliasDocs)] {
			a.Documents = append(a.Documents, m.docs[d].summary())
		}
		v.Aliases = append(v.Aliases, a)
	}

	// Documents, newest first; first/last seen and the monthly timeline.
	docs := m.entityDocs(ix)
	months := map[string]int{}
	for _, d := range docs {
		date := m.docs[d].date
		if date == "" {
			continue
		}
		if v.FirstSeen == "" || date < v.FirstSeen {
			v.FirstSeen = date
		}
		if date > v.LastSeen {
			v.LastSeen = date
		}
		months[date[:min(7, len(date))]]++
	}
	for mo, c := range months {
		v.Timeline = append(v.Timeline, DateCount{Date: mo, Count: c})
	}
	slices.SortFunc(v.Timeline, func(a, b DateCount) int { return strings.Compare(a.Date, b.Date) })
	m.sortNewest(docs)
	for _, d := range docs[:min(len(docs), maxEntityDocs)] {
		v.DocumentList = append(v.DocumentList, m.docs[d].summary())
	}

	// Relations grouped by predicate, each group's strongest first.
	groups := map[string][]claimRef{}
	for _, r := range e.claims {
		p := m.docs[r.doc].doc.Claims[r.claim].Predicate
		groups[p] = append(groups[p], r)
	}
	for p, refs := range groups {
		g := RelationGroup{Predicate: p, Total: len(refs)}
		m.sortClaims(refs)
		for _, r := range refs[:min(len(refs), maxPerPredicate)] {
			g.Relations = append(g.Relations, m.relation(r))
		}
		v.Relations = append(v.Relations, g)
	}
	slices.SortFunc(v.Relations, func(a, b RelationGroup) int {
		if c := cmp.Compare(b.Total, a.Total); c != 0 {
			return c
		}
		return strings.Compare(a.Predicate, b.Predicate)
	})

	// Quotes by and about, and figures in sentences naming the entity,
	// from the newest documents.
	for _, d := range docs {
		if len(v.QuotesBy) >= maxQuotes && len(v.QuotesAbout) >= maxQuotes && len(v.Figures) >= maxFigures {
			break
		}
		m.quotesAndFigures(d, ix, v)
	}
	return v, ctx.Err()
}

// entityDocs lists the distinct documents of entity e.
func (m *Memory) entityDocs(e int32) []int32 {
	var out []int32
	for _, o := range m.entities[e].occurrences {
		if len(out) == 0 || out[len(out)-1] != o.doc {
			out = append(out, o.doc)
		}
	}
	return out
}

func (m *Memory) sortNewest(docs []int32) {
	slices.SortStableFunc(docs, func(a, b int32) int { return strings.Compare(m.docs[b].date, m.docs[a].date) })
}

// sortClaims orders claims by confidence, then newest document.
func (m *Memory) sortClaims(refs []claimRef) {
	slices.SortStableFunc(refs, func(a, b claimRef) int {
		ca, cb := m.docs[a.doc].doc.Claims[a.claim].Confidence, m.docs[b.doc].doc.Claims[b.claim].Confidence
		if c := cmp.Compare(cb, ca); c != 0 {
			return c
		}
		return strings.Compare(m.docs[b.doc].date, m.docs[a.doc].date)
	})
}

// quotesAndFigures adds what document doc says by or about entity e.
func (m *Memory) quotesAndFigures(doc, e int32, v *EntityView) {
	d := &m.docs[doc]
	text := d.doc.Text
	names := func(start, end int) bool {
		ms := d.doc.Mentions
		i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= start })
		for ; i < len(ms) && ms[i].Start < end; i++ {
			if ms[i].End <= end && d.entity(ms[i].Entity) == e {
				return true
			}
		}
		return false
	}
	for _, q := range d.doc.Quotes {
		if slice(text, q.Start, q.End) == "" {
			continue
		}
		rec := QuoteRecord{Quote: m.evidence(doc, q.Start, q.End), Speaker: m.speaker(doc, q.Speaker)}
		switch {
		case q.Speaker != nil && d.entity(q.Speaker.Entity) == e:
			if len(v.QuotesBy) < maxQuotes {
				v.QuotesBy = append(v.QuotesBy, rec)
			}
		case names(q.Start, q.End):
			if len(v.QuotesAbout) < maxQuotes {
				v.QuotesAbout = append(v.QuotesAbout, rec)
			}
		}
	}
	for _, f := range d.doc.Figures {
		if len(v.Figures) >= maxFigures {
			break
		}
		if slice(text, f.Start, f.End) == "" {
			continue
		}
		s, end := sentenceAt(d.doc, f.Start, f.End)
		if names(s, end) {
			v.Figures = append(v.Figures, FigureRecord{Value: f.Value, Unit: f.Unit, Qualifier: f.Qualifier,
				Text: text[f.Start:f.End], Sentence: m.evidence(doc, s, end)})
		}
	}
}

// Stats implements Backend.
func (m *Memory) Stats(ctx context.Context) (*Stats, error) {
	s := &Stats{Documents: len(m.docs), Entities: map[string]int{}, Languages: map[string]int{}}
	for i := range m.entities {
		s.Entities[m.entities[i].typ]++
	}
	for i := range m.docs {
		d := &m.docs[i]
		s.Claims += len(d.doc.Claims)
		s.Quotes += len(d.doc.Quotes)
		s.Figures += len(d.doc.Figures)
		if d.doc.Lang != "" {
			s.Languages[d.doc.Lang]++
		}
		if d.date != "" && (s.First == "" || d.date < s.First) {
			s.First = d.date
		}
		if d.date > s.Last {
			s.Last = d.date
		}
	}
	return s, ctx.Err()
}
