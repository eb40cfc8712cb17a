// Package ingest reads documents from files, directories, web pages and
// RSS/Atom feeds, extracts them in parallel and stores them one transaction
// each, in input order, skipping what the store already has.
//
//	res, err := ingest.New(eng, store, ingest.Options{})
//	sum, err := res.Run(ctx, []string{"articles/", "https://example.org/feed.xml"}, report)
//
// Identity: the SHA-256 of the original bytes (re-ingesting the same bytes
// is a no-op, found before extraction); near duplicates (SimHash of the body
// within dossier.NearDuplicateBits) are stored and linked to their original.
// Entities resolve against the store (resolve.ResolveAgainst), so a new
// document joins the corpus without rebuilding it.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/pipeline"
	"github.com/dossier-project/dossier/read"
	"github.com/dossier-project/dossier/resolve"
)

// Options configures an Ingester.
type Options struct {
	// Workers extract documents in parallel; 0 means GOMAXPROCS.
	Workers int
	// MaxBytes bounds every input; 0 means read.DefaultMaxBytes.
	MaxBytes int64
	// SkipKnownSources skips a file or URL argument whose path or URL is
	// already stored, without reading it (watch). Feed items whose link is
	// stored are always skipped.
	SkipKnownSources bool
	// Now stamps retrieval times (tests); nil means time.Now.
	Now func() time.Time
	// MaxFeedItems caps the items taken from one feed (0: DefaultMaxFeedItems).
	MaxFeedItems int
	// AllowPrivateRedirects: see Fetcher.AllowPrivateRedirects.
	AllowPrivateRedirects bool
	// NameRoot: files under this directory are stored under their path
	// relative to it (a temporary copy keeps the names of its originals).
	NameRoot string
	// Warn receives notices that are not a document's failure ("feed cut at
	// 500 items"); nil logs them.
	Warn func(msg string)
}

// DefaultMaxFeedItems is how many items of one feed are taken by default: a
// news feed holds a few dozen; a hundred thousand is a mistake or an attack.
const DefaultMaxFeedItems = 500

// Ingester stores documents. It is safe to Run once at a time.
type Ingester struct {
	eng      *engine.Engine
	store    dossier.Store
	resolver *resolve.Resolver
	fetch    *Fetcher
	opt      Options
}

// New returns an ingester extracting with eng into store.
func New(eng *engine.Engine, store dossier.Store, opt Options) (*Ingester, error) {
	if eng == nil || store == nil {
		return nil, errors.New("ingest: nil engine or store")
	}
	res := eng.Resolver()
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = read.DefaultMaxBytes
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.MaxFeedItems <= 0 {
		opt.MaxFeedItems = DefaultMaxFeedItems
	}
	if opt.Warn == nil {
		opt.Warn = func(msg string) { slog.Warn(msg) }
	}
	f := NewFetcher(opt.MaxBytes)
	f.AllowPrivateRedirects = opt.AllowPrivateRedirects
	return &Ingester{eng: eng, store: store, resolver: res, fetch: f, opt: opt}, nil
}

// BatchDocs and BatchDelay bound the documents a store that batches
// commits (sqlite.DB.Batch) groups into one transaction: a commit writes
// every page the documents touched, so sharing it among a few dozen
// documents cuts the store's cost several times, while a kill loses at most
// this much work, redone by running the same ingest again.
const (
	BatchDocs  = 64
	BatchDelay = 200 * time.Millisecond
)

// batcher is a store that can group documents into one transaction.
type batcher interface {
	Batch(ctx context.Context, maxDocs int, maxDelay time.Duration) error
	// Settled reports whether a PutResult's batch has ended, and the error
	// that lost it (a full disk at commit).
	Settled(batch uint64) (bool, error)
}

// Status is what happened to one input.
type Status string

const (
	StatusNew           Status = "new"
	StatusExists        Status = "exists"         // same bytes already stored
	StatusNearDuplicate Status = "near-duplicate" // stored, linked to an original
	StatusSkipped       Status = "skipped"        // source already stored (watch, feed items)
	StatusFailed        Status = "failed"
)

// Event reports one input's outcome.
type Event struct {
	Name     string
	Status   Status
	ID       int64
	Original int64 // for exists / near-duplicate
	Distance int
	Warnings []string
	Err      error
	// Done and Total count inputs so far, for progress display; Total grows
	// while feeds are expanded.
	Done, Total int
	// batch is the store's write batch holding a new document (0: durable).
	batch uint64
}

// Summary counts outcomes of a run.
type Summary struct {
	New, Exists, NearDuplicates, Skipped, Failed int
}

