package kb

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/fold"
)

// An analyst's watchlist comes in one of three forms, told apart by
// DetectWatchlist: a STIX 2.1 bundle (.json), a watchlist CSV (columns
// name,type[,aliases,notes,kind,id,country,lat,lon]) or the knowledge base's
// own YAML/CSV/TSV format. Imported entries merge with what is loaded: an
// entry with a loaded id, or whose name is a loaded entry's name or alias
// (same type), adds its new aliases to that entry instead of creating a rival
// one; the others become new entries. A file is checked whole before
// anything is merged: an error leaves the knowledge base as it was.

// WatchlistFormat names a watchlist file format.
type WatchlistFormat string

const (
	WatchlistSTIX WatchlistFormat = "stix" // STIX 2.1 bundle
	WatchlistCSV  WatchlistFormat = "csv"  // name,type,aliases,notes
	WatchlistKB   WatchlistFormat = "kb"   // the knowledge base's own format (README.md)
)

// UserFileEnv overrides UserFile's location.
const UserFileEnv = "DOSSIER_KB"

// UserFile is the user's own knowledge-base file, where `dossier kb import`
// writes: $DOSSIER_KB, else $XDG_CONFIG_HOME/dossier/watchlist.csv, else
// ~/.config/dossier/watchlist.csv (os.UserConfigDir). It is a watchlist CSV,
// so its entries merge with the built-in ones.
func UserFile() (string, error) {
	if p := os.Getenv(UserFileEnv); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("kb: user file location: %w (set %s)", err, UserFileEnv)
	}
	return filepath.Join(dir, "dossier", "watchlist.csv"), nil
}

// Empty returns a knowledge base without the built-in data, for tests and
// tools that look at one watchlist alone.
func Empty() *KB {
	return &KB{byID: map[string]*Entry{}, byKey: map[string][]hit{}, demonyms: map[string]Demonym{}}
}

// DetectWatchlist tells which format a file is in, from its name and its
// first bytes: .json (or JSON content) is STIX; a .csv whose header lacks the
// knowledge base's required id and kind columns, or has a notes column, is a
// watchlist CSV; anything else is the knowledge base's own format.
func DetectWatchlist(name string, data []byte) WatchlistFormat {
	base := strings.ToLower(strings.TrimSuffix(name, ".gz"))
	ext := path.Ext(base)
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if ext == ".json" || ext == ".stix" || (ext != ".yaml" && ext != ".yml" && len(trimmed) > 0 && trimmed[0] == '{') {
		return WatchlistSTIX
	}
	if ext == ".csv" && !strings.HasSuffix(strings.ToLower(name), ".gz") {
		header := csvHeader(data)
		// The knowledge base's own CSV has an id column; an analyst's
		// watchlist (name, type, aliases, notes) has none.
		if !slices.Contains(header, "id") || slices.Contains(header, "notes") {
			return WatchlistCSV
		}
	}
	return WatchlistKB
}

// IsWatchlist reports whether a file needs the watchlist importer rather
// than the knowledge base's own parser (STIX or watchlist CSV).
func IsWatchlist(name string, data []byte) bool {
	return DetectWatchlist(name, data) != WatchlistKB
}

// csvHeader returns the lowercased column names of a CSV's first non-comment line.
func csvHeader(data []byte) []string {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	rec, err := r.Read()
	if err != nil {
		return nil
	}
	for i := range rec {
		rec[i] = strings.ToLower(strings.TrimSpace(rec[i]))
	}
	return rec
}

// ParseWatchlist reads a watchlist file in any of the three formats. Entry
// ids are proposals: MergeWatchlist may merge or rename them.
func ParseWatchlist(name string, data []byte) ([]*Entry, error) {
	switch DetectWatchlist(name, data) {
	case WatchlistSTIX:
		return parseSTIX(name, data)
	case WatchlistCSV:
		return parseWatchlistCSV(name, data)
	}
	return parseFile(name, data, tierActors)
}

// ImportReport says what merging a watchlist did.
type ImportReport struct {
	Added   []*Entry // new entries
	Merged  []*Entry // loaded entries that gained aliases
	Aliases int      // aliases added to loaded entries
	Known   int      // imported entries that were already known, whole
}

