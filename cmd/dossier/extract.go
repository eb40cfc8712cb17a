package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/contract"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/read"
	"github.com/spf13/cobra"
)

func newExtractCmd() *cobra.Command {
	var (
		asJSON   bool
		withText bool
		tables   tableFlags
		langs    []string
		kbFiles  []string
		maxSize  string
		workers  int
		// noRepeated turns off learning furniture lines repeated across inputs.
		noRepeated bool
	)
	cmd := &cobra.Command{
		Use:   "extract [flags] FILE|DIR|- ...",
		Short: "Extract annotations from articles, without storing anything",
		Long: `extract reads articles and prints what it finds in each: language, title,
publication date, boilerplate (page furniture), dates in the text, figures
(people, money, casualties), named people, organisations and places (linked to
the knowledge base and resolved across all the inputs, so one entity has one id
whatever its spelling or language), direct quotes with their speakers, and
claims linking entities.

Inputs are plain-text files (UTF-8; Windows-1252 is detected and decoded with a
warning), HTML pages (the main content is found and the rest marked as
boilerplate), directories (walked recursively) and "-" for standard input.

With --json it prints the extraction contract: one JSON object per input, in
input order, with byte offsets into the input text (see docs/CONTRACT.md).

A bad input (binary, empty, too large, unreadable) gets one line on stderr and
the others are still processed; the exit code is then 1.`,
		Example: `  dossier extract demo/corpus
  dossier extract --entities --explain demo/corpus/01-en-kabul-airport-iskp.txt
  dossier extract --quotes demo/corpus
  dossier extract --json ../articles/*.txt > pred.jsonl
  dossier extract --kb watchlist.yaml --entities reports/
  dossier extract --json --langs en,fr,de --max-size 50MiB big-report.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			limit, err := parseSize(maxSize)
			if err != nil {
				return fmt.Errorf("--max-size: %w", err)
			}
			if n := countTrue(asJSON, tables.entities, tables.quotes, tables.claims); n > 1 {
				return fmt.Errorf("choose one of --json, --entities, --quotes, --claims")
			}
			if withText && !asJSON {
				return fmt.Errorf("--text adds the document text to --json output; give --json too")
			}
			ctx := cmd.Context()
			eng, err := engine.New(ctx, engine.Config{Languages: langs, MaxBytes: limit, Workers: workers, KBFiles: kbFiles, UserKB: true})
			if err != nil {
				return err
			}
			if !noRepeated {
				if eng, err = eng.LearnRepeatedLines(ctx, args); err != nil {
					return err
				}
			}
			stderr := cmd.ErrOrStderr()

			// Every document is extracted first (in parallel), then entities
			// are resolved across all of them, then the results are printed in
			// input order.
			var docs []*dossier.Document
			failed := 0
			err = eng.Run(ctx, args, cmd.InOrStdin(), func(r engine.Result) error {
				if r.Err != nil {
					failed++
					fmt.Fprintf(stderr, "dossier: %v\n", r.Err)
					return nil
				}
				for _, w := range r.Doc.Warnings {
					fmt.Fprintf(stderr, "dossier: %s: warning: %s\n", r.Name, w)
				}
				docs = append(docs, r.Doc)
				return nil
			})
			if err != nil {
				return err
			}
			if err := eng.Resolve(ctx, docs); err != nil {
				return err
			}

			out := bufio.NewWriter(cmd.OutOrStdout())
			switch {
			case asJSON:
				enc := contract.NewEncoder(out)
				for _, d := range docs {
					out := contract.FromDocument(d)
					if withText {
						out.Text = &d.Text
					}
					if err := enc.Encode(out); err != nil {
						return err
					}
				}
			case tables.entities:
				printEntities(out, docs, tables.explain)
			case tables.quotes:
				printQuotes(out, docs)
			case tables.claims:
				printClaims(out, docs)
			default:
				table := newSummaryTable(out)
				for _, d := range docs {
					table.add(d)
				}
				table.flush()
			}
			if err := out.Flush(); err != nil {
				return err
			}
			if failed > 0 {
				fmt.Fprintf(stderr, "dossier: %d input(s) failed\n", failed)
				return errInputsFailed
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print the extraction contract as JSON Lines")
	f.BoolVar(&withText, "text", false, "with --json: include the document text the offsets index (the rendered text of HTML and PDF inputs)")
	f.BoolVar(&tables.entities, "entities", false, "print a table of entities: id, type, name, mentions and aliases")
	f.BoolVar(&tables.explain, "explain", false, "with --entities: say why each alias was linked (which rule, which KB alias)")
	f.BoolVar(&tables.quotes, "quotes", false, "print a table of direct quotes and their speakers")
	f.BoolVar(&tables.claims, "claims", false, "print a table of claims: subject, predicate, object, modality, evidence")
	f.StringArrayVar(&kbFiles, "kb", nil, "extra knowledge-base file (YAML, CSV or TSV; see kb/README.md); repeatable")
	f.StringSliceVar(&langs, "langs", nil, "languages to consider when identifying the language (ISO 639-1, comma-separated; default en,fr,de,es,it,pt,nl,ar,ru,tr,fa,ur)")
	f.StringVar(&maxSize, "max-size", fmt.Sprintf("%dMiB", read.DefaultMaxBytes>>20), "largest input accepted, e.g. 500KB, 16MiB, 1GB")
	f.BoolVar(&noRepeated, "no-repeated", false, "do not treat lines repeated verbatim across 3+ inputs (site footers, newsletter boxes) as boilerplate")
	f.IntVarP(&workers, "workers", "j", 0, "documents processed in parallel (default: number of CPUs)")
	return cmd
}

type tableFlags struct {
	entities, explain, quotes, claims bool
}

func countTrue(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// parseSize reads sizes like "16MiB", "500KB", "1048576".
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if len(s) > len(u.suffix) && strings.EqualFold(s[len(s)-len(u.suffix):], u.suffix) {
			mult, s = u.mult, strings.TrimSpace(s[:len(s)-len(u.suffix)])
			break
		}
	}
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("invalid size %q (examples: 500KB, 16MiB, 1GB)", s)
	}
	return n * mult, nil
}

// summaryTable prints one human-readable row per document.
type summaryTable struct {
	tw *tabwriter.Writer
}

func newSummaryTable(w io.Writer) *summaryTable {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DOCUMENT\tLANG\tPUBLISHED\tBOILERPLATE\tDATES\tFIGURES\tTITLE")
	return &summaryTable{tw: tw}
}

func (t *summaryTable) add(doc *dossier.Document) {
	published := "-"
	if !doc.Meta.Published.IsZero() {
		published = doc.Meta.Published.Format("2006-01-02")
	}
	lang := doc.Lang
	if lang == "" {
		lang = "?"
	}
	bp := 0
	for _, s := range doc.Boilerplate {
		bp += s.Len()
	}
	pct := 0
	if len(doc.Text) > 0 {
		pct = 100 * bp / len(doc.Text)
	}
	fmt.Fprintf(t.tw, "%s\t%s\t%s\t%d%%\t%d\t%s\t%s\n", doc.Name, lang, published, pct,
		len(doc.Timexes), figureSummary(doc), truncate(doc.Meta.Title, 60))
}

func (t *summaryTable) flush() { t.tw.Flush() }

func figureSummary(doc *dossier.Document) string {
	if len(doc.Figures) == 0 {
		return "-"
	}
	parts := make([]string, 0, 3)
	for i, f := range doc.Figures {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("+%d", len(doc.Figures)-3))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s", doc.Slice(f.Span), f.Unit))
	}
	return strings.Join(parts, "; ")
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
