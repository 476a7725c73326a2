package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2/canvas"

	"spineroutine/internal/schedule"
)

// flashTime is how long a cue's flash stays on.
const flashTime = 250 * time.Millisecond

// flasher is the visual twin of the cue sounds: a rectangle over the whole
// window that lights up in the cue's colour for flashTime, so a cue is seen
// when the sound is muted or there is no audio device (cueFlash). It draws
// no text and takes no input.
type flasher struct {
	rect  *canvas.Rectangle
	clock schedule.Clock
	post  func(func())
	stop  func() bool // cancels the pending "off"
}

func newFlasher(clock schedule.Clock, post func(func())) *flasher {
	return &flasher{rect: canvas.NewRectangle(color.Transparent), clock: clock, post: post}
}

// flash lights the screen in c for flashTime, then clears it. It costs
// two frames: a fade would redraw the whole window at 60 frames a second
// for the length of every flash, which measured 23 % CPU under Xvfb with a
// cue a second.
func (f *flasher) flash(c color.NRGBA) {
	if f.stop != nil {
		f.stop()
	}
	f.rect.FillColor = c
	f.rect.Refresh()
	f.stop = f.clock.AfterFunc(flashTime, func() {
		f.post(func() {
			f.rect.FillColor = color.Transparent
			f.rect.Refresh()
		})
	})
}

// cueFlash flashes the colour of a cue of kind k when the cue is not heard:
// the sound is muted, or there is no audio device (its notice was shown).
// A heard cue draws nothing: each flash costs two more frames of the whole
// window, blended over it, which with software OpenGL measured 2.6 % of a
// core with a cue a second.
func (c *controller) cueFlash(k schedule.CueKind) {
	if c.sound.Muted || c.audioShown {
		c.flash.flash(flashColour(k))
	}
}
