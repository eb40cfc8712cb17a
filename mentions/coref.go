package mentions

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
)

// Alias reasons recorded on entities.
const (
	ReasonKB       = "kb:alias"
	ReasonAcronym  = "acronym-definition"
	ReasonSurname  = "surname"
	ReasonPartial  = "partial-name"
	ReasonAka      = "aka"
	ReasonSameName = "same-name"
	ReasonSpelling = "spelling-variant"
	ReasonInitials = "middle-initials"
)

// candKey returns the folded words of a candidate, space-separated.
func (ws *workspace) candKey(c *cand) string { return string(ws.candKeyBytes(c)) }

// candKeyBytes is candKey in ws.key, valid until the next use of ws.key:
// a map lookup with it allocates nothing.
func (ws *workspace) candKeyBytes(c *cand) []byte {
	ws.key = ws.key[:0]
	for k := c.from; k < c.to; k++ {
		t := &ws.toks[k]
		if t.foldEnd == t.foldStart {
			continue
		}
		if len(ws.key) > 0 {
			ws.key = append(ws.key, ' ')
		}
		ws.key = append(ws.key, ws.foldOf(t)...)
	}
	return ws.key
}

// noWordIn reports whether no word of tokens [a, b) is a dictionary word.
func noWordIn(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		if t := &ws.toks[k]; t.word && (t.class&wDict != 0 || t.number) {
			return false
		}
	}
	return true
}

// webAddresses extends a name glued by a period to a web address's last
// labels ("Vessa.com", "Norpress.co.uk") to the whole address: the site's
// name, an organisation's. A connector inside the name before the address
// parts a body from its site ("Kessel Media for Kessel.com").
func webAddresses(ws *workspace, r *langRules) {
	if len(r.webSuffixes) == 0 {
		return
	}
	toks := ws.toks
	for i, n := 0, len(ws.cands); i < n; i++ {
		c := &ws.cands[i]
		k := c.to
		for k+1 < len(toks) && !toks[k].word && toks[k].start == toks[k-1].end && ws.text[toks[k].start:toks[k].end] == "." &&
			toks[k+1].word && toks[k+1].start == toks[k].end && toks[k+1].shape == shapeLower && r.webSuffixes[string(ws.foldOf(&toks[k+1]))] {
			k += 2
		}
		if k == c.to || c.drop || k < len(toks) && toks[k].word && toks[k].start == toks[k-1].end {
			continue
		}
		from := c.from
		for j := c.to - 1; j > c.from; j-- {
			if t := &toks[j]; t.word && t.shape == shapeLower && t.class&wConnector != 0 {
				from = j + 1
				break
			}
		}
		if from > c.from {
			// "Kessel Media for Kessel.com": the body keeps its name; the
			// site is a second one.
			c.to = from - 1
			ws.cands = append(ws.cands, cand{from: from, to: k, typ: "ORG", strength: evHead, source: SourcePattern})
			continue
		}
		c.to = k
		if c.typ != "ORG" {
			c.typ, c.entry, c.source, c.strength = "ORG", nil, SourcePattern, evHead
		}
	}
	// A common word glued to an address's labels is a site's name too
	// ("News.az", "Politico.eu"), where no name was read.
	for i := 0; i+2 < len(toks); i++ {
		t := &toks[i]
		if !t.word || t.number || t.skip || t.shape != shapeCap || i > 0 && toks[i-1].end == t.start {
			continue
		}
		k := i + 1
		for k+1 < len(toks) && !toks[k].word && toks[k].start == toks[k-1].end && ws.text[toks[k].start:toks[k].end] == "." &&
			toks[k+1].word && toks[k+1].start == toks[k].end && toks[k+1].shape == shapeLower && r.webSuffixes[string(ws.foldOf(&toks[k+1]))] {
			k += 2
		}
		if k == i+1 || k < len(toks) && toks[k].word && toks[k].start == toks[k-1].end || candAt(ws, i, k) {
			continue
		}
		ws.cands = append(ws.cands, cand{from: i, to: k, typ: "ORG", strength: evHead, source: SourcePattern})
		i = k - 1
	}
}

// candAt reports a candidate overlapping tokens [a, b).
func candAt(ws *workspace, a, b int) bool {
	for i := range ws.cands {
		if c := &ws.cands[i]; !c.drop && c.from < b && a < c.to {
			return true
		}
	}
	return false
}

// filterAndType drops pattern candidates that lack support where capitals
// mean little (sentence starts, headlines) and gives every mention of one name
// one type: the best-supported one.
// workTitleAfterNoun reports a name at a right after a work's noun in lower
// case ("the film", "a novel"), or after the noun and "like" or "such as"
// ("films like", "shows such as").
func workTitleAfterNoun(ws *workspace, a int) bool {
	r := ws.rules
	if r == nil || len(r.workNouns) == 0 || a == 0 {
		return false
	}
	toks := ws.toks
	lowerWord := func(k int) bool {
		return k >= 0 && toks[k].word && toks[k].shape == shapeLower && toks[k].sent == toks[a].sent
	}
	k := a - 1
	switch {
	case lowerWord(k) && lowerWord(k-1) && r.workIntro[string(ws.foldOf(&toks[k-1]))+" "+string(ws.foldOf(&toks[k]))]:
		k -= 2 // "such as"
	case lowerWord(k) && r.workIntro[string(ws.foldOf(&toks[k]))]:
		k-- // "like"
	}
	return lowerWord(k) && r.workNouns[string(ws.foldOf(&toks[k]))]
}

