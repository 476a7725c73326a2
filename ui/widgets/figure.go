package widgets

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/figure"
)

// Figure draws a move's figure (package internal/figure) on a light plate,
// as large as its size allows, and moves it to a new pose with a short
// tween. The figure is one raster image painted by figure.Geometry.Paint,
// not a canvas object per stroke: Fyne's GL driver repaints the whole
// window for every frame, and each object is a draw call (the figure as
// lines and circles was about 50 of the window's 131 draw calls per
// frame). A tween shows TweenFrames poses, not one per display frame.
// Between tweens nothing runs: the image only changes when the pose does.
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

// TweenFrames is how many poses a tween shows (the last is the target),
// 83 ms apart, like animation drawn on twos. Each is a repaint of the
// whole window, which software OpenGL pays in full (about 28 ms of a core
// at 1280x800). Measured in the window counting down the band stretch
// (two tweens per 4 s rep), muted, alternated with the bare window at
// 2.5-4.4 %: 60 a second 25 % of a core (8.3 frames a second), 6 per
// tween 16 %, 3 per tween 12.9 %, no tween (the pose jumps) 8.2 %.
const TweenFrames = 3

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

// MoveTo moves the figure to pose p in figure.TweenTime, in TweenFrames
// steps. It does nothing when p is the pose shown or moved to already, or
// when no figure is shown.
func (f *Figure) MoveTo(p figure.Pose) {
	if !f.has || figure.Same(p, f.target) {
		return
	}
	f.stop()
	from := f.shown
	f.target, f.moving = p, true
	step := 0
	f.anim = fyne.NewAnimation(figure.TweenTime, func(k float32) {
		n := min(int(k*TweenFrames), TweenFrames)
		if n == step {
			return
		}
		step = n
		f.shown = figure.Lerp(from, p, float64(fyne.AnimationEaseInOut(float32(n)/TweenFrames)))
		if n == TweenFrames {
			f.shown, f.moving = p, false
		}
		f.drawn++
		f.Refresh()
	})
	f.anim.Curve = fyne.AnimationLinear
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
	r := &figureRenderer{f: f, plate: plate}
	r.picture = canvas.NewRaster(r.paint)
	r.objects = []fyne.CanvasObject{plate, r.picture}
	r.Refresh()
	return r
}

type figureRenderer struct {
	f       *Figure
	plate   *canvas.Rectangle
	picture *canvas.Raster
	objects []fyne.CanvasObject
	// what the picture shows: the figure's drawn count at that size
	drawn uint64
	size  fyne.Size
	fresh bool
	// geometry is the pose drawn, in the frame; paint draws it.
	geometry figure.Geometry
	frame    figure.Rect
	// built counts the poses laid out for the picture (for tests).
	built int
}

// Destroy releases nothing: the renderer holds no resources.
func (r *figureRenderer) Destroy() {}

// Objects returns the objects drawn.
func (r *figureRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is the smallest size the layout or renderer accepts.
func (r *figureRenderer) MinSize() fyne.Size { return fyne.NewSize(40, 40) }

// Layout places the objects in the given size.
func (r *figureRenderer) Layout(fyne.Size) { r.Refresh() }

// Refresh places the plate and the picture and has the picture painted
// again, only when the pose drawn or the size has changed.
func (r *figureRenderer) Refresh() {
	f := r.f
	size := f.Size()
	if r.fresh && r.drawn == f.drawn && r.size == size {
		return
	}
	r.fresh, r.drawn, r.size = true, f.drawn, size
	r.plate.Hidden, r.picture.Hidden = !f.has, !f.has
	if !f.has {
		canvas.Refresh(r.plate)
		return
	}
	fr := f.frame
	r.geometry, r.frame = figure.Build(f.shown).Within(fr), fr
	r.built++
	// The plate hugs the frame, as large as the size allows, centred; the
	// picture covers it.
	k := min(size.Width/float32(fr.Dx()), size.Height/float32(fr.Dy()))
	pos := fyne.NewPos((size.Width-k*float32(fr.Dx()))/2, (size.Height-k*float32(fr.Dy()))/2)
	box := fyne.NewSize(k*float32(fr.Dx()), k*float32(fr.Dy()))
	for _, o := range r.objects {
		o.Move(pos)
		o.Resize(box)
	}
	canvas.Refresh(r.plate)
	r.picture.Refresh()
}

// paint is the picture's generator: the figure at w × h pixels on a
// transparent ground (the plate shows through).
func (r *figureRenderer) paint(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r.geometry.Paint(img, r.frame, figure.Light)
	return img
}
