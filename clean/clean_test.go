package clean

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// want marks the expected verdict of a fixture line.
type want uint8

const (
	keep want = iota + 1 // article body: must not be covered
	drop                 // furniture: must be covered
	free                 // title, byline, subheading, caption: either way
)

type fixtureLine struct {
	text string
	want want
}

// runFixture joins the lines with blank lines between them (or single line
// breaks when tight), runs the stage and checks every line's verdict.
func runFixture(t *testing.T, st *Stage, lines []fixtureLine, tight bool) {
	t.Helper()
	sep := "\n\n"
	if tight {
		sep = "\n"
	}
	var b strings.Builder
	starts := make([]int, len(lines))
	for i, l := range lines {
		if i > 0 {
			b.WriteString(sep)
		}
		starts[i] = b.Len()
		b.WriteString(l.text)
	}
	doc := &dossier.Document{Name: t.Name(), Format: "txt", Text: b.String()}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, doc.Text, doc.Boilerplate)
	verdicts := st.Explain(doc.Text)
	reason := func(start int) Reason {
		for _, v := range verdicts {
			if v.Start == start {
				return v.Reason
			}
		}
		return ReasonNone
	}
	for i, l := range lines {
		start, end := starts[i], starts[i]+len(l.text)
		covered := false
		for _, s := range doc.Boilerplate {
			if s.Start <= start && end <= s.End {
				covered = true
			}
		}
		switch {
		case l.want == keep && covered:
			t.Errorf("body line dropped (%s): %q", reason(start), l.text)
		case l.want == drop && !covered:
			t.Errorf("furniture kept: %q", l.text)
		}
	}
}

func TestEnglishPage(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"World", drop},
		{"Suicide bomber kills twelve soldiers at checkpoint near Gao", free},
		{"Updated: 14 March 2024, 09:15 GMT", drop},
		{"Image", drop},
		{"By Jane Example", free},
		{"A suicide bomber drove a car packed with explosives into an army checkpoint near Gao on Tuesday, killing at least twelve soldiers, the army said.", keep},
		{"ADVERTISEMENT", drop},
		{"The attack was claimed by the Islamic State Sahel Province in a statement released by its propaganda outlet late on Tuesday.", keep},
		{"Advertisement:", drop},
		{"Who was behind the attack", free},
		{"“We will not let these criminals dictate our future,” the defence minister told reporters in Bamako.", keep},
		{"Investigators said the suspect had used a newsletter subscription and a second email address to reach other members of the cell.", keep},
		{"Share this article", drop},
		{"Subscribe now to get unlimited access to our reporting.", drop},
		{"Already a subscriber? Log in", drop},
		{"Most read", drop},
		{"1. Niger junta expels ambassador", drop},
		{"2. Floods displace thousands in Chad", drop},
		{"3. Burkina Faso suspends two broadcasters", drop},
		{"© 2024 Example Media. All rights reserved.", drop},
	}, false)
}

func TestFrenchPage(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Politique", drop},
		{"Attentat déjoué à Lyon : deux hommes mis en examen", free},
		{"Publié le 12 mars 2024 à 14h30", drop},
		{"Deux hommes soupçonnés de préparer une attaque contre une salle de concert ont été mis en examen samedi, a indiqué le parquet national antiterroriste.", keep},
		{"Lire aussi : Le parquet antiterroriste alerte sur la radicalisation des mineurs", drop},
		{"Selon une source proche de l'enquête, les suspects avaient acheté des produits chimiques sur internet au cours des dernières semaines.", keep},
		{"Crédit photo : AFP", drop},
		{"La chaîne Telegram du groupe comptait près de 3 000 abonnés, selon les enquêteurs, qui ont épluché ses messages.", keep},
		{"Il vous reste 75% de cet article à lire.", drop},
		{"Abonnez-vous pour lire la suite", drop},
		{"Déjà abonné ? Connectez-vous", drop},
		{"Les plus lus", drop},
		{"- Mali : la junte prolonge la transition", drop},
		{"- Niger : un convoi attaqué près de Tillabéri", drop},
		{"- Tchad : le président limoge son chef d'état-major...", drop},
		{"Tous droits réservés", drop},
	}, false)
}

// A tight page: no blank lines, as excerpts often come.
func TestTightExcerpt(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Les forces spéciales ont neutralisé une cellule jihadiste dans le nord du pays, a annoncé mardi l'état-major.", keep},
		{"Au moins huit combattants ont été tués lors de l'opération, menée à l'aube près de la frontière, selon la même source.", keep},
		{"Mieux comprendre, chaque jour", drop}, // a slogan just above the paywall
		{"Abonnez-vous pour lire la suite et accéder à tous nos articles", drop},
		{"Déjà abonné ?", drop},
		{"Connectez-vous", drop},
		{"la suite après cette publicité", drop},
	}, true)
}

// A paywall block: prompt, prices, pitch, then the body resumes.
func TestPaywallBlock(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Police in Hamburg arrested two men on Friday on suspicion of planning an attack on a Christmas market, prosecutors said.", keep},
		{"Thanks for reading our coverage!", drop},
		{"Start your free trial today.", drop},
		{"1. $9 per month", drop},
		{"2. Cancel anytime", drop},
		{"We are a small not-for-profit news organisation and rely on reader subscriptions to fund independent journalism in the region.", drop},
		{"The suspects, aged 19 and 23, had been under surveillance for several weeks, according to the federal prosecutor's office.", keep},
		{"They are accused of preparing a serious act of violence endangering the state.", keep},
	}, false)
}

// Teasers of other articles after the body, then link lists.
func TestTeasersAndLists(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Kicker", drop},
		{"Court jails three men over foiled bomb plot", free},
		{"A court in Brussels sentenced three men to prison terms of between six and twelve years on Monday for plotting to bomb a music festival.", keep},
		{"The judges found that the men had bought components for explosives and scouted the site twice during the summer.", keep},
		{"“This was not a fantasy but a concrete plan,” the presiding judge said as she read out the verdict.", keep},
		{"Army retakes town from militants", drop},
		{"Government troops regained control of the town on Sunday after a week of heavy fighting, officials said.", drop},
		{"Ministers meet over border security", drop},
		{"Interior ministers from five countries will meet next week to discuss joint patrols along the desert border.", drop},
		{"New sanctions target financiers of armed group", drop},
		{"The treasury named four businessmen accused of moving money for the group through front companies.", drop},
		{"Latest news", drop},
		{"1. Parliament extends state of emergency", drop},
		{"2. Hostage freed after months in captivity", drop},
		{"3. Police raid homes in three cities", drop},
		{"Partner content", drop},
		{"1. Agency opens office in the capital", drop},
		{"2. Forum on regional cooperation draws record crowd", drop},
		{"3. Foundation launches scholarship programme", drop},
	}, false)
}

// Lines that look like furniture in part but are body text.
func TestBodyIsKept(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Prosecutors said the teenager had watched propaganda videos for months before he travelled to the capital in March.", keep},
		{"Photo of the suspect was released by police on Wednesday after a court allowed its publication.", keep},
		{"Most popular among the recruits were short clips glorifying attacks in Europe, an investigator said.", keep},
		{"Advertisement campaigns by the group's media wing targeted teenagers on gaming platforms, the report found.", keep},
		{"The platform said the accounts had violated its terms of service and privacy policy and removed them.", keep},
		{"Il a refusé de s'abonner à la thèse d'un acte isolé, a précisé le procureur lors d'une conférence de presse.", keep},
		{"Le 13 novembre 2015, trois commandos ont frappé Paris et Saint-Denis, faisant 130 morts.", keep},
	}, false)
}

