package sound

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/internal/sound/pulsetest"
)

// e2eRoutine: 12 s, cues spaced further apart than their sounds: next at
// 0, pips at 1, 2, 3 s, start at 4, rep at 9, release and done at 12.
func e2eRoutine() *routine.Routine {
	s := time.Second
	return &routine.Routine{Name: "e2e", GetReady: 4 * s, Rest: 5 * s, Switch: 5 * s, BetweenSets: 5 * s,
		Moves: []routine.Move{{ID: "bird-dogs", Name: "Bird Dogs", Sides: routine.NoSides,
			Reps: []int{2}, Hold: 3 * s, BetweenReps: 2 * s, BetweenSets: 5 * s, Rest: 5 * s}}}
}

// pulseSession skips the test without PulseAudio; otherwise it starts a
// private server for the test process, records its sink, and returns the
// server's env, the recording and the plan of e2eRoutine.
func pulseSession(t *testing.T) ([]string, *pulsetest.Recording, *schedule.Plan) {
	t.Helper()
	if why := pulsetest.Available(); why != "" {
		t.Skip("no PulseAudio end-to-end test: " + why)
	}
	env, monitor, _ := pulsetest.Start(t)
	pulsetest.Setenv(t, env)
	rec := pulsetest.Record(t, env, monitor, 1500*time.Millisecond)
	plan, err := schedule.NewPlan(e2eRoutine(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return env, rec, plan
}

// cpuTime is the CPU time (user + system) this process has used.
func cpuTime(t *testing.T) time.Duration {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		t.Skipf("no /proc/self/stat: %v", err)
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * 10 * time.Millisecond // USER_HZ = 100
}

// TestPlayerThroughPulseAudio plays a short session through the real
// speaker path (beep → oto → ALSA → pulse plugin → a private PulseAudio
// null sink), records the sink and checks every cue's onset against the
// plan, relative to the first cue. It also measures the CPU the process
// uses while playing and how soon a skip is heard.
func TestPlayerThroughPulseAudio(t *testing.T) {
	_, rec, plan := pulseSession(t)
	settings := cue.Settings{Volume: 100, RepTicks: true}
	p := NewPlayer(nil, settings)
	defer p.Close()
	s := schedule.NewSession(plan, schedule.RealClock(), nil)
	attachStart := time.Now()
	if err := p.Attach(s); err != nil {
		t.Fatal(err)
	}
	t.Logf("Attach (opening the speaker) took %v", time.Since(attachStart).Round(time.Millisecond))
	cpu0, wall0 := cpuTime(t), time.Now()
	startedAt := time.Now()
	s.Start()
	time.Sleep(plan.Total + 300*time.Millisecond)
	cpu, wall := cpuTime(t)-cpu0, time.Since(wall0)
	latency, reanchors := p.Track().Latency(), p.Track().Reanchors()
	p.Detach()
	x := rec.Stop()

	var planned []time.Duration
	for _, c := range plan.Cues {
		if len(planned) == 0 || planned[len(planned)-1] != c.At {
			planned = append(planned, c.At)
		}
	}
	onsets := cue.DetectOnsets(x, pulsetest.Rate, 0.01, 80*time.Millisecond)
	if len(onsets) == 0 {
		t.Fatalf("nothing recorded (%d samples, peak %.4f)", len(x), peak(x))
	}
	// Absolute: when each cue was heard at the sink against its clock
	// instant (the screen shows it then). The recording's time base is
	// estimated from parec's reads (a few ms late at most).
	var absErr []time.Duration
	for _, at := range planned[1:] { // the first cue sounds late: the output was starting
		want := startedAt.Add(at)
		i := nearest(onsets, want.Sub(rec.Start()))
		absErr = append(absErr, rec.Start().Add(onsets[i]).Sub(want))
	}
	slices.Sort(absErr)
	t.Logf("heard vs clock instant: median %v (min %v, max %v)", absErr[len(absErr)/2].Round(time.Millisecond),
		absErr[0].Round(time.Millisecond), absErr[len(absErr)-1].Round(time.Millisecond))

	// Relative: each cue's onset against the plan, relative to the first
	// countdown pip (the first cue, at the start, sounds as soon as the
	// output has opened: late by its start-up, ~300 ms through PulseAudio).
	ref := onsets[1] - planned[1]
	var errs []time.Duration
	for _, at := range planned[1:] {
		want := ref + at
		i := nearest(onsets, want)
		if e := onsets[i] - want; e > 30*time.Millisecond || e < -30*time.Millisecond {
			t.Errorf("cue at %v: nearest onset %v off by %v", at, onsets[i]-ref, e)
			continue
		}
		errs = append(errs, onsets[i]-want)
	}
	if len(onsets) != len(planned) {
		t.Errorf("%d onsets for %d cue instants: %v", len(onsets), len(planned), onsets)
		for _, o := range onsets {
			i := pulsetest.Rate * int(o/time.Millisecond) / 1000
			t.Logf("onset %v: peak %.4f in the next 5 ms", o, peak(x[i:min(len(x), i+pulsetest.Rate/200)]))
		}
	}
	abs := make([]time.Duration, len(errs))
	for i, e := range errs {
		abs[i] = max(e, -e)
	}
	slices.Sort(abs)
	if len(abs) > 0 {
		t.Logf("onset error vs plan (relative to the first pip) median %v, worst %v over %d cues",
			abs[len(abs)/2], abs[len(abs)-1], len(abs))
	}
	t.Logf("assumed output latency %v, re-anchors %d, CPU %.1f %% of a core over %v",
		latency, reanchors, 100*cpu.Seconds()/wall.Seconds(), wall.Round(time.Millisecond))
}

// TestSkipHeardSoon measures how long after a control its sound is heard:
// a skip at 1.5 s into the get-ready lands on the first hold's count-in,
// whose first pip sounds at once (well, after the output buffers).
func TestSkipHeardSoon(t *testing.T) {
	_, rec, plan := pulseSession(t)
	p := NewPlayer(nil, cue.Settings{Volume: 100, RepTicks: true})
	defer p.Close()
	s := schedule.NewSession(plan, schedule.RealClock(), nil)
	if err := p.Attach(s); err != nil {
		t.Fatal(err)
	}
	s.Start()
	time.Sleep(1500 * time.Millisecond) // the next chime at 0 s, the 3 pip at 1 s
	skipAt := time.Now()
	s.SkipStep()
	time.Sleep(time.Second)
	s.Stop()
	p.Detach()
	x := rec.Stop()
	onsets := cue.DetectOnsets(x, pulsetest.Rate, 0.01, 80*time.Millisecond)
	// The first onset heard after the skip, on the clock.
	var heard time.Time
	for _, o := range onsets {
		if at := rec.Start().Add(o); at.After(skipAt) {
			heard = at
			break
		}
	}
	if heard.IsZero() {
		t.Fatalf("no sound after the skip (onsets %v)", onsets)
	}
	late := heard.Sub(skipAt)
	t.Logf("skip heard %v after the control", late.Round(time.Millisecond))
	if late > 150*time.Millisecond {
		t.Errorf("skip heard %v after the control, want < 150 ms", late)
	}
}

// TestDetachLetsSoundFinish stops a session 60 ms into the start cue's
// sound (240 ms): Detach must let it play to its end, then nothing else.
func TestDetachLetsSoundFinish(t *testing.T) {
	_, rec, plan := pulseSession(t)
	p := NewPlayer(nil, cue.Settings{Volume: 100, RepTicks: true})
	defer p.Close()
	s := schedule.NewSession(plan, schedule.RealClock(), nil)
	if err := p.Attach(s); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s.Start()
	// The start cue is due at 4 s and heard then (the Track aims at the
	// clock instant); stop 60 ms into it.
	time.Sleep(time.Until(start.Add(4*time.Second + 60*time.Millisecond)))
	s.Stop()
	detachStart := time.Now()
	p.Detach()
	took := time.Since(detachStart)
	x := rec.Stop()
	onsets := cue.DetectOnsets(x, pulsetest.Rate, 0.01, 80*time.Millisecond)
	if len(onsets) != 5 { // chime, 3 pips, start
		t.Fatalf("onsets %v, want 5 (chime, pips, start)", onsets)
	}
	// The start sound's length in the recording: until the signal stays
	// under the threshold.
	from := int(onsets[4].Seconds() * pulsetest.Rate)
	last := from
	for i := from; i < len(x); i++ {
		if x[i] > 0.01 || x[i] < -0.01 {
			last = i
		}
	}
	heard := time.Duration(float64(last-from) / pulsetest.Rate * float64(time.Second))
	want := cue.SoundDuration(schedule.CueStart, 0)
	t.Logf("stopped 60 ms into the start sound: %v of its %v heard; Detach took %v", heard.Round(time.Millisecond), want, took.Round(time.Millisecond))
	if heard < want-30*time.Millisecond {
		t.Errorf("the start sound was cut after %v (of %v)", heard, want)
	}
	if took > FinishWait+500*time.Millisecond {
		t.Errorf("Detach took %v", took)
	}
}

// TestPauseAndSoundCheck pauses 120 ms before a countdown pip is due:
// the pip must not sound (the output holds about 90 ms of samples at a
// 40 ms buffer). After resuming, the get-ready runs on: the pip sounds
// 120 ms after the resume. A sound check during the session plays over it.
func TestPauseAndSoundCheck(t *testing.T) {
	_, rec, plan := pulseSession(t)
	p := NewPlayer(nil, cue.Settings{Volume: 100, RepTicks: true})
	defer p.Close()
	s := schedule.NewSession(plan, schedule.RealClock(), nil)
	if err := p.Attach(s); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s.Start()
	time.Sleep(time.Until(start.Add(3*time.Second - 120*time.Millisecond)))
	s.Pause()
	pausedAt := time.Now()
	time.Sleep(time.Second)
	resumedAt := time.Now()
	s.Resume()
	time.Sleep(500 * time.Millisecond)
	checkAt := time.Now()
	if err := p.SoundCheck(schedule.CueRest); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	s.Stop()
	p.Detach()
	x := rec.Stop()
	onsets := cue.DetectOnsets(x, pulsetest.Rate, 0.01, 80*time.Millisecond)
	clock := func(o time.Duration) time.Time { return rec.Start().Add(o) }
	var during, after, check []time.Duration
	for _, o := range onsets {
		switch at := clock(o); {
		case at.After(pausedAt) && at.Before(resumedAt):
			during = append(during, at.Sub(pausedAt))
		case at.After(resumedAt) && at.Before(checkAt):
			after = append(after, at.Sub(resumedAt))
		case at.After(checkAt):
			check = append(check, at.Sub(checkAt))
		}
	}
	if len(during) > 0 {
		t.Errorf("sound %v after the pause", during)
	}
	if len(after) != 1 || after[0] < 100*time.Millisecond || after[0] > 150*time.Millisecond {
		t.Errorf("after the resume: onsets %v, want the pip 120 ms after", after)
	} else {
		t.Logf("pip due 120 ms after the resume heard at +%v", after[0].Round(time.Millisecond))
	}
	if len(check) != 1 {
		t.Errorf("sound check: onsets %v, want one", check)
	} else {
		t.Logf("sound check heard %v after the call", check[0].Round(time.Millisecond))
	}
}

// TestAttachWithoutDevice runs in a child process whose ALSA default
// device is a PulseAudio server that does not exist: Attach must fail
// quickly with a NoSoundError, and SoundCheck too.
func TestAttachWithoutDevice(t *testing.T) {
	if os.Getenv("SOUND_TEST_CHILD") == "1" {
		p := NewPlayer(nil, cue.DefaultSettings())
		plan, _ := schedule.NewPlan(e2eRoutine(), nil)
		start := time.Now()
		err := p.Attach(schedule.NewSession(plan, schedule.RealClock(), nil))
		var ns *NoSoundError
		if !errors.As(err, &ns) {
			t.Fatalf("Attach: %v, want a NoSoundError", err)
		}
		if took := time.Since(start); took > InitTimeout+500*time.Millisecond {
			t.Errorf("Attach took %v", took)
		}
		if !strings.HasPrefix(err.Error(), "No sound: ") || !strings.HasSuffix(err.Error(), "Cues will flash on screen.") {
			t.Errorf("message %q", err)
		}
		if err := p.SoundCheck(schedule.CueStart); !errors.As(err, &ns) {
			t.Errorf("SoundCheck: %v, want a NoSoundError", err)
		}
		p.Detach()
		p.Close()
		t.Log(err)
		return
	}
	dir := t.TempDir()
	rc := "pcm.!default { type pulse }\nctl.!default { type pulse }\n"
	if err := os.WriteFile(dir+"/.asoundrc", []byte(rc), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestAttachWithoutDevice$", "-test.v")
	cmd.Env = append(os.Environ(), "SOUND_TEST_CHILD=1", "HOME="+dir, "XDG_RUNTIME_DIR="+dir,
		"PULSE_RUNTIME_PATH="+dir, "PULSE_SERVER=unix:"+dir+"/nothing-here")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, "No sound") {
			t.Log(strings.TrimSpace(l))
		}
	}
}

func nearest(xs []time.Duration, x time.Duration) int {
	best := 0
	for i, v := range xs {
		if d, b := v-x, xs[best]-x; max(d, -d) < max(b, -b) {
			best = i
		}
	}
	return best
}

func peak(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, v, -v)
	}
	return m
}
