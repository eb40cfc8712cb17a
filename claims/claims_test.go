package claims

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// claimCase is one sentence (or lines) with inline mentions and the claims expected.
type claimCase struct {
	name, lang, text string
	want             []wantClaim
}

type wantClaim struct {
	subject, predicate, object string
	trigger                    string // "" = not checked
	modality                   string
	source                     string // attribution text; "" = the article itself
}

func describe(doc *dossier.Document, c dossier.Claim) string {
	return fmt.Sprintf("%s %s %s", doc.Entities[c.Subject].Name, c.Predicate, doc.Entities[c.Object].Name)
}

func runCases(t *testing.T, cases []claimCase) {
	t.Helper()
	s := newStage(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := annotated(t, tc.lang, tc.text)
			if err := s.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			got := map[string]dossier.Claim{}
			for _, c := range doc.Claims {
				got[describe(doc, c)] = c
			}
			for _, w := range tc.want {
				key := w.subject + " " + w.predicate + " " + w.object
				c, ok := got[key]
				if !ok {
					t.Errorf("missing %q; got %v", key, keys(got))
					continue
				}
				delete(got, key)
				if w.trigger != "" && (c.Trigger == nil || doc.Slice(*c.Trigger) != w.trigger) {
					t.Errorf("%s: trigger %v, want %q", key, triggerText(doc, c), w.trigger)
				}
				if c.Modality != w.modality {
					t.Errorf("%s: modality %s, want %s", key, c.Modality, w.modality)
				}
				src := ""
				if c.Attribution != nil {
					src = doc.Slice(c.Attribution.Span)
				}
				if src != w.source {
					t.Errorf("%s: attribution %q, want %q", key, src, w.source)
				}
				if !doc.Sentences[0].Contains(c.Evidence) && !containsAny(doc.Sentences, c.Evidence) {
					t.Errorf("%s: evidence %v is not a sentence", key, c.Evidence)
				}
			}
			if len(got) > 0 {
				t.Errorf("unexpected claims: %v", keys(got))
			}
		})
	}
}

// containsAny reports whether sp is one sentence or a run of whole
// sentences (an attack's place and its author are often told apart).
func containsAny(sents []dossier.Span, sp dossier.Span) bool {
	starts, ends := false, false
	for _, s := range sents {
		starts = starts || s.Start == sp.Start
		ends = ends || s.End == sp.End
	}
	return starts && ends
}

func keys(m map[string]dossier.Claim) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func triggerText(doc *dossier.Document, c dossier.Claim) string {
	if c.Trigger == nil {
		return "<nil>"
	}
	return doc.Slice(*c.Trigger)
}

const (
	asserted = dossier.ModalityAsserted
	reported = dossier.ModalityReported
	hedged   = dossier.ModalityHedged
	denied   = dossier.ModalityDenied
)

