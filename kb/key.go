package kb

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/dossier-project/dossier/fold"
)

// Key is the matching key of a name: the form under which the knowledge base
// indexes aliases and under which names from different documents, languages
// and transliterations are compared. Key is idempotent (Key(Key(x)) == Key(x)),
// never panics and accepts invalid UTF-8 (bad bytes separate words).
//
// Steps, in order:
//   - case-fold and strip diacritics ("Al-Qaïda" → "al qaida"), fold ß æ œ ø ł,
//     unify Arabic alef/yeh/kaf variants and drop harakat;
//   - apostrophes of every kind join a word ("Hay'at" → "hayat"), except a
//     French elision at the start of a word ("l'État" → "etat") and an
//     English possessive ("Taliban's" → "taliban");
//   - hyphens, dashes and other punctuation separate words;
//   - spelling variants common in transliteration, per word: ch→sh, dj→j,
//     q→k, ou→u, ee→i, ae→ai, doubled letters collapse ("Oussama" → "usama",
//     "Abou" → "abu", "Daech" → "daesh", "Qaeda" ~ "Kaida");
//   - a final "ah" loses its h (ta marbuta: "Jama'ah" ~ "Jamaa"), "wal" is "wa al";
//   - Mohammed/Muhammad/Mohamed/Mohammad… become one token;
//   - the Arabic article is dropped inside names: "al"/"el" as a word, and
//     "ad-", "as-", "ash-", "an-", "at-", "az-", "ar-", "ul-", "ud-", "ed-"…
//     when hyphen-attached ("al-Zawahiri" ~ "Zawahiri", "Jabhat an-Nusra" ~
//     "Jabhat al-Nusra"); leading "the", "le", "la", "les" are dropped too.
//     An article that is the last word stays.
//
// O and U are deliberately not unified: "Osama" and "Usama" get different keys
// (the knowledge base lists both spellings); folding every o/u would merge
// unrelated names.
func Key(s string) string {
	rs := rules()
	var stack [256]byte
	buf := stack[:0]
	var words [32]word
	ws := words[:0]
	buf, ws = foldWords(s, buf, ws)
	if len(ws) == 0 {
		return ""
	}
	// Transform each word into out, then drop articles.
	var outStack [256]byte
	out := outStack[:0]
	type span struct {
		start, end int
		hyphen     bool
	}
	var spansStack [32]span
	spans := spansStack[:0]
	for _, w := range ws {
		start := len(out)
		if w.end-w.start <= 3 {
			// Short words are acronyms or particles: "ISS" must not become "is".
			out = append(out, buf[w.start:w.end]...)
		} else {
			out = transformWord(rs, out, buf[w.start:w.end])
		}
		out = canonicalToken(rs, out, start)
		if len(out) > start {
			spans = append(spans, span{start, len(out), w.hyphen})
		}
	}
	var b strings.Builder
	b.Grow(len(out))
	first := true
	kept := 0
	for i, sp := range spans {
		w := string(out[sp.start:sp.end]) // small; the compiler avoids the copy in comparisons
		last := i == len(spans)-1
		if !last {
			if rs.inner[w] || (sp.hyphen && rs.hyphen[w]) {
				continue
			}
			if w == "wal" { // "wal-Jama'a" = "wa al-Jama'a": the article again
				if !first {
					b.WriteByte(' ')
				}
				b.WriteString("wa")
				first = false
				kept++
				continue
			}
			if kept == 0 && rs.leading[w] {
				continue
			}
		}
		if !first {
			b.WriteByte(' ')
		}
		b.Write(out[sp.start:sp.end])
		first = false
		kept++
	}
	return b.String()
}

type word struct {
	start, end int
	hyphen     bool // directly followed by a hyphen or dash
}

// keyRules are the word lists and rewrites of Key, from data/key.yaml.
type rewrite struct {
	second byte
	to     string
}

type keyRules struct {
	LeadingArticles []string            `yaml:"leading_articles"`
	InnerArticles   []string            `yaml:"inner_articles"`
	HyphenArticles  []string            `yaml:"hyphen_articles"`
	Elisions        []string            `yaml:"elisions"`
	Rewrites        map[string]string   `yaml:"rewrites"`
	NameVariants    map[string][]string `yaml:"name_variants"`

	leading, inner, hyphen, elision map[string]bool
	// rewrite2 lists, by first letter, the two-letter patterns and their
	// spelling; rewrite1 maps a letter to its spelling.
	rewrite2 [256][]rewrite
	rewrite1 [256]string
	variant  map[string]string // spelling → the name's one token
}

// rules are Key's rules, parsed once from the embedded data on first use;
// read-only afterwards.
var rules = sync.OnceValue(func() *keyRules {
	data, err := embedded.ReadFile("data/key.yaml")
	if err != nil {
		panic("kb: data/key.yaml is missing from the binary: " + err.Error())
	}
	var r keyRules
	if err := yaml.Unmarshal(data, &r); err != nil {
		panic("kb: data/key.yaml: " + err.Error())
	}
	set := func(words []string) map[string]bool {
		m := make(map[string]bool, len(words))
		for _, w := range words {
			m[w] = true
		}
		return m
	}
	r.leading, r.inner, r.hyphen, r.elision = set(r.LeadingArticles), set(r.InnerArticles), set(r.HyphenArticles), set(r.Elisions)
	for from, to := range r.Rewrites {
		switch len(from) {
		case 1:
			r.rewrite1[from[0]] = to
		case 2:
			r.rewrite2[from[0]] = append(r.rewrite2[from[0]], rewrite{from[1], to})
		default:
			panic("kb: data/key.yaml: rewrite " + from + " is not one or two letters")
		}
	}
	r.variant = map[string]string{}
	for token, spellings := range r.NameVariants {
		for _, sp := range spellings {
			r.variant[sp] = token
		}
	}
	return &r
})

