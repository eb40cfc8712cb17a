package segment

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

func newStage(t testing.TB) *Stage {
	t.Helper()
	s, err := New(lexicon.Default())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func tokenTexts(text string, toks []dossier.Token) []string {
	out := make([]string, len(toks))
	for i, tk := range toks {
		out[i] = text[tk.Start:tk.End]
	}
	return out
}

func spanTexts(text string, spans []dossier.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestTokens(t *testing.T) {
	s := newStage(t)
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"en possessive", "en", "The Taliban's return.", []string{"The", "Taliban", "'s", "return", "."}},
		{"en curly possessive", "en", "Al-Qaeda’s leader", []string{"Al-Qaeda", "’s", "leader"}},
		{"en don't stays", "en", "They don't know.", []string{"They", "don't", "know", "."}},
		{"en plural possessive", "en", "the fighters' camp", []string{"the", "fighters", "'", "camp"}},
		{"hyphen names", "en", "Hay'at Tahrir al-Sham and Tehreek-e-Taliban", []string{"Hay'at", "Tahrir", "al-Sham", "and", "Tehreek-e-Taliban"}},
		{"letter lost to encoding", "en", "Pedro S\ufffdnchez, Varga\ufffds aide", []string{"Pedro", "S\ufffdnchez", ",", "Varga", "\ufffd", "s", "aide"}},
		{"transliterated ayn", "en", "al-Qa‘ida and Jama‘at, ‘no’", []string{"al-Qa‘ida", "and", "Jama‘at", ",", "‘", "no", "’"}},
		{"fr elision", "fr", "l’Afghanistan et d'Al-Qaïda", []string{"l’", "Afghanistan", "et", "d'", "Al-Qaïda"}},
		{"fr elision capital", "fr", "L'État qu’il", []string{"L'", "État", "qu’", "il"}},
		// A pronoun's elision in capitals inside a sentence is a name's spelling.
		{"fr capital elision in a name", "fr", "le député M'bala Varga, N’Dala Kessé", []string{"le", "député", "M'bala", "Varga", ",", "N’Dala", "Kessé"}},
		{"fr capital elision opening a sentence", "fr", "Il a dit. N'importe : M'a-t-il", []string{"Il", "a", "dit", ".", "N'", "importe", ":", "M'", "a", "-t-il"}},
		{"fr capital elision before a capital", "fr", "N’Dala Kessé. M'Bala Varga", []string{"N’Dala", "Kessé", ".", "M'Bala", "Varga"}},
		{"fr whole words", "fr", "aujourd'hui, quelqu’un", []string{"aujourd'hui", ",", "quelqu’un"}},
		{"fr inversion", "fr", "a-t-il dit, estime-t-elle, dit-il", []string{"a", "-t-il", "dit", ",", "estime", "-t-elle", ",", "dit", "-il"}},
		{"fr compound kept", "fr", "rendez-vous à Saint-Martin", []string{"rendez-vous", "à", "Saint-Martin"}},
		{"fr elision then inversion", "fr", "Qu'est-ce", []string{"Qu'", "est", "-ce"}},
		{"en has no french clitics", "en", "a head-on collision", []string{"a", "head-on", "collision"}},
		{"numbers en", "en", "10,000 people, 1.2 million and 3.5%", []string{"10,000", "people", ",", "1.2", "million", "and", "3.5", "%"}},
		{"numbers grouped dots", "fr", "10.000 et 1,2", []string{"10.000", "et", "1,2"}},
		{"number nbsp", "fr", "10\u00a0000 morts", []string{"10\u00a0000", "morts"}},
		{"number narrow nbsp", "fr", "1\u202f250\u202f000 euros", []string{"1\u202f250\u202f000", "euros"}},
		{"number plain space fr", "fr", "près de 3 000 criminels", []string{"près", "de", "3 000", "criminels"}},
		{"number plain space en off", "en", "on May 12 300 people", []string{"on", "May", "12", "300", "people"}},
		{"number year then count", "fr", "en 2015 130 morts", []string{"en", "2015", "130", "morts"}},
		{"number mixed separators", "en", "$1,250,000.50 paid", []string{"$", "1,250,000.50", "paid"}},
		{"iso date split", "en", "2021-08-15", []string{"2021", "-", "08", "-", "15"}},
		{"ordinals", "en", "the 21st century, 1990s", []string{"the", "21st", "century", ",", "1990s"}},
		{"ordinals fr", "fr", "le 1er mai, le 2e jour", []string{"le", "1er", "mai", ",", "le", "2e", "jour"}},
		{"digits then unit", "en", "a 10km walk", []string{"a", "10", "km", "walk"}},
		{"alnum words", "en", "G7 and F-16 and COVID-19", []string{"G7", "and", "F-16", "and", "COVID-19"}},
		{"acronyms", "en", "the U.S. and U.K. e.g. Ph.D. at 5 p.m.", []string{"the", "U.S.", "and", "U.K.", "e.g.", "Ph.D.", "at", "5", "p.m."}},
		{"acronym hyphen", "en", "U.S.-led forces", []string{"U.S.-led", "forces"}},
		{"party letter then state", "en", "Ann Tess, D-N.J., said", []string{"Ann", "Tess", ",", "D", "-", "N.J.", ",", "said"}},
		{"title keeps period apart", "en", "Mr. Smith", []string{"Mr", ".", "Smith"}},
		{"quotes and brackets", "fr", "« Non » (dit-il) “yes” ‘no’ \"x\"", []string{"«", "Non", "»", "(", "dit", "-il", ")", "“", "yes", "”", "‘", "no", "’", "\"", "x", "\""}},
		{"ellipsis", "en", "wait... and…", []string{"wait", "...", "and", "…"}},
		{"invalid utf8", "en", "a\xffb\xc3", []string{"a", "\xff", "b", "\xc3"}},
		{"dashes", "en", "Peshawar — A bomber", []string{"Peshawar", "—", "A", "bomber"}},
		{"zero width space", "en", "a\u200bb", []string{"a", "b"}},
		{"trailing hyphen", "en", "pro- and anti-war", []string{"pro", "-", "and", "anti-war"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks, _ := s.Segment(tc.text, tc.lang, nil)
			if got := tokenTexts(tc.text, toks); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("tokens of %q\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	s := newStage(t)
	text := "Le 1er mai, 10 000 hommes (3,5 %) l’ont vu."
	toks, _ := s.Segment(text, "fr", nil)
	want := map[string]dossier.TokenKind{
		"Le": dossier.TokWord, "1er": dossier.TokWord, ",": dossier.TokPunct, "10 000": dossier.TokNumber,
		"(": dossier.TokPunct, "3,5": dossier.TokNumber, "%": dossier.TokPunct, "l’": dossier.TokWord, ".": dossier.TokPunct,
	}
	seen := 0
	for _, tk := range toks {
		if k, ok := want[text[tk.Start:tk.End]]; ok {
			seen++
			if tk.Kind != k {
				t.Errorf("%q: kind %d, want %d", text[tk.Start:tk.End], tk.Kind, k)
			}
		}
	}
	if seen < len(want) {
		t.Errorf("saw %d of %d expected tokens in %q", seen, len(want), tokenTexts(text, toks))
	}
}

func TestSentences(t *testing.T) {
	s := newStage(t)
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"simple en", "en", "The bomb exploded. Police said 59 died! Who did it? Nobody knows.",
			[]string{"The bomb exploded.", "Police said 59 died!", "Who did it?", "Nobody knows."}},
		{"titles en", "en", "Mr. Smith met Gen. Jones and Lt. Col. Ali. Dr. Brown agreed.",
			[]string{"Mr. Smith met Gen. Jones and Lt. Col. Ali.", "Dr. Brown agreed."}},
		{"initials", "en", "John F. Kennedy and Abu M. al-Masri were named. They left.",
			[]string{"John F. Kennedy and Abu M. al-Masri were named.", "They left."}},
		{"acronym before a quote of lower-case words", "en", "Lawyers disclosed the U.S. \"letter of comfort\" in a filing. It was sealed.",
			[]string{"Lawyers disclosed the U.S. \"letter of comfort\" in a filing.", "It was sealed."}},
		{"acronym ends before a quoted sentence", "en", "He moved to the U.S. \"We left,\" he said.",
			[]string{"He moved to the U.S.", "\"We left,\" he said."}},
		{"acronym mid sentence", "en", "The U.S. Army and U.N. officials met on Jan. 5 in St. Louis.",
			[]string{"The U.S. Army and U.N. officials met on Jan. 5 in St. Louis."}},
		{"acronym ends sentence", "en", "He flew to the U.S. The talks failed.",
			[]string{"He flew to the U.S.", "The talks failed."}},
		{"etc", "en", "Guns, knives, etc. Police seized them all. Cars, vans, etc. were burnt.",
			[]string{"Guns, knives, etc.", "Police seized them all.", "Cars, vans, etc. were burnt."}},
		{"e.g.", "en", "Some groups, e.g. ISKP, grew. Others did not.",
			[]string{"Some groups, e.g. ISKP, grew.", "Others did not."}},
		{"closing quote", "en", "\"We will fight,\" he said. \"They will lose.\" Then he left.",
			[]string{"\"We will fight,\" he said.", "\"They will lose.\"", "Then he left."}},
		{"curly quote question", "en", "“Who sent you?” he asked. Nobody answered.",
			[]string{"“Who sent you?” he asked.", "Nobody answered."}},
		{"ellipsis mid", "en", "The leader of... the group fled... Then the army arrived.",
			[]string{"The leader of... the group fled...", "Then the army arrived."}},
		{"ellipsis before name", "en", "They named … Ayman al-Zawahiri as leader.",
			[]string{"They named … Ayman al-Zawahiri as leader."}},
		{"digit starts sentence", "en", "It happened in 2019. 25 people died.",
			[]string{"It happened in 2019.", "25 people died."}},
		{"decimal not a boundary", "en", "Growth was 3.5 percent.",
			[]string{"Growth was 3.5 percent."}},
		{"lower case after stop", "en", "The figure is approx. three hundred.",
			[]string{"The figure is approx. three hundred."}},
		{"fr titles", "fr", "M. Macron et Mme Borne ont parlé. Le Dr Martin aussi. MM. Dupont et Durand sont venus.",
			[]string{"M. Macron et Mme Borne ont parlé.", "Le Dr Martin aussi.", "MM. Dupont et Durand sont venus."}},
		{"fr guillemets", "fr", "« Il y a une grande attente. » Le procès s’ouvre. « Qui ? » a-t-il demandé.",
			[]string{"« Il y a une grande attente. »", "Le procès s’ouvre.", "« Qui ? » a-t-il demandé."}},
		{"fr spaced question", "fr", "Déjà abonné ? Connectez-vous.",
			[]string{"Déjà abonné ?", "Connectez-vous."}},
		{"fr av. J.-C.", "fr", "En 52 av. J.-C. César gagna. Le reste suivit.",
			[]string{"En 52 av. J.-C. César gagna.", "Le reste suivit."}},
		{"fr p. ex.", "fr", "Des villes, p. ex. Djibo, ont été visées. Elles résistent.",
			[]string{"Des villes, p. ex. Djibo, ont été visées.", "Elles résistent."}},
		{"fr etc", "fr", "Des armes, des motos, etc. Les soldats ont tout saisi.",
			[]string{"Des armes, des motos, etc.", "Les soldats ont tout saisi."}},
		{"blank line ends", "en", "Closeness to Al Qaeda\n\nThe same is not true",
			[]string{"Closeness to Al Qaeda", "The same is not true"}},
		{"blank line after title", "en", "A report by Mr.\n\nSmith follows",
			[]string{"A report by Mr.", "Smith follows"}},
		{"heading single newline", "en", "Pakistan mosque bombing: dozens dead\nPeshawar, Pakistan — A bomber struck.",
			[]string{"Pakistan mosque bombing: dozens dead", "Peshawar, Pakistan — A bomber struck."}},
		{"caption label", "en", "Illustration 1\nScreen grab from June 2001. © HO/AFP",
			[]string{"Illustration 1", "Screen grab from June 2001. © HO/AFP"}},
		{"currency opens", "en", "They paid $5m. $3m more went missing.",
			[]string{"They paid $5m.", "$3m more went missing."}},
		{"broken line continues", "en", "Police said 260 people were inside when the\nexplosion struck.",
			[]string{"Police said 260 people were inside when the\nexplosion struck."}},
		{"line ends after stop", "fr", "Il est parti.\nla suite après cette publicité",
			[]string{"Il est parti.", "la suite après cette publicité"}},
		{"short line before lower case", "fr", "Connectez-vous\nla suite après cette publicité",
			[]string{"Connectez-vous", "la suite après cette publicité"}},
		{"comma keeps line open", "en", "The group claimed the attack,\nAl Qaeda said.",
			[]string{"The group claimed the attack,\nAl Qaeda said."}},
		{"bullets", "fr", "Les plus lus\n- Sexe, pouvoir et vidéos\n- Législatives au Sénégal",
			[]string{"Les plus lus", "- Sexe, pouvoir et vidéos", "- Législatives au Sénégal"}},
		{"numbered list", "en", "Most read\n  1. Rajoy acts on Saturday\n  2. EU inspects car firms\nIt was 1998. The year ended.",
			[]string{"Most read", "1. Rajoy acts on Saturday", "2. EU inspects car firms", "It was 1998.", "The year ended."}},
		{"stray closing quote at line end", "fr", "Il faut partir. «\nLe chef a parlé. \"\nPuis rien.",
			[]string{"Il faut partir. «", "Le chef a parlé. \"", "Puis rien."}},
		{"crlf blank line", "en", "Title here\r\n\r\nBody text.", []string{"Title here", "Body text."}},
		{"whitespace only", "en", " \n\n\t ", []string{}},
		{"unknown lang uses union", "", "M. Macron met Mr. Biden. Dr. Who left.",
			[]string{"M. Macron met Mr. Biden.", "Dr. Who left."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks, sents := s.Segment(tc.text, tc.lang, nil)
			checkInvariants(t, tc.text, toks, sents)
			if got := spanTexts(tc.text, sents); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("sentences of %q\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestHardWrappedText(t *testing.T) {
	s := newStage(t)
	// Lines wrapped near 70 columns: single newlines are spaces, even before a capital.
	text := "The Taliban have never condemned the attacks of September 2001, and\n" +
		"to this day they have not acknowledged the role played by Al Qaeda in\n" +
		"those killings. French officials remain wary of the group and of its\n" +
		"allies in the region, according to several intelligence officials who\n" +
		"spoke on condition of anonymity. The threat is expected to grow over\n" +
		"the coming months.\n"
	_, sents := s.Segment(text, "en", nil)
	want := []string{
		"The Taliban have never condemned the attacks of September 2001, and\nto this day they have not acknowledged the role played by Al Qaeda in\nthose killings.",
		"French officials remain wary of the group and of its\nallies in the region, according to several intelligence officials who\nspoke on condition of anonymity.",
		"The threat is expected to grow over\nthe coming months.",
	}
	if got := spanTexts(text, sents); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestBoilerplateBoundaries(t *testing.T) {
	s := newStage(t)
	text := "The attack killed five people Se connecter and the trial opened."
	b := strings.Index(text, "Se connecter")
	doc := &dossier.Document{Text: text, Lang: "fr", Boilerplate: []dossier.Span{{Start: b, End: b + len("Se connecter")}}}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := []string{"The attack killed five people", "Se connecter", "and the trial opened."}
	if got := spanTexts(text, doc.Sentences); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	checkInvariants(t, text, doc.Tokens, doc.Sentences)
}

func TestBoilerplateOutOfRange(t *testing.T) {
	s := newStage(t)
	text := "One. Two."
	doc := &dossier.Document{Text: text, Boilerplate: []dossier.Span{{Start: 7, End: 3}, {Start: -5, End: 2}, {Start: 4, End: 99}}}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, text, doc.Tokens, doc.Sentences)
}

func TestProcessCancelled(t *testing.T) {
	s := newStage(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.Process(ctx, &dossier.Document{Text: "Hello."})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
	empty := lexicon.FromFS(fstest.MapFS{})
	if _, err := New(empty); !errors.Is(err, lexicon.ErrNoLexicon) {
		t.Errorf("New(empty) = %v, want ErrNoLexicon", err)
	}
	bad := lexicon.FromFS(fstest.MapFS{"xx/segment.yaml": {Data: []byte("titels: [Mr.]\n")}})
	if _, err := New(bad); err == nil {
		t.Error("unknown lexicon field accepted")
	}
}

func TestNewLanguageIsData(t *testing.T) {
	// A language added as a file gets its own rules without code changes.
	fs := fstest.MapFS{"es/segment.yaml": {Data: []byte("titles: [Sr., Sra.]\nelisions: []\nsentence_starters: [el, la]\n")}}
	s, err := New(lexicon.FromFS(fs))
	if err != nil {
		t.Fatal(err)
	}
	text := "El Sr. García llegó. La Sra. López no."
	_, sents := s.Segment(text, "es", nil)
	want := []string{"El Sr. García llegó.", "La Sra. López no."}
	if got := spanTexts(text, sents); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLexiconFilesLoad(t *testing.T) {
	lex := lexicon.Default()
	langs := lex.Langs(Part)
	if !reflect.DeepEqual(langs, []string{"en", "fr"}) {
		t.Fatalf("segment lexicons for %v, want en and fr", langs)
	}
	for _, lang := range langs {
		var f lexiconFile
		if err := lex.Load(lang, Part, &f); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
		if len(f.Titles) == 0 || len(f.SentenceStarters) == 0 {
			t.Errorf("%s: empty titles or sentence starters", lang)
		}
	}
}

// checkInvariants asserts what every caller may rely on.
func checkInvariants(t testing.TB, text string, toks []dossier.Token, sents []dossier.Span) {
	t.Helper()
	prevEnd := 0
	for i, tk := range toks {
		if tk.Start < prevEnd || tk.Start >= tk.End || tk.End > len(text) {
			t.Fatalf("token %d %+v out of order or range (prev end %d, len %d)", i, tk, prevEnd, len(text))
		}
		if tk.Kind < dossier.TokWord || tk.Kind > dossier.TokPunct {
			t.Fatalf("token %d has kind %d", i, tk.Kind)
		}
		if strings.TrimSpace(text[tk.Start:tk.End]) == "" && tk.End-tk.Start > 0 && text[tk.Start] < 0x80 {
			t.Fatalf("token %d %q is whitespace", i, text[tk.Start:tk.End])
		}
		prevEnd = tk.End
	}
	prevEnd = 0
	ti := 0
	for i, s := range sents {
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("sentence %d %+v out of order or range", i, s)
		}
		// Tokens between sentences would be orphans.
		for ti < len(toks) && toks[ti].Start < s.Start {
			t.Fatalf("token %d %q lies outside every sentence", ti, text[toks[ti].Start:toks[ti].End])
		}
		if ti >= len(toks) || toks[ti].Start != s.Start {
			t.Fatalf("sentence %d does not start at a token", i)
		}
		for ti < len(toks) && toks[ti].End <= s.End {
			ti++
		}
		if toks[ti-1].End != s.End {
			t.Fatalf("sentence %d does not end at a token", i)
		}
		if ti < len(toks) && toks[ti].Start < s.End {
			t.Fatalf("token %d crosses the end of sentence %d", ti, i)
		}
		prevEnd = s.End
	}
	if ti != len(toks) {
		t.Fatalf("%d tokens after the last sentence", len(toks)-ti)
	}
}
