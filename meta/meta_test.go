package meta

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

func newStage(tb testing.TB) *Stage {
	tb.Helper()
	s, err := New(lexicon.Default())
	if err != nil {
		tb.Fatal(err)
	}
	s.now = func() time.Time { return time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC) }
	return s
}

func TestMetaTable(t *testing.T) {
	stage := newStage(t)
	tests := []struct {
		name      string
		lang      string
		text      string
		title     string // "" = none expected
		published string // "" = none expected
		dateText  string // text of PublishedSpan; "" = no span expected
	}{
		{"byline with date", "en",
			"Ministers weigh new powers after foiled Olympic plot\n\nBy Staff Reporter July 21, 2024\n\nSecurity services said on Friday that they had stopped a plan.\n",
			"Ministers weigh new powers after foiled Olympic plot", "2024-07-21", "July 21, 2024"},
		{"weekday and date lines before kicker", "en",
			"Saturday\n\n21st Oct 2017\n\nAnalysis\n\nSahel mission raises fears of reprisals in Europe\n\nA senior official warned of revenge attacks on European soil.\n",
			"Sahel mission raises fears of reprisals in Europe", "2017-10-21", "21st Oct 2017"},
		{"updated line after lede", "en",
			"Three dead in harbour shooting; gunman known to police\n\nThe interior minister said on Tuesday that the gunman had acted alone and that the police had shot him.\n\nnews Updated: 14:05 GMT, 3 March 2023\nReuters | Posted by A. Writer\n",
			"Three dead in harbour shooting; gunman known to police", "2023-03-03", "3 March 2023"},
		{"date field label on its own line", "fr",
			"Les migrations en Méditerranée\n\nAuteur\nLena Varga\nDate\n2 mars 2031\nPartager\n\nDans votre travail, vous expliquez qu'il est difficile d'unifier les politiques migratoires de pays voisins.\n",
			"Les migrations en Méditerranée", "2031-03-02", "2 mars 2031"},
		{"date field label beside the date", "fr",
			"La perte des terres fertiles\n\nChaque année, des milliards de tonnes de terres fertiles sont perdues à cause de la dégradation des sols.\n\nAuteur : Lena Varga\n\nDate 23.05.2031\n",
			"La perte des terres fertiles", "2031-05-23", "23.05.2031"},
		{"post metadata printing one date twice", "fr",
			"Une candidature collective au port\n\nLena Varga Politique portuaire 20 janvier 2031 20 janvier 2031 dockers, grève 0 Comment\n\nEn réaction à la candidature du directeur, plus de 250 dockers annoncent une candidature collective à la tête du port.\n",
			"Une candidature collective au port", "2031-01-20", "20 janvier 2031"},
		{"date then byline after a comma", "fr",
			"Les privatisations profitent aux intérêts privés\n\njeudi 13 juin 2030, par Lena Varga\n\nLa porte-parole de l'association était invitée à la radio pour parler du réseau ferré.\n",
			"Les privatisations profitent aux intérêts privés", "2030-06-13", "jeudi 13 juin 2030"},
		// Far down a page (past its top lines, under a standfirst), a date
		// is the publication's when a field's label or a byline goes with it.
		{"date field label on its own line", "fr",
			"Accueil\nMonde\nPolitique\nSociété\nÉconomie\nCulture\nSport\nSciences\nSanté\nPlanète\nVidéos\nPodcasts\nNewsletters\nAgenda\nArchives\nBoutique\n\nLes migrations en Méditerranée\n\nAlors que la mer devient encore une fois la scène d'images insoutenables, un démographe revient sur les politiques de l'Union.\n\nMigration\nEurope\nDémographie\nAsile\nFrontières\nTurquie\n\nDate\n2 mars 2031\nPartager\n\nDans votre travail, vous expliquez qu'il est difficile d'unifier les politiques migratoires de pays voisins.\n",
			"Les migrations en Méditerranée", "2031-03-02", "2 mars 2031"},
		{"date field label beside the date", "fr",
			"Accueil\nMonde\nPolitique\nSociété\nÉconomie\nCulture\nSport\nSciences\nSanté\nPlanète\nVidéos\nPodcasts\nNewsletters\nAgenda\nArchives\nBoutique\n\nLa perte des terres fertiles\n\nChaque année, des milliards de tonnes de terres fertiles sont perdues à cause de la dégradation des sols.\n\nMigration\nEurope\nDémographie\nAsile\nFrontières\nTurquie\n\nDate 23.05.2031\n\nLes agronomes de la région recommandent de planter des haies.\n",
			"La perte des terres fertiles", "2031-05-23", "23.05.2031"},
		{"date then byline after a comma", "fr",
			"Accueil\nMonde\nPolitique\nSociété\nÉconomie\nCulture\nSport\nSciences\nSanté\nPlanète\nVidéos\nPodcasts\nNewsletters\nAgenda\nArchives\nBoutique\n\nLes privatisations profitent aux intérêts privés\n\nLa porte-parole de l'association était invitée à la radio pour parler de l'ouverture du réseau ferré à la concurrence.\n\nMigration\nEurope\nDémographie\nAsile\nFrontières\nTurquie\n\njeudi 13 juin 2030, par Lena Varga\n\nElle a rappelé que les usagers n'avaient pas été consultés.\n",
			"Les privatisations profitent aux intérêts privés", "2030-06-13", "jeudi 13 juin 2030"},
		{"published beats updated", "en",
			"Court jails recruiter for ten years\nUpdated 5 May 2022\nPublished 4 May 2022\nThe court heard that he had recruited young men for the group over three years.\n",
			"Court jails recruiter for ten years", "2022-05-04", "4 May 2022"},
		{"published beats updated on one line", "fr",
			"Le recruteur condamné à dix ans\nMis à jour le 05/05/2022 à 12h20 | Publié le 04/05/2022 à 10h05\nLa cour a entendu qu'il avait recruté des jeunes hommes pendant trois ans.\n",
			"Le recruteur condamné à dix ans", "2022-05-04", "04/05/2022"},
		{"date and clock time under the first paragraph", "en",
			"Doctors run short of fuel in besieged city\n\nA doctor checks an injured child at the city's main hospital after strikes on the northern districts in the spring.\n\nLena Varga, Paul Varnak\n\nNovember 8 2023, 3:18 p.m. ET\n\nThe assault has left the health sector close to collapse, doctors said.\n",
			"Doctors run short of fuel in besieged city", "2023-11-08", "November 8 2023"},
		{"caption date is not a dateline", "en",
			"Archive footage resurfaces online\n\nFootage from June 19th 2001 showing fighters at a camp in the mountains.\n\nThe video circulated widely.\n",
			"Archive footage resurfaces online", "", ""},
		{"excerpt header with full date", "en",
			" date 2020-11-03 e-paper\nFour dead in city-centre shooting\n\nPolice said on Tuesday that a gunman had opened fire near a synagogue.\n",
			"Four dead in city-centre shooting", "2020-11-03", "2020-11-03"},
		{"header glued to prose: no title", "en",
			" date 2017-05-24 The army chief said the fighting began when troops raided a hideout used by the militant leader.\n\nMore follows.\n",
			"", "2017-05-24", "2017-05-24"},
		{"header in another language than the article", "fr",
			"Le recruteur condamné à dix ans\nUpdated May 5, 2022, Published May 4, 2022\nLa cour a entendu qu'il avait recruté des jeunes hommes pendant trois ans.\n",
			"Le recruteur condamné à dix ans", "2022-05-04", "May 4, 2022"},
		{"french published cue", "fr",
			"Monde\n\nLe parquet antiterroriste ouvre une enquête après l'attaque d'un commissariat\n\nPublié le 3 novembre 2014 à 10h02\n\nUn homme a été interpellé dimanche soir près de la gare.\n",
			"Le parquet antiterroriste ouvre une enquête après l'attaque d'un commissariat", "2014-11-03", "3 novembre 2014"},
		{"french updated and byline", "fr",
			"Attentat déjoué : deux adolescents mis en examen – AFP\nPar Jeanne Martin\nmis à jour le 12 avril 2021\nLes deux jeunes ont été arrêtés mardi à Lille.\n",
			"Attentat déjoué : deux adolescents mis en examen", "2021-04-12", "12 avril 2021"},
		// A month-only header gives no day: "lundi 13 juin" may be the event's.
		{"month-only header adds no day", "fr",
			" date 2022-06 L'armée doit quitter la base lundi 13 juin, a annoncé l'état-major. La remise des clés se fera en présence des forces locales.\n",
			"", "", ""},
		{"own dateline over excerpt header", "en",
			" date 2031-06-02 Harbour guards foil drone attack\n\n2031/05/17\n\nGuards shot down two drones over the grain terminal on Sunday night, the port authority said.\n",
			"Harbour guards foil drone attack", "2031-05-17", "2031/05/17"},
		{"numeric date line, day first", "fr",
			"Trois passeurs jugés à Vessa\n\n17/05/2031\n\nTrois hommes comparaissent depuis lundi devant le tribunal, accusés d'avoir fait passer des combattants.\n",
			"Trois passeurs jugés à Vessa", "2031-05-17", "17/05/2031"},
		{"date in a player line's segment", "fr",
			"Trois passeurs jugés à Vessa\n\nTrois passeurs jugés à Vessa / Le journal de 19h / 2 min. / le 3 mars 2031\n\nTrois hommes comparaissent depuis lundi devant le tribunal, accusés d'avoir fait passer des combattants.\n",
			"Trois passeurs jugés à Vessa", "2031-03-03", "3 mars 2031"},
		{"month-only header, weekday does not fit", "fr",
			" date 2024-11 Un adolescent a été mis en examen ce mardi 12 octobre, selon une source proche du dossier.\n",
			"", "", ""},
		{"a week ago on a dated Sunday", "en",
			"Kabul's fall alarms European services\n\nThe capture of the capital just a week ago, on Sunday August 15th, worries officials. A book published in April 2021 had predicted it.\n",
			"Kabul's fall alarms European services", "2021-08-22", ""},
		{"weekday date without year evidence", "en",
			"Kabul's fall alarms European services\n\nThe capture of the capital just a week ago, on Sunday August 15th, worries officials.\n",
			"Kabul's fall alarms European services", "", ""},
		{"year-less weekday date alone is not publication", "fr",
			"Au Sahel, une attaque massive contre un camp militaire\nLe groupe a lancé dimanche 26 novembre un assaut, rapporte une source sécuritaire en 2023.\n",
			"Au Sahel, une attaque massive contre un camp militaire", "", ""},
		{"outlet suffix stripped", "en",
			"Raid shows the group kept its links with the network – CNN\n\nAn operation last year carried messages between the two groups, an official said.\n",
			"Raid shows the group kept its links with the network", "", ""},
		{"prose first: no title", "en",
			"Abstract: The insurgency in the north has shown renewed vitality with an ambitious attack on a coastal town that was home to hundreds of foreign workers.\n",
			"", "", ""},
		// A page copied whole: the site's masthead shows the day's date above
		// the menus; the article's own date stands nearest its text.
		{"masthead date over a whole page's menus", "en",
			"Thursday, May 22, 2031\n" + strings.Repeat("Local news\n", 25) + "Harbour guards foil drone attack\nMay 17, 2031\n" +
				"Guards shot down two drones over the grain terminal on Sunday night, the port authority said in a statement.\n",
			"Harbour guards foil drone attack", "2031-05-17", "May 17, 2031"},
		{"publication cue line with times, under the menus", "en",
			"Thursday, May 22, 2031\n" + strings.Repeat("Local news\n", 25) + "Harbour guards foil drone attack\n" +
				"PUBLISHED: May 17, 2031 at 4:56 p.m. | UPDATED: May 18, 2031 at 6:00 p.m.\n" +
				"Guards shot down two drones over the grain terminal on Sunday night, the port authority said in a statement.\n",
			"Harbour guards foil drone attack", "2031-05-17", "May 17, 2031"},
		// A standfirst before the byline: the date on the line under "By …"
		// is the byline's, though the standfirst already reads as prose.
		{"date under a byline below a standfirst", "en",
			"Thursday, May 22, 2031\n" + strings.Repeat("Local news\n", 25) + "Harbour guards foil drone attack\n" +
				"The port authority says the guards have been trained for months, and that more drones are expected over the summer.\n" +
				"By Lena Varga\nMay 17, 2031\n" +
				"Guards shot down two drones over the grain terminal on Sunday night, the port authority said in a statement.\n",
			"Harbour guards foil drone attack", "2031-05-17", "May 17, 2031"},
		// A caption glued to the first paragraph reads as prose: the byline
		// and the date alone on its line under it are still the article's.
		{"date under a glued caption and a bare byline", "fr",
			strings.Repeat("Rubriques\n", 25) + "Vessa sévira contre les trottinettes\n" +
				"Photo: Lena Varga Archives Le Courrier Les vélos partagés de la ville ont servi à 80 000 trajets cet automne, surtout le week-end.\n" +
				"Oru Kessel\n19 février 2031\n" +
				"En raison du taux élevé d'infractions, la Ville ne renouvellera pas les permis l'an prochain, a annoncé le maire.\n",
			"Vessa sévira contre les trottinettes", "2031-02-19", "19 février 2031"},
		// Under the first paragraph and a heading, a date in the heading is an event's.
		{"date in a heading under the first paragraph", "en",
			strings.Repeat("Local news\n", 25) + "Harbour guards foil drone attack\n" +
				"Guards shot down two drones over the grain terminal on Sunday night, the port authority said in a statement.\n" +
				"New fares from 01.01.2032\n" +
				"The single ticket will cost more from January, the transport board said.\n",
			"Harbour guards foil drone attack", "", ""},
		{"written-by byline with its date", "en",
			"Harbour guards foil drone attack\nWritten by Lena Varga on May 17, 2031\n" +
				"Guards shot down two drones over the grain terminal on Sunday night, the port authority said in a statement.\n",
			"Harbour guards foil drone attack", "2031-05-17", "May 17, 2031"},
		{"unknown language uses every lexicon", "",
			"Explosion near the embassy\nPublié le 8 mars 2019\nTexte.\n",
			"Explosion near the embassy", "2019-03-08", "8 mars 2019"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &dossier.Document{Text: tc.text, Lang: tc.lang}
			if err := stage.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			if doc.Meta.Title != tc.title {
				t.Errorf("title %q, want %q", doc.Meta.Title, tc.title)
			}
			if tc.title != "" {
				if sp := doc.Meta.TitleSpan; sp == nil || tc.text[sp.Start:sp.End] != tc.title || sp.Start != strings.Index(tc.text, tc.title) {
					t.Errorf("title span %v does not cover %q", sp, tc.title)
				}
			}
			got := ""
			if !doc.Meta.Published.IsZero() {
				got = doc.Meta.Published.Format("2006-01-02")
			}
			if got != tc.published {
				t.Errorf("published %q, want %q", got, tc.published)
			}
			switch sp := doc.Meta.PublishedSpan; {
			case tc.dateText == "" && sp != nil:
				t.Errorf("published span %v (%q), want none", *sp, tc.text[sp.Start:sp.End])
			case tc.dateText != "" && (sp == nil || tc.text[sp.Start:sp.End] != tc.dateText):
				t.Errorf("published span %v, want %q", sp, tc.dateText)
			}
		})
	}
}

