package mentions

import (
	"slices"
	"strings"
	"testing"
)

// wireCase is a sentence with the mentions it must and must not yield.
type wireCase struct {
	lang, text string
	want, not  []string
}

func checkCases(t *testing.T, cases []wireCase) {
	t.Helper()
	for _, tc := range cases {
		got := found(run(t, tc.text, tc.lang))
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: missing %s; got %v", tc.text, w, got)
			}
		}
		for _, w := range tc.not {
			for _, g := range got {
				if g == w || len(g) > len(w) && g[:len(w)] == w && g[len(w)] == '/' {
					t.Errorf("%q: unexpected %s; got %v", tc.text, g, got)
				}
			}
		}
	}
}

// TestInitials: an initial and its period belong to the person's name,
// before a surname or between names; after another word the letter is a
// grade or a group's label.
func TestInitials(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The bowler R. Talbot took four wickets before lunch.", []string{"R. Talbot/PER"}, []string{"Talbot"}},
		{"en", "Marta K. Velloso and T. R. Okafor signed the appeal.", []string{"Marta K. Velloso/PER", "T. R. Okafor/PER"}, []string{"Marta K.", "Velloso"}},
		{"en", "A letter from J.D. Harrow reached the court in Lisbon.", []string{"J.D. Harrow/PER", "Lisbon/LOC"}, nil},
		// A party's letter, a hyphen and a state's dotted abbreviation: the state.
		{"en", "The bill was filed by Rep. Ann Tessel, D-N.J., on Monday.", []string{"Ann Tessel/PER", "N.J./LOC"}, []string{"D-N", "D"}},
		// A first name that is a common word too, or no list's, before the initial.
		{"en", "The ruling was described by Spencer T. Varnak on Friday.", []string{"Spencer T. Varnak/PER"}, []string{"Spencer T.", "Varnak"}},
		{"en", "A letter from Oyelaran K. Temidayo was read in court.", []string{"Oyelaran K. Temidayo/PER"}, []string{"Temidayo"}},
		{"en", "Hosts Norland play in Group C. Vessaria were drawn in Group D.", nil, []string{"Group C. Vessaria"}},
		{"fr", "Le juge P. Marchetti a entendu les parties à Lyon.", []string{"P. Marchetti/PER", "Lyon/LOC"}, nil},
		{"fr", "Le député P. Martin a parlé vendredi.", []string{"P. Martin/PER"}, []string{"Martin/LOC"}},
	})
}

// TestShoutedLines: in a line in capitals, case says nothing, so a
// dictionary word is no name; places and acronyms the knowledge base knows
// are still read, and a channel's number is told from a score or a year.
func TestShoutedLines(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "TALBOT NAMED AS NEW CAPTAIN OF ENGLAND SIDE.\nThe selectors met on Friday.", []string{"ENGLAND/LOC"}, []string{"TALBOT NAMED", "NAMED", "CAPTAIN"}},
		{"en", "FANS LOCKED OUT AFTER VIOLENCE IN MOSCOW.\nThe league acted on Friday.", []string{"MOSCOW/LOC"}, []string{"FANS LOCKED", "FANS"}},
		{"en", "LISBON 2031-05-17\nThe court sat on Friday and heard the case.", []string{"LISBON/LOC"}, []string{"LISBON 2031"}},
		{"en", "NORLAND 2 VESSARIA 1 AFTER EXTRA TIME.\nThe match was tense.", nil, []string{"NORLAND 2", "VESSARIA 1"}},
		{"en", "VARNOTECH H1 PROFIT RISE BELOW TARGET.\nThe results came on Friday.", nil, []string{"PROFIT", "H1 PROFIT RISE BELOW TARGET"}},
		{"en", "Reporters at KALLIM 24 said the talks in Cairo had ended.", []string{"KALLIM 24/ORG", "Cairo/LOC"}, nil},
		{"en", "TALKS IN NEW YORK FAIL AGAIN.\nThe delegates left on Friday.", []string{"NEW YORK/LOC"}, []string{"YORK/LOC"}},
	})
}

// TestClubPartners: in a document about sport, a town listed with a known
// club or playing it is a club, and so is a town in brackets after a player;
// outside sport the town stays a place.
func TestClubPartners(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Odds for Saturday's league match between Real Madrid and Valencia were published.", []string{"Real Madrid/ORG", "Valencia/ORG"}, []string{"Valencia/LOC"}},
		{"en", "Football results on Sunday.\nReal Madrid v Sevilla\nThe stadium was full.", []string{"Real Madrid/ORG", "Sevilla/ORG"}, []string{"Sevilla/LOC"}},
		{"en", "The squad for the qualifier, with two goalkeepers.\nGoalkeepers - Tomas Vessaro (Valencia, Spain), Rui Kessel (Braga)", []string{"Valencia/ORG", "Braga/ORG", "Spain/LOC"}, []string{"Valencia/LOC", "Braga/LOC"}},
		{"en", "Talks between Real Madrid and Valencia officials on the new tax ended.", []string{"Real Madrid/ORG", "Valencia/LOC"}, []string{"Valencia/ORG"}},
		// A score, then its scorers and their minutes in brackets.
		{"en", "Summaries of league matches on Friday:\nLeeds 2 (Vantongeren 30th pen, Kesselring 89th) Vessa Rovers 1 (Marlowe 18th).", []string{"Leeds/ORG", "Vantongeren/PER", "Kesselring/PER", "Marlowe/PER"}, []string{"Leeds/LOC", "Vantongeren/ORG"}},
		{"en", "The tower had 40 floors; she lived on the 30th floor of Kessel Tower.", []string{"Kessel Tower/LOC"}, nil},
		{"en", "The mayor, Tomas Vessaro (Valencia), spoke at the summit on Friday.", []string{"Valencia/LOC"}, []string{"Valencia/ORG"}},
	})
}

// TestRoleNouns: a capitalised noun for a person before a name is the
// person's role, cut off as a title is; a style such as "Sir" belongs to
// the name.
func TestRoleNouns(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Coach Lena Varga has named a young squad for the match.", []string{"Lena Varga/PER"}, []string{"Coach Lena Varga"}},
		{"en", "Defender Tom Ashby headed the ball into his own net.", []string{"Tom Ashby/PER"}, []string{"Defender Tom Ashby"}},
		{"en", "Sir Tom Ashby chaired the inquiry into the bombing.", []string{"Sir Tom Ashby/PER"}, nil},
		// A role no word list knows, written in lower case elsewhere, before a
		// first name that is a country's too.
		{"en", "Midfielder Jordan Halloway scored twice. The midfielder was later substituted.", []string{"Jordan Halloway/PER"}, []string{"Jordan/LOC", "Midfielder Jordan Halloway"}},
	})
}

// TestAcronymAsName: a long acronym that the knowledge base lists ("IRIS",
// "RAND") and that British style writes capitalised is a person's name where
// a first name and a surname make one; alone or before a noun it stays the
// body.
func TestAcronymAsName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Iris Vantongeren said the talks had failed.", []string{"Iris Vantongeren/PER"}, []string{"Iris/ORG"}},
		{"en", "The novelist Ayn Rand was born in Russia.", []string{"Ayn Rand/PER", "Russia/LOC"}, []string{"Rand/ORG"}},
		{"en", "Nato troops left the base and Isis fighters moved in.", []string{"Nato/ORG", "Isis/ORG"}, nil},
	})
}

// TestFirstNameProvinces: a first name that some country's province is
// named like ("Paúl", Cape Verde) opens a person's name before a surname, and
// is the person's surname alone later when the document names the person so.
func TestFirstNameProvinces(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Senator Mark Paul voted against the bill. Later Paul said it was wrong.", []string{"Mark Paul/PER", "Paul/PER"}, []string{"Paul/LOC"}},
		{"en", "Rand Paul spoke in Victoria on Friday.", []string{"Rand Paul/PER", "Victoria/LOC"}, []string{"Paul/LOC"}},
	})
}

// TestListItems: a numbered item of a results list is no headline, whose
// capitals would say nothing: the names in it stand on their own.
func TestListItems(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Results of the race on Friday:\n1. Vessko Talmar (Norland) 15:08.00\n2. Orin Kadder (Vessaria) 15:09.40\n",
			[]string{"Vessko Talmar/PER", "Orin Kadder/PER", "Norland/LOC"}, nil},
	})
}

// TestGivenNameBeforeTown: a given name that is also a town's, before a
// town's name, opens a person's name; a country does not.
func TestGivenNameBeforeTown(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The sprinter Dennis Lancaster won ahead of two younger rivals.", []string{"Dennis Lancaster/PER"}, []string{"Lancaster"}},
		{"en", "Flights from Jordan resumed on Friday.", []string{"Jordan/LOC"}, nil},
	})
}

// TestTownNamedPerson: a small town's name with a person verb after it or a
// title before it is a person there and throughout the document; a major
// place speaking for its government stays a place.
func TestTownNamedPerson(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Dole said on Friday he would veto the bill, and aides said Dole was firm.", []string{"Dole/PER"}, []string{"Dole/LOC"}},
		{"en", "Paris said on Friday it would not change its policy.", []string{"Paris/LOC"}, nil},
		{"en", "Residents of Dole said the road was closed.", []string{"Dole/LOC"}, nil},
	})
}

// TestInstitutionNames: a place opening a name an institution's head ends,
// a head with its domain, a run spelt by its acronym are one organisation.
func TestInstitutionNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Shares fell on the Lisbon Stock Exchange, the Harbourton Chamber of Commerce said.",
			[]string{"Lisbon Stock Exchange/ORG", "Harbourton Chamber of Commerce/ORG"}, []string{"Lisbon", "Stock Exchange"}},
		{"en", "The statement was carried by the official Norland News Agency (NNA) on Friday.", []string{"Norland News Agency/ORG", "NNA/ORG"}, nil},
		{"en", "On Friday the Ministry of Defence and the Army denied it.", []string{"Ministry of Defence/ORG"}, []string{"Ministry of Defence and the Army"}},
		{"en", "Leaders of the Kurdistan Democratic Party met in Erbil.", []string{"Kurdistan Democratic Party/ORG", "Erbil/LOC"}, []string{"Democratic Party"}},
		{"en", "An analyst at the Lisbon Institute for Security Studies said so.", []string{"Lisbon Institute for Security Studies/ORG"}, []string{"Lisbon"}},
	})
}

// TestRoleApposition: a role in apposition after an unknown name makes it a
// person, even after a place preposition; a place's apposition does not,
// nor a new clause's subject after the comma.
func TestRoleApposition(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The envoy leaned toward Vandar Kesslo, president of the separatist council.", []string{"Vandar Kesslo/PER"}, []string{"Vandar Kesslo/LOC"}},
		{"en", "Talks were held in Kesslo, a town in the north, on Friday.", []string{"Kesslo/LOC"}, nil},
		{"fr", "Le diplomate est allé à Vorlanda, une ville du nord, puis à Kesslo, puis un suspect a été arrêté.", []string{"Vorlanda/LOC", "Kesslo/LOC"}, nil},
		{"fr", "Il a parlé avec Karim Dessol, ancien ministre de la Défense.", []string{"Karim Dessol/PER"}, nil},
		{"en", "The panel questioned Vessaro Cueto, the transit agency's deputy director, on Monday.", []string{"Vessaro Cueto/PER"}, []string{"Cueto/LOC"}},
		{"en", "Talks were held in Kesslo, the region's main town, on Friday.", []string{"Kesslo/LOC"}, nil},
	})
}

// TestCommonNounInKnownName: a lower-case common noun where every alias of
// a known name has a capital is the common noun ("an Islamic state").
func TestCommonNounInKnownName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The group fought to establish an Islamic state in the region.", nil, []string{"Islamic state"}},
		{"en", "The Islamic State claimed the attack.", []string{"Islamic State/ORG"}, nil},
		{"fr", "L'État islamique a revendiqué l'attaque.", []string{"État islamique/ORG"}, nil},
	})
}

// TestGivenNamesList: the generated first names open persons' names; one
// alone after a place preposition names a place.
func TestGivenNamesList(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The manager Orville Tesskin resigned on Friday after the defeat.", []string{"Orville Tesskin/PER"}, nil},
		{"en", "The suspect lived in Sharon before moving to the coast.", []string{"Sharon/LOC"}, []string{"Sharon/PER"}},
		{"fr", "Le suspect vivait dans le Romane avant de partir pour la côte.", []string{"Romane/LOC"}, []string{"Romane/PER"}},
	})
}

// TestNameLikeATown: an unknown first word before a small town's name is a
// person's name where something says person ("by", a person verb, a title);
// elsewhere it may be a town's two-word name.
func TestNameLikeATown(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The appeal was signed by Vessko Saran and two lawyers.", []string{"Vessko Saran/PER"}, nil},
		{"en", "The convoy reached Vessko Saran on Friday.", nil, []string{"Vessko Saran/PER"}},
		{"fr", "L'appel a été signé par Vessko Saran et deux avocats.", []string{"Vessko Saran/PER"}, nil},
	})
}

// TestCompaniesAndWars: company suffixes head organisations whatever the
// first word; wars and revolutions are events, not entities.
func TestCompaniesAndWars(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Shares of Lena Motor Corp fell after the report on Friday.", []string{"Lena Motor Corp/ORG"}, nil},
		{"en", "Veterans of the Korean War gathered on Friday.", nil, []string{"Korean War"}},
		{"fr", "Les anciens de la Guerre d'Algérie se sont réunis vendredi.", nil, []string{"Guerre d'Algérie"}},
	})
}

// TestAcronymListedWithPerson: an acronym listed with a person's name stays
// an organisation.
func TestAcronymListedWithPerson(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "You can find her work on VESKA and Forbes, the desk said on Friday.", []string{"VESKA/ORG"}, []string{"VESKA/PER"}},
	})
}

// TestLongInstitutionNames: an institution with its domain and its place is
// one name; a person "of" an institution is two; a coordination opening a
// second head splits a French lower-case tail.
func TestLongInstitutionNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The National Council for Water Security of Norland met on Friday.", []string{"National Council for Water Security of Norland/ORG"}, []string{"Norland"}},
		{"en", "Lena Varga of the Harbourton Police spoke on Friday.", []string{"Lena Varga/PER", "Harbourton Police/ORG"}, []string{"Lena Varga of the Harbourton Police"}},
		{"fr", "L'organisation Front ardent et le lycée Pasteur ont été visés vendredi.", []string{"Front ardent/ORG", "lycée Pasteur/ORG"}, []string{"Front ardent et le lycée Pasteur"}},
	})
}

// TestSurnameNamedLikeATown: a small town's name that is the surname of a
// person the document names is that person.
func TestSurnameNamedLikeATown(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "President Fidel Dole spoke on Friday. Dole thanked the envoys in a letter.", []string{"Dole/PER"}, []string{"Dole/LOC"}},
	})
}

// TestParticleNames: lower-case particles inside a person's name.
func TestParticleNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "On Friday Peter van Heerden left the ground before the match ended.", []string{"Peter van Heerden/PER"}, nil},
		{"en", "The defender Peter van der Wessel scored twice in the second half.", []string{"Peter van der Wessel/PER"}, nil},
		// A capitalised particle that is a town's name too ("Van") opens a
		// surname before a lower-case particle, whatever the first name.
		{"en", "Tobechi Van den Broek said the images were clear.", []string{"Tobechi Van den Broek/PER"}, []string{"Van/LOC"}},
		{"en", "Tobechi Van den Broek of Harbourton State University said the images were clear.", []string{"Tobechi Van den Broek/PER", "Harbourton State University/ORG"}, nil},
		{"en", "The bombing in Van on Monday killed two people.", []string{"Van/LOC"}, nil},
		{"en", "“It is a gift,” said Mireille des Aubrais, the museum's director.", []string{"Mireille des Aubrais/PER"}, nil},
		{"en", "The minister spoke with the Honourable Tessa Varnham on Monday.", []string{"Tessa Varnham/PER"}, []string{"Honourable Tessa Varnham"}},
	})
}

// TestPersonOfBody: an unknown first name and surname, then "of" and a
// body with a head of its own, are a person and the body, not one name;
// a head before "of" keeps the name whole.
func TestPersonOfBody(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Oyelaran Temidayo of the Harbourton Port Authority spoke first.", []string{"Oyelaran Temidayo/PER", "Harbourton Port Authority/ORG"}, nil},
		{"en", "Oyelaran Temidayo of Kessington University said the data were sound.", []string{"Oyelaran Temidayo/PER", "Kessington University/ORG"}, nil},
		{"en", "The Bank of Norland and the University of Vessa agreed.", []string{"Bank of Norland/ORG", "University of Vessa/ORG"}, nil},
	})
}

// TestAppositionIsNoList: a name set off by commas after another is an
// apposition, not a list item, and keeps its own type; a list that a
// coordinator ends types its unknown members like its known ones.
func TestAppositionIsNoList(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The envoy to the United Nations, Orsolya Kemeny, arrived on Friday.", []string{"United Nations/ORG", "Orsolya Kemeny/PER"}, nil},
		{"en", "Fighting reached Sabratha, Kallimar and Varnosk on Friday.", []string{"Sabratha/LOC", "Kallimar/LOC", "Varnosk/LOC"}, nil},
	})
}

// TestClassNounBeforeLongerName: a class noun before a known name is cut
// off, and the name read is the longest one after it.
func TestClassNounBeforeLongerName(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le groupe État islamique au Sahel a revendiqué l'attaque vendredi.", []string{"État islamique au Sahel/ORG"}, []string{"État islamique/ORG", "groupe État islamique"}},
		{"fr", "L'organisation État islamique a revendiqué l'attaque vendredi.", []string{"État islamique/ORG"}, nil},
	})
}

// TestParticleOpensSurname: a capitalised name particle that is also a
// town's opens a surname; an article opens an outlet's title; a
// championship is an event.
func TestParticleOpensSurname(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "It was the first victory under Van Moerkerk after two draws.", []string{"Van Moerkerk/PER"}, []string{"Van/LOC"}},
		{"en", "Fighting spread in Van province on Friday.", []string{"Van/LOC"}, nil},
		{"en", "She reached the final of the Norland Open on Friday.", nil, []string{"Norland Open", "Norland"}},
	})
}

// TestRegionAfterPlace: after a place and a comma, a state in capitals or a
// name ending its clause is the place's region, whatever verb follows.
func TestRegionAfterPlace(t *testing.T) {
	checkCases(t, []wireCase{
		// The knowledge base knows the place with its region: one place.
		{"en", "Officials in Washington, D.C. said the talks would resume.", []string{"Washington, D.C./LOC"}, []string{"D.C./PER", "D.C./LOC"}},
		// It does not: the region is a place of its own.
		{"en", "Officials in Varnak, N.V. said the talks would resume.", []string{"Varnak/LOC", "N.V./LOC"}, []string{"N.V./PER"}},
		{"en", "In Kabul, Karim Vessaro said the talks had failed.", []string{"Karim Vessaro/PER"}, nil},
	})
}

