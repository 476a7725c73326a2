package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/journal"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/state"
)

// At a before of 8 the safety stop is the screen: the card shows it full
// size, the big button is Stop for today, and no way to start runs the
// usual dose (Space, Start, StartPause); the one session offered is the
// Big 3 at level 1, whose time is counted by hand from the levels
// routine: get ready 10, curl-up 1 × 4, rest 6, side planks 3 + switch 2
// + 3, rest 6, bird dogs 2 + 1 + 2 = 0:39.
func TestSafetyStopStartsNoUsualDose(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 3))
	h.session().painBefore.choose(8)
	h.sync()
	if s := h.w.State(); s != state.StoppedForToday {
		t.Fatalf("screen %v, want stopped for today", s)
	}
	if got := h.today().list.start.Text; got != "Stop for today" {
		t.Errorf("the big button reads %q", got)
	}
	if c := h.card(); c.phase != "STOP TODAY" || c.name != "Stop for today" || c.clock != "0:39" ||
		!strings.Contains(h.session().card.steps.Text, "Pain before is 8/10") {
		t.Errorf("the card shows %+v, %q", c, h.session().card.steps.Text)
	}
	h.press(fyne.KeySpace)
	h.w.StartPause()
	h.sync()
	if h.session().run.sess != nil || h.w.State() != state.StoppedForToday {
		t.Fatalf("a way to start ran a session at the stop: %v", h.w.State())
	}

	b := buttonIn(h.today().plan.panel.obj, "Big 3 at level 1 (0:39)")
	if b == nil {
		t.Fatalf("no Big 3 at level 1 (0:39): %q", textsIn(h.today().plan.panel.obj))
	}
	test.Tap(b)
	h.sync()
	plan := h.session().run.plan()
	if plan.Total != 39*time.Second || len(plan.Moves) != 3 {
		t.Errorf("the session runs %d moves in %v", len(plan.Moves), plan.Total)
	}
	for _, m := range plan.Moves {
		if m.Level > 1 {
			t.Errorf("%s at level %d", m.ID, m.Level)
		}
	}
	if l := h.j.Levels(dayOf(t0))["mcgill-curl-up"]; l.Level != 1 || l.Src != journal.LevelSafety || !l.Today {
		t.Errorf("journalled %+v, want level 1 for today after the stop", l)
	}
	h.advance(time.Hour)
	test.Tap(h.session().controls.startPause) // back to the checklist
	h.sync()
	if s := h.w.State(); s != state.StoppedForToday {
		t.Errorf("after the Big 3: %v, want stopped for today again", s)
	}
}

// The stop on the daily routine, as golden images at 1024×600 and
// 1366×768: the stop full size on the card, Stop for today as the big
// button, and the Big 3 at level 1 offered with its time, 7:51 (the
// figure the issue measured: curl-up 3-2-1 × 8 s, side planks 3-2-1 ×
// 8 s a side, bird dogs 3-2-1 × 8 s a side at level 1, with the
// routine's get-ready and rests), nothing cut.
func TestStopScreenGolden(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1366, Height: 768}} {
		uitest.FreshRenderCache()
		h, _ := newLibraryHarness(t, func(o *Options) {
			o.RoutineKey, o.Routine = library.DefaultKey, routine.Default()
			at := t0.AddDate(0, 0, -1)
			id, err := o.Journal.StartSession(at, "default", nil)
			must(t, err)
			must(t, o.Journal.SavePain(id, journal.Before, 2, at.Add(time.Second)))
			must(t, o.Journal.EndSession(id, journal.Finished, at.Add(time.Minute)))
		})
		h.prefs().SetSafetyNoteSeen(true)
		h.session().notes.clear("safety")
		h.win().Resize(fitWindow(size, fyne.Size{}))
		h.session().painBefore.choose(8)
		h.sync()
		h.showTab("Today")
		if buttonIn(h.today().plan.panel.obj, "Big 3 at level 1 (7:51)") == nil {
			t.Errorf("%v: no Big 3 at level 1 (7:51): %q", size, textsIn(h.today().plan.panel.obj))
		}
		for _, p := range clipped(h.win().Content(), fyne.Position{}, h.win().Canvas().Size()) {
			t.Errorf("%v: %s", size, p)
		}
		test.AssertRendersToImage(t, fmt.Sprintf("stop-%dx%d.png", int(size.Width), int(size.Height)), h.win().Canvas())
	}
}

