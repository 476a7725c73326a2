package ui

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"

	"spineroutine/internal/progress"
	"spineroutine/ui/widgets"
)

// TestRuleBoxShowsASavedValue: 30 sessions within 60 days make sense
// together; Settings shows them, not a blank box.
func TestRuleBoxShowsASavedValue(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		p := NewPrefs(fyne.CurrentApp().Preferences())
		v := progress.Defaults()
		v.Sessions, v.Window = 30, 60
		p.setProgress(v)
		o.Prefs = p
	})
	if got := h.prefs().Progress(); got.Sessions != 30 || got.Window != 60 {
		t.Fatalf("saved %+v", got)
	}
	boxes := find(h.settings().rules.Content(), func(*widgets.KeySelect) bool { return true })
	for i, want := range []int{30, 60} { // sessions for a step up, within days
		if got := boxes[i].Selected; got != strconv.Itoa(want) {
			t.Errorf("box %d shows %q, want %d", i, got, want)
		}
	}
}
