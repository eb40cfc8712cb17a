package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/testpdf"
)

// mountTmpfs mounts a tmpfs of size at dir, or skips the test where this
// machine does not allow it (not root, no mount namespace rights).
func mountTmpfs(t *testing.T, dir, opts string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
}

func manyArticles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		body := strings.Repeat(fmt.Sprintf("Report %d: guards at the Vessa grain terminal stopped a drone attack on Monday, the port authority said. ", i), 12)
		writeFile(t, dir, fmt.Sprintf("%04d.txt", i), []byte(body+"\n"))
	}
}

// TestIngestDiskFull: on a full disk, ingest reports as new only what a
// commit stored; the rest are failures, and the exit code says so.
func TestIngestDiskFull(t *testing.T) {
	mnt := t.TempDir()
	mountTmpfs(t, mnt, "size=1m")
	in := t.TempDir()
	manyArticles(t, in, 200)
	db := filepath.Join(mnt, "t.db")
	code, stdout, stderr := runCLI(t, "", "ingest", "--db", db, "--json", in)
	if code == 0 {
		t.Fatalf("exit 0 on a full disk; stderr:\n%s", stderr)
	}
	newLines := 0
	for _, l := range nonEmptyLines(stdout) {
		var got ingestLine
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatal(err)
		}
		if got.Status == "new" {
			newLines++
		}
	}
	stored := countDocs(t, db)
	if newLines != stored {
		t.Errorf("%d documents reported new, the database holds %d", newLines, stored)
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d new,", stored)) {
		t.Errorf("summary does not say %d new:\n%s", stored, stderr)
	}
}

// TestReadOnlyShare: a database on a read-only mount is searched and
// counted, with a note; ingest into it fails with a clear message.
func TestReadOnlyShare(t *testing.T) {
	src := t.TempDir()
	db := filepath.Join(src, "t.db")
	writeFile(t, src, "a.txt", []byte(article))
	if code, _, stderr := runCLI(t, "", "ingest", "--db", db, filepath.Join(src, "a.txt")); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	mnt := t.TempDir()
	mountTmpfs(t, mnt, "size=8m")
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, mnt, "t.db", data)
	if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	ro := filepath.Join(mnt, "t.db")
	code, stdout, stderr := runCLI(t, "", "search", "--db", ro, "stadium")
	if code != 0 || !strings.Contains(stdout, "stadium") || !strings.Contains(stderr, "read-only") {
		t.Errorf("search on a read-only share: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr = runCLI(t, "", "stats", "--db", ro); code != 0 {
		t.Errorf("stats on a read-only share: exit %d %s", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "ingest", "--db", ro, filepath.Join(src, "a.txt"))
	if code == 0 || !strings.Contains(stderr, "read-only") {
		t.Errorf("ingest into a read-only share: exit %d %s", code, stderr)
	}
}

// TestSearchDamagedDatabase: search reports a damaged file instead of
// answering from it.
func TestSearchDamagedDatabase(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	manyArticles(t, in, 40)
	db := filepath.Join(dir, "t.db")
	if code, _, stderr := runCLI(t, "", "ingest", "--db", db, in); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := f.Stat()
	junk := []byte(strings.Repeat("\xff", 200))
	for off := int64(4096 * 2); off < info.Size(); off += 4096 * 3 {
		f.WriteAt(junk, off)
	}
	f.Close()
	code, _, stderr := runCLI(t, "", "search", "--db", db, "drone")
	if code == 0 || !(strings.Contains(stderr, "damaged") || strings.Contains(stderr, "malformed")) {
		t.Errorf("search on a damaged database: exit %d, stderr %q", code, stderr)
	}
	for _, args := range [][]string{{"stats", "--db", db}, {"stats", "--db", db, "--check"}} {
		code, _, stderr = runCLI(t, "", args...)
		if code == 0 || !(strings.Contains(stderr, "damaged") || strings.Contains(stderr, "malformed")) {
			t.Errorf("%v on a damaged database: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestExtractPDF: extract reads a PDF as ingest does (with pdftotext).
func TestExtractPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian: poppler-utils)")
	}
	dir := t.TempDir()
	p := writeFile(t, dir, "report.pdf", testpdf.Minimal("Guards at the Vessa port stopped a drone attack on Monday."))
	bad := writeFile(t, dir, "broken.pdf", []byte("%PDF-1.4\ntruncated"))
	code, stdout, stderr := runCLI(t, "", "extract", "--json", p, bad)
	if code != exitSomeInput || len(nonEmptyLines(stdout)) != 1 || !strings.Contains(stdout, "Vessa") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "broken.pdf") || strings.Contains(stderr, "not supported") {
		t.Errorf("stderr %q", stderr)
	}
}
