// Package pipeline runs extraction stages over documents in order.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/dossier-project/dossier"
)

// Pipeline is an ordered list of stages. It is safe for concurrent use when
// its stages are.
type Pipeline struct {
	stages []dossier.Stage
}

// New returns a pipeline running stages in the order given. It fails when a
// stage needs a layer that no earlier stage produces, or when two stages
// produce the same layer: the order is checked once, here, not found wrong
// on the first document.
func New(stages ...dossier.Stage) (*Pipeline, error) {
	by := map[dossier.Layer]string{dossier.LayerText: "the reader"}
	for i, s := range stages {
		for _, l := range s.Needs() {
			if _, ok := by[l]; !ok {
				return nil, fmt.Errorf("pipeline: stage %d (%s) needs the %s layer, which no earlier stage produces (order: %s)", i+1, s.Name(), l, names(stages))
			}
		}
		for _, l := range s.Produces() {
			if prev, ok := by[l]; ok {
				return nil, fmt.Errorf("pipeline: stage %d (%s) produces the %s layer, which %s already produced", i+1, s.Name(), l, prev)
			}
			by[l] = s.Name()
		}
	}
	return &Pipeline{stages: stages}, nil
}

func names(stages []dossier.Stage) string {
	var b []byte
	for i, s := range stages {
		if i > 0 {
			b = append(b, " → "...)
		}
		b = append(b, s.Name()...)
	}
	return string(b)
}

// Stages returns the stages in order.
func (p *Pipeline) Stages() []dossier.Stage { return p.stages }

// ErrStageFailed marks a document that a stage could not process: a panic
// inside the stage or a layer that breaks the span invariants. The caller
// reports the document as failed and goes on with the others.
var ErrStageFailed = errors.New("stage failed")

// Run passes doc through every stage, stopping at the first error or when ctx
// is done. A stage that panics, or that hands on a layer whose spans are out
// of range, unsorted or overlapping, fails this document only.
func (p *Pipeline) Run(ctx context.Context, doc *dossier.Document) error {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := runStage(ctx, s, doc); err != nil {
			return fmt.Errorf("%s: %s: %w", doc.Name, s.Name(), err)
		}
		if err := dossier.CheckLayers(doc); err != nil {
			return fmt.Errorf("%s: %s: %w: %w", doc.Name, s.Name(), ErrStageFailed, err)
		}
	}
	return nil
}

// runStage runs one stage, turning a panic into an error so that one
// document cannot take down a batch.
func runStage(ctx context.Context, s dossier.Stage, doc *dossier.Document) (err error) {
	defer func() {
		if v := recover(); v != nil {
			slog.Error("stage panicked", "doc", doc.Name, "stage", s.Name(), "panic", v, "stack", string(debug.Stack()))
			err = fmt.Errorf("%w: internal error (panic: %v); please report it with the input", ErrStageFailed, v)
		}
	}()
	return s.Process(ctx, doc)
}
