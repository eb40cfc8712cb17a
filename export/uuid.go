package export

import (
	"crypto/sha1"
	"encoding/hex"
)

// namespace is dossier's UUIDv5 namespace for STIX ids, drawn once at
// random. It must never change: re-exports rely on it to update objects
// rather than duplicate them.
var namespace = [16]byte{0x6f, 0x3a, 0x51, 0x0e, 0x2d, 0x8c, 0x5b, 0x41, 0x9a, 0x07, 0x4e, 0xc2, 0x31, 0x9d, 0x58, 0xb6}

// uuid5 is the RFC 9562 name-based UUID (SHA-1) of name in namespace.
func uuid5(name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	var buf [36]byte
	hex.Encode(buf[0:8], u[0:4])
	buf[8] = '-'
	hex.Encode(buf[9:13], u[4:6])
	buf[13] = '-'
	hex.Encode(buf[14:18], u[6:8])
	buf[18] = '-'
	hex.Encode(buf[19:23], u[8:10])
	buf[23] = '-'
	hex.Encode(buf[24:], u[10:])
	return string(buf[:])
}

// stixID is the deterministic id of a STIX object of type typ keyed by key.
func stixID(typ, key string) string {
	return typ + "--" + uuid5(typ+"|"+key)
}
