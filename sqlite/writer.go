package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier"
)

// writer serialises this process's writes on one connection. Statements are
// prepared once on it and reused; the caches that spare incremental
// resolution and near-duplicate detection a query per lookup live beside it.
// Another process writing is noticed through PRAGMA data_version at the next
// transaction, and the caches are then reloaded.
type writer struct {
	mu          sync.Mutex
	conn        *sql.Conn
	stmts       map[stmtKey]*sql.Stmt
	inTx        bool
	dataVersion int64
	cache       *cache // nil until first needed, or after another writer committed

	// Batching (see DB.Batch): documents of the open transaction, the
	// limits, the timer committing a quiet batch, and the error of a commit
	// made by that timer, reported by the next call.
	pending  int
	index    []indexRow // full-text entries of the batch, added at commit
	limit    int        // documents the open batch may take: grows to maxDocs
	maxDocs  int
	maxDelay time.Duration
	timer    *time.Timer
	deferred error

	// Batch outcomes, so that callers report only what a commit confirmed:
	// seq numbers write transactions, done is the last one committed, lost
	// holds those rolled back or whose commit failed.
	seq  uint64
	done uint64
	lost map[uint64]error
}

// errBatchLost is the outcome of a batch abandoned after a failed statement.
var errBatchLost = errors.New("the write batch was rolled back")

// Settled reports whether the batch that PutResult.Batch names has ended,
// and the error that lost it, if any (a full disk at commit). Batch 0 is
// always settled.
func (s *DB) Settled(batch uint64) (bool, error) {
	if batch == 0 {
		return true, nil
	}
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	if err, ok := s.w.lost[batch]; ok {
		return true, err
	}
	if batch <= s.w.done {
		return true, nil
	}
	return false, nil
}

// settle records the outcome of the open write transaction. w.mu is held.
func (w *writer) settle(err error) {
	if err == nil {
		w.done = w.seq
		return
	}
	if w.lost == nil {
		w.lost = map[uint64]error{}
	}
	w.lost[w.seq] = err
}

type stmtKey struct {
	head, tail string
	rows       int
}

var errReadOnly = errors.New("the database is open read-only")

// conn returns the write connection, opening it on first use. w.mu is held.
func (s *DB) writeConn(ctx context.Context) (*sql.Conn, error) {
	if s.readOnly {
		return nil, errReadOnly
	}
	if s.w.conn == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return nil, err
		}
		s.w.conn, s.w.stmts = c, map[stmtKey]*sql.Stmt{}
	}
	return s.w.conn, nil
}

// stmt returns the prepared statement head + rows value tuples + tail (rows
// 0: head alone).
func (s *DB) stmt(ctx context.Context, head, tail string, rows, cols int) (*sql.Stmt, error) {
	k := stmtKey{head, tail, rows}
	if st, ok := s.w.stmts[k]; ok {
		return st, nil
	}
	c, err := s.writeConn(ctx)
	if err != nil {
		return nil, err
	}
	q := head
	if rows > 0 {
		tuple := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
		q += strings.TrimSuffix(strings.Repeat(tuple+",", rows), ",")
	}
	st, err := c.PrepareContext(ctx, q+tail)
	if err != nil {
		return nil, fmt.Errorf("prepare %.40q: %w", q, err)
	}
	s.w.stmts[k] = st
	return st, nil
}

