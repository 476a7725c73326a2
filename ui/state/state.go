// Package state is the state of the window's screen: which screen is
// shown (the first start's question, the check-in, ready, a session
// running or paused, its summary, the offer to resume, the safety stop),
// how one screen leads to another, and what each screen allows. It
// imports no Fyne: the window asks it what a key or a button does, and
// renders the screen it names; its tests run without a display.
package state

import "fmt"

// Screen is what the window shows: one screen at a time.
type Screen int

// The screens. The first five are idle (no session shown): which of them
// shows is the Day's; Running, Paused and Summary show a session.
const (
	// FirstStart asks where to begin (the journal holds nothing yet).
	FirstStart Screen = iota
	// CheckIn offers the pain check-in before a session.
	CheckIn
	// Ready is the checklist ready to start.
	Ready
	// ResumeOffer offers to resume today's interrupted session.
	ResumeOffer
	// StoppedForToday is the safety stop: a pain before of 8 or more, or
	// numbness, tingling or weakness today. The usual dose is not started.
	StoppedForToday
	// Running is a session under way.
	Running
	// Paused is a session paused.
	Paused
	// Summary is the summary of the session that ended.
	Summary
)

var screenNames = [...]string{"first start", "check-in", "ready", "resume offer", "stopped for today",
	"running", "paused", "summary"}

// String names the screen.
func (s Screen) String() string {
	if s < 0 || int(s) >= len(screenNames) {
		return fmt.Sprintf("Screen(%d)", int(s))
	}
	return screenNames[s]
}

// Idle reports whether no session is shown (between sessions).
func (s Screen) Idle() bool { return s < Running }

// UnderWay reports whether a session runs or is paused.
func (s Screen) UnderWay() bool { return s == Running || s == Paused }

// Day is what the day holds that picks the idle screen.
type Day struct {
	// First: the journal holds nothing yet (the first start's question).
	First bool
	// CheckedIn: the pain before was given or put away.
	CheckedIn bool
	// Stop: a pain before of 8 or more, or numbness, tingling or
	// weakness today (the safety stop).
	Stop bool
	// Resumable: an interrupted session of today is offered.
	Resumable bool
}

// Screen is the idle screen of the day: the safety stop first (it stands
// above the usual dose and the resume of it), then the offer to resume,
// the first start's question, the check-in, and ready.
func (d Day) Screen() Screen {
	switch {
	case d.Stop:
		return StoppedForToday
	case d.Resumable:
		return ResumeOffer
	case d.First:
		return FirstStart
	case !d.CheckedIn:
		return CheckIn
	}
	return Ready
}

// Event is what happened to the session or the day.
type Event int

// The events.
const (
	// DayChanged: the Day changed (a check-in, a flag, a level, a new
	// day, an offer to resume shown or closed).
	DayChanged Event = iota
	// Started: a session started.
	Started
	// PausedEv: the session paused.
	PausedEv
	// Continued: the paused session runs again.
	Continued
	// Ended: the session finished or was stopped; its summary shows.
	Ended
	// Returned: the summary was left for the checklist.
	Returned
	// Dropped: the session shown was dropped without a summary (another
	// routine put in use, the window closed).
	Dropped
)

var eventNames = [...]string{"day changed", "started", "paused", "continued", "ended", "returned", "dropped"}

// String names the event.
func (e Event) String() string {
	if e < 0 || int(e) >= len(eventNames) {
		return fmt.Sprintf("Event(%d)", int(e))
	}
	return eventNames[e]
}

// Next is the screen after ev on screen s, on a day d: every transition of
// the window is here. An event that does not apply to s leaves it.
func Next(s Screen, d Day, ev Event) Screen {
	switch ev {
	case DayChanged:
		if s.Idle() {
			return d.Screen()
		}
	case Started:
		if s.Idle() {
			return Running
		}
	case PausedEv:
		if s == Running {
			return Paused
		}
	case Continued:
		if s == Paused {
			return Running
		}
	case Ended:
		if s.UnderWay() {
			return Summary
		}
	case Returned:
		if s == Summary {
			return d.Screen()
		}
	case Dropped:
		if !s.Idle() {
			return d.Screen()
		}
	}
	return s
}
