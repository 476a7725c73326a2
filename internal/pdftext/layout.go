package pdftext

import (
	"math"
	"slices"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// Style is how a text is set: bold or not, at Size points.
type Style struct {
	Bold bool
	Size float64
}

// Writer sets text on one fpdf document with a Fonts.
type Writer struct {
	f      *Fonts
	pdf    *fpdf.Fpdf
	family string
	// Glyphs counts the glyphs drawn, Notdef those that were a font's
	// missing-glyph box (GID 0): none, unless the package is wrong.
	Glyphs, Notdef int
	// set keeps the lines of the texts set, as a table measures a cell
	// and then draws it.
	set map[setKey][]Line
}

// setKey is what a text's lines depend on.
type setKey struct {
	text  string
	style Style
	width float64
}

// Writer registers the Go fonts with pdf under the family name given and
// returns the writer that sets text on it.
func (f *Fonts) Writer(pdf *fpdf.Fpdf, familyName string) *Writer {
	pdf.AddUTF8FontFromBytes(familyName, "", f.regularTTF)
	pdf.AddUTF8FontFromBytes(familyName, "B", f.boldTTF)
	return &Writer{f: f, pdf: pdf, family: familyName, set: make(map[setKey][]Line)}
}

// Line is one line of shaped text, its runs in visual order.
type Line struct {
	text  []rune
	runs  []shaping.Output
	style Style
	// Width is the line's width in the document's unit.
	Width float64
}

// Lines sets text in style and breaks it into lines at most width wide
// (in the document's unit); a word longer than width is broken within.
// width <= 0 means one line. An empty text is one empty line.
func (w *Writer) Lines(text string, st Style, width float64) []Line {
	key := setKey{text, st, width}
	if lines, ok := w.set[key]; ok {
		return lines
	}
	lines := w.lines(text, st, width)
	w.set[key] = lines
	return lines
}

// lines is Lines, without the cache.
func (w *Writer) lines(text string, st Style, width float64) []Line {
	w.f.mu.Lock()
	defer w.f.mu.Unlock()
	runes, _ := w.f.clean(text)
	if len(runes) == 0 {
		return []Line{{style: st}}
	}
	unit := w.unit(st)
	dir := direction(runes)
	outs := w.shape(runes, st, dir)
	max := fixed.Int26_6(math.MaxInt32)
	if width > 0 {
		max = fixed.Int26_6(width / unit)
	}
	lines, _ := w.f.wrapper.WrapParagraphF(shaping.WrapConfig{Direction: dir, BreakPolicy: shaping.WhenNecessary},
		max, runes, shaping.NewSliceIterator(outs))
	out := make([]Line, 0, len(lines))
	for _, l := range lines {
		runs := slices.Clone(l)
		slices.SortFunc(runs, func(a, b shaping.Output) int { return int(a.VisualIndex) - int(b.VisualIndex) })
		var adv fixed.Int26_6
		for _, r := range runs {
			adv += r.Advance
		}
		out = append(out, Line{text: runes, runs: runs, style: st, Width: float64(adv) * unit})
	}
	return out
}

// Width is the width of text set on one line in style, in the
// document's unit.
func (w *Writer) Width(text string, st Style) float64 {
	width := 0.0
	for _, l := range w.Lines(text, st, 0) {
		width = max(width, l.Width)
	}
	return width
}

// direction is the paragraph direction of text: that of its first strong
// character (Unicode bidi rules P2 and P3), left to right when none.
func direction(text []rune) di.Direction {
	for _, r := range text {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return di.DirectionLTR
		case bidi.R, bidi.AL:
			return di.DirectionRTL
		}
	}
	return di.DirectionLTR
}

// shapeSize is the size text is shaped at, in points: HarfBuzz rounds
// the size up to a whole point, so text is shaped large and scaled down.
const shapeSize = 1000

// unit is the size in the document's unit of one 26.6 unit of text
// shaped at shapeSize and set in st.
func (w *Writer) unit(st Style) float64 {
	return st.Size / shapeSize / 64 / w.pdf.GetConversionRatio()
}

// noKern is the feature turned off for the Go fonts: fpdf sets their text
// without kerning, so their shaped width is fpdf's.
var noKern = []shaping.FontFeature{{Tag: ot.MustNewTag("kern"), Value: 0}}

// shape splits text into runs of one direction, script and font and
// shapes each.
func (w *Writer) shape(text []rune, st Style, dir di.Direction) []shaping.Output {
	w.f.query(st.Bold)
	size := fixed.I(shapeSize)
	inputs := w.f.seg.Split(shaping.Input{Text: text, RunEnd: len(text), Direction: dir, Size: size}, w.f)
	outs := make([]shaping.Output, 0, len(inputs))
	for _, in := range inputs {
		if w.isGo(in.Face) {
			in.FontFeatures = noKern
		}
		outs = append(outs, w.f.shaper.Shape(in))
	}
	return outs
}

// isGo reports whether face is one of the Go fonts fpdf embeds.
func (w *Writer) isGo(face *font.Face) bool { return face == w.f.regular || face == w.f.bold }
