// Package devcorpus runs the whole pipeline over the shared development
// corpus (../shared/eval/dev) the way `dossier extract --json` does and scores
// the result with the kit's score.py, overall and per language. The stages'
// measurement tests use it; they skip when the kit or python3 is absent, so
// the project builds and tests without ../shared.
package devcorpus

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/contract"
	"github.com/dossier-project/dossier/engine"
)

// EvalDir locates the shared evaluation kit from a package directory of the
// project, or returns "" when it is absent.
func EvalDir() string {
	for _, dir := range []string{
		filepath.Join("..", "..", "shared", "eval"),
		filepath.Join("..", "..", "..", "shared", "eval"),
		"/work/shared/eval",
	} {
		if st, err := os.Stat(filepath.Join(dir, "dev")); err == nil && st.IsDir() {
			if abs, err := filepath.Abs(dir); err == nil {
				return abs
			}
			return dir
		}
	}
	return ""
}

// Run is one extraction of the development corpus.
type Run struct {
	Dir  string              // the evaluation kit
	Docs []*dossier.Document // in file order, resolved corpus-wide
	// Scores maps "all", "en", "fr"… to score.py's report for that subset.
	Scores map[string]*Report
}

// Report is score.py's output for one subset of the corpus.
type Report struct {
	Lines  []string // every line, misses included (--verbose)
	values map[string][]float64
}

// Extract runs the pipeline over every dev document, resolves entities
// across them, and scores the contract output. It skips t when the kit or
// python3 is missing.
func Extract(t testing.TB) *Run {
	t.Helper()
	dir := EvalDir()
	if dir == "" {
		t.Skip("shared/eval not found")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found")
	}
	ctx := context.Background()
	files, err := filepath.Glob(filepath.Join(dir, "dev", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no dev documents in %s", dir)
	}
	sort.Strings(files)
	eng, err := engine.New(ctx, engine.Config{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if eng, err = eng.LearnRepeatedLines(ctx, files); err != nil {
		t.Fatal(err)
	}
	run := &Run{Dir: dir, Scores: map[string]*Report{}}
	err = eng.Run(ctx, files, nil, func(r engine.Result) error {
		if r.Err != nil {
			return fmt.Errorf("%s: %w", r.Name, r.Err)
		}
		run.Docs = append(run.Docs, r.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := eng.Resolve(ctx, run.Docs); err != nil {
		t.Fatal(err)
	}
	preds := map[string]*bytes.Buffer{"all": {}}
	for _, d := range run.Docs {
		var line bytes.Buffer
		if err := contract.NewEncoder(&line).Encode(contract.FromDocument(d)); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"all", d.Lang} {
			if preds[key] == nil {
				preds[key] = &bytes.Buffer{}
			}
			preds[key].Write(line.Bytes())
		}
	}
	tmp := t.TempDir()
	for key, pred := range preds {
		gold := filepath.Join(dir, "dev")
		if key != "all" {
			// score.py scores every gold file of a directory: give it one language's.
			gold = filepath.Join(tmp, "gold-"+key)
			if err := os.MkdirAll(gold, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, d := range run.Docs {
				if d.Lang != key {
					continue
				}
				base := strings.TrimSuffix(filepath.Base(d.Name), ".txt")
				for _, ext := range []string{".txt", ".gold.json"} {
					if err := os.Symlink(filepath.Join(dir, "dev", base+ext), filepath.Join(gold, base+ext)); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		file := filepath.Join(tmp, "pred-"+key+".jsonl")
		if err := os.WriteFile(file, pred.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("python3", filepath.Join(dir, "score.py"), gold, file, "--verbose").CombinedOutput()
		if err != nil {
			t.Fatalf("score.py: %v\n%s", err, out)
		}
		run.Scores[key] = parseReport(out)
	}
	return run
}

// parseReport reads score.py's lines: "metric  P=… R=… F1=…" or "metric  0.9".
func parseReport(out []byte) *Report {
	r := &Report{values: map[string][]float64{}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		r.Lines = append(r.Lines, line)
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(line, " ") {
			continue
		}
		var vals []float64
		for _, s := range f[1:] {
			if i := strings.IndexByte(s, '='); i >= 0 {
				s = s[i+1:]
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				vals = nil
				break
			}
			vals = append(vals, v)
		}
		if len(vals) > 0 {
			r.values[f[0]] = vals
		}
	}
	return r
}

// Value returns a metric's headline figure (F1 for P/R/F1 metrics) and
// whether score.py reported it.
func (r *Report) Value(metric string) (float64, bool) {
	if r == nil {
		return 0, false
	}
	v, ok := r.values[metric]
	if !ok || len(v) == 0 {
		return 0, false
	}
	return v[len(v)-1], true
}

// Precision returns the P of a P/R/F1 metric and whether score.py reported it.
func (r *Report) Precision(metric string) (float64, bool) {
	if r == nil {
		return 0, false
	}
	v, ok := r.values[metric]
	if !ok || len(v) != 3 {
		return 0, false
	}
	return v[0], true
}

// Log writes the report's lines that start with one of prefixes (all lines
// when none is given) to t's log, tagged with subset.
func (r *Report) Log(t testing.TB, subset string, prefixes ...string) {
	t.Helper()
	for _, line := range r.Lines {
		keep := len(prefixes) == 0
		for _, p := range prefixes {
			if strings.HasPrefix(strings.TrimSpace(line), p) {
				keep = true
				break
			}
		}
		if keep {
			t.Logf("[%s] %s", subset, line)
		}
	}
}

// Target is a floor a metric must reach.
type Target struct {
	Metric string
	Min    float64
}

// Check fails t for every target the subset's report misses, and for every
// metric where French and English differ by more than maxGap (when both are
// scored and maxGap > 0).
func (run *Run) Check(t testing.TB, maxGap float64, targets ...Target) {
	t.Helper()
	for _, tg := range targets {
		v, ok := run.Scores["all"].Value(tg.Metric)
		if !ok {
			t.Errorf("%s: not reported by score.py", tg.Metric)
			continue
		}
		if v < tg.Min {
			t.Errorf("%s = %.3f, want ≥ %.3f", tg.Metric, v, tg.Min)
		}
		if maxGap <= 0 {
			continue
		}
		en, okEN := run.Scores["en"].Value(tg.Metric)
		fr, okFR := run.Scores["fr"].Value(tg.Metric)
		if okEN && okFR && (en-fr > maxGap || fr-en > maxGap) {
			t.Errorf("%s: EN %.3f vs FR %.3f, more than %.2f apart", tg.Metric, en, fr, maxGap)
		}
	}
}
