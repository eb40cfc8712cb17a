package web

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/sqlite"
)

// docBuilder writes a resolved document by hand: spans are found by
// searching the text, so fixtures read as prose.
type docBuilder struct {
	t   testing.TB
	doc *dossier.Document
}

func newDoc(t testing.TB, name, lang, published, text string) *docBuilder {
	d := &dossier.Document{Name: name, Format: "txt", Text: text, Lang: lang}
	if published != "" {
		p, err := time.Parse("2006-01-02", published)
		if err != nil {
			t.Fatal(err)
		}
		d.Meta.Published = p
	}
	// One sentence per line, as the segmenter would find them here.
	at := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimRight(line, "\n")
		if strings.TrimSpace(body) != "" {
			d.Sentences = append(d.Sentences, dossier.Span{Start: at, End: at + len(body)})
		}
		at += len(line)
	}
	return &docBuilder{t: t, doc: d}
}

// span finds the nth (0-based) occurrence of s.
func (b *docBuilder) span(s string, nth int) dossier.Span {
	b.t.Helper()
	from := 0
	for i := 0; ; i++ {
		k := strings.Index(b.doc.Text[from:], s)
		if k < 0 {
			b.t.Fatalf("%q not in fixture %s", s, b.doc.Name)
		}
		if i == nth {
			return dossier.Span{Start: from + k, End: from + k + len(s)}
		}
		from += k + len(s)
	}
}

// entity adds an entity with a mention at each given occurrence of each form.
func (b *docBuilder) entity(id, name, typ, kb string, forms ...string) int {
	ix := len(b.doc.Entities)
	e := dossier.Entity{ID: id, Name: name, Type: typ, KB: kb}
	for _, f := range forms {
		for n := 0; strings.Count(b.doc.Text, f) > n; n++ {
			e.Mentions = append(e.Mentions, len(b.doc.Mentions))
			b.doc.Mentions = append(b.doc.Mentions, dossier.Mention{Span: b.span(f, n), Type: typ, Entity: ix})
		}
		if f != name {
			e.Aliases = append(e.Aliases, dossier.Alias{Name: f, Reason: "test-alias"})
		}
	}
	b.doc.Entities = append(b.doc.Entities, e)
	return ix
}

// sortMentions orders mentions by offset, as the pipeline does, and
// renumbers the entities' references to them.
func (b *docBuilder) sortMentions() {
	d := b.doc
	order := make([]int, len(d.Mentions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return d.Mentions[order[i]].Start < d.Mentions[order[j]].Start })
	newIx := make([]int, len(order))
	sorted := make([]dossier.Mention, len(order))
	for to, from := range order {
		newIx[from] = to
		sorted[to] = d.Mentions[from]
	}
	d.Mentions = sorted
	for e := range d.Entities {
		for k, m := range d.Entities[e].Mentions {
			d.Entities[e].Mentions[k] = newIx[m]
		}
		sort.Ints(d.Entities[e].Mentions)
	}
}

func (b *docBuilder) sentenceOf(s dossier.Span) dossier.Span {
	for _, x := range b.doc.Sentences {
		if x.Contains(s) {
			return x
		}
	}
	return s
}

func (b *docBuilder) claim(subject int, pred string, object int, trigger, modality string, attribution *dossier.Speaker) {
	tr := b.span(trigger, 0)
	b.doc.Claims = append(b.doc.Claims, dossier.Claim{Subject: subject, Predicate: pred, Object: object,
		Evidence: b.sentenceOf(tr), Trigger: &tr, Modality: modality, Confidence: 0.8, Attribution: attribution})
}

func (b *docBuilder) quote(words string, speaker int) {
	sp := b.span(words, 0)
	q := dossier.Quote{Span: sp}
	if speaker >= 0 {
		q.Speaker = &dossier.Speaker{Entity: speaker, Span: b.doc.Mentions[b.doc.Entities[speaker].Mentions[0]].Span}
	}
	b.doc.Quotes = append(b.doc.Quotes, q)
}

func (b *docBuilder) figure(s string, value float64, unit string) {
	b.doc.Figures = append(b.doc.Figures, dossier.Figure{Span: b.span(s, 0), Value: value, Unit: unit, Qualifier: dossier.QualExact})
}

func (b *docBuilder) timex(s, value string, p dossier.Precision) {
	b.doc.Timexes = append(b.doc.Timexes, dossier.Timex{Span: b.span(s, 0), Value: value, Precision: p})
}

func (b *docBuilder) boilerplate(s string) {
	b.doc.Boilerplate = append(b.doc.Boilerplate, b.span(s, 0))
}