// AddWatchlist reads a watchlist file (any format) and merges it into k.
// Like AddFile it must not run concurrently with reads.
func (k *KB) AddWatchlist(name string) (ImportReport, error) {
	data, err := ReadUserFile(name)
	if err != nil {
		return ImportReport{}, err
	}
	entries, err := ParseWatchlist(name, data)
	if err != nil {
		return ImportReport{}, err
	}
	return k.MergeWatchlist(entries)
}

// addImported is AddFile's path for watchlist files (see IsWatchlist).
func (k *KB) addImported(name string, data []byte) error {
	entries, err := ParseWatchlist(name, data)
	if err != nil {
		return err
	}
	_, err = k.MergeWatchlist(entries)
	return err
}

// AddFileOrWatchlist is AddFile extended to watchlists: a STIX bundle or a
// watchlist CSV is imported with MergeWatchlist, any other file goes to
// AddFile.
func (k *KB) AddFileOrWatchlist(name string) error {
	return k.AddFile(name) // AddFile hands watchlists to addImported
}

type aliasPlan struct {
	entry *Entry
	names []string
	keys  []string
	weak  []string
}

// addWeak appends the weak aliases of list that e does not have in any form.
func addWeak(dst []string, e *Entry, list []string) []string {
	for _, w := range list {
		k := Key(w)
		if k == "" || slices.Contains(e.keys, k) || slices.ContainsFunc(e.WeakAliases, func(x string) bool { return Key(x) == k }) ||
			slices.ContainsFunc(dst, func(x string) bool { return Key(x) == k }) {
			continue
		}
		dst = append(dst, w)
	}
	return dst
}

// MergeWatchlist merges imported entries into k (see the package comment on
// watchlists). It checks everything first and changes nothing on error.
func (k *KB) MergeWatchlist(entries []*Entry) (ImportReport, error) {
	var rep ImportReport
	var added []*Entry
	byID := map[string]*Entry{}     // ids taken by this import
	newByKey := map[string]*Entry{} // type and name key → new entry
	plans := map[*Entry]*aliasPlan{}
	var order []*Entry
	plan := func(target *Entry, names, keys, weak []string) {
		p := plans[target]
		if p == nil {
			p = &aliasPlan{entry: target}
			plans[target] = p
			order = append(order, target)
		}
		p.weak = addWeak(p.weak, target, weak)
		for i, n := range names {
			if slices.Contains(target.keys, keys[i]) || slices.Contains(p.keys, keys[i]) {
				continue
			}
			p.names = append(p.names, n)
			p.keys = append(p.keys, keys[i])
		}
	}
	for _, e := range entries {
		if err := validate(e); err != nil {
			return rep, fmt.Errorf("%s: %w", e.Source, err)
		}
		names := e.Names()
		keys := make([]string, len(names))
		for i, n := range names {
			if keys[i] = Key(n); keys[i] == "" {
				return rep, fmt.Errorf("%s: %s: name or alias %q has no letters or digits", e.Source, e.ID, n)
			}
		}
		// The same entity earlier in this file, or already loaded?
		local := byID[e.ID]
		if local == nil || local.Type != e.Type {
			local = newByKey[string(e.Type)+"\x00"+keys[0]]
		}
		if local != nil {
			for i, n := range names {
				if !slices.Contains(local.keys, keys[i]) {
					local.Aliases = append(local.Aliases, n)
					local.keys = append(local.keys, keys[i])
					newByKey[string(e.Type)+"\x00"+keys[i]] = local
				}
			}
			local.WeakAliases = append(local.WeakAliases, addWeak(nil, local, e.WeakAliases)...)
			continue
		}
		var target *Entry
		if t := k.Entry(e.ID); t != nil && t.Type == e.Type {
			target = t
		} else {
			for _, h := range k.mergeHits(keys[0], k.byKey[keys[0]]) {
				if h.entry.Type == e.Type && !(h.upper && hasLower(e.Name)) {
					target = h.entry
					break
				}
			}
		}
		if target != nil {
			before := 0
			if p := plans[target]; p != nil {
				before = len(p.names) + len(p.weak)
			}
			plan(target, names, keys, e.WeakAliases)
			if p := plans[target]; len(p.names)+len(p.weak) == before {
				rep.Known++
			}
			continue
		}
		// A new entry: find it a free id.
		base := e.ID
		for n := 2; k.Entry(e.ID) != nil || byID[e.ID] != nil; n++ {
			e.ID = base + "-" + strconv.Itoa(n)
		}
		// Drop aliases repeating the name or each other.
		e.Aliases, e.keys = nil, keys[:1]
		for i := 1; i < len(names); i++ {
			if !slices.Contains(e.keys, keys[i]) {
				e.Aliases = append(e.Aliases, names[i])
				e.keys = append(e.keys, keys[i])
			}
		}
		e.tier = tierActors
		byID[e.ID] = e
		for _, key := range e.keys {
			newByKey[string(e.Type)+"\x00"+key] = e
		}
		added = append(added, e)
	}
	for _, e := range added {
		if e.Parent == "" {
			continue
		}
		seen := map[string]bool{e.ID: true}
		for p := e.Parent; p != ""; {
			if seen[p] {
				return rep, fmt.Errorf("%s: %s: parent cycle through %q", e.Source, e.ID, p)
			}
			seen[p] = true
			if parent := byID[p]; parent != nil {
				p = parent.Parent
			} else if parent := k.Entry(p); parent != nil {
				p = parent.Parent
			} else {
				return rep, fmt.Errorf("%s: %s: unknown parent %q", e.Source, e.ID, p)
			}
		}
	}
	// Checked: now apply. add cannot fail on entries validated above.
	for _, target := range order {
		p := plans[target]
		if len(p.names)+len(p.weak) == 0 {
			continue
		}
		for i, n := range p.names {
			target.Aliases = append(target.Aliases, n)
			target.keys = append(target.keys, p.keys[i])
			k.index(target, n, p.keys[i])
		}
		target.WeakAliases = append(target.WeakAliases, p.weak...)
		if k.cities != nil && target.tier == tierCities && !slices.Contains(k.renamed, target) {
			k.renamed = append(k.renamed, target)
		}
		rep.Merged = append(rep.Merged, target)
		rep.Aliases += len(p.names) + len(p.weak)
	}
	if err := k.add(added); err != nil {
		return rep, err
	}
	rep.Added = added
	return rep, nil
}

