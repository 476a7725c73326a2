package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/cue"
	"spineroutine/internal/journal"
	"spineroutine/internal/schedule"
)

// banner's offer journals level 1 for today only.
func TestHurtsFlagsAndOffersEasier(t *testing.T) {
	h, p := levelsHarness(t, seedGoodDays(t, 1))
	h.w.StartPause()
	h.advance(h.inuse().r.GetReady + time.Second) // the curl-up's first hold
	h.press(fyne.KeyH)

	ss := h.j.Sessions(dayOf(t0), dayOf(t0))
	if len(ss) != 1 || len(ss[0].Flags) != 1 || ss[0].Flags[0].Move != "mcgill-curl-up" || ss[0].Flags[0].Kind != journal.FlagHurts {
		t.Fatalf("today's sessions %+v, want one flag on the curl-up", ss)
	}
	if !p.saidSoon(cue.PhraseHurts) {
		t.Error("the flag was not said back")
	}
	banner, ok := h.session().notes.byKey["hurt"]
	if !ok {
		t.Fatal("no offer of the easier level")
	}
	if txt := textsIn(banner); !strings.Contains(txt, "Easier for the rest of today: level 1 of 3 (1 × 4 s)?") {
		t.Errorf("the banner says %q", txt)
	}
	if h.state() != schedule.Running {
		t.Errorf("the session is %v: the offer must not stop the timer", h.state())
	}
	test.Tap(buttonIn(banner, "Easier for today"))
	l := h.j.Levels(dayOf(t0))["mcgill-curl-up"]
	if l.Level != 1 || !l.Today || l.Src != journal.LevelHurt {
		t.Errorf("level %+v, want 1 for today, hurt", l)
	}
	if _, ok := h.j.Levels(dayOf(t0).Add(1))["mcgill-curl-up"]; ok {
		t.Error("the easier level holds tomorrow")
	}
	h.advance(time.Hour)
	if txt := h.session().summary.body.Text; !strings.Contains(txt, "Flagged: McGill Curl-Up hurt.") ||
		!strings.Contains(txt, "McGill Curl-Up at level 1 (easier after it hurt, today only)") {
		t.Errorf("the summary says %q", txt)
	}
	// The note of the day is journalled and History lists it with the flag.
	h.session().summary.note.entry.SetText("Curl-up sore at the top")
	test.Tap(h.session().summary.note.save)
	if notes := h.j.Notes(dayOf(t0), dayOf(t0)); len(notes) != 1 || notes[0].Text != "Curl-up sore at the top" {
		t.Errorf("notes %+v", notes)
	}
	hist := textsIn(h.history().view.levels.obj)
	for _, want := range []string{"Mon 23 Nov: Curl-up sore at the top", "Mon 23 Nov: McGill Curl-Up hurt",
		"McGill Curl-Up · level 1 of 3 today only (after it hurt)"} {
		if !strings.Contains(hist, want) {
			t.Errorf("History does not say %q:\n%s", want, hist)
		}
	}
}

// offered, and the easiest levels hold for today only.
func TestSafetyStop(t *testing.T) {
	h, p := levelsHarness(t, seedGoodDays(t, 3))
	h.session().painBefore.choose(8)
	h.sync()
	panel := textsIn(h.today().plan.panel.obj)
	if !strings.Contains(panel, "Stop, and contact your surgeon") || strings.Contains(panel, "ready for") {
		t.Errorf("the panel says %q", panel)
	}
	if !p.saidSoon(cue.PhraseStop) {
		t.Error("the stop was not said")
	}
	h.today().plan.easiestToday() // a routine without the Big 3 offers it as a button
	for _, m := range h.inuse().r.Moves {
		if m.Level != 1 {
			t.Errorf("%s at level %d, want 1", m.ID, m.Level)
		}
	}
	if l := h.j.Levels(dayOf(t0))["mcgill-curl-up"]; l.Src != journal.LevelSafety || !l.Today {
		t.Errorf("level %+v, want safety for today", l)
	}
}

