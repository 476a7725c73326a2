package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/widgets"
)

// card is the exercise card: a coloured band with the phase word, the
// set/rep line, the giant countdown and the side, then the move's name,
// focus, form cues, easier variant and what comes next.
type card struct {
	bg      *canvas.Rectangle
	phase   *canvas.Text // "WORK"
	setRep  *canvas.Text // "Set 2 of 3 · Rep 4 of 6"
	clock   *widgets.Countdown
	side    *canvas.Text             // "LEFT"
	arrow   *canvas.ArbitraryPolygon // points to the side (drawn: fonts may lack arrows)
	arrowTo schedule.Side
	name    *canvas.Text // "Bird Dogs"
	focus   *canvas.Text // "stability · hold 10 s"
	steps   *widget.Label
	easier  *widget.Label
	next    *canvas.Text // "Up next: Side Planks"
	lower   *fyne.Container
	below   fyne.CanvasObject // the scrolled area of the steps or the summary
	summary *fyne.Container   // replaces the steps at the end of a session
	muted   *canvas.Text      // "MUTED", large, while the sound is muted

	// figure is an optional picture of the move, given by the controller;
	// it shares the band with the countdown.
	figure fyne.CanvasObject
	// onPhase, if set, is called when the phase or the move shown changes
	// (the figure follows it).
	onPhase func(move string, p Phase)

	noEasier  bool // the easier variant is hidden (key E)
	focusView bool // only the band and the move's name (key F)

	shownPhase Phase
	shownMove  string // id of the move shown
	obj        *fyne.Container
}

// newCard builds the card; figure (may be nil) is a picture of the move
// shown beside the countdown.
func newCard(figure fyne.CanvasObject) *card {
	c := &card{
		figure: figure,
		bg:     canvas.NewRectangle(palettes[PhaseIdle].bg),
		phase:  bigText(true),
		setRep: bigText(false),
		clock:  widgets.NewCountdown(),
		side:   bigText(true),
		name:   bigText(true),
		focus:  bigText(false),
		steps:  widget.NewLabel(""),
		easier: widget.NewLabel(""),
		next:   bigText(false),
		muted:  bigText(true),
	}
	c.muted.Text = "MUTED"
	c.muted.Alignment = fyne.TextAlignTrailing
	c.muted.Hide()
	c.arrow = canvas.NewArbitraryPolygon(nil, lightText)
	c.arrow.NormalizedPoints = true
	c.arrow.Hide()
	c.setRep.Alignment = fyne.TextAlignTrailing
	c.side.Alignment = fyne.TextAlignCenter
	c.steps.Wrapping = fyne.TextWrapWord
	c.easier.Wrapping = fyne.TextWrapWord
	c.easier.TextStyle = fyne.TextStyle{Italic: true}
	c.summary = container.NewVBox()
	c.summary.Hide()
	c.lower = container.NewVBox(c.steps, c.easier)
	c.below = container.NewVScroll(container.NewStack(c.lower, c.summary))
	c.obj = container.New(&cardLayout{c: c}, c.bg, c.phase, c.setRep, c.clock, c.side,
		c.name, c.focus, c.below, c.next, c.arrow, c.muted)
	if figure != nil {
		c.obj.Add(figure)
	}
	c.setPhase(PhaseIdle)
	return c
}

func bigText(bold bool) *canvas.Text {
	t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	t.TextStyle = fyne.TextStyle{Bold: bold}
	return t
}

// setPhase paints the band of a phase.
func (c *card) setPhase(p Phase) {
	pal := palettes[p]
	if p != c.shownPhase && c.onPhase != nil {
		c.onPhase(c.shownMove, p)
	}
	c.shownPhase = p
	c.bg.FillColor = pal.bg
	c.bg.Refresh()
	for _, t := range []*canvas.Text{c.phase, c.setRep, c.side, c.muted} {
		t.Color = pal.fg
	}
	c.phase.Text = p.Word()
	c.clock.SetColor(pal.fg)
	c.arrow.FillColor = pal.fg
	fg := theme.Color(theme.ColorNameForeground)
	for _, t := range []*canvas.Text{c.name, c.focus, c.next} {
		t.Color = fg
	}
}

// toggleEasier hides or shows the easier variant of the move.
func (c *card) toggleEasier() {
	c.noEasier = !c.noEasier
	setVisible(c.easier, !c.noEasier && c.easier.Text != "")
	c.obj.Refresh()
}

// setFocusView shows the card's focus view: the band (phase, countdown,
// side) and the move's name, as large as the card allows.
func (c *card) setFocusView(on bool) {
	c.focusView = on
	for _, o := range []fyne.CanvasObject{c.focus, c.below, c.next} {
		setVisible(o, !on)
	}
	c.obj.Refresh()
}

// setMuted shows or hides the large MUTED on the band.
func (c *card) setMuted(on bool) {
	setVisible(c.muted, on)
	c.obj.Refresh()
}

