package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/query"
)

// Queries the workbench asks of the store (package web's StoreBackend):
// each reads indexes and stops at a limit, so its cost does not grow with
// the corpus.

// FacetSample is how many of the most recently stored matching documents
// search facets count; Total counts every match up to CountCap.
const FacetSample = 500

// CountCap is where search stops counting matches ("more than 10,000");
// CostlyCountCap where it stops when each match costs more to check (a
// phrase's positions, an entity-type filter's entity rows).
const (
	CountCap       = 10000
	CostlyCountCap = 2000
)

// maxFacetValues is how many values an entity or outlet facet lists.
const maxFacetValues = 20

// SearchFacets counts the documents matching q (its text and filters) and
// the facets of the newest FacetSample of them; typ narrows the entity
// facet to one entity type.
func (s *DB) SearchFacets(ctx context.Context, q dossier.SearchQuery, typ string) (*dossier.SearchFacets, error) {
	f := searchFilters(q)
	if neg, ok := ExclusionsOnly(q.Text); ok {
		f.add(`d.id NOT IN (SELECT rowid FROM search WHERE search MATCH ?)`, neg)
		q.Text = ""
	} else if query.Parse(q.Text).Empty() {
		q.Text = ""
	}
	out := &dossier.SearchFacets{}
	if strings.TrimSpace(q.Text) != "" {
		if none, err := s.filtersPassNone(ctx, q); err != nil || none {
			return out, err
		}
	}
	from, args := `FROM documents d WHERE 1`, []any{}
	countCap := CountCap
	if q.Type != "" {
		countCap = CostlyCountCap
	}
	if strings.TrimSpace(q.Text) != "" {
		expr, err := MatchExpr(q.Text)
		if err != nil {
			return nil, fmt.Errorf("search facets: %w", err)
		}
		if rank, err := RankExpr(q.Text); err == nil && rank != expr {
			countCap = CostlyCountCap // a phrase: each match's positions are read
		}
		from, args = `FROM search CROSS JOIN documents d ON d.id = search.rowid WHERE search MATCH ?`, []any{expr}
	}
	args = append(args, f.args...)
	// The count, and the sample's three facet queries, run side by side:
	// each is one SQLite connection's work, and the pool has several.
	var g errgroup.Group
	g.Go(func() error {
		// Counting stops at the cap: past it the answer is "more than", and
		// counting further would read every match of a very common query.
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 `+from+f.sql()+` LIMIT ?)`, append(slices.Clone(args), countCap+1)...).Scan(&n); err != nil {
			return err
		}
		out.Total, out.Capped = min(n, countCap), n > countCap
		return nil
	})
	sampleErr := s.facetSample(ctx, out, q.Text, from+f.sql(), args, typ)
	if err := g.Wait(); err != nil {
		return nil, fmt.Errorf("search facets: %w", err)
	}
	if sampleErr != nil {
		return nil, fmt.Errorf("search facets: %w", sampleErr)
	}
	return out, nil
}

// facetSample fills out's facets from the newest FacetSample documents of
// from (a FROM clause with its WHERE, and its args).
func (s *DB) facetSample(ctx context.Context, out *dossier.SearchFacets, text, from string, args []any, typ string) error {
	// The sample is the most recently stored matches, in the index's order:
	// sorting every match by date would read them all.
	order := `d.id`
	if strings.TrimSpace(text) != "" {
		order = `search.rowid` // FTS5 walks its index backwards for this, without a sort
	}
	var ids []int64
	err := s.eachRow(ctx, `SELECT d.id `+from+` ORDER BY `+order+` DESC LIMIT ?`, append(slices.Clone(args), FacetSample), func(rows *sql.Rows) error {
		var id int64
		err := rows.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return err
	}
	out.Sampled = len(ids)
	if len(ids) == 0 {
		return nil
	}
	set, _ := json.Marshal(ids)
	var g errgroup.Group
	g.Go(func() error { return s.entityFacets(ctx, out, string(set), typ) })
	g.Go(func() error {
		// An entity row of a knowledge-base entity carries no type: its
		// entity row has it.
		typeDocs := map[string]int{}
		err := s.eachRow(ctx, `SELECT type, count(DISTINCT doc) FROM (`+typedEntityRows+`) GROUP BY type`, []any{string(set)}, func(rows *sql.Rows) error {
			var t string
			var n int
			err := rows.Scan(&t, &n)
			typeDocs[t] = n
			return err
		})
		if err != nil {
			return fmt.Errorf("types: %w", err)
		}
		out.Types = topCounts(typeDocs, 10)
		return nil
	})
	g.Go(func() error {
		langs, outlets, years := map[string]int{}, map[string]int{}, map[string]int{}
		err := s.eachRow(ctx, `SELECT d.lang, d.outlet, substr(d.published, 1, 4) FROM json_each(?) j JOIN documents d ON d.id = j.value`, []any{string(set)}, func(rows *sql.Rows) error {
			var lang, outlet, year string
			if err := rows.Scan(&lang, &outlet, &year); err != nil {
				return err
			}
			for _, c := range []struct {
				m map[string]int
				v string
			}{{langs, lang}, {outlets, outlet}, {years, year}} {
				if c.v != "" {
					c.m[c.v]++
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("documents: %w", err)
		}
		out.Langs, out.Outlets, out.Years = topCounts(langs, 100), topCounts(outlets, maxFacetValues), topCounts(years, 200)
		return nil
	})
	return g.Wait()
}

// typedEntityRows lists the entity rows (doc, entity, type) of the documents
// in a JSON array of ids. The sample's entity rows are counted in SQL:
// handing ten thousand rows to Go costs more than the counting.
const typedEntityRows = `SELECT de.doc_id AS doc, de.entity_id AS entity,
	CASE WHEN de.type != '' THEN de.type ELSE (SELECT e.type FROM entities e WHERE e.id = de.entity_id) END AS type
	FROM json_each(?) j JOIN doc_entities de ON de.doc_id = j.value`

// entityFacets sets out's entity facet: the entities (of type typ, when
// set) in most of the documents of set, a JSON array of ids. Without a type
// to match, rows are counted as they are and only the top ones' types read.
func (s *DB) entityFacets(ctx context.Context, out *dossier.SearchFacets, set, typ string) error {
	query, args := `SELECT de.entity_id AS entity, '' AS type, count(DISTINCT de.doc_id) AS n
		FROM json_each(?) j JOIN doc_entities de ON de.doc_id = j.value GROUP BY entity`, []any{set}
	if typ = strings.ToUpper(typ); typ != "" {
		query = `SELECT entity, type, count(DISTINCT doc) AS n FROM (` + typedEntityRows + `) WHERE type = ? GROUP BY entity`
		args = append(args, typ)
	}
	var top []dossier.FacetCount
	types := map[string]string{}
	err := s.eachRow(ctx, query+` ORDER BY n DESC, entity LIMIT ?`, append(args, maxFacetValues), func(rows *sql.Rows) error {
		var c dossier.FacetCount
		var t string
		if err := rows.Scan(&c.Value, &t, &c.Count); err != nil {
			return err
		}
		types[c.Value] = t
		top = append(top, c)
		return nil
	})
	if err != nil || len(top) == 0 {
		return err
	}
	ids := make([]string, len(top))
	for i, c := range top {
		ids[i] = c.Value
	}
	info, err := s.Entities(ctx, ids)
	if err != nil {
		return err
	}
	for i := range top {
		top[i].Label, top[i].Type = info[top[i].Value].Name, cmp.Or(types[top[i].Value], info[top[i].Value].Type)
	}
	out.Entities = top
	return nil
}

// topCounts orders counts by count, then value, keeping the first limit.
func topCounts(counts map[string]int, limit int) []dossier.FacetCount {
	out := make([]dossier.FacetCount, 0, len(counts))
	for v, c := range counts {
		out = append(out, dossier.FacetCount{Value: v, Count: c})
	}
	slices.SortFunc(out, func(a, b dossier.FacetCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
	return out[:min(len(out), limit)]
}

// entityRows queries entity summaries (id, name, type, kb, mentions,
// documents, in that order) and reads them all.
func (s *DB) entityRows(ctx context.Context, query string, args ...any) ([]dossier.EntitySummary, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dossier.EntitySummary
	for rows.Next() {
		var e dossier.EntitySummary
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.KB, &e.Mentions, &e.Documents); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// SuggestEntities lists entities whose name or an alias starts with prefix
// (case-insensitive), most mentioned first, then those FindEntities finds
// (keys, the knowledge base's forms).
func (s *DB) SuggestEntities(ctx context.Context, prefix, typ string, limit int) ([]dossier.EntitySummary, error) {
	prefix = strings.TrimSpace(prefix)
	if prefix == "" {
		return nil, nil
	}
	like := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(prefix) + "%"
	out, err := s.entityRows(ctx, `
		WITH c(id) AS (
			SELECT id FROM entities WHERE name LIKE ?1 ESCAPE '\' COLLATE NOCASE
			UNION SELECT entity_id FROM entity_aliases WHERE name LIKE ?1 ESCAPE '\' COLLATE NOCASE
			UNION SELECT id FROM entities WHERE id = ?3)
		SELECT e.id, e.name, e.type, e.kb, COALESCE(st.mentions, 0), COALESCE(st.documents, 0)
		FROM entities e JOIN c ON c.id = e.id LEFT JOIN entity_stats st ON st.id = e.id
		WHERE ?2 = '' OR e.type = ?2
		ORDER BY 5 DESC, e.id LIMIT ?4`, like, strings.ToUpper(typ), prefix, limit)
	if err != nil {
		return nil, fmt.Errorf("suggest entities: %w", err)
	}
	seen := map[string]bool{}
	for _, e := range out {
		seen[e.ID] = true
	}
	if len(out) < limit {
		// A later word of the name ("omar" for "Abu Omar"): a scan of the
		// names, bounded by the limit.
		more, err := s.entityRows(ctx, `SELECT e.id, e.name, e.type, e.kb, COALESCE(st.mentions, 0), COALESCE(st.documents, 0)
			FROM entities e LEFT JOIN entity_stats st ON st.id = e.id
			WHERE (e.name LIKE '% ' || ?1 ESCAPE '\' COLLATE NOCASE OR e.name LIKE '%-' || ?1 ESCAPE '\' COLLATE NOCASE) AND (?2 = '' OR e.type = ?2)
			ORDER BY 5 DESC, e.id LIMIT ?3`, like, strings.ToUpper(typ), limit)
		if err != nil {
			return nil, fmt.Errorf("suggest entities: %w", err)
		}
		for _, e := range more {
			if !seen[e.ID] && len(out) < limit {
				seen[e.ID] = true
				out = append(out, e)
			}
		}
	}
	if len(out) < limit {
		more, err := s.FindEntities(ctx, prefix, typ)
		if err != nil {
			return nil, err
		}
		for _, e := range more {
			if !seen[e.ID] && len(out) < limit {
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// MonthlyMentions counts, per month (YYYY-MM), the original documents
// mentioning entity id that have a publication date.
func (s *DB) MonthlyMentions(ctx context.Context, id string) ([]dossier.FacetCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT substr(CAST(day AS TEXT), 1, 4) || '-' || substr(CAST(day AS TEXT), 5, 2) AS m, '', '', count(*)
		FROM doc_entities WHERE entity_id = ? AND original = 1 AND day > 0 GROUP BY m ORDER BY m`, id)
	if err != nil {
		return nil, fmt.Errorf("monthly mentions: %w", err)
	}
	defer rows.Close()
	var out []dossier.FacetCount
	for rows.Next() {
		var c dossier.FacetCount
		if err := rows.Scan(&c.Value, &c.Label, &c.Type, &c.Count); err != nil {
			return nil, fmt.Errorf("monthly mentions: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Summaries returns the listing rows of the documents ids, by id.
func (s *DB) Summaries(ctx context.Context, ids []int64) (map[int64]dossier.DocSummary, error) {
	out := make(map[int64]dossier.DocSummary, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	set, _ := json.Marshal(ids)
	rows, err := s.db.QueryContext(ctx, `SELECT `+docColumns+` FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`, string(set))
	if err != nil {
		return nil, fmt.Errorf("document summaries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, fmt.Errorf("document summaries: %w", err)
		}
		out[d.ID] = d
	}
	return out, rows.Err()
}

// ClaimScope selects the claims a graph aggregates.
type ClaimScope struct {
	// Entities keeps claims with one of them as subject or object; nil
	// takes the corpus's newest Scan claims.
	Entities   []string
	Predicates []string
	Modalities []string
	// Since and Until bound the stating document's publication date
	// (YYYY, YYYY-MM or YYYY-MM-DD, inclusive).
	Since, Until string
	Scan         int
	// PerEntity, with Entities, reads at most this many of each entity's
	// newest claims on each side (0: all of them).
	PerEntity int
}

// ClaimAgg counts the claims of one (subject, object, predicate, modality).
type ClaimAgg struct {
	Subject, Object, Predicate, Modality string
	Count                                int
}

// dayBounds turns date bounds into the claims' and doc_entities' YYYYMMDD
// days (0 when open).
func dayBounds(since, until string) (lo, hi int) {
	digits := func(s string, pad byte) int {
		b := []byte(strings.ReplaceAll(s, "-", ""))
		for len(b) < 8 {
			b = append(b, pad)
		}
		n := 0
		for _, c := range b[:8] {
			n = n*10 + int(c-'0')
		}
		return n
	}
	if since != "" {
		lo = digits(since, '0')
	}
	if until != "" {
		hi = digits(until, '9')
	}
	return lo, hi
}

// claimFilters are the WHERE clauses of a scope's predicate, modality and date filters on claims cl.
func claimFilters(q ClaimScope) filters {
	var f filters
	f.add(`cl.original = 1`)
	if len(q.Predicates) > 0 {
		set, _ := json.Marshal(q.Predicates)
		f.add(`cl.predicate IN (SELECT value FROM json_each(?))`, string(set))
	}
	if len(q.Modalities) > 0 {
		set, _ := json.Marshal(q.Modalities)
		f.add(`cl.modality IN (SELECT value FROM json_each(?))`, string(set))
	}
	lo, hi := dayBounds(q.Since, q.Until)
	if lo > 0 {
		f.add(`cl.day >= ?`, lo)
	}
	if hi > 0 {
		f.add(`cl.day > 0 AND cl.day <= ?`, hi)
	}
	return f
}

// ClaimEdges aggregates the claims of a scope by ends, predicate and modality.
func (s *DB) ClaimEdges(ctx context.Context, q ClaimScope) ([]ClaimAgg, error) {
	f := claimFilters(q)
	var queries []string
	var args [][]any
	if q.Entities == nil {
		scan := q.Scan
		if scan <= 0 {
			scan = 20000
		}
		// The newest claims in two halves, counted side by side (their
		// counts add up): grouping is most of the cost.
		var mid int64
		err := s.db.QueryRowContext(ctx, `SELECT cl.rowid FROM claims cl WHERE 1`+f.sql()+` ORDER BY cl.rowid DESC LIMIT 1 OFFSET ?`,
			append(slices.Clone(f.args), scan/2)...).Scan(&mid)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			mid = 0 // fewer than half: one query reads them all
		case err != nil:
			return nil, fmt.Errorf("claim edges: %w", err)
		}
		half := `SELECT subject, object, predicate, modality, count(*) FROM
			(SELECT cl.subject, cl.object, cl.predicate, cl.modality FROM claims cl WHERE cl.rowid %s ?` + f.sql() + ` ORDER BY cl.rowid DESC LIMIT ?)
			GROUP BY 1, 2, 3, 4`
		queries = append(queries, fmt.Sprintf(half, ">"))
		args = append(args, append(append([]any{mid}, f.args...), scan-scan/2))
		if mid > 0 {
			queries = append(queries, fmt.Sprintf(half, "<="))
			args = append(args, append(append([]any{mid}, f.args...), scan/2))
		}
	} else if q.PerEntity > 0 {
		// Each entity's newest claims, straight from its index in day order.
		set, _ := json.Marshal(q.Entities)
		for _, e := range q.Entities {
			queries = append(queries,
				`SELECT subject, object, predicate, modality, count(*) FROM (SELECT cl.subject, cl.object, cl.predicate, cl.modality
					FROM claims cl INDEXED BY claims_subject WHERE cl.subject = ?`+f.sql()+` ORDER BY cl.day DESC LIMIT ?) GROUP BY 1, 2, 3, 4`,
				`SELECT subject, object, predicate, modality, count(*) FROM (SELECT cl.subject, cl.object, cl.predicate, cl.modality
					FROM claims cl INDEXED BY claims_object WHERE cl.object = ? AND cl.subject NOT IN (SELECT value FROM json_each(?))`+f.sql()+
					` ORDER BY cl.day DESC LIMIT ?) GROUP BY 1, 2, 3, 4`)
			args = append(args, append(append([]any{e}, f.args...), q.PerEntity), append(append([]any{e, string(set)}, f.args...), q.PerEntity))
		}
	} else {
		set, _ := json.Marshal(q.Entities)
		in := `(SELECT value FROM json_each(?))`
		queries = append(queries,
			`SELECT cl.subject, cl.object, cl.predicate, cl.modality, count(*) FROM claims cl INDEXED BY claims_subject
				WHERE cl.subject IN `+in+f.sql()+` GROUP BY 1, 2, 3, 4`,
			`SELECT cl.subject, cl.object, cl.predicate, cl.modality, count(*) FROM claims cl INDEXED BY claims_object
				WHERE cl.object IN `+in+` AND cl.subject NOT IN `+in+f.sql()+` GROUP BY 1, 2, 3, 4`)
		args = append(args, append([]any{string(set)}, f.args...), append([]any{string(set), string(set)}, f.args...))
	}
	// The queries are independent: as many side by side as there are cores.
	parts := make([][]ClaimAgg, len(queries))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, query := range queries {
		g.Go(func() error {
			return s.eachRow(ctx, query, args[i], func(rows *sql.Rows) error {
				var a ClaimAgg
				err := rows.Scan(&a.Subject, &a.Object, &a.Predicate, &a.Modality, &a.Count)
				parts[i] = append(parts[i], a)
				return err
			})
		})
	}
	if err := g.Wait(); err != nil {
		return nil, fmt.Errorf("claim edges: %w", err)
	}
	return slices.Concat(parts...), nil
}

// Entities returns the summaries of the entities ids, by id.
func (s *DB) Entities(ctx context.Context, ids []string) (map[string]dossier.EntitySummary, error) {
	out := make(map[string]dossier.EntitySummary, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	set, _ := json.Marshal(ids)
	found, err := s.entityRows(ctx, `SELECT e.id, e.name, e.type, e.kb, COALESCE(st.mentions, 0), COALESCE(st.documents, 0)
		FROM entities e LEFT JOIN entity_stats st ON st.id = e.id WHERE e.id IN (SELECT value FROM json_each(?))`, string(set))
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	for _, e := range found {
		out[e.ID] = e
	}
	return out, nil
}

// ClaimsBetween lists the newest claims between a and b in either
// direction (limit of them) and counts them all.
func (s *DB) ClaimsBetween(ctx context.Context, a, b string, q ClaimScope, limit int) ([]dossier.RelationRecord, int, error) {
	f := claimFilters(q)
	// Each direction from the pair index; a UNION of the two ranges rather
	// than an OR the planner reads as a scan.
	where := `cl.rowid IN (SELECT rowid FROM claims INDEXED BY claims_pair WHERE subject = ? AND object = ?
		UNION ALL SELECT rowid FROM claims INDEXED BY claims_pair WHERE subject = ? AND object = ?)` + f.sql()
	args := append([]any{a, b, b, a}, f.args...)
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM claims cl WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("claims between: %w", err)
	}
	// Offsets here; the texts are cut below from each document read once.
	type pending struct {
		r          dossier.RelationRecord
		attr       *dossier.SpeakerRecord
		aStart, aE int
	}
	var ps []pending
	var ids []int64
	err := s.eachRow(ctx, `SELECT cl.subject, COALESCE(se.name, cl.subject), cl.predicate, cl.object, COALESCE(oe.name, cl.object),
			cl.modality, cl.confidence, cl.has_attribution, COALESCE(cl.attr_entity, ''), COALESCE(ae.name, ''), cl.attr_descriptor,
			COALESCE(cl.attr_start, -1), COALESCE(cl.attr_end, -1), cl.doc_id, cl.ev_start, cl.ev_end, d.published
		FROM claims cl JOIN documents d ON d.id = cl.doc_id
		LEFT JOIN entities se ON se.id = cl.subject LEFT JOIN entities oe ON oe.id = cl.object LEFT JOIN entities ae ON ae.id = cl.attr_entity
		WHERE `+where+` ORDER BY cl.day DESC, cl.doc_id DESC, cl.ev_start LIMIT ?`, append(args, limit), func(rows *sql.Rows) error {
		var p pending
		var hasAttr bool
		var attr dossier.SpeakerRecord
		if err := rows.Scan(&p.r.Subject.ID, &p.r.Subject.Name, &p.r.Predicate, &p.r.Object.ID, &p.r.Object.Name, &p.r.Modality, &p.r.Confidence,
			&hasAttr, &attr.Entity, &attr.Name, &attr.Descriptor, &p.aStart, &p.aE,
			&p.r.Evidence.Doc, &p.r.Evidence.Start, &p.r.Evidence.End, &p.r.Published); err != nil {
			return err
		}
		if hasAttr {
			p.attr = &attr
		}
		ps = append(ps, p)
		ids = append(ids, p.r.Evidence.Doc)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("claims between: %w", err)
	}
	texts, err := s.texts(ctx, ids)
	if err != nil {
		return nil, 0, fmt.Errorf("claims between: %w", err)
	}
	out := make([]dossier.RelationRecord, 0, len(ps))
	for _, p := range ps {
		t := texts[p.r.Evidence.Doc]
		p.r.Evidence.Text = cut(t, p.r.Evidence.Start, p.r.Evidence.End)
		if p.attr != nil {
			if p.attr.Name == "" {
				p.attr.Name = cut(t, p.aStart, p.aE)
			}
			p.r.Attribution = p.attr
		}
		out = append(out, p.r)
	}
	return out, total, nil
}

// Cooccurrences counts, among the newest docs documents (those naming
// focus, when given), the documents that name two of ids (Subject <
// Object; Predicate and Modality empty).
func (s *DB) Cooccurrences(ctx context.Context, ids []string, focus string, docs int) ([]ClaimAgg, error) {
	if len(ids) < 2 {
		return nil, nil
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	pick := `SELECT id FROM documents WHERE duplicate_of IS NULL ORDER BY published DESC, id DESC LIMIT ?1`
	if focus != "" {
		pick = `SELECT doc_id FROM doc_entities WHERE entity_id = ?2 AND original = 1 ORDER BY day DESC, doc_id DESC LIMIT ?1`
	}
	// The documents' entity rows, read in document order; pairs are
	// counted here (a self-join in SQL costs more than the rows).
	rows, err := s.db.QueryContext(ctx, `WITH d(id) AS (`+pick+`)
		SELECT de.doc_id, de.entity_id FROM d JOIN doc_entities de ON de.doc_id = d.id ORDER BY de.doc_id`, docs, focus)
	if err != nil {
		return nil, fmt.Errorf("co-occurrences: %w", err)
	}
	defer rows.Close()
	type pair struct{ a, b string }
	counts := map[pair]int{}
	var cur int64 = -1
	var inDoc []string
	flush := func() {
		slices.Sort(inDoc)
		inDoc = slices.Compact(inDoc)
		for i := range inDoc {
			for j := i + 1; j < len(inDoc); j++ {
				counts[pair{inDoc[i], inDoc[j]}]++
			}
		}
		inDoc = inDoc[:0]
	}
	for rows.Next() {
		var doc int64
		var id string
		if err := rows.Scan(&doc, &id); err != nil {
			return nil, fmt.Errorf("co-occurrences: %w", err)
		}
		if doc != cur {
			flush()
			cur = doc
		}
		if want[id] {
			inDoc = append(inDoc, id)
		}
	}
	flush()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("co-occurrences: %w", err)
	}
	out := make([]ClaimAgg, 0, len(counts))
	for p, n := range counts {
		out = append(out, ClaimAgg{Subject: p.a, Object: p.b, Count: n})
	}
	return out, nil
}

// CooccurrenceSentences lists the sentences naming both a and b in the
// newest documents naming both (limit of them) and counts them in those
// documents (at most docs of them).
func (s *DB) CooccurrenceSentences(ctx context.Context, a, b, since, until string, limit, docs int) ([]dossier.Evidence, int, error) {
	lo, hi := dayBounds(since, until)
	rows, err := s.db.QueryContext(ctx, `SELECT x.doc_id, x.spans, y.spans, l.sentences, dossier_text(c.enc, c.text, c.raw)
		FROM doc_entities x JOIN doc_entities y ON y.doc_id = x.doc_id AND y.entity_id = ?2
		JOIN layers l ON l.doc_id = x.doc_id JOIN contents c ON c.doc_id = x.doc_id
		WHERE x.entity_id = ?1 AND x.original = 1 AND (?3 = 0 OR x.day >= ?3) AND (?4 = 0 OR (x.day > 0 AND x.day <= ?4))
		ORDER BY x.day DESC, x.doc_id DESC LIMIT ?5`, a, b, lo, hi, docs)
	if err != nil {
		return nil, 0, fmt.Errorf("co-occurrence sentences: %w", err)
	}
	defer rows.Close()
	var out []dossier.Evidence
	total := 0
	for rows.Next() {
		var id int64
		var sa, sb, sents []byte
		var text string
		if err := rows.Scan(&id, &sa, &sb, &sents, &text); err != nil {
			return nil, 0, fmt.Errorf("co-occurrence sentences: %w", err)
		}
		sentences, err := UnpackSpans(sents, len(text))
		if err != nil {
			continue
		}
		ma, _ := UnpackSpans(sa, len(text))
		mb, _ := UnpackSpans(sb, len(text))
		for _, st := range sentences {
			if hasSpanIn(ma, st) && hasSpanIn(mb, st) {
				total++
				if len(out) < limit {
					out = append(out, dossier.Evidence{Doc: id, Start: st.Start, End: st.End, Text: text[st.Start:st.End]})
				}
			}
		}
	}
	return out, total, rows.Err()
}

func hasSpanIn(spans []dossier.Span, in dossier.Span) bool {
	for _, s := range spans {
		if s.Start >= in.Start && s.End <= in.End {
			return true
		}
	}
	return false
}

// DocsPerDay counts the original documents published each day (YYYY-MM-DD),
// of those mentioning entity when it is given.
func (s *DB) DocsPerDay(ctx context.Context, entity, lang, since, until string) ([]dossier.FacetCount, error) {
	var rows *sql.Rows
	var err error
	if entity != "" {
		lo, hi := dayBounds(since, until)
		rows, err = s.db.QueryContext(ctx, `SELECT de.day, count(DISTINCT de.doc_id) FROM doc_entities de JOIN documents d ON d.id = de.doc_id
			WHERE de.entity_id = ?1 AND de.original = 1 AND de.day > 0 AND (?2 = '' OR d.lang = ?2)
			AND (?3 = 0 OR de.day >= ?3) AND (?4 = 0 OR de.day <= ?4) GROUP BY de.day ORDER BY de.day`, entity, lang, lo, hi)
	} else {
		var f filters
		f.add(`d.duplicate_of IS NULL AND d.published != ''`)
		if lang != "" {
			f.add(`d.lang = ?`, lang)
		}
		dateFilters(&f, since, until)
		rows, err = s.db.QueryContext(ctx, `SELECT CAST(replace(d.published, '-', '') AS INTEGER), count(*) FROM documents d WHERE 1`+f.sql()+
			` GROUP BY d.published ORDER BY d.published`, f.args...)
	}
	if err != nil {
		return nil, fmt.Errorf("documents per day: %w", err)
	}
	defer rows.Close()
	var out []dossier.FacetCount
	for rows.Next() {
		var day, n int
		if err := rows.Scan(&day, &n); err != nil {
			return nil, fmt.Errorf("documents per day: %w", err)
		}
		out = append(out, dossier.FacetCount{Value: fmt.Sprintf("%04d-%02d-%02d", day/10000, day/100%100, day%100), Count: n})
	}
	return out, rows.Err()
}

// RecentDocs lists the ids of the newest original documents (by
// publication date) mentioning entity, in lang and between the dates, at
// most limit of them.
func (s *DB) RecentDocs(ctx context.Context, entity, lang, since, until string, limit int) ([]int64, error) {
	var rows *sql.Rows
	var err error
	if entity != "" {
		// Straight from the entity's index, newest day first.
		lo, hi := dayBounds(since, until)
		rows, err = s.db.QueryContext(ctx, `SELECT de.doc_id FROM doc_entities de JOIN documents d ON d.id = de.doc_id
			WHERE de.entity_id = ?1 AND de.original = 1 AND (?2 = '' OR d.lang = ?2) AND (?3 = 0 OR de.day >= ?3) AND (?4 = 0 OR (de.day > 0 AND de.day <= ?4))
			ORDER BY de.day DESC, de.doc_id DESC LIMIT ?5`, entity, lang, lo, hi, limit)
	} else {
		f := searchFilters(dossier.SearchQuery{Lang: lang, Since: since, Until: until})
		rows, err = s.db.QueryContext(ctx, `SELECT d.id FROM documents d WHERE 1`+f.sql()+` ORDER BY d.published DESC, d.id DESC LIMIT ?`,
			append(f.args, limit)...)
	}
	if err != nil {
		return nil, fmt.Errorf("recent documents: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("recent documents: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// DatedExpr is a date stated in a document, with its sentence.
type DatedExpr struct {
	Value, Precision string
	Sentence         dossier.Evidence
}

// DatedExprs lists the day- and month-precision dates stated in docs, each
// with the sentence holding it.
func (s *DB) DatedExprs(ctx context.Context, docs []int64) ([]DatedExpr, error) {
	return s.datedExprs(ctx, docs, nil)
}

// TimelineFacts is DatedExprs and Figures of the same documents, each text
// read and inflated once.
func (s *DB) TimelineFacts(ctx context.Context, docs []int64) ([]DatedExpr, []DatedFigure, error) {
	texts, err := s.texts(ctx, docs)
	if err != nil {
		return nil, nil, fmt.Errorf("timeline: %w", err)
	}
	exprs, err := s.datedExprs(ctx, docs, texts)
	if err != nil {
		return nil, nil, err
	}
	figs, err := s.datedFigures(ctx, docs, texts)
	return exprs, figs, err
}

// datedExprs is DatedExprs with the texts of docs already read (nil: read them).
func (s *DB) datedExprs(ctx context.Context, docs []int64, texts map[int64]string) ([]DatedExpr, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	set, _ := json.Marshal(docs)
	type dated struct {
		doc        int64
		start, end int
		e          DatedExpr
	}
	var ds []dated
	var ids []int64
	err := s.eachRow(ctx, `SELECT t.doc_id, t.start, t."end", t.value, t.precision
		FROM timexes t WHERE t.doc_id IN (SELECT value FROM json_each(?)) AND t.precision != 'year' AND length(t.value) >= 7
		ORDER BY t.doc_id, t.seq`, []any{string(set)}, func(rows *sql.Rows) error {
		var d dated
		if err := rows.Scan(&d.doc, &d.start, &d.end, &d.e.Value, &d.e.Precision); err != nil {
			return err
		}
		if len(ids) == 0 || ids[len(ids)-1] != d.doc {
			ids = append(ids, d.doc)
		}
		ds = append(ds, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dates: %w", err)
	}
	// Each document's text and sentences, once.
	if texts == nil {
		if texts, err = s.texts(ctx, ids); err != nil {
			return nil, fmt.Errorf("dates: %w", err)
		}
	}
	idSet, _ := json.Marshal(ids)
	sentences := map[int64][]byte{}
	err = s.eachRow(ctx, `SELECT doc_id, sentences FROM layers WHERE doc_id IN (SELECT value FROM json_each(?))`, []any{string(idSet)}, func(rows *sql.Rows) error {
		var id int64
		var b []byte
		err := rows.Scan(&id, &b)
		sentences[id] = b
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("dates: %w", err)
	}
	var out []DatedExpr
	var lastDoc int64 = -1
	var spans []dossier.Span
	for _, d := range ds {
		text := texts[d.doc]
		if d.doc != lastDoc {
			spans, _ = UnpackSpans(sentences[d.doc], len(text))
			lastDoc = d.doc
		}
		if d.start < 0 || d.end > len(text) || d.start > d.end {
			continue
		}
		st := dossier.Span{Start: d.start, End: d.end}
		for _, sp := range spans {
			if sp.Start <= d.start && d.start < sp.End {
				st = dossier.Span{Start: sp.Start, End: max(sp.End, d.end)}
				break
			}
		}
		d.e.Sentence = dossier.Evidence{Doc: d.doc, Start: st.Start, End: st.End, Text: cut(text, st.Start, st.End)}
		out = append(out, d.e)
	}
	return out, nil
}

// DatedFigure is a figure of a dated document.
type DatedFigure struct {
	Published string
	dossier.FigureRecord
}

// Figures lists the figures (other than "other" units) of the dated documents among docs.
func (s *DB) Figures(ctx context.Context, docs []int64) ([]DatedFigure, error) {
	return s.datedFigures(ctx, docs, nil)
}

// datedFigures is Figures with the texts of docs already read (nil: read them).
func (s *DB) datedFigures(ctx context.Context, docs []int64, texts map[int64]string) ([]DatedFigure, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	set, _ := json.Marshal(docs)
	type pending struct {
		f          DatedFigure
		start, end int
	}
	var ps []pending
	var ids []int64
	err := s.eachRow(ctx, `SELECT d.published, f.value, f.unit, f.qualifier, f.start, f."end",
			f.doc_id, f.sent_start, f.sent_end
		FROM figures f JOIN documents d ON d.id = f.doc_id
		WHERE f.doc_id IN (SELECT value FROM json_each(?)) AND f.unit != 'other' AND d.published != ''`, []any{string(set)}, func(rows *sql.Rows) error {
		var p pending
		if err := rows.Scan(&p.f.Published, &p.f.Value, &p.f.Unit, &p.f.Qualifier, &p.start, &p.end, &p.f.Sentence.Doc, &p.f.Sentence.Start, &p.f.Sentence.End); err != nil {
			return err
		}
		ps = append(ps, p)
		ids = append(ids, p.f.Sentence.Doc)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("figures: %w", err)
	}
	out := make([]DatedFigure, len(ps))
	recs := make([]*dossier.FigureRecord, len(ps))
	spans := make([][2]int, len(ps))
	for i, p := range ps {
		out[i], recs[i], spans[i] = p.f, &out[i].FigureRecord, [2]int{p.start, p.end}
	}
	if texts == nil {
		if err := s.cutFigureTexts(ctx, recs, spans, ids); err != nil {
			return nil, fmt.Errorf("figures: %w", err)
		}
		return out, nil
	}
	cutFigures(texts, recs, spans)
	return out, nil
}

// Places lists place entities, most mentioned first: over the corpus when
// docs is nil, else counted in those documents.
func (s *DB) Places(ctx context.Context, docs []int64, limit int) ([]dossier.EntitySummary, error) {
	var out []dossier.EntitySummary
	var err error
	if docs == nil {
		out, err = s.entityRows(ctx, `SELECT e.id, e.name, e.type, e.kb, st.mentions, st.documents FROM entities e JOIN entity_stats st ON st.id = e.id
			WHERE e.type = 'LOC' ORDER BY st.mentions DESC, e.id LIMIT ?`, limit)
	} else {
		set, _ := json.Marshal(docs)
		out, err = s.entityRows(ctx, `SELECT e.id, e.name, e.type, e.kb, sum(de.mentions) AS n, count(DISTINCT de.doc_id)
			FROM doc_entities de JOIN entities e ON e.id = de.entity_id
			WHERE de.doc_id IN (SELECT value FROM json_each(?)) AND e.type = 'LOC'
			GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?`, string(set), limit)
	}
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return out, nil
}

// AliasDocs lists, for entity id, which of docs name it under each alias
// (name and reason), from the per-document alias rows.
func (s *DB) AliasDocs(ctx context.Context, id string, docs []int64) (map[[2]string][]int64, error) {
	out := map[[2]string][]int64{}
	if len(docs) == 0 {
		return out, nil
	}
	set, _ := json.Marshal(docs)
	rows, err := s.db.QueryContext(ctx, `SELECT a.doc_id, COALESCE(NULLIF(a.name, ''), e.name), a.reason FROM json_each(?) j
		JOIN aliases a ON a.doc_id = j.value AND a.entity_id = ? JOIN entities e ON e.id = a.entity_id ORDER BY a.doc_id DESC`, string(set), id)
	if err != nil {
		return nil, fmt.Errorf("alias documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var doc int64
		var name, reason string
		if err := rows.Scan(&doc, &name, &reason); err != nil {
			return nil, fmt.Errorf("alias documents: %w", err)
		}
		k := [2]string{name, reason}
		out[k] = append(out[k], doc)
	}
	return out, rows.Err()
}

// Overview is what the workbench's header and stats page show, read from
// indexes only (Stats also sums sizes and mentions over whole tables).
func (s *DB) Overview(ctx context.Context) (dossier.Stats, error) {
	st := dossier.Stats{Languages: map[string]int{}, Entities: map[string]int{}}
	wrap := func(err error) error { return fmt.Errorf("overview: %w", err) }
	if err := s.countBy(ctx, st.Languages, `SELECT lang, count(*) FROM documents INDEXED BY documents_lang WHERE duplicate_of IS NULL GROUP BY lang`); err != nil {
		return st, wrap(err)
	}
	if err := s.countBy(ctx, st.Entities, `SELECT type, count(*) FROM entities GROUP BY type`); err != nil {
		return st, wrap(err)
	}
	for _, n := range st.Languages {
		st.Documents += n
	}
	delete(st.Languages, "") // counted as documents, not as a language
	for _, c := range []struct {
		dst *int
		q   string
	}{
		{&st.Quotes, `SELECT count(*) FROM quotes`},
		{&st.Claims, `SELECT count(*) FROM claims`},
		{&st.Figures, `SELECT count(*) FROM figures`},
	} {
		if err := s.db.QueryRowContext(ctx, c.q).Scan(c.dst); err != nil {
			return st, wrap(err)
		}
	}
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(min(published), ''), COALESCE(max(published), '')
		FROM documents INDEXED BY documents_day WHERE duplicate_of IS NULL AND published != ''`).Scan(&st.FirstPublished, &st.LastPublished)
	if err != nil {
		return st, wrap(err)
	}
	return st, nil
}
