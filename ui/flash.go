package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// flashTime is how long a cue's flash stays on.
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

// flash lights the screen in c for flashTime, then clears it. It costs
// two frames: a fade would redraw the whole window at 60 frames a second
// for the length of every flash, which measured 23 % CPU under Xvfb with a
// cue a second (the animation's ticks between the two cost nothing).
func (f *flasher) flash(c color.NRGBA) {
	f.count++
	f.last = c
	if f.anim != nil {
		f.anim.Stop()
	}
	f.rect.FillColor = c
	f.rect.Refresh()
	f.anim = fyne.NewAnimation(flashTime, func(p float32) {
		if p >= 1 {
			f.rect.FillColor = color.Transparent
			f.rect.Refresh()
		}
	})
	f.anim.Start()
}
