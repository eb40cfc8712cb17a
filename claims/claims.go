// Package claims finds typed relations between entities (who leads, belongs
// to, is allied with, opposes, attacked whom; which group is based where) in
// the sentences that state them, with the words that carry the predicate,
// how firmly the text makes the claim and who makes it.
//
// Patterns are data: lexicon/data/<lang>/claims.yaml lists, per predicate,
// the entity types it links and token patterns around the two mentions
// ("X , the leader of Y", "Y 's leader X", "X a prêté allégeance à Y").
// Matching runs over the few tokens between and around mentions of one
// sentence, so its cost grows with the number of mentions, not of patterns.
package claims

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
)

// Confidence of a claim by modality, before the rule's weight. A reported
// claim is scaled by how well its source is identified.
const (
	ConfidenceAsserted = 0.9
	ConfidenceReported = 0.75
	ConfidenceHedged   = 0.5
	ConfidenceDenied   = 0.1

	sourceNamed   = 1.0  // "according to Marc Hecker", a quote by a named speaker
	sourceUnnamed = 0.9  // "according to a DGSI source"
	sourceNone    = 0.85 // "he said", "it is reported"
)

// placeholderPlace stands in the gap for a place name read as a word; no
// pattern word can equal it.
const placeholderPlace = "\x00place"

// maxReach is how many mentions apart the two ends of a pattern may be in a
// sentence. Patterns never match across a third name (wildcards do not
// absorb names), so beyond neighbours only an apposition hop can match;
// lists are followed separately.
const maxReach = 5

// Stage fills doc.Claims. It is safe for concurrent use.
type Stage struct {
	langs map[string]*langData
	kb    *kb.KB
	pool  sync.Pool
}

// Option configures a Stage.
type Option func(*Stage)

// WithKB lets place-in-place rules check containment against the knowledge
// base ("Toulouse, France" only when Toulouse is in France) and kind
// restrictions apply to linked entities.
func WithKB(k *kb.KB) Option { return func(s *Stage) { s.kb = k } }

// New compiles the claims lexicon of every language that has one.
func New(lex *lexicon.Set, opts ...Option) (*Stage, error) {
	if lex == nil {
		return nil, errors.New("claims: nil lexicon set")
	}
	s := &Stage{langs: map[string]*langData{}}
	for _, o := range opts {
		o(s)
	}
	for _, lang := range lex.Langs("claims") {
		d, err := loadLang(lex, lang)
		if err != nil {
			return nil, fmt.Errorf("claims: %w", err)
		}
		s.langs[lang] = d
	}
	if len(s.langs) == 0 {
		return nil, fmt.Errorf("claims: %w", lexicon.ErrNoLexicon)
	}
	s.pool.New = func() any { return &workspace{} }
	return s, nil
}

// Name implements dossier.Stage.
func (s *Stage) Name() string { return "claims" }

// Languages lists the languages with a claims lexicon.
func (s *Stage) Languages() []string {
	out := make([]string, 0, len(s.langs))
	for l := range s.langs {
		out = append(out, l)
	}
	return out
}

// workspace holds per-document scratch buffers, reused through a pool.
type workspace struct {
	// tokens are the document's tokens (Document.Tokens), which every scan
	// of its text reads.
	tokens   []dossier.Token
	low      []byte
	gap      []tok
	filtered []tok
	side     []tok
	sentence []tok
	sentCues cueSet
	sentLow  []byte
	sentDone bool // cues found
	// sentTokens: sentence and sentLow hold the current sentence's tokens.
	sentTokens bool
	// sm holds the current sentence's mentions, sorted and disjoint: copies
	// of the document's and the anaphors resolved to an entity.
	sm     []dossier.Mention
	recent []antecedent // entities named in the last sentences, for anaphors
	// attacks are the recent sentences that speak of an attack.
	attacks []attackSentence
	// city is the last city named, for the streets after it.
	city cityMention
	seen map[claimKey]int
}

