package pdftext

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/shaping"
)

// Draw draws line with its left end at x and its baseline at y (in the
// document's unit), in the current text colour. It leaves the current
// font set to the Go font of the line's style.
func (w *Writer) Draw(line Line, x, y float64) {
	w.f.mu.Lock()
	defer w.f.mu.Unlock()
	unit := w.unit(line.style)
	style := ""
	if line.style.Bold {
		style = "B"
	}
	w.pdf.SetFont(w.family, style, line.style.Size)
	for _, run := range line.runs {
		w.count(run)
		if w.isGo(run.Face) && run.Direction.Progression() == di.FromTopLeft {
			w.pdf.Text(x, y, w.goText(run, line.text))
		} else {
			w.outlines(run, x, y, unit, line.style.Size)
			w.hidden(run, line.text, x, y, unit, line.style.Size)
			w.pdf.SetFont(w.family, style, line.style.Size)
		}
		x += float64(run.Advance) * unit
	}
}

// count adds run's glyphs to the writer's tally.
func (w *Writer) count(run shaping.Output) {
	for _, g := range run.Glyphs {
		w.Glyphs++
		if g.GlyphID == 0 {
			w.Notdef++
		}
	}
}

// goText is the text of a run in a Go font as fpdf writes it: the
// characters the font has (a joiner or a variation selector it lacks
// draws nothing, where fpdf would draw the missing-glyph box).
func (w *Writer) goText(run shaping.Output, text []rune) string {
	var b strings.Builder
	for _, r := range text[run.Runes.Offset : run.Runes.Offset+run.Runes.Count] {
		if _, ok := run.Face.NominalGlyph(r); ok && r <= 0xFFFF {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// outlines fills the outlines of run's glyphs from x on baseline y in the
// text colour.
func (w *Writer) outlines(run shaping.Output, x, y, unit, size float64) {
	fr, fg, fb := w.pdf.GetFillColor()
	w.pdf.SetFillColor(w.pdf.GetTextColor())
	defer w.pdf.SetFillColor(fr, fg, fb)
	scale := size / float64(run.Face.Upem()) / w.pdf.GetConversionRatio() // font unit -> document unit
	dot := x
	for _, g := range run.Glyphs {
		gx := dot + float64(g.XOffset)*unit
		gy := y - float64(g.YOffset)*unit
		if g.GlyphID != 0 {
			if segs := segments(run.Face, g.GlyphID); len(segs) > 0 {
				w.path(segs, gx, gy, scale)
			}
		}
		dot += float64(g.Advance) * unit
	}
}

// segments is the outline of a glyph, nil for a glyph without one.
func segments(face *font.Face, gid font.GID) []font.Segment {
	switch g := face.GlyphData(gid).(type) {
	case font.GlyphOutline:
		return g.Segments
	case font.GlyphSVG:
		return g.Outline.Segments
	case font.GlyphBitmap:
		if g.Outline != nil {
			return g.Outline.Segments
		}
	}
	return nil
}

// path fills one glyph's outline with its origin at x, y.
func (w *Writer) path(segs []font.Segment, x, y, scale float64) {
	pt := func(p font.SegmentPoint) (float64, float64) {
		return x + float64(p.X)*scale, y - float64(p.Y)*scale
	}
	for i, s := range segs {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			if i > 0 {
				w.pdf.ClosePath()
			}
			w.pdf.MoveTo(pt(s.Args[0]))
		case ot.SegmentOpLineTo:
			w.pdf.LineTo(pt(s.Args[0]))
		case ot.SegmentOpQuadTo:
			cx, cy := pt(s.Args[0])
			px, py := pt(s.Args[1])
			w.pdf.CurveTo(cx, cy, px, py)
		case ot.SegmentOpCubeTo:
			c0x, c0y := pt(s.Args[0])
			c1x, c1y := pt(s.Args[1])
			px, py := pt(s.Args[2])
			w.pdf.CurveBezierCubicTo(c0x, c0y, c1x, c1y, px, py)
		}
	}
	w.pdf.ClosePath()
	w.pdf.DrawPath("f")
}

// hidden writes the characters of run's glyph clusters as invisible text
// over them in the Go font, each cluster stretched to its drawn width,
// clusters in visual order: what a text extractor reads.
func (w *Writer) hidden(run shaping.Output, text []rune, x, y, unit, size float64) {
	w.pdf.SetFont(w.family, "", size)
	w.pdf.RawWriteStr("3 Tr")
	dot := x
	for i := 0; i < len(run.Glyphs); {
		g := run.Glyphs[i]
		j, adv := i, 0.0
		for ; j < len(run.Glyphs) && run.Glyphs[j].TextIndex() == g.TextIndex(); j++ {
			adv += float64(run.Glyphs[j].Advance) * unit
		}
		if cluster := text[g.TextIndex() : g.TextIndex()+g.RunesCount()]; adv > 0 {
			if run.Direction.Progression() == di.TowardTopLeft {
				// Written in visual order too, as the extractor reverses
				// right-to-left text (a lam-alef is one cluster).
				cluster = slices.Clone(cluster)
				slices.Reverse(cluster)
			}
			w.hiddenCluster(cluster, dot, y, adv)
		}
		dot += adv
		i = j
	}
	w.pdf.RawWriteStr("100 Tz 0 Tr")
}

// hiddenCluster writes one cluster's characters as invisible text at x
// on baseline y, stretched to width adv. fpdf writes characters of the
// Basic Multilingual Plane only: a cluster with one above it (an emoji)
// is written as U+FFFD inside a marked-content span whose ActualText is
// the cluster (PDF 1.5, 14.9.4), which extractors read instead.
func (w *Writer) hiddenCluster(cluster []rune, x, y, adv float64) {
	var b strings.Builder
	astral := false
	for _, r := range cluster {
		switch {
		case r > 0xFFFF:
			astral = true
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	if astral {
		s = "\uFFFD"
		w.pdf.RawWriteStr("/Span <</ActualText <" + utf16Hex(cluster) + ">>> BDC")
	}
	if s == "" {
		return
	}
	if natural := w.pdf.GetStringWidth(s); natural > 0 {
		w.pdf.RawWriteStr(fmt.Sprintf("%.2f Tz", 100*adv/natural))
	}
	w.pdf.Text(x, y, s)
	if astral {
		w.pdf.RawWriteStr("EMC")
	}
}

// utf16Hex is text as a PDF text string in hexadecimal: UTF-16BE with its
// byte order mark.
func utf16Hex(text []rune) string {
	var b strings.Builder
	b.WriteString("FEFF")
	for _, u := range utf16.Encode(text) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}
