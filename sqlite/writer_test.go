package sqlite

import (
	"testing"

	"github.com/dossier-project/dossier"
)

func TestNearIndex(t *testing.T) {
	var n nearIndex
	base := uint64(0x0123456789abcdef)
	n.add(10, base)
	n.add(11, base^0b111111<<20) // 6 bits away, spread over bands
	n.add(12, base^0xff)         // 8 bits away
	n.add(13, 0)                 // no fingerprint: never a candidate
	tests := []struct {
		name string
		h    uint64
		id   int64
		dist int
	}{
		{"itself", base, 10, 0},
		{"one bit off", base ^ 1<<63, 10, 1},
		{"closer to the second", base ^ 0b111110<<20, 11, 1},
		{"six bits: still a copy", base ^ 0b111111<<40, 10, 6},
		{"seven bits: another text", base ^ 0b1111111<<40, 0, 0},
		{"empty body", 0, 0, 0},
	}
	for _, tc := range tests {
		id, dist := n.nearest(tc.h)
		if id != tc.id || dist != tc.dist {
			t.Errorf("%s: nearest = #%d at %d bits, want #%d at %d", tc.name, id, dist, tc.id, tc.dist)
		}
	}
	// Equal distances: the earliest original wins.
	n.add(9, base^0b11)
	if id, dist := n.nearest(base ^ 0b01); id != 9 || dist != 1 {
		t.Errorf("tie: nearest = #%d at %d, want #9 at 1", id, dist)
	}
}

func TestJoinSources(t *testing.T) {
	m := func(src ...string) []*dossier.Mention {
		var out []*dossier.Mention
		for _, s := range src {
			out = append(out, &dossier.Mention{Source: s})
		}
		return out
	}
	for _, tc := range []struct {
		in   []*dossier.Mention
		want string
	}{
		{nil, ""},
		{m("kb"), "kb"},
		{m("kb", "kb", "kb"), "kb*3"},
		{m("kb", "pattern", "pattern", "kb"), "kb,pattern*2,kb"},
	} {
		if got := joinSources(tc.in); got != tc.want {
			t.Errorf("joinSources = %q, want %q", got, tc.want)
		}
	}
}

func TestDayNumber(t *testing.T) {
	for in, want := range map[string]int64{"2024-03-12": 20240312, "": 0, "2024-03": 0, "2024/03/12": 0, "abcd-ef-gh": 0} {
		if got := dayNumber(in); got != want {
			t.Errorf("dayNumber(%q) = %d, want %d", in, got, want)
		}
	}
}
