// Command wordclasses builds word-class lists for the extraction stages:
// lexicon/data/<lang>/person_nouns.txt, the nouns that denote people, in
// every form, so that a count of any of them is a count of people and any
// of them may head an unnamed source.
//
// English: WordNet's nouns whose most frequent sense is in the noun.person
// lexicographer file ("spectator", "envoy", "pilgrim") and is not a named
// person ("Anderson", "Lincoln").
//
// French: Dicollecte has parts of speech, not meanings, but a noun that
// inflects for gender (infirmier/infirmière, commerçant/commerçante) or is
// épicène (journaliste, ministre) is nearly always a person; the forms come
// from expanding the dictionary's suffix rules (fr.aff). Words that are also
// adjectives are left out.
//
// A lemma that is also an adjective is listed in the plural only.
//
// Input is Debian's wordnet-base package (WordNet 3.0; licence in
// lexicon/data/NOTICE):
//
//	apt-get download wordnet-base hunspell-fr-comprehensive
//	for f in *.deb; do dpkg-deb -x "$f" x/; done
//	go run ./tools/wordclasses -wordnet x/usr/share/wordnet -fr x/usr/share/hunspell -out lexicon/data
//
// Also lexicon/data/en/adjectives.txt (WordNet's adjective lemmas),
// lexicon/data/en/named_instances.txt (WordNet's named people, places and
// bodies with their type, see namedInstances) and
// lexicon/data/fr/verb_forms.txt (see frenchVerbForms).
//
// Output: one lower-case word per line, sorted bytewise, no header, so that
// a stage binary-searches the embedded text with no loading work.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/mentions"
)

// lexPerson is WordNet's lexicographer file number of noun.person.
const lexPerson = "18"

