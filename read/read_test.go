package read

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/dossier-project/dossier"
)

func mustEncode1252(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode windows-1252: %v", err)
	}
	return b
}

func TestBytesText(t *testing.T) {
	const en = "The attack in Vienna on 2 November 2020 killed four people.\nPolice said the gunman acted alone.\n"
	const fr = "L’attaque de Vienne a fait quatre morts, selon la police autrichienne.\r\nLe tireur était seul.\r\n"
	latin1 := mustEncode1252(t, "Le procès s’est ouvert à Paris : « une étape », a déclaré l’avocat.\n")
	utf16le := []byte{0xFF, 0xFE, 'N', 0, 'i', 0, 'c', 0, 0xE9, 0, '\n', 0}

	tests := []struct {
		name      string
		file      string
		input     []byte
		wantText  string
		wantEnc   string
		wantWarn  string // substring of the only warning, "" for none
		wantFmt   string
		sameBytes bool // Text must be the input byte for byte
	}{
		{name: "english utf-8", file: "a.txt", input: []byte(en), wantText: en, wantEnc: "utf-8", wantFmt: "txt", sameBytes: true},
		{name: "french utf-8 crlf", file: "b.txt", input: []byte(fr), wantText: fr, wantEnc: "utf-8", wantFmt: "txt", sameBytes: true},
		{name: "bom kept", file: "c.txt", input: []byte("\uFEFF" + fr), wantText: "\uFEFF" + fr, wantEnc: "utf-8", wantFmt: "txt", sameBytes: true},
		{name: "no extension sniffs as text", file: "story", input: []byte(en), wantText: en, wantEnc: "utf-8", wantFmt: "txt", sameBytes: true},
		{name: "windows-1252 french", file: "d.txt", input: latin1,
			wantText: "Le procès s’est ouvert à Paris : « une étape », a déclaré l’avocat.\n",
			wantEnc:  "windows-1252", wantWarn: "decoded from windows-1252", wantFmt: "txt"},
		{name: "utf-8 with one bad byte", file: "e.txt",
			input:    []byte("Le tireur était seul \xff et la police est intervenue à 20 heures, près de la synagogue."),
			wantText: "Le tireur était seul \uFFFD et la police est intervenue à 20 heures, près de la synagogue.",
			wantEnc:  "utf-8", wantWarn: "U+FFFD", wantFmt: "txt"},
		{name: "utf-16le with bom", file: "f.txt", input: utf16le, wantText: "Nicé\n", wantEnc: "utf-16le", wantWarn: "decoded from utf-16le", wantFmt: "txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Bytes(tc.file, tc.input, Options{})
			if err != nil {
				t.Fatalf("Bytes: %v", err)
			}
			if doc.Text != tc.wantText {
				t.Errorf("Text = %q, want %q", doc.Text, tc.wantText)
			}
			if tc.sameBytes && !bytes.Equal([]byte(doc.Text), tc.input) {
				t.Errorf("Text differs from the input bytes")
			}
			if doc.Meta.Encoding != tc.wantEnc || doc.Format != tc.wantFmt || doc.Name != tc.file {
				t.Errorf("Encoding, Format, Name = %q, %q, %q; want %q, %q, %q",
					doc.Meta.Encoding, doc.Format, doc.Name, tc.wantEnc, tc.wantFmt, tc.file)
			}
			switch {
			case tc.wantWarn == "" && len(doc.Warnings) != 0:
				t.Errorf("unexpected warnings %q", doc.Warnings)
			case tc.wantWarn != "" && (len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], tc.wantWarn)):
				t.Errorf("Warnings = %q, want one containing %q", doc.Warnings, tc.wantWarn)
			}
			if len(doc.Boilerplate) != 0 {
				t.Errorf("plain text got boilerplate %v", doc.Boilerplate)
			}
		})
	}
}

