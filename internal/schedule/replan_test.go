package schedule

import (
	"testing"
	"time"

	"spineroutine/internal/routine"
)

// replanPlans are a routine of move a (three sets of 3-2-1 reps of 2 s,
// level 3: sets at 10, 18 and 23 s) then b, and the same at a's level 2 (two sets of 2-1 reps).
func replanPlans(t *testing.T) (hard, easy *Plan) {
	a := routine.Move{ID: "a", Reps: []int{3, 2, 1}, Hold: 2 * sec, BetweenReps: sec, Level: 3}
	b := routine.Move{ID: "b", Reps: []int{1}, Hold: 4 * sec}
	r := testRoutine(a, b)
	hard = mustPlan(t, r)
	a.Reps, a.Level = []int{2, 1}, 2
	easy = mustPlan(t, testRoutine(a, b))
	return hard, easy
}

// TestSessionReplan: "easier for today" mid-set restarts the set under
// way at the easier dose with a count-in (the last set of the easier plan
// when it has fewer), keeps the time run, and the move completes at the
// new level; outside a set, or with other moves, nothing changes.
func TestSessionReplan(t *testing.T) {
	for _, c := range []struct {
		name     string
		at       int // seconds after the start
		wantOK   bool
		wantSet  int
		wantReps int
	}{
		{"in get ready", 5, false, 0, 0},
		{"in a gap of set 1", 12, true, 1, 2},
		{"in set 2", 19, true, 2, 1},
		{"in set 3: the easier plan's last set", 24, true, 2, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			hard, easy := replanPlans(t)
			clk := NewFakeClock(t0)
			rec := &recorder{}
			s := NewSession(hard, clk, rec.add)
			s.Start()
			clk.Advance(time.Duration(c.at) * sec)
			before := s.Status()
			ok := s.Replan(easy)
			if ok != c.wantOK {
				t.Fatalf("Replan at %d s (%s set %d): %v", c.at, before.Step.Kind, before.Step.Set, ok)
			}
			if !ok {
				if s.Plan() != hard || s.Status().Step.Index != before.Step.Index {
					t.Error("a refused Replan changed the session")
				}
				return
			}
			st := s.Status()
			if s.Plan() != easy || st.Step.Kind != Work || st.Step.Set != c.wantSet || st.Step.Rep != 1 ||
				st.Step.Reps != c.wantReps || !st.Preroll {
				t.Errorf("after Replan: step %s set %d rep %d of %d, preroll %v", st.Step.Kind, st.Step.Set,
					st.Step.Rep, st.Step.Reps, st.Preroll)
			}
			if st.Active < before.Active {
				t.Errorf("time run went from %v to %v", before.Active, st.Active)
			}
			rec.take(s)
			clk.Advance(countdownLead + easy.Total)
			var level int
			for _, ev := range rec.take(s) {
				if ev.Kind == MoveCompleted && ev.Move == "a" {
					level = ev.Level
				}
			}
			if level != 2 {
				t.Errorf("a completed at level %d, want 2", level)
			}
		})
	}
	t.Run("other moves", func(t *testing.T) {
		hard, _ := replanPlans(t)
		other := mustPlan(t, testRoutine(routine.Move{ID: "c", Reps: []int{1}, Hold: sec}))
		s := NewSession(hard, NewFakeClock(t0), nil)
		s.Start()
		if s.Replan(other) {
			t.Error("Replan took a plan of other moves")
		}
	})
}
