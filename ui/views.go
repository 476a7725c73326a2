package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"spineroutine/internal/figure"
	"spineroutine/internal/library"
	"spineroutine/internal/progress"
	"spineroutine/internal/reminder"
	"spineroutine/internal/routine"
	"spineroutine/ui/state"
)

// newChecklist builds today's checklist of the routine in use wired to
// the controller, with moves chosen (nil: the default choice).
func (c *controller) newChecklist(moves []string) *checklist {
	l := newChecklist(c.inuse.r, moves, c.keys, c.primaryAction)
	l.onTick = c.tick
	l.onError = func(msg string) { c.notice("tick", msg) }
	l.onChange = c.showIdle
	l.onLevels = c.showLevels
	return l
}

// tick records a tick or untick by hand of today's checklist.
func (c *controller) tick(id string, on bool) error { return c.rec.tick(c.days.day, id, on) }

// backfill records a tick or untick of a past day (History), and shows it
// on today's checklist when the day is today.
func (c *controller) backfill(d day, id string, on bool) error {
	if err := c.rec.backfill(d, id, on); err != nil {
		return err
	}
	c.reloadDone()
	return nil
}

// reloadDone shows the journal's ticks of the checklist's day.
func (c *controller) reloadDone() {
	c.side.list.setDone(c.rec.done(c.days.day), c.dayText())
	c.showIdle()
}

// painGiven writes a pain check-in (see recorder.pain).
func (c *controller) painGiven(when painWhen, v int) {
	c.rec.pain(when, v, c.inuse.r.Source, c.side.list.selection())
	if when == painBeforeSession {
		c.side.plan.restore()
		c.side.plan.update() // the check-in answered; a stop, said
		c.syncDay()
		c.side.plan.sayStopIfDue()
		if a := c.side.plan.advised; a.Flare && !a.Safety && c.side.list.big3 != nil {
			c.side.list.setChoice(choiceBig3) // the bad day first; the usual plan is one tap away
		}
	}
}

// saveNote records the day's one-line note from the session summary (see
// recorder.saveNote) and shows it in History.
func (c *controller) saveNote(text string) error {
	if err := c.rec.saveNote(c.days.day, text); err != nil {
		return err
	}
	c.refreshHistory()
	return nil
}

// savedLater shows the ticks that a retry wrote after a full disk, on the
// checklist and in the summary of the session that ended, and the levels
// it wrote everywhere.
func (c *controller) savedLater(all bool) {
	if c.rec.takeLevelsWritten() {
		c.levelsChanged()
	}
	c.reloadDone()
	if c.State() == state.Summary {
		c.session.summary.update(c.summaryText(c.session.last))
	}
	if all {
		c.refreshHistory()
	}
}

// views builds the side views shown beside the card (or as tabs in a
// narrow window): Today's checklist, the Routine tab (with a library),
// History and Settings, each wired to the controller here. A new view is
// one more TabItem in this list. Only Today is built now: the others are
// built the first time they are shown (lazyViews), not before the
// window's first frame.
func (c *controller) views() []*container.TabItem {
	if lib := c.hooks.lib; lib != nil {
		c.side.routines = newRoutineTab(lib, c.inuse, c.keys, routineWindow{
			dialogs:  c.dialogs(),
			use:      c.useRoutine,
			underWay: func() bool { return c.State().UnderWay() },
			notice:   c.notice,
			clear:    c.session.clearNotice,
			showPath: func(path string) {
				if c.side.settings != nil {
					c.side.settings.showRoutinePath(path)
				}
			},
		}, c.side.lazy.add)
	}
	views := []*container.TabItem{container.NewTabItem("Today", c.todayContent())}
	if c.side.routines != nil {
		views = append(views, container.NewTabItem("Routine", c.side.routines.obj))
	}
	return append(views,
		container.NewTabItem("History", c.side.lazy.add(c.buildHistory)),
		container.NewTabItem("Settings", c.side.lazy.add(func() fyne.CanvasObject {
			c.side.settings = c.newSettings()
			return c.side.settings
		})),
	)
}

// todayContent builds Today's content: the routine picker (with a
// library) above the check-in, the plan and the checklist.
func (c *controller) todayContent() fyne.CanvasObject {
	c.side.today = container.NewStack(c.side.list.obj)
	c.side.plan = newTodayPlan(c.keys, c.session.painBefore.obj, c.side.today, todayWindow{
		day:       func() day { return c.days.day },
		inuse:     c.inuse,
		rec:       c.rec,
		prefs:     c.prefs,
		list:      func() *checklist { return c.side.list },
		setLevels: c.setLevels,
		say:       c.session.sound.say,
		changed:   c.syncDay,
		checkedIn: func() bool { return c.session.painBefore.answered() },
		// The one start of the safety stop (also allowed between sessions).
		startBadDay: func(ids []string) {
			if c.allows(state.StartBadDay) {
				c.side.list.setChoice(choiceBig3)
				c.abandonResume()
				c.startSession(ids, -1, "")
			}
		},
	})
	c.side.plan.function = &functionScale{c: c}
	view := c.side.plan.view
	if c.side.routines == nil {
		return view
	}
	return container.NewBorder(c.side.routines.todayPicker(), nil, nil, nil, view)
}

