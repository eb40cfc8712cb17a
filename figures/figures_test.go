package figures

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

func newStage(tb testing.TB) *Stage {
	tb.Helper()
	st, err := New(lexicon.Default())
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

type want struct {
	text  string // the number as written
	value float64
	unit  string
	qual  string
	noun  string
}

func run(tb testing.TB, st *Stage, lang, text string) []dossier.Figure {
	tb.Helper()
	doc := &dossier.Document{Text: text, Lang: lang}
	if err := st.Process(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc.Figures
}

func TestFigures(t *testing.T) {
	st := newStage(t)
	tests := []struct {
		lang, text string
		want       []want
	}{
		// English: counts of people, with qualifiers and modifiers.
		{"en", "Police said some 300 people were inside the hall.", []want{{"300", 300, "person", "about", "people"}}},
		{"en", "The gunmen killed more than 40 worshippers and wounded 65 others.", []want{
			{"40", 40, "killed", "more_than", "worshippers"}, {"65", 65, "injured", "exact", "others"}}},
		{"en", "At least 12 people were killed and 31 injured in the blast.", []want{
			{"12", 12, "killed", "at_least", "people"}, {"31", 31, "injured", "exact", "injured"}}},
		{"en", "Nearly 2,500 foreign fighters remain in the camps.", []want{{"2,500", 2500, "person", "about", "foreign fighters"}}},
		{"en", "Officials said a dozen suspected militants had been detained.", []want{{"a dozen", 12, "person", "exact", "militants"}}},
		{"en", "Twenty-one students escaped, and two hundred and fifty remain missing.", []want{{"Twenty-one", 21, "person", "exact", "students"}}},
		{"en", "The cell planned three coordinated attacks on the city.", []want{{"three", 3, "attack", "exact", "attacks"}}},
		// Any noun of the person class counts people, through hyphenated modifiers.
		{"en", "Some 300 spectators watched as two senior-level envoys arrived.", []want{
			{"300", 300, "person", "about", "spectators"}, {"two", 2, "person", "exact", "envoys"}}},
		{"en", "The two major groups sent five stars to the gala.", nil},
		{"en", "Some 12 500 people fled the town.", []want{{"12 500", 12500, "person", "about", "people"}}},
		{"en", "Each notice holds at most 160 characters, and 12 people died.", []want{{"12", 12, "killed", "exact", "people"}}},
		// One is a count only as a casualty named right after it.
		{"en", "One guard was wounded in the arm; only one of them was armed.", []want{{"One", 1, "injured", "exact", "guard"}}},
		// A person noun of the generated list counts people only in the
		// plural: after "category 2" a singular noun is graded, not counted.
		{"en", "He is a category 2 offender; police arrested 4 offenders and 30 gunmen.", []want{{"4", 4, "person", "exact", "offenders"}, {"30", 30, "person", "exact", "gunmen"}}},
		{"en", "Four people died, including one gunman, and fifteen were hurt.", []want{{"Four", 4, "killed", "exact", "people"}, {"fifteen", 15, "injured", "exact", ""}}},
		{"fr", "L'armée dit avoir perdu un soldat lors de l'opération.", []want{{"un", 1, "killed", "exact", "soldat"}}},
		// South Asian grouping: lakhs of two digits between commas.
		{"en", "Some 12,34,567 people were infected and the toll rose to 2,45,310 deaths.", []want{
			{"12,34,567", 1234567, "person", "about", "people"}, {"2,45,310", 245310, "killed", "exact", "deaths"}}},
		{"en", "Scores of 1,23 and 12,34,5 are no counts of 3 people.", []want{{"3", 3, "person", "exact", "people"}}},
		// A closed compound headed by an agent noun counts people.
		{"en", "Only three of 12 Kessel policymakers objected, and 40 shopkeepers closed.", []want{
			{"three", 3, "person", "exact", "policymakers"}, {"12", 12, "person", "exact", "policymakers"}, {"40", 40, "person", "exact", "shopkeepers"}}},
		// A partitive before the counted noun: "of the", French "des" (de les).
		{"en", "Police arrested three of the suspects on Friday.", []want{{"three", 3, "person", "exact", "suspects"}}},
		{"fr", "La police a arrêté trois des suspects vendredi.", []want{{"trois", 3, "person", "exact", "suspects"}}},
		{"fr", "Les autorités ont arrêté 40 jihadistes et 25 autres sont recherchés.", []want{
			{"40", 40, "person", "exact", "jihadistes"}, {"25", 25, "person", "exact", "jihadistes"}}},
		// An elliptical count continues the previous figure's people.
		{"en", "About 1,200 fighters were captured and another 900 are held in camps.", []want{
			{"1,200", 1200, "person", "about", "fighters"}, {"900", 900, "person", "exact", "fighters"}}},
		// ... also from an earlier sentence.
		{"fr", "La police a interpellé 30 manifestants. Quelque 200 autres sont toujours détenus.", []want{
			{"30", 30, "person", "exact", "manifestants"}, {"200", 200, "person", "about", "manifestants"}}},
		// A noun in quotation marks is still what is counted.
		{"fr", "Entre 30 et 40 « recruteurs » et 12 « combattants étrangers » ont été interpellés.", []want{
			{"30", 30, "person", "at_least", "recruteurs"}, {"40", 40, "person", "exact", "recruteurs"},
			{"12", 12, "person", "exact", "combattants"}}},
		{"en", `Police held 12 "volunteers" for 5 "hours".`, []want{{"12", 12, "person", "exact", "volunteers"}}},
		// An adverb between the auxiliary and the participle; idioms of dying.
		{"en", "Four guards were later killed and 9 people mostly hurt by glass were treated.", []want{
			{"Four", 4, "killed", "exact", "guards"}, {"9", 9, "injured", "exact", "people"}}},
		{"en", "Seven paramilitary guards were reportedly killed.", []want{{"Seven", 7, "killed", "exact", "guards"}}},
		{"fr", "Une vingtaine de gardes ont trouvé la mort et trois civils ont finalement été blessés.", []want{
			{"Une vingtaine", 20, "killed", "exact", "gardes"}, {"trois", 3, "injured", "exact", "civils"}}},
		// Any adjective of the language between a count and its noun.
		{"en", "The ministry will deploy 500 extra officers and two senior envoys.", []want{
			{"500", 500, "person", "exact", "officers"}, {"two", 2, "person", "exact", "envoys"}}},
		// Tolls and idioms before the count.
		{"en", "The death toll from the 2015 attacks on the city rose to 130.", []want{{"130", 130, "killed", "exact", ""}}},
		// Four plain digits before the people they count are no year: below
		// 1900, or after a verb of killing; "in 1999 people" dates.
		{"en", "The war began with a raid in which 1400 civilians were killed.", []want{{"1400", 1400, "killed", "exact", "civilians"}}},
		{"en", "The militia killed 2000 people in the valley.", []want{{"2000", 2000, "killed", "exact", "people"}}},
		{"en", "In 1999 people voted for change.", nil},
		{"en", "The bodies of 6 guards were found.", []want{{"6", 6, "killed", "exact", "guards"}}},
		{"fr", "Le bilan s'élève désormais à 19.", []want{{"19", 19, "killed", "exact", ""}}},
		{"fr", "L'explosion a coûté la vie à neuf passagers.", []want{{"neuf", 9, "killed", "exact", "passagers"}}},
		{"en", "The blast claimed the lives of 14 workers.", []want{{"14", 14, "killed", "exact", "workers"}}},
		// A participle in quotation marks; an article is no second count.
		{"en", `Some 14 people "hurt in the blast" were treated.`, []want{{"14", 14, "injured", "about", "people"}}},
		{"fr", "Cinq gardes qui surveillaient un dépôt avaient péri.", []want{{"Cinq", 5, "killed", "exact", "gardes"}}},
		// A casualty count restated later as a head count is one figure.
		{"fr", "Au moins 40 gardes ont péri. L'attaque contre les 40 gardes a choqué.", []want{
			{"40", 40, "killed", "at_least", "gardes"}}},
		{"en", "The army freed 300 hostages and 40 more were found later.", []want{
			{"300", 300, "person", "exact", "hostages"}, {"40", 40, "person", "exact", "hostages"}}},
		{"en", "The army freed 300 hostages in 2019 and another 40 kilometres were cleared.", []want{
			{"300", 300, "person", "exact", "hostages"}}},
		{"en", "In 2015 100 people fled the town.", []want{{"100", 100, "person", "exact", "people"}}},
		// A price or a rate per unit is no sum and no count.
		{"en", "Clients paid up to $600 an hour, and the militia seized 30 a day.", nil},
		{"en", "They paid 5,000 dollars a month and gave $2 million to the fund.", []want{{"$2 million", 2e6, "money_usd", "exact", ""}}},
		{"fr", "Les clients payaient 600 euros de l'heure et 5 000 euros par mois.", nil},
		{"en", "Oil traded at $50 a barrel and the bank's stock ended at $12.50 per share.", nil},
		// A participle only people undergo counts people after a bare count.
		{"en", "Two arrested after Vessa port fire", []want{{"Two", 2, "person", "exact", ""}}},
		{"fr", "Trois interpellés après l'incendie du port", []want{{"Trois", 3, "person", "exact", ""}}},
		// A bare count as the next clause's subject counts the same people.
		{"en", "Rescuers reached 1,250 hikers by noon, while 340 were still missing.", []want{
			{"1,250", 1250, "person", "exact", "hikers"}, {"340", 340, "person", "exact", "hikers"}}},
		{"fr", "Les secours ont rejoint 1 250 randonneurs tandis que 340 n'ont pas pu être localisés.", []want{
			{"1 250", 1250, "person", "exact", "randonneurs"}, {"340", 340, "person", "exact", "randonneurs"}}},
		// A number word names the count its value ends: "the number of X … N".
		{"en", "Officials put the number of recruits in the camps at 4,000 last year.", []want{{"4,000", 4000, "person", "exact", ""}}},
		{"fr", "Le nombre de recrues dans les camps est estimé à 4 000 par la police.", []want{{"4 000", 4000, "person", "exact", ""}}},
		{"en", "The number of attacks rose to 30 in 2031.", []want{{"30", 30, "attack", "exact", ""}}},
		// Losing people is losing them dead; losing jobs counts nobody.
		{"en", "The army said it lost two soldiers on Friday and the mine lost 2,000 jobs.", []want{{"two", 2, "killed", "exact", "soldiers"}}},
		{"fr", "Le bataillon a perdu deux soldats près de Vessa ; l'usine a perdu 2 000 emplois.", []want{{"deux", 2, "killed", "exact", "soldats"}}},
		// A casualty word right after a later count is that count's noun.
		{"fr", "Le ferry transportait 180 passagers, dont 9 enfants et 14 blessés, selon la préfecture.", []want{
			{"180", 180, "person", "exact", "passagers"}, {"9", 9, "person", "exact", "enfants"}, {"14", 14, "injured", "exact", "blessés"}}},
		{"fr", "Le brut est tombé à 50 dollars le baril et le titre a fini à 12 euros par action.", nil},
		{"fr", "Ils ont versé 5 000 euros chacun, soit 20 000 euros au total.", []want{{"20 000", 20000, "money_eur", "exact", "euros"}}},
		{"en", "He offered a reward of up to $3 million for the leaders.", []want{{"$3 million", 3e6, "money_usd", "up_to", ""}}},
		// Scales after scales, and South Asian ones: a lakh is 100,000, a crore ten million.
		{"en", "The relief plan of Rs 2.5 lakh crore was announced.", []want{{"Rs 2.5 lakh crore", 2.5e12, "other", "exact", ""}}},
		{"en", "The fund held two thousand million dollars.", []want{{"two thousand million", 2e9, "money_usd", "exact", "dollars"}}},
		{"en", "About 12 lakh people were moved.", []want{{"12 lakh", 1.2e6, "person", "about", "people"}}},
		{"en", "The network moved 420,000 dollars and €1.5m through couriers.", []want{
			{"420,000", 420000, "money_usd", "exact", "dollars"}, {"€1.5m", 1.5e6, "money_eur", "exact", ""}}},
		{"en", "The group raised 2bn dollars in oil sales.", []want{{"2bn", 2e9, "money_usd", "exact", "dollars"}}},
		{"en", "The council paid $11k for the survey; its clerk ran a 5k race.", []want{{"$11k", 11000, "money_usd", "exact", ""}}},
		{"en", "Eight member-states voted against, and 300 fire-fighters marched.", []want{{"300", 300, "person", "exact", "fire-fighters"}}},
		{"en", "The militia said it had wounded “at least 12” guards at the depot.", []want{{"12", 12, "injured", "at_least", "guards"}}},
		{"en", "Raiders shot at two MPs outside the depot, killing one; one of them ran.", []want{{"two", 2, "person", "exact", "MPs"}, {"one", 1, "killed", "exact", ""}}},
		{"en", "Around 80 or so Islamic State fighters fled; 15 of them were caught.", []want{
			{"80", 80, "person", "about", "fighters"}, {"15", 15, "person", "exact", "them"}}},
		{"en", "The raid freed 30 of the 110 hostages held by the group.", []want{
			{"30", 30, "person", "exact", "hostages"}, {"110", 110, "person", "exact", "hostages"}}},
		{"en", "Between 1,500 and 2,000 fighters are based in the province.", []want{
			{"1,500", 1500, "person", "at_least", "fighters"}, {"2,000", 2000, "person", "exact", "fighters"}}},
		{"en", "The 2019 bombings killed 269 people, including 45 children.", []want{
			{"269", 269, "killed", "exact", "people"}, {"45", 45, "killed", "exact", "children"}}},
		{"en", "More than 3,000 are believed to have been killed since 2015.", []want{{"3,000", 3000, "killed", "more_than", ""}}},
		{"en", "They could not hold a town of 45,000 against them, nor a city of 2 million.", []want{
			{"45,000", 45000, "person", "exact", ""}, {"2 million", 2e6, "person", "exact", ""}}},
		{"en", "France suffered eight attacks, Germany four and Spain two.", []want{{"eight", 8, "attack", "exact", "attacks"}}},
		// Not figures: ages, years, dates, durations, percentages, times, groups.
		{"en", "The 17-year-old, aged 17, was jailed for two years in 2019.", nil},
		{"en", "The September 11 attacks and the 9/11 commission; 30 days later, at 8 p.m.", nil},
		{"en", "Support for the group fell by 40% and 12 percent among the 1990s recruits.", nil},
		{"en", "Three main scenarios emerged; one man was arrested in June 19th raids.", nil},
		{"en", "Leaders met after the Oct. 7 terrorist attack and the Sept. 11 hijackers' plot.", nil},
		{"en", "Over 340 children died, most of them younger than 5 died at home.", []want{{"340", 340, "killed", "more_than", "children"}}},
		{"fr", "Il a recensé 24 éborgnés et 5 mutilés parmi les manifestants.", []want{{"24", 24, "injured", "exact", "éborgnés"}, {"5", 5, "injured", "exact", "mutilés"}}},
		{"fr", "Le livre, paru à Paris en 2017, compte 176 pages et trois pages d'annexes.", nil},
		{"en", "Ahmed (24) and his brother were charged under Article 421 of the code.", nil},
		{"en", "Call +33 1 23 45 67 89 or visit on 22.03.2016 at 10:30.", nil},
		{"en", "Dozens of people and millions of euros; hundreds of fighters.", nil},
		// French.
		{"fr", "L'attaque a fait 32 morts et des centaines de blessés.", []want{{"32", 32, "killed", "exact", "morts"}}},
		{"fr", "Au moins 20 soldats et une cinquantaine de jihadistes ont été tués.", []want{
			{"20", 20, "killed", "at_least", "soldats"}, {"une cinquantaine", 50, "killed", "exact", "jihadistes"}}},
		{"fr", "Près de 3 000 combattants ont attaqué la ville.", []want{{"3 000", 3000, "person", "about", "combattants"}}},
		{"fr", "Le réseau a transféré 1,2 million d'euros vers la Syrie.", []want{{"1,2 million", 1.2e6, "money_eur", "exact", "euros"}}},
		{"fr", "L'attaque au couteau a fait un mort et un blessé, puis le mort a été identifié.", []want{{"un", 1, "killed", "exact", "mort"}, {"un", 1, "injured", "exact", "blessé"}}},
		{"fr", "Une vingtaine de sapeurs-pompiers ont éteint le feu du hangar, puis les 27 États-membres ont voté.", []want{{"Une vingtaine", 20, "person", "exact", "sapeurs-pompiers"}}},
		{"fr", "Il a tué trois personnes et en a blessé vingt et un autres.", []want{
			{"trois", 3, "killed", "exact", "personnes"}, {"vingt et un", 21, "injured", "exact", ""}}},
		{"fr", "Quatre-vingts otages et deux mille réfugiés ont été recensés.", []want{
			{"Quatre-vingts", 80, "person", "exact", "otages"}, {"deux mille", 2000, "person", "exact", "réfugiés"}}},
		{"fr", "Une soixantaine de parties civiles et quatre accusés, dont deux d'entre eux mineurs.", []want{
			{"Une soixantaine", 60, "person", "exact", "parties civiles"}, {"quatre", 4, "person", "exact", "accusés"}, {"deux", 2, "person", "exact", "eux"}}},
		{"fr", "Plus de 400 terroristes [ont été] décimés, selon l'armée.", []want{{"400", 400, "killed", "more_than", "terroristes"}}},
		{"fr", "Le pays a subi trois attentats et deux rares frappes.", []want{{"trois", 3, "attack", "exact", "attentats"}, {"deux", 2, "attack", "exact", "frappes"}}},
		{"fr", "Âgé de 17 ans, il a été arrêté le 13 novembre 2015 après le 13-Novembre, à 19 h 48.", nil},
		{"fr", "Une personne a été tuée; un homme de 29 ans, cinq pour cent des voix.", nil},
	}
	for _, tc := range tests {
		got := run(t, st, tc.lang, tc.text)
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %d figures, want %d: %+v", tc.text, len(got), len(tc.want), got)
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			if tc.text[g.Start:g.End] != w.text || g.Value != w.value || g.Unit != w.unit || g.Qualifier != w.qual || g.Noun != w.noun {
				t.Errorf("%q figure %d: got %q %v %s %s noun=%q, want %q %v %s %s noun=%q", tc.text, i,
					tc.text[g.Start:g.End], g.Value, g.Unit, g.Qualifier, g.Noun, w.text, w.value, w.unit, w.qual, w.noun)
			}
			if g.NounSpan != nil && tc.text[g.NounSpan.Start:g.NounSpan.End] != g.Noun {
				t.Errorf("%q: noun span %v does not hold %q", tc.text, *g.NounSpan, g.Noun)
			}
		}
	}
}

func TestApproximateAndDedup(t *testing.T) {
	st := newStage(t)
	got := run(t, st, "en", "A dozen fighters crossed. Later a dozen fighters returned, and 12 hostages were freed.")
	if len(got) != 1 || got[0].Value != 12 || !got[0].Approximate || got[0].Unit != dossier.UnitPerson {
		t.Fatalf("want one approximate (12, person), got %+v", got)
	}
}

func TestBoilerplateSkipped(t *testing.T) {
	st := newStage(t)
	text := "Subscribe: 3 months for 10 euros\nThe attack killed 14 people.\n"
	doc := &dossier.Document{Text: text, Lang: "en", Boilerplate: []dossier.Span{{Start: 0, End: 32}}}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Figures) != 1 || doc.Figures[0].Value != 14 || doc.Figures[0].Unit != dossier.UnitKilled {
		t.Fatalf("got %+v", doc.Figures)
	}
}