func TestKeepsReaderMetadata(t *testing.T) {
	stage := newStage(t)
	pub := time.Date(2019, 1, 2, 0, 0, 0, 0, time.UTC)
	doc := &dossier.Document{
		Text: "Another headline in the text body\nPublished 4 May 2022\nBody.\n",
		Lang: "en",
		Meta: dossier.Meta{Title: "From HTML", Published: pub},
	}
	if err := stage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Meta.Title != "From HTML" || !doc.Meta.Published.Equal(pub) || doc.Meta.TitleSpan != nil || doc.Meta.PublishedSpan != nil {
		t.Errorf("reader metadata overwritten: %+v", doc.Meta)
	}
}

func TestTitleSkipsBoilerplate(t *testing.T) {
	stage := newStage(t)
	text := "Subscribe to our newsletter today\nSuspect held after knife attack at station\nThe man was arrested at the scene.\n"
	doc := &dossier.Document{Text: text, Lang: "en", Boilerplate: []dossier.Span{{Start: 0, End: len("Subscribe to our newsletter today")}}}
	if err := stage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Meta.Title != "Suspect held after knife attack at station" {
		t.Errorf("title %q", doc.Meta.Title)
	}
}

// TestParserFallback covers a cue line our scanner cannot read: the general
// parser resolves it, and only when a year is visible.
func TestParserFallback(t *testing.T) {
	stage := newStage(t)
	doc := &dossier.Document{Text: "Bomb threat closes airport terminal\nPublished: 2022/03/04\nPassengers were evacuated.\n", Lang: "en"}
	if err := stage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Meta.Published.Format("2006-01-02"); got != "2022-03-04" {
		t.Errorf("published %s, want 2022-03-04", got)
	}
	doc = &dossier.Document{Text: "Bomb threat closes airport terminal\nPublished: 4 days after the alert\nPassengers were evacuated.\n", Lang: "en"}
	if err := stage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if !doc.Meta.Published.IsZero() {
		t.Errorf("published %v from a line without a year", doc.Meta.Published)
	}
}

