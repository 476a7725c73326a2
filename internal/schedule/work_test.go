package schedule

import (
	"testing"
	"time"
)

// TestSessionWork: the time of work counts the sets (holds, reps, gaps),
// not the get-ready, rests, side switches, count-ins or pauses.
func TestSessionWork(t *testing.T) {
	// sessionPlan: G 0-5 | a: W 5-10, g 10-12, W 12-17 | rest 17-27 |
	// b (each): L 27-31, S 31-34, R 34-38: 20 s of work.
	for _, c := range []struct {
		name string
		run  func(s *Session, clk *FakeClock)
		want time.Duration
	}{
		{"a natural run", func(s *Session, clk *FakeClock) { clk.Advance(40 * sec) }, 20 * sec},
		{"a pause mid-hold and its count-in", func(s *Session, clk *FakeClock) {
			clk.Advance(7 * sec)
			s.Pause()
			clk.Advance(time.Minute)
			s.Resume()
			clk.Advance(time.Minute)
		}, 20 * sec},
		{"a skip out of a hold", func(s *Session, clk *FakeClock) {
			clk.Advance(7 * sec)
			s.SkipStep()
			clk.Advance(time.Minute)
		}, 17 * sec},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, clk, _ := newTestSession(t)
			s.Start()
			c.run(s, clk)
			st := s.Status()
			if st.State != Finished || st.Work != c.want {
				t.Errorf("%v with %v of work (%v run), want finished with %v", st.State, st.Work, st.Active, c.want)
			}
		})
	}
}
