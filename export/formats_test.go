package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/dossier-project/dossier"
)

// ftmSchemaDef is what the test reads of a FollowTheMoney schema file.
type ftmSchemaDef struct {
	Extends    []string                  `yaml:"extends"`
	Abstract   bool                      `yaml:"abstract"`
	Required   []string                  `yaml:"required"`
	Properties map[string]map[string]any `yaml:"properties"`
}

// ftmModel loads shared/standards/followthemoney-schema, resolving
// inheritance: each schema's properties and required properties include its
// parents'.
func ftmModel(t *testing.T) map[string]*ftmSchemaDef {
	dir := standardsDir()
	if dir == "" {
		t.Skip("shared/standards not found")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "followthemoney-schema", "*.y*ml"))
	raw := map[string]*ftmSchemaDef{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]*ftmSchemaDef
		if err := yaml.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for k, v := range m {
			raw[k] = v
		}
	}
	resolved := map[string]*ftmSchemaDef{}
	var resolve func(name string) *ftmSchemaDef
	resolve = func(name string) *ftmSchemaDef {
		if r := resolved[name]; r != nil {
			return r
		}
		s := raw[name]
		if s == nil {
			t.Fatalf("FtM schema %s not found", name)
		}
		r := &ftmSchemaDef{Abstract: s.Abstract, Properties: map[string]map[string]any{}}
		for _, p := range s.Extends {
			parent := resolve(p)
			for k, v := range parent.Properties {
				r.Properties[k] = v
			}
			r.Required = append(r.Required, parent.Required...)
		}
		for k, v := range s.Properties {
			r.Properties[k] = v
		}
		r.Required = append(r.Required, s.Required...)
		resolved[name] = r
		return r
	}
	for name := range raw {
		resolve(name)
	}
	return resolved
}

func TestFtMAgainstSchema(t *testing.T) {
	model := ftmModel(t)
	check := func(t *testing.T, data []byte) {
		ids := map[string]string{}
		var entities []ftmEntity
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var e ftmEntity
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
				t.Fatalf("line %q: %v", sc.Text(), err)
			}
			if _, dup := ids[e.ID]; dup {
				t.Errorf("duplicate id %s", e.ID)
			}
			ids[e.ID] = e.Schema
			entities = append(entities, e)
		}
		for _, e := range entities {
			s := model[e.Schema]
			if s == nil || s.Abstract {
				t.Errorf("%s: schema %q is not a concrete FtM schema", e.ID, e.Schema)
				continue
			}
			for _, r := range s.Required {
				if len(e.Properties[r]) == 0 {
					t.Errorf("%s (%s): required property %s missing", e.ID, e.Schema, r)
				}
			}
			for p, values := range e.Properties {
				def, ok := s.Properties[p]
				if !ok {
					t.Errorf("%s (%s): no property %q in FtM", e.ID, e.Schema, p)
					continue
				}
				if def["type"] == "entity" {
					for _, v := range values {
						if _, ok := ids[v]; !ok {
							t.Errorf("%s (%s): %s refers to %s, not exported", e.ID, e.Schema, p, v)
						}
					}
				}
				if def["type"] == "country" {
					for _, v := range values {
						if len(v) != 2 || strings.ToLower(v) != v {
							t.Errorf("%s: country %q, want a lowercase ISO code", e.ID, v)
						}
					}
				}
			}
		}
	}
	t.Run("fixture", func(t *testing.T) {
		out, _ := exportBytes(t, FormatFtM, Docs(fixtureDocs(t)), fixtureOptions(t))
		check(t, out)
	})
	t.Run("demo", func(t *testing.T) {
		d := loadDemo(t)
		out, _ := exportBytes(t, FormatFtM, Docs(d.docs), Options{KB: d.kb})
		check(t, out)
	})
}

func TestFtMGolden(t *testing.T) {
	out, _ := exportBytes(t, FormatFtM, Docs(fixtureDocs(t)), fixtureOptions(t))
	golden(t, "fixture.ftm.jsonl", out)
	// Spot checks that do not need the schema files.
	var people, memberships, docs int
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var e ftmEntity
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		switch e.Schema {
		case "Person":
			people++
		case "Membership":
			memberships++
			if e.Properties["role"][0] != "leader" && e.Properties["role"][0] != "part" {
				t.Errorf("membership role %v", e.Properties["role"])
			}
		case "Document":
			docs++
			if lang := e.Properties["language"]; len(lang) == 1 && lang[0] != "eng" && lang[0] != "fra" {
				t.Errorf("language %v, want ISO 639-3", lang)
			}
		}
	}
	if people != 2 || docs != 3 || memberships != 3 {
		t.Errorf("people %d documents %d memberships %d, want 2, 3, 3", people, docs, memberships)
	}
}

