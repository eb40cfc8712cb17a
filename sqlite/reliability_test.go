package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/sqlite"
)

// TestPathCharactersInURI: characters that mean something in an SQLite URI
// are part of the file's name.
func TestPathCharactersInURI(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, name := range []string{"b#frag.db", "c%20space.db", "a?mode=ro.db"} {
		path := filepath.Join(dir, name)
		db, err := sqlite.Open(ctx, path, sqlite.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		put(t, db, "en.txt", enArticle)
		db.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: the file was not created under its own name: %v", name, err)
		}
		db, err = sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("%s: reopen: %v", name, err)
		}
		if st, err := db.Stats(ctx); err != nil || st.Documents != 1 {
			t.Errorf("%s: %+v %v", name, st, err)
		}
		db.Close()
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		switch e.Name() {
		case "b", "c space.db", "a":
			t.Errorf("stray file %q: the path went unescaped into the URI", e.Name())
		}
	}
}

// TestReadOnlyStorage: on storage the user cannot write, readers open the
// file as immutable (no -wal or -shm is needed or made) and writers get a
// clear error.
func TestReadOnlyStorage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.db")
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	put(t, db, "en.txt", enArticle)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	opt := sqlite.Options{ReadOnly: true}
	sqlite.FakeWritable(&opt, false)
	db, err = sqlite.Open(ctx, path, opt)
	if err != nil {
		t.Fatalf("read-only open: %v", err)
	}
	if !db.Immutable() {
		t.Error("not marked immutable")
	}
	if st, err := db.Stats(ctx); err != nil || st.Documents != 1 {
		t.Errorf("stats: %+v %v", st, err)
	}
	if err := db.QuickCheck(ctx); err != nil {
		t.Errorf("quick check: %v", err)
	}
	db.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("%s created beside a read-only database", suffix)
		}
	}
	wopt := sqlite.Options{}
	sqlite.FakeWritable(&wopt, false)
	if _, err := sqlite.Open(ctx, path, wopt); !errors.Is(err, sqlite.ErrReadOnly) {
		t.Errorf("writing open on read-only storage: %v, want ErrReadOnly", err)
	}
}

// TestQuickCheckFindsDamage: a b-tree page overwritten with junk is reported.
func TestQuickCheckFindsDamage(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bad.db")
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	put(t, db, "en.txt", enArticle)
	put(t, db, "fr.txt", frArticle)
	if err := db.QuickCheck(ctx); err != nil {
		t.Fatalf("fresh database: %v", err)
	}
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := f.Stat()
	junk := make([]byte, 200)
	for i := range junk {
		junk[i] = 0xff
	}
	// Page headers at several page starts: some b-tree page is hit.
	for off := int64(4096 * 2); off < info.Size(); off += 4096 * 3 {
		if _, err := f.WriteAt(junk, off); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	db, err = sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		// Damage met while opening is reported too, as SQLite's own error.
		if !errors.Is(err, sqlite.ErrDamaged) && !strings.Contains(err.Error(), "malformed") {
			t.Fatalf("open: %v, want a damage report", err)
		}
		return
	}
	defer db.Close()
	if err := db.QuickCheck(ctx); !errors.Is(err, sqlite.ErrDamaged) {
		t.Errorf("quick check on a damaged file: %v, want ErrDamaged", err)
	}
}

// TestFullDiskLosesTheBatch: when a batch's commit fails (the disk is full),
// Settled reports every document of it lost, and none is stored.
func TestFullDiskLosesTheBatch(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "full.db")
	opt := sqlite.Options{}
	sqlite.FakeFullDisk(&opt, 60)
	db, err := sqlite.Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Batch(ctx, 64, 0); err != nil {
		t.Fatal(err)
	}
	var batches []uint64
	var putErr error
	for i := 0; i < 200 && putErr == nil; i++ {
		var res dossier.PutResult
		// Varied words: stored text is deflated, and a repeated sentence
		// would compress to nothing instead of filling the pages.
		rng := rand.New(rand.NewPCG(uint64(i), 7))
		var b strings.Builder
		for range 300 {
			fmt.Fprintf(&b, "w%x ", rng.Uint32())
		}
		body := fmt.Sprintf("Report %d on the Vessa port guards. %s\n", i, b.String())
		res, putErr = db.Put(ctx, record(t, db, fmt.Sprintf("doc%03d.txt", i), body))
		if putErr == nil {
			batches = append(batches, res.Batch)
		}
	}
	flushErr := db.Flush(ctx)
	if putErr == nil && flushErr == nil {
		t.Fatal("no write failed: the page cap did not fill the database")
	}
	stored, lost := 0, 0
	for _, b := range batches {
		ok, err := db.Settled(b)
		if !ok {
			t.Fatalf("batch %d not settled after Flush", b)
		}
		if err != nil {
			lost++
		} else {
			stored++
		}
	}
	var n int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != stored || lost == 0 {
		t.Errorf("%d documents reported stored, %d lost; the database holds %d", stored, lost, n)
	}
}
