package export

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/dossier-project/dossier"
)

// FuzzExport feeds hostile documents (any bytes, spans and indexes out of
// range) to every exporter: none may panic, and the output must parse.
func FuzzExport(f *testing.F) {
	f.Add("Fighters of the Group attacked Town.", 14, 23, 30, 34, 0, 1, 0)
	f.Add("\xff\xfe<&>\"]]>\x00", -3, 200, 2, 1, 5, -1, 2)
	f.Add("", 0, 0, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, subj, obj, speaker int) {
		doc := &dossier.Document{Name: "f<&>.txt", Lang: "en", Text: text}
		doc.Mentions = []dossier.Mention{{Span: dossier.Span{Start: s1, End: e1}, Type: "ORG"}, {Span: dossier.Span{Start: s2, End: e2}, Type: "LOC"}}
		doc.Entities = []dossier.Entity{
			{ID: "e:" + text, Name: text, Type: "ORG", Mentions: []int{0, 5}, Aliases: []dossier.Alias{{Name: text}}},
			{ID: "", Name: "Town", Type: "LOC", Mentions: []int{1, -1}},
		}
		doc.Claims = []dossier.Claim{
			{Subject: subj, Predicate: dossier.PredAttacked, Object: obj, Evidence: dossier.Span{Start: s1, End: e2}, Modality: dossier.ModalityAsserted, Confidence: 2},
			{Subject: 0, Predicate: "x", Object: 1, Evidence: dossier.Span{Start: e1, End: s1}, Attribution: &dossier.Speaker{Entity: speaker, Span: dossier.Span{Start: s2, End: e1}}},
		}
		doc.Quotes = []dossier.Quote{{Span: dossier.Span{Start: s2, End: e2}, Speaker: &dossier.Speaker{Entity: speaker, Span: dossier.Span{Start: e2, End: s2}}}}
		doc.Figures = []dossier.Figure{{Span: dossier.Span{Start: e1, End: e2}, Unit: "killed"}}
		for _, format := range []Format{FormatSTIX, FormatFtM, FormatGraphML, FormatJSONL} {
			var buf bytes.Buffer
			if _, err := Write(context.Background(), &buf, format, Docs{doc}, Options{}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case FormatSTIX:
				if !json.Valid(buf.Bytes()) {
					t.Fatalf("stix: invalid JSON:\n%s", buf.Bytes())
				}
			case FormatGraphML:
				var g graphML
				if err := xml.Unmarshal(buf.Bytes(), &g); err != nil {
					t.Fatalf("graphml: %v\n%s", err, buf.Bytes())
				}
			}
		}
		if _, err := WriteCSV(context.Background(), t.TempDir(), Docs{doc}, Options{}); err != nil {
			t.Fatal(err)
		}
	})
}
