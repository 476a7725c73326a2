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

// A duration as DurationText writes it is read back by a draft's check
// (the editor shows the defaults so, and a person may type them so).
func TestDurationTextReadsBack(t *testing.T) {
	for _, d := range []time.Duration{0, 7 * time.Second, 1500 * time.Millisecond, 90 * time.Second} {
		draft := NewDraft(Default())
		draft.GetReady = DurationText(d)
		r, err := draft.Check(nil)
		if err != nil {
			t.Fatalf("%v as %q: %v", d, draft.GetReady, err)
		}
		if r.GetReady != d {
			t.Errorf("%q reads back as %v, want %v", draft.GetReady, r.GetReady, d)
		}
	}
}

// HasLevels: the default routine has dose levels; without them it has none.
func TestHasLevels(t *testing.T) {
	r := Default()
	if !r.HasLevels() {
		t.Error("the default routine has levels")
	}
	for i := range r.Moves {
		r.Moves[i].Levels = nil
	}
	if r.HasLevels() {
		t.Error("a routine without levels has levels")
	}
}
