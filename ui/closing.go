package ui

import (
	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// requestClose is the window's close intercept: with unsaved changes in
// the Routine tab it asks first whether to save them, close without them,
// or stay; then it closes the window the way Options.OnClose or the daily
// reminder says (the tray may keep the app running), or plainly.
func (c *controller) requestClose() {
	if c.side.routines == nil || c.side.routines.editor == nil || !c.side.routines.editor.Dirty() {
		c.closeWindow()
		return
	}
	ed := c.side.routines.editor
	msg := widget.NewLabel(lang.L("Your changes to “{{.Name}}” are not saved.", map[string]any{"Name": ed.Name()}))
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), func() {
		d.Hide()
		ed.Save()
		if ed.Dirty() {
			// Not saved (problems, or a session under way): the Routine
			// tab shows why, and the window stays.
			c.session.main.showContent(c.side.routines.obj)
			return
		}
		c.closeWindow()
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon(lang.L("Close without saving"), theme.DeleteIcon(), func() {
		d.Hide()
		c.closeWindow()
	})
	stay := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), msg, c.win)
	d.SetButtons([]fyne.CanvasObject{stay, discard, save})
	d.Show()
}

// closeWindow closes the window as Options.OnClose or the daily reminder
// says, or plainly.
func (c *controller) closeWindow() {
	switch {
	case c.hooks.onClose != nil:
		c.hooks.onClose()
	case c.daily != nil:
		c.daily.Close()
	default:
		c.win.Close()
	}
}
