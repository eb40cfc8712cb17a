package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"github.com/dossier-project/dossier/kb"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-project/dossier/demo"
	_ "modernc.org/sqlite"
)

// TestMain lets the kill test re-execute this test binary as the dossier
// command: with DOSSIER_TEST_CLI set, it runs the CLI on the arguments in
// DOSSIER_TEST_ARGS (separated by \x1f) instead of the tests.
func TestMain(m *testing.M) {
	// Tests never read the developer's own knowledge-base file.
	if os.Getenv(kb.UserFileEnv) == "" {
		os.Setenv(kb.UserFileEnv, filepath.Join(os.TempDir(), "dossier-test-no-user-kb.csv"))
	}
	if os.Getenv("DOSSIER_TEST_CLI") == "1" {
		os.Exit(run(context.Background(), strings.Split(os.Getenv("DOSSIER_TEST_ARGS"), "\x1f"), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// syntheticCorpus writes copies of the demo articles into dir, each made
// distinct (a different dateline paragraph and shuffled paragraph order), and
// returns how many files it wrote.
func syntheticCorpus(t testing.TB, dir string, copies int) int {
	t.Helper()
	files, err := demo.Files()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for c := range copies {
		for i, f := range files {
			if strings.HasSuffix(f, ".html") || strings.Contains(f, "cp1252") {
				continue
			}
			b, err := fs.ReadFile(demo.FS, f)
			if err != nil {
				t.Fatal(err)
			}
			paras := strings.Split(string(b), "\n\n")
			// Rotate the body paragraphs (keep the title first) so that
			// copies are different articles to the near-duplicate detector.
			if len(paras) > 3 && c > 0 {
				body := paras[1:]
				k := c % len(body)
				paras = append([]string{paras[0]}, append(body[k:], body[:k]...)...)
			}
			text := strings.Join(paras, "\n\n") + fmt.Sprintf("\n\nArchive reference %d-%d.\n", c, i)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d-%s", c, filepath.Base(f))), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	return n
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	good := writeFile(t, dir, "good.txt", []byte(article))
	binary := writeFile(t, dir, "blob.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 0, 1})
	dup := writeFile(t, dir, "dup.txt", []byte(article))
	missing := filepath.Join(dir, "missing.txt")
	empty := writeFile(t, dir, "empty.txt", nil)

	code, stdout, stderr := runCLI(t, "", "ingest", "--db", db, "--json", missing, good, binary, dup, empty, "http://127.0.0.1:1/nothing.html")
	if code != exitSomeInput {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitSomeInput, stderr)
	}
	want := []struct{ input, status, errHas string }{
		{missing, "failed", "no such file"},
		{good, "new", ""},
		{binary, "failed", "binary"},
		{dup, "exists", ""},
		{empty, "failed", "empty"},
		{"http://127.0.0.1:1/nothing.html", "failed", "fetch failed"},
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d JSON lines for %d inputs:\n%s", len(lines), len(want), stdout)
	}
	for i, w := range want {
		var got ingestLine
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatal(err)
		}
		if got.Input != w.input || got.Status != w.status || !strings.Contains(got.Error, w.errHas) {
			t.Errorf("line %d = %+v, want %s %s (%q)", i, got, w.input, w.status, w.errHas)
		}
	}
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(l, "dossier: ") {
			t.Errorf("stderr line not one-line and prefixed: %q", l)
		}
	}
	if !strings.Contains(stderr, "1 new, 0 near-duplicate, 1 already stored, 0 skipped, 4 failed") {
		t.Errorf("summary missing from stderr:\n%s", stderr)
	}

	// The other commands read what was stored.
	code, stdout, _ = runCLI(t, "", "search", "--db", db, "--json", "stadium")
	if code != 0 || !strings.Contains(stdout, "[stadium]") {
		t.Errorf("search: exit %d, %s", code, stdout)
	}
	code, stdout, _ = runCLI(t, "", "stats", "--db", db, "--json")
	if code != 0 || !strings.Contains(stdout, `"documents": 1`) {
		t.Errorf("stats: exit %d, %s", code, stdout)
	}
	code, stdout, _ = runCLI(t, "", "entity", "--db", db, "Lyon")
	if code != 0 || !strings.Contains(stdout, "LOC") {
		t.Errorf("entity Lyon: exit %d, %s", code, stdout)
	}
	if code, _, stderr = runCLI(t, "", "entity", "--db", db, "Nobody Atall"); code != exitSomeInput || !strings.Contains(stderr, "no entity matches") {
		t.Errorf("entity missing: exit %d, %s", code, stderr)
	}
	code, stdout, _ = runCLI(t, "", "docs", "--db", db)
	if code != 0 || !strings.Contains(stdout, "Police hold three men") {
		t.Errorf("docs: exit %d, %s", code, stdout)
	}
	code, _, stderr = runCLI(t, "", "reindex", "--db", db)
	if code != 0 || !strings.Contains(stderr, "reindexed 1 documents") {
		t.Errorf("reindex: exit %d, %s", code, stderr)
	}
	for _, args := range [][]string{
		{"search", "--db", db, "x", "--since", "yesterday"},
		{"search", "--db", db, "x", "--type", "PER"},
		{"stats", "--db", filepath.Join(dir, "none.db")},
	} {
		if code, _, stderr := runCLI(t, "", args...); code != exitUsage || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func TestWatchOnce(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	a := writeFile(t, dir, "a.txt", []byte(article))
	list := writeFile(t, dir, "watch.txt", []byte("# sources\n"+a+"\n\n"))
	if code, _, stderr := runCLI(t, "", "watch", "--db", db, "--once", list); code != 0 {
		t.Fatalf("first round: exit %d\n%s", code, stderr)
	}
	code, _, stderr := runCLI(t, "", "watch", "--db", db, "--once", list)
	if code != 0 || !strings.Contains(stderr, "0 new") || !strings.Contains(stderr, "1 skipped") {
		t.Fatalf("second round: exit %d\n%s", code, stderr)
	}
}

// TestKillAndResume SIGKILLs an ingest repeatedly, then lets one finish, and
// checks that the database is consistent and holds every document once.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	n := syntheticCorpus(t, corpus, 24)
	db := filepath.Join(dir, "kill.db")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	start := func() *exec.Cmd {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), "DOSSIER_TEST_CLI=1", "DOSSIER_TEST_ARGS="+strings.Join([]string{"ingest", "--quiet", "--db", db, "-j", "2", corpus}, "\x1f"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	prev, kills := 0, 0
	for round := range 5 {
		cmd := start()
		// Kill once this run has stored something, at a varying moment
		// inside the stream of commits.
		deadline := time.Now().Add(20 * time.Second)
		for countDocs(t, db) <= prev && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(time.Duration(round*7%25) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		stored := countDocs(t, db)
		prev = stored
		if stored >= n {
			// A fast machine may finish before the kill lands: enough if
			// earlier rounds were killed mid-ingest.
			t.Logf("round %d finished before the kill", round)
			break
		}
		kills++
		t.Logf("round %d: killed with %d/%d documents stored", round, stored, n)
	}
	if kills < 2 {
		t.Fatalf("only %d ingests were killed mid-way: use a bigger corpus", kills)
	}
	cmd := start()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("final ingest: %v", err)
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var check string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	if _, err := conn.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil && !strings.Contains(err.Error(), "readonly") {
		t.Fatalf("FTS integrity: %v", err)
	}
	for _, c := range []struct {
		what string
		q    string
		want int
	}{
		{"documents", `SELECT count(*) FROM documents`, n},
		{"distinct names", `SELECT count(DISTINCT name) FROM documents`, n},
		{"documents without contents", `SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM contents c WHERE c.doc_id = d.id)`, 0},
		{"documents without layers", `SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM layers l WHERE l.doc_id = d.id)`, 0},
		{"documents without entities", `SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM doc_entities e WHERE e.doc_id = d.id)`, 0},
		{"indexed documents", `SELECT count(*) FROM search_docsize`, n},
		{"dangling entity refs", `SELECT count(*) FROM doc_entities de WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = de.entity_id)`, 0},
	} {
		var got int
		if err := conn.QueryRow(c.q).Scan(&got); err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if got != c.want {
			t.Errorf("%s = %d, want %d", c.what, got, c.want)
		}
	}
}

func countDocs(t *testing.T, db string) int {
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	conn.QueryRow(`SELECT count(*) FROM documents`).Scan(&n)
	return n
}

// TestPanicSentenceBatch: the sentence that once crashed the whole run
// (two mentions overlapping in mentions/coref.go) is extracted and stored
// with the rest of its batch.
func TestPanicSentenceBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, in, "a-good.txt", []byte(article))
	writeFile(t, in, "b-assembly.txt", []byte("Diplomats met a U.N. General Assembly president in Geneva on Monday to discuss the sanctions.\n"))
	code, stdout, stderr := runCLI(t, "", "extract", "--json", in)
	if code != 0 || len(nonEmptyLines(stdout)) != 2 {
		t.Fatalf("extract: exit %d, %d lines; stderr:\n%s", code, len(nonEmptyLines(stdout)), stderr)
	}
	if !strings.Contains(stdout, `"U.N. General Assembly"`) {
		t.Errorf("extract: the Assembly is not a mention:\n%s", stdout)
	}
	db := filepath.Join(dir, "t.db")
	code, _, stderr = runCLI(t, "", "ingest", "--db", db, in)
	if code != 0 || !strings.Contains(stderr, "2 new") {
		t.Fatalf("ingest: exit %d; stderr:\n%s", code, stderr)
	}
	if n := countDocs(t, db); n != 2 {
		t.Errorf("store holds %d documents, want 2", n)
	}
}
