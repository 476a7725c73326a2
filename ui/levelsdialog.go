package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
)

// levelOptions are the choices of a move's level: "Level 3 of 6 · 5-3-1 ×
// 10 s", "(easier variant)" on the levels done so, "start" and "top"
// marked.
func levelOptions(m routine.Move) []string {
	out := make([]string, m.LevelCount())
	for n := 1; n <= m.LevelCount(); n++ {
		at := m.AtLevel(n)
		s := fmt.Sprintf("Level %d of %d · %s", n, m.LevelCount(), shortDose(at))
		if at.EasierVariant() {
			s += " (easier variant)"
		}
		switch {
		case n == m.StartLevel && n == m.TopLevel:
			s += " · start, top"
		case n == m.StartLevel:
			s += " · start"
		case n == m.TopLevel:
			s += " · top"
		}
		out[n-1] = s
	}
	return out
}

// showLevels opens the levels of the moves (Today's Levels…): one choice
// per move with levels; a choice journals the level from today on (set
// by hand) at once, and the checklist's times follow.
func (c *controller) showLevels() {
	rows := container.New(layout.NewFormLayout())
	safety := c.side.today.plan.advice().Safety
	for _, m := range c.inuse.r.Moves {
		if m.LevelCount() < 2 {
			continue
		}
		id, opts := m.ID, levelOptions(m)
		if safety {
			opts = opts[:min(m.Level, len(opts))] // today: no level above the one in force
		}
		sel := widget.NewSelect(opts, nil)
		sel.SetSelectedIndex(m.Level - 1)
		sel.OnChanged = func(string) { c.setLevels(map[string]int{id: sel.SelectedIndex() + 1}, srcHand, false) }
		rows.Add(widget.NewLabel(m.Name))
		rows.Add(sel)
	}
	text := "A level you choose holds from today on; the app only suggests changes."
	if safety {
		text = stopText + " Today only easier levels are offered."
	}
	note := widget.NewLabel(text)
	note.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(note, nil, nil, nil, container.NewVScroll(rows))
	d := dialog.NewCustom("Levels of the moves", "Close", body, c.win)
	d.Resize(fyne.NewSize(760, 560))
	d.SetOnClosed(func() { c.session.dialog = nil })
	d.Show()
	c.session.dialog = d
}
