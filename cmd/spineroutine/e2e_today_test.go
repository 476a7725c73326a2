package main

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// TestTodayFlowEndToEnd runs the real binary at 1024×600 on the daily
// routine (issue 31): with an empty data folder the first start's
// choices and Start are read on screen; with a history, the key 8
// answers the check-in (journalled) and Space then starts nothing — the
// window's title never shows a move's countdown and the journal holds no
// move done.
func TestTodayFlowEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb", "import", "tesseract", "xdotool")
	bin := buildBinary(t)
	x := startXvfbSize(t, "1024x600")
	keep := keepDir(t)
	env := func(home string) []string {
		return append(baseEnv(t, x.display, home), "SPINEROUTINE_TRACE_STARTUP=1")
	}

	t.Run("first start", func(t *testing.T) {
		a := startApp(t, bin, env(t.TempDir()), "--data", t.TempDir())
		waitStarted(t, a, 120*time.Second)
		time.Sleep(3 * time.Second) // drawn at its final size
		x.screenshot(t, keep, "today-first")
		text := ocr(t, keep, "today-first")
		for _, want := range []string{"Gentle start", "My usual dose", "Start"} {
			if !contains(text, want) {
				t.Errorf("%q not read on screen:\n%s", want, text)
			}
		}
		a.kill(syscall.SIGTERM)
	})

	t.Run("a pain of 8", func(t *testing.T) {
		data := t.TempDir()
		j, err := journal.Open(data, journal.Options{})
		if err != nil {
			t.Fatal(err)
		}
		at := time.Now().AddDate(0, 0, -1)
		id, err := j.StartSession(at, "default", routine.Default().IDs())
		if err == nil {
			err = j.SavePain(id, journal.Before, 2, at.Add(time.Second))
		}
		if err == nil {
			err = j.EndSession(id, journal.Finished, at.Add(time.Minute))
		}
		if err == nil {
			err = j.Close()
		}
		if err != nil {
			t.Fatal(err)
		}
		a := startApp(t, bin, env(t.TempDir()), "--data", data)
		waitStarted(t, a, 120*time.Second)
		time.Sleep(2 * time.Second)
		key := func(k string) {
			// No window manager runs: focus the window, then type.
			cmd := exec.Command("xdotool", "search", "--name", "^Spine Routine$", "windowfocus", "--sync", "key", k)
			cmd.Env = []string{"DISPLAY=" + x.display, "PATH=" + os.Getenv("PATH")}
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("xdotool key %s: %v\n%s", k, err, out)
			}
		}
		key("8")
		time.Sleep(2 * time.Second)
		key("space")
		deadline := time.Now().Add(8 * time.Second)
		for time.Now().Before(deadline) {
			if title := windowTitle(x.display); strings.Contains(title, " · ") {
				t.Fatalf("a session started at a pain of 8: the title reads %q", title)
			}
			time.Sleep(250 * time.Millisecond)
		}
		x.screenshot(t, keep, "today-stop")
		if text := ocr(t, keep, "today-stop"); !contains(text, "Stop for today") {
			t.Errorf("the stop is not read on screen:\n%s", text)
		}
		a.kill(syscall.SIGTERM)

		r, err := journal.Load(data)
		if err != nil {
			t.Fatal(err)
		}
		today := journal.Today(time.Now())
		var before *int
		for _, s := range r.Sessions(today, today) {
			if s.PainBefore != nil {
				before = s.PainBefore
			}
			if len(s.Timed) > 0 {
				t.Errorf("a move was done at the stop: %+v", s.Timed)
			}
		}
		if before == nil || *before != 8 {
			t.Errorf("today's pain before %v, want the 8 journalled", before)
		}
	})
}
