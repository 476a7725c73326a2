package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/ui/widgets"
)

// noteRow is the session summary's optional one-line note of the day
// ("left hip tight"): an entry and a Save button (Enter saves too), then
// "Note saved." or why it was not. The History tab and the report show it.
type noteRow struct {
	entry   *widget.Entry
	save    *widgets.KeyButton
	status  *widget.Label
	problem *widgets.ProblemLine
	obj     *fyne.Container
	onSave  func(text string) error
}

// newNoteRow builds the row; onSave journals the text.
func newNoteRow(onSave func(text string) error) *noteRow {
	n := &noteRow{entry: widget.NewEntry(), status: widget.NewLabel(""), problem: widgets.NewProblemLine(), onSave: onSave}
	n.entry.SetPlaceHolder(lang.L("A note for today, if you like: left hip tight"))
	n.entry.OnSubmitted = func(string) { n.submit() }
	n.save = widgets.NewKeyButton(lang.L("Save note"), theme.DocumentSaveIcon(), n.submit)
	n.status.Hide()
	n.obj = container.NewVBox(container.NewBorder(nil, nil, nil, n.save, n.entry), n.status, n.problem.Row)
	return n
}

// submit saves the note written.
func (n *noteRow) submit() {
	text := strings.TrimSpace(n.entry.Text)
	if text == "" {
		return
	}
	if err := n.onSave(text); err != nil {
		n.status.Hide()
		n.problem.Set(lang.L("The note was not saved: {{.Error}}", map[string]any{"Error": err.Error()}))
		return
	}
	n.problem.Clear()
	n.status.SetText(lang.L("Note saved: {{.Note}}", map[string]any{"Note": text}))
	n.status.Show()
	widgets.Unfocus(n.entry)
}

// reset empties the row for a new summary.
func (n *noteRow) reset() {
	n.entry.SetText("")
	n.status.Hide()
	n.problem.Clear()
}