// isApostrophe covers the apostrophes and ayn/hamza marks found in names.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´', '′':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−', '_':
		return true
	}
	return false
}

// foldWords lowercases, strips diacritics and splits s into words in buf.
func foldWords(s string, buf []byte, ws []word) ([]byte, []word) {
	start := -1
	apos := -1 // position in buf just after the last apostrophe in the current word
	end := func(hyphen bool) {
		if start < 0 {
			return
		}
		// English possessive: the word ends in "'s".
		if apos >= 0 && apos == len(buf)-1 && buf[len(buf)-1] == 's' {
			buf = buf[:len(buf)-1]
		}
		if len(buf) > start {
			ws = append(ws, word{start, len(buf), hyphen})
		}
		start, apos = -1, -1
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				if start < 0 {
					start = len(buf)
				}
				buf = append(buf, c)
			case c >= 'A' && c <= 'Z':
				if start < 0 {
					start = len(buf)
				}
				buf = append(buf, c+'a'-'A')
			case c == '\'' || c == '`':
				buf, apos = apostrophe(buf, start, apos)
			case c == '-' || c == '_':
				end(true)
			default:
				end(false)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError:
			end(false)
		case isApostrophe(r):
			buf, apos = apostrophe(buf, start, apos)
		case isDash(r):
			end(true)
		case unicode.Is(unicode.Mn, r) || r == 'ـ':
			// Combining marks (accents in decomposed text, Arabic harakat) and tatweel vanish.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = len(buf)
			}
			buf = appendFolded(buf, r)
		default:
			end(false)
		}
	}
	end(false)
	return buf, ws
}

// apostrophe handles an apostrophe inside a word: French elision drops the
// clitic before it ("l'", "d'", "qu'"); otherwise the word continues.
func apostrophe(buf []byte, start, apos int) ([]byte, int) {
	if start < 0 {
		return buf, apos
	}
	if apos < 0 && rules().elision[string(buf[start:])] {
		return buf[:start], -1
	}
	return buf, len(buf)
}

// appendFolded appends the folded form of a non-ASCII letter: the Arabic
// script's variant spellings of one letter as that letter, everything else
// by the project's one letter fold.
func appendFolded(buf []byte, r rune) []byte {
	if f, ok := arabicFold(r); ok {
		return append(buf, f...)
	}
	return fold.AppendRune(buf, r)
}

// transformWord applies the transliteration rules until nothing changes, so
// that Key is idempotent whatever the order in which patterns appear.
func transformWord(rs *keyRules, out, w []byte) []byte {
	start := len(out)
	out = transformOnce(rs, out, w)
	for range 8 {
		cur := out[start:]
		var tmp [64]byte
		next := transformOnce(rs, tmp[:0], cur)
		if string(next) == string(cur) {
			break
		}
		out = append(out[:start], next...)
	}
	return out
}

func transformOnce(rs *keyRules, out, w []byte) []byte {
	start := len(out)
	for i := 0; i < len(w); i++ {
		if i+1 < len(w) {
			matched := false
			for _, rw := range rs.rewrite2[w[i]] {
				if rw.second == w[i+1] {
					for k := 0; k < len(rw.to); k++ {
						out = appendLetter(out, start, rw.to[k])
					}
					i++
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		if to := rs.rewrite1[w[i]]; to != "" {
			for k := 0; k < len(to); k++ {
				out = appendLetter(out, start, to[k])
			}
			continue
		}
		out = appendLetter(out, start, w[i])
	}
	// A final "ah" is the Arabic ta marbuta, written with or without h
	// ("Jama'ah" ~ "Jamaa", "Hamah" ~ "Hama").
	if n := len(out); n-start >= 5 && out[n-2] == 'a' && out[n-1] == 'h' {
		out = out[:n-1]
	}
	return out
}

// appendLetter appends c unless it doubles the previous ASCII letter of the word.
func appendLetter(out []byte, start int, c byte) []byte {
	if c < utf8.RuneSelf && len(out) > start && out[len(out)-1] == c {
		return out
	}
	return append(out, c)
}

// canonicalToken replaces the word out[start:] by a canonical spelling when it
// is one of a known set of variants of one name.
func canonicalToken(rs *keyRules, out []byte, start int) []byte {
	if token, ok := rs.variant[string(out[start:])]; ok {
		return append(out[:start], token...)
	}
	return out
}

// arabicFold covers the Arabic-script variants that spell one letter.
func arabicFold(r rune) (string, bool) {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return "ا", true
	case 'ى', 'ی':
		return "ي", true
	case 'ک':
		return "ك", true
	case 'ة':
		return "ه", true
	}
	return "", false
}
