package widgets

import (
	"fmt"
	"testing"
	"time"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// textKey is the part of Fyne's text texture cache key that the app controls.
type textKey struct {
	text  string
	size  float32
	color color.Color
}

// drawnTexts returns the (text, size, colour) of every visible glyph of
// the countdown: what the painter would look up in its texture cache.
func drawnTexts(c *Countdown) []textKey {
	var out []textKey
	for _, o := range test.WidgetRenderer(c).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Visible() {
			out = append(out, textKey{text: t.Text, size: t.TextSize, color: t.Color})
		}
	}
	return out
}

func TestFormatClock(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0:00"},
		{-time.Second, "0:00"},
		{time.Millisecond, "0:01"},
		{26200 * time.Millisecond, "0:27"},
		{27 * time.Second, "0:27"},
		{59*time.Second + time.Millisecond, "1:00"},
		{9*time.Minute + 59*time.Second, "9:59"},
		{10 * time.Minute, "10:00"},
		{59*time.Minute + 59*time.Second, "59:59"},
		{time.Hour, "1:00:00"},
		{3*time.Hour + 4*time.Minute + 5*time.Second, "3:04:05"},
	}
	for _, tt := range tests {
		if got := FormatClock(tt.d); got != tt.want {
			t.Errorf("FormatClock(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestQuantize(t *testing.T) {
	tests := []struct{ in, want float32 }{
		{0, 12}, {12, 12}, {13.9, 12}, {100, 96}, {1000, 608}, {300, 272},
	}
	for _, tt := range tests {
		if got := Quantize(tt.in); got != tt.want {
			t.Errorf("Quantize(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// simulateTextures runs a countdown from length to zero in 100 ms steps at
// each window size and returns the distinct (text, size, colour) the
// countdown drew, and the number of draws.
func simulateTextures(t testing.TB, length time.Duration, sizes []fyne.Size) (map[textKey]bool, int) {
	c := NewCountdown()
	w := test.NewWindow(c)
	defer w.Close()
	seen := map[textKey]bool{}
	draws := 0
	for _, s := range sizes {
		w.Resize(s)
		c.Resize(s)
		for _, fg := range []color.Color{color.White, color.Black} {
			c.SetColor(fg)
			for d := length; d >= 0; d -= 100 * time.Millisecond {
				c.SetRemaining(d)
				for _, k := range drawnTexts(c) {
					seen[k] = true
					draws++
				}
			}
		}
	}
	return seen, draws
}

// TestCountdownTexturesStayFew is the memory guard: over a 10-minute
// countdown, the countdown draws only glyphs of the fixed set, at one size
// per window size and text length, and one colour per phase palette.
func TestCountdownTexturesStayFew(t *testing.T) {
	test.NewTempApp(t)
	sizes := []fyne.Size{{Width: 800, Height: 300}}
	seen, draws := simulateTextures(t, 10*time.Minute, sizes)
	for k := range seen {
		if glyphIndex(k.text[0]) == 10 && k.text != ":" || len(k.text) != 1 {
			t.Errorf("drew %q, want one glyph", k.text)
		}
	}
	// 11 glyphs × 2 sizes ("10:00" and "9:59" fill the width differently)
	// × 2 colours (the light and dark text of the phases) at most.
	if len(seen) > 44 {
		t.Errorf("distinct textures = %d over %d draws, want <= 44", len(seen), draws)
	}
	sizesUsed := map[float32]bool{}
	for k := range seen {
		sizesUsed[k.size] = true
	}
	if len(sizesUsed) > 2 {
		t.Errorf("sizes used = %v, want one per text length", sizesUsed)
	}
	t.Logf("10-minute countdown: %d draws of glyphs, %d distinct (text, size, colour)", draws, len(seen))
}

// TestCountdownFillsBox checks that the digits use the space given: the text
// size grows with the box and the digits are as tall as most of it.
func TestCountdownFillsBox(t *testing.T) {
	test.NewTempApp(t)
	c := NewCountdown()
	w := test.NewWindow(c)
	defer w.Close()
	r := test.WidgetRenderer(c).(*countdownRenderer)
	prev := float32(0)
	for _, h := range []float32{120, 240, 360, 480} {
		w.Resize(fyne.NewSize(h*3, h))
		c.Resize(fyne.NewSize(h*3, h))
		c.SetRemaining(27 * time.Second)
		if r.size <= prev {
			t.Errorf("height %v: size %v, want more than %v", h, r.size, prev)
		}
		if dh := digitHeight * r.size; dh < 0.75*h || dh > h {
			t.Errorf("height %v: digits %v high, want 75-100 %% of the box", h, dh)
		}
		prev = r.size
	}
}

// BenchmarkCountdownTextures reports the distinct text textures a
// 10-minute countdown draws while the window is resized through many sizes.
func BenchmarkCountdownTextures(b *testing.B) {
	test.NewTempApp(b)
	var sizes []fyne.Size
	for h := float32(300); h <= 1200; h += 7 { // a slow drag of a window edge
		sizes = append(sizes, fyne.NewSize(h*1.6, h*0.5))
	}
	var seen map[textKey]bool
	var draws int
	for i := 0; i < b.N; i++ {
		seen, draws = simulateTextures(b, 10*time.Minute, sizes)
	}
	sz := map[float32]bool{}
	for k := range seen {
		sz[k.size] = true
	}
	b.ReportMetric(float64(len(seen)), "textures")
	b.ReportMetric(float64(len(sz)), "sizes")
	b.ReportMetric(float64(draws), "glyph-draws")
	_ = fmt.Sprint()
}
