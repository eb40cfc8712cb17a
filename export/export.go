// Package export writes a corpus in the formats other tools read: STIX 2.1
// bundles (OpenCTI, MISP), FollowTheMoney entities (Aleph), GraphML (Gephi,
// yEd, Cytoscape), CSV tables and JSON Lines.
//
// A corpus is read through Source, twice: a first pass builds the entity
// table (names, aliases, kinds) and the claim graph the filters need, a
// second pass streams each document's objects. Memory grows with the number
// of distinct entities and relations, never with the number of documents,
// and every format is encoded as it goes (the STIX bundle's objects array is
// written object by object).
package export

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
)

// Source is a corpus to export: documents with their annotation layers and
// corpus-wide entity ids (after resolution).
type Source interface {
	// Documents calls fn with every document, in the same order on every
	// call. fn must not keep doc after it returns: a source may reuse it.
	Documents(ctx context.Context, fn func(doc *dossier.Document) error) error
}

// Docs is a Source over documents held in memory, such as the results of
// extraction after (*engine.Engine).Resolve.
type Docs []*dossier.Document

// Documents implements Source.
func (d Docs) Documents(ctx context.Context, fn func(*dossier.Document) error) error {
	for _, doc := range d {
		if err := ctx.Err(); err != nil {
			return err
		}
		if doc == nil {
			continue
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	return nil
}

// Format is an export format.
type Format string

const (
	FormatSTIX    Format = "stix"
	FormatFtM     Format = "ftm"
	FormatGraphML Format = "graphml"
	FormatCSV     Format = "csv"
	FormatJSONL   Format = "jsonl"
)

// Formats lists the supported formats.
var Formats = []Format{FormatSTIX, FormatFtM, FormatGraphML, FormatCSV, FormatJSONL}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Formats, f) {
		return f, nil
	}
	return "", fmt.Errorf("unknown export format %q (want stix, ftm, graphml, csv or jsonl)", s)
}

// Filter narrows what is exported; zero fields do not filter.
type Filter struct {
	// Entity selects an entity (corpus id such as "e:iskp", knowledge-base id,
	// name or alias) and its neighbourhood: the entities linked to it by at
	// most Depth claims. Only documents mentioning one of them are exported.
	Entity string
	Depth  int
	// Since and Until bound the publication date, inclusive. With either set,
	// documents without a known publication date are left out.
	Since, Until time.Time
	// Langs keeps documents in these languages (ISO 639-1).
	Langs []string
	// Predicates, Modalities and MinConfidence select claims.
	Predicates    []string
	Modalities    []string
	MinConfidence float64
}

// Options configures an export.
type Options struct {
	Filter Filter
	// KB gives linked entities their kind, country and coordinates; may be nil.
	KB *kb.KB
	// Now stamps created/modified times; zero means the current time.
	Now time.Time
	// CSVBOM starts each CSV file with a UTF-8 byte-order mark, for Excel.
	CSVBOM bool
}

// Stats counts what an export wrote.
type Stats struct {
	Documents int `json:"documents"`
	Entities  int `json:"entities"`
	Relations int `json:"relations"`
	Quotes    int `json:"quotes"`
	Figures   int `json:"figures"`
	// Objects counts the format's own records (STIX objects, FtM entities,
	// GraphML nodes and edges, CSV rows, JSON lines).
	Objects int `json:"objects"`
}

// Write exports src to w in a single-stream format (every format but csv,
// which is a directory of files: see WriteCSV).
func Write(ctx context.Context, w io.Writer, format Format, src Source, opts Options) (Stats, error) {
	c, err := index(ctx, src, opts)
	if err != nil {
		return Stats{}, err
	}
	switch format {
	case FormatSTIX:
		return writeSTIX(ctx, w, c)
	case FormatFtM:
		return writeFtM(ctx, w, c)
	case FormatGraphML:
		return writeGraphML(w, c)
	case FormatJSONL:
		return writeJSONL(ctx, w, c)
	case FormatCSV:
		return Stats{}, fmt.Errorf("export: csv writes several files: use WriteCSV with a directory")
	}
	return Stats{}, fmt.Errorf("export: unknown format %q", format)
}

// Entity classes decide how each entity is exported.
type class uint8

const (
	classGroup  class = iota + 1 // armed or terrorist group
	classActor                   // person who leads or belongs to a group
	classPerson                  // other named person: official, journalist, expert
	classOrg                     // organisation that is not an armed group
	classPlace
)

