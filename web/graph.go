package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-project/dossier"
)

// PredCooccurrence names the co-occurrence layer's edges.
const PredCooccurrence = "cooccurrence"

// claimFilter keeps the claims a graph or edge request asks for.
type claimFilter struct {
	predicates, modalities map[string]bool
	since, until           string
}

func newClaimFilter(predicates, modalities []string, since, until string) claimFilter {
	set := func(xs []string) map[string]bool {
		if len(xs) == 0 {
			return nil
		}
		s := make(map[string]bool, len(xs))
		for _, x := range xs {
			s[x] = true
		}
		return s
	}
	return claimFilter{predicates: set(predicates), modalities: set(modalities), since: since, until: until}
}

func (m *Memory) passes(f *claimFilter, r claimRef) bool {
	d := &m.docs[r.doc]
	c := &d.doc.Claims[r.claim]
	if f.predicates != nil && !f.predicates[c.Predicate] || f.modalities != nil && !f.modalities[c.Modality] {
		return false
	}
	return inRange(d.date, f.since, f.until)
}

// Graph implements Backend.
func (m *Memory) Graph(ctx context.Context, q GraphRequest) (*Graph, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultGraphNodes
	}
	limit = min(limit, maxGraphNodes)
	filter := newClaimFilter(q.Predicates, q.Modalities, q.Since, q.Until)
	var types map[string]bool
	if len(q.Types) > 0 {
		types = map[string]bool{}
		for _, t := range q.Types {
			types[t] = true
		}
	}
	typeOK := func(e int32) bool { return types == nil || types[m.entities[e].typ] }

	// edgeState caches each edge's passing claims: count and dominant modality.
	type edgeState struct {
		count    int
		modality string
	}
	states := make(map[int32]edgeState)
	edgeOf := func(ix int32) edgeState {
		if s, ok := states[ix]; ok {
			return s
		}
		var s edgeState
		mods := map[string]int{}
		for _, r := range m.edges[ix].claims {
			if m.passes(&filter, r) {
				s.count++
				mods[m.docs[r.doc].doc.Claims[r.claim].Modality]++
			}
		}
		best := 0
		for mod, c := range mods {
			if c > best || c == best && mod < s.modality {
				s.modality, best = mod, c
			}
		}
		states[ix] = s
		return s
	}

	nodes := map[int32]bool{}
	var edges []int32
	truncated := false
	if q.Entity != "" {
		focus, ok := m.entityIx[q.Entity]
		if !ok {
			return nil, fmt.Errorf("entity %q: %w", q.Entity, ErrNotFound)
		}
		depth := min(max(q.Depth, 1), 2)
		nodes[focus] = true
		frontier := []int32{focus}
		seenEdge := map[int32]bool{}
		for level := 0; level < depth && len(frontier) > 0; level++ {
			var next []int32
			for _, n := range frontier {
				for _, ix := range m.entities[n].edges {
					if seenEdge[ix] || edgeOf(ix).count == 0 {
						continue
					}
					e := m.edges[ix]
					other := e.object
					if other == n {
						other = e.subject
					}
					if !typeOK(other) {
						continue
					}
					if !nodes[other] {
						if len(nodes) >= limit {
							truncated = true
							continue
						}
						nodes[other] = true
						next = append(next, other)
					}
					seenEdge[ix] = true
					edges = append(edges, ix)
				}
			}
			frontier = next
		}
		if q.Cooccurrence {
			// Entities only ever named alongside the focus are still its neighbourhood.
			for other := range m.cooc[focus] {
				if len(nodes) >= limit {
					truncated = true
					break
				}
				if typeOK(other) {
					nodes[other] = true
				}
			}
		}
		// Typed edges between the neighbours found count too.
		for n := range nodes {
			for _, ix := range m.entities[n].edges {
				e := m.edges[ix]
				if !seenEdge[ix] && nodes[e.subject] && nodes[e.object] && edgeOf(ix).count > 0 {
					seenEdge[ix] = true
					edges = append(edges, ix)
				}
			}
		}
	} else {
		degree := map[int32]int{}
		for ix := range m.edges {
			e := m.edges[ix]
			if !typeOK(e.subject) || !typeOK(e.object) || edgeOf(int32(ix)).count == 0 {
				continue
			}
			edges = append(edges, int32(ix))
			degree[e.subject]++
			degree[e.object]++
		}
		ranked := make([]int32, 0, len(degree))
		for n := range degree {
			ranked = append(ranked, n)
		}
		slices.SortFunc(ranked, func(a, b int32) int {
			if c := cmp.Compare(degree[b], degree[a]); c != 0 {
				return c
			}
			if c := cmp.Compare(m.entities[b].mentions, m.entities[a].mentions); c != 0 {
				return c
			}
			return strings.Compare(m.entities[a].id, m.entities[b].id)
		})
		if len(ranked) > limit {
			ranked, truncated = ranked[:limit], true
		}
		for _, n := range ranked {
			nodes[n] = true
		}
		edges = slices.DeleteFunc(edges, func(ix int32) bool { return !nodes[m.edges[ix].subject] || !nodes[m.edges[ix].object] })
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	g := &Graph{Nodes: []GraphNode{}, Edges: []GraphEdge{}, Truncated: truncated}
	degree := map[int32]int{}
	slices.Sort(edges)
	for _, ix := range edges {
		e := m.edges[ix]
		s := edgeOf(ix)
		degree[e.subject]++
		degree[e.object]++
		g.Edges = append(g.Edges, GraphEdge{
			ID:     fmt.Sprintf("r%d", ix),
			Source: m.entities[e.subject].id, Target: m.entities[e.object].id,
			Predicate: e.predicate, Modality: s.modality, Count: s.count,
		})
	}
	if q.Cooccurrence {
		g.Edges = append(g.Edges, m.cooccurrenceEdges(nodes, degree)...)
	}
	ordered := make([]int32, 0, len(nodes))
	for n := range nodes {
		ordered = append(ordered, n)
	}
	slices.Sort(ordered)
	for _, n := range ordered {
		e := &m.entities[n]
		g.Nodes = append(g.Nodes, GraphNode{ID: e.id, Name: e.name, Type: e.typ, Mentions: e.mentions, Degree: degree[n]})
	}
	return g, nil
}

