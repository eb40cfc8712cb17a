package mentions

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
	"github.com/dossier-project/dossier/segment"
)

var (
	setupOnce sync.Once
	testKB    *kb.KB
	testSeg   *segment.Stage
	testStage *Stage
	setupErr  error
)

func stages(tb testing.TB) (*segment.Stage, *Stage) {
	tb.Helper()
	setupOnce.Do(func() {
		lex := lexicon.Default()
		testKB, setupErr = kb.Load(context.Background())
		if setupErr != nil {
			return
		}
		testSeg, setupErr = segment.New(lex)
		if setupErr != nil {
			return
		}
		testStage, setupErr = New(lex, testKB)
	})
	if setupErr != nil {
		tb.Fatal(setupErr)
	}
	return testSeg, testStage
}

func run(tb testing.TB, text, lang string) *dossier.Document {
	tb.Helper()
	sg, st := stages(tb)
	doc := &dossier.Document{Text: text, Lang: lang}
	if err := sg.Process(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	if err := st.Process(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// found returns "text/TYPE" for every mention, in order.
func found(doc *dossier.Document) []string {
	var out []string
	for _, m := range doc.Mentions {
		out = append(out, doc.Slice(m.Span)+"/"+m.Type)
	}
	return out
}

func TestMentions(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string // expected "text/TYPE", each must be present
		absent     []string // surface texts that must not be mentions
	}{
		{"en", "The Taliban's spokesman met officials in Kabul on Monday.",
			[]string{"Taliban/ORG", "Kabul/LOC"}, []string{"Monday", "The Taliban", "Taliban's"}},
		{"en", "Al-Qaeda in the Islamic Maghreb (AQIM) claimed the attack, a statement said.",
			[]string{"Al-Qaeda in the Islamic Maghreb/ORG", "AQIM/ORG"}, nil},
		{"en", "Attorney General Merrick Garland said the plot had been foiled in Garland.",
			[]string{"Merrick Garland/PER"}, []string{"Merrick"}},
		{"en", "Ayman al-Zawahiri praised Abu Bakr al-Baghdadi in a video.",
			[]string{"Ayman al-Zawahiri/PER", "Abu Bakr al-Baghdadi/PER"}, nil},
		{"en", "Analysts at FRANCE 24 say Hay'at Tahrir al-Sham controls Idlib.",
			[]string{"FRANCE 24/ORG", "Hay'at Tahrir al-Sham/ORG", "Idlib/LOC"}, nil},
		{"en", "Yesterday the French intelligence services warned of Senegalese-born recruits.",
			nil, []string{"French", "Yesterday", "Senegalese-born"}},
		{"en", "Karim Benali, a researcher, said the Helmand Province office of the Peshawar Police had closed.",
			[]string{"Karim Benali/PER", "Helmand Province/LOC", "Peshawar Police/ORG"}, nil},
		{"en", "Officials said Jane Holloway, the head of the Emigration and Logistics Committee, had fled. Holloway denied it.",
			[]string{"Jane Holloway/PER", "Emigration and Logistics Committee/ORG", "Holloway/PER"}, nil},
		{"en", "The Doha Agreement of February 2020 was signed.",
			nil, []string{"Doha Agreement", "Agreement", "February"}},
		{"fr", "Les talibans ont pris Kaboul et l’État islamique au Khorasan a revendiqué l'attaque.",
			[]string{"talibans/ORG", "Kaboul/LOC", "État islamique au Khorasan/ORG"}, nil},
		{"fr", "La Direction générale de la sécurité intérieure (DGSI) a interpellé un suspect à Lyon.",
			[]string{"Direction générale de la sécurité intérieure/ORG", "DGSI/ORG", "Lyon/LOC"}, nil},
		{"fr", "Le procès s'est ouvert devant la cour d'assises spéciale de Paris, rue des Lilas.",
			[]string{"cour d'assises spéciale de Paris/ORG", "rue des Lilas/LOC"}, []string{"Paris"}},
		// Common words alone, nationalities with common nouns, adherents of a faith.
		{"en", "Later the Observatory said that Iraqi forces and the Syrian government had agreed.",
			nil, []string{"Observatory", "Iraqi forces", "Syrian government", "Iraqi", "Syrian"}},
		{"en", "Sikhs and Hindus gathered near the temple while Witnesses watched.",
			nil, []string{"Sikhs", "Hindus", "Witnesses"}},
		{"fr", "La gendarmerie a entendu les talibans.", []string{"talibans/ORG"}, []string{"gendarmerie"}},
		// A direction inside a province is no new region; a continent's is.
		{"en", "Raids in western Tillaberi and in central Asia went on.",
			[]string{"Tillaberi/LOC", "central Asia/LOC"}, []string{"western Tillaberi"}},
		// Grammar of long names: head connectors, coordination, article-led titles.
		{"fr", "Selon la Commission électorale du Nigeria, le vote aura lieu. La Cour suprême du Pakistan a tranché.",
			[]string{"Commission électorale du Nigeria/ORG", "Cour suprême du Pakistan/ORG"},
			[]string{"Commission", "Selon la Commission", "La Cour suprême du Pakistan", "Nigeria", "Pakistan"}},
		{"en", "The Supreme Court of Pakistan ruled after the Electoral Commission of Nigeria and the Water Council of Norland met in Kenya.",
			[]string{"Supreme Court of Pakistan/ORG", "Electoral Commission of Nigeria/ORG", "Water Council of Norland/ORG", "Kenya/LOC"},
			[]string{"The Supreme Court of Pakistan", "Pakistan", "Commission", "Nigeria", "Water Council", "Norland"}},
		{"en", "The Coastal Observatory for Water Safety said the River Authority and the Port Board had met.",
			[]string{"Coastal Observatory for Water Safety/ORG", "River Authority/ORG", "Port Board/ORG"},
			[]string{"River Authority and the Port Board"}},
		{"fr", "Selon un article paru dans La Gazette du Sud, les katibas Serma et d'Ansar Dine se sont unies.",
			[]string{"La Gazette du Sud/ORG", "Ansar Dine/ORG"}, []string{"Serma et d'Ansar Dine"}},
		{"fr", "Il a demandé au Ministère public de la Confédération d'ouvrir une enquête.",
			[]string{"Ministère public de la Confédération/ORG"}, []string{"Ministère public de la Confédération d'ouvrir une enquête"}},
		// A lower-case class noun before a known name is not part of it; an institution's head is.
		{"fr", "Dans la région de Ménaka et le camp d'al-Hol, l'organisation État islamique défie le ministère de l'Intérieur.",
			[]string{"Ménaka/LOC", "al-Hol/LOC", "État islamique/ORG", "ministère de l'Intérieur/ORG"},
			[]string{"région de Ménaka", "camp d'al-Hol", "Intérieur"}},
		{"fr", "Il a visité le musée Bardo et le lycée Condorcet.", []string{"musée Bardo/LOC", "lycée Condorcet/ORG"}, []string{"Bardo"}},
		// Transliterated names: an ayn inside a word, a known group inside a longer name, a town compound.
		{"en", "Analysts say al-Qa‘ida backs Jama‘at Nusrat al-Islam wal-Muslim (JNIM) in Zarin Kandahar.",
			[]string{"al-Qa‘ida/ORG", "Jama‘at Nusrat al-Islam wal-Muslim/ORG", "JNIM/ORG", "Zarin Kandahar/LOC"},
			[]string{"Nusrat al-Islam", "Jama‘at", "Kandahar"}},
		// Possessives: an organisation's unit is one name; a country's possessive makes a generic name specific.
		{"en", "The Islamic State’s Khorasan Province denied it. He led the Front's Eastern Command.",
			[]string{"Islamic State’s Khorasan Province/ORG", "Front's Eastern Command/ORG"}, []string{"Khorasan Province", "The Islamic State’s Khorasan Province"}},
		{"en", "Officials at Norland's Interior Ministry said so.", []string{"Interior Ministry/ORG"}, nil},
		// A place's lower-case office or force before an office noun is the
		// place's body; a person's press office is not.
		{"en", "A spokesman for the Harbourton County prosecutor's office said the Kessel police department had no record, nor did Lena Varga's press office.",
			[]string{"Harbourton County prosecutor's office/ORG", "Kessel police department/ORG", "Lena Varga/PER"}, []string{"Harbourton County", "Lena Varga's press office"}},
		{"en", "A suit names the Morton County coroner’s office and the city's clerk's office.", []string{"Morton County coroner’s office/ORG"}, []string{"Morton County"}},
		// The sentence's article before a person whose surname is a town's.
		{"en", "The Marta Clinton campaign hired new staff.", []string{"Marta Clinton/PER"}, []string{"Clinton", "Marta"}},
		// An initial after an office's words and a first name.
		{"en", "Secretary of State Marta W. Tessler met Harbourton County Executive Lena K. Varga.",
			[]string{"Marta W. Tessler/PER", "Harbourton County/LOC", "Lena K. Varga/PER"}, []string{"Tessler", "Marta W."}},
		// A first name alone that a small town bears, after the person was
		// named in full, is the person; after "in", the town.
		{"en", "Nikki Varga resigned on Monday. By spring Nikki had gone home. Troops in Nikki were calm.",
			[]string{"Nikki Varga/PER", "Nikki/PER", "Nikki/LOC"}, nil},
		// A picture's credit glued to the photographer's first name.
		{"en", "Photo by Lena WeaverLena Weaver / Kessel ImagesLena Weaver / AFP", []string{"Lena Weaver/PER"}, []string{"Kessel ImagesLena Weaver", "Lena WeaverLena"}},
		// An adjective before a body's acronym qualifies it; an indefinite
		// article after a head's "for" stays inside the name.
		{"en", "A Democratic FCC commissioner spoke at the Center for a New Kessel Security.",
			[]string{"FCC/ORG", "Center for a New Kessel Security/ORG"}, []string{"Democratic FCC", "New Kessel Security"}},
		{"en", "He flew on Air Force One to the State of the Union.", nil, []string{"Air Force One", "State of the Union"}},
		{"en", "The 106th Rescue Wing said the 102nd Fighter Squadron flew.", []string{"106th Rescue Wing/ORG", "102nd Fighter Squadron/ORG"}, nil},
		// The country's army named by its head alone, after the article.
		{"en", "He served in the Army, then the Navy; the army's chief left.", []string{"Army/ORG", "Navy/ORG"}, nil},
		// A party's members in the plural name the party; counted, they are
		// its people, and a singular member word names where one is from.
		{"en", "Senate Republicans blocked it and the Democrats objected; two Republicans, Lena Varga and Oru Kessel, left. A Texas Democrat stayed.",
			[]string{"Republicans/ORG", "Democrats/ORG", "Lena Varga/PER", "Oru Kessel/PER", "Texas/LOC"}, []string{"Senate Republicans", "Democrat"}},
		// A town's name after a person's title is a surname there and
		// wherever the document uses it alone; a country's is not.
		{"en", "Ms. Varga clashed with Mr. Bolton on Monday; Bolton did not reply. She was Miss Poland once.",
			[]string{"Bolton/PER", "Poland/LOC"}, nil},
		// A firm's legal form keeps its abbreviation's period; the
		// sentence's opening words stay out of the firm's name.
		{"en", "Vessa Banks Inc. said it would buy Kessel Corp., a rival. Shares of Tessa Ltd. rose.",
			[]string{"Vessa Banks Inc./ORG", "Kessel Corp./ORG", "Tessa Ltd./ORG"}, []string{"Shares of Tessa Ltd.", "Vessa Banks Inc"}},
		// A surname of the document's persons in the plural names the family.
		{"en", "Marta Clinton spoke. The Clintons left, and Lena Varga met the Vargas.", []string{"Clintons/PER", "Vargas/PER"}, nil},
		// A state's official name is the country's, adjectives and all.
		{"en", "The Federal Republic of Somalia and the Kingdom of the Netherlands signed.", []string{"Federal Republic of Somalia/LOC", "Kingdom of the Netherlands/LOC"}, []string{"Federal Republic"}},
		{"fr", "Le Royaume du Maroc, la République fédérale de Somalie et la République du Mali ont signé.", []string{"Royaume du Maroc/LOC", "République fédérale de Somalie/LOC", "République du Mali/LOC"}, nil},
		// A venue named after its owner or its street.
		{"en", "He was at Merrow’s Tavern on Friday; the Kessel Street Café was closed.", []string{"Merrow’s Tavern/LOC", "Kessel Street Café/LOC"}, []string{"Merrow"}},
		// A month that is a first name too, before a surname; after a
		// preposition it is the month.
		{"en", "By April Varnak. June Tessler sang in April Kessel's hall.", []string{"April Varnak/PER", "June Tessler/PER"}, []string{"April Kessel"}},
		// Two bylines glued together: the first surname ends where the next
		// first name starts.
		// The attackers' cry names no one, whichever spelling.
		{"en", `He shouted "Allah Akbar" and then Allahu Akbar; Akbar Khan saw it.`, []string{"Akbar Khan/PER"}, []string{"Akbar", "Allahu Akbar", "Allah Akbar"}},
		{"fr", "Il a crié « Allah Akbar » puis Allahou Akbar.", nil, []string{"Akbar", "Allah Akbar", "Allahou Akbar"}},
		// An institution's lower-case words run long, through coordinated
		// complements; an infinitive, a preposition or a name right after a
		// coordinator ends them.
		{"fr", "Selon l'Office fédéral de la sécurité alimentaire et des affaires vétérinaires, le risque est faible.",
			[]string{"Office fédéral de la sécurité alimentaire et des affaires vétérinaires/ORG"}, nil},
		{"fr", "Il a promis de quitter le Parti socialiste et de fonder un mouvement, puis l'Agence des participations de l'État auprès des Chantiers de Vessa a voté.",
			[]string{"Parti socialiste/ORG", "Agence des participations de l'État/ORG"}, []string{"Parti socialiste et de fonder un mouvement", "Agence des participations de l'État auprès des Chantiers"}},
		{"fr", "Le Front pour la défense et la liberté et Vessaru ont fusionné.",
			[]string{"Front pour la défense et la liberté/ORG"}, []string{"Front pour la défense et la liberté et Vessaru"}},
		// An acronym a body's lower-case name defines is the body's; one a
		// common noun's words define is no name; nor is a news bulletin's.
		{"fr", "Le parquet national financier (PNF) a saisi un engin explosif improvisé (EEI), a-t-on appris au JT de Vessa TV.",
			[]string{"PNF/ORG"}, []string{"EEI", "JT"}},
		// A government or a term named after its leader: the name is the person's.
		{"fr", "Le projet de la Commission Varnak et du gouvernement Kessler a échoué sous l'ère Vessaro.",
			[]string{"Varnak/PER", "Kessler/PER", "Vessaro/PER"}, nil},
		// An adjective opens an institution's name before its head,
		// capitalised or not; the sentence's words before it do not.
		{"fr", "Selon la Haute autorité pour la transparence de la vie publique, le Haut conseil pour le climat a parlé. La Haute Autorité de santé aussi.",
			[]string{"Haute autorité pour la transparence de la vie publique/ORG", "Haut conseil pour le climat/ORG", "Haute Autorité de santé/ORG"}, []string{"Haute", "Haute Autorité"}},
		// A month's modifier after an institution's lower-case words dates
		// the sentence; a weekday after the whole name leaves it whole.
		{"fr", "Le Conseil européen de début juillet tranchera, comme le Conseil supérieur de la magistrature lundi.",
			[]string{"Conseil européen/ORG", "Conseil supérieur de la magistrature/ORG"}, []string{"Conseil européen de début", "Conseil européen de début juillet"}},
		// Two newspaper words coordinated are one paper; two papers' names
		// stay two.
		{"en", "The Post and Courier reported it, and he told the News & Observer; the Kessel Times and the Vessa Herald agreed.",
			[]string{"The Post and Courier/ORG", "News & Observer/ORG", "Kessel Times/ORG", "Vessa Herald/ORG"}, []string{"Post", "Courier"}},
		{"en", "Fed Chair Lena Varga spoke; strategists at Kessel Capital Markets expect the Fed to wait.",
			[]string{"Fed/ORG", "Lena Varga/PER", "Kessel Capital Markets/ORG"}, nil},
		// A time zone after a clock time; an actor after one stays.
		{"en", "Updated: March 2, 2031 10:15 am IST. At 10:30 KLF fighters struck; by 11:05 WAT on Monday it was over.", []string{"KLF/ORG"}, []string{"IST", "WAT"}},
		{"en", "By Paul VarnakLena Kessel and Tom Ross", []string{"Paul Varnak/PER", "Lena Kessel/PER", "Tom Ross/PER"}, nil},
		{"en", "Ian MacArthur Smith met Sean FitzGerald Jones.", []string{"Ian MacArthur Smith/PER", "Sean FitzGerald Jones/PER"}, nil},
		// Common words that an organisation's head ends, inside a sentence,
		// name a body with or without an article; a title does not.
		{"en", "Police said Defence Ministry officials had left, and Security Council members met Interior Minister Lena Varga.",
			[]string{"Defence Ministry/ORG", "Security Council/ORG", "Lena Varga/PER"}, []string{"Interior Minister", "Interior Minister Lena Varga"}},
		// Head nouns type unknown names.
		{"en", "Shelling hit Verin Krai and the Lumen Promenade, Radio Vessa said.",
			[]string{"Verin Krai/LOC", "Lumen Promenade/LOC", "Radio Vessa/ORG"}, nil},
		// French lower-case tails stay in the name; coordination inside a headed run splits.
		{"fr", "Al-Qaïda au Maghreb islamique et la katiba al-Furqan et d’al-Mourabitoune ont frappé.",
			[]string{"Al-Qaïda au Maghreb islamique/ORG", "katiba al-Furqan/ORG", "al-Mourabitoune/ORG"}, []string{"Al-Qaïda au Maghreb"}},
		// Designations, instruments and acronyms of common nouns are no entities.
		{"en", "Treasury named him a Specially Designated Global Terrorist under Executive Order 13224; the IED and GPS were found.",
			nil, []string{"Specially Designated Global Terrorist", "Executive Order", "IED", "GPS", "Global Terrorist"}},
		{"fr", "Un EEI a explosé ; l'ADN du suspect a été retrouvé.", nil, []string{"EEI", "ADN"}},
		// A title word inside a known name is no split point (this sentence crashed the run).
		{"en", "He addressed a U.N. General Assembly president last week.",
			[]string{"U.N. General Assembly/ORG"}, []string{"Assembly"}},
		{"en", "The General Assembly voted on Tuesday.",
			[]string{"General Assembly/ORG"}, []string{"Assembly"}},
		// A compound noun opens a name the knowledge base knows; titles so written stay titles.
		{"fr", "La Sous-direction antiterroriste a été saisie ; le Lieutenant-colonel Marc Dufresne a parlé.",
			[]string{"Sous-direction antiterroriste/ORG", "Marc Dufresne/PER"}, []string{"Lieutenant-colonel Marc Dufresne"}},
		// One letter names nothing; a body named in lower case without the knowledge base's support is no name.
		{"fr", "Il était fiché S et suivi par la police judiciaire.", nil, []string{"S", "police judiciaire"}},
		{"en", "Leaders of the G7 met; plan B failed.", []string{"G7/ORG"}, []string{"B"}},
		// A dateline's town before a dash; a plural possessive inside a name; an area is a place.
		{"en", "VARNAKOVO — A man appeared at Westminster Magistrates' Court after raids in the Eastfield area.",
			[]string{"VARNAKOVO/LOC", "Westminster Magistrates' Court/ORG", "Eastfield/LOC"}, []string{"Westminster", "Magistrates"}},
		// A direction word between a place preposition, or before "of", and an unknown name makes it a place.
		{"en", "Gunmen struck in northern Varnavia on Friday.", []string{"Varnavia/LOC"}, nil},
		{"fr", "Des hommes armés ont frappé dans le nord du Varnavia.", []string{"Varnavia/LOC"}, nil},
		// A common word heading "of" and a name is no town: the whole is the name.
		{"en", "Officials in Washington said the Republic of Varnavia would respond.", []string{"Republic of Varnavia/LOC"}, []string{"Republic", "Varnavia"}},
		// A channel's number; a slash inside a headed name, not in a credit; a school named for a person.
		{"en", "Malta 24 reported the strike and Radio Free/Open Voice said so. Photo: Lena Varga/NPA",
			[]string{"Malta 24/ORG", "Radio Free/Open Voice/ORG", "Lena Varga/PER"}, []string{"Malta", "Open Voice", "Lena Varga/NPA"}},
		{"fr", "Les élèves du Collège Jean d’Arvel ont été évacués, a rapporté Rudaw 24.",
			[]string{"Collège Jean d’Arvel/ORG"}, []string{"Jean d’Arvel"}},
		// "at" and "as" are English words, not name particles.
		{"en", "Pupils at the Jean Arvel College were evacuated.", []string{"Jean Arvel College/ORG"}, []string{"Pupils at the Jean Arvel College"}},
		// A nisba after a kunya is part of the name; "residents of X said": the verb is the residents'.
		{"en", "Officials named him as Abu Hamza al-Yemeni. Residents of Maarat Varnin said the Kallim road was hit.",
			[]string{"Abu Hamza al-Yemeni/PER", "Maarat Varnin/LOC", "Kallim/LOC"}, []string{"Abu Hamza"}},
		// A capitalised article the knowledge base's name holds stays; a channel's noun after its number.
		{"en", "The agency said so to The Associated Press and to the Malta 24 station.",
			[]string{"The Associated Press/ORG", "Malta 24/ORG"}, []string{"Associated Press", "Malta"}},
		// A sentence's capitalised common word before "of" and a bare name is no part of it;
		// a lower-case organisation noun after a name types it.
		{"en", "Shares of Varnotech rose. The Dorunian Socialist party held a rally.",
			[]string{"Varnotech/ORG", "Dorunian Socialist/ORG"}, []string{"Shares of Varnotech"}},
		// An institution's lower-case words end at the sentence's verb; a verb opening a segment is no name.
		{"fr", "Le Front de libération du Varnak mène des raids. Publié hier - Mis à jour ce matin.",
			[]string{"Front de libération du Varnak/ORG"}, []string{"Front de libération du Varnak mène", "Mis"}},
		// A sentence-opening name before a lower-case place noun or jurisdiction is the place's.
		{"en", "Harbourton prosecutor Lena Varga said the trial would resume.", []string{"Harbourton/LOC", "Lena Varga/PER"}, nil},
		// A capitalised common word listed with a place name after a place preposition is a place.
		{"fr", "Des gardes ont été attaqués sur la piste entre Verger et Douvra.", []string{"Verger/LOC", "Douvra/LOC"}, nil},
		// A nationality word in a list of them is an adjective, whatever country shares its spelling.
		{"en", "Libyan, Saudi and Tunisian recruits were held; recruits from Saudi Arabia left.", []string{"Saudi Arabia/LOC"}, []string{"Saudi"}},
		// Ships are no entities of ours.
		{"en", "A drone hit the HMS Varnak off Aden.", []string{"Aden/LOC"}, []string{"HMS Varnak", "Varnak"}},
		// A name in brackets after a place locates it.
		{"en", "Fighting in Doruna (Varnavia) killed two.", []string{"Doruna/LOC", "Varnavia/LOC"}, nil},
		// Capitalised common words are no person by default.
		{"en", "He joined the Progressive Caucus last year.", []string{"Progressive Caucus/ORG"}, nil},
		// A first name from the generated list opens a person's name.
		{"fr", "Un rapport de Georges Tapinos a été publié.", []string{"Georges Tapinos/PER"}, nil},
		// A byline is no headline, capitalised as it is.
		{"en", "By Lena Morse and Tom Ashby", []string{"Lena Morse/PER", "Tom Ashby/PER"}, nil},
		// A rank before a surname with a lowercase particle is cut off; the particle stays.
		{"en", "Yesterday General van Rensel inspected the depot.",
			[]string{"van Rensel/PER"}, []string{"General van Rensel"}},
		{"fr", "Selon le Parquet national antiterroriste, Karim Haddad, dit Abou Salma, a été mis en examen.",
			[]string{"Parquet national antiterroriste/ORG", "Karim Haddad/PER", "Abou Salma/PER"}, []string{"Selon"}},
		// In a line in capitals, a speech verb that is a given name too is the verb.
		{"en", "POLICE SAID THE FERRY HAD SAILED. LENA VARGA SAYS SHE SAW IT.", []string{"LENA VARGA/PER"}, []string{"SAID", "SAYS"}},
		// A place, a comma and its region that the knowledge base knows together are one place.
		{"en", "The rally took place in Washington, D.C., on Saturday.", []string{"Washington, D.C./LOC"}, []string{"D.C.", "Washington"}},
		// A subheading of two dictionary words in capitals names nothing.
		{"fr", "Les dockers ont voté la grève.\n\nPÉTARD MOUILLÉ\n\nLa direction a cédé mardi.", nil, []string{"PÉTARD MOUILLÉ", "PÉTARD", "MOUILLÉ"}},
		// An unknown acronym and a town are a body's campus or branch.
		{"en", "The study by XU Bristol was published on Monday.", []string{"XU Bristol/ORG"}, []string{"Bristol"}},
		// "to" joins a body's head and its purpose; elsewhere it joins nothing.
		{"en", "The Committee to Protect Harbour Workers said ferries to Vessa were cancelled.", []string{"Committee to Protect Harbour Workers/ORG"}, []string{"Protect Harbour Workers"}},
		// A body named for the people it serves is a name; the people alone are none.
		{"en", "A lawyer with Legal Aid for Afghans said support for Afghans was growing.", []string{"Legal Aid for Afghans/ORG"}, []string{"Afghans"}},
		// A law's name holds no person, even where a word of it is a first name too.
		{"en", "The senator criticised the Affordable Care Act in 2012.", nil, []string{"Care Act"}},
		// A byline's marker glued to the author's name at a line's start is no part of it.
		{"en", "Port reopens after strike\nByLena Varga\nThe port reopened on Monday.", []string{"Lena Varga/PER"}, []string{"ByLena Varga"}},
		{"fr", "Le port rouvre\nParLena Varga\nPARIS (Reuters) - Le port a rouvert lundi.", []string{"Lena Varga/PER", "PARIS/LOC"}, []string{"ParLena Varga", "IS"}},
		// "Pres." abbreviates a title, no name.
		{"en", "Pres.-elect Lena Varga met Pres. Tom Ashby.", []string{"Lena Varga/PER", "Tom Ashby/PER"}, []string{"Pres"}},
		// A person's possessive owns the name after it; a saint's is part of it.
		{"en", "Guests at Lena Varga's Harbour Hotel and patients at St Anthony's Hospital were moved.", []string{"Lena Varga/PER", "Harbour Hotel/LOC", "St Anthony's Hospital/ORG"}, []string{"Lena Varga's Harbour Hotel"}},
		// A firm's two trades in plural nouns are one name; two names are two.
		{"en", "Kessel Hotels and Resorts bought land near Abdeslam and Abrini's village.", []string{"Kessel Hotels and Resorts/ORG"}, []string{"Kessel Hotels", "Resorts"}},
		// A nickname quoted between a given name and a surname is part of the name.
		{"en", "Prosecutors charged Lena “Lenny” Varga, 41, and Tom \"The Fox\" Kessel with fraud.", []string{"Lena “Lenny” Varga/PER", "Tom \"The Fox\" Kessel/PER"}, []string{"Lenny"}},
		// An inhabitant's name made from a place's name is no entity.
		{"en", "The South Carolinian senator met a Californian farmer.", nil, []string{"South Carolinian", "Californian"}},
		// A religious title before a name is no part of it.
		{"en", "The benediction was given by Rabbi Seth Varnak of Olympia.", []string{"Seth Varnak/PER"}, []string{"Rabbi Seth Varnak"}},
		{"fr", "La cérémonie était présidée par le rabbin Seth Varnak.", []string{"Seth Varnak/PER"}, nil},
		// After a quotation, a lower-case head word is the incise's verb ("pointe").
		{"fr", "« On a perdu trois mètres de plage », pointe Lena Varga, la maire de Vessa.", []string{"Lena Varga/PER", "Vessa/LOC"}, []string{"pointe Lena Varga"}},
		// A dateline's town in capitals is a name, dictionary words or not.
		{"en", "FORT WORTH, Texas (AP) — Police reopened the road.", []string{"FORT WORTH/LOC", "Texas/LOC"}, nil},
		// A Canadian province's abbreviation after a town is a place, with its period.
		{"en", "The depot is in Kessington, Ont., near the lake.", []string{"Ont./LOC"}, []string{"Ont"}},
		// An adverb in -ly that opens the sentence is no part of the name after it.
		{"en", "Eventually Varnotel dropped the plan, and Lena Varga resigned.", []string{"Varnotel/ORG", "Lena Varga/PER"}, []string{"Eventually Varnotel"}},
		{"en", "Weekly Vessa Review editors met.", []string{"Weekly Vessa Review/ORG"}, nil},
		// What a body stands against is part of its name.
		{"fr", "Lena Varga plaide pour l'Observatoire régional de vigilance contre le racisme depuis 2031.", []string{"Lena Varga/PER", "Observatoire régional de vigilance contre le racisme/ORG"}, []string{"Observatoire régional de vigilance"}},
		// An English month in a French text (an embedded post's date) is no place.
		{"fr", "— Lena Varga (@lvarga) March 16, 2031", []string{"Lena Varga/PER"}, []string{"March"}},
		// A port's authority is a body whose lower-case words and place make its name.
		{"fr", "Il siège au conseil du Grand Port fluvial de Vessaville depuis 2029.",
			[]string{"Grand Port fluvial de Vessaville/ORG"}, []string{"Grand Port"}},
	}
	for _, tc := range tests {
		doc := run(t, tc.text, tc.lang)
		got := found(doc)
		have := map[string]bool{}
		texts := map[string]bool{}
		for _, g := range got {
			have[g] = true
			texts[g[:strings.LastIndexByte(g, '/')]] = true
		}
		for _, w := range tc.want {
			if !have[w] {
				t.Errorf("%q: missing %s; got %v", tc.text, w, got)
			}
		}
		for _, a := range tc.absent {
			if texts[a] {
				t.Errorf("%q: unexpected %q; got %v", tc.text, a, got)
			}
		}
	}
}

func TestAliases(t *testing.T) {
	tests := []struct {
		lang, text   string
		same         [][2]string // pairs of mention texts that must share an entity
		different    [][2]string
		wantReason   string
		reasonOfText string
	}{
		{"en", "Jane Holloway, a researcher, said so. Holloway added that she had left.",
			[][2]string{{"Jane Holloway", "Holloway"}}, nil, ReasonSurname, "Holloway"},
		{"en", "The Islamic State-Khorasan Province (ISKP, or ISIS-K) claimed it; ISKP is active. Islamic State denied it.",
			[][2]string{{"Islamic State-Khorasan Province", "ISKP"}, {"ISKP", "ISIS-K"}},
			[][2]string{{"ISKP", "Islamic State"}}, "", ""},
		{"en", "Sara Tall met Paul Tall. Tall said nothing.",
			nil, [][2]string{{"Sara Tall", "Tall"}, {"Paul Tall", "Tall"}, {"Sara Tall", "Paul Tall"}}, "", ""},
		// Another first name before a known person's surname is a relative,
		// no alias of the known person; the person's own first name with a
		// middle name is the person.
		{"en", "Lena Macron and Emmanuel Macron arrived; Emmanuel Jean Macron spoke.",
			[][2]string{{"Emmanuel Macron", "Emmanuel Jean Macron"}}, [][2]string{{"Lena Macron", "Emmanuel Macron"}}, "", ""},
		// With and without a middle initial, one person; the surname then fits one.
		{"en", "Marta R. Vessel met reporters. Marta Vessel later left, and Vessel said nothing.",
			[][2]string{{"Marta R. Vessel", "Marta Vessel"}, {"Marta Vessel", "Vessel"}}, nil, ReasonInitials, "Marta Vessel"},
		{"en", "Marta R. Vessel met Paul Vessel. Vessel said nothing.",
			nil, [][2]string{{"Marta R. Vessel", "Paul Vessel"}}, "", ""},
		{"en", "The National Thawheed Vanguard (NTV) was blamed. The NTV denied it.",
			[][2]string{{"National Thawheed Vanguard", "NTV"}}, nil, ReasonAcronym, "NTV"},
		{"fr", "Le jihadiste Omar Belkacem, connu sous le nom de Omar Sahli, a été arrêté.",
			[][2]string{{"Omar Belkacem", "Omar Sahli"}}, nil, ReasonAka, "Omar Sahli"},
	}
	for _, tc := range tests {
		doc := run(t, tc.text, tc.lang)
		ent := func(s string) int {
			for _, m := range doc.Mentions {
				if doc.Slice(m.Span) == s {
					return m.Entity
				}
			}
			t.Errorf("%q: no mention %q in %v", tc.text, s, found(doc))
			return -2
		}
		for _, p := range tc.same {
			if a, b := ent(p[0]), ent(p[1]); a != b || a < 0 {
				t.Errorf("%q: %q and %q not merged", tc.text, p[0], p[1])
			}
		}
		for _, p := range tc.different {
			if a, b := ent(p[0]), ent(p[1]); a == b {
				t.Errorf("%q: %q and %q wrongly merged", tc.text, p[0], p[1])
			}
		}
		if tc.wantReason != "" {
			e := ent(tc.reasonOfText)
			ok := false
			if e >= 0 {
				for _, a := range doc.Entities[e].Aliases {
					ok = ok || a.Name == tc.reasonOfText && a.Reason == tc.wantReason
				}
			}
			if !ok {
				t.Errorf("%q: alias %q lacks reason %q", tc.text, tc.reasonOfText, tc.wantReason)
			}
		}
	}
}

// checkInvariants asserts what every output must satisfy.
func checkInvariants(t *testing.T, doc *dossier.Document) {
	t.Helper()
	prev := -1
	for i, m := range doc.Mentions {
		if m.Start < 0 || m.End > len(doc.Text) || m.Start >= m.End {
			t.Fatalf("mention %d out of range: %+v (len %d)", i, m.Span, len(doc.Text))
		}
		if m.Start < prev {
			t.Fatalf("mentions not sorted at %d", i)
		}
		prev = m.End
		if m.Entity < 0 || m.Entity >= len(doc.Entities) {
			t.Fatalf("mention %d has entity %d of %d", i, m.Entity, len(doc.Entities))
		}
		if m.Type != dossier.TypePER && m.Type != dossier.TypeORG && m.Type != dossier.TypeLOC {
			t.Fatalf("mention %d has type %q", i, m.Type)
		}
	}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m < 0 || m >= len(doc.Mentions) {
				t.Fatalf("entity %q has mention %d of %d", e.Name, m, len(doc.Mentions))
			}
		}
		if e.Name == "" {
			t.Fatalf("entity without a name")
		}
	}
}

