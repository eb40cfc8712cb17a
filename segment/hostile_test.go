package segment

import (
	"strings"
	"testing"
)

// TestHostileInputsStayLinear feeds long pathological inputs; a quadratic
// scan would take minutes on them.
func TestHostileInputsStayLinear(t *testing.T) {
	s := newStage(t)
	inputs := map[string]string{
		"list markers on one line": strings.Repeat("1. ", 300_000),
		"apostrophes":              strings.Repeat("l'", 300_000) + "a",
		"hyphens":                  strings.Repeat("a-", 300_000) + "il",
		"dots":                     strings.Repeat("a.", 300_000),
		"digits groups":            strings.Repeat("1 000 ", 150_000),
		"newlines":                 strings.Repeat("A\n", 300_000),
		"invalid bytes":            strings.Repeat("\xff\xe2\x80", 200_000),
		"quotes":                   strings.Repeat("x. » ", 150_000),
	}
	// A quadratic scan takes minutes here and trips the test timeout; the
	// time itself is measured by BenchmarkHostileInputs, not asserted.
	for _, text := range inputs {
		toks, sents := s.Segment(text, "fr", nil)
		checkInvariants(t, text, toks, sents)
	}
}

// BenchmarkHostileInputs reports the segmenter's speed on degenerate input.
func BenchmarkHostileInputs(b *testing.B) {
	s := newStage(b)
	text := strings.Repeat("l'", 150_000) + strings.Repeat("1. ", 100_000) + strings.Repeat("x. » ", 50_000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Segment(text, "fr", nil)
	}
}

// TestLongRunIsCut: a line with no sentence punctuation becomes sentences
// of at most MaxSentenceTokens tokens, covering every token.
func TestLongRunIsCut(t *testing.T) {
	s := newStage(t)
	text := strings.Repeat("guards stopped drones near Vessa ", 2000)
	toks, sents := s.Segment(text, "en", nil)
	if len(sents) < len(toks)/MaxSentenceTokens {
		t.Fatalf("%d sentences for %d tokens", len(sents), len(toks))
	}
	ti := 0
	for _, sp := range sents {
		n := 0
		for ti < len(toks) && toks[ti].Start < sp.End {
			n++
			ti++
		}
		if n > MaxSentenceTokens {
			t.Errorf("sentence %v holds %d tokens", sp, n)
		}
	}
	if ti != len(toks) {
		t.Errorf("sentences cover %d of %d tokens", ti, len(toks))
	}
}
