package clean

import (
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
