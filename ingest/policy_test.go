package ingest

import (
	"context"
	"net/url"
	"testing"
)

func TestIsPrivateURL(t *testing.T) {
	for raw, want := range map[string]bool{
		"http://127.0.0.1:8080/":      true,
		"http://localhost/":           true,
		"http://10.1.2.3/":            true,
		"http://192.168.0.1/":         true,
		"http://172.16.5.5/":          true,
		"http://169.254.169.254/meta": true,
		"http://[::1]:9000/":          true,
		"http://[fe80::1]/":           true,
		"http://0.0.0.0/":             true,
		"http://8.8.8.8/":             false,
		"http://[2001:4860::8888]/":   false,
	} {
		u, _ := url.Parse(raw)
		if got := isPrivateURL(context.Background(), u); got != want {
			t.Errorf("isPrivateURL(%s) = %v, want %v", raw, got, want)
		}
	}
}
