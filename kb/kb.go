// Package kb is dossier's knowledge base: well-known actors (armed groups,
// agencies, governments, international bodies, people), countries, regions
// and cities, with their aliases across languages and transliterations.
//
// The data ships inside the binary (directory data, see README.md for the
// format); users add their own files with AddFile. Names are matched through
// Key, a transliteration-aware matching key. A KB is immutable once loaded
// and safe for concurrent readers; AddFile must not run concurrently with reads.
package kb

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Type is the entity type of the extraction contract.
type Type string

const (
	PER Type = "PER"
	ORG Type = "ORG"
	LOC Type = "LOC"
)

// Kind refines Type.
type Kind string

const (
	KindArmedGroup   Kind = "armed_group"
	KindTerroristOrg Kind = "terrorist_org"
	KindAgency       Kind = "agency" // intelligence, police, judicial
	KindGovernment   Kind = "government"
	KindMilitary     Kind = "military"
	KindIntlOrg      Kind = "intl_org"
	KindCourt        Kind = "court"
	KindParty        Kind = "party"
	KindMedia        Kind = "media"
	KindCompany      Kind = "company"
	KindPerson       Kind = "person"
	KindCountry      Kind = "country"
	KindRegion       Kind = "region"
	KindCity         Kind = "city"
	KindSite         Kind = "site"
	KindNGO          Kind = "ngo"  // NGOs, think tanks, research centres
	KindClub         Kind = "club" // sports clubs, leagues and federations
)

// kindType says which Type each Kind belongs to.
var kindType = map[Kind]Type{
	KindArmedGroup: ORG, KindTerroristOrg: ORG, KindAgency: ORG, KindGovernment: ORG,
	KindMilitary: ORG, KindIntlOrg: ORG, KindCourt: ORG, KindParty: ORG, KindMedia: ORG,
	KindCompany: ORG, KindNGO: ORG, KindClub: ORG, KindPerson: PER, KindCountry: LOC, KindRegion: LOC, KindCity: LOC, KindSite: LOC,
}

// Entry is one real-world entity.
type Entry struct {
	ID      string // stable slug: lowercase ASCII, digits, hyphens
	Type    Type
	Kind    Kind
	Name    string   // canonical display name
	Aliases []string // other names, any language or spelling
	// WeakAliases are names the entity shares with others or with common
	// words ("Shabaab", "youth", is also the local name of Mozambique's
	// ASWJ). Lookup ignores them; the mention stage links them only when the
	// document also names the entity by a strong alias or names its country.
	WeakAliases []string
	Parent      string // id of the entity this one is part of, or ""
	Country     string // ISO 3166-1 alpha-2, or ""
	// Lat and Lon are WGS84 degrees, meaningful when HasCoords.
	Lat, Lon   float64
	HasCoords  bool
	Population int64 // cities: GeoNames population
	GeoNames   int64 // cities: GeoNames id
	Note       string
	// Source is where the entry was read ("data/actors/groups.yaml:12").
	Source string

	tier int      // lookup priority: hand-written 0, countries 1, regions 2, cities 3
	keys []string // Key of Name then of each alias, filled by computeKeys
}

// computeKeys fills e.keys; it may run concurrently for different entries.
func (e *Entry) computeKeys() {
	e.keys = make([]string, 1+len(e.Aliases))
	e.keys[0] = Key(e.Name)
	for i, a := range e.Aliases {
		e.keys[i+1] = Key(a)
	}
}

// Capital reports a city that is its country's capital (the gazetteer notes it).
func (e *Entry) Capital() bool { return e.Kind == KindCity && e.Note == "capital" }

// Names returns the canonical name followed by the aliases.
func (e *Entry) Names() []string {
	return append([]string{e.Name}, e.Aliases...)
}

// Match is one way a name reached an entry: which alias, by which rule.
type Match struct {
	Entry *Entry
	Alias string // the alias (or canonical name) as written in the knowledge base
	Rule  string // RuleKey or RulePlural
}

// Rules that explain a match.
const (
	RuleKey    = "key"    // same Key as the alias
	RulePlural = "plural" // same Key once a plural "s" is removed ("talibans")
)

type hit struct {
	entry *Entry
	alias string
	// upper: the alias is a short all-capitals acronym ("IS", "EI"); it matches
	// only names without lowercase letters, so "is" never reaches Islamic State.
	upper bool
}

