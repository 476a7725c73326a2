package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
	"spineroutine/ui/widgets"
)

// sessionScreen owns the session: the runner (the schedule.Session, its
// bridge and the recorder's ticks), the speaker (the only user of the
// Player), and the card area that shows it: the card with its figure and
// summary, the bars around it, the banners above it and the overlays. Its
// actions are the session's keys and buttons; it tells the shell what the
// rest of the window must follow through its hooks.
type sessionScreen struct {
	run    *runner        // the session, its bridge and its sound
	sound  *speaker       // the only user of the Player
	screen *state.Machine // the screen's state, shared with the shell
	theme  *appTheme      // the session's scale and colours
	frame  frame          // the window the screen is in
	hooks  sessionHooks
	last   schedule.Status // last status shown
	// flagged is what was flagged in the session shown (for its summary).
	flagged    flagList
	noBlanking bool // screen blanking is disabled (a session runs)

	keys       keyRoute  // makes its buttons
	main       *mainArea // the card area beside the side views (or tabs)
	card       *card
	figure     *figureView // the move's figure on the card
	summary    *summaryView
	painBefore *painRow
	painAfter  *painRow
	progress   *widgets.ProgressBar
	timeLeft   *canvas.Text
	controls   controls
	flash      *flasher
	help       fyne.CanvasObject
	dialog     dialog.Dialog     // the Levels dialog while it shows (Esc closes it)
	notes      *notices          // the banners above the card
	resume     fyne.CanvasObject // the resume offer's banner
	cardArea   *fyne.Container
	chrome     []fyne.CanvasObject // the bars around the card, hidden in the focus view
	focusFull  bool                // the focus view turned full screen on
	remote     *remote             // the session on the desktop's media controls (remote.go)
}

// frame is what the session screen does to the window it is in (a
// fyne.Window): its title, full screen and canvas.
type frame interface {
	SetTitle(string)
	FullScreen() bool
	SetFullScreen(bool)
	Canvas() fyne.Canvas
}

// sessionHooks are what the session screen tells the rest of the window,
// set once by the shell.
type sessionHooks struct {
	// listStart labels the checklist's big button as the one under the card.
	listStart func(text string, icon fyne.Resource)
	// setLevels journals and applies levels (an easier level for today).
	setLevels func(levels map[string]int, src levelSrc, today bool)
	// stopped is told of numbness flagged: the day stops (the stop is said).
	stopped func()
	// easiest puts every move at its easiest level for the rest of today.
	easiest func()
	// blanking keeps the screen on (true) or gives it back.
	blanking func(off bool)
	// summary is the summary of the session that ended with a status.
	summary func(st schedule.Status) summary
	// flag journals a flag of a move (the recorder says why it failed).
	flag func(id string, f flagKind) error
	// routine is the routine in use.
	routine func() *routine.Routine
}

// newSessionScreen makes the session screen of a window with options o:
// its speaker at the saved sound, on the screen's state, its buttons made
// with keys. The shell gives it its runner and its frame once they exist,
// and builds its widgets (build).
func newSessionScreen(o Options, post func(func()), screen *state.Machine, keys keyRoute, th *appTheme, saved cue.Settings, h sessionHooks) *sessionScreen {
	s := &sessionScreen{screen: screen, keys: keys, theme: th, hooks: h, notes: newNotices(keys)}
	s.sound = newSpeaker(o, saved, post,
		func(msg string) { s.notes.notice("voices", msg) }, func(msg string) { s.notes.notice("audio", msg) })
	return s
}
