// Package mentions finds the names of people, organisations and places in a
// document and groups them into in-document entities.
//
// Three sources feed it, in order of trust: the knowledge base (every name and
// alias, matched as folded token sequences so that "les talibans" or
// "Direction générale de la sécurité intérieure" are found), a proper-name
// chunker (runs of capitalised tokens joined by particles and connectors from
// the lexicon), and typing cues (head nouns, titles, given names, context
// words). Aliases inside one document (surnames, acronym definitions, "also
// known as") are then grouped, see coref.go.
package mentions

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/lexicon"
)

// Sources of a mention (dossier.Mention.Source).
const (
	SourceKB      = "kb"
	SourcePattern = "pattern"
)

// Stage finds mentions and fills Document.Mentions and Document.Entities.
// It is immutable once built and safe for concurrent use.
type Stage struct {
	kb     *kb.KB
	byLang map[string]*langRules
	union  *langRules
	gaz    *gazetteer
	pool   sync.Pool // *workspace
	// givenCommon: folded first names that are common words too ("brad",
	// "dale", "pierre"), of every language: a person's name opens with one
	// only before a surname that is no word (see givenBeforeSurname).
	givenCommon map[string]bool
	// givenPlace: folded first names that are places' names too ("jordan",
	// "sydney"): before a surname they open a person's name.
	givenPlace map[string]bool
	// namedType: the type of the names a general dictionary holds, folded
	// ("beethoven": PER, "azores": LOC, "hamas": ORG): a name the knowledge
	// base does not know is typed by it before any default.
	namedType map[string]string
}

// New compiles the lexicons of every language and indexes the KB's names.
func New(lex *lexicon.Set, k *kb.KB) (*Stage, error) {
	if lex == nil || k == nil {
		return nil, errors.New("mentions: nil lexicon or knowledge base")
	}
	byLang, union, err := loadRules(lex)
	if err != nil {
		return nil, err
	}
	givenCommon, err := loadGivenCommon(lex)
	if err != nil {
		return nil, err
	}
	givenPlace, err := loadFoldedList(lex, PartGivenPlaces)
	if err != nil {
		return nil, err
	}
	namedType, err := loadNamedTypes(lex)
	if err != nil {
		return nil, err
	}
	s := &Stage{kb: k, byLang: byLang, union: union, gaz: newGazetteer(k, unionArticles(union)), givenCommon: givenCommon, givenPlace: givenPlace, namedType: namedType}
	s.pool.New = func() any { return &workspace{} }
	return s, nil
}

// unionArticles lists the articles of every language.
func unionArticles(union *langRules) map[string]bool {
	articles := map[string]bool{}
	for w, c := range union.words {
		if c&wArticle != 0 {
			articles[w] = true
		}
	}
	return articles
}

// Name implements dossier.Stage.
func (s *Stage) Name() string { return "mentions" }

func (s *Stage) rulesFor(lang string) *langRules { return lexicon.ForLang(s.byLang, s.union, lang) }

// givenBeforeSurname marks as given names the first names that are common
// words too ("Brad", "Dale", "Pierre") where a capitalised word that is no
// word of the language, no head and no title follows them in the sentence
// ("Brad Pitt", "Dale Anderson"); "Rose Garden" and a headline's "Bill
// Passes" stay words. At a sentence's start, before another given name, the
// word is a first name only when an age follows ("Zoe Nelson, 31, …").
func (s *Stage) givenBeforeSurname(ws *workspace) {
	if len(s.givenCommon) == 0 {
		return
	}
	toks := ws.toks
	for i := 0; i+1 < len(toks); i++ {
		t, n := &toks[i], &toks[i+1]
		if !t.word || t.shape != shapeCap || t.titleLine || t.shouted ||
			t.class&(wGiven|wTitle|wLocMod|wOrgHead|wLocHead|wFunction|wArticle|wConnector|wCoord|wNotName|wAdjective|wCommon|wParticle) != 0 ||
			!n.word || n.number || n.shape != shapeCap || n.sent != t.sent || n.start <= t.end ||
			n.class&(wDict|wOrgHead|wLocHead|wTitle|wFunction|wCommon|wNotName|wArticle|wLocMod) != 0 ||
			t.sentStart && n.class&wGiven != 0 && !ageAfter(ws, i+2) {
			continue // "North Devon", "Major Karim", "Even George", "Camp Vessa": no first name
		}
		if s.givenCommon[string(ws.foldOf(t))] {
			t.class |= wGiven
		}
	}
}

// rolesAsTitles marks as titles the capitalised singular nouns that denote
// people ("Supervisor", "Chairman", "Actress": the language's person_nouns)
// standing where a title stands: right before a given name ("Supervisor
// Lena Varga") or before "of" and a name ("Chairman of the Harbourton Port
// Authority"). The title lexicon cannot list every office; the noun's
// meaning and its place say the same. Plurals are left alone: they open
// organisations' names ("Friends of the Earth", "Sons of Liberty"); so
// does a name particle ("Champ de Vessa"). A known name is no title ("la
// Suisse pour …": the country, which the dictionary also lists as a Swiss).
func (s *Stage) rolesAsTitles(ws *workspace, r *langRules) {
	toks := ws.toks
	known := 0 // the end of the knowledge-base name covering token i
	for i := 0; i+1 < len(toks); i++ {
		if e := int(ws.kbEnd[i]); e > i {
			known = e
		}
		t, n := &toks[i], &toks[i+1]
		// An organisation's head that denotes a person too is a title
		// right before a given name ("Police Commissioner Mara
		// Tolsen"), as an office's head is ("the Information Commissioner").
		headOfPerson := t.class&wOrgHead != 0 && n.word && n.shape == shapeCap && n.class&wGiven != 0
		if i < known || !t.word || t.number || t.shape != shapeCap || t.shouted ||
			t.class&(wTitle|wGiven|wLocHead|wHonorific|wFunction|wArticle|wNotName) != 0 || t.class&wOrgHead != 0 && !headOfPerson || t.class&wDict == 0 ||
			!n.word || n.sent != t.sent || n.number {
			continue
		}
		w := ws.text[t.start:t.end]
		// After a title, before a name no dictionary holds, a noun for
		// people is the title's second word ("Chief Executive Oru
		// Kessel"), also one the adjective lists in the plural only.
		afterTitle := i > 0 && toks[i-1].word && toks[i-1].shape == shapeCap && toks[i-1].class&wTitle != 0 && toks[i-1].sent == t.sent &&
			n.shape == shapeCap && n.class&(wDict|wTitle) == 0
		if strings.HasSuffix(w, "s") {
			continue
		}
		if !r.isPersonNoun(ws.foldOf(t)) {
			if ws.key = append(append(ws.key[:0], ws.foldOf(t)...), 's'); !afterTitle || !r.isPersonNoun(ws.key) {
				continue
			}
		}
		switch {
		case n.shape == shapeCap && n.class&wGiven != 0:
		case afterTitle:
		case n.shape == shapeLower && n.class&wConnector != 0 && n.class&(wArticle|wParticle) == 0 && i+2 < len(toks) && toks[i+2].sent == t.sent &&
			(toks[i+2].name || toks[i+2].shape == shapeLower && toks[i+2].class&wArticle != 0):
		default:
			continue
		}
		t.class |= wTitle
	}
}

// notPlacePreps clears the place-preposition class of a preposition that
// ends one of the language's not_place_preps phrases ("according to Lena
// Varga", "spoke to the Harbourton Herald"): what follows is a source or an
// addressee, not a place.
func notPlacePreps(ws *workspace, r *langRules) {
	if r.notPlacePreps.Len() == 0 {
		return
	}
	for i := range ws.toks {
		t := &ws.toks[i]
		if t.word && t.class&wLocPrep != 0 && lexicon.Backward(r.notPlacePreps, sentenceWords{ws, t.sent}, i, 0) > 0 {
			t.class &^= wLocPrep
		}
	}
}

// markResidents flags the lower-case resident nouns ("man", "teenager")
// and the capitalised member words ("Democrats").
func markResidents(ws *workspace, r *langRules) {
	if len(r.residentNouns) == 0 && len(r.memberWords) == 0 {
		return
	}
	for i := range ws.toks {
		t := &ws.toks[i]
		if !t.word {
			continue
		}
		if t.shape == shapeLower && r.residentNouns[string(ws.foldOf(t))] || t.shape == shapeCap && r.memberWords[string(ws.foldOf(t))] {
			t.resident = true
		}
	}
}

// countedMembers takes the knowledge base's party away from a member word
// that a number or a quantity counts ("two Republicans", "many Democrats"):
// people of the party, not the party.
func countedMembers(ws *workspace) {
	for k := 1; k < len(ws.toks); k++ {
		t, p := &ws.toks[k], &ws.toks[k-1]
		if t.resident && int(ws.kbEnd[k]) == k+1 && p.word && p.sent == t.sent && (p.number || p.shape == shapeLower && p.class&wCommon != 0) {
			ws.kbEnd[k], ws.kbInfo[k] = 0, nil
		}
	}
}

// Document states of workspace.sports.
const (
	sportsUnknown uint8 = iota
	sportsNo
	sportsYes
)

