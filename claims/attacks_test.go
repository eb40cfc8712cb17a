package claims

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
)

func kbStage(t *testing.T) *Stage {
	t.Helper()
	k, err := kb.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(lexicon.Default(), WithKB(k))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// claimsOf runs the stage over text (one sentence per line) whose entities
// are linked to the KB ids given, and lists "subject predicate object
// [modality]" in output order.
func claimsOf(t *testing.T, s *Stage, lang, text string, ids map[string]string) []string {
	t.Helper()
	doc := kbDoc(t, lang, text, ids)
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range doc.Claims {
		got = append(got, describe(doc, c)+" ["+c.Modality+"]")
		if c.Evidence.Start < 0 || c.Evidence.End > len(doc.Text) || c.Evidence.Start > c.Evidence.End {
			t.Errorf("%s: evidence %v out of range", describe(doc, c), c.Evidence)
		}
	}
	return got
}

// checkClaims compares the claims whose description holds only (all when
// "") with want, in order.
func checkClaims(t *testing.T, s *Stage, lang, text string, ids map[string]string, only string, want []string) {
	t.Helper()
	var got []string
	for _, g := range claimsOf(t, s, lang, text, ids) {
		if strings.Contains(g, only) {
			got = append(got, g)
		}
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestAttackEvents(t *testing.T) {
	s := kbStage(t)
	ids := map[string]string{
		"Islamic State": "islamic-state", "État islamique": "islamic-state", "ISKP": "iskp", "JNIM": "jnim",
		"Kabul": "kabul", "Mogadishu": "mogadishu", "Moscow": "moscow", "Lyon": "lyon", "Strasbourg": "strasbourg",
		"Ouagadougou": "ouagadougou", "Afghanistan": "afghanistan", "Al-Shabaab": "al-shabaab", "France": "france", "Iran": "iran", "Russia": "russia",
	}
	for _, tc := range []struct {
		name, lang, text string
		want             []string
	}{
		{"en one sentence, passive by", "en",
			"The bombings in [LOC Iran] and [LOC Russia] were carried out by members of [ORG ISKP], officials said.",
			[]string{"ISKP attacked Iran [reported]", "ISKP attacked Russia [reported]"}},
		{"en claim in the next sentence", "en",
			"A truck bomb tore through a market in [LOC Mogadishu] on Saturday, killing at least 30 people.\nThe militant group [ORG Al-Shabaab] claimed the attack hours later.",
			[]string{"Al-Shabaab attacked Mogadishu [asserted]"}},
		{"en the city struck, not the country around it", "en",
			"[ORG ISKP] claimed the bombing in [LOC Kabul], the capital of [LOC Afghanistan], on Friday.",
			[]string{"ISKP attacked Kabul [asserted]"}},
		{"en claim first, places after", "en",
			"[ORG Al-Shabaab] claimed a wave of attacks on Friday.\nEleven soldiers were killed in [LOC Mogadishu], the army said.",
			[]string{"Al-Shabaab attacked Mogadishu [reported]"}},
		{"en denial", "en",
			"The group's leaders insisted that [ORG ISKP] had played no role in the assault on [LOC Kabul].",
			[]string{"ISKP attacked Kabul [denied]"}},
		{"en no attack word, no claim", "en",
			"[ORG ISKP] claimed that its envoys had met officials in [LOC Kabul].",
			nil},
		{"en victim is no perpetrator", "en",
			"A soldier from [LOC Lyon] was killed in the attack, the ministry of [LOC France] said.",
			nil},
		{"en passive headline, place right after", "en",
			"Militant leader [PER Yusuf Barakzai] killed in [LOC Kabul]",
			nil},
		{"en active killing", "en",
			"[PER Yusuf Barakzai] killed three guards in [LOC Kabul] last year.",
			[]string{"Yusuf Barakzai attacked Kabul [asserted]"}},
		{"fr revendication", "fr",
			"L'attentat contre la gare de [LOC Ouagadougou] a été revendiqué par le [ORG JNIM].",
			[]string{"JNIM attacked Ouagadougou [asserted]"}},
		{"fr co-authors", "fr",
			"Attentats de [LOC Strasbourg] : [PER Karim Belaïd] et [PER Samir Ouali] déclarés coupables.",
			[]string{"Karim Belaïd attacked Strasbourg [asserted]", "Samir Ouali attacked Strasbourg [asserted]"}},
		{"fr too far back", "fr",
			"Une explosion a frappé [LOC Lyon] en mars.\nLa police a bouclé le quartier.\nLes enquêteurs ont entendu des témoins.\nL'[ORG État islamique] a revendiqué l'attaque.",
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkClaims(t, s, tc.lang, tc.text, ids, " attacked ", tc.want) })
	}
}

func TestStreetsInCity(t *testing.T) {
	s := kbStage(t)
	ids := map[string]string{"Strasbourg": "strasbourg", "Lyon": "lyon", "Manchester": "manchester"}
	for _, tc := range []struct {
		name, lang, text string
		want             []string
	}{
		{"fr next sentences", "fr",
			"Le tireur est entré dans le centre de [LOC Strasbourg] vers 20 heures.\nDe la [LOC rue des Orfèvres] au [LOC pont Saint-Martin], il a tiré sur les passants.",
			[]string{"rue des Orfèvres located_in Strasbourg [asserted]", "pont Saint-Martin located_in Strasbourg [asserted]"}},
		{"en street ends the name", "en",
			"Police in [LOC Manchester] closed [LOC Station Road] overnight.",
			[]string{"Station Road located_in Manchester [asserted]"}},
		{"fr city after in the sentence", "fr",
			"La [LOC rue Mercière], à [LOC Lyon], a été bouclée.",
			[]string{"rue Mercière located_in Lyon [asserted]"}},
		{"no city named", "en",
			"Witnesses ran down [LOC Station Road] after the blast.",
			nil},
		{"city too far back", "fr",
			"Le suspect habitait à [LOC Lyon].\nIl a changé de travail.\nIl a déménagé deux fois.\nPuis il a voyagé.\nOn l'a vu [LOC rue des Chandelles].",
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkClaims(t, s, tc.lang, tc.text, ids, " located_in ", tc.want) })
	}
}

func TestAllegianceThroughLeaders(t *testing.T) {
	s := kbStage(t)
	ids := map[string]string{"Al Qaeda": "al-qaeda", "Taliban": "taliban"}
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"possessed name and propagation",
			"[ORG Al Qaeda], whose leader [PER Yusuf Barakzai] has sworn allegiance to the [ORG Taliban]'s emir [PER Omar Farhadi], is safe for now.",
			[]string{"Yusuf Barakzai leads Al Qaeda [asserted]", "Yusuf Barakzai allied_with Omar Farhadi [asserted]",
				"Omar Farhadi leads Taliban [asserted]", "Al Qaeda allied_with Omar Farhadi [asserted]",
				"Yusuf Barakzai allied_with Taliban [asserted]", "Al Qaeda allied_with Taliban [asserted]"}},
		{"possessed place is no ally",
			"[PER Yusuf Barakzai] pledged allegiance to the [ORG Taliban]'s [LOC Kandahar] council.",
			nil},
		{"denied allegiance does not spread",
			"[ORG Al Qaeda], whose leader [PER Yusuf Barakzai] has not sworn allegiance to the [ORG Taliban]'s emir [PER Omar Farhadi], waits.",
			[]string{"Yusuf Barakzai leads Al Qaeda [asserted]", "Yusuf Barakzai allied_with Omar Farhadi [denied]", "Omar Farhadi leads Taliban [asserted]"}},
		{"will harbour",
			"Few believe the [ORG Taliban] will harbour [ORG Al Qaeda] openly.",
			[]string{"Taliban allied_with Al Qaeda [reported]"}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkClaims(t, s, "en", tc.text, ids, "", tc.want) })
	}
}

// TestStatedPlaces: two places that the sentence joins are linked when the
// first ranks below the second, even when the KB does not know the smaller
// one; a chain through a middle place is closed.
func TestStatedPlaces(t *testing.T) {
	s := kbStage(t)
	ids := map[string]string{"Tillaberi": "tillaberi", "Niger": "niger", "Kabul": "kabul", "France": "france"}
	checkClaims(t, s, "en",
		"The patrol was ambushed near the town of [LOC Vessa Kora], in the western [LOC Tillaberi] region of [LOC Niger].",
		ids, "located_in", []string{
			"Tillaberi located_in Niger [asserted]", "Vessa Kora located_in Tillaberi [asserted]", "Vessa Kora located_in Niger [asserted]",
		})
	// No link without a joining cue, nor from a bigger place to a smaller one.
	checkClaims(t, s, "en", "Officials from [LOC Kabul] met envoys who had travelled from [LOC Vessa Kora].", ids, "located_in", nil)
}
