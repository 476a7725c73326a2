// Package ui is the Fyne layer of Spine Routine: the main window with the
// exercise card and its giant countdown, the controls (buttons and keys),
// and today's checklist. It renders the state of a schedule.Session and
// forwards input to it; the journal and the sound player are driven from
// one bridge (bridge.go) where the session's goroutine meets the UI.
package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// Title is the name of the app in window titles.
const Title = "Spine Routine"

// Player plays a session's cues; *sound.Player implements it.
type Player interface {
	// Attach starts the sound of a session; its error is shown once.
	Attach(s *schedule.Session) error
	// Detach ends the sound of the session.
	Detach()
	// SetSettings applies new sound settings (mute).
	SetSettings(cue.Settings)
}

// Options configure the main window.
type Options struct {
	Routine *routine.Routine
	// Problems are shown in the window: the errors of a routine file that
	// could not be used ("file:line: ..." lines), journal warnings...
	Problems []string
	Journal  *journal.Journal
	Player   Player // nil: no sound at all
	Settings cue.Settings
	// OnSettings is called when the user changes a sound setting (mute),
	// so that it can be saved; may be nil.
	OnSettings func(cue.Settings)
	Moves      []string // preselected moves (--moves); empty: the default choice
	Start      bool     // begin the session as soon as the window shows
	// StartLead delays the first instant of each session by this much
	// (schedule.Session.SetStartLead), so the sound player has opened the
	// speaker and can place the first cue exactly on time.
	StartLead time.Duration
	// OnStarted, if set, runs on the UI goroutine once the window is shown
	// and the app's event loop runs (the start-up figure of scripts/bench.sh).
	OnStarted func()
	Clock     schedule.Clock // nil: schedule.RealClock()
	// Post runs f on the UI goroutine; nil means fyne.Do. Tests queue the
	// calls and run them on the test goroutine.
	Post func(f func())
	// SettingsSections are more sections of the Settings tab (the daily
	// reminder's, ui.NewReminderSection).
	SettingsSections []fyne.CanvasObject
}

// Window is the main window.
type Window struct {
	app   fyne.App
	win   fyne.Window
	opts  Options
	r     *routine.Routine
	j     *journal.Journal
	clock schedule.Clock
	post  func(func())

	settings cue.Settings

	// The running session; nil when none.
	sess   *schedule.Session
	bridge *bridge
	last   schedule.Status // last status shown
	// sessionID is the journal id of the running or last session.
	sessionID   string
	pendingPain *int           // pain "before", given before the session had an id
	audioShown  bool           // the no-audio notice was shown
	audio       sync.WaitGroup // Attach and Detach calls under way
	summaryOn   bool
	history     *HistoryView // the History tab; nil until built
	noBlanking  bool         // screen blanking is disabled (a session runs)

	day          journal.Day // the day of the checklist
	stopMidnight func() bool

	card       *card
	list       *checklist
	progress   *progressBar
	timeLeft   *canvas.Text
	controls   controls
	flash      *flasher
	help       fyne.CanvasObject
	banners    *fyne.Container
	cardArea   *fyne.Container
	main       *mainArea
	scaled     *scaledTheme
	resume     fyne.CanvasObject
	resumePos  *journal.Position
	painBefore *painRow
	painAfter  *painRow
	summary    *summaryView
	noticeBox  map[string]fyne.CanvasObject
}

// controls are the big buttons.
type controls struct {
	back, startPause, skip, addTime, stop, mute, full, help *keyButton
}

// New builds the main window of app.
func New(app fyne.App, opts Options) *Window {
	w := &Window{app: app, opts: opts, r: opts.Routine, j: opts.Journal, clock: opts.Clock,
		post: opts.Post, settings: opts.Settings, noticeBox: map[string]fyne.CanvasObject{}}
	if w.clock == nil {
		w.clock = schedule.RealClock()
	}
	if w.post == nil {
		w.post = fyne.Do
	}
	w.win = app.NewWindow(Title)
	w.day = journal.Today(w.clock.Now())
	w.build()
	w.installKeys()
	w.win.Resize(fyne.NewSize(1280, 800))
	w.win.SetOnClosed(w.closed)
	w.showSafetyNote()
	// With --start the offer is shown until the session starts, which ends
	// the interrupted one as abandoned (it is never left open).
	w.offerResume()
	w.showIdle()
	w.armMidnight()
	return w
}

