package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// The side views other than Today are built when first shown, from the
// state of that moment: what changed before (a session done, the sound
// muted) is in them, and nothing failed for their absence.
func TestSideViewsBuiltWhenShown(t *testing.T) {
	h := newLazyHarness(t, nil)
	if h.w.side.history.view != nil || h.w.side.settings.view != nil {
		t.Fatal("History or Settings built with the window")
	}
	h.w.side.settings.ToggleMute()
	h.w.StartPause()
	h.advance(h.w.inuse.r.GetReady + 5*time.Second)
	h.w.session.EndSession()
	h.w.session.EndSession() // confirmed
	h.sync()
	if h.w.side.history.view != nil || h.w.side.settings.view != nil {
		t.Fatal("a session built History or Settings")
	}

	show := func(name string) fyne.CanvasObject {
		t.Helper()
		for i, v := range h.w.session.main.views {
			if v.Text == name {
				h.w.session.main.show(i + 1)
				return v.Content
			}
		}
		t.Fatalf("no %s tab", name)
		return nil
	}
	box := show("History").(*fyne.Container)
	if h.w.side.history.view == nil || len(box.Objects) != 1 || box.Objects[0] != fyne.CanvasObject(h.w.side.history.view) {
		t.Fatal("History was not built when shown")
	}
	if !h.w.side.history.view.Visible() || h.w.side.history.view.Size().Width < 100 {
		t.Errorf("History shown at %v, visible %v", h.w.side.history.view.Size(), h.w.side.history.view.Visible())
	}
	show("Settings")
	if h.w.side.settings.view == nil {
		t.Fatal("Settings was not built when shown")
	}
	if !h.w.side.settings.view.mute.Checked {
		t.Error("Settings, built after the sound was muted, shows it on")
	}
	// Shown again: the same view, not a second one.
	hist := h.w.side.history.view
	show("History")
	if h.w.side.history.view != hist {
		t.Error("History was built twice")
	}
}
