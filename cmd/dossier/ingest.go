package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/read"
	"github.com/dossier-project/dossier/sqlite"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// storeFlags are the flags of every command that uses the store.
type storeFlags struct {
	db string
}

func (f *storeFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.db, "db", "", "database file (default $DOSSIER_DB, else $XDG_DATA_HOME/dossier/dossier.db, else ~/.local/share/dossier/dossier.db)")
}

func (f *storeFlags) open(ctx context.Context, readOnly bool, stderr io.Writer) (*sqlite.DB, error) {
	path := f.db
	if path == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	db, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: readOnly})
	if err != nil {
		return nil, err
	}
	// A reading command checks a small database whole before answering, so
	// that a damaged file is reported rather than half-read; large ones are
	// left to `dossier stats` (whole up to 128 MB, or with --check).
	if fi, err := os.Stat(path); err == nil && readOnly && fi.Size() <= quickCheckMaxBytes {
		if err := db.QuickCheck(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	if db.Immutable() {
		fmt.Fprintf(stderr, "dossier: note: %s is on storage this user cannot write; reading it as a read-only snapshot\n", path)
	}
	return db, nil
}

// quickCheckMaxBytes: reading commands check databases up to this size
// before answering (a few milliseconds).
const quickCheckMaxBytes = 32 << 20

// fetchFlags configure fetching for ingest and watch.
type fetchFlags struct {
	maxFeedItems int
	allowPrivate bool
}

func (f *fetchFlags) register(fs *pflag.FlagSet) {
	fs.IntVar(&f.maxFeedItems, "max-feed-items", ingest.DefaultMaxFeedItems, "most items taken from one feed")
	fs.BoolVar(&f.allowPrivate, "allow-private-redirects", false, "let a public URL redirect to a private, loopback or link-local address")
}

func (f *fetchFlags) options(o ingest.Options, stderr io.Writer) ingest.Options {
	o.MaxFeedItems, o.AllowPrivateRedirects = f.maxFeedItems, f.allowPrivate
	o.Warn = func(msg string) { fmt.Fprintf(stderr, "dossier: warning: %s\n", msg) }
	return o
}

// engineFlags configure extraction for ingest, reindex and watch.
type engineFlags struct {
	langs   []string
	kbFiles []string
	maxSize string
	workers int
}

func (f *engineFlags) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&f.kbFiles, "kb", nil, "extra knowledge-base file (YAML, CSV or TSV; see kb/README.md); repeatable")
	fs.StringSliceVar(&f.langs, "langs", nil, "languages to consider when identifying the language (ISO 639-1, comma-separated)")
	fs.StringVar(&f.maxSize, "max-size", fmt.Sprintf("%dMiB", read.DefaultMaxBytes>>20), "largest input accepted, e.g. 500KB, 16MiB")
	fs.IntVarP(&f.workers, "workers", "j", 0, "documents extracted in parallel (default: number of CPUs)")
}

func (f *engineFlags) engine(ctx context.Context) (*engine.Engine, int64, error) {
	limit, err := parseSize(f.maxSize)
	if err != nil {
		return nil, 0, fmt.Errorf("--max-size: %w", err)
	}
	eng, err := engine.New(ctx, engine.Config{Languages: f.langs, MaxBytes: limit, Workers: f.workers, KBFiles: f.kbFiles, UserKB: true})
	return eng, limit, err
}

