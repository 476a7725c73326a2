package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/schedule"
	"spineroutine/ui/widgets"
)

// cardLayout places the card's parts by fractions of its height (like a
// slide): the countdown gets 52 % of the card, which is over 40 % of the
// window at any size, and the texts get the largest quantized size that
// fits their row.
type cardLayout struct {
	c *card
}

// Row heights as fractions of the card height.
const (
	rowPhase = 0.09
	rowClock = 0.52
	rowSide  = 0.09
	rowName  = 0.07
	rowFocus = 0.04
	rowNext  = 0.05
)

// MinSize is the smallest size the layout or renderer accepts.
func (l *cardLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 200) }

// Layout places the objects in the given size.
func (l *cardLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	c := l.c
	h, w := size.Height, size.Width
	pad := theme.Padding() * 2
	inner := w - 2*pad
	y := float32(0)

	// The band is sized once per layout (below): a rectangle resized twice
	// is refreshed twice, and Fyne lays the card out again while it paints
	// (after a text changed its size), so a second size was one more frame
	// at every change of phase.
	c.bg.Move(fyne.NewPos(0, 0))

	if c.focusView {
		c.layoutFocus(w, h, pad)
		return
	}
	rh := h * rowPhase
	fitText(c.phase, inner/2, rh)
	c.phase.Move(fyne.NewPos(pad, y))
	c.phase.Resize(fyne.NewSize(inner/2, rh))
	fitText(c.setRep, inner/2, rh*0.8)
	c.setRep.Move(fyne.NewPos(pad+inner/2, y+rh*0.1))
	c.setRep.Resize(fyne.NewSize(inner/2, rh*0.8))
	y += rh

	// The clock takes at least 42 % of the window (banners above the card
	// must not shrink it), at most 65 % of the card; it gives room to the
	// form cues down to 34 % of the window.
	ch := h * rowClock
	floor := ch
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.obj); cv != nil {
		wh := cv.Size().Height
		ch = min(max(ch, 0.42*wh), 0.65*h)
		floor = min(0.34*wh, ch)
	}
	sh := h * rowSide
	if c.summary.Visible() {
		// The summary needs the room more than the clock does.
		ch, sh = h*0.3, 0
	} else {
		// The form cues and the easier variant are read without scrolling:
		// the clock gives up room down to its floor, then the cues' type
		// gets smaller.
		fixed := h*(rowPhase+rowName+rowFocus+rowNext) + sh + pad/2
		ch -= c.fitLower(inner, h-fixed-ch, ch-floor)
	}
	c.bg.Resize(fyne.NewSize(w, h*rowPhase+ch+sh))
	clockW := c.placeFigure(pad, inner, y, ch)
	c.clock.Move(fyne.NewPos(pad, y))
	c.clock.Resize(fyne.NewSize(clockW, ch))
	// MUTED sits in the corner of the band under the set/rep line.
	c.placeMuted(pad, clockW, y, ch)
	y += ch

	c.layoutSide(pad, inner, y, sh)
	y += sh + pad/2
	if c.summary.Visible() {
		// The summary takes all the room below the band.
		stack := c.below
		stack.Move(fyne.NewPos(pad, y))
		stack.Resize(fyne.NewSize(inner, max(h-y, 0)))
		return
	}

	nh := h * rowName
	aw := float32(0)
	if a := c.actions; a != nil && a.Visible() {
		m := a.MinSize()
		aw = m.Width + pad
		a.Move(fyne.NewPos(pad+inner-m.Width, y+(nh-m.Height)/2))
		a.Resize(m)
	}
	fitText(c.name, inner-aw, nh)
	c.name.Move(fyne.NewPos(pad, y))
	c.name.Resize(fyne.NewSize(inner-aw, nh))
	y += nh
	fh := h * rowFocus
	fitText(c.focus, inner, fh)
	c.focus.Move(fyne.NewPos(pad, y))
	c.focus.Resize(fyne.NewSize(inner, fh))
	y += fh

	xh := h * rowNext
	lowerH := h - y - xh
	stack := c.below
	stack.Move(fyne.NewPos(pad, y))
	stack.Resize(fyne.NewSize(inner, max(lowerH, 0)))
	fitText(c.next, inner, xh)
	c.next.Move(fyne.NewPos(pad, h-xh))
	c.next.Resize(fyne.NewSize(inner, xh))
}

// layoutFocus places the focus view: the phase row, the countdown, the
// side and the move's name share the whole card.
func (c *card) layoutFocus(w, h, pad float32) {
	inner := w - 2*pad
	rh, sh, nh := h*0.11, h*0.12, h*0.1
	ch := h - rh - sh - nh
	c.bg.Move(fyne.NewPos(0, 0))
	c.bg.Resize(fyne.NewSize(w, rh+ch+sh))
	fitText(c.phase, inner*0.6, rh)
	c.phase.Move(fyne.NewPos(pad, 0))
	c.phase.Resize(fyne.NewSize(inner*0.6, rh))
	fitText(c.setRep, inner*0.4, rh*0.8)
	c.setRep.Move(fyne.NewPos(pad+inner*0.6, rh*0.1))
	c.setRep.Resize(fyne.NewSize(inner*0.4, rh*0.8))
	clockW := c.placeFigure(pad, inner, rh, ch)
	c.clock.Move(fyne.NewPos(pad, rh))
	c.clock.Resize(fyne.NewSize(clockW, ch))
	c.placeMuted(pad, clockW, rh, ch)
	y := rh + ch
	c.layoutSide(pad, inner, y, sh)
	fitText(c.name, inner, nh)
	c.name.Move(fyne.NewPos(pad, y+sh))
	c.name.Resize(fyne.NewSize(inner, nh))
}

