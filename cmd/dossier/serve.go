package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/web"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// serveFlags configure the workbench's HTTP server (serve and demo).
type serveFlags struct {
	addr      string
	token     string
	tokenFile string
	noOpen    bool
}

func (f *serveFlags) register(fs *pflag.FlagSet, openByDefault bool) {
	fs.StringVar(&f.addr, "addr", web.DefaultAddr, "address to listen on; anything but loopback needs --token or --token-file")
	fs.StringVar(&f.token, "token", "", "access token every request must carry (visit the printed URL once; it sets a cookie)")
	fs.StringVar(&f.tokenFile, "token-file", "", "file holding the access token (safer than --token, which shows in ps)")
	if openByDefault {
		fs.BoolVar(&f.noOpen, "no-open", false, "do not open a browser; just print the URL")
	}
}

func (f *serveFlags) options(logger *slog.Logger) (web.Options, error) {
	token := f.token
	if f.tokenFile != "" {
		if token != "" {
			return web.Options{}, fmt.Errorf("give --token or --token-file, not both")
		}
		b, err := os.ReadFile(f.tokenFile)
		if err != nil {
			return web.Options{}, fmt.Errorf("--token-file: %w", err)
		}
		if token = strings.TrimSpace(string(b)); token == "" {
			return web.Options{}, fmt.Errorf("--token-file %s is empty", f.tokenFile)
		}
	}
	return web.Options{Addr: f.addr, Token: token, Logger: logger}, nil
}

// serveBackend listens, prints the URL (and opens it when asked) and serves
// until ctx is done.
func serveBackend(ctx context.Context, out io.Writer, backend web.Backend, f *serveFlags, open bool) error {
	opt, err := f.options(slog.Default())
	if err != nil {
		return err
	}
	srv, err := web.NewServer(backend, opt)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	url := srv.URL(l.Addr())
	fmt.Fprintf(out, "dossier workbench: %s\n", url)
	if host, _, err := net.SplitHostPort(opt.Addr); err == nil {
		if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
			fmt.Fprintf(out, "(listening on every interface, port %s: other machines use this one's address)\n", portOf(l.Addr()))
		}
	}
	fmt.Fprintf(out, "(Ctrl-C to stop)\n")
	if open {
		openBrowser(url)
	}
	return srv.Serve(ctx, l)
}

func portOf(a net.Addr) string {
	_, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return port
}

// openBrowser tries the desktop's URL opener; failure is not an error, the
// URL is printed anyway.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return
		}
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err == nil {
		go cmd.Wait()
	}
}

func newServeCmd() *cobra.Command {
	var (
		sf      storeFlags
		kbFiles []string
		svf     serveFlags
	)
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Explore the corpus in a browser: search, documents, entities, graph, timeline, map",
		Long: `serve starts the web workbench over the corpus database: full-text search with
facets, each article with its annotations drawn on the text, entity pages with
every alias and the evidence behind each relation, a link graph, a timeline
and a map drawn offline. The pages and their libraries are inside the binary;
nothing is loaded from the network. The JSON API the pages use is under /api/
(docs/API.md).

It listens on 127.0.0.1:8080 unless --addr says otherwise; any address that is
not loopback needs --token or --token-file, and every request must then carry
the token (the printed URL has it; the first visit stores it in a cookie).

Every page is answered from the database's indexes: nothing of the corpus is
read into memory at start, so a store of a million articles opens as fast as an
empty one. Aggregates that would read the whole corpus are bounded and say so
(the whole link graph is drawn from the newest 20,000 claims; search facets
count the newest 500 matches; the timeline's dates come from the newest 500
articles).`,
		Example: `  dossier serve
  dossier serve --db case.db --addr 127.0.0.1:9000
  dossier serve --addr 0.0.0.0:8080 --token-file ~/.dossier-token`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := sf.open(ctx, true, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer store.Close()
			// The knowledge base gives entity kinds and places' coordinates;
			// the user's own file as extract and ingest load it.
			files := kbFiles
			if user, err := kb.UserFile(); err == nil {
				if _, err := os.Stat(user); err == nil {
					files = append([]string{user}, files...)
				}
			}
			base, err := kb.Load(ctx, files...)
			if err != nil {
				return fmt.Errorf("knowledge base: %w", err)
			}
			store.UseKB(base)
			return serveBackend(ctx, cmd.OutOrStdout(), web.NewStoreBackend(store, base), &svf, false)
		},
	}
	sf.register(cmd.Flags())
	cmd.Flags().StringArrayVar(&kbFiles, "kb", nil, "extra knowledge-base file for entity kinds and places (YAML, CSV or TSV; see kb/README.md); repeatable")
	svf.register(cmd.Flags(), false)
	return cmd
}
