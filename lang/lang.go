// Package lang identifies the language of a document's body.
//
// It wraps whatlanggo (MIT, trigram profiles for 84 languages, pure Go and
// small) rather than lingua-go, which embeds 124 MB of models whatever subset
// is used (see docs/DEPENDENCIES.md). Trigram detection is reliable on whole
// paragraphs and poor on short strings, so the stage feeds it a bounded sample
// of body text: the cost stays flat however long the article is.
//
// whatlanggo costs about 100 µs even on a short sample, more than the rest of
// the pipeline spends on a typical article, so a fast path runs first: a tally
// of function words from the lexicon (part "lang") over the sample. When one
// language clearly dominates the tally, that is the answer; otherwise the
// trigram detector decides.
package lang

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// DefaultLanguages is the candidate set when none is configured: the languages
// reporting in this field is most often written in.
var DefaultLanguages = []string{"en", "fr", "de", "es", "it", "pt", "nl", "ar", "ru", "tr", "fa", "ur"}

// DefaultSampleBytes bounds how much body text the detector sees.
const DefaultSampleBytes = 2048

// minSampleBytes: below this much body text the detector guesses; report "" instead.
const minSampleBytes = 40

// Options configure the stage.
type Options struct {
	// Languages restricts detection to these ISO 639-1 codes; empty means DefaultLanguages.
	Languages []string
	// SampleBytes bounds the sample; 0 means DefaultSampleBytes.
	SampleBytes int
}

// Stage sets Document.Lang.
type Stage struct {
	opts    whatlanggo.Options
	sample  int
	allowed map[string]bool
	// stopLangs[i] is the language of bit i in stopwords' masks.
	stopLangs []string
	stopwords map[string]uint32
}

type lexiconFile struct {
	Stopwords []string `yaml:"stopwords"`
}

// Fast-path thresholds: the winner needs this many function-word hits and this
// many times the runner-up's.
const (
	minStopHits  = 8
	stopHitRatio = 3
	// A short or list-like text (a results table, headlines) holds few
	// function words: a smaller but still lopsided count decides before the
	// character-statistics detector, which guesses badly on names and numbers.
	fewStopHits     = 3
	fewStopHitRatio = 2
	// minStopShare: the winner's function-word hits are at least one in this
	// many of the text's distinct lower-case words.
	minStopShare = 6
)

// TooShortWarning is the warning of a document whose language cannot be told.
const TooShortWarning = "language: too little prose to tell"

// New builds a stage; it fails on unknown language codes. lex may be nil, in
// which case every document goes to the trigram detector.
func New(lex *lexicon.Set, o Options) (*Stage, error) {
	langs := o.Languages
	if len(langs) == 0 {
		langs = DefaultLanguages
	}
	s := &Stage{
		opts:    whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}},
		sample:  o.SampleBytes,
		allowed: map[string]bool{},
	}
	if s.sample <= 0 {
		s.sample = DefaultSampleBytes
	}
	byCode := map[string]whatlanggo.Lang{}
	for l := whatlanggo.Lang(0); l < 256; l++ {
		if code := l.Iso6391(); code != "" {
			byCode[code] = l
		}
	}
	for _, code := range langs {
		code = strings.ToLower(strings.TrimSpace(code))
		l, ok := byCode[code]
		if !ok {
			return nil, fmt.Errorf("lang: unknown or unsupported language code %q (use ISO 639-1, e.g. en, fr)", code)
		}
		s.opts.Whitelist[l] = true
		s.allowed[code] = true
	}
	if lex != nil {
		s.stopwords = map[string]uint32{}
		for _, code := range lex.Langs("lang") {
			if !s.allowed[code] || len(s.stopLangs) == 32 {
				continue
			}
			var f lexiconFile
			if err := lex.Load(code, "lang", &f); err != nil {
				return nil, fmt.Errorf("lang: %w", err)
			}
			bit := uint32(1) << len(s.stopLangs)
			s.stopLangs = append(s.stopLangs, code)
			for _, w := range f.Stopwords {
				s.stopwords[strings.ToLower(w)] |= bit
			}
		}
	}
	return s, nil
}

// Name implements dossier.Stage.
func (s *Stage) Name() string { return "lang" }

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer { return []dossier.Layer{dossier.LayerBoilerplate} }

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerLang} }

// Process implements dossier.Stage.
func (s *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	sample := Sample(doc, s.sample)
	doc.Lang, doc.LangGuess = s.Detect(sample), ""
	if doc.Lang == "" {
		doc.Warnings = append(doc.Warnings, TooShortWarning)
		doc.LangGuess = s.Guess(sample)
	}
	return nil
}