func TestClaimsEnglish(t *testing.T) {
	runCases(t, []claimCase{
		{name: "apposition leader", lang: "en",
			text: "[PER Abu Hamza al-Masri], the former leader of [ORG Ansar al-Jihad], was arrested last year.",
			want: []wantClaim{{"Abu Hamza al-Masri", "leads", "Ansar al-Jihad", ", the former leader of", asserted, ""}}},
		{name: "possessive leader", lang: "en",
			text: "[ORG Ansar al-Jihad]'s leader [PER Abu Hamza al-Masri] was arrested.",
			want: []wantClaim{{"Abu Hamza al-Masri", "leads", "Ansar al-Jihad", "'s leader", asserted, ""}}},
		{name: "head of before both", lang: "en",
			text: "The court heard that the head of [ORG Jund al-Tawhid] [PER Karim Benslimane] had fled.",
			want: []wantClaim{{"Karim Benslimane", "leads", "Jund al-Tawhid", "head of", asserted, ""}}},
		{name: "allegiance and alliance", lang: "en",
			text: "[ORG Jund al-Tawhid] has sworn allegiance to the [ORG Islamic State].",
			want: []wantClaim{{"Jund al-Tawhid", "allied_with", "Islamic State", "has sworn allegiance to", asserted, ""}}},
		{name: "list of organisations with their places", lang: "en",
			text: "[ORG Jund al-Tawhid] has links with [ORG Ansar al-Jihad] in [LOC Mali] and [ORG Katibat Nour] in [LOC Niger].",
			want: []wantClaim{
				{"Jund al-Tawhid", "allied_with", "Ansar al-Jihad", "has links with", asserted, ""},
				{"Jund al-Tawhid", "allied_with", "Katibat Nour", "has links with", asserted, ""},
				{"Ansar al-Jihad", "located_in", "Mali", "in", asserted, ""},
				{"Katibat Nour", "located_in", "Niger", "in", asserted, ""},
			}},
		{name: "hyphenated ally", lang: "en",
			text: "[ORG Front Ardent]-linked [ORG Jund al-Tawhid] claimed the attack.",
			want: []wantClaim{{"Jund al-Tawhid", "allied_with", "Front Ardent", "-linked", asserted, ""}}},
		{name: "a country's capital, named", lang: "en",
			text: "A car bomb hit a hotel in [LOC Norland]'s capital, [LOC Vessa], on Sunday.",
			want: []wantClaim{{"Vessa", "located_in", "Norland", "'s capital,", asserted, ""}}},
		{name: "expelled member", lang: "en",
			text: "[PER Yusuf Demir], who was expelled from [ORG Jund al-Tawhid] in 2015, set up his own cell.",
			want: []wantClaim{{"Yusuf Demir", "member_of", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "role after the organisation", lang: "en",
			text: "[PER Lena Vos], the [ORG Europol] counter-terrorism co-ordinator, spoke first.",
			want: []wantClaim{{"Lena Vos", "affiliated_with", "Europol", "", asserted, ""}}},
		{name: "member apposition", lang: "en",
			text: "Investigators named [PER Yusuf Demir], a senior member of [ORG Jund al-Tawhid].",
			want: []wantClaim{{"Yusuf Demir", "member_of", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "spokesman for", lang: "en",
			text: "[PER Claire Dubois], a spokeswoman for the [ORG Federal Police], confirmed the arrest.",
			want: []wantClaim{{"Claire Dubois", "affiliated_with", "Federal Police", ", a spokeswoman for", asserted, ""}}},
		{name: "branch", lang: "en",
			text: "[ORG Wilayat Sinai], the Egyptian branch of the [ORG Islamic State], claimed the raid.",
			want: []wantClaim{{"Wilayat Sinai", "part_of", "Islamic State", "", asserted, ""}}},
		{name: "based in with list", lang: "en",
			text: "[ORG Jund al-Tawhid], which is based in [LOC Jordan], [LOC Lebanon] and [LOC Syria], recruits online.",
			want: []wantClaim{
				{"Jund al-Tawhid", "located_in", "Jordan", ", which is based in", asserted, ""},
				{"Jund al-Tawhid", "located_in", "Lebanon", ", which is based in", asserted, ""},
				{"Jund al-Tawhid", "located_in", "Syria", ", which is based in", asserted, ""}}},
		{name: "at war is mutual", lang: "en",
			text: "[ORG Jund al-Tawhid] is at war with [ORG Ansar al-Jihad].",
			want: []wantClaim{
				{"Jund al-Tawhid", "opposes", "Ansar al-Jihad", "is at war with", asserted, ""},
				{"Ansar al-Jihad", "opposes", "Jund al-Tawhid", "is at war with", asserted, ""}}},
		{name: "claimed responsibility", lang: "en",
			text: "[ORG Ansar al-Jihad] claimed responsibility for the bombing in [LOC Mombasa].",
			want: []wantClaim{{"Ansar al-Jihad", "attacked", "Mombasa", "claimed responsibility for the bombing in", asserted, ""}}},
		{name: "place in place", lang: "en",
			text: "The raid took place in [LOC Garissa] in [LOC Kenya].",
			want: []wantClaim{{"Garissa", "located_in", "Kenya", "in", asserted, ""}}},
		{name: "according to named", lang: "en",
			text: "According to [PER Marie Laurent], [ORG Jund al-Tawhid] has pledged allegiance to [ORG Ansar al-Jihad].",
			want: []wantClaim{{"Jund al-Tawhid", "allied_with", "Ansar al-Jihad", "", reported, "Marie Laurent"}}},
		{name: "according to unnamed", lang: "en",
			text: "[ORG Jund al-Tawhid] is allied with [ORG Ansar al-Jihad], according to a senior intelligence official.",
			want: []wantClaim{
				{"Jund al-Tawhid", "allied_with", "Ansar al-Jihad", "is allied with", reported, "a senior intelligence official"},
				{"Ansar al-Jihad", "allied_with", "Jund al-Tawhid", "is allied with", reported, "a senior intelligence official"}}},
		{name: "speech verb subject", lang: "en",
			text: "[PER Marie Laurent] said [ORG Jund al-Tawhid] attacked [LOC Mombasa].",
			want: []wantClaim{{"Jund al-Tawhid", "attacked", "Mombasa", "attacked", reported, "Marie Laurent"}}},
		{name: "hedged", lang: "en",
			text: "[PER Yusuf Demir] is believed to have joined [ORG Jund al-Tawhid].",
			want: []wantClaim{{"Yusuf Demir", "member_of", "Jund al-Tawhid", "joined", hedged, ""}}},
		{name: "negated trigger", lang: "en",
			text: "[ORG Jund al-Tawhid] is not affiliated with [ORG Ansar al-Jihad].",
			want: []wantClaim{{"Jund al-Tawhid", "allied_with", "Ansar al-Jihad", "", denied, ""}}},
		{name: "denial verb", lang: "en",
			text: "The group denied that [ORG Jund al-Tawhid] had pledged allegiance to [ORG Ansar al-Jihad].",
			want: []wantClaim{{"Jund al-Tawhid", "allied_with", "Ansar al-Jihad", "", denied, ""}}},
		{name: "denial in another clause does not deny", lang: "en",
			text: "The same is not true of [ORG Jund al-Tawhid], whose leader [PER Karim Benslimane] fled.",
			want: []wantClaim{{"Karim Benslimane", "leads", "Jund al-Tawhid", ", whose leader", asserted, ""}}},
		{name: "co-occurrence is no relation", lang: "en",
			text: "[ORG Jund al-Tawhid] and [ORG Ansar al-Jihad] were both mentioned in the report from [LOC Nairobi]."},
		{name: "wrong types", lang: "en",
			text: "[LOC Mombasa], the leader of [LOC Kenya], is a port."},
		{name: "listed subjects share the place", lang: "en",
			text: "The convoy was ambushed between [LOC Borvi] and [LOC Tessa] in central [LOC Norland].",
			want: []wantClaim{
				{"Borvi", "located_in", "Norland", "", asserted, ""},
				{"Tessa", "located_in", "Norland", "", asserted, ""},
			}},
		{name: "group in a place, attack words elsewhere", lang: "en",
			text: "[ORG Jund al-Tawhid] in northern [LOC Norland] recruited teenagers, police said after the attack.",
			want: []wantClaim{{"Jund al-Tawhid", "located_in", "Norland", "", reported, "police"}}},
		{name: "an attack by a group in a place places the attack", lang: "en",
			text: "The attack by [ORG Jund al-Tawhid] in [LOC Vessa] killed six.",
			want: []wantClaim{{"Jund al-Tawhid", "attacked", "Vessa", "", asserted, ""}}},
		{name: "branch named after its parent", lang: "en",
			text: "Police blamed the northern branch of the armed group [ORG Jund al-Tawhid], [ORG Katibat Nour], for the raid.",
			want: []wantClaim{{"Katibat Nour", "part_of", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "group and its unit", lang: "en",
			text: "[ORG Jund al-Tawhid] and its desert brigade [ORG Katibat Nour] crossed the border.",
			want: []wantClaim{{"Katibat Nour", "part_of", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "remark inside the acronym's bracket", lang: "en",
			text: "The [ORG Support Front] ([ORG SF] in its own leaflets), affiliated with [ORG Jund al-Tawhid], recruits in the north.",
			want: []wantClaim{{"SF", "allied_with", "Jund al-Tawhid", "", asserted, ""}}},
		{name: "who claimed, then where", lang: "en",
			text: "[ORG Jund al-Tawhid] claimed a series of attacks on Friday.\nSix guards were killed in [LOC Vessa], officials said.",
			want: []wantClaim{{"Jund al-Tawhid", "attacked", "Vessa", "", reported, "officials"}}},
		{name: "a closing single quote is no possessive", lang: "en",
			text: "[ORG Jund al-Tawhid] 'still has close ties to [ORG Katibat Nour]' [ORG UN] monitors say.",
			want: []wantClaim{{"Jund al-Tawhid", "allied_with", "Katibat Nour", "", reported, "monitors"}}},
		{name: "a person's stay in a place", lang: "en",
			text: "He met [PER Omar Testa] during the latter's stay in [LOC Vessa].\n[PER Karim Benslimane]'s years in [LOC Norland] are documented.",
			want: []wantClaim{{"Karim Benslimane", "located_in", "Norland", "", asserted, ""}}},
		{name: "a place in a hyphenated modifier", lang: "en",
			text: "[PER Omar Testa], head of the [LOC Norland]-based [ORG Harbour Watch], told reporters.",
			want: []wantClaim{
				{"Omar Testa", "leads", "Harbour Watch", "", asserted, ""},
				{"Harbour Watch", "located_in", "Norland", "", asserted, ""},
			}},
		{name: "wildcard does not cross a name", lang: "en",
			text: "[PER Marie Laurent] told [ORG Reuters] that [ORG Jund al-Tawhid] attacked [LOC Mombasa].",
			want: []wantClaim{{"Jund al-Tawhid", "attacked", "Mombasa", "attacked", reported, "Marie Laurent"}}},
	})
}

func TestClaimsFrench(t *testing.T) {
	runCases(t, []claimCase{
		{name: "capitale de, apposée", lang: "fr",
			text: "Une voiture piégée a explosé à [LOC Vessa], la capitale du [LOC Norland], dimanche.",
			want: []wantClaim{{"Vessa", "located_in", "Norland", ", la capitale du", asserted, ""}}},
		{name: "groupe dans le nord de", lang: "fr",
			text: "[ORG Ansar al-Jihad] dans le nord du [LOC Norland] recrute des adolescents.",
			want: []wantClaim{{"Ansar al-Jihad", "located_in", "Norland", "", asserted, ""}}},
		{name: "lieux énumérés", lang: "fr",
			text: "L'embuscade a eu lieu entre [LOC Borvi] et [LOC Tessa], dans l'ouest du [LOC Norland].",
			want: []wantClaim{
				{"Borvi", "located_in", "Norland", "", asserted, ""},
				{"Tessa", "located_in", "Norland", "", asserted, ""},
			}},
		{name: "porte-parole à un lieu", lang: "fr",
			text: "[PER Karim Benslimane], un porte-parole à [LOC Vessa] d'[ORG Ansar al-Jihad], a démenti.",
			want: []wantClaim{
				{"Karim Benslimane", "affiliated_with", "Ansar al-Jihad", "", asserted, ""},
				{"Karim Benslimane", "located_in", "Vessa", "", asserted, ""},
			}},
		{name: "métier de l'organisation puis le nom", lang: "fr",
			text: "Selon la chercheuse de l'[ORG Université de Vessa] ([ORG UDV=Université de Vessa]) [PER Lena Marovic], le camp déborde.",
			want: []wantClaim{{"Lena Marovic", "affiliated_with", "Université de Vessa", "", asserted, ""}}},
		{name: "séjour de X en Y", lang: "fr",
			text: "Plusieurs détails sur le séjour de [PER Karim Benslimane] en [LOC Norland] montrent ses liens.",
			want: []wantClaim{{"Karim Benslimane", "located_in", "Norland", "", asserted, ""}}},
		{name: "se trouve quelque part dans", lang: "fr",
			text: "Nos renseignements suggèrent que [PER Karim Benslimane] se trouve quelque part dans les [LOC Monts Vessa].",
			want: []wantClaim{{"Karim Benslimane", "located_in", "Monts Vessa", "", asserted, ""}}},
		{name: "X est analyste chez Y", lang: "fr",
			text: "[PER Lena Varga] est analyste principale chez [ORG Harbour Watch] depuis 2019.",
			want: []wantClaim{{"Lena Varga", "affiliated_with", "Harbour Watch", "", asserted, ""}}},
		{name: "groupe et sa katiba", lang: "fr",
			text: "Il s'agit d'[ORG Ansar al-Jihad] et de sa katiba [ORG Katibat Nour].",
			want: []wantClaim{{"Katibat Nour", "part_of", "Ansar al-Jihad", "", asserted, ""}}},
		{name: "branche nommée après", lang: "fr",
			text: "La branche locale du groupe jihadiste [ORG Ansar al-Jihad], [ORG Katibat Nour], a revendiqué l'enlèvement.",
			want: []wantClaim{{"Katibat Nour", "part_of", "Ansar al-Jihad", "", asserted, ""}}},
		{name: "chef de", lang: "fr",
			text: "[PER Karim Benslimane], chef d'[ORG Ansar al-Jihad], a été arrêté.",
			want: []wantClaim{{"Karim Benslimane", "leads", "Ansar al-Jihad", ", chef d'", asserted, ""}}},
		{name: "exclu de", lang: "fr",
			text: "[PER Karim Benslimane], qui a été exclu d'[ORG Ansar al-Jihad], vit en Turquie.",
			want: []wantClaim{{"Karim Benslimane", "member_of", "Ansar al-Jihad", "", asserted, ""}}},
		{name: "dirige", lang: "fr",
			text: "[PER Karim Benslimane] dirige [ORG Ansar al-Jihad] depuis 2019.",
			want: []wantClaim{{"Karim Benslimane", "leads", "Ansar al-Jihad", "dirige", asserted, ""}}},
		{name: "allégeance", lang: "fr",
			text: "[ORG Ansar al-Jihad] a prêté allégeance à l'[ORG État islamique].",
			want: []wantClaim{{"Ansar al-Jihad", "allied_with", "État islamique", "a prêté allégeance à", asserted, ""}}},
		{name: "négation", lang: "fr",
			text: "[ORG Ansar al-Jihad] n'a pas prêté allégeance à l'[ORG État islamique].",
			want: []wantClaim{{"Ansar al-Jihad", "allied_with", "État islamique", "", denied, ""}}},
		{name: "conditionnel", lang: "fr",
			text: "[PER Youssef Amrani] aurait rejoint [ORG Ansar al-Jihad] en 2015.",
			want: []wantClaim{{"Youssef Amrani", "member_of", "Ansar al-Jihad", "", hedged, ""}}},
		{name: "selon", lang: "fr",
			text: "Selon [PER Marie Laurent], [ORG Ansar al-Jihad] est basé au [LOC Niger].",
			want: []wantClaim{{"Ansar al-Jihad", "located_in", "Niger", "est basé au", reported, "Marie Laurent"}}},
		{name: "porte-parole", lang: "fr",
			text: "[PER Claire Dubois], porte-parole du [ORG Parquet national antiterroriste], a confirmé.",
			want: []wantClaim{{"Claire Dubois", "affiliated_with", "Parquet national antiterroriste", ", porte-parole du", asserted, ""}}},
		{name: "en guerre contre", lang: "fr",
			text: "[ORG Ansar al-Jihad] est en guerre contre [ORG Jund al-Tawhid].",
			want: []wantClaim{
				{"Ansar al-Jihad", "opposes", "Jund al-Tawhid", "est en guerre contre", asserted, ""},
				{"Jund al-Tawhid", "opposes", "Ansar al-Jihad", "est en guerre contre", asserted, ""}}},
		{name: "revendiqué", lang: "fr",
			text: "[ORG Ansar al-Jihad] a revendiqué l'attentat de [LOC Niamey].",
			want: []wantClaim{{"Ansar al-Jihad", "attacked", "Niamey", "", asserted, ""}}},
		{name: "branche de", lang: "fr",
			text: "[ORG Ansar al-Jihad], une branche de l'[ORG État islamique], recrute.",
			want: []wantClaim{{"Ansar al-Jihad", "part_of", "État islamique", "", asserted, ""}}},
		{name: "lieu en pays", lang: "fr",
			text: "L'attaque a eu lieu à [LOC Tillabéri], dans l'ouest du [LOC Niger].",
			want: []wantClaim{{"Tillabéri", "located_in", "Niger", "", asserted, ""}}},
		{name: "démenti", lang: "fr",
			text: "Le groupe a démenti que [ORG Ansar al-Jihad] soit lié à [ORG Jund al-Tawhid].",
			want: []wantClaim{{"Ansar al-Jihad", "allied_with", "Jund al-Tawhid", "", denied, ""}}},
		{name: "simple cooccurrence", lang: "fr",
			text: "[ORG Ansar al-Jihad] et [ORG Jund al-Tawhid] ont été cités à [LOC Niamey]."},
	})
}

func TestQuoteAttribution(t *testing.T) {
	s := newStage(t)
	doc := annotated(t, "en", `"[ORG Jund al-Tawhid] is allied with [ORG Ansar al-Jihad]," said [PER Marie Laurent].`)
	q := dossier.Quote{Span: dossier.Span{Start: 1, End: strings.Index(doc.Text, ",\"")}}
	who := strings.Index(doc.Text, "Marie")
	q.Speaker = &dossier.Speaker{Entity: 2, Span: dossier.Span{Start: who, End: who + len("Marie Laurent")}}
	doc.Quotes = []dossier.Quote{q}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Claims) != 2 {
		t.Fatalf("got %d claims, want 2", len(doc.Claims))
	}
	for _, c := range doc.Claims {
		if c.Modality != reported || c.Attribution == nil || c.Attribution.Entity != 2 {
			t.Errorf("%s: modality %s attribution %+v, want reported by Marie Laurent", describe(doc, c), c.Modality, c.Attribution)
		}
		if c.Confidence != ConfidenceReported*sourceNamed {
			t.Errorf("confidence %v", c.Confidence)
		}
	}
}

func TestOneClaimPerTriple(t *testing.T) {
	s := newStage(t)
	doc := annotated(t, "en", "[ORG Jund al-Tawhid] may have pledged allegiance to [ORG Ansar al-Jihad].\n[ORG Jund al-Tawhid] pledged allegiance to [ORG Ansar al-Jihad].")
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Claims) != 1 {
		t.Fatalf("got %d claims, want 1", len(doc.Claims))
	}
	if c := doc.Claims[0]; c.Modality != asserted || c.Evidence != doc.Sentences[1] {
		t.Errorf("kept %s from %v, want the asserted second sentence", c.Modality, c.Evidence)
	}
}

func TestBoilerplateAndUnknownLanguage(t *testing.T) {
	s := newStage(t)
	doc := annotated(t, "en", "[ORG Jund al-Tawhid] pledged allegiance to [ORG Ansar al-Jihad].")
	doc.Boilerplate = []dossier.Span{{Start: 0, End: len(doc.Text)}}
	if err := s.Process(context.Background(), doc); err != nil || len(doc.Claims) != 0 {
		t.Errorf("boilerplate: %d claims, err %v", len(doc.Claims), err)
	}
	doc = annotated(t, "xx", "[ORG Jund al-Tawhid] pledged allegiance to [ORG Ansar al-Jihad].")
	if err := s.Process(context.Background(), doc); err != nil || len(doc.Claims) != 0 {
		t.Errorf("unknown language: %d claims, err %v", len(doc.Claims), err)
	}
}

func TestLexiconErrors(t *testing.T) {
	base := "relations:\n  - predicate: %s\n    subject: [PER]\n    object: [ORG]\n    patterns: [%q]\n"
	for name, body := range map[string]string{
		"unknown predicate": fmt.Sprintf(base, "knows", "X knows Y"),
		"no placeholder":    fmt.Sprintf(base, "leads", "X leads"),
		"leading wildcard":  fmt.Sprintf(base, "leads", "X * leads Y"),
		"no trigger":        fmt.Sprintf(base, "leads", "X , Y"),
		"unknown field":     "relation: []\n",
	} {
		fsys := fstest.MapFS{"en/claims.yaml": {Data: []byte(body)}}
		if _, err := New(lexicon.FromFS(fsys)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := New(lexicon.FromFS(fstest.MapFS{})); !errors.Is(err, lexicon.ErrNoLexicon) {
		t.Errorf("empty set: %v", err)
	}
}

func TestContextCancelled(t *testing.T) {
	s := newStage(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := annotated(t, "en", "[ORG Jund al-Tawhid] pledged allegiance to [ORG Ansar al-Jihad].")
	if err := s.Process(ctx, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}
