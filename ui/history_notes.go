package ui

import (
	"strings"
)

// showNotes lists the day notes under the chart, newest first, or hides
// the list when there are none.
func (h *historyView) showNotes(notes []note) {
	if len(notes) == 0 {
		h.notes.Hide()
		return
	}
	lines := []string{"Notes:"}
	for i := len(notes) - 1; i >= 0; i-- {
		lines = append(lines, shortDay(notes[i].Day)+": "+notes[i].Text)
	}
	h.notes.SetText(strings.Join(lines, "\n"))
	h.notes.Show()
}
