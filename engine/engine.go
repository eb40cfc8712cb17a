// Package engine assembles the extraction pipeline from its stages and runs
// it over many inputs in parallel, delivering results in input order.
package engine

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/claims"
	"github.com/dossier-project/dossier/clean"
	"github.com/dossier-project/dossier/figures"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lang"
	"github.com/dossier-project/dossier/lexicon"
	"github.com/dossier-project/dossier/mentions"
	"github.com/dossier-project/dossier/meta"
	"github.com/dossier-project/dossier/pipeline"
	"github.com/dossier-project/dossier/quotes"
	"github.com/dossier-project/dossier/read"
	"github.com/dossier-project/dossier/resolve"
	"github.com/dossier-project/dossier/segment"
	"github.com/dossier-project/dossier/sources"
	"github.com/dossier-project/dossier/timex"
)

// Config chooses what the pipeline does.
type Config struct {
	// Languages restricts language identification (ISO 639-1); empty means lang.DefaultLanguages.
	Languages []string
	// MaxBytes bounds each input; 0 means read.DefaultMaxBytes.
	MaxBytes int64
	// Workers is the number of documents processed at once; 0 means GOMAXPROCS.
	Workers int
	// KBFiles are extra knowledge-base files (YAML, CSV, TSV) loaded over the
	// built-in one: an analyst's watchlist.
	KBFiles []string
	// UserKB also loads the user's own knowledge-base file (kb.UserFile, where
	// `dossier kb import` writes) when it exists.
	UserKB bool
	// Lexicons overrides the built-in lexicons (tests).
	Lexicons *lexicon.Set
}

// Engine runs the extraction pipeline. It is safe for concurrent use.
type Engine struct {
	cfg      Config
	cleaner  *clean.Stage
	stages   []dossier.Stage // after the cleaner
	pipe     *pipeline.Pipeline
	kb       *kb.KB
	resolver *resolve.Resolver
	read     read.Options
}

// ReadOptions are the reader settings of this engine: its size limit and
// its lexicons' month names for web-page dates.
func (e *Engine) ReadOptions() read.Options { return e.read }

