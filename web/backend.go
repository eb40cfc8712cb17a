// Package web is dossier's workbench: an HTTP server with embedded pages and
// a JSON API under /api/ (docs/API.md) over a corpus of extracted documents.
//
// The pages ask a Backend for what they show. StoreBackend answers from the
// corpus store's indexes (serve, and demo over a temporary store); every
// offset it returns is a byte offset into the document's UTF-8 text, as in
// the extraction contract.
package web

import (
	"context"
	"errors"
)

// ErrNotFound is returned for a missing document or entity.
var ErrNotFound = errors.New("not found")

// Backend answers the queries of the workbench's pages. Implementations must
// be safe for concurrent use.
type Backend interface {
	Search(ctx context.Context, q SearchRequest) (*SearchResult, error)
	Document(ctx context.Context, id int64) (*DocumentView, error)
	Entity(ctx context.Context, id string) (*EntityView, error)
	FindEntities(ctx context.Context, name, typ string, limit int) ([]EntityRef, error)
	Graph(ctx context.Context, q GraphRequest) (*Graph, error)
	Edge(ctx context.Context, q EdgeRequest) (*EdgeEvidence, error)
	Timeline(ctx context.Context, q TimelineRequest) (*Timeline, error)
	Places(ctx context.Context, q PlacesRequest) (*Places, error)
	Stats(ctx context.Context) (*Stats, error)
}

// Span is a half-open byte range of a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// SearchRequest is a full-text query with filters; zero fields do not filter.
type SearchRequest struct {
	// Text: words that must all occur (case and accents ignored); word* matches a prefix.
	Text   string
	Entity string // corpus entity id the documents mention
	Type   string // narrows the entity facet to PER, ORG or LOC
	Lang   string
	Outlet string
	// Since and Until bound the publication date, inclusive; YYYY, YYYY-MM or YYYY-MM-DD.
	Since, Until string
	Page         int // 1-based
	Size         int // hits per page
}

// DocSummary is a document's listing row.
type DocSummary struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	// Ingested is when the store took the document; pages show it, labelled,
	// for a document without a publication date.
	Ingested string `json:"ingested,omitempty"`
}

// SnippetPart is a piece of a snippet; Hit marks the words that match the query.
// The pages draw snippets from parts rather than from markup, so article text
// is never interpreted as HTML.
type SnippetPart struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit,omitempty"`
}

// SearchHit is one matching document.
type SearchHit struct {
	Doc     DocSummary    `json:"doc"`
	Snippet []SnippetPart `json:"snippet"`
	Score   float64       `json:"score"`
}

// FacetValue is one value of a facet and how many matching documents have it.
type FacetValue struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Type  string `json:"type,omitempty"`
	Count int    `json:"count"`
}

// Facets count the matching documents by entity, entity type, language,
// outlet and publication year.
type Facets struct {
	Entity []FacetValue `json:"entity"`
	Type   []FacetValue `json:"type"`
	Lang   []FacetValue `json:"lang"`
	Outlet []FacetValue `json:"outlet"`
	Year   []FacetValue `json:"year"`
}

// SearchResult is one page of hits with the facets of all matches.
type SearchResult struct {
	Total int `json:"total"`
	// TotalCapped: more documents than Total match (counting stopped there).
	TotalCapped bool        `json:"total_capped,omitempty"`
	Page        int         `json:"page"`
	Size        int         `json:"size"`
	Hits        []SearchHit `json:"hits"`
	Facets      Facets      `json:"facets"`
}

// EntityRef names a corpus entity.
type EntityRef struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Type      string `json:"type,omitempty"`
	Mentions  int    `json:"mentions,omitempty"`
	Documents int    `json:"documents,omitempty"`
}

// DocEntity is an entity of one document, with its corpus id.
type DocEntity struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	Type     string      `json:"type"`
	KB       string      `json:"kb,omitempty"`
	Mentions int         `json:"mentions"`
	Aliases  []AliasView `json:"aliases,omitempty"`
}

// AliasView is a name form and the rule that merged it.
type AliasView struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// MentionView is one name occurrence; Entity indexes DocumentView.Entities.
type MentionView struct {
	Span
	Type   string `json:"type"`
	Entity int    `json:"entity"`
}

// SpeakerView is who a quote or claim is attributed to. Entity indexes
// DocumentView.Entities, or is -1 for an unnamed source.
type SpeakerView struct {
	Entity     int    `json:"entity"`
	ID         string `json:"id,omitempty"`
	Name       string `json:"name"`
	Descriptor string `json:"descriptor,omitempty"`
	Span       Span   `json:"span"`
	// An unnamed source's affiliation ("a DGSI source"): the entity's corpus id and name.
	AffiliationID   string `json:"affiliation_id,omitempty"`
	AffiliationName string `json:"affiliation_name,omitempty"`
}

