package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// dialogs open the window's dialogs for a view, which never holds the
// window: each shows over it.
type dialogs struct {
	openFile func(func(fyne.URIReadCloser, error)) *dialog.FileDialog  // call Show on it
	saveFile func(func(fyne.URIWriteCloser, error)) *dialog.FileDialog // call Show on it
	confirm  func(title, message string, done func(bool))
	// custom makes a dialog of content without buttons (call Show on it).
	custom func(title string, content fyne.CanvasObject) *dialog.CustomDialog
	// canvas is the window's canvas (a dialog that takes the keyboard).
	canvas func() fyne.Canvas
}

// dialogsOver returns the dialogs shown over win.
func dialogsOver(win fyne.Window) dialogs {
	return dialogs{
		openFile: func(f func(fyne.URIReadCloser, error)) *dialog.FileDialog { return dialog.NewFileOpen(f, win) },
		saveFile: func(f func(fyne.URIWriteCloser, error)) *dialog.FileDialog { return dialog.NewFileSave(f, win) },
		confirm: func(title, message string, done func(bool)) {
			dialog.ShowConfirm(title, message, done, win)
		},
		custom: func(title string, content fyne.CanvasObject) *dialog.CustomDialog {
			return dialog.NewCustomWithoutButtons(title, content, win)
		},
		canvas: win.Canvas,
	}
}