// TestAmpersandNames: an ampersand joins a firm's name, which a
// coordination after it ends; a byline's ampersand lists authors; a
// country written with one keeps its type.
func TestAmpersandNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Analysts at Harrow & Sons and Vessel Wertheim & Co said the bank would be sold.",
			[]string{"Harrow & Sons/ORG", "Vessel Wertheim & Co/ORG"}, []string{"Harrow & Sons and Vessel Wertheim & Co"}},
		{"en", "The report by Lena Varga & Tom Ashby appeared on Friday.", []string{"Lena Varga/PER", "Tom Ashby/PER"}, nil},
		{"en", "Delegates from Trinidad & Tobago voted on Friday.", []string{"Trinidad & Tobago/LOC"}, nil},
	})
}

// TestTitlesBeforeNames: an office's title with its domain before a given
// name is no part of the person's name, nor is a hyphenated rank; a known
// place inside the title stays; a role in apposition may follow modifiers.
func TestTitlesBeforeNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The U.S. Assistant Secretary of State John Kessling left on Friday.", []string{"U.S./LOC", "John Kessling/PER"}, []string{"Assistant Secretary of State John Kessling"}},
		{"en", "The commander, Major-General Peter Vassko, took journalists to the town.", []string{"Peter Vassko/PER"}, []string{"Major-General Peter Vassko"}},
		{"en", "Harbourton Police Director Alfredo Vessko said the road was closed.", []string{"Harbourton Police/ORG", "Alfredo Vessko/PER"}, nil},
		{"en", "Kessmore, the Norland-born actor, plays the lead role.", []string{"Kessmore/PER"}, nil},
	})
}

// TestTitleAcrossCoordination: a title that a coordination runs through
// ("Under Secretary for Terrorism and Financial Intelligence") is cut off the
// person's name after it.
func TestTitleAcrossCoordination(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "\"We will act,\" said Under Secretary for Terrorism and Financial Intelligence Lena Varga on Friday.", []string{"Lena Varga/PER"}, []string{"Financial Intelligence Lena Varga"}},
	})
}

// TestGivenNameBeforeKnownPerson: a given name right before a person the
// knowledge base knows without it is part of the name.
func TestGivenNameBeforeKnownPerson(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le chef de l'EIGS, Adnan Abou Walid al-Sahraoui, a été tué.", []string{"Adnan Abou Walid al-Sahraoui/PER"}, []string{"Adnan/PER"}},
	})
}

// TestFrenchInstitutionHeads: a lower-case institution head with its
// modifiers before "de" and a place names the institution; after an
// indefinite article it is generic and the place is a place.
func TestFrenchInstitutionHeads(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Il a été jugé par la cour d'assises spécialement composée de Paris.", []string{"cour d'assises spécialement composée de Paris/ORG"}, nil},
		{"fr", "Le tribunal correctionnel de Lyon a condamné trois hommes.", []string{"tribunal correctionnel de Lyon/ORG"}, nil},
		{"fr", "Il a comparu devant un tribunal de Lyon en décembre.", []string{"Lyon/LOC"}, []string{"tribunal de Lyon"}},
	})
}

// TestNamedSites: common words that a place's head ends, capitalised inside
// a sentence, name a site; a ministry so named after "the" is the body of
// the country the article is about (the gold annotates it), and in lower
// case any country's.
func TestNamedSites(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "They met in Liberty Park and later in the Green Zone.", []string{"Liberty Park/LOC", "Green Zone/LOC"}, nil},
		{"en", "On Friday the Interior Ministry said the talks had failed.", []string{"Interior Ministry/ORG"}, nil},
		{"en", "On Friday the interior ministry said the talks had failed.", nil, []string{"interior ministry"}},
	})
}

// TestNameListedBeforeEvent: a name coordinated with an event's name stays
// a name; former states are places.
func TestNameListedBeforeEvent(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The envoy thanked president Vessaro and the Islamic Conference on Saturday.", []string{"Vessaro/PER"}, []string{"Islamic Conference"}},
		{"en", "He fled the Soviet Union in 1979.", []string{"Soviet Union/LOC"}, nil},
		{"fr", "L'armée de l'URSS est entrée en Afghanistan en 1979.", []string{"URSS/LOC", "Afghanistan/LOC"}, nil},
	})
}

// TestNameAbbreviations: an abbreviation's period inside a place's name.
func TestNameAbbreviations(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The bomb went off in a St. Petersburg metro station on Monday.", []string{"St. Petersburg/LOC"}, []string{"St/LOC", "Petersburg/LOC"}},
		{"en", "Climbers left the slopes of Mt. Vessaro on Friday.", []string{"Mt. Vessaro/LOC"}, nil},
	})
}

// TestPlaceAdjectiveAfter: a province's or a town's adjective after an
// unknown name makes it a place, at a sentence's start too.
func TestPlaceAdjectiveAfter(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Vessaro provincial officials said the plant was closed.", []string{"Vessaro/LOC"}, nil},
		{"en", "On Friday the Kallimar municipal council met.", []string{"Kallimar/LOC"}, nil},
	})
}

// TestCommonWordWhereCapitalsTellNothing: a word capitalised only because it
// opens a headline or a sentence, and written in lower case elsewhere in the
// document, is the document's common word, not a town of that name; a word
// the document also capitalises inside a sentence keeps its name.
func TestCommonWordWhereCapitalsTellNothing(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Man Charged After Knife Attack in London\n\nA 23-year-old man was charged on Friday, police in London said.",
			[]string{"London/LOC"}, []string{"Man"}},
		{"en", "Man Charged After Knife Attack\n\nThe suspect was arrested in Man, a town in the west, police said on Friday.",
			[]string{"Man/LOC"}, nil},
		{"en", "Reading was quiet on Friday. Police in Reading said a man was held after reading a statement aloud.",
			[]string{"Reading/LOC"}, nil},
	})
}

// TestHeadAfterName: a head noun right after a capitalised name is that
// name's head, even when the knowledge base knows the head word alone as
// another name ("Island" is Iceland in several languages, "Commission" a
// body's short name).
func TestHeadAfterName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The dead were buried on Varro Island and Kesso's Island, near Long Island Sound, officials said on Friday.",
			[]string{"Varro Island/LOC", "Kesso's Island/LOC", "Long Island Sound/LOC"}, []string{"Island", "Varro", "Kesso"}},
		{"en", "The Federal Trade Commission said on Friday that it had fined the firm.",
			[]string{"Federal Trade Commission/ORG"}, []string{"Commission", "Federal Trade"}},
	})
}

// TestParticleAfterGivenName: a given name, a lower-case particle and a
// capitalised surname are one person, when the given name is also a place's
// name ("Dominique" is Dominica in French) and after a place and a title.
func TestParticleAfterGivenName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Norland Foreign Minister Dominique de Varenne said on Friday that talks would go on.",
			[]string{"Dominique de Varenne/PER"}, []string{"Dominique", "Varenne"}},
		{"fr", "Le ministre Dominique de Varenne a déclaré vendredi que les discussions continueraient.",
			[]string{"Dominique de Varenne/PER"}, []string{"Dominique", "Varenne"}},
		{"en", "Harbourton Mayor Tom de Vessar said the city would act.", []string{"Tom de Vessar/PER"}, []string{"Vessar"}},
	})
}

// TestDemonymOfTwoWordPlace: the people of a place named in two words
// ("New Yorkers") are no name, as "Londoners" are not.
func TestDemonymOfTwoWordPlace(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Thousands of New Yorkers and Londoners left their cities on Friday.", nil, []string{"New Yorkers", "Londoners"}},
	})
}

// TestPlaceBeforeTitle: a known place before an office's title stays a
// place, also when the place's name is a given name too ("Paris"); the
// title is cut off the person's name.
func TestPlaceBeforeTitle(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Officials said Paris Mayor Lena Varga would act on Friday.", []string{"Paris/LOC", "Lena Varga/PER"}, []string{"Mayor"}},
		{"en", "The singer Paris Varga said on Friday she would act.", []string{"Paris Varga/PER"}, []string{"Paris/LOC"}},
	})
}

// TestSentenceOpenerBeforeName: a function word capitalised only because it
// opens the sentence, and the article after it, do not hide the name after
// them ("At the University of …" is read as "at the University of …").
func TestSentenceOpenerBeforeName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "At the University of Norland in Vessa, students met on Friday.", []string{"University of Norland/ORG", "Vessa/LOC"}, nil},
	})
}

// TestLegislatorTitles: a legislator's title, abbreviated or not, is cut off
// the name and makes it a person's.
func TestLegislatorTitles(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Rep. Lena Varga and Congressman Tom Ashby backed the plan.", []string{"Lena Varga/PER", "Tom Ashby/PER"}, []string{"Rep", "Congressman Tom Ashby"}},
		{"en", "The plan was backed by Representative Ashby on Friday.", []string{"Ashby/PER"}, []string{"Representative Ashby"}},
	})
}

// TestHyphenatedGivenNames: a given name of two romanised syllables joined
// by a hyphen, the second in lower case, is part of the person's name; a
// hyphenated adjective or a code is not a name.
func TestHyphenatedGivenNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Leader Kim Jong-un met Moon Jae-in on Friday.", []string{"Kim Jong-un/PER", "Moon Jae-in/PER"}, []string{"Kim", "Moon"}},
		{"fr", "L'écrivain Hwang Sok-yong a été reçu vendredi.", []string{"Hwang Sok-yong/PER"}, []string{"Hwang"}},
		{"en", "The Senegalese-born recruit joined a U.S.-led force after Covid-19 struck.", []string{"U.S./LOC"}, []string{"Senegalese-born", "Covid-19"}},
	})
}

// TestTitleDomainAndAcronymBeforePerson: after a title and a connector, one
// capitalised common noun is the office's domain and the two names after it
// the person ("ministre de la Santé Roman Prymula"), not an institution
// ("a spokesperson for the Lady Varro Hospital"); an acronym before a given
// name is a body of its own ("député LREM Karim Haddad").
func TestTitleDomainAndAcronymBeforePerson(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le ministre de la Santé Roman Prymula a démissionné vendredi.", []string{"Roman Prymula/PER"}, []string{"Santé Roman Prymula"}},
		{"en", "A spokesperson for the Lady Varro Hospital said so.", []string{"Lady Varro Hospital/ORG"}, []string{"Varro Hospital"}},
		{"fr", "Le député NRV Karim Haddad a été condamné.", []string{"NRV/ORG", "Karim Haddad/PER"}, []string{"NRV Karim Haddad"}},
	})
}

// TestWorldRegions: a continent and a compass point, or a continent and a
// regional adjective after it, name one region ("Europe du Sud", "Nord de
// l'Afrique", "Afrique subsaharienne").
func TestWorldRegions(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "En Afrique subsaharienne et en Europe du Sud, les pays du Nord de l'Afrique ont réagi.",
			[]string{"Afrique subsaharienne/LOC", "Europe du Sud/LOC", "Nord de l'Afrique/LOC"}, []string{"Afrique/LOC", "Europe/LOC"}},
	})
}

// TestEnglishNamesInFrenchText: "of" and "for" join the parts of an English
// name quoted in a French text.
func TestEnglishNamesInFrenchText(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "L'étude est parue dans le Norland Journal of Security Studies, selon l'Institute for Strategic Dialogue.",
			[]string{"Norland Journal of Security Studies/ORG", "Institute for Strategic Dialogue/ORG"}, []string{"Security Studies"}},
	})
}

// TestForeignSentenceOpeners: a sentence quoted in another language opens
// with a capital that names nothing ("Both sides…" in a French text); a
// loanword alone is not such a sentence.
func TestForeignSentenceOpeners(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Il a écrit sur son compte : « Both sides agreed ». Puis Karim Haddad a quitté Vessa.", []string{"Karim Haddad/PER"}, []string{"Both"}},
	})
}

// TestInstitutionThenPerson: an institution named for its place, then two
// more names, are the institution and a person.
func TestInstitutionThenPerson(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Selon le directeur de l'Hôpital universitaire de Lisbonne Jiří Havran, la situation est grave.",
			[]string{"Hôpital universitaire de Lisbonne/ORG", "Jiří Havran/PER"}, []string{"Hôpital universitaire de Lisbonne Jiří Havran"}},
	})
}

// TestContractedArticle: "au", "du" hold the article a known name opens with
// ("au Figaro" is Le Figaro, the newspaper, not a place).
func TestContractedArticle(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Il a confié au Figaro puis au Monde que le suspect était parti au Mali.", []string{"Figaro/ORG", "Monde/ORG", "Mali/LOC"}, []string{"Figaro/LOC"}},
	})
}

// TestInnerCapital: a word with a capital inside ("MoDem", "PayPal") is a
// name's spelling, not a common word ("modem") capitalised.
func TestInnerCapital(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Hier, le MoDem et PayPal ont réagi au projet.", []string{"MoDem/ORG", "PayPal/ORG"}, nil},
	})
}

// TestTitleWordSurname: a title word alone is the surname of a person the
// document names with it ("Gayle King … King asked"); otherwise it stays a
// title.
func TestTitleWordSurname(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The host Lena King interviewed him. Later King asked about the poll.", []string{"Lena King/PER", "King/PER"}, nil},
		{"en", "The King arrived on Friday and King Varro spoke.", []string{"King Varro/PER"}, []string{"King/PER"}},
	})
}

// TestUnknownNamesAfterTitle: names no word list knows, right after a title
// and before a given name, open the person's name ("President Kasso
// al-Abidine Ben Ali"); an office's domain does not ("Secretary of State").
func TestUnknownNamesAfterTitle(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He met President Kasso al-Abidine Ben Ali on Friday.", []string{"Kasso al-Abidine Ben Ali/PER"}, []string{"Ben Ali/PER"}},
		{"en", "Assistant Secretary of State John Kessel said so.", []string{"John Kessel/PER"}, nil},
	})
}

// TestAdjectiveBeforeNoun: a capitalised adjective before the noun it
// modifies is no name ("Democratic candidates"); inside a name it stays
// ("Syrian Democratic Forces"), and a named person's surname stays a person.
func TestAdjectiveBeforeNoun(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Voters are crucial for Democratic candidates, the Syrian Democratic Forces said.", []string{"Syrian Democratic Forces/ORG"}, []string{"Democratic"}},
		{"en", "The mayor Tim Savage spoke first. Savage also thanked the police.", []string{"Tim Savage/PER", "Savage/PER"}, nil},
	})
}

// TestInstitutionsWithCoordinatedDomains: an institution's head with its
// domain holds a coordination ("Academy of … Arts and Sciences"); a premier
// is a title; "Ing-wen" is a given name's syllables.
func TestInstitutionsWithCoordinatedDomains(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The Institute for Transport and Security Policy and the Academy of Film Arts and Sciences met.",
			[]string{"Institute for Transport and Security Policy/ORG", "Academy of Film Arts and Sciences/ORG"}, []string{"Security Policy"}},
		{"en", "President Tsai Ing-wen met Premier Lena Varga on Friday.", []string{"Tsai Ing-wen/PER", "Lena Varga/PER"}, []string{"Premier Lena Varga"}},
	})
}

// TestGivenNamesThatAreWords: a first name that is a common word too
// ("Brad", "Dale") opens a person's name before a surname that is no word,
// also when the surname is a town's; a compass point or a title does not
// ("Major Karim Haddad").
func TestGivenNamesThatAreWords(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "She won the vote, defeating Dale Anderson, and Brad Kessock conceded on Friday.", []string{"Dale Anderson/PER", "Brad Kessock/PER"}, []string{"Anderson/LOC", "Dale/ORG"}},
		{"en", "The envoy met Major Karim Haddad on Friday.", []string{"Karim Haddad/PER"}, []string{"Major Karim Haddad"}},
	})
}

// TestPostNominalsAndWeekdayAbbreviations: letters after a person's name
// are no part of it; an abbreviated weekday in a headline is no name.
func TestPostNominalsAndWeekdayAbbreviations(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The barrister Neil Varga QC told the court on Friday that he was sorry.", []string{"Neil Varga/PER"}, []string{"Neil Varga QC"}},
		{"en", "Storm Alert Issued for Varro Tues\n\nA storm is expected in Varro on Tuesday, officials said.", []string{"Varro/LOC"}, []string{"Tues", "Varro Tues"}},
	})
}

// TestOfficesAsTitles: a capitalised noun that denotes a person is a title
// before a given name ("Supervisor Lena Varga") and before "of" and a body's
// name, which is then the name ("Chairman of the … Authority"); plurals and
// name particles open names ("Friends of …", "Champ de Vessa"); an office
// with no name after it names nothing.
func TestOfficesAsTitles(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Supervisor Lena Varga of Tarrow County voted against the plan.",
			[]string{"Lena Varga/PER", "Tarrow County/LOC"}, []string{"Supervisor Lena Varga", "Supervisor Lena Varga of Tarrow County"}},
		{"en", "The Chairman of the Harbourton Port Authority said the dock would close.",
			[]string{"Harbourton Port Authority/ORG"}, []string{"Chairman of the Harbourton Port Authority", "Chairman"}},
		{"en", "She met the Prime Minister and Chairman of the Coastal Fisheries Authority on Friday.",
			[]string{"Coastal Fisheries Authority/ORG"}, []string{"Prime Minister and Chairman of the Coastal Fisheries Authority"}},
		{"en", "Marta Kell, Chair of the Norland House Committee on Water Services, opened the hearing.",
			[]string{"Marta Kell/PER", "Norland House Committee on Water Services/ORG"}, []string{"Chair of the Norland House Committee"}},
		{"en", "The Minister of Foreign Affairs resigned on Friday.", nil, []string{"Foreign Affairs", "Minister of Foreign Affairs"}},
		{"en", "The men were not charged, but Acting U.S. Attorney for the District of Vermont Lena Varga said the inquiry goes on.",
			[]string{"U.S./LOC", "Lena Varga/PER", "District of Vermont/LOC"}, []string{"Attorney for the District", "U.S. Attorney", "District/LOC"}},
		{"en", "Storms formed over the Gulf of Mexico on Friday.", []string{"Gulf of Mexico/LOC"}, []string{"Mexico/LOC"}},
		{"en", "Acting U.S. Attorney for the District of Norland Lena Varga said the inquiry goes on.",
			[]string{"U.S./LOC", "Lena Varga/PER"}, []string{"Attorney for the District", "U.S. Attorney"}},
		{"en", "The Champ de Vessa will host the final.", nil, []string{"Vessa"}},
	})
}

// TestUnknownNameEndingInACommonNoun: a name that no given name opens and a
// common noun ends is a firm's, a team's or a body's, whatever verb
// follows; after a place preposition it is a place; a given name still
// opens a person's.
func TestUnknownNameEndingInACommonNoun(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Brightwater Logistics said on Friday it would appeal.", []string{"Brightwater Logistics/ORG"}, nil},
		{"en", "The Corvale Tigers beat the Harbourton Stingers on Sunday.", []string{"Corvale Tigers/ORG", "Harbourton Stingers/ORG"}, nil},
		{"en", "Fighting resumed in Kessa Afar on Friday.", []string{"Kessa Afar/LOC"}, nil},
		{"en", "Lena Baker said on Friday she would appeal.", []string{"Lena Baker/PER"}, nil},
		{"en", "Al Pacino presented the award in 2009, and Heath Ledger won it.", []string{"Heath Ledger/PER", "Al Pacino/PER"}, nil},
		{"en", "Future Publishing and the Lummi Nation signed a deal near Kessa Marina.", []string{"Future Publishing/ORG", "Lummi Nation/ORG", "Kessa Marina/LOC"}, nil},
	})
}