// sportsDoc reports whether the document uses one of the language's
// sports_words ("standings", "league", "football"): its tables of names and
// numbers are then results and standings.
func sportsDoc(ws *workspace) bool {
	if ws.sports == sportsUnknown {
		ws.sports = sportsNo
		for k := range ws.toks {
			if t := &ws.toks[k]; t.word && !t.number && ws.rules.sportsWords[string(ws.foldOf(t))] {
				ws.sports = sportsYes
				break
			}
		}
	}
	return ws.sports == sportsYes
}

// standingsRow reports a name [a, b) that opens its line and is followed to
// the line's end by three numbers or more and their punctuation only
// ("DETROIT 15 9 4 81 53 34", "Kessel 13 3 .813"): a row of a standings
// table, in a document about sport.
func standingsRow(ws *workspace, a, b int) bool {
	toks := ws.toks
	if len(ws.rules.sportsWords) == 0 || a > 0 && !strings.Contains(ws.text[toks[a-1].end:toks[a].start], "\n") {
		return false
	}
	numbers := 0
	for k := b; k < len(toks); k++ {
		if k > b && strings.Contains(ws.text[toks[k-1].end:toks[k].start], "\n") {
			break
		}
		switch t := &toks[k]; {
		case t.number:
			numbers++
		case t.word:
			return false
		case k > b && k+1 < len(toks) && toks[k-1].end == t.start && t.end == toks[k+1].start:
			if p := ws.text[t.start:t.end]; (p == "-" || p == "/") && numbers < 3 {
				return false // "LONDON 1996-08-30": a dateline's date ("5 1/2" games behind is the row's)
			}
		}
	}
	return numbers >= 3 && sportsDoc(ws)
}

// lineEdge reports whether a line break (or the text's edge) lies between
// tokens k-1 and k.
func lineEdge(ws *workspace, k int) bool {
	return k <= 0 || k >= len(ws.toks) || strings.Contains(ws.text[ws.toks[k-1].end:ws.toks[k].start], "\n")
}

// fixtureLine reports a name [a, b) on a line of two names and a versus word
// between them, nothing else ("NEW YORK AT MIAMI", "Kessel v Dorun"), in a
// document about sport: a fixture, its names teams.
func fixtureLine(ws *workspace, a, b int) bool {
	toks := ws.toks
	if len(ws.rules.versusWords) == 0 {
		return false
	}
	names := func(i, j int) bool { // tokens [i, j) are capitalised words, j > i
		if j <= i {
			return false
		}
		for k := i; k < j; k++ {
			if !capitalWord(&toks[k]) {
				return false
			}
		}
		return true
	}
	versus := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].word && ws.rules.versusWords[string(ws.foldOf(&toks[k]))]
	}
	switch {
	case lineEdge(ws, a) && versus(b) && !lineEdge(ws, b) && !lineEdge(ws, b+1):
		e := b + 1
		for e < len(toks) && !lineEdge(ws, e) {
			e++
		}
		return names(b+1, e) && sportsDoc(ws)
	case lineEdge(ws, b) && versus(a-1) && !lineEdge(ws, a-1) && !lineEdge(ws, a):
		s := a - 1
		for s > 0 && !lineEdge(ws, s) {
			s--
		}
		return names(s, a-1) && sportsDoc(ws)
	}
	return false
}

// residentAfter reports a resident noun right after the name ending at
// token b, in its sentence: the name is the place the person is from.
func residentAfter(ws *workspace, b int) bool {
	return b > 0 && b < len(ws.toks) && ws.toks[b].resident && ws.toks[b].sent == ws.toks[b-1].sent
}

// teamContext reports that the name of tokens [a, b) is a team's: a
// match's result follows or precedes it ("Kessel beat Dorun", "lost to
// Kessel"), or a score stands after it in a line of results ("Kessel 2
// Dorun 1").
func teamContext(ws *workspace, a, b int) bool {
	r, toks := ws.rules, ws.toks
	if r == nil || a <= 0 && b >= len(toks) {
		return false
	}
	sent := toks[a].sent
	words := sentenceWords{ws, sent}
	if b < len(toks) && lexicon.Forward(r.teamVerbs, words, b, len(toks)) > 0 {
		return true
	}
	if a > 0 && lexicon.Backward(r.teamObjects, words, a-1, 0) > 0 {
		return true
	}
	score := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].number && toks[k].end-toks[k].start <= 3 && toks[k].sent == sent // "Kessel 101 Dorun 95"; not a year
	}
	capital := func(k int) bool { return k >= 0 && k < len(toks) && capitalWord(&toks[k]) && toks[k].sent == sent }
	paren := func(k int) bool { return k < len(toks) && !toks[k].word && ws.text[toks[k].start:toks[k].end] == "(" }
	return score(b) && (capital(b+1) && score(b+2) || score(a-1) && capital(a-2) ||
		paren(b+1) && capital(b+2) && minuteAfter(ws, b+3)) // "Leeds 2 (Kessler 30th)": a score and its scorers
}

// foreignOpeners marks as common words the capitalised words that open a
// sentence written in another language than the document's ("Thank you…",
// "Both sides…" quoted in a French text): the word and the next one are in
// another language's dictionary and unknown to the document's. One such word
// alone proves nothing: dictionaries hold loanwords ("derby" in French).
func (s *Stage) foreignOpeners(ws *workspace, r *langRules) {
	toks := ws.toks
	for i := range toks {
		t := &toks[i]
		if !t.word || t.number || t.shape != shapeCap || t.class&(wDict|wGiven) != 0 || i+1 >= len(toks) {
			continue
		}
		if !t.sentStart && !t.segStart && !(i > 0 && !toks[i-1].word && strings.Contains("«“\":", ws.text[toks[i-1].start:toks[i-1].end])) {
			continue // a sentence's or a quotation's first word
		}
		n := &toks[i+1]
		if !n.word || n.number || n.sent != t.sent || n.shape != shapeLower {
			continue
		}
		if s.inOtherDict(r, ws.foldOf(t)) && s.inOtherDict(r, ws.foldOf(n)) {
			t.class |= wDict
		}
	}
}

// inOtherDict reports a word that another language's dictionary lists in
// lower case and r's does not know at all.
func (s *Stage) inOtherDict(r *langRules, folded []byte) bool {
	if _, known := r.words[string(folded)]; known || r.inDict(folded) {
		return false
	}
	for _, o := range s.byLang {
		if o != r && o.inDict(folded) {
			return true
		}
	}
	return false
}

// tok is what the stage knows about one token of the document.
type tok struct {
	start, end int
	// fold indexes workspace.folded: the token's matching form.
	foldStart, foldEnd int32
	class              wordClass
	shape              shape
	word               bool // a word or number token, not punctuation
	number             bool
	name               bool // looks like part of a name: capitalised, or "al-Zawahiri"
	segStart           bool // right after a spaced dash, bar or bullet
	sentStart          bool // first word of its sentence
	titleLine          bool // inside a Title Case line (headline)
	shouted            bool // inside a line written all in capitals
	skip               bool // inside boilerplate
	resident           bool // a lower-case resident noun: "a Harbourton man"
	demonym            int8 // the knowledge base's nationality word: 1 yes, -1 no, 0 not asked yet
	sent               int32
}

// monthFirstNames gives back their name to months that are first names too
// ("April Glaser", "June Varga"): before a capitalised word that is no word
// of the language, with no preposition or function word before them ("in
// April Kessel's army …" stays a date).
func monthFirstNames(ws *workspace, r *langRules) {
	if len(r.monthGiven) == 0 {
		return
	}
	toks := ws.toks
	for k := 0; k+1 < len(toks); k++ {
		t, n := &toks[k], &toks[k+1]
		if !t.word || t.class&wNotName == 0 || t.shape != shapeCap || t.skip || !r.monthGiven[string(ws.foldOf(t))] {
			continue
		}
		if !n.word || n.number || n.shape != shapeCap || n.class&(wDict|wNotName|wFunction|wTitle) != 0 || n.sent != t.sent || n.start != t.end+1 {
			continue
		}
		if p := k - 1; p >= 0 && toks[p].word && toks[p].sent == t.sent && toks[p].class&(wFunction|wLocPrep|wConnector|wArticle) != 0 && toks[p].class&wByline == 0 {
			continue
		}
		t.class &^= wNotName
		t.name = true
	}
}

// inMailAddress reports whether the token at text[start:end] is part of an
// e-mail address's user name ("lena.varga@courier.no").
// A name glued to a handle ("Lena Varga@lenav Dec 10") is no address: the
// part after "@" must hold a domain's period.
func inMailAddress(text string, start, end int) bool {
	if end >= len(text) || text[end] != '@' && text[end] != '.' {
		return false
	}
	at := -1
	for k := end; k < len(text) && k < end+128; k++ {
		switch c := text[k]; {
		case c == '@' && at < 0:
			at = k
		case c == '.' && at >= 0 && k+1 < len(text) && isLetterByte(text[k+1]):
			return true
		case c == ' ' || c == '\n' || c == '\t' || c == ',' || c == ';' || c == '@':
			return false
		}
	}
	return false
}

