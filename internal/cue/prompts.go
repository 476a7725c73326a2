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
		return []prompt{a.say(prioName, clipDone)}
	case schedule.CueSwitch:
		return []prompt{a.say(prioSide, clipSwitch)}
	case schedule.CueRest:
		return []prompt{a.say(prioTime, clipRest)}
	case schedule.CueGetReady:
		return []prompt{a.say(prioTime, clipGetReady)}
	case schedule.CueTimeLeft:
		if s := seconds(time.Duration(c.N) * time.Second); s != nil {
			return []prompt{a.say(prioTime, s...)}
		}
	case schedule.CueHalfway:
		for _, g := range group {
			if g.cue.Kind == schedule.CueTimeLeft {
				return nil // the time left says more
			}
		}
		return []prompt{a.say(prioTime, clipHalfway)}
	}
	return nil
}

// next is the prompt of a next cue, in the pause before a move (its
// get-ready or rest): "Next:" and the move's name, and from Normal on its
// introduction ("Next: Side Planks, 6 reps each side, hold 10 seconds, left
// side first"), shortened to the name when it does not fit.
func (a *arranger) next(c schedule.Cue, d Detail) prompt {
	name := a.say(prioName, clipNext, moveClip(c.Move))
	name.names = c.Move
	p := a.plan
	if d == DetailMinimal || p == nil || c.Step < 0 || c.Step >= len(p.Steps) {
		return name
	}
	mi := p.Steps[c.Step].MoveIndex
	first := p.FirstWork(mi)
	if first < 0 {
		return name
	}
	clips := a.introClips(p.Moves[mi], p.Steps[first], true)
	if len(clips) == 1 {
		return name
	}
	full := a.say(prioName, append([]string{clipNext}, clips...)...)
	full.names, full.short = c.Move, &name
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
	switch {
	case st.Side == schedule.NoSide:
	case m.Sides == routine.Alternate:
		out = append(out, a.say(prioSide, sideClip(st.Side, clipLeft, clipRight)))
	case prev < 0 || p.Steps[prev].Side != st.Side || p.Steps[prev].Set != st.Set:
		out = append(out, a.say(prioSide, sideClip(st.Side, clipLeftSide, clipRightSide)))
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
			out = append(out, a.say(prioSet, clipLastSet))
		} else if n, of := number(st.Set), number(st.Sets); n != nil && of != nil {
			out = append(out, a.say(prioSet, append(append(append([]string{clipSet}, n...), clipOf), of...)...))
		}
	}
	if d == DetailFull && st.Phases == nil && st.Rep >= 2 && st.Side != schedule.Right {
		if n := number(st.Rep); n != nil {
			out = append(out, a.say(prioCount, n...))
		}
	}
	if m.Sides != routine.Alternate && st.Phases == nil && st.Dur >= longHold {
		// Another long hold: its length, so the start of a long stretch
		// is not a tick alone.
		if s := seconds(st.Dur); s != nil {
			out = append(out, a.say(prioTime, append([]string{clipHold}, s...)...))
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
	name := a.say(prioName, moveClip(m.ID))
	name.names = m.ID
	if d == DetailMinimal {
		return name
	}
	clips := a.introClips(m, st, false)
	if len(clips) == 1 {
		return name
	}
	full := a.say(prioName, clips...)
	full.names, full.short = m.ID, &name
	return full
}

// introClips returns the clips of a move's introduction, its first work
// step st: "Side Planks, 6 reps each side, hold 10 seconds", and with
// first ", left side first" for a move done on sides.
func (a *arranger) introClips(m routine.Move, st schedule.Step, first bool) []string {
	clips := []string{moveClip(m.ID)}
	sided := m.Sides == routine.Alternate || m.Sides == routine.Each
	if n := number(st.Reps); n != nil && st.Reps > 1 {
		clips = append(append(append(clips, pause), n...), clipReps)
		if sided {
			clips = append(clips, clipEachSide)
		}
	}
	if s := seconds(m.Hold); m.Tempo == nil && s != nil {
		clips = append(append(clips, pause, clipHold), s...)
	}
	if sided && first {
		clips = append(clips, pause, clipLeftSideFirst)
	}
	return clips
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
