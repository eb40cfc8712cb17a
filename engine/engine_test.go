package engine

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/read"
)

const demoDir = "../demo/corpus"

// loadDemo reads the bundled demo corpus as documents, without running stages.
func loadDemo(t testing.TB) []*dossier.Document {
	t.Helper()
	var docs []*dossier.Document
	err := read.Inputs(context.Background(), []string{demoDir}, nil, read.Options{},
		func(name string, doc *dossier.Document, err error) error {
			if err != nil {
				t.Fatalf("demo corpus: %v", err)
			}
			docs = append(docs, doc)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 25 {
		t.Fatalf("demo corpus has %d documents, want at least 25", len(docs))
	}
	return docs
}

func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// TestSpansValid runs the whole pipeline on the demo corpus and checks every
// span of every layer: in range, on UTF-8 boundaries, sorted where the layer
// promises it; and for UTF-8 text files, that Text is the file byte for byte,
// so offsets are offsets into the original input.
func TestSpansValid(t *testing.T) {
	eng, err := New(context.Background(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range loadDemo(t) {
		if err := eng.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		check := func(layer string, s dossier.Span) {
			if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End {
				t.Errorf("%s: %s span %v out of range (len %d)", doc.Name, layer, s, len(doc.Text))
				return
			}
			if !utf8.ValidString(doc.Text[s.Start:s.End]) {
				t.Errorf("%s: %s span %v cuts a UTF-8 sequence", doc.Name, layer, s)
			}
		}
		sorted := func(layer string, spans []dossier.Span) {
			if !sort.SliceIsSorted(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start }) {
				t.Errorf("%s: %s not sorted", doc.Name, layer)
			}
		}
		for _, s := range doc.Boilerplate {
			check("boilerplate", s)
		}
		sorted("boilerplate", doc.Boilerplate)
		for _, s := range doc.Sentences {
			check("sentence", s)
		}
		sorted("sentences", doc.Sentences)
		for _, tok := range doc.Tokens {
			check("token", tok.Span)
		}
		for _, x := range doc.Timexes {
			check("timex", x.Span)
		}
		for _, f := range doc.Figures {
			check("figure", f.Span)
		}
		for _, m := range doc.Mentions {
			check("mention", m.Span)
		}
		for _, q := range doc.Quotes {
			check("quote", q.Span)
			for _, p := range q.Parts {
				check("quote part", p)
				if !q.Span.Contains(p) {
					t.Errorf("%s: quote part %v outside quote %v", doc.Name, p, q.Span)
				}
			}
			if q.Speaker != nil {
				check("speaker", q.Speaker.Span)
				if q.Speaker.Entity >= len(doc.Entities) {
					t.Errorf("%s: speaker entity %d out of range", doc.Name, q.Speaker.Entity)
				}
			}
		}
		for _, c := range doc.Claims {
			check("claim evidence", c.Evidence)
			if c.Subject < 0 || c.Subject >= len(doc.Entities) || c.Object < 0 || c.Object >= len(doc.Entities) {
				t.Errorf("%s: claim entity index out of range: %+v", doc.Name, c)
			}
		}
		if doc.Meta.TitleSpan != nil {
			check("title", *doc.Meta.TitleSpan)
			if got := doc.Slice(*doc.Meta.TitleSpan); strings.TrimSpace(got) != doc.Meta.Title {
				t.Errorf("%s: title %q but title span holds %q", doc.Name, doc.Meta.Title, got)
			}
		}
		if doc.Meta.PublishedSpan != nil {
			check("published", *doc.Meta.PublishedSpan)
		}
		if doc.Format == "txt" && doc.Meta.Encoding == "utf-8" {
			raw, err := os.ReadFile(doc.Name)
			if err != nil {
				t.Fatal(err)
			}
			if string(raw) != doc.Text {
				t.Errorf("%s: Text differs from the file's bytes", doc.Name)
			}
		}
		if doc.Lang != "en" && doc.Lang != "fr" {
			t.Errorf("%s: lang %q, want en or fr", doc.Name, doc.Lang)
		}
		wantLang := "en"
		if strings.Contains(filepath.Base(doc.Name), "-fr-") {
			wantLang = "fr"
		}
		if doc.Lang != wantLang {
			t.Errorf("%s: lang %q, want %q", doc.Name, doc.Lang, wantLang)
		}
	}
}

// TestRunOrderAndErrors checks that Run delivers results in input order with
// errors in place, using several workers.
func TestRunOrderAndErrors(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}
	for i, n := range names {
		body := "The prosecutor said the suspects had travelled to Syria in 2014 and returned the following year.\n"
		if i == 2 {
			body = "" // empty input: an error in third place
		}
		if err := os.WriteFile(filepath.Join(dir, n), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eng, err := New(context.Background(), Config{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = eng.Run(context.Background(), []string{dir}, nil, func(r Result) error {
		tag := filepath.Base(r.Name)
		if r.Err != nil {
			tag += "!"
		}
		got = append(got, tag)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "a.txt b.txt c.txt! d.txt e.txt"
	if strings.Join(got, " ") != want {
		t.Fatalf("order %q, want %q", strings.Join(got, " "), want)
	}
}

// TestRunStopsEarly: an error from the callback stops the run without hanging.
func TestRunStopsEarly(t *testing.T) {
	eng, err := New(context.Background(), Config{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	stop := context.Canceled
	n := 0
	err = eng.Run(context.Background(), []string{demoDir}, nil, func(r Result) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Fatalf("err %v after %d results", err, n)
	}
}

// BenchmarkPipeline measures the whole extraction pipeline (reading from
// memory included, resolution excluded) on the demo corpus: words/s per core
// and docs/s, for all documents and separately for plain text and HTML
// (HTML pays for main-content extraction).
func BenchmarkPipeline(b *testing.B) {
	eng, err := New(context.Background(), Config{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	type input struct {
		name  string
		data  []byte
		words int
	}
	byFormat := map[string][]input{}
	for _, doc := range loadDemo(b) {
		data, err := os.ReadFile(doc.Name)
		if err != nil {
			b.Fatal(err)
		}
		in := input{doc.Name, data, countWords(doc.Text)}
		byFormat["all"] = append(byFormat["all"], in)
		byFormat[doc.Format] = append(byFormat[doc.Format], in)
	}
	ctx := context.Background()
	for _, format := range []string{"all", "txt", "html"} {
		inputs := byFormat[format]
		words := 0
		for _, in := range inputs {
			words += in.words
		}
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, in := range inputs {
					doc, err := read.Bytes(in.name, in.data, read.Options{})
					if err != nil {
						b.Fatal(err)
					}
					if err := eng.Process(ctx, doc); err != nil {
						b.Fatal(err)
					}
				}
			}
			sec := b.Elapsed().Seconds()
			b.ReportMetric(float64(words)*float64(b.N)/sec, "words/s")
			b.ReportMetric(float64(len(inputs))*float64(b.N)/sec, "docs/s")
		})
	}
}

// BenchmarkResolve measures cross-document resolution over the extracted demo corpus.
func BenchmarkResolve(b *testing.B) {
	eng, err := New(context.Background(), Config{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	docs := loadDemo(b)
	words := 0
	for _, d := range docs {
		if err := eng.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
		words += countWords(d.Text)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := eng.Resolve(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkStages measures each stage alone on documents already carried
// through the stages before it (plain-text demo documents; HTML reading is
// measured by the read package's own benchmark).
func BenchmarkStages(b *testing.B) {
	eng, err := New(context.Background(), Config{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var docs []*dossier.Document
	words := 0
	for _, d := range loadDemo(b) {
		if d.Format == "txt" {
			docs = append(docs, d)
			words += countWords(d.Text)
		}
	}
	stages := eng.Stages()
	for i, st := range stages {
		// Documents as they are when stage i starts.
		prepared := make([]dossier.Document, len(docs))
		for j, d := range docs {
			cp := *d
			for _, before := range stages[:i] {
				if err := before.Process(ctx, &cp); err != nil {
					b.Fatal(err)
				}
			}
			prepared[j] = cp
		}
		b.Run(st.Name(), func(b *testing.B) {
			b.ReportAllocs()
			work := make([]dossier.Document, len(prepared))
			for b.Loop() {
				copy(work, prepared)
				for j := range work {
					if err := st.Process(ctx, &work[j]); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// TestLearnRepeatedLines: a footer line shared by three inputs becomes
// boilerplate once learnt; the article bodies stay.
func TestLearnRepeatedLines(t *testing.T) {
	dir := t.TempDir()
	footer := "The Northern Courier is an independent regional newspaper group"
	bodies := []string{
		"Police arrested two men in Leeds on Monday over an alleged plot to attack a synagogue, prosecutors said.",
		"A court in Manchester jailed a man for seven years for sharing Islamic State propaganda online.",
		"Counter-terrorism officers searched three homes in Bradford after a tip from a neighbour, police said.",
	}
	var names []string
	for i, b := range bodies {
		name := filepath.Join(dir, string(rune('a'+i))+".txt")
		if err := os.WriteFile(name, []byte(b+"\n\n"+footer+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	eng, err := New(context.Background(), Config{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	covered := func(e *Engine) (footerOut, bodyOut bool) {
		err := e.Run(context.Background(), names[:1], nil, func(r Result) error {
			if r.Err != nil {
				return r.Err
			}
			i := strings.Index(r.Doc.Text, footer)
			footerOut = r.Doc.InBoilerplate(i) && r.Doc.InBoilerplate(i+len(footer)-1)
			bodyOut = r.Doc.InBoilerplate(0)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if f, _ := covered(eng); f {
		t.Fatal("footer is boilerplate before learning: the test proves nothing")
	}
	learnt, err := eng.LearnRepeatedLines(context.Background(), names)
	if err != nil {
		t.Fatal(err)
	}
	f, b := covered(learnt)
	if !f {
		t.Error("repeated footer not removed after learning")
	}
	if b {
		t.Error("article body removed after learning")
	}
}

// BenchmarkLongLine runs the pipeline on 2 MB of text with no line break and
// no sentence punctuation (a flattened table, a hostile input): its cost must
// stay linear (sentences are cut at segment.MaxSentenceTokens). It reports
// the bytes allocated per input byte.
func BenchmarkLongLine(b *testing.B) {
	eng, err := New(context.Background(), Config{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("the guards at the Vessa port said drone attack terminal convoy police group statement officials Monday reported attackers fled town border")
	var sb strings.Builder
	for i := 0; sb.Len() < 2<<20; i++ {
		sb.WriteString(words[(i*7)%len(words)])
		sb.WriteByte(' ')
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		doc := &dossier.Document{Name: "line.txt", Format: "txt", Text: text}
		if err := eng.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(text)), "alloc-B/input-B")
}

// TestReadmeDiagram: the README's pipeline diagram names the engine's stages
// in the order the engine runs them.
func TestReadmeDiagram(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Skip("README.md not found:", err)
	}
	var diagram []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "read ─► ") {
			line, _, _ = strings.Cut(line, "  ")
			diagram = strings.Split(line, " ─► ")[1:]
			break
		}
	}
	e, err := New(context.Background(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	var stages []string
	for _, s := range e.pipe.Stages() {
		stages = append(stages, s.Name())
	}
	if !slices.Equal(diagram, stages) {
		t.Errorf("README diagram %v, engine %v", diagram, stages)
	}
}
