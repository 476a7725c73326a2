package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/journal"
)

// painRow is the optional one-tap 0–10 pain check-in, before or after a
// session. It never blocks anything: Skip hides it.
type painRow struct {
	w       *Window
	when    journal.When
	label   *widget.Label
	buttons []*keyButton
	value   *int
	obj     *fyne.Container
}

func newPainRow(w *Window, when journal.When) *painRow {
	p := &painRow{w: w, when: when, label: widget.NewLabel("")}
	row := container.NewGridWithColumns(11)
	for v := 0; v <= journal.MaxPain; v++ {
		b := newKeyButton(strconv.Itoa(v), nil, w, func() { p.choose(v) })
		p.buttons = append(p.buttons, b)
		row.Add(b)
	}
	skip := newKeyButton("Skip", nil, w, p.hide)
	skip.Importance = widget.LowImportance
	p.obj = container.NewVBox(container.NewBorder(nil, nil, nil, skip, p.label), row)
	p.reset()
	return p
}

// reset shows the row again with nothing chosen.
func (p *painRow) reset() {
	p.value = nil
	for _, b := range p.buttons {
		b.Importance = widget.MediumImportance
		b.Refresh()
	}
	p.setLabel()
	p.obj.Show()
}

func (p *painRow) setLabel() {
	q := "Pain right now? 0 = none, 10 = worst (optional)"
	if p.when == journal.After {
		q = "Pain after the session? 0 = none, 10 = worst (optional)"
	}
	if p.value != nil {
		q = fmt.Sprintf("Pain %d noted (tap another to change).", *p.value)
	}
	p.label.SetText(q)
}

// choose records v: straight into the journal after a session, or kept
// until the session starts (it has no id before).
func (p *painRow) choose(v int) {
	p.value = &v
	for i, b := range p.buttons {
		imp := widget.MediumImportance
		if i == v {
			imp = widget.HighImportance
		}
		b.Importance = imp
		b.Refresh()
	}
	p.setLabel()
	if p.when == journal.Before {
		p.w.pendingPain = p.value
		return
	}
	if p.w.sessionID == "" {
		return
	}
	if err := p.w.j.SavePain(p.w.sessionID, journal.After, v, p.w.clock.Now()); err != nil {
		p.w.notice("pain", "Pain check-in not saved: "+err.Error())
	}
}

// hide puts the row away (Skip, or the session started).
func (p *painRow) hide() {
	if p.when == journal.Before {
		p.w.pendingPain = nil
	}
	p.obj.Hide()
}
