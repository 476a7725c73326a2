package figure

import "math"

// Rect is a rectangle of the drawing box.
type Rect struct{ Min, Max Point }

// Dx is the width of the rectangle.
func (r Rect) Dx() float64 { return r.Max.X - r.Min.X }

// Dy is the height of the rectangle.
func (r Rect) Dy() float64 { return r.Max.Y - r.Min.Y }

// Full is the whole drawing box.
var Full = Rect{Point{0, 0}, Point{Size, Size}}

// bounds is the smallest rectangle holding every shape but the floor and
// mat, with their widths.
func (g Geometry) bounds() Rect {
	r := Rect{Point{math.Inf(1), math.Inf(1)}, Point{math.Inf(-1), math.Inf(-1)}}
	grow := func(p Point, pad float64) {
		r.Min.X, r.Min.Y = math.Min(r.Min.X, p.X-pad), math.Min(r.Min.Y, p.Y-pad)
		r.Max.X, r.Max.Y = math.Max(r.Max.X, p.X+pad), math.Max(r.Max.Y, p.Y+pad)
	}
	for _, s := range g.Shapes {
		switch {
		case s.Role == Ground:
		case s.Dot:
			grow(s.A, s.R)
		default:
			grow(s.A, s.Width/2)
			grow(s.B, s.Width/2)
		}
	}
	return r
}

// Frame returns the part of the drawing box to show for the figure: every
// key pose of both sides with a margin and the floor, no flatter than 2:1
// and no narrower than 3:4, so that a figure lying on the floor is drawn
// as large as a standing one can be, and it does not move within a move.
func (f *Figure) Frame() Rect {
	const margin = 5.0
	r := Rect{Point{math.Inf(1), math.Inf(1)}, Point{math.Inf(-1), math.Inf(-1)}}
	for _, k := range f.KeyPoses(true) {
		b := Build(k.Pose).bounds()
		r.Min.X, r.Min.Y = math.Min(r.Min.X, b.Min.X), math.Min(r.Min.Y, b.Min.Y)
		r.Max.X, r.Max.Y = math.Max(r.Max.X, b.Max.X), math.Max(r.Max.Y, b.Max.Y)
	}
	r.Min.X, r.Min.Y, r.Max.X = r.Min.X-margin, r.Min.Y-margin, r.Max.X+margin
	r.Max.Y = Size + boxBottom + margin // the floor and mat
	if w, h := r.Dx(), r.Dy(); w > 2*h {
		r.Min.Y -= w/2 - h
	} else if w < h*3/4 {
		grow := h*3/4 - w
		r.Min.X, r.Max.X = r.Min.X-grow/2, r.Max.X+grow/2
	}
	return r
}

// Within returns the geometry with the floor and mat cut to the frame's
// width (they run across the whole drawing box), for a renderer that does
// not clip.
func (g Geometry) Within(frame Rect) Geometry {
	out := Geometry{Shapes: append([]Shape(nil), g.Shapes...)}
	for i, s := range out.Shapes {
		if s.Role == Ground && !s.Dot {
			lo, hi := frame.Min.X+s.Width/2, frame.Max.X-s.Width/2
			out.Shapes[i].A.X = min(max(s.A.X, lo), hi)
			out.Shapes[i].B.X = min(max(s.B.X, lo), hi)
		}
	}
	return out
}