// QuoteView is a direct quotation.
type QuoteView struct {
	Span
	Parts   []Span       `json:"parts,omitempty"`
	Speaker *SpeakerView `json:"speaker,omitempty"`
}

// FigureView is a counted figure.
type FigureView struct {
	Span
	Value       float64 `json:"value"`
	Unit        string  `json:"unit"`
	Noun        string  `json:"noun,omitempty"`
	Qualifier   string  `json:"qualifier"`
	Approximate bool    `json:"approximate,omitempty"`
}

// TimexView is a date expression.
type TimexView struct {
	Span
	Value     string `json:"value"`
	Precision string `json:"precision"`
	Relative  bool   `json:"relative,omitempty"`
}

// ClaimView is a typed relation stated in the document. Subject and Object
// index DocumentView.Entities.
type ClaimView struct {
	Subject     int          `json:"subject"`
	Predicate   string       `json:"predicate"`
	Object      int          `json:"object"`
	Evidence    Span         `json:"evidence"`
	Trigger     *Span        `json:"trigger,omitempty"`
	Attribution *SpeakerView `json:"attribution,omitempty"`
	Modality    string       `json:"modality"`
	Confidence  float64      `json:"confidence"`
}

// DocumentView is a document with every annotation layer, for the document page.
type DocumentView struct {
	DocSummary
	Author      string        `json:"author,omitempty"`
	Format      string        `json:"format"`
	Text        string        `json:"text"`
	Boilerplate []Span        `json:"boilerplate"`
	Entities    []DocEntity   `json:"entities"`
	Mentions    []MentionView `json:"mentions"`
	Quotes      []QuoteView   `json:"quotes"`
	Figures     []FigureView  `json:"figures"`
	Timexes     []TimexView   `json:"timexes"`
	Claims      []ClaimView   `json:"claims"`
	Warnings    []string      `json:"warnings,omitempty"`
}

