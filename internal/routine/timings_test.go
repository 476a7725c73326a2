package routine

import (
	"testing"
	"time"
)

// Settings' timings replace the get-ready time and every rest, and
// leave the routine they are taken from as it was.
func TestWithTimings(t *testing.T) {
	base := Default()
	orig := base.Moves[0].Rest
	if got := base.WithTimings(-1, -1); got != base {
		t.Error("no override should give the routine itself")
	}
	r := base.WithTimings(3*time.Second, 7*time.Second)
	if r.GetReady != 3*time.Second {
		t.Errorf("GetReady = %v", r.GetReady)
	}
	for _, m := range r.Moves {
		if m.Rest != 7*time.Second {
			t.Errorf("%s: rest %v, want 7s", m.ID, m.Rest)
		}
	}
	if base.Moves[0].Rest != orig || base.GetReady != Default().GetReady {
		t.Error("the base routine was changed")
	}
	r = base.WithTimings(-1, 0)
	if r.GetReady != base.GetReady || r.Moves[0].Rest != 0 {
		t.Errorf("rest only: get ready %v, rest %v", r.GetReady, r.Moves[0].Rest)
	}
}
