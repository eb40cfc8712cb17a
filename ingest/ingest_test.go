package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/read"
	"github.com/dossier-project/dossier/sqlite"
)

// Fixtures written for these tests.
const (
	pageHTML = `<!doctype html><html><head><title>Bombing near Kabul airport checkpoint</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Bombing near Kabul airport checkpoint</h1>
<p>A suicide bomber struck a checkpoint near the airport in Kabul on Sunday, killing at least seven people, the interior ministry said.</p>
<p>The Islamic State Khorasan Province claimed the bombing in a statement on its channels. Taliban officials said security around the airport would be tightened.</p>
<p>Residents said the explosion was heard across the western districts of the city in the early morning.</p></article>
<footer>© Example News</footer></body></html>`
	itemHTML = `<!doctype html><html><head><title>Sahel: attack on army post</title></head><body><article><h1>Sahel: attack on army post</h1>
<p>Gunmen attacked an army post in northern Burkina Faso on Friday, killing twelve soldiers, the army said in a statement.</p>
<p>No group claimed the attack, but the area has seen repeated raids by fighters linked to al-Qaeda in recent months.</p></article></body></html>`
	itemText = `Nigeria: students freed after three weeks in captivity

Authorities in Nigeria said on Monday that 27 students abducted from a boarding school in Zamfara state had been released. The governor said no ransom was paid. Police said the kidnappers had held the students in a forest camp near the border with Niger.
`
)

