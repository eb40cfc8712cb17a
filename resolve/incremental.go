package resolve

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/kb"
	"github.com/dossier-project/dossier/mentions"
)

// Known is what incremental resolution needs from a store of entities
// already resolved (dossier.Store satisfies it).
type Known interface {
	EntitiesByKey(ctx context.Context, typ string, kind dossier.KeyKind, keys []string) ([]string, error)
	EntityExists(ctx context.Context, id string) (bool, error)
}

// EntityKeys lists the name keys of entity e of d, as batch resolution
// computes them: full keys of multi-word names, a person's last-name keys,
// and keys of one-word names.
func EntityKeys(d *dossier.Document, e *dossier.Entity) []dossier.EntityKey {
	var out []dossier.EntityKey
	add := func(kind dossier.KeyKind, k string) {
		if k == "" {
			return
		}
		key := dossier.EntityKey{Kind: kind, Key: k}
		if !slices.Contains(out, key) {
			out = append(out, key)
		}
	}
	var folded []byte
	for _, name := range entityNames(d, e) {
		k := kb.Key(name)
		if k == "" {
			continue
		}
		folded = mentions.AppendFold(folded[:0], name)
		if last, words := lastWord(folded); words > 1 {
			add(dossier.KeyFull, k)
			if e.Type == dossier.TypePER {
				add(dossier.KeyLast, kb.Key(string(last)))
			}
		} else {
			add(dossier.KeySingle, k)
		}
	}
	return out
}

// ResolveAgainst gives the entities of one document corpus-wide ids
// consistent with the entities a store already holds, without reloading the
// corpus. It first resolves the document alone (KB ids, in-document merges),
// then, for each entity not linked to the knowledge base: a full-name key
// shared with a stored entity of the same type joins it; a one-word name
// joins the one stored person with that last name, or a stored entity with
// the same one-word name; otherwise it keeps a fresh id that no stored
// entity uses. Unlike batch resolution, the surname rule sees only what is
// stored so far, so results can depend on ingest order.
func (r *Resolver) ResolveAgainst(ctx context.Context, d *dossier.Document, known Known) error {
	if d == nil {
		return nil
	}
	if err := r.Resolve(ctx, []*dossier.Document{d}); err != nil {
		return err
	}
	// Ids already handed out in this document, so that two distinct groups
	// never take the same fresh id.
	taken := map[string]string{} // fresh id → original id
	remap := map[string]string{} // batch id → final id
	for ei := range d.Entities {
		e := &d.Entities[ei]
		if e.KB != "" {
			continue
		}
		if id, ok := remap[e.ID]; ok {
			e.ID = id
			continue
		}
		keys := EntityKeys(d, e)
		id, why, via, err := r.lookupKnown(ctx, known, e.Type, keys)
		if err != nil {
			return fmt.Errorf("resolve %q against the store: %w", e.Name, err)
		}
		if id == "" {
			if id, err = freshID(ctx, known, e.ID, taken); err != nil {
				return fmt.Errorf("resolve %q against the store: %w", e.Name, err)
			}
		} else {
			e.Aliases = append(e.Aliases, dossier.Alias{Name: e.Name, Reason: why + ":" + via})
		}
		remap[e.ID] = id
		e.ID = id
	}
	return nil
}

func (r *Resolver) lookupKnown(ctx context.Context, known Known, typ string, keys []dossier.EntityKey) (id, why, via string, err error) {
	var full, single []string
	for _, k := range keys {
		switch k.Kind {
		case dossier.KeyFull:
			full = append(full, k.Key)
		case dossier.KeySingle:
			single = append(single, k.Key)
		}
	}
	if len(full) > 0 {
		for _, k := range full {
			ids, err := known.EntitiesByKey(ctx, typ, dossier.KeyFull, []string{k})
			if err != nil {
				return "", "", "", err
			}
			if len(ids) > 0 {
				return ids[0], ReasonTranslitKey, k, nil
			}
		}
		return "", "", "", nil
	}
	for _, k := range single {
		if r.surnameLink(typ, k) {
			ids, err := known.EntitiesByKey(ctx, typ, dossier.KeyLast, []string{k})
			if err != nil {
				return "", "", "", err
			}
			if len(ids) == 1 {
				return ids[0], ReasonSurname, k, nil
			}
			if len(ids) > 1 {
				continue // namesakes: do not guess
			}
		}
		ids, err := known.EntitiesByKey(ctx, typ, dossier.KeySingle, []string{k})
		if err != nil {
			return "", "", "", err
		}
		if len(ids) > 0 {
			return ids[0], ReasonTranslitKey, k, nil
		}
	}
	return "", "", "", nil
}

// freshID returns base, or base-2, base-3… when the store or this document
// already uses it.
func freshID(ctx context.Context, known Known, base string, taken map[string]string) (string, error) {
	stem := base
	id := stem
	for n := 2; ; n++ {
		if _, used := taken[id]; !used {
			exists, err := known.EntityExists(ctx, id)
			if err != nil {
				return "", err
			}
			if !exists {
				taken[id] = base
				return id, nil
			}
		}
		id = stem + "-" + strconv.Itoa(n)
		if n > 10000 {
			return "", fmt.Errorf("no free id for %q", stem)
		}
	}
}
