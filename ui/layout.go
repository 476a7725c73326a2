package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/ui/widgets"
)

// wideWidth is the window width from which the checklist sits beside the
// card instead of in its own tab.
const wideWidth = 1000

// mainArea shows the session view and the side views (today's checklist,
// History, Settings and any view added to controller.views): side by side
// in a wide window, one at a time behind a strip of tab buttons in a
// narrow one.
type mainArea struct {
	session fyne.CanvasObject
	views   []*container.TabItem // side views; views[0] is the checklist
	buttons []*widgets.KeyButton // buttons[0] is "Session", then one per view
	strip   *fyne.Container
	sep     *canvas.Rectangle
	current int // index into buttons: 0 = session, i = views[i-1]
	// full is the content of a view that takes the whole window, card
	// included, when shown (the Routine tab); nil when none does.
	full  fyne.CanvasObject
	wide  bool
	focus bool // the session view alone (the focus view)
	// inSession: a session is shown. The side views then go behind the
	// tab strip even in a wide window: Fyne redraws the whole window for
	// every change of the countdown, and the checklist beside the card
	// was most of its draw calls (145-152 -> 48 per frame).
	inSession bool
	obj       *fyne.Container
	// onSession, if set, is told the width the session view is laid out
	// at and the height of the area, at each layout (the text scale
	// follows them).
	onSession func(width, height float32)
	// onShow, if set, is told that the view shown changed.
	onShow func()
	// prepare, if set, is given the content of a side view about to be
	// shown (a view built when first shown: lazyViews).
	prepare func(content fyne.CanvasObject)
}

// newMainArea shows session and the side views (the first is today's
// checklist).
func newMainArea(session fyne.CanvasObject, views []*container.TabItem) *mainArea {
	a := &mainArea{session: session, views: views}
	names := []string{lang.L("Session")}
	for _, v := range a.views {
		names = append(names, v.Text)
	}
	for i, n := range names {
		i := i
		a.buttons = append(a.buttons, widgets.NewKeyButton(n, nil, func() { a.show(i) }))
	}
	objs := make([]fyne.CanvasObject, len(a.buttons))
	for i, b := range a.buttons {
		objs[i] = b
	}
	a.strip = container.NewHBox(objs...)
	a.sep = canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	all := []fyne.CanvasObject{a.strip, a.sep, session}
	for _, v := range a.views {
		all = append(all, v.Content)
	}
	a.obj = container.New(a, all...)
	a.current = 0
	return a
}

// show selects view i (0 = session).
func (a *mainArea) show(i int) {
	// A widget focused in a view that goes away (a slider in settings.Settings)
	// would keep the keys: drop the focus.
	widgets.Unfocus(a.obj)
	if i > 0 && a.prepare != nil {
		a.prepare(a.views[i-1].Content)
	}
	a.current = i
	a.obj.Refresh()
	a.Layout(a.obj.Objects, a.obj.Size())
	a.shown()
}

// shown tells onShow that the view shown changed.
func (a *mainArea) shown() {
	if a.onShow != nil {
		a.onShow()
	}
}

// showSession brings the card to the front, alone (a session starts).
func (a *mainArea) showSession() {
	a.inSession = true
	a.show(0)
}

// showContent brings the view whose content is o to the front.
func (a *mainArea) showContent(o fyne.CanvasObject) {
	for i, v := range a.views {
		if v.Content == o {
			a.show(i + 1)
			return
		}
	}
}

// showsFull reports whether the view shown takes the whole window.
func (a *mainArea) showsFull() bool {
	return a.full != nil && a.current > 0 && a.views[a.current-1].Content == a.full
}

// showChecklist brings the checklist to the front, beside the card in a
// wide window (the session is over).
func (a *mainArea) showChecklist() {
	a.inSession = false
	a.show(1)
}

// setFocus shows the session view alone, or the views as before.
func (a *mainArea) setFocus(on bool) {
	a.focus = on
	a.obj.Refresh()
	a.Layout(a.obj.Objects, a.obj.Size())
	a.shown()
}

