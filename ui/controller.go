package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"spineroutine/internal/cue"
	"spineroutine/internal/library"
	"spineroutine/internal/reminder"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/daily"
	"spineroutine/ui/settings"
	"spineroutine/ui/state"
	"spineroutine/ui/widgets"
)

// controller is the shell: it owns the window, the tabs, the keys and the
// screen's state (state.Machine), and wires the owners once, each through
// its hooks: the session screen (runner, speaker, card area, banners,
// media controls), Today, History, Settings, the Routine tab, the routine
// in use, the recorder (every journal write), the day and the daily
// reminder. It is the only type of the package that holds the window, and
// no owner holds it.
type controller struct {
	app   fyne.App
	win   fyne.Window
	hooks windowHooks   // what the window tells its program (Options)
	inuse *routineInUse // the routine in use
	rec   *recorder     // every journal write and read
	prefs *Prefs
	clock schedule.Clock
	post  func(func())
	daily *daily.Reminder // nil without Options.Reminders
	// screen is the screen shown (state.Screen) and the day's facts that
	// pick it between sessions; it decides what keys and buttons do.
	screen *state.Machine

	days *dayWatch // the checklist's day and the session to resume on it

	session *sessionScreen // the session: its runner, sound and card area
	side    *sideViews     // the views beside the card
}

// sideViews are the views beside the card (or tabs in a narrow window).
type sideViews struct {
	today    *todayTab    // Today: the check-in, the plan of the day, the checklist
	history  *historyTab  // the History tab
	settings *settingsTab // the Settings tab and the user's settings
	// routines is the Routine tab and the pickers of the routine in use
	// (nil without Options.Library).
	routines *routineTab
	// lazy are the views not built yet: built when first shown.
	lazy lazyViews
}

// windowHooks are the window's ties to the program that made it (from
// Options): where the screen is, where the window stands, what closing
// it does, what runs once it shows.
type windowHooks struct {
	screen    func() (x, y int, area fyne.Size, ok bool)
	position  func() (x, y int, ok bool)
	onClose   func()
	start     bool // begin the session as soon as the window shows
	onStarted func()
	lib       *library.Library // the routines library (nil: none)
	// mediaControls offers the media controls (Options.MediaControls).
	mediaControls bool
}

// controls are the big buttons.
type controls struct {
	back, startPause, skip, addTime, stop, mute, full, help *widgets.KeyButton
}

