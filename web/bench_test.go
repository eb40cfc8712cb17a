package web

import (
	"context"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/demo"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/kb"
)

// demoCorpus extracts and resolves the bundled demo corpus once per test binary.
var demoCorpus = sync.OnceValues(func() (*engine.Engine, error) {
	return engine.New(context.Background(), engine.Config{})
})

func demoDocs(tb testing.TB) ([]*dossier.Document, *kb.KB) {
	tb.Helper()
	eng, err := demoCorpus()
	if err != nil {
		tb.Fatal(err)
	}
	paths, err := demo.Files()
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	var docs []*dossier.Document
	for _, p := range paths {
		raw, err := fs.ReadFile(demo.FS, p)
		if err != nil {
			tb.Fatal(err)
		}
		d, err := ingest.Extract(ctx, eng, p, "", raw, 0)
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, d)
	}
	if err := eng.Resolve(ctx, docs); err != nil {
		tb.Fatal(err)
	}
	return docs, eng.KB()
}

// timedGet serves one request for target as a local browser would and
// says how long the handler took.
func timedGet(h http.Handler, target string) (time.Duration, *httptest.ResponseRecorder) {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(w, r)
	return time.Since(start), w
}

// latencies runs each query rounds times and returns the p95; a status
// other than 200 fails the test.
func latencies(tb testing.TB, h http.Handler, queries []string, rounds int) time.Duration {
	var all []time.Duration
	for range rounds {
		for _, target := range queries {
			took, w := timedGet(h, target)
			all = append(all, took)
			if w.Code != http.StatusOK {
				body, _ := io.ReadAll(w.Result().Body)
				tb.Fatalf("%s: %d %s", target, w.Code, body)
			}
		}
	}
	slices.Sort(all)
	return all[len(all)*95/100]
}
