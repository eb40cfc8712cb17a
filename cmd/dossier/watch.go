package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/dossier-project/dossier/ingest"
	"github.com/spf13/cobra"
)

func newWatchCmd() *cobra.Command {
	var (
		sf     storeFlags
		ef     engineFlags
		ff     fetchFlags
		every  time.Duration
		once   bool
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "watch [flags] FILE",
		Short: "Poll a list of feeds and pages and ingest what is new",
		Long: `watch reads FILE, a list of feed URLs, page URLs and local paths, one per line
(blank lines and lines starting with # are ignored), and every --every ingests
what is new: feed items and pages whose URL is not stored yet, and files not
stored yet. FILE is read again at each round, so it can be edited while watch
runs. Stop it with Ctrl-C; what was stored is kept.`,
		Example: `  dossier watch feeds.txt --every 15m
  dossier watch feeds.txt --once   # one round, e.g. from cron`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if every < time.Minute && !once {
				return fmt.Errorf("--every %s: poll at most once a minute", every)
			}
			store, err := sf.open(ctx, false, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer store.Close()
			eng, limit, err := ef.engine(ctx)
			if err != nil {
				return err
			}
			in, err := ingest.New(eng, store, ff.options(ingest.Options{Workers: ef.workers, MaxBytes: limit, SkipKnownSources: true}, cmd.ErrOrStderr()))
			if err != nil {
				return err
			}
			stderr := cmd.ErrOrStderr()
			for {
				sources, err := readWatchList(args[0])
				if err != nil {
					return err
				}
				fmt.Fprintf(stderr, "dossier: %s: polling %d sources\n", time.Now().Format("15:04:05"), len(sources))
				err = runIngest(ctx, in, sources, cmd.OutOrStdout(), stderr, asJSON, false)
				switch {
				case errors.Is(err, errInputsFailed):
					if once {
						return err
					}
				case err != nil:
					if ctx.Err() != nil {
						return nil // Ctrl-C between or during rounds: a normal stop
					}
					return err
				}
				if once {
					return nil
				}
				select {
				case <-ctx.Done():
					return nil
				case <-time.After(every):
				}
			}
		},
	}
	sf.register(cmd.Flags())
	ef.register(cmd.Flags())
	ff.register(cmd.Flags())
	cmd.Flags().DurationVar(&every, "every", 15*time.Minute, "time between polls")
	cmd.Flags().BoolVar(&once, "once", false, "poll once and exit")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per input")
	return cmd
}

// readWatchList reads the sources of a watch file.
func readWatchList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("watch list: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("watch list %s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("watch list %s: no sources (one URL or path per line)", path)
	}
	return out, nil
}
