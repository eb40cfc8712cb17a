package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

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

// Put stores a new document in one transaction, or in the open batch
// under a savepoint of its own (see Batch).
func (s *DB) Put(ctx context.Context, rec *dossier.Record) (dossier.PutResult, error) {
	if err := validate(rec); err != nil {
		return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
	}
	if err := ctx.Err(); err != nil {
		return dossier.PutResult{}, err
	}
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	if err := s.w.deferred; err != nil {
		s.w.deferred = nil
		return dossier.PutResult{}, err
	}
	// The statements of one document run to the end: cancelling is checked
	// above, and a per-statement watch would cost a goroutine each.
	wctx := context.WithoutCancel(ctx)
	if err := s.begin(wctx); err != nil {
		return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
	}
	batched := s.w.maxDocs > 1
	if batched {
		if err := s.exec(wctx, `SAVEPOINT doc`); err != nil {
			s.rollback(wctx)
			return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
		}
	}
	var ch docChanges
	res, err := s.put(wctx, rec, &ch)
	if err != nil || res.Status == dossier.PutExists {
		if batched {
			if rerr := s.exec(wctx, `ROLLBACK TO doc`); rerr != nil {
				s.rollback(wctx)
			} else if rerr := s.exec(wctx, `RELEASE doc`); rerr != nil {
				s.rollback(wctx)
			}
		} else {
			s.rollback(wctx)
		}
		if err != nil {
			return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
		}
		return res, nil
	}
	if !batched {
		if err := s.commit(wctx); err != nil {
			return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
		}
		if s.w.cache != nil {
			s.w.cache.apply(&ch)
		}
		return res, nil
	}
	if err := s.exec(wctx, `RELEASE doc`); err != nil {
		s.rollback(wctx)
		return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
	}
	if s.w.cache != nil {
		s.w.cache.apply(&ch)
	}
	if ch.index != nil {
		s.w.index = append(s.w.index, *ch.index)
	}
	s.w.pending++
	res.Batch = s.w.seq
	if s.w.pending >= s.w.limit {
		s.w.limit = min(2*s.w.limit, s.w.maxDocs)
		if err := s.commit(wctx); err != nil {
			return dossier.PutResult{}, fmt.Errorf("store %s: %w", nameOf(rec), err)
		}
	} else if s.w.timer == nil && s.w.maxDelay > 0 {
		s.w.timer = time.AfterFunc(s.w.maxDelay, s.flushQuiet)
	}
	return res, nil
}

func nameOf(rec *dossier.Record) string {
	if rec == nil || rec.Doc == nil {
		return "document"
	}
	return rec.Doc.Name
}

