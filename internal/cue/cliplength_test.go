package cue

import (
	"context"
	"os/exec"
	"path/filepath"
	"spineroutine/internal/i18n"
	"strings"
	"testing"
	"time"
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
	say := synthesizer{tag: "test", say: func(ctx context.Context, text, out string) error {
		return exec.CommandContext(ctx, bin, "-v", rec.Espeak, "-s", espeakSpeed, "-w", out, text).Run()
	}}
	var worst float64 = 1
	var worstName string
	for _, c := range rec.Clips {
		s, err := spoken(say, c.Text, dir)
		if err != nil {
			t.Fatalf("%s %s: %v", lang, c.Name, err)
		}
		want := SampleRate.D(len(s))
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
