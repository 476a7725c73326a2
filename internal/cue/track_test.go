package cue

import (
	"testing"
	"time"

	"spineroutine/internal/i18n"
	"spineroutine/internal/schedule"
)

// player drives a Track like the speaker does: each call streams one
// buffer, then the fake clock moves on by the buffer's length.
type player struct {
	t     *testing.T
	clock *schedule.FakeClock
	track *Track
	out   []float64 // left channel of everything streamed
	buf   [][2]float64
}

func newPlayer(t *testing.T, tr *Track, clock *schedule.FakeClock, bufLen time.Duration) *player {
	return &player{t: t, clock: clock, track: tr, buf: make([][2]float64, SampleRate.N(bufLen))}
}

// play streams d of sound in buffers, advancing the clock (the speaker
// asks for a buffer in 512-sample calls, as beep's mixer does).
func (p *player) play(d time.Duration, step time.Duration) {
	n := SampleRate.N(d)
	for done := 0; done < n; {
		chunk := p.buf[:min(len(p.buf), n-done)]
		for off := 0; off < len(chunk); off += 512 {
			part := chunk[off:min(off+512, len(chunk))]
			if got, ok := p.track.Stream(part); got != len(part) || !ok {
				p.t.Fatalf("Stream gave %d, %v; want %d, true", got, ok, len(part))
			}
		}
		for _, s := range chunk {
			p.out = append(p.out, s[0])
		}
		done += len(chunk)
		p.clock.Advance(time.Duration(float64(SampleRate.D(len(chunk))) * float64(step) / float64(time.Second)))
	}
}

var t0 = time.Date(2026, 1, 2, 7, 0, 0, 0, time.UTC)

func startSession(t *testing.T) (*schedule.Session, *schedule.FakeClock) {
	clock := schedule.NewFakeClock(t0)
	s := schedule.NewSession(testPlan(t), clock, nil)
	s.Start()
	return s, clock
}

// onsetsFrom detects the onsets of cue sounds in out (voice off).
func onsetsFrom(out []float64) []time.Duration {
	return DetectOnsets(out, int(SampleRate), 0.01, 80*time.Millisecond)
}

func TestTrackFollowsPlan(t *testing.T) {
	s, clock := startSession(t)
	settings := Settings{Volume: 100, RepTicks: true}
	tr := NewTrack(s, nil, settings, clock, 0)
	p := newPlayer(t, tr, clock, 100*time.Millisecond)
	p.play(40*time.Second, time.Second)
	var planned []time.Duration
	for _, at := range cueInstants(s.Plan(), settings) {
		if at < 40*time.Second-time.Second {
			planned = append(planned, at)
		}
	}
	errs := matchOnsets(t, planned, onsetsFrom(p.out[:SampleRate.N(39*time.Second)]), time.Millisecond)
	if len(errs) < 10 {
		t.Fatalf("only %d cues checked", len(errs))
	}
	if n := tr.Reanchors(); n != 0 {
		t.Errorf("%d re-anchors on a steady clock", n)
	}
}

func TestTrackLatency(t *testing.T) {
	// With 150 ms of output latency, the sample streamed at clock time c
	// is heard at c+150ms: cues are placed 150 ms later in the stream than
	// in the plan (as the listener hears them on time).
	s, clock := startSession(t)
	settings := Settings{Volume: 100}
	tr := NewTrack(s, nil, settings, clock, 150*time.Millisecond)
	p := newPlayer(t, tr, clock, 50*time.Millisecond)
	p.play(12*time.Second, time.Second)
	var planned []time.Duration
	for _, at := range cueInstants(s.Plan(), settings) {
		if at < 11*time.Second && at > 0 {
			planned = append(planned, at-150*time.Millisecond)
		}
	}
	// The first cue (next, at 0) was due before the first sample is heard:
	// it sounds at once, late.
	planned = append([]time.Duration{0}, planned...)
	matchOnsets(t, planned, onsetsFrom(p.out), time.Millisecond)
}

func TestTrackPauseSilenceResume(t *testing.T) {
	s, clock := startSession(t)
	tr := NewTrack(s, nil, Settings{Volume: 100, RepTicks: true}, clock, 0)
	p := newPlayer(t, tr, clock, 100*time.Millisecond)
	p.play(8*time.Second, time.Second) // into the get-ready countdown? (get ready is 5 s: in the first work step)
	s.Pause()
	pausedAt := len(p.out)
	p.play(30*time.Second, time.Second)
	// After the pause, only the tail of a sound already started may play
	// (at most the longest cue sound); then silence.
	tail := SampleRate.N(time.Second)
	if m := maxAbs(p.out[pausedAt+tail:]); m != 0 {
		t.Errorf("sound while paused: peak %.3f", m)
	}
	s.Resume()
	resumedAt := SampleRate.D(len(p.out))
	p.play(5*time.Second, time.Second)
	got := onsetsFrom(p.out[SampleRate.N(resumedAt):])
	// Resuming in a work step: pre-roll pips at +0, +1, +2 s, start at +3 s.
	want := []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second}
	matchOnsets(t, want, got, time.Millisecond)
}