// newController builds the main window of app.
func newController(app fyne.App, o Options) *controller {
	c := &controller{app: app, prefs: o.Prefs, clock: o.Clock, post: o.Post, hooks: windowHooks{
		screen: o.Screen, position: o.Position, onClose: o.OnClose, start: o.Start,
		onStarted: o.OnStarted, lib: o.Library, mediaControls: o.MediaControls}}
	c.screen = state.NewMachine(state.Day{})
	if c.clock == nil {
		c.clock = schedule.RealClock()
	}
	if c.post == nil {
		c.post = fyne.Do
	}
	c.side = &sideViews{}
	c.rec = newRecorder(o.Journal, c.clock, c.post, func(key, text string) { c.session.notes.show(key, text) }, c.savedLater)
	if c.prefs == nil {
		c.prefs = NewPrefs(app.Preferences())
	}
	c.session = newSessionScreen(o, c.post, c.screen, appThemeOf(app), c.prefs.Sound(), c.sessionHooks())
	c.win = app.NewWindow(Title)
	c.session.frame = c.win
	c.side.settings = &settingsTab{prefs: c.prefs, sound: c.session.sound, dialogs: dialogsOver(c.win),
		o: settings.Options{Title: Title, Version: app.Metadata().Version, OnRoutine: c.openRoutine, Clock: c.clock, Post: c.post,
			DataDir: c.rec.dir(), JournalPath: c.rec.path()},
		hooks: settingsHooks{
			muted:        c.session.showMuted,
			theme:        func(name string) { c.session.applyTheme(app, name) },
			timings:      func() error { return c.useRoutine(c.inuse.base) },
			weeklyTarget: func() { c.side.history.refresh() },
			progress:     func() { c.side.today.plan.update() },
			notice:       c.session.notes.notice,
			sections:     func() []fyne.CanvasObject { return c.session.remote.sections() },
			routinePath:  func() string { return c.inuse.path },
		}}
	c.session.run = &runner{o: runnerOptions{clock: c.clock, post: c.post, rec: c.rec, player: c.session.sound,
		startLead: o.StartLead, show: c.showEvent, armEnd: c.session.armEnd, noSound: c.session.sound.noSound}}
	c.days = newDayWatch(c.clock, c.post, func() {
		if c.State().Idle() { // else the day turns when the session ends
			c.rollover()
		}
	})
	c.inuse = newRoutineInUse(o.Routine, o.RoutineKey, o.Library, c.prefs, func() map[string]int { return c.rec.levels(c.days.day) })
	if o.Reminders {
		c.side.settings.hooks.reminder = func(r reminder.Settings) error { return c.daily.Apply(r) }
		c.daily = daily.NewReminder(app, c.prefs.Reminder(), daily.Options{Title: Title, Clock: c.clock, Post: c.post, Done: c.rec.doneOn}, daily.Window{
			Show: func() {
				c.win.Show()
				c.win.RequestFocus()
			},
			Hide:       c.win.Hide,
			Close:      c.win.Close,
			StartToday: c.startToday,
			Problem: func(msg string, loud bool) {
				c.side.settings.showProblem(msg)
				if loud {
					c.session.notes.notice("reminder", msg)
				}
			},
		})
	}
	c.session.remote = newRemote(c.session, c.remoteHooks())
	c.build(o.Moves, o.Problems)
	c.installKeys()
	// A size that fits most screens until the screen is known (placeWindow).
	if s := c.prefs.Window().Size; s.Width >= minWindow.Width && s.Height >= minWindow.Height {
		c.win.Resize(s)
	} else {
		c.win.Resize(fyne.NewSize(1024, 600))
	}
	c.win.SetOnClosed(c.closed)
	c.win.SetCloseIntercept(c.requestClose)
	c.screen.OnChange(c.showScreen)
	// The first routine comes as each after it: the checklist, History,
	// the reminder, the offer to resume (with --start shown until the
	// session starts, which ends the interrupted one as abandoned) and the
	// card follow it.
	c.inuse.onUse(c.routineChanged)
	c.inuse.Use(o.Routine)
	c.side.today.plan.update()
	c.showSafetyNote()
	c.showScreen(c.screen.Screen())
	if o.Start {
		// With --start the voices at once: their clips decode while the
		// window shows, and the session starts when they are ready
		// (started). Otherwise they load after the first frame.
		c.session.sound.warnAll(c.session.sound.load(o.Routine))
	}
	c.days.arm()
	return c
}

// sessionHooks are what the session screen tells the rest of the window.
func (c *controller) sessionHooks() sessionHooks {
	return sessionHooks{
		listStart: func(text string, icon fyne.Resource) {
			if l := c.side.today.list; l != nil {
				relabel(l.start, text, icon)
			}
		},
		setLevels: c.setLevels,
		stopped: func() {
			c.side.today.plan.stopSaid = c.days.day
			c.side.today.plan.update()
			c.syncDay()
		},
		easiest:  func() { c.side.today.plan.easiestToday() },
		blanking: func(off bool) { c.app.Driver().SetDisableScreenBlanking(off) },
		summary:  c.summaryText,
		flag:     c.rec.flag,
		routine:  func() *routine.Routine { return c.inuse.r },
	}
}

