package ui

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"spineroutine/internal/figure"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/ui/state"
)

// savedLater shows the ticks that a retry wrote after a full disk, on the
// checklist and in the summary of the session that ended, and the levels
// it wrote everywhere.
func (c *controller) savedLater(all bool) {
	if c.rec.takeLevelsWritten() {
		c.levelsChanged()
	}
	c.side.today.reload()
	if c.State() == state.Summary {
		c.session.summary.update(c.summaryText(c.session.last))
	}
	if all {
		c.side.history.refresh()
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
		c.side.routines = newRoutineTab(lib, c.inuse, routineWindow{
			dialogs:  dialogsOver(c.win),
			use:      c.useRoutine,
			underWay: func() bool { return c.State().UnderWay() },
			notice:   c.session.notes.notice,
			clear:    c.session.notes.clear,
			showPath: func(path string) {
				c.side.settings.showRoutinePath(path)
			},
		}, c.side.lazy.add)
	}
	views := []*container.TabItem{container.NewTabItem(lang.L("Today"), c.side.today.build(c.side.routines))}
	if c.side.routines != nil {
		views = append(views, container.NewTabItem(lang.L("Routine"), c.side.routines.obj))
	}
	return append(views,
		container.NewTabItem(lang.L("History"), c.side.lazy.add(c.side.history.build)),
		container.NewTabItem(lang.L("Settings"), c.side.lazy.add(func() fyne.CanvasObject {
			return c.side.settings.build()
		})),
	)
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
	r := routine.DefaultIn(uiLang())
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

// routineChanged shows the routine u put in use, the first at start as
// each after it: the checklist is built for its moves, History lists
// them, the reminder counts them, the card shows its first moves (or the
// offer to resume) and its spoken prompts load off the UI goroutine (once
// the first voices have: they load after the window's first frame).
func (c *controller) routineChanged(u *routineInUse) {
	c.side.today.setRoutine()
	c.showScreen(c.State()) // on the new checklist's Start
	c.side.today.reload()
	c.side.history.setRoutine(u.r)
	if c.daily != nil {
		c.daily.SetRoutine(u.r.IDs())
	}
	c.offerResume()
	c.showIdle()
	if c.session.sound.loaded {
		c.session.sound.warnAll(c.session.sound.load(u.base))
	}
}
