package figure

// Figure is the key poses of a move.
type Figure struct {
	Name string
	// Start is the pose before the first phase of a rep and between reps.
	Start Pose
	// Phases holds the pose each tempo phase ends in; for a hold, the one
	// held pose.
	Phases []Pose
	// Hold is true for the figure of a hold.
	Hold bool
}

// Right returns the figure of a move done on the right side: the poses
// with their near and far limbs swapped (a side view) or mirrored (a front
// view). Figures show the left side.
func (f *Figure) Right() *Figure {
	side := func(p Pose) Pose {
		if p.View == Front {
			p.Mirrored = !p.Mirrored
			return p
		}
		return p.Swapped()
	}
	r := &Figure{Name: f.Name, Start: side(f.Start), Hold: f.Hold}
	for _, p := range f.Phases {
		r.Phases = append(r.Phases, side(p))
	}
	return r
}

// KeyPose is one drawing of a move: a pose and the side it shows.
type KeyPose struct {
	Pose  Pose
	Right bool // the right side of a sided move
}

// KeyPoses lists the distinct drawings of a figure in the order a rep
// shows them: the start pose, then the pose of each phase; for a sided
// move then those of the right side. A pose drawn the same as one listed
// before is left out.
func (f *Figure) KeyPoses(sided bool) []KeyPose {
	var all []KeyPose
	for _, p := range append([]Pose{f.Start}, f.Phases...) {
		all = append(all, KeyPose{Pose: p})
	}
	if sided {
		r := f.Right()
		for _, p := range append([]Pose{r.Start}, r.Phases...) {
			all = append(all, KeyPose{Pose: p, Right: true})
		}
	}
	var out []KeyPose
	seen := map[string]bool{}
	for _, k := range all {
		key := Build(k.Pose).SVG(Full, 1, Light)
		if !seen[key] {
			seen[key] = true
			out = append(out, k)
		}
	}
	return out
}
