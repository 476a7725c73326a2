package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/ui/widgets"
)

// functionHistory is History's section of the function scale: the named
// activities, editable (one to five), and each one's ratings over time.
type functionHistory struct {
	f       *functionScale
	entries []*widgets.EditEntry
	keep    *widgets.KeyButton
	rateNow *widgets.KeyButton
	status  *widget.Label
	ratings *widget.Label
	problem *widgets.ProblemLine
	obj     fyne.CanvasObject
}

// newFunctionHistory builds the section.
func newFunctionHistory(f *functionScale) *functionHistory {
	h := &functionHistory{f: f, status: widget.NewLabel(""), ratings: widget.NewLabel(""), problem: widgets.NewProblemLine()}
	h.ratings.Wrapping = fyne.TextWrapWord
	about := widget.NewLabel(lang.L("Name up to five activities your back makes hard (putting on socks, sitting 30 " +
		"minutes…). Once a week, before the first session, you rate each from 0 (unable) to 10 (as before): " +
		"the Patient-Specific Functional Scale your physiotherapist may use."))
	about.Wrapping = fyne.TextWrapWord
	grid := container.NewVBox()
	acts := f.activities()
	for i := range maxActivities {
		e := widgets.NewEditEntry(nil)
		e.ActionItem = nil
		e.SetPlaceHolder(lang.L("Activity {{.Number}}", map[string]any{"Number": i + 1}))
		if i < len(acts) {
			e.SetText(acts[i])
		}
		e.OnSubmitted = func(string) { h.save() }
		h.entries = append(h.entries, e)
		grid.Add(e)
	}
	h.keep = widgets.NewKeyButton(lang.L("Keep these activities"), theme.DocumentSaveIcon(), h.save)
	h.rateNow = widgets.NewKeyButton(lang.L("Rate them now"), nil, func() {
		f.dialog = newFunctionOffer(f, f.activities(), nil)
		f.asked = f.week()
		f.dialog.show()
	})
	h.obj = container.NewVBox(
		widget.NewSeparator(),
		heading(lang.L("Activities (function scale)")),
		about,
		grid,
		container.NewHBox(h.keep, h.rateNow),
		h.status,
		h.problem.Row,
		h.ratings,
	)
	h.status.Hide()
	h.reload()
	return h
}

// save keeps the activities typed.
func (h *functionHistory) save() {
	names := make([]string, len(h.entries))
	for i, e := range h.entries {
		names[i] = e.Text
	}
	if err := h.f.setActivities(names); err != nil {
		h.problem.Set(lang.L("Not kept: {{.Error}}", map[string]any{"Error": err.Error()}))
		return
	}
	h.problem.Clear()
	n := len(h.f.activities())
	h.status.SetText(lang.N("Kept: {{.Count}} activities.", n, counted(n)))
	h.status.Show()
	h.reload()
}

// reload shows the ratings of each activity over time, and the rate-now
// button when activities are named.
func (h *functionHistory) reload() {
	if len(h.f.activities()) == 0 {
		h.rateNow.Hide()
	} else {
		h.rateNow.Show()
	}
	today := dayOf(h.f.clock.Now())
	var order []string
	by := make(map[string][]string)
	for _, r := range h.f.rec.ratings(today) {
		if _, ok := by[r.Activity]; !ok {
			order = append(order, r.Activity)
		}
		by[r.Activity] = append(by[r.Activity], fmt.Sprintf("%d (%s)", r.Score, shortDay(r.Day)))
	}
	if len(order) == 0 {
		h.ratings.SetText(lang.L("No ratings yet."))
		return
	}
	var b strings.Builder
	for _, a := range order {
		fmt.Fprintf(&b, "%s: %s\n", a, strings.Join(by[a], " → "))
	}
	h.ratings.SetText(strings.TrimSpace(b.String()))
}