func (s *Summary) count(st Status) {
	switch st {
	case StatusNew:
		s.New++
	case StatusExists:
		s.Exists++
	case StatusNearDuplicate:
		s.NearDuplicates++
	case StatusSkipped:
		s.Skipped++
	case StatusFailed:
		s.Failed++
	}
}

// item is one input to read: a file path or a URL, maybe from a feed.
type item struct {
	name     string
	label    string // stored name when not name (NameRoot)
	url      string
	feed     string
	fallback string // feed content used when the page cannot be fetched
	err      error  // an input that failed while expanding
	skip     bool
}

// storedName is the name the document is stored and reported under.
func (it *item) storedName() string {
	if it.label != "" {
		return it.label
	}
	return it.name
}

// job is one item through the pipeline.
type job struct {
	item
	rec    *dossier.Record
	status Status
	id     int64
	err    error
	done   chan struct{}
}

// Run ingests every input named by args: files, directories (walked for
// article files: .txt, .html, .pdf…), http(s) URLs of pages or feeds, and
// local .xml/.rss/.atom feed files. It calls report (if not nil) for each
// input in order. A bad input is reported and skipped; Run returns an error
// only when the store fails or ctx ends, keeping what was committed.
func (in *Ingester) Run(ctx context.Context, args []string, report func(Event)) (sum Summary, err error) {
	// Events wait here until the store confirms their batch committed: a
	// document is reported new only once it is really stored.
	var waiting []Event
	done := 0
	emit := func(ev Event) {
		done++
		ev.Done = done
		sum.count(ev.Status)
		if report != nil {
			report(ev)
		}
	}
	b, batching := in.store.(batcher)
	settle := func() {
		for len(waiting) > 0 {
			ev := waiting[0]
			if batching {
				ok, lost := b.Settled(ev.batch)
				if !ok {
					return
				}
				if lost != nil {
					ev.Status, ev.Err, ev.ID, ev.Original = StatusFailed, fmt.Errorf("%s: not stored: %w", ev.Name, lost), 0, 0
				}
			}
			waiting = waiting[1:]
			emit(ev)
		}
	}
	if batching {
		if err := b.Batch(ctx, BatchDocs, BatchDelay); err != nil {
			return sum, err
		}
		defer func() {
			// Commit what the batch holds, even after Ctrl-C, then report
			// what that commit confirmed.
			if ferr := b.Batch(context.WithoutCancel(ctx), 0, 0); ferr != nil && err == nil {
				err = ferr
			}
			settle()
		}()
	}
	items := in.expand(ctx, args)
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan *job, in.opt.Workers*2)
	ordered := make(chan *job, in.opt.Workers*4)
	go func() {
		defer close(jobs)
		defer close(ordered)
		for _, it := range items {
			j := &job{item: it, done: make(chan struct{})}
			select {
			case ordered <- j:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range in.opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				in.prepare(ctx, j)
				close(j.done)
			}
		}()
	}
	defer func() {
		cancel()
		wg.Wait()
	}()

	for j := range ordered {
		select {
		case <-j.done:
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		ev := Event{Name: j.storedName(), Total: len(items)}
		switch {
		case j.err != nil:
			ev.Status, ev.Err = StatusFailed, j.err
		case j.status != "":
			ev.Status, ev.ID, ev.Original = j.status, j.id, j.id
		default:
			if err := ctx.Err(); err != nil {
				return sum, err
			}
			res, err := in.commit(ctx, j.rec)
			if err != nil {
				if ctx.Err() != nil {
					return sum, ctx.Err()
				}
				ev.Status, ev.Err = StatusFailed, err
				break
			}
			ev.ID, ev.Original, ev.Distance, ev.batch = res.ID, res.Original, res.Distance, res.Batch
			ev.Warnings = j.rec.Doc.Warnings
			switch res.Status {
			case dossier.PutNew:
				ev.Status = StatusNew
			case dossier.PutExists:
				ev.Status = StatusExists
			default:
				ev.Status = StatusNearDuplicate
			}
		}
		j.rec = nil // let the document go: memory stays flat
		waiting = append(waiting, ev)
		settle()
	}
	if !batching {
		settle()
	}
	return sum, ctx.Err()
}

// commit resolves the record's entities against the store and stores it.
func (in *Ingester) commit(ctx context.Context, rec *dossier.Record) (dossier.PutResult, error) {
	d := rec.Doc
	if err := in.resolveAgainst(ctx, d); err != nil {
		return dossier.PutResult{}, fmt.Errorf("%s: %w", d.Name, err)
	}
	rec.Keys = make([][]dossier.EntityKey, len(d.Entities))
	for i := range d.Entities {
		rec.Keys[i] = resolve.EntityKeys(d, &d.Entities[i])
	}
	return in.store.Put(ctx, rec)
}

