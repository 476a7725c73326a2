package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"spineroutine/internal/cue"
	"spineroutine/internal/sound/pulsetest"
)

// The end-to-end tests run the real binary on a private Xvfb display with a
// private PulseAudio server whose null sink is recorded, and check what a
// person beside the mat would see and hear. They need Xvfb, PulseAudio,
// ImageMagick and tesseract (scripts/setup.sh test installs them) and skip
// with one line where those are missing. Set SPINEROUTINE_KEEP=DIR to keep
// the screenshots and the recording in DIR.

const e2eRoutine = "testdata/e2e.toml"

// planJSON is the part of `spineroutine plan --json` the tests read.
type planJSON struct {
	Total float64 `json:"total_s"`
	Steps []struct {
		Start float64 `json:"start_s"`
		Dur   float64 `json:"dur_s"`
		Kind  string  `json:"kind"`
		Move  string  `json:"move"`
		Side  string  `json:"side"`
	} `json:"steps"`
	Cues []struct {
		At   float64 `json:"at_s"`
		Kind string  `json:"kind"`
		Move string  `json:"move"`
	} `json:"cues"`
}

// logJSON is the part of `spineroutine log --json` the tests read.
type logJSON struct {
	Today string `json:"today"`
	Days  []struct {
		Date string   `json:"date"`
		Done []string `json:"done"`
	} `json:"days"`
}

// runCLI runs a subcommand in-process and decodes its JSON output.
func runCLI(t *testing.T, v any, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("spineroutine %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), v); err != nil {
		t.Fatalf("spineroutine %s: %v\n%s", strings.Join(args, " "), err, stdout.String())
	}
}

// keepDir is where screenshots and recordings go.
func keepDir(t *testing.T) string {
	if d := os.Getenv("SPINEROUTINE_KEEP"); d != "" {
		d = filepath.Join(d, strings.ReplaceAll(t.Name(), "/", "_"))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// recorder records the null sink's monitor with parec: 44.1 kHz mono s16le.
type recorder struct {
	cmd   *exec.Cmd
	path  string
	start time.Time // when parec was started
}

func record(t *testing.T, env []string, monitor, path string) *recorder {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("parec", "-d", monitor, "--format=s16le", "--rate=44100", "--channels=1", "--latency-msec=20")
	cmd.Env = env
	cmd.Stdout = f
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("parec: %v", err)
	}
	r := &recorder{cmd: cmd, path: path, start: time.Now()}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
		f.Close()
	})
	// parec needs a moment before it records.
	time.Sleep(1500 * time.Millisecond)
	return r
}

// samples stops nothing; it reads what was recorded so far.
func (r *recorder) samples(t *testing.T) []float64 {
	t.Helper()
	raw, err := os.ReadFile(r.path)
	if err != nil {
		t.Fatal(err)
	}
	s := make([]float64, len(raw)/2)
	for i := range s {
		s[i] = float64(int16(binary.LittleEndian.Uint16(raw[2*i:]))) / 32768
	}
	return s
}

