package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/widgets"
)

// moveIDs returns the ids of a plan's moves.
func moveIDs(p *schedule.Plan) []string {
	ids := make([]string, len(p.Moves))
	for i, m := range p.Moves {
		ids[i] = m.ID
	}
	return ids
}

// startChosen starts a session of the moves chosen on the checklist.
func (c *controller) startChosen() {
	ids := c.list.selection()
	if len(ids) == 0 {
		c.notice("choose", "Choose at least one move to start.")
		return
	}
	c.clearNotice("choose")
	if c.functionScale().offer(c.startChosen) { // the weekly ratings first
		return
	}
	c.abandonResume()
	c.startSession(ids, -1, "")
}

// startSession starts a session of ids at step (-1: from the start),
// continuing journal session resumeID when not empty.
func (c *controller) startSession(ids []string, step int, resumeID string) {
	c.loadVoicesNow()
	plan, err := schedule.NewPlan(c.r, ids)
	if err != nil {
		c.notice("plan", "Cannot start: "+err.Error())
		return
	}
	c.flagged = nil
	c.clearNotice("hurt")
	c.run.open(plan, resumeID)
	c.painBefore.hide()
	c.summaryOn = false
	c.setNoBlanking(true)
	c.win.Canvas().Unfocus()
	c.main.showSession()
	c.run.begin(step)
	c.refresh()
}

// sessionOver runs on the UI goroutine once the session has finished or
// was stopped.
func (c *controller) sessionOver(st schedule.Status) {
	c.setNoBlanking(false)
	c.showSummary(st)
	c.updateToday()
	c.refreshHistory()
}

// startToday starts the moves chosen on Today (by default those not done
// yet), unless a session is under way; after a session it goes back to the
// checklist first.
func (c *controller) startToday() {
	if c.running() {
		return
	}
	if c.run.active() {
		c.ReturnToChecklist()
	}
	c.StartPause()
}

// ReturnToChecklist leaves the summary for the idle checklist.
func (c *controller) ReturnToChecklist() {
	if c.running() {
		return
	}
	c.run.clear()
	c.summaryOn = false
	c.rollover()
	c.showIdle()
	c.main.showChecklist()
}

// closed stops a running session when the window closes; the journal keeps
// its position so that the next launch offers to resume.
func (c *controller) closed() {
	c.saveWindow()
	if c.stopMidnight != nil {
		c.stopMidnight()
	}
	c.rec.dropPreSession()
	if c.run.close() {
		c.setNoBlanking(false)
	}
}

// running reports whether a session is under way (running or paused).
func (c *controller) running() bool { return c.run.running() }

// showEvent shows an event of the running session (UI goroutine); saved
// is false when the journal could not write it.
func (c *controller) showEvent(ev schedule.Event, saved bool) {
	if ev.Kind != schedule.CueDue {
		c.flash.expire(ev.At)
	}
	switch ev.Kind {
	case schedule.CueDue:
		c.cueFlash(ev.Cue.Kind, ev.At)
	case schedule.MoveCompleted:
		if saved {
			c.list.markDone(ev.Move) // else it is ticked once saved (recorder.retryPending)
		}
	case schedule.Finished, schedule.Stopped:
		c.sessionOver(ev.Status)
		return
	}
	c.show(ev.Status)
}

// refresh shows the session's status now (after a control).
func (c *controller) refresh() {
	if c.run.active() {
		c.show(c.run.status())
	}
}

// dayText is the checklist's day, e.g. "Monday 23 November".
func (c *controller) dayText() string {
	y, m, d := c.day.Date()
	return time.Date(y, m, d, 12, 0, 0, 0, time.Local).Format("Monday 2 January")
}

// showIdle shows the card of the first chosen move with the total time of
// the choice on the clock, ready to start.
func (c *controller) showIdle() {
	if c.list == nil || c.card == nil || c.run.active() {
		return
	}
	ids := c.list.selection()
	moves := c.r.Select(ids...)
	var first *routine.Move
	if len(moves) > 0 {
		first = &moves[0]
	}
	c.figure.showStart(first)
	c.card.showIdle(moves, c.r.Duration(ids...))
	c.wearPhase()
	c.progress.SetValue(0)
	c.setTimeLeft("")
	c.win.SetTitle(Title)
	c.setStartLabel("Start", theme.MediaPlayIcon())
	c.enableSessionButtons(false)
}

