package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// clipped lists the visible objects under o that do not fit the room
// they were given, and so overlap their neighbours or spill out: a widget
// smaller than its minimum size, a text larger than its box, anything
// beyond the window. The contents of a scroll are left out (they scroll).
func clipped(o fyne.CanvasObject, at fyne.Position, win fyne.Size) []string {
	if !o.Visible() {
		return nil
	}
	p := at.Add(o.Position())
	s := o.Size()
	var out []string
	const slack = 1
	if p.X < -slack || p.Y < -slack || p.X+s.Width > win.Width+slack || p.Y+s.Height > win.Height+slack {
		out = append(out, fmt.Sprintf("%T at %v size %v is outside the window", o, p, s))
	}
	switch x := o.(type) {
	case *canvas.Text:
		if x.Text != "" {
			if m := fyne.MeasureText(x.Text, x.TextSize, x.TextStyle); m.Width > s.Width+slack || m.Height > s.Height*1.5+slack {
				out = append(out, fmt.Sprintf("text %q needs %v, has %v", x.Text, m, s))
			}
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, clipped(c, p, win)...)
		}
	case *container.Scroll, *widgets.Countdown:
		// A scroll's content scrolls; the countdown places its digits
		// itself, in glyph boxes taller than the digits (TestCountdownFillsBox).
	case fyne.Widget:
		if m := x.MinSize(); m.Width > s.Width+slack || m.Height > s.Height+slack {
			out = append(out, fmt.Sprintf("%T needs %v, has %v", x, m, s))
			break
		}
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, clipped(c, p, win)...)
		}
	}
	return out
}

// screens are the window sizes the layout is checked at: a netbook, the
// common laptop, full HD and a portrait tablet.
var screens = []fyne.Size{{Width: 1024, Height: 600}, {Width: 1366, Height: 768},
	{Width: 1920, Height: 1080}, {Width: 768, Height: 1024}}

// defaultHarness is a window on the default routine, in the middle of a
// hold of Side Planks (long names, form cues and an easier variant).
func defaultHarness(t *testing.T) *harness {
	h := newHarness(t, func(o *Options) { o.Routine = routine.Default() })
	h.prefs().SetSafetyNoteSeen(true)
	h.session().notes.clear("safety")
	return h
}

// TestNothingClippedAtAnyScreen checks the window at the common screen
// sizes and at its minimum size, idle and during a session: no button,
// label or text is smaller than what it shows.
func TestNothingClippedAtAnyScreen(t *testing.T) {
	sizes := append([]fyne.Size{minWindow}, screens...)
	for _, size := range sizes {
		h := defaultHarness(t)
		h.win().Resize(size)
		check := func(state string) {
			for view := range h.session().main.buttons {
				h.session().main.show(view)
				for _, p := range clipped(h.win().Content(), fyne.Position{}, h.win().Canvas().Size()) {
					t.Errorf("%v, %s, view %d: %s", size, state, view, p)
				}
			}
		}
		check("idle")
		h.w.StartPause()
		h.advance(20 * time.Second)
		check("session")
		h.close()
	}
}

// TestCardCuesFitWithoutScrolling: on a 1366×768 screen (and larger) the
// form cues and the easier variant of every move of the default routine
// are on the card whole, without scrolling.
func TestCardCuesFitWithoutScrolling(t *testing.T) {
	for _, size := range screens[1:] {
		h := defaultHarness(t)
		h.win().Resize(size)
		r := h.inuse().r
		for i, m := range r.Moves {
			var next *routine.Move
			if i+1 < len(r.Moves) {
				next = &r.Moves[i+1]
			}
			h.session().card.showMove(m, next)
			h.session().card.obj.Refresh()
			h.session().card.obj.Layout.Layout(h.session().card.obj.Objects, h.session().card.obj.Size())
			view, content := h.session().card.below.Size(), h.session().card.lower.MinSize()
			if content.Height > view.Height+1 {
				t.Errorf("%v, %s: cues need %v px, the card gives %v", size, m.Name, content.Height, view.Height)
			}
		}
		h.close()
	}
}

func TestFitWindow(t *testing.T) {
	m := windowMargin
	tests := []struct {
		name        string
		area, saved fyne.Size
		want        fyne.Size
	}{
		{"first run on a laptop: the largest that fits", fyne.NewSize(1366, 740), fyne.Size{}, fyne.NewSize(1366-m.Width, 740-m.Height)},
		{"first run on a netbook", fyne.NewSize(1024, 576), fyne.Size{}, fyne.NewSize(1024-m.Width, 576-m.Height)},
		{"the saved size", fyne.NewSize(1920, 1050), fyne.NewSize(1200, 700), fyne.NewSize(1200, 700)},
		{"a saved size larger than this screen", fyne.NewSize(1024, 576), fyne.NewSize(1900, 1000), fyne.NewSize(1024-m.Width, 576-m.Height)},
		{"a tiny screen: the minimum", fyne.NewSize(600, 400), fyne.Size{}, minWindow},
		{"a saved size below the minimum", fyne.NewSize(1920, 1050), fyne.NewSize(300, 200), fyne.NewSize(1920-m.Width, 1050-m.Height)},
	}
	for _, tt := range tests {
		if got := fitWindow(tt.area, tt.saved); got != tt.want {
			t.Errorf("%s: fitWindow(%v, %v) = %v, want %v", tt.name, tt.area, tt.saved, got, tt.want)
		}
	}
}

// TestWindowIsRemembered: the window opens at the largest size that fits
// the screen, and next time as it was left (size, place, full screen).
func TestWindowIsRemembered(t *testing.T) {
	screen := func() (int, int, fyne.Size, bool) { return 0, 24, fyne.NewSize(1366, 744), true }
	pos := func() (int, int, bool) { return 40, 60, true }
	h := newHarness(t, func(o *Options) { o.Screen, o.Position = screen, pos })
	h.w.placeWindow()
	if got, want := h.win().Canvas().Size(), fitWindow(fyne.NewSize(1366, 744), fyne.Size{}); got != want {
		t.Errorf("first run: %v, want %v", got, want)
	}
	h.win().Resize(fyne.NewSize(1100, 650))
	h.close()
	if got := h.prefs().Window(); got.Size != fyne.NewSize(1100, 650) || !got.Placed || got.X != 40 || got.Y != 60 || got.FullScreen {
		t.Errorf("saved %+v", got)
	}
	h2 := reopen(t, h, func(o *Options) { o.Screen, o.Position = screen, pos })
	h2.w.placeWindow()
	if got := h2.win().Canvas().Size(); got != fyne.NewSize(1100, 650) {
		t.Errorf("second run: %v, want the size left", got)
	}
	h2.session().ToggleFullScreen()
	h2.close()
	h3 := reopen(t, h, func(o *Options) { o.Screen, o.Position = screen, pos })
	h3.w.placeWindow()
	if !h3.win().FullScreen() {
		t.Error("full screen not remembered")
	}
}
