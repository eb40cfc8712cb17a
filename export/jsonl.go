package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/contract"
)

// JSONLEntity is an "entity" line of the JSON Lines export.
type JSONLEntity struct {
	Record   string        `json:"record"` // "entity"
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Type     string        `json:"type"`
	Class    string        `json:"class"`
	Kind     string        `json:"kind,omitempty"`
	KB       string        `json:"kb,omitempty"`
	Country  string        `json:"country,omitempty"`
	Aliases  []JSONLAlias  `json:"aliases"`
	Docs     int           `json:"documents"`
	Mentions int           `json:"mentions"`
	Links    []JSONLLinkTo `json:"relations,omitempty"`
}

// JSONLAlias is one name form of an entity and why it was linked.
type JSONLAlias struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
	Docs   int    `json:"documents"`
}

// JSONLLinkTo is an aggregated relation from the entity.
type JSONLLinkTo struct {
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Modality  string `json:"modality"`
	Evidence  int    `json:"evidence"`
	Docs      int    `json:"documents"`
}

// JSONLDocument is a "document" line: the extraction contract of one
// document (see package contract) with its stable id.
type JSONLDocument struct {
	Record string `json:"record"` // "document"
	ID     string `json:"id"`
	contract.Doc
}

// writeJSONL writes every entity, then every document in the contract's form.
func writeJSONL(ctx context.Context, w io.Writer, c *corpus) (Stats, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var st Stats
	links := map[string][]JSONLLinkTo{}
	for _, k := range c.sortedEdges() {
		e := c.edges[k]
		links[k.Subject] = append(links[k.Subject], JSONLLinkTo{k.Predicate, k.Object, k.Modality, e.Evidence, e.Docs})
	}
	for _, e := range c.keptEntities() {
		rec := JSONLEntity{Record: "entity", ID: e.ID, Name: e.Name, Type: e.Type, Class: e.class.String(),
			Kind: string(e.Kind), KB: e.KB, Country: e.Country, Aliases: []JSONLAlias{}, Docs: e.Docs, Mentions: e.Mentions,
			Links: links[e.ID]}
		for _, a := range e.Aliases {
			rec.Aliases = append(rec.Aliases, JSONLAlias(a))
		}
		if err := enc.Encode(rec); err != nil {
			return st, fmt.Errorf("jsonl: %w", err)
		}
		st.Entities++
		st.Objects++
	}
	err := c.src.Documents(ctx, func(doc *dossier.Document) error {
		if !c.exportsDoc(doc) {
			return nil
		}
		st.Documents++
		cd := contract.FromDocument(doc)
		kept := map[string]bool{}
		for i := range doc.Claims {
			if c.exportsClaim(doc, &doc.Claims[i]) {
				kept[fmt.Sprint(doc.Claims[i].Evidence, entityID(doc, doc.Claims[i].Subject), doc.Claims[i].Predicate, entityID(doc, doc.Claims[i].Object))] = true
			}
		}
		cd.Relations = slices.DeleteFunc(cd.Relations, func(r contract.Relation) bool {
			return !kept[fmt.Sprint(r.Evidence, r.Subject, r.Predicate, r.Object)]
		})
		if c.keep != nil {
			cd.Entities = slices.DeleteFunc(cd.Entities, func(e contract.Entity) bool { return !c.keep[e.ID] })
			cd.Quotes = slices.DeleteFunc(cd.Quotes, func(q contract.Quote) bool {
				return q.Speaker == nil || q.Speaker.ID == nil || !c.keep[*q.Speaker.ID]
			})
		}
		st.Relations += len(cd.Relations)
		st.Quotes += len(cd.Quotes)
		st.Figures += len(cd.Figures)
		st.Objects++
		if err := enc.Encode(JSONLDocument{Record: "document", ID: docID(doc), Doc: cd}); err != nil {
			return fmt.Errorf("jsonl: %s: %w", doc.Name, err)
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	return st, bw.Flush()
}
