package mentions

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
)

// matchKB finds, left to right, the longest KB name starting at each token.
func (s *Stage) matchKB(ws *workspace, r *langRules, text string) {
	n := len(ws.toks)
	ws.kbEnd = resize(ws.kbEnd, n)
	ws.kbCand = resize(ws.kbCand, n)
	if cap(ws.kbInfo) < n {
		ws.kbInfo = make([]*phraseInfo, n)
	}
	ws.kbInfo = ws.kbInfo[:n]
	for i := 0; i < n; {
		t := &ws.toks[i]
		if !t.word || t.skip || t.foldEnd == t.foldStart {
			i++
			continue
		}
		bestEnd, bestCand, bestInfo := s.longestAt(ws, r, i)
		if bestEnd == 0 || bestInfo.cands[bestCand].entry.Type == kb.LOC {
			// "au Figaro", "du Parisien": the article inside "au" opens the
			// name the knowledge base knows ("Le Figaro").
			if e, c, p := s.contractedAt(ws, r, i); e > bestEnd {
				bestEnd, bestCand, bestInfo = e, c, p
			}
		}
		if bestEnd > i+1 && ws.toks[bestEnd-1].shape == shapeLower && !s.nounNamed(ws, r, i, bestEnd) && !s.lowerTailWord(ws, r, bestEnd-1) {
			// "Islamic State group": keep the shorter name when it is the same entry.
			if p, ci := s.shorterFrom(ws, r, i, bestEnd-1, bestInfo.cands[bestCand].entry); p != nil {
				bestEnd, bestCand, bestInfo = bestEnd-1, ci, p
			}
		}
		if bestEnd > i+1 && !ws.toks[i].name && ws.toks[i].shape == shapeLower && ws.toks[i].class&(wParticle|wConnector|wArticle|wLowerStart) == 0 {
			// "région de Ménaka", "l'organisation État islamique": a lower-case
			// class noun is not part of the name that follows it; the mention
			// starts at the name, with the entry that name has on its own
			// (the town, not its region), else the whole phrase's.
			if k := firstNameIn(ws, i+1, bestEnd); k > i && s.nameByItself(ws, r, k, bestEnd) {
				ws.kbEnd[i], ws.kbInfo[i] = 0, nil
				if e, _, _ := s.longestAt(ws, r, k); e > bestEnd {
					// "le groupe État islamique au Sahel": the name runs on
					// past the class noun's phrase.
					i = k
					continue
				}
				i = k
				if p, ci := s.phraseAt(ws, r, k, bestEnd); p != nil {
					bestCand, bestInfo = ci, p
				}
			}
		}
		if bestEnd > i+1 && ws.toks[i].class&wTitle != 0 {
			// "President Macron": the title is not part of the name.
			if p, ci := s.shorterFrom(ws, r, i+1, bestEnd, bestInfo.cands[bestCand].entry); p != nil {
				ws.kbEnd[i], ws.kbInfo[i] = 0, nil
				i++
				bestCand, bestInfo = ci, p
			}
		}
		if bestEnd > 0 && bestEnd < n && s.outletNumber(ws, r, bestEnd) {
			bestEnd = 0 // "Malta 24 reported": a channel named after the place
		}
		if bestEnd > 0 {
			ws.kbEnd[i], ws.kbCand[i], ws.kbInfo[i] = int32(bestEnd), int32(bestCand), bestInfo
			for k := i + 1; k < bestEnd; k++ {
				ws.kbEnd[k], ws.kbInfo[k] = 0, nil
			}
			i = bestEnd
			continue
		}
		ws.kbInfo[i] = nil
		i++
	}
}

// contractedAt is longestAt for a capitalised name after a contracted
// article ("du", "au"), read with the article the contraction holds.
func (s *Stage) contractedAt(ws *workspace, r *langRules, i int) (int, int, *phraseInfo) {
	if i == 0 || r.contracted == nil || !ws.toks[i].name || ws.toks[i].sentStart {
		return 0, -1, nil
	}
	p := &ws.toks[i-1]
	art, ok := r.contracted[string(ws.foldOf(p))]
	if !ok || !p.word || p.shape != shapeLower || p.sent != ws.toks[i].sent {
		return 0, -1, nil
	}
	ws.key = append(append(ws.key[:0], art...), ' ')
	bestEnd, bestCand := 0, -1
	var bestInfo *phraseInfo
	for j := i; j < len(ws.toks) && j-i < s.gaz.maxWords; j++ {
		u := &ws.toks[j]
		if !u.word || u.skip || u.sent != ws.toks[i].sent || u.foldEnd == u.foldStart {
			break
		}
		if j > i {
			ws.key = append(ws.key, ' ')
		}
		ws.key = append(ws.key, ws.foldOf(u)...)
		ph := s.gaz.lookup(ws.key)
		if ph == nil {
			break
		}
		if len(ph.cands) > 0 {
			ci := s.accept(ws, r, i, j+1, ph)
			for k := 0; ci < 0 && k < len(ph.cands); k++ {
				// A common word ("au Monde") names the entry whose own
				// name is the article and that word: the capital after
				// the contraction says so.
				if fold(ph.cands[k].entry.Name) == string(ws.key) {
					ci = k
				}
			}
			if ci >= 0 {
				bestEnd, bestCand, bestInfo = j+1, ci, ph
			}
		}
		if !ph.prefix {
			break
		}
	}
	return bestEnd, bestCand, bestInfo
}

// longestAt returns the end of the longest KB name starting at token i that
// accept takes, its candidate and its phrase; end is 0 when there is none.
func (s *Stage) longestAt(ws *workspace, r *langRules, i int) (int, int, *phraseInfo) {
	n := len(ws.toks)
	t := &ws.toks[i]
	ws.key = append(ws.key[:0], ws.foldOf(t)...)
	bestEnd, bestCand := 0, -1
	var bestInfo *phraseInfo
	for j := i; ; {
		p := s.gaz.lookup(ws.key)
		if p == nil {
			break
		}
		if len(p.cands) > 0 {
			if ci := s.accept(ws, r, i, j+1, p); ci >= 0 {
				bestEnd, bestCand, bestInfo = j+1, ci, p
			}
		}
		if !p.prefix || j+1-i >= s.gaz.maxWords {
			break
		}
		j++
		if j+1 < n && abbrevDot(ws, j) {
			j++ // "St. Petersburg": the abbreviation's period is no word of the name
		}
		if j >= n {
			break
		}
		u := &ws.toks[j]
		if !u.word || u.skip || u.sent != t.sent || u.foldEnd == u.foldStart {
			break
		}
		ws.key = append(ws.key, ' ')
		ws.key = append(ws.key, ws.foldOf(u)...)
	}
	return bestEnd, bestCand, bestInfo
}

// abbrevDot reports the period at j glued to a name abbreviation before it
// ("St." in "St. Petersburg").
func abbrevDot(ws *workspace, j int) bool {
	if j < 1 {
		return false
	}
	p, d := &ws.toks[j-1], &ws.toks[j]
	return !d.word && d.start == p.end && ws.text[d.start:d.end] == "." && p.word && p.class&wNameAbbrev != 0 && p.shape == shapeCap
}

// lowerAfter reports whether every word token in [i, j) is lower case (true
// for an empty range).
func (s *Stage) lowerAfter(ws *workspace, i, j int) bool {
	for k := i; k < j; k++ {
		if t := &ws.toks[k]; t.word && t.shape != shapeLower {
			return false
		}
	}
	return true
}

// nameByItself reports whether tokens [k, e) name something without the
// words before them: a KB name ("État islamique", "al-Hol") or capitalised
// words that no word list knows ("Vessa"), not a field of an institution's
// name ("ministère de l'Intérieur").
func (s *Stage) nameByItself(ws *workspace, r *langRules, k, e int) bool {
	unknown := true
	for j := k; j < e; j++ {
		t := &ws.toks[j]
		if t.name && t.class&^wGiven != 0 {
			unknown = false
		}
	}
	if p, _ := s.phraseAt(ws, r, k, e); p != nil {
		return true
	}
	return unknown
}

// countryWord reports a token the knowledge base holds as a country's
// name by itself, written in capitals ("US", "UK").
func (s *Stage) countryWord(ws *workspace, i int) bool {
	t := &ws.toks[i]
	if t.shape != shapeUpper {
		return false
	}
	p := s.gaz.lookup(ws.foldOf(t))
	if p == nil {
		return false
	}
	for ci := range p.cands {
		if p.cands[ci].entry.Kind == kb.KindCountry {
			return true
		}
	}
	return false
}

// phraseAt returns the KB phrase of tokens [k, e) and its accepted candidate,
// or nil.
func (s *Stage) phraseAt(ws *workspace, r *langRules, k, e int) (*phraseInfo, int) {
	ws.key = ws.key[:0]
	for j := k; j < e; j++ {
		if j > k {
			ws.key = append(ws.key, ' ')
		}
		ws.key = append(ws.key, ws.foldOf(&ws.toks[j])...)
	}
	p := s.gaz.lookup(ws.key)
	if p == nil || len(p.cands) == 0 {
		return nil, -1
	}
	if ci := s.accept(ws, r, k, e, p); ci >= 0 {
		return p, ci
	}
	return nil, -1
}

// lowerTailWord reports a lower-case last word that belongs to the name in a
// language whose institutions capitalise only their first word ("Al-Qaïda au
// Maghreb islamique"), unlike a generic noun after it ("l'État islamique
// groupe" does not occur; "Islamic State group" does).
func (s *Stage) lowerTailWord(ws *workspace, r *langRules, k int) bool {
	if !r.lowerTails {
		return false
	}
	_, generic := r.tailHeads[string(ws.foldOf(&ws.toks[k]))]
	return !generic
}

// firstNameIn returns the first capitalised name token in [i, e), or -1.
func firstNameIn(ws *workspace, i, e int) int {
	for k := i; k < e; k++ {
		if ws.toks[k].name {
			return k
		}
	}
	return -1
}

// nounNamed reports a KB name of one capitalised word and a lower-case
// organisation noun ("the Maute group", "the Camel network"): the noun is
// part of the name, as a bare surname or word would not name the group.
func (s *Stage) nounNamed(ws *workspace, r *langRules, i, e int) bool {
	if e-i != 2 || ws.toks[i].shape != shapeCap {
		return false
	}
	_, ok := r.tailHeads[string(ws.foldOf(&ws.toks[e-1]))]
	return ok
}

// shorter returns the phrase of tokens [i, e) and its candidate index when it
// is a match for entry.
func (s *Stage) shorterFrom(ws *workspace, r *langRules, i, e int, entry *kb.Entry) (*phraseInfo, int) {
	p, ci := s.phraseAt(ws, r, i, e)
	if p == nil || p.cands[ci].entry != entry {
		return nil, -1
	}
	return p, ci
}

func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// accept returns the index of the first candidate of p that the text of
// tokens [i, j) may denote, or -1: acronyms need capitals, lower-case text
// needs a name written in lower case, a lone common word is no name.
func (s *Stage) accept(ws *workspace, r *langRules, i, j int, p *phraseInfo) int {
	first := &ws.toks[i]
	allUpper := true
	for k := i; k < j; k++ {
		t := &ws.toks[k]
		if t.word && !t.number && t.shape != shapeUpper {
			allUpper = false
			break
		}
	}
	single := j-i == 1
	if !first.name && j-i > 1 && s.isDemonymWord(ws, j-1) {
		return -1 // "gouvernement afghan": a generic noun and a nationality
	}
	// ("US forces", "UK government": a country's short name said of its
	// body as a nationality word is, "U.S. military".)
	demonymLed := s.lowerAfter(ws, i+1, j) && (s.isDemonymWord(ws, i) || j-i > 1 && !ws.toks[i+1].number && s.countryWord(ws, i))
	// "Saudi officials", "Kuwaiti police": a nationality word before a
	// lower-case noun, in a language whose adjectives come first.
	// So is one before a title's acronym in the plural ("Norlandic MPs").
	adjectival := single && r.adjFirst && s.isDemonymWord(ws, i) && (j < len(ws.toks) && ws.toks[j].word &&
		ws.toks[j].shape == shapeLower && ws.toks[j].sent == first.sent && ws.toks[j].class&(wFunction|wPersonVerb|wLocPrep|wConnector) == 0 ||
		j < len(ws.toks) && ws.toks[j].sent == first.sent && ws.toks[j].start == ws.toks[i].end+1 && pluralAcronym(ws.text[ws.toks[j].start:ws.toks[j].end]) ||
		s.demonymListed(ws, i))
	for ci := range p.cands {
		c := &p.cands[ci]
		if c.upper && !allUpper {
			continue
		}
		if periodMissing(ws, j, c.alias) {
			continue // "Tex.", "Calif.": an abbreviation needs its period ("Ore prices", "Mont Blanc")
		}
		if c.capOnly && !allUpper && single && first.class&wDict != 0 && (first.sentStart || first.titleLine) {
			// "Raid in Varnak" (a headline), "Raid teams left": an acronym
			// that spells a common word needs its capitals where capitals
			// say nothing; inside a sentence "le Raid" is the unit.
			continue
		}
		if c.capOnly && !allUpper && single && s.nameInPerson(ws, i) {
			// "Iris Varga", "Ayn Rand": a long acronym written like a first
			// name ("IRIS", "RAND") inside a person's name is the person's.
			continue
		}
		if adjectival && c.alias != c.entry.Name {
			continue
		}
		if demonymLed && !(single && c.entry.Kind == kb.KindCountry) {
			// "Iraqi forces", "the Syrian government", "a Somali official": a
			// nationality and common nouns are no name, whatever alias the KB
			// lists; a country named like its people ("Suisse") still is.
			continue
		}
		if !first.name && !c.lowerOK && !(j-i > 1 && s.nounCompound(ws.text[first.start:first.end], r)) &&
			!(j-i > 1 && first.shouted && c.phraseWords == j-i) { // "TALKS IN NEW YORK": in capitals a known name of several words is still one
			continue
		}
		if single && first.class&(wFunction|wCommon|wNotName|wTitle) != 0 && !((c.upper || c.capOnly) && allUpper) {
			continue
		}
		if single && first.number {
			continue
		}
		if !single && s.lowerWhereCapital(ws, r, i, j, c) {
			continue // "an Islamic state": a common noun where the name has a capital
		}
		if single && !first.name && c.entry.Kind != kb.KindTerroristOrg && c.entry.Kind != kb.KindArmedGroup && r.inDict(ws.foldOf(first)) {
			continue // "la gendarmerie", "the police": a common noun for any country's body
		}
		if single && c.entry.Kind == kb.KindCity && first.class&(wOrgHead|wLocHead) != 0 {
			continue // "Mission", "Union": a head noun before a town of that name
		}
		if single && first.class&(wOrgHead|wLocHead) != 0 && first.shape == shapeCap && s.nameBeforeHead(ws, i) {
			continue // "Hart Island", "Hart's Island": the head of the name before it, not another language's name of a country ("Island", Iceland)
		}
		if single && c.entry.Kind == kb.KindCity && first.class&wDict != 0 && s.joins(ws, r, j) {
			continue // "the Republic of Varnak": a common word heading a longer name
		}
		if single && c.entry.Type == kb.LOC && first.class&(wGiven|wParticle) != 0 && j < len(ws.toks) && ws.toks[j].sent == first.sent &&
			ws.toks[j].start > first.end && (ws.toks[j].name && ws.toks[j].class&(wTitle|wOrgHead|wLocHead) == 0 || ws.toks[j].shape == shapeLower &&
			ws.toks[j].class&wParticle != 0 && s.joins(ws, r, j)) {
			// "Abu Kessim", "Van Moer", "Dominique de Villepin", "Van den
			// Broek": a given name
			// or a particle that is also a place's name opens a person's;
			// not before a title or a head ("Paris Mayor …", "Georgia Police").
			continue
		}
		if single && c.entry.Kind == kb.KindCity && (first.sentStart || first.titleLine) && !placePrepBefore(ws, i) && ws.lowerElsewhere(i) {
			continue // "Man Charged With…" over "a 23-year-old man was charged": the word, not the town
		}
		if single && c.entry.Type != kb.PER && c.entry.Kind != kb.KindCountry && s.titledName(ws, i) && (c.entry.Kind == kb.KindCity || s.nameAfter(ws, i)) {
			// "Attorney General Merrick Garland", "Senator Rand Kessler": names
			// after a title are a person's.
			continue
		}
		if single && shortCapsPlace(first, c.entry, c.upper || c.capOnly) {
			continue
		}
		return ci
	}
	return -1
}

// lowerElsewhere reports that the word of token i, capitalised where
// capitals tell nothing (a sentence's start, a headline), is written in
// lower case elsewhere in the document and never capitalised inside a
// sentence: the document uses it as a common word.
func (ws *workspace) lowerElsewhere(i int) bool {
	if !ws.caseBuilt {
		// Built once per document, on the first question: how each word is
		// written elsewhere than where capitals tell nothing.
		if ws.caseSeen == nil {
			ws.caseSeen = map[uint64]uint8{}
		}
		clear(ws.caseSeen)
		for k := range ws.toks {
			t := &ws.toks[k]
			if !t.word || t.number || t.skip || t.class&(wFunction|wArticle|wConnector) != 0 {
				continue // function words are never asked about: half the tokens, no map work
			}
			switch {
			case t.shape == shapeLower:
				ws.caseSeen[foldHash(ws.foldOf(t))] |= seenLower
			case !t.sentStart && !t.titleLine:
				ws.caseSeen[foldHash(ws.foldOf(t))] |= seenCapital
			}
			if p := k - 1; t.shape == shapeCap && p >= 0 && ws.toks[p].word && ws.toks[p].shape == shapeCap &&
				ws.toks[p].class&wGiven != 0 && ws.toks[p].sent == t.sent && ws.toks[p].end < t.start {
				ws.caseSeen[foldHash(ws.foldOf(t))] |= seenAfterGiven
			}
		}
		ws.caseBuilt = true
	}
	f := ws.caseSeen[foldHash(ws.foldOf(&ws.toks[i]))]
	return f&seenLower != 0 && f&seenCapital == 0
}

// surnameInDoc reports a title word alone ("King asked") that is the
// surname of a person the document names ("Gayle King"): a given name
// stands right before it elsewhere.
func (ws *workspace) surnameInDoc(i int) bool {
	if !ws.caseBuilt {
		ws.lowerElsewhere(i) // builds the tally
	}
	return ws.caseSeen[foldHash(ws.foldOf(&ws.toks[i]))]&seenAfterGiven != 0
}

// How a word is written in a document, for lowerElsewhere and surnameInDoc.
const (
	seenLower      uint8 = 1 << iota // in lower case
	seenCapital                      // capitalised inside a sentence
	seenAfterGiven                   // capitalised right after a capitalised given name
)

// foldHash is FNV-1a over a folded word: a map key that costs no allocation.
func foldHash(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// lowerWhereCapital reports a lower-case dictionary word in the text [i, j)
// after its first word, where every alias of c's entry with this key writes
// that word with a capital ("establish an Islamic state" is no "Islamic
// State"). Only counted when the text has as many words as the alias.
func (s *Stage) lowerWhereCapital(ws *workspace, r *langRules, i, j int, c *candidate) bool {
	if c.entry.Kind == kb.KindMedia {
		// "France info": outlets write their own names so, once a word
		// other than an article has its capital ("Le temps presse" is no
		// "Le Temps").
		k := i
		for k < j && ws.toks[k].word && ws.toks[k].class&wArticle != 0 {
			k++
		}
		if k < j && ws.toks[k].shape != shapeLower {
			return false
		}
	}
	m, lower := 0, false
	for k := i; k < j; k++ {
		t := &ws.toks[k]
		if !t.word {
			continue
		}
		if m > 0 && t.shape == shapeLower && m < 32 && c.lowerWords&(1<<m) == 0 && r.inDict(ws.foldOf(t)) {
			lower = true
		}
		m++
	}
	return lower && m == c.phraseWords
}

// demonymListed reports a nationality word in a list of nationality words
// ("Libyan, Saudi and Tunisian recruits"): an adjective like its neighbours,
// whatever country shares its spelling.
func (s *Stage) demonymListed(ws *workspace, i int) bool {
	toks := ws.toks
	sep := func(k int) bool {
		if k < 0 || k >= len(toks) || toks[k].sent != toks[i].sent {
			return false
		}
		t := &toks[k]
		return !t.word && ws.text[t.start:t.end] == "," || t.word && t.shape == shapeLower && t.class&wCoord != 0
	}
	demonym := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].sent == toks[i].sent && toks[k].word && s.isDemonymWord(ws, k)
	}
	return sep(i+1) && demonym(i+2) || sep(i-1) && demonym(i-2)
}

// slashNext reports a slash glued to token a's end, before a capitalised
// word: "HO/NPA", the label of a picture credit (handout).
func slashNext(ws *workspace, a int) bool {
	if a+2 >= len(ws.toks) {
		return false
	}
	s, n := &ws.toks[a+1], &ws.toks[a+2]
	return !s.word && s.start == ws.toks[a].end && ws.text[s.start:s.end] == "/" && n.start == s.end && n.word && n.shape != shapeLower
}

// letterCount counts the letters of s: "US" has two, "L’" one.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// countryAt returns the ISO code of the country token a names by itself in
// the gazetteer ("US", "Nigeria"), or "".
func (s *Stage) countryAt(ws *workspace, a int) string {
	t := &ws.toks[a]
	if !t.word || t.shape == shapeLower {
		return ""
	}
	if p := s.gaz.lookup(ws.foldOf(t)); p != nil {
		for _, c := range p.cands {
			if c.entry.Kind == kb.KindCountry && (!c.upper || t.shape == shapeUpper) {
				return c.entry.Country
			}
		}
	}
	return ""
}

// shortCapsPlace reports a word of at most three capitals matching a place
// that the knowledge base does not write in capitals: an abbreviation ("© HO/NPA",
// handout), not the town "Ho". Countries keep theirs ("UK", "USA").
func shortCapsPlace(t *tok, e *kb.Entry, aliasCaps bool) bool {
	return t.shape == shapeUpper && t.end-t.start <= 3 && !aliasCaps && e.Type == kb.LOC && e.Kind != kb.KindCountry
}

// chunk walks the tokens, finds name runs and combines them with the KB
// matches into ws.cands.
func (s *Stage) chunk(ws *workspace, r *langRules, text string) {
	ws.cands = ws.cands[:0]
	clear(ws.nonEntity)
	clear(ws.demonyms)
	lowerDefinedAcronyms(ws, r, text)
	n := len(ws.toks)
	for i := 0; i < n; {
		end, headType, flags := s.runEnd(ws, r, i)
		if end > i {
			i = max(end, s.emitRun(ws, r, text, i, end, headType, flags))
			continue
		}
		if e := int(ws.kbEnd[i]); e > i {
			s.addKB(ws, i, e)
			i = e
			continue
		}
		if e := numberedRoad(ws, r, i); e > i {
			from := i
			if p := &ws.toks[max(i-1, 0)]; i > 0 && p.word && p.shape == shapeCap && (p.class&wLocMod != 0 || r.compass[string(ws.foldOf(p))]) && p.sent == ws.toks[i].sent {
				// "Harbour Drive and Southwest 42nd Avenue": the compass word
				// is the road's, whatever the run before made of it.
				from = i - 1
				if c := len(ws.cands) - 1; c >= 0 && ws.cands[c].to == i {
					last := &ws.cands[c]
					last.to = i - 1
					for last.to > last.from && (!ws.toks[last.to-1].word || ws.toks[last.to-1].shape == shapeLower) {
						last.to--
					}
					if last.to <= last.from {
						ws.cands = ws.cands[:c]
					}
				}
			}
			ws.cands = append(ws.cands, cand{from: from, to: e, typ: "LOC", strength: evHead, source: SourcePattern})
			i = e
			continue
		}
		if i+1 < n && ordinalWord(ws.text[ws.toks[i].start:ws.toks[i].end]) && ws.toks[i+1].sent == ws.toks[i].sent {
			// "the 101st Airborne Division", "the 4th District Court of
			// Appeal": an ordinal opens a body's name its head ends.
			if end, headType, flags := s.runEnd(ws, r, i+1); end > i+1 && headType == "" && headWordIn(ws, i+1, end) {
				c, start := len(ws.cands), i+1
				i = max(end, s.emitRun(ws, r, text, start, end, headType, flags))
				for k := c; k < len(ws.cands); k++ {
					if ws.cands[k].from == start && ws.cands[k].to == end && ws.cands[k].typ != "PER" {
						ws.cands[k].from = start - 1
					}
				}
				continue
			}
		}
		i++
	}
}

// outletAt reports an outlet's cue right before the run [a, b) ("told
// the", "selon le"): the run names a newspaper or a broadcaster. A title or
// a first name opening the run names a person there ("told the President").
func outletAt(ws *workspace, a, b int) bool {
	toks := ws.toks
	if ws.rules == nil || ws.rules.outletCues.Len() == 0 || a == 0 {
		return false
	}
	f := &toks[a]
	if f.shape == shapeLower || f.sentStart || f.titleLine || f.class&(wTitle|wGiven|wFunction|wConnector) != 0 || ws.kbEnd[a] > int32(a) && int(ws.kbEnd[a]) >= b {
		return false
	}
	for k := a + 1; k < b; k++ {
		if toks[k].class&(wTitle|wGiven) != 0 {
			return false // "according to OFAC Director Lena Varga": a person's title and name
		}
	}
	words := sentenceWords{ws, f.sent}
	k := a - 1
	if lexicon.Backward(ws.rules.outletCues, words, k, 0) > 0 {
		if toks[k].class&(wArticle|wContracted) != 0 {
			return true // "selon le", "déclaré au": the cue holds its article
		}
		// "told Variety", "according to POLITICO Playbook": with no article
		// the name may be a person's ("according to Varga"); a common word
		// or an acronym in it makes it a title, unless it is the surname of
		// someone the document names.
		if b-a == 1 && ws.surnameInDoc(a) {
			return false
		}
		for j := a; j < b; j++ {
			if t := &toks[j]; t.word && (t.class&wDict != 0 || t.shape == shapeUpper && letterCount(ws.text[t.start:t.end]) >= 2) {
				return true
			}
		}
		return false
	}
	if toks[k].word && toks[k].shape == shapeLower && toks[k].class&wArticle != 0 && k > 0 {
		return lexicon.Backward(ws.rules.outletCues, words, k-1, 0) > 0
	}
	return false
}

// orgThenCountry reports a run [a, b) that is a known organisation's name
// and a country's, nothing between ("Attac France").
func (s *Stage) orgThenCountry(ws *workspace, a, b int) bool {
	k := int(ws.kbEnd[a])
	if k == 0 && b-a == 2 {
		// "Attac France": a word no list knows, no first name, then a
		// country: a firm's or a movement's national branch.
		if t := &ws.toks[a]; t.shape != shapeCap || t.class&(wDict|wGiven|wTitle|wFunction|wArticle) != 0 || s.gaz.firstPerson[string(ws.foldOf(t))] || s.givenCommon[string(ws.foldOf(t))] {
			return false
		}
		k = a + 1
		if ws.kbInfo[k] == nil || int(ws.kbEnd[k]) != b {
			return false
		}
		return ws.kbInfo[k].cands[ws.kbCand[k]].entry.Kind == kb.KindCountry
	}
	if k <= a || k >= b || int(ws.kbEnd[k]) != b || ws.kbInfo[a] == nil || ws.kbInfo[k] == nil {
		return false
	}
	org, place := ws.kbInfo[a].cands[ws.kbCand[a]].entry, ws.kbInfo[k].cands[ws.kbCand[k]].entry
	return org.Type == kb.ORG && place.Kind == kb.KindCountry && ws.toks[k].start > ws.toks[k-1].end
}

// ownTailAfter reports, right after a name ending at token b, a lower-case
// modifier and an organisation's tail head ("Vessa drug cartel", "Kessel
// crime family"): the name is the organisation's own.
// shareNounAfter reports a firm's share noun right after a name ("Kessel
// shares rose", "Vessa stock"): a town has none, the firm named after it does.
func shareNounAfter(ws *workspace, b int) bool {
	if ws.rules == nil || b >= len(ws.toks) || b == 0 {
		return false
	}
	t := &ws.toks[b]
	return t.word && t.shape == shapeLower && t.sent == ws.toks[b-1].sent && ws.rules.shareNouns[string(ws.foldOf(t))]
}

func ownTailAfter(ws *workspace, b int) bool {
	toks := ws.toks
	if ws.rules == nil || b+1 >= len(toks) || b == 0 {
		return false
	}
	m, h := &toks[b], &toks[b+1]
	if !m.word || m.number || m.shape != shapeLower || m.sent != toks[b-1].sent || h.sent != m.sent || !h.word || h.shape != shapeLower ||
		m.class&(wFunction|wConnector|wArticle|wPersonVerb|wLocPrep|wCoord) != 0 {
		return false
	}
	typ, ok := ws.rules.tailHeads[string(ws.foldOf(h))]
	return ok && typ == "ORG"
}

