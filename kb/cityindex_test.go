package kb

import (
	"context"
	"reflect"
	"testing"
)

// TestCityIndexMatchesParsed: the knowledge base answers the same from the
// prebuilt city index as from the parsed cities file — every name key's
// hits in order, every city's fields.
func TestCityIndexMatchesParsed(t *testing.T) {
	ctx := context.Background()
	fast, err := Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fast.cities == nil {
		t.Fatal("the embedded city index did not load (stale? run go run ./tools/gazetteer cityindex)")
	}
	slow, err := LoadParsed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if slow.cities != nil || fast.Len() != slow.Len() {
		t.Fatalf("Len: index %d, parsed %d", fast.Len(), slow.Len())
	}
	type h struct {
		id, alias string
		upper     bool
	}
	flat := func(hs []hit) []h {
		out := make([]h, len(hs))
		for i, x := range hs {
			out[i] = h{x.entry.ID, x.alias, x.upper}
		}
		return out
	}
	n := 0
	for key, want := range slow.byKey {
		got := fast.mergeHits(key, fast.byKey[key])
		if !reflect.DeepEqual(flat(got), flat(want)) {
			t.Errorf("key %q: index %v, parsed %v", key, flat(got), flat(want))
			if n++; n > 10 {
				t.Fatal("too many differences")
			}
		}
	}
	keys := 0
	for range fast.Keys() {
		keys++
	}
	if keys != len(slow.byKey) {
		t.Errorf("Keys: index %d, parsed %d", keys, len(slow.byKey))
	}
	for e := range slow.Entries() {
		if e.tier != tierCities {
			continue
		}
		got := fast.Entry(e.ID)
		if got == nil {
			t.Fatalf("city %s missing from the index", e.ID)
		}
		if !reflect.DeepEqual(*got, *e) {
			t.Fatalf("city %s: index %+v, parsed %+v", e.ID, *got, *e)
		}
		if fast.Entry(e.ID) != got {
			t.Fatalf("city %s materialised twice", e.ID)
		}
	}
	if fast.Entry("no-such-city-id") != nil {
		t.Error("unknown id found")
	}
}

// A watchlist that names an indexed city anew: the new name finds it, the
// old ones still do, and the entry is listed for the mention stage to file.
func TestCityIndexWatchlistRename(t *testing.T) {
	k, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	before := k.Lookup("Mossoul")
	if len(before) == 0 || before[0].ID != "mosul" {
		t.Fatalf("Lookup(Mossoul) = %v", ids(before))
	}
	if _, err := k.MergeWatchlist([]*Entry{{ID: "mosul", Type: LOC, Kind: KindCity, Name: "Mosul", Aliases: []string{"Vessa Old Town"}, Source: "test"}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Vessa Old Town", "Mossoul", "Mosul"} {
		if got := k.Lookup(name); len(got) == 0 || got[0].ID != "mosul" || len(got) != len(dedupeEntries(got)) {
			t.Errorf("Lookup(%q) = %v, want mosul first, once", name, ids(got))
		}
	}
	found := false
	for e := range k.UnindexedEntries() {
		found = found || e.ID == "mosul"
	}
	if !found {
		t.Error("the renamed city is not among UnindexedEntries")
	}
	// A user entry may not take a city's id.
	if err := k.add([]*Entry{{ID: "mosul", Type: ORG, Name: "Mosul Brigade", Source: "user.yaml:1"}}); err == nil {
		t.Error("a user entry took an indexed city's id")
	}
}

func dedupeEntries(es []*Entry) []*Entry {
	seen := map[*Entry]bool{}
	var out []*Entry
	for _, e := range es {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}
