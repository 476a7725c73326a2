package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"spineroutine/internal/figure"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/settings"
	"spineroutine/ui/widgets"
)

func TestTickByHand(t *testing.T) {
	h := newHarness(t, nil)
	today := journal.Today(h.clock.Now())
	row := h.today().list.rows[1] // side planks
	test.Tap(row.done)
	if !h.j.Done(today)["side-planks"] {
		t.Fatal("tick not in the journal")
	}
	sum := h.j.Day(today)
	if len(sum.Done) != 1 || sum.Done[0].Src != journal.Hand {
		t.Errorf("journal day = %+v, want one tick by hand", sum.Done)
	}
	// The default choice now leaves side planks out.
	if got := h.today().list.selection(); strings.Join(got, ",") != "mcgill-curl-up,bird-dogs" {
		t.Errorf("selection = %v", got)
	}
	want := widgets.FormatClock(h.inuse().r.Duration("mcgill-curl-up", "bird-dogs"))
	if got := h.today().list.total.Text; got != "2 moves · "+want {
		t.Errorf("total = %q, want 2 moves · %s", got, want)
	}
	if got := h.card().clock; got != want {
		t.Errorf("idle clock = %s, want the total %s", got, want)
	}
	test.Tap(row.done)
	if h.j.Done(today)["side-planks"] {
		t.Error("untick not in the journal")
	}
	// Ticks survive a restart: they come from the journal.
	test.Tap(row.done)
	h.close()
	h.j.Close()
	h.openJournal()
	h2 := reopen(t, h)
	if !h2.today().list.rows[1].done.Checked || h2.today().list.rows[0].done.Checked {
		t.Error("ticks not read back from the journal")
	}
	if !strings.Contains(h2.today().list.day.Text, "Monday 23 November") {
		t.Errorf("day label = %q", h2.today().list.day.Text)
	}
}

// reopen opens a second window on h's journal and clock (a restart).
func reopen(t *testing.T, h *harness, change ...func(*Options)) *harness {
	h2 := &harness{t: t, app: h.app, clock: h.clock, dir: h.dir, j: h.j, player: &fakePlayer{}}
	opts := Options{Routine: h.inuse().r, Journal: h.j, Player: h2.player, Clock: h.clock, Post: h2.post}
	for _, c := range change {
		c(&opts)
	}
	h2.w = newController(h.app, opts)
	t.Cleanup(h2.close)
	return h2
}

func TestChoices(t *testing.T) {
	h := newHarness(t, nil)
	l := h.today().list
	r := h.inuse().r
	tests := []struct {
		choose func()
		want   []string
	}{
		{func() { test.Tap(l.choices[choiceAll]) }, []string{"mcgill-curl-up", "side-planks", "bird-dogs"}},
		{func() { test.Tap(l.choices[choiceBig3]) }, []string{"mcgill-curl-up", "side-planks", "bird-dogs"}},
		// Unticking "include" on one move switches to a hand-picked set.
		{func() { test.Tap(l.rows[0].include) }, []string{"side-planks", "bird-dogs"}},
		{func() { test.Tap(l.rows[1].include) }, []string{"bird-dogs"}},
		{func() { test.Tap(l.choices[choiceNotDone]) }, []string{"mcgill-curl-up", "side-planks", "bird-dogs"}},
		{func() { test.Tap(l.choices[choicePick]) }, []string{"bird-dogs"}},
	}
	for i, tt := range tests {
		tt.choose()
		got := l.selection()
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%d: selection = %v, want %v", i, got, tt.want)
			continue
		}
		want := plural(len(tt.want), "move", "moves") + " · " + widgets.FormatClock(r.Duration(tt.want...))
		if l.total.Text != want {
			t.Errorf("%d: total = %q, want %q", i, l.total.Text, want)
		}
		for j, row := range l.rows {
			in := strings.Contains(strings.Join(tt.want, ","), row.move.ID)
			if row.include.Checked != in {
				t.Errorf("%d: include box of %s = %v", i, row.move.ID, row.include.Checked)
			}
			_ = j
		}
	}
	// Picking nothing disables Start.
	test.Tap(l.rows[2].include)
	if !l.start.Disabled() || l.total.Text != "Pick at least one move." {
		t.Errorf("empty pick: start disabled %v, total %q", l.start.Disabled(), l.total.Text)
	}
	h.w.StartPause()
	if h.session().run.sess != nil {
		t.Error("a session started with nothing chosen")
	}
	// A hand-picked set runs only those moves.
	test.Tap(l.rows[1].include)
	h.w.StartPause()
	h.sync()
	if got := moveIDs(h.session().run.sess.Plan()); strings.Join(got, ",") != "side-planks" {
		t.Errorf("plan = %v", got)
	}
}

