package sqlite

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

func TestSnippet(t *testing.T) {
	mark := func(s string) string {
		return strings.NewReplacer("[", dossier.SnippetStart, "]", dossier.SnippetEnd).Replace(s)
	}
	long := strings.Repeat("word ", 30)
	tests := []struct{ query, text, want string }{
		{"attack", "The attacks in Kabul were claimed.", mark("The [attacks] in Kabul were claimed.")},
		{"Qaida", "Al-Qaïda a revendiqué.", mark("Al-[Qaïda] a revendiqué.")},
		{"renseign*", "Les services de renseignement français.", mark("Les services de [renseignement] français.")},
		{`"Islamic State" -Syria`, "Fighters of the Islamic State left Syria.", mark("Fighters of the [Islamic] [State] left Syria.")},
		{"terroristes", "Un terroriste arrêté.", mark("Un [terroriste] arrêté.")},
		{`"État islamique"`, "Les États-Unis frappent l'État islamique.", mark("Les États-Unis frappent l'[État] [islamique].")},
		{`"Islamic State" State`, "The State and the Islamic State.", mark("The [State] and the [Islamic] [State].")},
		{"Kabul", long + "in Kabul today " + long, mark("…word word word word in [Kabul] today word word word word word word word word word word word word word…")},
		{"strasse", "Die Straße nach Þórshöfn.", mark("Die [Straße] nach Þórshöfn.")},
		{"Þórshöfn", "Die Straße nach Thorshofn.", mark("Die Straße nach [Thorshofn].")},
		{"oeuvre", "Une Œuvre caritative.", mark("Une [Œuvre] caritative.")},
		{"absent", "No match here at all.", "No match here at all."},
		{"x", "", ""},
	}
	for _, tc := range tests {
		if got := snippet(tc.text, snippetTerms(tc.query)); got != tc.want {
			t.Errorf("snippet(%q, %q) =\n %q\nwant\n %q", tc.query, tc.text, got, tc.want)
		}
	}
}

func FuzzSnippet(f *testing.F) {
	for _, s := range []string{"Al-Qaïda attacks", "\xff\xfe", "é\u0301 x", "a*b c"} {
		f.Add("attack* -x", s)
	}
	f.Fuzz(func(t *testing.T, q, text string) {
		got := snippet(text, snippetTerms(q))
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Fatalf("snippet(%q, %q) = %q: invalid UTF-8", q, text, got)
		}
		if strings.Count(got, dossier.SnippetStart) != strings.Count(got, dossier.SnippetEnd) {
			t.Fatalf("snippet(%q, %q) = %q: unbalanced marks", q, text, got)
		}
		plain := strings.NewReplacer(dossier.SnippetStart, "", dossier.SnippetEnd, "", "…", "").Replace(got)
		clean := strings.NewReplacer(dossier.SnippetStart, " ", dossier.SnippetEnd, " ").Replace(text)
		if !strings.Contains(clean, plain) && !strings.Contains(text, "…") && utf8.ValidString(text) {
			t.Fatalf("snippet(%q, %q) = %q: not an excerpt", q, text, got)
		}
	})
}
