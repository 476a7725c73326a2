// Package schedule turns a routine into an exact timeline (a Plan of steps
// and cues) and runs it live (a Session driven by a Clock).
//
// # Steps
//
// NewPlan lays the chosen moves end to end, in routine order, with exact
// integer time.Duration arithmetic:
//
//	get_ready (routine's get_ready) before the first move;
//	rest (the rest of the move before) before every other move;
//	for each set: between_sets before every set but the first, then the
//	reps: work, gap, work, gap, ..., work.
//
// A set of r reps holds r work steps (sides "none"), 2r alternating left,
// right, left... (sides "alternate"), or r left, a switch step, r right
// (sides "each"); gaps (between_reps) separate consecutive work steps of
// the same side run. No rest follows the last move. A phase of zero length
// gets no step at all: a plan never holds a step with Dur 0 (get_ready = 0
// means the plan starts with the first work step; between_reps = 0 puts work
// steps back to back). Steps tile [0, Total] with no gap or overlap, and
// Total equals routine.Routine.Duration of the chosen moves.
//
// Get-ready and rest steps belong to the move that follows them (the user
// sets up for it). Gap and switch steps carry the set, rep and side of the
// work step that follows them; between_sets carries the set that follows.
//
// # Cues
//
// Every cue has an instant (At, an offset of the plan) and a kind. Within an
// instant cues are ordered as CueKinds lists their kinds. The kinds:
//
//   - countdown: 3, 2 and 1 s before a work step that follows a pause of at
//     least 3 s: a get_ready, rest, switch or between_sets step (gaps
//     between reps never get one). N = 3, 2, 1. The cue belongs to the pause.
//     Also 3, 2 and 1 s before the end of every hold (a work step without
//     tempo) of 10 s or more; that cue belongs to the hold (Cue.Step is a
//     work step).
//   - start: when the first work step after such a pause begins, and at the
//     very first work step of the plan (even when get_ready is 0 or short).
//   - rep: at the start of every other work step.
//   - tempo: at each phase boundary inside a moving (tempo) rep; N is the
//     1-based number of the phase that begins (so 2, 3, ...). Zero-length
//     phases get no boundary of their own.
//   - release: at the end of a hold (not a tempo rep), unless another work
//     step starts at that same instant.
//   - halfway: in the middle of a work step of 20 s or more.
//   - time_left: N s before the end of a step, N the seconds left: in a
//     hold of 15 s or more, at every whole 10 s of time left from 10 s up
//     to the hold's length less 5 s (a 45 s hold: 30, 20 and 10 seconds
//     left; no stretch of a hold is silent for 15 s); in a pause (any step
//     but work), at every whole 10 s of time left from 20 s up to the
//     pause's length less 8 s (a 30 s rest: "20 seconds" 10 s into it).
//   - get_ready: 6 s before the end of a pause (any step but work) longer
//     than 12 s, before its countdown.
//   - switch: when a switch step starts.
//   - rest: when a rest or between_sets step starts.
//   - next: at the start of the get_ready step and of every rest step; it
//     announces the move that follows (Cue.Move is that move).
//   - done: at the end of the plan (At = Total).
//
// Start and rep cues carry the side of their work step (Cue.Side). The
// start (or rep, when its pause is short) cue of the first work step of the
// last set of a move with several sets has LastSet set.
//
// # Live session
//
// A Session runs a plan against a Clock. Every deadline (step end, cue,
// whole second of the countdown) is computed as the clock instant at which
// the current segment started plus a plan offset, plus the time added to
// the current step: a segment begins at every control (start, resume, skip,
// back, +time), so pauses and jumps shift the timeline but ticks are never
// counted and no error accumulates. At each wake the engine handles, in
// order of their instants, everything due up to Clock.Now, then arms one
// timer for the next deadline. Events go to notify through an unbounded
// queue drained by one goroutine: a slow notify never blocks the engine.
//
// Events at one instant come in this order: StepEntered, CueDue (in plan
// order; a pre-roll's own cues first), Second, MoveCompleted, Finished. A
// control sends its own event first (Paused, Resumed, Jumped; a jump then
// sends StepEntered), then the cues due at once. Countdown, get_ready and
// time_left cues keep their distance to the end of their step, so time
// added to it delays them;
// other cues inside a lengthened step keep their instant, and those at or
// after its end move with it.
//
// Resuming inside a work step (Resume, StartAt, Back, BackMove landing on a
// work step) first plays a 3-second pre-roll with countdown cues 3, 2, 1,
// then a start cue when the work resumes. A skip (SkipStep, SkipMove) that
// lands on a hold or on the first rep of a set (or of a side) plays the
// same 3-second count-in (Session.CountIn), so there is time to get into
// position; a skip to another rep of a moving set lands on it at once. A move is completed when
// its last work step ends naturally, never when it is skipped over.
// Status.Active is the time run after the get-ready, less pauses: skipped
// plan time is not in it.
package schedule
