package schedule

import (
	"fmt"
	"sort"
	"sync"
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
}

// Event is something that happened in a session, delivered to notify.
type Event struct {
	Kind   EventKind
	Status Status // snapshot when the event happened
	// Cue is the cue of a CueDue event. Cue.At is its plan offset; the
	// countdown and start cues of a pre-roll are synthesized, with At the
	// offset where work resumes and Step the current step.
	Cue  Cue
	Move string    // the move of a MoveCompleted event
	At   time.Time // clock instant the event is due at
}

// TimedCue is a cue with the clock instant it is due at.
type TimedCue struct {
	At  time.Time
	Cue Cue
}

// queued is a cue to come with its clock instant; synth marks the cues a
// pre-roll makes up.
type queued struct {
	at    time.Time
	cue   Cue
	synth bool
}

// Session runs a plan live against a clock. All methods are safe for
// concurrent use.
type Session struct {
	plan    *Plan
	clock   Clock
	changed chan struct{}
	q       *eventQueue

	mu    sync.Mutex
	state State
	cur   int // current step
	// The segment maps plan offsets to clock instants since the last
	// control: at(o) = base + o, plus added for o >= the end of step
	// segStep (the time added to that step with AddTime).
	base    time.Time
	segStep int
	added   time.Duration
	// queue holds the cues of the segment in order of their instants; qi
	// indexes the next one to deliver.
	queue []queued
	qi    int
	// Pre-roll: work resumes at plan offset prerollOffset, clock prerollEnd.
	preroll       bool
	prerollEnd    time.Time
	prerollOffset time.Duration
	last          time.Time // instant handled up to
	// Paused: position frozen in step cur.
	pausedElapsed, pausedAdded time.Duration
	stopped                    Status // snapshot taken by Stop
	completed                  []string
	stopTimer                  func() bool
	gen                        int
	lead                       time.Duration // see SetStartLead
}

// NewSession prepares a session of plan p on clock. notify receives every
// event in order, from one delivery goroutine fed by an unbounded queue, so
// a slow notify never blocks the engine; it may be nil.
func NewSession(p *Plan, clock Clock, notify func(Event)) *Session {
	return &Session{plan: p, clock: clock, changed: make(chan struct{}, 1), q: newEventQueue(notify)}
}

// Plan returns the session's plan.
func (s *Session) Plan() *Plan { return s.plan }

// Changed returns a channel that receives (non-blocking, capacity 1)
// whenever a control (start, pause, resume, skip, back, +time, stop)
// changes the timeline, so that sounds prepared ahead can be dropped.
func (s *Session) Changed() <-chan struct{} { return s.changed }

// Sync blocks until every event queued so far has been delivered to
// notify. It must not be called from notify.
func (s *Session) Sync() { s.q.sync() }

// SetStartLead makes Start and StartAt place the session's first instant
// lead after the call instead of at it. A sound can only be scheduled
// beyond the audio output's latency: with a lead longer than that (and
// than the time the speaker takes to open), the first cue of a session is
// heard exactly on time like every other. Call it before Start.
func (s *Session) SetStartLead(lead time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lead = max(lead, 0)
}

// Start runs the plan from its first step. It does nothing unless the
// session is Idle.
func (s *Session) Start() { s.start(0, false) }

// StartAt runs the plan from step (clamped to the plan), as when resuming a
// saved session: a work step gets a 3-second pre-roll first. It does
// nothing unless the session is Idle.
func (s *Session) StartAt(step int) { s.start(min(max(step, 0), len(s.plan.Steps)-1), true) }

// start runs an Idle session from step k, its first instant the start lead
// after now.
func (s *Session) start(k int, preroll bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Idle {
		return
	}
	now := s.clock.Now()
	s.state = Running
	s.jump(k, preroll, now.Add(s.lead), false)
	s.settle(now)
}

// Pause freezes the session where it is.
func (s *Session) Pause() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Running {
		return
	}
	now := s.clock.Now()
	s.advance(now)
	if s.state != Running {
		return
	}
	st := s.plan.Steps[s.cur]
	if s.preroll {
		s.pausedElapsed = s.prerollOffset - st.Start
	} else {
		s.pausedElapsed = min(max(now.Sub(s.at(st.Start)), 0), st.Dur+s.addedFor(s.cur))
	}
	s.pausedAdded = s.addedFor(s.cur)
	s.preroll = false
	s.state = Paused
	s.emit(Event{Kind: Paused}, now)
	s.settle(now)
}

