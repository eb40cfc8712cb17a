package kb

import (
	"strings"
	"testing"
)

// TestSubdivisions: the generated first-level subdivisions (data/subdivisions.tsv.gz,
// go run ./tools/gazetteer subdivisions) load as regions of their country, and
// the names the generator leaves out still reach what they did.
func TestSubdivisions(t *testing.T) {
	k := mustKB(t)
	n := 0
	for e := range k.Entries() {
		if !strings.HasPrefix(e.Source, subdivisionsFile+":") {
			continue
		}
		n++
		if e.Type != LOC || e.Kind != KindRegion || e.Country == "" || !e.HasCoords || e.tier != tierRegions {
			t.Errorf("%s (%s): want a LOC region of a country with coordinates, tier regions", e.ID, e.Source)
		}
	}
	// 2,256 of gountries' 4,369 when written; see tools/gazetteer/README.md.
	if n < 2000 || n > 3000 {
		t.Errorf("%d subdivisions loaded, want 2,000-3,000", n)
	}
	for _, c := range []struct {
		name, country string
		kind          Kind
		generated     bool // from the subdivisions file (else hand-written or a city)
	}{
		{"Manche", "FR", KindRegion, true},
		{"Calvados", "FR", KindRegion, true},
		{"Landes", "FR", KindRegion, true},
		{"Marne", "FR", KindRegion, true},
		{"Seine-et-Marne", "FR", KindRegion, true},
		{"Zamfara", "NG", KindRegion, true},
		{"Akwa Ibom", "NG", KindRegion, true},
		{"Uruzgan", "AF", KindRegion, true},
		{"Nimroz", "AF", KindRegion, true},
		{"Borno", "NG", KindRegion, false},   // regions.yaml already
		{"Helmand", "AF", KindRegion, false}, // regions.yaml already
		{"Kano", "NG", KindCity, false},      // named after its seat: the city
		{"Vienne", "AT", KindCity, false},    // Vienna, not the département
	} {
		ms := k.Find(c.name)
		if len(ms) == 0 {
			t.Errorf("Find(%q): nothing", c.name)
			continue
		}
		e := ms[0].Entry
		if e.Country != c.country || e.Kind != c.kind || strings.HasPrefix(e.Source, subdivisionsFile) != c.generated {
			t.Errorf("Find(%q) = %s (%s %s, %s), want a %s of %s (generated %v)", c.name, e.ID, e.Kind, e.Country, e.Source, c.kind, c.country, c.generated)
		}
	}
	// Left out by rule: common words, a word opening other places' names.
	for _, name := range []string{"Central", "Western", "Plateau", "Delta", "Nord", "Ain", "Centre"} {
		for _, m := range k.Find(name) {
			if strings.HasPrefix(m.Entry.Source, subdivisionsFile) {
				t.Errorf("Find(%q) reaches the subdivision %s", name, m.Entry.ID)
			}
		}
	}
}
