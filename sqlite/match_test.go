package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/sqlite"
)

func TestMatchExpr(t *testing.T) {
	tests := []struct{ in, want string }{
		{`ISKP Tajik`, `"ISKP" AND "Tajik"`},
		{`"Islamic State" Khorasan`, `"Islamic State" AND "Khorasan"`},
		{`renseign*`, `"renseign"*`},
		{`Kabul OR Kaboul attack`, `("Kabul" OR "Kaboul") AND "attack"`},
		{`police -Hamburg -"rail station"`, `"police" NOT ("Hamburg" OR "rail station")`},
		{`a b -c`, `("a" AND "b") NOT ("c")`},
		{`al-Qaïda`, `"al-Qaïda"`},
		{`NEAR(x y) col:z AND`, `"NEAR" AND "x" AND "y" AND "col:z" AND "AND"`},
		{`say "hi`, `"say" AND "hi"`},
		{`OR Kabul`, `"Kabul"`},
		{"bad\xffbyte", `"bad" AND "byte"`},
		{`"quote""inside"`, `"quote" AND "inside"`},
	}
	for _, tc := range tests {
		got, err := sqlite.MatchExpr(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("MatchExpr(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "   ", "-Kabul", `"" ***`, "OR", "( )"} {
		if got, err := sqlite.MatchExpr(in); !errors.Is(err, sqlite.ErrEmptyQuery) {
			t.Errorf("MatchExpr(%q) = %q, %v; want ErrEmptyQuery", in, got, err)
		}
	}
	long := strings.Repeat("w ", 1000)
	got, err := sqlite.MatchExpr(long)
	if err != nil || strings.Count(got, `"w"`) != sqlite.MaxQueryTerms {
		t.Errorf("long query: %d terms, %v", strings.Count(got, `"w"`), err)
	}
}

// FuzzMatchExpr checks that no query makes the parser panic or FTS5 fail.
func FuzzMatchExpr(f *testing.F) {
	for _, s := range []string{`ISKP Tajik`, `"Islamic State" -Syria`, `renseign* OR x`, `NEAR("a" b, 2)`, `col:x ^y`, "\x00\"", `-"`, `a OR OR b`, `*`, `"a*" -b*`, "é\u0301", `a - b`} {
		f.Add(s)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), sqlite.Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	f.Fuzz(func(t *testing.T, q string) {
		expr, err := sqlite.MatchExpr(q)
		if err != nil {
			if !errors.Is(err, sqlite.ErrEmptyQuery) {
				t.Fatalf("MatchExpr(%q): unexpected error %v", q, err)
			}
			return
		}
		if strings.Count(expr, `"`)%2 != 0 {
			t.Fatalf("MatchExpr(%q) = %q: unbalanced quotes", q, expr)
		}
		rank, err := sqlite.RankExpr(q)
		if err != nil {
			t.Fatalf("RankExpr(%q): %v after MatchExpr gave %q", q, err, expr)
		}
		for _, e := range []string{expr, rank} {
			rows, err := db.SQL().Query(`SELECT rowid FROM search WHERE search MATCH ?`, e)
			if err != nil {
				t.Fatalf("%q → %q: FTS5 error %v", q, e, err)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				t.Fatalf("%q → %q: FTS5 error %v", q, e, err)
			}
		}
	})
}

func TestRankExpr(t *testing.T) {
	tests := []struct{ in, want string }{
		{`ISKP Tajik`, `"ISKP" AND "Tajik"`},
		{`"Islamic State" Khorasan`, `("Islamic" AND "State") AND "Khorasan"`},
		{`al-Qaïda OR Daech`, `(("al" AND "Qaïda") OR "Daech")`},
		{`al-Qa*`, `("al" AND "Qa"*)`},
		{`police -"rail station"`, `"police" NOT ("rail station")`},
	}
	for _, tc := range tests {
		got, err := sqlite.RankExpr(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("RankExpr(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}