// Attribution lines (a person, a lower-case role, a body) between
// paragraphs name who speaks next: they are no subheadings or links.
func TestAttributionLinesKept(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"We asked the heads of three transport firms how they travel to work and what they would change.", keep},
		{"Lena Varga, chief executive, Harbourton Transit Company", keep},
		{"I take the tram most mornings because the roads into the centre are blocked by eight o'clock.", keep},
		{"Omar Bekkali, regional director, Tessly Freight Group", keep},
		{"More buses at night would help the people who clean our offices get home safely.", keep},
	}, false)
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Lena Varga, chief executive, Harbourton Transit", true},
		{"Karim B. Haddad, lawyer, Paris", true},
		{"Varga, in reversal, backs plan", false}, // one word: no name and surname
		{"Police Say Three Men Held, Two Freed", false},
		{"Lena Varga, chief executive", false}, // two parts: a headline may read so
	} {
		if got := attributionLine(tc.line); got != tc.want {
			t.Errorf("attributionLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// A caption whose sentence is glued to its credit ("….CreditLena Varga")
// says something: it is kept like any caption with a sentence.
func TestGluedCaptionKept(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Spending on the debt has doubled in ten years, and the budget office expects it to keep rising.", keep},
		{"Interest on the debt could pass the navy's budget within five years.CreditCreditOru Kessel/NPA, via Tessfoto", keep},
		{"The government could soon pay more in interest than it spends on schools, the report said.", keep},
		// A credit glued before the paragraph under its picture.
		{"Photo: Lena Varga Archives Le Courrier Les vélos partagés de la ville ont servi à 80 000 trajets cet automne, surtout le week-end, selon la mairie.", keep},
		{"Photo : Oru Kessel", drop},
		{"This browser is not supported any more. For an optimal experience, open the page on another browser.", drop},
	}, false)
}

// Hard-wrapped text: the headline rules must not eat wrapped lines.
func TestHardWrappedKept(t *testing.T) {
	st := newTestStage(t)
	text := "Security forces in the north of the country said on Monday that\n" +
		"gunmen had attacked a village overnight, killing at least\n" +
		"fourteen people and burning dozens of homes.\n" +
		"\n" +
		"The Governor of the region condemned the attack and said\n" +
		"reinforcements had been sent to the area to track down\n" +
		"the attackers, who fled on motorbikes.\n"
	spans, err := st.Boilerplate(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	if len(spans) != 0 {
		t.Errorf("wrapped prose marked as furniture: %v %q", spans, text[spans[0].Start:spans[0].End])
	}
}

func TestSpansMergeBlankLines(t *testing.T) {
	st := newTestStage(t)
	body := "The minister said the country would not negotiate with armed groups under any circumstances.\n"
	text := body + "\nADVERTISEMENT\n\nSubscribe now\n\n" + body
	spans, err := st.Boilerplate(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	start := len(body) + 1
	want := []dossier.Span{{Start: start, End: start + len("ADVERTISEMENT\n\nSubscribe now")}}
	if len(spans) != 1 || spans[0] != want[0] {
		t.Fatalf("spans = %v, want %v", spans, want)
	}
}

func TestCRLFAndInvalidUTF8(t *testing.T) {
	st := newTestStage(t)
	text := "Advertisement\r\nThe bombing killed five people, officials said on Sunday, in a statement.\r\n\xff\xfe\r\n"
	spans, err := st.Boilerplate(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, text, spans)
	if len(spans) == 0 || text[spans[0].Start:spans[0].End] != "Advertisement" {
		t.Fatalf("spans = %v", spans)
	}
}

func TestProcessHTMLReadsWithinReaderCuts(t *testing.T) {
	st := newTestStage(t)
	// What an HTML reader hands on: the page's text with the navigation it
	// recognised by markup already cut, and inside the article's markup a
	// subheading, an ad label and a related-links block it could not tell.
	lines := []string{
		"Home | World | Politics | Sport",                      // cut by the reader
		"Ferry service to the islands resumes after the storm", // title
		"The harbour authority reopened the northern crossing on Tuesday after engineers checked the piers damaged by last week's storm.",
		"Repairs still to come", // subheading: kept
		"Two smaller landings will stay closed until new fenders arrive from the mainland, a spokeswoman for the authority said.",
		"Advertisement",
		"Read more",
		"Storm closes schools across the coast",
		"Island traders count the cost of a week without visitors",
		"Contact us | Terms of use", // cut by the reader
	}
	text := strings.Join(lines, "\n\n")
	at := func(i int) dossier.Span {
		start := strings.Index(text, lines[i])
		return dossier.Span{Start: start, End: start + len(lines[i])}
	}
	prior := []dossier.Span{at(0), at(len(lines) - 1)}
	doc := &dossier.Document{Format: "html", Text: text, Boilerplate: append([]dossier.Span(nil), prior...)}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, doc.Text, doc.Boilerplate)
	covered := func(sp dossier.Span) bool {
		for _, b := range doc.Boilerplate {
			if b.Start <= sp.Start && sp.End <= b.End {
				return true
			}
		}
		return false
	}
	for _, i := range []int{0, 5, 6, 9} {
		if !covered(at(i)) {
			t.Errorf("furniture kept: %q", lines[i])
		}
	}
	for _, i := range []int{2, 3, 4} {
		if covered(at(i)) {
			t.Errorf("article line dropped: %q", lines[i])
		}
	}

	doc = &dossier.Document{Format: "txt", Text: "Nothing to see here, the spokesman said on Monday in a statement."}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Boilerplate == nil || len(doc.Boilerplate) != 0 {
		t.Fatalf("want empty non-nil boilerplate, got %#v", doc.Boilerplate)
	}
	if st.Name() != "clean" {
		t.Fatalf("Name() = %q", st.Name())
	}
}

func TestCuesInOtherLanguages(t *testing.T) {
	st := newTestStage(t)
	body := map[string][2]string{
		"de": {"Die Stadtwerke haben am Montag die neue Wasserleitung unter dem Marktplatz in Betrieb genommen.",
			"Nach Angaben der Bauleitung blieb der Verkehr während der Arbeiten weitgehend ungestört."},
		"es": {"El ayuntamiento inauguró el lunes la nueva red de agua bajo la plaza del mercado.",
			"Según la dirección de obra, el tráfico apenas se vio afectado durante los trabajos."},
		"pt": {"A câmara municipal inaugurou na segunda-feira a nova rede de água sob a praça do mercado.",
			"Segundo a direção da obra, o trânsito quase não foi afetado durante os trabalhos."},
		"it": {"Il comune ha inaugurato lunedì la nuova rete idrica sotto la piazza del mercato.",
			"Secondo la direzione dei lavori, il traffico non ha subito grandi disagi."},
		"nl": {"De gemeente heeft maandag de nieuwe waterleiding onder het marktplein in gebruik genomen.",
			"Volgens de bouwleiding had het verkeer nauwelijks last van de werkzaamheden."},
	}
	cues := map[string][]string{
		"de": {"Anzeige", "Artikel teilen", "Zum Inhalt springen"},
		"es": {"Publicidad", "Compartir", "Leer más"},
		"pt": {"Publicidade", "Compartilhar", "Leia mais"},
		"it": {"Pubblicità", "Condividi", "Leggi anche"},
		"nl": {"Advertentie", "Delen", "Lees meer"},
	}
	for lang, b := range body {
		t.Run(lang, func(t *testing.T) {
			c := cues[lang]
			runFixture(t, st, []fixtureLine{
				{c[2], drop},
				{b[0], keep},
				{c[0], drop},
				{b[1], keep},
				{c[1], drop},
			}, false)
		})
	}
}

func TestCanceledContext(t *testing.T) {
	st := newTestStage(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &dossier.Document{Format: "txt", Text: "Advertisement\n"}
	if err := st.Process(ctx, doc); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestRepeatedLines(t *testing.T) {
	st := newTestStage(t)
	footer := "Example Daily Media Group Limited"
	body := "Gunmen attacked a police station in the east of the country overnight, killing three officers, the ministry said."
	author := "Jane Example"
	dateline := "LISBON 2031-05-17"
	texts := []string{"Gunmen kill three officers in raid on police station\n" + dateline + "\n" + author + "\n\n" + body + "\n\n" + footer,
		"Trial of five men opens in the capital\n" + dateline + "\n" + author + "\n\nAnother story about the trial of five men, which opened on Monday in the capital.\n\n" + footer}
	st2, err := st.WithRepeatedLines(context.Background(), append(texts, body), 2)
	if err != nil {
		t.Fatal(err)
	}
	verdicts := st2.Explain(texts[0])
	var gotFooter, gotBody bool
	for _, v := range verdicts {
		switch texts[0][v.Start:v.End] {
		case footer:
			gotFooter = v.Boilerplate && v.Reason == ReasonRepeated
		case body:
			gotBody = v.Boilerplate
		case dateline:
			if v.Boilerplate {
				t.Errorf("a day's recurring dateline marked as furniture (%v)", v.Reason)
			}
		}
	}
	if !gotFooter {
		t.Errorf("repeated footer not marked: %+v", verdicts)
	}
	if gotBody {
		t.Errorf("repeated body sentence marked as furniture")
	}
	if _, ok := st2.repeated[author]; ok {
		t.Errorf("a recurring author's name was learnt as furniture")
	}
	// The original stage is unchanged.
	for _, v := range st.Explain(texts[0]) {
		if v.Reason == ReasonRepeated {
			t.Errorf("WithRepeatedLines modified its receiver")
		}
	}
}

func TestLexiconErrors(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
	empty := lexicon.FromFS(fstest.MapFS{"en/other.yaml": {Data: []byte("x: 1\n")}})
	if _, err := New(empty); !errors.Is(err, lexicon.ErrNoLexicon) {
		t.Errorf("no clean.yaml: err = %v, want ErrNoLexicon", err)
	}
	bad := lexicon.FromFS(fstest.MapFS{"xx/clean.yaml": {Data: []byte("stop_wrods: [a]\n")}})
	if _, err := New(bad); err == nil {
		t.Error("unknown field accepted")
	}
	// A third language is a data file, not code.
	es := lexicon.FromFS(fstest.MapFS{"es/clean.yaml": {Data: []byte("lines: [publicidad]\nprefixes: [\"suscríbete\"]\n")}})
	st, err := New(es)
	if err != nil {
		t.Fatal(err)
	}
	spans, _ := st.Boilerplate(context.Background(), "Publicidad\nSuscríbete para seguir leyendo\n")
	if len(spans) != 1 || spans[0].Start != 0 {
		t.Errorf("Spanish cues: spans = %v", spans)
	}
}

func TestNormalizeTokens(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{"Réservé aux abonné·es", "reserve aux abonne es"},
		{"InternationalInvestigation", "international investigation"},
		{"Photo: AFP", "photo : afp"},
		{"© 2024 Œuvre e-paper", "© 2024 oeuvre e-paper"},
		{"don’t MISS", "don t miss"},
		{"", ""},
	}
	for _, c := range cases {
		if got := strings.Join(normalizeTokens(c.in), " "); got != c.want {
			t.Errorf("normalizeTokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// checkSpans asserts the invariants of the Boilerplate layer.
func checkSpans(tb testing.TB, text string, spans []dossier.Span) {
	tb.Helper()
	prevEnd := -1
	for _, s := range spans {
		if s.Start < 0 || s.Start > s.End || s.End > len(text) {
			tb.Fatalf("span %v out of range [0,%d]", s, len(text))
		}
		if s.Start <= prevEnd {
			tb.Fatalf("spans not sorted and disjoint: %v", spans)
		}
		if s.Start > 0 && text[s.Start-1] != '\n' {
			tb.Fatalf("span %v does not start at a line start", s)
		}
		if s.Start == s.End {
			tb.Fatalf("empty span %v", s)
		}
		_ = text[s.Start:s.End]
		prevEnd = s.End
	}
}

// Hostile inputs: huge repetitive pages must stay linear.
func TestHugeRepetitiveInput(t *testing.T) {
	st := newTestStage(t)
	for _, unit := range []string{"Latest news\n", "Subscribe now\n", "by by by by by by by by ", "- a\n", "\n", "x"} {
		text := strings.Repeat(unit, 200000)
		spans, err := st.Boilerplate(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, text, spans)
	}
}

func TestIsNavLine(t *testing.T) {
	cases := map[string]bool{
		"Home | News | Politics | Crime | Opinion":   true,
		"Accueil  Afrique  Monde  Économie  Idées":   true,
		"Société > Justice > Procès":                 true,
		"Europe · Belgique · Monde":                  true,
		"Afrique | Sahel":                            false, // two items: a section label, not a menu
		"The court sentenced him to life | AFP":      false,
		"Police said the men were held. | Read more": false,
		"Security forces | killed at least twelve militants in the raid on Sunday | officials said": false,
	}
	for line, want := range cases {
		if got := isNavLine(line); got != want {
			t.Errorf("isNavLine(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestPageHeaderBlock(t *testing.T) {
	s := newTestStage(t)
	text := "THE EVENING LEDGER\nWorld News\nHome | World | Politics | Sport\nSign in\n\nPolice arrest three over stadium plot\n\nPolice arrested three men on Tuesday over a plan to attack a stadium, prosecutors said in a statement.\n"
	spans, err := s.Boilerplate(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	covered := func(sub string) bool {
		i := strings.Index(text, sub)
		for _, sp := range spans {
			if sp.Start <= i && i+len(sub) <= sp.End {
				return true
			}
		}
		return false
	}
	for _, furniture := range []string{"THE EVENING LEDGER", "World News", "Home | World", "Sign in"} {
		if !covered(furniture) {
			t.Errorf("%q not marked as boilerplate", furniture)
		}
	}
	for _, content := range []string{"Police arrest three over stadium plot", "Police arrested three men"} {
		if covered(content) {
			t.Errorf("%q marked as boilerplate", content)
		}
	}
}

// Copies of the headline in the page header go, whatever wraps them: a site
// suffix, an excerpt's source tag, a player line; so do word counts; the
// headline itself and the body stay.
func TestHeadlineCopiesAndCounts(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Cookie settings Harbour guards foil drone attack on grain terminal in Vessa - The Norland Ledger", drop},
		{"Harbour guards foil drone attack on grain terminal in Vessa", free},
		{"ledger.example  |  |  412 words", drop},
		{"Harbour guards foil drone attack on grain terminal [ledger.example]", drop},
		{"Harbour guards shot down two drones packed with explosives over the grain terminal in Vessa on Sunday night, the port authority said.", keep},
		{"Nobody was hurt, and the terminal reopened on Monday morning after engineers checked the loading cranes for damage.", keep},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Procès de trois passeurs devant le tribunal de Vessa", free},
		{"Lecture : 3 min", drop},
		{"Procès de trois passeurs devant le tribunal de Vessa / Le journal de 19h / 2 min. / le 3 mars 2031", drop},
		{"Trois hommes accusés d'avoir fait passer des combattants par la frontière comparaissent depuis lundi devant le tribunal de Vessa.", keep},
	}, false)
	// A dateline paragraph that opens on the headline's facts, its final
	// stop missing, is the article's first paragraph.
	runFixture(t, st, []fixtureLine{
		{"Drone attack shuts grain terminal near Vessa", free},
		{"VESSA, Norland — A drone attack shut the grain terminal near Vessa overnight, the port authority said, halting exports from the region's largest harbour for the second time this month", keep},
		{"Engineers checked the loading cranes for damage on Monday morning, and the terminal is expected to reopen by the end of the week.", keep},
	}, false)
}

// Notices and appeals after the article, in the site's voice or addressed
// to the reader, go; a last paragraph in the reporter's voice stays.
// TestShortTitleIsNoKicker: a short line above the text is its title,
// not a kicker; above another headline it is a kicker.
func TestShortTitleIsNoKicker(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Raid in Varnak", keep},
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"World", drop},
		{"Gunmen kill two soldiers in raid on Varnak army post", keep},
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
	}, false)
}

// TestDatedLabel: a series label with its issue number and date is a date
// line, not a title.
func TestDatedLabel(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"The Sahel's Long War: Groups, Money and Guns", keep},
		{"BRIEFING #12 • MAY 2031", drop},
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
	}, false)
}

func TestTailAppeals(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"The court will sentence the two men in June, a spokesman for the prosecutor said on Thursday evening.", keep},
		{"We are not accepting comments on this article at the moment, sorry.", drop},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Les deux hommes seront jugés en juin, a précisé jeudi soir un porte-parole du parquet de Vessa.", keep},
		{"Notre journalisme est indépendant et ne vit que de vous, ses lecteurs.", drop},
		{"Soutenez notre travail en prenant un abonnement dès aujourd'hui, à partir de 1 euro.", drop},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"The court will sentence the two men in June, a spokesman for the prosecutor said on Thursday evening.", keep},
		{"“We will appeal, and we will win,” their lawyer told the court's reporters after the hearing ended.", keep},
	}, false)
	// After the last paragraph, a short sentence between two furniture
	// lines is furniture too; inside the article it is not.
	runFixture(t, st, []fixtureLine{
		{"The court will sentence the two men in June, a spokesman for the prosecutor said on Thursday evening.", keep},
		{"Sign up for our morning newsletter and never miss a story.", drop},
		{"Our principles: how the desk checks its facts.", drop},
		{"Advertisement", drop},
	}, false)
}

