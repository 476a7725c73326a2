package ui

import (
	"spineroutine/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// todayLayout lays out Today top-down: the check-in first, then the panel
// of the plan (the first start's question, the stop, the suggestions; in
// a scroll), then the checklist with Start. The check-in and the
// checklist keep their minimum heights; the panel takes its natural
// height from what is left and scrolls when that is less, so none of
// them overlap.
type todayLayout struct {
	checkIn fyne.CanvasObject // the pain before, hidden once a session runs
	content fyne.CanvasObject // the panel, hidden when it has nothing to say
	panel   *container.Scroll // content, clear of the scroll bar
	list    fyne.CanvasObject
}

// newTodayView builds Today of checkIn, panel and list.
func newTodayView(checkIn, panel, list fyne.CanvasObject) *fyne.Container {
	l := &todayLayout{checkIn: checkIn, content: panel, panel: widgets.NewVScroll(panel), list: list}
	return container.New(l, l.checkIn, l.panel, l.list)
}

// checkInHeight is the check-in's height (0 when hidden).
func (l *todayLayout) checkInHeight() float32 {
	if !l.checkIn.Visible() {
		return 0
	}
	return l.checkIn.MinSize().Height
}

// panelHeight is the panel's height in a view of w × h. The panel is laid
// out at the width first: its wrapped labels know their height once they
// have their width (a longer text than at the last layout, a stop in
// German, took the height of the one before and scrolled).
func (l *todayLayout) panelHeight(w, h float32) float32 {
	if !l.content.Visible() {
		return 0
	}
	c := l.panel.Content
	if c.Size().Width != w {
		c.Resize(fyne.NewSize(w, c.Size().Height))
	}
	return max(0, min(c.MinSize().Height, h-l.checkInHeight()-l.list.MinSize().Height))
}

// Layout places the panel and the checklist below it.
func (l *todayLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	ch := l.checkInHeight()
	l.checkIn.Move(fyne.NewPos(0, 0))
	l.checkIn.Resize(fyne.NewSize(size.Width, ch))
	ph := l.panelHeight(size.Width, size.Height)
	l.panel.Move(fyne.NewPos(0, ch))
	l.panel.Resize(fyne.NewSize(size.Width, ph))
	l.panel.Show()
	if ph == 0 {
		l.panel.Hide()
	}
	l.list.Move(fyne.NewPos(0, ch+ph))
	l.list.Resize(fyne.NewSize(size.Width, size.Height-ch-ph))
}

// MinSize is the check-in's and the checklist's: the panel scrolls rather
// than grow Today.
func (l *todayLayout) MinSize(_ []fyne.CanvasObject) fyne.Size {
	m := l.list.MinSize()
	w := max(m.Width, l.panel.Content.MinSize().Width)
	if l.checkIn.Visible() {
		w = max(w, l.checkIn.MinSize().Width)
	}
	return fyne.NewSize(w, m.Height+l.checkInHeight())
}

// choiceRow lays its buttons out in rows of equal widths: all side by
// side when each one's label fits its share, else as many to a row as fit
// (the first start's three choices in German: "Sanfter Einstieg" and
// "Mein übliches Pensum" on a row, "Höchste Stufen" under them; three
// equal columns cut the third and widened the text around them past the
// pane). It decides at the width it was last laid out at (Today lays its
// panel out at its width before it asks its height); its minimum width
// is its widest button's, so it never widens Today.
type choiceRow struct{ width float32 }

// visibleObjects are objs that are shown.
func visibleObjects(objs []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range objs {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

// rows groups objs into rows at the last width: a row takes the next
// button while each of its buttons still fits an equal share.
func (r *choiceRow) rows(objs []fyne.CanvasObject) (rows [][]fyne.CanvasObject, tallest float32) {
	pad := theme.Padding()
	var row []fyne.CanvasObject
	var widest float32
	for _, o := range objs {
		m := o.MinSize()
		tallest = max(tallest, m.Height)
		n := float32(len(row) + 1)
		if w := max(widest, m.Width); len(row) == 0 || r.width == 0 || w*n+pad*(n-1) <= r.width {
			row, widest = append(row, o), w
			continue
		}
		rows = append(rows, row)
		row, widest = []fyne.CanvasObject{o}, m.Width
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows, tallest
}

// MinSize is the rows' height at the last width, and the widest button's
// width.
func (r *choiceRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	objs = visibleObjects(objs)
	var widest float32
	for _, o := range objs {
		widest = max(widest, o.MinSize().Width)
	}
	rows, tallest := r.rows(objs)
	n := float32(len(rows))
	if n == 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(widest, tallest*n+theme.Padding()*(n-1))
}

// Layout places each row's buttons side by side in equal widths.
func (r *choiceRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	r.width = size.Width
	rows, tallest := r.rows(visibleObjects(objs))
	pad := theme.Padding()
	for i, row := range rows {
		n := float32(len(row))
		w := (size.Width - pad*(n-1)) / n
		for j, o := range row {
			o.Move(fyne.NewPos(float32(j)*(w+pad), float32(i)*(tallest+pad)))
			o.Resize(fyne.NewSize(w, tallest))
		}
	}
}
