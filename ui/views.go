package ui

import (
	"errors"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"

	"spineroutine/internal/cue"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// soundChecker is a Player that can play one cue kind on demand
// (*sound.Player).
type soundChecker interface {
	SoundCheck(schedule.CueKind) error
}

// voiceSetter is a Player whose spoken prompts can be replaced when the
// routine changes (*sound.Player).
type voiceSetter interface {
	SetVoices(*cue.VoiceBank)
}

// newChecklist builds today's checklist wired to the controller.
func (c *controller) newChecklist() *checklist {
	l := newChecklist(c.r, c.opts.Moves, c.keys, c.StartPause, c.painBefore.obj)
	l.onTick = c.tick
	l.onError = func(msg string) { c.notice("tick", msg) }
	l.onChange = c.showIdle
	return l
}

// views builds the side views shown beside the card (or as tabs in a
// narrow window): Today's checklist, History and Settings, each wired to
// the controller here. A new view is one more TabItem in this list.
func (c *controller) views() []*container.TabItem {
	c.history = newHistoryView(c.j, c.r, historyOptions{
		now:          c.clock.Now,
		weeklyTarget: c.prefs.WeeklyTarget,
		onTick:       c.backfill,
		keys:         c.keys,
	})
	c.settings = c.newSettings()
	today, edit := c.routineViews()
	views := []*container.TabItem{container.NewTabItem("Today", today)}
	if edit != nil {
		views = append(views, edit)
	}
	return append(views,
		container.NewTabItem("History", c.history),
		container.NewTabItem("Settings", c.settings),
	)
}

// newSettings builds the Settings tab wired to the controller. A new
// section of settings is one more entry of settingsOptions.Sections.
func (c *controller) newSettings() *settingsView {
	o := settingsOptions{
		Version:        c.app.Metadata().Version,
		Sections:       c.opts.SettingsSections,
		OnSound:        c.soundChosen,
		OnTheme:        c.applyTheme,
		OnWeeklyTarget: func(int) { c.history.Refresh() },
		OnTimings: func(time.Duration, time.Duration) {
			if err := c.useRoutine(c.base); err != nil {
				c.notice("settings", "Timings saved but not applied now ("+err.Error()+"); they apply when the routine is next loaded.")
			}
		},
		OnRoutine: c.openRoutine,
		PickFile:  c.pickRoutineFile,
		Clock:     c.clock,
		Post:      c.post,
		keys:      c.keys,
	}
	if c.j != nil {
		o.DataDir, o.JournalPath = c.j.Dir(), c.j.Path()
	}
	if sc, ok := c.opts.Player.(soundChecker); ok {
		o.SoundCheck = sc.SoundCheck
	}
	v := newSettingsView(c.prefs, o)
	// Show the sound in use (--mute is not saved).
	v.setSound(c.sound)
	// Show the routine in use (--routine may differ from the saved choice).
	if src := c.base.Source; src != "default" && src != "big3" && src != "" {
		v.showRoutinePath(src)
	} else {
		v.showRoutinePath("")
	}
	return v
}

// openRoutine loads the routine file at path ("" = the built-in routine)
// and switches to it (Settings' Open… and Use built-in). With a library
// the file is imported into it first, so that it can be edited.
func (c *controller) openRoutine(path string) error {
	if lib := c.opts.Library; lib != nil {
		key := library.DefaultKey
		if path != "" {
			var err error
			if key, err = lib.Import(path); err != nil {
				return err
			}
		}
		return c.chooseRoutine(key)
	}
	r := routine.Default()
	if path != "" {
		var err error
		if r, err = routine.Load(path); err != nil {
			return err
		}
	}
	return c.useRoutine(r)
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

// useRoutine switches the window to routine r with the saved timings (a
// routine file chosen in Settings, new timings): the checklist is rebuilt
// for its moves, History lists them, the card shows its first moves and
// the spoken prompts are reloaded off the UI goroutine. It is refused
// while a session runs.
func (c *controller) useRoutine(r *routine.Routine) error {
	if c.running() {
		return errSessionRuns
	}
	c.dropPreSession()
	c.sess, c.bridge, c.summaryOn = nil, nil, false
	c.base = r
	g, rest := c.prefs.Timings()
	c.r = WithTimings(r, g, rest)
	c.opts.Moves = nil
	c.list = c.newChecklist()
	c.today.Objects = []fyne.CanvasObject{c.list.obj}
	c.today.Refresh()
	c.reloadDone()
	c.history.SetRoutine(c.r)
	c.offerResume()
	c.showIdle()
	if vs, ok := c.opts.Player.(voiceSetter); ok && c.j != nil {
		cache := filepath.Join(c.j.Dir(), "voices")
		go func() {
			// The bank is usable at once; names the routine's own moves
			// need are synthesized in the background (a few seconds).
			bank, warnings := cue.LoadVoices(r, cache)
			vs.SetVoices(bank)
			warnings = append(warnings, bank.Wait()...)
			c.post(func() {
				for _, msg := range warnings {
					c.notice("voices", msg)
				}
			})
		}()
	}
	return nil
}

// applyTheme switches the app's theme and repaints the texts of the window
// that take their colour when painted (the card's move name, dose and next
// move, the time left), which Fyne's theme refresh does not reach.
func (c *controller) applyTheme(name string) {
	ApplyTheme(c.app, name)
	c.card.setPhase(c.card.shownPhase)
	c.card.obj.Refresh()
	c.timeLeft.Color = theme.Color(theme.ColorNameForeground)
	c.timeLeft.Refresh()
}
