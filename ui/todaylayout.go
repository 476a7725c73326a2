package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// todayLayout lays out Today: the panel of suggestions (in a scroll) above
// the checklist. The checklist always keeps its own minimum height; the
// panel takes its natural height from what is left and scrolls when that
// is less (a small screen with the first-start question), so the two
// never overlap.
type todayLayout struct {
	content fyne.CanvasObject // the panel, hidden when it has nothing to say
	panel   *container.Scroll // content, clear of the scroll bar
	list    fyne.CanvasObject
}

// newTodayView builds Today around panel and list.
func newTodayView(panel, list fyne.CanvasObject) *fyne.Container {
	l := &todayLayout{content: panel, panel: newVScroll(panel), list: list}
	return container.New(l, l.panel, l.list)
}

// panelHeight is the panel's height in a view of height h.
func (l *todayLayout) panelHeight(h float32) float32 {
	if !l.content.Visible() {
		return 0
	}
	return max(0, min(l.panel.Content.MinSize().Height, h-l.list.MinSize().Height))
}

// Layout places the panel and the checklist below it.
func (l *todayLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	ph := l.panelHeight(size.Height)
	l.panel.Move(fyne.NewPos(0, 0))
	l.panel.Resize(fyne.NewSize(size.Width, ph))
	l.panel.Show()
	if ph == 0 {
		l.panel.Hide()
	}
	l.list.Move(fyne.NewPos(0, ph))
	l.list.Resize(fyne.NewSize(size.Width, size.Height-ph))
}

// MinSize is the checklist's: the panel scrolls rather than grow Today.
func (l *todayLayout) MinSize(_ []fyne.CanvasObject) fyne.Size {
	m := l.list.MinSize()
	return fyne.NewSize(max(m.Width, l.panel.Content.MinSize().Width), m.Height)
}
