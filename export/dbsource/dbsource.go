// Package dbsource reads a dossier database (package sqlite) as an
// export.Source, so that `dossier export --db` streams the stored corpus.
package dbsource

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/sources"
	"github.com/dossier-project/dossier/sqlite"
)

// Source is an export.Source over a dossier database: each stored document
// (near duplicates left out) rebuilt with its entities, aliases, claims,
// quotes and figures. Documents are read by pages of ids, so the whole
// corpus is never in memory.
type Source struct {
	DB *sqlite.DB
}

// storePage is how many document ids are read at once.
const storePage = 256

// Documents implements export.Source.
func (s Source) Documents(ctx context.Context, fn func(*dossier.Document) error) error {
	return s.Stored(ctx, func(d Stored) error { return fn(d.Doc) })
}

// Stored is a stored document rebuilt with every annotation layer, with its
// database id and when it was retrieved.
type Stored struct {
	ID        int64
	Retrieved string // YYYY-MM-DD, "" when unknown
	Doc       *dossier.Document
}

// Stored calls fn with every stored original (near duplicates left out) in
// id order, rebuilt with every layer: text, metadata, boilerplate,
// sentences, entities (corpus ids) with their mentions and aliases, dates,
// figures, quotes and claims. Token spans are not stored.
func (s Source) Stored(ctx context.Context, fn func(Stored) error) error {
	db := s.DB.SQL()
	var last int64
	for {
		rows, err := db.QueryContext(ctx, `SELECT id FROM documents WHERE duplicate_of IS NULL AND id > ? ORDER BY id LIMIT ?`, last, storePage)
		if err != nil {
			return fmt.Errorf("store: list documents: %w", err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("store: list documents: %w", err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: list documents: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		for _, id := range ids {
			st, err := loadDocument(ctx, db, id)
			if err != nil {
				return fmt.Errorf("store: document %d: %w", id, err)
			}
			if err := fn(st); err != nil {
				return err
			}
		}
		last = ids[len(ids)-1]
	}
}

// Document rebuilds one stored document (near duplicates included) with
// every layer; dossier.ErrNotFound when there is no such id.
func (s Source) Document(ctx context.Context, id int64) (Stored, error) {
	st, err := loadDocument(ctx, s.DB.SQL(), id)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("document %d: %w", id, dossier.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("document %d: %w", id, err)
	}
	return st, nil
}

// loadDocument rebuilds a stored document's layers from its rows.
func loadDocument(ctx context.Context, db *sql.DB, id int64) (Stored, error) {
	doc := &dossier.Document{}
	st := Stored{ID: id, Doc: doc}
	var pub, retrieved string
	err := db.QueryRowContext(ctx, `SELECT d.name, d.url, d.format, d.lang, d.title, d.author, d.outlet, d.published,
			d.retrieved_at, dossier_text(c.enc, c.text, c.raw)
		FROM documents d JOIN contents c ON c.doc_id = d.id WHERE d.id = ?`, id).
		Scan(&doc.Name, &doc.Meta.URL, &doc.Format, &doc.Lang, &doc.Meta.Title, &doc.Meta.Author, &doc.Meta.Outlet, &pub, &retrieved, &doc.Text)
	if err != nil {
		return st, err
	}
	if pub != "" {
		doc.Meta.Published, _ = time.Parse(time.DateOnly, pub)
	}
	if t, err := time.Parse(time.RFC3339, retrieved); err == nil {
		st.Retrieved = t.Format(time.DateOnly)
	}
	if err := loadLayers(ctx, db, id, doc); err != nil {
		return st, err
	}
	if err := loadAnnotations(ctx, db, id, doc); err != nil {
		return st, err
	}
	sortMentions(doc)
	// Unnamed sources are not stored: they are grouped again from the
	// speakers' descriptors, as extraction does.
	if err := sources.New().Process(ctx, doc); err != nil {
		return st, err
	}
	return st, nil
}

// loadLayers reads the packed layers (boilerplate, sentences, mentions
// outside any entity) and the dates.
func loadLayers(ctx context.Context, db *sql.DB, id int64, doc *dossier.Document) error {
	var bp, sents, loose []byte
	err := db.QueryRowContext(ctx, `SELECT boilerplate, sentences, loose FROM layers WHERE doc_id = ?`, id).Scan(&bp, &sents, &loose)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("layers: %w", err)
	}
	if doc.Boilerplate, err = sqlite.UnpackSpans(bp, len(doc.Text)); err != nil {
		return fmt.Errorf("boilerplate: %w", err)
	}
	if doc.Sentences, err = sqlite.UnpackSpans(sents, len(doc.Text)); err != nil {
		return fmt.Errorf("sentences: %w", err)
	}
	spans, err := sqlite.UnpackSpans(loose, len(doc.Text))
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	for _, sp := range spans {
		doc.Mentions = append(doc.Mentions, dossier.Mention{Span: sp, Entity: -1})
	}
	rows, err := db.QueryContext(ctx, `SELECT start, "end", value, precision, relative FROM timexes WHERE doc_id = ? ORDER BY seq`, id)
	if err != nil {
		return fmt.Errorf("dates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t dossier.Timex
		var prec string
		if err := rows.Scan(&t.Start, &t.End, &t.Value, &prec, &t.Relative); err != nil {
			return fmt.Errorf("dates: %w", err)
		}
		t.Precision = dossier.Precision(prec)
		doc.Timexes = append(doc.Timexes, t)
	}
	return rows.Err()
}

// sortMentions puts the mentions in text order, as the pipeline leaves
// them, and renumbers the entities' references.
func sortMentions(doc *dossier.Document) {
	order := make([]int, len(doc.Mentions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(doc.Mentions[a].Start, doc.Mentions[b].Start), cmp.Compare(doc.Mentions[a].End, doc.Mentions[b].End))
	})
	newIndex := make([]int, len(order))
	sorted := make([]dossier.Mention, len(order))
	for to, from := range order {
		sorted[to] = doc.Mentions[from]
		newIndex[from] = to
	}
	doc.Mentions = sorted
	for i := range doc.Entities {
		for j, m := range doc.Entities[i].Mentions {
			doc.Entities[i].Mentions[j] = newIndex[m]
		}
	}
}

// loadAnnotations reads the entities with their mentions and aliases, the
// claims, quotes and figures.
func loadAnnotations(ctx context.Context, db *sql.DB, id int64, doc *dossier.Document) error {
	index := map[string]int{} // corpus id → index in doc.Entities
	rows, err := db.QueryContext(ctx, `SELECT de.entity_id, COALESCE(NULLIF(de.name, ''), e.name, ''), COALESCE(NULLIF(de.type, ''), e.type, ''), COALESCE(e.kb, ''), de.spans
		FROM doc_entities de LEFT JOIN entities e ON e.id = de.entity_id WHERE de.doc_id = ? ORDER BY de.idx`, id)
	if err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	for rows.Next() {
		var e dossier.Entity
		var packed []byte
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.KB, &packed); err != nil {
			rows.Close()
			return fmt.Errorf("entities: %w", err)
		}
		spans, err := sqlite.UnpackSpans(packed, len(doc.Text))
		if err != nil {
			rows.Close()
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
		for _, sp := range spans {
			e.Mentions = append(e.Mentions, len(doc.Mentions))
			doc.Mentions = append(doc.Mentions, dossier.Mention{Span: sp, Type: e.Type, Entity: len(doc.Entities)})
		}
		index[e.ID] = len(doc.Entities)
		doc.Entities = append(doc.Entities, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("entities: %w", err)
	}

	rows, err = db.QueryContext(ctx, `SELECT entity_id, name, reason FROM aliases WHERE doc_id = ? ORDER BY entity_id, name`, id)
	if err != nil {
		return fmt.Errorf("aliases: %w", err)
	}
	for rows.Next() {
		var eid string
		var a dossier.Alias
		if err := rows.Scan(&eid, &a.Name, &a.Reason); err != nil {
			rows.Close()
			return fmt.Errorf("aliases: %w", err)
		}
		if i, ok := index[eid]; ok {
			doc.Entities[i].Aliases = append(doc.Entities[i].Aliases, a)
		}
	}
	rows.Close()

	speaker := func(has bool, ent sql.NullString, start, end sql.NullInt64, desc string) *dossier.Speaker {
		if !has {
			return nil
		}
		sp := &dossier.Speaker{Entity: -1, Span: dossier.Span{Start: int(start.Int64), End: int(end.Int64)}, Descriptor: desc}
		if i, ok := index[ent.String]; ok && ent.Valid {
			sp.Entity = i
		}
		return sp
	}
	rows, err = db.QueryContext(ctx, `SELECT subject, predicate, object, ev_start, ev_end, has_attribution, attr_entity,
		attr_start, attr_end, attr_descriptor, modality, confidence FROM claims WHERE doc_id = ? ORDER BY rowid`, id)
	if err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	for rows.Next() {
		var c dossier.Claim
		var subj, obj, desc string
		var has bool
		var ent sql.NullString
		var as, ae sql.NullInt64
		if err := rows.Scan(&subj, &c.Predicate, &obj, &c.Evidence.Start, &c.Evidence.End, &has, &ent, &as, &ae, &desc, &c.Modality, &c.Confidence); err != nil {
			rows.Close()
			return fmt.Errorf("claims: %w", err)
		}
		si, ok1 := index[subj]
		oi, ok2 := index[obj]
		if !ok1 || !ok2 {
			continue
		}
		c.Subject, c.Object = si, oi
		c.Attribution = speaker(has, ent, as, ae, desc)
		doc.Claims = append(doc.Claims, c)
	}
	rows.Close()

	rows, err = db.QueryContext(ctx, `SELECT start, "end", has_speaker, speaker_entity, speaker_start, speaker_end, descriptor,
		verb_start, verb_end FROM quotes WHERE doc_id = ? ORDER BY start`, id)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	for rows.Next() {
		var q dossier.Quote
		var has bool
		var ent sql.NullString
		var ss, se, vs, ve sql.NullInt64
		var desc string
		if err := rows.Scan(&q.Start, &q.End, &has, &ent, &ss, &se, &desc, &vs, &ve); err != nil {
			rows.Close()
			return fmt.Errorf("quotes: %w", err)
		}
		q.Speaker = speaker(has, ent, ss, se, desc)
		if vs.Valid && ve.Valid {
			q.Verb = &dossier.Span{Start: int(vs.Int64), End: int(ve.Int64)}
		}
		doc.Quotes = append(doc.Quotes, q)
	}
	rows.Close()

	rows, err = db.QueryContext(ctx, `SELECT start, "end", value, unit, qualifier, approximate, noun FROM figures WHERE doc_id = ? ORDER BY start`, id)
	if err != nil {
		return fmt.Errorf("figures: %w", err)
	}
	for rows.Next() {
		var f dossier.Figure
		if err := rows.Scan(&f.Start, &f.End, &f.Value, &f.Unit, &f.Qualifier, &f.Approximate, &f.Noun); err != nil {
			rows.Close()
			return fmt.Errorf("figures: %w", err)
		}
		doc.Figures = append(doc.Figures, f)
	}
	rows.Close()
	return rows.Err()
}
