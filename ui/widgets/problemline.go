package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ProblemLine is a row that says a problem under what it is about: an
// error icon and the text in the danger colour, wrapped, hidden while
// there is no problem. Place its Row in a layout.
type ProblemLine struct {
	// Row is the line to place: hidden until Set.
	Row   *fyne.Container
	label *widget.Label
}

// NewProblemLine returns a hidden problem line.
func NewProblemLine() *ProblemLine {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	p := &ProblemLine{label: l,
		Row: container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())), nil, l)}
	p.Row.Hide()
	return p
}

// Set shows text as the problem.
func (p *ProblemLine) Set(text string) {
	p.label.SetText(text)
	p.Row.Show()
}

// Clear hides the line: no problem.
func (p *ProblemLine) Clear() { p.Row.Hide() }

// Text returns the problem shown, "" when none.
func (p *ProblemLine) Text() string {
	if !p.Row.Visible() {
		return ""
	}
	return p.label.Text
}

// NewProblemRow is one line of a problem list: an icon in the error colour
// and the text in the error colour, so that it is told apart by its icon
// and words as well as by its colour.
func NewProblemRow(text string, icon fyne.Resource, style fyne.TextStyle) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(icon)), nil, l)
}