type claimKey struct {
	subject, object int
	predicate       string
}

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer {
	return []dossier.Layer{dossier.LayerBoilerplate, dossier.LayerLang, dossier.LayerTokens, dossier.LayerMentions, dossier.LayerQuotes}
}

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerClaims} }

// Process implements dossier.Stage. Documents in a language without a claims
// lexicon get no claims: a guess in the wrong language would be noise.
func (s *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	doc.Claims = doc.Claims[:0]
	d := lexicon.ForLang(s.langs, nil, doc.ReadingLang())
	if d == nil || len(doc.Mentions) == 0 || len(doc.Sentences) == 0 {
		return nil
	}
	ws := s.pool.Get().(*workspace)
	defer s.pool.Put(ws)
	ws.tokens = doc.Tokens
	defer func() { ws.tokens = nil }()
	if ws.seen == nil {
		ws.seen = map[claimKey]int{}
	}
	clear(ws.seen)
	ws.recent = ws.recent[:0]
	ws.attacks = ws.attacks[:0]
	ws.city = cityMention{}

	text := doc.Text
	mi := 0
	for si, sent := range doc.Sentences {
		if si&63 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if sent.Start < 0 || sent.End > len(text) || sent.Start >= sent.End {
			continue
		}
		for mi < len(doc.Mentions) && doc.Mentions[mi].Start < sent.Start {
			mi++
		}
		ws.sm = ws.sm[:0]
		for j := mi; j < len(doc.Mentions) && doc.Mentions[j].Start < sent.End; j++ {
			m := &doc.Mentions[j]
			if m.End > sent.End || m.End <= m.Start || m.Entity < 0 || m.Entity >= len(doc.Entities) {
				continue
			}
			if len(ws.sm) > 0 && ws.sm[len(ws.sm)-1].End > m.Start {
				continue // nested or overlapping: keep the first, outer one
			}
			ws.sm = append(ws.sm, *m)
		}
		if doc.InBoilerplate(sent.Start) {
			continue
		}
		ws.sentDone, ws.sentTokens = false, false
		ws.low = ws.low[:0]
		s.resolveAnaphors(doc, d, ws, si, sent)
		s.attacks(doc, d, ws, si, sent)
		s.streets(doc, d, ws, si, sent)
		if len(ws.sm) < 2 {
			continue
		}
		first := len(doc.Claims)
		s.sentence(doc, d, ws, sent)
		s.kbClaims(doc, d, ws, sent)
		propagateAllegiance(doc, ws, first)
	}
	return nil
}

// sentence matches every pattern against the mention pairs of one sentence.
func (s *Stage) sentence(doc *dossier.Document, d *langData, ws *workspace, sent dossier.Span) {
	ms := ws.sm
	for a := 0; a < len(ms); a++ {
		ma := &ms[a]
		// A hop over an apposition needs a comma right after the first name;
		// checking it here saves scanning every farther gap.
		reach := 1
		if commaAfter(doc.Text, ma.End) {
			reach = maxReach
		} else if a+1 < len(ms) && ms[a+1].Entity == ma.Entity {
			reach = 2 // "University of X (UX) Y": its own acronym between
		}
		for b := a + 1; b < len(ms) && b <= a+reach; b++ {
			mb := &ms[b]
			if ma.Entity == mb.Entity {
				continue
			}
			s.pair(doc, d, ws, sent, a, b)
		}
	}
}

