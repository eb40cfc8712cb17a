package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/dossier-project/dossier/read"
	"github.com/mmcdole/gofeed"
)

// UserAgent identifies dossier to the sites it fetches.
const UserAgent = "dossier/0.1 (+https://github.com/dossier-project/dossier; news-analysis ingest)"

// Fetch limits.
const (
	FetchTimeout = 30 * time.Second
	MaxRedirects = 5
)

// Fetcher downloads pages and feeds over HTTP(S) with a timeout, a size
// limit, a redirect limit and a clear User-Agent. The zero value is not
// ready: use NewFetcher.
type Fetcher struct {
	client   *http.Client
	maxBytes int64
	// AllowPrivateRedirects lets a public URL redirect to a private,
	// loopback or link-local address (off by default: such a redirect is
	// how a hostile page reaches a local service or a cloud metadata
	// endpoint).
	AllowPrivateRedirects bool
	// private reports whether a URL's host is a private, loopback or
	// link-local address (resolving names); tests replace it.
	private func(ctx context.Context, u *url.URL) bool
}

// NewFetcher returns a fetcher refusing bodies over maxBytes.
func NewFetcher(maxBytes int64) *Fetcher {
	f := &Fetcher{maxBytes: maxBytes, private: isPrivateURL}
	f.client = &http.Client{
		Timeout: FetchTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= MaxRedirects {
				return fmt.Errorf("more than %d redirects", MaxRedirects)
			}
			if !f.AllowPrivateRedirects && f.private(req.Context(), req.URL) && !f.private(req.Context(), via[0].URL) {
				return fmt.Errorf("%w: %s (allow it with --allow-private-redirects)", ErrPrivateRedirect, req.URL.Host)
			}
			return nil
		},
	}
	return f
}

// ErrPrivateRedirect is a redirect from a public address to a private one.
var ErrPrivateRedirect = errors.New("redirect to a private, loopback or link-local address refused")

// isPrivateURL reports whether u's host is, or resolves to, an address that
// only this machine or its local network reaches.
func isPrivateURL(ctx context.Context, u *url.URL) bool {
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ips := []net.IP{net.ParseIP(host)}
	if ips[0] == nil {
		addrs, err := net.DefaultResolver.LookupIPAddr(ctx, host)
		if err != nil {
			return false // unresolvable: the fetch itself will fail
		}
		ips = ips[:0]
		for _, a := range addrs {
			ips = append(ips, a.IP)
		}
	}
	for _, ip := range ips {
		if ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsUnspecified() {
			return true
		}
	}
	return false
}

// fetched is one HTTP response body.
type fetched struct {
	URL         string // final URL after redirects
	ContentType string // media type, lowercased, without parameters
	Body        []byte
}

// IsURL reports whether an argument names a web resource rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// Get fetches rawURL.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*fetched, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: not an http(s) URL", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, application/pdf;q=0.7, */*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%s: fetch failed: %w", rawURL, unwrapURLError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: HTTP %s", rawURL, resp.Status)
	}
	if resp.ContentLength > f.maxBytes {
		return nil, fmt.Errorf("%s: too large: %d bytes exceeds the %d-byte limit (raise it with --max-size)", rawURL, resp.ContentLength, f.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read failed: %w", rawURL, err)
	}
	if int64(len(body)) > f.maxBytes {
		return nil, fmt.Errorf("%s: too large: more than the %d-byte limit (raise it with --max-size)", rawURL, f.maxBytes)
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return &fetched{URL: resp.Request.URL.String(), ContentType: strings.ToLower(ct), Body: body}, nil
}

// unwrapURLError drops the "Get \"URL\":" prefix that repeats the URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// isFeed reports whether a body is an RSS, Atom or RDF feed, from its media
// type or its first bytes.
func isFeed(contentType string, body []byte) bool {
	switch contentType {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return true
	}
	head := body[:min(len(body), 1024)]
	head = bytes.TrimLeft(head, "\ufeff \t\r\n")
	if bytes.HasPrefix(head, []byte("<?xml")) {
		if i := bytes.IndexByte(head, '>'); i >= 0 {
			head = bytes.TrimLeft(head[i+1:], " \t\r\n")
		}
		for bytes.HasPrefix(head, []byte("<!--")) || bytes.HasPrefix(head, []byte("<?")) {
			i := bytes.IndexByte(head, '>')
			if i < 0 {
				break
			}
			head = bytes.TrimLeft(head[i+1:], " \t\r\n")
		}
	}
	for _, p := range []string{"<rss", "<feed", "<rdf:RDF"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

// FeedItem is one entry of a feed: its link, and its content as a fallback
// when the page cannot be fetched.
type FeedItem struct {
	Link    string
	Title   string
	Content string
}

// ParseFeed reads an RSS/Atom/JSON feed. Items without a link are kept when
// they carry content (named feedURL#N).
func ParseFeed(feedURL string, body []byte) ([]FeedItem, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable feed: %w", feedURL, err)
	}
	base, _ := url.Parse(feedURL)
	var out []FeedItem
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		content := it.Content
		if content == "" {
			content = it.Description
		}
		link := strings.TrimSpace(it.Link)
		if link != "" && base != nil {
			if u, err := base.Parse(link); err == nil {
				link = u.String()
			}
		}
		if link == "" && content == "" {
			continue
		}
		if link == "" {
			link = fmt.Sprintf("%s#%d", feedURL, i+1)
		}
		out = append(out, FeedItem{Link: link, Title: it.Title, Content: content})
	}
	return out, nil
}

// ErrNoTextLayer is returned for a PDF whose pages hold no text (a scan).
var ErrNoTextLayer = read.ErrNoTextLayer

// PDFText extracts the text of a PDF with poppler-utils' pdftotext (see read.PDFText).
func PDFText(ctx context.Context, name string, pdf []byte) (string, error) {
	return read.PDFText(ctx, name, pdf)
}
