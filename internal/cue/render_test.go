package cue

import (
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faiface/beep"

	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// testRoutine has every cue kind with cues spaced further apart than their
// sounds: a sided hold with a halfway, a tempo move, two sets.
func testRoutine() *routine.Routine {
	s := time.Second
	return &routine.Routine{
		Name: "test", GetReady: 5 * s, Rest: 8 * s, Switch: 4 * s, BetweenSets: 4 * s,
		Moves: []routine.Move{
			{ID: "bird-dogs", Name: "Bird Dogs", Sides: routine.Each, Reps: []int{1, 1},
				Hold: 20 * s, BetweenReps: 2 * s, BetweenSets: 4 * s, Rest: 8 * s},
			{ID: "glute-bridge", Name: "Glute Bridge", Sides: routine.NoSides, Reps: []int{2},
				Tempo: []time.Duration{2 * s, 1 * s}, BetweenReps: 2 * s, BetweenSets: 4 * s, Rest: 8 * s},
		},
	}
}

func testPlan(t *testing.T) *schedule.Plan {
	t.Helper()
	p, err := schedule.NewPlan(testRoutine(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// readWAV decodes a 16-bit stereo WAV written by Render into the left
// channel as float64.
func readWAV(t *testing.T, b []byte) []float64 {
	t.Helper()
	if len(b) < 44 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatal("not a WAV file")
	}
	if ch, bits, rate := binary.LittleEndian.Uint16(b[22:]), binary.LittleEndian.Uint16(b[34:]), binary.LittleEndian.Uint32(b[24:]); ch != 2 || bits != 16 || rate != 44100 {
		t.Fatalf("format %d ch %d bit %d Hz, want 2 16 44100", ch, bits, rate)
	}
	size := int(binary.LittleEndian.Uint32(b[40:]))
	data := b[44:]
	if size != len(data) {
		t.Fatalf("data size %d, file holds %d", size, len(data))
	}
	out := make([]float64, len(data)/4)
	for i := range out {
		out[i] = float64(int16(binary.LittleEndian.Uint16(data[4*i:]))) / 32768
	}
	return out
}

// memFile is an in-memory io.WriteSeeker.
type memFile struct {
	b   []byte
	pos int
}

func (m *memFile) Write(p []byte) (int, error) {
	if need := m.pos + len(p); need > len(m.b) {
		m.b = append(m.b, make([]byte, need-len(m.b))...)
	}
	copy(m.b[m.pos:], p)
	m.pos += len(p)
	return len(p), nil
}

func (m *memFile) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
		m.pos = int(off)
	case io.SeekCurrent:
		m.pos += int(off)
	case io.SeekEnd:
		m.pos = len(m.b) + int(off)
	}
	return int64(m.pos), nil
}

func render(t *testing.T, p *schedule.Plan, v *VoiceBank, s Settings) []float64 {
	t.Helper()
	var f memFile
	if err := Render(p, v, s, &f); err != nil {
		t.Fatal(err)
	}
	return readWAV(t, f.b)
}

// cueInstants returns the distinct instants of the plan's cues that make
// a sound with the given settings (ticks may be off).
func cueInstants(p *schedule.Plan, s Settings) []time.Duration {
	var out []time.Duration
	for _, c := range p.Cues {
		if !s.RepTicks && (c.Kind == schedule.CueRep || c.Kind == schedule.CueTempo) {
			continue
		}
		if len(out) == 0 || out[len(out)-1] != c.At {
			out = append(out, c.At)
		}
	}
	return out
}

// matchOnsets pairs each planned instant with the nearest onset and
// returns the errors; it fails the test when a planned cue has no onset
// within tol or an onset matches no cue.
func matchOnsets(t *testing.T, planned, onsets []time.Duration, tol time.Duration) []time.Duration {
	t.Helper()
	var errs []time.Duration
	used := make([]bool, len(onsets))
	for _, at := range planned {
		best := -1
		for i, o := range onsets {
			if best < 0 || absDur(o-at) < absDur(onsets[best]-at) {
				best = i
			}
		}
		if best < 0 || absDur(onsets[best]-at) > tol {
			t.Errorf("cue at %v: no onset within %v (nearest %v)", at, tol, func() any {
				if best < 0 {
					return "none"
				}
				return onsets[best]
			}())
			continue
		}
		used[best] = true
		errs = append(errs, onsets[best]-at)
	}
	for i, u := range used {
		if !u {
			t.Errorf("onset at %v matches no cue", onsets[i])
		}
	}
	return errs
}

func TestRenderOnsetsMatchPlan(t *testing.T) {
	p := testPlan(t)
	s := Settings{Volume: 100, Voice: false, RepTicks: true}
	x := render(t, p, nil, s)
	if got, want := SampleRate.D(len(x)), p.Total+SoundDuration(schedule.CueDone, 0); absDur(got-want) > time.Millisecond {
		t.Errorf("length %v, want %v (plan + done sound)", got, want)
	}
	if m := maxAbs(x); m >= 1 || m < 0.3 {
		t.Errorf("peak %.3f, want below full scale and audible", m)
	}
	onsets := DetectOnsets(x, int(SampleRate), 0.01, 80*time.Millisecond)
	errs := matchOnsets(t, cueInstants(p, s), onsets, time.Millisecond)
	var worst time.Duration
	for _, e := range errs {
		worst = max(worst, absDur(e))
	}
	t.Logf("%d cues, worst onset error %v", len(errs), worst)
}

// streamAll reads a streamer to its end (left channel).
func streamAll(s beep.Streamer) []float64 {
	var out []float64
	buf := make([][2]float64, 4096)
	for {
		n, ok := s.Stream(buf)
		for _, x := range buf[:n] {
			out = append(out, x[0])
		}
		if !ok {
			return out
		}
	}
}

func TestRenderSettings(t *testing.T) {
	p := testPlan(t)
	x := func(s Settings) []float64 { return streamAll(renderStream(p, nil, s)) }
	loud := x(Settings{Volume: 100, RepTicks: true})
	half := x(Settings{Volume: 50, RepTicks: true})
	muted := x(Settings{Volume: 100, Muted: true, RepTicks: true})
	if r := maxAbs(half) / maxAbs(loud); math.Abs(r-0.1) > 0.01 {
		t.Errorf("50%% volume peak ratio %.3f, want 0.1 (-20 dB)", r)
	}
	if m := maxAbs(muted); m != 0 {
		t.Errorf("muted peak %v, want 0", m)
	}
	noTicks := Settings{Volume: 100, RepTicks: false}
	onsets := DetectOnsets(x(noTicks), int(SampleRate), 0.01, 80*time.Millisecond)
	matchOnsets(t, cueInstants(p, noTicks), onsets, time.Millisecond)
}

func TestRenderVoices(t *testing.T) {
	p := testPlan(t)
	v, _ := LoadVoices(p.Routine, "")
	s := Settings{Volume: 100, Voice: true, RepTicks: true}
	ps, _ := arrangePlan(p, v, s)
	var voices []placement
	for _, pl := range ps {
		if pl.voice {
			voices = append(voices, pl)
		}
	}
	// Expected prompts, in order. The move is introduced in the pause
	// before it (the short get-ready has room for its name only); at its
	// start only the side is said, before the set. The 4 s switch has no
	// room for "switch sides" between its countdown pips (the side is said
	// when it starts); "10 seconds" replaces "halfway" in the middle of a
	// 20 s hold.
	want := []string{"Next: Bird Dogs", "left side", "10 seconds",
		"right side", "hold 20 seconds", "10 seconds", "rest", "left side", "last set", "hold 20 seconds",
		"10 seconds", "right side", "hold 20 seconds", "10 seconds", "rest", "Next: Glute Bridge, 2 reps",
		"Done. Well done!"}
	var got []string
	for _, vo := range voices {
		got = append(got, vo.name)
	}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("prompts\n got %q\nwant %q", got, want)
	}
	for i := 1; i < len(voices); i++ {
		if voices[i].pos < voices[i-1].end() {
			t.Errorf("prompt %d starts at %v before prompt %d ends at %v", i,
				SampleRate.D(int(voices[i].pos)), i-1, SampleRate.D(int(voices[i-1].end())))
		}
	}
	// No prompt covers a cue's tone.
	for _, vo := range voices {
		for _, pl := range ps {
			if !pl.voice && pl.pos < vo.end() && pl.end() > vo.pos {
				t.Errorf("prompt at %v starts inside a tone (%v..%v)", SampleRate.D(int(vo.pos)),
					SampleRate.D(int(pl.pos)), SampleRate.D(int(pl.end())))
			}
		}
	}
	// Every next prompt ends before the next countdown pip.
	checkNextBeforePip(t, p, ps)
	if m := maxAbs(streamAll(renderStream(p, v, s))); m >= 1 {
		t.Errorf("peak %.3f: clipping", m)
	}
}