// Slug makes a knowledge-base id from a name: lowercase ASCII letters and
// digits joined by single hyphens, letters folded as everywhere (package
// fold: "Jama'at Nusrat al-Islam" → "jamaat-nusrat-al-islam", "Œuvre" → "oeuvre"). A name without Latin letters or digits gets
// "entity-" and a digest of the name.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold.String(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r == '\'', r == '’', r == 'ʼ', r == 'ʻ':
			continue // accents and apostrophes join ("Jama'at" → "jamaat")
		default:
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		sum := sha256.Sum256([]byte(name))
		return "entity-" + hex.EncodeToString(sum[:4])
	}
	return b.String()
}

// watchlistTypes maps the type column of a watchlist CSV (and STIX hints) to
// a type and kind. Any knowledge-base kind is accepted as well.
var watchlistTypes = map[string]Kind{
	"per": KindPerson, "person": KindPerson, "individual": KindPerson, "people": KindPerson,
	"org": KindNGO, "organization": KindNGO, "organisation": KindNGO,
	"group": KindArmedGroup, "armed group": KindArmedGroup, "armed_group": KindArmedGroup,
	"terrorist": KindTerroristOrg, "terrorist group": KindTerroristOrg, "terrorist organization": KindTerroristOrg,
	"terrorist organisation": KindTerroristOrg,
	"loc":                    KindRegion, "location": KindRegion, "place": KindRegion,
}

// typeKind reads a type column value ("person", "group", "ORG", "city"…).
func typeKind(s string) (Type, Kind, bool) {
	v := strings.ToLower(strings.TrimSpace(s))
	if k, ok := watchlistTypes[v]; ok {
		return kindType[k], k, true
	}
	if t, ok := kindType[Kind(v)]; ok {
		return t, Kind(v), true
	}
	return "", "", false
}

