package clean

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/fold"
)

// endKind is how a line ends: sentences end in punctuation, headlines and
// link labels do not.
type endKind uint8

const (
	endNone     endKind = iota // a letter, digit, comma, bracket…
	endPeriod                  // . ; :
	endEllipsis                // ... or …, usually a truncated link label
	endMark                    // ? or !
	endQuote                   // a closing quotation mark
)

// lineInfo holds the features of one line of the document.
type lineInfo struct {
	start, end int // bytes of the line, without its line break

	words   int // whitespace-separated chunks holding a letter or digit
	caps    int // words with an upper-case initial
	links   int // words that are URLs, e-mail addresses or @handles
	content int // tokens that are words or numbers (not ":" or symbols)
	stop    int
	dates   int // date vocabulary or numbers
	dateish int // what only dates are: month and day words, years, "2031-05-17", "14h30", "12:40"
	numbers int
	section int
	holder  int // image placeholders
	soft    int // distinct promotional cues
	reader  int // words addressing the reader
	voice   int // the site speaking of itself
	site    int // words naming the page and its services
	units   int // count units: "words", "mots", "min"
	roles   int // words describing a writer: "correspondent", "writes"
	// bio: the line opens with a name of two to four capitalised words, a
	// bio verb and, within a few words, a writer's role ("Lena Varga is a
	// senior writer for …", "Lena Varga est journaliste à …").
	bio     bool
	selfRef bool // the page speaks of itself: "this article", "cet article"
	// credit: the line is a picture's credit, a placeholder word, a colon
	// and a short capitalised name, after at most a name ("Crédits photos :
	// Lena Varga", "Karim Haddad, photo: Archives Vessa"). A caption that
	// says something before its credit is kept: it may hold facts.
	credit bool
	// captioned: a picture's caption, words then its credit at the end
	// ("The quay at dawn (Photo: Lena Varga)"): no link to another article.
	captioned bool
	// innerStop: a sentence of five tokens or more ends inside the line,
	// before more text: prose, not a headline ("Troops at the gate in
	// Varnak on Friday. Photograph: …").
	innerStop bool
	// valueEnd: a number that is no year ends the line, or a unit after it
	// does ("180 points", "26:17.8"): a row of results, not a link.
	valueEnd bool
	// copyright: "©" or "copyright" before a year ("Copyleft © 2002-2016 …",
	// "Site name © 2031"); a caption's credit has no year ("© AFP").
	copyright bool
	// attribution: "Name Surname, role words, Organisation": a person named
	// with what they do, as under a quote or a contribution; a headline
	// does not run name, lower-case role and body in comma-separated parts.
	attribution bool

	ending     endKind
	blank      bool
	separator  bool // punctuation only: "-------", "* * *"
	listItem   bool // starts with a bullet or "1."
	quoteStart bool
	// quoteLabel: a short quotation, then a colon, opens the line ("'Too
	// late': the port's last day"): a headline's shape, not a quoted
	// sentence of the article.
	quoteLabel bool
	upperStart bool
	lowerStart bool

	whole, prefix, header, phrase, byline bool // cue hits
	endHeader                             bool // "About the author": the article ended above
	bylineMarker                          bool // a byline's marker alone: "By", "Par"
	bylineTail                            bool // a byline by its last words: "… contributed to this report."

	prose  bool
	bp     bool
	reason Reason
}

// scanner normalises one line at a time into reusable buffers: lower case,
// accents folded, tokens separated by single spaces. ":" and symbols such as
// "©" or "€" become one-rune tokens so that cues like "photo :" can be told
// from prose ("Photo of the attacker…").
type scanner struct {
	norm     []byte
	tokStart []int32
	tokEnd   []int32
	tokCap   []bool
	tokHash  []uint32
	tokEntry []int32 // index into compiled.entries, or -1
	softSeen []int32
	// stopTok: how many tokens came before the line's first sentence end
	// (". " after a word of four letters or more, five tokens or more in),
	// or -1.
	stopTok int
	inTok   bool
	hash    uint32 // FNV-1a of the open token so far
}

func (sc *scanner) closeTok() {
	if sc.inTok {
		sc.inTok = false
		sc.tokEnd = append(sc.tokEnd, int32(len(sc.norm)))
		sc.tokHash = append(sc.tokHash, sc.hash)
	}
}

