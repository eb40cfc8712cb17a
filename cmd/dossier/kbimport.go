package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
	"github.com/spf13/cobra"
)

func newKBCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kb",
		Short: "Manage your own knowledge-base file (watchlists)",
		Long: `Your knowledge-base file holds the groups, people and places you watch, in
addition to the built-in knowledge base. It is a watchlist CSV at
$DOSSIER_KB, else $XDG_CONFIG_HOME/dossier/watchlist.csv (on Linux
~/.config/dossier/watchlist.csv); see "dossier kb path".`,
	}
	cmd.AddCommand(newKBImportCmd(), newKBPathCmd())
	return cmd
}

func newKBPathCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "path",
		Short: "Print the location of your knowledge-base file",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := kb.UserFile()
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), p)
			return nil
		},
	}
}

func newKBImportCmd() *cobra.Command {
	var (
		into   string
		dryRun bool
	)
	cmd := &cobra.Command{
		Use:   "import [flags] FILE...",
		Short: "Import an analyst's watchlist into your knowledge-base file",
		Long: `import reads watchlists and adds their entries to your knowledge-base file:

  STIX 2.1 bundle (.json)  intrusion-set and threat-actor (groups; a threat
                           actor with resource_level "individual" is a
                           person), identity (individual or organization),
                           location, with their aliases (aliases,
                           x_opencti_aliases, x_dossier_aliases). Other STIX
                           objects (relationships, reports, indicators…) are
                           skipped; a type STIX does not define is an error.
  watchlist CSV (.csv)     columns name,type and optionally aliases (| or ;
                           separated), notes, kind, id, country, lat, lon;
                           type is person, group, terrorist, organization,
                           place, PER, ORG, LOC or a knowledge-base kind.
  knowledge-base format    YAML, CSV or TSV as described in kb/README.md.

An entry naming an entity already known (same id, or its name is a known name
or alias of the same type) adds its new aliases to it; the others are new
entries. Every file is checked whole first: on any error (with its line or
STIX object id) nothing is written. The same files can also be given to
"dossier extract --kb FILE" directly.`,
		Example: `  dossier kb import partners-bundle.json
  dossier kb import watchlist.csv --dry-run
  dossier extract --kb watchlist.csv --entities reports/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if into == "" {
				p, err := kb.UserFile()
				if err != nil {
					return err
				}
				into = p
			}
			rep, entries, err := importWatchlists(ctx, into, args)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%d new entries, %d new aliases for %d known entries, %d entries already known\n",
				len(rep.Added), rep.Aliases, len(rep.Merged), rep.Known)
			if dryRun {
				return nil
			}
			var buf bytes.Buffer
			if err := kb.WriteWatchlistCSV(&buf, entries); err != nil {
				return err
			}
			if err := writeFileAtomically(into, buf.Bytes()); err != nil {
				return err
			}
			fmt.Fprintf(out, "wrote %d entries to %s\n", len(entries), into)
			return nil
		},
	}
	cmd.Flags().StringVar(&into, "into", "", "knowledge-base file to update (default: see dossier kb path)")
	cmd.Flags().BoolVarP(&dryRun, "dry-run", "n", false, "check the files and report what would change, write nothing")
	return cmd
}

// importWatchlists merges the user file and then each watchlist into the
// built-in knowledge base, and returns what the user file must now hold: its
// own entries, the new ones, and the watched entries that extend built-in ones.
func importWatchlists(ctx context.Context, userFile string, files []string) (kb.ImportReport, []*kb.Entry, error) {
	base, err := kb.Load(ctx)
	if err != nil {
		return kb.ImportReport{}, nil, fmt.Errorf("knowledge base: %w", err)
	}
	var keep []*kb.Entry
	if data, err := kb.ReadUserFile(userFile); err == nil {
		entries, err := kb.ParseWatchlist(userFile, data)
		if err != nil {
			return kb.ImportReport{}, nil, fmt.Errorf("your knowledge-base file: %w", err)
		}
		if _, err := base.MergeWatchlist(entries); err != nil {
			return kb.ImportReport{}, nil, fmt.Errorf("your knowledge-base file: %w", err)
		}
		keep = entries
	} else if !errors.Is(err, fs.ErrNotExist) {
		return kb.ImportReport{}, nil, fmt.Errorf("your knowledge-base file: %w", err)
	}
	var total kb.ImportReport
	for _, f := range files {
		data, err := kb.ReadUserFile(f)
		if err != nil {
			return total, nil, fmt.Errorf("kb import: %w", err)
		}
		entries, err := kb.ParseWatchlist(f, data)
		if err != nil {
			return total, nil, err
		}
		rep, err := base.MergeWatchlist(entries)
		if err != nil {
			return total, nil, err
		}
		total.Added = append(total.Added, rep.Added...)
		total.Merged = append(total.Merged, rep.Merged...)
		total.Aliases += rep.Aliases
		total.Known += rep.Known
		keep = append(keep, rep.Added...)
	}
	// Built-in entries that gained aliases are written with their id, so
	// that loading the file merges the aliases into them again.
	for _, e := range total.Merged {
		if !slices.Contains(keep, e) {
			keep = append(keep, e)
		}
	}
	return total, keep, nil
}

// writeFileAtomically replaces path with data through a temporary file.
func writeFileAtomically(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

func newWatchlistCmd() *cobra.Command {
	var (
		sf     storeFlags
		since  string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "watchlist [flags] [FILE...]",
		Short: "List stored documents mentioning a watched entity since a date",
		Long: `watchlist reads the watched entities (your knowledge-base file, see "dossier
kb path", or the watchlist FILEs given) and lists, for each one found in the
store, the documents mentioning it published on or after --since.`,
		Example: `  dossier watchlist --since 2024-06-01
  dossier watchlist partners-bundle.json --since 2024 --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			day, err := normDate(since)
			if err != nil {
				return fmt.Errorf("--since: %w", err)
			}
			if len(args) == 0 {
				p, err := kb.UserFile()
				if err != nil {
					return err
				}
				args = []string{p}
			}
			var watched []*kb.Entry
			for _, f := range args {
				data, err := kb.ReadUserFile(f)
				if err != nil {
					return fmt.Errorf("watchlist: %w (import one with dossier kb import)", err)
				}
				entries, err := kb.ParseWatchlist(f, data)
				if err != nil {
					return err
				}
				watched = append(watched, entries...)
			}
			store, err := sf.open(ctx, true, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer store.Close()
			return runWatchlist(ctx, store, watched, day, asJSON, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "only documents published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines: one object per watched entity found")
	sf.register(cmd.Flags())
	return cmd
}

type watchHit struct {
	Watched string               `json:"watched"`
	Entity  string               `json:"entity"`
	Name    string               `json:"name"`
	Docs    []dossier.DocSummary `json:"documents"`
}

func runWatchlist(ctx context.Context, store dossier.Store, watched []*kb.Entry, since string, asJSON bool, w, errW io.Writer) error {
	out := bufio.NewWriter(w)
	defer out.Flush()
	enc := json.NewEncoder(out)
	seen := map[string]bool{}
	reported := 0
	defer func() {
		if reported == 0 {
			what := "a stored document"
			if since != "" {
				what = "a document published (or, undated, ingested) on or after " + since
			}
			fmt.Fprintf(errW, "none of the %d watched entities is mentioned in %s\n", len(watched), what)
		}
	}()
	for _, e := range watched {
		for _, name := range append([]string{"e:" + e.ID}, e.Names()...) {
			found, err := store.FindEntities(ctx, name, string(e.Type))
			if err != nil {
				return err
			}
			for _, f := range found {
				if seen[f.ID] {
					continue
				}
				seen[f.ID] = true
				hits, err := store.Search(ctx, dossier.SearchQuery{Entity: f.ID, Limit: 1000})
				if err != nil {
					return err
				}
				// A document without a publication date is new when it
				// was ingested on or after --since (labelled so below).
				hits = slices.DeleteFunc(hits, func(h dossier.SearchHit) bool {
					if since == "" {
						return false
					}
					if h.Doc.Published == "" {
						return h.Doc.Retrieved.IsZero() || h.Doc.Retrieved.UTC().Format(time.DateOnly) < since
					}
					return h.Doc.Published < since
				})
				if len(hits) == 0 {
					continue
				}
				reported++
				h := watchHit{Watched: e.Name, Entity: f.ID, Name: f.Name}
				for _, s := range hits {
					h.Docs = append(h.Docs, s.Doc)
				}
				if asJSON {
					if err := enc.Encode(h); err != nil {
						return err
					}
					continue
				}
				fmt.Fprintf(out, "%s (%s): %d document(s)\n", f.Name, f.ID, len(h.Docs))
				for _, d := range h.Docs {
					title := d.Title
					if title == "" {
						title = d.Name
					}
					date := d.Published
					if date == "" {
						date = "undated (ingested " + d.Retrieved.UTC().Format(time.DateOnly) + ")"
					}
					fmt.Fprintf(out, "  %s  %-10s  %s\n", date, d.Lang, truncate(title, 80))
				}
			}
		}
	}
	return nil
}