// placeMuted puts MUTED in the top right corner of the clock's box (x pad,
// clockW wide, at y, ch high), clear of the figure beside it.
func (c *card) placeMuted(pad, clockW, y, ch float32) {
	mw := min(clockW, max(clockW/3, 1))
	fitText(c.muted, mw, ch*0.14)
	c.muted.Move(fyne.NewPos(pad+clockW-mw, y))
	c.muted.Resize(fyne.NewSize(mw, ch*0.14))
}

// placeFigure puts the figure, when the move has one, in the right part of
// the clock's row at y, ch high: as wide as its pose needs (a figure lying
// on the floor is wide), at most 45 % of the row. It returns the width
// left to the clock.
func (c *card) placeFigure(pad, inner, y, ch float32) float32 {
	if c.figure == nil || !c.figure.Visible() {
		return inner
	}
	aspect := float32(1)
	if f, ok := c.figure.(interface{ Aspect() float32 }); ok {
		aspect = f.Aspect()
	}
	fw := min(inner*0.45, ch*aspect)
	c.figure.Move(fyne.NewPos(pad+inner-fw, y))
	c.figure.Resize(fyne.NewSize(fw, ch))
	return inner - fw - pad
}

// layoutSide places the side word and its arrow in the row at y, sh high.
func (c *card) layoutSide(pad, inner, y, sh float32) {
	fitText(c.side, inner*0.7, max(sh, 1))
	c.side.Move(fyne.NewPos(pad, y))
	c.side.Resize(fyne.NewSize(inner, sh))
	// The arrow sits beside the word, on the side it names.
	tw := fyne.MeasureText(c.side.Text, c.side.TextSize, c.side.TextStyle).Width
	ah := sh * 0.6
	aw := ah * 1.3
	ax := pad + (inner-tw)/2 - aw - pad*2
	if c.arrowTo == schedule.Right {
		ax = pad + (inner+tw)/2 + pad*2
	}
	c.arrow.Move(fyne.NewPos(ax, y+(sh-ah)/2))
	c.arrow.Resize(fyne.NewSize(aw, ah))
}

// fitLower makes the cues and the easier variant fit a height of room
// below the band, taking up to spare from the clock; it returns the height
// taken. The answer is kept for the same question: finding it sets the
// cues' type size twice when they end in the smaller one, and each change
// is a refresh, so a layout run while the window paints (Fyne's own, after
// a text changed its size) would ask for one more frame.
func (c *card) fitLower(width, room, spare float32) float32 {
	q := lowerFit{width: width, room: room, spare: spare, steps: c.steps.Text, easier: c.easier.Text,
		easierShown: c.easier.Visible()}
	if q == c.lowerAsked {
		c.setCueSize(c.lowerSize)
		return c.lowerTaken
	}
	c.lowerAsked = q
	need := func() float32 {
		c.lower.Resize(fyne.NewSize(width, c.lower.Size().Height))
		return c.lower.MinSize().Height
	}
	c.lowerSize = theme.SizeNameText
	c.setCueSize(c.lowerSize)
	n := need()
	switch {
	case n <= room:
		c.lowerTaken = 0
	case n <= room+spare:
		c.lowerTaken = n - room
	default:
		c.lowerSize = theme.SizeNameCaptionText
		c.setCueSize(c.lowerSize)
		c.lowerTaken = min(max(need()-room, 0), spare)
	}
	return c.lowerTaken
}

// lowerFit is what fitLower's answer depends on.
type lowerFit struct {
	width, room, spare float32
	steps, easier      string
	easierShown        bool
}

// setCueSize sets the type of the cues and the easier variant.
func (c *card) setCueSize(n fyne.ThemeSizeName) {
	for _, l := range []*widget.Label{c.steps, c.easier} {
		if l.SizeName != n {
			l.SizeName = n
			l.Refresh()
		}
	}
}

// fitText gives t the largest quantized size at which its text fits a box
// of w × h.
func fitText(t *canvas.Text, w, h float32) {
	const ref = 100
	s := fyne.MeasureText(t.Text, ref, t.TextStyle)
	if s.Width == 0 {
		s.Width = 1
	}
	if s.Height == 0 {
		s.Height = 1
	}
	size := widgets.Quantize(ref * min(w/s.Width, h/s.Height))
	if size != t.TextSize {
		t.TextSize = size
		t.Refresh()
	}
}
