package schedule

import (
	"sort"
	"sync"
	"time"
)

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
	// Time run: active up to activeFrom, plus the time since activeFrom
	// while Running (activeFrom is zero when not counting).
	active     time.Duration
	activeFrom time.Time
	// Work likewise: in a set, count-ins left out (Status.Work).
	work     time.Duration
	workFrom time.Time
}

// NewSession prepares a session of plan p on clock. notify receives every
// event in order, from one delivery goroutine fed by an unbounded queue, so
// a slow notify never blocks the engine; it may be nil.
func NewSession(p *Plan, clock Clock, notify func(Event)) *Session {
	return &Session{plan: p, clock: clock, changed: make(chan struct{}, 1), q: newEventQueue(notify)}
}

// Plan returns the session's plan (Replan may replace it).
func (s *Session) Plan() *Plan {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.plan
}

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
	lead := time.Duration(0)
	if preroll {
		lead = countdownLead
	}
	s.jump(k, lead, now.Add(s.lead), false)
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
	s.stopActive(now)
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
	s.place(s.cur, s.pausedElapsed, s.pausedAdded, now, countdownLead, s.pendingPlanCues())
	s.startActive(now)
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

// SkipStep goes to the start of the next step; a hold or the first rep of
// a set gets a count-in first (CountIn), so there is time to get into
// position. Skipping the last step finishes the session.
func (s *Session) SkipStep() {
	s.control(func(now time.Time) {
		if s.cur == len(s.plan.Steps)-1 {
			s.finishBySkip(now)
			return
		}
		s.jump(s.cur+1, s.CountIn(s.cur+1), now, true)
	})
}

// Replan restarts the set under way on p, a plan of the same moves in
// the same order with the dose of the current move changed (an easier
// level for the rest of today): at the first work step of the same set
// in p (p's last set when it has fewer), with a count-in, as a skip into
// a set has; a paused session stays paused there. Moves completed stay
// completed and the time run is kept. It reports whether it did: not
// when no set of a move is under way (get ready, a rest between moves)
// or when p's moves differ from the plan's.
func (s *Session) Replan(p *Plan) bool {
	done := false
	s.control(func(now time.Time) {
		st := s.plan.Steps[s.cur]
		if st.Set == 0 || !sameMoves(s.plan, p) {
			return
		}
		k := -1
		for i, n := range p.Steps {
			if n.MoveIndex == st.MoveIndex && n.Kind == Work && n.Set <= st.Set && (k < 0 || n.Set > p.Steps[k].Set) {
				k = i
			}
		}
		if k < 0 {
			return
		}
		s.plan = p
		s.jump(k, countdownLead, now, true)
		done = true
	})
	return done
}

// sameMoves reports whether a and b have the same moves in the same order.
func sameMoves(a, b *Plan) bool {
	if len(a.Moves) != len(b.Moves) {
		return false
	}
	for i := range a.Moves {
		if a.Moves[i].ID != b.Moves[i].ID {
			return false
		}
	}
	return true
}

// CountIn is the count-in before step k reached by a skip: 3 seconds,
// counted down by the pips, before a hold or the first rep of a set (or of
// a side); none before another rep of a moving set, which follows at once,
// nor before a step that is not work.
func (s *Session) CountIn(k int) time.Duration {
	st := s.plan.Steps[k]
	if st.Kind != Work {
		return 0
	}
	if k > 0 && st.Phases != nil {
		if prev := s.plan.Steps[k-1]; prev.MoveIndex == st.MoveIndex && (prev.Kind == Work || prev.Kind == Gap) {
			return 0
		}
	}
	return countdownLead
}

// SkipMove goes to the start of the next move: its rest, or its first work
// step (with a count-in, see CountIn). At the last move it finishes the
// session.
func (s *Session) SkipMove() {
	s.control(func(now time.Time) {
		m := s.plan.Steps[s.cur].MoveIndex
		if m+1 >= len(s.plan.Moves) {
			s.finishBySkip(now)
			return
		}
		k := s.plan.MoveStart(m + 1)
		s.jump(k, s.CountIn(k), now, true)
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
		s.jump(target, countdownLead, now, true)
	})
}

// BackMove goes to the first work step of the previous move (the first
// move at the first move), with a pre-roll.
func (s *Session) BackMove() {
	s.control(func(now time.Time) {
		m := s.plan.Steps[s.cur].MoveIndex
		s.jump(s.plan.FirstWork(max(m-1, 0)), countdownLead, now, true)
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
	s.stopActive(now)
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
