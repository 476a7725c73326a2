package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/journal"
	"spineroutine/internal/reminder"
	"spineroutine/internal/routine"
)

// newTestReminders returns the reminders of a test app on a fresh journal,
// with its autostart entry in a temporary folder.
func newTestReminders(t *testing.T) (*reminders, *journal.Journal) {
	t.Helper()
	a := test.NewTempApp(t)
	j, err := journal.Open(t.TempDir(), journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	rem := newReminders(a, j, routine.Default(), io.Discard)
	rem.autostart = reminder.AutostartPath(t.TempDir(), appID)
	return rem, j
}

// TestRemindersNotify: the notification goes through Fyne's API at the
// time, once, and not on a day with a move done.
func TestRemindersNotify(t *testing.T) {
	rem, j := newTestReminders(t)
	monday := time.Date(2026, 11, 23, 18, 0, 0, 0, time.Local)
	tuesday := monday.AddDate(0, 0, 1)
	rem.now = func() time.Time { return monday }

	test.AssertNotificationSent(t, nil, func() { rem.check(monday) }) // off by default

	s := reminder.Default()
	s.Enabled = true
	if err := rem.apply(s); err != nil {
		t.Fatal(err)
	}
	title, text := reminder.Message(len(routine.Default().IDs()))
	var next time.Time
	test.AssertNotificationSent(t, fyne.NewNotification(title, text), func() { next = rem.check(monday) })
	if !next.Equal(tuesday) {
		t.Errorf("next reminder at %v, want %v", next, tuesday)
	}
	test.AssertNotificationSent(t, nil, func() { rem.check(monday.Add(time.Minute)) }) // once a day

	move := routine.Default().IDs()[0]
	if err := j.MarkDone(journal.Today(tuesday), move, journal.Hand, "", tuesday.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	test.AssertNotificationSent(t, nil, func() { rem.check(tuesday) }) // a move done today
	if got := rem.doneToday(tuesday); got != 1 {
		t.Errorf("doneToday = %d, want 1", got)
	}
}

// TestRemindersAutostart: "start with the desktop" writes the entry that
// starts this program in the tray; turning it or the reminder off removes it.
func TestRemindersAutostart(t *testing.T) {
	rem, _ := newTestReminders(t)
	s := reminder.Default()
	s.Enabled, s.Autostart = true, true
	if err := rem.apply(s); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(rem.autostart)
	if err != nil {
		t.Fatalf("no autostart entry: %v", err)
	}
	exe, _ := os.Executable()
	if !strings.Contains(string(b), "Exec="+exe+" "+reminder.TrayFlag+"\n") {
		t.Errorf("the entry does not start %s in the tray:\n%s", exe, b)
	}
	s.Enabled = false
	if err := rem.apply(s); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(rem.autostart); !os.IsNotExist(err) {
		t.Errorf("entry still in %s with the reminder off (%v)", filepath.Dir(rem.autostart), err)
	}
}
