package progress

// The rule for one move: its sessions since its level was set, the last
// one for a step down, the last days at its step for a step up.

import "spineroutine/internal/journal"

// evaluator applies the rule to one move at a time.
type evaluator struct {
	in       Input
	p        Params
	checkIns []checkIn
}

// verdict is how one session went for a move.
type verdict struct {
	good bool
	down bool
	why  SessionReason // why it did not go well, or why it steps down
}

// levelOf returns the current step of m and when it was set (zero: never).
func (ev *evaluator) levelOf(m Move) (level int, set journal.Level, ok bool) {
	level = m.Start
	if l, found := ev.in.Levels[m.ID]; found {
		level, set, ok = l.Level, l, true
		if l.Src == journal.LevelRestored {
			// The sessions count from the level it restores: a corrected
			// check-in gives back the good sessions already earned.
			set = ev.held(m)
			ok = !set.Day.IsZero()
		}
	}
	return min(max(level, 1), max(m.Levels, 1)), set, ok
}

// move returns the advice for m.
func (ev *evaluator) move(m Move) Advice {
	levels := max(m.Levels, 1)
	top := m.Top
	if top < 1 || top > levels {
		top = levels
	}
	level, set, hasSet := ev.levelOf(m)
	a := Advice{ID: m.ID, Level: level, Levels: levels, Top: top, Suggest: Stay, To: level}
	d := doses{m}

	// The sessions of m since the day its level was set, newest first.
	var mine []journal.SessionRecord
	for i := len(ev.in.Sessions) - 1; i >= 0; i-- {
		s := ev.in.Sessions[i]
		if s.Day.After(ev.in.Day) || (hasSet && !counts(s, set)) {
			continue
		}
		if _, did := timedLevel(s, m); did || flagged(s, m.ID) {
			mine = append(mine, s)
		}
	}
	if level > top {
		a.Suggest, a.To = Down, top
		a.Reason = Reason{Kind: ReasonAboveTop, Level: level, To: top}
		a.Why = a.Reason.english(d, ev.in.Day)
		return a
	}
	if len(mine) == 0 {
		a.Reason = Reason{Kind: ReasonNoSession, Level: level}
		a.Why = a.Reason.english(d, ev.in.Day)
		return a
	}

	// The last session decides a step down, unless it did the move at a
	// harder step than the current one (it was stepped down since).
	lv, did := timedLevel(mine[0], m)
	if v := ev.judge(mine[0], m); v.down && (!did || lv <= level) {
		if level > 1 {
			a.Suggest, a.To = Down, level-1
			a.Reason = Reason{Kind: ReasonDown, Level: level, To: level - 1, Session: v.why}
		} else {
			a.Reason = Reason{Kind: ReasonDownAtFirst, Level: level, Session: v.why}
		}
		a.Why = a.Reason.english(d, ev.in.Day)
		return a
	}

	// Step up: the last Sessions days with a session at this level, all
	// within the window, all good (a day is good when every session of
	// it at this level went well).
	// The run goes on past Sessions days: the longest run steps up first
	// when more moves are ready than may step up on one day (MaxUps).
	days := 0
	var notGood SessionReason
	for i := 0; i < len(mine); {
		day := mine[i].Day
		if ev.in.Day.Sub(day) >= ev.p.Window {
			break
		}
		good, counted := true, false
		for ; i < len(mine) && mine[i].Day == day; i++ {
			if lv, did := timedLevel(mine[i], m); !did || lv != level {
				continue // done at another step (or only flagged): not counted
			}
			counted = true
			if v := ev.judge(mine[i], m); !v.good && good {
				good = false
				if days == 0 {
					notGood = v.why
				}
			}
		}
		if !counted {
			continue
		}
		if !good {
			break // a day that did not go well ends the run
		}
		days++
	}
	a.Run = days
	days = min(days, ev.p.Sessions)
	a.Good = days
	switch {
	case notGood.Kind != "" && days == 0:
		a.Reason = Reason{Kind: ReasonNotGood, Level: level, Session: notGood}
	case days >= ev.p.Sessions && level >= top:
		a.Reason = Reason{Kind: ReasonTop, Level: level, Good: days, Last: top == levels}
	case days >= ev.p.Sessions:
		a.Suggest, a.To = Up, level+1
		a.Reason = Reason{Kind: ReasonUp, Level: level, To: level + 1, Good: days}
	default:
		a.Reason = Reason{Kind: ReasonCounting, Level: level, Good: days, Need: ev.p.Sessions, Window: ev.p.Window}
	}
	a.Why = a.Reason.english(d, ev.in.Day)
	return a
}

