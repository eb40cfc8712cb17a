package mentions

import (
	"context"
	"reflect"
	"testing"

	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
)

// TestCityIndexUpToDate: the knowledge base's prebuilt city phrases are what
// this package's filing gives today (else: go run ./tools/gazetteer cityindex).
func TestCityIndexUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("rebuilds the city index (about a second)")
	}
	words, fp, err := CityPhraseFunc(lexicon.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := kb.CheckCityIndex(words, fp); err != nil {
		t.Fatal(err)
	}
}

// TestGazetteerFromCityIndex: every phrase the gazetteer files from the parsed
// knowledge base is found, with the same candidates in the same order, when
// the cities come from the prebuilt table.
func TestGazetteerFromCityIndex(t *testing.T) {
	ctx := context.Background()
	lex := lexicon.Default()
	fastKB, err := kb.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	slowKB, err := kb.LoadParsed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fast, err := New(lex, fastKB)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := New(lex, slowKB)
	if err != nil {
		t.Fatal(err)
	}
	if fast.gaz.cities == nil {
		t.Fatal("the gazetteer did not take the prebuilt city phrases")
	}
	if slow.gaz.cities != nil {
		t.Fatal("a parsed knowledge base gave city phrases")
	}
	type c struct {
		id, alias                                     string
		upper, capOnly, lowerOK, weak, leadingArticle bool
		words                                         int
	}
	flat := func(p *phraseInfo) (bool, []c) {
		if p == nil {
			return false, nil
		}
		var out []c
		for _, x := range p.cands {
			out = append(out, c{x.entry.ID, x.alias, x.upper, x.capOnly, x.lowerOK, x.weak, x.leadingArticle, x.words})
		}
		return p.prefix, out
	}
	bad := 0
	for key, want := range slow.gaz.phrases {
		got := fast.gaz.lookup([]byte(key))
		gp, gc := flat(got)
		wp, wc := flat(want)
		if gp != wp || !reflect.DeepEqual(gc, wc) {
			t.Errorf("%q: index (%v %v), parsed (%v %v)", key, gp, gc, wp, wc)
			if bad++; bad > 10 {
				t.Fatal("too many differences")
			}
		}
	}
	for rec := range fast.gaz.cities.Len() {
		if key := fast.gaz.cities.Phrase(rec); slow.gaz.phrases[key] == nil {
			t.Errorf("the index files %q, the parsed knowledge base does not", key)
		}
	}
	if fast.gaz.maxWords != slow.gaz.maxWords {
		t.Errorf("maxWords: index %d, parsed %d", fast.gaz.maxWords, slow.gaz.maxWords)
	}
	if !reflect.DeepEqual(fast.gaz.firstPerson, slow.gaz.firstPerson) || !reflect.DeepEqual(fast.gaz.lastPerson, slow.gaz.lastPerson) {
		t.Error("people's first and last words differ")
	}
}
