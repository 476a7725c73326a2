package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/ui/state"
	"spineroutine/ui/widgets"
)

// painRow is the optional one-tap 0–10 pain check-in, before or after a
// session. It never blocks anything: Skip hides it. A value is handed to
// onChoose at once (the controller writes it to the journal).
type painRow struct {
	// lastOne is when 1 was typed: a 0 soon after it makes 10.
	lastOne  time.Time
	when     painWhen
	label    *widget.Label
	buttons  []*widgets.KeyButton
	value    *int
	obj      *fyne.Container
	onChoose func(painWhen, int)
	onSkip   func() // the row was put away unanswered
}

func newPainRow(when painWhen, onChoose func(painWhen, int)) *painRow {
	p := &painRow{when: when, label: widget.NewLabel(""), onChoose: onChoose}
	// The question wraps rather than run under Skip (German is longer).
	p.label.Wrapping = fyne.TextWrapWord
	row := container.NewGridWithColumns(11)
	for v := 0; v <= maxPain; v++ {
		b := widgets.NewKeyButton(strconv.Itoa(v), nil, func() { p.choose(v) })
		p.buttons = append(p.buttons, b)
		row.Add(b)
	}
	skip := widgets.NewKeyButton(lang.L("Skip"), nil, func() {
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
	q := lang.L("Pain right now? 0 = none, 10 = worst (optional)")
	if p.when == painAfterSession {
		q = lang.L("Pain after the session? 0 = none, 10 = worst (optional)")
	}
	if p.value != nil {
		q = lang.L("Pain {{.Pain}} noted (tap another to change).", map[string]any{"Pain": *p.value})
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

// checkInDigit answers the check-in shown on screen with a digit typed
// (keyTable) at now: the pain before between sessions, the pain after on
// the summary.
func (s *sessionScreen) checkInDigit(screen state.Screen, r rune, now time.Time) {
	switch {
	case screen == state.Summary:
		s.painAfter.typed(r, now)
	case screen.Idle():
		s.painBefore.typed(r, now)
	}
}

// tenWithin is how soon after a typed 1 a typed 0 makes 10.
const tenWithin = 1500 * time.Millisecond

// typed answers the row with a digit typed at now: 1 then 0 within
// tenWithin is 10. It reports whether the row took it (it is shown).
func (p *painRow) typed(r rune, now time.Time) bool {
	if !p.obj.Visible() || r < '0' || r > '9' {
		return false
	}
	v := int(r - '0')
	if v == 0 && !p.lastOne.IsZero() && now.Sub(p.lastOne) <= tenWithin {
		v = 10
	}
	p.lastOne = time.Time{}
	if v == 1 {
		p.lastOne = now
	}
	p.choose(v)
	return true
}
