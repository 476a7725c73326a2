package ui

import (
	"sync/atomic"

	"spineroutine/internal/schedule"
)

// bridge is the one place where the session's goroutine meets the UI.
//
// notify runs on the session's delivery goroutine. It has the recorder
// write to the journal first (a completed move is on disk before its tick
// is drawn; the position is saved at each step for a later resume), then
// hands the event to the runner on the UI goroutine through post
// (fyne.Do). Widgets are never touched here.
type bridge struct {
	rec     *recorder
	post    func(func())
	apply   func(*bridge, schedule.Event, error) // the runner's, on the UI goroutine
	id      string                               // journal session id ("" when the journal refused it)
	routine string
	moves   []string
	// detached stops journal writes when the window closes mid-session, so
	// the session stays open in the journal and can be resumed.
	detached atomic.Bool
}

func newBridge(rec *recorder, post func(func()), apply func(*bridge, schedule.Event, error),
	id string, plan *schedule.Plan) *bridge {
	return &bridge{rec: rec, post: post, apply: apply, id: id, routine: plan.Routine.Source, moves: moveIDs(plan)}
}

// detachJournal stops the journal writes (the window is closing).
func (b *bridge) detachJournal() { b.detached.Store(true) }

// notify receives the session's events (session delivery goroutine).
func (b *bridge) notify(ev schedule.Event) {
	err := b.record(ev)
	b.post(func() { b.apply(b, ev, err) })
}

// record writes what the event means to the journal.
func (b *bridge) record(ev schedule.Event) error {
	if b.id == "" || b.detached.Load() {
		return nil
	}
	return b.rec.sessionEvent(b.id, b.routine, b.moves, ev)
}
