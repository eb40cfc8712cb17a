// Package demo bundles the demonstration corpus (see README.md) so that
// tests, benchmarks and the web UI can load it from anywhere in the module.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

// FS holds the demo articles under the "corpus" directory.
//
//go:embed corpus
var FS embed.FS

// corpusDir is the directory inside FS that holds the articles.
const corpusDir = "corpus"

// Files returns the paths of all demo articles inside FS (e.g.
// "corpus/01-en-kabul-airport-iskp.txt"), sorted, ready for fs.ReadFile(FS, path).
func Files() ([]string, error) {
	entries, err := fs.ReadDir(FS, corpusDir)
	if err != nil {
		return nil, fmt.Errorf("demo: list %s: %w", corpusDir, err)
	}
	paths := make([]string, 0, len(entries))
	for _, entry := range entries {
		if entry.Type().IsRegular() {
			paths = append(paths, corpusDir+"/"+entry.Name())
		}
	}
	// fs.ReadDir already sorts by name; sorting again keeps the promise explicit.
	sort.Strings(paths)
	return paths, nil
}
