// Package contract turns an annotated Document into the extraction contract
// printed by `dossier extract --json` (see docs/CONTRACT.md): one JSON object
// per document, with byte offsets into Document.Text and each `text` field
// equal to Text[start:end].
package contract

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/dossier-project/dossier"
)

// Doc is one document in the contract. Field order is the order of the JSON.
type Doc struct {
	Doc         string         `json:"doc"`
	Lang        string         `json:"lang"`
	Title       *string        `json:"title"`
	Published   *string        `json:"published"`
	Boilerplate []dossier.Span `json:"boilerplate"`
	Entities    []Entity       `json:"entities"`
	Quotes      []Quote        `json:"quotes"`
	Relations   []Relation     `json:"relations"`
	Figures     []Figure       `json:"figures"`

	// Extra fields, stable but not part of the core contract.
	Format        string        `json:"format"`
	Encoding      string        `json:"encoding,omitempty"`
	Bytes         int           `json:"bytes"`
	TitleSpan     *dossier.Span `json:"title_span,omitempty"`
	PublishedSpan *dossier.Span `json:"published_span,omitempty"`
	Author        string        `json:"author,omitempty"`
	Outlet        string        `json:"outlet,omitempty"`
	URL           string        `json:"url,omitempty"`
	Sentences     int           `json:"sentences"`
	Timexes       []Timex       `json:"timexes"`
	Sources       []Source      `json:"sources"`
	Warnings      []string      `json:"warnings,omitempty"`
	// Text is the document text every offset indexes; only with --text
	// (for HTML, PDF and re-encoded inputs it is not the input file).
	Text *string `json:"text,omitempty"`
}

// Source is an unnamed source of the document, which quotes' speakers and
// relations' attributions name by ID.
type Source struct {
	ID         string    `json:"id"`
	Descriptor string    `json:"descriptor"`
	Mentions   []Mention `json:"mentions"`
	// Affiliation is the corpus id of the organisation or country the
	// description names ("a DGSI source"), or nil.
	Affiliation *string `json:"affiliation"`
}

// Mention is one occurrence of an entity.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is a named person, organisation or place with its mentions.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Mentions []Mention `json:"mentions"`
}

// Speaker is who a quote is attributed to; ID is nil for an unnamed source,
// which Source then names (an extra field: Doc.Sources).
type Speaker struct {
	ID     *string `json:"id"`
	Text   string  `json:"text"`
	Source string  `json:"source,omitempty"`
}

