package schedule

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"spineroutine/internal/routine"
)

// countdownLead is the shortest pause before a work step that earns a 3-2-1
// countdown, and the length of the pre-roll after a resume.
const countdownLead = 3 * time.Second

// halfwayMin is the shortest work step that gets a halfway cue.
const halfwayMin = 20 * time.Second

// Timing cues (see the package doc): a hold of endCountdownMin or more is
// counted down to its end; a hold of timeLeftMin or more says every
// timeLeftStep of time left from holdTimeLeft while at least holdRoom has
// passed (so that no stretch of it is silent for 15 s); a pause says every
// timeLeftStep of time left from pauseTimeLeftMin while at least
// timeLeftRoom has passed, and one longer than getReadyMin has a get_ready
// cue getReadyLead before its end.
const (
	endCountdownMin  = 10 * time.Second
	timeLeftMin      = 15 * time.Second
	holdTimeLeft     = 10 * time.Second
	holdRoom         = 5 * time.Second
	timeLeftStep     = 10 * time.Second
	pauseTimeLeftMin = 20 * time.Second
	timeLeftRoom     = 8 * time.Second
	getReadyMin      = 12 * time.Second
	getReadyLead     = 6 * time.Second
)

// NewPlan expands the chosen moves (ids in any order; empty = all) in
// routine order into steps and cues. It fails on unknown ids (naming them
// and listing the valid ones), on an empty selection and on a move whose
// dosage cannot be timed (no set, a set of no rep, a rep of no duration, a
// negative duration).
func NewPlan(r *routine.Routine, ids []string) (*Plan, error) {
	if r == nil {
		return nil, errors.New("plan: no routine")
	}
	if bad := r.Unknown(ids...); len(bad) > 0 {
		return nil, fmt.Errorf("plan %q: unknown move id(s): %s (valid ids: %s)",
			r.Name, strings.Join(bad, ", "), strings.Join(r.IDs(), ", "))
	}
	moves := append([]routine.Move(nil), r.Select(ids...)...)
	if len(moves) == 0 {
		return nil, fmt.Errorf("plan %q: no move selected", r.Name)
	}
	if err := checkTimings(r); err != nil {
		return nil, fmt.Errorf("plan %q: %w", r.Name, err)
	}
	for _, m := range moves {
		if err := checkMove(m); err != nil {
			return nil, fmt.Errorf("plan %q: move %s: %w", r.Name, m.ID, err)
		}
	}
	var b builder
	for i, m := range moves {
		if i == 0 {
			b.add(Step{Kind: GetReady, Dur: r.GetReady, Move: m.ID, MoveIndex: i, Sets: m.Sets()})
		} else {
			b.add(Step{Kind: Rest, Dur: moves[i-1].Rest, Move: m.ID, MoveIndex: i, Sets: m.Sets()})
		}
		b.move(i, m, r.Switch)
	}
	p := &Plan{Routine: r, Moves: moves, Steps: b.steps, Total: b.at}
	p.Cues = buildCues(p)
	return p, nil
}

func checkTimings(r *routine.Routine) error {
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"get_ready", r.GetReady}, {"switch", r.Switch}, {"between_sets", r.BetweenSets}, {"rest", r.Rest}} {
		if d.v < 0 {
			return fmt.Errorf("%s is negative (%v)", d.name, d.v)
		}
	}
	return nil
}

func checkMove(m routine.Move) error {
	if len(m.Reps) == 0 {
		return errors.New("no set")
	}
	for i, n := range m.Reps {
		if n < 1 {
			return fmt.Errorf("set %d has %d reps", i+1, n)
		}
	}
	if m.Hold < 0 || m.BetweenReps < 0 || m.BetweenSets < 0 || m.Rest < 0 {
		return errors.New("negative duration")
	}
	for _, ph := range m.Tempo {
		if ph < 0 {
			return errors.New("negative tempo phase")
		}
	}
	if m.RepDuration() <= 0 {
		return errors.New("a rep lasts no time")
	}
	return nil
}