// watchlistColumns are the watchlist CSV columns; name and type are required.
var watchlistColumns = []string{"name", "type", "aliases", "notes", "kind", "id", "country", "lat", "lon", "weak_aliases", "parent"}

func parseWatchlistCSV(name string, data []byte) ([]*Entry, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comment = '#'
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	line, _ := r.FieldPos(0)
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if h == "note" {
			h = "notes"
		}
		if !slices.Contains(watchlistColumns, h) {
			return nil, fmt.Errorf("%s:%d: unknown column %q (want name,type and optionally %s)", name, line, h, strings.Join(watchlistColumns[2:], ","))
		}
		if _, dup := col[h]; dup {
			return nil, fmt.Errorf("%s:%d: column %q twice", name, line, h)
		}
		col[h] = i
	}
	for _, req := range watchlistColumns[:2] {
		if _, ok := col[req]; !ok {
			return nil, fmt.Errorf("%s:%d: missing column %q (a watchlist CSV has name,type,aliases,notes)", name, line, req)
		}
	}
	var out []*Entry
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		src := fmt.Sprintf("%s:%d", name, line)
		for _, f := range rec {
			// Each field on its own: two halves of a character in two
			// fields make valid UTF-8 once joined.
			if !utf8.ValidString(f) {
				return nil, fmt.Errorf("%s: invalid UTF-8", src)
			}
		}
		e := &Entry{Name: get("name"), Note: get("notes"), Country: strings.ToUpper(get("country")), Parent: get("parent"), Source: src}
		if e.Name == "" {
			return nil, fmt.Errorf("%s: empty name", src)
		}
		typ, kind, ok := typeKind(get("type"))
		if !ok {
			return nil, fmt.Errorf("%s: unknown type %q (want person, group, terrorist, organization, place, PER, ORG, LOC or a kind such as agency or city)", src, get("type"))
		}
		if k := get("kind"); k != "" {
			kind = Kind(strings.ToLower(k))
			if kindType[kind] != typ {
				return nil, fmt.Errorf("%s: kind %q does not fit type %q", src, k, get("type"))
			}
		}
		e.Type, e.Kind = typ, kind
		e.ID = get("id")
		if e.ID == "" {
			e.ID = Slug(e.Name)
		}
		split := func(list string) []string {
			var out []string
			for _, a := range strings.FieldsFunc(list, func(r rune) bool { return r == '|' || r == ';' }) {
				if a = strings.TrimSpace(a); a != "" {
					out = append(out, a)
				}
			}
			return out
		}
		e.Aliases, e.WeakAliases = split(get("aliases")), split(get("weak_aliases"))
		weakenNameParts(e)
		if lat, lon := get("lat"), get("lon"); lat != "" || lon != "" {
			var err1, err2 error
			e.Lat, err1 = strconv.ParseFloat(lat, 64)
			e.Lon, err2 = strconv.ParseFloat(lon, 64)
			if err := errors.Join(err1, err2); err != nil {
				return nil, fmt.Errorf("%s: bad coordinates: %w", src, err)
			}
			e.HasCoords = true
		}
		if err := validate(e); err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		out = append(out, e)
	}
}

// weakenNameParts moves a person's one-word aliases that are part of the
// name ("Shekau" for "Abubakar Shekau") to WeakAliases: alone they are often
// someone else (a relative, a namesake), so they link only in documents that
// also give the full name. A one-word alias that is not part of the name (a
// nom de guerre) stays strong.
func weakenNameParts(e *Entry) {
	if e.Type != PER {
		return
	}
	words := strings.Fields(Key(e.Name))
	if len(words) < 2 {
		return
	}
	kept := e.Aliases[:0]
	for _, a := range e.Aliases {
		k := Key(a)
		if k != "" && !strings.Contains(k, " ") && slices.Contains(words, k) {
			if !slices.Contains(e.WeakAliases, a) {
				e.WeakAliases = append(e.WeakAliases, a)
			}
			continue
		}
		kept = append(kept, a)
	}
	e.Aliases = kept
}