// TestAppealsAnywhere: the site addressing the reader about its services is
// furniture wherever the page puts it (a banner above the article, a box
// between two of its paragraphs); the article's own sentences addressing
// someone, or naming a website, stay.
func TestAppealsAnywhere(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"If you are already a subscriber, you can log in to read the whole article on our website.", drop},
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
		{"Want the week's security news in your inbox? Get our free newsletter every Monday morning.", drop},
		{"“You will not frighten this town,” the mayor told a crowd outside the post on Saturday afternoon.", keep},
		{"The group posted a statement on its website claiming the attack and naming two of the gunmen.", keep},
		{"Officials said you could still see the bullet holes in the gate of the post on Sunday morning.", keep},
		{"The army said it had sent reinforcements to the border district and closed two roads to the north.", keep},
		{"The gunmen planned the raid on a messaging app, and police asked residents to please stay away from the port.", keep},
		{"Get the Courier's top stories on your phone with our free app.", drop},
		{"Please read the rules before posting comments.", drop},
		// The site's mail, its sponsors and its affiliate links are its services too.
		{"You can unsubscribe from our emails whenever you like, with one click.", drop},
		{"This blog earns affiliate commissions when you buy through our links.", drop},
		{"The gunmen's emails were read by investigators, who say they planned the raid for weeks.", keep},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Vous avez lu 2 des 5 articles gratuits ce mois-ci : abonnez-vous pour lire la suite.", drop},
		{"Retrouvez toute l'actualité de la région sur votre téléphone avec notre application gratuite.", drop},
		{"Des hommes armés ont attaqué un poste de l'armée à Varnak vendredi, tuant deux soldats, selon le ministère.", keep},
		{"« Vous ne nous ferez pas peur », a lancé le maire devant le poste samedi après-midi, entouré d'habitants.", keep},
		{"Le groupe a revendiqué l'attaque sur son site internet et publié les noms de deux des assaillants.", keep},
		{"Recevez nos courriels chaque matin ; vous pourrez vous désabonner à tout moment.", drop},
	}, false)
}

// TestDecomposedText: a line written with combining accents (some editors
// decompose "é" into "e" and U+0301) meets the same cue as the composed one.
func TestDecomposedText(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Des hommes armés ont attaqué un poste de l'armée à Varnak vendredi, tuant deux soldats, selon le ministère.", keep},
		{"Vos re\u0301actions", drop},
		{"Article pre\u0301ce\u0301dent : la crue du fleuve", drop},
		{"L'armée a envoye\u0301 des renforts dans le district frontalier et fermé deux routes vers le nord du pays.", keep},
	}, false)
}

// TestCreditLines: a picture's credit, alone or after the name of who is
// shown, is furniture; a caption that says something keeps its line.
func TestCreditLines(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
		{"Karim Haddad, photo: Archives of the Norland Police", drop},
		{"The army said it had sent reinforcements to the border district and closed two roads to the north.", keep},
		{"Soldiers guard the gate of the post in Varnak on Saturday. Photo: Lena Varga", keep},
		{"Rescue teams search the rubble in Dorun. Photograph: Tomas Berger/The Norland Courier", keep}, // a sentence before the credit
		{"The photo: a blurred picture of two men on a motorbike, taken by a guard, was released by the police.", keep},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Des hommes armés ont attaqué un poste de l'armée à Varnak vendredi, tuant deux soldats, selon le ministère.", keep},
		{"Crédits photos : Agence Norlandaise", drop},
		{"L'armée a envoyé des renforts dans le district frontalier et fermé deux routes vers le nord du pays.", keep},
	}, false)
}

// TestCopyrightLines: a copyright notice with its year is furniture
// wherever it stands; a caption's credit without a year belongs to the
// caption, which stays.
func TestCopyrightLines(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
		{"Two soldiers stand guard at the gate of the post in Varnak after the attack on Friday night. © Lena Varga/NPA", keep},
		{"The army said it had sent reinforcements to the border district and closed two roads to the north.", keep},
		{"The Norland Courier © 2019-2031, design by Studio Vessa. Hosted in Harbourton.", drop},
		{"Copyright 2031 Norland Courier Media Group Ltd", drop},
		// The sign and its owner alone, no year; a sentence on copyright stays.
		{"Copyright Harbourton Business Journal", drop},
		{"Copyright law protects the work of the port's photographers, the union said.", keep},
	}, false)
}

// TestAuthorBioAnywhere: below the article, a paragraph opening with the
// byline's name and describing a writer is the author's note, even when
// more of the page follows; a paragraph about another journalist stays.
func TestAuthorBioAnywhere(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"By Lena Varga", free},
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
		{"Karim Haddad is a freelance journalist who was held by the group for two years before his release in March.", keep},
		{"The army said it had sent reinforcements to the border district and closed two roads to the north.", keep},
		{"Lena Varga covers security and the northern provinces for the Courier from its bureau in Vessa.", drop},
		{"The Courier is an independent daily founded in 1998 by a group of journalists from the north of the country.", free},
	}, false)
}

// TestPostNavigationAndCommentForms: links to the previous or next post
// (arrows, "Article suivant"), a comment form's notices and "En images" are
// furniture; an arrow inside a sentence is not.
func TestPostNavigationAndCommentForms(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
		{"The army said the road from Varnak → Ostral was closed to traffic on Saturday, a spokesman said.", keep},
		{"← Harbour guards foil drone attack in Vessa", drop},
		{"Your email address will not be published. Required fields are marked *", drop},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Des hommes armés ont attaqué un poste de l'armée à Varnak vendredi, tuant deux soldats, selon le ministère.", keep},
		{"Article suivant Trois passeurs jugés à Vessa : le procès s'ouvre lundi", drop},
		{"Votre adresse de messagerie ne sera pas publiée. Les champs obligatoires sont indiqués avec *", drop},
		{"En images", drop},
	}, false)
}

// TestNoticesKickersAndAuthorNotes: furniture recognised by what it is, not
// by its words: the page speaking of itself outside the prose (age banners,
// syndication footers), a link under a label in capitals, an appeal block
// with its short lines, the byline's author described after the article.
func TestNoticesKickersAndAuthorNotes(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Port guards repel night attack in Vessa", free},
		{"This article is more than 3 years old", drop},
		{"By Lena Varga", free},
		{"Guards at the northern port of Vessa repelled an attack by armed men late on Tuesday, the regional governor said.", keep},
		{"The attackers arrived in two boats shortly before midnight and opened fire on a customs post, officials said.", keep},
		{"This article builds on reporting by the same author in the Vessa Review in October 2020.", keep},
		{"No group has claimed responsibility, but officials blamed a local faction active along the coast since 2021.", keep},
		{"ANALYSIS: Why the northern ports keep burning", drop},
		{"Lena Varga is the Courier's correspondent in the north. She has covered the region since 2015.", drop},
		{"We have a small favour to ask. Millions of readers rely on our independent journalism. If you can, please support us today.", drop},
		{"Support the Courier", drop},
		{"Every contribution, however big or small, makes a difference.", drop},
		{"This story was originally published by the Norland Courier and is republished here with permission.", drop},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Attaque nocturne contre le port de Vessa", free},
		{"Cet article a été publié il y a plus de deux ans.", drop},
		{"Par Lena Varga", free},
		{"Des hommes armés ont attaqué mardi soir le port de Vessa, dans le nord du pays, a indiqué le gouverneur de la région.", keep},
		{"Aucun groupe n'a revendiqué l'attaque, mais les autorités mettent en cause une faction locale active sur la côte.", keep},
		{"LIRE AUSSI : Pourquoi les ports du nord brûlent", drop},
		{"Lena Varga est la correspondante du Courrier dans le nord du pays depuis 2015.", drop},
		{"Vous avez aimé cet article ? Soutenez un journalisme indépendant : abonnez-vous dès aujourd'hui.", drop},
		{"Chaque don compte.", drop},
	}, false)
	// "Un texte de …" signs the article as "Par …" does.
	runFixture(t, st, []fixtureLine{
		{"La juge Oru Kessel quitte le dossier du port de Varnak.", free},
		{"Une juge du tribunal de commerce renonce à une affaire visant un armateur. Selon le magazine Enquête, elle avait conseillé cet armateur.", free},
		{"Un texte de Lena Varga d'Enquête", keep},
		{"Jusqu'à lundi, la juge instruisait la plainte contre un armateur accusé d'avoir maquillé la cargaison de trois navires.", keep},
		{"Les douanes réclament quatre millions d'euros à cet armateur, selon des pièces versées au dossier du tribunal.", keep},
	}, false)
	// A label in capitals before a sentence is the article's own text.
	runFixture(t, st, []fixtureLine{
		{"Guards at the northern port of Vessa repelled an attack by armed men late on Tuesday, the regional governor said.", keep},
		{"UPDATE: Police said on Wednesday that the coast road had reopened to traffic.", keep},
		{"The attackers arrived in two boats shortly before midnight and opened fire on a customs post, officials said.", keep},
	}, false)
}

// TestDateline: a wire dateline names where the story was filed; it is no
// date line, while a series label with a date and a date cue are.
func TestDateline(t *testing.T) {
	st := newTestStage(t)
	for _, first := range []fixtureLine{
		{"LISBON 2031-05-17", keep},
		{"VARNAK, Norland 17/05/2031", keep},
		{"BRIEFING #12 • MAY 2031", drop},
		{"Updated 17 May 2031", drop},
	} {
		runFixture(t, st, []fixtureLine{
			first,
			{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
		}, false)
	}
}

// TestResultsTable: rows of a results table are the article's data, not a
// list of links, headlines or dates, whatever their scores and ranks.
func TestResultsTable(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Standings in the northern league after the matches played on Saturday, with points for each club:", keep},
		{"Harbourton 4 3 1 0 7 4 10", keep},
		{"Vessa Rovers 4 2 1 1 6 5 7", keep},
		{"Kallim Athletic 4 2 0 2 4 3 6", keep},
		{"Norport 4 0 1 3 2 10 1", keep},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Results of the men's 10 km race held in the hills above Varnak on Saturday morning:", keep},
		{"1. Lena Varga (Norland) 26:17.8 (2)", keep},
		{"2. Tom Ashby (Vessaria) 26:24.9 (1)", keep},
		{"3. Karim Benali (Ostavia) 26:33.0 (0)", keep},
		{"Overall standings", free},
		{"1. Varga 89", keep},
		{"2. Ashby 79", keep},
		{"3. Benali 78", keep},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Standings after Saturday's downhill race on the northern slopes above Varnak:", keep},
		{"Downhill Standings", free},
		{"1. Lena Varga (Norland) 180 points", keep},
		{"2. Tessa Kolar (Vessaria) 132", keep},
		{"3. Mira Ostrova (Ostavia) 86", keep},
		{"4. Anja Berti (Kallim) 75", keep},
	}, false)
	// Match results under a round's heading: a row that ends in a score is
	// no headline, and two rows sharing only scores are no copies.
	runFixture(t, st, []fixtureLine{
		{"Results from the Harbourton open on Friday, played on the courts by the river (seeding in brackets):", keep},
		{"Women's singles, third round", free},
		{"Lena Varga (Norland) beat Tessa Kolar (Vessaria) 4-6 6-2 6-1", keep},
		{"Men's singles, second round", free},
		{"4 - Tom Ashby (Vessaria) beat Karim Benali (Ostavia) 6-7 6-2 6-1", keep},
		{"Anja Berti (Kallim) beat Mira Ostrova (Ostavia) 6-2 6-4", keep},
	}, false)
	// Scores after names of two words or more, home sides in capitals.
	runFixture(t, st, []fixtureLine{
		{"Results of the northern league's games played on Friday night (home sides in capitals):", keep},
		{"Vessa Rovers 110 KALLIM ATHLETIC 108 (OT)", keep},
		{"NORPORT 93 Harbourton 81", keep},
		{"Port Ostava 103 VARNAK CITY 85", keep},
	}, false)
}

