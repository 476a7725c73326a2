package cue

import (
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/faiface/beep"

	"spineroutine/internal/schedule"
)

// note is one tone of a cue sound.
type note struct {
	freq  float64       // Hz
	at    time.Duration // start within the sound
	dur   time.Duration
	level float64 // peak amplitude
}

// peak is the loudest a cue note gets: it leaves headroom for a voice clip
// and a second cue sounding at the same time.
const peak = 0.45

// notes returns the score of a cue kind; n is the count of a countdown cue.
func notes(k schedule.CueKind, n int) []note {
	ms := func(v int) time.Duration { return time.Duration(v) * time.Millisecond }
	switch k {
	case schedule.CueCountdown:
		if n == 1 {
			return []note{{1175, 0, ms(90), peak}}
		}
		return []note{{880, 0, ms(90), peak}}
	case schedule.CueStart:
		return []note{{659, 0, ms(120), peak}, {988, ms(120), ms(120), peak}}
	case schedule.CueRep:
		return []note{{1319, 0, ms(45), peak * 0.8}}
	case schedule.CueTempo:
		return []note{{440, 0, ms(60), peak * 0.4}}
	case schedule.CueRelease:
		return []note{{988, 0, ms(120), peak}, {659, ms(120), ms(120), peak}}
	case schedule.CueHalfway:
		return []note{{784, 0, ms(120), peak}, {784, ms(180), ms(120), peak}}
	case schedule.CueSwitch:
		return []note{{880, 0, ms(90), peak}, {587, ms(90), ms(90), peak}, {880, ms(180), ms(90), peak}}
	case schedule.CueRest:
		return []note{{392, 0, ms(500), peak}}
	case schedule.CueNext:
		return []note{{1568, 0, ms(350), peak * 0.63}}
	case schedule.CueGetReady:
		return []note{{440, 0, ms(100), peak * 0.7}, {587, ms(100), ms(100), peak * 0.7}}
	case schedule.CueTimeLeft:
		return []note{{698, 0, ms(150), peak * 0.7}}
	case schedule.CueDone:
		return []note{{523, 0, ms(150), peak}, {659, ms(150), ms(150), peak},
			{784, ms(300), ms(150), peak}, {1047, ms(450), ms(450), peak}}
	}
	return nil
}

// synthesize renders a score to mono samples at SampleRate.
func synthesize(score []note) []float32 {
	var end time.Duration
	for _, nt := range score {
		if e := nt.at + nt.dur; e > end {
			end = e
		}
	}
	out := make([]float32, SampleRate.N(end))
	rate := float64(SampleRate)
	attack := 0.005 * rate
	fade := 0.005 * rate
	for _, nt := range score {
		start := SampleRate.N(nt.at)
		length := SampleRate.N(nt.dur)
		// Decay to about -20 dB over the note, then the final fade.
		tau := float64(length) / math.Log(10)
		w := 2 * math.Pi * nt.freq / rate
		for i := 0; i < length && start+i < len(out); i++ {
			x := float64(i)
			env := math.Exp(-x / tau)
			if x < attack {
				env *= 0.5 - 0.5*math.Cos(math.Pi*x/attack)
			}
			if left := float64(length - 1 - i); left < fade {
				env *= 0.5 - 0.5*math.Cos(math.Pi*left/fade)
			}
			v := math.Sin(w*x) + 0.2*math.Sin(2*w*x)
			out[start+i] += float32(nt.level / 1.2 * env * v)
		}
	}
	return out
}

type soundKey struct {
	kind schedule.CueKind
	n    int
}

var (
	soundMu    sync.Mutex
	soundCache = map[soundKey][]float32{}
)

// samples returns the (shared, read-only) mono samples of a cue sound.
func samples(k schedule.CueKind, n int) []float32 {
	if k != schedule.CueCountdown || n != 1 {
		n = 0 // only the countdown's last pip differs
	}
	key := soundKey{k, n}
	soundMu.Lock()
	defer soundMu.Unlock()
	s, ok := soundCache[key]
	if !ok {
		s = synthesize(notes(k, n))
		soundCache[key] = s
	}
	return s
}

// Sound returns the synthesized sound of a cue kind (a fresh Streamer each
// call); n is the count of a countdown cue (1 is higher). An unknown kind
// gives an empty stream.
//
// Every note is a sine with a soft second
// harmonic (a warm, flute-like timbre), a 5 ms raised-cosine attack and an
// exponential decay that ends on a raised-cosine fade to exactly zero, so
// no sound starts or ends with a click. Kinds differ in pitch, in rhythm
// (1, 2, 3 or 4 notes) and in length, not only in loudness:
//
//	kind          notes                        Hz                      length
//	countdown 3,2 1 short pip                  880 (A5)                 90 ms
//	countdown 1   1 short pip, higher          1175 (D6)                90 ms
//	start         2 notes rising               659 → 988 (E5 → B5)     240 ms
//	rep           1 very short tick            1319 (E6)                45 ms
//	tempo         1 soft low tick (-8 dB)      440 (A4)                 60 ms
//	release       2 notes falling              988 → 659 (B5 → E5)     240 ms
//	halfway       2 equal notes, a gap between 784, 784 (G5)           300 ms
//	switch        3 notes high-low-high        880, 587, 880           270 ms
//	rest          1 long low tone              392 (G4)                500 ms
//	next          1 soft high bell (-4 dB)     1568 (G6)               350 ms
//	get_ready     2 soft notes rising (-3 dB)  440 → 587 (A4 → D5)     200 ms
//	time_left     1 soft note (-3 dB)          698 (F5)                150 ms
//	done          4 notes rising arpeggio      523, 659, 784, 1047     900 ms
//
// The README's "Sounds" section holds the same table.
func Sound(k schedule.CueKind, n int) beep.Streamer {
	return &monoStreamer{s: samples(k, n), gain: 1}
}

// SoundDuration is the length of a cue kind's sound.
func SoundDuration(k schedule.CueKind, n int) time.Duration {
	return SampleRate.D(len(samples(k, n)))
}

// monoStreamer plays mono samples on both channels with a gain.
type monoStreamer struct {
	s    []float32
	pos  int
	gain float64
}

// Stream implements beep.Streamer.
func (m *monoStreamer) Stream(buf [][2]float64) (int, bool) {
	if m.pos >= len(m.s) {
		return 0, false
	}
	n := copy2(buf, m.s[m.pos:], m.gain)
	m.pos += n
	return n, true
}

// Err implements beep.Streamer.
func (m *monoStreamer) Err() error { return nil }

// copy2 writes mono samples times gain to both channels of buf and returns
// how many it wrote.
func copy2(buf [][2]float64, s []float32, gain float64) int {
	n := min(len(buf), len(s))
	for i := range n {
		v := float64(s[i]) * gain
		buf[i] = [2]float64{v, v}
	}
	return n
}

// soundName names a cue kind and count for messages: "countdown 1".
func soundName(k schedule.CueKind, n int) string {
	if k == schedule.CueCountdown {
		return fmt.Sprintf("%s %d", k, n)
	}
	return string(k)
}
