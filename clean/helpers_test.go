package clean

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/lexicon"
)

func newTestStage(tb testing.TB) *Stage {
	tb.Helper()
	st, err := New(lexicon.Default())
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// dockStrike returns the first n paragraphs (at most five) of an invented
// report on a dock strike, in English or French, as lines to keep: the
// article many layout tests set their furniture around.
func dockStrike(lang string, n int) []fixtureLine {
	paras := map[string][]string{
		"en": {
			"Dock workers in Harbourton returned to work on Tuesday after nine days on strike, ending a dispute that had left more than forty ships waiting outside the port.",
			"The union said its members had voted to accept a pay offer that the port authority tabled on Sunday night, after talks that lasted most of the weekend.",
			"Under the deal, wages rise by six per cent this year and four per cent next year, and night shifts are paid at a higher rate, the union's regional secretary said.",
			"Shipping companies said it would take about two weeks to clear the backlog of containers, and that some deliveries planned for the holidays would arrive late.",
			"The port is one of the region's largest employers, with more than three thousand people working on its quays, and the strike cost local firms several million pounds.",
		},
		"fr": {
			"Les dockers de Harbourton ont repris le travail mardi après neuf jours de grève, un conflit qui avait laissé plus de quarante navires en attente au large du port.",
			"Le syndicat a indiqué que ses adhérents avaient voté pour accepter l'offre salariale présentée dimanche soir par l'autorité portuaire, après un week-end de négociations.",
			"L'accord prévoit une hausse des salaires de six pour cent cette année et de quatre pour cent l'an prochain, ainsi qu'une meilleure rémunération des équipes de nuit.",
			"Les armateurs estiment qu'il faudra environ deux semaines pour résorber le retard des conteneurs, et certaines livraisons prévues pour les fêtes arriveront en retard.",
			"Le port est l'un des principaux employeurs de la région, avec plus de trois mille personnes sur ses quais, et la grève a coûté plusieurs millions aux entreprises locales.",
		},
	}[lang]
	out := make([]fixtureLine, 0, n)
	for _, p := range paras[:min(n, len(paras))] {
		out = append(out, fixtureLine{p, keep})
	}
	return out
}

// unmarkedRules classifies lines and clears every mark, so that a test can
// mark lines by hand and run one rule alone on them. It returns the rules
// and the joined text.
func unmarkedRules(t *testing.T, st *Stage, lines []string) (rules, string) {
	t.Helper()
	text := strings.Join(lines, "\n")
	ws := st.getWorkspace()
	t.Cleanup(func() { st.putWorkspace(ws) })
	if err := st.classify(context.Background(), text, ws); err != nil {
		t.Fatal(err)
	}
	r := rules{lines: ws.lines}
	for i := range r.lines {
		r.lines[i].bp, r.lines[i].reason = false, ReasonNone
	}
	return r, text
}

// checkFurniture checks, line by line, whether each listed line is marked
// as furniture.
func checkFurniture(t *testing.T, r rules, lines []string, want map[int]bool) {
	t.Helper()
	for i, w := range want {
		if got := r.lines[i].bp; got != w {
			t.Errorf("line %d %q: furniture %v, want %v", i, lines[i], got, w)
		}
	}
}
