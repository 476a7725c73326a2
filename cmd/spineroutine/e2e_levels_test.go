package main

import (
	"regexp"
	"syscall"
	"testing"
	"time"

	"spineroutine/internal/journal"
	"spineroutine/internal/sound/pulsetest"
)

// The real binary runs each move at the level the journal holds (issue
// 20): with level 2 of Side Planks journalled, as Yes on a suggestion
// does, the window counts down its 6-s hold (level 1 holds 4 s), and the
// timer's done entry records level 2.
func TestLevelsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb", "pulseaudio", "parec", "pactl")
	bin := buildBinary(t)
	x := startXvfb(t)
	paEnv, _, _ := pulsetest.Start(t)
	home, data := t.TempDir(), t.TempDir()

	j, err := journal.Open(data, journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := j.SetLevel(journal.Today(now), "side-planks", 2, journal.LevelSuggested, false, now); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}

	env := append(baseEnv(t, x.display, home), paEnv...)
	a := startApp(t, bin, env, "--start", "--routine", "testdata/e2e-levels.toml", "--data", data)
	waitTitle(t, x.display, regexp.MustCompile(`^0:06 · Side Planks — Spine Routine$`), 60*time.Second)
	waitTitle(t, x.display, regexp.MustCompile(`^Done — Spine Routine$`), 60*time.Second)
	a.kill(syscall.SIGTERM)

	r, err := journal.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	day := journal.Today(time.Now())
	ss := r.Sessions(day.Add(-1), day)
	if len(ss) != 1 || len(ss[0].Timed) != 1 || ss[0].Timed[0] != (journal.TimedMove{Move: "side-planks", Level: 2}) {
		t.Errorf("the journal's sessions: %+v, want side planks done at level 2", ss)
	}
}
