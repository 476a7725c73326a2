package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/figure"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"
)

// levelsRoutine has the Big 3 with ladders: the curl-up starts at level 2
// of 3 (2 reps of 4 s; level 3 is 3 reps), level 1 is the easier variant;
// the side planks start at their top, level 2 of 3. The get-ready leaves
// room for the first move's whole introduction (its dose).
const levelsRoutine = `
name = "Levels routine"
get_ready = 10
rest = 6
switch = 2
between_sets = 3

[[move]]
id = "mcgill-curl-up"
name = "McGill Curl-Up"
focus = "stability"
steps = ["Lie on your back", "Lift head and shoulders a little"]
easier = "Keep your head down"
start_level = 2

[[move.level]]
reps = 1
hold = 4
easier = true

[[move.level]]
reps = 2
hold = 4

[[move.level]]
reps = 3
hold = 4

[[move]]
id = "side-planks"
name = "Side Planks"
focus = "strength"
steps = ["On your elbow", "Lift the hips"]
sides = "each"
start_level = 2
top_level = 2

[[move.level]]
reps = 1
hold = 3

[[move.level]]
reps = 2
hold = 3

[[move.level]]
reps = 3
hold = 3

[[move]]
id = "bird-dogs"
name = "Bird Dogs"
focus = "stability"
steps = ["On all fours", "Reach arm and opposite leg"]
sides = "alternate"
reps = 1
hold = 2
between_reps = 1
`

// sayingPlayer is the fakePlayer, for the phrases it says.
type sayingPlayer struct {
	fakePlayer
}