// fixtureDocs is a small EN/FR corpus written for these tests, with one
// hostile document whose text is full of markup and script payloads.
func fixtureDocs(t testing.TB) []*dossier.Document {
	en := newDoc(t, "en-raid.txt", "en", "2024-03-12",
		"Raid on a militant cell in Mosul\n"+
			"Iraqi forces said on 10 March 2024 that they killed 12 fighters of the Islamic State near Mosul.\n"+
			"Abu Omar, a commander, leads the cell, officials said.\n"+
			"\"We will not stop,\" said Abu Omar in a recording.\n"+
			"Subscribe to our newsletter\n")
	is := en.entity("e:islamic-state", "Islamic State", "ORG", "islamic-state", "Islamic State")
	mosul := en.entity("e:mosul", "Mosul", "LOC", "mosul", "Mosul")
	omar := en.entity("e:abu-omar", "Abu Omar", "PER", "", "Abu Omar")
	en.claim(omar, dossier.PredLeads, is, "leads", dossier.ModalityReported, nil)
	en.claim(is, dossier.PredLocatedIn, mosul, "near Mosul", dossier.ModalityAsserted, nil)
	en.quote("We will not stop,", omar)
	en.figure("12", 12, dossier.UnitKilled)
	en.timex("10 March 2024", "2024-03-10", dossier.PrecisionDay)
	en.boilerplate("Subscribe to our newsletter")
	en.doc.Meta.Title = "Raid on a militant cell in Mosul"
	en.doc.Meta.Outlet = "The Test Courier"
	en.doc.Meta.URL = "https://news.example/raid"

	fr := newDoc(t, "fr-proces.txt", "fr", "2023-11-02",
		"Procès à Paris : l'État islamique au cœur des débats\n"+
			"Le parquet affirme que trois accusés étaient membres de l'État islamique.\n"+
			"Abu Omar aurait dirigé la cellule depuis Mossoul, selon l'accusation.\n")
	isFR := fr.entity("e:islamic-state", "Islamic State", "ORG", "islamic-state", "État islamique")
	paris := fr.entity("e:paris", "Paris", "LOC", "paris", "Paris")
	omarFR := fr.entity("e:abu-omar", "Abu Omar", "PER", "", "Abu Omar")
	_ = paris
	fr.claim(omarFR, dossier.PredLeads, isFR, "aurait dirigé", dossier.ModalityHedged, &dossier.Speaker{Entity: -1, Descriptor: "accusation", Span: fr.span("l'accusation", 0)})
	fr.figure("trois", 3, dossier.UnitPerson)
	fr.doc.Meta.Title = "Procès à Paris : l'État islamique au cœur des débats"
	fr.doc.Meta.Outlet = "Le Témoin"

	hostile := newDoc(t, "hostile.html", "en", "2024-01-05",
		"<script>window.__pwned=1</script> headline <img src=x onerror=\"window.__pwned=2\">\n"+
			"Click <a href=\"javascript:window.__pwned=3\">here</a> said Evil <b>Corp</b> spokesman.\n"+
			"\"</script><script>window.__pwned=4</script>\" said <svg onload=window.__pwned=5>.\n")
	evil := hostile.entity("e:evil-corp", "Evil <b>Corp</b>", "ORG", "", "Evil <b>Corp</b>")
	scr := hostile.entity("e:script", "<script>window.__pwned=1</script>", "PER", "", "<script>window.__pwned=1</script>")
	hostile.claim(scr, dossier.PredLeads, evil, "javascript:window.__pwned=3", dossier.ModalityAsserted, nil)
	hostile.quote("</script><script>window.__pwned=4</script>", scr)
	hostile.doc.Meta.Title = "<img src=x onerror=\"window.__pwned=6\">"
	hostile.doc.Meta.URL = "javascript:window.__pwned=7"
	hostile.doc.Meta.Outlet = "<i onmouseover=window.__pwned=8>Outlet</i>"

	for _, b := range []*docBuilder{en, fr, hostile} {
		b.sortMentions()
	}
	return []*dossier.Document{en.doc, fr.doc, hostile.doc}
}

// fixtureStore stores the fixture documents and serves them from the store.
func fixtureStore(t testing.TB) *StoreBackend {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "fixture.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for i, d := range fixtureDocs(t) {
		raw := []byte(d.Text)
		rec := &dossier.Record{Doc: d, Raw: raw, Hash: dossier.ContentHash(raw), SimHash: uint64(i+1) * 0x9E3779B97F4A7C15,
			Source: dossier.Source{Name: d.Name, URL: d.Meta.URL, RetrievedAt: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}}
		if _, err := db.Put(ctx, rec); err != nil {
			t.Fatal(err)
		}
	}
	return NewStoreBackend(db, nil)
}
