package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/sqlite"
)

// Bounds of the store backend's aggregates: the whole graph is drawn from
// the newest graphScan claims, an entity's from its newest focusClaims and
// its neighbours' newest ringClaims, co-occurrence from the newest coocDocs
// documents (naming the focus, when there is one), the timeline's dates and figures from the
// newest timelineDocs documents, a filtered map from the newest placeDocs.
const (
	graphScan    = 20000
	coocDocs     = 500
	timelineDocs = 500
	placeDocs    = 500
	focusClaims  = 5000 // an entity-centred graph reads the focus's newest claims on each side
	ringClaims   = 500  // and its neighbours' newest
	maxPlaces    = 5000
)

// storeEdge identifies an aggregated edge.
type storeEdge struct{ subject, object, predicate string }

// Graph implements Backend from aggregated claims.
func (b *StoreBackend) Graph(ctx context.Context, q GraphRequest) (*Graph, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultGraphNodes
	}
	limit = min(limit, maxGraphNodes)
	scope := sqlite.ClaimScope{Predicates: q.Predicates, Modalities: q.Modalities, Since: q.Since, Until: q.Until, Scan: graphScan}
	var types map[string]bool
	if len(q.Types) > 0 {
		types = map[string]bool{}
		for _, t := range q.Types {
			types[t] = true
		}
	}
	info := map[string]dossier.EntitySummary{}
	lookup := func(ids []string) error {
		var missing []string
		for _, id := range ids {
			if _, ok := info[id]; !ok {
				missing = append(missing, id)
			}
		}
		found, err := b.db.Entities(ctx, missing)
		for id, e := range found {
			info[id] = e
		}
		return err
	}
	// Without a type filter, claims are counted before their entities are
	// read: the whole graph then reads only the entities it keeps.
	typeOK := func(id string) bool {
		if types == nil {
			return true
		}
		e, ok := info[id]
		return ok && types[e.Type]
	}

	counts := map[storeEdge]map[string]int{} // modality counts per edge
	queried := map[string]bool{}             // entities whose claims are counted already
	read := 0                                // claims read
	addAggs := func(aggs []sqlite.ClaimAgg) error {
		if types != nil {
			var ids []string
			for _, a := range aggs {
				ids = append(ids, a.Subject, a.Object)
			}
			if err := lookup(ids); err != nil {
				return err
			}
		}
		for _, a := range aggs {
			read += a.Count
			if !typeOK(a.Subject) || !typeOK(a.Object) || a.Subject == a.Object || queried[a.Subject] || queried[a.Object] {
				continue // a claim with an earlier ring's entity was counted with it
			}
			k := storeEdge{a.Subject, a.Object, a.Predicate}
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][a.Modality] += a.Count
		}
		return nil
	}
	nodes := map[string]bool{}
	truncated := false
	omitted := map[string]bool{} // linked entities left out by the limit
	if q.Entity != "" {
		if err := lookup([]string{q.Entity}); err != nil {
			return nil, err
		}
		if _, ok := info[q.Entity]; !ok {
			return nil, fmt.Errorf("entity %q: %w", q.Entity, ErrNotFound)
		}
		nodes[q.Entity] = true
		frontier := []string{q.Entity}
		for level := 0; level < min(max(q.Depth, 1), 2) && len(frontier) > 0; level++ {
			scope.Entities = frontier
			// The focus's newest claims, then fewer of each neighbour's.
			scope.PerEntity = focusClaims
			if level > 0 {
				scope.PerEntity = ringClaims
			}
			aggs, err := b.db.ClaimEdges(ctx, scope)
			if err != nil {
				return nil, err
			}
			if err := addAggs(aggs); err != nil {
				return nil, err
			}
			for _, e := range frontier {
				queried[e] = true
			}
			var next []string
			for k := range counts {
				for _, n := range []string{k.subject, k.object} {
					if nodes[n] {
						continue
					}
					if len(nodes) >= limit {
						truncated, omitted[n] = true, true
						continue
					}
					nodes[n] = true
					next = append(next, n)
				}
			}
			slices.Sort(next)
			frontier = next
		}
	} else {
		scope.Entities = nil
		aggs, err := b.db.ClaimEdges(ctx, scope)
		if err != nil {
			return nil, err
		}
		if err := addAggs(aggs); err != nil {
			return nil, err
		}
		// The entities with the most distinct links, then the most claims.
		type weight struct {
			id             string
			degree, claims int
		}
		at := map[string]int{}
		var ranked []weight
		for k, mods := range counts {
			for _, n := range []string{k.subject, k.object} {
				i, ok := at[n]
				if !ok {
					i = len(ranked)
					at[n] = i
					ranked = append(ranked, weight{id: n})
				}
				ranked[i].degree++
				for _, c := range mods {
					ranked[i].claims += c
				}
			}
		}
		slices.SortFunc(ranked, func(x, y weight) int {
			return cmp.Or(cmp.Compare(y.degree, x.degree), cmp.Compare(y.claims, x.claims), strings.Compare(x.id, y.id))
		})
		if len(ranked) > limit {
			for _, w := range ranked[limit:] {
				omitted[w.id] = true
			}
			ranked, truncated = ranked[:limit], true
		}
		for _, w := range ranked {
			nodes[w.id] = true
		}
	}
	if types == nil {
		ids := make([]string, 0, len(nodes))
		for n := range nodes {
			ids = append(ids, n)
		}
		if err := lookup(ids); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	g := &Graph{Nodes: []GraphNode{}, Edges: []GraphEdge{}, Truncated: truncated, Omitted: len(omitted)}
	if q.Entity == "" && read >= graphScan {
		g.ClaimWindow = graphScan
	}
	degree := map[string]int{}
	keys := make([]storeEdge, 0, len(counts))
	for k := range counts {
		if nodes[k.subject] && nodes[k.object] {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(x, y storeEdge) int {
		return cmp.Or(strings.Compare(x.subject, y.subject), strings.Compare(x.object, y.object), strings.Compare(x.predicate, y.predicate))
	})
	for i, k := range keys {
		total, best, mod := 0, 0, ""
		for m, c := range counts[k] {
			total += c
			if c > best || c == best && m < mod {
				best, mod = c, m
			}
		}
		degree[k.subject]++
		degree[k.object]++
		g.Edges = append(g.Edges, GraphEdge{ID: fmt.Sprintf("r%d", i), Source: k.subject, Target: k.object, Predicate: k.predicate, Modality: mod, Count: total})
		g.Claims += total
	}
	if q.Cooccurrence {
		ids := make([]string, 0, len(nodes))
		for n := range nodes {
			ids = append(ids, n)
		}
		slices.Sort(ids)
		pairs, err := b.db.Cooccurrences(ctx, ids, q.Entity, coocDocs)
		if err != nil {
			return nil, err
		}
		// The strongest pairs, about three per node, so that the faint
		// layer does not drown the typed one.
		slices.SortFunc(pairs, func(x, y sqlite.ClaimAgg) int {
			return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Subject, y.Subject), strings.Compare(x.Object, y.Object))
		})
		for i, p := range pairs[:min(len(pairs), 3*len(ids))] {
			g.Edges = append(g.Edges, GraphEdge{ID: fmt.Sprintf("c%d", i), Source: p.Subject, Target: p.Object, Predicate: PredCooccurrence, Count: p.Count})
		}
	}
	ordered := make([]string, 0, len(nodes))
	for n := range nodes {
		ordered = append(ordered, n)
	}
	slices.Sort(ordered)
	for _, n := range ordered {
		e := info[n]
		g.Nodes = append(g.Nodes, GraphNode{ID: n, Name: e.Name, Type: e.Type, Mentions: e.Mentions, Degree: degree[n]})
	}
	return g, nil
}

