package ui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/figure"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/state"
	"spineroutine/ui/widgets"
)

// cardView is what the card shows, in words.
type cardView struct {
	phase, setRep, clock, side, name, next string
}

func (h *harness) card() cardView {
	c := h.session().card
	return cardView{phase: c.phase.Text, setRep: c.setRep.Text, clock: c.clock.Text(),
		side: c.side.Text, name: c.name.Text, next: c.next.Text}
}

func (h *harness) wantCard(step string, want cardView) {
	h.t.Helper()
	if got := h.card(); got != want {
		h.t.Errorf("%s: card = %+v\nwant %+v", step, got, want)
	}
	if a := h.session().card.arrow; a.Visible() != (want.side != "") || a.Visible() && string(h.session().card.arrowTo) != strings.ToLower(want.side) {
		h.t.Errorf("%s: arrow shown %v to %q, want to %q", step, a.Visible(), h.session().card.arrowTo, want.side)
	}
}

func TestIdleCardShowsTheChoice(t *testing.T) {
	h := newHarness(t, nil)
	total := h.inuse().r.Duration()
	h.wantCard("idle", cardView{phase: "READY", setRep: "3 moves", clock: widgets.FormatClock(total),
		name: "Curl-Up", next: "Up next: Side Planks"})
	if got := h.win().Title(); got != Title {
		t.Errorf("title = %q, want %q", got, Title)
	}
}

// TestCardPhases drives a real session with the fake clock through every
// kind of step and checks the card, the colours and the title.
func TestCardPhases(t *testing.T) {
	h := newHarness(t, nil)
	h.w.StartPause()
	h.sync()
	steps := []struct {
		name  string
		after time.Duration // clock advance before the check
		want  cardView
		phase Phase
	}{
		{"get ready", 0, cardView{"GET READY", "", "0:05", "", "Curl-Up", "Up next: Side Planks"}, PhaseGetReady},
		{"get ready later", 1500 * time.Millisecond, cardView{"GET READY", "", "0:04", "", "Curl-Up", "Up next: Side Planks"}, PhaseGetReady},
		{"work", 3500 * time.Millisecond, cardView{"WORK", "Rep 1 of 2", "0:04", "", "Curl-Up", "Up next: Side Planks"}, PhaseWork},
		{"gap", 4 * time.Second, cardView{"REST", "Next: rep 2 of 2", "0:01", "", "Curl-Up", "Up next: Side Planks"}, PhaseRest},
		{"rep 2", time.Second, cardView{"WORK", "Rep 2 of 2", "0:04", "", "Curl-Up", "Up next: Side Planks"}, PhaseWork},
		// The rest already shows the next move, so the user can set up.
		{"rest", 4 * time.Second, cardView{"REST", "", "0:06", "", "Side Planks", "Up next: Bird Dogs"}, PhaseRest},
		{"left", 6 * time.Second, cardView{"WORK", "Rep 1 of 1", "0:03", "LEFT", "Side Planks", "Up next: Bird Dogs"}, PhaseWork},
		{"switch", 3 * time.Second, cardView{"SWITCH SIDES", "Next: rep 1 of 1", "0:02", "RIGHT", "Side Planks", "Up next: Bird Dogs"}, PhaseSwitch},
		{"right", 2 * time.Second, cardView{"WORK", "Rep 1 of 1", "0:03", "RIGHT", "Side Planks", "Up next: Bird Dogs"}, PhaseWork},
		{"last rest", 3 * time.Second, cardView{"REST", "", "0:06", "", "Bird Dogs", "Last move"}, PhaseRest},
	}
	for _, s := range steps {
		h.advance(s.after)
		h.wantCard(s.name, s.want)
		if got := h.session().card.bg.FillColor; got != palettes[s.phase].bg {
			t.Errorf("%s: band colour %v, want %v", s.name, got, palettes[s.phase].bg)
		}
		if got := h.session().card.clock.Color(); got != palettes[s.phase].fg {
			t.Errorf("%s: digit colour %v, want %v", s.name, got, palettes[s.phase].fg)
		}
	}
	want := "0:06 · Bird Dogs — " + Title
	if got := h.win().Title(); got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if !h.session().noBlanking {
		t.Error("screen blanking not disabled during the session")
	}
}