func (sc *scanner) openTok(upper bool) {
	if len(sc.norm) > 0 {
		sc.norm = append(sc.norm, ' ')
	}
	sc.tokStart = append(sc.tokStart, int32(len(sc.norm)))
	sc.tokCap = append(sc.tokCap, upper)
	sc.inTok = true
	sc.hash = fnvOffset
}

// FNV-1a, computed while tokens are written, feeds the lexicon's filter.
const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

func fnvString(s string) uint32 {
	h := fnvOffset
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// appendTok appends normalised bytes to the open token, hashing them.
func (sc *scanner) appendTok(p []byte) {
	for _, c := range p {
		sc.hash = (sc.hash ^ uint32(c)) * fnvPrime
	}
	sc.norm = append(sc.norm, p...)
}

// ASCII byte classes for the scanner's fast path.
const (
	cOther uint8 = iota
	cSpace
	cLower
	cUpper
	cDigit
)

func asciiClass(b byte) uint8 {
	switch {
	case 'a' <= b && b <= 'z':
		return cLower
	case 'A' <= b && b <= 'Z':
		return cUpper
	case '0' <= b && b <= '9':
		return cDigit
	case b == ' ' || b == '\t' || b == '\r' || b == '\v' || b == '\f':
		return cSpace
	}
	return cOther
}

func isSpaceRune(r rune) bool {
	switch r {
	case '\u00a0', '\u202f', '\u2009', '\u2002', '\u2003', '\u3000', '\u200b', '\ufeff', '\u2028', '\u2029':
		return true
	}
	return false
}

// scan fills the scanner's buffers for text[start:end] and, when c is not
// nil, looks each token up and records the line's features in li.
func (sc *scanner) scan(text string, start, end int, c *compiled) (li lineInfo) {
	sc.norm = sc.norm[:0]
	sc.tokStart = sc.tokStart[:0]
	sc.tokEnd = sc.tokEnd[:0]
	sc.tokCap = sc.tokCap[:0]
	sc.tokHash = sc.tokHash[:0]
	sc.tokEntry = sc.tokEntry[:0]
	sc.inTok = false
	sc.stopTok = -1
	li.start, li.end = start, end

	prevLower := false // previous rune of the token was lower case (camelCase splits)
	inChunk := false   // inside a whitespace-separated chunk
	chunkAlnum := false
	chunkLink := false
	firstSeen := false // first non-space rune examined
	nonSpace := 0
	var one [utf8.UTFMax]byte

	for i := start; i < end; {
		b := text[i]
		var r rune
		size := 1
		var class uint8
		if b < utf8.RuneSelf {
			r = rune(b)
			class = asciiClass(b)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:end])
			switch {
			case unicode.IsLetter(r):
				class = cLower
				if unicode.IsUpper(r) {
					class = cUpper
				}
			case unicode.IsDigit(r):
				class = cDigit
			case unicode.Is(unicode.Mn, r):
				class = cLower // a combining accent of decomposed text continues its word
			case isSpaceRune(r):
				class = cSpace
			}
		}
		i += size

		if class == cSpace {
			sc.closeTok()
			if inChunk {
				inChunk = false
				if chunkAlnum {
					li.words++
					if chunkLink {
						li.links++
					}
				}
			}
			continue
		}
		nonSpace++
		if !inChunk {
			inChunk, chunkAlnum, chunkLink = true, false, false
			if r == 'w' && i+3 <= end && text[i-1:i+3] == "www." {
				chunkLink = true
			}
		}
		if !firstSeen {
			firstSeen = true
			li.quoteStart = isOpeningQuote(r)
			li.upperStart = class == cUpper
			li.lowerStart = class == cLower
			if isBullet(r) {
				li.listItem = true
			} else if class == cDigit && r < utf8.RuneSelf {
				li.listItem = numberedItem(text, i-size, end)
			}
		}

		if class != cOther {
			chunkAlnum = true
			upper := class == cUpper
			if sc.inTok && prevLower && upper {
				sc.closeTok() // camelCase glue from scraped pages: "InternationalInvestigation"
			}
			if !sc.inTok {
				sc.openTok(upper)
			}
			prevLower = class == cLower
			if r < utf8.RuneSelf {
				c := b
				if upper {
					c += 'a' - 'A'
				}
				sc.hash = (sc.hash ^ uint32(c)) * fnvPrime
				sc.norm = append(sc.norm, c)
			} else {
				sc.appendTok(fold.AppendRune(one[:0], r)) // cue lists are written without diacritics
			}
			continue
		}
		switch {
		case r == '@' || r == ':' && i+2 <= end && text[i:i+2] == "//":
			chunkLink = true
		}
		if sc.inTok && (r == '-' || r == '\u2011') && i < end && isASCIIAlnum(text[i]) {
			sc.appendTok([]byte{'-'}) // inner hyphen: "e-paper", "not-for-profit"
			prevLower = false
			continue
		}
		if sc.stopTok < 0 && (r == '.' || r == '!' || r == '?') && i < end && (text[i] == ' ' || gluedSentence(text, i, end)) && sc.inTok && len(sc.tokStart) >= 5 &&
			len(sc.norm)-int(sc.tokStart[len(sc.tokStart)-1]) >= 4 {
			sc.stopTok = len(sc.tokStart)
		}
		sc.closeTok()
		if r == ':' || r >= utf8.RuneSelf && unicode.IsSymbol(r) || r < utf8.RuneSelf && isASCIISymbol(b) {
			sc.openTok(false)
			sc.appendTok(utf8.AppendRune(one[:0], r))
			sc.closeTok()
		}
	}
	sc.closeTok()
	if inChunk && chunkAlnum {
		li.words++
		if chunkLink {
			li.links++
		}
	}

	li.blank = nonSpace == 0
	li.separator = nonSpace >= 3 && li.words == 0
	li.ending = lineEnd(text, start, end)
	li.attribution = attributionLine(text[start:end])
	li.quoteLabel = li.quoteStart && quoteThenColon(text[start:end])
	if c == nil {
		return li
	}
	sc.lookup(&li, c)
	return li
}