// KB is a loaded knowledge base.
type KB struct {
	entries  []*Entry
	byID     map[string]*Entry
	byKey    map[string][]hit
	demonyms map[string]Demonym
	// demonymFolds: every listed nationality form, folded (case and
	// accents), which a word must match as well as the key.
	demonymFolds map[string]bool
	// cities is the prebuilt index of the cities tier (nil: the cities are
	// in the maps above, as any other entry).
	cities *cityIndex
	// renamed are the indexed cities a watchlist gave names the index does not file.
	renamed []*Entry
}

func newKB() *KB {
	return &KB{byID: map[string]*Entry{}, byKey: make(map[string][]hit, 1<<13), demonyms: map[string]Demonym{}}
}

// Load reads the embedded knowledge base, then each extra file (YAML or CSV/TSV,
// by extension) in order. It checks ctx between files.
func Load(ctx context.Context, extra ...string) (*KB, error) {
	return load(ctx, true, extra...)
}

func load(ctx context.Context, cityIndex bool, extra ...string) (*KB, error) {
	k := newKB()
	if err := k.loadEmbedded(ctx, cityIndex); err != nil {
		return nil, err
	}
	for _, path := range extra {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
		if err := k.AddFile(path); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// add indexes new entries after validating them against what is loaded.
func (k *KB) add(entries []*Entry) error {
	for _, e := range entries {
		if prev := k.Entry(e.ID); prev != nil {
			return fmt.Errorf("%s: duplicate id %q (first defined at %s)", e.Source, e.ID, prev.Source)
		}
		k.byID[e.ID] = e
	}
	for _, e := range entries {
		if e.Parent == "" {
			continue
		}
		if k.Entry(e.Parent) == nil {
			return fmt.Errorf("%s: %s: unknown parent %q", e.Source, e.ID, e.Parent)
		}
		// A cycle would make Ancestors loop.
		seen := map[string]bool{e.ID: true}
		for p := e.Parent; p != ""; p = k.Entry(p).Parent {
			if seen[p] {
				return fmt.Errorf("%s: %s: parent cycle through %q", e.Source, e.ID, p)
			}
			seen[p] = true
		}
	}
	for _, e := range entries {
		if len(e.keys) != 1+len(e.Aliases) {
			e.computeKeys()
		}
		for i := -1; i < len(e.Aliases); i++ {
			alias := e.Name
			if i >= 0 {
				alias = e.Aliases[i]
			}
			key := e.keys[i+1]
			if key == "" {
				return fmt.Errorf("%s: %s: name or alias %q has no letters or digits", e.Source, e.ID, alias)
			}
			k.index(e, alias, key)
		}
	}
	k.entries = append(k.entries, entries...)
	return nil
}

func (k *KB) index(e *Entry, alias, key string) {
	// A demonym ("Syrien" is German for Syria and French for Syrian) is never
	// a place name: only the canonical name may override that.
	if e.tier > 0 && alias != e.Name {
		if _, ok := k.demonyms[key]; ok {
			return
		}
	}
	h := hit{entry: e, alias: alias, upper: isAcronym(alias)}
	hits := k.byKey[key]
	for i, o := range hits {
		if o.entry == e {
			if o.upper && !h.upper { // a mixed-case alias widens the match
				hits[i] = h
			}
			return
		}
	}
	i, _ := slices.BinarySearchFunc(hits, h, compareHits)
	k.byKey[key] = slices.Insert(hits, i, h)
}

// compareHits orders lookups: hand-written entries first, then countries,
// regions, cities by population.
func compareHits(a, b hit) int {
	if c := cmp.Compare(a.entry.tier, b.entry.tier); c != 0 {
		return c
	}
	return cmp.Compare(b.entry.Population, a.entry.Population)
}

// isAcronym reports a short all-capitals alias (at most 5 letters).
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && letters <= 5
}

func hasLower(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLower(r) {
			return true
		}
		i += n
	}
	return false
}

