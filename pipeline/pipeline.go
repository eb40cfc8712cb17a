// Package pipeline runs extraction stages over documents in order.
package pipeline

import (
	"context"
	"fmt"

	"github.com/dossier-project/dossier"
)

// Pipeline is an ordered list of stages. It is safe for concurrent use when
// its stages are.
type Pipeline struct {
	stages []dossier.Stage
}

// New returns a pipeline running stages in the order given.
func New(stages ...dossier.Stage) *Pipeline {
	return &Pipeline{stages: stages}
}

// Stages returns the stages in order.
func (p *Pipeline) Stages() []dossier.Stage { return p.stages }

// Run passes doc through every stage, stopping at the first error or when ctx is done.
func (p *Pipeline) Run(ctx context.Context, doc *dossier.Document) error {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Process(ctx, doc); err != nil {
			return fmt.Errorf("%s: %s: %w", doc.Name, s.Name(), err)
		}
	}
	return nil
}
