package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/figure"
)

// TestFigureWidget checks the figure: one line with two round caps per
// stroke and a disc per dot, inside its size; a move to another pose
// (ended at once by the test driver) redraws it, the same pose does not,
// and a refresh with nothing new moves no object.
func TestFigureWidget(t *testing.T) {
	test.NewTempApp(t)
	lib := figure.Default()
	f := lib.Figure("glute-bridge")
	w := NewFigure()
	w.Resize(fyne.NewSize(400, 200))
	w.Jump(f.Frame(), f.Start)
	objs := test.WidgetRenderer(w).Objects()
	g := figure.Build(f.Start)
	want := 1 // the plate
	for _, s := range g.Shapes {
		if s.Dot {
			want++
		} else {
			want += 3
		}
	}
	if len(objs) != want {
		t.Fatalf("%d objects, want %d", len(objs), want)
	}
	for _, o := range objs {
		p, s := o.Position(), o.Size()
		if l, ok := o.(*canvas.Line); ok {
			p = fyne.NewPos(min(l.Position1.X, l.Position2.X), min(l.Position1.Y, l.Position2.Y))
		}
		if p.X < -1 || p.Y < -1 || p.X+s.Width > 401 || p.Y+s.Height > 201 {
			t.Errorf("%T at %v size %v is outside the widget", o, p, s)
		}
	}
	if w.Aspect() < 1.5 {
		t.Errorf("aspect of a bridge is %v, want a wide frame", w.Aspect())
	}

	// The object of the first accented stroke of the bridge (the pelvis):
	// the shapes of both poses come in the same order.
	idx := 1
	for _, s := range figure.Build(f.Phases[0]).Shapes {
		if s.Role == figure.Accent {
			break
		}
		idx += map[bool]int{true: 1, false: 3}[s.Dot]
	}
	line := func() fyne.Position {
		return test.WidgetRenderer(w).Objects()[idx].(*canvas.Line).Position2
	}
	down := line()
	n := w.Drawn()
	w.MoveTo(f.Start)
	if w.Drawn() != n {
		t.Error("moving to the pose shown redraws the figure")
	}
	w.MoveTo(f.Phases[0])
	if w.Drawn() == n || w.Animating() {
		t.Errorf("drawn %d -> %d, animating %v after the tween", n, w.Drawn(), w.Animating())
	}
	up := line()
	if up.Y >= down.Y {
		t.Errorf("the pelvis ends at y %v in the bridge, %v before: the hips did not rise", up.Y, down.Y)
	}
	if p, ok := w.Pose(); !ok || p.Name != "bridge-up" {
		t.Errorf("pose %q, want bridge-up", p.Name)
	}
	w.Refresh()
	if line() != up {
		t.Error("a refresh with nothing new moved the figure")
	}
	w.Clear()
	for _, o := range test.WidgetRenderer(w).Objects() {
		if o.Visible() {
			t.Errorf("%T visible after Clear", o)
		}
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
// worked out and every canvas object moved (15 frames per 250 ms tween at
// 60 frames a second).
func BenchmarkFigureTweenFrame(b *testing.B) {
	test.NewTempApp(b)
	f := figure.Default().Figure("glute-bridge")
	w := NewFigure()
	w.Resize(fyne.NewSize(400, 200))
	w.Jump(f.Frame(), f.Start)
	r := test.WidgetRenderer(w)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		w.shown = figure.Lerp(f.Start, f.Phases[0], float64(i%16)/15)
		w.drawn++
		r.Refresh()
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
