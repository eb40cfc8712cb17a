package web

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
)

// Memory is a Backend over documents held in memory, indexed once when it is
// built: an inverted index of the words, and the corpus entities with the
// documents, claims and co-occurrences that involve them. It is immutable
// after NewMemory and safe for concurrent use.
type Memory struct {
	docs     []memDoc
	byID     map[int64]int32
	entities []memEntity
	entityIx map[string]int32
	// postings maps a folded word to the documents holding it, ascending.
	postings map[string][]posting
	// vocab is the sorted list of indexed words, for prefix queries.
	vocab []string
	// edges aggregate claims by (subject, predicate, object).
	edges  []memEdge
	edgeIx map[edgeKey]int32
	// cooc[e] counts the sentences naming both e and another entity.
	cooc []map[int32]int32
	kb   *kb.KB
}

// Input is one document for NewMemory.
type Input struct {
	// ID identifies the document in URLs; 0 means its position, from 1.
	ID  int64
	Doc *dossier.Document
	// URL is where the document was fetched, when Meta.URL does not say.
	URL string
	// Ingested is when the store took the document (YYYY-MM-DD). It is shown
	// as such for an undated document and is never a publication date: date
	// filters, first and last seen and the timeline use publication dates.
	Ingested string
}

type memDoc struct {
	id       int64
	doc      *dossier.Document
	date     string // publication date, or ""
	ingested string
	url      string
	title    string
	tokens   int
	// entities maps each of doc.Entities to its corpus entity index (-1: none).
	entities []int32
}

type posting struct {
	doc int32
	tf  int32
}

// entityDoc is one document entity behind a corpus entity.
type entityDoc struct {
	doc   int32
	local int32
}

type aliasKey struct{ name, reason string }

type memEntity struct {
	id, name, typ, kb string
	mentions          int
	docCount          int
	occurrences       []entityDoc // by document, ascending
	aliases           map[aliasKey][]int32
	aliasOrder        []aliasKey
	claims            []claimRef
	edges             []int32
}

type claimRef struct {
	doc   int32
	claim int32
}

type edgeKey struct {
	subject, object int32
	predicate       string
}

type memEdge struct {
	edgeKey
	claims []claimRef
}

// NewMemory indexes documents whose entities were resolved (Entity.ID set,
// as by engine.Resolve). base supplies place coordinates; nil leaves the map empty.
func NewMemory(ctx context.Context, inputs []Input, base *kb.KB) (*Memory, error) {
	m := &Memory{
		docs:     make([]memDoc, 0, len(inputs)),
		byID:     make(map[int64]int32, len(inputs)),
		entityIx: make(map[string]int32),
		postings: make(map[string][]posting),
		edgeIx:   make(map[edgeKey]int32),
		kb:       base,
	}
	var buf []byte
	for i, in := range inputs {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("index documents: %w", err)
			}
		}
		if in.Doc == nil {
			continue
		}
		id := in.ID
		if id == 0 {
			id = int64(i + 1)
		}
		if _, dup := m.byID[id]; dup {
			return nil, fmt.Errorf("index documents: duplicate document id %d", id)
		}
		ix := int32(len(m.docs))
		m.byID[id] = ix
		d := memDoc{id: id, doc: in.Doc, url: in.Doc.Meta.URL, ingested: in.Ingested}
		if d.url == "" {
			d.url = in.URL
		}
		if !in.Doc.Meta.Published.IsZero() {
			d.date = in.Doc.Meta.Published.Format("2006-01-02")
		}
		d.title = strings.TrimSpace(in.Doc.Meta.Title)
		if d.title == "" {
			d.title = in.Doc.Name
		}
		d.entities = m.addEntities(ix, in.Doc)
		m.docs = append(m.docs, d)
		buf = m.indexWords(ix, &m.docs[ix], buf)
		m.addClaims(ix, &m.docs[ix])
		m.addCooccurrences(&m.docs[ix])
	}
	m.vocab = make([]string, 0, len(m.postings))
	for w := range m.postings {
		m.vocab = append(m.vocab, w)
	}
	sort.Strings(m.vocab)
	for i := range m.entities {
		e := &m.entities[i]
		last := int32(-1)
		for _, o := range e.occurrences {
			if o.doc != last {
				e.docCount++
				last = o.doc
			}
		}
	}
	return m, nil
}