// TestLongDateLineAndAppeal: a publication and an update date on one line
// are a date line; an appeal addressing the reader about "your paper" after
// the article is furniture.
func TestLongDateLineAndAppeal(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Attaque contre un poste frontalier : trois soldats tués", free},
		{"Publié le 17 mai 2031 à 08h12 - Mis à jour le 18 mai 2031 à 10h30", drop},
		{"Des hommes armés ont attaqué un poste frontalier près de Vessa vendredi soir, tuant trois soldats, a indiqué samedi le ministère.", keep},
		{"Les assaillants ont fui de l'autre côté du fleuve avant l'arrivée des renforts, selon un communiqué du gouverneur de la région.", keep},
		{"Votre journal a besoin de vous. Soutenez une information libre et indépendante dès aujourd'hui.", drop},
	}, false)
}

// TestPageWithoutBlankLines: in a page saved without blank lines, the menu
// above the title is the page header, the byline and the author's role
// below it are the article's, and a topics list after it is furniture.
func TestPageWithoutBlankLines(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Skip to main content", drop},
		{"Menu", drop},
		{"World", drop},
		{"Politics", drop},
		{"Drone strike kills militant commander in eastern Varnak", free},
		{"Tom Ashby", keep},
		{"Security correspondent", keep},
		{"A drone strike killed a senior commander of the Vessa Front and two of his bodyguards late on Wednesday, officials said.", keep},
		{"The commander had led the group's operations in the border region since 2028, according to the interior ministry.", keep},
		{"Topics", drop},
		{"Varnak", drop},
		{"Terrorism", drop},
	}, false)
}

// TestShortTitleEndsHeader: in a page saved without blank lines, a title of
// four words or more ends the header the menu opened.
func TestShortTitleEndsHeader(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Press Releases", drop},
		{"Treasury Designates Financier of Vessa Front", keep},
		{"Today the Treasury designated a financier who has moved funds for the Vessa Front since 2027, officials said.", keep},
		{"He transferred at least two million dollars to the group's commanders in eastern Varnak, according to the statement.", keep},
	}, false)
}

// TestAuthorBioWithoutByline: the last paragraph "Name Surname is a …
// writer for …" is the author's biography even with no byline; a last
// paragraph about a journalist in the news, or one naming a person by the
// surname alone, is the article's.
func TestAuthorBioWithoutByline(t *testing.T) {
	st := newTestStage(t)
	body := fixtureLine{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep}
	runFixture(t, st, []fixtureLine{
		body,
		{"Lena Varga is a senior writer for the Vessa Courier, covering security and the northern provinces.", drop},
	}, false)
	runFixture(t, st, []fixtureLine{
		body,
		{"Karim Haddad is a freelance journalist who was held by the group for two years before his release.", keep},
	}, false)
	runFixture(t, st, []fixtureLine{
		body,
		{"Varga is a reporter for the Courier and was at the post when the attack began, the ministry said.", keep},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Des hommes armés ont attaqué un poste de l'armée à Varnak vendredi, tuant deux soldats, selon le ministère.", keep},
		{"Lena Varga est journaliste au Courrier de Vessa, où elle couvre la sécurité et le nord du pays.", drop},
	}, false)
}

// TestCutTeasersDashMenusAndAges: headlines a page cut short with a spaced
// "..", a menu of many items between spaced dashes and an age in seconds
// are furniture; a headline's single dash and a writer's ellipsis are not.
func TestCutTeasersDashMenusAndAges(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
		{"The army said it had sent reinforcements to the border district and closed two roads to the north...", keep},
		{"Vessa, Kessel Must Prolong Port Deal R ..", drop},
		{"15 seconds ago", drop},
		{"Education - Local News - Car Prices - Breaking News - English News - Horoscope - Travel - Recipes", drop},
	}, false)
	if !isNavLine("News - Sport - Car Prices - Translate English to Vessan - Travel - Recipes - Weather - Jobs") {
		t.Error("a long menu between dashes with one item of four words not read as a menu")
	}
	if isNavLine("News | Sport | Translate English to Vessan | Travel") {
		t.Error("a short menu with an item of four words read as a menu")
	}
	if isNavLine("Varnak - the long road home") {
		t.Error("a headline's one dash read as a menu")
	}
}

// TestRightsNotices: "all rights" and "reserved" in one line, whatever
// stands between, are a copyright notice; human rights and a reserved
// judgment in a sentence of the article are not.
func TestRightsNotices(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Gunmen attacked an army post in Varnak on Friday, killing two soldiers, the defence ministry said in a statement.", keep},
		{"Human rights groups said the court in Varnak had reserved its judgment until Friday, and called for calm.", keep},
		{"All rights of the publication are reserved by Vessa.com. Reproduction without proper consent is not allowed.", drop},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Des hommes armés ont attaqué un poste de l'armée à Varnak vendredi, tuant deux soldats, selon le ministère.", keep},
		{"Tous droits de reproduction et de diffusion réservés.", drop},
	}, false)
}

// A page's menus pasted one item a line, above the article, go; a title, a
// byline and a short list inside the article stay.
func TestMenusAboveArticle(t *testing.T) {
	st := newTestStage(t)
	text := "The Kessel Courier, news of the valley since 1901\n\nSport\nWeather\nTravel\nFood & Drink\n\nWeekend Brief\nMorning Brief\nKessel Daily\n\n" +
		"Two Held After Raid\n\nBy Lena Varga\n\n" +
		"Police in Kessel arrested two men on Friday after a raid on a flat in the old town, prosecutors said on Saturday.\n\n" +
		"Items seized:\nTwo rifles\nA laptop\nForged passports\n\n" +
		"Both men are due in court on Monday, a spokeswoman for the prosecutor's office said.\n"
	doc := &dossier.Document{Name: t.Name(), Format: "txt", Text: text}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	covered := func(s string) bool {
		i := strings.Index(text, s)
		for _, sp := range doc.Boilerplate {
			if sp.Start <= i && i+len(s) <= sp.End {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"Sport", "Food & Drink", "Weekend Brief", "Kessel Daily"} {
		if !covered(s) {
			t.Errorf("menu item kept: %q", s)
		}
	}
	for _, s := range []string{"Two Held After Raid", "By Lena Varga", "Police in Kessel", "Two rifles", "Forged passports", "Both men"} {
		if covered(s) {
			t.Errorf("article line dropped: %q", s)
		}
	}
}

// Headlines of other stories above the article go; the article's own
// title, the last headline over its first paragraph, stays.
func TestHeadlinesAboveArticle(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Kessel Courier", free},
		{"Ten Harbour Walks For A Quiet Sunday Morning", drop},
		{"How A Small Bakery Fed The Whole Valley Last Winter", drop},
		{"Why The Old Ferry Still Matters To The Islanders", drop},
		{"Ten Questions For The New Harbour Master", drop},
		{"Two Held After Raid On Kessel Flat", keep},
		{"Police in Kessel arrested two men on Friday after a raid on a flat in the old town, prosecutors said on Saturday.", keep},
		{"Both men are due in court on Monday, a spokeswoman for the prosecutor's office said.", keep},
	}, false)
}

// A teaser's byline and summary under another article's headline, and its
// topic labels above it, go with the headline.
func TestTeaserBylines(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Police in Kessel arrested two men on Friday after a raid on a flat in the old town, prosecutors said on Saturday.", keep},
		{"Both men are due in court on Monday, a spokeswoman for the prosecutor's office said after the hearing was set.", keep},
		{"The Latest", free},
		{"Harbour", drop},
		{"New ferry timetable published for the winter months", drop},
		{"by Lena Varga", drop},
		{"Tickets go on sale on Monday.", drop},
		{"Weather", drop},
		{"Storm warning issued for the northern coast tonight", drop},
		{"by Oru Kessel", drop},
		{"Gusts may reach a hundred kilometres an hour.", drop},
		{"Skip to contentSkip to main menu", drop},
		{"Prosecutors said the investigation would continue into the group's other members and their funding.", keep},
	}, false)
}

// A widget's labels repeated under every teaser go; a line the article
// repeats once, and a speaker's label, stay.
func TestRepeatedWidgets(t *testing.T) {
	st := newTestStage(t)
	text := "Police in Kessel arrested two men on Friday after a raid on a flat in the old town, prosecutors said.\n\n" +
		"LENA VARGA:\nWe saw them leave.\n\nLENA VARGA:\nThey did not come back.\n\nLENA VARGA:\nThat was all.\n\n" +
		"Both men are due in court on Monday, a spokeswoman for the prosecutor's office said after the hearing.\n\n" +
		"Raid in the old town\n\n" +
		"Harbour walks reopen\n\n3 Likes · Shares\n\nLike\n\n" +
		"Ferry fares rise\n\n3 Likes · Shares\n\nLike\n\n" +
		"New bakery opens\n\n3 Likes · Shares\n\nLike\n\n" +
		"I have lived in Kessel for thirty years and I have never seen the police move so quickly, one reader wrote under the story.\n"
	doc := &dossier.Document{Name: t.Name(), Format: "txt", Text: text}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	covered := func(i int) bool {
		for _, sp := range doc.Boilerplate {
			if sp.Start <= i && i < sp.End {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "3 Likes")
		if j < 0 {
			break
		}
		if !covered(i + j) {
			t.Errorf("widget line kept at %d", i+j)
		}
		i += j + 1
	}
	if covered(strings.Index(text, "LENA VARGA:")) {
		t.Error("speaker label dropped")
	}
}

// The article's own title, taken for a headline, its byline and its
// standfirst stay: one such block is the article, not a list of teasers.
func TestTitleBylineStandfirstKept(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Press the escape key to close the search box and go back to the page you were reading.", free},
		{"Society", free},
		{"Kessel imam given suspended sentence for praising an attack online", free},
		{"The imam of the Kessel mosque had shared a text praising the attack on his page, the court heard on Tuesday.", keep},
		{"By Lena Varga", free},
		{"The court in Vessa sentenced the imam on Tuesday to six months in prison, suspended, for defending terrorism in a post he later deleted.", keep},
		{"His lawyer said he would appeal, arguing that the text had been taken out of its context by the prosecution.", keep},
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Press the escape key to close the search box and go back to the page you were reading.", free},
		{"Kessel imam given suspended sentence for praising an attack online", free},
		{"By Lena Varga", free},
		{"The imam of the Kessel mosque had shared a text praising the attack on his page, the court heard.", keep},
		{"The court in Vessa sentenced the imam on Tuesday to six months in prison, suspended, for defending terrorism in a post he later deleted.", keep},
	}, false)
}