func TestPhaseColoursDiffer(t *testing.T) {
	// Each pair of session phases differs in lightness by a visible step,
	// so they are told apart without hue (grey scale, colour blindness).
	phases := []Phase{PhaseGetReady, PhaseWork, PhaseRest, PhaseSwitch, PhasePaused}
	luma := func(p Phase) float64 {
		c := palettes[p].bg
		return 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
	}
	for i, a := range phases {
		for _, b := range phases[i+1:] {
			if palettes[a].bg == palettes[b].bg {
				t.Errorf("%s and %s have the same colour", a.Word(), b.Word())
			}
			d := luma(a) - luma(b)
			if d < 0 {
				d = -d
			}
			// Light pairs (get ready, rest) and dark pairs (work, switch)
			// also differ in hue; every light/dark pair differs by > 60.
			if palettes[a].fg != palettes[b].fg && d < 60 {
				t.Errorf("%s and %s: lightness differs by %.0f, want >= 60", a.Word(), b.Word(), d)
			}
		}
	}
}

func TestPauseAndResume(t *testing.T) {
	h := newHarness(t, nil)
	h.press(fyne.KeySpace)
	h.advance(6 * time.Second) // 1 s into the first work step
	h.press(fyne.KeySpace)
	if h.state() != schedule.Paused {
		t.Fatalf("state = %v, want paused", h.state())
	}
	h.wantCard("paused", cardView{"PAUSED", "Rep 1 of 2", "0:03", "", "Curl-Up", "Up next: Side Planks"})
	if h.session().controls.startPause.Text != "Resume" {
		t.Errorf("button = %q, want Resume", h.session().controls.startPause.Text)
	}
	h.advance(time.Minute)
	if got := h.card().clock; got != "0:03" {
		t.Errorf("clock moved while paused: %s", got)
	}
	h.press(fyne.KeySpace)
	// Resuming inside a work step gives a 3-second get-ready first.
	h.wantCard("pre-roll", cardView{"GET READY", "Rep 1 of 2", "0:03", "", "Curl-Up", "Up next: Side Planks"})
	h.advance(3 * time.Second)
	h.wantCard("resumed", cardView{"WORK", "Rep 1 of 2", "0:03", "", "Curl-Up", "Up next: Side Planks"})
}

func TestCompletedMoveTicksItself(t *testing.T) {
	h := newHarness(t, nil)
	h.w.StartPause()
	h.advance(5*time.Second + 4*time.Second + time.Second + 4*time.Second) // curl-up done
	if !h.j.Done(journal.Today(h.clock.Now()))["mcgill-curl-up"] {
		t.Fatal("journal: curl-up not done")
	}
	if !h.today().list.rows[0].done.Checked {
		t.Error("checklist: curl-up not ticked")
	}
	if h.today().list.rows[1].done.Checked {
		t.Error("checklist: side planks ticked")
	}
}

func TestSummaryAndReturn(t *testing.T) {
	h := newHarness(t, nil)
	h.w.StartPause()
	h.advance(h.session().run.sess.Plan().Total + time.Second)
	if h.w.State() != state.Summary {
		t.Fatal("no summary at the end")
	}
	body := h.session().summary.body.Text
	for _, want := range []string{"3 of 3 moves done: Curl-Up, Side Planks, Bird Dogs.", "Streak: 1 day"} {
		if !strings.Contains(body, want) {
			t.Errorf("summary %q lacks %q", body, want)
		}
	}
	if h.session().card.phase.Text != "DONE" {
		t.Errorf("phase = %q", h.session().card.phase.Text)
	}
	// A History tab already built shows the moves just done.
	if h.history().view == nil {
		t.Fatal("no History tab")
	}
	if got := heatCount(h.history().view.heat, journal.Today(h.clock.Now())); got != 3 {
		t.Errorf("History shows %d moves today after the session, want 3", got)
	}
	if h.player.detached != 1 || h.session().noBlanking {
		t.Errorf("after the end: detached %d, blanking off %v", h.player.detached, h.session().noBlanking)
	}
	// The after-session pain check-in goes to the journal.
	test := h.session().painAfter
	test.buttons[3].Tapped(nil)
	if got := h.j.Day(journal.Today(h.clock.Now())).PainAfter; got == nil || *got != 3 {
		t.Errorf("pain after = %v, want 3", got)
	}
	h.w.ReturnToChecklist()
	if (h.w.State() == state.Summary) || h.session().run.sess != nil {
		t.Fatal("still on the summary")
	}
	h.wantCard("idle again", cardView{phase: "READY", setRep: "3 moves", clock: widgets.FormatClock(h.inuse().r.Duration()),
		name: "Curl-Up", next: "Up next: Side Planks"})
	if got := h.today().list.total.Text; !strings.HasPrefix(got, "All done today: Start runs all 3 moves again") {
		t.Errorf("total = %q, want the all-done note", got)
	}
}

