package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/figure"
)

// Figure draws a move's figure (package internal/figure) on a light plate,
// as large as its size allows, and moves it to a new pose with a short
// tween. Between tweens nothing runs: the canvas objects only change when
// the pose does.
type Figure struct {
	widget.BaseWidget

	frame  figure.Rect
	target figure.Pose // the pose shown, or moved to
	shown  figure.Pose // the pose drawn now (between the two during a tween)
	has    bool        // a figure is shown
	anim   *fyne.Animation
	moving bool
	// drawn counts the changes of what is drawn, so that a refresh with
	// nothing new (the card refreshes every second) costs nothing.
	drawn uint64
}

// NewFigure returns an empty figure; it draws nothing until Jump.
func NewFigure() *Figure {
	f := &Figure{}
	f.ExtendBaseWidget(f)
	return f
}

// Jump draws pose p at once, framing frame of the drawing box (a new move:
// Figure.Frame of its figure).
func (f *Figure) Jump(frame figure.Rect, p figure.Pose) {
	f.stop()
	f.frame, f.target, f.shown, f.has = frame, p, p, true
	f.drawn++
	f.Refresh()
}

// MoveTo moves the figure to pose p in figure.TweenTime. It does nothing
// when p is the pose shown or moved to already, or when no figure is shown.
func (f *Figure) MoveTo(p figure.Pose) {
	if !f.has || figure.Same(p, f.target) {
		return
	}
	f.stop()
	from := f.shown
	f.target, f.moving = p, true
	f.anim = fyne.NewAnimation(figure.TweenTime, func(k float32) {
		f.shown = figure.Lerp(from, p, float64(k))
		if k >= 1 {
			f.shown, f.moving = p, false
		}
		f.drawn++
		f.Refresh()
	})
	f.anim.Curve = fyne.AnimationEaseInOut
	f.anim.Start()
}

// Clear draws nothing (a move without a figure).
func (f *Figure) Clear() {
	f.stop()
	f.has = false
	f.drawn++
	f.Refresh()
}

// Pose returns the pose shown or being moved to; ok is false when the
// widget shows no figure.
func (f *Figure) Pose() (p figure.Pose, ok bool) { return f.target, f.has }

// Aspect is the width of the figure's frame over its height (1 when no
// figure is shown), for a layout to give it the room it needs.
func (f *Figure) Aspect() float32 {
	if !f.has {
		return 1
	}
	return float32(f.frame.Dx() / f.frame.Dy())
}

// Animating tells whether a tween is under way.
func (f *Figure) Animating() bool { return f.moving }

// Drawn counts the changes of the drawing so far: it stays the same while
// the figure is still, whatever refreshes its parent makes.
func (f *Figure) Drawn() uint64 { return f.drawn }

func (f *Figure) stop() {
	if f.anim != nil {
		f.anim.Stop()
		f.anim = nil
	}
	if f.moving {
		f.drawn++
	}
	f.moving = false
	f.shown = f.target
}

// figurePlate is the colour behind the figure: the light background of the
// figure's palette, the same in every phase and theme (like a picture).
var figurePlate = figure.Light.Background

// CreateRenderer makes the renderer of the figure.
func (f *Figure) CreateRenderer() fyne.WidgetRenderer {
	plate := canvas.NewRectangle(figurePlate)
	plate.CornerRadius = 12
	r := &figureRenderer{f: f, plate: plate, objects: []fyne.CanvasObject{plate}}
	r.Refresh()
	return r
}

// figureItem is the canvas objects of one shape: a line with two round
// caps, or a dot.
type figureItem struct {
	line *canvas.Line
	a, b *canvas.Circle // caps of a line, or a the dot
}

type figureRenderer struct {
	f       *Figure
	plate   *canvas.Rectangle
	items   []figureItem
	objects []fyne.CanvasObject
	// what the objects show: the figure's drawn count at that size
	drawn uint64
	size  fyne.Size
	fresh bool
}

// Destroy releases nothing: the renderer holds no resources.
func (r *figureRenderer) Destroy() {}

// Objects returns the objects drawn.
func (r *figureRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is the smallest size the layout or renderer accepts.
func (r *figureRenderer) MinSize() fyne.Size { return fyne.NewSize(40, 40) }

// Layout places the objects in the given size.
func (r *figureRenderer) Layout(fyne.Size) { r.Refresh() }

// Refresh moves the objects to the pose drawn now; it makes new objects
// only when the shapes differ in number or kind (another move).
func (r *figureRenderer) Refresh() {
	f := r.f
	size := f.Size()
	if r.fresh && r.drawn == f.drawn && r.size == size {
		return
	}
	r.fresh, r.drawn, r.size = true, f.drawn, size
	r.plate.Hidden = !f.has
	if !f.has {
		for _, o := range r.objects[min(1, len(r.objects)):] {
			o.Hide()
		}
		canvas.Refresh(r.plate)
		return
	}
	fr := f.frame
	g := figure.Build(f.shown).Within(fr)
	r.match(g.Shapes)
	// The plate hugs the frame, as large as the size allows, centred.
	k := min(size.Width/float32(fr.Dx()), size.Height/float32(fr.Dy()))
	ox := (size.Width - k*float32(fr.Dx())) / 2
	oy := (size.Height - k*float32(fr.Dy())) / 2
	r.plate.Move(fyne.NewPos(ox, oy))
	r.plate.Resize(fyne.NewSize(k*float32(fr.Dx()), k*float32(fr.Dy())))
	at := func(p figure.Point) fyne.Position {
		return fyne.NewPos(ox+k*float32(p.X-fr.Min.X), oy+k*float32(p.Y-fr.Min.Y))
	}
	disc := func(c *canvas.Circle, centre fyne.Position, radius float32, col color.Color) {
		c.Position1 = centre.SubtractXY(radius, radius)
		c.Position2 = centre.AddXY(radius, radius)
		c.FillColor = col
		c.Hidden = false
		c.Refresh()
	}
	for i, s := range g.Shapes {
		it := r.items[i]
		col := figure.Light.Roles[s.Role]
		if s.Dot {
			disc(it.a, at(s.A), k*float32(s.R), col)
			continue
		}
		w := k * float32(s.Width)
		it.line.Position1, it.line.Position2 = at(s.A), at(s.B)
		it.line.StrokeWidth, it.line.StrokeColor, it.line.Hidden = w, col, false
		it.line.Refresh()
		disc(it.a, at(s.A), w/2, col)
		disc(it.b, at(s.B), w/2, col)
	}
	canvas.Refresh(r.plate)
}

// match makes the items fit the shapes: kept when the kinds agree, made
// anew otherwise.
func (r *figureRenderer) match(shapes []figure.Shape) {
	same := len(shapes) == len(r.items)
	for i := 0; same && i < len(shapes); i++ {
		same = shapes[i].Dot == (r.items[i].line == nil)
	}
	if same {
		return
	}
	r.items = r.items[:0]
	r.objects = append(r.objects[:0], r.plate)
	for _, s := range shapes {
		if s.Dot {
			c := canvas.NewCircle(color.Transparent)
			r.items = append(r.items, figureItem{a: c})
			r.objects = append(r.objects, c)
			continue
		}
		it := figureItem{line: canvas.NewLine(color.Transparent),
			a: canvas.NewCircle(color.Transparent), b: canvas.NewCircle(color.Transparent)}
		r.items = append(r.items, it)
		r.objects = append(r.objects, it.line, it.a, it.b)
	}
}