// resolveAgainst links d's entities to the store's, turning a panic in
// resolution into this document's failure.
func (in *Ingester) resolveAgainst(ctx context.Context, d *dossier.Document) (err error) {
	defer func() {
		if v := recover(); v != nil {
			slog.Error("resolution panicked", "doc", d.Name, "panic", v, "stack", string(debug.Stack()))
			err = fmt.Errorf("resolve: %w: internal error (panic: %v); please report it with the input", pipeline.ErrStageFailed, v)
		}
	}()
	return in.resolver.ResolveAgainst(ctx, d, in.store)
}

// prepare reads, dedupes by hash and extracts one job, on a worker.
func (in *Ingester) prepare(ctx context.Context, j *job) {
	if j.item.err != nil {
		j.err = j.item.err
		return
	}
	if j.skip {
		j.status = StatusSkipped
		return
	}
	src := dossier.Source{Name: j.storedName(), URL: j.url, Feed: j.feed, RetrievedAt: in.opt.Now().UTC()}
	var raw []byte
	format := ""
	if j.url != "" {
		f, err := in.fetch.Get(ctx, j.url)
		switch {
		case err != nil && j.fallback != "":
			raw, format = []byte(j.fallback), read.FormatHTML
		case err != nil:
			j.err = err
			return
		default:
			raw, src.URL = f.Body, f.URL
			format = formatOfType(f.ContentType)
		}
	} else if j.fallback != "" {
		raw, format = []byte(j.fallback), read.FormatHTML
	} else {
		b, err := readFile(j.name, in.opt.MaxBytes)
		if err != nil {
			j.err = err
			return
		}
		raw = b
	}
	rec := &dossier.Record{Raw: raw, Source: src, Hash: dossier.ContentHash(raw)}
	id, ok, err := in.store.DocumentByHash(ctx, rec.Hash)
	if err != nil {
		j.err = err
		return
	}
	if ok {
		j.status, j.id = StatusExists, id
		return
	}
	doc, err := Extract(ctx, in.eng, j.storedName(), format, raw, in.opt.MaxBytes)
	if err != nil {
		j.err = err
		return
	}
	if doc.Meta.URL == "" && src.URL != "" {
		doc.Meta.URL = src.URL
	}
	if doc.Meta.Outlet == "" {
		doc.Meta.Outlet = OutletOf(doc.Meta.URL)
	}
	rec.Doc = doc
	rec.SimHash = SimHash(doc)
	j.rec = rec
}

// OutletOf names the outlet of a page by its address when the page itself
// does not: the host without "www." ("https://www.reuters.com/…" → "reuters.com").
func OutletOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// formatOfType maps a media type to a reader format hint ("" to sniff).
func formatOfType(ct string) string {
	switch ct {
	case "text/html", "application/xhtml+xml":
		return read.FormatHTML
	case "application/pdf":
		return FormatPDF
	case "text/plain":
		return read.FormatText
	}
	return ""
}

// FormatPDF is Document.Format for text extracted from a PDF.
const FormatPDF = "pdf"

