package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spineroutine/ui/widgets"
)

// painRow is the optional one-tap 0–10 pain check-in, before or after a
// session. It never blocks anything: Skip hides it. A value is handed to
// onChoose at once (the controller writes it to the journal).
type painRow struct {
	when     painWhen
	label    *widget.Label
	buttons  []*widgets.KeyButton
	value    *int
	obj      *fyne.Container
	onChoose func(painWhen, int)
	onSkip   func() // the row was put away unanswered
}

func newPainRow(when painWhen, keys keyRoute, onChoose func(painWhen, int)) *painRow {
	p := &painRow{when: when, label: widget.NewLabel(""), onChoose: onChoose}
	row := container.NewGridWithColumns(11)
	for v := 0; v <= maxPain; v++ {
		b := keys.button(strconv.Itoa(v), nil, func() { p.choose(v) })
		p.buttons = append(p.buttons, b)
		row.Add(b)
	}
	skip := keys.button("Skip", nil, func() {
		p.hide()
		if p.onSkip != nil {
			p.onSkip()
		}
	})
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
	if p.when == painAfterSession {
		q = "Pain after the session? 0 = none, 10 = worst (optional)"
	}
	if p.value != nil {
		q = fmt.Sprintf("Pain %d noted (tap another to change).", *p.value)
	}
	p.label.SetText(q)
}

// choose shows v as chosen and hands it on.
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
	p.onChoose(p.when, v)
}

// answered reports whether a value was chosen or the row put away.
func (p *painRow) answered() bool { return p.value != nil || !p.obj.Visible() }

// hide puts the row away (Skip, or the session started).
func (p *painRow) hide() { p.obj.Hide() }