// Resume continues a paused session. Inside a work step it first plays a
// 3-second pre-roll (countdown cues 3, 2, 1, then a start cue); elsewhere
// it continues directly.
func (s *Session) Resume() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Paused {
		return
	}
	now := s.clock.Now()
	s.state = Running
	s.place(s.cur, s.pausedElapsed, s.pausedAdded, now, true, s.pendingPlanCues())
	s.emit(Event{Kind: Resumed}, now)
	s.settle(now)
}

// TogglePause starts an Idle session, pauses a Running one and resumes a
// Paused one; it does nothing once Finished or Stopped.
func (s *Session) TogglePause() {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch state {
	case Idle:
		s.Start()
	case Running:
		s.Pause()
	case Paused:
		s.Resume()
	}
}

// control runs f on a Running or Paused session after handling what is due.
func (s *Session) control(f func(now time.Time)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Running && s.state != Paused {
		return
	}
	now := s.clock.Now()
	s.advance(now)
	if s.state != Running && s.state != Paused {
		return
	}
	f(now)
	s.settle(now)
}

// SkipStep goes to the start of the next step, directly (no pre-roll);
// skipping the last step finishes the session.
func (s *Session) SkipStep() {
	s.control(func(now time.Time) {
		if s.cur == len(s.plan.Steps)-1 {
			s.finishBySkip(now)
			return
		}
		s.jump(s.cur+1, false, now, true)
	})
}

// SkipMove goes to the start of the next move: its rest, or its first work
// step (with a pre-roll). At the last move it finishes the session.
func (s *Session) SkipMove() {
	s.control(func(now time.Time) {
		m := s.plan.Steps[s.cur].MoveIndex
		if m+1 >= len(s.plan.Moves) {
			s.finishBySkip(now)
			return
		}
		s.jump(s.plan.MoveStart(m+1), true, now, true)
	})
}

// Back goes to the first work step of the current move (with a pre-roll)
// when more than 3 s of its work has passed or a later step is running;
// otherwise to the first work step of the previous move. At the first move
// it restarts the first move. Moves already completed stay completed.
func (s *Session) Back() {
	s.control(func(now time.Time) {
		m := s.plan.Steps[s.cur].MoveIndex
		fw := s.plan.FirstWork(m)
		target := fw
		if s.cur < fw || (s.cur == fw && s.elapsed(now) <= countdownLead) {
			target = s.plan.FirstWork(max(m-1, 0))
		}
		s.jump(target, true, now, true)
	})
}

// BackMove goes to the first work step of the previous move (the first
// move at the first move), with a pre-roll.
func (s *Session) BackMove() {
	s.control(func(now time.Time) {
		m := s.plan.Steps[s.cur].MoveIndex
		s.jump(s.plan.FirstWork(max(m-1, 0)), true, now, true)
	})
}

// AddTime lengthens the current step by d (the +10 s button); d <= 0 does
// nothing.
func (s *Session) AddTime(d time.Duration) {
	if d <= 0 {
		return
	}
	s.control(func(now time.Time) {
		if s.state == Paused {
			s.pausedAdded += d
		} else {
			s.rebase()
			s.added += d
			s.last = now
			var synth []queued
			for _, x := range s.queue[s.qi:] {
				if x.synth {
					synth = append(synth, x)
				}
			}
			s.requeue(s.pendingPlanCues(), synth)
		}
		s.emit(Event{Kind: Jumped}, now)
	})
}

// Stop ends the session (State Stopped). No event follows the Stopped
// event. It does nothing once Finished or Stopped.
func (s *Session) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == Finished || s.state == Stopped {
		return
	}
	now := s.clock.Now()
	s.advance(now)
	if s.state == Finished {
		return
	}
	s.stopped = s.statusAt(now)
	s.state = Stopped
	s.stopped.State = Stopped
	s.emit(Event{Kind: Stopped}, now)
	s.settle(now)
}

// Status returns a snapshot of the session now.
func (s *Session) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.statusAt(s.clock.Now())
}

// StatusAt returns a snapshot of the session at t, assuming no control is
// used until then.
func (s *Session) StatusAt(t time.Time) Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.statusAt(t)
}

