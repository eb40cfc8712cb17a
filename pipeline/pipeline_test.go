package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

type stageFunc struct {
	name string
	fn   func(*dossier.Document) error
}

func (s stageFunc) Name() string                                         { return s.name }
func (s stageFunc) Process(_ context.Context, d *dossier.Document) error { return s.fn(d) }

var _ dossier.Stage = stageFunc{}

func TestRunRecoversPanic(t *testing.T) {
	after := false
	p := New(
		stageFunc{"boom", func(d *dossier.Document) error {
			var s []int
			_ = s[len(d.Text)] // index out of range
			return nil
		}},
		stageFunc{"after", func(*dossier.Document) error { after = true; return nil }},
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
	p := New(stageFunc{"overlap", func(d *dossier.Document) error {
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
	p := New(stageFunc{"ok", func(d *dossier.Document) error {
		d.Mentions = []dossier.Mention{{Span: dossier.Span{Start: 0, End: 5}, Entity: -1}}
		return nil
	}})
	if err := p.Run(context.Background(), &dossier.Document{Name: "c.txt", Text: "hello world"}); err != nil {
		t.Fatal(err)
	}
}