// judge says how session s went for move m.
func (ev *evaluator) judge(s journal.SessionRecord, m Move) verdict {
	p := ev.p
	on := SessionReason{Day: s.Day}
	why := func(k SessionKind) SessionReason { on.Kind = k; return on }
	if flagged(s, m.ID) {
		return verdict{down: true, why: why(SessionFlagged)}
	}
	if s.PainAfter != nil {
		on.After = *s.PainAfter
	}
	if s.PainBefore != nil {
		on.Before = *s.PainBefore
	}
	if s.PainAfter != nil && *s.PainAfter >= p.DownAfter {
		return verdict{down: true, why: why(SessionAfter)}
	}
	next, hasNext := ev.next(s)
	on.Next, on.NextDay = next.pain, next.day
	if s.PainBefore != nil && hasNext && next.pain-*s.PainBefore >= p.DownNextRise {
		return verdict{down: true, why: why(SessionNext)}
	}
	switch {
	case s.PainBefore == nil || s.PainAfter == nil:
		return verdict{why: why(SessionMissing)}
	case *s.PainAfter > p.MaxAfter:
		on.Most = p.MaxAfter
		return verdict{why: why(SessionAfterHigh)}
	case *s.PainAfter-*s.PainBefore > p.MaxRise:
		return verdict{why: why(SessionRose)}
	case !hasNext && ev.in.Day.Sub(s.Day) <= p.NextWithin:
		return verdict{why: why(SessionWaitNext)}
	case !hasNext:
		on.Within = p.NextWithin
		return verdict{why: why(SessionNoNext)}
	case next.pain-*s.PainBefore > p.MaxNextRise:
		return verdict{why: why(SessionNext)}
	}
	return verdict{good: true}
}

// next returns the first check-in on a day after s, within NextWithin
// days.
func (ev *evaluator) next(s journal.SessionRecord) (checkIn, bool) {
	for _, c := range ev.checkIns {
		if c.day.After(s.Day) && c.day.Sub(s.Day) <= ev.p.NextWithin && !c.day.After(ev.in.Day) {
			return c, true
		}
	}
	return checkIn{}, false
}

// counts reports whether session s counts for a move whose level in
// force is set: s is of the day set was set for or later, and, when set
// answered a flag or a safety stop that day, s started after it.
func counts(s journal.SessionRecord, set journal.Level) bool {
	if s.Day.Before(set.Day) {
		return false
	}
	reaction := set.Src == journal.LevelHurt || set.Src == journal.LevelSafety
	return !(reaction && s.Day == set.Day && s.Start.Before(set.At))
}

// timedLevel returns the step the timer completed m at in s (an unknown
// level is the move's start step), and whether it did.
func timedLevel(s journal.SessionRecord, m Move) (int, bool) {
	for _, t := range s.Timed {
		if t.Move == m.ID {
			if t.Level == 0 {
				return m.Start, true
			}
			return t.Level, true
		}
	}
	return 0, false
}

// flagged reports whether move was flagged as hurting in s.
func flagged(s journal.SessionRecord, move string) bool {
	for _, f := range s.Flags {
		if f.Move == move {
			return true
		}
	}
	return false
}
