// Package mentions finds the names of people, organisations and places in a
// document and groups them into in-document entities.
//
// Three sources feed it, in order of trust: the knowledge base (every name and
// alias, matched as folded token sequences so that "les talibans" or
// "Direction générale de la sécurité intérieure" are found), a proper-name
// chunker (runs of capitalised tokens joined by particles and connectors from
// the lexicon), and typing cues (head nouns, titles, given names, context
// words). Aliases inside one document (surnames, acronym definitions, "also
// known as") are then grouped, see coref.go.
package mentions

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
)

// Sources of a mention (dossier.Mention.Source).
const (
	SourceKB      = "kb"
	SourcePattern = "pattern"
)

// Stage finds mentions and fills Document.Mentions and Document.Entities.
// It is immutable once built and safe for concurrent use.
type Stage struct {
	kb     *kb.KB
	byLang map[string]*langRules
	union  *langRules
	gaz    *gazetteer
	pool   sync.Pool // *workspace
}

// New compiles the lexicons of every language and indexes the KB's names.
func New(lex *lexicon.Set, k *kb.KB) (*Stage, error) {
	if lex == nil || k == nil {
		return nil, errors.New("mentions: nil lexicon or knowledge base")
	}
	byLang, union, err := loadRules(lex)
	if err != nil {
		return nil, err
	}
	articles := map[string]bool{}
	for w, c := range union.words {
		if c&wArticle != 0 {
			articles[w] = true
		}
	}
	s := &Stage{kb: k, byLang: byLang, union: union, gaz: newGazetteer(k, articles)}
	s.pool.New = func() any { return &workspace{} }
	return s, nil
}

// Name implements dossier.Stage.
func (s *Stage) Name() string { return "mentions" }

func (s *Stage) rulesFor(lang string) *langRules {
	if r, ok := s.byLang[strings.ToLower(lang)]; ok {
		return r
	}
	return s.union
}

// tok is what the stage knows about one token of the document.
type tok struct {
	start, end int
	// fold indexes workspace.folded: the token's matching form.
	foldStart, foldEnd int32
	class              wordClass
	shape              shape
	word               bool // a word or number token, not punctuation
	number             bool
	name               bool // looks like part of a name: capitalised, or "al-Zawahiri"
	sentStart          bool // first word of its sentence
	titleLine          bool // inside a Title Case line (headline)
	skip               bool // inside boilerplate
	sent               int32
}

// workspace holds per-document buffers, reused through a pool.
type workspace struct {
	toks   []tok
	folded []byte
	key    []byte
	kbEnd  []int32 // kbEnd[i]: end token (exclusive) of the KB match starting at i, or 0
	kbCand []int32 // candidate index into the phrase's list
	kbInfo []*phraseInfo
	cands  []cand
}

// cand is a mention candidate over tokens [from, to).
type cand struct {
	from, to int
	typ      string
	strength int // how sure the type is; see the ev* constants
	entry    *kb.Entry
	source   string
	drop     bool
	weak     bool // entry came from a weak alias: see dropUnsupportedWeak
}

// Evidence strengths for types: higher wins for all mentions of one name.
const (
	evDefault = iota + 1
	evContext
	evVerb
	evGiven
	evTitle
	evHead
	evKB
)

func (ws *workspace) foldOf(t *tok) []byte { return ws.folded[t.foldStart:t.foldEnd] }

// Process implements dossier.Stage.
func (s *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	ws := s.pool.Get().(*workspace)
	defer s.pool.Put(ws)
	r := s.rulesFor(doc.Lang)
	s.analyse(doc, r, ws)
	s.matchKB(ws, r, doc.Text)
	s.chunk(ws, r, doc.Text)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	s.filterAndType(ws, r, doc.Text)
	doc.Mentions = doc.Mentions[:0]
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.drop {
			continue
		}
		doc.Mentions = append(doc.Mentions, dossier.Mention{
			Span:   dossier.Span{Start: ws.toks[c.from].start, End: ws.toks[c.to-1].end},
			Type:   c.typ,
			Entity: -1,
			Source: c.source,
		})
	}
	s.group(doc, ws, r)
	return nil
}

