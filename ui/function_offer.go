package ui

import (
	"spineroutine/ui/widgets"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// functionOffer is the weekly question: each activity rated 0–10 with a
// row of buttons or from the keyboard (a digit rates the activity marked
// ▶ and moves on; T or + is 10; Backspace goes back; Enter saves; Esc
// skips), "Not this week" skips in one tap.
type functionOffer struct {
	f       *functionScale
	acts    []string
	scores  []int // -1: not rated
	current int   // the activity the keyboard rates
	rows    []*widget.RadioGroup
	marks   []*widget.Label
	problem *widgets.ProblemLine
	save    *widget.Button
	skipB   *widget.Button
	dlg     *dialog.CustomDialog
	then    func()
	done    bool
	// the window's key handlers while the offer has the keyboard
	windowKey  func(*fyne.KeyEvent)
	windowRune func(rune)
}

// newFunctionOffer builds the offer for acts; then runs once it is closed.
func newFunctionOffer(f *functionScale, acts []string, then func()) *functionOffer {
	o := &functionOffer{f: f, acts: acts, scores: make([]int, len(acts)), then: then, problem: widgets.NewProblemLine()}
	options := make([]string, 11)
	for i := range options {
		options[i] = strconv.Itoa(i)
	}
	rows := container.NewVBox()
	for i, a := range acts {
		o.scores[i] = -1
		mark := widget.NewLabel("")
		radio := widget.NewRadioGroup(options, func(v string) {
			if n, err := strconv.Atoi(v); err == nil {
				o.scores[i] = n
			} else {
				o.scores[i] = -1
			}
		})
		radio.Horizontal = true
		o.rows = append(o.rows, radio)
		o.marks = append(o.marks, mark)
		name := widget.NewLabelWithStyle(a, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Wrapping = fyne.TextWrapWord
		rows.Add(container.NewBorder(nil, nil, mark, nil, name))
		rows.Add(radio)
	}
	o.save = widget.NewButton(lang.L("Save"), o.submit)
	o.save.Importance = widget.HighImportance
	o.skipB = widget.NewButton(lang.L("Not this week"), o.skip)
	about := widget.NewLabel(lang.L("How well can you do each of these this week? 0 = unable to do it, " +
		"10 = as well as before your back trouble. Keys: a digit rates the activity marked ▶, T is 10, " +
		"Enter saves, Esc skips."))
	about.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(about, rows, o.problem.Row, container.NewHBox(o.skipB, o.save))
	o.dlg = f.dialogs.custom(lang.L("Your activities this week"), content)
	o.dlg.Resize(fyne.NewSize(640, 0))
	o.mark()
	return o
}

// show shows the offer and takes the keyboard.
func (o *functionOffer) show() {
	cv := o.f.dialogs.canvas()
	o.windowKey, o.windowRune = cv.OnTypedKey(), cv.OnTypedRune()
	cv.SetOnTypedRune(o.typedRune)
	cv.SetOnTypedKey(o.typedKey)
	o.dlg.Show()
}

// mark shows ▶ beside the activity the keyboard rates.
func (o *functionOffer) mark() {
	for i, m := range o.marks {
		if i == o.current {
			m.SetText("▶")
		} else {
			m.SetText("  ")
		}
	}
}

// rate gives the current activity score and moves to the next.
func (o *functionOffer) rate(score int) {
	if o.current >= len(o.acts) {
		return
	}
	o.rows[o.current].SetSelected(strconv.Itoa(score))
	o.scores[o.current] = score
	if o.current < len(o.acts)-1 {
		o.current++
	}
	o.mark()
}

// typedRune rates from the keyboard: 0-9, T or + for 10.
func (o *functionOffer) typedRune(r rune) {
	switch {
	case r >= '0' && r <= '9':
		o.rate(int(r - '0'))
	case r == 't' || r == 'T' || r == '+':
		o.rate(10)
	}
}

// typedKey: Enter saves, Escape skips, Backspace and Up go back a row,
// Down goes on.
func (o *functionOffer) typedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		o.submit()
	case fyne.KeyEscape:
		o.skip()
	case fyne.KeyBackspace, fyne.KeyUp:
		o.current = max(0, o.current-1)
		o.mark()
	case fyne.KeyDown:
		o.current = min(len(o.acts)-1, o.current+1)
		o.mark()
	}
}

// submit saves the ratings given (at least one) and closes.
func (o *functionOffer) submit() {
	rated := 0
	for _, s := range o.scores {
		if s >= 0 {
			rated++
		}
	}
	if rated == 0 {
		o.problem.Set(lang.L("Rate at least one activity, or tap \"Not this week\"."))
		return
	}
	if err := safely("saving the ratings", func() error { return o.f.save(o.acts, o.scores) }); err != nil {
		o.problem.Set(lang.L("The ratings were not saved: {{.Error}}", map[string]any{"Error": err.Error()}))
		return
	}
	o.close()
}

// skip closes without ratings; the offer comes again next week.
func (o *functionOffer) skip() {
	o.f.skip()
	o.close()
}

// close hides the offer, gives the keyboard back and goes on.
func (o *functionOffer) close() {
	if o.done {
		return
	}
	o.done = true
	cv := o.f.dialogs.canvas()
	cv.SetOnTypedRune(o.windowRune)
	cv.SetOnTypedKey(o.windowKey)
	o.dlg.Hide()
	o.f.dialog = nil
	if o.then != nil {
		o.then()
	}
}