// TestSourceAndAddresseePrepositions: "according to", "spoke to", "grâce à"
// end with a place preposition but introduce a source or an addressee.
func TestSourceAndAddresseePrepositions(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "According to Priya Ramaswamy, the plan was approved in May.", []string{"Priya Ramaswamy/PER"}, []string{"Priya Ramaswamy/LOC"}},
		{"en", "The convoy went to Kessington on Friday.", []string{"Kessington/LOC"}, nil},
		{"fr", "Le plan a été adopté grâce à Karim Dessol, puis le convoi est allé à Vessanne.", []string{"Karim Dessol/PER", "Vessanne/LOC"}, nil},
	})
}

// TestAgeApposition: an age in apposition after a name makes it a person's
// (even a town's name, even at a sentence's start after a first name that
// is a word), and the place after "of" where the person lives a place.
func TestAgeApposition(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Zoe Nelson, 31, was hurt in the crash on the ring road.", []string{"Zoe Nelson/PER"}, []string{"Nelson/LOC"}},
		{"en", "Officers arrested Dariusz Wrobel, 41, of Kessington, on Friday.", []string{"Dariusz Wrobel/PER", "Kessington/LOC"}, nil},
		{"en", "Voters in Kessington, 12, and Harlow, 9, backed him.", nil, []string{"Kessington/PER"}},
		{"en", "The vote in Kessington (12) was close.", []string{"Kessington/LOC"}, nil},
	})
}

// TestPlaceLedNames: a known place glued to capitalised words that are no
// given name, title or other known name is one firm's or team's name; a
// people ("Somali American") and a person named like a place are not.
func TestPlaceLedNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The providers, Harbour Gas and Southern California Vessalux, cut power.", []string{"Southern California Vessalux/ORG"}, []string{"California/LOC"}},
		{"en", "The Oregon Independent Grid Operator ordered cuts.", []string{"Oregon Independent Grid Operator/ORG"}, nil},
		{"en", "Paris Hilton arrived in London on Friday.", []string{"Paris Hilton/PER", "London/LOC"}, nil},
		{"en", "Many Somali American voters backed him.", nil, []string{"Somali American"}},
	})
}

// TestTitleEndingARun: a title that ends a run with no name after it is the
// office, cut off the body's name before it; a first name and an initial
// make the next word a surname, whatever else the knowledge base knows by it.
func TestTitleEndingARun(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The road stays shut, said Aldo Fenn, who is Tarrow County Public Works Director.",
			[]string{"Aldo Fenn/PER", "Tarrow County Public Works/ORG"}, []string{"County Public Works Director", "Tarrow County Public Works Director"}},
		{"en", "The panel handed its findings to the Sri Lankan President, who thanked it.", nil, []string{"Lankan", "Sri Lankan"}},
		{"en", "Michael R. Bloomberg spoke to voters in Houston on Friday.", []string{"Michael R. Bloomberg/PER", "Houston/LOC"}, []string{"Bloomberg/ORG"}},
	})
}

// TestHeadThenPlace: a body's head and the place it serves, with no
// connector between, name the body, also at the end of a longer name;
// choirs, philharmonics and chambers are bodies; a British style opens a
// person's name in French too.
func TestHeadThenPlace(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le chœur de Radio Norvège a chanté avec le Philharmonique de Radio Norvège.",
			[]string{"Radio Norvège/ORG", "Philharmonique de Radio Norvège/ORG"}, []string{"Radio/ORG", "Norvège/LOC"}},
		{"fr", "La manifestation est partie de la Chambre de commerce et d'industrie de Lyon.", []string{"Chambre de commerce et d'industrie de Lyon/ORG"}, nil},
		{"fr", "Hier, l'Orchestre National de Norvège et le Philharmonique de Radio Norvège ont joué.",
			[]string{"Orchestre National de Norvège/ORG", "Philharmonique de Radio Norvège/ORG"}, []string{"Orchestre National/ORG"}},
		{"fr", "Le concert était dirigé par Sir Tom Davis à Londres.", []string{"Sir Tom Davis/PER", "Londres/LOC"}, []string{"Davis/LOC"}},
	})
}

// TestFirstNameBeforeANonEntityHead: a first name and a word that heads
// laws or events make a person's name ("Stuart Law"); a major place named
// like a first name and an event's head do not ("Victoria Olympics").
func TestFirstNameBeforeANonEntityHead(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He added 71 runs with fellow all-rounder Stuart Law, who scored 21.", []string{"Stuart Law/PER"}, nil},
		{"en", "Police scramble ahead of the July start of the Victoria Olympics.", nil, []string{"Victoria Olympics"}},
	})
}

// TestTitleWordInsideAHeadedName: a title word inside a name that a head
// ends, with no given name after it, is part of the name.
func TestTitleWordInsideAHeadedName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The suspect was taken to Kessington General Hospital on Friday.", []string{"Kessington General Hospital/ORG"}, nil},
		{"en", "Supreme Court Justice Dinesh Perera read the ruling on Friday.", []string{"Supreme Court/ORG", "Dinesh Perera/PER"}, nil},
	})
}

// TestGroupContext: an unknown name that an armed group's members' noun
// follows or precedes with "of", or that claims an attack, is an
// organisation's, even opening a sentence; allegiance is to no place.
func TestGroupContext(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Tessaka claimed responsibility for the attack on Friday.", []string{"Tessaka/ORG"}, nil},
		{"en", "Tessaka claims responsibility for the attack in a statement.", []string{"Tessaka/ORG"}, nil}, // the verb's present tense: general English
		{"en", "Tessaka militants attacked a checkpoint near Varnak.", []string{"Tessaka/ORG", "Varnak/LOC"}, nil},
		{"en", "The recruits pledged allegiance to Tessaka last year.", []string{"Tessaka/ORG"}, []string{"Tessaka/LOC"}},
		{"fr", "Des combattants de Tessaka ont pris la ville de Varnak.", []string{"Tessaka/ORG", "Varnak/LOC"}, nil},
		{"fr", "Le groupe Tessaka a revendiqué l'attaque vendredi.", []string{"Tessaka/ORG"}, []string{"Tessaka/PER"}},
		{"en", "Tessa Varga supporters rallied in Kessington.", []string{"Tessa Varga/PER"}, nil},
	})
}

// TestTownNamedFirstName: a town's name, then a word no list knows, with a
// person's context around them, are a person's name, also after a
// sentence's first word; without one, a place glued to a name is a firm's.
func TestTownNamedFirstName(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Selon Amara Osei, directrice de la clinique, les services sont saturés.", []string{"Amara Osei/PER"}, []string{"Amara/LOC"}},
		{"en", "The letter was signed by Amara Osei on Friday.", []string{"Amara Osei/PER"}, nil},
		{"en", "The providers, Harbour Gas and Southern California Vessalux, cut power.", []string{"Southern California Vessalux/ORG"}, nil},
	})
}

// TestNamedBodies: common words that an organisation's head ends,
// capitalised after "the" inside a sentence, name the body the article is
// about; lower-case they are any body.
func TestNamedBodies(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The measure passed after the City Council voted 7-2 on Tuesday.", []string{"City Council/ORG"}, nil},
		{"en", "He was freed after the High Court ruled on Friday.", []string{"High Court/ORG"}, nil},
		{"en", "He was freed after the high court ruled on Friday.", nil, []string{"high court"}},
		// The article that opens the sentence, capitalised, is the same article.
		{"en", "The High Court ruled on Friday that he was free.", []string{"High Court/ORG"}, nil},
	})
}

// TestFrenchPlaceCompounds: a hyphenated place whose last part follows an
// elided particle ("Goutte-d'Or", "Val-d’Oise") or ends like a nationality
// ("Pas-de-Calais") is a place after a place preposition or "du".
func TestFrenchPlaceCompounds(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Il vit à la Goutte-d'Or depuis 2010, puis dans le Val-d’Oise.", []string{"Goutte-d'Or/LOC", "Val-d’Oise/LOC"}, nil},
		{"fr", "Le préfet du Pas-de-Calais a réagi samedi.", []string{"Pas-de-Calais/LOC"}, nil},
		{"fr", "Le jeune Norlandais a été arrêté samedi.", nil, []string{"Norlandais"}},
	})
}

// TestCompassRegions: a capitalised compass point after an article, alone,
// names a region; lower case, or before a name, it does not.
func TestCompassRegions(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "La préfecture du Nord a interdit la manifestation, et il vit dans le Sud.", []string{"Nord/LOC", "Sud/LOC"}, nil},
		{"fr", "Il vit dans le sud depuis 2010.", nil, []string{"sud"}},
		{"en", "Fighting spread in the North after the vote.", []string{"North/LOC"}, nil},
		{"en", "Leaders in the West condemned the attack.", nil, []string{"West"}},
	})
}

// TestParticlesBeforeAHead: particles and an article before an
// institution's head open no name; the run starts at the head.
func TestParticlesBeforeAHead(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Les grévistes de l'Opéra de Lyon ont voté samedi.", []string{"Opéra de Lyon/ORG"}, []string{"Lyon/LOC"}},
	})
}

// TestNumberedRoads: an ordinal number and a road's head name a road, with
// the compass point before them; a district so numbered is no road.
func TestNumberedRoads(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Police closed Harbour Drive and Northwest 112th Avenue after the crash on Friday.",
			[]string{"Harbour Drive/LOC", "Northwest 112th Avenue/LOC"}, nil},
		{"en", "Police closed West 42nd Street for hours on Friday.", []string{"West 42nd Street/LOC"}, nil},
		{"en", "The 4th District Court of Appeal ruled on Friday.", nil, []string{"4th District"}},
	})
}

// TestFirstNamesThatArePlaces: a first name that is a place's name too
// ("Jordan") opens a person's name before a surname, also one that is a
// town's; after a place preposition it stays the place.
func TestFirstNamesThatArePlaces(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Jordan Henderson scored twice on Saturday.", []string{"Jordan Henderson/PER"}, []string{"Jordan/LOC", "Henderson/LOC"}},
		{"en", "The fire was out by noon, said Chad Michael, a neighbour, who lives in Jordan.", []string{"Chad Michael/PER", "Jordan/LOC"}, []string{"Chad/LOC", "Michael/PER"}},
		{"en", "A car driven by Oyelaran Jackson was stopped on the bridge, the police said.", []string{"Oyelaran Jackson/PER"}, []string{"Jackson/LOC"}},
		{"en", "Harbourton High School Principal Lena Varga confirmed the closure on Monday.", []string{"Harbourton High School/ORG", "Lena Varga/PER"}, []string{"High School Principal Lena Varga/PER"}},
		{"en", "She teaches at the Harbourton School of Law, the college said.", []string{"Harbourton School of Law/ORG"}, nil},
		{"en", "He wrote to the Interpol Office of Legal Affairs on Monday, his lawyer said.", []string{"Interpol Office of Legal Affairs/ORG"}, []string{"Office of Legal Affairs/ORG"}},
		{"en", "Two men were charged in the Eastern District of Michigan, the Justice Department said.", []string{"Eastern District of Michigan/LOC"}, []string{"Eastern District/LOC", "Michigan/LOC"}},
		{"en", "The raid killed Captain Jordan Vessaro and Field Officer Liban Tormund, the army said.", []string{"Jordan Vessaro/PER", "Liban Tormund/PER"}, []string{"Jordan/LOC", "Liban/LOC"}},
		{"en", "Two Somali MPs met the port's union on Monday.", nil, []string{"Somali/LOC"}},
		{"en", "The blast killed governor Lena Catholic. Later, Catholic's driver said the Catholic bishop had warned them.", []string{"Lena Catholic/PER", "Catholic/PER"}, []string{"Catholic/ORG", "Catholic/LOC"}},
		{"fr", "La vidéo a été diffusée par ash-Vessara puis reprise par ad-Kallimiya.", []string{"ash-Vessara/ORG", "ad-Kallimiya/ORG"}, []string{"Vessara/ORG", "Kallimiya/ORG"}},
		{"fr", "Il a été vu dans la rue principale de Vessa, puis rue de Tessy, près de la prison centrale de Kallim.", []string{"Vessa/LOC", "rue de Tessy/LOC", "Kallim/LOC"}, []string{"rue principale de Vessa/LOC", "prison centrale de Kallim/LOC", "Kallim/ORG"}},
		{"en", "US forces left the base and the UK government said so; the US Army stayed.", []string{"US/LOC", "UK/LOC", "US Army/ORG"}, []string{"US forces/ORG", "UK government/ORG"}},
		{"en", "They shelled an Internally Displaced Persons (IDP) camp near the Harbour Safety Authority (HSA) office; the IDP camp burned.", []string{"Harbour Safety Authority/ORG", "HSA/ORG"}, []string{"Internally Displaced Persons/ORG", "IDP/ORG"}},
		{"en", "Gunmen stormed a base of the Norland Army's 64 Brigade Task Force Battalion; 3 Division Street was shut.", []string{"64 Brigade Task Force Battalion/ORG", "Division Street/LOC"}, []string{"Brigade Task Force Battalion/ORG", "3 Division Street/LOC"}},
		{"en", "Bombs were found on the Vessa/Kallim Road, and the Paris/Lyon train was stopped.", []string{"Vessa/Kallim Road/LOC", "Paris/LOC", "Lyon/LOC"}, []string{"Kallim Road/LOC"}},
		{"en", "The raid hit ISIS in West Africa, while ties to IS in Turkey and ISIS in Vessa were cut.", []string{"ISIS in West Africa/ORG", "IS/ORG", "Turkey/LOC", "ISIS/ORG"}, []string{"West Africa/LOC"}},
		{"en", "Gunmen Wound Senior Taliban Envoy in Vessa\n\nThe envoy was treated on Monday.", []string{"Taliban/ORG"}, []string{"Senior Taliban/ORG", "Taliban Envoy/ORG"}},
		{"en", "The Islamic State – Khorasan claimed the blast; the Paris – Lyon road was shut.", []string{"Islamic State – Khorasan/ORG", "Paris/LOC", "Lyon/LOC"}, []string{"Khorasan/LOC", "Islamic State/ORG"}},
		{"en", "The Islamic State- Khorasan Province claimed the blast, and the Islamic State in West Africa Province denied a raid.", []string{"Islamic State- Khorasan Province/ORG", "Islamic State in West Africa Province/ORG"}, []string{"Khorasan Province/ORG", "Islamic State in West Africa/ORG"}},
		{"fr", "Le ministre a remercié les agents.\n— Lena Varga (@lvarga) May 25, 2031\nPuis le 3 Juni 2031, à Vessa.", []string{"Lena Varga/PER"}, []string{"May/PER", "Juni/PER", "May/ORG", "Juni/ORG", "Juni/LOC"}},
		{"en", "Jordan Pickford saved a penalty on Saturday.", []string{"Jordan Pickford/PER"}, nil},
		{"en", "The talks in Jordan ended on Saturday.", []string{"Jordan/LOC"}, nil},
		{"en", "By MARK SHERMAN and LENA VARGA\n\nThe talks ended on Saturday in Kessington.", []string{"MARK SHERMAN/PER", "LENA VARGA/PER"}, []string{"SHERMAN/LOC"}},
	})
}

// TestHeadlineRuns: in a headline every word is capitalised, so its common
// words cut a run into the names inside it; a word before a head, or after
// a first name, stays.
func TestHeadlineRuns(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Varnotech Cleared of Fraud Charges Says Norland Appellate Court\n\nThe ruling came on Friday.",
			[]string{"Norland Appellate Court/ORG"}, []string{"Varnotech Cleared of Fraud Charges Says Norland Appellate Court"}},
		{"en", "Storm Leaves Thousands Without Power Across Kessington County\n\nThe storm hit on Friday.",
			[]string{"Kessington County/LOC"}, []string{"Storm Leaves Thousands Without Power Across Kessington County"}},
		{"fr", "Conservatoire National Supérieur d’Art Dramatique\n\nIl y a étudié trois ans.",
			[]string{"Conservatoire National Supérieur d’Art Dramatique/ORG"}, nil},
		{"en", "Police Arrest Two Men Over Kessington Bank Robbery\n\nTwo men were arrested on Friday.",
			[]string{"Kessington Bank/ORG"}, []string{"Kessington Bank Robbery"}},
		{"fr", "Les Membres du Chœur de Radio Norvège Inquiets pour Tessa Le Blanc\n\nLe chœur a voté samedi.",
			[]string{"Chœur de Radio Norvège/ORG", "Tessa Le Blanc/PER"}, []string{"Les Membres du Chœur de Radio Norvège"}},
	})
}

// TestPlaceAndOrganisationContext: a kind of place in apposition makes an
// unknown name a place's (not a person's role with a place noun in it, "a
// city councilman"); "-based" and "-born" make the name before them a
// place's; an organisation's noun before a name makes it the organisation's.
func TestPlaceAndOrganisationContext(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He was born in Ostrava Nova, a small town near the border.", []string{"Ostrava Nova/LOC"}, []string{"Ostrava Nova/ORG"}},
		{"en", "The deal went to the Kessington-based firm Varnotech on Friday.", []string{"Kessington/LOC", "Varnotech/ORG"}, nil},
		{"en", "\"We will see,\" said Tom Ashby, a city councilman in Kessington.", []string{"Tom Ashby/PER"}, []string{"Tom Ashby/LOC"}},
	})
}

// TestCommonPhraseInCapitals: capitalised common words that the document
// writes in lower case elsewhere are its phrase, not a name.
func TestCommonPhraseInCapitals(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Roads reopened after the Ice Storm Warning Tues.\n\nAn ice storm warning was issued on Monday.",
			nil, []string{"Ice Storm Warning"}},
		{"en", "The Green Party won in Kessington.\n\nA green party was held later.", []string{"Green Party/ORG"}, nil},
	})
}

// TestQualifiedNationality: a nationality word after compass points or
// common words is a nationality, not a name ("Native American").
func TestQualifiedNationality(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "A Native American tribe and Latin American envoys sued the state on Friday.", nil, []string{"Native American", "Latin American"}},
	})
}

// TestArticleLedTitlesAndTypedDashes: a capitalised article inside a
// sentence opens an outlet's title, even one of common words and a
// nationality ("The Norwegian Times"); after a typed dash "--" a capital
// opens a segment, not a title; a two-word nationality is no name.
func TestArticleLedTitlesAndTypedDashes(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He wrote a letter to The Norwegian Times on Friday.", []string{"The Norwegian Times/ORG"}, nil},
		{"en", "Readers of The Norwegian Times wrote in on Friday.", []string{"The Norwegian Times/ORG"}, nil},
		{"en", "WASHINGTON (AP) -- The American Islamic State recruit told a court he regretted joining.", []string{"Islamic State/ORG"}, []string{"The American Islamic State"}},
		{"en", "The South Korean director won the prize on Friday.", nil, []string{"South Korean"}},
	})
}

