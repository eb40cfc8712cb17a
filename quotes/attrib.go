package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
)

// Limits of the phrase scanners, in tokens.
const (
	maxSubjectWords = 12 // a subject phrase before its verb
	maxScareWords   = 3  // words in scare quotes a subject phrase reads through
	maxSpeakerWords = 12 // an inverted speaker phrase after its verb
	maxSkip         = 3  // adverbs skipped before an inverted speaker
	// inheritParagraphs is how far back an unattributed quotation, or a
	// pronoun, looks for the last speaker.
	inheritParagraphs = 6
	// maxLookback bounds every backward search over mentions or events, and
	// maxSentenceScan every scan across a sentence, so that hostile input
	// (one endless paragraph) stays linear.
	maxLookback     = 128
	maxSentenceScan = 64
	// pronounParagraphs is how far back a pronoun looks for a named person.
	pronounParagraphs = 2
)

// candidate kinds: what a subject phrase is before resolution.
const (
	kNone = iota
	kNamed
	kUnnamed
	kPronoun
	kPossessive
	kDefinite
)

type candidate struct {
	kind   int
	entity int          // kNamed
	span   dossier.Span // the phrase as written
	class  uint32       // kPronoun: pronoun class bits
	first  int          // token range of the phrase (kUnnamed, kDefinite)
	last   int
}

// event is one speech verb or cue outside quotations, with its speaker.
type event struct {
	pos     int
	verb    dossier.Span
	para    int
	speaker *dossier.Speaker
	first   int // token range of the unnamed speaker phrase, for matching descriptions
	last    int
}

// keptQuote is a region that passed the filters.
type keptQuote struct {
	region
	content dossier.Span
}

// work is the per-document scratch space, pooled.
type work struct {
	doc      *dossier.Document
	r        *rules
	text     string
	toks     []dossier.Token
	regions  []region
	kept     []keptQuote
	inQuote  []bool
	mentAt   []int32
	paras    []int // starts of non-blank lines
	events   []event
	buf      []byte
	speakers []dossier.Speaker // backing store for event speakers
}

func (w *work) reset() {
	w.doc, w.r, w.text, w.toks = nil, nil, "", nil
	w.regions = w.regions[:0]
	w.kept = w.kept[:0]
	w.events = w.events[:0]
	w.speakers = nil
}

func (w *work) init(doc *dossier.Document, r *rules) {
	w.doc, w.r, w.text, w.toks = doc, r, doc.Text, doc.Tokens
	w.paras = w.paras[:0]
	text := doc.Text
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		if !isBlankLine(text, i, end) {
			w.paras = append(w.paras, i)
		}
		i = end + 1
	}
}

func (w *work) skipLine(pos int) bool { return w.doc.InBoilerplate(pos) }

// para is the index of the paragraph holding pos.
func (w *work) para(pos int) int {
	return sort.SearchInts(w.paras, pos+1) - 1
}

// markQuoted flags the tokens inside quotations and indexes mentions by token.
func (w *work) markQuoted() {
	n := len(w.toks)
	if cap(w.inQuote) < n {
		w.inQuote = make([]bool, n)
		w.mentAt = make([]int32, n)
	}
	w.inQuote = w.inQuote[:n]
	w.mentAt = w.mentAt[:n]
	for i := range w.inQuote {
		w.inQuote[i] = false
		w.mentAt[i] = -1
	}
	for _, rg := range w.regions {
		for _, p := range rg.Parts {
			for i := w.tokAt(p.Start); i < n && w.toks[i].Start < p.End; i++ {
				w.inQuote[i] = true
			}
		}
	}
	ms := w.doc.Mentions
	ti := 0
	for mi, m := range ms {
		if m.Type != dossier.TypePER && m.Type != dossier.TypeORG || m.Entity < 0 || m.Entity >= len(w.doc.Entities) {
			continue
		}
		for ti > 0 && w.toks[ti-1].End > m.Start {
			ti--
		}
		for ti < n && w.toks[ti].End <= m.Start {
			ti++
		}
		for j := ti; j < n && w.toks[j].Start < m.End; j++ {
			if w.toks[j].Start >= m.Start && w.toks[j].End <= m.End {
				w.mentAt[j] = int32(mi)
			}
		}
	}
}

// tokAt is the index of the first token ending after pos.
func (w *work) tokAt(pos int) int {
	return sort.Search(len(w.toks), func(i int) bool { return w.toks[i].End > pos })
}

// fold returns token i folded (lowercase, ’ as '), in the shared buffer.
func (w *work) fold(i int) []byte {
	t := w.toks[i]
	if t.Start < 0 || t.End > len(w.text) || t.Start > t.End {
		w.buf = w.buf[:0]
		return w.buf
	}
	w.buf = fold(w.buf[:0], w.text[t.Start:t.End])
	return w.buf
}

func (w *work) cls(i int) uint32 {
	if i < 0 || i >= len(w.toks) || w.toks[i].Kind != dossier.TokWord {
		return 0
	}
	t := w.toks[i]
	if t.Start < 0 || t.End > len(w.text) || t.Start > t.End {
		return 0
	}
	s := w.text[t.Start:t.End]
	var c uint32
	if isPlainLower(s) {
		c = w.r.words[s] // already folded: no copy
	} else {
		c = w.r.words[string(w.fold(i))]
	}
	if c == 0 && w.r.people != "" && isLowerStart(s) {
		// "a nurse said", "a confié une infirmière": any noun of a person
		// heads an unnamed source.
		if !isPlainLower(s) {
			s = strings.ToLower(s)
		}
		if w.r.people.HasString(s) {
			c = cSourceNoun
		}
	}
	return c
}

