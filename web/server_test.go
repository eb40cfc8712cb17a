package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func testServer(t *testing.T, opt Options) *Server {
	t.Helper()
	s, err := NewServer(fixtureStore(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get runs one request against the handler as a browser on host would.
func get(t *testing.T, h http.Handler, host, target string, header map[string]string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Host = host
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func TestAPIEndpoints(t *testing.T) {
	h := testServer(t, Options{}).Handler()
	tests := []struct {
		target string
		status int
		keys   []string // top-level JSON keys the answer must have
	}{
		{"/api/search?q=mosul", 200, []string{"total", "page", "size", "hits", "facets"}},
		{"/api/search?q=&lang=fr&page=1&size=5", 200, []string{"hits", "facets"}},
		{"/api/search?since=2024-13-99x", 400, []string{"error"}},
		{"/api/search?size=1000", 400, []string{"error"}},
		{"/api/search?entity=e:nobody", 404, []string{"error"}},
		{"/api/documents/1", 200, []string{"id", "text", "entities", "mentions", "quotes", "figures", "timexes", "claims", "boilerplate"}},
		{"/api/documents/42", 404, []string{"error"}},
		{"/api/documents/abc", 400, []string{"error"}},
		{"/api/entities?q=omar", 200, nil},
		{"/api/entities/e:abu-omar", 200, []string{"id", "name", "aliases", "relations", "quotes_by", "quotes_about", "figures", "document_list", "timeline", "first_seen", "last_seen"}},
		{"/api/entities/e:nobody", 404, []string{"error"}},
		{"/api/graph", 200, []string{"nodes", "edges"}},
		{"/api/graph?entity=e:mosul&depth=2&types=ORG,LOC,PER&cooccurrence=1", 200, []string{"nodes", "edges"}},
		{"/api/graph?depth=7", 400, []string{"error"}},
		{"/api/edge?source=e:abu-omar&target=e:islamic-state&predicate=leads", 200, []string{"source", "target", "total", "relations"}},
		{"/api/edge?source=e:abu-omar", 400, []string{"error"}},
		{"/api/timeline?entity=e:islamic-state", 200, []string{"documents", "events", "figures"}},
		{"/api/places", 200, []string{"places", "unplaced"}},
		{"/api/stats", 200, []string{"documents", "entities", "claims"}},
		{"/api/nothing-here", 404, []string{"error"}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res := get(t, h, "127.0.0.1:8080", tt.target, nil)
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, tt.status, body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			if tt.keys == nil {
				var list []EntityRef
				if err := json.Unmarshal(body, &list); err != nil || len(list) == 0 || list[0].ID != "e:abu-omar" {
					t.Errorf("entity list %s: %v", body, err)
				}
				return
			}
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(body, &obj); err != nil {
				t.Fatalf("not a JSON object: %s", body)
			}
			for _, k := range tt.keys {
				if _, ok := obj[k]; !ok {
					t.Errorf("key %q missing from %s", k, body)
				}
			}
			if strings.Contains(string(body), "goroutine ") || strings.Contains(string(body), ".go:") {
				t.Errorf("stack trace in answer: %s", body)
			}
		})
	}
}

func TestPagesAndHeaders(t *testing.T) {
	h := testServer(t, Options{}).Handler()
	res := get(t, h, "localhost:8080", "/", nil)
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.Contains(string(body), `<script src="/assets/app.js" defer></script>`) {
		t.Fatalf("index: %d %s", res.StatusCode, body)
	}
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP = %q", csp)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("headers = %v", res.Header)
	}
	// No inline script in the page: every <script> has a src.
	if n, m := strings.Count(string(body), "<script"), strings.Count(string(body), "<script src="); n != m {
		t.Errorf("%d scripts, %d with src", n, m)
	}
	if res := get(t, h, "localhost:8080", "/assets/app.js", nil); res.StatusCode != 200 {
		t.Errorf("app.js: %d", res.StatusCode)
	}
	if res := get(t, h, "localhost:8080", "/assets/", nil); res.StatusCode != 404 {
		t.Errorf("directory listing: %d", res.StatusCode)
	}
	if res := get(t, h, "localhost:8080", "/assets/../server.go", nil); res.StatusCode == 200 {
		t.Errorf("path traversal answered 200")
	}
}

func TestHostileTextIsEscapedInJSON(t *testing.T) {
	h := testServer(t, Options{}).Handler()
	for _, target := range []string{"/api/documents/3", "/api/search?q=script", "/api/entities/e:evil-corp", "/api/graph"} {
		res := get(t, h, "127.0.0.1:8080", target, nil)
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", target, res.StatusCode)
		}
		// encoding/json writes < and > as \u003c and \u003e, so no answer can
		// be read as markup even if served with the wrong type.
		if strings.ContainsAny(string(body), "<>") {
			t.Errorf("%s: raw angle brackets in %s", target, body)
		}
	}
	var d DocumentView
	res := get(t, h, "127.0.0.1:8080", "/api/documents/3", nil)
	if err := json.NewDecoder(res.Body).Decode(&d); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Text, "<script>window.__pwned=1</script>") {
		t.Errorf("text altered: %q", d.Text[:40])
	}
}

