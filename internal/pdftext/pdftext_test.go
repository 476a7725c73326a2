package pdftext

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/text/unicode/norm"
)

// systemFonts loads the Go fonts and the system's.
func systemFonts(tb testing.TB) *Fonts {
	tb.Helper()
	f, err := New(goregular.TTF, gobold.TTF, true)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// page is an A4 page with a writer.
func page(f *Fonts) (*fpdf.Fpdf, *Writer) {
	pdf := fpdf.New("P", "mm", "A4", "")
	w := f.Writer(pdf, "Go")
	pdf.AddPage()
	return pdf, w
}

// extract writes pdf and returns pdftotext's reading of it.
func extract(t *testing.T, pdf *fpdf.Fpdf) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// readable is text as compared: pdftotext marks a right-to-left line with
// embedding controls (U+202B ... U+202C) and may give presentation forms;
// NFKC folds those to the letters.
func readable(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, s)
	return norm.NFKC.String(s)
}

// TestScriptsReadBack sets a line in each script (the system fonts must
// have them: fonts-noto-core and fonts-noto-cjk) and reads the PDF back
// with pdftotext: each line comes back in logical order, and no glyph
// drawn is a font's missing glyph.
func TestScriptsReadBack(t *testing.T) {
	f := systemFonts(t)
	if err := f.SystemErr(); err != nil {
		t.Skipf("no system fonts: %v", err)
	}
	texts := []string{"Crème brûlée à Zürich, ça va", "Ελληνικά κείμενα", "Русский текст", "日本語のテキスト",
		"مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "smile 😀 ok"}
	pdf, w := page(f)
	y := 20.0
	for _, s := range texts {
		if missing := f.Unprintable(s); len(missing) > 0 {
			t.Errorf("no font has %q of %q: install fonts-noto-core and fonts-noto-cjk", missing, s)
		}
		for _, l := range w.Lines(s, Style{Size: 12}, 0) {
			w.Draw(l, 20, y)
			y += 8
		}
	}
	got := strings.Split(strings.TrimSpace(extract(t, pdf)), "\n")
	if len(got) != len(texts) {
		t.Fatalf("%d lines read back, want %d: %q", len(got), len(texts), got)
	}
	for i, want := range texts {
		if readable(got[i]) != readable(want) {
			t.Errorf("line %d reads %q, want %q", i, got[i], want)
		}
	}
	if w.Notdef > 0 || w.Glyphs < 80 {
		t.Errorf("%d of %d glyphs drawn are a font's missing glyph", w.Notdef, w.Glyphs)
	}
}

// TestUnprintable checks that a character no font has is replaced, named,
// and drawn as the replacement.
func TestUnprintable(t *testing.T) {
	f := systemFonts(t)
	const text = "a \U000F0000 b \U0010FFFD c \U000F0000"
	if got := f.Unprintable(text); len(got) != 2 || got[0] != 0xF0000 || got[1] != 0x10FFFD {
		t.Errorf("unprintable %U, want U+F0000 U+10FFFD", got)
	}
	pdf, w := page(f)
	for _, l := range w.Lines(text, Style{Size: 12}, 0) {
		w.Draw(l, 20, 20)
	}
	// pdftotext's reading order drops the spaces around a □.
	want := "a□b□c□"
	if got := strings.Join(strings.Fields(extract(t, pdf)), ""); got != want {
		t.Errorf("read back %q, want %q", got, want)
	}
	if w.Notdef > 0 {
		t.Errorf("%d missing glyphs drawn", w.Notdef)
	}
}

// TestWrap breaks a paragraph to a width: every line fits, and the words
// come back in order.
func TestWrap(t *testing.T) {
	f := systemFonts(t)
	pdf, w := page(f)
	text := "The left hip was tight after the bridges; 日本語のテキストも少し。 Then better."
	lines := w.Lines(text, Style{Size: 10}, 40)
	if len(lines) < 3 {
		t.Errorf("%d lines, want at least 3", len(lines))
	}
	for i, l := range lines {
		if l.Width > 40.01 {
			t.Errorf("line %d is %.1f mm wide, more than 40", i, l.Width)
		}
		w.Draw(l, 20, 20+float64(i)*6)
	}
	got := strings.Join(strings.Fields(extract(t, pdf)), "")
	if want := strings.Join(strings.Fields(text), ""); got != want {
		t.Errorf("read back %q, want %q", got, want)
	}
}

// FuzzDraw sets any text, outside the Basic Multilingual Plane and
// invalid UTF-8 included, wrapped and on one line: it never panics and
// never draws a font's missing glyph.
func FuzzDraw(f *testing.F) {
	for _, s := range []string{"left hip tight", "better 😀 today \U000F0000", "مرحبا 123 שלום", "नमस्ते",
		"a\x00b\nc\td", "\xff\xfe", "\u200d\ufe0f\u202e", "ﷺ꧁", "👨‍👩‍👧 🏳️‍🌈"} {
		f.Add(s, 30.0)
	}
	fonts := systemFonts(f)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		pdf, w := page(fonts)
		for i, l := range w.Lines(text, Style{Size: 9.5, Bold: len(text)%2 == 1}, width) {
			w.Draw(l, 15, 15+float64(i%50)*5)
		}
		if err := pdf.Output(&bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		if w.Notdef > 0 {
			t.Errorf("%d of %d glyphs drawn are a font's missing glyph", w.Notdef, w.Glyphs)
		}
	})
}
