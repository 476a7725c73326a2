package ui

import (
	"testing"

	"spineroutine/internal/routine"
)

// TestReminderFollowsRoutineInUse: the window tells the daily reminder of
// a change of routine, so that the tray counts the moves in use.
func TestReminderFollowsRoutineInUse(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Reminders = true })
	if h.w.daily == nil {
		t.Fatal("no daily reminder with Options.Reminders")
	}
	if _, total := h.w.daily.Today(h.clock.Now()); total != len(h.inuse().r.IDs()) {
		t.Fatalf("counts %d moves, the routine has %d", total, len(h.inuse().r.IDs()))
	}
	if err := h.w.useRoutine(routine.Big3()); err != nil {
		t.Fatal(err)
	}
	if _, total := h.w.daily.Today(h.clock.Now()); total != len(routine.Big3().IDs()) {
		t.Errorf("after switching to Big 3: counts %d moves, want %d", total, len(routine.Big3().IDs()))
	}
}
