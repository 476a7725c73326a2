package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// choice is which moves Start runs.
type choice int

// The choices of today's session.
const (
	choiceNotDone choice = iota // the moves not done yet today (the default)
	choiceAll                   // every move
	choiceBig3                  // curl-up, side planks, bird dogs (routine.Big3)
	choicePick                  // the moves ticked by hand in the "include" column
)

// checklist is today's list: every move with a tick for "done today", its
// planned time and focus, and the choice of what Start runs. It shows the
// ticks it is given (setDone) and reports a tick by hand to onTick, which
// writes it to the journal.
type checklist struct {
	r        *routine.Routine
	big3     []string        // ids of the Big 3, when the routine has them all
	done     map[string]bool // moves done on the checklist's day
	day      *widget.Label
	rows     []*checkRow
	choice   choice
	picked   map[string]bool
	choices  []*widgets.KeyButton // by choice
	total    *widget.Label
	levels   *widgets.KeyButton // opens the levels of the moves
	start    *widgets.KeyButton
	updating bool // the ticks are being set from the journal
	obj      fyne.CanvasObject
	// plan are the parts that choose and show a session (hidden at the
	// safety stop, which starts none of it).
	plan []fyne.CanvasObject

	// onTick writes a tick by hand; an error undoes it on screen.
	onTick func(id string, on bool) error
	// onError shows a problem (a tick that could not be saved).
	onError func(string)
	// onChange is called when the choice or the ticks change (the idle
	// card shows the choice).
	onChange func()
	// onLevels opens the levels of the moves (Levels…).
	onLevels func()
	// onStopped, if set, is called when setStopped changed what shows
	// (Today gives the room to the stop's panel, or takes it back).
	onStopped func()
}

// checkRow is one move of the checklist.
type checkRow struct {
	move    routine.Move
	done    *widgets.KeyCheck // done today (from the journal; ticking writes to it)
	include *widgets.KeyCheck // part of a hand-picked session
	info    *widget.Label
}

// newChecklist builds the list of r's moves; picked preselects moves
// (--moves) and start is the Start action.
func newChecklist(r *routine.Routine, picked []string, start func()) *checklist {
	l := &checklist{r: r, picked: map[string]bool{}, done: map[string]bool{}, day: widget.NewLabel("")}
	if ids := routine.Big3().IDs(); len(r.Unknown(ids...)) == 0 {
		l.big3 = ids
	}
	l.day.TextStyle = fyne.TextStyle{Bold: true}
	rowsLayout := newCheckRowsLayout()
	rows := container.New(rowsLayout)
	for _, m := range r.Moves {
		row := &checkRow{move: m}
		id := m.ID
		row.done = widgets.NewKeyCheck(m.Name, func(on bool) { l.ticked(id, on) })
		row.include = widgets.NewKeyCheck("", func(on bool) { l.included(id, on) })
		row.info = widget.NewLabel(rowInfo(r, m))
		// On a narrow pane the focus gives way ("1:40 · decompre…"), not
		// the tick at the right.
		row.info.Truncation = fyne.TextTruncateEllipsis
		l.rows = append(l.rows, row)
		rows.Add(row.done)
		rows.Add(container.NewBorder(nil, nil, nil, row.include, row.info))
	}
	names := []string{lang.L("To do"), lang.L("All"), lang.L("Big 3"), lang.L("Pick")}
	for i, n := range names {
		c := choice(i)
		l.choices = append(l.choices, widgets.NewKeyButton(n, nil, func() { l.setChoice(c) }))
	}
	if l.big3 == nil {
		l.choices[choiceBig3].Hide()
	}
	l.total = widget.NewLabel("")
	l.total.TextStyle = fyne.TextStyle{Bold: true}
	l.levels = widgets.NewKeyButton(lang.L("Levels…"), nil, func() {
		if l.onLevels != nil {
			l.onLevels()
		}
	})
	setVisible(l.levels, r.HasLevels())
	l.start = widgets.NewKeyButton(lang.L("Start"), nil, start)
	l.start.Importance = widget.HighImportance
	// One row of choices: a low screen keeps its height for the check-in,
	// the plan and the moves.
	var shown []fyne.CanvasObject
	for _, b := range l.choices {
		if b.Visible() {
			shown = append(shown, b)
		}
	}
	chooser := container.NewGridWithColumns(len(shown), shown...)
	head := container.NewBorder(nil, nil, nil, widget.NewLabel(lang.L("in session")), widget.NewLabel(lang.L("Done today")))
	top := container.NewVBox(l.day, chooser, head)
	totals := container.NewBorder(nil, nil, nil, l.levels, l.total)
	bottom := container.NewVBox(totals, l.start)
	list := widgets.NewVScroll(rows)
	rowsLayout.onStack = list.Refresh // the rows' height changed
	l.obj = container.NewBorder(top, bottom, nil, nil, list)
	l.plan = []fyne.CanvasObject{top, totals, list}

	if len(picked) > 0 {
		for _, id := range picked {
			l.picked[id] = true
		}
		l.choice = choicePick
	}
	return l
}