func TestPainBeforeIsSavedWithTheSession(t *testing.T) {
	h := newHarness(t, nil)
	h.session().painBefore.buttons[5].Tapped(nil)
	h.w.StartPause()
	h.sync()
	if got := h.j.Day(journal.Today(h.clock.Now())).PainBefore; got == nil || *got != 5 {
		t.Errorf("pain before = %v, want 5", got)
	}
}

func TestEndSessionEarly(t *testing.T) {
	h := newHarness(t, nil)
	h.w.StartPause()
	h.advance(20 * time.Second)
	h.session().EndSession()
	h.session().EndSession() // confirmed
	h.sync()
	if (h.w.State() != state.Summary) || h.session().card.phase.Text != "ENDED" {
		t.Fatalf("summary %v, phase %q", (h.w.State() == state.Summary), h.session().card.phase.Text)
	}
	if !strings.Contains(h.session().summary.body.Text, "1 of 3 moves done: Curl-Up.") {
		t.Errorf("summary = %q", h.session().summary.body.Text)
	}
	if _, ok := h.j.ResumePoint(journal.Today(h.clock.Now())); ok {
		t.Error("a session ended by hand is offered for resume")
	}
}

func TestNoAudioNoticeOnce(t *testing.T) {
	h := newHarness(t, func(o *Options) {})
	h.player.fail = errNoDevice
	h.w.StartPause()
	h.sync()
	h.session().EndSession()
	h.session().EndSession() // confirmed
	h.sync()
	h.w.ReturnToChecklist()
	h.w.StartPause()
	h.sync()
	n := 0
	for _, s := range uitest.LabelTexts(h.session().notes.box) {
		if strings.Contains(s, "No sound: no audio device. Cues will flash on screen.") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("no-audio notices = %d, want 1: %q", n, uitest.LabelTexts(h.session().notes.box))
	}
	// Cues still flash.
	h.advance(5 * time.Second)
	if got := h.session().flash.colour; got != flashColour(schedule.CueStart) {
		t.Errorf("flash %v at the start cue, want %v", got, flashColour(schedule.CueStart))
	}
}

func TestCuesFlash(t *testing.T) {
	// Muted, every cue changes the screen in the frame of its second:
	// countdown 3 lights it, 2 (the same colour) darkens it, 1 lights it,
	// the start lights it in its own colour; the next second clears it.
	// The window wears the amber of getting ready, so the countdown's amber
	// flash is drawn in the phase's text colour.
	h := newHarness(t, nil)
	h.settings().ToggleMute()
	h.w.StartPause()
	countdown, start := flashColour(schedule.CueCountdown), flashColour(schedule.CueStart)
	for i, want := range []color.Color{countdown, color.Transparent, countdown, start, color.Transparent} {
		h.advance(time.Second)
		if i == 0 {
			h.advance(time.Second)
		}
		if got := h.session().flash.colour; got != want {
			t.Errorf("second %d: flash %v, want %v", i, got, want)
		}
		if i == 0 {
			// What the window shows: the lit frame along its edges, the
			// card inside it untouched.
			img := h.win().Canvas().Capture()
			b := img.Bounds()
			drawn := palettes[PhaseGetReady].fg
			edge := color.NRGBAModel.Convert(img.At(b.Min.X+10, b.Dy()/2)).(color.NRGBA)
			if edge != drawn {
				t.Errorf("left edge shows %v at the countdown's flash, want %v", edge, drawn)
			}
			// The middle column is mostly not the flash's colour (the
			// countdown's digits are, in part).
			n := 0
			for y := b.Min.Y; y < b.Max.Y; y++ {
				if color.NRGBAModel.Convert(img.At(b.Dx()/2, y)).(color.NRGBA) == drawn {
					n++
				}
			}
			if n > b.Dy()/2 {
				t.Errorf("the middle of the window is in the flash's colour: the flash covers the card")
			}
		}
	}
}

func TestProblemsAreShown(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		o.Problems = []string{"Routine file r.toml not used:", "r.toml:12: move \"x\": hold must be > 0"}
	})
	got := strings.Join(uitest.LabelTexts(h.session().notes.box), "\n")
	if !strings.Contains(got, "r.toml:12: move \"x\": hold must be > 0") {
		t.Errorf("notices = %q", got)
	}
}