// WriteWatchlistCSV writes entries as a watchlist CSV (the user file's format).
func WriteWatchlistCSV(w io.Writer, entries []*Entry) error {
	cw := csv.NewWriter(w)
	cw.Write(watchlistColumns)
	for _, e := range entries {
		lat, lon := "", ""
		if e.HasCoords {
			lat, lon = strconv.FormatFloat(e.Lat, 'f', -1, 64), strconv.FormatFloat(e.Lon, 'f', -1, 64)
		}
		cw.Write([]string{e.Name, string(e.Type), strings.Join(e.Aliases, "|"), e.Note, string(e.Kind), e.ID, e.Country, lat, lon,
			strings.Join(e.WeakAliases, "|"), e.Parent})
	}
	cw.Flush()
	return cw.Error()
}

// stixTypes are the object types of STIX 2.1; a bundle may hold any of them,
// and those that are not entities are skipped.
var stixTypes = map[string]bool{
	"attack-pattern": true, "campaign": true, "course-of-action": true, "grouping": true, "identity": true,
	"incident": true, "indicator": true, "infrastructure": true, "intrusion-set": true, "location": true,
	"malware": true, "malware-analysis": true, "note": true, "observed-data": true, "opinion": true,
	"report": true, "threat-actor": true, "tool": true, "vulnerability": true, "relationship": true,
	"sighting": true, "marking-definition": true, "language-content": true, "extension-definition": true,
	"artifact": true, "autonomous-system": true, "directory": true, "domain-name": true, "email-addr": true,
	"email-message": true, "file": true, "ipv4-addr": true, "ipv6-addr": true, "mac-addr": true, "mutex": true,
	"network-traffic": true, "process": true, "software": true, "url": true, "user-account": true,
	"windows-registry-key": true, "x509-certificate": true,
}

// stixEntity holds the properties read from entity objects.
type stixEntity struct {
	Type             string   `json:"type"`
	ID               string   `json:"id"`
	Name             string   `json:"name"`
	Description      string   `json:"description"`
	Aliases          []string `json:"aliases"`
	XDossierAliases  []string `json:"x_dossier_aliases"`
	XOpenCTIAliases  []string `json:"x_opencti_aliases"`
	IdentityClass    string   `json:"identity_class"`
	Sectors          []string `json:"sectors"`
	ResourceLevel    string   `json:"resource_level"`
	ThreatActorTypes []string `json:"threat_actor_types"`
	Country          string   `json:"country"`
	Region           string   `json:"region"`
	AdminArea        string   `json:"administrative_area"`
	City             string   `json:"city"`
	Latitude         *float64 `json:"latitude"`
	Longitude        *float64 `json:"longitude"`
	Revoked          bool     `json:"revoked"`
	XDossierID       string   `json:"x_dossier_id"`
	XDossierKB       string   `json:"x_dossier_kb"`
	XDossierKind     string   `json:"x_dossier_kind"`
	XDossierType     string   `json:"x_dossier_type"`
}

// sectorKinds reads an identity's sectors back into a kind.
var sectorKinds = map[string]Kind{
	"government-national": KindGovernment, "government-regional": KindGovernment, "government-local": KindGovernment,
	"government-public-services": KindGovernment, "defense": KindMilitary, "defence": KindMilitary,
	"communications": KindMedia, "non-profit": KindNGO, "law-enforcement": KindAgency,
}

