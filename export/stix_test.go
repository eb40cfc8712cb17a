package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
)

func exportBytes(t testing.TB, f Format, src Source, opts Options) ([]byte, Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := Write(context.Background(), &buf, f, src, opts)
	if err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	return buf.Bytes(), st
}

type bundle struct {
	Type    string           `json:"type"`
	ID      string           `json:"id"`
	Objects []map[string]any `json:"objects"`
}

func parseBundle(t testing.TB, data []byte) bundle {
	t.Helper()
	var b bundle
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatalf("bundle is not JSON: %v", err)
	}
	return b
}

func byName(b bundle, typ, name string) map[string]any {
	for _, o := range b.Objects {
		if o["type"] == typ && o["name"] == name {
			return o
		}
	}
	return nil
}

func TestSTIXGolden(t *testing.T) {
	out, _ := exportBytes(t, FormatSTIX, Docs(fixtureDocs(t)), fixtureOptions(t))
	golden(t, "fixture.stix.json", out)
}

// TestSTIXMapping checks how each entity, claim and quote of the fixture is
// represented, without the official schemas.
func TestSTIXMapping(t *testing.T) {
	out, st := exportBytes(t, FormatSTIX, Docs(fixtureDocs(t)), fixtureOptions(t))
	b := parseBundle(t, out)
	if b.Type != "bundle" || !strings.HasPrefix(b.ID, "bundle--") {
		t.Fatalf("bundle header: %q %q", b.Type, b.ID)
	}
	tests := []struct {
		typ, name string
		want      map[string]any
	}{
		{"intrusion-set", "Islamic State Sahel Province", map[string]any{"aliases": []any{"ISSP", "État islamique au Sahel", "EIGS"}, "x_dossier_kb": "is-sahel"}},
		{"intrusion-set", "Islamic State", map[string]any{"x_dossier_kind": "terrorist_org"}},
		// The army attacks nobody: an organisation, not an armed group.
		{"identity", "army", map[string]any{"identity_class": "organization"}},
		// Led a group: a threat actor. Only quoted: an individual identity.
		{"threat-actor", "Abu Bakr Example", map[string]any{"resource_level": "individual", "threat_actor_types": []any{"terrorist"}}},
		{"identity", "Jean Exemple", map[string]any{"identity_class": "individual", "x_dossier_aliases": []any{"Exemple"}}},
		{"location", "Menaka", map[string]any{"city": "Menaka", "country": "ML", "latitude": 15.92, "longitude": 2.4}},
		// Unknown to the KB: its own region.
		{"location", "Tessit", map[string]any{"region": "Tessit"}},
	}
	for _, tt := range tests {
		o := byName(b, tt.typ, tt.name)
		if o == nil {
			t.Errorf("no %s named %q", tt.typ, tt.name)
			continue
		}
		for k, v := range tt.want {
			if got, _ := json.Marshal(o[k]); string(got) != mustJSON(v) {
				t.Errorf("%s %q: %s = %s, want %s", tt.typ, tt.name, k, got, mustJSON(v))
			}
		}
	}
	var rels, notes, reports []map[string]any
	for _, o := range b.Objects {
		switch o["type"] {
		case "relationship":
			rels = append(rels, o)
		case "note":
			notes = append(notes, o)
		case "report":
			reports = append(reports, o)
		}
	}
	// Asserted claims are relationships; the three unnamed-source claims are notes.
	wantRels := map[string]string{"attacked": "targets", "located_in": "located-at"}
	if len(rels) != 3 {
		t.Errorf("%d relationships, want 3", len(rels))
	}
	for _, r := range rels {
		p := r["x_dossier_predicate"].(string)
		if r["relationship_type"] != wantRels[p] {
			t.Errorf("predicate %s → %v, want %s", p, r["relationship_type"], wantRels[p])
		}
		if d, _ := r["description"].(string); d == "" || strings.Contains(d, "\n") {
			t.Errorf("relationship %s: description %q, want the evidence sentence", p, d)
		}
		if refs, _ := r["external_references"].([]any); len(refs) != 1 {
			t.Errorf("relationship %s: external_references %v", p, refs)
		}
	}
	if c := findObject(rels, "x_dossier_predicate", "attacked"); c == nil || c["confidence"] != 90.0 {
		t.Errorf("attacked: confidence %v, want 90", c["confidence"])
	}
	if len(notes) != 5 { // 3 unnamed-source claims + 2 quotes
		t.Errorf("%d notes, want 5", len(notes))
	}
	if n := findObject(notes, "content", "We will not abandon Menaka,"); n == nil || n["abstract"] != "Quote by Jean Exemple" {
		t.Errorf("quote note: %v", n)
	}
	if n := findObject(notes, "x_dossier_predicate", "leads"); n == nil || !strings.Contains(n["abstract"].(string), "according to a security source") {
		t.Errorf("unnamed-source claim note: %v", n)
	}
	// One report per document with objects; the empty document has none.
	if len(reports) != 2 {
		t.Fatalf("%d reports, want 2", len(reports))
	}
	ids := map[string]bool{}
	for _, o := range b.Objects {
		ids[o["id"].(string)] = true
	}
	for _, r := range reports {
		if r["published"] != "2024-05-14T00:00:00.000Z" && r["published"] != "2024-06-02T00:00:00.000Z" {
			t.Errorf("report published %v", r["published"])
		}
		for _, ref := range r["object_refs"].([]any) {
			if !ids[ref.(string)] {
				t.Errorf("report refers to %v, not in the bundle", ref)
			}
		}
	}
	checkRequired(t, b)
	if st.Documents != 3 || st.Objects != len(b.Objects) {
		t.Errorf("stats %+v, bundle has %d objects", st, len(b.Objects))
	}
}