func TestMovesOption(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Moves = []string{"bird-dogs", "mcgill-curl-up"} })
	if h.today().list.choice != choicePick {
		t.Errorf("choice = %v, want pick", h.today().list.choice)
	}
	h.w.StartPause()
	h.sync()
	if got := moveIDs(h.session().run.sess.Plan()); strings.Join(got, ",") != "mcgill-curl-up,bird-dogs" {
		t.Errorf("plan = %v", got)
	}
}

func TestResumeOffer(t *testing.T) {
	h := newHarness(t, nil)
	h.w.StartPause()
	h.advance(5*time.Second + 9*time.Second + 6*time.Second + time.Second) // into side planks, left
	if got := h.session().last.Step.Move; got != "side-planks" {
		t.Fatalf("at %s", got)
	}
	step := h.session().last.Step.Index
	h.close() // closing mid-session keeps the session open in the journal
	h2 := reopen(t, h)
	if !(h2.w.days.resume != nil) {
		t.Fatal("no resume offer")
	}
	box := h2.session().resume.(interface{ Visible() bool })
	_ = box
	found := false
	for _, o := range h2.session().notes.box.Objects {
		if o == h2.session().resume {
			found = true
		}
	}
	if !found {
		t.Fatal("resume offer not in the banners")
	}
	pos := *h2.w.days.resume
	if pos.Move != "side-planks" || pos.Step != step {
		t.Errorf("resume at %+v, want side-planks step %d", pos, step)
	}
	h2.w.Resume(pos)
	h2.sync()
	st := h2.session().last
	if st.Step.Index != step || !st.Preroll {
		t.Errorf("resumed at step %d preroll %v, want %d with pre-roll", st.Step.Index, st.Preroll, step)
	}
	// Curl-up was done before the interruption; the resumed session
	// continues the same journal session.
	if !h2.today().list.rows[0].done.Checked {
		t.Error("curl-up not ticked after resume")
	}
	if h2.w.rec.session != pos.Session {
		t.Errorf("session id %q, want %q", h2.w.rec.session, pos.Session)
	}
}

func TestStartFreshAbandons(t *testing.T) {
	h := newHarness(t, nil)
	h.w.StartPause()
	h.advance(7 * time.Second)
	h.close()
	h2 := reopen(t, h)
	if !(h2.w.days.resume != nil) {
		t.Fatal("no resume offer")
	}
	h2.w.abandonResume()
	if h2.w.days.resume != nil {
		t.Error("offer still shown")
	}
	if _, ok := h.j.ResumePoint(journal.Today(h.clock.Now())); ok {
		t.Error("journal still offers the abandoned session")
	}
}

func TestMidnightRollover(t *testing.T) {
	h := newHarness(t, nil)
	test.Tap(h.today().list.rows[0].done)
	midnight := journal.NextMidnight(h.clock.Now())
	h.clock.AdvanceTo(midnight.Add(time.Second))
	h.sync()
	if h.today().list.rows[0].done.Checked {
		t.Error("yesterday's tick still shown after midnight")
	}
	if !strings.Contains(h.today().list.day.Text, "Tuesday 24 November") {
		t.Errorf("day = %q", h.today().list.day.Text)
	}
	// During a session the checklist waits for the session to end.
	h.w.StartPause()
	h.sync()
	h.clock.AdvanceTo(journal.NextMidnight(h.clock.Now()).Add(-5 * time.Second))
	h.sync()
	if h.session().run.sess.Status().State != schedule.Finished {
		h.session().EndSession()
		h.session().EndSession() // confirmed
		h.sync()
	}
	h.advance(10 * time.Second)
	if !strings.Contains(h.today().list.day.Text, "Tuesday 24 November") {
		t.Errorf("rolled over during the summary: %q", h.today().list.day.Text)
	}
	h.w.ReturnToChecklist()
	if !strings.Contains(h.today().list.day.Text, "Wednesday 25 November") {
		t.Errorf("after the session: day = %q", h.today().list.day.Text)
	}
}

