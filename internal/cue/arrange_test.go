package cue

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
	"time"

	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// randomRoutine is a routine of shipped moves (so every name has a clip)
// with random doses, sides and pauses.
func randomRoutine(rng *rand.Rand) *routine.Routine {
	s := time.Second
	pick := func(vs ...int) time.Duration { return time.Duration(vs[rng.Intn(len(vs))]) * s }
	r := &routine.Routine{Name: "random", GetReady: pick(0, 3, 5, 10), Rest: pick(5, 15, 30, 45),
		Switch: pick(0, 2, 5), BetweenSets: pick(3, 15, 25)}
	ids := routine.Default().Moves
	sides := []routine.Sides{routine.NoSides, routine.Alternate, routine.Each}
	for i := range 1 + rng.Intn(4) {
		base := ids[rng.Intn(len(ids))]
		m := routine.Move{ID: fmt.Sprintf("m%d", i), Name: base.Name, Sides: sides[rng.Intn(3)],
			BetweenReps: pick(0, 2, 5, 15), BetweenSets: pick(3, 20), Rest: pick(10, 30)}
		for range 1 + rng.Intn(3) {
			m.Reps = append(m.Reps, 1+rng.Intn(8))
		}
		if rng.Intn(2) == 0 {
			m.Hold = pick(3, 10, 20, 30, 45)
		} else {
			m.Tempo = []time.Duration{pick(1, 2, 3), pick(1, 2)}
		}
		r.Moves = append(r.Moves, m)
	}
	return r
}

// Whatever the routine and the detail, no prompt overlaps a tone or
// another prompt, every "Next" ends before the countdown that follows, and
// every move is named when it starts.
func TestArrangeRandomRoutinesNeverOverlap(t *testing.T) {
	for seed := int64(1); seed <= 60; seed++ {
		rng := rand.New(rand.NewSource(seed))
		r := randomRoutine(rng)
		p, err := schedule.NewPlan(r, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		bank, _ := LoadVoices(r, "")
		for _, d := range Details {
			s := Settings{Volume: 100, Voice: true, Detail: d, RepTicks: rng.Intn(2) == 0}
			ps, length := arrangePlan(p, bank, s)
			var last *placement
			for i := range ps {
				pl := &ps[i]
				if !pl.voice {
					continue
				}
				if last != nil && pl.pos < last.end() {
					t.Fatalf("seed %d %s: %q at %v overlaps %q", seed, d, pl.name, SampleRate.D(int(pl.pos)), last.name)
				}
				last = pl
				for _, o := range ps {
					if !o.voice && o.pos < pl.end() && o.end() > pl.pos {
						t.Fatalf("seed %d %s: %q at %v overlaps tone %s at %v", seed, d, pl.name,
							SampleRate.D(int(pl.pos)), o.name, SampleRate.D(int(o.pos)))
					}
				}
			}
			checkNextBeforePip(t, p, ps)
			if rep := analyze(p, ps, length); rep.MovesNamed != rep.Moves {
				t.Errorf("seed %d %s: %d of %d moves named", seed, d, rep.MovesNamed, rep.Moves)
			}
		}
	}
}

// Tones accounts for every cue of random routines: each sounds, by its
// own sound, at its instant or after the tones before it at that instant
// (within a second), or it is a rep or tempo tick left out because it
// would overlap a prompt of the Script; and no tone sounds during a
// prompt.
func TestTonesAccountForEveryCue(t *testing.T) {
	dropped := 0
	for seed := int64(1); seed <= 30; seed++ {
		rng := rand.New(rand.NewSource(seed))
		r := randomRoutine(rng)
		p, err := schedule.NewPlan(r, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		v, _ := LoadVoices(r, "")
		s := Settings{Volume: 100, Voice: rng.Intn(4) > 0, Detail: Details[rng.Intn(len(Details))], RepTicks: true}
		tones, script := Tones(p, v, s), Script(p, v, s)
		under := func(c schedule.Cue) bool { // the tick would overlap a prompt
			end := c.At + SampleRate.D(len(samples(c.Kind, c.N)))
			return slices.ContainsFunc(script, func(sp Spoken) bool { return sp.At < end && c.At < sp.At+sp.Len })
		}
		used := make([]bool, len(tones))
		sounding := 0
		for _, c := range p.Cues {
			i := freeTone(tones, used, c)
			switch {
			case i >= 0:
				used[i] = true
				sounding++
			case isTick(c.Kind) && under(c):
				dropped++
			default:
				t.Errorf("seed %d: cue %s at %v has no tone and is not under a prompt", seed, c.Kind, c.At)
			}
		}
		if sounding != len(tones) {
			t.Errorf("seed %d: %d tones, %d cues sounding", seed, len(tones), sounding)
		}
		for _, tn := range tones {
			if slices.ContainsFunc(script, func(sp Spoken) bool { return sp.At < tn.At+tn.Len && tn.At < sp.At+sp.Len }) {
				t.Errorf("seed %d: tone %s at %v sounds during a prompt", seed, tn.Text, tn.At)
			}
		}
	}
	if dropped == 0 {
		t.Error("no tick was left out under a prompt: the routines do not test it")
	}
	t.Logf("%d ticks left out under prompts", dropped)
}

// freeTone returns the index of the first tone not used yet that is cue
// c's sound, at its instant or within a second after it (-1: none).
func freeTone(tones []Spoken, used []bool, c schedule.Cue) int {
	for i, tn := range tones {
		if !used[i] && tn.Text == soundName(c.Kind, c.N) && tn.At >= c.At && tn.At < c.At+time.Second {
			return i
		}
	}
	return -1
}