// remoteHooks are what the media controls need of the window.
func (c *controller) remoteHooks() remoteHooks {
	return remoteHooks{offered: c.hooks.mediaControls, prefs: c.prefs, post: c.post, clock: c.clock, app: c.app,
		playPause: c.StartPause,
		// Today's moves as Start starts them, unless the day is a safety
		// stop: then nothing starts, and the remote says why.
		startToday: func() {
			if a := c.side.today.plan.advised; a.Safety {
				c.session.notes.notice(remoteNotice, lang.L("Not started: stop here. Contact your surgeon or physiotherapist "+
					"before going on. {{.Why}}", map[string]any{"Why": a.SafetyWhy}))
				c.session.sound.say(cue.PhraseStop)
				return
			}
			c.startToday()
		},
		routine: func() *routine.Routine { return c.inuse.r },
		chosen: func() []string {
			if c.side.today == nil {
				return nil
			}
			return append([]string{}, c.side.today.list.selection()...) // none chosen: empty, not nil
		},
		raise: func() {
			c.win.Show()
			c.win.RequestFocus()
		},
		// Unsaved changes to the routine are asked about first.
		quit: func() {
			if r := c.side.routines; r != nil && r.editor != nil && r.editor.Dirty() {
				c.win.Show()
				c.win.RequestFocus()
				c.requestClose()
				return
			}
			c.win.Close()
			c.app.Quit()
		},
	}
}

// started runs once the app's event loop runs: --start and the start-up
// trace.
func (c *controller) started() {
	c.placeWindow()
	c.session.remote.start()
	if !c.session.sound.loaded {
		c.clock.AfterFunc(voicesAfterStart, func() { c.post(func() { c.session.sound.loadOnce(c.inuse.base) }) })
	}
	if c.hooks.start {
		// Once the clips are decoded: decoding them takes a core for about
		// 200 ms, and a session begun meanwhile, with the window laying
		// itself out for the session on the other, had its first cue heard
		// 100-250 ms late (the end-to-end test's onsets).
		c.session.sound.whenReady(c.StartPause)
	}
	if f := c.hooks.onStarted; f != nil {
		fyne.Do(f)
	}
}

// build builds the window's content: the card, its bars and the side
// views, the checklist with moves chosen (nil: the default choice), and
// a banner for each of problems.
func (c *controller) build(moves, problems []string) {
	painGiven := func(w painWhen, v int) { c.side.today.painGiven(w, v) }
	c.session.buildCard(painGiven)
	c.session.painBefore.onSkip = func() {
		c.syncDay()
		if c.side.today.plan != nil {
			c.side.today.plan.relayout() // the check-in's room goes to the plan
		}
	}
	c.side.today = newTodayTab(c.rec, c.inuse, moves, todayHooks{
		start:   c.primaryAction,
		changed: c.showIdle,
		levels:  c.showLevels,
		notice:  c.session.notes.notice,
		day:     func() day { return c.days.day },
		checkIn: c.session.painBefore.obj,
		plan: todayWindow{
			day:       func() day { return c.days.day },
			inuse:     c.inuse,
			rec:       c.rec,
			prefs:     c.prefs,
			setLevels: c.setLevels,
			say:       c.session.sound.say,
			changed:   c.syncDay,
			checkedIn: func() bool { return c.session.painBefore.answered() },
			// The one start of the safety stop (also allowed between sessions).
			startBadDay: func(ids []string) {
				if c.screen.Allows(state.StartBadDay) {
					c.side.today.list.setChoice(choiceBig3)
					c.abandonResume()
					c.startSession(ids, -1, "")
				}
			},
		},
		function: &functionScale{prefs: c.prefs, clock: c.clock, rec: c.rec, dialogs: dialogsOver(c.win)},
	})
	c.side.history = &historyTab{rec: c.rec, inuse: c.inuse, clock: c.clock, dialogs: dialogsOver(c.win),
		hooks: historyHooks{
			weeklyTarget: c.prefs.WeeklyTarget,
			openURL:      c.app.OpenURL,
			ticked:       func() { c.side.today.reload() },
			sections:     func() []fyne.CanvasObject { return []fyne.CanvasObject{c.side.today.plan.function.historySection()} },
			today:        func() day { return c.days.day },
		}}
	c.session.buildBars(sessionButtons{primary: c.primaryAction, toList: c.ReturnToChecklist,
		mute: c.side.settings.ToggleMute, note: c.side.history.saveNote})
	c.session.main = newMainArea(c.session.cardArea, c.views())
	c.session.main.prepare = c.side.lazy.ensure
	if c.side.routines != nil {
		// The editor needs the room of the whole window.
		c.session.main.full = c.side.routines.obj
	}
	c.win.SetContent(c.session.buildOverlays())
	for _, p := range problems {
		c.session.notes.notice(p, p)
	}
}
