package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/contract"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const article = `Police hold three men over plot against Lyon stadium

Published 3 March 2023

Police arrested three men on Tuesday in Lyon over a plan to attack a football stadium, the prosecutor's office said. Investigators seized 12,000 euros in cash and two rifles at one of the flats, according to the statement.

The men, aged 19 to 24, are accused of planning the attack for the spring. At least 40 officers took part in the raids.
`

func TestExtractJSONAndBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "a-good.txt", []byte(article))
	writeFile(t, dir, "b-empty.txt", nil)
	writeFile(t, dir, "c-binary.txt", []byte("\x00\x01\x02\x03binary\x00\x00\xff\xfe"))

	code, stdout, stderr := runCLI(t, "", "extract", "--json", dir)
	if code != exitSomeInput {
		t.Fatalf("exit code %d, want %d (stderr: %s)", code, exitSomeInput, stderr)
	}
	for _, name := range []string{"b-empty.txt", "c-binary.txt"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
	lines := nonEmptyLines(stdout)
	if len(lines) != 1 {
		t.Fatalf("want 1 JSON line (the good file), got %d:\n%s", len(lines), stdout)
	}
	var d contract.Doc
	if err := json.Unmarshal([]byte(lines[0]), &d); err != nil {
		t.Fatal(err)
	}
	if d.Doc != good {
		t.Errorf("doc = %q, want %q", d.Doc, good)
	}
	if d.Lang != "en" {
		t.Errorf("lang = %q, want en", d.Lang)
	}
	if d.Published == nil || *d.Published != "2023-03-03" {
		t.Errorf("published = %v, want 2023-03-03", d.Published)
	}
	for _, f := range d.Figures {
		if article[f.Start:f.End] != f.Text {
			t.Errorf("figure text %q != input[%d:%d]", f.Text, f.Start, f.End)
		}
	}
}

func TestExtractStdinAndTable(t *testing.T) {
	code, stdout, stderr := runCLI(t, article, "extract", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "DOCUMENT") || !strings.Contains(stdout, "2023-03-03") {
		t.Errorf("summary table missing header or date:\n%s", stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"extract"},
		{"extract", "--max-size", "lots", "x.txt"},
		{"extract", "--langs", "xx", "x.txt"},
		{"no-such-command"},
	} {
		code, _, stderr := runCLI(t, "", args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
		if !strings.Contains(stderr, "dossier:") {
			t.Errorf("%v: stderr has no message: %q", args, stderr)
		}
	}
}

func TestMissingFile(t *testing.T) {
	code, _, stderr := runCLI(t, "", "extract", "--json", filepath.Join(t.TempDir(), "nope.txt"))
	if code != exitSomeInput || !strings.Contains(stderr, "nope.txt") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"16MiB": 16 << 20, "500KB": 500000, "1024": 1024, "2 GiB": 2 << 30, "10k": 10 << 10} {
		got, err := parseSize(in)
		if err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "MiB", "ten", "0"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			out = append(out, sc.Text())
		}
	}
	return out
}

// TestContractOffsetsOnDemo: for every UTF-8 text file of the demo corpus,
// every text field of the JSON contract equals the input file's bytes at its
// offsets.
func TestContractOffsetsOnDemo(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "extract", "--json", "../../demo/corpus")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	docs := 0
	for _, line := range nonEmptyLines(stdout) {
		var d contract.Doc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		if d.Format != "txt" || d.Encoding != "utf-8" {
			continue
		}
		raw, err := os.ReadFile(d.Doc)
		if err != nil {
			t.Fatal(err)
		}
		docs++
		check := func(what, text string, start, end int) {
			if start < 0 || end > len(raw) || start > end || string(raw[start:end]) != text {
				t.Errorf("%s: %s %q does not match input[%d:%d]", d.Doc, what, text, start, end)
			}
		}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				check("mention", m.Text, m.Start, m.End)
			}
		}
		for _, q := range d.Quotes {
			check("quote", q.Text, q.Start, q.End)
		}
		for _, f := range d.Figures {
			check("figure", f.Text, f.Start, f.End)
		}
		for _, x := range d.Timexes {
			check("timex", x.Text, x.Start, x.End)
		}
		for _, b := range d.Boilerplate {
			check("boilerplate", string(raw[max(0, min(b.Start, len(raw))):max(0, min(b.End, len(raw)))]), b.Start, b.End)
		}
		if d.TitleSpan != nil && d.Title != nil {
			if s := d.TitleSpan; s.Start < 0 || s.End > len(raw) || s.Start > s.End || strings.TrimSpace(string(raw[s.Start:s.End])) != *d.Title {
				t.Errorf("%s: title %q not at %v", d.Doc, *d.Title, *s)
			}
		}
	}
	if docs < 20 {
		t.Fatalf("only %d UTF-8 text documents checked", docs)
	}
}

// TestExtractText: --text adds the document text the offsets index, which
// for an HTML page is the rendered text, not the file; without --json it
// is refused with a message.
func TestExtractText(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "p.html")
	os.WriteFile(page, []byte("<html><head><title>Vessa raid</title></head><body><nav>Home | World</nav><article><h1>Vessa raid</h1><p>The Harbour Cell attacked a checkpoint in Vessa on Monday, officials said, and six guards were wounded in the raid.</p></article></body></html>"), 0o644)
	code, stdout, stderr := dossierCLI(t, "extract", "--json", "--text", page)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var d struct {
		Text     string `json:"text"`
		Entities []struct {
			Mentions []struct {
				Start, End int
				Text       string
			} `json:"mentions"`
		} `json:"entities"`
	}
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "The Harbour Cell attacked") || strings.Contains(d.Text, "<p>") {
		t.Fatalf("text %q", d.Text)
	}
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if d.Text[m.Start:m.End] != m.Text {
				t.Errorf("mention %q at %d:%d reads %q in the text", m.Text, m.Start, m.End, d.Text[m.Start:m.End])
			}
		}
	}
	if code, _, stderr := dossierCLI(t, "extract", "--text", page); code == 0 || !strings.Contains(stderr, "--json") {
		t.Errorf("--text without --json: exit %d %q", code, stderr)
	}
}
