// Package resolve gives the entities of a set of documents corpus-wide ids:
// knowledge-base entities take "e:"+KB id; the others are matched across
// documents by a transliteration-aware key of their names (kb.Key), with type
// agreement, and a surname alone links only when the corpus has one
// candidate for it and the word is not a common given name ("Prophet
// Muhammed" is no surname of "Ali Mohamed"). Different given names never merge.
package resolve

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/mentions"
)

// Reasons recorded on aliases by cross-document resolution; each alias reason
// reads "corpus:<rule>:<matching key>".
const (
	ReasonTranslitKey = "corpus:translit-key"
	ReasonSurname     = "corpus:surname"
)

// Resolver assigns corpus-wide entity ids. It is immutable and safe for
// concurrent use (each Resolve call works on its own documents).
type Resolver struct {
	kb    *kb.KB
	given map[string]bool // keys of common given names
}

// Option configures a Resolver.
type Option func(*Resolver)

// WithGivenNames names the common given names: a one-word person name that
// is one of them never links across documents as somebody's surname. A name
// and a surname share the word often ("Hassan", "Mohamed"), and a bare given
// name in another article is far more often somebody else (a prophet, a
// child, a namesake) than the same person.
func WithGivenNames(names []string) Option {
	return func(r *Resolver) {
		for _, n := range names {
			if k := kb.Key(n); k != "" {
				r.given[k] = true
			}
		}
	}
}

// New returns a resolver backed by k.
func New(k *kb.KB, opts ...Option) (*Resolver, error) {
	if k == nil {
		return nil, errors.New("resolve: nil knowledge base")
	}
	r := &Resolver{kb: k, given: map[string]bool{}}
	for _, o := range opts {
		o(r)
	}
	return r, nil
}

// surnameLink reports whether a one-word name with key k may join a person
// by last name.
func (r *Resolver) surnameLink(typ, k string) bool {
	return !(typ == dossier.TypePER && r.given[k])
}

// node is one document entity.
type node struct {
	doc, ent int
	typ      string
	full     []string // keys of multi-word names
	last     []string // people: keys of the last word of multi-word names
	single   []string // keys of one-word names
	parent   int
	why      string // how it joined its group
	via      string // which name
}

