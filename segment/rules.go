package segment

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrevClass says how the period after an abbreviation behaves.
type abbrevClass uint8

const (
	notAbbrev abbrevClass = iota
	// classTitle never ends a sentence: "Mr. Smith".
	classTitle
	// classAmbiguous ends one only before a usual sentence opener or at a line end.
	classAmbiguous
	// classSeries ("etc.") ends one before any capitalised word.
	classSeries
)

// maxKey bounds the words looked up in the maps; longer ones never match, and
// the bound keeps the lowercasing buffer on the stack.
const maxKey = 48

// rules is one language's compiled lexicon. Immutable after compile.
type rules struct {
	// abbrevExact matches entries written with capitals; abbrevFolded matches
	// lower-case entries against the lowercased token. Keys have no final period.
	abbrevExact  map[string]abbrevClass
	abbrevFolded map[string]abbrevClass
	starters     map[string]bool
	elisions     map[string]bool // lowercased, without the apostrophe
	contractions map[string]bool // lowercased, without the apostrophe
	wholeWords   map[string]bool // lowercased, apostrophes normalised to '
	clitics      []string        // longest first
	numSuffixes  map[string]bool
	spaceGroups  bool
}

func compile(f *lexiconFile) *rules {
	r := &rules{
		abbrevExact:  map[string]abbrevClass{},
		abbrevFolded: map[string]abbrevClass{},
		starters:     map[string]bool{},
		elisions:     map[string]bool{},
		contractions: map[string]bool{},
		wholeWords:   map[string]bool{},
		numSuffixes:  map[string]bool{},
		spaceGroups:  f.SpaceGroupsDigits,
	}
	// Later classes win over earlier ones when the union lists a word twice:
	// a title in one language must not turn into a sentence end in another.
	addAbbrevs := func(words []string, c abbrevClass) {
		for _, w := range words {
			key := strings.TrimSuffix(strings.TrimSpace(w), ".")
			if key == "" {
				continue
			}
			m := r.abbrevExact
			if key == strings.ToLower(key) {
				m = r.abbrevFolded
			}
			if old, ok := m[key]; !ok || c == classTitle || old != classTitle {
				m[key] = c
			}
		}
	}
	addAbbrevs(f.SeriesEnders, classSeries)
	addAbbrevs(f.Abbreviations, classAmbiguous)
	addAbbrevs(f.Titles, classTitle)
	addFolded := func(m map[string]bool, words []string, trim string) {
		for _, w := range words {
			k := foldKey(strings.Trim(strings.TrimSpace(w), trim))
			if k != "" {
				m[k] = true
			}
		}
	}
	addFolded(r.starters, f.SentenceStarters, "")
	addFolded(r.elisions, f.Elisions, "'’")
	addFolded(r.contractions, f.Contractions, "'’")
	addFolded(r.wholeWords, f.WholeWords, "")
	addFolded(r.numSuffixes, f.NumberSuffixes, "")
	seen := map[string]bool{}
	for _, c := range f.HyphenClitics {
		c = strings.TrimSpace(c)
		if len(c) > 1 && c[0] == '-' && !seen[c] {
			seen[c] = true
			r.clitics = append(r.clitics, c)
		}
	}
	sort.SliceStable(r.clitics, func(i, j int) bool { return len(r.clitics[i]) > len(r.clitics[j]) })
	return r
}

// foldKey lowercases s and normalises the typographic apostrophe, as lookups do.
func foldKey(s string) string {
	var buf [maxKey]byte
	k, ok := fold(&buf, s)
	if !ok {
		return strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	}
	return string(k)
}

// fold writes s lowercased, with ’ as ', into buf. It reports false when s
// does not fit. Invalid bytes are copied as they are.
func fold(buf *[maxKey]byte, s string) ([]byte, bool) {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if n >= maxKey {
				return nil, false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if n >= maxKey {
				return nil, false
			}
			buf[n] = c
			n++
			i++
			continue
		}
		if r == '’' {
			r = '\''
		} else {
			r = unicode.ToLower(r)
		}
		if n+utf8.RuneLen(r) > maxKey {
			return nil, false
		}
		n += utf8.EncodeRune(buf[n:], r)
		i += size
	}
	return buf[:n], true
}

// inFolded reports whether the folded form of s is a key of m.
func inFolded(m map[string]bool, s string) bool {
	if len(m) == 0 || len(s) > maxKey*2 {
		return false
	}
	var buf [maxKey]byte
	k, ok := fold(&buf, s)
	return ok && m[string(k)]
}

// abbrev classifies word, written without its final period.
func (r *rules) abbrev(word string) abbrevClass {
	if c, ok := r.abbrevExact[word]; ok {
		return c
	}
	if len(word) <= maxKey*2 {
		var buf [maxKey]byte
		if k, ok := fold(&buf, word); ok {
			if c, ok := r.abbrevFolded[string(k)]; ok {
				return c
			}
		}
	}
	return notAbbrev
}