// The numbness button pauses the session and shows and says the stop.
func TestNerveFlagStops(t *testing.T) {
	h, p := levelsHarness(t, seedGoodDays(t, 1))
	h.w.StartPause()
	h.advance(h.inuse().r.GetReady + time.Second)
	test.Tap(buttonIn(h.session().card.actions, "Numbness / tingling / weakness"))
	h.sync()
	if h.state() != schedule.Paused {
		t.Errorf("the session is %v, want paused", h.state())
	}
	if b, ok := h.session().notes.byKey["stop"]; !ok || !strings.Contains(textsIn(b), stopText) {
		t.Error("no stop banner")
	}
	if !p.saidSoon(cue.PhraseStop) {
		t.Error("the stop was not said")
	}
	ss := h.j.Sessions(dayOf(t0), dayOf(t0))
	if len(ss) != 1 || len(ss[0].Flags) != 1 || ss[0].Flags[0].Kind != journal.FlagNerve {
		t.Errorf("sessions %+v, want a nerve flag", ss)
	}
}

// levels, for today only, in one tap.
func TestFlareDay(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 3))
	h.session().painBefore.choose(7)
	h.sync()
	panel := textsIn(h.today().plan.panel.obj)
	if strings.Contains(panel, "ready for") || strings.Contains(panel, stopText) {
		t.Errorf("a step up or a stop on a flare-up: %q", panel)
	}
	if h.today().list.choice != choiceBig3 {
		t.Errorf("at 7 the choice is %v, want the Big 3 preselected", h.today().list.choice)
	}
	test.Tap(buttonIn(h.today().plan.panel.obj, "Usual plan instead"))
	if h.today().list.choice != choiceNotDone {
		t.Errorf("Usual plan instead: choice %v", h.today().list.choice)
	}
	b := buttonIn(h.today().plan.panel.obj, "Bad-day routine, first levels")
	if b == nil {
		t.Fatalf("no bad-day routine offered: %q", panel)
	}
	test.Tap(b)
	if h.today().list.choice != choiceBig3 {
		t.Errorf("choice %v, want the Big 3", h.today().list.choice)
	}
	for _, id := range []string{"mcgill-curl-up", "side-planks", "bird-dogs"} {
		if l := h.j.Levels(dayOf(t0))[id]; l.Level != 1 || !l.Today {
			t.Errorf("%s: %+v, want level 1 for today", id, l)
		}
	}
}

// the curl-up's level changed (its plan has more steps).
func TestResumeAfterALevelChange(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 1))
	h.w.StartPause()
	h.advance(45 * time.Second)
	if got := h.session().last.Step; got.Move != "bird-dogs" || got.Kind != schedule.Work || got.Rep != 1 {
		t.Fatalf("at %+v", got)
	}
	h.close()
	must(t, h.j.SetLevel(dayOf(t0), "mcgill-curl-up", 3, journal.LevelHand, false, h.clock.Now()))
	h2 := reopen(t, h)
	if h2.w.days.resume == nil {
		t.Fatal("no resume offer")
	}
	h2.w.Resume(*h2.w.days.resume)
	h2.sync()
	if st := h2.session().last.Step; st.Move != "bird-dogs" || st.Kind != schedule.Work || st.Set != 1 || st.Rep != 1 {
		t.Errorf("resumed at step %d (%s of %s, set %d rep %d), want the bird dogs' first rep",
			st.Index, st.Kind, st.Move, st.Set, st.Rep)
	}
	if m := h2.session().run.plan().Moves[0]; m.Level != 3 {
		t.Errorf("the resumed plan has the curl-up at level %d, want 3", m.Level)
	}
}

// H in the rest after the curl-up flags the curl-up, not the move that
// comes next.
func TestHurtsInTheRestFlagsTheMoveDone(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 1))
	h.w.StartPause()
	h.advance(10*time.Second + 8*time.Second + 2*time.Second) // get ready, the curl-up, into the rest
	if st := h.session().last.Step; st.Kind != schedule.Rest || st.Move != "side-planks" {
		t.Fatalf("at %s of %s", st.Kind, st.Move)
	}
	h.press(fyne.KeyH)
	ss := h.j.Sessions(dayOf(t0), dayOf(t0))
	if len(ss) != 1 || len(ss[0].Flags) != 1 || ss[0].Flags[0].Move != "mcgill-curl-up" {
		t.Errorf("sessions %+v, want the curl-up flagged", ss)
	}
}

