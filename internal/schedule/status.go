package schedule

import (
	"fmt"
	"time"

	"spineroutine/internal/routine"
)

// State is the state of a live session.
type State int

// The states of a session that only a State can have.
const (
	Idle    State = iota // not started yet
	Running              // the clock runs
)

// Paused, Finished and Stopped name both a State and an EventKind (the
// event that enters that state): they are untyped constants with the same
// value in both types, so st.State == Paused and ev.Kind == Paused both
// compile.
const (
	Paused   = 2 // State: frozen by Pause; EventKind: the session was paused
	Finished = 3 // State: the plan ran to its end (or was skipped to it); EventKind: likewise
	Stopped  = 4 // State: ended by Stop; EventKind: likewise, the last event
)

// String names the state.
func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	case Paused:
		return "paused"
	case Finished:
		return "finished"
	case Stopped:
		return "stopped"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// EventKind is the kind of an event a session sends to its notify func.
// Paused, Finished and Stopped are event kinds too (see State).
type EventKind int

// The kinds of event that only an EventKind can have.
const (
	StepEntered   EventKind = iota + 5 // a step began (naturally, or by a jump or start)
	CueDue                             // a cue is due now (Event.Cue)
	Second                             // the whole seconds of StepRemaining changed
	Resumed                            // the session was resumed
	MoveCompleted                      // the last work step of a move ended naturally (Event.Move)
	Jumped                             // skip, back or +time changed the timeline
)

// String names the event kind.
func (k EventKind) String() string {
	switch k {
	case StepEntered:
		return "step"
	case CueDue:
		return "cue"
	case Second:
		return "second"
	case Paused:
		return "paused"
	case Resumed:
		return "resumed"
	case MoveCompleted:
		return "move-completed"
	case Finished:
		return "finished"
	case Stopped:
		return "stopped"
	case Jumped:
		return "jumped"
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// Status is a snapshot of the session at an instant.
type Status struct {
	State State
	// Step is the current step (during the resume pre-roll: the step that
	// will resume).
	Step Step
	// Next is the move after the current one (nil at the last move).
	Next *routine.Move
	// StepRemaining is the time left in the current step, or in the
	// pre-roll when Preroll is set.
	StepRemaining time.Duration
	// Remaining is the time left in the whole routine, pre-roll included.
	Remaining time.Duration
	// Offset is the plan offset reached (what has been done).
	Offset time.Duration
	// Progress is Offset / Total, from 0 to 1.
	Progress float64
	// Preroll is set during the 3-second countdown after resuming a work
	// step.
	Preroll bool
	// Completed holds the ids of the moves completed in this session, in
	// the order they were first completed.
	Completed []string
	// Active is the time of exercise: the time the session has run from
	// the end of its get-ready to now or to its end, less the pauses.
	// Skipped steps add nothing to it.
	Active time.Duration
	// Work is the time of work in it: in the sets (holds, reps and the
	// gaps between them), less count-ins and pauses; rests, side switches
	// and the pauses between sets are not in it.
	Work time.Duration
}

// Event is something that happened in a session, delivered to notify.
type Event struct {
	Kind   EventKind
	Status Status // snapshot when the event happened
	// Cue is the cue of a CueDue event. Cue.At is its plan offset; the
	// countdown and start cues of a pre-roll are synthesized, with At the
	// offset where work resumes and Step the current step.
	Cue  Cue
	Move string // the move of a MoveCompleted event
	// Level is the level that move was done at (its plan's, which Replan
	// may change mid-session).
	Level int
	At    time.Time // clock instant the event is due at
}

// TimedCue is a cue with the clock instant it is due at.
type TimedCue struct {
	At  time.Time
	Cue Cue
}
