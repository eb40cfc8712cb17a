package kb

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

const stixBundle = `{
  "type": "bundle",
  "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
  "objects": [
    {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "name": "Harbour Cell", "aliases": ["Cellule du Port", "HC-9"], "description": "invented for a test"},
    {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--9a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "name": "Omar Testfigure", "resource_level": "individual", "threat_actor_types": ["terrorist"], "aliases": ["Abu Testa", "Testfigure"]},
    {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--1a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "name": "Northern Brigade"},
    {"type": "identity", "spec_version": "2.1", "id": "identity--2b8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "name": "Claire Témoin", "identity_class": "individual", "x_opencti_aliases": ["C. Témoin"]},
    {"type": "identity", "spec_version": "2.1", "id": "identity--3c8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "name": "Coastal Defence Force", "identity_class": "organization", "sectors": ["defense"]},
    {"type": "location", "spec_version": "2.1", "id": "location--4d8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "name": "Port Imaginaire", "city": "Port Imaginaire", "country": "fr", "latitude": 43.1, "longitude": 5.9},
    {"type": "relationship", "spec_version": "2.1", "id": "relationship--5e8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "relationship_type": "related-to",
     "source_ref": "threat-actor--9a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f", "target_ref": "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29"},
    {"type": "x-custom-thing", "id": "x-custom-thing--6f8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f"},
    {"type": "identity", "spec_version": "2.1", "id": "identity--7a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "name": "Old Name", "identity_class": "individual", "revoked": true}
  ]
}`

func TestParseSTIX(t *testing.T) {
	entries, err := ParseWatchlist("partners.json", []byte(stixBundle))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id      string
		typ     Type
		kind    Kind
		aliases []string
	}{
		{"harbour-cell", ORG, KindArmedGroup, []string{"Cellule du Port", "HC-9"}},
		{"omar-testfigure", PER, KindPerson, []string{"Abu Testa"}},
		{"northern-brigade", ORG, KindArmedGroup, nil},
		{"claire-temoin", PER, KindPerson, []string{"C. Témoin"}},
		{"coastal-defence-force", ORG, KindMilitary, nil},
		{"port-imaginaire", LOC, KindCity, nil},
	}
	if len(entries) != len(want) {
		t.Fatalf("%d entries, want %d: %v", len(entries), len(want), entries)
	}
	for i, w := range want {
		e := entries[i]
		if e.ID != w.id || e.Type != w.typ || e.Kind != w.kind || !slices.Equal(e.Aliases, w.aliases) {
			t.Errorf("entry %d: %s %s %s %q, want %s %s %s %q", i, e.ID, e.Type, e.Kind, e.Aliases, w.id, w.typ, w.kind, w.aliases)
		}
	}
	if p := entries[5]; p.Country != "FR" || !p.HasCoords || p.Lat != 43.1 {
		t.Errorf("location: %+v", p)
	}
	if !strings.Contains(entries[0].Source, "intrusion-set--4e78f46f") {
		t.Errorf("source %q should name the object", entries[0].Source)
	}
}

