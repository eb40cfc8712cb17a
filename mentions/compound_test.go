package mentions

import (
	"strings"
	"testing"

	letters "github.com/dossier-project/dossier/fold"
	"github.com/dossier-project/dossier/kb"
)

// TestSecondPass covers hyphenated compounds, typing fixes and names the
// first version missed; each case lists mentions that must be found (with
// their type) and surface texts that must not be mentions.
func TestSecondPass(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
		absent           []string
	}{
		{"compound heads", "en", "The Afghanistan-based cell and the Taliban-led government hosted al-Qaeda-linked fighters.",
			[]string{"Afghanistan/LOC", "Taliban/ORG", "al-Qaeda/ORG"},
			[]string{"Afghanistan-based", "Taliban-led", "al-Qaeda-linked"}},
		{"acronym compounds and two places", "en", "U.S.-backed forces and ISIS-inspired recruits clashed on the Syria-Iraq border; the Guinea-Bissau envoy left.",
			[]string{"U.S./LOC", "ISIS/ORG", "Syria/LOC", "Iraq/LOC", "Guinea-Bissau/LOC"},
			[]string{"Syria-Iraq", "U.S.-backed", "ISIS-inspired"}},
		{"compound prefix", "en", "Residents of Herat staged anti-Taliban protests for a week.",
			[]string{"Taliban/ORG", "Herat/LOC"}, []string{"anti-Taliban"}},
		{"adjectival compounds stay out", "en", "A Franco-Belgian reporter and a Senegalese-born imam spoke to Karim Benali.",
			[]string{"Karim Benali/PER"}, []string{"Franco-Belgian", "Senegalese", "Senegalese-born"}},
		{"lowercase noun and name prefix", "en", "The Maute group held the town while the International Red Cross sent food.",
			[]string{"Maute group/ORG", "International Red Cross/ORG"}, []string{"Maute", "Red Cross"}},
		{"name before a title", "en", "Supreme Court Justice Dinesh Perera read the ruling on Friday.",
			[]string{"Supreme Court/ORG", "Dinesh Perera/PER"}, []string{"Supreme Court Justice"}},
		{"two-word demonym and title", "en", "The panel handed its findings to the Sri Lankan President, who thanked it.",
			nil, []string{"Sri Lankan President", "Lankan President", "Sri Lankan", "President"}},
		{"headline demonym and title", "en", "Committee hands final report to Lankan President\n\nThe panel met in Colombo.",
			[]string{"Colombo/LOC"}, []string{"Lankan President", "Lankan"}},
		{"foreign media", "en", "He spoke to Het Laatste Nieuws and to the Volkskrant about the raid.",
			[]string{"Het Laatste Nieuws/ORG"}, nil},
		{"head noun is not a town", "en", "The EU Training Mission (EUTM) trains soldiers in Mali.",
			[]string{"EU Training Mission/ORG", "EUTM/ORG", "Mali/LOC"}, []string{"Mission", "Training"}},
		{"surname of a known person", "fr", "L’administration Trump avait négocié avec les talibans à Doha.",
			[]string{"Trump/PER", "talibans/ORG", "Doha/LOC"}, nil},
		{"city demonyms", "fr", "Les Strasbourgeois, les Bruxellois et les Parisiennes ont défilé ; François Dubois était là.",
			[]string{"François Dubois/PER"}, []string{"Strasbourgeois", "Bruxellois", "Parisiennes"}},
		{"city demonyms en", "en", "Parisians and Londoners mourned; Peter Sanders spoke.",
			[]string{"Peter Sanders/PER"}, []string{"Parisians", "Londoners"}},
		{"departments", "fr", "L’attaque a eu lieu dans le Bas-Rhin, puis un suspect a été arrêté au Val-d'Oise.",
			[]string{"Bas-Rhin/LOC"}, nil},
		{"lowercase institutions", "fr", "Le parquet fédéral a ouvert une enquête, puis le parquet national antiterroriste s’est saisi.",
			[]string{"parquet fédéral/ORG", "parquet national antiterroriste/ORG"}, []string{"parquet"}},
		{"lowercase tail after particles", "fr", "Une photo de la Direction de la sécurité nationale afghane a circulé.",
			[]string{"Direction de la sécurité nationale afghane/ORG"}, []string{"Direction", "de la Direction de la sécurité nationale afghane"}},
		{"kind-of-place noun before", "en", "The convoy left Varossa for the small town of Telmek Abar on Monday.",
			[]string{"Telmek Abar/LOC"}, []string{"Telmek Abar/PER"}},
		{"kind-of-place noun after", "en", "Six guards died in the Qorvan district, near the Balet valley.",
			[]string{"Qorvan/LOC", "Balet/LOC"}, []string{"Qorvan district"}},
		{"kind-of-place noun before fr", "fr", "Il a été arrêté dans le village de Dorvessa, dans la province de Kallim.",
			[]string{"Dorvessa/LOC", "Kallim/LOC"}, nil},
		{"listed with a known place", "fr", "L’embuscade a eu lieu entre Tessoubou et Kaldara, puis entre Mopti et Vellou.",
			[]string{"Tessoubou/LOC", "Kaldara/LOC", "Mopti/LOC", "Vellou/LOC"}, nil},
		{"listed with a known place en", "en", "Fighters crossed from Sirte and Warvana into the desert.",
			[]string{"Sirte/LOC", "Warvana/LOC"}, nil},
		{"particle after a common noun", "fr", "Selon la chercheuse de la Hogeschool Vessa Amsterdam (HVA) Lena Marovic, le camp déborde.",
			[]string{"Hogeschool Vessa Amsterdam/ORG", "HVA/ORG", "Lena Marovic/PER"}, []string{"de la Hogeschool Vessa Amsterdam"}},
		{"en dash as a hyphen", "en", "Officials call the group IS–K, and the Harbour–Cell fought in the 2019–2020 campaign.",
			[]string{"IS–K/ORG"}, []string{"K", "IS"}},
		{"capitalised particle opens an outlet's name", "fr", "M. Varga plaide dans De Vessaar pour que les enfants rentrent.",
			[]string{"De Vessaar/ORG"}, []string{"Vessaar"}},
		{"a rank before a particle names a surname", "fr", "Selon le général de Villaret, la patrouille du capitaine de Kerbrat a été prise à partie près de Tessalit.",
			[]string{"Villaret/PER", "Kerbrat/PER", "Tessalit/LOC"}, []string{"Villaret/LOC", "Kerbrat/LOC"}},
		{"an office before a particle names its domain", "fr", "Le président de Vessarie a reçu le ministre de la Défense.",
			[]string{"Vessarie/ORG"}, []string{"Vessarie/PER"}}, // a country's or a firm's: "de" after a noun tells no place
		{"nationality word of an unknown country", "en", "The Ostavian capital was calm while the Vessanese army massed near Marl.",
			nil, []string{"Ostavian", "Vessanese"}},
		{"nationality noun of an unknown country fr", "fr", "Le jeune Norlandais a été arrêté à Vessa ; les Ostaviens ont manifesté.",
			[]string{"Vessa/LOC"}, []string{"Norlandais", "Ostaviens"}},
		{"a name with a nationality ending is still a name", "en", "The envoy met Damian Kessler and the Castellian Group in Vessa.",
			[]string{"Damian Kessler/PER", "Castellian Group/ORG", "Vessa/LOC"}, []string{"Castellian"}},
		{"military places after a name", "en", "Soldiers at the Vessa outpost and the Kallim checkpoint fired at a convoy near the Tessalou airbase.",
			[]string{"Vessa/LOC", "Kallim/LOC", "Tessalou/LOC"}, []string{"Vessa/ORG", "Kallim/ORG", "Tessalou/ORG"}},
		{"a post and a base that are no places", "en", "In a Vessagram post, the leader thanked the Kallim base of the party.",
			nil, []string{"Vessagram/LOC", "Kallim/LOC"}},
		{"military places fr", "fr", "Les soldats du poste de Vessa ont rejoint la caserne de Kallim.",
			[]string{"Vessa/LOC", "Kallim/LOC"}, nil},
		{"a sentence-initial common noun before a headed name", "en", "Members of the Vessa Liberation Front fled across the border. Residents of the Kallim District stayed, the police said on Monday.",
			[]string{"Vessa Liberation Front/ORG", "Kallim District/LOC"}, []string{"Members of the Vessa Liberation Front", "Residents of the Kallim District"}},
		{"a sentence-initial institution without a head after its connector stays whole", "en", "Friends of the Earth said the spill was the worst in a decade, and the police agreed on Monday.",
			[]string{"Friends of the Earth/ORG"}, []string{"Earth"}},
		{"an office's domain before a given name", "fr", "Le ministre de l'Agriculture Paul Verrier a visité la ferme de Kallim, a indiqué la préfecture lundi.",
			[]string{"Paul Verrier/PER"}, []string{"Agriculture Paul Verrier"}},
		{"an honorific before a given name stays", "en", "The inquiry chaired by Sir Karl Vessing reported on Monday that the police had failed.",
			[]string{"Sir Karl Vessing/PER"}, []string{"Karl Vessing"}},
		{"a royal or religious style capitalised before the name is part of it", "en", "Prince Oru Kessel met Sheikh Tamar Vessaro and the Queen, while the sheikh Lena Varga stayed away, the police said.",
			[]string{"Prince Oru Kessel/PER", "Sheikh Tamar Vessaro/PER", "Lena Varga/PER"}, []string{"Oru Kessel", "Tamar Vessaro", "Queen", "sheikh Lena Varga"}},
		{"an office is still cut off before the name", "en", "President Oru Kessel and Mayor Lena Varga met on Monday, the police said.",
			[]string{"Oru Kessel/PER", "Lena Varga/PER"}, []string{"President Oru Kessel", "Mayor Lena Varga"}},
		{"a peer's style and seat name a person", "en", "Lena Varga, Duchess of Tessly, met Lord Kessel of Harbourton on Monday, the police said.",
			[]string{"Lena Varga/PER", "Duchess of Tessly/PER", "Lord Kessel of Harbourton/PER"}, []string{"Duchess of Tessly/ORG", "Lord Kessel of Harbourton/ORG"}},
		{"a weekday after an institution's head", "fr", "Le texte a été rejeté par le Parlement mardi, puis le Groupe salafiste pour la défense et le jihad a revendiqué l'attaque.",
			[]string{"Groupe salafiste pour la défense et le jihad/ORG"}, []string{"Parlement mardi"}},
		{"a given name and an initial", "en", "Karim B. and Lena V. were detained in Vessa, the police said on Monday.",
			[]string{"Karim B./PER", "Lena V./PER", "Vessa/LOC"}, []string{"Karim B", "Lena V"}},
		{"a nationality word before a noun is an adjective", "en", "Saudi officials and Saudi police met in Riyadh, the capital of Saudi Arabia.",
			[]string{"Riyadh/LOC", "Saudi Arabia/LOC"}, []string{"Saudi"}},
		{"a country before one of its bodies is part of the name", "en", "Officials said the US Treasury Department and the U.S. District Court in Vessa had acted. A 14-year-old was held.",
			[]string{"US Treasury Department/ORG", "U.S. District Court/ORG"}, []string{"Treasury Department", "A 14"}},
		{"wire dateline", "en", "VESSARO, Norland (AP) -- Six guards were wounded on Monday.",
			[]string{"VESSARO/LOC"}, nil},
		{"institution before a role and a name", "en", "Interior Ministry spokesman Karim Vellani said the guards had fled; the Defence Ministry spokesman said nothing.",
			[]string{"Interior Ministry/ORG", "Karim Vellani/PER", "Defence Ministry/ORG"}, []string{"Defence Ministry spokesman"}},
		{"hotel", "en", "Gunmen stormed the Tesdal Hotel late on Friday.",
			[]string{"Tesdal Hotel/LOC"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := run(t, tc.text, tc.lang)
			checkInvariants(t, doc)
			got := found(doc)
			have, texts := map[string]bool{}, map[string]bool{}
			for _, g := range got {
				have[g] = true
				texts[g[:strings.LastIndexByte(g, '/')]] = true
			}
			for _, w := range tc.want {
				if !have[w] {
					t.Errorf("missing %s; got %v", w, got)
				}
			}
			for _, a := range tc.absent {
				if texts[a] {
					t.Errorf("unexpected %q; got %v", a, got)
				}
			}
		})
	}
}

