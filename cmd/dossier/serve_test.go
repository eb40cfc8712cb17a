package main

import (
	"bytes"
	"context"
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
