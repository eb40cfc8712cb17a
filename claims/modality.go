package claims

import (
	"strings"

	"github.com/dossier-project/dossier"
)

type cueKind uint8

const (
	cueReported cueKind = iota + 1
	cueHedged
	cueDenied
	cueSource // "according to", followed by the source
	cueSpeech // "said", with the source as subject or inverted after it
)

// cue is one modality or attribution cue found in the current sentence, as
// token indexes into workspace.sentence.
type cue struct {
	kind       cueKind
	first, end int
}

type cueSet []cue

// scanSentence tokenises the current sentence once and finds its cues.
func (s *Stage) scanSentence(doc *dossier.Document, d *langData, ws *workspace, sent dossier.Span) {
	if ws.sentDone {
		return
	}
	ws.sentDone = true
	tokenizeSentence(doc, ws, sent)
	ws.sentCues = ws.sentCues[:0]
	toks, low := ws.sentence, ws.sentLow
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tkWord {
			continue
		}
		for _, c := range d.cues[lowOf(low, toks[i])] {
			if seqAt(toks, i, c.words, low) {
				ws.sentCues = append(ws.sentCues, cue{kind: c.kind, first: i, end: i + len(c.words)})
				break
			}
		}
	}
}

// tokenizeSentence scans the current sentence's tokens once; cues wait
// until a claim needs them.
func tokenizeSentence(doc *dossier.Document, ws *workspace, sent dossier.Span) {
	if ws.sentTokens {
		return
	}
	ws.sentTokens = true
	ws.sentLow = ws.sentLow[:0]
	ws.sentence, ws.sentLow = ws.scan(doc.Text, sent.Start, sent.End, ws.sentence[:0], ws.sentLow)
}

// sentenceHas reports whether the current sentence contains one of words.
func (s *Stage) sentenceHas(doc *dossier.Document, d *langData, ws *workspace, sent dossier.Span, words map[string]bool) bool {
	tokenizeSentence(doc, ws, sent)
	for _, t := range ws.sentence {
		if t.kind == tkWord && words[lowOf(ws.sentLow, t)] {
			return true
		}
	}
	return false
}

// unlessReach is how many words before a claim's subject an "unless" word
// still governs it: "an attack by X in Y" places the attack, not X.
const unlessReach = 6

// clauseBeforeHas reports whether one of words occurs among the unlessReach
// words before pos in the sentence, without crossing a clause break.
func (s *Stage) clauseBeforeHas(doc *dossier.Document, ws *workspace, sent dossier.Span, pos int, words map[string]bool) bool {
	tokenizeSentence(doc, ws, sent)
	k := len(ws.sentence) - 1
	for k >= 0 && ws.sentence[k].start >= pos {
		k--
	}
	for n := 0; k >= 0 && n < unlessReach; k-- {
		t := ws.sentence[k]
		if t.kind == tkPunct {
			switch lowOf(ws.sentLow, t) {
			case ".", ";", ":", "!", "?", "(", ")":
				return false
			}
			continue
		}
		if t.kind == tkWord && words[lowOf(ws.sentLow, t)] {
			return true
		}
		n++
	}
	return false
}

// modality decides how firmly the sentence makes the claim spanning claim
// (with its trigger) and who makes it: a quote's speaker, the source of
// "according to", the subject of a speech verb, or nil for the article itself.
func (s *Stage) modality(doc *dossier.Document, d *langData, ws *workspace, sent, claim dossier.Span, trigger *dossier.Span, negated bool) (string, *dossier.Speaker) {
	s.scanSentence(doc, d, ws, sent)
	denied, hedged, reported := negated, false, false
	for _, c := range ws.sentCues {
		switch c.kind {
		case cueDenied:
			denied = denied || s.sameClause(ws, c, claim, trigger)
		case cueHedged:
			hedged = hedged || s.sameClause(ws, c, claim, trigger)
		default:
			reported = reported || s.reports(doc, d, ws, c, claim)
		}
	}
	var src *dossier.Speaker
	if q := quoteAround(doc, claim); q != nil {
		reported = true
		if q.Speaker != nil {
			sp := *q.Speaker
			src = &sp
		}
	} else if reported {
		src = s.source(doc, d, ws, claim)
	}
	switch {
	case denied:
		return dossier.ModalityDenied, src
	case hedged:
		return dossier.ModalityHedged, src
	case reported:
		return dossier.ModalityReported, src
	}
	return dossier.ModalityAsserted, nil
}