func TestSafetyNoteOnce(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Start = true })
	if _, ok := h.session().notes.byKey["safety"]; !ok {
		t.Fatal("no safety note on the first launch")
	}
	// --start: the note does not hold the timer.
	h.w.StartPause()
	h.advance(time.Second)
	if h.state() != schedule.Running {
		t.Errorf("state = %v, want running with the note shown", h.state())
	}
	if !strings.Contains(uitest.LabelTexts(h.session().notes.box)[0], "not medical advice") {
		t.Errorf("first notice = %q", uitest.LabelTexts(h.session().notes.box)[0])
	}
	box := h.session().notes.byKey["safety"].(*fyne.Container)
	box.Objects[2].(*widgets.KeyButton).Tapped(nil)
	if !h.app.Preferences().Bool(safetyPref) {
		t.Error("dismissal not remembered")
	}
	if _, ok := h.session().notes.byKey["safety"]; ok {
		t.Error("note still shown")
	}
}

// BenchmarkShowSecond measures drawing one session status on the card
// (what every Second event costs on the UI goroutine), cycling through the
// statuses of the test routine's first minute.
func BenchmarkShowSecond(b *testing.B) {
	h := newHarness(b, nil)
	h.w.StartPause()
	h.sync()
	var sts []schedule.Status
	for i := 0; i < 30; i++ { // the routine lasts 39 s: stay inside it
		h.advance(time.Second)
		sts = append(sts, h.session().run.sess.Status())
	}
	if h.w.State() == state.Summary {
		b.Fatal("the session ended")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.session().show(sts[i%len(sts)])
	}
}

// TestPainBeforeKeptIfClosedBeforeStart: the pain given before Start is in
// the journal at once, even if the app closes without a session.
func TestPainBeforeKeptIfClosedBeforeStart(t *testing.T) {
	h := newHarness(t, nil)
	h.session().painBefore.buttons[6].Tapped(nil)
	h.session().painBefore.buttons[4].Tapped(nil) // changed her mind
	h.close()
	h.j.Close()
	h.openJournal()
	day := h.j.Day(journal.Today(h.clock.Now()))
	if day.PainBefore == nil || *day.PainBefore != 4 {
		t.Errorf("pain before after a close without Start = %v, want 4", day.PainBefore)
	}
	if _, ok := h.j.ResumePoint(journal.Today(h.clock.Now())); ok {
		t.Error("a session that never started is offered for resume")
	}
}

// TestMuteFlagIsNeverSaved: with --mute, touching the volume saves the
// volume, not "muted"; the flag mutes this run only.
func TestMuteFlagIsNeverSaved(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Mute = true })
	mute := checkLabelled(t, h.settings().view, muteLabel)
	if !h.session().sound.settings.Muted || !h.player.settings.Muted || !mute.Checked {
		t.Fatalf("--mute: window %v, player %v, Settings box %v", h.session().sound.settings.Muted, h.player.settings.Muted, mute.Checked)
	}
	one(t, h.settings().view, "volume", func(*widgets.KeySlider) bool { return true }).SetValue(35)
	if got := h.prefs().Sound(); got.Muted || got.Volume != 35 {
		t.Errorf("saved %+v after a volume change under --mute, want volume 35 not muted", got)
	}
	if !h.session().sound.settings.Muted || !h.player.settings.Muted {
		t.Error("the volume change unmuted this run")
	}
	// Unmuting by hand ends the flag; muting again by hand is saved.
	h.settings().ToggleMute()
	h.settings().ToggleMute()
	if !h.prefs().Sound().Muted {
		t.Error("a mute chosen by hand was not saved")
	}
}

