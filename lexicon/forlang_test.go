package lexicon

import "testing"

func TestForLang(t *testing.T) {
	en, fr, all := new(int), new(int), new(int)
	byLang := map[string]*int{"en": en, "fr": fr}
	for _, c := range []struct {
		lang string
		want *int
	}{{"en", en}, {"FR", fr}, {"", all}, {"de", all}} {
		if got := ForLang(byLang, all, c.lang); got != c.want {
			t.Errorf("ForLang(%q) picked the wrong rules", c.lang)
		}
	}
	if got := ForLang(byLang, (*int)(nil), "de"); got != nil {
		t.Error("a stage without a union gets nothing for an unknown language")
	}
}
