package figure

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Tolerance is how far, in body units (about 1.75 cm each), a body point
// may be from a surface it touches, or sink into the floor.
const Tolerance = 2.5

// span is an allowed range of a joint angle, in degrees.
type span struct{ lo, hi float64 }

// limits are the joint ranges a pose may use, by view: active ranges of
// motion of a healthy adult, widened where a move's projection needs it
// (the shoulder past vertical in an overhead band pass-through, whose arms
// circle behind through abduction; the ankle of a kneeling foot).
var limits = map[View]map[string]span{
	Side: {
		"waist": {-20, 40}, "chest": {-20, 40}, "neck": {-40, 45},
		"hip": {-30, 130}, "knee": {0, 150}, "ankle": {-80, 35},
		"shoulder": {-60, 240}, "elbow": {0, 150}, "wrist": {-90, 90},
	},
	Front: {
		"waist": {-30, 30}, "chest": {-30, 30}, "neck": {-30, 30},
		"hip": {-25, 50}, "knee": {0, 30}, "ankle": {-30, 30},
		"shoulder": {-20, 180}, "elbow": {0, 150}, "wrist": {-90, 90},
	},
}

// Check returns what makes a pose implausible: a joint outside its range,
// a body point sunk into the floor, or a contact that does not touch its
// surface (a bar contact needs the pose's bar). Nil means plausible.
func Check(p Pose) []string {
	var out []string
	lim := limits[p.View]
	if lim == nil {
		return []string{fmt.Sprintf("unknown view %q", p.View)}
	}
	angle := func(name string, v float64) {
		joint := name
		if i := strings.IndexByte(name, '.'); i >= 0 {
			joint = name[i+1:]
		}
		if r := lim[joint]; v < r.lo || v > r.hi {
			out = append(out, fmt.Sprintf("%s is %g°, outside %g° to %g°", name, v, r.lo, r.hi))
		}
	}
	angle("waist", p.Waist)
	angle("chest", p.Chest)
	angle("neck", p.Neck)
	for _, l := range []struct {
		side string
		l    Limb
	}{{"near", p.Near}, {"far", p.Far}} {
		angle(l.side+".hip", l.l.Hip)
		angle(l.side+".knee", l.l.Knee)
		angle(l.side+".ankle", l.l.Ankle)
		angle(l.side+".shoulder", l.l.Shoulder)
		angle(l.side+".elbow", l.l.Elbow)
		angle(l.side+".wrist", l.l.Wrist)
	}
	pts := solve(p).points()
	names := make([]string, 0, len(pts))
	for n := range pts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if low := pts[n].at.Y - pts[n].radius; low < -Tolerance {
			out = append(out, fmt.Sprintf("%s is %.1f into the floor", n, -low))
		}
	}
	for _, c := range p.Contacts {
		if gap, ok := Gap(p, c); !ok {
			out = append(out, fmt.Sprintf("contact %s %s: no %s in the pose", c.Point, c.Surface, c.Surface))
		} else if math.Abs(gap) > Tolerance {
			out = append(out, fmt.Sprintf("contact %s %s: %.1f away", c.Point, c.Surface, gap))
		}
	}
	return out
}

// barR is the radius of a bar.
const barR = 1.5

// Gap is the distance from the surface of the body at a contact's point to
// its surface: positive when apart, negative when sunk in. ok is false
// when the pose has no such surface or point.
func Gap(p Pose, c Contact) (gap float64, ok bool) {
	bp, ok := solve(p).points()[c.Point]
	if !ok {
		return 0, false
	}
	switch c.Surface {
	case Floor:
		return bp.at.Y - bp.radius, true
	case Bar:
		if p.Bar == nil {
			return 0, false
		}
		// The hand holds the bar: its end lies on the bar.
		return math.Hypot(bp.at.X-p.Bar.X, bp.at.Y-p.Bar.Y) - barR, true
	}
	return 0, false
}
