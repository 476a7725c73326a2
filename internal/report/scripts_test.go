package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// scriptNotes are day notes in the scripts the report must print (with
// fonts-noto-core and fonts-noto-cjk installed).
var scriptNotes = []string{
	"Crème brûlée, naïve façade: genou gauche raide",
	"Ο αριστερός γοφός σφιχτός",
	"Левое бедро напряжено",
	"左の腰が少し硬い",
	"الورك الأيسر مشدود",
	"הירך השמאלית תפוסה",
	"बायाँ कूल्हा तंग है",
	"much better today 😀",
}

// TestReportScripts makes a report whose notes are in Latin with accents,
// Greek, Cyrillic, Japanese, Arabic, Hebrew, Devanagari and an emoji, and
// checks that pdftotext reads each note back and that no glyph drawn is a
// font's missing glyph (.notdef, GID 0) and that no character was
// replaced. pdftotext gives a right-to-left note in logical order between
// embedding marks (U+202B ... U+202C), which are dropped before comparing,
// and NFKC folds any presentation form back to its letter.
func TestReportScripts(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	from := journal.NewDay(2026, 11, 1)
	src := notesSource{daysSource{from, [][]string{{"bird-dogs"}}}, scriptNotes}
	rep, err := Build(src, routine.Default(), from, from.Add(len(scriptNotes)-1), time.Date(2026, 11, 9, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if u, err := rep.Unprintable(); err != nil || len(u) > 0 {
		t.Fatalf("unprintable: %v %v (install fonts-noto-core and fonts-noto-cjk)", u, err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := rep.writePDF(f, A4)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if w.Notdef > 0 || w.Glyphs == 0 {
		t.Errorf("%d of %d glyphs drawn are a font's missing glyph", w.Notdef, w.Glyphs)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := readable(string(out))
	for _, note := range scriptNotes {
		if !strings.Contains(text, readable(note)) {
			t.Errorf("the note %q is not read back:\n%s", note, text)
		}
	}
}

// readable is text as compared: bidi controls dropped, NFKC.
func readable(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, s)
	return norm.NFKC.String(s)
}
