package ui

import (
	"errors"

	"spineroutine/internal/journal"
)

// The controller's journal writes that do not come from the session (the
// bridge writes those): ticks by hand, back-filled ticks, pain check-ins,
// the note of the day.

// tick records a tick or untick by hand of today's checklist.
func (c *controller) tick(id string, on bool) error {
	err := c.mark(c.day, id, on)
	if errors.Is(err, journal.ErrNotSaved) {
		// The checklist undoes the tick on screen; the journal keeps it
		// and it shows again once saved.
		c.showPending()
		c.retryLater()
	}
	return err
}

// backfill records a tick or untick of a past day (History), and shows it
// on today's checklist when the day is today.
func (c *controller) backfill(day journal.Day, id string, on bool) error {
	if err := c.mark(day, id, on); err != nil {
		return err
	}
	c.reloadDone()
	return nil
}

func (c *controller) mark(day journal.Day, id string, on bool) error {
	now := c.clock.Now()
	if on {
		return c.j.MarkDone(day, id, journal.Hand, "", now)
	}
	return c.j.MarkUndone(day, id, now)
}

// reloadDone shows the journal's ticks of the checklist's day.
func (c *controller) reloadDone() {
	c.list.setDone(c.j.Done(c.day), c.dayText())
	if c.sess == nil && !c.summaryOn {
		c.showIdle()
	}
}

// painGiven writes a pain check-in at once. One given before Start opens
// the journal session of the moves chosen (Start continues it), so that it
// is kept even if the app closes before the session starts.
func (c *controller) painGiven(when journal.When, v int) {
	if when == journal.Before && (c.sessionID == "" || !c.preSession) {
		id, err := c.j.StartSession(c.clock.Now(), c.r.Source, c.list.selection())
		if err != nil {
			c.notice("pain", "Pain check-in not saved: "+err.Error())
			return
		}
		c.sessionID, c.preSession = id, true
	}
	if c.sessionID == "" {
		return
	}
	if err := c.j.SavePain(c.sessionID, when, v, c.clock.Now()); err != nil {
		c.notice("pain", "Pain check-in not saved: "+err.Error())
	}
}

// dropPreSession ends the session a pain check-in opened before Start when
// it will not start (the app closes, the routine changes).
func (c *controller) dropPreSession() {
	if !c.preSession || c.sessionID == "" {
		return
	}
	if err := c.j.EndSession(c.sessionID, journal.Abandoned, c.clock.Now()); err != nil {
		c.notice("journal", "The journal could not close the session: "+err.Error())
	}
	c.sessionID, c.preSession = "", false
}

// saveNote records the day's one-line note from the session summary: for
// the day of the session that ended, else for the checklist's day.
func (c *controller) saveNote(text string) error {
	return c.j.SaveNote(c.day, c.sessionID, text, c.clock.Now())
}
