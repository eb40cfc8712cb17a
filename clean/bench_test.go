package clean

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// benchFixture is a web page saved as text, written for these tests: an
// English and a French article with the usual furniture around them.
const benchFixture = `Saturday
12th Oct 2024
Security

Militants storm army post in border region, killing at least nine

Image

By Staff Reporter

Militants armed with rifles and rocket launchers attacked an army post in the border region before dawn on Friday, killing at least nine soldiers and wounding fourteen others, the defence ministry said in a statement.

The ministry said the attackers arrived on motorbikes and in two pickup trucks, and that reinforcements reached the post about an hour after the fighting began. Several attackers were killed, according to the statement, which did not give a number.

ADVERTISEMENT

No group immediately claimed responsibility, but a local affiliate of the Islamic State has carried out similar raids in the area over the past year, targeting isolated posts and supply convoys on the main road.

"The enemy chose a moment when the garrison was changing shifts," a security official told reporters on condition of anonymity. "They knew exactly when to strike."

Thank you for reading!

Subscribe now for a 14 day free trial.

  1. $9 per month
  2. Cancel anytime

Already have an account? Log in

The government declared a state of emergency in three provinces last year and has since doubled the number of troops deployed along the frontier, officials say. Aid groups warn that the fighting has forced more than 200,000 people from their homes.

Residents of a nearby town said they heard explosions for more than two hours. Some fled towards the regional capital, about 80 kilometres to the south, while others sheltered in a mosque.

Les plus lus

  - Procès des attentats : le verdict attendu vendredi
  - Sahel : une coalition régionale en gestation
  - Un adolescent mis en examen pour un projet d'attaque

Justice

Le procès de trois hommes accusés d'avoir préparé un attentat s'ouvre à Paris

Publié le 14 octobre 2024 à 08h15

Trois hommes soupçonnés d'avoir projeté une attaque contre un rassemblement sportif comparaissent depuis lundi devant la cour d'assises spéciale de Paris, a indiqué le parquet national antiterroriste.

Selon l'accusation, les suspects avaient repéré les lieux à plusieurs reprises et s'étaient procuré des produits chimiques sur internet au cours de l'été. Ils contestent avoir voulu passer à l'acte.

Lire aussi : Le parquet antiterroriste alerte sur la radicalisation des mineurs

« Nous n'avons jamais eu l'intention de tuer qui que ce soit », a déclaré l'un d'eux à l'ouverture de l'audience, selon une journaliste présente dans la salle.

Les avocats de la défense ont demandé l'annulation d'une partie de la procédure, estimant que certaines écoutes avaient été réalisées sans autorisation. La cour doit se prononcer mercredi.

Réservé aux abonnés

Se connecter

Crédit photo : AFP

© 2024 Example Media. Tous droits réservés.
`

func BenchmarkClean(b *testing.B) {
	st := newTestStage(b)
	text := strings.Repeat(benchFixture, 4)
	words := len(strings.Fields(text))
	doc := &dossier.Document{Format: "txt", Text: text}
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc.Boilerplate = nil
		if err := st.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestBenchFixture keeps the benchmark honest: its furniture is found and its
// body kept.
func TestBenchFixture(t *testing.T) {
	st := newTestStage(t)
	doc := &dossier.Document{Format: "txt", Text: benchFixture}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, doc.Text, doc.Boilerplate)
	covered := func(s string) bool {
		i := strings.Index(doc.Text, s)
		if i < 0 {
			t.Fatalf("fixture lacks %q", s)
		}
		for _, sp := range doc.Boilerplate {
			if sp.Start <= i && i+len(s) <= sp.End {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"Saturday", "12th Oct 2024", "Image", "ADVERTISEMENT", "Thank you for reading!",
		"Subscribe now", "$9 per month", "Cancel anytime", "Already have an account? Log in", "Les plus lus",
		"- Sahel : une coalition", "Justice", "Publié le 14 octobre 2024", "Lire aussi :", "Réservé aux abonnés",
		"Se connecter", "Crédit photo : AFP", "© 2024 Example Media."} {
		if !covered(s) {
			t.Errorf("furniture kept: %q", s)
		}
	}
	for _, s := range []string{"Militants armed with rifles", "The ministry said the attackers", "No group immediately",
		`"The enemy chose`, "The government declared", "Residents of a nearby town", "Trois hommes soupçonnés",
		"Selon l'accusation", "« Nous n'avons jamais", "Les avocats de la défense"} {
		if covered(s) {
			t.Errorf("body dropped: %q", s)
		}
	}
}
