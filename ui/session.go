package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

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
	ids := c.side.today.list.selection()
	if len(ids) == 0 {
		c.session.notes.notice("choose", lang.L("Choose at least one move to start."))
		return
	}
	c.session.notes.clear("choose")
	if c.side.today.plan.function.offer(c.startChosen) { // the weekly ratings first
		return
	}
	c.abandonResume()
	c.startSession(ids, -1, "")
}

// startSession starts a session of ids at step (-1: from the start),
// continuing journal session resumeID when not empty.
func (c *controller) startSession(ids []string, step int, resumeID string) {
	c.session.sound.loadOnce(c.inuse.base)
	plan, err := schedule.NewPlan(c.inuse.r, ids)
	if err != nil {
		c.session.notes.notice("plan", lang.L("Cannot start: {{.Error}}", map[string]any{"Error": err.Error()}))
		return
	}
	c.session.open(plan, resumeID)
	if c.side.today.plan != nil {
		c.side.today.plan.relayout()
	}
	c.screen.Fire(state.Started)
	c.session.begin(step)
}

// open opens a session of plan, continuing journal session resumeID when
// not empty.
func (s *sessionScreen) open(plan *schedule.Plan, resumeID string) {
	s.flagged = nil
	s.notes.clear("hurt")
	s.run.open(plan, resumeID)
	s.painBefore.hide()
}

// begin runs the session opened at step (-1: from the start) and shows it.
func (s *sessionScreen) begin(step int) {
	s.setNoBlanking(true)
	s.frame.Canvas().Unfocus()
	s.main.showSession()
	s.run.begin(step)
	s.refresh()
}

// sessionOver runs on the UI goroutine once the session has finished or
// was stopped.
func (c *controller) sessionOver(st schedule.Status) {
	c.session.notes.clear("hurt") // its offer is about the session that ended
	c.session.setNoBlanking(false)
	c.screen.Fire(state.Ended)
	c.session.showSummary(st)
	c.side.today.reload()
	c.side.today.plan.update()
	c.side.history.refresh()
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
	if !c.screen.Allows(state.ReturnToList) {
		return
	}
	c.session.run.clear()
	c.screen.Fire(state.Returned)
	c.rollover()
	c.showIdle()
	c.session.main.showChecklist()
}

// closed stops a running session when the window closes; the journal keeps
// its position so that the next launch offers to resume.
func (c *controller) closed() {
	c.saveWindow()
	c.days.close()
	c.rec.dropPreSession()
	c.session.remote.close()
	if c.session.run.close() {
		c.session.setNoBlanking(false)
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
		c.session.cueFlash(ev.Cue.Kind, ev.At)
	case schedule.MoveCompleted:
		if saved {
			c.side.today.list.markDone(ev.Move) // else it is ticked once saved (recorder.retryPending)
		}
	case schedule.Finished, schedule.Stopped:
		c.sessionOver(ev.Status)
		return
	}
	c.session.showLive(ev.Status)
}

// showLive shows st, the status of an event, unless the session was
// paused or resumed since the event was due (it reaches the window after
// its journal write, which can take seconds on a busy disk): its status
// would show the session running while it is paused. The live status is
// shown then.
func (s *sessionScreen) showLive(st schedule.Status) {
	if live := s.run.status(); live.State != st.State {
		st = live
	}
	s.follow(st)
	s.show(st)
}

// refresh shows the session's status now (after a control).
func (s *sessionScreen) refresh() {
	if s.screen.Screen().UnderWay() {
		st := s.run.status()
		s.follow(st)
		s.show(st)
	}
}

// togglePause pauses or resumes the session under way.
func (s *sessionScreen) togglePause() {
	s.run.togglePause()
	s.refresh()
}

// follow moves the screen with a status of the session shown: paused or
// running again (a key, a button, the numbness flag).
func (s *sessionScreen) follow(st schedule.Status) {
	switch st.State {
	case schedule.Paused:
		s.screen.Fire(state.PausedEv)
	case schedule.Running:
		s.screen.Fire(state.Continued)
	}
}

// showIdle shows the card of the first chosen move with the total time of
// the choice on the clock, ready to start; at the safety stop, the stop.
func (c *controller) showIdle() {
	if c.side.today.list == nil || c.session.card == nil || !c.State().Idle() {
		return
	}
	if c.State() == state.StoppedForToday {
		c.session.showStop(c.side.today.plan.advised.SafetyWhy, c.side.today.plan.bigThree())
		return
	}
	ids := c.side.today.list.selection()
	c.session.showIdle(c.inuse.r.Select(ids...), c.inuse.r.Duration(ids...))
}

