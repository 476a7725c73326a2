package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// lazyViews are side views built the first time they are shown, not with
// the window: building the Routine editor, History and Settings took
// 50-70 ms before the first frame (measured with the start-up trace), and a
// view never opened costs nothing. Until it is built a view is an empty
// container, and the controller skips the updates of a view it has not
// built (the view is built from the state of that moment).
type lazyViews map[*fyne.Container]func() fyne.CanvasObject

// add returns the container of a view that build makes when first shown.
func (l *lazyViews) add(build func() fyne.CanvasObject) *fyne.Container {
	if *l == nil {
		*l = lazyViews{}
	}
	box := container.NewStack()
	(*l)[box] = build
	return box
}

// ensure builds the view whose container is o, if it is one not built yet.
func (l lazyViews) ensure(o fyne.CanvasObject) {
	box, ok := o.(*fyne.Container)
	if !ok {
		return
	}
	if build, ok := l[box]; ok {
		delete(l, box)
		box.Objects = []fyne.CanvasObject{build()}
		box.Refresh()
	}
}

// all builds every view not built yet.
func (l lazyViews) all() {
	for box := range l {
		l.ensure(box)
	}
}
