// Package read turns inputs (files, directories, standard input, raw bytes)
// into *dossier.Document values: it fills Name, Format, Text, Meta and
// Warnings, and for HTML also Boilerplate. The pipeline stages do the rest.
//
// API:
//
//	doc, err := read.Bytes(name, data, read.Options{})          // raw bytes; name picks the format
//	doc, err := read.File(ctx, path, read.Options{})            // one file, read bounded
//	err := read.Inputs(ctx, args, os.Stdin, opt, fn)            // CLI arguments: files, dirs, "-"
//
// # Limits and errors
//
// Every input is bounded by Options.MaxBytes (DefaultMaxBytes, 16 MiB, when
// zero or negative); a file is never read beyond MaxBytes+1 bytes. Failures are
// *Error values whose message names the input and the reason on one line;
// errors.Is matches them against ErrTooLarge, ErrBinary, ErrEmpty,
// ErrUnreadable, ErrNotFound, ErrNotRegular and ErrUnsupported. Nothing in this
// package panics; a panic inside the third-party HTML extractor is recovered
// and reported as a warning.
//
// # Plain text (Format "txt")
//
// Valid UTF-8 is kept byte for byte, a leading byte-order mark included, so
// every span is a byte offset into the original file (Meta.Encoding "utf-8").
// Input that is not valid UTF-8 is repaired, with a warning saying that
// offsets refer to the decoded text:
//   - text with a UTF-16 byte-order mark is decoded from UTF-16;
//   - text whose high bytes look like Windows-1252/Latin-1 (no valid UTF-8
//     multi-byte sequences, no bytes undefined in Windows-1252, a plausible
//     share of high bytes) is decoded from windows-1252;
//   - text that is mostly UTF-8 with a few bad bytes gets U+FFFD in their place;
//   - anything else is rejected as binary, as are inputs with NUL bytes or a
//     high share of control bytes.
//
// # HTML (Format "html")
//
// A file is HTML when its extension is .html, .htm, .xhtml or .shtml, or, for
// other extensions and standard input, when "<html" or "<!doctype html" occurs
// in its first KiB. Document.Text for HTML is the whole page rendered as plain
// text: visible block text only (head, script, style, noscript, template, svg
// and hidden elements dropped), entities decoded, whitespace collapsed, one
// line per block element or list item, and a blank line between paragraphs.
// go-trafilatura then finds the main content; every rendered line that is not
// part of it (navigation, cookie banners, related links, paywall prompts,
// footers) becomes a Document.Boilerplate span (whole lines, sorted,
// disjoint). The title line is never boilerplate. Offsets and boilerplate
// therefore work exactly as for plain text, and the plain-text boilerplate
// classifier leaves a document alone when Format is "html" and Boilerplate is
// set. Trafilatura's metadata fills Meta.Title, Author, Outlet (site name)
// and URL (canonical or og:url); Meta.Published is the date the page declares
// for machines (meta tags, JSON-LD, microdata, <time>, a dated URL: see
// pagedate.go); Meta.TitleSpan is set when the
// title is found as a line of the rendered text. Meta.Encoding is the page's
// encoding before decoding.
//
// # Inputs
//
// Inputs expands command-line arguments in order: "-" is standard input,
// files are read whatever their extension (with sniffing), and directories are
// walked recursively in lexical order, skipping hidden files and directories
// and keeping only article extensions (.txt, .text, .html, .htm, .xhtml,
// .shtml). A bad input yields an error for that input and the walk goes on.
package read
