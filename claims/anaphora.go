package claims

import (
	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
)

// anaphorReach is how many sentences back an anaphor looks for its
// antecedent: news prose names an actor and goes on with "the group" or
// "he" in the next sentence or two, rarely further.
const anaphorReach = 2

// anaphorWeight scales the confidence of claims with a resolved end: the
// text states the relation, the link to the name is inferred.
const anaphorWeight = 0.85

// sourceAnaphor marks synthetic mentions standing for a pronoun or a
// definite description ("he", "the group", "le groupe").
const sourceAnaphor = "anaphor"

// antecedent is an entity named in a recent sentence.
type antecedent struct {
	entity int
	sent   int
	person bool // a PER entity: what "he" and "il" can stand for
	group  bool // an armed group: what "the group" and "le groupe" can stand for
}

// anaphorData is the compiled anaphora section of a language's lexicon.
type anaphorData struct {
	determiners map[string]bool
	modifiers   map[string]bool
	groupNouns  map[string]bool
	pronouns    map[string]bool
}

func (a *anaphorData) empty() bool {
	return len(a.pronouns) == 0 && (len(a.groupNouns) == 0 || len(a.determiners) == 0)
}

// groupKinds are the KB kinds a description like "the group" refers to.
var groupKinds = map[kb.Kind]bool{kb.KindArmedGroup: true, kb.KindTerroristOrg: true}

// isGroup reports whether entity e is an armed group a definite description
// can stand for. Without a knowledge base every organisation qualifies.
func (s *Stage) isGroup(doc *dossier.Document, e int) bool {
	ent := &doc.Entities[e]
	if ent.Type != dossier.TypeORG {
		return false
	}
	if s.kb == nil {
		return true
	}
	if ent.KB == "" {
		return false
	}
	k := s.kb.Entry(ent.KB)
	return k != nil && groupKinds[k.Kind]
}

// resolveAnaphors records the sentence's names as antecedents and adds to
// ws.sm a mention for each pronoun or definite description that stands for
// exactly one recent entity of the right kind. Ambiguity (two people named
// in the last sentences) resolves nothing: a wrong link is worse than none.
func (s *Stage) resolveAnaphors(doc *dossier.Document, d *langData, ws *workspace, si int, sent dossier.Span) {
	// Forget antecedents out of reach.
	keep := ws.recent[:0]
	for _, a := range ws.recent {
		if a.sent >= si-anaphorReach {
			keep = append(keep, a)
		}
	}
	ws.recent = keep
	real := len(ws.sm)
	if d.anaphora.empty() || real == 0 {
		return // an anaphor alone in its sentence has no partner to link to
	}
	tokenizeSentence(doc, ws, sent)
	toks, low := ws.sentence, ws.sentLow
	next := 0 // the next real mention of the sentence not yet recorded
	record := func(upTo int) {
		for ; next < real && ws.sm[next].Start < upTo; next++ {
			e := ws.sm[next].Entity
			ws.recent = append(ws.recent, antecedent{entity: e, sent: si,
				person: doc.Entities[e].Type == dossier.TypePER, group: s.isGroup(doc, e)})
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tkWord {
			continue
		}
		record(t.start)
		if insideMention(ws.sm[:real], t.start) {
			continue
		}
		w := lowOf(low, t)
		var span dossier.Span
		person := false
		switch {
		case d.anaphora.pronouns[w]:
			span, person = dossier.Span{Start: t.start, End: t.end}, true
		case d.anaphora.determiners[w]:
			end, ok := groupDescription(d, ws.sm[:real], toks, low, i+1)
			if !ok {
				continue
			}
			span = dossier.Span{Start: toks[i+1].start, End: toks[end-1].end}
			i = end - 1
		default:
			continue
		}
		if quoteAround(doc, span) != nil {
			continue // inside a quotation "he" is someone the speaker means
		}
		e := ws.recentUnique(person)
		if e < 0 {
			continue
		}
		typ := dossier.TypeORG
		if person {
			typ = dossier.TypePER
		}
		ws.sm = append(ws.sm, dossier.Mention{Span: span, Type: typ, Entity: e, Source: sourceAnaphor})
	}
	record(sent.End)
	if len(ws.sm) > real {
		sortMentions(ws.sm)
	}
}

// groupDescription matches "<modifiers> noun <modifier>" at toks[i:]
// ("jihadist group", "groupe terroriste") and returns the end of the
// phrase. A name right after it makes an apposition ("the group Hay'at
// Tahrir al-Sham"), not an anaphor.
func groupDescription(d *langData, real []dossier.Mention, toks []tok, low []byte, i int) (int, bool) {
	j := i
	for j < len(toks) && j < i+2 && toks[j].kind == tkWord && d.anaphora.modifiers[lowOf(low, toks[j])] && !insideMention(real, toks[j].start) {
		j++
	}
	if j >= len(toks) || toks[j].kind != tkWord || !d.anaphora.groupNouns[lowOf(low, toks[j])] || insideMention(real, toks[j].start) {
		return 0, false
	}
	j++
	if j < len(toks) && toks[j].kind == tkWord && d.anaphora.modifiers[lowOf(low, toks[j])] && !insideMention(real, toks[j].start) {
		j++
	}
	if j < len(toks) && startsMention(real, toks[j].start) {
		return 0, false
	}
	return j, true
}

// recentUnique returns the entity of the wanted kind named in the latest
// sentence that names one, or -1 when there is none or that sentence names
// two (the nearest mention wins only when it is the only candidate).
func (ws *workspace) recentUnique(person bool) int {
	found, sent := -1, -1
	for i := len(ws.recent) - 1; i >= 0; i-- {
		a := ws.recent[i]
		if person && !a.person || !person && !a.group {
			continue
		}
		if sent >= 0 && a.sent != sent {
			break
		}
		if found >= 0 && found != a.entity {
			return -1
		}
		found, sent = a.entity, a.sent
	}
	return found
}

func insideMention(ms []dossier.Mention, pos int) bool {
	for i := range ms {
		if ms[i].Start <= pos && pos < ms[i].End {
			return true
		}
	}
	return false
}

func startsMention(ms []dossier.Mention, pos int) bool {
	for i := range ms {
		if ms[i].Start == pos {
			return true
		}
	}
	return false
}

// sortMentions orders the few mentions of a sentence by start (insertion sort).
func sortMentions(ms []dossier.Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