// waitFirstSound polls the recording until the first sound, and returns
// its wall-clock instant (the recording's start plus its sample offset).
func (r *recorder) waitFirstSound(t *testing.T, limit time.Duration) time.Time {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		s := r.samples(t)
		if on := cue.DetectOnsets(s, 44100, 0.002, 80*time.Millisecond); len(on) > 0 {
			// Samples are recorded from a little after parec starts; the
			// estimate only places screenshots, it is not a measured figure.
			return r.start.Add(on[0])
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no sound recorded within %v", limit)
	return time.Time{}
}

// windowTitle returns the title of the app's window, via xdotool.
func windowTitle(display string) string {
	cmd := exec.Command("xdotool", "search", "--name", "Spine Routine", "getwindowname")
	cmd.Env = []string{"DISPLAY=" + display, "PATH=" + os.Getenv("PATH")}
	out, _ := cmd.Output()
	return strings.TrimSpace(string(out))
}

// waitTitle polls the window title until it matches re.
func waitTitle(t *testing.T, display string, re *regexp.Regexp, limit time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(limit)
	last := ""
	for time.Now().Before(deadline) {
		if last = windowTitle(display); re.MatchString(last) {
			return last
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("window title %q never matched %v", last, re)
	return ""
}

// onsetCheck compares the onsets of a recording with the planned cues,
// relative to the first of each. Every planned cue instant must have an
// onset within tol; every onset must fall inside the sound of some cue (its
// instant up to span after it): nothing is heard where nothing is planned.
// It returns the errors of the matched onsets.
func onsetCheck(t *testing.T, planned []time.Duration, heard []time.Duration, tol, span time.Duration) []time.Duration {
	t.Helper()
	if len(heard) == 0 || len(planned) == 0 {
		t.Fatalf("heard %d onsets, planned %d cues", len(heard), len(planned))
	}
	base := heard[0]
	var errs []time.Duration
	for _, p := range planned {
		best := time.Hour
		for _, h := range heard {
			if d := (h - base) - p; d.Abs() < best.Abs() {
				best = d
			}
		}
		if best.Abs() > tol {
			t.Errorf("cue at %v: nearest onset off by %v (tolerance %v)", p, best, tol)
			continue
		}
		errs = append(errs, best)
	}
	for _, h := range heard {
		rel := h - base
		ok := false
		for _, p := range planned {
			if rel >= p-tol && rel <= p+span {
				ok = true
				break
			}
		}
		if !ok {
			t.Errorf("a sound at %v where no cue is planned", rel)
		}
	}
	return errs
}

// uniqueInstants returns the distinct cue instants of a plan, as durations.
func uniqueInstants(p planJSON) []time.Duration {
	seen := map[int64]bool{}
	var out []time.Duration
	for _, c := range p.Cues {
		ms := int64(c.At*1000 + 0.5)
		if !seen[ms] {
			seen[ms] = true
			out = append(out, time.Duration(ms)*time.Millisecond)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func median(d []time.Duration) (med, worst time.Duration) {
	a := make([]time.Duration, len(d))
	for i, x := range d {
		a[i] = x.Abs()
	}
	sort.Slice(a, func(i, j int) bool { return a[i] < a[j] })
	if len(a) == 0 {
		return 0, 0
	}
	return a[len(a)/2], a[len(a)-1]
}

// contains reports whether the OCR text holds want, ignoring case and
// runs of white space.
func contains(text, want string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	return strings.Contains(norm(text), norm(want))
}

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb", "pulseaudio", "parec", "pactl", "import", "tesseract", "xdotool")
	bin := buildBinary(t)
	x := startXvfb(t)

	var plan planJSON
	runCLI(t, &plan, "plan", "--routine", e2eRoutine, "--json")

	t.Run("routine", func(t *testing.T) {
		paEnv, monitor, _ := pulsetest.Start(t)
		home, data, keep := t.TempDir(), t.TempDir(), keepDir(t)
		env := append(baseEnv(x.display, home), paEnv...)
		rec := record(t, env, monitor, filepath.Join(keep, "sink.raw"))

		a := startApp(t, bin, env, "--start", "--routine", e2eRoutine, "--data", data)
		first := rec.waitFirstSound(t, 30*time.Second)

		// Screenshots in the middle of chosen steps: the first hold (left
		// side), the rest before the second move, and the end.
		at := func(offset float64) time.Time {
			return first.Add(time.Duration(offset * float64(time.Second)))
		}
		var workLeft, rest float64 = -1, -1
		for _, s := range plan.Steps {
			if s.Kind == "work" && s.Side == "left" && workLeft < 0 {
				workLeft = s.Start + s.Dur/2
			}
			if s.Kind == "rest" && rest < 0 {
				rest = s.Start + s.Dur/2
			}
		}
		shots := []struct {
			name   string
			offset float64
			want   []string
		}{
			{"work-left", workLeft, []string{"Side Planks", "LEFT"}},
			{"rest", rest, []string{"REST", "Bird Dogs"}},
		}
		for _, s := range shots {
			time.Sleep(time.Until(at(s.offset)))
			x.screenshot(t, keep, s.name)
			if s.name == "work-left" {
				title := windowTitle(x.display)
				if !regexp.MustCompile(`^0:0[1-4] · Side Planks — Spine Routine$`).MatchString(title) {
					t.Errorf("window title during the first hold: %q", title)
				}
			}
		}
		// Wait for the end of the routine plus the last sound.
		time.Sleep(time.Until(at(plan.Total + 3)))
		x.screenshot(t, keep, "end")

		for _, s := range shots {
			text := ocr(t, keep, s.name)
			for _, w := range s.want {
				if !contains(text, w) {
					t.Errorf("screenshot %s: %q not found in the text on screen:\n%s", s.name, w, text)
				}
			}
		}

		// What was heard.
		heard := cue.DetectOnsets(rec.samples(t), 44100, 0.002, 80*time.Millisecond)
		errs := onsetCheck(t, uniqueInstants(plan), heard, 15*time.Millisecond, 2500*time.Millisecond)
		med, worst := median(errs)
		t.Logf("FIGURE onset_ms median=%.1f worst=%.1f (%d cues)", float64(med)/1e6, float64(worst)/1e6, len(errs))

		a.kill(syscall.SIGTERM)
		// What the journal holds.
		var log logJSON
		runCLI(t, &log, "log", "--json", "--data", data)
		var today []string
		for _, d := range log.Days {
			if d.Date == log.Today {
				today = d.Done
			}
		}
		sort.Strings(today)
		if got, want := strings.Join(today, ","), "bird-dogs,side-planks"; got != want {
			t.Errorf("journal after the run: done today = %q, want %q", got, want)
		}
	})

	t.Run("kill-and-resume", func(t *testing.T) {
		paEnv, monitor, _ := pulsetest.Start(t)
		home, data, keep := t.TempDir(), t.TempDir(), keepDir(t)
		env := append(baseEnv(x.display, home), paEnv...)
		rec := record(t, env, monitor, filepath.Join(keep, "sink.raw"))
		a := startApp(t, bin, env, "--start", "--routine", e2eRoutine, "--data", data)
		first := rec.waitFirstSound(t, 30*time.Second)
		// Kill it in the rest after the first move: Side Planks is done.
		var rest float64
		for _, s := range plan.Steps {
			if s.Kind == "rest" {
				rest = s.Start + 1
				break
			}
		}
		time.Sleep(time.Until(first.Add(time.Duration(rest * float64(time.Second)))))
		a.kill(syscall.SIGKILL)

		var log logJSON
		runCLI(t, &log, "log", "--json", "--data", data)
		if len(log.Days) == 0 || log.Days[0].Date != log.Today || strings.Join(log.Days[0].Done, ",") != "side-planks" {
			t.Errorf("after SIGKILL: log = %+v, want side-planks done today", log)
		}
		// Started again: the tick is still there and it offers to resume.
		startApp(t, bin, env, "--routine", e2eRoutine, "--data", data)
		waitTitle(t, x.display, regexp.MustCompile(`Spine Routine`), 30*time.Second)
		time.Sleep(2 * time.Second)
		x.screenshot(t, keep, "restarted")
		text := ocr(t, keep, "restarted")
		if !contains(text, "Resume") {
			t.Errorf("after a restart the window offers no resume:\n%s", text)
		}
	})

	t.Run("no-audio", func(t *testing.T) {
		home, data, keep := t.TempDir(), t.TempDir(), keepDir(t)
		// ALSA is routed to PulseAudio, as on a desktop, but no server runs.
		if err := os.WriteFile(filepath.Join(home, ".asoundrc"), []byte("pcm.!default { type pulse }\nctl.!default { type pulse }\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		env := append(baseEnv(x.display, home), "PULSE_SERVER=unix:"+filepath.Join(home, "no-such-socket"))
		a := startApp(t, bin, env, "--start", "--routine", e2eRoutine, "--data", data)
		waitTitle(t, x.display, regexp.MustCompile(`^\d:\d\d · `), 30*time.Second)
		time.Sleep(3 * time.Second)
		x.screenshot(t, keep, "no-audio")
		text := ocr(t, keep, "no-audio")
		if !contains(text, "No sound") {
			t.Errorf("no audio notice on screen:\n%s", text)
		}
		// The session still runs: the title counts down.
		t1 := windowTitle(x.display)
		time.Sleep(1500 * time.Millisecond)
		if t2 := windowTitle(x.display); t1 == t2 {
			t.Errorf("the countdown stopped without audio: title %q", t2)
		}
		a.kill(syscall.SIGTERM)
	})

	t.Run("broken-routine", func(t *testing.T) {
		home, data, keep := t.TempDir(), t.TempDir(), keepDir(t)
		bad := filepath.Join(home, "broken.toml")
		if err := os.WriteFile(bad, []byte("name = \"Broken\"\n\n[[move]]\nid = \"Bad Id\"\nname = \"X\"\nfocus = \"stability\"\nhold = 10\ntempo = [1, 2]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		env := baseEnv(x.display, home)
		a := startApp(t, bin, env, "--routine", bad, "--data", data)
		waitTitle(t, x.display, regexp.MustCompile(`Spine Routine`), 30*time.Second)
		time.Sleep(2 * time.Second)
		x.screenshot(t, keep, "broken")
		text := ocr(t, keep, "broken")
		for _, w := range []string{"broken.toml", "Overhead Band Stretch"} {
			if !contains(text, w) {
				t.Errorf("broken routine: %q not on screen:\n%s", w, text)
			}
		}
		a.kill(syscall.SIGTERM)
	})
}
