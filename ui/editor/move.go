package editor

import (
	"maps"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// sidesValues are the choices of sides as written in the file.
var sidesValues = []string{string(routine.NoSides), string(routine.Each), string(routine.Alternate)}

// sidesLabels are the choices of sides as shown, by sidesValues.
func sidesLabels() []string {
	return []string{lang.L("Both at once"), lang.L("Each side in turn"), lang.L("Alternate")}
}

// doseLabels are the kinds of dose as shown: a hold, a tempo.
func doseLabels() []string { return []string{lang.L("Hold"), lang.L("Tempo")} }

// moveForm edits one move of the routine editor: what it is (name, focus,
// what it is for, form cues, easier variant) and its dose.
type moveForm struct {
	ed    *Editor
	i     int // index of the move shown in the draft
	title *widget.Label
	time  *widget.Label

	fields        map[string]*editField // by the file key they edit
	focus         *widget.Select
	focusProblem  *widgets.ProblemLine
	sides         *widget.RadioGroup
	sidesProblem  *widgets.ProblemLine
	dose          *widget.RadioGroup // hold or tempo
	holdRow       *fyne.Container
	tempoRow      *fyne.Container
	ownDose       *fyne.Container // the boxes of the move's own dose, hidden with levels
	levels        *levelsForm
	figure        *widget.Select // the move's drawing (editor_figure.go)
	figureProblem *widgets.ProblemLine
	other         *widgets.ProblemLine // the move's problems no box shows
	obj           fyne.CanvasObject
}

func newMoveForm(ed *Editor) *moveForm {
	f := &moveForm{ed: ed, fields: map[string]*editField{}, other: widgets.NewProblemLine(),
		focusProblem: widgets.NewProblemLine(), sidesProblem: widgets.NewProblemLine(), figureProblem: widgets.NewProblemLine()}
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.time = widget.NewLabel("")
	field := func(key, hint string, multi bool, set func(m *routine.DraftMove, s string)) *editField {
		e := newEditField(hint, multi, func(s string) {
			ed.editMove(f.i, key, func(m *routine.DraftMove) { set(m, s) })
		})
		f.fields[key] = e
		return e
	}
	name := field("name", lang.L("the move's name, spoken before it starts"), false, func(m *routine.DraftMove, s string) { m.Name = s })
	about := field("about", lang.L("what the move is for"), true, func(m *routine.DraftMove, s string) { m.About = s })
	steps := field("steps", lang.L("form cues, one per line"), true, func(m *routine.DraftMove, s string) { m.Steps = s })
	easier := field("easier", lang.L("an easier way to do it"), false, func(m *routine.DraftMove, s string) { m.Easier = s })
	reps := field("reps", lang.L("reps of each set: 8, or 6-4-2 for three sets"), false, func(m *routine.DraftMove, s string) { m.Reps = s })
	hold := field("hold", lang.L("seconds each rep is held"), false, func(m *routine.DraftMove, s string) { m.Hold = s })
	tempo := field("tempo", lang.L("seconds of each phase of a rep: 2-1-2"), false, func(m *routine.DraftMove, s string) { m.Tempo = s })
	betweenReps := field("between_reps", "0", false, func(m *routine.DraftMove, s string) { m.BetweenReps = s })
	betweenSets := field("between_sets", "", false, func(m *routine.DraftMove, s string) { m.BetweenSets = s })
	rest := field("rest", "", false, func(m *routine.DraftMove, s string) { m.Rest = s })

	f.focus = widget.NewSelect(editorFocusLabels(), func(s string) {
		focus := focusNames()[indexOf(editorFocusLabels(), s)]
		ed.editMove(f.i, "focus", func(m *routine.DraftMove) { m.Focus = focus })
	})
	// The sides one a line: side by side they made the form wider than its
	// pane on a small screen.
	f.sides = widget.NewRadioGroup(sidesLabels(), func(s string) {
		ed.editMove(f.i, "sides", func(m *routine.DraftMove) { m.Sides = sidesValues[indexOf(sidesLabels(), s)] })
	})
	f.sides.Required = true
	f.dose = widget.NewRadioGroup(doseLabels(), func(s string) {
		ed.editMove(f.i, "dose", func(m *routine.DraftMove) { m.UseTempo = s == doseLabels()[1] })
		f.showDose(s == doseLabels()[1])
	})
	f.dose.Horizontal = true
	f.dose.Required = true
	f.figure = newFigureSelect(func(name string) {
		ed.editMove(f.i, "figure", func(m *routine.DraftMove) { m.Figure = name })
	})
	f.holdRow = container.NewBorder(nil, nil, nil, widget.NewLabel(lang.L("s")), hold.obj)
	f.tempoRow = container.NewBorder(nil, nil, nil, widget.NewLabel(lang.L("s")), tempo.obj)
	secs := func(e *editField) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewLabel(lang.L("s")), e.obj)
	}

	what := formRows(
		formLabel(lang.L("Name")), name.obj,
		formLabel(lang.L("Focus")), container.NewVBox(f.focus, f.focusProblem.Row),
		formLabel(lang.L("What it is for")), about.obj,
		formLabel(lang.L("Form cues")), steps.obj,
		formLabel(lang.L("Easier variant")), easier.obj,
		formLabel(lang.L("Figure")), container.NewVBox(f.figure, f.figureProblem.Row),
	)
	f.ownDose = formRows(
		formLabel(lang.L("Sets and reps")), reps.obj,
		formLabel(lang.L("Each rep")), container.NewVBox(f.dose, f.holdRow, f.tempoRow),
		formLabel(lang.L("Between reps")), secs(betweenReps),
	)
	shared := formRows(
		formLabel(lang.L("Sides")), container.NewVBox(f.sides, f.sidesProblem.Row),
		formLabel(lang.L("Between sets")), secs(betweenSets),
		formLabel(lang.L("Rest after")), secs(rest),
	)
	f.levels = newLevelsForm(ed)
	f.obj = container.NewVBox(
		container.NewBorder(nil, nil, nil, f.time, f.title), f.other.Row,
		what, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Dose"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), f.ownDose, shared,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Levels"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), f.levels.obj)
	return f
}

