package claims

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

func TestAnaphora(t *testing.T) {
	runCases(t, []claimCase{
		{name: "group description in the next sentence", lang: "en",
			text: "[ORG Jund al-Tawhid] claimed the raid.\nThe group is led by [PER Karim Benslimane].",
			want: []wantClaim{{"Karim Benslimane", "leads", "Jund al-Tawhid", "is led by", asserted, ""}}},
		{name: "pronoun subject", lang: "en",
			text: "[PER Karim Benslimane] grew up in a small town.\nHe later joined [ORG Jund al-Tawhid].",
			want: []wantClaim{{"Karim Benslimane", "member_of", "Jund al-Tawhid", "joined", asserted, ""}}},
		{name: "ambiguous pronoun resolves nothing", lang: "en",
			text: "[PER Karim Benslimane] met [PER Yusuf Darwish] in prison.\nHe later joined [ORG Jund al-Tawhid].",
			want: nil},
		{name: "too far back", lang: "en",
			text: "[PER Karim Benslimane] grew up in a small town.\nIt rained.\nIt rained again.\nHe later joined [ORG Jund al-Tawhid].",
			want: nil},
		{name: "group named right after is an apposition", lang: "en",
			text: "[ORG Jund al-Tawhid] claimed the raid.\nThe group [ORG Ansar al-Jihad] is led by [PER Karim Benslimane].",
			want: []wantClaim{{"Karim Benslimane", "leads", "Ansar al-Jihad", "is led by", asserted, ""}}},
		{name: "le chef du groupe", lang: "fr",
			text: "Les dirigeants d'[ORG Ansar al-Jihad] se cachent, et [PER Karim Benslimane] reste le chef du groupe.",
			want: []wantClaim{{"Karim Benslimane", "leads", "Ansar al-Jihad", "reste le chef du", asserted, ""}}},
		{name: "il a rejoint", lang: "fr",
			text: "[PER Karim Benslimane] a grandi à [LOC Lyon].\nIl a rejoint [ORG Ansar al-Jihad] en 2014.",
			want: []wantClaim{{"Karim Benslimane", "member_of", "Ansar al-Jihad", "a rejoint", asserted, ""}}},
		{name: "deux groupes: ambigu", lang: "fr",
			text: "[ORG Ansar al-Jihad] et [ORG Jund al-Tawhid] ont fusionné.\nLe groupe est dirigé par [PER Karim Benslimane].",
			want: nil},
	})
}