// Window returns the Fyne window.
func (w *Window) Window() fyne.Window { return w.win }

// Run shows the window, starts the session when asked (--start) and runs
// the app until the window closes.
func (w *Window) Run() {
	w.app.Lifecycle().SetOnStarted(func() {
		if w.opts.Start {
			w.StartPause()
		}
		if w.opts.OnStarted != nil {
			fyne.Do(w.opts.OnStarted)
		}
	})
	w.win.ShowAndRun()
}

func (w *Window) build() {
	w.scaled = newScaledTheme()
	w.card = newCard()
	w.painBefore = newPainRow(w, journal.Before)
	w.painAfter = newPainRow(w, journal.After)
	w.list = newChecklist(w)
	w.progress = newProgressBar()
	w.timeLeft = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	w.timeLeft.Alignment = fyne.TextAlignTrailing
	w.flash = newFlasher()
	w.banners = container.NewVBox()
	w.summary = newSummaryView(w)
	w.card.summary.Add(w.summary.obj)

	c := &w.controls
	c.back = newKeyButton("Back", theme.MediaSkipPreviousIcon(), w, w.Back)
	c.startPause = newKeyButton("Start", theme.MediaPlayIcon(), w, w.StartPause)
	c.startPause.Importance = widget.HighImportance
	c.skip = newKeyButton("Skip", theme.MediaSkipNextIcon(), w, w.Skip)
	c.addTime = newKeyButton("+10 s", theme.ContentAddIcon(), w, w.AddTime)
	c.stop = newKeyButton("End", theme.MediaStopIcon(), w, w.EndSession)
	c.mute = newKeyButton("", theme.VolumeUpIcon(), w, w.ToggleMute)
	c.full = newKeyButton("", theme.ViewFullScreenIcon(), w, w.ToggleFullScreen)
	c.help = newKeyButton("", theme.HelpIcon(), w, w.ToggleHelp)
	w.updateMuteButton()
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(c.mute, c.full, c.help),
		container.NewGridWithColumns(5, c.back, c.startPause, c.skip, c.addTime, c.stop))

	top := container.NewBorder(nil, nil, nil, w.timeLeft, w.progress)
	w.cardArea = container.NewBorder(
		container.NewVBox(top, w.banners), buttons, nil, nil, w.card.obj)
	session := container.NewThemeOverride(w.cardArea, w.scaled)

	w.main = newMainArea(w, session, w.list.obj)
	w.help = newHelpOverlay(w)
	w.help.Hide()
	root := container.NewStack(w.main.obj, w.flash.rect, w.help)
	w.win.SetContent(container.New(&watchLayout{onResize: w.resized}, root))
	for _, p := range w.opts.Problems {
		w.notice(p, p)
	}
}

// resized rescales the texts of the session view to the window height.
func (w *Window) resized(s fyne.Size) {
	if w.scaled.setHeight(s.Height) {
		w.main.refreshTheme()
	}
}

// ---- actions (one named method per key) ----

// StartPause starts a session (when none runs), pauses or resumes it.
func (w *Window) StartPause() {
	switch {
	case w.sess == nil:
		w.startChosen()
	default:
		st := w.sess.Status()
		if st.State == schedule.Finished || st.State == schedule.Stopped {
			w.ReturnToChecklist()
			return
		}
		w.sess.TogglePause()
		w.refresh()
	}
}

// control applies f to the running session and shows the result; it does
// nothing when no session is under way.
func (w *Window) control(f func(*schedule.Session)) {
	if w.running() {
		f(w.sess)
		w.refresh()
	}
}

// Skip goes to the next step.
func (w *Window) Skip() { w.control((*schedule.Session).SkipStep) }

// NextMove goes to the next move.
func (w *Window) NextMove() { w.control((*schedule.Session).SkipMove) }

// Back restarts the current move, or goes to the previous one (see
// schedule.Session.Back).
func (w *Window) Back() { w.control((*schedule.Session).Back) }

// AddTime lengthens the current step by 10 seconds.
func (w *Window) AddTime() {
	w.control(func(s *schedule.Session) { s.AddTime(10 * time.Second) })
}

// EndSession stops the running session early and shows the summary.
func (w *Window) EndSession() { w.control((*schedule.Session).Stop) }

