package schedule

import (
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"

	"spineroutine/internal/routine"
)

// randDur returns a duration in [0, max] that is sometimes a round number
// of seconds, sometimes an odd number of milliseconds.
func randDur(rng *rand.Rand, max time.Duration) time.Duration {
	if rng.Intn(3) == 0 {
		return 0
	}
	if rng.Intn(2) == 0 {
		return time.Duration(rng.Int63n(int64(max/time.Second)+1)) * time.Second
	}
	return time.Duration(rng.Int63n(int64(max/time.Millisecond)+1)) * time.Millisecond
}

func randomRoutine(rng *rand.Rand) *routine.Routine {
	r := &routine.Routine{Name: "random", GetReady: randDur(rng, 12*sec), Rest: 20 * sec,
		Switch: randDur(rng, 6*sec), BetweenSets: 15 * sec}
	sides := []routine.Sides{routine.NoSides, routine.Alternate, routine.Each}
	for i := range 1 + rng.Intn(5) {
		m := routine.Move{ID: fmt.Sprintf("m%d", i), Name: "M", Sides: sides[rng.Intn(3)],
			BetweenReps: randDur(rng, 4*sec), BetweenSets: randDur(rng, 25*sec), Rest: randDur(rng, 25*sec)}
		for range 1 + rng.Intn(3) {
			m.Reps = append(m.Reps, 1+rng.Intn(4))
		}
		if rng.Intn(2) == 0 {
			m.Hold = randDur(rng, 40*sec)
			if m.Hold == 0 {
				m.Hold = time.Duration(1+rng.Intn(30000)) * time.Millisecond
			}
		} else {
			for range 1 + rng.Intn(4) {
				m.Tempo = append(m.Tempo, randDur(rng, 5*sec))
			}
			if m.RepDuration() == 0 {
				m.Tempo[0] = 1500 * time.Millisecond
			}
		}
		r.Moves = append(r.Moves, m)
	}
	return r
}

// expectedCues recomputes the cues from the steps alone, rule by rule, as
// the package doc states them.
func expectedCues(p *Plan) []cueKey {
	var want []cueKey
	steps := p.Steps
	pauseBefore := func(i int) bool { // a get_ready/rest/switch/between_sets of >= 3 s right before step i
		if i == 0 {
			return false
		}
		k := steps[i-1].Kind
		return (k == GetReady || k == Rest || k == Switch || k == BetweenSets) && steps[i-1].Dur >= 3*time.Second
	}
	seenWork := false
	for i, s := range steps {
		// Rule: next at get_ready and every rest; rest at rest and between_sets; switch at switch.
		if s.Kind == GetReady || s.Kind == Rest {
			want = append(want, cueKey{s.Start, CueNext, 0, s.Move, i})
		}
		if s.Kind == Rest || s.Kind == BetweenSets {
			want = append(want, cueKey{s.Start, CueRest, 0, s.Move, i})
		}
		if s.Kind == Switch {
			want = append(want, cueKey{s.Start, CueSwitch, 0, s.Move, i})
		}
		if s.Kind != Work {
			// Rule: time left at every whole 10 s from 20 s while 8 s of
			// the pause have passed; get ready 6 s before the end of a pause
			// over 12 s.
			for left := 20 * time.Second; s.Dur-left >= 8*time.Second; left += 10 * time.Second {
				want = append(want, cueKey{s.End() - left, CueTimeLeft, int(left / time.Second), s.Move, i})
			}
			if s.Dur > 12*time.Second {
				want = append(want, cueKey{s.End() - 6*time.Second, CueGetReady, 0, s.Move, i})
			}
			continue
		}
		// Rule: countdown 3, 2, 1 s before a work step after a long pause.
		if pauseBefore(i) {
			for _, n := range []int{1, 2, 3} {
				want = append(want, cueKey{s.Start - time.Duration(n)*time.Second, CueCountdown, n, s.Move, i - 1})
			}
		}
		// Rule: start after such a pause and at the first work step, rep otherwise.
		if pauseBefore(i) || !seenWork {
			want = append(want, cueKey{s.Start, CueStart, 0, s.Move, i})
		} else {
			want = append(want, cueKey{s.Start, CueRep, 0, s.Move, i})
		}
		seenWork = true
		// Rule: tempo at every inner boundary of the phases (distinct instants).
		if s.Phases != nil {
			var at time.Duration
			for n, ph := range s.Phases {
				if n > 0 && at > 0 && ph > 0 {
					want = append(want, cueKey{s.Start + at, CueTempo, n + 1, s.Move, i})
				}
				at += ph
			}
		}
		// Rule: release at the end of a hold unless work starts right then.
		workFollows := i+1 < len(steps) && steps[i+1].Kind == Work
		if s.Phases == nil && !workFollows {
			want = append(want, cueKey{s.End(), CueRelease, 0, s.Move, i})
		}
		// Rule: a hold of 10 s or more is counted down to its end; one of
		// 15 s or more says the time left at 10, 20, 30... s left while at
		// least 5 s of it has passed.
		if s.Phases == nil && s.Dur >= 10*time.Second {
			for _, n := range []int{1, 2, 3} {
				want = append(want, cueKey{s.End() - time.Duration(n)*time.Second, CueCountdown, n, s.Move, i})
			}
		}
		if s.Phases == nil && s.Dur >= 15*time.Second {
			for left := 10 * time.Second; left <= s.Dur-5*time.Second; left += 10 * time.Second {
				want = append(want, cueKey{s.End() - left, CueTimeLeft, int(left / time.Second), s.Move, i})
			}
		}
		// Rule: halfway in a work step of 20 s or more.
		if s.Dur >= 20*time.Second {
			want = append(want, cueKey{s.Start + s.Dur/2, CueHalfway, 0, s.Move, i})
		}
	}
	last := steps[len(steps)-1]
	want = append(want, cueKey{p.Total, CueDone, 0, last.Move, last.Index})
	return want
}