func TestParseWatchlistCSV(t *testing.T) {
	data := "Name,Type,Aliases,Notes\n" +
		"# comment line\n" +
		"Harbour Cell,group,Cellule du Port|HC-9,invented\n" +
		"Omar Testfigure,person,Abu Testa; O. Testfigure; Testfigure,\n" +
		"\"Front de Libération Imaginaire, branche sud\",terrorist,FLI-S,\n" +
		"Port Imaginaire,city,,\n" +
		"Ministry of Examples,government,,\n"
	entries, err := ParseWatchlist("watch.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id      string
		kind    Kind
		aliases []string
	}{
		{"harbour-cell", KindArmedGroup, []string{"Cellule du Port", "HC-9"}},
		{"omar-testfigure", KindPerson, []string{"Abu Testa", "O. Testfigure"}},
		{"front-de-liberation-imaginaire-branche-sud", KindTerroristOrg, []string{"FLI-S"}},
		{"port-imaginaire", KindCity, nil},
		{"ministry-of-examples", KindGovernment, nil},
	}
	if len(entries) != len(want) {
		t.Fatalf("%d entries, want %d", len(entries), len(want))
	}
	for i, w := range want {
		e := entries[i]
		if e.ID != w.id || e.Kind != w.kind || !slices.Equal(e.Aliases, w.aliases) {
			t.Errorf("row %d: %s %s %q, want %s %s %q", i, e.ID, e.Kind, e.Aliases, w.id, w.kind, w.aliases)
		}
	}
	// A surname alone is weak: it links only where the full name is also given.
	if w := entries[1].WeakAliases; !slices.Equal(w, []string{"Testfigure"}) {
		t.Errorf("weak aliases %q", w)
	}
	k := Empty()
	if _, err := k.MergeWatchlist(entries); err != nil {
		t.Fatal(err)
	}
	if len(k.Find("Testfigure")) != 0 || len(k.Find("Abu Testa")) != 1 {
		t.Error("a weak alias is matched on its own, or a strong one is not")
	}
	if entries[0].Note != "invented" || entries[0].Source != "watch.csv:3" {
		t.Errorf("note %q source %q", entries[0].Note, entries[0].Source)
	}
}

func TestDetectWatchlist(t *testing.T) {
	tests := []struct {
		name, data string
		want       WatchlistFormat
	}{
		{"b.json", "{}", WatchlistSTIX},
		{"b.txt", " {\"type\":\"bundle\"}", WatchlistSTIX},
		{"w.csv", "name,type,aliases,notes\n", WatchlistCSV},
		{"w.csv", "name,type\n", WatchlistCSV},
		{"k.csv", "id,type,kind,name,aliases\n", WatchlistKB},
		{"k.csv", "id,type,kind,name,notes\n", WatchlistCSV},
		{"k.yaml", "- id: x\n", WatchlistKB},
		{"k.tsv", "id\ttype\tkind\tname\n", WatchlistKB},
	}
	for _, tt := range tests {
		if got := DetectWatchlist(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("%s %q: %s, want %s", tt.name, tt.data, got, tt.want)
		}
	}
}

// TestImportErrors: bad files fail with the line or object id, and nothing
// of them reaches the knowledge base.
func TestImportErrors(t *testing.T) {
	obj := func(typ, id, extra string) string {
		return `{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[` +
			`{"type":"intrusion-set","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29","name":"Valid First"},` +
			`{"type":"` + typ + `","id":"` + id + `"` + extra + `}]}`
	}
	tests := []struct {
		name, file, data, want string
	}{
		{"json syntax", "b.json", "{\"type\": \"bundle\",\n \"objects\": [\n {\"type\": }]}", "line 3"},
		{"not a bundle", "b.json", `{"type":"report","id":"report--5d0092c5-5f74-4287-9642-33f4c354e56d"}`, `type "report"`},
		{"unknown type", "b.json", obj("weapon", "weapon--1a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f", `,"name":"X"`), `object 1 (weapon--1a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f): unknown STIX type "weapon"`},
		{"bad id", "b.json", obj("identity", "identity--nope", `,"name":"X"`), `bad id "identity--nope"`},
		{"id of another type", "b.json", obj("identity", "location--1a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f", `,"name":"X"`), "bad id"},
		{"no name", "b.json", obj("intrusion-set", "intrusion-set--1a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f", ``), "(intrusion-set--1a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f): no name"},
		{"bad kind", "b.json", obj("location", "location--1a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f", `,"name":"X","x_dossier_kind":"person"`), "does not fit"},
		{"half coordinates", "b.json", obj("location", "location--1a8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f", `,"name":"X","latitude":3`), "latitude and longitude"},
		{"csv unknown column", "w.csv", "name,type,colour\nX,group,red\n", `w.csv:1: unknown column "colour"`},
		{"csv missing type", "w.csv", "name,aliases\nX,Y\n", `missing column "type"`},
		{"csv bad type", "w.csv", "name,type\nValid,group\nX,spaceship\n", `w.csv:3: unknown type "spaceship"`},
		{"csv field count", "w.csv", "name,type,notes\nValid,group,ok\nX,group\n", "w.csv"},
		{"csv empty name", "w.csv", "name,type\nValid,group\n ,person\n", "w.csv:3: empty name"},
		{"csv punctuation name", "w.csv", "name,type\nValid,group\n---,person\n", "no letters or digits"},
		{"csv bad coordinates", "w.csv", "name,type,lat,lon\nValid,city,1,2\nX,city,north,2\n", "w.csv:3: bad coordinates"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			k := Empty()
			_, err := k.AddWatchlist(path)
			if err == nil {
				t.Fatalf("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if k.Len() != 0 || len(k.Find("Valid First")) != 0 || len(k.Find("Valid")) != 0 {
				t.Errorf("half imported: %d entries", k.Len())
			}
		})
	}
}

