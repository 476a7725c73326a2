package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
)

// TestGoldenRenders compares the window in its main states with the images
// in testdata (Fyne's test painter and theme; regenerate by deleting the
// image: the test writes testdata/failed/<name> to compare and copy).
func TestGoldenRenders(t *testing.T) {
	// sidePlanks is the left hold of Side Planks in the default routine
	// (get ready 10, overhead band stretch...): long names, five cues, an
	// easier variant.
	sidePlanks := func(h *harness) {
		h.today().list.setChoice(choicePick)
		for _, r := range h.today().list.rows {
			h.today().list.picked[r.move.ID] = r.move.ID == "side-planks" || r.move.ID == "bird-dogs"
		}
		h.today().list.update()
		h.w.StartPause()
		h.advance(h.inuse().r.GetReady + 2*time.Second)
	}
	type golden struct {
		name  string
		size  fyne.Size
		setup func(h *harness)
	}
	tests := []golden{
		{"idle.png", fyne.NewSize(1366, 768), func(h *harness) {}},
		{"summary.png", fyne.NewSize(1366, 768), func(h *harness) {
			sidePlanks(h)
			h.advance(time.Hour)
		}},
		{"help.png", fyne.NewSize(1366, 768), func(h *harness) { h.session().ToggleHelp() }},
		{"today-portrait.png", fyne.NewSize(768, 1024), func(h *harness) {
			test.Tap(h.today().list.rows[0].done)
			test.Tap(h.session().main.buttons[1])
		}},
		{"focus.png", fyne.NewSize(1366, 768), func(h *harness) {
			sidePlanks(h)
			h.session().ToggleFocus()
		}},
	}
	for _, s := range screens {
		tests = append(tests, golden{fmt.Sprintf("work-%.0fx%.0f.png", s.Width, s.Height), s, sidePlanks})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// In a -race run past a minute old, the first paint would drop
			// the renderers just made (a clean clone's make test drew
			// idle.png without the buttons' insides once).
			uitest.FreshRenderCache()
			var h *harness
			if tt.name == "idle.png" { // the first launch: with the safety note
				h = newHarness(t, func(o *Options) { o.Routine = routine.Default() })
			} else {
				h = defaultHarness(t)
			}
			h.win().Resize(tt.size)
			tt.setup(h)
			h.advance(250 * time.Millisecond) // the moment the images show
			test.AssertRendersToImage(t, tt.name, h.win().Canvas())
		})
	}
}