// The first start's choices say what they mean and their times on the
// daily routine: 7:51, 35:13 and 56:47 (the figures, measured by
// hand in the window); the panel says what Start without an answer runs,
// and it runs that.
func TestFirstStartShowsTimes(t *testing.T) {
	h, _ := newLibraryHarness(t, func(o *Options) { o.RoutineKey, o.Routine = library.DefaultKey, routine.Default() })
	h.prefs().SetSafetyNoteSeen(true)
	h.session().notes.clear("safety")
	if h.w.State() != state.FirstStart {
		t.Fatalf("screen %v, want the first start", h.w.State())
	}
	panel := textsIn(h.today().plan.panel.obj)
	for _, want := range []string{"Gentle start", "My usual dose", "Top levels", "(7:51)", "(35:13)", "(56:47)",
		"Start without choosing runs your usual dose"} {
		if !strings.Contains(panel, want) {
			t.Errorf("the panel lacks %q: %q", want, panel)
		}
	}
	h.w.StartPause()
	h.sync()
	if got := h.session().run.plan().Total; got != 35*time.Minute+13*time.Second {
		t.Errorf("the session runs %v, want the usual dose's 35:13", got)
	}
}

// Twelve moves ready to step up: two are offered (the pace), Accept all
// journals both, and the others wait with their reason.
func TestTwelveReadyOfferTwo(t *testing.T) {
	h, _ := newLibraryHarness(t, func(o *Options) {
		o.RoutineKey, o.Routine = library.DefaultKey, routine.Default()
		ids := routine.Default().IDs()
		for d := 3; d >= 1; d-- {
			at := t0.AddDate(0, 0, -d)
			id, err := o.Journal.StartSession(at, "default", ids)
			must(t, err)
			must(t, o.Journal.SavePain(id, journal.Before, 2, at.Add(time.Second)))
			for i, m := range routine.Default().Moves {
				must(t, o.Journal.MarkTimed(id, m.ID, m.StartLevel, at.Add(time.Duration(i+1)*time.Minute)))
			}
			must(t, o.Journal.EndSession(id, journal.Finished, at.Add(time.Hour)))
			must(t, o.Journal.SavePain(id, journal.After, 2, at.Add(time.Hour+time.Minute)))
		}
	})
	h.prefs().SetSafetyNoteSeen(true)
	h.session().notes.clear("safety")
	h.session().painBefore.choose(2)
	h.sync()
	panel := textsIn(h.today().plan.panel.obj)
	// A question ends "(level 4 of 6)?", its reason "(10 × 4 s)?".
	if n := strings.Count(panel, " of 6)?"); n != 2 || !strings.Contains(panel, "2 suggestions for today") {
		t.Fatalf("%d suggestions offered, want 2: %q", n, panel)
	}
	test.Tap(buttonIn(h.today().plan.panel.obj, "Accept all"))
	h.sync()
	ups := 0
	for _, l := range h.j.Levels(dayOf(t0)) {
		if l.Src == journal.LevelSuggested && l.Day == dayOf(t0) {
			ups++
		}
	}
	if ups != 2 {
		t.Errorf("%d levels journalled by Accept all, want 2", ups)
	}
	if panel := textsIn(h.today().plan.panel.obj); strings.Contains(panel, " of 6)?") {
		t.Errorf("after Accept all the panel still offers: %q", panel)
	}
}

// Esc closes the Levels dialog; the offer of an easier level after H
// goes with the session that ended.
func TestEscClosesLevelsAndTheOfferEndsWithTheSession(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 1))
	h.w.showLevels()
	if h.session().dialog == nil || len(h.win().Canvas().Overlays().List()) == 0 {
		t.Fatal("no Levels dialog")
	}
	h.press(fyne.KeyEscape)
	if n := len(h.win().Canvas().Overlays().List()); n != 0 {
		t.Errorf("%d overlays after Esc, want the dialog closed", n)
	}
	h.w.StartPause()
	h.advance(h.inuse().r.GetReady + time.Second)
	h.press(fyne.KeyH)
	if _, ok := h.session().notes.byKey["hurt"]; !ok {
		t.Fatal("no offer after H")
	}
	h.advance(time.Hour)
	if _, ok := h.session().notes.byKey["hurt"]; ok {
		t.Error("the offer of an easier level is still shown on the ended screen")
	}
}

// The digit keys answer the check-in: 8 is the stop; 1 then 0 is 10.
func TestDigitKeysAnswerTheCheckIn(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 3))
	h.typeRune('8')
	h.sync()
	if s := h.w.State(); s != state.StoppedForToday {
		t.Errorf("after 8: %v, want stopped for today", s)
	}
	h.typeRune('1')
	h.typeRune('0')
	h.sync()
	ss := h.j.Sessions(dayOf(t0), dayOf(t0))
	if len(ss) != 1 || ss[0].PainBefore == nil || *ss[0].PainBefore != 10 {
		t.Errorf("today's sessions %+v, want a pain before of 10", ss)
	}
	h.typeRune('2')
	h.sync()
	if s := h.w.State(); s == state.StoppedForToday {
		t.Errorf("after 2: %v, want the stop lifted", s)
	}
}
