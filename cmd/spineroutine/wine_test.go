package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/routine"
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

// winePath is path (absolute, on this machine) as a Windows program under
// Wine sees it: drive Z: is the root.
func winePath(path string) string {
	return `Z:` + strings.ReplaceAll(path, "/", `\`)
}

// winRun is a Wine prefix with the Windows build and the stand-in DLL.
type winRun struct {
	t          *testing.T
	wine, exe  string
	env        []string
	appData    string // %AppData% of the prefix's user, on this machine
	dir        string // the prefix and the programs, for the whole test
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
	dir := t.TempDir()
	w := &winRun{t: t, wine: wine, dir: dir, startedAll: time.Now()}

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
		w.stopServer()
		t.Logf("Wine: %v running the .exe, %v in all", w.totalWine.Round(time.Millisecond),
			time.Since(w.startedAll).Round(time.Millisecond))
	})
	return w
}

// buildApp builds the app's .exe (cgo with mingw-w64, as make windows
// does) and makes it the program run runs.
func (w *winRun) buildApp(t *testing.T) {
	t.Helper()
	start := time.Now()
	w.exe = filepath.Join(w.dir, "spineroutine.exe")
	build := exec.Command("go", "build", "-tags", "no_emoji", "-o", w.exe, ".")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=1", "CC=x86_64-w64-mingw32-gcc")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build for Windows: %v\n%s", err, out)
	}
	t.Logf("Windows build: %v", time.Since(start).Round(time.Millisecond))
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

// must runs args and fails the test unless the exit code is 0.
func (w *winRun) must(args ...string) string {
	w.t.Helper()
	out, errOut, code := w.run(args...)
	if code != 0 {
		w.t.Fatalf("Windows: spineroutine %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// linux runs the Linux binary with args, in a private configuration
// folder, and returns its stdout.
func linux(t *testing.T, bin, cfg string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "TZ=UTC", "LANG=en_US.UTF-8")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("Linux: spineroutine %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return string(out)
}

// TestWindowsUnderWine runs, in one Wine prefix, the journal's tests
// cross-compiled for Windows (wineJournal), the voice's SAPI test
// (wineSAPI), the Windows build's commands
// (wineCommands) and its window (wineWindow).
func TestWindowsUnderWine(t *testing.T) {
	w := newWinRun(t)
	t.Run("journal", func(t *testing.T) { wineJournal(t, w) })
	t.Run("sapi", func(t *testing.T) { wineSAPI(t, w) })
	if t.Run("commands", func(t *testing.T) { wineCommands(t, w) }) {
		t.Run("window", func(t *testing.T) { wineWindow(t, w) })
	}
}

// wineWindow opens the window of the Windows build under Wine on a
// private Xvfb display with --start, and reads its countdown and card
// back (OCR). Wine's desktop process takes the display it starts with:
// the Wine server of the commands (no display) is ended first.
func wineWindow(t *testing.T, w *winRun) {
	needTools(t, "Xvfb", "import", "convert", "tesseract")
	w.t = t
	w.stopServer()
	x := startXvfb(t)
	env := append(append([]string{}, w.env...), "DISPLAY="+x.display)
	data := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(w.wine, w.exe, "--data", winePath(data), "--mute", "--start")
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		w.stopServer()
	})
	dir := t.TempDir()
	start := time.Now()
	var text string
	for i := 0; time.Since(start) < 120*time.Second; i++ {
		time.Sleep(5 * time.Second)
		name := fmt.Sprintf("shot%d", i)
		x.screenshot(t, dir, name)
		text = ocr(t, dir, name)
		if countdown.MatchString(text) && slices.ContainsFunc(routine.Default().Moves, func(m routine.Move) bool {
			return strings.Contains(text, m.Name)
		}) {
			t.Logf("the window under Wine shows its countdown %q after %v", countdown.FindString(text),
				time.Since(start).Round(time.Second))
			return
		}
	}
	t.Errorf("no countdown and card read in 120 s; OCR:\n%s\napp output:\n%s", text, out.String())
}

// countdown is the giant countdown as OCR reads it ("0:06").
var countdown = regexp.MustCompile(`\b[0-9]:[0-5][0-9]\b`)

// stopServer ends the Wine server of the prefix (and the programs it runs).
func (w *winRun) stopServer() {
	stop := exec.Command(filepath.Join(filepath.Dir(w.wine), "wineserver"), "-k")
	stop.Env = w.env
	_ = stop.Run() // no server running is fine
}

// wineCommands runs the Windows build's commands under Wine on the
// inputs the Linux binary gets, and compares: check's verdicts, plan
// --json byte for byte for the shipped routines and step for step, cue
// for cue for a routine file, render's samples, log --json byte for byte,
// the report's text; the data folder, the journal and the replaced report
// on Windows paths.
func wineCommands(t *testing.T, w *winRun) {
	w.t = t
	w.buildApp(t)
	bin := buildBinary(t)
	cfg := t.TempDir()
	tmp := t.TempDir()

	// check: the same verdicts (the paths as each system writes them).
	e2e, _ := filepath.Abs(filepath.Join("testdata", "e2e.toml"))
	big3, _ := filepath.Abs(filepath.Join("..", "..", "assets", "big3.toml"))
	got := w.must("check", winePath(e2e), winePath(big3))
	want := linux(t, bin, cfg, "check", e2e, big3)
	if strings.NewReplacer(winePath(e2e), e2e, winePath(big3), big3).Replace(got) != want {
		t.Errorf("check:\nWindows %q\nLinux   %q", got, want)
	}

	// plan --json: byte-equal for the shipped routines.
	empty := filepath.Join(tmp, "no-data")
	for _, args := range [][]string{{}, {"--routine", big3}} {
		wargs := []string{"plan", "--json", "--data", winePath(empty)}
		largs := []string{"plan", "--json", "--data", empty}
		if len(args) > 0 {
			wargs, largs = append(wargs, args[0], winePath(args[1])), append(largs, args...)
		}
		if got, want := w.must(wargs...), linux(t, bin, cfg, largs...); got != want {
			t.Errorf("plan --json %v: Windows and Linux differ (%d and %d bytes)", args, len(got), len(want))
		}
	}
	// A routine file of one's own: the same steps and cues (the spoken
	// names of its own moves may differ: each system's synthesizer).
	type planJSON struct {
		Steps []json.RawMessage `json:"steps"`
		Cues  []json.RawMessage `json:"cues"`
	}
	var wp, lp planJSON
	if err := json.Unmarshal([]byte(w.must("plan", "--json", "--routine", winePath(e2e))), &wp); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(linux(t, bin, cfg, "plan", "--json", "--routine", e2e)), &lp); err != nil {
		t.Fatal(err)
	}
	if len(wp.Steps) == 0 || !reflect.DeepEqual(wp.Steps, lp.Steps) || !reflect.DeepEqual(wp.Cues, lp.Cues) {
		t.Errorf("plan --json of %s: %d/%d steps, %d/%d cues, not equal", e2e, len(wp.Steps), len(lp.Steps), len(wp.Cues), len(lp.Cues))
	}

	// render: the same samples (the built-in routine's recorded voice).
	wwav, lwav := filepath.Join(tmp, "win.wav"), filepath.Join(tmp, "linux.wav")
	w.must("render", "--moves", "mcgill-curl-up", "--out", winePath(wwav))
	linux(t, bin, cfg, "render", "--moves", "mcgill-curl-up", "--out", lwav)
	ws, ls := wavSamples(t, wwav), wavSamples(t, lwav)
	if len(ws) == 0 || !bytes.Equal(ws, ls) {
		t.Errorf("render: %d bytes of samples on Windows, %d on Linux, not equal", len(ws), len(ls))
	}

	// log --json and report on the same journal, read from a Windows path.
	data := flareJournal(t)
	// The journal's path is each system's own.
	jsonText := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	journalPath := filepath.Join(data, "journal.jsonl")
	if got, want := strings.ReplaceAll(w.must("log", "--json", "--days", "60", "--data", winePath(data)),
		jsonText(winePath(journalPath)), jsonText(journalPath)),
		linux(t, bin, cfg, "log", "--json", "--days", "60", "--data", data); got != want {
		t.Errorf("log --json: Windows and Linux differ:\n%s\n%s", got, want)
	}
	wpdf, lpdf := filepath.Join(tmp, "win.pdf"), filepath.Join(tmp, "linux.pdf")
	period := []string{"--from", "2026-11-01", "--to", "2026-11-30", "--paper", "a4"}
	w.must(append([]string{"report", "--data", winePath(data), "--out", winePath(wpdf)}, period...)...)
	linux(t, bin, cfg, append([]string{"report", "--data", data, "--out", lpdf}, period...)...)
	if got, want := withoutMade(pdfText(t, wpdf)), withoutMade(pdfText(t, lpdf)); got != want || !strings.Contains(got, "W-Rows") {
		t.Errorf("report: the PDFs' texts differ:\n--- Windows\n%s\n--- Linux\n%s", got, want)
	}
	// Atomic replace on Windows: a second report replaces the first, and
	// leaves no temporary file; a file that is not a report is left alone.
	before, _ := os.Stat(wpdf)
	w.must(append([]string{"report", "--data", winePath(data), "--out", winePath(wpdf)}, period...)...)
	if after, err := os.Stat(wpdf); err != nil || os.SameFile(before, after) {
		t.Errorf("the second report did not replace the first: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	letter := filepath.Join(tmp, "letter.pdf")
	if err := os.WriteFile(letter, []byte("a letter"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := w.run(append([]string{"report", "--data", winePath(data), "--out", winePath(letter)}, period...)...); code != 1 ||
		!strings.Contains(errOut, "is not a report written by Spine Routine") {
		t.Errorf("report over a letter: exit %d, %q", code, errOut)
	}

	// The default data folder is %AppData%\fyne\<app ID>: a level set in
	// its journal is the level plan uses there, as Linux's plan reads it.
	folder := filepath.Join(w.appData, "fyne", appID)
	writeLevel(t, folder, "mcgill-curl-up", 1)
	got = w.must("plan", "--json", "--moves", "mcgill-curl-up")
	if want := linux(t, bin, cfg, "plan", "--json", "--moves", "mcgill-curl-up", "--data", folder); got != want ||
		got == linux(t, bin, cfg, "plan", "--json", "--moves", "mcgill-curl-up", "--data", empty) {
		t.Errorf("plan in the default data folder %s: not the plan of its level 1:\n%s", folder, got)
	}
}

// wineSAPI runs the voice's SAPI test cross-compiled for Windows: a
// move's name spoken by SAPI into the cache, or skipped with why SAPI
// cannot speak (Wine 8: SpVoice is made, but GetVoices answers "Not
// implemented"; the app then says so and uses tones).
func wineSAPI(t *testing.T, w *winRun) {
	w.t = t
	exe := filepath.Join(w.dir, "cue.test.exe")
	build := exec.Command("go", "test", "-c", "-o", exe, "spineroutine/internal/cue")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go test -c for Windows: %v\n%s", err, out)
	}
	app := w.exe
	w.exe = exe
	defer func() { w.exe = app }()
	out, errOut, code := w.run("-test.run", "TestSAPISpeaksAName$", "-test.v")
	if code != 0 || !strings.Contains(out, "--- ") {
		t.Fatalf("the SAPI test under Wine: exit %d\n%s%s", code, out, errOut)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "SAPI") || strings.HasPrefix(line, "--- ") {
			t.Log(strings.TrimSpace(line))
		}
	}
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

// withoutMade drops the line that says when a report was made.
func withoutMade(text string) string {
	var keep []string
	for _, line := range strings.Split(text, "\n") {
		if !strings.Contains(line, "Made ") && !strings.Contains(line, "made ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// writeLevel writes a journal in dir with one level entry for today.
func writeLevel(t *testing.T, dir, move string, level int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	line := fmt.Sprintf(`{"v":1,"ts":%q,"day":%q,"kind":"level","move":%q,"src":"hand","level":%d}`+"\n",
		now.Format(time.RFC3339), now.Format("2006-01-02"), move, level)
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
}

// wavSamples returns the bytes of the data chunk of the WAV file at path.
func wavSamples(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatalf("%s is not a WAV file", path)
	}
	for i := 12; i+8 <= len(b); {
		id, size := string(b[i:i+4]), int(binary.LittleEndian.Uint32(b[i+4:i+8]))
		if id == "data" {
			return b[i+8 : min(i+8+size, len(b))]
		}
		i += 8 + size + size%2
	}
	t.Fatalf("%s has no data chunk", path)
	return nil
}
