package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/claims"
	"github.com/dossier-project/dossier/kb"
)

// STIX relationship types for dossier's predicates. Types defined by STIX 2.1
// are used where one means the same thing (targets, located-at); part-of and
// cooperates-with are OpenCTI's; related-to is STIX's generic link. The
// original predicate is always kept in x_dossier_predicate.
var stixRelationship = map[string]string{
	dossier.PredLeads:          "related-to",
	dossier.PredMemberOf:       "part-of",
	dossier.PredPartOf:         "part-of",
	dossier.PredAffiliatedWith: "related-to",
	dossier.PredAlliedWith:     "cooperates-with",
	dossier.PredOpposes:        "related-to",
	dossier.PredAttacked:       "targets",
	dossier.PredLocatedIn:      "located-at",
}

// STIXRelationshipType maps a predicate to a STIX relationship_type.
func STIXRelationshipType(predicate string) string {
	if t, ok := stixRelationship[predicate]; ok {
		return t
	}
	return "related-to"
}

// identitySectors are STIX industry sectors for organisation kinds.
var identitySectors = map[kb.Kind]string{
	kb.KindGovernment: "government-national",
	kb.KindAgency:     "government-national",
	kb.KindCourt:      "government-national",
	kb.KindMilitary:   "defense",
	kb.KindMedia:      "communications",
	kb.KindNGO:        "non-profit",
}

// stixObject is every STIX object type dossier writes, flattened: each type
// sets its own properties and omitempty drops the others. Properties named
// x_dossier_* are custom (STIX 2.1 §11.1).
type stixObject struct {
	Type        string `json:"type"`
	SpecVersion string `json:"spec_version"`
	ID          string `json:"id"`
	Created     string `json:"created"`
	Modified    string `json:"modified"`

	Name             string   `json:"name,omitempty"`
	Description      string   `json:"description,omitempty"`
	Aliases          []string `json:"aliases,omitempty"`
	IdentityClass    string   `json:"identity_class,omitempty"`
	Sectors          []string `json:"sectors,omitempty"`
	ThreatActorTypes []string `json:"threat_actor_types,omitempty"`
	ResourceLevel    string   `json:"resource_level,omitempty"`

	Region    string   `json:"region,omitempty"`
	Country   string   `json:"country,omitempty"`
	City      string   `json:"city,omitempty"`
	Latitude  *float64 `json:"latitude,omitempty"`
	Longitude *float64 `json:"longitude,omitempty"`

	RelationshipType string `json:"relationship_type,omitempty"`
	SourceRef        string `json:"source_ref,omitempty"`
	TargetRef        string `json:"target_ref,omitempty"`

	Published  string   `json:"published,omitempty"`
	Abstract   string   `json:"abstract,omitempty"`
	Content    string   `json:"content,omitempty"`
	Authors    []string `json:"authors,omitempty"`
	ObjectRefs []string `json:"object_refs,omitempty"`

	Confidence         *int          `json:"confidence,omitempty"`
	Lang               string        `json:"lang,omitempty"`
	ExternalReferences []externalRef `json:"external_references,omitempty"`

	XID          string        `json:"x_dossier_id,omitempty"`
	XKB          string        `json:"x_dossier_kb,omitempty"`
	XType        string        `json:"x_dossier_type,omitempty"`
	XKind        string        `json:"x_dossier_kind,omitempty"`
	XAliases     []string      `json:"x_dossier_aliases,omitempty"`
	XPredicate   string        `json:"x_dossier_predicate,omitempty"`
	XModality    string        `json:"x_dossier_modality,omitempty"`
	XAttribution string        `json:"x_dossier_attribution,omitempty"`
	XEvidence    *dossier.Span `json:"x_dossier_evidence,omitempty"`
	XDocument    string        `json:"x_dossier_document,omitempty"`
}