func (c class) String() string {
	switch c {
	case classGroup:
		return "group"
	case classActor:
		return "actor"
	case classPerson:
		return "person"
	case classOrg:
		return "organization"
	case classPlace:
		return "place"
	}
	return "unknown"
}

// entityInfo is one corpus entity as seen over the whole export.
type entityInfo struct {
	ID, Name, Type, KB string
	Kind               kb.Kind
	Country            string
	Lat, Lon           float64
	HasCoords          bool
	Note               string
	Aliases            []aliasInfo
	Docs, Mentions     int
	class              class
	// terrorist: linked by a claim to a group the knowledge base calls a terrorist organisation.
	terrorist bool
	lastDoc   int // index of the last document counted in Docs
}

type aliasInfo struct {
	Name, Reason string
	Docs         int
}

// edgeKey identifies an aggregated relation (GraphML edges, neighbourhoods).
type edgeKey struct {
	Subject, Predicate, Object, Modality string
}

type edgeInfo struct {
	Evidence      int
	Docs          int
	MaxConfidence float64
	lastDoc       int
}

// corpus is what the first pass learns.
type corpus struct {
	src      Source
	opts     Options
	now      time.Time
	entities map[string]*entityInfo
	edges    map[edgeKey]*edgeInfo
	// keep is the entity neighbourhood when Filter.Entity is set, else nil.
	keep map[string]bool
}

