package kb

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed" // cityIndexData
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The cities tier is nine tenths of the knowledge base (25,567 entries,
// 56,834 names). Parsing it, keying every name and filling maps with the
// results took ~250 ms at every start of a command that extracts. Instead,
// cities.idx, generated from cities.tsv.gz (go run ./tools/gazetteer
// cityindex), holds hash tables that are searched in place: ids, name keys
// (for Find) and the mention stage's folded phrases. A city becomes an
// *Entry only when a lookup reaches it.

// citiesFile is the embedded source of the index (data/cities.idx).
const (
	citiesFile     = "data/cities.tsv.gz"
	cityIndexMagic = "DKCI2\n"
)

// Tables of the index file.
const (
	tableIDs = iota
	tableKeys
	tablePhrases
	numTables
)

// hashTable is an open-addressing table inside the index file: slots hold
// record numbers + 1; a record is (key offset, key length, first item, end
// item, flags), items are uint32 into the file's item array.
type hashTable struct {
	slots, records int // byte offsets of the slot and record arrays
	nslots         int
	nrecords       int
}

const recordWords = 5

// cityIndex is the loaded index. It is safe for concurrent use.
type cityIndex struct {
	data        string // the whole file
	tables      [numTables]hashTable
	items       int // byte offset of the item array
	strs        int // byte offset of the string blob
	n           int // cities
	rowOffsets  int // byte offset of n+1 row offsets into the decompressed TSV
	maxWords    int
	fingerprint string
	header      []int

	gz       []byte // the compressed source, decompressed on first use
	rowsOnce sync.Once
	rows     string
	rowsErr  error
	entries  []atomic.Pointer[Entry]
}

func (x *cityIndex) u32(off int) int {
	s := x.data[off : off+4]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// hashKey is FNV-1a, 64 bits.
func hashKey(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// find returns the record of key in table t.
func (x *cityIndex) find(t int, key string) (int, bool) {
	tb := &x.tables[t]
	if tb.nslots == 0 {
		return 0, false
	}
	mask := tb.nslots - 1
	for s := int(hashKey(key)) & mask; ; s = (s + 1) & mask {
		r := x.u32(tb.slots + 4*s)
		if r == 0 {
			return 0, false
		}
		rec := r - 1
		off := tb.records + 4*recordWords*rec
		ko, kl := x.u32(off), x.u32(off+4)
		if kl == len(key) && x.data[x.strs+ko:x.strs+ko+kl] == key {
			return rec, true
		}
	}
}

// recordItems returns the item range and flags of a record.
func (x *cityIndex) record(t, rec int) (first, end, flags int) {
	off := x.tables[t].records + 4*recordWords*rec
	return x.u32(off + 8), x.u32(off + 12), x.u32(off + 16)
}

func (x *cityIndex) recordKey(t, rec int) string {
	off := x.tables[t].records + 4*recordWords*rec
	ko, kl := x.u32(off), x.u32(off+4)
	return x.data[x.strs+ko : x.strs+ko+kl]
}

func (x *cityIndex) item(i int) int { return x.u32(x.items + 4*i) }

// entry materialises city i (once; later calls return the same *Entry).
func (x *cityIndex) entry(i int) *Entry {
	if e := x.entries[i].Load(); e != nil {
		return e
	}
	x.rowsOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(x.gz))
		if err != nil {
			x.rowsErr = err
			return
		}
		var b strings.Builder
		_, x.rowsErr = io.Copy(&b, io.LimitReader(zr, maxFileSize+1))
		x.rows = b.String()
	})
	if x.rowsErr != nil {
		// The index was checked against this very file when it loaded.
		panic(fmt.Sprintf("kb: %s: %v", citiesFile, x.rowsErr))
	}
	a, b := x.u32(x.rowOffsets+4*i), x.u32(x.rowOffsets+4*i+4)
	line := strings.TrimSuffix(x.rows[a:b], "\n")
	e, err := recordEntry(strings.Split(strings.TrimSuffix(line, "\r"), "\t"), x.header)
	if err != nil {
		panic(fmt.Sprintf("kb: %s: city %d: %v", citiesFile, i, err))
	}
	e.Source, e.tier = citiesFile+":"+strconv.Itoa(x.u32(x.rowOffsets+4*(x.n+1)+4*i)), tierCities
	e.Aliases = dropNameHeads(e)
	e.computeKeys()
	if x.entries[i].CompareAndSwap(nil, e) {
		return e
	}
	return x.entries[i].Load()
}

// cityIndexData is the index, embedded as a string so that it is read in
// place, never copied.
//
//go:embed data/cities.idx
var cityIndexData string

