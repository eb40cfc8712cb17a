package sqlite

import (
	"bytes"
	"compress/flate"
	"database/sql/driver"
	"fmt"
	"io"
	"sync"

	msqlite "modernc.org/sqlite"
)

// Documents' original bytes and text are stored deflated (contents.enc = 1):
// articles compress about threefold, and the originals are most of the
// database. Queries read the text through the SQL function dossier_text,
// which inflates it; rows written before (enc = 0) are plain.
const (
	encPlain   = 0
	encDeflate = 1
)

// deflateLevel trades a little ratio for speed: ingest compresses every article.
const deflateLevel = 5

// maxInflated bounds what one stored value may inflate to (a corrupt or
// hostile row must not take the machine's memory).
const maxInflated = 1 << 30

var writers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, deflateLevel)
	return w
}}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	w := writers.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(b)
	w.Close()
	writers.Put(w)
	return buf.Bytes()
}

// readers keeps inflaters for reuse: a new one allocates ~40 KB of tables,
// and a timeline or an entity page inflates hundreds of texts.
var readers sync.Pool

func inflate(b []byte) ([]byte, error) {
	src := bytes.NewReader(b)
	r, _ := readers.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(src)
	} else if err := r.(flate.Resetter).Reset(src, nil); err != nil {
		return nil, fmt.Errorf("inflate stored content: %w", err)
	}
	defer readers.Put(r)
	// Articles deflate about threefold: one allocation for most texts.
	out := bytes.NewBuffer(make([]byte, 0, min(4*len(b)+512, maxInflated)))
	n, err := out.ReadFrom(io.LimitReader(r, maxInflated+1))
	if err != nil {
		return nil, fmt.Errorf("inflate stored content: %w", err)
	}
	if n > maxInflated {
		return nil, fmt.Errorf("inflate stored content: over %d bytes", maxInflated)
	}
	return out.Bytes(), nil
}

// storedText is what dossier_text(enc, text, raw) returns: the document
// text, text when not NULL, else the raw bytes, inflated when enc says so.
func storedText(enc int64, text, raw []byte, textNull bool) (string, error) {
	v := text
	if textNull {
		v = raw
	}
	if enc == encDeflate {
		if t, ok := inflated.get(v); ok {
			return t, nil
		}
		out, err := inflate(v)
		if err != nil {
			return "", err
		}
		t := string(out)
		inflated.put(v, t)
		return t, nil
	}
	return string(v), nil
}

// A query slices many spans of one document (an entity page's evidence,
// each quote of a document): the last texts inflated are kept with their
// compressed bytes, so a document is inflated once per query.
type textCache struct {
	mu    sync.Mutex
	keys  [64]string
	texts [64]string
	next  int
}

var inflated textCache

func (c *textCache) get(k []byte) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range c.keys {
		if len(c.keys[i]) == len(k) && c.keys[i] == string(k) {
			return c.texts[i], true
		}
	}
	return "", false
}

func (c *textCache) put(k []byte, t string) {
	c.mu.Lock()
	c.keys[c.next], c.texts[c.next] = string(k), t
	c.next = (c.next + 1) % len(c.keys)
	c.mu.Unlock()
}

func bytesOf(v driver.Value) ([]byte, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case []byte:
		return x, false
	case string:
		return []byte(x), false
	}
	return nil, true
}

func init() {
	// The driver's functions are registered once, for every connection it
	// opens; this is the one function the schema's queries need.
	msqlite.MustRegisterDeterministicScalarFunction("dossier_text", 3, func(_ *msqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		enc, _ := args[0].(int64)
		text, textNull := bytesOf(args[1])
		raw, _ := bytesOf(args[2])
		return storedText(enc, text, raw, textNull)
	})
}
