package sqlite

// FakeWritable makes Open see every path as writable or not (a read-only
// share, without mounting one).
func FakeWritable(o *Options, writable bool) { o.writable = func(string) bool { return writable } }

// FakeFullDisk caps the database at pages pages: writes past it fail as on a
// full disk.
func FakeFullDisk(o *Options, pages int) { o.maxPages = pages }