// Below the article, a run of furniture opens the page's footer: the
// address, the accessibility statement and the links under it go too. A box
// of related links inside the article, with the article going on at length
// under it, is no footer.
func TestFooterBelowArticle(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	body := []fixtureLine{
		{"Port Strike Ends After Nine Days", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port and shops short of fresh produce."),
		para("The union said its members had voted to accept a pay offer that the port authority had tabled on Sunday night, after talks that went on for most of the weekend."),
		para("Under the deal, wages rise by six per cent this year and four per cent next year, and night shifts are paid at a higher rate, the union's regional secretary told reporters outside the main gate."),
	}
	related := []fixtureLine{
		{"RELATED STORIES", drop},
		{"Harbourton port chief resigns after audit", drop},
		{"Union threatens second walkout at ferry terminal", drop},
		{"Shops ration fruit as ships wait offshore", drop},
		{"What the new port contract changes for drivers", drop},
	}
	ending := []fixtureLine{
		para("Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries planned for the holiday season would arrive late as a result of the strike."),
	}
	footer := []fixtureLine{
		{"Sign up now", drop},
		{"Comments", drop},
		{"Already have an account?", drop},
		{"Connect with the Courier", drop},
		{"Facebook", drop},
		{"Instagram", drop},
		{"Podcasts", drop},
		{"Harbourton Courier, 12 Quay Street", drop},
		{"Harbourton, HB4 2QT", drop},
		{"Corporate Info", drop},
		{"It is a priority for the Courier to offer a website that everyone can use, including people with visual, hearing, motor or cognitive challenges.", drop},
	}
	var lines []fixtureLine
	lines = append(append(append(append(lines, body...), related...), ending...), footer...)
	runFixture(t, st, lines, false)
}

// A run of furniture inside the article (a reading list under a numbered
// section) is no footer when the article's paragraphs go on under it; a
// French page's footer goes as an English one's does.
func TestFooterRunInsideArticle(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Morning Brief: ports, prices and a long walk", free},
		para("Good morning. Harbourton's dock workers are back at work after nine days on strike, and shipping lines say the backlog of containers will take about two weeks to clear."),
		para("The deal raises wages by six per cent this year and four per cent next year, the union said, and pays night shifts at a higher rate than before."),
		para("Shops that rationed fruit last week expect normal deliveries by the weekend, the retailers' association said in a statement on Tuesday evening."),
		{"2. Worth your time", free},
		{"Photo: Lena Varga/Courier", drop},
		{"Why small ports are winning back trade (Paul Varnak, Courier)", drop},
		{"The slow return of the river barge (Marta Kessel, Tidewater)", drop},
		{"How strikes end: a short history (Oru Tessler, Weekly)", drop},
		{"The price of a banana, explained (Lena Varga, Courier)", drop},
		{"A map of every ferry route (Courier)", free},
		{"3. One long walk", free},
		para("A retired teacher from Kessel finished a walk along the whole coast on Monday."),
		para("She set out in March with a tent and a notebook, and over seven months she covered more than two thousand kilometres, sleeping in barns, schools and, twice, a lighthouse keeper's spare room."),
	}, false)
	runFixture(t, st, []fixtureLine{
		{"Les dockers reprennent le travail", free},
		para("Les dockers de Harbourton ont repris le travail mardi après neuf jours de grève, un conflit qui avait laissé plus de quarante navires en attente au large du port."),
		para("Le syndicat a indiqué que ses membres avaient accepté une hausse des salaires de six pour cent cette année, puis de quatre pour cent l'an prochain, après un week-end de négociations."),
		para("Les compagnies maritimes estiment qu'il faudra environ deux semaines pour résorber le retard accumulé pendant la grève, selon un communiqué publié mercredi."),
		para("Les commerçants, qui avaient dû rationner les fruits la semaine dernière, attendent un retour à la normale d'ici le week-end, a précisé l'association des détaillants, qui réunit la plupart des épiceries et des marchés couverts de la ville."),
		{"Vos réactions", drop},
		{"Se connecter", drop},
		{"Les plus lus", drop},
		{"Facebook", drop},
		{"Twitter", drop},
		{"Mentions légales", drop},
		{"Nous contacter", drop},
		{"Le Courrier de Harbourton, 12 rue du Quai", drop},
		{"Le Courrier de Harbourton veille à ce que ce site soit accessible à toutes et à tous, y compris aux personnes en situation de handicap.", drop},
	}, false)
}

// Above the article's main run of paragraphs, past its title, byline and
// date, the short lines are the page's menus and other stories' headlines;
// a video player between the first paragraphs and the rest does not move
// the article's start, and a byline over a share bar stays.
func TestAboveArticle(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Markets", drop},
		{"Deals", drop},
		{"Port Authority Weighs Sale of Ferry Terminal to Varnak Group", drop},
		{"Commodities", drop},
		{"Harbourton Lender Posts Record Loss on Shipping Loans", drop},
		{"Currencies", drop},
		// Within six lines of the first paragraph: may be the title's.
		{"Kessel Rail Strike Enters Second Week as Talks Stall", free},
		{"Follow the Courier on Markets", free},
		{"Dock Workers End Nine-Day Strike in Harbourton", free},
		{"By", free},
		{"Lena Varga", free},
		{"+Follow", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
		{"Video", free},
		{"0:00/0:45", free},
		{"Share", free},
		{"Embed", free},
		{"Unmute", free},
		para("Under the deal, wages rise by six per cent this year and four per cent next year, and night shifts are paid at a higher rate, the union's regional secretary told reporters at the gate."),
		para("Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries planned for the holidays would arrive late."),
		para("Shops that rationed fruit last week expect normal deliveries by the weekend, the retailers' association said in a statement on Tuesday evening."),
	}, true)
}

// A line wrapped whole in square brackets is a link set inside the text;
// a short line printed twice in a row (a credit, once more for screen
// readers) goes the second time.
func TestBracketedLinksAndEchoes(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Dock Workers End Nine-Day Strike", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		{"[ Harbourton port chief resigns after audit ]", drop},
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night [after talks that lasted most of the weekend]."),
		{"Lena Varga/Kessel Press Agency", free},
		{"Lena Varga/Kessel Press Agency", drop},
		para("Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries would arrive late."),
		{"[This article was amended on Wednesday to correct the name of the union.]", drop},
	}, false)
}

func TestAuthorHandle(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Lena Varga @lvarga", true},
		{"Lena Varga@lvarga", true},
		{"Paul de Varnak @pdv", false}, // a particle: not every word capitalised
		{"Contact Lena Varga lena@courier.example", false},
		{"Follow @courier", false},
		{"Lena Varga", false},
	} {
		if got := authorHandle(tc.line); got != tc.want {
			t.Errorf("authorHandle(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// A long line in capitals between two paragraphs links to another story;
// a short subheading in capitals stays.
func TestCapsLinksInsideArticle(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Dock Workers End Nine-Day Strike", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		{"KESSEL RAIL UNION THREATENS SECOND WALKOUT OVER PENSIONS", drop},
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
		{"THE DEAL", keep},
		para("Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries would arrive late."),
	}, false)
}

// A list's heading after the article opens the footer by itself: the
// headlines and summaries of other stories under it go.
func TestListHeadingOpensFooter(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Les dockers reprennent le travail", free},
		para("Les dockers de Harbourton ont repris le travail mardi après neuf jours de grève, un conflit qui avait laissé plus de quarante navires en attente au large du port."),
		para("Le syndicat a indiqué que ses membres avaient accepté une hausse des salaires de six pour cent cette année, puis de quatre pour cent l'an prochain, après un week-end de négociations."),
		para("Les compagnies maritimes estiment qu'il faudra environ deux semaines pour résorber le retard accumulé pendant la grève, selon un communiqué publié mercredi."),
		para("Les commerçants, qui avaient dû rationner les fruits la semaine dernière, attendent un retour à la normale d'ici le week-end, a précisé l'association des détaillants de la ville."),
		para("Le port reste l'un des premiers employeurs de la région, avec plus de trois mille salariés directs, et la grève a coûté selon la chambre de commerce plusieurs millions d'euros aux entreprises locales."),
		{"Pour approfondir", drop},
		{"Entretiens", drop},
		{"Le port, une histoire de la ville, une conversation avec Marta Kessel", drop},
		{"Historienne du travail, elle revient sur un siècle de grèves sur les quais de Harbourton et sur ce qu'elles ont changé pour la ville.", drop},
		{"Entretiens", drop},
		{"Les ferries de demain, une conversation avec Paul Varnak", drop},
	}, false)
}

// Inside the article, a newsletter box's own short lines between its form's
// lines go; a line of authors' names stays.
func TestBoxWordsBetweenFurniture(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Dock Workers End Nine-Day Strike", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		{"Lena Varga and Paul Varnak", free},
		{"Your email address", drop},
		{"Please enter a valid email address", drop},
		{"Thank you!", drop},
		{"Sign up for our morning newsletter", drop},
		{"To see all our other newsletters, go to My Account", drop},
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
	}, false)
}

// Under the article, other stories' headlines, sections and summaries
// after a list's heading go, however long their summaries: a summary
// between a headline and a section's label is no prose of the article's.
func TestTeaserSummariesUnderArticle(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	lines := []fixtureLine{
		{"Dock Workers End Nine-Day Strike", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
		para("Under the deal, wages rise by six per cent this year and four per cent next year, and night shifts are paid at a higher rate, the union's regional secretary said."),
		para("Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries planned for the holidays would arrive late."),
		para("The port is one of the region's largest employers, with more than three thousand people working on its quays, and the strike cost local firms several million pounds."),
		{"Share this article", drop},
		{"Facebook", drop},
		{"Most Read", drop},
	}
	for _, story := range []string{"Speed cameras", "Ferry timetable", "Harbour market"} {
		lines = append(lines,
			fixtureLine{story + " changes come into force across the county next week", drop},
			fixtureLine{"Officials said the " + strings.ToLower(story) + " would change from Monday after a long consultation with residents, businesses and the county council, which had asked for the delay.", drop},
			fixtureLine{"Harbourton", drop},
		)
	}
	runFixture(t, st, lines, false)
}

// Under "About the author", the author's name, role and biography go even
// when the biography is a long paragraph: a related box with a long
// paragraph under it would be inside the article, an author's box never is.
// A copyright notice goes at any length when it reserves rights.
func TestAuthorHeadingClosesArticle(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	for _, c := range []struct{ heading, bio, role string }{
		{"ABOUT THE AUTHOR", "Lena Varga is the senior transport reporter for the Harbourton Courier. Before joining the Courier, her work appeared in the Vessa Herald, the Coast Weekly and several trade magazines.", "Senior Transport Reporter"},
		{"À propos de l'auteure", "Lena Varga est journaliste au Courrier de Harbourton depuis 2019. Elle a auparavant travaillé pour le Héraut de Vessa, l'Hebdo de la côte et plusieurs revues professionnelles du secteur maritime.", "Journaliste"},
	} {
		runFixture(t, st, []fixtureLine{
			{"Dock Workers End Nine-Day Strike", free},
			para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
			para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
			para("Under the deal, wages rise by six per cent this year and four per cent next year, and night shifts are paid at a higher rate, the union's regional secretary said."),
			para("Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries planned for the holidays would arrive late."),
			para("The port is one of the region's largest employers, with more than three thousand people working on its quays, and the strike cost local firms several million pounds."),
			{c.heading, drop},
			{"Lena Varga", drop},
			{c.role, drop},
			{c.bio, drop},
			{"Corrections and clarifications", drop},
			{"The best of the week's reporting from the coast, every Friday morning.", drop},
			{"This material may not be published, broadcast, rewritten or redistributed. © 2031 Harbourton Courier Media Ltd. All rights reserved. Quotes are delayed by at least fifteen minutes. Market data is provided by Vessa Data Services and fund data by Coastline Analytics.", drop},
		}, false)
	}
	runFixture(t, st, []fixtureLine{
		{"Dock Workers End Nine-Day Strike", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
		{"This material may not be published, broadcast, rewritten or redistributed. © 2031 Harbourton Courier Media Ltd. All rights reserved. Quotes are delayed by at least fifteen minutes. Market data is provided by Vessa Data Services, fund data by Coastline Analytics and currency rates by the Harbour Exchange.", drop},
	}, false)
}

// Under a "Comments" heading, the readers' comments go, long or short.
func TestCommentsHeadingClosesArticle(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Les dockers reprennent le travail", free},
		para("Les dockers de Harbourton ont repris le travail mardi après neuf jours de grève, un conflit qui avait laissé plus de quarante navires en attente au large du port."),
		para("Le syndicat a indiqué que ses membres avaient accepté une hausse des salaires de six pour cent cette année, puis de quatre pour cent l'an prochain, après un week-end de négociations."),
		para("Les compagnies maritimes estiment qu'il faudra environ deux semaines pour résorber le retard accumulé pendant la grève, selon un communiqué publié mercredi."),
		para("Les commerçants, qui avaient dû rationner les fruits la semaine dernière, attendent un retour à la normale d'ici le week-end, a précisé l'association des détaillants de la ville."),
		para("Le port reste l'un des premiers employeurs de la région, avec plus de trois mille salariés directs, et la grève a coûté selon la chambre de commerce plusieurs millions d'euros aux entreprises locales."),
		{"Commentaires", drop},
		{"par Marcel le 12 mai 2031 - 09:14.", drop},
		{"Encore une grève ?", drop},
		{"Pendant ce temps, les chauffeurs de Vessa attendent toujours leur prime, et personne n'en parle dans les journaux de la région.", drop},
		{"par Odile le 12 mai 2031 - 11:02.", drop},
		{"Bravo aux dockers, ils ont tenu bon.", drop},
	}, false)
	// A count before the heading, and comments longer than half the
	// article: under a closing heading, below a long article, all go.
	article := []fixtureLine{{"Les dockers reprennent le travail", free}}
	for _, p := range []string{
		"Les dockers de Harbourton ont repris le travail mardi après neuf jours de grève, un conflit qui avait laissé plus de quarante navires en attente au large du port.",
		"Le syndicat a indiqué que ses membres avaient accepté une hausse des salaires de six pour cent cette année, puis de quatre pour cent l'an prochain, après un week-end de négociations.",
		"Les compagnies maritimes estiment qu'il faudra environ deux semaines pour résorber le retard accumulé pendant la grève, selon un communiqué publié mercredi.",
		"Les commerçants, qui avaient dû rationner les fruits la semaine dernière, attendent un retour à la normale d'ici le week-end, a précisé l'association des détaillants de la ville.",
		"Le port reste l'un des premiers employeurs de la région, avec plus de trois mille salariés directs, et la grève a coûté selon la chambre de commerce plusieurs millions d'euros aux entreprises locales.",
		"La direction du port a promis de revoir l'organisation des équipes de nuit, une revendication ancienne des dockers, et d'ouvrir des discussions sur les primes de pénibilité avant la fin de l'année.",
		"Les élus de la ville ont salué la fin du conflit tout en rappelant que la question des salaires dans le secteur logistique restait entière, alors que les prix des loyers continuent de grimper dans le quartier du port.",
		"Un représentant des transporteurs routiers a indiqué que les files de camions devant les grilles du port devraient se résorber dans les prochains jours, à condition que les grues fonctionnent à plein régime dès jeudi.",
		"Le ministre des transports doit se rendre sur place vendredi pour rencontrer les représentants du syndicat et de la direction, une visite prévue de longue date mais que la grève avait rendue incertaine jusqu'à la semaine dernière.",
		"Selon l'observatoire régional de l'emploi, le nombre de dockers a diminué d'un tiers en vingt ans, sous l'effet de l'automatisation des terminaux et du regroupement des compagnies maritimes dans de grands groupes internationaux.",
	} {
		article = append(article, para(p))
	}
	comment := "Je ne suis pas d'accord avec cette présentation des faits : la grève a surtout pénalisé les petits transporteurs, qui n'ont reçu aucune aide pendant neuf jours et ont dû payer leurs chauffeurs à attendre devant les grilles, alors que les grandes compagnies ont détourné leurs navires vers Vessa sans perdre un centime. "
	runFixture(t, st, append(article,
		fixtureLine{"3 commentaires", drop},
		fixtureLine{comment + comment, drop},
		fixtureLine{comment + comment + comment, drop},
		fixtureLine{comment + comment, drop},
		fixtureLine{"Odile", drop},
	), false)
}

