package quotes

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
	"github.com/dossier-project/dossier/segment"
	"github.com/dossier-project/dossier/timex"
)

// name is a hand-made mention: every occurrence of Text becomes a mention of
// one entity per Group (Text when empty), so tests do not depend on the
// mentions stage.
type name struct {
	Text, Type, Group string
}

// want is one expected quote: its exact text, the speaker as written
// ("~…" for an unnamed source, "" for none) and the verb.
type want struct {
	Text, Speaker, Verb string
}

func newStages(t testing.TB) (*segment.Stage, *Stage) {
	t.Helper()
	lex := lexicon.Default()
	sg, err := segment.New(lex)
	if err != nil {
		t.Fatal(err)
	}
	st, err := New(lex)
	if err != nil {
		t.Fatal(err)
	}
	return sg, st
}

func runDoc(t testing.TB, sg *segment.Stage, st *Stage, lang, text string, names []name) *dossier.Document {
	t.Helper()
	doc := &dossier.Document{Text: text, Lang: lang}
	// A publication date, so that weekdays resolve to dates as in an article.
	doc.Meta.Published = time.Date(2031, 5, 15, 0, 0, 0, 0, time.UTC)
	ctx := context.Background()
	if err := sg.Process(ctx, doc); err != nil {
		t.Fatal(err)
	}
	tx, err := timexStage()
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Process(ctx, doc); err != nil {
		t.Fatal(err)
	}
	addMentions(doc, names)
	if err := st.Process(ctx, doc); err != nil {
		t.Fatal(err)
	}
	checkQuotes(t, doc)
	return doc
}

// timexStage is built once: the date expressions a speaker phrase may
// follow ("a déclaré mardi soir un voisin").
var timexStage = sync.OnceValues(func() (*timex.Stage, error) { return timex.New(lexicon.Default()) })

func addMentions(doc *dossier.Document, names []name) {
	groups := map[string]int{}
	for _, n := range names {
		g := n.Group
		if g == "" {
			g = n.Text
		}
		ei, ok := groups[g]
		if !ok {
			ei = len(doc.Entities)
			groups[g] = ei
			doc.Entities = append(doc.Entities, dossier.Entity{Name: g, Type: n.Type})
		}
		for off := 0; ; {
			i := strings.Index(doc.Text[off:], n.Text)
			if i < 0 {
				break
			}
			s := off + i
			doc.Mentions = append(doc.Mentions, dossier.Mention{Span: dossier.Span{Start: s, End: s + len(n.Text)}, Type: n.Type, Entity: ei})
			off = s + len(n.Text)
		}
	}
	sort.Slice(doc.Mentions, func(i, j int) bool { return doc.Mentions[i].Start < doc.Mentions[j].Start })
	for i := range doc.Entities {
		doc.Entities[i].Mentions = nil
	}
	for mi, m := range doc.Mentions {
		doc.Entities[m.Entity].Mentions = append(doc.Entities[m.Entity].Mentions, mi)
	}
}

func got(doc *dossier.Document) []want {
	var out []want
	for _, q := range doc.Quotes {
		g := want{Text: doc.Slice(q.Span)}
		if q.Speaker != nil {
			g.Speaker = doc.Slice(q.Speaker.Span)
			if q.Speaker.Entity < 0 {
				g.Speaker = "~" + g.Speaker
			}
		}
		if q.Verb != nil {
			g.Verb = doc.Slice(*q.Verb)
		}
		out = append(out, g)
	}
	return out
}

