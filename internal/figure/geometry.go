package figure

import "math"

// Size is the side of the square drawing box of Geometry, in body units.
// The box shows world x from 0 to Size and y from boxBottom up.
const Size = 130.0

// boxBottom is the world y of the bottom of the box: a little below the
// floor so that the mat shows.
const boxBottom = -6.0

// Role says how a shape is painted.
type Role uint8

// The roles of shapes, each with its colour in a Palette.
const (
	Body      Role = iota // the near limbs and the trunk
	Far                   // limbs on the far side, lighter
	Accent                // the working body part
	FarAccent             // a working far limb, lighter
	Prop                  // bar, post, band, weight
	Ground                // floor and mat
)

// Shape is a line with round caps from A to B, Width wide, or, when Dot is
// set, a filled disc of radius R centred on A. Coordinates are in the
// drawing box: x right, y down, 0 to Size.
type Shape struct {
	Dot   bool
	A, B  Point
	Width float64
	R     float64
	Role  Role
}

// Geometry is a pose ready to draw: shapes in painting order.
type Geometry struct {
	Shapes []Shape
}

// Parts lists the body segment names that accents may use; "trunk" and
// the "near.leg", "near.arm", "far.leg" and "far.arm" groups name several.
var Parts = []string{"pelvis", "waist", "chest", "neck", "head",
	"near.thigh", "near.shin", "near.foot", "near.upperarm", "near.forearm", "near.hand",
	"far.thigh", "far.shin", "far.foot", "far.upperarm", "far.forearm", "far.hand"}

// groups are the accent names that stand for several parts.
var groups = map[string][]string{
	"trunk":    {"pelvis", "waist", "chest"},
	"near.leg": {"near.thigh", "near.shin", "near.foot"},
	"near.arm": {"near.upperarm", "near.forearm", "near.hand"},
	"far.leg":  {"far.thigh", "far.shin", "far.foot"},
	"far.arm":  {"far.upperarm", "far.forearm", "far.hand"},
}

// builder collects the shapes of one pose.
type builder struct {
	g      Geometry
	accent map[string]bool
	front  bool
}

// box converts a world point to the drawing box.
func box(p Point) Point { return Point{p.X, Size + boxBottom - p.Y} }

func (b *builder) line(a, c Point, w float64, role Role) {
	b.g.Shapes = append(b.g.Shapes, Shape{A: box(a), B: box(c), Width: w, Role: role})
}

func (b *builder) dot(c Point, r float64, role Role) {
	b.g.Shapes = append(b.g.Shapes, Shape{Dot: true, A: box(c), R: r, Role: role})
}

// part draws a body segment in its role: the accent colour when named in
// the pose's accents, lighter on the far side of a side view.
func (b *builder) part(name string, a, c Point, w float64) {
	far := !b.front && len(name) > 4 && name[:4] == "far."
	role := Body
	switch {
	case b.accent[name] && far:
		role = FarAccent
	case b.accent[name]:
		role = Accent
	case far:
		role = Far
	}
	b.line(a, c, w, role)
}

func (b *builder) limb(prefix string, l limbPoints, legs, arms bool) {
	if legs {
		b.part(prefix+"thigh", l.hip, l.knee, thighW)
		b.part(prefix+"shin", l.knee, l.ankle, shinW)
		b.part(prefix+"foot", l.ankle, l.heel, footW)
		b.part(prefix+"foot", l.heel, l.toe, footW)
	}
	if arms {
		b.part(prefix+"upperarm", l.shoulder, l.elbow, upperW)
		b.part(prefix+"forearm", l.elbow, l.wrist, foreW)
		b.part(prefix+"hand", l.wrist, l.hand, handW)
	}
}