// TestSummaryIsHonest: skipping through every move is not "routine
// complete"; the summary names the moves skipped and counts the seconds
// lived through after the get-ready (which is not exercise), not the
// plan's minutes; the big clock shows the same whole seconds as the
// sentence. The exercise is the time in the sets, counted by hand from
// the test routine (curl-up 4+1+4, side planks 3+3, bird dogs 2+1+2).
func TestSummaryIsHonest(t *testing.T) {
	tests := []struct {
		name               string
		run                func(h *harness)
		title, body, clock string
	}{
		{"all skipped", func(h *harness) {
			h.w.StartPause()
			for h.session().run.sess.Status().State == schedule.Running {
				h.advance(time.Second)
				h.session().NextMove()
			}
		}, "Session ended.", "No move completed.\nSkipped: Curl-Up, Side Planks, Bird Dogs.\n0 seconds of exercise in 2 seconds.\nStreak: 0 days in a row.", "0:00"},
		{"ended in the get-ready", func(h *harness) {
			h.w.StartPause()
			h.advance(4 * time.Second)
			h.session().EndSession()
			h.session().EndSession() // confirmed
		}, "Session ended.", "No move completed.\n0 seconds of exercise.\nStreak: 0 days in a row.", "0:00"},
		{"one done, rest skipped", func(h *harness) {
			h.w.StartPause()
			h.advance(5*time.Second + 9*time.Second) // get ready, curl-up
			h.session().NextMove()
			h.session().NextMove()
		}, "Session ended.", "1 of 3 moves done: Curl-Up.\nSkipped: Side Planks, Bird Dogs.\n9 seconds of exercise.\nStreak: 1 day in a row.", "0:09"},
		{"ended in the second move", func(h *harness) {
			h.w.StartPause()
			h.advance(5*time.Second + 9*time.Second + 7*time.Second + 400*time.Millisecond)
			h.session().EndSession()
			h.session().EndSession() // confirmed
		}, "Session ended.", "1 of 3 moves done: Curl-Up.\n10 seconds of exercise in 16 seconds.\nStreak: 1 day in a row.", "0:10"},
		{"all done", func(h *harness) {
			h.w.StartPause()
			h.advance(time.Minute)
		}, "Well done: routine complete.", "3 of 3 moves done: Curl-Up, Side Planks, Bird Dogs.\n20 seconds of exercise in 34 seconds.\nStreak: 1 day in a row.", "0:20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			tt.run(h)
			h.sync()
			if h.w.State() != state.Summary {
				t.Fatal("no summary")
			}
			if got := h.session().summary.title.Text; got != tt.title {
				t.Errorf("title %q, want %q", got, tt.title)
			}
			if got := h.session().summary.body.Text; got != tt.body {
				t.Errorf("body\n%s\nwant\n%s", got, tt.body)
			}
			if got := h.card().clock; got != tt.clock {
				t.Errorf("clock %s, want %s", got, tt.clock)
			}
		})
	}
}

// TestEndAsksForConfirmation: one press of End does not end the session;
// a second press within endConfirmTime does; after it, End is at rest.
func TestEndAsksForConfirmation(t *testing.T) {
	h := newHarness(t, nil)
	h.w.StartPause()
	h.advance(2 * time.Second)
	end := h.session().controls.stop
	test.Tap(end)
	h.sync()
	if h.state() != schedule.Running || end.Text != "End now?" {
		t.Fatalf("one press of End: state %v, button %q", h.state(), end.Text)
	}
	h.advance(endConfirmTime + time.Second)
	if end.Text != "End" {
		t.Errorf("End still asks after %v: %q", endConfirmTime, end.Text)
	}
	test.Tap(end)
	h.sync()
	if h.state() != schedule.Running {
		t.Fatal("a press after the confirmation lapsed ended the session")
	}
	h.advance(time.Second)
	test.Tap(end)
	h.sync()
	if h.state() != schedule.Stopped || (h.w.State() != state.Summary) {
		t.Errorf("second press: state %v, summary %v", h.state(), (h.w.State() == state.Summary))
	}
}

// TestRepsShowTheMoveTimeAndTempo: during the reps of a moving move the
// clock counts down the whole move, and the card says the tempo phase.
func TestRepsShowTheMoveTimeAndTempo(t *testing.T) {
	r, err := routine.Parse("tempo.toml", []byte(`
name = "Tempo"
get_ready = 5
[[move]]
id = "bridge"
name = "Glute Bridge"
focus = "strength"
reps = 2
tempo = [1, 2, 1]
between_reps = 1
`), figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, func(o *Options) { o.Routine = r })
	h.w.StartPause()
	// The move: rep 4 s, gap 1 s, rep 4 s = 9 s from 0:05.
	steps := []struct {
		after        time.Duration
		phase, clock string
	}{
		{5*time.Second + 500*time.Millisecond, "WORK · MOVE", "0:09"},
		{time.Second, "WORK · PAUSE", "0:08"},
		{2 * time.Second, "WORK · RETURN", "0:06"},
		{time.Second, "REST", "0:01"}, // the gap between reps counts its own second
		{time.Second, "WORK · MOVE", "0:04"},
	}
	for i, s := range steps {
		h.advance(s.after)
		if got := h.card(); got.phase != s.phase || got.clock != s.clock {
			t.Errorf("step %d: card %q %s, want %q %s", i, got.phase, got.clock, s.phase, s.clock)
		}
	}
}