// isLowerStart reports a word that starts with a lower-case letter.
func isLowerStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// isPlainLower reports whether s is lowercase ASCII, its own folded form.
func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

func (w *work) isPunct(i int) bool { return w.toks[i].Kind == dossier.TokPunct }

// isQuoteMark reports whether token i is a quotation mark.
func (w *work) isQuoteMark(i int) bool {
	if !w.isPunct(i) {
		return false
	}
	t := w.toks[i]
	if t.Start >= t.End || t.End > len(w.text) {
		return false
	}
	switch w.text[t.Start:t.End] {
	case "«", "»", "“", "”", "\"", "‹", "›":
		return true
	}
	return false
}

// isLowerWord reports whether token i is a word starting with a lowercase letter.
func (w *work) isLowerWord(i int) bool {
	t := w.toks[i]
	if t.Kind != dossier.TokWord || t.Start >= t.End || t.End > len(w.text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.text[t.Start:t.End])
	return unicode.IsLower(r)
}

// isAdverb reports whether token i is a listed adverb.
func (w *work) isAdverb(i int) bool {
	return i >= 0 && i < len(w.toks) && w.cls(i)&cAdverb != 0
}

// isAdverbLike also accepts words with an adverb suffix ("séparément"),
// only where a noun cannot stand: right after a verb or between an
// auxiliary and its participle ("renseignement" ends in -ment too).
// timexEnd returns the token after a date expression that starts at token
// i, or i when none does.
func (w *work) timexEnd(i int) int {
	if i < 0 || i >= len(w.toks) {
		return i
	}
	start := w.toks[i].Start
	tx := w.doc.Timexes
	k := sort.Search(len(tx), func(j int) bool { return tx[j].Start >= start })
	if k < len(tx) && tx[k].Start == start && tx[k].End > start {
		return w.tokAt(tx[k].End-1) + 1
	}
	return i
}