// cooccurrenceEdges links the nodes named in the same sentences, keeping
// the strongest pairs (at most three per node on average) so that the faint
// layer does not drown the typed one.
func (m *Memory) cooccurrenceEdges(nodes map[int32]bool, degree map[int32]int) []GraphEdge {
	type pair struct {
		a, b  int32
		count int32
	}
	var pairs []pair
	for a := range nodes {
		for b, c := range m.cooc[a] {
			if a < b && nodes[b] {
				pairs = append(pairs, pair{a, b, c})
			}
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := cmp.Compare(y.count, x.count); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	pairs = pairs[:min(len(pairs), 3*len(nodes))]
	out := make([]GraphEdge, 0, len(pairs))
	for _, p := range pairs {
		out = append(out, GraphEdge{
			ID:     fmt.Sprintf("c%d-%d", p.a, p.b),
			Source: m.entities[p.a].id, Target: m.entities[p.b].id,
			Predicate: PredCooccurrence, Count: int(p.count),
		})
	}
	return out
}

// Edge implements Backend.
func (m *Memory) Edge(ctx context.Context, q EdgeRequest) (*EdgeEvidence, error) {
	s, ok := m.entityIx[q.Source]
	if !ok {
		return nil, fmt.Errorf("entity %q: %w", q.Source, ErrNotFound)
	}
	t, ok := m.entityIx[q.Target]
	if !ok {
		return nil, fmt.Errorf("entity %q: %w", q.Target, ErrNotFound)
	}
	out := &EdgeEvidence{Source: m.ref(s), Target: m.ref(t), Relations: []Relation{}}
	if q.Predicate == PredCooccurrence {
		out.Sentences = m.cooccurrenceSentences(s, t, q.Since, q.Until, &out.Total)
		return out, ctx.Err()
	}
	var preds []string
	if q.Predicate != "" {
		preds = []string{q.Predicate}
	}
	filter := newClaimFilter(preds, q.Modalities, q.Since, q.Until)
	var refs []claimRef
	for _, ix := range m.entities[s].edges {
		e := m.edges[ix]
		if !(e.subject == s && e.object == t || e.subject == t && e.object == s) {
			continue
		}
		for _, r := range e.claims {
			if m.passes(&filter, r) {
				refs = append(refs, r)
			}
		}
	}
	m.sortClaims(refs)
	out.Total = len(refs)
	for _, r := range refs[:min(len(refs), maxEdgeEvidence)] {
		out.Relations = append(out.Relations, m.relation(r))
	}
	return out, ctx.Err()
}

// cooccurrenceSentences lists sentences naming both entities, newest documents first.
func (m *Memory) cooccurrenceSentences(s, t int32, since, until string, total *int) []Evidence {
	docs := m.entityDocs(s)
	m.sortNewest(docs)
	out := []Evidence{}
	for _, doc := range docs {
		d := &m.docs[doc]
		if !slices.Contains(d.entities, t) || !inRange(d.date, since, until) {
			continue
		}
		ms := d.doc.Mentions
		k := 0
		for _, sent := range d.doc.Sentences {
			var hasS, hasT bool
			for k < len(ms) && ms[k].Start < sent.Start {
				k++
			}
			for j := k; j < len(ms) && ms[j].Start < sent.End; j++ {
				switch d.entity(ms[j].Entity) {
				case s:
					hasS = true
				case t:
					hasT = true
				}
			}
			if hasS && hasT {
				*total++
				if len(out) < maxEdgeEvidence && slice(d.doc.Text, sent.Start, sent.End) != "" {
					out = append(out, m.evidence(doc, sent.Start, sent.End))
				}
			}
		}
	}
	return out
}

// selectDocs lists the documents an entity, language and date filter keeps.
func (m *Memory) selectDocs(entity, lang, since, until string) ([]int32, error) {
	var candidates []int32
	if entity != "" {
		ix, ok := m.entityIx[entity]
		if !ok {
			return nil, fmt.Errorf("entity %q: %w", entity, ErrNotFound)
		}
		candidates = m.entityDocs(ix)
	} else {
		candidates = make([]int32, len(m.docs))
		for i := range candidates {
			candidates[i] = int32(i)
		}
	}
	return slices.DeleteFunc(candidates, func(ix int32) bool {
		d := &m.docs[ix]
		return lang != "" && d.doc.Lang != lang || !inRange(d.date, since, until)
	}), nil
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

// Timeline implements Backend.
func (m *Memory) Timeline(ctx context.Context, q TimelineRequest) (*Timeline, error) {
	docs, err := m.selectDocs(q.Entity, q.Lang, q.Since, q.Until)
	if err != nil {
		return nil, err
	}
	tl := &Timeline{Documents: []DateCount{}, Events: []TimelineEvent{}, Figures: []TimelineFigure{}}
	perDay := map[string]int{}
	type eventKey struct{ date, precision string }
	events := map[eventKey]*TimelineEvent{}
	// Figures are ranked on light references first; only the kept ones are
	// turned into evidence.
	type figRef struct {
		doc   int32
		fig   int32
		rank  int
		value float64
	}
	var figs []figRef
	for i, ix := range docs {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		d := &m.docs[ix]
		if d.date != "" {
			perDay[d.date]++
		}
		text := d.doc.Text
		for _, t := range d.doc.Timexes {
			if t.Precision == dossier.PrecisionYear || len(t.Value) < 7 || slice(text, t.Start, t.End) == "" {
				continue
			}
			k := eventKey{t.Value, string(t.Precision)}
			ev := events[k]
			if ev == nil {
				ev = &TimelineEvent{Date: t.Value, Precision: string(t.Precision), Examples: []Evidence{}}
				events[k] = ev
			}
			ev.Count++
			if len(ev.Examples) < maxEventExamples {
				s, e := sentenceAt(d.doc, t.Start, t.End)
				ev.Examples = append(ev.Examples, m.evidence(ix, s, e))
			}
		}
		if d.date == "" {
			continue
		}
		for fi, f := range d.doc.Figures {
			if f.Unit == dossier.UnitOther || slice(text, f.Start, f.End) == "" {
				continue
			}
			figs = append(figs, figRef{doc: ix, fig: int32(fi), rank: figureUnitRank(f.Unit), value: f.Value})
		}
	}
	slices.SortStableFunc(figs, func(a, b figRef) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		return cmp.Compare(b.value, a.value)
	})
	for _, r := range figs[:min(len(figs), maxTimelineFigs)] {
		d := &m.docs[r.doc]
		f := &d.doc.Figures[r.fig]
		s, e := sentenceAt(d.doc, f.Start, f.End)
		tl.Figures = append(tl.Figures, TimelineFigure{Date: d.date, Value: f.Value, Unit: f.Unit, Qualifier: f.Qualifier,
			Text: d.doc.Text[f.Start:f.End], Sentence: m.evidence(r.doc, s, e)})
	}
	slices.SortStableFunc(tl.Figures, func(a, b TimelineFigure) int { return strings.Compare(a.Date, b.Date) })
	for day, c := range perDay {
		tl.Documents = append(tl.Documents, DateCount{Date: day, Count: c})
	}
	slices.SortFunc(tl.Documents, func(a, b DateCount) int { return strings.Compare(a.Date, b.Date) })

	for _, ev := range events {
		tl.Events = append(tl.Events, *ev)
	}
	// The most attested dates when there are too many, shown in date order.
	slices.SortFunc(tl.Events, func(a, b TimelineEvent) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Date, b.Date)
	})
	tl.Events = tl.Events[:min(len(tl.Events), maxTimelineEvents)]
	slices.SortFunc(tl.Events, func(a, b TimelineEvent) int { return strings.Compare(a.Date, b.Date) })

	return tl, nil
}

