package web

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// assetFS holds the pages and, in assets/vendor/, the pinned front-end
// libraries (committed; `make assets` refreshes them from npm).
//
//go:embed assets
var assetFS embed.FS

// DefaultAddr is where the workbench listens unless told otherwise.
const DefaultAddr = "127.0.0.1:8080"

// TokenCookie carries the access token after a first visit with ?token=.
const TokenCookie = "dossier_token"

// ContentSecurityPolicy allows only the server's own scripts, styles, data
// and images: no inline script, no other origin.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Options configures a Server.
type Options struct {
	// Addr is the listening address; "" means DefaultAddr.
	Addr string
	// Token, when set, must accompany every request. It is required when
	// Addr is not a loopback address.
	Token string
	// Logger receives request errors; nil discards them.
	Logger *slog.Logger
}

// Server is the workbench's HTTP server.
type Server struct {
	backend  Backend
	opt      Options
	loopback bool
	log      *slog.Logger
	handler  http.Handler
}

// NewServer checks the options and builds the handler.
func NewServer(b Backend, opt Options) (*Server, error) {
	if opt.Addr == "" {
		opt.Addr = DefaultAddr
	}
	host, _, err := net.SplitHostPort(opt.Addr)
	if err != nil {
		return nil, fmt.Errorf("address %q: %w", opt.Addr, err)
	}
	s := &Server{backend: b, opt: opt, loopback: IsLoopback(host), log: opt.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if !s.loopback && opt.Token == "" {
		return nil, fmt.Errorf("address %q is reachable beyond this machine: give an access token with --token or --token-file", opt.Addr)
	}
	if opt.Token != "" && len(opt.Token) < MinTokenLength {
		return nil, fmt.Errorf("the access token is %d characters long: use at least %d (for example: head -c 24 /dev/urandom | base64)", len(opt.Token), MinTokenLength)
	}
	if s.handler, err = s.routes(); err != nil {
		return nil, err
	}
	return s, nil
}

// MinTokenLength is the shortest access token accepted: a short one is
// guessed by anyone who can reach the port.
const MinTokenLength = 16

// IsLoopback reports whether host (a name or IP, without port) only
// reaches this machine.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Handler is the server's HTTP handler, for tests and embedding.
func (s *Server) Handler() http.Handler { return s.handler }

// URL is the address to open in a browser, with the token for the first visit.
func (s *Server) URL(listener net.Addr) string {
	addr := s.opt.Addr
	if listener != nil {
		addr = listener.String()
	}
	// A wildcard address ("0.0.0.0", "[::]") is where the server listens,
	// not where a browser can go: print this machine's loopback instead.
	if host, port, err := net.SplitHostPort(addr); err == nil {
		if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
			addr = net.JoinHostPort("127.0.0.1", port)
		}
	}
	u := "http://" + addr + "/"
	if s.opt.Token != "" {
		u += "?token=" + url.QueryEscape(s.opt.Token)
	}
	return u
}

// Serve answers on l until ctx is done, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

func (s *Server) routes() (http.Handler, error) {
	mux := http.NewServeMux()
	api := func(pattern string, h func(r *http.Request) (any, error)) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			v, err := h(r)
			if err != nil {
				s.writeError(w, r, err)
				return
			}
			writeJSON(w, http.StatusOK, v)
		})
	}
	api("GET /api/search", s.search)
	api("GET /api/documents/{id}", s.document)
	api("GET /api/entities", s.findEntities)
	api("GET /api/entities/{id...}", s.entity)
	api("GET /api/graph", s.graph)
	api("GET /api/edge", s.edge)
	api("GET /api/timeline", s.timeline)
	api("GET /api/places", s.places)
	api("GET /api/stats", func(r *http.Request) (any, error) { return s.backend.Stats(r.Context()) })
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, apiError{Error: "no such API endpoint: " + r.Method + " " + r.URL.Path})
	})

	assets, err := fs.Sub(assetFS, "assets")
	if err != nil {
		return nil, fmt.Errorf("embedded pages: %w", err)
	}
	files := http.FileServerFS(assets)
	mux.HandleFunc("GET /assets/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		http.StripPrefix("/assets/", files).ServeHTTP(w, r)
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		page, err := fs.ReadFile(assets, "index.html")
		if err != nil {
			http.Error(w, "page missing from the build", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(page)
	})
	return s.secure(mux), nil
}

// apiError is the body of every API error.
type apiError struct {
	Error string `json:"error"`
}

// badRequest is an error in the request's parameters, shown as it is.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var bad badRequest
	switch {
	case errors.As(err, &bad):
		writeJSON(w, http.StatusBadRequest, apiError{Error: bad.msg})
	case errors.Is(err, ErrNotFound):
		writeJSON(w, http.StatusNotFound, apiError{Error: err.Error()})
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		writeJSON(w, http.StatusServiceUnavailable, apiError{Error: "request cancelled"})
	default:
		// The detail goes to the log, not to the client.
		s.log.Error("api request failed", "path", r.URL.Path, "err", err)
		writeJSON(w, http.StatusInternalServerError, apiError{Error: "internal error"})
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}

