package export

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
)

// ftmEntity is one FollowTheMoney entity as its tooling reads JSON lines:
// every property value is a list of strings.
type ftmEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// ftmID is a stable FtM id: the SHA-1 of the key parts, like
// followthemoney's make_id, prefixed with the producer's name.
func ftmID(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return "dossier-" + hex.EncodeToString(h.Sum(nil))
}

// ftmSchema is the FtM schema of an entity class.
func ftmSchema(e *entityInfo) string {
	switch e.class {
	case classActor, classPerson:
		return "Person"
	case classPlace:
		return "Address"
	}
	return "Organization"
}

// ftmLanguage converts ISO 639-1 ("fr") to the ISO 639-2/3 code FtM uses ("fra").
func ftmLanguage(code string) string {
	if code == "" {
		return ""
	}
	base, conf := language.Make(code).Base()
	if conf == language.No {
		return ""
	}
	return base.ISO3()
}

// ftmMembership maps predicates that make the subject part of the object to
// the role of an FtM Membership; the other predicates become UnknownLinks.
var ftmMembership = map[string]string{
	dossier.PredLeads:    "leader",
	dossier.PredMemberOf: "member",
	dossier.PredPartOf:   "part",
}

type ftmWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
	n   int
}

func (f *ftmWriter) write(e *ftmEntity) error {
	for k, v := range e.Properties {
		if len(v) == 0 || (len(v) == 1 && v[0] == "") {
			delete(e.Properties, k)
		}
	}
	f.n++
	if err := f.enc.Encode(e); err != nil {
		return fmt.Errorf("ftm: encode %s: %w", e.ID, err)
	}
	return nil
}

func writeFtM(ctx context.Context, w io.Writer, c *corpus) (Stats, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	f := &ftmWriter{w: bw, enc: json.NewEncoder(bw)}
	f.enc.SetEscapeHTML(false)
	var st Stats
	for _, e := range c.keptEntities() {
		props := map[string][]string{"name": {e.Name}, "alias": e.aliasNames()}
		if e.Country != "" {
			props["country"] = []string{strings.ToLower(e.Country)}
		}
		if e.Note != "" {
			props["description"] = []string{e.Note}
		}
		switch e.class {
		case classGroup, classActor:
			if e.Kind == kb.KindTerroristOrg || e.terrorist {
				props["topics"] = []string{"crime.terror"}
			}
		case classPlace:
			props["full"] = []string{e.Name}
			if e.Kind == kb.KindCity {
				props["city"] = []string{e.Name}
			}
			if e.HasCoords {
				props["latitude"] = []string{strconv.FormatFloat(e.Lat, 'f', -1, 64)}
				props["longitude"] = []string{strconv.FormatFloat(e.Lon, 'f', -1, 64)}
			}
		}
		if err := f.write(&ftmEntity{ID: ftmID("entity", e.ID), Schema: ftmSchema(e), Properties: props}); err != nil {
			return st, err
		}
		st.Entities++
	}
	err := c.src.Documents(ctx, func(doc *dossier.Document) error {
		if !c.exportsDoc(doc) {
			return nil
		}
		st.Documents++
		id := docID(doc)
		docFtM := ftmID("document", id)
		title := doc.Meta.Title
		if title == "" {
			title = doc.Name
		}
		props := map[string][]string{"name": {title}, "title": {doc.Meta.Title}, "fileName": {doc.Name},
			"sourceUrl": {doc.Meta.URL}, "publishedAt": {published(doc)}, "language": {ftmLanguage(doc.Lang)},
			"author": {doc.Meta.Author}, "publisher": {doc.Meta.Outlet}}
		if err := f.write(&ftmEntity{ID: docFtM, Schema: "Document", Properties: props}); err != nil {
			return err
		}
		seen := map[string]bool{}
		for i := range doc.Entities {
			eid := entityID(doc, i)
			if !c.kept(eid) || seen[eid] {
				continue
			}
			seen[eid] = true
			if err := f.write(&ftmEntity{ID: ftmID("documentation", id, eid), Schema: "Documentation",
				Properties: map[string][]string{"document": {docFtM}, "entity": {ftmID("entity", eid)}, "role": {"mentioned"}}}); err != nil {
				return err
			}
		}
		for i := range doc.Claims {
			cl := &doc.Claims[i]
			if !c.exportsClaim(doc, cl) {
				continue
			}
			st.Relations++
			subj, obj := c.entities[entityID(doc, cl.Subject)], c.entities[entityID(doc, cl.Object)]
			props := map[string][]string{"description": {oneLine(doc.Slice(cl.Evidence))},
				"sourceUrl": {doc.Meta.URL}, "date": {published(doc)}, "status": {cl.Modality},
				"recordId": {id}, "publisher": {speakerName(doc, cl.Attribution)}}
			rid := ftmID("claim", id, strconv.Itoa(cl.Evidence.Start), subj.ID, cl.Predicate, obj.ID)
			role, member := ftmMembership[cl.Predicate]
			// Membership needs a legal entity inside an organisation.
			if member && subj.class != classPlace && ftmSchema(obj) == "Organization" {
				props["member"] = []string{ftmID("entity", subj.ID)}
				props["organization"] = []string{ftmID("entity", obj.ID)}
				props["role"] = []string{role}
				if err := f.write(&ftmEntity{ID: rid, Schema: "Membership", Properties: props}); err != nil {
					return err
				}
				continue
			}
			props["subject"] = []string{ftmID("entity", subj.ID)}
			props["object"] = []string{ftmID("entity", obj.ID)}
			props["role"] = []string{cl.Predicate}
			if err := f.write(&ftmEntity{ID: rid, Schema: "UnknownLink", Properties: props}); err != nil {
				return err
			}
		}
		for i := range doc.Quotes {
			q := &doc.Quotes[i]
			if !c.exportsQuote(doc, q) {
				continue
			}
			st.Quotes++
			who := speakerName(doc, q.Speaker)
			name := "Quote"
			if who != "" {
				name = "Quote by " + who
			}
			props := map[string][]string{"name": {name}, "description": {oneLine(doc.Slice(q.Span))},
				"sourceUrl": {doc.Meta.URL}, "publisher": {who}}
			if q.Speaker != nil && q.Speaker.Entity >= 0 && q.Speaker.Entity < len(doc.Entities) {
				props["entity"] = []string{ftmID("entity", entityID(doc, q.Speaker.Entity))}
			} else {
				props["entity"] = []string{docFtM}
			}
			if err := f.write(&ftmEntity{ID: ftmID("quote", id, strconv.Itoa(q.Start)), Schema: "Note", Properties: props}); err != nil {
				return err
			}
		}
		return nil
	})
	st.Objects = f.n
	if err != nil {
		return st, err
	}
	return st, bw.Flush()
}
