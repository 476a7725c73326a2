package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// windowMargin is left free around a window opened at the largest size
// that fits the screen, for the window manager's title bar and borders.
var windowMargin = fyne.NewSize(16, 48)

// fitWindow is the size to open the window at in a work area of area (in
// the window's units): the saved size when there is one, else the largest
// that fits; never larger than the area less the margin, never smaller
// than minWindow.
func fitWindow(area, saved fyne.Size) fyne.Size {
	room := fyne.NewSize(area.Width-windowMargin.Width, area.Height-windowMargin.Height)
	want := room
	if saved.Width >= minWindow.Width && saved.Height >= minWindow.Height {
		want = saved
	}
	return fyne.NewSize(max(min(want.Width, room.Width), minWindow.Width),
		max(min(want.Height, room.Height), minWindow.Height))
}

// placeWindow opens the window at the size and place it was left at, or
// at the largest size that fits the screen, full screen if it was left so.
func (c *controller) placeWindow() {
	saved := c.prefs.Window()
	if c.hooks.screen != nil {
		if x, y, area, ok := c.hooks.screen(); ok {
			scale := c.win.Canvas().Scale()
			if scale <= 0 {
				scale = 1
			}
			c.win.Resize(fitWindow(fyne.NewSize(area.Width/scale, area.Height/scale), saved.Size))
			inside := saved.Placed && saved.X >= x && saved.Y >= y &&
				float32(saved.X-x) < area.Width-100 && float32(saved.Y-y) < area.Height-100
			if dw, ok := c.win.(desktop.Window); ok && inside {
				dw.RequestPosition(saved.X, saved.Y)
			} else {
				c.win.CenterOnScreen()
			}
		}
	}
	if saved.FullScreen {
		c.win.SetFullScreen(true)
	}
}

// saveWindow remembers the window's size, place and full screen for the
// next launch (the focus view's full screen is not kept).
func (c *controller) saveWindow() {
	w := windowState{Size: c.win.Canvas().Size(), FullScreen: c.win.FullScreen() && !c.session.focusFull}
	if w.FullScreen {
		w.Size = c.prefs.Window().Size // the size to come back to
	}
	if c.hooks.position != nil && !c.win.FullScreen() {
		w.X, w.Y, w.Placed = c.hooks.position()
	}
	c.prefs.SetWindow(w)
}
