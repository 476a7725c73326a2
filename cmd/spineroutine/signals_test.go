package main

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNoDisplay: without DISPLAY and WAYLAND_DISPLAY the window command
// says so in one sentence and exits 1, without a Go panic.
func TestNoDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	var out, errb bytes.Buffer
	if code := run(nil, &out, &errb); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	msg := errb.String()
	if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "spineroutine: no display") || !strings.Contains(msg, "DISPLAY") {
		t.Errorf("stderr %q, want one sentence about the display", msg)
	}
}

// TestSignalsEndTheAppCleanly sends SIGTERM or SIGINT at random moments
// (while it starts, before and during a session) to the real binary, 20
// times: each run must exit with 130 or 143 (a signal that comes while
// the process starts, before its handler is set up, may also end it
// directly, which the shell shows the same way), never with a panic or a
// data race, and leave a journal that reads.
func TestSignalsEndTheAppCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb")
	bin := buildBinary(t)
	x := startXvfb(t)
	rng := rand.New(rand.NewPCG(16, 13))
	for i := range 20 {
		sig := syscall.SIGTERM
		if i%2 == 1 {
			sig = syscall.SIGINT
		}
		home, data := t.TempDir(), t.TempDir()
		env := baseEnv(t, x.display, home) // no sound server: the app runs without sound
		args := []string{"--routine", e2eRoutine, "--data", data, "--mute"}
		if i%4 < 2 {
			args = append(args, "--start")
		}
		a := startApp(t, bin, env, args...)
		shown := i%3 != 2
		if shown {
			// Two runs in three: once the window shows (and the session
			// counts down), where Fyne's loop runs.
			waitTitle(t, x.display, regexp.MustCompile(`Spine Routine`), 60*time.Second)
		}
		wait := time.Duration(rng.IntN(2500)) * time.Millisecond
		time.Sleep(wait)
		if err := a.cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-a.done:
		case <-time.After(15 * time.Second):
			// Hung: its goroutines, for the report, then kill it.
			_ = a.cmd.Process.Signal(syscall.SIGQUIT)
			select {
			case <-a.done:
			case <-time.After(5 * time.Second):
				a.kill(syscall.SIGKILL)
			}
			t.Errorf("run %d: %v after %v: still running 15 s later", i, sig, wait)
		}
		out := a.log()
		st := a.cmd.ProcessState
		ws, _ := st.Sys().(syscall.WaitStatus)
		// Once the window shows, the app must handle the signal (close the
		// journal and the speaker) and exit with 128 + its number.
		clean := st.ExitCode() == 128+int(sig) || (!shown && ws.Signaled() && ws.Signal() == sig)
		if !clean || strings.Contains(out, "panic") || strings.Contains(out, "DATA RACE") || strings.Contains(out, "GLFW") {
			t.Errorf("run %d: %v after %v: %v\n%s", i, sig, wait, st, out)
		}
		var log logJSON
		runCLI(t, &log, "log", "--json", "--data", data)
		if log.Today == "" {
			t.Errorf("run %d: the journal does not read after the signal", i)
		}
	}
}
