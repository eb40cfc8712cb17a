package contract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sampleDoc() *dossier.Document {
	text := "Home | World\nTwo men held over Lyon plot\nPublished 3 March 2023\nPolice arrested two men on Tuesday, the prosecutor said.\n\"We acted on a tip from Lyon police,\" a senior official said.\n"
	span := func(sub string) dossier.Span {
		i := bytes.Index([]byte(text), []byte(sub))
		return dossier.Span{Start: i, End: i + len(sub)}
	}
	title := span("Two men held over Lyon plot")
	pub := span("3 March 2023")
	// The quote's speech verb is the last "said" in the text.
	verbStart := bytes.LastIndex([]byte(text), []byte("said"))
	verb := dossier.Span{Start: verbStart, End: verbStart + len("said")}
	return &dossier.Document{
		Name:   "sample.txt",
		Format: "txt",
		Text:   text,
		Lang:   "en",
		Meta: dossier.Meta{
			Title: "Two men held over Lyon plot", TitleSpan: &title,
			Published: time.Date(2023, 3, 3, 0, 0, 0, 0, time.UTC), PublishedSpan: &pub,
			Encoding: "utf-8",
		},
		Boilerplate: []dossier.Span{span("Home | World\n")},
		Sentences:   []dossier.Span{title, span("Published 3 March 2023"), span("Police arrested two men on Tuesday, the prosecutor said.")},
		Timexes:     []dossier.Timex{{Span: span("Tuesday"), Value: "2023-02-28", Precision: dossier.PrecisionDay, Relative: true}},
		Figures:     []dossier.Figure{{Span: span("two"), Value: 2, Unit: dossier.UnitPerson, Noun: "men", Qualifier: dossier.QualExact}},
		Mentions:    []dossier.Mention{{Span: span("Lyon"), Type: dossier.TypeLOC, Entity: 0, Source: "gazetteer"}},
		Entities:    []dossier.Entity{{ID: "e:lyon", Name: "Lyon", Type: dossier.TypeLOC, KB: "lyon", Mentions: []int{0}}},
		Quotes: []dossier.Quote{{
			Span:    span("We acted on a tip from Lyon police,"),
			Speaker: &dossier.Speaker{Entity: -1, Span: span("a senior official"), Descriptor: "senior official"},
			Verb:    &verb,
		}},
		Sources: []dossier.UnnamedSource{{Descriptor: "senior official", Spans: []dossier.Span{span("a senior official")}, Affiliation: -1}},
		Claims: []dossier.Claim{{Subject: 0, Predicate: dossier.PredLocatedIn, Object: 0,
			Evidence: span("Police arrested two men on Tuesday, the prosecutor said."), Modality: dossier.ModalityReported, Confidence: 0.75}},
	}
}

// TestGolden pins the JSON shape of the contract: field names, order, nulls
// and empty arrays. Run with -update after a deliberate change.
func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	enc := NewEncoder(&buf)
	if err := enc.Encode(FromDocument(sampleDoc())); err != nil {
		t.Fatal(err)
	}
	empty := &dossier.Document{Name: "-", Format: "txt", Text: "x"}
	if err := enc.Encode(FromDocument(empty)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "contract.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("contract output changed:\n got: %s\nwant: %s", buf.Bytes(), want)
	}
}

// TestTextsMatchSpans checks that every text field equals the document text at its offsets.
func TestTextsMatchSpans(t *testing.T) {
	doc := sampleDoc()
	out := FromDocument(doc)
	raw, _ := json.Marshal(out)
	var back Doc
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	for _, f := range back.Figures {
		if got := doc.Text[f.Start:f.End]; got != f.Text {
			t.Errorf("figure text %q != text[%d:%d] %q", f.Text, f.Start, f.End, got)
		}
	}
	for _, q := range back.Quotes {
		if got := doc.Text[q.Start:q.End]; got != q.Text {
			t.Errorf("quote text %q != %q", q.Text, got)
		}
		if q.Speaker == nil || q.Speaker.ID != nil || q.Speaker.Text != "a senior official" || q.Verb != "said" {
			t.Errorf("quote speaker/verb wrong: %+v", q)
		}
	}
	for _, e := range back.Entities {
		for _, m := range e.Mentions {
			if got := doc.Text[m.Start:m.End]; got != m.Text {
				t.Errorf("mention text %q != %q", m.Text, got)
			}
		}
	}
	for _, x := range back.Timexes {
		if got := doc.Text[x.Start:x.End]; got != x.Text {
			t.Errorf("timex text %q != %q", x.Text, got)
		}
	}
	if back.Title == nil || *back.Title != "Two men held over Lyon plot" || back.Published == nil || *back.Published != "2023-03-03" {
		t.Errorf("title/published = %v/%v", back.Title, back.Published)
	}
}