// analyse fills ws.toks from doc.Tokens.
func (s *Stage) analyse(doc *dossier.Document, r *langRules, ws *workspace) {
	text := doc.Text
	ws.toks = ws.toks[:0]
	ws.folded = ws.folded[:0]
	sent := 0
	lastSent := -1
	for _, t := range doc.Tokens {
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
			continue // defensive: a malformed token is ignored
		}
		for sent < len(doc.Sentences) && doc.Sentences[sent].End <= t.Start {
			sent++
		}
		w := text[t.Start:t.End]
		x := tok{start: t.Start, end: t.End, sent: int32(sent)}
		x.word = t.Kind == dossier.TokWord || t.Kind == dossier.TokNumber
		x.number = t.Kind == dossier.TokNumber
		x.skip = doc.InBoilerplate(t.Start) || t.Start > 0 && (text[t.Start-1] == '#' || text[t.Start-1] == '@')
		x.foldStart = int32(len(ws.folded))
		if x.word {
			ws.folded = appendFold(ws.folded, w)
		}
		x.foldEnd = int32(len(ws.folded))
		if x.word && !x.number {
			x.shape = wordShape(w)
			x.class = r.class(ws.folded[x.foldStart:x.foldEnd])
			x.name = (x.shape != shapeLower || particleName(w, r)) && !s.adjectival(w, r)
			if sent != lastSent {
				x.sentStart = true
				lastSent = sent
			}
		}
		if x.number && sent != lastSent {
			lastSent = sent
		}
		ws.toks = append(ws.toks, x)
	}
	markTitleLines(ws, text)
}

// particleName reports a lower-case particle attached by a hyphen to a
// capitalised word ("al-Zawahiri", "el-Sisi", "bin-Laden").
func particleName(w string, r *langRules) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i+1 >= len(w) {
		return false
	}
	if r.words[fold(w[:i])]&wParticle == 0 {
		return false
	}
	return wordShape(w[i+1:]) != shapeLower
}

// adjectival reports a hyphenated word that works as an adjective:
// "Islamic State-held", "Senegalese-born", "Franco-Belgian", "AQIM-type".
func (s *Stage) adjectival(w string, r *langRules) bool {
	i := strings.LastIndexAny(w, "-‐‑")
	if i <= 0 || i+1 >= len(w) {
		return false
	}
	// the hyphen may be multi-byte; find the start of the last part
	last := w[i:]
	for len(last) > 0 && (last[0] == '-' || last[0] >= 0x80 && firstRune(last) != utf8.RuneError && isHyphen(firstRune(last))) {
		_, n := utf8.DecodeRuneInString(last)
		last = last[n:]
	}
	if last == "" {
		return false
	}
	if wordShape(last) == shapeLower {
		return r.words[fold(w[:strings.IndexAny(w, "-‐‑")])]&wParticle == 0 || strings.Count(w, "-") > 1
	}
	_, ok := s.kb.Demonym(last)
	return ok
}

// markTitleLines flags the tokens of sentences written in Title Case
// (headlines), where capitals say nothing about names.
func markTitleLines(ws *workspace, text string) {
	toks := ws.toks
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].sent == toks[i].sent {
			j++
		}
		content, capital := 0, 0
		for k := i; k < j; k++ {
			t := &toks[k]
			if !t.word || t.number || t.class&(wFunction|wConnector) != 0 && t.shape == shapeLower {
				continue
			}
			content++
			if t.shape != shapeLower {
				capital++
			}
		}
		if content >= 3 && capital*4 >= content*3 && !endsWithStop(ws, text, i, j) {
			for k := i; k < j; k++ {
				toks[k].titleLine = true
			}
		}
		i = j
	}
}

// endsWithStop reports whether the sentence toks[i:j] ends with a full stop.
func endsWithStop(ws *workspace, text string, i, j int) bool {
	if j <= i {
		return false
	}
	last := ws.toks[j-1]
	return !last.word && text[last.start:last.end] == "."
}