type externalRef struct {
	SourceName  string `json:"source_name"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	ExternalID  string `json:"external_id,omitempty"`
}

// stixWriter streams a bundle: the header is written before the first
// object, so an empty export is still a valid bundle.
type stixWriter struct {
	w       *bufio.Writer
	bundle  string
	n       int
	stamp   string
	scratch []byte
}

func (s *stixWriter) write(o *stixObject) error {
	o.SpecVersion = "2.1"
	o.Created, o.Modified = s.stamp, s.stamp
	b, err := json.Marshal(o)
	if err != nil {
		return fmt.Errorf("stix: encode %s: %w", o.ID, err)
	}
	if s.n == 0 {
		fmt.Fprintf(s.w, "{\"type\":\"bundle\",\"id\":%q,\"objects\":[\n", s.bundle)
	} else {
		s.w.WriteString(",\n")
	}
	s.n++
	_, err = s.w.Write(b)
	return err
}

func (s *stixWriter) close() error {
	if s.n == 0 {
		fmt.Fprintf(s.w, "{\"type\":\"bundle\",\"id\":%q}\n", s.bundle)
	} else {
		s.w.WriteString("\n]}\n")
	}
	return s.w.Flush()
}

// stixTimestamp formats t as STIX requires (UTC, milliseconds).
func stixTimestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// stixEntityID is the id of an entity's SDO.
func stixEntityID(e *entityInfo) string {
	return stixID(stixEntityType(e), e.ID)
}

func stixEntityType(e *entityInfo) string {
	switch e.class {
	case classGroup:
		return "intrusion-set"
	case classActor:
		return "threat-actor"
	case classPlace:
		return "location"
	}
	return "identity"
}

// stixEntity builds the SDO of an entity.
func stixEntity(e *entityInfo) *stixObject {
	o := &stixObject{Type: stixEntityType(e), ID: stixEntityID(e), Name: e.Name, Description: e.Note,
		XID: e.ID, XKB: e.KB, XType: e.Type, XKind: string(e.Kind)}
	aliases := e.aliasNames()
	switch e.class {
	case classGroup:
		o.Aliases = aliases
	case classActor:
		o.Aliases = aliases
		o.ResourceLevel = "individual"
		o.ThreatActorTypes = []string{"unknown"}
		if e.terrorist {
			o.ThreatActorTypes = []string{"terrorist"}
		}
	case classPerson:
		o.IdentityClass = "individual"
		o.XAliases = aliases
	case classOrg:
		o.IdentityClass = "organization"
		if s, ok := identitySectors[e.Kind]; ok {
			o.Sectors = []string{s}
		}
		o.XAliases = aliases
	case classPlace:
		o.XAliases = aliases
		o.Country = e.Country
		switch e.Kind {
		case kb.KindCity:
			o.City = e.Name
		case kb.KindCountry:
		default:
			o.Region = e.Name
		}
		if o.Country == "" && o.Region == "" && !e.HasCoords {
			// STIX needs a region, country or coordinates: an unknown place is its own region.
			o.Region = e.Name
		}
		if e.HasCoords {
			lat, lon := e.Lat, e.Lon
			o.Latitude, o.Longitude = &lat, &lon
		}
	}
	return o
}

// stixConfidence maps a claim to STIX's 0–100 confidence. Claims carry a
// confidence that already weighs modality and attribution (package claims);
// a claim without one is scored from them the same way.
func stixConfidence(cl *dossier.Claim) int {
	conf := cl.Confidence
	if conf <= 0 {
		switch cl.Modality {
		case dossier.ModalityReported:
			conf = claims.ConfidenceReported
		case dossier.ModalityHedged:
			conf = claims.ConfidenceHedged
		case dossier.ModalityDenied:
			conf = claims.ConfidenceDenied
		default:
			conf = claims.ConfidenceAsserted
		}
	}
	return int(math.Round(math.Min(1, conf) * 100))
}

// docRef is the external reference citing a document.
func docRef(doc *dossier.Document, id string) externalRef {
	desc := doc.Name
	if doc.Meta.Title != "" {
		desc = doc.Meta.Title + " (" + doc.Name + ")"
	}
	return externalRef{SourceName: "dossier", Description: desc, URL: doc.Meta.URL, ExternalID: id}
}

func writeSTIX(ctx context.Context, w io.Writer, c *corpus) (Stats, error) {
	s := &stixWriter{w: bufio.NewWriterSize(w, 64<<10), stamp: stixTimestamp(c.now),
		bundle: "bundle--" + uuid5("bundle|"+c.now.Format(time.RFC3339Nano))}
	var st Stats
	for _, e := range c.keptEntities() {
		if err := s.write(stixEntity(e)); err != nil {
			return st, err
		}
		st.Entities++
	}
	var refs []string
	err := c.src.Documents(ctx, func(doc *dossier.Document) error {
		if !c.exportsDoc(doc) {
			return nil
		}
		st.Documents++
		id := docID(doc)
		ref := []externalRef{docRef(doc, id)}
		refs = refs[:0]
		sdo := make([]string, len(doc.Entities))
		for i := range doc.Entities {
			if e := c.entities[entityID(doc, i)]; e != nil && c.kept(e.ID) {
				sdo[i] = stixEntityID(e)
				if !contains(refs, sdo[i]) {
					refs = append(refs, sdo[i])
				}
			}
		}
		for i := range doc.Claims {
			cl := &doc.Claims[i]
			if !c.exportsClaim(doc, cl) {
				continue
			}
			st.Relations++
			conf := stixConfidence(cl)
			ev := cl.Evidence
			key := fmt.Sprintf("%s|%d|%d|%s|%s|%s", id, ev.Start, ev.End, entityID(doc, cl.Subject), cl.Predicate, entityID(doc, cl.Object))
			if unnamedSource(cl.Attribution) {
				// The text does not say who claims it: a note, not a relationship.
				o := &stixObject{Type: "note", ID: stixID("note", "claim|"+key),
					Abstract: fmt.Sprintf("%s %s %s (according to %s)", doc.Entities[cl.Subject].Name,
						cl.Predicate, doc.Entities[cl.Object].Name, speakerName(doc, cl.Attribution)),
					Content: oneLine(doc.Slice(ev)), ObjectRefs: []string{sdo[cl.Subject], sdo[cl.Object]},
					Confidence: &conf, Lang: doc.Lang, ExternalReferences: ref,
					XPredicate: cl.Predicate, XModality: cl.Modality, XAttribution: speakerName(doc, cl.Attribution), XEvidence: &ev}
				if err := s.write(o); err != nil {
					return err
				}
				refs = append(refs, o.ID)
				continue
			}
			o := &stixObject{Type: "relationship", ID: stixID("relationship", key),
				RelationshipType: STIXRelationshipType(cl.Predicate), SourceRef: sdo[cl.Subject], TargetRef: sdo[cl.Object],
				Description: oneLine(doc.Slice(ev)), Confidence: &conf, Lang: doc.Lang, ExternalReferences: ref,
				XPredicate: cl.Predicate, XModality: cl.Modality, XAttribution: speakerName(doc, cl.Attribution), XEvidence: &ev}
			if err := s.write(o); err != nil {
				return err
			}
			refs = append(refs, o.ID)
		}
		reportID := stixID("report", id)
		for i := range doc.Quotes {
			q := &doc.Quotes[i]
			if !c.exportsQuote(doc, q) {
				continue
			}
			st.Quotes++
			o := &stixObject{Type: "note", ID: stixID("note", fmt.Sprintf("quote|%s|%d|%d", id, q.Start, q.End)),
				Content: oneLine(doc.Slice(q.Span)), Lang: doc.Lang, ExternalReferences: ref}
			who := speakerName(doc, q.Speaker)
			switch {
			case q.Speaker != nil && q.Speaker.Entity >= 0 && q.Speaker.Entity < len(sdo) && sdo[q.Speaker.Entity] != "":
				o.Abstract = "Quote by " + who
				o.Authors = []string{who}
				o.ObjectRefs = []string{sdo[q.Speaker.Entity]}
			case who != "":
				o.Abstract = "Quote from " + who
				o.XAttribution = who
			default:
				o.Abstract = "Unattributed quote"
			}
			if len(o.ObjectRefs) == 0 {
				if len(refs) == 0 {
					continue // nothing to attach it to, and no report will exist
				}
				o.ObjectRefs = []string{reportID}
			}
			if err := s.write(o); err != nil {
				return err
			}
			refs = append(refs, o.ID)
		}
		if len(refs) == 0 {
			return nil // a report needs at least one object
		}
		name := doc.Meta.Title
		if name == "" {
			name = doc.Name
		}
		pub := c.now
		if !doc.Meta.Published.IsZero() {
			pub = doc.Meta.Published
		}
		return s.write(&stixObject{Type: "report", ID: reportID, Name: name, Published: stixTimestamp(pub),
			ObjectRefs: refs, Lang: doc.Lang, ExternalReferences: ref, XDocument: doc.Name})
	})
	st.Objects = s.n
	if err != nil {
		return st, err
	}
	return st, s.close()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