func (w *work) isAdverbLike(i int) bool {
	if i < 0 || i >= len(w.toks) {
		return false
	}
	if w.cls(i)&cAdverb != 0 {
		return true
	}
	if !w.isLowerWord(i) {
		return false
	}
	b := w.fold(i)
	for _, suf := range w.r.adverbSuf {
		if len(b) > len(suf)+3 && string(b[len(b)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// Word gives the folded word of token j to the phrase matcher; a token
// that is not a word (punctuation) holds none.
func (w *work) Word(j int) ([]byte, bool) {
	if j < 0 || j >= len(w.toks) || w.toks[j].Kind != dossier.TokWord {
		return nil, false
	}
	return w.fold(j), true
}

// matchBack returns the length in tokens of the longest phrase of ps
// ending at token i (0 if none), staying at or after lo.
func (w *work) matchBack(ps *lexicon.Phrases, i, lo int) int { return lexicon.Backward(ps, w, i, lo) }

// matchFwd returns the length of the longest phrase of ps starting at token i, before hi.
func (w *work) matchFwd(ps *lexicon.Phrases, i, hi int) int { return lexicon.Forward(ps, w, i, hi) }

// sentence returns the token range [lo, hi) of the sentence holding token i.
func (w *work) sentence(i int) (lo, hi int) {
	ss := w.doc.Sentences
	pos := w.toks[i].Start
	k := sort.Search(len(ss), func(j int) bool { return ss[j].End > pos })
	if k == len(ss) || ss[k].Start > pos {
		// Outside any sentence: bound by the paragraph.
		p := w.para(pos)
		start, end := 0, len(w.text)
		if p >= 0 && p < len(w.paras) {
			start = w.paras[p]
		}
		if e := strings.IndexByte(w.text[pos:], '\n'); e >= 0 {
			end = pos + e
		}
		return w.tokAt(start), w.tokAt(end)
	}
	return w.tokAt(ss[k].Start), w.tokAt(ss[k].End)
}

// keepQuotes applies the quotation filters to the scanned regions.
func (w *work) keepQuotes() {
	for _, rg := range w.regions {
		c := rg.content()
		if c.End <= c.Start || c.Start < 0 || c.End > len(w.text) {
			continue
		}
		words, lowerLong, capitals := countWords(w.text[c.Start:c.End])
		if words < MinWords && !(words >= minSpokenWords && spokenEnd(w.text[c.Start:c.End])) {
			continue
		}
		if lowerLong == 0 && capitals >= 2 {
			continue // Title Case: a name or a title, not speech
		}
		if w.titleCueBefore(rg.Open) || w.isCharge(c) {
			continue
		}
		w.kept = append(w.kept, keptQuote{region: rg, content: c})
	}
}

// minSpokenWords: a shorter quotation still counts when its own punctuation
// hands over to the attribution ("We saw smoke," said…): a comma closing the
// quoted words marks speech, where a scare quote has none.
const minSpokenWords = 2

// shortQuote reports a quotation under MinWords words.
func shortQuote(s string) bool {
	words, _, _ := countWords(s)
	return words < MinWords
}

func spokenEnd(s string) bool {
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, ",")
}

// countWords counts whitespace-separated words holding a letter or digit,
// the lowercase ones longer than three letters, and the capitalised ones
// after the first.
func countWords(s string) (words, lowerLong, capitals int) {
	inWord, hasAlnum := false, false
	letters, first := 0, rune(0)
	end := func() {
		if inWord && hasAlnum {
			words++
			switch {
			case unicode.IsLower(first) && letters > 3:
				lowerLong++
			case unicode.IsUpper(first) && words > 1:
				capitals++
			}
		}
		inWord, hasAlnum, letters, first = false, false, 0, 0
	}
	for _, r := range s {
		if isBlank(r) && r != utf8.RuneError {
			end()
			continue
		}
		if !inWord {
			inWord = true
		}
		if isWordRune(r) {
			if !hasAlnum {
				first = r
			}
			hasAlnum = true
			letters++
		}
	}
	end()
	return
}

// titleCueBefore reports whether the word right before the opening mark
// announces a title ("Operation", "le livre").
func (w *work) titleCueBefore(open int) bool {
	i := w.tokAt(open) - 1
	return i >= 0 && w.cls(i)&cTitleCue != 0
}

func (w *work) isCharge(c dossier.Span) bool {
	if len(w.r.charges) == 0 {
		return false
	}
	end := c.End
	if end-c.Start > 120 {
		end = c.Start + 120
	}
	w.buf = fold(w.buf[:0], w.text[c.Start:end])
	for _, p := range w.r.charges {
		if len(w.buf) >= len(p) && string(w.buf[:len(p)]) == p {
			return true
		}
	}
	return false
}

// findEvents collects the speech events outside quotations, in text order,
// resolving each speaker against the events before it.
func (w *work) findEvents() {
	n := len(w.toks)
	for i := 0; i < n; i++ {
		if w.inQuote[i] || w.toks[i].Kind != dossier.TokWord {
			continue
		}
		c := w.cls(i)
		if c&(cVerb|cCue) == 0 {
			continue
		}
		var hi int
		if l := w.matchFwd(&w.r.sourceCues, i, n); c&cCue != 0 && l > 0 {
			_, hi = w.sentence(i)
			ev := event{pos: w.toks[i].Start, verb: dossier.Span{Start: w.toks[i].Start, End: w.toks[i+l-1].End}}
			cand := w.speakerAfter(i+l, hi)
			w.addEvent(ev, cand)
			i += l - 1
			continue
		}
		if c&cVerb == 0 || !w.isLowerWord(i) || w.doc.InBoilerplate(w.toks[i].Start) {
			continue
		}
		if i > 0 && w.cls(i-1)&cDeterminer != 0 {
			continue // "the report", "une note": a noun
		}
		lo, hi := w.sentence(i)
		ev, cand := w.verbEvent(i, lo, hi)
		w.addEvent(ev, cand)
	}
}

func (w *work) addEvent(ev event, c candidate) {
	ev.para = w.para(ev.pos)
	ev.first, ev.last = -1, -1
	sp := w.resolve(c, ev.pos)
	if sp != nil {
		w.speakers = append(w.speakers, *sp)
		ev.speaker = sp
		if sp.Entity < 0 {
			ev.first, ev.last = w.tokAt(sp.Span.Start), w.tokAt(sp.Span.End)-1
		}
	}
	w.events = append(w.events, ev)
}

// verbEvent reads the verb at token v: its auxiliary and clitic, and its
// subject before it, after it (inverted) or as a clitic pronoun.
func (w *work) verbEvent(v, lo, hi int) (event, candidate) {
	start := v
	j := v - 1
	var clitic = -1
	if j >= lo && w.cls(j)&cClitic != 0 {
		clitic = j
		j--
	}
	// "a également déclaré", "has also said": adverbs between auxiliary and verb.
	if k := j; k > lo && w.isAdverbLike(k) {
		for k > lo && w.isAdverbLike(k) {
			k--
		}
		if w.matchBack(&w.r.auxiliaries, k, lo) > 0 {
			j = k
		}
	}
	if l := w.matchBack(&w.r.auxiliaries, j, lo); l > 0 {
		start = j - l + 1
		j = start - 1
	} else if clitic >= 0 {
		start = clitic
	}
	end := v
	if v+1 < hi && w.cls(v+1)&cClitic != 0 {
		clitic = v + 1
		end = v + 1
	}
	ev := event{pos: w.toks[start].Start, verb: dossier.Span{Start: w.toks[start].Start, End: w.toks[end].End}}
	if clitic >= 0 {
		return ev, w.cliticPronoun(clitic)
	}
	// Left context, past adverbs ("One source meanwhile said").
	for j >= lo && w.isAdverb(j) {
		j--
	}
	// "X condemned the attack, saying …", "X a réagi, en déclarant …": a
	// participle after a comma speaks with the sentence's subject.
	if w.cls(v)&cParticiple != 0 {
		k := j
		if k >= lo && w.cls(k)&cGerund != 0 {
			k--
		}
		if k > lo && w.isPunct(k) && w.text[w.toks[k].Start] == ',' {
			if c := w.sentenceSubject(lo, k); c.kind != kNone {
				return ev, c
			}
		}
	}
	if j < lo || w.isPunct(j) {
		if w.cls(v)&cAddressee != 0 {
			// "X, a researcher, told reporters": the subject is in apposition.
		} else if c := w.speakerAfter(end+1, hi); c.kind != kNone {
			return ev, c
		}
		if j >= lo && w.text[w.toks[j].Start] == ',' {
			return ev, w.apposition(lo, j)
		}
		return ev, candidate{}
	}
	c := w.cls(j)
	switch {
	case c&cPronoun != 0:
		return ev, candidate{kind: kPronoun, class: c & cPronoun, span: w.toks[j].Span}
	case c&cConjunction != 0:
		return ev, w.sentenceSubject(lo, j)
	case c&cRelative != 0:
		k := j - 1
		if k >= lo && w.isPunct(k) && w.text[w.toks[k].Start] == ',' {
			k--
		}
		if k < lo {
			return ev, candidate{}
		}
		return ev, w.speakerBefore(lo, k)
	}
	return ev, w.speakerBefore(lo, j)
}

func (w *work) cliticPronoun(i int) candidate {
	b := w.fold(i)
	s := string(b)
	s = strings.TrimPrefix(s, "-t-")
	s = strings.TrimPrefix(s, "-")
	c := w.r.words[s] & cPronoun
	if c == 0 {
		return candidate{}
	}
	return candidate{kind: kPronoun, class: c, span: w.toks[i].Span}
}

// sentenceSubject reads the subject at the start of the sentence, for a
// coordinated verb ("X refused … and said").
func (w *work) sentenceSubject(lo, j int) candidate {
	if j-lo > maxSentenceScan {
		return candidate{}
	}
	k := lo
	for k < j && (w.isPunct(k) || w.inQuote[k]) {
		k++
	}
	if k < j && w.cls(k)&cStop != 0 {
		// "In a statement published on Sunday, X claimed…, saying": an
		// opening adverbial phrase ends at its comma; the subject follows.
		for c := k + 1; c < j; c++ {
			if w.isPunct(c) && w.text[w.toks[c].Start] == ',' {
				k = c + 1
				break
			}
		}
		for k < j && (w.isPunct(k) || w.inQuote[k]) {
			k++
		}
	}
	last := k
	for last+1 < j && !w.isPunct(last+1) && w.matchFwd(&w.r.auxiliaries, last+1, j) == 0 && w.cls(last+1)&(cVerb|cStop) == 0 && last-k < maxSubjectWords {
		last++
	}
	if k >= j {
		return candidate{}
	}
	if c := w.cls(k); c&cPronoun != 0 && last == k {
		return candidate{kind: kPronoun, class: c & cPronoun, span: w.toks[k].Span}
	}
	return w.classify(k, last)
}

// apposition finds "X, a description, said": the first person (else
// organisation) of the sentence followed by a comma.
func (w *work) apposition(lo, comma int) candidate {
	best := candidate{}
	if comma-lo > maxSentenceScan {
		lo = comma - maxSentenceScan
	}
	for k := lo; k < comma; k++ {
		mi := w.mentAt[k]
		if mi < 0 || w.inQuote[k] || k+1 > comma || !w.isPunct(k+1) || w.text[w.toks[k+1].Start] != ',' {
			continue
		}
		m := w.doc.Mentions[mi]
		if m.End != w.toks[k].End {
			continue
		}
		if m.Type == dossier.TypePER {
			return candidate{kind: kNamed, entity: m.Entity, span: m.Span}
		}
		if best.kind == kNone {
			best = candidate{kind: kNamed, entity: m.Entity, span: m.Span}
		}
	}
	return best
}

// speakerBefore reads the subject phrase ending at token j.
func (w *work) speakerBefore(lo, j int) candidate {
	if mi := w.mentAt[j]; mi >= 0 && !w.inQuote[j] {
		m := w.doc.Mentions[mi]
		// A name right before the verb is its subject, unless it only
		// completes a description headed by a source noun ("a source at the DGSI").
		k := w.tokAt(m.Start) - 1
		first := w.phraseStart(w.subjectStart(lo, k, j), k)
		if first <= k {
			if c := w.classify(first, j); c.kind != kNone {
				return c
			}
		}
		return candidate{kind: kNamed, entity: m.Entity, span: m.Span}
	}
	if w.cls(j)&cPronoun != 0 {
		return candidate{kind: kPronoun, class: w.cls(j) & cPronoun, span: w.toks[j].Span}
	}
	first := w.phraseStart(w.subjectStart(lo, j-1, j-1), j)
	c := w.classify(first, j)
	if w.cls(j)&cDocumentNoun != 0 {
		// "the monitors' 28-page report concluded": the document speaks
		// for its owner, set before a possessive clitic.
		k := first - 1
		for k > lo && (w.toks[k].Kind == dossier.TokNumber || w.isPunct(k) && w.text[w.toks[k].Start] == '-') {
			k--
		}
		if k > lo && w.isPossessive(k) {
			if o := w.speakerBefore(lo, k-1); o.kind != kNone && o.kind != kPronoun {
				return o
			}
		}
	}
	return c
}

// isPossessive reports a possessive clitic token: "'s", "’s", or a lone
// apostrophe after a plural ("the monitors' report").
func (w *work) isPossessive(k int) bool {
	f := string(w.fold(k))
	return f == "'s" || f == "'"
}

// subjectStart walks back from token k over the words of a subject phrase
// (at most maxSubjectWords from token end) and returns its first token. It
// stops at punctuation, quotations and stop words, but reads through scare
// quotes of one to three words ("un «État membre» de l'ONU").
func (w *work) subjectStart(lo, k, end int) int {
	first := k
	for first >= lo && end-first < maxSubjectWords {
		if open := w.scareOpen(first, lo); open >= 0 {
			first = open - 1
			continue
		}
		if w.isPunct(first) || w.inQuote[first] || w.cls(first)&cStop != 0 {
			break
		}
		first--
	}
	return first + 1
}

// scareOpen returns the opening mark of the scare quote whose closing mark
// is token i, or -1 when token i does not close one.
func (w *work) scareOpen(i, lo int) int {
	if !w.isQuoteMark(i) {
		return -1
	}
	m := i - 1
	for m >= lo && w.inQuote[m] && !w.isQuoteMark(m) && i-m <= maxScareWords+1 {
		m--
	}
	if n := i - m - 1; m < lo || n < 1 || n > maxScareWords || !w.isQuoteMark(m) {
		return -1
	}
	return m
}

// phraseStart moves the start of the subject phrase [first, j] to its last
// determiner not linked to a noun before it: "in a general sense the
// agencies said" → "the agencies", "le rapport cite un «pays membre» de
// l'OTAN qui estime" → "un «pays membre» de l'OTAN", but "le premier point
// de l'accord" stays whole.
func (w *work) phraseStart(first, j int) int {
	for d := j; d > first; d-- {
		if c := w.cls(d); c&cDeterminer != 0 && c&cLink == 0 && w.cls(d-1)&cLink == 0 {
			return d
		}
	}
	return first
}

// Limits of the phrases read around an inverted speaker, in tokens.
const (
	maxIncisePP    = 5 // "a déclaré au quotidien régional | un conseiller"
	maxParenthesis = 6 // "(VUB)" between a description and the name it introduces
	// maxDescriptionTail bounds the words after a speaker description and
	// before the comma that sets off its name ("par intérim").
	maxDescriptionTail = 3
)

// speakerAfter reads an inverted speaker phrase starting at token i: past
// adverbs and one prepositional phrase before it ("a déclaré sur place le
// ministre"), and with the name set after its description ("le ministre de
// l'Intérieur, Ghazi X"; "le psychologue de l'université (UL) Lena X").
func (w *work) speakerAfter(i, hi int) candidate {
	c, last := w.invertedPhrase(i, hi)
	if c.kind == kNone || c.kind == kPronoun || c.kind == kNamed && w.doc.Mentions[w.mentionOf(c)].Type == dossier.TypePER {
		return c
	}
	if p := w.apposedName(last+1, hi); p.kind != kNone {
		return p
	}
	return c
}

// mentionOf returns the mention index of a named candidate's span.
func (w *work) mentionOf(c candidate) int {
	if k := w.tokAt(c.span.Start); k >= 0 && k < len(w.mentAt) && w.mentAt[k] >= 0 {
		return int(w.mentAt[k])
	}
	return 0
}

// apposedName returns the person named right after a speaker description,
// past a parenthesis (an acronym) and one comma, when the name ends there.
func (w *work) apposedName(k, hi int) candidate {
	if k < hi && w.isPunct(k) && w.text[w.toks[k].Start] == '(' {
		e := k + 1
		for e < hi && e-k <= maxParenthesis && !(w.isPunct(e) && w.text[w.toks[e].Start] == ')') {
			e++
		}
		if e >= hi || e-k > maxParenthesis {
			return candidate{}
		}
		k = e + 1
	}
	// A short complement may end the description before the comma ("le
	// ministre de l'Intérieur par intérim, Ghazi X").
	for e := k; e < hi && e-k < maxDescriptionTail && !w.inQuote[e] && w.mentAt[k] < 0; e++ {
		if w.isPunct(e) {
			if w.text[w.toks[e].Start] == ',' {
				k = e
			}
			break
		}
	}
	if k < hi && w.isPunct(k) && w.text[w.toks[k].Start] == ',' {
		k++
	}
	if k >= hi || w.inQuote[k] {
		return candidate{}
	}
	mi := w.mentAt[k]
	if mi < 0 {
		return candidate{}
	}
	m := w.doc.Mentions[mi]
	if m.Type != dossier.TypePER || w.toks[k].Start != m.Start {
		return candidate{}
	}
	end := w.tokAt(m.End-1) + 1
	if end < hi && !w.isPunct(end) && w.cls(end)&(cStop|cRelative) == 0 {
		return candidate{} // the name goes on into another phrase
	}
	return candidate{kind: kNamed, entity: m.Entity, span: m.Span}
}

// invertedPhrase reads the speaker phrase of speakerAfter and returns it
// with its last token.
func (w *work) invertedPhrase(i, hi int) (candidate, int) {
	for skip := 0; i < hi && skip < maxSkip; skip++ {
		// A date ("a déclaré mardi soir un voisin", "said on Monday a
		// witness") or an adverb phrase ("hier soir"), the longer.
		e := w.timexEnd(i)
		if e > hi {
			e = i
		}
		if l := w.matchFwd(&w.r.adverbs, i, hi); i+l > e {
			e = i + l
		}
		if e > i {
			i = e
			continue
		}
		if w.isAdverbLike(i) {
			i++
			continue
		}
		break
	}
	if i < hi && !w.isPunct(i) && !w.inQuote[i] && w.cls(i)&(cStop|cLink) != 0 {
		// "a déclaré au quotidien régional un conseiller": past one
		// prepositional phrase, a determiner opens the speaker; without
		// one ("a déclaré à CNN") the phrase is an addressee.
		k := i + 1
		if k < hi && w.cls(k)&cDeterminer != 0 {
			k++
		}
		for k < hi && k-i <= maxIncisePP && !w.isPunct(k) && !w.inQuote[k] && w.cls(k)&(cDefinite|cIndefinite) == 0 {
			k++
		}
		if k >= hi || k-i > maxIncisePP || w.cls(k)&(cDefinite|cIndefinite) == 0 {
			return candidate{}, i
		}
		i = k
	}
	if i >= hi || w.isPunct(i) || w.inQuote[i] || w.cls(i)&(cStop|cLink) != 0 {
		return candidate{}, i // "a déclaré à CNN": an addressee, not a speaker
	}
	if c := w.cls(i); c&cPronoun != 0 {
		return candidate{kind: kPronoun, class: c & cPronoun, span: w.toks[i].Span}, i
	}
	last := i
	for last+1 < hi && !w.isPunct(last+1) && !w.inQuote[last+1] && w.cls(last+1)&cStop == 0 && last-i < maxSpeakerWords {
		last++
	}
	return w.classify(i, last), last
}

// classify decides what the phrase of tokens [a, b] names.
// linkBefore reports a linking word ("of", "at", "de") among the tokens from
// a up to byte pos: "a friend of Karim Benali" is the friend, not Benali.
func (w *work) linkBefore(a, pos int) bool {
	for k := a; k < len(w.toks) && w.toks[k].Start < pos; k++ {
		if w.cls(k)&cLink != 0 {
			return true
		}
	}
	return false
}

func (w *work) classify(a, b int) candidate {
	if a > b || a < 0 || b >= len(w.toks) {
		return candidate{}
	}
	det := w.cls(a)
	var per, org int32 = -1, -1
	nounBeforeName := false // a role noun linked to a later name: "the spokesman of the ministry"
	roleNoun := false
	hasSource, hasDoc, hasPerson := false, false, false
	for k := a; k <= b; k++ {
		if mi := w.mentAt[k]; mi >= 0 {
			m := w.doc.Mentions[mi]
			if m.Type == dossier.TypePER && per < 0 {
				per = mi
			}
			if m.Type == dossier.TypeORG && org < 0 {
				org = mi
			}
			continue
		}
		c := w.cls(k)
		if c&cLink != 0 && roleNoun && per < 0 && org < 0 {
			nounBeforeName = true
		}
		if c&cSourceNoun != 0 {
			hasSource = true
		}
		if c&cPersonNoun != 0 {
			hasPerson = true
		}
		if c&cDocumentNoun != 0 {
			hasDoc = true
		}
		if c&(cSourceNoun|cPersonNoun) != 0 && c&cDocumentNoun == 0 && per < 0 && org < 0 {
			roleNoun = true
		}
	}
	span := dossier.Span{Start: w.toks[a].Start, End: w.toks[b].End}
	named := func(mi int32) candidate {
		m := w.doc.Mentions[mi]
		return candidate{kind: kNamed, entity: m.Entity, span: m.Span}
	}
	// A role before a person's name is the person: "local journalist Amir
	// Tal", "a senior commander, Karim Benali".
	if per >= 0 && w.doc.Mentions[per].End == w.toks[b].End && !w.linkBefore(a, w.doc.Mentions[per].Start) {
		return named(per)
	}
	// Trim the phrase after the last name or noun it needs.
	switch {
	case det&cIndefinite != 0 || det == 0 && w.isLowerWord(a):
		// "a UN report", "un rapport de l'ONU": documents speak for their owner.
		if hasDoc && !hasSource && !hasPerson {
			if org >= 0 {
				return named(org)
			}
			if per >= 0 {
				return named(per)
			}
		}
		if hasSource || hasDoc || hasPerson {
			return candidate{kind: kUnnamed, span: span, first: a, last: b}
		}
		return candidate{}
	case det&cPossessive != 0 && per < 0:
		if hasSource || hasDoc || hasPerson {
			return candidate{kind: kPossessive, span: span, first: a, last: b}
		}
		return candidate{}
	}
	if per >= 0 {
		return named(per)
	}
	if org >= 0 && per < 0 && w.mentAt[b] < 0 && w.cls(b)&(cSourceNoun|cPersonNoun) != 0 && w.cls(b)&cDocumentNoun == 0 {
		// "UN monitors say", "Pentagon officials said": people of the
		// organisation, not the organisation itself.
		return candidate{kind: kUnnamed, span: span, first: a, last: b}
	}
	if org >= 0 {
		if nounBeforeName && !hasDoc {
			// "the spokesman of the ministry": a person of the organisation.
			return candidate{kind: kUnnamed, span: span, first: a, last: b}
		}
		return named(org)
	}
	if det&cDefinite != 0 {
		if hasSource || hasDoc || hasPerson {
			return candidate{kind: kDefinite, span: span, first: a, last: b}
		}
		return candidate{}
	}
	if hasSource || hasPerson {
		return candidate{kind: kUnnamed, span: span, first: a, last: b}
	}
	return candidate{}
}

// resolve turns a candidate into a speaker, looking back from pos.
func (w *work) resolve(c candidate, pos int) *dossier.Speaker {
	switch c.kind {
	case kNamed:
		return &dossier.Speaker{Entity: c.entity, Span: c.span}
	case kUnnamed:
		return &dossier.Speaker{Entity: -1, Span: c.span, Descriptor: w.descriptor(c.first, c.last)}
	case kPronoun:
		return w.resolvePronoun(c, pos)
	case kPossessive:
		if mi := w.nearestMention(c.span.Start, pronounParagraphs, "", true); mi >= 0 {
			m := w.doc.Mentions[mi]
			return &dossier.Speaker{Entity: m.Entity, Span: m.Span}
		}
		return &dossier.Speaker{Entity: -1, Span: c.span, Descriptor: w.descriptor(c.first, c.last)}
	case kDefinite:
		return w.resolveDefinite(c, pos)
	}
	return nil
}

// lastEvent returns the index of the last event with a speaker before pos
// within the paragraph window, or -1.
func (w *work) lastEvent(pos, paras int, accept func(*dossier.Speaker) bool) int {
	p := w.para(pos)
	start := sort.Search(len(w.events), func(i int) bool { return w.events[i].pos >= pos })
	for k := start - 1; k >= 0 && start-k <= maxLookback; k-- {
		e := &w.events[k]
		if e.pos >= pos {
			continue
		}
		if p-e.para > paras {
			break
		}
		if e.speaker != nil && (accept == nil || accept(e.speaker)) {
			return k
		}
	}
	return -1
}

func (w *work) entityType(sp *dossier.Speaker) string {
	if sp.Entity < 0 || sp.Entity >= len(w.doc.Entities) {
		return ""
	}
	return w.doc.Entities[sp.Entity].Type
}

func (w *work) resolvePronoun(c candidate, pos int) *dossier.Speaker {
	p := w.para(pos)
	var accept func(*dossier.Speaker) bool
	want := dossier.TypePER
	switch {
	case c.class&cPronPerson != 0:
		accept = func(sp *dossier.Speaker) bool { return w.entityType(sp) != dossier.TypeORG }
	case c.class&cPronThing != 0:
		accept = func(sp *dossier.Speaker) bool { return w.entityType(sp) == dossier.TypeORG }
		want = dossier.TypeORG
	case c.class&cPronPlural != 0:
		want = dossier.TypeORG
	}
	k := w.lastEvent(pos, inheritParagraphs, accept)
	if c.class&cPronThing != 0 {
		if mi := w.nearestMention(pos, pronounParagraphs, want, false); mi >= 0 {
			m := w.doc.Mentions[mi]
			return &dossier.Speaker{Entity: m.Entity, Span: m.Span}
		}
		if k >= 0 {
			return w.copySpeaker(k)
		}
		return nil
	}
	if k >= 0 && w.events[k].para == p {
		return w.copySpeaker(k)
	}
	mi := w.nearestMention(pos, pronounParagraphs, want, false)
	if mi >= 0 && (k < 0 || w.doc.Mentions[mi].Start > w.events[k].pos) {
		m := w.doc.Mentions[mi]
		return &dossier.Speaker{Entity: m.Entity, Span: m.Span}
	}
	if k >= 0 {
		return w.copySpeaker(k)
	}
	return nil
}

func (w *work) copySpeaker(k int) *dossier.Speaker {
	sp := *w.events[k].speaker
	return &sp
}

// nearestMention returns the last PER/ORG mention outside quotations that
// ends before pos within the paragraph window, of type typ ("" for either).
func (w *work) nearestMention(pos, paras int, typ string, _ bool) int {
	ms := w.doc.Mentions
	p := w.para(pos)
	k := sort.Search(len(ms), func(i int) bool { return ms[i].End > pos })
	stop := k - maxLookback
	for k--; k >= 0 && k > stop; k-- {
		m := ms[k]
		if w.para(m.Start) < p-paras {
			break
		}
		if m.Type != dossier.TypePER && m.Type != dossier.TypeORG || m.Entity < 0 || m.Entity >= len(w.doc.Entities) {
			continue
		}
		if typ != "" && m.Type != typ {
			continue
		}
		if t := w.tokAt(m.Start); t < len(w.inQuote) && w.inQuote[t] {
			continue
		}
		return k
	}
	return -1
}

// headWords appends the folded content words of tokens [a, b] to dst.
func (w *work) headWords(dst []string, a, b int) []string {
	for k := a; k <= b && k < len(w.toks); k++ {
		if k < 0 || w.toks[k].Kind != dossier.TokWord {
			continue
		}
		c := w.cls(k)
		if c&(cSourceNoun|cPersonNoun|cDocumentNoun) == 0 {
			continue
		}
		dst = append(dst, string(w.fold(k)))
	}
	return dst
}

// resolveDefinite resolves "the academic", "le ministère", "le haut
// responsable": to a named entity whose name holds the noun, to an earlier
// unnamed source sharing a noun, or to the last person speaking.
func (w *work) resolveDefinite(c candidate, pos int) *dossier.Speaker {
	heads := w.headWords(nil, c.first, c.last)
	// A named organisation or person whose name holds the noun ("la cour" → "cour d'assises").
	ms := w.doc.Mentions
	p := w.para(pos)
	k := sort.Search(len(ms), func(i int) bool { return ms[i].End > c.span.Start })
	stop := k - maxLookback
	for k--; k >= 0 && k > stop; k-- {
		m := ms[k]
		if w.para(m.Start) < p-inheritParagraphs {
			break
		}
		if m.Type != dossier.TypePER && m.Type != dossier.TypeORG || m.Entity < 0 || m.Entity >= len(w.doc.Entities) {
			continue
		}
		if containsWord(w, m.Span, heads) {
			return &dossier.Speaker{Entity: m.Entity, Span: m.Span}
		}
	}
	// An earlier unnamed source described with the same noun, anywhere
	// before: a repeated description is the article's way to name it.
	for e := len(w.events) - 1; e >= 0 && len(w.events)-e <= maxLookback; e-- {
		ev := &w.events[e]
		if ev.speaker == nil || ev.speaker.Entity >= 0 || ev.first < 0 {
			continue
		}
		if containsWord(w, ev.speaker.Span, heads) {
			sp := *ev.speaker
			return &sp
		}
	}
	// A role noun refers back to the last person speaking.
	hasPerson := false
	for k := c.first; k <= c.last; k++ {
		if w.cls(k)&cPersonNoun != 0 {
			hasPerson = true
		}
	}
	if hasPerson {
		if e := w.lastEvent(pos, inheritParagraphs, func(sp *dossier.Speaker) bool { return w.entityType(sp) == dossier.TypePER }); e >= 0 {
			return w.copySpeaker(e)
		}
	}
	return &dossier.Speaker{Entity: -1, Span: c.span, Descriptor: w.descriptor(c.first, c.last)}
}

// containsWord reports whether the span holds one of words as a whole word.
func containsWord(w *work, s dossier.Span, words []string) bool {
	if len(words) == 0 {
		return false
	}
	for k := w.tokAt(s.Start); k < len(w.toks) && w.toks[k].Start < s.End; k++ {
		if w.toks[k].Kind != dossier.TokWord {
			continue
		}
		b := w.fold(k)
		for _, x := range words {
			if string(b) == x {
				return true
			}
		}
	}
	return false
}

// descriptor normalises an unnamed source's phrase: lowercase words without
// the leading determiners.
func (w *work) descriptor(a, b int) string {
	for a <= b && w.cls(a)&(cDeterminer) != 0 {
		a++
	}
	var sb strings.Builder
	for k := a; k <= b && k < len(w.toks); k++ {
		if k < 0 {
			continue
		}
		t := w.toks[k]
		if t.Kind == dossier.TokPunct {
			continue
		}
		if sb.Len() > 0 && !strings.HasSuffix(sb.String(), "'") {
			sb.WriteByte(' ')
		}
		sb.Write(w.fold(k))
	}
	return sb.String()
}

// attribute gives each kept quotation its speaker and verb and fills doc.Quotes.
func (w *work) attribute() {
	ev := w.events
	var lastQuote *dossier.Speaker
	lastQuotePara := -1
	for qi := range w.kept {
		q := &w.kept[qi]
		nextOpen := len(w.text)
		if qi+1 < len(w.kept) {
			nextOpen = w.kept[qi+1].Open
		}
		closeTok := w.tokAt(q.content.End - 1)
		openTok := w.tokAt(q.Open)
		if closeTok >= len(w.toks) || openTok >= len(w.toks) {
			continue
		}
		_, sHi := w.sentence(closeTok)
		sLo, _ := w.sentence(openTok)
		sEnd := len(w.text)
		if sHi < len(w.toks) {
			sEnd = w.toks[sHi].Start
		}
		sStart := w.toks[sLo].Start
		chosen := -1
		// 1. Right after the quotation, in its sentence, before the next one.
		k := sort.Search(len(ev), func(i int) bool { return ev[i].pos >= q.End })
		for j := k; j < len(ev) && ev[j].pos < sEnd && j-k < maxSentenceScan; j++ {
			if ev[j].speaker != nil && ev[j].pos < nextOpen {
				chosen = j
				break
			}
		}
		// 2. Before it, in its sentence.
		if chosen < 0 {
			for j := k - 1; j >= 0 && ev[j].pos >= sStart && k-j < maxSentenceScan; j-- {
				if ev[j].pos < q.Open && ev[j].speaker != nil {
					chosen = j
					break
				}
			}
		}
		// 3. Later in its sentence, past other quotations.
		if chosen < 0 {
			for j := k; j < len(ev) && ev[j].pos < sEnd && j-k < maxSentenceScan; j++ {
				if ev[j].speaker != nil {
					chosen = j
					break
				}
			}
		}
		quote := dossier.Quote{Span: q.content}
		if len(q.Parts) > 1 {
			quote.Parts = append([]dossier.Span(nil), q.Parts...)
		}
		p := w.para(q.Open)
		switch {
		case chosen >= 0:
			sp := *ev[chosen].speaker
			quote.Speaker = &sp
			v := ev[chosen].verb
			quote.Verb = &v
		default:
			// 4. Inherit the last speaker of the preceding paragraphs.
			j := w.lastEvent(q.Open, inheritParagraphs, nil)
			switch {
			case lastQuote != nil && p-lastQuotePara <= inheritParagraphs && (j < 0 || lastQuotePara >= ev[j].para):
				sp := *lastQuote
				quote.Speaker = &sp
			case j >= 0:
				sp := *ev[j].speaker
				quote.Speaker = &sp
			}
		}
		if shortQuote(w.text[q.content.Start:q.content.End]) && (quote.Verb == nil || quote.Verb.Start < q.content.End) {
			// A few quoted words count only when a speech verb after them
			// takes them up ("We saw smoke," said…); else they are a scare
			// quote ("He called it a 'so-called truce,' and left").
			continue
		}
		if quote.Speaker != nil {
			lastQuote, lastQuotePara = quote.Speaker, p
		}
		w.doc.Quotes = append(w.doc.Quotes, quote)
	}
	w.dedupe()
}

// dedupe keeps one of several quotations with the same words (a headline
// repeated in the body): the one with a verb, else with a speaker, else the first.
func (w *work) dedupe() {
	qs := w.doc.Quotes
	if len(qs) < 2 {
		return
	}
	if len(qs) <= 32 {
		w.dedupeSmall()
		return
	}
	best := make(map[string]int, len(qs)) // trimmed words → index of the quote kept
	for i, q := range qs {
		key := trimNonWord(w.text[q.Start:q.End])
		j, seen := best[key]
		if !seen || rank(q) > rank(qs[j]) {
			best[key] = i
		}
	}
	out := qs[:0]
	for i, q := range qs {
		if best[trimNonWord(w.text[q.Start:q.End])] == i {
			out = append(out, q)
		}
	}
	w.doc.Quotes = out
}

// dedupeSmall is dedupe without a map, for the usual handful of quotes.
func (w *work) dedupeSmall() {
	qs := w.doc.Quotes
	var drop [32]bool
	for i, q := range qs {
		key := trimNonWord(w.text[q.Start:q.End])
		for j, o := range qs {
			if j == i || trimNonWord(w.text[o.Start:o.End]) != key {
				continue
			}
			if rank(o) > rank(q) || rank(o) == rank(q) && j < i {
				drop[i] = true
				break
			}
		}
	}
	out := qs[:0]
	for i, q := range qs {
		if !drop[i] {
			out = append(out, q)
		}
	}
	w.doc.Quotes = out
}

func rank(q dossier.Quote) int {
	switch {
	case q.Verb != nil:
		return 2
	case q.Speaker != nil:
		return 1
	}
	return 0
}

func trimNonWord(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !isWordRune(r) })
}
