package cue

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"spineroutine/internal/i18n"
	"strings"
	"testing"
	"time"

	"github.com/faiface/beep/wav"
)

// TestClipLengthFitsItsText: every embedded clip of every language lasts
// as long as its text (the clip's entry in assets/lang/voice.<lang>.json,
// or its number word) takes espeak-ng to say at the same speed, now: the
// espeak-ng clips (de, es, fr) within ±15 % (a clip left over from an
// earlier text, or another clip's, fails), Festival's English ones
// within 0.4..1.5 times (another voice, a faster pace: 0.5 to 1.1 here).
func TestClipLengthFitsItsText(t *testing.T) {
	bin, err := exec.LookPath("espeak-ng")
	if err != nil {
		t.Skip("espeak-ng is not installed")
	}
	dir := t.TempDir()
	for _, lang := range i18n.Supported {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			checkClipLengths(t, bin, lang, filepath.Join(dir, string(lang)))
		})
	}
}

func checkClipLengths(t *testing.T, bin string, lang i18n.Lang, dir string) {
	rec, err := RecordingOf(lang)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := 0.85, 1.15
	if rec.Festival != "" {
		lo, hi = 0.4, 1.5
	}
	v, _ := LoadVoicesIn(lang, nil, "")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	var worst float64 = 1
	var worstName string
	for i, c := range rec.Clips {
		out := filepath.Join(dir, fmt.Sprintf("%d.wav", i))
		if b, err := exec.Command(bin, "-v", rec.Espeak, "-s", espeakSpeed, "-w", out, c.Text).CombinedOutput(); err != nil {
			t.Fatalf("%s %s: espeak-ng: %v\n%s", lang, c.Name, err, b)
		}
		want := speechLength(t, out)
		got := v.Duration(clipKey(c.Name))
		r := float64(got) / float64(want)
		if r < lo || r > hi {
			t.Errorf("%s %s: %v for %q, which takes %v to say (ratio %.2f, want %.2f..%.2f)",
				lang, c.Name, got.Round(time.Millisecond), c.Text, want.Round(time.Millisecond), r, lo, hi)
		}
		if d := r - 1; d*d > (worst-1)*(worst-1) {
			worst, worstName = r, c.Name
		}
	}
	t.Logf("%s: %d clips, the furthest from its text's length %s (ratio %.2f)", lang, len(rec.Clips), strings.TrimSpace(worstName), worst)
}

// speechLength returns how long the speech in the WAV file path lasts,
// measured at the file's own rate as toClip measures a clip: from the
// first to the last sample of 0.003 or more, with 5 ms kept on each side.
// Read so, without the resampling to SampleRate (which the race detector
// makes the slowest part of the whole package), it is also a measure
// independent of the app's decoding.
func speechLength(t *testing.T, path string) time.Duration {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, format, err := wav.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer st.Close()
	const quiet = 0.003
	a, b, n := -1, -1, 0
	buf := make([][2]float64, 4096)
	for {
		k, ok := st.Stream(buf)
		for i, x := range buf[:k] {
			if math.Abs((x[0]+x[1])/2) >= quiet {
				if a < 0 {
					a = n + i
				}
				b = n + i + 1
			}
		}
		n += k
		if !ok {
			break
		}
	}
	if err := st.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if a < 0 {
		t.Fatalf("%s: silent", path)
	}
	pad := format.SampleRate.N(5 * time.Millisecond)
	return format.SampleRate.D(min(n, b+pad) - max(0, a-pad))
}
