// Package lexicon gives pipeline stages their per-language knowledge: speech
// verbs, month names, number words, boilerplate cues and so on. Each stage owns
// a "part" and reads data/<lang>/<part>.yaml into a struct of its own design,
// so adding a language means adding files, not code branches.
package lexicon

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"

	"go.yaml.in/yaml/v3"
)

//go:embed data
var embedded embed.FS

// ErrNoLexicon is returned when a language has no file for a part.
var ErrNoLexicon = errors.New("no lexicon")

// Set is a collection of lexicon files laid out as <lang>/<part>.yaml.
// It is immutable and safe for concurrent use.
type Set struct {
	fsys fs.FS
}

// Default returns the lexicons built into the binary.
func Default() *Set {
	sub, err := fs.Sub(embedded, "data")
	if err != nil { // cannot happen: "data" is embedded
		panic(err)
	}
	return &Set{fsys: sub}
}

// FromFS returns a Set reading <lang>/<part>.yaml files from fsys (tests, user overrides).
func FromFS(fsys fs.FS) *Set { return &Set{fsys: fsys} }

// Load decodes <lang>/<part>.yaml into v. It returns an error wrapping
// ErrNoLexicon when the file does not exist. Unknown fields are errors, so
// typos in data files fail loudly in tests.
func (s *Set) Load(lang, part string, v any) error {
	name := path.Join(lang, part+".yaml")
	data, err := fs.ReadFile(s.fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("lexicon %s: %w", name, ErrNoLexicon)
	}
	if err != nil {
		return fmt.Errorf("lexicon %s: %w", name, err)
	}
	// yaml.v3 decodes these files twice as fast as goccy/go-yaml did, and
	// every command that extracts loads all of them at start.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("lexicon %s: %w", name, err)
	}
	return nil
}

// Langs lists the languages that have a file for part, sorted.
func (s *Set) Langs(part string) []string {
	entries, err := fs.ReadDir(s.fsys, ".")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := fs.Stat(s.fsys, path.Join(e.Name(), part+".yaml")); err == nil {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// Text returns the file <lang>/<name>.txt whole. It returns an error
// wrapping ErrNoLexicon when the file does not exist. Large generated lists
// (a language's common words, sorted for binary search) are shipped this way
// rather than as YAML, so that using them costs no loading work.
func (s *Set) Text(lang, name string) (string, error) {
	file := path.Join(lang, name+".txt")
	data, err := fs.ReadFile(s.fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("lexicon %s: %w", file, ErrNoLexicon)
	}
	if err != nil {
		return "", fmt.Errorf("lexicon %s: %w", file, err)
	}
	return string(data), nil
}
