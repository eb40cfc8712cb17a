package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/query"
)

// Interface check: DB is a dossier.Store.
var _ dossier.Store = (*DB)(nil)

// DocumentByHash implements dossier.Store.
func (s *DB) DocumentByHash(ctx context.Context, hash string) (int64, bool, error) {
	return s.oneID(ctx, `SELECT id FROM documents WHERE hash = ?`, hash)
}

// DocumentBySource implements dossier.Store.
func (s *DB) DocumentBySource(ctx context.Context, source string) (int64, bool, error) {
	return s.oneID(ctx, `SELECT max(id) FROM documents WHERE name = ?1 OR (url = ?1 AND url != '')`, source)
}

func (s *DB) oneID(ctx context.Context, q string, arg any) (int64, bool, error) {
	var id sql.NullInt64
	err := s.db.QueryRowContext(ctx, q, arg).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("look up document: %w", err)
	}
	return id.Int64, id.Valid, nil
}

// EntitiesByKey implements dossier.Store and resolve.Known. A writable
// store answers from the writer's cache, which includes the documents of an
// uncommitted batch.
func (s *DB) EntitiesByKey(ctx context.Context, typ string, kind dossier.KeyKind, keys []string) ([]string, error) {
	var out []string
	if !s.readOnly {
		s.w.mu.Lock()
		defer s.w.mu.Unlock()
		c, err := s.loadCache(ctx)
		if err != nil {
			return nil, fmt.Errorf("look up entity key: %w", err)
		}
		for _, k := range keys {
			out = append(out, c.keys[cacheKey{typ: typ, kind: kind, key: k}]...)
		}
		return out, nil
	}
	for _, k := range keys {
		rows, err := s.db.QueryContext(ctx, `SELECT entity_id FROM entity_keys WHERE type = ? AND kind = ? AND key = ? ORDER BY entity_id`, typ, string(kind), k)
		if err != nil {
			return nil, fmt.Errorf("look up entity key: %w", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// EntityExists implements dossier.Store and resolve.Known.
func (s *DB) EntityExists(ctx context.Context, id string) (bool, error) {
	if !s.readOnly {
		s.w.mu.Lock()
		defer s.w.mu.Unlock()
		c, err := s.loadCache(ctx)
		if err != nil {
			return false, fmt.Errorf("look up entity: %w", err)
		}
		_, ok := c.entities[id]
		return ok, nil
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM entities WHERE id = ?`, id).Scan(&n); err != nil {
		return false, fmt.Errorf("look up entity: %w", err)
	}
	return n > 0, nil
}

// Originals implements dossier.Store, paging by id so that no read
// snapshot stays open while fn writes.
func (s *DB) Originals(ctx context.Context, fn func(dossier.Original) error) error {
	var last int64
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.format, d.name, d.url, d.feed, d.retrieved_at, c.raw, c.enc
			FROM documents d JOIN contents c ON c.doc_id = d.id WHERE d.id > ? ORDER BY d.id LIMIT 64`, last)
		if err != nil {
			return fmt.Errorf("read originals: %w", err)
		}
		var page []dossier.Original
		for rows.Next() {
			var o dossier.Original
			var retrieved string
			var enc int64
			if err := rows.Scan(&o.ID, &o.Format, &o.Source.Name, &o.Source.URL, &o.Source.Feed, &retrieved, &o.Raw, &enc); err != nil {
				rows.Close()
				return fmt.Errorf("read originals: %w", err)
			}
			if enc == encDeflate {
				raw, err := inflate(o.Raw)
				if err != nil {
					rows.Close()
					return fmt.Errorf("read original %d: %w", o.ID, err)
				}
				o.Raw = raw
			}
			o.Source.RetrievedAt, _ = time.Parse(time.RFC3339, retrieved)
			page = append(page, o)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read originals: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for _, o := range page {
			if err := fn(o); err != nil {
				return err
			}
		}
		last = page[len(page)-1].ID
	}
}

const docColumns = `d.id, d.name, d.url, d.title, d.outlet, d.lang, d.published, d.retrieved_at, d.format, d.raw_bytes,
	d.entities, COALESCE(d.duplicate_of, 0)`

func scanDoc(sc interface{ Scan(...any) error }, extra ...any) (dossier.DocSummary, error) {
	var d dossier.DocSummary
	var retrieved string
	dst := append([]any{&d.ID, &d.Name, &d.URL, &d.Title, &d.Outlet, &d.Lang, &d.Published, &retrieved, &d.Format, &d.Bytes, &d.Entities, &d.DuplicateOf}, extra...)
	if err := sc.Scan(dst...); err != nil {
		return d, err
	}
	d.Retrieved, _ = time.Parse(time.RFC3339, retrieved)
	return d, nil
}

// filters builds the WHERE clauses shared by search and docs.
type filters struct {
	where []string
	args  []any
}

func (f *filters) add(cond string, args ...any) {
	f.where = append(f.where, cond)
	f.args = append(f.args, args...)
}

func (f *filters) sql() string {
	if len(f.where) == 0 {
		return ""
	}
	return " AND " + strings.Join(f.where, " AND ")
}

// searchFilters are the WHERE clauses of q's filters (not its text).
func searchFilters(q dossier.SearchQuery) filters {
	var f filters
	if q.Lang != "" {
		f.add(`d.lang = ?`, q.Lang)
	}
	if q.Outlet != "" {
		f.add(`d.outlet = ? COLLATE NOCASE`, q.Outlet)
	}
	dateFilters(&f, q.Since, q.Until)
	if !q.IncludeDuplicates {
		f.add(`d.duplicate_of IS NULL`)
	}
	if q.Entity != "" {
		// A set from the entity's index, not a probe per document: the
		// probe scans every entity row of every candidate document.
		f.add(`d.id IN (SELECT doc_id FROM doc_entities WHERE entity_id = ?)`, q.Entity)
	}
	if q.Type != "" {
		// A row's own type first (a knowledge-base entity's row has none):
		// most documents answer before any entity is looked up.
		t := strings.ToUpper(q.Type)
		f.add(`(EXISTS (SELECT 1 FROM doc_entities de WHERE de.doc_id = d.id AND de.type = ?)
			OR EXISTS (SELECT 1 FROM doc_entities de JOIN entities e ON e.id = de.entity_id WHERE de.doc_id = d.id AND de.type = '' AND e.type = ?))`, t, t)
	}
	return f
}

// filtersPassNone reports whether q's document filters (language, outlet,
// dates, entity) leave no document at all. A text query with such filters
// would read every match to find none: a phrase's positions, each match's
// document row.
func (s *DB) filtersPassNone(ctx context.Context, q dossier.SearchQuery) (bool, error) {
	q.Text, q.Type, q.IncludeDuplicates = "", "", true
	f := searchFilters(q)
	if len(f.where) == 0 {
		return false, nil
	}
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM documents d WHERE 1`+f.sql()+` LIMIT 1`, f.args...).Scan(new(int))
	if errors.Is(err, sql.ErrNoRows) {
		return true, nil
	}
	return false, err
}

func dateFilters(f *filters, since, until string) {
	if since != "" {
		f.add(`d.published != '' AND d.published >= ?`, since)
	}
	if until != "" {
		f.add(`d.published != '' AND substr(d.published, 1, ?) <= ?`, len(until), until)
	}
}

// SearchWindow is how many of the newest documents matching a query are
// ranked by relevance when it matches more (see Search); PhraseWindow the
// same for a query with a phrase, whose ranking costs more a document.
const (
	SearchWindow = 800
	PhraseWindow = 400
)

// Search implements dossier.Store. Results are ranked by bm25 with the title
// weighted 5× (the index's rank); without query text, documents come
// newest first.
//
// Ranking reads only the index and the filtered columns; titles, counts and
// snippets are then read for the hits shown, not for every match.
func (s *DB) Search(ctx context.Context, q dossier.SearchQuery) ([]dossier.SearchHit, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	offset := max(q.Offset, 0)
	f := searchFilters(q)
	if neg, ok := ExclusionsOnly(q.Text); ok {
		// "-Mosul -Paris": every document but those, newest first.
		f.add(`d.id NOT IN (SELECT rowid FROM search WHERE search MATCH ?)`, neg)
		q.Text, q.Browse = "", true
	} else if q.Browse && query.Parse(q.Text).Empty() {
		q.Text = "" // only punctuation or operators: a listing, as for no query
	}
	if strings.TrimSpace(q.Text) == "" {
		if q.Entity == "" && !q.Browse {
			return nil, fmt.Errorf("search: %w", ErrEmptyQuery)
		}
		args := append(f.args, limit, offset)
		rows, err := s.db.QueryContext(ctx, `SELECT `+docColumns+`, '', 0.0 FROM documents d WHERE 1`+f.sql()+
			` ORDER BY d.published DESC, d.id DESC LIMIT ? OFFSET ?`, args...)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		return scanHits(rows)
	}
	limit += offset // ranked below, then the first offset hits dropped
	if none, err := s.filtersPassNone(ctx, q); err != nil || none {
		return nil, err
	}
	expr, err := MatchExpr(q.Text)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	rankExpr, err := RankExpr(q.Text)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	// Ranking costs a bm25 score per matching document: a query matching
	// most of a large corpus ranks its newest SearchWindow matches that
	// pass the filters, read from the index backwards in one query (a
	// prefix query's term list is merged once).
	var top []ranked
	if rankExpr != expr {
		top, err = s.rankLoosened(ctx, expr, rankExpr, f, limit)
	} else {
		top, err = s.rankMatches(ctx, expr, f, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	top = top[min(offset, len(top)):]
	// Snippets are cut from each hit's text (see snippet.go).
	terms := snippetTerms(q.Text)
	out := make([]dossier.SearchHit, 0, len(top))
	for _, r := range top {
		var h dossier.SearchHit
		var body string
		var bp []byte
		row := s.db.QueryRowContext(ctx, `SELECT `+docColumns+`, dossier_text(c.enc, c.text, c.raw), COALESCE(l.boilerplate, x'')
			FROM documents d JOIN contents c ON c.doc_id = d.id LEFT JOIN layers l ON l.doc_id = d.id WHERE d.id = ?`, r.id)
		if h.Doc, err = scanDoc(row, &body, &bp); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if spans, err := UnpackSpans(bp, len(body)); err == nil {
			body = indexBody(body, spans) // the snippet is cut from what was searched
		}
		h.Snippet = oneLine(snippet(body, terms))
		h.Score = -r.rank // bm25 is lower for better matches; report higher-is-better
		out = append(out, h)
	}
	return out, nil
}

// ranked is a matching document with its bm25 score (lower is better).
type ranked struct {
	id   int64
	rank float64
}

// bm25Rank is the ranking of the search index: bm25 with the title weighted
// 5× the body. Called explicitly, it scores only the rows the rowid range
// leaves; ORDER BY the index's rank column scored them all.
const bm25Rank = `bm25(search, 5.0, 1.0)`

// rankMatches returns the best limit documents among the newest
// SearchWindow (or limit, when more) matching expr that pass the filters.
// The full-text index is the outer loop (CROSS JOIN fixes the order): with
// selective filters the planner would otherwise scan documents and probe
// the index once per row, and a prefix query sets up its term iterator on
// every probe (seconds at 100,000 documents).
func (s *DB) rankMatches(ctx context.Context, expr string, f filters, limit int) ([]ranked, error) {
	args := append([]any{expr}, f.args...)
	args = append(args, max(limit, SearchWindow))
	var out []ranked
	err := s.eachRow(ctx, `SELECT search.rowid, `+bm25Rank+` FROM search CROSS JOIN documents d ON d.id = search.rowid
		WHERE search MATCH ?`+f.sql()+` ORDER BY search.rowid DESC LIMIT ?`, args, func(rows *sql.Rows) error {
		var r ranked
		err := rows.Scan(&r.id, &r.rank)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b ranked) int { return cmp.Compare(a.rank, b.rank) })
	return out[:min(len(out), limit)], nil
}

// rankLoosened ranks the newest PhraseWindow documents matching expr (which
// has phrases), filters applied, by their bm25 over rankExpr (the phrases'
// words): the matches come from one rowid scan, the scores from a query
// that needs no phrase statistics.
func (s *DB) rankLoosened(ctx context.Context, expr, rankExpr string, f filters, limit int) ([]ranked, error) {
	args := append([]any{expr}, f.args...)
	args = append(args, PhraseWindow)
	rows, err := s.db.QueryContext(ctx, `SELECT search.rowid FROM search CROSS JOIN documents d ON d.id = search.rowid
		WHERE search MATCH ?`+f.sql()+` ORDER BY search.rowid DESC LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	match := map[int64]bool{}
	floor := int64(-1)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		match[id] = true
		floor = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(match) == 0 {
		return nil, nil
	}
	rows, err = s.db.QueryContext(ctx, `SELECT rowid, `+bm25Rank+` FROM search WHERE search MATCH ? AND rowid >= ? ORDER BY 2`, rankExpr, floor)
	if err != nil {
		return nil, err
	}
	return scanRanked(rows, match, limit)
}

// scanRanked reads (rowid, score) rows in rank order, keeping those in keep
// (all when nil), at most limit.
func scanRanked(rows *sql.Rows, keep map[int64]bool, limit int) ([]ranked, error) {
	defer rows.Close()
	var out []ranked
	for rows.Next() && len(out) < limit {
		var r ranked
		if err := rows.Scan(&r.id, &r.rank); err != nil {
			return nil, err
		}
		if keep == nil || keep[r.id] {
			out = append(out, r)
		}
	}
	return out, rows.Err()
}

func scanHits(rows *sql.Rows) ([]dossier.SearchHit, error) {
	defer rows.Close()
	var out []dossier.SearchHit
	for rows.Next() {
		var h dossier.SearchHit
		var err error
		if h.Doc, err = scanDoc(rows, &h.Snippet, &h.Score); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		h.Score = -h.Score // bm25 is lower for better matches; report higher-is-better
		h.Snippet = oneLine(h.Snippet)
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return out, nil
}

// oneLine collapses runs of whitespace so a snippet prints on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Docs implements dossier.Store: newest ingested first.
func (s *DB) Docs(ctx context.Context, q dossier.DocsQuery) ([]dossier.DocSummary, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	var f filters
	if q.Lang != "" {
		f.add(`d.lang = ?`, q.Lang)
	}
	if q.Outlet != "" {
		f.add(`d.outlet = ? COLLATE NOCASE`, q.Outlet)
	}
	args := append(f.args, limit, max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, `SELECT `+docColumns+` FROM documents d WHERE 1`+f.sql()+` ORDER BY d.id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []dossier.DocSummary
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// FindEntities implements dossier.Store: by corpus id, by name or alias
// (case-insensitive), or by matching key (transliterations, accents).
func (s *DB) FindEntities(ctx context.Context, name, typ string) ([]dossier.EntitySummary, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New("find entity: empty name")
	}
	key := kb.Key(name)
	out, err := s.entityRows(ctx, `
		WITH c(id) AS (
			SELECT id FROM entities WHERE id = ?1 OR id = 'e:' || ?1 OR name = ?1 COLLATE NOCASE
			UNION SELECT entity_id FROM entity_aliases WHERE name = ?1 COLLATE NOCASE
			UNION SELECT entity_id FROM entity_keys WHERE key = ?2 AND ?2 != '' AND kind != 'last')
		SELECT e.id, e.name, e.type, e.kb, COALESCE(st.mentions, 0), COALESCE(st.documents, 0)
		FROM entities e JOIN c ON c.id = e.id LEFT JOIN entity_stats st ON st.id = e.id
		WHERE ?3 = '' OR e.type = ?3
		ORDER BY 5 DESC, e.id LIMIT 20`, name, key, strings.ToUpper(typ))
	if err != nil {
		return nil, fmt.Errorf("find entity: %w", err)
	}
	if len(out) > 0 {
		return out, nil
	}
	return s.findByKB(ctx, name, typ)
}

// UseKB gives entity lookups the knowledge base the caller already loaded,
// so that it is not loaded a second time.
func (s *DB) UseKB(k *kb.KB) {
	s.kbOnce.Do(func() { s.kb = k })
}

// findByKB finds the corpus entities linked to the knowledge-base entries
// that name matches: any alias, language or transliteration the knowledge
// base knows ("ISIS-K", "EIIL"), even one no stored document wrote.
func (s *DB) findByKB(ctx context.Context, name, typ string) ([]dossier.EntitySummary, error) {
	s.kbOnce.Do(func() {
		var files []string
		if p, err := kb.UserFile(); err == nil {
			if _, err := os.Stat(p); err == nil {
				files = append(files, p)
			}
		}
		s.kb, s.kbErr = kb.Load(ctx, files...)
	})
	if s.kbErr != nil {
		return nil, fmt.Errorf("find entity: %w", s.kbErr)
	}
	if s.kb == nil {
		return nil, nil
	}
	var out []dossier.EntitySummary
	seen := map[string]bool{}
	for _, m := range s.kb.Find(name) {
		if seen[m.Entry.ID] {
			continue
		}
		seen[m.Entry.ID] = true
		found, err := s.entityRows(ctx, `SELECT e.id, e.name, e.type, e.kb, COALESCE(st.mentions, 0), COALESCE(st.documents, 0)
			FROM entities e LEFT JOIN entity_stats st ON st.id = e.id
			WHERE e.kb = ?1 AND (?2 = '' OR e.type = ?2) ORDER BY 5 DESC, e.id LIMIT 20`, m.Entry.ID, strings.ToUpper(typ))
		if err != nil {
			return nil, fmt.Errorf("find entity: %w", err)
		}
		out = append(out, found...)
	}
	return out, nil
}

// Limits of an entity page, so that a very common entity answers quickly.
const (
	pageDocs      = 50
	pageAliases   = 100
	pageRelations = 100
	pageQuotes    = 50
	pageFigures   = 50
	pageScan      = 200 // newest documents scanned for quotes about and figures near
)

// sliceText is an SQL expression cutting bytes [s, e) of a document's text.
func sliceText(start, end string) string {
	return `CAST(substr(CAST(dossier_text(c.enc, c.text, c.raw) AS BLOB), ` + start + ` + 1, ` + end + ` - ` + start + `) AS TEXT)`
}

// EntityPage implements dossier.Store. Every part is read newest first
// from an index on (entity, original, day, document) and stops at its
// limit, so a page costs the same for an entity in ten documents or in
// ten thousand; the counts and dates come from the entity's row.
func (s *DB) EntityPage(ctx context.Context, id string) (*dossier.EntityPage, error) {
	p := &dossier.EntityPage{}
	err := s.db.QueryRowContext(ctx, `SELECT e.id, e.name, e.type, e.kb, COALESCE(st.mentions, 0), COALESCE(st.documents, 0),
		COALESCE(st.first_seen, ''), COALESCE(st.last_seen, '') FROM entities e LEFT JOIN entity_stats st ON st.id = e.id WHERE e.id = ?`, id).
		Scan(&p.ID, &p.Name, &p.Type, &p.KB, &p.Mentions, &p.Documents, &p.FirstSeen, &p.LastSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %s: %w", id, dossier.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	wrap := func(what string, err error) error { return fmt.Errorf("entity %s: %s: %w", id, what, err) }
	if p.FirstSeen == "" && p.Documents > 0 {
		// No dated document: the days its documents were ingested, labelled.
		err := s.db.QueryRowContext(ctx, `SELECT COALESCE(min(substr(d.retrieved_at, 1, 10)), ''), COALESCE(max(substr(d.retrieved_at, 1, 10)), '')
			FROM doc_entities de JOIN documents d ON d.id = de.doc_id WHERE de.entity_id = ? AND de.original = 1`, id).Scan(&p.FirstSeen, &p.LastSeen)
		if err != nil {
			return nil, wrap("ingestion dates", err)
		}
		p.SeenIngested = p.FirstSeen != ""
	}

	// The page's five lists are independent queries: side by side.
	var g errgroup.Group
	g.Go(func() error {
		err := s.eachRow(ctx, `SELECT name, reason, documents FROM entity_aliases WHERE entity_id = ? AND documents > 0
			ORDER BY documents DESC, name, reason LIMIT ?`, []any{id, pageAliases}, func(rows *sql.Rows) error {
			var a dossier.AliasRecord
			err := rows.Scan(&a.Name, &a.Reason, &a.Documents)
			p.Aliases = append(p.Aliases, a)
			return err
		})
		if err != nil {
			return wrap("aliases", err)
		}
		return nil
	})
	g.Go(func() error {
		err := s.eachRow(ctx, `SELECT `+docColumns+` FROM doc_entities de JOIN documents d ON d.id = de.doc_id
			WHERE de.entity_id = ? AND de.original = 1 ORDER BY de.day DESC, de.doc_id DESC LIMIT ?`, []any{id, pageDocs}, func(rows *sql.Rows) error {
			d, err := scanDoc(rows)
			if err != nil {
				return err
			}
			if len(p.Docs) == 0 || p.Docs[len(p.Docs)-1].ID != d.ID { // an entity twice in one document
				p.Docs = append(p.Docs, d)
			}
			return nil
		})
		if err != nil {
			return wrap("documents", err)
		}
		return nil
	})
	g.Go(func() (err error) {
		if p.Relations, err = s.relations(ctx, id); err != nil {
			return wrap("relations", err)
		}
		return nil
	})
	g.Go(func() (err error) {
		if p.QuotesBy, p.QuotesAbout, err = s.quotes(ctx, id); err != nil {
			return wrap("quotes", err)
		}
		return nil
	})
	g.Go(func() (err error) {
		if p.Figures, err = s.figures(ctx, id); err != nil {
			return wrap("figures", err)
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return p, nil
}

// relations reads the newest claims with the entity as subject, then as
// object, each straight from its index, and merges them.
func (s *DB) relations(ctx context.Context, id string) ([]dossier.RelationRecord, error) {
	type keyed struct {
		r                  dossier.RelationRecord
		day, doc           int64
		attrStart, attrEnd sql.NullInt64
	}
	var all []keyed
	for _, side := range []string{"subject", "object"} {
		// The evidence is cut in Go from the kept documents' texts, read
		// once and inflated in parallel (texts).
		err := s.eachRow(ctx, `SELECT cl.subject, COALESCE(se.name, cl.subject), cl.predicate, cl.object, COALESCE(oe.name, cl.object),
				cl.modality, cl.confidence, cl.has_attribution, COALESCE(cl.attr_entity, ''), COALESCE(ae.name, ''), cl.attr_descriptor,
				cl.attr_start, cl.attr_end, cl.doc_id, cl.ev_start, cl.ev_end, d.published, cl.day
			FROM claims cl INDEXED BY claims_`+side+` JOIN documents d ON d.id = cl.doc_id
			LEFT JOIN entities se ON se.id = cl.subject LEFT JOIN entities oe ON oe.id = cl.object LEFT JOIN entities ae ON ae.id = cl.attr_entity
			WHERE cl.`+side+` = ?1 AND cl.original = 1 AND (?2 = 'subject' OR cl.subject != ?1)
			ORDER BY cl.day DESC, cl.doc_id DESC, cl.ev_start LIMIT ?3`, []any{id, side, pageRelations}, func(rows *sql.Rows) error {
			var k keyed
			var hasAttr bool
			var attr dossier.SpeakerRecord
			r := &k.r
			if err := rows.Scan(&r.Subject.ID, &r.Subject.Name, &r.Predicate, &r.Object.ID, &r.Object.Name, &r.Modality, &r.Confidence,
				&hasAttr, &attr.Entity, &attr.Name, &attr.Descriptor, &k.attrStart, &k.attrEnd,
				&r.Evidence.Doc, &r.Evidence.Start, &r.Evidence.End, &r.Published, &k.day); err != nil {
				return err
			}
			if hasAttr {
				r.Attribution = &attr
			}
			k.doc = r.Evidence.Doc
			all = append(all, k)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(all, func(a, b keyed) int {
		if a.day != b.day {
			return cmp.Compare(b.day, a.day)
		}
		if a.doc != b.doc {
			return cmp.Compare(b.doc, a.doc)
		}
		return cmp.Compare(a.r.Evidence.Start, b.r.Evidence.Start)
	})
	all = all[:min(len(all), pageRelations)]
	var docs []int64
	for _, k := range all {
		if len(docs) == 0 || docs[len(docs)-1] != k.doc {
			docs = append(docs, k.doc)
		}
	}
	texts, err := s.texts(ctx, docs)
	if err != nil {
		return nil, err
	}
	out := make([]dossier.RelationRecord, 0, len(all))
	for _, k := range all {
		t := texts[k.doc]
		k.r.Evidence.Text = cut(t, k.r.Evidence.Start, k.r.Evidence.End)
		if a := k.r.Attribution; a != nil && a.Name == "" && k.attrStart.Valid && k.attrEnd.Valid {
			a.Name = cut(t, int(k.attrStart.Int64), int(k.attrEnd.Int64))
		}
		out = append(out, k.r)
	}
	return out, nil
}

func (s *DB) quotes(ctx context.Context, id string) (by, about []dossier.QuoteRecord, err error) {
	// Texts are cut afterwards, from each kept quote's document read once
	// (stored texts are deflated: slicing in SQL would inflate per row).
	type pending struct {
		q            dossier.QuoteRecord
		spStart, spE int
	}
	scan := func(rows *sql.Rows, extra ...any) (pending, error) {
		var p pending
		var has bool
		var sp dossier.SpeakerRecord
		var spStart, spEnd sql.NullInt64
		dst := append([]any{&p.q.Quote.Doc, &p.q.Quote.Start, &p.q.Quote.End, &has, &sp.Entity, &sp.Name, &spStart, &spEnd, &sp.Descriptor, &p.q.Published}, extra...)
		if err := rows.Scan(dst...); err != nil {
			return p, err
		}
		p.spStart, p.spE = -1, -1
		if spStart.Valid && spEnd.Valid {
			p.spStart, p.spE = int(spStart.Int64), int(spEnd.Int64)
		}
		if has {
			p.q.Speaker = &sp
		}
		return p, nil
	}
	finish := func(ps []pending) ([]dossier.QuoteRecord, error) {
		var ids []int64
		for _, p := range ps {
			ids = append(ids, p.q.Quote.Doc)
		}
		texts, err := s.texts(ctx, ids)
		if err != nil {
			return nil, err
		}
		out := make([]dossier.QuoteRecord, 0, len(ps))
		for _, p := range ps {
			t := texts[p.q.Quote.Doc]
			p.q.Quote.Text = cut(t, p.q.Quote.Start, p.q.Quote.End)
			if p.q.Speaker != nil && p.q.Speaker.Name == "" {
				p.q.Speaker.Name = cut(t, p.spStart, p.spE)
			}
			out = append(out, p.q)
		}
		return out, nil
	}
	cols := `q.doc_id, q.start, q."end", q.has_speaker, COALESCE(q.speaker_entity, ''), COALESCE(se.name, ''),
		q.speaker_start, q.speaker_end, q.descriptor, d.published`
	rows, err := s.db.QueryContext(ctx, `SELECT `+cols+` FROM quotes q INDEXED BY quotes_speaker
		JOIN documents d ON d.id = q.doc_id LEFT JOIN entities se ON se.id = q.speaker_entity
		WHERE q.speaker_entity = ? AND q.original = 1
		ORDER BY q.day DESC, q.doc_id DESC, q.start LIMIT ?`, id, pageQuotes)
	if err != nil {
		return nil, nil, err
	}
	var byP []pending
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			rows.Close()
			return nil, nil, err
		}
		byP = append(byP, p)
	}
	rows.Close()
	if by, err = finish(byP); err != nil {
		return nil, nil, err
	}

	// Quotes about: quotes whose words hold one of the entity's mentions,
	// in the newest documents mentioning it.
	rows, err = s.db.QueryContext(ctx, `WITH de AS (SELECT doc_id, day, spans FROM doc_entities
			WHERE entity_id = ?1 AND original = 1 ORDER BY day DESC, doc_id DESC LIMIT ?2)
		SELECT `+cols+`, de.spans, d.text_bytes FROM de JOIN quotes q ON q.doc_id = de.doc_id
		JOIN documents d ON d.id = q.doc_id LEFT JOIN entities se ON se.id = q.speaker_entity
		WHERE COALESCE(q.speaker_entity, '') != ?1
		ORDER BY de.day DESC, de.doc_id DESC, q.start`, id, pageScan)
	if err != nil {
		return nil, nil, err
	}
	var aboutP []pending
	for rows.Next() && len(aboutP) < pageQuotes {
		var spans []byte
		var textLen int
		p, err := scan(rows, &spans, &textLen)
		if err != nil {
			rows.Close()
			return nil, nil, err
		}
		if anyInside(spans, textLen, p.q.Quote.Start, p.q.Quote.End) {
			aboutP = append(aboutP, p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	about, err = finish(aboutP)
	return by, about, err
}

// texts reads the texts of the documents ids, each once.
func (s *DB) texts(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	// The stored bytes are read here and inflated in Go, on every core: a
	// timeline or an entity page reads hundreds of texts, and inflating them
	// inside the query (dossier_text) would use one.
	type stored struct {
		id  int64
		enc int64
		v   []byte
	}
	var rows []stored
	set, _ := json.Marshal(ids)
	err := s.eachRow(ctx, `SELECT c.doc_id, c.enc, COALESCE(c.text, c.raw) FROM contents c
		WHERE c.doc_id IN (SELECT value FROM json_each(?))`, []any{string(set)}, func(r *sql.Rows) error {
		var st stored
		if err := r.Scan(&st.id, &st.enc, &st.v); err != nil {
			return err
		}
		rows = append(rows, st)
		return nil
	})
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(rows))
	errs := make([]error, len(rows))
	workers := min(runtime.GOMAXPROCS(0), (len(rows)+15)/16)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(rows); i += workers {
				texts[i], errs[i] = storedText(rows[i].enc, rows[i].v, nil, false)
			}
		}()
	}
	wg.Wait()
	for i, r := range rows {
		if errs[i] != nil {
			return nil, fmt.Errorf("document %d: %w", r.id, errs[i])
		}
		out[r.id] = texts[i]
	}
	return out, nil
}

// cut is text[start:end] when the span fits, else "".
func cut(text string, start, end int) string {
	if 0 <= start && start <= end && end <= len(text) {
		return text[start:end]
	}
	return ""
}

// anyInside reports whether a packed mention span lies within [start, end).
func anyInside(packed []byte, textLen, start, end int) bool {
	found := false
	_ = unpackSpans(packed, textLen, func(s dossier.Span, _ uint8) {
		if s.Start >= start && s.End <= end {
			found = true
		}
	})
	return found
}

// figures lists figures stated in sentences that mention the entity, in
// the newest documents mentioning it.
func (s *DB) figures(ctx context.Context, id string) ([]dossier.FigureRecord, error) {
	rows, err := s.db.QueryContext(ctx, `WITH de AS (SELECT doc_id, day, spans FROM doc_entities
			WHERE entity_id = ?1 AND original = 1 ORDER BY day DESC, doc_id DESC LIMIT ?2)
		SELECT f.value, f.unit, f.qualifier, f.start, f."end",
			f.doc_id, f.sent_start, f.sent_end, de.spans, d.text_bytes
		FROM de JOIN figures f ON f.doc_id = de.doc_id JOIN documents d ON d.id = f.doc_id
		ORDER BY de.day DESC, de.doc_id DESC, f.start`, id, pageScan)
	if err != nil {
		return nil, err
	}
	type pending struct {
		f          dossier.FigureRecord
		start, end int
	}
	var ps []pending
	var ids []int64
	for rows.Next() && len(ps) < pageFigures {
		var p pending
		var spans []byte
		var textLen int
		if err := rows.Scan(&p.f.Value, &p.f.Unit, &p.f.Qualifier, &p.start, &p.end, &p.f.Sentence.Doc, &p.f.Sentence.Start, &p.f.Sentence.End, &spans, &textLen); err != nil {
			rows.Close()
			return nil, err
		}
		if anyInside(spans, textLen, p.f.Sentence.Start, p.f.Sentence.End) {
			ps = append(ps, p)
			ids = append(ids, p.f.Sentence.Doc)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]dossier.FigureRecord, len(ps))
	recs := make([]*dossier.FigureRecord, len(ps))
	spans := make([][2]int, len(ps))
	for i, p := range ps {
		out[i], recs[i], spans[i] = p.f, &out[i], [2]int{p.start, p.end}
	}
	if err := s.cutFigureTexts(ctx, recs, spans, ids); err != nil {
		return nil, err
	}
	return out, nil
}

// cutFigureTexts fills the figures' texts and sentences from their
// documents (ids: the documents, in any order); spans[i] is figure i's
// number in its document.
func (s *DB) cutFigureTexts(ctx context.Context, recs []*dossier.FigureRecord, spans [][2]int, ids []int64) error {
	texts, err := s.texts(ctx, ids)
	if err != nil {
		return err
	}
	cutFigures(texts, recs, spans)
	return nil
}

// cutFigures sets each figure's text and sentence from its document's text.
func cutFigures(texts map[int64]string, recs []*dossier.FigureRecord, spans [][2]int) {
	for i, f := range recs {
		t := texts[f.Sentence.Doc]
		f.Text = cut(t, spans[i][0], spans[i][1])
		f.Sentence.Text = cut(t, f.Sentence.Start, f.Sentence.End)
	}
}

// countBy reads a (key, count) grouping into into.
func (s *DB) countBy(ctx context.Context, into map[string]int, query string) error {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		into[k] = n
	}
	return rows.Err()
}

// Stats implements dossier.Store.
func (s *DB) Stats(ctx context.Context) (dossier.Stats, error) {
	st := dossier.Stats{Languages: map[string]int{}, Entities: map[string]int{}}
	wrap := func(err error) error { return fmt.Errorf("stats: %w", err) }
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE duplicate_of IS NULL), count(*) FILTER (WHERE duplicate_of IS NOT NULL),
		COALESCE(sum(raw_bytes), 0), COALESCE(sum(text_bytes), 0), count(DISTINCT NULLIF(outlet, '')),
		COALESCE(min(NULLIF(published, '')), ''), COALESCE(max(NULLIF(published, '')), '') FROM documents`).
		Scan(&st.Documents, &st.NearDuplicates, &st.RawBytes, &st.TextBytes, &st.Outlets, &st.FirstPublished, &st.LastPublished)
	if err != nil {
		return st, wrap(err)
	}
	for _, c := range []struct {
		dst *int
		q   string
	}{
		{&st.Mentions, `SELECT COALESCE(sum(mentions), 0) FROM entity_stats`},
		{&st.Quotes, `SELECT count(*) FROM quotes`},
		{&st.Claims, `SELECT count(*) FROM claims`},
		{&st.Figures, `SELECT count(*) FROM figures`},
		{&st.Timexes, `SELECT count(*) FROM timexes`},
		{&st.SchemaVersion, `SELECT COALESCE(max(version), 0) FROM schema_version`},
	} {
		if err := s.db.QueryRowContext(ctx, c.q).Scan(c.dst); err != nil {
			return st, wrap(err)
		}
	}
	if err := s.countBy(ctx, st.Languages, `SELECT lang, count(*) FROM documents WHERE duplicate_of IS NULL GROUP BY lang`); err != nil {
		return st, wrap(err)
	}
	if err := s.countBy(ctx, st.Entities, `SELECT type, count(*) FROM entities GROUP BY type`); err != nil {
		return st, wrap(err)
	}
	for _, m := range []map[string]int{st.Languages, st.Entities} {
		if n, ok := m[""]; ok {
			m["?"] = n // unknown language or type
			delete(m, "")
		}
	}
	for _, suffix := range []string{"", "-wal"} {
		if info, err := os.Stat(s.path + suffix); err == nil {
			st.DatabaseBytes += info.Size()
		}
	}
	return st, nil
}