// Extract builds and processes a document from original bytes. format forces
// a reader ("html", "txt", "pdf"); "" picks one from the name and content.
// Reindex calls it on stored originals.
func Extract(ctx context.Context, eng *engine.Engine, name, format string, raw []byte, maxBytes int64) (*dossier.Document, error) {
	readName := name
	if format == "" && (strings.EqualFold(filepath.Ext(name), ".pdf") || strings.HasPrefix(string(raw[:min(len(raw), 5)]), "%PDF-")) {
		format = FormatPDF
	}
	var doc *dossier.Document
	var err error
	opt := eng.ReadOptions()
	opt.MaxBytes = maxBytes
	switch format {
	case FormatPDF:
		text, perr := PDFText(ctx, name, raw)
		if perr != nil {
			return nil, perr
		}
		doc, err = read.Bytes("document.txt", []byte(text), opt)
		if doc != nil {
			doc.Format = FormatPDF
		}
	case read.FormatHTML:
		if !isHTMLName(name) {
			readName = "page.html"
		}
		doc, err = read.Bytes(readName, raw, opt)
	case read.FormatText:
		readName = "document.txt"
		doc, err = read.Bytes(readName, raw, opt)
	default:
		if IsURL(name) && !isHTMLName(name) {
			readName = "page" // no extension: the reader sniffs
		}
		doc, err = read.Bytes(readName, raw, opt)
	}
	if err != nil {
		// The reader names its input; give it the real name.
		var re *read.Error
		if errors.As(err, &re) {
			re.Name = name
		}
		return nil, err
	}
	doc.Name = name
	if err := eng.Process(ctx, doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return doc, nil
}

func isHTMLName(name string) bool {
	if u := strings.IndexAny(name, "?#"); u >= 0 && IsURL(name) {
		name = name[:u]
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	return false
}

// readFile reads a whole regular file, bounded by maxBytes.
func readFile(path string, maxBytes int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file or directory", path)
		}
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if info.Size() > maxBytes {
		return nil, fmt.Errorf("%s: input too large: %d bytes exceeds the %d-byte limit (raise it with --max-size)", path, info.Size(), maxBytes)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if int64(len(b)) > maxBytes {
		return nil, fmt.Errorf("%s: input too large (raise the limit with --max-size)", path)
	}
	return b, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// expand turns arguments into items: directories are walked, feeds are
// fetched and listed. Failures become failed items, in order.
func (in *Ingester) expand(ctx context.Context, args []string) []item {
	var items []item
	for _, arg := range args {
		if ctx.Err() != nil {
			return items
		}
		if IsURL(arg) {
			items = append(items, in.expandURL(ctx, arg)...)
			continue
		}
		info, err := os.Stat(arg)
		if err == nil && info.IsDir() {
			_ = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if err != nil {
					items = append(items, item{name: path, err: fmt.Errorf("%s: %w", path, unwrapPathError(err))})
					if d != nil && d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if path != arg && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if !d.IsDir() && isIngestName(d.Name()) {
					items = append(items, in.fileItem(ctx, path))
				}
				return nil
			})
			continue
		}
		if isFeedName(arg) {
			items = append(items, in.expandFeedFile(ctx, arg)...)
			continue
		}
		items = append(items, in.fileItem(ctx, arg))
	}
	return items
}

func (in *Ingester) fileItem(ctx context.Context, path string) item {
	it := item{name: path}
	if in.opt.NameRoot != "" {
		if rel, err := filepath.Rel(in.opt.NameRoot, path); err == nil && !strings.HasPrefix(rel, "..") {
			it.label = filepath.ToSlash(rel)
		}
	}
	if in.opt.SkipKnownSources {
		if _, ok, err := in.store.DocumentBySource(ctx, path); err == nil && ok {
			it.skip = true
		}
	}
	return it
}

func (in *Ingester) expandURL(ctx context.Context, u string) []item {
	if in.opt.SkipKnownSources {
		if _, ok, err := in.store.DocumentBySource(ctx, u); err == nil && ok {
			return []item{{name: u, url: u, skip: true}}
		}
	}
	f, err := in.fetch.Get(ctx, u)
	if err != nil {
		return []item{{name: u, err: err}}
	}
	if isFeed(f.ContentType, f.Body) {
		return in.feedItems(ctx, u, f.Body)
	}
	// A page: fetched again by a worker, which keeps expansion light and
	// the page's bytes out of memory until they are needed.
	return []item{{name: u, url: u}}
}

func (in *Ingester) expandFeedFile(ctx context.Context, path string) []item {
	b, err := readFile(path, in.opt.MaxBytes)
	if err != nil {
		return []item{{name: path, err: err}}
	}
	return in.feedItems(ctx, path, b)
}

func (in *Ingester) feedItems(ctx context.Context, feed string, body []byte) []item {
	entries, err := ParseFeed(feed, body)
	if err != nil {
		return []item{{name: feed, err: err}}
	}
	if n := len(entries); n > in.opt.MaxFeedItems {
		in.opt.Warn(fmt.Sprintf("%s: %d items, kept the first %d (raise the cap with --max-feed-items)", feed, n, in.opt.MaxFeedItems))
		entries = entries[:in.opt.MaxFeedItems]
	}
	items := make([]item, 0, len(entries))
	for _, e := range entries {
		it := item{name: e.Link, url: e.Link, feed: feed, fallback: e.Content}
		if !IsURL(e.Link) {
			it.url = "" // a content-only entry
			if e.Content == "" {
				continue
			}
		}
		if _, ok, err := in.store.DocumentBySource(ctx, e.Link); err == nil && ok {
			it.skip = true
		}
		items = append(items, it)
	}
	return items
}

// isIngestName reports whether a directory walk ingests the file.
func isIngestName(base string) bool {
	switch strings.ToLower(filepath.Ext(base)) {
	case ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".pdf":
		return true
	}
	return false
}

func isFeedName(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".rss", ".atom", ".xml":
		return true
	}
	return false
}
