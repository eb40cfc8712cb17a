package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSubdivisionsUpToDate regenerates kb/data/subdivisions.tsv.gz from
// gountries in the module cache (skipped when it is not there) and checks
// that the committed file is the same, byte for byte.
func TestSubdivisionsUpToDate(t *testing.T) {
	dir := os.Getenv("GOUNTRIES_SUBDIVISIONS")
	if dir == "" {
		out, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			t.Skipf("go env GOMODCACHE: %v", err)
		}
		dir = filepath.Join(strings.TrimSpace(string(out)), "github.com/pariz/gountries@v0.1.6/data/yaml/subdivisions")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("source not present (%v): go mod download github.com/pariz/gountries@v0.1.6, or set GOUNTRIES_SUBDIVISIONS", err)
	}
	out := filepath.Join(t.TempDir(), "subdivisions.tsv.gz")
	if err := writeSubdivisions(out, dir, "../../lexicon/data"); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../kb/data/subdivisions.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("kb/data/subdivisions.tsv.gz is out of date: run go run ./tools/gazetteer subdivisions -dir " + dir)
	}
}
