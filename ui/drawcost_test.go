package ui

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/routine"
)

// drawCost walks what the window draws as Fyne's GL painter does (visible
// objects; a rectangle with neither fill nor stroke is skipped; an empty
// text draws nothing; a text is a texture of its own size, whatever its
// box; a widget whose renderer clips, or a scroll, shades nothing outside
// its box) and returns the number of draw calls and the pixels they cover.
func drawCost(o fyne.CanvasObject) (draws int, pixels float32) {
	return drawCostIn(o, fyne.NewPos(0, 0), box{max: fyne.NewPos(1e9, 1e9)})
}

// box is a rectangle of the window.
type box struct{ min, max fyne.Position }

func (b box) intersect(c box) box {
	return box{fyne.NewPos(max(b.min.X, c.min.X), max(b.min.Y, c.min.Y)),
		fyne.NewPos(min(b.max.X, c.max.X), min(b.max.Y, c.max.Y))}
}

func (b box) area() float32 { return max(b.max.X-b.min.X, 0) * max(b.max.Y-b.min.Y, 0) }

// drawCostIn is drawCost of o, whose parent is at origin, within clip.
func drawCostIn(o fyne.CanvasObject, origin fyne.Position, clip box) (draws int, pixels float32) {
	if !o.Visible() {
		return 0, 0
	}
	at := origin.Add(o.Position())
	own := box{at, at.Add(fyne.NewPos(o.Size().Width, o.Size().Height))}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		kids = r.Objects()
		_, clips := r.(interface{ IsClip() })
		if _, scroll := o.(fyne.Scrollable); clips || scroll {
			clip = clip.intersect(own)
		}
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
		// The texture is placed as the painter places it: aligned in the
		// box, centred vertically.
		s := x.MinSize()
		pos := at
		switch x.Alignment {
		case fyne.TextAlignTrailing:
			pos.X += x.Size().Width - s.Width
		case fyne.TextAlignCenter:
			pos.X += (x.Size().Width - s.Width) / 2
		}
		if x.Size().Height > s.Height {
			pos.Y += (x.Size().Height - s.Height) / 2
		}
		return 1, box{pos, pos.Add(fyne.NewPos(s.Width, s.Height))}.intersect(clip).area()
	}
	if kids == nil {
		if _, ok := o.(fyne.Widget); !ok {
			if _, ok := o.(*fyne.Container); !ok {
				return 1, own.intersect(clip).area()
			}
		}
	}
	for _, k := range kids {
		d, p := drawCostIn(k, at, clip)
		draws, pixels = draws+d, pixels+p
	}
	return draws, pixels
}

// TestSessionFrameCost bounds what every frame of a session draws at
// 1280x800: Fyne's GL driver repaints the whole window each frame, and
// under software OpenGL the cost goes with the draw calls and the pixels
// shaded (scripts/bench.sh measures the CPU). With the figure drawn as
// lines and circles a frame was 131 draw calls; a full-window flash added
// a million pixels; the phase's band, a rectangle, was 0.50 of the 1.19
// million pixels of a frame (54 draw calls). Now the window wears the
// phase's colours (its clear colour costs nothing), the figure's plate is
// painted in its picture, and the tabs not shown and the lesser controls
// are flat: the default routine's first move with the first launch's
// safety note is 50 draw calls and 0.61 million pixels with the sound on;
// muted, the flash lit adds its frame (4 draws, 0.1 million pixels) and
// MUTED.
func TestSessionFrameCost(t *testing.T) {
	for _, tc := range []struct {
		name   string
		muted  bool
		draws  int
		pixels float32
	}{
		{"sound on", false, 50, 0.55e6},
		{"muted, the flash lit", true, 56, 0.65e6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, func(o *Options) { o.Routine = routine.Default() })
			h.win().Resize(fyne.NewSize(1280, 800))
			if tc.muted {
				h.settings().ToggleMute()
			}
			h.w.StartPause()
			h.advance(h.inuse().r.GetReady + 2*time.Second)
			if !h.session().figure.w.Visible() {
				t.Fatal("the first move shows no figure")
			}
			for i := 0; i < 4; i++ {
				if tc.muted && i%2 == 0 && !h.session().flash.lit {
					t.Errorf("second %d: the flash is not lit", i)
				}
				draws, pixels := drawCost(h.win().Canvas().Content())
				if i < 2 {
					t.Logf("second %d: %d draw calls, %.2f million pixels", i, draws, pixels/1e6)
				}
				if draws > tc.draws || pixels > tc.pixels {
					t.Errorf("second %d: %d draw calls, %.2f million pixels; want at most %d and %.2f million",
						i, draws, pixels/1e6, tc.draws, tc.pixels/1e6)
				}
				h.advance(time.Second)
			}
		})
	}
}
