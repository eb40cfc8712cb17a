package claims

import (
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
)

// Knowledge-confirmed claims: the sentence names both ends and says how
// they relate ("one of two branches", "in northern Mozambique"); the
// knowledge base only confirms which of the names is the whole and which
// the part, so no claim rests on the KB alone.

// kbBranchWeight and kbPlaceWeight scale these claims' confidence: the
// wording is looser than a pattern's.
const (
	kbBranchWeight = 0.8
	kbPlaceWeight  = 0.7
	// kbPlaceSentenceWeight: two places of one sentence, no joining cue.
	kbPlaceSentenceWeight = 0.5
)

var branchRule = &rule{predicate: dossier.PredPartOf, weight: kbBranchWeight}
var placeRule = &rule{predicate: dossier.PredLocatedIn, weight: kbPlaceWeight}

// placeSentenceRule: the KB puts one place of the sentence inside the other
// but no cue joins them ("attacked Palma … in northern Mozambique").
var placeSentenceRule = &rule{predicate: dossier.PredLocatedIn, weight: kbPlaceSentenceWeight}

// kbClaims adds part_of between an organisation and its KB parent when the
// sentence also holds a branch word, and located_in between two places of
// the sentence when the KB puts one inside the other and a place cue
// ("in", "of", "en", ",") joins them within a few words.
func (s *Stage) kbClaims(doc *dossier.Document, d *langData, ws *workspace, sent dossier.Span) {
	if s.kb == nil {
		return
	}
	ms := ws.sm
	s.statedPlaces(doc, d, ws, sent)
	for a := range ms {
		ea := s.kbEntry(doc, &ms[a])
		if ea == nil {
			continue
		}
		for b := range ms {
			if a == b || ms[a].Entity == ms[b].Entity {
				continue
			}
			eb := s.kbEntry(doc, &ms[b])
			if eb == nil {
				continue
			}
			switch {
			case entityType(doc, &ms[a]) == dossier.TypeORG && entityType(doc, &ms[b]) == dossier.TypeORG && ea.Parent == eb.ID:
				if s.cueNear(doc, d, ws, sent, &ms[a], &ms[b], d.branchCues) {
					s.emitRule(doc, d, ws, sent, branchRule, &ms[a], &ms[b])
				}
			case entityType(doc, &ms[a]) == dossier.TypeLOC && entityType(doc, &ms[b]) == dossier.TypeLOC &&
				ea.Kind != kb.KindCountry && s.contains(eb, ea):
				if s.placeJoined(doc, d, ws, &ms[a], &ms[b]) {
					s.emitRule(doc, d, ws, sent, placeRule, &ms[a], &ms[b])
				} else if !ea.Capital() {
					// A capital named apart from its country mostly stands for
					// the government ("the junta in Bamako"), not for a place.
					s.emitRule(doc, d, ws, sent, placeSentenceRule, &ms[a], &ms[b])
				}
			}
		}
	}
}

// Place ranks: a place stated inside another must rank lower.
const (
	rankSite = iota + 1
	rankTown
	rankRegion
	rankCountry
	rankContinent
)

// placeRank ranks a place mention by its KB kind, or, for a place the KB
// does not know, by its head word ("Verin Province" is a region; "Tongo
// Tongo" is taken for a town or site).
func (s *Stage) placeRank(doc *dossier.Document, d *langData, m *dossier.Mention, e *kb.Entry) int {
	if e != nil {
		switch {
		case e.Kind == kb.KindCountry:
			return rankCountry
		case e.Kind == kb.KindRegion && e.Country == "":
			return rankContinent
		case e.Kind == kb.KindRegion:
			return rankRegion
		case e.Kind == kb.KindCity:
			return rankTown
		}
		return rankSite
	}
	name := doc.Text[m.Start:m.End]
	if i := strings.LastIndexByte(name, ' '); i >= 0 && d.placeWords[strings.ToLower(name[i+1:])] {
		return rankRegion // "… Province", "… Region", "… District"
	}
	return rankTown
}