func TestTrackSkip(t *testing.T) {
	s, clock := startSession(t)
	settings := Settings{Volume: 100, RepTicks: true}
	tr := NewTrack(s, nil, settings, clock, 0)
	p := newPlayer(t, tr, clock, 100*time.Millisecond)
	p.play(time.Second, time.Second) // the next chime at 0 plays
	// Skip the get-ready: a skip into a hold gets the 3-s count-in
	// (Session.CountIn): its pips at once, 1 and 2 s after the skip and
	// the hold's start at 3 s; nothing of the old timeline is left.
	s.SkipStep()
	skipAt := SampleRate.D(len(p.out))
	p.play(4*time.Second, time.Second)
	got := onsetsFrom(p.out[SampleRate.N(skipAt):])
	want := []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second}
	matchOnsets(t, want, got, time.Millisecond)
	// The start sound (two notes, 659 then 988 Hz) is what plays at 3 s.
	x := p.out[SampleRate.N(skipAt+3*time.Second):]
	if f := dominant(x[SampleRate.N(20*time.Millisecond):SampleRate.N(100*time.Millisecond)], int(SampleRate)); absF(f-659) > 20 {
		t.Errorf("sound 3 s after the skip at %.0f Hz, want the start cue's 659", f)
	}
}

func TestTrackDriftReanchors(t *testing.T) {
	// The device consumes samples slower than the clock runs: the sample
	// count lags the clock and the Track re-anchors, so cues stay within a
	// few ms of their instants (about the drift of one measuring window
	// plus driftLimit; without re-anchoring, 1 % is 400 ms after 40 s).
	// 0.1 % is ten times the drift of a poor crystal.
	// Bound: the limit, plus the drift over one window (the median lags
	// by half a window, and a re-anchor waits for a full one).
	const burst = 100 * time.Millisecond
	bound := func(rate float64) time.Duration {
		return driftLimit + time.Duration(1.5*(rate-1)*float64(driftWindow*burst)) + time.Millisecond
	}
	for _, c := range []struct {
		rate float64
		tol  time.Duration
	}{{1.001, bound(1.001)}, {1.01, bound(1.01)}} {
		s, clock := startSession(t)
		settings := Settings{Volume: 100, RepTicks: true}
		tr := NewTrack(s, nil, settings, clock, 0)
		p := newPlayer(t, tr, clock, burst)
		p.play(40*time.Second, time.Duration(c.rate*float64(time.Second)))
		if tr.Reanchors() == 0 {
			t.Fatalf("rate %v: no re-anchor", c.rate)
		}
		// In the stream, a cue due at clock offset o is heard at o/rate.
		const upTo = 38 * time.Second
		var planned []time.Duration
		for _, at := range cueInstants(s.Plan(), settings) {
			if at := time.Duration(float64(at) / c.rate); at < upTo {
				planned = append(planned, at)
			}
		}
		onsets := onsetsFrom(p.out[:SampleRate.N(upTo+c.tol)])
		errs := matchOnsets(t, planned, onsets, c.tol)
		var worst time.Duration
		for _, e := range errs {
			worst = max(worst, absDur(e))
		}
		t.Logf("clock %.1f %% fast: %d re-anchors, worst error %v (bound %v)", (c.rate-1)*100, tr.Reanchors(), worst, c.tol)
	}
}

func TestTrackSettings(t *testing.T) {
	s, clock := startSession(t)
	tr := NewTrack(s, nil, Settings{Volume: 100, RepTicks: true}, clock, 0)
	p := newPlayer(t, tr, clock, 100*time.Millisecond)
	p.play(2*time.Second, time.Second)
	tr.SetSettings(Settings{Volume: 100, Muted: true, RepTicks: true})
	from := len(p.out)
	p.play(10*time.Second, time.Second)
	if m := maxAbs(p.out[from:]); m != 0 {
		t.Errorf("muted: peak %.3f", m)
	}
}

