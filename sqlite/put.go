package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
)

// bandWidths split a SimHash into seven bands (10+9×6 bits): two
// fingerprints within NearDuplicateBits (6) of each other differ in at most
// six bands, so they agree on one, and an index on each band finds every
// near-duplicate candidate.
var bandWidths = [7]uint{10, 9, 9, 9, 9, 9, 9}

func bands(h uint64) [7]int64 {
	var out [7]int64
	shift := uint(0)
	for i, w := range bandWidths {
		out[i] = int64(h >> shift & (1<<w - 1))
		shift += w
	}
	return out
}

type docMeta struct {
	TitleSpan     *dossier.Span `json:"title_span,omitempty"`
	PublishedSpan *dossier.Span `json:"published_span,omitempty"`
	Warnings      []string      `json:"warnings,omitempty"`
}

func validate(rec *dossier.Record) error {
	if rec == nil || rec.Doc == nil {
		return errors.New("no document")
	}
	if rec.Hash == "" {
		return errors.New("no content hash")
	}
	if len(rec.Keys) != 0 && len(rec.Keys) != len(rec.Doc.Entities) {
		return fmt.Errorf("%d key lists for %d entities", len(rec.Keys), len(rec.Doc.Entities))
	}
	for i, e := range rec.Doc.Entities {
		if e.ID == "" {
			return fmt.Errorf("entity %d (%q) has no corpus id: resolve before storing", i, e.Name)
		}
	}
	return nil
}

// Put stores a new document in one transaction (see dossier.Store).
func (s *DB) Put(ctx context.Context, rec *dossier.Record) (dossier.PutResult, error) {
	if err := validate(rec); err != nil {
		return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
	}
	defer tx.Rollback()
	res, err := s.put(ctx, tx, rec)
	if err != nil {
		return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
	}
	if res.Status == dossier.PutExists {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return dossier.PutResult{}, fmt.Errorf("store %s: commit: %w", nameOf(rec), err)
	}
	return res, nil
}

func nameOf(rec *dossier.Record) string {
	if rec == nil || rec.Doc == nil {
		return "document"
	}
	return rec.Doc.Name
}