// index runs the first pass over src.
func index(ctx context.Context, src Source, opts Options) (*corpus, error) {
	c := &corpus{src: src, opts: opts, now: opts.Now, entities: map[string]*entityInfo{}, edges: map[edgeKey]*edgeInfo{}}
	if c.now.IsZero() {
		c.now = time.Now()
	}
	c.now = c.now.UTC()
	n := 0
	err := src.Documents(ctx, func(doc *dossier.Document) error {
		if !c.docPasses(doc) {
			return nil
		}
		n++
		for i := range doc.Entities {
			c.addEntity(doc, i, n)
		}
		for i := range doc.Claims {
			cl := &doc.Claims[i]
			if !c.claimPasses(doc, cl) {
				continue
			}
			k := edgeKey{entityID(doc, cl.Subject), cl.Predicate, entityID(doc, cl.Object), cl.Modality}
			e := c.edges[k]
			if e == nil {
				e = &edgeInfo{}
				c.edges[k] = e
			}
			e.Evidence++
			if e.lastDoc != n {
				e.Docs++
				e.lastDoc = n
			}
			e.MaxConfidence = max(e.MaxConfidence, cl.Confidence)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("export: read documents: %w", err)
	}
	c.classify()
	if f := opts.Filter; f.Entity != "" {
		seed := c.findEntity(f.Entity)
		if seed == "" && opts.KB != nil {
			// A name the knowledge base knows for an exported entity, in
			// any language or spelling, though no document wrote it ("EIIL").
			seed = c.findByKB(opts.KB, f.Entity)
		}
		if seed == "" {
			return nil, fmt.Errorf("export: entity %q not found in the documents exported", f.Entity)
		}
		c.keep = c.neighbourhood(seed, f.Depth)
	}
	return c, nil
}

func (c *corpus) addEntity(doc *dossier.Document, i, docNo int) {
	e := &doc.Entities[i]
	id := entityID(doc, i)
	info := c.entities[id]
	if info == nil {
		info = &entityInfo{ID: id, Name: e.Name, Type: e.Type, KB: e.KB}
		if c.opts.KB != nil && e.KB != "" {
			if k := c.opts.KB.Entry(e.KB); k != nil {
				info.Kind, info.Country, info.Note = k.Kind, k.Country, k.Note
				info.Lat, info.Lon, info.HasCoords = k.Lat, k.Lon, k.HasCoords
			}
		}
		c.entities[id] = info
	}
	if info.lastDoc != docNo {
		info.Docs++
		info.lastDoc = docNo
		for _, a := range e.Aliases {
			j := slices.IndexFunc(info.Aliases, func(x aliasInfo) bool { return x.Name == a.Name })
			if j < 0 {
				info.Aliases = append(info.Aliases, aliasInfo{Name: a.Name, Reason: a.Reason})
				j = len(info.Aliases) - 1
			}
			info.Aliases[j].Docs++
		}
	}
	info.Mentions += len(e.Mentions)
}

// groupPredicates link a person to a group as its leader or member.
var groupPredicates = []string{dossier.PredLeads, dossier.PredMemberOf, dossier.PredAffiliatedWith}

// classify decides each entity's class from its KB kind and the claims.
func (c *corpus) classify() {
	isGroupKind := func(k kb.Kind) bool { return k == kb.KindArmedGroup || k == kb.KindTerroristOrg }
	for _, e := range c.entities {
		switch {
		case e.Type == dossier.TypeLOC:
			e.class = classPlace
		case e.Type == dossier.TypePER:
			e.class = classPerson
		case isGroupKind(e.Kind):
			e.class = classGroup
		default:
			e.class = classOrg
		}
	}
	// An organisation the KB does not know acts as an armed group when it
	// attacks, or when it belongs or is allied to a known group.
	for k := range c.edges {
		s, o := c.entities[k.Subject], c.entities[k.Object]
		if s == nil || o == nil || s.Type != dossier.TypeORG || s.Kind != "" || k.Modality == dossier.ModalityDenied {
			continue
		}
		switch k.Predicate {
		case dossier.PredAttacked:
			s.class = classGroup
		case dossier.PredPartOf, dossier.PredMemberOf, dossier.PredAffiliatedWith, dossier.PredAlliedWith:
			if isGroupKind(o.Kind) {
				s.class = classGroup
			}
		}
	}
	// A person linked to a group as leader or member, or who carried out an
	// attack, is a threat actor.
	for k := range c.edges {
		s, o := c.entities[k.Subject], c.entities[k.Object]
		if s == nil || o == nil || s.Type != dossier.TypePER || k.Modality == dossier.ModalityDenied {
			continue
		}
		if k.Predicate == dossier.PredAttacked {
			s.class = classActor
			continue
		}
		if o.class == classGroup && slices.Contains(groupPredicates, k.Predicate) {
			s.class = classActor
			if o.Kind == kb.KindTerroristOrg {
				s.terrorist = true
			}
		}
	}
}

// findEntity resolves a user's entity reference to a corpus id.
func (c *corpus) findEntity(ref string) string {
	ref = strings.TrimSpace(ref)
	if _, ok := c.entities[ref]; ok {
		return ref
	}
	if _, ok := c.entities["e:"+ref]; ok {
		return "e:" + ref
	}
	key := kb.Key(ref)
	if key == "" {
		return ""
	}
	best := ""
	bestDocs := -1
	for _, e := range sortedEntities(c.entities) {
		match := e.KB == ref || kb.Key(e.Name) == key
		for _, a := range e.Aliases {
			match = match || kb.Key(a.Name) == key
		}
		if match && e.Docs > bestDocs {
			best, bestDocs = e.ID, e.Docs
		}
	}
	return best
}

// findByKB is the exported entity, most documented first, linked to a
// knowledge-base entry that ref names.
func (c *corpus) findByKB(k *kb.KB, ref string) string {
	best, bestDocs := "", -1
	for _, m := range k.Find(ref) {
		for _, e := range sortedEntities(c.entities) {
			if e.KB == m.Entry.ID && e.Docs > bestDocs {
				best, bestDocs = e.ID, e.Docs
			}
		}
	}
	return best
}

// neighbourhood returns the entities within depth claims of seed.
func (c *corpus) neighbourhood(seed string, depth int) map[string]bool {
	adj := map[string][]string{}
	for k := range c.edges {
		adj[k.Subject] = append(adj[k.Subject], k.Object)
		adj[k.Object] = append(adj[k.Object], k.Subject)
	}
	keep := map[string]bool{seed: true}
	frontier := []string{seed}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, n := range adj[id] {
				if !keep[n] {
					keep[n] = true
					next = append(next, n)
				}
			}
		}
		frontier = next
	}
	return keep
}

// kept reports whether entity id is exported.
func (c *corpus) kept(id string) bool {
	if _, ok := c.entities[id]; !ok {
		return false
	}
	return c.keep == nil || c.keep[id]
}

// docPasses applies the document filters of the first pass.
func (c *corpus) docPasses(doc *dossier.Document) bool {
	f := &c.opts.Filter
	if len(f.Langs) > 0 && !slices.Contains(f.Langs, doc.Lang) {
		return false
	}
	if !f.Since.IsZero() || !f.Until.IsZero() {
		p := doc.Meta.Published
		if p.IsZero() {
			return false
		}
		day := p.UTC().Format(time.DateOnly)
		if !f.Since.IsZero() && day < f.Since.UTC().Format(time.DateOnly) {
			return false
		}
		if !f.Until.IsZero() && day > f.Until.UTC().Format(time.DateOnly) {
			return false
		}
	}
	return true
}

