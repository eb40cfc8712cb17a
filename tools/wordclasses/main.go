// Command wordclasses builds word-class lists from WordNet for the
// extraction stages: today lexicon/data/en/person_nouns.txt, the English
// nouns whose most frequent sense denotes a person (WordNet's noun.person
// lexicographer file: "spectator", "envoy", "pilgrim"), singular and
// plural, so that a count of any such noun is a count of people.
//
// A lemma that is also an adjective is listed in the plural only.
//
// Input is Debian's wordnet-base package (WordNet 3.0; licence in
// lexicon/data/NOTICE):
//
//	apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb x/
//	go run ./tools/wordclasses -wordnet x/usr/share/wordnet -out lexicon/data
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
	"slices"
	"strings"
)

// lexPerson is WordNet's lexicographer file number of noun.person.
const lexPerson = "18"

func main() {
	dir := flag.String("wordnet", "", "WordNet dict directory (data.noun, index.noun, noun.exc)")
	out := flag.String("out", "lexicon/data", "lexicon data directory")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordclasses:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	if dir == "" {
		return fmt.Errorf("-wordnet is required")
	}
	lexfile := map[string]string{} // synset offset → lexicographer file number
	if err := eachLine(filepath.Join(dir, "data.noun"), func(f []string) {
		if len(f) > 1 {
			lexfile[f[0]] = f[1]
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
		if lexfile[offsets[0]] == lexPerson { // the most frequent sense
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
	list := make([]string, 0, len(words))
	for w := range words {
		list = append(list, w)
	}
	slices.Sort(list)
	path := filepath.Join(out, "en", "person_nouns.txt")
	if err := os.WriteFile(path, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wordclasses: %s: %d words (%d lemmas)\n", path, len(list), len(person))
	return nil
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
