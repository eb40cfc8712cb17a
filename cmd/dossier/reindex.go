package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/resolve"
	"github.com/spf13/cobra"
)

func newReindexCmd() *cobra.Command {
	var (
		sf storeFlags
		ef engineFlags
	)
	cmd := &cobra.Command{
		Use:   "reindex [flags]",
		Short: "Re-run extraction over every stored original (after an upgrade)",
		Long: `reindex re-extracts every stored document from its original bytes with this
binary's pipeline and knowledge base, replacing its annotations one
transaction per document, then drops entities nothing mentions any more.
Documents keep their ids, sources and duplicate links. A document that fails
keeps its previous annotations and is reported; the exit code is then 1.`,
		Args: cobra.NoArgs,
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
			res := eng.Resolver()
			stderr := cmd.ErrOrStderr()
			st, err := store.Stats(ctx)
			if err != nil {
				return err
			}
			bar := newProgress(stderr)
			start := time.Now()
			done, failed := 0, 0
			total := st.Documents + st.NearDuplicates
			err = store.Originals(ctx, func(o dossier.Original) error {
				err := reindexOne(ctx, store, eng, res, o, limit)
				done++
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					failed++
					bar.clear()
					fmt.Fprintf(stderr, "dossier: #%d %s\n", o.ID, oneLine(err.Error()))
				}
				bar.update(done, total)
				return nil
			})
			bar.clear()
			if err != nil {
				if errors.Is(err, context.Canceled) {
					return fmt.Errorf("interrupted after %d documents: the rest keep their previous annotations", done)
				}
				return err
			}
			pruned, err := store.PruneEntities(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "dossier: reindexed %d documents (%d failed) in %s; %d entities no longer mentioned removed\n",
				done-failed, failed, time.Since(start).Round(time.Millisecond), pruned)
			if failed > 0 {
				return errInputsFailed
			}
			return nil
		},
	}
	sf.register(cmd.Flags())
	ef.register(cmd.Flags())
	return cmd
}

type reindexStore interface {
	resolve.Known
	Replace(ctx context.Context, id int64, rec *dossier.Record) error
}

// reindexOne re-extracts one stored original and replaces its annotations.
func reindexOne(ctx context.Context, store reindexStore, eng *engine.Engine, res *resolve.Resolver, o dossier.Original, limit int64) error {
	doc, err := ingest.Extract(ctx, eng, o.Source.Name, o.Format, o.Raw, limit)
	if err != nil {
		return err
	}
	if doc.Meta.URL == "" {
		doc.Meta.URL = o.Source.URL
	}
	if err := res.ResolveAgainst(ctx, doc, store); err != nil {
		return err
	}
	rec := &dossier.Record{Doc: doc, Raw: o.Raw, Source: o.Source, Hash: dossier.ContentHash(o.Raw), SimHash: ingest.SimHash(doc)}
	rec.Keys = make([][]dossier.EntityKey, len(doc.Entities))
	for i := range doc.Entities {
		rec.Keys[i] = resolve.EntityKeys(doc, &doc.Entities[i])
	}
	return store.Replace(ctx, o.ID, rec)
}