// CuesBetween returns the cues due in the clock interval [from, to) if no
// further control is used, each with its clock instant, in order. Pre-roll
// cues are included; a session that is not Running has none.
func (s *Session) CuesBetween(from, to time.Time) []TimedCue {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Running {
		return nil
	}
	var out []TimedCue
	i := sort.Search(len(s.queue), func(i int) bool { return !s.queue[i].at.Before(from) })
	for ; i < len(s.queue) && s.queue[i].at.Before(to); i++ {
		out = append(out, TimedCue{At: s.queue[i].at, Cue: s.queue[i].cue})
	}
	return out
}

// at maps a plan offset to its clock instant in the current segment.
func (s *Session) at(o time.Duration) time.Time {
	if o >= s.plan.Steps[s.segStep].End() {
		return s.base.Add(o + s.added)
	}
	return s.base.Add(o)
}

// addedFor is the time added to step j.
func (s *Session) addedFor(j int) time.Duration {
	if j == s.segStep {
		return s.added
	}
	return 0
}

// elapsed is the time spent in the current step at now.
func (s *Session) elapsed(now time.Time) time.Duration {
	st := s.plan.Steps[s.cur]
	switch {
	case s.state == Paused:
		return s.pausedElapsed
	case s.preroll:
		return s.prerollOffset - st.Start
	}
	return max(now.Sub(s.at(st.Start)), 0)
}

// rebase makes the current step the segment's step, keeping the mapping.
func (s *Session) rebase() {
	if s.cur != s.segStep {
		s.base = s.base.Add(s.added)
		s.segStep, s.added = s.cur, 0
	}
}

// cueTime is the clock instant of plan cue c. A countdown, get-ready or
// time-left cue keeps its distance to the end of its step, so time added to
// the step delays it.
func (s *Session) cueTime(c Cue) time.Time {
	if c.Kind == CueCountdown || c.Kind == CueGetReady || c.Kind == CueTimeLeft {
		end := s.plan.Steps[c.Step].End()
		return s.at(end).Add(c.At - end)
	}
	return s.at(c.At)
}

// pendingPlanCues returns the plan cues not delivered yet.
func (s *Session) pendingPlanCues() []Cue {
	var out []Cue
	for _, x := range s.queue[s.qi:] {
		if !x.synth {
			out = append(out, x.cue)
		}
	}
	return out
}

// requeue starts the queue of a new segment with the made-up cues synth
// and the plan cues plan, timed on the current mapping.
func (s *Session) requeue(plan []Cue, synth []queued) {
	q := make([]queued, 0, len(plan)+len(synth))
	q = append(q, synth...)
	for _, c := range plan {
		q = append(q, queued{at: s.cueTime(c), cue: c})
	}
	sort.SliceStable(q, func(i, j int) bool { return q[i].at.Before(q[j].at) })
	s.queue, s.qi = q, 0
}

// place sets the timeline so that step k, elapsed e (with added time a),
// runs from now, with a pre-roll first if k is a work step and preroll is
// asked for; plan holds the plan cues still to come.
func (s *Session) place(k int, e, a time.Duration, now time.Time, preroll bool, plan []Cue) {
	st := s.plan.Steps[k]
	s.cur, s.segStep, s.added = k, k, a
	s.preroll = false
	resume := now
	var synth []queued
	if preroll && st.Kind == Work {
		resume = now.Add(countdownLead)
		s.preroll, s.prerollEnd = true, resume
		s.prerollOffset = st.Start + min(e, st.Dur)
		for n := 3; n >= 1; n-- {
			synth = append(synth, queued{at: resume.Add(-time.Duration(n) * time.Second), synth: true,
				cue: Cue{At: s.prerollOffset, Kind: CueCountdown, Move: st.Move, Step: k, N: n}})
		}
		start := Cue{At: s.prerollOffset, Kind: CueStart, Move: st.Move, Step: k, Side: st.Side}
		// The pre-roll's start cue replaces the step's own start or rep.
		kept := plan[:0:0]
		for _, c := range plan {
			if c.Step == k && (c.Kind == CueStart || c.Kind == CueRep) && c.At == s.prerollOffset {
				start.LastSet = c.LastSet
				continue
			}
			kept = append(kept, c)
		}
		plan = kept
		synth = append(synth, queued{at: resume, cue: start, synth: true})
	}
	s.base = resume.Add(-e - st.Start)
	s.last = now
	s.requeue(plan, synth)
}

