package schedule

import (
	"fmt"
	"math/rand"
	"strings"
	"sync"
	"testing"
	"time"

	"spineroutine/internal/routine"
)

var t0 = time.Date(2026, 1, 2, 7, 0, 0, 0, time.UTC)

// sessionPlan: G 0-5 | a: W 5-10, g 10-12, W 12-17 | rest 17-27 |
// b (each): L 27-31, S 31-34, R 34-38. Total 38 s.
func sessionPlan(t testing.TB) *Plan {
	r := testRoutine(
		routine.Move{ID: "a", Reps: []int{2}, Hold: 5 * sec, BetweenReps: 2 * sec, Rest: 10 * sec},
		routine.Move{ID: "b", Sides: routine.Each, Reps: []int{1}, Hold: 4 * sec},
	)
	r.GetReady, r.Switch = 5*sec, 3*sec
	p := mustPlan(t, r)
	if p.Total != 38*sec || len(p.Steps) != 8 {
		t.Fatalf("session plan: total %v, %d steps (%s)", p.Total, len(p.Steps), kinds(p))
	}
	return p
}

type recorder struct {
	mu  sync.Mutex
	evs []Event
}

func (r *recorder) add(ev Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.evs = append(r.evs, ev)
}

// take returns the events delivered since the last take.
func (r *recorder) take(s *Session) []Event {
	s.Sync()
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.evs
	r.evs = nil
	return out
}

func newTestSession(t testing.TB) (*Session, *FakeClock, *recorder) {
	clk := NewFakeClock(t0)
	rec := &recorder{}
	return NewSession(sessionPlan(t), clk, rec.add), clk, rec
}

// describe writes an event compactly: "kind[detail]@seconds since t0".
func describe(ev Event) string {
	d := ""
	switch ev.Kind {
	case StepEntered:
		d = fmt.Sprintf("(%d)", ev.Status.Step.Index)
	case CueDue:
		d = "(" + string(ev.Cue.Kind)
		if ev.Cue.N != 0 {
			d += fmt.Sprint(ev.Cue.N)
		}
		d += ")"
	case Second:
		d = "(" + FormatSeconds(ev.Status.StepRemaining) + ")"
	case MoveCompleted:
		d = "(" + ev.Move + ")"
	}
	return ev.Kind.String() + d + "@" + FormatSeconds(ev.At.Sub(t0))
}

// describeAll describes events, leaving out Second events unless seconds.
func describeAll(evs []Event, seconds bool) string {
	var out []string
	for _, ev := range evs {
		if ev.Kind == Second && !seconds {
			continue
		}
		out = append(out, describe(ev))
	}
	return strings.Join(out, " ")
}

func checkOrdered(t *testing.T, evs []Event) {
	t.Helper()
	for i := 1; i < len(evs); i++ {
		if evs[i].At.Before(evs[i-1].At) {
			t.Fatalf("event %d (%s) before event %d (%s)", i, describe(evs[i]), i-1, describe(evs[i-1]))
		}
	}
}

func TestSessionNaturalRun(t *testing.T) {
	s, clk, rec := newTestSession(t)
	if st := s.Status(); st.State != Idle || st.Remaining != 38*sec || st.Step.Index != 0 {
		t.Fatalf("idle status %+v", st)
	}
	s.Start()
	clk.Advance(2500 * time.Millisecond)
	if st := s.Status(); st.State != Running || st.StepRemaining != 2500*time.Millisecond ||
		st.Remaining != 35500*time.Millisecond || st.Offset != 2500*time.Millisecond || st.Next == nil || st.Next.ID != "b" {
		t.Fatalf("status at 2.5 s: %+v", st)
	}
	clk.Advance(time.Minute)
	evs := rec.take(s)
	checkOrdered(t, evs)
	want := "step(0)@0 cue(next)@0 cue(countdown3)@2 cue(countdown2)@3 cue(countdown1)@4 " +
		"step(1)@5 cue(start)@5 step(2)@10 cue(release)@10 step(3)@12 cue(rep)@12 " +
		"step(4)@17 cue(release)@17 cue(rest)@17 cue(next)@17 move-completed(a)@17 " +
		"cue(countdown3)@24 cue(countdown2)@25 cue(countdown1)@26 step(5)@27 cue(start)@27 " +
		"step(6)@31 cue(countdown3)@31 cue(release)@31 cue(switch)@31 cue(countdown2)@32 cue(countdown1)@33 " +
		"step(7)@34 cue(start)@34 cue(release)@38 cue(done)@38 move-completed(b)@38 finished@38"
	if got := describeAll(evs, false); got != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
	// Seconds: every whole second of each step's countdown, never at a step end.
	var secs []string
	for _, ev := range evs {
		if ev.Kind == Second && ev.At.Sub(t0) <= 12*sec {
			secs = append(secs, describe(ev))
		}
	}
	wantSecs := "second(4)@1 second(3)@2 second(2)@3 second(1)@4 second(4)@6 second(3)@7 second(2)@8 second(1)@9 second(1)@11"
	if got := strings.Join(secs, " "); got != wantSecs {
		t.Errorf("seconds\n got %s\nwant %s", got, wantSecs)
	}
	st := s.Status()
	if st.State != Finished || st.Remaining != 0 || st.Progress != 1 || strings.Join(st.Completed, ",") != "a,b" {
		t.Errorf("final status %+v", st)
	}
	if clk.Pending() != 0 {
		t.Errorf("%d timers still armed after the end", clk.Pending())
	}
	// Controls do nothing once finished.
	s.TogglePause()
	s.SkipStep()
	s.Back()
	if evs := rec.take(s); len(evs) != 0 {
		t.Errorf("events after the end: %s", describeAll(evs, true))
	}
}

