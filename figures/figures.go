// Package figures finds the analyst-relevant numbers of an article: counts
// of people ("684 individuals", "une cinquantaine de jihadistes"), money
// ("$5 million", "1,2 million d'euros"), casualties ("killing more than 140
// people", "32 morts", "157 injured") and attacks ("trois attentats"), with
// how the text bounds them (at least, about, more than…).
//
// A number becomes a figure only when its context says what it counts: a
// counted noun from the lexicon (possibly after modifiers, "50 suspected
// trained Islamic State fighters", or a partitive, "a dozen of his men"), a
// currency, or a casualty verb ("killed 16", "59 people were killed").
// Ages, years, dates, durations, percentages and counts of other things are
// left out. Numbers that count nothing the lexicon knows are skipped rather
// than guessed: a spurious figure costs as much as a missed one.
//
// Each (value, unit) pair is reported once per document, at its first
// occurrence, because articles repeat their key numbers ("21 schoolgirls" in
// the title, the lead and a caption) and a repeated count is one fact.
//
// Vague amounts without a nominal value ("dozens", "des centaines",
// "millions of euros") are not reported; approximation words with one are
// ("a dozen" = 12, "une soixantaine" = 60, Approximate set).
package figures

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// Stage fills Document.Figures. It is immutable and safe for concurrent use.
type Stage struct {
	byLang map[string]*model
	all    *model // every language at once, for documents of unknown language
}

var _ dossier.Stage = (*Stage)(nil)

// New compiles the figures lexicon of every language in lex.
func New(lex *lexicon.Set) (*Stage, error) {
	if lex == nil {
		return nil, fmt.Errorf("figures: nil lexicon set")
	}
	byLang, all, err := loadModels(lex)
	if err != nil {
		return nil, err
	}
	return &Stage{byLang: byLang, all: all}, nil
}

// Name implements dossier.Stage.
func (st *Stage) Name() string { return "figures" }

// ctxCheckBytes is how much text is scanned between cancellation checks.
const ctxCheckBytes = 1 << 20

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer {
	return []dossier.Layer{dossier.LayerBoilerplate, dossier.LayerLang, dossier.LayerTokens}
}

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerFigures} }

// Process replaces doc.Figures with the figures found outside boilerplate.
func (st *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	m := lexicon.ForLang(st.byLang, st.all, doc.ReadingLang())
	doc.Figures = doc.Figures[:0]
	c := collector{doc: doc}
	s := scanner{t: doc.Text, m: m, sents: doc.Sentences}
	// The body is the text between boilerplate spans (sorted and disjoint by
	// contract; clamped here all the same).
	pos := 0
	for k := 0; k <= len(doc.Boilerplate); k++ {
		end := len(doc.Text)
		next := end
		if k < len(doc.Boilerplate) {
			b := doc.Boilerplate[k]
			end = min(max(b.Start, 0), len(doc.Text))
			next = min(max(b.End, 0), len(doc.Text))
		}
		if err := st.scanBody(ctx, &s, &c, pos, end); err != nil {
			return fmt.Errorf("figures: %s: %w", doc.Name, err)
		}
		pos = max(pos, next)
	}
	doc.Figures = dropRestatements(doc.Figures)
	return nil
}

