package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"spineroutine/internal/journal"
	"spineroutine/internal/reminder"
	"spineroutine/internal/routine"
	"spineroutine/internal/trayhost"
	"spineroutine/ui"
)

// recheck is how often the reminder looks at the clock besides the time of
// the next reminder: it notices a suspend, a clock change or a new day.
const recheck = time.Minute

// reminders runs the daily reminder beside the window: the tray icon and
// its menu, the notification, keeping the app in the tray when the window
// closes, and the autostart entry, as the Settings section sets them.
type reminders struct {
	app       fyne.App
	j         *journal.Journal
	moves     []string // the routine's move ids
	autostart string   // the autostart entry's path ("" when unknown)
	stderr    io.Writer
	now       func() time.Time
	wake      chan struct{}
	// host reports whether the desktop shows tray icons (trayhost.Check).
	host func() error
	// problem shows a problem in the Settings section (nil until section).
	problem func(string)

	mu        sync.Mutex
	s         reminder.Settings
	lastFired time.Time
	win       fyne.Window // nil until attach
	start     func()      // starts today's routine (ui.Options.OnWindow)
	tray      bool        // the tray icon is shown
}

// newReminders reads the saved reminder settings of a.
func newReminders(a fyne.App, j *journal.Journal, r *routine.Routine, stderr io.Writer) *reminders {
	rem := &reminders{app: a, j: j, moves: r.IDs(), stderr: stderr, now: time.Now,
		wake: make(chan struct{}, 1), s: ui.ReminderSettings(a.Preferences()), host: trayhost.Check}
	if cfg, err := os.UserConfigDir(); err == nil {
		rem.autostart = reminder.AutostartPath(cfg, appID)
	}
	return rem
}

// section is the reminder's part of the Settings tab.
func (r *reminders) section() fyne.CanvasObject {
	obj, problem := ui.NewReminderSection(r.app.Preferences(), r.apply)
	r.problem = problem
	return obj
}

// attach starts the reminder for the window win (ui.Options.OnWindow;
// startToday starts today's routine): it applies the saved settings and
// checks the clock until the app ends.
func (r *reminders) attach(win fyne.Window, startToday func()) {
	r.mu.Lock()
	r.win, r.start = win, startToday
	s := r.s
	r.mu.Unlock()
	if err := r.apply(s); err != nil {
		fmt.Fprintf(r.stderr, "spineroutine: reminder: %v\n", err)
		if r.problem != nil {
			r.problem(err.Error())
		}
	}
	go r.loop()
}

// close closes the window (ui.Options.OnClose): it hides it instead when
// the reminder keeps the app in the tray and the desktop still shows the
// tray icon that brings it back, and quits the app otherwise (the tray
// keeps it alive).
func (r *reminders) close() {
	r.mu.Lock()
	keep := r.tray && r.s.Enabled && r.s.KeepInTray
	win := r.win
	r.mu.Unlock()
	if win == nil {
		return
	}
	if keep {
		if err := r.host(); err != nil {
			fmt.Fprintf(r.stderr, "spineroutine: quitting instead of hiding the window: %v\n", err)
		} else {
			win.Hide()
			return
		}
	}
	win.Close()
	r.app.Quit()
}

// inTray reports whether the app shows a tray icon, so that --tray may
// leave the window hidden.
func (r *reminders) inTray() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tray
}

// apply puts settings s into effect: the tray icon once the reminder is on
// (where the desktop shows tray icons), the autostart entry, and a new look
// at the clock. It runs on the UI goroutine (or before the app runs). Its
// error says what the Settings section should show.
func (r *reminders) apply(s reminder.Settings) error {
	r.mu.Lock()
	r.s = s
	showTray := s.Enabled && !r.tray
	r.mu.Unlock()
	var noTray error
	if showTray {
		if err := r.host(); err != nil {
			noTray = errors.New("No tray icon can be shown on this desktop (" + err.Error() + "; GNOME needs " +
				"the AppIndicator extension). Closing the window quits Spine Routine, so it reminds you only " +
				"while its window is open.")
		} else if ui.SetTray(r.app, r.trayMenu()) {
			r.mu.Lock()
			r.tray = true
			r.mu.Unlock()
		}
	}
	select {
	case r.wake <- struct{}{}:
	default:
	}
	return errors.Join(noTray, r.applyAutostart(s))
}

// applyAutostart writes or removes the autostart entry as s says.
func (r *reminders) applyAutostart(s reminder.Settings) error {
	if r.autostart == "" {
		return nil
	}
	if !s.Enabled || !s.Autostart {
		return reminder.RemoveAutostart(r.autostart)
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("autostart entry: this program's path: %w", err)
	}
	return reminder.InstallAutostart(r.autostart, reminder.AutostartEntry(ui.Title, appID, exe))
}

// loop checks the clock at each reminder time and every recheck, forever
// (the app's end ends the process).
func (r *reminders) loop() {
	for {
		wait := recheck
		if next := r.check(r.now()); !next.IsZero() {
			wait = min(wait, max(time.Until(next), 0))
		}
		select {
		case <-time.After(wait):
		case <-r.wake:
		}
	}
}

// check fires the reminder when due and refreshes the tray's progress; it
// returns the time of the next reminder (zero: none).
func (r *reminders) check(now time.Time) time.Time {
	done := r.doneToday(now)
	r.mu.Lock()
	dec := r.s.Check(now, r.lastFired, done)
	if dec.Fire {
		r.lastFired = now
	}
	tray := r.tray
	r.mu.Unlock()
	if dec.Fire {
		title, text := reminder.Message(len(r.moves))
		fyne.Do(func() { r.app.SendNotification(fyne.NewNotification(title, text)) })
	}
	if tray {
		menu := r.trayMenu()
		fyne.Do(func() { ui.SetTray(r.app, menu) })
	}
	return dec.Next
}

// doneToday counts the routine's moves the journal has as done today.
func (r *reminders) doneToday(now time.Time) int {
	done := r.j.Done(journal.Today(now))
	n := 0
	for _, id := range r.moves {
		if done[id] {
			n++
		}
	}
	return n
}

// trayMenu is the tray menu with today's progress.
func (r *reminders) trayMenu() *fyne.Menu {
	return ui.TrayMenu(r.doneToday(r.now()), len(r.moves), ui.TrayActions{
		Start: r.startToday,
		Show:  r.show,
		Quit:  r.app.Quit,
	})
}

// show brings the window up.
func (r *reminders) show() {
	r.mu.Lock()
	w := r.win
	r.mu.Unlock()
	if w != nil {
		w.Show()
		w.RequestFocus()
	}
}

// startToday shows the window and starts the moves not done today, unless
// a session is under way.
func (r *reminders) startToday() {
	r.show()
	r.mu.Lock()
	start := r.start
	r.mu.Unlock()
	if start != nil {
		start()
	}
}