// inWebPath reports whether the token at text[start:] is in the path of a
// web address ("kessnews.com/UnderstandingTheFloods",
// "pic.twitter.com/Xq7Lm2Vb9k", "https://x.org/a/Kessel"): somewhere before
// it, with no space between, a domain's ending and a slash, or "://". A
// slash between names ("Radio Free/Open", "Lena Varga/NPA", "U.S./Mexico")
// is no address.
func inWebPath(text string, start int) bool {
	if start == 0 || start > len(text) {
		return false
	}
	for k := start - 1; k >= 0 && k > start-256; k-- {
		c := text[k]
		if c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '"' || c == '<' || c >= 0x80 {
			return false
		}
		if c != '/' {
			continue
		}
		if k >= 2 && text[k-1] == '/' && text[k-2] == ':' {
			return true
		}
		// A domain's ending right before this slash: a period and two or
		// more lower-case letters.
		j := k - 1
		for j >= 0 && 'a' <= text[j] && text[j] <= 'z' {
			j--
		}
		if k-1-j >= 2 && j >= 1 && text[j] == '.' && isLetterByte(text[j-1]) {
			return true
		}
	}
	return false
}

// workspace holds per-document buffers, reused through a pool.
type workspace struct {
	toks   []tok
	folded []byte
	key    []byte
	kbEnd  []int32 // kbEnd[i]: end token (exclusive) of the KB match starting at i, or 0
	kbCand []int32 // candidate index into the phrase's list
	kbInfo []*phraseInfo
	cands  []cand
	inList []bool // coordinatedTypes: candidate i is a list's member
	// nonEntity: folded names a non-entity prefix introduced ("Storm
	// Orlan", "la tempête Orlan"): alone later they are no entity either.
	nonEntity map[string]bool
	// demonyms: the knowledge base's answer for the document's words asked
	// so far (folded word → nationality or not), cleared per document.
	demonyms map[string]bool
	rules    *langRules // the document's language rules
	// caseSeen: how each word (by foldHash) is written in the document,
	// built on demand when caseBuilt is false (see lowerElsewhere).
	caseSeen  map[uint64]uint8
	caseBuilt bool
	// sports: whether the document names a sport or a league (sportsDoc),
	// decided on first use.
	sports uint8
	// dictSlots cache the dictionary's answer for the capitalised words of
	// the document (a name recurs; the dictionary is a binary search over
	// tens of thousands of words), valid while their gen is dictGen.
	dictSlots [dictSlotCount]dictSlot
	dictGen   uint32
	// text is the document being processed; cleared after use.
	text string
}

// dictSlotCount is the size of the per-document dictionary cache (a power
// of two).
const dictSlotCount = 512

// dictSlot is one cached dictionary answer: the folded word at
// ws.folded[start:end].
type dictSlot struct {
	h          uint64
	start, end int32
	gen        uint32
	in         bool
}

// inDictCached is r.inDict for the folded word ws.folded[start:end],
// through the document's cache.
func (ws *workspace) inDictCached(r *langRules, start, end int32) bool {
	w := ws.folded[start:end]
	h := foldHash(w)
	sl := &ws.dictSlots[h&(dictSlotCount-1)]
	if sl.gen == ws.dictGen && sl.h == h && bytes.Equal(ws.folded[sl.start:sl.end], w) {
		return sl.in
	}
	in := r.inDict(w)
	*sl = dictSlot{h: h, start: start, end: end, gen: ws.dictGen, in: in}
	return in
}

// cand is a mention candidate over tokens [from, to).
type cand struct {
	from, to int
	typ      string
	strength int // how sure the type is; see the ev* constants
	entry    *kb.Entry
	source   string
	drop     bool
	weak     bool // entry came from a weak alias: see dropUnsupportedWeak
	// commonTown: entry is a town named by one capitalised common word
	// ("Republic", "Union") with no place preposition before it: the
	// mention is dropped, however well the document supports the town.
	commonTown bool
	// shortName: an organisation's head alone, the short name of a body the
	// document named in full before ("l'Assemblée"), or a compass point
	// naming a region ("dans le Sud"), an outlet's one-word name after its
	// cue ("selon le Parisien"): a common word, kept.
	shortName bool
}

// Evidence strengths for types: higher wins for all mentions of one name.
const (
	evDefault = iota + 1
	evLexical // what a general dictionary says a name is (WordNet's named instances)
	evContext
	evVerb
	evGiven
	evTitle
	evHead
	evKB
)

func (ws *workspace) foldOf(t *tok) []byte { return ws.folded[t.foldStart:t.foldEnd] }

// Needs implements dossier.Stage.
func (*Stage) Needs() []dossier.Layer {
	return []dossier.Layer{dossier.LayerBoilerplate, dossier.LayerLang, dossier.LayerTokens}
}

// Produces implements dossier.Stage.
func (*Stage) Produces() []dossier.Layer { return []dossier.Layer{dossier.LayerMentions} }

// Process implements dossier.Stage.
func (s *Stage) Process(ctx context.Context, doc *dossier.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	ws := s.pool.Get().(*workspace)
	ws.text = doc.Text
	ws.caseBuilt = false
	ws.sports = sportsUnknown
	ws.dictGen++
	if ws.dictGen == 0 {
		ws.dictSlots = [dictSlotCount]dictSlot{} // the counter wrapped: old slots could look current
		ws.dictGen = 1
	}
	defer func() {
		ws.text = ""
		clear(ws.demonyms) // its keys are the document's text
		s.pool.Put(ws)
	}()
	r := s.rulesFor(doc.ReadingLang())
	ws.rules = r
	s.analyse(doc, r, ws)
	s.givenBeforeSurname(ws)
	notPlacePreps(ws, r)
	markResidents(ws, r)
	monthFirstNames(ws, r)
	datedWords(ws)
	s.foreignOpeners(ws, r)
	s.matchKB(ws, r, doc.Text)
	countedMembers(ws)
	s.rolesAsTitles(ws, r)
	s.chunk(ws, r, doc.Text)
	s.branchNames(ws)
	webAddresses(ws, r)
	campusNames(ws, r)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	s.filterAndType(ws, r, doc.Text)
	dropOverlaps(ws.cands)
	listedPlaces(ws)
	takeNameStyles(ws, r)
	numberedUnits(ws)
	// Before the mentions are written, so that an unlinked weak match says
	// "pattern", not "kb".
	kept := make([]*cand, 0, len(ws.cands))
	for i := range ws.cands {
		if !ws.cands[i].drop {
			kept = append(kept, &ws.cands[i])
		}
	}
	dropUnsupportedWeak(kept,
		func(c *cand) bool { return allLower(ws, c.from, c.to) && !lowerName(ws, r, c.from, c.to) },
		func(c *cand) bool { return wordInLongerName(ws, kept, c) })
	doc.Mentions = doc.Mentions[:0]
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.drop {
			continue
		}
		doc.Mentions = append(doc.Mentions, dossier.Mention{
			Span:   dossier.Span{Start: ws.toks[c.from].start, End: ws.toks[c.to-1].end},
			Type:   c.typ,
			Entity: -1,
			Source: c.source,
		})
	}
	s.group(doc, ws, r)
	return nil
}

// numberedUnits widens a body's mention over the number that opens its
// name, after an article or a possessive ("the 7 Division", "the army's 82
// Division Task Force"): a unit is named by its number.
func numberedUnits(ws *workspace) {
	toks := ws.toks
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.drop || c.typ != "ORG" || c.from < 2 || toks[c.to-1].class&wOrgHead == 0 {
			continue
		}
		n, d := &toks[c.from-1], &toks[c.from-2]
		if !n.number || n.end-n.start > 3 || toks[c.from].start != n.end+1 || n.sent != toks[c.from].sent {
			continue
		}
		w := ws.foldOf(d)
		if d.word && (d.class&wArticle != 0 && d.shape == shapeLower || len(w) == 1 && w[0] == 's' && d.end-d.start > 1) {
			c.from--
		}
	}
}

// takeNameStyles widens a person's mention over the royal or religious
// style written right before it ("Prince Oru Kessel", "Sheikh Lena
// Varga"): such a style is part of the name as written, where an office
// ("President", "Mr") is not. Lower case it is a role ("the sheikh Lena
// Varga"), and it must touch the name: one space, the same sentence.
func takeNameStyles(ws *workspace, r *langRules) {
	if len(r.nameStyles) == 0 {
		return
	}
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.drop || c.typ != "PER" || c.from == 0 {
			continue
		}
		t, n := &ws.toks[c.from-1], &ws.toks[c.from]
		if t.word && t.shape == shapeCap && t.sent == n.sent && n.start == t.end+1 && ws.text[t.end] == ' ' &&
			r.nameStyles[string(ws.foldOf(t))] {
			c.from--
		}
	}
}

