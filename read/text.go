package read

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/dossier-project/dossier"
)

// Document formats.
const (
	FormatText = "txt"
	FormatHTML = "html"
)

// Encodings recorded in Meta.Encoding.
const (
	encUTF8        = "utf-8"
	encWindows1252 = "windows-1252"
)

// fromString builds a document from a whole input. s is owned by the
// document afterwards (for valid UTF-8 text it becomes Document.Text as is).
func fromString(ctx context.Context, name, s string, opt Options) (*dossier.Document, error) {
	if len(s) == 0 {
		return nil, newError(name, ErrEmpty, "empty input (0 bytes)", nil)
	}
	doc := &dossier.Document{Name: name}
	if enc, label := utf16Encoding(s); enc != nil {
		decoded, err := enc.NewDecoder().String(s)
		if err != nil {
			return nil, newError(name, ErrBinary, "cannot decode "+label, err)
		}
		s = decoded
		doc.Meta.Encoding = label
		doc.Warnings = append(doc.Warnings, "decoded from "+label+"; offsets refer to the decoded text")
	}
	if strings.HasPrefix(s, "%PDF-") {
		return pdfDocument(ctx, name, s, opt)
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return nil, newError(name, ErrBinary, fmt.Sprintf("binary data, not text (NUL byte at offset %d)", i), nil)
	}
	if n := countControlBytes(s); n*50 > len(s) {
		return nil, newError(name, ErrBinary, fmt.Sprintf("binary data, not text (%d control bytes in %d)", n, len(s)), nil)
	}

	if formatOf(name, s) == FormatHTML {
		return htmlDocument(ctx, doc, s, opt)
	}

	text, enc, warning, ok := decodeText(s)
	if !ok {
		return nil, newError(name, ErrBinary, "binary data, not text (mostly invalid UTF-8 and not Windows-1252)", nil)
	}
	if isBlank(text) {
		return nil, newError(name, ErrEmpty, "empty input (only whitespace)", nil)
	}
	doc.Format = FormatText
	doc.Text = text
	if doc.Meta.Encoding == "" {
		doc.Meta.Encoding = enc
	}
	if warning != "" {
		doc.Warnings = append(doc.Warnings, warning)
	}
	return doc, nil
}

// utf16Encoding recognises UTF-16 by its byte-order mark, the only reliable
// sign of it; without one, UTF-16 is rejected as binary (it has NUL bytes).
func utf16Encoding(s string) (encoding.Encoding, string) {
	switch {
	case strings.HasPrefix(s, "\xFF\xFE"):
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "utf-16le"
	case strings.HasPrefix(s, "\xFE\xFF"):
		return xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "utf-16be"
	}
	return nil, ""
}

// controlByte marks C0 control bytes that do not occur in text (tab, line
// feed, vertical tab, form feed and carriage return do) and DEL.
var controlByte = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range "\t\n\v\f\r" {
		t[c] = false
	}
	t[0x7F] = true
	return t
}()

func countControlBytes(s string) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	n, i := 0, 0
	// Eight bytes at a time: skip words with no byte below 0x20 (most words
	// of text); only the others, with a line break or a control, are looked into.
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		del := w ^ ones*0x7F // a zero byte where w holds DEL
		if (w-ones*0x20)&^w&highs == 0 && (del-ones)&^del&highs == 0 {
			continue
		}
		for _, c := range []byte(s[i : i+8]) {
			if controlByte[c] {
				n++
			}
		}
	}
	for ; i < len(s); i++ {
		if controlByte[s[i]] {
			n++
		}
	}
	return n
}

// formatOf decides between text and HTML: by extension when it is telling,
// else by looking for HTML markers at the start of the input.
func formatOf(name, s string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	}
	if looksLikeHTML(s) {
		return FormatHTML
	}
	return FormatText
}

// looksLikeHTML reports whether "<html" or "<!doctype html" occurs, in any
// case, within the first KiB.
func looksLikeHTML(s string) bool {
	head := s[:min(len(s), 1024)]
	for i := 0; i < len(head); i++ {
		j := strings.IndexByte(head[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		rest := head[i:]
		if hasPrefixFold(rest, "<html") || hasPrefixFold(rest, "<!doctype html") {
			return true
		}
	}
	return false
}

// hasPrefixFold is an ASCII case-insensitive strings.HasPrefix.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// highByteStats describes the non-ASCII part of an input that is not valid UTF-8.
type highByteStats struct {
	highBytes  int // bytes >= 0x80
	invalid    int // bytes that start no valid UTF-8 sequence
	validMulti int // valid multi-byte UTF-8 sequences
	undefined  int // bytes Windows-1252 leaves undefined
}

func scanHighBytes(s string) highByteStats {
	var st highByteStats
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		st.highBytes++
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			st.undefined++
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			st.invalid++
			i++
			continue
		}
		st.validMulti++
		st.highBytes += size - 1
		i += size
	}
	return st
}

// looksWindows1252 holds for text whose high bytes are single characters
// (accented letters, curly quotes) rather than UTF-8 sequences.
func (st highByteStats) looksWindows1252(n int) bool {
	return st.validMulti*10 <= st.invalid && // almost no valid UTF-8 sequences
		st.undefined*10 <= st.highBytes && // bytes 1252 leaves undefined are rare
		st.highBytes*4 <= n // text, not a random byte soup
}

// decodeText returns s as valid UTF-8 with the encoding it was read as and a
// warning when it had to be decoded or repaired. ok is false for byte soup.
func decodeText(s string) (text, enc, warning string, ok bool) {
	if utf8.ValidString(s) {
		return s, encUTF8, "", true
	}
	st := scanHighBytes(s)
	switch {
	case st.looksWindows1252(len(s)):
		decoded, err := charmap.Windows1252.NewDecoder().String(s)
		if err != nil {
			return "", "", "", false
		}
		return decoded, encWindows1252, "decoded from windows-1252; offsets refer to the decoded text", true
	case st.invalid <= st.validMulti || st.invalid*100 <= len(s):
		return strings.ToValidUTF8(s, "\uFFFD"), encUTF8,
			fmt.Sprintf("replaced %d invalid UTF-8 bytes with U+FFFD; offsets refer to the repaired text", st.invalid), true
	}
	return "", "", "", false
}

// isBlank reports whether s holds nothing but white space and byte-order marks.
func isBlank(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) && r != '\uFEFF' && r != '\u200B' {
			return false
		}
		i += size
	}
	return true
}
