package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/figure"
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
func newSessionScreen(o Options, post func(func()), screen *state.Machine, th *appTheme, saved cue.Settings, h sessionHooks) *sessionScreen {
	s := &sessionScreen{screen: screen, theme: th, hooks: h, notes: newNotices()}
	s.sound = newSpeaker(o, saved, post,
		func(msg string) { s.notes.notice("voices", msg) }, func(msg string) { s.notes.notice("audio", msg) })
	return s
}

// buildCard builds the card and its figure, the pain check-ins (their
// answers go to painGiven), the progress bar, the time left and the
// flash of unheard cues.
func (s *sessionScreen) buildCard(painGiven func(painWhen, int)) {
	s.figure = newFigureView(figure.Default())
	s.card = newCard(s.figure.w)
	s.painBefore = newPainRow(painBeforeSession, painGiven)
	s.painAfter = newPainRow(painAfterSession, painGiven)
	s.progress = widgets.NewProgressBar()
	s.timeLeft = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	s.timeLeft.Alignment = fyne.TextAlignTrailing
	s.flash = newFlasher()
}

// sessionButtons are the actions of the buttons around the card that are
// not the session screen's own.
type sessionButtons struct {
	primary func() // the big button: Start, Pause, Resume, Checklist, Stop for today
	toList  func() // back to the checklist from the summary
	mute    func() // mute or unmute (a setting)
	// note saves the day's note written in the summary.
	note func(text string) error
}

// buildBars builds the summary, the buttons under the card, the bar above
// it (progress, time left, banners) and the card area they frame.
func (s *sessionScreen) buildBars(a sessionButtons) {
	s.summary = newSummaryView(s.painAfter.obj, newNoteRow(a.note),
		widgets.NewKeyButton(lang.L("Back to the checklist"), theme.ListIcon(), a.toList))
	s.card.summary.Add(s.summary.obj)

	b := &s.controls
	b.back = widgets.NewKeyButton(lang.L("Back"), theme.MediaSkipPreviousIcon(), s.Back)
	b.startPause = widgets.NewKeyButton(lang.X("bar.start", "Start"), theme.MediaPlayIcon(), a.primary)
	b.startPause.Importance = widget.HighImportance
	b.skip = widgets.NewKeyButton(lang.X("bar.skip", "Skip"), theme.MediaSkipNextIcon(), s.Skip)
	b.addTime = widgets.NewKeyButton(lang.L("+10 s"), theme.ContentAddIcon(), s.AddTime)
	b.stop = widgets.NewKeyButton(lang.L("End"), theme.MediaStopIcon(), s.EndSession)
	b.mute = widgets.NewKeyButton("", theme.VolumeUpIcon(), a.mute)
	b.full = widgets.NewKeyButton("", theme.ViewFullScreenIcon(), s.ToggleFullScreen)
	b.help = widgets.NewKeyButton("", theme.HelpIcon(), s.ToggleHelp)
	// Only Start/Pause and End are filled; the others are flat, a draw
	// call less each in every frame of a session (a frame is repainted
	// whole: ui/drawcost_test.go).
	for _, f := range []*widgets.KeyButton{b.back, b.skip, b.addTime, b.mute, b.full, b.help} {
		f.Importance = widget.LowImportance
	}
	s.showMuted(s.sound.settings.Muted)
	// End sits apart from +10 s, with the window's buttons, and asks to be
	// pressed again.
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(b.stop, b.mute, b.full, b.help),
		container.NewGridWithColumns(4, b.back, b.startPause, b.skip, b.addTime))

	top := container.NewVBox(container.NewBorder(nil, nil, nil, s.timeLeft, s.progress), s.notes.box)
	s.card.setActions(flagRow(s.Hurts, s.Nerve))
	s.chrome = []fyne.CanvasObject{top, bottom}
	s.cardArea = container.NewBorder(top, bottom, nil, nil, s.card.obj)
	s.notes.area = s.cardArea
}

// buildOverlays ties the card area shown beside the side views (main) to
// the screen's scale and colours, builds the help overlay, and returns the
// window's content: the main area under the flash.
func (s *sessionScreen) buildOverlays() fyne.CanvasObject {
	s.main.onSession = s.resized
	s.main.onShow = s.wearPhase
	s.help = newHelpOverlay(s.ToggleHelp)
	s.help.Hide()
	return container.NewStack(s.main.obj, s.flash.obj)
}

// resized rescales the texts of the window to the session view's width and
// the window's height while a session is shown (the view is wider then,
// the side views behind the tab strip); they are at 100 % otherwise.
func (s *sessionScreen) resized(width, height float32) {
	if !s.main.inSession {
		width, height = 0, 0
	}
	if s.theme.setScale(width, height) {
		s.main.refreshTheme()
	}
}

// wearPhase dresses the window in the colours of the phase on the card
// while a session runs or is paused and its card is shown (appTheme.wear),
// and in the theme's own colours otherwise (the card then paints its band).
func (s *sessionScreen) wearPhase() {
	var p *palette
	if s.screen.Screen().UnderWay() && (s.main.current == 0 || s.main.focus) {
		pal := palettes[s.card.shownPhase]
		p = &pal
	}
	if !s.theme.wear(p) {
		return
	}
	s.card.setWorn(p != nil)
	s.flash.setBackdrop(p)
	s.timeLeft.Color = theme.Color(theme.ColorNameForeground)
	s.main.refreshTheme()
}
