package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
)

// statsCheckMaxBytes: stats checks stores up to this size whole without
// being asked (about a second).
const statsCheckMaxBytes = 128 << 20

func newStatsCmd() *cobra.Command {
	var (
		sf     storeFlags
		asJSON bool
		check  bool
	)
	cmd := &cobra.Command{
		Use:   "stats [flags]",
		Short: "Count what the corpus database holds",
		Long: `stats counts what the corpus database holds: documents by language, entities by
type, mentions, quotes, claims, figures, dates, the publication range and the
database's size against the originals'.

It also checks the file for damage (SQLite's quick check, which reads every
page) when the database is up to 128 MiB; above that the check takes seconds
per gigabyte and runs only with --check.`,
		Example: `  dossier stats
  dossier stats --db team.db --check
  dossier stats --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := sf.open(ctx, true, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer store.Close()
			// The whole-file check reads every page (8 s for a 780 MB store):
			// automatic for stores up to statsCheckMaxBytes, on request above.
			integrity := "not checked (a large store: --check reads it whole)"
			if fi, err := os.Stat(store.Path()); check || (err == nil && fi.Size() <= statsCheckMaxBytes) {
				if err := store.QuickCheck(ctx); err != nil {
					return err
				}
				integrity = "ok"
			}
			st, err := store.Stats(ctx)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			tw := newTable(out)
			fmt.Fprintf(tw, "database\t%s\n", store.Path())
			fmt.Fprintf(tw, "documents\t%d (+%d near duplicates)\n", st.Documents, st.NearDuplicates)
			fmt.Fprintf(tw, "languages\t%s\n", countsLine(st.Languages))
			fmt.Fprintf(tw, "published\t%s … %s\n", orDash(st.FirstPublished), orDash(st.LastPublished))
			fmt.Fprintf(tw, "outlets\t%d\n", st.Outlets)
			fmt.Fprintf(tw, "entities\t%s\n", countsLine(st.Entities))
			fmt.Fprintf(tw, "mentions\t%d\n", st.Mentions)
			fmt.Fprintf(tw, "quotes\t%d\n", st.Quotes)
			fmt.Fprintf(tw, "claims\t%d\n", st.Claims)
			fmt.Fprintf(tw, "figures\t%d\n", st.Figures)
			fmt.Fprintf(tw, "dates\t%d\n", st.Timexes)
			ratio := 0.0
			if st.RawBytes > 0 {
				ratio = float64(st.DatabaseBytes) / float64(st.RawBytes)
			}
			fmt.Fprintf(tw, "size\t%s database for %s of originals (%.1f×)\n", humanBytes(st.DatabaseBytes), humanBytes(st.RawBytes), ratio)
			fmt.Fprintf(tw, "schema\tversion %d\n", st.SchemaVersion)
			fmt.Fprintf(tw, "integrity\t%s\n", integrity)
			return tw.Flush()
		},
	}
	sf.register(cmd.Flags())
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the counts as JSON")
	cmd.Flags().BoolVar(&check, "check", false, "check the whole database file for damage even when it is large (reads every page)")
	return cmd
}

// countsLine renders {"en": 12, "fr": 3} as "12 en, 3 fr", largest first.
func countsLine(m map[string]int) string {
	if len(m) == 0 {
		return "-"
	}
	keys := make([]string, 0, len(m))
	total := 0
	for k, n := range m {
		keys = append(keys, k)
		total += n
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", m[k], k)
	}
	return fmt.Sprintf("%d: %s", total, strings.Join(parts, ", "))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
