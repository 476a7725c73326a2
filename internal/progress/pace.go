package progress

// Pacing: at most Params.MaxUps moves step up on one day, the longest
// runs of good sessions first; and the level a safety stop's entries of
// today stand in for, which comes back when the check-in is corrected.

import (
	"cmp"
	"slices"

	"spineroutine/internal/journal"
)

// pace keeps at most p.MaxUps moves stepping up on res.Day, counting the
// moves that stepped up today already: the suggested step ups with the
// longest run of good sessions stay (routine order breaks a tie), the
// others wait for another day.
func pace(res *Result, in Input, p Params) {
	taken := 0
	for _, m := range in.Moves {
		if steppedUp(in, m) {
			taken++
		}
	}
	var ups []int
	for i, a := range res.Moves {
		if a.Suggest == Up {
			ups = append(ups, i)
		}
	}
	slices.SortStableFunc(ups, func(x, y int) int { return cmp.Compare(res.Moves[y].Run, res.Moves[x].Run) })
	room := max(p.MaxUps-taken, 0)
	for k, i := range ups {
		if k < room {
			continue
		}
		a := &res.Moves[i]
		a.Reason = Reason{Kind: ReasonWait, Level: a.Level, To: a.Level + 1, Good: a.Good, Most: p.MaxUps}
		a.Why = a.Reason.english(doses{in.Moves[i]}, in.Day)
		a.Suggest, a.To, a.Waits = Stay, a.Level, true
	}
}

// steppedUp reports whether m stepped up today: a suggestion accepted
// today raised its level above the one it started the day at.
func steppedUp(in Input, m Move) bool {
	from := m.Start
	if l, ok := in.Prior[m.ID]; ok {
		from = l.Level
	}
	for _, l := range in.Set[m.ID] {
		if l.Src == journal.LevelSuggested && !l.Today && l.Level > from {
			return true
		}
	}
	return false
}

// held returns the level entry of m in force today leaving out the
// entries of a safety stop and the restores that undid them: the last
// other entry set for today, else the one in force at the day's start;
// with a zero Day (the start level) when m has none.
func (ev *evaluator) held(m Move) journal.Level {
	set := ev.in.Set[m.ID]
	for i := len(set) - 1; i >= 0; i-- {
		l := set[i]
		if !(l.Today && (l.Src == journal.LevelSafety || l.Src == journal.LevelRestored)) {
			return l
		}
	}
	if l, ok := ev.in.Prior[m.ID]; ok {
		return l
	}
	return journal.Level{Move: m.ID, Level: m.Start}
}
