package ingest

import (
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

// MinShingles is the fewest word 3-shingles a body needs for a SimHash:
// shorter texts get 0 (never near duplicates), because a handful of shared
// phrases would make unrelated briefs look alike.
const MinShingles = 20

// SimHash is the 64-bit SimHash of the document's body (boilerplate left
// out) over case-folded word 3-shingles: syndicated and lightly edited copies
// land within a few bits of each other. It returns 0 for short bodies.
func SimHash(d *dossier.Document) uint64 {
	var acc [64]int32
	var h [3]uint64 // hashes of the last three words
	words, shingles := 0, 0
	for _, body := range d.Body() {
		text := d.Slice(body)
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += size
				continue
			}
			// Hash the case-folded word with FNV-1a, rune by rune, without copying.
			wh := uint64(14695981039346656037)
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r) {
					break
				}
				if r < utf8.RuneSelf {
					if 'A' <= r && r <= 'Z' {
						r += 'a' - 'A'
					}
				} else {
					r = unicode.ToLower(r)
				}
				for r != 0 {
					wh ^= uint64(r & 0xff)
					wh *= 1099511628211
					r >>= 8
				}
				i += size
			}
			h[0], h[1], h[2] = h[1], h[2], wh
			words++
			if words < 3 {
				continue
			}
			s := mix(h[0]*31*31 + h[1]*31 + h[2])
			shingles++
			for b := range 64 {
				if s>>b&1 == 1 {
					acc[b]++
				} else {
					acc[b]--
				}
			}
		}
	}
	if shingles < MinShingles {
		return 0
	}
	var out uint64
	for b := range 64 {
		if acc[b] > 0 {
			out |= 1 << b
		}
	}
	if out == 0 {
		out = 1 // 0 means "no fingerprint"
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// mix is the splitmix64 finaliser: it spreads the shingle's bits so that each
// of the 64 output bits is an independent vote.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
