// Package editor is the Routine tab's editor of a routine: the routine's
// boxes and its list of moves beside the form of the move shown, each
// value checked as it is typed with the rules and words of `spineroutine
// check` (routine.Draft), Undo and Redo, New routine and Reset. It saves
// through Options.Save and knows nothing else of the window.
package editor

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/figure"
	"spineroutine/internal/routine"

	"spineroutine/ui/widgets"
)

// maxUndo is how many changes Undo can take back.
const maxUndo = 100

// Options connect the routine editor to the rest of the app.
type Options struct {
	// Save stores r as the routine of key and puts it in use; it returns
	// the key and the routine as saved (a built-in routine is saved as a
	// copy, under a new key and name).
	Save func(key string, r *routine.Routine) (string, *routine.Routine, error)
	// Builtin returns the built-in routine "Reset" goes back to for the
	// routine r being edited.
	Builtin func(r *routine.Routine) *routine.Routine
}

// Editor is the Routine tab: it edits a copy of the routine in use
// (a routine.Draft), checks every value as it is typed with the rules and
// words of `spineroutine check`, shows each problem beside its box, and
// saves only a routine without problems.
type Editor struct {
	o Options

	key     string // the library key of the routine edited ("": a file of --routine, or a new one)
	builtIn bool
	isNew   bool // made with New routine, not saved yet
	draft   routine.Draft
	saved   string // the draft's text when last loaded or saved
	// savedName is the routine's name when last loaded or saved: the
	// heading names it, as "Routine in use" does, until a save.
	savedName string
	note      string // what the last save did, shown until the next change
	// builtin is the built-in routine Reset goes back to and builtinText
	// its draft's text; nil and "" when there is none.
	builtin     *routine.Routine
	builtinText string
	undo        []undoStep // earlier drafts, the last change last
	redo        []undoStep // the drafts Undo took back, the last one last
	last        string     // the box of the last change, which typing goes on in
	sel         int        // the move shown in the form; -1 when none
	valid       *routine.Routine
	// updating is true while the boxes are being filled from the draft:
	// their change callbacks are not edits.
	updating  bool
	durations map[durationKey]durationOf // see moveDuration
	// problems are the messages of the draft by field.
	problems map[routine.Field]string

	heading *widget.Label
	status  *widget.Label
	total   *widget.Label
	save    *widgets.KeyButton
	undoBtn *widgets.KeyButton
	redoBtn *widgets.KeyButton
	reset   *widgets.KeyButton
	newBtn  *widgets.KeyButton
	fields  map[string]*editField // the routine's boxes by file key
	other   *widgets.ProblemLine  // the routine's problems no box shows
	rows    []*moveRow
	list    *fyne.Container
	form    *moveForm
	formBox *fyne.Container
	// listScroll and formScroll hold the list of moves and the form.
	listScroll *container.Scroll
	formScroll *container.Scroll
	top        *fyne.Container // the routine's boxes and the buttons
	obj        fyne.CanvasObject
}