func FuzzMentions(f *testing.F) {
	for _, s := range []string{"", "Al-Qaïda (AQ)", "la Direction générale de la sécurité intérieure (DGSI) à Paris",
		"Marc Hecker, alias Hecker said. Hecker", "\xff\xfe Taliban's \x00 l’", "rue des Orfèvres\n\nFRANCE 24 #Tag @X",
		"President Abu al-Baghdadi of the Islamic State-Khorasan Province (ISKP, or ISIS-K)",
		"U.S.-backed al-Qaeda-linked Syria-Iraq anti-Taliban -based X- -Y ‑‑ A‑led",
		"the NCTC [the US' National Counter-Terrorism Centre", "dans le Bas-Rhin du Pas-de-Calais les Strasbourgeois",
		"le parquet fédéral de la Direction de la sécurité nationale afghane",
		"VARNAK — Malta 24 reported that Radio Free/Open Voice and The Associated Press (Doruna) 5",
		"Westminster Magistrates' Court, the Republic of X; Abu Hamza al-Yemeni / Lena Varga/NPA 24",
		"La Sous-direction antiterroriste - Mis à jour ; le Front du Sahel mène ( ) 1 -",
		"By Lena Varga Staff Writer", "Vessatech's. Vessatech", "Snopes.com Norpress.co. X.uk", "Credit Paris Group AG",
		"The Lantern reports Trump's Securities and Exchange Commission", "Lena Varga de NPA Tessy-sur-Vesle Moyen-Age",
		"the Essential Grains (Amendment) Act (", "Goals (SGGs), SGG 12 (", "“Rez Vessara” ($30) “", "Rep. Ann Tessel, D-N.J., (R-Ind.)",
		"Lena@x.com Ugo.T@y.no By Aja Romano@x", "Reporting by A, B and C; editing by", "protective equipment (PPE", "Treaty of", "AK-47 rifles GLI F4 (KR F2)",
		"News.az.", "Ed Day", "“El Tesso”, known as “", "Isabel KeaneJournal", "Ann AbcNews", "standings\nLEEDS 1 2 3\nX AT Y\nAT", "league\nat\nA at"} {
		f.Add(s, "en")
		f.Add(s, "fr")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		doc := run(t, text, lang)
		checkInvariants(t, doc)
		if !utf8.ValidString(text) {
			return
		}
		for _, m := range doc.Mentions {
			if !utf8.ValidString(doc.Slice(m.Span)) {
				t.Fatalf("mention splits a rune: %q", doc.Slice(m.Span))
			}
		}
	})
}

