// Package daily is the daily reminder beside the window: at the time and
// on the days the person chose, a desktop notification when nothing was
// done that day; the tray icon and its menu with today's progress;
// keeping the app in the tray when the window closes; the autostart
// entry; and its section of Settings. It runs on the clock and the post
// it is given, and reaches the window through Window's callbacks only.
package daily

import (
	"errors"
	"fmt"
	"log"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"

	"spineroutine/internal/reminder"
	"spineroutine/internal/schedule"
	"spineroutine/internal/trayhost"
)

// recheck is how often the reminder looks at the clock besides the time of
// the next reminder: it notices a suspend, a clock change or a new day.
const recheck = time.Minute

// Reminder runs the daily reminder beside the window: the tray icon and
// its menu, the notification, keeping the app in the tray when the window
// closes, and the autostart entry, as its Settings section sets them. The
// window tells it the routine in use (SetRoutine); it reaches the window
// through Window's callbacks only.
type Reminder struct {
	app       fyne.App
	o         Options
	autostart string // the autostart entry's path ("" when unknown)
	win       Window
	host      func() error // whether the desktop shows tray icons (trayhost.Check)

	mu        sync.Mutex
	moves     []string // the ids of the routine in use
	s         reminder.Settings
	lastFired time.Time
	tray      bool        // the tray icon is shown
	stop      func() bool // stops the next look at the clock (nil: not started)
}

// Window is what the reminder does to the window, on the UI goroutine.
type Window struct {
	Show       func() // show the window and bring it forward
	Hide       func() // hide it, the app staying in the tray
	Close      func() // close it
	StartToday func() // start the moves not done today, unless a session runs
	// Problem shows a problem of the settings applied at start in the
	// Settings section, and also in a banner when loud.
	Problem func(msg string, loud bool)
}

// Options are what the reminder needs of the app.
type Options struct {
	Title string         // the app's name: the tray menu's and the autostart entry's
	Clock schedule.Clock // the window's clock
	Post  func(func())   // runs f on the UI goroutine
	// Done returns the moves the journal has as done on now's day.
	Done func(now time.Time) map[string]bool
}

// NewReminder returns the reminder of settings s; SetRoutine tells it the moves
// to count, Start starts it.
func NewReminder(a fyne.App, s reminder.Settings, o Options, w Window) *Reminder {
	r := &Reminder{app: a, o: o, win: w, s: s, host: trayhost.Check}
	if cfg, err := os.UserConfigDir(); err == nil {
		r.autostart = reminder.AutostartPath(cfg, a.UniqueID())
	}
	return r
}

// Start applies the saved settings and checks the clock until the app
// ends. A desktop without tray icons is said in the Settings section; an
// autostart entry that cannot be written also in a banner.
func (r *Reminder) Start() {
	r.mu.Lock()
	s := r.s
	r.mu.Unlock()
	noTray := r.applyTray(s)
	autostart := r.applyAutostart(s)
	if err := errors.Join(noTray, autostart); err != nil {
		r.win.Problem(err.Error(), false)
	}
	if autostart != nil {
		r.win.Problem(lang.L("Daily reminder: {{.Error}}", map[string]any{"Error": autostart.Error()}), true)
	}
	go r.look()
}

// SetRoutine counts the moves ids from now on (the routine in use
// changed) and shows the tray's progress for them.
func (r *Reminder) SetRoutine(ids []string) {
	r.mu.Lock()
	r.moves = ids
	r.mu.Unlock()
	r.poke()
}

// Close closes the window as the user asked: it hides it instead when the
// reminder keeps the app in the tray and the desktop still shows the tray
// icon that brings it back, and quits the app otherwise (the tray would
// keep it alive). A desktop whose tray went away since the icon was put up
// (its panel ended) would leave the app running with no way back to it.
func (r *Reminder) Close() {
	r.mu.Lock()
	keep := r.tray && r.s.Enabled && r.s.KeepInTray
	r.mu.Unlock()
	if keep && r.host() == nil {
		r.win.Hide()
		return
	}
	r.win.Close()
	r.app.Quit()
}

// InTray reports whether the app shows a tray icon, so that --tray may
// leave the window hidden.
func (r *Reminder) InTray() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tray
}

