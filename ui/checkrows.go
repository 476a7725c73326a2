package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// checkRowsLayout lays out the checklist's rows, each a move's tick with
// its name, then its time, level and focus with the include box: Fyne's
// form layout (names in one column, the rest beside them), until the
// names leave the rest too little room to show a time ("0:32 ·"); then
// each row puts the rest under its name. German names are long: at
// 1024×600 the form left "0:3…" of the time.
type checkRowsLayout struct {
	form fyne.Layout
	// width is the width of the last layout (0: none yet), stacked
	// whether it put the rest under the names.
	width   float32
	stacked bool
	// onStack, if set, is called when a layout changes stacked (the rows'
	// height changes: the scroll around them asks again).
	onStack func()
}

// newCheckRowsLayout returns the layout of the checklist's rows.
func newCheckRowsLayout() *checkRowsLayout {
	return &checkRowsLayout{form: layout.NewFormLayout()}
}

// wantsStack reports whether the rows of objects put the rest under the
// names at width w.
func (l *checkRowsLayout) wantsStack(objects []fyne.CanvasObject, w float32) bool {
	if w <= 0 {
		return false
	}
	var names, rest float32
	for i := 0; i+1 < len(objects); i += 2 {
		names = max(names, objects[i].MinSize().Width)
		rest = max(rest, objects[i+1].MinSize().Width)
	}
	time := fyne.MeasureText("0:00 ·", theme.TextSize(), fyne.TextStyle{}).Width
	return names+theme.Padding()+rest+time > w
}

// Layout places the rows in size.
func (l *checkRowsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	stacked := l.wantsStack(objects, size.Width)
	changed := stacked != l.stacked
	l.stacked = stacked
	if !stacked {
		l.form.Layout(objects, size)
	} else {
		indent := theme.IconInlineSize() + theme.InnerPadding()
		y := float32(0)
		for i := 0; i+1 < len(objects); i += 2 {
			name, rest := objects[i], objects[i+1]
			if !name.Visible() && !rest.Visible() {
				continue
			}
			nh, rh := name.MinSize().Height, rest.MinSize().Height
			name.Move(fyne.NewPos(0, y))
			name.Resize(fyne.NewSize(size.Width, nh))
			rest.Move(fyne.NewPos(indent, y+nh))
			rest.Resize(fyne.NewSize(max(size.Width-indent, 0), rh))
			y += nh + rh + theme.Padding()
		}
	}
	if changed && l.onStack != nil {
		l.onStack()
	}
}

// MinSize is the form's, or with the rest under the names their stacked
// height, at the width of the last layout.
func (l *checkRowsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if !l.wantsStack(objects, l.width) {
		return l.form.MinSize(objects)
	}
	indent := theme.IconInlineSize() + theme.InnerPadding()
	var w, h float32
	rows := 0
	for i := 0; i+1 < len(objects); i += 2 {
		name, rest := objects[i], objects[i+1]
		if !name.Visible() && !rest.Visible() {
			continue
		}
		nm, rm := name.MinSize(), rest.MinSize()
		w = max(w, nm.Width, indent+rm.Width)
		h += nm.Height + rm.Height
		rows++
	}
	return fyne.NewSize(w, h+float32(max(rows-1, 0))*theme.Padding())
}
