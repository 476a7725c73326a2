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
		return []prompt{a.say(prioName, clipNext, moveClip(c.Move))}
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

// workPrompts returns what is said when a work step starts: the move's
// name (and dose) at its first step; then, from Normal on, the set when a
// new one starts, the side when it changes (every rep of an alternating
// move), "hold 30 seconds" at each long hold; at Full, the rep of a
// hold counted.
func (a *arranger) workPrompts(c schedule.Cue, d Detail) []prompt {
	p := a.plan
	if p == nil || c.Step < 0 || c.Step >= len(p.Steps) || p.Steps[c.Step].Kind != schedule.Work {
		return nil
	}
	st := p.Steps[c.Step]
	m := p.Moves[st.MoveIndex]
	prev := prevWork(p, c.Step)
	var out []prompt
	if prev < 0 {
		out = append(out, a.intro(m, st, d))
	}
	if d == DetailMinimal || prev < 0 {
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
	switch {
	case st.Side != schedule.NoSide && m.Sides == routine.Alternate:
		out = append(out, a.say(prioSide, sideClip(st.Side, clipLeft, clipRight)))
	case st.Side != schedule.NoSide && (ps.Side != st.Side || ps.Set != st.Set):
		out = append(out, a.say(prioSide, sideClip(st.Side, clipLeftSide, clipRightSide)))
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

// intro is the prompt of a move's first work step: its name, and from
// Normal on its dose: "Side Planks, 6 reps each side, hold 10 seconds,
// left side first" (the name alone when that does not fit).
func (a *arranger) intro(m routine.Move, st schedule.Step, d Detail) prompt {
	clips := []string{moveClip(m.ID)}
	if d == DetailMinimal {
		return a.say(prioName, clips...)
	}
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
	if sided {
		clips = append(clips, pause, clipLeftSideFirst)
	}
	full := a.say(prioName, clips...)
	if len(clips) > 1 {
		short := a.say(prioName, clips[0])
		full.short = &short
	}
	return full
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
