package kb

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestRegistryCoverage reports how many entities of the shared development
// registry the knowledge base finds by one of their names, and that no two
// registry entities land on the same KB entry (a false merge). It measures,
// it does not fit: it skips when the shared directory is absent.
func TestRegistryCoverage(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "eval", "dev", "entities.registry.json")
	if _, err := os.Stat(path); err != nil {
		path = "/work/shared/eval/dev/entities.registry.json"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("shared evaluation data not available")
	}
	var reg map[string]struct {
		Type      string   `json:"type"`
		Canonical string   `json:"canonical"`
		Aliases   []string `json:"aliases"`
	}
	if err := json.Unmarshal(data, &reg); err != nil {
		t.Fatal(err)
	}
	k := mustKB(t)
	found, typeOK := 0, 0
	byEntry := map[string][]string{}
	var missing []string
	for id, r := range reg {
		var hit *Entry
		for _, n := range append([]string{r.Canonical}, r.Aliases...) {
			if es := k.Lookup(n); len(es) > 0 {
				hit = es[0]
				break
			}
		}
		if hit == nil {
			missing = append(missing, r.Type+" "+r.Canonical)
			continue
		}
		found++
		if string(hit.Type) == r.Type {
			typeOK++
		}
		byEntry[hit.ID] = append(byEntry[hit.ID], id)
	}
	sort.Strings(missing)
	t.Logf("registry entities found by name: %d/%d (type agrees %d)", found, len(reg), typeOK)
	t.Logf("missing: %v", missing)
	for e, regIDs := range byEntry {
		if len(regIDs) > 1 {
			// Logged, not failed: a registry may use an ambiguous local name
			// (Mozambique's insurgents called "Shabaab") that the KB keeps on one entity.
			t.Logf("KB entry %s matches several registry entities: %v", e, regIDs)
		}
	}
}