// parseSTIX reads the entity objects of a STIX 2.1 bundle: intrusion-set and
// threat-actor, identity (individual, organization, group) and location.
// Other STIX types are skipped; a type STIX does not define (other than a
// custom "x-" one) is an error naming the object.
func parseSTIX(name string, data []byte) ([]*Entry, error) {
	var bundle struct {
		Type    string            `json:"type"`
		ID      string            `json:"id"`
		Objects []json.RawMessage `json:"objects"`
	}
	if err := json.Unmarshal(data, &bundle); err != nil {
		return nil, fmt.Errorf("%s: not a STIX bundle: %w", name, jsonErrorLine(data, err))
	}
	if bundle.Type != "bundle" {
		return nil, fmt.Errorf("%s: not a STIX bundle: type %q, want \"bundle\"", name, bundle.Type)
	}
	var out []*Entry
	for i, raw := range bundle.Objects {
		var o stixEntity
		if err := json.Unmarshal(raw, &o); err != nil {
			return nil, fmt.Errorf("%s: object %d: %w", name, i, err)
		}
		where := fmt.Sprintf("%s: object %d", name, i)
		if o.ID != "" {
			where += " (" + o.ID + ")"
		}
		if o.Type == "" {
			return nil, fmt.Errorf("%s: no type", where)
		}
		if !stixTypes[o.Type] && !strings.HasPrefix(o.Type, "x-") {
			return nil, fmt.Errorf("%s: unknown STIX type %q", where, o.Type)
		}
		if t, _, ok := strings.Cut(o.ID, "--"); !ok || t != o.Type || !validSTIXUUID(o.ID[len(t)+2:]) {
			return nil, fmt.Errorf("%s: bad id %q: want %s--<uuid>", where, o.ID, o.Type)
		}
		if o.Revoked {
			continue
		}
		e, err := stixToEntry(&o)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		if e == nil {
			continue
		}
		e.Source = where
		if err := validate(e); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// stixToEntry maps one object to an entry, or nil when it is no entity.
func stixToEntry(o *stixEntity) (*Entry, error) {
	var typ Type
	var kind Kind
	switch o.Type {
	case "intrusion-set":
		typ, kind = ORG, KindArmedGroup
	case "threat-actor":
		typ, kind = ORG, KindArmedGroup
		if o.ResourceLevel == "individual" || o.XDossierType == string(PER) {
			typ, kind = PER, KindPerson
		}
	case "identity":
		switch o.IdentityClass {
		case "individual":
			typ, kind = PER, KindPerson
		case "organization", "group", "":
			typ, kind = ORG, KindNGO
			for _, s := range o.Sectors {
				if k, ok := sectorKinds[s]; ok {
					kind = k
					break
				}
			}
		default: // class, system, unknown: not a named actor
			return nil, nil
		}
	case "location":
		typ, kind = LOC, KindRegion
		switch {
		case o.City != "":
			kind = KindCity
		case o.AdminArea != "" || o.Region != "":
			kind = KindRegion
		case o.Country != "":
			kind = KindCountry
		}
	default:
		return nil, nil
	}
	if k := Kind(o.XDossierKind); k != "" {
		if kindType[k] != typ {
			return nil, fmt.Errorf("x_dossier_kind %q does not fit a %s", k, o.Type)
		}
		kind = k
	}
	e := &Entry{Type: typ, Kind: kind, Name: strings.TrimSpace(o.Name), Note: o.Description}
	if e.Name == "" {
		e.Name = strings.TrimSpace(o.City)
	}
	if e.Name == "" {
		return nil, errors.New("no name")
	}
	for _, list := range [][]string{o.Aliases, o.XDossierAliases, o.XOpenCTIAliases} {
		for _, a := range list {
			if a = strings.TrimSpace(a); a != "" && !slices.Contains(e.Aliases, a) {
				e.Aliases = append(e.Aliases, a)
			}
		}
	}
	weakenNameParts(e)
	if c := strings.ToUpper(strings.TrimSpace(o.Country)); len(c) == 2 {
		e.Country = c
	}
	if (o.Latitude == nil) != (o.Longitude == nil) {
		return nil, errors.New("latitude and longitude go together")
	}
	if o.Latitude != nil {
		e.Lat, e.Lon, e.HasCoords = *o.Latitude, *o.Longitude, true
	}
	switch {
	case validID(o.XDossierKB):
		e.ID = o.XDossierKB
	case validID(strings.TrimPrefix(o.XDossierID, "e:")):
		e.ID = strings.TrimPrefix(o.XDossierID, "e:")
	default:
		e.ID = Slug(e.Name)
	}
	return e, nil
}

// validSTIXUUID checks the 8-4-4-4-12 hex form of a STIX id's UUID part.
func validSTIXUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// jsonErrorLine adds the line number to a JSON syntax error.
func jsonErrorLine(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return err
	}
	return fmt.Errorf("line %d: %w", 1+bytes.Count(data[:off], []byte("\n")), err)
}