// buildHistory builds the History tab.
func (c *controller) buildHistory() fyne.CanvasObject {
	c.side.history = newHistoryView(c.rec.reader(), c.inuse.r, historyOptions{
		now:          c.clock.Now,
		weeklyTarget: c.prefs.WeeklyTarget,
		onTick:       c.backfill,
		keys:         c.keys,
		askReport:    c.askReport,
		openFolder:   c.openFolder,
	})
	c.side.history.box.Add(c.side.plan.function.historySection())
	return c.side.history
}

// refreshHistory redraws History when it is built (the moves just done,
// a tick of a past day).
func (c *controller) refreshHistory() {
	if c.side.history != nil {
		c.side.history.Refresh()
	}
}

// newSettings builds the Settings tab wired to the controller. A new
// section of settings is one more entry of settingsOptions.Sections.
func (c *controller) newSettings() *settingsView {
	c.side.rules = newRuleSection(c.prefs.Settings().Progress, c.keys, func(p progress.Params) error {
		return c.settingsChosen(func(s *Settings) { s.Progress = p })
	})
	o := settingsOptions{
		Version: c.app.Metadata().Version,
		OnChange: func(edit func(*Settings)) {
			if err := c.settingsChosen(edit); err != nil {
				c.notice("settings", err.Error())
			}
		},
		OnRoutine: c.openRoutine,
		PickFile:  c.pickRoutineFile,
		Clock:     c.clock,
		Post:      c.post,
		keys:      c.keys,
	}
	o.DataDir, o.JournalPath = c.rec.dir(), c.rec.path()
	if c.daily != nil {
		c.side.reminders = newReminderSection(c.prefs.Reminder(), func(r reminder.Settings) error {
			return c.settingsChosen(func(s *Settings) { s.Reminder = r })
		})
		o.Sections = []fyne.CanvasObject{c.side.reminders.obj}
	}
	o.Sections = append(o.Sections, c.side.rules.obj)
	o.Sections = append(o.Sections, c.session.remote.sections()...)
	o.SoundCheck = c.session.sound.soundCheck()
	v := newSettingsView(c.prefs.Settings(), o)
	// Show the sound in use (--mute is not saved).
	v.setSound(c.session.sound.settings)
	// Show the routine in use (--routine may differ from the saved choice).
	v.showRoutinePath(c.inuse.path)
	return v
}

// openRoutine loads the routine file at path ("" = the built-in routine)
// and switches to it (Settings' Open… and Use built-in). With a library
// the file is imported into it first, so that it can be edited.
func (c *controller) openRoutine(path string) error {
	if lib := c.hooks.lib; lib != nil {
		key := library.DefaultKey
		if path != "" {
			var err error
			if key, err = lib.Import(path); err != nil {
				return err
			}
		}
		return c.side.routines.choose(key)
	}
	r := routine.Default()
	if path != "" {
		var err error
		if r, err = routine.Load(path, figure.Shipped()); err != nil {
			return err
		}
	}
	if err := c.useRoutine(r); err != nil {
		return err
	}
	c.inuse.opened(path)
	return nil
}

// pickRoutineFile asks for a .toml file in a dialog over the window.
func (c *controller) pickRoutineFile(done func(path string, err error)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil { // an error, or cancelled
			done("", err)
			return
		}
		path := rc.URI().Path()
		done(path, rc.Close())
	}, c.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
	if cur := c.prefs.RoutinePath(); cur != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(cur))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
}

// errSessionRuns is returned by useRoutine during a session.
var errSessionRuns = errors.New("a session is under way: end it first")

// useRoutine puts routine r in use with the saved timings (a routine file
// chosen in Settings, new timings); what shows it follows (routineChanged).
// It is refused while a session runs.
func (c *controller) useRoutine(r *routine.Routine) error {
	if c.State().UnderWay() {
		return errSessionRuns
	}
	c.rec.dropPreSession()
	c.session.run.clear()
	c.screen.Fire(state.Dropped)
	c.inuse.Use(r)
	return nil
}

// routineChanged shows the routine u put in use: the checklist is rebuilt
// for its moves, History lists them, the reminder counts them, the card
// shows its first moves (or the offer to resume) and its spoken prompts
// load off the UI goroutine.
func (c *controller) routineChanged(u *routineInUse) {
	c.side.list = c.newChecklist(nil)
	c.side.today.Objects = []fyne.CanvasObject{c.side.list.obj}
	c.side.today.Refresh()
	c.showScreen(c.State()) // on the new checklist's Start
	c.reloadDone()
	if c.side.history != nil {
		c.side.history.SetRoutine(u.r)
	}
	if c.daily != nil {
		c.daily.setRoutine(u.r.IDs())
	}
	c.offerResume()
	c.showIdle()
	c.session.sound.warnAll(c.session.sound.load(u.base))
}
