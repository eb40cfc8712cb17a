package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// annotated builds a document from text with inline mentions written
// "[PER Marc Hecker]"; equal names share an entity, and "[ORG UDV=Name]"
// writes UDV as a mention of Name's entity. Each line of the
// result is one sentence (the segmenter is not under test here).
func annotated(t testing.TB, lang, src string) *dossier.Document {
	t.Helper()
	doc := &dossier.Document{Lang: lang}
	var b strings.Builder
	byName := map[string]int{}
	for {
		i := strings.IndexByte(src, '[')
		if i < 0 {
			b.WriteString(src)
			break
		}
		b.WriteString(src[:i])
		j := strings.IndexByte(src[i:], ']')
		if j < 0 {
			t.Fatalf("unclosed mention in %q", src)
		}
		typ, name, ok := strings.Cut(src[i+1:i+j], " ")
		if !ok {
			t.Fatalf("bad mention %q", src[i:i+j+1])
		}
		start := b.Len()
		// "[ORG UDV=Université de Vessa]": the surface UDV names that entity.
		surface, canon, aliased := strings.Cut(name, "=")
		if aliased {
			name = canon
		}
		b.WriteString(surface)
		e, seen := byName[name]
		if !seen {
			e = len(doc.Entities)
			byName[name] = e
			doc.Entities = append(doc.Entities, dossier.Entity{Name: name, Type: typ})
		}
		doc.Entities[e].Mentions = append(doc.Entities[e].Mentions, len(doc.Mentions))
		doc.Mentions = append(doc.Mentions, dossier.Mention{Span: dossier.Span{Start: start, End: b.Len()}, Type: typ, Entity: e})
		src = src[i+j+1:]
	}
	doc.Text = b.String()
	start := 0
	for i := 0; i <= len(doc.Text); i++ {
		if i == len(doc.Text) || doc.Text[i] == '\n' {
			if i > start {
				doc.Sentences = append(doc.Sentences, dossier.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return doc
}

func newStage(t testing.TB) *Stage {
	t.Helper()
	s, err := New(lexicon.Default())
	if err != nil {
		t.Fatal(err)
	}
	return s
}