func TestDriftTracker(t *testing.T) {
	d := driftTracker{base: 80 * time.Millisecond}
	feed := func(n int, e time.Duration) (shift time.Duration) {
		for range n {
			if s := d.add(e); s != 0 {
				shift = s
			}
		}
		return shift
	}
	// The output stalled while starting: the first window (short) finds
	// the count 250 ms behind.
	if s := feed(firstWindow, -170*time.Millisecond); s != -250*time.Millisecond {
		t.Errorf("start-up stall: shift %v, want -250ms", s)
	}
	if s := feed(driftWindow, 88*time.Millisecond); s != 0 {
		t.Errorf("8 ms off shifted by %v, want none", s)
	}
	if s := feed(driftWindow, 92*time.Millisecond); s != 12*time.Millisecond {
		t.Errorf("12 ms off shifted by %v, want 12ms", s)
	}
	// A dropout: three bursts in a row 60 ms behind re-anchor at once.
	if s := feed(2, 20*time.Millisecond); s != 0 {
		t.Errorf("two bursts off shifted by %v", s)
	}
	if s := d.add(20 * time.Millisecond); s != -60*time.Millisecond {
		t.Errorf("dropout: shift %v, want -60ms", s)
	}
	// Outliers on both sides do not make a run.
	for _, e := range []time.Duration{150, 10, 150, 10} {
		if s := d.add(e * time.Millisecond); s != 0 {
			t.Errorf("alternating outliers shifted by %v", s)
		}
	}
	for range driftWindow {
		d.add(80 * time.Millisecond)
	}
	// One outlier in a window does not move the median.
	for i := range driftWindow {
		e := 80 * time.Millisecond
		if i == 3 {
			e = 200 * time.Millisecond
		}
		if s := d.add(e); s != 0 {
			t.Errorf("outlier shifted by %v", s)
		}
	}
}

