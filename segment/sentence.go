package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

// layout is what the sentence splitter needs to know about the document's lines.
type layout struct {
	// wrapped is true for text hard-wrapped at a fixed width, where a single
	// line break inside a paragraph is only a space.
	wrapped bool
	// fullLine is the length from which a line of wrapped text counts as
	// running on into the next one.
	fullLine int
}

// Wrapped-text detection: enough lines, a plausible wrap width, and most
// lines filled close to it.
const (
	minWrappedLines = 5
	minWrapWidth    = 50
	maxWrapWidth    = 120
)

// measureLayout decides whether text is hard-wrapped. Scraped articles hold one
// paragraph per line, so their longest line is far beyond any wrap width.
func measureLayout(text string) layout {
	maxLen, lines := 0, 0
	for rest := text; len(rest) > 0; {
		n := strings.IndexByte(rest, '\n')
		line := rest
		if n >= 0 {
			line, rest = rest[:n], rest[n+1:]
		} else {
			rest = ""
		}
		l := len(strings.TrimRight(line, " \t\r"))
		if l > maxWrapWidth {
			return layout{}
		}
		if l > 0 {
			lines++
			maxLen = max(maxLen, l)
		}
	}
	if lines < minWrappedLines || maxLen < minWrapWidth {
		return layout{}
	}
	full := maxLen * 3 / 4
	filled := 0
	for rest := text; len(rest) > 0; {
		n := strings.IndexByte(rest, '\n')
		line := rest
		if n >= 0 {
			line, rest = rest[:n], rest[n+1:]
		} else {
			rest = ""
		}
		if len(strings.TrimRight(line, " \t\r")) >= full {
			filled++
		}
	}
	if filled*2 < lines {
		return layout{}
	}
	return layout{wrapped: true, fullLine: full}
}

// sentences appends the sentences over toks[from:to], which hold one region
// of text: the region's end always closes a sentence.
// MaxSentenceTokens cuts a run of text without sentence punctuation (a
// table flattened into one line, a hostile input) into pieces of at most
// this many tokens, so that every stage's work per sentence stays bounded;
// written sentences are far shorter.
const MaxSentenceTokens = 400

func (r *rules) sentences(text string, toks []dossier.Token, from, to int, lay layout, out []dossier.Span) []dossier.Span {
	first := from
	for i := from; i < to; {
		j, brk := i, true
		if i+1 < to {
			j, brk = r.boundary(text, toks, i, to, lay)
		}
		if brk || j+1 >= to || j+1-first >= MaxSentenceTokens {
			out = append(out, dossier.Span{Start: toks[first].Start, End: toks[j].End})
			first = j + 1
		}
		i = j + 1
	}
	return out
}

// terminal kinds of a token.
const (
	termNone     = iota
	termStop     // . ! ?
	termEllipsis // … or ...
	termAcronym  // a dotted acronym, whose final period may end a sentence
)

func terminalKind(text string, t dossier.Token) int {
	s := text[t.Start:t.End]
	switch t.Kind {
	case dossier.TokPunct:
		switch {
		case s == "." || s == "!" || s == "?" || s == "‼" || s == "⁇" || s == "。":
			return termStop
		case s == "…" || (len(s) > 1 && s[0] == '.'):
			return termEllipsis
		}
	case dossier.TokWord:
		if len(s) > 2 && s[len(s)-1] == '.' {
			return termAcronym
		}
	}
	return termNone
}

// closesAfterStop reports whether t, right after a sentence stop, belongs to
// the same sentence: closing quotes and brackets, and more stops ("?!", ".»").
func closesAfterStop(s string) bool {
	switch s {
	case "\"", "'", "’", "”", "»", ")", "]", "}", "›", "!", "?", ".", "…":
		return true
	}
	return len(s) > 1 && s[0] == '.' && strings.Trim(s, ".") == ""
}

