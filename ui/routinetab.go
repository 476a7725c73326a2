package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"spineroutine/internal/library"
	"spineroutine/internal/routine"
)

// The Routine tab and the choice of the routine in use, wired to the
// library (Options.Library): Today shows which routine is in use and
// switches between them; the Routine tab edits it, imports and exports
// routine files.

// todayContent builds Today's content: the routine picker (with a
// library) above the suggestions and the checklist.
func (c *controller) todayContent() fyne.CanvasObject {
	c.today = container.NewStack(c.list.obj)
	c.todayPanel = c.newTodayPanel()
	view := newTodayView(c.painBefore.obj, c.todayPanel.obj, c.today)
	c.todayView = view
	lib := c.opts.Library
	if lib == nil {
		return view
	}
	c.routineKey = c.opts.RoutineKey
	c.pickers = append(c.pickers, newRoutinePicker(c.pickerOptions()))
	c.showRoutineKey()
	return container.NewBorder(c.pickers[0].obj, nil, nil, nil, view)
}

// pickerOptions are the options of Today's routine picker; the Routine
// tab's adds import, export and delete.
func (c *controller) pickerOptions() pickerOptions {
	return pickerOptions{List: c.opts.Library.List, Use: c.chooseRoutine, dialogs: c.dialogs(), keys: c.keys}
}

// buildRoutineTab builds the Routine tab (Options.Library): its picker
// above the editor of the routine in use.
func (c *controller) buildRoutineTab() fyne.CanvasObject {
	lib := c.opts.Library
	o := c.pickerOptions()
	o.Import, o.Export, o.Delete = lib.Import, lib.Export, c.deleteRoutine
	p := newRoutinePicker(o)
	p.show(c.routineKey)
	c.pickers = append(c.pickers, p)
	c.editor = newRoutineEditor(c.routineKey, c.isBuiltin(c.routineKey), c.base, editorOptions{
		Save:    c.saveRoutine,
		Builtin: library.Origin,
		keys:    c.keys,
	})
	return container.NewBorder(p.obj, nil, nil, nil, c.editor.obj)
}

// isBuiltin reports whether key names a routine shipped in the app ("" is
// a file given with --routine, edited into a new routine).
func (c *controller) isBuiltin(key string) bool {
	return key == library.DefaultKey || key == library.Big3Key
}

// chooseRoutine puts the routine of key in use (a picker's choice, an
// import). With unsaved changes in the editor it asks first.
func (c *controller) chooseRoutine(key string) error {
	if c.editor == nil || !c.editor.dirty() {
		return c.switchRoutine(key)
	}
	dialog.ShowConfirm("Unsaved changes",
		fmt.Sprintf("Your changes to %s are not saved. Switch routines and drop them?", c.editor.editedName()),
		func(ok bool) {
			if !ok {
				c.showRoutineKey()
				return
			}
			if err := c.switchRoutine(key); err != nil {
				c.notice("routine", "The routine was not switched: "+err.Error())
			}
		}, c.win)
	return nil
}

// switchRoutine puts the routine of key in use and starts editing it.
func (c *controller) switchRoutine(key string) error {
	e, err := c.opts.Library.Get(key)
	if err == nil {
		err = c.putInUse(e)
	}
	if err != nil {
		return err
	}
	if c.editor != nil {
		c.editor.setRoutine(key, e.BuiltIn, e.Routine)
	}
	c.clearNotice("routine") // what it said of the routine before is old news
	return nil
}

// putInUse makes e's routine the one in use: in the window, as the
// library's choice, in Settings and in the pickers.
func (c *controller) putInUse(e library.Entry) error {
	if e.Err != nil {
		return e.Err
	}
	if err := c.useRoutine(e.Routine); err != nil {
		return err
	}
	if err := c.opts.Library.Use(e.Key); err != nil {
		return err
	}
	// The file once opened in Settings is no longer what opens at start.
	c.prefs.SetRoutinePath("")
	c.routineKey = e.Key
	c.routinePath = e.Path
	if c.settings != nil {
		c.settings.showRoutinePath(e.Path)
	}
	c.showRoutineKey()
	return nil
}

// showRoutineKey shows the routine in use in the pickers.
func (c *controller) showRoutineKey() {
	for _, p := range c.pickers {
		p.show(c.routineKey)
	}
}

// deleteRoutine takes the routine of key out of the library (its file
// kept in the deleted folder) and puts the built-in daily routine in use,
// dropping what the editor had of it; refused while a session runs.
func (c *controller) deleteRoutine(key string) (string, error) {
	if c.State().UnderWay() {
		return "", errSessionRuns
	}
	to, err := c.opts.Library.Delete(key)
	if err != nil {
		return "", err
	}
	if err := c.switchRoutine(library.DefaultKey); err != nil {
		return to, err
	}
	c.notice("routine", fmt.Sprintf("Routine deleted; its file is kept as %s.", to))
	return to, nil
}

// saveRoutine saves the edited routine r of key in the library (a copy
// for a built-in routine) and puts it in use; refused while a session
// runs, as the window cannot change its routine then.
func (c *controller) saveRoutine(key string, r *routine.Routine) (string, *routine.Routine, error) {
	if c.State().UnderWay() {
		return "", nil, errSessionRuns
	}
	lib := c.opts.Library
	saved, err := lib.Save(key, r)
	if err != nil {
		return "", nil, err
	}
	e, err := lib.Get(saved)
	if err == nil {
		err = c.putInUse(e)
	}
	if err != nil {
		return "", nil, err
	}
	return saved, e.Routine, nil
}
