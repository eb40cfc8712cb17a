package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dossierCLI runs one command line in-process.
func dossierCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func demoFiles(t *testing.T, names ...string) []string {
	var out []string
	for _, n := range names {
		p := filepath.Join("..", "..", "demo", "corpus", n)
		if _, err := os.Stat(p); err != nil {
			t.Skipf("demo corpus: %v", err)
		}
		out = append(out, p)
	}
	return out
}

func TestExportSTIXFromFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "bundle.json")
	files := demoFiles(t, "01-en-kabul-airport-iskp.txt", "24-fr-etat-islamique-khorasan-europe.txt")
	code, _, stderr := dossierCLI(t, append([]string{"export", "--format", "stix", "--out", out}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "exported 2 documents") {
		t.Errorf("summary: %q", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		Type    string           `json:"type"`
		Objects []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	names := map[string]bool{}
	for _, o := range b.Objects {
		types[o["type"].(string)]++
		if n, ok := o["name"].(string); ok {
			names[n] = true
		}
	}
	if b.Type != "bundle" || types["report"] != 2 || types["intrusion-set"] == 0 || types["location"] == 0 {
		t.Errorf("bundle: %v", types)
	}
	// The same group in both languages is one intrusion-set.
	if !names["Islamic State Khorasan Province"] {
		t.Errorf("ISKP missing: %v", names)
	}
}

func TestExportFormatsAndFilters(t *testing.T) {
	files := demoFiles(t, "01-en-kabul-airport-iskp.txt", "13-en-aqap-batarfi-succession.txt", "31-fr-talibans-al-qaida-onu.html")
	dir := t.TempDir()

	code, stdout, stderr := dossierCLI(t, append([]string{"export", "-f", "graphml", "--entity", "ISKP", "--depth", "1"}, files...)...)
	if code != 0 {
		t.Fatalf("graphml: exit %d: %s", code, stderr)
	}
	var g struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>node"`
	}
	if err := xml.Unmarshal([]byte(stdout), &g); err != nil || len(g.Nodes) == 0 {
		t.Fatalf("graphml: %v, %d nodes", err, len(g.Nodes))
	}
	found := false
	for _, n := range g.Nodes {
		found = found || n.ID == "e:iskp"
	}
	if !found {
		t.Errorf("the --entity is not among the nodes: %v", g.Nodes)
	}

	code, _, stderr = dossierCLI(t, append([]string{"export", "-f", "csv", "-o", filepath.Join(dir, "tables"), "--lang", "fr"}, files...)...)
	if code != 0 {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	docs, err := os.ReadFile(filepath.Join(dir, "tables", "documents.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if rows := strings.Count(string(docs), "\n"); rows != 2 { // header + the French document
		t.Errorf("--lang fr: documents.csv has %d lines:\n%s", rows, docs)
	}

	for _, bad := range [][]string{
		{"export", "-f", "csv"},                        // csv needs a directory
		{"export", "-f", "pdf"},                        // unknown format
		{"export", "-f", "stix", "--since", "May"},     // bad date
		{"export", "-f", "stix", "--modality", "sure"}, // unknown modality
		{"export", "-f", "stix", "--entity", "Nobody Q. Unknown", files[0]},
	} {
		if code, _, stderr := dossierCLI(t, bad...); code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", bad, code, stderr)
		}
	}
}

func TestExportFromStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "case.db")
	files := demoFiles(t, "01-en-kabul-airport-iskp.txt", "24-fr-etat-islamique-khorasan-europe.txt")
	if code, _, stderr := dossierCLI(t, append([]string{"ingest", "--db", db, "-q"}, files...)...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := dossierCLI(t, "export", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export --db: exit %d: %s", code, stderr)
	}
	docs, entities := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var rec struct {
			Record string `json:"record"`
			ID     string `json:"id"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		switch rec.Record {
		case "document":
			docs++
		case "entity":
			entities++
		}
	}
	if docs != 2 || entities < 10 {
		t.Errorf("%d documents, %d entities", docs, entities)
	}
	// The store and the files give the same STIX ids for the same articles.
	_, fromDB, _ := dossierCLI(t, "export", "--db", db, "--format", "stix")
	_, fromFiles, _ := dossierCLI(t, append([]string{"export", "--format", "stix"}, files...)...)
	if reportIDs(t, fromDB) != reportIDs(t, fromFiles) || reportIDs(t, fromDB) == "" {
		t.Errorf("report ids differ between store and files:\n%s\n%s", reportIDs(t, fromDB), reportIDs(t, fromFiles))
	}
}

func reportIDs(t *testing.T, bundle string) string {
	var b struct {
		Objects []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal([]byte(bundle), &b); err != nil {
		t.Fatalf("%v: %.200s", err, bundle)
	}
	var ids []string
	for _, o := range b.Objects {
		if o["type"] == "report" {
			ids = append(ids, o["id"].(string))
		}
	}
	return strings.Join(ids, " ")
}

// TestExportEntityByKnowledgeBaseForm: --entity finds the exported entity by
// a name the knowledge base gives it that no exported document writes
// ("ISIL-KP", "Daesh-Khorasan" and the French "État islamique au Khorasan" for ISKP).
func TestExportEntityByKnowledgeBaseForm(t *testing.T) {
	files := demoFiles(t, "01-en-kabul-airport-iskp.txt")
	for _, ref := range []string{"ISIL-KP", "État islamique au Khorasan", "Daesh-Khorasan"} {
		code, stdout, stderr := dossierCLI(t, append([]string{"export", "-f", "graphml", "--entity", ref, "--depth", "1"}, files...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", ref, code, stderr)
		}
		if !strings.Contains(stdout, `id="e:iskp"`) {
			t.Errorf("%s: ISKP not among the nodes", ref)
		}
	}
}
