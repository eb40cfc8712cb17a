package claims

import (
	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
)

// Streets, bridges and squares lie in the city the article is speaking of:
// a report walks its reader "from the rue des Orfèvres to the pont
// Saint-Martin" right after naming Strasbourg. A place whose name starts
// or ends with a street noun is located in the city named last, in its sentence or
// in the few sentences before.

// streetReach is how many sentences back the city may be named.
const streetReach = 3

const streetWeight = 0.7

var streetRule = &rule{predicate: dossier.PredLocatedIn, weight: streetWeight}

// cityMention is the last city named, with its sentence.
type cityMention struct {
	m    dossier.Mention
	sent dossier.Span
	si   int
	ok   bool
}

// streets emits located_in for the street-like places of sentence si and
// records its last city.
func (s *Stage) streets(doc *dossier.Document, d *langData, ws *workspace, si int, sent dossier.Span) {
	if s.kb == nil || len(d.streetNouns) == 0 {
		return
	}
	for i := range ws.sm {
		m := &ws.sm[i]
		if entityType(doc, m) != dossier.TypeLOC || m.Source == sourceAnaphor {
			continue
		}
		if e := s.kbEntry(doc, m); e != nil && e.Kind == kb.KindCity {
			ws.city = cityMention{m: *m, sent: sent, si: si, ok: true}
			continue
		}
		if !streetName(d, doc.Text, m.Span, ws) {
			continue
		}
		c := ws.city
		if !c.ok || c.si < si-streetReach || c.m.Entity == m.Entity {
			// The city may come later in the same sentence: "rue X, à Strasbourg".
			c.ok = false
			for k := i + 1; k < len(ws.sm); k++ {
				if e := s.kbEntry(doc, &ws.sm[k]); e != nil && e.Kind == kb.KindCity {
					c = cityMention{m: ws.sm[k], sent: sent, si: si, ok: true}
					break
				}
			}
			if !c.ok {
				continue
			}
		}
		ev := dossier.Span{Start: min(c.sent.Start, sent.Start), End: max(c.sent.End, sent.End)}
		s.emit(doc, d, ws, ev, &pattern{rule: streetRule}, m, &c.m, dossier.Span{}, false)
	}
}

// streetName reports whether the place name in span starts or ends with a
// street noun ("rue des Orfèvres", "Baker Street").
func streetName(d *langData, text string, span dossier.Span, ws *workspace) bool {
	mark := len(ws.low)
	defer func() { ws.low = ws.low[:mark] }()
	side := ws.side[:0]
	side, ws.low = ws.scan(text, span.Start, span.End, side, ws.low)
	ws.side = side
	if len(side) < 2 {
		return false // the noun alone is no name
	}
	return d.streetNouns[lowOf(ws.low, side[0])] || d.streetNouns[lowOf(ws.low, side[len(side)-1])]
}
