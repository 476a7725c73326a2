package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/journal"
	"spineroutine/internal/report"
	"spineroutine/ui/state"
)

// TestHistorySavesReport saves the physiotherapist's report from the
// History tab through Fyne's save dialog into a temporary folder, and
// reads it back: a report of the journal's days, with "Saved: …" and the
// button that opens its folder shown.
func TestHistorySavesReport(t *testing.T) {
	home := t.TempDir()
	docs := filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("LANG", "en_US.UTF-8")
	h := newHarness(t, nil)
	today := journal.Today(t0)
	for i, id := range []string{"mcgill-curl-up", "side-planks"} {
		if err := h.j.MarkDone(today.Add(-i), id, journal.Hand, "", t0); err != nil {
			t.Fatal(err)
		}
	}
	sid, err := h.j.StartSession(t0, "test", []string{"bird-dogs"})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.j.SavePain(sid, journal.Before, 6, t0); err != nil {
		t.Fatal(err)
	}
	row := h.history().view.report
	test.Tap(row.button)
	tapDialogButton(t, h, "Save")
	want := filepath.Join(docs, "spine-routine-report-"+today.String()+".pdf")
	for deadline := time.Now().Add(5 * time.Second); row.path == "" && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if row.path != want || row.problem.Text() != "" {
		t.Fatalf("saved to %q (problem %q), want %s", row.path, row.problem.Text(), want)
	}
	if !row.saved.Visible() || row.saved.Text != "Saved: "+want || !row.open.Visible() {
		t.Errorf("after saving: %q shown %v, open button shown %v", row.saved.Text, row.saved.Visible(), row.open.Visible())
	}
	f, err := os.Open(want)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !report.IsReport(f) {
		t.Fatalf("%s is not a report", want)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", want, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	curlUp, _ := h.inuse().r.Find("mcgill-curl-up")
	for _, w := range []string{"Days with a move done 2 of 28 (7 %)", "routine: " + h.inuse().r.Name, curlUp.Name + " 1 4"} {
		if !strings.Contains(text, w) {
			t.Errorf("the report does not say %q:\n%s", w, text)
		}
	}
	if entries, _ := os.ReadDir(docs); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the report alone", len(entries))
	}
	test.Tap(row.open)
	if row.problem.Text() != "" {
		t.Errorf("opening the folder: %s", row.problem.Text())
	}
}

// TestSummaryNote writes the day's note in the session summary: it is
// journalled for the session's day, shown as saved, listed in History and
// tapped days say it; a note too long is refused and not journalled.
func TestSummaryNote(t *testing.T) {
	h := newHarness(t, nil)
	h.w.StartPause()
	h.advance(time.Hour) // the session ends
	if h.w.State() != state.Summary {
		t.Fatal("no summary after the session")
	}
	note := h.session().summary.note
	test.Type(note.entry, strings.Repeat("x", journal.MaxNote+1))
	test.Tap(note.save)
	today := journal.Today(h.clock.Now())
	if note.problem.Text() == "" || len(h.j.Notes(today, today)) != 0 {
		t.Fatalf("a note too long: problem %q, journal %v", note.problem.Text(), h.j.Notes(today, today))
	}
	note.entry.SetText("")
	test.Type(note.entry, "left hip tight")
	note.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	notes := h.j.Notes(today, today)
	if len(notes) != 1 || notes[0].Text != "left hip tight" || notes[0].Session != h.w.rec.session {
		t.Fatalf("journal notes %+v, want the note of session %s", notes, h.w.rec.session)
	}
	if note.problem.Text() != "" || !note.status.Visible() || note.status.Text != "Note saved: left hip tight" {
		t.Errorf("after saving: problem %q, status %q", note.problem.Text(), note.status.Text)
	}
	h.history().view.Refresh()
	if want := shortDay(today) + ": left hip tight"; !strings.Contains(h.history().view.levels.notes.Text, want) {
		t.Errorf("History's notes %q, want %q", h.history().view.levels.notes.Text, want)
	}
	h.history().view.showDayInfo(today)
	if !strings.Contains(h.history().view.heatInfo.Text, "Note: left hip tight") {
		t.Errorf("the day's info %q does not show its note", h.history().view.heatInfo.Text)
	}
}