// TestCompoundSpans checks the byte offsets of names split off compounds,
// including a multi-byte hyphen.
func TestCompoundSpans(t *testing.T) {
	tests := []struct {
		text       string
		start, end int
		want       string
	}{
		{"The Afghanistan-based cell.", 4, 15, "Afghanistan"},
		{"Some Taliban‑led units.", 5, 12, "Taliban"}, // U+2011 non-breaking hyphen
		{"On the Syria-Iraq border.", 13, 17, "Iraq"},
		{"Protests anti-Taliban grew.", 14, 21, "Taliban"},
	}
	for _, tc := range tests {
		doc := run(t, tc.text, "en")
		ok := false
		for _, m := range doc.Mentions {
			ok = ok || m.Start == tc.start && m.End == tc.end && doc.Slice(m.Span) == tc.want
		}
		if !ok {
			t.Errorf("%q: no mention [%d,%d) %q; got %v", tc.text, tc.start, tc.end, tc.want, found(doc))
		}
	}
}

// TestAcronymDefinitions: definitions in brackets after the acronym, and
// acronyms that only partly match a one-word name.
func TestAcronymDefinitions(t *testing.T) {
	tests := []struct {
		lang, text string
		same, diff [][2]string
	}{
		{"en", "A spokesman for the JTAC [the Joint Terrorism Analysis Centre] declined to comment.",
			[][2]string{{"JTAC", "Joint Terrorism Analysis Centre"}}, nil},
		{"en", "As the EUTM [EU training mission] grows, the EU will pay more.",
			nil, [][2]string{{"EUTM", "EU"}}},
		{"en", "The EU Training Mission (EUTM) trains soldiers; the EU pays.",
			[][2]string{{"EU Training Mission", "EUTM"}}, [][2]string{{"EUTM", "EU"}}},
		{"fr", "L’Office central de lutte contre le crime organisé (OCLCO) et la DGSI (Direction générale de la sécurité intérieure) enquêtent.",
			[][2]string{{"DGSI", "Direction générale de la sécurité intérieure"}}, [][2]string{{"DGSI", "OCLCO"}}},
		// The document's definition outranks the knowledge base's other body
		// of that acronym (the news agency AFP).
		{"en", "Officers of the Australian Federal Police (AFP) raided two homes. The AFP said two men were held.",
			[][2]string{{"Australian Federal Police", "AFP"}}, nil},
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
		for _, p := range tc.diff {
			if a, b := ent(p[0]), ent(p[1]); a == b && a >= 0 {
				t.Errorf("%q: %q and %q wrongly merged", tc.text, p[0], p[1])
			}
		}
	}
}

