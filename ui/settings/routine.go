package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// ShowRoutinePath shows the routine file in use ("" the built-in one).
func (v *View) ShowRoutinePath(path string) {
	if path == "" {
		v.routineLabel.SetText(lang.L("Built-in routine"))
		v.builtin.Disable()
		return
	}
	v.routineLabel.SetText(lang.L("File: {{.Path}}", map[string]any{"Path": path}))
	v.builtin.Enable()
}

// openRoutine asks for a .toml file and loads it.
func (v *View) openRoutine() {
	v.o.PickFile(func(path string, err error) {
		switch {
		case err != nil:
			v.ShowRoutineError(path, err)
		case path != "":
			v.LoadRoutine(path)
		}
	})
}

// LoadRoutine switches to the routine file at path ("" = built-in) through
// OnRoutine; on success the choice is handed on and earlier problems
// cleared, else the problems are listed and the previous choice stays.
func (v *View) LoadRoutine(path string) {
	if v.o.OnRoutine != nil {
		if err := v.o.OnRoutine(path); err != nil {
			v.ShowRoutineError(path, err)
			return
		}
	}
	v.s.RoutinePath = path
	v.change(func(s *Settings) { s.RoutinePath = path })
	v.ShowRoutinePath(path)
	v.ShowRoutineError("", nil)
}

// ShowRoutineError lists the problems of the routine file at path (one
// line per problem); a nil err clears the list.
func (v *View) ShowRoutineError(path string, err error) {
	v.routineErrors.RemoveAll()
	defer v.relayout()
	if err == nil {
		return
	}
	head := lang.L("The routine file could not be used:")
	if path != "" {
		head = lang.L("Routine file {{.Path}} not used:", map[string]any{"Path": path})
	}
	v.routineErrors.Add(widgets.NewProblemRow(head, theme.WarningIcon(), fyne.TextStyle{Bold: true}))
	for _, line := range routine.ErrorLines(err) {
		v.routineErrors.Add(widgets.NewProblemRow(line, theme.ErrorIcon(), fyne.TextStyle{}))
	}
}
