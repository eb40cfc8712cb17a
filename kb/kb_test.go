package kb

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// testKB loads the embedded knowledge base once for all tests of the package.
var testKB = sync.OnceValues(func() (*KB, error) { return Load(context.Background()) })

func mustKB(t testing.TB) *KB {
	t.Helper()
	k, err := testKB()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Al-Qaïda", "kaida"},
		{"al Qaeda", "kaida"},
		{"Al-Qa'ida", "kaida"},
		{"l'État islamique", "etat islamikue"},
		{"l’État islamique", "etat islamikue"},
		{"Hay'at Tahrir al-Sham", "hayat tahrir sham"},
		{"Hayat Tahrir ash-Sham", "hayat tahrir sham"},
		{"Ansar el Charia", "ansar sharia"},
		{"Ansar al-Sharia", "ansar sharia"},
		{"al-Zawahiri", "zawahiri"},
		{"Zawahiri", "zawahiri"},
		{"Oussama Ben Laden", "usama ben laden"},
		{"Abou Bakr", "abu bakr"},
		{"Mohammed Merah", "muhamad mera"},
		{"Muhammad Merah", "muhamad mera"},
		{"Taliban's", "taliban"},
		{"Boko–Haram", "boko haram"}, // en dash
		{"Shabaab", "shabab"},
		{"Daech", "daish"},
		{"Daesh", "daish"},
		{"Ahl al-Sunnah wa al-Jamma'ah", "ahl suna wa jama"},
		{"Ahlu Sunnah Wal Jamaa", "ahlu suna wa jama"},
		{"ISS", "iss"}, // short acronyms keep their letters
		{"Al", "al"},   // an article alone stays
		{"The Base", "base"},
		{"  ", ""},
		{"", ""},
		{"Москва", "москва"},
		{"\xff\xfeAQIM", "akim"},
	}
	for _, c := range cases {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func ids(es []*Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestLookupHits(t *testing.T) {
	k := mustKB(t)
	cases := []struct{ name, wantFirst string }{
		{"Al-Qaïda", "al-qaeda"},
		{"al-Qaida", "al-qaeda"},
		{"Al Qaeda", "al-qaeda"},
		{"AQMI", "aqim"},
		{"Al-Qaïda au Maghreb islamique", "aqim"},
		{"l'État islamique au Khorasan", "iskp"},
		{"Wilayat Khorasan", "iskp"},
		{"Wilayah Khorasan", "iskp"},
		{"ISKP", "iskp"},
		{"ISIS-K", "iskp"},
		{"Islamic State-Khorasan Province", "iskp"},
		{"Daech", "islamic-state"},
		{"État islamique", "islamic-state"},
		{"EI", "islamic-state"},
		{"Hay'at Tahrir al-Sham", "hts"},
		{"Jabhat al-Nusra", "hts"},
		{"les talibans", "taliban"},
		{"Islamic Emirate", "taliban"},
		{"Pakistani Taliban", "ttp"},
		{"GSIM", "jnim"},
		{"Ansar Eddine", "ansar-dine"},
		{"Chabab", "al-shabaab"},
		{"Abou Bakr al-Baghdadi", "abu-bakr-al-baghdadi"},
		{"Ayman al-Zawahri", "ayman-al-zawahiri"},
		{"Oussama Ben Laden", "osama-bin-laden"},
		{"Usama bin Laden", "osama-bin-laden"},
		{"Haibatullah Akhundzada", "hibatullah-akhundzada"},
		{"Ahmed al-Sharaa", "abu-mohammad-al-julani"},
		{"Abu Mohammed al-Jawlani", "abu-mohammad-al-julani"},
		{"Direction générale de la sécurité intérieure", "dgsi"},
		{"Parquet national antiterroriste", "pnat"},
		{"ministère de l’Intérieur", "french-interior-ministry"},
		{"Opération Barkhane", "operation-barkhane"},
		{"CEDEAO", "ecowas"},
		{"GAFI", "fatf"},
		{"Kaboul", "kabul"},
		{"Mossoul", "mosul"},
		{"Syrie", "syria"},
		{"États-Unis", "united-states"},
		{"Etats-Unis", "united-states"},
		{"Deutschland", "germany"},
		{"Cabo Delgado", "cabo-delgado"},
		{"Tombouctou", "timbuktu"},
		{"Washington", "washington-d-c"}, // a capital keeps its short name
		{"Kuwait", "kuwait"},             // … and the country still ranks first
		{"Texas", "us-texas"},            // a state, not Texas City
	}
	for _, c := range cases {
		got := k.Lookup(c.name)
		if len(got) == 0 || got[0].ID != c.wantFirst {
			t.Errorf("Lookup(%q) = %v, want %s first", c.name, ids(got), c.wantFirst)
		}
	}
	kabul := k.Lookup("Kaboul")[0]
	if !kabul.HasCoords || kabul.Country != "AF" || kabul.Lat < 34 || kabul.Lat > 35 || kabul.Lon < 69 || kabul.Lon > 70 {
		t.Errorf("Kabul = %+v, want coordinates near 34.5N 69.2E in AF", kabul)
	}
	if syria := k.Lookup("Syrie")[0]; syria.Kind != KindCountry || syria.Country != "SY" {
		t.Errorf("Syrie = %+v, want country SY", syria)
	}
}

func TestLookupMustNotMerge(t *testing.T) {
	k := mustKB(t)
	distinct := [][2]string{
		{"ISKP", "Islamic State"},
		{"Wilayat Khorasan", "Daesh"},
		{"AQ", "AQIM"},
		{"Al Qaeda", "Al-Qaeda in the Islamic Maghreb"},
		{"Al-Qaïda", "AQPA"},
		{"TTP", "Taliban"},
		{"Pakistani Taliban", "Afghan Taliban"},
		{"Mohammed Merah", "Mohammed bin Salman"},
		{"Mohamed Bazoum", "Mohammed Deif"},
		{"Hamas", "Hama"},
		{"Ansar Dine", "JNIM"},
		{"Osama bin Laden", "Hamza bin Laden"},
		{"England", "United Kingdom"},
		{"Angleterre", "Grande-Bretagne"},
		{"Scotland", "Britain"},
	}
	for _, p := range distinct {
		a, b := k.Lookup(p[0]), k.Lookup(p[1])
		if len(a) == 0 || len(b) == 0 {
			t.Errorf("Lookup(%q)=%v, Lookup(%q)=%v: both must hit", p[0], ids(a), p[1], ids(b))
			continue
		}
		if a[0] == b[0] {
			t.Errorf("%q and %q both resolve to %s", p[0], p[1], a[0].ID)
		}
	}
	// Parent links instead of merges.
	for child, parent := range map[string]string{"iskp": "islamic-state", "aqim": "al-qaeda", "haqqani-network": "taliban", "jnim": "al-qaeda",
		"england": "united-kingdom", "wales": "united-kingdom"} {
		if p := k.Parent(child); p == nil || p.ID != parent {
			t.Errorf("Parent(%s) = %v, want %s", child, p, parent)
		}
	}
	if anc := ids(k.Ancestors("ansar-dine")); !slices.Equal(anc, []string{"jnim", "al-qaeda"}) {
		t.Errorf("Ancestors(ansar-dine) = %v", anc)
	}
	// Short acronyms match only in capitals: "is" is an English word.
	if got := k.Lookup("is"); len(got) != 0 {
		t.Errorf("Lookup(is) = %v, want none", ids(got))
	}
	// A demonym is not a place: German "Syrien" (Syria) = French "syrien" (Syrian).
	if got := k.Lookup("syrien"); len(got) != 0 {
		t.Errorf("Lookup(syrien) = %v, want none", ids(got))
	}
}

func TestDemonyms(t *testing.T) {
	k := mustKB(t)
	for word, country := range map[string]string{
		"French": "FR", "françaises": "FR", "Afghan": "AF", "afghanes": "AF", "Tajik": "TJ",
		"tadjike": "TJ", "Syrian": "SY", "syrienne": "SY", "syriennes": "SY", "Burkinabè": "BF",
	} {
		d, ok := k.Demonym(word)
		if !ok || d.Country != country {
			t.Errorf("Demonym(%q) = %+v, %v; want %s", word, d, ok, country)
		}
	}
	if _, ok := k.Demonym("France"); ok {
		t.Error("France is a country, not a demonym")
	}
	// Written as listed, less case and accents: a first name whose key
	// meets a nationality's ("Corinne", "coréenne") is none.
	for _, word := range []string{"Corinne", "CORINNE"} {
		if d, ok := k.Demonym(word); ok {
			t.Errorf("Demonym(%q) = %+v, want none", word, d)
		}
	}
	if d, ok := k.Demonym("BURKINABE"); !ok || d.Country != "BF" {
		t.Errorf("Demonym(BURKINABE) = %+v, %v; want BF", d, ok)
	}
}

func TestExpandOptional(t *testing.T) {
	got, err := expandOptional("syrien(ne)(s)")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"syrien", "syrienne", "syriens", "syriennes"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("expandOptional = %v, want %v", got, want)
	}
	if _, err := expandOptional("bad(ne"); err == nil {
		t.Error("unclosed group: want error")
	}
}

func TestFindExplains(t *testing.T) {
	k := mustKB(t)
	ms := k.Find("talibans pakistanais")
	if len(ms) == 0 || ms[0].Entry.ID != "ttp" || ms[0].Alias != "talibans pakistanais" || ms[0].Rule != RuleKey {
		t.Errorf("Find = %+v", ms)
	}
	ms = k.Find("Houthis")
	if len(ms) == 0 || ms[0].Entry.ID != "houthis" {
		t.Errorf("Find(Houthis) = %+v", ms)
	}
	ms = k.Find("Hezbollahs")
	if len(ms) == 0 || ms[0].Entry.ID != "hezbollah" || ms[0].Rule != RulePlural {
		t.Errorf("Find(Hezbollahs) = %+v, want plural rule", ms)
	}
}

func TestEmbeddedInvariants(t *testing.T) {
	k := mustKB(t)
	counts := map[Kind]int{}
	seen := map[string]bool{}
	for e := range k.Entries() {
		counts[e.Kind]++
		if seen[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		seen[e.ID] = true
		if e.Type == LOC && e.Kind != KindCountry && !e.HasCoords {
			t.Errorf("%s (%s): place without coordinates", e.ID, e.Source)
		}
		if k.Entry(e.ID) != e {
			t.Errorf("Entry(%s) mismatch", e.ID)
		}
	}
	actors := 0
	for kind, n := range counts {
		if kind != KindCountry && kind != KindCity && kind != KindRegion && kind != KindSite {
			actors += n
		}
	}
	t.Logf("entries per kind: %v (actors %d)", counts, actors)
	if actors < 300 {
		t.Errorf("only %d actor entries, want ≥ 300", actors)
	}
	if counts[KindCountry] < 240 || counts[KindCity] < 20000 {
		t.Errorf("gazetteers too small: %v", counts)
	}
	nkeys := 0
	for key, ms := range k.Keys() {
		if key != Key(key) || len(ms) == 0 {
			t.Errorf("bad key %q (%d matches)", key, len(ms))
		}
		nkeys++
	}
	t.Logf("%d keys", nkeys)
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAddFile(t *testing.T) {
	yamlFile := writeFile(t, "watch.yaml", `# a user's watchlist
- id: example-cell
  type: ORG
  kind: armed_group
  name: Example Cell
  aliases: [Cellule Exemple, EXC]
  parent: islamic-state
  country: FR
- id: example-person
  type: PER
  kind: person
  name: Jean Exemple
  parent: example-cell
`)
	csvFile := writeFile(t, "places.csv", "id,type,kind,name,aliases,parent,country,lat,lon,note\n"+
		`example-village,LOC,city,Exampleville,"Villexemple|Exampleville-sur-Mer",,FR,45.5,1.25,"a test place, with a comma"`+"\n")
	k, err := Load(context.Background(), yamlFile, csvFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := k.Lookup("cellule exemple"); len(got) != 1 || got[0].ID != "example-cell" || got[0].Parent != "islamic-state" {
		t.Errorf("Lookup(cellule exemple) = %v", ids(got))
	}
	v := k.Lookup("Villexemple")
	if len(v) != 1 || !v[0].HasCoords || v[0].Lat != 45.5 || v[0].Note != "a test place, with a comma" {
		t.Errorf("Lookup(Villexemple) = %+v", v)
	}
	if !strings.HasSuffix(v[0].Source, "places.csv:2") {
		t.Errorf("Source = %q", v[0].Source)
	}
}

func TestAddFileErrors(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"dup.yaml", "- {id: al-qaeda, type: ORG, kind: terrorist_org, name: Another}\n", `dup.yaml:1: duplicate id "al-qaeda"`},
		{"parent.yaml", "- {id: x-cell, type: ORG, kind: armed_group, name: X}\n- {id: y-cell, type: ORG, kind: armed_group, name: Y, parent: nowhere}\n", `parent.yaml:2: y-cell: unknown parent "nowhere"`},
		{"type.yaml", "- {id: x-cell, type: GROUP, kind: armed_group, name: X}\n", `type.yaml:1: x-cell: bad type "GROUP"`},
		{"kind.yaml", "- {id: x-cell, type: ORG, kind: guild, name: X}\n", `unknown kind "guild"`},
		{"mismatch.yaml", "- {id: x-cell, type: PER, kind: armed_group, name: X}\n", "kind armed_group needs type ORG"},
		{"id.yaml", "- {id: Bad_ID, type: ORG, kind: armed_group, name: X}\n", `bad id "Bad_ID"`},
		{"field.yaml", "- {id: x-cell, type: ORG, kind: armed_group, name: X, colour: red}\n", `field.yaml:1:`},
		{"cycle.yaml", "- {id: a-cell, type: ORG, kind: armed_group, name: A, parent: b-cell}\n- {id: b-cell, type: ORG, kind: armed_group, name: B, parent: a-cell}\n", "parent cycle"},
		{"coords.yaml", "- {id: x-town, type: LOC, kind: city, name: X, lat: 1}\n", "lat and lon go together"},
		{"range.yaml", "- {id: x-town, type: LOC, kind: city, name: X, lat: 91, lon: 0}\n", "out of range"},
		{"empty.yaml", "- {id: x-cell, type: ORG, kind: armed_group, name: X, aliases: ['--']}\n", "has no letters"},
		{"notlist.yaml", "id: x\n", "want a list"},
		{"cols.csv", "id,type,kind,name,colour\nx,ORG,armed_group,X,red\n", `unknown column "colour"`},
		{"missing.csv", "id,type,name\nx,ORG,X\n", `missing column "kind"`},
		{"badlat.csv", "id,type,kind,name,lat,lon\nx-town,LOC,city,X,north,1\n", "badlat.csv:2: bad coordinates"},
		{"list.txt", "x", "unknown format"},
	}
	for _, c := range cases {
		// A small base instead of the embedded data keeps this test fast.
		k := newKB()
		if err := k.AddFile(writeFile(t, "base.yaml", "- {id: al-qaeda, type: ORG, kind: terrorist_org, name: Al Qaeda}\n")); err != nil {
			t.Fatal(err)
		}
		err := k.AddFile(writeFile(t, c.name, c.body))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Al-Qaïda", "l'État islamique au Khorasan", "Hay'at Tahrir al-Sham", "ISIS-K", "Oussama", "aal-x", "the the le x", "q'ou", "Mohammed", "\xff", "ـأحمد", "ǅǆ", "ee ae ou"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q: invalid UTF-8", s, k)
		}
		if k2 := Key(k); k2 != k {
			t.Fatalf("not idempotent: Key(%q) = %q, Key(%q) = %q", s, k, k, k2)
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("Key(%q) = %q: stray spaces", s, k)
		}
	})
}

