package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
)

// Starting over in the routine editor: a new routine from nothing, and
// Reset to the built-in routine, which asks first.

// blankMove is the move Add a move and New routine start from: its name
// and focus are asked for beside their boxes.
func blankMove() routine.DraftMove {
	return routine.DraftMove{Sides: string(routine.NoSides), Reps: "8", Hold: "5"}
}

// NewRoutine starts a routine from nothing: no name yet, the routine-wide
// times left to their defaults and one blank move, its form shown with the
// routine's name box focused. Saving adds it to the user's routines; Undo
// goes back to the routine edited before.
func (e *Editor) NewRoutine() {
	e.pushUndo()
	e.key, e.builtIn, e.isNew, e.last = "", false, true, ""
	e.draft = routine.Draft{Moves: []routine.DraftMove{blankMove()}}
	e.sel = 0
	e.showAll()
	e.focusBox(e.fields["name"].entry, nil)
}

// askReset asks whether to replace the draft with the built-in routine,
// in a modal question over the editor, and resets on yes.
func (e *Editor) askReset() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e.obj)
	if e.builtin == nil || c == nil {
		return
	}
	msg := widget.NewLabel(lang.L("Reset to the built-in routine \"{{.Name}}\"? Its moves and times replace "+
		"those of the draft (the routine keeps its name; Undo takes it back).", map[string]any{"Name": e.builtin.Name}))
	msg.Wrapping = fyne.TextWrapWord
	var pop *widget.PopUp
	cancel := widget.NewButton(lang.L("Cancel"), func() { pop.Hide() })
	reset := widget.NewButton(lang.L("Reset"), func() {
		pop.Hide()
		e.Reset()
	})
	reset.Importance = widget.DangerImportance
	box := container.NewVBox(msg, container.NewHBox(cancel, reset))
	pop = widget.NewModalPopUp(box, c)
	pop.Resize(fyne.NewSize(min(c.Size().Width*0.8, 520), box.MinSize().Height))
	pop.Show()
}

// Reset replaces the draft's moves and times with the built-in routine's
// (a change Undo takes back; Save keeps it). A routine of the user's keeps
// its name, so the heading and "Routine in use" still name it.
func (e *Editor) Reset() {
	if e.builtin == nil {
		return
	}
	b := routine.NewDraft(e.builtin)
	if !e.builtIn && e.draft.Name != "" {
		b.Name = e.draft.Name
	}
	e.restructure(0, func(d *routine.Draft) { *d = b })
}

// focusBox scrolls scroll (when not nil) to its top and puts the keyboard
// focus in box, so that what is typed next goes there.
func (e *Editor) focusBox(box *widget.Entry, scroll *container.Scroll) {
	if scroll != nil {
		scroll.ScrollToTop()
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(box); c != nil {
		c.Focus(box)
	}
}

// UnsavedQuestion asks whether to drop the unsaved changes of the routine
// edited (the new routine, or the one of its name as saved) for another.
func (e *Editor) UnsavedQuestion() string {
	if e.isNew {
		return lang.L("Your changes to the new routine are not saved. Switch routines and drop them?")
	}
	return lang.L("Your changes to \"{{.Name}}\" are not saved. Switch routines and drop them?",
		map[string]any{"Name": e.savedName})
}
