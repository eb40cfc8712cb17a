package devcorpus_test

import (
	"testing"

	"github.com/dossier-project/dossier/internal/devcorpus"
)

// TestExtractionCore holds issue #2's targets on the development corpus:
// lang_acc 1.0, boilerplate_removed ≥ 0.90 with content_kept 1.0, figures
// F1 ≥ 0.85, date_acc 1.0.
func TestExtractionCore(t *testing.T) {
	run := devcorpus.Extract(t)
	if testing.Verbose() {
		run.Scores["all"].Log(t, "all", "kept-boilerplate", "dropped-content")
	}
	run.Scores["all"].Log(t, "all", "figures", "boilerplate_removed", "content_kept", "lang_acc", "date_acc")
	run.Check(t, 0,
		devcorpus.Target{Metric: "lang_acc", Min: 1.0},
		devcorpus.Target{Metric: "boilerplate_removed", Min: 0.90},
		devcorpus.Target{Metric: "content_kept", Min: 1.0},
		devcorpus.Target{Metric: "figures", Min: 0.85},
		devcorpus.Target{Metric: "date_acc", Min: 1.0},
	)
}