func TestBoilerplateSkipped(t *testing.T) {
	_, st := stages(t)
	sg, _ := stages(t)
	text := "Subscribe to Le Monde now\nMarc Hecker spoke in Kabul."
	doc := &dossier.Document{Text: text, Lang: "en", Boilerplate: []dossier.Span{{Start: 0, End: 25}}}
	if err := sg.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, m := range doc.Mentions {
		if m.Start < 25 {
			t.Errorf("mention in boilerplate: %q", doc.Slice(m.Span))
		}
	}
	if len(doc.Mentions) != 2 {
		t.Errorf("want Marc Hecker and Kabul, got %v", found(doc))
	}
}

// TestWeakAlias: a bare "Shabaab" links to the Somali group only when the
// document supports it (its country, or a strong alias); elsewhere it stays
// an unlinked organisation name.
func TestWeakAlias(t *testing.T) {
	kbOf := func(doc *dossier.Document, name string) (string, bool) {
		for _, e := range doc.Entities {
			for _, mi := range e.Mentions {
				if doc.Slice(doc.Mentions[mi].Span) == name {
					return e.KB, true
				}
			}
		}
		return "", false
	}
	cases := []struct {
		text, want string
	}{
		{"Insurgents known locally as Shabaab attacked the town of Palma in Mozambique on Wednesday.", ""},
		{"Shabaab fighters attacked a hotel in Mogadishu, the Somali capital, on Friday.", "al-shabaab"},
		{"The al-Shabaab group claimed the attack. Shabaab fighters then withdrew.", "al-shabaab"},
	}
	for _, c := range cases {
		doc := run(t, c.text, "en")
		got, ok := kbOf(doc, "Shabaab")
		if !ok {
			t.Errorf("%q: no mention of Shabaab (found %v)", c.text, found(doc))
			continue
		}
		if got != c.want {
			t.Errorf("%q: Shabaab linked to %q, want %q", c.text, got, c.want)
		}
	}
}