// pair tries the patterns on mentions ms[a] (first in the text) and ms[b].
func (s *Stage) pair(doc *dossier.Document, d *langData, ws *workspace, sent dossier.Span, a, b int) {
	text := doc.Text
	ms := ws.sm
	ma, mb := &ms[a], &ms[b]
	lowMark := len(ws.low)
	defer func() { ws.low = ws.low[:lowMark] }()

	// The gap, with mentions between the ends as single name tokens.
	ws.gap = ws.gap[:0]
	pos := ma.End
	named := 0 // intervening names patterns cannot read through
	for k := a + 1; k < b; k++ {
		m := &ms[k]
		ws.gap, ws.low = ws.scan(text, pos, m.Start, ws.gap, ws.low)
		if n := len(ws.gap); m.Entity == ma.Entity && n == 1 && eqLow(ws.low, ws.gap[0], "(") {
			if e := closeParenAfter(text, m.End); e > 0 {
				// "the Free University of Brussels (VUB) Y": X's own acronym
				// in brackets right after it is part of X.
				ws.gap = ws.gap[:0]
				pos = e
				continue
			}
		}
		if n := len(ws.gap); entityType(doc, m) == dossier.TypeLOC && (n > 0 && ws.gap[n-1].kind == tkWord && d.locatives[lowOf(ws.low, ws.gap[n-1])] || hyphenModifier(text, m.End)) {
			// "a spokesman in Doha for Y", "head of the Paris-based Y": a place
			// after a locative preposition or in a hyphenated modifier
			// modifies the phrase; wildcards read it as a word.
			ls := len(ws.low)
			ws.low = append(ws.low, placeholderPlace...)
			ws.gap = append(ws.gap, tok{start: m.Start, end: m.End, lowStart: int32(ls), lowEnd: int32(len(ws.low)), kind: tkWord, mention: -1})
		} else {
			ws.gap = append(ws.gap, tok{start: m.Start, end: m.End, kind: tkName, mention: int32(k)})
			named++
		}
		pos = m.End
	}
	ws.gap, ws.low = ws.scan(text, pos, mb.Start, ws.gap, ws.low)
	if insideParen(text, ma.Start) {
		// "Tehreek-e-Taliban (TTP) claimed…", "(FLV ou Vessa en arabe), lié
		// à…": the bracket closes around X and a remark on its name.
		if k := closingParen(ws.gap, ws.low); k >= 0 {
			ws.gap = ws.gap[k+1:]
		}
	}
	hopped := false
	if named > 0 {
		// Beyond the next mention, only "X, <apposition with names>, verb Y":
		// the pattern sees what follows the apposition's closing comma.
		rest, ok := appositionTail(d, ws.gap, ws.low)
		if !ok {
			return
		}
		ws.gap, hopped = rest, true
	}
	var negated bool
	ws.filtered, negated = filterGap(d, ws.gap, ws.low, ws.filtered[:0])
	gap := ws.filtered

	var cands []*pattern
	if len(gap) > 0 && gap[0].kind != tkName {
		cands = d.byFirst[lowOf(ws.low, gap[0])]
	}
	var best *pattern
	var bestLen int
	var bestTrigger dossier.Span
	try := func(p *pattern) {
		x, y := ma, mb
		if !p.xFirst {
			x, y = mb, ma
		}
		if hopped && (!p.xFirst || len(p.prefix) > 0) {
			return // the hop skips the subject's apposition, nothing else
		}
		if !s.typesFit(doc, p.rule, x, y) {
			return
		}
		if !matchAll(p.middle, gap, ws.low) {
			return
		}
		n := len(gap)
		trig := dossier.Span{}
		if p.trigger && len(gap) > 0 {
			trig = dossier.Span{Start: gap[0].start, End: gap[len(gap)-1].end}
		}
		if len(p.prefix) > 0 {
			start := sent.Start
			if a > 0 {
				start = max(start, ms[a-1].End)
			}
			side := ws.side[:0]
			side, ws.low = ws.scan(text, start, ma.Start, side, ws.low)
			side, _ = filterGap(d, side, ws.low, side[:0])
			ws.side = side
			k := matchTail(p.prefix, side, ws.low)
			if k < 0 {
				return
			}
			n += len(side) - k
			if !p.trigger && k < len(side) {
				trig = dossier.Span{Start: side[k].start, End: side[len(side)-1].end}
			}
		}
		if len(p.suffix) > 0 {
			end := sent.End
			if b+1 < len(ms) {
				end = min(end, ms[b+1].Start)
			}
			side := ws.side[:0]
			side, ws.low = ws.scan(text, mb.End, end, side, ws.low)
			side, _ = filterGap(d, side, ws.low, side[:0])
			ws.side = side
			e := matchHead(p.suffix, side, ws.low)
			if e < 0 {
				return
			}
			n += e
			if !p.trigger && e > 0 && trig.End == 0 {
				trig = dossier.Span{Start: side[0].start, End: side[e-1].end}
			}
		}
		if len(p.rule.unless) > 0 && s.clauseBeforeHas(doc, ws, sent, x.Start, p.rule.unless) {
			return
		}
		if p.rule.geo != "" && !s.geoFits(doc, p.rule.geo, x, y) {
			return
		}
		if best == nil || n > bestLen {
			best, bestLen, bestTrigger = p, n, trig
		}
	}
	for _, p := range cands {
		try(p)
	}
	for _, p := range d.anyFirst {
		try(p)
	}
	if best == nil {
		return
	}
	if best.xFirst && len(best.suffix) == 0 && possessiveAfter(text, mb.End) {
		// "branches of the Islamic State's Central African Province": the
		// object is what Y possesses, not Y; when that is a name ("allegiance
		// to the Taliban's mullah Haibatullah"), the claim goes to it.
		if b+1 < len(ms) && s.possessedName(ws, text, mb.End, ms[b+1].Start) && s.typesFit(doc, best.rule, ma, &ms[b+1]) {
			s.emit(doc, d, ws, sent, best, ma, &ms[b+1], bestTrigger, negated)
		}
		return
	}
	x, y := ma, mb
	if !best.xFirst {
		x, y = mb, ma
	}
	s.emit(doc, d, ws, sent, best, x, y, bestTrigger, negated)
	if best.xFirst && len(best.prefix) == 0 && !hopped {
		// "between Varnak and Ostral, in central Mali", "Boko Haram and
		// Ansaru operate in Nigeria": a listed subject shares the claim.
		for k := a; k > 0; k-- {
			prev, next := &ms[k-1], &ms[k]
			if entityType(doc, prev) != entityType(doc, x) || !s.onlyConjunctions(d, ws, text, prev.End, next.Start) ||
				!s.typesFit(doc, best.rule, prev, y) || (best.rule.geo != "" && !s.geoFits(doc, best.rule.geo, prev, y)) {
				break
			}
			s.emit(doc, d, ws, sent, best, prev, y, bestTrigger, negated)
		}
	}
	if best.xFirst && (entityType(doc, x) != entityType(doc, y) || entityType(doc, y) != dossier.TypeLOC) {
		// "based in Turkey, Lebanon and Jordan", "links with Boko Haram in
		// Nigeria and Al-Shabaab in Somalia": the object's list shares the
		// claim. Not between places: in "A in B and C in D", C is a subject.
		for k := b + 1; k < len(ms); k++ {
			prev, next := &ms[k-1], &ms[k]
			if entityType(doc, next) == dossier.TypeLOC && entityType(doc, y) != dossier.TypeLOC && s.placeJoined(doc, d, ws, prev, next) {
				continue // "groups Boko Haram in Nigeria and Al-Shabaab in Somalia": where the last one is
			}
			if entityType(doc, next) != entityType(doc, y) || !s.onlyConjunctions(d, ws, text, prev.End, next.Start) {
				break
			}
			if s.kb != nil && entityType(doc, next) == dossier.TypeLOC {
				if ep, en := s.kbEntry(doc, prev), s.kbEntry(doc, next); ep != nil && en != nil && s.contains(en, ep) {
					break // "Chibok, Nigeria": the country qualifies the town, it is no second object
				}
			}
			if !s.typesFit(doc, best.rule, x, next) || (best.rule.geo != "" && !s.geoFits(doc, best.rule.geo, x, next)) {
				continue
			}
			s.emit(doc, d, ws, sent, best, x, next, bestTrigger, negated)
		}
	}
}

