package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// newVScroll scrolls o up and down, o kept clear of the scroll bar: Fyne
// draws the bar over the content's right edge, where it hid the ticks,
// the select arrows and the last letters of the side views on a small
// screen.
func newVScroll(o fyne.CanvasObject) *container.Scroll {
	return container.NewVScroll(clearOfScrollBar(o))
}

// clearOfScrollBar leaves room for a vertical scroll bar at o's right.
func clearOfScrollBar(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.ScrollBarSize()), o)
}
