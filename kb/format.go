package kb

import (
	"bytes"
	"compress/gzip"
	"context"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed data
var embedded embed.FS

// subdivisionsFile holds the countries' first-level subdivisions, generated
// by go run ./tools/gazetteer subdivisions.
const subdivisionsFile = "data/subdivisions.tsv.gz"

// Lookup tiers, in priority order.
const (
	tierActors = iota
	tierCountries
	tierRegions
	tierCities
)

// loadEmbedded reads data/: demonyms first (place aliases that are demonyms
// are not indexed), then hand-written actors, countries, regions, cities.
func (k *KB) loadEmbedded(ctx context.Context, cityIndex bool) error {
	read := func(name string) ([]byte, error) {
		data, err := embedded.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
		return data, nil
	}
	data, err := read("data/demonyms.yaml")
	if err != nil {
		return err
	}
	if err := k.addDemonyms("data/demonyms.yaml", data); err != nil {
		return err
	}
	actorFiles, err := fs.Glob(embedded, "data/actors/*.yaml")
	if err != nil {
		return fmt.Errorf("kb: %w", err)
	}
	type file struct {
		name string
		tier int
	}
	files := make([]file, 0, len(actorFiles)+3)
	for _, f := range actorFiles { // fs.Glob sorts: load order is stable
		files = append(files, file{f, tierActors})
	}
	files = append(files, file{"data/countries.tsv", tierCountries}, file{"data/regions.yaml", tierRegions})
	// The generated first-level subdivisions (ISO 3166-2) rank with the
	// hand-written regions; a missing file (while it is being generated) is
	// no error.
	if _, err := fs.Stat(embedded, subdivisionsFile); err == nil {
		files = append(files, file{subdivisionsFile, tierRegions})
	}
	// The cities come from their prebuilt index when it matches the cities
	// file; else they are parsed and indexed like the rest (slow: ~250 ms).
	if x, err := openCityIndex(); err == nil && cityIndex {
		k.cities = x
	} else {
		files = append(files, file{citiesFile, tierCities})
	}
	// Files are parsed and their keys computed concurrently (the cities file
	// dominates); entries are then indexed in tier order. Entries of one tier
	// are added together: a parent may sit in another file.
	parsed := make([][]*Entry, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := read(f.name)
			if err != nil {
				errs[i] = err
				return
			}
			entries, err := parseFile(f.name, data, f.tier)
			if err != nil {
				errs[i] = err
				return
			}
			for _, e := range entries {
				e.computeKeys()
			}
			parsed[i] = entries
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	var batch []*Entry
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("kb: %w", err)
		}
		batch = append(batch, parsed[i]...)
		if i+1 < len(files) && files[i+1].tier == f.tier {
			continue
		}
		if err := k.add(batch); err != nil {
			return err
		}
		batch = nil
	}
	return k.checkDemonymCountries()
}

// AddFile adds a user's file of entries (YAML: .yaml/.yml; CSV: .csv; TSV:
// .tsv; gzip-compressed with a further .gz). Its entries rank with the built-in
// actors; an id already loaded is an error.
func (k *KB) AddFile(name string) error {
	data, err := ReadUserFile(name)
	if err != nil {
		return err
	}
	// STIX bundles and watchlist CSVs (see import.go) load as watchlists.
	if IsWatchlist(name, data) {
		return k.addImported(name, data)
	}
	entries, err := parseFile(name, data, tierActors)
	if err != nil {
		return err
	}
	seen := make(map[string]string, len(entries))
	clash := false
	for _, e := range entries {
		if prev, ok := seen[e.ID]; ok {
			return fmt.Errorf("%s: duplicate id %q (first defined at %s)", e.Source, e.ID, prev)
		}
		seen[e.ID] = e.Source
		if prev := k.Entry(e.ID); prev != nil {
			if prev.Type != e.Type || !slices.Contains(prev.keys, Key(e.Name)) {
				return fmt.Errorf("%s: duplicate id %q (first defined at %s)", e.Source, e.ID, prev.Source)
			}
			clash = true
		}
	}
	if clash {
		// An id another file already defined for the same entity, seen again
		// (the user's file and the same watchlist given to --kb, or a
		// watchlist naming a built-in group). It merges like an import:
		// new aliases join the entry, nothing is duplicated.
		_, err := k.MergeWatchlist(entries)
		return err
	}
	return k.add(entries)
}