// Resolve sets Entity.ID on every entity of docs and records cross-document
// merges in Entity.Aliases. The ids are deterministic for a given input order.
func (r *Resolver) Resolve(ctx context.Context, docs []*dossier.Document) error {
	var nodes []node
	var seen []string // an entity's names already keyed: its mentions repeat them
	var folded []byte
	for di, d := range docs {
		if d == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("resolve: %w", err)
		}
		for ei := range d.Entities {
			e := &d.Entities[ei]
			// A second run replaces what a first one recorded.
			e.Aliases = slices.DeleteFunc(e.Aliases, func(a dossier.Alias) bool { return strings.HasPrefix(a.Reason, "corpus:") })
			n := node{doc: di, ent: ei, typ: e.Type, parent: len(nodes)}
			{
				seen = seen[:0]
				for _, name := range entityNames(d, e) {
					if slices.Contains(seen, name) {
						continue
					}
					seen = append(seen, name)
					k := kb.Key(name)
					if k == "" {
						continue
					}
					// Count words before the key drops articles: "Al-Shabaab" is a
					// full name, not the one word "Shabaab".
					folded = mentions.AppendFold(folded[:0], name)
					if last, words := lastWord(folded); words > 1 {
						n.full = appendUnique(n.full, k)
						if n.typ == dossier.TypePER {
							n.last = appendUnique(n.last, kb.Key(string(last)))
						}
					} else {
						n.single = appendUnique(n.single, k)
					}
				}
			}
			nodes = append(nodes, n)
		}
	}
	find := func(x int) int {
		for nodes[x].parent != x {
			nodes[x].parent = nodes[nodes[x].parent].parent
			x = nodes[x].parent
		}
		return x
	}
	// Full names: same key and type.
	byFull := map[string]int{}
	for i := range nodes {
		n := &nodes[i]
		for _, k := range n.full {
			tk := n.typ + "|" + k
			if j, ok := byFull[tk]; ok {
				if a, b := find(j), find(i); a != b {
					nodes[b].parent = a
					if nodes[i].why == "" {
						nodes[i].why, nodes[i].via = ReasonTranslitKey, k
					}
				}
				continue
			}
			byFull[tk] = i
		}
	}
	// One-word names: join the full-name group whose last word it is, when the
	// corpus has exactly one such group; else join same one-word names.
	lastWord := map[string][]int{} // type|last word → roots of groups with full names
	for i := range nodes {
		n := &nodes[i]
		for _, w := range n.last {
			tk := n.typ + "|" + w
			root := find(i)
			if !slices.Contains(lastWord[tk], root) {
				lastWord[tk] = append(lastWord[tk], root)
			}
		}
	}
	bySingle := map[string]int{}
	for i := range nodes {
		n := &nodes[i]
		if len(n.full) > 0 {
			continue
		}
		for _, k := range n.single {
			tk := n.typ + "|" + k
			var roots []int
			if r.surnameLink(n.typ, k) {
				roots = dedupeRoots(lastWord[tk], find)
			}
			if len(roots) == 1 {
				if a, b := roots[0], find(i); a != b {
					nodes[b].parent = a
					nodes[i].why, nodes[i].via = ReasonSurname, k
				}
				continue
			}
			if len(roots) > 1 {
				continue // a namesake: several people share this surname
			}
			if j, ok := bySingle[tk]; ok {
				if a, b := find(j), find(i); a != b {
					nodes[b].parent = a
					nodes[i].why, nodes[i].via = ReasonTranslitKey, k
				}
				continue
			}
			bySingle[tk] = i
		}
	}
	// Ids: KB entities by their KB id; other groups by the slug of their
	// longest name, with a numeric suffix on collision.
	used := map[string]bool{}
	for _, d := range docs {
		if d == nil {
			continue
		}
		for _, e := range d.Entities {
			if e.KB != "" {
				used["e:"+e.KB] = true
			}
		}
	}
	groupName := map[int]string{}
	groupKB := map[int]string{}
	for i := range nodes {
		n := &nodes[i]
		e := &docs[n.doc].Entities[n.ent]
		root := find(i)
		if e.KB != "" {
			if _, ok := groupKB[root]; !ok {
				groupKB[root] = e.KB
				groupName[root] = e.Name
			}
			continue
		}
		if _, ok := groupKB[root]; ok {
			continue
		}
		if cur, ok := groupName[root]; !ok || len(e.Name) > len(cur) || len(e.Name) == len(cur) && e.Name < cur {
			groupName[root] = e.Name
		}
	}
	groupID := map[int]string{}
	for i := range nodes {
		n := &nodes[i]
		e := &docs[n.doc].Entities[n.ent]
		if e.KB != "" {
			e.ID = "e:" + e.KB
			continue
		}
		root := find(i)
		id, ok := groupID[root]
		if kbID, linked := groupKB[root]; linked {
			id, ok = "e:"+kbID, true
		}
		if !ok {
			base := "e:" + slug(groupName[root])
			id = base
			for k := 2; used[id]; k++ {
				id = base + "-" + strconv.Itoa(k)
			}
			used[id] = true
			groupID[root] = id
		}
		e.ID = id
		if n.why != "" {
			e.Aliases = append(e.Aliases, dossier.Alias{Name: groupName[root], Reason: n.why + ":" + n.via})
		}
	}
	return nil
}

func dedupeRoots(rs []int, find func(int) int) []int {
	var out []int
	for _, r := range rs {
		r = find(r)
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

func appendUnique(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// lastWord returns the last space-separated word of a folded name and how
// many words it has.
func lastWord(folded []byte) ([]byte, int) {
	var last []byte
	n := 0
	for i := 0; i < len(folded); {
		for i < len(folded) && asciiSpace(folded[i]) {
			i++
		}
		j := i
		for j < len(folded) && !asciiSpace(folded[j]) {
			j++
		}
		if j > i {
			last, n = folded[i:j], n+1
		}
		i = j
	}
	return last, n
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// entityNames lists the entity's name and the text of its mentions.
func entityNames(d *dossier.Document, e *dossier.Entity) []string {
	out := []string{e.Name}
	for _, m := range e.Mentions {
		if m >= 0 && m < len(d.Mentions) {
			out = append(out, d.Slice(d.Mentions[m].Span))
		}
	}
	return out
}

// slug makes a lowercase ASCII id from a name: letters and digits, single hyphens.
func slug(name string) string {
	k := mentions.Fold(name)
	var b strings.Builder
	dash := false
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteByte(c)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "entity"
	}
	return b.String()
}
