package web

import (
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sync"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/ingest"
)

// rawDoc is one original to extract.
type rawDoc struct {
	id     int64
	name   string
	format string
	raw    []byte
	url    string
	date   string
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
		inputs = append(inputs, Input{ID: raws[i].id, Doc: d, URL: raws[i].url, Date: raws[i].date})
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

// Originals is the part of dossier.Store that LoadStore reads.
type Originals interface {
	Originals(ctx context.Context, fn func(dossier.Original) error) error
}

// LoadStore serves a stored corpus: it re-extracts every stored original
// with eng (the store keeps the originals; the pages need every annotation
// layer, which the Store interface does not return) and keeps the stored
// document ids, so /api/documents/ID is the id `dossier docs` prints.
func LoadStore(ctx context.Context, store Originals, eng *engine.Engine, maxBytes int64, warn func(name string, err error)) (*Memory, error) {
	var raws []rawDoc
	err := store.Originals(ctx, func(o dossier.Original) error {
		r := rawDoc{id: o.ID, name: o.Source.Name, format: o.Format, raw: o.Raw, url: o.Source.URL}
		if !o.Source.RetrievedAt.IsZero() {
			r.date = o.Source.RetrievedAt.Format("2006-01-02")
		}
		if r.name == "" {
			r.name = fmt.Sprintf("document-%d", o.ID)
		}
		raws = append(raws, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read stored originals: %w", err)
	}
	return extractAll(ctx, eng, raws, maxBytes, warn)
}
