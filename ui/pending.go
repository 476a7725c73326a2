package ui

import (
	"errors"
	"fmt"
	"time"

	"spineroutine/internal/journal"
)

// pendingRetry is how often the controller retries the journal entries
// that could not be written (a full disk): the journal keeps them in
// memory, in order, until they are on disk.
const pendingRetry = 5 * time.Second

// journalError shows what a failed journal write means. An entry the
// journal kept to write later (journal.ErrNotSaved: a full disk) is
// retried every pendingRetry, with a notice that says how many wait; the
// checklist shows a tick only once it is on disk. Any other error gets the
// journal notice, prefixed with what failed.
func (c *controller) journalError(what string, err error) {
	if errors.Is(err, journal.ErrNotSaved) {
		c.showPending()
		c.retryLater()
		return
	}
	c.notice("journal", what+err.Error())
}

// showPending shows how many journal entries wait to be written, or clears
// the notice when none does.
func (c *controller) showPending() {
	p := c.j.Pending()
	if p.Entries == 0 {
		c.clearNotice("pending")
		return
	}
	what := fmt.Sprintf("%d journal entries", p.Entries)
	if p.Ticks > 0 {
		what += fmt.Sprintf(" (%d of them moves done)", p.Ticks)
	}
	c.notice("pending", fmt.Sprintf("%s not saved yet: %v. They are kept and saved as soon as there is room "+
		"(tried every %d s); a move is ticked once it is saved. Free some disk space.", what, p.Err, int(pendingRetry/time.Second)))
}

// retryLater retries the waiting entries after pendingRetry, once.
func (c *controller) retryLater() {
	if c.retrying {
		return
	}
	c.retrying = true
	c.clock.AfterFunc(pendingRetry, func() { c.post(c.retryPending) })
}

// retryPending writes the waiting entries, shows the ticks now on disk and
// tries again later while some still wait.
func (c *controller) retryPending() {
	c.retrying = false
	err := c.j.Retry()
	c.reloadDone()
	if c.summaryOn && c.sess != nil {
		c.showSummaryText(c.last)
	}
	c.showPending()
	if err != nil {
		c.retryLater()
		return
	}
	c.history.Refresh()
}
