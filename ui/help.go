package ui

import (
	"spineroutine/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newHelpOverlay builds the list of keys shown over the window by "?";
// hide hides it.
func newHelpOverlay(hide func()) fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	for _, s := range keyTable() {
		k := widget.NewLabel(s.keys)
		k.TextStyle = fyne.TextStyle{Bold: true}
		grid.Add(k)
		grid.Add(widget.NewLabel(s.action))
	}
	title := widget.NewLabel(lang.L("Keys"))
	title.TextStyle = fyne.TextStyle{Bold: true}
	note := widget.NewLabel(lang.L("Keys work whatever you clicked last."))
	closeBtn := widgets.NewKeyButton(lang.L("Close"), theme.CancelIcon(), hide)
	box := container.NewVBox(title, grid, note, container.NewCenter(closeBtn))
	scroll := container.NewVScroll(box)
	panel := container.NewStack(newPanelBackground(), container.NewPadded(scroll))
	shade := newTapArea(canvas.NewRectangle(theme.Color(theme.ColorNameShadow)), hide)
	return container.NewStack(shade, container.New(&fitCentre{content: box}, panel))
}

// fitCentre centres its one object at the size its content asks for, cut
// to the room there is (the list of keys scrolls in a low window: at
// 1024x600 its title was above the window's top edge).
type fitCentre struct {
	content fyne.CanvasObject
}

// Layout centres the object, at most as large as size.
func (f *fitCentre) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	want := f.content.MinSize().AddWidthHeight(2*pad, 2*pad)
	s := fyne.NewSize(min(want.Width, size.Width), min(want.Height, size.Height))
	for _, o := range objs {
		o.Resize(s)
		o.Move(fyne.NewPos((size.Width-s.Width)/2, (size.Height-s.Height)/2))
	}
}

// MinSize is small: the object fits whatever room it gets.
func (f *fitCentre) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

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

// panelBackground is the help panel's background: the theme's overlay
// colour with a primary border, taken again when the theme changes (the
// panel is built once; a colour read at that time stayed dark in the
// light theme, under the light theme's dark text).
type panelBackground struct {
	widget.BaseWidget
	rect *canvas.Rectangle
}

func newPanelBackground() *panelBackground {
	p := &panelBackground{rect: canvas.NewRectangle(nil)}
	p.rect.StrokeWidth = 2
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer draws the rectangle in the theme's colours.
func (p *panelBackground) CreateRenderer() fyne.WidgetRenderer {
	r := &panelRenderer{WidgetRenderer: widget.NewSimpleRenderer(p.rect), p: p}
	r.colour()
	return r
}

// panelRenderer sets the panel's colours at each refresh.
type panelRenderer struct {
	fyne.WidgetRenderer
	p *panelBackground
}

// Refresh takes the colours of the theme in use.
func (r *panelRenderer) Refresh() {
	r.colour()
	r.WidgetRenderer.Refresh()
}

// colour sets the rectangle's colours from the theme in use.
func (r *panelRenderer) colour() {
	th, v := r.p.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.p.rect.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.p.rect.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	r.p.rect.CornerRadius = th.Size(theme.SizeNameInputRadius)
}
