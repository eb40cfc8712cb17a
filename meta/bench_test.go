package meta

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// Fixtures written for this benchmark: one English article with a byline
// date, one French article dated by its excerpt header (a month-only header
// and a weekday in the body give no day: no date is made up from them).
const benchEN = `World

Security services race to close a blind spot before the Games

By Staff Reporter July 21, 2024

Security services are scrambling to build ties with diaspora communities ahead of the opening
ceremony on July 26, officials said on Friday. Several arrests in March 2024 showed how small
cells recruit online, and the interior ministry has asked for more translators.

A senior officer said the threat had changed since 2015: attackers were younger, acted alone and
were radicalised within weeks. "We may not see them coming," he said. Last year two plots were
foiled, one of them a week before a football final.

Analysts note that the group behind the March attack on a concert hall had used messaging apps
to coordinate. Prosecutors in several countries opened cases in April, and a trial is expected in
2025. Meanwhile, the government has promised 1,500 extra officers for the summer.
`

const benchFR = ` date 2022-06-13 L'armée doit quitter la base militaire du nord-est lundi 13 juin, a fait savoir
l'état-major. Cette remise des clés aux forces locales marque l'avant-dernière étape du départ.

Ouverte en 2018, la base hébergeait un groupement de forces spéciales européennes, qui avait pour
but d'aider les forces locales à gagner en autonomie. Le départ de lundi intervient après la
rétrocession d'une autre base, en avril, et avant celle de la dernière emprise, prévue à la fin de
l'été. Il y a deux ans, plus de 5 000 militaires étaient déployés dans la région.

Selon un officier, « la situation sécuritaire reste très dégradée », et les attaques se sont
multipliées depuis janvier. Mardi dernier, une embuscade a fait une dizaine de morts.
`

func BenchmarkMeta(b *testing.B) {
	stage := newStage(b)
	texts := []string{strings.Repeat(benchEN, 2), strings.Repeat(benchFR, 2)}
	langs := []string{"en", "fr"}
	words := 0
	for _, t := range texts {
		words += len(strings.Fields(t))
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, t := range texts {
			doc := dossier.Document{Text: t, Lang: langs[j]}
			if err := stage.Process(ctx, &doc); err != nil {
				b.Fatal(err)
			}
			if doc.Meta.Published.IsZero() || (j == 0 && doc.Meta.Title == "") {
				b.Fatalf("fixture %d: no metadata found: %+v", j, doc.Meta)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