func checkNextBeforePip(t *testing.T, p *schedule.Plan, ps []placement) {
	t.Helper()
	for _, c := range p.Cues {
		if c.Kind != schedule.CueNext {
			continue
		}
		at := int64(SampleRate.N(c.At))
		var pip int64 = -1
		for _, d := range p.Cues {
			if d.Kind == schedule.CueCountdown && d.At > c.At {
				pip = int64(SampleRate.N(d.At))
				break
			}
		}
		for _, pl := range ps {
			if pl.voice && pl.pos > at && pl.pos < pip && pl.end() > pip-int64(SampleRate.N(nextMargin)) {
				t.Errorf("prompt after next at %v ends at %v, pip at %v", c.At,
					SampleRate.D(int(pl.end())), SampleRate.D(int(pip)))
			}
		}
	}
}

func TestNextPromptPlacement(t *testing.T) {
	v, _ := LoadVoices(nil, "")
	sec := int64(SampleRate)
	chime := int64(len(samples(schedule.CueNext, 0)))
	s, _ := v.compose([]string{clipNext, moveClip("bird-dogs")})
	clip := int64(len(s))
	gap := int64(SampleRate.N(voiceGap))
	next := func(pos int64) timedCue {
		return timedCue{pos: pos, cue: schedule.Cue{Kind: schedule.CueNext, Move: "bird-dogs"}}
	}
	pip := func(pos int64) timedCue {
		return timedCue{pos: pos, cue: schedule.Cue{Kind: schedule.CueCountdown, N: 3}}
	}
	for _, c := range []struct {
		name     string
		pipAt    int64 // countdown pip, samples after the next cue at 10 s
		busyTo   int64 // previous prompt ends here (0: none)
		wantVoic int64 // -1: no prompt
	}{
		{"room after the chime", 10 * sec, 0, 10*sec + chime + gap},
		{"just room", chime + 2*gap + clip + int64(SampleRate.N(nextMargin)), 0, 10*sec + chime + gap},
		{"no room", chime + gap + clip, 0, -1},
		{"after the previous prompt", 10 * sec, 10*sec + sec, 11*sec + gap},
		{"previous prompt leaves no room", chime + clip + gap, 10*sec + sec, -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := arranger{voices: v, settings: Settings{Voice: true}}
			a.reset(0)
			a.voiceEnd = c.busyTo
			ps := a.placeGroup([]timedCue{next(10 * sec)}, []timedCue{pip(10*sec + c.pipAt)})
			var got int64 = -1
			for _, p := range ps {
				if p.voice {
					got = p.pos
				}
			}
			if got != c.wantVoic {
				t.Errorf("prompt at %d, want %d", got, c.wantVoic)
			}
		})
	}
}