// builder lays steps end to end, dropping the ones of zero length.
type builder struct {
	steps []Step
	at    time.Duration
}

func (b *builder) add(s Step) {
	if s.Dur <= 0 {
		return
	}
	s.Index = len(b.steps)
	s.Start = b.at
	b.at += s.Dur
	b.steps = append(b.steps, s)
}

// move lays out the sets of move m (index mi). Pauses inside a set (gap,
// switch) carry the set, rep and side of the work step that follows them;
// between_sets carries the set that follows.
func (b *builder) move(mi int, m routine.Move, switchTime time.Duration) {
	var phases []time.Duration
	if m.Tempo != nil {
		phases = append([]time.Duration(nil), m.Tempo...)
	}
	w := m.RepDuration()
	for si, reps := range m.Reps {
		set := si + 1
		base := Step{Move: m.ID, MoveIndex: mi, Set: set, Sets: m.Sets(), Reps: reps}
		step := func(kind StepKind, d time.Duration, rep int, side Side) {
			s := base
			s.Kind, s.Dur, s.Rep, s.Side = kind, d, rep, side
			if kind == Work {
				s.Phases = phases
			}
			b.add(s)
		}
		if si > 0 {
			step(BetweenSets, m.BetweenSets, 0, NoSide)
		}
		switch m.Sides {
		case routine.Alternate:
			for k := 0; k < 2*reps; k++ {
				rep, side := k/2+1, Left
				if k%2 == 1 {
					side = Right
				}
				if k > 0 {
					step(Gap, m.BetweenReps, rep, side)
				}
				step(Work, w, rep, side)
			}
		case routine.Each:
			for _, side := range []Side{Left, Right} {
				if side == Right {
					step(Switch, switchTime, 1, Right)
				}
				for rep := 1; rep <= reps; rep++ {
					if rep > 1 {
						step(Gap, m.BetweenReps, rep, side)
					}
					step(Work, w, rep, side)
				}
			}
		default:
			for rep := 1; rep <= reps; rep++ {
				if rep > 1 {
					step(Gap, m.BetweenReps, rep, NoSide)
				}
				step(Work, w, rep, NoSide)
			}
		}
	}
}

// isPause reports whether a step of kind k before a work step is a pause
// that can earn a countdown (gaps between reps never do).
func isPause(k StepKind) bool {
	return k == GetReady || k == Rest || k == Switch || k == BetweenSets
}