// BenchmarkKey measures the matching key on typical names.
func BenchmarkKey(b *testing.B) {
	names := []string{"Al-Qaïda au Maghreb islamique", "Islamic State-Khorasan Province", "l'État islamique", "Abu Bakr al-Baghdadi", "Direction générale de la sécurité intérieure", "Kaboul", "ISKP"}
	words := 0
	for _, n := range names {
		words += len(strings.Fields(n))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			Key(n)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// FuzzParseFile feeds hostile bytes to every file parser: errors are fine, panics are not.
func FuzzParseFile(f *testing.F) {
	f.Add("- {id: a, type: ORG, kind: media, name: A}\n", uint8(0))
	f.Add("id,type,kind,name,lat,lon\na,LOC,city,A,1,2\n", uint8(1))
	f.Add("id\ttype\tkind\tname\taliases\na\tPER\tperson\tA\tB|C\n", uint8(2))
	f.Add("- {country: FR, names: {fr: [français(e)(s)]}}\n", uint8(3))
	f.Fuzz(func(t *testing.T, body string, format uint8) {
		names := []string{"f.yaml", "f.csv", "f.tsv", "demonyms.yaml"}
		name := names[int(format)%len(names)]
		k := newKB()
		if name == "demonyms.yaml" {
			_ = k.addDemonyms(name, []byte(body))
			return
		}
		entries, err := parseFile(name, []byte(body), tierActors)
		if err != nil {
			return
		}
		_ = k.add(entries)
		for _, e := range entries {
			k.Lookup(e.Name)
		}
	})
}

// TestClubsAndDisputedTerritories: a club's full name finds the club, its
// bare town stays the town (the mention stage reads a team from context);
// a disputed territory is found by its common short form too. These are
// general-knowledge entries, not strings of one article.
func TestClubsAndDisputedTerritories(t *testing.T) {
	k := mustKB(t)
	if ms := k.Find("FC Barcelona"); len(ms) == 0 || ms[0].Entry.ID != "fc-barcelona" {
		t.Errorf("Find(FC Barcelona) = %+v", ms)
	}
	for _, m := range k.Find("Barcelona") {
		if m.Entry.Kind == KindClub {
			t.Errorf("bare Barcelona found the club: %+v", m)
		}
	}
	if ms := k.Find("Karabakh"); len(ms) == 0 || ms[0].Entry.ID != "nagorno-karabakh" {
		t.Errorf("Find(Karabakh) = %+v", ms)
	}
}