// ordinalWord reports digits with an English ordinal ending ("4th",
// "101st", "82nd").
func ordinalWord(w string) bool {
	k := 0
	for k < len(w) && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	if k == 0 {
		return false
	}
	switch strings.ToLower(w[k:]) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// numberedRoad returns the end of a road named by an ordinal number and a
// road's head at token i ("117th Avenue", "42nd Street"), or i. (A compass
// point before the number is part of the name, "Southwest 117th Avenue":
// the caller takes it.)
func numberedRoad(ws *workspace, r *langRules, i int) int {
	toks := ws.toks
	t := &toks[i]
	if !t.word || i+1 >= len(toks) {
		return i
	}
	if !ordinalWord(ws.text[t.start:t.end]) {
		return i
	}
	n := &toks[i+1]
	if !n.word || n.sent != t.sent || n.shape != shapeCap || !r.roadHeads[string(ws.foldOf(n))] {
		return i
	}
	return i + 2
}

// runEnd returns the end of the name run starting at token i (i when none
// starts there) and the type of a lower-case head that opens it ("rue des…").
func (s *Stage) runEnd(ws *workspace, r *langRules, i int) (int, string, runFlags) {
	toks := ws.toks
	n := len(toks)
	t := &toks[i]
	if !t.word || t.skip || t.number || t.class&wNotName != 0 && t.shape != shapeLower {
		return i, "", 0
	}
	if pluralAcronymAlone(ws, i) {
		return i, "", 0
	}
	j := i + 1
	headType := ""
	// "la Maison d’arrêt de Varnes": a lower-case head's phrase written
	// with a capital inside a sentence opens the same name.
	capHead := t.name && t.shape == shapeCap && t.class&wLowerStart != 0 && !t.sentStart && !t.titleLine && !t.shouted &&
		i+1 < n && toks[i+1].shape == shapeLower && toks[i+1].sent == t.sent
	if capHead {
		hj, _, _ := s.lowerHead(ws, r, i)
		capHead = hj > i+1
	}
	switch {
	case t.name && !capHead:
	case t.class&wParticle != 0 && s.joins(ws, r, i):
	case t.class&wLowerStart != 0:
		hj, typ, whole := s.lowerHead(ws, r, i)
		if hj == 0 || i > 0 && toks[i-1].word && toks[i-1].sent == t.sent && r.indefinite[string(ws.foldOf(&toks[i-1]))] {
			return i, "", 0 // "un tribunal de Lyon": a court there, not one named
		}
		if whole {
			return hj, typ, flagLowerName // "parquet fédéral"
		}
		// Up to two lower-case modifiers before the connector: "tribunal
		// correctionnel de Paris", "cour d'assises spécialement composée de
		// Paris".
		m := hj
		for m < hj+2 && m < n && toks[m].word && toks[m].shape == shapeLower && toks[m].sent == t.sent &&
			toks[m].class&(wConnector|wArticle|wFunction|wPersonVerb|wCoord|wParticle) == 0 {
			m++
		}
		if m > hj && (m >= n || toks[m].shape != shapeLower || toks[m].class&wConnector == 0) {
			m = hj // a modifier must lead to the connector
		}
		if m > hj && typ == "LOC" {
			// "la rue principale de Vessa": a place's noun with a modifier
			// describes a place of the town, it names none; the town is
			// the name.
			return i, "", 0
		}
		k := s.skipConnectors(ws, r, m)
		if k >= n || !toks[k].name || toks[k].sent != t.sent || toks[k].skip {
			return i, "", 0
		}
		j, headType = k+1, typ
	default:
		return i, "", 0
	}
	for j < n {
		u := &toks[j]
		if u.skip || u.sent != t.sent {
			break
		}
		if u.word && u.name {
			if u.class&wNotName != 0 && !outletAt(ws, i, j) {
				break
			}
			if j > i && toks[j-1].word && toks[j-1].shape != shapeLower && toks[j-1].end == u.start {
				break // "Isabel Keane|Journal News": two names a page glued
			}
			j++
			continue
		}
		if s.initialJoins(ws, i, j) || abbrevDot(ws, j) && j+1 < n && toks[j+1].name && toks[j+1].sent == t.sent {
			j++ // "John F. Kennedy", "P. Simmons", "St. Petersburg": an initial's or abbreviation's period
			continue
		}
		if s.ampersandJoins(ws, i, j) {
			j++ // "Douglas & Lomason", "Edwards & Sons": a firm's name
			continue
		}
		if e := nicknameInside(ws, j); e > j && toks[j-1].word && toks[j-1].name && toks[j-1].shape == shapeCap && j-1 >= i {
			j = e // "Lena “Lenny” Varga", "Joaquín “El Chapo” Guzmán": a nickname between the given name and the surname
			continue
		}
		if s.possessiveHead(ws, j, t.sent) {
			j += 2 // "St Anthony's Church"
			continue
		}
		if s.pluralPossessiveHead(ws, j, t.sent) {
			j++ // "Westminster Magistrates' Court"
			continue
		}
		if s.slashInName(ws, i, j) {
			j++ // "Radio Free/Open Voice"
			continue
		}
		if e := s.ownedUnit(ws, i, j); e > j {
			j = e // "the Islamic State’s Khorasan Province"
			continue
		}
		if u.number && toks[j-1].word && (toks[j-1].shape == shapeUpper && !u.shouted && u.end-u.start <= 3 || s.outletNumber(ws, r, j)) {
			j++ // "KALLIM 24", "Malta 24 reported"
			continue
		}
		if u.word && u.shape == shapeLower && u.class&(wConnector|wParticle) != 0 {
			if u.class&wHeadConn != 0 && (toks[j-1].class&(wDict|wOrgHead) == 0 || toks[j-1].class&wGiven != 0) {
				break
			}
			if u.class&wHeadConn != 0 && r.orgHeadConnectors[string(ws.foldOf(u))] && toks[j-1].class&wOrgHead == 0 {
				break // "Committee to Protect Journalists", not "Ferries to the Azores"
			}
			if r.legalSuffixes[string(ws.foldOf(&toks[j-1]))] && toks[j-1].shape != shapeLower {
				break // "Varnotech Pharmaceuticals Inc of Leeds": the firm's legal form ends its name
			}

			k := s.skipConnectors(ws, r, j)
			if u.class&wHeadConn != 0 && k == j+1 && k < n && toks[k].word && toks[k].shape == shapeLower && r.indefinite[string(ws.foldOf(&toks[k]))] {
				k++ // "Center for a New American Security"
			}
			if u.class&wHeadConn != 0 && int(ws.kbEnd[i]) == j && k < n && ws.kbEnd[k] > int32(k) && ws.kbInfo[k] != nil && ws.kbInfo[k].cands[ws.kbCand[k]].entry.Type == kb.LOC {
				break // "the UN Security Council on Kashmir": a known body, then what it meets on
			}
			if headType != "" && k < n && ws.kbEnd[k] > int32(k) && ws.kbInfo[k] != nil && ws.kbInfo[k].cands[ws.kbCand[k]].entry.Type == kb.ORG {
				break // "le ministère de l'Information du Hamas": the body's owner, a name of its own
			}
			// (An outlet's title may hold a weekday after "of": "Journal du
			// Dimanche"; after "on" or "for" a weekday is the sentence's:
			// "told Channel 4 News on Tuesday".)
			if k < n && k-j <= 3 && toks[k].name && toks[k].sent == t.sent && !toks[k].skip && (toks[k].class&wNotName == 0 || outletAt(ws, i, j) && u.class&wHeadConn == 0) {
				j = k + 1
				continue
			}
		}
		break
	}
	// A sentence's opening words before an institution's head ("La
	// Commission électorale du Nigeria", "Selon la Commission …") are no
	// part of it: the run starts again at the head, where its lower-case
	// words are read.
	if r.lowerTails && i+1 < j {
		h := i
		for h < j-1 && (toks[h].class&(wArticle|wFunction) != 0 || toks[h].shape == shapeLower && toks[h].class&(wConnector|wParticle) != 0) {
			h++
		}
		if h > i && h == j-1 && toks[h].shape == shapeCap && toks[h].class&(wOrgHead|wLocHead) != 0 && s.lowerTail(ws, r, h) > j {
			return i, "", 0
		}
	}
	// The run's one name may follow particles ("de la Direction …").
	h := i
	for h < j-1 && !toks[h].name {
		h++
	}
	if headType == "" && r.lowerTails && len(r.headPrefixes) > 0 && h < j-1 {
		// "Selon la Haute autorité …": the sentence's words before the
		// adjective that opens an institution's name are no part of it; the
		// run starts again there.
		p := j - 1
		if j-2 > h && toks[j-1].shape == shapeCap && toks[j-1].class&(wOrgHead|wLocHead) != 0 {
			p = j - 2
		}
		if p > i && toks[p].shape == shapeCap && r.headPrefixes[string(ws.foldOf(&toks[p]))] {
			opening := true
			for k := i; k < p; k++ {
				opening = opening && (toks[k].class&(wArticle|wFunction) != 0 || toks[k].shape == shapeLower && toks[k].class&(wConnector|wParticle) != 0)
			}
			if opening {
				return i, "", 0
			}
		}
	}
	if headType == "" && r.lowerTails && toks[h].shape == shapeCap && r.headPrefixes[string(ws.foldOf(&toks[h]))] {
		// "la Haute Autorité de santé", "la Haute autorité pour la
		// transparence …", "le Haut conseil pour le climat": an adjective
		// opens the name before its head, capitalised or not.
		hd := -1
		switch {
		case j == h+2 && toks[h+1].shape == shapeCap && toks[h+1].class&(wOrgHead|wLocHead) != 0:
			hd = h + 1
		case j == h+1 && j < n && toks[j].word && toks[j].shape == shapeLower && toks[j].sent == toks[h].sent && toks[j].class&(wOrgHead|wLocHead) != 0:
			hd = j
		}
		if hd >= 0 {
			if e := s.lowerTail(ws, r, hd); e > j && e > hd+1 {
				headType = "ORG"
				if toks[hd].class&wOrgHead == 0 {
					headType = "LOC"
				}
				return e, headType, flagLowerName
			}
		}
	}
	if j == h+1 && headType == "" && r.lowerTails && toks[h].shape == shapeCap && toks[h].class&(wOrgHead|wLocHead) != 0 {
		if e := s.lowerTail(ws, r, h); e > j {
			headType = "ORG"
			if toks[h].class&wOrgHead == 0 {
				headType = "LOC"
			}
			return e, headType, flagLowerName
		}
	}
	return j, headType, 0
}

// maxTailTokens bounds an institution's lower-case words after its head,
// connectors included ("Institut national de la santé et de la recherche
// médicale" has twelve); the content-word bound and the sentence's verb end
// most before it.
const maxTailTokens = 14

// lowerTail extends a capitalised head noun over the lower-case words of an
// institution's name ("Direction de la sécurité nationale afghane", "Parquet
// national antiterroriste") and returns the end, or i+1.
func (s *Stage) lowerTail(ws *workspace, r *langRules, i int) int {
	toks := ws.toks
	last, content, named := i+1, 0, false
	for k := i + 1; k < len(toks) && k-i < maxTailTokens; k++ {
		u := &toks[k]
		if u.skip || u.sent != toks[i].sent || !u.word || u.number {
			break
		}
		switch {
		case u.name:
			if u.class&wNotName != 0 {
				return last
			}
			if p := &toks[k-1]; k > i+1 && p.word && p.shape == shapeLower && (p.class&(wConnector|wArticle) == 0 || p.class&wCoord != 0) {
				// "du Parti socialiste Oru Kessel": a capital right after
				// the name's lower-case words opens another name; so does
				// one right after a coordinator ("… pour la défense et la
				// liberté et Vessaru"), where "et des Affaires" goes on.
				return last
			}
			last, content, named = k+1, 0, true
		case u.class&wCoord != 0 && s.secondHeadAfter(ws, k):
			return last // "l'organisation Front ardent et le lycée Pasteur": a second name
		case u.class&wConnector != 0:
		case k == i+1 && u.class&wTitle != 0 && u.class&(wFunction|wPersonVerb|wLocPrep) == 0 && u.shape == shapeLower:
			// "Direction générale de …", "Secrétariat général": a rank's word
			// right after the head qualifies it.
			last = k + 1
		case r.purposeConnectors[string(ws.foldOf(u))] && k+2 < len(toks) && toks[k+1].word && toks[k+1].class&wArticle != 0 &&
			toks[k+2].word && toks[k+2].shape == shapeLower && !r.isVerb(ws.foldOf(&toks[k+2])):
			// "Observatoire régional de vigilance contre le racisme",
			// "Ligue vessanne contre la faim": what the body
			// stands against is part of its name.
		case u.class&(wFunction|wPersonVerb|wTitle|wLocPrep) != 0:
			return last
		case u.class&wNotName != 0 && toks[k-1].class&(wConnector|wArticle) == 0:
			if e := k - 1; e > i+1 && toks[e].shape == shapeLower && r.dateModifiers[string(ws.foldOf(&toks[e]))] {
				if toks[e-1].class&wConnector != 0 && toks[e-1].shape == shapeLower {
					e--
				}
				return min(last, e) // "le Conseil national de début juillet": the words before the month date it
			}
			return last // "le Parlement mardi": a weekday right after the name ends it
		case r.isVerb(ws.foldOf(u)):
			return last // "le Front de libération du Sahel mène des raids": the sentence's verb
		case named && toks[k-1].class&wConnector != 0:
			// "Ministère public de la Confédération d'obtenir …": after the
			// name that completes the institution's, a connector and a
			// lower-case word start the sentence's own words again.
			return last
		default:
			content++
			// Official names run long ("de contrôle des techniques de
			// renseignement"); the sentence's verb or a function word
			// ends them before this does.
			if content > 5 {
				return last
			}
			last = k + 1
		}
	}
	return last
}

// secondHeadAfter reports, after the coordinator at k and any articles, the
// head of another name: a lower-case head ("et le lycée …") or a capitalised
// organisation or place head ("et la Police nationale").
func (s *Stage) secondHeadAfter(ws *workspace, k int) bool {
	toks := ws.toks
	j := k + 1
	for j < len(toks) && toks[j].word && toks[j].class&wArticle != 0 && toks[j].shape == shapeLower {
		j++
	}
	if j >= len(toks) || !toks[j].word || toks[j].sent != toks[k].sent {
		return false
	}
	t := &toks[j]
	return t.shape == shapeLower && t.class&wLowerStart != 0 || t.shape == shapeCap && t.class&(wOrgHead|wLocHead) != 0
}

// placeThenNames returns the end of a known place that a connector opens
// inside the run [a, b) when two or three capitalised names, no head among
// them, follow it to the run's end ("Hôpital universitaire d'Ostrava Jiří
// Havrlant"); 0 otherwise.
func (s *Stage) placeThenNames(ws *workspace, a, b int) int {
	toks := ws.toks
	for k := a + 2; k < b-2; k++ {
		p := &toks[k-1]
		if !p.word || p.shape != shapeLower || p.class&(wConnector|wArticle) == 0 {
			continue
		}
		e := int(ws.kbEnd[k])
		if e <= k || ws.kbInfo[k] == nil || ws.kbInfo[k].cands[ws.kbCand[k]].entry.Type != kb.LOC {
			continue
		}
		if n := b - e; n < 2 || n > 3 {
			return 0
		}
		for j := e; j < b; j++ {
			if t := &toks[j]; !t.word || t.shape != shapeCap || t.class&(wOrgHead|wLocHead|wConnector|wArticle|wTitle) != 0 || ws.kbEnd[j] != 0 {
				return 0
			}
		}
		return e
	}
	return 0
}

// compassRegion reports a run [a, b) made of a known place and a
// capitalised compass point joined by lower-case connectors, either way
// round ("Europe du Sud", "Nord de l'Afrique").
func (s *Stage) compassRegion(ws *workspace, a, b int) bool {
	toks := ws.toks
	if a >= b {
		return false
	}
	compass := func(k int) bool { return toks[k].word && toks[k].shape == shapeCap && toks[k].class&wLocMod != 0 }
	place := func(k int) int {
		if e := int(ws.kbEnd[k]); e > k && ws.kbInfo[k] != nil && ws.kbInfo[k].cands[ws.kbCand[k]].entry.Type == kb.LOC {
			return e
		}
		return 0
	}
	joiners := func(i, j int) bool {
		for k := i; k < j; k++ {
			if !toks[k].word || toks[k].shape != shapeLower || toks[k].class&(wConnector|wArticle) == 0 {
				return false
			}
		}
		return j > i
	}
	if e := place(a); e > 0 && e < b-1 && compass(b-1) && joiners(e, b-1) {
		return true
	}
	if compass(a) {
		k := a + 1
		for k < b && toks[k].word && toks[k].shape == shapeLower {
			k++
		}
		return k < b && joiners(a+1, k) && place(k) == b
	}
	return false
}

// domainAfterTitle reports a title word before token a across lower-case
// connectors and articles ("ministre de la [Santé]", "minister of [Defence]").
func (s *Stage) domainAfterTitle(ws *workspace, a int) bool {
	k := a - 1
	for n := 0; k >= 0 && n < 3 && ws.toks[k].word && ws.toks[k].shape == shapeLower && ws.toks[k].class&(wConnector|wArticle) != 0; n++ {
		k--
	}
	return k >= 0 && k < a-1 && ws.toks[k].word && ws.toks[k].class&wTitle != 0 && ws.toks[k].sent == ws.toks[a].sent
}

// nameBeforeHead reports a capitalised name right before the head noun at i
// in its sentence, or before a possessive clitic right before it ("Hart
// Island", "Hart's Island").
func (s *Stage) nameBeforeHead(ws *workspace, i int) bool {
	p := i - 1
	if p > 0 && s.isClitic(ws, p) {
		p--
	}
	if p < 0 {
		return false
	}
	t := &ws.toks[p]
	if t.titleLine && t.class&wGiven == 0 && ws.kbEnd[p] == 0 {
		return false // "Gunmen Wound Senior Taliban Envoy": a headline capitalises every word
	}
	return t.word && t.name && t.shape == shapeCap && t.sent == ws.toks[i].sent && t.end < ws.toks[i].start
}

// possessiveHead reports an English possessive clitic at j followed by a
// capitalised head noun, inside a place or organisation name.
func (s *Stage) possessiveHead(ws *workspace, j int, sent int32) bool {
	if j+1 >= len(ws.toks) {
		return false
	}
	u, v := &ws.toks[j], &ws.toks[j+1]
	f := ws.foldOf(u)
	return u.word && len(f) == 1 && f[0] == 's' && u.end-u.start > 1 && v.name && v.sent == sent && !v.skip &&
		v.class&(wOrgHead|wLocHead) != 0 && !ownerEndsAt(ws, j)
}

// ownerEndsAt reports a known place's or person's name, or a first name and
// a surname, ending right before token j ("London" in "London's Tessly
// Hotel", a known politician's name before "'s Federal Election Commission
// nominee", "Lena Varga's Harbour Hotel"): its possessive owns the name after
// it and is no part of it.
func ownerEndsAt(ws *workspace, j int) bool {
	if g, f := j-2, j-1; g >= 0 && ws.toks[g].word && ws.toks[g].class&wGiven != 0 && ws.toks[g].shape == shapeCap &&
		ws.toks[f].word && ws.toks[f].shape == shapeCap && ws.toks[f].class&(wDict|wOrgHead|wLocHead|wTitle) == 0 &&
		(g == 0 || !ws.toks[g-1].word || ws.toks[g-1].shape == shapeLower) {
		return true // "Lena Varga's Harbour Hotel": a first name and a surname own what follows
	}
	for i := j - 1; i >= 0 && i >= j-4; i-- {
		p := ws.kbInfo[i]
		if int(ws.kbEnd[i]) != j || p == nil {
			continue
		}
		switch p.cands[ws.kbCand[i]].entry.Type {
		case kb.PER:
			return true
		case kb.LOC:
			// A saint's or a person's name is no place's: "St Mary's
			// Hospital", "Lincoln's Inn".
			return ws.toks[i].class&wGiven == 0 && (i == 0 || ws.toks[i-1].class&wNameAbbrev == 0)
		}
	}
	return false
}

// pluralPossessiveHead reports an apostrophe glued to a capitalised word in
// -s and followed by a capitalised head noun: a plural possessive inside a
// name ("Magistrates' Court", "Veterans’ Affairs Department").
func (s *Stage) pluralPossessiveHead(ws *workspace, j int, sent int32) bool {
	if j < 1 || j+1 >= len(ws.toks) {
		return false
	}
	p, u, v := &ws.toks[j-1], &ws.toks[j], &ws.toks[j+1]
	if u.word || u.start != p.end || !p.word || !p.name || p.shape == shapeUpper {
		return false
	}
	if a := ws.text[u.start:u.end]; a != "'" && a != "’" {
		return false
	}
	if last := ws.text[p.end-1]; last != 's' {
		return false
	}
	return v.word && v.name && v.sent == sent && !v.skip && v.start > u.end && v.class&(wOrgHead|wLocHead) != 0
}

// outletNumber reports a number of one to three digits at j, after a
// capitalised word and before a verb of reporting or a medium's noun
// (within two words, past an auxiliary): the number of a broadcaster or
// channel ("Malta 24 reported", "the Malta 24 station", "Varnak 24 a
// diffusé").
func (s *Stage) outletNumber(ws *workspace, r *langRules, j int) bool {
	toks := ws.toks
	if j < 1 || !toks[j].number || toks[j].end-toks[j].start > 3 || !toks[j-1].name || toks[j].start == toks[j-1].end {
		return false
	}
	if p := &toks[j-1]; p.class&wOutletWord != 0 && p.shape != shapeLower && toks[j].end-toks[j].start <= 2 {
		return true // "BBC Radio 4", "Channel 4": the medium's noun, then its number
	}
	for k := j + 1; k < len(toks) && k <= j+2; k++ {
		v := &toks[k]
		if !v.word || v.sent != toks[j].sent {
			return false
		}
		if v.class&wOutletWord != 0 {
			return true
		}
	}
	return false
}

// roadNumber reports a road's number at j after one of the language's
// road_prefixes ("Interstate 10", "Route 66").
func roadNumber(ws *workspace, r *langRules, j int) bool {
	toks := ws.toks
	return j > 0 && toks[j].number && toks[j].end-toks[j].start <= 4 && toks[j-1].word && toks[j-1].shape != shapeLower &&
		toks[j].start > toks[j-1].end && r.roadPrefixes[string(ws.foldOf(&toks[j-1]))]
}

// capitalAdjective reports a capitalised word inside a sentence that the
// language's adjective list holds ("Black", "Brown"), no known name's first word.
func capitalAdjective(ws *workspace, r *langRules, k int) bool {
	t := &ws.toks[k]
	return t.word && t.shape == shapeCap && !t.sentStart && !t.titleLine && ws.kbEnd[k] == 0 && r.isAdjective(ws.foldOf(t))
}

// generational reports a generation's mark after a person's surname ("III",
// "Jr").
func generational(w string) bool {
	switch w {
	case "II", "III", "IV", "Jr", "Sr":
		return true
	}
	return false
}

// firmRoleOf reports a firm's office or people and a connector right before
// token a, in its sentence ("CEO of", "the chairman of", "employees of").
func firmRoleOf(ws *workspace, a int) bool {
	toks := ws.toks
	if a < 2 || len(ws.rules.firmRoles) == 0 {
		return false
	}
	o, f := &toks[a-1], &toks[a-2]
	return o.word && o.shape == shapeLower && o.class&wConnector != 0 && f.word && f.sent == toks[a].sent && ws.rules.firmRoles[string(ws.foldOf(f))]
}

// minuteAfter reports an ordinal of one to three digits at token b, in the
// same sentence ("30th", "89th"): in a summary of matches, the minute of a
// goal after its scorer's name.
func minuteAfter(ws *workspace, b int) bool {
	if b >= len(ws.toks) || b == 0 {
		return false
	}
	t := &ws.toks[b]
	if !t.word || t.sent != ws.toks[b-1].sent || t.start != ws.toks[b-1].end+1 {
		return false
	}
	w := ws.text[t.start:t.end]
	d := 0
	for d < len(w) && '0' <= w[d] && w[d] <= '9' {
		d++
	}
	if d == 0 || d > 3 {
		return false
	}
	switch w[d:] {
	case "st", "nd", "rd", "th", "e", "ème", "'":
		return true
	}
	return false
}

// numberedBody reports a number of one or two digits at b after the run
// [a, b) that a body's head opens and a place ends ("Université Lyon 2",
// "University of Vessa 2"): bodies of one name numbered apart. The number
// must end the phrase: no noun it would count follows.
func numberedBody(ws *workspace, a, b int) bool {
	toks := ws.toks
	t := &toks[b]
	if b-a < 2 || !t.number || t.end-t.start > 2 || t.start != toks[b-1].end+1 || toks[a].class&wOrgHead == 0 || toks[b-1].shape == shapeLower {
		return false
	}
	for k := t.start; k < t.end; k++ {
		if ws.text[k] < '0' || ws.text[k] > '9' {
			return false
		}
	}
	if p := ws.kbInfo[b-1]; p == nil || p.cands[ws.kbCand[b-1]].entry.Type != kb.LOC {
		return false
	}
	n := b + 1
	return n >= len(toks) || !toks[n].word || toks[n].sent != t.sent || toks[n].class&(wFunction|wPersonVerb|wConnector|wLocPrep) != 0 ||
		toks[n].shape != shapeLower && lineEdge(ws, n)
}

// slashInName reports a slash at j glued between two capitalised words,
// in a run [i, j) that holds a head noun: one name written with a slash
// ("Radio Free/Open Voice"). A credit's slash ("Lena Varga/NPA") has no
// head before it, and an agency in capitals after it.
func (s *Stage) slashInName(ws *workspace, i, j int) bool {
	toks := ws.toks
	if j < 1 || j+1 >= len(toks) {
		return false
	}
	u, p, v := &toks[j], &toks[j-1], &toks[j+1]
	if u.word || ws.text[u.start:u.end] != "/" || u.start != p.end || v.start != u.end || !p.word || !p.name ||
		!v.word || !v.name || v.shape != shapeCap || v.sent != u.sent || v.skip {
		return false
	}
	for k := i; k < j; k++ {
		if toks[k].word && toks[k].class&(wOrgHead|wLocHead) != 0 && toks[k].shape != shapeLower {
			return true
		}
	}
	// "the Vessa/Kallim Road": two places' names and the head after them,
	// a road between two towns.
	for k := j + 2; k < len(toks) && k <= j+3 && toks[k].word && toks[k].shape == shapeCap && toks[k].sent == u.sent; k++ {
		if toks[k].class&wLocHead != 0 && j-i == 1 {
			return true
		}
	}
	return false
}

// isClitic reports an English possessive clitic token ('s, ’s).
func (s *Stage) isClitic(ws *workspace, j int) bool {
	if j < 0 || j >= len(ws.toks) {
		return false
	}
	u := &ws.toks[j]
	f := ws.foldOf(u)
	return u.word && len(f) == 1 && f[0] == 's' && u.end-u.start > 1
}

// ownedUnit returns the end of a unit's name owned by the organisation that
// the KB matches in [i, j) when token j is a possessive clitic and one to
// three name words after it end with a head noun ("the Islamic State’s
// Khorasan Province", "the Front's Eastern Command"); 0 otherwise. A
// country's possessive does not join ("Pakistan's Interior Ministry" is the
// ministry).
func (s *Stage) ownedUnit(ws *workspace, i, j int) int {
	toks := ws.toks
	if j+1 >= len(toks) || !s.isClitic(ws, j) {
		return 0
	}
	owner := false
	for k := i; k < j; k++ {
		if e := int(ws.kbEnd[k]); e == j {
			if p := ws.kbInfo[k]; p != nil && p.cands[ws.kbCand[k]].entry.Type == kb.ORG {
				owner = true
			}
		}
	}
	if !owner && !(j-i == 1 && toks[i].class&wOrgHead != 0 && toks[i].shape == shapeCap) {
		return 0
	}
	for k := j + 1; k < len(toks) && k <= j+3; k++ {
		v := &toks[k]
		if !v.word || !v.name || v.sent != toks[j].sent || v.skip || v.class&(wNotName|wTitle) != 0 {
			return 0
		}
		if v.class&(wOrgHead|wLocHead) != 0 {
			if p := ws.kbInfo[j+1]; int(ws.kbEnd[j+1]) == k+1 && p != nil && p.cands[ws.kbCand[j+1]].entry.Type == kb.LOC {
				return 0 // "the FBI's Oklahoma City field office": a known place, where the body works
			}
			return k + 1
		}
	}
	return 0
}

// afterOwner reports a run at a preceded by a name and a possessive clitic
// ("Pakistan's Interior Ministry"): the owner makes a generic name specific.
func (s *Stage) afterOwner(ws *workspace, a int) bool {
	return a >= 2 && s.isClitic(ws, a-1) && ws.toks[a-2].name && ws.toks[a-2].sent == ws.toks[a].sent
}

// joins reports whether the lower-case particle or connectors at i lead to a
// name token.
func (s *Stage) joins(ws *workspace, r *langRules, i int) bool {
	k := s.skipConnectors(ws, r, i)
	return k < len(ws.toks) && k-i <= 3 && ws.toks[k].name && ws.toks[k].sent == ws.toks[i].sent && !ws.toks[k].skip
}

// skipConnectors returns the first token at or after i that is not a
// lower-case connector, particle or elided article.
func (s *Stage) skipConnectors(ws *workspace, r *langRules, i int) int {
	for i < len(ws.toks) {
		u := &ws.toks[i]
		if !u.word || u.shape != shapeLower || u.class&(wConnector|wParticle) == 0 || u.skip {
			return i
		}
		i++
	}
	return i
}

// lowerHead matches a lower-case head phrase at i ("cour d'assises") or a
// whole lower-case institution name ("parquet fédéral") and returns the token
// after it, its type and whether it is a whole name; 0 when none.
func (s *Stage) lowerHead(ws *workspace, r *langRules, i int) (int, string, bool) {
	if afterQuotation(ws, i) {
		return 0, "", false // "« … », pointe Lena Varga": the speech verb of an incise
	}
	ws.key = ws.key[:0]
	best, typ, whole := 0, "", false
	for j := i; j < len(ws.toks) && j-i < r.lowerHeadMax; j++ {
		u := &ws.toks[j]
		if !u.word || u.skip || u.sent != ws.toks[i].sent {
			break
		}
		if j > i {
			ws.key = append(ws.key, ' ')
		}
		ws.key = append(ws.key, ws.foldOf(u)...)
		if t, ok := r.lowerNames[string(ws.key)]; ok && u.shape == shapeLower {
			best, typ, whole = j+1, t, true
		} else if t, ok := r.lowerHeads[string(ws.key)]; ok {
			best, typ, whole = j+1, t, false
		}
	}
	return best, typ, whole
}

// pairedPlurals reports a name that ends in two plural common nouns joined
// by the coordinator at k, after a name of its own ("Kessel Hotels and
// Resorts", "Vessa Parks and Gardens"): the firm's or the body's two
// trades, no two names.
func pairedPlurals(ws *workspace, a, k, b int) bool {
	toks := ws.toks
	if k+2 != b || k-1 <= a {
		return false
	}
	plural := func(t *tok) bool {
		w := ws.foldOf(t)
		return t.word && t.shape == shapeCap && t.class&wDict != 0 && t.class&(wGiven|wTitle) == 0 && len(w) > 3 && w[len(w)-1] == 's'
	}
	return plural(&toks[k-1]) && plural(&toks[k+1]) && toks[a].word && toks[a].class&wDict == 0
}

// nicknameMaxWords bounds a nickname quoted inside a person's name.
const nicknameMaxWords = 3

// nicknameInside returns the token after a quoted nickname that opens at j
// and the capitalised surname after it (“Lenny” Varga, "El Chapo" Guzmán), or
// j: one to nicknameMaxWords capitalised words between quotation marks, a
// space on each side, in the sentence.
func nicknameInside(ws *workspace, j int) int {
	toks := ws.toks
	open := func(k int) bool {
		if k >= len(toks) || toks[k].word {
			return false
		}
		q := ws.text[toks[k].start:toks[k].end]
		return q == "“" || q == "\"" || q == "«" || q == "("
	}
	if !open(j) || j == 0 || toks[j].start == toks[j-1].end {
		return j
	}
	// In brackets, one word after a first name: "Emanuel (Mannie) Varga";
	// a known name there is a place or a team ("Olaf Varga (Germany)").
	paren := ws.text[toks[j].start:toks[j].end] == "("
	if paren && toks[j-1].class&wGiven == 0 {
		return j
	}
	k := j + 1
	for k < len(toks) && k-j-1 < nicknameMaxWords && toks[k].word && toks[k].shape != shapeLower && toks[k].sent == toks[j].sent {
		k++
	}
	if k == j+1 || k >= len(toks) || toks[k].word || paren && (k != j+2 || toks[j+1].shape != shapeCap || ws.kbEnd[j+1] > int32(j+1)) {
		return j
	}
	switch ws.text[toks[k].start:toks[k].end] {
	case "”", "\"", "»":
	case ")":
		if !paren {
			return j
		}
	default:
		return j
	}
	s := k + 1
	if s >= len(toks) || !toks[s].word || !toks[s].name || toks[s].shape != shapeCap || toks[s].sent != toks[j].sent || toks[s].start == toks[k].end {
		return j
	}
	return s + 1
}

// afterQuotation reports a closing quotation mark, and maybe a comma, right
// before token i: there the verb of an incise stands ("… », pointe X").
func afterQuotation(ws *workspace, i int) bool {
	p := i - 1
	if p >= 0 && !ws.toks[p].word && ws.text[ws.toks[p].start:ws.toks[p].end] == "," {
		p--
	}
	if p < 0 || ws.toks[p].word {
		return false
	}
	switch ws.text[ws.toks[p].start:ws.toks[p].end] {
	case "»", "”", "\"":
		return true
	}
	return false
}

// runFlags carry what the run's context says about it.
type runFlags uint8

const (
	// flagLowerName: the lower-case words at the run's end belong to the name
	// ("parquet fédéral", "Direction de la sécurité nationale afghane").
	flagLowerName runFlags = 1 << iota
	// flagBeforeTitle: the run is followed by a title and a person's name
	// ("Supreme Court Justice X"), so a generic-looking name is still a name.
	flagBeforeTitle
	// flagArticleLed: a capitalised article inside a sentence opens the
	// name ("selon La Croix", "interrogé par Les Échos"): a title of a
	// newspaper, party or work, kept whole.
	flagArticleLed
	// flagHeadlineSplit: the run is a piece of a headline's run already
	// cut at its common words (headlineSegments).
	flagHeadlineSplit
	// flagOutlet: an outlet's cue stands before the run ("told the",
	// "selon le"): a common word or a nationality alone is the outlet's
	// name ("the Examiner", "le Parisien").
	flagOutlet
)

// adjectiveBeforeNoun reports a capitalised word at a that the language's
// adjectives list holds, right before a lower-case word it modifies, in a
// language whose adjectives come first ("Democratic candidates").
func (s *Stage) adjectiveBeforeNoun(ws *workspace, r *langRules, a int) bool {
	t := &ws.toks[a]
	if !r.adjFirst || t.shape != shapeCap || t.class&(wGiven|wOrgHead|wLocHead|wTitle) != 0 || a+1 >= len(ws.toks) || !r.isAdjective(ws.foldOf(t)) {
		return false
	}
	n := &ws.toks[a+1]
	return n.word && !n.number && n.shape == shapeLower && n.sent == t.sent && n.start > t.end &&
		n.class&(wFunction|wConnector|wArticle|wPersonVerb|wCoord|wParticle) == 0 &&
		!ws.surnameInDoc(a) // "Tim Lee … Lee also said": a named person's surname
}

// headOfNamedBody reports a capitalised organisation head alone inside a
// sentence at a, when an organisation named earlier in the document opens
// or ends with that head ("Assemblée nationale" … "l'Assemblée").
func (s *Stage) headOfNamedBody(ws *workspace, a int) bool {
	t := &ws.toks[a]
	if !t.word || t.shape != shapeCap || t.class&wOrgHead == 0 || t.sentStart || t.titleLine {
		return false
	}
	key := ws.foldOf(t)
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.drop || c.typ != "ORG" || c.to-c.from < 2 || c.to > a {
			continue
		}
		if string(ws.foldOf(&ws.toks[c.from])) == string(key) || string(ws.foldOf(&ws.toks[c.to-1])) == string(key) {
			return true
		}
	}
	return false
}