func TestUnknownLanguageUsesAllLexicons(t *testing.T) {
	st := newStage(t)
	got := run(t, st, "", "Trois attentats ont fait 130 morts; three attacks killed 20 people.")
	var values []float64
	for _, f := range got {
		values = append(values, f.Value)
	}
	if len(values) != 3 || values[0] != 3 || values[1] != 130 || values[2] != 20 {
		t.Fatalf("got %v", values)
	}
}

func TestHardWrappedSentence(t *testing.T) {
	st := newStage(t)
	text := "The explosion killed\n16 people near the market."
	doc := &dossier.Document{Text: text, Lang: "en", Sentences: []dossier.Span{{Start: 0, End: len(text)}}}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Figures) != 1 || doc.Figures[0].Unit != dossier.UnitKilled {
		t.Fatalf("got %+v", doc.Figures)
	}
	// Without sentences a line break ends the clause.
	if got := run(t, st, "en", text); len(got) != 1 || got[0].Unit != dossier.UnitPerson {
		t.Fatalf("got %+v", got)
	}
}

func TestLexiconErrors(t *testing.T) {
	bad := fstest.MapFS{"en/figures.yaml": {Data: []byte("nouns:\n  robots: [droids]\n")}}
	if _, err := New(lexicon.FromFS(bad)); err == nil {
		t.Error("unknown unit accepted")
	}
	typo := fstest.MapFS{"en/figures.yaml": {Data: []byte("numbrs:\n  one: 1\n")}}
	if _, err := New(lexicon.FromFS(typo)); err == nil {
		t.Error("unknown field accepted")
	}
	if _, err := New(lexicon.FromFS(fstest.MapFS{})); err == nil {
		t.Error("empty lexicon set accepted")
	}
}