func absF(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestTrackStop(t *testing.T) {
	s, clock := startSession(t)
	tr := NewTrack(s, nil, Settings{Volume: 100, RepTicks: true}, clock, 0)
	p := newPlayer(t, tr, clock, 100*time.Millisecond)
	p.play(4*time.Second+50*time.Millisecond, time.Second) // the 3 pip at 2 s ... 1 pip at 4 s started
	if tr.Sounding() == 0 || tr.Sounding() > 90*time.Millisecond {
		t.Fatalf("Sounding %v, want the rest of the pip", tr.Sounding())
	}
	tr.Stop()
	from := len(p.out)
	p.play(10*time.Second, time.Second)
	tail := p.out[from:]
	if maxAbs(tail[:SampleRate.N(20*time.Millisecond)]) == 0 {
		t.Error("the sounding pip was cut")
	}
	if m := maxAbs(tail[SampleRate.N(100*time.Millisecond):]); m != 0 {
		t.Errorf("sound after Stop: peak %.3f", m)
	}
	if tr.Pending() != 0 {
		t.Errorf("Pending %v after the pip ended", tr.Pending())
	}
}

func TestTrackDropout(t *testing.T) {
	// The output starves for 80 ms at 9.5 s (the clock runs on, no sample
	// is taken): later cues must still sound at their clock instants,
	// i.e. 80 ms earlier in the stream, once the Track has re-anchored
	// (three bursts).
	s, clock := startSession(t)
	settings := Settings{Volume: 100, RepTicks: true}
	tr := NewTrack(s, nil, settings, clock, 0)
	p := newPlayer(t, tr, clock, 100*time.Millisecond)
	p.play(9500*time.Millisecond, time.Second)
	clock.Advance(80 * time.Millisecond)
	p.play(20*time.Second, time.Second)
	var planned []time.Duration
	for _, at := range cueInstants(s.Plan(), settings) {
		if at > 10*time.Second && at < 29*time.Second {
			planned = append(planned, at-80*time.Millisecond)
		}
	}
	onsets := onsetsFrom(p.out)
	var after []time.Duration
	for _, o := range onsets {
		if o > 10*time.Second && o < 29*time.Second-80*time.Millisecond {
			after = append(after, o)
		}
	}
	if len(planned) < 3 {
		t.Fatalf("only %d cues after the dropout", len(planned))
	}
	matchOnsets(t, planned, after, time.Millisecond)
	if tr.Reanchors() != 1 {
		t.Errorf("%d re-anchors, want 1", tr.Reanchors())
	}
}

func TestTrackStartsAfterSession(t *testing.T) {
	// The session started 300 ms before the speaker asked for its first
	// samples: the cue due at the start sounds at once (late), the rest on
	// time.
	s, clock := startSession(t)
	clock.Advance(300 * time.Millisecond)
	settings := Settings{Volume: 100, RepTicks: true}
	tr := NewTrack(s, nil, settings, clock, 0)
	p := newPlayer(t, tr, clock, 100*time.Millisecond)
	p.play(12*time.Second, time.Second)
	planned := []time.Duration{0}
	for _, at := range cueInstants(s.Plan(), settings) {
		if at > 0 && at < 12*time.Second {
			planned = append(planned, at-300*time.Millisecond)
		}
	}
	matchOnsets(t, planned, onsetsFrom(p.out[:SampleRate.N(11500*time.Millisecond)]), time.Millisecond)
}

func TestTrackMatchesRender(t *testing.T) {
	// Without controls, the live Track plays exactly what Render writes:
	// same cues, same prompts at the same samples, same volume.
	s, clock := startSession(t)
	v, _ := LoadVoices(s.Plan().Routine, "")
	settings := DefaultSettings()
	tr := NewTrack(s, v, settings, clock, 0)
	p := newPlayer(t, tr, clock, 100*time.Millisecond)
	p.play(s.Plan().Total+2*time.Second, time.Second)
	want := streamAll(renderStream(s.Plan(), v, settings))
	n := min(len(want), len(p.out))
	if n < SampleRate.N(s.Plan().Total) {
		t.Fatalf("compared %d samples only", n)
	}
	for i := range n {
		if d := p.out[i] - want[i]; d > 1e-9 || d < -1e-9 {
			t.Fatalf("sample %d (%v): track %.5f, render %.5f", i, SampleRate.D(i), p.out[i], want[i])
		}
	}
	if m := maxAbs(p.out[n:]); m != 0 {
		t.Errorf("track sounds after the render's end: peak %.3f", m)
	}
}

// BenchmarkTrackStream measures the Track's own cost: streaming the test
// plan (voice on) in 40 ms buffers of 512-sample calls, as the speaker
// does. It reports the CPU share of one core the Track needs in real time.
func BenchmarkTrackStream(b *testing.B) {
	clock := schedule.NewFakeClock(t0)
	p, err := schedule.NewPlan(testRoutine(), nil)
	if err != nil {
		b.Fatal(err)
	}
	v, _ := LoadVoices(p.Routine, "")
	buf := make([][2]float64, 512)
	per := SampleRate.N(40 * time.Millisecond)
	var audio time.Duration
	b.ResetTimer()
	for range b.N {
		s := schedule.NewSession(p, clock, nil)
		s.Start()
		tr := NewTrack(s, v, DefaultSettings(), clock, 50*time.Millisecond)
		for n := 0; n < SampleRate.N(p.Total); n += per {
			for off := 0; off < per; off += len(buf) {
				tr.Stream(buf[:min(len(buf), per-off)])
			}
			clock.Advance(40 * time.Millisecond)
		}
		audio += p.Total
	}
	b.ReportMetric(100*b.Elapsed().Seconds()/audio.Seconds(), "%core")
}

// A name that arrives in the bank while the session runs (synthesized in
// the background) is said by the Track from then on.
func TestTrackPicksUpNamesAsTheyArrive(t *testing.T) {
	s, clock := startSession(t)
	full, _ := LoadVoices(nil, "")
	full.Wait()
	ready := make(chan struct{})
	close(ready)
	v := &VoiceBank{lang: i18n.English, gram: grammars[i18n.English], clips: map[string][]float32{}, texts: full.texts,
		ready: ready, done: make(chan struct{})}
	for name, c := range full.clips {
		if name != moveClip("glute-bridge") {
			v.clips[name] = c
		}
	}
	settings := Settings{Volume: 100, Voice: true, Detail: DetailMinimal}
	tr := NewTrack(s, v, settings, clock, 0)
	p := newPlayer(t, tr, clock, 100*time.Millisecond)
	// The clip arrives 10 s into the session, from another goroutine; the
	// rest before Glute Bridge comes after a minute and a half.
	p.play(10*time.Second, time.Second)
	added := make(chan struct{})
	go func() {
		v.add(moveClip("glute-bridge"), full.clips[moveClip("glute-bridge")])
		close(added)
	}()
	<-added
	p.play(95*time.Second, time.Second)
	var next Spoken
	for _, sp := range Script(s.Plan(), full, settings) {
		if sp.Text == "Next: Glute Bridge" {
			next = sp
		}
	}
	if next.Len == 0 {
		t.Fatal("no next prompt for Glute Bridge in the script")
	}
	a, b, ok := soundSpan(p.out, int64(SampleRate.N(next.At)), int64(SampleRate.N(next.At+next.Len)), 0.002, nil)
	if !ok || SampleRate.D(int(b-a)) < next.Len*9/10 {
		t.Errorf("Next: Glute Bridge not heard at %v (%v of %v)", next.At, SampleRate.D(int(b-a)), next.Len)
	}
}