// branchNames joins a known body's name and the name of one of its
// branches right after it, a space or a dash between, into one mention of
// the branch ("Islamic State- Khorasan Province", "the Norland Workers'
// Party Youth League"): the knowledge base says which is part of which.
// A branch's name that goes on with "Province" takes it too ("Islamic
// State in Khorasan Province").
func (s *Stage) branchNames(ws *workspace) {
	toks := ws.toks
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.drop || c.entry == nil {
			continue
		}
		if e := c.to; e < len(toks) && toks[e].word && toks[e].start == toks[e-1].end+1 && ws.text[toks[e].start:toks[e].end] == "Province" &&
			strings.HasSuffix(c.entry.Name, " Province") && !strings.HasSuffix(ws.text[toks[c.from].start:toks[e-1].end], "Province") {
			c.to = e + 1
		}
	}
	for i := range ws.cands {
		c := &ws.cands[i]
		if c.drop || c.entry == nil || c.entry.Parent == "" || c.entry.Type != kb.ORG {
			continue // (places name their country before them in datelines: "NORLAND – Vessa")
		}
		// Candidates come in the text's order, near ones first: a few
		// around suffice.
		for j := max(0, i-branchWindow); j < min(len(ws.cands), i+branchWindow+1); j++ {
			p := &ws.cands[j]
			if j == i || p.drop || p.entry == nil || p.entry.ID != c.entry.Parent || p.to > c.from || !onlyDashesBetween(ws.text, toks[p.to-1].end, toks[c.from].start) {
				continue
			}
			c.from = p.from
			p.drop = true
			break
		}
	}
	// "The Islamic State – Khorasan": two names a spaced dash joins that the
	// knowledge base holds, joined, as one organisation's. "ISIS in West
	// Africa": a body's name, "in" and a region's are its branch there when
	// the knowledge base holds the body's own name, "in" and the region as
	// one of its branches'.
	for i := range ws.cands {
		p := &ws.cands[i]
		if p.drop || p.entry == nil || p.entry.Type != kb.ORG {
			continue
		}
		if e := s.branchIn(ws, p); e > 0 {
			continue
		}
		for j := max(0, i-branchWindow); j < min(len(ws.cands), i+branchWindow+1); j++ {
			c := &ws.cands[j]
			if j == i || c.drop || c.from < p.to || c.from-p.to > 1 || !onlyDashesBetween(ws.text, toks[p.to-1].end, toks[c.from].start) ||
				!strings.ContainsAny(ws.text[toks[p.to-1].end:toks[c.from].start], "-–—") {
				continue
			}
			ws.key = ws.key[:0]
			for k := p.from; k < c.to; k++ {
				if !toks[k].word {
					continue
				}
				if len(ws.key) > 0 {
					ws.key = append(ws.key, ' ')
				}
				ws.key = append(ws.key, ws.foldOf(&toks[k])...)
			}
			if ph := s.gaz.lookup(ws.key); ph != nil && len(ph.cands) > 0 && ph.cands[0].entry.Type == kb.ORG {
				p.to, p.entry, p.typ = c.to, ph.cands[0].entry, "ORG"
				c.drop = true
			}
			break
		}
	}
}

// branchIn widens the candidate p, a known body's name, over "in" and the
// region after it when the knowledge base holds the body's canonical name,
// "in" and that region as a branch of the body ("ISIS in West Africa" is
// the Islamic State in West Africa), the region being no country; it
// returns the new end, or 0.
func (s *Stage) branchIn(ws *workspace, p *cand) int {
	toks := ws.toks
	k := p.to
	if k+1 >= len(toks) || !toks[k].word || toks[k].shape != shapeLower || string(ws.foldOf(&toks[k])) != "in" {
		return 0
	}
	e := k + 1
	for e < len(toks) && e-k <= 3 && toks[e].word && toks[e].shape == shapeCap && toks[e].sent == toks[k].sent {
		e++
	}
	if e == k+1 {
		return 0
	}
	// (A country after "in" is more often where the body acts than its
	// branch's name: "ties to IS in Norland".)
	if info := ws.kbInfo[k+1]; info != nil && int(ws.kbEnd[k+1]) == e && info.cands[ws.kbCand[k+1]].entry.Kind == kb.KindCountry {
		return 0
	}
	ws.key = appendPhraseKey(ws.key[:0], p.entry.Name)
	ws.key = append(ws.key, " in"...)
	for j := k + 1; j < e; j++ {
		ws.key = append(append(ws.key, ' '), ws.foldOf(&toks[j])...)
	}
	ph := s.gaz.lookup(ws.key)
	if ph == nil || len(ph.cands) == 0 || ph.cands[0].entry.Parent != p.entry.ID || ph.cands[0].entry.Type != kb.ORG {
		return 0
	}
	for j := range ws.cands {
		if c := &ws.cands[j]; c != p && !c.drop && c.from >= k && c.to <= e {
			c.drop = true
		}
	}
	p.to, p.entry = e, ph.cands[0].entry
	return e
}

// branchWindow: how many candidates on each side branchNames looks at.
const branchWindow = 3

// onlyDashesBetween reports text[a:b) made of spaces and at most one dash
// or hyphen, with at least one character.
func onlyDashesBetween(text string, a, b int) bool {
	if a >= b || b-a > 8 {
		return false
	}
	dashes := 0
	for _, r := range text[a:b] {
		switch r {
		case ' ', '\u00a0':
		case '-', '–', '—':
			dashes++
		default:
			return false
		}
	}
	return dashes <= 1
}

// datedWords marks as no name a capitalised word that a day of the month
// and a year surround as a month's name does, in any language ("May 25,
// 2031" in a French text's embedded post, "25 Mai 2031"): the text's
// language may not know the month.
func datedWords(ws *workspace) {
	toks := ws.toks
	day := func(k int) bool {
		if k < 0 || k >= len(toks) || !toks[k].number {
			return false
		}
		w := ws.text[toks[k].start:toks[k].end]
		return len(w) <= 2 && w != "0" && w != "00" && (len(w) == 1 || w[0] <= '3')
	}
	year := func(k int) bool {
		if k < 0 || k >= len(toks) || !toks[k].number {
			return false
		}
		w := ws.text[toks[k].start:toks[k].end]
		return len(w) == 4 && (w[:2] == "19" || w[:2] == "20")
	}
	for k := range toks {
		t := &toks[k]
		if !t.word || t.number || t.shape != shapeCap || !t.name {
			continue
		}
		after := k + 2
		if after < len(toks) && !toks[after].word && ws.text[toks[after].start:toks[after].end] == "," {
			after++
		}
		if day(k+1) && year(after) || day(k-1) && year(k+1) {
			t.name = false
		}
	}
}

// listedPlaces reads a capitalised word between two places of one list as
// a place too ("in Leeds, Fife and Exeter"), though it is a common word
// of the language: a list names things of one kind.
func listedPlaces(ws *workspace) {
	toks := ws.toks
	// The mentions around token k: a place ending right before its comma,
	// one opening right after its comma or "and", and none over k itself.
	around := func(k int) (before, after, over bool) {
		for i := range ws.cands {
			c := &ws.cands[i]
			if c.drop {
				continue
			}
			before = before || c.typ == "LOC" && c.to == k-1
			after = after || c.typ == "LOC" && c.from == k+2
			over = over || c.from <= k && k < c.to
		}
		return
	}
	punct := func(k int, p string) bool {
		return k >= 0 && k < len(toks) && !toks[k].word && ws.text[toks[k].start:toks[k].end] == p
	}
	added := false
	for k := 2; k+2 < len(toks); k++ {
		t := &toks[k]
		if !t.word || t.shape != shapeCap || t.sentStart || t.titleLine || t.class&(wFunction|wArticle|wNotName|wTitle|wConnector) != 0 || !punct(k-1, ",") {
			continue
		}
		n := &toks[k+1]
		if !(punct(k+1, ",") || n.word && n.shape == shapeLower && n.class&wCoord != 0) || toks[k+2].sent != t.sent {
			continue
		}
		if before, after, over := around(k); !before || !after || over {
			continue
		}
		ws.cands = append(ws.cands, cand{from: k, to: k + 1, typ: "LOC", strength: evContext, source: SourcePattern})
		added = true
	}
	if added { // mentions are written in the order of the text
		slices.SortStableFunc(ws.cands, func(a, b cand) int { return a.from - b.from })
	}
}

// allLower reports whether every word of tokens [a, b) is in lower case.
func allLower(ws *workspace, a, b int) bool {
	for k := a; k < b; k++ {
		if t := &ws.toks[k]; t.word && t.shape != shapeLower {
			return false
		}
	}
	return true
}

// wordInLongerName reports whether the one word of candidate c is also a
// word of a longer candidate of the document ("Tall" in "Sara Tall").
func wordInLongerName(ws *workspace, kept []*cand, c *cand) bool {
	w := ws.foldOf(&ws.toks[c.from])
	for _, o := range kept {
		if o == c || o.to-o.from < 2 {
			continue
		}
		for k := o.from; k < o.to; k++ {
			if t := &ws.toks[k]; t.word && string(ws.foldOf(t)) == string(w) {
				return true
			}
		}
	}
	return false
}

// lowerName reports whether tokens [a, b) are one of the language's
// institutions written in lower case ("parquet national financier").
func lowerName(ws *workspace, r *langRules, a, b int) bool {
	key := make([]byte, 0, 64)
	for k := a; k < b; k++ {
		if t := &ws.toks[k]; t.word {
			if len(key) > 0 {
				key = append(key, ' ')
			}
			key = append(key, ws.foldOf(t)...)
		}
	}
	_, ok := r.lowerNames[string(key)]
	return ok
}

