package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/journal"
	"spineroutine/internal/reminder"
	"spineroutine/internal/routine"
	"spineroutine/internal/trayhost"
	"spineroutine/ui"
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
	rem.host = func() error { return nil } // a desktop with a tray
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

// TestRemindersWithoutTray: on a desktop that shows no tray icons the
// reminder puts up no icon, the window's close is not turned into a hide,
// and Settings says why as the window opens and on each change.
func TestRemindersWithoutTray(t *testing.T) {
	rem, _ := newTestReminders(t)
	rem.host = func() error { return fmt.Errorf("%w (no StatusNotifierWatcher on the session bus)", trayhost.ErrNone) }
	s := reminder.Default()
	s.Enabled, s.KeepInTray = true, true
	ui.SetReminderSettings(rem.app.Preferences(), s)
	rem.s = s
	section := rem.section()
	win := test.NewWindow(section)
	t.Cleanup(win.Close)
	rem.attach(win, func() {})
	if rem.inTray() {
		t.Error("a tray icon was counted on a desktop without a tray")
	}
	shown := labelsOf(section)
	if !strings.Contains(shown, "No tray icon can be shown on this desktop") || !strings.Contains(shown, "Closing the window quits") {
		t.Errorf("Settings shows %q, want why closing the window quits", shown)
	}
	err := rem.apply(s)
	if err == nil || !strings.Contains(err.Error(), "no StatusNotifierWatcher") {
		t.Errorf("apply: %v, want the reason there is no tray", err)
	}
}

// labelsOf joins the texts of the labels under o.
func labelsOf(o fyne.CanvasObject) string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Visible() {
				out = append(out, x.Text)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return strings.Join(out, "\n")
}