// maxFileSize bounds what one data file may decompress to.
const maxFileSize = 256 << 20

// Bounds of a user's knowledge-base or watchlist file: its size on disk and
// once decompressed, and its lines (entries). A watchlist is a few thousand
// names; these bounds keep a mistaken or hostile file from taking the
// machine's memory.
const (
	MaxUserFileBytes = 64 << 20
	MaxUserLines     = 200_000
)

// ReadUserFile reads a user's knowledge-base or watchlist file, gunzipping
// it (".gz") as it streams, and refuses one over MaxUserFileBytes (on disk or
// decompressed) or MaxUserLines lines without holding more than that.
func ReadUserFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	size := info.Size()
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("kb: %s: not a regular file", name)
	} else if size > MaxUserFileBytes {
		return nil, fmt.Errorf("kb: %s: %d bytes, more than the %d a knowledge-base file may hold", name, size, MaxUserFileBytes)
	}
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("kb: %s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	data, err := readBounded(r, int(min(4*size+4096, MaxUserFileBytes+1)), MaxUserFileBytes+1)
	if err != nil {
		return nil, fmt.Errorf("kb: %s: %w", name, err)
	}
	if len(data) > MaxUserFileBytes {
		return nil, fmt.Errorf("kb: %s: more than %d bytes once decompressed: refused", name, MaxUserFileBytes)
	}
	if n := bytes.Count(data, []byte{'\n'}); n > MaxUserLines {
		return nil, fmt.Errorf("kb: %s: %d lines, more than the %d a knowledge-base or watchlist file may hold (split it)", name, n, MaxUserLines)
	}
	return data, nil
}

// readBounded reads r into a buffer that starts at capacity first and
// doubles up to limit bytes, stopping there: at most about twice the limit
// is ever allocated.
func readBounded(r io.Reader, first, limit int) ([]byte, error) {
	buf := make([]byte, 0, max(first, 512))
	for len(buf) < limit {
		if len(buf) == cap(buf) {
			grown := make([]byte, len(buf), min(2*cap(buf), limit))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return buf, nil
}

// parseFile dispatches on the file name's extension.
func parseFile(name string, data []byte, tier int) ([]*Entry, error) {
	base := name
	if strings.HasSuffix(base, ".gz") && len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		var buf bytes.Buffer
		buf.Grow(3 * len(data))
		if _, err := buf.ReadFrom(io.LimitReader(zr, maxFileSize+1)); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		data = buf.Bytes()
		if len(data) > maxFileSize {
			return nil, fmt.Errorf("%s: larger than %d bytes once decompressed", name, maxFileSize)
		}
	}
	base = strings.TrimSuffix(base, ".gz")
	switch strings.ToLower(path.Ext(base)) {
	case ".yaml", ".yml":
		return parseYAML(name, data, tier)
	case ".csv":
		return parseCSV(name, data, ',', tier)
	case ".tsv":
		return parseTSV(name, data, tier)
	}
	return nil, fmt.Errorf("%s: unknown format (want .yaml, .yml, .csv or .tsv)", name)
}

// yamlEntry is the on-disk form of an entry (see README.md).
type yamlEntry struct {
	ID         string   `yaml:"id"`
	Type       string   `yaml:"type"`
	Kind       string   `yaml:"kind"`
	Name       string   `yaml:"name"`
	Aliases    []string `yaml:"aliases"`
	Weak       []string `yaml:"weak_aliases"`
	Parent     string   `yaml:"parent"`
	Country    string   `yaml:"country"`
	Lat        *float64 `yaml:"lat"`
	Lon        *float64 `yaml:"lon"`
	Population int64    `yaml:"population"`
	GeoNames   int64    `yaml:"geonames"`
	Note       string   `yaml:"note"`
}

// yamlSequence parses data and returns the items of its top-level list (of
// every document of the file). yaml.v3 parses these files twice as fast as
// goccy/go-yaml did: every command that extracts loads them.
func yamlSequence(name string, data []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var items []*yaml.Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return items, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(doc.Content) == 0 {
			continue
		}
		body := doc.Content[0]
		if body.Kind != yaml.SequenceNode {
			return nil, fmt.Errorf("%s:%d: want a list of entries", name, body.Line)
		}
		items = append(items, body.Content...)
	}
}

