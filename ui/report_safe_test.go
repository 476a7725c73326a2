package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"spineroutine/internal/report"
)

// saveReportFromHistory taps History's report button and the dialog's
// Save, into a temporary Documents folder, and waits for the outcome.
func saveReportFromHistory(t *testing.T, h *harness, docs string) *reportRow {
	t.Helper()
	row := h.history().view.report
	test.Tap(row.button)
	tapDialogButton(t, h, "Save")
	for deadline := time.Now().Add(10 * time.Second); row.path == "" && row.problem.Text() == "" && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	return row
}

// reportHome makes a home folder with a Documents folder for the report.
func reportHome(t *testing.T) string {
	home := t.TempDir()
	docs := filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	return docs
}

// TestReportPanicKeepsWindow makes the report's writing panic: the window
// shows why the report was not saved, stays usable (a second report
// saves), and leaves no file, not even the dialog's empty one.
func TestReportPanicKeepsWindow(t *testing.T) {
	docs := reportHome(t)
	h := newHarness(t, nil)
	old := writeReport
	writeReport = func(*report.Report, string, report.Paper) error { panic("index out of range [65536]") }
	t.Cleanup(func() { writeReport = old })
	row := saveReportFromHistory(t, h, docs)
	if got := row.problem.Text(); !strings.Contains(got, "The report was not saved: the report failed unexpectedly") ||
		!strings.Contains(got, "your journal is safe") {
		t.Errorf("the window says %q", got)
	}
	if entries, _ := os.ReadDir(docs); len(entries) != 0 {
		t.Errorf("left in Documents: %v", entries)
	}
	writeReport = old
	row = saveReportFromHistory(t, h, docs)
	if row.path == "" || row.problem.Text() != "" {
		t.Errorf("the second report: path %q, problem %q", row.path, row.problem.Text())
	}
}

// TestReportEmojiRoutine saves from the window the report of a routine
// whose name and a move's name hold emoji (fpdf's panic took the window
// down): it is saved, and "Saved: …" names the characters no font has.
func TestReportEmojiRoutine(t *testing.T) {
	docs := reportHome(t)
	h := newHarness(t, nil)
	h.inuse().r.Name = "Morning 😀 routine"
	h.inuse().r.Moves[0].Name = "Planks 💪"
	h.inuse().r.Moves[0].Easier = "knees 🦵 \U000F0000"
	row := saveReportFromHistory(t, h, docs)
	if row.path == "" || row.problem.Text() != "" {
		t.Fatalf("path %q, problem %q", row.path, row.problem.Text())
	}
	for _, want := range []string{"no font on this computer has ", "U+F0000 in the easier variant of the move", "printed as □"} {
		if !strings.Contains(row.saved.Text, want) {
			t.Errorf("the window says %q, want it to say %q", row.saved.Text, want)
		}
	}
	f, err := os.Open(row.path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !report.IsReport(f) {
		t.Errorf("%s is not a report", row.path)
	}
}
