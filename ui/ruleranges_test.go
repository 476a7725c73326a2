package ui

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"

	"spineroutine/internal/progress"
)

// TestRuleBoxesOfferWhatValidateAccepts: each box of Settings →
// Suggestions offers every value the rule's check accepts for it (the
// others at values that leave it the most room) and none it refuses.
func TestRuleBoxesOfferWhatValidateAccepts(t *testing.T) {
	roomy := progress.Defaults()
	roomy.Sessions, roomy.Window = 1, progress.Lookback
	for _, rp := range ruleParams() {
		accepts := func(n int) bool {
			v := roomy
			*rp.field(&v) = n
			return v.Validate() == nil
		}
		lo, hi := rp.lo, rp.hi
		for n := lo; n <= hi; n++ {
			if !accepts(n) {
				t.Errorf("%s: the box offers %d, which the rule refuses", rp.label, n)
			}
		}
		for _, n := range []int{lo - 1, hi + 1} {
			if accepts(n) {
				t.Errorf("%s: the box offers %d to %d, the rule accepts %d too", rp.label, lo, hi, n)
			}
		}
	}
}

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
	for i, want := range []int{30, 60} {
		if got := h.settings().rules.boxes[i].Selected; got != strconv.Itoa(want) {
			t.Errorf("%s shows %q, want %d", ruleParams()[i].label, got, want)
		}
	}
}
