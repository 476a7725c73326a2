package progress

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/journal"
)

// five are moves of six levels each, all starting at level 1.
var five = func() []Move {
	var out []Move
	for i := 1; i <= 5; i++ {
		out = append(out, Move{ID: fmt.Sprintf("m%d", i), Levels: 6, Start: 1})
	}
	return out
}()

// ups returns the moves suggested up, in order, and those that wait.
func ups(r Result) (up, wait []string) {
	for _, a := range r.Moves {
		switch {
		case a.Suggest == Up:
			up = append(up, a.ID)
		case a.Waits:
			wait = append(wait, a.ID)
		}
	}
	return up, wait
}

// TestPacing: at most MaxUps moves step up on one day, the longest runs
// of good sessions first, routine order breaking a tie; a step up taken
// today counts, a step down does not.
func TestPacing(t *testing.T) {
	keepAll := day{before: 2, after: 3, keep: true}
	for _, c := range []struct {
		name     string
		days     []day
		maxUps   int
		accept   map[string]int // accepted on the last day before evaluating again
		wantUp   string
		wantWait string
	}{
		{"two of five by default", repeat(4, keepAll), 2, nil, "m1 m2", "m3 m4 m5"},
		{"one when set to one", repeat(4, keepAll), 1, nil, "m1", "m2 m3 m4 m5"},
		{"all when the limit allows", repeat(4, keepAll), 5, nil, "m1 m2 m3 m4 m5", ""},
		{"the longest runs first",
			append(append(repeat(2, keepAll), day{before: 2, after: 3, keep: true, hand: map[string]int{"m1": 1, "m2": 1}}),
				repeat(3, keepAll)...), 2, nil, "m3 m4", "m1 m2 m5"},
		{"a step up accepted today counts", repeat(4, keepAll), 2, map[string]int{"m1": 2}, "m2", "m3 m4 m5"},
		{"two accepted today leave none", repeat(4, keepAll), 2, map[string]int{"m4": 2, "m5": 2}, "", "m1 m2 m3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Defaults()
			p.MaxUps = c.maxUps
			_, j := sim(t, five, p, c.days)
			d := base.Add(len(c.days))
			at := d.Start(time.UTC).Add(8 * time.Hour)
			id, err := j.StartSession(at, "default", nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := j.SavePain(id, journal.Before, 2, at.Add(time.Second)); err != nil {
				t.Fatal(err)
			}
			for m, lv := range c.accept {
				if err := j.SetLevel(d, m, lv, journal.LevelSuggested, false, at.Add(2*time.Second)); err != nil {
					t.Fatal(err)
				}
			}
			r := Evaluate(Read(j, d, five), p)
			up, wait := ups(r)
			if strings.Join(up, " ") != c.wantUp || strings.Join(wait, " ") != c.wantWait {
				t.Errorf("up %v wait %v, want up [%s] wait [%s]", up, wait, c.wantUp, c.wantWait)
			}
			for _, a := range r.Moves {
				if a.Waits && !strings.Contains(a.Why, fmt.Sprintf("at most %d move", c.maxUps)) {
					t.Errorf("%s waits without saying why: %q", a.ID, a.Why)
				}
			}
		})
	}
}

// TestWaitingReason: the reason of a move that waits says its evidence
// and the limit.
func TestWaitingReason(t *testing.T) {
	p := Defaults()
	res, _ := sim(t, []Move{birds, curl, {ID: "third", Levels: 3, Start: 1}}, p,
		repeat(4, day{before: 2, after: 3, keep: true}))
	a := advice(t, res[3], "third")
	want := "3 sessions on 3 days went well at level 1: ready for level 2, but at most 2 moves step up on one day, " +
		"so it waits for another day."
	if a.Suggest != Stay || !a.Waits || a.Why != want {
		t.Errorf("got %s %q, want stay %q", a.Suggest, a.Why, want)
	}
}

// TestCorrectedCheckIn: a mistaken before of 8 sets the easiest levels
// for today; corrected to 2, the rule lists the levels to go back to, and
// once they are journalled the advice equals that of a twin journal in
// which the 2 was given at once: the step ups earned come back, no flare.
func TestCorrectedCheckIn(t *testing.T) {
	days := repeat(3, day{before: 2, after: 3, keep: true})
	_, j := sim(t, both, Defaults(), days)
	_, twin := sim(t, both, Defaults(), days)
	d := base.Add(3)
	at := d.Start(time.UTC).Add(8 * time.Hour)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// Yesterday's hand-set level is the one to come back to for curl.
	id, err := j.StartSession(at, "default", nil)
	must(err)
	tid, err := twin.StartSession(at, "default", nil)
	must(err)
	must(twin.SavePain(tid, journal.Before, 2, at.Add(time.Second)))

	must(j.SavePain(id, journal.Before, 8, at.Add(time.Second)))
	stop := Evaluate(Read(j, d, both), Defaults())
	if !stop.Safety || len(stop.Restore) != 0 {
		t.Fatalf("at 8: safety %v, restore %v", stop.Safety, stop.Restore)
	}
	for _, a := range stop.Moves {
		must(j.SetLevel(d, a.ID, a.To, journal.LevelSafety, true, at.Add(2*time.Second)))
	}

	must(j.SavePain(id, journal.Before, 2, at.Add(3*time.Second)))
	fixed := Evaluate(Read(j, d, both), Defaults())
	if fixed.Safety || fixed.Flare {
		t.Fatalf("corrected to 2: safety %v flare %v", fixed.Safety, fixed.Flare)
	}
	want := []Restore{{"curl", 2}, {"birds", 1}}
	if fmt.Sprint(fixed.Restore) != fmt.Sprint(want) {
		t.Fatalf("restore %v, want %v", fixed.Restore, want)
	}
	for _, r := range fixed.Restore {
		must(j.SetLevel(d, r.ID, r.Level, journal.LevelRestored, true, at.Add(4*time.Second)))
	}
	got := Evaluate(Read(j, d, both), Defaults())
	truth := Evaluate(Read(twin, d, both), Defaults())
	if len(got.Restore) != 0 {
		t.Errorf("restore again: %v", got.Restore)
	}
	for i, a := range got.Moves {
		b := truth.Moves[i]
		if a.Suggest != b.Suggest || a.Level != b.Level || a.To != b.To || a.Why != b.Why {
			t.Errorf("%s: %s %d→%d %q\nwithout the mistake: %s %d→%d %q", a.ID, a.Suggest, a.Level, a.To, a.Why,
				b.Suggest, b.Level, b.To, b.Why)
		}
		if a.Suggest != Up {
			t.Errorf("%s: the step up earned is not back: %s", a.ID, a.Why)
		}
	}
	// The day after, the levels of the days before hold.
	if l := j.Levels(d.Add(1)); l["curl"].Src == journal.LevelRestored || l["curl"].Src == journal.LevelSafety {
		t.Errorf("the day after: %+v", l["curl"])
	}
}