func findObject(list []map[string]any, key, value string) map[string]any {
	for _, o := range list {
		if o[key] == value {
			return o
		}
	}
	return nil
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

var (
	stixIDPattern   = regexp.MustCompile(`^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	stixTimePattern = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
	customProp      = regexp.MustCompile(`^([a-z][a-z0-9_]{2,249}|id)$`)
)

// required lists the properties STIX 2.1 requires of each type we write,
// beyond the common ones.
var required = map[string][]string{
	"intrusion-set": {"name"}, "threat-actor": {"name"}, "identity": {"name"},
	"location": {}, "relationship": {"relationship_type", "source_ref", "target_ref"},
	"note": {"content", "object_refs"}, "report": {"name", "published", "object_refs"},
}

// checkRequired is a schema-independent check of the STIX rules dossier relies on.
func checkRequired(t *testing.T, b bundle) {
	t.Helper()
	ids := map[string]bool{}
	for _, o := range b.Objects {
		id, _ := o["id"].(string)
		if ids[id] {
			t.Errorf("duplicate id %s", id)
		}
		ids[id] = true
	}
	for _, o := range b.Objects {
		typ, _ := o["type"].(string)
		id, _ := o["id"].(string)
		if !stixIDPattern.MatchString(id) || !strings.HasPrefix(id, typ+"--") {
			t.Errorf("bad id %q for type %q", id, typ)
		}
		if o["spec_version"] != "2.1" {
			t.Errorf("%s: spec_version %v", id, o["spec_version"])
		}
		for _, k := range []string{"created", "modified"} {
			if s, _ := o[k].(string); !stixTimePattern.MatchString(s) {
				t.Errorf("%s: %s %q", id, k, s)
			}
		}
		req, known := required[typ]
		if !known {
			t.Errorf("%s: unexpected type %s", id, typ)
		}
		for _, k := range req {
			if v, ok := o[k]; !ok || v == "" {
				t.Errorf("%s: missing %s", id, k)
			}
		}
		if typ == "location" {
			_, r := o["region"]
			_, c := o["country"]
			_, lat := o["latitude"]
			if !r && !c && !lat {
				t.Errorf("%s: a location needs region, country or coordinates", id)
			}
		}
		for _, k := range []string{"source_ref", "target_ref"} {
			if ref, ok := o[k].(string); ok && !ids[ref] {
				t.Errorf("%s: %s %s not in the bundle", id, k, ref)
			}
		}
		if refs, ok := o["object_refs"].([]any); ok {
			if len(refs) == 0 {
				t.Errorf("%s: empty object_refs", id)
			}
			for _, r := range refs {
				if !ids[r.(string)] {
					t.Errorf("%s: object_refs %s not in the bundle", id, r)
				}
			}
		}
		if c, ok := o["confidence"].(float64); ok && (c < 0 || c > 100 || c != float64(int(c))) {
			t.Errorf("%s: confidence %v", id, c)
		}
		for k := range o {
			if !customProp.MatchString(k) {
				t.Errorf("%s: property name %q", id, k)
			}
		}
	}
}

// TestSTIXDeterministic: the same corpus exported twice gives the same ids,
// so a platform updates objects rather than duplicating them.
func TestSTIXDeterministic(t *testing.T) {
	opts := fixtureOptions(t)
	a, _ := exportBytes(t, FormatSTIX, Docs(fixtureDocs(t)), opts)
	opts.Now = opts.Now.Add(24 * 3600e9)
	b, _ := exportBytes(t, FormatSTIX, Docs(fixtureDocs(t)), opts)
	ids := func(data []byte) []string {
		var out []string
		for _, o := range parseBundle(t, data).Objects {
			out = append(out, o["id"].(string))
		}
		return out
	}
	if !slices.Equal(ids(a), ids(b)) {
		t.Error("object ids changed between two exports of the same corpus")
	}
	if bytes.Equal(a, b) {
		t.Error("modified timestamps did not change")
	}
}

func TestSTIXEmpty(t *testing.T) {
	out, _ := exportBytes(t, FormatSTIX, Docs(nil), fixtureOptions(t))
	b := parseBundle(t, out)
	if b.Type != "bundle" || b.Objects != nil {
		t.Errorf("empty export: %s", out)
	}
}

// standardsDir locates shared/standards beside the checkout, or "".
func standardsDir() string {
	for _, dir := range []string{filepath.Join("..", "..", "shared", "standards"), "/work/shared/standards"} {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return ""
}

const stixSchemaPrefix = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/"

// stixSchemas compiles the bundle schema and one per object type from the
// OASIS schemas in shared/standards, mapping their $id prefix to the folder.
func stixSchemas(t *testing.T) (bundleSchema *jsonschema.Schema, byType map[string]*jsonschema.Schema) {
	t.Helper()
	dir := standardsDir()
	if dir == "" {
		t.Skip("shared/standards not found")
	}
	root := filepath.Join(dir, "stix2-json-schemas", "schemas")
	c := jsonschema.NewCompiler()
	c.UseLoader(prefixLoader{prefix: stixSchemaPrefix, dir: root})
	compile := func(rel string) *jsonschema.Schema {
		s, err := c.Compile(stixSchemaPrefix + rel)
		if err != nil {
			t.Fatalf("compile %s: %v", rel, err)
		}
		return s
	}
	byType = map[string]*jsonschema.Schema{}
	for _, typ := range []string{"intrusion-set", "threat-actor", "identity", "location", "note", "report"} {
		byType[typ] = compile("sdos/" + typ + ".json")
	}
	byType["relationship"] = compile("sros/relationship.json")
	return compile("common/bundle.json"), byType
}

type prefixLoader struct{ prefix, dir string }

func (l prefixLoader) Load(url string) (any, error) {
	rel, ok := strings.CutPrefix(url, l.prefix)
	if !ok {
		return nil, fmt.Errorf("schema %s is not one of the STIX schemas", url)
	}
	f, err := os.Open(filepath.Join(l.dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}

// bundleSchemaGaps are types that the bundle schema at this commit rejects
// even in the specification's own examples: bundle.json does not list them
// among its SDOs, and its custom-object branch matches both core.json and
// cyber-observable-core.json, failing its oneOf (TestSTIXBundleSchemaGap).
// Objects of these types are checked against their own schema only.
var bundleSchemaGaps = map[string]bool{"location": true, "note": true}

func validateSTIX(t *testing.T, data []byte) {
	t.Helper()
	bundleSchema, byType := stixSchemas(t)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b := inst.(map[string]any)
	objects, _ := b["objects"].([]any)
	var listed []any
	for _, o := range objects {
		obj := o.(map[string]any)
		typ := obj["type"].(string)
		if !bundleSchemaGaps[typ] {
			listed = append(listed, o)
		}
		s := byType[typ]
		if s == nil {
			t.Errorf("no schema for %v", typ)
			continue
		}
		if err := s.Validate(obj); err != nil {
			t.Errorf("%v does not validate: %v", obj["id"], err)
		}
	}
	if len(listed) > 0 {
		b["objects"] = listed
	}
	if err := bundleSchema.Validate(b); err != nil {
		t.Fatalf("bundle does not validate: %v", err)
	}
}

// TestSTIXBundleSchemaGap records the schema defect behind bundleSchemaGaps
// with the specification's own examples; when the schemas are fixed, it
// says so and bundleSchemaGaps can go.
func TestSTIXBundleSchemaGap(t *testing.T) {
	bundleSchema, _ := stixSchemas(t)
	examples := map[string]string{
		"location": `{"type":"location","spec_version":"2.1","id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64","created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","region":"south-eastern-asia","country":"th","administrative_area":"Tak","postal_code":"63170"}`,
		"note":     `{"type":"note","spec_version":"2.1","id":"note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061","created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","content":"This is a note","object_refs":["campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"]}`,
	}
	for typ, ex := range examples {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"type":"bundle","id":"bundle--6f3a510e-2d8c-5b41-9a07-4ec2319d58b6","objects":[` + ex + `]}`))
		if err != nil {
			t.Fatal(err)
		}
		if bundleSchema.Validate(inst) == nil {
			t.Logf("bundle.json now accepts a %s: remove it from bundleSchemaGaps", typ)
		}
	}
}