// gluedSentence reports a capitalised word glued to the period before i, as
// scraped captions join their credit ("… in 2023.CreditLena Varga"); not
// initials ("U.S.A.").
func gluedSentence(text string, i, end int) bool {
	return i+1 < end && 'A' <= text[i] && text[i] <= 'Z' && 'a' <= text[i+1] && text[i+1] <= 'z'
}

// isASCIISymbol matches the ASCII runes unicode.IsSymbol accepts.
func isASCIISymbol(b byte) bool {
	switch b {
	case '$', '+', '<', '=', '>', '^', '`', '|', '~':
		return true
	}
	return false
}

// copyrightOwnerMaxTokens bounds a line of a copyright sign and its owner's
// name with no year ("Copyright Harbourton Courier Media Group").
const copyrightOwnerMaxTokens = 6

// isCopyrightSign: "©", "copyright", "copyleft".
func isCopyrightSign(tok []byte) bool {
	switch string(tok) {
	case "©", "copyright", "copyleft":
		return true
	}
	return false
}

// yearShaped: four digits from 1900 to 2099.
func yearShaped(b []byte) bool {
	if len(b) != 4 || !(b[0] == '1' && b[1] == '9' || b[0] == '2' && b[1] == '0') {
		return false
	}
	return isDigit(b[2]) && isDigit(b[3])
}

// bioOpening reports a line that opens with a name of two to four
// capitalised words, a bio verb, and within the next five words a writer's
// role and the preposition before the outlet ("Perry Tessel Jr. is a senior
// writer for …").
func bioOpening(sc *scanner, c *compiled) bool {
	n := len(sc.tokStart)
	k := 0
	for k < n && k < 5 && sc.tokCap[k] && (sc.tokEntry[k] < 0 || c.entries[sc.tokEntry[k]].flags&(wStop|wBioVerb) == 0) {
		k++
	}
	for k < n && k < 6 && sc.tokEnd[k]-sc.tokStart[k] == 1 && sc.norm[sc.tokStart[k]] == '.' {
		k++ // "Jr." as tokens "jr" "."
	}
	if k < 2 || k >= n || sc.tokEntry[k] < 0 || c.entries[sc.tokEntry[k]].flags&wBioVerb == 0 {
		return false
	}
	for j := k + 1; j+1 < n && j <= k+5; j++ {
		if e := sc.tokEntry[j]; e >= 0 && c.entries[e].flags&wAuthorRole != 0 {
			p := sc.tokEntry[j+1]
			return p >= 0 && c.entries[p].flags&wBioPrep != 0
		}
	}
	return false
}

// creditMaxWords bounds the name a picture is credited to, and the name or
// label before the credit.
const creditMaxWords = 8