func TestCancelled(t *testing.T) {
	st := newStage(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &dossier.Document{Text: "The attack killed 14 people.", Lang: "en"}
	if err := st.Process(ctx, doc); err == nil {
		t.Error("cancelled context not reported")
	}
}

// TestCasualtyIdioms: the phrases of dying that the lexicons list are
// ordinary idioms of each language, not any article's wording; every one
// makes its count a count of the dead, before or after it.
func TestCasualtyIdioms(t *testing.T) {
	st := newStage(t)
	cases := []struct{ lang, text string }{
		{"en", "Seven guards lost their lives in the fire."},
		{"en", "The fire claimed the lives of 7 guards."},
		{"en", "The fire cost the lives of 7 guards."},
		{"en", "The fire took the lives of 7 guards."},
		{"en", "Seven guards were martyred in the fire."},
		{"fr", "Sept gardes ont trouvé la mort dans l'incendie."},
		{"fr", "Sept gardes ont perdu la vie dans l'incendie."},
		{"fr", "L'incendie a coûté la vie à 7 gardes."},
		{"fr", "L'incendie a coûté la vie aux 7 gardes de la caserne."},
		{"en", "The village mourned the deaths of 7 guards."},
		{"fr", "Le village pleure la mort de 7 gardes."},
		{"fr", "Le village a compté 7 gardes tue\u0301s dans l'incendie."}, // decomposed accents
	}
	for _, tc := range cases {
		figs := run(t, st, tc.lang, tc.text)
		if len(figs) != 1 || figs[0].Value != 7 || figs[0].Unit != dossier.UnitKilled {
			t.Errorf("%q: got %+v, want one count of 7 killed", tc.text, figs)
		}
	}
}

// TestPeopleComeWhole: a number with a fraction counts no people ("fixed at
// 1.5338 marks"); a fraction of a million does.
func TestPeopleComeWhole(t *testing.T) {
	st := newStage(t)
	got := run(t, st, "en", "The rate was fixed at 1.5338 marks on Friday, and 1.5 million people fled the region.")
	if len(got) != 1 || got[0].Value != 1500000 || got[0].Unit != "person" {
		t.Errorf("got %+v, want only 1.5 million people", got)
	}
}

// TestOtherCurrenciesAndBodies: money in a currency other than the dollar
// and the euro is a figure of unit other, by its symbol or its name
// ("pounds" alone is as often a weight); bodies count the dead.
func TestOtherCurrenciesAndBodies(t *testing.T) {
	st := newStage(t)
	checkOneFigure(t, st, []oneFigure{
		{"en", "Anyone who breaks the order can be fined £4,000 under the new rules.", 4000, dossier.UnitOther},
		{"en", "Operating profit fell 41 per cent to S$110.2 million last year.", 110.2e6, dossier.UnitOther},
		{"en", "The group booked an A$5m loss on its port assets.", 5e6, dossier.UnitOther},
		// A sum before a noun for people and a verb stays a sum.
		{"en", "The $80 speaker provides access to the station's news.", 80, dossier.UnitMoneyUSD},
		{"en", "The cell paid 20,000 dinars to each recruit's family.", 20000, dossier.UnitOther},
		{"en", "Rescuers recovered 40 bodies from the rubble on Thursday.", 40, dossier.UnitKilled},
		{"fr", "Les enquêteurs ont saisi 30 000 dirhams dans l'appartement.", 30000, dossier.UnitOther},
		{"fr", "Les secours ont retrouvé 12 cadavres dans le village.", 12, dossier.UnitKilled},
	})
	if figs := run(t, st, "en", "Customs officers found 475 pounds of cocaine in the hull."); len(figs) != 0 {
		t.Errorf("a weight in pounds read as money: %+v", figs)
	}
}

// TestNounCompounds: in English a noun may modify the counted noun right
// after it ("four security guards"); a preposition does not ("through
// couriers"), and in French the noun comes first ("deux entités jihadistes"
// counts entities, not people).
func TestNounCompounds(t *testing.T) {
	st := newStage(t)
	for _, tc := range []struct {
		lang, text string
		want       float64
	}{
		{"en", "All five crash victims were taken to the city hospital.", 5},
		{"en", "Two army officers were arrested at the border on Friday.", 2},
		{"en", "The city sent 12 police officers to the port on Friday.", 12},
	} {
		figs := run(t, st, tc.lang, tc.text)
		if len(figs) != 1 || figs[0].Value != tc.want || figs[0].Unit != dossier.UnitPerson {
			t.Errorf("%q: got %+v, want %v people", tc.text, figs, tc.want)
		}
	}
	for _, tc := range []struct{ lang, text string }{
		{"en", "The cell moved 7 million through couriers and traders."},
		{"fr", "On parle de deux entités jihadistes principales dans la région."},
		// A singular noun for people before a plural noun of things
		// qualifies it: the things are counted.
		{"en", "The city sent 300 police vehicles to the port on Friday."},
		{"en", "Some 40 student visas were cancelled by the ministry."},
	} {
		if figs := run(t, st, tc.lang, tc.text); len(figs) != 0 {
			t.Errorf("%q: got %+v, want no count of people", tc.text, figs)
		}
	}
}

// TestNamesNumber: a number right after a capitalised word inside a
// sentence is that name's ("Section 12 permits", "Route 66"); a sentence's
// first word before a number opens a count ("Some 300 people").
func TestNamesNumber(t *testing.T) {
	st := newStage(t)
	for _, tc := range []struct{ lang, text string }{
		{"en", "Tenants may apply for Section 12 permits from next year."},
		{"en", "The crash on Route 66 drivers still talk about happened in May."},
	} {
		if figs := run(t, st, tc.lang, tc.text); len(figs) != 0 {
			t.Errorf("%q: got %+v, want no figure", tc.text, figs)
		}
	}
	for _, tc := range []struct {
		lang, text string
		want       float64
	}{
		{"en", "Some 300 protesters gathered on Friday.", 300},
		{"en", "The police said: 40 people were arrested.", 40},
	} {
		figs := run(t, st, tc.lang, tc.text)
		if len(figs) != 1 || figs[0].Value != tc.want {
			t.Errorf("%q: got %+v, want %v", tc.text, figs, tc.want)
		}
	}
}

// TestFrenchNounsThatAreAdjectives: French adjectives follow their noun, so
// a person noun that is an adjective too counts after a number ("60
// chanteurs", "12 militants"); one that stands before nouns does not ("les
// 2 dernières années").
func TestFrenchNounsThatAreAdjectives(t *testing.T) {
	st := newStage(t)
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"La chorale ne comptera plus que 60 chanteurs l'an prochain.", 60},
		{"Au moins 12 militants ont été arrêtés samedi.", 12},
		{"Quelque 150 policiers et 30 étudiants étaient présents.", 150},
	} {
		figs := run(t, st, "fr", tc.text)
		if len(figs) == 0 || figs[0].Value != tc.want || figs[0].Unit != dossier.UnitPerson {
			t.Errorf("%q: got %+v, want %v people", tc.text, figs, tc.want)
		}
	}
	if figs := run(t, st, "fr", "Les prix ont doublé au cours des 2 dernières années."); len(figs) != 0 {
		t.Errorf("got %+v, want no figure", figs)
	}
}