// possessedName reports whether text[from:to] is a possessive "'s" and at
// most two lowercase words (a title: "'s mullah", "'s deputy leader").
func (s *Stage) possessedName(ws *workspace, text string, from, to int) bool {
	mark := len(ws.low)
	defer func() { ws.low = ws.low[:mark] }()
	side := ws.side[:0]
	side, ws.low = ws.scan(text, from, to, side, ws.low)
	ws.side = side
	if len(side) < 2 || len(side) > 4 || !eqLow(ws.low, side[0], "'") || !eqLow(ws.low, side[1], "s") {
		return false
	}
	for _, t := range side[2:] {
		if t.kind != tkWord || text[t.start] < 'a' || text[t.start] > 'z' {
			return false
		}
	}
	return true
}

// onlyConjunctions reports whether text[from:to] holds nothing but list
// separators and determiners, and at least one separator.
func (s *Stage) onlyConjunctions(d *langData, ws *workspace, text string, from, to int) bool {
	mark := len(ws.low)
	defer func() { ws.low = ws.low[:mark] }()
	side := ws.side[:0]
	side, ws.low = ws.scan(text, from, to, side, ws.low)
	ws.side = side
	seps := 0
	for i := 0; i < len(side); {
		if n := matchAt(d.conjunctions, side, i, ws.low); n > 0 {
			seps++
			i += n
			continue
		}
		if d.determiners[lowOf(ws.low, side[i])] {
			i++
			continue
		}
		return false
	}
	return seps > 0
}