// Quote is a direct quotation.
type Quote struct {
	Text    string   `json:"text"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Speaker *Speaker `json:"speaker"`
	// Extra fields.
	SpeakerSpan *dossier.Span  `json:"speaker_span,omitempty"`
	Verb        string         `json:"verb,omitempty"`
	Parts       []dossier.Span `json:"parts,omitempty"`
}

// Relation is a typed link between two entities with its evidence.
type Relation struct {
	Subject   string       `json:"subject"`
	Predicate string       `json:"predicate"`
	Object    string       `json:"object"`
	Evidence  dossier.Span `json:"evidence"`
	// Extra fields: how firmly and by whom the text makes the claim.
	Modality    string   `json:"modality"`
	Confidence  float64  `json:"confidence"`
	Attribution *Speaker `json:"attribution"`
	Trigger     string   `json:"trigger,omitempty"`
}

// Figure is a counted quantity.
type Figure struct {
	Value       float64 `json:"value"`
	Unit        string  `json:"unit"`
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Qualifier   string  `json:"qualifier"`
	Approximate bool    `json:"approximate,omitempty"`
	Noun        string  `json:"noun,omitempty"`
}

// Timex is a date in the text.
type Timex struct {
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Value     string `json:"value"`
	Precision string `json:"precision"`
	Relative  bool   `json:"relative,omitempty"`
}

// FromDocument builds the contract view of doc. Slices are never nil so that
// consumers always see arrays.
func FromDocument(doc *dossier.Document) Doc {
	out := Doc{
		Doc:           doc.Name,
		Lang:          doc.Lang,
		Boilerplate:   nonNil(doc.Boilerplate),
		Entities:      []Entity{},
		Quotes:        []Quote{},
		Relations:     []Relation{},
		Figures:       make([]Figure, 0, len(doc.Figures)),
		Format:        doc.Format,
		Encoding:      doc.Meta.Encoding,
		Bytes:         len(doc.Text),
		TitleSpan:     doc.Meta.TitleSpan,
		PublishedSpan: doc.Meta.PublishedSpan,
		Author:        doc.Meta.Author,
		Outlet:        doc.Meta.Outlet,
		URL:           doc.Meta.URL,
		Sentences:     len(doc.Sentences),
		Timexes:       make([]Timex, 0, len(doc.Timexes)),
		Warnings:      doc.Warnings,
	}
	if doc.Meta.Title != "" {
		t := doc.Meta.Title
		out.Title = &t
	}
	if !doc.Meta.Published.IsZero() {
		p := doc.Meta.Published.Format("2006-01-02")
		out.Published = &p
	}
	for i, e := range doc.Entities {
		ent := Entity{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: make([]Mention, 0, len(e.Mentions))}
		if ent.ID == "" {
			// Unresolved (single-document use of the stage): still unique within the document.
			ent.ID = fmt.Sprintf("local:%d", i)
		}
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(doc.Mentions) {
				continue
			}
			m := doc.Mentions[mi].Span
			ent.Mentions = append(ent.Mentions, Mention{Start: m.Start, End: m.End, Text: doc.Slice(m)})
		}
		out.Entities = append(out.Entities, ent)
	}
	out.Sources = make([]Source, 0, len(doc.Sources))
	for i, src := range doc.Sources {
		cs := Source{ID: fmt.Sprintf("s%d", i+1), Descriptor: src.Descriptor, Mentions: make([]Mention, 0, len(src.Spans))}
		for _, sp := range src.Spans {
			cs.Mentions = append(cs.Mentions, Mention{Start: sp.Start, End: sp.End, Text: doc.Slice(sp)})
		}
		if src.Affiliation >= 0 && src.Affiliation < len(out.Entities) {
			id := out.Entities[src.Affiliation].ID
			cs.Affiliation = &id
		}
		out.Sources = append(out.Sources, cs)
	}
	for _, q := range doc.Quotes {
		cq := Quote{Text: doc.Slice(q.Span), Start: q.Start, End: q.End, Parts: q.Parts,
			Speaker: speaker(doc, &out, q.Speaker)}
		if q.Speaker != nil {
			sp := q.Speaker.Span
			cq.SpeakerSpan = &sp
		}
		if q.Verb != nil {
			cq.Verb = doc.Slice(*q.Verb)
		}
		out.Quotes = append(out.Quotes, cq)
	}
	for _, c := range doc.Claims {
		if c.Subject < 0 || c.Subject >= len(out.Entities) || c.Object < 0 || c.Object >= len(out.Entities) {
			continue
		}
		r := Relation{Subject: out.Entities[c.Subject].ID, Predicate: c.Predicate, Object: out.Entities[c.Object].ID,
			Evidence: c.Evidence, Modality: c.Modality, Confidence: c.Confidence,
			Attribution: speaker(doc, &out, c.Attribution)}
		if c.Trigger != nil {
			r.Trigger = doc.Slice(*c.Trigger)
		}
		out.Relations = append(out.Relations, r)
	}
	for _, f := range doc.Figures {
		out.Figures = append(out.Figures, Figure{
			Value: f.Value, Unit: f.Unit, Text: doc.Slice(f.Span), Start: f.Start, End: f.End,
			Qualifier: f.Qualifier, Approximate: f.Approximate, Noun: f.Noun,
		})
	}
	for _, t := range doc.Timexes {
		out.Timexes = append(out.Timexes, Timex{
			Text: doc.Slice(t.Span), Start: t.Start, End: t.End,
			Value: t.Value, Precision: string(t.Precision), Relative: t.Relative,
		})
	}
	return out
}

// speaker maps an attribution to the contract: a named entity's corpus id, or
// a null id with the unnamed source's description.
func speaker(doc *dossier.Document, out *Doc, sp *dossier.Speaker) *Speaker {
	if sp == nil {
		return nil
	}
	s := &Speaker{Text: doc.Slice(sp.Span)}
	if sp.Entity >= 0 && sp.Entity < len(out.Entities) {
		id := out.Entities[sp.Entity].ID
		s.ID = &id
		if s.Text == "" {
			s.Text = out.Entities[sp.Entity].Name
		}
	} else if i := doc.SourceOf(sp); i >= 0 && i < len(out.Sources) {
		s.Source = out.Sources[i].ID
	}
	return s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Encoder writes contract documents as JSON Lines.
type Encoder struct {
	enc *json.Encoder
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &Encoder{enc: enc}
}

// Encode writes one document as one line.
func (e *Encoder) Encode(d Doc) error { return e.enc.Encode(d) }
