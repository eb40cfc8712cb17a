package query

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// show renders a query as "[a|b] [c] -[d]" with * for prefixes.
func show(q Query) string {
	var parts []string
	term := func(t Term) string {
		if t.Prefix {
			return t.Text + "*"
		}
		return t.Text
	}
	for _, g := range q.Groups {
		var alts []string
		for _, t := range g {
			alts = append(alts, term(t))
		}
		parts = append(parts, "["+strings.Join(alts, "|")+"]")
	}
	for _, t := range q.Excluded {
		parts = append(parts, "-["+term(t)+"]")
	}
	return strings.Join(parts, " ")
}

func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		{`ISKP Tajik`, `[ISKP] [Tajik]`},
		{`"Islamic State" Khorasan`, `[Islamic State] [Khorasan]`},
		{`renseign*`, `[renseign*]`},
		{`Kabul OR Kaboul attack`, `[Kabul|Kaboul] [attack]`},
		{`police -Hamburg -"rail station"`, `[police] -[Hamburg] -[rail station]`},
		{`a -b OR c`, `[a] [c] -[b]`},
		{`al-Qaïda`, `[al-Qaïda]`},
		{`say "hi`, `[say] [hi]`},
		{`OR Kabul OR`, `[Kabul]`},
		{`(x) - y`, `[x] [y]`},
		{"bad\xffbyte\x00z", `[bad] [byte] [z]`},
		{`"" *** -`, ``},
	}
	for _, tc := range tests {
		if got := show(Parse(tc.in)); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if q := Parse(strings.Repeat("w ", 1000)); len(q.Groups) != MaxTerms {
		t.Errorf("long query: %d terms, want %d", len(q.Groups), MaxTerms)
	}
	if got := fmt.Sprint(Words("l'État al-Qaïda 9/11")); got != "[l État al Qaïda 9 11]" {
		t.Errorf("Words = %s", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`ISKP Tajik`, `"Islamic State" -Syria`, `renseign* OR x`, `-"`, `a OR OR b`, "é\u0301\x00", `*-*`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		n := len(q.Excluded)
		for _, g := range q.Groups {
			if len(g) == 0 {
				t.Fatalf("%q: empty group", s)
			}
			n += len(g)
		}
		if n > MaxTerms {
			t.Fatalf("%q: %d terms", s, n)
		}
		for _, g := range append(q.Groups, q.Excluded) {
			for _, term := range g {
				if !utf8.ValidString(term.Text) || !hasWordRune(term.Text) || strings.ContainsAny(term.Text, "\x00\n") {
					t.Fatalf("%q: bad term %q", s, term.Text)
				}
			}
		}
	})
}