// TestFoldIsTheProjectFold: a name's letters fold as package fold folds
// them (as the knowledge base's keys and the search index do), beyond
// Latin-1 too (the comma-below letters of Romanian, ß, Œ, Þ), so a name the
// gazetteer holds with one spelling is found in the other.
func TestFoldIsTheProjectFold(t *testing.T) {
	for _, name := range []string{"Căușeni", "Căuşeni", "Hauptstraße", "Œuvre", "Þórshöfn", "Łódź", "Nguyễn", "Đorđe"} {
		if got, want := Fold(name), letters.String(name); got != want {
			t.Errorf("Fold(%q) = %q, letters.String = %q", name, got, want)
		}
		if got, want := kb.Key(name), kb.Key(letters.String(name)); got != want {
			t.Errorf("kb.Key(%q) = %q, of its fold %q", name, got, want)
		}
	}
	if Fold("Căușeni") != Fold("Causeni") {
		t.Errorf("Căușeni folds to %q, Causeni to %q", Fold("Căușeni"), Fold("Causeni"))
	}
}

// appendPhraseKey writes what phraseKey returns.
func TestAppendPhraseKey(t *testing.T) {
	for _, p := range []string{"Islamic State", "État islamique", "Cour d'assises spéciale", "  Lena  Varga ", "l’Opéra de Paris", ""} {
		if got, want := string(appendPhraseKey([]byte("x"), p))[1:], phraseKey(p); got != want {
			t.Errorf("appendPhraseKey(%q) = %q, want %q", p, got, want)
		}
	}
}