func (s *Stage) filterAndType(ws *workspace, r *langRules, text string) {
	type support struct {
		body     bool // seen outside sentence starts and headlines
		typ      string
		strength int
	}
	names := make(map[string]*support, len(ws.cands))
	keys := make([]string, len(ws.cands))
	lastWords := map[string]bool{}
	var surnames map[string]bool   // last words of well-supported persons' names
	var firstNames map[string]bool // and their first names
	for i := range ws.cands {
		c := &ws.cands[i]
		k := ws.candKey(c)
		keys[i] = k
		sp := names[k]
		if sp == nil {
			sp = &support{}
			names[k] = sp
		}
		first := &ws.toks[c.from]
		if c.entry != nil || (!first.sentStart && !first.titleLine) || c.to-c.from > 1 && (!first.titleLine || noWordIn(ws, c.from, c.to)) {
			// In a headline or a credit line capitals say little, but two
			// words that are no word of the language name someone or
			// something ("Oyelaran Temidayo, Kessandra Aduke Ashe").
			sp.body = true
		}
		if last := c.to - 1; c.to-c.from > 1 {
			if !ws.toks[last].word && last > c.from {
				last-- // "Karim B.": the initial's period
			}
			lastWords[string(ws.foldOf(&ws.toks[last]))] = true
			if c.typ == "PER" && c.strength >= evGiven {
				if surnames == nil {
					surnames = map[string]bool{}
				}
				surnames[string(ws.foldOf(&ws.toks[last]))] = true
				if f := &ws.toks[c.from]; f.class&wGiven != 0 {
					if firstNames == nil {
						firstNames = map[string]bool{}
					}
					firstNames[string(ws.foldOf(f))] = true
				}
			}
		}
	}
	// A small town's name that a person verb follows ("Clinton said", "Dole
	// told reporters"), or any town's after a person's title ("Mr. Preston"),
	// names a person there, and everywhere in the document;
	// so does one that is the surname of a person the document names
	// ("Ramos thanked…" after "Fidel Ramos"), unless it is a common word,
	// or the first name ("Nikki left" after "Nikki Varga").
	var personKeys, titledKeys map[string]bool
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.entry == nil || c.entry.Type != kb.LOC || c.to-c.from != 1 {
			continue
		}
		if c.entry.Kind == kb.KindCity && cappedTitleBefore(ws, c.from) { // (not "Miss Poland", "Commander Europe")
			if titledKeys == nil {
				titledKeys = map[string]bool{}
			}
			titledKeys[keys[i]] = true
		}
		if !s.townAsPerson(ws, r, c) {
			continue
		}
		if personKeys == nil {
			personKeys = map[string]bool{}
		}
		personKeys[keys[i]] = true
	}
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.entry != nil && c.entry.Type == kb.LOC && c.to-c.from == 1 &&
			(personKeys[keys[i]] || surnames[keys[i]] && ws.toks[c.from].class&wDict == 0 || firstNames[keys[i]] && ws.toks[c.from].class&wGiven != 0 || titledKeys[keys[i]] ||
				familyName(ws, keys[i], c.from, surnames)) &&
			!placePrepBefore(ws, c.from) && (titledKeys[keys[i]] || familyName(ws, keys[i], c.from, surnames) || !s.majorPlace(ws, text[ws.toks[c.from].start:ws.toks[c.from].end]) ||
			// "Rand Paul … Paul said": a first name that a province
			// somewhere is named like is the surname of the person named so.
			surnames[keys[i]] && c.entry.Kind == kb.KindRegion && ws.toks[c.from].class&wGiven != 0) {
			c.entry, c.typ, c.strength, c.source, c.weak, c.commonTown = nil, "PER", evVerb, SourcePattern, false, false
		}
	}
	// A surname of the document's persons in the plural names their family
	// ("the Clintons", "the Vargas").
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.entry == nil && c.typ != "PER" && c.to-c.from == 1 && familyName(ws, keys[i], c.from, surnames) {
			c.typ, c.strength = "PER", evVerb
		}
	}
	// The first word of a firm's or a body's name the document gave in full
	// names it alone later ("Varnotek Mining Corp … Varnotek said"), whatever
	// verb follows: a word no list knows, no first name, no place.
	var bodyFirst map[string]bool
	for i := range ws.cands {
		c := &ws.cands[i]
		if f := &ws.toks[c.from]; c.entry == nil && c.typ == "ORG" && c.strength >= evHead && c.to-c.from >= 2 && !c.drop &&
			f.word && f.shape == shapeCap && f.class&(wGiven|wDict|wArticle|wFunction) == 0 && ws.kbEnd[c.from] == 0 {
			if bodyFirst == nil {
				bodyFirst = map[string]bool{}
			}
			bodyFirst[string(ws.foldOf(f))] = true
		}
	}
	for i := range ws.cands {
		if c := &ws.cands[i]; bodyFirst != nil && c.entry == nil && c.to-c.from == 1 && c.typ != "ORG" && c.strength <= evVerb &&
			bodyFirst[keys[i]] && !surnames[keys[i]] {
			c.typ, c.strength = "ORG", evHead
		}
	}
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.entry != nil {
			continue
		}
		sp := names[keys[i]]
		first := &ws.toks[c.from]
		supported := sp.body || first.class&wGiven != 0 || c.strength >= evVerb || lastWords[keys[i]] || placeNounAfter(ws, c) ||
			c.to-c.from == 1 && first.shape == shapeUpper && first.class&wDict == 0 && !first.shouted && letterCount(text[first.start:first.end]) >= 3 || // "CNRS" opening a line: an acronym, whatever its place
			c.to-c.from == 1 && first.sentStart && !first.titleLine && !first.shouted && first.shape == shapeCap && first.class == 0 &&
				s.isClitic(ws, c.to) // "Vessatech’s new headset": no word of the language owns something
		if c.to-c.from == 1 && first.sentStart && c.strength <= evGiven && c.to < len(ws.toks) && ws.toks[c.to].word &&
			ws.toks[c.to].shape == shapeLower && r.determiners[string(ws.foldOf(&ws.toks[c.to]))] {
			supported = false // "Mark my words", "Will the court rule?": a verb
		}
		if !supported || commonAlone(ws, c) && !lastWords[keys[i]] || ws.nonEntity[keys[i]] ||
			c.to-c.from == 2 && ws.toks[c.to-1].number && len(ws.nonEntity) > 0 && ws.nonEntity[string(ws.foldOf(first))] {
			c.drop = true // "SDG 12" after "the Sustainable Growth Goals (SDGs)"
		}
	}
	for i := 0; i < len(ws.cands) && len(r.eraMarks) > 0; i++ {
		// "300 BCE", "the 6th century BC": an era's mark after a number.
		c := &ws.cands[i]
		if c.to-c.from != 1 || c.from == 0 || !r.eraMarks[text[ws.toks[c.from].start:ws.toks[c.from].end]] {
			continue
		}
		if p := &ws.toks[c.from-1]; p.number || p.word && p.shape == shapeLower && r.eraNouns[string(ws.foldOf(p))] {
			c.drop = true
		}
	}
	for i := range ws.cands {
		// "the film Kessel Nights", "shows like Harbour Lights": a work's
		// title after the noun that names it is no entity.
		if c := &ws.cands[i]; workTitleAfterNoun(ws, c.from) {
			c.drop = true
		}
	}
	coordinatedTypes(ws)
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.drop {
			continue
		}
		sp := names[keys[i]]
		if c.strength > sp.strength {
			sp.typ, sp.strength = c.typ, c.strength
		}
		if c.entry == nil && c.to-c.from == 1 && surnames[keys[i]] && sp.strength < evGiven {
			// "Okafor" alone, anywhere in a document that names "T. Okafor"
			// or "Ada Okafor": the person's surname.
			sp.typ, sp.strength = "PER", evGiven
		}
	}
	for i := range ws.cands {
		c := &ws.cands[i]
		if sp := names[keys[i]]; !c.drop && c.entry == nil && sp.strength > c.strength {
			c.typ = sp.typ
		}
	}
}