// decodeStrict decodes a mapping node into v (a pointer to a struct with yaml
// tags), refusing keys the struct does not have: a typo in a data file fails.
func decodeStrict(item *yaml.Node, v any) error {
	if item.Kind != yaml.MappingNode {
		return errors.New("want a mapping")
	}
	known := yamlFields(reflect.TypeOf(v).Elem())
	for i := 0; i+1 < len(item.Content); i += 2 {
		if k := item.Content[i].Value; !slices.Contains(known, k) {
			return fmt.Errorf("line %d: unknown field %q (known: %s)", item.Content[i].Line, k, strings.Join(known, ", "))
		}
	}
	return item.Decode(v)
}

// yamlFields lists the yaml tags of a struct type.
func yamlFields(t reflect.Type) []string {
	out := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

func parseYAML(name string, data []byte, tier int) ([]*Entry, error) {
	items, err := yamlSequence(name, data)
	if err != nil {
		return nil, err
	}
	out := make([]*Entry, 0, len(items))
	for _, item := range items {
		line := item.Line
		var y yamlEntry
		if err := decodeStrict(item, &y); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if (y.Lat == nil) != (y.Lon == nil) {
			return nil, fmt.Errorf("%s:%d: lat and lon go together", name, line)
		}
		e := &Entry{
			ID: y.ID, Type: Type(y.Type), Kind: Kind(y.Kind), Name: y.Name, Aliases: y.Aliases, WeakAliases: y.Weak,
			Parent: y.Parent, Country: y.Country, Population: y.Population, GeoNames: y.GeoNames,
			Note: y.Note, Source: fmt.Sprintf("%s:%d", name, line), tier: tier,
		}
		if y.Lat != nil {
			e.Lat, e.Lon, e.HasCoords = *y.Lat, *y.Lon, true
		}
		if err := validate(e); err != nil {
			return nil, fmt.Errorf("%s: %w", e.Source, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// columns are the CSV/TSV header names; the first four are required.
var columns = []string{"id", "type", "kind", "name", "aliases", "parent", "country", "lat", "lon", "note", "population", "geonames"}

func parseCSV(name string, data []byte, comma rune, tier int) ([]*Entry, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.Comment = '#'
	r.FieldsPerRecord = 0
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	idx, err := headerIndex(name, header)
	if err != nil {
		return nil, err
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
		e, err := recordEntry(rec, idx)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		e.Source, e.tier = fmt.Sprintf("%s:%d", name, line), tier
		out = append(out, e)
	}
}

// parseTSV reads tab-separated values without quoting: the fast path for the
// generated gazetteers (tens of thousands of rows).
func parseTSV(name string, data []byte, tier int) ([]*Entry, error) {
	text := string(data) // one copy; every field below is a substring of it
	var idx []int
	var out []*Entry
	fields := make([]string, 0, len(columns))
	for lineNo := 1; len(text) > 0; lineNo++ {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		fields = fields[:0]
		for {
			f, more, ok := strings.Cut(line, "\t")
			fields = append(fields, f)
			if !ok {
				break
			}
			line = more
		}
		if idx == nil {
			var err error
			if idx, err = headerIndex(name, fields); err != nil {
				return nil, err
			}
			continue
		}
		e, err := recordEntry(fields, idx)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, lineNo, err)
		}
		e.Source, e.tier = name+":"+strconv.Itoa(lineNo), tier
		if tier == tierCities {
			e.Aliases = dropNameHeads(e)
		}
		out = append(out, e)
	}
	if idx == nil {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	return out, nil
}

// headerIndex maps each known column to its position (-1 when absent).
func headerIndex(name string, header []string) ([]int, error) {
	idx := make([]int, len(columns))
	for i := range idx {
		idx[i] = -1
	}
	for pos, h := range header {
		h = strings.TrimSpace(strings.ToLower(h))
		i := indexOf(columns, h)
		if i < 0 {
			return nil, fmt.Errorf("%s:1: unknown column %q (known: %s)", name, h, strings.Join(columns, ","))
		}
		if idx[i] >= 0 {
			return nil, fmt.Errorf("%s:1: column %q twice", name, h)
		}
		idx[i] = pos
	}
	for _, required := range columns[:4] {
		if idx[indexOf(columns, required)] < 0 {
			return nil, fmt.Errorf("%s:1: missing column %q", name, required)
		}
	}
	return idx, nil
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func recordEntry(rec []string, idx []int) (*Entry, error) {
	get := func(col int) string {
		if p := idx[col]; p >= 0 && p < len(rec) {
			return strings.TrimSpace(rec[p])
		}
		return ""
	}
	// ReuseRecord recycles rec: copy what is kept (a no-op for TSV substrings).
	e := &Entry{
		ID: get(0), Type: Type(get(1)), Kind: Kind(get(2)), Name: get(3),
		Parent: get(5), Country: get(6), Note: get(9),
	}
	if a := get(4); a != "" {
		e.Aliases = strings.Split(a, "|")
		for i := range e.Aliases {
			e.Aliases[i] = strings.TrimSpace(e.Aliases[i])
		}
	}
	lat, lon := get(7), get(8)
	if (lat == "") != (lon == "") {
		return nil, errors.New("lat and lon go together")
	}
	if lat != "" {
		var err1, err2 error
		e.Lat, err1 = strconv.ParseFloat(lat, 64)
		e.Lon, err2 = strconv.ParseFloat(lon, 64)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("bad coordinates: %w", err)
		}
		e.HasCoords = true
	}
	for col, dst := range map[int]*int64{10: &e.Population, 11: &e.GeoNames} {
		if v := get(col); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("bad %s: %w", columns[col], err)
			}
			*dst = n
		}
	}
	return e, validate(e)
}

// validate checks one entry on its own; ids and parents are checked by add.
func validate(e *Entry) error {
	if !validID(e.ID) {
		return fmt.Errorf("bad id %q: want lowercase ascii letters, digits and single hyphens", e.ID)
	}
	want, ok := kindType[e.Kind]
	if !ok {
		return fmt.Errorf("%s: unknown kind %q", e.ID, e.Kind)
	}
	switch e.Type {
	case PER, ORG, LOC:
	default:
		return fmt.Errorf("%s: bad type %q: want PER, ORG or LOC", e.ID, e.Type)
	}
	if e.Type != want {
		return fmt.Errorf("%s: kind %s needs type %s, not %s", e.ID, e.Kind, want, e.Type)
	}
	// Names whose Key is empty (punctuation only) are caught by add, which
	// computes each key once.
	if strings.TrimSpace(e.Name) == "" {
		return fmt.Errorf("%s: empty name", e.ID)
	}
	if e.Country != "" && !(len(e.Country) == 2 && isUpper(e.Country[0]) && isUpper(e.Country[1])) {
		return fmt.Errorf("%s: bad country %q: want ISO 3166-1 alpha-2", e.ID, e.Country)
	}
	if e.HasCoords && (e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180) {
		return fmt.Errorf("%s: coordinates out of range", e.ID)
	}
	if e.Parent == e.ID && e.ID != "" {
		return fmt.Errorf("%s: parent of itself", e.ID)
	}
	return nil
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// dropNameHeads removes the aliases that are the first words of a city's own
// name: GeoNames lists "Texas" for Texas City, but text that says "Texas"
// means the state. A capital keeps them: "Washington" is Washington, D.C.
// (else a town of that name in England, the biggest left, took the word),
// and where a country has the name ("Kuwait" for Kuwait City) the country
// ranks first anyway.
func dropNameHeads(e *Entry) []string {
	name, aliases := e.Name, e.Aliases
	if e.Capital() {
		return aliases
	}
	out := aliases[:0]
	for _, a := range aliases {
		if len(a) < len(name) && strings.EqualFold(name[:len(a)], a) && name[len(a)] == ' ' {
			continue
		}
		out = append(out, a)
	}
	return out
}
