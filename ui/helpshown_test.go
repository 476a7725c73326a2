package ui

import (
	"spineroutine/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestHelpOnTopWhenIdle: "?" in an idle wide window (the checklist beside
// the card) puts the key help above everything, where the driver draws it
// at once: on the canvas's overlay stack, covering the window, its "Keys"
// title inside the window. Shown as a hidden member of the window's
// content, it stayed undrawn until another key (F) redrew the window.
func TestHelpOnTopWhenIdle(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1024, Height: 600}} {
		h := newHarness(t, nil)
		h.win().Resize(size)
		h.typeRune('?')
		c := h.win().Canvas()
		if top := c.Overlays().Top(); top != h.session().help {
			t.Fatalf("%v: top overlay %v, want the key help", size, top)
		}
		if !h.session().help.Visible() {
			t.Fatalf("%v: help hidden", size)
		}
		if hs, cs := h.session().help.Size(), c.Size(); hs.Width < cs.Width-1 || hs.Height < cs.Height-1 {
			t.Errorf("%v: help %v does not cover the window %v", size, hs, cs)
		}
		var title *widget.Label
		uitest.Walk(h.session().help, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Text == "Keys" {
				title = l
			}
		})
		if title == nil {
			t.Fatalf("%v: no Keys title in the help", size)
		}
		pos := h.app.Driver().AbsolutePositionForObject(title)
		if cs := c.Size(); pos.X < 0 || pos.Y < 0 || pos.X+title.Size().Width > cs.Width || pos.Y+title.Size().Height > cs.Height {
			t.Errorf("%v: Keys title at %v (%v), outside the window %v", size, pos, title.Size(), cs)
		}
		h.press(fyne.KeyEscape)
		if h.session().help.Visible() || c.Overlays().Top() != nil {
			t.Errorf("%v: Esc left the help up", size)
		}
		h.close()
	}
}
