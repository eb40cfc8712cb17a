package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
)

func newSearchCmd() *cobra.Command {
	var (
		sf      storeFlags
		q       dossier.SearchQuery
		entity  string
		typ     string
		asJSON  bool
		showAll bool
	)
	cmd := &cobra.Command{
		Use:   "search [flags] QUERY",
		Short: "Full-text search of the corpus, with highlighted snippets",
		Long: `search finds stored documents by their words, best matches first (bm25, title
words weigh more), and prints each with a snippet where the matches are
highlighted (bold on a terminal, [brackets] otherwise and in --json).

Query syntax: words must all occur (accents and case do not matter; English
inflections and most French plurals match: "attack" finds "attacked");
"a phrase" in double quotes; prefix* matches word starts; -word excludes;
OR between two words accepts either.

--entity restricts to documents mentioning an entity (a name, alias or id, as
for "dossier entity"); --type PER|ORG|LOC picks among entities of that name.
--since and --until bound the publication date (YYYY, YYYY-MM or YYYY-MM-DD).
Near duplicates are left out unless --all. QUERY may be empty ("") with --entity.`,
		Example: `  dossier search ISKP Tajik
  dossier search '"Islamic State" Khorasan -Syria' --lang en --since 2023
  dossier search attentat --entity DGSI --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			q.Text = strings.Join(args, " ")
			var err error
			if q.Since, err = normDate(q.Since); err != nil {
				return fmt.Errorf("--since: %w", err)
			}
			if q.Until, err = normDate(q.Until); err != nil {
				return fmt.Errorf("--until: %w", err)
			}
			if typ != "" && entity == "" {
				return fmt.Errorf("--type needs --entity")
			}
			q.IncludeDuplicates = showAll
			store, err := sf.open(ctx, true, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer store.Close()
			if entity != "" {
				found, err := store.FindEntities(ctx, entity, typ)
				if err != nil {
					return err
				}
				if len(found) == 0 {
					fmt.Fprintf(cmd.ErrOrStderr(), "dossier: no entity matches %q\n", entity)
					return errInputsFailed
				}
				q.Entity = found[0].ID
			}
			hits, err := store.Search(ctx, q)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			if asJSON {
				enc := json.NewEncoder(out)
				for _, h := range hits {
					h.Snippet = markSnippet(h.Snippet, "[", "]")
					if err := enc.Encode(h); err != nil {
						return err
					}
				}
				return nil
			}
			open, closeMark := "[", "]"
			if isTerminal(cmd.OutOrStdout()) {
				open, closeMark = "\x1b[1m", "\x1b[0m"
			}
			if len(hits) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "dossier: no document matches")
				return nil
			}
			for _, h := range hits {
				d := h.Doc
				title := d.Title
				if title == "" {
					title = d.Name
				}
				fmt.Fprintf(out, "#%d  %s  %s  %s  %s\n", d.ID, orDash(d.Published), orDash(d.Lang), orDash(d.Outlet), truncate(oneLine(title), 80))
				if h.Snippet != "" {
					fmt.Fprintf(out, "    %s\n", markSnippet(h.Snippet, open, closeMark))
				}
				fmt.Fprintf(out, "    %s\n\n", d.Name)
			}
			return nil
		},
	}
	sf.register(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&entity, "entity", "", "only documents mentioning this entity (name, alias or id)")
	f.StringVar(&typ, "type", "", "with --entity: the entity's type, PER, ORG or LOC")
	f.StringVar(&q.Lang, "lang", "", "only documents in this language (ISO 639-1)")
	f.StringVar(&q.Outlet, "outlet", "", "only documents from this outlet")
	f.StringVar(&q.Since, "since", "", "published on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&q.Until, "until", "", "published on or before (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.IntVarP(&q.Limit, "limit", "n", 20, "most results to print")
	f.BoolVar(&showAll, "all", false, "include near duplicates")
	f.BoolVar(&asJSON, "json", false, "print one JSON object per result")
	return cmd
}

// markSnippet replaces the store's match delimiters.
func markSnippet(s, open, closeMark string) string {
	return strings.NewReplacer(dossier.SnippetStart, open, dossier.SnippetEnd, closeMark).Replace(s)
}

// normDate checks a YYYY, YYYY-MM or YYYY-MM-DD date. A lower bound is
// returned as is (it compares as the start of the period); an upper bound is
// kept as its prefix, which the store compares by prefix.
func normDate(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if _, err := time.Parse(layout, s); err == nil {
			return s, nil
		}
	}
	return "", fmt.Errorf("invalid date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

// newTable is a tab-aligned table writer.
func newTable(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0) }