// reports says whether a reporting cue scopes over the claim. A cue inside
// the claim is its own wording ("claimed responsibility"); a verb right
// after an apposition has the apposition's head as subject ("X, a
// spokesman for Y, confirmed the arrest"), unless it is inverted ("…, said X").
func (s *Stage) reports(doc *dossier.Document, d *langData, ws *workspace, c cue, claim dossier.Span) bool {
	toks, low := ws.sentence, ws.sentLow
	cs := toks[c.first].start
	if cs < claim.End && claim.Start < toks[c.end-1].end {
		return false
	}
	isSource := c.kind == cueSource || matchAt(d.sourceCues, toks, c.first, low) == c.end-c.first
	if isSource && cs < claim.Start && insideSource(ws, c, claim) {
		return false // "according to the psychologist of Y, X": the claim names the source
	}
	if cs < claim.Start || c.kind == cueSource {
		return true // "according to" scopes over its whole sentence
	}
	for _, t := range toks[:c.first] {
		if t.start >= claim.End && !eqLow(low, t, ",") {
			return true // "[claim], he said": a subject of its own
		}
	}
	if c.end < len(toks) {
		m := mentionAt(doc, ws, toks[c.end].start)
		return m != nil && m.Start == toks[c.end].start
	}
	return false
}

// insideSource reports whether the claim lies within the noun phrase that
// source cue c opens: no comma or clause break between the cue and the
// claim's end.
func insideSource(ws *workspace, c cue, claim dossier.Span) bool {
	for _, t := range ws.sentence[c.end:] {
		if t.start >= claim.End {
			return true
		}
		if t.kind == tkPunct && !eqLow(ws.sentLow, t, "(") && !eqLow(ws.sentLow, t, ")") && isClauseBreak(ws.sentLow, t) {
			return false // brackets hold an acronym inside the phrase
		}
	}
	return true
}

// sameClause reports whether cue c bears on the claim: inside it, or with no
// clause punctuation between it and the trigger ("The same is not true of Al
// Qaeda, whose leader…" does not deny the leadership).
func (s *Stage) sameClause(ws *workspace, c cue, claim dossier.Span, trigger *dossier.Span) bool {
	toks, low := ws.sentence, ws.sentLow
	cs, ce := toks[c.first].start, toks[c.end-1].end
	if cs >= claim.Start && ce <= claim.End {
		return true
	}
	from, to := ce, claim.Start
	if trigger != nil && trigger.Start >= claim.Start {
		to = trigger.Start + 1 // a trigger opening on a comma starts a clause of its own
	}
	if cs >= claim.End {
		from, to = claim.End, cs
	}
	for _, t := range toks {
		if t.start >= to {
			break
		}
		if t.start >= from && isClauseBreak(low, t) {
			return false
		}
	}
	return true
}

// quoteAround returns the direct quote whose words contain span, if any.
func quoteAround(doc *dossier.Document, span dossier.Span) *dossier.Quote {
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if len(q.Parts) > 0 {
			for _, p := range q.Parts {
				if p.Contains(span) {
					return q
				}
			}
			continue
		}
		if q.Span.Contains(span) {
			return q
		}
	}
	return nil
}

// source finds who the sentence says makes the claim, using the attribution
// cue nearest to it that lies outside it.
func (s *Stage) source(doc *dossier.Document, d *langData, ws *workspace, claim dossier.Span) *dossier.Speaker {
	toks := ws.sentence
	bestDist := -1
	var best *dossier.Speaker
	for _, c := range ws.sentCues {
		if c.kind != cueSource && c.kind != cueSpeech {
			continue
		}
		cs, ce := toks[c.first].start, toks[c.end-1].end
		if cs < claim.End && claim.Start < ce {
			continue
		}
		dist := claim.Start - ce
		if cs >= claim.End {
			dist = cs - claim.End
		}
		var sp *dossier.Speaker
		if c.kind == cueSource {
			sp = s.sourceAfter(doc, d, ws, c.end)
		} else {
			sp = s.speechSubject(doc, d, ws, c)
		}
		if sp != nil && (bestDist < 0 || dist < bestDist) {
			best, bestDist = sp, dist
		}
	}
	return best
}

