package schedule

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"spineroutine/internal/routine"
)

// stepsPlan is a plan of n steps of d each: a get ready, then n-1 holds
// back to back.
func stepsPlan(t testing.TB, n int, d time.Duration) *Plan {
	r := &routine.Routine{Name: "steps", GetReady: d, Moves: []routine.Move{
		{ID: "hold", Name: "Hold", Sides: routine.NoSides, Reps: []int{n - 1}, Hold: d},
	}}
	p := mustPlan(t, r)
	if len(p.Steps) != n {
		t.Fatalf("stepsPlan: %d steps, want %d", len(p.Steps), n)
	}
	return p
}

// probeClock is the real clock, measuring how late its timers fire.
type probeClock struct {
	mu        sync.Mutex
	worstFire time.Duration
}

func (c *probeClock) Now() time.Time { return time.Now() }

func (c *probeClock) AfterFunc(d time.Duration, f func()) func() bool {
	due := time.Now().Add(d)
	return time.AfterFunc(d, func() {
		late := time.Since(due)
		c.mu.Lock()
		c.worstFire = max(c.worstFire, late)
		c.mu.Unlock()
		f()
	}).Stop
}

// timing is what a real-clock run measured.
type timing struct {
	timerLate  time.Duration // worst lateness of a timer firing (Go runtime)
	worstLate  time.Duration // worst lateness of a step boundary seen by notify
	firstLate  time.Duration // worst lateness over the first fifth of the run
	lastLate   time.Duration // worst lateness over the last fifth of the run
	endErr     time.Duration // finish seen by notify minus start + Total
	boundaries int
	medianLate time.Duration // median lateness of the step boundaries
}

// runReal runs plan p on the real clock while burners goroutines spin, and
// measures when notify sees each step boundary against its deadline
// (session start + plan offset).
func runReal(t testing.TB, p *Plan, burners int) timing {
	var stop atomic.Bool
	var wg sync.WaitGroup
	for range burners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := 0
			for !stop.Load() {
				x++
			}
			_ = x
		}()
	}
	defer func() { stop.Store(true); wg.Wait() }()

	var (
		mu    sync.Mutex
		start time.Time
		tm    timing
		lates []time.Duration
		done  = make(chan struct{})
	)
	fifth := len(p.Steps) / 5
	clk := &probeClock{}
	s := NewSession(p, clk, func(ev Event) {
		seen := time.Now()
		mu.Lock()
		defer mu.Unlock()
		switch ev.Kind {
		case StepEntered:
			if ev.Status.Step.Index == 0 {
				start = ev.At
				return
			}
			i := ev.Status.Step.Index
			late := seen.Sub(start.Add(p.Steps[i].Start))
			tm.worstLate = max(tm.worstLate, late)
			lates = append(lates, late)
			if i <= fifth {
				tm.firstLate = max(tm.firstLate, late)
			}
			if i >= len(p.Steps)-fifth {
				tm.lastLate = max(tm.lastLate, late)
			}
			tm.boundaries++
		case Finished:
			tm.endErr = seen.Sub(start.Add(p.Total))
			tm.worstLate = max(tm.worstLate, tm.endErr)
			close(done)
		}
	})
	s.Start()
	select {
	case <-done:
	case <-time.After(p.Total + 10*time.Second):
		t.Fatal("the session did not finish")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(lates) > 0 {
		slices.Sort(lates)
		tm.medianLate = lates[len(lates)/2]
	}
	clk.mu.Lock()
	tm.timerLate = clk.worstFire
	clk.mu.Unlock()
	return tm
}

// logTiming logs what a run measured and returns whether it stays within
// generous bounds (CI machines are noisy; the figures are in the log): the
// end within [0, 50 ms] of its deadline, no boundary more than 1 s late,
// every boundary seen.
func logTiming(t *testing.T, p *Plan, tm timing) bool {
	t.Helper()
	t.Logf("%d steps of %v, GOMAXPROCS %d, 2 CPU burners: boundary lateness at notify: median %v, worst %v (first fifth %v, last fifth %v), end error %v, worst timer firing %v",
		len(p.Steps), p.Steps[0].Dur, runtime.GOMAXPROCS(0), tm.medianLate, tm.worstLate, tm.firstLate, tm.lastLate, tm.endErr, tm.timerLate)
	return tm.boundaries == len(p.Steps)-1 && tm.endErr >= 0 && tm.endErr < 50*time.Millisecond &&
		tm.worstLate < time.Second
}

