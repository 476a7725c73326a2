package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"
)

// overflowing lists the scrolls under o whose content is wider than they
// are: a horizontal scroll bar, and what is beyond it cut off.
// What is hidden is left out, and so are the text boxes, which scroll
// their text by design.
func overflowing(o fyne.CanvasObject) []string {
	if !o.Visible() {
		return nil
	}
	var out []string
	switch x := o.(type) {
	case *container.Scroll:
		if need := x.Content.MinSize().Width; need > x.Size().Width+1 {
			out = append(out, fmt.Sprintf("a scroll %v wide holds %T needing %v", x.Size().Width, x.Content, need))
		}
		out = append(out, overflowing(x.Content)...)
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, overflowing(c)...)
		}
	case *widget.Entry, *widgets.EditEntry:
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, overflowing(c)...)
		}
	}
	return out
}

// On a 1024×600 screen (a netbook; the window opens at the largest size
// that fits it) Today, Routine, Settings and History show everything
// without a horizontal scroll bar, nothing cut and nothing under a
// vertical scroll bar; golden images keep how Today, the editor and
// Settings look there.
func TestSmallScreenViews(t *testing.T) {
	uitest.FreshRenderCache()
	// The daily routine's long names in Today first.
	d, _ := newLibraryHarness(t, func(o *Options) { o.RoutineKey, o.Routine = library.DefaultKey, routine.Default() })
	d.win().Resize(fitWindow(fyne.NewSize(1024, 600), fyne.Size{}))
	for _, tab := range []string{"Today", "Routine"} {
		d.showTab(tab)
		if tab == "Routine" {
			d.routines().editor.SelectMove(11) // Staggered Hip Hinge Stretch
		}
		for _, p := range append(overflowing(d.win().Content()), underScrollBar(d.session().main.views[viewIndex(d, tab)].Content)...) {
			t.Errorf("%s, daily routine: %s", tab, p)
		}
		for _, p := range clipped(d.win().Content(), fyne.Position{}, d.win().Canvas().Size()) {
			t.Errorf("%s, daily routine: %s", tab, p)
		}
	}

	h, _ := newLibraryHarness(t, nil)
	h.prefs().SetSafetyNoteSeen(true)
	h.session().notes.clear("safety")
	h.win().Resize(fitWindow(fyne.NewSize(1024, 600), fyne.Size{}))
	for _, tab := range []string{"Today", "Routine", "Settings", "History"} {
		h.showTab(tab)
		if tab == "Routine" {
			h.routines().editor.SelectMove(1)
		}
		for _, p := range overflowing(h.win().Content()) {
			t.Errorf("%s: %s", tab, p)
		}
		for _, p := range clipped(h.win().Content(), fyne.Position{}, h.win().Canvas().Size()) {
			t.Errorf("%s: %s", tab, p)
		}
		for _, p := range underScrollBar(h.session().main.views[viewIndex(h, tab)].Content) {
			t.Errorf("%s: %s", tab, p)
		}
		if tab != "History" { // its days move with the date
			test.AssertRendersToImage(t, "small-"+strings.ToLower(tab)+".png", h.win().Canvas())
		}
	}
}

// underScrollBar lists the controls and texts under o that lie, in part,
// under the vertical scroll bar of a scroll that shows one (its content
// is taller than it): a tick, an arrow or a number there is hard to see
// and to press.
func underScrollBar(o fyne.CanvasObject) []string {
	if !o.Visible() {
		return nil
	}
	var out []string
	switch x := o.(type) {
	case *container.Scroll:
		if x.Content.MinSize().Height > x.Size().Height+1 {
			bar := x.Size().Width - theme.ScrollBarSize()
			var in func(c fyne.CanvasObject, left float32)
			in = func(c fyne.CanvasObject, left float32) {
				if !c.Visible() {
					return
				}
				left += c.Position().X
				switch y := c.(type) {
				case *fyne.Container:
					for _, k := range y.Objects {
						in(k, left)
					}
					return
				case *widget.Label, *widgets.KeyCheck, *widget.Check:
					// Drawn from the left: what they show ends at their
					// minimum width.
					if right := left + min(c.MinSize().Width, c.Size().Width); right > bar+1 {
						out = append(out, fmt.Sprintf("%T ends at %v, under the scroll bar from %v", c, right, bar))
					}
					return
				case fyne.Disableable, *widget.Select, *widget.Slider:
					if right := left + c.Size().Width; right > bar+1 {
						out = append(out, fmt.Sprintf("%T ends at %v, under the scroll bar from %v", c, right, bar))
					}
					return
				case fyne.Widget:
					for _, k := range test.WidgetRenderer(y).Objects() {
						in(k, left)
					}
				}
			}
			in(x.Content, -x.Offset.X)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, underScrollBar(c)...)
		}
	case *widget.Entry, *widgets.EditEntry:
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, underScrollBar(c)...)
		}
	}
	return out
}

// viewIndex is the index in main.views of the side view named name.
func viewIndex(h *harness, name string) int {
	for i, v := range h.session().main.views {
		if v.Text == name {
			return i
		}
	}
	h.t.Fatalf("no view %q", name)
	return -1
}
