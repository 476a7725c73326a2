package figure

import "time"

// TweenTime is how long the figure takes to move from one key pose to the
// next at a phase change (less in phases shorter than twice as long).
const TweenTime = 250 * time.Millisecond

// Frame is the pose to show at one instant of a rep.
type Frame struct {
	Pose Pose
	// Moving is true during a tween: the pose changes at every frame until
	// Next.
	Moving bool
	// To is the key pose shown once the tween ends (Pose when still).
	To Pose
	// Next is the time into the rep at which the pose next changes: the end
	// of the current tween, or the start of the next one. It is negative
	// when the pose stays as it is until the rep ends.
	Next time.Duration
}

// At returns the pose to show t into a rep whose phases last phases (a
// tempo, or the one phase of a hold): each phase shows the pose it ends
// in, reached by a short tween from the pose before at the phase's start.
// Before the rep (t < 0) it is the start pose. Phases of a figure and
// phases must be as many (Library.Validate checks the routines).
func (f *Figure) At(phases []time.Duration, t time.Duration) Frame {
	if t < 0 || len(phases) == 0 {
		return Frame{Pose: f.Start, To: f.Start}
	}
	from := f.Start
	var start time.Duration
	for i, d := range phases {
		to := f.Phases[min(i, len(f.Phases)-1)]
		end := start + d
		tw := min(TweenTime, d/2)
		changes := !Same(from, to)
		switch {
		case changes && t < start+tw:
			k := float64(t-start) / float64(tw)
			return Frame{Pose: Lerp(from, to, ease(k)), Moving: true, To: to, Next: start + tw}
		case t < end || i == len(phases)-1:
			return Frame{Pose: to, To: to, Next: f.nextChange(phases, i, to, end)}
		}
		from, start = to, end
	}
	panic("unreachable")
}

// nextChange is the start of the first phase after phase i whose pose
// differs from pose, or -1.
func (f *Figure) nextChange(phases []time.Duration, i int, pose Pose, end time.Duration) time.Duration {
	for j := i + 1; j < len(phases); j++ {
		if !Same(pose, f.Phases[min(j, len(f.Phases)-1)]) {
			return end
		}
		end += phases[j]
	}
	return -1
}

// Same tells whether two key poses are the same drawing: the same pose,
// on the same side.
func Same(a, b Pose) bool {
	return a.Name == b.Name && a.Mirrored == b.Mirrored && a.Near == b.Near && a.Far == b.Far
}

// ease is a smooth start and stop for tweens (smoothstep).
func ease(k float64) float64 { return k * k * (3 - 2*k) }