// townAsPerson reports a one-word match of a town that is no major place,
// with a person verb right after it in its sentence ("Clinton said"), a
// person's title right before it or an age after it ("Nelson, 31,").
func (s *Stage) townAsPerson(ws *workspace, r *langRules, c *cand) bool {
	t := &ws.toks[c.from]
	if t.shape != shapeCap {
		return false
	}
	person := s.titleBefore(ws, c.from) || ageAfter(ws, c.to)
	if !person && c.to < len(ws.toks) {
		n := &ws.toks[c.to]
		person = n.word && n.sent == t.sent && n.class&wPersonVerb != 0 && r.personVerbs[strings.ToLower(ws.text[n.start:n.end])] &&
			!s.prepObject(ws, c.from)
	}
	// The costly lookup last: most towns have no person verb after them.
	return person && !s.majorPlace(ws, ws.text[t.start:t.end])
}

// placeNounAfter reports a lower-case place noun right after the candidate
// in its sentence ("Harbourton prosecutor Lena Varga said", "Kessel police
// said"): the capital opening the sentence is the place's own.
func placeNounAfter(ws *workspace, c *cand) bool {
	n := c.to
	if n >= len(ws.toks) {
		return false
	}
	t := &ws.toks[n]
	return t.word && t.shape == shapeLower && t.class&wPlaceNoun != 0 && t.sent == ws.toks[c.from].sent
}