// TestPlaceBeforeAPlacesOffice: a name before a place's office (mayor,
// governor) is a place's, known or not; before another title it is not
// typed so.
func TestPlaceBeforeAPlacesOffice(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Kessington Mayor Rafe Dunmore declared an emergency on Friday.", []string{"Kessington/LOC", "Rafe Dunmore/PER"}, nil},
		{"en", "Varnotech President Aldo Fenn resigned on Friday.", []string{"Aldo Fenn/PER"}, []string{"Varnotech/LOC"}},
	})
}

// TestCreditLines: a line that lists authors or credits is written in
// capitals like a headline, but words that are no word of the language,
// two or more together, name people even with first names no list holds.
func TestCreditLines(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Oyelaran Temidayo, Kessandra Aduke Ashe\nNovember 8, 2031\nThe port reopened on Monday after a week of strikes.", []string{"Oyelaran Temidayo/PER", "Kessandra Aduke Ashe/PER"}, nil},
		{"en", "Reporting by Oyelaran Temidayo and Tobechi Nnamdi\nThe port reopened on Monday after a week of strikes.", []string{"Oyelaran Temidayo/PER", "Tobechi Nnamdi/PER"}, nil},
		// After a credit's cue, every name of the list is a person's, one
		// whose first word heads bodies too ("Marine") included.
		{"en", "The port reopened on Monday after a week of strikes.\n(Reporting by Tess Orwin, Marine Vessard and Ugo Tarrant; editing by Ann Roe)", []string{"Tess Orwin/PER", "Marine Vessard/PER", "Ugo Tarrant/PER", "Ann Roe/PER"}, nil},
		{"fr", "Le port a rouvert lundi après une semaine de grève.\nPropos recueillis par Marine Vessard et Ugo Tarrant", []string{"Marine Vessard/PER", "Ugo Tarrant/PER"}, nil},
		// A byline's "By" at the line's start: a town's word opens a person's name.
		{"en", "By Lyon Tormund@lytorm Dec 10, 2031, 10:20am\nThe port reopened on Monday after a week of strikes.", []string{"Lyon Tormund/PER"}, []string{"Lyon"}},
		// No cue, no list of people: a body's head opens the name.
		{"en", "The port reopened on Monday, the Marine Vessard said in a statement.", []string{"Marine Vessard/ORG"}, nil},
		// A picture's credit: names on both sides of a slash are read as in
		// a sentence, not cut at their common words like a headline's.
		{"en", "Divers search the harbour on Monday.\nLena Varga / Norland Images via Getty Images", []string{"Lena Varga/PER", "Norland Images/ORG", "Getty Images/ORG"}, nil},
		{"en", "RSVP for Our Town panel on 11/9 at the Kessel Library", nil, []string{"Our Town"}},
		{"fr", "Oyelaran Temidayo, Kessandra Aduke Ashe\nLe port a rouvert lundi après une semaine de grève.", []string{"Oyelaran Temidayo/PER", "Kessandra Aduke Ashe/PER"}, nil},
		{"en", "Storm Warning Issued For Coastal Towns\nThe port closed on Monday after a week of storms.", nil, []string{"Storm Warning", "Coastal Towns"}},
		// An acronym alone on its line (a list of members) is a name.
		{"fr", "Les membres fondateurs sont :\nCNRV\nHVL\nLe conseil a voté lundi.", []string{"CNRV/ORG"}, nil},
	})
}

// TestPlacePartNames: a capitalised direction or part word before a known
// place names a region of its own; the word in lower case does not.
func TestPlacePartNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Flooding closed roads across Greater Manchester and Lancashire on Monday.", []string{"Greater Manchester/LOC", "Lancashire/LOC"}, []string{"Manchester/LOC"}},
		{"en", "Wildfires spread across Southern California on Sunday.", []string{"Southern California/LOC"}, nil},
		{"en", "Their greater aim was to reach Boston before dark.", []string{"Boston/LOC"}, []string{"greater Boston"}},
	})
}

// TestResidentNouns: a name right before a lower-case noun for a person
// ("man", "teenager") is the place the person is from, also when the
// place's name is a common word too; a given name there is a person's.
func TestResidentNouns(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "A Dorunville woman was jailed for six years on Monday.", []string{"Dorunville/LOC"}, []string{"Dorunville/ORG"}},
		{"en", "The court heard that Harbourton man Tomas Berger had fled.", []string{"Harbourton/LOC", "Tomas Berger/PER"}, nil},
		{"en", "A Cork man and a Dublin woman were charged on Friday.", []string{"Cork/LOC", "Dublin/LOC"}, nil},
		{"en", "She met Lena the other day, a woman who knew him.", nil, []string{"Lena/LOC"}},
	})
}

// TestHeadBeforeKnownPlace: a place's head before a known place's name
// names a feature of its own.
func TestHeadBeforeKnownPlace(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Aid trucks waited north of Wadi Halfa on Tuesday.", []string{"Wadi Halfa/LOC"}, []string{"Halfa/LOC"}},
		{"en", "The pilgrims climbed Mount Sinai before dawn.", []string{"Mount Sinai/LOC"}, []string{"Mount/LOC"}},
		{"fr", "Les combats ont repris près du Djebel Chambi.", []string{"Djebel Chambi/LOC"}, nil},
	})
}

// TestFrenchLowerHeads: a lower-case head before a capitalised name opens
// the name in French ("la bande de Gaza", "le ministère de la Santé"), and
// the body's owner after it, a known organisation, is a name of its own.
func TestFrenchLowerHeads(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Les convois attendent à la sortie de la bande de Gaza, selon le ministère de l'Information du Hamas.", []string{"bande de Gaza/LOC", "ministère de l'Information/ORG", "Hamas/ORG"}, []string{"ministère de l'Information du Hamas"}},
		{"fr", "À la pointe Saint-Vessan, le vent a soufflé à 150 km/h.", []string{"pointe Saint-Vessan/LOC"}, nil},
		{"fr", "Il a été transféré à la maison d'arrêt de Varnes en avril.", []string{"maison d'arrêt de Varnes/LOC"}, nil},
		{"fr", "Il est détenu à la Maison d’arrêt de Varnes depuis mars.", []string{"Maison d’arrêt de Varnes/LOC"}, []string{"Varnes/ORG"}},
		{"fr", "Une bande de jeunes a attaqué le poste du ministère.", nil, []string{"bande de jeunes"}},
	})
}

// TestWeatherNames: a storm's name is no entity, after its capitalised
// prefix or a lower-case one, nor alone later in the document.
func TestWeatherNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Storm Orlan hit Cornwall on Monday. Orlan brought winds of 90mph to the coast.", []string{"Cornwall/LOC"}, []string{"Storm Orlan", "Orlan"}},
		{"fr", "La tempête Orlan a frappé Brest lundi. Orlan a fait deux morts sur la côte.", []string{"Brest/LOC"}, []string{"tempête Orlan", "Orlan"}},
		{"en", "HMS Varnak docked at Portsmouth.", []string{"Portsmouth/LOC"}, []string{"HMS Varnak", "Varnak"}},
	})
}

// TestTeamsNamedForTowns: a match's result after or before a town's name,
// or a score in a line of results, makes the name a club's; the town
// stays a place elsewhere.
func TestTeamsNamedForTowns(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Leeds beat Newcastle by two goals at the weekend.", []string{"Leeds/ORG", "Newcastle/ORG"}, []string{"Leeds/LOC"}},
		{"en", "Harbourton United 2 Leeds 1", []string{"Leeds/ORG"}, nil},
		{"en", "Results of Friday's games (home sides in capitals):\nLeeds 103 PORTSMOUTH 95\nThe league's next games are on Sunday afternoon in the north.", []string{"Leeds/ORG", "PORTSMOUTH/ORG"}, []string{"Leeds/LOC"}},
		{"en", "On Saturday Kessel Rovers lost to Leeds after extra time.", []string{"Kessel Rovers/ORG", "Leeds/ORG"}, nil},
		{"en", "The mayor of Leeds said the council beat its target.", []string{"Leeds/LOC"}, nil},
		{"fr", "Samedi, Lyon a battu Lille deux buts à un.", []string{"Lyon/ORG"}, nil},
	})
}

// TestOrganisationNamedForPlace: a name, a lower-case modifier and an
// organisation's noun ("drug cartel", "crime syndicate") name the
// organisation, also when the name is a known region's.
func TestOrganisationNamedForPlace(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Police said the Sinaloa drug cartel ran the warehouse.", []string{"Sinaloa/ORG"}, []string{"Sinaloa/LOC"}},
		{"en", "The Dorunvale crime syndicate was dismantled last year.", []string{"Dorunvale/ORG"}, nil},
		{"en", "Police in Sinaloa said the roads were closed.", []string{"Sinaloa/LOC"}, nil},
	})
}

// TestOutletNames: after an outlet's cue ("told the", "according to",
// "selon le") a capitalised name is a newspaper's or a broadcaster's, kept
// whole even when a nationality word or a common word makes it; a title
// and a person's name after the cue stay a title and a person.
func TestOutletNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "As reported by the Norlandic Examiner, the pair will serve seven months.", []string{"Norlandic Examiner/ORG"}, nil},
		{"en", "The actor told Variety that he was leaving the show.", []string{"Variety/ORG"}, nil},
		{"en", "According to Harbour Director Lena Varga, the port will reopen.", []string{"Lena Varga/PER"}, []string{"Harbour Director Lena Varga"}},
		{"en", "Tom Ashby spoke first. According to Ashby, the plan failed.", []string{"Ashby/PER"}, []string{"Ashby/ORG"}},
		{"fr", "Il a déclaré au Journal du Dimanche que l'accord était mort.", []string{"Journal du Dimanche/ORG"}, nil},
		{"fr", "Selon le Parisien, le ministre quittera ses fonctions lundi.", []string{"Parisien/ORG"}, nil},
	})
}

// TestSharedHead: one capitalised word, "and", and a name its head ends,
// with no article between, share that head ("College and School
// Staff Union"); two names each with its own words stay two.
func TestSharedHead(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Members of the College and School Staff Union went on strike.", []string{"College and School Staff Union/ORG"}, []string{"School Staff Union/ORG"}},
		{"en", "Harbourton University and Kessel University signed the deal.", []string{"Harbourton University/ORG", "Kessel University/ORG"}, nil},
		{"en", "The River Authority and the Port Board met on Monday.", []string{"River Authority/ORG", "Port Board/ORG"}, nil},
	})
}

// TestNationalBranch: an organisation's name, known or a word no list
// holds, then a country's, is the organisation's national branch; a first
// name before a country's name is a person's.
func TestNationalBranch(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le communiqué est signé par Varnatec France et Amnesty International France.", []string{"Varnatec France/ORG", "Amnesty International France/ORG"}, []string{"France/LOC"}},
		{"fr", "Anatole France écrivait chaque matin.", []string{"Anatole France/PER"}, nil},
		{"en", "Troops moved from Kabul to Kandahar on Monday.", []string{"Kabul/LOC", "Kandahar/LOC"}, nil},
	})
}

// TestFrenchCapitalisedHead: in French a capitalised common noun inside a
// sentence, "de" and a known place name a firm or an institution; a
// nationality or a compass point there does not.
func TestFrenchCapitalisedHead(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le syndicat s'oppose à la vente d’Autoroutes de Bretagne.", []string{"Autoroutes de Bretagne/ORG"}, []string{"Bretagne/LOC"}},
		{"fr", "Les Américains de l'Afghanistan sont rentrés.", []string{"Afghanistan/LOC"}, []string{"Américains de l'Afghanistan"}},
		{"fr", "Les pays du Nord de l'Afrique ont réagi.", []string{"Nord de l'Afrique/LOC"}, nil},
	})
}

// TestFrenchDeIsNoPlaceCue: « de » after a noun says whose a thing is, not
// where ("le portrait de Varga", "la porte-parole d'Attac"); after a verb,
// a place preposition or a place's noun it introduces a place.
func TestFrenchDeIsNoPlaceCue(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le chœur a chanté le requiem de Vossaro sous la direction de Karl Amberg.", []string{"Karl Amberg/PER"}, []string{"Vossaro/LOC", "Karl Amberg/LOC"}},
		{"fr", "Il arrive de Vessanville ce matin et repart près de Tessalit.", []string{"Vessanville/LOC", "Tessalit/LOC"}, nil},
		{"fr", "Il a quitté l'aéroport de Dorunvale vendredi.", []string{"Dorunvale/LOC"}, nil},
	})
}

// TestRoadsAndShoutedPossessives: more road heads name streets; the
// possessive of a line in capitals is no part of a name.
func TestRoadsAndShoutedPossessives(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The body was found near Coldwater Terrace on Monday.", []string{"Coldwater Terrace/LOC"}, nil},
		{"en", "TALKS IN NORLAND STALL, VARGA'S SPOKESMAN SAYS\nVarga's spokesman said so on Monday.", nil, []string{"VARGA'S"}},
	})
}

// TestAgeBeforeName: an age right before a name makes it a person's, also
// when a word of it names a place.
func TestAgeBeforeName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "In 2030, 2-year-old Oyelaran Kerry died after being exposed to the drug.", []string{"Oyelaran Kerry/PER"}, []string{"Kerry/LOC"}},
		// An age after the name: a town's name opens a person's, not a firm's.
		{"en", "Agents took Lyon Tormund, 21, into custody at a home on Monday.", []string{"Lyon Tormund/PER"}, []string{"Lyon/LOC", "Lyon Tormund/ORG"}},
		{"en", "The 19-year-old Tobechi Nnamdi was arrested on Friday.", []string{"Tobechi Nnamdi/PER"}, nil},
	})
}

// TestChannelNumbers: a medium's noun capitalised right before a small
// number names a channel with the number ("Norland Radio 4", "Channel 5").
func TestChannelNumbers(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He told Norland Radio 4 that the talks had failed, and Channel 5 News confirmed it.", []string{"Norland Radio 4/ORG", "Channel 5 News/ORG"}, []string{"Norland Radio/ORG"}},
		{"fr", "Il l'a dit sur Radio 1 lundi matin.", []string{"Radio 1/ORG"}, nil},
	})
}

// TestPersonByRelation: a name no list holds is a person's after a noun of
// kinship, with an age in parentheses after it, or after a work's noun and
// its maker's preposition; in either language.
func TestPersonByRelation(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "His daughter Zorvena was injured in the blast.", []string{"Zorvena/PER"}, nil},
		{"en", "Her husband, Tomask, declined to comment.", []string{"Tomask/PER"}, nil},
		{"en", "Tomask (5 years) was taken to hospital.", []string{"Tomask/PER"}, nil},
		{"en", "The orchestra played a symphony by Zorvenko on Friday.", []string{"Zorvenko/PER"}, nil},
		{"fr", "Sa fille Zorvena a été blessée.", []string{"Zorvena/PER"}, nil},
		{"fr", "Il a deux filles, Velka (11 ans) et Dorna (8 ans), et un fils Tomask (2 ans).", []string{"Velka/PER", "Dorna/PER", "Tomask/PER"}, nil},
		{"fr", "Le chœur chante les oratorios de Zorvenko et une cantate de Velmaru.", []string{"Zorvenko/PER", "Velmaru/PER"}, nil},
		// A noun of a place or a body keeps its name's type.
		{"fr", "Il a quitté le village de Tessira avec ses enfants.", []string{"Tessira/LOC"}, nil},
	})
}

// TestListWithArticle: a name listed after a coordinator and an article takes
// the type of the known name it is listed with.
func TestListWithArticle(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The rules now cover Madeira and the Velkaris.", []string{"Madeira/LOC", "Velkaris/LOC"}, nil},
		{"fr", "Les frappes ont touché Lyon et le Tessiran, puis l'Allemagne et l'Ostravie.", []string{"Lyon/LOC", "Tessiran/LOC", "Allemagne/LOC", "Ostravie/LOC"}, nil},
		// A comma and an article set off an apposition, not a list member.
		{"en", "The envoy met Madeira's governor, the Velkaris Group said.", nil, []string{"Velkaris Group/LOC"}},
	})
}

// TestPlatformsNamed: a social network named in a sentence is an
// organisation; a share button's line is furniture.
func TestPlatformsNamed(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The group posted the video on Facebook on Monday.", []string{"Facebook/ORG"}, nil},
		{"en", "The campaign's Facebook page was created in March.", []string{"Facebook/ORG"}, nil},
	})
}

// TestNamedTypes: a name the knowledge base does not know takes the type a
// general dictionary gives it before any default; context still decides
// first ("Miller Drive" is a road).
func TestNamedTypes(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The orchestra closed with Mahler after the interval.", []string{"Mahler/PER"}, nil},
		{"en", "Ferries to the Azores were cancelled on Friday.", []string{"Azores/LOC"}, nil},
		{"fr", "Le pianiste a joué du Brahms hier soir à Lyon.", []string{"Brahms/PER", "Lyon/LOC"}, nil},
		{"en", "Police closed Miller Drive after the crash.", []string{"Miller Drive/LOC"}, []string{"Miller/PER"}},
	})
}

// TestTitleSecondWord: a noun for people between a title and a name no
// dictionary holds is the title's second word, not the name's first.
func TestTitleSecondWord(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Chief Executive Oru Kessel resigned on Monday.", []string{"Oru Kessel/PER"}, []string{"Executive Oru Kessel"}},
		{"en", "Deputy Director Oru Kessel left the agency.", []string{"Oru Kessel/PER"}, []string{"Director Oru Kessel"}},
		{"en", "Senate Minority Leader Oru Kessel spoke first. House Speaker Lena Varga replied.", []string{"Oru Kessel/PER", "Lena Varga/PER"}, []string{"Senate Minority", "House Speaker Lena Varga"}},
		// A body's name after the title stays whole.
		{"en", "Chief Constable Oru Kessel praised Harbourton Police.", []string{"Oru Kessel/PER"}, nil},
	})
}

// TestPlatformsAndRegion: the platforms and companies the knowledge base
// holds are organisations; the rainforest named with its head is a region.
func TestPlatformsAndRegion(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The recruiter moved from WhatsApp to TikTok, and Microsoft said it removed the account.", []string{"WhatsApp/ORG", "TikTok/ORG", "Microsoft/ORG"}, nil},
		{"en", "Illegal gold mining spread across the Amazon rainforest.", []string{"Amazon rainforest/LOC"}, nil},
		{"fr", "L'orpaillage illégal progresse en Amazonie.", []string{"Amazonie/LOC"}, nil},
		{"en", "In a Commons debate the House of Lords and the Knesset were named.", []string{"Commons/ORG", "House of Lords/ORG", "Knesset/ORG"}, nil},
		{"fr", "Le texte a été adopté par l'Assemblée nationale puis par le Sénat.", []string{"Assemblée nationale/ORG", "Sénat/ORG"}, nil},
		{"en", "The IMF and the Organisation for Security and Cooperation in Europe met UNRWA's envoy.", []string{"IMF/ORG", "Organisation for Security and Cooperation in Europe/ORG", "UNRWA/ORG"}, nil},
	})
}

