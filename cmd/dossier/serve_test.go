package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeFlagsRefuseOpenAddressWithoutToken(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"beyond loopback", []string{"demo", "--no-open", "--addr", "0.0.0.0:0"}, "--token"},
		{"both token flags", []string{"demo", "--no-open", "--token", "a", "--token-file", "x"}, "not both"},
		{"empty token file", []string{"demo", "--no-open", "--addr", "0.0.0.0:0", "--token-file", filepath.Join(t.TempDir(), "empty")}, "empty"},
		{"missing database", []string{"serve", "--db", filepath.Join(t.TempDir(), "none.db")}, "none.db"},
		{"short token", []string{"demo", "--no-open", "--addr", "0.0.0.0:0", "--token", "a"}, "at least 16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, a := range tt.args {
				if strings.HasSuffix(a, "empty") {
					if err := os.WriteFile(a, []byte(" \n"), 0o600); err != nil {
						t.Fatal(err)
					}
				}
			}
			var out, errOut bytes.Buffer
			code := run(context.Background(), tt.args, nil, &out, &errOut)
			if code != exitUsage || !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want %d mentioning %q", code, errOut.String(), exitUsage, tt.want)
			}
			if strings.Contains(out.String(), "http://") {
				t.Errorf("printed a URL although it refused to serve: %q", out.String())
			}
		})
	}
}

func TestDemoServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"demo", "--no-open", "--addr", "127.0.0.1:0"}, nil, &out, &errOut) }()
	for !strings.Contains(out.String(), "http://127.0.0.1:") {
		select {
		case code := <-done:
			t.Fatalf("demo exited %d: %s", code, errOut.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d after cancel: %s", code, errOut.String())
	}
}

// syncBuffer is a bytes.Buffer safe to read while the command writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serve --db shows what ingest stored: the store's document ids and entity
// ids, every layer, without extracting again.
func TestServeReadsTheStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "case.db")
	files := demoFiles(t, "01-en-kabul-airport-iskp.txt", "24-fr-etat-islamique-khorasan-europe.txt")
	if code, _, stderr := dossierCLI(t, append([]string{"ingest", "--quiet", "--db", db}, files...)...); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, nil, &out, &errOut)
	}()
	var base string
	for base == "" {
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, errOut.String())
		case <-time.After(20 * time.Millisecond):
		}
		if i := strings.Index(out.String(), "http://127.0.0.1:"); i >= 0 {
			base = strings.TrimRight(strings.Fields(out.String()[i:])[0], "/")
		}
	}
	get := func(path string, v any) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b, _ := io.ReadAll(resp.Body)
			t.Fatalf("GET %s: %s %s", path, resp.Status, b)
		}
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
	// The entity id of `dossier entity` is the page's.
	var ent struct {
		ID      string `json:"id"`
		Name    string `json:"name"`
		Aliases []any  `json:"aliases"`
	}
	get("/api/entities/e:iskp", &ent)
	if ent.ID != "e:iskp" || len(ent.Aliases) == 0 {
		t.Errorf("entity page e:iskp: %+v", ent)
	}
	// Document 1 is the first stored, with its layers.
	var doc map[string]any
	get("/api/documents/1", &doc)
	raw, _ := json.Marshal(doc)
	for _, want := range []string{"Kabul", `"quotes"`, `"claims"`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("document 1 lacks %s: %.300s", want, raw)
		}
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d after cancel: %s", code, errOut.String())
	}
}

// TestWildcardAddressPrintsUsableURL: listening on every interface prints a
// loopback URL a browser can open, not http://[::]:PORT.
func TestWildcardAddressPrintsUsableURL(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"demo", "--no-open", "--addr", "0.0.0.0:0", "--token", "correct-horse-battery-staple"}, nil, &out, &errOut)
	}()
	deadline := time.After(60 * time.Second)
	for !strings.Contains(out.String(), "Ctrl-C") {
		select {
		case code := <-done:
			t.Fatalf("demo exited %d: %s", code, errOut.String())
		case <-deadline:
			t.Fatalf("no URL printed: %q", out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	<-done
	got := out.String()
	if strings.Contains(got, "[::]") || strings.Contains(got, "0.0.0.0") || !strings.Contains(got, "http://127.0.0.1:") || !strings.Contains(got, "every interface") {
		t.Errorf("printed %q", got)
	}
}