// secure adds the security headers, checks the token (or, without one, that
// the Host is a loopback name, against DNS rebinding) and turns a panic into
// a JSON error.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic serving request", "path", r.URL.Path, "panic", fmt.Sprint(v))
				writeJSON(w, http.StatusInternalServerError, apiError{Error: "internal error"})
			}
		}()
		api := strings.HasPrefix(r.URL.Path, "/api/")
		refuse := func(status int, msg string) {
			if api {
				writeJSON(w, status, apiError{Error: msg})
			} else {
				http.Error(w, msg, status)
			}
		}
		if s.opt.Token == "" {
			host, _, err := net.SplitHostPort(r.Host)
			if err != nil {
				host = r.Host
			}
			if !IsLoopback(strings.Trim(host, "[]")) {
				refuse(http.StatusForbidden, "this server only answers requests addressed to localhost")
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		if q := r.URL.Query().Get("token"); q != "" && !api && r.Method == http.MethodGet && s.tokenOK(q) {
			// First visit: keep the token in a cookie and drop it from the address bar.
			http.SetCookie(w, &http.Cookie{Name: TokenCookie, Value: q, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			clean := *r.URL
			values := clean.Query()
			values.Del("token")
			clean.RawQuery = values.Encode()
			http.Redirect(w, r, clean.RequestURI(), http.StatusSeeOther)
			return
		}
		if !s.tokenOK(requestToken(r)) {
			refuse(http.StatusUnauthorized, "missing or wrong access token")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) tokenOK(t string) bool {
	return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.opt.Token)) == 1
}

// requestToken is the token of an Authorization: Bearer header, an
// X-Dossier-Token header or the cookie, in that order.
func requestToken(r *http.Request) string {
	if a := r.Header.Get("Authorization"); len(a) > 7 && strings.EqualFold(a[:7], "bearer ") {
		return strings.TrimSpace(a[7:])
	}
	if t := r.Header.Get("X-Dossier-Token"); t != "" {
		return t
	}
	if c, err := r.Cookie(TokenCookie); err == nil {
		return c.Value
	}
	return ""
}

// Parameter parsing.

func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest{fmt.Sprintf("%s must be a whole number from %d to %d", name, lo, hi)}
	}
	return n, nil
}

func dateParam(r *http.Request, name string) (string, error) {
	v, ok := normDate(r.URL.Query().Get(name))
	if !ok {
		return "", badRequest{name + " must be a date: YYYY, YYYY-MM or YYYY-MM-DD"}
	}
	return v, nil
}

// listParam reads a repeatable, comma-separated parameter.
func listParam(r *http.Request, name string) []string {
	var out []string
	for _, v := range r.URL.Query()[name] {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}

func dateRange(r *http.Request) (since, until string, err error) {
	if since, err = dateParam(r, "since"); err != nil {
		return
	}
	until, err = dateParam(r, "until")
	return
}

func (s *Server) search(r *http.Request) (any, error) {
	q := r.URL.Query()
	req := SearchRequest{Text: q.Get("q"), Entity: q.Get("entity"), Type: q.Get("type"), Lang: q.Get("lang"), Outlet: q.Get("outlet")}
	var err error
	if req.Since, req.Until, err = dateRange(r); err != nil {
		return nil, err
	}
	if req.Page, err = intParam(r, "page", 1, 1, 100000); err != nil {
		return nil, err
	}
	if req.Size, err = intParam(r, "size", defaultPageSize, 1, maxPageSize); err != nil {
		return nil, err
	}
	return s.backend.Search(r.Context(), req)
}

func (s *Server) document(r *http.Request) (any, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, badRequest{"document id must be a number"}
	}
	return s.backend.Document(r.Context(), id)
}

func (s *Server) findEntities(r *http.Request) (any, error) {
	limit, err := intParam(r, "limit", defaultPageSize, 1, maxPageSize)
	if err != nil {
		return nil, err
	}
	return s.backend.FindEntities(r.Context(), r.URL.Query().Get("q"), r.URL.Query().Get("type"), limit)
}

func (s *Server) entity(r *http.Request) (any, error) {
	id := r.PathValue("id")
	if id == "" {
		return nil, badRequest{"entity id missing"}
	}
	return s.backend.Entity(r.Context(), id)
}

func (s *Server) graph(r *http.Request) (any, error) {
	q := r.URL.Query()
	req := GraphRequest{Entity: q.Get("entity"), Types: listParam(r, "types"), Predicates: listParam(r, "predicates"),
		Modalities: listParam(r, "modalities"), Cooccurrence: q.Get("cooccurrence") == "1" || q.Get("cooccurrence") == "true"}
	var err error
	if req.Since, req.Until, err = dateRange(r); err != nil {
		return nil, err
	}
	if req.Depth, err = intParam(r, "depth", 1, 1, 2); err != nil {
		return nil, err
	}
	if req.Limit, err = intParam(r, "limit", defaultGraphNodes, 1, maxGraphNodes); err != nil {
		return nil, err
	}
	return s.backend.Graph(r.Context(), req)
}

func (s *Server) edge(r *http.Request) (any, error) {
	q := r.URL.Query()
	req := EdgeRequest{Source: q.Get("source"), Target: q.Get("target"), Predicate: q.Get("predicate"), Modalities: listParam(r, "modalities")}
	if req.Source == "" || req.Target == "" {
		return nil, badRequest{"source and target are required"}
	}
	var err error
	if req.Since, req.Until, err = dateRange(r); err != nil {
		return nil, err
	}
	return s.backend.Edge(r.Context(), req)
}

func (s *Server) timeline(r *http.Request) (any, error) {
	q := r.URL.Query()
	req := TimelineRequest{Entity: q.Get("entity"), Lang: q.Get("lang")}
	var err error
	if req.Since, req.Until, err = dateRange(r); err != nil {
		return nil, err
	}
	return s.backend.Timeline(r.Context(), req)
}

func (s *Server) places(r *http.Request) (any, error) {
	req := PlacesRequest{Entity: r.URL.Query().Get("entity")}
	var err error
	if req.Since, req.Until, err = dateRange(r); err != nil {
		return nil, err
	}
	return s.backend.Places(r.Context(), req)
}
