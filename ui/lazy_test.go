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
	if h.history().view != nil || h.settings().view != nil {
		t.Fatal("History or Settings built with the window")
	}
	h.settings().ToggleMute()
	h.w.StartPause()
	h.advance(h.inuse().r.GetReady + 5*time.Second)
	h.session().EndSession()
	h.session().EndSession() // confirmed
	h.sync()
	if h.history().view != nil || h.settings().view != nil {
		t.Fatal("a session built History or Settings")
	}

	show := func(name string) fyne.CanvasObject {
		t.Helper()
		for i, v := range h.session().main.views {
			if v.Text == name {
				h.session().main.show(i + 1)
				return v.Content
			}
		}
		t.Fatalf("no %s tab", name)
		return nil
	}
	box := show("History").(*fyne.Container)
	if h.history().view == nil || len(box.Objects) != 1 || box.Objects[0] != fyne.CanvasObject(h.history().view) {
		t.Fatal("History was not built when shown")
	}
	if !h.history().view.Visible() || h.history().view.Size().Width < 100 {
		t.Errorf("History shown at %v, visible %v", h.history().view.Size(), h.history().view.Visible())
	}
	show("Settings")
	if h.settings().view == nil {
		t.Fatal("Settings was not built when shown")
	}
	if !checkLabelled(t, h.settings().view, muteLabel).Checked {
		t.Error("Settings, built after the sound was muted, shows it on")
	}
	// Shown again: the same view, not a second one.
	hist := h.history().view
	show("History")
	if h.history().view != hist {
		t.Error("History was built twice")
	}
}
