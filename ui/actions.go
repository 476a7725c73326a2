package ui

import (
	"time"

	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
)

// The controller's actions: one named method per key or button.

// StartPause starts a session (when none runs), pauses or resumes it.
// In the safety stop it starts nothing: it says why.
func (c *controller) StartPause() {
	switch {
	case c.allows(state.Start):
		c.startChosen()
	case c.allows(state.Pause), c.allows(state.Resume):
		c.run.togglePause()
		c.refresh()
	case c.allows(state.ReturnToList):
		c.ReturnToChecklist()
	case c.State() == state.StoppedForToday:
		c.notice("stopped", stopText+" The session is not started today.")
	}
}

// control applies f to the running session as action a and shows the
// result; it does nothing when the screen does not allow a.
func (c *controller) control(a state.Action, f func(*schedule.Session)) {
	if c.allows(a) && c.run.control(f) {
		c.refresh()
	}
}

// Skip goes to the next step.
func (c *controller) Skip() { c.control(state.Skip, (*schedule.Session).SkipStep) }

// NextMove goes to the next move.
func (c *controller) NextMove() { c.control(state.NextMove, (*schedule.Session).SkipMove) }

// Back restarts the current move, or goes to the previous one (see
// schedule.Session.Back).
func (c *controller) Back() { c.control(state.Back, (*schedule.Session).Back) }

// AddTime lengthens the current step by 10 seconds.
func (c *controller) AddTime() {
	c.control(state.AddTime, func(s *schedule.Session) { s.AddTime(10 * time.Second) })
}

// EndSession asks for a second press (the button reads "End now?" for
// endConfirmTime); the second press stops the running session early and
// shows the summary.
func (c *controller) EndSession() {
	if c.allows(state.End) && c.run.end() {
		c.refresh()
	}
}

// armEnd shows End waiting for its confirmation, or back at rest.
func (s *sessionScreen) armEnd(on bool) {
	b := s.controls.stop
	if on {
		b.SetText("End now?")
		b.Importance = widget.DangerImportance
	} else {
		b.SetText("End")
		b.Importance = widget.MediumImportance
	}
	b.Refresh()
}

// ToggleFullScreen enters or leaves full screen.
func (c *controller) ToggleFullScreen() {
	c.win.SetFullScreen(!c.win.FullScreen())
}

// Escape closes the Levels dialog or the help overlay, or leaves the
// focus view, or leaves full screen.
func (c *controller) Escape() {
	switch {
	case c.session.dialog != nil:
		c.session.dialog.Hide()
		c.session.dialog = nil
	case c.session.help.Visible():
		c.ToggleHelp()
	case c.screen.Focus():
		c.ToggleFocus()
	case c.win.FullScreen():
		c.win.SetFullScreen(false)
	}
}

// ToggleFocus enters or leaves the focus view: the card alone (phase,
// countdown, side, move), full screen, for reading from the mat.
func (c *controller) ToggleFocus() {
	on := !c.screen.Focus()
	c.screen.SetFocus(on)
	for _, o := range c.session.chrome {
		setVisible(o, !on)
	}
	c.session.card.setFocusView(on)
	c.session.main.setFocus(on)
	c.session.cardArea.Refresh()
	switch {
	case on && !c.win.FullScreen():
		c.session.focusFull = true
		c.win.SetFullScreen(true)
	case !on && c.session.focusFull:
		c.session.focusFull = false
		c.win.SetFullScreen(false)
	}
}

// ToggleEasier hides or shows the easier variant on the card.
func (s *sessionScreen) ToggleEasier() { s.card.toggleEasier() }

// ToggleHelp shows or hides the list of keys. The help goes on the
// canvas's overlay stack, above everything in the window: shown as a
// hidden member of the window's content, it was drawn only at the next
// repaint (Fyne's Container.Show does not ask for one), so in an idle
// window "?" showed nothing until another key redrew the window.
func (c *controller) ToggleHelp() {
	ov := c.win.Canvas().Overlays()
	if c.session.help.Visible() {
		c.session.help.Hide()
		ov.Remove(c.session.help)
		return
	}
	c.session.help.Show()
	ov.Add(c.session.help)
}