func TestTokenRequiredBeyondLoopback(t *testing.T) {
	if _, err := NewServer(fixtureStore(t), Options{Addr: "0.0.0.0:8080"}); err == nil {
		t.Fatal("server on 0.0.0.0 without a token")
	}
	if _, err := NewServer(fixtureStore(t), Options{Addr: "192.168.1.5:80"}); err == nil {
		t.Fatal("server on a LAN address without a token")
	}
	for _, addr := range []string{"127.0.0.1:8080", "localhost:1", "[::1]:8080"} {
		if _, err := NewServer(fixtureStore(t), Options{Addr: addr}); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
	}
	const token = "s3cret-token-for-tests"
	h := testServer(t, Options{Addr: "0.0.0.0:8080", Token: token}).Handler()
	tests := []struct {
		name   string
		target string
		header map[string]string
		status int
	}{
		{"api without token", "/api/stats", nil, 401},
		{"page without token", "/", nil, 401},
		{"asset without token", "/assets/app.js", nil, 401},
		{"wrong token", "/api/stats", map[string]string{"Authorization": "Bearer nope"}, 401},
		{"token in API query is not enough", "/api/stats?token=" + token, nil, 401},
		{"bearer header", "/api/stats", map[string]string{"Authorization": "Bearer " + token}, 200},
		{"token header", "/api/stats", map[string]string{"X-Dossier-Token": token}, 200},
		{"cookie", "/api/stats", map[string]string{"Cookie": TokenCookie + "=" + token}, 200},
		{"first visit sets the cookie", "/?token=" + token, nil, 303},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, "203.0.113.9:8080", tt.target, tt.header)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if tt.status == 303 {
				c := res.Cookies()
				if len(c) != 1 || c[0].Name != TokenCookie || c[0].Value != token || !c[0].HttpOnly {
					t.Errorf("cookies = %v", c)
				}
				if loc := res.Header.Get("Location"); strings.Contains(loc, "token") {
					t.Errorf("redirect keeps the token: %q", loc)
				}
			}
			if tt.status == 401 && strings.HasPrefix(tt.target, "/api/") {
				var e apiError
				if err := json.NewDecoder(res.Body).Decode(&e); err != nil || e.Error == "" {
					t.Errorf("refusal is not a JSON error: %v", err)
				}
			}
		})
	}
}

func TestLoopbackRefusesForeignHost(t *testing.T) {
	h := testServer(t, Options{}).Handler()
	// A page on another site that resolves its name to 127.0.0.1 (DNS rebinding).
	if res := get(t, h, "attacker.example:8080", "/api/stats", nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host: %d", res.StatusCode)
	}
	if res := get(t, h, "[::1]:8080", "/api/stats", nil); res.StatusCode != 200 {
		t.Errorf("[::1] Host: %d", res.StatusCode)
	}
}

// TestVendorAssetsEmbedded: a plain `go build` embeds the graph and map
// libraries; a clean clone must not serve a workbench without them.
func TestVendorAssetsEmbedded(t *testing.T) {
	h := testServer(t, Options{}).Handler()
	for _, name := range []string{"cytoscape.min.js", "topojson-client.min.js", "countries-110m.json"} {
		data, err := assetFS.ReadFile("assets/vendor/" + name)
		if err != nil || len(data) < 1000 {
			t.Errorf("%s not embedded (%d bytes, %v): run make assets and commit web/assets/vendor", name, len(data), err)
			continue
		}
		resp := get(t, h, "127.0.0.1:8080", "/assets/vendor/"+name, nil)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || len(body) != len(data) {
			t.Errorf("GET /assets/vendor/%s: %d, %d bytes", name, resp.StatusCode, len(body))
		}
	}
}

func TestNormDate(t *testing.T) {
	for in, ok := range map[string]bool{
		"": true, "2024": true, "2024-02": true, "2024-02-29": true,
		"2024-99": false, "2023-02-29": false, "2024-13-01": false, "2024-1-1": false, "20x4": false,
	} {
		if _, got := normDate(in); got != ok {
			t.Errorf("normDate(%q) ok = %v, want %v", in, got, ok)
		}
	}
	h := testServer(t, Options{}).Handler()
	resp := get(t, h, "127.0.0.1:8080", "/api/search?q=attack&since=2024-99", nil)
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("since=2024-99: status %d, want 400", resp.StatusCode)
	}
}