func feedXML(base string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example wire</title><link>` + base + `</link>
<item><title>Sahel: attack on army post</title><link>` + base + `/sahel.html</link></item>
<item><title>Nigeria students freed</title><link>/nigeria.txt</link></item>
<item><title>Gone</title><link>` + base + `/gone.html</link><description>&lt;p&gt;The page of this item is gone, but the feed carries its text: police in Mombasa arrested four men suspected of planning attacks on tourist hotels, officials said on Thursday, after a tip from a neighbouring country.&lt;/p&gt;</description></item>
</channel></rss>`
}

func server(t *testing.T) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	var mu sync.Mutex
	var agents []string
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		switch r.URL.Path {
		case "/page.html", "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, pageHTML)
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, feedXML(srv.URL))
		case "/sahel.html":
			fmt.Fprint(w, itemHTML)
		case "/nigeria.txt":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprint(w, itemText)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/huge":
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, strings.Repeat("word ", 100000))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(func() {
		srv.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, a := range agents {
			if a != ingest.UserAgent {
				t.Errorf("request with User-Agent %q", a)
			}
		}
	})
	return srv
}

var engineOnce = sync.OnceValues(func() (*engine.Engine, error) {
	return engine.New(context.Background(), engine.Config{Workers: 2})
})

func newIngester(t *testing.T, opt ingest.Options) (*ingest.Ingester, *sqlite.DB) {
	t.Helper()
	eng, err := engineOnce()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	in, err := ingest.New(eng, db, opt)
	if err != nil {
		t.Fatal(err)
	}
	return in, db
}

func runAll(t *testing.T, in *ingest.Ingester, args ...string) (ingest.Summary, []ingest.Event) {
	t.Helper()
	var evs []ingest.Event
	sum, err := in.Run(context.Background(), args, func(ev ingest.Event) { evs = append(evs, ev) })
	if err != nil {
		t.Fatal(err)
	}
	return sum, evs
}

func TestURLsFeedsAndBadInputs(t *testing.T) {
	srv := server(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte(itemText), 0o644)
	binary := filepath.Join(dir, "blob.txt")
	os.WriteFile(binary, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}, 0o644)
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL + "/x.html"
	closed.Close()

	in, db := newIngester(t, ingest.Options{MaxBytes: 64 << 10})
	tests := []struct {
		arg    string
		status ingest.Status
		errHas string
	}{
		{srv.URL + "/page.html", ingest.StatusNew, ""},
		{srv.URL + "/sahel.html", ingest.StatusNew, ""},
		{srv.URL + "/nigeria.txt", ingest.StatusNew, ""},
		{srv.URL + "/gone.html", ingest.StatusFailed, "404"},
		{filepath.Join(dir, "missing.txt"), ingest.StatusFailed, "no such file"},
		{binary, ingest.StatusFailed, "binary"},
		{good, ingest.StatusExists, ""}, // same bytes as nigeria.txt
		{closedURL, ingest.StatusFailed, "fetch failed"},
		{srv.URL + "/loop", ingest.StatusFailed, "redirects"},
		{srv.URL + "/huge", ingest.StatusFailed, "too large"},
		{"ftp://example.org/x", ingest.StatusFailed, "no such file"},
	}
	var args []string
	for _, tc := range tests {
		args = append(args, tc.arg)
	}
	sum, evs := runAll(t, in, args...)
	if len(evs) != len(tests) {
		t.Fatalf("%d events for %d inputs", len(evs), len(tests))
	}
	for i, tc := range tests {
		ev := evs[i]
		if ev.Name != tc.arg || ev.Status != tc.status {
			t.Errorf("%s: %s (%v), want %s", tc.arg, ev.Status, ev.Err, tc.status)
			continue
		}
		if tc.errHas != "" {
			msg := ""
			if ev.Err != nil {
				msg = ev.Err.Error()
			}
			if !strings.Contains(msg, tc.errHas) || strings.Contains(msg, "\n") {
				t.Errorf("%s: error %q, want one line containing %q", tc.arg, msg, tc.errHas)
			}
		}
	}
	if sum.New != 3 || sum.Exists != 1 || sum.Failed != 7 {
		t.Errorf("summary %+v", sum)
	}

	// The feed: two items already stored are... new here, since the page
	// URLs differ from the feed's? No: sahel.html and nigeria.txt are
	// stored under the same URLs, so they are skipped; the gone item falls
	// back to the feed's own text.
	sum, evs = runAll(t, in, srv.URL+"/feed")
	if sum.Skipped != 2 || sum.New != 1 || sum.Failed != 0 {
		t.Fatalf("feed summary %+v, events %+v", sum, evs)
	}
	hits, err := db.Search(context.Background(), dossier.SearchQuery{Text: "Mombasa"})
	if err != nil || len(hits) != 1 {
		t.Fatalf("feed fallback item not searchable: %v %v", hits, err)
	}
	docs, _ := db.Docs(context.Background(), dossier.DocsQuery{})
	for _, d := range docs {
		if strings.HasSuffix(d.Name, "/page.html") && (d.Format != read.FormatHTML || d.URL == "") {
			t.Errorf("page stored as %+v", d)
		}
	}
}

func TestFeedOfNewItems(t *testing.T) {
	srv := server(t)
	in, db := newIngester(t, ingest.Options{})
	sum, evs := runAll(t, in, srv.URL+"/feed")
	if sum.New != 3 || sum.Failed != 0 {
		t.Fatalf("summary %+v, events %+v", sum, evs)
	}
	var feed string
	db.SQL().QueryRow(`SELECT feed FROM documents WHERE name LIKE '%sahel.html'`).Scan(&feed)
	if feed != srv.URL+"/feed" {
		t.Errorf("feed recorded %q", feed)
	}
	// Watch mode: a second round fetches the feed again and skips every item.
	in2, err := ingest.New(must(engineOnce()), db, ingest.Options{SkipKnownSources: true})
	if err != nil {
		t.Fatal(err)
	}
	sum, _ = runAll(t, in2, srv.URL+"/feed", srv.URL+"/sahel.html")
	if sum.Skipped != 4 || sum.New != 0 {
		t.Errorf("second round %+v, want 4 skipped", sum)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestSimHashNearDuplicates(t *testing.T) {
	doc := func(text string) *dossier.Document {
		d, err := read.Bytes("x.txt", []byte(text), read.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	base := doc(itemText + "\n" + strings.ReplaceAll(itemText, "Nigeria", "the country"))
	edited := doc(strings.Replace(itemText, "Monday", "Tuesday", 1) + "\n" + strings.ReplaceAll(itemText, "Nigeria", "the country"))
	withFurniture := doc("Subscribe to our newsletter\n\n" + itemText + "\n" + strings.ReplaceAll(itemText, "Nigeria", "the country"))
	other := doc(strings.Repeat("Gunmen attacked an army post in northern Burkina Faso on Friday, killing twelve soldiers. ", 2) +
		"No group claimed the attack, but the area has seen repeated raids by fighters linked to al-Qaeda in recent months.")
	h := ingest.SimHash(base)
	if h == 0 {
		t.Fatal("no fingerprint for a full article")
	}
	for name, d := range map[string]*dossier.Document{"edited": edited, "furniture": withFurniture} {
		if dist := bits.OnesCount64(h ^ ingest.SimHash(d)); dist > dossier.NearDuplicateBits {
			t.Errorf("%s copy is %d bits away, want ≤ %d", name, dist, dossier.NearDuplicateBits)
		}
	}
	if dist := bits.OnesCount64(h ^ ingest.SimHash(other)); dist <= 10 {
		t.Errorf("unrelated article only %d bits away", dist)
	}
	if ingest.SimHash(doc("Too short to fingerprint.")) != 0 {
		t.Error("short text fingerprinted")
	}
}

// FuzzParseFeed checks that hostile feed bytes never panic the feed reader
// and that every item it returns has a link.
func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(feedXML("http://example.org")))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="a.html"/><title>x</title></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"x"}]}`))
	f.Add([]byte("<rss><channel><item><link>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := ingest.ParseFeed("http://example.org/feed", b)
		if err != nil {
			return
		}
		for _, it := range items {
			if it.Link == "" {
				t.Fatalf("item without link: %+v", it)
			}
		}
	})
}

