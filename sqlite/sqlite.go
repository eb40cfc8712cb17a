// Package sqlite is the embedded dossier.Store: one SQLite database file
// (modernc.org/sqlite, pure Go) holding every document's original bytes,
// metadata and annotation layers, the corpus entities with their aliases and
// merge reasons, and an FTS5 full-text index.
//
// # Location
//
// DefaultPath is $DOSSIER_DB when set, else $XDG_DATA_HOME/dossier/dossier.db,
// else ~/.local/share/dossier/dossier.db. The CLI's --db flag overrides it.
//
// # Durability and concurrency
//
// The database runs in WAL mode with synchronous=NORMAL: a committed
// document survives the process being killed (an OS crash may lose the last
// commits, never consistency). Readers never block the writer nor each
// other; writers take the lock at BEGIN (BEGIN IMMEDIATE) and wait up to
// BusyTimeout for one another. Each document goes in whole or not at all:
// in a transaction of its own, or, after Batch (as dossier ingest does),
// under a savepoint of its own inside a transaction shared by up to a few
// dozen documents, committed when full, after a quiet delay, or by Flush
// and Close.
//
// This process writes through one connection with statements prepared once.
// Beside it, a cache of entity name keys and ids answers incremental
// resolution (EntitiesByKey, EntityExists) and an in-memory SimHash band
// index finds near duplicates, without a query per lookup; both are
// reloaded when PRAGMA data_version shows another process wrote.
//
// # Schema
//
// schema_version holds the version; Open applies the missing steps of
// migrations in order, each in its own transaction. Documents keep their
// original bytes (contents.raw) and, when it differs from them (HTML, decoded
// encodings), the text all spans index (contents.text). Sentences,
// boilerplate and loose mention spans are packed as delta varints (layers);
// token spans are not stored (reindex recomputes them); entity mentions are
// packed per document entity (doc_entities.spans); timexes, figures, quotes
// and claims are rows keyed by document. entity_stats and entity_aliases
// keep the counts and dates an entity page shows, so that it reads a few
// dozen index entries whatever the entity's size.
//
// # Full-text search
//
// The search table is FTS5 over title and text with
// tokenize='porter unicode61 remove_diacritics 2': accents fold ("Etats" finds
// "États"), and the Porter stemmer conflates English inflections ("attacks",
// "attacked" → "attack") and, as it happens, most French plurals
// ("terroristes" → "terrorist"). FTS5 has no French stemmer. Ranking is bm25
// with the title weighted 5× the body, over the newest SearchWindow matches
// when there are more, phrases ranked by their words (RankExpr); snippets
// are cut in Go (snippet.go).
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/sys/unix"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (compress.go adds dossier_text)

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/fold"
	"github.com/dossier-project/dossier/kb"
)

// BusyTimeout is how long a writer waits for another to finish.
const BusyTimeout = 10 * time.Second

// idleConns is how many pooled connections stay open between queries: one
// search page runs five side by side.
const idleConns = 6

// Tokenizer is the FTS5 tokenizer of the search index.
const Tokenizer = "porter unicode61 remove_diacritics 2"

// DB is a dossier store in one SQLite file. It is safe for concurrent use.
type DB struct {
	db        *sql.DB
	path      string
	readOnly  bool
	immutable bool
	w         writer // the one connection that writes, with its statements and caches

	// kb is loaded on the first entity lookup the corpus's own names cannot
	// answer (see FindEntities); most commands never need it.
	kbOnce sync.Once
	kb     *kb.KB
	kbErr  error
}

// DefaultPath is where the database lives when --db is not given.
func DefaultPath() (string, error) {
	if p := os.Getenv("DOSSIER_DB"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "dossier", "dossier.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("default database location: %w (choose one with --db)", err)
	}
	return filepath.Join(home, ".local", "share", "dossier", "dossier.db"), nil
}

