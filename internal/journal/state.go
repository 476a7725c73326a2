package journal

import (
	"slices"
	"strconv"
	"time"
)

// Position is where a session stood at a step boundary: enough to offer
// "Resume at Side Planks, set 2".
type Position struct {
	Session string   // the session's id
	Routine string   // the routine's source ("default", "big3" or a file path)
	Moves   []string // the ids of the moves selected for the session, in order
	Step    int      // index of the step in the session's plan
	Move    string   // id of the move of that step
	Set     int      // set number within the move, 1-based (0: not within a set)
	// At is when the position was saved; filled in by the journal when read
	// back, ignored by SavePosition.
	At time.Time
}

// Tick is one move done on a day.
type Tick struct {
	Move string
	Src  Source
	At   time.Time // when the (last) tick was recorded
}

// DaySummary is what the journal knows about one day.
type DaySummary struct {
	Date Day
	// Done lists the moves done that day, in the order they were (last)
	// ticked.
	Done []Tick
	// PainBefore and PainAfter come from the day's last session that has
	// the check-in (each looked up separately); nil when none has.
	PainBefore, PainAfter *int
	// Sessions counts the timed sessions that started that day; Finished
	// and Stopped count those of them that ended so (the others were
	// abandoned or have not ended).
	Sessions, Finished, Stopped int
	// Active is the time from the start of each session to its last entry,
	// summed over the day's sessions (pauses included).
	Active time.Duration
}

// Moves returns the ids of the moves done, in Done's order.
func (s DaySummary) Moves() []string {
	ids := make([]string, len(s.Done))
	for i, t := range s.Done {
		ids[i] = t.Move
	}
	return ids
}

// Streaks summarise how regularly the routine was done.
type Streaks struct {
	// Current is the number of consecutive days with at least one move done,
	// ending today, or yesterday when nothing is done yet today (the day is
	// not over).
	Current int
	// Best is the longest such run ever.
	Best int
	// Weeks is the number of consecutive ISO weeks (Monday to Sunday) that
	// reached the weekly target, ending with this week when it has reached
	// the target already, else with last week: a week in progress never
	// breaks the streak.
	Weeks int
	// TodayDone reports whether at least one move is done today.
	TodayDone bool
	// WeekDays is the number of days with a move done so far this week.
	WeekDays int
	// WeeklyTarget is the target the weeks were measured against.
	WeeklyTarget int
}

// DefaultWeeklyTarget is the number of days a week must have to count for
// the weekly streak when the caller passes 0.
const DefaultWeeklyTarget = 5

type tick struct {
	done bool
	src  Source
	at   time.Time
	seq  int
}

type dayState struct {
	ticks    map[string]*tick
	nDone    int
	sessions []*session
	note     *Note // the day's last note; nil when none
}

type session struct {
	id          string
	day         Day
	start, last time.Time
	ended       bool
	reason      EndReason
	routine     string
	moves       []string
	pain        [2]*int // before, after
	pos         *Position
	posSeq      int
	timed       []TimedMove // the moves the timer completed, in order
	flags       []Flag      // the moves flagged, in order
}

// state is the fold of all events read or appended so far, and the live
// resume points (see resume.go), which the checkpoint does not keep.
type state struct {
	days     map[Day]*dayState
	sessions map[string]*session
	seq      int
	live     []*Position // oldest saved first
	arch     archive     // the days archived by the checkpoint
	thawed   bool        // an archived day was thawed
	// levels holds every level entry, by move, in journal order; never
	// archived (a level set years ago may still hold today).
	levels map[string][]levelRec
	// ratings holds every function rating, in journal order; never
	// archived (a few a week).
	ratings []Rating
}

func newState() state {
	return state{days: make(map[Day]*dayState), sessions: make(map[string]*session),
		levels: make(map[string][]levelRec)}
}

func (s *state) day(d Day) *dayState {
	ds := s.days[d]
	if ds == nil && d.Before(s.arch.cutoff) {
		s.thaw(d)
		ds = s.days[d]
	}
	if ds == nil {
		ds = &dayState{ticks: make(map[string]*tick)}
		s.days[d] = ds
	}
	return ds
}