func (s *DB) put(ctx context.Context, rec *dossier.Record, ch *docChanges) (dossier.PutResult, error) {
	st, err := s.stmt(ctx, `SELECT id FROM documents WHERE hash = ?`, "", 0, 0)
	if err != nil {
		return dossier.PutResult{}, err
	}
	var existing int64
	switch err := st.QueryRowContext(ctx, rec.Hash).Scan(&existing); {
	case err == nil:
		return dossier.PutResult{ID: existing, Status: dossier.PutExists, Original: existing}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return dossier.PutResult{}, err
	}
	c, err := s.loadCache(ctx)
	if err != nil {
		return dossier.PutResult{}, err
	}
	res := dossier.PutResult{Status: dossier.PutNew}
	var dupOf, distance any
	if orig, dist := c.near.nearest(rec.SimHash); orig != 0 {
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
	url := rec.Source.URL
	if url == "" {
		url = d.Meta.URL
	}
	retrievedAt := retrieved.UTC().Format(time.RFC3339)
	st, err = s.stmt(ctx, `INSERT INTO documents(hash, name, url, feed, retrieved_at, format, encoding, lang,
		title, author, outlet, published, raw_bytes, text_bytes, entities, simhash, duplicate_of, distance, meta)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, "", 0, 0)
	if err != nil {
		return res, err
	}
	r, err := st.ExecContext(ctx, rec.Hash, sourceName(rec), url, rec.Source.Feed, retrievedAt, d.Format, d.Meta.Encoding, d.Lang,
		d.Meta.Title, d.Meta.Author, d.Meta.Outlet, published(d), len(rec.Raw), len(d.Text), len(d.Entities), int64(rec.SimHash),
		dupOf, distance, string(meta))
	if err != nil {
		return res, fmt.Errorf("insert document: %w", err)
	}
	if res.ID, err = r.LastInsertId(); err != nil {
		return res, err
	}
	var text any
	if d.Text != string(rec.Raw) {
		text = deflate([]byte(d.Text))
	}
	if err := s.exec(ctx, `INSERT INTO contents(doc_id, raw, text, enc) VALUES (?,?,?,?)`, res.ID, deflate(rec.Raw), text, encDeflate); err != nil {
		return res, fmt.Errorf("insert contents: %w", err)
	}
	if err := s.insertAnnotations(ctx, c, ch, res.ID, rec, docFacts{
		day: dayNumber(published(d)), seen: seenDay(d, retrievedAt), original: res.Status == dossier.PutNew,
	}); err != nil {
		return res, err
	}
	if s.w.maxDocs > 1 {
		// FTS5 writes a segment whenever a savepoint is released: a batch
		// indexes its documents together, just before it commits.
		ch.index = &indexRow{res.ID, indexTitle(d.Meta.Title), indexBody(d.Text, d.Boilerplate)}
	} else if err := s.indexText(ctx, indexRow{res.ID, indexTitle(d.Meta.Title), indexBody(d.Text, d.Boilerplate)}); err != nil {
		return res, err
	}
	if res.Status == dossier.PutNew {
		ch.nearID, ch.nearHash = res.ID, rec.SimHash
	}
	return res, nil
}

// indexRow is a document's entry in the full-text index.
type indexRow struct {
	id          int64
	title, body string
}

func (s *DB) indexText(ctx context.Context, r indexRow) error {
	if err := s.exec(ctx, `INSERT INTO search(rowid, title, body) VALUES (?,?,?)`, r.id, r.title, r.body); err != nil {
		return fmt.Errorf("index text of document %d: %w", r.id, err)
	}
	return nil
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

// seenDay is the date a document counts for in first and last seen: its
// publication date, "" when it has none (an entity named only in undated
// documents is dated by ingestion when its page is read, and labelled so).
func seenDay(d *dossier.Document, _ string) string {
	return published(d)
}

// docFacts are what the annotation rows of a document repeat from it.
type docFacts struct {
	day      int64  // publication date as YYYYMMDD, 0 when unknown
	seen     string // see seenDay
	original bool   // not a near duplicate
}

const statsUpsert = ` ON CONFLICT(id) DO UPDATE SET
	mentions = mentions + excluded.mentions,
	documents = documents + excluded.documents,
	first_seen = CASE WHEN excluded.first_seen = '' THEN first_seen WHEN first_seen = '' THEN excluded.first_seen
		ELSE min(first_seen, excluded.first_seen) END,
	last_seen = max(last_seen, excluded.last_seen)`

// insertAnnotations writes every annotation layer of rec.Doc for document
// id, and adds the document to its entities' figures. What the cache
// learns goes to ch.
func (s *DB) insertAnnotations(ctx context.Context, c *cache, ch *docChanges, id int64, rec *dossier.Record, f docFacts) error {
	d := rec.Doc
	var loose []dossier.Span
	for _, m := range d.Mentions {
		if m.Entity < 0 || m.Entity >= len(d.Entities) {
			loose = append(loose, m.Span)
		}
	}
	if err := s.exec(ctx, `INSERT INTO layers(doc_id, boilerplate, sentences, loose) VALUES (?,?,?,?)`,
		id, packPlain(d.Boilerplate), packPlain(d.Sentences), packPlain(loose)); err != nil {
		return fmt.Errorf("insert layers: %w", err)
	}
	original := 0
	if f.original {
		original = 1
	}

	// One entities row per distinct corpus id of the document (resolution
	// can give two document entities the same one).
	type entityRow struct {
		name, typ, kb string
		mentions      int
	}
	rows := make(map[string]*entityRow, len(d.Entities))
	order := make([]string, 0, len(d.Entities))
	var deArgs, keyArgs []any
	var mentions []*dossier.Mention
	for i := range d.Entities {
		e := &d.Entities[i]
		mentions = mentions[:0]
		for _, m := range e.Mentions {
			if m >= 0 && m < len(d.Mentions) {
				mentions = append(mentions, &d.Mentions[m])
			}
		}
		slices.SortStableFunc(mentions, func(a, b *dossier.Mention) int { return cmp.Compare(a.Start, b.Start) })
		spans := make([]dossier.Span, len(mentions))
		for j, m := range mentions {
			spans[j] = m.Span
		}
		// A knowledge-base entity's name and type are its entities row's:
		// stored once there, not in each document (readers coalesce).
		name, typ := e.Name, e.Type
		if e.KB != "" {
			name, typ = "", ""
		}
		deArgs = append(deArgs, id, i, e.ID, name, typ, len(spans), packPlain(spans), joinSources(mentions), f.day, original)
		if r, ok := rows[e.ID]; ok {
			r.mentions += len(spans)
			if r.kb == "" && e.KB == "" && utf8.RuneCountInString(e.Name) > utf8.RuneCountInString(r.name) {
				r.name = e.Name
			}
		} else {
			rows[e.ID] = &entityRow{name: e.Name, typ: e.Type, kb: e.KB, mentions: len(spans)}
			order = append(order, e.ID)
		}
		if i < len(rec.Keys) {
			for _, k := range rec.Keys[i] {
				ck := cacheKey{typ: e.Type, kind: k.Kind, key: k.Key}
				if c.hasKey(ck, e.ID) || slices.Contains(ch.keys, cacheEntry{ck, e.ID}) {
					continue
				}
				ch.keys = append(ch.keys, cacheEntry{ck, e.ID})
				keyArgs = append(keyArgs, e.Type, string(k.Kind), k.Key, e.ID)
			}
		}
	}
	// New entities go in; a stored one changes only when a longer name of
	// an entity outside the knowledge base turns up.
	var entArgs []any
	statArgs := make([]any, 0, 5*len(order))
	for _, eid := range order {
		r := rows[eid]
		statArgs = append(statArgs, eid, r.mentions, original, f.seen, f.seen)
		known, ok := c.entities[eid]
		if !ok {
			known, ok = ch.entityInfo(eid)
		}
		switch {
		case !ok:
			entArgs = append(entArgs, eid, r.name, r.typ, r.kb)
			ch.entities = append(ch.entities, cachedEntity{eid, entityInfo{name: r.name, kb: r.kb}})
		case known.kb == "" && r.kb == "" && utf8.RuneCountInString(r.name) > utf8.RuneCountInString(known.name):
			if err := s.exec(ctx, `UPDATE entities SET name = ? WHERE id = ?`, r.name, eid); err != nil {
				return fmt.Errorf("rename entity %s: %w", eid, err)
			}
			ch.entities = append(ch.entities, cachedEntity{eid, entityInfo{name: r.name, kb: known.kb}})
		}
	}
	if err := s.insertRows(ctx, `INSERT OR IGNORE INTO entities(id, name, type, kb) VALUES `, "", 4, entArgs); err != nil {
		return fmt.Errorf("insert entities: %w", err)
	}
	if err := s.insertRows(ctx, `INSERT INTO entity_stats(id, mentions, documents, first_seen, last_seen) VALUES `,
		statsUpsert, 5, statArgs); err != nil {
		return fmt.Errorf("count entities: %w", err)
	}
	if err := s.insertRows(ctx, `INSERT OR IGNORE INTO entity_keys(type, kind, key, entity_id) VALUES `, "", 4, keyArgs); err != nil {
		return fmt.Errorf("insert entity keys: %w", err)
	}
	if err := s.insertRows(ctx, `INSERT INTO doc_entities(doc_id, idx, entity_id, name, type, mentions, spans, sources, day, original) VALUES `,
		"", 10, deArgs); err != nil {
		return fmt.Errorf("insert document entities: %w", err)
	}

	type aliasKey struct{ entity, name, reason string }
	seen := map[aliasKey]bool{}
	var aliasArgs []any
	for i := range d.Entities {
		e := &d.Entities[i]
		for _, a := range e.Aliases {
			k := aliasKey{e.ID, a.Name, a.Reason}
			if seen[k] {
				continue
			}
			seen[k] = true
			aliasArgs = append(aliasArgs, id, e.ID, a.Name, a.Reason)
		}
	}
	if err := s.insertRows(ctx, `INSERT INTO aliases(doc_id, entity_id, name, reason) VALUES `, "", 4, aliasArgs); err != nil {
		return fmt.Errorf("insert aliases: %w", err)
	}
	for i := 0; i < len(aliasArgs); i += 4 {
		aliasArgs[i] = 1 // the same rows, counted: (documents, entity, name, reason)
	}
	if err := s.insertRows(ctx, `INSERT INTO entity_aliases(documents, entity_id, name, reason) VALUES `,
		` ON CONFLICT(entity_id, name, reason) DO UPDATE SET documents = documents + 1`, 4, aliasArgs); err != nil {
		return fmt.Errorf("count aliases: %w", err)
	}

	args := make([]any, 0, 7*len(d.Timexes))
	for i, t := range d.Timexes {
		args = append(args, id, i, t.Start, t.End, t.Value, string(t.Precision), t.Relative)
	}
	if err := s.insertRows(ctx, `INSERT INTO timexes(doc_id, seq, start, "end", value, precision, relative) VALUES `, "", 7, args); err != nil {
		return fmt.Errorf("insert timexes: %w", err)
	}
	args = make([]any, 0, 13*len(d.Figures))
	for i, fg := range d.Figures {
		sent := sentenceOf(d, fg.Span)
		var ns, ne any
		if fg.NounSpan != nil {
			ns, ne = fg.NounSpan.Start, fg.NounSpan.End
		}
		args = append(args, id, i, fg.Start, fg.End, fg.Value, fg.Unit, fg.Qualifier, fg.Approximate, fg.Noun, ns, ne, sent.Start, sent.End)
	}
	if err := s.insertRows(ctx, `INSERT INTO figures(doc_id, seq, start, "end", value, unit, qualifier, approximate, noun, noun_start, noun_end, sent_start, sent_end) VALUES `,
		"", 13, args); err != nil {
		return fmt.Errorf("insert figures: %w", err)
	}
	entityID := func(i int) any {
		if i >= 0 && i < len(d.Entities) {
			return d.Entities[i].ID
		}
		return nil
	}
	args = make([]any, 0, 14*len(d.Quotes))
	for i, q := range d.Quotes {
		var spEnt, spStart, spEnd, vStart, vEnd any
		desc, has := "", false
		if q.Speaker != nil {
			has = true
			spEnt, spStart, spEnd, desc = entityID(q.Speaker.Entity), q.Speaker.Span.Start, q.Speaker.Span.End, q.Speaker.Descriptor
		}
		if q.Verb != nil {
			vStart, vEnd = q.Verb.Start, q.Verb.End
		}
		args = append(args, id, i, q.Start, q.End, packPlain(q.Parts), spEnt, has, spStart, spEnd, desc, vStart, vEnd, f.day, original)
	}
	if err := s.insertRows(ctx, `INSERT INTO quotes(doc_id, seq, start, "end", parts, speaker_entity, has_speaker, speaker_start, speaker_end, descriptor, verb_start, verb_end, day, original) VALUES `,
		"", 14, args); err != nil {
		return fmt.Errorf("insert quotes: %w", err)
	}
	args = make([]any, 0, 17*len(d.Claims))
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
		args = append(args, id, subj, c.Predicate, obj, c.Evidence.Start, c.Evidence.End, tStart, tEnd, has, aEnt, aStart, aEnd, desc,
			c.Modality, c.Confidence, f.day, original)
	}
	if err := s.insertRows(ctx, `INSERT INTO claims(doc_id, subject, predicate, object, ev_start, ev_end, trigger_start, trigger_end,
		has_attribution, attr_entity, attr_start, attr_end, attr_descriptor, modality, confidence, day, original) VALUES `, "", 17, args); err != nil {
		return fmt.Errorf("insert claims: %w", err)
	}
	return nil
}

// joinSources lists the mentions' sources, comma-separated, a run of one
// source written once as source*n: most entities are found the same way
// every time.
func joinSources(ms []*dossier.Mention) string {
	var b strings.Builder
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].Source == ms[i].Source {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(ms[i].Source)
		if j-i > 1 {
			b.WriteByte('*')
			b.WriteString(strconv.Itoa(j - i))
		}
		i = j
	}
	return b.String()
}

// sentenceOf returns the sentence containing s, or s itself when none does.
func sentenceOf(d *dossier.Document, s dossier.Span) dossier.Span {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > s.Start })
	if i < len(d.Sentences) && d.Sentences[i].Start <= s.Start {
		return d.Sentences[i]
	}
	return s
}

// Replace swaps the annotations of document id for rec's (reindex), in a
// transaction of its own (a pending batch is committed first). Entity
// mention and document counts follow; first and last seen only grow until
// PruneEntities recomputes them.
func (s *DB) Replace(ctx context.Context, id int64, rec *dossier.Record) error {
	if err := validate(rec); err != nil {
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	wctx := context.WithoutCancel(ctx)
	if err := s.commit(wctx); err != nil {
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	if err := s.begin(wctx); err != nil {
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	var ch docChanges
	if err := s.replace(wctx, id, rec, &ch); err != nil {
		s.rollback(wctx)
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	if err := s.commit(wctx); err != nil {
		return fmt.Errorf("reindex document %d: %w", id, err)
	}
	if s.w.cache != nil {
		s.w.cache.apply(&ch)
	}
	return nil
}

func (s *DB) replace(ctx context.Context, id int64, rec *dossier.Record, ch *docChanges) error {
	c, err := s.loadCache(ctx)
	if err != nil {
		return err
	}
	var oldTitle, oldBody, retrievedAt string
	var original bool
	var oldBP []byte
	st, err := s.stmt(ctx, `SELECT d.title, dossier_text(c.enc, c.text, c.raw), d.duplicate_of IS NULL, d.retrieved_at, COALESCE(l.boilerplate, x'')
		FROM documents d JOIN contents c ON c.doc_id = d.id LEFT JOIN layers l ON l.doc_id = d.id WHERE d.id = ?`, "", 0, 0)
	if err != nil {
		return err
	}
	if err := st.QueryRowContext(ctx, id).Scan(&oldTitle, &oldBody, &original, &retrievedAt, &oldBP); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return dossier.ErrNotFound
		}
		return err
	}
	if spans, err := UnpackSpans(oldBP, len(oldBody)); err == nil {
		oldBody = indexBody(oldBody, spans) // as it was indexed
	}
	// The external-content index must be told the old values to delete them.
	if err := s.exec(ctx, `INSERT INTO search(search, rowid, title, body) VALUES ('delete', ?, ?, ?)`, id, indexTitle(oldTitle), oldBody); err != nil {
		return fmt.Errorf("unindex: %w", err)
	}
	if err := s.exec(ctx, `UPDATE entity_stats SET mentions = entity_stats.mentions - a.m, documents = entity_stats.documents - a.o
		FROM (SELECT entity_id, sum(mentions) AS m, max(original) AS o FROM doc_entities WHERE doc_id = ? GROUP BY entity_id) AS a
		WHERE entity_stats.id = a.entity_id`, id); err != nil {
		return fmt.Errorf("uncount entities: %w", err)
	}
	if err := s.exec(ctx, `UPDATE entity_aliases SET documents = entity_aliases.documents - 1
		FROM (SELECT DISTINCT entity_id, name, reason FROM aliases WHERE doc_id = ?) AS a
		WHERE entity_aliases.entity_id = a.entity_id AND entity_aliases.name = a.name AND entity_aliases.reason = a.reason`, id); err != nil {
		return fmt.Errorf("uncount aliases: %w", err)
	}
	for _, table := range []string{"layers", "doc_entities", "aliases", "timexes", "figures", "quotes", "claims"} {
		if err := s.exec(ctx, `DELETE FROM `+table+` WHERE doc_id = ?`, id); err != nil {
			return fmt.Errorf("clear %s: %w", table, err)
		}
	}
	d := rec.Doc
	meta, err := json.Marshal(docMeta{TitleSpan: d.Meta.TitleSpan, PublishedSpan: d.Meta.PublishedSpan, Warnings: d.Warnings})
	if err != nil {
		return err
	}
	if err := s.exec(ctx, `UPDATE documents SET lang=?, title=?, author=?, outlet=?, published=?, encoding=?, text_bytes=?, entities=?, meta=? WHERE id=?`,
		d.Lang, d.Meta.Title, d.Meta.Author, d.Meta.Outlet, published(d), d.Meta.Encoding, len(d.Text), len(d.Entities), string(meta), id); err != nil {
		return err
	}
	var enc int64
	var raw []byte
	encSt, err := s.stmt(ctx, `SELECT enc, raw FROM contents WHERE doc_id = ?`, "", 0, 0)
	if err != nil {
		return err
	}
	if err := encSt.QueryRowContext(ctx, id).Scan(&enc, &raw); err != nil {
		return err
	}
	if enc == encDeflate {
		if raw, err = inflate(raw); err != nil {
			return err
		}
	}
	var text any
	if d.Text != string(raw) {
		text = d.Text
		if enc == encDeflate {
			text = deflate([]byte(d.Text))
		}
	}
	if err := s.exec(ctx, `UPDATE contents SET text = ? WHERE doc_id = ?`, text, id); err != nil {
		return err
	}
	if err := s.insertAnnotations(ctx, c, ch, id, rec, docFacts{day: dayNumber(published(d)), seen: seenDay(d, retrievedAt), original: original}); err != nil {
		return err
	}
	if err := s.exec(ctx, `INSERT INTO search(rowid, title, body) VALUES (?,?,?)`, id, indexTitle(d.Meta.Title), indexBody(d.Text, d.Boilerplate)); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// PruneEntities deletes entities no document mentions any more (after a
// reindex), recomputes every entity's counts, dates and alias counts
// exactly, and returns how many entities went.
func (s *DB) PruneEntities(ctx context.Context) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	wctx := context.WithoutCancel(ctx)
	if err := s.commit(wctx); err != nil {
		return 0, fmt.Errorf("prune entities: %w", err)
	}
	if err := s.begin(wctx); err != nil {
		return 0, fmt.Errorf("prune entities: %w", err)
	}
	c, err := s.writeConn(wctx)
	if err != nil {
		return 0, err
	}
	orphan := `SELECT id FROM entities e WHERE NOT EXISTS (SELECT 1 FROM doc_entities de WHERE de.entity_id = e.id)`
	var n int64
	for i, q := range []string{
		`DELETE FROM entity_keys WHERE entity_id IN (` + orphan + `)`,
		`DELETE FROM aliases WHERE entity_id IN (` + orphan + `)`,
		`DELETE FROM entities WHERE id IN (` + orphan + `)`,
		`DELETE FROM entity_stats`,
		`INSERT INTO entity_stats(id, mentions, documents, first_seen, last_seen)
			SELECT de.entity_id, sum(de.mentions), count(DISTINCT CASE WHEN de.original THEN de.doc_id END),
				COALESCE(min(NULLIF(d.published, '')), ''), COALESCE(max(NULLIF(d.published, '')), '')
			FROM doc_entities de JOIN documents d ON d.id = de.doc_id GROUP BY de.entity_id`,
		`DELETE FROM entity_aliases`,
		`INSERT INTO entity_aliases(entity_id, name, reason, documents)
			SELECT entity_id, name, reason, count(DISTINCT doc_id) FROM aliases GROUP BY entity_id, name, reason`,
	} {
		r, err := c.ExecContext(wctx, q)
		if err != nil {
			s.rollback(wctx)
			return 0, fmt.Errorf("prune entities: %w", err)
		}
		if i == 2 {
			n, _ = r.RowsAffected()
		}
	}
	if err := s.commit(wctx); err != nil {
		return 0, fmt.Errorf("prune entities: %w", err)
	}
	s.w.cache = nil // ids and keys went
	return n, nil
}
