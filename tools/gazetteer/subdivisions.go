package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/dossier-project/dossier/fold"
	"github.com/dossier-project/dossier/kb"
)

// gountriesVersion is the module whose subdivision files are read; the
// header of the generated file names it.
const gountriesVersion = "github.com/pariz/gountries v0.1.6"

// subdivisionsFile is the generated file, as the knowledge base names it.
const subdivisionsFile = "data/subdivisions.tsv.gz"

type subdivision struct {
	Name          string   `yaml:"name"`
	Names         []string `yaml:"names"`
	Code          string   `yaml:"code"`
	CountryAlpha2 string   `yaml:"countryalpha2"`
	Coordinates   struct {
		Latitude  float64 `yaml:"latitude"`
		Longitude float64 `yaml:"longitude"`
	} `yaml:"coordinates"`
}

// readSubdivisions reads every <cc>.yaml of gountries' data/yaml/subdivisions,
// sorted by country and code.
func readSubdivisions(dir string) ([]subdivision, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("subdivisions: no *.yaml in %s", dir)
	}
	var out []subdivision
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var list []subdivision
		if err := yaml.Unmarshal(data, &list); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, list...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].CountryAlpha2 != out[j].CountryAlpha2 {
			return out[i].CountryAlpha2 < out[j].CountryAlpha2
		}
		return out[i].Code < out[j].Code
	})
	return out, nil
}

var (
	// "Homyel'skaya voblasts' (be) Gomel'skaya oblast' (ru)", "Zürich (de)":
	// a language tag ends a name.
	langTag = regexp.MustCompile(`\s*\([a-z]{2}\)\s*`)
	// "Kondoz [Kunduz]": the bracketed form is another name.
	bracket = regexp.MustCompile(`^(.*?)\s*\[([^\]]+)\]\s*$`)
	// "Vallée du Bandama (Région de la)", "Al Manamah (Al ‘Asimah)": a gloss.
	gloss = regexp.MustCompile(`\s*\([^)]*\)\s*`)
)

// subdivisionNames splits one of gountries' names into the names it holds.
func subdivisionNames(s string) []string {
	var out []string
	for _, part := range langTag.Split(s, -1) {
		if m := bracket.FindStringSubmatch(part); m != nil {
			out = append(out, m[1], m[2])
			continue
		}
		out = append(out, part)
	}
	for i, n := range out {
		// "Centar *", "Laâyoune*": ISO 3166-2's footnote marks.
		out[i] = cleanField(strings.TrimRight(gloss.ReplaceAllString(n, " "), " *"))
	}
	return nonEmpty(out)
}

// featureHeads are the English heads of islands' and waters' names.
var featureHeads = map[string]bool{"island": true, "islands": true, "sound": true, "river": true, "bay": true, "cay": true, "cays": true, "key": true, "keys": true}

func lastWord(name string) string {
	ws := nameWords(name)
	if len(ws) < 2 {
		return ""
	}
	return ws[len(ws)-1]
}

// nameWords folds a name into its words (hyphens and apostrophes split).
func nameWords(name string) []string {
	return strings.FieldsFunc(fold.String(name), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c)
	})
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func readWordSet(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	set := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && w[0] != '#' {
			set[w] = true
		}
	}
	return set, sc.Err()
}

// genericHeads are the words a hand-written region's name adds to the
// subdivision's own name ("Kandahar province", "province de Kandahar").
var genericHeads = map[string]bool{
	"province": true, "governorate": true, "state": true, "region": true, "district": true,
	"department": true, "prefecture": true, "county": true, "oblast": true,
	"gouvernorat": true, "etat": true, "departement": true, "prefecture de": true,
	"de": true, "du": true, "d": true, "des": true, "la": true, "le": true, "l": true, "of": true, "the": true,
}

