package ui

import (
	"time"

	"spineroutine/internal/figure"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/widgets"
)

// figureView keeps the card's figure in step with the session: the figure
// of the move shown, on the side of the step, in the pose of the tempo
// phase under way (moved there at the phase's tick, in two poses: the
// second comes with the status shown next, the countdown's next second),
// the held pose during a hold and the start pose between reps and before
// the move. It changes the widget only when the pose does.
type figureView struct {
	lib *figure.Library
	w   *widgets.Figure

	// The figure on the widget: its move, side and frame.
	move  string
	right bool
	fig   *figure.Figure
	frame figure.Rect
	// movedAt is the session's time left when the move under way began.
	movedAt time.Duration
}

func newFigureView(lib *figure.Library) *figureView {
	w := widgets.NewFigure()
	w.Hide()
	return &figureView{lib: lib, w: w}
}

// showStart shows the start pose of move m, or nothing when m is nil or
// has no figure (the idle card).
func (v *figureView) showStart(m *routine.Move) {
	if m == nil {
		v.hide()
		return
	}
	if !v.use(*m, false) {
		return
	}
	v.w.MoveTo(v.fig.Start)
}

// show shows the pose of a session's status; m is the move of its step.
func (v *figureView) show(st schedule.Status, m routine.Move) {
	if st.State != schedule.Running && st.State != schedule.Paused {
		v.hide()
		return
	}
	step := st.Step
	// A move begun at an earlier instant ends in this frame (the events
	// of one instant, a cue and its second, come one after the other).
	if st.Remaining != v.movedAt {
		v.w.Settle()
	}
	if !v.use(m, step.Side == schedule.Right) {
		return
	}
	to := v.fig.Start // between reps, before and after the move
	if step.Kind == schedule.Work && !st.Preroll {
		phases := step.Phases
		if phases == nil {
			phases = []time.Duration{step.Dur} // a hold: one phase
		}
		to = v.fig.At(phases, step.Dur-st.StepRemaining).To
	}
	moving := v.w.Animating()
	v.w.MoveTo(to)
	if !moving && v.w.Animating() {
		v.movedAt = st.Remaining
	}
}

// use puts the figure of move m on the widget, for the right side or not;
// false when m has none (the widget is hidden). A new move or a side seen
// mirrored is drawn at once, in its own frame, in its start pose.
func (v *figureView) use(m routine.Move, right bool) bool {
	f := v.lib.Figure(m.Figure)
	if f == nil {
		v.hide()
		return false
	}
	if m.ID == v.move && right == v.right && v.fig != nil {
		return true
	}
	if right {
		f = f.Right()
	}
	if m.ID != v.move {
		v.frame = f.Frame()
	}
	mirrored := v.fig != nil && v.fig.Start.Mirrored != f.Start.Mirrored
	newMove := m.ID != v.move
	v.move, v.right, v.fig = m.ID, right, f
	if newMove || mirrored || !v.w.Visible() {
		v.w.Jump(v.frame, f.Start)
	}
	v.w.Show()
	return true
}

// hide shows no figure (a move without one, or the end of a session).
func (v *figureView) hide() {
	v.move, v.fig = "", nil
	v.w.Clear()
	v.w.Hide()
}
