package ui

import (
	"slices"

	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
	"spineroutine/ui/widgets"
)

// offerResume shows "Resume at Side Planks, set 2" / "Start fresh" when
// the journal has an unfinished session of today for this routine.
func (c *controller) offerResume() {
	c.clearResume()
	pos, ok := c.rec.resumePoint(c.days.day)
	if !ok || pos.Routine != c.inuse.r.Source || len(c.inuse.r.Unknown(pos.Moves...)) > 0 || len(pos.Moves) == 0 {
		return
	}
	m, _ := c.inuse.r.Find(pos.Move)
	what := m.Name
	if what == "" {
		what = pos.Move
	}
	if pos.Set > 1 {
		what = lang.L("{{.Move}}, set {{.Set}}", map[string]any{"Move": what, "Set": pos.Set})
	}
	lbl := widget.NewLabel(lang.L("Today's session was interrupted. Resume at {{.Where}}, or start fresh?", map[string]any{"Where": what}))
	lbl.Wrapping = fyne.TextWrapWord
	resume := widgets.NewKeyButton(lang.L("Resume at {{.Where}}", map[string]any{"Where": what}), theme.MediaPlayIcon(), func() { c.Resume(pos) })
	resume.Importance = widget.HighImportance
	fresh := widgets.NewKeyButton(lang.L("Start fresh"), theme.ContentClearIcon(), c.abandonResume)
	c.session.resume = container.NewVBox(lbl, container.NewGridWithColumns(2, resume, fresh))
	c.days.resume = &pos
	c.session.notes.set("resume", c.session.resume)
	c.syncDay()
}

// Resume continues the interrupted session pos at its step.
func (c *controller) Resume(pos position) {
	if !c.screen.Allows(state.ResumeInterrupted) {
		if c.State() == state.StoppedForToday {
			c.session.notes.notice("stopped", lang.L("Stop here. Contact your surgeon or physiotherapist before going on. The session is not resumed today."))
		}
		return
	}
	c.clearResume()
	c.rec.dropPreSession() // a pain check-in given before: its session is not the one resumed
	step := pos.Step
	if plan, err := schedule.NewPlan(c.inuse.r, pos.Moves); err == nil {
		step = resumeStep(plan, pos)
	}
	c.startSession(slices.Clone(pos.Moves), step, pos.Session)
}

// resumeStep is the step of plan where pos stands: its own index when the
// plan is the one interrupted, else (a level changed since, so the moves
// have other sets and reps) the first step of pos's move and set (the
// last set when the move has fewer now), or of its move.
func resumeStep(plan *schedule.Plan, pos position) int {
	if pos.Step >= 0 && pos.Step < len(plan.Steps) {
		if st := plan.Steps[pos.Step]; st.Move == pos.Move && st.Set == pos.Set {
			return pos.Step
		}
	}
	first := -1
	for i, st := range plan.Steps {
		if st.Move != pos.Move {
			continue
		}
		if st.Set == pos.Set || (pos.Set > st.Sets && st.Set == st.Sets) {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	if first >= 0 {
		return first
	}
	return min(max(pos.Step, 0), len(plan.Steps)-1)
}

// abandonResume ends the interrupted session in the journal ("Start
// fresh", or a new session was started).
func (c *controller) abandonResume() {
	if pos := c.days.resume; pos != nil {
		c.clearResume()
		c.rec.abandon(pos.Session)
	}
}

// clearResume takes the offer to resume away.
func (c *controller) clearResume() {
	c.session.notes.clear("resume")
	c.session.resume, c.days.resume = nil, nil
	c.syncDay()
}

// rollover moves the checklist to today if the day changed.
func (c *controller) rollover() {
	if !c.days.turn() {
		return
	}
	c.clearResume()
	c.side.today.reload()
	c.levelsChanged() // a level for one day no longer holds
}
