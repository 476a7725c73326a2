// Package progress is the rule that suggests, per move, a step up, a stay
// or a step down, from the journal's sessions and pain check-ins. It only
// suggests: the person decides, and a level changes only when the app
// journals it.
//
// The rule follows the pain-monitoring model (Silbernagel et al. 2007):
// pain up to 5 during and after exercise is acceptable, and the response
// the next morning decides whether the load may rise; McGill's Big 3 rise
// by one rep per set after well tolerated days; graded activity raises the
// dose from what the person actually did. With the defaults (see Params):
//
//   - A session went well for a move (tolerated it) when the timer
//     completed the move at its current step, the pain after was at most 5
//     and at most 2 above the pain before, the move was not flagged as
//     hurting, and the next check-in (the next session's pain before,
//     within 2 days) was at most 1 above that session's pain before. A
//     missing check-in never counts as going well.
//   - Step up when the last 3 sessions at the current step, on 3 different
//     days within 10 days, all went well, and the step is below the top.
//   - Step down when the move was flagged in its last session, or that
//     session's pain after was 6 or more, or the next check-in rose by 2 or
//     more; the other moves stay.
//   - Flare-up when today's pain before is 7 or more: the bad-day routine
//     at its first levels is suggested, and no step up is suggested while
//     any pain before of the last 7 days was 7 or more.
//   - Safety when today's pain before is 8 or more, or numbness, tingling
//     or weakness was flagged today: a stop message, only the easiest
//     steps, no step up that day.
//
// Only the sessions from the day the move's level was last set count
// (that day's session is done at the new level): accepting a suggestion
// starts the count again, and the evidence for a step down is spent once
// an easier step is chosen. An easier step set for the rest of a day
// after a flag (or a safety stop) does not count that day's earlier
// sessions. A session done at an unknown step (older journals) counts at
// the move's start step. Days without a session change nothing. This is
// guidance, not medical advice.
package progress

import (
	"spineroutine/internal/journal"
)

// Move is what the rule needs to know of a routine's move.
type Move struct {
	ID     string
	Levels int // how many steps the move has (1 when it has none)
	Start  int // the step a new user starts at, 1-based
	Top    int // the highest step suggestions may reach, 1-based; 0: Levels
	// Doses optionally gives the dose of each step ("5-3-1"), for the
	// reasons; Doses[0] is step 1.
	Doses []string
}

// Input is what the rule reads: the routine's moves and the journal as of
// a day. Read fills it from a journal.
type Input struct {
	Day   journal.Day
	Moves []Move
	// Levels are the levels in force on Day (journal.Levels); Prior those
	// in force at its start, before any entry set for it, and Set the level entries set for Day in
	// journal order (journal.LevelsBefore, journal.LevelEntries).
	Levels map[string]journal.Level
	Prior  map[string]journal.Level
	Set    map[string][]journal.Level
	// Sessions are the sessions of the Lookback days up to Day, oldest
	// first (journal.Sessions).
	Sessions []journal.SessionRecord
	// Before is today's pain before when the person gave it but it is not
	// in Sessions yet (the check-in before a session starts); nil: none.
	Before *int
}

// Suggest is what the rule suggests for a move.
type Suggest string

// The suggestions.
const (
	Up   Suggest = "up"
	Stay Suggest = "stay"
	Down Suggest = "down"
)

// Advice is the suggestion for one move.
type Advice struct {
	ID     string
	Level  int // the current step, 1-based
	Levels int // how many steps the move has
	Top    int // the highest step suggestions reach
	// Suggest is up, stay or down; To is the step suggested (Level when
	// staying).
	Suggest Suggest
	To      int
	// Good counts the sessions at the current step, on different days
	// within the window, that went well in a row (most recent first), up
	// to the Sessions a step up needs; Run counts them all.
	Good, Run int
	// Waits is set when the move is ready to step up but waits for another
	// day: MaxUps moves step up today already, or are suggested first.
	Waits bool
	// Why is the reason in plain words (English); Reason is the same as
	// data, for the window's language.
	Why    string
	Reason Reason
}

