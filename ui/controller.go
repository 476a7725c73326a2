package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/figure"
	"spineroutine/internal/progress"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/widgets"
)

// controller owns the window and wires the package's parts: the runner
// (the schedule.Session, its bridge and sound), the recorder (every
// journal write), the daily reminder, and the views, which get state and
// callbacks. It is the only type of the package that holds the window.
// Its widgets are grouped by where they show: sessionScreen (the card and
// its bars) and sideViews (the tabs beside it).
type controller struct {
	app   fyne.App
	win   fyne.Window
	opts  Options
	r     *routine.Routine // the routine in use (with the saved timings)
	base  *routine.Routine // the routine as loaded, before the timing overrides
	rec   *recorder        // every journal write and read
	theme *appTheme        // the app's theme: the session's scale and colours
	prefs *Prefs
	clock schedule.Clock
	post  func(func())
	keys  keyRoute
	soundState

	run        *runner         // the session, its bridge and its sound
	daily      *dailyReminder  // nil without Options.Reminders
	last       schedule.Status // last status shown
	summaryOn  bool
	noBlanking bool // screen blanking is disabled (a session runs)
	// voicesLoaded: the player has the voices of the routine in use;
	// voicesWaiting, what runs once their clips are decoded (nil: they are).
	voicesLoaded  bool
	voicesWaiting []func()

	day          day // the day of the checklist
	stopMidnight func() bool
	resumePos    *position // the interrupted session offered for resume

	sessionScreen
	sideViews
	coachState
}

// soundState is the sound in use: the saved settings, muted for this run
// when flagMute (--mute, never saved) is on.
type soundState struct {
	sound      cue.Settings
	flagMute   bool
	audioShown bool // the no-audio notice was shown
}

// sessionScreen is the card area: the card with its figure and summary,
// the bars around it, the banners above it, and the overlays.
type sessionScreen struct {
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
	banners    *fyne.Container
	noticeBox  map[string]fyne.CanvasObject // the banners by key
	resume     fyne.CanvasObject            // the resume offer's banner
	cardArea   *fyne.Container
	chrome     []fyne.CanvasObject // the bars around the card, hidden in the focus view
	focusOn    bool                // the focus view is shown
	focusFull  bool                // the focus view turned full screen on
}

// coachState is what the window keeps of growing with the back (issue
// 20): the rule's answer the Today panel shows, what was flagged in the
// session shown (for its summary), and the day the stop was last said.
type coachState struct {
	advised  progress.Result
	flagged  []string
	stopSaid day
}

// sideViews are the views beside the card (or tabs in a narrow window).
type sideViews struct {
	list     *checklist
	today    *fyne.Container // Today's checklist, replaced with the routine
	history  *historyView    // the History tab
	settings *settingsView   // the Settings tab
	// todayPanel shows the suggestions above the checklist in todayView;
	// rules is Settings' Suggestions.
	todayPanel *todayPanel
	todayView  *fyne.Container
	rules      *ruleSection
	// reminders is the Settings tab's daily reminder section (nil without
	// Options.Reminders).
	reminders *reminderSection
	// The library's routine in use, the editor of the Routine tab and the
	// pickers of the routine in use (Today's, the Routine tab's); unset
	// without Options.Library.
	routineKey string
	// routinePath is the file of the routine in use that Settings shows
	// ("" for a built-in routine).
	routinePath string
	editor      *routineEditor
	routineTab  fyne.CanvasObject // the Routine tab's content
	pickers     []*routinePicker
	// lazy are the views not built yet: built when first shown.
	lazy lazyViews
	// function is the Patient-Specific Functional Scale (functionScale).
	function *functionScale
}

// controls are the big buttons.
type controls struct {
	back, startPause, skip, addTime, stop, mute, full, help *widgets.KeyButton
}

// newController builds the main window of app.
func newController(app fyne.App, o Options) *controller {
	c := &controller{app: app, opts: o, r: o.Routine, prefs: o.Prefs, clock: o.Clock, post: o.Post}
	c.noticeBox = map[string]fyne.CanvasObject{}
	if c.clock == nil {
		c.clock = schedule.RealClock()
	}
	if c.post == nil {
		c.post = fyne.Do
	}
	c.rec = newRecorder(o.Journal, c.clock, c.post, c.showNotice, c.savedLater)
	c.run = &runner{o: runnerOptions{clock: c.clock, post: c.post, rec: c.rec, player: o.Player,
		startLead: o.StartLead, show: c.showEvent, armEnd: c.armEnd, noSound: c.soundFailed}}
	if c.prefs == nil {
		c.prefs = NewPrefs(app.Preferences())
	}
	c.keys = keyRoute{key: c.typedKey, rune: c.typedRune}
	c.theme = appThemeOf(app)
	c.flagMute = o.Mute
	c.sound = c.effectiveSound(c.prefs.Sound())
	c.initSound()
	c.base = c.r
	// With --start the voices first: their clips decode while the window
	// is built, and the session starts when they are ready (started).
	// Otherwise they load after the first frame.
	var voiceWarnings []string
	if o.Start {
		c.voicesLoaded = true
		voiceWarnings = c.loadVoices(c.base)
	}
	c.day = dayOf(c.clock.Now())
	c.r = c.inUse(c.base)
	if src := c.base.Source; src != "default" && src != "big3" {
		c.routinePath = src // a file given with --routine or opened in Settings
	}
	c.win = app.NewWindow(Title)
	if o.Reminders {
		c.daily = newDailyReminder(app, c.prefs.Reminder(), c.rec.done, c.r.IDs(), dailyWindow{
			show: func() {
				c.win.Show()
				c.win.RequestFocus()
			},
			hide:       c.win.Hide,
			close:      c.win.Close,
			startToday: c.startToday,
			problem: func(msg string, loud bool) {
				if c.reminders != nil {
					c.reminders.showProblem(msg)
				}
				if loud {
					c.notice("reminder", msg)
				}
			},
		})
	}
	c.build()
	c.voiceWarnings(voiceWarnings)
	c.installKeys()
	// A size that fits most screens until the screen is known (placeWindow).
	if s := c.prefs.Window().Size; s.Width >= minWindow.Width && s.Height >= minWindow.Height {
		c.win.Resize(s)
	} else {
		c.win.Resize(fyne.NewSize(1024, 600))
	}
	c.win.SetOnClosed(c.closed)
	c.win.SetCloseIntercept(c.requestClose)
	c.reloadDone()
	c.updateToday()
	c.showSafetyNote()
	// With --start the offer is shown until the session starts, which ends
	// the interrupted one as abandoned (it is never left open).
	c.offerResume()
	c.showIdle()
	c.armMidnight()
	return c
}

