package main

import (
	"bufio"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// The entity page groups the evidence of one link under one heading.
func TestEntityPageGroupsLinks(t *testing.T) {
	rel := func(doc int64, obj, pred, text string) dossier.RelationRecord {
		return dossier.RelationRecord{
			Subject:   dossier.EntityRef{ID: "e:iskp", Name: "ISKP"},
			Predicate: pred,
			Object:    dossier.EntityRef{ID: obj, Name: strings.TrimPrefix(obj, "e:")},
			Modality:  "asserted", Confidence: 0.9,
			Evidence: dossier.Evidence{Doc: doc, Text: text},
		}
	}
	page := &dossier.EntityPage{Relations: []dossier.RelationRecord{
		rel(1, "e:islamic-state", "part_of", "first sentence"),
		rel(2, "e:taliban", "opposes", "second sentence"),
		rel(3, "e:islamic-state", "part_of", "third sentence"),
		rel(3, "e:islamic-state", "part_of", "fourth sentence"),
	}}
	page.ID, page.Name, page.Type = "e:iskp", "ISKP", "ORG"
	var b strings.Builder
	w := bufio.NewWriter(&b)
	printEntityPage(w, page, nil)
	w.Flush()
	out := b.String()
	if n := strings.Count(out, "—part_of→"); n != 1 {
		t.Errorf("part_of heading printed %d times, want 1:\n%s", n, out)
	}
	if !strings.Contains(out, "ISKP —part_of→ islamic-state  (2 documents)") || !strings.Contains(out, "ISKP —opposes→ taliban  (1 document)") {
		t.Errorf("link headings with document counts missing:\n%s", out)
	}
	first, third, second := strings.Index(out, "first sentence"), strings.Index(out, "third sentence"), strings.Index(out, "second sentence")
	if first < 0 || third < 0 || second < 0 || !(first < third && third < second) {
		t.Errorf("evidence not grouped under its link:\n%s", out)
	}
}
