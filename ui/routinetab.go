package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/ui/editor"
)

// The Routine tab and the choice of the routine in use, wired to the
// library (Options.Library): Today shows which routine is in use and
// switches between them; the Routine tab edits it, imports and exports
// routine files.

// routineTab is the Routine tab and the pickers of the routine in use
// (Today's, the tab's), wired to the library (Options.Library): it
// switches, saves, imports, exports and deletes routines, edits the one in
// use, and puts the one chosen in use through the window.
type routineTab struct {
	lib     *library.Library
	inuse   *routineInUse
	win     routineWindow
	editor  *editor.Editor    // nil until the tab is first shown
	obj     fyne.CanvasObject // the tab's content
	pickers []*routinePicker
}

// routineWindow is what the Routine tab asks of the window.
type routineWindow struct {
	dialogs  dialogs
	use      func(*routine.Routine) error // put a routine in use (refused while a session runs)
	underWay func() bool                  // a session runs or is paused
	notice   func(key, msg string)
	clear    func(key string)
	showPath func(path string) // Settings shows the file of the routine in use
}

// newRoutineTab returns the Routine tab of lib; add builds its content the
// first time it is shown.
func newRoutineTab(lib *library.Library, inuse *routineInUse, w routineWindow,
	add func(func() fyne.CanvasObject) *fyne.Container) *routineTab {
	t := &routineTab{lib: lib, inuse: inuse, win: w}
	t.obj = add(t.build)
	return t
}

// todayPicker builds Today's picker of the routine in use.
func (t *routineTab) todayPicker() fyne.CanvasObject {
	p := newRoutinePicker(t.pickerOptions())
	t.pickers = append(t.pickers, p)
	p.show(t.inuse.key)
	return p.obj
}

// pickerOptions are the options of Today's routine picker; the Routine
// tab's adds import, export and delete.
func (t *routineTab) pickerOptions() pickerOptions {
	return pickerOptions{List: t.lib.List, Use: t.choose, dialogs: t.win.dialogs}
}

// build builds the Routine tab: its picker above the editor of the routine
// in use.
func (t *routineTab) build() fyne.CanvasObject {
	o := t.pickerOptions()
	o.Import, o.Export, o.Delete = t.lib.Import, t.lib.Export, t.delete
	p := newRoutinePicker(o)
	p.show(t.inuse.key)
	t.pickers = append(t.pickers, p)
	t.editor = editor.New(t.inuse.key, isBuiltin(t.inuse.key), t.inuse.base, editor.Options{
		Save:    t.save,
		Builtin: t.lib.Origin, // in the library's language
	})
	return container.NewBorder(p.obj, nil, nil, nil, t.editor.Content())
}

// choose puts the routine of key in use (a picker's choice, an import).
// With unsaved changes in the editor it asks first.
func (t *routineTab) choose(key string) error {
	if t.editor == nil || !t.editor.Dirty() {
		return t.switchTo(key)
	}
	t.win.dialogs.confirm(lang.L("Unsaved changes"), t.editor.UnsavedQuestion(),
		func(ok bool) {
			if !ok {
				t.showKey()
				return
			}
			if err := t.switchTo(key); err != nil {
				t.win.notice("routine", lang.L("The routine was not switched: {{.Problem}}", map[string]any{"Problem": err.Error()}))
			}
		})
	return nil
}

// switchTo puts the routine of key in use and starts editing it.
func (t *routineTab) switchTo(key string) error {
	e, err := t.lib.Get(key)
	if err == nil {
		err = t.putInUse(e)
	}
	if err != nil {
		return err
	}
	if t.editor != nil {
		t.editor.SetRoutine(key, e.BuiltIn, e.Routine)
	}
	t.win.clear("routine") // what it said of the routine before is old news
	return nil
}

// putInUse makes e's routine the one in use: in the window, as the
// library's choice, in Settings and in the pickers.
func (t *routineTab) putInUse(e library.Entry) error {
	if e.Err != nil {
		return e.Err
	}
	if err := t.win.use(e.Routine); err != nil {
		return err
	}
	if err := t.inuse.chosen(e); err != nil {
		return err
	}
	t.win.showPath(e.Path)
	t.showKey()
	return nil
}

// showKey shows the routine in use in the pickers.
func (t *routineTab) showKey() {
	for _, p := range t.pickers {
		p.show(t.inuse.key)
	}
}

// delete takes the routine of key out of the library (its file kept in
// the deleted folder) and puts the built-in daily routine in use, dropping
// what the editor had of it; refused while a session runs.
func (t *routineTab) delete(key string) (string, error) {
	if t.win.underWay() {
		return "", errSessionRuns
	}
	to, err := t.lib.Delete(key)
	if err != nil {
		return "", err
	}
	if err := t.switchTo(library.DefaultKey); err != nil {
		return to, err
	}
	t.win.notice("routine", lang.L("Routine deleted; its file is kept as {{.Path}}.", map[string]any{"Path": to}))
	return to, nil
}

// save saves the edited routine r of key in the library (a copy for a
// built-in routine) and puts it in use; refused while a session runs, as
// the window cannot change its routine then.
func (t *routineTab) save(key string, r *routine.Routine) (string, *routine.Routine, error) {
	if t.win.underWay() {
		return "", nil, errSessionRuns
	}
	saved, err := t.lib.Save(key, r)
	if err != nil {
		return "", nil, err
	}
	e, err := t.lib.Get(saved)
	if err == nil {
		err = t.putInUse(e)
	}
	if err != nil {
		return "", nil, err
	}
	return saved, e.Routine, nil
}
