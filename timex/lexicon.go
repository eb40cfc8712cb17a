package timex

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/lexicon"
)

// lexiconPart names the data files this package reads: data/<lang>/timex.yaml.
const lexiconPart = "timex"

// relativePhrase is one fixed relative expression ("yesterday", "la semaine
// dernière"). Exactly one unit field is set; its value is the signed offset.
type relativePhrase struct {
	Phrase string `yaml:"phrase"`
	Days   *int   `yaml:"days"`
	Weeks  *int   `yaml:"weeks"`
	Months *int   `yaml:"months"`
	Years  *int   `yaml:"years"`
}

// lexiconFile is the layout of data/<lang>/timex.yaml.
type lexiconFile struct {
	CapitalizedNames     bool              `yaml:"capitalized_names"`
	NumericDayFirst      bool              `yaml:"numeric_day_first"`
	Months               map[string]int    `yaml:"months"`
	MonthAbbreviations   map[string]int    `yaml:"month_abbreviations"`
	Weekdays             map[string]int    `yaml:"weekdays"`
	WeekdayAbbreviations map[string]int    `yaml:"weekday_abbreviations"`
	OrdinalSuffixes      []string          `yaml:"ordinal_suffixes"`
	DayMonthLinks        []string          `yaml:"day_month_links"`
	YearCues             []string          `yaml:"year_cues"`
	MonthCues            []string          `yaml:"month_cues"`
	PastBefore           []string          `yaml:"past_before"`
	PastAfter            []string          `yaml:"past_after"`
	NextBefore           []string          `yaml:"next_before"`
	NextAfter            []string          `yaml:"next_after"`
	DayParts             []string          `yaml:"day_parts"`
	AgoAfter             []string          `yaml:"ago_after"`
	AgoBefore            []string          `yaml:"ago_before"`
	Units                map[string]string `yaml:"units"`
	NumberWords          map[string]int    `yaml:"number_words"`
	Relative             []relativePhrase  `yaml:"relative"`
}

// Word roles, as bits of entry.flags.
const (
	fMonth       uint32 = 1 << iota // full month name: a date on its own after a cue
	fMonthAbbr                      // month abbreviation: a date only next to a number
	fWeekday                        // full weekday name
	fWeekdayAbbr                    // weekday abbreviation: only before a full date
	fCapital                        // month/weekday reading needs a capital initial…
	fLowerOK                        // …unless some language writes it in lower case
	fOrdinal                        // ordinal suffix glued to a day: "15th", "1er"
	fLink                           // "of" in "15th of August"
	fYearCue                        // "in 2014", "en 2016"
	fMonthCue                       // "in October", "début janvier"
	fPastBefore                     // "last Tuesday"
	fPastAfter                      // "mardi dernier"
	fNextBefore                     // "next Tuesday"
	fNextAfter                      // "mardi prochain"
	fDayPart                        // "lundi soir", "Monday night"
	fAgo                            // "two years ago"
	fPhrase                         // first word of a relative or "il y a" phrase
	fUnit                           // day, week, month, year
	fNumber                         // number word: "two", "deux"
)

// entry is what the lexicons say about one lowercase word.
type entry struct {
	flags   uint32
	month   int8
	weekday int8
	number  int16
	unit    Unit
}

// phrase is a multi-word (or single-word) fixed expression, stored under its
// first word. words holds the lowercase tokens after the first one, as the
// scanner tokenises them (apostrophes and hyphens are tokens of their own).
type phrase struct {
	words []string
	// ago is true for an "il y a" phrase that must be followed by a number and a unit.
	ago    bool
	offset int
	unit   Unit
}

// table is the compiled vocabulary of one language, or of all of them merged.
type table struct {
	words   map[string]entry
	phrases map[string][]phrase
	// dayFirst says how to read 03/11/2020: 1 day first, 0 only when unambiguous.
	dayFirst bool
	maxWord  int
	// sigs is a bitset over a cheap signature of every key (first, second and
	// last byte, length): most words of a text cannot be keys, and the filter
	// rejects them before any lowercasing or hashing.
	sigs [(1 << sigBits) / 64]uint64
}

const sigBits = 16