// coordinatedTypes gives a name typed by nothing but the default the type of
// a name it is listed with ("between Varnak and Ostral", "Sabratha and
// Sirte", "Hamas, Ansaru and Boko Haram"): lists join things of one kind.
// Forward then backward, so a list's one known member types all the others.
//
// A comma alone lists only in a list a coordinator ends ("A, B and C"): in
// "the envoy to the United Nations, Lena Varga, arrived" it sets off an
// apposition, whose name is of another kind.
func coordinatedTypes(ws *workspace) {
	cs := ws.cands
	if !slices.IsSortedFunc(cs, func(x, y cand) int { return x.from - y.from }) {
		return // chunk emits in text order; anything else is left alone
	}
	// inList[i]: candidate i is joined to the next kept one in a list.
	if cap(ws.inList) < len(cs) {
		ws.inList = make([]bool, len(cs))
	}
	inList := ws.inList[:len(cs)]
	clear(inList)
	next := -1
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].drop {
			continue
		}
		if next >= 0 {
			switch listed(ws, cs[i].to, cs[next].from) {
			case linkCoord:
				inList[i] = true
			case linkCommaCoord:
				// "A, B, and C" lists; "in Paris, and Kessel agreed" joins
				// two clauses: a comma before the coordinator lists only
				// after another comma.
				k := cs[i].from - 1
				if k >= 0 && ws.toks[k].word && ws.toks[k].shape == shapeLower && ws.toks[k].class&wArticle != 0 {
					k-- // "Madeira, the Azores, and …"
				}
				inList[i] = k >= 0 && !ws.toks[k].word && ws.text[ws.toks[k].start:ws.toks[k].end] == ","
			case linkComma:
				inList[i] = inList[next]
			}
		}
		next = i
	}
	prev := -1
	pass := func(i int) {
		if cs[i].drop {
			return
		}
		if prev >= 0 && inList[prev] {
			adoptType(ws, &cs[i], &cs[prev])
			adoptType(ws, &cs[prev], &cs[i])
		}
		if prev >= 0 && (inList[prev] || versusBetween(ws, cs[prev].to, cs[i].from)) {
			clubPartner(ws, &cs[i], &cs[prev])
			clubPartner(ws, &cs[prev], &cs[i])
		}
		prev = i
	}
	for i := range cs {
		pass(i)
	}
	prev = -1
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].drop {
			continue
		}
		if prev >= 0 && inList[i] {
			adoptType(ws, &cs[i], &cs[prev])
		}
		prev = i
	}
	// "the Vessa, Kessel and Dorun neighborhoods": a plural place
	// noun after a list makes all its members places.
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].drop || i > 0 && inList[i] || !pluralPlaceNounAt(ws, cs[i].to) {
			continue
		}
		for j := i; j >= 0; j-- {
			if cs[j].drop {
				continue
			}
			if j < i && !inList[j] {
				break
			}
			if cs[j].entry == nil && !(cs[j].to-cs[j].from >= 2 && ws.toks[cs[j].from].class&wGiven != 0) { // ("Lena Varga and …": a person)
				cs[j].typ, cs[j].strength = "LOC", evHead
			}
		}
	}
	prev = -1
	for i := range cs {
		if cs[i].drop {
			continue
		}
		if prev >= 0 && cs[prev].typ == "PER" && cs[i].entry != nil && cs[i].entry.Kind == kb.KindCity && cs[i].from == cs[prev].to+1 &&
			ws.text[ws.toks[cs[prev].to].start:ws.toks[cs[prev].to].end] == "(" && sportsDoc(ws) {
			// "Luis Vessaro (Valencia)", "(Valencia, Spain)": in a
			// document about sport, the town in brackets after a player is
			// the player's club.
			asTeam(&cs[i])
		}
		prev = i
	}
}

// pluralPlaceNounAt reports a lower-case place noun in the plural at token k
// ("neighborhoods", "districts"): the names listed before it are places.
func pluralPlaceNounAt(ws *workspace, k int) bool {
	if k >= len(ws.toks) || k == 0 {
		return false
	}
	t := &ws.toks[k]
	if !t.word || t.shape != shapeLower || t.sent != ws.toks[k-1].sent {
		return false
	}
	f := ws.foldOf(t)
	if len(f) < 4 || f[len(f)-1] != 's' {
		return false
	}
	return ws.rules.class(f[:len(f)-1])&wPlaceNoun != 0
}

// clubPartner makes a town c a club when it is listed with a known club o
// or plays it ("between Real Madrid and Valencia", "Real Madrid v
// Sevilla"), in a document about sport.
func clubPartner(ws *workspace, c, o *cand) {
	if c.entry == nil || c.entry.Kind != kb.KindCity || o.entry == nil || o.entry.Kind != kb.KindClub || !sportsDoc(ws) {
		return
	}
	asTeam(c)
}

// asTeam makes a town's knowledge-base match the name of the team it stands for.
func asTeam(c *cand) {
	c.entry, c.typ, c.strength, c.source, c.weak, c.commonTown = nil, "ORG", evVerb, SourcePattern, false, false
}

// versusBetween reports a versus word alone between tokens from and to, in
// one sentence ("Vessa v Kessel").
func versusBetween(ws *workspace, from, to int) bool {
	if to != from+1 || from <= 0 || to >= len(ws.toks) || len(ws.rules.versusWords) == 0 {
		return false
	}
	t := &ws.toks[from]
	return t.word && t.sent == ws.toks[from-1].sent && t.sent == ws.toks[to].sent && ws.rules.versusWords[string(ws.foldOf(t))]
}

// adoptType types c like the listed name o when only the default typed c.
// An acronym names no person ("on ESPN and Forbes").
func adoptType(ws *workspace, c, o *cand) {
	if c.entry != nil || c.strength > evDefault || o.typ == c.typ || (o.entry == nil && o.strength < evContext) {
		return
	}
	if o.typ == "PER" && c.to-c.from == 1 && ws.toks[c.from].shape == shapeUpper {
		return
	}
	c.typ, c.strength = o.typ, evContext
}

// listed reports what list separator tokens [from, to) are, if only one: a
// comma, a coordinator, or a comma and a coordinator, in one sentence. An
// article may open the next member after a coordinator ("Madeira and the
// Azores", "Lyon et le Vessa", "la France et l'Allemagne").
func listed(ws *workspace, from, to int) link {
	if from <= 0 || to <= from || to-from > 4 || to >= len(ws.toks) || ws.toks[from-1].sent != ws.toks[to].sent {
		return linkNone
	}
	if a := articleBefore(ws, from, to); a < to {
		if a == from || !ws.toks[a-1].word || ws.toks[a-1].class&wCoord == 0 {
			return linkNone // an article needs the coordinator before it
		}
		to = a
	}
	if to-from > 2 {
		return linkNone
	}
	l, comma := linkComma, false
	for k := from; k < to; k++ {
		t := &ws.toks[k]
		switch {
		case t.word && t.shape == shapeLower && t.class&wCoord != 0:
			l = linkCoord
		case !t.word && ws.text[t.start:t.end] == "," && k == from:
			comma = true
		default:
			return linkNone
		}
	}
	if l == linkCoord && comma {
		return linkCommaCoord
	}
	return l
}

