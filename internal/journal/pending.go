package journal

// Entries that could not be written (a full disk, an I/O error) are kept
// in memory, in order, and written before anything else at the next
// append or Retry. The queries show only what is on disk: a kept tick
// shows once it is written.

import (
	"errors"
	"fmt"
	"time"
)

// ErrNotSaved is wrapped by the error of an append whose entry could not
// be written: the journal keeps it and writes it at the next append or
// Retry. The error also wraps the cause (syscall.ENOSPC for a full disk).
var ErrNotSaved = errors.New("not saved yet; kept and retried")

// pendingEntry is an entry waiting to be written.
type pendingEntry struct {
	e   entry
	day Day
	at  time.Time
}

// Pending says what is waiting to be written, for a line such as "3 ticks
// not saved yet: no space left on device; retrying".
type Pending struct {
	// Entries counts the entries waiting, Ticks the moves done among them.
	Entries, Ticks int
	// Err is why the last attempt failed (nil when nothing waits).
	Err error
}

// Pending returns what waits to be written.
func (j *Journal) Pending() Pending {
	j.mu.Lock()
	defer j.mu.Unlock()
	p := Pending{Entries: len(j.pending)}
	if p.Entries > 0 {
		p.Err = j.pendingErr
	}
	for _, pe := range j.pending {
		if pe.e.Kind == KindDone {
			p.Ticks++
		}
	}
	return p
}

// Retry writes the entries that wait, in order, and returns nil once none
// waits; the app calls it on a timer (every few seconds) while Pending
// reports entries.
func (j *Journal) Retry() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.flush()
}

// flush writes the waiting entries in order, folding each one written,
// and stops at the first failure.
func (j *Journal) flush() error {
	for len(j.pending) > 0 {
		pe := &j.pending[0]
		if err := j.write(&pe.e, pe.at); err != nil {
			j.pendingErr = err
			return fmt.Errorf("%w: %s (%w)", ErrNotSaved, plural(len(j.pending), "entry waits", "entries wait"), err)
		}
		ev := event{entry: pe.e, at: pe.at, atOK: true, day: pe.day}
		j.st.apply(&ev)
		j.pending = j.pending[1:]
	}
	j.pending, j.pendingErr = nil, nil
	return nil
}

// record writes e, counting for day, and folds it into the in-memory
// state. When it cannot be written (or older entries still wait), it is
// kept for later and the error wraps ErrNotSaved.
func (j *Journal) record(e entry, day Day, at time.Time) error {
	e.Day = day.String()
	switch {
	case j.readOnly:
		return ErrReadOnly
	case j.closed:
		return ErrClosed
	}
	j.pending = append(j.pending, pendingEntry{e: e, day: day, at: at})
	return j.flush()
}

// pendingSession returns the day of session id when its start waits to be
// written, and whether an end of it waits too.
func (j *Journal) pendingSession(id string) (day Day, ended, ok bool) {
	for _, pe := range j.pending {
		if pe.e.Session != id {
			continue
		}
		switch pe.e.Kind {
		case KindSessionStart:
			day, ok = pe.day, true
		case KindSessionEnd:
			ended = true
		}
	}
	return day, ended, ok
}

// pendingDone reports whether the last waiting done or undone entry of
// move on day is a done, and whether there is one.
func (j *Journal) pendingDone(day Day, move string) (done, ok bool) {
	for _, pe := range j.pending {
		if pe.day == day && pe.e.Move == move && (pe.e.Kind == KindDone || pe.e.Kind == KindUndone) {
			done, ok = pe.e.Kind == KindDone, true
		}
	}
	return done, ok
}
