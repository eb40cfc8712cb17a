package sqlite

import (
	"encoding/binary"
	"errors"

	"github.com/dossier-project/dossier"
)

// Span lists are stored packed: for each span, the zigzag varint of its start
// minus the previous span's start, then the varint of its length shifted
// left by tagBits with a small tag in the low bits (0 so far; token kinds
// when token spans were stored). Sorted
// spans take two to three bytes each.
const tagBits = 2

func packSpans(dst []byte, n int, at func(i int) (dossier.Span, uint8)) []byte {
	prev := 0
	for i := range n {
		s, tag := at(i)
		dst = binary.AppendVarint(dst, int64(s.Start-prev))
		length := max(s.End-s.Start, 0)
		dst = binary.AppendUvarint(dst, uint64(length)<<tagBits|uint64(tag&(1<<tagBits-1)))
		prev = s.Start
	}
	return dst
}

func packPlain(spans []dossier.Span) []byte {
	return packSpans(make([]byte, 0, 3*len(spans)), len(spans), func(i int) (dossier.Span, uint8) { return spans[i], 0 })
}

var errCorrupt = errors.New("corrupt packed spans")

// unpackSpans decodes a packed span list; limit bounds every offset.
func unpackSpans(b []byte, limit int, fn func(s dossier.Span, tag uint8)) error {
	prev := 0
	for len(b) > 0 {
		d, n := binary.Varint(b)
		if n <= 0 {
			return errCorrupt
		}
		b = b[n:]
		l, n := binary.Uvarint(b)
		if n <= 0 {
			return errCorrupt
		}
		b = b[n:]
		start := int64(prev) + d
		end := start + int64(l>>tagBits)
		if start < 0 || end > int64(limit) || end < start {
			return errCorrupt
		}
		fn(dossier.Span{Start: int(start), End: int(end)}, uint8(l&(1<<tagBits-1)))
		prev = int(start)
	}
	return nil
}

// UnpackSpans decodes a packed span column (boilerplate, sentences, tokens,
// mention spans) of a document whose text is textLen bytes long.
func UnpackSpans(b []byte, textLen int) ([]dossier.Span, error) {
	var out []dossier.Span
	err := unpackSpans(b, textLen, func(s dossier.Span, _ uint8) { out = append(out, s) })
	return out, err
}