// articleBefore returns the lower-case article that ends the tokens [from,
// to) ("the", "le", "l'"), or to when there is none.
func articleBefore(ws *workspace, from, to int) int {
	if k := to - 1; k >= from && ws.toks[k].word && ws.toks[k].shape == shapeLower && ws.toks[k].class&wArticle != 0 {
		return k
	}
	return to
}

// link is what joins two names in a list.
type link uint8

const (
	linkNone       link = iota
	linkComma           // a comma alone
	linkCoord           // a coordinator
	linkCommaCoord      // a comma and a coordinator
)

// commonAlone reports a one-word pattern candidate that the dictionary lists
// as a common word ("the Observatory", "la Gendarmerie", "Witnesses"): it is
// a name only as the surname of a longer name in the document. Short
// all-capital words are acronyms, not the common word they spell.
func commonAlone(ws *workspace, c *cand) bool {
	if c.entry != nil || c.to-c.from != 1 || c.shortName {
		return false
	}
	t := &ws.toks[c.from]
	if t.class&wDict == 0 || t.class&wGiven != 0 || c.strength == evTitle || coordinatedWithName(ws, c.from) {
		return false
	}
	return t.shape != shapeUpper || t.end-t.start > 5
}

// coordinatedWithName reports a word listed after a place preposition with
// a capitalised word that is no common word ("entre Verger et Douvra", "in
// Douvra and Verger"): the list says it is a place name too.
func coordinatedWithName(ws *workspace, k int) bool {
	toks := ws.toks
	other := func(c, n int) bool {
		if c < 0 || n < 0 || c >= len(toks) || n >= len(toks) {
			return false
		}
		co, nm := &toks[c], &toks[n]
		return co.word && co.shape == shapeLower && co.class&wCoord != 0 && co.sent == toks[k].sent &&
			nm.word && nm.name && nm.shape == shapeCap && nm.class&(wDict|wCommon|wFunction) == 0 && nm.sent == toks[k].sent && !nm.sentStart
	}
	return other(k+1, k+2) && placePrepBefore(ws, k) || other(k-1, k-2) && placePrepBefore(ws, k-2)
}

// builder is an entity being grouped.
type builder struct {
	parent  int
	entry   *kb.Entry
	key     string // folded name of the first mention
	typ     string
	words   int
	members []int
	reason  map[int]string // mention index → why it joined; nil until one does
}

// group fills doc.Entities from doc.Mentions (parallel to the kept ws.cands).
// setReason records why mention m joined the builder's entity.
func (b *builder) setReason(m int, why string) {
	if b.reason == nil {
		b.reason = map[int]string{}
	}
	b.reason[m] = why
}