// statedPlaces adds located_in between two places that the sentence joins
// ("near the town of Tongo Tongo, in the western Tillaberi region of Niger")
// when the first ranks below the second, even if the KB does not know the
// smaller one; the KB only vetoes a link it contradicts (a town it puts in
// another country). Links chained through a middle place are closed
// transitively (Tongo Tongo in Niger).
func (s *Stage) statedPlaces(doc *dossier.Document, d *langData, ws *workspace, sent dossier.Span) {
	ms := ws.sm
	type link struct{ in, out int }
	var links []link
	for a := range ms {
		if entityType(doc, &ms[a]) != dossier.TypeLOC {
			continue
		}
		ea := s.kbEntry(doc, &ms[a])
		for b := range ms {
			if a == b || ms[a].Entity == ms[b].Entity || entityType(doc, &ms[b]) != dossier.TypeLOC {
				continue
			}
			eb := s.kbEntry(doc, &ms[b])
			if ea != nil && eb != nil {
				continue // both known: kbClaims decides from the KB
			}
			if s.placeRank(doc, d, &ms[a], ea) >= s.placeRank(doc, d, &ms[b], eb) {
				continue
			}
			if ea != nil && eb != nil && ea.Country != "" && eb.Kind == kb.KindCountry && ea.Country != eb.Country {
				continue
			}
			if !s.placeJoined(doc, d, ws, &ms[a], &ms[b]) {
				continue
			}
			links = append(links, link{a, b})
			s.emitRule(doc, d, ws, sent, placeRule, &ms[a], &ms[b])
		}
	}
	// Close chains stated in this sentence: a in b, b in c → a in c, when c
	// is known (from the KB or from a link) to hold b.
	for _, l1 := range links {
		for b := range ms {
			if b == l1.in || b == l1.out || ms[b].Entity == ms[l1.in].Entity || entityType(doc, &ms[b]) != dossier.TypeLOC {
				continue
			}
			eo, eb := s.kbEntry(doc, &ms[l1.out]), s.kbEntry(doc, &ms[b])
			if eo == nil || eb == nil || !s.contains(eb, eo) || !s.placeJoined(doc, d, ws, &ms[l1.out], &ms[b]) {
				continue
			}
			s.emitRule(doc, d, ws, sent, placeRule, &ms[l1.in], &ms[b])
		}
	}
}

// placeJoined reports whether two place names stand close, with only place
// cue words, determiners, compass words and commas between them.
func (s *Stage) placeJoined(doc *dossier.Document, d *langData, ws *workspace, x, y *dossier.Mention) bool {
	from, to := x.End, y.Start
	if y.Start < x.Start {
		from, to = y.End, x.Start
	}
	if to-from > 80 {
		return false
	}
	mark := len(ws.low)
	defer func() { ws.low = ws.low[:mark] }()
	side := ws.side[:0]
	side, ws.low = ws.scan(doc.Text, from, to, side, ws.low)
	ws.side = side
	if len(side) == 0 || len(side) > 8 {
		return false
	}
	cue := false
	for _, t := range side {
		w := lowOf(ws.low, t)
		switch {
		case d.placeCues[w]:
			cue = true
		case w == "," || w == "(" || w == "'" || w == "-":
		case t.kind == tkWord && d.placeWords[w]:
		default:
			return false
		}
	}
	return cue || eqLow(ws.low, side[0], ",") || eqLow(ws.low, side[0], "(")
}

// emitRule records a claim of a code rule between x (subject) and y.
func (s *Stage) emitRule(doc *dossier.Document, d *langData, ws *workspace, sent dossier.Span, r *rule, x, y *dossier.Mention) {
	s.emit(doc, d, ws, sent, &pattern{rule: r, xFirst: x.Start < y.Start}, x, y, dossier.Span{}, false)
}

// cueNear reports whether one of words lies between the two mentions or
// within a few words of either.
func (s *Stage) cueNear(doc *dossier.Document, d *langData, ws *workspace, sent dossier.Span, x, y *dossier.Mention, words map[string]bool) bool {
	tokenizeSentence(doc, ws, sent)
	lo, hi := min(x.Start, y.Start), max(x.End, y.End)
	if max(x.Start, y.Start)-min(x.End, y.End) > 80 {
		return false // far apart, the names belong to different clauses
	}
	const slack = 30 // bytes: "X, the Y branch", "la branche de Y, X"
	for _, t := range ws.sentence {
		if t.start >= lo-slack && t.end <= hi+slack && t.kind == tkWord && words[lowOf(ws.sentLow, t)] {
			return true
		}
	}
	return false
}