// TestStartAbandonsTheInterruptedSession: starting anew (as --start does)
// ends the interrupted session, so it is not offered again later.
func TestStartAbandonsTheInterruptedSession(t *testing.T) {
	h := newHarness(t, nil)
	h.w.StartPause()
	h.advance(7 * time.Second)
	old := h.w.rec.session
	h.close()
	h2 := reopen(t, h, func(o *Options) { o.Start = true })
	h2.w.StartPause() // what Run does with --start once the window shows
	h2.sync()
	if h2.w.days.resume != nil {
		t.Error("offer still shown after starting")
	}
	if h2.w.rec.session == old {
		t.Fatal("the new session reuses the interrupted one")
	}
	h2.session().EndSession()
	h2.session().EndSession() // confirmed
	h2.sync()
	if pos, ok := h.j.ResumePoint(journal.Today(h.clock.Now())); ok {
		t.Errorf("resume offered for %s after a new session", pos.Session)
	}
}

func TestSetRoutine(t *testing.T) {
	h := newHarness(t, nil)
	r, err := routine.Parse("two.toml", []byte(`
name = "Two"
[[move]]
id = "bird-dogs"
name = "Bird Dogs"
focus = "stability"
hold = 3
[[move]]
id = "cat-camel"
name = "Cat Camel"
focus = "mobility"
hold = 2
`), figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	h.w.StartPause()
	h.sync()
	if err := h.w.useRoutine(r); err == nil {
		t.Error("routine switched during a session")
	}
	h.session().EndSession()
	h.session().EndSession() // confirmed
	h.sync()
	if err := h.w.useRoutine(r); err != nil {
		t.Fatal(err)
	}
	if n := len(h.today().list.rows); n != 2 {
		t.Fatalf("checklist rows = %d, want 2", n)
	}
	if len(h.today().box.Objects) != 1 || h.today().box.Objects[0] != h.today().list.obj {
		t.Error("the new checklist is not shown")
	}
	h.wantCard("new routine", cardView{phase: "READY", setRep: "2 moves", clock: widgets.FormatClock(r.Duration()),
		name: "Bird Dogs", next: "Up next: Cat Camel"})
	h.w.StartPause()
	h.sync()
	if got := moveIDs(h.session().run.sess.Plan()); strings.Join(got, ",") != "bird-dogs,cat-camel" {
		t.Errorf("plan = %v", got)
	}
}

func TestSetSoundSettings(t *testing.T) {
	h := newHarness(t, nil)
	s := h.session().sound.settings
	s.Muted, s.Volume = true, 40
	if err := h.settings().chosen(func(x *settings.Settings) { x.Sound = s }); err != nil {
		t.Fatal(err)
	}
	if !h.session().sound.settings.Muted || h.player.settings.Volume != 40 || h.session().controls.mute.Icon != theme.VolumeMuteIcon() {
		t.Errorf("settings not applied: %+v", h.player.settings)
	}
}

// TestAllDoneCountsOnlyThisRoutine: moves of another routine done today
// do not make this routine's untouched list read "All done today"; with
// every move done the note says in words what Start does.
func TestAllDoneCountsOnlyThisRoutine(t *testing.T) {
	h := newHarness(t, nil)
	today := journal.Today(h.clock.Now())
	for _, id := range []string{"cat-camel", "dead-bug", "wall-sit"} {
		if err := h.j.MarkDone(today, id, journal.Hand, "", h.clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
	h.today().reload()
	if got := h.today().list.total.Text; strings.Contains(got, "All done") {
		t.Errorf("total = %q with none of this routine's moves done", got)
	}
	for _, r := range h.today().list.rows {
		test.Tap(r.done)
	}
	if got, want := h.today().list.total.Text, "All done today: Start runs all 3 moves again (0:39)."; got != want {
		t.Errorf("total = %q with every move done, want %q", got, want)
	}
}