func TestNewNil(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
}

func FuzzMeta(f *testing.F) {
	for _, s := range []string{
		" date 2020-11-03 e-paper\nFour dead in shooting\nBy Staff July 21, 2024\n",
		" date 2024-11 mardi 13 novembre\n",
		"Saturday\n\n21st Oct 2017\nInterview\nHeadline here – CNN\n",
		"a week ago, on Sunday August 15th in 2021",
		"\xff date 2020-13-45\n\xc3\x28 Publié le 31 février 2020",
		"",
	} {
		f.Add(s, "en")
		f.Add(s, "fr")
	}
	stage := newStage(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		doc := &dossier.Document{Text: text, Lang: lang}
		if err := stage.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, sp := range []*dossier.Span{doc.Meta.TitleSpan, doc.Meta.PublishedSpan} {
			if sp == nil {
				continue
			}
			if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
				t.Fatalf("span %v out of range", *sp)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[sp.Start:sp.End]) {
				t.Fatalf("span %v cuts a rune", *sp)
			}
		}
		if sp := doc.Meta.TitleSpan; sp != nil && text[sp.Start:sp.End] != doc.Meta.Title {
			t.Fatalf("title %q != text at span %q", doc.Meta.Title, text[sp.Start:sp.End])
		}
		if (doc.Meta.Title == "") != (doc.Meta.TitleSpan == nil) {
			t.Fatalf("title %q with span %v", doc.Meta.Title, doc.Meta.TitleSpan)
		}
	})
}

