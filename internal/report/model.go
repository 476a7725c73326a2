package report

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"spineroutine/internal/i18n"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// MaxDays is the longest period a report covers (a year and a day): its
// day-by-day table is then about twenty pages.
const MaxDays = 366

// DefaultDays is the period of a report when none is asked for: the last
// four weeks, today included.
const DefaultDays = 28

// Source is what a report reads of the journal: the History tab's query
// of the days, and the levels, flags and notes of the same fold
// (*journal.Journal has them).
type Source interface {
	Days(from, to journal.Day) []journal.DaySummary
	Levels(day journal.Day) map[string]journal.Level
	LevelHistory(from, to journal.Day) map[string][]journal.LevelSpan
	Ratings(to journal.Day) []journal.Rating
	Flags(from, to journal.Day) []journal.Flag
	Notes(from, to journal.Day) []journal.Note
}

// Report is everything the PDF shows, worked out from the journal.
type Report struct {
	// From and To are the first and last day of the period.
	From, To journal.Day
	// Made is when the report was made (printed on each page).
	Made time.Time
	// Routine is the routine as it is done at the end of the period: each
	// move at its level of To.
	Routine *routine.Routine
	// Days are the days of the period, oldest first, one per day.
	Days []journal.DaySummary
	// DaysDone counts the days with at least one move done.
	DaysDone int
	// Gap is the longest run of days with nothing done (Length 0: none).
	Gap Gap
	// Sessions, Finished and Stopped count the timed sessions started in
	// the period and those that ended so.
	Sessions, Finished, Stopped int
	// FirstWeek and LastWeek are the pain averages of the period's first
	// and last seven days.
	FirstWeek, LastWeek PainAverage
	// Moves has a row per move of the routine, in its order, then the
	// moves done or flagged in the period that are not in it (by id).
	Moves []MoveRow
	// Flags are the period's "this hurts" flags by day; Notes its day
	// notes, oldest first.
	Flags map[journal.Day][]journal.Flag
	Notes []journal.Note
	// Leveled reports whether a move of the routine has dose levels.
	Leveled bool
	// LevelSpans are, by move id, the levels in force over the period:
	// the one on From (when a level entry set it), then each change
	// (journal.LevelHistory).
	LevelSpans map[string][]journal.LevelSpan
	// Function has a row per activity of the Patient-Specific Functional
	// Scale rated up to the period's end.
	Function []FunctionRow
	// Lang is the language of the report's own words, dates, numbers and
	// scale names ("": English); names, notes and activities print as the
	// person wrote them.
	Lang i18n.Lang
}

// Gap is a run of days with no move done.
type Gap struct {
	From, To journal.Day
	Length   int
}

// PainAverage is the mean of the days' pain check-ins over some days.
type PainAverage struct {
	From, To journal.Day
	// Before and After are the means; NBefore and NAfter the days that
	// had the check-in (a mean of no day is not shown).
	Before, After   float64
	NBefore, NAfter int
}

// MoveRow is one move's line of the summary.
type MoveRow struct {
	ID, Name string
	// Days counts the days of the period it was done on.
	Days int
	// InRoutine is false for a move done in the period that the routine
	// no longer has.
	InRoutine bool
	// StartLevel and EndLevel are its dose level on the first and the
	// last day of the period, of Levels (0: not in the routine).
	StartLevel, EndLevel, Levels int
	// Hurts and Nerve count its flags: "this hurts", and numbness,
	// tingling or weakness.
	Hurts, Nerve int
}

// Period checks a period asked for: from must not be after to, neither
// after today, and it may be at most MaxDays long. A zero from means
// DefaultDays up to to; a zero to means today.
func Period(from, to, today journal.Day) (journal.Day, journal.Day, error) {
	if to.IsZero() {
		to = today
	}
	if from.IsZero() {
		from = to.Add(-(DefaultDays - 1))
	}
	switch {
	case from.After(to):
		return from, to, fmt.Errorf("the period starts on %s, after its end on %s", from, to)
	case to.After(today):
		return from, to, fmt.Errorf("the period ends on %s, after today (%s)", to, today)
	case to.Sub(from)+1 > MaxDays:
		return from, to, fmt.Errorf("the period from %s to %s is %d days; a report covers at most %d",
			from, to, to.Sub(from)+1, MaxDays)
	}
	return from, to, nil
}