func (s *Stage) group(doc *dossier.Document, ws *workspace, r *langRules) {
	kept := make([]*cand, 0, len(doc.Mentions))
	for i := range ws.cands {
		if !ws.cands[i].drop {
			kept = append(kept, &ws.cands[i])
		}
	}
	var bs []builder
	byKB := map[string]int{}
	byKey := map[string]int{}
	mentionEnt := make([]int, len(kept))
	for i, c := range kept {
		ck := ws.candKeyBytes(c)
		id := -1
		if c.entry != nil {
			if e, ok := byKB[c.entry.ID]; ok {
				id = e
			}
		} else if e, ok := byKey[string(ck)]; ok && bs[e].entry == nil {
			id = e
		}
		if id < 0 {
			key := string(ck)
			id = len(bs)
			bs = append(bs, builder{parent: id, entry: c.entry, key: key, typ: c.typ, words: strings.Count(key, " ") + 1})
			if c.entry != nil {
				byKB[c.entry.ID] = id
			}
		}
		if _, ok := byKey[string(ck)]; !ok {
			k := bs[id].key // a new builder's key is this one: no second copy
			if k != string(ck) {
				k = string(ck)
			}
			byKey[k] = id
		}
		if c.entry != nil {
			bs[id].setReason(i, ReasonKB)
		}
		mentionEnt[i] = id
	}
	find := func(x int) int {
		for bs[x].parent != x {
			bs[x].parent = bs[bs[x].parent].parent
			x = bs[x].parent
		}
		return x
	}
	// union merges b into a unless both are linked to different KB entries.
	union := func(a, b int, why string, mention int) bool {
		a, b = find(a), find(b)
		if a == b {
			return false
		}
		if bs[a].entry != nil && bs[b].entry != nil && bs[a].entry != bs[b].entry {
			return false
		}
		if bs[a].entry == nil && bs[b].entry != nil {
			a, b = b, a
		}
		bs[b].parent = a
		if mention >= 0 {
			bs[a].setReason(mention, why)
		}
		for m, w := range bs[b].reason {
			if _, ok := bs[a].reason[m]; !ok {
				bs[a].setReason(m, w)
			}
		}
		if bs[a].entry == nil && bs[b].words > bs[a].words {
			bs[a].typ = bs[b].typ
		}
		return true
	}
	text := doc.Text
	ms := doc.Mentions
	// Acronym definitions and aliases: "Name (ACR)", "Name (ACR, or ACR2)", "X, also known as Y".
	for i := 0; i+1 < len(ms); i++ {
		gap := text[ms[i].End:ms[i+1].Start]
		if isOpenParen(gap) {
			for j := i + 1; j < len(ms) && j <= i+3; j++ {
				if !acronymOf(text[ms[j].Start:ms[j].End], text[ms[i].Start:ms[i].End], r) {
					break
				}
				if l, a := find(mentionEnt[i]), find(mentionEnt[j]); bs[l].entry != nil && bs[a].entry != nil && bs[l].entry != bs[a].entry {
					// "the Australian Federal Police (AFP)": the document
					// defines the acronym; the knowledge base's other
					// body of that acronym (the news agency) is not meant.
					bs[a].entry = nil
				}
				union(mentionEnt[i], mentionEnt[j], ReasonAcronym, j)
				if j+1 >= len(ms) || !isAltSep(text[ms[j].End:ms[j+1].Start], r) {
					break
				}
			}
			continue
		}
		if j := s.bracketDefinition(text, ms, i, r); j > i {
			// "the NCTC [the US' National Counter-Terrorism Centre]": the definition follows.
			union(mentionEnt[i], mentionEnt[j], ReasonAcronym, i)
			continue
		}
		// "al-Rauf, also known as …": a name may start with a lowercase particle, but not be all lowercase.
		// Types must agree, unless one side's type is only the default guess.
		sameType := ms[i].Type == ms[i+1].Type || kept[i].strength <= evDefault || kept[i+1].strength <= evDefault
		if s.isAkaGap(ws, gap, r) && sameType && strings.ContainsFunc(text[ms[i].Start:ms[i].End], unicode.IsUpper) {
			union(mentionEnt[i], mentionEnt[i+1], ReasonAka, i+1)
		}
	}
	// Misspelt surnames: "Salah Abdelsam" beside "Salah Abdeslam" in one
	// article. Same given name, surnames of 6+ letters one edit apart.
	for a := range bs {
		if bs[a].typ != dossier.TypePER || bs[a].words < 2 {
			continue
		}
		for b := a + 1; b < len(bs); b++ {
			if bs[b].typ != dossier.TypePER || bs[b].words != bs[a].words || bs[a].entry != nil && bs[b].entry != nil || find(a) == find(b) {
				continue
			}
			if !spellingVariant(bs[a].key, bs[b].key) {
				continue
			}
			first := -1
			for m := range kept {
				if mentionEnt[m] == b {
					first = m
					break
				}
			}
			union(a, b, ReasonSpelling, first)
		}
	}
	// A person named with and without middle initials is one ("Nikki R.
	// Varga", "Nikki Varga"): then a surname alone fits one entity.
	for a := range bs {
		if bs[a].typ != dossier.TypePER || bs[a].words < 3 || find(a) != a {
			continue
		}
		bare, ok := withoutInitials(bs[a].key)
		if !ok {
			continue
		}
		for b := range bs {
			if b == a || bs[b].typ != dossier.TypePER || bs[b].key != bare || bs[a].entry != nil && bs[b].entry != nil || find(a) == find(b) {
				continue
			}
			first := -1
			for m := range kept {
				if mentionEnt[m] == b {
					first = m
					break
				}
			}
			union(a, b, ReasonInitials, first)
		}
	}
	// Surnames and partial names: "Hecker" → "Marc Hecker" when one entity fits.
	longKeys := make([]string, len(bs)) // the KB name when linked, else the first form
	for j := range bs {
		longKeys[j] = bs[j].key
		if bs[j].entry != nil {
			longKeys[j] = fold(bs[j].entry.Name)
		}
	}
	for i := range bs {
		townName := bs[i].entry != nil && bs[i].entry.Kind == kb.KindCity && bs[i].words == 1
		if find(i) != i || bs[i].entry != nil && !townName {
			continue
		}
		short := bs[i].key
		if utf8.RuneCountInString(short) <= 1 {
			continue // an initial ("C") is nobody's surname
		}
		match := -1
		ambiguous := false
		for j := range bs {
			if j == i || find(j) != j || bs[j].words <= bs[i].words {
				continue
			}
			long := longKeys[j]
			surname := strings.HasSuffix(long, " "+short)
			partial := strings.HasPrefix(long, short+" ") && bs[j].typ == dossier.TypePER
			if !surname && !partial {
				continue
			}
			if bs[j].typ != dossier.TypePER && !(bs[j].typ == dossier.TypeORG && partial) {
				continue
			}
			if townName && (!surname || bs[j].entry != nil) {
				continue
			}
			if match >= 0 && match != j {
				ambiguous = true
				break
			}
			match = j
		}
		if match >= 0 && !ambiguous {
			why := ReasonSurname
			if strings.HasPrefix(bs[match].key, short+" ") {
				why = ReasonPartial
			}
			if townName {
				// "Holloway" is a town too, but here the surname of the one person named so.
				bs[i].entry, bs[i].typ = nil, dossier.TypePER
				clear(bs[i].reason)
			}
			first := -1
			for m := range kept {
				if mentionEnt[m] == i {
					first = m
					break
				}
			}
			union(match, i, why, first)
		}
	}
	// Build the entities.
	roots := map[int]int{}
	var entRoot []int // entity index → its builder root
	doc.Entities = doc.Entities[:0]
	for m := range kept {
		root := find(mentionEnt[m])
		ei, ok := roots[root]
		if !ok {
			ei = len(doc.Entities)
			roots[root] = ei
			entRoot = append(entRoot, root)
			e := dossier.Entity{Type: bs[root].typ}
			if bs[root].entry != nil {
				e.KB = bs[root].entry.ID
				e.Name = bs[root].entry.Name
				e.Type = string(bs[root].entry.Type)
			}
			doc.Entities = append(doc.Entities, e)
		}
		e := &doc.Entities[ei]
		e.Mentions = append(e.Mentions, m)
		doc.Mentions[m].Entity = ei
	}
	for ei := range doc.Entities {
		e := &doc.Entities[ei]
		root := entRoot[ei]
		seen := map[string]bool{}
		for _, m := range e.Mentions {
			doc.Mentions[m].Type = e.Type
			name := text[ms[m].Start:ms[m].End]
			if e.KB == "" && betterName(name, e.Name) {
				e.Name = name
			}
		}
		for _, m := range e.Mentions {
			name := text[ms[m].Start:ms[m].End]
			if name == e.Name || seen[name] {
				continue
			}
			seen[name] = true
			why := bs[root].reason[m]
			if why == "" {
				why = ReasonSameName
			}
			e.Aliases = append(e.Aliases, dossier.Alias{Name: name, Reason: why})
		}
	}
}