// TestRedirectPolicy: a public page that redirects to a private address is
// refused unless allowed; the local servers stand in for both.
func TestRedirectPolicy(t *testing.T) {
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, itemText)
	}))
	defer inside.Close()
	outside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inside.URL+"/secret.txt", http.StatusFound)
	}))
	defer outside.Close()
	insideHost := strings.TrimPrefix(inside.URL, "http://")
	private := func(_ context.Context, u *url.URL) bool { return u.Host == insideHost }

	in, _ := newIngester(t, ingest.Options{})
	ingest.SetPrivate(in, private)
	sum, evs := runAll(t, in, outside.URL+"/story.html")
	if sum.Failed != 1 || evs[0].Err == nil || !errors.Is(evs[0].Err, ingest.ErrPrivateRedirect) {
		t.Fatalf("redirect to a private address: %+v %v", sum, evs)
	}
	if !strings.Contains(evs[0].Err.Error(), "--allow-private-redirects") {
		t.Errorf("the error does not say how to allow it: %v", evs[0].Err)
	}
	// A private URL given directly is the user's choice.
	if sum, _ := runAll(t, in, inside.URL+"/direct.txt"); sum.New != 1 {
		t.Errorf("direct private URL: %+v", sum)
	}
	allowed, _ := newIngester(t, ingest.Options{AllowPrivateRedirects: true})
	ingest.SetPrivate(allowed, private)
	if sum, _ := runAll(t, allowed, outside.URL+"/story.html"); sum.New != 1 {
		t.Errorf("with AllowPrivateRedirects: %+v", sum)
	}
}

// TestFeedItemCap: a feed gives at most MaxFeedItems items, with a warning.
func TestFeedItemCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`)
	for i := range 30 {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>item-%d</link><description>Guards at the Vessa terminal stopped drone attack number %d on Monday, the port authority said in its statement.</description></item>`, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	path := filepath.Join(t.TempDir(), "big.xml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var warnings []string
	in, _ := newIngester(t, ingest.Options{MaxFeedItems: 10, Warn: func(m string) { warnings = append(warnings, m) }})
	_, evs := runAll(t, in, path)
	if len(evs) != 10 {
		t.Errorf("%d items taken, want 10", len(evs))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "30 items, kept the first 10") {
		t.Errorf("warnings %q", warnings)
	}
}

func TestOutletOf(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.reuters.com/world/x": "reuters.com",
		"http://Lemonde.FR/a":             "lemonde.fr",
		"file:///tmp/a.html":              "",
		"":                                "",
		"not a url":                       "",
	} {
		if got := ingest.OutletOf(in); got != want {
			t.Errorf("OutletOf(%q) = %q, want %q", in, got, want)
		}
	}
}