func sortKeys(k []cueKey) {
	sort.Slice(k, func(i, j int) bool { return fmt.Sprint(k[i]) < fmt.Sprint(k[j]) })
}

// checkCues compares the plan's cues with an independent recomputation and
// checks their order and side fields.
func checkCues(t testing.TB, p *Plan) {
	t.Helper()
	got, want := cueKeys(p.Cues), expectedCues(p)
	sortKeys(got)
	sortKeys(want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("cues differ:\n got %v\nwant %v\nsteps %s", got, want, kinds(p))
	}
	for i, c := range p.Cues {
		if i > 0 {
			prev := p.Cues[i-1]
			if c.At < prev.At || (c.At == prev.At && kindRank(c.Kind) < kindRank(prev.Kind)) {
				t.Fatalf("cue %d (%v %s) out of order after %v %s", i, c.At, c.Kind, prev.At, prev.Kind)
			}
		}
		if c.At < 0 || c.At > p.Total {
			t.Fatalf("cue %d at %v outside the plan", i, c.At)
		}
		s := p.Steps[c.Step]
		if c.Kind == CueStart || c.Kind == CueRep {
			if c.Side != s.Side {
				t.Fatalf("cue %d side %q, step side %q", i, c.Side, s.Side)
			}
		} else if c.Side != NoSide || c.LastSet {
			t.Fatalf("cue %d (%s) has side %q / LastSet %v", i, c.Kind, c.Side, c.LastSet)
		}
	}
	// LastSet: exactly one per move with several sets, on its last set's first work step.
	for mi, m := range p.Moves {
		n := 0
		for _, c := range p.Cues {
			if c.LastSet && p.Steps[c.Step].MoveIndex == mi {
				n++
				s := p.Steps[c.Step]
				if s.Set != m.Sets() || c.Step != firstWorkOfSet(p, mi, s.Set) {
					t.Fatalf("LastSet on step %d (set %d) of %s", c.Step, s.Set, m.ID)
				}
			}
		}
		if want := map[bool]int{true: 1, false: 0}[m.Sets() > 1]; n != want {
			t.Fatalf("move %s: %d LastSet cues, want %d", m.ID, n, want)
		}
	}
}

func firstWorkOfSet(p *Plan, mi, set int) int {
	for i, s := range p.Steps {
		if s.MoveIndex == mi && s.Set == set && s.Kind == Work {
			return i
		}
	}
	return -1
}

func TestPlanProperties(t *testing.T) {
	for seed := int64(1); seed <= 400; seed++ {
		rng := rand.New(rand.NewSource(seed))
		r := randomRoutine(rng)
		var ids []string
		if rng.Intn(3) == 0 {
			for _, m := range r.Moves {
				if rng.Intn(2) == 0 {
					ids = append(ids, m.ID)
				}
			}
		}
		p, err := NewPlan(r, ids)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			checkTiling(t, p)
			if p.Total != r.Duration(ids...) {
				t.Fatalf("Total %v, routine says %v", p.Total, r.Duration(ids...))
			}
			checkCues(t, p)
			// StepAt agrees with the tiling everywhere it matters.
			for i, s := range p.Steps {
				if got := p.StepAt(s.Start); got != i {
					t.Fatalf("StepAt(start of %d) = %d", i, got)
				}
				if got := p.StepAt(s.End() - 1); got != i {
					t.Fatalf("StepAt(end-1 of %d) = %d", i, got)
				}
			}
		})
	}
}
