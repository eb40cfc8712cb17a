package ingest

import (
	"context"
	"net/url"
)

// SetPrivate replaces how the ingester's fetcher tells private addresses
// (tests run every server on 127.0.0.1).
func SetPrivate(in *Ingester, private func(context.Context, *url.URL) bool) {
	in.fetch.private = private
}
