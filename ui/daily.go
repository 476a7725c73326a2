package ui

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

// dailyReminder runs the daily reminder beside the window: the tray icon
// and its menu, the notification, keeping the app in the tray when the
// window closes, and the autostart entry, as its Settings section sets
// them. The controller tells it the routine in use; it reaches the window
// through the controller's callbacks only.
type dailyReminder struct {
	app       fyne.App
	done      func(day) map[string]bool // the moves done on a day (the recorder's)
	autostart string                    // the autostart entry's path ("" when unknown)
	clock     schedule.Clock            // the window's clock (Options.Clock)
	post      func(func())              // runs f on the UI goroutine (Options.Post)
	win       dailyWindow
	host      func() error // whether the desktop shows tray icons (trayhost.Check)

	mu        sync.Mutex
	moves     []string // the ids of the routine in use
	s         reminder.Settings
	lastFired time.Time
	tray      bool        // the tray icon is shown
	stop      func() bool // stops the next look at the clock (nil: not started)
}

// dailyWindow is what the reminder does to the window (the controller's,
// on the UI goroutine).
type dailyWindow struct {
	show       func() // show the window and bring it forward
	hide       func() // hide it, the app staying in the tray
	close      func() // close it
	startToday func() // start the moves not done today, unless a session runs
	// problem shows a problem of the settings applied at start in the
	// Settings section, and also in a banner when loud.
	problem func(msg string, loud bool)
}

// newDailyReminder returns the reminder of settings s, on clock, showing
// what it shows through post; setRoutine tells it the moves to count.
func newDailyReminder(a fyne.App, clock schedule.Clock, post func(func()), s reminder.Settings,
	done func(day) map[string]bool, w dailyWindow) *dailyReminder {
	r := &dailyReminder{app: a, clock: clock, post: post, done: done, win: w,
		s: s, host: trayhost.Check}
	if cfg, err := os.UserConfigDir(); err == nil {
		r.autostart = reminder.AutostartPath(cfg, a.UniqueID())
	}
	return r
}

// start applies the saved settings and checks the clock until the app
// ends. A desktop without tray icons is said in the Settings section; an
// autostart entry that cannot be written also in a banner.
func (r *dailyReminder) start() {
	r.mu.Lock()
	s := r.s
	r.mu.Unlock()
	noTray := r.applyTray(s)
	autostart := r.applyAutostart(s)
	if err := errors.Join(noTray, autostart); err != nil {
		r.win.problem(err.Error(), false)
	}
	if autostart != nil {
		r.win.problem(lang.L("Daily reminder: {{.Error}}", map[string]any{"Error": autostart.Error()}), true)
	}
	go r.look()
}

// setRoutine counts the moves ids from now on (the routine in use
// changed) and shows the tray's progress for them.
func (r *dailyReminder) setRoutine(ids []string) {
	r.mu.Lock()
	r.moves = ids
	r.mu.Unlock()
	r.poke()
}

// close closes the window as the user asked: it hides it instead when the
// reminder keeps the app in the tray and the desktop still shows the tray
// icon that brings it back, and quits the app otherwise (the tray would
// keep it alive). A desktop whose tray went away since the icon was put up
// (its panel ended) would leave the app running with no way back to it.
func (r *dailyReminder) close() {
	r.mu.Lock()
	keep := r.tray && r.s.Enabled && r.s.KeepInTray
	r.mu.Unlock()
	if keep && r.host() == nil {
		r.win.hide()
		return
	}
	r.win.close()
	r.app.Quit()
}

// inTray reports whether the app shows a tray icon, so that --tray may
// leave the window hidden.
func (r *dailyReminder) inTray() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tray
}

// apply puts settings s into effect: the tray icon once the reminder is on
// (where the desktop shows tray icons), the autostart entry, and a new look
// at the clock. It runs on the UI goroutine (or before the app runs). Its
// error says what the Settings section should show.
func (r *dailyReminder) apply(s reminder.Settings) error {
	return errors.Join(r.applyTray(s), r.applyAutostart(s))
}

// applyTray keeps settings s and puts up the tray icon once the reminder
// is on, then has the loop look at the clock. On a desktop that shows no
// tray icons it puts up none and says so: closing the window then quits.
func (r *dailyReminder) applyTray(s reminder.Settings) error {
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
func (r *dailyReminder) applyAutostart(s reminder.Settings) error {
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
	return reminder.InstallAutostart(r.autostart, reminder.AutostartEntry(Title, r.app.UniqueID(), exe))
}

// poke has the reminder look at the clock now, once it started.
func (r *dailyReminder) poke() {
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
func (r *dailyReminder) look() {
	now := r.clock.Now()
	wait := recheck
	if next := r.check(now); !next.IsZero() {
		wait = min(wait, max(next.Sub(now), 0))
	}
	r.mu.Lock()
	if r.stop != nil {
		r.stop()
	}
	r.stop = r.clock.AfterFunc(wait, r.look)
	r.mu.Unlock()
}

// check fires the reminder when due and refreshes the tray's progress; it
// returns the time of the next reminder (zero: none).
func (r *dailyReminder) check(now time.Time) time.Time {
	done, total := r.doneToday(now)
	r.mu.Lock()
	dec := r.s.Check(now, r.lastFired, done)
	if dec.Fire {
		r.lastFired = now
	}
	tray := r.tray
	r.mu.Unlock()
	if dec.Fire {
		title, text := reminder.Message(total)
		r.post(func() { r.app.SendNotification(fyne.NewNotification(title, text)) })
	}
	if tray {
		menu := r.trayMenu()
		r.post(func() { setTray(r.app, menu) })
	}
	return dec.Next
}

// doneToday counts the moves of the routine in use that the journal has
// as done on now's day, and those moves.
func (r *dailyReminder) doneToday(now time.Time) (done, total int) {
	r.mu.Lock()
	moves := r.moves
	r.mu.Unlock()
	ticks := r.done(dayOf(now))
	for _, id := range moves {
		if ticks[id] {
			done++
		}
	}
	return done, len(moves)
}

// trayMenu is the tray menu with today's progress.
func (r *dailyReminder) trayMenu() *fyne.Menu {
	done, total := r.doneToday(r.clock.Now())
	return newTrayMenu(done, total, trayActions{
		Start: func() {
			r.win.show()
			r.win.startToday()
		},
		Show: r.win.show,
		Quit: r.app.Quit,
	})
}
