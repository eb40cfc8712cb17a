package read

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
)

// FormatPDF is Document.Format for text extracted from a PDF.
const FormatPDF = "pdf"

// PDFTimeout bounds one pdftotext run: a hostile PDF may make it spin.
const PDFTimeout = time.Minute

// ErrNoTextLayer is returned for a PDF whose pages hold no text (a scan).
var ErrNoTextLayer = errors.New("the PDF has no text layer (scanned pages?): run OCR on it first")

// PDFText extracts the text of a PDF with poppler-utils' pdftotext, the one
// PDF path of every command (extract, ingest, watch).
func PDFText(ctx context.Context, name string, pdf []byte) (string, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", newError(name, ErrUnsupported, "reading PDF needs pdftotext (Debian/Ubuntu: apt install poppler-utils)", nil)
	}
	ctx, cancel := context.WithTimeout(ctx, PDFTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-q", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = "a damaged, truncated or encrypted PDF?"
		}
		return "", newError(name, ErrUnreadable, fmt.Sprintf("pdftotext could not read it (%v): %s", err, msg), nil)
	}
	text := strings.ReplaceAll(out.String(), "\f", "\n\n")
	if strings.TrimSpace(text) == "" {
		return "", newError(name, ErrUnreadable, ErrNoTextLayer.Error(), ErrNoTextLayer)
	}
	return text, nil
}

// pdfDocument reads a PDF's text as a plain-text document.
func pdfDocument(ctx context.Context, name, s string, opt Options) (*dossier.Document, error) {
	text, err := PDFText(ctx, name, []byte(s))
	if err != nil {
		return nil, err
	}
	doc, err := fromString(ctx, name, text, opt)
	if err != nil {
		return nil, err
	}
	doc.Format = FormatPDF
	doc.Warnings = append(doc.Warnings, "text extracted from the PDF with pdftotext; offsets refer to that text")
	return doc, nil
}