func TestBytesRejects(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	highSoup := make([]byte, 2048) // no NUL or control byte, but not text
	for i := range highSoup {
		highSoup[i] = 0x80 + byte(rng.Uint32()%0x80)
	}
	elf := append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 64)...)
	controls := []byte(strings.Repeat("ok \x01\x02\x03\x04", 50))

	tests := []struct {
		name   string
		file   string
		input  []byte
		opt    Options
		want   error
		reason string // substring of the message
	}{
		{"empty", "empty.txt", nil, Options{}, ErrEmpty, "0 bytes"},
		{"whitespace only", "blank.txt", []byte(" \n\t\r\n\u00a0\uFEFF  \n"), Options{}, ErrEmpty, "only whitespace"},
		{"html without visible text", "blank.html", []byte("<html><head><title>x</title><script>var a=1</script></head><body> </body></html>"), Options{}, ErrEmpty, "no visible text"},
		{"binary with NUL", "prog.bin", elf, Options{}, ErrBinary, "NUL byte at offset 7"},
		{"random bytes", "noise.txt", random, Options{}, ErrBinary, "binary"},
		{"high-byte soup", "soup.txt", highSoup, Options{}, ErrBinary, "not Windows-1252"},
		{"control bytes", "ctl.txt", controls, Options{}, ErrBinary, "control bytes"},
		{"too large", "big.txt", []byte("This sentence is longer than the limit."), Options{MaxBytes: 10}, ErrTooLarge, "exceeds the 10 B limit"},
		{"truncated pdf by content", "report", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), Options{}, truncatedPDFKind(), "pdftotext"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Bytes(tc.file, tc.input, tc.opt)
			if err == nil {
				t.Fatalf("Bytes accepted the input: %+v", doc)
			}
			if doc != nil {
				t.Errorf("got a document with the error")
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v is not %v", err, tc.want)
			}
			var re *Error
			if !errors.As(err, &re) || re.Name != tc.file {
				t.Errorf("error %#v is not an *Error naming %q", err, tc.file)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.file+": ") || !strings.Contains(msg, tc.reason) || strings.ContainsAny(msg, "\n\r") {
				t.Errorf("message %q: want one line starting with the name and containing %q", msg, tc.reason)
			}
		})
	}
}