// signature hashes a key, folding ASCII case; every non-ASCII byte counts as
// one class, so that case changes inside a multi-byte letter ("É"/"é") cannot
// change it.
func signature(first, second, last byte, n int) uint32 {
	h := foldByte(first)*961 + foldByte(second)*31 + foldByte(last) + uint32(n)*7919
	return (h ^ h>>sigBits) & (1<<sigBits - 1)
}

func foldByte(b byte) uint32 {
	if b >= utf8.RuneSelf {
		return 0x80
	}
	if b >= 'A' && b <= 'Z' {
		b += 'a' - 'A'
	}
	return uint32(b)
}

func wordSignature(w string) uint32 {
	second := w[0]
	if len(w) > 1 {
		second = w[1]
	}
	return signature(w[0], second, w[len(w)-1], len(w))
}

func (t *table) noteKey(w string) {
	if len(w) > t.maxWord {
		t.maxWord = len(w)
	}
	h := wordSignature(w)
	t.sigs[h/64] |= 1 << (h % 64)
}

// mayBeKey is false for most words that are not keys, and true for every key
// whatever its case — except where lowercasing changes a letter's byte length.
func (t *table) mayBeKey(w string) bool {
	h := wordSignature(w)
	return t.sigs[h/64]&(1<<(h%64)) != 0
}

func newTable() *table {
	return &table{words: map[string]entry{}, phrases: map[string][]phrase{}}
}

// lower returns the lowercase form of a lexicon key, for compile-time use only.
func lowerKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// add merges one language file into t.
func (t *table) add(lang string, f *lexiconFile) error {
	capital := uint32(0)
	if f.CapitalizedNames {
		capital = fCapital
	}
	set := func(word string, flag uint32, fill func(*entry)) error {
		w := lowerKey(word)
		if w == "" {
			return fmt.Errorf("%s: empty word", lang)
		}
		if strings.ContainsFunc(w, func(r rune) bool { return !isWordRune(r) }) {
			return fmt.Errorf("%s: %q is not a single word", lang, word)
		}
		e := t.words[w]
		if flag&(fMonth|fMonthAbbr|fWeekday|fWeekdayAbbr) != 0 {
			// fLowerOK wins in a merged table: one language writing the name in
			// lower case is enough for the lower-case form to be a date.
			if capital != 0 {
				e.flags |= fCapital
			} else {
				e.flags |= fLowerOK
			}
		}
		e.flags |= flag
		if fill != nil {
			fill(&e)
		}
		t.words[w] = e
		t.noteKey(w)
		return nil
	}
	for word, m := range f.Months {
		if m < 1 || m > 12 {
			return fmt.Errorf("%s: month %q = %d out of range", lang, word, m)
		}
		if err := set(word, fMonth, func(e *entry) { e.month = int8(m) }); err != nil {
			return err
		}
	}
	for word, m := range f.MonthAbbreviations {
		if m < 1 || m > 12 {
			return fmt.Errorf("%s: month abbreviation %q = %d out of range", lang, word, m)
		}
		if err := set(word, fMonthAbbr, func(e *entry) {
			if e.month == 0 {
				e.month = int8(m)
			}
		}); err != nil {
			return err
		}
	}
	for word, d := range f.Weekdays {
		if d < 1 || d > 7 {
			return fmt.Errorf("%s: weekday %q = %d out of range", lang, word, d)
		}
		if err := set(word, fWeekday, func(e *entry) { e.weekday = int8(d) }); err != nil {
			return err
		}
	}
	for word, d := range f.WeekdayAbbreviations {
		if d < 1 || d > 7 {
			return fmt.Errorf("%s: weekday abbreviation %q = %d out of range", lang, word, d)
		}
		if err := set(word, fWeekdayAbbr, func(e *entry) {
			if e.weekday == 0 {
				e.weekday = int8(d)
			}
		}); err != nil {
			return err
		}
	}
	lists := []struct {
		words []string
		flag  uint32
	}{
		{f.OrdinalSuffixes, fOrdinal}, {f.DayMonthLinks, fLink}, {f.YearCues, fYearCue},
		{f.MonthCues, fMonthCue}, {f.PastBefore, fPastBefore}, {f.PastAfter, fPastAfter},
		{f.NextBefore, fNextBefore}, {f.NextAfter, fNextAfter}, {f.DayParts, fDayPart},
		{f.AgoAfter, fAgo},
	}
	for _, l := range lists {
		for _, w := range l.words {
			if err := set(w, l.flag, nil); err != nil {
				return err
			}
		}
	}
	for word, u := range f.Units {
		unit, err := parseUnit(u)
		if err != nil {
			return fmt.Errorf("%s: unit of %q: %w", lang, word, err)
		}
		if err := set(word, fUnit, func(e *entry) { e.unit = unit }); err != nil {
			return err
		}
	}
	for word, n := range f.NumberWords {
		if n < 1 || n > 1000 {
			return fmt.Errorf("%s: number word %q = %d out of range", lang, word, n)
		}
		if err := set(word, fNumber, func(e *entry) { e.number = int16(n) }); err != nil {
			return err
		}
	}
	for _, p := range f.AgoBefore {
		if err := t.addPhrase(lang, p, phrase{ago: true}); err != nil {
			return err
		}
	}
	for _, r := range f.Relative {
		ph := phrase{}
		set := 0
		for _, u := range []struct {
			v    *int
			unit Unit
		}{{r.Days, UnitDay}, {r.Weeks, UnitWeek}, {r.Months, UnitMonth}, {r.Years, UnitYear}} {
			if u.v != nil {
				ph.offset, ph.unit = *u.v, u.unit
				set++
			}
		}
		if set != 1 {
			return fmt.Errorf("%s: relative phrase %q needs exactly one of days, weeks, months, years", lang, r.Phrase)
		}
		if err := t.addPhrase(lang, r.Phrase, ph); err != nil {
			return err
		}
	}
	if f.NumericDayFirst {
		t.dayFirst = true
	}
	return nil
}