// TestOutletFromHeadlineTag: the outlet tag a headline carries (" – CNN")
// becomes the outlet when the reader gave none; a reader's outlet stays.
func TestOutletFromHeadlineTag(t *testing.T) {
	stage := newStage(t)
	for _, c := range []struct{ text, reader, want string }{
		{"Deadly raid shows the group kept its links – Harbour News\nThe raid took place on Monday.\n", "", "Harbour News"},
		{"Une crue inattendue coupe la route du col | Le Courrier\nLa route a été fermée lundi.\n", "", "Le Courrier"},
		{"Deadly raid shows the group kept its links – Harbour News\nThe raid took place on Monday.\n", "From HTML", "From HTML"},
		{"Deadly raid shows the group kept its links\nThe raid took place on Monday.\n", "", ""},
	} {
		doc := &dossier.Document{Text: c.text, Lang: "en", Meta: dossier.Meta{Outlet: c.reader}}
		if err := stage.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if doc.Meta.Outlet != c.want {
			t.Errorf("%q: outlet %q, want %q", c.text, doc.Meta.Outlet, c.want)
		}
	}
}

// A sentence standing alone among the page's furniture (a form's message)
// is not the article's first paragraph: the dateline under the menus that
// follow it is still read.
func TestIsolatedNoticeIsNoFirstParagraph(t *testing.T) {
	stage := newStage(t)
	furniture := []string{"Share", "Send by email", "Menu"}
	var b strings.Builder
	var bp []dossier.Span
	add := func(s string, isBP bool) {
		start := b.Len()
		b.WriteString(s)
		if isBP {
			bp = append(bp, dossier.Span{Start: start, End: b.Len()})
		}
		b.WriteString("\n\n")
	}
	add(furniture[0], true)
	add("Sorry, we could not send this article just now. Please try again in a few minutes.", false)
	add(furniture[1], true)
	for i := 0; i < 30; i++ {
		add(furniture[2], true)
	}
	add("Doctors run short of fuel in besieged city", false)
	add("By Lena Varga. Published November 2, 2023 at 14:49", false)
	add("The assault has left the health sector close to collapse, doctors in the city said on Thursday.", false)
	doc := &dossier.Document{Text: b.String(), Lang: "en", Boilerplate: bp}
	if err := stage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Meta.Published.Format("2006-01-02"); got != "2023-11-02" {
		t.Errorf("published %s, want 2023-11-02", got)
	}
}

