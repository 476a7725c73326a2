package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/progress"
	"spineroutine/ui/widgets"
)

// ruleSection is Settings' "Suggestions": each number of the progression
// rule with what it means, saved in Prefs as soon as the numbers make
// sense together (a problem line says why they do not).
type ruleSection struct {
	p        *Prefs
	boxes    []*widgets.KeySelect // by ruleParams
	problem  *problemLine
	changed  func() // the rule's numbers changed (the Today panel)
	updating bool
	obj      fyne.CanvasObject
}

// newRuleSection builds the section showing p's numbers.
func newRuleSection(p *Prefs, keys keyRoute, changed func()) *ruleSection {
	s := &ruleSection{p: p, problem: newProblemLine(), changed: changed}
	intro := widget.NewLabel("The app suggests a step up, a step down or the bad-day routine from your pain check-ins " +
		"(the pain-monitoring model: the next morning decides). It only suggests: nothing changes without your Yes. " +
		guidanceText)
	intro.Wrapping = fyne.TextWrapWord
	rows := []fyne.CanvasObject{intro}
	for _, rp := range ruleParams {
		var opts []string
		for v := rp.lo; v <= rp.hi; v++ {
			opts = append(opts, strconv.Itoa(v))
		}
		box := keys.selectBox(opts, func(string) { s.save() })
		s.boxes = append(s.boxes, box)
		help := widget.NewLabel(rp.help)
		help.Wrapping = fyne.TextWrapWord
		help.TextStyle = fyne.TextStyle{Italic: true}
		rows = append(rows, container.NewBorder(nil, nil, widget.NewLabel(rp.label), box), help)
	}
	reset := keys.button("Defaults", theme.ViewRefreshIcon(), func() {
		if s.p.SetProgress(progress.Defaults()) == nil {
			s.show(progress.Defaults())
			s.changed()
		}
	})
	rows = append(rows, s.problem.row, container.NewHBox(reset))
	s.show(p.Progress())
	s.obj = section("Suggestions", rows...)
	return s
}

// show sets the boxes to v.
func (s *ruleSection) show(v progress.Params) {
	s.updating = true
	defer func() { s.updating = false }()
	for i, rp := range ruleParams {
		s.boxes[i].SetSelected(strconv.Itoa(*rp.field(&v)))
	}
	s.problem.hide()
}

// save saves the numbers of the boxes when they make sense together.
func (s *ruleSection) save() {
	if s.updating {
		return
	}
	v := s.p.Progress()
	for i, rp := range ruleParams {
		if n, err := strconv.Atoi(s.boxes[i].Selected); err == nil {
			*rp.field(&v) = n
		}
	}
	if err := s.p.SetProgress(v); err != nil {
		s.problem.show("Not saved: " + err.Error() + ".")
		return
	}
	s.problem.hide()
	s.changed()
}