// addEntities merges the document's entities into the corpus entities and
// returns the index of each.
func (m *Memory) addEntities(doc int32, d *dossier.Document) []int32 {
	out := make([]int32, len(d.Entities))
	for i := range d.Entities {
		ent := &d.Entities[i]
		if ent.ID == "" {
			out[i] = -1
			continue
		}
		ix, ok := m.entityIx[ent.ID]
		if !ok {
			ix = int32(len(m.entities))
			m.entityIx[ent.ID] = ix
			m.entities = append(m.entities, memEntity{id: ent.ID, name: ent.Name, typ: ent.Type, kb: ent.KB, aliases: map[aliasKey][]int32{}})
		}
		e := &m.entities[ix]
		// A KB-linked name is canonical; otherwise keep the longest form seen.
		if ent.KB != "" && e.kb == "" || e.kb == "" && len(ent.Name) > len(e.name) {
			e.name, e.kb = ent.Name, ent.KB
		}
		e.mentions += len(ent.Mentions)
		e.occurrences = append(e.occurrences, entityDoc{doc: doc, local: int32(i)})
		for _, a := range ent.Aliases {
			k := aliasKey{a.Name, a.Reason}
			docs, seen := e.aliases[k]
			if !seen {
				e.aliasOrder = append(e.aliasOrder, k)
			}
			if len(docs) == 0 || docs[len(docs)-1] != doc {
				e.aliases[k] = append(docs, doc)
			}
		}
		out[i] = ix
	}
	return out
}

// indexWords adds the words outside boilerplate to the inverted index.
func (m *Memory) indexWords(doc int32, d *memDoc, buf []byte) []byte {
	text := d.doc.Text
	skip := spansOf(d.doc.Boilerplate, len(text))
	counts := make(map[string]int32, 256)
	k := 0
	eachWord(text, func(start, end int) {
		for k < len(skip) && skip[k].End <= start {
			k++
		}
		if k < len(skip) && skip[k].Start <= start {
			return
		}
		d.tokens++
		buf = appendFolded(buf[:0], text[start:end])
		if c, ok := counts[string(buf)]; ok {
			counts[string(buf)] = c + 1
			return
		}
		counts[string(buf)] = 1
	})
	for w, c := range counts {
		m.postings[w] = append(m.postings[w], posting{doc: doc, tf: c})
	}
	return buf
}

func (m *Memory) addClaims(doc int32, d *memDoc) {
	for ci, c := range d.doc.Claims {
		s, o := d.entity(c.Subject), d.entity(c.Object)
		if s < 0 || o < 0 || s == o {
			continue
		}
		ref := claimRef{doc: doc, claim: int32(ci)}
		key := edgeKey{subject: s, object: o, predicate: c.Predicate}
		ix, ok := m.edgeIx[key]
		if !ok {
			ix = int32(len(m.edges))
			m.edgeIx[key] = ix
			m.edges = append(m.edges, memEdge{edgeKey: key})
			m.entities[s].edges = append(m.entities[s].edges, ix)
			m.entities[o].edges = append(m.entities[o].edges, ix)
		}
		m.edges[ix].claims = append(m.edges[ix].claims, ref)
		m.entities[s].claims = append(m.entities[s].claims, ref)
		m.entities[o].claims = append(m.entities[o].claims, ref)
	}
}

// addCooccurrences counts the pairs of entities named in the same sentence.
func (m *Memory) addCooccurrences(d *memDoc) {
	for len(m.cooc) < len(m.entities) {
		m.cooc = append(m.cooc, nil)
	}
	sentences := d.doc.Sentences
	mentions := d.doc.Mentions
	var inSentence []int32
	k := 0
	for _, s := range sentences {
		inSentence = inSentence[:0]
		for k < len(mentions) && mentions[k].Start < s.Start {
			k++
		}
		for j := k; j < len(mentions) && mentions[j].Start < s.End; j++ {
			if e := d.entity(mentions[j].Entity); e >= 0 && !containsInt32(inSentence, e) {
				inSentence = append(inSentence, e)
			}
		}
		for a := 0; a < len(inSentence); a++ {
			for b := a + 1; b < len(inSentence); b++ {
				m.bumpCooc(inSentence[a], inSentence[b])
				m.bumpCooc(inSentence[b], inSentence[a])
			}
		}
	}
}