// show draws a session status on the card, the progress bar and the title.
func (c *controller) show(st schedule.Status) {
	if !c.run.active() || c.summaryOn {
		return
	}
	c.last = st
	switch st.State {
	case schedule.Finished, schedule.Stopped:
		return // the summary comes with the Finished / Stopped event
	}
	plan := c.run.plan()
	m := plan.Moves[min(max(st.Step.MoveIndex, 0), len(plan.Moves)-1)]
	left, tempo := clockOf(plan, st, m)
	c.figure.show(st, m)
	c.card.showStatus(st, m, left, tempo)
	c.wearPhase()
	c.progress.SetValue(st.Progress)
	c.setTimeLeft(widgets.FormatClock(st.Remaining) + " left")
	c.win.SetTitle(fmt.Sprintf("%s · %s — %s", widgets.FormatClock(st.StepRemaining), m.Name, Title))
	if st.State == schedule.Paused {
		c.setStartLabel("Resume", theme.MediaPlayIcon())
	} else {
		c.setStartLabel("Pause", theme.MediaPauseIcon())
	}
	c.enableSessionButtons(true)
}

// clockOf is what the card's clock shows for st: the time left in the
// step, or during the reps of a moving move the time left in the move,
// with the word of the rep's tempo phase.
func clockOf(plan *schedule.Plan, st schedule.Status, m routine.Move) (time.Duration, string) {
	s := st.Step
	if m.Tempo == nil || s.Kind != schedule.Work || st.Preroll || st.State != schedule.Running {
		return st.StepRemaining, ""
	}
	end := s.End()
	for _, x := range plan.Steps[s.Index:] {
		if x.MoveIndex == s.MoveIndex {
			end = x.End()
		}
	}
	left := st.Remaining - (plan.Total - end)
	e := s.Dur - st.StepRemaining
	for i, p := range s.Phases {
		if e < p {
			return left, tempoWord(i, len(s.Phases))
		}
		e -= p
	}
	return left, tempoWord(len(s.Phases)-1, len(s.Phases))
}

// tempoWord names phase i of a rep of n phases: the routine does not say
// which way a move goes, so the words say move, pause and return.
func tempoWord(i, n int) string {
	switch {
	case i == 0:
		return "MOVE"
	case i == n-1:
		return "RETURN"
	case n == 3:
		return "PAUSE"
	}
	return fmt.Sprintf("PHASE %d", i+1)
}

// showSummary replaces the card by the summary of the session that ended.
func (c *controller) showSummary(st schedule.Status) {
	c.last = st
	c.summaryOn = true
	c.figure.hide()
	c.card.showEnd(st)
	c.wearPhase()
	c.summary.show(c.summaryText(st))
	c.painAfter.reset()
	c.card.summary.Show()
	c.card.refreshTexts()
	c.progress.SetValue(st.Progress)
	c.setTimeLeft("")
	c.win.SetTitle("Done — " + Title)
	c.setStartLabel("Checklist", theme.ListIcon())
	c.enableSessionButtons(false)
	c.reloadDone()
}

func (s *sessionScreen) setTimeLeft(text string) {
	s.timeLeft.Text = text
	s.timeLeft.Color = theme.Color(theme.ColorNameForeground)
	s.timeLeft.Refresh()
}

func (c *controller) setStartLabel(text string, icon fyne.Resource) {
	for _, b := range []*widgets.KeyButton{c.controls.startPause, c.list.start} {
		if b.Text != text {
			b.SetText(text)
			b.SetIcon(icon)
		}
	}
}

// enableSessionButtons enables the controls that need a running session.
func (s *sessionScreen) enableSessionButtons(on bool) {
	b := s.controls
	if s.card.showActions(on) {
		s.cardArea.Refresh()
	}
	for _, b := range []*widgets.KeyButton{b.back, b.skip, b.addTime, b.stop} {
		if on && b.Disabled() {
			b.Enable()
		} else if !on && !b.Disabled() {
			b.Disable()
		}
	}
}