func main() {
	dir := flag.String("wordnet", "", "WordNet dict directory (data.noun, index.noun, noun.exc)")
	fr := flag.String("fr", "", "Dicollecte hunspell directory (fr.dic, fr.aff)")
	out := flag.String("out", "lexicon/data", "lexicon data directory")
	flag.Parse()
	err := run(*dir, *out)
	if err == nil && *fr != "" {
		err = runFrench(*fr, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wordclasses:", err)
		os.Exit(1)
	}
}

// suffixRule is one hunspell SFX line: strip, then add, where the word ends
// as cond says; fem when its morphology says is:fem.
type suffixRule struct {
	strip, add string
	cond       *regexp.Regexp
	fem        bool
	morph      []string // the rule's morphology tags: po:ipre, po:3sg, po:ppas…
}

// runFrench writes fr/person_nouns.txt from Dicollecte's fr.dic and fr.aff.
func runFrench(dir, out string) error {
	rules := map[string][]suffixRule{}
	if err := eachLine(filepath.Join(dir, "fr.aff"), func(f []string) {
		// SFX flag strip add[/flags] condition morph…
		if len(f) < 5 || f[0] != "SFX" {
			return
		}
		strip := f[2]
		if strip == "0" {
			strip = ""
		}
		add, _, _ := strings.Cut(f[3], "/")
		if add == "0" {
			add = ""
		}
		cond, err := regexp.Compile("(?:" + f[4] + ")$")
		if err != nil {
			return
		}
		rules[f[1]] = append(rules[f[1]], suffixRule{strip, add, cond, slices.Contains(f[5:], "is:fem"), f[5:]})
	}); err != nil {
		return err
	}
	// Grammar words that the dictionary also lists as nouns ("un", "une":
	// the number) are left out: "une" opens an apposition about anything.
	grammar := map[string]bool{}
	if err := eachLine(filepath.Join(dir, "fr.dic"), func(f []string) {
		for _, tag := range []string{"po:det", "po:pro", "po:prep", "po:adv", "po:conj"} {
			if slices.Contains(f, tag) {
				lemma, _, _ := strings.Cut(f[0], "/")
				grammar[lemma] = true
			}
		}
	}); err != nil {
		return err
	}
	// A word that is also an adjective goes to a list of its own
	// (person_adj_nouns: "étudiant", "policier", "militaire", but also
	// "quotidien", "national"): after a number such a word is the counted
	// noun (French adjectives follow their noun), less the adjectives that
	// stand before nouns ("les 2 dernières années"); figures read both
	// lists, the stages that take a noun for a person's role only the
	// first ("Kessar, le quotidien du soir" is no person).
	words, adjWords := map[string]bool{}, map[string]bool{}
	lemmas, adjLemmas := 0, 0
	if err := eachLine(filepath.Join(dir, "fr.dic"), func(f []string) {
		if len(f) < 2 || !slices.Contains(f, "po:nom") || slices.Contains(f, "po:npr") {
			return
		}
		lemma, flagStr, _ := strings.Cut(f[0], "/")
		adj := slices.Contains(f, "po:adj")
		if !frenchWord(lemma) || grammar[lemma] || adj && prenominal[lemma] {
			return
		}
		var flags []string // FLAG long: two characters each
		for i := 0; i+1 < len(flagStr); i += 2 {
			flags = append(flags, flagStr[i:i+2])
		}
		epicene := slices.Contains(f, "is:epi")
		inflects := false
		for _, fl := range flags {
			for _, r := range rules[fl] {
				if r.fem && r.cond.MatchString(lemma) {
					inflects = true
				}
			}
		}
		if !epicene && !inflects {
			return
		}
		into := words
		if adj {
			into = adjWords
			adjLemmas++
		} else {
			lemmas++
		}
		into[lemma] = true
		for _, fl := range flags {
			for _, r := range rules[fl] {
				if r.cond.MatchString(lemma) && strings.HasSuffix(lemma, r.strip) {
					into[lemma[:len(lemma)-len(r.strip)]+r.add] = true
				}
			}
		}
	}); err != nil {
		return err
	}
	for w := range words {
		delete(adjWords, w) // a form both lists give is the noun's
	}
	if err := writeList(filepath.Join(out, "fr", "person_nouns.txt"), words, lemmas); err != nil {
		return err
	}
	if err := writeList(filepath.Join(out, "fr", "person_adj_nouns.txt"), adjWords, adjLemmas); err != nil {
		return err
	}
	return frenchVerbForms(dir, out, rules)
}

// prenominal are the French adjectives that stand before the noun they
// qualify, and that the dictionary also lists as nouns of people: after a
// number they qualify the counted noun ("les 2 derniers jours").
var prenominal = map[string]bool{
	"dernier": true, "premier": true, "prochain": true, "nouveau": true, "autre": true, "même": true,
	"seul": true, "principal": true, "futur": true, "gros": true, "grand": true, "petit": true,
	"bon": true, "mauvais": true, "meilleur": true, "pire": true, "vrai": true, "faux": true,
	"double": true, "second": true, "deuxième": true, "troisième": true, "énième": true, "moindre": true,
	"prétendu": true, "soi-disant": true, "véritable": true, "simple": true, "éventuel": true,
}

// frenchVerbForms writes fr/verb_forms.txt: the infinitives, the
// third-person finite forms (present, imperfect, future, conditional) and
// the past participles of Dicollecte's verbs, folded as the mention stage matches
// words, less every word that is also a noun or an adjective of the
// dictionary ("attaque", "armé"): a lower-case word of the list after a
// name is the sentence's verb ("le Front … mène des raids"), and a
// capitalised one a verb opening a segment ("Mis à jour …"), not a name.
func frenchVerbForms(dir, out string, rules map[string][]suffixRule) error {
	forms, nominal := map[string]bool{}, map[string]bool{}
	finite := func(m []string) bool {
		// The simple past is left out: literary in news, its forms are
		// often names ("vessa", "lima").
		tense := slices.Contains(m, "po:ipre") || slices.Contains(m, "po:iimp") ||
			slices.Contains(m, "po:ifut") || slices.Contains(m, "po:cond")
		// Present participles end a name's lower-case words as a verb does
		// ("la Cour de l'impôt visant …"); those that are nouns or
		// adjectives too ("habitant", "commandant") are left out below.
		return tense && (slices.Contains(m, "po:3sg") || slices.Contains(m, "po:3pl")) || slices.Contains(m, "po:ppas") ||
			slices.Contains(m, "po:ppre")
	}
	lemmas := 0
	if err := eachLine(filepath.Join(dir, "fr.dic"), func(f []string) {
		if len(f) < 2 {
			return
		}
		lemma, flagStr, _ := strings.Cut(f[0], "/")
		if !frenchWord(lemma) {
			return
		}
		var flags []string
		for i := 0; i+1 < len(flagStr); i += 2 {
			flags = append(flags, flagStr[i:i+2])
		}
		verb := false
		for _, tag := range f[1:] {
			verb = verb || strings.HasPrefix(tag, "po:v")
		}
		for _, fl := range flags {
			for _, r := range rules[fl] {
				if !r.cond.MatchString(lemma) || !strings.HasSuffix(lemma, r.strip) {
					continue
				}
				form := lemma[:len(lemma)-len(r.strip)] + r.add
				switch {
				case verb && finite(r.morph):
					forms[form] = true
				case !verb:
					nominal[form] = true
				}
			}
		}
		if verb {
			lemmas++
			// The infinitive ends a name's lower-case words too ("promis
			// de quitter le Parti socialiste et de fonder un mouvement").
			forms[lemma] = true
		} else {
			nominal[lemma] = true
		}
	}); err != nil {
		return err
	}
	folded := map[string]bool{}
	for w := range forms {
		if !nominal[w] {
			folded[mentions.Fold(w)] = true
		}
	}
	for w := range nominal {
		delete(folded, mentions.Fold(w)) // "côte" folds as "cote": no verb either way
	}
	return writeList(filepath.Join(out, "fr", "verb_forms.txt"), folded, lemmas)
}

// frenchWord: one lower-case word, letters and inner hyphens only.
func frenchWord(w string) bool {
	if len(w) < 2 || strings.HasPrefix(w, "-") || strings.HasSuffix(w, "-") {
		return false
	}
	for _, r := range w {
		if !(unicode.IsLower(r) || r == '-') {
			return false
		}
	}
	return true
}

func writeList(path string, words map[string]bool, lemmas int) error {
	list := make([]string, 0, len(words))
	for w := range words {
		list = append(list, w)
	}
	slices.Sort(list)
	if err := os.WriteFile(path, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wordclasses: %s: %d words (%d lemmas)\n", path, len(list), lemmas)
	return nil
}

func run(dir, out string) error {
	if dir == "" {
		return fmt.Errorf("-wordnet is required")
	}
	lexfile := map[string]string{} // synset offset → lexicographer file number
	// proper holds "offset lemma" for the lemmas a synset writes with a
	// capital: a named person ("Anderson", "Lincoln"), whose surname is no
	// noun that denotes people ("Zoe Anderson" is no role).
	proper := map[string]bool{}
	if err := eachLine(filepath.Join(dir, "data.noun"), func(f []string) {
		if len(f) < 4 {
			return
		}
		lexfile[f[0]] = f[1]
		var n int
		fmt.Sscanf(f[3], "%x", &n)
		for i := 0; i < n && 4+2*i < len(f); i++ {
			w := f[4+2*i]
			if w != "" && unicode.IsUpper(rune(w[0])) {
				proper[f[0]+" "+strings.ToLower(w)] = true
			}
		}
	}); err != nil {
		return err
	}
	person := map[string]bool{}
	if err := eachLine(filepath.Join(dir, "index.noun"), func(f []string) {
		// lemma pos synset_cnt p_cnt ptr… sense_cnt tagsense_cnt offsets…
		if len(f) < 6 || !plainWord(f[0]) {
			return
		}
		var n, p int
		fmt.Sscan(f[2], &n)
		fmt.Sscan(f[3], &p)
		offsets := f[4+p+2:]
		if len(offsets) == 0 {
			return
		}
		if lexfile[offsets[0]] == lexPerson && !proper[offsets[0]+" "+f[0]] { // the most frequent sense, not a named person
			person[f[0]] = true
		}
	}); err != nil {
		return err
	}
	// A lemma that is also an adjective ("major", "senior", "native") is a
	// noun after a number only in the plural: "two major groups" counts
	// groups, "two seniors" people.
	adjective := map[string]bool{}
	if err := eachLine(filepath.Join(dir, "index.adj"), func(f []string) {
		if len(f) > 0 {
			adjective[f[0]] = true
		}
	}); err != nil {
		return err
	}
	words := map[string]bool{}
	for w := range person {
		if !adjective[w] {
			words[w] = true
		}
		words[plural(w)] = true
	}
	// Irregular plurals ("men man", "children child").
	if err := eachLine(filepath.Join(dir, "noun.exc"), func(f []string) {
		if len(f) == 2 && person[f[1]] && plainWord(f[0]) {
			words[f[0]] = true
		}
	}); err != nil {
		return err
	}
	if err := writeList(filepath.Join(out, "en", "person_nouns.txt"), words, len(person)); err != nil {
		return err
	}
	if err := namedInstances(dir, out); err != nil {
		return err
	}
	// Adjectives (index.adj), for the words that may stand between a count
	// and its noun ("500 extra officers", "two senior envoys").
	adjs := map[string]bool{}
	for w := range adjective {
		if plainWord(w) && !closedClass[w] {
			adjs[w] = true
		}
	}
	return writeList(filepath.Join(out, "en", "adjectives.txt"), adjs, len(adjs))
}

// namedClass maps WordNet's lexicographer files of named things to a type:
// noun.person, noun.location, noun.object (rivers, mountains, islands) and
// noun.group (organisations, parties, agencies).
var namedClass = map[string]string{"18": "PER", "15": "LOC", "17": "LOC", "14": "ORG"}

// namedInstances writes en/named_instances.txt: WordNet's capitalised names
// of people, places and bodies ("Beethoven", "Bronx", "Azores", "Hamas"),
// folded, with their type, one "name<TAB>TYPE" per line. People and places
// are instances (WordNet's "@i" pointer: "Vermeer" is an instance of
// painter); bodies are any capitalised lemma of noun.group ("Congress").
// A name WordNet gives two types ("Washington": a person, a state, a city)
// and a single word the language's dictionary lists in lower case ("Death",
// "Recent") are left out: they say nothing about a name's type.
func namedInstances(dir, out string) error {
	common := map[string]bool{}
	if err := eachLine(filepath.Join(out, "en", "common_words.txt"), func(f []string) {
		if len(f) == 1 {
			common[f[0]] = true
		}
	}); err != nil {
		return err
	}
	types := map[string]map[string]bool{}
	if err := eachLine(filepath.Join(dir, "data.noun"), func(f []string) {
		class, ok := namedClass[f[1]]
		if len(f) < 5 || !ok {
			return
		}
		var n, p int
		fmt.Sscanf(f[3], "%x", &n)
		if 4+2*n >= len(f) {
			return
		}
		fmt.Sscan(f[4+2*n], &p)
		instance := false
		for i := 0; i < p && 5+2*n+4*i < len(f); i++ {
			instance = instance || f[5+2*n+4*i] == "@i"
		}
		if !instance && class != "ORG" {
			return
		}
		for i := 0; i < n; i++ {
			w, _, _ := strings.Cut(f[4+2*i], "(") // "Washington(a)": an adjective marker
			if w == "" || !unicode.IsUpper(rune(w[0])) || strings.ContainsAny(w, "0123456789") {
				continue
			}
			k := mentions.Fold(strings.ReplaceAll(w, "_", " "))
			if types[k] == nil {
				types[k] = map[string]bool{}
			}
			types[k][class] = true
		}
	}); err != nil {
		return err
	}
	lines := map[string]bool{}
	for k, ts := range types {
		if len(ts) != 1 || !strings.Contains(k, " ") && common[k] {
			continue
		}
		for t := range ts {
			lines[k+"\t"+t] = true
		}
	}
	return writeList(filepath.Join(out, "en", "named_instances.txt"), lines, len(lines))
}

// closedClass are prepositions, particles and determiners that WordNet also
// lists as adjectives ("a through train", "the above"): between a count and
// a noun they end the phrase ("€1.5m through couriers").
var closedClass = map[string]bool{
	"about": true, "above": true, "across": true, "after": true, "against": true, "ahead": true,
	"all": true, "along": true, "around": true, "away": true, "back": true, "before": true,
	"behind": true, "below": true, "beside": true, "between": true, "beyond": true, "by": true,
	"down": true, "each": true, "early": true, "else": true, "enough": true, "even": true,
	"ever": true, "few": true, "first": true, "for": true, "forth": true, "from": true, "here": true,
	"home": true, "in": true, "inside": true, "just": true, "last": true, "late": true, "least": true,
	"less": true, "like": true, "little": true, "many": true, "more": true, "most": true, "much": true,
	"near": true, "next": true, "no": true, "off": true, "on": true, "only": true, "out": true,
	"outside": true, "over": true, "own": true, "past": true, "round": true, "same": true,
	"several": true, "so": true, "such": true, "that": true, "then": true, "there": true,
	"through": true, "to": true, "together": true, "too": true, "under": true, "up": true,
	"very": true, "well": true, "whole": true, "within": true, "without": true, "yet": true,
}

// plainWord: one lower-case word of letters, maybe hyphenated ("gunman",
// "co-pilot"); WordNet writes multi-word lemmas with underscores.
func plainWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c == '-' && i > 0 && i < len(w)-1) {
			return false
		}
	}
	return true
}

// plural is the regular English plural ("envoy" → "envoys", "boss" →
// "bosses", "deputy" → "deputies", "gunman" → "gunmen").
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "man") && len(w) > 3:
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func eachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue // licence header
		}
		fn(strings.Fields(line))
	}
	return sc.Err()
}