func entityType(doc *dossier.Document, m *dossier.Mention) string {
	if m.Entity >= 0 && m.Entity < len(doc.Entities) && doc.Entities[m.Entity].Type != "" {
		return doc.Entities[m.Entity].Type
	}
	return m.Type
}

// typesFit checks the rule's type and KB-kind constraints on subject x and object y.
func (s *Stage) typesFit(doc *dossier.Document, r *rule, x, y *dossier.Mention) bool {
	if !r.subject[entityType(doc, x)] || !r.object[entityType(doc, y)] {
		return false
	}
	if s.kb == nil {
		return !r.known
	}
	if r.subjectKinds != nil {
		if e := s.kbEntry(doc, x); e != nil && !r.subjectKinds[string(e.Kind)] || e == nil && r.known {
			return false
		}
	}
	if r.objectKinds != nil {
		if e := s.kbEntry(doc, y); e != nil && !r.objectKinds[string(e.Kind)] || e == nil && r.known {
			return false
		}
	}
	return true
}

func (s *Stage) kbEntry(doc *dossier.Document, m *dossier.Mention) *kb.Entry {
	if s.kb == nil || m.Entity < 0 || m.Entity >= len(doc.Entities) || doc.Entities[m.Entity].KB == "" {
		return nil
	}
	return s.kb.Entry(doc.Entities[m.Entity].KB)
}

// geoFits applies a place-in-place rule's knowledge-base check.
func (s *Stage) geoFits(doc *dossier.Document, mode string, x, y *dossier.Mention) bool {
	ex, ey := s.kbEntry(doc, x), s.kbEntry(doc, y)
	if mode == "contained" {
		return ex != nil && ey != nil && s.contains(ey, ex)
	}
	// plausible: only a contradiction blocks.
	if ex == nil || ey == nil {
		return true
	}
	if s.contains(ey, ex) {
		return true
	}
	if ex.Kind == kb.KindCountry && ey.Kind != kb.KindRegion {
		return false // a country is not in a city or in another country
	}
	if ex.Country != "" && ey.Country != "" && ex.Country != ey.Country {
		return false
	}
	if s.contains(ex, ey) {
		return false // inverted: "France in Paris"
	}
	return true
}

