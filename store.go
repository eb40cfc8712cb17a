package dossier

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"
)

// Store keeps a corpus: every document's original bytes, metadata and
// annotation layers, and the corpus-wide entities they mention. The embedded
// implementation is package sqlite; a PostgreSQL one can follow behind the
// same interface.
//
// Writers: Put and Replace are atomic per document (all of it or nothing).
// Incremental resolution reads EntitiesByKey before Put, so one writer
// process at a time is assumed; a multi-writer backend must re-check inside
// its transaction.
type Store interface {
	// DocumentByHash returns the id of the document whose original bytes have
	// this content hash (see ContentHash), or ok=false.
	DocumentByHash(ctx context.Context, hash string) (id int64, ok bool, err error)
	// DocumentBySource returns the id of the newest document fetched from
	// this path or URL, or ok=false (watch skips what it already has).
	DocumentBySource(ctx context.Context, source string) (id int64, ok bool, err error)
	// Put stores a new document in one transaction. A document whose hash is
	// already stored is not stored again (PutResult.Status == PutExists).
	// A near duplicate of a stored original (SimHash within
	// NearDuplicateBits) is stored and linked to it (PutNearDuplicate).
	Put(ctx context.Context, rec *Record) (PutResult, error)
	// Replace swaps the annotations of stored document id for those of
	// rec.Doc (reindex), keeping its original bytes and source.
	Replace(ctx context.Context, id int64, rec *Record) error
	// Originals calls fn with every stored document's original, in id order.
	Originals(ctx context.Context, fn func(Original) error) error
	// EntitiesByKey lists the ids of stored entities of type typ having one
	// of keys as a name key of this kind (resolution against the store).
	EntitiesByKey(ctx context.Context, typ string, kind KeyKind, keys []string) ([]string, error)
	// EntityExists reports whether a corpus id is taken.
	EntityExists(ctx context.Context, id string) (bool, error)

	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// FindEntities lists entities matching a name, alias or id, most
	// mentioned first.
	FindEntities(ctx context.Context, name, typ string) ([]EntitySummary, error)
	EntityPage(ctx context.Context, id string) (*EntityPage, error)
	Docs(ctx context.Context, q DocsQuery) ([]DocSummary, error)
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// NearDuplicateBits is the largest Hamming distance between the SimHashes of
// two documents' bodies for the later one to count as a copy of the earlier.
// Measured on the demo corpus: distinct articles are ≥ 21 bits apart; a copy
// with new furniture and one edited sentence is 1–9 bits away, so 6 catches
// most light edits while unrelated pairs (binomial around 32) almost never
// come this close.
const NearDuplicateBits = 6

// ErrNotFound is returned for a missing document or entity.
var ErrNotFound = errors.New("not found")

// KeyKind says which name key of an entity a lookup uses (see package resolve).
type KeyKind string

const (
	KeyFull   KeyKind = "full"   // key of a multi-word name
	KeyLast   KeyKind = "last"   // a person's last name, from a multi-word name
	KeySingle KeyKind = "single" // key of a one-word name
)

// EntityKey is one name key of an entity.
type EntityKey struct {
	Kind KeyKind
	Key  string
}

// Source says where a document came from.
type Source struct {
	// Name is the input as given: a path, a URL, or "-".
	Name string `json:"name"`
	// URL is the page's address when fetched over HTTP (after redirects).
	URL string `json:"url,omitempty"`
	// Feed is the feed the page was listed in, when it came through one.
	Feed        string    `json:"feed,omitempty"`
	RetrievedAt time.Time `json:"retrieved_at"`
}

// Record is one document ready to store.
type Record struct {
	Doc *Document
	// Raw is the input exactly as read or fetched, before decoding.
	Raw    []byte
	Source Source
	// Hash is ContentHash(Raw); SimHash is the body's fingerprint.
	Hash    string
	SimHash uint64
	// Keys are the name keys of each of Doc.Entities, by index, stored so
	// that later documents resolve against them.
	Keys [][]EntityKey
}

// PutStatus says what Put did.
type PutStatus string

const (
	PutNew           PutStatus = "new"
	PutExists        PutStatus = "exists"         // same bytes already stored: nothing done
	PutNearDuplicate PutStatus = "near-duplicate" // stored, linked to its original
)

// PutResult is the outcome of Put.
type PutResult struct {
	ID     int64
	Status PutStatus
	// Original is the stored document this one duplicates (PutExists,
	// PutNearDuplicate); Distance is the SimHash distance to it.
	Original int64
	Distance int
	// Batch is the write batch that holds a new document when the store
	// groups commits (sqlite.DB.Batch); 0 when the document was durable
	// before Put returned. A batched document is stored only once its
	// batch commits: ask the store (Settled) before reporting it.
	Batch uint64
}

// Original is a stored document's source bytes, for re-extraction.
type Original struct {
	ID     int64
	Format string
	Source Source
	Raw    []byte
}

// SearchQuery is a full-text query with filters; zero fields do not filter.
type SearchQuery struct {
	// Text uses the query syntax of package sqlite (words, "phrases",
	// prefix*, -excluded, OR).
	Text string
	// Entity restricts to documents mentioning this corpus id.
	Entity string
	Lang   string
	Outlet string
	// Since and Until bound the publication date (inclusive, YYYY-MM-DD).
	Since, Until string
	// IncludeDuplicates also returns near duplicates.
	IncludeDuplicates bool
	// Type keeps documents mentioning an entity of this type (PER, ORG, LOC).
	Type string
	// Offset skips the first hits (paging).
	Offset int
	// Browse lets an empty Text list the filtered documents, newest first
	// (else an empty query without an entity is an error).
	Browse bool
	Limit  int
}

// SearchHit is one matching document.
type SearchHit struct {
	Doc DocSummary `json:"doc"`
	// Snippet is an excerpt with each match between SnippetStart and SnippetEnd.
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
}

// SnippetStart and SnippetEnd delimit the matched words in SearchHit.Snippet: control
// bytes that article text does not hold, for renderers to replace (bold on a
// terminal, brackets in plain output).
const (
	SnippetStart = "\x02"
	SnippetEnd   = "\x03"
)

// DocSummary is a document's listing row.
type DocSummary struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Lang      string    `json:"lang,omitempty"`
	Published string    `json:"published,omitempty"`
	Retrieved time.Time `json:"retrieved_at"`
	Format    string    `json:"format"`
	Bytes     int       `json:"bytes"`
	Entities  int       `json:"entities"`
	// DuplicateOf is the original's id for a near duplicate, else 0.
	DuplicateOf int64 `json:"duplicate_of,omitempty"`
}

