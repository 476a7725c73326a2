package editor

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
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
	name    *nameFit // lays the row out, the name cut to its room
	obj     fyne.CanvasObject
}

func newMoveRow(ed *Editor, i int) *moveRow {
	r := &moveRow{
		on:      widgets.NewKeyCheck("", func(on bool) { ed.setOff(i, !on) }),
		pick:    widgets.NewKeyButton("", nil, func() { ed.SelectMove(i) }),
		time:    widget.NewLabel(""),
		problem: widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())),
		up:      widgets.NewKeyButton("", theme.MoveUpIcon(), func() { ed.MoveMove(i, i-1) }),
		down:    widgets.NewKeyButton("", theme.MoveDownIcon(), func() { ed.MoveMove(i, i+1) }),
		dup:     widgets.NewKeyButton("", theme.ContentCopyIcon(), func() { ed.duplicateMove(i) }),
		del:     widgets.NewKeyButton("", theme.DeleteIcon(), func() { ed.DeleteMove(i) }),
	}
	r.pick.Alignment = widget.ButtonAlignLeading
	r.problem.Hide()
	right := container.NewHBox(r.problem, r.time, r.up, r.down, r.dup, r.del)
	r.name = &nameFit{pick: r.pick, row: layout.NewBorderLayout(nil, nil, r.on, right)}
	r.obj = container.New(r.name, r.on, right, r.pick)
	return r
}

// show shows move i of the editor's draft.
func (r *moveRow) show(ed *Editor, i int) {
	m := ed.draft.Moves[i]
	name := m.Name
	if name == "" {
		name = lang.L("(no name)")
	}
	if m.Off {
		name = lang.L("{{.Move}} — off", map[string]any{"Move": name})
	}
	r.name.full = name
	r.pick.SetText(name) // cut to its room at the next layout
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

// SelectMove shows move i in the form (a tap on its row).
func (e *Editor) SelectMove(i int) {
	e.sel = i
	e.last = ""
	e.showAll()
}

func (e *Editor) setOff(i int, off bool) {
	e.restructure(e.sel, func(d *routine.Draft) { d.Moves[i].Off = off })
}

// MoveMove moves move i to place j (one up or down).
func (e *Editor) MoveMove(i, j int) {
	if j < 0 || j >= len(e.draft.Moves) {
		return
	}
	e.restructure(j, func(d *routine.Draft) { d.Moves[i], d.Moves[j] = d.Moves[j], d.Moves[i] })
}

// duplicateMove adds a copy of move i after it, with a new id.
func (e *Editor) duplicateMove(i int) {
	e.restructure(i+1, func(d *routine.Draft) {
		m := d.Moves[i]
		m.Levels = slices.Clone(m.Levels) // the copy's levels are its own
		m.ID = ""
		m.Name = lang.L("{{.Move}} (copy)", map[string]any{"Move": m.Name})
		d.Moves = append(d.Moves[:i+1], append([]routine.DraftMove{m}, d.Moves[i+1:]...)...)
	})
}

// DeleteMove removes move i. Its days in the journal stay in History.
func (e *Editor) DeleteMove(i int) {
	if len(e.draft.Moves) < 2 {
		return
	}
	e.restructure(i, func(d *routine.Draft) { d.Moves = append(d.Moves[:i], d.Moves[i+1:]...) })
}

// addMove adds an empty move at the end and shows it, the form scrolled to
// its top and the name box focused: its name and focus are asked for
// beside their boxes.
func (e *Editor) addMove() {
	e.restructure(len(e.draft.Moves), func(d *routine.Draft) { d.Moves = append(d.Moves, blankMove()) })
	e.focusBox(e.form.fields["name"].entry, e.formScroll)
}

// nameRoom is the most width a move's name asks of the editor's list, the
// room of the longest English name ("Staggered Hip Hinge Stretch" is 198
// px): a longer one (German, Spanish and French names run to 44 letters)
// is cut with "…" to the room it gets, and shown whole in the form, so the
// list keeps its share of the window in every language.
const nameRoom = 200

// nameFit lays a move's row out as row does (its check, its name, its
// buttons), the name's button asking at most nameRoom for its text and
// its text cut with "…" to the room the row leaves it.
type nameFit struct {
	pick *widgets.KeyButton
	full string // the name as it reads whole
	row  fyne.Layout
}

// nameWidth is the width of a button's text s.
func nameWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
}

// MinSize is the row's, the name asking at most nameRoom.
func (n *nameFit) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := n.row.MinSize(objs)
	shown := nameWidth(n.pick.Text)
	m.Width += min(nameWidth(n.full), nameRoom) - shown
	return m
}

// Layout cuts the name to the room left for it, then lays the row out.
func (n *nameFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	text := n.full
	room := nameWidth(n.pick.Text) + size.Width - n.row.MinSize(objs).Width
	if nameWidth(text) > room {
		runes := []rune(text)
		for len(runes) > 1 && nameWidth(string(runes)+"…") > room {
			runes = runes[:len(runes)-1]
		}
		text = strings.TrimRight(string(runes), " ") + "…"
	}
	if n.pick.Text != text {
		n.pick.Text = text
		n.pick.Refresh()
	}
	n.row.Layout(objs, size)
}