// New builds every stage once; construction errors are data errors in the
// lexicons or knowledge base, or bad configuration.
func New(ctx context.Context, cfg Config) (*Engine, error) {
	lex := cfg.Lexicons
	if lex == nil {
		lex = lexicon.Default()
	}
	// The knowledge base and the stages that need it are built on another
	// core while this one builds the stages that need only the lexicons.
	var (
		kbDone     = make(chan struct{})
		kbErr      error
		base       *kb.KB
		ment       *mentions.Stage
		claimStage *claims.Stage
		res        *resolve.Resolver
	)
	go func() {
		defer close(kbDone)
		base, ment, claimStage, res, kbErr = newKBStages(ctx, cfg, lex)
	}()
	cleaner, langID, seg, metaStage, tx, fig, quoteStage, dateWords, err := newLexiconStages(cfg, lex)
	<-kbDone
	if err != nil {
		return nil, err
	}
	if kbErr != nil {
		return nil, kbErr
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	rest := []dossier.Stage{langID, seg, metaStage, tx, fig, ment, quoteStage, claimStage, sources.New()}
	pipe, err := pipeline.New(append([]dossier.Stage{cleaner}, rest...)...)
	if err != nil {
		return nil, err
	}
	return &Engine{
		cfg:      cfg,
		cleaner:  cleaner,
		stages:   rest,
		pipe:     pipe,
		kb:       base,
		resolver: res,
		read:     read.Options{MaxBytes: cfg.MaxBytes, DateWords: dateWords},
	}, nil
}

// newLexiconStages builds the stages that need only the lexicons.
func newLexiconStages(cfg Config, lex *lexicon.Set) (cleaner *clean.Stage, langID *lang.Stage, seg *segment.Stage,
	metaStage *meta.Stage, tx *timex.Stage, fig *figures.Stage, quoteStage *quotes.Stage, dateWords *read.DateWords, err error) {
	if cleaner, err = clean.New(lex); err != nil {
		err = fmt.Errorf("clean: %w", err)
		return
	}
	if langID, err = lang.New(lex, lang.Options{Languages: cfg.Languages}); err != nil {
		return
	}
	if seg, err = segment.New(lex); err != nil {
		err = fmt.Errorf("segment: %w", err)
		return
	}
	if metaStage, err = meta.New(lex); err != nil {
		err = fmt.Errorf("meta: %w", err)
		return
	}
	if tx, err = timex.New(lex); err != nil {
		err = fmt.Errorf("timex: %w", err)
		return
	}
	if fig, err = figures.New(lex); err != nil {
		err = fmt.Errorf("figures: %w", err)
		return
	}
	if quoteStage, err = quotes.New(lex); err != nil {
		err = fmt.Errorf("quotes: %w", err)
		return
	}
	dateWords, err = read.LoadDateWords(lex)
	return
}

// newKBStages loads the knowledge base and builds what needs it.
func newKBStages(ctx context.Context, cfg Config, lex *lexicon.Set) (*kb.KB, *mentions.Stage, *claims.Stage, *resolve.Resolver, error) {
	kbFiles := cfg.KBFiles
	if cfg.UserKB {
		if p, err := kb.UserFile(); err == nil {
			if _, err := os.Stat(p); err == nil {
				kbFiles = append([]string{p}, kbFiles...)
			}
		}
	}
	base, err := kb.Load(ctx, kbFiles...)
	if err != nil {
		return nil, nil, nil, nil, fmt.Errorf("knowledge base: %w", err)
	}
	ment, err := mentions.New(lex, base)
	if err != nil {
		return nil, nil, nil, nil, fmt.Errorf("mentions: %w", err)
	}
	claimStage, err := claims.New(lex, claims.WithKB(base))
	if err != nil {
		return nil, nil, nil, nil, fmt.Errorf("claims: %w", err)
	}
	given, err := mentions.GivenNames(lex)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	res, err := resolve.New(base, resolve.WithGivenNames(given))
	if err != nil {
		return nil, nil, nil, nil, fmt.Errorf("resolve: %w", err)
	}
	return base, ment, claimStage, res, nil
}

// RepeatedLinesMinDocs is how many documents of a batch must share a line
// verbatim before LearnRepeatedLines treats it as furniture.
const RepeatedLinesMinDocs = 3

// LearnRepeatedLines reads every input named by args once, without
// processing, and returns an engine whose boilerplate stage also removes the
// lines that recur verbatim across at least RepeatedLinesMinDocs of them (a
// site's footer or newsletter box). Standard input cannot be read twice, so
// with "-" among args the engine is returned unchanged.
func (e *Engine) LearnRepeatedLines(ctx context.Context, args []string) (*Engine, error) {
	for _, a := range args {
		if a == read.StdinName {
			return e, nil
		}
	}
	var texts []string
	err := read.Inputs(ctx, args, nil, e.read,
		func(name string, doc *dossier.Document, err error) error {
			if err == nil && doc.Format == read.FormatText {
				texts = append(texts, doc.Text)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	if len(texts) < RepeatedLinesMinDocs {
		return e, nil
	}
	cleaner, err := e.cleaner.WithRepeatedLines(ctx, texts, RepeatedLinesMinDocs)
	if err != nil {
		return nil, fmt.Errorf("clean: %w", err)
	}
	derived := *e
	derived.cleaner = cleaner
	if derived.pipe, err = pipeline.New(append([]dossier.Stage{cleaner}, e.stages...)...); err != nil {
		return nil, err
	}
	return &derived, nil
}

// KB is the knowledge base the engine links entities to.
func (e *Engine) KB() *kb.KB { return e.kb }

// Resolver is the engine's cross-document resolver (its knowledge base and
// its lexicons' given names).
func (e *Engine) Resolver() *resolve.Resolver { return e.resolver }

// Resolve gives the entities of docs corpus-wide ids: the same real-world
// entity gets the same id in every document.
// A panic inside resolution is returned as an error, not a crash.
func (e *Engine) Resolve(ctx context.Context, docs []*dossier.Document) (err error) {
	defer func() {
		if v := recover(); v != nil {
			slog.Error("resolution panicked", "docs", len(docs), "panic", v, "stack", string(debug.Stack()))
			err = fmt.Errorf("resolve: %w: internal error (panic: %v); please report it with the inputs", pipeline.ErrStageFailed, v)
		}
	}()
	return e.resolver.Resolve(ctx, docs)
}

// Stages lists the pipeline's stages in order (benchmarks, --help).
func (e *Engine) Stages() []dossier.Stage { return e.pipe.Stages() }

// Process runs the pipeline on one document.
func (e *Engine) Process(ctx context.Context, doc *dossier.Document) error {
	return e.pipe.Run(ctx, doc)
}

// Result is the outcome for one input: a processed document or an error
// naming the input.
type Result struct {
	Name string
	Doc  *dossier.Document
	Err  error
}

// Run reads every input named by args ("-" is stdin; directories are walked),
// processes documents on cfg.Workers goroutines, and calls fn with each result
// in input order. It stops early when fn returns an error or ctx is done.
func (e *Engine) Run(ctx context.Context, args []string, stdin io.Reader, fn func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)

	type job struct {
		res  Result
		done chan struct{}
	}
	jobs := make(chan *job, e.cfg.Workers*2)
	ordered := make(chan *job, e.cfg.Workers*2)

	var readErr error
	go func() {
		defer close(jobs)
		defer close(ordered)
		readErr = read.Inputs(ctx, args, stdin, e.read,
			func(name string, doc *dossier.Document, err error) error {
				j := &job{res: Result{Name: name, Doc: doc, Err: err}, done: make(chan struct{})}
				select {
				case ordered <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
				if err != nil {
					close(j.done)
					return nil
				}
				select {
				case jobs <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
				return nil
			})
	}()

	var wg sync.WaitGroup
	for range e.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if err := e.pipe.Run(ctx, j.res.Doc); err != nil {
					j.res.Err = err
				}
				close(j.done)
			}
		}()
	}
	// Cancel before waiting: on an early return the reader and workers must unblock.
	defer func() {
		cancel()
		wg.Wait()
	}()

	for j := range ordered {
		select {
		case <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := fn(j.res); err != nil {
			return err
		}
	}
	if readErr != nil {
		return readErr
	}
	return ctx.Err()
}