func TestSTIXSchemaFixture(t *testing.T) {
	out, _ := exportBytes(t, FormatSTIX, Docs(fixtureDocs(t)), fixtureOptions(t))
	validateSTIX(t, out)
}

func TestSTIXSchemaDemo(t *testing.T) {
	if standardsDir() == "" {
		t.Skip("shared/standards not found")
	}
	d := loadDemo(t)
	out, st := exportBytes(t, FormatSTIX, Docs(d.docs), Options{KB: d.kb})
	validateSTIX(t, out)
	checkRequired(t, parseBundle(t, out))
	t.Logf("demo corpus: %+v", st)
}

// TestSTIXSchemaRejects makes sure the validation can fail: a broken object
// must not pass.
func TestSTIXSchemaRejects(t *testing.T) {
	_, byType := stixSchemas(t)
	bad := []string{
		`{"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--not-a-uuid","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"X"}`,
		`{"type":"location","spec_version":"2.1","id":"location--6f3a510e-2d8c-5b41-9a07-4ec2319d58b6","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Nowhere"}`,
	}
	for _, s := range bad {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(s))
		typ := inst.(map[string]any)["type"].(string)
		if err := byType[typ].Validate(inst); err == nil {
			t.Errorf("schema accepted %s", s)
		}
	}
}