// graphML mirrors the parts of GraphML the checks read back.
type graphML struct {
	XMLName xml.Name `xml:"graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string      `xml:"id,attr"`
			Data []graphData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string      `xml:"id,attr"`
			Source string      `xml:"source,attr"`
			Target string      `xml:"target,attr"`
			Data   []graphData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataOf(d []graphData, key string) string {
	for _, x := range d {
		if x.Key == key {
			return x.Value
		}
	}
	return ""
}

// checkGraphML checks an export structurally, as the official XSD cannot be
// used offline: namespace, a key for every data, unique node ids, edge ends.
func checkGraphML(t *testing.T, data []byte) graphML {
	t.Helper()
	var g graphML
	if err := xml.Unmarshal(data, &g); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	if g.XMLName.Space != GraphMLNamespace {
		t.Errorf("namespace %q", g.XMLName.Space)
	}
	keys := map[string]string{}
	for _, k := range g.Keys {
		if !slices.Contains([]string{"string", "int", "double", "boolean", "long", "float"}, k.Type) {
			t.Errorf("key %s: attr.type %q", k.ID, k.Type)
		}
		keys[k.ID] = k.For
	}
	nodes := map[string]bool{}
	for _, n := range g.Graph.Nodes {
		if nodes[n.ID] {
			t.Errorf("duplicate node %q", n.ID)
		}
		nodes[n.ID] = true
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s: data key %q not declared for nodes", n.ID, d.Key)
			}
		}
	}
	for _, e := range g.Graph.Edges {
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s: %s → %s, an end is missing", e.ID, e.Source, e.Target)
		}
		for _, d := range e.Data {
			if keys[d.Key] != "edge" {
				t.Errorf("edge %s: data key %q not declared for edges", e.ID, d.Key)
			}
		}
	}
	return g
}

func TestGraphML(t *testing.T) {
	out, st := exportBytes(t, FormatGraphML, Docs(fixtureDocs(t)), fixtureOptions(t))
	golden(t, "fixture.graphml", out)
	g := checkGraphML(t, out)
	if len(g.Graph.Nodes) != 7 || st.Entities != 7 {
		t.Errorf("%d nodes, want 7", len(g.Graph.Nodes))
	}
	// The attack on the army post and the leadership claim, each once.
	found := map[string]string{}
	for _, e := range g.Graph.Edges {
		found[e.Source+" "+dataOf(e.Data, "predicate")+" "+e.Target] = dataOf(e.Data, "evidence") + " " + dataOf(e.Data, "modality")
	}
	want := map[string]string{
		"e:is-sahel attacked e:army":          "1 asserted",
		"e:abu-bakr-example leads e:is-sahel": "2 reported", // stated in both documents
		"e:is-sahel part_of e:islamic-state":  "1 hedged",
	}
	for k, v := range want {
		if found[k] != v {
			t.Errorf("edge %s: %q, want %q", k, found[k], v)
		}
	}
	for _, n := range g.Graph.Nodes {
		if n.ID == "e:is-sahel" && dataOf(n.Data, "aliases") != "ISSP|État islamique au Sahel|EIGS" {
			t.Errorf("aliases %q", dataOf(n.Data, "aliases"))
		}
	}
}

func TestGraphMLDemo(t *testing.T) {
	d := loadDemo(t)
	out, _ := exportBytes(t, FormatGraphML, Docs(d.docs), Options{KB: d.kb})
	g := checkGraphML(t, out)
	if len(g.Graph.Nodes) < 100 || len(g.Graph.Edges) < 20 {
		t.Errorf("demo graph: %d nodes, %d edges", len(g.Graph.Nodes), len(g.Graph.Edges))
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func TestCSV(t *testing.T) {
	dir := t.TempDir()
	st, err := WriteCSV(context.Background(), dir, Docs(fixtureDocs(t)), fixtureOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	counts := map[string]int{}
	for _, name := range CSVFiles() {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString("== " + name + "\n")
		all.Write(data)
		rows := readCSV(t, filepath.Join(dir, name))
		counts[name] = len(rows) - 1
		seen := map[string]bool{}
		for _, r := range rows[1:] {
			if seen[r[0]+"\x00"+r[1]] {
				t.Errorf("%s: duplicate row id %s", name, r[0])
			}
			seen[r[0]+"\x00"+r[1]] = true
		}
	}
	golden(t, "fixture.csv.txt", all.Bytes())
	want := map[string]int{"documents.csv": 3, "entities.csv": 7, "relations.csv": 6, "quotes.csv": 2, "figures.csv": 2, "mentions.csv": 12}
	for k, v := range want {
		if counts[k] != v {
			t.Errorf("%s: %d rows, want %d", k, counts[k], v)
		}
	}
	if st.Documents != 3 || st.Relations != 6 {
		t.Errorf("stats %+v", st)
	}
	// Mentions cite the text exactly.
	docs := fixtureDocs(t)
	for _, r := range readCSV(t, filepath.Join(dir, "mentions.csv"))[1:] {
		found := false
		for _, d := range docs {
			if docID(d) == r[1] && d.Text[atoi(t, r[3]):atoi(t, r[4])] == r[5] {
				found = true
			}
		}
		if !found {
			t.Errorf("mention %v does not cite its document", r)
		}
	}
}

func atoi(t *testing.T, s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func TestJSONL(t *testing.T) {
	out, st := exportBytes(t, FormatJSONL, Docs(fixtureDocs(t)), fixtureOptions(t))
	golden(t, "fixture.jsonl", out)
	var entities, docs int
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var rec struct {
			Record string `json:"record"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		switch rec.Record {
		case "entity":
			entities++
		case "document":
			docs++
		default:
			t.Errorf("record %q", rec.Record)
		}
	}
	if entities != 7 || docs != 3 || st.Relations != 6 {
		t.Errorf("%d entities, %d documents, %d relations", entities, docs, st.Relations)
	}
}

