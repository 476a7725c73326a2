package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// moveRow is one move in the editor's list: switched on or off, its name
// (tap it to edit the move), its time, a mark when it has problems, and
// buttons to move it up or down, duplicate it or delete it.
type moveRow struct {
	on      *widgets.KeyCheck
	pick    *widgets.KeyButton
	time    *widget.Label
	problem *widget.Icon
	up      *widgets.KeyButton
	down    *widgets.KeyButton
	dup     *widgets.KeyButton
	del     *widgets.KeyButton
	obj     fyne.CanvasObject
}

func newMoveRow(ed *routineEditor, i int) *moveRow {
	k := ed.keys
	r := &moveRow{
		on:      k.check("", func(on bool) { ed.setOff(i, !on) }),
		pick:    k.button("", nil, func() { ed.selectMove(i) }),
		time:    widget.NewLabel(""),
		problem: widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())),
		up:      k.button("", theme.MoveUpIcon(), func() { ed.moveMove(i, i-1) }),
		down:    k.button("", theme.MoveDownIcon(), func() { ed.moveMove(i, i+1) }),
		dup:     k.button("", theme.ContentCopyIcon(), func() { ed.duplicateMove(i) }),
		del:     k.button("", theme.DeleteIcon(), func() { ed.deleteMove(i) }),
	}
	r.pick.Alignment = widget.ButtonAlignLeading
	r.problem.Hide()
	r.obj = container.NewBorder(nil, nil, r.on,
		container.NewHBox(r.problem, r.time, r.up, r.down, r.dup, r.del), r.pick)
	return r
}

// show shows move i of the editor's draft.
func (r *moveRow) show(ed *routineEditor, i int) {
	m := ed.draft.Moves[i]
	name := m.Name
	if name == "" {
		name = lang.L("(no name)")
	}
	if m.Off {
		name = lang.L("{{.Move}} — off", map[string]any{"Move": name})
	}
	r.pick.SetText(name)
	if i == ed.sel {
		r.pick.Importance = widget.HighImportance
	} else {
		r.pick.Importance = widget.MediumImportance
	}
	r.pick.Refresh()
	was := r.on.OnChanged
	r.on.OnChanged = nil
	r.on.SetChecked(!m.Off)
	r.on.OnChanged = was
	if d, ok := ed.moveDuration(i); ok {
		r.time.SetText(widgets.FormatClock(d))
	} else {
		r.time.SetText("–:––")
	}
	setEnabled(r.up, i > 0)
	setEnabled(r.down, i < len(ed.draft.Moves)-1)
	setEnabled(r.del, len(ed.draft.Moves) > 1)
}

// setEnabled enables or disables a button.
func setEnabled(b fyne.Disableable, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// Changes to the list of moves, each one step of Undo.

func (e *routineEditor) selectMove(i int) {
	e.sel = i
	e.last = ""
	e.showAll()
}

func (e *routineEditor) setOff(i int, off bool) {
	e.restructure(e.sel, func(d *routine.Draft) { d.Moves[i].Off = off })
}

// moveMove moves move i to place j (one up or down).
func (e *routineEditor) moveMove(i, j int) {
	if j < 0 || j >= len(e.draft.Moves) {
		return
	}
	e.restructure(j, func(d *routine.Draft) { d.Moves[i], d.Moves[j] = d.Moves[j], d.Moves[i] })
}

// duplicateMove adds a copy of move i after it, with a new id.
func (e *routineEditor) duplicateMove(i int) {
	e.restructure(i+1, func(d *routine.Draft) {
		m := d.Moves[i]
		m.Levels = slices.Clone(m.Levels) // the copy's levels are its own
		m.ID = ""
		m.Name = lang.L("{{.Move}} (copy)", map[string]any{"Move": m.Name})
		d.Moves = append(d.Moves[:i+1], append([]routine.DraftMove{m}, d.Moves[i+1:]...)...)
	})
}

// deleteMove removes move i. Its days in the journal stay in History.
func (e *routineEditor) deleteMove(i int) {
	if len(e.draft.Moves) < 2 {
		return
	}
	e.restructure(i, func(d *routine.Draft) { d.Moves = append(d.Moves[:i], d.Moves[i+1:]...) })
}

// addMove adds an empty move at the end and shows it, the form scrolled to
// its top and the name box focused: its name and focus are asked for
// beside their boxes.
func (e *routineEditor) addMove() {
	e.restructure(len(e.draft.Moves), func(d *routine.Draft) { d.Moves = append(d.Moves, blankMove()) })
	e.focusBox(e.form.fields["name"].entry, e.formScroll)
}
