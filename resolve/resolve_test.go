package resolve

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
	"github.com/dossier-project/dossier/mentions"
	"github.com/dossier-project/dossier/segment"
)

var (
	once     sync.Once
	testKB   *kb.KB
	testSeg  *segment.Stage
	testMen  *mentions.Stage
	setupErr error
)

func setup(tb testing.TB) {
	tb.Helper()
	once.Do(func() {
		lex := lexicon.Default()
		if testKB, setupErr = kb.Load(context.Background()); setupErr != nil {
			return
		}
		if testSeg, setupErr = segment.New(lex); setupErr != nil {
			return
		}
		testMen, setupErr = mentions.New(lex, testKB)
	})
	if setupErr != nil {
		tb.Fatal(setupErr)
	}
}

func extract(tb testing.TB, texts ...[2]string) []*dossier.Document {
	tb.Helper()
	setup(tb)
	var docs []*dossier.Document
	for _, tl := range texts {
		d := &dossier.Document{Text: tl[0], Lang: tl[1]}
		if err := testSeg.Process(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
		if err := testMen.Process(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// idOf returns the corpus id of the first mention with this text in doc.
func idOf(t *testing.T, d *dossier.Document, text string) string {
	t.Helper()
	for _, m := range d.Mentions {
		if d.Slice(m.Span) == text {
			return d.Entities[m.Entity].ID
		}
	}
	t.Fatalf("no mention %q in %q", text, d.Text)
	return ""
}

// newTestResolver is the resolver the engine builds: the embedded knowledge
// base and the lexicons' given names.
func newTestResolver(t *testing.T) *Resolver {
	t.Helper()
	given, err := mentions.GivenNames(lexicon.Default())
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(testKBOrLoad(t), WithGivenNames(given))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestResolve(t *testing.T) {
	r := newTestResolver(t)
	type ref struct {
		doc  int
		text string
	}
	tests := []struct {
		name  string
		docs  [][2]string
		same  [][2]ref
		apart [][2]ref
	}{
		{"translit and language variants",
			[][2]string{{"Al-Qaeda and Wilayat Khorasan were blamed by Jordan.", "en"},
				{"Al-Qaïda et l’État islamique au Khorasan ont été accusés par la Jordanie.", "fr"}},
			[][2]ref{{{0, "Al-Qaeda"}, {1, "Al-Qaïda"}}, {{0, "Wilayat Khorasan"}, {1, "État islamique au Khorasan"}}, {{0, "Jordan"}, {1, "Jordanie"}}},
			nil},
		{"IS vs ISKP, AQ vs AQIM",
			[][2]string{{"Islamic State and ISKP clashed; Al-Qaeda praised AQIM.", "en"},
				{"The ISIS-K branch and al-Qaida were named.", "en"}},
			[][2]ref{{{0, "ISKP"}, {1, "ISIS-K"}}, {{0, "Al-Qaeda"}, {1, "al-Qaida"}}},
			[][2]ref{{{0, "Islamic State"}, {0, "ISKP"}}, {{0, "Al-Qaeda"}, {0, "AQIM"}}, {{0, "Islamic State"}, {1, "ISIS-K"}}}},
		{"unknown people by key",
			[][2]string{{"Karim Benali, a researcher, spoke.", "en"}, {"Le chercheur Karim Bénali a parlé.", "fr"},
				{"Benali said more.", "en"}},
			[][2]ref{{{0, "Karim Benali"}, {1, "Karim Bénali"}}, {{0, "Karim Benali"}, {2, "Benali"}}},
			nil},
		{"namesakes",
			[][2]string{{"Sara Tallis, a lawyer, spoke.", "en"}, {"Paul Tallis, a judge, spoke.", "en"}, {"Tallis said more.", "en"}},
			nil,
			[][2]ref{{{0, "Sara Tallis"}, {1, "Paul Tallis"}}, {{0, "Sara Tallis"}, {2, "Tallis"}}, {{1, "Paul Tallis"}, {2, "Tallis"}}}},
		{"a bare common given name is nobody's surname in another article",
			[][2]string{{"Captain Yusuf Ibrahim said the post was attacked.", "en"},
				{"Pilgrims honoured the prophet Ibrahim in the old mosque.", "en"},
				{"Les fidèles ont prié le prophète Ibrahim.", "fr"}},
			[][2]ref{{{1, "Ibrahim"}, {2, "Ibrahim"}}},
			[][2]ref{{{0, "Yusuf Ibrahim"}, {1, "Ibrahim"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := extract(t, tc.docs...)
			if err := r.Resolve(context.Background(), docs); err != nil {
				t.Fatal(err)
			}
			for _, p := range tc.same {
				a, b := idOf(t, docs[p[0].doc], p[0].text), idOf(t, docs[p[1].doc], p[1].text)
				if a != b || a == "" {
					t.Errorf("%q (%s) and %q (%s) should share an id", p[0].text, a, p[1].text, b)
				}
			}
			for _, p := range tc.apart {
				a, b := idOf(t, docs[p[0].doc], p[0].text), idOf(t, docs[p[1].doc], p[1].text)
				if a == b {
					t.Errorf("%q and %q must not share id %s", p[0].text, p[1].text, a)
				}
			}
		})
	}
}

func testKBOrLoad(t *testing.T) *kb.KB {
	setup(t)
	return testKB
}

func TestResolveDeterministic(t *testing.T) {
	r, _ := New(testKBOrLoad(t))
	in := [][2]string{{"Sara Tallis met Omar Haddou in Kabul.", "en"}, {"Sara Tallis and Paul Tallis.", "en"}}
	a, b := extract(t, in...), extract(t, in...)
	if err := r.Resolve(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := r.Resolve(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	for i := range a {
		for j := range a[i].Entities {
			if a[i].Entities[j].ID != b[i].Entities[j].ID || a[i].Entities[j].ID == "" {
				t.Fatalf("ids differ or empty: %q vs %q", a[i].Entities[j].ID, b[i].Entities[j].ID)
			}
		}
	}
	if got := idOf(t, a[0], "Kabul"); !strings.HasPrefix(got, "e:") || got == "e:" {
		t.Errorf("Kabul id %q", got)
	}
}

func BenchmarkMentionsResolve(b *testing.B) {
	setup(b)
	r, _ := New(testKB)
	var docs []*dossier.Document
	words := 0
	for _, f := range []struct{ path, lang string }{{"../mentions/testdata/fixture_en.txt", "en"}, {"../mentions/testdata/fixture_fr.txt", "fr"}} {
		raw, err := os.ReadFile(f.path)
		if err != nil {
			b.Fatal(err)
		}
		d := &dossier.Document{Text: strings.Repeat(string(raw)+"\n", 3), Lang: f.lang}
		if err := testSeg.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		words += len(strings.Fields(d.Text))
		docs = append(docs, d)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := testMen.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		if err := r.Resolve(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// knownStub answers incremental resolution from fixed key tables.
type knownStub map[dossier.KeyKind]map[string][]string

func (k knownStub) EntitiesByKey(_ context.Context, typ string, kind dossier.KeyKind, keys []string) ([]string, error) {
	var out []string
	for _, key := range keys {
		out = append(out, k[kind][typ+"|"+key]...)
	}
	return out, nil
}

func (k knownStub) EntityExists(context.Context, string) (bool, error) { return false, nil }

// TestResolveAgainstGivenName: the store's one person whose last name is a
// common given name does not absorb a bare mention of that name; a bare
// ordinary surname still joins its one bearer.
func TestResolveAgainstGivenName(t *testing.T) {
	r := newTestResolver(t)
	stored := knownStub{dossier.KeyLast: {
		"PER|" + kb.Key("Ibrahim"): {"e:yusuf-ibrahim"},
		"PER|" + kb.Key("Tallis"):  {"e:sara-tallis"},
	}}
	for _, c := range []struct {
		text, name, want string
	}{
		{"Pilgrims honoured the prophet Ibrahim in the old mosque.", "Ibrahim", ""},
		{"Tallis said more on Monday.", "Tallis", "e:sara-tallis"},
	} {
		d := extract(t, [2]string{c.text, "en"})[0]
		if err := r.ResolveAgainst(context.Background(), d, stored); err != nil {
			t.Fatal(err)
		}
		id := idOf(t, d, c.name)
		if (c.want == "" && id == "e:yusuf-ibrahim") || (c.want != "" && id != c.want) {
			t.Errorf("%q: id %s, want %q (empty: a fresh one)", c.name, id, c.want)
		}
	}
}
