package cue

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// sidedRoutine is a routine of shipped moves done on sides, with short
// reps (alternating holds of 1-3 s, tempo reps of 2-3 s), random doses and
// pauses of 0 s as often as not: what leaves the least room for words.
func sidedRoutine(rng *rand.Rand) *routine.Routine {
	s := time.Second
	pick := func(vs ...int) time.Duration { return time.Duration(vs[rng.Intn(len(vs))]) * s }
	r := &routine.Routine{Name: "sided", GetReady: pick(0, 0, 2, 3, 5, 10), Rest: pick(0, 3, 5, 15),
		Switch: pick(0, 0, 2, 5), BetweenSets: pick(0, 3, 15)}
	base := routine.Default().Moves
	for i := range 1 + rng.Intn(4) {
		b := base[rng.Intn(len(base))]
		m := routine.Move{ID: fmt.Sprintf("m%d", i), Name: b.Name, Sides: routine.Alternate,
			BetweenReps: pick(0, 0, 1, 2), BetweenSets: pick(0, 3, 20), Rest: pick(0, 5, 10)}
		if rng.Intn(3) == 0 {
			m.Sides = routine.Each
		}
		for range 1 + rng.Intn(3) {
			m.Reps = append(m.Reps, 1+rng.Intn(6))
		}
		if rng.Intn(2) == 0 {
			m.Hold = pick(2, 3, 5, 10, 20)
		} else {
			m.Tempo = []time.Duration{pick(1, 2), pick(1, 2)}
		}
		r.Moves = append(r.Moves, m)
	}
	return r
}

// sideStarts returns the work steps at which the voice must say the side
// (from Normal on): every rep of an alternating move, and for a move done
// on each side in turn its first rep, the first rep of each set and the
// first rep after a side change.
func sideStarts(p *schedule.Plan) []schedule.Step {
	var out []schedule.Step
	for i, st := range p.Steps {
		if st.Kind != schedule.Work || st.Side == schedule.NoSide {
			continue
		}
		j := prevWork(p, i)
		if p.Moves[st.MoveIndex].Sides == routine.Alternate || j < 0 ||
			p.Steps[j].Side != st.Side || p.Steps[j].Set != st.Set {
			out = append(out, st)
		}
	}
	return out
}

// checkByEar checks what is heard of plan p at detail d: every side word
// begins within 1 s after its side's rep begins, no prompt overlaps a
// tone or another prompt, and the longest silence is under 15 s.
func checkByEar(t *testing.T, name string, p *schedule.Plan, v *VoiceBank, d Detail) {
	t.Helper()
	s := Settings{Volume: 100, Voice: true, Detail: d, RepTicks: true}
	// One arrangement, read as Script, Tones (placedSounds) and Analyze
	// read theirs: arranging is what this test spends its time on.
	ps, length := arrangePlan(p, v, s)
	var script, tones []Spoken
	for _, pl := range ps {
		sp := Spoken{At: SampleRate.D(int(pl.pos)), Len: SampleRate.D(len(pl.s)), Text: pl.name}
		if pl.voice {
			script = append(script, sp)
		} else {
			tones = append(tones, sp)
		}
	}
	for _, st := range sideStarts(p) {
		if !slices.ContainsFunc(ps, func(pl placement) bool {
			at := SampleRate.D(int(pl.pos))
			return pl.voice && at >= st.Start && at <= st.Start+time.Second && pl.side == st.Side
		}) {
			var near []string
			for _, sp := range script {
				if sp.At+sp.Len > st.Start-5*time.Second && sp.At < st.Start+5*time.Second {
					near = append(near, fmt.Sprintf("%q at %v", sp.Text, sp.At-st.Start))
				}
			}
			t.Errorf("%s %s: %s rep %d of set %d at %v: no %q within 1 s after it begins (said around it: %s)",
				name, d, p.Moves[st.MoveIndex].Name, st.Rep, st.Set, st.Start, st.Side, strings.Join(near, ", "))
		}
	}
	for i, sp := range script {
		if i > 0 && sp.At < script[i-1].At+script[i-1].Len {
			t.Errorf("%s %s: %q at %v overlaps %q", name, d, sp.Text, sp.At, script[i-1].Text)
		}
		for _, tn := range tones {
			if tn.At < sp.At+sp.Len && sp.At < tn.At+tn.Len {
				t.Errorf("%s %s: %q at %v overlaps the tone %s at %v", name, d, sp.Text, sp.At, tn.Text, tn.At)
			}
		}
	}
	if rep := analyze(p, ps, length); rep.LongestSilence >= 15*time.Second {
		t.Errorf("%s %s: %v of silence at %v, want < 15 s", name, d, rep.LongestSilence, rep.SilenceAt)
	}
}

// Side words in time, on the shipped routines and on generated ones, in
// every language (the generated ones: 80 in English, 20 in the others):
// the move's introduction goes in the pause before it (shortened when
// there is no room), never in the way of the side.
func TestSideWordsInTime(t *testing.T) {
	for _, lang := range i18n.Supported {
		for _, r := range []*routine.Routine{routine.Default(), routine.Big3()} {
			p, err := schedule.NewPlan(r, nil)
			if err != nil {
				t.Fatal(err)
			}
			v, _ := LoadVoicesIn(lang, r, "")
			for _, d := range []Detail{DetailNormal, DetailFull} {
				checkByEar(t, string(lang)+" "+r.Name, p, v, d)
			}
		}
	}
	for seed := int64(1); seed <= 80; seed++ {
		rng := rand.New(rand.NewSource(seed))
		r := randomRoutine(rng)
		if seed%2 == 0 {
			r = sidedRoutine(rng)
		}
		p, err := schedule.NewPlan(r, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for _, lang := range i18n.Supported {
			if lang != i18n.English && seed > 20 {
				break
			}
			v, _ := LoadVoicesIn(lang, r, "")
			for _, d := range []Detail{DetailNormal, DetailFull} {
				checkByEar(t, fmt.Sprintf("%s seed %d", lang, seed), p, v, d)
			}
		}
	}
}
