package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// moveIDs returns the ids of a plan's moves.
func moveIDs(p *schedule.Plan) []string {
	ids := make([]string, len(p.Moves))
	for i, m := range p.Moves {
		ids[i] = m.ID
	}
	return ids
}

// dayText is the checklist's day, e.g. "Monday 23 November".
func (w *Window) dayText() string {
	y, m, d := w.day.Date()
	return time.Date(y, m, d, 12, 0, 0, 0, time.Local).Format("Monday 2 January")
}

// showIdle shows the card of the first chosen move with the total time of
// the choice on the clock, ready to start.
func (w *Window) showIdle() {
	if w.list == nil || w.card == nil || w.sess != nil {
		return
	}
	ids := w.list.selection()
	c := w.card
	c.shownMove = ""
	c.setPhase(PhaseIdle)
	c.setSide(schedule.NoSide)
	c.summary.Hide()
	c.lower.Show()
	if len(ids) == 0 {
		c.name.Text = "Choose the moves of today's session"
		c.focus.Text, c.setRep.Text, c.next.Text = "", "", ""
		c.steps.SetText("")
		c.easier.Hide()
		c.clock.SetRemaining(0)
	} else {
		moves := w.r.Select(ids...)
		var next *routine.Move
		if len(moves) > 1 {
			next = &moves[1]
		}
		c.showMove(moves[0], next)
		c.setRep.Text = plural(len(moves), "move", "moves")
		c.clock.SetRemaining(w.r.Duration(ids...))
	}
	c.refreshTexts()
	w.progress.set(0)
	w.setTimeLeft("")
	w.win.SetTitle(Title)
	w.setStartLabel("Start", theme.MediaPlayIcon())
	w.enableSessionButtons(false)
}

// show draws a session status on the card, the progress bar and the title.
func (w *Window) show(st schedule.Status) {
	if w.sess == nil || w.summaryOn {
		return
	}
	w.last = st
	switch st.State {
	case schedule.Finished, schedule.Stopped:
		return // the summary comes with the Finished / Stopped event
	}
	plan := w.sess.Plan()
	mi := min(max(st.Step.MoveIndex, 0), len(plan.Moves)-1)
	m := plan.Moves[mi]
	c := w.card
	c.setPhase(phaseOf(st))
	if c.shownMove != m.ID {
		c.shownMove = m.ID
		c.showMove(m, st.Next)
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
	c.clock.SetRemaining(st.StepRemaining)
	c.refreshTexts()
	w.progress.set(st.Progress)
	w.setTimeLeft(formatClock(st.Remaining) + " left")
	w.win.SetTitle(fmt.Sprintf("%s · %s — %s", formatClock(st.StepRemaining), m.Name, Title))
	if st.State == schedule.Paused {
		w.setStartLabel("Resume", theme.MediaPlayIcon())
	} else {
		w.setStartLabel("Pause", theme.MediaPauseIcon())
	}
	w.enableSessionButtons(true)
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

func (w *Window) setTimeLeft(s string) {
	w.timeLeft.Text = s
	w.timeLeft.Color = theme.Color(theme.ColorNameForeground)
	w.timeLeft.Refresh()
}

func (w *Window) setStartLabel(text string, icon fyne.Resource) {
	for _, b := range []*keyButton{w.controls.startPause, w.list.start} {
		if b.Text != text {
			b.SetText(text)
			b.SetIcon(icon)
		}
	}
}

// enableSessionButtons enables the controls that need a running session.
func (w *Window) enableSessionButtons(on bool) {
	for _, b := range []*keyButton{w.controls.back, w.controls.skip, w.controls.addTime, w.controls.stop} {
		if on && b.Disabled() {
			b.Enable()
		} else if !on && !b.Disabled() {
			b.Disable()
		}
	}
}

// summaryView is what the card shows when the routine is over.
type summaryView struct {
	w     *Window
	title *widget.Label
	body  *widget.Label
	obj   *fyne.Container
}

func newSummaryView(w *Window) *summaryView {
	s := &summaryView{w: w, title: widget.NewLabel(""), body: widget.NewLabel("")}
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.SizeName = theme.SizeNameHeadingText
	s.body.Wrapping = fyne.TextWrapWord
	back := newKeyButton("Back to the checklist", theme.ListIcon(), w, w.ReturnToChecklist)
	back.Importance = widget.HighImportance
	s.obj = container.NewVBox(s.title, s.body, w.painAfter.obj, back)
	return s
}

// showSummary replaces the card by the summary of the session that ended.
func (w *Window) showSummary(st schedule.Status) {
	w.last = st
	w.summaryOn = true
	c := w.card
	c.setPhase(PhaseDone)
	if st.State == schedule.Stopped {
		c.phase.Text = "ENDED"
	}
	c.clock.SetRemaining(st.Offset)
	c.setRep.Text = "exercise time"
	c.setSide(schedule.NoSide)
	c.name.Text, c.focus.Text, c.next.Text = "", "", ""
	c.lower.Hide()
	s := w.summary
	if st.State == schedule.Finished {
		s.title.SetText("Well done: routine complete.")
	} else {
		s.title.SetText("Session ended.")
	}
	plan := w.sess.Plan()
	var names []string
	for _, id := range st.Completed {
		for _, m := range plan.Moves {
			if m.ID == id {
				names = append(names, m.Name)
			}
		}
	}
	today := journal.Today(w.clock.Now())
	streak := w.j.Streaks(today, 0)
	done := fmt.Sprintf("%s done (%s of %d)", plural(len(names), "move", "moves"),
		strings.Join(names, ", "), len(plan.Moves))
	if len(names) == 0 {
		done = "No move completed."
	}
	minutes := int((st.Offset + 30*time.Second) / time.Minute)
	s.body.SetText(fmt.Sprintf("%s\n%s of exercise.\nStreak: %s in a row.",
		done, plural(minutes, "minute", "minutes"), plural(streak.Current, "day", "days")))
	w.painAfter.reset()
	c.summary.Show()
	c.refreshTexts()
	w.progress.set(st.Progress)
	w.setTimeLeft("")
	w.win.SetTitle("Done — " + Title)
	w.setStartLabel("Checklist", theme.ListIcon())
	w.enableSessionButtons(false)
	w.list.reload()
}
