package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faiface/beep/wav"

	"spineroutine/internal/cue"
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
	r, err := routine.Load("testdata/e2e.toml")
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
