package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
)

// TestScreenFollowsTheSession: the screen named by State (and told to
// OnStateChange) follows the check-in, Start, Pause, Resume, the end and
// the return to the checklist, and is what the session itself is in.
func TestScreenFollowsTheSession(t *testing.T) {
	h := newHarness(t, nil)
	var told []state.Screen
	h.w.OnStateChange(func(s state.Screen) { told = append(told, s) })
	if h.w.State() != state.CheckIn {
		t.Fatalf("at launch %v, want check-in", h.w.State())
	}
	test.Tap(buttonIn(h.session().painBefore.obj, "Skip"))
	h.w.StartPause()
	h.advance(time.Second)
	h.press("Space")
	if h.state() != schedule.Paused {
		t.Fatalf("session %v, want paused", h.state())
	}
	h.press("Space")
	h.advance(time.Hour)
	if h.state() != schedule.Finished {
		t.Fatalf("session %v, want finished", h.state())
	}
	h.w.StartPause() // on the summary: back to the checklist
	want := []state.Screen{state.Ready, state.Running, state.Paused, state.Running, state.Summary, state.Ready}
	if !slices.Equal(told, want) {
		t.Errorf("told %v, want %v", told, want)
	}
	if h.session().controls.startPause.Text != "Start" || !h.session().controls.skip.Disabled() {
		t.Errorf("back on the checklist: %q, skip disabled %v", h.session().controls.startPause.Text, h.session().controls.skip.Disabled())
	}
}

// TestStoppedForTodayStartsNothing: after a pain before of 8 the screen
// is the safety stop; the big button is Stop for today, and Space starts
// no session but says why.
func TestStoppedForTodayStartsNothing(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 3))
	h.session().painBefore.choose(8)
	h.sync()
	if h.w.State() != state.StoppedForToday {
		t.Fatalf("screen %v, want stopped for today", h.w.State())
	}
	if h.today().list.start.Text != "Stop for today" || h.session().controls.startPause.Text != "Stop" {
		t.Errorf("the big buttons read %q and %q in the safety stop", h.today().list.start.Text, h.session().controls.startPause.Text)
	}
	h.press("Space")
	if h.state() != schedule.Idle {
		t.Errorf("Space started a session (%v) in the safety stop", h.state())
	}
	if b, ok := h.session().notes.byKey["stopped"]; !ok || !strings.Contains(textsIn(b), stopText) {
		t.Error("Space in the safety stop did not say why nothing starts")
	}
}

// TestNerveFlagStopsTheDay: numbness flagged in a session pauses it; once
// it ends, the day is stopped.
func TestNerveFlagStopsTheDay(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 1))
	h.w.StartPause()
	h.advance(h.inuse().r.GetReady + time.Second)
	test.Tap(buttonIn(h.session().card.actions, "Numbness / tingling / weakness"))
	h.sync()
	if h.w.State() != state.Paused {
		t.Fatalf("screen %v, want paused", h.w.State())
	}
	h.session().EndSession()
	h.session().EndSession()
	h.sync()
	if h.w.State() != state.Summary {
		t.Fatalf("screen %v, want the summary", h.w.State())
	}
	h.w.ReturnToChecklist()
	if h.w.State() != state.StoppedForToday {
		t.Errorf("screen %v, want stopped for today", h.w.State())
	}
}
