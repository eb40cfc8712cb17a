// Command dossier turns reporting on terrorism and security into an
// evidence-linked picture of who is who, who said what and what happened.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK        = 0
	exitSomeInput = 1 // the command ran, but at least one input failed
	exitUsage     = 2 // bad flags or arguments, or the command could not run
)

// errInputsFailed marks a run where some inputs failed; each was already reported.
var errInputsFailed = errors.New("some inputs failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errInputsFailed):
		return exitSomeInput
	default:
		fmt.Fprintln(stderr, "dossier:", err)
		return exitUsage
	}
}

func newRootCmd() *cobra.Command {
	var verbose bool
	root := &cobra.Command{
		Use:   "dossier",
		Short: "Evidence-linked extraction from reporting on terrorism and security",
		Long: `dossier reads news articles, analyses and statements (English and French first)
and extracts who and what they speak of — people, organisations, places, quotes,
relations, figures and dates — as annotations tied to byte offsets in the
original text, so every fact can be traced to the sentence it came from.

It is one binary and works offline.`,
		Example: `  # Extract from the bundled demo corpus and print a summary per article
  dossier extract demo/corpus

  # The machine-readable extraction contract, one JSON object per line
  dossier extract --json article.txt page.html > out.jsonl

  # Read an article from standard input
  curl -s https://example.org/story.html | dossier extract --json -`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			level := slog.LevelWarn
			if verbose {
				level = slog.LevelDebug
			}
			slog.SetDefault(slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: level})))
		},
	}
	root.PersistentFlags().BoolVarP(&verbose, "verbose", "v", false, "log debugging detail to stderr")
	root.AddCommand(newExtractCmd(), newVersionCmd(), newIngestCmd(), newSearchCmd(), newEntityCmd(), newDocsCmd(), newStatsCmd(), newReindexCmd(), newWatchCmd(), newExportCmd(), newKBCmd(), newWatchlistCmd(), newServeCmd(), newDemoCmd())
	return root
}