// Apply puts settings s into effect: the tray icon once the reminder is on
// (where the desktop shows tray icons), the autostart entry, and a new look
// at the clock. It runs on the UI goroutine (or before the app runs). Its
// error says what the Settings section should show.
func (r *Reminder) Apply(s reminder.Settings) error {
	return errors.Join(r.applyTray(s), r.applyAutostart(s))
}

// applyTray keeps settings s and puts up the tray icon once the reminder
// is on, then has the loop look at the clock. On a desktop that shows no
// tray icons it puts up none and says so: closing the window then quits.
func (r *Reminder) applyTray(s reminder.Settings) error {
	r.mu.Lock()
	r.s = s
	showTray := s.Enabled && !r.tray
	r.mu.Unlock()
	var noTray error
	if showTray {
		if err := r.host(); err != nil {
			log.Printf("spineroutine: no tray icon: %v", err) // the D-Bus detail, for a bug report
			noTray = noTrayError{err}
		} else if setTray(r.app, r.trayMenu()) {
			r.mu.Lock()
			r.tray = true
			r.mu.Unlock()
		}
	}
	r.poke()
	return noTray
}

// noTrayError says, as the Settings section shows it, that the desktop
// shows no tray icons and what follows, in a person's words; the reason
// (trayhost.Check's error, D-Bus details) goes to the log.
type noTrayError struct{ reason error }

func (e noTrayError) Error() string {
	return lang.L("No tray icon can be shown on this desktop: it has no system tray (GNOME needs " +
		"the AppIndicator extension). Closing the window quits Spine Routine, so it reminds you only " +
		"while its window is open.")
}

func (e noTrayError) Unwrap() error { return e.reason }

// applyAutostart writes or removes the autostart entry as s says.
func (r *Reminder) applyAutostart(s reminder.Settings) error {
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
	return reminder.InstallAutostart(r.autostart, reminder.AutostartEntry(r.o.Title, r.app.UniqueID(), exe))
}

// poke has the reminder look at the clock now, once it started.
func (r *Reminder) poke() {
	r.mu.Lock()
	started := r.stop != nil
	r.mu.Unlock()
	if started {
		go r.look()
	}
}

// look checks the clock and sets the next look on the clock: at the next
// reminder time or after recheck, whichever comes first. It runs off the
// UI goroutine (the journal is read), until the app's end ends the
// process.
func (r *Reminder) look() {
	now := r.o.Clock.Now()
	wait := recheck
	if next := r.check(now); !next.IsZero() {
		wait = min(wait, max(next.Sub(now), 0))
	}
	r.mu.Lock()
	if r.stop != nil {
		r.stop()
	}
	r.stop = r.o.Clock.AfterFunc(wait, r.look)
	r.mu.Unlock()
}

// check fires the reminder when due and refreshes the tray's progress; it
// returns the time of the next reminder (zero: none).
func (r *Reminder) check(now time.Time) time.Time {
	done, total := r.Today(now)
	r.mu.Lock()
	dec := r.s.Check(now, r.lastFired, done)
	if dec.Fire {
		r.lastFired = now
	}
	tray := r.tray
	r.mu.Unlock()
	if dec.Fire {
		title, text := reminder.Message(total)
		r.o.Post(func() { r.app.SendNotification(fyne.NewNotification(title, text)) })
	}
	if tray {
		menu := r.trayMenu()
		r.o.Post(func() { setTray(r.app, menu) })
	}
	return dec.Next
}

// Today counts the moves of the routine in use that the journal has
// as done on now's day, and those moves.
func (r *Reminder) Today(now time.Time) (done, total int) {
	r.mu.Lock()
	moves := r.moves
	r.mu.Unlock()
	ticks := r.o.Done(now)
	for _, id := range moves {
		if ticks[id] {
			done++
		}
	}
	return done, len(moves)
}

// trayMenu is the tray menu with today's progress.
func (r *Reminder) trayMenu() *fyne.Menu {
	done, total := r.Today(r.o.Clock.Now())
	return newTrayMenu(r.o.Title, done, total, trayActions{
		Start: func() {
			r.win.Show()
			r.win.StartToday()
		},
		Show: r.win.Show,
		Quit: r.app.Quit,
	})
}