// lookup classifies the tokens of the last scanned line and matches cue phrases.
func (sc *scanner) lookup(li *lineInfo, c *compiled) {
	var prevFlags uint16
	selfPending := false
	creditFrom := -1  // li.content where a credit's name starts, after "photo :"
	captionFrom := -1 // the same, after words that end a sentence too
	lastValue := -1   // li.content of the last number that is no year
	for k := range sc.tokStart {
		tok := sc.norm[sc.tokStart[k]:sc.tokEnd[k]]
		idx := c.find(tok, sc.tokHash[k])
		sc.tokEntry = append(sc.tokEntry, idx)
		var flags uint16
		if idx >= 0 {
			flags = c.entries[idx].flags
		}
		// "This article is more than…", "Share this article": the page
		// speaks of itself when a demonstrative and a page noun are followed
		// by a function word or nothing; "This article builds on…" is the
		// author's own prose.
		if selfPending && (flags&wStop != 0 || len(tok) > 0 && tok[0] == ':') {
			li.selfRef = true
		}
		selfPending = flags&wSelf != 0 && prevFlags&wDemonstrative != 0
		if len(tok) == 1 && tok[0] == ':' && prevFlags&wPlaceholder != 0 && k+1 < len(sc.tokCap) && sc.tokCap[k+1] {
			if sc.stopTok < 0 || k < sc.stopTok {
				// (A sentence before the credit says something: a caption, kept.)
				creditFrom = li.content
			}
			captionFrom = li.content
		}
		prevFlags = flags
		if k+1 < len(sc.tokStart) && isCopyrightSign(tok) {
			if next := sc.norm[sc.tokStart[k+1]:sc.tokEnd[k+1]]; len(next) >= 4 && isDigit(next[0]) && yearShaped(next[:4]) {
				li.copyright = true
			}
		}
		if len(tok) == 0 {
			continue
		}
		if tok[0] < utf8.RuneSelf {
			if !isWordStart(tok[0]) {
				continue // ":" and ASCII symbols are neutral
			}
		} else if r, _ := utf8.DecodeRune(tok); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue // "©", "€"… are neutral
		}
		li.content++
		if sc.tokCap[k] {
			li.caps++
		}
		if tok[0] >= '0' && tok[0] <= '9' {
			li.numbers++
			if !(len(tok) == 4 && yearShaped(tok)) {
				lastValue = li.content
			}
			li.dates++
			if dateShaped(tok) || k >= 2 && string(sc.norm[sc.tokStart[k-1]:sc.tokEnd[k-1]]) == ":" &&
				sc.tokEnd[k-2] > sc.tokStart[k-2] && isDigit(sc.norm[sc.tokStart[k-2]]) && len(tok) == 2 {
				li.dateish++
			}
			continue
		}
		if idx < 0 {
			continue
		}
		e := &c.entries[idx]
		if e.flags&wStop != 0 {
			li.stop++
		}
		if e.flags&wDate != 0 {
			li.dates++
			li.dateish++
		}
		if e.flags&wSection != 0 {
			li.section++
		}
		if e.flags&wPlaceholder != 0 {
			li.holder++
		}
		if e.flags&wAuthorRole != 0 {
			li.roles++
		}
		if e.flags&wReaderOpener != 0 && li.content == 1 {
			li.reader++
		}
		if e.flags&(wReader|wVoice|wSite|wUnit) != 0 {
			li.reader += int(e.flags&wReader) / int(wReader)
			li.voice += int(e.flags&wVoice) / int(wVoice)
			li.site += int(e.flags&wSite) / int(wSite)
			li.units += int(e.flags&wUnit) / int(wUnit)
		}
	}
	if selfPending {
		li.selfRef = true // "Share this article"
	}
	li.bio = bioOpening(sc, c)
	var rights, reserved bool
	for k, e := range sc.tokEntry {
		if e >= 0 {
			// Two rights words in a row: "all rights", "tous droits"; "human
			// rights groups said the court reserved …" is no notice.
			rights = rights || k > 0 && sc.tokEntry[k-1] >= 0 && c.entries[sc.tokEntry[k-1]].flags&c.entries[e].flags&wRights != 0
			reserved = reserved || c.entries[e].flags&wReserved != 0
		}
	}
	if rights && reserved {
		li.copyright = true // "All rights of the publication are reserved by …"
	}
	if len(sc.tokStart) >= 2 && len(sc.tokStart) <= copyrightOwnerMaxTokens && sc.tokCap[1] &&
		isCopyrightSign(sc.norm[sc.tokStart[0]:sc.tokEnd[0]]) && sc.stopTok < 0 {
		li.copyright = true // "Copyright Harbourton Courier": the sign and its owner alone
	}
	li.innerStop = sc.stopTok >= 0
	li.credit = creditFrom >= 0 && creditFrom <= creditMaxWords && li.content-creditFrom <= creditMaxWords
	li.captioned = !li.credit && captionFrom >= 3 && li.content-captionFrom <= creditMaxWords
	li.valueEnd = lastValue >= 0 && li.content-lastValue <= 1
	if !li.whole && sc.shareBar(c) {
		li.whole = true
	}
	// caps counted per token above; keep it per word so ratios use li.words.
	if li.caps > li.words {
		li.caps = li.words
	}

	sc.softSeen = sc.softSeen[:0]
	n := int32(len(sc.norm))
	for k, idx := range sc.tokEntry {
		if idx < 0 || len(c.entries[idx].phrases) == 0 {
			continue
		}
		e := &c.entries[idx]
		at := sc.tokStart[k]
		rest := sc.norm[at:]
		for _, p := range e.phrases {
			if len(p.norm) > len(rest) || string(rest[:len(p.norm)]) != p.norm {
				continue
			}
			stop := at + int32(len(p.norm))
			if stop < n && sc.norm[stop] != ' ' {
				continue // the cue ends inside a word
			}
			switch p.kind {
			case cueWhole:
				// A label's colon changes nothing: "Advertisement:".
				if k == 0 && (stop == n || string(sc.norm[stop:]) == " :") {
					li.whole = true
				}
			case cuePrefix:
				if k == 0 {
					li.prefix = true
				}
			case cueListHeader:
				if k == 0 {
					li.header = true
				}
			case cueEndHeader:
				// (After a count too: "27 commentaires".)
				if (k == 0 || k == 1 && isDigits(sc.norm[sc.tokStart[0]:sc.tokEnd[0]])) && (stop == n || string(sc.norm[stop:]) == " :" || bracketedCount(sc.norm[stop:])) {
					li.header, li.endHeader = true, true
				}
			case cuePhrase:
				li.phrase = true
			case cueSoft:
				if !containsID(sc.softSeen, p.id) {
					sc.softSeen = append(sc.softSeen, p.id)
					li.soft++
				}
			case cueByline:
				next := k + int(p.words)
				if k == 0 && next+1 < len(sc.tokCap) && string(sc.norm[sc.tokStart[next]:sc.tokEnd[next]]) == ":" {
					next++ // "By: Lena Varga", "Par : Lena Varga"
				}
				if next < len(sc.tokCap) && sc.tokCap[next] {
					li.byline = true
				} else if k == 0 && next == len(sc.tokCap) {
					li.bylineMarker = true // "By" alone, the name on the next line
				}
			case cueBylineTail:
				end := k + int(p.words)
				if end < len(sc.tokCap) && string(sc.norm[sc.tokStart[end]:sc.tokEnd[end]]) == "." {
					end++
				}
				if k > 0 && end == len(sc.tokCap) && sc.tokCap[k-1] {
					li.byline, li.bylineTail = true, true // "Lena Varga contributed to this report."
				}
			}
		}
	}
}