func (s *DB) put(ctx context.Context, tx *sql.Tx, rec *dossier.Record) (dossier.PutResult, error) {
	var existing int64
	switch err := tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE hash = ?`, rec.Hash).Scan(&existing); {
	case err == nil:
		return dossier.PutResult{ID: existing, Status: dossier.PutExists, Original: existing}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return dossier.PutResult{}, err
	}
	res := dossier.PutResult{Status: dossier.PutNew}
	orig, dist, err := nearest(ctx, tx, rec.SimHash)
	if err != nil {
		return res, fmt.Errorf("near-duplicate lookup: %w", err)
	}
	var dupOf, distance any
	if orig != 0 {
		res.Status, res.Original, res.Distance = dossier.PutNearDuplicate, orig, dist
		dupOf, distance = orig, dist
	}
	d := rec.Doc
	meta, err := json.Marshal(docMeta{TitleSpan: d.Meta.TitleSpan, PublishedSpan: d.Meta.PublishedSpan, Warnings: d.Warnings})
	if err != nil {
		return res, err
	}
	retrieved := rec.Source.RetrievedAt
	if retrieved.IsZero() {
		retrieved = time.Now()
	}
	b := bands(rec.SimHash)
	url := rec.Source.URL
	if url == "" {
		url = d.Meta.URL
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO documents(hash, name, url, feed, retrieved_at, format, encoding, lang,
		title, author, outlet, published, raw_bytes, text_bytes, simhash, band0, band1, band2, band3, band4, band5, band6, duplicate_of, distance, meta)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		rec.Hash, sourceName(rec), url, rec.Source.Feed, retrieved.UTC().Format(time.RFC3339), d.Format, d.Meta.Encoding, d.Lang,
		d.Meta.Title, d.Meta.Author, d.Meta.Outlet, published(d), len(rec.Raw), len(d.Text), int64(rec.SimHash),
		b[0], b[1], b[2], b[3], b[4], b[5], b[6], dupOf, distance, string(meta))
	if err != nil {
		return res, fmt.Errorf("insert document: %w", err)
	}
	if res.ID, err = r.LastInsertId(); err != nil {
		return res, err
	}
	var text any
	if d.Text != string(rec.Raw) {
		text = d.Text
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO contents(doc_id, raw, text) VALUES (?,?,?)`, res.ID, rec.Raw, text); err != nil {
		return res, fmt.Errorf("insert contents: %w", err)
	}
	if err := insertAnnotations(ctx, tx, res.ID, rec); err != nil {
		return res, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search(rowid, title, body) VALUES (?,?,?)`, res.ID, d.Meta.Title, d.Text); err != nil {
		return res, fmt.Errorf("index text: %w", err)
	}
	return res, nil
}

// sourceName is the name a document is listed under.
func sourceName(rec *dossier.Record) string {
	if rec.Source.Name != "" {
		return rec.Source.Name
	}
	return rec.Doc.Name
}

func published(d *dossier.Document) string {
	if d.Meta.Published.IsZero() {
		return ""
	}
	return d.Meta.Published.Format("2006-01-02")
}

// nearest finds the stored original closest to h within NearDuplicateBits.
func nearest(ctx context.Context, tx *sql.Tx, h uint64) (int64, int, error) {
	if h == 0 {
		return 0, 0, nil // no body to fingerprint
	}
	b := bands(h)
	var q strings.Builder
	args := make([]any, 0, len(b))
	for i := range b {
		if i > 0 {
			q.WriteString(" UNION ")
		}
		fmt.Fprintf(&q, "SELECT id, simhash FROM documents WHERE band%d = ? AND duplicate_of IS NULL", i)
		args = append(args, b[i])
	}
	rows, err := tx.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	var best int64
	bestDist := dossier.NearDuplicateBits + 1
	for rows.Next() {
		var id, other int64
		if err := rows.Scan(&id, &other); err != nil {
			return 0, 0, err
		}
		if other == 0 {
			continue
		}
		dist := bits.OnesCount64(h ^ uint64(other))
		if dist < bestDist || dist == bestDist && id < best {
			best, bestDist = id, dist
		}
	}
	if best == 0 {
		return 0, 0, rows.Err()
	}
	return best, bestDist, rows.Err()
}

// insertAnnotations writes every annotation layer of rec.Doc for document id.
func insertAnnotations(ctx context.Context, tx *sql.Tx, id int64, rec *dossier.Record) error {
	d := rec.Doc
	var loose []dossier.Span
	for _, m := range d.Mentions {
		if m.Entity < 0 || m.Entity >= len(d.Entities) {
			loose = append(loose, m.Span)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO layers(doc_id, boilerplate, sentences, tokens, loose) VALUES (?,?,?,?,?)`,
		id, packPlain(d.Boilerplate), packPlain(d.Sentences), packTokens(d.Tokens), packPlain(loose)); err != nil {
		return fmt.Errorf("insert layers: %w", err)
	}

	entStmt, err := tx.PrepareContext(ctx, `INSERT INTO entities(id, name, type, kb) VALUES (?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET name = excluded.name
		WHERE entities.kb = '' AND excluded.kb = '' AND length(excluded.name) > length(entities.name)`)
	if err != nil {
		return err
	}
	defer entStmt.Close()
	keyStmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO entity_keys(type, kind, key, entity_id) VALUES (?,?,?,?)`)
	if err != nil {
		return err
	}
	defer keyStmt.Close()
	deStmt, err := tx.PrepareContext(ctx, `INSERT INTO doc_entities(doc_id, idx, entity_id, name, type, mentions, spans, sources) VALUES (?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer deStmt.Close()
	aliasStmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO aliases(entity_id, name, reason, doc_id) VALUES (?,?,?,?)`)
	if err != nil {
		return err
	}
	defer aliasStmt.Close()

	var sources []string
	for i := range d.Entities {
		e := &d.Entities[i]
		if _, err := entStmt.ExecContext(ctx, e.ID, e.Name, e.Type, e.KB); err != nil {
			return fmt.Errorf("insert entity %s: %w", e.ID, err)
		}
		if i < len(rec.Keys) {
			for _, k := range rec.Keys[i] {
				if _, err := keyStmt.ExecContext(ctx, e.Type, string(k.Kind), k.Key, e.ID); err != nil {
					return fmt.Errorf("insert entity key: %w", err)
				}
			}
		}
		spans := make([]dossier.Span, 0, len(e.Mentions))
		sources = sources[:0]
		for _, m := range e.Mentions {
			if m >= 0 && m < len(d.Mentions) {
				spans = append(spans, d.Mentions[m].Span)
				sources = append(sources, d.Mentions[m].Source)
			}
		}
		sort.SliceStable(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
		if _, err := deStmt.ExecContext(ctx, id, i, e.ID, e.Name, e.Type, len(spans), packPlain(spans), strings.Join(sources, ",")); err != nil {
			return fmt.Errorf("insert document entity: %w", err)
		}
		for _, a := range e.Aliases {
			if _, err := aliasStmt.ExecContext(ctx, e.ID, a.Name, a.Reason, id); err != nil {
				return fmt.Errorf("insert alias: %w", err)
			}
		}
	}

	for _, t := range d.Timexes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO timexes(doc_id, start, "end", value, precision, relative) VALUES (?,?,?,?,?,?)`,
			id, t.Start, t.End, t.Value, string(t.Precision), t.Relative); err != nil {
			return fmt.Errorf("insert timex: %w", err)
		}
	}
	for _, f := range d.Figures {
		sent := sentenceOf(d, f.Span)
		var ns, ne any
		if f.NounSpan != nil {
			ns, ne = f.NounSpan.Start, f.NounSpan.End
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO figures(doc_id, start, "end", value, unit, qualifier, approximate, noun, noun_start, noun_end, sent_start, sent_end)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, id, f.Start, f.End, f.Value, f.Unit, f.Qualifier, f.Approximate, f.Noun, ns, ne, sent.Start, sent.End); err != nil {
			return fmt.Errorf("insert figure: %w", err)
		}
	}
	entityID := func(i int) any {
		if i >= 0 && i < len(d.Entities) {
			return d.Entities[i].ID
		}
		return nil
	}
	for _, q := range d.Quotes {
		var spEnt, spStart, spEnd, vStart, vEnd any
		desc, has := "", false
		if q.Speaker != nil {
			has = true
			spEnt, spStart, spEnd, desc = entityID(q.Speaker.Entity), q.Speaker.Span.Start, q.Speaker.Span.End, q.Speaker.Descriptor
		}
		if q.Verb != nil {
			vStart, vEnd = q.Verb.Start, q.Verb.End
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes(doc_id, start, "end", parts, speaker_entity, has_speaker, speaker_start, speaker_end, descriptor, verb_start, verb_end)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`, id, q.Start, q.End, packPlain(q.Parts), spEnt, has, spStart, spEnd, desc, vStart, vEnd); err != nil {
			return fmt.Errorf("insert quote: %w", err)
		}
	}
	for _, c := range d.Claims {
		subj, obj := entityID(c.Subject), entityID(c.Object)
		if subj == nil || obj == nil {
			continue // a claim about no known entity cannot be shown
		}
		var tStart, tEnd, aEnt, aStart, aEnd any
		desc, has := "", false
		if c.Trigger != nil {
			tStart, tEnd = c.Trigger.Start, c.Trigger.End
		}
		if c.Attribution != nil {
			has = true
			aEnt, aStart, aEnd, desc = entityID(c.Attribution.Entity), c.Attribution.Span.Start, c.Attribution.Span.End, c.Attribution.Descriptor
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO claims(doc_id, subject, predicate, object, ev_start, ev_end, trigger_start, trigger_end,
			has_attribution, attr_entity, attr_start, attr_end, attr_descriptor, modality, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			id, subj, c.Predicate, obj, c.Evidence.Start, c.Evidence.End, tStart, tEnd, has, aEnt, aStart, aEnd, desc, c.Modality, c.Confidence); err != nil {
			return fmt.Errorf("insert claim: %w", err)
		}
	}
	return nil
}

// sentenceOf returns the sentence containing s, or s itself when none does.
func sentenceOf(d *dossier.Document, s dossier.Span) dossier.Span {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > s.Start })
	if i < len(d.Sentences) && d.Sentences[i].Start <= s.Start {
		return d.Sentences[i]
	}
	return s
}

// Replace swaps the annotations of document id for rec's (reindex).
func (s *DB) Replace(ctx context.Context, id int64, rec *dossier.Record) error {
	if err := validate(rec); err != nil {
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	defer tx.Rollback()
	var oldTitle, oldBody string
	if err := tx.QueryRowContext(ctx, `SELECT title, body FROM search_source WHERE id = ?`, id).Scan(&oldTitle, &oldBody); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("reindex document %d: %w", id, dossier.ErrNotFound)
		}
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	// The external-content index must be told the old values to delete them.
	if _, err := tx.ExecContext(ctx, `INSERT INTO search(search, rowid, title, body) VALUES ('delete', ?, ?, ?)`, id, oldTitle, oldBody); err != nil {
		return fmt.Errorf("reindex document %d: unindex: %w", id, err)
	}
	for _, table := range []string{"layers", "doc_entities", "aliases", "timexes", "figures", "quotes", "claims"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE doc_id = ?`, id); err != nil {
			return fmt.Errorf("reindex document %d: clear %s: %w", id, table, err)
		}
	}
	d := rec.Doc
	meta, err := json.Marshal(docMeta{TitleSpan: d.Meta.TitleSpan, PublishedSpan: d.Meta.PublishedSpan, Warnings: d.Warnings})
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET lang=?, title=?, author=?, outlet=?, published=?, encoding=?, text_bytes=?, meta=? WHERE id=?`,
		d.Lang, d.Meta.Title, d.Meta.Author, d.Meta.Outlet, published(d), d.Meta.Encoding, len(d.Text), string(meta), id); err != nil {
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE contents SET text = CASE WHEN CAST(raw AS TEXT) = ? THEN NULL ELSE ? END WHERE doc_id = ?`, d.Text, d.Text, id); err != nil {
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	if err := insertAnnotations(ctx, tx, id, rec); err != nil {
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search(rowid, title, body) VALUES (?,?,?)`, id, d.Meta.Title, d.Text); err != nil {
		return fmt.Errorf("reindex document %d: index: %w", id, err)
	}
	return tx.Commit()
}

// PruneEntities deletes entities no document mentions any more (after a
// reindex) and returns how many went.
func (s *DB) PruneEntities(ctx context.Context) (int64, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("prune entities: %w", err)
	}
	defer tx.Rollback()
	orphan := `SELECT id FROM entities e WHERE NOT EXISTS (SELECT 1 FROM doc_entities de WHERE de.entity_id = e.id)`
	for _, q := range []string{
		`DELETE FROM entity_keys WHERE entity_id IN (` + orphan + `)`,
		`DELETE FROM aliases WHERE entity_id IN (` + orphan + `)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, fmt.Errorf("prune entities: %w", err)
		}
	}
	r, err := tx.ExecContext(ctx, `DELETE FROM entities WHERE id IN (`+orphan+`)`)
	if err != nil {
		return 0, fmt.Errorf("prune entities: %w", err)
	}
	n, _ := r.RowsAffected()
	return n, tx.Commit()
}
