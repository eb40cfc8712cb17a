package kb

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/fold"
)

// Demonym is a nationality word ("French", "afghane"): not an entity, but the
// mention stage must recognise and reject it, and relations may use it.
type Demonym struct {
	Country string // ISO 3166-1 alpha-2
	Lang    string // ISO 639-1 of the form
	Form    string // the form as listed, expanded ("afghanes")
}

// demonymEntry is the on-disk form: forms per language, where "afghan(e)(s)"
// stands for afghan, afghane, afghans, afghanes.
type demonymEntry struct {
	Country string              `yaml:"country"`
	Names   map[string][]string `yaml:"names"`
}

func (k *KB) addDemonyms(name string, data []byte) error {
	items, err := yamlSequence(name, data)
	if err != nil {
		return err
	}
	for _, item := range items {
		line := item.Line
		var d demonymEntry
		if err := decodeStrict(item, &d); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if len(d.Country) != 2 || !isUpper(d.Country[0]) || !isUpper(d.Country[1]) {
			return fmt.Errorf("%s:%d: bad country %q", name, line, d.Country)
		}
		langs := make([]string, 0, len(d.Names))
		for l := range d.Names {
			langs = append(langs, l)
		}
		sort.Strings(langs) // deterministic first-wins
		for _, lang := range langs {
			for _, pattern := range d.Names[lang] {
				forms, err := expandOptional(pattern)
				if err != nil {
					return fmt.Errorf("%s:%d: %w", name, line, err)
				}
				for _, f := range forms {
					key := Key(f)
					if key == "" {
						return fmt.Errorf("%s:%d: empty demonym %q", name, line, pattern)
					}
					if _, dup := k.demonyms[key]; !dup {
						k.demonyms[key] = Demonym{Country: d.Country, Lang: lang, Form: f}
					}
					if k.demonymFolds == nil {
						k.demonymFolds = map[string]bool{}
					}
					k.demonymFolds[fold.String(f)] = true
				}
			}
		}
	}
	return nil
}

// expandOptional expands each "(x)" group into with and without x.
func expandOptional(p string) ([]string, error) {
	out := []string{""}
	for p != "" {
		i := strings.IndexByte(p, '(')
		if i < 0 {
			for j := range out {
				out[j] += p
			}
			break
		}
		j := strings.IndexByte(p[i:], ')')
		if j < 0 {
			return nil, fmt.Errorf("unclosed '(' in %q", p)
		}
		lit, opt := p[:i], p[i+1:i+j]
		n := len(out)
		for k := 0; k < n; k++ {
			out[k] += lit
			out = append(out, out[k]+opt)
		}
		p = p[i+j+1:]
	}
	return out, nil
}

func (k *KB) checkDemonymCountries() error {
	known := map[string]bool{}
	for _, e := range k.entries {
		if e.Kind == KindCountry {
			known[e.Country] = true
		}
	}
	for _, d := range k.demonyms {
		if !known[d.Country] {
			return fmt.Errorf("data/demonyms.yaml: %q: unknown country %s", d.Form, d.Country)
		}
	}
	return nil
}

// Demonym reports whether word is a nationality word, and for which country.
func (k *KB) Demonym(word string) (Demonym, bool) {
	d, ok := k.demonyms[Key(word)]
	if ok && !k.demonymFolds[fold.String(word)] {
		// The key forgives transliterations; a nationality is written as
		// listed, less case and accents: "Corinne" is no "coréenne".
		return Demonym{}, false
	}
	return d, ok
}

// Country returns the country entry for an ISO 3166-1 alpha-2 code, or nil.
func (k *KB) Country(code string) *Entry {
	for _, e := range k.entries {
		if e.Kind == KindCountry && e.Country == code {
			return e
		}
	}
	return nil
}
