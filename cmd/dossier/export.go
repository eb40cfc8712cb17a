package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/export"
	"github.com/dossier-project/dossier/export/dbsource"
	"github.com/dossier-project/dossier/kb"
	"github.com/spf13/cobra"
)

func newExportCmd() *cobra.Command {
	var (
		sf            storeFlags
		ef            engineFlags
		format        string
		bom           bool
		out           string
		entity        string
		depth         int
		since, until  string
		langs         []string
		predicates    []string
		modalities    []string
		minConfidence float64
	)
	cmd := &cobra.Command{
		Use:   "export --format stix|ftm|graphml|csv|jsonl [flags] [FILE|DIR ...]",
		Short: "Export entities, relations, quotes and figures for other tools",
		Long: `export writes what dossier found in a form other tools read:

  stix     a STIX 2.1 bundle (OpenCTI, MISP): groups as intrusion-set, people
           tied to a group as threat-actor, other people and organisations as
           identity, places as location, claims as relationship (evidence
           sentence in the description, confidence from modality and
           attribution), quotes and unnamed-source claims as note, a report
           per document. Ids are UUIDv5 of stable keys: exporting again
           updates objects rather than duplicating them.
  ftm      FollowTheMoney entities as JSON lines (Aleph): Person,
           Organization, Address, Document, Documentation, Membership,
           UnknownLink, Note.
  graphml  the entity graph (Gephi, yEd, Cytoscape): nodes with type and
           aliases, edges with predicate, modality and evidence count.
  csv      documents, entities, aliases, mentions, relations, quotes and
           figures as separate CSV files in the --out directory.
  jsonl    everything: one line per entity, then one per document (the
           extraction contract with a stable id).

With FILE or DIR arguments the articles are extracted on the fly (nothing is
stored); without them the corpus in the database (--db) is exported.
Filters narrow the export: --entity with --depth keeps an entity and its
neighbourhood in the claim graph; --since/--until, --lang select documents;
--predicate, --modality and --min-confidence select claims.`,
		Example: `  dossier export --format stix --out bundle.json demo/corpus
  dossier export --format graphml --entity ISKP --depth 2 --out iskp.graphml
  dossier export --format csv --out tables/ --since 2024-01-01 --lang fr
  dossier export --format ftm --modality asserted,reported --min-confidence 0.6 > ftm.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			f, err := export.ParseFormat(format)
			if err != nil {
				return err
			}
			filter := export.Filter{Entity: entity, Depth: depth, Langs: langs, Predicates: predicates,
				Modalities: modalities, MinConfidence: minConfidence}
			if filter.Since, err = parseDay(since, false); err != nil {
				return fmt.Errorf("--since: %w", err)
			}
			if filter.Until, err = parseDay(until, true); err != nil {
				return fmt.Errorf("--until: %w", err)
			}
			if err := checkChoices("--predicate", predicates, []string{dossier.PredLeads, dossier.PredMemberOf, dossier.PredPartOf,
				dossier.PredAffiliatedWith, dossier.PredAlliedWith, dossier.PredOpposes, dossier.PredLocatedIn, dossier.PredAttacked}); err != nil {
				return err
			}
			if err := checkChoices("--modality", modalities, []string{dossier.ModalityAsserted, dossier.ModalityReported,
				dossier.ModalityHedged, dossier.ModalityDenied}); err != nil {
				return err
			}
			if f == export.FormatCSV && (out == "" || out == "-") {
				return fmt.Errorf("--format csv writes several files: give a directory with --out")
			}
			src, base, closeSrc, err := exportSource(ctx, cmd, args, &sf, &ef)
			if err != nil {
				return err
			}
			defer closeSrc()
			opts := export.Options{Filter: filter, KB: base, CSVBOM: bom}
			var st export.Stats
			if f == export.FormatCSV {
				st, err = export.WriteCSV(ctx, out, src, opts)
			} else {
				st, err = writeAtomically(out, cmd.OutOrStdout(), func(w io.Writer) (export.Stats, error) {
					return export.Write(ctx, w, f, src, opts)
				})
			}
			if err != nil {
				return err
			}
			if out != "" && out != "-" {
				fmt.Fprintf(cmd.ErrOrStderr(), "exported %d documents, %d entities, %d relations, %d quotes to %s (%d %s records)\n",
					st.Documents, st.Entities, st.Relations, st.Quotes, out, st.Objects, f)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&format, "format", "f", "", "stix, ftm, graphml, csv or jsonl (required)")
	fl.StringVarP(&out, "out", "o", "", "output file (default standard output); a directory for csv")
	fl.StringVar(&entity, "entity", "", "export only this entity (id, name or alias) and its neighbourhood")
	fl.IntVar(&depth, "depth", 1, "with --entity: follow claims this many steps from it")
	fl.StringVar(&since, "since", "", "only documents published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&until, "until", "", "only documents published on or before this date")
	fl.StringSliceVar(&langs, "lang", nil, "only documents in these languages (ISO 639-1, comma-separated)")
	fl.StringSliceVar(&predicates, "predicate", nil, "only claims with these predicates (leads, member_of, part_of, affiliated_with, allied_with, opposes, located_in, attacked)")
	fl.StringSliceVar(&modalities, "modality", nil, "only claims with these modalities (asserted, reported, hedged, denied)")
	fl.Float64Var(&minConfidence, "min-confidence", 0, "only claims with at least this confidence (0–1)")
	fl.BoolVar(&bom, "bom", false, "with csv: start each file with a UTF-8 byte-order mark, so that Excel reads accents right")
	sf.register(fl)
	ef.register(fl)
	cmd.MarkFlagRequired("format")
	return cmd
}

// exportSource extracts the argument files, or opens the store when there are none.
func exportSource(ctx context.Context, cmd *cobra.Command, args []string, sf *storeFlags, ef *engineFlags) (export.Source, *kb.KB, func(), error) {
	if len(args) == 0 {
		db, err := sf.open(ctx, true, cmd.ErrOrStderr())
		if err != nil {
			return nil, nil, nil, err
		}
		base, err := kb.Load(ctx, ef.kbFiles...)
		if err != nil {
			db.Close()
			return nil, nil, nil, fmt.Errorf("knowledge base: %w", err)
		}
		return dbsource.Source{DB: db}, base, func() { db.Close() }, nil
	}
	eng, _, err := ef.engine(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	if eng, err = eng.LearnRepeatedLines(ctx, args); err != nil {
		return nil, nil, nil, err
	}
	stderr := cmd.ErrOrStderr()
	var docs []*dossier.Document
	failed := 0
	err = eng.Run(ctx, args, cmd.InOrStdin(), func(r engine.Result) error {
		if r.Err != nil {
			failed++
			fmt.Fprintf(stderr, "dossier: %v\n", r.Err)
			return nil
		}
		docs = append(docs, r.Doc)
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	if len(docs) == 0 {
		return nil, nil, nil, fmt.Errorf("no document could be read (%d failed)", failed)
	}
	if err := eng.Resolve(ctx, docs); err != nil {
		return nil, nil, nil, err
	}
	return export.Docs(docs), eng.KB(), func() {}, nil
}

// writeAtomically writes to out through a temporary file renamed at the end,
// so a failed export never leaves a truncated file; "" or "-" is stdout.
func writeAtomically(out string, stdout io.Writer, write func(io.Writer) (export.Stats, error)) (export.Stats, error) {
	if out == "" || out == "-" {
		return write(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return export.Stats{}, fmt.Errorf("export: %w", err)
	}
	st, err := write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return st, fmt.Errorf("export: %w", err)
	}
	return st, nil
}

// parseDay reads YYYY, YYYY-MM or YYYY-MM-DD; an upper bound is the last day of the period.
func parseDay(s string, upper bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range []struct {
		layout string
		years  int
		months int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if upper && (l.years > 0 || l.months > 0) {
			t = t.AddDate(l.years, l.months, -1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("invalid date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
}

func checkChoices(flag string, got, valid []string) error {
	for _, g := range got {
		found := false
		for _, v := range valid {
			found = found || g == v
		}
		if !found {
			return fmt.Errorf("%s: unknown value %q (want one of %s)", flag, g, strings.Join(valid, ", "))
		}
	}
	return nil
}