// unknownNames reports capitalised words in [a, b) that no word list and no
// knowledge-base name knows, or given names ("Zine al-Abidine").
func unknownNames(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		t := &ws.toks[k]
		if !t.word && k > a && t.start == ws.toks[k-1].end && t.end-t.start <= 3 && isHyphen(firstRune(ws.text[t.start:t.end])) {
			continue // "al-Abidine" read as three tokens
		}
		if t.word && t.shape == shapeLower && t.class&wParticle != 0 && k+1 < b {
			continue
		}
		if !t.word || !t.name || t.class&^(wGiven|wParticle) != 0 || ws.kbEnd[k] != 0 {
			return false
		}
	}
	return true
}

// addKBIn adds the knowledge-base matches that lie wholly inside [a, b).
func (s *Stage) addKBIn(ws *workspace, a, b int) {
	for j := a; j < b; j++ {
		if e := int(ws.kbEnd[j]); e > j && e <= b {
			s.addKB(ws, j, e)
			j = e - 1
		}
	}
}

// emitRun turns the run [a, b) into candidates and returns the furthest token
// it covered (a KB match may reach past b).
func (s *Stage) emitRun(ws *workspace, r *langRules, text string, a, b int, headType string, flags runFlags) int {
	toks := ws.toks
	if b < len(toks) && roadNumber(ws, r, b) {
		b++ // "Interstate 10": the road's number ends its name
	}
	if headType == "" && b < len(toks) && numberedBody(ws, a, b) {
		s.addPattern(ws, r, text, a, b+1, "ORG", flags) // "Université Lyon 2"
		return b + 1
	}
	if headType == "" && twoStreets(ws, a, b) {
		// "the corner of Tremont and Calder Street": a name, then a second
		// with a place's head, are two streets; the head is no body's
		// ("Health and Human Services").
		s.addPattern(ws, r, text, a, a+1, "LOC", 0)
		return max(s.emitRun(ws, r, text, a+2, b, "", flags), b)
	}
	// "Washington, D.C.": a place, a comma and its region that the
	// knowledge base knows together are one place.
	if headType == "" && s.regionAfterPlace(ws, a, b) {
		prev := &ws.cands[len(ws.cands)-1]
		for _, m := range s.kb.Find(text[toks[prev.from].start:toks[b-1].end]) {
			if m.Entry.Type == kb.LOC {
				prev.to, prev.entry, prev.strength, prev.source, prev.weak = b, m.Entry, evKB, SourceKB, false
				return b
			}
		}
	}
	// "the Federal Republic of Somalia", "la République fédérale de
	// Somalie": a state's official name is the country's.
	if headType == "" && len(r.stateForms) > 0 {
		if st, k, e := s.officialStateName(ws, r, a, b); e > 0 {
			if st > a {
				s.emitRun(ws, r, text, a, st, headType, flags)
			}
			p := ws.kbInfo[k]
			ws.cands = append(ws.cands, cand{from: st, to: e, typ: "LOC", strength: evKB, entry: p.cands[ws.kbCand[k]].entry, source: SourceKB})
			if e < b {
				return max(s.emitRun(ws, r, text, e, b, headType, flags), b)
			}
			return max(e, b)
		}
	}
	// "The Lantern reports …": the sentence's capitalised article and one common
	// word before a verb of reporting that people do not use name an outlet.
	if headType == "" && b-a == 2 && b < len(toks) && toks[a].sentStart && toks[a].shape == shapeCap && toks[a].class&wArticle != 0 &&
		toks[a+1].shape == shapeCap && toks[a+1].class&wDict != 0 && toks[a+1].class&(wOrgHead|wLocHead|wTitle|wGiven|wFunction|wNotName) == 0 &&
		ws.kbEnd[a+1] == 0 && toks[b].word && toks[b].shape == shapeLower && toks[b].sent == toks[a].sent &&
		toks[b].class&wOutletWord != 0 && toks[b].class&wPersonVerb == 0 && !r.isPersonNoun(ws.foldOf(&toks[a+1])) {
		ws.cands = append(ws.cands, cand{from: a, to: b, typ: "ORG", strength: evVerb, source: SourcePattern})
		return b
	}
	// "The Post and Courier", "the News & Observer": two newspaper words
	// coordinated, nothing else, are one paper's name.
	if e := pairedOutlet(ws, r, a, b); headType == "" && e > 0 {
		ws.cands = append(ws.cands, cand{from: a + btoi(toks[a].shape == shapeLower), to: e, typ: "ORG", strength: evHead, source: SourcePattern})
		return e
	}
	// "Credit Paris Group AG", "Banca Vessa di Norland SpA": a run that a
	// firm's legal form ends is one firm's name, whatever places or common
	// words it holds.
	if headType == "" && b-a >= 2 && toks[b-1].shape != shapeLower && r.legalSuffixes[string(ws.foldOf(&toks[b-1]))] && !coordIn(ws, a, b) &&
		!(toks[a].sentStart && toks[a].class&wDict != 0 && toks[a+1].shape == shapeLower) && // ("Shares of Vessa Ltd. rose": the sentence's own words)
		!(toks[a].class&wGiven != 0 && lowerConnectorIn(ws, a, b)) { // ("Lynn Varga of Kessel Banks Inc": a person of the firm)
		s.addPattern(ws, r, text, a, b, "ORG", flags)
		return b
	}
	// "At the University of Vessa …": a function word capitalised only
	// because it opens the sentence, and the article after it, open no name.
	if t := &toks[a]; headType == "" && t.sentStart && t.shape == shapeCap && t.class&wFunction != 0 && t.class&(wArticle|wGiven) == 0 &&
		ws.kbEnd[a] == 0 && a+2 < b && toks[a+1].shape == shapeLower && toks[a+1].class&(wArticle|wConnector) != 0 {
		k := a + 1
		for k < b && toks[k].shape == shapeLower && toks[k].class&(wArticle|wConnector) != 0 {
			k++
		}
		if k < b && toks[k].name {
			return max(s.emitRun(ws, r, text, k, b, headType, flags), b)
		}
	}
	// "Midfielder Jordan Henderson scored": a common word, capitalised only
	// because it opens the sentence, before a first name and a surname is the
	// person's role or the sentence's adverb, no part of the name.
	if t := &toks[a]; headType == "" && t.sentStart && t.shape == shapeCap && b-a >= 3 && t.class&(wGiven|wOrgHead|wLocHead|wTitle|wHonorific|wParticle|wFunction|wArticle) == 0 &&
		ws.kbEnd[a] == 0 && toks[a+1].shape == shapeCap && (toks[a+1].class&wGiven != 0 || s.givenPlace[string(ws.foldOf(&toks[a+1]))]) &&
		toks[a+2].shape == shapeCap && toks[a+2].name &&
		(t.class&wDict != 0 || r.isPersonNoun(ws.foldOf(t)) || ws.lowerElsewhere(a)) {
		return max(s.emitRun(ws, r, text, a+1, b, headType, flags), b)
	}
	// "a Texas Democrat", "Harbourton Muslims": a member word ends the
	// name before it, which is then the place the people are from.
	if headType == "" && b-a >= 2 && toks[b-1].resident && toks[b-1].shape == shapeCap && !toks[b-2].resident && int(ws.kbEnd[a]) < b {
		end := max(s.emitRun(ws, r, text, a, b-1, headType, flags), b)
		if int(ws.kbEnd[b-1]) == b && toks[b-1].end-toks[b-1].start > 0 && text[toks[b-1].end-1] == 's' {
			// "Senate Republicans", "Democrats and Republicans": members
			// in the plural that the knowledge base knows as the party.
			s.addKBIn(ws, b-1, b)
		}
		return end
	}
	// "sous la direction de Karl Amberg": a lower-case particle before a
	// first name is the sentence's preposition, not part of a surname.
	if t := &toks[a]; a+1 < b && t.shape == shapeLower && t.class&wParticle != 0 && toks[a+1].shape == shapeCap && toks[a+1].class&wGiven != 0 {
		return max(s.emitRun(ws, r, text, a+1, b, headType, flags), b)
	}
	// "la députée UMP Laure Vessier", "NBA star Lena Varga": an acronym
	// before a given name and a surname is the person's party or body, not
	// part of the name.
	if t := &toks[a]; headType == "" && b-a >= 3 && t.shape == shapeUpper && !t.shouted && t.class&(wTitle|wGiven) == 0 &&
		letterCount(text[t.start:t.end]) >= 2 && toks[a+1].shape == shapeCap && toks[a+1].start > t.end &&
		(toks[a+1].class&wGiven != 0 || s.givenCommon[string(ws.foldOf(&toks[a+1]))]) {
		s.emitRun(ws, r, text, a, a+1, "ORG", flags)
		return max(s.emitRun(ws, r, text, a+1, b, "", flags), b)
	}
	// "By Lena Varga The Associated Press": a capitalised article inside a
	// sentence's run opens a second name (a headline capitalises every word).
	if headType == "" && b-a >= 3 && !toks[a].titleLine {
		for k := a + 1; k < b-1; k++ {
			if t := &toks[k]; t.word && t.shape == shapeCap && t.class&wArticle != 0 && t.class&wParticle == 0 && toks[k-1].word &&
				toks[k-1].shape != shapeLower && toks[k-1].class&wGiven == 0 { // ("Tessa Le Blanc": a surname's article)
				s.emitRun(ws, r, text, a, k, headType, flags)
				return max(s.emitRun(ws, r, text, k, b, headType, flags), b)
			}
		}
	}
	// "Black and Brown communities": capitalised adjectives coordinated
	// before a lower-case noun describe it; no one is named.
	if headType == "" && b-a == 1 && b+2 < len(toks) && capitalAdjective(ws, r, a) && toks[b].word && toks[b].shape == shapeLower &&
		toks[b].class&wCoord != 0 && capitalAdjective(ws, r, b+1) && toks[b+2].word && toks[b+2].shape == shapeLower &&
		toks[b+2].class&(wFunction|wPersonVerb|wConnector|wCoord) == 0 && toks[b+2].sent == toks[a].sent {
		return b
	}
	// "SDLP Vessmoor councillor Donal Kessick", "GOP Ohio senator": a party's
	// acronym, then the place a lower-case office after them is held for.
	if t := &toks[a]; headType == "" && b-a >= 2 && t.shape == shapeUpper && !t.shouted && t.class&(wTitle|wGiven) == 0 &&
		letterCount(text[t.start:t.end]) >= 2 && int(ws.kbEnd[a]) <= a+1 && toks[a+1].shape == shapeCap && toks[a+1].start > t.end &&
		b < len(toks) && toks[b].word && toks[b].shape == shapeLower && toks[b].class&wTitle != 0 && toks[b].sent == t.sent && !headWordIn(ws, a+1, b) {
		s.emitRun(ws, r, text, a, a+1, "ORG", flags)
		place := ""
		if ws.kbEnd[a+1] == 0 {
			place = "LOC" // the seat or ward, no other body
		}
		return max(s.emitRun(ws, r, text, a+1, b, place, flags), b)
	}
	// "la Messe de Varenko", "the Winter Requiem by Tessler": a work's title
	// ending in a work noun, then its maker's preposition: the maker alone
	// is a name, a person's.
	if headType == "" && b-a >= 3 {
		for k := a + 1; k+1 < b; k++ {
			p, w := &toks[k], &toks[k-1]
			if p.word && p.shape == shapeLower && r.workPreps[string(ws.foldOf(p))] && w.shape == shapeCap && r.workNouns[string(ws.foldOf(w))] &&
				w.class&(wOrgHead|wLocHead) == 0 && toks[k+1].shape == shapeCap && ws.kbEnd[k-1] == 0 && ws.kbEnd[k+1] == 0 {
				e := k + 1
				for e < b && toks[e].word && (toks[e].shape != shapeLower || toks[e].class&wParticle != 0 && e+1 < b && toks[e+1].shape != shapeLower) {
					e++
				}
				s.addPattern(ws, r, text, k+1, e, "PER", flags)
				for e < b && (!toks[e].word || toks[e].shape == shapeLower) {
					e++ // "… de Varenko et la Winter Requiem …": the run goes on after its coordinator
				}
				if e < b {
					return max(s.emitRun(ws, r, text, e, b, "", flags), b)
				}
				return b
			}
		}
	}
	if headType == "" && b+1 < len(toks) && toks[b-1].shape == shapeCap && r.workNouns[string(ws.foldOf(&toks[b-1]))] && ws.kbEnd[b-1] == 0 &&
		toks[b-1].class&(wOrgHead|wLocHead) == 0 &&
		toks[b].word && toks[b].shape == shapeLower && r.workPreps[string(ws.foldOf(&toks[b]))] && toks[b+1].shape == shapeCap {
		// "the Winter Requiem by Tessler": a work's title names nothing of
		// ours; a name coordinated before it still does ("Tessler and the
		// Second Sonata by …").
		for k := b - 2; k > a; k-- {
			if toks[k].word && toks[k].shape == shapeLower && toks[k].class&wCoord != 0 {
				s.emitRun(ws, r, text, a, k, "", flags)
				break
			}
		}
		return b
	}
	if headType == "" && b-a >= 3 && toks[a].shape == shapeCap && toks[a].class&wDict == 0 {
		if k := capsSurnameEnd(ws, a, b); k < b {
			s.emitRun(ws, r, text, a, k, "", flags)
			return b
		}
	}
	// "Lena Varga Senior Politics Editor": a person's name, then the role a
	// byline gives, in capitals: common words ending in a noun for people.
	if headType == "" && b-a >= 3 && toks[a].class&wGiven != 0 && toks[a].shape == shapeCap {
		if k := roleTail(ws, r, a, b); k >= a+2 && k < b && !headWordIn(ws, a, k) && !s.isClitic(ws, b) {
			s.emitRun(ws, r, text, a, k, "", flags)
			return b
		}
	}
	// "the Harbourton County Sheriff's office": a named office's possessive
	// and a lower-case office noun name the body.
	if headType == "" && b-a >= 2 && b+1 < len(toks) && toks[b-1].class&wTitle != 0 && toks[b-1].shape == shapeCap &&
		toks[a].class&(wTitle|wArticle|wFunction) == 0 && s.isClitic(ws, b) && toks[b+1].shape == shapeLower && r.possessiveHeads[string(ws.foldOf(&toks[b+1]))] {
		ws.cands = append(ws.cands, cand{from: a, to: b + 2, typ: "ORG", strength: evHead, source: SourcePattern})
		return b + 2
	}
	// "the Harbourton County prosecutor's office", "the Kessel police
	// department": a place's name, then a lower-case office or force and an
	// office noun, name the place's body.
	if from := a + btoi(toks[a].class&wArticle != 0 && a+1 < b); headType == "" && toks[from].class&(wTitle|wArticle|wFunction) == 0 {
		if e := s.localOffice(ws, r, b); e > 0 {
			ws.cands = append(ws.cands, cand{from: from, to: e, typ: "ORG", strength: evHead, source: SourcePattern})
			return e
		}
	}
	// "American Dana Mitchell": a nationality before a first name is the
	// person's, not part of the name (nor a reason to split at a town).
	if t := &toks[a]; headType == "" && b-a >= 3 && t.shape == shapeCap && toks[a+1].shape == shapeCap && toks[a+1].class&wGiven != 0 &&
		int(ws.kbEnd[a]) <= a+1 && (s.isDemonym(text, t) || t.resident) {
		// (So is a party's or a faith's member word: "Democrat Walter
		// Tessly".)
		return max(s.emitRun(ws, r, text, a+1, b, "", flags), b)
	}
	// "told the Irish Courier", "selon le Parisien": after an outlet's cue
	// the capitalised name is the outlet's, whatever words it is made of.
	if headType == "" && outletAt(ws, a, b) {
		for k := a + 1; k < b-1; k++ {
			if t := &toks[k]; t.word && t.shape == shapeLower && t.class&wCoord != 0 {
				// "told Channel 4 News and CBS News": two outlets
				s.emitRun(ws, r, text, a, k, "", flags)
				return max(s.emitRun(ws, r, text, k+1, b, "", flags), b)
			}
		}
		s.addPattern(ws, r, text, a, b, "ORG", flags|flagOutlet)
		return b
	}
	// "Varnotech Liable for Faulty Heaters, Rules Norland Appeals Court": in
	// a headline every word is capitalised, so the common words cut the run
	// into its names.
	if headType == "" && b-a >= 2 && int(ws.kbEnd[a+1]) == b && s.articleOfAlias(ws, a, a+1, b) {
		s.addKBFrom(ws, a, a+1, b) // "Lena Varga, The Associated Press": the outlet's name as the knowledge base writes it
		return b
	}
	if headType == "" && flags&flagHeadlineSplit == 0 && toks[a].titleLine && !toks[a].shouted {
		if segs := s.headlineSegments(ws, r, a, b); segs != nil {
			for _, sg := range segs {
				s.emitRun(ws, r, text, sg[0], sg[1], "", flags|flagHeadlineSplit)
			}
			return b
		}
	}
	// "By TESSA VARNHAM and …", "With Lena Varga …": a capitalised function
	// word opening the sentence opens no name.
	if t := &toks[a]; headType == "" && a+1 < b && t.sentStart && t.shape == shapeCap && t.class&wFunction != 0 &&
		t.class&(wArticle|wGiven|wOrgHead|wLocHead) == 0 && ws.kbEnd[a] == 0 && toks[a+1].name && toks[a+1].shape != shapeLower {
		return max(s.emitRun(ws, r, text, a+1, b, headType, flags), b)
	}
	// "les grévistes de l'Opéra de Paris": lower-case particles and an
	// article before an institution's or a place's head open no name; the
	// run starts at the head.
	if headType == "" && toks[a].shape == shapeLower {
		k := a
		for k < b-1 && toks[k].shape == shapeLower && toks[k].class&(wParticle|wConnector|wArticle) != 0 {
			k++
		}
		if k > a && k < b-1 && toks[k].shape == shapeCap && toks[k].class&(wOrgHead|wLocHead) != 0 && ws.kbEnd[k] == 0 {
			return max(s.emitRun(ws, r, text, k, b, headType, flags), b)
		}
	}
	// "Institute for Transportation and Development Policy": an
	// institution's head with its domain holds a coordination.
	headed := headType != "" || toks[b-1].class&(wOrgHead|wLocHead) != 0 || s.headOfDomain(ws, a, b)
	if b-a >= 3 && columnHeads(ws, a, b) || columnLine(ws, a) {
		return b // "W L T PF PA": a table's column heads
	}
	// "Harbourton County Executive Ed Day": a capitalised common word, then
	// a first name and one more name, are an office's role word and its
	// holder; the words before it name the office's place or body.
	if headType == "" && b-a >= 3 && flags&flagHeadlineSplit == 0 && !toks[a].titleLine {
		gi := b - 2 // the first name, before any initials ("Ed K. Day")
		for gi > a+1 && (isInitial(&toks[gi]) || !toks[gi].word && text[toks[gi].start:toks[gi].end] == ".") {
			gi--
		}
		g, l, p := &toks[gi], &toks[b-1], &toks[gi-1]
		if g.word && g.shape == shapeCap && g.class&wGiven != 0 && ws.kbEnd[gi] == 0 && !s.majorPlace(ws, text[g.start:g.end]) &&
			l.word && l.shape == shapeCap && l.class&(wOrgHead|wLocHead) == 0 && ws.kbEnd[b-1] == 0 &&
			p.word && p.shape == shapeCap && p.class&wDict != 0 && p.class&(wGiven|wTitle|wHonorific|wParticle|wArticle|wFunction|wConnector|wOrgHead|wLocHead) == 0 &&
			!p.sentStart && !bytes.HasSuffix(ws.foldOf(p), []byte("ing")) { // (a participle opens a name: "the Flying Rock Vessa")
			if gi-1 > a {
				s.emitRun(ws, r, text, a, gi-1, "", flags) // the office's place; its role word goes
			}
			return max(s.emitRun(ws, r, text, gi, b, "", flags), b)
		}
	}
	// Agreements, laws and events are not entities, nor the names inside them;
	// a name listed before one is ("Suharto and the Islamic Conference").
	// A first name and such a head are a person's name ("Stuart Law",
	// "County Executive Ed Day"), a place named like a first name and one an
	// event's ("Victoria Olympics"), and so is a first name that is a common
	// word too ("the Affordable Care Act").
	if toks[b-1].class&wNonEntity != 0 && b-a > 1 && !s.headOfDomain(ws, a, b) && !(toks[b-2].class&wGiven != 0 && toks[b-2].shape == shapeCap && !s.majorPlace(ws, text[toks[b-2].start:toks[b-2].end]) &&
		!s.givenCommon[string(ws.foldOf(&toks[b-2]))]) || s.nonEntityName(ws, r, a, b) ||
		headType == "" && quotedTitle(ws, r, a, b) || lawTitle(ws, r, a, b) {
		if b+2 < len(toks) && !toks[b].word && text[toks[b].start:toks[b].end] == "(" && toks[b+1].word && acronymShaped(text[toks[b+1].start:toks[b+1].end]) &&
			!toks[b+2].word && text[toks[b+2].start:toks[b+2].end] == ")" {
			// "the Sustainable Growth Goals (SDGs)": the acronym names no
			// entity either, nor its singular ("SDG 12").
			ws.noteNonEntity(b+1, b+2)
			if f := ws.foldOf(&toks[b+1]); len(f) > 2 && f[len(f)-1] == 's' {
				ws.nonEntity[string(f[:len(f)-1])] = true
			}
		}
		for k := b - 2; k > a; k-- {
			if t := &toks[k]; t.word && t.shape == shapeLower && t.class&wCoord != 0 {
				s.emitRun(ws, r, text, a, k, headType, flags)
				break
			}
		}
		return b
	}
	// "le directeur de l'Hôpital universitaire d'Ostrava Jiří Havrlant": an
	// institution named for its place, then two or three more names, are
	// the institution and a person.
	if e := s.placeThenNames(ws, a, b); e > 0 {
		s.emitRun(ws, r, text, a, e, headType, flags)
		return max(s.emitRun(ws, r, text, e, b, "", 0), b)
	}
	// "le député LREM Karim Haddad": an acronym, then a person's name from
	// a given name on, are two names.
	if headType == "" && b-a >= 3 && toks[a].shape == shapeUpper && letterCount(text[toks[a].start:toks[a].end]) >= 2 &&
		toks[a+1].class&wGiven != 0 && toks[a+1].shape == shapeCap && toks[a+2].name && toks[a+2].shape != shapeUpper {
		s.emitRun(ws, r, text, a, a+1, "ORG", 0) // a party's or a body's acronym
		return max(s.emitRun(ws, r, text, a+1, b, "", 0), b)
	}
	// "Assistant Secretary of State Lena Varga", "Under Secretary for
	// Terrorism and Financial Intelligence Lena Varga": an office's title,
	// then the person's name from the given name on; a known name inside
	// the title stays ("U.S. Secretary …").
	if headType == "" {
		for k := a + 1; k < b-1; k++ {
			t := &toks[k]
			if t.class&wGiven != 0 && t.shape == shapeCap && toks[k+1].name && toks[k-1].name &&
				(s.titleWordIn(ws, a, k) || s.titlePhraseBefore(ws, a)) && !s.kbSpans(ws, a, k) {
				// "Miami-Dade Police Director Lena Varga": the institution
				// before the title is named.
				// "President Oru Kessel and Mayor Lena Varga": a title
				// after a coordination opens another person's run.
				runFrom := a
				for c := k - 1; c > a+1; c-- {
					if u := &toks[c-1]; u.word && u.shape == shapeLower && u.class&wCoord != 0 && toks[c].class&wTitle != 0 &&
						toks[c].class&wGiven == 0 && toks[c-2].name && toks[c-2].class&wTitle == 0 {
						s.emitRun(ws, r, text, a, c-1, "", 0)
						runFrom = c
						break
					}
				}
				tk := runFrom
				for tk < k && (!toks[tk].word || toks[tk].class&wTitle == 0 || toks[tk].class&wGiven != 0) {
					tk++
				}
				from := runFrom
				for c := tk - 1; c > runFrom; c-- {
					if u := &toks[c]; u.word && u.shape == shapeLower && u.class&wCoord != 0 {
						// "Senator Lena Varga and Congressman Tom Ashby": a
						// name before the coordination is a run of its own.
						s.emitRun(ws, r, text, a, c, "", 0)
						from = c + 1
						break
					}
				}
				// "President Zine al-Abidine Ben Ali": names no word list
				// knows, right after the last title word, open the person's
				// name before the given name.
				nameFrom := k
				for lt := k - 1; lt >= tk; lt-- {
					if u := &toks[lt]; u.word && u.class&wTitle != 0 && u.class&wGiven == 0 {
						if lt+1 < k && unknownNames(ws, lt+1, k) {
							nameFrom = lt + 1
						}
						break
					}
				}
				switch _, e := s.officeOf(ws, r, tk, nameFrom); {
				case e > tk:
					// "U.S. Attorney for the District of Massachusetts Joshua
					// Levy": the body the office serves is named too.
					s.addKBIn(ws, from, tk)
					s.emitRun(ws, r, text, e, nameFrom, "", 0)
				case tk > from && tk < k && headWordIn(ws, from, tk):
					s.emitRun(ws, r, text, from, tk, "", flagBeforeTitle)
				case tk > from && toks[tk].class&wPlaceNoun != 0 && tk-from <= 2 && allNames(ws, from, tk) && !allDict(ws, from, tk) && ws.kbEnd[from] == 0:
					// "Kessington Mayor Rafe Dunmore": a place's office, so a
					// place's name before it, known or not.
					s.addPattern(ws, r, text, from, tk, "LOC", 0)
				default:
					s.addKBIn(ws, from, nameFrom)
				}
				return max(s.emitRun(ws, r, text, nameFrom, b, "", 0), b)
			}
		}
	}
	// "… said Aldo Fenn, who is Tarrow County Public Works Director.": a
	// title ending a run that no name follows is the office, cut off the
	// body's name before it; a run opened by a given name ends with a
	// surname ("Tessa King").
	if headType == "" && b-a >= 2 && s.officeEnds(ws, a, b) {
		e := b
		for e > a && titleAt(ws, e-1) {
			e--
		}
		// What the title leaves must name a body or a place: a head or a
		// known name ("Burger King" stays, "Sri Lankan President" is no
		// body's).
		if e > a && (headWordIn(ws, a, e) || ws.kbEnd[a] > 0) && !s.isDemonymWord(ws, e-1) && !s.isDemonym(text, &toks[e-1]) {
			return max(s.emitRun(ws, r, text, a, e, headType, flags), b)
		}
	}
	// "the Chairman of the Harbourton Port Authority", "Prime Minister and
	// Chairman of the Coastal Union": an office and "of" are no part of the
	// body's name after them; an office with no name after it ("Minister of
	// Foreign Affairs") leaves only common words, which name nothing.
	if headType == "" {
		if tk, e := s.officeOf(ws, r, a, b); e > a {
			s.addKBIn(ws, a, tk)
			return max(s.emitRun(ws, r, text, e, b, "", 0), b)
		}
	}
	{
		for k := a + 1; k < b-1; k++ {
			t := &toks[k]
			cut := false
			switch {
			case headType != "" && !(t.class&wCoord != 0 && s.coordSplits(ws, a, k)):
				// a run opened by a lower-case head ("la katiba …") is cut
				// only where a coordination joins two names
			case t.class&wCoord != 0 && (!headed && !pairedPlurals(ws, a, k, b) || s.coordSplits(ws, a, k) || hasAmpersand(ws, a, k)):
				cut = true // "Abdeslam and Abrini", "the River Authority and the Port Board"
			case t.shape == shapeLower && t.class&wConnector != 0 && t.class&wParticle == 0 &&
				(toks[a].class&wGiven != 0 || k-a >= 2 && titledBefore(ws, a) && !headWordIn(ws, a, b)) && (!headed || k-a >= 2 && !headWordIn(ws, a, k) && !s.kbSpans(ws, a, k)):
				// "Élie Tenenbaum of La Guerre…", "Lena Varga of the
				// Harbourton Police": a person's name takes no "of"
				cut = true
			case t.shape == shapeLower && t.class&wConnector != 0 && t.class&wParticle != 0 && k-a >= 2 && k+1 < b &&
				toks[a].class&wGiven != 0 && !headWordIn(ws, a, k) && (toks[k+1].shape == shapeUpper && letterCount(text[toks[k+1].start:toks[k+1].end]) >= 2 ||
				ws.kbEnd[k+1] > int32(k+1) && ws.kbInfo[k+1] != nil && ws.kbInfo[k+1].cands[ws.kbCand[k+1]].entry.Type == kb.ORG):
				// "Lena Varga de CBC": a person's name, then "de" and a body
				// (an acronym, a known organisation) is the person and the
				// body; "Charles de Gaulle" keeps its particle.
				cut = true
			case t.shape == shapeLower && t.class&wConnector != 0 && t.class&wParticle == 0 && k-a >= 2 &&
				toks[a].class&(wDict|wOrgHead|wLocHead|wTitle) == 0 && toks[k-1].class&(wDict|wOrgHead|wLocHead|wTitle) == 0 &&
				ws.kbEnd[a] == 0 && allNames(ws, a, k) && !headWordIn(ws, a, k) && !s.kbSpans(ws, a, k) && s.hasHead(ws, k+1, b):
				// "Tobechi Broek of Kessington State University": words that are no
				// word of the language and have no head, then "of" and a name
				// with a head of its own, are a person (first names no list
				// holds) and the body they belong to.
				cut = true
			case t.name && t.class&wTitle != 0 && t.class&wGiven == 0 && toks[k+1].name && !s.kbSpans(ws, a, k) &&
				!(toks[b-1].class&(wOrgHead|wLocHead) != 0 && !givenIn(ws, k+1, b)) &&
				!(k == a+1 && toks[a].class&wGiven != 0 && toks[a].shape == shapeCap && int(ws.kbEnd[a]) <= a+1 && t.shape == shapeCap && toks[k+1].shape == shapeCap) &&
				!(toks[k-1].class&wGiven != 0 && t.shape == shapeCap && generational(text[toks[k+1].start:toks[k+1].end])): // "Martin Luther King III"
				// (A first name, then a title word, then a name: the title is a
				// name of the person's own, "Hassan Sheikh Vessaro".)
				// ("Kessington General Hospital", "the UN General Assembly":
				// a title word inside a name its head ends.)
				// "Supreme Court Justice Vijith Malalgoda", "Vice President Yemi Osinbajo".
				switch {
				case s.hasHead(ws, a, k):
					s.emitRun(ws, r, text, a, k, "", flagBeforeTitle)
				case t.class&wPlaceNoun != 0 && k-a <= 2 && allNames(ws, a, k) && !allDict(ws, a, k) && ws.kbEnd[a] == 0:
					// "Kessington Mayor Rafe Dunmore": a place's office, so a
					// place's name before it, known or not.
					s.addPattern(ws, r, text, a, k, "LOC", 0)
				default:
					s.addKBIn(ws, a, k) // "Paris Mayor Anne Hidalgo": the place before the title stays
				}
				end := s.emitRun(ws, r, text, k+1, b, "", 0)
				return max(end, b)
			}
			if cut {
				// The left part may end past the cut, where a known name
				// spans it ("Customs and Border Protection and the DEA"):
				// the rest of the run goes on after that name.
				left := max(s.emitRun(ws, r, text, a, k, headType, flags), k)
				next := s.skipConnectors(ws, r, max(k+1, left))
				if next < b {
					return max(s.emitRun(ws, r, text, next, b, "", 0), b)
				}
				return max(left, b)
			}
		}
	}
	// "the Vessa drug cartel": a name, a lower-case modifier and an
	// organisation noun; the name is the organisation's.
	if headType == "" && b-a == 1 && ws.kbEnd[a] == 0 && ownTailAfter(ws, b) && toks[a].class&(wCommon|wAdjective|wFunction|wNotName) == 0 && !s.isDemonym(text, &toks[a]) {
		ws.cands = append(ws.cands, cand{from: a, to: b, typ: "ORG", strength: evHead, source: SourcePattern})
		return b
	}
	// "the Camel network": one name and a lower-case organisation noun.
	if headType == "" && b-a == 1 && b < len(toks) && toks[b].word && toks[b].shape == shapeLower &&
		toks[b].sent == toks[a].sent && !toks[b].skip && ws.kbEnd[a] == 0 {
		if typ, ok := r.tailHeads[string(ws.foldOf(&toks[b]))]; ok && toks[a].class&(wCommon|wAdjective|wFunction|wNotName) == 0 && !s.isDemonym(text, &toks[a]) {
			ws.cands = append(ws.cands, cand{from: a, to: b + 1, typ: typ, strength: evHead, source: SourcePattern})
			return b + 1
		}
	}
	if headType == "" && b-a >= 2 && s.articleLed(ws, a) && int(ws.kbEnd[a]) < b {
		s.addPattern(ws, r, text, a, b, "", flags|flagArticleLed)
		return b
	}
	furthest := b
	hasKB, wholeKB, placesOnly := false, false, true
	lastKBEnd := a
	for k := a; k < b; k++ {
		if e := int(ws.kbEnd[k]); e > k {
			hasKB = true
			if k == a && e >= b {
				wholeKB = true
			}
			// A given name that is also a town's opens a person's name
			// ("Dennis Varnak"): the first word's town does not count.
			if p := ws.kbInfo[k]; p == nil || p.cands[ws.kbCand[k]].entry.Type != kb.LOC || e-k > 1 || k == a && (toks[a].class&wGiven == 0 || b-a < 2 || s.majorPlace(ws, text[toks[a].start:toks[a].end])) {
				placesOnly = false
			}
			lastKBEnd = max(lastKBEnd, e)
			furthest = max(furthest, e)
		}
	}
	titledFrom, titledPlace := 0, false
	if hasKB && !wholeKB {
		titledFrom, titledPlace = titledPlaceName(ws, a, b)
	}
	regionFrom := s.skipConnectors(ws, r, a) // "du Nord de l'Afrique": where a region's name may start
	placeStart := -1                         // where a place opening an institution's name starts
	firmFrom := -1                           // where a firm's name a place opens starts
	if hasKB && !wholeKB {
		placeStart = s.placeOpensInstitution(ws, a, b)
		if headType == "" {
			firmFrom = s.placeLedName(ws, r, a, b)
		}
	}
	opened := openerAfter(ws, a, b) // the run less a sentence's first common word
	switch {
	case !hasKB && headType == "" && allDict(ws, a, b) && !headWordIn(ws, a, b) && s.definedByAcronym(ws, a, b):
		// "Internally Displaced Persons (IDP)": common words written with
		// capitals to spell their acronym name nothing, nor does the
		// acronym.
		ws.noteNonEntity(b+1, b+2)
		return b
	case !hasKB:
		s.addPattern(ws, r, text, a, b, headType, flags)
		return b
	case headType != "" && !wholeKB:
		if lastKBEnd <= b {
			s.addPattern(ws, r, text, a, b, headType, flags)
			return b
		}
	case !wholeKB && s.institutionOfPlace(ws, a, b):
		// "the Supreme Court of Pakistan", "the Water Council of Norland": an
		// institution named for the place it serves is one organisation, not
		// a body of the knowledge base's ("Security Council") and a country.
		// A place's head names a part of it ("the District of
		// Massachusetts", "the Gulf of Mexico").
		for a < b && toks[a].class&wArticle != 0 {
			a++ // a sentence's "The"
		}
		typ := "ORG"
		if s.placeHeadOf(ws, a, b) {
			typ = "LOC"
		}
		s.addPattern(ws, r, text, a, b, typ, 0)
		return b
	case !wholeKB && s.compassRegion(ws, regionFrom, b):
		// "l'Europe du Sud", "(pays) du Nord de l'Afrique": a known place
		// and a compass point make one region's name.
		s.addPattern(ws, r, text, regionFrom, b, "LOC", 0)
		return b
	case !wholeKB && toks[a].class&wNameAbbrev != 0 && abbrevDot(ws, a+1):
		s.addPattern(ws, r, text, a, b, "LOC", 0) // "Mt. Kenya", "St. Lena": a place named with a saint or a mountain
		return b
	case !wholeKB && hasAmpersand(ws, a, b):
		// "Marks & Spencer": a firm, whatever its words; the knowledge base
		// may know the name with "and" ("Trinidad & Tobago").
		typ := "ORG"
		if ms := s.kb.Find(text[toks[a].start:toks[b-1].end]); len(ms) > 0 {
			typ = string(ms[0].Entry.Type)
		}
		s.addPattern(ws, r, text, a, b, typ, 0)
		return b
	case placeStart >= 0:
		// "the Kurdistan Democratic Party", "the Harbourton Stock Exchange":
		// a place opening a run that an institution's head ends names the
		// institution, whatever the knowledge base knows of its other words.
		s.addPattern(ws, r, text, placeStart, b, "ORG", 0)
		return b
	case !wholeKB && s.townBeforeName(ws, r, opened, b):
		// "selon Amara Osei, directrice de la clinique": a small town's
		// name, then a word no list knows, with a person's context, are a
		// person's first name and surname.
		s.addPattern(ws, r, text, opened, b, "PER", 0)
		return b
	case !wholeKB && headType == "" && b-a <= 3 && allNames(ws, a, b) && s.placeApposition(ws, r, b):
		// "Ostrava Nova, a small town near the border": one place's name.
		s.addPattern(ws, r, text, a, b, "LOC", 0)
		return b
	case firmFrom >= 0:
		s.addPattern(ws, r, text, firmFrom, b, "ORG", 0)
		return b
	case !wholeKB && b-a >= 2 && toks[a].class&wArticle == 0 && (ageBefore(ws, a) || ageAfter(ws, b) && !s.placePrepAhead(ws, a) || s.creditListBefore(ws, r, a)) && allNames(ws, a, b):
		// "2-year-old Oyelaran Kerry", "Vessa Tormund, 21,": an age opens or
		// follows a person's name, whatever places its words name.
		s.addPattern(ws, r, text, a, b, "PER", 0)
		return b
	case !wholeKB && s.orgThenCountry(ws, a, b):
		// "Attac France", "Amnesty International Norland": a known
		// organisation's national branch.
		s.addPattern(ws, r, text, a, b, "ORG", 0)
		return b
	case !wholeKB && b-a == 2 && ws.kbEnd[a] == 0 && toks[a].shape == shapeCap && toks[a].class&wLocHead != 0 && toks[a].class&wOrgHead == 0 &&
		int(ws.kbEnd[a+1]) == b && ws.kbInfo[a+1] != nil && ws.kbInfo[a+1].cands[ws.kbCand[a+1]].entry.Type == kb.LOC:
		// "Mount Sinai", "Wadi Halfa": a place's head before a known
		// place's name names a feature of its own.
		s.addPattern(ws, r, text, a, b, "LOC", 0)
		return b
	case !wholeKB && knownThenAnd(ws, a, b) > a:
		// "the Shin Bet and Harbour Police": a known body, "and", and a
		// second name are two bodies.
		k := knownThenAnd(ws, a, b)
		s.emitRun(ws, r, text, a, k, "", flags)
		return max(s.emitRun(ws, r, text, k+1, b, "", flags), b)
	case !wholeKB && lastKBEnd < b && toks[b-1].class&(wOrgHead|wLocHead) != 0:
		// "Helmand Province", "Peshawar Police", "US Navy": a known name with a head noun.
		s.addPattern(ws, r, text, a, b, "", 0)
		return b
	case !wholeKB && hasKB && titledPlace:
		// "Captain Jordan Vessaro", "Field Officer Liban Tormund": after
		// a person's title, a place's one-word name and words no list
		// holds are the person's first name and surname.
		s.addPattern(ws, r, text, titledFrom, b, "PER", 0)
		return b
	case !wholeKB && hasKB && int(ws.kbEnd[a]) == lastKBEnd && lastKBEnd+2 < b && toks[lastKBEnd].shape == shapeCap &&
		toks[lastKBEnd].class&wOrgHead != 0 && s.headOfDomain(ws, lastKBEnd, b):
		// "Interpol Office of Legal Affairs", "the US Office of Personnel
		// Management": a known name, then a body's head and its domain, are
		// one body of the known one's.
		s.addPattern(ws, r, text, a, b, "ORG", 0)
		return b
	case !wholeKB && s.definedByAcronym(ws, a, b):
		// "Hogeschool Vessa Lund (HVL)": the acronym after the run spells
		// all of it, so the town inside is part of the name; people have no
		// acronyms, so it is an organisation unless a place head ends it.
		typ := "ORG"
		if toks[b-1].class&wLocHead != 0 {
			typ = "LOC"
		}
		s.addPattern(ws, r, text, a, b, typ, 0)
		return b
	case !wholeKB && s.ownedRun(ws, a, b):
		s.addOwned(ws, r, text, a, b)
		return b
	case !wholeKB && s.groupInside(ws, a, b):
		// "Jama‘at Nusrat al-Islam wal-Muslim": a known group's name inside
		// a longer run of unknown name words is part of that longer name.
		s.addPattern(ws, r, text, a, b, "ORG", 0)
		return b
	case !wholeKB && s.townCompound(ws, a, b):
		// "in Ratta Kulachi": unknown names before a town's after a place
		// preposition are one place name, not a person and a town.
		s.addPattern(ws, r, text, a, b, "LOC", 0)
		return b
	case !wholeKB && s.nameBeforeTown(ws, r, a, b):
		// "a letter signed by Mishi Saran": an unknown word before a small
		// town's name, with no place preposition, is a person's first name.
		s.addPattern(ws, r, text, a, b, "PER", 0)
		return b
	case !wholeKB && toks[a].class&wGiven != 0 && s.initialInside(ws, a, b):
		// "Michael R. Bloomberg": after a first name and an initial, the
		// surname is a person's, whatever else the knowledge base names so.
		s.addPattern(ws, r, text, a, b, "", 0)
		return b
	case b-a == 2 && (toks[a].class&wGiven != 0 || s.givenPlace[string(ws.foldOf(&toks[a]))]) && toks[a].shape == shapeCap && toks[a+1].shape == shapeCap &&
		twoPlaces(ws, a) && !s.placePrepAhead(ws, a):
		// "Jordan Henderson scored": two places' names glued with no comma
		// are no two places; a first name opens them, a person's.
		s.addPattern(ws, r, text, a, b, "PER", 0)
		return b
	case b-a == 2 && s.givenPlace[string(ws.foldOf(&toks[a]))] && toks[a].shape == shapeCap && toks[a+1].shape == shapeCap &&
		toks[a+1].class&wGiven != 0 && toks[a+1].class&(wTitle|wOrgHead|wLocHead) == 0 && ws.kbEnd[a+1] == 0 && !s.placePrepAhead(ws, a):
		// "Chad Michael said": a country's name that is a first name too,
		// then a first name that is a surname too, are a person's name.
		s.addPattern(ws, r, text, a, b, "PER", 0)
		return b
	case placesOnly && b-a >= 3 && toks[a].sentStart && toks[a].class&wArticle != 0 && toks[a].class&wGiven == 0 && ws.kbEnd[a] == 0 &&
		toks[a+1].class&wGiven != 0 && toks[a+1].shape == shapeCap && toks[b-1].class&(wOrgHead|wLocHead) == 0:
		// "The Marta Clinton campaign": the sentence's article, then a
		// person's name whose surname is a town's.
		return max(s.emitRun(ws, r, text, a+1, b, headType, flags), b)
	case placesOnly && lastKBEnd <= b && (toks[a].class&wGiven != 0 || initialsOpen(ws, a, b) ||
		ws.kbEnd[a] == 0 && toks[a].shape == shapeCap && s.givenCommon[string(ws.foldOf(&toks[a]))] && !ws.lowerElsewhere(a) ||
		toks[a].class&wHonorific != 0 && b-a >= 3 && toks[a+1].class&wGiven != 0 ||
		b-a >= 2 && ageAfter(ws, b) && allNames(ws, a, b) && !allDict(ws, a, b) ||
		b-a == 2 && ws.kbEnd[a] == 0 && toks[a].shape == shapeCap && toks[a].class&(wCommon|wOrgHead|wLocHead|wTitle) == 0 &&
			s.personFrame(ws, r, a, b)):
		// "Guy Van Rensel", "P. Martin", "Sir Tom Davis", "Oru Perez
		// Rives, 35,": a town's name inside a person's name; so is a
		// town's after a word no list holds where the sentence speaks of a
		// person ("campaign manager, Kellan Conway, said").

		s.addPattern(ws, r, text, a, b, "", 0)
		return b
	case !wholeKB && s.givenThenOrgWord(ws, a, b):
		// "Anna Wagner": after a first name, one capitalised word that the
		// knowledge base holds as an organisation's short name is the
		// person's surname; bodies are not named after a first name.
		s.addPattern(ws, r, text, a, b, "PER", 0)
		return b
	case b-a == 3 && toks[a].class&wGiven != 0 && toks[a].shape == shapeCap && int(ws.kbEnd[a]) <= a+1 &&
		toks[a+1].class&wTitle != 0 && toks[a+1].class&wGiven == 0 && toks[a+1].shape == shapeCap &&
		toks[a+2].shape == shapeCap && toks[a+2].name && ws.kbEnd[a+2] == 0 && ws.kbEnd[a+1] == 0:
		// "Hassan Sheikh Vessaro": a first name (a town's too), a title
		// word and a name are one person's name.
		s.addPattern(ws, r, text, a, b, "PER", 0)
		return b
	case s.headThenPlace(ws, regionFrom, b):
		// "Radio France", "Banque Misr": a body's head, then the place it
		// serves, with no connector between, is the body's name.
		s.addPattern(ws, r, text, regionFrom, b, "ORG", 0)
		return b
	}
	pos := a
	for k := a; k < furthest; {
		e := int(ws.kbEnd[k])
		if e <= k {
			k++
			continue
		}
		if e == b-1 && s.placePart(ws, r, k, e) {
			// "Falkirk West", "Lille Sud": a known place and the part of
			// it a compass word names.
			if k > pos {
				s.addPattern(ws, r, text, pos, k, "", flags)
			}
			s.addPattern(ws, r, text, k, b, "LOC", 0)
			return furthest
		}
		if e < len(toks) && e+1 <= b && roadNumber(ws, r, e) && e == k+1 {
			// "NH 44": a road's prefix that the knowledge base knows as a
			// state's code, before the road's number.
			if k > pos {
				s.addPattern(ws, r, text, pos, k, "", flags)
			}
			s.addPattern(ws, r, text, k, e+1, "LOC", 0)
			pos, k = e+1, e+1
			continue
		}
		if e == b && k-3 >= pos && districtOf(ws, pos, k) {
			// "Eastern District of Michigan", "Autonomous Region of
			// Tessly": a region's name, its head and "of" before a known
			// place, is one place.
			s.addPattern(ws, r, text, pos, b, "LOC", 0)
			return furthest
		}
		if k == b-1 && e == b && s.bodyOfPlace(ws, pos, k) {
			// "Crime Watchers of Ohio", "Transport for London": capitalised
			// words inside a sentence, a connector and the place they
			// serve are a body's name.
			s.addPattern(ws, r, text, pos, b, "ORG", 0)
			return furthest
		}
		if k > a && e == b && s.headThenPlace(ws, k-1, e) {
			// "Philharmonique de Radio France": the head and the place end
			// the body's longer name.
			s.addPattern(ws, r, text, pos, b, "", 0)
			return furthest
		}
		from := k
		start := pos
		for start < k && toks[start].word && toks[start].class&wTitle != 0 && toks[start].class&wGiven == 0 {
			start++ // "President Zine al-Abidine Ben Ali": the title is no part of the name
		}
		if k > start && s.otherPerson(ws, text, start, k, e) {
			// "Lena Trump", "Lena Macron": another first name before
			// a known person's surname names someone else of the family.
			if start > pos {
				s.addPattern(ws, r, text, pos, start, "", flags)
			}
			s.addPattern(ws, r, text, start, e, "PER", flags)
			pos, k = e, e
			continue
		}
		if k > pos && (k == pos+1 || k == pos+2 && toks[pos].class&wArticle != 0) && s.partyBranch(ws, text, k-1, k) {
			// "Scottish Labour", "the Welsh Conservatives": a nation's
			// branch of a party is a party of its own.
			s.addPattern(ws, r, text, k-1, e, "ORG", flags)
			pos, k = e, e
			continue
		}
		if k > pos && s.namePrefixed(ws, pos, k) {
			from = pos // "International Red Cross": the adjective is part of the name
		} else if start > pos && k > start && s.namePrefixed(ws, start, k) {
			from = start
		} else if k == pos+1 && s.articleOfAlias(ws, pos, k, e) {
			from = pos // "told The Associated Press": the article the name is known with
		} else if k > pos {
			s.addPattern(ws, r, text, pos, k, "", flags)
		}
		s.addKBFrom(ws, from, k, e)
		pos, k = e, e
	}
	if pos < b {
		s.addPattern(ws, r, text, pos, b, "", flags)
	}
	return furthest
}

