package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// visibleWindow returns the id of the app's main window when it is shown
// (mapped) on display, or 0.
func visibleWindow(display string) uint32 {
	cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Spine Routine$")
	cmd.Env = []string{"DISPLAY=" + display, "PATH=" + os.Getenv("PATH")}
	out, _ := cmd.Output()
	id, err := parseWindowID(string(out))
	if err != nil {
		return 0
	}
	return id
}

// xdotool runs xdotool on display.
func xdotool(t *testing.T, display string, args ...string) {
	t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = []string{"DISPLAY=" + display, "PATH=" + os.Getenv("PATH")}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xdotool %v: %v %s", args, err, out)
	}
}

// exited waits up to limit for the app to end.
func (a *appRun) exited(limit time.Duration) bool {
	select {
	case <-a.done:
		return true
	case <-time.After(limit):
		return false
	}
}

// On a desktop that shows no tray icons (here: no D-Bus session at all),
// "keep running in the tray" cannot keep the app: closing the window quits
// it rather than hiding it for ever.
func TestTraylessCloseQuits(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb", "xdotool")
	bin := buildBinary(t)
	x := startXvfb(t)
	home, data := t.TempDir(), t.TempDir()
	env := append(baseEnv(t, x.display, home), "SPINEROUTINE_TRACE_STARTUP=1")
	prefs := filepath.Join(home, ".config", "fyne", appID, "preferences.json")
	if err := os.MkdirAll(filepath.Dir(prefs), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(prefs, []byte(`{"reminder.enabled":true,"reminder.keepInTray":true}`), 0o600); err != nil {
		t.Fatal(err)
	}
	a := startApp(t, bin, env, "--routine", e2eRoutine, "--data", data)
	waitStarted(t, a, 120*time.Second)
	id := visibleWindow(x.display)
	if id == 0 {
		t.Fatal("no window shown")
	}
	closeWindow(t, x.display, id)
	if !a.exited(20 * time.Second) {
		t.Fatalf("the app still runs 20 s after its window was closed (shown: %v), with no tray icon to bring it back", visibleWindow(x.display) != 0)
	}
}

// A second launch while the app runs brings the running window to the
// front (here: shows it again after it was hidden) and ends, instead of
// opening a window that only says the app is open.
func TestSecondLaunchRaisesTheWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb", "xdotool")
	bin := buildBinary(t)
	x := startXvfb(t)
	home, data := t.TempDir(), t.TempDir()
	env := append(baseEnv(t, x.display, home), "SPINEROUTINE_TRACE_STARTUP=1")
	first := startApp(t, bin, env, "--routine", e2eRoutine, "--data", data)
	waitStarted(t, first, 120*time.Second)
	id := visibleWindow(x.display)
	if id == 0 {
		t.Fatal("no window shown")
	}
	xdotool(t, x.display, "windowunmap", "--sync", itoa(id))
	if visibleWindow(x.display) != 0 {
		t.Fatal("the window is still shown after it was unmapped")
	}
	second := startApp(t, bin, env, "--routine", e2eRoutine, "--data", data)
	if !second.exited(60 * time.Second) {
		t.Fatalf("the second launch still runs after 60 s:\n%s", second.log())
	}
	if code := second.cmd.ProcessState.ExitCode(); code != 0 || !strings.Contains(second.log(), "brought to the front") {
		t.Errorf("second launch: exit %d, output %q", code, second.log())
	}
	deadline := time.Now().Add(10 * time.Second)
	for visibleWindow(x.display) != id {
		if time.Now().After(deadline) {
			t.Fatalf("the running window (%d) is not shown again; shown: %d", id, visibleWindow(x.display))
		}
		time.Sleep(200 * time.Millisecond)
	}
	if first.exited(0) {
		t.Error("the first app ended")
	}
}

func itoa(n uint32) string { return strconv.FormatUint(uint64(n), 10) }

// madeRoutine is a routine made from nothing in the Routine tab (ui's
// TestEditorNewRoutineFromNothing keeps it up to date): New routine, three
// moves with figures chosen from the pose library, saved.
const madeRoutine = "testdata/made.toml"

// The routine made from nothing runs in the app, start to finish, each
// of its moves ticked in the journal.
func TestMadeFromNothingRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb", "xdotool")
	bin := buildBinary(t)
	x := startXvfb(t)
	home, data := t.TempDir(), t.TempDir()
	a := startApp(t, bin, baseEnv(t, x.display, home), "--routine", madeRoutine, "--start", "--mute", "--data", data)
	waitTitle(t, x.display, regexp.MustCompile(`· My Bird Dogs — Spine Routine$`), 120*time.Second)
	waitTitle(t, x.display, regexp.MustCompile(`^Done — Spine Routine$`), 60*time.Second)
	a.kill(syscall.SIGTERM)
	if got, want := doneToday(t, data), "my-bird-dogs,my-glute-bridge,my-side-planks"; got != want {
		t.Errorf("done today = %q, want %q", got, want)
	}
}