// Evidence is a sentence (or quote) of a document.
type Evidence struct {
	Doc       int64  `json:"doc"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}

// Speaker names who makes a claim or a quote; ID is "" for an unnamed source.
type Speaker struct {
	ID         string `json:"id,omitempty"`
	Name       string `json:"name"`
	Descriptor string `json:"descriptor,omitempty"`
}

// Relation is one claim involving an entity.
type Relation struct {
	Subject     EntityRef `json:"subject"`
	Predicate   string    `json:"predicate"`
	Object      EntityRef `json:"object"`
	Modality    string    `json:"modality"`
	Confidence  float64   `json:"confidence"`
	Attribution *Speaker  `json:"attribution,omitempty"`
	Evidence    Evidence  `json:"evidence"`
}

// RelationGroup is an entity's relations of one predicate.
type RelationGroup struct {
	Predicate string     `json:"predicate"`
	Total     int        `json:"total"`
	Relations []Relation `json:"relations"`
}

// AliasDocs is a name form of an entity, the rule that merged it, and the
// documents where it was found under that name.
type AliasDocs struct {
	Name      string       `json:"name"`
	Reason    string       `json:"reason"`
	Total     int          `json:"total"`
	Documents []DocSummary `json:"documents"`
}

// QuoteRecord is a quote by or about an entity.
type QuoteRecord struct {
	Quote   Evidence `json:"quote"`
	Speaker *Speaker `json:"speaker,omitempty"`
}

// FigureRecord is a figure stated in a sentence that mentions an entity.
type FigureRecord struct {
	Value     float64  `json:"value"`
	Unit      string   `json:"unit"`
	Qualifier string   `json:"qualifier"`
	Text      string   `json:"text"`
	Sentence  Evidence `json:"sentence"`
}

// DateCount is a count for one period (YYYY-MM) or date.
type DateCount struct {
	Date  string `json:"date"`
	Count int    `json:"count"`
}

// EntityView is everything known about one corpus entity. Lists are capped;
// the Total fields say how many there are.
type EntityView struct {
	EntityRef
	KB             string          `json:"kb,omitempty"`
	Lat            *float64        `json:"lat,omitempty"`
	Lon            *float64        `json:"lon,omitempty"`
	Aliases        []AliasDocs     `json:"aliases"`
	Relations      []RelationGroup `json:"relations"`
	QuotesBy       []QuoteRecord   `json:"quotes_by"`
	QuotesAbout    []QuoteRecord   `json:"quotes_about"`
	Figures        []FigureRecord  `json:"figures"`
	DocumentsTotal int             `json:"documents_total"`
	DocumentList   []DocSummary    `json:"document_list"`
	FirstSeen      string          `json:"first_seen,omitempty"`
	LastSeen       string          `json:"last_seen,omitempty"`
	// SeenIngested: no document naming the entity is dated; first and last
	// seen are the days they were ingested.
	SeenIngested bool `json:"seen_ingested,omitempty"`
	// Timeline counts the documents mentioning the entity per month.
	Timeline []DateCount `json:"timeline"`
}

// GraphRequest selects the part of the link graph to draw; zero fields do not filter.
type GraphRequest struct {
	// Entity is the node whose neighbourhood is drawn; "" draws the whole
	// graph's best-connected nodes.
	Entity string
	// Depth is the neighbourhood radius around Entity (1 or 2).
	Depth      int
	Types      []string // entity types of the nodes
	Predicates []string
	Modalities []string
	// Since and Until bound the dates of the documents stating the relations.
	Since, Until string
	// Cooccurrence adds edges between entities named in the same sentence.
	Cooccurrence bool
	// Limit caps the number of nodes (default 2,000).
	Limit int
}

// GraphNode is an entity of the graph.
type GraphNode struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Mentions int    `json:"mentions"`
	Degree   int    `json:"degree"`
}

// GraphEdge is a typed relation between two nodes, aggregated over the
// claims that state it; Predicate is "cooccurrence" for the co-occurrence layer.
type GraphEdge struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	Predicate string `json:"predicate"`
	// Modality is the most frequent modality of the claims.
	Modality string `json:"modality,omitempty"`
	Count    int    `json:"count"`
}

// Graph is a set of nodes and edges; Truncated says nodes were left out by Limit.
type Graph struct {
	Nodes     []GraphNode `json:"nodes"`
	Edges     []GraphEdge `json:"edges"`
	Truncated bool        `json:"truncated,omitempty"`
	// Omitted counts the linked entities left out by the node limit.
	Omitted int `json:"omitted,omitempty"`
	// Claims counts the claims the edges aggregate; ClaimWindow, when set,
	// says they are the newest that many and older ones were not read.
	Claims      int `json:"claims"`
	ClaimWindow int `json:"claim_window,omitempty"`
}

// EdgeRequest names an edge: its ends and predicate ("" for every predicate,
// "cooccurrence" for the sentences naming both).
type EdgeRequest struct {
	Source, Target string
	Predicate      string
	Modalities     []string
	Since, Until   string
}

// EdgeEvidence is what supports an edge, in either direction.
type EdgeEvidence struct {
	Source    EntityRef  `json:"source"`
	Target    EntityRef  `json:"target"`
	Total     int        `json:"total"`
	Relations []Relation `json:"relations"`
	// Sentences are the co-occurrence sentences (predicate "cooccurrence").
	Sentences []Evidence `json:"sentences,omitempty"`
}

// TimelineRequest filters the timeline; zero fields do not filter.
type TimelineRequest struct {
	Entity       string
	Lang         string
	Since, Until string
}

// TimelineEvent is a date stated in the documents, with a few of its sentences.
type TimelineEvent struct {
	Date      string     `json:"date"`
	Precision string     `json:"precision"`
	Count     int        `json:"count"`
	Examples  []Evidence `json:"examples"`
}

// TimelineFigure is a figure dated by its document's publication date.
type TimelineFigure struct {
	Date      string   `json:"date"`
	Value     float64  `json:"value"`
	Unit      string   `json:"unit"`
	Qualifier string   `json:"qualifier"`
	Text      string   `json:"text"`
	Sentence  Evidence `json:"sentence"`
}

// Timeline is the documents per day, the dated events and the figures.
type Timeline struct {
	Documents []DateCount      `json:"documents"`
	Events    []TimelineEvent  `json:"events"`
	Figures   []TimelineFigure `json:"figures"`
}

// PlacesRequest filters the map; zero fields do not filter.
type PlacesRequest struct {
	Entity       string // only places named in documents mentioning it
	Since, Until string
}

// Place is a mentioned place with gazetteer coordinates.
type Place struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Mentions  int     `json:"mentions"`
	Documents int     `json:"documents"`
}

// Places lists the places to draw; Unplaced counts places without coordinates.
type Places struct {
	Places   []Place `json:"places"`
	Unplaced int     `json:"unplaced"`
}

// Stats counts what the corpus holds.
type Stats struct {
	Documents int            `json:"documents"`
	Entities  map[string]int `json:"entities"`
	Claims    int            `json:"claims"`
	Quotes    int            `json:"quotes"`
	Figures   int            `json:"figures"`
	Languages map[string]int `json:"languages"`
	First     string         `json:"first_published,omitempty"`
	Last      string         `json:"last_published,omitempty"`
}
