package settings

import (
	"spineroutine/ui/internal/uitest"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// The timing boxes of Settings show no check mark beside a good value
// ("Routine's own ✓", "12 ✓"); a bad one is said under them.
func TestTimingBoxesWithoutCheckMarks(t *testing.T) {
	h := newSettingsHarness(t)
	v := h.v
	w := test.NewWindow(v)
	t.Cleanup(w.Close)
	for _, text := range []string{routineOwn(), "12"} {
		v.getReady.SetText(text)
		uitest.Walk(v.getReady, func(o fyne.CanvasObject) {
			if im, ok := o.(*canvas.Image); ok && im.Visible() && im.Resource != nil && strings.Contains(im.Resource.Name(), "check") {
				t.Errorf("%q: the box shows %s", text, im.Resource.Name())
			}
		})
	}
	v.getReady.SetText("soon")
	if !strings.Contains(v.timingError.Text(), "Get ready") {
		t.Errorf("a bad value is not said: %q", v.timingError.Text())
	}
}