// Edge implements Backend: the claims between two entities, or the
// sentences naming both.
func (b *StoreBackend) Edge(ctx context.Context, q EdgeRequest) (*EdgeEvidence, error) {
	info, err := b.db.Entities(ctx, []string{q.Source, q.Target})
	if err != nil {
		return nil, err
	}
	for _, id := range []string{q.Source, q.Target} {
		if _, ok := info[id]; !ok {
			return nil, fmt.Errorf("entity %q: %w", id, ErrNotFound)
		}
	}
	ref := func(id string) EntityRef { e := info[id]; return EntityRef{ID: e.ID, Name: e.Name, Type: e.Type} }
	out := &EdgeEvidence{Source: ref(q.Source), Target: ref(q.Target), Relations: []Relation{}}
	if q.Predicate == PredCooccurrence {
		ev, total, err := b.db.CooccurrenceSentences(ctx, q.Source, q.Target, q.Since, q.Until, maxEdgeEvidence, coocDocs)
		if err != nil {
			return nil, err
		}
		var ids []int64
		for _, e := range ev {
			ids = append(ids, e.Doc)
		}
		docs, err := b.titles(ctx, ids)
		if err != nil {
			return nil, err
		}
		out.Total = total
		out.Sentences = []Evidence{}
		for _, e := range ev {
			out.Sentences = append(out.Sentences, evidenceOf(e, docs))
		}
		return out, nil
	}
	scope := sqlite.ClaimScope{Modalities: q.Modalities, Since: q.Since, Until: q.Until}
	if q.Predicate != "" {
		scope.Predicates = []string{q.Predicate}
	}
	recs, total, err := b.db.ClaimsBetween(ctx, q.Source, q.Target, scope, maxEdgeEvidence)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, r := range recs {
		ids = append(ids, r.Evidence.Doc)
	}
	docs, err := b.titles(ctx, ids)
	if err != nil {
		return nil, err
	}
	out.Total = total
	for _, r := range recs {
		out.Relations = append(out.Relations, Relation{
			Subject: ref(r.Subject.ID), Predicate: r.Predicate, Object: ref(r.Object.ID), Modality: r.Modality,
			Confidence: roundConfidence(r.Confidence), Attribution: speakerOf(r.Attribution), Evidence: evidenceOf(r.Evidence, docs),
		})
	}
	return out, nil
}

