package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// pickerOptions connect a routine picker to the library and the window.
type pickerOptions struct {
	// List returns the routines of the library.
	List func() ([]library.Entry, error)
	// Use puts the routine of key in use.
	Use func(key string) error
	// Import copies a checked routine file into the library and returns its
	// key; Export writes the routine of key to a file. Both nil: the picker
	// only switches routines.
	Import func(path string) (string, error)
	Export func(key, path string) error
	// Delete takes the routine of key out of the library (its file kept
	// aside) and returns where the file went; nil: no Delete button.
	Delete  func(key string) (string, error)
	dialogs dialogs // the window's file and confirm dialogs
}

// routinePicker shows which routine is in use and switches between the
// routines of the library; with Import and Export it also copies routine
// files in and out through Fyne's file dialogs. A routine file that cannot
// be used is listed with its "file:line: ..." problems.
type routinePicker struct {
	o        pickerOptions
	sel      *widget.Select
	del      *widgets.KeyButton // nil without Delete
	keys     []string           // the key of each option of sel
	current  string             // the key in use
	problems *fyne.Container
	obj      fyne.CanvasObject
}

func newRoutinePicker(o pickerOptions) *routinePicker {
	p := &routinePicker{o: o, problems: container.NewVBox()}
	p.sel = widget.NewSelect(nil, p.chosen)
	row := []fyne.CanvasObject{widget.NewLabelWithStyle(lang.L("Routine in use"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	var right []fyne.CanvasObject
	if o.Import != nil {
		right = append(right, widgets.NewKeyButton(lang.L("Import…"), theme.FolderOpenIcon(), p.importFile))
	}
	if o.Export != nil {
		right = append(right, widgets.NewKeyButton(lang.L("Export…"), theme.DocumentSaveIcon(), p.exportFile))
	}
	if o.Delete != nil {
		p.del = widgets.NewKeyButton(lang.L("Delete…"), theme.DeleteIcon(), p.deleteCurrent)
		right = append(right, p.del)
	}
	p.obj = container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(row...), container.NewHBox(right...), p.sel),
		p.problems)
	return p
}

// show lists the library's routines with current, the key in use,
// selected.
func (p *routinePicker) show(current string) {
	p.current = current
	entries, err := p.o.List()
	labels := entryLabels(entries)
	p.keys = p.keys[:0]
	builtIn := true
	for _, e := range entries {
		p.keys = append(p.keys, e.Key)
		if e.Key == current {
			builtIn = e.BuiltIn
		}
	}
	if p.del != nil {
		// Built-in routines cannot be deleted.
		if builtIn {
			p.del.Disable()
		} else {
			p.del.Enable()
		}
	}
	was := p.sel.OnChanged
	p.sel.OnChanged = nil
	p.sel.SetOptions(labels)
	for i, k := range p.keys {
		if k == current {
			p.sel.SetSelected(labels[i])
		}
	}
	p.sel.OnChanged = was
	if err != nil {
		p.showProblems(lang.L("The routines folder could not be read:"), err)
	}
}

// entryLabels names each entry for the list: its routine's name, marked
// when built in or unusable, and its file when two have the same name.
func entryLabels(entries []library.Entry) []string {
	count := map[string]int{}
	for _, e := range entries {
		count[e.Name]++
	}
	out := make([]string, len(entries))
	for i, e := range entries {
		switch {
		case e.Err != nil:
			out[i] = lang.L("{{.File}} (has problems)", map[string]any{"File": e.Key})
		case e.BuiltIn:
			out[i] = lang.L("{{.Name}} (built in)", map[string]any{"Name": e.Name})
		case count[e.Name] > 1:
			out[i] = fmt.Sprintf("%s (%s)", e.Name, e.Key)
		default:
			out[i] = e.Name
		}
	}
	return out
}

// chosen puts the routine chosen in the list in use.
func (p *routinePicker) chosen(label string) {
	i := slices.Index(p.sel.Options, label)
	if i < 0 || i >= len(p.keys) || p.keys[i] == p.current {
		return
	}
	if err := p.o.Use(p.keys[i]); err != nil {
		p.showProblems(lang.L("{{.Name}} was not put in use:", map[string]any{"Name": label}), err)
		p.show(p.current)
		return
	}
	p.clearProblems()
}

// showProblems lists the problems of err under a heading.
func (p *routinePicker) showProblems(head string, err error) {
	p.problems.RemoveAll()
	p.problems.Add(widgets.NewProblemRow(head, theme.WarningIcon(), fyne.TextStyle{Bold: true}))
	for _, line := range routine.ErrorLines(err) {
		p.problems.Add(widgets.NewProblemRow(line, theme.ErrorIcon(), fyne.TextStyle{}))
	}
	p.problems.Refresh()
}

func (p *routinePicker) clearProblems() {
	p.problems.RemoveAll()
	p.problems.Refresh()
}

// importFile asks for a routine file and imports it.
func (p *routinePicker) importFile() {
	d := p.o.dialogs.openFile(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			p.showProblems(lang.L("The file could not be opened:"), err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		path := rc.URI().Path()
		if err := rc.Close(); err != nil {
			p.showProblems(lang.L("The file could not be read:"), err)
			return
		}
		p.importPath(path)
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
	d.Show()
}

// importPath imports the routine file at path and puts it in use; a file
// with problems is listed with them and not used.
func (p *routinePicker) importPath(path string) {
	var key string
	err := safely("the import", func() (err error) { key, err = p.o.Import(path); return err })
	if err != nil {
		p.showProblems(lang.L("Routine file {{.Path}} not imported:", map[string]any{"Path": path}), err)
		return
	}
	if err := safely("putting the routine in use", func() error { return p.o.Use(key) }); err != nil {
		p.showProblems(lang.L("The imported routine was not put in use:"), err)
		return
	}
	p.clearProblems()
}

// exportFile asks where to write the routine in use and writes it there.
func (p *routinePicker) exportFile() {
	d := p.o.dialogs.saveFile(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			p.showProblems(lang.L("The file could not be created:"), err)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		// The library writes the file itself, atomically.
		if err := wc.Close(); err != nil {
			p.showProblems(lang.L("The file could not be written:"), err)
			return
		}
		p.exportPath(path)
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
	if entries, err := p.o.List(); err == nil {
		for _, e := range entries {
			if e.Key == p.current {
				d.SetFileName(routine.Slug(e.Name) + ".toml")
			}
		}
	}
	d.Show()
}

// exportPath writes the routine in use to path.
func (p *routinePicker) exportPath(path string) {
	if err := safely("the export", func() error { return p.o.Export(p.current, path) }); err != nil {
		p.showProblems(lang.L("The routine was not exported:"), err)
		return
	}
	p.problems.RemoveAll()
	p.problems.Add(widgets.NewProblemRow(lang.L("Exported to {{.Path}}.", map[string]any{"Path": path}), theme.ConfirmIcon(), fyne.TextStyle{}))
	p.problems.Refresh()
}

// deleteCurrent asks whether to delete the routine in use, and does.
func (p *routinePicker) deleteCurrent() {
	name := p.current
	if i := slices.Index(p.keys, p.current); i >= 0 && i < len(p.sel.Options) {
		name = p.sel.Options[i]
	}
	p.o.dialogs.confirm(lang.L("Delete routine"),
		lang.L("Delete \"{{.Name}}\"? Its file is kept in the folder \"{{.Folder}}\" of the routines folder, the days you did "+
			"stay in History, and the built-in daily routine is put in use.", map[string]any{"Name": name, "Folder": library.DeletedDir}),
		func(ok bool) {
			if ok {
				p.deleteKey(p.current)
			}
		})
}

// deleteKey deletes the routine of key.
func (p *routinePicker) deleteKey(key string) {
	if _, err := p.o.Delete(key); err != nil {
		p.showProblems(lang.L("The routine was not deleted:"), err)
		return
	}
	p.clearProblems()
}
