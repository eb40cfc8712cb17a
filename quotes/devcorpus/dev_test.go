// Package devcorpus measures the quotes stage on the shared development
// corpus (skipped when ../shared is absent).
package devcorpus

import (
	"testing"

	"github.com/dossier-project/dossier/internal/devcorpus"
)

// TestDevCorpus holds regression floors on the 35-document development
// corpus, set to what was measured when it grew from 17 documents (issue
// #12's targets are higher: named 0.92, unnamed 0.85, EN and FR within
// 0.05). Cold: named 0.872, unnamed 0.775; now floors at issue #12's
// targets: quotes F1 ≥ 0.98, named speakers ≥ 0.93, unnamed sources (strict)
// ≥ 0.85, French within 0.05 of English. With -v it lists every quote with its speaker
// (~ for an unnamed source) and score.py's misses.
func TestDevCorpus(t *testing.T) {
	run := devcorpus.Extract(t)
	if testing.Verbose() {
		for _, d := range run.Docs {
			for _, q := range d.Quotes {
				sp, verb := "-", ""
				if q.Speaker != nil {
					sp = d.Slice(q.Speaker.Span)
					if q.Speaker.Entity < 0 {
						sp = "~" + sp
					}
				}
				if q.Verb != nil {
					verb = d.Slice(*q.Verb)
				}
				t.Logf("%s: %.50q ← %s [%s]", d.Name, d.Slice(q.Span), sp, verb)
			}
		}
		run.Scores["all"].Log(t, "all", "miss-quote", "wrong-speaker")
	}
	for _, subset := range []string{"all", "en", "fr"} {
		run.Scores[subset].Log(t, subset, "quotes", "speaker_")
	}
	run.Check(t, 0.05,
		devcorpus.Target{Metric: "quotes", Min: 0.98},
		devcorpus.Target{Metric: "speaker_named_acc", Min: 0.93},
		devcorpus.Target{Metric: "speaker_anon_acc", Min: 0.85},
	)
}
