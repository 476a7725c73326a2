package ui

import (
	"sync/atomic"

	"spineroutine/internal/journal"
	"spineroutine/internal/schedule"
)

// bridge is the one place where the session's goroutine meets the UI.
//
// notify runs on the session's delivery goroutine. It writes to the journal
// first (a completed move is on disk before its tick is drawn; the position
// is saved at each step for a later resume), then hands the event to the UI
// goroutine through post (fyne.Do). Widgets are never touched here.
type bridge struct {
	w       *Window
	id      string // journal session id ("" when the journal refused it)
	plan    *schedule.Plan
	routine string
	moves   []string
	// detached stops journal writes when the window closes mid-session, so
	// the session stays open in the journal and can be resumed.
	detached atomic.Bool
}

func newBridge(w *Window, id string, plan *schedule.Plan) *bridge {
	return &bridge{w: w, id: id, plan: plan, routine: w.r.Source, moves: moveIDs(plan)}
}

// detachJournal stops the journal writes (the window is closing).
func (b *bridge) detachJournal() { b.detached.Store(true) }

// notify receives the session's events (session delivery goroutine).
func (b *bridge) notify(ev schedule.Event) {
	err := b.record(ev)
	b.w.post(func() { b.w.apply(b, ev, err) })
}

// record writes what the event means to the journal.
func (b *bridge) record(ev schedule.Event) error {
	j := b.w.j
	if b.id == "" || b.detached.Load() {
		return nil
	}
	switch ev.Kind {
	case schedule.MoveCompleted:
		// The day is the session's day (the journal takes it from the id).
		return j.MarkDone(journal.Today(ev.At), ev.Move, journal.Timer, b.id, ev.At)
	case schedule.StepEntered:
		st := ev.Status.Step
		return j.SavePosition(journal.Position{Session: b.id, Routine: b.routine, Moves: b.moves,
			Step: st.Index, Move: st.Move, Set: st.Set}, ev.At)
	case schedule.Finished:
		return j.EndSession(b.id, journal.Finished, ev.At)
	case schedule.Stopped:
		return j.EndSession(b.id, journal.Stopped, ev.At)
	}
	return nil
}

// apply shows an event (UI goroutine).
func (w *Window) apply(b *bridge, ev schedule.Event, err error) {
	if err != nil {
		w.notice("journal", "The journal could not save this: "+err.Error())
	}
	if b != w.bridge {
		return // an event of a session that is no longer shown
	}
	switch ev.Kind {
	case schedule.CueDue:
		w.flash.flash(flashColour(ev.Cue.Kind))
	case schedule.MoveCompleted:
		w.list.setDone(ev.Move, true)
	case schedule.Finished, schedule.Stopped:
		w.sessionOver(ev.Status)
		return
	}
	w.show(ev.Status)
}