// sessionFor returns the session id, creating a stand-in when its start is
// not in the journal (a lost file, a damaged line).
func (s *state) sessionFor(id string, d Day, at time.Time) *session {
	ss := s.sessions[id]
	if ss == nil {
		ss = &session{id: id, day: d, start: at, last: at}
		s.sessions[id] = ss
		ds := s.day(d)
		ds.sessions = append(ds.sessions, ss)
	}
	return ss
}

// flagsOnly reports whether the journal holds nothing of session ss but
// flags: no start, check-in, move, position or end. Such a flag names a
// session that does not exist (an entry written by hand or by another
// program); it is shown with its move, but the session is not counted.
func (ss *session) flagsOnly() bool {
	return ss.routine == "" && ss.moves == nil && !ss.ended && ss.pain == [2]*int{} && ss.pos == nil &&
		len(ss.timed) == 0 && len(ss.flags) > 0
}

// flagsOnly returns the days and ids of the sessions that are only flags
// (see session.flagsOnly), by day then id.
func (s *state) flagsOnly() []string {
	var out []string
	for id, ss := range s.sessions {
		if ss.flagsOnly() {
			out = append(out, ss.day.String()+" "+strconv.Quote(id))
		}
	}
	slices.Sort(out)
	return out
}

func (ss *session) touch(at time.Time) {
	if at.After(ss.last) {
		ss.last = at
	}
}

// apply folds one checked event into the state.
func (s *state) apply(e *event) {
	s.seq++
	switch e.Kind {
	case KindDone, KindUndone:
		ds := s.day(e.day)
		t := ds.ticks[e.Move]
		if t == nil {
			t = &tick{}
			ds.ticks[e.Move] = t
		}
		done := e.Kind == KindDone
		if done && !t.done {
			ds.nDone++
		} else if !done && t.done {
			ds.nDone--
		}
		t.done, t.src, t.at, t.seq = done, e.Src, e.at, s.seq
		if e.Session != "" {
			if ss := s.sessions[e.Session]; ss != nil {
				ss.touch(e.at)
				if done && e.Src == Timer {
					ss.addTimed(e.Move, e.Level)
				}
			}
		}
	case KindSessionStart:
		if s.sessions[e.Session] != nil {
			return // a duplicate id: keep the first
		}
		ss := s.sessionFor(e.Session, e.day, e.at)
		ss.routine, ss.moves = e.Routine, e.Moves
	case KindSessionEnd:
		ss := s.sessionFor(e.Session, e.day, e.at)
		ss.ended, ss.reason = true, EndReason(e.Reason)
		if ss.reason != Abandoned {
			ss.touch(e.at)
		}
	case KindPain:
		ss := s.sessionFor(e.Session, e.day, e.at)
		v := *e.Pain
		if e.When == Before {
			ss.pain[0] = &v
		} else {
			ss.pain[1] = &v
		}
		ss.touch(e.at)
	case KindPosition:
		ss := s.sessionFor(e.Session, e.day, e.at)
		if ss.pos == nil {
			ss.pos = new(Position) // reused: ResumePoint returns a copy
		}
		p := ss.pos
		*p = Position{Session: e.Session, Routine: ss.routine, Moves: ss.moves, Move: e.Move, At: e.at}
		if e.Routine != "" {
			p.Routine = e.Routine
		}
		if e.Moves != nil {
			p.Moves = e.Moves
		}
		if e.Step != nil {
			p.Step = *e.Step
		}
		if e.Set != nil {
			p.Set = *e.Set
		}
		ss.posSeq = s.seq
		ss.touch(e.at)
	case KindLevel, KindFlag, KindNote:
		s.applyProgress(e)
	case KindFunction:
		s.ratings = append(s.ratings, Rating{Day: e.day, Activity: e.Activity, Score: *e.Score, At: e.at})
	}
}

func (s *state) done(d Day) map[string]bool {
	out := make(map[string]bool)
	if s.days[d] == nil {
		sum, _ := s.arch.summary(d)
		for _, t := range sum.Done {
			out[t.Move] = true
		}
	}
	if ds := s.days[d]; ds != nil {
		for id, t := range ds.ticks {
			if t.done {
				out[id] = true
			}
		}
	}
	return out
}

