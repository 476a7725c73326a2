// Package figure draws a human figure in the key poses of a move: a side
// (or front) view stick figure with a trunk in three segments, so that a
// neutral spine reads differently from a rounded one, and the props a move
// needs (mat, bar, band, post, kettlebell).
//
// A Pose is a set of joint angles in degrees with the position of the hip
// joint; Build turns it into Geometry (round-capped strokes and dots in a
// fixed Size×Size box), which SVG and PNG draw, as does the app's widget.
// The poses and the figures of the moves (which pose each tempo phase ends
// in) are data: assets/poses.toml, read by Parse into a Library.
//
// Angles: world angles count counter-clockwise from "forward" (+x, to the
// right of the picture), y up, in body units where a standing person is
// 100 tall and the floor is y = 0. Joint angles are relative to the parent
// segment; positive is flexion (the body part moves toward the front) for
// the spine, neck, hip, knee, shoulder and elbow, dorsiflexion (toes up)
// at the ankle. In a front view "front" is the person's left side: the
// spine bends sideways, hips and shoulders abduct. Coordinates are those
// of a plain front view (the left side toward +x); the drawing is then
// mirrored (see Front).
package figure

// View is the direction the figure is seen from.
type View string

// The views of a pose.
const (
	// Side: the figure faces right and its left side is the near one.
	Side View = "side"
	// Front: the figure faces the viewer, drawn as in a mirror: its left
	// side (the near limbs) is on the left of the picture, where the user's
	// own left is when they face the screen, as the side arrow shows it.
	Front View = "front"
)

// Point is a position in body units (world: y up, floor at 0) or, in
// Geometry, in the drawing box (y down).
type Point struct{ X, Y float64 }

// Add returns p + q.
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

// Scale returns p * k.
func (p Point) Scale(k float64) Point { return Point{p.X * k, p.Y * k} }

// Limb holds the joint angles of one arm and one leg, in degrees.
type Limb struct {
	Hip      float64 // flexion (front view: abduction)
	Knee     float64 // flexion, >= 0
	Ankle    float64 // dorsiflexion: toes toward the shin
	Shoulder float64 // flexion: 0 hangs beside the trunk, 180 overhead (front view: abduction)
	Elbow    float64 // flexion, >= 0
	Wrist    float64 // extension: the back of the hand toward the forearm
}

// Held is an object the hands hold.
type Held string

// The objects a pose can hold.
const (
	HoldNothing    Held = ""
	HoldKettlebell Held = "kettlebell" // at the chest, in both hands
	HoldBand       Held = "band"       // a band held in both hands, seen end-on
)

// Pose is one key pose: joint angles, where the body is, its props and
// what it must touch.
type Pose struct {
	Name string
	View View
	// Hip is the position of the hip joint (the root of the figure).
	Hip Point
	// Pelvis is the world angle of the pelvis, from the hip joint toward the
	// waist: 90 stands upright, 180 lies on the back with the head to the
	// left.
	Pelvis float64
	// Waist, Chest and Neck are the flexion of the lumbar segment on the
	// pelvis, of the thoracic segment on the lumbar one, and of the neck.
	Waist, Chest, Neck float64
	Near, Far          Limb
	// Mat draws an exercise mat on the floor.
	Mat bool
	// Bar, when set, draws a bar (seen end-on in a side view) at that point.
	Bar *Point
	// Anchor, when set, draws a post with a band tied at that point and
	// running to the near hand.
	Anchor *Point
	Held   Held
	// Accent names the body parts drawn in the accent colour: segment names
	// (see Parts) such as "pelvis" or "near.thigh", or groups: "trunk",
	// "near.leg", "near.arm" and their "far." twins.
	Accent []string
	// Contacts say what must touch a surface (checked by Check).
	Contacts []Contact
	// Mirrored flips the drawing left to right: a front-view pose shown for
	// the right side.
	Mirrored bool
	// Line is the line of the pose in its file (0 when built in code).
	Line int
}

// Surface is what a body point can rest on.
type Surface string

// The surfaces of a contact.
const (
	Floor Surface = "floor"
	Bar   Surface = "bar"
)

// Contact says that a body point (a name of Points, e.g. "near.heel")
// touches a surface.
type Contact struct {
	Point   string
	Surface Surface
}

// Swapped returns the pose with the near and far limbs exchanged (also in
// its accents and contacts): a side-view pose done with the other side.
func (p Pose) Swapped() Pose {
	p.Near, p.Far = p.Far, p.Near
	p.Accent = append([]string(nil), p.Accent...)
	for i := range p.Accent {
		p.Accent[i] = swapName(p.Accent[i])
	}
	p.Contacts = append([]Contact(nil), p.Contacts...)
	for i := range p.Contacts {
		p.Contacts[i].Point = swapName(p.Contacts[i].Point)
	}
	return p
}

// swapName exchanges the "near." and "far." prefixes of a part name.
func swapName(s string) string {
	switch {
	case len(s) > 5 && s[:5] == "near.":
		return "far." + s[5:]
	case len(s) > 4 && s[:4] == "far.":
		return "near." + s[4:]
	}
	return s
}

// Lerp returns the pose a fraction t (0 to 1) of the way from a to b: every
// angle and the hip position in a straight line. Props, accents, contacts
// and the view are a's before the middle and b's after.
func Lerp(a, b Pose, t float64) Pose {
	if t <= 0 {
		return a
	}
	if t >= 1 {
		return b
	}
	out := b
	if t < 0.5 {
		out = a
	}
	f := func(x, y float64) float64 { return x + (y-x)*t }
	out.Hip = Point{f(a.Hip.X, b.Hip.X), f(a.Hip.Y, b.Hip.Y)}
	out.Pelvis = f(a.Pelvis, b.Pelvis)
	out.Waist, out.Chest, out.Neck = f(a.Waist, b.Waist), f(a.Chest, b.Chest), f(a.Neck, b.Neck)
	limb := func(x, y Limb) Limb {
		return Limb{f(x.Hip, y.Hip), f(x.Knee, y.Knee), f(x.Ankle, y.Ankle),
			f(x.Shoulder, y.Shoulder), f(x.Elbow, y.Elbow), f(x.Wrist, y.Wrist)}
	}
	out.Near, out.Far = limb(a.Near, b.Near), limb(a.Far, b.Far)
	return out
}
