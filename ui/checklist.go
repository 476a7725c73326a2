package ui

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// Choice is which moves Start runs.
type Choice int

// The choices of today's session.
const (
	ChoiceNotDone Choice = iota // the moves not done yet today (the default)
	ChoiceAll                   // every move
	ChoiceBig3                  // curl-up, side planks, bird dogs
	ChoicePick                  // the moves ticked by hand in the "include" column
)

// big3 are the ids of McGill's "big 3" in the shipped routines.
var big3 = []string{"mcgill-curl-up", "side-planks", "bird-dogs"}

// checklist is today's list: every move with a tick for "done today", its
// planned time and focus, and the choice of what Start runs.
type checklist struct {
	w        *Window
	day      *widget.Label
	rows     []*checkRow
	choice   Choice
	picked   map[string]bool
	choices  []*keyButton // by Choice
	total    *widget.Label
	start    *keyButton
	updating bool // the ticks are being set from the journal
	obj      fyne.CanvasObject
}

// checkRow is one move of the checklist.
type checkRow struct {
	move    routine.Move
	done    *keyCheck // done today (from the journal; ticking writes to it)
	include *keyCheck // part of a hand-picked session
	info    *widget.Label
}

func newChecklist(w *Window) *checklist {
	l := &checklist{w: w, picked: map[string]bool{}, day: widget.NewLabel("")}
	l.day.TextStyle = fyne.TextStyle{Bold: true}
	rows := container.New(layout.NewFormLayout())
	for _, m := range w.r.Moves {
		row := &checkRow{move: m}
		id := m.ID
		row.done = newKeyCheck(m.Name, w, func(on bool) { l.ticked(id, on) })
		row.include = newKeyCheck("", w, func(on bool) { l.included(id, on) })
		row.info = widget.NewLabel(fmt.Sprintf("%s · %s", clockText(m.Duration(w.r.Switch)), m.Focus))
		l.rows = append(l.rows, row)
		rows.Add(row.done)
		rows.Add(container.NewHBox(row.info, layout.NewSpacer(), row.include))
	}
	names := []string{"Not done yet", "All", "Big 3", "Pick"}
	for i, n := range names {
		c := Choice(i)
		l.choices = append(l.choices, newKeyButton(n, nil, w, func() { l.setChoice(c) }))
	}
	if !l.hasBig3() {
		l.choices[ChoiceBig3].Hide()
	}
	l.total = widget.NewLabel("")
	l.total.TextStyle = fyne.TextStyle{Bold: true}
	l.start = newKeyButton("Start", nil, w, w.StartPause)
	l.start.Importance = widget.HighImportance
	chooser := container.NewGridWithColumns(4, l.choices[0], l.choices[1], l.choices[2], l.choices[3])
	head := container.NewBorder(nil, nil, nil, widget.NewLabel("in session"), widget.NewLabel("Done today"))
	top := container.NewVBox(l.day, widget.NewLabel("Today's session:"), chooser, head)
	bottom := container.NewVBox(l.total, l.start, w.painBefore.obj)
	l.obj = container.NewBorder(top, bottom, nil, nil, container.NewVScroll(rows))

	if len(w.opts.Moves) > 0 {
		for _, id := range w.opts.Moves {
			l.picked[id] = true
		}
		l.choice = ChoicePick
	}
	l.reload()
	return l
}

// clockText formats a planned duration: "1:30", "12:05".
func clockText(d time.Duration) string { return formatClock(d) }

func (l *checklist) hasBig3() bool {
	for _, id := range big3 {
		if _, ok := l.w.r.Move(id); !ok {
			return false
		}
	}
	return true
}

// reload sets the ticks from the journal and the day label.
func (l *checklist) reload() {
	done := l.w.j.Done(l.w.day)
	l.updating = true
	for _, r := range l.rows {
		r.done.SetChecked(done[r.move.ID])
	}
	l.updating = false
	l.day.SetText("Today · " + l.w.dayText())
	l.update()
}

// setDone ticks or unticks a move without writing to the journal (the
// journal already has it).
func (l *checklist) setDone(id string, on bool) {
	l.updating = true
	defer func() { l.updating = false }()
	for _, r := range l.rows {
		if r.move.ID == id {
			r.done.SetChecked(on)
		}
	}
	l.update()
}

// ticked records a tick or untick by hand.
func (l *checklist) ticked(id string, on bool) {
	if l.updating {
		return
	}
	l.w.win.Canvas().Unfocus()
	now := l.w.clock.Now()
	var err error
	if on {
		err = l.w.j.MarkDone(l.w.day, id, journal.Hand, "", now)
	} else {
		err = l.w.j.MarkUndone(l.w.day, id, now)
	}
	if err != nil {
		l.w.notice("tick", "Could not save the tick: "+err.Error())
		l.setDone(id, !on)
		return
	}
	l.update()
}

// included adds or removes a move from the hand-picked session.
func (l *checklist) included(id string, on bool) {
	if l.updating {
		return
	}
	l.w.win.Canvas().Unfocus()
	if l.choice != ChoicePick {
		l.picked = map[string]bool{}
		for _, s := range l.selection() {
			l.picked[s] = true
		}
	}
	l.picked[id] = on
	l.choice = ChoicePick
	l.update()
}

// setChoice selects what Start runs.
func (l *checklist) setChoice(c Choice) {
	if c == ChoicePick && len(l.picked) == 0 {
		// Start from the current choice, so picking is a small change.
		for _, id := range l.selection() {
			l.picked[id] = true
		}
	}
	l.choice = c
	l.update()
}

// selection returns the ids Start runs, in routine order.
func (l *checklist) selection() []string {
	done := l.w.j.Done(l.w.day)
	var ids []string
	for _, m := range l.w.r.Moves {
		var in bool
		switch l.choice {
		case ChoiceNotDone:
			in = !done[m.ID]
		case ChoiceAll:
			in = true
		case ChoiceBig3:
			in = slices.Contains(big3, m.ID)
		case ChoicePick:
			in = l.picked[m.ID]
		}
		if in {
			ids = append(ids, m.ID)
		}
	}
	if l.choice == ChoiceNotDone && len(ids) == 0 {
		return l.w.r.IDs() // all done today: Start runs them all again
	}
	return ids
}

// update redraws the choice buttons, the include boxes and the total.
func (l *checklist) update() {
	for i, b := range l.choices {
		imp := widget.MediumImportance
		if Choice(i) == l.choice {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	ids := l.selection()
	l.updating = true
	for _, r := range l.rows {
		in := slices.Contains(ids, r.move.ID)
		r.include.SetChecked(in)
	}
	l.updating = false
	switch {
	case len(ids) == 0:
		l.total.SetText("Pick at least one move.")
		l.start.Disable()
	default:
		extra := ""
		if l.choice == ChoiceNotDone && len(l.w.j.Done(l.w.day)) > 0 && len(ids) == len(l.w.r.Moves) {
			extra = " (all done today: again)"
		}
		l.total.SetText(fmt.Sprintf("%s · %s%s", plural(len(ids), "move", "moves"),
			formatClock(l.w.r.Duration(ids...)), extra))
		l.start.Enable()
	}
	if l.w.sess == nil && !l.w.summaryOn {
		l.w.showIdle()
	}
}

// Total returns the planned time of the current choice.
func (l *checklist) Total() time.Duration {
	ids := l.selection()
	if len(ids) == 0 {
		return 0
	}
	return l.w.r.Duration(ids...)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