// openCityIndex opens the embedded index of the embedded cities file.
func openCityIndex() (*cityIndex, error) {
	gz, err := embedded.ReadFile(citiesFile)
	if err != nil {
		return nil, err
	}
	return loadCityIndex(cityIndexData, gz)
}

// loadCityIndex opens data, the index built from gz; it fails when data was
// not built from exactly gz.
func loadCityIndex(data string, gz []byte) (*cityIndex, error) {
	x := &cityIndex{data: data, gz: gz}
	if !strings.HasPrefix(data, cityIndexMagic) {
		return nil, errors.New("not a city index")
	}
	off := len(cityIndexMagic)
	need := func(n int) error {
		if off+n > len(data) {
			return errors.New("truncated city index")
		}
		return nil
	}
	if err := need(4 * 8); err != nil {
		return nil, err
	}
	sum, size := x.u32(off), x.u32(off+4)
	if size != len(gz) || sum != int(crc32.ChecksumIEEE(gz)) {
		return nil, fmt.Errorf("%s was built from another %s: regenerate it (go run ./tools/gazetteer cityindex)", "data/cities.idx", citiesFile)
	}
	x.n, x.maxWords = x.u32(off+8), x.u32(off+12)
	fpLen := x.u32(off + 16)
	headerCols := x.u32(off + 20)
	itemsN, strsN := x.u32(off+24), x.u32(off+28)
	off += 32
	if err := need(fpLen + 4*headerCols); err != nil {
		return nil, err
	}
	x.fingerprint = data[off : off+fpLen]
	off += fpLen
	off = (off + 3) &^ 3
	x.header = make([]int, headerCols)
	for i := range x.header {
		x.header[i] = x.u32(off+4*i) - 1
	}
	off += 4 * headerCols
	x.rowOffsets = off
	off += 4 * (x.n + 1) * 2 // row offsets, then row line numbers
	for t := range x.tables {
		if err := need(8); err != nil {
			return nil, err
		}
		tb := &x.tables[t]
		tb.nslots, tb.nrecords = x.u32(off), x.u32(off+4)
		off += 8
		tb.slots = off
		off += 4 * tb.nslots
		tb.records = off
		off += 4 * recordWords * tb.nrecords
	}
	x.items = off
	off += 4 * itemsN
	x.strs = off
	if off+strsN != len(data) {
		return nil, errors.New("city index: wrong size")
	}
	x.entries = make([]atomic.Pointer[Entry], x.n)
	return x, nil
}

// cityByID returns the city with this id.
func (x *cityIndex) cityByID(id string) *Entry {
	rec, ok := x.find(tableIDs, id)
	if !ok {
		return nil
	}
	first, _, _ := x.record(tableIDs, rec)
	return x.entry(x.item(first))
}

// hits returns the name-key hits of the cities, best first.
func (x *cityIndex) hits(key string, out []hit) []hit {
	rec, ok := x.find(tableKeys, key)
	if !ok {
		return out
	}
	first, end, _ := x.record(tableKeys, rec)
	for i := first; i+1 < end; i += 2 {
		e := x.entry(x.item(i))
		v := x.item(i + 1)
		out = append(out, hit{entry: e, alias: nameAt(e, v>>1), upper: v&1 != 0})
	}
	return out
}

// nameAt is e's name i: the canonical name, then aliases, then weak aliases.
func nameAt(e *Entry, i int) string {
	switch {
	case i == 0:
		return e.Name
	case i <= len(e.Aliases):
		return e.Aliases[i-1]
	case i-1-len(e.Aliases) < len(e.WeakAliases):
		return e.WeakAliases[i-1-len(e.Aliases)]
	}
	return ""
}

// PhraseFunc gives the folded words under which the mention stage files
// name i of e (0: canonical name, then aliases, then weak aliases), or nil.
type PhraseFunc func(e *Entry, i int, name string) []string

// CityPhrases is the prebuilt phrase table of the cities tier, for the mention
// stage's gazetteer: folded phrase → whether longer phrases start with it,
// and the cities whose names it is.
type CityPhrases struct {
	x *cityIndex
}

// CityPhrases returns the cities' phrase table when it was built with the
// same phrase configuration (fingerprint), else nil: the caller then files
// the cities' names itself (Entries includes them).
func (k *KB) CityPhrases(fingerprint string) *CityPhrases {
	if k.cities == nil || k.cities.fingerprint != fingerprint {
		return nil
	}
	return &CityPhrases{x: k.cities}
}

