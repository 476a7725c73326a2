package settings

import (
	"testing"

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