// TestKnownNameSpansCut: where a known name with a coordinator inside runs
// past the coordinator the run is cut at, the names after it are still read.
func TestKnownNameSpansCut(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Agents from Customs and Border Protection and the DEA arrested him.", []string{"Customs and Border Protection/ORG", "DEA/ORG"}, nil},
		{"en", "Officers of Immigration and Customs Enforcement and the Varnak Police searched the house.", []string{"Immigration and Customs Enforcement/ORG", "Varnak Police/ORG"}, nil},
	})
}

// TestBodiesByHeadAndField: a body's head before the place it serves makes
// the name a body's; clubs and cartels are bodies; capitalised common words
// after a field's cue name a field of study, not a body.
func TestBodiesByHeadAndField(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "She teaches at Harbourton College London now.", []string{"Harbourton College London/ORG"}, nil},
		{"en", "He walked to a party at Tessly Golf Club in Glenrothes.", []string{"Tessly Golf Club/ORG", "Glenrothes/LOC"}, nil},
		{"en", "The Varnak Cartel denied the charge.", []string{"Varnak Cartel/ORG"}, nil},
		{"fr", "Elle est soignée au CHU Tessard à Clichy, puis au Collège de Varnak.", []string{"CHU Tessard/ORG", "Clichy/LOC", "Collège de Varnak/ORG"}, nil},
		{"en", "She is professor of Social Policy at Harbourton University.", []string{"Harbourton University/ORG"}, []string{"Social Policy"}},
		{"en", "He holds a degree in Latin American Studies.", nil, []string{"Latin American Studies"}},
		{"en", "Tessly United beat Varnak Rovers on Sunday.", []string{"Tessly United/ORG", "Varnak Rovers/ORG"}, nil},
		// An organisation's head that names a person is a title before a given name.
		{"en", "Harbourton Police Commissioner Mara Tolsen said the ring was busted.", []string{"Harbourton Police/ORG", "Mara Tolsen/PER"}, nil},
		{"en", "The Information Commissioner fined the firm.", []string{"Information Commissioner/ORG"}, nil},
		// A known body after the cue stays a body.
		{"en", "He is professor of law at the University of Oxford.", []string{"University of Oxford/ORG"}, nil},
	})
}

// TestPoliceRanksAndCommonAcronyms: a British police rank's abbreviation is
// a title; acronyms of common nouns are no names.
func TestPoliceRanksAndCommonAcronyms(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "During the inquiry, DS Oru Kessel questioned the gang.", []string{"Oru Kessel/PER"}, []string{"DS Oru Kessel"}},
		{"en", "The firm said AI would cut jobs, and a GP sent her to hospital after CPR.", nil, []string{"AI", "GP", "CPR"}},
	})
}

// TestAcronymSaysIsNoPerson: a speech verb after an acronym makes it no
// person's name.
func TestAcronymSaysIsNoPerson(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The VDPH said the rate rose in March.", []string{"VDPH/ORG"}, nil},
		{"en", "Varga said the rate rose in March.", []string{"Varga/PER"}, nil},
		{"en", "Oru Kessel MLA said the Nazis had burned the books.", []string{"Oru Kessel/PER"}, []string{"Oru Kessel MLA", "Nazis"}},
	})
}

// TestGivenNameBeforeCommonWords: a first name before two or more
// capitalised common words names a body, not a person; particles and
// surnames after it still make a person's name.
func TestGivenNameBeforeCommonWords(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Oru Kessel, a writer with Tessa Climate Partners, said it rained.", []string{"Oru Kessel/PER", "Tessa Climate Partners/ORG"}, nil},
		{"en", "Colleen Vantongeren, The Associated Press\nThe government spoke on Saturday.", []string{"Colleen Vantongeren/PER", "The Associated Press/ORG"}, nil},
		{"fr", "Tessa Le Blanc a voté samedi.", []string{"Tessa Le Blanc/PER"}, nil},
	})
}

// TestDoctrinesAndOneWordEvents: one-word names of doctrines ("-ism",
// "-isme") and of events are no entities; a known body keeps its name.
func TestDoctrinesAndOneWordEvents(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Voters drifted from Varnakism to Marxism after Brexit, the Islamic State said.", []string{"Islamic State/ORG"}, []string{"Varnakism", "Marxism", "Brexit"}},
		{"fr", "Le Tessirisme a reculé en France.", []string{"France/LOC"}, []string{"Tessirisme"}},
	})
}

// TestFrenchNameEndsAtParticiple: a present participle or a preposition
// such as « concernant » ends an institution's lower-case words.
func TestFrenchNameEndsAtParticiple(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Il a saisi la Cour de l'impôt concernant le montage.", []string{"Cour de l'impôt/ORG"}, []string{"Cour de l'impôt concernant"}},
		{"fr", "Il a saisi la Commission de contrôle visant les écoutes.", []string{"Commission de contrôle/ORG"}, []string{"Commission de contrôle visant"}},
	})
}

// TestAcronymBeforePerson: an acronym right before a given name and a
// surname is the person's party or body, a name of its own.
func TestAcronymBeforePerson(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "La députée VDR Laure de la Vessière a voté contre.", []string{"VDR/ORG", "Laure de la Vessière/PER"}, []string{"VDR Laure"}},
		{"en", "NBA star Oru Kessel retired on Friday.", []string{"NBA/ORG"}, []string{"NBA Oru Kessel"}},
		{"fr", "Le Brexit inquiète Paris.", []string{"Paris/LOC"}, []string{"Brexit"}},
	})
}

// TestPlaceAfterCoordinator: a known place after "and" is a second name,
// not the place an institution is "of".
func TestPlaceAfterCoordinator(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Officials at the Varnak Corps of Engineers and North Dakota agreed.", []string{"North Dakota/LOC"}, []string{"Varnak Corps of Engineers and North Dakota"}},
		{"en", "The Water Council of Norland ruled on Friday.", []string{"Water Council of Norland/ORG"}, nil},
	})
}

// TestPlacePossessive: a known place's possessive owns the name after it
// and is no part of it; a saint's possessive is part of the name.
func TestPlacePossessive(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "They met at London's Tessly Hotel on Friday.", []string{"London/LOC", "Tessly Hotel/LOC"}, []string{"London's Tessly Hotel"}},
		{"en", "She works at St Mary's Hospital in Leeds.", []string{"St Mary's Hospital/ORG", "Leeds/LOC"}, nil},
	})
}

// TestLongFrenchInstitutions: a French institution's lower-case words run
// up to five content words ("de contrôle des techniques de renseignement").
func TestLongFrenchInstitutions(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "La Commission nationale de contrôle des techniques de surveillance a été saisie.", []string{"Commission nationale de contrôle des techniques de surveillance/ORG"}, nil},
		{"fr", "L'avis de l'Autorité de régulation des transports fluviaux et des ports a été rendu.", []string{"Autorité de régulation des transports fluviaux et des ports/ORG"}, nil},
	})
}

// TestNationalityOpensOfficialName: a nationality before a body's head and
// its "of" opens the body's official name.
func TestNationalityOpensOfficialName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The Indian Council of Forest Research said tests rose.", []string{"Indian Council of Forest Research/ORG"}, []string{"Council of Forest Research"}},
		// An age after towns' names glued together makes them a person's.
		{"en", "Police arrested Oru Perez Rives, 35, of Miami.", []string{"Oru Perez Rives/PER", "Miami/LOC"}, nil},
	})
}

// TestRoadPrefixes: a road prefix and its number make one place's name; a
// channel's number stays an organisation's.
func TestRoadPrefixes(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The crash closed Route 66 and Interstate 10 near Varnak on Friday.", []string{"Route 66/LOC", "Interstate 10/LOC"}, nil},
		{"en", "Norland 24 reported the crash.", []string{"Norland 24/ORG"}, nil},
	})
}

// TestHeadlinePrepositionCuts: in a title-case headline a capitalised
// preposition that is no name's connector parts its names.
func TestHeadlinePrepositionCuts(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Suspect Shot Dead In Varnak By Harbourton Police\nThe suspect was killed on Friday.", []string{"Harbourton Police/ORG"}, []string{"Varnak By Harbourton Police"}},
	})
}

// TestGivenNameBeforeOrgWord: after a first name, one word that the
// knowledge base holds as an organisation's short name is a surname.
func TestGivenNameBeforeOrgWord(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The story was written by Anna Wagner for the paper.", []string{"Anna Wagner/PER"}, []string{"Wagner"}},
		{"en", "Fighters of the Wagner group left the town.", []string{"Wagner/ORG"}, nil},
	})
}

// TestLetsAndInterjections: "Let's" and interjections open quoted speech
// and name nothing.
func TestLetsAndInterjections(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "She said: \"Let's look at the future.\" Let's not. \"Oh, my God,\" he said. Hey, wow.", nil, []string{"Let", "Oh", "Hey"}},
	})
}

// TestPartyLetters: a legislator's party letter before a place leaves the
// place's name.
func TestPartyLetters(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Rep. Ann Tess (R-Maine) and Sen. Lena Varga, D-Vermont, disagreed.", []string{"Ann Tess/PER", "Maine/LOC", "Lena Varga/PER", "Vermont/LOC"}, []string{"R-Maine", "D-Vermont"}},
	})
}

// TestGluedCaptionLabels: a caption label that a scraped page glues to the
// name after it is cut off; names that open with such a word stay whole.
func TestGluedCaptionLabels(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Pipes burst in the cold.CreditKirsta Vell for the Harbourton Post\nDebt may pass the budget.CreditCreditOru Kessel/NPA, via Tessfoto", []string{"Kirsta Vell/PER", "Oru Kessel/PER"}, []string{"CreditKirsta Vell", "CreditCreditOru Kessel"}},
		{"en", "Shares of CreditSuisse and ImageNet fell on Monday.", []string{"CreditSuisse/ORG", "ImageNet/ORG"}, nil},
		{"fr", "Les tuyaux ont gelé.CréditLéna Varga pour Le Courrier", []string{"Léna Varga/PER"}, nil},
		// Every label of a picture's credit, as pages write them.
		{"en", "Troops at the gate.PhotographOru Kessel/NPA", []string{"Oru Kessel/PER"}, []string{"PhotographOru Kessel"}},
		{"fr", "Les troupes à la porte.CréditsLéna Varga", []string{"Léna Varga/PER"}, []string{"CréditsLéna Varga"}},
	})
}

// TestOrgNounBeforeGivenName: an organisation's noun before a name makes
// it the body's even when a first name opens it.
func TestOrgNounBeforeGivenName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "According to the rescue group Project Tessaly and the security company Ana Verde, whales died.", []string{"Project Tessaly/ORG", "Ana Verde/ORG"}, nil},
		{"en", "According to Ana Verde, whales died.", []string{"Ana Verde/PER"}, nil},
	})
}

// TestMemberWordsEndNames: the members of a party or a faith after a
// place's name end it. A party's members in the plural, uncounted, stand
// for the party (as "the Taliban" does for the group); a faith's name no
// body.
func TestMemberWordsEndNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Lena Varga, a Vessaland Democrat, met Norland Republicans and Kessel Muslims.", []string{"Lena Varga/PER", "Vessaland/LOC", "Norland/LOC", "Kessel/LOC"}, []string{"Vessaland Democrat", "Norland Republicans", "Kessel Muslims", "Muslims"}},
		{"en", "Democrats said the Republican Party would lose.", []string{"Republican Party/ORG", "Democrats/ORG"}, nil},
	})
}

// TestStateAbbreviations: a state's abbreviation with its period names the
// state; the same letters without it are words or other names.
func TestStateAbbreviations(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The fire started in Fresno, Calif., and spread to Reno, Nev., on Monday.", []string{"Fresno/LOC", "Calif./LOC", "Reno/LOC", "Nev./LOC"}, nil},
		{"en", "Ore prices rose in the US and the U.S. and near Mont Vessaro.", []string{"US/LOC", "U.S./LOC"}, []string{"Ore", "Mont"}},
		{"en", "The firm moved to the US. It grew.", []string{"US/LOC"}, []string{"US."}},
		{"en", "He is a leading Māori whale expert, as Inuit hunters know.", nil, []string{"Māori", "Inuit"}},
	})
}

// TestOrgNounFramesName: an article before a name and an organisation's
// noun after it make the name a body's, whatever its words.
func TestOrgNounFramesName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Oru Kessel, an analyst at the L.M. Varga brokerage, said rates rose.", []string{"Oru Kessel/PER", "L.M. Varga/ORG"}, nil},
		{"en", "Oru Kessel, an analyst, met L.M. Varga on Monday.", []string{"Oru Kessel/PER", "L.M. Varga/PER"}, nil},
	})
}

// TestTimeZones: a time zone's letters after a time name nothing.
func TestTimeZones(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Polls close at 4 p.m. ET and at 1 p.m. PDT in Varnak.", []string{"Varnak/LOC"}, []string{"ET", "PDT"}},
	})
}

// TestFirmHeads: a firm's last word makes a body of names that would
// otherwise read as a person's.
func TestFirmHeads(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Lena Varga of Oru Communications said Tessly Aerospace and Kessel Mining would grow.", []string{"Lena Varga/PER", "Oru Communications/ORG", "Tessly Aerospace/ORG", "Kessel Mining/ORG"}, nil},
	})
}

// TestPersonParticles: a lower-case surname particle between capitalised
// words makes a person's name, though no word list knows the first name.
func TestPersonParticles(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Scrum-half Joost van der Brink scored twice and Omar bin Tessal was injured.", []string{"Joost van der Brink/PER", "Omar bin Tessal/PER"}, nil},
		{"fr", "Le demi de mêlée Joost van der Brink a marqué deux fois.", []string{"Joost van der Brink/PER"}, nil},
	})
}

// TestNationalityBeforeGivenName: a nationality before a first name stays
// out of the name, and the name is not split at a town inside it.
func TestNationalityBeforeGivenName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "American Dana Mitchell outclassed the field on Friday.", []string{"Dana Mitchell/PER"}, []string{"Dana", "Mitchell", "American Dana Mitchell"}},
	})
}

// TestSurnameHeads: a first name before a place's head that is a common
// surname names a person, unless a place preposition says otherwise; a
// first name before other heads names a place.
func TestSurnameHeads(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Lena Hill won on Monday and Lena Woods (Norland) lost.", []string{"Lena Hill/PER", "Lena Woods/PER"}, nil},
		{"en", "They live in Rose Hill, near Douglas Road and Stewart Island.", []string{"Rose Hill/LOC", "Douglas Road/LOC", "Stewart Island/LOC"}, nil},
		{"en", "The children read statements to Judge Lena Hall on Monday.", []string{"Lena Hall/PER"}, nil},
		// "Church" is a place's head and a common surname alike.
		{"en", "Lena Church won on Monday and left the Vessa Church on Friday.", []string{"Lena Church/PER", "Vessa Church/LOC"}, nil},
	})
}

// TestOfficePossessives: a named office's possessive and a lower-case
// office noun name a body; the generic "the sheriff's office" names none.
func TestOfficePossessives(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Officers with the Harbourton County Sheriff's office arrested him. The Sheriff's office said so.", []string{"Harbourton County Sheriff's office/ORG"}, []string{"Sheriff"}},
		{"en", "Oru Kessel, an agent with the Norland Attorney General's office, spoke.", []string{"Oru Kessel/PER", "Norland Attorney General's office/ORG"}, nil},
	})
}

// TestDomainPair: two capitalised words joined after a body's head and its
// connector are the body's domain, not two names.
func TestDomainPair(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The Joint Committee on Energy and Security met the Ministry of Defence and the Harbourton Police.", []string{"Joint Committee on Energy and Security/ORG", "Ministry of Defence/ORG", "Harbourton Police/ORG"}, nil},
	})
}

// TestCapitalisedWorkTitles: a work's title ending in a work noun, then
// its maker's preposition: the maker is a person and the title no name; a
// body's head that is a work noun too keeps its place ("Opéra de Lyon").
func TestCapitalisedWorkTitles(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le chœur a chanté la Messe de Varenko et la 2e Symphonie de Tessler avec l'Opéra de Lyon.", []string{"Varenko/PER", "Tessler/PER", "Opéra de Lyon/ORG"}, []string{"Messe de Varenko", "Symphonie de Tessler"}},
		{"en", "They played the Winter Requiem by Varenko and the Second Sonata by Tessler.", []string{"Varenko/PER", "Tessler/PER"}, []string{"Winter Requiem", "Second Sonata"}},
	})
}

// TestAirlines: "Air" before a country's name opens a body's name, the
// national airline's, not the country.
func TestAirlines(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "About 100 Air Norland workers protested on Friday.", []string{"Air Norland/ORG"}, []string{"Norland"}},
		{"fr", "Les salariés d'Air France ont manifesté vendredi.", []string{"Air France/ORG"}, []string{"France"}},
	})
}

// TestLegalSuffixEndsFirm: a firm's legal form ends its name; the place
// after "of" is the firm's town.
func TestLegalSuffixEndsFirm(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Tessly Medical bought Varnotech Pharmaceuticals Inc of Leeds on Friday.", []string{"Varnotech Pharmaceuticals Inc/ORG", "Leeds/LOC"}, nil},
		{"en", "The Bank of Norland said so.", []string{"Bank of Norland/ORG"}, nil},
		// A run the legal form ends is one firm's name, the place and the
		// common words in it included, and Italian connectors too.
		{"en", "Credit Paris Group AG said on Monday it would cut jobs.", []string{"Credit Paris Group AG/ORG"}, []string{"Paris/LOC"}},
		{"en", "Shares of Banca Vessa dei Tessali di Siena SpA fell.", []string{"Banca Vessa dei Tessali di Siena SpA/ORG"}, nil},
		{"fr", "Le groupe a racheté Lumen Paris SARL en mars.", []string{"Lumen Paris SARL/ORG"}, []string{"Paris/LOC"}},
	})
}

// TestPlaceSuffixes: one-word German and Dutch street and square names are
// places; a person named like the suffix is not.
func TestPlaceSuffixes(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Three streets were renamed — Vesselallee, Tarnoplatz, and Kesselstrasse — after protests.", []string{"Vesselallee/LOC", "Tarnoplatz/LOC", "Kesselstrasse/LOC"}, nil},
		{"fr", "Les rues Vesselallee et Tarnoplatz ont été renommées.", []string{"Vesselallee/LOC", "Tarnoplatz/LOC"}, nil},
	})
}

// TestOrdinalOpensBody: an ordinal before a body's name is part of it; an
// ordinal before a street's head stays the road's, and a day's ordinal
// names nothing.
func TestOrdinalOpensBody(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Soldiers of the 82nd Airborne Division and the 4th District Court of Appeal in Harbourton.", []string{"82nd Airborne Division/ORG", "4th District Court of Appeal/ORG"}, nil},
		{"en", "The appeal went to the 5th Circuit, which sided with Harbourton.", []string{"5th Circuit/ORG"}, []string{"Circuit"}},
		{"en", "The ships sailed past 42nd Street on the 4th.", []string{"42nd Street/LOC"}, nil},
	})
}