// bracketDefinition returns the index of the mention that spells out the
// acronym ms[i] inside the parenthesis or bracket right after it, or -1.
func (s *Stage) bracketDefinition(text string, ms []dossier.Mention, i int, r *langRules) int {
	short := text[ms[i].Start:ms[i].End]
	if wordShape(short) != shapeUpper || strings.ContainsAny(short, " ") {
		return -1
	}
	k := ms[i].End
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if k >= len(text) || text[k] != '(' && text[k] != '[' {
		return -1
	}
	closing := byte(')')
	if text[k] == '[' {
		closing = ']'
	}
	end := strings.IndexByte(text[k:min(len(text), k+200)], closing)
	if end < 0 {
		return -1
	}
	end += k
	for j := i + 1; j < len(ms) && j <= i+3 && ms[j].End <= end; j++ {
		long := text[ms[j].Start:ms[j].End]
		if strings.Contains(long, " ") && acronymOf(short, long, r) {
			return j
		}
	}
	return -1
}

// isOpenParen reports a gap that is only spaces and one "(" or "[".
func isOpenParen(gap string) bool {
	g := strings.TrimSpace(gap)
	return g == "(" || g == "["
}

// isAltSep reports a separator between two acronyms in one parenthesis ("ISKP, or ISIS-K").
func isAltSep(gap string, r *langRules) bool {
	g := strings.TrimSpace(gap)
	g = strings.TrimPrefix(g, ",")
	g = strings.TrimPrefix(g, ";")
	g = strings.TrimPrefix(g, "/")
	g = strings.TrimSpace(g)
	return g == "" || g == "or" || g == "ou" || g == "aka" || g == "also"
}

// acronymOf reports whether short looks like an acronym of long: written
// without spaces, with at least two capitals, and its first letter is the
// initial of one of long's first words ("DGSI" for "Direction générale…",
// "ISIS-K" for "Islamic State-Khorasan Province", "Pnat" for "Parquet national…").
func acronymOf(short, long string, r *langRules) bool {
	if strings.ContainsAny(short, " ") || len(short) < 2 || len(short) > 12 {
		return false
	}
	capitals := 0
	for _, c := range short {
		if c >= 'A' && c <= 'Z' {
			capitals++
		}
	}
	if capitals < 1 || wordShape(short) == shapeLower {
		return false
	}
	fs := fold(short)
	fl := strings.Fields(fold(long))
	if len(fs) == 0 || len(fl) == 0 {
		return false
	}
	// Initials of the content words must contain the acronym's letters in order.
	var initials []byte
	for _, w := range fl {
		if r.words[w]&(wConnector|wArticle) != 0 && len(initials) > 0 {
			continue
		}
		initials = append(initials, w[0])
	}
	if initials[0] != fs[0] {
		return false
	}
	if len(fl) == 1 {
		// One word: another acronym ("EUTM" is not "EU") or a name whose
		// letters must all appear, in order, in the short form's.
		if wordShape(long) == shapeUpper || !subsequence(fs, fl[0]) {
			return false
		}
		return capitals >= 2
	}
	k := 0
	for i := 0; i < len(fs) && k < len(initials); i++ {
		if fs[i] == initials[k] {
			k++
		}
	}
	return k >= min(2, len(initials)) || capitals >= 2 && len(fl) == 1
}

// hasLetter reports whether s holds an ASCII letter or a non-ASCII byte.
func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// subsequence reports whether the letters of short appear in long in order.
func subsequence(short, long string) bool {
	k := 0
	for i := 0; i < len(long) && k < len(short); i++ {
		if long[i] == short[k] {
			k++
		}
	}
	return k == len(short)
}

// isAkaGap reports whether the text between two names is an alias cue
// ("also known as", "alias", "dit", "surnommé"), with commas and quotes around.
// It folds the gap's words into ws.key without allocating.
func (s *Stage) isAkaGap(ws *workspace, gap string, r *langRules) bool {
	if len(gap) > 40 || len(r.akaCues) == 0 || !hasLetter(gap) {
		return false
	}
	if t := strings.TrimSpace(gap); strings.HasPrefix(t, "(") {
		// "ISISK (or ISIS-K)", "l'EI (ou Daech)": an alternative named in
		// brackets is another name of the same thing; "or" alone is not.
		switch strings.ToLower(strings.TrimSpace(t[1:])) {
		case "or", "ou", "o", "oder", "of":
			return true
		}
	}
	ws.key = ws.key[:0]
	words := 0
	for i := 0; i < len(gap); {
		c, n := utf8.DecodeRuneInString(gap[i:])
		if akaSeparator(c) {
			i += n
			continue
		}
		j := i + n
		for j < len(gap) {
			c, n := utf8.DecodeRuneInString(gap[j:])
			if akaSeparator(c) {
				break
			}
			j += n
		}
		w := gap[i:j]
		i = j
		for w != "" {
			piece := w
			if cut := elisionEnd(w); cut > 0 && cut < len(w) {
				piece = w[:cut] // "l'État" folds as "l'" and "etat", as phraseKey does
			}
			w = w[len(piece):]
			if words++; words > r.akaCueMaxWord {
				return false
			}
			if len(ws.key) > 0 {
				ws.key = append(ws.key, ' ')
			}
			ws.key = appendFold(ws.key, piece)
		}
	}
	return words > 0 && r.akaCues[string(ws.key)]
}

