package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/resolve"
	"github.com/dossier-project/dossier/sqlite"
)

// Fixtures written for these tests.
const (
	enArticle = `Police detain two suspects over planned attack on Hamburg rail station

Published 12 March 2024

German police detained two men in Hamburg on Tuesday over a planned attack on the central rail station, prosecutors said. Investigators believe the men had pledged allegiance to the Islamic State and had tried to buy weapons online.

"The threat was concrete and imminent," said Karin Vogel, a spokeswoman for the federal prosecutor. She said at least 30 officers took part in the raids and that 5,000 euros in cash were seized.

Vogel added that the two suspects, aged 19 and 23, had been under surveillance since January. The Islamic State has called on supporters in Europe to strike transport hubs.
`
	frArticle = `Les États-Unis sanctionnent un réseau de financement des Chabab

Publié le 4 avril 2023

Le Trésor américain a sanctionné mardi un réseau de collecteurs de fonds accusé de financer les Chabab en Somalie, a annoncé le département d’État. Selon Washington, le réseau aurait transféré plus de 2 millions de dollars aux Chabab.

« Ces financiers permettent aux Chabab de poursuivre leurs attentats », a déclaré Lucie Marchand, porte-parole du Trésor. Les terroristes présumés utilisaient des sociétés écrans à Mogadiscio et à Nairobi, où la police kényane a interpellé deux suspects.
`
	// The English article's later coverage: the spokeswoman by surname only.
	followUp = `Hamburg suspects charged with terrorism offences

Published 20 March 2024

Federal prosecutors charged the two men arrested in Hamburg last week with preparing a serious act of violence. Vogel told reporters that the investigation into their contacts abroad was continuing and that a third person was being sought by the police.
`
)

var engineOnce = sync.OnceValues(func() (*engine.Engine, error) {
	return engine.New(context.Background(), engine.Config{Workers: 1})
})

