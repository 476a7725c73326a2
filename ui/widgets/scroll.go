package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NewVScroll scrolls o up and down, o kept clear of the scroll bar: Fyne
// draws the bar over the content's right edge, where it hid the ticks,
// the select arrows and the last letters of the side views on a small
// screen.
func NewVScroll(o fyne.CanvasObject) *container.Scroll {
	return container.NewVScroll(clearOfScrollBar(o))
}

// clearOfScrollBar leaves room for a vertical scroll bar at o's right.
func clearOfScrollBar(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.ScrollBarSize()), o)
}

// NewFormScroll scrolls a form (the editor's move, Settings) up and down
// (and sideways too when both is set), o kept clear of the scroll bar, and
// the mouse wheel scrolls it wherever the pointer is. Fyne gives the wheel
// to the deepest scrollable object under the pointer, and a text box is
// one (its own scroller, even with nothing to scroll: fyne-io/fyne#1939),
// so over a box the wheel did nothing. A clear layer over the form takes
// the wheel and gives it to the form's scroll; taps, drags, the pointer's
// shape and hovering reach the boxes under it as before (the layer takes
// nothing but the wheel). A multi-line box longer than its rows still
// scrolls with the keys and its scroll bar; the wheel moves the form.
func NewFormScroll(o fyne.CanvasObject, both bool) *container.Scroll {
	var s *container.Scroll
	pass := newWheelPass(func(ev *fyne.ScrollEvent) { s.Scrolled(ev) })
	content := container.NewStack(clearOfScrollBar(o), pass)
	if both {
		s = container.NewScroll(content)
	} else {
		s = container.NewVScroll(content)
	}
	return s
}

// wheelPass is a clear object that passes the mouse wheel on.
type wheelPass struct {
	widget.BaseWidget
	to func(*fyne.ScrollEvent)
}

func newWheelPass(to func(*fyne.ScrollEvent)) *wheelPass {
	w := &wheelPass{to: to}
	w.ExtendBaseWidget(w)
	return w
}

// Scrolled gives the wheel to the form's scroll.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) { w.to(ev) }

// CreateRenderer draws nothing.
func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