// A mistaken 8, the easiest levels taken, then the check-in corrected to
// 2: the levels of before the stop come back for today (journalled as new
// entries, the safety entries kept), and so does the step up earned.
func TestCorrectedCheckInRestoresLevels(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 3))
	start := map[string]int{}
	for _, m := range h.inuse().r.Moves {
		start[m.ID] = m.Level
	}
	h.session().painBefore.choose(8)
	h.sync()
	h.today().plan.easiestToday()
	h.sync()
	h.session().painBefore.choose(2)
	h.sync()
	for _, m := range h.inuse().r.Moves {
		if m.Level != start[m.ID] {
			t.Errorf("%s at level %d after the correction, want %d", m.ID, m.Level, start[m.ID])
		}
	}
	l := h.j.Levels(dayOf(t0))["mcgill-curl-up"]
	if l.Src != journal.LevelRestored || !l.Today || l.Level != start["mcgill-curl-up"] {
		t.Errorf("level %+v, want level %d restored for today", l, start["mcgill-curl-up"])
	}
	if n := len(h.j.LevelEntries(dayOf(t0))["mcgill-curl-up"]); n != 2 {
		t.Errorf("%d entries for today, want the safety one and the restore", n)
	}
	if panel := textsIn(h.today().plan.panel.obj); !strings.Contains(panel, "McGill Curl-Up: ready for 3 × 4 s") {
		t.Errorf("the step up earned is not offered again: %q", panel)
	}
}

// H in the rest after a move at its easiest level: the banner does not
// offer N (which would skip the move to come), and H pressed twice is
// listed once in the summary.
func TestHurtsInTheRestAtTheEasiestLevel(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 1))
	h.w.setLevels(map[string]int{"mcgill-curl-up": 1}, srcHand, false)
	h.w.StartPause()
	h.advance(10*time.Second + 4*time.Second + 2*time.Second) // get ready, one rep of 4 s, into the rest
	if st := h.session().last.Step; st.Kind != schedule.Rest || st.Move != "side-planks" {
		t.Fatalf("at %s of %s", st.Kind, st.Move)
	}
	h.press(fyne.KeyH)
	h.press(fyne.KeyH)
	banner, ok := h.session().notes.byKey["hurt"]
	if !ok {
		t.Fatal("no banner")
	}
	if txt := textsIn(banner); strings.Contains(txt, "(N)") || !strings.Contains(txt, "McGill Curl-Up hurts") {
		t.Errorf("the banner says %q", txt)
	}
	h.advance(time.Hour)
	if txt := h.session().summary.body.Text; strings.Count(txt, "McGill Curl-Up hurt") != 1 {
		t.Errorf("the summary says %q", txt)
	}
}

// "Easier for today" during the curl-up's set: the set starts again at
// the easier level with the count-in, and the timer journals the move
// done at that level.
func TestEasierForTodayRestartsTheSet(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 1))
	h.w.StartPause()
	h.advance(h.inuse().r.GetReady + 5*time.Second) // the curl-up's second rep of level 2
	if st := h.session().last.Step; st.Move != "mcgill-curl-up" || st.Rep != 2 {
		t.Fatalf("at %s rep %d of %s", st.Kind, st.Rep, st.Move)
	}
	h.press(fyne.KeyH)
	test.Tap(buttonIn(h.session().notes.byKey["hurt"], "Easier for today"))
	h.sync()
	st := h.session().run.status()
	if st.Step.Move != "mcgill-curl-up" || st.Step.Set != 1 || st.Step.Rep != 1 || st.Step.Reps != 1 || !st.Preroll {
		t.Errorf("after Easier: %s set %d rep %d of %d, count-in %v", st.Step.Move, st.Step.Set, st.Step.Rep,
			st.Step.Reps, st.Preroll)
	}
	if m := h.session().run.plan().Moves[0]; m.Level != 1 {
		t.Errorf("the session's curl-up at level %d, want 1", m.Level)
	}
	if txt := textsIn(h.session().notes.byKey["hurt"]); !strings.Contains(txt, "this set starts again at it") {
		t.Errorf("the notice says %q", txt)
	}
	h.advance(time.Hour)
	ss := h.j.Sessions(dayOf(t0), dayOf(t0))
	if len(ss) != 1 || len(ss[0].Timed) == 0 || ss[0].Timed[0].Move != "mcgill-curl-up" || ss[0].Timed[0].Level != 1 {
		t.Errorf("sessions %+v, want the curl-up done at level 1", ss)
	}
}
