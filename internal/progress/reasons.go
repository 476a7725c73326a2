package progress

// The reasons, in plain words. A reason names the level and, when the
// caller gave it, its dose: "3 sessions on 3 days went well at level 3
// (5-3-1): ready for level 4 (6-4-2)?"

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"spineroutine/internal/journal"
)

// doses names the levels of a move.
type doses struct{ m Move }

// of returns "level 3 (5-3-1)", or "level 3" without a dose.
func (d doses) of(level int) string {
	if level >= 1 && level <= len(d.m.Doses) && d.m.Doses[level-1] != "" {
		return fmt.Sprintf("level %d (%s)", level, d.m.Doses[level-1])
	}
	return fmt.Sprintf("level %d", level)
}

// dayText returns "today", "yesterday" or "on Mon 16 Nov".
func dayText(d, today journal.Day) string {
	switch today.Sub(d) {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return "on " + dateText(d)
}

// dateText returns "Mon 16 Nov".
func dateText(d journal.Day) string {
	y, m, n := d.Date()
	return time.Date(y, m, n, 12, 0, 0, 0, time.UTC).Format("Mon 2 Jan")
}

// upper returns s with its first letter in upper case.
func upper(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// sessions returns "1 session on 1 day" or "3 sessions on 3 days".
func sessions(n int) string {
	if n == 1 {
		return "1 session on 1 day"
	}
	return fmt.Sprintf("%d sessions on %d days", n, n)
}

// ReasonKind names what a reason says; Reason holds its figures.
type ReasonKind string

// The reasons of an advice.
const (
	ReasonAboveTop    ReasonKind = "above-top"     // Level is above Top: go back to To
	ReasonNoSession   ReasonKind = "no-session"    // stay: no session at Level yet
	ReasonDown        ReasonKind = "down"          // Session went badly: go back to To
	ReasonDownAtFirst ReasonKind = "down-at-first" // Session went badly at the easiest level
	ReasonNotGood     ReasonKind = "not-good"      // stay at Level: Session did not go well
	ReasonTop         ReasonKind = "top"           // Good sessions went well at the top (Last: the move's hardest level)
	ReasonUp          ReasonKind = "up"            // Good sessions went well at Level: ready for Level+1
	ReasonCounting    ReasonKind = "counting"      // Good of the Need sessions so far (0: none within Window days)
	ReasonBlocked     ReasonKind = "blocked"       // Good went well, but Pain on FlareDay: no step up until Until
	ReasonSafety      ReasonKind = "safety"        // the safety stop: the easiest level only
	ReasonWait        ReasonKind = "wait"          // ready for Level+1, but at most Most moves step up on one day
)

// Reason is an advice's reason as data, for a caller that words it in
// another language (Advice.Why is its English). Level is the move's
// current level; the other fields are set as its Kind says.
type Reason struct {
	Kind                     ReasonKind
	Level, To                int
	Good, Need, Window, Most int
	Last                     bool
	Pain                     int
	FlareDay, Until          journal.Day
	// Session is how the last session went, for ReasonDown,
	// ReasonDownAtFirst and ReasonNotGood.
	Session SessionReason
}

// SessionKind names how a session went for a move.
type SessionKind string

// How a session went.
const (
	SessionFlagged   SessionKind = "flagged"    // the move was flagged as hurting
	SessionAfter     SessionKind = "after"      // the pain After was high enough for a step down
	SessionMissing   SessionKind = "missing"    // no pain check-in before or after
	SessionAfterHigh SessionKind = "after-high" // the pain After was above Most
	SessionRose      SessionKind = "rose"       // the pain rose from Before to After
	SessionWaitNext  SessionKind = "wait-next"  // it counts once the next check-in is in
	SessionNoNext    SessionKind = "no-next"    // no check-in followed within Within days
	SessionNext      SessionKind = "next"       // the pain went from Before to Next on NextDay
)

// SessionReason is how the session of Day went for a move, as data.
type SessionReason struct {
	Kind                        SessionKind
	Day                         journal.Day
	Before, After, Most, Within int
	Next                        int
	NextDay                     journal.Day
}

// english is the session's reason in English, as of today.
func (s SessionReason) english(today journal.Day) string {
	when := dayText(s.Day, today)
	switch s.Kind {
	case SessionFlagged:
		return flaggedText(when)
	case SessionAfter:
		return afterText(when, s.After)
	case SessionMissing:
		return missingText(when)
	case SessionAfterHigh:
		return afterHighText(when, s.After, s.Most)
	case SessionRose:
		return roseText(when, s.Before, s.After)
	case SessionWaitNext:
		return waitNextText(when)
	case SessionNoNext:
		return noNextText(when, s.Within)
	}
	return nextText(when, s.Before, checkIn{s.NextDay, s.Next}, today)
}

// english is the reason in English, the levels with the doses of d, as of
// today.
func (r Reason) english(d doses, today journal.Day) string {
	switch r.Kind {
	case ReasonAboveTop:
		return aboveTopText(d, r.Level, r.To)
	case ReasonNoSession:
		return noSessionText(d, r.Level)
	case ReasonDown:
		return downText(r.Session.english(today), d, r.To)
	case ReasonDownAtFirst:
		return downAtFirstText(r.Session.english(today))
	case ReasonNotGood:
		return notGoodText(r.Session.english(today), d, r.Level)
	case ReasonTop:
		return topText(r.Good, d, r.Level, r.Last)
	case ReasonUp:
		return upText(r.Good, d, r.Level)
	case ReasonCounting:
		return countingText(r.Good, r.Need, r.Window, d, r.Level)
	case ReasonBlocked:
		return blockedText(r.Good, d, r.Level, r.FlareDay, r.Pain, r.Until, today)
	case ReasonSafety:
		return safetyText(d, r.Level)
	}
	return waitText(r.Good, d, r.Level, r.Most)
}

func flaggedText(when string) string { return "you flagged it as hurting " + when }

func afterText(when string, after int) string {
	return fmt.Sprintf("the pain after the session %s was %d/10", when, after)
}

func missingText(when string) string {
	return fmt.Sprintf("the session %s lacks a pain check-in before or after", when)
}

func afterHighText(when string, after, most int) string {
	return fmt.Sprintf("the pain after the session %s was %d/10, above %d", when, after, most)
}

func roseText(when string, before, after int) string {
	return fmt.Sprintf("the pain rose from %d/10 to %d/10 during the session %s", before, after, when)
}

func waitNextText(when string) string {
	return fmt.Sprintf("the session %s counts once the next check-in (the pain before the next session) is in", when)
}

func noNextText(when string, within int) string {
	return fmt.Sprintf("no check-in followed the session %s within %d days", when, within)
}

func nextText(when string, before int, next checkIn, today journal.Day) string {
	return fmt.Sprintf("the pain went from %d/10 before the session %s to %d/10 %s", before, when, next.pain,
		dayText(next.day, today))
}

func downText(why string, d doses, to int) string {
	return fmt.Sprintf("%s: go back to %s?", upper(why), d.of(to))
}

func downAtFirstText(why string) string {
	return upper(why) + ", and this is already the easiest level: keep it gentle, leave it out, or ask your physiotherapist."
}

func notGoodText(why string, d doses, level int) string {
	return fmt.Sprintf("Stay at %s: %s.", d.of(level), why)
}

func topText(good int, d doses, level int, last bool) string {
	what := "the top level your routine sets"
	if last {
		what = "its hardest level"
	}
	return fmt.Sprintf("%s went well at %s, %s: stay.", upper(sessions(good)), d.of(level), what)
}

func upText(good int, d doses, level int) string {
	return fmt.Sprintf("%s went well at %s: ready for %s?", upper(sessions(good)), d.of(level), d.of(level+1))
}

func countingText(good, need, window int, d doses, level int) string {
	if good == 0 {
		return fmt.Sprintf("Stay at %s: no session at this level in the last %d days.", d.of(level), window)
	}
	return fmt.Sprintf("Stay at %s: %d of the %d sessions a step up needs went well so far.", d.of(level), good, need)
}

func noSessionText(d doses, level int) string {
	return fmt.Sprintf("Stay at %s: no session at this level yet.", d.of(level))
}

func aboveTopText(d doses, level, top int) string {
	return fmt.Sprintf("Level %d is above the top level your routine sets: go back to %s?", level, d.of(top))
}

func blockedText(good int, d doses, level int, flare journal.Day, pain int, until, today journal.Day) string {
	return fmt.Sprintf("%s went well at %s, but the pain before was %d/10 %s, a flare-up: no step up until %s.",
		upper(sessions(good)), d.of(level), pain, dayText(flare, today), dateText(until))
}

func flareText(before, days int) string {
	return fmt.Sprintf("Pain before is %d/10 today, a flare-up: do the bad-day routine (the Big 3) at its first levels, "+
		"gently; no step up for %d days.", before, days)
}

// stopAdvice ends both stop messages (the app says once that it gives
// guidance, not medical advice: the stop does not repeat it).
const stopAdvice = "Stop, and contact your surgeon or physiotherapist before going on. " +
	"If you move today, keep to the easiest levels."

func stopPainText(before int) string {
	return fmt.Sprintf("Pain before is %d/10 today. %s", before, stopAdvice)
}

// stopNerveText is the stop message after a "nerve" flag.
const stopNerveText = "You noted numbness, tingling or weakness today. " + stopAdvice

func safetyText(d doses, level int) string {
	if level > 1 {
		return fmt.Sprintf("Safety stop today: only the easiest level, %s.", d.of(1))
	}
	return fmt.Sprintf("Safety stop today: %s is the easiest level; no step up today.", d.of(1))
}

func waitText(good int, d doses, level, most int) string {
	moves := "moves step"
	if most == 1 {
		moves = "move steps"
	}
	return fmt.Sprintf("%s went well at %s: ready for %s, but at most %d %s up on one day, so it waits for another day.",
		upper(sessions(good)), d.of(level), d.of(level+1), most, moves)
}