// groupContext reports words around the run [a, b) that only an armed
// group or a movement has: its members' plural noun right after it (or
// after its possessive) or before its "of" ("Tessaka militants", "Tessaka's
// fighters", "fighters of Tessaka"), or a verb phrase only an organisation
// is subject of ("claimed responsibility").
func (s *Stage) groupContext(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	sent := toks[a].sent
	member := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].word && toks[k].shape == shapeLower && toks[k].sent == sent && r.memberNouns[string(ws.foldOf(&toks[k]))]
	}
	if r.memberNouns != nil {
		k := b
		if k < len(toks) && toks[k].word && toks[k].start == toks[k-1].end && (ws.text[toks[k].start:toks[k].end] == "'s" || ws.text[toks[k].start:toks[k].end] == "’s") {
			k++
		}
		if member(k) {
			return true
		}
		k = a - 1
		for k >= 0 && toks[k].word && toks[k].shape == shapeLower && toks[k].class&wArticle != 0 {
			k--
		}
		if k > 0 && toks[k].word && toks[k].shape == shapeLower && toks[k].class&wConnector != 0 && member(k-1) {
			return true
		}
	}
	return lexicon.Forward(r.groupVerbs, sentenceWords{ws, sent}, b, len(toks)) > 0
}

// ageAfter reports a person's age in apposition right after token b-1:
// ", 24," or ", 24." ("Zoe Marsh, 24, was hurt"). Only a person is given
// an age so; a number in brackets may be a count or a seat ("Kessington
// (12)").
// ageBefore reports an age right before token a ("2-year-old Oyelaran
// Kerry"): the name is a person's.
func ageBefore(ws *workspace, a int) bool {
	toks := ws.toks
	if ws.rules == nil || a < 2 || toks[a-1].sent != toks[a].sent || !ws.rules.ageWords[string(ws.foldOf(&toks[a-1]))] {
		return false
	}
	k := a - 2
	if !toks[k].word && k > 0 && toks[k].start == toks[k-1].end {
		k-- // the hyphen of "2-year-old"
	}
	return toks[k].number
}

func ageAfter(ws *workspace, b int) bool {
	toks := ws.toks
	if b+2 >= len(toks) || toks[b].word || !toks[b+1].number || toks[b+1].sent != toks[b-1].sent {
		return false
	}
	comma, after := ws.text[toks[b].start:toks[b].end], ws.text[toks[b+2].start:toks[b+2].end]
	n := ws.text[toks[b+1].start:toks[b+1].end]
	if len(n) > 3 || n[0] == '0' || len(n) == 3 && n > "120" {
		return false
	}
	for i := 0; i < len(n); i++ {
		if n[i] < '0' || n[i] > '9' {
			return false
		}
	}
	return comma == "," && (after == "," || after == ".")
}

// namedTypeOf returns the type a general dictionary gives the name [a, b)
// when it is written in capitalised words ("Beethoven", "Azores"), or "".
func (s *Stage) namedTypeOf(ws *workspace, a, b int) string {
	if len(s.namedType) == 0 || b-a > 4 {
		return ""
	}
	key := ws.key[:0]
	for k := a; k < b; k++ {
		t := &ws.toks[k]
		if !t.word || t.shape != shapeCap || k > a && t.start != ws.toks[k-1].end+1 {
			return ""
		}
		if k > a {
			key = append(key, ' ')
		}
		key = append(key, ws.foldOf(t)...)
	}
	ws.key = key
	return s.namedType[string(key)]
}

// commonNounsOnly reports capitalised common words [a, b), none a given
// name, a particle, an article or a connector ("Climate Partners"; not
// "Le Blanc", "de la Fontaine").
func commonNounsOnly(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		t := &ws.toks[k]
		if !t.word || t.shape != shapeCap || t.class&wDict == 0 || t.class&(wGiven|wParticle|wArticle|wConnector|wFunction) != 0 {
			return false
		}
	}
	return true
}

// ageInParens reports a person's age in parentheses right after the name
// ending at b: a number and an age unit ("Velka (11 ans)", "Tom (5 years)").
func ageInParens(ws *workspace, b int) bool {
	toks := ws.toks
	if ws.rules == nil || b+3 >= len(toks) || toks[b].word || ws.text[toks[b].start:toks[b].end] != "(" || !toks[b+1].number ||
		toks[b+3].word || ws.text[toks[b+3].start:toks[b+3].end] != ")" || toks[b+3].sent != toks[b-1].sent {
		return false
	}
	n := ws.text[toks[b+1].start:toks[b+1].end]
	return len(n) <= 3 && ws.rules.ageUnits[string(ws.foldOf(&toks[b+2]))]
}

// kinBefore reports a lower-case noun of kinship right before the name at a,
// or before a comma before it, in its sentence ("his daughter Zorvena",
// "sa fille, Zorvena,", "trois filles Velka"): the name is a person's.
func kinBefore(ws *workspace, a int) bool {
	toks := ws.toks
	k := a - 1
	if k > 0 && !toks[k].word && ws.text[toks[k].start:toks[k].end] == "," {
		k--
	}
	return ws.rules != nil && k >= 0 && toks[k].word && toks[k].shape == shapeLower && toks[k].sent == toks[a].sent &&
		ws.rules.kinNouns[string(ws.foldOf(&toks[k]))]
}

// workBefore reports a work's noun and its maker's preposition right before
// the name at a, in its sentence ("a symphony by Zorvenko", "les oratorios
// de Zorvenko", "the paintings of Zorvenko"): the name is the maker's.
func workBefore(ws *workspace, a int) bool {
	toks := ws.toks
	if ws.rules == nil || a < 2 || !toks[a-1].word || toks[a-1].shape != shapeLower || !ws.rules.workPreps[string(ws.foldOf(&toks[a-1]))] {
		return false
	}
	w := &toks[a-2]
	return w.word && w.shape != shapeUpper && w.sent == toks[a].sent && ws.rules.workNouns[string(ws.foldOf(w))]
}

// ofAfterAge reports a name at a right after a person's age and "of"
// ("Lena Varga, 41, of Kessington"): where the person lives, a place.
func ofAfterAge(ws *workspace, a int) bool {
	toks := ws.toks
	if a < 5 || !toks[a-1].word || toks[a-1].shape != shapeLower || ws.text[toks[a-1].start:toks[a-1].end] != "of" {
		return false
	}
	return ws.text[toks[a-2].start:toks[a-2].end] == "," && ageAfter(ws, a-4)
}

// headlineSegments cuts a headline's run [a, b) at its common words: a word
// the dictionary lists in lower case, no head, given name, title or known
// name's, that no head follows through other such words ("Liable",
// "Heaters", "Rules"; not "Appeals" in "Appeals Court"), nor one of
// the words an institution's head takes after it (see below); connectors
// next to a cut go with it. It returns the pieces left, or nil when
// nothing is cut.
func (s *Stage) headlineSegments(ws *workspace, r *langRules, a, b int) [][2]int {
	toks := ws.toks
	known := make([]bool, b-a) // inside a knowledge-base name
	for k := a; k < b; k++ {
		if e := int(ws.kbEnd[k]); e > k {
			for j := k; j < min(e, b); j++ {
				known[j-a] = true
			}
		}
	}
	common := func(k int) bool {
		t := &toks[k]
		if t.word && !known[k-a] && t.shape != shapeLower && t.class&wDict != 0 && t.class&wOrgHead != 0 && k > a && known[k-1-a] {
			return true // "Suspected ISIS Cell Busted": a head word after a known body's name is the headline's noun
		}
		if !t.word || known[k-a] || t.shape == shapeLower || t.class&wDict == 0 || t.class&(wOrgHead|wLocHead|wGiven|wTitle|wHonorific) != 0 {
			return false
		}
		// After a first name, and its particle, a word is a surname ("Tessa
		// Le Blanc", "Lena Baker").
		p := k - 1
		if p > a && toks[p].class&(wArticle|wParticle) != 0 {
			p--
		}
		return p < a || toks[p].class&wGiven == 0
	}
	cut := make([]bool, b-a)
	any := false
	// After an institution's head its words are its name's: in French
	// right away ("Conservatoire National Supérieur d'Art Dramatique"), in
	// English after its connector ("Institute for Peace Studies"; "Bank
	// Robbery" is no name).
	headSeen, tail := false, false
	for k := a; k < b; k++ {
		t := &toks[k]
		switch {
		case t.class&(wOrgHead|wLocHead) != 0 && t.shape != shapeLower:
			headSeen = true
			tail = tail || !r.adjFirst
		case headSeen && t.shape == shapeLower && t.class&wConnector != 0:
			tail = true
		case t.word && t.shape != shapeLower && !common(k):
			// A proper name ends the head's words: "Chœur de Radio Norvège
			// Inquiets pour …".
			if tail {
				headSeen, tail = false, false
				continue
			}
		}
		if t.word && t.class&wFunction != 0 && t.class&(wConnector|wArticle|wCoord) == 0 && !known[k-a] && k > a {
			// "… Dead In Milan By Rookie Police Officer": a preposition
			// that is no name's connector parts the headline's names.
			cut[k-a], any = true, true
			headSeen, tail = false, false
			continue
		}
		if tail || !common(k) {
			continue
		}
		if t.class&wArticle != 0 {
			e := k + 1
			for e < b && toks[e].word && toks[e].shape == shapeCap && !common(e) {
				e++
			}
			if outletTitle(ws, r, k, e) {
				continue // "Mark Hicks, The Vessa News Published …": the title keeps its article
			}
		}
		j := k + 1
		for j < b && common(j) {
			j++
		}
		if j < b && toks[j].word && toks[j].class&(wOrgHead|wLocHead) != 0 && toks[j].shape != shapeLower {
			continue // "Appellate Court", "White House"
		}
		cut[k-a], any = true, true
	}
	if !any {
		return nil
	}
	var segs [][2]int
	for k := a; k < b; {
		for k < b && (cut[k-a] || !toks[k].word || toks[k].shape == shapeLower) {
			k++
		}
		e := k
		for e < b && !cut[e-a] {
			e++
		}
		// No connector at the piece's end: "… for" before a cut word.
		end := e
		for end > k && (!toks[end-1].word || toks[end-1].shape == shapeLower) {
			end--
		}
		if end > k {
			segs = append(segs, [2]int{k, end})
		}
		k = e
	}
	return segs
}

// titleAt reports a capitalised title word at k that is no given name.
func titleAt(ws *workspace, k int) bool {
	t := &ws.toks[k]
	return t.word && t.shape == shapeCap && t.class&wTitle != 0 && t.class&wGiven == 0
}

// officeEnds reports a run [a, b) that a title ends with no name after it
// in the sentence, opened by no given name and the title no surname the
// document uses ("Tarrow County Public Works Director.", not "Tessa King").
func (s *Stage) officeEnds(ws *workspace, a, b int) bool {
	toks := ws.toks
	if !titleAt(ws, b-1) || toks[a].class&wGiven != 0 || ws.kbEnd[b-1] != 0 || ws.surnameInDoc(b-1) {
		return false
	}
	return b >= len(toks) || !toks[b].name || toks[b].sent != toks[b-1].sent
}

// officeOf returns where the office's title starts in the run [a, b) and
// where the name after it and its "of" starts ("Chairman of the Harbourton
// Port Authority" → "Harbourton Port Authority"), or -1, -1. The title may
// take more title words and a coordination ("Prime Minister and Chairman
// of …"); a sentence's article may open the run.
func (s *Stage) officeOf(ws *workspace, r *langRules, a, b int) (int, int) {
	toks := ws.toks
	k := a
	if toks[k].class&wArticle != 0 && toks[k].shape == shapeCap {
		k++
	}
	// Known names and capitalised common words may come before the office
	// ("Acting U.S. Attorney for …").
	for k < b {
		if e := int(ws.kbEnd[k]); e > k && e < b {
			k = e
			continue
		}
		if t := &toks[k]; t.shape == shapeCap && t.class&wDict != 0 && t.class&(wTitle|wGiven|wOrgHead|wLocHead) == 0 && ws.kbEnd[k] == 0 {
			k++
			continue
		}
		break
	}
	tk := k
	title := func(k int) bool {
		t := &toks[k]
		return t.word && t.name && t.class&wTitle != 0 && t.class&wGiven == 0 && ws.kbEnd[k] == 0
	}
	// The office's words: titles, and the common words that qualify them
	// ("Prime Minister", "Deputy Director"), ending with a title.
	office := func(k int) bool {
		t := &toks[k]
		return title(k) || t.word && t.shape == shapeCap && t.class&wDict != 0 && t.class&(wGiven|wOrgHead|wLocHead) == 0 && ws.kbEnd[k] == 0
	}
	end := -1
	for m := k; m < b && office(m); m++ {
		if title(m) {
			end = m + 1
		}
		if m+2 < b && toks[m+1].shape == shapeLower && toks[m+1].class&wCoord != 0 && title(m) && office(m+2) {
			m++ // "Prime Minister and Chairman"
		}
	}
	if end < 0 {
		return -1, -1
	}
	k = end
	if k >= b-1 || toks[k].shape != shapeLower || toks[k].class&wConnector == 0 || toks[k].class&wCoord != 0 {
		return -1, -1
	}
	e := s.skipConnectors(ws, r, k)
	if e >= b || !toks[e].name {
		return -1, -1
	}
	return tk, e
}

// institutionOfPlace reports whether the run [a, b) is a capitalised
// organisation head noun's name, a connector, and one known place that ends
// the run: "Electoral Commission of Nigeria", "Cour suprême du Pakistan".
// The head may take its domain first: "National Council for Water Security
// of Norland".
func (s *Stage) institutionOfPlace(ws *workspace, a, b int) bool {
	toks := ws.toks
	first := true
	for k := a + 1; k < b-1; k++ {
		t := &toks[k]
		if t.shape != shapeLower || t.class&wConnector == 0 {
			continue
		}
		if first {
			// The head may take up to two capitalised qualifiers before the
			// connector ("Orchestre National de France").
			hk := k - 1
			for hk > a && k-1-hk < 2 && toks[hk].class&wOrgHead == 0 && toks[hk].shape == shapeCap &&
				toks[hk].class&(wDict|wAdjective|wNamePrefix) != 0 && toks[hk].class&wGiven == 0 && ws.kbEnd[hk] == 0 {
				hk--
			}
			h := &toks[hk]
			// In French a capitalised common noun inside a sentence heads an
			// institution's or a firm's name too ("la vente
			// d’Autoroutes de Bretagne").
			frenchHead := ws.rules != nil && ws.rules.lowerTails && hk == a && h.shape == shapeCap && h.class&wDict != 0 &&
				h.class&(wTitle|wGiven|wFunction|wArticle|wNonEntity|wLocMod) == 0 && !h.sentStart && !h.titleLine && !h.segStart &&
				!ws.rules.compass[string(ws.foldOf(h))] && !s.isDemonym(ws.text, h)
			if h.class&(wOrgHead|wLocHead) == 0 && !frenchHead || h.shape == shapeLower || ws.kbEnd[hk] > int32(k) ||
				frenchHead && h.class&(wOrgHead|wLocHead) == 0 && ws.kbEnd[hk] == int32(k) {
				// (A common noun the knowledge base knows as a name, "la
				// force Barkhane du Mali", is that name, not a head.)
				return false
			}
			first = false
		}
		j := s.skipConnectors(ws, nil, k+1)
		// The place follows "of", "de"; after "and" it is a second name
		// ("the Varnak Corps of Engineers and North Dakota").
		if p := ws.kbInfo[j]; j < b && int(ws.kbEnd[j]) == b && p != nil && p.cands[ws.kbCand[j]].entry.Type == kb.LOC && t.class&wCoord == 0 {
			return true
		}
		k = j
	}
	return false
}

// placeHeadOf reports that the head before the first connector of the run
// [a, b) is a place's and no organisation's ("District", "Gulf").
func (s *Stage) placeHeadOf(ws *workspace, a, b int) bool {
	toks := ws.toks
	for k := a + 1; k < b; k++ {
		if t := &toks[k]; t.shape == shapeLower && t.class&wConnector != 0 {
			h := &toks[k-1]
			return h.class&wLocHead != 0 && h.class&wOrgHead == 0
		}
	}
	return false
}