// started runs once the app's event loop runs: --start and the start-up
// trace.
func (c *controller) started() {
	c.placeWindow()
	if !c.voicesLoaded {
		c.clock.AfterFunc(voicesAfterStart, func() { c.post(c.loadVoicesNow) })
	}
	if c.opts.Start {
		// Once the clips are decoded: decoding them takes a core for about
		// 200 ms, and a session begun meanwhile, with the window laying
		// itself out for the session on the other, had its first cue heard
		// 100-250 ms late (the end-to-end test's onsets).
		c.whenVoicesReady(c.StartPause)
	}
	if c.opts.OnStarted != nil {
		fyne.Do(c.opts.OnStarted)
	}
}

func (c *controller) build() {
	c.figure = newFigureView(figure.Default())
	c.card = newCard(c.figure.w)
	c.painBefore = newPainRow(painBeforeSession, c.keys, c.painGiven)
	c.painAfter = newPainRow(painAfterSession, c.keys, c.painGiven)
	c.list = c.newChecklist()
	c.progress = widgets.NewProgressBar()
	c.timeLeft = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	c.timeLeft.Alignment = fyne.TextAlignTrailing
	c.flash = newFlasher()
	c.banners = container.NewVBox()
	c.summary = newSummaryView(c.painAfter.obj, newNoteRow(c.keys, c.saveNote),
		c.keys.button("Back to the checklist", theme.ListIcon(), c.ReturnToChecklist))
	c.card.summary.Add(c.summary.obj)

	k := c.keys
	b := &c.controls
	b.back = k.button("Back", theme.MediaSkipPreviousIcon(), c.Back)
	b.startPause = k.button("Start", theme.MediaPlayIcon(), c.StartPause)
	b.startPause.Importance = widget.HighImportance
	b.skip = k.button("Skip", theme.MediaSkipNextIcon(), c.Skip)
	b.addTime = k.button("+10 s", theme.ContentAddIcon(), c.AddTime)
	b.stop = k.button("End", theme.MediaStopIcon(), c.EndSession)
	b.mute = k.button("", theme.VolumeUpIcon(), c.ToggleMute)
	b.full = k.button("", theme.ViewFullScreenIcon(), c.ToggleFullScreen)
	b.help = k.button("", theme.HelpIcon(), c.ToggleHelp)
	// Only Start/Pause and End are filled; the others are flat, a draw
	// call less each in every frame of a session (a frame is repainted
	// whole: ui/drawcost_test.go).
	for _, f := range []*widgets.KeyButton{b.back, b.skip, b.addTime, b.mute, b.full, b.help} {
		f.Importance = widget.LowImportance
	}
	c.updateMuteButton()
	// End sits apart from +10 s, with the window's buttons, and asks to be
	// pressed again.
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(b.stop, b.mute, b.full, b.help),
		container.NewGridWithColumns(4, b.back, b.startPause, b.skip, b.addTime))

	top := container.NewVBox(container.NewBorder(nil, nil, nil, c.timeLeft, c.progress), c.banners)
	c.card.setActions(c.newFlagRow())
	bottom := buttons
	c.chrome = []fyne.CanvasObject{top, bottom}
	c.cardArea = container.NewBorder(top, bottom, nil, nil, c.card.obj)

	c.main = newMainArea(c.keys, c.cardArea, c.views())
	c.main.onSession = c.resized
	c.main.onShow = c.wearPhase
	c.main.prepare = c.lazy.ensure
	if c.routineTab != nil {
		// The editor needs the room of the whole window.
		c.main.full = c.routineTab
	}
	c.help = newHelpOverlay(c.keys, c.ToggleHelp)
	c.help.Hide()
	root := container.NewStack(c.main.obj, c.flash.obj)
	c.win.SetContent(root)
	for _, p := range c.opts.Problems {
		c.notice(p, p)
	}
}

// resized rescales the texts of the window to the session view's width and
// the window's height while a session is shown (the view is wider then,
// the side views behind the tab strip); they are at 100 % otherwise.
func (c *controller) resized(width, height float32) {
	if !c.main.inSession {
		width, height = 0, 0
	}
	if c.theme.setScale(width, height) {
		c.main.refreshTheme()
	}
}

// wearPhase dresses the window in the colours of the phase on the card
// while a session runs or is paused and its card is shown (appTheme.wear),
// and in the theme's own colours otherwise (the card then paints its band).
func (c *controller) wearPhase() {
	var p *palette
	if c.run.active() && !c.summaryOn && (c.main.current == 0 || c.main.focus) {
		pal := palettes[c.card.shownPhase]
		p = &pal
	}
	if !c.theme.wear(p) {
		return
	}
	c.card.setWorn(p != nil)
	c.flash.setBackdrop(p)
	c.timeLeft.Color = theme.Color(theme.ColorNameForeground)
	c.main.refreshTheme()
}