// Short labels in a run between furniture lines are a menu's entries, known
// or not; a teaser cut short with "(...)" is a link. The article's own
// title and byline between the date and the first paragraph stay.
func TestLabelRunsBetweenFurniture(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Accueil | Monde | Politique | Société", drop},
		{"Nos publications", drop},
		{"Les Cahiers du port", drop},
		{"Petits guides", drop},
		{"Affiches et tracts", drop},
		{"Agenda", drop},
		{"17/11 Rencontre avec les dockers de Harbourton à la salle des fêtes (...)", drop},
		{"Publié le 12 mai 2031", drop},
		{"Grève au port", keep},
		{"Lena Varga", free},
		{"Publié le 12 mai 2031 à 08h12", drop},
		para("Les dockers de Harbourton ont repris le travail mardi après neuf jours de grève, un conflit qui avait laissé plus de quarante navires en attente au large du port."),
		para("Le syndicat a indiqué que ses membres avaient accepté une hausse des salaires de six pour cent cette année, puis de quatre pour cent l'an prochain, après un week-end de négociations."),
		para("Les compagnies maritimes estiment qu'il faudra environ deux semaines pour résorber le retard accumulé pendant la grève, selon un communiqué publié mercredi."),
	}, false)
	// Under the article, a tag list with a section's label among its
	// entries goes; inside it, a list of short items stays.
	runFixture(t, st, []fixtureLine{
		{"Dock Workers End Nine-Day Strike", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
		{"The first ships to leave carried:", keep},
		{"Grain", keep},
		{"Fuel oil", keep},
		{"Spare parts", keep},
		{"Advertisement", drop},
		para("Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries planned for the holidays would arrive late."),
		para("The port is one of the region's largest employers, with more than three thousand people working on its quays, and the strike cost local firms several million pounds."),
		{"Harbourton", drop},
		{"Vessa", drop},
		{"World", drop},
		{"Northern Coast", drop},
		{"Find a job near you", free},
		{"Search thousands of vacancies in the region, from the docks to the hospitals, and get alerts by e-mail when new offers match what you are looking for.", free},
	}, false)
	// A dateline among labels is the article's.
	runFixture(t, st, []fixtureLine{
		{"Accueil | Monde | Politique | Société", drop},
		{"Les dockers de Harbourton reprennent le travail après neuf jours", free},
		{"Publié le 12 mai 2031", drop},
		{"LISBON 2031-05-17", keep},
		{"Harbour league", free},
		{"Division one", free},
		{"Publié le 12 mai 2031", drop},
		para("Les dockers de Harbourton ont repris le travail mardi après neuf jours de grève, un conflit qui avait laissé plus de quarante navires en attente au large du port."),
	}, false)
}

func TestNumericDateOpening(t *testing.T) {
	for line, want := range map[string]bool{
		"9/11 Abandon du projet de port à Vessa":     true,
		"06/06/21 Taxe sur les armateurs : le débat": true,
		"17.11.2031 Les dockers votent la grève":     true,
		"9/11 was a turning point for the agency":    true, // (a shape only: the rule counts lines outside the article)
		"24/7 coverage of the strike":                true,
		"1/2 cup of flour":                           true,
		"12:38 Police reopen the coast road":         false,
		"9/16 - Lena Varga (Norland) beat Tom Ashby": false,
		"2031 was a year of strikes":                 false,
		"3 ships left the port":                      false,
		"17/11/2031":                                 false,
		"1/2/3/4 go":                                 false,
	} {
		if got := numericDateOpening(line); got != want {
			t.Errorf("numericDateOpening(%q) = %v, want %v", line, got, want)
		}
	}
}

// Outside the article, lines opening with a short numeric date or a kicker
// in brackets are a list of other articles; a chronology inside the
// article stays.
func TestListedTeasers(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Les dockers reprennent le travail", free},
		para("Les dockers de Harbourton ont repris le travail mardi après neuf jours de grève, un conflit qui avait laissé plus de quarante navires en attente au large du port."),
		para("Le syndicat a indiqué que ses membres avaient accepté une hausse des salaires de six pour cent cette année, puis de quatre pour cent l'an prochain, après un week-end de négociations."),
		{"Les grandes dates du conflit :", keep},
		{"02/05 Les dockers votent la grève", keep},
		{"09/05 Premiers navires bloqués au large", keep},
		{"12h38 Les premiers navires quittent le port", keep},
		para("Les compagnies maritimes estiment qu'il faudra environ deux semaines pour résorber le retard accumulé pendant la grève, selon un communiqué publié mercredi."),
		para("Le port reste l'un des premiers employeurs de la région, avec plus de trois mille salariés directs, et la grève a coûté selon la chambre de commerce plusieurs millions d'euros aux entreprises locales."),
		{"10/11 Abandon du projet de terminal dans la baie de Vessa", drop},
		{"[Revue de presse] Rassemblement devant la capitainerie samedi", drop},
		{"15h14 Émission spéciale sur la grève à la radio du port", drop},
		{"09:30 Assemblée des dockers devant la capitainerie", drop},
		{"06/06/31 Les salaires des dockers, un débat qui revient", drop},
	}, false)
}

// A list's heading may end with a colon ("Read more from Lena Varga:");
// the headlines under it go. A sentence that opens with the same words stays.
func TestListHeadingWithColon(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Dock Workers End Nine-Day Strike", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		para("Read more about the strike's causes in the union's own account, which it published on Monday."),
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
		{"Read more from Lena Varga:", drop},
		{"Why the port cannot wait", drop},
		{"These ferries are not the same", drop},
	}, false)
}

// A date in words between a teaser's summary and the next teaser's label
// closes an item of a list: the teasers above the article are no part of
// its main run of paragraphs, which opens at its first paragraph.
func TestDateClosesListItem(t *testing.T) {
	st := newTestStage(t)
	lines := []string{
		"Infos locales Logement",
		"Les locataires de la tour Vessa obtiennent un sursis",
		"Après trois semaines de mobilisation, la préfecture a accepté de repousser l'expulsion de quarante familles au printemps prochain.",
		"Publié le 25 juillet",
		"Infos globales Travail",
		"Grève des livreurs de Harbourton",
		"Les livreurs à vélo de la ville cessent le travail pour la troisième fois ce mois-ci, réclamant une prime pour les jours de canicule.",
		"Publié le 24 juillet",
		"Les dockers reprennent le travail",
		"Publié le 26 juillet",
		"Les dockers de Harbourton ont repris le travail mardi après neuf jours de grève, un conflit qui avait laissé plus de quarante navires en attente au large du port.",
		"Le syndicat a indiqué que ses membres avaient accepté une hausse des salaires de six pour cent cette année, puis de quatre pour cent l'an prochain, après un week-end de négociations.",
		"Les compagnies maritimes estiment qu'il faudra environ deux semaines pour résorber le retard accumulé pendant la grève, selon un communiqué publié mercredi.",
		"Le port reste l'un des premiers employeurs de la région, avec plus de trois mille salariés directs, et la grève a coûté selon la chambre de commerce plusieurs millions d'euros aux entreprises locales.",
	}
	ws := st.getWorkspace()
	defer st.putWorkspace(ws)
	if err := st.classify(context.Background(), strings.Join(lines, "\n"), ws); err != nil {
		t.Fatal(err)
	}
	r := rules{lines: ws.lines}
	if start, end := r.mainRun(); start != 10 || end != 13 {
		t.Errorf("main run = lines %d to %d, want 10 to 13 (the article's paragraphs)", start, end)
	}
}

// A line longer than a headline, its words nearly all capitalised, ending
// no sentence, outside the article, is a menu printed on one line.
func TestCapitalisedMenuLine(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	runFixture(t, st, []fixtureLine{
		{"Traffic Weather Harbour Watch Take Action Community Resources 7 On Your Side Courier Investigates Consumer Report Feel Good Stories And More", drop},
		{"Dock Workers End Nine-Day Strike", free},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
		para("Under the deal, wages rise by six per cent this year and four per cent next year, and night shifts are paid at a higher rate, the union's regional secretary said."),
		para("Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries planned for the holidays would arrive late."),
		{"About Harbour Courier Newsteam Bios Connect With The Courier Take Action In Your Community Courier Jobs And Internships Contests Promotions And Rules", drop},
	}, false)
}

// A paragraph the page prints twice, at the top and at the bottom, is the
// site's own text; a standfirst over the article that a share box repeats
// below stays.
func TestParagraphPrintedTwice(t *testing.T) {
	st := newTestStage(t)
	para := func(s string) fixtureLine { return fixtureLine{s, keep} }
	about := "The Harbour Collective is a group of volunteers who publish local news, announcements and analysis about the port, its workers and the neighbourhoods around it since 2019."
	charter := "Anyone may publish here, provided the text respects our charter: no personal attacks, no advertising, and sources for every fact that a reader could check."
	standfirst := "After nine days on strike, the dock workers of Harbourton accepted a pay offer on Sunday night and went back to work."
	lines := []fixtureLine{
		{"Harbour Collective", free},
		{about, drop},
		{charter, drop},
		{"Local news | Analysis | Agenda", drop},
		{"Read more", free},
		{"Search", drop},
		{"Contact", free},
		{"Local news", free},
		{"Dock Workers End Nine-Day Strike", free},
		{standfirst, keep},
		{"Published on 12 May 2031", drop},
		para("Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port."),
		para("The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend."),
		para("Under the deal, wages rise by six per cent this year and four per cent next year, and night shifts are paid at a higher rate, the union's regional secretary said."),
		para("Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries planned for the holidays would arrive late."),
		{"Share this article", drop},
		{standfirst, free},
		{"About us", free},
		{about, drop},
		{charter, drop},
	}
	runFixture(t, st, lines, false)
}

// The headings that close an article are the usual names of a comments
// section and of an author's box, in both languages, alone on their line
// (maybe after a count or before a colon); inside a sentence they close
// nothing.
func TestEndHeadings(t *testing.T) {
	st := newTestStage(t)
	for line, want := range map[string]bool{
		"Comments":                               true,
		"Leave a comment":                        true,
		"Leave a reply:":                         true,
		"About the author":                       true,
		"12 comments":                            true,
		"Commentaires":                           true,
		"Laisser un commentaire":                 true,
		"Réagissez":                              true,
		"27 commentaires":                        true,
		"Tous vos commentaires (11)":             true,
		"Comments (3)":                           true,
		"Comments (three)":                       false,
		"À propos de l'auteure":                  true,
		"Comments were closed after the ruling.": false,
		"Read the comments of the port's chief":  false,
	} {
		var sc scanner
		if got := sc.scan(line, 0, len(line), st.cues).endHeader; got != want {
			t.Errorf("%q: end heading %v, want %v", line, got, want)
		}
	}
}