func TestNounPatterns(t *testing.T) {
	runCases(t, []claimCase{
		{name: "possessive commander with a modifier", lang: "en",
			text: "The [ORG Jund al-Tawhid]'s French commander, [PER Karim Benslimane], visited the camp.",
			want: []wantClaim{{"Karim Benslimane", "leads", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "head of a described group", lang: "en",
			text: "[PER Karim Benslimane], head of the French-speaking Syrian-based armed group [ORG Jund al-Tawhid], spoke.",
			want: []wantClaim{{"Karim Benslimane", "leads", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "run by a hyphenated modifier", lang: "en",
			text: "The [ORG Jund al-Tawhid] group run by Tunisian-born [PER Karim Benslimane] grew.",
			want: []wantClaim{{"Karim Benslimane", "leads", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "one of two branches", lang: "en",
			text: "[ORG Ansar al-Jihad], which is one of two branches of [ORG Jund al-Tawhid], grew.",
			want: []wantClaim{{"Ansar al-Jihad", "part_of", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "branches of a possessor is no claim", lang: "en",
			text: "[ORG Ansar al-Jihad], which is one of two branches of [ORG Jund al-Tawhid]'s eastern province, grew.",
			want: nil},
		{name: "lost territory in a list", lang: "en",
			text: "[ORG Jund al-Tawhid] lost territory in [LOC Iraq] and [LOC Syria].",
			want: []wantClaim{{"Jund al-Tawhid", "located_in", "Iraq", "", asserted, ""}, {"Jund al-Tawhid", "located_in", "Syria", "", asserted, ""}}},
		{name: "groups in a place", lang: "en",
			text: "Hundreds joined [ORG Jund al-Tawhid] groups in [LOC Libya].",
			want: []wantClaim{{"Jund al-Tawhid", "located_in", "Libya", "", asserted, ""}}},
		{name: "kidnapped by X in Y", lang: "en",
			text: "The pupils kidnapped in 2014 by [ORG Jund al-Tawhid] in [LOC Kanamba] were freed.",
			want: []wantClaim{{"Jund al-Tawhid", "attacked", "Kanamba", "", asserted, ""}}},
		{name: "known to support", lang: "en",
			text: "[PER Karim Benslimane] was known to support [ORG Jund al-Tawhid].",
			want: []wantClaim{{"Karim Benslimane", "allied_with", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "court title before a name", lang: "en",
			text: "[ORG Supreme Court] Justice [PER Anil Perera] chaired the panel.",
			want: []wantClaim{{"Anil Perera", "affiliated_with", "Supreme Court", "", asserted, ""}}},
		{name: "plain co-occurrence is no claim", lang: "en",
			text: "[PER Karim Benslimane] and [ORG Jund al-Tawhid] were mentioned in [LOC Libya].",
			want: nil},
		{name: "arrivée au Mali de paramilitaires", lang: "fr",
			text: "Depuis l'arrivée au [LOC Mali] de paramilitaires du groupe russe [ORG Wagner], tout a changé.",
			want: []wantClaim{{"Wagner", "located_in", "Mali", "", asserted, ""}}},
		{name: "cellules en Syrie et au Pakistan", lang: "fr",
			text: "Il communiquait avec des cellules d'[ORG Ansar al-Jihad] en [LOC Syrie] et au [LOC Pakistan].",
			want: []wantClaim{{"Ansar al-Jihad", "located_in", "Syrie", "", asserted, ""}, {"Ansar al-Jihad", "located_in", "Pakistan", "", asserted, ""}}},
		{name: "porte-parole à Doha", lang: "fr",
			text: "[PER Karim Benslimane], un porte-parole à [LOC Doha], a parlé.",
			want: []wantClaim{{"Karim Benslimane", "located_in", "Doha", "", asserted, ""}}},
		{name: "enlevés par X à Y", lang: "fr",
			text: "Les élèves enlevés en 2014 par [ORG Ansar al-Jihad] à [LOC Kanamba] ont été libérés.",
			want: []wantClaim{{"Ansar al-Jihad", "attacked", "Kanamba", "", asserted, ""}}},
		{name: "X est le chef de Y", lang: "fr",
			text: "[PER Karim Benslimane] reste le chef d'[ORG Ansar al-Jihad].",
			want: []wantClaim{{"Karim Benslimane", "leads", "Ansar al-Jihad", "", asserted, ""}}},
		{name: "simple cooccurrence", lang: "fr",
			text: "[PER Karim Benslimane] a cité [ORG Ansar al-Jihad] dans son discours à [LOC Doha].",
			want: nil},
	})
}

// kbDoc annotates text and links entities to knowledge-base ids by name.
func kbDoc(t *testing.T, lang, text string, ids map[string]string) *dossier.Document {
	t.Helper()
	doc := annotated(t, lang, text)
	for i := range doc.Entities {
		doc.Entities[i].KB = ids[doc.Entities[i].Name]
	}
	return doc
}

func TestKnowledgeConfirmed(t *testing.T) {
	s := kbStage(t)
	ids := map[string]string{"AQIM": "aqim", "Al Qaeda": "al-qaeda", "Al-Qaïda": "al-qaeda", "ISKP": "iskp", "Islamic State": "islamic-state"}
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "[ORG AQIM], the North African branch, answers to [ORG Al Qaeda].", []string{"AQIM part_of Al Qaeda"}},
		{"fr", "[ORG AQIM], la branche maghrébine d'[ORG Al-Qaïda], a revendiqué l'attaque.", []string{"AQIM part_of Al-Qaïda"}},
		{"en", "[ORG AQIM] and [ORG Al Qaeda] both issued statements.", nil},
		{"en", "[ORG ISKP] fighters met envoys of the [ORG Islamic State] province in Syria.", []string{"ISKP part_of Islamic State"}},
	} {
		doc := kbDoc(t, tc.lang, tc.text, ids)
		if err := s.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range doc.Claims {
			got = append(got, describe(doc, c))
		}
		if strings.Join(got, ";") != strings.Join(tc.want, ";") {
			t.Errorf("%s: got %q, want %q", tc.text, got, tc.want)
		}
	}
}