// jump moves to the start of step k. A Paused session stays paused there.
func (s *Session) jump(k int, preroll bool, now time.Time, jumped bool) {
	st := s.plan.Steps[k]
	var plan []Cue
	for _, c := range s.plan.Cues {
		// Cues of earlier steps that share the landing instant (a release)
		// belong to what was skipped.
		if c.At > st.Start || (c.At == st.Start && c.Step >= k) {
			plan = append(plan, c)
		}
	}
	if s.state == Paused {
		s.cur, s.segStep, s.added = k, k, 0
		s.pausedElapsed, s.pausedAdded = 0, 0
		s.queue, s.qi = nil, 0
		for _, c := range plan {
			s.queue = append(s.queue, queued{cue: c})
		}
	} else {
		s.place(k, 0, 0, now, preroll, plan)
	}
	if jumped {
		s.emit(Event{Kind: Jumped}, now)
	}
	s.emit(Event{Kind: StepEntered}, now)
}

// finishBySkip ends the session because the user skipped past the end.
func (s *Session) finishBySkip(now time.Time) {
	s.cur = len(s.plan.Steps) - 1
	s.state = Finished
	s.preroll, s.queue, s.qi = false, nil, 0
	s.emit(Event{Kind: Jumped}, now)
	done := s.plan.Cues[len(s.plan.Cues)-1]
	s.emit(Event{Kind: CueDue, Cue: done}, now)
	s.emit(Event{Kind: Finished}, now)
}