// Len is the number of phrase records.
func (p *CityPhrases) Len() int { return p.x.tables[tablePhrases].nrecords }

// MaxWords is the longest phrase in words.
func (p *CityPhrases) MaxWords() int { return p.x.maxWords }

// Find returns the record of a phrase and whether longer phrases start with it.
func (p *CityPhrases) Find(phrase string) (rec int, prefix, ok bool) {
	rec, ok = p.x.find(tablePhrases, phrase)
	if !ok {
		return 0, false, false
	}
	_, _, flags := p.x.record(tablePhrases, rec)
	return rec, flags&1 != 0, true
}

// Phrase is the folded phrase of record rec.
func (p *CityPhrases) Phrase(rec int) string { return p.x.recordKey(tablePhrases, rec) }

// Names calls yield with each city and name index filed under record rec, in
// the order of the cities file.
func (p *CityPhrases) Names(rec int, yield func(e *Entry, i int)) {
	first, end, _ := p.x.record(tablePhrases, rec)
	for i := first; i+1 < end; i += 2 {
		yield(p.x.entry(p.x.item(i)), p.x.item(i+1))
	}
}

// CheckCityIndex rebuilds the embedded city index from the embedded cities
// file with words and fingerprint and reports whether it differs from the
// one embedded (a test of the mention stage runs it, as only that package
// knows how it files names).
func CheckCityIndex(words PhraseFunc, fingerprint string) error {
	gz, err := embedded.ReadFile(citiesFile)
	if err != nil {
		return err
	}
	built, err := BuildCityIndex(gz, words, fingerprint)
	if err != nil {
		return err
	}
	if string(built) != cityIndexData {
		return fmt.Errorf("kb/data/cities.idx is out of date (%d bytes, rebuilt %d): run go run ./tools/gazetteer cityindex", len(cityIndexData), len(built))
	}
	return nil
}

// LoadParsed is Load without the prebuilt city index: every tier is parsed
// and indexed from its file (~250 ms more). Tests compare the two.
func LoadParsed(ctx context.Context, extra ...string) (*KB, error) {
	return load(ctx, false, extra...)
}

// BuildCityIndex builds cities.idx from the compressed cities file gz. words
// files each name for the mention stage; fingerprint names that
// configuration. The build is deterministic.
func BuildCityIndex(gz []byte, words PhraseFunc, fingerprint string) ([]byte, error) {
	entries, err := parseFile(citiesFile, gz, tierCities)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	// Row offsets and line numbers, in the order parseTSV reads the rows.
	var rowOff, rowLine []int
	var header []int
	for pos, lineNo := 0, 1; pos < len(raw); lineNo++ {
		end := bytes.IndexByte(raw[pos:], '\n')
		next := len(raw)
		if end >= 0 {
			next = pos + end + 1
		}
		line := strings.TrimRight(string(raw[pos:next]), "\r\n")
		if line != "" && line[0] != '#' {
			if header == nil {
				if header, err = headerIndex(citiesFile, strings.Split(line, "\t")); err != nil {
					return nil, err
				}
			} else {
				rowOff = append(rowOff, pos)
				rowLine = append(rowLine, lineNo)
			}
		}
		pos = next
	}
	if len(rowOff) != len(entries) {
		return nil, fmt.Errorf("city index: %d rows for %d entries", len(rowOff), len(entries))
	}
	rowOff = append(rowOff, len(raw))
	rowLine = append(rowLine, 0)

	// Keys exactly as KB.add files them, demonyms excluded.
	k := newKB()
	demonyms, err := embedded.ReadFile("data/demonyms.yaml")
	if err != nil {
		return nil, err
	}
	if err := k.addDemonyms("data/demonyms.yaml", demonyms); err != nil {
		return nil, err
	}
	for _, e := range entries {
		e.computeKeys()
	}
	if err := k.add(entries); err != nil {
		return nil, err
	}
	index := make(map[*Entry]int, len(entries))
	for i, e := range entries {
		index[e] = i
	}
	nameIndex := func(e *Entry, alias string) int {
		for i := 0; ; i++ {
			n := nameAt(e, i)
			if n == alias || n == "" {
				return i
			}
		}
	}

	var w indexWriter
	ids := map[string][]int{}
	for i, e := range entries {
		ids[e.ID] = []int{i}
	}
	keys := map[string][]int{}
	for key, hits := range k.byKey {
		for _, h := range hits {
			up := 0
			if h.upper {
				up = 1
			}
			keys[key] = append(keys[key], index[h.entry], nameIndex(h.entry, h.alias)<<1|up)
		}
	}
	phrases := map[string][]int{}
	prefix := map[string]bool{}
	maxWords := 0
	for i, e := range entries {
		names := append(e.Names(), e.WeakAliases...)
		for j, name := range names {
			ws := words(e, j, name)
			if len(ws) == 0 {
				continue
			}
			maxWords = max(maxWords, len(ws))
			for n := 1; n < len(ws); n++ {
				p := strings.Join(ws[:n], " ")
				prefix[p] = true
				if _, ok := phrases[p]; !ok {
					phrases[p] = nil
				}
			}
			p := strings.Join(ws, " ")
			phrases[p] = append(phrases[p], i, j)
		}
	}
	w.header(gz, len(entries), maxWords, fingerprint, header)
	w.ints(rowOff)
	w.ints(rowLine)
	w.table(ids, nil)
	w.table(keys, nil)
	w.table(phrases, prefix)
	return w.finish(), nil
}