func (s *DB) exec(ctx context.Context, q string, args ...any) error {
	st, err := s.stmt(ctx, q, "", 0, 0)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

// insertChunks are the row counts of the multi-row INSERTs: a list of rows
// goes in as few statements as these sizes allow, from a handful of
// prepared statements per table.
var insertChunks = [...]int{32, 8, 2, 1}

// insertRows inserts len(args)/cols rows with multi-row INSERT statements
// head VALUES (…),(…) tail.
func (s *DB) insertRows(ctx context.Context, head, tail string, cols int, args []any) error {
	for len(args) > 0 {
		n := len(args) / cols
		rows := 1
		for _, c := range insertChunks {
			if c <= n {
				rows = c
				break
			}
		}
		st, err := s.stmt(ctx, head, tail, rows, cols)
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(ctx, args[:rows*cols]...); err != nil {
			return err
		}
		args = args[rows*cols:]
	}
	return nil
}

// begin opens the write transaction unless a batch has it open already.
func (s *DB) begin(ctx context.Context) error {
	if s.w.inTx {
		return nil
	}
	if _, err := s.writeConn(ctx); err != nil {
		return err
	}
	if err := s.exec(ctx, `BEGIN IMMEDIATE`); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	s.w.inTx = true
	s.w.seq++
	// data_version changes when another connection committed: what this
	// process cached may be stale.
	if v, err := s.readDataVersion(ctx); err != nil {
		return err
	} else if v != s.w.dataVersion {
		s.w.cache, s.w.dataVersion = nil, v
	}
	return nil
}

func (s *DB) readDataVersion(ctx context.Context) (int64, error) {
	st, err := s.stmt(ctx, `PRAGMA data_version`, "", 0, 0)
	if err != nil {
		return 0, err
	}
	var v int64
	if err := st.QueryRowContext(ctx).Scan(&v); err != nil {
		return 0, fmt.Errorf("data version: %w", err)
	}
	return v, nil
}

// commit ends the write transaction. On failure everything since begin is
// gone, so are the caches that had seen it.
func (s *DB) commit(ctx context.Context) error {
	if !s.w.inTx {
		return nil
	}
	n := s.w.pending
	s.w.pending = 0
	if s.w.timer != nil {
		s.w.timer.Stop()
		s.w.timer = nil
	}
	var err error
	for _, r := range s.w.index {
		if err = s.indexText(ctx, r); err != nil {
			break
		}
	}
	s.w.index = s.w.index[:0]
	if err == nil {
		err = s.exec(ctx, `COMMIT`)
	}
	if err != nil {
		_ = s.exec(ctx, `ROLLBACK`)
		s.w.cache = nil
	}
	s.w.inTx = false
	s.w.settle(err)
	if err != nil {
		if n > 1 {
			return fmt.Errorf("commit of %d documents: %w (run the same ingest again to store them)", n, err)
		}
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// rollback abandons the write transaction and with it any batch.
func (s *DB) rollback(ctx context.Context) {
	if !s.w.inTx {
		return
	}
	_ = s.exec(ctx, `ROLLBACK`)
	s.w.settle(errBatchLost)
	s.w.inTx, s.w.pending, s.w.cache, s.w.index = false, 0, nil, s.w.index[:0]
	if s.w.timer != nil {
		s.w.timer.Stop()
		s.w.timer = nil
	}
}

// Batch makes Put group up to maxDocs documents, or those arriving within
// maxDelay of the first, into one transaction: each document still goes in
// whole or not at all (a savepoint each), but a commit, with its page
// writes, is shared. A document is durable and visible to other
// connections once its batch commits; a process killed before that loses
// the batch, and running the same ingest again stores it. Flush and Close
// commit what is pending. maxDocs ≤ 1 turns batching off (the default: one
// transaction per Put).
//
// The first batch holds one document and each next one twice as many, up
// to maxDocs: the first documents of a run show in the database at once,
// and a long run soon commits full batches.
func (s *DB) Batch(ctx context.Context, maxDocs int, maxDelay time.Duration) error {
	err := s.Flush(ctx)
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	s.w.maxDocs, s.w.maxDelay, s.w.limit = maxDocs, maxDelay, 1
	return err
}

// Flush commits the documents of an open batch.
func (s *DB) Flush(ctx context.Context) error {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	err := s.w.deferred
	s.w.deferred = nil
	if cerr := s.commit(context.WithoutCancel(ctx)); err == nil {
		err = cerr
	}
	return err
}

// flushQuiet commits a batch that has waited maxDelay for more documents.
func (s *DB) flushQuiet() {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	s.w.timer = nil
	if s.w.inTx && s.w.pending > 0 {
		if err := s.commit(context.Background()); err != nil && s.w.deferred == nil {
			s.w.deferred = err
		}
	}
}

func (w *writer) close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		return nil
	}
	var err error
	if w.inTx {
		for _, r := range w.index {
			if _, err = w.conn.ExecContext(context.Background(), `INSERT INTO search(rowid, title, body) VALUES (?,?,?)`, r.id, r.title, r.body); err != nil {
				break
			}
		}
		if err == nil {
			_, err = w.conn.ExecContext(context.Background(), `COMMIT`)
		}
		if err != nil {
			err = fmt.Errorf("commit of %d documents: %w", w.pending, err)
			w.conn.ExecContext(context.Background(), `ROLLBACK`)
		}
		w.settle(err)
		w.inTx, w.index = false, nil
	}
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	for _, st := range w.stmts {
		st.Close()
	}
	w.stmts = nil
	if cerr := w.conn.Close(); err == nil {
		err = cerr
	}
	w.conn = nil
	return err
}

// cache is what the writer knows of the stored corpus: entity name keys and
// ids for incremental resolution, and the fingerprints of originals for
// near-duplicate detection. Its size grows with distinct entities and, by
// 16 bytes, with documents; never with their text.
type cache struct {
	keys     map[cacheKey][]string // sorted entity ids
	entities map[string]entityInfo
	near     nearIndex
}

// entityInfo is what deciding an entity's rename needs.
type entityInfo struct{ name, kb string }

type cachedEntity struct {
	id string
	entityInfo
}

type cacheKey struct {
	typ  string
	kind dossier.KeyKind
	key  string
}

// loadCache reads the cache unless it is loaded. w.mu is held.
func (s *DB) loadCache(ctx context.Context) (*cache, error) {
	if s.w.cache != nil {
		return s.w.cache, nil
	}
	c, err := s.writeConn(ctx)
	if err != nil {
		return nil, err
	}
	if !s.w.inTx {
		// Remember the version this load reflects; begin compares.
		if s.w.dataVersion, err = s.readDataVersion(ctx); err != nil {
			return nil, err
		}
	}
	ch := &cache{keys: map[cacheKey][]string{}, entities: map[string]entityInfo{}}
	rows, err := c.QueryContext(ctx, `SELECT type, kind, key, entity_id FROM entity_keys ORDER BY type, kind, key, entity_id`)
	if err != nil {
		return nil, fmt.Errorf("load entity keys: %w", err)
	}
	for rows.Next() {
		var k cacheKey
		var id string
		if err := rows.Scan(&k.typ, &k.kind, &k.key, &id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load entity keys: %w", err)
		}
		ch.keys[k] = append(ch.keys[k], id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load entity keys: %w", err)
	}
	rows, err = c.QueryContext(ctx, `SELECT id, name, kb FROM entities`)
	if err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	for rows.Next() {
		var id string
		var e entityInfo
		if err := rows.Scan(&id, &e.name, &e.kb); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load entities: %w", err)
		}
		ch.entities[id] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	rows, err = c.QueryContext(ctx, `SELECT id, simhash FROM documents WHERE duplicate_of IS NULL AND simhash != 0 ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("load fingerprints: %w", err)
	}
	for rows.Next() {
		var id, h int64
		if err := rows.Scan(&id, &h); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load fingerprints: %w", err)
		}
		ch.near.add(id, uint64(h))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load fingerprints: %w", err)
	}
	s.w.cache = ch
	return ch, nil
}

// docChanges is what one document adds to the cache, applied once it is in.
type docChanges struct {
	keys     []cacheEntry
	entities []cachedEntity // new, or renamed
	index    *indexRow      // deferred to the batch's commit
	nearID   int64
	nearHash uint64
}

type cacheEntry struct {
	k  cacheKey
	id string
}

func (c *cache) apply(ch *docChanges) {
	for _, e := range ch.keys {
		ids := c.keys[e.k]
		i := 0
		for i < len(ids) && ids[i] < e.id {
			i++
		}
		if i < len(ids) && ids[i] == e.id {
			continue
		}
		ids = append(ids, "")
		copy(ids[i+1:], ids[i:])
		ids[i] = e.id
		c.keys[e.k] = ids
	}
	for _, e := range ch.entities {
		c.entities[e.id] = e.entityInfo
	}
	if ch.nearID != 0 {
		c.near.add(ch.nearID, ch.nearHash)
	}
}

// entityInfo returns the latest name this document gave entity id.
func (ch *docChanges) entityInfo(id string) (entityInfo, bool) {
	for i := len(ch.entities) - 1; i >= 0; i-- {
		if ch.entities[i].id == id {
			return ch.entities[i].entityInfo, true
		}
	}
	return entityInfo{}, false
}

func (c *cache) hasKey(k cacheKey, id string) bool {
	for _, x := range c.keys[k] {
		if x == id {
			return true
		}
	}
	return false
}

// bandWidths split a SimHash into seven bands (10+9×6 bits): two
// fingerprints within NearDuplicateBits (6) of each other differ in at most
// six bands, so they agree on one, and the band buckets find every
// near-duplicate candidate.
var bandWidths = [7]uint{10, 9, 9, 9, 9, 9, 9}

// nearIndex finds stored originals whose SimHash is close to a new one.
type nearIndex struct {
	ids     []int64
	hashes  []uint64
	buckets [7][1 << 10][]int32 // band value → positions in ids
}

func (n *nearIndex) add(id int64, h uint64) {
	if h == 0 || len(n.ids) >= 1<<31-1 {
		return
	}
	pos := int32(len(n.ids))
	n.ids = append(n.ids, id)
	n.hashes = append(n.hashes, h)
	shift := uint(0)
	for i, w := range bandWidths {
		b := h >> shift & (1<<w - 1)
		n.buckets[i][b] = append(n.buckets[i][b], pos)
		shift += w
	}
}

// nearest returns the stored original closest to h within
// NearDuplicateBits (the lowest id among equals), or 0.
func (n *nearIndex) nearest(h uint64) (int64, int) {
	if h == 0 {
		return 0, 0 // no body to fingerprint
	}
	var best int64
	bestDist := dossier.NearDuplicateBits + 1
	shift := uint(0)
	for i, w := range bandWidths {
		b := h >> shift & (1<<w - 1)
		shift += w
		for _, p := range n.buckets[i][b] {
			dist := bits.OnesCount64(h ^ n.hashes[p])
			id := n.ids[p]
			if dist < bestDist || dist == bestDist && id < best {
				best, bestDist = id, dist
			}
		}
	}
	if best == 0 {
		return 0, 0
	}
	return best, bestDist
}

// dayNumber is a YYYY-MM-DD date as the integer YYYYMMDD, 0 for anything else.
func dayNumber(date string) int64 {
	if len(date) != 10 || date[4] != '-' || date[7] != '-' {
		return 0
	}
	n, err := strconv.ParseInt(date[:4]+date[5:7]+date[8:], 10, 64)
	if err != nil {
		return 0
	}
	return n
}