func isQuote(s string) bool {
	switch s {
	case "\"", "'", "«", "»", "“", "”", "‘", "’", "‹", "›", "„":
		return true
	}
	return false
}

// newlines counts line breaks in a gap of whitespace; a Unicode paragraph
// separator or form feed counts as a blank line.
func newlines(gap string) int {
	n := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			n++
		case '\f':
			n += 2
		case 0xe2:
			if i+2 < len(gap) && gap[i+1] == 0x80 {
				switch gap[i+2] {
				case 0xa8: // line separator
					n++
				case 0xa9: // paragraph separator
					n += 2
				}
			}
		}
	}
	return n
}

func isHorizontalSpace(gap string) bool {
	return gap != "" && newlines(gap) == 0
}

// boundary looks at the token at i and the tokens it pulls along (closing
// quotes after a stop). It returns the last token of that group and whether a
// sentence ends after it.
func (r *rules) boundary(text string, toks []dossier.Token, i, to int, lay layout) (int, bool) {
	kind := terminalKind(text, toks[i])
	if kind == termNone {
		n := newlines(text[toks[i].End:toks[i+1].Start])
		switch {
		case n >= 2:
			return i, true
		case n == 1:
			return i, r.lineBreakEnds(text, toks, i, lay)
		}
		return i, false
	}

	// Pull in closing quotes, brackets and further stops: `he said." Next`.
	j, moreStops := i, false
	for j+1 < to {
		next := toks[j+1]
		gap := text[toks[j].End:next.Start]
		s := text[next.Start:next.End]
		if gap == "" && next.Kind == dossier.TokPunct && closesAfterStop(s) {
			if s == "!" || s == "?" || s == "…" || s[0] == '.' {
				moreStops = true
			}
			j++
			continue
		}
		// French closing guillemets stand after a space: `dit-il. » Puis`.
		// In German »…« open a quote, glued to the word that follows, so the
		// quote must be followed by a space too. Any quote mark left alone at
		// the end of a line closes, whatever its shape.
		if isHorizontalSpace(gap) && isQuote(s) {
			lineEnd := j+2 >= to || newlines(text[next.End:toks[j+2].Start]) > 0
			spacedAfter := j+2 >= to || next.End < toks[j+2].Start
			if lineEnd || (s == "»" || s == "”") && spacedAfter {
				j++
				continue
			}
		}
		break
	}
	if j+1 >= to {
		return j, true
	}
	next := toks[j+1]
	gap := text[toks[j].End:next.Start]
	n := newlines(gap)
	if n >= 2 {
		return j, true
	}
	if gap == "" {
		return j, false // "word.Word", "3.5"-like run-ons: not a boundary we trust
	}
	class := classStop
	switch kind {
	case termEllipsis:
		class = classAmbiguous
	case termAcronym:
		w := text[toks[i].Start : toks[i].End-1]
		if class = r.abbrev(w); class == notAbbrev {
			class = classAmbiguous
		}
	case termStop:
		if text[toks[i].Start] == '.' && i > 0 && toks[i-1].End == toks[i].Start {
			switch prev := toks[i-1]; {
			case prev.Kind == dossier.TokWord:
				class = r.abbrevBefore(text[prev.Start:prev.End])
			case prev.Kind == dossier.TokNumber && isListMarker(text, prev) && n == 0:
				class = classTitle
			}
		}
	}
	if moreStops && class != classTitle {
		class = classStop
	}
	switch class {
	case classTitle:
		return j, false
	case classAmbiguous:
		if j+2 < to && n == 0 && isQuote(text[next.Start:next.End]) && lowerWord(text, toks[j+2]) {
			// `the U.S. "certification of immunity"`: an abbreviation, then a
			// quote of words inside the sentence.
			return j, false
		}
		if n == 1 && !lay.wrapped {
			return j, opensSentence(text, next)
		}
		return j, opensSentence(text, next) && r.isStarter(text, next)
	default: // classStop, classSeries
		if n == 1 {
			return j, true
		}
		return j, opensSentence(text, next)
	}
}