func TestArrangeDefaultRoutine(t *testing.T) {
	for _, r := range []*routine.Routine{routine.Default(), routine.Big3()} {
		p, err := schedule.NewPlan(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		v, warnings := LoadVoices(p.Routine, "")
		if len(warnings) > 0 {
			t.Fatal(warnings)
		}
		ps, length := arrangePlan(p, v, DefaultSettings())
		checkNextBeforePip(t, p, ps)
		// Prompts keep clear of the cue tones (none is covered).
		for _, vo := range ps {
			if !vo.voice {
				continue
			}
			for _, to := range ps {
				if !to.voice && to.pos < vo.end() && to.end() > vo.pos {
					t.Errorf("%s: prompt %s at %v overlaps tone %s at %v", r.Name, vo.name,
						SampleRate.D(int(vo.pos)), to.name, SampleRate.D(int(to.pos)))
				}
			}
		}
		nexts := 0
		for _, pl := range ps {
			if pl.voice && strings.HasPrefix(pl.name, "Next: ") {
				nexts++
			}
		}
		if nexts != len(p.Moves) {
			t.Errorf("%s: %d next prompts, want one per move (%d)", r.Name, nexts, len(p.Moves))
		}
		if got := SampleRate.D(int(length)); got < p.Total || got > p.Total+3*time.Second {
			t.Errorf("%s: length %v, plan %v", r.Name, got, p.Total)
		}
	}
}

// seekDiscard is an io.WriteSeeker that keeps nothing.
type seekDiscard struct{ n, pos int64 }

func (d *seekDiscard) Write(p []byte) (int, error) {
	d.pos += int64(len(p))
	d.n = max(d.n, d.pos)
	return len(p), nil
}
func (d *seekDiscard) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
		d.pos = off
	case io.SeekCurrent:
		d.pos += off
	case io.SeekEnd:
		d.pos = d.n + off
	}
	return d.pos, nil
}

