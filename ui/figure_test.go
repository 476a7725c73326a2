package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"spineroutine/internal/figure"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// figureRoutine has a moving rep, a sided hold and a move without figure:
//
//	get ready 5 | bridge 2 reps × (2 up, 3 squeeze, 2 down), gap 1 | rest 6 |
//	bird dogs left 2, gap 1, right 2 | rest 6 | plain 2
const figureRoutine = `
name = "Figures"
get_ready = 5
rest = 6

[[move]]
id = "glute-bridge"
name = "Glute Bridge"
focus = "activation"
figure = "glute-bridge"
reps = 2
tempo = [2, 3, 2]
between_reps = 1

[[move]]
id = "bird-dogs"
name = "Bird Dogs"
focus = "stability"
figure = "bird-dogs"
sides = "alternate"
reps = 1
hold = 2
between_reps = 1

[[move]]
id = "plain"
name = "Plain"
focus = "mobility"
hold = 2
`

func newFigureHarness(t *testing.T) *harness {
	t.Helper()
	r, err := routine.Parse("figures.toml", []byte(figureRoutine), figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	return newHarness(t, func(o *Options) { o.Routine = r })
}

// shownPose is the name of the pose on the card ("" when none), with
// "/right" when the far limbs do the work (the right side).
func shownPose(h *harness) string {
	w := h.session().figure.w
	p, ok := w.Pose()
	if !ok || !w.Visible() {
		return ""
	}
	if p.Far.Shoulder > p.Near.Shoulder+45 {
		return p.Name + "/right"
	}
	return p.Name
}

// TestFigureFollowsTheTempo runs the routine on the fake clock and checks
// the figure on the card: the start pose before the move, the pose of each
// tempo phase from the instant of its tick (the rep's start cue or a tempo
// cue), the held pose of a hold on the side of the rep, and no figure for
// a move without one.
func TestFigureFollowsTheTempo(t *testing.T) {
	h := newFigureHarness(t)
	if got := shownPose(h); got != "bridge-down" {
		t.Fatalf("idle card shows %q, want bridge-down", got)
	}
	h.w.StartPause()
	plan := h.session().run.sess.Plan()
	ticks := map[time.Duration]bool{} // the start, rep and tempo cues
	for _, c := range plan.Cues {
		switch c.Kind {
		case schedule.CueStart, schedule.CueRep, schedule.CueTempo:
			ticks[c.At] = true
		}
	}
	s := time.Second
	ms := time.Millisecond
	want := []struct {
		at   time.Duration
		pose string
	}{
		{0, "bridge-down"}, {4900 * ms, "bridge-down"},
		{5 * s, "bridge-up"}, {7 * s, "bridge-up"}, {9900 * ms, "bridge-up"},
		{10 * s, "bridge-down"}, {12500 * ms, "bridge-down"},
		{13 * s, "bridge-up"}, {18 * s, "bridge-down"},
		{20500 * ms, "quadruped"}, {26 * s, "bird-dog"}, {28500 * ms, "quadruped"},
		{29 * s, "bird-dog/right"}, {37500 * ms, ""},
	}
	var now time.Duration
	changes := []time.Duration{}
	last := shownPose(h)
	i := 0
	for now <= 38*s {
		if got := shownPose(h); got != last {
			changes = append(changes, now)
			last = got
		}
		if i < len(want) && now == want[i].at {
			if got := shownPose(h); got != want[i].pose {
				t.Errorf("at %v the card shows %q, want %q", now, got, want[i].pose)
			}
			if h.session().figure.w.Animating() && len(changes) > 0 && now-changes[len(changes)-1] >= s {
				t.Errorf("at %v the figure is still moving a second after its pose changed", now)
			}
			i++
		}
		step := 100 * ms
		if i < len(want) && want[i].at-now < step {
			step = want[i].at - now
		}
		h.advance(step)
		now += step
	}
	// Every change of pose in the bridge is on a tick of the tempo.
	for _, at := range changes {
		if at < 20*s && !ticks[at] {
			t.Errorf("the pose changed at %v, which is no tick of the tempo", at)
		}
	}
}

// TestFigureStillCostsNothing checks that while the pose does not change
// (the 3 s squeeze at the top of a bridge, with the card refreshed every
// second) the figure draws nothing new once its move (from 5 s, the pose
// drawn at 6 s) is over.
func TestFigureStillCostsNothing(t *testing.T) {
	h := newFigureHarness(t)
	h.w.StartPause()
	h.advance(6*time.Second + 100*time.Millisecond)
	before := h.session().figure.w.Drawn()
	for i := 0; i < 38; i++ {
		h.advance(100 * time.Millisecond) // through the pause at the top, to 9.9 s
	}
	if got := h.session().figure.w.Drawn(); got != before {
		t.Errorf("the figure was redrawn %d times while still", got-before)
	}
	h.advance(100 * time.Millisecond) // the tempo tick at 10 s
	if got := h.session().figure.w.Drawn(); got == before {
		t.Error("the figure did not move at the tempo tick")
	}
}

// TestFigureBesideTheClock checks the layout: the figure shares the
// clock's row while a move has one; without one the clock takes the row.
func TestFigureBesideTheClock(t *testing.T) {
	h := newFigureHarness(t)
	fig, clock := h.session().figure.w, h.session().card.clock
	if !fig.Visible() || fig.Size().Height < 0.3*h.win().Canvas().Size().Height {
		t.Fatalf("figure visible %v, %v tall in a window %v tall", fig.Visible(), fig.Size().Height, h.win().Canvas().Size().Height)
	}
	if fig.Position().X < clock.Position().X+clock.Size().Width {
		t.Errorf("figure at x %v overlaps the clock ending at %v", fig.Position().X, clock.Position().X+clock.Size().Width)
	}
	withFigure := clock.Size().Width
	h.w.StartPause()
	h.advance(37 * time.Second) // the move without a figure
	if fig.Visible() {
		t.Error("a move without figure shows one")
	}
	if clock.Size().Width <= withFigure {
		t.Errorf("without a figure the clock is %v wide, not wider than %v", clock.Size().Width, withFigure)
	}
}

// TestMutedClearOfTheFigure: MUTED sits in the clock's corner, not under
// the move's figure beside it, in the card and in the focus view.
func TestMutedClearOfTheFigure(t *testing.T) {
	h := newFigureHarness(t)
	h.press(fyne.KeyM)
	for _, focus := range []bool{false, true} {
		if focus {
			h.press(fyne.KeyF)
		}
		m, f := h.session().card.muted, h.session().figure.w
		if !m.Visible() || !f.Visible() {
			t.Fatalf("focus view %v: MUTED shown %v, figure shown %v", focus, m.Visible(), f.Visible())
		}
		if m.Position().X+m.Size().Width > f.Position().X && f.Position().X+f.Size().Width > m.Position().X &&
			m.Position().Y+m.Size().Height > f.Position().Y && f.Position().Y+f.Size().Height > m.Position().Y {
			t.Errorf("focus view %v: MUTED at %v %v lies under the figure at %v %v", focus, m.Position(), m.Size(), f.Position(), f.Size())
		}
	}
}
