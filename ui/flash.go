package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// flashTime is how long a cue's flash takes to fade.
const flashTime = 250 * time.Millisecond

// flasher is the visual twin of the cue sounds: a rectangle over the whole
// window that lights up in the cue's colour and fades out, so a cue is seen
// when the sound is muted or there is no audio device. It draws no text and
// takes no input.
type flasher struct {
	rect  *canvas.Rectangle
	anim  *fyne.Animation
	count int         // flashes shown (tests)
	last  color.NRGBA // colour of the last flash
}

func newFlasher() *flasher {
	f := &flasher{rect: canvas.NewRectangle(color.Transparent)}
	return f
}

// flash lights the screen in c (its alpha is the peak) and fades it.
func (f *flasher) flash(c color.NRGBA) {
	f.count++
	f.last = c
	if f.anim != nil {
		f.anim.Stop()
	}
	peak := float32(c.A)
	f.anim = fyne.NewAnimation(flashTime, func(p float32) {
		c.A = uint8(peak * (1 - p))
		f.rect.FillColor = c
		f.rect.Refresh()
	})
	f.anim.Curve = fyne.AnimationEaseOut
	f.anim.Start()
}
