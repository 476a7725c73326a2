package main

import (
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"spineroutine/internal/cue"
	"spineroutine/internal/sound/pulsetest"
)

// TestVoiceInGermanEndToEnd runs the window under LANG=de_DE.UTF-8 on the
// end-to-end routine and records what it plays: the tones are heard where
// plan --json (German) places them, nothing is heard where neither a tone
// nor a prompt is planned, and each German prompt sounds up to its planned
// end (the English prompts, of other lengths, end elsewhere).
func TestVoiceInGermanEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb", "pulseaudio", "parec", "pactl", "xdotool")
	bin := buildBinary(t)
	x := startXvfb(t)
	var plan planJSON
	runCLI(t, &plan, "plan", "--routine", e2eRoutine, "--json", "--lang", "de")

	paEnv, monitor, _ := pulsetest.Start(t)
	home, data := t.TempDir(), t.TempDir()
	env := append(baseEnv(t, x.display, home), paEnv...)
	for i, v := range env {
		if v == "LANG=en_US.UTF-8" {
			env[i] = "LANG=de_DE.UTF-8"
		}
	}
	rec := pulsetest.Record(t, env, monitor, 1500*time.Millisecond)
	a := startApp(t, bin, env, "--start", "--routine", e2eRoutine, "--data", data)
	// The summary's title in the window's German ("Fertig — Spine
	// Routine"), then the last sound and its prompt: a wait on the app,
	// not a guess at how long a -race build takes to start.
	done := strings.ReplaceAll(windowWords(t, "de")["Done — {{.Title}}"], "{{.Title}}", "Spine Routine")
	if !strings.HasPrefix(done, "Fertig") {
		t.Fatalf("the German summary's title is %q", done)
	}
	waitTitle(t, x.display, regexp.MustCompile(`^`+regexp.QuoteMeta(done)+`$`), 120*time.Second)
	time.Sleep(3 * time.Second)
	a.kill(syscall.SIGTERM)
	x1 := rec.Stop()

	const minGap, tol = 80 * time.Millisecond, 15 * time.Millisecond
	heard := cue.DetectOnsets(x1, pulsetest.Rate, 0.002, minGap)
	want := expectedOnsets(plan, minGap)
	onsetCheck(t, want, allowedSpans(plan, tol, 50*time.Millisecond), heard, tol)
	if len(heard) == 0 || len(want) == 0 {
		return
	}
	// Each prompt's last 100 ms hold sound, and the 100 ms after it (but a
	// tone) do not: it ends where the German plan ends it.
	base := anchor(want, heard)
	loud := func(from, to time.Duration) bool {
		a := min(max(0, int((from+base).Seconds()*pulsetest.Rate)), len(x1))
		b := min(max(a, int((to+base).Seconds()*pulsetest.Rate)), len(x1))
		for _, v := range x1[a:b] {
			if v > 0.01 || v < -0.01 {
				return true
			}
		}
		return false
	}
	toneNear := func(from, to time.Duration) bool {
		for _, tone := range plan.Tones {
			if dur(tone.At) < to+tol && dur(tone.At+tone.Len) > from-tol {
				return true
			}
		}
		return false
	}
	for _, s := range plan.Spoken {
		end := dur(s.At + s.Len)
		if !loud(end-100*time.Millisecond, end-20*time.Millisecond) {
			t.Errorf("%q: silent in the 100 ms before its planned end %v", s.Text, end)
		}
		if after := end + 40*time.Millisecond; !toneNear(after, after+100*time.Millisecond) && !nextPromptNear(plan, after) && loud(after, after+100*time.Millisecond) {
			t.Errorf("%q: still sounding after its planned end %v", s.Text, end)
		}
	}
}

// nextPromptNear reports whether a prompt of the plan starts within 150 ms
// after at.
func nextPromptNear(p planJSON, at time.Duration) bool {
	for _, s := range p.Spoken {
		if d := dur(s.At) - at; d >= -40*time.Millisecond && d < 150*time.Millisecond {
			return true
		}
	}
	return false
}