// exportsDoc applies every document filter, the neighbourhood included.
func (c *corpus) exportsDoc(doc *dossier.Document) bool {
	if !c.docPasses(doc) {
		return false
	}
	if c.keep == nil {
		return true
	}
	for i := range doc.Entities {
		if c.keep[entityID(doc, i)] {
			return true
		}
	}
	return false
}

// claimPasses applies the claim filters (not the neighbourhood).
func (c *corpus) claimPasses(doc *dossier.Document, cl *dossier.Claim) bool {
	if cl.Subject < 0 || cl.Subject >= len(doc.Entities) || cl.Object < 0 || cl.Object >= len(doc.Entities) {
		return false
	}
	f := &c.opts.Filter
	if len(f.Predicates) > 0 && !slices.Contains(f.Predicates, cl.Predicate) {
		return false
	}
	if len(f.Modalities) > 0 && !slices.Contains(f.Modalities, cl.Modality) {
		return false
	}
	return cl.Confidence >= f.MinConfidence
}

// exportsClaim is claimPasses plus both ends exported.
func (c *corpus) exportsClaim(doc *dossier.Document, cl *dossier.Claim) bool {
	return c.claimPasses(doc, cl) && c.kept(entityID(doc, cl.Subject)) && c.kept(entityID(doc, cl.Object))
}

// exportsQuote keeps quotes by exported speakers, and unattributed or
// unnamed-source quotes unless the export follows one entity.
func (c *corpus) exportsQuote(doc *dossier.Document, q *dossier.Quote) bool {
	if q.Speaker != nil && q.Speaker.Entity >= 0 && q.Speaker.Entity < len(doc.Entities) {
		return c.kept(entityID(doc, q.Speaker.Entity))
	}
	return c.keep == nil
}

// entityID is the corpus id of doc.Entities[i]; an unresolved entity gets
// one scoped to its document.
func entityID(doc *dossier.Document, i int) string {
	if i < 0 || i >= len(doc.Entities) {
		return ""
	}
	if id := doc.Entities[i].ID; id != "" {
		return id
	}
	return fmt.Sprintf("%s#%d", docID(doc), i)
}

// docID is a document's stable id: a digest of its text, so the same article
// exported from files or from the store gets the same id.
func docID(doc *dossier.Document) string {
	sum := sha256.Sum256([]byte(doc.Text))
	return "d:" + hex.EncodeToString(sum[:8])
}

// sortedEntities lists entities by id, for deterministic output.
func sortedEntities(m map[string]*entityInfo) []*entityInfo {
	out := make([]*entityInfo, 0, len(m))
	for _, e := range m {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *entityInfo) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// keptEntities lists exported entities by id.
func (c *corpus) keptEntities() []*entityInfo {
	all := sortedEntities(c.entities)
	return slices.DeleteFunc(all, func(e *entityInfo) bool { return !c.kept(e.ID) })
}

// sortedEdges lists exported relations in a stable order.
func (c *corpus) sortedEdges() []edgeKey {
	out := make([]edgeKey, 0, len(c.edges))
	for k := range c.edges {
		if c.kept(k.Subject) && c.kept(k.Object) {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b edgeKey) int {
		return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Predicate, b.Predicate),
			cmp.Compare(a.Object, b.Object), cmp.Compare(a.Modality, b.Modality))
	})
	return out
}

// aliasNames lists an entity's other names, without its display name.
func (e *entityInfo) aliasNames() []string {
	var out []string
	for _, a := range e.Aliases {
		if a.Name != e.Name && !slices.Contains(out, a.Name) {
			out = append(out, a.Name)
		}
	}
	return out
}

// oneLine collapses whitespace runs (evidence sentences span line breaks).
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// published is a document's publication date, or "".
func published(doc *dossier.Document) string {
	if doc.Meta.Published.IsZero() {
		return ""
	}
	return doc.Meta.Published.UTC().Format(time.DateOnly)
}

// speakerName is the text naming a quote's or claim's speaker.
func speakerName(doc *dossier.Document, sp *dossier.Speaker) string {
	if sp == nil {
		return ""
	}
	if sp.Entity >= 0 && sp.Entity < len(doc.Entities) {
		return doc.Entities[sp.Entity].Name
	}
	// The phrase as written ("a senior U.S. official") reads better than the
	// normalised descriptor, which is the fallback.
	if s := oneLine(doc.Slice(sp.Span)); s != "" {
		return s
	}
	return sp.Descriptor
}

// unnamedSource reports an attribution to a source the text does not name.
func unnamedSource(sp *dossier.Speaker) bool {
	return sp != nil && sp.Entity < 0
}
