package figure

import "math"

// Body sizes in body units (a standing person is 100 tall), after common
// anthropometric proportions: hip joint at 51, shoulders at 79, fingertips
// near mid-thigh.
const (
	pelvisLen   = 9.0  // hip joint to the waist (L3)
	waistLen    = 10.0 // waist to mid-back (T8)
	chestLen    = 11.0 // mid-back to the base of the neck (C7)
	neckLen     = 6.0
	headR       = 6.5
	shoulderOff = 2.0 // shoulder joint below the base of the neck
	thighLen    = 24.0
	shinLen     = 23.0
	heelLen     = 2.5 // ankle to the middle of the heel
	footLen     = 12.0
	upperLen    = 17.0
	foreLen     = 14.0
	handLen     = 7.0
	// half the width between the shoulder joints and the hip joints, seen
	// from the front
	shoulderHalf = 10.0
	hipHalf      = 5.5
)

// Segment widths (stroke widths) in body units.
const (
	trunkW      = 10.0 // seen from the side
	trunkFrontW = 13.0 // seen from the front
	neckW       = 4.5
	thighW      = 7.0
	shinW       = 5.5
	footW       = 3.5
	upperW      = 5.0
	foreW       = 4.5
	handW       = 3.5
)

// skeleton is a pose worked out into world positions.
type skeleton struct {
	hip, waist, chest, neck, neckTop, head Point
	chestAngle, neckAngle                  float64 // world angles of the chest segment and the neck
	near, far                              limbPoints
}

// limbPoints are the joints of one arm and leg.
type limbPoints struct {
	hip, knee, ankle, heel, toe       Point
	shoulder, elbow, wrist, hand      Point
	thighA, shinA, footA, armA, foreA float64 // world angles
	handA                             float64
}

// dir is the unit vector of a world angle in degrees.
func dir(deg float64) Point {
	r := deg * math.Pi / 180
	return Point{math.Cos(r), math.Sin(r)}
}

// solve is the forward kinematics: the world position of every joint.
func solve(p Pose) skeleton {
	var s skeleton
	s.hip = p.Hip
	a0 := p.Pelvis
	s.waist = s.hip.Add(dir(a0).Scale(pelvisLen))
	a1 := a0 - p.Waist
	s.chest = s.waist.Add(dir(a1).Scale(waistLen))
	a2 := a1 - p.Chest
	s.neck = s.chest.Add(dir(a2).Scale(chestLen))
	a3 := a2 - p.Neck
	s.neckTop = s.neck.Add(dir(a3).Scale(neckLen))
	s.head = s.neck.Add(dir(a3).Scale(neckLen + headR))
	s.chestAngle, s.neckAngle = a2, a3
	shoulder := s.neck.Add(dir(a2).Scale(-shoulderOff))
	if p.View == Front {
		// The near (left) side is toward the front: clockwise from the trunk.
		s.near = limb(p.Near, 1, s.hip.Add(dir(a0-90).Scale(hipHalf)), shoulder.Add(dir(a2-90).Scale(shoulderHalf)), a0, a2, true)
		s.far = limb(p.Far, -1, s.hip.Add(dir(a0+90).Scale(hipHalf)), shoulder.Add(dir(a2+90).Scale(shoulderHalf)), a0, a2, true)
	} else {
		s.near = limb(p.Near, 1, s.hip, shoulder, a0, a2, false)
		s.far = limb(p.Far, 1, s.hip, shoulder, a0, a2, false)
	}
	return s
}

// limb places one arm and leg. sgn is -1 for the far (right) limbs of a
// front view, whose angles open toward the other side.
func limb(l Limb, sgn float64, hip, shoulder Point, pelvis, chest float64, front bool) limbPoints {
	var o limbPoints
	o.hip, o.shoulder = hip, shoulder
	o.thighA = pelvis + 180 + sgn*l.Hip
	o.knee = hip.Add(dir(o.thighA).Scale(thighLen))
	o.shinA = o.thighA - sgn*l.Knee
	o.ankle = o.knee.Add(dir(o.shinA).Scale(shinLen))
	o.footA = o.shinA + sgn*(90+l.Ankle)
	o.heel = o.ankle.Add(dir(o.shinA).Scale(heelLen))
	if front {
		// Seen from the front the foot points at the viewer: a short stub,
		// splayed.
		o.footA = o.shinA + sgn*(70+l.Ankle)
		o.toe = o.heel.Add(dir(o.footA).Scale(footLen / 4))
	} else {
		o.heel = o.heel.Add(dir(o.footA).Scale(-2))
		o.toe = o.heel.Add(dir(o.footA).Scale(footLen))
	}
	o.armA = chest + 180 + sgn*l.Shoulder
	o.elbow = shoulder.Add(dir(o.armA).Scale(upperLen))
	o.foreA = o.armA + sgn*l.Elbow
	o.wrist = o.elbow.Add(dir(o.foreA).Scale(foreLen))
	o.handA = o.foreA + sgn*l.Wrist
	o.hand = o.wrist.Add(dir(o.handA).Scale(handLen))
	return o
}

// bodyPoint is a named point of the body with the half-width of the body
// around it, for contacts.
type bodyPoint struct {
	at     Point
	radius float64
}

// points names the points of a solved pose that contacts may use: head,
// neck, chest, waist, hip (the sacrum: the hip joint, or the middle of the
// hips seen from the front), and for near. and far.: hip, knee, heel, toe,
// elbow, wrist, hand.
func (s skeleton) points() map[string]bodyPoint {
	m := map[string]bodyPoint{
		"head":  {s.head, headR},
		"neck":  {s.neck, trunkW / 2},
		"chest": {s.chest, trunkW / 2},
		"waist": {s.waist, trunkW / 2},
		"hip":   {s.hip, trunkW / 2},
	}
	for _, side := range []struct {
		name string
		l    limbPoints
	}{{"near.", s.near}, {"far.", s.far}} {
		l := side.l
		m[side.name+"hip"] = bodyPoint{l.hip, thighW / 2}
		m[side.name+"knee"] = bodyPoint{l.knee, thighW / 2}
		m[side.name+"heel"] = bodyPoint{l.heel, footW / 2}
		m[side.name+"toe"] = bodyPoint{l.toe, footW / 2}
		m[side.name+"elbow"] = bodyPoint{l.elbow, upperW / 2}
		m[side.name+"wrist"] = bodyPoint{l.wrist, foreW / 2}
		m[side.name+"hand"] = bodyPoint{l.hand, handW / 2}
	}
	return m
}