// saidSoon waits up to a second for phrase to be said (Say runs off the
// UI goroutine).
func (p *sayingPlayer) saidSoon(phrase string) bool {
	for range 100 {
		p.mu.Lock()
		for _, s := range p.said {
			if s == phrase {
				p.mu.Unlock()
				return true
			}
		}
		p.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// levelsHarness opens the levels routine on a journal that seed writes
// first (nil: empty), with a player that says phrases.
func levelsHarness(t *testing.T, seed func(j *journal.Journal)) (*harness, *sayingPlayer) {
	t.Helper()
	r, err := routine.Parse("levels.toml", []byte(levelsRoutine), figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	p := &sayingPlayer{}
	h := newHarness(t, func(o *Options) {
		o.Routine, o.Player = r, p
		if seed != nil {
			seed(o.Journal)
		}
	})
	h.prefs().SetSafetyNoteSeen(true)
	h.session().notes.clear("safety")
	return h, p
}

// seedGoodDays journals a session on each of the n days before t0 that
// did every move at its start level, with pain 2 before and after.
func seedGoodDays(t *testing.T, n int) func(j *journal.Journal) {
	return func(j *journal.Journal) {
		for d := n; d >= 1; d-- {
			at := t0.AddDate(0, 0, -d)
			id, err := j.StartSession(at, "levels.toml", []string{"mcgill-curl-up", "side-planks", "bird-dogs"})
			must(t, err)
			must(t, j.SavePain(id, journal.Before, 2, at.Add(time.Second)))
			must(t, j.MarkTimed(id, "mcgill-curl-up", 2, at.Add(time.Minute)))
			must(t, j.MarkTimed(id, "side-planks", 2, at.Add(2*time.Minute)))
			must(t, j.MarkTimed(id, "bird-dogs", 1, at.Add(3*time.Minute)))
			must(t, j.EndSession(id, journal.Finished, at.Add(4*time.Minute)))
			must(t, j.SavePain(id, journal.After, 2, at.Add(5*time.Minute)))
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// buttonIn returns the button of o labelled text, or nil.
func buttonIn(o fyne.CanvasObject, text string) *widgets.KeyButton {
	var found *widgets.KeyButton
	uitest.Walk(o, func(x fyne.CanvasObject) {
		if b, ok := x.(*widgets.KeyButton); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

// textsIn returns the texts of the labels inside o.
func textsIn(o fyne.CanvasObject) string {
	var out []string
	uitest.Walk(o, func(x fyne.CanvasObject) {
		if l, ok := x.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return strings.Join(out, "\n")
}

// spokenIntro returns what the voice says to introduce the move called
// name in plan (in the get-ready or rest before it, after "Next: ").
func spokenIntro(t *testing.T, plan *schedule.Plan, name string) string {
	t.Helper()
	bank, _ := cue.LoadVoices(plan.Routine, "")
	for _, s := range cue.Script(plan, bank, cue.DefaultSettings()) {
		if text := strings.TrimPrefix(s.Text, "Next: "); strings.HasPrefix(text, name+",") {
			return text
		}
	}
	t.Fatalf("%s is never introduced", name)
	return ""
}

// Three good days at level 2 and a good morning: the panel asks "ready
// for 3 × 4 s?"; Yes journals level 3, the plan grows by one rep of 4 s,
// and the next session's voice says 3 reps.
func TestAcceptSuggestionChangesPlanAndVoice(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 3))
	ids := h.inuse().r.IDs()
	before, err := schedule.NewPlan(h.inuse().r, ids)
	must(t, err)
	if got := spokenIntro(t, before, "McGill Curl-Up"); got != "McGill Curl-Up, 2 reps, hold 4 seconds" {
		t.Errorf("before: the voice says %q", got)
	}
	if p := textsIn(h.today().plan.panel.obj); strings.Contains(p, "ready for") || !strings.Contains(p, "follow this check-in") {
		t.Errorf("before the morning's check-in the panel says %q", p)
	}

	h.session().painBefore.choose(2)
	h.sync()
	panel := textsIn(h.today().plan.panel.obj)
	if !h.today().plan.panel.obj.Visible() || !strings.Contains(panel, "McGill Curl-Up: ready for 3 × 4 s (level 3 of 3)?") {
		t.Fatalf("the panel says %q", panel)
	}
	if strings.Contains(panel, "Side Planks: ready") {
		t.Errorf("side planks offered above their top level: %q", panel)
	}
	yes := buttonIn(h.today().plan.panel.obj, "Yes")
	if yes == nil {
		t.Fatal("no Yes")
	}
	test.Tap(yes)
	h.sync()

	got := h.j.Levels(dayOf(t0))["mcgill-curl-up"]
	if got.Level != 3 || got.Src != journal.LevelSuggested || got.Today {
		t.Errorf("journalled level %+v, want 3 from today on, suggested", got)
	}
	after, err := schedule.NewPlan(h.inuse().r, ids)
	must(t, err)
	if d := after.Total - before.Total; d != 4*time.Second {
		t.Errorf("the plan grew by %v, want one rep of 4 s", d)
	}
	if want := widgets.FormatClock(after.Total); !strings.Contains(h.today().list.total.Text, want) {
		t.Errorf("the total reads %q, want %s", h.today().list.total.Text, want)
	}
	if strings.Contains(textsIn(h.today().plan.panel.obj), "McGill Curl-Up: ready") {
		t.Error("the answered suggestion is still shown")
	}

	h.w.StartPause()
	h.sync()
	if got := spokenIntro(t, h.session().run.plan(), "McGill Curl-Up"); got != "McGill Curl-Up, 3 reps, hold 4 seconds" {
		t.Errorf("the next session says %q", got)
	}
	h.advance(time.Hour)
	if lv := h.j.Sessions(dayOf(t0), dayOf(t0)); len(lv) == 0 || lv[len(lv)-1].Timed[0].Level != 3 {
		t.Errorf("today's session did not journal level 3: %+v", lv)
	}
}

// Not yet hides the suggestion for the rest of the day and changes no level.
func TestNotYetHidesTheSuggestion(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 3))
	h.session().painBefore.choose(1)
	h.sync()
	b := buttonIn(h.today().plan.panel.obj, "Not yet")
	if b == nil {
		t.Fatalf("no Not yet: %q", textsIn(h.today().plan.panel.obj))
	}
	test.Tap(b)
	if h.today().plan.panel.obj.Visible() {
		t.Errorf("still shown: %q", textsIn(h.today().plan.panel.obj))
	}
	if _, ok := h.j.Levels(dayOf(t0))["mcgill-curl-up"]; ok {
		t.Error("Not yet journalled a level")
	}
}

// H during the curl-up: the flag is journalled and said back, and the
// The first start asks where to begin; each answer journals a level for
// every move (src start) and the checklist's total follows.
func TestFirstStartChoiceSetsLevels(t *testing.T) {
	tests := []struct {
		button string
		want   map[string]int
		choice choice
	}{
		{"Gentle start", map[string]int{"mcgill-curl-up": 1, "side-planks": 1, "bird-dogs": 1}, choiceBig3},
		{"My usual dose", map[string]int{"mcgill-curl-up": 2, "side-planks": 2, "bird-dogs": 1}, choiceNotDone},
		{"Top levels", map[string]int{"mcgill-curl-up": 3, "side-planks": 2, "bird-dogs": 1}, choiceNotDone},
	}
	for _, tt := range tests {
		t.Run(tt.button, func(t *testing.T) {
			h, _ := levelsHarness(t, nil)
			if !strings.Contains(textsIn(h.today().plan.panel.obj), "Where do you want to begin?") {
				t.Fatalf("no first-start question: %q", textsIn(h.today().plan.panel.obj))
			}
			test.Tap(buttonIn(h.today().plan.panel.obj, tt.button))
			got := h.j.Levels(dayOf(t0))
			for id, n := range tt.want {
				if l := got[id]; l.Level != n || l.Src != journal.LevelStart || l.Today {
					t.Errorf("%s: %+v, want level %d from today on, start", id, l, n)
				}
			}
			if p := textsIn(h.today().plan.panel.obj); strings.Contains(p, "Where do you want to begin") {
				t.Errorf("the question is still shown: %q", p)
			}
			if h.today().list.choice != tt.choice {
				t.Errorf("today's choice %v, want %v", h.today().list.choice, tt.choice)
			}
			plan, err := schedule.NewPlan(h.inuse().r, h.today().list.selection())
			must(t, err)
			for _, m := range plan.Moves {
				if m.Level != tt.want[m.ID] {
					t.Errorf("the plan has %s at level %d, want %d", m.ID, m.Level, tt.want[m.ID])
				}
			}
			if want := widgets.FormatClock(plan.Total); !strings.Contains(h.today().list.total.Text, want) {
				t.Errorf("the total reads %q, want %s", h.today().list.total.Text, want)
			}
		})
	}
}

// A pain before of 8: the stop is shown and said, no step up is
// TestTodayPanelGolden draws the window with the Today panel's
// suggestion after three good days and a good morning (regenerate by
// deleting testdata/today-panel.png).
func TestTodayPanelGolden(t *testing.T) {
	uitest.FreshRenderCache()
	h, _ := levelsHarness(t, seedGoodDays(t, 3))
	h.win().Resize(fyne.NewSize(1366, 768))
	h.session().painBefore.choose(2)
	h.advance(250 * time.Millisecond)
	test.AssertRendersToImage(t, "today-panel.png", h.win().Canvas())
}

// Settings' Suggestions: two good sessions are enough once the number
// says 2, and the Today panel follows at once; numbers that make no sense
// together are not saved.
func TestRuleSettings(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 2))
	h.session().painBefore.choose(2)
	h.sync()
	if h.today().plan.panel.obj.Visible() {
		t.Fatalf("a suggestion after 2 days with the default of 3: %q", textsIn(h.today().plan.panel.obj))
	}
	s := h.settings().rules.Content()
	boxes := find(s, func(*widgets.KeySelect) bool { return true })
	boxes[0].SetSelected("2") // Good sessions for a step up
	if got := h.prefs().Progress().Sessions; got != 2 {
		t.Errorf("saved %d sessions, want 2", got)
	}
	if !strings.Contains(textsIn(h.today().plan.panel.obj), "McGill Curl-Up: ready for 3 × 4 s") {
		t.Errorf("the panel says %q", textsIn(h.today().plan.panel.obj))
	}
	boxes[1].SetSelected("1") // within 1 day: fewer than 2 sessions
	if got := problems(s); !strings.Contains(got, "sessions for a step up is 2: want 1 to 1 sessions") {
		t.Errorf("problem %q", got)
	}
	if got := h.prefs().Progress().Window; got != 10 {
		t.Errorf("saved a window of %d days", got)
	}
}

// Levels… sets a move's level by hand from today on; the row and the
// total follow.
func TestLevelsDialog(t *testing.T) {
	h, _ := levelsHarness(t, seedGoodDays(t, 1))
	test.Tap(h.today().list.levels)
	top := h.win().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var sel *widget.Select
	uitest.Walk(top, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && sel == nil {
			sel = s // the curl-up's
		}
	})
	if sel == nil || sel.Selected != "Level 2 of 3 · 2 × 4 s · start" {
		t.Fatalf("the curl-up's choice: %+v", sel)
	}
	if got := strings.Join(sel.Options, " | "); got != "Level 1 of 3 · 1 × 4 s (easier variant) | Level 2 of 3 · 2 × 4 s · start | Level 3 of 3 · 3 × 4 s · top" {
		t.Errorf("options %q", got)
	}
	sel.SetSelectedIndex(0)
	if l := h.j.Levels(dayOf(t0))["mcgill-curl-up"]; l.Level != 1 || l.Src != journal.LevelHand || l.Today {
		t.Errorf("journalled %+v, want level 1 by hand from today on", l)
	}
	if got := h.today().list.rows[0].info.Text; got != "0:04 · level 1 of 3 · stability" {
		t.Errorf("the row reads %q", got)
	}
	// The idle card shows the easier variant as today's dose.
	if got := h.session().card.easier.Text; got != "Today, the easier variant: Keep your head down" || !h.session().card.easier.Visible() {
		t.Errorf("the card's easier line %q (shown %v)", got, h.session().card.easier.Visible())
	}
}

// A pain before of 7 is a flare-up: the bad-day routine at its first
// A session interrupted in the bird dogs resumes in the bird dogs after
// The panel shows three suggestions at a time, so the checklist keeps its
// room, and says how many wait.
func TestTodayPanelShowsThreeAtATime(t *testing.T) {
	test.NewTempApp(t)
	p := newTodayPanel(todayActions{})
	var st todayState
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		st.items = append(st.items, suggestionItem{id: id, question: id + "?", why: "because"})
	}
	p.show(st)
	yes := 0
	uitest.Walk(p.obj, func(o fyne.CanvasObject) {
		if b, ok := o.(*widgets.KeyButton); ok && b.Text == "Yes" {
			yes++
		}
	})
	if yes != maxSuggestions || !strings.Contains(textsIn(p.obj), "2 more once you have answered these.") {
		t.Errorf("%d Yes buttons, texts %q", yes, textsIn(p.obj))
	}
	p.show(todayState{})
	if p.obj.Visible() {
		t.Error("an empty panel is shown")
	}
}
