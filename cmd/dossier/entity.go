package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/spf13/cobra"
)

func newEntityCmd() *cobra.Command {
	var (
		sf     storeFlags
		typ    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "entity [flags] NAME",
		Short: "Everything the corpus says about a person, organisation or place",
		Long: `entity finds an entity by name, alias or id (accents, case and common
transliterations do not matter: "Daech", "Daesh" and "ISIS" find the same
group) and prints its page: canonical name, type, knowledge-base id, aliases
and why each was linked, the documents mentioning it, relations with their
evidence sentence, attribution and modality, quotes by and about it, figures
stated next to it, and when it was first and last seen.

When several entities match, the most mentioned is shown and the others are
listed; --type PER|ORG|LOC narrows the choice.`,
		Example: `  dossier entity "Wilayat Khorasan"
  dossier entity Hecker --type PER --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := sf.open(ctx, true, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer store.Close()
			name := strings.Join(args, " ")
			found, err := store.FindEntities(ctx, name, typ)
			if err != nil {
				return err
			}
			if len(found) == 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "dossier: no entity matches %q\n", name)
				return errInputsFailed
			}
			page, err := store.EntityPage(ctx, found[0].ID)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			if asJSON {
				type withOthers struct {
					*dossier.EntityPage
					Others []dossier.EntitySummary `json:"other_matches,omitempty"`
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(withOthers{page, found[1:]})
			}
			printEntityPage(out, page, found[1:])
			return nil
		},
	}
	sf.register(cmd.Flags())
	cmd.Flags().StringVar(&typ, "type", "", "only entities of this type: PER, ORG or LOC")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entity page as JSON")
	return cmd
}

func printEntityPage(out *bufio.Writer, p *dossier.EntityPage, others []dossier.EntitySummary) {
	fmt.Fprintf(out, "%s  (%s, %s)\n", p.Name, p.Type, p.ID)
	if p.KB != "" {
		fmt.Fprintf(out, "knowledge base: %s\n", p.KB)
	}
	seen := ""
	if p.SeenIngested {
		seen = " (ingestion dates: no dated document)"
	}
	fmt.Fprintf(out, "%d mentions in %d documents; first seen %s, last seen %s%s\n", p.Mentions, p.Documents, orDash(p.FirstSeen), orDash(p.LastSeen), seen)

	section := func(title string, n int) bool {
		if n == 0 {
			return false
		}
		fmt.Fprintf(out, "\n%s (%d)\n", title, n)
		return true
	}
	if section("Aliases", len(p.Aliases)) {
		tw := newTable(out)
		fmt.Fprintln(tw, "  NAME\tWHY\tDOCS")
		for _, a := range p.Aliases {
			fmt.Fprintf(tw, "  %s\t%s\t%d\n", oneLine(a.Name), a.Reason, a.Documents)
		}
		tw.Flush()
	}
	if section("Relations", len(p.Relations)) {
		// One heading per link (subject, predicate, object), its evidence below:
		// the same link is usually reported by several articles.
		type link struct{ subject, predicate, object string }
		var order []link
		groups := map[link][]dossier.RelationRecord{}
		for _, r := range p.Relations {
			k := link{r.Subject.ID, r.Predicate, r.Object.ID}
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], r)
		}
		for _, k := range order {
			rs := groups[k]
			docs := map[int64]bool{}
			for _, r := range rs {
				docs[r.Evidence.Doc] = true
			}
			fmt.Fprintf(out, "  %s —%s→ %s  (%s)\n", rs[0].Subject.Name, k.predicate, rs[0].Object.Name, plural(len(docs), "document"))
			for _, r := range rs {
				by := "the article"
				if r.Attribution != nil {
					by = oneLine(r.Attribution.Name)
					if by == "" {
						by = r.Attribution.Descriptor
					}
				}
				fmt.Fprintf(out, "      #%d %s  [%s, according to %s, confidence %.2f]\n", r.Evidence.Doc, orDash(r.Published), r.Modality, by, r.Confidence)
				fmt.Fprintf(out, "          %s\n", truncate(oneLine(r.Evidence.Text), 150))
			}
		}
	}
	quotes := func(title string, qs []dossier.QuoteRecord) {
		if !section(title, len(qs)) {
			return
		}
		for _, q := range qs {
			who := "(no speaker)"
			if q.Speaker != nil {
				who = oneLine(q.Speaker.Name)
			}
			fmt.Fprintf(out, "  “%s” — %s  (#%d %s)\n", truncate(oneLine(q.Quote.Text), 140), who, q.Quote.Doc, orDash(q.Published))
		}
	}
	quotes("Quotes by", p.QuotesBy)
	quotes("Quotes about", p.QuotesAbout)
	if section("Figures", len(p.Figures)) {
		for _, f := range p.Figures {
			fmt.Fprintf(out, "  %s %s (%s)  #%d: %s\n", oneLine(f.Text), f.Unit, f.Qualifier, f.Sentence.Doc, truncate(oneLine(f.Sentence.Text), 120))
		}
	}
	if section("Documents", len(p.Docs)) {
		tw := newTable(out)
		for _, d := range p.Docs {
			title := d.Title
			if title == "" {
				title = d.Name
			}
			fmt.Fprintf(tw, "  #%d\t%s\t%s\t%s\n", d.ID, orDash(d.Published), orDash(d.Lang), truncate(oneLine(title), 70))
		}
		tw.Flush()
	}
	if section("Other entities matching this name", len(others)) {
		for _, o := range others {
			fmt.Fprintf(out, "  %s  %s (%s), %d mentions\n", o.ID, o.Name, o.Type, o.Mentions)
		}
	}
}

// plural writes "1 document", "3 documents".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
