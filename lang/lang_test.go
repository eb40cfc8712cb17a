package lang

import (
	"context"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

func TestDetect(t *testing.T) {
	s, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, want string }{
		{"The security services believe the cell was planning an attack on a concert hall before the arrests last week in the north of the city.", "en"},
		{"Les services de renseignement estiment que la cellule préparait une attaque contre une salle de concert avant les interpellations de la semaine dernière.", "fr"},
		{"Die Ermittler gehen davon aus, dass die Gruppe einen Anschlag auf ein Konzert in der Innenstadt geplant hatte, bevor die Polizei eingriff.", "de"},
		{"Los investigadores creen que la célula planeaba un atentado contra una sala de conciertos antes de las detenciones de la semana pasada.", "es"},
		{"short", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := s.Detect(c.text); got != c.want {
			t.Errorf("Detect(%.40q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestTrigramFallback(t *testing.T) {
	// Without a lexicon every answer comes from whatlanggo; the answers must agree.
	fast, _ := New(lexicon.Default(), Options{})
	slow, err := New(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"The security services believe the cell was planning an attack on a concert hall before the arrests last week in the north of the city.",
		"Les services de renseignement estiment que la cellule préparait une attaque contre une salle de concert avant les interpellations de la semaine dernière.",
		"Следователи считают, что группа готовила нападение на концертный зал в центре города.",
	} {
		if a, b := fast.Detect(text), slow.Detect(text); a != b {
			t.Errorf("fast path %q, trigram %q for %.40q", a, b, text)
		}
	}
	if got := slow.Detect("Следователи считают, что группа готовила нападение на концертный зал в центре города."); got != "ru" {
		t.Errorf("Russian detected as %q", got)
	}
}

func TestRestrictedSet(t *testing.T) {
	s, err := New(lexicon.Default(), Options{Languages: []string{"en", "fr"}})
	if err != nil {
		t.Fatal(err)
	}
	// German text with only en/fr allowed must still come out as one of them, never "de".
	got := s.Detect("Die Ermittler gehen davon aus, dass die Gruppe einen Anschlag geplant hatte, bevor die Polizei eingriff.")
	if got == "de" {
		t.Fatalf("restricted detector returned a language outside its set: %q", got)
	}
	if _, err := New(lexicon.Default(), Options{Languages: []string{"xx"}}); err == nil {
		t.Fatal("unknown code accepted")
	}
}

func TestBodyNotBoilerplate(t *testing.T) {
	s, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	nav := "Accueil Monde Politique Économie Se connecter Abonnez-vous à notre lettre d'information quotidienne gratuite dès maintenant\n"
	body := "The prosecutor said the two men had travelled to Syria in 2014 and returned through Turkey the following year with forged passports.\n"
	doc := &dossier.Document{Text: nav + body, Boilerplate: []dossier.Span{{Start: 0, End: len(nav)}}}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Lang != "en" {
		t.Fatalf("Lang = %q, want en (body only)", doc.Lang)
	}
}

func TestSampleBounded(t *testing.T) {
	line := "Une phrase assez longue pour compter comme de la prose dans un article de presse sur le terrorisme. "
	text := ""
	for i := 0; i < 100; i++ {
		text += line + "\n"
	}
	doc := &dossier.Document{Text: text}
	if got := Sample(doc, 500); len(got) > 500 || len(got) < 400 {
		t.Fatalf("sample length %d, want in (400, 500]", len(got))
	}
}

func BenchmarkDetect(b *testing.B) {
	s, _ := New(lexicon.Default(), Options{})
	para := "Les services de renseignement estiment que la cellule préparait une attaque contre une salle de concert avant les interpellations de la semaine dernière, selon une source proche du dossier.\n"
	text := ""
	for len(text) < 8000 {
		text += para
	}
	doc := &dossier.Document{Text: text}
	words := 0
	inWord := false
	for _, c := range text {
		if c == ' ' || c == '\n' {
			inWord = false
		} else if !inWord {
			inWord = true
			words++
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Process(context.Background(), doc)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestShortAndListDocuments: results tables, headline lists and all-caps
// lines are told by their few function words, or left undecided with a
// warning; the character statistics never guess on names and numbers.
func TestShortAndListDocuments(t *testing.T) {
	s, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, want string }{
		{"RESULTS OF THE NORLAND CUP\nVessa Rovers 2 Arvel City 1\nKessel United 0 Port Verin 3\nLumen Athletic 1 Harbourton 1\nStandings after the third round of the season", "en"},
		{"Vessa Rovers 2 Arvel City 1\nKessel United 0 Port Verin 3\nLumen Athletic 1 Harbourton 1\nOstavia Sporting 4 Norland FC 2", ""},
		{"RÉSULTATS DE LA COUPE DU NORLAND\nVessa 2 Arvel 1\nKessel 0 Verin 3\nClassement après la troisième journée et les matchs en retard", "fr"},
	}
	for _, c := range cases {
		if got := s.Detect(c.text); got != c.want {
			t.Errorf("Detect(%.50q) = %q, want %q", c.text, got, c.want)
		}
	}
	doc := &dossier.Document{Text: cases[1].text}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Lang != "" || len(doc.Warnings) != 1 || doc.Warnings[0] != TooShortWarning {
		t.Errorf("undecided document: lang %q, warnings %q", doc.Lang, doc.Warnings)
	}
}

// TestShortWordsSharedWithAnotherLanguage: a few short function words that
// another language also writes ("si", "sa", "na" are French and Tagalog;
// "na", "w", "i" Polish) do not make a text of that language French or
// Portuguese: against the text's own vocabulary they are few. A scorecard that
// repeats its few lower-case words still reads as English.
func TestShortWordsSharedWithAnotherLanguage(t *testing.T) {
	s, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, notWant, want string }{
		{"Sinabi ni Maria na pupunta siya sa palengke bukas ng umaga. Si Juan naman ay nasa bahay at nagluluto ng hapunan para sa kanyang pamilya. Malakas ang ulan sa probinsya kaya sarado ang mga paaralan. Hindi raw sila makakauwi hangga't hindi humuhupa ang baha sa kalsada.", "fr", ""},
		{"Nowy prezes spółki ukończył prawo na uniwersytecie w Krakowie i pracował w kilku firmach energetycznych, zanim objął stanowisko. Rada nadzorcza wybrała go jednogłośnie na posiedzeniu w czwartek, a akcjonariusze przyjęli decyzję bez sprzeciwu.", "pt", ""},
		{"VESSA V KESSEL SCORECARD\nScorecard of the one-day match between Vessa and Kessel on Sunday:\nVessa innings\nA. Marlow c Holt b Varga 31\nT. Ruane c Holt b Varga 7\nP. Senn lbw b Doran 5\nK. Abel run out 7\nJ. Brand c Doran b Varga 24\nL. Quill not out 12\nExtras (lb-4 w-1) 5\nTotal (for 5 wickets, 50 overs) 91", "", "en"},
	}
	for _, c := range cases {
		got := s.Detect(c.text)
		if c.notWant != "" && got == c.notWant {
			t.Errorf("Detect(%.50q) = %q", c.text, got)
		}
		if c.want != "" && got != c.want {
			t.Errorf("Detect(%.50q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestGuess: a document too short to report a language is still read with
// the word lists of the language its few function words point to; names
// and numbers alone point nowhere.
func TestGuess(t *testing.T) {
	s, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, lang, guess string }{
		{"Standings after the games\nVessa Rovers 2 1 0 7\nKessel United 1 1 1 4", "", "en"},
		{"Classement après la journée\nVessa 2 1 0 7\nKessel 1 1 1 4", "", "fr"},
		{"Vessa Rovers 2 Arvel City 1\nKessel United 0 Port Verin 3", "", ""},
	} {
		doc := &dossier.Document{Text: c.text}
		if err := s.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if doc.Lang != c.lang || doc.LangGuess != c.guess || doc.ReadingLang() != c.guess {
			t.Errorf("%.40q: lang %q guess %q reading %q, want %q/%q", c.text, doc.Lang, doc.LangGuess, doc.ReadingLang(), c.lang, c.guess)
		}
	}
	doc := &dossier.Document{Text: "The court in Vessa heard the case of the two men on Friday and will rule on it next week, the prosecutor said."}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Lang != "en" || doc.LangGuess != "" || doc.ReadingLang() != "en" {
		t.Errorf("prose: lang %q guess %q", doc.Lang, doc.LangGuess)
	}
}
