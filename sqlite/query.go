package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
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

// EntitiesByKey implements dossier.Store and resolve.Known.
func (s *DB) EntitiesByKey(ctx context.Context, typ string, kind dossier.KeyKind, keys []string) ([]string, error) {
	var out []string
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
		rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.format, d.name, d.url, d.feed, d.retrieved_at, c.raw
			FROM documents d JOIN contents c ON c.doc_id = d.id WHERE d.id > ? ORDER BY d.id LIMIT 64`, last)
		if err != nil {
			return fmt.Errorf("read originals: %w", err)
		}
		var page []dossier.Original
		for rows.Next() {
			var o dossier.Original
			var retrieved string
			if err := rows.Scan(&o.ID, &o.Format, &o.Source.Name, &o.Source.URL, &o.Source.Feed, &retrieved, &o.Raw); err != nil {
				rows.Close()
				return fmt.Errorf("read originals: %w", err)
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
	(SELECT count(*) FROM doc_entities de WHERE de.doc_id = d.id), COALESCE(d.duplicate_of, 0)`

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

func dateFilters(f *filters, since, until string) {
	if since != "" {
		f.add(`d.published != '' AND d.published >= ?`, since)
	}
	if until != "" {
		f.add(`d.published != '' AND substr(d.published, 1, ?) <= ?`, len(until), until)
	}
}

// Search implements dossier.Store. Results are ranked by bm25 with the title
// weighted 5×; without query text, documents come newest first.
func (s *DB) Search(ctx context.Context, q dossier.SearchQuery) ([]dossier.SearchHit, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
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
		f.add(`EXISTS (SELECT 1 FROM doc_entities de WHERE de.doc_id = d.id AND de.entity_id = ?)`, q.Entity)
	}
	var rows *sql.Rows
	var err error
	if strings.TrimSpace(q.Text) == "" {
		if q.Entity == "" {
			return nil, fmt.Errorf("search: %w", ErrEmptyQuery)
		}
		args := append(f.args, limit)
		rows, err = s.db.QueryContext(ctx, `SELECT `+docColumns+`, '', 0.0 FROM documents d WHERE 1`+f.sql()+
			` ORDER BY d.published DESC, d.id DESC LIMIT ?`, args...)
	} else {
		expr, perr := MatchExpr(q.Text)
		if perr != nil {
			return nil, fmt.Errorf("search: %w", perr)
		}
		args := append([]any{dossier.SnippetStart, dossier.SnippetEnd, expr}, f.args...)
		args = append(args, limit)
		rows, err = s.db.QueryContext(ctx, `SELECT `+docColumns+`, snippet(search, 1, ?, ?, '…', 20), bm25(search, 5.0, 1.0)
			FROM search JOIN documents d ON d.id = search.rowid
			WHERE search MATCH ?`+f.sql()+` ORDER BY bm25(search, 5.0, 1.0) LIMIT ?`, args...)
	}
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var out []dossier.SearchHit
	for rows.Next() {
		var h dossier.SearchHit
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
	rows, err := s.db.QueryContext(ctx, `
		WITH c(id) AS (
			SELECT id FROM entities WHERE id = ?1 OR id = 'e:' || ?1 OR name = ?1 COLLATE NOCASE
			UNION SELECT entity_id FROM aliases WHERE name = ?1 COLLATE NOCASE
			UNION SELECT entity_id FROM entity_keys WHERE key = ?2 AND ?2 != '' AND kind != 'last')
		SELECT e.id, e.name, e.type, e.kb,
			COALESCE((SELECT sum(de.mentions) FROM doc_entities de WHERE de.entity_id = e.id), 0),
			(SELECT count(*) FROM doc_entities de JOIN documents d ON d.id = de.doc_id WHERE de.entity_id = e.id AND d.duplicate_of IS NULL)
		FROM entities e JOIN c ON c.id = e.id
		WHERE ?3 = '' OR e.type = ?3
		ORDER BY 5 DESC, e.id LIMIT 20`, name, key, strings.ToUpper(typ))
	if err != nil {
		return nil, fmt.Errorf("find entity: %w", err)
	}
	defer rows.Close()
	var out []dossier.EntitySummary
	for rows.Next() {
		var e dossier.EntitySummary
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.KB, &e.Mentions, &e.Documents); err != nil {
			return nil, fmt.Errorf("find entity: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Limits of an entity page, so that a very common entity answers quickly.
const (
	pageDocs      = 50
	pageRelations = 100
	pageQuotes    = 50
	pageFigures   = 50
	pageScan      = 400 // document rows scanned for quotes about / figures near
)

// sliceText is an SQL expression cutting bytes [s, e) of a document's text.
func sliceText(start, end string) string {
	return `CAST(substr(CAST(COALESCE(c.text, c.raw) AS BLOB), ` + start + ` + 1, ` + end + ` - ` + start + `) AS TEXT)`
}

// EntityPage implements dossier.Store.
func (s *DB) EntityPage(ctx context.Context, id string) (*dossier.EntityPage, error) {
	p := &dossier.EntityPage{}
	err := s.db.QueryRowContext(ctx, `SELECT e.id, e.name, e.type, e.kb,
			COALESCE((SELECT sum(de.mentions) FROM doc_entities de WHERE de.entity_id = e.id), 0),
			(SELECT count(*) FROM doc_entities de JOIN documents d ON d.id = de.doc_id WHERE de.entity_id = e.id AND d.duplicate_of IS NULL)
		FROM entities e WHERE e.id = ?`, id).Scan(&p.ID, &p.Name, &p.Type, &p.KB, &p.Mentions, &p.Documents)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %s: %w", id, dossier.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	wrap := func(what string, err error) error { return fmt.Errorf("entity %s: %s: %w", id, what, err) }

	if err := s.db.QueryRowContext(ctx, `SELECT
			COALESCE(min(COALESCE(NULLIF(d.published, ''), substr(d.retrieved_at, 1, 10))), ''),
			COALESCE(max(COALESCE(NULLIF(d.published, ''), substr(d.retrieved_at, 1, 10))), '')
		FROM doc_entities de JOIN documents d ON d.id = de.doc_id WHERE de.entity_id = ?`, id).Scan(&p.FirstSeen, &p.LastSeen); err != nil {
		return nil, wrap("dates", err)
	}

	rows, err := s.db.QueryContext(ctx, `SELECT name, reason, count(DISTINCT doc_id) FROM aliases WHERE entity_id = ?
		GROUP BY name, reason ORDER BY 3 DESC, name, reason LIMIT 100`, id)
	if err != nil {
		return nil, wrap("aliases", err)
	}
	for rows.Next() {
		var a dossier.AliasRecord
		if err := rows.Scan(&a.Name, &a.Reason, &a.Documents); err != nil {
			rows.Close()
			return nil, wrap("aliases", err)
		}
		p.Aliases = append(p.Aliases, a)
	}
	rows.Close()

	rows, err = s.db.QueryContext(ctx, `SELECT `+docColumns+` FROM doc_entities de JOIN documents d ON d.id = de.doc_id
		WHERE de.entity_id = ? AND d.duplicate_of IS NULL ORDER BY d.published DESC, d.id DESC LIMIT ?`, id, pageDocs)
	if err != nil {
		return nil, wrap("documents", err)
	}
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			rows.Close()
			return nil, wrap("documents", err)
		}
		p.Docs = append(p.Docs, d)
	}
	rows.Close()

	if p.Relations, err = s.relations(ctx, id); err != nil {
		return nil, wrap("relations", err)
	}
	if p.QuotesBy, p.QuotesAbout, err = s.quotes(ctx, id); err != nil {
		return nil, wrap("quotes", err)
	}
	if p.Figures, err = s.figures(ctx, id); err != nil {
		return nil, wrap("figures", err)
	}
	return p, nil
}

func (s *DB) relations(ctx context.Context, id string) ([]dossier.RelationRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT cl.subject, COALESCE(se.name, cl.subject), cl.predicate, cl.object, COALESCE(oe.name, cl.object),
			cl.modality, cl.confidence, cl.has_attribution, COALESCE(cl.attr_entity, ''), COALESCE(ae.name, ''), cl.attr_descriptor,
			COALESCE(`+sliceText("cl.attr_start", "cl.attr_end")+`, ''),
			cl.doc_id, cl.ev_start, cl.ev_end, `+sliceText("cl.ev_start", "cl.ev_end")+`, d.published
		FROM claims cl JOIN documents d ON d.id = cl.doc_id JOIN contents c ON c.doc_id = cl.doc_id
		LEFT JOIN entities se ON se.id = cl.subject LEFT JOIN entities oe ON oe.id = cl.object LEFT JOIN entities ae ON ae.id = cl.attr_entity
		WHERE (cl.subject = ?1 OR cl.object = ?1) AND d.duplicate_of IS NULL
		ORDER BY d.published DESC, cl.doc_id DESC, cl.ev_start LIMIT ?2`, id, pageRelations)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dossier.RelationRecord
	for rows.Next() {
		var r dossier.RelationRecord
		var hasAttr bool
		var attr dossier.SpeakerRecord
		var attrText string
		if err := rows.Scan(&r.Subject.ID, &r.Subject.Name, &r.Predicate, &r.Object.ID, &r.Object.Name, &r.Modality, &r.Confidence,
			&hasAttr, &attr.Entity, &attr.Name, &attr.Descriptor, &attrText,
			&r.Evidence.Doc, &r.Evidence.Start, &r.Evidence.End, &r.Evidence.Text, &r.Published); err != nil {
			return nil, err
		}
		if hasAttr {
			if attr.Name == "" {
				attr.Name = attrText
			}
			r.Attribution = &attr
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (s *DB) quotes(ctx context.Context, id string) (by, about []dossier.QuoteRecord, err error) {
	scan := func(rows *sql.Rows, extra ...any) (dossier.QuoteRecord, error) {
		var q dossier.QuoteRecord
		var has bool
		var sp dossier.SpeakerRecord
		var spText string
		dst := append([]any{&q.Quote.Doc, &q.Quote.Start, &q.Quote.End, &q.Quote.Text, &has, &sp.Entity, &sp.Name, &spText, &sp.Descriptor, &q.Published}, extra...)
		if err := rows.Scan(dst...); err != nil {
			return q, err
		}
		if has {
			if sp.Name == "" {
				sp.Name = spText
			}
			q.Speaker = &sp
		}
		return q, nil
	}
	cols := `q.doc_id, q.start, q."end", ` + sliceText("q.start", `q."end"`) + `, q.has_speaker, COALESCE(q.speaker_entity, ''), COALESCE(se.name, ''),
		COALESCE(` + sliceText("q.speaker_start", "q.speaker_end") + `, ''), q.descriptor, d.published`
	from := ` FROM quotes q JOIN documents d ON d.id = q.doc_id JOIN contents c ON c.doc_id = q.doc_id LEFT JOIN entities se ON se.id = q.speaker_entity`
	rows, err := s.db.QueryContext(ctx, `SELECT `+cols+from+` WHERE q.speaker_entity = ? AND d.duplicate_of IS NULL
		ORDER BY d.published DESC, q.doc_id DESC, q.start LIMIT ?`, id, pageQuotes)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		q, err := scan(rows)
		if err != nil {
			rows.Close()
			return nil, nil, err
		}
		by = append(by, q)
	}
	rows.Close()

	// Quotes about: quotes whose words hold one of the entity's mentions.
	rows, err = s.db.QueryContext(ctx, `SELECT `+cols+`, de.spans, length(COALESCE(c.text, c.raw))`+from+`
		JOIN doc_entities de ON de.doc_id = q.doc_id AND de.entity_id = ?1
		WHERE d.duplicate_of IS NULL AND COALESCE(q.speaker_entity, '') != ?1
		ORDER BY q.doc_id DESC, q.start LIMIT ?2`, id, pageScan)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() && len(about) < pageQuotes {
		var spans []byte
		var textLen int
		q, err := scan(rows, &spans, &textLen)
		if err != nil {
			return nil, nil, err
		}
		if anyInside(spans, textLen, q.Quote.Start, q.Quote.End) {
			about = append(about, q)
		}
	}
	return by, about, rows.Err()
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

func (s *DB) figures(ctx context.Context, id string) ([]dossier.FigureRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.value, f.unit, f.qualifier, `+sliceText("f.start", `f."end"`)+`,
			f.doc_id, f.sent_start, f.sent_end, `+sliceText("f.sent_start", "f.sent_end")+`, de.spans, length(COALESCE(c.text, c.raw))
		FROM figures f JOIN doc_entities de ON de.doc_id = f.doc_id AND de.entity_id = ?
		JOIN documents d ON d.id = f.doc_id JOIN contents c ON c.doc_id = f.doc_id
		WHERE d.duplicate_of IS NULL ORDER BY f.doc_id DESC, f.start LIMIT ?`, id, pageScan)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dossier.FigureRecord
	for rows.Next() && len(out) < pageFigures {
		var f dossier.FigureRecord
		var spans []byte
		var textLen int
		if err := rows.Scan(&f.Value, &f.Unit, &f.Qualifier, &f.Text, &f.Sentence.Doc, &f.Sentence.Start, &f.Sentence.End, &f.Sentence.Text, &spans, &textLen); err != nil {
			return nil, err
		}
		if anyInside(spans, textLen, f.Sentence.Start, f.Sentence.End) {
			out = append(out, f)
		}
	}
	return out, rows.Err()
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
		{&st.Mentions, `SELECT COALESCE(sum(mentions), 0) FROM doc_entities`},
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
	for _, g := range []struct {
		m map[string]int
		q string
	}{
		{st.Languages, `SELECT lang, count(*) FROM documents WHERE duplicate_of IS NULL GROUP BY lang`},
		{st.Entities, `SELECT type, count(*) FROM entities GROUP BY type`},
	} {
		rows, err := s.db.QueryContext(ctx, g.q)
		if err != nil {
			return st, wrap(err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return st, wrap(err)
			}
			if k == "" {
				k = "?"
			}
			g.m[k] = n
		}
		rows.Close()
	}
	for _, suffix := range []string{"", "-wal"} {
		if info, err := os.Stat(s.path + suffix); err == nil {
			st.DatabaseBytes += info.Size()
		}
	}
	return st, nil
}
