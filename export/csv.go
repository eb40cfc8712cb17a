package export

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/dossier-project/dossier"
)

// CSV tables written by WriteCSV, with their header rows. Every row has a
// stable id: documents "d:<digest of the text>", entities their corpus id,
// the others the document id and the byte offset of what they cite.
var csvTables = []struct {
	file   string
	header []string
}{
	{"documents.csv", []string{"doc_id", "name", "title", "lang", "published", "url", "outlet", "author", "bytes"}},
	{"entities.csv", []string{"entity_id", "name", "type", "class", "kind", "kb", "country", "documents", "mentions"}},
	{"aliases.csv", []string{"entity_id", "alias", "reason", "documents"}},
	{"mentions.csv", []string{"mention_id", "doc_id", "entity_id", "start", "end", "text"}},
	{"relations.csv", []string{"relation_id", "doc_id", "subject_id", "predicate", "object_id", "modality", "confidence", "attribution", "evidence_start", "evidence_end", "evidence"}},
	{"quotes.csv", []string{"quote_id", "doc_id", "speaker_id", "speaker", "verb", "start", "end", "text"}},
	{"figures.csv", []string{"figure_id", "doc_id", "value", "unit", "qualifier", "approximate", "noun", "start", "end", "text"}},
}

// CSVFiles lists the files WriteCSV creates.
func CSVFiles() []string {
	out := make([]string, len(csvTables))
	for i, t := range csvTables {
		out[i] = t.file
	}
	return out
}

// SafeCell neutralises a cell that a spreadsheet would run as a formula
// (OWASP's CSV injection advice): one starting with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe, which spreadsheets show as text.
// A plain number ("-12", "+3.5") is left alone.
func SafeCell(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(v, 64); err == nil && v[0] != '=' && v[0] != '@' {
			return v
		}
		return "'" + v
	}
	return v
}

// WriteCSV exports src as CSV tables in dir, created if needed.
func WriteCSV(ctx context.Context, dir string, src Source, opts Options) (st Stats, err error) {
	c, err := index(ctx, src, opts)
	if err != nil {
		return st, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, fmt.Errorf("export: %w", err)
	}
	files := make([]*os.File, len(csvTables))
	w := make([]*csv.Writer, len(csvTables))
	defer func() {
		for i, f := range files {
			if f == nil {
				continue
			}
			w[i].Flush()
			err = errors.Join(err, w[i].Error(), f.Close())
		}
	}()
	for i, t := range csvTables {
		f, err := os.Create(filepath.Join(dir, t.file))
		if err != nil {
			return st, fmt.Errorf("export: %w", err)
		}
		files[i] = f
		if opts.CSVBOM {
			// Excel reads a BOM-less CSV file in the machine's legacy code page.
			if _, err := f.WriteString("\ufeff"); err != nil {
				return st, fmt.Errorf("export: %w", err)
			}
		}
		w[i] = csv.NewWriter(f)
		w[i].Write(t.header)
	}
	docs, ents, aliases, mentions, rels, quotes, figs := w[0], w[1], w[2], w[3], w[4], w[5], w[6]
	row := func(cw *csv.Writer, rec ...string) {
		st.Objects++
		for i := range rec {
			rec[i] = SafeCell(rec[i])
		}
		cw.Write(rec)
	}
	itoa := strconv.Itoa
	for _, e := range c.keptEntities() {
		st.Entities++
		row(ents, e.ID, e.Name, e.Type, e.class.String(), string(e.Kind), e.KB, e.Country, itoa(e.Docs), itoa(e.Mentions))
		for _, a := range e.Aliases {
			row(aliases, e.ID, a.Name, a.Reason, itoa(a.Docs))
		}
	}
	err = c.src.Documents(ctx, func(doc *dossier.Document) error {
		if !c.exportsDoc(doc) {
			return nil
		}
		st.Documents++
		id := docID(doc)
		row(docs, id, doc.Name, doc.Meta.Title, doc.Lang, published(doc), doc.Meta.URL, doc.Meta.Outlet, doc.Meta.Author, itoa(len(doc.Text)))
		for i := range doc.Entities {
			eid := entityID(doc, i)
			if !c.kept(eid) {
				continue
			}
			for _, m := range doc.Entities[i].Mentions {
				if m < 0 || m >= len(doc.Mentions) {
					continue
				}
				s := doc.Mentions[m].Span
				row(mentions, fmt.Sprintf("%s:m%d", id, s.Start), id, eid, itoa(s.Start), itoa(s.End), doc.Slice(s))
			}
		}
		for i := range doc.Claims {
			cl := &doc.Claims[i]
			if !c.exportsClaim(doc, cl) {
				continue
			}
			st.Relations++
			row(rels, fmt.Sprintf("%s:r%d:%d", id, cl.Evidence.Start, i), id, entityID(doc, cl.Subject), cl.Predicate, entityID(doc, cl.Object),
				cl.Modality, strconv.FormatFloat(cl.Confidence, 'f', 3, 64), speakerName(doc, cl.Attribution),
				itoa(cl.Evidence.Start), itoa(cl.Evidence.End), oneLine(doc.Slice(cl.Evidence)))
		}
		for i := range doc.Quotes {
			q := &doc.Quotes[i]
			if !c.exportsQuote(doc, q) {
				continue
			}
			st.Quotes++
			spID, verb := "", ""
			if q.Speaker != nil {
				spID = entityID(doc, q.Speaker.Entity)
			}
			if q.Verb != nil {
				verb = doc.Slice(*q.Verb)
			}
			row(quotes, fmt.Sprintf("%s:q%d", id, q.Start), id, spID, speakerName(doc, q.Speaker), verb, itoa(q.Start), itoa(q.End), doc.Slice(q.Span))
		}
		for _, f := range doc.Figures {
			st.Figures++
			row(figs, fmt.Sprintf("%s:f%d", id, f.Start), id, strconv.FormatFloat(f.Value, 'f', -1, 64), f.Unit, f.Qualifier,
				strconv.FormatBool(f.Approximate), f.Noun, itoa(f.Start), itoa(f.End), doc.Slice(f.Span))
		}
		return nil
	})
	return st, err
}
