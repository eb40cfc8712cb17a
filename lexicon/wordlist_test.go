package lexicon

import "testing"

func TestWordList(t *testing.T) {
	l := WordList("apple\nenvoy\nenvoys\nspectator\nzebra\n")
	for _, w := range []string{"apple", "envoy", "envoys", "spectator", "zebra"} {
		if !l.Has([]byte(w)) || !l.HasString(w) {
			t.Errorf("Has(%q) = false", w)
		}
	}
	for _, w := range []string{"", "a", "envo", "envoyss", "zz", "spectators"} {
		if l.Has([]byte(w)) || l.HasString(w) {
			t.Errorf("Has(%q) = true", w)
		}
	}
	if WordList("").Has([]byte("x")) {
		t.Error("the empty list has a word")
	}
	got, err := Default().List("en", PersonNouns)
	if err != nil || !got.Has([]byte("spectators")) {
		t.Errorf("en person_nouns: %v, spectators found %v", err, got.Has([]byte("spectators")))
	}
	if none, err := Default().List("xx", PersonNouns); err != nil || none != "" {
		t.Errorf("a language without the list: %q, %v", none, err)
	}
}
