// Package dbsource reads a dossier database (package sqlite) as an
// export.Source, so that `dossier export --db` streams the stored corpus.
package dbsource

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/dossier-project/dossier"
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
			doc, err := loadDocument(ctx, db, id)
			if err != nil {
				return fmt.Errorf("store: document %d: %w", id, err)
			}
			if err := fn(doc); err != nil {
				return err
			}
		}
		last = ids[len(ids)-1]
	}
}

// loadDocument rebuilds the layers an export reads from stored rows.
func loadDocument(ctx context.Context, db *sql.DB, id int64) (*dossier.Document, error) {
	doc := &dossier.Document{}
	var pub string
	err := db.QueryRowContext(ctx, `SELECT d.name, d.url, d.format, d.lang, d.title, d.author, d.outlet, d.published,
			CAST(COALESCE(c.text, c.raw) AS TEXT)
		FROM documents d JOIN contents c ON c.doc_id = d.id WHERE d.id = ?`, id).
		Scan(&doc.Name, &doc.Meta.URL, &doc.Format, &doc.Lang, &doc.Meta.Title, &doc.Meta.Author, &doc.Meta.Outlet, &pub, &doc.Text)
	if err != nil {
		return nil, err
	}
	if pub != "" {
		doc.Meta.Published, _ = time.Parse(time.DateOnly, pub)
	}
	index := map[string]int{} // corpus id → index in doc.Entities
	rows, err := db.QueryContext(ctx, `SELECT de.entity_id, COALESCE(NULLIF(de.name, ''), e.name, ''), COALESCE(NULLIF(de.type, ''), e.type, ''), COALESCE(e.kb, ''), de.spans
		FROM doc_entities de LEFT JOIN entities e ON e.id = de.entity_id WHERE de.doc_id = ? ORDER BY de.idx`, id)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	for rows.Next() {
		var e dossier.Entity
		var packed []byte
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.KB, &packed); err != nil {
			rows.Close()
			return nil, fmt.Errorf("entities: %w", err)
		}
		spans, err := sqlite.UnpackSpans(packed, len(doc.Text))
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("entity %s: %w", e.ID, err)
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
		return nil, fmt.Errorf("entities: %w", err)
	}

	rows, err = db.QueryContext(ctx, `SELECT entity_id, name, reason FROM aliases WHERE doc_id = ? ORDER BY entity_id, name`, id)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	for rows.Next() {
		var eid string
		var a dossier.Alias
		if err := rows.Scan(&eid, &a.Name, &a.Reason); err != nil {
			rows.Close()
			return nil, fmt.Errorf("aliases: %w", err)
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
		return nil, fmt.Errorf("claims: %w", err)
	}
	for rows.Next() {
		var c dossier.Claim
		var subj, obj, desc string
		var has bool
		var ent sql.NullString
		var as, ae sql.NullInt64
		if err := rows.Scan(&subj, &c.Predicate, &obj, &c.Evidence.Start, &c.Evidence.End, &has, &ent, &as, &ae, &desc, &c.Modality, &c.Confidence); err != nil {
			rows.Close()
			return nil, fmt.Errorf("claims: %w", err)
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
		return nil, fmt.Errorf("quotes: %w", err)
	}
	for rows.Next() {
		var q dossier.Quote
		var has bool
		var ent sql.NullString
		var ss, se, vs, ve sql.NullInt64
		var desc string
		if err := rows.Scan(&q.Start, &q.End, &has, &ent, &ss, &se, &desc, &vs, &ve); err != nil {
			rows.Close()
			return nil, fmt.Errorf("quotes: %w", err)
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
		return nil, fmt.Errorf("figures: %w", err)
	}
	for rows.Next() {
		var f dossier.Figure
		if err := rows.Scan(&f.Start, &f.End, &f.Value, &f.Unit, &f.Qualifier, &f.Approximate, &f.Noun); err != nil {
			rows.Close()
			return nil, fmt.Errorf("figures: %w", err)
		}
		doc.Figures = append(doc.Figures, f)
	}
	rows.Close()
	return doc, rows.Err()
}