// dropRestatements removes a head count that restates a casualty count of
// the same document: "40 gardes ont péri … l'attaque contre les 40
// gardes" is one figure, of the dead, not also one of people.
func dropRestatements(figs []dossier.Figure) []dossier.Figure {
	type key struct {
		value float64
		noun  string
	}
	var casualties map[key]bool
	for _, f := range figs {
		if (f.Unit == dossier.UnitKilled || f.Unit == dossier.UnitInjured) && f.Noun != "" {
			if casualties == nil {
				casualties = map[key]bool{}
			}
			casualties[key{f.Value, strings.ToLower(f.Noun)}] = true
		}
	}
	if casualties == nil {
		return figs
	}
	kept := figs[:0]
	for _, f := range figs {
		if f.Unit == dossier.UnitPerson && f.Noun != "" && casualties[key{f.Value, strings.ToLower(f.Noun)}] {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

// scanBody scans t[lo:hi), in windows cut at line breaks so cancellation
// stays responsive on huge inputs.
func (st *Stage) scanBody(ctx context.Context, s *scanner, c *collector, lo, hi int) error {
	for lo < hi {
		if err := ctx.Err(); err != nil {
			return err
		}
		end := hi
		if end-lo > ctxCheckBytes {
			end = lo + ctxCheckBytes
			for end < hi && s.t[end-1] != '\n' {
				end++
			}
		}
		s.lo, s.hi = lo, end
		s.scanWindow(c)
		lo = end
	}
	return nil
}

type figKey struct {
	value float64
	unit  string
}

// collector keeps the first figure of each (value, unit) pair.
type collector struct {
	doc *dossier.Document
	// seen indexes the figures once there are too many for a linear scan.
	seen map[figKey]struct{}
	// nounSpans is a block the figures' NounSpan pointers are carved from,
	// one allocation for several figures.
	nounSpans []dossier.Span
}

const linearDedupMax = 32

func (c *collector) add(fd *found) {
	f := fd.fig
	figs := c.doc.Figures
	k := figKey{f.Value, f.Unit}
	if c.seen != nil {
		if _, dup := c.seen[k]; dup {
			return
		}
		c.seen[k] = struct{}{}
	} else {
		for i := range figs {
			if figs[i].Value == f.Value && figs[i].Unit == f.Unit {
				return
			}
		}
		if len(figs) >= linearDedupMax {
			c.seen = make(map[figKey]struct{}, 2*len(figs))
			for i := range figs {
				c.seen[figKey{figs[i].Value, figs[i].Unit}] = struct{}{}
			}
			c.seen[k] = struct{}{}
		}
	}
	if fd.hasNoun {
		if len(c.nounSpans) == cap(c.nounSpans) {
			c.nounSpans = make([]dossier.Span, 0, 16)
		}
		c.nounSpans = append(c.nounSpans, fd.noun)
		f.NounSpan = &c.nounSpans[len(c.nounSpans)-1]
	}
	c.doc.Figures = append(figs, f)
}

// found is a figure with what later figures of its sentence need to know.
type found struct {
	fig     dossier.Figure
	unit    uint8
	hasNoun bool
	noun    dossier.Span // when hasNoun; fig.NounSpan is set by collector.add
	// leftStart, leftEnd is the word before the number and its qualifier
	// ("with" in "Germany with six attacks"), or leftStart < 0.
	leftStart, leftEnd int
}

// antecedent is the figure whose people an elliptical count continues: the
// sentence's previous figure when it counts people by a noun, else the last
// such figure of the body window.
func (s *scanner) antecedent(prev *found) *found {
	if prev != nil && prev.hasNoun && prev.unit == unitPerson {
		return prev
	}
	if s.havePeople {
		return &s.people
	}
	return nil
}

// scanWindow finds the figures of t[lo:hi). It is the hot loop: separators
// and words are walked byte by byte, and a word's lowercase hash is computed
// in the same pass, so most words cost one filter probe and nothing else.
func (s *scanner) scanWindow(c *collector) {
	pos := s.lo
	var prev found
	havePrev := false
	for pos < s.hi {
		ch := s.t[pos]
		if ch < utf8.RuneSelf && !asciiWord[ch] {
			if ch != ' ' && s.sepKind(rune(ch), pos) == gapStop {
				havePrev = false
			}
			pos++
			continue
		}
		if ch >= utf8.RuneSelf {
			r, n := s.runeAt(pos)
			if !isWordRune(r) {
				if s.sepKind(r, pos) == gapStop {
					havePrev = false
				}
				pos += n
				continue
			}
		}
		ws := pos
		if !isDigit(ch) {
			we, trigger := s.wordTrigger(ws)
			pos = we
			if !trigger || !s.startsNumber(ws, we) {
				continue
			}
		}
		ex, skip, ok := s.parseNumber(ws)
		pos = max(pos, skip, ws+1)
		if !ok {
			continue
		}
		var p *found
		if havePrev {
			p = &prev
		}
		f, ok := s.evaluate(ex, p)
		if !ok {
			continue
		}
		c.add(&f)
		prev, havePrev = f, true
		if f.hasNoun && f.unit == unitPerson {
			s.people, s.havePeople = f, true
		}
	}
}

// wordTrigger returns the end of the word starting at ws (as wordEnd does)
// and whether the word, or its first hyphen piece, may start a number
// according to the trigger filter.
func (s *scanner) wordTrigger(ws int) (we int, trigger bool) {
	const offset, prime = 2166136261, 16777619
	h, hFirst := uint32(offset), uint32(0)
	hyphen := false
	i := ws
	for i < s.hi {
		c := s.t[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				h = (h ^ uint32(c)) * prime
				i++
				continue
			}
			if c == '-' && i+1 < s.hi {
				if r2, _ := s.runeAt(i + 1); isWordRune(r2) {
					if !hyphen {
						hyphen, hFirst = true, h
					}
					h = (h ^ uint32(c)) * prime
					i++
					continue
				}
			}
			break
		}
		r, n := s.runeAt(i)
		if isWordRune(r) {
			var enc [utf8.UTFMax]byte
			k := utf8.EncodeRune(enc[:], unicode.ToLower(r))
			for _, b := range enc[:k] {
				h = (h ^ uint32(b)) * prime
			}
			i += n
			continue
		}
		if isHyphen(r) && i+n < s.hi {
			if r2, _ := s.runeAt(i + n); isWordRune(r2) {
				if !hyphen {
					hyphen, hFirst = true, h
				}
				i += n
				continue
			}
		}
		break
	}
	bit := func(h uint32) bool { return s.m.trigger[h/64%uint32(len(s.m.trigger))]&(1<<(h%64)) != 0 }
	return i, (i-ws <= maxWord && bit(h)) || (hyphen && bit(hFirst))
}

// nounMatch is what follows a number.
type nounMatch struct {
	start, end int
	unit       uint8
	found      bool // a counted noun or a partitive pronoun
	excluded   bool // a time unit, percentage, month…: not a figure
	// things: a noun for people only qualifies the plural noun after it
	// ("140 pilot whales"): no count of people, though a sum may stand.
	things bool
}

// evaluate decides whether ex is a figure and of what; prev is the previous
// figure of the same sentence, or nil.
func (s *scanner) evaluate(ex numExpr, prev *found) (found, bool) {
	if !(ex.value > 0) {
		return found{}, false // "0", "0.0": nothing counted
	}
	// Qualifier before: "more than", "au moins", "up to" ($5 million).
	qual, qstart := dossier.QualExact, ex.start
	if ws, we, g, ok := s.prev(ex.start); ok && g == gapSpace {
		if wi := s.lookup(ws, we); wi != nil {
			for _, q := range wi.qualBefore {
				if b, ok := s.matchBackward(ws, q.words[:len(q.words)-1]); ok {
					qual, qstart = q.qual, b
					break
				}
			}
		}
	}
	// Qualifier after: "160 or so".
	qend := ex.end
	if ws, we, g, ok := s.next(ex.end); ok && g == gapSpace {
		if wi := s.lookup(ws, we); wi != nil {
			for _, q := range wi.qualAfter {
				if e, ok := s.matchForward(we, q.words[1:]); ok {
					qual, qend = q.qual, e
					break
				}
			}
		}
	}
	noun := s.nounAfter(qend)
	if ex.yearLike && qual == dossier.QualExact && !s.countNotYear(ex, qend, noun) {
		return found{}, false // "in 2017": a year
	}
	if noun.excluded || noun.found && s.rateAfter(noun) || noun.things && ex.currency == unitNone {
		return found{}, false
	}
	if ex.yearLike && !noun.found {
		return found{}, false
	}
	leftStart, leftEnd := -1, -1
	var leftFlags wordFlags
	// (A quoted count's verb stands before its opening mark: `wounded
	// “at least 12” guards`.)
	if lws, lwe, g, ok := s.prev(qstart); ok && (g == gapSpace || g == gapComma && s.opensQuote(lwe, qstart)) {
		leftStart, leftEnd = lws, lwe
		leftFlags = s.flags(lws, lwe)
	}
	if leftFlags&fMonth != 0 && qstart == ex.start {
		return found{}, false // "September 11 attacks", "June 19th"
	}
	if lws, lwe, _, ok := s.prev(qstart); ok && leftStart < 0 && qstart == ex.start && lwe+2 <= qstart && s.t[lwe:lwe+2] == ". " && s.flags(lws, lwe)&fMonth != 0 {
		return found{}, false // "Oct. 7 terrorist attack": an abbreviated month's day
	}
	if leftStart >= 0 && qstart == ex.start && strings.EqualFold(s.t[leftStart:leftEnd], "than") {
		if pws, pwe, g, ok := s.prev(leftStart); ok && g == gapSpace && s.flags(pws, pwe)&fAgeComparative != 0 {
			return found{}, false // "children younger than 5 died": an age
		}
	}
	if leftFlags&fRate != 0 && ex.currency == unitNone {
		return found{}, false // "per 100,000 people": a rate's base
	}
	if ex.currency == unitNone && qstart == ex.start && leftStart >= 0 && leftFlags == 0 && isDigit(s.t[ex.start]) && s.nameBefore(leftStart) {
		return found{}, false // "Section 12 permits", "Route 66", "Flight 93": a name's number
	}

	unit := unitNone
	var elided *found // the figure whose noun an elliptical count continues
	switch {
	case ex.currency != unitNone:
		unit = ex.currency
	case noun.found && noun.unit != unitPerson:
		unit = noun.unit
	default:
		// A count of people, or a bare number: casualty verbs decide.
		phrase := unitNone
		if leftStart >= 0 {
			phrase = s.casualtyPhraseBefore(leftStart, leftEnd)
		}
		switch {
		case phrase != unitNone:
			unit = phrase // "a coûté la vie à neuf passagers"
		case leftFlags&fKilledBefore != 0:
			unit = unitKilled
		case leftFlags&fInjuredBefore != 0:
			unit = unitInjured
		case leftFlags&fLostBefore != 0 && noun.found:
			unit = unitKilled // "lost two soldiers", "a perdu deux soldats"
		}
		if unit == unitNone {
			from := qend
			if noun.found {
				from = noun.end
			}
			if noun.found || s.bareSubject(qend) {
				unit = s.casualtyAfter(from)
			}
		}
		if unit == unitNone && prev != nil && (prev.unit == unitKilled || prev.unit == unitInjured) &&
			(noun.found && leftFlags&fIncluding != 0 || leftFlags&fConnector != 0 && s.followsFigure(leftStart, prev)) {
			// "killed 258 people, including 11 Indians"; "killing 170
			// civilians and 13 service members".
			unit = prev.unit
		}
		if unit == unitNone && !noun.found && prev != nil && prev.hasNoun && s.gapped(qend, leftStart, leftEnd, prev) {
			// "Germany with six attacks, Britain with five".
			unit = prev.unit
		}
		if unit == unitNone && s.tollBefore(qstart) {
			unit = unitKilled // "the death toll rose to 19 [people]"
		}
		if unit == unitNone && !noun.found {
			if ws, we, g, ok := s.next(qend); ok && g == gapSpace && s.flags(ws, we)&fPersonAfter != 0 {
				unit = unitPerson // "Two arrested in …", "trois interpellés"
			}
		}
		if unit == unitNone && !noun.found {
			if m := s.numberOfBefore(qstart); m.found && m.unit != unitOther {
				unit = m.unit // "the number of foreign fighters … as 10,000"
			}
		}
		if unit == unitNone && (noun.found || s.populationOf(leftStart, leftFlags, ex.value)) {
			unit = unitPerson
		}
		if ante := s.antecedent(prev); unit == unitNone && !noun.found && ante != nil && s.ellipsis(leftFlags, qend) {
			// "another 900 are held", "25 autres sont recherchés": the
			// count continues the previous figure's people, in this
			// sentence or an earlier one ("Quelque 200 autres sont détenus").
			unit, elided = unitPerson, ante
		}
		if unit == unitNone && !noun.found && prev != nil && prev.unit == unitPerson && prev.hasNoun && s.bareSubject(qend) {
			// "1,250 tourists were found, while 340 could not be
			// reached": a bare count as the subject of the same sentence's
			// next clause counts the same people.
			unit, elided = unitPerson, prev
		}
	}
	if (unit == unitPerson || unit == unitKilled || unit == unitInjured) && ex.value != math.Trunc(ex.value) {
		return found{}, false // "fixed at 1.5338 marks": people come whole
	}
	if unit == unitNone {
		return found{}, false
	}
	if unit == unitPerson && noun.found && ex.value > 1 && noun.end-noun.start > 0 && !s.pluralNoun(noun.start, noun.end) {
		return found{}, false // "a category 2 offender": a grade before a singular noun
	}
	// ("Shot at two guards, killing one.": the casualty verb right
	// before it and the clause's end right after it count one too.)
	bareVictim := !noun.found && leftFlags&(fKilledBefore|fInjuredBefore) != 0 && s.clauseEndAt(ex.end)
	if ex.lone && (unit != unitKilled && unit != unitInjured || !noun.found && !bareVictim || noun.found && noun.start > qend+1 || leftFlags&fIncluding != 0) {
		// One is a count only as a casualty named right after it ("one
		// officer was wounded", "perdu un soldat"), not "one of them" nor
		// "including one assailant".
		return found{}, false
	}
	f := dossier.Figure{
		Span:        dossier.Span{Start: ex.start, End: ex.end},
		Value:       ex.value,
		Unit:        unitNames[unit],
		Qualifier:   qual,
		Approximate: ex.approx,
	}
	if noun.found {
		f.Noun = s.t[noun.start:noun.end]
	} else if elided != nil {
		f.Noun = elided.fig.Noun
	}
	return found{fig: f, unit: unit, hasNoun: noun.found, noun: dossier.Span{Start: noun.start, End: noun.end},
		leftStart: leftStart, leftEnd: leftEnd}, true
}

// nameBefore reports a capitalised word at ws that does not open its
// sentence: the name that a number right after it belongs to ("Section 8",
// "Apollo 11"), where a sentence's "Some 300" or "About 40" opens a count.
func (s *scanner) nameBefore(ws int) bool {
	r, _ := utf8.DecodeRuneInString(s.t[ws:])
	if !unicode.IsUpper(r) {
		return false
	}
	before := strings.TrimRight(s.t[:ws], " \t")
	if before == "" {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(before)
	return !strings.ContainsRune(".!?:;\n\"“«(—–-|•", p)
}

// maxModifiers bounds the words skipped between a number and its noun.
const maxModifiers = 4

// rateAfter reports a rate's unit right after a sum's currency noun ("600
// euros de l'heure", "5 000 dollars each"): a price per unit, no sum.
func (s *scanner) rateAfter(noun nounMatch) bool {
	if noun.unit != unitMoneyUSD && noun.unit != unitMoneyEUR && noun.unit != unitOther {
		return false
	}
	ws, we, g, ok := s.next(noun.end)
	if !ok || g != gapSpace {
		return false
	}
	return s.nounAt(s.lookup(ws, we), ws, we, false).excluded
}

// nounAfter looks for the counted noun after position i: "10,000 fighters",
// "three Islamist attacks", "a dozen of his men", "21 of more than 200 girls",
// "une cinquantaine de jihadistes", "nearly 40 of them".
func (s *scanner) nounAfter(i int) nounMatch {
	skipped := 0
	partitive, nested, quoted := false, false, false
	for steps := 0; steps < 12; steps++ {
		ws, we, g, ok := s.next(i)
		if ok && g == gapComma && !quoted && s.opensQuote(i, ws) {
			// "entre 30 et 40 « recruteurs »", `30 "recruiters"`: a noun in
			// quotation marks, the writer's distance from the word, still
			// names what is counted.
			quoted, g = true, gapSpace
		}
		if ok && g == gapComma && steps == 0 && s.onlyClosingQuote(i, ws) {
			// `said it wounded “at least 12” guards`: the count quoted, its
			// noun after the quotation.
			g = gapSpace
		}
		if !ok || g != gapSpace {
			break
		}
		wi := s.lookup(ws, we)
		var f wordFlags
		if wi != nil {
			f = wi.flags
		}
		if m := s.nounAt(wi, ws, we, partitive); m.found || m.excluded || m.things {
			if quoted && !m.excluded && !s.closesQuoteWithin(m.end, 2) {
				return nounMatch{}
			}
			return m
		}
		switch {
		case f&(fKilledAfter|fKilledAfterAux|fInjuredAfter|fInjuredAfterAux) != 0:
			return nounMatch{}
		case partitive && f&fDeterminer != 0:
			i = we
			continue
		case partitive && f&fQualifierStart != 0:
			if e, ok := s.qualifierForward(ws); ok {
				i = e
				continue
			}
			return nounMatch{}
		case partitive && !nested && (isDigit(s.t[ws]) || f&(fNumber|fMultiplier|fApprox) != 0):
			ex, _, ok := s.parseNumber(ws)
			if !ok {
				return nounMatch{}
			}
			i, nested = ex.end, true
			continue
		case f&fRange != 0 && !partitive && !nested && skipped == 0:
			// "between 1,500 and 2,000 fighters": both ends count the noun.
			nws, nwe, g, ok := s.next(we)
			if !ok || g != gapSpace || !(isDigit(s.t[nws]) || s.flags(nws, nwe)&(fNumber|fMultiplier|fApprox) != 0) {
				return nounMatch{}
			}
			ex, _, ok := s.parseNumber(nws)
			if !ok {
				return nounMatch{}
			}
			i, nested = ex.end, true
			continue
		case f&fPartitive != 0 && !partitive && skipped == 0:
			partitive = true
			i = we
			continue
		case skipped < maxModifiers && s.isModifier(ws, we, f):
			skipped++
			i = we
			continue
		case skipped < maxModifiers && s.m.compoundNouns && f == 0 && !s.isCapitalised(ws) && s.nounFollows(we):
			// "four security guards", "five crash victims": a noun right
			// before the counted noun modifies it.
			skipped++
			i = we
			continue
		}
		break
	}
	return nounMatch{}
}

// nounFollows reports a counted noun of the lexicon as the next word after i.
func (s *scanner) nounFollows(i int) bool {
	ws, we, g, ok := s.next(i)
	if !ok || g != gapSpace {
		return false
	}
	return s.nounAt(s.lookup(ws, we), ws, we, false).found
}

// nounAt reads a counted noun or an excluded unit at the word t[ws:we)
// (wi its lexicon entry, or nil): a listed noun or phrase ("10,000
// fighters", "une cinquantaine d'assaillants"), an exclusion ("48 hours",
// "31 ans"), a noun of the language's person class though no hand-written
// list names it ("300 spectators"), or after a partitive a pronoun ("40 of
// them").
func (s *scanner) nounAt(wi *wordInfo, ws, we int, partitive bool) nounMatch {
	var f wordFlags
	if wi != nil {
		f = wi.flags
		for _, p := range wi.phrases {
			if p.flags != fNoun && p.flags != fExcluded {
				continue // a casualty phrase ("ont trouvé la mort")
			}
			if e, ok := s.matchForward(we, p.rest); ok {
				if p.flags == fExcluded {
					return nounMatch{excluded: true}
				}
				return nounMatch{start: ws, end: e, unit: p.unit, found: true}
			}
		}
	}
	switch {
	case (f&fNoun != 0 || f == 0 && s.personNoun(ws, we)) && s.modifiesPlural(ws, we):
		return nounMatch{things: true} // "140 pilot whales": whales are counted
	case f&fNoun != 0:
		return nounMatch{start: ws, end: we, unit: wi.unit, found: true}
	case f&fExcluded != 0:
		return nounMatch{excluded: true}
	case f == 0 && s.personNoun(ws, we):
		return nounMatch{start: ws, end: we, unit: unitPerson, found: true}
	case partitive && f&fPartPronoun != 0:
		return nounMatch{start: ws, end: we, unit: unitPerson, found: true}
	}
	return nounMatch{}
}

// modifiesPlural reports a singular noun for people right before a plural
// noun that counts nothing of the lexicon, in a language that builds
// compounds so: the first noun only qualifies the second, the head ("140
// pilot whales", "300 police vehicles"; "12 police officers" counts people).
func (s *scanner) modifiesPlural(ws, we int) bool {
	if !s.m.compoundNouns || s.t[we-1] == 's' {
		return false
	}
	nws, nwe, g, ok := s.next(we)
	if !ok || g != gapSpace || nwe-nws < 4 || s.t[nwe-1] != 's' || s.t[nwe-2] == 's' || s.isCapitalised(nws) ||
		s.flags(nws, nwe) != 0 || s.personNoun(nws, nwe) {
		return false
	}
	for k := nws; k < nwe; k++ {
		if c := s.t[k]; c < 'a' || c > 'z' {
			return false // "police-led", digits: no plain plural noun
		}
	}
	return true
}

// opensQuote reports whether t[i:ws) is one opening quotation mark, with
// spaces around it.
func (s *scanner) opensQuote(i, ws int) bool { return s.oneQuoteMark(i, ws, "«\"“„‹") }

// onlyClosingQuote reports whether t[i:ws) is one closing quotation mark
// and spaces.
func (s *scanner) onlyClosingQuote(i, ws int) bool { return s.oneQuoteMark(i, ws, "»\"”›") }

// oneQuoteMark reports whether t[i:ws) holds spaces and exactly one of
// marks.
func (s *scanner) oneQuoteMark(i, ws int, marks string) bool {
	n := 0
	for k := i; k < ws; {
		r, size := s.runeAt(k)
		switch {
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009':
		case strings.ContainsRune(marks, r):
			n++
		default:
			return false
		}
		k += size
	}
	return n == 1
}

// closesQuoteWithin reports whether a closing quotation mark follows t[:e)
// after at most words more words ("« combattants étrangers »").
func (s *scanner) closesQuoteWithin(e, words int) bool {
	for ; ; words-- {
		if s.closesQuote(e) {
			return true
		}
		ws, we, g, ok := s.next(e)
		if words == 0 || !ok || g != gapSpace || ws < e {
			return false
		}
		e = we
	}
}

// closesQuote reports whether a closing quotation mark follows t[:e), after
// spaces.
func (s *scanner) closesQuote(e int) bool {
	for k := e; k < s.hi; {
		r, n := s.runeAt(k)
		switch {
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009':
		case r == '»' || r == '"' || r == '”' || r == '“' || r == '›':
			return true
		default:
			return false
		}
		k += n
	}
	return false
}

const minPopulation = 100

// populationOf reports whether a bare number gives the size of a place or
// community: "a town of 70,000", "une ville de 20 000".
// Small numbers are left out: "a camp of 3 tents" counts something else.
func (s *scanner) populationOf(leftStart int, leftFlags wordFlags, value float64) bool {
	if leftStart < 0 || leftFlags&fPartitive == 0 || value < minPopulation {
		return false
	}
	pws, pwe, g, ok := s.prev(leftStart)
	return ok && g == gapSpace && s.flags(pws, pwe)&fPopulation != 0
}

// followsFigure reports whether the connector word starting at ws comes
// right after the previous figure's noun (or number).
func (s *scanner) followsFigure(ws int, prev *found) bool {
	end := prev.fig.End
	if prev.hasNoun {
		end = prev.noun.End
	}
	_, we, g, ok := s.prev(ws)
	return ok && g == gapSpace && we == end
}

// qualifierForward matches a whole qualifier phrase starting at ws.
func (s *scanner) qualifierForward(ws int) (int, bool) {
	for _, q := range s.m.qualBefore {
		if !s.equalWord(ws, s.wordEnd(ws), q.words[0]) {
			continue
		}
		if e, ok := s.matchForward(s.wordEnd(ws), q.words[1:]); ok {
			return e, true
		}
	}
	return 0, false
}

// pluralNoun reports a counted noun written as a plural, or one the
// hand-written lexicon lists (its forms are the ones it names).
func (s *scanner) pluralNoun(ws, we int) bool {
	if wi := s.lookup(ws, we); wi != nil && wi.flags&(fNoun|fPartPronoun) != 0 {
		return true // (and "two of them")
	}
	key, _, ok := s.lower(ws, we)
	return !ok || s.m.plural(key)
}

// personNoun reports a lower-case word of the person-noun list.
func (s *scanner) personNoun(ws, we int) bool {
	if s.m.personNouns == "" {
		return false
	}
	if s.isCapitalised(ws) {
		// "4,000 Volunteers", "200 Accountants": a plural written with a
		// capital is still people, when no name goes on after it.
		if s.t[we-1] != 's' {
			return false
		}
		if nws, _, g, ok := s.next(we); ok && g == gapSpace && s.isCapitalised(nws) {
			return false
		}
	}
	key, _, ok := s.lower(ws, we)
	// (A capitalised compound is a name's: "États-membres".)
	return ok && (s.m.isPersonNoun(key) || !s.isCapitalised(ws) && s.m.isPersonCompound(key))
}

// isModifier reports whether a word may stand between a number and its noun:
// a listed modifier, a capitalised word ("Islamist", "IS", "Franco-Belgian")
// or a word with an adjective suffix ("radicalised", "potential").
func (s *scanner) isModifier(ws, we int, f wordFlags) bool {
	// Nouns, exclusions and casualty words were tested before; a capital
	// inside the sentence marks a name or demonym ("IS leaders").
	if f&fModifier != 0 || s.isCapitalised(ws) {
		return true
	}
	if f != 0 {
		return false // a word with another role: article, determiner, verb…
	}
	key, _, ok := s.lower(ws, we)
	if !ok {
		return false
	}
	if hasSuffix(key, s.m.modifierSuffixes) {
		return true
	}
	if s.m.isAdjective(key) {
		return true // "500 extra officers": the language's adjectives
	}
	// A hyphenated compound before a noun is adjectival ("two senior-level
	// envoys", "300 well-armed men").
	if h := bytes.IndexByte(key, '-'); h > 0 && h < len(key)-1 && !s.m.isPersonNoun(key) {
		return true
	}
	return false
}

// casualtyPhraseBefore returns the unit of a casualty phrase ending with the
// word t[ws:we) right before a count, or unitNone.
func (s *scanner) casualtyPhraseBefore(ws, we int) uint8 {
	wi := s.lookup(ws, we)
	if wi == nil {
		return unitNone
	}
	for _, p := range wi.casualtyBefore {
		if _, ok := s.matchBackward(ws, p.words); ok {
			return p.unit
		}
	}
	return unitNone
}

// numberOfBefore returns the counted noun after a number word ("number",
// "nombre") among the few words before position i, in the same clause
// ("the number of recruits rose to 30"), or no match.
func (s *scanner) numberOfBefore(i int) nounMatch {
	count := i
	for n := 0; n < tollReach; n++ {
		ws, we, g, ok := s.prev(i)
		if !ok || g == gapStop {
			return nounMatch{}
		}
		f := s.flags(ws, we)
		if f&fNumberWord != 0 {
			if m := s.nounAfter(we); m.found && m.end <= count {
				return m
			}
			return nounMatch{}
		}
		if f&fClauseBreak != 0 || isDigit(s.t[ws]) {
			return nounMatch{}
		}
		i = ws
	}
	return nounMatch{}
}

// tollReach is how many words before a count a toll word still governs it.
const tollReach = 10

// tollBefore reports a toll word ("toll", "bilan") among the few words
// before position i, in the same clause.
func (s *scanner) tollBefore(i int) bool {
	for n := 0; n < tollReach; n++ {
		ws, we, g, ok := s.prev(i)
		if !ok || g == gapStop {
			return false
		}
		f := s.flags(ws, we)
		if f&fToll != 0 {
			return true
		}
		if f&fClauseBreak != 0 || isDigit(s.t[ws]) && !yearLike(s.t[ws:we]) {
			return false // another count governs what follows
		}
		i = ws
	}
	return false
}

// countNotYear reports four plain digits that count the noun right after
// them rather than date it: below 1900 ("where 1400 civilians were killed"),
// or after a verb of killing or wounding ("killed 2000 people"); "in 1999
// people voted" is a year.
func (s *scanner) countNotYear(ex numExpr, qend int, noun nounMatch) bool {
	if !noun.found {
		return false
	}
	if ws, _, g, ok := s.next(qend); !ok || g != gapSpace || ws != noun.start {
		return false
	}
	if ex.value < 1900 {
		return true
	}
	if ws, we, g, ok := s.prev(ex.start); ok && g == gapSpace {
		return s.flags(ws, we)&(fKilledBefore|fInjuredBefore) != 0
	}
	return false
}

// yearLike reports four digits from 1900 to 2099: "the 2015 attacks".
func yearLike(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && isDigit(w[2]) && isDigit(w[3])
}

// isAdverb reports an adverb: a listed one, or a word with an adverb
// suffix ("reportedly", "également") that has no other role.
func (s *scanner) isAdverb(ws, we int, f wordFlags) bool {
	if f&fAdverb != 0 {
		return true
	}
	if f&^fBareFollower != 0 || s.isCapitalised(ws) {
		return false // a word with another role ("reportedly" may follow a bare count)
	}
	key, _, ok := s.lower(ws, we)
	if !ok {
		return false
	}
	return hasSuffix(key, s.m.adverbSuffixes)
}

// hasSuffix reports whether key ends with one of the suffixes after a stem
// of three letters or more.
func hasSuffix(key []byte, suffixes []string) bool {
	for _, suf := range suffixes {
		if len(key) > len(suf)+2 && string(key[len(key)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// ellipsis reports an elliptical count: an ellipsis word before the number
// ("another 900") or right after it ("900 more", "25 autres"), and then a
// verb as for a bare subject.
func (s *scanner) ellipsis(leftFlags wordFlags, i int) bool {
	if leftFlags&fEllipsis != 0 {
		return s.bareSubject(i)
	}
	ws, we, g, ok := s.next(i)
	return ok && g == gapSpace && s.flags(ws, we)&fEllipsis != 0 && s.bareSubject(we)
}

// clauseEndAt reports a clause's end right after i: a stop, a comma, a
// semicolon, a colon, or the text's end.
func (s *scanner) clauseEndAt(i int) bool {
	for i < s.hi && s.t[i] == ' ' {
		i++
	}
	return i >= s.hi || strings.IndexByte(".,;:!?", s.t[i]) >= 0
}

// bareSubject reports whether the number ending at i stands alone as a
// subject ("more than 1,000 are said to have been killed", "57 killed").
func (s *scanner) bareSubject(i int) bool {
	ws, we, g, ok := s.next(i)
	if !ok || g != gapSpace {
		return false
	}
	return s.flags(ws, we)&(fBareFollower|fKilledAfter|fKilledAfterAux|fInjuredAfter|fInjuredAfterAux) != 0
}

// maxCasualtyWords bounds how far after a count the casualty verb may be:
// "au moins 22 soldats, une cinquantaine de jihadistes et de nombreux
// civils ont été tués".
const maxCasualtyWords = 12

// casualtyAfter looks after position i, in the same clause, for words saying
// the counted people were killed or hurt: "59 people were killed", "four
// people have died", "[ont été] décimés".
func (s *scanner) casualtyAfter(i int) uint8 {
	first, prevAux, sawOther, prevCount := true, false, false, false
	for n := 0; n < maxCasualtyWords; n++ {
		ws, we, g, ok := s.next(i)
		if !ok || g == gapStop {
			return unitNone
		}
		if g == gapComma && s.opensQuote(i, ws) {
			g = gapSpace // `14 people "hurt in the blast"`
		}
		wi := s.lookup(ws, we)
		var f wordFlags
		if wi != nil {
			f = wi.flags
			for _, p := range wi.phrases {
				if p.flags&(fKilledAfter|fInjuredAfter) == 0 {
					continue
				}
				if _, ok := s.matchForward(we, p.rest); ok {
					if p.flags&fKilledAfter != 0 {
						return unitKilled
					}
					return unitInjured
				}
			}
		}
		if (prevAux || first) && g == gapSpace && s.isAdverb(ws, we, f) {
			// "were later killed", "ont finalement été tués", "9 people
			// mostly wounded": the adverb leaves the auxiliary (or the
			// participle's place right after the noun) in force.
			i = we
			continue
		}
		switch {
		case f&fClauseBreak != 0:
			return unitNone
		case prevCount && g == gapSpace && f&(fKilledAfter|fInjuredAfter) != 0:
			// "180 passagers, dont 9 enfants et 14 blessés": the casualty
			// word right after another count is that count's noun.
			return unitNone
		case f&fKilledAfter != 0:
			return unitKilled
		case f&fInjuredAfter != 0:
			return unitInjured
		case f&fKilledAfterAux != 0 && (prevAux || first && g == gapSpace):
			return unitKilled
		case f&fInjuredAfterAux != 0 && (prevAux || first && g == gapSpace):
			return unitInjured
		}
		if isDigit(s.t[ws]) || f&(fNumber|fApprox) != 0 && f&fArticle == 0 {
			// Another count: the verb may still be shared ("22 soldats, une
			// cinquantaine de jihadistes … ont été tués") unless a clause of
			// its own started in between.
			if sawOther {
				return unitNone
			}
		} else if f == 0 && !s.isCapitalised(ws) {
			sawOther = true
		}
		prevAux = f&fAux != 0
		prevCount = isDigit(s.t[ws]) || f&fNumber != 0 && f&fArticle == 0
		first = false
		i = we
	}
	return unitNone
}

// gapped reports whether a bare number repeats the frame of the previous
// figure with its noun left out: "Germany with six attacks, Britain with
// five" — the same word before both numbers, nothing counted after.
func (s *scanner) gapped(i, leftStart, leftEnd int, prev *found) bool {
	if leftStart < 0 || prev.leftStart < 0 {
		return false
	}
	if _, _, g, ok := s.next(i); ok && g == gapSpace {
		if ws, we, _, _ := s.next(i); s.flags(ws, we)&fConnector == 0 {
			return false
		}
	}
	a, b := s.t[leftStart:leftEnd], s.t[prev.leftStart:prev.leftEnd]
	return len(a) == len(b) && equalFoldASCII(a, b)
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
