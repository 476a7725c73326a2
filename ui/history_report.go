package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/report"
	"spineroutine/ui/widgets"
)

// reportRow is the History tab's "Report for my physiotherapist…" button
// and, once a report is saved, where it went and a button that opens its
// folder; a report that could not be saved shows why in its place.
type reportRow struct {
	button  *widgets.KeyButton
	saved   *widget.Label
	open    *widgets.KeyButton
	problem *widgets.ProblemLine
	box     *fyne.Container

	// path is the report saved last ("" when none).
	path string
}

// newReportRow builds the row; ask asks where to save a report and saves
// it (see historyOptions.askReport), openFolder opens a folder.
func newReportRow(ask func(done func(path string, err error)), openFolder func(dir string) error,
	relayout func()) *reportRow {
	r := &reportRow{problem: widgets.NewProblemLine()}
	r.saved = widget.NewLabel("")
	r.saved.Wrapping = fyne.TextWrapWord
	r.open = widgets.NewKeyButton(lang.L("Open the folder"), theme.FolderOpenIcon(), func() {
		if err := openFolder(filepath.Dir(r.path)); err != nil {
			r.problem.Set(lang.L("Could not open the folder: {{.Problem}}", map[string]any{"Problem": err.Error()}))
			relayout()
		}
	})
	r.button = widgets.NewKeyButton(lang.L("Report for my physiotherapist…"), theme.DocumentSaveIcon(), func() {
		ask(func(path string, err error) {
			r.show(path, err)
			relayout()
		})
	})
	r.open.Hide()
	r.saved.Hide()
	about := widget.NewLabel(lang.L("A PDF of the last 4 weeks to print or send: days done, pain before and after, " +
		"each move, the routine and every day."))
	about.Wrapping = fyne.TextWrapWord
	// "Saved: …" and the folder's button come on the button's line, where
	// the eyes are when it is tapped.
	r.box = container.NewVBox(
		about,
		container.NewBorder(nil, nil, r.button, r.open, r.saved),
		r.problem.Row,
	)
	return r
}

// show shows the outcome of saving a report to path.
func (r *reportRow) show(path string, err error) {
	if err != nil {
		r.problem.Set(lang.L("The report was not saved: {{.Problem}}", map[string]any{"Problem": err.Error()}))
		return
	}
	r.problem.Clear()
	if path == "" {
		return // cancelled
	}
	r.path = path
	r.saved.SetText(lang.L("Saved: {{.Path}}", map[string]any{"Path": path}))
	r.saved.Show()
	r.open.Show()
}

// note adds to "Saved: …" the characters no font has, printed as a box.
func (r *reportRow) note(unprintable []report.Unprintable) {
	chars := make([]string, len(unprintable))
	for i, u := range unprintable {
		chars[i] = lang.L("{{.Char}} in {{.Where}}", map[string]any{"Char": fmt.Sprintf("%U", u.Char), "Where": u.Where})
	}
	r.saved.SetText(lang.L("{{.Saved}} (no font on this computer has {{.Chars}}: printed as {{.As}})",
		map[string]any{"Saved": r.saved.Text, "Chars": strings.Join(chars, ", "), "As": string(unprintable[0].As)}))
}