// mentionAt returns the sentence mention covering byte pos, or nil.
func mentionAt(doc *dossier.Document, ws *workspace, pos int) *dossier.Mention {
	for i := range ws.sm {
		m := &ws.sm[i]
		if m.Start <= pos && pos < m.End {
			return m
		}
	}
	return nil
}

func namedSpeaker(doc *dossier.Document, m *dossier.Mention) *dossier.Speaker {
	if m == nil {
		return nil
	}
	if t := entityType(doc, m); t != dossier.TypePER && t != dossier.TypeORG {
		return nil
	}
	return &dossier.Speaker{Entity: m.Entity, Span: m.Span}
}

// sourceAfter reads the source that follows "according to" at token i: a
// named person or organisation, or an unnamed source up to the next punctuation.
func (s *Stage) sourceAfter(doc *dossier.Document, d *langData, ws *workspace, i int) *dossier.Speaker {
	toks, low := ws.sentence, ws.sentLow
	j := i
	for j < len(toks) && toks[j].kind == tkWord && d.determiners[lowOf(low, toks[j])] {
		j++
	}
	if j >= len(toks) {
		return nil
	}
	if m := mentionAt(doc, ws, toks[j].start); m != nil && m.Start == toks[j].start {
		if sp := namedSpeaker(doc, m); sp != nil {
			return sp
		}
	}
	k := i
	for k < len(toks) && k < i+10 && !isClauseBreak(low, toks[k]) {
		k++
	}
	return unnamed(doc, d, ws, i, k)
}

// speechSubject finds the subject of a speech verb: the name just before it
// ("Hecker said", "the ministry has said") or just after it ("said Hecker").
func (s *Stage) speechSubject(doc *dossier.Document, d *langData, ws *workspace, c cue) *dossier.Speaker {
	toks, low := ws.sentence, ws.sentLow
	j := c.first - 1
	for j >= 0 && toks[j].kind == tkWord && d.auxiliaries[lowOf(low, toks[j])] {
		j--
	}
	if j >= 0 && toks[j].kind == tkWord {
		if d.pronouns[lowOf(low, toks[j])] {
			return nil
		}
		if m := mentionAt(doc, ws, toks[j].start); m != nil {
			return namedSpeaker(doc, m)
		}
		// An unnamed subject: the noun phrase back to a determiner or punctuation.
		k := j
		for k > 0 && k > j-5 && toks[k-1].kind == tkWord && !d.determiners[lowOf(low, toks[k-1])] && mentionAt(doc, ws, toks[k-1].start) == nil {
			k--
		}
		if k > 0 && toks[k-1].kind == tkWord && d.determiners[lowOf(low, toks[k-1])] {
			k--
		}
		return unnamed(doc, d, ws, k, j+1)
	}
	if c.end < len(toks) {
		if m := mentionAt(doc, ws, toks[c.end].start); m != nil && m.Start == toks[c.end].start {
			return namedSpeaker(doc, m)
		}
	}
	return nil
}

func isClauseBreak(low []byte, t tok) bool {
	if t.kind != tkPunct {
		return false
	}
	switch lowOf(low, t) {
	case ",", ".", ";", ":", "!", "?", "(", ")", "\"", "«", "»", "“", "”", "—", "–":
		return true
	}
	return false
}

// unnamed builds an unnamed source from tokens [i, k) of the sentence, with
// a descriptor without leading determiners; nil when only determiners remain.
func unnamed(doc *dossier.Document, d *langData, ws *workspace, i, k int) *dossier.Speaker {
	toks, low := ws.sentence, ws.sentLow
	if i >= k || k > len(toks) {
		return nil
	}
	span := dossier.Span{Start: toks[i].start, End: toks[k-1].end}
	for i < k && toks[i].kind == tkWord && d.determiners[lowOf(low, toks[i])] {
		i++
	}
	if i >= k {
		return nil
	}
	var b strings.Builder
	for j := i; j < k; j++ {
		w := lowOf(low, toks[j])
		if toks[j].kind == tkPunct && (w == "'" || w == "-") {
			b.WriteString(w)
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "'") && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return &dossier.Speaker{Entity: -1, Span: span, Descriptor: b.String()}
}