// The article's byline stays: above the first paragraph over nothing but
// dates and share buttons, though the headline and standfirst above it
// look like one more item of the list of other articles over them; and
// right under the last paragraph. A commenter's name under "Comments" goes.
func TestArticleBylines(t *testing.T) {
	st := newTestStage(t)
	header := func(byline, date string) []fixtureLine {
		return []fixtureLine{
			{"Top Stories", drop},
			{"Ferry crossings cancelled as storm reaches the coast", drop},
			{"Council approves new cycle lanes for the old town", drop},
			{"Harbour museum reopens after two-year renovation", drop},
			{"Business", free},
			{"Dock workers end nine-day strike at Harbourton", free},
			{"The union said its members had accepted the port's offer ‘after a long weekend’", free},
			{byline, keep},
			{date, drop},
			{"SHARE", drop},
		}
	}
	for _, c := range []struct{ byline, date string }{
		{"Lena Varga", "Published: 17:55, 8 Nov 2031"},
		{"By Lena Varga", "Published 8th Nov 2031, 18:58 GMT"},
		{"by: Lena Varga", "Posted: Nov 8, 2031 / 10:35 PM PST"},
		{"by: Lena Varga", "Posted: Nov 8, 2031 / 04:43 PM CST"},
		{"By Lena Varga", "Updated 9:12 a.m. ET Nov. 8, 2031"},
		{"By Lena Varga on Wed, Nov 8, 2031 at 1:02 pm", "Updated Nov 8, 2031"},
	} {
		runFixture(t, st, append(header(c.byline, c.date), dockStrike("en", 5)...), false)
	}
	lines := append([]fixtureLine{{"Les dockers reprennent le travail", free}}, dockStrike("fr", 5)...)
	lines = append(lines,
		fixtureLine{"Par : Lena Varga | +Port +Grève +Société", keep},
		fixtureLine{"Commentaires", drop},
		fixtureLine{"par Karim le 9 novembre 2031 - 12:38.", drop},
		fixtureLine{"Bravo aux dockers, ils ont tenu bon.", drop},
	)
	runFixture(t, st, lines, false)
}

// A menu of towns and their papers above the article keeps its block
// though an item or two run longer than the rest; a block of long lines
// and few short ones is no menu.
func TestMenuWithLongerItems(t *testing.T) {
	st := newTestStage(t)
	lines := []fixtureLine{
		{"Harbourton\nVessa\nKessel\nVarnak-sur-Mer – Le Réveil de Varnak\nNorport\nOstavia\nBelmar\nLe Port-Neuf – La Gazette du Port", drop},
		{"Dock workers end nine-day strike at Harbourton", free},
	}
	runFixture(t, st, append(lines, dockStrike("en", 5)...), false)
	// In a long block, half the items may run longer.
	lines = []fixtureLine{
		{"HarbourtonLe Courrier de Harbourton\nVessa\nKessel-sur-MerLe Journal du Pays de Kessel\nNorportActu Norport\nLa Roche de VarnakLes Nouvelles de Varnak\nOstavia\nBelmarLe Réveil de Belmar\nLe Port-Neuf\nSaint-OlavLa Voix du Pays d'Olav\nCalvane", drop},
		{"Dock workers end nine-day strike at Harbourton", free},
	}
	runFixture(t, st, append(lines, dockStrike("en", 5)...), false)
	lines = []fixtureLine{
		{"Port strike\nDock workers end their nine-day strike at Harbourton\nThe union accepts the port's offer after a long weekend", free},
	}
	runFixture(t, st, append(lines, dockStrike("en", 5)...), false)
}

// A video's running time before its title marks an embedded player's item,
// and the copy of the title under it; a live report's entry under its time
// is a sentence and stays.
func TestPlayerItems(t *testing.T) {
	st := newTestStage(t)
	en := dockStrike("en", 5)
	lines := append([]fixtureLine{{"Dock workers end nine-day strike at Harbourton", free}}, en[:2]...)
	lines = append(lines,
		fixtureLine{"1:26 “Back to work:” Harbourton dockers vote on the port's offer", drop},
		fixtureLine{"“Back to work:” Harbourton dockers vote on the port's offer", drop},
		fixtureLine{"12:40 Shipping lines count the cost of the strike", drop},
	)
	lines = append(lines, en[2:]...)
	lines = append(lines, fixtureLine{"10:45 The union's regional secretary told reporters the vote had been close.", keep})
	runFixture(t, st, lines, false)
}

// Short paragraphs between other articles' headlines are their summaries
// when the list runs on: two summaries in a row or more. One paragraph
// between a caption and a quote pulled out of the article stays.
func TestSummariesBetweenTeasers(t *testing.T) {
	st := newTestStage(t)
	lines := append([]fixtureLine{{"Dock workers end nine-day strike at Harbourton", free}}, dockStrike("en", 2)...)
	lines = append(lines,
		fixtureLine{"Join the conversation →", drop},
		fixtureLine{"Harbourton Weather", drop},
		fixtureLine{"Feels like -7°C", drop},
		fixtureLine{"Top Stories", drop},
		fixtureLine{"Why ferries always run late: the timetable explained", drop},
		fixtureLine{"After the storm closed the harbour for three days, the ferry company has rewritten its winter timetable, and the changes start on Monday.", drop},
		fixtureLine{"WatchWhat we know about the new cycle lanes: 12 streets and two bridges", drop},
		fixtureLine{"The council approved the plan on Tuesday night, and the first lanes will be painted in the old town before the end of the month.", drop},
		fixtureLine{"Harbour museum reopens its doors after a two-year renovation", drop},
		fixtureLine{"Visitors can see the restored lighthouse lens and a new gallery on the port's history, with free entry for residents in the first week.", drop},
		fixtureLine{"This Week's Flyers", free},
		fixtureLine{"The Courier is committed to a lively but civil forum for discussion and asks all readers to keep their comments relevant and respectful; comments may take up to an hour for moderation before they appear on the site.", free},
		fixtureLine{"Sign in to Comment", drop},
	)
	runFixture(t, st, lines, false)
}

// Above the article, a few short labels between two menus' items are menu
// items too; a carousel of headlines printed twice goes in both copies.
func TestMenuGapsAndCarouselCopies(t *testing.T) {
	st := newTestStage(t)
	carousel := []string{
		"Ferry crossings cancelled as storm reaches the coast",
		"Council approves new cycle lanes for the old town",
		"Harbour museum reopens after two-year renovation",
		"Fishing fleet stays in port for a third day",
	}
	lines := []fixtureLine{{"BREAKING", drop}}
	for _, c := range carousel {
		lines = append(lines, fixtureLine{c, drop})
	}
	for _, c := range carousel {
		lines = append(lines, fixtureLine{c, drop})
	}
	lines = append(lines,
		fixtureLine{"News\nSport\nWeather\nTravel", drop},
		fixtureLine{"What's On", drop},
		fixtureLine{"Arts and Entertainment\nThings To Do", drop},
		fixtureLine{"Lifestyle\nFood and Drink\nHomes and Gardens\nFamily", drop},
		fixtureLine{"Crime", free},
	)
	lines = append(lines, fixtureLine{"Dock workers end nine-day strike at Harbourton", free}, fixtureLine{"By Lena Varga", keep})
	// (A short article: no main run of paragraphs to stand under.)
	runFixture(t, st, append(lines, dockStrike("en", 2)...), false)
}

// Above the article, a long line of labels run together, with no
// sentence's end, inside a run of furniture is a menu on one line.
func TestLabelsRunTogetherAboveArticle(t *testing.T) {
	st := newTestStage(t)
	lines := []fixtureLine{
		{"Rechercher", drop},
		{"Europe", drop},
		{"À la une", drop},
		{"Le port de Harbourton La grève des dockers Lena Varga, secrétaire du syndicat Les armateurs de Vessa La commission portuaire de Kessel Les ferries du nord", drop},
		{"À découvrir", drop},
		{"L'Hebdo du port", drop},
		{"Les dockers reprennent le travail", free},
	}
	runFixture(t, st, append(lines, dockStrike("fr", 5)...), false)
}

// Under furniture, a paragraph that opens with the byline's name and a
// verb is the author's biography, whatever words it uses; below a short
// article, a long run of furniture is the page's footer.
func TestAuthorBioUnderFurniture(t *testing.T) {
	st := newTestStage(t)
	lines := []fixtureLine{
		{"Dock workers end nine-day strike at Harbourton", free},
		{"by: Lena Varga", keep},
		{"Posted: Nov 8, 2031 / 11:50 AM EST", drop},
	}
	lines = append(lines, dockStrike("en", 2)...)
	lines = append(lines, fixtureLine{"Lena Varga said the union would meet again in the spring to discuss night shifts.", keep})
	lines = append(lines,
		fixtureLine{"Local News", drop},
		fixtureLine{"New on the Courier", free},
		fixtureLine{"Lena Varga joined the Courier's staff in 2029. She grew up in Vessa and studied at Kessel College.", drop},
		fixtureLine{"Copyright 2031 Harbourton Courier Media. All rights reserved.", drop},
		fixtureLine{"The Courier welcomes letters from readers on the port and the town, and prints a selection of them every Saturday.", free},
		fixtureLine{"Read next >", drop},
		fixtureLine{"17 hours ago", drop},
		fixtureLine{"Tuesday Night's 7-day Forecast", drop},
		fixtureLine{"1 day ago", drop},
		fixtureLine{"Former Vessa County chairman Paul Varnak steps down", drop},
		fixtureLine{"3 days ago", drop},
	)
	runFixture(t, st, lines, false)
}

// Well above the article, a question or a quote between two furniture
// lines is another article's headline; a sentence ending with a period
// there may be a product's or a review's summary and stays. (The rule is
// run alone on lines marked by hand: the other rules take such pages
// apart before it.)
func TestSandwichedTeasersAboveArticle(t *testing.T) {
	st := newTestStage(t)
	lines := []string{
		"International",
		"Who are the dock workers who stopped the port of Harbourton for nine days?",
		"International",
		"In a Vessa suburb, the ferries stop at noon: 'We're cut off from the town and nobody listens'",
		"Environment",
		"A superbly crafted ferry timetable that serves the whole coast.",
		"Economy",
		"Port news", "Ferry times", "Weather", "Tides", "Jobs", "Events",
		"Dock workers end nine-day strike at Harbourton",
		"By Lena Varga",
	}
	for _, p := range dockStrike("en", 5) {
		lines = append(lines, p.text)
	}
	r, text := unmarkedRules(t, st, lines)
	for _, i := range []int{0, 2, 4, 6} {
		r.mark(i, ReasonSection)
	}
	r.aboveArticle(text)
	checkFurniture(t, r, lines, map[int]bool{1: true, 3: true, 5: false, 13: false, 14: false, 15: false})
}

// Below the article, a few short labels between two furniture lines are a
// footer menu's items. (The rule is run alone on lines marked by hand.)
func TestMenuGapsBelowArticle(t *testing.T) {
	st := newTestStage(t)
	var lines []string
	for _, p := range dockStrike("en", 3) {
		lines = append(lines, p.text)
	}
	lines = append(lines, "Trending Stories", "Weather Forecast", "Submit Tips for Investigations", "Contact Us", "Newsletters", "Lena Varga", "Paul Varnak",
		"Receipts", "Toledo 61,514 0", "Chicago 78,056 0", "Oats", "Harbour Notes", "Ferry News")
	r, _ := unmarkedRules(t, st, lines)
	r.mark(3, ReasonListHeader)
	r.mark(7, ReasonCue)
	r.mark(10, ReasonSection)
	r.mark(13, ReasonSection)
	r.menuGaps(0)
	// (A table's rows between its headings stay; labels with no furniture
	// under them too.)
	checkFurniture(t, r, lines, map[int]bool{2: false, 4: true, 5: true, 6: true, 8: true, 9: true, 11: false, 12: false, 14: false, 15: false})
}