func newIngestCmd() *cobra.Command {
	var (
		sf     storeFlags
		ef     engineFlags
		ff     fetchFlags
		asJSON bool
		quiet  bool
	)
	cmd := &cobra.Command{
		Use:   "ingest [flags] PATH|URL|FEED ...",
		Short: "Extract articles and keep them in the corpus database",
		Long: `ingest reads articles and stores each one, with everything extracted from it,
in the corpus database: files and directories (.txt, .html, .pdf with
pdftotext), web pages by URL, and RSS/Atom feeds (by URL, or local .xml, .rss
and .atom files), whose items are fetched.

Documents are committed in batches of up to 64, each whole or not at all,
and reported as new only once their batch is committed: an interrupted ingest
(Ctrl-C, a crash) keeps what was committed; run the same command again to
finish. A feed gives at most --max-feed-items items, and a public page may not
redirect to a private or loopback address unless --allow-private-redirects.
Re-ingesting the same bytes is a no-op ("exists"); a syndicated or lightly
edited copy of a stored article is stored, linked to it as a near duplicate and
not counted twice. Entities resolve against those already in the database.

One line per input goes to stdout (--json: one JSON object per input); a bad
input gets one line on stderr and the rest go on; the exit code is then 1. A
progress bar with rate and ETA is drawn on stderr when it is a terminal.`,
		Example: `  dossier ingest demo/corpus
  dossier ingest --db case.db reports/ https://example.org/story.html
  dossier ingest https://example.org/feeds/world.xml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := sf.open(ctx, false, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer store.Close()
			eng, limit, err := ef.engine(ctx)
			if err != nil {
				return err
			}
			in, err := ingest.New(eng, store, ff.options(ingest.Options{Workers: ef.workers, MaxBytes: limit}, cmd.ErrOrStderr()))
			if err != nil {
				return err
			}
			return runIngest(ctx, in, args, cmd.OutOrStdout(), cmd.ErrOrStderr(), asJSON, quiet)
		},
	}
	sf.register(cmd.Flags())
	ef.register(cmd.Flags())
	ff.register(cmd.Flags())
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per input")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only failures and the summary")
	return cmd
}

// ingestLine is the --json form of one input's outcome.
type ingestLine struct {
	Input    string   `json:"input"`
	Status   string   `json:"status"`
	ID       int64    `json:"id,omitempty"`
	Original int64    `json:"original,omitempty"`
	Distance int      `json:"distance,omitempty"`
	Error    string   `json:"error,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// runIngest runs one ingest and reports it; shared by ingest and watch.
func runIngest(ctx context.Context, in *ingest.Ingester, args []string, stdout, stderr io.Writer, asJSON, quiet bool) error {
	bar := newProgress(stderr)
	start := time.Now()
	enc := json.NewEncoder(stdout)
	sum, err := in.Run(ctx, args, func(ev ingest.Event) {
		bar.clear()
		if ev.Err != nil {
			fmt.Fprintf(stderr, "dossier: %s\n", oneLine(ev.Err.Error()))
		}
		for _, w := range ev.Warnings {
			fmt.Fprintf(stderr, "dossier: %s: warning: %s\n", ev.Name, w)
		}
		switch {
		case asJSON:
			line := ingestLine{Input: ev.Name, Status: string(ev.Status), ID: ev.ID, Distance: ev.Distance, Warnings: ev.Warnings}
			if ev.Status == ingest.StatusExists || ev.Status == ingest.StatusNearDuplicate {
				line.Original = ev.Original
			}
			if ev.Err != nil {
				line.Error = oneLine(ev.Err.Error())
			}
			enc.Encode(line)
		case quiet || ev.Err != nil:
		case ev.Status == ingest.StatusNew:
			fmt.Fprintf(stdout, "new             #%d  %s\n", ev.ID, ev.Name)
		case ev.Status == ingest.StatusExists:
			fmt.Fprintf(stdout, "exists          #%d  %s (same bytes already stored: nothing to do)\n", ev.ID, ev.Name)
		case ev.Status == ingest.StatusNearDuplicate:
			fmt.Fprintf(stdout, "near-duplicate  #%d  %s (copy of #%d, %d bits apart)\n", ev.ID, ev.Name, ev.Original, ev.Distance)
		case ev.Status == ingest.StatusSkipped:
			fmt.Fprintf(stdout, "skipped             %s (already stored)\n", ev.Name)
		}
		bar.update(ev.Done, ev.Total)
	})
	bar.clear()
	elapsed := time.Since(start)
	rate := ""
	if n := sum.New + sum.NearDuplicates; n > 0 && elapsed > 0 {
		rate = fmt.Sprintf(" (%.1f docs/s)", float64(n)/elapsed.Seconds())
	}
	fmt.Fprintf(stderr, "dossier: %d new, %d near-duplicate, %d already stored, %d skipped, %d failed in %s%s\n",
		sum.New, sum.NearDuplicates, sum.Exists, sum.Skipped, sum.Failed, elapsed.Round(time.Millisecond), rate)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("interrupted: what was stored is kept; run the same command again to finish")
		}
		return err
	}
	if sum.Failed > 0 {
		return errInputsFailed
	}
	return nil
}

// progress draws "[=====>    ] 120/400  35.2 docs/s  ETA 8s" on a terminal
// and nothing elsewhere.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	start time.Time
	last  time.Time
	drawn bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		p.on = isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	}
	return p
}

func (p *progress) update(done, total int) {
	if !p.on || total <= 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if done < total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	const width = 30
	filled := width * done / total
	bar := strings.Repeat("=", filled)
	if filled < width {
		bar += ">" + strings.Repeat(" ", width-filled-1)
	}
	elapsed := now.Sub(p.start).Seconds()
	rate, eta := 0.0, "?"
	if elapsed > 0 && done > 0 {
		rate = float64(done) / elapsed
		eta = time.Duration(float64(total-done) / rate * float64(time.Second)).Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r\x1b[K[%s] %d/%d  %.1f docs/s  ETA %s", bar, done, total, rate, eta)
	p.drawn = true
}

// clear erases the bar so that a message can be printed.
func (p *progress) clear() {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}
