package editor

import (
	"fmt"
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// levelsForm edits the levels of the move shown in the move form: the
// ladder of doses, easiest first, where a new user starts and the top a
// suggestion never passes. A move without levels shows an "Add levels"
// button that makes its dose level 1.
type levelsForm struct {
	ed *Editor
	i  int // index of the move shown in the draft

	add          *widgets.KeyButton // "Add levels", shown without levels
	addLevel     *widgets.KeyButton // off at routine.MaxLevels
	start        *widgets.KeySelect
	top          *widgets.KeySelect
	startProblem *widgets.ProblemLine
	topProblem   *widgets.ProblemLine
	other        *widgets.ProblemLine // problems of the levels as a whole
	boxes        []*levelBox
	list         *fyne.Container
	ladder       *fyne.Container // everything shown when the move has levels
	obj          fyne.CanvasObject
}

// levelName is how the editor names level n (1-based).
func levelName(n int) string { return lang.L("Level {{.N}}", map[string]any{"N": n}) }

func newLevelsForm(ed *Editor) *levelsForm {
	f := &levelsForm{ed: ed, startProblem: widgets.NewProblemLine(), topProblem: widgets.NewProblemLine(), other: widgets.NewProblemLine()}
	f.add = widgets.NewKeyButton(lang.L("Add levels"), theme.ContentAddIcon(), func() {
		f.restructure(func(m *routine.DraftMove) { m.AddLevels() })
	})
	f.start = widgets.NewKeySelect(nil, func(s string) {
		ed.editMove(f.i, "start_level", func(m *routine.DraftMove) { m.StartLevel = f.pick(f.start, s) })
	})
	f.top = widgets.NewKeySelect(nil, func(s string) {
		ed.editMove(f.i, "top_level", func(m *routine.DraftMove) { m.TopLevel = f.pick(f.top, s) })
	})
	f.addLevel = widgets.NewKeyButton(lang.L("Add a level"), theme.ContentAddIcon(), func() {
		f.restructure(func(m *routine.DraftMove) { m.AddLevel() })
	})
	drop := widgets.NewKeyButton(lang.L("Remove the levels (keep the start's dose)"), theme.ContentClearIcon(), func() {
		f.restructure(func(m *routine.DraftMove) { m.DropLevels() })
	})
	f.list = container.NewVBox()
	hint := widget.NewLabel(lang.L("Each level is a whole dose, the easiest first. A new user starts at the start " +
		"level; suggestions to step up never pass the top."))
	hint.Wrapping = fyne.TextWrapWord
	f.ladder = container.NewVBox(hint,
		formRows(
			formLabel(lang.L("Start at")), container.NewVBox(f.start, f.startProblem.Row),
			formLabel(lang.L("Top")), container.NewVBox(f.top, f.topProblem.Row)),
		f.other.Row, f.list, container.NewHBox(f.addLevel, drop))
	f.obj = container.NewVBox(container.NewHBox(f.add), f.ladder)
	return f
}

// pick is the level chosen in a list of levels, 0 for none.
func (f *levelsForm) pick(s *widgets.KeySelect, text string) int {
	for i, o := range s.Options {
		if o == text {
			return i + 1
		}
	}
	return 0
}

// restructure applies a change to the levels of the move shown, one step
// of Undo, and shows the move again.
func (f *levelsForm) restructure(change func(m *routine.DraftMove)) {
	i := f.i
	f.ed.restructure(f.ed.sel, func(d *routine.Draft) { change(&d.Moves[i]) })
}

// show fills the form with the levels of move i, without reporting changes.
func (f *levelsForm) show(i int) {
	f.i = i
	m := f.ed.draft.Moves[i]
	if len(m.Levels) == 0 {
		f.add.Show()
		f.ladder.Hide()
		f.boxes = nil
		f.list.RemoveAll()
		return
	}
	f.add.Hide()
	f.ladder.Show()
	setEnabled(f.addLevel, len(m.Levels) < routine.MaxLevels)
	names := make([]string, len(m.Levels))
	for k := range names {
		names[k] = levelName(k + 1)
	}
	f.start.Options, f.top.Options = names, names
	f.start.SetSelected(levelName(m.Start()))
	f.top.SetSelected(levelName(m.Top()))
	f.boxes = f.boxes[:0]
	f.list.RemoveAll()
	for k, l := range m.Levels {
		b := newLevelBox(f, k+1)
		b.show(l, k+1, len(m.Levels))
		f.boxes = append(f.boxes, b)
		f.list.Add(b.obj)
	}
}

// showProblems shows the problems of the levels (byLevel: by 1-based
// level, then by file key; byKey: the move's own, of which the form takes
// start_level, top_level and level) and each level's time and role.
func (f *levelsForm) showProblems(byKey map[string]string, byLevel map[int]map[string]string) {
	show := func(p *widgets.ProblemLine, msg string) {
		if msg != "" {
			p.Set(msg)
		} else {
			p.Clear()
		}
	}
	show(f.startProblem, byKey["start_level"])
	show(f.topProblem, byKey["top_level"])
	show(f.other, byKey["level"])
	m := f.ed.draft.Moves[f.i]
	for k, b := range f.boxes {
		if k >= len(m.Levels) {
			break
		}
		b.showProblems(byLevel[k+1])
		b.title.SetText(levelTitle(m, k+1))
		t := "–:––"
		if d, ok := f.ed.doseDuration(f.i, m.Levels[k]); ok {
			t = widgets.FormatClock(d)
		}
		b.time.SetText(lang.L("This level: {{.Time}}", map[string]any{"Time": t}))
	}
}

// levelTitle is the heading of level n of m: its number and its role.
func levelTitle(m routine.DraftMove, n int) string {
	data := map[string]any{"N": n, "Count": len(m.Levels)}
	switch {
	case n == m.Start() && n == m.Top():
		return lang.L("Level {{.N}} of {{.Count}} · start and top", data)
	case n == m.Start():
		return lang.L("Level {{.N}} of {{.Count}} · start", data)
	case n == m.Top() && m.TopLevel != 0:
		return lang.L("Level {{.N}} of {{.Count}} · top", data)
	}
	return lang.L("Level {{.N}} of {{.Count}}", data)
}

// levelBox edits one level: its sets and reps, hold or tempo, the time
// between reps and whether it is done as the easier variant; its buttons
// move it down or up the ladder, or remove it.
type levelBox struct {
	title    *widget.Label
	time     *widget.Label
	fields   map[string]*editField // by the file key they edit
	dose     *widget.RadioGroup
	holdRow  *fyne.Container
	tempoRow *fyne.Container
	easier   *widgets.KeyCheck
	problem  *widgets.ProblemLine // the level's problems no box shows
	up       *widgets.KeyButton
	down     *widgets.KeyButton
	del      *widgets.KeyButton
	obj      fyne.CanvasObject
}

// newLevelBox makes the box of level n (1-based) of the move of f.
func newLevelBox(f *levelsForm, n int) *levelBox {
	ed, i, k := f.ed, f.i, n-1
	b := &levelBox{fields: map[string]*editField{}, problem: widgets.NewProblemLine()}
	b.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.time = widget.NewLabel("")
	edit := func(key string, change func(l *routine.DraftLevel)) {
		ed.editMove(i, fmt.Sprintf("level %d %s", n, key), func(m *routine.DraftMove) {
			if k < len(m.Levels) {
				change(&m.Levels[k])
			}
		})
	}
	field := func(key, hint string, set func(l *routine.DraftLevel, s string)) *editField {
		e := newEditField(hint, false, func(s string) { edit(key, func(l *routine.DraftLevel) { set(l, s) }) })
		b.fields[key] = e
		return e
	}
	reps := field("reps", lang.L("reps of each set: 8, or 6-4-2"), func(l *routine.DraftLevel, s string) { l.Reps = s })
	hold := field("hold", lang.L("seconds each rep is held"), func(l *routine.DraftLevel, s string) { l.Hold = s })
	tempo := field("tempo", lang.L("seconds of each phase: 2-1-2"), func(l *routine.DraftLevel, s string) { l.Tempo = s })
	between := field("between_reps", "0", func(l *routine.DraftLevel, s string) { l.BetweenReps = s })
	b.dose = widget.NewRadioGroup(doseLabels(), func(s string) {
		edit("dose", func(l *routine.DraftLevel) { l.UseTempo = s == doseLabels()[1] })
		b.showDose(s == doseLabels()[1])
	})
	b.dose.Horizontal = true
	b.dose.Required = true
	b.easier = widgets.NewKeyCheck(lang.L("Done as the easier variant"), func(on bool) {
		edit("easier", func(l *routine.DraftLevel) { l.Easier = on })
	})
	secs := func(e *editField) *fyne.Container {
		return container.NewBorder(nil, nil, nil, widget.NewLabel(lang.L("s")), e.obj)
	}
	b.holdRow, b.tempoRow = secs(hold), secs(tempo)
	b.up = widgets.NewKeyButton("", theme.MoveUpIcon(), func() { f.restructure(func(m *routine.DraftMove) { m.MoveLevel(n, -1) }) })
	b.down = widgets.NewKeyButton("", theme.MoveDownIcon(), func() { f.restructure(func(m *routine.DraftMove) { m.MoveLevel(n, +1) }) })
	b.del = widgets.NewKeyButton("", theme.DeleteIcon(), func() { f.restructure(func(m *routine.DraftMove) { m.RemoveLevel(n) }) })
	head := container.NewBorder(nil, nil, nil, container.NewHBox(b.time, b.up, b.down, b.del), b.title)
	// The boxes of a dose under their labels: sets and reps beside the
	// rest between reps, the hold or tempo under them (the three side by
	// side were 16 px too wide for the form at 1024×600).
	labelled := func(label fyne.CanvasObject, box fyne.CanvasObject) fyne.CanvasObject {
		return container.NewVBox(label, box)
	}
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	// Containers only (no card): the editor lays its containers out again
	// when a time or a problem changes their sizes.
	b.obj = container.NewVBox(widget.NewSeparator(), head, b.problem.Row,
		container.NewGridWithColumns(2,
			labelled(bold(lang.L("Sets and reps")), reps.obj),
			labelled(bold(lang.L("Between reps")), secs(between))),
		container.NewGridWithColumns(2, labelled(b.dose, container.NewVBox(b.holdRow, b.tempoRow))),
		b.easier)
	return b
}

// showDose shows the hold box or the tempo box.
func (b *levelBox) showDose(tempo bool) {
	if tempo {
		b.holdRow.Hide()
		b.tempoRow.Show()
	} else {
		b.tempoRow.Hide()
		b.holdRow.Show()
	}
}

// show fills the box with level l, number n of count, without reporting
// changes (the editor is updating).
func (b *levelBox) show(l routine.DraftLevel, n, count int) {
	for key, text := range map[string]string{"reps": l.Reps, "hold": l.Hold, "tempo": l.Tempo, "between_reps": l.BetweenReps} {
		b.fields[key].set(text)
	}
	dose := doseLabels()[0]
	if l.UseTempo {
		dose = doseLabels()[1]
	}
	b.dose.SetSelected(dose)
	b.showDose(l.UseTempo)
	b.easier.SetChecked(l.Easier)
	setEnabled(b.up, n > 1)
	setEnabled(b.down, n < count)
}

// showProblems shows the level's problems by file key.
func (b *levelBox) showProblems(byKey map[string]string) {
	other := ""
	for _, key := range slices.Sorted(maps.Keys(byKey)) {
		if _, ok := b.fields[key]; !ok {
			other = joinLines(other, byKey[key])
		}
	}
	for key, e := range b.fields {
		e.showProblem(byKey[key])
	}
	if other != "" {
		b.problem.Set(other)
	} else {
		b.problem.Clear()
	}
}
