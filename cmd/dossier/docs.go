package main

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/dossier-project/dossier"
	"github.com/spf13/cobra"
)

func newDocsCmd() *cobra.Command {
	var (
		sf     storeFlags
		q      dossier.DocsQuery
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "docs [flags]",
		Short: "List the documents in the corpus, newest ingested first",
		Long: `docs lists stored documents: id, publication date, language, outlet, number
of entities, the original a near duplicate copies, and title (or source).`,
		Example: `  dossier docs
  dossier docs --lang fr --limit 100 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := sf.open(ctx, true, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer store.Close()
			docs, err := store.Docs(ctx, q)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			if asJSON {
				enc := json.NewEncoder(out)
				for _, d := range docs {
					if err := enc.Encode(d); err != nil {
						return err
					}
				}
				return nil
			}
			tw := newTable(out)
			fmt.Fprintln(tw, "ID\tPUBLISHED\tLANG\tOUTLET\tENTITIES\tCOPY OF\tTITLE / SOURCE")
			for _, d := range docs {
				dup := "-"
				if d.DuplicateOf != 0 {
					dup = fmt.Sprintf("#%d", d.DuplicateOf)
				}
				title := d.Title
				if title == "" {
					title = d.Name
				}
				fmt.Fprintf(tw, "#%d\t%s\t%s\t%s\t%d\t%s\t%s\n", d.ID, orDash(d.Published), orDash(d.Lang), truncate(orDash(d.Outlet), 24), d.Entities, dup, truncate(oneLine(title), 70))
			}
			return tw.Flush()
		},
	}
	sf.register(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&q.Lang, "lang", "", "only documents in this language")
	f.StringVar(&q.Outlet, "outlet", "", "only documents from this outlet")
	f.IntVarP(&q.Limit, "limit", "n", 50, "most documents to list")
	f.IntVar(&q.Offset, "offset", 0, "documents to skip (paging)")
	f.BoolVar(&asJSON, "json", false, "print one JSON object per document")
	return cmd
}
