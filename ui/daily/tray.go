package daily

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// trayActions are what the items of the system tray menu do.
type trayActions struct {
	Start func() // show the window and start the moves not done today
	Show  func() // show the window
	Quit  func() // end the app
}

// newTrayMenu builds the system tray menu, titled title: "Start today's routine", today's
// progress ("4 of 12 done", not clickable), "Show window" and "Quit".
func newTrayMenu(title string, done, total int, a trayActions) *fyne.Menu {
	start := fyne.NewMenuItem(lang.L("Start today's routine"), a.Start)
	if done >= total {
		start.Label = lang.L("Today's routine is done")
		start.Disabled = true
	}
	progress := fyne.NewMenuItem(lang.N("{{.Done}} of {{.Count}} done", total, map[string]any{"Done": done, "Count": total}), nil)
	progress.Disabled = true
	quit := fyne.NewMenuItem(lang.L("Quit"), a.Quit)
	quit.IsQuit = true
	return fyne.NewMenu(title, start, progress, fyne.NewMenuItem(lang.L("Show window"), a.Show),
		fyne.NewMenuItemSeparator(), quit)
}

// setTray shows menu in the system tray of a, with the app's icon. It
// reports false when a has no system tray (not a desktop app).
func setTray(a fyne.App, menu *fyne.Menu) bool {
	d, ok := a.(desktop.App)
	if !ok {
		return false
	}
	d.SetSystemTrayMenu(menu)
	return true
}
