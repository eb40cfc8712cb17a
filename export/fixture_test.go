package export

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/kb"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// fixedNow stamps golden exports.
var fixedNow = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// builder writes a document annotation by annotation, finding spans by text.
type builder struct {
	t   testing.TB
	doc *dossier.Document
}

func newDoc(t testing.TB, name, lang, published, text string) *builder {
	d := &dossier.Document{Name: name, Format: "txt", Lang: lang, Text: text}
	if published != "" {
		p, err := time.Parse(time.DateOnly, published)
		if err != nil {
			t.Fatal(err)
		}
		d.Meta.Published = p
	}
	d.Meta.Title, _, _ = strings.Cut(text, "\n")
	return &builder{t: t, doc: d}
}

// span finds the n-th (0-based) occurrence of s.
func (b *builder) span(s string, n int) dossier.Span {
	from := 0
	for ; ; n-- {
		i := strings.Index(b.doc.Text[from:], s)
		if i < 0 {
			b.t.Fatalf("%s: %q not found", b.doc.Name, s)
		}
		if n == 0 {
			return dossier.Span{Start: from + i, End: from + i + len(s)}
		}
		from += i + len(s)
	}
}

// entity adds an entity mentioned by each of forms: the first occurrence of
// each, or the n-th (0-based) for "form#n".
func (b *builder) entity(id, name, typ, kbID string, forms ...string) int {
	d := b.doc
	e := dossier.Entity{ID: id, Name: name, Type: typ, KB: kbID}
	for _, f := range forms {
		n := 0
		if form, nth, ok := strings.Cut(f, "#"); ok {
			f, n = form, int(nth[0]-'0')
		}
		e.Mentions = append(e.Mentions, len(d.Mentions))
		d.Mentions = append(d.Mentions, dossier.Mention{Span: b.span(f, n), Type: typ, Entity: len(d.Entities)})
		if f != name {
			e.Aliases = append(e.Aliases, dossier.Alias{Name: f, Reason: "test"})
		}
	}
	d.Entities = append(d.Entities, e)
	return len(d.Entities) - 1
}

// sentence returns the span of the sentence containing s.
func (b *builder) sentence(s string) dossier.Span {
	sp := b.span(s, 0)
	text := b.doc.Text
	start := strings.LastIndexAny(text[:sp.Start], ".\n") + 1
	for start < len(text) && text[start] == ' ' {
		start++
	}
	end := strings.IndexAny(text[sp.End:], ".\n")
	if end < 0 {
		end = len(text)
	} else {
		end += sp.End + 1
	}
	return dossier.Span{Start: start, End: end}
}

func (b *builder) claim(subj int, pred string, obj int, evidence, modality string, conf float64, attribution *dossier.Speaker) {
	b.doc.Claims = append(b.doc.Claims, dossier.Claim{Subject: subj, Predicate: pred, Object: obj,
		Evidence: b.sentence(evidence), Modality: modality, Confidence: conf, Attribution: attribution})
}

func (b *builder) quote(text string, speaker *dossier.Speaker) {
	b.doc.Quotes = append(b.doc.Quotes, dossier.Quote{Span: b.span(text, 0), Speaker: speaker})
}

func (b *builder) figure(text string, value float64, unit string) {
	b.doc.Figures = append(b.doc.Figures, dossier.Figure{Span: b.span(text, 0), Value: value, Unit: unit, Qualifier: dossier.QualExact})
}