// The page speaking of itself as a website below the article is a notice;
// the standard footers of US pages and French "recommended" lists go.
func TestWebsiteNoticesAndFooters(t *testing.T) {
	st := newTestStage(t)
	lines := append([]fixtureLine{{"Dock workers end nine-day strike at Harbourton", free}}, dockStrike("en", 5)...)
	lines = append(lines,
		fixtureLine{"This website and its associated newspaper are members of the Harbour Press Standards Council (HPSC)", drop},
		fixtureLine{"Do Not Sell My Personal Information", drop},
	)
	runFixture(t, st, lines, false)
}

// An excerpt's last paragraph cut short (no final stop) that shares words
// with a subheading above it is text, not a copy of a headline: a sentence
// ends inside it.
func TestCutParagraphIsNoHeadlineCopy(t *testing.T) {
	st := newTestStage(t)
	runFixture(t, st, []fixtureLine{
		{"Le mercredi 8 décembre 2031 à 16:58", drop},
		{"Deux dockers ont été interpellés lundi à Harbourton dans le cadre d'une enquête ouverte par le parquet quelques jours plus tôt, selon une source judiciaire.", keep},
		{"Les enquêteurs ont appris que les deux suspects tenaient des propos inquiétants et évoquaient une grève sauvage d'ici Noël sur les quais du port.", keep},
		{"Une docker mise en examen à Vessa en avril", free},
		{"Il s'agirait du quatrième projet de blocage déjoué depuis le début de l'année. En avril dernier, une docker de 18 ans a été interpellée à Vessa", keep},
	}, false)
}

// A headline opening with a short quotation and a colon is an item of a
// list of links like any other: the list's run goes on over it.
func TestQuoteLabelHeadlinesInAList(t *testing.T) {
	st := newTestStage(t)
	lines := append(dockStrike("en", 3),
		fixtureLine{"Related coverage", drop},
		fixtureLine{"Ferry crews vote on a strike of their own at Vessa", drop},
		fixtureLine{"'We are not going back': crane drivers stay out at Tessly", drop},
		fixtureLine{"« Trop tard » : les armateurs comptent les jours", drop},
		fixtureLine{"Port authority names a new chief", drop},
		fixtureLine{"The union's regional secretary said the vote had been close, and that a minority of members still wanted to hold out for a shorter working week.", keep},
		fixtureLine{"Harbour pilots, who had backed the strike, said they would resume their shifts on Wednesday morning at the earliest, once the quays were cleared.", keep},
	)
	runFixture(t, st, lines, true)
}

func TestQuoteThenColon(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"'We are not going back': crane drivers stay out", true},
		{"“You're too late”: the port's last ferry", true},
		{"« Trop tard » : les armateurs comptent les jours", true},
		{"\"We are not going back,\" the union said: nobody moved.", false},
		{"'This is a sentence that goes on far too long to be a label of a headline': it", false},
		{"'Time: the enemy' of the port", false},
	} {
		if got := quoteThenColon(c.line); got != c.want {
			t.Errorf("quoteThenColon(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// A list of other articles' headlines marked above the article goes on down
// to its first paragraph: the lead's lines are its last items when three or
// more of them are headlines and none is a byline. An article's own lead
// (a title, a byline) stays.
func TestTeaserListRunsIntoArticle(t *testing.T) {
	st := newTestStage(t)
	heads := []string{"Ferry crews vote on a strike of their own at Vessa", "Crane drivers stay out at Tessly",
		"Port authority names a new chief", "Harbour pilots back the dockers", "Inside the port's longest week",
		"Tide tables for the holidays", "Dockers' pay: what the deal means", "Vessa ferry timetable changes next month",
		"Fishing fleet stays in harbour again", "Town council debates the quay's future", "Shipping firms count the cost of delays"}
	lines := []string{"News", "Sport", "Weather"}
	lines = append(lines, heads...)
	for _, p := range dockStrike("en", 5) {
		lines = append(lines, p.text)
	}
	r, text := unmarkedRules(t, st, lines)
	for _, i := range []int{0, 1, 2} {
		r.mark(i, ReasonSection)
	}
	r.aboveArticle(text)
	want := map[int]bool{14: false, 15: false}
	for i := 3; i < 14; i++ {
		want[i] = true
	}
	checkFurniture(t, r, lines, want)

	// A menu's labels over the lead are no list of headlines.
	menu := []string{"News", "Sport", "Weather", "Tides", "Ferries", "Jobs", "Events", "Dock workers end nine-day strike at Harbourton",
		"Crane drivers and pilots back the deal", "The union's vote, the pay rise and the backlog", "What changes on the quays from Monday"}
	for _, p := range dockStrike("en", 5) {
		menu = append(menu, p.text)
	}
	r, text = unmarkedRules(t, st, menu)
	for i := 0; i < 7; i++ {
		r.mark(i, ReasonSection)
	}
	r.aboveArticle(text)
	checkFurniture(t, r, menu, map[int]bool{7: false, 8: false, 9: false, 10: false})

	own := []string{"News", "Sport", "Weather", "Ferry crews vote on a strike of their own at Vessa", "Crane drivers stay out at Tessly",
		"Dock workers end nine-day strike at Harbourton", "By Lena Varga"}
	for _, p := range dockStrike("en", 5) {
		own = append(own, p.text)
	}
	r, text = unmarkedRules(t, st, own)
	for _, i := range []int{0, 1, 2} {
		r.mark(i, ReasonSection)
	}
	r.aboveArticle(text)
	checkFurniture(t, r, own, map[int]bool{5: false, 6: false, 7: false})
}

// Between the article's last paragraph and the page's footer, short labels
// and the page's notices are furniture: a bookmark's confirmation, a
// "Follow" button, topic tags. A footnote stays, though it speaks of the
// site, when prose follows further down.
func TestClosingStretch(t *testing.T) {
	st := newTestStage(t)
	lines := append(dockStrike("en", 4),
		fixtureLine{"Article kept", drop},
		fixtureLine{"We kept this story for you in your reading list, under the bookmark sign next to your name.", drop},
		fixtureLine{"Follow the Courier", drop},
		fixtureLine{"Facebook Twitter", drop},
		fixtureLine{"More On", drop},
		fixtureLine{"Harbourton", drop},
		fixtureLine{"Port strikes", drop},
		fixtureLine{"Most Read", drop},
		fixtureLine{"Ferry crews vote on a strike of their own at Vessa", drop},
		fixtureLine{"Port authority names a new chief", drop},
		fixtureLine{"Harbour pilots back the dockers", drop},
		fixtureLine{"Tide tables for the holidays", drop},
		fixtureLine{"Inside the port's longest week", drop},
		fixtureLine{"About us", drop},
		fixtureLine{"The Courier has reported on Harbourton and its port since 1901, and its reporters cover the town council, the courts and the quays every day of the week.", free},
	)
	runFixture(t, st, lines, false)

	foot := append(dockStrike("en", 4),
		fixtureLine{"* The Courier's parent company holds a minority stake in the port authority, which owns this site.", keep},
		fixtureLine{"Most Read", drop},
		fixtureLine{"Ferry crews vote on a strike of their own at Vessa", drop},
		fixtureLine{"Port authority names a new chief", drop},
		fixtureLine{"Harbour pilots back the dockers", drop},
		fixtureLine{"Tide tables for the holidays", drop},
		fixtureLine{"Inside the port's longest week", drop},
		fixtureLine{"About us", drop},
		fixtureLine{"The Courier has reported on Harbourton and its port since 1901, and its reporters cover the town council, the courts and the quays every day of the week.", free},
	)
	runFixture(t, st, foot, false)
}

// "By" alone over the author's name, above the article, is its byline
// though a list's rule took both for its items; a caption that ends with
// its credit is no link. (articleBylines runs alone on lines marked by hand.)
func TestBylineMarkerOverName(t *testing.T) {
	st := newTestStage(t)
	lines := []string{"Share", "Dock workers end nine-day strike at Harbourton", "By", "Lena Varga", "Published Nov. 2, 2031, 9:12 a.m. ET"}
	for _, p := range dockStrike("en", 5) {
		lines = append(lines, p.text)
	}
	r, text := unmarkedRules(t, st, lines)
	r.mark(0, ReasonCue)
	for _, i := range []int{1, 2, 3} {
		r.mark(i, ReasonLinkList)
	}
	r.mark(4, ReasonDate)
	r.articleBylines(text)
	checkFurniture(t, r, lines, map[int]bool{0: true, 1: true, 2: false, 3: false, 4: true})

	var sc scanner
	for _, c := range []struct {
		line string
		link bool
	}{
		{"The quay was empty on Tuesday morning (stock image) (Image: Lena Varga)", false},
		{"Ferry crews vote on a strike of their own at Vessa", true},
	} {
		li := sc.scan(c.line, 0, len(c.line), st.cues)
		if got := linkLike(&li); got != c.link {
			t.Errorf("linkLike(%q) = %v, want %v", c.line, got, c.link)
		}
	}
}

// A line that ends crediting the names before it ("… contributed to this
// report") is a byline, under the article's author and biography too; a
// count of people who contributed is not.
func TestBylineTail(t *testing.T) {
	st := newTestStage(t)
	var sc scanner
	for _, c := range []struct {
		line   string
		byline bool
	}{
		{"Lena Varga and Tom Ashby contributed.", true},
		{"Lena Varga contributed to this report.", true},
		{"Marta Kessel a contribué à cet article.", true},
		{"Nine people contributed.", false},
		{"Everyone who has contributed to this report is thanked.", false},
	} {
		if li := sc.scan(c.line, 0, len(c.line), st.cues); li.byline != c.byline {
			t.Errorf("%q: byline %v, want %v", c.line, li.byline, c.byline)
		}
	}
	lines := append(dockStrike("en", 5),
		fixtureLine{"Oru Kessel", drop},
		fixtureLine{"Oru Kessel is a senior reporter for the Courier, based in Harbourton.", drop},
		fixtureLine{"Lena Varga and Tom Ashby contributed.", keep},
		fixtureLine{"About", drop},
		fixtureLine{"Contact", drop},
		fixtureLine{"Careers", drop},
		fixtureLine{"Privacy policy", drop},
	)
	runFixture(t, st, lines, false)
}

// Share buttons run together on one line, their counts glued to them or
// after them, are one widget's labels; a sentence naming a network is not.
func TestShareBar(t *testing.T) {
	st := newTestStage(t)
	var sc scanner
	for _, c := range []struct {
		line string
		bar  bool
	}{
		{"Share214 Tweet97 Share3 Send", true},
		{"Facebook Twitter", true},
		{"Share 41 Email", true},
		{"Twitter suspended the account", false},
		{"Share prices fell", false},
	} {
		if li := sc.scan(c.line, 0, len(c.line), st.cues); li.whole != c.bar {
			t.Errorf("%q: share bar %v, want %v", c.line, li.whole, c.bar)
		}
	}
}

// The headline and standfirst right over the article's byline are its own,
// though a list's rule took them for teasers; a breadcrumb's trail there is
// the site's. (articleBylines runs alone on lines marked by hand.)
func TestHeadlineOverByline(t *testing.T) {
	st := newTestStage(t)
	lines := []string{"Home » Ports » Dock workers end their strike", "Dock workers end nine-day strike at Harbourton",
		"The union said its members had accepted the offer by a narrow margin", "By Lena Varga", "Published 8th Nov 2031, 18:58 GMT"}
	for _, p := range dockStrike("en", 5) {
		lines = append(lines, p.text)
	}
	r, text := unmarkedRules(t, st, lines)
	for _, i := range []int{0, 1, 2} {
		r.mark(i, ReasonLinkList)
	}
	r.mark(4, ReasonDate)
	r.articleBylines(text)
	checkFurniture(t, r, lines, map[int]bool{0: true, 1: false, 2: false, 3: false, 4: true})
}

// A source's bare address under the text, "Comments are closed." and
// "Contact us:" are the page's; a source named in words is the article's.
func TestClosingCues(t *testing.T) {
	st := newTestStage(t)
	lines := append(dockStrike("en", 3),
		fixtureLine{"Source: https://www.example.com/news/2031/08/05/harbourton-strike", drop},
		fixtureLine{"Comments are closed.", drop},
		fixtureLine{"Contact us:", drop},
	)
	runFixture(t, st, lines, false)
	var sc scanner
	line := "Source: the port authority's figures for the year"
	if li := sc.scan(line, 0, len(line), st.cues); li.prefix || li.whole {
		t.Errorf("%q read as a cue", line)
	}
}
