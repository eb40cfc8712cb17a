package timex

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
)

// benchEN and benchFR are realistic article-shaped fixtures written for these
// benchmarks (facts of public record, our own wording).
const benchEN = `Kabul fell to the Taliban on Sunday August 15th, 2021, two weeks after the last
foreign troops began their final withdrawal. Officials in Paris said on Monday that the
intelligence services had raised the threat level, citing the attacks of November 13th 2015
and the murder of a teacher in October 2020.

The interior minister told reporters yesterday that more than 30 people had been questioned
since January. "We may never know how many fighters will travel," he said, adding that the
services had foiled two plots last year and one in March 2021. A court in Paris will hear the
case from 8 September, and a verdict is expected in June 2022.

In 2014, when the Islamic State declared its caliphate, thousands of Europeans left for Syria.
Most had returned or died by 2019. A researcher who has followed the networks since 2012 said
the situation was different today: the groups were weaker, but the propaganda was louder than
ever. "March on, they said, and many did," she recalled, describing videos posted last week.

Police arrested a man last Tuesday in Lyon. He had bought a knife for €15 and had searched for
the addresses of three synagogues, prosecutors said on 19/08/2021. His lawyer said he would
appeal, and a hearing was set for Friday morning. Two years ago, a similar case ended in a
ten-year sentence; the judge then cited the events of 9/11 and the 2017 Manchester bombing.
`

const benchFR = `Le procès de l'attentat du marché de Noël s'est ouvert jeudi 29 février 2024 devant la cour
d'assises spéciale de Paris, plus de cinq ans après les faits du 11 décembre 2018. Pendant cinq
semaines, quatre accusés et une soixantaine de parties civiles seront entendus.

Mardi dernier, le parquet national antiterroriste a rappelé que l'assaillant avait été abattu le
13 décembre 2018 après deux jours de traque. Selon une source proche du dossier, les enquêteurs
ont travaillé jusqu'en mars 2019 pour reconstituer son parcours, et un premier rapport a été
remis le 1er juillet 2020. Il y a deux ans, la cour de cassation avait rejeté un pourvoi.

Les associations de victimes se sont réunies lundi soir à Strasbourg. « Nous attendons des
réponses depuis 2018 », a déclaré leur présidente, qui rappelait la semaine dernière que le
verdict était attendu début avril. En 2016 déjà, la ville avait été visée par un projet
d'attaque déjoué en novembre, et le 13-Novembre reste dans toutes les mémoires.

Hier, le ministre de l'Intérieur a annoncé un renforcement de la sécurité pour les fêtes,
avec 1 500 policiers supplémentaires mobilisés du 24/11/2024 au 31/12/2024.
`

func benchDocs() ([]*dossier.Document, int) {
	pub := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	docs := []*dossier.Document{
		{Text: strings.Repeat(benchEN, 2), Lang: "en", Meta: dossier.Meta{Published: pub}},
		{Text: strings.Repeat(benchFR, 2), Lang: "fr", Meta: dossier.Meta{Published: pub}},
	}
	words := 0
	for _, d := range docs {
		words += len(strings.Fields(d.Text))
	}
	return docs, words
}

func BenchmarkTimex(b *testing.B) {
	stage := newStage(b)
	docs, words := benchDocs()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			d.Timexes = d.Timexes[:0]
			if err := stage.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
