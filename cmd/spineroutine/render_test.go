package main

import (
	"bytes"
	"encoding/json"
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

// TestRenderSpeaksWherePlanned: under each LANG, the voice in render's
// track (the track less the same render without voice, where a tick left
// out under a prompt remains: those outside the prompts are not counted)
// begins where plan --json places each prompt, in that language, sounds for
// its planned length, and is silent everywhere else.
func TestRenderSpeaksWherePlanned(t *testing.T) {
	for _, locale := range []string{"C.UTF-8", "de_DE.UTF-8", "es_ES.UTF-8", "fr_FR.UTF-8"} {
		t.Run(locale, func(t *testing.T) {
			setLang(t, locale)
			dir := t.TempDir()
			args := func(out string, more ...string) []string {
				return append([]string{"--routine", "testdata/e2e.toml", "--out", out}, more...)
			}
			var stdout, stderr bytes.Buffer
			voicedWAV, tonesWAV := filepath.Join(dir, "voiced.wav"), filepath.Join(dir, "tones.wav")
			if runRender(args(voicedWAV), &stdout, &stderr) != 0 || runRender(args(tonesWAV, "--no-voice"), &stdout, &stderr) != 0 {
				t.Fatalf("render: %s", stderr.String())
			}
			stdout.Reset()
			if code := runPlan([]string{"--routine", "testdata/e2e.toml", "--json"}, &stdout, &stderr); code != 0 {
				t.Fatalf("plan: exit %d: %s", code, stderr.String())
			}
			var plan struct {
				Cues []struct {
					At   float64 `json:"at_s"`
					Kind string  `json:"kind"`
				} `json:"cues"`
				Spoken []struct {
					At   float64 `json:"at_s"`
					Len  float64 `json:"len_s"`
					Text string  `json:"text"`
				} `json:"spoken"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &plan); err != nil {
				t.Fatal(err)
			}
			voiced, tones := readWAVFile(t, voicedWAV), readWAVFile(t, tonesWAV)
			voice := make([]float64, len(voiced))
			for i, v := range voiced {
				if i < len(tones) {
					v -= tones[i]
				}
				voice[i] = v
			}
			n := func(s float64) int { return min(max(int(s*float64(cue.SampleRate)+0.5), 0), len(voice)) }
			inPrompt := make([]bool, len(voice))
			for _, sp := range plan.Spoken {
				for i := n(sp.At); i < n(sp.At+sp.Len); i++ {
					inPrompt[i] = true
				}
			}
			for _, c := range plan.Cues {
				if c.Kind != "rep" && c.Kind != "tempo" {
					continue
				}
				for i := n(c.At); i < n(c.At+0.07); i++ {
					if !inPrompt[i] {
						voice[i] = 0 // the tick of the voiceless render
					}
				}
			}
			loud := func(i int) bool { return voice[i] > 0.002 || voice[i] < -0.002 }
			said := make([]bool, len(voice))
			for _, sp := range plan.Spoken {
				from, to := n(sp.At-0.005), n(sp.At+sp.Len+0.005)
				first, last := -1, -1
				for i := from; i < to; i++ {
					said[i] = true
					if loud(i) {
						if first < 0 {
							first = i
						}
						last = i
					}
				}
				if first < 0 {
					t.Errorf("%q at %.3f s: no speech", sp.Text, sp.At)
					continue
				}
				if d := float64(first)/float64(cue.SampleRate) - sp.At; d < -0.002 || d > 0.01 {
					t.Errorf("%q: speech begins %.3f s after its planned %.3f s", sp.Text, d, sp.At)
				}
				if got := float64(last-first) / float64(cue.SampleRate); got < 0.95*sp.Len {
					t.Errorf("%q: speech lasts %.3f s of its planned %.3f s", sp.Text, got, sp.Len)
				}
			}
			for i := range voice {
				if loud(i) && !said[i] {
					t.Errorf("speech at %.3f s where no prompt is planned", float64(i)/float64(cue.SampleRate))
					break
				}
			}
			if len(plan.Spoken) < 5 {
				t.Errorf("%d prompts planned: %+v", len(plan.Spoken), plan.Spoken)
			}
		})
	}
}
