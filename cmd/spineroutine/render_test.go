package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/faiface/beep/wav"

	"spineroutine/internal/cue"
	"spineroutine/internal/figure"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// readWAVFile decodes a rendered WAV (left channel) and checks its format.
func readWAVFile(t *testing.T, path string) []float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, format, err := wav.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if format != cue.RenderFormat {
		t.Fatalf("format %+v, want %+v", format, cue.RenderFormat)
	}
	var out []float64
	buf := make([][2]float64, 4096)
	for {
		n, ok := s.Stream(buf)
		for _, x := range buf[:n] {
			out = append(out, x[0])
		}
		if !ok {
			return out
		}
	}
}

func TestRenderOnsets(t *testing.T) {
	out := filepath.Join(t.TempDir(), "e2e.wav")
	var stdout, stderr bytes.Buffer
	code := runRender([]string{"--routine", "testdata/e2e.toml", "--no-voice", "--out", out}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := "wrote " + out + " (00:30 of sound)\n"; stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout.String(), want)
	}
	x := readWAVFile(t, out)
	r, err := routine.Load("testdata/e2e.toml", figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	p, err := schedule.NewPlan(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Cues at one instant sound as one onset.
	var planned []time.Duration
	for _, c := range p.Cues {
		if len(planned) == 0 || planned[len(planned)-1] != c.At {
			planned = append(planned, c.At)
		}
	}
	onsets := cue.DetectOnsets(x, int(cue.SampleRate), 0.01, 80*time.Millisecond)
	if len(onsets) != len(planned) {
		t.Errorf("%d onsets for %d cue instants:\n%v\n%v", len(onsets), len(planned), onsets, planned)
	}
	for i := range min(len(onsets), len(planned)) {
		if d := onsets[i] - planned[i]; d < 0 || d > time.Millisecond {
			t.Errorf("cue at %v: onset at %v (off by %v)", planned[i], onsets[i], d)
		}
	}
}

func TestRenderWithVoice(t *testing.T) {
	out := filepath.Join(t.TempDir(), "voice.wav")
	var stdout, stderr bytes.Buffer
	if code := runRender([]string{"--routine", "testdata/e2e.toml", "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	silent := filepath.Join(t.TempDir(), "silent.wav")
	if code := runRender([]string{"--routine", "testdata/e2e.toml", "--no-voice", "--out", silent}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// The first hold starts at 3 s (start tone: 240 ms), then "Side Planks"
	// fills a silence the tones-only render leaves. (The 3-s get-ready
	// leaves no room for "Next: Side Planks" before the pips: skipped.)
	window := func(x []float64) (peak float64) {
		for _, v := range x[cue.SampleRate.N(3300*time.Millisecond):cue.SampleRate.N(3800*time.Millisecond)] {
			peak = max(peak, v, -v)
		}
		return peak
	}
	voiced, tones := readWAVFile(t, out), readWAVFile(t, silent)
	// "done, well done" rings past the end of the plan.
	if len(voiced) <= len(tones) {
		t.Errorf("voice render %d samples, tones only %d: want longer", len(voiced), len(tones))
	}
	if pv, pt := window(voiced), window(tones); pv < 0.1 || pt != 0 {
		t.Errorf("3.3..3.8 s: peak %.3f with voice, %.3f without: want a prompt only with voice", pv, pt)
	}
}

func TestRenderErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no out", []string{"--no-voice"}, 2, "--out FILE.wav is required"},
		{"missing dir", []string{"--no-voice", "--out", filepath.Join(dir, "nope", "x.wav")}, 1, "nope/x.wav"},
		{"out is a directory", []string{"--no-voice", "--out", dir}, 1, dir},
		{"unknown move", []string{"--moves", "bird-dogs,flying", "--out", filepath.Join(dir, "x.wav")}, 1, "unknown move id(s): flying"},
		{"stray argument", []string{"--out", filepath.Join(dir, "x.wav"), "extra"}, 2, `unexpected argument "extra"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := runRender(c.args, &stdout, &stderr); code != c.code {
				t.Errorf("exit %d, want %d", code, c.code)
			}
			if !strings.Contains(stderr.String(), c.stderr) {
				t.Errorf("stderr %q, want it to mention %q", stderr.String(), c.stderr)
			}
			if strings.Contains(stderr.String(), ".tmp") {
				t.Errorf("stderr %q names a temporary file", stderr.String())
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout %q, want nothing", stdout.String())
			}
			// No partial or temporary file is left behind.
			left, _ := filepath.Glob(filepath.Join(dir, "*"))
			hidden, _ := filepath.Glob(filepath.Join(dir, ".*"))
			if len(left)+len(hidden) > 0 {
				t.Errorf("files left: %v %v", left, hidden)
			}
		})
	}
}

// TestRenderReplacesOnlyItsOwnWAVFiles: an existing file is replaced only
// when it is a WAV file that render wrote, other regular files with
// --force, and devices, FIFOs and links are never followed or written.
func TestRenderReplacesOnlyItsOwnWAVFiles(t *testing.T) {
	dir := t.TempDir()
	wav := filepath.Join(dir, "old.wav")
	args := func(out string, more ...string) []string {
		return append([]string{"--routine", "testdata/e2e.toml", "--no-voice", "--out", out}, more...)
	}
	var stdout, stderr bytes.Buffer
	if code := runRender(args(wav), &stdout, &stderr); code != 0 {
		t.Fatalf("first render: exit %d: %s", code, stderr.String())
	}
	if code := runRender(args(wav), &stdout, &stderr); code != 0 {
		t.Errorf("replacing its own WAV: exit %d: %s", code, stderr.String())
	}

	routineText := "name = \"Mine\"\n"
	toml := filepath.Join(dir, "my-routine.toml")
	must(t, os.WriteFile(toml, []byte(routineText), 0o600))
	otherWAV := filepath.Join(dir, "mono.wav") // a WAV of another format
	mono := []byte("RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x44\xac\x00\x00\x88\x58\x01\x00\x02\x00\x10\x00")
	must(t, os.WriteFile(otherWAV, mono, 0o600))
	fifo := filepath.Join(dir, "fifo.wav")
	must(t, syscall.Mkfifo(fifo, 0o600))
	link := filepath.Join(dir, "null.wav")
	must(t, os.Symlink("/dev/null", link))
	for _, c := range []struct{ path, want string }{
		{toml, "exists and is not a WAV file written by render"},
		{otherWAV, "exists and is not a WAV file written by render"},
		{fifo, "is a named pipe (FIFO), not a WAV file"},
		{link, "is a symbolic link, not a WAV file"},
		{"/dev/null", "is a device, not a WAV file"},
	} {
		stderr.Reset()
		if code := runRender(args(c.path), &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), c.path+" "+c.want) ||
			!strings.Contains(stderr.String(), "--force") {
			t.Errorf("%s: exit %d, stderr %q", c.path, code, stderr.String())
		}
	}
	if got, _ := os.ReadFile(toml); string(got) != routineText {
		t.Errorf("the routine file was changed: %q", got)
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Fatalf("/dev/null: %v %v", fi, err)
	}
	// --force replaces a regular file, and a link by a file (not its target).
	for _, p := range []string{toml, link} {
		if code := runRender(args(p, "--force"), &stdout, &stderr); code != 0 {
			t.Errorf("--force %s: exit %d: %s", p, code, stderr.String())
		}
		if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("--force %s: %v %v", p, fi, err)
		}
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Errorf("/dev/null is no longer a device: %v %v", fi, err)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