// A teaser's summary between a furniture line and a section's label is not
// the article's first paragraph either: the date under the title is read.
func TestTeaserSummaryIsNoFirstParagraph(t *testing.T) {
	stage := newStage(t)
	var b strings.Builder
	var bp []dossier.Span
	add := func(s string, isBP bool) {
		start := b.Len()
		b.WriteString(s)
		if isBP {
			bp = append(bp, dossier.Span{Start: start, End: b.Len()})
		}
		b.WriteString("\n\n")
	}
	for i := 0; i < 30; i++ {
		add("Menu", true)
	}
	add("Satellite pictures show a third of the harbour's warehouses were damaged or destroyed, researchers said.", false)
	add("Special Series", false)
	add("Harbour crisis, explained", true)
	add("Map: after a month of strikes, a third of Varnak's harbour is damaged", true)
	add("November 9, 2031 5:01 AM ET", false)
	add("Satellite images show that as much as a third of the harbour has been damaged, researchers said on Thursday.", false)
	doc := &dossier.Document{Text: b.String(), Lang: "en", Boilerplate: bp}
	if err := stage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Meta.Published.Format("2006-01-02"); got != "2031-11-09" {
		t.Errorf("published %s, want 2031-11-09", got)
	}
}

// TestTitleOverArticle: on a whole page, the headline is the one right
// over the article (past its byline and dates), not a leftover line of the
// menus above; when cleaning took the headline for a teaser, the marked
// line over the byline is still the title.
func TestTitleOverArticle(t *testing.T) {
	stage := newStage(t)
	for _, c := range []struct {
		lines  []string
		marked map[int]bool
		want   string
	}{
		{[]string{"Please enter a search term.", "Local News", "Weather", "Dock workers end nine-day strike at Harbourton", "by: Lena Varga", "Posted: Nov 8, 2031 / 10:35 PM PST",
			"Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left forty ships waiting."},
			map[int]bool{1: true, 2: true, 5: true}, "Dock workers end nine-day strike at Harbourton"},
		{[]string{"Please enter a search term.", "Local News", "Weather", "Dock workers end nine-day strike at Harbourton", "by: Lena Varga", "Posted: Nov 8, 2031 / 10:35 PM PST",
			"Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left forty ships waiting."},
			map[int]bool{1: true, 2: true, 3: true, 5: true}, "Dock workers end nine-day strike at Harbourton"},
	} {
		text := strings.Join(c.lines, "\n")
		doc := &dossier.Document{Text: text, Lang: "en"}
		pos := 0
		for i, l := range c.lines {
			if c.marked[i] {
				doc.Boilerplate = append(doc.Boilerplate, dossier.Span{Start: pos, End: pos + len(l)})
			}
			pos += len(l) + 1
		}
		if err := stage.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if doc.Meta.Title != c.want {
			t.Errorf("marked %v: title %q, want %q", c.marked, doc.Meta.Title, c.want)
		}
	}
}