func buildCues(p *Plan) []Cue {
	var cues []Cue
	add := func(c Cue) { cues = append(cues, c) }
	firstWork := true
	lastSetSeen := map[int]bool{}
	for i, s := range p.Steps {
		switch s.Kind {
		case GetReady:
			add(Cue{At: s.Start, Kind: CueNext, Move: s.Move, Step: i})
		case Rest:
			add(Cue{At: s.Start, Kind: CueRest, Move: s.Move, Step: i})
			add(Cue{At: s.Start, Kind: CueNext, Move: s.Move, Step: i})
		case BetweenSets:
			add(Cue{At: s.Start, Kind: CueRest, Move: s.Move, Step: i})
		case Switch:
			add(Cue{At: s.Start, Kind: CueSwitch, Move: s.Move, Step: i})
		}
		if s.Kind != Work {
			for left := pauseTimeLeftMin; left <= s.Dur-timeLeftRoom; left += timeLeftStep {
				add(Cue{At: s.End() - left, Kind: CueTimeLeft, Move: s.Move, Step: i, N: int(left / time.Second)})
			}
			if s.Dur > getReadyMin {
				add(Cue{At: s.End() - getReadyLead, Kind: CueGetReady, Move: s.Move, Step: i})
			}
			continue
		}
		afterPause := i > 0 && isPause(p.Steps[i-1].Kind) && p.Steps[i-1].Dur >= countdownLead
		if afterPause {
			for n := 3; n >= 1; n-- {
				add(Cue{At: s.Start - time.Duration(n)*time.Second, Kind: CueCountdown,
					Move: s.Move, Step: i - 1, N: n})
			}
		}
		kind := CueRep
		if afterPause || firstWork {
			kind = CueStart
		}
		firstWork = false
		c := Cue{At: s.Start, Kind: kind, Move: s.Move, Step: i, Side: s.Side}
		if s.Sets > 1 && s.Set == s.Sets && !lastSetSeen[s.MoveIndex] {
			lastSetSeen[s.MoveIndex] = true
			c.LastSet = true
		}
		add(c)
		if s.Phases != nil {
			at := s.Start
			for n, ph := range s.Phases {
				if ph > 0 && at > s.Start {
					add(Cue{At: at, Kind: CueTempo, Move: s.Move, Step: i, N: n + 1})
				}
				at += ph
			}
		} else {
			if i+1 == len(p.Steps) || p.Steps[i+1].Kind != Work {
				add(Cue{At: s.End(), Kind: CueRelease, Move: s.Move, Step: i})
			}
			if s.Dur >= endCountdownMin {
				for n := 3; n >= 1; n-- {
					add(Cue{At: s.End() - time.Duration(n)*time.Second, Kind: CueCountdown, Move: s.Move, Step: i, N: n})
				}
			}
			for left := holdTimeLeft; s.Dur >= timeLeftMin && left <= s.Dur-holdRoom; left += timeLeftStep {
				add(Cue{At: s.End() - left, Kind: CueTimeLeft, Move: s.Move, Step: i, N: int(left / time.Second)})
			}
		}
		if s.Dur >= halfwayMin {
			add(Cue{At: s.Start + s.Dur/2, Kind: CueHalfway, Move: s.Move, Step: i})
		}
	}
	last := len(p.Steps) - 1
	add(Cue{At: p.Total, Kind: CueDone, Move: p.Steps[last].Move, Step: last})
	sortCues(cues)
	return cues
}

// kindRank orders cue kinds within an instant as CueKinds lists them.
func kindRank(k CueKind) int {
	for i, c := range CueKinds {
		if c == k {
			return i
		}
	}
	return len(CueKinds)
}

func sortCues(cues []Cue) {
	sort.SliceStable(cues, func(i, j int) bool {
		if cues[i].At != cues[j].At {
			return cues[i].At < cues[j].At
		}
		return kindRank(cues[i].Kind) < kindRank(cues[j].Kind)
	})
}

// StepAt returns the index of the step containing offset: 0 for a negative
// offset, the last step for offset >= Total.
func (p *Plan) StepAt(offset time.Duration) int {
	if offset >= p.Total {
		return len(p.Steps) - 1
	}
	i := sort.Search(len(p.Steps), func(i int) bool { return p.Steps[i].End() > offset })
	return i
}

// MoveStart returns the index of the first step belonging to move
// moveIndex (its get-ready or rest when it has one), or -1 when moveIndex is
// out of range.
func (p *Plan) MoveStart(moveIndex int) int {
	for i, s := range p.Steps {
		if s.MoveIndex == moveIndex {
			return i
		}
	}
	return -1
}

// FirstWork returns the index of the first work step of move moveIndex, or
// -1 when moveIndex is out of range.
func (p *Plan) FirstWork(moveIndex int) int {
	for i, s := range p.Steps {
		if s.MoveIndex == moveIndex && s.Kind == Work {
			return i
		}
	}
	return -1
}

// LastWork returns the index of the last work step of move moveIndex: the
// move is completed when that step ends. It returns -1 when moveIndex is out
// of range.
func (p *Plan) LastWork(moveIndex int) int {
	last := -1
	for i, s := range p.Steps {
		if s.MoveIndex == moveIndex && s.Kind == Work {
			last = i
		}
	}
	return last
}
