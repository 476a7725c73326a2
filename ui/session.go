package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
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
	c.session.clearNotice("choose")
	if c.plan.function.offer(c.startChosen) { // the weekly ratings first
		return
	}
	c.abandonResume()
	c.startSession(ids, -1, "")
}

// startSession starts a session of ids at step (-1: from the start),
// continuing journal session resumeID when not empty.
func (c *controller) startSession(ids []string, step int, resumeID string) {
	c.sound.loadOnce(c.inuse.base)
	plan, err := schedule.NewPlan(c.inuse.r, ids)
	if err != nil {
		c.notice("plan", "Cannot start: "+err.Error())
		return
	}
	c.flagged = nil
	c.session.clearNotice("hurt")
	c.run.open(plan, resumeID)
	c.session.painBefore.hide()
	if c.plan != nil {
		c.plan.relayout()
	}
	c.screen.Fire(state.Started)
	c.setNoBlanking(true)
	c.win.Canvas().Unfocus()
	c.session.main.showSession()
	c.run.begin(step)
	c.refresh()
}

// sessionOver runs on the UI goroutine once the session has finished or
// was stopped.
func (c *controller) sessionOver(st schedule.Status) {
	c.session.clearNotice("hurt") // its offer is about the session that ended
	c.setNoBlanking(false)
	c.screen.Fire(state.Ended)
	c.showSummary(st)
	c.plan.update()
	c.refreshHistory()
}

// startToday starts the moves chosen on Today (by default those not done
// yet), unless a session is under way; after a session it goes back to the
// checklist first.
func (c *controller) startToday() {
	switch c.State() {
	case state.Running, state.Paused:
		return
	case state.Summary:
		c.ReturnToChecklist()
	}
	c.StartPause()
}

// ReturnToChecklist leaves the summary for the idle checklist.
func (c *controller) ReturnToChecklist() {
	if !c.allows(state.ReturnToList) {
		return
	}
	c.run.clear()
	c.screen.Fire(state.Returned)
	c.rollover()
	c.showIdle()
	c.session.main.showChecklist()
}

// closed stops a running session when the window closes; the journal keeps
// its position so that the next launch offers to resume.
func (c *controller) closed() {
	c.saveWindow()
	if c.stopMidnight != nil {
		c.stopMidnight()
	}
	c.rec.dropPreSession()
	c.session.remote.close()
	if c.run.close() {
		c.setNoBlanking(false)
	}
	c.screen.Fire(state.Dropped)
}

// showEvent shows an event of the running session (UI goroutine); saved
// is false when the journal could not write it.
func (c *controller) showEvent(ev schedule.Event, saved bool) {
	if ev.Kind != schedule.CueDue {
		c.session.flash.expire(ev.At)
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
	if live := c.run.status(); live.State != ev.Status.State {
		// Paused or resumed since the event was due (it reaches the window
		// after its journal write, which can take seconds on a busy disk):
		// its status would show the session running while it is paused.
		c.follow(live)
		c.show(live)
		return
	}
	c.follow(ev.Status)
	c.show(ev.Status)
}

// refresh shows the session's status now (after a control).
func (c *controller) refresh() {
	if c.State().UnderWay() {
		st := c.run.status()
		c.follow(st)
		c.show(st)
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
	if c.list == nil || c.session.card == nil || !c.State().Idle() {
		return
	}
	if c.State() == state.StoppedForToday {
		c.session.figure.showStart(nil)
		c.session.card.showStop(c.plan.advised.SafetyWhy, c.plan.bigThree())
	} else {
		ids := c.list.selection()
		moves := c.inuse.r.Select(ids...)
		var first *routine.Move
		if len(moves) > 0 {
			first = &moves[0]
		}
		c.session.figure.showStart(first)
		c.session.card.showIdle(moves, c.inuse.r.Duration(ids...))
	}
	c.wearPhase()
	c.session.progress.SetValue(0)
	c.session.setTimeLeft("")
	c.win.SetTitle(Title)
	c.showControls()
	c.session.remote.update()
}

// show draws a session status on the card, the progress bar and the title.
func (c *controller) show(st schedule.Status) {
	if !c.State().UnderWay() {
		return
	}
	c.last = st
	c.session.remote.update()
	switch st.State {
	case schedule.Finished, schedule.Stopped:
		return // the summary comes with the Finished / Stopped event
	}
	plan := c.run.plan()
	m := plan.Moves[min(max(st.Step.MoveIndex, 0), len(plan.Moves)-1)]
	left, tempo := clockOf(plan, st, m)
	c.session.figure.show(st, m)
	c.session.card.showStatus(st, m, left, tempo)
	c.wearPhase()
	c.session.progress.SetValue(st.Progress)
	c.session.setTimeLeft(widgets.FormatClock(st.Remaining) + " left")
	c.win.SetTitle(fmt.Sprintf("%s · %s — %s", widgets.FormatClock(st.StepRemaining), m.Name, Title))
	c.showControls()
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
	c.session.remote.update()
	c.session.figure.hide()
	c.session.card.showEnd(st)
	c.wearPhase()
	c.session.summary.show(c.summaryText(st))
	c.session.painAfter.reset()
	c.session.card.summary.Show()
	c.session.card.refreshTexts()
	c.session.progress.SetValue(st.Progress)
	c.session.setTimeLeft("")
	c.win.SetTitle("Done — " + Title)
	c.showControls()
	c.reloadDone()
}

func (s *sessionScreen) setTimeLeft(text string) {
	s.timeLeft.Text = text
	s.timeLeft.Color = theme.Color(theme.ColorNameForeground)
	s.timeLeft.Refresh()
}

// setStartLabel labels the big button in the bar under the card (bar) and
// the checklist's (list), when they read otherwise.
func (c *controller) setStartLabel(bar, list string, icon fyne.Resource) {
	for _, b := range []struct {
		b    *widgets.KeyButton
		text string
	}{{c.session.controls.startPause, bar}, {c.list.start, list}} {
		if b.b.Text != b.text {
			b.b.SetText(b.text)
			b.b.SetIcon(icon)
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