// DocsQuery filters and pages the document listing.
type DocsQuery struct {
	Lang, Outlet string
	Limit        int
	Offset       int
}

// EntitySummary is one entity in a list.
type EntitySummary struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	KB        string `json:"kb,omitempty"`
	Mentions  int    `json:"mentions"`
	Documents int    `json:"documents"`
}

// AliasRecord is a name form of an entity, why it was linked, and in how many documents.
type AliasRecord struct {
	Name      string `json:"name"`
	Reason    string `json:"reason"`
	Documents int    `json:"documents"`
}

// Evidence is a span of a stored document and its text.
type Evidence struct {
	Doc   int64  `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// SpeakerRecord is who a quote or claim is attributed to.
type SpeakerRecord struct {
	// Entity is the corpus id; "" for an unnamed source.
	Entity     string `json:"entity,omitempty"`
	Name       string `json:"name"`
	Descriptor string `json:"descriptor,omitempty"`
}

// RelationRecord is a stored claim involving an entity.
type RelationRecord struct {
	Subject     EntityRef      `json:"subject"`
	Predicate   string         `json:"predicate"`
	Object      EntityRef      `json:"object"`
	Modality    string         `json:"modality"`
	Confidence  float64        `json:"confidence"`
	Attribution *SpeakerRecord `json:"attribution,omitempty"`
	Evidence    Evidence       `json:"evidence"`
	Published   string         `json:"published,omitempty"`
}

// EntityRef names an entity.
type EntityRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// QuoteRecord is a stored quote by or about an entity.
type QuoteRecord struct {
	Quote     Evidence       `json:"quote"`
	Speaker   *SpeakerRecord `json:"speaker,omitempty"`
	Published string         `json:"published,omitempty"`
}

// FigureRecord is a figure stated in a sentence that mentions an entity.
type FigureRecord struct {
	Value     float64  `json:"value"`
	Unit      string   `json:"unit"`
	Qualifier string   `json:"qualifier"`
	Text      string   `json:"text"`
	Sentence  Evidence `json:"sentence"`
}

// EntityPage is everything the store knows about one entity.
type EntityPage struct {
	EntitySummary
	Aliases   []AliasRecord    `json:"aliases"`
	Docs      []DocSummary     `json:"documents"`
	Relations []RelationRecord `json:"relations"`
	QuotesBy  []QuoteRecord    `json:"quotes_by"`
	// QuotesAbout are quotes whose words mention the entity.
	QuotesAbout []QuoteRecord  `json:"quotes_about"`
	Figures     []FigureRecord `json:"figures"`
	// FirstSeen and LastSeen are the earliest and latest publication dates
	// of the documents mentioning it; when none of them is dated, the days
	// they were ingested, and SeenIngested says so.
	FirstSeen    string `json:"first_seen,omitempty"`
	LastSeen     string `json:"last_seen,omitempty"`
	SeenIngested bool   `json:"seen_ingested,omitempty"`
}

// Stats counts what the store holds.
type Stats struct {
	Documents      int            `json:"documents"` // originals, near duplicates excluded
	NearDuplicates int            `json:"near_duplicates"`
	Languages      map[string]int `json:"languages"`
	Outlets        int            `json:"outlets"`
	Entities       map[string]int `json:"entities"` // by type
	Mentions       int            `json:"mentions"`
	Quotes         int            `json:"quotes"`
	Claims         int            `json:"claims"`
	Figures        int            `json:"figures"`
	Timexes        int            `json:"timexes"`
	RawBytes       int64          `json:"raw_bytes"`
	TextBytes      int64          `json:"text_bytes"`
	DatabaseBytes  int64          `json:"database_bytes"`
	SchemaVersion  int            `json:"schema_version"`
	FirstPublished string         `json:"first_published,omitempty"`
	LastPublished  string         `json:"last_published,omitempty"`
}

// FacetCount is one value of a search facet and how many matching
// documents have it.
type FacetCount struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Type  string `json:"type,omitempty"`
	Count int    `json:"count"`
}

// SearchFacets counts the documents matching a query and, over the first
// Sampled of them (most recently stored first), their entities, entity types, languages,
// outlets and publication years.
type SearchFacets struct {
	Total int
	// Capped: there are more than Total matches (counting stopped there).
	Capped   bool
	Sampled  int
	Entities []FacetCount
	Types    []FacetCount
	Langs    []FacetCount
	Outlets  []FacetCount
	Years    []FacetCount
}

// ContentHash is the hex SHA-256 of a document's original bytes: the identity
// under which re-ingesting the same bytes is a no-op.
func ContentHash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}
