package read

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/testpdf"
)

func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian: poppler-utils)")
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(good, testpdf.Minimal("Guards at the Vessa port stopped a drone attack."), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := File(context.Background(), good, Options{})
	if err != nil {
		t.Fatalf("valid PDF: %v", err)
	}
	if doc.Format != FormatPDF || !strings.Contains(doc.Text, "Vessa port stopped a drone attack") {
		t.Errorf("format %q, text %q", doc.Format, doc.Text)
	}
	// The same bytes under another name are still a PDF.
	if doc, err := Bytes("upload.bin", testpdf.Minimal("Second page text."), Options{}); err != nil || doc.Format != FormatPDF {
		t.Errorf("PDF by content: %v", err)
	}
	for name, data := range map[string][]byte{
		"corrupt.pdf": []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n"),
		"blank.pdf":   testpdf.Minimal(""),
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, data, 0o644)
		_, err := File(context.Background(), path, Options{})
		var re *Error
		if err == nil || !errors.As(err, &re) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want a one-line read error", name, err)
		}
	}
}
