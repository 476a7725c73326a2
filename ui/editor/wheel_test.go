package editor

import (
	"spineroutine/internal/library"
	"spineroutine/ui/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The mouse wheel scrolls the move form wherever the pointer is: over a
// text box (one line or several) or a select too. Fyne gave the wheel to
// the text box under the pointer, which had nothing to scroll; a tap on a
// box still reaches it.
func TestWheelScrollsFormOverBoxes(t *testing.T) {
	h := newEditorHarness(t, library.Big3Key)
	h.win.Resize(fyne.NewSize(1024, 600))
	test.Tap(h.ed.rows[1].pick)
	f := h.ed.form
	for name, o := range map[string]fyne.CanvasObject{
		"name box": f.fields["name"].entry, "steps box": f.fields["steps"].entry,
		"focus select": f.focus, "figure select": f.figure,
	} {
		if got := uitest.WheelOver(t, h.win.Canvas(), h.ed.formScroll, o); got <= 0 {
			t.Errorf("editor, wheel over the %s: the form moved %.0f px, want it scrolled down", name, got)
		}
	}
	// A tap goes through to the select under the layer: its list opens.
	h.ed.formScroll.ScrollToTop()
	test.TapCanvas(h.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(f.focus).AddXY(10, 10))
	if h.win.Canvas().Overlays().Top() == nil {
		t.Error("a tap on the focus select did not open its list")
	}
}
