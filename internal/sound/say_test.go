package sound

import (
	"math"
	"testing"
	"time"

	"spineroutine/internal/cue"
	"spineroutine/internal/sound/pulsetest"
)

// TestSayThroughPulseAudio says the fixed phrases through the real
// speaker path with no session attached: each sounds once, soon after the
// call, for about the length of its clip; muted, nothing sounds.
func TestSayThroughPulseAudio(t *testing.T) {
	_, rec, _ := pulseSession(t)
	bank, _ := cue.LoadVoices(nil, "")
	// The embedded clips decode in the background from the start; the app
	// has long done so when a phrase is said. Measure Say, not the decode
	// (1.2 s under the whole suite with -race).
	if w := bank.Wait(); len(w) > 0 {
		t.Fatalf("voices: %v", w)
	}
	p := NewPlayer(bank, cue.Settings{Volume: 100, Voice: true})
	defer p.Close()

	type said struct {
		phrase string
		at     time.Time
	}
	var calls []said
	for _, phrase := range []string{cue.PhraseHurts, cue.PhraseStop, cue.PhraseStopAgain} {
		calls = append(calls, said{phrase, time.Now()})
		if err := p.Say(phrase); err != nil {
			t.Fatal(err)
		}
		time.Sleep(bank.Duration(phrase) + 2500*time.Millisecond)
	}
	mutedAt := time.Now()
	p.SetSettings(cue.Settings{Volume: 100, Voice: true, Muted: true})
	if err := p.Say(cue.PhraseHurts); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	x := rec.Stop()

	// spans returns when sound began after from and how long it lasted
	// (gaps under 300 ms between words count as sound).
	spans := func(from, to time.Time) (start, length time.Duration, heard bool) {
		first, last := -1, -1
		a := max(int(from.Sub(rec.Start()).Seconds()*pulsetest.Rate), 0)
		b := min(int(to.Sub(rec.Start()).Seconds()*pulsetest.Rate), len(x))
		for i := a; i < b; i++ {
			if math.Abs(x[i]) > 0.01 {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			return 0, 0, false
		}
		rate := float64(pulsetest.Rate)
		return time.Duration(float64(first-a) / rate * 1e9), time.Duration(float64(last-first) / rate * 1e9), true
	}
	for _, c := range calls {
		want := bank.Duration(c.phrase)
		start, length, heard := spans(c.at, c.at.Add(want+2*time.Second))
		switch {
		case !heard:
			t.Errorf("%s: nothing heard", c.phrase)
		case start > 700*time.Millisecond:
			t.Errorf("%s: heard %v after the call", c.phrase, start)
		case length < want-300*time.Millisecond || length > want+300*time.Millisecond:
			t.Errorf("%s: heard for %v, the clip lasts %v", c.phrase, length, want)
		default:
			t.Logf("%s: heard %v after the call, for %v (clip %v)", c.phrase, start.Round(time.Millisecond), length.Round(time.Millisecond), want.Round(time.Millisecond))
		}
	}
	if _, length, heard := spans(mutedAt, time.Now()); heard {
		t.Errorf("muted: %v of sound", length)
	}
}