// TestScalesAndRates: "trillion", the French "billion" (10^12), halves of a
// multiplier; a rate's base ("per 100,000 people") counts nobody.
func TestScalesAndRates(t *testing.T) {
	st := newStage(t)
	checkOneFigure(t, st, []oneFigure{
		{"en", "The plan added $8 trillion to the debt.", 8e12, dossier.UnitMoneyUSD},
		{"fr", "La dette publique atteint 3 billions d'euros.", 3e12, dossier.UnitMoneyEUR},
		{"en", "Half a million people fled the city.", 500000, dossier.UnitPerson},
		{"en", "The town has a half million residents.", 500000, dossier.UnitPerson},
	})
	checkNoFigure(t, st, "en", "Half the guards fled.", "There were 20 cases per 100,000 people last week.")
}

// TestPricesPerUnit: a sum or a count followed by its unit of time, person
// or item is a price or a rate, no figure: general wording of both
// languages ("per month", "a week", "par an", "la nuit").
func TestPricesPerUnit(t *testing.T) {
	st := newStage(t)
	checkNoFigure(t, st, "en", "Rooms cost $90 a night and guards earned $300 a week.",
		"The group charged $50 per month, then $500 per year.", "Each recruit got $200 per person.")
	checkNoFigure(t, st, "fr", "La chambre coûtait 90 euros la nuit.", "Il touchait 3 000 euros par an.",
		"Ils payaient 50 euros par personne.")
}

