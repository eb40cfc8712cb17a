package quotes

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// benchFixture is a made-up two-language news story, written for this test.
const benchFixture = `Police arrest three over plot against stadium

Three men were arrested on Tuesday in a joint operation by the national police and the intelligence service, officials said. “The suspects had gathered chemicals and were close to building a device,” said Anna Kowal, a spokeswoman for the prosecutor's office. She added that the men had met online in 2022.

“We are not looking for anyone else at this stage,” Kowal told reporters. “The investigation will continue for several months, and we will not comment on the motives.”

According to one senior security official, the group “had studied the entrances of the stadium for weeks”. The official, who asked not to be named, said the men were known to the services. A “temporary” closure of the stadium was ordered.

Interior minister David Osei said: "This is the fourth plot we have stopped this year. The threat remains very high." He called for more resources for the services and said the law would be changed.

Le parquet antiterroriste a ouvert une information judiciaire pour « association de malfaiteurs terroriste criminelle ». « Les trois hommes ont été placés en détention provisoire », a indiqué le parquet dans un communiqué.

« Nous avons déjoué quatre projets d’attentat depuis janvier », a déclaré le ministre de l’Intérieur. « La menace reste très élevée », a-t-il ajouté, selon une source proche du dossier. Un enquêteur a confié que les suspects « échangeaient sur des messageries chiffrées depuis des mois ».

Selon l’avocat de l’un des suspects, son client « conteste avoir voulu commettre la moindre attaque ». L’opération « Sentinelle renforcée dans la capitale » a été prolongée.
`

func BenchmarkQuotes(b *testing.B) {
	sg, st := newStages(b)
	ctx := context.Background()
	text := strings.Repeat(benchFixture+"\n", 4)
	doc := &dossier.Document{Text: text, Lang: "en"}
	if err := sg.Process(ctx, doc); err != nil {
		b.Fatal(err)
	}
	addMentions(doc, []name{{"Anna Kowal", "PER", "Kowal"}, {"Kowal", "PER", "Kowal"}, {"David Osei", "PER", ""}})
	words := 0
	for _, tk := range doc.Tokens {
		if tk.Kind == dossier.TokWord {
			words++
		}
	}
	if err := st.Process(ctx, doc); err != nil || len(doc.Quotes) == 0 {
		b.Fatalf("no quotes (%v)", err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