// analyse fills ws.toks from doc.Tokens. A hyphenated compound that holds a
// name ("Afghanistan-based", "anti-Taliban", "Syria-Iraq") becomes several
// tokens here, so that the name part can be a mention of its own.
func (s *Stage) analyse(doc *dossier.Document, r *langRules, ws *workspace) {
	text := doc.Text
	// Sized once: a hyphenated compound may add a few tokens, append copes.
	if n := len(doc.Tokens) + len(doc.Tokens)/8; cap(ws.toks) < n {
		ws.toks = make([]tok, 0, n)
	}
	if n := len(text); cap(ws.folded) < n {
		ws.folded = make([]byte, 0, n)
	}
	ws.toks = ws.toks[:0]
	ws.folded = ws.folded[:0]
	sent := 0
	lastSent := -1
	for _, t := range doc.Tokens {
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
			continue // defensive: a malformed token is ignored
		}
		for sent < len(doc.Sentences) && doc.Sentences[sent].End <= t.Start {
			sent++
		}
		x := tok{start: t.Start, end: t.End, sent: int32(sent)}
		x.word = t.Kind == dossier.TokWord || t.Kind == dossier.TokNumber
		x.number = t.Kind == dossier.TokNumber
		// A hashtag, a handle or an e-mail address's user ("@LenaV",
		// "lena@courier.no") names nobody in the sentence.
		x.skip = doc.InBoilerplate(t.Start) || t.Start > 0 && (text[t.Start-1] == '#' || text[t.Start-1] == '@') ||
			inMailAddress(text, t.Start, t.End) || inWebPath(text, t.Start)
		first := sent != lastSent
		x.segStart = x.word && (afterSpacedSeparator(text, t) || afterColonQuote(text, t))
		if x.word && !x.number {
			x = s.splitGluedLabel(ws, r, text, x)
			x = s.splitGluedOutlet(ws, r, text, x, first)
			x = s.splitGluedFunction(ws, r, text, x, first)
			x = s.splitGluedByline(ws, r, text, x, first)
			x = s.splitGluedGiven(ws, r, text, x, first)
			if s.splitCompound(ws, r, text, x, first) {
				lastSent = sent
				continue
			}
		}
		s.appendTok(ws, r, text, x, first)
		if x.word && sent != lastSent {
			lastSent = sent
		}
	}
	markTitleLines(ws, text)
	markBracketedTitles(ws, text)
}

// lowerDefinedAcronyms notes as no entity an acronym in brackets right after
// the lower-case words it abbreviates ("personal protective equipment
// (PPE)", "weapons of mass destruction (WMDs)"): a common noun's, wherever
// it stands later.
func lowerDefinedAcronyms(ws *workspace, r *langRules, text string) {
	toks := ws.toks
	for k := 2; k+1 < len(toks); k++ {
		if toks[k].word || text[toks[k].start:toks[k].end] != "(" || toks[k+1].end-toks[k+1].start > 7 ||
			!acronymShaped(text[toks[k+1].start:toks[k+1].end]) || k+2 >= len(toks) || text[toks[k+2].start:toks[k+2].end] != ")" {
			continue
		}
		acr := text[toks[k+1].start:toks[k+1].end]
		acr = strings.TrimSuffix(acr, "s")
		n := len(acr)
		j := k - 1
		for ; j >= 0 && n > 0 && toks[j].word && toks[j].sent == toks[k].sent; j-- {
			if toks[j].shape != shapeLower && !(n == 1 && toks[j].sentStart && toks[j].shape == shapeCap) {
				break // ("Joint mediation service (JMS)": the sentence's capital)
			}
			if toks[j].class&(wConnector|wFunction|wArticle) != 0 && n < len(acr) {
				continue // "weapons of mass destruction"
			}
			if c := text[toks[j].start] | 0x20; c != acr[n-1]+('a'-'A') {
				break
			}
			n--
		}
		if n == 0 && !lowerName(ws, r, j+1, k) { // ("le parquet national financier (PNF)": a body the lexicon names in lower case)
			ws.noteNonEntity(k+1, k+2)
			ws.nonEntity[strings.ToLower(acr)] = true
		}
	}
}

// markBracketedTitles takes out of names the capitalised words of a law's
// or an agreement's title that a bracketed part interrupts before its head
// ("the Essential Goods (Amendment) Act", "the Relief and Economic Security
// (RES) Act", "the Growers (Protection) Agreement on Price Control and Farm
// Services Act"): the run before the bracket alone looks like a body's name.
func markBracketedTitles(ws *workspace, text string) {
	toks := ws.toks
	punct := func(j int, p string) bool { return !toks[j].word && text[toks[j].start:toks[j].end] == p }
	for k := 3; k < len(toks); k++ {
		t := &toks[k]
		if !t.word || t.shape != shapeCap || t.class&wNonEntity == 0 || !punct(k-1, ")") {
			continue
		}
		open := -1
		for j := k - 2; j > 0 && j >= k-9; j-- {
			if u := &toks[j]; !u.word {
				if punct(j, "(") {
					open = j
				}
				break
			} else if u.shape == shapeLower && u.class&(wConnector|wCoord) == 0 {
				break
			}
		}
		if open < 1 || open == k-2 {
			continue
		}
		start := open
		for j := open - 1; j >= 0 && toks[j].sent == t.sent; j-- {
			u := &toks[j]
			switch {
			case u.word && u.shape != shapeLower:
				start = j
				continue
			case u.word && u.class&(wConnector|wCoord|wArticle) != 0,
				!u.word && (punct(j, ",") || punct(j, "'") || punct(j, "’")):
				continue
			}
			break
		}
		first := start
		if toks[first].class&wArticle != 0 && first+1 < open {
			first++
		}
		if start == open || toks[first].class&wGiven != 0 {
			continue // "Ann Roe (Norland) Report": a person, then a title
		}
		end := k + 1
		for j := k + 1; j < len(toks) && j <= k+12 && toks[j].sent == t.sent; j++ {
			u := &toks[j]
			if u.word && u.shape != shapeLower && !u.number {
				if u.class&wNonEntity != 0 {
					end = j + 1
				}
				continue
			}
			if u.word && u.shape == shapeLower && u.class&(wConnector|wCoord) != 0 {
				continue
			}
			break
		}
		for j := start; j < end; j++ {
			toks[j].name = false
		}
		k = end - 1
	}
}

// hyphenTitle returns the title classes of a hyphenated word whose every
// part is a title ("Major-General", "Lieutenant-General"), or 0. The fold
// writes a hyphen as a space.
func hyphenTitle(r *langRules, folded []byte) wordClass {
	if bytes.IndexByte(folded, ' ') < 0 {
		return 0
	}
	c := wTitle | wRank
	for part := range bytes.SplitSeq(folded, []byte{' '}) {
		pc := r.class(part)
		if pc&wTitle == 0 {
			return 0
		}
		c &= pc | wTitle
	}
	return c
}

// afterColonQuote reports a word that opens a quotation introduced by a
// colon ("said: “The league is heartbroken", "a déclaré : « Le club"): its
// capital is a sentence's.
func afterColonQuote(text string, t dossier.Token) bool {
	i := skipSpacesBack(text, t.Start)
	var open int
	switch {
	case i >= 1 && text[i-1] == '"':
		open = 1
	case i >= 2 && text[i-2:i] == "«":
		open = 2
	case i >= 3 && (text[i-3:i] == "“" || text[i-3:i] == "‘"):
		open = 3
	default:
		return false
	}
	j := skipSpacesBack(text, i-open)
	return j >= 1 && text[j-1] == ':'
}

// skipSpacesBack returns i less the spaces, no-break spaces and narrow
// no-break spaces right before it.
func skipSpacesBack(text string, i int) int {
	for i > 0 {
		switch {
		case text[i-1] == ' ':
			i--
		case i >= 2 && text[i-2:i] == "\u00a0":
			i -= 2
		case i >= 3 && text[i-3:i] == "\u202f":
			i -= 3
		default:
			return i
		}
	}
	return i
}

// afterSpacedSeparator reports a word right after a dash, bar or bullet
// with spaces around it ("… 18h42 - Mis à jour …", "Home | World"): it opens
// a segment as a sentence's first word does.
func afterSpacedSeparator(text string, t dossier.Token) bool {
	i := t.Start - 1
	for i >= 0 && (text[i] == ' ' || text[i] == '\t') {
		i--
	}
	if i < 0 || i == t.Start-1 {
		return false // no space before the word
	}
	end := i + 1
	start := end - 1
	for start > 0 && text[start]&0xC0 == 0x80 {
		start-- // back to the separator's first byte
	}
	switch text[start:end] {
	case "-", "–", "—", "|", "•", "·":
	default:
		return false
	}
	if text[start:end] == "-" && start > 0 && text[start-1] == '-' {
		start-- // "(AP) -- The …": a typed dash
	}
	return start > 0 && (text[start-1] == ' ' || text[start-1] == '\t')
}