// TestAkaAfterParticleName: a name starting with a lowercase particle still
// takes an alias introduced by an aka cue, in both languages.
func TestAkaAfterParticleName(t *testing.T) {
	for _, c := range []struct{ text, lang, a, b string }{
		{"Les enquêteurs ont visé al-Rauf, également connu sous le nom d’Abu Muhsen al-Masri, en octobre.", "fr", "al-Rauf", "Abu Muhsen al-Masri"},
		{"Officials said al-Masri, also known as Abu Khalid al-Suri, was killed in the raid.", "en", "al-Masri", "Abu Khalid al-Suri"},
	} {
		doc := run(t, c.text, c.lang)
		ent := map[string]int{}
		for _, m := range doc.Mentions {
			ent[doc.Slice(m.Span)] = m.Entity
		}
		ea, oka := ent[c.a]
		eb, okb := ent[c.b]
		if !oka || !okb || ea != eb {
			t.Errorf("%q: %q and %q not one entity (found %v)", c.text, c.a, c.b, found(doc))
		}
	}
}

func TestSpellingVariant(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"salah abdeslam", "salah abdelsam", true},  // swapped letters
		{"salah abdeslam", "salah abdeslan", true},  // one substitution
		{"salah abdeslam", "salah abdesslam", true}, // one insertion
		{"salah abdeslam", "mohamed abdeslam", false},
		{"salah abdeslam", "salah abdeslam", false}, // identical: not a variant
		{"omar diaby", "omar diabe", false},         // surname too short to judge
		{"salah abdeslam", "salah abrini", false},
		{"abdeslam", "abdelsam", false}, // one word: no given name to agree on
	}
	for _, c := range cases {
		if got := spellingVariant(c.a, c.b); got != c.want {
			t.Errorf("spellingVariant(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	doc := run(t, "Salah Abdeslam a été condamné. Selon la cour, Salah Abdelsam connaissait les projets du groupe.", "fr")
	ents := map[int]bool{}
	for _, m := range doc.Mentions {
		if strings.HasPrefix(doc.Slice(m.Span), "Salah") {
			ents[m.Entity] = true
		}
	}
	if len(ents) != 1 {
		t.Errorf("misspelt surname not merged: %v", found(doc))
	}
}

// TestMentionsDisjoint: whatever the rules produce, the mentions handed on
// are sorted and do not overlap, on sentence shapes that mix titles, KB
// names, abbreviations with periods, initials and hyphens.
func TestMentionsDisjoint(t *testing.T) {
	texts := []string{
		"a U.N. General Assembly president",
		"U.S. Attorney General Lena Varga met the U.N. Security Council chief.",
		"Vice President J. R. Okafor of the African Union Commission spoke.",
		"Karim B. and Abu Bakr al-Baghdadi's deputy left St. Anthony's Church in Kessel-Nord.",
		"le ministre de l'Intérieur Paul Verrier et le procureur de la République de Paris",
		"Gen. Secretary-General Assembly President Council General",
	}
	for _, text := range texts {
		for _, lang := range []string{"en", "fr"} {
			doc := run(t, text, lang)
			if err := dossier.CheckLayers(doc); err != nil {
				t.Errorf("%s %q: %v; mentions %v", lang, text, err, found(doc))
			}
		}
	}
}

func TestInDict(t *testing.T) {
	r := &langRules{dict: "abri\ncentre\ngendarmerie\nobservatory\nzebre\n"}
	for w, want := range map[string]bool{"abri": true, "centre": true, "gendarmerie": true, "observatory": true,
		"zebre": true, "a": false, "cent": false, "centres": false, "zz": false, "": false, "observ": false} {
		if got := r.inDict([]byte(w)); got != want {
			t.Errorf("inDict(%q) = %v, want %v", w, got, want)
		}
	}
	_, st := stages(t)
	for lang, words := range map[string][]string{"en": {"observatory", "witnesses"}, "fr": {"gendarmerie", "republique"}} {
		for _, w := range words {
			if !st.byLang[lang].inDict([]byte(w)) {
				t.Errorf("%s: %q not in the shipped common words", lang, w)
			}
		}
	}
	if st.byLang["en"].inDict([]byte("bush")) {
		t.Error(`"bush" is also a proper noun (Bush): it must not be listed as only common`)
	}
}

// TestBracketedAlternative: "X (or Y)" names one thing twice; "X or Y"
// outside brackets names two.
func TestBracketedAlternative(t *testing.T) {
	doc := run(t, "The Harbour Cell (or Katibat Nour) published the list; Kessler or Varga will read it.", "en")
	ent := map[string]int{}
	for _, m := range doc.Mentions {
		ent[doc.Text[m.Start:m.End]] = m.Entity
	}
	if ent["Harbour Cell"] != ent["Katibat Nour"] {
		t.Errorf("bracketed alternative not linked: %v", ent)
	}
	if ent["Kessler"] == ent["Varga"] {
		t.Errorf("'Kessler or Varga' linked as one: %v", ent)
	}
}

// TestShortCapsPlace: a word of three capitals or fewer is an abbreviation,
// not a town the knowledge base writes in lower case ("© HO/NPA" is a
// handout credit, not Ho in Ghana); the town's own spelling still links, and
// countries keep their capital abbreviations.
func TestShortCapsPlace(t *testing.T) {
	doc := run(t, "The picture (© HO/NPA) shows the market in Ho, Ghana, where troops from the UK arrived.", "en")
	for _, m := range doc.Mentions {
		if doc.Slice(m.Span) == "HO" {
			t.Errorf("the credit label HO is a mention (%s)", m.Type)
		}
	}
	for _, e := range doc.Entities {
		for _, mi := range e.Mentions {
			switch doc.Slice(doc.Mentions[mi].Span) {
			case "HO":
				if e.KB != "" {
					t.Errorf("HO linked to %s", e.KB)
				}
			case "Ho":
				if e.KB != "ho" {
					t.Errorf("Ho linked to %q, want ho", e.KB)
				}
			case "UK":
				if e.KB != "united-kingdom" {
					t.Errorf("UK linked to %q", e.KB)
				}
			}
		}
	}
}

// TestGenericAliasNeedsItsCountry: a name any country's body could bear
// ("Federal Security Service", "Service fédéral de sécurité") links to the one country's
// body the knowledge base lists only where the document names that country.
func TestGenericAliasNeedsItsCountry(t *testing.T) {
	cases := []struct{ text, lang, name, want string }{
		{"In Vessaria, the Federal Security Service said a plot against the port had been foiled on Monday.", "en", "Federal Security Service", ""},
		{"In Russia, the Federal Security Service said a plot against the port had been foiled on Monday.", "en", "Federal Security Service", "fsb"},
		{"Au Vessaland, le Service fédéral de sécurité a annoncé lundi l'arrestation de deux hommes.", "fr", "Service fédéral de sécurité", ""},
		{"À Moscou, le Service fédéral de sécurité a annoncé lundi l'arrestation de deux hommes.", "fr", "Service fédéral de sécurité", "fsb"},
		// A body of the same state named by a strong alias supports it too.
		{"The IRGC and the Federal Security Service signed a deal.", "en", "Federal Security Service", ""},
		{"The GRU and the Federal Security Service signed a deal.", "en", "Federal Security Service", "fsb"},
	}
	for _, c := range cases {
		doc := run(t, c.text, c.lang)
		found := false
		for _, e := range doc.Entities {
			for _, mi := range e.Mentions {
				if doc.Slice(doc.Mentions[mi].Span) != c.name {
					continue
				}
				found = true
				if e.KB != c.want {
					t.Errorf("%q: %s linked to %q, want %q", c.text, c.name, e.KB, c.want)
				}
				if src := doc.Mentions[mi].Source; (c.want == "") != (src != SourceKB) {
					t.Errorf("%q: mention source %q with link %q", c.text, src, e.KB)
				}
			}
		}
		if !found {
			t.Errorf("%q: no mention %q (found %v)", c.text, c.name, found)
		}
	}
}

// TestCommonWordTown: a town reached through one capitalised common word or
// head noun ("the Republic", "the Mission") is no mention unless a place
// preposition leads it, and links only where the document names its
// country ("in Mission, Texas", "in Nice … France").
func TestCommonWordTown(t *testing.T) {
	kbOf := func(doc *dossier.Document, name string) string {
		for _, e := range doc.Entities {
			for _, mi := range e.Mentions {
				if doc.Slice(doc.Mentions[mi].Span) == name {
					return e.KB
				}
			}
		}
		return "-"
	}
	cases := []struct{ text, name, want string }{
		{"Leaders of the Republic met the Mission delegation in Kallim on Monday.", "Republic", "-"},
		{"Leaders of the Republic met the Mission delegation in Kallim on Monday.", "Mission", "-"},
		// With the country named, still no town without a place preposition.
		{"Officials in Washington said the Union would respond.", "Union", "-"},
		{"Officials in Washington said the rally in Union was calm.", "Union", "union"},
		{"Officials in Mission, Texas, said the suspect had lived there since 2019.", "Mission", "mission"},
		{"The attack in Nice shocked France on the evening of the national holiday.", "Nice", "nice"},
	}
	for _, c := range cases {
		if got := kbOf(run(t, c.text, "en"), c.name); got != c.want {
			t.Errorf("%q: %s linked to %q, want %q", c.text, c.name, got, c.want)
		}
	}
}

// TestPrepositionIsNoPersonVerb: folded, the French preposition "à" is the
// verb "a" (has), a person verb; an unknown word before it is not typed a
// person by it.
func TestPrepositionIsNoPersonVerb(t *testing.T) {
	doc := run(t, "Publié le 14 mars - Mis à jour le 15 mars. Vessarin a déclaré que tout allait bien.", "fr")
	for _, g := range found(doc) {
		if g == "Mis/PER" {
			t.Errorf("a person before the preposition: %v", found(doc))
		}
	}
	if !slices.Contains(found(doc), "Vessarin/PER") {
		t.Errorf("the verb still types a person: %v", found(doc))
	}
}

// TestAcronymSpellingACommonWord: RAID, the French police's intervention
// unit (public record), spells the word "raid". Where capitals say nothing
// (a sentence's or headline's first word) the Title Case word is the word;
// inside a sentence the French press writes the unit "le Raid".
func TestAcronymSpellingACommonWord(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string
		not        []string
	}{
		{"en", "A dawn raid by the RAID unit followed. Raid teams left.", []string{"RAID/ORG"}, []string{"Raid/ORG"}},
		{"fr", "La BRI et le Raid sont intervenus.", []string{"Raid/ORG"}, nil},
	} {
		got := found(run(t, tc.text, tc.lang))
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: missing %s; got %v", tc.text, w, got)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("%q: unexpected %s; got %v", tc.text, w, got)
			}
		}
	}
}