func akaSeparator(c rune) bool {
	switch c {
	case ' ', ',', '(', ')', '"', '“', '”', '«', '»', '\n', '\u00a0':
		return true
	}
	return false
}

// dropUnsupportedWeak unlinks mentions that reached a KB entry only through a
// weak alias, unless the document supports that reading: another mention
// names the same entry by a strong alias, or a place in the document lies in
// the entry's country, or one of that state's bodies is named (stateBody). The mention stays, typed, as an unlinked name.
func dropUnsupportedWeak(kept []*cand, lower, inName func(*cand) bool) {
	var weak bool
	for _, c := range kept {
		weak = weak || c.weak && c.entry != nil
	}
	if !weak {
		return
	}
	strong := map[*kb.Entry]bool{}
	countries := map[string]bool{}
	for _, c := range kept {
		if c.entry == nil || c.weak {
			continue
		}
		strong[c.entry] = true
		if c.entry.Country != "" && (c.entry.Type == kb.LOC || stateBody(c.entry.Kind)) {
			countries[c.entry.Country] = true
		}
	}
	for _, c := range kept {
		if !c.weak || c.entry == nil || strong[c.entry] {
			continue
		}
		if c.commonTown && !inName(c) {
			// "the Union would respond", "the Republic": a town named by a
			// common word is that word, its country named or not, unless
			// a place preposition says otherwise ("in Union") or the word
			// is part of a name in the document ("Sara Tall … Tall said").
			c.drop = true
			continue
		}
		if c.entry.Country != "" && countries[c.entry.Country] {
			continue
		}
		if lower(c) {
			// "la police judiciaire": a body named in lower case is a
			// common noun unless it is the knowledge base's entry.
			c.drop = true
			continue
		}
		c.entry, c.source, c.weak, c.strength = nil, SourcePattern, false, evHead
	}
}

// stateBody reports the kinds of organisation that belong to one state (a
// ministry, an agency, a court, a party, its army): named by a strong
// alias, they place the document in that country as a place does. Media
// and companies report from anywhere.
func stateBody(k kb.Kind) bool {
	switch k {
	case kb.KindAgency, kb.KindGovernment, kb.KindMilitary, kb.KindCourt, kb.KindParty:
		return true
	}
	return false
}

// betterName reports whether name should stand for an unknown entity
// rather than cur: the longer form, then one not shouted in capitals (a
// dateline's "HARBOURTON" is "Harbourton"), then the first bytewise.
func betterName(name, cur string) bool {
	if len(name) != len(cur) {
		return len(name) > len(cur)
	}
	if a, b := shouted(name), shouted(cur); a != b {
		return b
	}
	return name < cur
}

// shouted reports a name with letters and no lower-case one.
func shouted(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// spellingVariant reports whether two folded full names differ only by one
// edit (substitution, insertion, deletion or swap of adjacent letters) in
// their last word, which has at least 6 letters, all other words equal.
func spellingVariant(a, b string) bool {
	ia, ib := strings.LastIndexByte(a, ' '), strings.LastIndexByte(b, ' ')
	if ia < 0 || ib < 0 || a[:ia] != b[:ib] {
		return false
	}
	x, y := a[ia+1:], b[ib+1:]
	if x == y || len(x) < 6 || len(y) < 6 {
		return false
	}
	return oneEdit(x, y)
}

// oneEdit reports whether x and y are one Damerau edit apart (bytes).
func oneEdit(x, y string) bool {
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		if x[i+1:] == y[i+1:] {
			return true // substitution
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && x[i+2:] == y[i+2:] // swap
	}
	return x[i:] == y[i+1:] // insertion
}

// cappedTitleBefore reports a capitalised person's title right before token
// a, in its sentence ("Mr. Preston", "Gen. Harlow"): a town's name there is
// a surname.
func cappedTitleBefore(ws *workspace, a int) bool {
	k := a - 1
	if k >= 0 && !ws.toks[k].word && ws.text[ws.toks[k].start:ws.toks[k].end] == "." {
		k--
	}
	return k >= 0 && ws.toks[k].word && ws.toks[k].shape == shapeCap && ws.toks[k].class&(wTitle|wHonorific) != 0 && ws.toks[k].class&wGiven == 0 &&
		ws.toks[k].sent == ws.toks[a].sent
}

// withoutInitials returns a person's folded name without the one-letter
// words between its first and last ("nikki r varga" → "nikki varga"), and
// whether there were any.
func withoutInitials(key string) (string, bool) {
	ws := strings.Fields(key)
	if len(ws) < 3 {
		return "", false
	}
	out := []string{ws[0]}
	dropped := false
	for _, w := range ws[1 : len(ws)-1] {
		if utf8.RuneCountInString(w) == 1 {
			dropped = true
			continue
		}
		out = append(out, w)
	}
	if !dropped || utf8.RuneCountInString(ws[0]) == 1 {
		return "", false
	}
	return strings.Join(append(out, ws[len(ws)-1]), " "), true
}

// familyName reports a word after the article that is the plural of a
// surname of the document's persons ("the Clintons", "les Varga" aside).
func familyName(ws *workspace, key string, a int, surnames map[string]bool) bool {
	if len(key) < 4 || key[len(key)-1] != 's' || !surnames[key[:len(key)-1]] || a == 0 {
		return false
	}
	p := &ws.toks[a-1]
	return p.word && p.class&wArticle != 0 && p.sent == ws.toks[a].sent
}