// shareBarMaxTokens bounds a bar of share buttons on one line.
const shareBarMaxTokens = 8

// shareBar reports a short line of two or more share buttons, each a
// whole-line cue of one word, perhaps with its count glued to it or after
// it ("Share197 Tweet123 Share5 Send", "Facebook Twitter", "Share 12
// Email"): a widget's labels run together.
func (sc *scanner) shareBar(c *compiled) bool {
	n := len(sc.tokStart)
	if n < 2 || n > shareBarMaxTokens {
		return false
	}
	buttons := 0
	for k := 0; k < n; k++ {
		w := bytes.TrimRight(sc.norm[sc.tokStart[k]:sc.tokEnd[k]], "0123456789")
		if len(w) == 0 {
			continue // a count alone
		}
		idx := c.find(w, fnvString(string(w)))
		if idx < 0 || !wholeWord(&c.entries[idx]) {
			return false
		}
		buttons++
	}
	return buttons >= 2
}

// wholeWord reports a word that is a whole-line cue by itself ("share",
// "tweet").
func wholeWord(e *wordEntry) bool {
	for _, p := range e.phrases {
		if p.kind == cueWhole && p.words == 1 {
			return true
		}
	}
	return false
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func isWordStart(b byte) bool {
	return ('a' <= b && b <= 'z') || ('0' <= b && b <= '9') || b >= utf8.RuneSelf
}

func isASCIIAlnum(b byte) bool {
	return ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || ('0' <= b && b <= '9')
}

// quoteThenColon reports a line that opens with a quotation of at most
// eight words closed right before a colon ("“Never again”: …", "« Trop
// tard » : …").
func quoteThenColon(line string) bool {
	words := 0
	space := false
	for i, r := range line {
		if i == 0 {
			continue // the opening quote
		}
		switch {
		case r == ' ' || r == '\u00a0':
			if !space {
				words++
			}
			space = true
			if words > 8 {
				return false
			}
			continue
		case r == ':':
			return false // a colon inside the quotation
		case isClosingQuote(r):
			// (an apostrophe inside a word closes nothing: "'You're …'")
			if rest := strings.TrimLeft(line[i+utf8.RuneLen(r):], " \u00a0"); strings.HasPrefix(rest, ":") && i > 1 {
				return true
			}
		}
		space = false
	}
	return false
}

func isClosingQuote(r rune) bool {
	switch r {
	case '"', '”', '»', '’', '\'', '›', '“':
		return true
	}
	return false
}

func isOpeningQuote(r rune) bool {
	switch r {
	case '"', '“', '«', '„', '‘', '\'', '`', '”', '‹':
		return true
	}
	return false
}

func isBullet(r rune) bool {
	switch r {
	case '-', '•', '*', '–', '—', '·', '▪', '►', '‣', '◦', '●', '■', '→', '>':
		return true
	}
	return false
}

// numberedItem reports whether text[i:end] starts like "1. " or "12) ".
func numberedItem(text string, i, end int) bool {
	j := i
	for j < end && j-i < 3 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j == i || j+1 >= end || (text[j] != '.' && text[j] != ')') {
		return false
	}
	return text[j+1] == ' ' || text[j+1] == '\t'
}

// lineEnd classifies the last visible character of text[start:end].
func lineEnd(text string, start, end int) endKind {
	j := end
	for j > start {
		r, size := utf8.DecodeLastRuneInString(text[start:j])
		if r == ' ' || r == '\t' || r == '\r' || r == '\u00a0' || r == '\u202f' || r == '\u200b' {
			j -= size
			continue
		}
		switch r {
		case '.':
			if j-start >= 3 && text[j-3:j] == "..." {
				return endEllipsis
			}
			return endPeriod
		case ';', ':':
			return endPeriod
		case '…':
			return endEllipsis
		case '?', '!':
			return endMark
		case '"', '”', '»', '“':
			return endQuote
		}
		return endNone
	}
	return endNone
}

// dateShaped reports a number token that can only be (part of) a date or a
// time: a year, digits joined by hyphens ("2031-05-17"), an hour ("14h30").
// A score, a rank or a count ("89", "4") is not.
func dateShaped(tok []byte) bool {
	if len(tok) == 4 && (tok[0] == '1' && tok[1] >= '8' || tok[0] == '2' && tok[1] <= '1') {
		for _, c := range tok {
			if !isDigit(c) {
				return false
			}
		}
		return true
	}
	for i := 1; i+1 < len(tok); i++ {
		if (tok[i] == '-' || tok[i] == 'h') && isDigit(tok[i-1]) && isDigit(tok[i+1]) {
			return true
		}
	}
	return false
}

// attributionMaxNameWords bounds the name that opens an attribution line.
const attributionMaxNameWords = 4

// attributionLine reports a line of at least three comma-separated parts
// whose first is a short run of capitalised words (a name) and whose second
// opens with a lower-case word (a role): "Lena Varga, regional director,
// Harbourton Transit".
func attributionLine(line string) bool {
	first, rest, ok := strings.Cut(line, ", ")
	if !ok {
		return false
	}
	role, body, ok := strings.Cut(rest, ", ")
	if !ok || strings.TrimSpace(body) == "" {
		return false
	}
	words := 0
	for w := range strings.FieldsSeq(first) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		words++
	}
	if words < 2 || words > attributionMaxNameWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(role)
	return unicode.IsLower(r)
}

// isDigits reports a token of ASCII digits only.
func isDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return len(b) > 0
}

// bracketedCount reports a count, all that is left of a line after a
// heading ("Comments (11)"; brackets are no tokens: " 11").
func bracketedCount(rest []byte) bool {
	f := bytes.Fields(rest)
	return len(f) == 1 && isDigits(f[0])
}
