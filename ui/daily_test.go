package ui

import (
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

// testAppID names the autostart entry of the tests.
const testAppID = "io.github.spineroutine.SpineRoutine"

// newTestReminders returns the daily reminder of a test app on a fresh
// journal, for the default routine, with its autostart entry in a
// temporary folder.
func newTestReminders(t *testing.T) (*dailyReminder, *journal.Journal) {
	t.Helper()
	a := test.NewTempApp(t)
	j, err := journal.Open(t.TempDir(), journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	rem := newDailyReminder(a, reminder.Default(), j.Done, routine.Default().IDs(), dailyWindow{})
	rem.autostart = reminder.AutostartPath(t.TempDir(), testAppID)
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
	if got, total := rem.doneToday(tuesday); got != 1 || total != len(routine.Default().IDs()) {
		t.Errorf("doneToday = %d of %d, want 1 of %d", got, total, len(routine.Default().IDs()))
	}

	// Another routine in use: its moves are counted, not the start-up's.
	rem.setRoutine(routine.Big3().IDs())
	if got, total := rem.doneToday(tuesday); got != 0 || total != len(routine.Big3().IDs()) {
		t.Errorf("after a change of routine: doneToday = %d of %d, want 0 of %d", got, total, len(routine.Big3().IDs()))
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

// TestReminderFollowsRoutineInUse: the window tells the daily reminder of
// a change of routine, so that the tray counts the moves in use.
func TestReminderFollowsRoutineInUse(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Reminders = true })
	if h.w.daily == nil {
		t.Fatal("no daily reminder with Options.Reminders")
	}
	if _, total := h.w.daily.doneToday(h.clock.Now()); total != len(h.w.r.IDs()) {
		t.Fatalf("counts %d moves, the routine has %d", total, len(h.w.r.IDs()))
	}
	if err := h.w.useRoutine(routine.Big3()); err != nil {
		t.Fatal(err)
	}
	if _, total := h.w.daily.doneToday(h.clock.Now()); total != len(routine.Big3().IDs()) {
		t.Errorf("after switching to Big 3: counts %d moves, want %d", total, len(routine.Big3().IDs()))
	}
}