// editorFocusLabels are the focus choices as shown, by routine.Focuses.
func editorFocusLabels() []string {
	out := make([]string, len(routine.Focuses))
	for i, x := range routine.Focuses {
		switch x {
		case routine.Mobility:
			out[i] = lang.L("mobility")
		case routine.Stability:
			out[i] = lang.L("stability")
		case routine.Decompression:
			out[i] = lang.L("decompression")
		case routine.Activation:
			out[i] = lang.L("activation")
		case routine.Strength:
			out[i] = lang.L("strength")
		default:
			out[i] = string(x)
		}
	}
	return out
}

// focusNames are the focus choices as written in the file.
func focusNames() []string {
	out := make([]string, len(routine.Focuses))
	for i, x := range routine.Focuses {
		out[i] = string(x)
	}
	return out
}

// joinLines joins two texts with a line break, leaving out an empty one.
func joinLines(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return 0
}

// showDose shows the hold box or the tempo box.
func (f *moveForm) showDose(tempo bool) {
	if tempo {
		f.holdRow.Hide()
		f.tempoRow.Show()
	} else {
		f.tempoRow.Hide()
		f.holdRow.Show()
	}
}

// show fills the form with move i of the draft, without reporting changes.
func (f *moveForm) show(i int) {
	f.i = i
	d := f.ed.draft
	m := d.Moves[i]
	f.title.SetText(lang.L("Move {{.N}} of {{.Count}}", map[string]any{"N": i + 1, "Count": len(d.Moves)}))
	for key, text := range map[string]string{"name": m.Name, "about": m.About, "steps": m.Steps, "easier": m.Easier,
		"reps": m.Reps, "hold": m.Hold, "tempo": m.Tempo, "between_reps": m.BetweenReps,
		"between_sets": m.BetweenSets, "rest": m.Rest} {
		f.fields[key].set(text)
	}
	f.fields["between_sets"].entry.SetPlaceHolder(lang.L("the routine's ({{.Time}})",
		map[string]any{"Time": orDefault(d.BetweenSets, routine.DefaultBetweenSets)}))
	f.fields["rest"].entry.SetPlaceHolder(lang.L("the routine's ({{.Time}})",
		map[string]any{"Time": orDefault(d.Rest, routine.DefaultRest)}))
	if slices.Contains(focusNames(), m.Focus) {
		f.focus.SetSelected(editorFocusLabels()[indexOf(focusNames(), m.Focus)])
	} else {
		f.focus.ClearSelected() // none chosen, or unknown: its problem says so
	}
	sides := m.Sides
	if sides == "" {
		sides = string(routine.NoSides)
	}
	f.sides.SetSelected(sidesLabels()[indexOf(sidesValues, sides)])
	dose := doseLabels()[0]
	if m.UseTempo {
		dose = doseLabels()[1]
	}
	f.dose.SetSelected(dose)
	f.showDose(m.UseTempo)
	if len(m.Levels) > 0 {
		f.ownDose.Hide()
	} else {
		f.ownDose.Show()
	}
	f.levels.show(i)
	if label, ok := figureLabel(m.Figure); ok {
		f.figure.SetSelected(label)
	} else {
		f.figure.ClearSelected() // not in the library: its problem says so
	}
}

// orDefault is a routine-wide time as typed, or its default.
func orDefault(text string, def time.Duration) string {
	if text == "" {
		return routine.DurationText(def)
	}
	return lang.L("{{.Seconds}} s", map[string]any{"Seconds": text})
}

// showProblems shows the problems of the move shown (by file key; those
// of its levels by level, then file key) and its time.
func (f *moveForm) showProblems(byKey map[string]string, byLevel map[int]map[string]string, time string) {
	f.levels.showProblems(byKey, byLevel)
	rest := map[string]string{}
	for k, v := range byKey {
		if k == "id" {
			k = "name" // a new move's id comes from its name
		}
		rest[k] = joinLines(rest[k], v)
	}
	for key, e := range f.fields {
		e.showProblem(rest[key])
		delete(rest, key)
	}
	showOn := func(p *widgets.ProblemLine, key string) {
		if msg := rest[key]; msg != "" {
			p.Set(msg)
		} else {
			p.Clear()
		}
		delete(rest, key)
	}
	showOn(f.focusProblem, "focus")
	showOn(f.sidesProblem, "sides")
	for _, key := range []string{"start_level", "top_level", "level"} {
		delete(rest, key) // shown by the levels form
	}
	showOn(f.figureProblem, "figure")
	other := ""
	for _, k := range slices.Sorted(maps.Keys(rest)) {
		other = joinLines(other, rest[k])
	}
	if other != "" {
		f.other.Set(other)
	} else {
		f.other.Clear()
	}
	f.time.SetText(time)
}