// kbSpans reports whether a KB match starting in [a, k] runs past token k:
// a title word inside a known name ("U.N. General Assembly") is no split point.
func (s *Stage) kbSpans(ws *workspace, a, k int) bool {
	for j := a; j <= k; j++ {
		if int(ws.kbEnd[j]) > k+1 || int(ws.kbEnd[j]) > k && j < k {
			return true
		}
	}
	return false
}

// sharedHead reports a coordinator at k between one capitalised word and
// a name its head ends, no article after it ("College and School Staff
// Union", "Food and Drug Administration"): the words share the head.
func sharedHead(ws *workspace, k int) bool {
	toks := ws.toks
	e := k + 1
	for e < len(toks) && toks[e].word && toks[e].shape == shapeCap && toks[e].sent == toks[k].sent && toks[e].class&(wArticle|wFunction) == 0 {
		e++
	}
	return e-(k+1) >= 2 && toks[e-1].class&wOrgHead != 0
}

// coordSplits reports whether the coordinator at k inside the headed run
// [a, …) joins two names rather than two words of one name: the left part
// ends with its own head noun ("the River Authority and the Port Board"), or
// an article or connector opens the right part ("Katiba al-Furqan et
// d'Al-Mourabitoune"), unless the run opens with the head of an institution
// whose name lists its fields ("Ministère de l'Europe et des Affaires
// étrangères").
func (s *Stage) coordSplits(ws *workspace, a, k int) bool {
	toks := ws.toks
	if k+1 >= len(toks) {
		return false
	}
	if toks[k-1].class&(wOrgHead|wLocHead) != 0 && toks[k-1].shape != shapeLower && !((k-1 == a || k >= 2 && toks[k-2].class&(wArticle|wConnector) != 0) && sharedHead(ws, k)) &&
		!domainPair(ws, a, k) {
		return true
	}
	next := &toks[k+1]
	if next.shape != shapeLower && ws.rules != nil && len(ws.rules.legalSuffixes) > 0 {
		// "Bank of Norland and Varga Ltd": a firm's legal form after the
		// coordinator ends a second name.
		for e := k + 1; e < len(toks) && toks[e].word && toks[e].shape != shapeLower && toks[e].sent == next.sent; e++ {
			if ws.rules.legalSuffixes[string(ws.foldOf(&toks[e]))] {
				return true
			}
		}
	}
	if next.shape != shapeLower || next.class&(wArticle|wConnector) == 0 {
		return false
	}
	if toks[a].class&wOrgHead == 0 || toks[a].shape == shapeLower {
		return true
	}
	// An institution's own head after the article opens a second name
	// ("the Ministry of Defence and the Army"), as does a name with a head
	// of its own ("… and the Harbourton Police").
	j := s.skipConnectors(ws, nil, k+1)
	if j >= len(toks) || toks[j].shape != shapeCap {
		return false
	}
	if toks[j].class&wOrgHead != 0 {
		return true
	}
	for e := j; e < len(toks) && toks[e].word && toks[e].shape == shapeCap && toks[e].sent == toks[j].sent; e++ {
		if toks[e].class&(wOrgHead|wLocHead) != 0 {
			return true
		}
	}
	return false
}

// domainPair reports a coordinator at k joining two capitalised words that
// are a body's domain after its head and connector ("the Committee on
// Energy and Security"): the word before the coordinator is a head
// noun only in form.
func domainPair(ws *workspace, a, k int) bool {
	toks := ws.toks
	if k-3 < a || k+1 >= len(toks) {
		return false
	}
	c, h, n := &toks[k-2], &toks[k-3], &toks[k+1]
	return c.word && c.shape == shapeLower && c.class&wConnector != 0 && c.class&(wArticle|wCoord) == 0 &&
		h.shape == shapeCap && h.class&wOrgHead != 0 &&
		n.word && n.shape == shapeCap && n.class&wGiven == 0 && ws.kbEnd[k+1] == 0 && n.sent == c.sent
}

// addOwned adds the owned unit's name [a, b) ("the Islamic State’s Khorasan
// Province") without a leading article, linked to the KB entry that its name
// without the clitic denotes ("Islamic State Khorasan Province"), if any.
func (s *Stage) addOwned(ws *workspace, r *langRules, text string, a, b int) {
	toks := ws.toks
	for a < b && toks[a].class&(wArticle|wFunction) != 0 {
		a++
	}
	var name strings.Builder
	for k := a; k < b; k++ {
		if !toks[k].word || s.isClitic(ws, k) {
			continue
		}
		if name.Len() > 0 {
			name.WriteByte(' ')
		}
		name.WriteString(text[toks[k].start:toks[k].end])
	}
	for _, m := range s.kb.Find(name.String()) {
		if m.Entry.Type == kb.ORG {
			ws.cands = append(ws.cands, cand{from: a, to: b, typ: string(kb.ORG), strength: evKB, entry: m.Entry, source: SourceKB, weak: weakByContext(ws, a, b, m.Entry)})
			return
		}
	}
	s.addPattern(ws, r, text, a, b, "ORG", 0)
}

// definedByAcronym reports a run [a, b) of two or more capitalised words
// followed by "(ACR)" where ACR is the initials of those words (lower-case
// connectors skipped).
func (s *Stage) definedByAcronym(ws *workspace, a, b int) bool {
	toks := ws.toks
	if b-a < 2 || b+2 >= len(toks) || ws.text[toks[b].start:toks[b].end] != "(" || ws.text[toks[b+2].start:toks[b+2].end] != ")" {
		return false
	}
	acr := ws.text[toks[b+1].start:toks[b+1].end]
	if toks[b+1].shape != shapeUpper || len(acr) < 2 {
		return false
	}
	n := 0
	for k := a; k < b; k++ {
		t := &toks[k]
		if !t.word || t.shape == shapeLower {
			continue
		}
		if n >= len(acr) || ws.text[t.start] != acr[n] {
			return false
		}
		n++
	}
	return n == len(acr)
}

// ownedRun reports a run [a, b) that ownedUnit joined.
func (s *Stage) ownedRun(ws *workspace, a, b int) bool {
	for k := a + 1; k < b-1; k++ {
		if s.isClitic(ws, k) && s.ownedUnit(ws, a, k) == b {
			return true
		}
	}
	return false
}

// groupInside reports a run [a, b) of name words outside a headline with one
// KB organisation match that does not start it, and whose other words are
// organisation heads ("Jama‘at") or words no word list knows.
func (s *Stage) groupInside(ws *workspace, a, b int) bool {
	toks := ws.toks
	if b-a < 3 || toks[a].titleLine || toks[a].sentStart {
		return false
	}
	inner, unknown := -1, 0
	for k := a; k < b; {
		if e := int(ws.kbEnd[k]); e > k {
			p := ws.kbInfo[k]
			if inner >= 0 || k == a || e > b || p == nil || p.cands[ws.kbCand[k]].entry.Type != kb.ORG {
				return false
			}
			inner, k = k, e
			continue
		}
		t := &toks[k]
		if !t.word || t.class&^(wParticle|wAdjective|wConnector|wOrgHead) != 0 || s.isDemonym(ws.text, t) {
			return false
		}
		if t.name && (t.class == 0 || t.class&wOrgHead != 0) {
			unknown++
		}
		k++
	}
	return inner > 0 && unknown > 0
}

// townCompound reports a run [a, b) after a lower-case place preposition
// whose last token alone is a town the KB knows and whose other tokens are
// capitalised words no list knows.
func (s *Stage) townCompound(ws *workspace, a, b int) bool {
	toks := ws.toks
	if b-a < 2 || b-a > 3 || a == 0 {
		return false
	}
	prev := &toks[a-1]
	if !prev.word || prev.shape != shapeLower || prev.class&wLocPrep == 0 || prev.sent != toks[a].sent {
		return false
	}
	last := b - 1
	p := ws.kbInfo[last]
	if p == nil || int(ws.kbEnd[last]) != b || p.cands[ws.kbCand[last]].entry.Kind != kb.KindCity {
		return false
	}
	for k := a; k < last; k++ {
		t := &toks[k]
		if !t.name || t.shape != shapeCap || t.class != 0 || ws.kbEnd[k] != 0 || s.isDemonym(ws.text, t) {
			return false
		}
	}
	return true
}

// nameBeforeTown reports a run [a, b) of two capitalised words, the first
// known to no word list nor the knowledge base, the second a town's name
// that is no major place, inside a sentence and after no place preposition
// ("signed by Mishi Saran"): a person named like a town. Two place words
// after "in" are one town's name (townCompound).
func (s *Stage) nameBeforeTown(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	if b-a != 2 || a == 0 {
		return false
	}
	f, l := &toks[a], &toks[a+1]
	p := ws.kbInfo[a+1]
	if f.shape != shapeCap || f.class != 0 || f.sentStart || f.titleLine || ws.kbEnd[a] != 0 || s.isDemonym(ws.text, f) ||
		l.shape != shapeCap || p == nil || int(ws.kbEnd[a+1]) != b || p.cands[ws.kbCand[a+1]].entry.Kind != kb.KindCity {
		return false
	}
	if s.placePrepAhead(ws, a) || s.placeNounAround(ws, a, b) {
		return false
	}
	// Something must say "person"; a large town's name must be a surname
	// too ("driven by Oyelaran Jackson").
	return s.personAround(ws, r, a, b) && (!s.majorPlace(ws, ws.text[l.start:l.end]) || s.givenPlace[string(ws.foldOf(l))])
}

// givenThenOrgWord reports a run [a, b) of two capitalised words, a first
// name that no sentence or title line opens, then one word that is all of a
// known organisation's alias.
func (s *Stage) givenThenOrgWord(ws *workspace, a, b int) bool {
	toks := ws.toks
	if b-a != 2 {
		return false
	}
	f, l := &toks[a], &toks[a+1]
	if f.class&wGiven == 0 || f.shape != shapeCap || f.sentStart || f.titleLine || f.class&wTitle != 0 ||
		l.shape != shapeCap || ws.kbEnd[a] != 0 || int(ws.kbEnd[a+1]) != b {
		return false
	}
	p := ws.kbInfo[a+1]
	return p != nil && p.cands[ws.kbCand[a+1]].entry.Type == kb.ORG
}

// openerAfter returns a+1 when the run [a, b) opens with a sentence's
// first word that is a common word ("Selon Amara Osei", "According …"),
// else a.
func openerAfter(ws *workspace, a, b int) int {
	t := &ws.toks[a]
	if a+1 < b && t.sentStart && t.shape == shapeCap && t.class&wDict != 0 && t.class&wGiven == 0 && ws.kbEnd[a] == 0 {
		return a + 1
	}
	return a
}

// townBeforeName reports a run [a, b) of two capitalised words, the first
// a town's name, the second known to no word list nor the knowledge base,
// with something around them that says "person" (see personAround):
// "selon Amara Osei, directrice de la clinique", "signed by London Vessaro".
func (s *Stage) townBeforeName(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	if b-a != 2 {
		return false
	}
	f, l := &toks[a], &toks[a+1]
	p := ws.kbInfo[a]
	named := s.givenPlace[string(ws.foldOf(f))]
	if f.shape != shapeCap || l.shape != shapeCap || l.class != 0 || ws.kbEnd[a+1] != 0 || int(ws.kbEnd[a]) != a+1 ||
		p == nil || p.cands[ws.kbCand[a]].entry.Kind != kb.KindCity && !(named && p.cands[ws.kbCand[a]].entry.Type == kb.LOC) || s.isDemonym(ws.text, l) {
		return false
	}
	if s.placePrepAhead(ws, a) || s.placeNounAround(ws, a, b) {
		return false
	}
	// A first name that is a place's too needs no more ("Jordan Pickford").
	return named || s.personAround(ws, r, a, b)
}

// personAround reports a person's context around the run [a, b): a title
// before it, a role in apposition after it, a person verb right after it,
// or an agent preposition ("by") right before it.
func (s *Stage) personAround(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	sent := toks[a].sent
	return s.titleBefore(ws, a) || s.roleAfter(ws, r, b) ||
		b < len(toks) && toks[b].word && toks[b].sent == sent && toks[b].class&wPersonVerb != 0 && r.personVerbs[strings.ToLower(ws.text[toks[b].start:toks[b].end])] ||
		a > 0 && toks[a-1].word && toks[a-1].shape == shapeLower && r.agentPreps[string(ws.foldOf(&toks[a-1]))]
}

// namedInstitution reports a run [a, b) that opens with a capitalised common
// noun that is not itself a head noun and holds a connector: "Observatory for
// Human Rights", "Centre for Strategic Studies". A nationality before it
// belongs to the name ("Syrian Observatory for …"), and it names an
// organisation, not a person.
func (s *Stage) namedInstitution(ws *workspace, a, b int) bool {
	t := &ws.toks[a]
	if t.class&wDict == 0 || t.class&(wGiven|wOrgHead|wLocHead|wTitle) != 0 || t.shape != shapeCap {
		return false
	}
	for k := a + 1; k < b-1; k++ {
		if u := &ws.toks[k]; u.shape == shapeLower && u.class&wConnector != 0 {
			return true
		}
	}
	return false
}

// articleLed reports a capitalised article that is not the first word of its
// sentence or headline, followed by a name: "La Croix", "Les Échos", "The
// Times" inside a sentence.
func (s *Stage) articleLed(ws *workspace, a int) bool {
	t := &ws.toks[a]
	if t.class&wArticle == 0 || t.shape != shapeCap || t.sentStart || t.segStart || t.titleLine || a+1 >= len(ws.toks) {
		return false // after a spaced dash ("(AP) -- The …") a capital opens a segment
	}
	u := &ws.toks[a+1]
	if !u.name || u.sent != t.sent || u.class&(wNotName|wFunction) != 0 {
		return false
	}
	// "selon La France": a country or organisation the KB knows by the rest
	// of the run keeps its own name; a town's name ("La Croix") does not.
	if p := ws.kbInfo[a+1]; p != nil && ws.kbEnd[a+1] > 0 {
		if e := p.cands[ws.kbCand[a+1]].entry; e.Kind == kb.KindCountry || e.Type == kb.ORG {
			return false
		}
	}
	return true
}

// noteNonEntity records the name of tokens [a, b) as no entity.
func (ws *workspace) noteNonEntity(a, b int) {
	if ws.nonEntity == nil {
		ws.nonEntity = map[string]bool{}
	}
	ws.nonEntity[ws.candKey(&cand{from: a, to: b})] = true
}

// columnHeads reports a run of three or more words of one to three capitals
// each that no knowledge-base name covers: the heads of a table's columns
// ("W L T PF PA", "P W D L GF GA").
func columnHeads(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		t := &ws.toks[k]
		if !t.word || t.number || ws.kbEnd[k] != 0 {
			return false
		}
		if w := ws.text[t.start:t.end]; len(w) > 3 || t.shape != shapeUpper && len(w) > 1 {
			return false
		}
	}
	return true
}

// columnLine reports that token a stands on a line of three words or more,
// each of one to three capitals, one of them a single letter ("W L PCT GB"):
// a table's column heads, whatever word of the language one of them spells.
func columnLine(ws *workspace, a int) bool {
	head := func(k int) bool {
		t := &ws.toks[k]
		return t.word && !t.number && t.end-t.start <= 3 && (t.shape == shapeUpper || t.end-t.start == 1)
	}
	if !head(a) {
		return false
	}
	s := a
	for !lineEdge(ws, s) {
		if s--; !head(s) {
			return false // stops at the first other word: no walk over a long line
		}
	}
	words, single := 0, false
	for k := s; k < len(ws.toks) && (k == s || !lineEdge(ws, k)); k++ {
		if !head(k) {
			return false
		}
		words++
		single = single || ws.toks[k].end-ws.toks[k].start == 1
	}
	return words >= 3 && single
}

// lawTitle reports a run that a law's or an agreement's head opens before
// its connector ("the Treaty of Vessa", "l'Accord de Paris", "la Loi de
// programmation …"), a capitalised article before the head allowed.
func lawTitle(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	if len(r.lawHeads) == 0 {
		return false
	}
	if toks[a].class&wArticle != 0 && toks[a].shape == shapeCap && a+1 < b {
		a++
	}
	return a+2 < b && toks[a].shape == shapeCap && r.lawHeads[string(ws.foldOf(&toks[a]))] &&
		toks[a+1].word && toks[a+1].shape == shapeLower && toks[a+1].class&wConnector != 0 &&
		!(toks[a].class&wGiven != 0 && toks[a+1].class&wParticle != 0) // "Bill de Blasio"
}

// quotedTitleMaxTokens bounds the words of a quoted title.
const quotedTitleMaxTokens = 10

// quotedTitle reports a run of tokens [a, b) that, with only capitalised
// words and small lower-case words around it, fills a pair of quotation
// marks: a work's title ("the game “Until Dawn”", "“Super Vessa Run” will
// launch"), no entity. A name with a head ("“Vessa Liberation Front”"),
// one a first name opens (a nickname) or one the knowledge base knows
// stays a name.
func quotedTitle(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	titleWord := func(k int) bool {
		t := &toks[k]
		return t.word && (t.shape != shapeLower || t.class&(wFunction|wConnector|wArticle|wCoord) != 0)
	}
	open := a - 1
	for open >= 0 && a-open <= quotedTitleMaxTokens && titleWord(open) {
		open--
	}
	if open < 0 || !openingQuote(ws.text[toks[open].start:toks[open].end]) || toks[open].sent != toks[a].sent && open+1 < a {
		return false
	}
	if p := open - 1; p >= 0 && toks[p].word && toks[p].shape == shapeLower && r.nicknameCues[string(ws.foldOf(&toks[p]))] {
		return false // "known as “El Vessa”": a nickname
	}
	close := b
	for close < len(toks) && close-open <= quotedTitleMaxTokens && titleWord(close) {
		close++
	}
	if close < len(toks) && !toks[close].word && strings.Contains(",.!?", ws.text[toks[close].start:toks[close].end]) && close+1 < len(toks) {
		close++ // "“Temple Run,” that is"
	}
	if close >= len(toks) || !closingQuote(ws.text[toks[close].start:toks[close].end]) {
		return false
	}
	for k := open + 1; k < close; k++ {
		if t := &toks[k]; t.word && (t.class&(wOrgHead|wLocHead) != 0 && t.shape != shapeLower || ws.kbEnd[k] > 0) || k == open+1 && t.class&wGiven != 0 {
			return false
		}
	}
	return true
}

// openingQuote and closingQuote report quotation marks; the straight
// double quote is both.
func openingQuote(p string) bool { return p == "“" || p == "\"" || p == "«" }
func closingQuote(p string) bool { return p == "”" || p == "\"" || p == "»" }

// placePart reports a known place [k, e) and, at e, a capitalised word of
// place_parts ("Falkirk West").
func (s *Stage) placePart(ws *workspace, r *langRules, k, e int) bool {
	p := ws.kbInfo[k]
	if p == nil || p.cands[ws.kbCand[k]].entry.Type != kb.LOC || e >= len(ws.toks) || r.placeParts == nil {
		return false
	}
	t := &ws.toks[e]
	return t.word && t.shape == shapeCap && t.sent == ws.toks[k].sent && r.placeParts[string(ws.foldOf(t))]
}

// titledBefore reports a person's title right before token a, in the same
// sentence ("Sen. Tobi Varnak of Utah": a person, then "of" and a place).
func titledBefore(ws *workspace, a int) bool {
	p := a - 1
	if p >= 0 && !ws.toks[p].word && ws.text[ws.toks[p].start:ws.toks[p].end] == "." {
		p-- // "Sen." as the title and its period
	}
	return p >= 0 && ws.toks[p].word && ws.toks[p].class&wTitle != 0 && ws.toks[p].sent == ws.toks[a].sent
}

// knownThenAnd returns where "and" follows a known organisation inside the
// run [a, b) with a capitalised name after it ("the Shin Bet and Harbour
// Police": two bodies, not one name with a head), or -1. A known place
// before "and" may open a longer name ("Trinidad and Tobago Police").
func knownThenAnd(ws *workspace, a, b int) int {
	for k := a; k < b; k++ {
		e := int(ws.kbEnd[k])
		if e <= k || e >= b-1 {
			continue
		}
		p := ws.kbInfo[k]
		if p == nil || p.cands[ws.kbCand[k]].entry.Type != kb.ORG {
			continue
		}
		if t, n := &ws.toks[e], &ws.toks[e+1]; t.word && t.shape == shapeLower && t.class&wCoord != 0 && n.word && n.shape != shapeLower {
			return e
		}
	}
	return -1
}

// longestPart returns the length in bytes of the longest part of a word
// between its hyphens ("SAG-AFTRA": 5).
func longestPart(w string) int {
	n, run := 0, 0
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			run = 0
			continue
		}
		run++
		n = max(n, run)
	}
	return n
}

// twoStreets reports a run of one name, "and", and a second name with a
// place's head ("Tremont and Calder Street").
func twoStreets(ws *workspace, a, b int) bool {
	toks := ws.toks
	if b-a < 4 || toks[a+1].class&wCoord == 0 || toks[a].shape != shapeCap || toks[a].class&(wCommon|wOrgHead|wLocHead|wTitle|wGiven) != 0 ||
		toks[b-1].class&wLocHead == 0 || toks[b-1].class&wOrgHead != 0 || pairedPlurals(ws, a, a+1, b) {
		return false
	}
	// The first name is no known name, or a known place's alone.
	e := int(ws.kbEnd[a])
	return e <= a || e == a+1 && ws.kbInfo[a] != nil && ws.kbInfo[a].cands[ws.kbCand[a]].entry.Type == kb.LOC
}

// pluralAcronymAlone reports a plural acronym standing alone that the knowledge
// base does not hold: a class of people or things, not one body ("MPs",
// "NGOs", "IEDs"). Names are not pluralised; a name that goes on is left
// to the run ("SDGs Fund").
func pluralAcronymAlone(ws *workspace, i int) bool {
	t := &ws.toks[i]
	if !pluralAcronym(ws.text[t.start:t.end]) || ws.kbEnd[i] > 0 {
		return false
	}
	n := i + 1
	return n >= len(ws.toks) || !ws.toks[n].word || !ws.toks[n].name || ws.toks[n].sent != t.sent
}

// acronymShaped reports a word of two capitals or more, a plural's "s"
// after them allowed ("SDG", "SDGs").
func acronymShaped(w string) bool {
	n := 0
	for n < len(w) && w[n] >= 'A' && w[n] <= 'Z' {
		n++
	}
	return n >= 2 && (n == len(w) || n == len(w)-1 && w[n] == 's')
}

// nonEntityName reports a run that is, or ends with, a designation the
// lexicon lists ("the Specially Designated Global Terrorist", "a Foreign
// Terrorist Organization").
func (s *Stage) nonEntityName(ws *workspace, r *langRules, a, b int) bool {
	if b-a >= 2 && r.nonEntityPrefixes[string(ws.foldOf(&ws.toks[a]))] {
		ws.noteNonEntity(a+1, b)
		return true // "HMS Varnak": a ship; "Storm Orlan": weather
	}
	if p := a - 1; p >= 0 && ws.toks[p].word && ws.toks[p].shape == shapeLower && ws.toks[p].sent == ws.toks[a].sent &&
		r.nonEntityPrefixes[string(ws.foldOf(&ws.toks[p]))] {
		ws.noteNonEntity(a, b)
		return true // "la tempête Orlan"
	}
	if s.fieldOfStudy(ws, r, a, b) {
		return true // "professor of Social Policy"
	}
	if weaponModel(ws, r, a, b) {
		ws.noteNonEntity(a, b) // its other mentions too: "(GLI F4)", "de type OF F1"
		return true            // "AK-103 rifles", "des grenades GLI-F4"
	}
	if len(r.nonEntityNames) == 0 {
		return false
	}
	// The last word alone too: "du Moyen-Âge", one hyphenated word. And
	// a capitalised word just before the run that no name may hold
	// ("Allah Akbar": the run is "Akbar").
	from := a
	if p := &ws.toks[max(a-1, 0)]; a > 0 && p.word && p.shape == shapeCap && p.class&wNotName != 0 && p.sent == ws.toks[a].sent {
		from = a - 1
	}
	for ; from < b; from++ {
		ws.key = ws.key[:0]
		for k := from; k < b; k++ {
			if k > from {
				ws.key = append(ws.key, ' ')
			}
			ws.key = append(ws.key, ws.foldOf(&ws.toks[k])...)
		}
		if r.nonEntityNames[string(ws.key)] {
			return true
		}
	}
	return false
}

// weaponModel reports a model's designation, a number in it, right before a noun for arms or right after one (and its
// "de"): a weapon, no entity ("AK-103 rifles", "a Shahed-136 drone",
// "balles de LBD 40", "grenades GLI-F4"). A body's name or acronym stays
// one ("Hamas rockets", "IDF drones").
func weaponModel(ws *workspace, r *langRules, a, b int) bool {
	if len(r.weaponNouns) == 0 || b-a > 3 {
		return false
	}
	toks := ws.toks
	weapon := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].word && toks[k].shape == shapeLower && toks[k].sent == toks[a].sent &&
			r.weaponNouns[string(ws.foldOf(&toks[k]))]
	}
	p := a - 1
	if p > 0 && toks[p].word && toks[p].shape == shapeLower && toks[p].class&wConnector != 0 && toks[p].class&wArticle == 0 {
		p-- // "balles de LBD 40"
	}
	if !weapon(b) && !weapon(p) {
		return false
	}
	for k := a; k < b; k++ {
		if toks[k].number {
			return true
		}
		for i := toks[k].start; i < toks[k].end; i++ {
			if c := ws.text[i]; c >= '0' && c <= '9' {
				return true
			}
		}
	}
	return false
}