// contains reports whether the KB places inner inside outer.
func (s *Stage) contains(outer, inner *kb.Entry) bool {
	if outer.ID == inner.ID {
		return false
	}
	if outer.Kind == kb.KindCountry && inner.Kind != kb.KindCountry && inner.Country != "" && inner.Country == outer.Country {
		return true
	}
	for _, a := range s.kb.Ancestors(inner.ID) {
		if a.ID == outer.ID {
			return true
		}
	}
	return false
}

// emit records a claim unless the document already has a surer one for the
// same (subject, predicate, object).
func (s *Stage) emit(doc *dossier.Document, d *langData, ws *workspace, sent dossier.Span, p *pattern, x, y *dossier.Mention, trigger dossier.Span, negated bool) {
	if x.Entity == y.Entity {
		return
	}
	c := dossier.Claim{Subject: x.Entity, Predicate: p.rule.predicate, Object: y.Entity, Evidence: sent}
	if trigger.End > trigger.Start {
		t := trigger
		c.Trigger = &t
	}
	lo, hi := min(x.Start, y.Start), max(x.End, y.End)
	c.Modality, c.Attribution = s.modality(doc, d, ws, sent, dossier.Span{Start: lo, End: hi}, c.Trigger, negated)
	c.Confidence = confidence(c.Modality, c.Attribution) * p.rule.weight
	if x.Source == sourceAnaphor || y.Source == sourceAnaphor {
		c.Confidence *= anaphorWeight
	}
	add(doc, ws, c)
	if p.rule.symmetric {
		c.Subject, c.Object = c.Object, c.Subject
		add(doc, ws, c)
	}
}

// add appends c unless the document already has a claim with the same
// (subject, predicate, object); the more confident one is kept.
func add(doc *dossier.Document, ws *workspace, c dossier.Claim) {
	key := claimKey{c.Subject, c.Object, c.Predicate}
	if i, ok := ws.seen[key]; ok {
		if doc.Claims[i].Confidence < c.Confidence {
			doc.Claims[i] = c
		}
		return
	}
	ws.seen[key] = len(doc.Claims)
	doc.Claims = append(doc.Claims, c)
}

// confidence is the documented table: asserted 0.9; reported 0.75 × 1.0
// (named source), 0.9 (unnamed source) or 0.85 (no identified source);
// hedged 0.5; denied 0.1.
func confidence(modality string, src *dossier.Speaker) float64 {
	switch modality {
	case dossier.ModalityAsserted:
		return ConfidenceAsserted
	case dossier.ModalityReported:
		switch {
		case src == nil:
			return ConfidenceReported * sourceNone
		case src.Entity >= 0:
			return ConfidenceReported * sourceNamed
		default:
			return ConfidenceReported * sourceUnnamed
		}
	case dossier.ModalityHedged:
		return ConfidenceHedged
	default:
		return ConfidenceDenied
	}
}

// insideParen reports whether pos follows an opening bracket on its line
// that no bracket has closed yet, within a short remark: "(FLV ou Vessa".
func insideParen(text string, pos int) bool {
	for i, n := min(pos, len(text))-1, 0; i >= 0 && n < 80; i, n = i-1, n+1 {
		switch text[i] {
		case '(', '[':
			return true
		case ')', ']', '\n', '.', ';':
			return false
		}
	}
	return false
}

// hyphenModifier reports a hyphen and a lower-case word right at pos: the
// name before it is part of a compound modifier ("Paris-based", "Kabul-led").
func hyphenModifier(text string, pos int) bool {
	if pos < 0 || pos+1 >= len(text) || text[pos] != '-' {
		return false
	}
	return text[pos+1] >= 'a' && text[pos+1] <= 'z'
}

// closeParenAfter returns the offset just past a ")" that follows pos,
// spaces aside, or -1.
func closeParenAfter(text string, pos int) int {
	for i := max(pos, 0); i < len(text); i++ {
		switch text[i] {
		case ' ', '\t':
			continue
		case ')', ']':
			return i + 1
		}
		return -1
	}
	return -1
}