func TestQuotes(t *testing.T) {
	sg, st := newStages(t)
	tests := []struct {
		name, lang, text string
		names            []name
		want             []want
	}{
		{
			name: "any noun of a person heads an unnamed source",
			lang: "en",
			text: "“It was chaos and we ran,” a nurse at the hospital said on Monday.",
			want: []want{{"It was chaos and we ran,", "~a nurse at the hospital", "said"}},
		},
		{
			name: "fr any noun of a person heads an unnamed source",
			lang: "fr",
			text: "« Ils sont arrivés la nuit », a confié une infirmière de l'hôpital de Kallim.",
			want: []want{{"Ils sont arrivés la nuit", "~une infirmière de l'hôpital de Kallim", "a confié"}},
		},
		{
			name:  "a short quotation handed to its speech verb by a comma",
			lang:  "en",
			text:  "“We saw smoke,” said local journalist Amir Tal. He called it a “so-called truce,” and left.",
			names: []name{{"Amir Tal", "PER", ""}},
			want:  []want{{"We saw smoke,", "Amir Tal", "said"}},
		},
		{
			name:  "a role before a name is the person, a friend of a name is not",
			lang:  "en",
			text:  "“The cell is finished,” a senior commander, Karim Benali, told reporters. “He was betrayed,” a friend of Karim Benali said.",
			names: []name{{"Karim Benali", "PER", ""}},
			want:  []want{{"The cell is finished,", "Karim Benali", "told"}, {"He was betrayed,", "~a friend of Karim Benali", "said"}},
		},
		{
			name:  "fr relative subject with scare quotes inside",
			lang:  "fr",
			text:  "Le rapport cite un «pays membre» de l'OTAN qui estime que le chef du réseau «avait recruté plus de vingt combattants dans la région».",
			names: []name{{"OTAN", "ORG", ""}},
			want:  []want{{"avait recruté plus de vingt combattants dans la région", "~un «pays membre» de l'OTAN", "estime"}},
		},
		{
			name:  "en subject with scare quotes inside",
			lang:  "en",
			text:  "A “member state” of NATO warned that the cell “had recruited more than twenty fighters in the region”.",
			names: []name{{"NATO", "ORG", ""}},
			want:  []want{{"had recruited more than twenty fighters in the region", "~A “member state” of NATO", "warned"}},
		},
		{
			name:  "fr inverted incise with a prepositional phrase and an apposed name",
			lang:  "fr",
			text:  "« Nous tiendrons la ville », a déclaré sur place le ministre de la Défense par intérim, Paule Verrier.",
			names: []name{{"Paule Verrier", "PER", ""}},
			want:  []want{{"Nous tiendrons la ville", "Paule Verrier", "a déclaré"}},
		},
		{
			name: "fr inverted incise past a date and an adverbial phrase",
			lang: "fr",
			text: "« Tout le quartier a brûlé dans la nuit », a raconté mardi soir une voisine. « Nous partirons avant l'hiver », a déclaré un jour un habitant. « Personne ne nous a prévenus », a ajouté hier soir une élue.",
			want: []want{{"Tout le quartier a brûlé dans la nuit", "~une voisine", "a raconté"}, {"Nous partirons avant l'hiver", "~un habitant", "a déclaré"},
				{"Personne ne nous a prévenus", "~une élue", "a ajouté"}},
		},
		{
			name: "en inverted speaker past a date",
			lang: "en",
			text: "“The bridge is gone,” said on Monday a fisherman from the harbour.",
			want: []want{{"The bridge is gone,", "~a fisherman from the harbour", "said"}},
		},
		{
			name: "fr inverted incise with an addressee then an unnamed speaker",
			lang: "fr",
			text: "« Personne n'a rien vu », a raconté à la radio locale un conseiller municipal.",
			want: []want{{"Personne n'a rien vu", "~un conseiller municipal", "a raconté"}},
		},
		{
			name:  "fr source cue: description, acronym, then the name",
			lang:  "fr",
			text:  "« Le camp est hors de contrôle », selon le psychologue de l'Université de Vessa (UV) Lena Varga, qui s'y rendra.",
			names: []name{{"Université de Vessa", "ORG", ""}, {"UV", "ORG", "Université de Vessa"}, {"Lena Varga", "PER", ""}},
			want:  []want{{"Le camp est hors de contrôle", "Lena Varga", "selon"}},
		},
		{
			name:  "en participle after a comma speaks with the sentence's subject",
			lang:  "en",
			text:  "Governor Ivo Marsh condemned the attack, saying, “Such acts will not shake our resolve.”",
			names: []name{{"Ivo Marsh", "PER", ""}},
			want:  []want{{"Such acts will not shake our resolve.", "Ivo Marsh", "saying"}},
		},
		{
			name:  "en participle: the subject follows an opening adverbial phrase",
			lang:  "en",
			text:  "In a statement released on Sunday, the Harbour Cell claimed the raid, saying, “The soldiers had it coming.”",
			names: []name{{"Harbour Cell", "ORG", ""}},
			want:  []want{{"The soldiers had it coming.", "Harbour Cell", "saying"}},
		},
		{
			name:  "en quoted as saying by an agency",
			lang:  "en",
			text:  "“Four guards were wounded,” Tomas Brenner, a local police officer, was quoted as saying by NPA.",
			names: []name{{"Tomas Brenner", "PER", ""}, {"NPA", "ORG", ""}},
			want:  []want{{"Four guards were wounded,", "Tomas Brenner", "was quoted as saying"}},
		},
		{
			name:  "en people of an organisation are an unnamed source",
			lang:  "en",
			text:  "Port Authority officials said the convoy “was never at risk”.",
			names: []name{{"Port Authority", "ORG", ""}},
			want:  []want{{"was never at risk", "~Port Authority officials", "said"}},
		},
		{
			name: "en a document speaks for the owner set before a possessive",
			lang: "en",
			text: "The inspectors visited the port in May.\n\n“Controls remain weak at every gate,” the inspectors' 40-page report concluded.",
			want: []want{{"Controls remain weak at every gate,", "~the inspectors", "concluded"}},
		},
		{
			name:  "en postposed named",
			lang:  "en",
			text:  "“The cell was planning a second attack in the capital,” said Laura Finch, a researcher at the institute.",
			names: []name{{"Laura Finch", "PER", ""}},
			want:  []want{{"The cell was planning a second attack in the capital,", "Laura Finch", "said"}},
		},
		{
			name:  "en preposed colon and straight quotes",
			lang:  "en",
			text:  `Interior minister Paul Verdier said: "We have arrested four men in three cities overnight."`,
			names: []name{{"Paul Verdier", "PER", ""}},
			want:  []want{{"We have arrested four men in three cities overnight.", "Paul Verdier", "said"}},
		},
		{
			name:  "en split quote and pronoun continuity",
			lang:  "en",
			text:  "Marta Ruiz runs the centre in Lyon.\n\n“Most of them were recruited online,” she said, “and very few ever met a handler in person.”\n\n“We see it every week.”",
			names: []name{{"Marta Ruiz", "PER", ""}, {"Lyon", "LOC", ""}},
			want: []want{
				{"Most of them were recruited online,", "Marta Ruiz", "said"},
				{"and very few ever met a handler in person.", "Marta Ruiz", "said"},
				{"We see it every week.", "Marta Ruiz", ""},
			},
		},
		{
			name: "en unnamed sources and according to",
			lang: "en",
			text: "The group moved its fighters east and “started to rebuild its finance network quickly”, according to security sources. “The threat has not gone away at all,” said one senior counterterrorism official.",
			want: []want{
				{"started to rebuild its finance network quickly", "~security sources", "according to"},
				{"The threat has not gone away at all,", "~one senior counterterrorism official", "said"},
			},
		},
		{
			name:  "en institution and apposition",
			lang:  "en",
			text:  `Kofi Mensah, the agency's director since 2019, told reporters the raid "had been prepared for many months". The Interior Ministry said in a statement that "all suspects are now in custody".`,
			names: []name{{"Kofi Mensah", "PER", ""}, {"Interior Ministry", "ORG", ""}},
			want: []want{
				{"had been prepared for many months", "Kofi Mensah", "told"},
				{"all suspects are now in custody", "Interior Ministry", "said"},
			},
		},
		{
			name: "en negatives: scare quotes, titles, apostrophes, title case",
			lang: "en",
			text: "Officials called it a “temporary pause” in the talks. The novel “The Long Road to Nowhere at All” was banned. Soldiers of Operation “Desert Wind Over the Hills” left. The fighters' leaders weren't named and the group's 'media office' stayed silent. They joined the “Committee for the Defence of Believers”.",
			want: nil,
		},
		{
			name:  "en multi-paragraph quote",
			lang:  "en",
			text:  "Jonas Berg described the night. “We heard three explosions and then nothing for an hour.\n\n“Then the police arrived and told everyone to leave the building,” he said.",
			names: []name{{"Jonas Berg", "PER", ""}},
			want:  []want{{"We heard three explosions and then nothing for an hour.\n\n“Then the police arrived and told everyone to leave the building,", "Jonas Berg", "said"}},
		},
		{
			name: "en nested quote stays inside",
			lang: "en",
			text: `"They kept asking me 'where is the money going' every single day," the witness said.`,
			want: []want{{"They kept asking me 'where is the money going' every single day,", "~the witness", "said"}},
		},
		{
			name:  "fr postposé, inversion et clitique",
			lang:  "fr",
			text:  "« Nous avons déjoué deux projets d’attentat depuis janvier », a déclaré le ministre Jean Darcel. « La menace reste très élevée », a-t-il ajouté.",
			names: []name{{"Jean Darcel", "PER", ""}},
			want: []want{
				{"Nous avons déjoué deux projets d’attentat depuis janvier", "Jean Darcel", "a déclaré"},
				{"La menace reste très élevée", "Jean Darcel", "a-t-il ajouté"},
			},
		},
		{
			name:  "fr espaces insécables et selon",
			lang:  "fr",
			text:  "Selon le parquet national antiterroriste, «\u00a0le suspect projetait une attaque contre un stade\u00a0». L’enquête se poursuit.",
			names: []name{{"parquet national antiterroriste", "ORG", ""}},
			want:  []want{{"le suspect projetait une attaque contre un stade", "parquet national antiterroriste", "Selon"}},
		},
		{
			name: "fr source anonyme et reprise nominale",
			lang: "fr",
			text: "Un haut responsable des services de renseignement a confirmé l’arrestation. « Le réseau finançait plusieurs cellules en Europe », a précisé le responsable.\n\n« Ils communiquaient par des messageries chiffrées », dit-il.",
			want: []want{
				{"Le réseau finançait plusieurs cellules en Europe", "~Un haut responsable des services de renseignement", "a précisé"},
				{"Ils communiquaient par des messageries chiffrées", "~Un haut responsable des services de renseignement", "dit-il"},
			},
		},
		{
			name:  "fr institution et chef d'accusation",
			lang:  "fr",
			text:  "Le jeune homme a été mis en examen pour « association de malfaiteurs terroriste criminelle ». « Il n’a pas reconnu les faits reprochés », a indiqué le parquet.",
			names: []name{{"Parquet de Paris", "ORG", ""}},
			want:  []want{{"Il n’a pas reconnu les faits reprochés", "~le parquet", "a indiqué"}},
		},
		{
			name:  "fr cour reprise par son nom",
			lang:  "fr",
			text:  "La cour d’assises spéciale a rendu son verdict. Dans son arrêt, la cour a estimé qu’il avait « pleinement adhéré au projet du groupe ».",
			names: []name{{"cour d’assises spéciale", "ORG", ""}},
			want:  []want{{"pleinement adhéré au projet du groupe", "cour d’assises spéciale", "a estimé"}},
		},
		{
			name: "fr titre de livre, guillemets de citation d'un mot, opération",
			lang: "fr",
			text: "Son livre « La guerre de vingt ans contre le terrorisme » est paru. L’opération « Serval au Mali en 2013 » a pris fin. Il parle d’une « hécatombe ».",
			want: nil,
		},
		{
			name:  "headline quote repeated in body keeps the attributed one",
			lang:  "fr",
			text:  "Retrait « avant la fin de l'été »\n\nLes soldats partiront « avant la fin de l'été », selon le général Marc Olier.",
			names: []name{{"Marc Olier", "PER", ""}},
			want:  []want{{"avant la fin de l'été", "Marc Olier", "selon"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := runDoc(t, sg, st, tc.lang, tc.text, tc.names)
			g := got(doc)
			if len(g) != len(tc.want) {
				t.Fatalf("got %d quotes %+v, want %d %+v", len(g), g, len(tc.want), tc.want)
			}
			for i := range g {
				if g[i] != tc.want[i] {
					t.Errorf("quote %d:\n got %+v\nwant %+v", i, g[i], tc.want[i])
				}
			}
		})
	}
}

func TestParts(t *testing.T) {
	sg, st := newStages(t)
	text := "“First paragraph of a long statement goes here.\n\n“Second paragraph of the same statement ends here,” she said."
	doc := runDoc(t, sg, st, "en", text, nil)
	if len(doc.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1", len(doc.Quotes))
	}
	q := doc.Quotes[0]
	if len(q.Parts) != 2 {
		t.Fatalf("got %d parts, want 2", len(q.Parts))
	}
	if p := doc.Slice(q.Parts[1]); p != "Second paragraph of the same statement ends here," {
		t.Errorf("part 2 = %q", p)
	}
}

func TestBoilerplateSkipped(t *testing.T) {
	sg, st := newStages(t)
	text := "Most read: \"We Will Never Forget What Happened That Day at all\"\n“The attack was planned for months in advance,” the prosecutor said."
	doc := &dossier.Document{Text: text, Lang: "en", Boilerplate: []dossier.Span{{Start: 0, End: strings.IndexByte(text, '\n') + 1}}}
	if err := sg.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotes) != 1 || doc.Slice(doc.Quotes[0].Span) != "The attack was planned for months in advance," {
		t.Fatalf("got %+v", got(doc))
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
}

func TestFeminines(t *testing.T) {
	rules := [][2]string{{"", "e"}, {"", "es"}, {"eur", "euse"}, {"teur", "trice"}, {"ien", "ienne"}}
	got := feminines([]string{"voisin", "enquêteur", "membre", "source proche", "lecteur", "gardien"}, rules)
	// Forms that are no word ("gardiene", "lecteuse") are harmless: no text
	// holds them. A word ending in "e" takes no "e"; phrases are left alone.
	want := []string{"voisine", "voisines", "enquêteure", "enquêteures", "enquêteuse", "enquêtrice", "lecteure", "lecteures",
		"lecteuse", "lectrice", "gardiene", "gardienes", "gardienne"}
	if !slices.Equal(got, want) {
		t.Errorf("feminines = %q, want %q", got, want)
	}
}