// setStopped hides the choice of the session, the moves and the total at
// the safety stop (on), leaving the big button and the check-in; off
// shows them again.
func (l *checklist) setStopped(on bool) {
	changed := false
	for _, o := range l.plan {
		changed = changed || o.Visible() == on
		setVisible(o, !on)
	}
	if changed && l.onStopped != nil {
		l.onStopped()
	}
}

// rowInfo is a row's time, level and focus: "1:20 · level 3 of 6 ·
// stability".
func rowInfo(r *routine.Routine, m routine.Move) string {
	// The level before the focus: a narrow pane cuts the focus, not the
	// level ("1:40 · level 3 of 6 · decompre…").
	s := widgets.FormatClock(m.Duration(r.Switch))
	if lv := levelWords(m); lv != "" {
		s += " · " + lv
	}
	return s + " · " + focusWord(m.Focus)
}

// setRoutine shows the moves of r, the same moves at other levels: their
// times, levels and the total.
func (l *checklist) setRoutine(r *routine.Routine) {
	l.r = r
	for _, row := range l.rows {
		if m, ok := r.Find(row.move.ID); ok {
			row.move = m
			row.info.SetText(rowInfo(r, m))
		}
	}
	setVisible(l.levels, r.HasLevels())
	l.update()
}

// setDone shows the moves done on day (from the journal).
func (l *checklist) setDone(done map[string]bool, day string) {
	l.done = done
	l.updating = true
	for _, r := range l.rows {
		r.done.SetChecked(done[r.move.ID])
	}
	l.updating = false
	l.day.SetText(lang.L("Today · {{.Day}}", map[string]any{"Day": day}))
	l.update()
}

// markDone ticks a move the timer completed (the journal already has it).
func (l *checklist) markDone(id string) {
	l.done[id] = true
	l.updating = true
	for _, r := range l.rows {
		if r.move.ID == id {
			r.done.SetChecked(true)
		}
	}
	l.updating = false
	l.update()
}

// ticked records a tick or untick by hand.
func (l *checklist) ticked(id string, on bool) {
	if l.updating {
		return
	}
	widgets.Unfocus(l.obj)
	if err := l.onTick(id, on); err != nil {
		l.onError(lang.L("Could not save the tick: {{.Error}}", map[string]any{"Error": err.Error()}))
		l.updating = true
		for _, r := range l.rows {
			if r.move.ID == id {
				r.done.SetChecked(!on)
			}
		}
		l.updating = false
		return
	}
	l.done[id] = on
	l.update()
}

// included adds or removes a move from the hand-picked session.
func (l *checklist) included(id string, on bool) {
	if l.updating {
		return
	}
	widgets.Unfocus(l.obj)
	if l.choice != choicePick {
		l.picked = map[string]bool{}
		for _, s := range l.selection() {
			l.picked[s] = true
		}
	}
	l.picked[id] = on
	l.choice = choicePick
	l.update()
}

// setChoice selects what Start runs.
func (l *checklist) setChoice(c choice) {
	if c == choicePick && len(l.picked) == 0 {
		// Start from the current choice, so picking is a small change.
		for _, id := range l.selection() {
			l.picked[id] = true
		}
	}
	l.choice = c
	l.update()
}

// doneCount is the number of moves of the routine done on the day (the
// journal's day may hold moves of other routines).
func (l *checklist) doneCount() int {
	n := 0
	for _, m := range l.r.Moves {
		if l.done[m.ID] {
			n++
		}
	}
	return n
}

// selection returns the ids Start runs, in routine order.
func (l *checklist) selection() []string {
	var ids []string
	for _, m := range l.r.Moves {
		var in bool
		switch l.choice {
		case choiceNotDone:
			in = !l.done[m.ID]
		case choiceAll:
			in = true
		case choiceBig3:
			in = slices.Contains(l.big3, m.ID)
		case choicePick:
			in = l.picked[m.ID]
		}
		if in {
			ids = append(ids, m.ID)
		}
	}
	if l.choice == choiceNotDone && len(ids) == 0 {
		return l.r.IDs() // all done today: Start runs them all again
	}
	return ids
}

// update redraws the choice buttons, the include boxes and the total.
func (l *checklist) update() {
	for i, b := range l.choices {
		imp := widget.MediumImportance
		if choice(i) == l.choice {
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
		r.include.SetChecked(slices.Contains(ids, r.move.ID))
	}
	l.updating = false
	switch {
	case len(ids) == 0:
		l.total.SetText(lang.L("Pick at least one move."))
		l.start.Disable()
	case l.choice == choiceNotDone && l.doneCount() == len(l.r.Moves):
		l.total.SetText(lang.N("All done today: Start runs all {{.Count}} moves again ({{.Time}}).", len(ids),
			map[string]any{"Count": len(ids), "Time": widgets.FormatClock(l.r.Duration(ids...))}))
		l.start.Enable()
	default:
		l.total.SetText(lang.N("{{.Count}} moves · {{.Time}}", len(ids),
			map[string]any{"Count": len(ids), "Time": widgets.FormatClock(l.r.Duration(ids...))}))
		l.start.Enable()
	}
	if l.onChange != nil {
		l.onChange()
	}
}

// plural is "1 move" or "3 moves" in English only (the files not yet
// translated use it; count is the translated one).
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