// settle handles what is due at now, re-arms the timer and tells the
// audio scheduler the timeline changed.
func (s *Session) settle(now time.Time) {
	s.advance(now)
	s.arm(now)
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// arm sets one timer for the next deadline.
func (s *Session) arm(now time.Time) {
	if s.stopTimer != nil {
		s.stopTimer()
		s.stopTimer = nil
	}
	s.gen++
	if s.state != Running {
		return
	}
	t, ok := s.nextInstant()
	if !ok {
		return
	}
	gen := s.gen
	s.stopTimer = s.clock.AfterFunc(t.Sub(now), func() { s.wake(gen) })
}

func (s *Session) wake(gen int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.gen {
		return
	}
	s.stopTimer = nil
	now := s.clock.Now()
	s.advance(now)
	s.arm(now)
}

// nextSecond is the next instant after s.last at which the whole seconds
// of StepRemaining change inside the step (or pre-roll).
func (s *Session) nextSecond() (time.Time, bool) {
	end := s.at(s.plan.Steps[s.cur].End())
	if s.preroll {
		end = s.prerollEnd
	}
	r := end.Sub(s.last)
	if r <= 0 {
		return time.Time{}, false
	}
	k := (r - 1) / time.Second
	if k < 1 {
		return time.Time{}, false
	}
	return end.Add(-k * time.Second), true
}

// nextInstant is the next instant at which something is due.
func (s *Session) nextInstant() (time.Time, bool) {
	best := s.at(s.plan.Steps[s.cur].End())
	consider := func(t time.Time) {
		if t.Before(best) {
			best = t
		}
	}
	if s.preroll {
		consider(s.prerollEnd)
	}
	if s.qi < len(s.queue) {
		consider(s.queue[s.qi].at)
	}
	if t, ok := s.nextSecond(); ok {
		consider(t)
	}
	return best, true
}

// advance handles, in order of their instants, everything due up to now.
func (s *Session) advance(now time.Time) {
	for s.state == Running {
		t, ok := s.nextInstant()
		if !ok || t.After(now) {
			return
		}
		s.handle(t)
	}
}

// handle processes everything due at instant t: pre-roll end, step end and
// step entered, cues, the whole second, move completed, finished.
func (s *Session) handle(t time.Time) {
	sec, secOK := s.nextSecond()
	s.last = t
	tick := secOK && sec.Equal(t)
	if s.preroll && !s.prerollEnd.After(t) {
		s.preroll = false
		tick = true
	}
	completed, finished := "", false
	if st := s.plan.Steps[s.cur]; !s.preroll && !s.at(st.End()).After(t) {
		tick = false
		if s.plan.LastWork(st.MoveIndex) == s.cur {
			completed = st.Move
		}
		if s.cur == len(s.plan.Steps)-1 {
			finished = true
			s.state = Finished
		} else {
			s.cur++
			s.emit(Event{Kind: StepEntered}, t)
		}
	}
	for s.qi < len(s.queue) && !s.queue[s.qi].at.After(t) {
		s.emit(Event{Kind: CueDue, Cue: s.queue[s.qi].cue}, t)
		s.qi++
	}
	if tick && !finished {
		s.emit(Event{Kind: Second}, t)
	}
	if completed != "" {
		seen := false
		for _, id := range s.completed {
			seen = seen || id == completed
		}
		if !seen {
			s.completed = append(s.completed, completed)
		}
		s.emit(Event{Kind: MoveCompleted, Move: completed}, t)
	}
	if finished {
		s.emit(Event{Kind: Finished}, t)
	}
}

// emit queues ev with the status at t.
func (s *Session) emit(ev Event, t time.Time) {
	if s.q.notify == nil {
		return
	}
	ev.At = t
	ev.Status = s.statusAt(t)
	s.q.push(ev)
}

// statusAt computes the snapshot at t from the current timeline.
func (s *Session) statusAt(t time.Time) Status {
	if s.state == Stopped {
		st := s.stopped
		st.Completed = append([]string(nil), s.completed...)
		return st
	}
	steps := s.plan.Steps
	j := s.cur
	var stepRem, offset, extra time.Duration
	preroll := false
	switch s.state {
	case Idle:
		stepRem, offset = steps[j].Dur, steps[j].Start
	case Paused:
		st := steps[j]
		stepRem = st.Dur + s.pausedAdded - s.pausedElapsed
		offset = st.Start + min(s.pausedElapsed, st.Dur)
	case Finished:
		j = len(steps) - 1
		offset = s.plan.Total
	case Running:
		if s.preroll && t.Before(s.prerollEnd) {
			st := steps[j]
			preroll = true
			stepRem = s.prerollEnd.Sub(t)
			offset = s.prerollOffset
			extra = st.End() + s.addedFor(j) - s.prerollOffset // the rest of the step after the pre-roll
			break
		}
		for j < len(steps)-1 && !s.at(steps[j].End()).After(t) {
			j++
		}
		st := steps[j]
		stepRem = max(s.at(st.End()).Sub(t), 0)
		e := min(max(t.Sub(s.at(st.Start)), 0), st.Dur)
		offset = st.Start + e
		if stepRem == 0 {
			offset = st.End()
		}
	}
	st := steps[j]
	out := Status{
		State:         s.state,
		Step:          st,
		StepRemaining: stepRem,
		Remaining:     stepRem + extra + s.plan.Total - st.End(),
		Offset:        offset,
		Preroll:       preroll,
		Completed:     append([]string(nil), s.completed...),
	}
	if s.state == Finished {
		out.Remaining = 0
	}
	if s.plan.Total > 0 {
		out.Progress = float64(offset) / float64(s.plan.Total)
	}
	if mi := st.MoveIndex + 1; mi < len(s.plan.Moves) {
		m := s.plan.Moves[mi]
		out.Next = &m
	}
	return out
}

// eventQueue delivers events in order from at most one goroutine at a
// time, started when events arrive and ending when the queue is empty.
type eventQueue struct {
	notify func(Event)
	mu     sync.Mutex
	cond   *sync.Cond
	items  []Event
	busy   bool
	queued uint64
	done   uint64
}

func newEventQueue(notify func(Event)) *eventQueue {
	q := &eventQueue{notify: notify}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *eventQueue) push(ev Event) {
	if q.notify == nil {
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, ev)
	q.queued++
	if !q.busy {
		q.busy = true
		go q.run()
	}
}

func (q *eventQueue) run() {
	for {
		q.mu.Lock()
		if len(q.items) == 0 {
			q.busy = false
			q.cond.Broadcast()
			q.mu.Unlock()
			return
		}
		ev := q.items[0]
		q.items[0] = Event{}
		q.items = q.items[1:]
		q.mu.Unlock()
		q.notify(ev)
		q.mu.Lock()
		q.done++
		q.cond.Broadcast()
		q.mu.Unlock()
	}
}

func (q *eventQueue) sync() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for target := q.queued; q.done < target; {
		q.cond.Wait()
	}
}
