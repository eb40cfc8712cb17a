// Package clean finds page furniture in articles saved as plain text: site
// names and section kickers, navigation, subscription and log-in prompts,
// advertisement markers, image placeholders, date-only lines, lists of related
// or most-read articles, newsletter and paywall blocks, credits and copyright
// footers.
//
// It is a line classifier. Each line gets cheap features (length, stop words,
// closing punctuation, capitals, bullets, links) and cue hits from the
// per-language lexicons data/<lang>/clean.yaml; context rules then extend
// furniture over link lists, paywall blocks and the page's head and tail.
// A line that reads as an ordinary sentence is kept unless a cue names it:
// losing a body line loses facts, keeping a menu item costs little.
package clean

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// Stage marks boilerplate lines of plain-text documents. It is immutable and
// safe for concurrent use.
type Stage struct {
	cues *compiled
	// repeated holds trimmed lines known to be furniture because they recur
	// across documents (see WithRepeatedLines); nil when unused.
	repeated map[string]struct{}
	// workspaces recycles per-document buffers between calls.
	workspaces sync.Pool
}

// workspace holds the buffers one classification needs.
type workspace struct {
	sc    scanner
	lines []lineInfo
	cut   []dossier.Span // furniture already known (sorted); see within
}

// maxPooledLines bounds what a recycled workspace keeps: one huge document
// should not pin its buffers for ever.
const maxPooledLines = 1 << 16

func (s *Stage) getWorkspace() *workspace {
	if ws, ok := s.workspaces.Get().(*workspace); ok {
		return ws
	}
	return &workspace{}
}

func (s *Stage) putWorkspace(ws *workspace) {
	if cap(ws.lines) > maxPooledLines || cap(ws.sc.norm) > maxPooledLines {
		return
	}
	s.workspaces.Put(ws)
}

// New compiles the boilerplate cues of every language in lex that has a
// clean.yaml. Cues of all languages apply to every document, because the
// stage runs before language identification.
func New(lex *lexicon.Set) (*Stage, error) {
	c, err := compile(lex)
	if err != nil {
		return nil, err
	}
	return &Stage{cues: c}, nil
}

// Name implements dossier.Stage.
func (s *Stage) Name() string { return "clean" }

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer { return nil }

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerBoilerplate} }

// Process sets doc.Boilerplate. HTML documents whose reader already extracted
// the main content (doc.Boilerplate non-nil) are left alone.
func (s *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	if doc == nil {
		return nil
	}
	var spans []dossier.Span
	var err error
	if doc.Format == "html" && doc.Boilerplate != nil {
		// The HTML reader has cut the page's furniture by its markup; what
		// it kept is read line by line as a plain text is, with its cuts
		// standing as furniture lines (a "Related" header or a photo credit
		// inside the article's markup has no markup to betray it).
		spans, err = s.within(ctx, doc.Text, doc.Boilerplate)
	} else {
		spans, err = s.Boilerplate(ctx, doc.Text)
	}
	if err != nil {
		return fmt.Errorf("clean %s: %w", doc.Name, err)
	}
	if spans == nil {
		spans = []dossier.Span{} // "looked, found none" rather than "not looked"
	}
	doc.Boilerplate = spans
	return nil
}

// Boilerplate returns the furniture spans of text: sorted, disjoint, each
// starting at the start of a line and covering whole lines (runs of furniture
// lines with the blank lines between them are merged into one span).
func (s *Stage) Boilerplate(ctx context.Context, text string) ([]dossier.Span, error) {
	ws := s.getWorkspace()
	defer s.putWorkspace(ws)
	if err := s.classify(ctx, text, ws); err != nil {
		return nil, err
	}
	return spansOf(ws.lines), nil
}

// within is Boilerplate for a text of which the spans cut are already
// furniture: they stay so, and the rules read them as furniture lines.
func (s *Stage) within(ctx context.Context, text string, cut []dossier.Span) ([]dossier.Span, error) {
	ws := s.getWorkspace()
	defer s.putWorkspace(ws)
	ws.cut = cut
	defer func() { ws.cut = nil }()
	if err := s.classify(ctx, text, ws); err != nil {
		return nil, err
	}
	return spansOf(ws.lines), nil
}

// Verdict is the classification of one line, for tests and diagnostics.
type Verdict struct {
	dossier.Span
	Boilerplate bool
	Reason      Reason
}

// Explain classifies every line of text and says why.
func (s *Stage) Explain(text string) []Verdict {
	ws := s.getWorkspace()
	defer s.putWorkspace(ws)
	if err := s.classify(context.Background(), text, ws); err != nil {
		return nil
	}
	out := make([]Verdict, len(ws.lines))
	for i, l := range ws.lines {
		out[i] = Verdict{Span: dossier.Span{Start: l.start, End: l.end}, Boilerplate: l.bp, Reason: l.reason}
	}
	return out
}

// WithRepeatedLines returns a copy of s that also treats as furniture the
// lines found verbatim in at least minDocs of texts (a site's footer, its
// newsletter box). Lines that read as ordinary sentences count only when they
// also carry a promotional cue, so that syndicated copies of one wire story
// do not erase each other's body.
func (s *Stage) WithRepeatedLines(ctx context.Context, texts []string, minDocs int) (*Stage, error) {
	if minDocs < 2 {
		minDocs = 2
	}
	counts := make(map[string]int)
	var sc scanner
	for _, text := range texts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		seen := make(map[string]struct{})
		forEachLine(text, func(start, end int) {
			li := sc.scan(text, start, end, s.cues)
			if li.blank || li.words == 0 {
				return
			}
			li.prose = isProse(&li)
			if li.prose && li.soft == 0 && !li.phrase {
				return
			}
			// An author's name recurs across a site's articles but is a
			// byline, which names a person worth keeping.
			if li.byline || li.words <= 4 && li.caps == li.words && li.soft == 0 && !li.whole && !li.prefix {
				return
			}
			key := strings.TrimSpace(text[start:end])
			if _, ok := seen[key]; ok {
				return
			}
			seen[key] = struct{}{}
			counts[key]++
		})
	}
	repeated := make(map[string]struct{}, len(s.repeated))
	for k := range s.repeated {
		repeated[k] = struct{}{}
	}
	for k, n := range counts {
		if n >= minDocs {
			repeated[k] = struct{}{}
		}
	}
	return &Stage{cues: s.cues, repeated: repeated}, nil
}

// forEachLine calls fn with the bounds of every line of text, line breaks
// ("\n", "\r\n") excluded.
func forEachLine(text string, fn func(start, end int)) {
	start := 0
	for start <= len(text) {
		nl := strings.IndexByte(text[start:], '\n')
		end := len(text)
		if nl >= 0 {
			end = start + nl
		}
		lineEnd := end
		if lineEnd > start && text[lineEnd-1] == '\r' {
			lineEnd--
		}
		fn(start, lineEnd)
		if nl < 0 {
			return
		}
		start = end + 1
	}
}

// spansOf merges furniture lines, and the blank lines between them, into spans.
func spansOf(lines []lineInfo) []dossier.Span {
	var out []dossier.Span
	open := false
	var cur dossier.Span
	for _, l := range lines {
		switch {
		case l.bp:
			if !open {
				cur = dossier.Span{Start: l.start, End: l.end}
				open = true
			} else {
				cur.End = l.end
			}
		case l.blank:
			// a blank line neither opens nor closes a run
		default:
			if open {
				out = append(out, cur)
				open = false
			}
		}
	}
	if open {
		out = append(out, cur)
	}
	return out
}