// ToggleMute mutes or unmutes the sounds; the cues still flash.
func (w *Window) ToggleMute() {
	w.settings.Muted = !w.settings.Muted
	if w.opts.Player != nil {
		w.opts.Player.SetSettings(w.settings)
	}
	if w.opts.OnSettings != nil {
		w.opts.OnSettings(w.settings)
	}
	w.updateMuteButton()
}

// Muted reports whether the sounds are muted.
func (w *Window) Muted() bool { return w.settings.Muted }

func (w *Window) updateMuteButton() {
	b := w.controls.mute
	if w.settings.Muted {
		b.SetIcon(theme.VolumeMuteIcon())
		b.Importance = widget.WarningImportance
	} else {
		b.SetIcon(theme.VolumeUpIcon())
		b.Importance = widget.MediumImportance
	}
	b.Refresh()
}

// ToggleFullScreen enters or leaves full screen.
func (w *Window) ToggleFullScreen() {
	w.win.SetFullScreen(!w.win.FullScreen())
}

// Escape closes the help overlay, or leaves full screen.
func (w *Window) Escape() {
	if w.help.Visible() {
		w.help.Hide()
		return
	}
	if w.win.FullScreen() {
		w.win.SetFullScreen(false)
	}
}

// ToggleHelp shows or hides the list of keys.
func (w *Window) ToggleHelp() {
	if w.help.Visible() {
		w.help.Hide()
	} else {
		w.help.Show()
	}
}

// running reports whether a session is under way (running or paused).
func (w *Window) running() bool {
	if w.sess == nil {
		return false
	}
	s := w.sess.Status().State
	return s == schedule.Running || s == schedule.Paused
}

// ---- sessions ----

// startChosen starts a session of the moves chosen on the checklist.
func (w *Window) startChosen() {
	ids := w.list.selection()
	if len(ids) == 0 {
		w.notice("choose", "Choose at least one move to start.")
		return
	}
	w.clearNotice("choose")
	w.abandonResume()
	w.startSession(ids, -1, "")
}

// startSession starts a session of ids at step (-1: from the start),
// continuing journal session resumeID when not empty.
func (w *Window) startSession(ids []string, step int, resumeID string) {
	plan, err := schedule.NewPlan(w.r, ids)
	if err != nil {
		w.notice("plan", "Cannot start: "+err.Error())
		return
	}
	now := w.clock.Now()
	id := resumeID
	if id == "" {
		id, err = w.j.StartSession(now, w.r.Source, moveIDs(plan))
		if err != nil {
			w.notice("journal", "The journal cannot record this session: "+err.Error())
			id = ""
		}
	}
	w.sessionID = id
	if id != "" && w.pendingPain != nil {
		if err := w.j.SavePain(id, journal.Before, *w.pendingPain, now); err != nil {
			w.notice("journal", "Pain check-in not saved: "+err.Error())
		}
	}
	w.pendingPain = nil
	w.painBefore.hide()
	w.summaryOn = false
	w.bridge = newBridge(w, id, plan)
	w.sess = schedule.NewSession(plan, w.clock, w.bridge.notify)
	w.sess.SetStartLead(w.opts.StartLead)
	w.attachSound(w.sess)
	w.setNoBlanking(true)
	w.win.Canvas().Unfocus()
	w.main.showSession()
	if step >= 0 {
		w.sess.StartAt(step)
	} else {
		w.sess.Start()
	}
	w.refresh()
}

// sessionOver runs on the UI goroutine once the session has finished or
// was stopped.
func (w *Window) sessionOver(st schedule.Status) {
	w.detachSound()
	w.setNoBlanking(false)
	w.showSummary(st)
	if w.history != nil {
		w.history.Refresh() // the moves just done, in a History tab already open
	}
}

// attachSound plays the session's cues. Opening the audio device can take
// seconds (or fail), so it happens off the UI goroutine: the session's
// track follows the session clock and catches up. A failure is shown once.
func (w *Window) attachSound(s *schedule.Session) {
	p := w.opts.Player
	if p == nil {
		return
	}
	w.audio.Add(1)
	go func() {
		defer w.audio.Done()
		if err := p.Attach(s); err != nil {
			w.post(func() { w.soundFailed(err) })
		}
	}()
}

// soundFailed shows the no-audio notice, once per window.
func (w *Window) soundFailed(err error) {
	if w.audioShown {
		return
	}
	w.audioShown = true
	msg := err.Error()
	if !strings.HasPrefix(msg, "No sound") {
		msg = fmt.Sprintf("No sound: %s. Cues will flash on screen.", msg)
	}
	w.notice("audio", msg)
}

