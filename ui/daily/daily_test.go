package daily

import (
	"fmt"
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
	"spineroutine/internal/schedule"
	"spineroutine/internal/trayhost"
)

// testAppID names the autostart entry of the tests.
const testAppID = "io.github.spineroutine.SpineRoutine"

// newTestReminders returns the daily reminder of a test app on a fresh
// journal, for the default routine, with its autostart entry in a
// temporary folder.
func newTestReminders(t *testing.T) (*Reminder, *journal.Journal) {
	t.Helper()
	a := test.NewTempApp(t)
	j, err := journal.Open(t.TempDir(), journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	rem := NewReminder(a, reminder.Default(), Options{Title: "Spine Routine", Clock: schedule.NewFakeClock(time.Now()),
		Post: func(f func()) { f() }, Done: func(now time.Time) map[string]bool { return j.Done(journal.Today(now)) }}, Window{})
	rem.SetRoutine(routine.Default().IDs())
	rem.autostart = reminder.AutostartPath(t.TempDir(), testAppID)
	rem.host = func() error { return nil } // a desktop with a tray
	return rem, j
}

// TestRemindersNotify: the notification goes through Fyne's API at the
// time, once, and not on a day with a move done.
func TestRemindersNotify(t *testing.T) {
	rem, j := newTestReminders(t)
	monday := time.Date(2026, 11, 23, 18, 0, 0, 0, time.Local)
	tuesday := monday.AddDate(0, 0, 1)
	rem.o.Clock = schedule.NewFakeClock(monday)

	test.AssertNotificationSent(t, nil, func() { rem.check(monday) }) // off by default

	s := reminder.Default()
	s.Enabled = true
	if err := rem.Apply(s); err != nil {
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
	if got, total := rem.Today(tuesday); got != 1 || total != len(routine.Default().IDs()) {
		t.Errorf("Today = %d of %d, want 1 of %d", got, total, len(routine.Default().IDs()))
	}

	// Another routine in use: its moves are counted, not the start-up's.
	rem.SetRoutine(routine.Big3().IDs())
	if got, total := rem.Today(tuesday); got != 0 || total != len(routine.Big3().IDs()) {
		t.Errorf("after a change of routine: Today = %d of %d, want 0 of %d", got, total, len(routine.Big3().IDs()))
	}
}

// TestRemindersAutostart: "start with the desktop" writes the entry that
// starts this program in the tray; turning it or the reminder off removes it.
func TestRemindersAutostart(t *testing.T) {
	rem, _ := newTestReminders(t)
	s := reminder.Default()
	s.Enabled, s.Autostart = true, true
	if err := rem.Apply(s); err != nil {
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
	if err := rem.Apply(s); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(rem.autostart); !os.IsNotExist(err) {
		t.Errorf("entry still in %s with the reminder off (%v)", filepath.Dir(rem.autostart), err)
	}
}

// noTrayHost is a desktop that shows no tray icons.
func noTrayHost() error {
	return fmt.Errorf("%w (no StatusNotifierWatcher on the session bus)", trayhost.ErrNone)
}

// TestRemindersWithoutTray: on a desktop that shows no tray icons the
// reminder puts up no icon and its Settings section says why, on each
// change and as the app starts; it asks for no banner.
func TestRemindersWithoutTray(t *testing.T) {
	rem, _ := newTestReminders(t)
	rem.host = noTrayHost
	var sec *Section
	var banners []string
	rem.win.Problem = func(msg string, loud bool) { // as the window shows it
		sec.ShowProblem(msg)
		if loud {
			banners = append(banners, msg)
		}
	}
	sec = NewSection(reminder.Default(), rem.Apply)
	test.NewTempWindow(t, sec.obj)
	says := func(when string) {
		t.Helper()
		if !sec.problem.Visible() || !strings.Contains(sec.problem.Text, "No tray icon can be shown on this desktop") ||
			strings.Contains(sec.problem.Text, "StatusNotifier") || strings.Contains(sec.problem.Text, "D-Bus") ||
			!strings.Contains(sec.problem.Text, "Closing the window quits") {
			t.Errorf("%s, Settings shows %q (visible %v), want why closing the window quits", when, sec.problem.Text, sec.problem.Visible())
		}
	}
	test.Tap(sec.enable)
	says("as the reminder is turned on")
	if rem.InTray() {
		t.Error("a tray icon was counted on a desktop without a tray")
	}
	test.Tap(sec.days[time.Sunday])
	says("after a change of days")

	// The next start, the reminder on as saved.
	sec.ShowProblem("")
	rem.Start()
	says("at start")
	if len(banners) > 0 {
		t.Errorf("banners %q besides the Settings section for a desktop without a tray", banners)
	}
	// The reminder turned off: nothing to say.
	test.Tap(sec.enable)
	if sec.problem.Visible() {
		t.Errorf("Settings still shows %q with the reminder off", sec.problem.Text)
	}
}

// TestTraylessCloseQuitsWindow: closing the window hides it only while the
// desktop shows the tray icon that brings it back; on a desktop whose tray
// went away it closes and the app quits.
func TestTraylessCloseQuitsWindow(t *testing.T) {
	for _, tc := range []struct {
		name string
		host func() error
		want string
	}{
		{"tray shown", func() error { return nil }, "hide"},
		{"tray gone since", noTrayHost, "close"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var did []string
			rem, _ := newTestReminders(t)
			rem.win = Window{
				Hide:  func() { did = append(did, "hide") },
				Close: func() { did = append(did, "close") },
			}
			rem.s.Enabled, rem.s.KeepInTray = true, true
			rem.tray = true // put up when the desktop showed it (the test app has no tray)
			rem.host = tc.host
			rem.Close()
			if strings.Join(did, ",") != tc.want {
				t.Errorf("close did %v, want %s", did, tc.want)
			}
		})
	}
}

// TestReminderRunsOnTheClock: started, the reminder looks at the clock it
// is given and shows the notification through the post it is given when
// that clock reaches the reminder's time, not before.
func TestReminderRunsOnTheClock(t *testing.T) {
	rem, _ := newTestReminders(t)
	s := reminder.Default()
	s.Enabled = true
	monday := time.Date(2026, 11, 23, s.At.Hour, s.At.Minute, 0, 0, time.Local)
	clock := schedule.NewFakeClock(monday.Add(-90 * time.Second))
	posted := make(chan func(), 10)
	rem.o.Clock, rem.o.Post = clock, func(f func()) { posted <- f }
	rem.s = s
	rem.Start()
	waitLook := func() {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); clock.Pending() == 0; {
			if time.Now().After(deadline) {
				t.Fatal("the reminder set no look at the clock")
			}
			time.Sleep(time.Millisecond)
		}
	}
	drain := func() (n int) {
		for {
			select {
			case f := <-posted:
				f()
				n++
			case <-time.After(100 * time.Millisecond):
				return n
			}
		}
	}
	waitLook()
	test.AssertNotificationSent(t, nil, func() { drain() }) // 90 s early
	title, text := reminder.Message(len(routine.Default().IDs()))
	test.AssertNotificationSent(t, fyne.NewNotification(title, text), func() {
		clock.Advance(90 * time.Second)
		waitLook()
		drain()
	})
}