// fixtureDocs is a small hand-written corpus, EN and FR, with every layer an
// export reads. The articles are invented for the tests.
func fixtureDocs(t testing.TB) []*dossier.Document {
	en := newDoc(t, "en-sahel.txt", "en", "2024-05-14",
		"Militants attack army post near Menaka\n"+
			"Fighters of the Islamic State Sahel Province attacked an army post near Menaka on Monday, killing 12 soldiers. "+
			"The group, also known as ISSP, is led by Abu Bakr Example, according to a security source. "+
			"Colonel Jean Exemple, a spokesman for the army, said the post had been reinforced. "+
			"\"We will not abandon Menaka,\" Exemple told reporters. "+
			"Analysts say the ISSP is part of the Islamic State.\n")
	issp := en.entity("e:is-sahel", "Islamic State Sahel Province", "ORG", "is-sahel", "Islamic State Sahel Province", "ISSP")
	army := en.entity("e:army", "army", "ORG", "", "army post")
	menaka := en.entity("e:menaka", "Menaka", "LOC", "menaka", "Menaka")
	leader := en.entity("e:abu-bakr-example", "Abu Bakr Example", "PER", "", "Abu Bakr Example")
	colonel := en.entity("e:jean-exemple", "Jean Exemple", "PER", "", "Jean Exemple", "Exemple")
	is := en.entity("e:islamic-state", "Islamic State", "ORG", "islamic-state", "Islamic State#1")
	en.claim(issp, dossier.PredAttacked, army, "attacked an army post", dossier.ModalityAsserted, 0.9, nil)
	en.claim(leader, dossier.PredLeads, issp, "is led by", dossier.ModalityReported, 0.6,
		&dossier.Speaker{Entity: -1, Span: en.span("a security source", 0), Descriptor: "security source"})
	en.claim(issp, dossier.PredPartOf, is, "is part of the Islamic State", dossier.ModalityHedged, 0.45,
		&dossier.Speaker{Entity: -1, Span: en.span("Analysts", 0), Descriptor: "analysts"})
	en.claim(army, dossier.PredLocatedIn, menaka, "attacked an army post near Menaka", dossier.ModalityAsserted, 0.8, nil)
	en.quote("We will not abandon Menaka,", &dossier.Speaker{Entity: colonel, Span: en.span("Exemple told", 0)})
	en.figure("12", 12, dossier.UnitKilled)

	fr := newDoc(t, "fr-sahel.txt", "fr", "2024-06-02",
		"Nouvelle attaque revendiquée par l'EIGS\n"+
			"L'État islamique au Sahel (EIGS) a revendiqué l'attaque de Tessit, où 20 civils ont été tués. "+
			"Selon un responsable local, le groupe est dirigé par Abu Bakr Example. "+
			"« Nous ne céderons pas », a déclaré le maire de Tessit.\n")
	eigs := fr.entity("e:is-sahel", "Islamic State Sahel Province", "ORG", "is-sahel", "État islamique au Sahel", "EIGS")
	tessit := fr.entity("e:tessit", "Tessit", "LOC", "", "Tessit")
	leaderFR := fr.entity("e:abu-bakr-example", "Abu Bakr Example", "PER", "", "Abu Bakr Example")
	fr.claim(eigs, dossier.PredAttacked, tessit, "a revendiqué l'attaque", dossier.ModalityAsserted, 0.85, nil)
	fr.claim(leaderFR, dossier.PredLeads, eigs, "est dirigé par", dossier.ModalityReported, 0.6,
		&dossier.Speaker{Entity: -1, Span: fr.span("un responsable local", 0), Descriptor: "responsable local"})
	fr.quote("Nous ne céderons pas", &dossier.Speaker{Entity: -1, Span: fr.span("le maire de Tessit", 0), Descriptor: "maire de Tessit"})
	fr.figure("20", 20, dossier.UnitKilled)

	empty := newDoc(t, "en-brief.txt", "en", "", "A short note without names.\n")
	return []*dossier.Document{en.doc, fr.doc, empty.doc}
}

// fixtureKB is a tiny knowledge base giving the fixture's groups their kinds.
func fixtureKB(t testing.TB) *kb.KB {
	k := kb.Empty()
	_, err := k.MergeWatchlist([]*kb.Entry{
		{ID: "islamic-state", Type: kb.ORG, Kind: kb.KindTerroristOrg, Name: "Islamic State", Aliases: []string{"ISIS"}},
		{ID: "is-sahel", Type: kb.ORG, Kind: kb.KindTerroristOrg, Name: "Islamic State Sahel Province", Aliases: []string{"ISSP", "EIGS"}, Country: "ML"},
		{ID: "menaka", Type: kb.LOC, Kind: kb.KindCity, Name: "Menaka", Country: "ML", Lat: 15.92, Lon: 2.4, HasCoords: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func fixtureOptions(t testing.TB) Options {
	return Options{KB: fixtureKB(t), Now: fixedNow}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, diffLines(string(want), string(got)))
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return ""
}

// extractDir runs the engine over a directory and resolves the documents.
func extractDir(dir string) (demo, error) {
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.Config{})
	if err != nil {
		return demo{}, err
	}
	var docs []*dossier.Document
	err = eng.Run(ctx, []string{dir}, nil, func(r engine.Result) error {
		if r.Err == nil {
			docs = append(docs, r.Doc)
		}
		return nil
	})
	if err != nil {
		return demo{}, err
	}
	if err := eng.Resolve(ctx, docs); err != nil {
		return demo{}, err
	}
	return demo{docs: docs, kb: eng.KB()}, nil
}

// demoCorpus extracts the bundled demo corpus once, through the engine.
var demoCorpus = sync.OnceValues(func() (demo, error) {
	return extractDir(filepath.Join("..", "demo", "corpus"))
})

type demo struct {
	docs []*dossier.Document
	kb   *kb.KB
}

func loadDemo(t testing.TB) demo {
	d, err := demoCorpus()
	if err != nil {
		t.Fatalf("extract demo corpus: %v", err)
	}
	if len(d.docs) < 20 {
		t.Fatalf("demo corpus: %d documents", len(d.docs))
	}
	return d
}

// devDir locates the development corpus beside the checkout, or "".
func devDir() string {
	for _, dir := range []string{filepath.Join("..", "..", "shared", "eval", "dev"), "/work/shared/eval/dev"} {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return ""
}