// appendTok completes x (fold, shape, class) and appends it to ws.toks.
func (s *Stage) appendTok(ws *workspace, r *langRules, text string, x tok, first bool) {
	w := text[x.start:x.end]
	x.foldStart = int32(len(ws.folded))
	if x.word {
		ws.folded = appendFold(ws.folded, w)
	}
	x.foldEnd = int32(len(ws.folded))
	if x.word && !x.number {
		x.shape = wordShape(w)
		x.class = r.class(ws.folded[x.foldStart:x.foldEnd])
		if x.shape == shapeUpper && r.notNameCaps[string(ws.folded[x.foldStart:x.foldEnd])] ||
			pluralAcronym(w) && r.notNameCaps[string(ws.folded[x.foldStart:x.foldEnd-1])] {
			x.class |= wNotName // ("CEOs", "GPSs": the plural of an acronym of common nouns)
		}
		if x.class&wTitle == 0 && x.shape != shapeLower {
			x.class |= hyphenTitle(r, ws.folded[x.foldStart:x.foldEnd])
		}
		if x.shape != shapeLower && x.class&wGiven == 0 && !innerCapital(w) && (ws.inDictCached(r, x.foldStart, x.foldEnd) ||
			(first || x.segStart) && r.isVerb(ws.folded[x.foldStart:x.foldEnd])) {
			// Only capitalised words need telling apart from names; a verb
			// form opening a sentence or segment is a common word ("Mis à
			// jour …"), elsewhere its capital may be a name's.
			x.class |= wDict
		}
		x.name = (x.shape != shapeLower || particleName(w, r)) && !s.adjectival(w, r) && !(w == "'S" || w == "’S") && !periodCode(w) &&
			!partyLabel(text, x.start, x.end) && !gluedWords(w)
		// ("VARGA'S SPOKESMAN SAYS": the possessive of a shouted line is no name.)
		// After a spaced dash or bar, a dictionary word's capital is a
		// segment's first letter ("… 18h42 - Mis à jour"), as at a
		// sentence's start; a name keeps its own ("| YouTube", "- EPA").
		x.sentStart = first || x.segStart && x.class&wDict != 0
	}
	ws.toks = append(ws.toks, x)
}

// campusNames joins to a body's name that a campus head opens ("University
// of California") a comma and the name after it when that name ends the
// phrase ("…, Berkeley, said", "…, College Park."): the campus, part of the
// body's name. Candidates are in text order.
func campusNames(ws *workspace, r *langRules) {
	if len(r.campusHeads) == 0 {
		return
	}
	cs, toks := ws.cands, ws.toks
	for i := 0; i+1 < len(cs); i++ {
		c, n := &cs[i], &cs[i+1]
		if c.drop || n.drop || c.to-c.from < 3 || n.from != c.to+1 || !r.campusHeads[string(ws.foldOf(&toks[c.from]))] ||
			ws.text[toks[c.to].start:toks[c.to].end] != "," || toks[c.to].sent != toks[n.from].sent || n.typ == "PER" {
			continue
		}
		if k := c.from + 1; !toks[k].word || toks[k].shape != shapeLower || toks[k].class&wConnector == 0 {
			continue // "University of …": the head, then its connector
		}
		// The name after the comma ends the phrase: punctuation or a
		// lower-case word follows, not another name of a list.
		if e := n.to; e < len(toks) && toks[e].word && toks[e].shape != shapeLower {
			continue
		}
		if e := n.to; e+1 < len(toks) && ws.text[toks[e].start:toks[e].end] == "," && toks[e+1].word && toks[e+1].shape != shapeLower && toks[e+1].class&wCoord == 0 {
			continue // "University of Vessa, Kessel, Dorun and …": a list
		}
		if e := n.to; e+1 < len(toks) && toks[e].word && toks[e].class&wCoord != 0 && toks[e+1].word && toks[e+1].shape != shapeLower {
			continue // "University of Vessa, Kessel and Dorun campuses"
		}
		c.to, c.typ, c.entry, c.source = n.to, "ORG", nil, SourcePattern
		n.drop = true
	}
}

// partyLabel reports a party's letter, a hyphen and a state's abbreviation
// with its period ("R-Ga.", "D-Calif."): a lawmaker's label, no name.
func partyLabel(text string, start, end int) bool {
	w := text[start:end]
	if len(w) < 4 || len(w) > 8 || w[1] != '-' || w[0] < 'A' || w[0] > 'Z' || w[2] < 'A' || w[2] > 'Z' || end >= len(text) || text[end] != '.' {
		return false
	}
	for i := 3; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// pluralAcronym reports capitals and a final lower-case s ("CEOs", "NGOs").
func pluralAcronym(w string) bool {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return false
	}
	for i := 0; i < len(w)-1; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// periodCode reports a fiscal year's, a quarter's or a half's code ("FY21",
// "FY2030", "Q3", "H1"): a date, no name.
func periodCode(w string) bool {
	i := 0
	switch {
	case strings.HasPrefix(w, "FY"):
		i = 2
	case strings.HasPrefix(w, "Q") || strings.HasPrefix(w, "H"):
		i = 1
	default:
		return false
	}
	n := len(w) - i
	if n < 1 || n > 4 || (i == 1 && n != 1) {
		return false
	}
	for ; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// splitGluedLabel appends, as punctuation, the caption labels that open the
// word token x glued to a capitalised word ("CreditCreditLena"), and
// returns the rest of x. The token must be glued to the text before it
// ("… weather.CreditLena") or its rest be a first name: "CreditSuisse"
// and "ImageNet" are names of their own.
func (s *Stage) splitGluedLabel(ws *workspace, r *langRules, text string, x tok) tok {
	if len(r.gluedLabels) == 0 || !r.gluedFirst[text[x.start]] {
		return x
	}
	glued := x.start > 0 && text[x.start-1] != ' ' && text[x.start-1] != '\n' && text[x.start-1] != '\t'
	for again := true; again; {
		again = false
		w := text[x.start:x.end]
		for _, l := range r.gluedLabels {
			if len(w) <= len(l) || w[:len(l)] != l {
				continue
			}
			if next, _ := utf8.DecodeRuneInString(w[len(l):]); !unicode.IsUpper(next) {
				continue
			}
			if !glued {
				ws.key = appendFold(ws.key[:0], w[len(l):])
				if r.class(ws.key)&wGiven == 0 {
					continue
				}
			}
			label := x
			label.end, label.word = x.start+len(l), false
			s.appendTok(ws, r, text, label, false)
			x.start += len(l)
			again = true
			break
		}
	}
	return x
}

// splitGluedOutlet splits a byline's surname from the newspaper word a page
// glued to it ("Isabel KeaneJournal News"): after a first name, a word
// whose capitalised tail is a newspaper's head and whose head is no word of
// the language. The surname is appended; the tail is returned.
func (s *Stage) splitGluedOutlet(ws *workspace, r *langRules, text string, x tok, first bool) tok {
	n := len(ws.toks)
	if len(r.outletHeads) == 0 || n == 0 || first || x.end-x.start < 7 {
		return x
	}
	if p := &ws.toks[n-1]; !p.word || p.class&wGiven == 0 || p.shape != shapeCap {
		return x
	}
	w := text[x.start:x.end]
	for i := 3; i < len(w)-2; i++ {
		if w[i] < 'A' || w[i] > 'Z' || w[i-1] < 'a' || w[i-1] > 'z' {
			continue
		}
		ws.key = appendFold(ws.key[:0], w[i:])
		if !r.outletHeads[string(ws.key)] {
			return x
		}
		ws.key = appendFold(ws.key[:0], w[:i])
		if r.inDict(ws.key) {
			return x
		}
		name := x
		name.end = x.start + i
		s.appendTok(ws, r, text, name, false)
		x.start += i
		return x
	}
	return x
}

// splitGluedFunction splits a word that a page glued to the next line's
// first word when that is a capitalised function word ("la fin du Moyen
// ÂgeLe village", "M. VarnierLes poireaux"): the word is appended, the
// function word returned. Brands glue content words ("PlayStation",
// "StreamBox"), not articles and pronouns.
func (s *Stage) splitGluedFunction(ws *workspace, r *langRules, text string, x tok, first bool) tok {
	w := text[x.start:x.end]
	if len(w) < 6 {
		return x
	}
	for i := len(w) - 2; i >= 3 && i >= len(w)-4; i-- {
		if w[i] < 'A' || w[i] > 'Z' || w[i-1] < 'a' || w[i-1] > 'z' {
			continue
		}
		for k := i + 1; k < len(w); k++ {
			if w[k] < 'a' || w[k] > 'z' {
				return x
			}
		}
		ws.key = appendFold(ws.key[:0], w[i:])
		if r.class(ws.key)&(wFunction|wArticle) == 0 {
			return x
		}
		return s.splitTokAt(ws, r, text, x, i, first)
	}
	return x
}

// splitTokAt appends the first i bytes of x as a token of their own and
// returns the rest of x.
func (s *Stage) splitTokAt(ws *workspace, r *langRules, text string, x tok, i int, first bool) tok {
	head := x
	head.end = x.start + i
	s.appendTok(ws, r, text, head, first)
	x.start += i
	return x
}

// splitGluedByline splits a byline's marker that a page glued to the
// author's name at the start of a line ("ByLena Varga", "ByJ.R. Ashby",
// "ParLena Varga"): the marker, then a capital.
func (s *Stage) splitGluedByline(ws *workspace, r *langRules, text string, x tok, first bool) tok {
	if x.start > 0 && text[x.start-1] != '\n' {
		return x
	}
	w := text[x.start:x.end]
	for i := 2; i <= 3 && i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' || w[0] < 'A' || w[0] > 'Z' || strings.ToLower(w[1:i]) != w[1:i] {
			continue // "PARIS" is no "Par" and "IS"
		}
		ws.key = appendFold(ws.key[:0], w[:i])
		if r.class(ws.key)&wByline == 0 {
			continue
		}
		return s.splitTokAt(ws, r, text, x, i, first)
	}
	return x
}