func testEngine(t testing.TB) *engine.Engine {
	t.Helper()
	eng, err := engineOnce()
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

func openTemp(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// record extracts text and resolves it against the store, as ingest does.
func record(t testing.TB, db *sqlite.DB, name, text string) *dossier.Record {
	t.Helper()
	ctx := context.Background()
	eng := testEngine(t)
	doc, err := ingest.Extract(ctx, eng, name, "", []byte(text), 0)
	if err != nil {
		t.Fatal(err)
	}
	res := eng.Resolver()
	if err := res.ResolveAgainst(ctx, doc, db); err != nil {
		t.Fatal(err)
	}
	rec := &dossier.Record{Doc: doc, Raw: []byte(text), Source: dossier.Source{Name: name, RetrievedAt: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)},
		Hash: dossier.ContentHash([]byte(text)), SimHash: ingest.SimHash(doc)}
	for i := range doc.Entities {
		rec.Keys = append(rec.Keys, resolve.EntityKeys(doc, &doc.Entities[i]))
	}
	return rec
}

func put(t testing.TB, db *sqlite.DB, name, text string) dossier.PutResult {
	t.Helper()
	res, err := db.Put(context.Background(), record(t, db, name, text))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestPutDuplicatesAndNearDuplicates(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	first := put(t, db, "en.txt", enArticle)
	if first.Status != dossier.PutNew || first.ID == 0 {
		t.Fatalf("first put = %+v", first)
	}
	again := put(t, db, "copy-of-en.txt", enArticle)
	if again.Status != dossier.PutExists || again.ID != first.ID {
		t.Fatalf("same bytes again = %+v, want exists #%d", again, first.ID)
	}
	// A syndicated copy: another outlet's furniture and one edited word.
	syndicated := "WIRE SERVICE — reprinted with permission\n\n" + strings.Replace(enArticle, "Tuesday", "Wednesday", 1) + "\nShare this article\n"
	near := put(t, db, "wire.txt", syndicated)
	if near.Status != dossier.PutNearDuplicate || near.Original != first.ID || near.Distance > dossier.NearDuplicateBits {
		t.Fatalf("syndicated copy = %+v, want near-duplicate of #%d", near, first.ID)
	}
	other := put(t, db, "fr.txt", frArticle)
	if other.Status != dossier.PutNew {
		t.Fatalf("another article = %+v, want new", other)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 || st.NearDuplicates != 1 || st.Languages["en"] != 1 || st.Languages["fr"] != 1 {
		t.Fatalf("stats = %+v", st)
	}
	hits, err := db.Search(ctx, dossier.SearchQuery{Text: "Hamburg"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Doc.ID != first.ID {
		t.Fatalf("search without duplicates = %+v, want only #%d", hits, first.ID)
	}
	hits, err = db.Search(ctx, dossier.SearchQuery{Text: "Hamburg", IncludeDuplicates: true})
	if err != nil || len(hits) != 2 {
		t.Fatalf("search with duplicates: %d hits, %v", len(hits), err)
	}
}

func TestSearch(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	en := put(t, db, "en.txt", enArticle).ID
	fr := put(t, db, "fr.txt", frArticle).ID
	tests := []struct {
		query  string
		filter dossier.SearchQuery
		want   []int64
	}{
		{query: "Hamburg", want: []int64{en}},
		{query: "etats-unis", want: []int64{fr}},                // accents folded
		{query: "ETATS UNIS", want: []int64{fr}},                // case folded
		{query: "attacks", want: []int64{en}},                   // stemmed: "attack"
		{query: "terroriste", want: []int64{fr}},                // stemmed: "terroristes"
		{query: `"rail station"`, want: []int64{en}},            // phrase
		{query: `"station rail"`, want: nil},                    // phrase order matters
		{query: "financ*", want: []int64{fr}},                   // prefix
		{query: "Hamburg OR Mogadiscio", want: []int64{en, fr}}, // either
		{query: "police -Hamburg", want: []int64{fr}},           // exclusion
		{query: "Hamburg Mogadiscio", want: nil},                // both
		{query: "NEAR(station) title:x", want: nil},             // FTS5 syntax is searched as words
		{query: "station", filter: dossier.SearchQuery{Lang: "fr"}, want: nil},
		{query: "police", filter: dossier.SearchQuery{Since: "2024-01-01"}, want: []int64{en}},
		{query: "police", filter: dossier.SearchQuery{Until: "2023"}, want: []int64{fr}},
		{query: "police", filter: dossier.SearchQuery{Until: "2023-04"}, want: []int64{fr}},
		{query: "police", filter: dossier.SearchQuery{Since: "2023-05"}, want: []int64{en}},
	}
	for _, tc := range tests {
		q := tc.filter
		q.Text = tc.query
		hits, err := db.Search(ctx, q)
		if err != nil {
			t.Errorf("%q: %v", tc.query, err)
			continue
		}
		var got []int64
		for _, h := range hits {
			got = append(got, h.Doc.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q %+v: got %v, want %v", tc.query, tc.filter, got, tc.want)
		}
	}
	hits, err := db.Search(ctx, dossier.SearchQuery{Text: "Chabab"})
	if err != nil || len(hits) != 1 {
		t.Fatalf("Chabab: %v %v", hits, err)
	}
	if !strings.Contains(hits[0].Snippet, dossier.SnippetStart+"Chabab"+dossier.SnippetEnd) {
		t.Errorf("snippet %q does not highlight Chabab", hits[0].Snippet)
	}
	if _, err := db.Search(ctx, dossier.SearchQuery{Text: " -- ** "}); !errors.Is(err, sqlite.ErrEmptyQuery) {
		t.Errorf("empty query error = %v", err)
	}
}

func TestEntityPageAndIncrementalResolution(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	en := put(t, db, "en.txt", enArticle).ID
	put(t, db, "fr.txt", frArticle)
	later := put(t, db, "followup.txt", followUp).ID

	found, err := db.FindEntities(ctx, "karin vogel", "")
	if err != nil || len(found) == 0 {
		t.Fatalf("find Karin Vogel: %v %v", found, err)
	}
	vogel := found[0]
	if vogel.Type != dossier.TypePER || vogel.Documents != 2 {
		t.Fatalf("Karin Vogel = %+v, want a person in 2 documents (the follow-up names her by surname)", vogel)
	}
	page, err := db.EntityPage(ctx, vogel.ID)
	if err != nil {
		t.Fatal(err)
	}
	var why []string
	for _, a := range page.Aliases {
		why = append(why, a.Reason)
	}
	if !slices.ContainsFunc(why, func(r string) bool { return strings.HasPrefix(r, resolve.ReasonSurname) }) {
		t.Errorf("aliases %+v: want the follow-up's surname link with reason %s", page.Aliases, resolve.ReasonSurname)
	}
	var docs []int64
	for _, d := range page.Docs {
		docs = append(docs, d.ID)
	}
	slices.Sort(docs)
	if !slices.Equal(docs, []int64{en, later}) {
		t.Errorf("documents = %v, want [%d %d]", docs, en, later)
	}
	if page.FirstSeen != "2024-03-12" || page.LastSeen != "2024-03-20" {
		t.Errorf("seen %s … %s, want 2024-03-12 … 2024-03-20", page.FirstSeen, page.LastSeen)
	}

	// A knowledge-base entity, found by an alias in another language.
	found, err = db.FindEntities(ctx, "al-Shabaab", "ORG")
	if err != nil || len(found) == 0 {
		t.Fatalf("find al-Shabaab: %v %v", found, err)
	}
	if found[0].KB == "" {
		t.Errorf("al-Shabaab = %+v, want a KB entity", found[0])
	}
	page, err = db.EntityPage(ctx, found[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Docs) != 1 || page.Docs[0].Lang != "fr" {
		t.Errorf("al-Shabaab documents = %+v, want the French one", page.Docs)
	}
	var figures []string
	for _, f := range page.Figures {
		figures = append(figures, f.Unit)
		if !strings.Contains(f.Sentence.Text, f.Text) {
			t.Errorf("figure %q not in its sentence %q", f.Text, f.Sentence.Text)
		}
	}
	if !slices.Contains(figures, dossier.UnitMoneyUSD) {
		t.Errorf("figures near al-Shabaab = %+v, want the 2 million dollars", page.Figures)
	}
	if _, err := db.EntityPage(ctx, "e:nobody"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("missing entity error = %v", err)
	}
}

func TestSpansRoundTrip(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	rec := record(t, db, "en.txt", enArticle)
	id := put(t, db, "en.txt", enArticle).ID
	var sentences, spans []byte
	var n int
	// Token spans are not stored (reindex recomputes them); sentences are.
	if err := db.SQL().QueryRowContext(ctx, `SELECT sentences FROM layers WHERE doc_id = ?`, id).Scan(&sentences); err != nil {
		t.Fatal(err)
	}
	got, err := sqlite.UnpackSpans(sentences, len(enArticle))
	if err != nil || !slices.Equal(got, rec.Doc.Sentences) {
		t.Errorf("sentences: %v, %d stored vs %d", err, len(got), len(rec.Doc.Sentences))
	}
	rows, err := db.SQL().QueryContext(ctx, `SELECT mentions, spans FROM doc_entities WHERE doc_id = ?`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	total := 0
	for rows.Next() {
		if err := rows.Scan(&n, &spans); err != nil {
			t.Fatal(err)
		}
		ms, err := sqlite.UnpackSpans(spans, len(enArticle))
		if err != nil || len(ms) != n {
			t.Errorf("mention spans: %v, %d vs %d", err, len(ms), n)
		}
		total += len(ms)
	}
	if total == 0 {
		t.Error("no mention spans stored")
	}
	if _, err := sqlite.UnpackSpans([]byte{0x02, 0xff}, 10); err == nil {
		t.Error("corrupt spans decoded without error")
	}
}

func TestMigrationsAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	if _, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true}); err == nil {
		t.Fatal("read-only open of a missing database succeeded")
	}
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	put(t, db, "en.txt", enArticle)
	db.Close()
	db, err = sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := db.Stats(ctx)
	if err != nil || st.SchemaVersion != sqlite.SchemaVersion() || st.Documents != 1 {
		t.Fatalf("after reopen: %+v %v", st, err)
	}
	var mode string
	if err := db.SQL().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q %v, want wal", mode, err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO schema_version VALUES (99, 'future')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := sqlite.Open(ctx, path, sqlite.Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opening a newer schema: %v, want a 'newer' error", err)
	}
}

func TestReplaceKeepsDocumentAndReindexes(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	id := put(t, db, "fr.txt", frArticle).ID
	rec := record(t, db, "fr.txt", frArticle)
	rec.Doc.Meta.Title = "Titre remplacé"
	if err := db.Replace(ctx, id, rec); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, dossier.SearchQuery{Text: "remplacé"})
	if err != nil || len(hits) != 1 || hits[0].Doc.ID != id {
		t.Fatalf("search new title: %+v %v", hits, err)
	}
	if hits, _ := db.Search(ctx, dossier.SearchQuery{Text: "sanctionnent Trésor"}); len(hits) != 1 {
		t.Fatalf("body still indexed once: %d hits", len(hits))
	}
	var n int
	db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM layers WHERE doc_id = ?`, id).Scan(&n)
	if n != 1 {
		t.Errorf("layers rows = %d, want 1", n)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Errorf("FTS integrity after replace: %v", err)
	}
	if err := db.Replace(ctx, 999, rec); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("replace missing = %v", err)
	}
}

// TestReadersDuringWrites reads through one connection while another
// writes: WAL keeps readers working.
func TestReadersDuringWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wal.db")
	ctx := context.Background()
	writer, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	put(t, writer, "seed.txt", frArticle)
	reader, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	recs := make([]*dossier.Record, 30)
	for i := range recs {
		text := enArticle + "\nCorrection number " + strings.Repeat("x", i+1) + ".\n"
		recs[i] = record(t, writer, "en.txt", text)
		recs[i].SimHash = uint64(i+1) * 0x9E3779B97F4A7C15 // far apart: not near duplicates
	}
	done := make(chan error, 1)
	go func() {
		for _, r := range recs {
			if _, err := writer.Put(ctx, r); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	reads, last := 0, 0
	for finished := false; !finished; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			finished = true
		default:
		}
		st, err := reader.Stats(ctx)
		if err != nil {
			t.Fatalf("read during write: %v", err)
		}
		if st.Documents < last {
			t.Fatalf("documents went from %d to %d", last, st.Documents)
		}
		last = st.Documents
		if _, err := reader.Search(ctx, dossier.SearchQuery{Text: "Hamburg"}); err != nil {
			t.Fatalf("search during write: %v", err)
		}
		reads++
	}
	if st, _ := reader.Stats(ctx); st.Documents != 31 {
		t.Errorf("documents after writes = %d, want 31", st.Documents)
	}
	if reads < 2 {
		t.Errorf("only %d reads overlapped the writes", reads)
	}
}

// TestFindEntityByKnowledgeBaseForm: an entity is found by a name the
// knowledge base gives it in any language or spelling, though no stored
// document wrote that form.
func TestFindEntityByKnowledgeBaseForm(t *testing.T) {
	t.Setenv("DOSSIER_KB", filepath.Join(t.TempDir(), "none.csv")) // no user file
	db := openTemp(t)
	ctx := context.Background()
	put(t, db, "k.txt", "Islamic State Khorasan Province claimed the bombing in Kabul on Monday, officials said.\n")
	put(t, db, "f.txt", "Selon la police, Al-Qaïda a revendiqué l'attaque à Bamako mardi.\n")
	for _, c := range []struct{ name, want string }{
		{"IS-K", "e:iskp"},                       // EN acronym never written
		{"Wilayat Khorasan", "e:iskp"},           // transliteration
		{"État islamique au Khorasan", "e:iskp"}, // FR form
		{"al-Qaida", "e:al-qaeda"},               // another spelling
		{"Al-Qaïda au Maghreb islamique", ""},    // known, but not in the corpus
	} {
		found, err := db.FindEntities(ctx, c.name, "")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := ""
		if len(found) > 0 {
			got = found[0].ID
		}
		if got != c.want {
			t.Errorf("FindEntities(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSeenFromPublicationDates: first and last seen are publication dates;
// an undated document does not move them, and an entity named only in
// undated documents gets its ingestion days, labelled.
func TestSeenFromPublicationDates(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	put(t, db, "en.txt", enArticle) // published 2024-03-12
	put(t, db, "undated.txt", "Karin Vogel met the Harbour Cell's envoy, Tomas Brenner, in Vessa.\n")
	found, err := db.FindEntities(ctx, "Karin Vogel", "")
	if err != nil || len(found) == 0 {
		t.Fatalf("Karin Vogel: %v %v", found, err)
	}
	p, err := db.EntityPage(ctx, found[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.FirstSeen != "2024-03-12" || p.LastSeen != "2024-03-12" || p.SeenIngested {
		t.Errorf("Karin Vogel seen %s … %s (ingested %v), want the publication date only", p.FirstSeen, p.LastSeen, p.SeenIngested)
	}
	found, err = db.FindEntities(ctx, "Tomas Brenner", "")
	if err != nil || len(found) == 0 {
		t.Fatalf("Tomas Brenner: %v %v", found, err)
	}
	if p, err = db.EntityPage(ctx, found[0].ID); err != nil {
		t.Fatal(err)
	}
	if !p.SeenIngested || p.FirstSeen == "" {
		t.Errorf("Tomas Brenner, only in an undated document: seen %q (ingested %v)", p.FirstSeen, p.SeenIngested)
	}
}

// TestFurnitureNotSearchable: words that occur only in a document's
// boilerplate (a subscription box) do not find it, before and after the
// document is re-extracted (Replace), and its body words still do.
func TestFurnitureNotSearchable(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	rec := record(t, db, "a.txt", "Raid near Vessa\n\nGuards were wounded in a raid near Vessa on Monday, officials said.\n\nSubscribe to our newsletter for daily alerts\n")
	rec.Doc.Boilerplate = append(rec.Doc.Boilerplate, lineSpan(rec.Doc.Text, "Subscribe to our newsletter for daily alerts"))
	res, err := db.Put(ctx, rec)
	if err != nil {
		t.Fatal(err)
	}
	count := func(q string) int {
		hits, err := db.Search(ctx, dossier.SearchQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		return len(hits)
	}
	if n := count("newsletter"); n != 0 {
		t.Errorf("furniture word found %d documents", n)
	}
	if n := count("wounded"); n != 1 {
		t.Errorf("body word found %d documents, want 1", n)
	}
	again := record(t, db, "a.txt", "Raid near Vessa\n\nGuards were injured in a raid near Vessa on Monday, officials said.\n\nSubscribe to our newsletter for daily alerts\n")
	again.Doc.Boilerplate = append(again.Doc.Boilerplate, lineSpan(again.Doc.Text, "Subscribe to our newsletter for daily alerts"))
	if err := db.Replace(ctx, res.ID, again); err != nil {
		t.Fatal(err)
	}
	if count("newsletter") != 0 || count("injured") != 1 || count("wounded") != 0 {
		t.Errorf("after replace: newsletter %d, injured %d, wounded %d", count("newsletter"), count("injured"), count("wounded"))
	}
}

// TestSearchFoldsLetters: letters that have no decomposition ("ß", "Œ",
// "Þ", "ø", "ł") are searched as the project folds them everywhere else, so
// either spelling finds the other, in the title and the text, and the
// snippet marks the word as written.
func TestSearchFoldsLetters(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	for _, text := range []string{
		"Checkpoint on the Hauptstraße\n\nPolice closed the Hauptstraße after the Œuvre d'Orient office was searched.\n",
		"Arrest in Þórshöfn\n\nA man was held in Þórshöfn and later moved to Łódź and Tromsø.\n",
		"Plain spelling\n\nThe hauptstrasse and the oeuvre were named again near Thorshofn, Lodz and Tromso.\n",
	} {
		if _, err := db.Put(ctx, record(t, db, fmt.Sprintf("%d.txt", len(text)), text)); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]int{
		"Hauptstraße": 2, "hauptstrasse": 2, "HAUPTSTRASSE": 2, "Œuvre": 2, "oeuvre": 2,
		"Þórshöfn": 2, "thorshofn": 2, "Łódź": 2, "lodz": 2, "Tromsø": 2, "tromso": 2,
		`"Œuvre d'Orient"`: 1, "hauptstra*": 2, "Þórs*": 2,
	} {
		hits, err := db.Search(ctx, dossier.SearchQuery{Text: q})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if len(hits) != want {
			t.Errorf("search %q: %d hits, want %d", q, len(hits), want)
		}
		for _, h := range hits {
			if !strings.Contains(h.Snippet, dossier.SnippetStart) {
				t.Errorf("search %q: snippet %q marks nothing", q, h.Snippet)
			}
		}
	}
}

func lineSpan(text, line string) dossier.Span {
	i := strings.Index(text, line)
	return dossier.Span{Start: i, End: i + len(line)}
}

// TestMigrationFoldsIndexedLetters: a store whose index held "Straße" as
// written (schema 6) is reindexed on open, and the folded spelling finds it.
func TestMigrationFoldsIndexedLetters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Checkpoint on the Hauptstraße\n\nPolice closed the Hauptstraße on Monday.\n"
	res, err := db.Put(ctx, record(t, db, "a.txt", text))
	if err != nil {
		t.Fatal(err)
	}
	put(t, db, "en.txt", enArticle)
	// Back to schema 6: the document indexed as written.
	for _, q := range []string{
		`INSERT INTO search(search, rowid, title, body) VALUES ('delete', ?, 'Checkpoint on the Hauptstrasse', 'Checkpoint on the Hauptstrasse

Police closed the Hauptstrasse on Monday.
')`,
		`INSERT INTO search(rowid, title, body) VALUES (?, 'Checkpoint on the Hauptstraße', 'Checkpoint on the Hauptstraße

Police closed the Hauptstraße on Monday.
')`,
	} {
		if _, err := db.SQL().ExecContext(ctx, q, res.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.SQL().ExecContext(ctx, `DELETE FROM schema_version WHERE version >= 7`); err != nil {
		t.Fatal(err)
	}
	count := func(db *sqlite.DB, q string) int {
		hits, err := db.Search(ctx, dossier.SearchQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		return len(hits)
	}
	if n := count(db, "hauptstrasse"); n != 0 {
		t.Fatalf("the schema-6 index found %d documents for the folded spelling", n)
	}
	db.Close()
	db, err = sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(db, "hauptstrasse"); n != 1 {
		t.Errorf("after migration: %d documents for the folded spelling, want 1", n)
	}
	if n := count(db, "Hauptstraße"); n != 1 {
		t.Errorf("after migration: %d documents for the written spelling, want 1", n)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Errorf("index integrity after migration: %v", err)
	}
}