// showIdle shows the first of the chosen moves and the total time of the
// choice, ready to start.
func (c *card) showIdle(moves []routine.Move, total time.Duration) {
	c.shownMove = ""
	c.setPhase(PhaseIdle)
	c.setSide(schedule.NoSide)
	c.summary.Hide()
	c.lower.Show()
	if len(moves) == 0 {
		c.name.Text = "Choose the moves of today's session"
		c.focus.Text, c.setRep.Text, c.next.Text = "", "", ""
		c.steps.SetText("")
		c.easier.Hide()
		c.clock.SetRemaining(0)
	} else {
		var next *routine.Move
		if len(moves) > 1 {
			next = &moves[1]
		}
		c.showMove(moves[0], next)
		c.setRep.Text = plural(len(moves), "move", "moves")
		c.clock.SetRemaining(total)
	}
	c.refreshTexts()
}

// showStatus shows a running or paused session's status; m is the move of
// its step, left the time on the clock and tempo the word of the tempo
// phase of a moving rep ("" for none).
func (c *card) showStatus(st schedule.Status, m routine.Move, left time.Duration, tempo string) {
	if c.shownMove != m.ID {
		c.shownMove = m.ID
		c.showMove(m, st.Next)
	}
	c.setPhase(phaseOf(st))
	if tempo != "" {
		c.phase.Text += " · " + tempo
	}
	if st.Next != nil {
		c.next.Text = "Up next: " + st.Next.Name
	} else {
		c.next.Text = "Last move"
	}
	c.setRep.Text = setRepText(st.Step)
	switch st.Step.Kind {
	case schedule.Work, schedule.Gap, schedule.Switch:
		c.setSide(st.Step.Side)
	default:
		c.setSide(schedule.NoSide)
	}
	c.clock.SetRemaining(left)
	c.refreshTexts()
}

// showEnd turns the band to the end of a session: DONE or ENDED and the
// time of exercise on the clock; the summary goes below it.
func (c *card) showEnd(st schedule.Status) {
	c.setPhase(PhaseDone)
	if st.State == schedule.Stopped {
		c.phase.Text = "ENDED"
	}
	c.clock.SetRemaining(st.Active)
	c.setRep.Text = "exercise time"
	c.setSide(schedule.NoSide)
	c.name.Text, c.focus.Text, c.next.Text = "", "", ""
	c.lower.Hide()
}

// setRepText is the set/rep line of a step.
func setRepText(s schedule.Step) string {
	set := ""
	if s.Sets > 1 && s.Set > 0 {
		set = fmt.Sprintf("Set %d of %d", s.Set, s.Sets)
	}
	switch s.Kind {
	case schedule.Work:
		if set != "" {
			return fmt.Sprintf("%s · Rep %d of %d", set, s.Rep, s.Reps)
		}
		return fmt.Sprintf("Rep %d of %d", s.Rep, s.Reps)
	case schedule.Gap, schedule.Switch:
		return fmt.Sprintf("Next: rep %d of %d", s.Rep, s.Reps)
	case schedule.BetweenSets:
		return fmt.Sprintf("Next: set %d of %d", s.Set, s.Sets)
	default: // get ready, rest
		if s.Sets > 1 {
			return fmt.Sprintf("%d sets", s.Sets)
		}
		return ""
	}
}

// showMove fills the move's part of the card.
func (c *card) showMove(m routine.Move, next *routine.Move) {
	c.name.Text = m.Name
	c.focus.Text = describeDose(m)
	var b strings.Builder
	for i, s := range m.Steps {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%d. %s", i+1, s)
	}
	c.steps.SetText(b.String())
	if m.Easier != "" {
		c.easier.SetText("Easier: " + m.Easier)
		setVisible(c.easier, !c.noEasier)
	} else {
		c.easier.Hide()
	}
	if next != nil {
		c.next.Text = "Up next: " + next.Name
	} else {
		c.next.Text = "Last move"
	}
}

// describeDose is the focus and dosage line: "stability · 3 sets · hold 10 s".
func describeDose(m routine.Move) string {
	parts := []string{string(m.Focus)}
	if n := m.Sets(); n > 1 {
		parts = append(parts, fmt.Sprintf("%d sets", n))
	}
	reps := make([]string, len(m.Reps))
	for i, r := range m.Reps {
		reps[i] = fmt.Sprint(r)
	}
	perSide := ""
	if m.Sides != routine.NoSides {
		perSide = " per side"
	}
	unit := " reps"
	if len(m.Reps) == 1 && m.Reps[0] == 1 {
		unit = " rep"
	}
	parts = append(parts, strings.Join(reps, "-")+unit+perSide)
	if m.Tempo == nil {
		parts = append(parts, "hold "+seconds(m.Hold))
	} else {
		parts = append(parts, seconds(m.RepDuration())+" a rep")
	}
	return strings.Join(parts, " · ")
}

