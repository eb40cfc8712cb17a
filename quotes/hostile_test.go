package quotes

import (
	"context"
	"testing"

	"github.com/dossier-project/dossier"
)

func TestHugeInputLinear(t *testing.T) {
	sg, st := newStages(t)
	var b []byte
	for len(b) < 2<<20 {
		b = append(b, "“Alpha beta gamma delta,” said Xavier Yann, and the official Zed said he added that “Un deux trois quatre” il a dit "...)
	}
	text := string(b) // one endless paragraph and sentence
	doc := &dossier.Document{Text: text, Lang: "en"}
	if err := sg.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, tk := range doc.Tokens {
		if tk.Kind == dossier.TokWord && text[tk.Start] >= 'A' && text[tk.Start] <= 'Z' {
			doc.Mentions = append(doc.Mentions, dossier.Mention{Span: tk.Span, Type: dossier.TypePER, Entity: len(doc.Entities)})
			doc.Entities = append(doc.Entities, dossier.Entity{Type: dossier.TypePER})
		}
	}
	// Time is not asserted (a busy machine makes it flaky): a quadratic scan
	// would take minutes and trip the test timeout.
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkQuotes(t, doc)
	if len(doc.Quotes) == 0 {
		t.Fatalf("2 MiB paragraph: no quotes")
	}
}
