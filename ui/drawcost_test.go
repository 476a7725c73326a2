package ui

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// drawCost walks what the window draws as Fyne's GL painter does (visible
// objects; a rectangle with neither fill nor stroke is skipped; an empty
// text draws nothing) and returns the number of draw calls and the pixels
// they cover (an upper bound: a text's box, not its glyphs).
func drawCost(o fyne.CanvasObject) (draws int, pixels float32) {
	if !o.Visible() {
		return 0, 0
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	case *fyne.Container:
		kids = x.Objects
	case *canvas.Rectangle:
		if (x.FillColor == nil || x.FillColor == color.Transparent) && (x.StrokeColor == nil || x.StrokeWidth == 0) {
			return 0, 0
		}
	case *canvas.Text:
		if x.Text == "" {
			return 0, 0
		}
	}
	if kids == nil {
		if _, ok := o.(fyne.Widget); !ok {
			if _, ok := o.(*fyne.Container); !ok {
				return 1, o.Size().Width * o.Size().Height
			}
		}
	}
	for _, k := range kids {
		d, p := drawCost(k)
		draws, pixels = draws+d, pixels+p
	}
	return draws, pixels
}

// TestSessionFrameCost bounds what every frame of a session draws at
// 1280x800: Fyne's GL driver repaints the whole window each frame, and
// under software OpenGL the cost goes with the draw calls and the pixels
// shaded (scripts/bench.sh measures the CPU). With the figure drawn as
// lines and circles a frame was 131 draw calls; a full-window flash added
// a million pixels. Now: 54 calls and 1.19 million pixels, 58 and 1.29
// million with the flash lit (Mesa's counters in the real window agree:
// 53-58 draws and 1.19-1.38 million pixel shader runs per frame).
func TestSessionFrameCost(t *testing.T) {
	h := newHarness(t, nil)
	h.w.win.Resize(fyne.NewSize(1280, 800))
	h.w.ToggleMute() // the flash lights
	h.w.StartPause()
	h.advance(h.w.r.GetReady + 2*time.Second)
	for i := 0; i < 4; i++ {
		draws, pixels := drawCost(h.w.win.Canvas().Content())
		if draws > 70 || pixels > 1.6e6 {
			t.Errorf("second %d: %d draw calls, %.2f million pixels; want at most 70 and 1.6 million", i, draws, pixels/1e6)
		}
		h.advance(time.Second)
	}
}
