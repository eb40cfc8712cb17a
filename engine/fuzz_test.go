package engine

import (
	"context"
	"sync"
	"testing"

	"github.com/dossier-project/dossier"
)

var (
	fuzzOnce sync.Once
	fuzzEng  *Engine
	fuzzErr  error
)

// pipelineSeeds are invented sentences of the shapes that break name and
// span rules: abbreviations with periods, titles before names and inside
// known names, hyphenated names, initials, apostrophes, quotes and lists.
var pipelineSeeds = []string{
	"a U.N. General Assembly president",
	"U.S. Attorney General Lena Varga said on Monday that the U.N. Security Council would meet.",
	"Vice President J. R. Okafor of the African Union Commission met Gen. Ivo Marsh in Kessel-Nord.",
	"Karim B., 24, and Abu Bakr al-Baghdadi's deputy left St. Anthony's Church; the Front-affiliated cell fled.",
	"« Nous tiendrons », a martelé le chef du gouvernement, Paule Verrier, devant l'Assemblée nationale.",
	"le ministre de l'Intérieur Paul Verrier et le procureur de la République de Paris ont parlé jeudi 15.",
	"'The group is weakened,' the prosecutor said. 'But it is not gone,' she added, citing 3,000 fighters.",
	"Al-Qaïda au Maghreb islamique (AQMI) a revendiqué l'attaque qui a fait au moins 12 morts à Tombouctou.",
	"THE SUSPECT was seen near the Lumen theatre in Arvel, Kessel Province (AFP) — Photo: Lena Varga/NPA",
	"Islamic State-Khorasan Province (ISKP, or ISIS-K) claimed the attack. ISKP's leader, Sanaullah Ghafari, ...",
	"2031/05/17\nBy Staff | Updated 17 May 2031\nWitnesses said the National Council for Water Security of Norland met.",
}

func fuzzEngine(t testing.TB) *Engine {
	fuzzOnce.Do(func() { fuzzEng, fuzzErr = New(context.Background(), Config{Workers: 1}) })
	if fuzzErr != nil {
		t.Fatal(fuzzErr)
	}
	return fuzzEng
}

// runPipeline runs every stage and resolution on text as a plain-text
// document and fails on any error: on text of any shape, no stage may fail
// or break the span invariants that the pipeline checks after each stage.
func runPipeline(t *testing.T, text string) *dossier.Document {
	t.Helper()
	eng := fuzzEngine(t)
	doc := &dossier.Document{Name: "fuzz.txt", Format: "txt", Text: text}
	if err := eng.Process(context.Background(), doc); err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	if err := eng.Resolve(context.Background(), []*dossier.Document{doc}); err != nil {
		t.Fatalf("%q: resolve: %v", text, err)
	}
	if err := dossier.CheckLayers(doc); err != nil {
		t.Fatalf("%q: after resolve: %v", text, err)
	}
	return doc
}

func TestPipelineSeeds(t *testing.T) {
	for _, s := range pipelineSeeds {
		runPipeline(t, s)
	}
}

// FuzzPipeline runs the whole extraction pipeline, not only the readers, on
// arbitrary text built from real sentence shapes.
func FuzzPipeline(f *testing.F) {
	for _, s := range pipelineSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return // long inputs only slow the search; the shapes are short
		}
		runPipeline(t, text)
	})
}
