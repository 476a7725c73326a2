package schedule

import (
	"time"

	"spineroutine/internal/routine"
)

// StepKind is what the user does during a step.
type StepKind string

// The kinds of step of a plan.
const (
	GetReady    StepKind = "get_ready"    // countdown before the first move
	Work        StepKind = "work"         // one rep: a hold or a moving (tempo) rep
	Gap         StepKind = "gap"          // pause between two reps of a set
	Switch      StepKind = "switch"       // change sides within a set (sides = "each")
	BetweenSets StepKind = "between_sets" // pause between two sets of a move
	Rest        StepKind = "rest"         // rest between two moves
)

// Side is the side of the body a work step is done on.
type Side string

// The sides of a work step.
const (
	NoSide Side = ""
	Left   Side = "left"
	Right  Side = "right"
)

// Step is one interval of the plan. Steps tile the plan: each starts where
// the one before it ends.
type Step struct {
	Index int
	Kind  StepKind
	Start time.Duration // offset from the start of the plan
	Dur   time.Duration
	// Move is the id of the move the step belongs to. Get-ready and rest
	// steps belong to the move that follows them: the user sets up for it.
	Move string
	// MoveIndex indexes Plan.Moves.
	MoveIndex int
	// Set and Rep are 1-based; zero where they do not apply (get ready,
	// rest). Rep counts per side for sided moves.
	Set, Rep int
	// Sets is the number of sets of the move; Reps the reps (per side) in
	// this set.
	Sets, Reps int
	Side       Side
	// Phases holds the tempo of a moving rep (nil for a hold).
	Phases []time.Duration
}

// End is the offset at which the step ends.
func (s Step) End() time.Duration { return s.Start + s.Dur }

// CueKind is the kind of a cue: each has its own sound and flash.
type CueKind string

// The cue kinds; the package doc says when each is due.
const (
	CueCountdown CueKind = "countdown"
	CueStart     CueKind = "start"
	CueRep       CueKind = "rep"
	CueTempo     CueKind = "tempo"
	CueRelease   CueKind = "release"
	CueHalfway   CueKind = "halfway"
	CueSwitch    CueKind = "switch"
	CueRest      CueKind = "rest"
	CueNext      CueKind = "next"
	CueGetReady  CueKind = "get_ready"
	CueTimeLeft  CueKind = "time_left"
	CueDone      CueKind = "done"
)

// CueKinds lists every cue kind in a stable order (sound check, docs).
var CueKinds = []CueKind{CueCountdown, CueStart, CueRep, CueTempo, CueRelease,
	CueHalfway, CueSwitch, CueRest, CueNext, CueGetReady, CueTimeLeft, CueDone}

// Cue is a sound-and-flash event at an instant of the plan.
type Cue struct {
	At   time.Duration // offset from the start of the plan
	Kind CueKind
	Move string // id of the move the cue is about (for next: the move announced)
	Step int    // index of the step the cue belongs to
	// N is the count of a countdown cue (3, 2, 1), the phase number of a
	// tempo cue (1-based) or the seconds left of a time-left cue; zero
	// otherwise.
	N    int
	Side Side // side of the work step that starts, where it has one
	// LastSet is true on the start cue of the last set of a move with
	// several sets (the voice says "last set"); on its rep cue when the
	// pause before that set is too short for a countdown and a start.
	LastSet bool
}

// Plan is the exact timeline of a run of a routine: steps and cues.
type Plan struct {
	Routine *routine.Routine
	Moves   []routine.Move // the chosen moves, in routine order
	Steps   []Step
	Cues    []Cue // sorted by At, then by the order of CueKinds within an instant
	Total   time.Duration
}
