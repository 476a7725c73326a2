package widgets

import (
	"image"
	"image/color"
	"image/draw"
	"math"

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
// frame). A move to a new pose shows TweenFrames poses, each in a frame
// the window draws anyway (see MoveTo); nothing runs between them.
type Figure struct {
	widget.BaseWidget

	frame  figure.Rect
	target figure.Pose // the pose shown, or moved to
	shown  figure.Pose // the pose drawn now (between the two during a tween)
	has    bool        // a figure is shown
	moving bool        // the target is not drawn yet (Settle draws it)
	// drawn counts the changes of what is drawn, so that a refresh with
	// nothing new (the card refreshes every second) costs nothing.
	drawn uint64
}

// TweenFrames is how many poses a move to a new pose shows: an in-between
// pose at once, in the frame of the change that moved the figure, and the
// target at the next Settle. The card settles the figure at the next
// second of its countdown, so both poses share frames the countdown draws
// anyway and a move costs no frame of its own. Each frame is a repaint of
// the whole window, which software OpenGL pays in full. Measured in the
// window counting down the band stretch (two moves per 4 s rep), muted,
// alternated with the bare window at 2.5-4.4 %: a 250 ms tween at 60
// frames a second 25 % of a core (8.3 frames a second), 6 poses per tween
// 16 %, 3 poses (all after the countdown's frame) 12.9 %, no tween (the
// pose jumps) 8.2 %.
const TweenFrames = 2

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

// MoveTo moves the figure toward pose p: it draws the pose half-way at
// once and p at the next Settle. It does nothing when p is the pose shown
// or moved to already, or when no figure is shown.
func (f *Figure) MoveTo(p figure.Pose) {
	if !f.has || figure.Same(p, f.target) {
		return
	}
	f.stop()
	f.shown = figure.Lerp(f.shown, p, float64(fyne.AnimationEaseInOut(1.0/TweenFrames)))
	f.target, f.moving = p, true
	f.drawn++
	f.Refresh()
}

// Settle draws the pose moved to, when MoveTo has not drawn it yet.
func (f *Figure) Settle() {
	if f.moving {
		f.stop()
		f.Refresh()
	}
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

// Animating tells whether a move is under way (its target not drawn yet).
func (f *Figure) Animating() bool { return f.moving }

// Drawn counts the changes of the drawing so far: it stays the same while
// the figure is still, whatever refreshes its parent makes.
func (f *Figure) Drawn() uint64 { return f.drawn }

// stop ends a move: the target is the pose shown.
func (f *Figure) stop() {
	if f.moving {
		f.drawn++
	}
	f.moving = false
	f.shown = f.target
}

// figurePlate is the colour behind the figure: the light background of the
// figure's palette, the same in every phase and theme (like a picture).
var figurePlate = figure.Light.Background

// plateRadius is the radius of the plate's corners.
const plateRadius = 12

// CreateRenderer makes the renderer of the figure.
func (f *Figure) CreateRenderer() fyne.WidgetRenderer {
	r := &figureRenderer{f: f}
	r.picture = canvas.NewRaster(r.paint)
	r.objects = []fyne.CanvasObject{r.picture}
	r.Refresh()
	return r
}

// figureRenderer draws the figure as one picture, its plate included: a
// plate of its own would be one more draw call and as many pixels shaded
// again every frame (62 000 at 1280x800).
type figureRenderer struct {
	f       *Figure
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
	r.picture.Hidden = !f.has
	if !f.has {
		canvas.Refresh(r.picture)
		return
	}
	fr := f.frame
	r.geometry, r.frame = figure.Build(f.shown).Within(fr), fr
	r.built++
	// The picture (its plate) hugs the frame, as large as the size
	// allows, centred.
	k := min(size.Width/float32(fr.Dx()), size.Height/float32(fr.Dy()))
	pos := fyne.NewPos((size.Width-k*float32(fr.Dx()))/2, (size.Height-k*float32(fr.Dy()))/2)
	box := fyne.NewSize(k*float32(fr.Dx()), k*float32(fr.Dy()))
	r.picture.Move(pos)
	r.picture.Resize(box)
	r.picture.Refresh()
}

// paint is the picture's generator: the figure at w × h pixels on its
// plate.
func (r *figureRenderer) paint(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	scale := float32(1)
	if r.picture.Size().Width > 0 {
		scale = float32(w) / r.picture.Size().Width
	}
	paintPlate(img, figurePlate, plateRadius*scale)
	r.geometry.Paint(img, r.frame, figure.Light)
	return img
}

// paintPlate fills img with c, its corners rounded to radius (pixels),
// antialiased, transparent outside.
func paintPlate(img *image.RGBA, c color.Color, radius float32) {
	draw.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	b := img.Bounds()
	rad := min(radius, float32(b.Dx())/2, float32(b.Dy())/2)
	n := int(math.Ceil(float64(rad)))
	cr, cg, cb, ca := c.RGBA()
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			// coverage of pixel (x, y) of the top left corner by the
			// circle of centre (rad, rad)
			dx, dy := rad-(float32(x)+0.5), rad-(float32(y)+0.5)
			d := float32(math.Sqrt(float64(dx*dx + dy*dy)))
			k := min(max(rad-d+0.5, 0), 1)
			if k == 1 {
				continue
			}
			px := color.RGBA{R: uint8(float32(cr>>8) * k), G: uint8(float32(cg>>8) * k),
				B: uint8(float32(cb>>8) * k), A: uint8(float32(ca>>8) * k)} // premultiplied
			img.SetRGBA(b.Min.X+x, b.Min.Y+y, px)
			img.SetRGBA(b.Max.X-1-x, b.Min.Y+y, px)
			img.SetRGBA(b.Min.X+x, b.Max.Y-1-y, px)
			img.SetRGBA(b.Max.X-1-x, b.Max.Y-1-y, px)
		}
	}
}
