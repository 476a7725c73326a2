package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newHelpOverlay builds the list of keys shown over the window by "?";
// hide hides it.
func newHelpOverlay(keys keyRoute, hide func()) fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	for _, s := range shortcuts {
		k := widget.NewLabel(s.keys)
		k.TextStyle = fyne.TextStyle{Bold: true}
		grid.Add(k)
		grid.Add(widget.NewLabel(s.action))
	}
	title := widget.NewLabel("Keys")
	title.TextStyle = fyne.TextStyle{Bold: true}
	note := widget.NewLabel("Keys work whatever you clicked last.")
	closeBtn := keys.button("Close", theme.CancelIcon(), hide)
	box := container.NewVBox(title, grid, note, container.NewCenter(closeBtn))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
	bg.StrokeWidth = 2
	bg.CornerRadius = theme.InputRadiusSize()
	panel := container.NewStack(bg, container.NewPadded(box))
	shade := newTapArea(canvas.NewRectangle(theme.Color(theme.ColorNameShadow)), hide)
	return container.NewStack(shade, container.NewCenter(panel))
}

// tapArea is a plain object that takes taps: the shade behind the help
// panel closes it, and the buttons under the shade cannot be pressed
// through it.
type tapArea struct {
	widget.BaseWidget
	obj   fyne.CanvasObject
	onTap func()
}

func newTapArea(obj fyne.CanvasObject, onTap func()) *tapArea {
	t := &tapArea{obj: obj, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped runs the area's action.
func (t *tapArea) Tapped(*fyne.PointEvent) { t.onTap() }

// CreateRenderer draws the area's object.
func (t *tapArea) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.obj) }
