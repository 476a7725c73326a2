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
	case c.screen.Allows(state.Start):
		c.startChosen()
	case c.screen.Allows(state.Pause), c.screen.Allows(state.Resume):
		c.session.togglePause()
	case c.screen.Allows(state.ReturnToList):
		c.ReturnToChecklist()
	case c.State() == state.StoppedForToday:
		c.session.notes.notice("stopped", stopText+" The session is not started today.")
	}
}

// control applies f to the running session as action a and shows the
// result; it does nothing when the screen does not allow a.
func (s *sessionScreen) control(a state.Action, f func(*schedule.Session)) {
	if s.screen.Allows(a) && s.run.control(f) {
		s.refresh()
	}
}

// Skip goes to the next step.
func (s *sessionScreen) Skip() { s.control(state.Skip, (*schedule.Session).SkipStep) }

// NextMove goes to the next move.
func (s *sessionScreen) NextMove() { s.control(state.NextMove, (*schedule.Session).SkipMove) }

// Back restarts the current move, or goes to the previous one (see
// schedule.Session.Back).
func (s *sessionScreen) Back() { s.control(state.Back, (*schedule.Session).Back) }

// AddTime lengthens the current step by 10 seconds.
func (s *sessionScreen) AddTime() {
	s.control(state.AddTime, func(x *schedule.Session) { x.AddTime(10 * time.Second) })
}

// EndSession asks for a second press (the button reads "End now?" for
// endConfirmTime); the second press stops the running session early and
// shows the summary.
func (s *sessionScreen) EndSession() {
	if s.screen.Allows(state.End) && s.run.end() {
		s.refresh()
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
func (s *sessionScreen) ToggleFullScreen() {
	s.frame.SetFullScreen(!s.frame.FullScreen())
}

// Escape closes the Levels dialog or the help overlay, or leaves the
// focus view, or leaves full screen.
func (s *sessionScreen) Escape() {
	switch {
	case s.dialog != nil:
		s.dialog.Hide()
		s.dialog = nil
	case s.help.Visible():
		s.ToggleHelp()
	case s.screen.Focus():
		s.ToggleFocus()
	case s.frame.FullScreen():
		s.frame.SetFullScreen(false)
	}
}

// ToggleFocus enters or leaves the focus view: the card alone (phase,
// countdown, side, move), full screen, for reading from the mat.
func (s *sessionScreen) ToggleFocus() {
	on := !s.screen.Focus()
	s.screen.SetFocus(on)
	for _, o := range s.chrome {
		setVisible(o, !on)
	}
	s.card.setFocusView(on)
	s.main.setFocus(on)
	s.cardArea.Refresh()
	switch {
	case on && !s.frame.FullScreen():
		s.focusFull = true
		s.frame.SetFullScreen(true)
	case !on && s.focusFull:
		s.focusFull = false
		s.frame.SetFullScreen(false)
	}
}

// ToggleEasier hides or shows the easier variant on the card.
func (s *sessionScreen) ToggleEasier() { s.card.toggleEasier() }

// ToggleHelp shows or hides the list of keys. The help goes on the
// canvas's overlay stack, above everything in the window: shown as a
// hidden member of the window's content, it was drawn only at the next
// repaint (Fyne's Container.Show does not ask for one), so in an idle
// window "?" showed nothing until another key redrew the window.
func (s *sessionScreen) ToggleHelp() {
	ov := s.frame.Canvas().Overlays()
	if s.help.Visible() {
		s.help.Hide()
		ov.Remove(s.help)
		return
	}
	s.help.Show()
	ov.Add(s.help)
}
