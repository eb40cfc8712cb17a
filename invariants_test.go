package dossier

import (
	"strings"
	"testing"
)

func TestCheckLayers(t *testing.T) {
	text := "Lena Varga met the Port Board in Arvel."
	good := func() *Document {
		d := &Document{Text: text}
		d.Sentences = []Span{{0, len(text)}}
		d.Tokens = []Token{{Span: Span{0, 4}, Kind: TokWord}, {Span: Span{5, 10}, Kind: TokWord}}
		d.Mentions = []Mention{{Span: Span{0, 10}, Type: TypePER, Entity: 0}, {Span: Span{19, 29}, Type: TypeORG, Entity: 1}}
		d.Entities = []Entity{{Name: "Lena Varga", Mentions: []int{0}}, {Name: "Port Board", Mentions: []int{1}}}
		d.Claims = []Claim{{Subject: 0, Object: 1, Evidence: Span{0, len(text)}}}
		d.Quotes = []Quote{{Span: Span{0, 4}, Speaker: &Speaker{Entity: 0, Span: Span{0, 10}}}}
		return d
	}
	if err := CheckLayers(good()); err != nil {
		t.Fatalf("valid document: %v", err)
	}
	tests := []struct {
		name   string
		break_ func(d *Document)
		want   string
	}{
		{"overlapping mentions", func(d *Document) { d.Mentions[1].Start = 5 }, "mention 1"},
		{"unsorted tokens", func(d *Document) { d.Tokens[0], d.Tokens[1] = d.Tokens[1], d.Tokens[0] }, "token 1"},
		{"span past the text", func(d *Document) { d.Mentions[1].End = len(text) + 3 }, "outside the text"},
		{"inverted span", func(d *Document) { d.Sentences[0] = Span{10, 2} }, "sentence 0"},
		{"bad entity index", func(d *Document) { d.Mentions[0].Entity = 7 }, "entity index 7"},
		{"bad mention index", func(d *Document) { d.Entities[0].Mentions = []int{9} }, "mention index 9"},
		{"bad claim", func(d *Document) { d.Claims[0].Object = 2 }, "claim 0"},
		{"bad speaker", func(d *Document) { d.Quotes[0].Speaker.Entity = -2 }, "quote 0"},
		{"bad figure", func(d *Document) { d.Figures = []Figure{{Span: Span{-1, 2}}} }, "figure 0"},
	}
	for _, tc := range tests {
		d := good()
		tc.break_(d)
		err := CheckLayers(d)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one naming %q", tc.name, err, tc.want)
		}
	}
}