// closingParen returns the index of the ")" among the first few words of
// gap, with no name before it, or -1.
func closingParen(gap []tok, low []byte) int {
	for k := 0; k < len(gap) && k <= 4; k++ {
		switch {
		case gap[k].kind == tkName:
			return -1
		case eqLow(low, gap[k], ")"):
			return k
		case gap[k].kind == tkPunct:
			return -1
		}
	}
	return -1
}

// appositionTail checks that gap reads ", <opener> … ," (an apposition or
// relative clause that contains the intervening names) and returns what
// follows its last comma, which must not be empty.
func appositionTail(d *langData, gap []tok, low []byte) ([]tok, bool) {
	if len(gap) < 4 || !eqLow(low, gap[0], ",") || gap[1].kind != tkWord || !d.openers[lowOf(low, gap[1])] {
		return nil, false
	}
	last := -1
	for i := 2; i < len(gap); i++ {
		if gap[i].kind == tkPunct {
			switch lowOf(low, gap[i]) {
			case ",":
				last = i
			case ".", ";", ":", "!", "?", "(", ")", "«", "»", "\"", "“", "”":
				return nil, false
			}
		}
	}
	if last < 0 || last == len(gap)-1 {
		return nil, false
	}
	for _, t := range gap[last+1:] {
		if t.kind == tkName {
			return nil, false
		}
	}
	return gap[last+1:], true
}

// commaAfter reports whether the first non-space byte at or after pos is a comma.
func commaAfter(text string, pos int) bool {
	for i := max(pos, 0); i < len(text); i++ {
		switch text[i] {
		case ' ', '\t':
			continue
		case ',':
			return true
		}
		return false
	}
	return false
}

// possessiveAfter reports whether the text at pos is a possessive "'s".
func possessiveAfter(text string, pos int) bool {
	if pos < 0 || pos >= len(text) {
		return false
	}
	rest := text[pos:]
	for _, ap := range [...]string{"'s", "’s"} {
		if len(rest) >= len(ap) && rest[:len(ap)] == ap && (len(rest) == len(ap) || !isASCIILetter(rest[len(ap)])) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// inferredWeight scales a claim inferred from two claims of one sentence.
const inferredWeight = 0.8

// propagateAllegiance extends the allegiances of the sentence's claims
// (those from index first) over leadership and membership: allegiance to a
// group's leader is allegiance to the group ("sworn allegiance to the
// Taliban's mullah Haibatullah"), and a leader's allegiance binds the group
// he leads ("Al Qaeda, whose leader al-Zawahiri has sworn allegiance to…").
func propagateAllegiance(doc *dossier.Document, ws *workspace, first int) {
	// Two rounds: the group of a leader who is allied with another leader
	// ("Al Qaeda" → "Haibatullah" → "Taliban").
	for range 2 {
		if !propagateOnce(doc, ws, first) {
			return
		}
	}
}

// propagateOnce adds the claims one step of inference gives and reports
// whether it added any.
func propagateOnce(doc *dossier.Document, ws *workspace, first int) bool {
	n := len(doc.Claims)
	for i := first; i < n; i++ {
		ally := doc.Claims[i]
		if ally.Predicate != dossier.PredAlliedWith || ally.Modality == dossier.ModalityDenied {
			continue
		}
		for j := first; j < n; j++ {
			link := doc.Claims[j]
			if link.Modality == dossier.ModalityDenied {
				continue
			}
			c := ally
			c.Confidence = min(ally.Confidence, link.Confidence) * inferredWeight
			switch {
			case (link.Predicate == dossier.PredLeads || link.Predicate == dossier.PredMemberOf) && link.Subject == ally.Object && link.Object != ally.Subject:
				c.Object = link.Object // X → leader P of O: X → O
			case link.Predicate == dossier.PredLeads && link.Subject == ally.Subject && link.Object != ally.Object:
				c.Subject = link.Object // leader L of O → Z: O → Z
			default:
				continue
			}
			add(doc, ws, c)
		}
	}
	return len(doc.Claims) > n
}
