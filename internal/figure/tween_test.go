package figure

import (
	"math"
	"testing"
	"time"
)

// TestAt checks the pose shown through a rep of the glute bridge (tempo 2 s
// up, 3 s squeeze, 2 s down) and a bird dog hold: each phase shows the
// pose it ends in after a 250 ms tween from the one before, a pause that
// keeps the pose does not move, and Next says when the pose changes again.
func TestAt(t *testing.T) {
	l := Default()
	bridge, dog := l.Figure("glute-bridge"), l.Figure("bird-dogs")
	s := time.Second
	ms := time.Millisecond
	tempo := []time.Duration{2 * s, 3 * s, 2 * s}
	tests := []struct {
		f      *Figure
		phases []time.Duration
		t      time.Duration
		pose   string
		moving bool
		next   time.Duration
	}{
		{bridge, tempo, -s, "bridge-down", false, 0},
		{bridge, tempo, 0, "bridge-down", true, 250 * ms},
		{bridge, tempo, 100 * ms, "bridge-down", true, 250 * ms},
		{bridge, tempo, 200 * ms, "bridge-up", true, 250 * ms},
		{bridge, tempo, 250 * ms, "bridge-up", false, 5 * s},
		{bridge, tempo, 2*s + 10*ms, "bridge-up", false, 5 * s},
		{bridge, tempo, 5*s + 10*ms, "bridge-up", true, 5*s + 250*ms},
		{bridge, tempo, 5*s + 250*ms, "bridge-down", false, -1},
		{bridge, tempo, 9 * s, "bridge-down", false, -1},
		{dog, []time.Duration{10 * s}, 0, "quadruped", true, 250 * ms},
		{dog, []time.Duration{10 * s}, s, "bird-dog", false, -1},
		{bridge, []time.Duration{200 * ms, 200 * ms, 200 * ms}, 100 * ms, "bridge-up", false, 400 * ms},
	}
	for _, tt := range tests {
		fr := tt.f.At(tt.phases, tt.t)
		if fr.Pose.Name != tt.pose || fr.Moving != tt.moving || fr.Next != tt.next {
			t.Errorf("%s at %v: %s moving %v next %v, want %s moving %v next %v",
				tt.f.Name, tt.t, fr.Pose.Name, fr.Moving, fr.Next, tt.pose, tt.moving, tt.next)
		}
	}
	// Half way through a tween the hips are half way up.
	mid := bridge.At(tempo, 125*ms).Pose
	lo, hi := l.Poses["bridge-down"].Hip.Y, l.Poses["bridge-up"].Hip.Y
	if want := (lo + hi) / 2; mid.Hip.Y < want-0.01 || mid.Hip.Y > want+0.01 {
		t.Errorf("hip half way through the tween is at %.2f, want %.2f", mid.Hip.Y, want)
	}
}

// TestRight checks the right side: a side view swaps the limbs (the right
// knee comes up in the psoas march), a front view is mirrored.
func TestRight(t *testing.T) {
	l := Default()
	march := l.Figure("psoas-march").Right()
	up := march.Phases[0]
	if up.Far.Hip != l.Poses["march-up"].Near.Hip || up.Near.Hip != l.Poses["march-up"].Far.Hip {
		t.Errorf("right march-up has near hip %v far hip %v: limbs not swapped", up.Near.Hip, up.Far.Hip)
	}
	if len(up.Accent) == 0 || up.Accent[0] != "far.thigh" {
		t.Errorf("right march-up accents %v, want the far thigh first", up.Accent)
	}
	plank := l.Figure("side-planks")
	left, right := Build(plank.Phases[0]), Build(plank.Right().Phases[0])
	for i, s := range left.Shapes {
		if r := right.Shapes[i]; math.Abs(r.A.X-(Size-s.A.X)) > 1e-9 || r.A.Y != s.A.Y {
			t.Fatalf("shape %d of the right side plank is at %v, want the mirror of %v", i, r.A, s.A)
		}
	}
}