// Detect returns the ISO 639-1 code of text, or "" when it cannot tell.
func (s *Stage) Detect(text string) string {
	if len(text) < minSampleBytes {
		return ""
	}
	if code := s.tally(text, minStopHits, stopHitRatio); code != "" {
		return code
	}
	if code := s.tally(text, fewStopHits, fewStopHitRatio); code != "" {
		return code
	}
	// The character-statistics detector decides only when it is sure: on a
	// table of names and scores it would name any language.
	info := whatlanggo.DetectWithOptions(text, s.opts)
	code := info.Lang.Iso6391()
	if !s.allowed[code] || !info.IsReliable() {
		return ""
	}
	return code
}

// Guess returns the language whose own function words the text holds most
// of, when there are at least two and twice the runner-up's ("in the",
// "after" in a results table), or "". It reads texts too short for Detect to
// report a language: the guess only picks the word lists to read them with.
func (s *Stage) Guess(text string) string {
	return s.tally(text, guessMinHits, guessRatio)
}

const (
	guessMinHits = 2
	guessRatio   = 2
)

// Sample returns up to max bytes of the document's body, preferring prose
// lines (long lines) over headlines and captions, cut on a rune boundary.
func Sample(doc *dossier.Document, max int) string {
	var b strings.Builder
	take := func(minLine int) {
		for _, span := range doc.Body() {
			text := doc.Text[span.Start:span.End]
			for len(text) > 0 && b.Len() < max {
				line := text
				if i := strings.IndexByte(text, '\n'); i >= 0 {
					line, text = text[:i], text[i+1:]
				} else {
					text = ""
				}
				line = strings.TrimSpace(line)
				if len(line) < minLine {
					continue
				}
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				room := max - b.Len()
				if len(line) > room {
					line = line[:room]
					for len(line) > 0 && !utf8.ValidString(line) {
						line = line[:len(line)-1]
					}
				}
				b.WriteString(line)
			}
		}
	}
	take(80)
	if b.Len() < max/2 {
		// Short pages: accept shorter lines too.
		b.Reset()
		take(1)
	}
	return b.String()
}

// tally counts function words per language and returns the clear winner, or "".
func (s *Stage) tally(text string, minHits, ratio int) string {
	if len(s.stopLangs) == 0 {
		return ""
	}
	var counts [32]int
	var buf [16]byte
	// Distinct words written in lower case: the vocabulary of the prose the
	// function words sit in. Distinct, so that a table repeating "beat" or
	// "c" and "b" does not count as prose; a 1024-bit set of hashes, no allocation.
	var seen [16]uint64
	lower := 0
	for i := 0; i < len(text); {
		// Find the next word: a run of letters (ASCII or any non-ASCII byte).
		for i < len(text) && !isWordByte(text[i]) {
			i++
		}
		start := i
		for i < len(text) && isWordByte(text[i]) {
			i++
		}
		w := text[start:i]
		if len(w) == 0 {
			continue
		}
		if 'a' <= w[0] && w[0] <= 'z' {
			h := uint32(2166136261)
			for j := 0; j < len(w); j++ {
				h = (h ^ uint32(w[j])) * 16777619
			}
			h %= 1024
			if seen[h/64]&(1<<(h%64)) == 0 {
				seen[h/64] |= 1 << (h % 64)
				lower++
			}
		}
		if len(w) > len(buf) {
			continue
		}
		// Lowercase ASCII without allocating; the map lookup on string(buf[:n]) does not allocate.
		n := copy(buf[:], w)
		for j := 0; j < n; j++ {
			if c := buf[j]; 'A' <= c && c <= 'Z' {
				buf[j] = c + 'a' - 'A'
			}
		}
		// A word shared by several languages ("de" is French, Dutch, Spanish
		// and Portuguese) says nothing about which one this is.
		if mask := s.stopwords[string(buf[:n])]; mask != 0 && mask&(mask-1) == 0 {
			counts[bitIndex(mask)]++
		}
	}
	best, second := -1, 0
	for i := range s.stopLangs {
		if best < 0 || counts[i] > counts[best] {
			if best >= 0 {
				second = counts[best]
			}
			best = i
		} else if counts[i] > second {
			second = counts[i]
		}
	}
	if best < 0 || counts[best] < minHits || counts[best] < ratio*second {
		return ""
	}
	// In prose of the winning language its function words are many against
	// its distinct lower-case words; a few short words that another language
	// shares ("si", "sa" in Tagalog read as French) are few against its vocabulary.
	if counts[best]*minStopShare < lower {
		return ""
	}
	return s.stopLangs[best]
}

func isWordByte(c byte) bool {
	return c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func bitIndex(b uint32) int {
	n := 0
	for b > 1 {
		b >>= 1
		n++
	}
	return n
}
