package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wideWidth is the window width from which the checklist sits beside the
// card instead of in its own tab.
const wideWidth = 1000

// extraTabs returns the views shown as tabs after "Today": History and
// Settings (tabs.go).
func (w *Window) extraTabs() []*container.TabItem { return w.historyAndSettingsTabs() }

// mainArea shows the session view and the side views (today's checklist,
// then extraTabs): side by side in a wide window, one at a time behind a
// strip of tab buttons in a narrow one.
type mainArea struct {
	w       *Window
	session fyne.CanvasObject
	views   []*container.TabItem // side views; views[0] is the checklist
	buttons []*keyButton         // buttons[0] is "Session", then one per view
	strip   *fyne.Container
	sep     *canvas.Rectangle
	current int // index into buttons: 0 = session, i = views[i-1]
	wide    bool
	obj     *fyne.Container
}

func newMainArea(w *Window, session, checklist fyne.CanvasObject) *mainArea {
	a := &mainArea{w: w, session: session}
	a.views = append([]*container.TabItem{container.NewTabItem("Today", checklist)}, w.extraTabs()...)
	names := []string{"Session"}
	for _, v := range a.views {
		names = append(names, v.Text)
	}
	for i, n := range names {
		i := i
		a.buttons = append(a.buttons, newKeyButton(n, nil, w, func() { a.show(i) }))
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
	// A widget focused in a view that goes away (a slider in Settings)
	// would keep the keys: drop the focus.
	if c := a.w.win.Canvas(); c != nil {
		c.Unfocus()
	}
	a.current = i
	a.obj.Refresh()
	a.Layout(a.obj.Objects, a.obj.Size())
}

// showSession brings the card to the front (a session starts).
func (a *mainArea) showSession() {
	if !a.wide {
		a.show(0)
	}
}

// showChecklist brings the checklist to the front.
func (a *mainArea) showChecklist() {
	if !a.wide || a.current == 0 {
		a.show(1)
	}
}

// setChecklist replaces the checklist view (the routine changed).
func (a *mainArea) setChecklist(obj fyne.CanvasObject) {
	old := a.views[0].Content
	a.views[0].Content = obj
	for i, o := range a.obj.Objects {
		if o == old {
			a.obj.Objects[i] = obj
		}
	}
	a.obj.Refresh()
	a.Layout(a.obj.Objects, a.obj.Size())
}

// refreshTheme redraws the session view after the text scale changed.
func (a *mainArea) refreshTheme() {
	a.session.Refresh()
}

// MinSize is small: the window decides.
func (a *mainArea) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(320, 320) }

// Layout places the views for the width given.
func (a *mainArea) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	a.wide = size.Width >= wideWidth
	sel := a.current
	if a.wide && sel == 0 {
		sel = 1 // the card is always shown; the side shows the checklist
	}
	for i, b := range a.buttons {
		imp := widget.MediumImportance
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

	if a.wide {
		sideW := max(size.Width*0.34, 340)
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

// watchLayout stacks its objects (like container.Stack) and reports the
// window content size on each layout.
type watchLayout struct {
	onResize func(fyne.Size)
	last     fyne.Size
}

// MinSize is the smallest size the layout or renderer accepts.
func (l *watchLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// Layout places the objects in the given size.
func (l *watchLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size != l.last {
		l.last = size
		l.onResize(size)
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// progressBar is a thin bar without text (a percentage label would be a
// new text every second).
type progressBar struct {
	widget.BaseWidget
	value float64
	track *canvas.Rectangle
	fill  *canvas.Rectangle
}

func newProgressBar() *progressBar {
	p := &progressBar{
		track: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		fill:  canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)),
	}
	p.ExtendBaseWidget(p)
	return p
}

// set shows v (0..1).
func (p *progressBar) set(v float64) {
	v = min(max(v, 0), 1)
	if v != p.value {
		p.value = v
		p.Refresh()
	}
}

// CreateRenderer makes the bar's renderer.
func (p *progressBar) CreateRenderer() fyne.WidgetRenderer {
	return &progressRenderer{p: p}
}

type progressRenderer struct{ p *progressBar }

// Destroy releases nothing: the renderer holds no resources.
func (r *progressRenderer) Destroy() {}

// MinSize is the smallest size the layout or renderer accepts.
func (r *progressRenderer) MinSize() fyne.Size {
	return fyne.NewSize(40, theme.Padding()*2)
}

// Objects returns the objects drawn.
func (r *progressRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.p.track, r.p.fill}
}

// Layout places the objects in the given size.
func (r *progressRenderer) Layout(s fyne.Size) {
	h := theme.Padding() * 2
	y := (s.Height - h) / 2
	r.p.track.Move(fyne.NewPos(0, y))
	r.p.track.Resize(fyne.NewSize(s.Width, h))
	r.p.fill.Move(fyne.NewPos(0, y))
	r.p.fill.Resize(fyne.NewSize(s.Width*float32(r.p.value), h))
}

// Refresh redraws from the widget's state.
func (r *progressRenderer) Refresh() {
	r.p.track.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.p.fill.FillColor = theme.Color(theme.ColorNamePrimary)
	r.Layout(r.p.Size())
	r.p.track.Refresh()
	r.p.fill.Refresh()
}

// setVisible shows or hides o.
func setVisible(o fyne.CanvasObject, on bool) {
	if on && !o.Visible() {
		o.Show()
	} else if !on && o.Visible() {
		o.Hide()
	}
}
