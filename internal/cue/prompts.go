package cue

import (
	"time"

	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// detail is the settings' voice detail ("" is DetailNormal).
func (s Settings) detail() Detail {
	if s.Detail == "" {
		return DetailNormal
	}
	return s.Detail
}

// prompts returns what is said for cue c, in order, at the settings'
// detail; group holds the cues of its instant.
func (a *arranger) prompts(c schedule.Cue, group []timedCue) []prompt {
	d := a.settings.detail()
	switch c.Kind {
	case schedule.CueNext:
		return []prompt{a.next(c, d)}
	case schedule.CueStart, schedule.CueRep:
		return a.workPrompts(c, d)
	}
	if d == DetailMinimal {
		return nil
	}
	switch c.Kind {
	case schedule.CueDone:
		return []prompt{say(prioName, a.clip(clipDone))}
	case schedule.CueSwitch:
		return []prompt{say(prioSide, a.clip(clipSwitch))}
	case schedule.CueRest:
		return []prompt{say(prioTime, a.clip(clipRest))}
	case schedule.CueGetReady:
		return []prompt{say(prioTime, a.clip(clipGetReady))}
	case schedule.CueTimeLeft:
		if s, ok := a.seconds(phTimeLeft, phTimeLeftOne, c.N); ok {
			return []prompt{say(prioTime, s)}
		}
	case schedule.CueHalfway:
		for _, g := range group {
			if g.cue.Kind == schedule.CueTimeLeft {
				return nil // the time left says more
			}
		}
		return []prompt{say(prioTime, a.clip(clipHalfway))}
	}
	return nil
}

// next is the prompt of a next cue, in the pause before a move (its
// get-ready or rest): "Next:" and the move's name, and from Normal on its
// introduction ("Next: Side Planks, 6 reps each side, hold 10 seconds, left
// side first"), shortened to the name when it does not fit.
func (a *arranger) next(c schedule.Cue, d Detail) prompt {
	said, _ := a.phrase(phNext, 0, 0, c.Move)
	name := say(prioName, said)
	name.names, name.next = c.Move, true
	p := a.plan
	if d == DetailMinimal || p == nil || c.Step < 0 || c.Step >= len(p.Steps) {
		return name
	}
	mi := p.Steps[c.Step].MoveIndex
	first := p.FirstWork(mi)
	if first < 0 {
		return name
	}
	dose := a.dose(p.Moves[mi], p.Steps[first], true)
	if len(dose) == 0 {
		return name
	}
	full := say(prioName, append([]words{said}, dose...)...)
	full.names, full.short, full.next = c.Move, &name, true
	return full
}

// workPrompts returns what is said when a work step starts. At a move's
// first step: the side it begins on, and the move's name (and dose) unless
// the pause before it introduced the move (at Minimal, the name always).
// Then, from Normal on: the side when it changes (every rep of an
// alternating move) first, so that it is heard as the side begins; the set
// when a new one starts; "hold 30 seconds" at each long hold; at Full, the
// rep of a hold counted.
func (a *arranger) workPrompts(c schedule.Cue, d Detail) []prompt {
	p := a.plan
	if p == nil || c.Step < 0 || c.Step >= len(p.Steps) || p.Steps[c.Step].Kind != schedule.Work {
		return nil
	}
	st := p.Steps[c.Step]
	m := p.Moves[st.MoveIndex]
	prev := prevWork(p, c.Step)
	if d == DetailMinimal {
		if prev < 0 {
			return []prompt{a.intro(m, st, d)}
		}
		return nil
	}
	var out []prompt
	side := say(prioSide, a.clip(sideClip(st.Side, clipLeftSide, clipRightSide)))
	if m.Sides == routine.Alternate {
		side = say(prioSide, a.clip(sideClip(st.Side, clipLeft, clipRight)))
	}
	side.side = st.Side
	switch {
	case st.Side == schedule.NoSide:
	case m.Sides == routine.Alternate, prev < 0 || p.Steps[prev].Side != st.Side || p.Steps[prev].Set != st.Set:
		out = append(out, side)
	}
	if prev < 0 {
		if _, ok := a.named[m.ID]; !ok {
			out = append(out, a.intro(m, st, d))
		}
		return out
	}
	ps := p.Steps[prev]
	if ps.Set != st.Set {
		if st.Set == st.Sets {
			out = append(out, say(prioSet, a.clip(clipLastSet)))
		} else if w, ok := a.phrase(phSet, st.Set, st.Sets, ""); ok {
			out = append(out, say(prioSet, w))
		}
	}
	if d == DetailFull && st.Phases == nil && st.Rep >= 2 && st.Side != schedule.Right {
		if w, ok := a.phrase(phCount, st.Rep, 0, ""); ok {
			out = append(out, say(prioCount, w))
		}
	}
	if m.Sides != routine.Alternate && st.Phases == nil && st.Dur >= longHold {
		// Another long hold: its length, so the start of a long stretch
		// is not a tick alone.
		if w, ok := a.seconds(phHold, phHoldOne, wholeSeconds(st.Dur)); ok {
			out = append(out, say(prioTime, w))
		}
	}
	return out
}

// longHold is the shortest hold whose length is said again at each rep.
const longHold = 20 * time.Second

func sideClip(s schedule.Side, left, right string) string {
	if s == schedule.Left {
		return left
	}
	return right
}

// intro is the prompt that names a move at its first work step, when the
// pause before did not: its name, and from Normal on its dose ("Glute
// Bridge, 12 reps"; the name alone when that does not fit). The side is
// said before it, so the intro does not say which side comes first.
func (a *arranger) intro(m routine.Move, st schedule.Step, d Detail) prompt {
	name := say(prioName, a.clip(moveClip(m.ID)))
	name.names = m.ID
	if d == DetailMinimal {
		return name
	}
	dose := a.dose(m, st, false)
	if len(dose) == 0 {
		return name
	}
	full := say(prioName, append([]words{a.clip(moveClip(m.ID))}, dose...)...)
	full.names, full.short = m.ID, &name
	return full
}

// dose returns the parts of a move's introduction after its name, at its
// first work step st: "6 reps each side", "hold 10 seconds", and with
// first "left side first" for a move done on sides.
func (a *arranger) dose(m routine.Move, st schedule.Step, first bool) []words {
	var out []words
	sided := m.Sides == routine.Alternate || m.Sides == routine.Each
	reps := phReps
	if sided {
		reps = phRepsEachSide
	}
	if w, ok := a.phrase(reps, st.Reps, 0, ""); ok && st.Reps > 1 {
		out = append(out, w)
	}
	if w, ok := a.seconds(phHold, phHoldOne, wholeSeconds(m.Hold)); ok && m.Tempo == nil {
		out = append(out, w)
	}
	if sided && first {
		out = append(out, a.clip(clipLeftSideFirst))
	}
	return out
}

// seconds returns the words of phrase id for n seconds, or of one (its
// singular) when n is 1; false when n cannot be said.
func (a *arranger) seconds(id, one phraseID, n int) (words, bool) {
	if n == 1 {
		return a.phrase(one, 1, 0, "")
	}
	return a.phrase(id, n, 0, "")
}

// wholeSeconds returns d rounded to whole seconds (0, which is not said,
// under half a second).
func wholeSeconds(d time.Duration) int {
	return int(d.Round(time.Second) / time.Second)
}

// prevWork returns the index of the work step of the same move before
// step i, or -1.
func prevWork(p *schedule.Plan, i int) int {
	mi := p.Steps[i].MoveIndex
	for j := i - 1; j >= 0 && p.Steps[j].MoveIndex == mi; j-- {
		if p.Steps[j].Kind == schedule.Work {
			return j
		}
	}
	return -1
}