func (m *Memory) bumpCooc(a, b int32) {
	if m.cooc[a] == nil {
		m.cooc[a] = make(map[int32]int32)
	}
	m.cooc[a][b]++
}

func containsInt32(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// entity maps a document entity index to the corpus entity, or -1.
func (d *memDoc) entity(local int) int32 {
	if local < 0 || local >= len(d.entities) {
		return -1
	}
	return d.entities[local]
}

// spansOf converts annotation spans, dropping any that do not fit the text.
func spansOf(in []dossier.Span, textLen int) []Span {
	out := make([]Span, 0, len(in))
	for _, s := range in {
		if 0 <= s.Start && s.Start <= s.End && s.End <= textLen {
			out = append(out, Span{s.Start, s.End})
		}
	}
	return out
}

func (d *memDoc) summary() DocSummary {
	return DocSummary{
		ID: d.id, Name: d.doc.Name, Title: d.title, Outlet: d.doc.Meta.Outlet,
		Lang: d.doc.Lang, Published: d.date, URL: d.url, Ingested: d.ingested,
	}
}

// slice returns text[s:e] when the span is valid, else "".
func slice(text string, s, e int) string {
	if 0 <= s && s <= e && e <= len(text) {
		return text[s:e]
	}
	return ""
}

// sentenceAt is the sentence holding byte offset at, or the span itself when
// the segmenter found none there.
func sentenceAt(d *dossier.Document, at, end int) (int, int) {
	ss := d.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > at })
	if i < len(ss) && ss[i].Start <= at && ss[i].End <= len(d.Text) {
		return ss[i].Start, max(ss[i].End, min(end, len(d.Text)))
	}
	return at, end
}

func (m *Memory) evidence(doc int32, start, end int) Evidence {
	d := &m.docs[doc]
	return Evidence{Doc: d.id, Title: d.title, Published: d.date, Start: start, End: end, Text: slice(d.doc.Text, start, end)}
}

func (m *Memory) ref(e int32) EntityRef {
	x := &m.entities[e]
	return EntityRef{ID: x.id, Name: x.name, Type: x.typ}
}

// speaker describes an attribution of document doc.
func (m *Memory) speaker(doc int32, sp *dossier.Speaker) *Speaker {
	if sp == nil {
		return nil
	}
	d := &m.docs[doc]
	if e := d.entity(sp.Entity); e >= 0 {
		return &Speaker{ID: m.entities[e].id, Name: m.entities[e].name}
	}
	name := sp.Descriptor
	if name == "" {
		name = slice(d.doc.Text, sp.Span.Start, sp.Span.End)
	}
	return &Speaker{Name: name, Descriptor: sp.Descriptor}
}

func (m *Memory) relation(r claimRef) Relation {
	d := &m.docs[r.doc]
	c := &d.doc.Claims[r.claim]
	start, end := c.Evidence.Start, c.Evidence.End
	if slice(d.doc.Text, start, end) == "" {
		start, end = 0, 0
	}
	return Relation{
		Subject: m.ref(d.entity(c.Subject)), Predicate: c.Predicate, Object: m.ref(d.entity(c.Object)),
		Modality: c.Modality, Confidence: roundConfidence(c.Confidence),
		Attribution: m.speaker(r.doc, c.Attribution),
		Evidence:    m.evidence(r.doc, start, end),
	}
}

// kbEntry is the knowledge-base entry id, or nil.
func (m *Memory) kbEntry(id string) *kb.Entry {
	if m.kb == nil || id == "" {
		return nil
	}
	return m.kb.Entry(id)
}

// roundConfidence keeps three decimals: the scores are not more precise,
// and 0.7200000000000001 reads badly.
func roundConfidence(c float64) float64 { return math.Round(c*1000) / 1000 }