func (s *state) summary(d Day) DaySummary {
	sum := DaySummary{Date: d}
	ds := s.days[d]
	if ds == nil {
		if a, ok := s.arch.summary(d); ok {
			return a
		}
		return sum
	}
	type seqTick struct {
		Tick
		seq int
	}
	var ticks []seqTick
	for id, t := range ds.ticks {
		if t.done {
			ticks = append(ticks, seqTick{Tick{Move: id, Src: t.src, At: t.at}, t.seq})
		}
	}
	slices.SortFunc(ticks, func(a, b seqTick) int { return a.seq - b.seq })
	for _, t := range ticks {
		sum.Done = append(sum.Done, t.Tick)
	}
	for _, ss := range ds.sessions {
		if ss.flagsOnly() {
			continue // not a session: see warnFlagsOnly
		}
		sum.Sessions++
		if ss.ended {
			switch ss.reason {
			case Finished:
				sum.Finished++
			case Stopped:
				sum.Stopped++
			}
		}
		last := ss.last
		if p, _ := s.liveOf(ss.id); p != nil && p.At.After(last) {
			last = p.At
		}
		sum.Active += last.Sub(ss.start)
		if ss.pain[0] != nil {
			v := *ss.pain[0]
			sum.PainBefore = &v
		}
		if ss.pain[1] != nil {
			v := *ss.pain[1]
			sum.PainAfter = &v
		}
	}
	return sum
}

func (s *state) doneOn(d Day) bool {
	if ds := s.days[d]; ds != nil {
		return ds.nDone > 0
	}
	return s.arch.isDone(d)
}

func (s *state) streaks(today Day, target int) Streaks {
	if target <= 0 {
		target = DefaultWeeklyTarget
	}
	target = min(target, 7)
	st := Streaks{WeeklyTarget: target, TodayDone: s.doneOn(today)}

	d := today
	if !st.TodayDone {
		d = today.Add(-1)
	}
	for s.doneOn(d) {
		st.Current++
		d = d.Add(-1)
	}

	// Days to come count once they come, archived or not.
	var doneDays []Day
	weeks := make(map[Day]int)
	past, _ := slices.BinarySearch(s.arch.done, today.n+1)
	for _, n := range s.arch.done[:past] {
		day := Day{n: n}
		doneDays = append(doneDays, day)
		weeks[day.WeekStart()]++
	}
	for day, ds := range s.days {
		if ds.nDone > 0 && !day.After(today) {
			doneDays = append(doneDays, day)
			weeks[day.WeekStart()]++
		}
	}
	slices.SortFunc(doneDays, Day.Compare)
	run := 0
	for i, day := range doneDays {
		if i > 0 && day.Sub(doneDays[i-1]) == 1 {
			run++
		} else {
			run = 1
		}
		st.Best = max(st.Best, run)
	}

	w := today.WeekStart()
	st.WeekDays = weeks[w]
	if st.WeekDays < target {
		w = w.Add(-7)
	}
	for weeks[w] >= target {
		st.Weeks++
		w = w.Add(-7)
	}
	return st
}

func (s *state) resumePoint(today Day) (Position, bool) {
	ds := s.days[today]
	if ds == nil {
		return Position{}, false
	}
	// A live position beats one read from the journal; among each kind,
	// the one saved last wins.
	var (
		best      *Position
		bestRank  = -1
		bestLive  = false
		bestOwner *session
	)
	for _, ss := range ds.sessions {
		if ss.ended {
			continue
		}
		if p, rank := s.liveOf(ss.id); p != nil {
			if !bestLive || rank > bestRank {
				best, bestRank, bestLive, bestOwner = p, rank, true, ss
			}
			continue
		}
		if ss.pos != nil && !bestLive && (best == nil || ss.posSeq > bestRank) {
			best, bestRank, bestOwner = ss.pos, ss.posSeq, ss
		}
	}
	if best == nil {
		return Position{}, false
	}
	p := *best
	if p.Routine == "" {
		p.Routine = bestOwner.routine
	}
	if p.Moves == nil {
		p.Moves = bestOwner.moves
	}
	p.Moves = slices.Clone(p.Moves)
	return p, true
}

func (s *state) firstDay() (Day, bool) {
	var first Day
	if len(s.arch.days) > 0 {
		first = Day{n: s.arch.days[0]}
	}
	for d, ds := range s.days {
		if ds.nDone > 0 || len(ds.sessions) > 0 {
			if first.IsZero() || d.Before(first) {
				first = d
			}
		}
	}
	return first, !first.IsZero()
}
