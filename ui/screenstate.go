package ui

import (
	"spineroutine/ui/state"
)

// The screen's state (package state) as the window keeps it: the day's
// facts it is told, the session's events it follows, and what the window
// shows of each screen.

// State is the screen shown.
func (c *controller) State() state.Screen { return c.screen.Screen() }

// OnStateChange adds f to what is told of each new screen (on the UI
// goroutine).
func (c *controller) OnStateChange(f func(state.Screen)) { c.screen.OnChange(f) }

// syncDay tells the screen the day's facts: the first start's question,
// the check-in, the safety stop, the offer to resume.
func (c *controller) syncDay() {
	d := state.Day{
		CheckedIn: c.session.painBefore != nil && c.session.painBefore.answered(),
		Resumable: c.days.resume != nil,
	}
	if c.side.today.plan != nil {
		d.First, d.Stop = c.side.today.plan.first, c.side.today.plan.advised.Safety
	}
	c.screen.SetDay(d)
}

// showScreen is told of each new screen: between sessions the card shows
// the day (the safety stop full size), and the big button names the
// screen's first action.
func (c *controller) showScreen(s state.Screen) {
	if c.side.today.list != nil {
		c.side.today.list.setStopped(s == state.StoppedForToday)
	}
	if s.Idle() {
		c.showIdle()
		return
	}
	c.session.showControls()
}

// primaryAction is the big button's (under the card and on the
// checklist): at the safety stop, Stop for today, which closes the window
// as its close button does (the usual dose is never started there);
// else Start, Pause, Resume or back to the checklist (StartPause, which
// is also Space's).
func (c *controller) primaryAction() {
	if c.State() == state.StoppedForToday {
		c.requestClose()
		return
	}
	c.StartPause()
}
