package web

import (
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sync"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/export/dbsource"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/kb"
)

// rawDoc is one original to extract.
type rawDoc struct {
	id     int64
	name   string
	format string
	raw    []byte
	url    string
}

// extractAll runs the pipeline over every original on all CPUs, resolves
// the entities corpus-wide and indexes the result. An original that fails to
// extract is reported through warn and left out.
func extractAll(ctx context.Context, eng *engine.Engine, raws []rawDoc, maxBytes int64, warn func(name string, err error)) (*Memory, error) {
	docs := make([]*dossier.Document, len(raws))
	errs := make([]error, len(raws))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i], errs[i] = ingest.Extract(ctx, eng, raws[i].name, raws[i].format, raws[i].raw, maxBytes)
			}
		}()
	}
feed:
	for i := range raws {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var ok []*dossier.Document
	var inputs []Input
	for i, d := range docs {
		if errs[i] != nil || d == nil {
			if warn != nil {
				warn(raws[i].name, errs[i])
			}
			continue
		}
		ok = append(ok, d)
		inputs = append(inputs, Input{ID: raws[i].id, Doc: d, URL: raws[i].url})
	}
	if err := eng.Resolve(ctx, ok); err != nil {
		return nil, fmt.Errorf("resolve entities: %w", err)
	}
	return NewMemory(ctx, inputs, eng.KB())
}

// LoadFS extracts the named files of fsys (the bundled demo corpus) into a
// Memory backend; document ids follow the order of paths, from 1.
func LoadFS(ctx context.Context, eng *engine.Engine, fsys fs.FS, paths []string, warn func(name string, err error)) (*Memory, error) {
	raws := make([]rawDoc, 0, len(paths))
	for i, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		raws = append(raws, rawDoc{id: int64(i + 1), name: p, raw: b})
	}
	return extractAll(ctx, eng, raws, 0, warn)
}

// StoredDocuments streams a store's documents with every annotation layer
// and their corpus entity ids (export/dbsource.Source does).
type StoredDocuments interface {
	Stored(ctx context.Context, fn func(dbsource.Stored) error) error
}

// LoadStored serves a stored corpus as ingest stored it: no extraction, the
// store's document and entity ids, so /api/documents/ID is the id `dossier
// docs` prints and entity pages are those of `dossier entity`.
func LoadStored(ctx context.Context, store StoredDocuments, base *kb.KB) (*Memory, error) {
	var inputs []Input
	err := store.Stored(ctx, func(d dbsource.Stored) error {
		if d.Doc.Name == "" {
			d.Doc.Name = fmt.Sprintf("document-%d", d.ID)
		}
		inputs = append(inputs, Input{ID: d.ID, Doc: d.Doc, URL: d.Doc.Meta.URL, Ingested: d.Retrieved})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read stored documents: %w", err)
	}
	return NewMemory(ctx, inputs, base)
}