// TestMergeWatchlist: entries naming known entities extend them; the others
// are added, with fresh ids when theirs is taken by another type.
func TestMergeWatchlist(t *testing.T) {
	k := Empty()
	if _, err := k.MergeWatchlist([]*Entry{
		{ID: "harbour-cell", Type: ORG, Kind: KindArmedGroup, Name: "Harbour Cell", Aliases: []string{"HC-9"}},
		{ID: "paris", Type: LOC, Kind: KindCity, Name: "Paris"},
	}); err != nil {
		t.Fatal(err)
	}
	csv := "name,type,aliases\n" +
		"Harbour Cell,group,Cellule du Port\n" + // known by name: a new alias
		"HC-9,group,\n" + // known by alias: nothing new
		"Paris,person,\n" + // same id, other type: a new entry
		"Nouveau Groupe,group,NG-1\n" +
		"Nouveau Groupe,group,Groupe Neuf\n" // twice in the file: one entry
	entries, err := ParseWatchlist("w.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := k.MergeWatchlist(entries)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 2 || len(rep.Merged) != 1 || rep.Aliases != 1 || rep.Known != 1 {
		t.Errorf("report: %d added, %d merged, %d aliases, %d known", len(rep.Added), len(rep.Merged), rep.Aliases, rep.Known)
	}
	if m := k.Lookup("Cellule du Port"); len(m) != 1 || m[0].ID != "harbour-cell" {
		t.Errorf("merged alias: %v", m)
	}
	if e := k.Entry("paris-2"); e == nil || e.Type != PER {
		t.Errorf("person Paris: %v", e)
	}
	if m := k.Lookup("Groupe Neuf"); len(m) != 1 || m[0].ID != "nouveau-groupe" || len(m[0].Aliases) != 2 {
		t.Errorf("repeated entry: %v", m)
	}
}

// TestWatchlistDrivesLookup: a name only in a watchlist is found once the
// watchlist is merged into the built-in knowledge base.
func TestWatchlistDrivesLookup(t *testing.T) {
	k, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Lookup("Cellule du Port")) != 0 {
		t.Fatal("the test name exists in the built-in knowledge base")
	}
	dir := t.TempDir()
	for _, f := range []struct{ name, data string }{{"w.json", stixBundle}, {"w.csv", "name,type,aliases\nSouthern Harbour Front,group,SHF-7\n"}} {
		path := filepath.Join(dir, f.name)
		os.WriteFile(path, []byte(f.data), 0o644)
		if err := k.AddFileOrWatchlist(path); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"Cellule du Port", "Abu Testa", "Port Imaginaire", "SHF-7"} {
		if len(k.Lookup(name)) == 0 {
			t.Errorf("%q not found after import", name)
		}
	}
	// Known entities are extended, not duplicated: the bundle's Islamic State
	// alias lands on the built-in entry.
	is := k.Lookup("Islamic State")
	if len(is) == 0 {
		t.Skip("no Islamic State in the built-in knowledge base")
	}
	path := filepath.Join(dir, "is.csv")
	os.WriteFile(path, []byte("name,type,aliases\nIslamic State,group,Daesh Testalias\n"), 0o644)
	rep, err := k.AddWatchlist(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 0 {
		t.Errorf("a known group was added again: %v", rep.Added[0].ID)
	}
	if m := k.Lookup("Daesh Testalias"); len(m) != 1 || m[0].ID != is[0].ID {
		t.Errorf("alias of a known group: %v", m)
	}
}

