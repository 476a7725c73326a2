package schedule

import (
	"testing"
	"time"

	"spineroutine/internal/routine"
)

// Skipping one rep of a moving set goes straight to the next rep: no
// count-in, no get-ready. A skip into a hold, or into the first rep of a
// set, gets the 3-second count-in, whatever the routine's get-ready.
func TestSkipCountIn(t *testing.T) {
	tempo := []time.Duration{2 * sec, 2 * sec}
	march := routine.Move{ID: "march", Sides: routine.Alternate, Reps: []int{3, 3}, Tempo: tempo, BetweenSets: 10 * sec, Rest: 10 * sec}
	hold := routine.Move{ID: "hold", Reps: []int{3}, Hold: 5 * sec}
	r := testRoutine(march, hold)
	r.GetReady = 10 * sec
	p := mustPlan(t, r)
	stepOf := func(move string, set, rep int, side Side) int {
		for i, st := range p.Steps {
			if st.Kind == Work && st.Move == move && st.Set == set && st.Rep == rep && st.Side == side {
				return i
			}
		}
		t.Fatalf("no work step %s set %d rep %d %s", move, set, rep, side)
		return -1
	}
	for _, c := range []struct {
		name    string
		from    int // the step skipped
		countIn time.Duration
	}{
		{"a rep of a moving set", stepOf("march", 1, 1, Left), 0},
		{"the last rep of a side, into the other side's", stepOf("march", 1, 2, Left), 0},
		{"the get-ready, into the first rep", 0, 3 * sec},
		{"the pause between sets, into a new set", stepOf("march", 2, 1, Left) - 1, 3 * sec},
		{"a hold, into the next hold", stepOf("hold", 1, 1, NoSide), 3 * sec},
	} {
		t.Run(c.name, func(t *testing.T) {
			clk := NewFakeClock(t0)
			s := NewSession(p, clk, nil)
			s.StartAt(c.from)
			clk.Advance(3*sec + 500*time.Millisecond) // past a resume pre-roll
			if got := s.Status().Step.Index; got != c.from {
				t.Fatalf("at step %d, want %d", got, c.from)
			}
			s.SkipStep()
			st := s.Status()
			if st.Step.Index != c.from+1 {
				t.Fatalf("after the skip at step %d, want %d", st.Step.Index, c.from+1)
			}
			switch {
			case c.countIn == 0 && st.Preroll:
				t.Errorf("a count-in of %v before %s rep %d, want the rep at once", st.StepRemaining, st.Step.Move, st.Step.Rep)
			case c.countIn > 0 && (!st.Preroll || st.StepRemaining != c.countIn):
				t.Errorf("count-in %v (pre-roll %v), want %v", st.StepRemaining, st.Preroll, c.countIn)
			}
		})
	}
}