// seconds formats a duration as "10 s" or "1.5 s".
func seconds(d time.Duration) string {
	s := d.Seconds()
	if s == float64(int64(s)) {
		return fmt.Sprintf("%d s", int64(s))
	}
	return fmt.Sprintf("%.1f s", s)
}

// Arrow shapes, clockwise, in the arrow's box (0..1).
var (
	leftArrow = []fyne.Position{{X: 0, Y: 0.5}, {X: 0.5, Y: 0}, {X: 0.5, Y: 0.3}, {X: 1, Y: 0.3},
		{X: 1, Y: 0.7}, {X: 0.5, Y: 0.7}, {X: 0.5, Y: 1}}
	rightArrow = []fyne.Position{{X: 1, Y: 0.5}, {X: 0.5, Y: 1}, {X: 0.5, Y: 0.7}, {X: 0, Y: 0.7},
		{X: 0, Y: 0.3}, {X: 0.5, Y: 0.3}, {X: 0.5, Y: 0}}
)

// setSide writes the side large, with an arrow pointing to it.
func (c *card) setSide(s schedule.Side) {
	c.arrowTo = s
	switch s {
	case schedule.Left:
		c.side.Text = "LEFT"
		c.arrow.Points = leftArrow
	case schedule.Right:
		c.side.Text = "RIGHT"
		c.arrow.Points = rightArrow
	default:
		c.side.Text = ""
	}
	setVisible(c.arrow, c.side.Text != "")
	c.arrow.Refresh()
}

// refreshTexts redraws the canvas texts after a change.
func (c *card) refreshTexts() {
	for _, t := range []*canvas.Text{c.phase, c.setRep, c.side, c.name, c.focus, c.next, c.muted} {
		t.Refresh()
	}
	c.obj.Refresh()
}

// cardLayout places the card's parts by fractions of its height (like a
// slide): the countdown gets 52 % of the card, which is over 40 % of the
// window at any size, and the texts get the largest quantized size that
// fits their row.
type cardLayout struct {
	c *card
}

// Row heights as fractions of the card height.
const (
	rowPhase  = 0.09
	rowClock  = 0.52
	rowSide   = 0.09
	rowName   = 0.07
	rowFocus  = 0.04
	rowNext   = 0.05
	bandShare = rowPhase + rowClock + rowSide
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

	c.bg.Move(fyne.NewPos(0, 0))
	c.bg.Resize(fyne.NewSize(w, h*bandShare))

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
	// form cues down to 36 % of the window.
	ch := h * rowClock
	floor := ch
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.obj); cv != nil {
		wh := cv.Size().Height
		ch = min(max(ch, 0.42*wh), 0.65*h)
		floor = min(0.36*wh, ch)
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
	clockW := inner
	if c.figure != nil {
		// The figure takes the right part of the clock's row.
		fw := min(inner*0.4, ch)
		clockW = inner - fw - pad
		c.figure.Move(fyne.NewPos(pad+clockW+pad, y))
		c.figure.Resize(fyne.NewSize(fw, ch))
	}
	c.clock.Move(fyne.NewPos(pad, y))
	c.clock.Resize(fyne.NewSize(clockW, ch))
	// MUTED sits in the corner of the band under the set/rep line.
	fitText(c.muted, inner/3, ch*0.14)
	c.muted.Move(fyne.NewPos(pad+inner*2/3, y))
	c.muted.Resize(fyne.NewSize(inner/3, ch*0.14))
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
	fitText(c.name, inner, nh)
	c.name.Move(fyne.NewPos(pad, y))
	c.name.Resize(fyne.NewSize(inner, nh))
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
	clockW := inner
	if c.figure != nil {
		fw := min(inner*0.4, ch)
		clockW = inner - fw - pad
		c.figure.Move(fyne.NewPos(pad+clockW+pad, rh))
		c.figure.Resize(fyne.NewSize(fw, ch))
	}
	c.clock.Move(fyne.NewPos(pad, rh))
	c.clock.Resize(fyne.NewSize(clockW, ch))
	fitText(c.muted, inner/3, ch*0.14)
	c.muted.Move(fyne.NewPos(pad+inner*2/3, rh))
	c.muted.Resize(fyne.NewSize(inner/3, ch*0.14))
	y := rh + ch
	c.layoutSide(pad, inner, y, sh)
	fitText(c.name, inner, nh)
	c.name.Move(fyne.NewPos(pad, y+sh))
	c.name.Resize(fyne.NewSize(inner, nh))
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
// taken.
func (c *card) fitLower(width, room, spare float32) float32 {
	need := func() float32 {
		c.lower.Resize(fyne.NewSize(width, c.lower.Size().Height))
		return c.lower.MinSize().Height
	}
	c.setCueSize(theme.SizeNameText)
	n := need()
	if n <= room {
		return 0
	}
	if n <= room+spare {
		return n - room
	}
	c.setCueSize(theme.SizeNameCaptionText)
	return min(max(need()-room, 0), spare)
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
