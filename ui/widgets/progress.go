package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ProgressBar is a thin bar without text (a percentage label would be a
// new text every second).
type ProgressBar struct {
	widget.BaseWidget
	// Value is the part done, 0..1; change it with SetValue.
	Value float64
}

// NewProgressBar returns an empty bar.
func NewProgressBar() *ProgressBar {
	p := &ProgressBar{}
	p.ExtendBaseWidget(p)
	return p
}

// SetValue shows v, clamped to 0..1.
func (p *ProgressBar) SetValue(v float64) {
	v = min(max(v, 0), 1)
	if v != p.Value {
		p.Value = v
		p.Refresh()
	}
}

// CreateRenderer makes the bar's renderer.
func (p *ProgressBar) CreateRenderer() fyne.WidgetRenderer {
	r := &progressRenderer{p: p,
		track: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		fill:  canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))}
	return r
}

type progressRenderer struct {
	p           *ProgressBar
	track, fill *canvas.Rectangle
}

// Destroy releases nothing: the renderer holds no resources.
func (r *progressRenderer) Destroy() {}

// MinSize is a short, thin bar.
func (r *progressRenderer) MinSize() fyne.Size {
	return fyne.NewSize(40, theme.Padding()*2)
}

// Objects returns the objects drawn.
func (r *progressRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.fill}
}

// Layout places the objects in the given size.
func (r *progressRenderer) Layout(s fyne.Size) {
	h := theme.Padding() * 2
	y := (s.Height - h) / 2
	r.track.Move(fyne.NewPos(0, y))
	r.track.Resize(fyne.NewSize(s.Width, h))
	r.fill.Move(fyne.NewPos(0, y))
	r.fill.Resize(fyne.NewSize(s.Width*float32(r.p.Value), h))
}

// Refresh redraws from the widget's state.
func (r *progressRenderer) Refresh() {
	r.track.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.fill.FillColor = theme.Color(theme.ColorNamePrimary)
	r.Layout(r.p.Size())
	r.track.Refresh()
	r.fill.Refresh()
}
