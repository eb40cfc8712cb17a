package lexicon

import (
	"strings"
	"testing"
)

// wordRun is a run of words where "" marks a position holding no word.
type wordRun []string

func (r wordRun) Word(j int) ([]byte, bool) {
	if j < 0 || j >= len(r) || r[j] == "" {
		return nil, false
	}
	return []byte(r[j]), true
}

func TestPhrasesLongestFromEitherEnd(t *testing.T) {
	p := NewPhrases([]string{"according", "according to", "according to the", "d' après", "to the", "according to"}, strings.Fields)
	if p.Len() != 5 {
		t.Fatalf("Len = %d, want 5 (a repeated phrase counts once)", p.Len())
	}
	run := wordRun(strings.Split("they said , according to the report", " "))
	run[2] = "" // the comma holds no word
	tests := []struct {
		name      string
		got, want int
	}{
		{"forward longest", Forward(p, run, 3, len(run)), 3},
		{"forward bounded by hi", Forward(p, run, 3, 5), 2},
		{"forward bounded to one word", Forward(p, run, 3, 4), 1},
		{"forward no phrase starts here", Forward(p, run, 0, len(run)), 0},
		{"forward at a non-word", Forward(p, run, 2, len(run)), 0},
		{"forward past the end", Forward(p, run, 7, len(run)), 0},
		{"backward longest", Backward(p, run, 5, 0), 3},
		{"backward bounded by lo", Backward(p, run, 5, 4), 2},
		{"backward not across a non-word", Backward(p, wordRun{"according", "", "the"}, 2, 0), 0},
		{"backward no phrase ends here", Backward(p, run, 6, 0), 0},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, tt.got, tt.want)
		}
	}
	var empty *Phrases
	if Forward(empty, run, 3, len(run)) != 0 || Backward(&Phrases{}, run, 5, 0) != 0 || empty.Len() != 0 {
		t.Error("an empty set matched")
	}
}
