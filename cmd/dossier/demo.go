package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dossier-project/dossier/demo"
	"github.com/dossier-project/dossier/engine"
	"github.com/dossier-project/dossier/ingest"
	"github.com/dossier-project/dossier/sqlite"
	"github.com/dossier-project/dossier/web"
	"github.com/spf13/cobra"
)

func newDemoCmd() *cobra.Command {
	var svf serveFlags
	cmd := &cobra.Command{
		Use:   "demo [flags]",
		Short: "Extract the bundled demo corpus and open it in the web workbench",
		Long: `demo extracts the demonstration articles built into the binary (32 short
articles in English and French, see demo/README.md), resolves their entities
across the corpus and serves them in the web workbench, as "dossier serve"
does for a database. It prints the URL and opens a browser unless --no-open.`,
		Example: `  dossier demo
  dossier demo --no-open --addr 127.0.0.1:9090`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			eng, err := engine.New(ctx, engine.Config{})
			if err != nil {
				return err
			}
			paths, err := demo.Files()
			if err != nil {
				return err
			}
			// The demo takes the path of any corpus: its articles are
			// ingested into a temporary store and served from it.
			dir, err := os.MkdirTemp("", "dossier-demo-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			var files []string
			for _, p := range paths {
				data, err := fs.ReadFile(demo.FS, p)
				if err != nil {
					return err
				}
				name := filepath.Join(dir, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(name, data, 0o644); err != nil {
					return err
				}
				files = append(files, name)
			}
			store, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"), sqlite.Options{})
			if err != nil {
				return err
			}
			defer store.Close()
			in, err := ingest.New(eng, store, ingest.Options{NameRoot: dir})
			if err != nil {
				return err
			}
			sum, err := in.Run(ctx, files, func(ev ingest.Event) {
				if ev.Err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "dossier: %s: %v\n", ev.Name, ev.Err)
				}
			})
			if err != nil {
				return err
			}
			if sum.Failed > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "dossier: %d demo article(s) failed\n", sum.Failed)
			}
			store.UseKB(eng.KB())
			return serveBackend(ctx, cmd.OutOrStdout(), web.NewStoreBackend(store, eng.KB()), &svf, !svf.noOpen)
		},
	}
	svf.register(cmd.Flags(), true)
	return cmd
}
