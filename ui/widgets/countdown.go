package widgets

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// glyphs is the only text the countdown ever draws: each character is its own
// canvas.Text whose Text is one of these constant strings. Fyne caches one
// texture per (string, size, style, colour) for a minute, so drawing
// "0:27", "0:26"... as whole strings would make a new big texture every
// second; drawing characters from this set keeps the cache at 11 entries per
// size and colour.
var glyphs = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ":"}

// glyphIndex returns the glyphs index of c (':' for anything else).
func glyphIndex(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return 10
}

// textSizes are the only sizes the countdown and the card's big texts use:
// a resize picks the largest step that fits, so dragging a window edge
// creates a handful of sizes, not one per pixel.
var textSizes = []float32{12, 14, 16, 18, 20, 24, 28, 32, 36, 40, 48, 56, 64, 72,
	84, 96, 112, 128, 144, 160, 184, 208, 240, 272, 304, 344, 384, 432, 480, 544, 608}

// Quantize returns the largest of textSizes not above s (the smallest one if
// s is below them all).
func Quantize(s float32) float32 {
	q := textSizes[0]
	for _, v := range textSizes {
		if v > s {
			break
		}
		q = v
	}
	return q
}

// maxChars is the longest text the countdown shows: "H:MM:SS".
const maxChars = 7

// countdownStyle is the style of the digits.
var countdownStyle = fyne.TextStyle{Bold: true}

// Countdown is a big clock face ("0:27") that fills the space it is given.
// It draws one canvas.Text per character from a fixed glyph set at a
// quantized size, so a running countdown never creates new text textures.
type Countdown struct {
	widget.BaseWidget

	chars string // only characters of glyphs
	fg    color.Color
}

// NewCountdown returns a countdown showing 0:00.
func NewCountdown() *Countdown {
	c := &Countdown{chars: "0:00", fg: color.White}
	c.ExtendBaseWidget(c)
	return c
}

// SetRemaining shows d rounded up to whole seconds (a step with 26.2 s left
// shows 0:27, so 0:00 appears only at the end).
func (c *Countdown) SetRemaining(d time.Duration) {
	c.set(FormatClock(d), c.fg)
}

// SetColor sets the colour of the digits.
func (c *Countdown) SetColor(fg color.Color) {
	c.set(c.chars, fg)
}

// Color returns the colour of the digits.
func (c *Countdown) Color() color.Color { return c.fg }

// Text returns the text shown, e.g. "0:27".
func (c *Countdown) Text() string { return c.chars }

func (c *Countdown) set(chars string, fg color.Color) {
	if chars == c.chars && fg == c.fg {
		return
	}
	c.chars, c.fg = chars, fg
	c.Refresh()
}

// FormatClock formats d, rounded up to the second, as M:SS, or H:MM:SS from
// one hour on. Negative durations show 0:00.
func FormatClock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	secs := int64((d + time.Second - 1) / time.Second)
	h, m, s := secs/3600, secs/60%60, secs%60
	buf := make([]byte, 0, maxChars)
	if h > 0 {
		buf = append(buf, byte('0'+h%10), ':', byte('0'+m/10))
	} else if m >= 10 {
		buf = append(buf, byte('0'+m/10))
	}
	buf = append(buf, byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10))
	return string(buf)
}

// CreateRenderer makes the renderer of the countdown.
func (c *Countdown) CreateRenderer() fyne.WidgetRenderer {
	r := &countdownRenderer{c: c}
	for i := range r.texts {
		r.texts[i] = canvas.NewText("", c.fg)
		r.texts[i].TextStyle = countdownStyle
		r.texts[i].Hidden = true
		r.objects[i] = r.texts[i]
	}
	r.Refresh()
	return r
}

type countdownRenderer struct {
	c       *Countdown
	texts   [maxChars]*canvas.Text
	objects [maxChars]fyne.CanvasObject

	size              float32 // quantized text size in use
	digitW, colonW, h float32 // cell sizes at that text size
	base              float32 // baseline from the top of a text's box
	laidFor           fyne.Size
}

// Destroy releases nothing: the renderer holds no resources.
func (r *countdownRenderer) Destroy() {}

// IsClip makes Fyne's GL painter clip the digits to the countdown's box
// (a scissor): a text is drawn as a texture of its whole line box, which
// has room for accents and descenders that digits never use, and the
// pixels outside the box are no longer shaded (at 1280x800, 0.32 -> 0.20
// million of a session frame's pixels).
func (r *countdownRenderer) IsClip() {}

// Objects returns the objects drawn.
func (r *countdownRenderer) Objects() []fyne.CanvasObject { return r.objects[:] }

// MinSize is the smallest size the layout or renderer accepts.
func (r *countdownRenderer) MinSize() fyne.Size {
	s := fyne.MeasureText("0:00", textSizes[0], countdownStyle)
	return s
}

// digitHeight is the height of the digits of the theme's bold font as a
// fraction of the text size (Noto Sans Bold: 0.714 em). The countdown sizes
// and centres the digits themselves, not the text's line box, which has
// room for accents and descenders that digits never use.
const digitHeight = 0.72

// measure picks the text size for the box and the cell widths at that size.
// The size depends on the number of characters shown (at least 4, "0:00"),
// so it changes only when that number does (10:00 to 9:59), not every
// second.
func (r *countdownRenderer) measure(box fyne.Size, n int) {
	// Glyph metrics scale linearly with the size: measure once at 100.
	const ref = 100
	dw := float32(0)
	for _, g := range glyphs[:10] {
		if w := fyne.MeasureText(g, ref, countdownStyle).Width; w > dw {
			dw = w
		}
	}
	cw := fyne.MeasureText(":", ref, countdownStyle).Width
	lh := fyne.MeasureText("0", ref, countdownStyle).Height
	_, base := fyne.CurrentApp().Driver().RenderedTextSize("0", ref, countdownStyle, nil)
	colons := 1
	if n > 5 {
		colons = 2
	}
	digits := max(n, 4) - colons
	wantW := float32(digits)*dw + float32(colons)*cw
	s := ref * min(0.96*box.Width/wantW, 0.92*box.Height/(digitHeight*ref))
	r.size = Quantize(s)
	k := r.size / ref
	r.digitW, r.colonW, r.h, r.base = dw*k, cw*k, lh*k, base*k
}

// Layout places the objects in the given size.
func (r *countdownRenderer) Layout(size fyne.Size) {
	r.laidFor = size
	r.measure(size, len(r.c.chars))
	chars := r.c.chars
	total := float32(0)
	for i := 0; i < len(chars); i++ {
		total += r.cellW(chars[i])
	}
	x := (size.Width - total) / 2
	// Centre the digits (from the baseline up digitHeight) in the box.
	y := size.Height/2 - r.base + digitHeight*r.size/2
	for i, t := range r.texts {
		if i >= len(chars) {
			continue
		}
		t.TextSize = r.size
		w := r.cellW(chars[i])
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, r.h))
		x += w
	}
}

func (r *countdownRenderer) cellW(c byte) float32 {
	if c == ':' {
		return r.colonW
	}
	return r.digitW
}

// Refresh redraws from the widget's state.
func (r *countdownRenderer) Refresh() {
	chars := r.c.chars
	r.Layout(r.c.Size())
	for i, t := range r.texts {
		if i >= len(chars) {
			t.Hidden = true
			continue
		}
		t.Hidden = false
		t.Text = glyphs[glyphIndex(chars[i])]
		t.Alignment = fyne.TextAlignCenter
		t.Color = r.c.fg
		t.TextSize = r.size
		t.Refresh()
	}
}