// splitGluedGiven splits a byline's surname from the next person's first
// name that a page glued to it ("Paul VarnakLena Kessel", "Getty
// ImagesLena Kessel"): after a capitalised word, a word whose capitalised
// tail is a first name followed by another capitalised word, and whose head
// has five letters or more. The head is appended; the first name is
// returned.
func (s *Stage) splitGluedGiven(ws *workspace, r *langRules, text string, x tok, first bool) tok {
	n := len(ws.toks)
	if n == 0 || first || x.end-x.start < 8 || x.end+2 > len(text) || text[x.end] != ' ' || text[x.end+1] < 'A' || text[x.end+1] > 'Z' {
		return x
	}
	p := &ws.toks[n-1]
	if !p.word || p.shape != shapeCap {
		return x
	}
	w := text[x.start:x.end]
	for i := 5; i < len(w)-2; i++ {
		if w[i] < 'A' || w[i] > 'Z' || w[i-1] < 'a' || w[i-1] > 'z' {
			continue
		}
		ws.key = appendFold(ws.key[:0], w[i:])
		if r.class(ws.key)&wGiven == 0 {
			return x
		}
		// The head is a surname, a word or not ("Lena WeaverLena
		// Weaver"), or a credit's last word ("Kessel ImagesLena Weaver").
		name := x
		name.end = x.start + i
		s.appendTok(ws, r, text, name, false)
		x.start += i
		return x
	}
	return x
}

// splitCompound splits a hyphenated word token x into a name part and the
// rest when the rest is a compound head ("-based", "-led"), the first part a
// compound prefix ("anti-", "pro-"), or both parts are well-known places
// ("Syria-Iraq"). The parts that are not names become punctuation tokens.
// It reports whether it appended anything.
func (s *Stage) splitCompound(ws *workspace, r *langRules, text string, x tok, first bool) bool {
	w := text[x.start:x.end]
	h1, h1n := hyphenAt(w, 0)
	if h1 <= 0 || h1+h1n >= len(w) {
		return false
	}
	// Last hyphen: the compound head is the last part.
	hl, hln := h1, h1n
	for p := h1 + h1n; ; {
		h, n := hyphenAt(w, p)
		if h < 0 {
			break
		}
		hl, hln, p = h, n, h+n
	}
	part := func(a, b int, word bool) tok {
		y := x
		y.start, y.end, y.word = x.start+a, x.start+b, word
		return y
	}
	head, prefix := w[hl+hln:], w[:h1]
	switch {
	case wordShape(head) == shapeLower && s.foldClass(ws, r, head)&wCompoundHead != 0 &&
		(wordShape(w[:hl]) != shapeLower || particleName(w[:hl], r)):
		// "Afghanistan-based", "al-Qaeda-linked", "U.S.-backed".
		s.appendTok(ws, r, text, part(0, hl, true), first)
		s.appendTok(ws, r, text, part(hl, len(w), false), false)
		return true
	case wordShape(prefix) == shapeLower && s.foldClass(ws, r, prefix)&wCompoundPrefix != 0 &&
		wordShape(w[h1+h1n:]) != shapeLower:
		// "anti-Taliban", "pro-ISIS".
		s.appendTok(ws, r, text, part(0, h1+h1n, false), false)
		s.appendTok(ws, r, text, part(h1+h1n, len(w), true), first)
		return true
	case h1 == hl && r.partyLetters[prefix] && wordShape(head) == shapeCap && s.majorPlace(ws, head):
		// "Rep. Ann Tess (R-Maine)": a party's letter, then the place.
		s.appendTok(ws, r, text, part(0, h1+h1n, false), false)
		s.appendTok(ws, r, text, part(h1+h1n, len(w), true), false)
		return true
	case h1 == hl && wordShape(prefix) != shapeLower && wordShape(head) != shapeLower &&
		(s.majorPlace(ws, head) || s.armedGroup(ws, head)) && s.majorPlace(ws, prefix) && !s.knownPhrase(ws, w):
		// "Syria-Iraq", "Afghanistan-Pakistan": two places, unless the whole is one ("Guinea-Bissau");
		// a place and a group are the sides of a conflict ("the Israel-Hamas war"). A group
		// before a place names its branch there ("ISIS-Mozambique").
		s.appendTok(ws, r, text, part(0, h1, true), first)
		s.appendTok(ws, r, text, part(h1, h1+h1n, false), false)
		s.appendTok(ws, r, text, part(h1+h1n, len(w), true), false)
		return true
	}
	return false
}

// hyphenAt returns the byte offset and length of the first hyphen in w at or
// after from, or -1.
func hyphenAt(w string, from int) (int, int) {
	for i := from; i < len(w); {
		c := w[i]
		if c == '-' {
			return i, 1
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == '‐' || r == '‑' || r == '–' {
			return i, n
		}
		i += n
	}
	return -1, 0
}

// foldClass returns the word class of w, folding it in ws.key.
func (s *Stage) foldClass(ws *workspace, r *langRules, w string) wordClass {
	ws.key = appendFold(ws.key[:0], w)
	return r.words[string(ws.key)]
}

// knownPhrase reports whether w is a whole KB name.
func (s *Stage) knownPhrase(ws *workspace, w string) bool {
	ws.key = appendFold(ws.key[:0], w)
	p := s.gaz.lookup(ws.key)
	return p != nil && len(p.cands) > 0
}

// armedGroup reports whether w names an armed or a terrorist group of the
// knowledge base ("Hamas", "Hezbollah").
func (s *Stage) armedGroup(ws *workspace, w string) bool {
	ws.key = appendFold(ws.key[:0], w)
	p := s.gaz.lookup(ws.key)
	if p == nil {
		return false
	}
	for _, c := range p.cands {
		if (c.entry.Kind == kb.KindArmedGroup || c.entry.Kind == kb.KindTerroristOrg) && !c.weak {
			return true
		}
	}
	return false
}

// majorPlace reports whether w names a country, a region or a large city.
func (s *Stage) majorPlace(ws *workspace, w string) bool {
	ws.key = appendFold(ws.key[:0], w)
	return s.majorPlaceFolded(ws.key)
}

// majorPlaceFolded is majorPlace for a folded name.
func (s *Stage) majorPlaceFolded(key []byte) bool {
	p := s.gaz.lookup(key)
	if p == nil {
		return false
	}
	for _, c := range p.cands {
		switch c.entry.Kind {
		case kb.KindCountry, kb.KindRegion:
			return true
		case kb.KindCity:
			if c.entry.Population >= majorCity {
				return true
			}
		}
	}
	return false
}

// majorCity is the population from which a city's name is taken for a place
// inside a compound ("Kabul-Kandahar"); small towns share names with words.
const majorCity = 100000

// innerCapital reports a capital right after a lower-case letter inside a
// word ("MoDem", "McDonald", "PayPal"): a name's spelling, never a common
// word's capitalised at a sentence's start.
func innerCapital(w string) bool {
	prevLower := false
	for _, c := range w {
		if prevLower && unicode.IsUpper(c) {
			return true
		}
		prevLower = unicode.IsLower(c)
	}
	return false
}

// particleName reports a lower-case particle attached by a hyphen to a
// capitalised word ("al-Zawahiri", "el-Sisi", "bin-Laden").
func particleName(w string, r *langRules) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i+1 >= len(w) {
		return false
	}
	if r.words[fold(w[:i])]&wParticle == 0 {
		return false
	}
	return wordShape(w[i+1:]) != shapeLower
}

// nounCompound reports a capitalised hyphenated compound noun whose first
// part is a noun prefix and whose last part is in lower case ("Sous-direction",
// "Vice-présidence"): not a name by itself (adjectival says so, as titles
// are written so), but it may open a name the knowledge base knows
// ("Sous-direction antiterroriste").
func (s *Stage) nounCompound(w string, r *langRules) bool {
	i := strings.IndexAny(w, "-‐‑")
	return i > 0 && wordShape(w) != shapeLower && r.words[fold(w[:i])]&wNounPrefix != 0
}

