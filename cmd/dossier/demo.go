package main

import (
	"fmt"

	"github.com/dossier-project/dossier/demo"
	"github.com/dossier-project/dossier/engine"
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
			warn := func(name string, err error) { fmt.Fprintf(cmd.ErrOrStderr(), "dossier: %s: %v\n", name, err) }
			backend, err := web.LoadFS(ctx, eng, demo.FS, paths, warn)
			if err != nil {
				return err
			}
			return serveBackend(ctx, cmd.OutOrStdout(), backend, &svf, !svf.noOpen)
		},
	}
	svf.register(cmd.Flags(), true)
	return cmd
}
