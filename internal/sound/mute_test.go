package sound

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/cue"
	"spineroutine/internal/schedule"
	"spineroutine/internal/sound/pulsetest"
)

// sinkInputs counts the playback streams the PulseAudio server has: 1
// while the speaker is open, 0 when it is closed.
func sinkInputs(t *testing.T, env []string) int {
	t.Helper()
	cmd := exec.Command("pactl", "list", "short", "sink-inputs")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pactl list sink-inputs: %v", err)
	}
	n := 0
	for _, line := range strings.Split(string(out), "\n") {
		if strings.TrimSpace(line) != "" {
			n++
		}
	}
	return n
}

// TestMutedKeepsSpeakerClosed attaches a session while muted: the sound
// server has no stream from us. Unmuted 1.1 s in, the speaker opens and
// the next cues (the pips at 2 and 3 s, the start at 4 s) are heard at
// their clock instants; muted again, the stream goes away.
func TestMutedKeepsSpeakerClosed(t *testing.T) {
	env, rec, plan := pulseSession(t)
	on := cue.Settings{Volume: 100, RepTicks: true}
	muted := on
	muted.Muted = true
	p := NewPlayer(nil, muted)
	defer p.Close()
	s := schedule.NewSession(plan, schedule.RealClock(), nil)
	if err := p.Attach(s); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s.Start()
	time.Sleep(time.Second)
	if n := sinkInputs(t, env); n != 0 {
		t.Errorf("muted: %d playback streams, want none", n)
	}
	time.Sleep(time.Until(start.Add(1100 * time.Millisecond)))
	unmutedAt := time.Now()
	p.SetSettings(on)
	time.Sleep(time.Until(start.Add(4500 * time.Millisecond)))
	if n := sinkInputs(t, env); n != 1 {
		t.Errorf("unmuted: %d playback streams, want 1", n)
	}
	p.SetSettings(muted)
	time.Sleep(500 * time.Millisecond)
	if n := sinkInputs(t, env); n != 0 {
		t.Errorf("muted again: %d playback streams, want none", n)
	}
	s.Stop()
	p.Detach()
	x := rec.Stop()

	var heard []time.Duration // onsets after the unmute, since the start
	for _, o := range cue.DetectOnsets(x, pulsetest.Rate, 0.01, 80*time.Millisecond) {
		if at := rec.Start().Add(o); at.After(unmutedAt) {
			heard = append(heard, at.Sub(start))
		}
	}
	// The cues from StartLead after the unmute on are heard (a late
	// unmute, on a loaded machine, leaves out the pip at 2 s).
	var want []time.Duration
	for _, c := range []time.Duration{2 * time.Second, 3 * time.Second, 4 * time.Second} {
		if c >= unmutedAt.Sub(start)+StartLead {
			want = append(want, c)
		}
	}
	if len(heard) != len(want) || len(want) == 0 {
		t.Fatalf("onsets after the unmute at %v: %v, want %v", unmutedAt.Sub(start).Round(time.Millisecond), heard, want)
	}
	for i, w := range want {
		// The recording's time base is a few ms late at most; the
		// spacing of the cues is checked exactly below.
		if e := heard[i] - w; e > 20*time.Millisecond || e < -20*time.Millisecond {
			t.Errorf("cue at %v heard at %v", w, heard[i].Round(time.Millisecond))
		}
		if i > 0 {
			if e := heard[i] - heard[i-1] - (w - want[i-1]); e > 10*time.Millisecond || e < -10*time.Millisecond {
				t.Errorf("cue at %v: %v off the one before", w, e)
			}
		}
	}
	t.Logf("after the unmute, cues heard at %v (planned %v)", heard, want)
}