// checkRealClock runs p up to attempts times and fails if no run stays
// within bounds: a machine busy with other work can delay one run.
func checkRealClock(t *testing.T, p *Plan, attempts int) {
	t.Helper()
	for i := 0; i < attempts; i++ {
		if logTiming(t, p, runReal(t, p, 2)) {
			return
		}
	}
	t.Errorf("no run out of %d kept the end within 50 ms and every boundary within 1 s", attempts)
}

// TestRealClock5s always runs: 5 steps of 1 s on the real clock.
func TestRealClock5s(t *testing.T) {
	checkRealClock(t, stepsPlan(t, 5, time.Second), 3)
}

// TestRealClock60s runs 60 steps of 1 s; it needs SPINEROUTINE_LONG=1 and
// no -short.
func TestRealClock60s(t *testing.T) {
	if testing.Short() || os.Getenv("SPINEROUTINE_LONG") != "1" {
		t.Skip("set SPINEROUTINE_LONG=1 (without -short) to run the 60-second real-clock test")
	}
	checkRealClock(t, stepsPlan(t, 60, time.Second), 2)
}

// BenchmarkRealClockBoundaries runs 20 steps of 100 ms on the real clock,
// without and with 2 CPU-burning goroutines, and reports the median and
// worst lateness of a step boundary as notify sees it, the worst lateness
// of a Go timer firing, and the end-of-routine error, in milliseconds.
func BenchmarkRealClockBoundaries(b *testing.B) {
	p := stepsPlan(b, 20, 100*time.Millisecond)
	for _, burners := range []int{0, 2} {
		b.Run(fmt.Sprintf("burners=%d", burners), func(b *testing.B) {
			var worst, end, timer, median time.Duration
			for b.Loop() {
				tm := runReal(b, p, burners)
				worst, end, timer = max(worst, tm.worstLate), max(end, tm.endErr), max(timer, tm.timerLate)
				median = max(median, tm.medianLate)
			}
			b.ReportMetric(float64(median)/1e6, "median-late-ms")
			b.ReportMetric(float64(worst)/1e6, "worst-late-ms")
			b.ReportMetric(float64(end)/1e6, "end-err-ms")
			b.ReportMetric(float64(timer)/1e6, "timer-late-ms")
		})
	}
}

// TestRealClockDrift is the engine-drift figure of the performance report
// (scripts/bench.sh): a plan of SPINEROUTINE_DRIFT (e.g. "40m") made of
// 10-second steps runs on the real clock beside 2 CPU-burning goroutines,
// and the end-of-routine error and the lateness of the boundaries in its
// first and last fifth are printed. Drift would show as a last fifth later
// than the first.
func TestRealClockDrift(t *testing.T) {
	spec := os.Getenv("SPINEROUTINE_DRIFT")
	if spec == "" {
		t.Skip("set SPINEROUTINE_DRIFT to a duration (e.g. 40m) to measure drift over a long plan")
	}
	total, err := time.ParseDuration(spec)
	if err != nil || total < 20*time.Second {
		t.Fatalf("SPINEROUTINE_DRIFT=%q: want a duration of at least 20s", spec)
	}
	p := stepsPlan(t, int(total/(10*time.Second)), 10*time.Second)
	tm := runReal(t, p, 2)
	t.Logf("FIGURE drift end=%.1fms first-fifth-worst=%.1fms last-fifth-worst=%.1fms over %v",
		float64(tm.endErr)/1e6, float64(tm.firstLate)/1e6, float64(tm.lastLate)/1e6, p.Total)
	if !logTiming(t, p, tm) {
		t.Errorf("end error %v or a boundary more than 1 s late", tm.endErr)
	}
}