// TestDictCacheIsPerDocument: the dictionary answers cached for one
// document never answer for the next, in another language: a stage that has
// read other documents finds what a fresh one finds.
func TestDictCacheIsPerDocument(t *testing.T) {
	texts := []struct{ lang, text string }{
		{"fr", "La Commission Vessa et le Conseil de Kessel ont parlé. Marche et Police aussi."},
		{"en", "The Commission Vessa and the Council of Kessel spoke. Marche and Police too."},
		{"fr", "Marche Vessa a dit que la Police de Kessel avait tort."},
		{"en", "Marche Vessa said the Police of Kessel were wrong."},
	}
	sg, _ := stages(t)
	fresh := func(lang, text string) []string {
		st, err := New(lexicon.Default(), testKB)
		if err != nil {
			t.Fatal(err)
		}
		doc := &dossier.Document{Text: text, Lang: lang}
		if err := sg.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if err := st.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		return found(doc)
	}
	for round := 0; round < 2; round++ {
		for _, tc := range texts {
			if got, want := found(run(t, tc.text, tc.lang)), fresh(tc.lang, tc.text); !slices.Equal(got, want) {
				t.Errorf("%q: after other documents %v, fresh %v", tc.text, got, want)
			}
		}
	}
}

// A participle opens a name: it is no office's domain cut off the name.
func TestParticipleOpensName(t *testing.T) {
	doc := run(t, "They live on the Flying Rock Vessa reservation, said the Harbourton County Executive Ed Day.", "en")
	got := found(doc)
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "Flying Rock Vessa/") }) ||
		!slices.Contains(got, "Ed Day/PER") {
		t.Errorf("got %v", got)
	}
}