// bareKey is the Key of a name without its generic words ("Kandahar province" → key of "Kandahar").
func bareKey(name string) string {
	var kept []string
	for _, w := range strings.FieldsFunc(fold.String(name), func(r rune) bool {
		return unicode.IsSpace(r) || r == '\'' || r == '’'
	}) {
		if !genericHeads[w] {
			kept = append(kept, w)
		}
	}
	return kb.Key(strings.Join(kept, " "))
}

// subdivisionRules are what the generator leaves out and why; README.md and
// the kb tests describe the same rules.
type subdivisionRules struct {
	en, fr map[string]bool // common words of each language, folded
}

// commonName reports a name all of whose words are common words: of English
// for every country, of French except in France, where the départements
// are named by common words ("la Manche", "les Landes") and the French press
// writes them with a capital. English headlines capitalise every word, so
// "Central", "Western", "North East", "Orange" would be places in any of them.
func (r subdivisionRules) commonName(name, country string) bool {
	words := nameWords(name)
	if len(words) == 0 {
		return true
	}
	allEN, allFR := true, true
	for _, w := range words {
		allEN = allEN && r.en[w]
		allFR = allFR && r.fr[w]
	}
	return allEN || (allFR && country != "FR")
}

func writeSubdivisions(out, dir, lexDir string) error {
	subs, err := readSubdivisions(dir)
	if err != nil {
		return err
	}
	var rules subdivisionRules
	if rules.en, err = readWordSet(filepath.Join(lexDir, "en", "common_words.txt")); err != nil {
		return err
	}
	if rules.fr, err = readWordSet(filepath.Join(lexDir, "fr", "common_words.txt")); err != nil {
		return err
	}
	// The knowledge base as embedded in this very tool, less any earlier
	// subdivisions file: countries, hand-written regions and cities.
	k, err := kb.LoadParsed(context.Background())
	if err != nil {
		return err
	}
	used := map[string]bool{}
	countryKey := map[string]bool{} // any country's name
	regionKey := map[string]bool{}  // country + bare key of a hand-written place
	cityKey := map[string]bool{}    // country + key of a city's name
	bigCityKey := map[string]bool{} // key of a capital's or a city of 100,000's name
	countryOf := map[string]bool{}  // countries the knowledge base knows
	otherKey := map[string]string{} // key of an actor's name → its id
	firstWord := map[string]int{}   // folded first word of a place's longer name → how many places
	for e := range k.Entries() {
		if strings.HasPrefix(e.Source, subdivisionsFile) {
			continue
		}
		used[e.ID] = true
		firstOf := map[string]bool{}
		for _, n := range e.Names() {
			key := kb.Key(n)
			if ws := nameWords(n); e.Type == kb.LOC && len(ws) > 1 {
				firstOf[ws[0]] = true
			}
			switch e.Kind {
			case kb.KindCountry:
				countryKey[key] = true
				countryOf[e.Country] = true
			case kb.KindRegion, kb.KindSite:
				regionKey[e.Country+" "+bareKey(n)] = true
				regionKey[e.Country+" "+key] = true
			case kb.KindCity:
				cityKey[e.Country+" "+key] = true
				if e.Population >= 100000 || e.Capital() {
					bigCityKey[key] = true
				}
			default:
				otherKey[key] = e.ID
			}
		}
		for w := range firstOf {
			firstWord[w]++
		}
	}
	var b bytes.Buffer
	b.WriteString("# Generated by `go run ./tools/gazetteer subdivisions` from the Go module " + gountriesVersion + " (data/yaml/subdivisions; MIT, Pär Karlsson; ISO 3166-2 names). Do not edit.\n")
	b.WriteString("id\ttype\tkind\tname\taliases\tcountry\tlat\tlon\tpopulation\tgeonames\tnote\n")
	why := map[string]int{}
	kept := 0
	for _, s := range subs {
		cc := strings.ToUpper(s.CountryAlpha2)
		names := subdivisionNames(s.Name)
		for _, n := range s.Names {
			names = append(names, subdivisionNames(n)...)
		}
		if len(names) == 0 {
			why["no name"]++
			continue
		}
		if !countryOf[cc] {
			why["unknown country"]++
			continue
		}
		lat, lon := s.Coordinates.Latitude, s.Coordinates.Longitude
		if lat == 0 && lon == 0 {
			why["no coordinates"]++
			continue
		}
		skip := ""
		own := len(subdivisionNames(s.Name)) // the names of s.Name come first
		for i, n := range names {
			key := kb.Key(n)
			switch {
			case key == "":
			case countryKey[key]:
				skip = "a country's name" // "Mayotte", "Georgia"
			case regionKey[cc+" "+key] || regionKey[cc+" "+bareKey(n)]:
				skip = "in regions.yaml"
			case i < own && cityKey[cc+" "+key]:
				// "Kano", "Kabul", "Gao": named after its seat, which the
				// cities tier already knows; as a region it would outrank
				// the city, which the press means far more often.
				skip = "a city of its country"
			}
			if skip != "" {
				break
			}
		}
		if skip != "" {
			why[skip]++
			logSkip(cc, s.Name, skip)
			continue
		}
		// The other names: a name is left out alone when it is a common
		// word, an actor's name, or a big city's elsewhere ("Vienne").
		var good []string
		seen := map[string]bool{}
		for _, n := range names {
			key := kb.Key(n)
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			switch {
			case strings.ContainsRune(n, '?') || letters(n) < 3:
				why["name: too short or garbled"]++ // "s.t", "Stœ?ng Trêng"
				logSkip(cc, n, "name too short or garbled")
			case featureHeads[lastWord(n)]:
				// "Long Island", "Rock Sound", "Black River" (Bahamas,
				// Mauritius): such names recur in many countries, the
				// mention stage finds them by their head, and as a known
				// region "Long Island" would cut "Long Island Sound".
				why["name: ends in a feature's head"]++
			case rules.commonName(n, cc):
				why["name: common words"]++
			case len(nameWords(n)) == 1 && firstWord[nameWords(n)[0]] >= 2:
				// "Ain" (Ain Sultan, Ain al-Asad), "Nord" (Nord-Kivu,
				// Nord-Mali): a word that opens other places' names
				// would cut them.
				why["name: opens other places' names"]++
				logSkip(cc, n, "name opens other places' names")
			case bigCityKey[key]:
				why["name: a big city's elsewhere"]++
			case cityKey[cc+" "+key]:
				why["name: a city of its country"]++
			case otherKey[key] != "":
				why["name: an actor's"]++
			default:
				good = append(good, n)
			}
		}
		if len(good) == 0 {
			why["no name left"]++
			logSkip(cc, s.Name, "no name left")
			continue
		}
		name := good[0]
		id := slug(name) + "-" + strings.ToLower(cc) + "-" + slug(s.Code)
		if used[id] {
			return fmt.Errorf("subdivisions: id %s used twice", id)
		}
		used[id] = true
		kept++
		fmt.Fprintf(&b, "%s\tLOC\tregion\t%s\t%s\t%s\t%.4f\t%.4f\t\t\tISO 3166-2:%s-%s\n",
			id, name, strings.Join(dedupe(good[1:], name), "|"), cc, lat, lon, cc, s.Code)
	}
	if err := writeGzip(out, b.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "subdivisions: %d kept of %d (%d bytes uncompressed)\n", kept, len(subs), b.Len())
	for _, r := range sortedKeys(why) {
		fmt.Fprintf(os.Stderr, "  %5d %s\n", why[r], r)
	}
	return nil
}

// logSkip says which subdivision was left out and why, when GAZETTEER_VERBOSE is set.
func logSkip(cc, name, why string) {
	if os.Getenv("GAZETTEER_VERBOSE") != "" {
		fmt.Fprintf(os.Stderr, "skip %s %s: %s\n", cc, name, why)
	}
}

// writeGzip writes data gzipped with no name or time in the header, so that
// regenerating gives identical bytes.
func writeGzip(out string, data []byte) error {
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, z.Bytes(), 0o644)
}