// TestPassivePersonVerbs: an auxiliary and a participle only people undergo
// after a name make it a person's, even opening a sentence; after a
// preposition the name is no subject.
func TestPassivePersonVerbs(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Kesselring was arrested on Friday near the port.", []string{"Kesselring/PER"}, nil},
		{"fr", "Kesselring a été interpellé vendredi près du port.", []string{"Kesselring/PER"}, nil},
		{"en", "The chief of Varnotech was arrested on Friday.", []string{"Varnotech/ORG"}, nil},
	})
}

// TestPassiveAuxiliaries: every tense of the auxiliary is grammar, not one
// article's wording: the perfect and the pluperfect in both languages.
func TestPassiveAuxiliaries(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Kesselring has been detained since May.", []string{"Kesselring/PER"}, nil},
		{"en", "Kesselring had been jailed twice before.", []string{"Kesselring/PER"}, nil},
		{"fr", "Kesselring avait été condamné en 2019.", []string{"Kesselring/PER"}, nil},
		{"fr", "Kesselring est né à Lyon.", []string{"Kesselring/PER", "Lyon/LOC"}, nil},
	})
}

// TestFrenchCourtsOfFirstInstance: courts named by several lower-case
// words before their town are one body's name.
func TestFrenchCourtsOfFirstInstance(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le tribunal de grande instance de Vessaro a ouvert une enquête.", []string{"tribunal de grande instance de Vessaro/ORG"}, nil},
		{"fr", "Le tribunal administratif de Lyon a statué.", []string{"tribunal administratif de Lyon/ORG"}, nil},
	})
}

// TestTitleWordInsideName: a first name, a title word and a name are one
// person's name ("Hassan Sheikh Vessaro"); a place before a title is cut
// off, without the sentence's article.
func TestTitleWordInsideName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Officials said Hassan Sheikh Vessaro vowed revenge.", []string{"Hassan Sheikh Vessaro/PER"}, nil},
		{"en", "The Harbourton Mayor Anna Tess came on Monday.", []string{"Harbourton/LOC", "Anna Tess/PER"}, []string{"The Harbourton"}},
	})
}

// TestHeadlineHeadAfterKnownBody: in a title-case headline a head word
// right after a known body's name is the headline's common noun.
func TestHeadlineHeadAfterKnownBody(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Suspected ISIS Cell Busted In Raids Across Norland\nPolice arrested five men on Wednesday.", []string{"ISIS/ORG"}, []string{"ISIS Cell"}},
	})
}

// TestCommaCoordinatorJoinsClauses: ", and" lists after another comma;
// after one name alone it joins two clauses, whose names keep their own
// types.
func TestCommaCoordinatorJoinsClauses(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He lives in Paris, and Oru Kessel agreed with him.", []string{"Paris/LOC", "Oru Kessel/PER"}, nil},
		{"en", "The rules cover Madeira, Lisbon, and Velkaris.", []string{"Madeira/LOC", "Lisbon/LOC", "Velkaris/LOC"}, nil},
	})
}

// TestOwnerBeforeKnownPlace: a known body's possessive before a known
// place's name is the place where the body works, no unit of it.
func TestOwnerBeforeKnownPlace(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Agents from the FBI's Oklahoma City field office are assisting.", []string{"FBI/ORG", "Oklahoma City/LOC"}, []string{"FBI's Oklahoma City"}},
	})
}

// TestOutletsCoordinated: after an outlet's cue, a coordinator parts two
// outlets' names.
func TestOutletsCoordinated(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He told Channel 4 News and CBS News on Monday.", []string{"Channel 4 News/ORG", "CBS News/ORG"}, []string{"Channel 4 News and CBS News"}},
		{"fr", "Il a déclaré au Monde et à Libération qu'il partait.", nil, []string{"Monde et à Libération"}},
	})
}

// TestInitialsAreShortAcronyms: initials with periods ("U.N.") count their
// letters, not their periods: capitalised like a word they name nothing.
func TestInitialsAreShortAcronyms(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Officials said Kim Jong Un met envoys of the U.N. and NATO on Monday.", []string{"Kim Jong Un/PER", "U.N./ORG", "NATO/ORG"}, []string{"Un"}},
	})
}

// TestStraitsAndCanals: straits, canals and capes are places' heads in both
// languages; a city named Detroit keeps its own name.
func TestStraitsAndCanals(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Tankers crossed the Strait of Vessaro and the Tarno Canal on Monday.", []string{"Strait of Vessaro/LOC", "Tarno Canal/LOC"}, nil},
		{"fr", "Les pétroliers ont franchi le détroit de Vessaro et le canal de Tarno.", []string{"détroit de Vessaro/LOC", "canal de Tarno/LOC"}, nil},
		{"en", "KANSAS CITY AT DETROIT was postponed.", nil, []string{"KANSAS CITY AT DETROIT"}},
	})
}

// TestKnownNameIsNoFrenchHead: a common noun the knowledge base knows as a
// body's name is that name, not the head of a longer one with the country
// after it; a common noun the base does not know still heads one.
func TestKnownNameIsNoFrenchHead(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le retrait de la force Barkhane du Mali a commencé.", []string{"Barkhane/ORG", "Mali/LOC"}, []string{"Barkhane du Mali"}},
		{"fr", "La vente d'Autoroutes de Bretagne a été signée.", []string{"Autoroutes de Bretagne/ORG"}, nil},
	})
}

// TestLegalSuffixAfterCoordinator: a firm's legal form after a coordinator
// ends a second name; a body's domain "X and Y" stays one name.
func TestLegalSuffixAfterCoordinator(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The Bank of Norland and Varga Ltd agreed on Monday.", []string{"Bank of Norland/ORG", "Varga Ltd/ORG"}, nil},
		{"en", "The Department of Health and Human Services said so.", []string{"Department of Health and Human Services/ORG"}, nil},
	})
}

// TestRoleNounBeforeName: a lower-case noun for people right before an
// unknown name makes it a person's, as a title does; a noun that describes
// firms and teams as well ("rival", "champions") says nothing.
func TestRoleNounBeforeName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The yacht belongs to billionaire Velko Thimble, a court heard.", []string{"Velko Thimble/PER"}, nil},
		{"fr", "Le milliardaire Velko Thimble a vendu ses parts.", []string{"Velko Thimble/PER"}, nil},
		{"en", "The rival Norvatech Thimble bid more.", []string{"Norvatech Thimble/ORG"}, nil},
		// One word that is no word of the language, after a singular role
		// noun; a plural one names people of a body.
		{"en", "The mural in Vessa is by the painter Tessaro.", []string{"Tessaro/PER"}, nil},
		{"fr", "Deux agents Vessanergie ont coupé le courant dans la rue.", []string{"Vessanergie/ORG"}, nil},
	})
}

// TestWebAddresses: a name glued to a web address's last labels is the
// site's name, whole; a connector parts a body from its site.
func TestWebAddresses(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The fact-checking site Vessafacts.com said the claim was false.", []string{"Vessafacts.com/ORG"}, []string{"Vessafacts"}},
		{"en", "Read the review on Norpress.co.uk today.", []string{"Norpress.co.uk/ORG"}, nil},
		{"en", "The picture came from Kessel Advance Media for Kessel.com last year.", []string{"Kessel Advance Media/ORG", "Kessel.com/ORG"}, nil},
		// A common word glued to a country's domain names a site as well.
		{"en", "The agency News.vz reported the talks; Report.az and Trend.az said the same.", []string{"Report.az/ORG", "Trend.az/ORG"}, nil},
		{"fr", "Selon le site Vessanews.fr, le suspect a fui.", []string{"Vessanews.fr/ORG"}, nil},
	})
}

// TestRankedFirstNames: first names of the ranked (births) list open a
// person's name before a surname that is a common word; a place's word in
// that list is no first name ("Tal" of "Tal Afar", "Boston").
func TestRankedFirstNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The yacht belongs to Elon Thimble, a court heard.", []string{"Elon Thimble/PER"}, nil},
		{"en", "Dylann Thimble spoke.", []string{"Dylann Thimble/PER"}, nil},
		{"en", "Fighting in Tal Afar resumed, and the Boston Celtics won.", []string{"Tal Afar/LOC", "Boston Celtics/ORG"}, nil},
	})
}

// TestRoleAfterName: a byline's role in capitals after a person's name
// (common words ending in a noun for people, or with a title word among
// them) is no part of the name; a named office's possessive is kept.
func TestRoleAfterName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Lena Varga Senior Politics Editor, The Harbourton Courier", []string{"Lena Varga/PER"}, []string{"Lena Varga Senior/PER", "Politics Editor"}},
		{"en", "Lena Varga Chief Executive signed the deal.", []string{"Lena Varga/PER"}, []string{"Executive/PER"}},
		{"en", "A deputy from the Dorran County Sheriff's office testified.", []string{"Dorran County Sheriff's office/ORG"}, nil},
	})
}

// TestShoreAndBeltHeads: shores and belts end places' names, and a
// coordinator parts two such names.
func TestShoreAndBeltHeads(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He went to the Vessa Shore and Kessel Place Market.", []string{"Vessa Shore/LOC", "Kessel Place Market/LOC"}, nil},
		{"en", "Voters in the Rust Belt turned away.", []string{"Rust Belt/LOC"}, nil},
	})
}

// TestOutletLowerCase: an outlet's name written with a lower-case word
// where the knowledge base has a capital is the outlet still.
func TestOutletLowerCase(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le maire de Vessa a répondu à France info mardi soir.", []string{"France info/ORG"}, []string{"France/LOC"}},
	})
}

// TestInstitutionHeadsAndRankAdjectives: inspections, delegations, chambers, squadrons
// head French institutions' names, whose rank word right after the head
// ("générale") qualifies it rather than opening a person's title.
func TestInstitutionHeadsAndRankAdjectives(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "L'Inspection générale de la police nationale a ouvert une enquête à Vessa.", []string{"Inspection générale de la police nationale/ORG"}, nil},
		{"fr", "Le rapport de la Direction générale des finances publiques est sorti.", []string{"Direction générale des finances publiques/ORG"}, nil},
		{"fr", "Le Groupement tactique de gendarmerie est arrivé vers minuit.", []string{"Groupement tactique de gendarmerie/ORG"}, nil},
		{"en", "The Fifth Fleet is based in Manama.", []string{"Fifth Fleet/ORG"}, nil},
		{"en", "Money from the Harbourton Tea PAC flowed in, and officers of Special Branch watched.", []string{"Harbourton Tea PAC/ORG", "Special Branch/ORG"}, nil},
	})
}

// TestNewspaperHeads: a newspaper's word after a nationality names the paper.
func TestNewspaperHeads(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "A report in the Norlandic Examiner on Monday named the two men.", []string{"Norlandic Examiner/ORG"}, nil},
		{"en", "The Irish Courier said the two men would appeal.", []string{"The Irish Courier/ORG"}, nil},
	})
}

// TestTitledNameOverKnownWord: after a person's title, a word the knowledge
// base knows as a body's acronym or a place, then another name, opens the
// person's name ("Senator Rand Paul"); the body alone stays the body.
func TestTitledNameOverKnownWord(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Senator Rand Kessler spoke on Monday.", []string{"Rand Kessler/PER"}, []string{"Rand/ORG"}},
		{"en", "A report by Rand found gaps.", []string{"Rand/ORG"}, nil},
	})
}

// TestArticleOutletBeforeReport: the sentence's capitalised article and one
// common word before a verb of reporting name an outlet; a body's head or a
// noun for people does not.
func TestArticleOutletBeforeReport(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The Lantern reports that the council will vote in May.", []string{"The Lantern/ORG"}, nil},
		{"en", "The Witness reported nothing new.", nil, []string{"The Witness/ORG", "Witness/ORG"}},
		{"en", "The Ministry reported two deaths.", nil, []string{"The Ministry/ORG"}},
	})
}

// TestShortAcronymNotNames: a short acronym that names no one ("CAP", a
// diploma) is no name in capitals only; "Cap" is a cape's head.
func TestShortAcronymNotNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Les vagues ont atteint le Cap Vessaro dimanche soir.", []string{"Cap Vessaro/LOC"}, nil},
		{"fr", "Il a obtenu son CAP en 2010 à Vessaro.", []string{"Vessaro/LOC"}, []string{"CAP"}},
	})
}

// TestFrenchOutletsAndBylineParticiples: French-language outlets the KB holds;
// a capitalised participle before "par" is a byline's verb, no name; a
// region named like an outlet stays the region.
func TestFrenchOutletsAndBylineParticiples(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Ouest-France Recueilli par Lena Varga. Publié le 02/11/2031", []string{"Ouest-France/ORG", "Lena Varga/PER"}, []string{"Recueilli"}},
		{"fr", "Il vit en Provence depuis 2010, selon La Provence.", []string{"Provence/LOC", "La Provence/ORG"}, nil},
		{"fr", "Le temps presse, a dit le ministre à Vessa.", nil, []string{"Le temps"}},
	})
}

// TestFrenchDemonstratives: a demonstrative pronoun opening a sentence is no name.
func TestFrenchDemonstratives(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Celles qui restent à Vessa attendent. Ceux-ci sont partis vers Kessel.", []string{"Vessa/LOC", "Kessel/LOC"}, []string{"Celles", "Ceux-ci"}},
	})
}

// TestQualifiedPlaceAfterPreposition: after a place preposition and an
// article, a common word before an unknown name qualifies a place; common
// words alone ("the Teacher Retirement System") and a person's name do not.
func TestQualifiedPlaceAfterPreposition(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Turnout fell in the Lower Vessa, where two polling stations closed.", []string{"Lower Vessa/LOC"}, nil},
		{"en", "He worked in the Tessaly Barnes campaign.", []string{"Tessaly Barnes/PER"}, nil},
	})
}

// TestForeignHeads: another language's capitalised heads head names in a
// document too (names travel untranslated); a head that is a common
// surname as well ("Park") is not taken over.
func TestForeignHeads(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Il joue en Premier League depuis deux saisons.", []string{"Premier League/ORG"}, nil},
		{"fr", "Selon le Harbourton Catholic School Board, les cours reprennent lundi.", []string{"Harbourton Catholic School Board/ORG"}, nil},
		{"fr", "La présidente Park Min-seo a rencontré le ministre à Séoul.", nil, []string{"Park Min-seo/LOC"}},
	})
}

// TestFrenchTailEndsBeforeName: after an institution's lower-case words, a
// capital right away opens another name ("du Parti socialiste Lena Varga").
func TestFrenchTailEndsBeforeName(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Il était avec le premier secrétaire du Parti socialiste Oru Kessel à Vessa.", []string{"Parti socialiste/ORG"}, []string{"Parti socialiste Oru Kessel/ORG"}},
		{"fr", "Le Front de libération du Vessa mène des raids.", []string{"Front de libération du Vessa/ORG"}, nil},
	})
}

// TestKnownPersonPossessive: a known person's possessive owns the body's
// name after it and is no part of it; a saint's stays in a church's.
func TestKnownPersonPossessive(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Trump's Federal Election Commission nominee withdrew.", []string{"Trump/PER", "Federal Election Commission/ORG"}, []string{"Trump's Federal Election Commission/ORG"}},
		{"en", "They prayed at St Vessa's Church on Sunday.", []string{"St Vessa's Church/LOC"}, nil},
	})
}

// TestPersonDeBody: a person's name, then "de" and an acronym or a known
// body, are the person and the body; a particle in a surname stays.
func TestPersonDeBody(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Selon Lena Varga de NPA, le convoi est reparti vers minuit.", []string{"Lena Varga/PER", "NPA/ORG"}, []string{"Lena Varga de NPA/PER"}},
		{"fr", "Le général Charles de Varenne a parlé.", []string{"Charles de Varenne/PER"}, nil},
	})
}

// TestFrenchTownInfixes: a hyphenated word with a town's infix ("-sur-",
// "-lès-", "-en-") is a place's name, and the list it opens is of places.
func TestFrenchTownInfixes(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Des pompiers des centres de Tessy-sur-Vesle, Lamarcq et Ainvesse sont intervenus.", []string{"Tessy-sur-Vesle/LOC", "Lamarcq/LOC", "Ainvesse/LOC"}, nil},
		{"fr", "Il habite Villeneuve-lès-Vessa depuis 2010 ; Jean-Marie Tessier aussi.", []string{"Villeneuve-lès-Vessa/LOC", "Jean-Marie Tessier/PER"}, nil},
	})
}

// TestPeriodsAndEditorNotes: historical periods and an editor's note are
// no entities, hyphenated or not; the Basque Country is a region.
func TestPeriodsAndEditorNotes(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Il vit à Vessa, dans un château du Moyen-Age.", []string{"Vessa/LOC"}, []string{"Moyen-Age"}},
		{"fr", "Le siège de Vessatel (une filiale publique, NDLR) reste à Kessel.", []string{"Kessel/LOC"}, []string{"NDLR"}},
		{"fr", "Pays Basque : les routes de Vessa rouvrent lundi.", []string{"Pays Basque/LOC"}, nil},
		{"en", "Sales rose on Boxing Day in Harbourton, as in the Middle Ages.", []string{"Harbourton/LOC"}, []string{"Boxing Day", "Middle Ages"}},
		// Codes and amendments are laws.
		{"en", "The photo broke the Norland Flag Code and the First Amendment, critics in Vessa said.", []string{"Vessa/LOC"}, []string{"Norland Flag Code", "First Amendment"}},
		{"fr", "Il a enfreint le Code pénal à Vessa.", []string{"Vessa/LOC"}, []string{"Code pénal"}},
	})
}

// TestSentenceStartPossessive: a sentence-initial word that is no word of
// the language and owns something is a name; a common word's possessive
// ("Today's") is not.
func TestSentenceStartPossessive(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Vessatech's profits rose in Harbourton. Today's meeting was short.", []string{"Vessatech/ORG", "Harbourton/LOC"}, []string{"Today"}},
		// A name or a role that ends the text has no token after it.
		{"en", "The report came from Harbourton. Vessatech", []string{"Harbourton/LOC"}, nil},
		{"en", "By Lena Varga Staff Writer", []string{"Lena Varga/PER"}, nil},
	})
}

// TestBylineCapitals: bylines write surnames in capitals; an initial opens
// such a name after the byline's cue, even across a no-break space, and
// capitalised common words after it are no part of it.
func TestBylineCapitals(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Par E. VARGA - 05:01 - Temps de lecture :", []string{"E. VARGA/PER"}, []string{"VARGA/ORG"}},
		{"fr", "Par E.\u00a0VARGA - 05:01", []string{"E.\u00a0VARGA/PER"}, nil},
		{"fr", "Par Lilian TESSIER et Oru KESSEL Envoyés spéciaux à Vessa", []string{"Lilian TESSIER/PER", "Oru KESSEL/PER"}, []string{"Oru KESSEL Envoyés/PER"}},
	})
}