func TestFormatSniffing(t *testing.T) {
	page := "<!DOCTYPE HTML>\n<html><body><p>The Chibok schoolgirls were kidnapped in April 2014.</p></body></html>"
	tests := []struct {
		file, input, want string
	}{
		{"page.html", page, "html"},
		{"page.HTM", page, "html"},
		{"page.php", page, "html"},
		{"-", page, "html"},
		{"page.txt", page, "txt"}, // an explicit .txt is text, whatever it holds
		{"notes.md", "A note about <b>bold</b> markup, not a page.", "txt"},
		{"-", "Plain text from a pipe.", "txt"},
	}
	for _, tc := range tests {
		doc, err := Bytes(tc.file, []byte(tc.input), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if doc.Format != tc.want {
			t.Errorf("%s %.20q: Format = %q, want %q", tc.file, tc.input, doc.Format, tc.want)
		}
	}
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	text := "Le parquet national antiterroriste a ouvert une enquête.\n"
	writeFile(t, good, text)
	big := filepath.Join(dir, "big.txt")
	writeFile(t, big, strings.Repeat("Thirty-two people were killed. ", 100))
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	writeFile(t, pdf, "%PDF-1.4\n")

	doc, err := File(context.Background(), good, Options{})
	if err != nil || doc.Text != text || doc.Name != good || doc.Format != "txt" {
		t.Fatalf("File(good) = %+v, %v", doc, err)
	}

	tests := []struct {
		path   string
		opt    Options
		want   error
		reason string
	}{
		{big, Options{MaxBytes: 1000}, ErrTooLarge, "3.0 KiB exceeds the 1000 B limit (raise it with --max-size"},
		{fifo, Options{}, ErrNotRegular, "named pipe"},
		{dir, Options{}, ErrNotRegular, "is a directory"},
		{filepath.Join(dir, "missing.txt"), Options{}, ErrNotFound, "no such file"},
		{pdf, Options{}, truncatedPDFKind(), "pdftotext"},
	}
	for _, tc := range tests {
		doc, err := File(context.Background(), tc.path, tc.opt)
		if doc != nil || !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.reason) || !strings.HasPrefix(err.Error(), tc.path+": ") {
			t.Errorf("File(%s) = %v, %v; want %v containing %q", tc.path, doc, err, tc.want, tc.reason)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := File(ctx, good, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("File with a cancelled context: %v", err)
	}
}

func TestFileReadsAtMostLimit(t *testing.T) {
	// A reader that never ends: readBounded must stop after limit+1 bytes.
	text, err := readBounded(context.Background(), "-", endless{}, 0, 1<<20)
	if !errors.Is(err, ErrTooLarge) || text != "" {
		t.Fatalf("readBounded(endless) = %d bytes, %v", len(text), err)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

type inputResult struct {
	name string
	kind error // nil for a document
}

func collect(t *testing.T, args []string, stdin io.Reader) []inputResult {
	t.Helper()
	var got []inputResult
	err := Inputs(context.Background(), args, stdin, Options{MaxBytes: 4096}, func(name string, doc *dossier.Document, err error) error {
		if (doc == nil) == (err == nil) {
			t.Errorf("%s: want exactly one of doc and err, got %v and %v", name, doc, err)
		}
		r := inputResult{name: name}
		if err != nil {
			for _, k := range []error{ErrTooLarge, ErrBinary, ErrEmpty, ErrUnreadable, ErrNotFound, ErrNotRegular, ErrUnsupported} {
				if errors.Is(err, k) {
					r.kind = k
				}
			}
			if r.kind == nil {
				t.Errorf("%s: unclassified error %v", name, err)
			}
			if !strings.HasPrefix(err.Error(), name+": ") {
				t.Errorf("error %q does not start with the input name", err)
			}
		} else if doc.Name != name || doc.Text == "" {
			t.Errorf("%s: bad document %+v", name, doc)
		}
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Inputs: %v", err)
	}
	return got
}

func TestInputsMixedDirectory(t *testing.T) {
	dir := t.TempDir()
	en, _ := os.ReadFile("testdata/article_en.txt")
	page, _ := os.ReadFile("testdata/article_fr.html")
	writeFile(t, filepath.Join(dir, "a_good.txt"), string(en))
	writeFile(t, filepath.Join(dir, "b_page.html"), string(page))
	writeFile(t, filepath.Join(dir, "c_binary.txt"), "GIF89a\x00\x01\x00")
	writeFile(t, filepath.Join(dir, "d_empty.txt"), "")
	writeFile(t, filepath.Join(dir, "e_big.txt"), strings.Repeat("word ", 2000))
	writeFile(t, filepath.Join(dir, "f_photo.jpg"), "\xff\xd8\xff\xe0")
	writeFile(t, filepath.Join(dir, "g.gold.json"), "{}")
	writeFile(t, filepath.Join(dir, "h_report.pdf"), "%PDF-1.4")
	writeFile(t, filepath.Join(dir, ".hidden.txt"), "secret")
	writeFile(t, filepath.Join(dir, ".git", "notes.txt"), "hidden dir")
	writeFile(t, filepath.Join(dir, "sub", "z_nested.txt"), "Nested article about the Sahel.\n")
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "i_dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "j_fifo.txt"), 0o600); err != nil {
		t.Fatal(err)
	}
	want := []inputResult{
		{filepath.Join(dir, "a_good.txt"), nil},
		{filepath.Join(dir, "b_page.html"), nil},
		{filepath.Join(dir, "c_binary.txt"), ErrBinary},
		{filepath.Join(dir, "d_empty.txt"), ErrEmpty},
		{filepath.Join(dir, "e_big.txt"), ErrTooLarge},
		{filepath.Join(dir, "i_dangling.txt"), ErrNotFound},
		{filepath.Join(dir, "j_fifo.txt"), ErrNotRegular},
	}
	if os.Geteuid() != 0 { // root reads mode-000 files anyway
		locked := filepath.Join(dir, "k_locked.txt")
		writeFile(t, locked, "You may not read this.")
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		lockedDir := filepath.Join(dir, "l_lockeddir")
		writeFile(t, filepath.Join(lockedDir, "x.txt"), "inside")
		if err := os.Chmod(lockedDir, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(lockedDir, 0o755) })
		want = append(want, inputResult{locked, ErrUnreadable}, inputResult{lockedDir, ErrUnreadable})
	}
	want = append(want, inputResult{filepath.Join(dir, "sub", "z_nested.txt"), nil})
	// Explicit arguments after the directory: stdin, a missing path, an explicit PDF.
	want = append(want,
		inputResult{"-", nil},
		inputResult{filepath.Join(dir, "missing.txt"), ErrNotFound},
		inputResult{filepath.Join(dir, "h_report.pdf"), truncatedPDFKind()},
	)

	got := collect(t, []string{dir, "-", filepath.Join(dir, "missing.txt"), filepath.Join(dir, "h_report.pdf")},
		strings.NewReader("Texte lu sur l’entrée standard.\n"))
	if len(got) != len(want) {
		t.Fatalf("got %d inputs, want %d:\n got  %v\n want %v", len(got), len(want), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("input %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestInputsStops(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "First article.")
	writeFile(t, filepath.Join(dir, "b.txt"), "Second article.")
	stop := errors.New("stop")
	calls := 0
	err := Inputs(context.Background(), []string{dir}, nil, Options{}, func(string, *dossier.Document, error) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Inputs after fn error: err %v, %d calls", err, calls)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls = 0
	err = Inputs(ctx, []string{dir}, nil, Options{}, func(string, *dossier.Document, error) error { calls++; return nil })
	if !errors.Is(err, context.Canceled) || calls != 0 {
		t.Errorf("Inputs with cancelled context: err %v, %d calls", err, calls)
	}

	calls = 0
	err = Inputs(context.Background(), []string{"-"}, nil, Options{}, func(name string, doc *dossier.Document, err error) error {
		calls++
		if !errors.Is(err, ErrUnreadable) {
			t.Errorf("nil stdin: %v", err)
		}
		return nil
	})
	if err != nil || calls != 1 {
		t.Errorf("nil stdin: %v, %d calls", err, calls)
	}
}

func TestErrorMessage(t *testing.T) {
	err := newError("bad\nname.txt", ErrEmpty, "empty input (0 bytes)", nil)
	if got, want := err.Error(), `"bad\nname.txt": empty input (0 bytes)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	sizes := map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1 KiB", 1536: "1.5 KiB", DefaultMaxBytes: "16 MiB"}
	for n, want := range sizes {
		if got := formatBytes(n); got != want {
			t.Errorf("formatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestDevCorpus reads the shared development articles (when present): each
// must come through as UTF-8 text identical to the file, and the walk must
// skip the gold files and notes.
func TestDevCorpus(t *testing.T) {
	dev := filepath.Join("..", "..", "shared", "eval", "dev")
	if _, err := os.Stat(dev); err != nil {
		dev = "/work/shared/eval/dev"
		if _, err := os.Stat(dev); err != nil {
			t.Skip("development corpus not present")
		}
	}
	n := 0
	err := Inputs(context.Background(), []string{dev}, nil, Options{}, func(name string, doc *dossier.Document, err error) error {
		if err != nil {
			t.Errorf("%v", err)
			return nil
		}
		n++
		raw, rerr := os.ReadFile(name)
		if rerr != nil {
			t.Fatal(rerr)
		}
		if !strings.HasSuffix(name, ".txt") || doc.Text != string(raw) || doc.Format != "txt" || doc.Meta.Encoding != "utf-8" || len(doc.Warnings) != 0 {
			t.Errorf("%s: format %q encoding %q warnings %q, text identical %v", name, doc.Format, doc.Meta.Encoding, doc.Warnings, doc.Text == string(raw))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(dev, "*.txt"))
	if n != len(matches) || n == 0 {
		t.Errorf("read %d documents, the corpus has %d .txt files", n, len(matches))
	}
}

func TestCountControlBytes(t *testing.T) {
	naive := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' || c == 0x7F {
				n++
			}
		}
		return n
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			switch rng.IntN(4) {
			case 0:
				b[i] = byte(rng.IntN(0x21))
			case 1:
				b[i] = 0x7E + byte(rng.IntN(3))
			default:
				b[i] = byte(rng.Uint32())
			}
		}
		if got, want := countControlBytes(string(b)), naive(string(b)); got != want {
			t.Fatalf("countControlBytes(%q) = %d, want %d", b, got, want)
		}
	}
}

// truncatedPDFKind is the error a truncated PDF gets: unreadable when
// pdftotext runs and fails on it, unsupported when pdftotext is missing.
func truncatedPDFKind() error {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ErrUnsupported
	}
	return ErrUnreadable
}
