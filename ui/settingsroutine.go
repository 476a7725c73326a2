package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
)

// ---- routine ----

func (v *settingsView) showRoutinePath(path string) {
	if path == "" {
		v.routineLabel.SetText(lang.L("Built-in routine"))
		v.builtin.Disable()
		return
	}
	v.routineLabel.SetText(lang.L("File: {{.Path}}", map[string]any{"Path": path}))
	v.builtin.Enable()
}

// openRoutine asks for a .toml file and loads it.
func (v *settingsView) openRoutine() {
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
func (v *settingsView) LoadRoutine(path string) {
	if v.o.OnRoutine != nil {
		if err := v.o.OnRoutine(path); err != nil {
			v.ShowRoutineError(path, err)
			return
		}
	}
	v.s.RoutinePath = path
	v.change(func(s *Settings) { s.RoutinePath = path })
	v.showRoutinePath(path)
	v.ShowRoutineError("", nil)
}

// ShowRoutineError lists the problems of the routine file at path (one
// line per problem); a nil err clears the list.
func (v *settingsView) ShowRoutineError(path string, err error) {
	v.routineErrors.RemoveAll()
	defer v.relayout()
	if err == nil {
		return
	}
	head := lang.L("The routine file could not be used:")
	if path != "" {
		head = lang.L("Routine file {{.Path}} not used:", map[string]any{"Path": path})
	}
	v.routineErrors.Add(problemRow(head, theme.WarningIcon(), fyne.TextStyle{Bold: true}))
	for _, line := range problemLines(err) {
		v.routineErrors.Add(problemRow(line, theme.ErrorIcon(), fyne.TextStyle{}))
	}
}

// problemLines splits an error into the lines to list: one per problem of
// a routine.Errors, else one per line of its text.
func problemLines(err error) []string {
	var list routine.Errors
	if errors.As(err, &list) {
		out := make([]string, len(list))
		for i, e := range list {
			out[i] = e.Error()
		}
		return out
	}
	return strings.Split(err.Error(), "\n")
}

// problemRow is one line of a problem list: an icon in the error colour
// and the text in the error colour, so that it is told apart by its icon
// and words as well as by its colour.
func problemRow(text string, icon fyne.Resource, style fyne.TextStyle) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(icon)), nil, l)
}