// lowerWord reports a word that opens with a lower-case letter.
func lowerWord(text string, t dossier.Token) bool {
	ru, _ := utf8.DecodeRuneInString(text[t.Start:t.End])
	return t.Kind == dossier.TokWord && unicode.IsLower(ru)
}

// isListMarker reports whether the number t opens its line and is short
// enough to number a list item ("1. Rajoy to trigger…").
func isListMarker(text string, t dossier.Token) bool {
	if t.Len() > 3 {
		return false
	}
	// Walk back over indentation only, so a long line costs nothing.
	i := t.Start
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i == 0 || text[i-1] == '\n' || text[i-1] == '\r'
}

// classStop is the class of a plain sentence stop.
const classStop = notAbbrev

// abbrevBefore classifies the word before a period: a lexicon abbreviation, a
// single-letter initial ("F." in "John F. Kennedy"), or a plain word.
func (r *rules) abbrevBefore(word string) abbrevClass {
	if c := r.abbrev(word); c != notAbbrev {
		return c
	}
	if ru, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(ru) {
		return classAmbiguous
	}
	return notAbbrev
}

// opensSentence reports whether t can start a sentence: a capital, a digit,
// a currency sign, a letter of a script without case, an opening quote or
// bracket, a dash or bullet.
func opensSentence(text string, t dossier.Token) bool {
	ru, _ := utf8.DecodeRuneInString(text[t.Start:t.End])
	switch {
	case unicode.IsUpper(ru) || unicode.IsTitle(ru) || unicode.IsDigit(ru) || unicode.Is(unicode.Sc, ru):
		return true
	case unicode.IsLetter(ru):
		return !unicode.IsLower(ru)
	}
	switch ru {
	case '"', '\'', '«', '“', '‘', '„', '‹', '<', '(', '[', '¿', '¡', '—', '–', '-', '•', '*', '·':
		return true
	}
	return false
}

// isStarter reports whether t is a word that usually opens a sentence, or an
// opening quote.
func (r *rules) isStarter(text string, t dossier.Token) bool {
	s := text[t.Start:t.End]
	if t.Kind == dossier.TokPunct {
		return s == "«" || s == "“" || s == "\""
	}
	return t.Kind == dossier.TokWord && inFolded(r.starters, s)
}

// continuesLine: punctuation that leaves a line open for the next one.
func continuesLine(s string) bool {
	switch s {
	case ",", ";", "(", "[", "{", "/", "&", "+", "«", "“", "‘", "-", "–", "—":
		return true
	}
	return false
}

// lineBreakEnds decides a single line break after toks[i], which is not a
// sentence stop. The next line starts a new sentence when it looks like a new
// block: a heading, a caption or a byline above it has no final punctuation
// but ends its own sentence. It does not when the next line starts in lower
// case after a long line, when toks[i] leaves the line open (a comma, a title
// like "Mr"), or in hard-wrapped text where the line ran to the wrap width.
func (r *rules) lineBreakEnds(text string, toks []dossier.Token, i int, lay layout) bool {
	t, next := toks[i], toks[i+1]
	s := text[t.Start:t.End]
	if t.Kind == dossier.TokPunct && continuesLine(s) {
		return false
	}
	if t.Kind == dossier.TokWord && r.abbrev(s) == classTitle {
		return false
	}
	lineLen := t.End - (strings.LastIndexByte(text[:t.End], '\n') + 1)
	if !opensSentence(text, next) {
		// In one-paragraph-per-line text a short line is a block of its own
		// (a button label, a kicker) even before a lower-case line; a long
		// line cut before a lower-case word is a paragraph broken in two.
		return !lay.wrapped && lineLen < shortLine
	}
	return !lay.wrapped || lineLen < lay.fullLine
}

// shortLine is the length under which an unpunctuated line of unwrapped text
// stands alone.
const shortLine = 40
