package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/library"
)

// wheelOver scrolls s to show o, turns the mouse wheel down over o in c and
// returns how far s moved.
func wheelOver(t *testing.T, c fyne.Canvas, s *container.Scroll, o fyne.CanvasObject) float32 {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	s.ScrollToTop()
	if y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y; y+o.Size().Height > s.Size().Height {
		s.Offset.Y = y - 20 // o near the top of the scroll
		s.Refresh()
	}
	before := s.Offset.Y
	p := d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	if cs := c.Size(); p.Y >= cs.Height || p.X >= cs.Width {
		t.Fatalf("%T at %v, outside the window %v", o, p, cs)
	}
	test.Scroll(c, p, 0, -40)
	return s.Offset.Y - before
}

// The mouse wheel scrolls the editor's move form and Settings wherever the
// pointer is: over a text box (one line or several) or a select too. Fyne
// gave the wheel to the text box under the pointer, which had nothing to
// scroll; a tap on a box still reaches it.
func TestWheelScrollsFormsOverBoxes(t *testing.T) {
	h := newEditorHarness(t, library.Big3Key)
	h.win.Resize(fyne.NewSize(1024, 600))
	test.Tap(h.ed.rows[1].pick)
	f := h.ed.form
	for name, o := range map[string]fyne.CanvasObject{
		"name box": f.fields["name"].entry, "steps box": f.fields["steps"].entry,
		"focus select": f.focus, "figure select": f.figure,
	} {
		if got := wheelOver(t, h.win.Canvas(), h.ed.formScroll, o); got <= 0 {
			t.Errorf("editor, wheel over the %s: the form moved %.0f px, want it scrolled down", name, got)
		}
	}
	// A tap goes through to the select under the layer: its list opens.
	h.ed.formScroll.ScrollToTop()
	test.TapCanvas(h.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(f.focus).AddXY(10, 10))
	if h.win.Canvas().Overlays().Top() == nil {
		t.Error("a tap on the focus select did not open its list")
	}

	hs := newHarness(t, func(o *Options) { o.Reminders = true })
	hs.w.win.Resize(fyne.NewSize(1024, 600))
	hs.w.session.main.show(len(hs.w.session.main.buttons) - 1) // Settings
	v := hs.w.side.settings.view
	var box *widget.Entry
	walk(v.box, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && box == nil {
			box = e
		}
	})
	if box == nil {
		t.Fatal("no text box in Settings")
	}
	if got := wheelOver(t, hs.w.win.Canvas(), v.scroll, box); got <= 0 {
		t.Errorf("Settings, wheel over a text box: moved %.0f px, want it scrolled down", got)
	}
}