// TestFieldsAndEras: a field of study after a noun for people and its
// preposition is no name; an era's mark after a year or a century names
// nothing, while the same letters elsewhere keep their reading.
func TestFieldsAndEras(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Lena Varga, a PhD student in Maritime History and Naval Architecture at the University of Vessa, spoke.",
			[]string{"Lena Varga/PER", "University of Vessa/ORG"}, []string{"Maritime History", "Naval Architecture"}},
		{"en", "The wall in Vessa dates from 300 BCE and the tower from the 4th century BC.", []string{"Vessa/LOC"}, []string{"BCE", "BC"}},
	})
}

// TestMemberWordAndPersonOfFirm: a party's member word before a first name is
// no part of the name; a person "of" a firm whose legal form ends the run
// stays a person.
func TestMemberWordAndPersonOfFirm(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The seat went to Democrat Walter Tessly after a recount.", []string{"Walter Tessly/PER"}, []string{"Democrat Walter Tessly/PER"}},
		{"en", "Demand is cooling, economist Lynn Varga of Kessel Banks Inc. wrote from Harbourton.", []string{"Lynn Varga/PER", "Kessel Banks Inc./ORG"}, nil},
	})
}

// TestMailAddresses: the user part of an e-mail address names nobody, even
// when it is a capitalised first name or dotted names.
func TestMailAddresses(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Contact reporter Lena Tormund at Lena@vessacourier.com or by phone.", []string{"Lena Tormund/PER"}, []string{"Lena"}},
		{"en", "Tips go to Ugo.Tarrant@courier.no, the desk said.", nil, []string{"Ugo", "Tarrant", "Ugo.Tarrant"}},
		// A handle glued to a name is no address: the name stays.
		{"en", "By Lena Tormund@lenatorm Dec 10, 2031\nThe port reopened on Monday after a week of strikes.", []string{"Lena Tormund/PER"}, nil},
	})
}

// TestSouthAsianPartyHeads: the heads of South Asian parties' and
// movements' names make unknown words before them a body's name.
func TestSouthAsianPartyHeads(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "A Tessora Vanli Dal (TVD) delegation met the minister on Friday.", []string{"Tessora Vanli Dal/ORG", "TVD/ORG"}, nil},
		{"en", "The Vessa Sena and the Tormund Morcha held rallies in the city.", []string{"Vessa Sena/ORG", "Tormund Morcha/ORG"}, nil},
	})
}

// TestPlaceNounsOfStreetsAndBorders: "the 400 block of X" names a street,
// "the X border" a crossing: a place, a first name's word or not.
func TestPlaceNounsOfStreetsAndBorders(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Officers found the car in the 10800 block of Rosita on Tuesday.", []string{"Rosita/LOC"}, []string{"Rosita/PER"}},
		{"en", "The Tessarin border is open only to light vehicles, the police said.", []string{"Tessarin/LOC"}, nil},
	})
}

// TestOutletTitles: a newspaper's title keeps its capitalised article at a
// sentence's or a line's start and in a title-case byline; other names
// typed by their head do not ("The Supreme Court ruled").
func TestOutletTitles(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The Kessel Times reported on Monday that the port was shut.", []string{"The Kessel Times/ORG"}, []string{"Kessel Times"}},
		{"en", "The Vessa Post / March 1, 2031\nThe port was shut on Monday after a week of strikes.", []string{"The Vessa Post/ORG"}, []string{"Vessa Post"}},
		{"en", "Lena Varga, The Tormund News Published 7:40 p.m. ET March 17, 2031\nThe port was shut on Monday after a week of strikes.", []string{"Lena Varga/PER", "The Tormund News/ORG"}, []string{"Tormund News"}},
		{"en", "The Supreme Court ruled on Monday that the port stays shut.", []string{"Supreme Court/ORG"}, []string{"The Supreme Court"}},
	})
}

// TestTitleEndsSentence: a title that ends a sentence types nothing in the
// next one ("said the ambassador. Fighting went on").
func TestTitleEndsSentence(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The talks failed, said the ambassador. Fighting in Vessaro went on for a week.", []string{"Vessaro/LOC"}, []string{"Fighting"}},
		{"en", "He met Mr. Vessel and Gen. Tormund in the capital on Monday.", []string{"Vessel/PER", "Tormund/PER"}, nil},
	})
}

// TestBracketedLawTitles: a law's title that a bracketed part interrupts
// before its head names no body, the acronym in brackets included.
func TestBracketedLawTitles(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Growers are protesting against the Essential Grains (Amendment) Act, 2031, said Lena Varga.", []string{"Lena Varga/PER"}, []string{"Essential Grains", "the Essential Grains"}},
		{"en", "Congress passed the Harbour Aid, Relief, and Port Security (HARPS) Act in March.", []string{"Congress/ORG"}, []string{"HARPS", "Harbour Aid", "Port Security"}},
		{"en", "The Growers (Empowerment) Agreement on Grain Prices and Farm Services Act was signed.", nil, []string{"Growers", "The Growers", "Grain Prices", "Farm Services"}},
		{"en", "Lena Varga (Norland) and Tom Ash (Vessaro) Report wrote it.", []string{"Lena Varga/PER", "Tom Ash/PER"}, nil},
	})
}

// TestAwardsAndGoals: prizes, awards and programmes' goals are no entities,
// nor the acronym defined after one, singular and numbered included.
func TestAwardsAndGoals(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Four young people won Norland Youth Awards 2031 for their projects in Vessaro.", []string{"Vessaro/LOC"}, []string{"Norland Youth Awards"}},
		{"en", "The projects serve the Shared Growth Goals (SGGs), including SGG 12, said Lena Varga.", []string{"Lena Varga/PER"}, []string{"SGGs", "SGG 12", "Shared Growth Goals"}},
	})
}

// TestWeapons: explosives and arms known by a name or a code, and a model's
// designation with a number next to a noun for arms, are no entities; a
// body's name or acronym before such a noun stays one.
func TestWeapons(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The attackers carried AK-47 rifles, TATP and a Kalashnikov in Vessaro.", []string{"Vessaro/LOC"}, []string{"AK-47", "TATP", "Kalashnikov"}},
		{"en", "A Tarvo-136 drone and KR-7 missiles hit the town of Kessington, and Hamas rockets followed.", []string{"Kessington/LOC", "Hamas/ORG"}, []string{"Tarvo-136", "KR-7"}},
		{"en", "The IDF drones flew over the border on Monday.", []string{"IDF/ORG"}, nil},
		{"fr", "Les gendarmes ont tiré des grenades GLI-F4 et des balles de LBD 40 à Vessaro.", []string{"Vessaro/LOC"}, []string{"GLI-F4", "LBD 40", "LBD"}},
		// Read once as a weapon, the designation is one everywhere in the text.
		{"fr", "Les grenades offensives (KR F2) ont été tirées : 23 grenades KR F2 au total, à Vessaro.", []string{"Vessaro/LOC"}, []string{"KR F2"}},
	})
}

// TestQuotedTitles: capitalised words that fill a pair of quotation marks
// are a work's title, no entity, unless a head, a first name, the knowledge
// base or a nickname's cue says they name something.
func TestQuotedTitles(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "“Rez Vessara” ($30) was the hit of the year, and so was “Thumpkin.”", nil, []string{"Rez Vessara", "Thumpkin"}},
		{"en", "\"Super Tessa Run\" will launch on phones in December.", nil, []string{"Super Tessa Run"}},
		{"en", "The so-called “Vessa Liberation Front” claimed the attack.", []string{"Vessa Liberation Front/ORG"}, nil},
	})
	// After a nickname's cue the quoted words are a name (of whatever type).
	for _, tc := range []struct{ lang, text string }{
		{"en", "The smuggler, known as “El Tesso”, fled to the north."},
		{"fr", "Le trafiquant, surnommé « El Tesso », a fui vers le nord."},
	} {
		got := found(run(t, tc.text, tc.lang))
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "El Tesso/") }) {
			t.Errorf("%q: nickname missing; got %v", tc.text, got)
		}
	}
}

// TestEponymNouns: in French a government, a law or a reform named by one
// unknown capitalised word names it after a person: the word is a surname.
func TestEponymNouns(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le gouvernement Tessardin est tombé mardi après le vote de la loi Varnouet.", []string{"Tessardin/PER", "Varnouet/PER"}, []string{"Tessardin/ORG"}},
	})
}

// TestStateAbbreviationsThatAreWords: "Ind.", "Pa." are states after a town
// of the country and after a party's letter.
func TestStateAbbreviationsThatAreWords(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He was born in Muncie, Ind., in 1960, and moved to Pittsburgh, Pa., later.", []string{"Ind./LOC", "Pa./LOC"}, []string{"Ind/ORG", "Ind./ORG"}},
		{"en", "The bill was filed by Sen. Ann Tessel, R-Ind., on Monday.", []string{"Ann Tessel/PER", "Ind./LOC"}, []string{"R-Ind"}},
	})
}

// TestLawTitles: a law's or an agreement's head before its connector opens
// a title, no entity, nor the names inside it; a first name that is such a
// word still opens a person's name.
func TestLawTitles(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He cited the Treaty of Vessaro and the Agreement on Port Security in Kessington.", []string{"Kessington/LOC"}, []string{"Treaty of Vessaro", "Vessaro", "Agreement on Port Security"}},
		{"en", "Bill Tessel read the Bill of Rights aloud.", []string{"Bill Tessel/PER"}, []string{"Bill of Rights"}},
		{"en", "Mayor Bill de Vessano read it aloud.", []string{"Bill de Vessano/PER"}, nil},
		{"fr", "Il parle de la future Loi de Programmation de la Recherche et de l'Accord de Vessaro.", nil, []string{"Loi de Programmation de la Recherche", "Vessaro"}},
	})
}

// TestCommonWordSurnames: a person's name that ends in a word the lexicon
// makes an event's or a common head ("Ed Day"), with a short first name,
// after an office's title, and the surname alone later.
func TestCommonWordSurnames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Harbourton County Executive Ed Day said he would act. \"This is changing,\" Day said in a statement.", []string{"Ed Day/PER", "Day/PER"}, []string{"County Executive Ed Day"}},
		{"en", "Workers lack personal protective equipment (PPE), he said, and PPE is scarce in Vessaro.", []string{"Vessaro/LOC"}, []string{"PPE"}},
	})
}

// TestFirstNameAsVerb: a first name that opens its sentence before a
// determiner is a verb; before a verb or a surname it is a name.
func TestFirstNameAsVerb(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "“Mark my words: the port will close,” Lena Varga said.", []string{"Lena Varga/PER"}, []string{"Mark"}},
		{"en", "Will the court rule on Monday? Mark said no.", []string{"Mark/PER"}, []string{"Will"}},
	})
}

// TestGluedBylineOutlet: a newspaper's word a page glued to a byline's
// surname is cut off it; a site's one-word name stays whole.
func TestGluedBylineOutlet(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Robert Tessel and Isabel VarnakJournal News\nThe county declared an emergency on Monday.", []string{"Isabel Varnak/PER"}, []string{"Isabel VarnakJournal News", "Isabel VarnakJournal"}},
		{"en", "He reads the VessaPost every day.", []string{"VessaPost/ORG"}, nil},
	})
}

// TestStandingsRows: in a document about sport, a place's name opening a
// line of numbers is a team's; a table of places and counts elsewhere stays
// a table of places.
func TestStandingsRows(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Ice hockey standings after Thursday's games:\nDETROIT 15 9 4 81 53 34\nLeeds 13 3 .813 3\nThe league resumes on Friday with three games.", []string{"DETROIT/ORG", "Leeds/ORG"}, []string{"Leeds/LOC"}},
		{"en", "Casualties by province, the ministry said on Friday:\nKabul 15 9 4\nLeeds 13 3 8\nThe ministry gave no further details of the attacks.", []string{"Kabul/LOC", "Leeds/LOC"}, []string{"Leeds/ORG"}},
		// A fixture's line: two names and a versus word, in a sports document.
		{"en", "Basketball standings and Friday's schedule:\nPORTSMOUTH 14 4 .778 -\nLeeds at Portsmouth\nThe league resumes on Friday.", []string{"Leeds/ORG"}, []string{"Leeds/LOC", "PORTSMOUTH/LOC", "Portsmouth/LOC"}},
		{"en", "Talks resumed on Friday, the ministry said.\nLeeds at Portsmouth\nThe delegates met again on Saturday.", nil, []string{"Leeds/ORG"}},
		{"en", "Football results and standings.\nLEEDS 2031-08-30\nThe league resumes on Friday.", []string{"LEEDS/LOC"}, []string{"LEEDS/ORG"}},
		{"en", "Standings after Sunday's games:\nW L T PF PA\nLeeds 9 2 0 280 190\nThe league resumes on Friday.", []string{"Leeds/ORG"}, []string{"W L T PF PA", "W L T"}},
		// Column heads that spell a word ("PCT"), games behind in halves, a
		// known name of two words on a line in capitals.
		{"en", "Standings after Sunday's games:\nW L PCT GB\nLEEDS 9 2 .818 -\nNEW PORTSMOUTH 7 4 .636 2 1/2\nThe league resumes on Friday.", []string{"LEEDS/ORG"}, []string{"W L", "GB", "LEEDS/LOC"}},
	})
}

// TestFirmFirstWord: the first word of a firm's name given in full names the
// firm alone later, whatever verb follows; a person's surname stays the
// person's.
func TestFirmFirstWord(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Varnotek Mining Corp said on Monday it would buy the mine. Varnotek said the deal was worth $1 billion.", []string{"Varnotek Mining Corp/ORG", "Varnotek/ORG"}, []string{"Varnotek/PER"}},
		{"en", "Lena Tessel Associates hired Lena Tessel in May. Tessel said so.", []string{"Lena Tessel/PER", "Tessel/PER"}, nil},
	})
}

// TestPartyPlaceOffice: a party's acronym, a place and a lower-case office
// after them are the party and the seat the office is held for; a body named
// with its head stays whole.
func TestPartyPlaceOffice(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "SDLP Vessmoor councillor Donal Kessick removed the signs on Friday.", []string{"SDLP/ORG", "Vessmoor/LOC", "Donal Kessick/PER"}, []string{"SDLP Vessmoor"}},
		{"en", "The KPN Radio presenter Ann Roe said the line was down.", []string{"KPN Radio/ORG", "Ann Roe/PER"}, []string{"Radio/LOC"}},
	})
}

// TestWebPathsAndCodes: the path of a web address, a fiscal period's code
// and an acronym of a common noun name nothing; a letter lost to a bad
// encoding stays inside its name.
func TestWebPathsAndCodes(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Follow the coverage at https://kessnews.com/hub/UnderstandingTheFloods and pic.twitter.com/Xq7Lm2Vb9k today.", nil,
			[]string{"UnderstandingTheFloods", "Xq7Lm2Vb9k"}},
		{"en", "Radio Free/Open Voice said so. Photo: Lena Varga/NPA", []string{"Radio Free/Open Voice/ORG", "Lena Varga/PER"}, nil},
		{"en", "Growth will slow to 5 per cent in FY20 and pick up in FY21, after a weak Q3. A negative PCR test is needed.", nil,
			[]string{"FY20", "FY21", "Q3", "PCR"}},
		{"en", "Prime Minister Pedro S\ufffdnchez said so.", []string{"Pedro S\ufffdnchez/PER"}, []string{"Pedro S"}},
		{"en", "What CEOs and NGOs think of the new transit plan.", nil, []string{"CEOs", "NGOs"}},
		{"en", "Happy Thanksgiving to all. The HR team sent DMs to LGBTQ staff in Vessa on Juneteenth.", []string{"Vessa/LOC"}, []string{"Thanksgiving", "HR", "DMs", "LGBTQ", "Juneteenth", "Happy Thanksgiving"}},
	})
}

// TestArticleOpensName: a capitalised article inside a sentence's run of
// names opens a second name, glued or not ("By Lena VargaThe Associated
// Press"); a surname's article stays ("Tessa Le Blanc").
func TestArticleOpensName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "By Hillel Vantongeren The Associated Press\nThe book came out on Monday.", []string{"Hillel Vantongeren/PER", "The Associated Press/ORG"}, nil},
		{"en", "By Hillel VantongerenThe Associated Press\nThe book came out on Monday.", []string{"Hillel Vantongeren/PER", "The Associated Press/ORG"}, nil},
		{"en", "Reporting by Lena Varga; editing by The Kessel Desk.", []string{"Lena Varga/PER"}, []string{"The Kessel Desk/PER"}},
		{"fr", "Tessa Le Blanc a voté samedi.", []string{"Tessa Le Blanc/PER"}, nil},
	})
}

// TestCampusNames: a university's name that a comma and its campus's town
// end is one name; a list after the comma is not.
func TestCampusNames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "She studied at the University of Norland, Vessa Bay, before the war.", []string{"University of Norland, Vessa Bay/ORG"}, []string{"Vessa Bay/LOC"}},
		{"en", "The University of Texas, Austin and Dallas campuses closed on Friday.", []string{"University of Texas/ORG", "Austin/LOC", "Dallas/LOC"}, nil},
	})
}

// TestBodyOfPlace: capitalised common words inside a sentence, "of" or
// "for" and a known place are a body's name; an event, a title, a place's
// head, a person or a club and its country are not.
func TestBodyOfPlace(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The men argued, Crime Watchers of Ohio officials said.", []string{"Crime Watchers of Ohio/ORG"}, []string{"Ohio/LOC"}},
		{"en", "Officials at Transport for London said the line would reopen.", []string{"Transport for London/ORG"}, []string{"London/LOC"}},
		{"en", "He fought in the Battle of Mosul and met the Governor of Texas.", []string{"Mosul/LOC", "Texas/LOC"}, []string{"Battle of Mosul/ORG", "Governor of Texas/ORG"}},
		{"en", "They beat Vessenborg of Norway 2-1 on Friday.", []string{"Norway/LOC"}, []string{"Vessenborg of Norway/ORG"}},
		{"en", "The letter went to Lena Varga of London.", []string{"Lena Varga/PER", "London/LOC"}, nil},
	})
}

// TestRoadNumbers: a road's prefix and its number are one place's name,
// also where the prefix is a state's code in the knowledge base ("NH").
func TestRoadNumbers(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Traffic on NH 24 and NH 44 stopped as farmers blocked roads in Haryana.", []string{"NH 24/LOC", "NH 44/LOC", "Haryana/LOC"}, []string{"NH/LOC"}},
		{"en", "The crash closed Interstate 10 near Phoenix.", []string{"Interstate 10/LOC", "Phoenix/LOC"}, nil},
	})
}

// TestAwardsAndSchemes: an award "of the Year", a government's scheme or
// plan name no entity; a state's chief minister (CM) is a title.
func TestAwardsAndSchemes(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "She was named Player of the Year and joined the Home Repair Support Scheme in Vessa.", []string{"Vessa/LOC"}, []string{"Player of the Year", "Home Repair Support Scheme"}},
		{"en", "The delegation met Maharashtra CM Lena Varga on Friday.", []string{"Maharashtra/LOC", "Lena Varga/PER"}, []string{"CM", "CM Lena Varga"}},
	})
}

