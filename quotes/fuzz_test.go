package quotes

import (
	"context"
	"testing"

	"github.com/dossier-project/dossier"
)

// FuzzQuotes feeds hostile text through segment and quotes, with a mention
// on every capitalised word, and checks the span invariants.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		"“The links have been maintained,” said Marc Hecker.",
		"« Il y a une grande attente et donc un risque », a-t-il dit.",
		"\"unclosed quote at the end of the line and more words\nnext",
		"«\u00a0a b c d\u00a0»",
		"<< Cela montre la sympathie de tous >> \"",
		"'x' ‘y’ ’’ “” «» \"\" '' \xff\xfe “ a b c d ”",
		"\"“«‘'",
		"",
	} {
		f.Add(s, "en")
		f.Add(s, "fr")
	}
	sg, st := newStages(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		doc := &dossier.Document{Text: text, Lang: lang}
		ctx := context.Background()
		if err := sg.Process(ctx, doc); err != nil {
			return
		}
		// Every word token starting with an uppercase ASCII letter is a PER mention.
		for _, tk := range doc.Tokens {
			if tk.Kind == dossier.TokWord && tk.End > tk.Start && text[tk.Start] >= 'A' && text[tk.Start] <= 'Z' {
				doc.Mentions = append(doc.Mentions, dossier.Mention{Span: tk.Span, Type: dossier.TypePER, Entity: len(doc.Entities)})
				doc.Entities = append(doc.Entities, dossier.Entity{Type: dossier.TypePER, Mentions: []int{len(doc.Mentions) - 1}})
			}
		}
		if err := st.Process(ctx, doc); err != nil {
			t.Fatal(err)
		}
		checkQuotes(t, doc)
	})
}
