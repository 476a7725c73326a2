package schedule

import (
	"sort"
	"time"
)

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
// runs from now, with a pre-roll of length lead first if k is a work step
// and lead > 0 (its last 3 seconds are counted down); plan holds the plan
// cues still to come.
func (s *Session) place(k int, e, a time.Duration, now time.Time, lead time.Duration, plan []Cue) {
	st := s.plan.Steps[k]
	s.cur, s.segStep, s.added = k, k, a
	s.preroll = false
	resume := now
	var synth []queued
	if lead > 0 && st.Kind == Work {
		resume = now.Add(max(lead, countdownLead))
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

// jump moves to the start of step k, with a pre-roll of length lead (0:
// none) if it is a work step. A Paused session stays paused there.
func (s *Session) jump(k int, lead time.Duration, now time.Time, jumped bool) {
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
		s.stopWork(now)
		s.place(k, 0, 0, now, lead, plan)
		s.startActive(now)
	}
	if jumped {
		s.emit(Event{Kind: Jumped}, now)
	}
	s.emit(Event{Kind: StepEntered}, now)
}

// finishBySkip ends the session because the user skipped past the end.
func (s *Session) finishBySkip(now time.Time) {
	s.cur = len(s.plan.Steps) - 1
	s.stopActive(now)
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
		s.startActive(t)
	}
	completed, level, finished := "", 0, false
	if st := s.plan.Steps[s.cur]; !s.preroll && !s.at(st.End()).After(t) {
		tick = false
		if s.plan.LastWork(st.MoveIndex) == s.cur {
			completed, level = st.Move, s.plan.Moves[st.MoveIndex].Level
		}
		if s.cur == len(s.plan.Steps)-1 {
			finished = true
			s.stopActive(t)
			s.state = Finished
		} else {
			s.stopWork(t)
			s.cur++
			s.startActive(t)
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
		s.emit(Event{Kind: MoveCompleted, Move: completed, Level: level}, t)
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

// startActive starts counting the time run at t, unless it is counting
// already or the session is in its get-ready, which is not exercise; and
// the time of work, in a set (its holds, reps and the gaps between them)
// once a count-in is over.
func (s *Session) startActive(t time.Time) {
	k := s.plan.Steps[s.cur].Kind
	if s.activeFrom.IsZero() && k != GetReady {
		s.activeFrom = t
	}
	if s.workFrom.IsZero() && !s.preroll && (k == Work || k == Gap) {
		s.workFrom = t
	}
}

// stopActive ends the counting of the time run, and of the time of work,
// at t.
func (s *Session) stopActive(t time.Time) {
	if !s.activeFrom.IsZero() {
		s.active += max(t.Sub(s.activeFrom), 0)
		s.activeFrom = time.Time{}
	}
	s.stopWork(t)
}

// stopWork ends the counting of the time of work at t (the step under way
// changes, or the session pauses or ends).
func (s *Session) stopWork(t time.Time) {
	if !s.workFrom.IsZero() {
		s.work += max(t.Sub(s.workFrom), 0)
		s.workFrom = time.Time{}
	}
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
		Active:        s.active,
		Work:          s.work,
	}
	if s.state == Running && !s.activeFrom.IsZero() {
		out.Active += max(t.Sub(s.activeFrom), 0)
	}
	if s.state == Running && !s.workFrom.IsZero() {
		out.Work += max(t.Sub(s.workFrom), 0)
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