// TestFilters checks each filter on the fixture through the JSONL export.
func TestFilters(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name                string
		filter              Filter
		docs, ents, rels, q int
	}{
		{"none", Filter{}, 3, 7, 6, 2},
		{"lang fr", Filter{Langs: []string{"fr"}}, 1, 3, 2, 1},
		{"since June", Filter{Since: day("2024-06-01")}, 1, 3, 2, 1},
		{"until May", Filter{Until: day("2024-05-31")}, 1, 6, 4, 1},
		{"predicate", Filter{Predicates: []string{dossier.PredAttacked}}, 3, 7, 2, 2},
		{"modality", Filter{Modalities: []string{dossier.ModalityHedged}}, 3, 7, 1, 2},
		{"confidence", Filter{MinConfidence: 0.8}, 3, 7, 3, 2},
		// Tessit's neighbourhood at depth 1: the group that attacked it, and
		// the documents mentioning either.
		{"entity depth 1", Filter{Entity: "Tessit", Depth: 1}, 2, 2, 1, 0},
		// Depth 2 reaches the leader, the army and the Islamic State, not Menaka.
		{"entity depth 2", Filter{Entity: "e:tessit", Depth: 2}, 2, 5, 5, 0},
		{"entity by alias", Filter{Entity: "EIGS", Depth: 0}, 2, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := fixtureOptions(t)
			opts.Filter = tt.filter
			_, st := exportBytes(t, FormatJSONL, Docs(fixtureDocs(t)), opts)
			if st.Documents != tt.docs || st.Entities != tt.ents || st.Relations != tt.rels || st.Quotes != tt.q {
				t.Errorf("got %d docs, %d entities, %d relations, %d quotes; want %d, %d, %d, %d",
					st.Documents, st.Entities, st.Relations, st.Quotes, tt.docs, tt.ents, tt.rels, tt.q)
			}
			// The STIX export applies the same filters.
			out, sst := exportBytes(t, FormatSTIX, Docs(fixtureDocs(t)), opts)
			if sst.Entities != tt.ents || sst.Relations != tt.rels {
				t.Errorf("stix: %d entities, %d relations", sst.Entities, sst.Relations)
			}
			checkRequired(t, parseBundle(t, out))
		})
	}
	opts := fixtureOptions(t)
	opts.Filter.Entity = "Nobody Known"
	if _, err := Write(context.Background(), io.Discard, FormatSTIX, Docs(fixtureDocs(t)), opts); err == nil {
		t.Error("an unknown entity filter must be an error")
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"stix", "STIX", " ftm", "graphml", "csv", "jsonl"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("xml accepted")
	}
	if _, err := Write(context.Background(), io.Discard, FormatCSV, Docs(nil), Options{}); err == nil {
		t.Error("csv to a single stream accepted")
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+cmd|' /C calc'!A0":       "'+cmd|' /C calc'!A0",
		"-2+3":                     "'-2+3",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\tindent":                 "'\tindent",
		"-12":                      "-12",
		"+3.5":                     "+3.5",
		"Al-Qaeda":                 "Al-Qaeda",
		"":                         "",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVBOMAndFormulaCells: with CSVBOM every file starts with a BOM, and
// a quote or name that reads as a formula is written as text.
func TestCSVBOMAndFormulaCells(t *testing.T) {
	docs := fixtureDocs(t)
	d := docs[0]
	// Make one quote's text start with "=", as hostile article text may.
	if len(d.Quotes) == 0 {
		t.Skip("fixture has no quote")
	}
	q := &d.Quotes[0]
	text := []byte(d.Text)
	text[q.Start] = '='
	d.Text = string(text)
	dir := t.TempDir()
	opts := fixtureOptions(t)
	opts.CSVBOM = true
	if _, err := WriteCSV(context.Background(), dir, Docs(docs), opts); err != nil {
		t.Fatal(err)
	}
	for _, name := range CSVFiles() {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("\ufeff")) {
			t.Errorf("%s: no byte-order mark", name)
		}
		for _, line := range strings.Split(string(data), "\n") {
			for _, cell := range strings.Split(line, ",") {
				if strings.HasPrefix(strings.TrimPrefix(cell, "\""), "=") {
					t.Errorf("%s: formula cell %q", name, cell)
				}
			}
		}
	}
}
