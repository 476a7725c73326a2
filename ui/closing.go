package ui

import (
	"fmt"

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
	if c.side.routines == nil || c.side.routines.editor == nil || !c.side.routines.editor.dirty() {
		c.closeWindow()
		return
	}
	ed := c.side.routines.editor
	msg := widget.NewLabel(fmt.Sprintf("Your changes to %q are not saved.", ed.draft.Name))
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
		d.Hide()
		ed.Save()
		if ed.dirty() {
			// Not saved (problems, or a session under way): the Routine
			// tab shows why, and the window stays.
			c.session.main.showContent(c.side.routines.obj)
			return
		}
		c.closeWindow()
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon("Close without saving", theme.DeleteIcon(), func() {
		d.Hide()
		c.closeWindow()
	})
	stay := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved changes", msg, c.win)
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
		c.daily.close()
	default:
		c.win.Close()
	}
}