// BenchmarkRenderDefault renders the whole default routine (35 min of
// sound, voice on) to a discarding writer; it reports the real-time factor.
func BenchmarkRenderDefault(b *testing.B) {
	p, err := schedule.NewPlan(routine.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	v, _ := LoadVoices(p.Routine, "")
	b.ResetTimer()
	for range b.N {
		if err := Render(p, v, DefaultSettings(), &seekDiscard{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(p.Total.Seconds()*float64(b.N)/b.Elapsed().Seconds(), "x-realtime")
}

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestSoundTimelineGolden writes the arranged sound track of the shipped
// routines and the e2e test routine, one line per sound (start, end,
// tone or voice, name), and compares it with testdata/timeline_*.txt: a
// readable record of what the user hears when.
func TestSoundTimelineGolden(t *testing.T) {
	e2e, err := routine.Load("../../cmd/spineroutine/testdata/e2e.toml", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		r    *routine.Routine
	}{{"default", routine.Default()}, {"big3", routine.Big3()}, {"e2e", e2e}} {
		t.Run(c.name, func(t *testing.T) {
			p, err := schedule.NewPlan(c.r, nil)
			if err != nil {
				t.Fatal(err)
			}
			v, _ := LoadVoices(c.r, "")
			ps, length := arrangePlan(p, v, DefaultSettings())
			var b strings.Builder
			fmt.Fprintf(&b, "%s: %d sounds, %s of sound\n", c.r.Name, len(ps), schedule.FormatOffset(SampleRate.D(int(length))))
			for _, pl := range ps {
				kind := "tone "
				if pl.voice {
					kind = "voice"
				}
				fmt.Fprintf(&b, "%s  %s  %s  %s\n", schedule.FormatOffset(SampleRate.D(int(pl.pos))),
					schedule.FormatOffset(SampleRate.D(int(pl.end()))), kind, pl.name)
			}
			path := filepath.Join("testdata", "timeline_"+c.name+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test -update creates it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("sound timeline differs from %s (go test -update rewrites it):\n%s", path, b.String())
			}
		})
	}
}