// Result is the rule's answer for a day.
type Result struct {
	Day journal.Day
	// Before is today's pain before, when known.
	Before *int
	// Flare is set when today's pain before is a flare-up: the bad-day
	// routine at its first levels is suggested (FlareWhy says so).
	Flare    bool
	FlareWhy string
	// FlareDays is how many days a flare-up blocks step ups (Params).
	FlareDays int
	// NoUpUntil is the first day step ups may be suggested again after a
	// flare-up of the last days; zero when none blocks them.
	NoUpUntil journal.Day
	// Safety is set when the person should stop and ask their surgeon or
	// physiotherapist (SafetyWhy): only the easiest levels are offered today.
	Safety    bool
	SafetyWhy string
	// SafetyNerve is set when the stop follows numbness, tingling or
	// weakness noted today; else it follows the pain Before.
	SafetyNerve bool
	// Moves holds the advice for each move, in the input's order.
	Moves []Advice
	// Restore lists, on a day that is no longer a safety day (its check-in
	// was corrected), the moves whose level today is still the easiest one
	// a safety stop set, with the level they had before it, in the input's
	// order: the caller journals them for the rest of the day
	// (journal.LevelRestored).
	Restore []Restore
}

// Restore is a move's level to go back to after a corrected check-in.
type Restore struct {
	ID    string
	Level int
}

// Read reads what the rule needs as of day from j: the levels in force
// and the sessions of the Lookback days up to day.
func Read(j *journal.Journal, day journal.Day, moves []Move) Input {
	return Input{Day: day, Moves: moves, Levels: j.Levels(day), Prior: j.LevelsBefore(day),
		Set: j.LevelEntries(day), Sessions: j.Sessions(day.Add(1-Lookback), day)}
}

// checkIn is a pain before on a day.
type checkIn struct {
	day  journal.Day
	pain int
}

// Evaluate applies the rule with params p to in.
func Evaluate(in Input, p Params) Result {
	res := Result{Day: in.Day, FlareDays: p.FlareDays}
	var checkIns []checkIn
	nerve := false
	for _, s := range in.Sessions {
		if s.Day.After(in.Day) {
			continue
		}
		if s.PainBefore != nil {
			checkIns = append(checkIns, checkIn{s.Day, *s.PainBefore})
			if s.Day == in.Day {
				v := *s.PainBefore
				res.Before = &v
			}
		}
		for _, f := range s.Flags {
			if s.Day == in.Day && f.Kind == journal.FlagNerve {
				nerve = true
			}
		}
	}
	if in.Before != nil {
		v := *in.Before
		res.Before = &v
		checkIns = append(checkIns, checkIn{in.Day, v})
	}

	// Flare-ups of the last FlareDays days block step ups.
	var flareDay journal.Day
	var flarePain int
	for _, c := range checkIns {
		if c.pain >= p.Flare && in.Day.Sub(c.day) < p.FlareDays && !c.day.Before(flareDay) {
			flareDay, flarePain = c.day, c.pain
		}
	}
	if !flareDay.IsZero() {
		res.NoUpUntil = flareDay.Add(p.FlareDays)
	}
	if res.Before != nil && *res.Before >= p.Flare {
		res.Flare = true
		res.FlareWhy = flareText(*res.Before, p.FlareDays)
	}
	switch {
	case res.Before != nil && *res.Before >= p.Stop:
		res.Safety, res.SafetyWhy = true, stopPainText(*res.Before)
	case nerve:
		res.Safety, res.SafetyWhy, res.SafetyNerve = true, stopNerveText, true
	}

	ev := evaluator{in: in, p: p, checkIns: checkIns}
	for _, m := range in.Moves {
		a := ev.move(m)
		switch {
		case res.Safety:
			a = safetyAdvice(a, doses{m}, in.Day)
		case a.Suggest == Up && !res.NoUpUntil.IsZero():
			a.Suggest, a.To = Stay, a.Level
			a.Reason = Reason{Kind: ReasonBlocked, Level: a.Level, Good: a.Good, Pain: flarePain, FlareDay: flareDay,
				Until: res.NoUpUntil}
			a.Why = a.Reason.english(doses{m}, in.Day)
		}
		res.Moves = append(res.Moves, a)
		if l, ok := in.Levels[m.ID]; ok && !res.Safety && l.Today && l.Src == journal.LevelSafety {
			back := ev.held(m)
			res.Restore = append(res.Restore, Restore{ID: m.ID, Level: back.Level})
		}
	}
	pace(&res, in, p)
	return res
}

// safetyAdvice turns a into the easiest level for today.
func safetyAdvice(a Advice, d doses, today journal.Day) Advice {
	if a.Level > 1 {
		a.Suggest, a.To = Down, 1
	} else {
		a.Suggest, a.To = Stay, 1
	}
	a.Reason = Reason{Kind: ReasonSafety, Level: a.Level, To: 1}
	a.Why = a.Reason.english(d, today)
	return a
}