// Build draws a pose: floor, props, then the far limbs, the trunk, head and
// the near limbs (in a front view: legs, trunk, head, arms).
func Build(p Pose) Geometry {
	s := solve(p)
	b := &builder{accent: map[string]bool{}, front: p.View == Front}
	for _, a := range p.Accent {
		if parts, ok := groups[a]; ok {
			for _, x := range parts {
				b.accent[x] = true
			}
		} else {
			b.accent[a] = true
		}
	}
	b.ground(p, s)
	if p.Bar != nil {
		b.bar(*p.Bar)
	}
	if p.Anchor != nil {
		a := *p.Anchor
		b.line(Point{a.X, 0}, Point{a.X, a.Y + 16}, 3.5, Prop)
	}
	if b.front {
		b.limb("far.", s.far, true, false)
		b.limb("near.", s.near, true, false)
		b.part("pelvis", s.far.hip, s.near.hip, thighW+1)
		b.trunk(s, false)
		b.part("chest", s.far.shoulder, s.near.shoulder, upperW+1)
		b.limb("far.", s.far, false, true)
		b.limb("near.", s.near, false, true)
	} else {
		b.limb("far.", s.far, true, true)
		b.trunk(s, true)
		b.limb("near.", s.near, true, true)
	}
	b.held(p, s)
	// A front view is drawn as in a mirror (see Front); Mirrored flips it.
	if (p.View == Front) != p.Mirrored {
		b.g.mirror()
	}
	return b.g
}

// ground draws the floor across the box and the mat under the body.
func (b *builder) ground(p Pose, s skeleton) {
	b.line(Point{3, 0}, Point{Size - 3, 0}, 1.2, Ground)
	if !p.Mat {
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, bp := range s.points() {
		lo, hi = math.Min(lo, bp.at.X), math.Max(hi, bp.at.X)
	}
	lo, hi = math.Max(lo-6, 5), math.Min(hi+6, Size-5)
	b.line(Point{lo, -1.8}, Point{hi, -1.8}, 3.2, Ground)
}

// bar draws a bar on its frame: end-on, held by an arm from a post behind
// the figure, in a side view; along the picture, hung from above, in a
// front view.
func (b *builder) bar(at Point) {
	if b.front {
		top := Size + boxBottom
		b.line(Point{at.X - 28, at.Y}, Point{at.X + 28, at.Y}, 3, Prop)
		b.line(Point{at.X - 24, at.Y}, Point{at.X - 24, top}, 2, Prop)
		b.line(Point{at.X + 24, at.Y}, Point{at.X + 24, top}, 2, Prop)
		return
	}
	post := at.X - 30
	b.line(Point{post, 0}, Point{post, at.Y + 3}, 2.5, Prop)
	b.line(Point{post, at.Y + 3}, Point{at.X, at.Y + 3}, 2, Prop)
	b.dot(at, barR+1, Prop)
}

// trunk draws the three trunk segments, the neck and the head (with a nose
// showing where the face is in a side view).
func (b *builder) trunk(s skeleton, nose bool) {
	w := trunkW
	if b.front {
		w = trunkFrontW
	}
	b.part("pelvis", s.hip, s.waist, w)
	b.part("waist", s.waist, s.chest, w)
	b.part("chest", s.chest, s.neck, w)
	b.part("neck", s.neck, s.neckTop, neckW)
	role := Body
	if b.accent["head"] {
		role = Accent
	}
	b.dot(s.head, headR, role)
	if nose {
		face := dir(s.neckAngle - 90)
		b.line(s.head.Add(face.Scale(headR*0.5)), s.head.Add(face.Scale(headR+1.6)).Add(dir(s.neckAngle).Scale(-1)), 2.6, role)
	}
}

// held draws what the hands hold and the band from an anchor.
func (b *builder) held(p Pose, s skeleton) {
	hands := s.near.wrist.Add(s.near.hand).Scale(0.5)
	switch p.Held {
	case HoldKettlebell:
		bell := hands.Add(dir(s.chestAngle).Scale(-6))
		b.line(hands, bell, 2, Prop)
		b.dot(bell, 5, Prop)
	case HoldBand:
		across := dir(s.near.foreA + 90).Scale(5)
		b.line(hands.Add(across), hands.Add(across.Scale(-1)), 3, Prop)
	}
	if p.Anchor != nil {
		b.line(*p.Anchor, hands, 1.6, Prop)
	}
}

// mirror flips the geometry left to right.
func (g *Geometry) mirror() {
	for i := range g.Shapes {
		g.Shapes[i].A.X = Size - g.Shapes[i].A.X
		g.Shapes[i].B.X = Size - g.Shapes[i].B.X
	}
}
