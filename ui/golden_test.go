package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestGoldenRenders compares the window in its main states with the images
// in testdata (Fyne's test painter and theme; regenerate by deleting the
// image: the test writes testdata/failed/<name> to compare and copy).
func TestGoldenRenders(t *testing.T) {
	tests := []struct {
		name  string
		size  fyne.Size
		setup func(h *harness)
	}{
		{"idle.png", fyne.NewSize(1280, 800), func(h *harness) {}},
		{"work.png", fyne.NewSize(1280, 800), func(h *harness) {
			h.w.StartPause()
			h.advance(5*time.Second + 4*time.Second + time.Second + 4*time.Second + 6*time.Second + time.Second)
		}},
		{"rest.png", fyne.NewSize(1280, 800), func(h *harness) {
			h.w.StartPause()
			h.advance(5*time.Second + 4*time.Second + time.Second + 4*time.Second + 2*time.Second)
		}},
		{"summary.png", fyne.NewSize(1280, 800), func(h *harness) {
			h.w.StartPause()
			h.advance(time.Minute)
		}},
		{"work-narrow.png", fyne.NewSize(800, 600), func(h *harness) {
			h.w.StartPause()
			h.advance(5*time.Second + 4*time.Second + time.Second + 4*time.Second + 6*time.Second + time.Second)
		}},
		{"help.png", fyne.NewSize(1280, 800), func(h *harness) { h.w.ToggleHelp() }},
		{"today-narrow.png", fyne.NewSize(800, 600), func(h *harness) {
			test.Tap(h.w.list.rows[0].done)
			test.Tap(h.w.main.buttons[1])
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			if tt.name != "idle.png" {
				h.app.Preferences().SetBool(safetyPref, true)
				h.w.clearNotice("safety")
			}
			h.w.win.Resize(tt.size)
			tt.setup(h)
			h.advance(250 * time.Millisecond) // the moment the images show
			test.AssertRendersToImage(t, tt.name, h.w.win.Canvas())
		})
	}
}