func TestSessionIrregularWakesNoDrift(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.Start()
	// Advance by odd amounts: deadlines, not ticks, decide every instant.
	for i := 0; i < 100; i++ {
		clk.Advance(time.Duration(137+i*13) * time.Millisecond)
	}
	evs := rec.take(s)
	last := evs[len(evs)-1]
	if last.Kind != Finished || !last.At.Equal(t0.Add(38*sec)) {
		t.Fatalf("last event %s, want finished@38", describe(last))
	}
	for _, ev := range evs {
		if ev.Kind == CueDue && !ev.At.Equal(t0.Add(ev.Cue.At)) {
			t.Errorf("cue %s due at %v, plan says %v", ev.Cue.Kind, ev.At.Sub(t0), ev.Cue.At)
		}
	}
}

func TestSessionPauseDuringGetReady(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.Start()
	clk.Advance(2500 * time.Millisecond)
	s.Pause()
	clk.Advance(time.Hour)
	st := s.Status()
	if st.State != Paused || st.StepRemaining != 2500*time.Millisecond || st.Offset != 2500*time.Millisecond || st.Preroll {
		t.Fatalf("paused status %+v", st)
	}
	if got := s.CuesBetween(t0, t0.Add(2*time.Hour)); got != nil {
		t.Errorf("CuesBetween while paused: %v", got)
	}
	rec.take(s)
	s.Resume() // not a work step: no pre-roll
	resumed := clk.Now()
	cues := s.CuesBetween(resumed, resumed.Add(3*sec))
	var got []string
	for _, tc := range cues {
		got = append(got, fmt.Sprintf("%s%d@%s", tc.Cue.Kind, tc.Cue.N, FormatSeconds(tc.At.Sub(resumed))))
	}
	if want := "countdown2@0.5 countdown1@1.5 start0@2.5"; strings.Join(got, " ") != want {
		t.Errorf("cues after resume: %s, want %s", strings.Join(got, " "), want)
	}
	clk.Advance(time.Minute)
	evs := rec.take(s)
	checkOrdered(t, evs)
	if evs[0].Kind != Resumed || evs[len(evs)-1].Kind != Finished || !evs[len(evs)-1].At.Equal(t0.Add(time.Hour+38*sec)) {
		t.Errorf("after resume: first %s, last %s", describe(evs[0]), describe(evs[len(evs)-1]))
	}
}

func TestSessionPauseInWorkPreroll(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.Start()
	clk.Advance(7 * sec) // 2 s into the first hold (5-10)
	s.Pause()
	clk.Advance(10 * sec)
	rec.take(s)
	s.Resume()
	st := s.Status()
	if !st.Preroll || st.StepRemaining != 3*sec || st.Remaining != 34*sec || st.Offset != 7*sec || st.Step.Index != 1 {
		t.Fatalf("pre-roll status %+v", st)
	}
	clk.Advance(3500 * time.Millisecond)
	if st := s.Status(); st.Preroll || st.StepRemaining != 2500*time.Millisecond {
		t.Fatalf("status after the pre-roll %+v", st)
	}
	clk.Advance(3 * sec)
	evs := rec.take(s)
	want := "resumed@17 cue(countdown3)@17 cue(countdown2)@18 second(2)@18 cue(countdown1)@19 second(1)@19 " +
		"cue(start)@20 second(3)@20 second(2)@21 second(1)@22 step(2)@23 cue(release)@23"
	if got := describeAll(evs, true); got != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
	for _, ev := range evs {
		if ev.Kind == CueDue && ev.Cue.Kind != CueRelease && (ev.Cue.At != 7*sec || ev.Cue.Step != 1) {
			t.Errorf("pre-roll cue %+v: want At 7s, Step 1", ev.Cue)
		}
	}
}

