package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// watchArticle names a group that exists only in the test watchlists.
const watchArticle = `Harbour cell suspected in port sabotage

Investigators in Marseille believe the Southern Harbour Front planned the sabotage of two cranes last week, the prosecutor said on Monday.
The Southern Harbour Front, also known as SHF-7, first appeared in leaflets two years ago.
`

func extractEntities(t *testing.T, args ...string) map[string]string {
	t.Helper()
	code, stdout, stderr := dossierCLI(t, append([]string{"extract", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	var doc struct {
		Entities []struct {
			ID, Name string
		} `json:"entities"`
	}
	if err := json.Unmarshal([]byte(strings.Split(stdout, "\n")[0]), &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range doc.Entities {
		out[e.Name] = e.ID
	}
	return out
}

// TestExtractWithWatchlist: a name only in the watchlist is recognised and
// linked once the watchlist is given with --kb.
func TestExtractWithWatchlist(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte(watchArticle), 0o644)
	if got := extractEntities(t, article); got["Southern Harbour Front"] == "e:southern-harbour-front-kb" {
		t.Fatal("the watchlist group is already known")
	}
	yaml := filepath.Join(dir, "watchlist.yaml")
	os.WriteFile(yaml, []byte("- id: southern-harbour-front-kb\n  type: ORG\n  kind: armed_group\n  name: Southern Harbour Front\n  aliases: [SHF-7]\n"), 0o644)
	if got := extractEntities(t, "--kb", yaml, article); got["Southern Harbour Front"] != "e:southern-harbour-front-kb" {
		t.Errorf("with --kb watchlist.yaml: %v", got)
	}

	// A watchlist CSV and a STIX bundle through --kb need kb.AddFile to
	// dispatch watchlists to the importer.
	csv := filepath.Join(dir, "watchlist.csv")
	os.WriteFile(csv, []byte("name,type,aliases,notes\nSouthern Harbour Front,group,SHF-7,test entry\n"), 0o644)
	code, stdout, stderr := dossierCLI(t, "extract", "--json", "--kb", csv, article)
	if code != 0 && strings.Contains(stderr, "unknown column") {
		t.Skip("kb.AddFile does not dispatch watchlist CSV / STIX yet (see kb/import.go)")
	}
	if code != 0 || !strings.Contains(stdout, `"e:southern-harbour-front"`) {
		t.Errorf("with --kb watchlist.csv: exit %d %s\n%.300s", code, stderr, stdout)
	}
	bundle := filepath.Join(dir, "watchlist.json")
	os.WriteFile(bundle, []byte(`{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
 {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Southern Harbour Front","aliases":["SHF-7"]}]}`), 0o644)
	if got := extractEntities(t, "--kb", bundle, article); got["Southern Harbour Front"] != "e:southern-harbour-front" {
		t.Errorf("with --kb watchlist.json: %v", got)
	}
}

func TestKBImport(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "config", "watchlist.csv")
	t.Setenv("DOSSIER_KB", user)

	code, stdout, _ := dossierCLI(t, "kb", "path")
	if code != 0 || strings.TrimSpace(stdout) != user {
		t.Errorf("kb path: %q", stdout)
	}

	bundle := filepath.Join(dir, "bundle.json")
	os.WriteFile(bundle, []byte(`{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
 {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Southern Harbour Front","aliases":["SHF-7"]},
 {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--5e78f46f-a023-4e5f-bc24-71b3ca22ec29","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Islamic State","aliases":["Daesh Testalias"]},
 {"type":"relationship","spec_version":"2.1","id":"relationship--6e78f46f-a023-4e5f-bc24-71b3ca22ec29","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","relationship_type":"related-to","source_ref":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29","target_ref":"intrusion-set--5e78f46f-a023-4e5f-bc24-71b3ca22ec29"}]}`), 0o644)

	// --dry-run writes nothing.
	code, stdout, stderr := dossierCLI(t, "kb", "import", "--dry-run", bundle)
	if code != 0 || !strings.Contains(stdout, "1 new entries, 1 new aliases for 1 known entries") {
		t.Fatalf("dry run: exit %d %q %s", code, stdout, stderr)
	}
	if _, err := os.Stat(user); err == nil {
		t.Fatal("--dry-run wrote the user file")
	}
	if code, stdout, stderr = dossierCLI(t, "kb", "import", bundle); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(user)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Southern Harbour Front", "SHF-7", "Daesh Testalias", "islamic-state"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("user file lacks %q:\n%s", want, data)
		}
	}
	// Importing again changes nothing.
	if code, stdout, _ = dossierCLI(t, "kb", "import", bundle); code != 0 || !strings.Contains(stdout, "0 new entries, 0 new aliases") {
		t.Errorf("second import: %q", stdout)
	}

	// A bad file: an error naming the line, and the user file untouched.
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("name,type,colour\nX,group,red\n"), 0o644)
	code, _, stderr = dossierCLI(t, "kb", "import", bad)
	if code != exitUsage || !strings.Contains(stderr, `bad.csv:1: unknown column "colour"`) {
		t.Errorf("bad csv: exit %d %q", code, stderr)
	}
	badSTIX := filepath.Join(dir, "bad.json")
	os.WriteFile(badSTIX, []byte(`{"type":"bundle","objects":[{"type":"intrusion-set","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29","name":"New One"},{"type":"weapon","id":"weapon--4e78f46f-a023-4e5f-bc24-71b3ca22ec29"}]}`), 0o644)
	code, _, stderr = dossierCLI(t, "kb", "import", badSTIX)
	if code != exitUsage || !strings.Contains(stderr, `weapon--4e78f46f-a023-4e5f-bc24-71b3ca22ec29): unknown STIX type "weapon"`) {
		t.Errorf("bad stix: exit %d %q", code, stderr)
	}
	after, _ := os.ReadFile(user)
	if string(after) != string(data) {
		t.Error("a failed import changed the user file")
	}
}

func TestWatchlistCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "case.db")
	files := demoFiles(t, "01-en-kabul-airport-iskp.txt", "13-en-aqap-batarfi-succession.txt")
	if code, _, stderr := dossierCLI(t, append([]string{"ingest", "--db", db, "-q"}, files...)...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	watch := filepath.Join(dir, "watch.csv")
	os.WriteFile(watch, []byte("name,type,aliases\nISIS-K,group,\nNobody Unknown,person,\n"), 0o644)
	code, stdout, stderr := dossierCLI(t, "watchlist", "--db", db, "--json", watch)
	if code != 0 {
		t.Fatalf("watchlist: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `"entity":"e:iskp"`) || !strings.Contains(stdout, "01-en-kabul-airport-iskp.txt") {
		t.Errorf("watchlist output:\n%s", stdout)
	}
	// After the publication dates of the demo articles: nothing new.
	code, stdout, _ = dossierCLI(t, "watchlist", "--db", db, "--since", "2099-01-01", watch)
	if code != 0 || strings.TrimSpace(stdout) != "" {
		t.Errorf("--since 2099: exit %d %q", code, stdout)
	}
}

// TestWatchlistSinceUndated: an undated document is new when it was
// ingested on or after --since, and says so; when nothing matches, stderr
// says why instead of printing nothing.
func TestWatchlistSinceUndated(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "case.db")
	doc := filepath.Join(dir, "note.txt")
	os.WriteFile(doc, []byte("The Harbour Cell, led by Omar Testfigure, was seen near Mosul, officials said.\n"), 0o644)
	watch := filepath.Join(dir, "watch.csv")
	os.WriteFile(watch, []byte("name,type,aliases\nHarbour Cell,group,\n"), 0o644)
	if code, _, stderr := dossierCLI(t, "ingest", "--db", db, "-q", "--kb", watch, doc); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := dossierCLI(t, "watchlist", "--db", db, "--since", "2024-06-01", watch)
	if code != 0 || !strings.Contains(stdout, "undated (ingested ") || !strings.Contains(stdout, "note.txt") {
		t.Errorf("--since 2024-06-01: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = dossierCLI(t, "watchlist", "--db", db, "--since", "2099-01-01", watch)
	if code != 0 || strings.TrimSpace(stdout) != "" || !strings.Contains(stderr, "none of the 1 watched entities") {
		t.Errorf("--since 2099: exit %d %q %q", code, stdout, stderr)
	}
}