// TestLoadDispatchesWatchlists checks the --kb path: kb.Load with a STIX
// bundle or a watchlist CSV. It needs AddFile to route watchlists to
// addImported (see the note at the top of import.go).
func TestLoadDispatchesWatchlists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.csv")
	os.WriteFile(path, []byte("name,type,aliases,notes\nSouthern Harbour Front,group,SHF-7,test\n"), 0o644)
	k, err := Load(context.Background(), path)
	if err != nil && strings.Contains(err.Error(), "unknown column") {
		t.Skip("AddFile does not dispatch watchlists to the importer yet")
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Lookup("SHF-7")) == 0 {
		t.Error("watchlist name not found after Load")
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Jama'at Nusrat al-Islam wal-Muslimin": "jamaat-nusrat-al-islam-wal-muslimin",
		"État islamique":                       "etat-islamique",
		"  HC-9 ":                              "hc-9",
		"Ansar--Dine":                          "ansar-dine",
		"Œuvre d’Orient":                       "oeuvre-dorient",
		"Hauptstraße Þór":                      "hauptstrasse-thor",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if s := Slug("داعش"); !validID(s) || !strings.HasPrefix(s, "entity-") {
		t.Errorf("Arabic name: %q", s)
	}
}

func TestWriteWatchlistCSVRoundTrip(t *testing.T) {
	entries, err := ParseWatchlist("partners.json", []byte(stixBundle))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteWatchlistCSV(&buf, entries); err != nil {
		t.Fatal(err)
	}
	back, err := ParseWatchlist("user.csv", buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(back) != len(entries) {
		t.Fatalf("%d entries back, want %d", len(back), len(entries))
	}
	for i := range back {
		a, b := entries[i], back[i]
		if a.ID != b.ID || a.Name != b.Name || a.Kind != b.Kind || !slices.Equal(a.Aliases, b.Aliases) ||
			!slices.Equal(a.WeakAliases, b.WeakAliases) || a.Country != b.Country || a.Lat != b.Lat {
			t.Errorf("entry %d: %+v, want %+v", i, b, a)
		}
	}
}

// checkImported asserts the invariants of any successful import.
func checkImported(t *testing.T, entries []*Entry) {
	for _, e := range entries {
		if err := validate(e); err != nil {
			t.Fatalf("invalid entry accepted: %v", err)
		}
		for _, n := range e.Names() {
			if !utf8.ValidString(n) {
				t.Fatalf("invalid UTF-8 name %q", n)
			}
		}
	}
	k := Empty()
	before := k.Len()
	if _, err := k.MergeWatchlist(entries); err != nil {
		if k.Len() != before {
			t.Fatalf("failed merge changed the knowledge base")
		}
		return
	}
	for _, e := range entries {
		if len(k.Find(e.Name)) == 0 && len(k.Find(strings.ToUpper(e.Name))) == 0 {
			t.Fatalf("%q not found after merge", e.Name)
		}
	}
}

func FuzzParseSTIX(f *testing.F) {
	f.Add([]byte(stixBundle))
	f.Add([]byte(`{"type":"bundle","objects":[{"type":"location","id":"location--4d8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f","name":"X","latitude":91,"longitude":0}]}`))
	f.Add([]byte(`{"type":"bundle","objects":[null, 3, "x"]}`))
	f.Add([]byte("{\"type\":\"bundle\",\"objects\":[{\"type\":\"identity\",\"id\":\"identity--4d8f0f6a-1b2c-4d3e-8f40-5a6b7c8d9e0f\",\"name\":\"\xff\xfe\"}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := parseSTIX("f.json", data)
		if err != nil {
			return
		}
		checkImported(t, entries)
	})
}

func FuzzParseWatchlistCSV(f *testing.F) {
	f.Add([]byte("name,type,aliases,notes\nHarbour Cell,group,HC-9|Cellule,x\n"))
	f.Add([]byte("name,type,lat,lon\nX,city,91,0\n"))
	f.Add([]byte("name,type\n\"unterminated,group\n"))
	f.Add([]byte("\ufeffname,type,kind\nX,ORG,agency\nY,person,city\n"))
	f.Add([]byte("name,type\n\xff\xfe,group\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := parseWatchlistCSV("f.csv", data)
		if err != nil {
			return
		}
		checkImported(t, entries)
	})
}

// TestUserFileBounds: a gzip bomb and an oversized watchlist are refused
// with a clear message, without reading more than the bound.
func TestUserFileBounds(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.yaml.gz")
	f, err := os.Create(bomb)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zeros := make([]byte, 1<<20)
	for range (MaxUserFileBytes >> 20) + 8 {
		zw.Write(zeros)
	}
	zw.Close()
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = ReadUserFile(bomb)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "decompressed") {
		t.Errorf("gzip bomb: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 4*MaxUserFileBytes {
		t.Errorf("reading the bomb allocated %d MB", grew>>20)
	}
	big := filepath.Join(dir, "watchlist.csv")
	var b strings.Builder
	b.WriteString("name,type\n")
	for i := range MaxUserLines + 1 {
		fmt.Fprintf(&b, "Person %d,PER\n", i)
	}
	if err := os.WriteFile(big, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(context.Background(), big); err == nil || !strings.Contains(err.Error(), "lines") {
		t.Errorf("oversized watchlist: %v", err)
	}
	if _, err := Load(context.Background(), bomb); err == nil {
		t.Error("Load accepted a gzip bomb")
	}
}

// TestWatchlistKeepsParent: a KB-format CSV with a parent column, imported
// as a watchlist and written back, keeps the parent (it was dropped).
func TestWatchlistKeepsParent(t *testing.T) {
	k, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	src := "id,type,kind,name,aliases,parent\nharbour-cell,ORG,armed_group,Harbour Cell,HC-9,islamic-state\n"
	entries, err := ParseWatchlist("w.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.MergeWatchlist(entries); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteWatchlistCSV(&buf, entries); err != nil {
		t.Fatal(err)
	}
	back, err := ParseWatchlist("back.csv", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 1 || back[0].Parent != "islamic-state" {
		t.Fatalf("written and read back: %+v", back)
	}
	if anc := k.Ancestors("harbour-cell"); len(anc) == 0 || anc[0].ID != "islamic-state" {
		t.Errorf("ancestors of harbour-cell: %v", anc)
	}
}

// TestSameFileTwice: the user's file and the same watchlist given to --kb
// load together (the README's steps failed with "duplicate id"); a file
// repeating an id of its own is still an error.
func TestSameFileTwice(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.csv")
	src := "id,type,kind,name,aliases\nharbour-cell,ORG,armed_group,Harbour Cell,HC-9\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := Load(context.Background(), path, path)
	if err != nil {
		t.Fatalf("loading one file twice: %v", err)
	}
	if got := k.Find("HC-9"); len(got) != 1 || got[0].Entry.ID != "harbour-cell" {
		t.Errorf("HC-9: %v", got)
	}
	dup := filepath.Join(dir, "dup.csv")
	if err := os.WriteFile(dup, []byte(src+"harbour-cell,ORG,armed_group,Harbour Cell Two,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(context.Background(), dup); err == nil || !strings.Contains(err.Error(), "duplicate id") {
		t.Errorf("an id twice in one file: %v", err)
	}
}