// Find returns the entries a name may denote, best first, with the alias and
// rule that matched. An exact Key match wins; failing that, an organisation
// named in the plural ("les talibans", "Houthis") matches its singular alias.
func (k *KB) Find(name string) []Match {
	key := Key(name)
	if key == "" {
		return nil
	}
	lower := hasLower(name)
	out := k.collect(nil, key, lower, RuleKey, nil)
	if len(out) > 0 {
		return out
	}
	if n := len(key); n > 4 && key[n-1] == 's' && key[n-2] != ' ' {
		// Re-key: removing the s can expose another rule ("Hezbollahs" → "hezbolah" → "hezbola").
		out = k.collect(out, Key(key[:n-1]), lower, RulePlural, func(e *Entry) bool { return e.Type == ORG })
	}
	return out
}

func (k *KB) collect(out []Match, key string, lower bool, rule string, keep func(*Entry) bool) []Match {
	for _, h := range k.mergeHits(key, k.byKey[key]) {
		if h.upper && lower {
			continue
		}
		if keep != nil && !keep(h.entry) {
			continue
		}
		out = append(out, Match{Entry: h.entry, Alias: h.alias, Rule: rule})
	}
	return out
}

// Lookup returns the entries a name may denote, best first (see Find).
func (k *KB) Lookup(name string) []*Entry {
	ms := k.Find(name)
	if len(ms) == 0 {
		return nil
	}
	out := make([]*Entry, len(ms))
	for i, m := range ms {
		out[i] = m.Entry
	}
	return out
}

// Entry returns the entry with this id, or nil.
func (k *KB) Entry(id string) *Entry {
	if e := k.byID[id]; e != nil || k.cities == nil {
		return e
	}
	return k.cities.cityByID(id)
}

// Parent returns the entry that id is part of, or nil.
func (k *KB) Parent(id string) *Entry {
	e := k.Entry(id)
	if e == nil || e.Parent == "" {
		return nil
	}
	return k.Entry(e.Parent)
}

// Ancestors returns the chain of parents of id, nearest first.
func (k *KB) Ancestors(id string) []*Entry {
	var out []*Entry
	for p := k.Parent(id); p != nil; p = k.Parent(p.ID) {
		out = append(out, p)
	}
	return out
}

// Len is the number of entries.
func (k *KB) Len() int {
	if k.cities != nil {
		return len(k.entries) + k.cities.n
	}
	return len(k.entries)
}

// Entries iterates over all entries in load order, except that the cities
// of the prebuilt index come last, after the user's entries.
func (k *KB) Entries() iter.Seq[*Entry] {
	return func(yield func(*Entry) bool) {
		for _, e := range k.entries {
			if !yield(e) {
				return
			}
		}
		if k.cities != nil {
			for i := range k.cities.n {
				if !yield(k.cities.entry(i)) {
					return
				}
			}
		}
	}
}

// UnindexedEntries iterates over the entries whose names the prebuilt city
// phrase table (CityPhrases) does not file: every entry but the indexed
// cities, and those cities a watchlist gave new names.
func (k *KB) UnindexedEntries() iter.Seq[*Entry] {
	return func(yield func(*Entry) bool) {
		for _, e := range k.entries {
			if !yield(e) {
				return
			}
		}
		for _, e := range k.renamed {
			if !yield(e) {
				return
			}
		}
	}
}

// Keys iterates over every alias key with its matches, best first, for
// building a matcher (a trie or an Aho-Corasick automaton over keys).
// The order of keys is unspecified.
func (k *KB) Keys() iter.Seq2[string, []Match] {
	return func(yield func(string, []Match) bool) {
		emit := func(key string, hits []hit) bool {
			ms := make([]Match, len(hits))
			for i, h := range hits {
				ms[i] = Match{Entry: h.entry, Alias: h.alias, Rule: RuleKey}
			}
			return yield(key, ms)
		}
		for key, hits := range k.byKey {
			if !emit(key, k.mergeHits(key, hits)) {
				return
			}
		}
		if k.cities == nil {
			return
		}
		for rec := range k.cities.tables[tableKeys].nrecords {
			key := k.cities.recordKey(tableKeys, rec)
			if _, inMap := k.byKey[key]; inMap {
				continue
			}
			if !emit(key, k.cities.hits(key, nil)) {
				return
			}
		}
	}
}

// CaseSensitive reports whether alias only matches all-capital names (short
// acronyms such as "IS" or "EI", which are common words in lowercase).
func CaseSensitive(alias string) bool { return isAcronym(alias) }
