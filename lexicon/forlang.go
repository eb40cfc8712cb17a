package lexicon

import "strings"

// ForLang is the one way every stage picks its compiled rules for a
// document: those of the document's reading language (dossier.Document's
// ReadingLang), else union, the rules of all its languages together, which
// a stage builds for text in a language it has no lexicon for or that could
// not be told. A stage whose rules mean nothing outside their own language
// passes a zero union and does nothing there (claims: a claim read with
// another language's verbs would be noise).
func ForLang[T comparable](byLang map[string]T, union T, lang string) T {
	if r, ok := byLang[lang]; ok {
		return r
	}
	if r, ok := byLang[strings.ToLower(lang)]; ok {
		return r
	}
	return union
}