// Options configures Open.
type Options struct {
	// ReadOnly opens an existing database without write access (no migrations).
	ReadOnly bool
	// writable reports whether a path may be written (tests fake a
	// read-only share with it); nil means unix.Access.
	writable func(path string) bool
	// maxPages caps the file (tests fake a full disk with it); 0: none.
	maxPages int
}

// uriPath escapes a file path for an SQLite "file:" URI: "?" would start the
// parameters, "#" a fragment, and "%" an escape (https://sqlite.org/uri.html).
func uriPath(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		switch c := path[i]; c {
		case '%', '?', '#':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func accessWritable(path string) bool { return unix.Access(path, unix.W_OK) == nil }

// Immutable reports whether the database was opened from read-only storage
// (a mounted share, a backup, a colleague's copy): SQLite reads it as an
// immutable file, without the WAL index it cannot create there.
func (s *DB) Immutable() bool { return s.immutable }

// Open opens or creates the database at path and brings its schema up to date.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	if path == "" {
		return nil, errors.New("open store: empty database path")
	}
	if opt.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open store %s: %w (ingest something first, or choose another with --db)", path, err)
		}
	} else if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	// wal_autocheckpoint: the default (1,000 pages) checkpoints, and so
	// fsyncs, every few dozen documents on a slow disk. cache_size (per
	// connection) keeps the hot index pages of a large corpus in memory.
	// (mmap_size is left off: with modernc it made writes several times slower.)
	writable := opt.writable
	if writable == nil {
		writable = accessWritable
	}
	// A reader on storage it cannot write (a read-only mount, a file without
	// write permission) cannot create the WAL index (-shm): it reads the
	// file as immutable instead, which needs no other file.
	immutable := opt.ReadOnly && (!writable(path) || !writable(filepath.Dir(path)))
	if !opt.ReadOnly {
		if _, err := os.Stat(path); err == nil && !writable(path) || !writable(filepath.Dir(path)) {
			return nil, fmt.Errorf("open store %s: %w: the file or its folder cannot be written; reading commands (search, stats, entity, serve, export) still work, writing ones (ingest, reindex, watch) need a writable copy", path, ErrReadOnly)
		}
	}
	dsn := "file:" + uriPath(path) + fmt.Sprintf("?_pragma=busy_timeout(%d)", BusyTimeout.Milliseconds())
	if !immutable {
		dsn += "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(10000)"
	}
	dsn += "&_pragma=cache_size(-32768)&_pragma=temp_store(MEMORY)&_txlock=immediate"
	if opt.maxPages > 0 {
		dsn += fmt.Sprintf("&_pragma=max_page_count(%d)", opt.maxPages)
	}
	switch {
	case immutable:
		dsn += "&mode=ro&immutable=1"
	case opt.ReadOnly:
		dsn += "&mode=ro"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// Queries run side by side (a search page's hits, count and facets):
	// connections kept idle keep their page cache, where a fresh one would
	// open the file and read its index pages again.
	db.SetMaxIdleConns(idleConns)
	s := &DB{db: db, path: path, readOnly: opt.ReadOnly, immutable: immutable}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if !opt.ReadOnly {
		if err := s.migrate(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
	} else if v, err := s.version(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	} else if v != len(migrations) {
		db.Close()
		return nil, fmt.Errorf("open store %s: schema version %d, this binary expects %d (run any writing command, e.g. dossier reindex, to migrate)", path, v, len(migrations))
	}
	return s, nil
}

// ErrReadOnly marks a writing open of a database on storage that cannot be written.
var ErrReadOnly = errors.New("read-only storage")

// ErrDamaged marks a database whose pages fail SQLite's consistency check.
var ErrDamaged = errors.New("the database file is damaged")

// QuickCheck runs SQLite's quick_check over every page (cost linear in the
// file's size) and returns an error wrapping ErrDamaged when it finds damage.
func (s *DB) QuickCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA quick_check(20)`)
	if err != nil {
		if strings.Contains(err.Error(), "malformed") || strings.Contains(err.Error(), "corrupt") {
			return fmt.Errorf("%s: %w: %v", s.path, ErrDamaged, err)
		}
		return fmt.Errorf("%s: quick check: %w", s.path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("%s: quick check: %w", s.path, err)
		}
		if line != "ok" {
			problems = append(problems, strings.Join(strings.Fields(line), " "))
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w: %v", s.path, ErrDamaged, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %w (%s); restore a backup, or salvage it with: sqlite3 %s .recover", s.path, ErrDamaged, problems[0], s.path)
	}
	return nil
}

// Path is the database file.
func (s *DB) Path() string { return s.path }

// Close commits a pending batch (see Batch) and closes the database.
func (s *DB) Close() error {
	err := s.w.close()
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	return err
}

// SQL exposes the connection pool to tests and tools in this module.
func (s *DB) SQL() *sql.DB { return s.db }

// eachRow runs query and hands each row to scan, closing the rows on every
// path; the query's, a scan's or the iteration's first error ends it.
func (s *DB) eachRow(ctx context.Context, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// migrations are the schema steps, applied in order; step i brings the
// schema to version i+1. Never edit a released step: append a new one.
//
// The layout is shaped by the write path: every b-tree a document touches is
// at least one page written per commit, so tables are few, child rows are
// keyed by document first (appends), foreign keys are kept by the writer
// rather than checked per row, and the per-entity figures an entity page
// shows (mentions, documents, first and last seen, alias counts) are kept
// up to date on insert instead of aggregated on every read.
var migrations = []string{
	// 1: documents, contents, layers, entities, annotations, full-text index.
	`
CREATE TABLE documents (
	id           INTEGER PRIMARY KEY,
	hash         TEXT    NOT NULL UNIQUE,
	name         TEXT    NOT NULL,
	url          TEXT    NOT NULL DEFAULT '',
	feed         TEXT    NOT NULL DEFAULT '',
	retrieved_at TEXT    NOT NULL,
	format       TEXT    NOT NULL,
	encoding     TEXT    NOT NULL DEFAULT '',
	lang         TEXT    NOT NULL DEFAULT '',
	title        TEXT    NOT NULL DEFAULT '',
	author       TEXT    NOT NULL DEFAULT '',
	outlet       TEXT    NOT NULL DEFAULT '',
	published    TEXT    NOT NULL DEFAULT '',
	raw_bytes    INTEGER NOT NULL,
	text_bytes   INTEGER NOT NULL,
	entities     INTEGER NOT NULL DEFAULT 0, -- document entities, for listings
	simhash      INTEGER NOT NULL,
	duplicate_of INTEGER, -- documents(id)
	distance     INTEGER,
	meta         TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX documents_name ON documents(name);
CREATE INDEX documents_url ON documents(url) WHERE url != '';
CREATE INDEX documents_published ON documents(published, id);

CREATE TABLE contents (
	doc_id INTEGER PRIMARY KEY, -- documents(id)
	raw    BLOB NOT NULL,
	text   TEXT -- NULL when the text is the raw bytes
);

-- Token spans are not stored: reindex recomputes them from the text.
CREATE TABLE layers (
	doc_id      INTEGER PRIMARY KEY, -- documents(id)
	boilerplate BLOB NOT NULL,
	sentences   BLOB NOT NULL,
	loose       BLOB NOT NULL -- mentions not grouped into an entity
);

CREATE TABLE entities (
	id   TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	type TEXT NOT NULL,
	kb   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

-- What an entity page and the entity list show without aggregating:
-- mentions, documents (originals only), first_seen and last_seen
-- (publication or retrieval day), added to by every Put and recomputed by
-- PruneEntities. Apart from entities so that the counts change no index.
CREATE TABLE entity_stats (
	id         TEXT PRIMARY KEY, -- entities(id)
	mentions   INTEGER NOT NULL,
	documents  INTEGER NOT NULL,
	first_seen TEXT NOT NULL,
	last_seen  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE entity_keys (
	type      TEXT NOT NULL,
	kind      TEXT NOT NULL,
	key       TEXT NOT NULL,
	entity_id TEXT NOT NULL, -- entities(id)
	PRIMARY KEY (type, kind, key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_keys_key ON entity_keys(key);

-- day is the publication date as YYYYMMDD (0 when unknown) and original is 0
-- for a near duplicate's rows: entity pages read newest originals first
-- straight from the index.
CREATE TABLE doc_entities (
	doc_id    INTEGER NOT NULL, -- documents(id)
	idx       INTEGER NOT NULL,
	entity_id TEXT    NOT NULL, -- entities(id)
	name      TEXT    NOT NULL, -- '' for a knowledge-base entity: entities.name
	type      TEXT    NOT NULL, -- '' for a knowledge-base entity: entities.type
	mentions  INTEGER NOT NULL,
	spans     BLOB    NOT NULL, -- packed mention spans
	sources   TEXT    NOT NULL DEFAULT '', -- mention sources in span order, comma-separated, runs as source*n
	day       INTEGER NOT NULL DEFAULT 0,
	original  INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities(entity_id, original, day, doc_id);

-- Per document (export reads them back); entity_aliases counts documents.
CREATE TABLE aliases (
	doc_id    INTEGER NOT NULL, -- documents(id)
	entity_id TEXT    NOT NULL,
	name      TEXT    NOT NULL, -- '' for a knowledge-base entity: entities.name
	reason    TEXT    NOT NULL,
	PRIMARY KEY (doc_id, entity_id, name, reason)
) WITHOUT ROWID;

CREATE TABLE entity_aliases (
	entity_id TEXT    NOT NULL,
	name      TEXT    NOT NULL, -- '' for a knowledge-base entity: entities.name
	reason    TEXT    NOT NULL,
	documents INTEGER NOT NULL,
	PRIMARY KEY (entity_id, name, reason)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_name ON entity_aliases(name COLLATE NOCASE);

CREATE TABLE timexes (
	doc_id INTEGER NOT NULL, seq INTEGER NOT NULL,
	start INTEGER NOT NULL, "end" INTEGER NOT NULL,
	value TEXT NOT NULL, precision TEXT NOT NULL, relative INTEGER NOT NULL,
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

CREATE TABLE figures (
	doc_id INTEGER NOT NULL, seq INTEGER NOT NULL,
	start INTEGER NOT NULL, "end" INTEGER NOT NULL,
	value REAL NOT NULL, unit TEXT NOT NULL, qualifier TEXT NOT NULL, approximate INTEGER NOT NULL,
	noun TEXT NOT NULL DEFAULT '', noun_start INTEGER, noun_end INTEGER,
	sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

CREATE TABLE quotes (
	doc_id INTEGER NOT NULL, seq INTEGER NOT NULL,
	start INTEGER NOT NULL, "end" INTEGER NOT NULL,
	parts BLOB NOT NULL,
	speaker_entity TEXT, -- corpus id; NULL for an unnamed source or none
	has_speaker INTEGER NOT NULL,
	speaker_start INTEGER, speaker_end INTEGER, descriptor TEXT NOT NULL DEFAULT '',
	verb_start INTEGER, verb_end INTEGER,
	day INTEGER NOT NULL DEFAULT 0, original INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_entity, original, day, doc_id) WHERE speaker_entity IS NOT NULL;

-- A rowid table: readers list a document's claims in insertion order.
CREATE TABLE claims (
	doc_id INTEGER NOT NULL,
	subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
	ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL,
	trigger_start INTEGER, trigger_end INTEGER,
	has_attribution INTEGER NOT NULL,
	attr_entity TEXT, attr_start INTEGER, attr_end INTEGER, attr_descriptor TEXT NOT NULL DEFAULT '',
	modality TEXT NOT NULL, confidence REAL NOT NULL,
	day INTEGER NOT NULL DEFAULT 0, original INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_subject ON claims(subject, original, day, doc_id);
CREATE INDEX claims_object ON claims(object, original, day, doc_id);

CREATE VIEW search_source AS
	SELECT d.id AS id, d.title AS title, COALESCE(c.text, CAST(c.raw AS TEXT)) AS body
	FROM documents d JOIN contents c ON c.doc_id = d.id;
CREATE VIRTUAL TABLE search USING fts5(title, body,
	content='search_source', content_rowid='id',
	tokenize='` + Tokenizer + `');
INSERT INTO search(search, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
`,
	// 2: first and last seen are publication dates only (an undated
	// document used to count on the day it was ingested).
	`
UPDATE entity_stats SET
	first_seen = COALESCE((SELECT min(NULLIF(d.published, '')) FROM doc_entities de JOIN documents d ON d.id = de.doc_id WHERE de.entity_id = entity_stats.id), ''),
	last_seen = COALESCE((SELECT max(NULLIF(d.published, '')) FROM doc_entities de JOIN documents d ON d.id = de.doc_id WHERE de.entity_id = entity_stats.id), '');
`,
	// 3: the claims between two entities (edge evidence, graph edges) read
	// from one index range instead of all of one end's claims.
	`
CREATE INDEX claims_pair ON claims(subject, object, original, day);
-- Documents per publication day (the timeline) counted from the index alone.
CREATE INDEX documents_day ON documents(published) WHERE duplicate_of IS NULL;
`,
	// 4: page furniture is no longer in the full-text index (searching
	// "newsletter" found every page with a subscription box). The index is
	// rebuilt by migrateSteps[4].
	`SELECT 1;`,
	// 5: originals and texts are stored deflated (compress.go); older rows
	// stay plain (enc 0). The full-text view reads through dossier_text.
	`
ALTER TABLE contents ADD COLUMN enc INTEGER NOT NULL DEFAULT 0;
DROP VIEW search_source;
CREATE VIEW search_source AS
	SELECT d.id AS id, d.title AS title, dossier_text(c.enc, c.text, c.raw) AS body
	FROM documents d JOIN contents c ON c.doc_id = d.id;
`,
	// 6: the workbench's overview counts documents by language from an index.
	`
CREATE INDEX documents_lang ON documents(lang) WHERE duplicate_of IS NULL;
`,
	// 7: the full-text index holds letters without a decomposition folded
	// ("Straße" as "Strasse", see indexForm), as queries do. The documents
	// that hold such letters are reindexed by migrateSteps[7].
	`SELECT 1;`,
}

// migrateSteps are the parts of migrations done in Go, run in the same
// transaction after the migration's SQL.
var migrateSteps = map[int]func(ctx context.Context, tx *sql.Tx) error{
	4: reindexBodies,
	7: reindexExpanded,
}

// reindexBodies rebuilds the full-text index from every document's text
// with its boilerplate blanked.
func reindexBodies(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO search(search) VALUES ('delete-all')`); err != nil {
		return err
	}
	all, err := indexedRows(ctx, tx, `CAST(COALESCE(c.text, c.raw) AS TEXT)`)
	if err != nil {
		return err
	}
	for _, r := range all {
		// As written: migration 7 folds.
		if _, err := tx.ExecContext(ctx, `INSERT INTO search(rowid, title, body) VALUES (?,?,?)`, r.id, r.title, r.body); err != nil {
			return err
		}
	}
	return nil
}

// reindexExpanded reindexes the documents whose title or text holds a
// letter that indexForm folds: the index held them as written.
func reindexExpanded(ctx context.Context, tx *sql.Tx) error {
	all, err := indexedRows(ctx, tx, `dossier_text(c.enc, c.text, c.raw)`)
	if err != nil {
		return err
	}
	for _, r := range all {
		title, body := indexForm(r.title), indexForm(r.body)
		if title == r.title && body == r.body {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO search(search, rowid, title, body) VALUES ('delete', ?, ?, ?)`, r.id, r.title, r.body); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO search(rowid, title, body) VALUES (?,?,?)`, r.id, title, body); err != nil {
			return err
		}
	}
	return nil
}

// indexedRow is a document's title and text with its boilerplate blanked,
// as written (not in index form).
type indexedRow struct {
	id          int64
	title, body string
}

// indexedRows reads every document's indexedRow inside a migration; textExpr
// is the SQL expression of its text in that schema version.
func indexedRows(ctx context.Context, tx *sql.Tx, textExpr string) ([]indexedRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT d.id, d.title, `+textExpr+`, COALESCE(l.boilerplate, x'')
		FROM documents d JOIN contents c ON c.doc_id = d.id LEFT JOIN layers l ON l.doc_id = d.id ORDER BY d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []indexedRow
	for rows.Next() {
		var r indexedRow
		var text string
		var bp []byte
		if err := rows.Scan(&r.id, &r.title, &text, &bp); err != nil {
			return nil, err
		}
		spans, _ := UnpackSpans(bp, len(text))
		r.body = blankBoilerplate(text, spans)
		all = append(all, r)
	}
	return all, rows.Err()
}

// indexForm is the form of a title or text the full-text index is given:
// the letters that the tokenizer's diacritic folding leaves as they are
// (ß, æ, œ, ø, ł, đ, þ…) spelled as package fold spells them, so that
// "Straße" is found by "strasse" and the other way round. Queries get the
// same treatment (ftsTerm).
func indexForm(s string) string { return fold.Expanded(s) }

// indexTitle is the title as the full-text index holds it.
func indexTitle(title string) string { return indexForm(title) }

// indexBody is the text the full-text index holds for a document: its text
// with the boilerplate's bytes blanked, in its index form.
func indexBody(text string, boilerplate []dossier.Span) string {
	return indexForm(blankBoilerplate(text, boilerplate))
}

// blankBoilerplate returns text with the boilerplate's bytes blanked
// (offsets unchanged).
func blankBoilerplate(text string, boilerplate []dossier.Span) string {
	if len(boilerplate) == 0 {
		return text
	}
	b := []byte(text)
	for _, sp := range boilerplate {
		if sp.Start < 0 || sp.End > len(b) || sp.Start >= sp.End {
			continue
		}
		for i := sp.Start; i < sp.End; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

func (s *DB) version(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'`).Scan(&n)
	if err != nil || n == 0 {
		return 0, err
	}
	var v int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// PageSize is the page size of a new database: an article of a few KB
// fills most of a default 4 KiB page on its own, 16 KiB pages pack them.
const PageSize = 16384

// migrate applies the missing migration steps, each in its own transaction.
func (s *DB) migrate(ctx context.Context) error {
	var tables int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&tables); err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	if tables == 0 {
		// The page size of a WAL database is fixed: set it while the file
		// is empty, outside WAL, on one connection.
		c, err := s.db.Conn(ctx)
		if err != nil {
			return err
		}
		for _, q := range []string{`PRAGMA journal_mode=DELETE`, fmt.Sprintf(`PRAGMA page_size=%d`, PageSize), `VACUUM`, `PRAGMA journal_mode=WAL`} {
			if _, err := c.ExecContext(ctx, q); err != nil {
				c.Close()
				return fmt.Errorf("new database: %s: %w", q, err)
			}
		}
		c.Close()
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	for {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		var v int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
			tx.Rollback()
			return fmt.Errorf("read schema version: %w", err)
		}
		if v > len(migrations) {
			tx.Rollback()
			return fmt.Errorf("schema version %d is newer than this binary's %d: upgrade dossier", v, len(migrations))
		}
		if v == len(migrations) {
			return tx.Rollback()
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if step := migrateSteps[v+1]; step != nil {
			if err := step(ctx, tx); err != nil {
				tx.Rollback()
				return fmt.Errorf("migration %d: %w", v+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version, applied_at) VALUES (?, ?)`,
			v+1, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
}

// SchemaVersion is the schema version this build creates and migrates to.
func SchemaVersion() int { return len(migrations) }