// Timeline implements Backend: documents per day over the whole selection,
// dates and figures from its newest documents.
func (b *StoreBackend) Timeline(ctx context.Context, q TimelineRequest) (*Timeline, error) {
	if q.Entity != "" {
		if ok, err := b.db.EntityExists(ctx, q.Entity); err != nil || !ok {
			if err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("entity %q: %w", q.Entity, ErrNotFound)
		}
	}
	tl := &Timeline{Documents: []DateCount{}, Events: []TimelineEvent{}, Figures: []TimelineFigure{}}
	// The counts per day and the newest documents' facts are independent
	// queries: one on each core.
	var days []dossier.FacetCount
	daysErr := make(chan error, 1)
	go func() {
		var err error
		days, err = b.db.DocsPerDay(ctx, q.Entity, q.Lang, q.Since, q.Until)
		daysErr <- err
	}()
	recent, err := b.db.RecentDocs(ctx, q.Entity, q.Lang, q.Since, q.Until, timelineDocs)
	var exprs []sqlite.DatedExpr
	var figs []sqlite.DatedFigure
	if err == nil {
		exprs, figs, err = b.db.TimelineFacts(ctx, recent)
	}
	if derr := <-daysErr; err == nil {
		err = derr
	}
	if err != nil {
		return nil, err
	}
	for _, d := range days {
		tl.Documents = append(tl.Documents, DateCount{Date: d.Value, Count: d.Count})
	}
	ids := slices.Clone(recent)
	docs, err := b.titles(ctx, ids)
	if err != nil {
		return nil, err
	}
	type eventKey struct{ date, precision string }
	events := map[eventKey]*TimelineEvent{}
	for _, e := range exprs {
		k := eventKey{e.Value, e.Precision}
		ev := events[k]
		if ev == nil {
			ev = &TimelineEvent{Date: e.Value, Precision: e.Precision, Examples: []Evidence{}}
			events[k] = ev
		}
		ev.Count++
		if len(ev.Examples) < maxEventExamples {
			ev.Examples = append(ev.Examples, evidenceOf(e.Sentence, docs))
		}
	}
	for _, ev := range events {
		tl.Events = append(tl.Events, *ev)
	}
	slices.SortFunc(tl.Events, func(a, b TimelineEvent) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Date, b.Date))
	})
	tl.Events = tl.Events[:min(len(tl.Events), maxTimelineEvents)]
	slices.SortFunc(tl.Events, func(a, b TimelineEvent) int { return strings.Compare(a.Date, b.Date) })
	slices.SortStableFunc(figs, func(a, b sqlite.DatedFigure) int {
		return cmp.Or(cmp.Compare(figureUnitRank(a.Unit), figureUnitRank(b.Unit)), cmp.Compare(b.Value, a.Value))
	})
	for _, f := range figs[:min(len(figs), maxTimelineFigs)] {
		tl.Figures = append(tl.Figures, TimelineFigure{Date: f.Published, Value: f.Value, Unit: f.Unit, Qualifier: f.Qualifier,
			Text: f.Text, Sentence: evidenceOf(f.Sentence, docs)})
	}
	slices.SortStableFunc(tl.Figures, func(a, b TimelineFigure) int { return strings.Compare(a.Date, b.Date) })
	return tl, nil
}

// Places implements Backend: places with coordinates, most mentioned first.
func (b *StoreBackend) Places(ctx context.Context, q PlacesRequest) (*Places, error) {
	var docs []int64
	if q.Entity != "" || q.Since != "" || q.Until != "" {
		if q.Entity != "" {
			if ok, err := b.db.EntityExists(ctx, q.Entity); err != nil || !ok {
				if err != nil {
					return nil, err
				}
				return nil, fmt.Errorf("entity %q: %w", q.Entity, ErrNotFound)
			}
		}
		var err error
		if docs, err = b.db.RecentDocs(ctx, q.Entity, "", q.Since, q.Until, placeDocs); err != nil {
			return nil, err
		}
		if docs == nil {
			docs = []int64{}
		}
	}
	found, err := b.db.Places(ctx, docs, maxPlaces)
	if err != nil {
		return nil, err
	}
	out := &Places{Places: []Place{}}
	for _, e := range found {
		var entry = b.kbEntry(e.KB)
		if entry == nil || !entry.HasCoords {
			out.Unplaced++
			continue
		}
		out.Places = append(out.Places, Place{ID: e.ID, Name: e.Name, Lat: entry.Lat, Lon: entry.Lon, Mentions: e.Mentions, Documents: e.Documents})
	}
	return out, nil
}