// refreshTheme redraws what is shown after the theme's scale or colours
// changed (a hidden view is refreshed when it is shown).
func (a *mainArea) refreshTheme() {
	for _, o := range a.obj.Objects {
		if o.Visible() {
			o.Refresh()
		}
	}
}

// minWindow is the smallest window at which nothing overlaps.
var minWindow = fyne.NewSize(640, 480)

// MinSize is minWindow: below it texts and buttons would overlap.
func (a *mainArea) MinSize([]fyne.CanvasObject) fyne.Size { return minWindow }

// Layout places the views for the width given.
func (a *mainArea) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	if a.focus {
		for _, o := range append([]fyne.CanvasObject{a.strip, a.sep}, a.contents()...) {
			o.Hide()
		}
		a.session.Show()
		a.session.Move(fyne.NewPos(0, 0))
		a.session.Resize(size)
		a.sessionAt(size.Width, size.Height)
		return
	}
	a.wide = size.Width >= wideWidth && !a.inSession
	// The text scale follows the session view's width: set it before
	// anything is measured.
	if a.wide && !a.showsFull() {
		a.sessionAt(size.Width-sideWidth(size.Width)-theme.Padding(), size.Height)
	} else {
		a.sessionAt(size.Width, size.Height)
	}
	sel := a.current
	if a.wide && sel == 0 {
		sel = 1 // the card is always shown; the side shows the checklist
	}
	// The tab shown is a filled button, the others flat: a flat button
	// draws no background, one draw call less in every frame.
	for i, b := range a.buttons {
		imp := widget.LowImportance
		if i == sel {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	a.buttons[0].Hidden = a.wide
	a.strip.Hidden = a.wide && len(a.views) == 1 // a lone "Today" tab says nothing
	a.strip.Refresh()
	stripH := a.strip.MinSize().Height
	pad := theme.Padding()
	if a.strip.Hidden {
		stripH, pad = 0, 0
	}

	if a.wide && !a.showsFull() {
		sideW := sideWidth(size.Width)
		cardW := size.Width - sideW - pad
		a.session.Show()
		a.session.Move(fyne.NewPos(0, 0))
		a.session.Resize(fyne.NewSize(cardW, size.Height))
		a.sep.Show()
		a.sep.Move(fyne.NewPos(cardW, 0))
		a.sep.Resize(fyne.NewSize(pad/2, size.Height))
		x := cardW + pad
		a.strip.Move(fyne.NewPos(x, 0))
		a.strip.Resize(fyne.NewSize(sideW, stripH))
		for i, v := range a.views {
			setVisible(v.Content, i+1 == sel)
			v.Content.Move(fyne.NewPos(x, stripH+pad))
			v.Content.Resize(fyne.NewSize(sideW, size.Height-stripH-pad))
		}
		return
	}
	a.sep.Hide()
	a.strip.Move(fyne.NewPos(0, 0))
	a.strip.Resize(fyne.NewSize(size.Width, stripH))
	body := fyne.NewSize(size.Width, size.Height-stripH-pad)
	setVisible(a.session, sel == 0)
	a.session.Move(fyne.NewPos(0, stripH+pad))
	a.session.Resize(body)
	for i, v := range a.views {
		setVisible(v.Content, i+1 == sel)
		v.Content.Move(fyne.NewPos(0, stripH+pad))
		v.Content.Resize(body)
	}
}

// sessionAt tells onSession the session view's width in an area height
// high.
func (a *mainArea) sessionAt(width, height float32) {
	if a.onSession != nil {
		a.onSession(width, height)
	}
}

// contents returns the side views' contents.
func (a *mainArea) contents() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(a.views))
	for i, v := range a.views {
		out[i] = v.Content
	}
	return out
}

// sideWidth is the width of the side views beside the card in a wide
// window of width w: a third, and enough for the checklist's longest
// lines and the Settings controls.
func sideWidth(w float32) float32 { return max(w*0.34, 400) }

// setVisible shows or hides o.
func setVisible(o fyne.CanvasObject, on bool) {
	if on && !o.Visible() {
		o.Show()
	} else if !on && o.Visible() {
		o.Hide()
	}
}
