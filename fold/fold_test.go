package fold

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Straße", "strasse"},
		{"STRASSE", "strasse"},
		{"Œuvre", "oeuvre"},
		{"Þór", "thor"},
		{"Łódź", "lodz"},
		{"Ærø", "aero"},
		{"Al-Qaïda", "al-qaida"},
		{"État islamique", "etat islamique"},
		{"Șerban Ţăranu", "serban taranu"}, // comma-below letters of Latin Extended-B
		{"Nguyễn", "nguyen"},
		{"Đorđe", "dorde"},
		{"İstanbul", "istanbul"},
		{"e\u0301te\u0301", "ete"}, // decomposed accents
		{"Москва", "москва"},       // other scripts: lower case only
		{"3 × 4", "3 × 4"},         // no letter, kept
		{"plain ascii", "plain ascii"},
	}
	for _, tc := range tests {
		if got := String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestExpanded(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Die Straße nach Þór", "Die Strasse nach thór"},
		{"Œuvre d'Orient", "oeuvre d'Orient"},
		{"Élysée", "Élysée"}, // a decomposable accent is the tokenizer's to strip
		{"no special letters", "no special letters"},
	}
	for _, tc := range tests {
		if got := Expanded(tc.in); got != tc.want {
			t.Errorf("Expanded(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFoldIsIdempotent: folding a fold changes nothing, so keys built from
// folded data and folded text meet.
func TestFoldIsIdempotent(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue // surrogates are no runes
		}
		once := String(string(r))
		if twice := String(once); twice != once {
			t.Errorf("%U: %q folds again to %q", r, once, twice)
		}
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"Straße", "Œuvre", "\xff\xfe", "Þór Ærø", "e\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := String(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("String(%q) = %q is not valid UTF-8", s, got)
		}
		if String(got) != got && utf8.ValidString(s) {
			t.Fatalf("String not idempotent on %q: %q then %q", s, got, String(got))
		}
		e := Expanded(s)
		if !strings.ContainsFunc(s, Expands) && e != s {
			t.Fatalf("Expanded(%q) = %q changed a text without special letters", s, e)
		}
	})
}