func TestSTIXRelationshipTypes(t *testing.T) {
	for _, p := range []string{dossier.PredLeads, dossier.PredMemberOf, dossier.PredPartOf, dossier.PredAffiliatedWith,
		dossier.PredAlliedWith, dossier.PredOpposes, dossier.PredAttacked, dossier.PredLocatedIn, "unknown"} {
		if rt := STIXRelationshipType(p); !regexp.MustCompile(`^[a-z0-9-]+$`).MatchString(rt) {
			t.Errorf("%s → %q", p, rt)
		}
	}
	if STIXRelationshipType(dossier.PredAttacked) != "targets" || STIXRelationshipType(dossier.PredLocatedIn) != "located-at" {
		t.Error("spec relationship types not used")
	}
}

func TestUUID5(t *testing.T) {
	a, b := uuid5("x"), uuid5("x")
	if a != b || a == uuid5("y") {
		t.Error("uuid5 is not a function of its name")
	}
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(a) {
		t.Errorf("uuid5 = %s", a)
	}
}

// TestClassify checks how claims decide each entity's STIX type.
func TestClassify(t *testing.T) {
	b := newDoc(t, "classify.txt", "en", "2024-01-01",
		"Karim Testeur attacked the mayor. Lena Agent is a member of the Bureau. "+
			"The Night Wolves are allied with the Islamic State. Paul Doute denied being a member of the Islamic State. "+
			"Sara Membre joined the Islamic State.\n")
	karim := b.entity("e:karim", "Karim Testeur", "PER", "", "Karim Testeur")
	mayor := b.entity("e:mayor", "mayor", "PER", "", "mayor")
	lena := b.entity("e:lena", "Lena Agent", "PER", "", "Lena Agent")
	bureau := b.entity("e:bureau", "Bureau", "ORG", "bureau", "Bureau")
	wolves := b.entity("e:wolves", "Night Wolves", "ORG", "", "Night Wolves")
	is := b.entity("e:islamic-state", "Islamic State", "ORG", "islamic-state", "Islamic State")
	paul := b.entity("e:paul", "Paul Doute", "PER", "", "Paul Doute")
	sara := b.entity("e:sara", "Sara Membre", "PER", "", "Sara Membre")
	b.claim(karim, dossier.PredAttacked, mayor, "attacked the mayor", dossier.ModalityAsserted, 0.9, nil)
	b.claim(lena, dossier.PredMemberOf, bureau, "member of the Bureau", dossier.ModalityAsserted, 0.9, nil)
	b.claim(wolves, dossier.PredAlliedWith, is, "allied with", dossier.ModalityAsserted, 0.9, nil)
	b.claim(paul, dossier.PredMemberOf, is, "denied being", dossier.ModalityDenied, 0.1, nil)
	b.claim(sara, dossier.PredMemberOf, is, "joined", dossier.ModalityAsserted, 0.9, nil)
	k := fixtureKB(t)
	if _, err := k.MergeWatchlist([]*kb.Entry{{ID: "bureau", Type: kb.ORG, Kind: kb.KindAgency, Name: "Bureau"}}); err != nil {
		t.Fatal(err)
	}
	out, _ := exportBytes(t, FormatSTIX, Docs{b.doc}, Options{KB: k, Now: fixedNow})
	bun := parseBundle(t, out)
	want := map[string]string{
		"Karim Testeur": "threat-actor", // carried out an attack
		"mayor":         "identity",     // a victim
		"Lena Agent":    "identity",     // member of an agency, not of a group
		"Bureau":        "identity",
		"Night Wolves":  "intrusion-set", // unknown to the KB, allied to a terrorist group
		"Islamic State": "intrusion-set",
		"Paul Doute":    "identity", // the membership is denied
		"Sara Membre":   "threat-actor",
	}
	for name, typ := range want {
		if byName(bun, typ, name) == nil {
			t.Errorf("%s is not a %s", name, typ)
		}
	}
	if o := byName(bun, "identity", "Bureau"); o == nil || mustJSON(o["sectors"]) != `["government-national"]` {
		t.Errorf("agency sectors: %v", o)
	}
	checkRequired(t, bun)
}
