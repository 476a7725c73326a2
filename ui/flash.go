package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"spineroutine/internal/schedule"
)

// flasher is the visual twin of the cue sounds: a thick frame around the
// window that lights up in the cue's colour, so a cue is seen when the
// sound is muted or there is no audio device (cueFlash). It draws no text
// and takes no input.
//
// It is a frame, opaque, not a translucent rectangle over the whole
// window: Fyne's GL driver shades every pixel of every object each frame,
// and under software OpenGL a lit full-window flash was 1.0 of the 2.5
// million pixels shaded per frame (counted from the objects' sizes at
// 1280x800); the frame is 0.1 million, and nothing of the card is drawn
// through it. It costs no frame of its own: it changes only with the
// events of the session, at the instants the countdown changes anyway (a
// cue's instant is a whole second of its step, and that second's event
// follows the cue's), and the next event of a later instant clears it. A
// flash with its own "off" frame after 250 ms measured 8.9 % of a core
// muted against 2.8 % for the bare window (2 frames more per cue, each
// redrawing the whole window).
type flasher struct {
	edges  [4]*canvas.Rectangle // top, bottom, left, right
	obj    *fyne.Container
	colour color.Color // color.Transparent when dark
	lit    bool
	litAt  time.Time // the instant of the cue that lit it
	// backdrop is the palette the window wears (nil: none): a flash in
	// the window's own colour is drawn in its text colour instead, or it
	// would not be seen.
	backdrop *palette
}

func newFlasher() *flasher {
	f := &flasher{colour: color.Transparent}
	objs := make([]fyne.CanvasObject, len(f.edges))
	for i := range f.edges {
		f.edges[i] = canvas.NewRectangle(color.Transparent)
		objs[i] = f.edges[i]
	}
	f.obj = container.New(frameLayout{}, objs...)
	return f
}

// cue shows a cue due at instant at in colour c: the frame lights in c,
// or, when an earlier cue lit it in the same colour (the countdown's
// pips, a second apart), goes dark, so that every cue is a change.
func (f *flasher) cue(c color.NRGBA, at time.Time) {
	if f.lit && at.After(f.litAt) && f.colour == c {
		f.set(color.Transparent, false)
		return
	}
	f.set(c, true)
	f.litAt = at
}

// expire clears a flash lit before instant at (an event of the session at
// that instant is being shown).
func (f *flasher) expire(at time.Time) {
	if f.lit && at.After(f.litAt) {
		f.set(color.Transparent, false)
	}
}

func (f *flasher) set(c color.Color, lit bool) {
	f.lit, f.colour = lit, c
	f.paint()
}

// setBackdrop tells the flasher the palette the window wears (nil: none).
func (f *flasher) setBackdrop(p *palette) {
	f.backdrop = p
	if f.lit {
		f.paint()
	}
}

// paint colours the edges: the flash's colour, or the backdrop's text
// colour when the flash has the backdrop's own.
func (f *flasher) paint() {
	c := f.colour
	if b := f.backdrop; f.lit && b != nil && c == color.Color(b.bg) {
		c = b.fg
	}
	for _, e := range f.edges {
		if e.FillColor != c {
			e.FillColor = c
			e.Refresh()
		}
	}
}

// frameLayout puts its four objects (top, bottom, left, right) along the
// edges of its size, flashFrame of the shorter side thick (at least 16).
type frameLayout struct{}

// flashFrame is the thickness of the flash frame, as a fraction of the
// window's shorter side: 3 %, 24 px at 1280x800, seen from across the room
// out of the corner of an eye, and over no more than half of the control
// buttons (which still take the clicks: the frame takes no input).
const flashFrame = 0.03

// MinSize is the smallest size the layout or renderer accepts.
func (frameLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// Layout places the objects in the given size.
func (frameLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t := max(16, flashFrame*min(size.Width, size.Height))
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
	}
	place(objs[0], 0, 0, size.Width, t)
	place(objs[1], 0, size.Height-t, size.Width, t)
	place(objs[2], 0, t, t, size.Height-2*t)
	place(objs[3], size.Width-t, t, t, size.Height-2*t)
}

// cueFlash flashes the colour of a cue of kind k due at instant at when
// the cue is not heard: the sound is muted, or there is no audio device
// (its notice was shown). A heard cue draws nothing.
func (s *sessionScreen) cueFlash(k schedule.CueKind, at time.Time) {
	if s.sound.unheard() {
		s.flash.cue(flashColour(k), at)
	}
}
