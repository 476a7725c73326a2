package routine

import "testing"

// TestSetReps: the reps after "N sets of" are a pyramid, or one number
// when every set has the same.
func TestSetReps(t *testing.T) {
	for _, c := range []struct {
		reps []int
		want string
	}{{[]int{6, 4, 2}, "6-4-2"}, {[]int{12, 12}, "12"}, {[]int{8}, "8"}, {[]int{5, 5, 4}, "5-5-4"}} {
		if got := (Move{Reps: c.reps}).SetReps(); got != c.want {
			t.Errorf("%v: %q, want %q", c.reps, got, c.want)
		}
	}
}