// oneFigure is a sentence with the one figure it must yield.
type oneFigure struct {
	lang, text string
	value      float64
	unit       string
}

func checkOneFigure(t *testing.T, st *Stage, cases []oneFigure) {
	t.Helper()
	for _, tc := range cases {
		figs := run(t, st, tc.lang, tc.text)
		if len(figs) != 1 || figs[0].Value != tc.value || figs[0].Unit != tc.unit {
			t.Errorf("%q: got %+v, want one figure %v %s", tc.text, figs, tc.value, tc.unit)
		}
	}
}

func checkNoFigure(t *testing.T, st *Stage, lang string, texts ...string) {
	t.Helper()
	for _, text := range texts {
		if figs := run(t, st, lang, text); len(figs) != 0 {
			t.Errorf("%q: got %+v, want no figure", text, figs)
		}
	}
}

// TestDeathNounCues: the nouns of a death or a killing before a count make
// it a count of the dead in both languages ("the death of", "the killing
// of", "l'assassinat de", "le meurtre de"): general wording, not one
// article's.
func TestDeathNounCues(t *testing.T) {
	st := newStage(t)
	for _, tc := range []struct{ lang, text string }{
		{"en", "The court heard about the death of 4 guards at the depot."},
		{"en", "The report blamed the militia for the killing of 4 guards."},
		{"fr", "L'enquête porte sur l'assassinat de 4 gardes au dépôt."},
		{"fr", "Il est jugé pour le meurtre de 4 gardes."},
	} {
		figs := run(t, st, tc.lang, tc.text)
		if len(figs) != 1 || figs[0].Value != 4 || figs[0].Unit != dossier.UnitKilled {
			t.Errorf("%q: got %+v, want one count of 4 killed", tc.text, figs)
		}
	}
}

// TestCapitalisedPeople: a plural noun for people written with a capital
// still counts people; a capitalised word before a name's next word is a
// modifier of the noun after it.
func TestCapitalisedPeople(t *testing.T) {
	st := newStage(t)
	checkOneFigure(t, st, []oneFigure{
		{"en", "The council said 200 Accountants arrived on Monday.", 200, "person"},
		{"en", "About 12 Harbourton Nurses Union members marched.", 12, "person"},
	})
	checkNoFigure(t, st, "en", "The band won 3 Grammys on Monday.")
}