// addPhrase tokenises text the way the scanner does and files it under its first word.
func (t *table) addPhrase(lang, text string, ph phrase) error {
	var words []string
	pos := 0
	for {
		tok, ok := nextToken(text, pos, len(text))
		if !ok {
			break
		}
		words = append(words, lowerToken(text[tok.start:tok.end]))
		pos = tok.end
	}
	if len(words) == 0 {
		return fmt.Errorf("%s: empty phrase", lang)
	}
	ph.words = words[1:]
	first := words[0]
	t.phrases[first] = append(t.phrases[first], ph)
	e := t.words[first]
	e.flags |= fPhrase
	t.words[first] = e
	t.noteKey(first)
	return nil
}

// lowerToken folds a token for phrase comparison, unifying apostrophes.
func lowerToken(s string) string {
	if s == "’" {
		return "'"
	}
	return strings.ToLower(s)
}

func parseUnit(s string) (Unit, error) {
	switch s {
	case "day":
		return UnitDay, nil
	case "week":
		return UnitWeek, nil
	case "month":
		return UnitMonth, nil
	case "year":
		return UnitYear, nil
	}
	return UnitNone, fmt.Errorf("unknown unit %q (want day, week, month or year)", s)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// loadTables reads every language's timex.yaml into per-language tables and a merged one.
func loadTables(lex *lexicon.Set) (map[string]*table, *table, error) {
	if lex == nil {
		return nil, nil, errors.New("timex: nil lexicon set")
	}
	langs := lex.Langs(lexiconPart)
	if len(langs) == 0 {
		return nil, nil, fmt.Errorf("timex: no %s lexicon in any language: %w", lexiconPart, lexicon.ErrNoLexicon)
	}
	byLang := make(map[string]*table, len(langs))
	all := newTable()
	anyAmbiguous := false
	for _, lang := range langs {
		var f lexiconFile
		if err := lex.Load(lang, lexiconPart, &f); err != nil {
			return nil, nil, fmt.Errorf("timex: %w", err)
		}
		t := newTable()
		if err := t.add(lang, &f); err != nil {
			return nil, nil, fmt.Errorf("timex: lexicon %s/%s.yaml: %w", lang, lexiconPart, err)
		}
		byLang[lang] = t
		if err := all.add(lang, &f); err != nil {
			return nil, nil, fmt.Errorf("timex: lexicon %s/%s.yaml: %w", lang, lexiconPart, err)
		}
		if !f.NumericDayFirst {
			anyAmbiguous = true
		}
	}
	// Without a known language 03/11/2020 is ambiguous unless every language reads it day first.
	all.dayFirst = !anyAmbiguous
	return byLang, all, nil
}
