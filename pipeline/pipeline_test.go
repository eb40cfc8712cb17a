package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

type stageFunc struct {
	name            string
	fn              func(*dossier.Document) error
	needs, produces []dossier.Layer
}

func (s stageFunc) Name() string                                         { return s.name }
func (s stageFunc) Needs() []dossier.Layer                               { return s.needs }
func (s stageFunc) Produces() []dossier.Layer                            { return s.produces }
func (s stageFunc) Process(_ context.Context, d *dossier.Document) error { return s.fn(d) }

// mustNew builds a pipeline whose order is right.
func mustNew(t *testing.T, stages ...dossier.Stage) *Pipeline {
	t.Helper()
	p, err := New(stages...)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNewChecksLayerOrder(t *testing.T) {
	nop := func(*dossier.Document) error { return nil }
	tokens := stageFunc{"segment", nop, []dossier.Layer{dossier.LayerText}, []dossier.Layer{dossier.LayerTokens}}
	names := stageFunc{"mentions", nop, []dossier.Layer{dossier.LayerTokens}, []dossier.Layer{dossier.LayerMentions}}
	if _, err := New(tokens, names); err != nil {
		t.Errorf("right order refused: %v", err)
	}
	_, err := New(names, tokens)
	if err == nil || !strings.Contains(err.Error(), "mentions") || !strings.Contains(err.Error(), "tokens layer") {
		t.Errorf("mentions before segment: err = %v", err)
	}
	if _, err := New(tokens, tokens); err == nil || !strings.Contains(err.Error(), "already produced") {
		t.Errorf("a layer produced twice: err = %v", err)
	}
}

var _ dossier.Stage = stageFunc{}

func TestRunRecoversPanic(t *testing.T) {
	after := false
	p := mustNew(t,
		stageFunc{name: "boom", fn: func(d *dossier.Document) error {
			var s []int
			_ = s[len(d.Text)] // index out of range
			return nil
		}},
		stageFunc{name: "after", fn: func(*dossier.Document) error { after = true; return nil }},
	)
	err := p.Run(context.Background(), &dossier.Document{Name: "a.txt", Text: "hello"})
	if !errors.Is(err, ErrStageFailed) {
		t.Fatalf("err = %v, want ErrStageFailed", err)
	}
	for _, want := range []string{"a.txt", "boom", "panic"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
	if after {
		t.Error("the stage after a panic ran on the failed document")
	}
}

func TestRunChecksLayers(t *testing.T) {
	p := mustNew(t, stageFunc{name: "overlap", fn: func(d *dossier.Document) error {
		d.Mentions = []dossier.Mention{
			{Span: dossier.Span{Start: 2, End: 23}, Entity: -1},
			{Span: dossier.Span{Start: 15, End: 23}, Entity: -1},
		}
		return nil
	}})
	err := p.Run(context.Background(), &dossier.Document{Name: "b.txt", Text: "a U.N. General Assembly president"})
	if !errors.Is(err, ErrStageFailed) || !strings.Contains(err.Error(), "mention 1") {
		t.Fatalf("err = %v, want a layer error naming mention 1", err)
	}
}

func TestRunPassesGoodDocuments(t *testing.T) {
	p := mustNew(t, stageFunc{name: "ok", fn: func(d *dossier.Document) error {
		d.Mentions = []dossier.Mention{{Span: dossier.Span{Start: 0, End: 5}, Entity: -1}}
		return nil
	}})
	if err := p.Run(context.Background(), &dossier.Document{Name: "c.txt", Text: "hello world"}); err != nil {
		t.Fatal(err)
	}
}