// doctrineWord reports a word that ends in one of the language's
// non_entity_suffixes, longer than the suffix by three letters or more
// ("Trumpism", "gaullisme"; not "Ism").
func doctrineWord(ws *workspace, r *langRules, k int) bool {
	f := ws.foldOf(&ws.toks[k])
	for _, suf := range r.nonEntitySuffixes {
		if len(f) >= len(suf)+3 && string(f[len(f)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// fieldOfStudy reports capitalised common words [a, b) right after one of
// the language's field_cues ("professor of Social Policy", "a degree in
// Latin American Studies"): a field of study, no body's name. A head or a
// known name in them makes them a body's ("professor of Medicine at
// Harbourton University" is cut before "at" anyway).
func (s *Stage) fieldOfStudy(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	if r.fieldCues == nil || a == 0 || toks[a].sentStart || !toks[a-1].word || !r.fieldCueEnds[string(ws.foldOf(&toks[a-1]))] {
		return false
	}
	for k := a; k < b; k++ {
		t := &toks[k]
		if t.word && (t.class&(wDict|wConnector|wCoord|wFunction|wAdjective) == 0 && !s.isDemonymWord(ws, k) || t.class&(wOrgHead|wLocHead) != 0 || ws.kbEnd[k] > int32(k)) {
			return false
		}
	}
	if lexicon.Backward(r.fieldCues, sentenceWords{ws, toks[a].sent}, a-1, 0) > 0 {
		return true
	}
	// "a PhD student in Maritime History", "researcher in Political
	// Science": a noun for people, then the cue's preposition.
	p := &toks[a-1]
	if a < 2 || p.shape != shapeLower || p.class&wConnector == 0 && p.class&wLocPrep == 0 {
		return false
	}
	n := &toks[a-2]
	return n.word && n.shape == shapeLower && n.sent == toks[a].sent && r.isPersonNoun(ws.foldOf(n))
}

// hasHead reports whether tokens [a, b) contain a head noun or a KB match.
func (s *Stage) hasHead(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		if ws.toks[k].class&(wOrgHead|wLocHead) != 0 || ws.kbEnd[k] > 0 {
			return true
		}
	}
	return false
}

// titlePhraseBefore reports a title's words right before token a, joined
// to it by lower-case connectors or a coordinator ("Under Secretary for
// Terrorism and | Financial Intelligence Lena Varga"): the run at a goes on
// with that title.
func (s *Stage) titlePhraseBefore(ws *workspace, a int) bool {
	toks := ws.toks
	if a == 0 || toks[a-1].shape != shapeLower || toks[a-1].class&(wConnector|wCoord) == 0 {
		return false
	}
	for k := a - 1; k >= 0 && k >= a-8 && toks[k].word && toks[k].sent == toks[a].sent; k-- {
		t := &toks[k]
		switch {
		case t.shape == shapeLower && t.class&(wConnector|wCoord|wArticle) != 0:
		case t.shape != shapeLower && t.name:
			if t.class&wTitle != 0 && t.class&wGiven == 0 {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// titleWordIn reports a person's title in [a, b) ("Secretary", "Minister").
func (s *Stage) titleWordIn(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		if t := &ws.toks[k]; t.word && t.class&wTitle != 0 && t.class&wGiven == 0 {
			return true
		}
	}
	return false
}

// givenIn reports a given name in [a, b).
func givenIn(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		if ws.toks[k].class&wGiven != 0 {
			return true
		}
	}
	return false
}

// headWordIn reports an organisation's or a place's head word in [a, b).
func headWordIn(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		if ws.toks[k].class&(wOrgHead|wLocHead) != 0 {
			return true
		}
	}
	return false
}

// namePrefixed reports whether tokens [a, k) are capitalised name prefixes
// ("International", "National") before the KB organisation matched at k.
//
// Before a known person's name, given names are part of it: "Adnan Abou
// Walid al-Sahraoui" for a person the knowledge base also knows without
// his first name.
// officialStateName finds in the run [a, b) a state's form, maybe after
// capitalised adjectives and maybe before them (French), then "of" ("de")
// and a country the knowledge base knows: it returns where the name
// starts, where the country starts and where it ends, or e = 0.
func (s *Stage) officialStateName(ws *workspace, r *langRules, a, b int) (st, k, e int) {
	toks := ws.toks
	n := len(toks)
	for j := a; j < b; j++ {
		if !toks[j].word || toks[j].shape != shapeCap || !r.stateForms[string(ws.foldOf(&toks[j]))] {
			continue
		}
		// The name may run past the run's end over lower-case words
		// ("la République fédérale de Somalie").
		same := func(i int) bool { return i < n && toks[i].word && toks[i].sent == toks[j].sent }
		c := j + 1
		for same(c) && c-j <= 2 && toks[c].shape == shapeLower && toks[c].class&(wConnector|wArticle|wFunction|wPersonVerb) == 0 && !r.isVerb(ws.foldOf(&toks[c])) {
			c++ // "République fédérale de …", "Royaume hachémite de …"
		}
		if !same(c+1) || toks[c].shape != shapeLower || toks[c].class&wConnector == 0 {
			continue
		}
		k = c + 1
		if toks[k].shape == shapeLower && toks[k].class&wArticle != 0 {
			k++ // "the Kingdom of the Netherlands"
		}
		if !same(k) {
			continue
		}
		p := ws.kbInfo[k]
		if p == nil || p.cands[ws.kbCand[k]].entry.Kind != kb.KindCountry {
			continue
		}
		st = j
		for st > a && toks[st-1].word && toks[st-1].shape == shapeCap && toks[st-1].class&(wAdjective|wNamePrefix) != 0 && ws.kbEnd[st-1] == 0 {
			st-- // "the Federal Republic of …", "the Islamic Republic of …"
		}
		return st, k, int(ws.kbEnd[k])
	}
	return 0, 0, 0
}

// otherPerson reports first names [a, k) before a person the knowledge base
// knows by the surname at [k, e) that the knowledge base does not give that
// person: a relative or a namesake, not the known person.
func (s *Stage) otherPerson(ws *workspace, text string, a, k, e int) bool {
	p := ws.kbInfo[k]
	if p == nil || e-k != 1 || k-a > 2 || ws.toks[a].class&wGiven == 0 {
		return false
	}
	entry := p.cands[ws.kbCand[k]].entry
	if entry.Type != kb.PER {
		return false
	}
	for i := a; i < k; i++ {
		if t := &ws.toks[i]; !t.word || t.shape != shapeCap || ws.kbEnd[i] != 0 {
			return false
		}
	}
	if first, _, _ := strings.Cut(fold(entry.Name), " "); first == string(ws.foldOf(&ws.toks[a])) {
		return false // "Donald John Trump": the known person's first name, with a middle name
	}
	for _, m := range s.kb.Find(text[ws.toks[a].start:ws.toks[e-1].end]) {
		if m.Entry == entry {
			return false
		}
	}
	return true
}

// partyBranch reports a demonym right before a political party the
// knowledge base knows, at k.
func (s *Stage) partyBranch(ws *workspace, text string, a, k int) bool {
	p := ws.kbInfo[k]
	if p == nil || p.cands[ws.kbCand[k]].entry.Kind != "party" {
		return false
	}
	t := &ws.toks[a]
	return t.word && t.shape == shapeCap && s.isDemonym(text, t)
}

func (s *Stage) namePrefixed(ws *workspace, a, k int) bool {
	p := ws.kbInfo[k]
	if p == nil || k-a > 3 {
		return false
	}
	var prefix wordClass
	switch p.cands[ws.kbCand[k]].entry.Type {
	case kb.ORG:
		prefix = wNamePrefix
		if k-a > 2 {
			return false
		}
	case kb.PER:
		prefix = wGiven
	default:
		return false
	}
	for i := a; i < k; i++ {
		t := &ws.toks[i]
		if !t.word || t.shape != shapeCap {
			return false
		}
		// Before a person: given names, or names no word list knows
		// ("Zine al-Abidine Ben Ali").
		if t.class&prefix == 0 && !(prefix == wGiven && t.class == 0 && ws.kbEnd[i] == 0) {
			return false
		}
	}
	return true
}

func (s *Stage) addKB(ws *workspace, i, e int) { s.addKBFrom(ws, i, i, e) }

// articleOfAlias reports a capitalised article at a, inside a sentence,
// before the knowledge-base match [k, e) whose entry is known by a name
// that holds the article ("The Associated Press", "Le Parisien").
func (s *Stage) articleOfAlias(ws *workspace, a, k, e int) bool {
	t := &ws.toks[a]
	p := ws.kbInfo[k]
	// In a headline every word is capitalised; after a byline's comma or bar
	// ("Lena Varga, The Associated Press") the article is still the name's.
	if p == nil || !t.word || t.class&wArticle == 0 || t.shape != shapeCap || t.sentStart || t.titleLine && (a == 0 || ws.toks[a-1].word) {
		return false
	}
	with := fold(ws.text[t.start:ws.toks[e-1].end])
	for _, name := range p.cands[ws.kbCand[k]].entry.Names() {
		if fold(name) == with {
			return true
		}
	}
	return false
}

// addKBFrom adds the KB match of tokens [i, e) as a mention that starts at
// from (≤ i when name prefixes lead it).
func (s *Stage) addKBFrom(ws *workspace, from, i, e int) {
	p := ws.kbInfo[i]
	if p == nil {
		return
	}
	c := p.cands[ws.kbCand[i]]
	if from == i && i > 0 && c.entry.Kind == kb.KindRegion && c.entry.Country == "" && ws.toks[i-1].shape == shapeLower &&
		ws.toks[i-1].class&wLocMod != 0 && ws.toks[i-1].sent == ws.toks[i].sent && !ws.toks[i-1].skip {
		// "central Asia", "northern Africa": a region of its own, not the
		// continent; a direction inside a country's province ("western
		// Tillaberi") is only a part of it.
		ws.cands = append(ws.cands, cand{from: i - 1, to: e, typ: "LOC", strength: evHead, source: SourcePattern})
		return
	}
	if from == i && i > 0 && c.entry.Type == kb.LOC && ws.toks[i-1].word && ws.toks[i-1].shape == shapeCap &&
		ws.toks[i-1].class&wLocMod != 0 && ws.toks[i-1].sent == ws.toks[i].sent && !ws.toks[i-1].skip && !ws.toks[i-1].titleLine &&
		ws.toks[i-1].end < ws.toks[i].start && ws.kbEnd[i-1] == 0 {
		// "Greater Boston", "Southern California", "Upper Norland": a
		// capitalised direction or part word makes a region of its own.
		ws.cands = append(ws.cands, cand{from: i - 1, to: e, typ: "LOC", strength: evHead, source: SourcePattern})
		return
	}
	if from == i && e < len(ws.toks) && c.entry.Kind == kb.KindRegion && c.entry.Country == "" && ws.toks[e].word &&
		ws.toks[e].shape == shapeLower && ws.toks[e].class&wLocPostMod != 0 && ws.toks[e].sent == ws.toks[i].sent && !ws.toks[e].skip {
		// "Afrique subsaharienne", "Asie centrale": a world region of its own.
		ws.cands = append(ws.cands, cand{from: i, to: e + 1, typ: "LOC", strength: evHead, source: SourcePattern})
		return
	}
	if from == i && c.entry.Type == kb.LOC && c.entry.Kind != kb.KindCountry && (teamContext(ws, i, e) || ownTailAfter(ws, e) || standingsRow(ws, i, e) || fixtureLine(ws, i, e) ||
		c.entry.Kind == kb.KindCity && shareNounAfter(ws, e)) {
		// "Kessel beat Dorun 2-1": a club named after its town.
		ws.cands = append(ws.cands, cand{from: i, to: e, typ: "ORG", strength: evVerb, source: SourcePattern})
		return
	}
	weak := c.weak || weakByContext(ws, i, e, c.entry)
	to := e
	if wordAbbreviation(c.alias) && e < len(ws.toks) && !ws.toks[e].word && ws.toks[e].start == ws.toks[e-1].end && ws.text[ws.toks[e].start:ws.toks[e].end] == "." {
		to++ // "Tampa, Fla.": the abbreviation's period belongs to the name
	}
	ws.cands = append(ws.cands, cand{from: from, to: to, typ: string(c.entry.Type), strength: evKB, entry: c.entry, source: SourceKB, weak: weak,
		commonTown: commonWordTown(ws, i, e, c.entry) && !placePrepBefore(ws, i) && !residentAfter(ws, e)})
}

// weakByContext reports a knowledge-base match of tokens [i, e) that stands
// only where the document supports it (see dropUnsupportedWeak): a body
// named by common words, a town named by one.
func weakByContext(ws *workspace, i, e int, entry *kb.Entry) bool {
	return genericAlias(ws, i, e, entry) || commonWordTown(ws, i, e, entry)
}

// placePrepBefore reports a lower-case place preposition right before token
// i in its sentence ("in Union", "près de Mission").
func placePrepBefore(ws *workspace, i int) bool {
	return i > 0 && ws.toks[i-1].word && ws.toks[i-1].shape == shapeLower && ws.toks[i-1].class&wLocPrep != 0 &&
		ws.toks[i-1].sent == ws.toks[i].sent
}

// commonWordTown reports a town matched through one capitalised common word
// or head noun ("the Republic", "the Mission"): weak, it stands
// only where the document names the town's country, and it names no
// country for other weak matches.
func commonWordTown(ws *workspace, i, e int, entry *kb.Entry) bool {
	return e-i == 1 && entry.Kind == kb.KindCity && entry.Country != "" &&
		ws.toks[i].class&(wDict|wOrgHead|wLocHead) != 0 && ws.toks[i].shape == shapeCap
}

// genericAlias reports a match of one country's organisation through words
// that any country's body could be named by ("Federal Security Service",
// "Service fédéral de sécurité"): every word a common word of the document's
// language. Such a match is weak: it stands only where the document names
// the country (dropUnsupportedWeak), so that another federation's security
// service is not linked to Russia's.
func genericAlias(ws *workspace, i, e int, entry *kb.Entry) bool {
	if entry.Type != kb.ORG || entry.Country == "" || e-i < 2 {
		return false
	}
	for k := i; k < e; k++ {
		t := &ws.toks[k]
		if !t.word {
			continue
		}
		if t.shape == shapeUpper || t.shape != shapeLower && t.class&(wDict|wConnector|wArticle|wFunction) == 0 {
			return false
		}
	}
	return true
}

// addPattern trims the run [a, b) to a name and adds it as a candidate.
func (s *Stage) addPattern(ws *workspace, r *langRules, text string, a, b int, headType string, flags runFlags) {
	toks := ws.toks
	titled := false
	for flags&flagLowerName != 0 && a < b-1 && toks[a].shape == shapeLower &&
		toks[a].class&(wConnector|wParticle|wArticle|wFunction) != 0 && toks[a].class&wLowerStart == 0 {
		a++ // "de la Direction …"
	}
	if flags&flagLowerName == 0 && a < b-1 && toks[a].shape == shapeLower && toks[a].class&wParticle != 0 &&
		toks[a].class&wConnector != 0 && (!s.titleBefore(ws, a) || toks[a+1].shape == shapeLower && toks[a+1].class&wArticle != 0) &&
		(a == 0 || !toks[a-1].name) {
		// "la chercheuse de la Hogeschool Vessa": a lower-case particle
		// opens a name only after a title ("le général de Gaulle"), and
		// never with an article after it ("la chercheuse de la …").
		for a < b-1 && toks[a].shape == shapeLower && toks[a].class&(wConnector|wParticle|wArticle) != 0 {
			a++
		}
	}
	if t := &toks[a]; a+2 < b && (t.sentStart || t.titleLine) && t.shape == shapeCap && t.class&wDict != 0 &&
		t.class&(wGiven|wOrgHead|wLocHead|wTitle) == 0 && toks[a+1].shape == shapeLower && toks[a+1].class&wConnector != 0 &&
		(s.hasHead(ws, a+2, b) || t.sentStart && toks[a+2].class&wArticle == 0) {
		// "Members of the Vessa Liberation Front", "Shares of Varnotech rose":
		// a common word capitalised only because it opens the sentence is
		// not part of the name after it, when that name has a head of its
		// own or follows the connector bare ("Friends of the Earth" stays).
		for a++; a < b-1 && toks[a].shape == shapeLower && toks[a].class&(wConnector|wArticle) != 0; a++ {
		}
	}
	for headType != "" && a < b-1 && toks[a].sentStart && toks[a].shape == shapeCap && toks[a].class&wArticle != 0 && toks[a].class&wGiven == 0 && ws.kbEnd[a] == 0 &&
		!outletTitle(ws, r, a, b) {
		a++ // "The Harbourton Mayor …": the sentence's article is no part of a typed name
	}
	if headType == "" && flags&flagArticleLed == 0 {
		for a < b {
			t := &toks[a]
			switch {
			case !t.word || t.number:
			case !t.name && !(t.class&wParticle != 0 && s.joins(ws, r, a)):
			case t.class&wTitle != 0 && t.class&wGiven == 0 && a+1 < b &&
				(toks[a+1].name || toks[a+1].shape == shapeLower && toks[a+1].class&wParticle != 0 && s.joins(ws, r, a+1)):
				titled = true // "General Tessa", "General van Rensel", "Colonel de Villaret"
			case s.roleNoun(ws, r, a, b):
				titled = true // "Coach Berti Vogts", "Defender Lena Varga": a role, then the person
			case t.class&(wFunction|wArticle) != 0 && t.class&wGiven == 0 && !(t.shape == shapeUpper && letterCount(text[t.start:t.end]) >= 2) &&
				!(initialDot(ws, a) && a+2 < b) &&
				!(t.shape == shapeCap && !t.sentStart && !t.titleLine && a+1 < b && toks[a+1].name && len(s.kb.Find(text[toks[a+1].start:toks[b-1].end])) == 0) &&
				!(outletTitle(ws, r, a, b) && len(s.kb.Find(text[toks[a+1].start:toks[b-1].end])) == 0):
				// A capitalised article or particle inside a sentence opens
				// the name it stands before ("De Vessaar", "The Associated Press")
				// unless the knowledge base knows the name without it.
			case (t.sentStart || t.titleLine) && t.class&(wCommon|wNotName) != 0 && t.class&wGiven == 0 &&
				!(b-a >= 2 && toks[b-1].class&(wOrgHead|wLocHead) != 0):
			case t.sentStart && a+1 < b && t.shape == shapeCap && t.class&(wGiven|wOrgHead|wLocHead) == 0 && sentenceAdverb(ws, a):
				// "Eventually Varnotel dropped the plan": an adverb that opens
				// the sentence is no part of the name after it.
			case t.class&wDict != 0 && t.class&(wGiven|wOrgHead|wLocHead) == 0 && a+2 < b &&
				(toks[a+1].class&wGiven != 0 || b-a == 3 && toks[b-1].class&(wOrgHead|wLocHead) == 0 && s.domainAfterTitle(ws, a) && allNames(ws, a+1, b)) &&
				toks[a+1].shape == shapeCap && a > 0 && toks[a-1].shape == shapeLower &&
				toks[a-1].class&(wConnector|wArticle) != 0 && !bytes.HasSuffix(ws.foldOf(t), []byte("ing")):
				// "le ministre de l'Agriculture Paul Verrier": the office's
				// domain, a common noun, ends where a given name opens the
				// person's name, or where two names follow it after a title
				// ("le ministre de la Santé Roman Prymula"). A participle
				// opens a name ("the Flying Rock Vessa").
			case s.isDemonym(text, t) && a+1 < b && toks[b-1].class&(wOrgHead|wLocHead) == 0 && !s.namedInstitution(ws, a+1, b) &&
				!(a+3 < b && toks[a+1].class&wOrgHead != 0 && toks[a+1].shape == shapeCap && toks[a+2].shape == shapeLower && toks[a+2].class&wConnector != 0):
				// (A nationality before a head and its "of" opens the
				// body's official name: "the Indian Council of Medical
				// Research".)
			case a+1 < b && s.demonymPair(ws, text, a) && (a+2 == b || toks[b-1].class&(wOrgHead|wLocHead) == 0):
				a++ // "Sri Lankan President": a two-word nationality
			case t.class&wAdjective != 0 && t.class&wGiven == 0 && a+2 == b && toks[a+1].shape == shapeUpper && !toks[a+1].shouted && t.shape == shapeCap && letterCount(text[toks[a+1].start:toks[a+1].end]) >= 2 &&
				(ws.kbEnd[a] == 0 || int(ws.kbEnd[a]) == a+1):
				// "a Democratic FCC commissioner", "Shiite PMF fighters": an
				// adjective before a body's acronym qualifies it.
			default:
				goto trimmed
			}
			a++
		}
	}
trimmed:
	if b-a == 1 && ws.kbEnd[a] <= int32(a) && doctrineWord(ws, r, a) {
		return // "le Tessirisme": a doctrine, wherever the run came from
	}
	if b-a == 1 && b < len(toks) && ws.kbEnd[a] <= int32(a) && toks[a].shape == shapeCap && r.isVerb(ws.foldOf(&toks[a])) &&
		toks[b].word && toks[b].shape == shapeLower && r.agentPreps[string(ws.foldOf(&toks[b]))] && toks[b].sent == toks[a].sent {
		return // "Recueilli par Lena Varga": a participle and its agent, a byline's verb
	}
	// "Neil Varga QC", "Lena Varga MP": letters after a person's name are
	// no part of it.
	for b-a > 2 && r.postNominals != nil && toks[b-1].shape == shapeUpper && r.postNominals[string(ws.foldOf(&toks[b-1]))] &&
		(toks[a].class&wGiven != 0 || allNames(ws, a, b-1) && !allDict(ws, a, b-1) && !headWordIn(ws, a, b-1)) {
		b--
	}
	for b > a && flags&flagLowerName == 0 {
		t := &toks[b-1]
		if t.word && !t.number && t.name && t.class&wFunction == 0 {
			break
		}
		if t.number && b-1 > a && (toks[b-2].shape == shapeUpper && !t.shouted && t.end-t.start <= 3 || s.outletNumber(ws, r, b-1) || roadNumber(ws, r, b-1) ||
			numberedBody(ws, a, b-1)) {
			break // "KALLIM 24", "Malta 24 reported", "Interstate 10", "Université Lyon 2"
		}
		b--
	}
	if a >= b {
		return
	}
	if b-a == 2 && headType == "" && toks[b-1].shape == shapeCap && toks[b-1].class&wTitle != 0 &&
		toks[b-1].class&wGiven == 0 && toks[a].class&(wGiven|wOrgHead|wLocHead) == 0 {
		return // "Lankan President": a person's name does not end with a title
	}
	if b-a == 1 && compassAlone(ws, r, a) {
		// "in the North", "dans le Sud": the region of the country the
		// article is about.
		ws.cands = append(ws.cands, cand{from: a, to: b, typ: "LOC", strength: evContext, source: SourcePattern, shortName: true})
		return
	}
	if b-a == 1 && s.headOfNamedBody(ws, a) {
		// "l'Assemblée nationale … à l'Assemblée": the head alone, inside a
		// sentence, is the short name of the body the document named.
		ws.cands = append(ws.cands, cand{from: a, to: b, typ: "ORG", strength: evContext, source: SourcePattern, shortName: true})
		return
	}
	if t := &toks[a]; b-a == 1 && headType == "" && t.shape == shapeCap && !t.sentStart && !t.titleLine && a > 0 && toks[a-1].word &&
		toks[a-1].shape == shapeLower && toks[a-1].class&wArticle != 0 && r.nationalBodies[string(ws.foldOf(t))] {
		// "served in the Army": the country's army, named by its head alone.
		ws.cands = append(ws.cands, cand{from: a, to: b, typ: "ORG", strength: evHead, source: SourcePattern, shortName: true})
		return
	}
	if b-a == 1 && flags&flagOutlet == 0 {
		t := &toks[a]
		if t.class&(wNotName|wFunction|wCommon|wAdjective|wNonEntity) != 0 && t.class&wGiven == 0 &&
			!(t.class&(wNonEntity|wAdjective) != 0 && t.class&(wNotName|wFunction) == 0 && t.shape == shapeCap && !t.sentStart && ws.surnameInDoc(a)) ||
			(t.class&wTitle != 0 && t.class&wGiven == 0 && !(t.shape == shapeCap && ws.surnameInDoc(a))) || t.number {
			// (A surname that is a common word or an adjective, inside a
			// sentence, after the document named the person: "Ed Day … Day
			// said", "Lena Catholic … Catholic's car".)
			return
		}
		if t.shape == shapeUpper && longestPart(text[t.start:t.end]) > 8 && !s.datelinePlace(ws, a, b) {
			return // a shouted word, not an acronym (nor a dateline's town); "SAG-AFTRA" is two
		}
		if w := text[t.start:t.end]; utf8.RuneCountInString(w) == 1 && letterCount(w) == 1 && t.class&wGiven == 0 {
			return // "fiché S", "plan B", "Type A": one letter names no one alone
		}
		if t.shape == shapeUpper && afterClock(ws, a) {
			return // "11:05 IST", "3:49 pm AEST": a time zone
		}
		if t.shape == shapeUpper && t.end-t.start <= 3 && slashNext(ws, a) {
			return // "© HO/NPA": a credit's label (handout), not a name
		}
		if s.isDemonym(text, t) || s.placeDemonym(ws, r, t) {
			return
		}
		if (t.sentStart || t.titleLine) && t.shape == shapeCap && ws.lowerElsewhere(a) {
			return // "Man Charged With…" over "a 23-year-old man": the document's common word
		}
		if s.adjectiveBeforeNoun(ws, r, a) {
			return // "Democratic candidates", "the Republican field": an adjective, not a name
		}
	} else if headType == "" && s.placeDemonymRun(ws, r, a, b) {
		return // "New Yorkers": the people of a place named in two words
	} else if headType == "" && s.qualifiedDemonym(ws, a, b) {
		return // "South Korean", "Native American": a nationality, qualified
	} else if headType == "" && allDict(ws, a, b) && lowerPhraseElsewhere(ws, a, b) {
		return // "Ice Storm Warning" over "an ice storm warning was issued"
	}
	if headType == "" && b-a > 1 && flags&(flagBeforeTitle|flagArticleLed) == 0 && !s.articleLed(ws, a) && !s.afterOwner(ws, a) && !s.roleOfNamed(ws, a, b) {
		generic := true
		for k := a; k < b && generic; k++ {
			t := &toks[k]
			generic = t.class&(wCommon|wAdjective|wTitle|wFunction|wConnector|wLocMod) != 0 && t.class&wGiven == 0 || s.isDemonym(text, t)
		}
		// (A body named for the people it serves is a name: "Legal Aid for
		// Afghans".)
		servesPeople := b-a >= 4 && toks[b-1].shape == shapeCap && s.isDemonym(text, &toks[b-1]) && toks[b-2].shape == shapeLower && toks[b-2].class&wConnector != 0
		if generic && !servesPeople && !s.headOfDomain(ws, a, b) && !s.definedByAcronym(ws, a, b) && !s.namedSite(ws, a, b) && !s.namedBody(ws, a, b) && !bodyInSentence(ws, a, b) {
			return // "Secret Service", "Interior Minister"
		}
	}
	// "US Treasury Department": a country before a name the knowledge base
	// gives to one of that country's bodies is part of the body's name.
	if b-a >= 2 {
		if country := s.countryAt(ws, a); country != "" {
			for _, m := range s.kb.Find(text[toks[a+1].start:toks[b-1].end]) {
				if m.Entry.Type == kb.ORG && m.Entry.Country == country {
					ws.cands = append(ws.cands, cand{from: a, to: b, typ: string(kb.ORG), strength: evKB, entry: m.Entry, source: SourceKB})
					return
				}
			}
		}
	}
	// A spelling the gazetteer does not list may still reach the KB through its key.
	nameText := text[toks[a].start:toks[b-1].end]
	if ms := s.kb.Find(nameText); len(ms) > 0 && (headType == "" || flags&flagLowerName != 0) {
		words := len(strings.Fields(fold(nameText)))
		for _, m := range ms {
			if m.Entry.Type == kb.LOC && b-a == 1 && toks[a].class&(wCommon|wFunction) != 0 {
				continue
			}
			if b-a == 1 && shortCapsPlace(&toks[a], m.Entry, kb.CaseSensitive(m.Alias)) {
				continue
			}
			if len(strings.Fields(fold(m.Alias))) != words {
				continue // "Shabaab" is not "al-Shabaab": the key drops the article
			}
			if periodMissing(ws, b, m.Alias) {
				continue
			}
			ws.cands = append(ws.cands, cand{from: a, to: b, typ: string(m.Entry.Type), strength: evKB, entry: m.Entry, source: SourceKB,
				weak: weakByContext(ws, a, b, m.Entry), commonTown: commonWordTown(ws, a, b, m.Entry) && !placePrepBefore(ws, a) && !residentAfter(ws, b)})
			return
		}
	}
	if b-a == 1 && headType == "" && !titled && s.demonymShaped(ws, r, a) && !s.placeCompound(ws, r, a) {
		return // "the Ostavian capital", "le jeune Norlandais a été arrêté"; not "du Pas-de-Calais"
	}
	typ, strength := s.typeOf(ws, r, a, b, headType, titled)
	if typ == "PER" && b-a >= 2 && initialDot(ws, b-1) {
		b++ // "Karim B.": the initial's period belongs to the name
	}
	if typ == "ORG" && b-a >= 2 && b < len(toks) && r.legalSuffixes[string(ws.foldOf(&toks[b-1]))] && !toks[b].word &&
		toks[b].start == toks[b-1].end && text[toks[b].start:toks[b].end] == "." {
		b++ // "Varnotech Holdings Inc.": the abbreviation's period belongs to the name
	}
	ws.cands = append(ws.cands, cand{from: a, to: b, typ: typ, strength: strength, source: SourcePattern, shortName: flags&flagOutlet != 0 && b-a == 1})
}

// demonymShaped reports a capitalised word with a nationality ending, not a
// given name, between a lower-case article or adjective and a lower-case
// word: a nationality adjective or inhabitant noun of a country the
// knowledge base may not know ("the Ostavian capital", "le jeune Norlandais
// a été arrêté"), where a name would follow a preposition or lead a clause.
func (s *Stage) demonymShaped(ws *workspace, r *langRules, a int) bool {
	toks := ws.toks
	t := &toks[a]
	if t.shape != shapeCap || t.class&(wGiven|wTitle) != 0 || a == 0 || a+1 >= len(toks) || len(r.demonymWordSuffixes) == 0 {
		return false
	}
	prev, next := &toks[a-1], &toks[a+1]
	if !prev.word || prev.sent != t.sent || prev.class&(wLocPrep|wPersonVerb|wTitle) != 0 ||
		prev.shape != shapeLower && !(prev.class&wArticle != 0 && prev.sentStart) {
		return false
	}
	if next.word && next.shape != shapeLower {
		return false
	}
	f := ws.foldOf(t)
	for _, sfx := range r.demonymWordSuffixes {
		if len(f) >= len(sfx)+3 && string(f[len(f)-len(sfx):]) == sfx {
			return true
		}
	}
	return false
}

// isDemonymWord reports whether token i (any case) is a nationality word.
func (s *Stage) isDemonymWord(ws *workspace, i int) bool {
	t := &ws.toks[i]
	if !t.word || t.number {
		return false
	}
	return s.demonymTok(ws, ws.text, t)
}

// demonymPair reports whether tokens a and a+1 form a two-word nationality
// ("Sri Lankan", "New Zealander").
func (s *Stage) demonymPair(ws *workspace, text string, a int) bool {
	if a+1 >= len(ws.toks) {
		return false
	}
	t, u := &ws.toks[a], &ws.toks[a+1]
	if !t.word || !u.word || t.number || u.number || t.shape == shapeLower || u.shape == shapeLower ||
		u.start-t.end != 1 || text[t.end] != ' ' || t.class&wGiven != 0 {
		return false
	}
	_, ok := s.kb.Demonym(text[t.start:u.end])
	return ok
}

// placeDemonym reports whether t is an inhabitant noun derived from a known
// place's name ("Strasbourgeois", "Parisiens", "Londoners"): a capitalised
// word, not a given name, ending in a suffix of the lexicon whose stem, or
// the stem with a usual ending restored, is a country, region or large city.
func (s *Stage) placeDemonym(ws *workspace, r *langRules, t *tok) bool {
	if t.shape != shapeCap || t.class&wGiven != 0 || len(r.demonymSuffixes) == 0 {
		return false
	}
	return s.demonymOfPlace(ws, r, ws.foldOf(t))
}

// placeDemonymRun is placeDemonym for a run of capitalised words whose last
// one carries the suffix ("New Yorkers" → New York).
func (s *Stage) placeDemonymRun(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	if b-a < 2 || b-a > 3 || len(r.demonymSuffixes) == 0 {
		return false
	}
	var buf [64]byte
	f := buf[:0]
	for k := a; k < b; k++ {
		t := &toks[k]
		if !t.word || t.shape != shapeCap || k > a && t.start > toks[k-1].end+1 {
			return false
		}
		if k > a {
			f = append(f, ' ')
		}
		f = append(f, ws.foldOf(t)...)
	}
	return s.demonymOfPlace(ws, r, f)
}

// demonymOfPlace reports a folded word or phrase that is a demonym suffix
// after a country's, region's or large city's name.
func (s *Stage) demonymOfPlace(ws *workspace, r *langRules, f []byte) bool {
	for _, sfx := range r.demonymSuffixes {
		if len(f) < len(sfx)+3 || string(f[len(f)-len(sfx):]) != sfx {
			continue
		}
		stem := f[:len(f)-len(sfx)]
		for _, ending := range stemEndings {
			if s.majorPlaceKey(ws, stem, ending) {
				return true
			}
		}
		if n := len(stem); (stem[n-1] == stem[n-2] || stem[n-1] == 'e') && s.majorPlaceKey(ws, stem[:n-1], "") {
			return true // "Lyonnais" → Lyon, "Strasbourgeois" → Strasbourg
		}
	}
	return false
}

// stemEndings restore the end a place name loses in its inhabitants' name
// ("Bruxell-ois" → Bruxelles, "Marseill-ais" → Marseille, "Carolin-ian" →
// Carolina, "Californ-ian" → California).
var stemEndings = [...]string{"", "e", "es", "s", "a", "ia"}

// majorPlaceKey is majorPlace for a folded stem plus an ending.
func (s *Stage) majorPlaceKey(ws *workspace, stem []byte, ending string) bool {
	ws.key = append(append(ws.key[:0], stem...), ending...)
	return s.majorPlaceFolded(ws.key)
}

func (s *Stage) isDemonym(text string, t *tok) bool {
	if t.shape == shapeLower || t.number {
		return false
	}
	return s.demonymTok(nil, text, t)
}

// demonymTok reports whether the knowledge base holds the token's word as a
// nationality, asking once per token: the rules ask of the same words often.
func (s *Stage) demonymTok(ws *workspace, text string, t *tok) bool {
	if t.demonym == 0 {
		w := text[t.start:t.end]
		var ok, seen bool
		if ws != nil {
			ok, seen = ws.demonyms[w]
		}
		if !seen {
			_, ok = s.kb.Demonym(w)
			if ws != nil {
				if ws.demonyms == nil {
					ws.demonyms = map[string]bool{}
				}
				ws.demonyms[w] = ok
			}
		}
		t.demonym = -1
		if ok {
			t.demonym = 1
		}
	}
	return t.demonym > 0
}

// typeOf types a name that is not in the KB from its head noun, a title
// before it, a given name, the verb after it and the preposition before it.
// titledPlaceName returns where a person's name starts in the run [a, b)
// when a title opens it or stands right before it, then a known place's
// one-word name and one or two capitalised words that are no word of the
// language and no known name follow.
func titledPlaceName(ws *workspace, a, b int) (int, bool) {
	toks := ws.toks
	k := a
	for k < b && toks[k].word && toks[k].shape == shapeCap && toks[k].class&wDict != 0 && toks[k].class&(wTitle|wGiven) == 0 && ws.kbEnd[k] == 0 {
		k++ // "Field Officer …": the title's own modifiers
	}
	t0 := k
	for k < b && toks[k].word && toks[k].shape == shapeCap && toks[k].class&wTitle != 0 && toks[k].class&wGiven == 0 {
		k++
	}
	if k == t0 && !(k == a && titledBefore(ws, a)) || b-k < 2 || b-k > 3 || int(ws.kbEnd[k]) != k+1 || ws.kbInfo[k] == nil ||
		ws.kbInfo[k].cands[ws.kbCand[k]].entry.Type != kb.LOC {
		return 0, false
	}
	for j := k + 1; j < b; j++ {
		if t := &toks[j]; !t.word || t.shape != shapeCap || t.class&(wDict|wOrgHead|wLocHead|wTitle) != 0 || ws.kbEnd[j] != 0 {
			return 0, false
		}
	}
	return k, true
}

// districtOf reports capitalised words [pos, k-2) before a place's head
// at k-2 and "of" at k-1, the known place's name starting at k: a named
// region of that place ("Northern District of Ohio"), not a head alone.
func districtOf(ws *workspace, pos, k int) bool {
	toks := ws.toks
	h, of := &toks[k-2], &toks[k-1]
	if h.shape != shapeCap || h.class&wLocHead == 0 || of.shape != shapeLower || of.class&wConnector == 0 || of.class&wArticle != 0 {
		return false
	}
	if p := ws.kbInfo[k]; p == nil || p.cands[ws.kbCand[k]].entry.Type != kb.LOC {
		return false
	}
	for j := pos; j < k-2; j++ {
		if t := &toks[j]; !t.word || t.shape != shapeCap || t.class&(wArticle|wFunction|wTitle|wGiven) != 0 || ws.kbEnd[j] != 0 {
			return false
		}
	}
	return true
}

// peerStyle reports a run that a capitalised honorific opens, perhaps a
// surname after it, then "of" and the seat's capitalised name without a
// body's or a place's head ("Duke of Harbourton", "Baroness Varga of
// Tessly"): a peer named by the title, a person.
func peerStyle(ws *workspace, a, b int) bool {
	toks := ws.toks
	first, last := &toks[a], &toks[b-1]
	if b-a < 3 || first.class&wHonorific == 0 || first.shape != shapeCap || last.shape != shapeCap || last.class&(wOrgHead|wLocHead) != 0 {
		return false
	}
	of := a + 1
	if toks[of].shape == shapeCap && toks[of].class&(wOrgHead|wLocHead|wConnector) == 0 && b-a >= 4 {
		of++
	}
	return toks[of].shape == shapeLower && toks[of].class&wConnector != 0 && toks[of].class&wArticle == 0
}

func (s *Stage) typeOf(ws *workspace, r *langRules, a, b int, headType string, titled bool) (string, int) {
	toks := ws.toks
	first, last := &toks[a], &toks[b-1]
	multi := b-a >= 2
	switch {
	case peerStyle(ws, a, b):
		return "PER", evTitle // "the Duchess of Harbourton", "Lord Varga of Tessly": a peer's style and the seat it names
	case headType != "":
		return headType, evHead
	case s.describedPlace(ws, r, a):
		return "LOC", evContext // "la rue principale de Vessa": the town a place of it is described in
	case multi && last.number && roadNumber(ws, r, b-1):
		return "LOC", evHead // "Interstate 10", "Route 66": a road
	case multi && last.number:
		return "ORG", evHead // "France 24", "Malta 24": a channel
	case firmRoleOf(ws, a):
		return "ORG", evVerb // "the CEO of Snap", "chairman of Kessel Mining": a firm
	case b-a == 1 && a > 0 && toks[a-1].word && toks[a-1].sent == first.sent && first.class&(wDict|wOrgHead|wLocHead) == 0 && first.shape == shapeCap &&
		r.leaderBodies[string(ws.foldOf(&toks[a-1]))]:
		return "PER", evTitle // "la Commission Varnak", "le gouvernement Varga": the leader's surname
	case minuteAfter(ws, b) && sportsDoc(ws):
		return "PER", evVerb // "(Kessler 30th pen, Varga 89th)": a goal's scorer and its minute
	case b-a >= 3 && s.headBeforePlace(ws, a, b):
		return "ORG", evHead // "Harbourton College London": a body's head, then the place it serves
	case b-a == 2 && first.class&wGiven != 0 && first.shape == shapeCap && last.shape == shapeCap && last.class&wOrgHead != 0 &&
		ws.kbEnd[a] == 0 && ws.kbEnd[a+1] == 0 && !s.givenPlace[string(ws.foldOf(first))] && s.roleAfter(ws, r, b):
		return "PER", evGiven // "Tom Spiegel, CEO of Vesnap": a first name, a surname that heads outlets' names, a role
	case last.class&wOrgHead != 0 && last.shape != shapeLower:
		return "ORG", evHead
	case multi && last.class&wLocHead == 0 && first.class&wArticle == 0 && s.creditListBefore(ws, r, a):
		return "PER", evTitle // "Reporting by Marine Vessard and Jean-Loup Tessier"
	case b-a == 2 && first.class&wGiven != 0 && first.shape == shapeCap && last.shape == shapeCap && r.surnameHeads[string(ws.foldOf(last))] &&
		!s.placePrepAhead(ws, a) && !s.placeNounAround(ws, a, b):
		// "Lena Hill won": a first name before a place's head that is
		// a common surname too; "in Rose Hill" is a place.
		return "PER", evGiven
	case multi && last.class&wLocHead != 0:
		return "LOC", evHead
	case last.shape == shapeCap && placeSuffixed(ws, r, last):
		return "LOC", evHead // "Tarnoplatz", "Keizersgracht": a street's or square's name
	case !multi && first.shape == shapeCap && placeInfixed(ws, r, first):
		return "LOC", evHead // "Tessy-sur-Vesle", "Châlons-en-Champagne": a town's name
	case multi && first.class&wOrgHead != 0:
		return "ORG", evHead
	case multi && first.class&wLocHead != 0 && s.headOfDomain(ws, a, b):
		return "ORG", evHead // "District Court of Appeal": a body's head with its domain after the place word
	case multi && first.class&wLocHead != 0:
		return "LOC", evHead
	case multi && s.headOfDomain(ws, a, b):
		return "ORG", evHead // "Harbourton Chamber of Commerce": a head with its domain
	case multi && first.class&wNameAbbrev != 0 && abbrevDot(ws, a+1):
		return "LOC", evHead // "Mt. Vessaro", "St. Kessel"
	case hasAmpersand(ws, a, b):
		return "ORG", evHead // "Douglas & Lomason": a firm
	case s.groupContext(ws, r, a, b):
		return "ORG", evVerb // "Tessaka militants", "fighters of Tessaka", "Tessaka claimed responsibility"
	case (teamContext(ws, a, b) || standingsRow(ws, a, b) || fixtureLine(ws, a, b)) && !titled && first.class&wGiven == 0:
		return "ORG", evVerb // "Tessly West beat Varnak 21-14": teams
	case titled || s.titleBefore(ws, a):
		return "PER", evTitle
	case (multi || first.class == 0) && s.roleNounBefore(ws, r, a) && last.shape == shapeCap:
		return "PER", evTitle // "billionaire Oru Kessel", "le milliardaire Oru Kessel"
	case first.class&wGiven == 0 && residentAfter(ws, b):
		return "LOC", evContext // "a Harbourton man", "Dorunville woman Ann Roe"
	case ageAfter(ws, b) && !s.placePrepAhead(ws, a) || ageBefore(ws, a):
		return "PER", evTitle // "Dariusz Wrobel, 41, was arrested", "2-year-old Oyelaran Kerry"
	case kinBefore(ws, a) || ageInParens(ws, b) || workBefore(ws, a):
		return "PER", evTitle // "his daughter Zorvena", "Velka (11 ans)", "a symphony by Zorvenko"
	case ofAfterAge(ws, a):
		return "LOC", evContext // "…, 41, of Kessington": where the person lives
	case multi && orgNounFramed(ws, a, b):
		return "ORG", evContext // "at the L.M. Varga brokerage": an article, the name, the body's noun
	case initialsOpen(ws, a, b) || multi && s.initialInside(ws, a, b):
		return "PER", evGiven // "P. Simmons", "John F. Kennedy"
	case s.roleAfter(ws, r, b):
		return "PER", evTitle // "biased toward Idris Malvane, president of the council"
	case s.placeApposition(ws, r, b) || s.placeCompoundHead(ws, r, b):
		return "LOC", evContext // "Ostrava Nova, a small town", "the Kessington-based firm"
	case multi && (s.namedInstitution(ws, a, b) || s.isDemonym(ws.text, first) && s.namedInstitution(ws, a+1, b)):
		return "ORG", evContext
	case multi && first.class&(wArticle|wFunction|wConnector) != 0 && first.class&wGiven == 0 && first.shape == shapeCap && !first.sentStart:
		// "La Croix", "Les Verts", "De Vessaar": titles of outlets and
		// parties; a name particle opens a surname ("Van Moer").
		return "ORG", evContext
	case !multi && first.class&wGiven != 0 && (s.placePrepAhead(ws, a) || placeNounOf(ws, a)):
		return "LOC", evContext // "in Lincoln", "à Romane": a name alone after a place preposition
	case b-a >= 3 && first.class&wGiven != 0 && commonNounsOnly(ws, a+1, b) && !titled:
		// "Tessa Climate Partners", "Jordan Water Works": a first name
		// before two or more common words names no person.
		return "ORG", evDefault
	case multi && personParticleInside(ws, r, a, b) && !titled:
		return "PER", evGiven // "Joost van der Brink": a surname's particle
	case !multi && first.shape == shapeCap && first.class&wDict == 0 && eponymNounBefore(ws, r, a):
		return "PER", evTitle // "le gouvernement Tessier", "les réformes Vessard"
	case first.class&wGiven != 0 && s.orgNounBefore(ws, a):
		// "the rescue group Tom Jonah": the noun names what follows, a
		// first name or not.
		return "ORG", evContext
	case first.class&wGiven != 0 || s.gaz.firstPerson[string(ws.foldOf(first))]:
		return "PER", evGiven
	case s.orgNounBefore(ws, a):
		return "ORG", evContext // "the firm Varnotech"
	case b-a == 2 && first.shape == shapeCap && last.shape == shapeUpper && last.end-last.start >= 3 && !first.sentStart &&
		first.class&(wDict|wOrgHead|wLocHead|wTitle|wFunction|wArticle|wNotName) == 0 && last.class&(wNotName|wOrgHead|wLocHead) == 0 &&
		ws.kbEnd[a] == 0 && ws.kbEnd[a+1] == 0:
		return "PER", evGiven // "selon Chokri GHARBI": a first name and a surname in capitals, as bylines and lists of names write them
	case s.regionAfterPlace(ws, a, b):
		return "LOC", evContext // "Washington, D.C.", "Kessel, Norland,": a place's state or country
	case multi && last.shape == shapeCap && last.class&wDict != 0 && last.class&(wGiven|wTitle) == 0 && first.class&wGiven == 0 &&
		!s.gaz.firstPerson[string(ws.foldOf(first))] && !s.givenCommon[string(ws.foldOf(first))] && first.class&wParticle == 0 &&
		!initialsOpen(ws, a, b) && !s.placePrepAhead(ws, a) && !s.placeNounAround(ws, a, b):
		// "Brightwater Logistics said", "the Corvale Tigers": a name no given
		// name opens that ends in a common noun is a firm's, a team's or a
		// body's; a person's surname after an unknown first name is seldom
		// a word. (On news wire copy such names are ORG or LOC eight times in
		// nine.) After a place preposition it is a place ("in Tal Afar"); a
		// first name that is a word too still opens a person's ("Heath
		// Ledger"), and so does a particle ("Al Pacino").
		return "ORG", evDefault
	case b < len(toks) && toks[b].word && toks[b].class&wPersonVerb != 0 && r.personVerbs[strings.ToLower(ws.text[toks[b].start:toks[b].end])] &&
		!s.officeOfBefore(ws, a) && !s.prepObject(ws, a) && !(!multi && first.shape == shapeUpper) && !(multi && last.class&wDict != 0):
		// "Varga said"; not an acronym ("the CDC said") nor a name that
		// ends in a common word ("Random House said").
		return "PER", evVerb
	case passivePersonAfter(ws, r, b) && !(!multi && first.shape == shapeUpper) && !s.prepObject(ws, a) && !(a > 0 && toks[a-1].word && toks[a-1].shape == shapeLower && toks[a-1].class&(wConnector|wFunction) != 0):
		return "PER", evVerb // "Kessler was arrested", "Varga a été interpellé"
	case !multi && first.shape == shapeCap && s.gaz.lastPerson[string(ws.foldOf(first))]:
		return "PER", evGiven // "Trump": the surname of a known person
	case !multi && s.placeCompound(ws, r, a):
		return "LOC", evContext // "dans le Bas-Rhin"
	case s.placeNounAround(ws, a, b):
		return "LOC", evContext // "the town of Varnak", "the Ostral district"
	case s.parenAfterPlace(ws, a, b) && !(multi && first.class&wGiven != 0):
		// "Doruna (Varnak)": the country or region of a place; after a
		// first name and a surname, the person's ("Anna Hill (Norland)").
		return "LOC", evContext
	case b < len(toks) && toks[b].word && toks[b].shape == shapeLower && toks[b].class&wOrgNoun != 0 && toks[b].sent == first.sent:
		return "ORG", evContext // "the Dorunian Socialist party"
	case first.shape == shapeUpper && s.datelinePlace(ws, a, b):
		return "LOC", evHead // "VARNAK, Iraq (AP) —": a dateline's town, whatever the sentence start says
	case !multi && first.shape == shapeUpper:
		return "ORG", evDefault
	case s.rankParticleBefore(ws, a):
		return "PER", evTitle // "le général de Villaret": a surname with its particle
	case a > 0 && toks[a-1].word && toks[a-1].class&wLocPrep != 0 && toks[a-1].shape == shapeLower:
		return "LOC", evContext
	case multi && first.class&wGiven == 0 && first.class&wDict != 0 && last.class&wDict == 0 && s.placePrepAhead(ws, a):
		// "in the East Vessa", "in the Lower Vessa": a common word before
		// a name, after a place preposition, qualifies a place.
		return "LOC", evContext
	case a > 1 && toks[a-1].word && toks[a-1].shape == shapeLower && r.verbLocPreps[string(ws.foldOf(&toks[a-1]))] &&
		toks[a-2].word && toks[a-2].sent == toks[a].sent && (r.isVerb(ws.foldOf(&toks[a-2])) || toks[a-2].class&(wLocPrep|wLocMod) != 0):
		// "arrivé de Vessa", "près de Tessalit", "au nord de Vessa"; not
		// after an office, whose domain may be a firm's ("la porte-parole
		// d'Attac", "le président de Varnatec").
		return "LOC", evContext
	case s.directionBefore(ws, a):
		return "LOC", evContext // "in northern Varnak", "dans le nord du Varnak"
	}
	// What a general dictionary says the name is, when the sentence says
	// nothing: "closed with Mahler", "ferries to the Azores".
	if typ := s.namedTypeOf(ws, a, b); typ != "" {
		return typ, evLexical
	}
	if multi && b-a <= 5 && allNames(ws, a, b) && !allDict(ws, a, b) {
		// Capitalised words that are not all common words: "Lena Varga",
		// not "Customer Care Team" or "Critical Race Theory".
		return "PER", evDefault
	}
	return "ORG", evDefault
}

// adverbStemMin: the shortest adjective an adverb in -ly is made from
// ("final" → "finally"); shorter ones are nouns' adjectives that names
// use ("Weekly Standard", "Daily Mail", "Early Warning").
const adverbStemMin = 5

// sentenceAdverb reports an English adverb in -ly whose adjective is a
// dictionary word of adverbStemMin letters or more ("Eventually",
// "Currently", "Similarly").
func sentenceAdverb(ws *workspace, k int) bool {
	t := &ws.toks[k]
	w := ws.foldOf(t)
	if t.class&wDict == 0 || len(w) < adverbStemMin+2 || !bytes.HasSuffix(w, []byte("ly")) {
		return false
	}
	stem := w[:len(w)-2]
	if bytes.HasSuffix(stem, []byte("al")) || bytes.HasSuffix(stem, []byte("ent")) || bytes.HasSuffix(stem, []byte("ous")) ||
		bytes.HasSuffix(stem, []byte("ive")) || bytes.HasSuffix(stem, []byte("ar")) {
		return true // "finally", "recently", "previously", "effectively", "similarly"
	}
	return false
}

// creditListMaxTokens bounds the walk back from a name to a credit's cue.
const creditListMaxTokens = 24

// creditListBefore reports a credit's cue before the name at token a, in its
// sentence, with only names, commas, semicolons and coordinators between
// ("Reporting by Ann Roe, Marine Vessard and …; editing by …").
func (s *Stage) creditListBefore(ws *workspace, r *langRules, a int) bool {
	if r.creditCues == nil || a == 0 {
		return false
	}
	toks := ws.toks
	sent := toks[a].sent
	words := sentenceWords{ws, sent}
	for k := a - 1; k >= 0 && k >= a-creditListMaxTokens && toks[k].sent == sent; k-- {
		t := &toks[k]
		switch {
		case !t.word:
			if p := ws.text[t.start:t.end]; p != "," && p != "-" {
				return false
			}
		case t.shape == shapeLower && t.class&wCoord != 0:
		case t.shape != shapeLower && t.class&wByline == 0:
			// a name of the list, or the cue's capitalised first word
			if lexicon.Backward(r.creditCues, words, k, 0) > 0 {
				return true
			}
		case t.class&wByline != 0 && t.sentStart:
			return true // "By Aja Tormund and Ugo Tarrant": a byline
		default:
			return lexicon.Backward(r.creditCues, words, k, 0) > 0
		}
	}
	return false
}

// eponymNounBefore reports one of the language's eponym nouns right before
// token a, in its sentence ("le gouvernement Tessier").
func eponymNounBefore(ws *workspace, r *langRules, a int) bool {
	if a == 0 || len(r.eponymNouns) == 0 {
		return false
	}
	t := &ws.toks[a-1]
	return t.word && t.shape == shapeLower && t.sent == ws.toks[a].sent && r.eponymNouns[string(ws.foldOf(t))]
}

// placePrepAhead reports a lower-case place preposition right before token
// a, or before the article that precedes it ("in Lincoln", "dans le Romane",
// "au Niger"), in its sentence.
func (s *Stage) placePrepAhead(ws *workspace, a int) bool {
	toks := ws.toks
	is := func(k int, c wordClass) bool {
		return k >= 0 && toks[k].word && toks[k].shape == shapeLower && toks[k].class&c != 0 && toks[k].sent == toks[a].sent
	}
	switch {
	case is(a-1, wLocPrep) && !is(a-1, wPersonVerb):
		return true
	case is(a-1, wContracted) && is(a-1, wLocPrep):
		return true
	case is(a-1, wArticle) && is(a-2, wLocPrep):
		return true
	}
	return false
}

// directionBefore reports a lower-case direction word before the name,
// after a place preposition ("in northern Varnak") or before a connector
// ("le nord du Varnak", "the north of Varnak"), in one sentence.
func (s *Stage) directionBefore(ws *workspace, a int) bool {
	toks := ws.toks
	lowerIs := func(k int, c wordClass) bool {
		return k >= 0 && toks[k].word && toks[k].shape == shapeLower && toks[k].class&c != 0 && toks[k].sent == toks[a].sent
	}
	if lowerIs(a-1, wLocMod) {
		return lowerIs(a-2, wLocPrep)
	}
	return lowerIs(a-1, wConnector) && toks[a-1].class&(wArticle|wCoord) == 0 && lowerIs(a-2, wLocMod)
}

// rankParticleBefore reports a name right after a rank title and a
// lower-case particle in one sentence ("le colonel de Kerbrat", "General de
// Varenne"): the particle opens a surname, not the place an office is of.
func (s *Stage) rankParticleBefore(ws *workspace, a int) bool {
	toks := ws.toks
	if a < 2 {
		return false
	}
	p, t := &toks[a-1], &toks[a-2]
	return p.word && t.word && p.shape == shapeLower && p.class&wParticle != 0 && p.class&wContracted == 0 &&
		t.class&wRank != 0 && p.sent == toks[a].sent && t.sent == toks[a].sent
}

// parenAfterPlace reports a name alone in brackets right after a place's
// mention ("in Doruna (Varnak)"): the bracket locates the place. An
// acronym in capitals is the previous name's, not a place.
func (s *Stage) parenAfterPlace(ws *workspace, a, b int) bool {
	toks := ws.toks
	if a < 2 || b >= len(toks) || toks[a].shape == shapeUpper || len(ws.cands) == 0 {
		return false
	}
	open, close := &toks[a-1], &toks[b]
	if open.word || close.word || ws.text[open.start:open.end] != "(" || ws.text[close.start:close.end] != ")" {
		return false
	}
	prev := &ws.cands[len(ws.cands)-1]
	return prev.to == a-1 && prev.typ == string(kb.LOC)
}

// regionAfterPlace reports an abbreviation in capitals right after a place
// and a comma ("Washington, D.C. said"): the place's state, not who
// speaks.
func (s *Stage) regionAfterPlace(ws *workspace, a, b int) bool {
	toks := ws.toks
	if a < 2 || b-a > 3 || len(ws.cands) == 0 {
		return false
	}
	comma := &toks[a-1]
	if comma.word || ws.text[comma.start:comma.end] != "," || comma.sent != toks[a].sent {
		return false
	}
	prev := &ws.cands[len(ws.cands)-1]
	if prev.to != a-1 || prev.typ != string(kb.LOC) {
		return false
	}
	return b-a == 1 && toks[a].shape == shapeUpper
}

// prepObject reports a name right after a lower-case preposition or
// connector ("residents of Maarat Misrin said"): the verb after it is the
// phrase's head's, not the name's.
func (s *Stage) prepObject(ws *workspace, a int) bool {
	if a < 1 {
		return false
	}
	p := &ws.toks[a-1]
	return p.word && p.shape == shapeLower && p.class&(wConnector|wLocPrep|wHeadConn) != 0 && p.class&wArticle == 0 &&
		p.sent == ws.toks[a].sent
}

// officeOfBefore reports a name right after a title and a lower-case
// locative preposition ("le président de Vessarie a reçu"): the verb after
// the name is the title's, and the name is what the office is of.
func (s *Stage) officeOfBefore(ws *workspace, a int) bool {
	toks := ws.toks
	if a < 2 {
		return false
	}
	p, t := &toks[a-1], &toks[a-2]
	return p.word && t.word && p.shape == shapeLower && (p.class&wLocPrep != 0 || ws.rules != nil && ws.rules.verbLocPreps[string(ws.foldOf(p))]) &&
		t.class&wTitle != 0 && t.class&wRank == 0 && p.sent == toks[a].sent
}

// datelinePlace reports a run of capital letters opening its line and
// followed by a comma and a place the knowledge base knows, by a bracketed
// agency or by a dash: the dateline of a wire story ("KABUL, Afghanistan
// (AP)", "PARIS (Reuters) -", "VARNAK — ").
func (s *Stage) datelinePlace(ws *workspace, a, b int) bool {
	toks := ws.toks
	for k := a; k < b; k++ {
		if toks[k].word && toks[k].shape != shapeUpper {
			return false
		}
	}
	start := toks[a].start
	if i := strings.LastIndexByte(ws.text[:start], '\n'); strings.TrimSpace(ws.text[i+1:start]) != "" {
		return false // not at the start of its line
	}
	if b >= len(toks) || toks[b].word {
		return false
	}
	switch ws.text[toks[b].start:toks[b].end] {
	case "(", "—", "–":
		return true // "PARIS (Reuters)", "HARBOURTON — A man was charged"
	case ",":
		k := b + 1
		if k < len(toks) && ws.kbEnd[k] > 0 && ws.kbInfo[k] != nil {
			for _, c := range ws.kbInfo[k].cands {
				if c.entry.Type == kb.LOC {
					return true
				}
			}
		}
	}
	return false
}

// roleOfNamed reports a headed institution followed by a lower-case role
// and a person's name: "Interior Ministry spokesman Idris Malvane" names the
// ministry he speaks for, generic as its words are.
func (s *Stage) roleOfNamed(ws *workspace, a, b int) bool {
	toks := ws.toks
	if b+1 >= len(toks) || toks[b-1].class&wOrgHead == 0 {
		return false
	}
	role, next := &toks[b], &toks[b+1]
	return role.word && role.shape == shapeLower && role.class&wTitle != 0 && role.sent == toks[a].sent &&
		next.word && next.name && next.sent == role.sent
}

// placeNounAround reports a kind-of-place noun before the name with "of" or
// "de" between ("the city of X", "la province de X") or right after it ("the
// Ostral district"), all in lower case within the sentence.
func (s *Stage) placeNounAround(ws *workspace, a, b int) bool {
	toks := ws.toks
	lowerIs := func(k int, c wordClass) bool {
		return k >= 0 && k < len(toks) && toks[k].word && toks[k].shape == shapeLower && toks[k].class&c != 0 && toks[k].sent == toks[a].sent
	}
	if placeNounOf(ws, a) {
		return true
	}
	// After the name, not followed by "of": "the Mali region of…" names the
	// region; "and" may follow ("the Vessa post and the Kallim checkpoint").
	return lowerIs(b, wPlaceNoun) && (!lowerIs(b+1, wConnector) || lowerIs(b+1, wCoord))
}

// placeNounOf reports a place noun and its connector right before token a,
// in its sentence ("the town of Varnak", "the 400 block of Bonita").
func placeNounOf(ws *workspace, a int) bool {
	toks := ws.toks
	if a < 2 || !toks[a-1].word || toks[a-1].shape != shapeLower || toks[a-1].class&wConnector == 0 ||
		toks[a-1].class&(wArticle|wCoord) != 0 || toks[a-1].sent != toks[a].sent {
		return false
	}
	// The place noun may open the sentence ("Residents of Maarat Misrin said").
	n := &toks[a-2]
	return n.word && n.class&wPlaceNoun != 0 && n.sent == toks[a].sent && (n.shape == shapeLower || n.sentStart)
}

// describedPlace reports a name right after a lower-case place's noun, one
// lower-case modifier and a connector ("la prison centrale de Vessa"): the
// town the described place belongs to.
func (s *Stage) describedPlace(ws *workspace, r *langRules, a int) bool {
	toks := ws.toks
	if a < 3 {
		return false
	}
	c, m := &toks[a-1], &toks[a-2]
	if !c.word || c.shape != shapeLower || c.class&wConnector == 0 || c.class&wArticle != 0 || !m.word || m.shape != shapeLower ||
		m.class&(wConnector|wArticle|wFunction) != 0 || c.sent != toks[a].sent || m.sent != toks[a].sent {
		return false
	}
	hj, typ, whole := s.lowerHead(ws, r, a-3)
	return hj == a-2 && typ == "LOC" && !whole
}

// placeApposition reports a kind of place in apposition after the run
// ending at b: ", a small town near the border", ", the provincial capital"
// ("Ostrava Nova, a small town"). A noun for people in the list of place
// nouns ("residents", "mayor") is no such apposition.
func (s *Stage) placeApposition(ws *workspace, r *langRules, b int) bool {
	toks := ws.toks
	if b+2 >= len(toks) || toks[b].word || ws.text[toks[b].start:toks[b].end] != "," {
		return false
	}
	sent := toks[b-1].sent
	k := b + 1
	if t := &toks[k]; !t.word || t.shape != shapeLower || t.class&wArticle == 0 && !r.indefinite[string(ws.foldOf(t))] {
		return false
	}
	k++
	for m := 0; m < 3 && k < len(toks) && toks[k].sent == sent; m++ {
		t := &toks[k]
		if !t.word || t.shape != shapeLower {
			return false
		}
		f := ws.foldOf(t)
		if t.class&wPlaceNoun != 0 {
			// The noun heads the apposition: "a city councilman" is a person.
			if k+1 < len(toks) && toks[k+1].word && toks[k+1].sent == sent && toks[k+1].class&(wConnector|wLocPrep|wFunction|wCoord) == 0 {
				return false
			}
			return !r.isPersonNoun(f) && t.class&wOrgHead == 0
		}
		if t.class&wAdjective == 0 && !r.isAdjective(f) {
			return false
		}
		k++
	}
	return false
}

// placeCompoundHead reports a hyphenated compound head right after the run
// ending at b that makes its name a place's: "Kessington-based",
// "Norland-born".
func (s *Stage) placeCompoundHead(ws *workspace, r *langRules, b int) bool {
	toks := ws.toks
	if b >= len(toks) || toks[b].word || toks[b].start != toks[b-1].end || r.placeCompoundHeads == nil {
		return false
	}
	w := ws.text[toks[b].start:toks[b].end]
	h, n := hyphenAt(w, 0)
	return h == 0 && r.placeCompoundHeads[fold(w[n:])]
}

// orgNounBefore reports an organisation's noun right before the run at a,
// inside its sentence: "the firm Varnotech", "the Kessington-based company
// Halvorsen".
func (s *Stage) orgNounBefore(ws *workspace, a int) bool {
	toks := ws.toks
	if a < 2 {
		return false
	}
	n := &toks[a-1]
	return n.word && n.shape == shapeLower && n.class&wOrgNoun != 0 && n.sent == toks[a].sent && toks[a-2].sent == n.sent
}

// orgNounFramed reports a lower-case article right before the run [a, b)
// and a lower-case organisation noun right after it, in one sentence: "the
// Lena Varga group" names a group, whatever its words.
func orgNounFramed(ws *workspace, a, b int) bool {
	toks := ws.toks
	if a == 0 || b >= len(toks) {
		return false
	}
	p, n := &toks[a-1], &toks[b]
	return p.word && p.shape == shapeLower && p.class&wArticle != 0 && p.sent == toks[a].sent &&
		n.word && n.shape == shapeLower && n.class&wOrgNoun != 0 && n.sent == toks[a].sent
}

// personParticleInside reports a lower-case person particle ("van",
// "bin") inside the run [a, b), after a capitalised word and before one.
func personParticleInside(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	if len(r.personParticles) == 0 || toks[a].shape != shapeCap || toks[b-1].shape != shapeCap {
		return false
	}
	for k := a + 1; k < b-1; k++ {
		if t := &toks[k]; t.word && t.shape == shapeLower && r.personParticles[string(ws.foldOf(t))] {
			return true
		}
	}
	return false
}

// placeSuffixed reports a word that ends with a street's or a square's
// suffix of the languages whose names run it on ("-straße", "-platz",
// "-gracht"; place_suffixes), with a stem of three letters or more.
func placeSuffixed(ws *workspace, r *langRules, t *tok) bool {
	f := ws.foldOf(t)
	for _, suf := range r.placeSuffixes {
		if len(f) >= len(suf)+3 && string(f[len(f)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// placeInfixed reports a hyphenated word holding one of the language's
// place infixes between hyphens ("Boulogne-sur-Mer").
func placeInfixed(ws *workspace, r *langRules, t *tok) bool {
	if len(r.placeInfixes) == 0 {
		return false
	}
	f := ws.foldOf(t)
	for _, inf := range r.placeInfixes {
		if bytes.Contains(f, []byte(inf)) {
			return true
		}
	}
	return false
}

// passivePersonAfter reports an auxiliary and a participle only people
// undergo right after the name ending at b ("was arrested", "has been
// born", "a été interpellée").
func passivePersonAfter(ws *workspace, r *langRules, b int) bool {
	toks := ws.toks
	if r.passiveAux == nil || b == 0 || b >= len(toks) || !toks[b].word || toks[b].sent != toks[b-1].sent {
		return false
	}
	n := lexicon.Forward(r.passiveAux, sentenceWords{ws, toks[b].sent}, b, len(toks))
	if n == 0 || b+n >= len(toks) {
		return false
	}
	p := &toks[b+n]
	return p.word && p.shape == shapeLower && p.sent == toks[b].sent && r.personParticiples[string(ws.foldOf(p))]
}

// wordAbbreviation reports an alias abbreviating one word with its one
// period at the end ("Tex.", "Calif."); initials ("U.S.") are not.
func wordAbbreviation(alias string) bool {
	return strings.HasSuffix(alias, ".") && strings.Count(alias, ".") == 1
}

// periodMissing reports an alias abbreviating one word, with its period
// ("Tex."), matched by tokens ending at b with no period after them ("Tex
// prices"). Initials ("U.S.") are also written without periods ("US").
func periodMissing(ws *workspace, b int, alias string) bool {
	if !wordAbbreviation(alias) {
		return false
	}
	end := ws.toks[b-1].end
	return ws.text[end-1] != '.' && (end >= len(ws.text) || ws.text[end] != '.')
}

// placeCompound reports a hyphenated capitalised compound ("Bas-Rhin",
// "Pas-de-Calais") after a place preposition, possibly followed by an article
// ("dans le", "in the"), or after a contracted one ("du"): departments and
// regions are named so.
func (s *Stage) placeCompound(ws *workspace, r *langRules, a int) bool {
	t := &ws.toks[a]
	if t.shape != shapeCap || t.class&wGiven != 0 {
		return false
	}
	w := ws.text[t.start:t.end]
	last := -1
	for h, n := hyphenAt(w, 0); h >= 0; h, n = hyphenAt(w, h+n) {
		last = h + n
	}
	if last <= 0 || last >= len(w) || wordShape(w[last+elisionEnd(w[last:]):]) == shapeLower {
		return false
	}
	k := a - 1
	if k >= 0 && ws.toks[k].word && ws.toks[k].shape == shapeLower && ws.toks[k].class&wContracted != 0 {
		return true
	}
	if k >= 0 && ws.toks[k].word && ws.toks[k].class&wArticle != 0 {
		k--
	}
	return k >= 0 && ws.toks[k].word && ws.toks[k].shape == shapeLower && ws.toks[k].class&wLocPrep != 0
}

// qualifiedDemonym reports a run [a, b) that a nationality word ends after
// compass points and common words only ("South Korean", "Native American",
// "Latin American"): a nationality, however many words qualify it.
func (s *Stage) qualifiedDemonym(ws *workspace, a, b int) bool {
	toks := ws.toks
	if b-a < 2 {
		return false
	}
	if _, ok := s.kb.Demonym(ws.text[toks[a].start:toks[b-1].end]); ok {
		return true // "South Korean", "Sri Lankan"
	}
	if !s.isDemonym(ws.text, &toks[b-1]) && !s.isDemonymWord(ws, b-1) {
		return false
	}
	for k := a; k < b-1; k++ {
		t := &toks[k]
		if t.class&(wLocMod|wDict|wAdjective|wCommon) == 0 || t.class&(wGiven|wOrgHead|wLocHead) != 0 || ws.kbEnd[k] > int32(k) && ws.kbEnd[k] >= int32(b) {
			return false
		}
		if t.shape == shapeLower && t.class&wConnector != 0 {
			return false // "Legal Aid for Afghans": a body named for the people it serves
		}
	}
	return true
}

// lowerPhraseElsewhere reports that the words of [a, b), all capitalised
// common words, stand in lower case elsewhere in the document: its writer
// uses them as a phrase, not a name ("Ice Storm Warning", "an ice storm
// warning").
func lowerPhraseElsewhere(ws *workspace, a, b int) bool {
	toks := ws.toks
	phrase := strings.ToLower(ws.text[toks[a].start:toks[b-1].end])
	for i := 0; ; {
		j := strings.Index(ws.text[i:], phrase)
		if j < 0 {
			return false
		}
		at := i + j
		if (at == 0 || !isLetterByte(ws.text[at-1])) && (at+len(phrase) == len(ws.text) || !isLetterByte(ws.text[at+len(phrase)])) {
			return true
		}
		i = at + 1
	}
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// allDict reports whether every word of [a, b) is a common word of the
// language's dictionary (capitalised here).
func allDict(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		if t := &ws.toks[k]; t.word && t.class&wDict == 0 {
			return false
		}
	}
	return true
}

// allNames reports a run of capitalised names, with lower-case particles
// between them ("Fritz van Heerden", "Joost van der Westhuizen").
func allNames(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		t := &ws.toks[k]
		if k > a && k < b-1 && t.word && t.shape == shapeLower && t.class&wParticle != 0 &&
			(ws.toks[a].class&wGiven != 0 || ws.toks[k-1].class&wParticle != 0 && ws.toks[k-1].shape == shapeCap) {
			continue // after a given name or a capitalised particle: "Fritz van Heerden", "Van den Broek", not "Laufe der Jahre"
		}
		if !t.name || t.shape == shapeUpper && !(k > a && k == b-1 && initialDot(ws, k)) ||
			k > a && t.shape == shapeCap && t.class&wArticle != 0 { // "Lena Varga The Associated Press": two names
			return false
		}
	}
	return true
}

// initialDot reports a one-letter capital right before its period ("B." in
// "Karim B."); without the period it may be a grade or a vitamin ("Vitamin C").
func initialDot(ws *workspace, k int) bool {
	if !isInitial(&ws.toks[k]) || k+1 >= len(ws.toks) {
		return false
	}
	n := &ws.toks[k+1]
	return !n.word && n.start == ws.toks[k].end && ws.text[n.start:n.end] == "."
}

// placeOpensInstitution reports a run [a, b) that opens with a known
// place's name, goes on with capitalised words and ends with an
// organisation's head noun ("Kurdistan Democratic Party", "New York Stock
// Exchange"). A run whose head is the place's own noun ("Helmand
// Province") or that the knowledge base knows whole is not one.
// The run may open with a sentence's common word and connectors ("Leaders
// of the Kurdistan Democratic Party"): it returns where the name starts, or
// -1.
func (s *Stage) placeOpensInstitution(ws *workspace, a, b int) int {
	toks := ws.toks
	if t := &toks[a]; t.sentStart && t.shape == shapeCap && t.class&wDict != 0 && t.class&(wOrgHead|wLocHead) == 0 && ws.kbEnd[a] == 0 {
		for a++; a < b && toks[a].shape == shapeLower && toks[a].class&(wConnector|wArticle) != 0 && toks[a].class&wCoord == 0; a++ {
		}
		if a >= b || !toks[a].name {
			return -1
		}
	}
	e := int(ws.kbEnd[a])
	p := ws.kbInfo[a]
	if e <= a || e >= b-1 || p == nil || p.cands[ws.kbCand[a]].entry.Type != kb.LOC {
		return -1
	}
	last := &toks[b-1]
	if (last.shape != shapeCap || last.class&wOrgHead == 0 || last.class&wLocHead != 0) && !s.headOfDomain(ws, e, b) {
		return -1 // "Norland Institute for Security Studies": the head may take its domain
	}
	domain := false // past the head's "of": "Division of Military and Naval Affairs"
	for k := e; k < b; k++ {
		t := &toks[k]
		if !t.word || !t.name && !(t.shape == shapeLower && t.class&wConnector != 0) {
			return -1
		}
		if t.class&wCoord != 0 && !(domain && k+1 < b && toks[k+1].name && toks[k+1].shape != shapeLower) {
			return -1
		}
		if t.shape == shapeLower && t.class&wConnector != 0 && t.class&wCoord == 0 && k > e && toks[k-1].class&wOrgHead != 0 {
			domain = true
		}
	}
	return a
}

// twoPlaces reports one-word place names of the knowledge base at a and
// a+1 ("Jordan", "Henderson").
func twoPlaces(ws *workspace, a int) bool {
	for k := a; k <= a+1; k++ {
		p := ws.kbInfo[k]
		if int(ws.kbEnd[k]) != k+1 || p == nil || p.cands[ws.kbCand[k]].entry.Type != kb.LOC {
			return false
		}
	}
	return true
}

// headThenPlace reports a run [a, b) of an organisation's capitalised head
// and a known place's name ("Radio France", "Banque Misr", "Radio New
// Zealand"), or of an unknown acronym and a country ("STX France").
func (s *Stage) headThenPlace(ws *workspace, a, b int) bool {
	toks := ws.toks
	if b-a < 2 || ws.kbEnd[a] != 0 {
		return false
	}
	if b-a == 3 && toks[a].shape == shapeCap && toks[a].class&wOrgHead != 0 && toks[a].class&wLocHead == 0 &&
		toks[a+1].shape == shapeCap && toks[a+1].class&(wTitle|wAdjective) == 0 && ws.kbEnd[a+1] <= int32(a+1) &&
		ws.kbInfo[a+2] != nil && int(ws.kbEnd[a+2]) == b && ws.kbInfo[a+2].cands[ws.kbCand[a+2]].entry.Type == kb.LOC {
		return true // two places in a row: "Université Paris Nanterre"
	}
	p := ws.kbInfo[a+1]
	if int(ws.kbEnd[a+1]) != b || p == nil {
		return false
	}
	e := p.cands[ws.kbCand[a+1]].entry
	if t := &toks[a]; t.shape == shapeUpper && b-a == 2 && letterCount(ws.text[t.start:t.end]) >= 2 && !t.shouted &&
		t.class&(wNotName|wTitle|wFunction|wArticle|wConnector|wLocPrep) == 0 && (e.Kind == kb.KindCountry || e.Kind == kb.KindCity) {
		return true // "STX France", "UC Berkeley": an unknown acronym and a country or a town, a body's national arm or campus
	}
	return toks[a].shape == shapeCap && toks[a].class&wOrgHead != 0 && toks[a].class&wLocHead == 0 && e.Type == kb.LOC
}

// headBeforePlace reports a body's head inside the run [a, b) that a known
// place ends right after it ("Harbourton College London", "Varnak Radio New
// Zealand"): the place is where the body is, and the name is the body's.
func (s *Stage) headBeforePlace(ws *workspace, a, b int) bool {
	for k := a + 1; k < b-1; k++ {
		if s.headThenPlace(ws, k, b) {
			return true
		}
	}
	return false
}

// placeLedName returns where a firm's or a team's name opens in the run
// [a, b), or -1: a known place, then capitalised words that are no given
// name, no title and no other known name but a small town's ("Southern
// Norland Edison", "the Corvale Tigers", "Norland Independent System
// Operator"). A place and a name glued with no comma or head between are
// one name; a given name that is a place's too opens a person's ("Paris
// Hilton").
func (s *Stage) placeLedName(ws *workspace, r *langRules, a, b int) int {
	toks := ws.toks
	from := a
	if t := &toks[a]; t.class&wArticle != 0 && t.shape == shapeCap && ws.kbEnd[a] == 0 {
		a++
		if !outletTitle(ws, r, from, b) {
			from = a
		}
	}
	if a >= b || toks[a].class&wGiven != 0 || s.isDemonymWord(ws, a) {
		return -1
	}
	if toks[a].class&wLocMod != 0 && toks[a].shape == shapeCap && ws.kbEnd[a] == 0 && a+1 < b {
		a++ // "Southern Oregon Power"
	}
	e := int(ws.kbEnd[a])
	p := ws.kbInfo[a]
	if e <= a || e >= b || p == nil || p.cands[ws.kbCand[a]].entry.Type != kb.LOC {
		return -1
	}
	if toks[b-1].class&(wLocHead|wAdjective) != 0 || s.titleBefore(ws, from) || s.roleAfter(ws, r, b) || s.placeApposition(ws, r, b) ||
		ageAfter(ws, b) || ageInParens(ws, b) || s.creditListBefore(ws, r, from) || e == b-1 && s.placePart(ws, r, a, e) {
		// "the Green Zone": a site, which the head types; "Amara Osei, a
		// nurse", "Vessa Tormund, 21,", "By Aja Tormund": a person; "the
		// Vessa Muslim school": a place and a faith's adjective; "Leeds
		// Southeast": a part of the place
		return -1
	}
	for k := e; k < b; k++ {
		t := &toks[k]
		if !t.word || !t.name || t.number || t.shape == shapeUpper || t.class&(wGiven|wTitle|wNotName|wFunction|wArticle|wConnector|wLocMod) != 0 ||
			s.isDemonym(ws.text, t) || s.isDemonymWord(ws, k) {
			return -1 // "Somali American": a people, not a firm
		}
		if ke := int(ws.kbEnd[k]); ke > k {
			q := ws.kbInfo[k]
			if ke > k+1 || q == nil || q.cands[ws.kbCand[k]].entry.Kind != kb.KindCity || s.majorPlace(ws, ws.text[t.start:t.end]) {
				return -1
			}
		}
	}
	return from
}

// outletTitle reports a capitalised article at a before two or more names
// the last of which ends a newspaper's title ("The Kessel Times").
func outletTitle(ws *workspace, r *langRules, a, b int) bool {
	t := &ws.toks[a]
	return b-a >= 3 && t.class&wArticle != 0 && t.shape == shapeCap && ws.toks[b-1].shape == shapeCap &&
		r.outletHeads[string(ws.foldOf(&ws.toks[b-1]))]
}

// compassAlone reports a capitalised compass point at a inside a sentence,
// after an article or a contracted one, with no name or connector after it
// ("in the North", "dans le Sud", "préfecture du Nord"); "le nord" and "the
// North Atlantic" are not.
func compassAlone(ws *workspace, r *langRules, a int) bool {
	toks := ws.toks
	t := &toks[a]
	if r.compass == nil || t.shape != shapeCap || t.sentStart || t.titleLine || t.shouted || a == 0 || !r.compass[string(ws.foldOf(t))] {
		return false
	}
	p := &toks[a-1]
	if !p.word || p.shape != shapeLower || p.class&(wArticle|wContracted) == 0 || p.sent != t.sent {
		return false
	}
	if a+1 < len(toks) && toks[a+1].sent == t.sent {
		n := &toks[a+1]
		if n.word && (n.name || n.class&wConnector != 0 && n.shape == shapeLower) {
			return false
		}
	}
	return true
}

// namedBody reports common words that an organisation's head ends,
// capitalised inside a sentence after "the" ("the City Council voted", "the
// High Court ruled"): the body of the place or country the article is about,
// named as its own documents name it.
func (s *Stage) namedBody(ws *workspace, a, b int) bool {
	toks := ws.toks
	last := &toks[b-1]
	if last.class&wOrgHead == 0 || last.shape != shapeCap || toks[a].sentStart || toks[a].titleLine || toks[a].shouted || a == 0 {
		return false
	}
	p := &toks[a-1]
	// The article in lower case, or capitalised as the sentence's first
	// word ("The Supreme Court ruled"), the same body either way.
	return p.word && (p.shape == shapeLower || p.shape == shapeCap && p.sentStart && !p.titleLine) && p.class&wArticle != 0 && p.sent == toks[a].sent
}

// namedSite reports common words that a place's head ends, capitalised
// inside a sentence ("Liberty Park", "the Green Zone", "Red Square"): a
// site's name, where "the Interior Ministry" is any country's body.
func (s *Stage) namedSite(ws *workspace, a, b int) bool {
	toks := ws.toks
	f, l := &toks[a], &toks[b-1]
	return l.shape == shapeCap && l.class&wLocHead != 0 && l.class&wOrgHead == 0 && !f.sentStart && !f.titleLine &&
		f.shape == shapeCap && f.class&(wTitle|wFunction|wArticle) == 0 && !s.isDemonym(ws.text, f)
}

// headOfDomain reports an institution's head noun followed by a connector
// and its domain in the run [a, b) ("Ministry of Defence", "Council for
// Water Security"): capitalised so, the common words name one body.
func (s *Stage) headOfDomain(ws *workspace, a, b int) bool {
	toks := ws.toks
	for k := a; k+2 < b; k++ {
		h, c := &toks[k], &toks[k+1]
		if h.shape == shapeCap && h.class&wOrgHead != 0 && c.shape == shapeLower && c.class&wConnector != 0 && c.class&wCoord == 0 {
			return true
		}
	}
	return false
}

// pairedOutlet returns the end of a newspaper's name made of two newspaper
// words and a coordinator ("The Post and Courier", "the News & Observer")
// when the run [a, b) is the first word, maybe after an article, or 0. A
// third capitalised word after them makes it two papers' names.
func pairedOutlet(ws *workspace, r *langRules, a, b int) int {
	toks := ws.toks
	h := a
	if toks[a].class&wArticle != 0 {
		h++
	}
	if h != b-1 || b+2 > len(toks) || len(r.outletHeads) == 0 {
		return 0
	}
	c, o := &toks[b], &toks[b+1]
	outlet := func(t *tok) bool { return t.word && t.shape == shapeCap && r.outletHeads[string(ws.foldOf(t))] }
	coord := c.sent == toks[h].sent && (c.word && c.shape == shapeLower && c.class&wCoord != 0 || !c.word && ws.text[c.start:c.end] == "&")
	if !outlet(&toks[h]) || !coord || !outlet(o) || o.sent != c.sent {
		return 0
	}
	if n := b + 2; n < len(toks) && toks[n].word && toks[n].shape != shapeLower && toks[n].sent == o.sent {
		return 0
	}
	return b + 2
}

// afterClock reports a word right after a clock time, with or without am
// or pm, that ends the clause or comes before a preposition ("11:05 IST",
// "3:49 pm AEST on Monday"): a time zone's letters. An actor acts after
// it ("at 10:30 KLF fighters struck").
func afterClock(ws *workspace, a int) bool {
	toks := ws.toks
	if n := a + 1; n < len(toks) && toks[n].word && toks[n].sent == toks[a].sent && toks[n].class&(wFunction|wConnector|wLocPrep) == 0 {
		return false
	}
	p := a - 1
	if p >= 0 && toks[p].word && toks[p].shape == shapeLower && toks[p].sent == toks[a].sent {
		switch strings.TrimRight(ws.text[toks[p].start:toks[p].end], ".") {
		case "am", "pm", "a.m", "p.m":
			p--
		}
	}
	return p >= 2 && toks[p].number && toks[p-2].number && !toks[p-1].word && ws.text[toks[p-1].start:toks[p-1].end] == ":" &&
		toks[p-1].start == toks[p-2].end && toks[p].start == toks[p-1].end
}

// localOffice returns the end of a body's lower-case name right after a
// place's name ending at b, or 0: one or two lower-case words ending in a
// title and its possessive, or an organisation's head word, then an office
// noun ("prosecutor's office", "district attorney's office", "police
// department"), all in the name's sentence.
func (s *Stage) localOffice(ws *workspace, r *langRules, b int) int {
	toks := ws.toks
	lower := func(k int) bool {
		return k < len(toks) && toks[k].word && toks[k].shape == shapeLower && !toks[k].number && toks[k].sent == toks[b-1].sent
	}
	office := func(k int) bool { return lower(k) && r.possessiveHeads[string(ws.foldOf(&toks[k]))] }
	for k := b; k < b+2 && lower(k) && !s.isClitic(ws, k); k++ {
		t := &toks[k]
		if t.class&wTitle != 0 && s.isClitic(ws, k+1) && office(k+2) {
			return k + 3
		}
		if t.class&wOrgHead != 0 && office(k+1) {
			return k + 2
		}
	}
	return 0
}

// bodyInSentence reports capitalised common words inside a sentence that
// an organisation's head word ends ("said Defence Ministry officials",
// "Security Council members"): an institution's name, article or not. A
// sentence's first word or a headline's capitals prove nothing ("Italian
// Police").
func bodyInSentence(ws *workspace, a, b int) bool {
	toks := ws.toks
	h := &toks[b-1]
	return !toks[a].sentStart && !toks[a].titleLine && h.shape == shapeCap && h.class&wOrgHead != 0 && h.class&wTitle == 0
}

// roleAfter reports an apposition naming a person's role right after the
// name ending at b: a comma, maybe an article or a determiner and an
// adjective, then a lower-case title or noun for a person (", president
// of", ", a former nurse", ", le porte-parole de"). A place's apposition
// names a place ("Kessel, a town in the north").
func (s *Stage) roleAfter(ws *workspace, r *langRules, b int) bool {
	toks := ws.toks
	if b+1 >= len(toks) || toks[b].word || ws.text[toks[b].start:toks[b].end] != "," {
		return false
	}
	sent := toks[b-1].sent
	lower := func(k int) *tok {
		if k >= len(toks) || !toks[k].word || toks[k].sent != sent || toks[k].shape != shapeLower || toks[k].number {
			return nil
		}
		return &toks[k]
	}
	k := b + 1
	if k+1 < len(toks) {
		// ", CEO of Snap", ", President of Norland": a capitalised title
		// with its complement.
		if u, c := &toks[k], &toks[k+1]; u.word && u.shape != shapeLower && u.sent == sent && u.class&wTitle != 0 && u.class&wGiven == 0 &&
			c.word && c.shape == shapeLower && c.class&wConnector != 0 && c.sent == sent {
			return true
		}
	}
	if t := lower(k); t != nil && t.class&wArticle != 0 {
		k++
	}
	// Up to five modifiers: adjectives, names and their compounds ("a
	// former nurse", "the Norland-born actor", "the Kabul-based analyst"),
	// and an owner's nouns with its possessive ("the transit agency's
	// deputy director").
	for m := 0; m < 5 && k < len(toks) && toks[k].sent == sent; m++ {
		u := &toks[k]
		switch {
		case !u.word && u.start == toks[k-1].end: // "-born" glued to the name before, a possessive's apostrophe
		case u.word && u.shape != shapeLower && !u.number:
		case u.word && u.shape == shapeLower && u.class&wTitle == 0 && (u.class&wAdjective != 0 || r.isAdjective(ws.foldOf(u))) && !r.isPersonNoun(ws.foldOf(u)):
		case u.word && u.shape == shapeLower && u.class&(wFunction|wConnector|wArticle|wCoord|wPersonVerb) == 0 && !u.number && s.possessiveWithin(ws, k, 2):
		case u.word && u.start == toks[k-1].end && (ws.text[u.start:u.end] == "s" || ws.text[u.start:u.end] == "'s" || ws.text[u.start:u.end] == "’s"): // the possessive
		default:
			m = 5
			continue
		}
		k++
	}
	t := lower(k)
	if t == nil || t.class&wTitle == 0 && !r.isPersonNoun(ws.foldOf(t)) {
		return false
	}
	for u := lower(k + 1); u != nil && (u.class&wTitle != 0 || r.isPersonNoun(ws.foldOf(u))); u = lower(k + 1) {
		k++ // "deputy director", "vice president"
	}
	// The role's noun ends the apposition or takes its complement
	// (", president of", ", a nurse, said"); a verb after it makes it a
	// new clause's subject (", puis un suspect a été arrêté").
	if k+1 >= len(toks) || toks[k+1].sent != sent {
		return true
	}
	n := &toks[k+1]
	return !n.word || n.class&(wConnector|wParticle) != 0 && n.shape == shapeLower
}

// possessiveWithin reports a possessive ending ("'s", "’s") on token k or
// one of the n tokens after it, in its sentence.
func (s *Stage) possessiveWithin(ws *workspace, k, n int) bool {
	toks := ws.toks
	for j := k; j <= k+n && j+1 < len(toks) && toks[j].sent == toks[k].sent; j++ {
		if !toks[j].word || toks[j+1].start != toks[j].end {
			continue
		}
		switch ws.text[toks[j+1].start:toks[j+1].end] {
		case "'s", "’s":
			return true
		case "'", "’":
			if j+2 < len(toks) && toks[j+2].start == toks[j+1].end && ws.text[toks[j+2].start:toks[j+2].end] == "s" {
				return true
			}
		}
	}
	return false
}

// roleNoun reports a capitalised common noun that denotes a person
// ("Coach", "Defender", "Infirmière") opening the run [a, b) before two or
// more names with no head of an institution or a place: the person's role,
// as a title would be, and not part of the name ("Coach Berti Vogts").
func (s *Stage) roleNoun(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	t := &toks[a]
	if t.shape != shapeCap || t.class&wDict == 0 || t.class&(wGiven|wOrgHead|wLocHead|wTitle|wHonorific) != 0 || b-a < 3 {
		return false
	}
	if !allNames(ws, a+1, b) || headWordIn(ws, a+1, b) {
		return false
	}
	return !allDict(ws, a+1, b) && r.isPersonNoun(ws.foldOf(t))
}

// initialJoins reports the period of an initial at j-1 inside a person's
// name: the run [i, j-1) holds only given names and initials, and a
// capitalised name follows in the sentence ("John F. Kennedy", "P. Simmons",
// "H. G. Wells"). After other words the letter may be a grade or a group
// ("Group C. Japan won").
func (s *Stage) initialJoins(ws *workspace, i, j int) bool {
	toks := ws.toks
	if j+1 >= len(toks) || !initialDot(ws, j-1) {
		return false
	}
	n := &toks[j+1]
	if gap := ws.text[toks[j].end:n.start]; !n.word || !n.name || n.skip || n.sent != toks[i].sent || n.class&wNotName != 0 || gap != " " && gap != "\u00a0" ||
		s.isDemonym(ws.text, n) {
		return false // "S. African": an abbreviation before a nationality
	}
	// Back over the name's given names and initials to the run's start or
	// to a coordination ("Marta and T. R. Okafor"), where the run is cut.
	for k := j - 2; k >= i; k-- {
		t := &toks[k]
		switch {
		case isInitial(t) || t.class&wGiven != 0 || !t.word && ws.text[t.start:t.end] == ".":
		case t.shape == shapeCap && (s.givenCommon[string(ws.foldOf(t))] || t.class&(wDict|wTitle|wFunction|wArticle) == 0 && !t.sentStart):
			// "Spencer K. Hsu": a first name that is a common word too; an
			// unknown one ("Oyelaran K. Temidayo") inside the sentence
		case t.shape == shapeLower && t.class&wCoord != 0:
			return true
		case t.shape == shapeCap && t.class&(wTitle|wHonorific) != 0 && t.class&wGiven == 0 && k < j-2:
			return true // "Tax Commissioner Lena K. Varga": a title before the given names
		case k == i && t.sentStart && t.class&(wFunction|wByline) != 0:
			return true // "Par E. Nurdin", "By J. Roe": the byline's cue opens the run
		case t.shape == shapeCap && k < j-2 && toks[k+1].class&wGiven != 0 && toks[k+1].shape == shapeCap:
			return true // "Secretary of State Lena W. Tessler": a first name opens the person's name after the office's words
		default:
			return false
		}
	}
	return true
}

// ampersandJoins reports an ampersand at j between two capitalised names of
// one sentence, the run not opened by a byline's cue: firms are named so
// ("Douglas & Lomason", "A.G. Edwards & Sons"); bylines list their authors
// ("By Lena Varga & Tom Ashby").
func (s *Stage) ampersandJoins(ws *workspace, i, j int) bool {
	toks := ws.toks
	if j+1 >= len(toks) || toks[j].word || ws.text[toks[j].start:toks[j].end] != "&" {
		return false
	}
	n := &toks[j+1]
	if !n.word || !n.name || n.skip || n.sent != toks[i].sent || n.class&wNotName != 0 ||
		strings.ContainsAny(ws.text[toks[j-1].end:n.start], "\n\r") {
		return false // one line: "Program\n& Lena Varga" lists two things
	}
	return toks[i].class&wByline == 0 && !(i > 0 && toks[i-1].word && toks[i-1].class&wByline != 0)
}

// hasAmpersand reports an ampersand inside the run [a, b).
func hasAmpersand(ws *workspace, a, b int) bool {
	for k := a + 1; k < b-1; k++ {
		if t := &ws.toks[k]; !t.word && ws.text[t.start:t.end] == "&" {
			return true
		}
	}
	return false
}

// initialsOpen reports a run [a, b) that opens with an initial and its
// period and ends with a longer capitalised word: "P. Simmons", "J.R.
// Varga": a person's name.
func initialsOpen(ws *workspace, a, b int) bool {
	toks := ws.toks
	if b-a < 2 {
		return false
	}
	// A surname in capitals, as bylines write it ("E. VARGA"), not an
	// acronym the KB knows.
	if l := &toks[b-1]; l.shape != shapeCap && !(l.shape == shapeUpper && letterCount(ws.text[l.start:l.end]) >= 3 && ws.kbEnd[b-1] == 0) {
		return false
	}
	if initialDot(ws, a) {
		return true
	}
	// "J.R." read as one token: letters each followed by a period.
	w := ws.text[toks[a].start:toks[a].end]
	if a+1 < b && !toks[a+1].word && toks[a+1].start == toks[a].end && ws.text[toks[a+1].start:toks[a+1].end] == "." {
		w += "."
	}
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for k := 0; k < len(w); k += 2 {
		if w[k] < 'A' || w[k] > 'Z' || w[k+1] != '.' {
			return false
		}
	}
	return true
}

// initialInside reports an initial's period joining two capitalised words
// of the run [a, b) ("John F. Kennedy").
func (s *Stage) initialInside(ws *workspace, a, b int) bool {
	for k := a + 1; k < b-1; k++ {
		if initialDot(ws, k) && k+2 < b {
			return true
		}
	}
	return false
}

// isInitial reports a one-letter capital, as in "Karim B.".
func isInitial(t *tok) bool { return t.word && t.shape == shapeUpper && t.end-t.start == 1 }

// titleBefore reports a title or role right before token a ("President",
// "Mr.", "mullah"), skipping an abbreviation's period.
// titledName reports whether token i belongs to a run of capitalised
// names that a person's title opens ("Attorney General Merrick Garland").
func (s *Stage) titledName(ws *workspace, i int) bool {
	k := i
	for k > 0 && ws.toks[k-1].word && ws.toks[k-1].name && ws.toks[k-1].class&wTitle == 0 && ws.toks[k-1].sent == ws.toks[i].sent && i-k < 3 {
		k--
	}
	return s.titleBefore(ws, k)
}

// nameAfter reports a capitalised name right after token i in its
// sentence, no head and no title.
func (s *Stage) nameAfter(ws *workspace, i int) bool {
	if i+1 >= len(ws.toks) {
		return false
	}
	u := &ws.toks[i+1]
	return u.word && u.name && u.shape == shapeCap && u.start > ws.toks[i].end && u.sent == ws.toks[i].sent && u.class&(wTitle|wOrgHead|wLocHead) == 0
}

// nameInPerson reports that the capitalised word i stands in a person's
// name: a first name before a name word ("Iris Varga"), or a name word after
// a first name ("Ayn Rand").
func (s *Stage) nameInPerson(ws *workspace, i int) bool {
	t := &ws.toks[i]
	if t.shape != shapeCap {
		return false
	}
	if (t.class&wGiven != 0 || s.givenCommon[string(ws.foldOf(t))]) && s.nameAfter(ws, i) {
		return true
	}
	if i == 0 {
		return false
	}
	p := &ws.toks[i-1]
	return p.word && p.shape == shapeCap && p.class&wGiven != 0 && p.class&(wTitle|wOrgHead|wLocHead) == 0 && p.sent == t.sent && t.start > p.end && int(ws.kbEnd[i-1]) <= i
}

// bodyOfPlace reports capitalised words [a, k-1) inside a sentence, then
// "of" or "for" at k-1 before a known place at k: the name of a body serving
// the place ("Crime Watchers of Ohio", "Transport for London"). Titles
// ("Governor of Texas"), events ("Battle of Mosul"), heads of places ("Gulf
// of Aden"), given names and words opening a sentence or a headline are no
// such words; one word alone must be a word of the language ("Friends of Syria").
func (s *Stage) bodyOfPlace(ws *workspace, a, k int) bool {
	toks := ws.toks
	c := k - 1
	if c-a < 1 || c-a > 4 || !toks[c].word || toks[c].shape != shapeLower || !ws.rules.bodyConnectors[string(ws.foldOf(&toks[c]))] {
		return false
	}
	p := ws.kbInfo[k]
	if p == nil || p.cands[ws.kbCand[k]].entry.Type != kb.LOC {
		return false
	}
	if c-a == 1 && toks[a].class&wDict == 0 {
		return false // "Vessenborg of Norway", "Kessler of Vessa": a name and where it is from
	}
	for j := a; j < c; j++ {
		t := &toks[j]
		if !t.word || t.number || t.shape != shapeCap || t.sentStart || t.titleLine || t.segStart || ws.kbEnd[j] != 0 ||
			t.class&(wTitle|wHonorific|wGiven|wNonEntity|wLocHead|wOrgHead|wFunction|wArticle|wNotName) != 0 {
			return false
		}
	}
	return true
}

// lowerConnectorIn reports a lower-case connector among tokens [a, b).
func lowerConnectorIn(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		if t := &ws.toks[k]; t.word && t.shape == shapeLower && t.class&wConnector != 0 {
			return true
		}
	}
	return false
}

// coordIn reports a coordinator among tokens [a, b).
func coordIn(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		if ws.toks[k].word && ws.toks[k].class&wCoord != 0 {
			return true
		}
	}
	return false
}

// roleTail returns where the capitalised common words that end the run
// [a, b) in a noun for people start ("… Senior Politics Editor", "… Staff
// Writer"), or b when the run does not end so. A head of a body or place
// among them makes them a name ("… Harbourton Police Officer" is not cut
// here).
func roleTail(ws *workspace, r *langRules, a, b int) int {
	toks := ws.toks
	last := &toks[b-1]
	if last.class&wGiven != 0 && last.class&wTitle == 0 {
		return b
	}
	titled := false
	k := b
	for k > a && toks[k-1].word && toks[k-1].shape == shapeCap && toks[k-1].class&(wDict|wTitle|wAdjective|wCommon) != 0 &&
		(toks[k-1].class&wGiven == 0 || toks[k-1].class&wTitle != 0) && toks[k-1].class&(wOrgHead|wLocHead) == 0 && ws.kbEnd[k-1] == 0 {
		titled = titled || toks[k-1].class&wTitle != 0
		k--
	}
	if k == b || !titled && !(last.class&wDict != 0 && r.isPersonNoun(ws.foldOf(last))) {
		return b
	}
	if k == b-1 && toks[k-1].class&wGiven != 0 {
		return b // "Martin Luther King": one title word right after a first name is the surname
	}
	return k
}

// capsSurnameEnd returns the end of a byline's name written "Oru
// KESSEL" at the start of the run [a, b) when capitalised common words
// follow it ("Oru KESSEL Envoyés spéciaux"): the change of case ends the
// name. It returns b otherwise.
func capsSurnameEnd(ws *workspace, a, b int) int {
	toks := ws.toks
	for k := a + 1; k < b-1; k++ {
		t := &toks[k]
		if t.shape != shapeUpper || letterCount(ws.text[t.start:t.end]) < 3 {
			if t.shape != shapeCap || t.class&wDict != 0 {
				return b
			}
			continue
		}
		for e := k + 1; e < b; e++ {
			if u := &toks[e]; !u.word || u.shape != shapeCap || u.class&wDict == 0 || u.class&(wOrgHead|wLocHead) != 0 {
				return b
			}
		}
		return k + 1
	}
	return b
}

// roleNounBefore reports a lower-case noun for people right before token a
// in its sentence ("billionaire", "gunman", "l'actrice"): the noun says what
// the name after it is, as a title does, unless it describes firms and
// teams as well ("rival", "champions": firm_role_nouns).
func (s *Stage) roleNounBefore(ws *workspace, r *langRules, a int) bool {
	if a == 0 {
		return false
	}
	t := &ws.toks[a-1]
	if !t.word || t.shape != shapeLower || t.sent != ws.toks[a].sent || t.class&(wFunction|wConnector|wArticle) != 0 {
		return false
	}
	f := ws.foldOf(t)
	if n := len(f); n > 3 && (f[n-1] == 's' || f[n-1] == 'x') && r.isPersonNoun(f[:n-1]) {
		return false // "deux agents Vessanergie", "les combattants Wagner": people of a body
	}
	return r.isPersonNoun(f) && !r.firmRoleNouns[string(f)]
}

// personFrame reports a sentence that speaks of the name at a..b as a
// person: a role noun before it, or set apart by a comma ("the campaign
// manager, Kellan Conway,"), a title, a role after it, or a speech verb
// ("Kellan Conway said").
func (s *Stage) personFrame(ws *workspace, r *langRules, a, b int) bool {
	toks := ws.toks
	if s.roleNounBefore(ws, r, a) || s.titleBefore(ws, a) || s.roleAfter(ws, r, b) {
		return true
	}
	if a >= 2 && !toks[a-1].word && ws.text[toks[a-1].start:toks[a-1].end] == "," && toks[a-1].sent == toks[a].sent && s.roleNounBefore(ws, r, a-1) {
		return true
	}
	return b < len(toks) && toks[b].word && toks[b].sent == toks[a].sent && toks[b].class&wPersonVerb != 0 &&
		r.personVerbs[strings.ToLower(ws.text[toks[b].start:toks[b].end])]
}

func (s *Stage) titleBefore(ws *workspace, a int) bool {
	k := a - 1
	if k >= 0 && !ws.toks[k].word && ws.toks[k].end-ws.toks[k].start == 1 && ws.toks[k].foldEnd == ws.toks[k].foldStart {
		k-- // "Mr" + "."
	}
	// One sentence: "said the ambassador. Fighting went on" ends one.
	return k >= 0 && ws.toks[k].word && ws.toks[k].class&wTitle != 0 && ws.toks[k].sent == ws.toks[a].sent
}
