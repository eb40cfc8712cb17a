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
// BusyTimeout for one another. Each document is written in one transaction.
//
// # Schema
//
// schema_version holds the version; Open applies the missing steps of
// migrations in order, each in its own transaction. Documents keep their
// original bytes (contents.raw) and, when it differs from them (HTML, decoded
// encodings), the text all spans index (contents.text). Sentences,
// boilerplate and token spans are packed as delta varints (layers); entity
// mentions are packed per document entity (doc_entities.spans); timexes,
// figures, quotes and claims are rows.
//
// # Full-text search
//
// The search table is FTS5 over title and text with
// tokenize='porter unicode61 remove_diacritics 2': accents fold ("Etats" finds
// "États"), and the Porter stemmer conflates English inflections ("attacks",
// "attacked" → "attack") and, as it happens, most French plurals
// ("terroristes" → "terrorist"). FTS5 has no French stemmer. Ranking is bm25
// with the title weighted 5× the body; snippets come from snippet().
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// BusyTimeout is how long a writer waits for another to finish.
const BusyTimeout = 10 * time.Second

// Tokenizer is the FTS5 tokenizer of the search index.
const Tokenizer = "porter unicode61 remove_diacritics 2"

// DB is a dossier store in one SQLite file. It is safe for concurrent use.
type DB struct {
	db   *sql.DB
	path string
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
}

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
	dsn := "file:" + path + fmt.Sprintf("?_pragma=busy_timeout(%d)", BusyTimeout.Milliseconds()) +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(10000)&_pragma=foreign_keys(1)&_txlock=immediate"
	if opt.ReadOnly {
		dsn += "&mode=ro"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &DB{db: db, path: path}
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

// Path is the database file.
func (s *DB) Path() string { return s.path }

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// SQL exposes the connection pool to tests and tools in this module.
func (s *DB) SQL() *sql.DB { return s.db }

// migrations are the schema steps, applied in order; step i brings the
// schema to version i+1. Never edit a released step: append a new one.
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
	simhash      INTEGER NOT NULL,
	band0 INTEGER NOT NULL, band1 INTEGER NOT NULL, band2 INTEGER NOT NULL, band3 INTEGER NOT NULL,
	band4 INTEGER NOT NULL, band5 INTEGER NOT NULL, band6 INTEGER NOT NULL,
	duplicate_of INTEGER REFERENCES documents(id),
	distance     INTEGER,
	meta         TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX documents_name ON documents(name);
CREATE INDEX documents_url ON documents(url) WHERE url != '';
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_band0 ON documents(band0, simhash) WHERE duplicate_of IS NULL;
CREATE INDEX documents_band1 ON documents(band1, simhash) WHERE duplicate_of IS NULL;
CREATE INDEX documents_band2 ON documents(band2, simhash) WHERE duplicate_of IS NULL;
CREATE INDEX documents_band3 ON documents(band3, simhash) WHERE duplicate_of IS NULL;
CREATE INDEX documents_band4 ON documents(band4, simhash) WHERE duplicate_of IS NULL;
CREATE INDEX documents_band5 ON documents(band5, simhash) WHERE duplicate_of IS NULL;
CREATE INDEX documents_band6 ON documents(band6, simhash) WHERE duplicate_of IS NULL;

CREATE TABLE contents (
	doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	raw    BLOB NOT NULL,
	text   TEXT -- NULL when the text is the raw bytes
);

CREATE TABLE layers (
	doc_id      INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	boilerplate BLOB NOT NULL,
	sentences   BLOB NOT NULL,
	tokens      BLOB NOT NULL,
	loose       BLOB NOT NULL -- mentions not grouped into an entity
);

CREATE TABLE entities (
	id   TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	type TEXT NOT NULL,
	kb   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE entity_keys (
	type      TEXT NOT NULL,
	kind      TEXT NOT NULL,
	key       TEXT NOT NULL,
	entity_id TEXT NOT NULL REFERENCES entities(id),
	PRIMARY KEY (type, kind, key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_keys_key ON entity_keys(key);

CREATE TABLE doc_entities (
	doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	entity_id TEXT    NOT NULL REFERENCES entities(id),
	name      TEXT    NOT NULL,
	type      TEXT    NOT NULL,
	mentions  INTEGER NOT NULL,
	spans     BLOB    NOT NULL, -- packed mention spans
	sources   TEXT    NOT NULL DEFAULT '', -- mention sources, one per mention, comma-separated
	PRIMARY KEY (doc_id, idx)
);
CREATE INDEX doc_entities_entity ON doc_entities(entity_id, doc_id);

CREATE TABLE aliases (
	entity_id TEXT    NOT NULL REFERENCES entities(id),
	name      TEXT    NOT NULL,
	reason    TEXT    NOT NULL,
	doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	PRIMARY KEY (entity_id, name, reason, doc_id)
) WITHOUT ROWID;
CREATE INDEX aliases_name ON aliases(name COLLATE NOCASE);
CREATE INDEX aliases_doc ON aliases(doc_id);

CREATE TABLE timexes (
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	start INTEGER NOT NULL, "end" INTEGER NOT NULL,
	value TEXT NOT NULL, precision TEXT NOT NULL, relative INTEGER NOT NULL
);
CREATE INDEX timexes_doc ON timexes(doc_id);

CREATE TABLE figures (
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	start INTEGER NOT NULL, "end" INTEGER NOT NULL,
	value REAL NOT NULL, unit TEXT NOT NULL, qualifier TEXT NOT NULL, approximate INTEGER NOT NULL,
	noun TEXT NOT NULL DEFAULT '', noun_start INTEGER, noun_end INTEGER,
	sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL
);
CREATE INDEX figures_doc ON figures(doc_id);

CREATE TABLE quotes (
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	start INTEGER NOT NULL, "end" INTEGER NOT NULL,
	parts BLOB NOT NULL,
	speaker_entity TEXT, -- corpus id; NULL for an unnamed source or none
	has_speaker INTEGER NOT NULL,
	speaker_start INTEGER, speaker_end INTEGER, descriptor TEXT NOT NULL DEFAULT '',
	verb_start INTEGER, verb_end INTEGER
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity) WHERE speaker_entity IS NOT NULL;

CREATE TABLE claims (
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
	ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL,
	trigger_start INTEGER, trigger_end INTEGER,
	has_attribution INTEGER NOT NULL,
	attr_entity TEXT, attr_start INTEGER, attr_end INTEGER, attr_descriptor TEXT NOT NULL DEFAULT '',
	modality TEXT NOT NULL, confidence REAL NOT NULL
);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_object ON claims(object);

CREATE VIEW search_source AS
	SELECT d.id AS id, d.title AS title, COALESCE(c.text, CAST(c.raw AS TEXT)) AS body
	FROM documents d JOIN contents c ON c.doc_id = d.id;
CREATE VIRTUAL TABLE search USING fts5(title, body,
	content='search_source', content_rowid='id',
	tokenize='` + Tokenizer + `');
`,
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

// migrate applies the missing migration steps, each in its own transaction.
func (s *DB) migrate(ctx context.Context) error {
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
