package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The Windows build, run under Wine: the same commands on the same inputs
// as the Linux binary must give the same outputs. Wine's wine64 program
// sits in Wine's own library folder on Debian, not on PATH.

// wineProgram returns the wine64 program, "" when Wine is not installed.
func wineProgram() string {
	if p, err := exec.LookPath("wine64"); err == nil {
		return p
	}
	for _, p := range []string{"/usr/lib/wine/wine64", "/usr/lib/x86_64-linux-gnu/wine/wine64", "/usr/libexec/wine/wine64"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// winRun is a Wine prefix with the Windows build and the stand-in DLL.
type winRun struct {
	t          *testing.T
	wine, exe  string
	env        []string
	appData    string // %AppData% of the prefix's user, on this machine
	totalWine  time.Duration
	startedAll time.Time
}

// newWinRun makes a fresh Wine prefix (wineboot, once per test run: it
// takes 20-25 s) and installs the stand-in bcryptprimitives.dll built from
// testdata/wine/prng.c into it.
func newWinRun(t *testing.T) *winRun {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the Windows binary and boots Wine")
	}
	wine := wineProgram()
	if wine == "" {
		t.Skip("Windows under Wine: skipped, wine64 is not installed (scripts/setup.sh test installs it)")
	}
	needTools(t, "x86_64-w64-mingw32-gcc")
	w := &winRun{t: t, wine: wine, startedAll: time.Now()}
	dir := t.TempDir()

	prefix := filepath.Join(dir, "prefix")
	w.env = append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=",
		"DISPLAY=", "TZ=UTC", "LANG=en_US.UTF-8")
	start := time.Now()
	boot := exec.Command(wine, "wineboot", "-i")
	boot.Env = w.env
	if out, err := boot.CombinedOutput(); err != nil {
		t.Fatalf("wineboot: %v\n%s", err, out)
	}
	t.Logf("wineboot of a fresh prefix: %v", time.Since(start).Round(time.Millisecond))

	dll := filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	cc := exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-o", dll,
		filepath.Join("testdata", "wine", "prng.c"), "-ladvapi32")
	if out, err := cc.CombinedOutput(); err != nil {
		t.Fatalf("the stand-in bcryptprimitives.dll: %v\n%s", err, out)
	}
	user := os.Getenv("USER")
	if user == "" {
		user = "root"
	}
	w.appData = filepath.Join(prefix, "drive_c", "users", user, "AppData", "Roaming")
	t.Cleanup(func() {
		stop := exec.Command(filepath.Join(filepath.Dir(wine), "wineserver"), "-k")
		stop.Env = w.env
		_ = stop.Run() // the server ends on its own a few seconds later anyway
		t.Logf("Wine: %v running the .exe, %v in all", w.totalWine.Round(time.Millisecond),
			time.Since(w.startedAll).Round(time.Millisecond))
	})
	return w
}

// run runs the .exe with args under Wine and returns its stdout, stderr
// (with Wine's own lines left out) and exit code.
func (w *winRun) run(args ...string) (stdout, stderr string, code int) {
	w.t.Helper()
	cmd := exec.Command(w.wine, append([]string{w.exe}, args...)...)
	cmd.Env = w.env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	w.totalWine += time.Since(start)
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		w.t.Fatalf("wine %v: %v", args, err)
	}
	return strings.ReplaceAll(out.String(), "\r\n", "\n"), strings.ReplaceAll(errb.String(), "\r\n", "\n"), code
}

// TestWindowsUnderWine runs, in one Wine prefix, the journal's tests
// cross-compiled for Windows (wineJournal).
func TestWindowsUnderWine(t *testing.T) {
	w := newWinRun(t)
	t.Run("journal", func(t *testing.T) { wineJournal(t, w) })
}

// wineJournal runs the journal's own tests of the lock, of
// SIGKILL-like ends (TerminateProcess) and of resume.json, cross-compiled
// for Windows, under Wine, on Windows paths. Go's t.TempDir cannot remove
// its folder under Wine 8 (Go 1.25 and later remove files with a call
// Wine lacks: "Invalid function"): that cleanup line is the only failure
// allowed.
func wineJournal(t *testing.T, w *winRun) {
	w.t = t
	exe := filepath.Join(t.TempDir(), "journal.test.exe")
	build := exec.Command("go", "test", "-c", "-o", exe, "spineroutine/internal/journal")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go test -c for Windows: %v\n%s", err, out)
	}
	w.exe = exe
	out, errOut, _ := w.run("-test.run", "TestSecondInstanceIsLockedOut|TestCrashLosesNoAcknowledgedTick|TestResumePoint$|TestDamagedResumeFileIsSetAside",
		"-test.v", "-test.short")
	out += errOut
	var bad []string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "_test.go:") && !strings.Contains(line, "TempDir RemoveAll cleanup") &&
			!strings.Contains(line, " kills: ") {
			bad = append(bad, line)
		}
	}
	for _, name := range []string{"TestSecondInstanceIsLockedOut", "TestCrashLosesNoAcknowledgedTick", "TestResumePoint"} {
		if !strings.Contains(out, "=== RUN   "+name) {
			bad = append(bad, name+" did not run")
		}
	}
	if len(bad) > 0 {
		t.Errorf("the journal's tests under Wine:\n%s\n\n%s", strings.Join(bad, "\n"), out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, " kills: ") {
			t.Log(strings.TrimSpace(line))
		}
	}
}
