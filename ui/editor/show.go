package editor

import (
	"errors"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"spineroutine/internal/figure"
	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// How the routine editor shows its draft: the boxes, the list of moves,
// the problems beside their boxes, the times and the state of the buttons.

// durationKey is what the time of a move done with a dose depends on.
type durationKey struct {
	dose                routine.DraftLevel
	sides, moveBetween  string
	switchT, betweenSet string
}

// durationOf is a move's time, ok false when its dose is not valid.
type durationOf struct {
	d  time.Duration
	ok bool
}

// moveDuration is Draft.MoveDuration of move i (its time at its start
// level), remembered: a key press changes one move, and checking each of
// the others again took a third of its time.
func (e *Editor) moveDuration(i int) (time.Duration, bool) {
	m := e.draft.Moves[i]
	return e.doseDuration(i, m.DoseAt(m.Start()))
}

// doseDuration is Draft.DoseDuration of move i with dose l, remembered.
func (e *Editor) doseDuration(i int, l routine.DraftLevel) (time.Duration, bool) {
	m := e.draft.Moves[i]
	k := durationKey{l, m.Sides, m.BetweenSets, e.draft.Switch, e.draft.BetweenSets}
	if r, ok := e.durations[k]; ok {
		return r.d, r.ok
	}
	if len(e.durations) > 4*maxUndo {
		clear(e.durations)
	}
	d, ok := e.draft.DoseDuration(i, l)
	e.durations[k] = durationOf{d, ok}
	return d, ok
}

// showAll shows the whole draft: the routine's boxes, the list of moves
// (rebuilt) and the move selected, then its problems.
func (e *Editor) showAll() {
	e.updating = true
	defer func() { e.updating = false }()
	d := e.draft
	for key, text := range map[string]string{"name": d.Name, "get_ready": d.GetReady, "rest": d.Rest,
		"switch": d.Switch, "between_sets": d.BetweenSets} {
		e.fields[key].set(text)
	}
	e.rows = e.rows[:0]
	e.list.RemoveAll()
	for i := range d.Moves {
		r := newMoveRow(e, i)
		e.rows = append(e.rows, r)
		e.list.Add(r.obj)
	}
	if e.sel >= 0 {
		e.form.show(e.sel)
		e.formBox.Show()
	} else {
		e.formBox.Hide()
	}
	e.refresh()
}

// refresh checks the draft and shows its problems, the times and what
// can be done.
func (e *Editor) refresh() {
	r, err := e.draft.Check(figure.Shipped())
	e.valid = r
	e.problems = map[routine.Field]string{}
	var list routine.Errors
	if err != nil && !errors.As(err, &list) {
		e.problems[routine.Field{}] = err.Error()
	}
	for _, p := range list {
		f, msg := routine.FieldOf(p)
		e.problems[f] = joinLines(e.problems[f], boxWords(msg))
	}

	var other string
	for f, msg := range e.problems {
		if f.Move == 0 {
			if box, ok := e.fields[f.Key]; !ok || box == nil {
				other = joinLines(other, msg)
			}
		}
	}
	for key, box := range e.fields {
		box.showProblem(e.problems[routine.Field{Key: key}])
	}
	if other != "" {
		e.other.Set(other)
	} else {
		e.other.Clear()
	}

	for i, row := range e.rows {
		row.show(e, i)
		row.problem.Hide()
		for f := range e.problems {
			if f.Move == i+1 {
				row.problem.Show()
			}
		}
	}
	if e.sel >= 0 {
		byKey := map[string]string{}
		byLevel := map[int]map[string]string{}
		for f, msg := range e.problems {
			switch {
			case f.Move != e.sel+1:
			case f.Level > 0:
				if byLevel[f.Level] == nil {
					byLevel[f.Level] = map[string]string{}
				}
				byLevel[f.Level][f.Key] = msg
			default:
				byKey[f.Key] = msg
			}
		}
		t := "–:––"
		if d, ok := e.moveDuration(e.sel); ok {
			t = widgets.FormatClock(d)
		}
		moveTime := lang.L("This move: {{.Time}}", map[string]any{"Time": t})
		if m := e.draft.Moves[e.sel]; len(m.Levels) > 0 {
			moveTime = lang.L("This move: {{.Time}} at level {{.N}} of {{.Count}}",
				map[string]any{"Time": t, "N": m.Start(), "Count": len(m.Levels)})
		}
		e.form.showProblems(byKey, byLevel, moveTime)
	}

	if r != nil {
		data := map[string]any{"Time": widgets.FormatClock(r.Duration()), "Count": len(r.Moves)}
		total := lang.N("{{.Time}} for {{.Count}} moves", len(r.Moves), data)
		if r.HasLevels() {
			// Today's total is at today's levels: say which this one is.
			total = lang.N("{{.Time}} for {{.Count}} moves at their start levels", len(r.Moves), data)
		}
		e.total.SetText(total)
	} else {
		e.total.SetText(lang.L("–:–– (fix the problems first)"))
	}
	e.showState()
	// Problems shown or hidden and new times change sizes: lay out again.
	relayout(e.obj)
	relayout(e.list)
	fitScroll(e.listScroll)
	relayout(e.formBox)
	fitScroll(e.formScroll)
}

// fitScroll has a scroll take the new size of its content: it is
// refreshed (which refreshes the content too) only when that size changed.
func fitScroll(s *container.Scroll) {
	if s.Content.MinSize().Max(s.Size()) != s.Content.Size() {
		s.Refresh()
	}
}

// relayout lays out o, when it is a container, and the containers inside
// it again, without refreshing their widgets: a refresh would render every
// icon of every button again, which took most of a key press.
func relayout(o fyne.CanvasObject) {
	c, ok := o.(*fyne.Container)
	if !ok {
		return
	}
	if c.Layout != nil {
		c.Layout.Layout(c.Objects, c.Size())
	}
	for _, x := range c.Objects {
		relayout(x)
	}
}

// showState shows which routine is edited, whether it is saved, and
// enables the buttons that can act.
func (e *Editor) showState() {
	switch name := e.savedName; {
	case e.isNew:
		e.heading.SetText(lang.L("Editing a new routine: saving adds it to your routines and puts it in use."))
	case e.builtIn:
		e.heading.SetText(lang.L("Editing \"{{.Name}}\", a built-in routine: saving makes it your own copy.",
			map[string]any{"Name": name}))
	default:
		e.heading.SetText(lang.L("Editing \"{{.Name}}\".", map[string]any{"Name": name}))
	}
	dirty := e.Dirty()
	if dirty {
		e.note = ""
	}
	switch n := len(e.problems); {
	case n > 0:
		e.status.SetText(lang.N("Not saved: {{.Count}} problems, shown beside their boxes.", n, map[string]any{"Count": n}))
	case dirty:
		e.status.SetText(lang.L("Changes not saved yet."))
	default:
		e.status.SetText(e.note)
	}
	text := string(e.draft.TOML())
	setEnabled(e.save, e.valid != nil && dirty)
	setEnabled(e.undoBtn, len(e.undo) > 0)
	setEnabled(e.redoBtn, len(e.redo) > 0)
	setEnabled(e.reset, e.builtinText != "" && e.builtinText != e.asBuiltin(text))
}

// asBuiltin is text, the draft's, as Reset would leave it: a routine of
// the user's keeps its own name.
func (e *Editor) asBuiltin(text string) string {
	if e.builtIn || e.builtin == nil || e.draft.Name == "" {
		return text
	}
	d := e.draft
	d.Name = e.builtin.Name
	return string(d.TOML())
}

// fileList is a list of numbers as a routine file writes it: "[6, 4, 2]".
var fileList = regexp.MustCompile(`\[(\d+(?:, \d+)+)\]`)

// boxWords turns the file's way of writing a list in a problem ("like
// [3, 3, 2]") into the boxes' way ("like 3-3-2"), as their hints say it.
func boxWords(msg string) string {
	return fileList.ReplaceAllStringFunc(msg, func(l string) string {
		return strings.ReplaceAll(strings.Trim(l, "[]"), ", ", "-")
	})
}
