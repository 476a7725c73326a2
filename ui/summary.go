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
// was done, the pain check-in after, and the way back.
type summaryView struct {
	title *widget.Label
	body  *widget.Label
	obj   *fyne.Container
}

// newSummaryView builds the summary around the pain row and the back
// button.
func newSummaryView(pain fyne.CanvasObject, back *widgets.KeyButton) *summaryView {
	s := &summaryView{title: widget.NewLabel(""), body: widget.NewLabel("")}
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.SizeName = theme.SizeNameHeadingText
	s.body.Wrapping = fyne.TextWrapWord
	back.Importance = widget.HighImportance
	s.obj = container.NewVBox(s.title, s.body, pain, back)
	return s
}

// summary is the text of a session's summary.
type summary struct {
	title, body string
}

// show writes a summary.
func (s *summaryView) show(sum summary) {
	s.title.SetText(sum.title)
	s.body.SetText(sum.body)
}

// summarize is the summary of a session of plan that ended with st, with
// the streak of days in a row.
func summarize(plan *schedule.Plan, st schedule.Status, streak int) summary {
	var sum summary
	if st.State == schedule.Finished {
		sum.title = "Well done: routine complete."
	} else {
		sum.title = "Session ended."
	}
	var names []string
	for _, id := range st.Completed {
		for _, m := range plan.Moves {
			if m.ID == id {
				names = append(names, m.Name)
			}
		}
	}
	done := fmt.Sprintf("%s done (%s of %d)", plural(len(names), "move", "moves"),
		strings.Join(names, ", "), len(plan.Moves))
	if len(names) == 0 {
		done = "No move completed."
	}
	minutes := int((st.Offset + 30*time.Second) / time.Minute)
	sum.body = fmt.Sprintf("%s\n%s of exercise.\nStreak: %s in a row.",
		done, plural(minutes, "minute", "minutes"), plural(streak, "day", "days"))
	return sum
}
