package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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
	// actions are optional buttons about the move (This hurts), given by
	// the controller: they sit at the right of the move's name, so that
	// they take no height from the form cues.
	actions fyne.CanvasObject
	// actionsOn: the controller shows the actions (a session runs); the
	// focus view hides them all the same.
	actionsOn bool
	// onPhase, if set, is called when the phase or the move shown changes
	// (the figure follows it).
	onPhase func(move string, p Phase)

	// worn: the window wears the phase's colours (appTheme.wear), so the
	// card paints no band and writes the move in the phase's text colour.
	worn      bool
	noEasier  bool // the easier variant is hidden (key E)
	focusView bool // only the band and the move's name (key F)

	shownPhase Phase
	shownMove  string // id of the move shown
	obj        *fyne.Container
	// drawn is what the texts and the layout were last refreshed for.
	drawn cardState
	// The last question fitLower answered, and its answer.
	lowerAsked lowerFit
	lowerSize  fyne.ThemeSizeName
	lowerTaken float32
}

// cardState is what the card's texts and layout depend on, besides its
// size and the countdown (which refreshes itself): refreshTexts redraws
// only when it changes. Most seconds of a session only the countdown
// does, and every refresh costs: a relayout of the card (its texts
// measured, the form cues wrapped) and, for each canvas object refreshed,
// Fyne's check that it runs on the UI goroutine (a stack trace: 6 % of the
// process's CPU while the card refreshed everything every second).
type cardState struct {
	texts                                 [7]string
	colors                                [7]color.Color
	steps, easier                         string
	easierShown, lowerShown, summaryShown bool
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
	c.muted.Text = lang.L("MUTED")
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

// setPhase shows phase p: its word, and its colours (paintPhase).
func (c *card) setPhase(p Phase) {
	if p != c.shownPhase && c.onPhase != nil {
		c.onPhase(c.shownMove, p)
	}
	c.shownPhase = p
	c.phase.Text = p.Word()
	c.paintPhase()
}

// paintPhase paints the band of the phase shown (or, when the window wears
// it, colours the texts only).
func (c *card) paintPhase() {
	pal := palettes[c.shownPhase]
	if c.bg.FillColor != pal.bg {
		c.bg.FillColor = pal.bg
		c.bg.Refresh()
	}
	for _, t := range []*canvas.Text{c.phase, c.setRep, c.side, c.muted} {
		t.Color = pal.fg
	}
	c.clock.SetColor(pal.fg)
	c.arrow.FillColor = pal.fg
	fg := theme.Color(theme.ColorNameForeground)
	if c.worn {
		fg = pal.fg
	}
	for _, t := range []*canvas.Text{c.name, c.focus, c.next} {
		t.Color = fg
	}
}

// setWorn tells the card whether the window wears the colours of its phase
// (then it paints no band of its own).
func (c *card) setWorn(on bool) {
	c.worn = on
	setVisible(c.bg, !on)
	c.paintPhase()
	c.refreshTexts()
}

// toggleEasier hides or shows the easier variant of the move.
func (c *card) toggleEasier() {
	c.noEasier = !c.noEasier
	setVisible(c.easier, !c.noEasier && c.easier.Text != "")
	c.obj.Refresh()
}

// setActions puts o at the right of the move's name (see actions),
// hidden until showActions.
func (c *card) setActions(o fyne.CanvasObject) {
	c.actions = o
	o.Hide()
	c.obj.Add(o)
}

// showActions shows or hides the actions (outside the focus view); it
// reports whether that changed anything.
func (c *card) showActions(on bool) bool {
	if c.actionsOn == on {
		return false
	}
	c.actionsOn = on
	c.applyActions()
	return true
}

// applyActions shows the actions when they are on, outside the focus view.
func (c *card) applyActions() {
	if c.actions != nil {
		setVisible(c.actions, c.actionsOn && !c.focusView)
	}
}

// setFocusView shows the card's focus view: the band (phase, countdown,
// side) and the move's name, as large as the card allows.
func (c *card) setFocusView(on bool) {
	c.focusView = on
	for _, o := range []fyne.CanvasObject{c.focus, c.below, c.next} {
		setVisible(o, !on)
	}
	c.applyActions()
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
		c.name.Text = lang.L("Choose the moves of today's session")
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
		c.setRep.Text = lang.N("{{.Count}} moves", len(moves), counted(len(moves)))
		c.clock.SetRemaining(total)
	}
	c.refreshTexts()
}