// givenNameSyllables reports a hyphenated given name of two romanised
// syllables, the second in lower case ("Jong-un", "Sok-yong", "Jae-in",
// "Myung-bak", "Ing-wen"): short parts of letters only, the first no word
// of the language, the second none either unless it is three letters long
// or less (and no compound's head: "Iran-led").
func givenNameSyllables(first, last string, r *langRules) bool {
	if n := utf8.RuneCountInString(first); n < 2 || n > 5 || wordShape(first) != shapeCap {
		return false
	}
	if n := utf8.RuneCountInString(last); n < 2 || n > 4 {
		return false
	}
	for _, c := range first + last {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	lf := []byte(fold(last))
	return !r.inDict([]byte(fold(first))) && r.words[string(lf)]&wCompoundHead == 0 &&
		(len(lf) <= 3 && !strings.HasSuffix(string(lf), "ed") || !r.inDict(lf)) // "Ing-wen": "wen" is a word too
}

// adjectival reports a hyphenated word that works as an adjective:
// "Islamic State-held", "Senegalese-born", "Franco-Belgian", "AQIM-type".
func (s *Stage) adjectival(w string, r *langRules) bool {
	i := strings.LastIndexAny(w, "-‐‑")
	if i <= 0 || i+1 >= len(w) {
		return false
	}
	// the hyphen may be multi-byte; find the start of the last part
	last := w[i:]
	for len(last) > 0 && (last[0] == '-' || last[0] >= 0x80 && firstRune(last) != utf8.RuneError && isHyphen(firstRune(last))) {
		_, n := utf8.DecodeRuneInString(last)
		last = last[n:]
	}
	last = last[elisionEnd(last):] // "Goutte-d'Or", "Val-d’Oise": the word after the elided particle
	if last == "" {
		return false
	}
	first := r.words[fold(w[:strings.IndexAny(w, "-‐‑")])]
	if wordShape(last) == shapeLower {
		if first&wParticle != 0 && strings.Count(w, "-") <= 1 {
			return false // "al-zawahiri" written small: a name's particle
		}
		// "Senegalese-born", "U.S.-led", "Covid-19"; but "Jong-un",
		// "Sok-yong", "Jae-in" are the syllables of a given name.
		return strings.Count(w, "-") > 1 || !givenNameSyllables(w[:strings.IndexAny(w, "-‐‑")], last, r)
	}
	if first&wParticle != 0 {
		return false // "al-Yemeni", "al-Iraqi": a nisba, part of a name
	}
	_, ok := s.kb.Demonym(last)
	return ok
}

// markTitleLines flags the tokens of sentences written in Title Case
// (headlines), where capitals say nothing about names.
func markTitleLines(ws *workspace, text string) {
	toks := ws.toks
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].sent == toks[i].sent {
			j++
		}
		content, capital, upper, notUpper, dict := 0, 0, 0, 0, 0
		slash := false
		for k := i; k < j; k++ {
			t := &toks[k]
			if !t.word && text[t.start:t.end] == "/" && k > i && k+1 < j && capitalWord(&toks[k-1]) && capitalWord(&toks[k+1]) {
				slash = true // between two names, not in "11/9"
			}
			if !t.word || t.number || t.class&(wFunction|wConnector) != 0 && t.shape == shapeLower {
				continue
			}
			content++
			if t.shape != shapeLower {
				capital++
			}
			if t.shape == shapeUpper && letterCount(text[t.start:t.end]) >= 2 {
				upper++
			} else if t.shape != shapeUpper {
				notUpper++
			}
			if t.class&(wDict|wFunction) != 0 && t.class&(wGiven|wOrgHead|wLocHead) == 0 {
				dict++
			}
		}
		byline := toks[i].word && toks[i].shape != shapeLower && toks[i].class&wByline != 0 ||
			listMarker(ws, text, i, j) || // "5. Lena Varga (Norland) 15:08.00": a list's item, not a headline
			slash && !endsWithStop(ws, text, i, j) // "Lena Varga / NPA via Getty Images": a picture's credit
		// A sentence in capitals ("SHEARER NAMED AS CAPTAIN.") is shouted,
		// stop or no stop: case tells nothing there, so a dictionary word
		// is no name unless the knowledge base reads it as one.
		shouted := content >= 3 && upper >= 2 && notUpper == 0 || // "H1" and "A" are capitals too
			content == 2 && upper == 2 && dict == 2 && j-i <= 3 // a subheading of two words ("FAUSSE ALERTE"), not "NEW YORK"
		if !shouted && !capsDateline(ws, text, i, j) {
			// A lead-in in capitals before words in mixed case on its line
			// ("À LIRE AUSSI Guerre …", "THE SUSPECT was seen"): dictionary
			// words shouted for emphasis, no name's. (A line that is all
			// capitals, "ASSOCIATED PRESS", may be a name; so is a
			// dateline's town, "FORT WORTH, Texas (AP) —".)
			for k := i; k < j; k++ {
				if t := &toks[k]; t.word && !t.number && t.shape == shapeUpper && t.class&(wDict|wFunction) != 0 &&
					t.class&(wGiven|wOrgHead|wLocHead|wTitle) == 0 && letterCount(text[t.start:t.end]) >= 4 &&
					(k > i && shoutedWord(&toks[k-1]) || k+1 < j && shoutedWord(&toks[k+1])) && mixedAfter(toks, k, j) {
					t.name = false
					if n := &toks[k+1]; k+1 < j && n.word && n.shape == shapeCap && n.class&wDict != 0 {
						n.sentStart = true // the headline after the lead-in opens as a sentence does
						if n.class&(wGiven|wOrgHead|wLocHead) == 0 {
							n.name = false
						}
					}
				}
			}
		}
		if (content >= 3 || shouted) && capital*4 >= content*3 && (!endsWithStop(ws, text, i, j) || shouted) && !byline {
			for k := i; k < j; k++ {
				toks[k].titleLine = true
				toks[k].shouted = shouted
				if t := &toks[k]; shouted && t.word && !t.number && (t.class&wDict != 0 && t.class&(wGiven|wOrgHead|wLocHead) == 0 || t.class&wPersonVerb != 0) {
					t.name = false // ("POLICE SAID IT WAS …": a given name that is a speech verb is the verb)
				}
			}
		}
		i = j
	}
}

// capsDateline reports a sentence [i, j) that opens with words in capitals
// right before a comma or a bracket: a dateline's town ("FORT WORTH, Texas
// (AP) —", "ST. LOUIS (AP) –").
func capsDateline(ws *workspace, text string, i, j int) bool {
	toks := ws.toks
	k := i
	for k < j && (toks[k].word && toks[k].shape == shapeUpper || !toks[k].word && text[toks[k].start:toks[k].end] == ".") {
		k++
	}
	if k == i || k >= j || toks[k].word {
		return false
	}
	// (A dash follows a kicker too: "MARKET REPORT - Vessa".)
	switch text[toks[k].start:toks[k].end] {
	case ",", "(":
		return true
	}
	return false
}

// mixedAfter reports a word not in capitals after token k, before j.
func mixedAfter(toks []tok, k, j int) bool {
	for m := k + 1; m < j; m++ {
		if toks[m].word && !toks[m].number && toks[m].shape != shapeUpper {
			return true
		}
	}
	return false
}

// gluedWords reports a word of three names or more glued together, a
// page's list of tags or menu rendered without spaces
// ("RussiaSyriaTurkeyRefugees"): no one name.
func gluedWords(w string) bool {
	if len(w) < 9 {
		return false // three names of three letters at least
	}
	n := 0
	prevLower := false
	for i := 0; i < len(w); i++ { // bytes: ASCII capitals mark the joins
		c := w[i]
		if c >= 'A' && c <= 'Z' && prevLower {
			n++
		}
		prevLower = c >= 'a' && c <= 'z' || c >= 0x80
	}
	return n >= 3
}

// shoutedWord reports a dictionary word in capitals ("LIRE", "THE").
func shoutedWord(t *tok) bool {
	return t.word && !t.number && t.shape == shapeUpper && t.class&(wDict|wFunction) != 0
}

// capitalWord reports a capitalised word, not a number.
func capitalWord(t *tok) bool { return t.word && !t.number && t.shape != shapeLower }

// listMarker reports a sentence toks[i:j] opening with a list's number and
// its period ("5. ").
func listMarker(ws *workspace, text string, i, j int) bool {
	if j-i < 3 || !ws.toks[i].number || ws.toks[i].end-ws.toks[i].start > 2 {
		return false
	}
	p := &ws.toks[i+1]
	return !p.word && p.start == ws.toks[i].end && text[p.start:p.end] == "."
}

// endsWithStop reports whether the sentence toks[i:j] ends with a full stop.
func endsWithStop(ws *workspace, text string, i, j int) bool {
	if j <= i {
		return false
	}
	last := ws.toks[j-1]
	return !last.word && text[last.start:last.end] == "."
}

// dropOverlaps sorts the candidates by start and drops any that overlaps one
// kept before it (the earlier, then the longer, wins), so that the mentions
// handed on are sorted and disjoint whatever the chunking rules produced.
func dropOverlaps(cands []cand) {
	slices.SortStableFunc(cands, func(x, y cand) int {
		if x.from != y.from {
			return x.from - y.from
		}
		return y.to - x.to
	})
	end := -1
	for i := range cands {
		c := &cands[i]
		if c.drop {
			continue
		}
		if c.from < end {
			c.drop = true
			continue
		}
		end = c.to
	}
}
