package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/figure"
)

// centre is the centre of the pixels of the colours of roles in what the
// window shows, and how many there are.
func centre(win fyne.Window, roles ...figure.Role) (fyne.Position, int) {
	img := win.Canvas().Capture()
	var x, y float32
	n := 0
	b := img.Bounds()
	for py := b.Min.Y; py < b.Max.Y; py++ {
		for px := b.Min.X; px < b.Max.X; px++ {
			c := color.NRGBAModel.Convert(img.At(px, py)).(color.NRGBA)
			for _, r := range roles {
				want := figure.Light.Roles[r]
				if near(c.R, want.R) && near(c.G, want.G) && near(c.B, want.B) {
					x, y, n = x+float32(px), y+float32(py), n+1
				}
			}
		}
	}
	if n == 0 {
		return fyne.Position{}, 0
	}
	return fyne.NewPos(x/float32(n), y/float32(n)), n
}

// near tells whether two colour components are within 8 of each other.
func near(a, b uint8) bool { return max(a, b)-min(a, b) <= 8 }

// TestFigureWidget checks the figure by what it shows: one picture, its
// plate painted in it, inside the widget; the body (its dark and accent colours) rises
// when the bridge goes up, and the working part (the accent) shows (the test driver ends the tween at once); moving
// to the pose shown, or a refresh with nothing new, paints nothing.
func TestFigureWidget(t *testing.T) {
	test.NewTempApp(t)
	lib := figure.Default()
	f := lib.Figure("glute-bridge")
	w := NewFigure()
	win := test.NewWindow(w)
	defer win.Close()
	win.SetPadded(false)
	win.Resize(fyne.NewSize(400, 200))
	w.Jump(f.Frame(), f.Start)
	r := test.WidgetRenderer(w).(*figureRenderer)
	if n := len(r.Objects()); n != 1 {
		t.Fatalf("%d objects, want one picture (the plate painted in it)", n)
	}
	for _, o := range r.Objects() {
		p, s := o.Position(), o.Size()
		if p.X < -1 || p.Y < -1 || p.X+s.Width > 401 || p.Y+s.Height > 201 {
			t.Errorf("%T at %v size %v is outside the widget", o, p, s)
		}
	}
	if w.Aspect() < 1.5 {
		t.Errorf("aspect of a bridge is %v, want a wide frame", w.Aspect())
	}
	down, n := centre(win, figure.Body, figure.Accent)
	if n < 500 {
		t.Fatalf("%d body pixels: the figure is not drawn", n)
	}
	drawn := w.Drawn()
	w.MoveTo(f.Start)
	if w.Drawn() != drawn {
		t.Error("moving to the pose shown redraws the figure")
	}
	w.MoveTo(f.Phases[0])
	half, _ := centre(win, figure.Body, figure.Accent)
	if w.Drawn() == drawn || !w.Animating() {
		t.Errorf("drawn %d -> %d, animating %v after MoveTo: want the pose half-way drawn", drawn, w.Drawn(), w.Animating())
	}
	w.Settle()
	if w.Animating() {
		t.Error("still moving after Settle")
	}
	up, _ := centre(win, figure.Body, figure.Accent)
	if !(half.Y < down.Y-2 && half.Y > up.Y+2) {
		t.Errorf("the body at y %.0f half-way, %.0f down and %.0f up: want between", half.Y, down.Y, up.Y)
	}
	if up.Y >= down.Y-5 {
		t.Errorf("the body is at y %.0f in the bridge, %.0f before: the hips did not rise", up.Y, down.Y)
	}
	if _, n := centre(win, figure.Accent); n < 100 {
		t.Errorf("%d accent pixels in the bridge: the working part is not shown", n)
	}
	if p, ok := w.Pose(); !ok || p.Name != "bridge-up" {
		t.Errorf("pose %q, want bridge-up", p.Name)
	}
	built := r.built
	w.Refresh()
	if r.built != built {
		t.Error("a refresh with nothing new laid the figure out again")
	}
	w.Clear()
	for _, o := range r.Objects() {
		if o.Visible() {
			t.Errorf("%T visible after Clear", o)
		}
	}
	if _, n := centre(win, figure.Body); n != 0 {
		t.Errorf("%d body pixels after Clear", n)
	}
}

// TestFigureGolden renders the figure of a bird dog reaching, on its plate
// (Fyne's test painter; regenerate by deleting the image).
func TestFigureGolden(t *testing.T) {
	test.NewTempApp(t)
	f := figure.Default().Figure("bird-dogs")
	w := NewFigure()
	win := test.NewWindow(w)
	defer win.Close()
	win.Resize(fyne.NewSize(480, 260))
	w.Jump(f.Frame(), f.Phases[0])
	test.AssertRendersToImage(t, "figure-bird-dog.png", win.Canvas())
}

// BenchmarkFigureTweenFrame is the cost of one frame of a tween: the pose
// worked out and the picture painted (TweenFrames frames per tween).
func BenchmarkFigureTweenFrame(b *testing.B) {
	test.NewTempApp(b)
	f := figure.Default().Figure("glute-bridge")
	w := NewFigure()
	w.Resize(fyne.NewSize(400, 200))
	w.Jump(f.Frame(), f.Start)
	r := test.WidgetRenderer(w).(*figureRenderer)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		w.shown = figure.Lerp(f.Start, f.Phases[0], float64(i%TweenFrames)/TweenFrames)
		w.drawn++
		r.Refresh()
		r.paint(400, 200)
	}
}

// BenchmarkFigureStill is the cost of a refresh while the figure is still
// (the card refreshes its children every second).
func BenchmarkFigureStill(b *testing.B) {
	test.NewTempApp(b)
	f := figure.Default().Figure("glute-bridge")
	w := NewFigure()
	w.Resize(fyne.NewSize(400, 200))
	w.Jump(f.Frame(), f.Start)
	r := test.WidgetRenderer(w)
	b.ReportAllocs()
	for b.Loop() {
		r.Refresh()
	}
}