// detachSound ends the sound of the session off the UI goroutine: the
// player lets the last sound finish, which takes up to a few seconds.
func (w *Window) detachSound() {
	p := w.opts.Player
	if p == nil {
		return
	}
	w.audio.Add(1)
	go func() {
		defer w.audio.Done()
		p.Detach()
	}()
}

// setNoBlanking keeps the screen on while a session runs (the user is on
// the mat, not touching the computer) and gives it back after.
func (w *Window) setNoBlanking(on bool) {
	if w.noBlanking != on {
		w.noBlanking = on
		w.app.Driver().SetDisableScreenBlanking(on)
	}
}

// ReturnToChecklist leaves the summary for the idle checklist.
func (w *Window) ReturnToChecklist() {
	if w.running() {
		return
	}
	w.sess = nil
	w.bridge = nil
	w.summaryOn = false
	w.rollover()
	w.showIdle()
	w.main.showChecklist()
}

// closed stops a running session when the window closes; the journal keeps
// its position so that the next launch offers to resume.
func (w *Window) closed() {
	if w.stopMidnight != nil {
		w.stopMidnight()
	}
	if w.sess != nil {
		// Drop the session's last events: the window is gone.
		if b := w.bridge; b != nil {
			w.bridge = nil
			b.detachJournal()
		}
		w.sess.Stop()
		w.detachSound()
		w.setNoBlanking(false)
	}
}

// refresh shows the session's status now (after a control).
func (w *Window) refresh() {
	if w.sess != nil {
		w.show(w.sess.Status())
	}
}

// Status returns the status last shown on the card.
func (w *Window) Status() schedule.Status { return w.last }

// ---- notices ----

// notice shows a banner with text under key (one per key) until dismissed.
func (w *Window) notice(key, text string) {
	if old, ok := w.noticeBox[key]; ok {
		w.removeBanner(old)
	}
	var b fyne.CanvasObject
	lbl := widget.NewLabel(text)
	lbl.Wrapping = fyne.TextWrapWord
	close := newKeyButton("", theme.CancelIcon(), w, func() { w.clearNotice(key) })
	close.Importance = widget.LowImportance
	b = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), close, lbl)
	w.noticeBox[key] = b
	w.addBanner(b)
}

// clearNotice removes the banner under key.
func (w *Window) clearNotice(key string) {
	if old, ok := w.noticeBox[key]; ok {
		w.removeBanner(old)
		delete(w.noticeBox, key)
	}
}

// Notices returns the texts of the banners shown (for tests and the lead).
func (w *Window) Notices() []string {
	var out []string
	for _, o := range w.banners.Objects {
		if b, ok := o.(*fyne.Container); ok {
			for _, c := range b.Objects {
				if l, ok := c.(*widget.Label); ok {
					out = append(out, l.Text)
				}
			}
		}
	}
	return out
}

// addBanner shows a banner above the card.
func (w *Window) addBanner(b fyne.CanvasObject) {
	w.banners.Add(b)
	w.cardArea.Refresh()
}

// removeBanner removes a banner.
func (w *Window) removeBanner(b fyne.CanvasObject) {
	w.banners.Remove(b)
	w.cardArea.Refresh()
}

// SetSoundSettings applies sound settings chosen elsewhere (the Settings
// tab): the player gets them and the mute button follows.
func (w *Window) SetSoundSettings(s cue.Settings) {
	w.settings = s
	if w.opts.Player != nil {
		w.opts.Player.SetSettings(s)
	}
	w.updateMuteButton()
}

// errSessionRuns is returned by SetRoutine during a session.
var errSessionRuns = errors.New("a session is under way: end it first")

// SetRoutine switches the window to routine r (a routine file chosen in
// Settings, new timings): the checklist is rebuilt for its moves and the
// card shows its first moves. It is refused while a session runs.
func (w *Window) SetRoutine(r *routine.Routine) error {
	if w.running() {
		return errSessionRuns
	}
	w.sess, w.bridge, w.summaryOn = nil, nil, false
	w.r = r
	w.opts.Moves = nil
	w.list = newChecklist(w)
	w.main.setChecklist(w.list.obj)
	w.offerResume()
	w.showIdle()
	return nil
}
