// Package quotes finds direct quotations and who said them.
//
// A mark scanner (scan.go) pairs “…”, «…», "…", <<…>> and, at top level,
// ‘…’ and '…' within a paragraph; a quotation left open at the end of a
// paragraph continues when the next paragraph opens with a mark, and nested
// quotations stay inside the outer one. Stretches of fewer than four words
// (scare quotes), title-case strings and quoted titles or charge names are
// dropped.
//
// Attribution (attrib.go) first finds every speech event of the document:
// a speech verb or cue from the language's lexicon outside quotations, with
// its subject (before the verb, after it when inverted, or a French clitic
// "-t-il"), resolved to a named entity, an unnamed source, or, for pronouns
// and definite descriptions ("the academic", "le haut responsable"), to an
// earlier speaker. A quotation takes the event right after it in its
// sentence, else the one before it in its sentence, else inherits the last
// speaker of the preceding paragraphs, as news writing does.
//
// Split quotations. A quotation interrupted by its attribution ("…," he
// said, "…") is emitted as one Quote per quoted stretch, sharing the same
// speaker and verb: the contract prints Text[Span], and a span covering the
// attribution would put non-quoted words inside the quote text. Parts is
// used for quotations running over several paragraphs: Span then runs from
// the first part's first word to the last part's last word, and Parts holds
// each paragraph's stretch.
package quotes

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// MinWords is the fewest words a quotation must have; shorter quoted
// stretches are scare quotes or names.
const MinWords = 4

// Stage fills Document.Quotes. It is immutable and safe for concurrent use.
type Stage struct {
	byLang map[string]*rules
	union  *rules // for documents in a language without a lexicon
	pool   sync.Pool
}

// New compiles the quotes lexicon of every language in lex.
func New(lex *lexicon.Set) (*Stage, error) {
	if lex == nil {
		return nil, errors.New("quotes: nil lexicon set")
	}
	byLang, err := loadRules(lex)
	if err != nil {
		return nil, err
	}
	s := &Stage{byLang: byLang, union: mergeRules(byLang)}
	s.pool.New = func() any { return &work{} }
	return s, nil
}

// Name implements dossier.Stage.
func (s *Stage) Name() string { return "quotes" }

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer {
	return []dossier.Layer{dossier.LayerBoilerplate, dossier.LayerLang, dossier.LayerTokens, dossier.LayerMentions, dossier.LayerTimexes}
}

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerQuotes} }

// Process implements dossier.Stage.
func (s *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	doc.Quotes = doc.Quotes[:0]
	if len(doc.Text) == 0 {
		return nil
	}
	r := lexicon.ForLang(s.byLang, s.union, doc.ReadingLang())
	w := s.pool.Get().(*work)
	defer func() {
		w.reset()
		s.pool.Put(w)
	}()
	w.init(doc, r)
	w.regions = scan(doc.Text, w.skipLine, w.regions)
	if len(w.regions) == 0 {
		return nil
	}
	w.markQuoted()
	w.keepQuotes()
	if len(w.kept) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	w.findEvents()
	w.attribute()
	return nil
}

// mergeRules unions every language's lexicon, for documents whose language
// has none (better some attribution than none).
func mergeRules(byLang map[string]*rules) *rules {
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	u := &rules{words: map[string]uint32{}}
	for _, l := range langs {
		r := byLang[l]
		for w, c := range r.words {
			u.words[w] |= c
		}
		u.sourceCues.AddAll(&r.sourceCues)
		u.auxiliaries.AddAll(&r.auxiliaries)
		u.adverbs.AddAll(&r.adverbs)
		u.adverbSuf = append(u.adverbSuf, r.adverbSuf...)
		u.charges = append(u.charges, r.charges...)
	}
	return u
}