// TestGluedFunctionWord: a word glued to the next line's capitalised
// function word is cut off it; brands written in camel case stay whole.
func TestGluedFunctionWord(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Les poireaux de M. VarnierLes poireaux de M. Varnier sont arrivés.", []string{"Varnier/PER"}, []string{"VarnierLes"}},
		{"en", "The report was read by Lena VantongerenThe next day she left for Vessa.", []string{"Lena Vantongeren/PER"}, []string{"Lena VantongerenThe"}},
		{"en", "He streamed it on StreamBox from Kessel.", []string{"StreamBox/ORG"}, []string{"Stream"}},
	})
}

// TestNumberedBodies: a body's head, a place and a small number are one
// name; a number that counts the noun after it is not the name's.
func TestNumberedBodies(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Elle enseigne à l'Université Lyon 2 depuis 2010.", []string{"Université Lyon 2/ORG"}, []string{"Université Lyon/ORG"}},
		{"fr", "À l'Université Lyon 2 étudiants ont manifesté.", nil, []string{"Université Lyon 2/ORG"}},
	})
}

// TestShareNouns: a firm's shares after a name make it the firm's, a town's
// name too; a town elsewhere stays a place.
func TestShareNouns(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The offer was 0.33 Varnomont shares for each share held.", []string{"Varnomont/ORG"}, nil},
		{"en", "Leeds shares rose 5 percent on Friday in Paris.", []string{"Leeds/ORG", "Paris/LOC"}, []string{"Leeds/LOC"}},
	})
}

// TestLawmakerLabels: a title before a first name and an initial keeps the
// surname in the name; a party-and-state label and a plural title name
// nobody.
func TestLawmakerLabels(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "They wrote to IRS Commissioner Charles P. Vantongeren on Monday.", []string{"Charles P. Vantongeren/PER"}, []string{"Charles P./PER", "Vantongeren/ORG"}},
		{"en", "Sens. Lena Varga (D-Md.) and Tom Kessel (R-Ga.) wrote the letter.", []string{"Lena Varga/PER", "Tom Kessel/PER", "Md./LOC"}, []string{"Sens/LOC", "R-Ga"}},
	})
}

// TestFirmRoles: a firm's office and "of" before a name make it a firm's,
// whatever first name its words hold ("Vessmark Chase"); an acronym of an
// office before a first name is a title.
func TestFirmRoles(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Lena Varga, CEO of Vessmark Chase, wrote the memo.", []string{"Lena Varga/PER", "Vessmark Chase/ORG"}, []string{"Vessmark Chase/PER"}},
		{"en", "The chairman of Kessler Sachs resigned on Monday.", []string{"Kessler Sachs/ORG"}, []string{"Kessler Sachs/PER"}},
		{"en", "CEO Tom Kessel spoke; the mayor of Harbourton listened.", []string{"Tom Kessel/PER", "Harbourton/LOC"}, []string{"CEO Tom Kessel"}},
		// A first name and a surname that heads outlets' names, then a capitalised role.
		{"en", "Tom Spiegel, CEO of Vesnap, wrote the memo.", []string{"Tom Spiegel/PER"}, []string{"Tom Spiegel/ORG"}},
	})
}

// TestTitleWordSurnames: a title word right after a first name is the
// person's surname ("King"), with a generation's mark after it or not; a
// byline's role after a surname is still cut off.
func TestTitleWordSurnames(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Yesterday Larry King and Carole King met Tom Luther King III at the hotel.", []string{"Larry King/PER", "Carole King/PER", "Tom Luther King III/PER"}, []string{"Carole/PER", "III/PER"}},
		{"en", "By Lena Varga Senior Politics Editor\nThe vote was held on Friday.", []string{"Lena Varga/PER"}, []string{"Lena Varga Senior Politics Editor"}},
	})
}

// TestCoordinatedAdjectives: capitalised adjectives coordinated before a
// lower-case noun name no one; the same words as surnames stay names.
func TestCoordinatedAdjectives(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The toll falls on Black and Brown communities in Vessa.", []string{"Vessa/LOC"}, []string{"Black/PER", "Black", "Brown"}},
		{"en", "Gordon Brown and Jack White met. Brown said so.", []string{"Gordon Brown/PER", "Jack White/PER", "Brown/PER"}, nil},
	})
}

// TestListBeforePlaceNoun: names listed before a plural place noun are
// places; people listed so stay people.
func TestListBeforePlaceNoun(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The plan funds the Halloway, Kesselring, Phillips and Dunmore neighborhoods of the city.",
			[]string{"Halloway/LOC", "Kesselring/LOC", "Phillips/LOC", "Dunmore/LOC"}, []string{"Phillips/PER", "Kesselring/PER"}},
		{"en", "Lena Varga and Tom Kessel toured the districts.", []string{"Lena Varga/PER", "Tom Kessel/PER"}, nil},
	})
}

// TestUnknownFirstNameBeforeTown: a word no list holds, then a town's name,
// is a person where the sentence speaks of one (a role noun before it, set
// apart by a comma or not, a speech verb after it); elsewhere the town
// stays a town.
func TestUnknownFirstNameBeforeTown(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The campaign manager, Zorvella Conway, said on Sunday that the plan was dead.", []string{"Zorvella Conway/PER"}, []string{"Conway"}},
		{"en", "Zorvella Conway said on Sunday that the plan was dead.", []string{"Zorvella Conway/PER"}, []string{"Conway"}},
		{"en", "Trains from Conway were late on Sunday.", []string{"Conway/LOC"}, nil},
	})
}

// TestOutletThenWeekday: an outlet's name ends before "on" and a weekday
// (the sentence's date); a weekday after "du" may be the outlet's own.
func TestOutletThenWeekday(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He told Channel 4 News on Tuesday that the talks had failed.", []string{"Channel 4 News/ORG"}, []string{"Channel 4 News on Tuesday"}},
		{"fr", "Il l'a dit au Journal du Dimanche.", []string{"Journal du Dimanche/ORG"}, nil},
	})
}

// TestAcronymThenCountry: an unknown acronym and a country's name glued
// are a firm's national arm; known acronyms before a country stay apart.
func TestAcronymThenCountry(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Le chantier XQZ France a été vendu en 2017.", []string{"XQZ France/ORG"}, []string{"France"}},
		{"en", "The UN Syria envoy resigned on Friday.", []string{"UN/ORG", "Syria/LOC"}, nil},
	})
}

// TestSurnameInCapitals: a capitalised word no list holds and a word in
// capitals are a first name and a surname, as bylines and French lists of
// names write them.
func TestSurnameInCapitals(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Selon Zorvek TESSANI, la grève continue.", []string{"Zorvek TESSANI/PER"}, nil},
		{"en", "Officials told Radio KESSEL on Monday that the port was shut.", []string{"Radio KESSEL/ORG"}, nil},
	})
}

// TestPlaceLedBodyWithCoordinatedDomain: a place opening a body whose
// domain coordinates two fields after "of" is one name.
func TestPlaceLedBodyWithCoordinatedDomain(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He works at New York State Division of Military and Naval Affairs, he said.", []string{"New York State Division of Military and Naval Affairs/ORG"}, []string{"New York"}},
	})
}

// TestProgramHeads: a programme is a body's head.
func TestProgramHeads(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Funding for the Kessel Veterans Program was cut on Monday.", []string{"Kessel Veterans Program/ORG"}, nil},
	})
}

// TestKnownBodyThenTopic: a known body's name ends before "on" and a known
// place, what it meets on; an unknown body's name may run on.
func TestKnownBodyThenTopic(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Norland asked for an urgent meeting of the UN Security Council on Kashmir.", []string{"UN Security Council/ORG", "Kashmir/LOC"}, []string{"UN Security Council on Kashmir"}},
		{"en", "He joined the Council on Foreign Relations in May.", []string{"Council on Foreign Relations/ORG"}, nil},
	})
}

// TestShoutedLeadInAndConflictSides: dictionary words in capitals before a
// line's mixed-case words are a lead-in, no name; a place and a group
// joined by a hyphen are two names (the sides of a conflict), a group and a
// place its branch.
func TestShoutedLeadInAndConflictSides(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "À LIRE AUSSI Grève au port : la ville de Varnak paralysée", []string{"Varnak/LOC"}, []string{"AUSSI Grève", "Grève"}},
		{"en", "The Israel-Hamas war entered its second month on Tuesday.", []string{"Israel/LOC", "Hamas/ORG"}, []string{"Israel-Hamas"}},
		{"en", "The attack was claimed by ISIS-Mozambique on Friday.", []string{"ISIS-Mozambique/ORG"}, nil},
		{"en", "He worked for the Associated Press until 2019.", []string{"Associated Press/ORG"}, nil},
	})
}

// TestPlaceDemonymsInNsAndIs: inhabitants named from a place with "-ns" or
// "-is" are no entity ("Gazans", "Kashmiris").
func TestPlaceDemonymsInNsAndIs(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Many Gazans fled south on Friday.", nil, []string{"Gazans"}},
		{"en", "Kashmiris protested in Srinagar on Friday.", []string{"Srinagar/LOC"}, []string{"Kashmiris"}},
	})
}

// TestWorkTitlesAfterTheirNoun: a work's title right after the noun that
// names it, or after the noun and "like", is no entity; a name after a verb
// that is no work's noun stays.
func TestWorkTitlesAfterTheirNoun(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "He wrote the novel Harbour Lights in Kessel in 1990.", []string{"Kessel/LOC"}, []string{"Harbour Lights"}},
		{"en", "The deal covers films like Varnak Nights and shows on HBO.", []string{"HBO/ORG"}, []string{"Varnak Nights"}},
		{"fr", "Il a réalisé le film Les Visiteurs du port à Varnak.", []string{"Varnak/LOC"}, []string{"Les Visiteurs du port", "Visiteurs"}},
	})
}

// TestGluedTagList: three names or more glued into one word are a page's
// tags rendered without spaces, no name.
func TestGluedTagList(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Tags: NorlandVarnakKesselRefugees and more from Harbourton.", []string{"Harbourton/LOC"}, []string{"NorlandVarnakKesselRefugees"}},
		{"en", "He bought a new iPhone from McDonald in Harbourton.", []string{"Harbourton/LOC"}, nil},
	})
}

// TestPluralAcronyms: an acronym in the plural that the knowledge base does
// not hold names a class of people or things, not one body ("MSPs",
// "NGOs"); a name that goes on after it stays.
func TestPluralAcronyms(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Last week the minister told MSPs in Harbourton that the inquiry was over.", []string{"Harbourton/LOC"}, []string{"MSPs"}},
		{"en", "Several NGOs and MEPs wrote to the port of Varnak.", []string{"Varnak/LOC"}, []string{"NGOs", "MEPs"}},
		{"en", "The SDGs Fund paid for the new quay in Varnak.", []string{"SDGs Fund/ORG"}, nil},
	})
}

// TestPartyBranches: a nation's name for its branch of a party the
// knowledge base knows is one organisation ("Scottish Labour"), with or
// without an article before it; the weekday's abbreviation is no name.
func TestPartyBranches(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Scottish Labour deputy leader Lena Varga said the plan had failed.", []string{"Scottish Labour/ORG", "Lena Varga/PER"}, []string{"Scottish/ORG", "Labour/ORG"}},
		{"en", "The Welsh Conservatives said on Wed, Nov 8 that they would vote against it.", []string{"Welsh Conservatives/ORG"}, []string{"Conservatives/ORG", "Wed"}},
		{"en", "The Labour leader met the Scottish delegation.", []string{"Labour/ORG"}, []string{"Scottish"}},
	})
}

// TestTwoStreetsSharingAnd: a name, "and", then a second name with a
// place's head are two places; an institution's head keeps its "and".
func TestTwoStreetsSharingAnd(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The fight broke out near the corner of Varnak and Kessel Avenue on Friday.", []string{"Varnak/LOC", "Kessel Avenue/LOC"}, []string{"Varnak and Kessel Avenue"}},
		{"en", "The Department of Health and Human Services said the clinic in Varnak was closed.", []string{"Department of Health and Human Services/ORG"}, []string{"Human Services"}},
	})
}

// TestDefinedAcronymAtSentenceStart: lower-case words that an acronym in
// brackets spells are a common noun's, though the sentence capitalises the
// first.
func TestDefinedAcronymAtSentenceStart(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Courts are slow. Joint mediation service (JMS) is cheaper, and JMS suits firms in Varnak.", []string{"Varnak/LOC"}, []string{"JMS"}},
		{"en", "The National Health Service (NHS) paid for the ward in Varnak.", []string{"National Health Service/ORG"}, nil},
	})
}

// TestHeadThenTwoPlaces: a body's head and two places in a row, the last a
// known place, are one body's name ("Université Paris Nanterre").
func TestHeadThenTwoPlaces(t *testing.T) {
	checkCases(t, []wireCase{
		{"fr", "Il enseigne à l’Université Paris Nanterre depuis 2019.", []string{"Université Paris Nanterre/ORG"}, []string{"Université Paris/ORG", "Nanterre/LOC"}},
		{"fr", "La Banque Lena Varga a fermé.", nil, []string{"Banque Lena/ORG"}},
	})
}

// TestPlaceParts: a known place and a compass word after it name a part of
// the place, a district or a constituency.
func TestPlaceParts(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The MSP for Falkirk West took his tablet to Morocco.", []string{"Falkirk West/LOC", "Morocco/LOC"}, []string{"Falkirk/LOC", "MSP"}},
		{"fr", "Il habite à Lille Sud depuis 2010.", []string{"Lille Sud/LOC"}, []string{"Lille/LOC"}},
		{"en", "The West Bank was quiet on Friday.", []string{"West Bank/LOC"}, nil},
		// The list holds every compass point, one word or hyphenated: a
		// district or constituency may be named after any of them; no
		// firm is a place and a compass point.
		{"en", "She was elected for Leeds North-East in 2019.", []string{"Leeds North-East/LOC"}, []string{"Leeds/LOC"}},
		{"en", "He lived in Glasgow Southeast as a boy.", []string{"Glasgow Southeast/LOC"}, []string{"Glasgow/LOC"}},
		{"fr", "La députée de Lyon Nord-Ouest a voté contre.", []string{"Lyon Nord-Ouest/LOC"}, []string{"Lyon/LOC"}},
	})
}

// TestTitledPersonOfPlace: after a person's title, a name, "of" and a known
// place are the person and the place ("Sen. Tobi Varnak of Utah").
func TestTitledPersonOfPlace(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "The bill was backed by Sen. Tobi Varnak of Utah on Friday.", []string{"Tobi Varnak/PER", "Utah/LOC"}, []string{"Tobi Varnak of Utah"}},
		{"en", "President Lena Varga of Norland came to Vessa.", []string{"Lena Varga/PER", "Norland/LOC"}, []string{"Lena Varga of Norland"}},
	})
}

// TestArticleOpeningColonQuote: a quotation introduced by a colon opens
// a sentence, so its capitalised article is no part of the name after it.
func TestArticleOpeningColonQuote(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "A statement said: “The Harbour Rowing League is heartbroken by the news.”", []string{"Harbour Rowing League/ORG"}, []string{"The Harbour Rowing League"}},
		{"fr", "Il a déclaré : « Le Monde est un journal. »", []string{"Le Monde/ORG"}, nil},
	})
}

// TestListedPlaces: a capitalised common word between two places of one
// list is a place too; between two people it is not made a place.
func TestListedPlaces(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Games in Leeds, Fife and Exeter were called off.", []string{"Leeds/LOC", "Fife/LOC", "Exeter/LOC"}, nil},
		{"en", "She met Lena Varga, Bishop and Paul Varnak in Vessa.", []string{"Lena Varga/PER", "Paul Varnak/PER"}, []string{"Bishop/LOC"}},
	})
}

// TestHyphenedAcronyms: two acronyms joined by a hyphen are one body's
// name, though together they run longer than an acronym.
func TestHyphenedAcronyms(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "More than 60,000 VDRA-HARBTU members went on strike in Varnak.", []string{"VDRA-HARBTU/ORG", "Varnak/LOC"}, nil},
		{"en", "The STRIKEBREAKERS were booed in Varnak.", []string{"Varnak/LOC"}, []string{"STRIKEBREAKERS"}},
	})
}

// TestKnownBodyAndName: a known organisation, "and", and a name with a head
// are two bodies; a known place may open a longer name with its "and".
// A place and a faith's adjective before a common noun name the place.
func TestKnownBodyAndName(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "They were arrested by the Shin Bet and Harbourton Police on Friday.", []string{"Shin Bet/ORG", "Harbourton Police/ORG"}, []string{"Shin Bet and Harbourton Police"}},
		{"en", "The Trinidad and Tobago Police Service said on Friday that the port was closed.", []string{"Trinidad and Tobago Police Service/ORG"}, nil},
		{"en", "They planned to attack a Lisbon Jewish school on Friday.", []string{"Lisbon/LOC"}, []string{"Lisbon Jewish"}},
	})
}

// TestNicknameInBrackets: one capitalised word in brackets between a first
// name and a surname is a nickname inside the person's name; a known place
// or an acronym there is not.
func TestNicknameInBrackets(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "Emanuel (Mannie) Varga is the Courier's military correspondent.", []string{"Emanuel (Mannie) Varga/PER"}, []string{"Mannie"}},
		{"en", "The stage was won by Olaf Varga (Germany) ahead of the field.", []string{"Olaf Varga/PER", "Germany/LOC"}, []string{"Olaf Varga (Germany)"}},
	})
}

// TestNameStyles: royal and religious styles written capitalised before a
// name are part of the name in the annotation convention (an honorific
// stays where written). The list is general knowledge of how news names
// monarchs and clerics (King …, Queen …, Pope …, Sheikh …, Mullah …,
// Ayatollah …, Maulana …, Emir …), not words of one article; written in
// lower case they are roles and stay out of the name.
func TestNameStyles(t *testing.T) {
	checkCases(t, []wireCase{
		{"en", "King Oru Vessaro met Queen Lena Tessly and Pope Karim Delmar in Vessa on Monday.",
			[]string{"King Oru Vessaro/PER", "Queen Lena Tessly/PER", "Pope Karim Delmar/PER"}, []string{"Oru Vessaro/PER", "Lena Tessly/PER", "Karim Delmar/PER"}},
		{"en", "Mullah Oru Kessar, Ayatollah Lena Vardi and Maulana Karim Tessou spoke after Sheikh Amin Delvar.",
			[]string{"Mullah Oru Kessar/PER", "Ayatollah Lena Vardi/PER", "Maulana Karim Tessou/PER", "Sheikh Amin Delvar/PER"},
			[]string{"Oru Kessar/PER", "Lena Vardi/PER", "Karim Tessou/PER", "Amin Delvar/PER"}},
		{"en", "The group's leader, the mullah Oru Kessar, and the sheikh Amin Delvar were named.",
			[]string{"Oru Kessar/PER", "Amin Delvar/PER"}, []string{"mullah Oru Kessar/PER", "sheikh Amin Delvar/PER"}},
	})
}