func TestSessionBack(t *testing.T) {
	tests := []struct {
		name     string
		at       time.Duration // when Back is pressed
		wantStep int
	}{
		{"in get ready at the first move", 2 * sec, 1},
		{"early in the first move restarts it", 7 * sec, 1},
		{"3 s in is still early", 8 * sec, 1},
		{"past 3 s restarts the move", 8*sec + time.Millisecond, 1},
		{"in a gap restarts the move", 11 * sec, 1},
		{"in the rest goes to the previous move", 20 * sec, 1},
		{"early in b goes to a", 29 * sec, 1},
		{"late in b restarts b", 31 * sec, 5},
		{"in b's switch restarts b", 32 * sec, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, clk, rec := newTestSession(t)
			s.Start()
			clk.Advance(tt.at)
			rec.take(s)
			s.Back()
			st := s.Status()
			if st.Step.Index != tt.wantStep || !st.Preroll || st.StepRemaining != 3*sec {
				t.Fatalf("after Back: step %d preroll %v remaining %v, want step %d in pre-roll", st.Step.Index, st.Preroll, st.StepRemaining, tt.wantStep)
			}
			clk.Advance(3 * sec)
			evs := rec.take(s)
			got := describeAll(evs, false)
			at := FormatSeconds(tt.at)
			want := fmt.Sprintf("jumped@%s step(%d)@%s cue(countdown3)@%s cue(countdown2)@%s cue(countdown1)@%s cue(start)@%s",
				at, tt.wantStep, at, at, FormatSeconds(tt.at+sec), FormatSeconds(tt.at+2*sec), FormatSeconds(tt.at+3*sec))
			if got != want {
				t.Errorf("events\n got %s\nwant %s", got, want)
			}
		})
	}
}

func TestSessionBackKeepsCompletedAndBackMove(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.Start()
	clk.Advance(33 * sec) // a completed, in b's switch
	s.Back()              // to b's first work
	s.Back()              // within 3 s: to a
	if st := s.Status(); st.Step.Index != 1 || strings.Join(st.Completed, ",") != "a" {
		t.Fatalf("after two Backs: %+v", st)
	}
	clk.Advance(3*sec + 12*sec) // pre-roll, then a again to its end
	s.BackMove()                // from the rest before b: to a (previous move of b)
	if st := s.Status(); st.Step.Index != 1 {
		t.Fatalf("BackMove from the rest before b: step %d", st.Step.Index)
	}
	s.BackMove() // at the first move: restarts it
	if st := s.Status(); st.Step.Index != 1 || !st.Preroll {
		t.Fatalf("BackMove at the first move: %+v", st)
	}
	evs := rec.take(s)
	n := 0
	for _, ev := range evs {
		if ev.Kind == MoveCompleted {
			n++
		}
	}
	if n != 2 { // a at 17 s, and again after its replay
		t.Errorf("%d MoveCompleted events, want 2: %s", n, describeAll(evs, false))
	}
	if st := s.Status(); strings.Join(st.Completed, ",") != "a" {
		t.Errorf("Completed %v, want [a]", st.Completed)
	}
}

func TestSessionSkipToTheEnd(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.Start()
	for i := 0; i < 7; i++ {
		clk.Advance(500 * time.Millisecond)
		s.SkipStep()
	}
	if st := s.Status(); st.Step.Index != 7 || !st.Preroll {
		t.Fatalf("after 7 skips: %+v, want the count-in of step 7", st)
	}
	clk.Advance(500 * time.Millisecond)
	s.SkipStep() // the last step: finishes
	evs := rec.take(s)
	got := describeAll(evs, false)
	if strings.Contains(got, "move-completed") {
		t.Errorf("skipped moves must not complete: %s", got)
	}
	if !strings.HasSuffix(got, "jumped@4 cue(done)@4 finished@4") {
		t.Errorf("end of events: %s", got)
	}
	// A skip into a work step starts its 3-s count-in: its first pip at
	// once, no start cue yet.
	if !strings.Contains(got, "jumped@0.5 step(1)@0.5 cue(countdown3)@0.5 jumped@1 step(2)@1 jumped@1.5 step(3)@1.5 cue(countdown3)@1.5 jumped@2") {
		t.Errorf("skips into work: %s", got)
	}
	if st := s.Status(); st.State != Finished || st.Progress != 1 || len(st.Completed) != 0 {
		t.Errorf("status %+v", st)
	}
	if clk.Pending() != 0 {
		t.Errorf("%d timers armed after the end", clk.Pending())
	}
}

func TestSessionSkipMove(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.Start()
	clk.Advance(13 * sec) // in a's second hold
	s.SkipMove()          // to the rest before b
	if st := s.Status(); st.Step.Index != 4 || st.StepRemaining != 10*sec {
		t.Fatalf("SkipMove: %+v", st)
	}
	s.SkipMove() // from the rest (it belongs to b): b is the last move, finish
	evs := rec.take(s)
	got := describeAll(evs, false)
	want := "jumped@13 step(4)@13 cue(rest)@13 cue(next)@13 jumped@13 cue(done)@13 finished@13"
	if !strings.HasSuffix(got, want) || strings.Contains(got, "move-completed") {
		t.Errorf("events\n got %s\nwant …%s", got, want)
	}
}