// indexWriter lays out the index file: header, row offsets, tables, items, strings.
type indexWriter struct {
	head  bytes.Buffer
	items []int
	strs  strings.Builder
	keyAt map[string]int
}

func (w *indexWriter) u32(v int) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], uint32(v))
	w.head.Write(b[:])
}

func (w *indexWriter) ints(v []int) {
	for _, x := range v {
		w.u32(x)
	}
}

func (w *indexWriter) header(gz []byte, n, maxWords int, fingerprint string, header []int) {
	w.head.WriteString(cityIndexMagic)
	w.u32(int(crc32.ChecksumIEEE(gz)))
	w.u32(len(gz))
	w.u32(n)
	w.u32(maxWords)
	w.u32(len(fingerprint))
	w.u32(len(header))
	w.u32(0) // items, patched in finish
	w.u32(0) // strings, patched in finish
	w.head.WriteString(fingerprint)
	for w.head.Len()%4 != 0 {
		w.head.WriteByte(0)
	}
	for _, h := range header {
		w.u32(h + 1)
	}
}

// table writes one hash table; its records follow the sorted keys, so the
// file does not depend on map order.
func (w *indexWriter) table(m map[string][]int, prefix map[string]bool) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	nslots := 1
	for nslots < 2*len(keys) {
		nslots <<= 1
	}
	slots := make([]int, nslots)
	for rec, k := range keys {
		for s := int(hashKey(k)) & (nslots - 1); ; s = (s + 1) & (nslots - 1) {
			if slots[s] == 0 {
				slots[s] = rec + 1
				break
			}
		}
	}
	w.u32(nslots)
	w.u32(len(keys))
	w.ints(slots)
	if w.keyAt == nil {
		w.keyAt = map[string]int{}
	}
	for _, k := range keys {
		ko, ok := w.keyAt[k]
		if !ok {
			ko = w.strs.Len()
			w.strs.WriteString(k)
			w.keyAt[k] = ko
		}
		first := len(w.items)
		w.items = append(w.items, m[k]...)
		flags := 0
		if prefix[k] {
			flags = 1
		}
		w.ints([]int{ko, len(k), first, len(w.items), flags})
	}
}

func (w *indexWriter) finish() []byte {
	out := w.head.Bytes()
	off := len(cityIndexMagic) + 24
	binary.LittleEndian.PutUint32(out[off:], uint32(len(w.items)))
	binary.LittleEndian.PutUint32(out[off+4:], uint32(w.strs.Len()))
	var b bytes.Buffer
	b.Write(out)
	for _, it := range w.items {
		var x [4]byte
		binary.LittleEndian.PutUint32(x[:], uint32(it))
		b.Write(x[:])
	}
	b.WriteString(w.strs.String())
	return b.Bytes()
}

// mergeHits appends the cities' hits for key to the map's, best first: the
// map holds the other tiers and user entries, which rank before cities, and
// any city a watchlist gave a new name, which is then merged in order.
func (k *KB) mergeHits(key string, hits []hit) []hit {
	if k.cities == nil {
		return hits
	}
	out := k.cities.hits(key, slices.Clip(hits))
	if len(out) == len(hits) {
		return hits
	}
	for _, h := range hits {
		if h.entry.tier == tierCities {
			out = dedupeHits(out)
			slices.SortStableFunc(out, compareHits)
			break
		}
	}
	return out
}

// dedupeHits keeps the first hit of each entry.
func dedupeHits(hs []hit) []hit {
	seen := map[*Entry]bool{}
	return slices.DeleteFunc(hs, func(h hit) bool {
		if seen[h.entry] {
			return true
		}
		seen[h.entry] = true
		return false
	})
}
