// Package ui is the Fyne layer of Spine Routine: the main window with the
// exercise card and its giant countdown, the controls (buttons and keys),
// today's checklist, History and Settings.
//
// One unexported controller (controller.go), the shell, holds the window
// and wires one owner per concern, each told the rest through a hooks
// struct: the session screen (sessionscreen.go: the runner, the sound, the
// card), Today (todaytab.go), History (historytab.go), Settings
// (settingstab.go, its view the package ui/settings; the settings are one
// value, loaded and saved in prefs.go), the routine in use (inuse.go), the
// recorder (recorder.go: every journal write, and the only file that
// imports the journal), the routine editor (ui/editor) and the daily
// reminder (ui/daily). No owner holds the shell or the window. The screen's state is ui/state; the
// leaf widgets live in ui/widgets.
package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"spineroutine/internal/cue"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
)

// Title is the name of the app in window titles.
const Title = "Spine Routine"

// Player plays a session's cues and prompts; *sound.Player implements it.
type Player interface {
	// Attach starts the sound of a session; its error is shown once.
	Attach(s *schedule.Session) error
	// Detach ends the sound of the session.
	Detach()
	// SetSettings applies new sound settings (mute, volume, ticks, voice).
	SetSettings(cue.Settings)
	// SetVoices replaces the spoken prompts (the routine in use changed).
	SetVoices(*cue.VoiceBank)
	// SoundCheck plays one cue kind now (Settings' sound check).
	SoundCheck(schedule.CueKind) error
	// OnNoSound sets the function told, on any goroutine, that the
	// speaker could not be opened after the session started (unmuting).
	OnNoSound(func(error))
	// Say says a fixed phrase now (cue.PhraseHurts, cue.PhraseStop),
	// over the session's sound; muted, it says nothing.
	Say(phrase string) error
}

// Options configure the main window.
type Options struct {
	Routine *routine.Routine
	// Problems are shown in the window: the errors of a routine file that
	// could not be used ("file:line: ..." lines), journal warnings...
	Problems []string
	Journal  *Journal
	Player   Player // nil: no sound at all
	// Voices loads the spoken prompts of a routine for the Player
	// (cue.LoadVoices with its cache folder): warnings for the user, and
	// the names still to make, which Wait waits for. The window loads the
	// routine's at start and at each change of routine. Nil: the Player
	// keeps the voices it has.
	Voices func(*routine.Routine) (*cue.VoiceBank, []string)
	// Prefs are the saved settings; nil: NewPrefs(app.Preferences()).
	Prefs *Prefs
	// Mute starts muted for this run only (--mute): it is never saved.
	Mute  bool
	Moves []string // preselected moves (--moves); empty: the default choice
	// Library holds the user's routines: with it the window has a Routine
	// tab to edit the routine in use, and Today switches between routines.
	Library *library.Library
	// RoutineKey is Routine's key in Library ("" for a file given with
	// --routine: saving it makes a new routine of the library).
	RoutineKey string
	Start      bool // begin the session as soon as the window shows
	// StartLead delays the first instant of each session by this much
	// (schedule.Session.SetStartLead), so the sound player has opened the
	// speaker and can place the first cue exactly on time.
	StartLead time.Duration
	// OnStarted, if set, runs on the UI goroutine once the window is shown
	// and the app's event loop runs (the start-up figure of scripts/bench.sh).
	OnStarted func()
	// Screen returns the work area of the screen (the screen less its
	// panels) and where it starts, in screen pixels; ok is false when it
	// cannot be known. It runs on the UI goroutine once the window shows.
	Screen func() (x, y int, area fyne.Size, ok bool)
	// Position returns where the window is on the screen, in screen
	// pixels (ok false: unknown); it runs on the UI goroutine as the window
	// closes.
	Position func() (x, y int, ok bool)
	Clock    schedule.Clock // nil: schedule.RealClock()
	// Post runs f on the UI goroutine; nil means fyne.Do. Tests queue the
	// calls and run them on the test goroutine.
	Post func(f func())
	// Reminders runs the daily reminder: its Settings section, the tray
	// icon and menu, the notification, keeping the app in the tray when
	// the window closes, and the autostart entry (named by the app's ID).
	Reminders bool
	// InTray (--tray) leaves the window hidden when the reminder shows its
	// tray icon.
	InTray bool
	// MediaControls offers the session to the desktop's media controls
	// (MPRIS on the D-Bus session bus) while its setting is on.
	MediaControls bool
	// OnClose, if set, closes the window when the user asks to (its close
	// button), once unsaved changes are dealt with. Nil: the daily
	// reminder's way (hidden when kept in the tray), or plainly.
	OnClose func()
}

// Window is the app's main window.
type Window struct {
	c      *controller
	inTray bool // Options.InTray
}

// New builds the main window of app; Run shows it and runs the app
// (starting the session first with Options.Start).
func New(app fyne.App, o Options) *Window {
	c := newController(app, o)
	app.Lifecycle().SetOnStarted(c.started)
	if c.daily != nil {
		c.daily.Start()
	}
	return &Window{c: c, inTray: o.InTray}
}

// Raise shows the window, hidden in the tray or not, and brings it to the
// front (a second launch of the app asks for it). Any goroutine may call
// it.
func (w *Window) Raise() {
	w.c.post(func() {
		w.c.win.Show()
		w.c.win.RequestFocus()
	})
}

// State is the screen the window shows (UI goroutine): a remote control
// reads it as playing (state.Running), paused or stopped.
func (w *Window) State() state.Screen { return w.c.State() }

// OnStateChange adds f to what is told of each new screen, on the UI
// goroutine.
func (w *Window) OnStateChange(f func(state.Screen)) { w.c.OnStateChange(f) }

// Run shows the window and runs the app until it quits; with
// Options.InTray and the reminder's tray icon shown, the window stays
// hidden until the tray menu shows it.
func (w *Window) Run() {
	if w.inTray && w.c.daily != nil && w.c.daily.InTray() {
		w.c.app.Run()
		return
	}
	w.c.win.ShowAndRun()
}