// New makes the editor of the routine of key (builtIn: a
// routine shipped in the app, saved as a copy).
func New(key string, builtIn bool, r *routine.Routine, o Options) *Editor {
	e := &Editor{o: o, fields: map[string]*editField{}, other: widgets.NewProblemLine(), sel: -1,
		durations: map[durationKey]durationOf{}}
	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.heading.Wrapping = fyne.TextWrapWord
	e.status = widget.NewLabel("")
	e.status.Wrapping = fyne.TextWrapWord
	e.total = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.save = widgets.NewKeyButton(lang.L("Save"), theme.DocumentSaveIcon(), e.Save)
	e.save.Importance = widget.HighImportance
	e.undoBtn = widgets.NewKeyButton(lang.L("Undo"), theme.ContentUndoIcon(), e.Undo)
	e.redoBtn = widgets.NewKeyButton(lang.L("Redo"), theme.ContentRedoIcon(), e.Redo)
	e.reset = widgets.NewKeyButton(lang.L("Reset to the built-in routine"), theme.HistoryIcon(), e.askReset)
	e.newBtn = widgets.NewKeyButton(lang.L("New routine"), theme.DocumentCreateIcon(), e.NewRoutine)

	field := func(key, hint string, set func(d *routine.Draft, s string)) fyne.CanvasObject {
		f := newEditField(hint, false, func(s string) { e.edit(key, func(d *routine.Draft) { set(d, s) }) })
		e.fields[key] = f
		if key == "name" {
			return f.obj
		}
		return container.NewBorder(nil, nil, nil, widget.NewLabel(lang.L("s")), f.obj)
	}
	name := field("name", lang.L("the routine's name"), func(d *routine.Draft, s string) { d.Name = s })
	getReady := field("get_ready", routine.DurationText(routine.DefaultGetReady), func(d *routine.Draft, s string) { d.GetReady = s })
	rest := field("rest", routine.DurationText(routine.DefaultRest), func(d *routine.Draft, s string) { d.Rest = s })
	switchTime := field("switch", routine.DurationText(routine.DefaultSwitch), func(d *routine.Draft, s string) { d.Switch = s })
	betweenSets := field("between_sets", routine.DurationText(routine.DefaultBetweenSets), func(d *routine.Draft, s string) { d.BetweenSets = s })
	whole := container.NewGridWithColumns(2,
		formRows(formLabel(lang.L("Routine name")), name, formLabel(lang.L("Get ready")), getReady, formLabel(lang.L("Rest between moves")), rest),
		formRows(formLabel(lang.L("Switch sides")), switchTime, formLabel(lang.L("Between sets")), betweenSets, formLabel(lang.L("Total")), e.total))

	add := widgets.NewKeyButton(lang.L("Add a move"), theme.ContentAddIcon(), e.addMove)
	e.list = container.NewVBox()
	head := widget.NewLabelWithStyle(lang.L("Moves (tick the ones to run; tap a name to edit it)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	e.listScroll = widgets.NewVScroll(e.list)
	left := container.NewBorder(head, add, nil, nil, e.listScroll)
	e.form = newMoveForm(e)
	e.formBox = container.NewStack(e.form.obj)
	e.formScroll = widgets.NewFormScroll(e.formBox, true)
	split := container.NewHSplit(left, e.formScroll)
	split.Offset = 0.4

	buttons := container.NewHBox(e.save, e.undoBtn, e.redoBtn, e.reset, e.newBtn)
	e.top = container.NewVBox(e.heading, container.NewBorder(nil, nil, buttons, nil, e.status),
		whole, e.other.Row, widget.NewSeparator())
	e.obj = container.NewBorder(e.top, nil, nil, nil, split)
	e.SetRoutine(key, builtIn, r)
	return e
}

// SetRoutine starts editing r, the routine of key, dropping the undo
// history.
func (e *Editor) SetRoutine(key string, builtIn bool, r *routine.Routine) {
	e.key, e.builtIn, e.isNew = key, builtIn, false
	e.draft = routine.NewDraft(r)
	e.saved = string(e.draft.TOML())
	e.savedName = r.Name
	e.note = ""
	if e.o.Builtin != nil {
		e.builtin = e.o.Builtin(r)
		e.builtinText = string(routine.NewDraft(e.builtin).TOML())
	}
	e.undo, e.redo, e.last = nil, nil, ""
	e.sel = min(max(e.sel, 0), len(e.draft.Moves)-1)
	e.showAll()
}

// Content is what shows the editor.
func (e *Editor) Content() fyne.CanvasObject { return e.obj }

// Key is the library key of the routine edited ("": a file of --routine,
// or a new routine).
func (e *Editor) Key() string { return e.key }

// Status is what the last save did, or what stands in its way.
func (e *Editor) Status() string { return e.status.Text }

// Name is the name of the routine as edited.
func (e *Editor) Name() string { return e.draft.Name }

// Moves is the number of moves of the routine edited.
func (e *Editor) Moves() int { return len(e.draft.Moves) }

// SetField puts text in the box named by its file key (name, reps, hold,
// …) of the move shown, as typing it does; it reports whether the form
// has that box.
func (e *Editor) SetField(key, text string) bool {
	if e.form == nil || e.form.fields[key] == nil {
		return false
	}
	e.form.fields[key].entry.SetText(text)
	return true
}

// Dirty reports whether the draft differs from the routine last loaded or
// saved.
func (e *Editor) Dirty() bool { return string(e.draft.TOML()) != e.saved }

// edit applies a change made in the box key; successive changes in the
// same box (typing) make one step of Undo.
func (e *Editor) edit(key string, change func(d *routine.Draft)) {
	if e.updating {
		return
	}
	if key != e.last || key == "" {
		e.pushUndo()
	}
	e.last = key
	change(&e.draft)
	e.refresh()
}

// editMove applies a change to move i made in its box key.
func (e *Editor) editMove(i int, key string, change func(m *routine.DraftMove)) {
	if i < 0 || i >= len(e.draft.Moves) {
		return
	}
	e.edit(fmt.Sprintf("move %d %s", i, key), func(d *routine.Draft) { change(&d.Moves[i]) })
}

// restructure applies a change to the list of moves and shows move sel.
func (e *Editor) restructure(sel int, change func(d *routine.Draft)) {
	e.pushUndo()
	e.last = ""
	change(&e.draft)
	e.sel = min(max(sel, 0), len(e.draft.Moves)-1)
	e.showAll()
}

// undoStep is the editor before a change: the draft, the move shown and
// which routine it is (New routine starts another).
type undoStep struct {
	draft          routine.Draft
	sel            int
	key            string
	builtIn, isNew bool
}

// step is the editor as it is now, for Undo or Redo.
func (e *Editor) step() undoStep {
	return undoStep{e.draft.Clone(), e.sel, e.key, e.builtIn, e.isNew}
}

// pushUndo keeps the editor before a new change; what Undo took back can
// no longer be redone.
func (e *Editor) pushUndo() {
	e.undo = append(e.undo, e.step())
	if len(e.undo) > maxUndo {
		e.undo = e.undo[1:]
	}
	e.redo = nil
}

// Undo takes back the last change since the routine was loaded or saved.
func (e *Editor) Undo() {
	if len(e.undo) == 0 {
		return
	}
	e.redo = append(e.redo, e.step())
	e.restore(&e.undo)
}

// Redo makes again the last change Undo took back.
func (e *Editor) Redo() {
	if len(e.redo) == 0 {
		return
	}
	e.undo = append(e.undo, e.step())
	e.restore(&e.redo)
}

// restore goes back to the last step of steps, taking it off.
func (e *Editor) restore(steps *[]undoStep) {
	s := (*steps)[len(*steps)-1]
	*steps = (*steps)[:len(*steps)-1]
	e.draft, e.sel, e.key, e.builtIn, e.isNew, e.last = s.draft, s.sel, s.key, s.builtIn, s.isNew, ""
	e.showAll()
}

// Save saves the draft when it has no problems.
func (e *Editor) Save() {
	if e.valid == nil || e.o.Save == nil {
		return
	}
	e.draft.FillIDs()
	r, err := e.draft.Check(figure.Shipped())
	if err != nil {
		e.refresh()
		return
	}
	key, saved, err := e.o.Save(e.key, r)
	if err != nil {
		e.status.SetText(lang.L("Not saved: {{.Problem}}", map[string]any{"Problem": err.Error()}))
		return
	}
	note := lang.L("Saved.")
	if e.builtIn {
		note = lang.L("Saved as your own routine \"{{.Name}}\".", map[string]any{"Name": saved.Name})
	}
	e.key, e.builtIn, e.isNew = key, false, false
	e.draft = routine.NewDraft(saved)
	e.saved = string(e.draft.TOML())
	e.savedName = saved.Name
	e.note, e.last = note, ""
	e.undo, e.redo = nil, nil // Undo does not go back past a save
	e.showAll()
}
