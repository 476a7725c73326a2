package cue

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/schedule"
)

// goertzel returns the power of frequency f in x.
func goertzel(x []float64, rate int, f float64) float64 {
	w := 2 * math.Pi * f / float64(rate)
	c := 2 * math.Cos(w)
	var s1, s2 float64
	for _, v := range x {
		s0 := v + c*s1 - s2
		s2, s1 = s1, s0
	}
	return s1*s1 + s2*s2 - c*s1*s2
}

// dominant returns the strongest frequency of x between 200 and 2500 Hz.
func dominant(x []float64, rate int) float64 {
	best, bestP := 0.0, -1.0
	for f := 200.0; f <= 2500; f += 2 {
		if p := goertzel(x, rate, f); p > bestP {
			best, bestP = f, p
		}
	}
	return best
}

func toFloat64(s []float32) []float64 {
	out := make([]float64, len(s))
	for i, v := range s {
		out[i] = float64(v)
	}
	return out
}

// melody describes a sound as the sequence of its pitches in 20 ms frames
// (consecutive equal pitches merged, "-" for a silent frame).
func melody(x []float64, rate int) string {
	frame := rate / 50
	var parts []string
	for i := 0; i+frame <= len(x); i += frame {
		f := x[i : i+frame]
		p := "-"
		if maxAbs(f) > 0.02 {
			p = fmt.Sprintf("%.0f", math.Round(dominant(f, rate)/50)*50)
		}
		if len(parts) == 0 || parts[len(parts)-1] != p {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

type soundCase struct {
	kind  schedule.CueKind
	n     int
	freqs []float64 // each note's pitch, in order
	dur   time.Duration
}

var soundCases = []soundCase{
	{schedule.CueCountdown, 3, []float64{880}, 90 * time.Millisecond},
	{schedule.CueCountdown, 1, []float64{1175}, 90 * time.Millisecond},
	{schedule.CueStart, 0, []float64{659, 988}, 240 * time.Millisecond},
	{schedule.CueRep, 0, []float64{1319}, 45 * time.Millisecond},
	{schedule.CueTempo, 0, []float64{440}, 60 * time.Millisecond},
	{schedule.CueRelease, 0, []float64{988, 659}, 240 * time.Millisecond},
	{schedule.CueHalfway, 0, []float64{784, 784}, 300 * time.Millisecond},
	{schedule.CueSwitch, 0, []float64{880, 587, 880}, 270 * time.Millisecond},
	{schedule.CueRest, 0, []float64{392}, 500 * time.Millisecond},
	{schedule.CueNext, 0, []float64{1568}, 350 * time.Millisecond},
	{schedule.CueGetReady, 0, []float64{440, 587}, 200 * time.Millisecond},
	{schedule.CueTimeLeft, 0, []float64{698}, 150 * time.Millisecond},
	{schedule.CueDone, 0, []float64{523, 659, 784, 1047}, 900 * time.Millisecond},
}

func TestSoundsPitchLengthAndNoClicks(t *testing.T) {
	rate := int(SampleRate)
	for _, c := range soundCases {
		t.Run(soundName(c.kind, c.n), func(t *testing.T) {
			x := toFloat64(samples(c.kind, c.n))
			if got := SampleRate.D(len(x)); absDur(got-c.dur) > time.Millisecond {
				t.Errorf("length %v, want %v", got, c.dur)
			}
			// Each note: dominant frequency in its middle third.
			score := notes(c.kind, c.n)
			if len(score) != len(c.freqs) {
				t.Fatalf("%d notes, want %d", len(score), len(c.freqs))
			}
			for i, nt := range score {
				a := SampleRate.N(nt.at + nt.dur/3)
				b := SampleRate.N(nt.at + 2*nt.dur/3)
				got := dominant(x[a:b], rate)
				if math.Abs(got-c.freqs[i]) > 0.03*c.freqs[i] {
					t.Errorf("note %d: dominant %.0f Hz, want %.0f", i, got, c.freqs[i])
				}
			}
			if m := maxAbs(x); m > 0.5 || m < 0.1 {
				t.Errorf("peak %.3f, want 0.1..0.5 (audible, headroom for mixing)", m)
			}
			if math.Abs(x[0]) > 1e-3 || math.Abs(x[len(x)-1]) > 1e-3 {
				t.Errorf("click: first %.4f last %.4f, want ~0", x[0], x[len(x)-1])
			}
			// No jump between consecutive samples larger than a sine at
			// the highest pitch can make (a discontinuity is a click).
			for i := 1; i < len(x); i++ {
				if math.Abs(x[i]-x[i-1]) > 0.2 {
					t.Fatalf("jump of %.3f at sample %d", math.Abs(x[i]-x[i-1]), i)
				}
			}
			if s := SoundDuration(c.kind, c.n); s != SampleRate.D(len(x)) {
				t.Errorf("SoundDuration %v, samples %v", s, SampleRate.D(len(x)))
			}
		})
	}
}

func TestSoundsPairwiseDistinct(t *testing.T) {
	rate := int(SampleRate)
	seen := map[string]string{}
	for _, c := range soundCases {
		x := toFloat64(samples(c.kind, c.n))
		sig := fmt.Sprintf("%s | %d ms", melody(x, rate), len(x)*1000/rate/20*20)
		name := soundName(c.kind, c.n)
		t.Logf("%-12s %s", name, sig)
		if other, dup := seen[sig]; dup {
			t.Errorf("%s sounds like %s: %s", name, other, sig)
		}
		seen[sig] = name
	}
}

func TestSoundStreamer(t *testing.T) {
	s := Sound(schedule.CueStart, 0)
	buf := make([][2]float64, 1000)
	total := 0
	for {
		n, ok := s.Stream(buf)
		if !ok {
			break
		}
		for i := range n {
			if buf[i][0] != buf[i][1] {
				t.Fatalf("channels differ at %d", total+i)
			}
		}
		total += n
	}
	if want := len(samples(schedule.CueStart, 0)); total != want {
		t.Errorf("streamed %d samples, want %d", total, want)
	}
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