// showStop shows the safety stop full size: the stop where the move's
// name goes, why below it, and the one session offered (big3, when the
// routine has the Big 3) on the countdown with its time.
func (c *card) showStop(why string, big3 bigThreeOffer) {
	c.shownMove = ""
	c.setPhase(PhaseIdle)
	c.phase.Text = lang.L("STOP TODAY")
	c.setSide(schedule.NoSide)
	c.summary.Hide()
	c.lower.Show()
	c.name.Text = lang.L("Stop for today")
	c.focus.Text = ""
	c.steps.SetText(why + "\n\n" + lang.L("Numbness, tingling, weakness or sharp pain that spreads can mean a nerve is "+
		"pressed: do not push through it."))
	c.easier.Hide()
	c.next.Text = ""
	c.setRep.Text = ""
	c.clock.SetRemaining(0)
	if big3.ok {
		c.setRep.Text = lang.L("Big 3 at level 1")
		c.clock.SetRemaining(big3.total)
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
	c.next.Text = nextWords(st.Next)
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
// time of exercise on the clock, in the whole seconds the summary says;
// the summary goes below it.
func (c *card) showEnd(st schedule.Status) {
	c.setPhase(PhaseDone)
	if st.State == schedule.Stopped {
		c.phase.Text = lang.L("ENDED")
	}
	c.clock.SetRemaining(exerciseTime(st))
	c.setRep.Text = lang.L("exercise time")
	c.setSide(schedule.NoSide)
	c.name.Text, c.focus.Text, c.next.Text = "", "", ""
	c.lower.Hide()
}

// setRepText is the set/rep line of a step.
func setRepText(s schedule.Step) string {
	d := map[string]any{"Set": s.Set, "Sets": s.Sets, "Rep": s.Rep, "Reps": s.Reps}
	set := s.Sets > 1 && s.Set > 0
	switch s.Kind {
	case schedule.Work:
		if set {
			return lang.L("Set {{.Set}} of {{.Sets}} · Rep {{.Rep}} of {{.Reps}}", d)
		}
		return lang.L("Rep {{.Rep}} of {{.Reps}}", d)
	case schedule.Gap, schedule.Switch:
		return lang.L("Next: rep {{.Rep}} of {{.Reps}}", d)
	case schedule.BetweenSets:
		return lang.L("Next: set {{.Set}} of {{.Sets}}", d)
	default: // get ready, rest
		if s.Sets > 1 {
			return lang.N("{{.Count}} sets", s.Sets, counted(s.Sets))
		}
		return ""
	}
}

// nextWords is the line about the next move: "Up next: Side Planks", or
// "Last move".
func nextWords(next *routine.Move) string {
	if next == nil {
		return lang.L("Last move")
	}
	return lang.L("Up next: {{.Name}}", map[string]any{"Name": next.Name})
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
	switch {
	case m.Easier != "" && m.EasierVariant():
		// Today's level is the easier variant: always shown.
		c.easier.SetText(lang.L("Today, the easier variant: {{.Easier}}", map[string]any{"Easier": m.Easier}))
		c.easier.Show()
	case m.Easier != "":
		c.easier.SetText(lang.L("Easier: {{.Easier}}", map[string]any{"Easier": m.Easier}))
		setVisible(c.easier, !c.noEasier)
	default:
		c.easier.Hide()
	}
	c.next.Text = nextWords(next)
}

// describeDose is the focus, level and dosage line: "stability · Level 3
// of 6 · 3 sets · 5-3-1 reps · hold 10 s".
func describeDose(m routine.Move) string {
	parts := []string{focusWord(m.Focus)}
	if lv := levelHeading(m); lv != "" {
		parts = append(parts, lv)
	}
	if n := m.Sets(); n > 1 {
		parts = append(parts, lang.N("{{.Count}} sets", n, counted(n)))
	}
	// The plural follows the most reps of a set: "5-3-1 reps", "1 rep".
	most := slices.Max(append([]int{0}, m.Reps...))
	d := map[string]any{"Reps": m.SetReps()}
	if m.Sides != routine.NoSides {
		parts = append(parts, lang.N("{{.Reps}} reps per side", most, d))
	} else {
		parts = append(parts, lang.N("{{.Reps}} reps", most, d))
	}
	if m.Tempo == nil {
		parts = append(parts, lang.L("hold {{.Time}}", map[string]any{"Time": secondsWords(m.Hold)}))
	} else {
		parts = append(parts, lang.L("{{.Time}} a rep", map[string]any{"Time": secondsWords(m.RepDuration())}))
	}
	return strings.Join(parts, " · ")
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
		c.side.Text = lang.L("LEFT")
		c.arrow.Points = leftArrow
	case schedule.Right:
		c.side.Text = lang.L("RIGHT")
		c.arrow.Points = rightArrow
	default:
		c.side.Text = ""
	}
	setVisible(c.arrow, c.side.Text != "")
	if c.arrow.Visible() {
		c.arrow.Refresh()
	}
}

// refreshTexts redraws the canvas texts that changed and lays the card out
// again, when anything it shows besides the countdown changed.
func (c *card) refreshTexts() {
	texts := [...]*canvas.Text{c.phase, c.setRep, c.side, c.name, c.focus, c.next, c.muted}
	st := cardState{steps: c.steps.Text, easier: c.easier.Text, easierShown: c.easier.Visible(),
		lowerShown: c.lower.Visible(), summaryShown: c.summary.Visible()}
	for i, t := range texts {
		st.texts[i], st.colors[i] = t.Text, t.Color
	}
	if st == c.drawn {
		return
	}
	for i, t := range texts {
		if st.texts[i] != c.drawn.texts[i] || st.colors[i] != c.drawn.colors[i] {
			t.Refresh()
		}
	}
	c.drawn = st
	c.obj.Refresh()
}
