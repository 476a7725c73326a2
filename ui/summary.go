package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/schedule"
	"spineroutine/ui/widgets"
)

// summaryView is what the card shows when a session is over: a title, what
// was done and what changed, the pain check-in after, the note of the day,
// and the way back.
type summaryView struct {
	title *widget.Label
	body  *widget.Label
	note  *noteRow
	obj   *fyne.Container
}

// newSummaryView builds the summary around the pain row, the note row and
// the back button.
func newSummaryView(pain fyne.CanvasObject, note *noteRow, back *widgets.KeyButton) *summaryView {
	s := &summaryView{title: widget.NewLabel(""), body: widget.NewLabel(""), note: note}
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.SizeName = theme.SizeNameHeadingText
	s.body.Wrapping = fyne.TextWrapWord
	back.Importance = widget.HighImportance
	s.obj = container.NewVBox(s.title, s.body, pain, note.obj, back)
	return s
}

// summary is the text of a session's summary.
type summary struct {
	title, body string
}

// show writes a summary, with an empty note.
func (s *summaryView) show(sum summary) {
	s.update(sum)
	s.note.reset()
}

// update rewrites the summary's text, leaving the note being written.
func (s *summaryView) update(sum summary) {
	s.title.SetText(sum.title)
	s.body.SetText(sum.body)
}

// summarize is the summary of a session of plan that ended with st, with
// the streak of days in a row. It tells completed moves from skipped ones
// and counts the time run (st.Active), not the plan time skipped; a session
// with skipped moves "ended", it was not "complete". A completed move
// counts as done only when saved says the journal has it on disk; the
// others are listed as waiting to be saved (a full disk).
func summarize(plan *schedule.Plan, st schedule.Status, streak int, saved map[string]bool) summary {
	done := map[string]bool{}
	for _, id := range st.Completed {
		done[id] = true
	}
	var doneNames, unsaved, skipped []string
	for i, m := range plan.Moves {
		switch {
		case done[m.ID] && saved[m.ID]:
			doneNames = append(doneNames, m.Name)
		case done[m.ID]:
			unsaved = append(unsaved, m.Name)
		case st.State == schedule.Finished || i < st.Step.MoveIndex:
			skipped = append(skipped, m.Name)
		}
	}
	var sum summary
	if st.State == schedule.Finished && len(skipped) == 0 {
		sum.title = "Well done: routine complete."
	} else {
		sum.title = "Session ended."
	}
	lines := []string{"No move completed."}
	switch {
	case len(doneNames) > 0:
		lines[0] = fmt.Sprintf("%d of %d moves done: %s.", len(doneNames), len(plan.Moves), strings.Join(doneNames, ", "))
	case len(unsaved) > 0:
		lines[0] = "No move saved yet."
	}
	if len(unsaved) > 0 {
		lines = append(lines, fmt.Sprintf("Completed but not saved yet: %s (kept, and saved as soon as there is room).",
			strings.Join(unsaved, ", ")))
	}
	if len(skipped) > 0 {
		lines = append(lines, fmt.Sprintf("Skipped: %s.", strings.Join(skipped, ", ")))
	}
	lines = append(lines, exerciseWords(st),
		"Streak: "+plural(streak, "day", "days")+" in a row.")
	sum.body = strings.Join(lines, "\n")
	return sum
}

// summaryText is the summary of the session that ended with st: the
// moves the journal has saved for the session's day (again when held-back
// entries get saved, savedLater), the streak and what changed today.
func (c *controller) summaryText(st schedule.Status) summary {
	today := dayOf(c.clock.Now())
	d, ok := c.rec.sessionDay()
	if !ok {
		d = today
	}
	sum := summarize(c.session.run.plan(), st, c.rec.currentStreak(today), c.rec.done(d))
	if ch := changesText(c.rec.levelsSet(c.days.day), c.inuse.r, c.session.flagged); ch != "" {
		sum.body += "\n" + ch
	}
	return sum
}

// exerciseTime is the time of exercise of a session that ended with st,
// in whole seconds: the time in its sets (holds, reps and the gaps
// between them), not its rests, side switches or count-ins. The card's
// clock and the summary's sentence both show it.
func exerciseTime(st schedule.Status) time.Duration { return st.Work.Round(time.Second) }

// exerciseWords says the time of exercise and, when rests, switches and
// count-ins add to it, the time it took: "12 minutes of exercise in 20
// minutes."
func exerciseWords(st schedule.Status) string {
	work, all := durationWords(exerciseTime(st)), durationWords(st.Active.Round(time.Second))
	if all == work {
		return work + " of exercise."
	}
	return work + " of exercise in " + all + "."
}

// durationWords says a duration in whole minutes, or in seconds under a
// minute: "12 minutes", "40 seconds".
func durationWords(d time.Duration) string {
	if d < time.Minute {
		return plural(int(d.Round(time.Second)/time.Second), "second", "seconds")
	}
	return plural(int((d+30*time.Second)/time.Minute), "minute", "minutes")
}
