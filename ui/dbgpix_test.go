package ui

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestDbgPixels(t *testing.T) {
	h := defaultHarness(t)
	h.w.win.Resize(fyne.NewSize(1280, 800))
	h.w.StartPause()
	h.advance(h.w.r.GetReady + 2*time.Second)
	type item struct {
		kind string
		px   float32
		pos  fyne.Position
		size fyne.Size
	}
	var items []item
	var total float32
	var walk func(o fyne.CanvasObject, off fyne.Position)
	walk = func(o fyne.CanvasObject, off fyne.Position) {
		if !o.Visible() {
			return
		}
		pos := off.Add(o.Position())
		switch x := o.(type) {
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, pos)
			}
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, pos)
			}
			return
		}
		s := o.Size()
		px := s.Width * s.Height
		total += px
		items = append(items, item{fmt.Sprintf("%T", o), px, pos, s})
	}
	walk(h.w.win.Canvas().Content(), fyne.Position{})
	for _, o := range h.w.win.Canvas().Overlays().List() {
		walk(o, fyne.Position{})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].px > items[j].px })
	for _, it := range items[:min(30, len(items))] {
		t.Logf("%-24s %8.0f at %v size %v", it.kind, it.px, it.pos, it.size)
	}
	t.Logf("%d objects, %.0f px", len(items), total)
}