func TestSessionAddTimeDuringRest(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.Start()
	clk.Advance(20 * sec) // 3 s into the rest 17-27
	rec.take(s)
	s.AddTime(10 * sec)
	st := s.Status()
	if st.StepRemaining != 17*sec || st.Remaining != 28*sec || st.Offset != 20*sec {
		t.Fatalf("after +10 s: %+v", st)
	}
	now := clk.Now()
	var got []string
	for _, tc := range s.CuesBetween(now, now.Add(30*sec)) {
		got = append(got, fmt.Sprintf("%s@%s", tc.Cue.Kind, FormatSeconds(tc.At.Sub(t0))))
	}
	want := "countdown@34 countdown@35 countdown@36 start@37 countdown@41 release@41 switch@41 countdown@42 countdown@43 start@44 release@48 done@48"
	if strings.Join(got, " ") != want {
		t.Errorf("cues\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	clk.Advance(time.Minute)
	evs := rec.take(s)
	if evs[0].Kind != Jumped || evs[len(evs)-1].Kind != Finished || !evs[len(evs)-1].At.Equal(t0.Add(48*sec)) {
		t.Errorf("events: %s", describeAll(evs, false))
	}
	// The cues that rang are the ones CuesBetween announced.
	var rang []string
	for _, ev := range evs {
		if ev.Kind == CueDue {
			rang = append(rang, fmt.Sprintf("%s@%s", ev.Cue.Kind, FormatSeconds(ev.At.Sub(t0))))
		}
	}
	if strings.Join(rang, " ") != want {
		t.Errorf("cues rang\n got %s\nwant %s", strings.Join(rang, " "), want)
	}
}

func TestSessionAddTimeInWorkMovesRelease(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.Start()
	clk.Advance(6 * sec)
	s.Pause()
	s.AddTime(10 * sec) // paused: lengthens the step all the same
	if st := s.Status(); st.StepRemaining != 14*sec {
		t.Fatalf("paused +10 s: remaining %v", st.StepRemaining)
	}
	s.Resume()
	clk.Advance(3*sec + 14*sec)
	got := describeAll(rec.take(s), false)
	if !strings.HasSuffix(got, "cue(start)@9 step(2)@23 cue(release)@23") {
		t.Errorf("events: %s", got)
	}
}

func TestSessionLongPause(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.Start()
	clk.Advance(20 * sec)
	s.Pause()
	clk.Advance(3 * time.Hour)
	if st := s.Status(); st.StepRemaining != 7*sec || st.State != Paused {
		t.Fatalf("after 3 h paused: %+v", st)
	}
	s.Resume()
	clk.Advance(time.Minute)
	evs := rec.take(s)
	last := evs[len(evs)-1]
	if last.Kind != Finished || !last.At.Equal(t0.Add(3*time.Hour+38*sec)) {
		t.Errorf("finished at %v, want 3h38s", last.At.Sub(t0))
	}
}

func TestSessionStartAt(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.StartAt(3) // a's second hold: pre-roll
	if st := s.Status(); !st.Preroll || st.Step.Index != 3 || st.Remaining != 3*sec+26*sec {
		t.Fatalf("StartAt(work): %+v", st)
	}
	clk.Advance(3 * sec)
	got := describeAll(rec.take(s), false)
	want := "step(3)@0 cue(countdown3)@0 cue(countdown2)@1 cue(countdown1)@2 cue(start)@3"
	if got != want {
		t.Errorf("StartAt(3)\n got %s\nwant %s", got, want)
	}

	s2, _, rec2 := newTestSession(t)
	s2.StartAt(4) // the rest: directly, with its cues
	if got := describeAll(rec2.take(s2), false); got != "step(4)@0 cue(rest)@0 cue(next)@0" {
		t.Errorf("StartAt(4): %s", got)
	}
	s2.StartAt(0) // not Idle: nothing
	if st := s2.Status(); st.Step.Index != 4 {
		t.Errorf("StartAt on a running session moved it to %d", st.Step.Index)
	}
}

func TestSessionTogglePauseAndStop(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.TogglePause() // start
	clk.Advance(sec)
	s.TogglePause() // pause
	if s.Status().State != Paused {
		t.Fatal("TogglePause did not pause")
	}
	s.TogglePause() // resume
	if s.Status().State != Running {
		t.Fatal("TogglePause did not resume")
	}
	select {
	case <-s.Changed():
	default:
		t.Error("Changed not signalled")
	}
	clk.Advance(sec)
	s.Stop()
	st := s.Status()
	if st.State != Stopped || st.Offset != 2*sec {
		t.Errorf("after Stop: %+v", st)
	}
	clk.Advance(time.Minute)
	s.Resume()
	s.SkipStep()
	evs := rec.take(s)
	if last := evs[len(evs)-1]; last.Kind != Stopped {
		t.Errorf("last event %s, want stopped", describe(last))
	}
	if clk.Pending() != 0 {
		t.Errorf("%d timers armed after Stop", clk.Pending())
	}
	if s.CuesBetween(t0, t0.Add(time.Hour)) != nil {
		t.Error("CuesBetween after Stop")
	}
}

func TestSessionNilNotify(t *testing.T) {
	clk := NewFakeClock(t0)
	s := NewSession(sessionPlan(t), clk, nil)
	s.Start()
	clk.Advance(time.Minute)
	s.Sync()
	if st := s.Status(); st.State != Finished || strings.Join(st.Completed, ",") != "a,b" {
		t.Errorf("status %+v", st)
	}
}

// TestSessionCuesBetweenPredictsCues checks, across a scripted mix of
// controls, that the cues rung between two controls are exactly the ones
// CuesBetween announced right after the first.
func TestSessionCuesBetweenPredictsCues(t *testing.T) {
	s, clk, rec := newTestSession(t)
	controls := []struct {
		after time.Duration
		do    func()
	}{
		{0, s.Start}, {3 * sec, s.Pause}, {5 * sec, s.Resume}, {4 * sec, s.Pause}, {sec, s.Resume},
		{1500 * time.Millisecond, func() { s.AddTime(10 * sec) }}, {9 * sec, s.SkipStep}, {2 * sec, s.Back},
		{4 * sec, s.SkipMove}, {2 * sec, func() { s.AddTime(10 * sec) }}, {5 * sec, s.BackMove}, {2 * sec, s.SkipMove},
		{time.Minute, nil},
	}
	var predicted []TimedCue
	for _, c := range controls {
		from := clk.Now()
		clk.Advance(c.after)
		var rang []string
		for _, ev := range rec.take(s) {
			if ev.Kind == CueDue {
				rang = append(rang, fmt.Sprintf("%s%d@%s", ev.Cue.Kind, ev.Cue.N, FormatSeconds(ev.At.Sub(t0))))
			}
		}
		var want []string
		for _, tc := range predicted {
			if !tc.At.Before(from) && !tc.At.After(clk.Now()) {
				want = append(want, fmt.Sprintf("%s%d@%s", tc.Cue.Kind, tc.Cue.N, FormatSeconds(tc.At.Sub(t0))))
			}
		}
		if strings.Join(rang, " ") != strings.Join(want, " ") {
			t.Errorf("before control at %v:\n rang    %v\n predicted %v", clk.Now().Sub(t0), rang, want)
		}
		if c.do == nil {
			break
		}
		c.do()
		now := clk.Now()
		predicted = s.CuesBetween(now, now.Add(time.Hour))
		// Cues due right at the control ring within it.
		for _, ev := range rec.take(s) {
			if ev.Kind == CueDue && len(predicted) > 0 && predicted[0].At.Equal(now) {
				if predicted[0].Cue.Kind != ev.Cue.Kind {
					t.Errorf("at %v: cue %s rang, %s predicted", now.Sub(t0), ev.Cue.Kind, predicted[0].Cue.Kind)
				}
				predicted = predicted[1:]
			}
		}
	}
	if s.Status().State != Finished {
		t.Errorf("state %v at the end of the script", s.Status().State)
	}
}

func BenchmarkSessionFakeClock(b *testing.B) {
	p := mustPlan(b, routine.Default())
	for b.Loop() {
		clk := NewFakeClock(t0)
		n := 0
		s := NewSession(p, clk, func(Event) { n++ })
		s.Start()
		clk.Advance(p.Total + time.Second)
		s.Sync()
		if s.Status().State != Finished {
			b.Fatal("not finished")
		}
	}
}

func TestSessionPauseDuringPreroll(t *testing.T) {
	s, clk, rec := newTestSession(t)
	s.StartAt(1)
	clk.Advance(1500 * time.Millisecond)
	s.Pause()
	if st := s.Status(); st.Preroll || st.StepRemaining != 5*sec || st.Offset != 5*sec {
		t.Fatalf("paused in the pre-roll: %+v", st)
	}
	clk.Advance(time.Minute)
	s.Resume() // a fresh 3-second pre-roll
	clk.Advance(3 * sec)
	got := describeAll(rec.take(s), false)
	want := "step(1)@0 cue(countdown3)@0 cue(countdown2)@1 paused@1.5 resumed@61.5 " +
		"cue(countdown3)@61.5 cue(countdown2)@62.5 cue(countdown1)@63.5 cue(start)@64.5"
	if got != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
}

// A 3-second pause step: its countdown starts with it; time added to it
// delays the countdown, which keeps its 3 s before the work.
func TestSessionSkipWhilePausedThenAddTime(t *testing.T) {
	r := testRoutine(
		routine.Move{ID: "a", Reps: []int{1}, Hold: 5 * sec, Rest: 3 * sec},
		routine.Move{ID: "b", Reps: []int{1}, Hold: 5 * sec},
	)
	r.GetReady = 0 // W 0-5 | rest 5-8 | W 8-13
	clk := NewFakeClock(t0)
	rec := &recorder{}
	s := NewSession(mustPlan(t, r), clk, rec.add)
	s.Start()
	clk.Advance(sec)
	s.Pause()
	s.SkipStep() // paused, at the start of the rest
	s.AddTime(10 * sec)
	if st := s.Status(); st.State != Paused || st.Step.Index != 1 || st.StepRemaining != 13*sec {
		t.Fatalf("status %+v", st)
	}
	clk.Advance(sec)
	s.Resume()
	clk.Advance(time.Minute)
	got := describeAll(rec.take(s), false)
	want := "step(0)@0 cue(start)@0 paused@1 jumped@1 step(1)@1 jumped@1 resumed@2 cue(rest)@2 cue(next)@2 " +
		"cue(countdown3)@12 cue(countdown2)@13 cue(countdown1)@14 step(2)@15 cue(start)@15 " +
		"cue(release)@20 cue(done)@20 move-completed(b)@20 finished@20"
	if got != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
}

func TestSessionStatusNext(t *testing.T) {
	s, clk, _ := newTestSession(t)
	s.Start()
	if st := s.Status(); st.Next == nil || st.Next.ID != "b" {
		t.Errorf("Next in get ready: %+v", st.Next)
	}
	clk.Advance(20 * sec) // the rest belongs to b, the last move
	if st := s.Status(); st.Next != nil || st.Step.Move != "b" {
		t.Errorf("Next in the rest before the last move: %+v", st.Next)
	}
	if st := s.StatusAt(clk.Now().Add(10 * sec)); st.Step.Index != 5 || st.StepRemaining != sec || st.Offset != 30*sec {
		t.Errorf("StatusAt +10 s: step %d remaining %v offset %v", st.Step.Index, st.StepRemaining, st.Offset)
	}
}

// A slow notify never holds up the engine: events queue and arrive later,
// all of them, in order.
func TestSessionSlowNotifyDoesNotBlock(t *testing.T) {
	clk := NewFakeClock(t0)
	var mu sync.Mutex
	var got []Event
	release := make(chan struct{})
	s := NewSession(sessionPlan(t), clk, func(ev Event) {
		<-release // blocked until the whole run is over
		mu.Lock()
		got = append(got, ev)
		mu.Unlock()
	})
	s.Start()
	clk.Advance(time.Minute) // returns although notify is stuck
	if st := s.Status(); st.State != Finished {
		t.Fatalf("state %v with notify blocked", st.State)
	}
	close(release)
	s.Sync()
	mu.Lock()
	defer mu.Unlock()
	checkOrdered(t, got)
	if len(got) < 40 || got[0].Kind != StepEntered || got[len(got)-1].Kind != Finished {
		t.Errorf("%d events, first %v, last %v", len(got), got[0].Kind, got[len(got)-1].Kind)
	}
}

func TestStateAndEventKindNames(t *testing.T) {
	var st State = Paused
	var k EventKind = Paused
	if st.String() != "paused" || k.String() != "paused" || Running.String() != "running" ||
		MoveCompleted.String() != "move-completed" || State(42).String() != "State(42)" {
		t.Errorf("names: %v %v %v %v", st, k, Running, MoveCompleted)
	}
	kinds := map[EventKind]bool{}
	for _, k := range []EventKind{StepEntered, CueDue, Second, Paused, Resumed, MoveCompleted, Finished, Stopped, Jumped} {
		if kinds[k] {
			t.Errorf("event kind %v used twice", k)
		}
		kinds[k] = true
	}
}

// TestSessionRandomControls drives random plans with random controls at
// random instants and checks the invariants of the event stream.
func TestSessionRandomControls(t *testing.T) {
	for seed := int64(1); seed <= 60; seed++ {
		rng := rand.New(rand.NewSource(seed))
		p, err := NewPlan(randomRoutine(rng), nil)
		if err != nil {
			t.Fatal(err)
		}
		clk := NewFakeClock(t0)
		rec := &recorder{}
		s := NewSession(p, clk, rec.add)
		names := []string{"pause", "resume", "toggle", "skip", "skipmove", "back", "backmove", "add"}
		var predicted []TimedCue
		var all []Event
		for i := 0; i < 40 && s.Status().State != Finished; i++ {
			from := clk.Now()
			clk.Advance(time.Duration(rng.Int63n(int64(8 * sec))))
			evs := rec.take(s)
			all = append(all, evs...)
			var rang, want []string
			for _, ev := range evs {
				if ev.Kind == CueDue {
					rang = append(rang, fmt.Sprintf("%s%d@%v", ev.Cue.Kind, ev.Cue.N, ev.At.Sub(t0)))
				}
			}
			for _, tc := range predicted {
				if !tc.At.Before(from) && !tc.At.After(clk.Now()) {
					want = append(want, fmt.Sprintf("%s%d@%v", tc.Cue.Kind, tc.Cue.N, tc.At.Sub(t0)))
				}
			}
			if fmt.Sprint(rang) != fmt.Sprint(want) {
				t.Fatalf("seed %d, before control %d: rang %v, predicted %v", seed, i, rang, want)
			}
			name := names[rng.Intn(len(names))]
			if i == 0 {
				name = "toggle"
			}
			switch name {
			case "pause":
				s.Pause()
			case "resume":
				s.Resume()
			case "toggle":
				s.TogglePause()
			case "skip":
				s.SkipStep()
			case "skipmove":
				s.SkipMove()
			case "back":
				s.Back()
			case "backmove":
				s.BackMove()
			case "add":
				s.AddTime(10 * sec)
			}
			now := clk.Now()
			predicted = s.CuesBetween(now, now.Add(24*time.Hour))
			evs = rec.take(s)
			all = append(all, evs...)
			for _, ev := range evs { // cues due at the control itself
				if ev.Kind == CueDue && ev.Status.State != Finished {
					if len(predicted) == 0 || !predicted[0].At.Equal(now) || predicted[0].Cue.Kind != ev.Cue.Kind {
						t.Fatalf("seed %d: %s after %s not predicted (%v)", seed, describe(ev), name, predicted)
					}
					predicted = predicted[1:]
				}
			}
		}
		s.Resume()
		clk.Advance(24 * time.Hour)
		all = append(all, rec.take(s)...)
		if st := s.Status(); st.State != Finished {
			t.Fatalf("seed %d: state %v at the end", seed, st.State)
		}
		checkOrdered(t, all)
		checkStream(t, seed, p, all)
	}
}

// checkStream checks what every event stream must keep: sane statuses,
// steps entered one after the other unless a control jumped, moves
// completed only at the natural end of their last work step, one Finished,
// last.
func checkStream(t *testing.T, seed int64, p *Plan, evs []Event) {
	t.Helper()
	cur, prevNatural := -1, false // step entered last; whether the one before it ended naturally into it
	controlSince := false         // a control happened since cur was entered
	for i, ev := range evs {
		st := ev.Status
		if st.StepRemaining < 0 || st.Remaining < st.StepRemaining || st.Offset < 0 || st.Offset > p.Total ||
			st.Progress < 0 || st.Progress > 1 {
			t.Fatalf("seed %d: event %d %s has status %+v", seed, i, describe(ev), st)
		}
		switch ev.Kind {
		case Jumped, Paused, Resumed:
			controlSince = true
		case StepEntered:
			jumped := i > 0 && evs[i-1].Kind == Jumped
			prevNatural = cur >= 0 && !jumped
			if prevNatural && st.Step.Index != cur+1 {
				t.Fatalf("seed %d: step %d entered naturally after step %d", seed, st.Step.Index, cur)
			}
			cur, controlSince = st.Step.Index, false
		case MoveCompleted:
			mi := -1
			for j, m := range p.Moves {
				if m.ID == ev.Move {
					mi = j
				}
			}
			lw := p.LastWork(mi)
			endedInto := prevNatural && cur == lw+1 && evs[i-1].At.Equal(ev.At) // the next step began now
			atEnd := lw == len(p.Steps)-1 && cur == lw && !controlSince
			if !endedInto && !atEnd {
				t.Fatalf("seed %d: %s, but step %d (last work %d) did not just end naturally", seed, describe(ev), cur, lw)
			}
		case Finished:
			if i != len(evs)-1 {
				t.Fatalf("seed %d: events after finished: %s", seed, describeAll(evs[i+1:], true))
			}
		}
	}
	if evs[len(evs)-1].Kind != Finished {
		t.Fatalf("seed %d: last event %s", seed, describe(evs[len(evs)-1]))
	}
}

// BenchmarkCuesBetween is the audio scheduler's look-ahead query: a 100 ms
// window in the middle of the default routine.
func BenchmarkCuesBetween(b *testing.B) {
	p := mustPlan(b, routine.Default())
	clk := NewFakeClock(t0)
	s := NewSession(p, clk, nil)
	s.Start()
	clk.Advance(p.Total / 2)
	now := clk.Now()
	for b.Loop() {
		s.CuesBetween(now, now.Add(100*time.Millisecond))
	}
}

// TestStartLead: with a start lead the session's first instant, its first
// cue and every later one move by the lead; nothing is due before it.
func TestStartLead(t *testing.T) {
	r := &routine.Routine{Name: "lead", GetReady: 3 * time.Second, Moves: []routine.Move{
		{ID: "hold", Name: "Hold", Sides: routine.NoSides, Reps: []int{1}, Hold: 5 * time.Second},
	}}
	p := mustPlan(t, r)
	clk := NewFakeClock(time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC))
	t0 := clk.Now()
	const lead = 300 * time.Millisecond
	s := NewSession(p, clk, nil)
	s.SetStartLead(lead)
	s.Start()
	cues := s.CuesBetween(t0, t0.Add(p.Total+lead+time.Second))
	if len(cues) != len(p.Cues) {
		t.Fatalf("%d cues ahead, want %d", len(cues), len(p.Cues))
	}
	for i, c := range cues {
		if want := t0.Add(lead + p.Cues[i].At); !c.At.Equal(want) {
			t.Errorf("cue %d (%s) at %v, want %v", i, c.Cue.Kind, c.At.Sub(t0), want.Sub(t0))
		}
	}
	if st := s.Status(); st.StepRemaining != p.Steps[0].Dur+lead || st.Offset != 0 {
		t.Errorf("during the lead: remaining %v offset %v, want %v and 0", st.StepRemaining, st.Offset, p.Steps[0].Dur+lead)
	}
	clk.Advance(lead + p.Total)
	if st := s.Status(); st.State != Finished {
		t.Errorf("state %v after lead + total, want Finished", st.State)
	}
}

// TestSkipIntoWorkCountsIn: skipping from a get-ready or a rest into a hold
// gives 3 s to get into position, whatever the get-ready, counted down by
// the three pips, then the hold starts whole.
func TestSkipIntoWorkCountsIn(t *testing.T) {
	for _, getReady := range []time.Duration{5 * sec, 1 * sec} {
		p := sessionPlan(t)
		r := *p.Routine
		r.GetReady = getReady
		p = mustPlan(t, &r)
		clk := NewFakeClock(t0)
		rec := &recorder{}
		s := NewSession(p, clk, rec.add)
		s.Start()
		at := 500 * time.Millisecond
		clk.Advance(at)
		rec.take(s)
		s.SkipStep() // from the get-ready into the first hold of a
		const want = 3 * sec
		if got := s.CountIn(s.Status().Step.Index); got != want {
			t.Errorf("get ready %v: count-in %v, want %v", getReady, got, want)
		}
		st := s.Status()
		if !st.Preroll || st.Step.Kind != Work || st.StepRemaining != want {
			t.Fatalf("get ready %v: after the skip %+v, want a %v count-in before the work", getReady, st, want)
		}
		clk.Advance(want)
		got := describeAll(rec.take(s), false)
		w := fmt.Sprintf("jumped@%[5]s step(1)@%[5]s cue(countdown3)@%[1]s cue(countdown2)@%[2]s cue(countdown1)@%[3]s cue(start)@%[4]s",
			FormatSeconds(at+want-3*sec), FormatSeconds(at+want-2*sec), FormatSeconds(at+want-sec), FormatSeconds(at+want), FormatSeconds(at))
		if got != w {
			t.Errorf("get ready %v: count-in events %s, want %s", getReady, got, w)
		}
		if st := s.Status(); st.Preroll || st.StepRemaining != 5*sec {
			t.Errorf("get ready %v: after the count-in %+v, want the whole 5-s hold", getReady, st)
		}
	}
}

// TestActiveTimeLeavesOutSkipsAndPauses: the time run counts what was
// lived through after the get-ready, not the plan time skipped nor the
// pauses.
func TestActiveTimeLeavesOutSkipsAndPauses(t *testing.T) {
	s, clk, _ := newTestSession(t)
	s.Start()
	clk.Advance(5*sec + 2*sec) // the get-ready, 2 s of the first hold
	s.Pause()
	clk.Advance(60 * sec)
	s.Resume()
	clk.Advance(sec)
	for s.Status().State == Running {
		s.SkipMove()
	}
	st := s.Status()
	if st.State != Finished || st.Active != 3*sec {
		t.Errorf("after 3 s run, a minute paused and skips to the end: %v, active %v, want finished after 3s", st.State, st.Active)
	}
	s2, clk2, _ := newTestSession(t)
	s2.Start()
	clk2.Advance(10 * sec)
	s2.Stop()
	clk2.Advance(10 * sec)
	if got := s2.Status().Active; got != 5*sec {
		t.Errorf("stopped 10 s after the start, 5 s after the get-ready: active %v, want 5s", got)
	}
	s3, clk3, _ := newTestSession(t)
	s3.Start()
	clk3.Advance(4 * sec)
	s3.Stop()
	if got := s3.Status().Active; got != 0 {
		t.Errorf("stopped in the get-ready: active %v, want 0", got)
	}
}

// Time added to a hold moves its end countdown and its time-left cue with
// its end; the halfway keeps its instant.
func TestSessionAddTimeMovesEndCountdown(t *testing.T) {
	r := testRoutine(routine.Move{ID: "hold", Reps: []int{1}, Hold: 20 * sec})
	r.GetReady = 0
	clk := NewFakeClock(t0)
	s := NewSession(mustPlan(t, r), clk, nil)
	s.Start()
	clk.Advance(2 * sec)
	s.AddTime(10 * sec)
	now := clk.Now()
	var got []string
	for _, tc := range s.CuesBetween(now, now.Add(time.Minute)) {
		got = append(got, fmt.Sprintf("%s%d@%s", tc.Cue.Kind, tc.Cue.N, FormatSeconds(tc.At.Sub(t0))))
	}
	want := "halfway0@10 time_left10@20 countdown3@27 countdown2@28 countdown1@29 release0@30 done0@30"
	if strings.Join(got, " ") != want {
		t.Errorf("cues\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