// showIdle shows the card of moves, ready to start, with their total time
// on the clock.
func (s *sessionScreen) showIdle(moves []routine.Move, total time.Duration) {
	var first *routine.Move
	if len(moves) > 0 {
		first = &moves[0]
	}
	s.figure.showStart(first)
	s.card.showIdle(moves, total)
	s.showBetween()
}

// showStop shows the safety stop full size on the card, and the one
// session it offers.
func (s *sessionScreen) showStop(why string, big3 bigThreeOffer) {
	s.figure.showStart(nil)
	s.card.showStop(why, big3)
	s.showBetween()
}

// showBetween shows the bars of the card between sessions.
func (s *sessionScreen) showBetween() {
	s.wearPhase()
	s.progress.SetValue(0)
	s.setTimeLeft("")
	s.frame.SetTitle(Title)
	s.showControls()
	s.remote.update()
}

// show draws a session status on the card, the progress bar and the title.
func (s *sessionScreen) show(st schedule.Status) {
	if !s.screen.Screen().UnderWay() {
		return
	}
	s.last = st
	s.remote.update()
	switch st.State {
	case schedule.Finished, schedule.Stopped:
		return // the summary comes with the Finished / Stopped event
	}
	plan := s.run.plan()
	m := plan.Moves[min(max(st.Step.MoveIndex, 0), len(plan.Moves)-1)]
	left, tempo := clockOf(plan, st, m)
	s.figure.show(st, m)
	s.card.showStatus(st, m, left, tempo)
	s.wearPhase()
	s.progress.SetValue(st.Progress)
	s.setTimeLeft(lang.L("{{.Clock}} left", map[string]any{"Clock": widgets.FormatClock(st.Remaining)}))
	s.frame.SetTitle(fmt.Sprintf("%s · %s — %s", widgets.FormatClock(st.StepRemaining), m.Name, Title))
	s.showControls()
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
		return lang.L("MOVE")
	case i == n-1:
		return lang.L("RETURN")
	case n == 3:
		return lang.L("PAUSE")
	}
	return lang.L("PHASE {{.Number}}", map[string]any{"Number": i + 1})
}

// showSummary replaces the card by the summary of the session that ended.
func (s *sessionScreen) showSummary(st schedule.Status) {
	s.last = st
	s.remote.update()
	s.figure.hide()
	s.card.showEnd(st)
	s.wearPhase()
	s.summary.show(s.hooks.summary(st))
	s.painAfter.reset()
	s.card.summary.Show()
	s.card.refreshTexts()
	s.progress.SetValue(st.Progress)
	s.setTimeLeft("")
	s.frame.SetTitle(lang.L("Done — {{.Title}}", map[string]any{"Title": Title}))
	s.showControls()
}

func (s *sessionScreen) setTimeLeft(text string) {
	s.timeLeft.Text = text
	s.timeLeft.Color = theme.Color(theme.ColorNameForeground)
	s.timeLeft.Refresh()
}

// setStartLabel labels the big button in the bar under the card (bar) and
// the checklist's (list).
func (s *sessionScreen) setStartLabel(bar, list string, icon fyne.Resource) {
	relabel(s.controls.startPause, bar, icon)
	s.hooks.listStart(list, icon)
}

// relabel gives b text and icon, when it reads otherwise.
func relabel(b *widgets.KeyButton, text string, icon fyne.Resource) {
	if b.Text != text {
		b.SetText(text)
		b.SetIcon(icon)
	}
}

// The bar under the card names its buttons with the bar's own keys
// (bar.start, bar.resume, bar.skip, bar.checklist): at 1024x600 a button
// of its grid has about 53 px for its word, so a language may need a
// shorter word there than on the checklist's wide button.

// showControls shows the buttons of the screen shown: Start's label and
// the session's controls. The views call it once they drew the card, so
// that a new icon takes the colours the window wears.
func (s *sessionScreen) showControls() {
	sc := s.screen.Screen()
	switch sc {
	case state.Running:
		s.setStartLabel(lang.L("Pause"), lang.L("Pause"), theme.MediaPauseIcon())
	case state.Paused:
		s.setStartLabel(lang.X("bar.resume", "Resume"), lang.L("Resume"), theme.MediaPlayIcon())
	case state.Summary:
		s.setStartLabel(lang.X("bar.checklist", "Checklist"), lang.L("Checklist"), theme.ListIcon())
	case state.StoppedForToday:
		// The bar under the card has the room of "Checklist".
		s.setStartLabel(lang.L("Stop"), lang.L("Stop for today"), theme.CancelIcon())
	default:
		s.setStartLabel(lang.X("bar.start", "Start"), lang.L("Start"), theme.MediaPlayIcon())
	}
	s.enableSessionButtons(sc.UnderWay())
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
