package progress

import (
	"errors"
	"fmt"
)

// Params are the numbers of the rule. Each field's comment is written for
// the person who changes it in Settings.
type Params struct {
	// Sessions is how many sessions at a step, each on a different day,
	// must have gone well before a step up is suggested.
	Sessions int
	// Window is how many days (today included) those sessions must all
	// fall within: older sessions no longer count towards a step up.
	Window int
	// MaxAfter is the highest pain (0–10) after a session that still
	// counts as going well.
	MaxAfter int
	// MaxRise is how many points the pain after a session may be above the
	// pain before it and still count as going well.
	MaxRise int
	// MaxNextRise is how many points the next check-in (the pain before
	// the next session, usually the next morning) may be above the pain
	// before the session and still count as going well.
	MaxNextRise int
	// NextWithin is how many days after a session the next check-in must
	// come to count: without one, the session does not count as going
	// well.
	NextWithin int
	// DownAfter is the pain after a session (0–10) from which the moves of
	// that session are suggested one step easier.
	DownAfter int
	// DownNextRise is by how many points the next check-in must be above
	// the pain before a session for its moves to be suggested one step
	// easier.
	DownNextRise int
	// Flare is the pain before a session (0–10) from which the day counts
	// as a flare-up: the bad-day routine at its first levels is suggested.
	Flare int
	// FlareDays is how many days (today included) after a flare-up no step
	// up is suggested.
	FlareDays int
	// Stop is the pain before a session (0–10) from which the app says to
	// stop and contact your surgeon or physiotherapist, and offers only the
	// easiest levels that day.
	Stop int
	// MaxUps is how many moves may step up on one day: when more are
	// ready, those with the longest run of good sessions go first and the
	// others wait for another day.
	MaxUps int
}

// Defaults returns the rule's defaults: three good sessions on three days
// within ten days earn a step up; pain after at most 5 and at most 2 above
// the pain before, and the next morning at most 1 worse, count as going
// well; an after of 6 or a next morning 2 worse steps down; a before of 7
// is a flare-up (no step up for 7 days), 8 says stop; at most 2 moves
// step up on one day.
func Defaults() Params {
	return Params{Sessions: 3, Window: 10, MaxAfter: 5, MaxRise: 2, MaxNextRise: 1, NextWithin: 2,
		DownAfter: 6, DownNextRise: 2, Flare: 7, FlareDays: 7, Stop: 8, MaxUps: 2}
}

// MaxUpsLimit is the most moves Settings lets step up on one day.
const MaxUpsLimit = 10

// Lookback is how many days of sessions (today included) the rule reads:
// a session older than that no longer steps a move down.
const Lookback = 60

// Validate reports the first field that makes no sense, in words.
func (p Params) Validate() error {
	pain := func(name string, v int) error {
		if v < 0 || v > 10 {
			return fmt.Errorf("%s is %d: want a pain from 0 to 10", name, v)
		}
		return nil
	}
	count := func(name string, v, most int, unit string) error {
		if v < 1 || v > most {
			return fmt.Errorf("%s is %d: want 1 to %d %s", name, v, most, unit)
		}
		return nil
	}
	days := func(name string, v, most int) error { return count(name, v, most, "days") }
	return errors.Join(
		count("sessions for a step up", p.Sessions, max(p.Window, 1), "sessions"),
		days("days the sessions must fall within", p.Window, Lookback),
		pain("highest pain after", p.MaxAfter),
		pain("rise during a session", p.MaxRise),
		pain("rise by the next check-in", p.MaxNextRise),
		days("days to the next check-in", p.NextWithin, 7),
		pain("pain after that steps down", p.DownAfter),
		pain("next-morning rise that steps down", p.DownNextRise),
		pain("flare-up pain", p.Flare),
		days("days without a step up after a flare-up", p.FlareDays, Lookback),
		pain("stop pain", p.Stop),
		count("moves stepping up on one day", p.MaxUps, MaxUpsLimit, "moves"),
	)
}
