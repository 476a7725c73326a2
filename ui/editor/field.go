package editor

import (
	"spineroutine/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// editField is one box of the routine editor: an entry and, under it, the
// problem of its value in the words of `spineroutine check` (hidden when
// the value is fine).
type editField struct {
	entry   *widget.Entry
	problem *widgets.ProblemLine
	obj     fyne.CanvasObject
}

// newEditField makes a one-line box (multiLine: a box of several lines)
// with a hint shown while it is empty; changed gets each new text.
func newEditField(hint string, multiLine bool, changed func(string)) *editField {
	e := widget.NewEntry()
	if multiLine {
		e = widget.NewMultiLineEntry()
		e.SetMinRowsVisible(3)
		e.Wrapping = fyne.TextWrapWord
	}
	e.PlaceHolder = hint
	e.OnChanged = changed
	f := &editField{entry: e, problem: widgets.NewProblemLine()}
	f.obj = container.NewVBox(e, f.problem.Row)
	return f
}

// set shows text without reporting a change.
func (f *editField) set(text string) {
	changed := f.entry.OnChanged
	f.entry.OnChanged = nil
	f.entry.SetText(text)
	f.entry.OnChanged = changed
}

// showProblem shows msg beside the box, or hides it when msg is "".
func (f *editField) showProblem(msg string) {
	if msg == "" {
		f.problem.Clear()
	} else {
		f.problem.Set(msg)
	}
}

// formRows lays labels and boxes out in two columns.
func formRows(rows ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewFormLayout(), rows...)
}

// formLabel is the label of a row of a form.
func formLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}