// Build works the report of the days from..to out of src for routine r
// (the routine as done now), made at made.
func Build(src Source, r *routine.Routine, from, to journal.Day, made time.Time) (*Report, error) {
	if r == nil {
		return nil, errors.New("report: no routine")
	}
	if from.After(to) {
		return nil, fmt.Errorf("report: the period starts on %s, after its end on %s", from, to)
	}
	days := src.Days(from, to)
	slices.Reverse(days) // oldest first
	startLevels, endLevels := levelsOf(src.Levels(from)), levelsOf(src.Levels(to))
	rep := &Report{From: from, To: to, Made: made, Routine: r.WithLevels(endLevels), Days: days,
		Flags: make(map[journal.Day][]journal.Flag), Notes: src.Notes(from, to), LevelSpans: src.LevelHistory(from, to),
		Function: functionRows(src.Ratings(to), from)}

	index := make(map[string]int)
	row := func(id string) *MoveRow {
		i, ok := index[id]
		if !ok {
			i = len(rep.Moves)
			index[id] = i
			rep.Moves = append(rep.Moves, MoveRow{ID: id, Name: id})
		}
		return &rep.Moves[i]
	}
	for _, m := range r.Moves {
		mr := row(m.ID)
		mr.Name, mr.InRoutine, mr.Levels = m.Name, true, m.LevelCount()
		mr.StartLevel = m.AtLevel(levelOr(startLevels, m)).Level
		mr.EndLevel = m.AtLevel(levelOr(endLevels, m)).Level
		rep.Leveled = rep.Leveled || m.LevelCount() > 1
	}
	var run Gap
	for _, d := range days {
		rep.Sessions += d.Sessions
		rep.Finished += d.Finished
		rep.Stopped += d.Stopped
		if len(d.Done) > 0 {
			rep.DaysDone++
			run = Gap{}
		} else {
			if run.Length == 0 {
				run.From = d.Date
			}
			run.To, run.Length = d.Date, run.Length+1
			if run.Length > rep.Gap.Length {
				rep.Gap = run
			}
		}
		for _, t := range d.Done {
			row(t.Move).Days++
		}
	}
	for _, f := range src.Flags(from, to) {
		rep.Flags[f.Day] = append(rep.Flags[f.Day], f)
		if f.Kind == journal.FlagNerve {
			row(f.Move).Nerve++
		} else {
			row(f.Move).Hurts++
		}
	}
	week := min(7, rep.DayCount())
	rep.FirstWeek = average(days, from, from.Add(week-1))
	rep.LastWeek = average(days, to.Add(1-week), to)
	return rep, nil
}

// levelsOf is the level number of each move in levels.
func levelsOf(levels map[string]journal.Level) map[string]int {
	out := make(map[string]int, len(levels))
	for id, l := range levels {
		out[id] = l.Level
	}
	return out
}

// levelOr is m's level in at, else its start level.
func levelOr(at map[string]int, m routine.Move) int {
	if n, ok := at[m.ID]; ok {
		return n
	}
	return m.StartLevel
}

// Recent builds the report of the last DefaultDays days up to now's day,
// made at now: the History tab's report.
func Recent(src Source, r *routine.Routine, now time.Time) (*Report, error) {
	today := journal.Today(now)
	return Build(src, r, today.Add(1-DefaultDays), today, now)
}

// average is the pain average of the days from..to of days (oldest
// first, starting at days[0].Date).
func average(days []journal.DaySummary, from, to journal.Day) PainAverage {
	a := PainAverage{From: from, To: to}
	var sb, sa int
	for _, d := range days {
		if d.Date.Before(from) || d.Date.After(to) {
			continue
		}
		if d.PainBefore != nil {
			sb += *d.PainBefore
			a.NBefore++
		}
		if d.PainAfter != nil {
			sa += *d.PainAfter
			a.NAfter++
		}
	}
	if a.NBefore > 0 {
		a.Before = float64(sb) / float64(a.NBefore)
	}
	if a.NAfter > 0 {
		a.After = float64(sa) / float64(a.NAfter)
	}
	return a
}

// Empty reports whether nothing was recorded in the period: no move done,
// no session, no pain check-in.
func (r *Report) Empty() bool {
	if r.DaysDone > 0 || r.Sessions > 0 {
		return false
	}
	for _, d := range r.Days {
		if d.PainBefore != nil || d.PainAfter != nil {
			return false
		}
	}
	return true
}

// DayCount is the number of days of the period.
func (r *Report) DayCount() int { return r.To.Sub(r.From) + 1 }
