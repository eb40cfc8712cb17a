package claims

import (
	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// Attack events. Reporting on an attack names where it struck and who
// carried it out, often in different clauses or sentences: "Blasts tore
// through a church in Colombo. The Islamic State claimed the attacks." A
// sentence with an attack word yields its struck places (a place after
// "in", "at", "on", "against", "à", "contre"…) and its perpetrators (an
// armed group or a person followed by "claimed", "carried out", "'s role
// in", or after "carried out by", "blamed", "revendiqué par"); both in one
// sentence make an attacked claim, and perpetrators named without a place
// take the places of the attack sentences just before theirs.

// attackReach is how many sentences back a perpetrator's sentence takes the
// places of an attack it refers to ("claimed the attacks").
const attackReach = 2

// Weights of attack-event claims: the words say who did it and where, but
// the link between the two is looser than a verb pattern's.
const (
	attackSentenceWeight = 0.8
	attackFollowWeight   = 0.7
)

var (
	attackRule       = &rule{predicate: dossier.PredAttacked, weight: attackSentenceWeight}
	attackFollowRule = &rule{predicate: dossier.PredAttacked, weight: attackFollowWeight}
)

// attackData is the compiled attacks section of a language's lexicon.
type attackData struct {
	words      map[string]bool  // attack nouns and verbs
	preps      map[string]bool  // before a struck place
	fillers    map[string]bool  // may stand between the preposition and the place
	perpAfter  *lexicon.Phrases // after the perpetrator: "claimed", "carried out"
	perpBefore *lexicon.Phrases // before the perpetrator: "carried out by", "blamed"
}

func (a *attackData) empty() bool {
	return len(a.words) == 0 || len(a.preps) == 0 || a.perpAfter.Len()+a.perpBefore.Len() == 0
}

// attackSentence is what one sentence says of an attack.
type attackSentence struct {
	si      int
	span    dossier.Span
	targets []dossier.Mention
	perps   []perpetrator
}

// perpetrator is a mention named as the author of an attack, with its cue.
type perpetrator struct {
	m       dossier.Mention
	cue     dossier.Span
	negated bool
}

// maxPerpGap is how many tokens may stand between a perpetrator and its cue
// ("ISKP has since claimed", "carried out by Tajik members of ISKP").
const maxPerpGap = 4

// attackWindow is how many tokens from an attack word (or from the place
// struck before it in a list) a struck place may stand.
const attackWindow = 25

// maxPlaceGap is how many filler tokens may stand between a preposition and
// the struck place ("in the northern town of Palma").
const maxPlaceGap = 5

// attacks reads sentence si for an attack and emits attacked claims from
// it, linking back to the attack sentences before it when it names only
// who did it.
func (s *Stage) attacks(doc *dossier.Document, d *langData, ws *workspace, si int, sent dossier.Span) {
	a := &d.attacks
	if a.empty() {
		return
	}
	// Forget attack sentences out of reach.
	keep := ws.attacks[:0]
	for _, as := range ws.attacks {
		if as.si >= si-attackReach {
			keep = append(keep, as)
		}
	}
	ws.attacks = keep
	if len(ws.sm) == 0 {
		return
	}
	tokenizeSentence(doc, ws, sent)
	toks, low := ws.sentence, ws.sentLow
	attack := false
	for _, t := range toks {
		if t.kind == tkWord && a.words[lowOf(low, t)] {
			attack = true
			break
		}
	}
	if !attack {
		return
	}
	cur := attackSentence{si: si, span: sent}
	// near reports whether token i stands within attackWindow tokens of an
	// attack word or of the last struck place (a list of targets).
	near := func(i int) bool {
		for j := max(0, i-attackWindow); j < len(toks) && j <= i+attackWindow; j++ {
			if toks[j].kind == tkWord && a.words[lowOf(low, toks[j])] {
				return true
			}
		}
		if k := len(cur.targets) - 1; k >= 0 {
			for j := max(0, i-attackWindow); j < i; j++ {
				if toks[j].start >= cur.targets[k].Start && toks[j].end <= cur.targets[k].End {
					return true
				}
			}
		}
		return false
	}
	// Token index of each mention's first token.
	first := func(m *dossier.Mention) int {
		for i, t := range toks {
			if t.start >= m.Start {
				return i
			}
		}
		return len(toks)
	}
	last := func(m *dossier.Mention) int {
		for i := len(toks) - 1; i >= 0; i-- {
			if toks[i].end <= m.End {
				return i
			}
		}
		return -1
	}
	for mi := range ws.sm {
		m := &ws.sm[mi]
		typ := entityType(doc, m)
		switch {
		case typ == dossier.TypeLOC:
			if s.struckPlace(d, a, toks, low, first(m), &cur, near) {
				cur.targets = append(cur.targets, *m)
			}
		case typ == dossier.TypePER || s.isGroup(doc, m.Entity):
			if p, ok := s.perpetratorCue(doc, d, ws, a, toks, low, first(m), last(m)); ok {
				p.m = *m
				cur.perps = append(cur.perps, p)
			}
		}
	}
	cur.targets = s.mostSpecific(doc, cur.targets)
	switch {
	case len(cur.perps) > 0 && len(cur.targets) > 0:
		for _, p := range cur.perps {
			for ti := range cur.targets {
				s.emit(doc, d, ws, sent, &pattern{rule: attackRule, xFirst: p.m.Start < cur.targets[ti].Start}, &p.m, &cur.targets[ti], p.cue, p.negated)
			}
		}
	case len(cur.targets) > 0:
		// "The group claimed a series of attacks. Eleven troops were killed
		// in the Kotal district": the places follow who claimed them.
		for _, prev := range ws.attacks {
			if len(prev.perps) == 0 || prev.si < si-attackReach {
				continue
			}
			ev := dossier.Span{Start: prev.span.Start, End: sent.End}
			for _, p := range prev.perps {
				for ti := range cur.targets {
					s.emit(doc, d, ws, ev, &pattern{rule: attackFollowRule}, &p.m, &cur.targets[ti], p.cue, p.negated)
				}
			}
		}
	}
	if len(cur.perps) > 0 && len(cur.targets) == 0 {
		// "The group claimed the attacks": the places are in the sentences before.
		for _, prev := range ws.attacks {
			if len(prev.perps) > 0 || len(prev.targets) == 0 {
				continue
			}
			ev := dossier.Span{Start: prev.span.Start, End: sent.End}
			for _, p := range cur.perps {
				for ti := range prev.targets {
					s.emit(doc, d, ws, ev, &pattern{rule: attackFollowRule}, &p.m, &prev.targets[ti], p.cue, p.negated)
				}
			}
		}
	}
	ws.attacks = append(ws.attacks, cur)
}

// mostSpecific drops the struck places that contain another one of the same
// attack: "the bombing in Peshawar, the capital of Khyber Pakhtunkhwa, on
// Pakistan's border" struck Peshawar; the province and the country say
// where Peshawar is.
func (s *Stage) mostSpecific(doc *dossier.Document, targets []dossier.Mention) []dossier.Mention {
	if len(targets) < 2 || s.kb == nil {
		return targets
	}
	keep := targets[:0:0]
	for i := range targets {
		outer := s.kbEntry(doc, &targets[i])
		inside := false
		for j := range targets {
			if j == i || outer == nil {
				continue
			}
			if inner := s.kbEntry(doc, &targets[j]); inner != nil && s.contains(outer, inner) {
				inside = true
				break
			}
		}
		if !inside {
			keep = append(keep, targets[i])
		}
	}
	return keep
}

// struckPlace reports whether the place whose first token is i follows an
// attack preposition, through fillers ("in the northern town of") or a list
// of places already struck ("in Iran and Russia").
func (s *Stage) struckPlace(d *langData, a *attackData, toks []tok, low []byte, i int, cur *attackSentence, near func(int) bool) bool {
	inLast := func(j int) bool {
		k := len(cur.targets) - 1
		return j >= 0 && k >= 0 && toks[j].start < cur.targets[k].End && toks[j].end > cur.targets[k].Start
	}
	if i >= 1 && conjunctionAt(d, toks, low, i-1) && inLast(i-2) {
		return true // "in Iran and Russia", "Colombo, Negombo": the list goes on
	}
	if !near(i) {
		return false // too far from the attack's words to be where it struck
	}
	for j, n := i-1, 0; j >= 0 && n <= maxPlaceGap; j, n = j-1, n+1 {
		w := lowOf(low, toks[j])
		switch {
		case a.preps[w]:
			return true
		case a.fillers[w]:
		default:
			return false
		}
	}
	return false
}

// perpetratorCue finds the cue naming the mention spanning tokens
// [first, last] as an attack's author: a phrase after it ("claimed",
// "'s role in") or before it ("carried out by", "blamed").
func (s *Stage) perpetratorCue(doc *dossier.Document, d *langData, ws *workspace, a *attackData, toks []tok, low []byte, first, last int) (perpetrator, bool) {
	if first >= len(toks) || last < first || mentionIndex(ws.sm, toks[first].start) < 0 {
		return perpetrator{}, false
	}
	self := ws.sm[mentionIndex(ws.sm, toks[first].start)].Entity
	// other reports a token that belongs to another name or ends the clause;
	// the entity's own names and brackets around an acronym are transparent
	// ("Tehreek-e-Taliban Pakistan (TTP) claimed").
	selfType := doc.Entities[self].Type
	other := func(i int) (stop, skip bool) {
		if k := mentionIndex(ws.sm, toks[i].start); k >= 0 {
			if ws.sm[k].Entity == self {
				return false, true
			}
			// A co-author joined by a conjunction: "A et B déclarés coupables".
			if doc.Entities[ws.sm[k].Entity].Type != selfType {
				return true, true
			}
			a, b := i, i // the other name's first and last tokens
			for a > 0 && toks[a-1].start >= ws.sm[k].Start {
				a--
			}
			for b+1 < len(toks) && toks[b+1].end <= ws.sm[k].End {
				b++
			}
			return !conjunctionAt(d, toks, low, a-1) && !conjunctionAt(d, toks, low, b+1), true
		}
		if w := lowOf(low, toks[i]); w == "(" || w == ")" {
			return false, true
		}
		return isClauseBreak(low, toks[i]), false
	}
	// walk visits up to maxPerpGap tokens from token from in direction step,
	// past the transparent ones, until try finds the cue.
	walk := func(from, step int, try func(j int) (perpetrator, bool)) (perpetrator, bool) {
		for j, n := from, 0; j >= 0 && j < len(toks) && n <= maxPerpGap; j += step {
			stop, skip := other(j)
			if stop {
				break
			}
			if skip {
				continue
			}
			n++
			if p, ok := try(j); ok {
				return p, true
			}
		}
		return perpetrator{}, false
	}
	// After: "X claimed", "X has carried out", "X's role in".
	if p, ok := walk(last+1, 1, func(j int) (perpetrator, bool) {
		n := matchAt(a.perpAfter, toks, j, low)
		if n == 0 {
			return perpetrator{}, false
		}
		return perpetrator{cue: dossier.Span{Start: toks[j].start, End: toks[j+n-1].end}, negated: negatedBefore(d, toks, low, last+1, j)}, true
	}); ok {
		return p, true
	}
	// Before: "carried out by X", "blamed X": a cue ending at token j.
	return walk(first-1, -1, func(j int) (perpetrator, bool) {
		for k := j; k >= 0 && k >= j-3; k-- {
			if n := matchAt(a.perpBefore, toks, k, low); n > 0 && k+n-1 == j {
				return perpetrator{cue: dossier.Span{Start: toks[k].start, End: toks[j].end}, negated: negatedBefore(d, toks, low, max(0, k-3), k)}, true
			}
		}
		return perpetrator{}, false
	})
}

// negatedBefore reports a negation among tokens [from, to) ("played no role in").
func negatedBefore(d *langData, toks []tok, low []byte, from, to int) bool {
	for j := max(from, 0); j < to && j < len(toks); j++ {
		if matchAt(d.negations, toks, j, low) > 0 {
			return true
		}
	}
	return false
}

// mentionIndex returns the index of the mention of ms covering pos, or -1.
func mentionIndex(ms []dossier.Mention, pos int) int {
	for i := range ms {
		if ms[i].Start <= pos && pos < ms[i].End {
			return i
		}
	}
	return -1
}

// conjunctionAt reports whether token i is a one-word list conjunction ("and", "et", ",").
func conjunctionAt(d *langData, toks []tok, low []byte, i int) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	return lexicon.Forward(d.conjunctions, tokWords{toks, low}, i, i+1) == 1
}
