package figures

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// benchEN and benchFR are article-shaped fixtures written for these
// benchmarks (facts of public record, our own wording).
const benchEN = `Gunmen opened fire at a concert hall outside Moscow on the evening of 22 March 2024, killing more than 140 people and wounding hundreds more, officials said. Four suspects from Tajikistan were detained the next day, and investigators said at least 11 people had been arrested in all. The Islamic State's Khorasan branch claimed the attack within hours.

Analysts estimate that the branch has between 4,000 and 6,000 fighters and family members in Afghanistan. In 2022 it carried out three attacks on the Russian embassy and on Sikh and Shia places of worship in Kabul, and the United Nations monitoring team said in its latest report that a dozen of its commanders had been killed in Taliban raids since January.

The network behind the financing is thought to have moved some 650,000 dollars through hawala brokers in Turkey, and a reward of up to $10 million is on offer for information on its leaders. Seven Central Asians living in Germany were arrested last year on suspicion of planning an attack; two of them have since been convicted, prosecutors told reporters.

A 17-year-old was also charged in June. He had been in contact with about 20 other users of an encrypted channel for two years, according to court papers, and 30 percent of the posts he shared were official propaganda. The court sat for 10 days in room 4 of the building.
`

const benchFR = `Le procès de l'attentat du marché de Noël s'est ouvert jeudi devant la cour d'assises spéciale de Paris. Le 11 décembre 2018, l'assaillant avait tué cinq personnes et en avait blessé onze autres, en dix minutes à peine. Pendant cinq semaines, quatre accusés et une soixantaine de parties civiles seront entendus par la cour.

À Djibo, au moins 22 soldats, une cinquantaine de jihadistes et de nombreux civils ont été tués dimanche, selon des sources sécuritaires. L'armée affirme que plus de 400 terroristes ont été neutralisés lors de la contre-offensive visant près de 3 000 assaillants, et que deux attaques simultanées ont visé la base militaire et un camp de déplacés.

Selon le parquet, le réseau aurait fait transiter 1,2 million d'euros vers la Syrie entre 2014 et 2017. Quatorze mineurs ont été mis en examen depuis janvier, contre quinze sur toute l'année précédente, et une dizaine de personnes restent recherchées. Les attentats du 22 mars 2016 à Bruxelles avaient fait 32 morts et plus de 300 blessés.
`

func benchDocs() ([]*dossier.Document, int) {
	docs := []*dossier.Document{
		{Text: strings.Repeat(benchEN, 3), Lang: "en"},
		{Text: strings.Repeat(benchFR, 3), Lang: "fr"},
	}
	words := 0
	for _, d := range docs {
		words += len(strings.Fields(d.Text))
	}
	return docs, words
}

func BenchmarkFigures(b *testing.B) {
	st := newStage(b)
	docs, words := benchDocs()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := st.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestBenchFixtures keeps the benchmark honest: its fixtures must yield the
// figures they were written to contain, each once.
func TestBenchFixtures(t *testing.T) {
	st := newStage(t)
	docs, _ := benchDocs()
	want := map[string]string{
		"en": "140 killed|4 person|11 person|4000 person|6000 person|3 attack|12 killed|650000 money_usd|1e+07 money_usd|7 person|2 person|20 person",
		"fr": "5 killed|11 injured|4 person|60 person|22 killed|50 killed|400 killed|3000 person|2 attack|1.2e+06 money_eur|14 person|10 person|32 killed|300 injured",
	}
	for _, d := range docs {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range d.Figures {
			got = append(got, fmt.Sprintf("%v %s", f.Value, f.Unit))
		}
		if g := strings.Join(got, "|"); g != want[d.Lang] {
			t.Errorf("%s:\n got %s\nwant %s", d.Lang, g, want[d.Lang])
		}
	}
}