// Places implements Backend.
func (m *Memory) Places(ctx context.Context, q PlacesRequest) (*Places, error) {
	out := &Places{Places: []Place{}}
	mentions := map[int32]int{}
	documents := map[int32]int{}
	if q.Entity == "" && q.Since == "" && q.Until == "" {
		for i := range m.entities {
			if e := &m.entities[i]; e.typ == dossier.TypeLOC {
				mentions[int32(i)], documents[int32(i)] = e.mentions, e.docCount
			}
		}
	} else {
		docs, err := m.selectDocs(q.Entity, "", q.Since, q.Until)
		if err != nil {
			return nil, err
		}
		for _, ix := range docs {
			d := &m.docs[ix]
			for local, e := range d.entities {
				if e < 0 || m.entities[e].typ != dossier.TypeLOC {
					continue
				}
				mentions[e] += len(d.doc.Entities[local].Mentions)
				if !slices.Contains(d.entities[:local], e) {
					documents[e]++
				}
			}
		}
	}
	for e, n := range mentions {
		x := &m.entities[e]
		var entry = m.kbEntry(x.kb)
		if entry == nil || !entry.HasCoords {
			out.Unplaced++
			continue
		}
		out.Places = append(out.Places, Place{ID: x.id, Name: x.name, Lat: entry.Lat, Lon: entry.Lon, Mentions: n, Documents: documents[e]})
	}
	slices.SortFunc(out.Places, func(a, b Place) int {
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, ctx.Err()
}
