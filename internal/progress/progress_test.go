package progress

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/journal"
)

// base is the first day of every synthetic journal (a Tuesday).
var base = journal.NewDay(2026, time.September, 1)

// curl has seven steps, starts at step 2 and a physio capped it at 5;
// birds has four, starts at 1, no cap.
var (
	curl  = Move{ID: "curl", Levels: 7, Start: 2, Top: 5, Doses: []string{"3-2-1", "4-2-1", "5-3-1", "6-4-2", "7-5-3", "8-6-4", "9-7-5"}}
	birds = Move{ID: "birds", Levels: 4, Start: 1}
	both  = []Move{curl, birds}
)

// day is one day of a synthetic journal: a session with pain before and
// after (-1: not given), moves flagged, or no session at all.
type day struct {
	before, after int
	skip          bool
	flags         map[string]journal.FlagKind
	// keep: do not accept the day's suggestions (they are accepted by
	// default, before the session, as the today panel offers them).
	keep bool
	// hand sets levels by hand before the session.
	hand map[string]int
}

// good is a day that goes well: before 2, after 3.
func good() day { return day{before: 2, after: 3} }

// repeat returns n copies of d.
func repeat(n int, d day) []day {
	out := make([]day, n)
	for i := range out {
		out[i] = d
	}
	return out
}

// sim writes days through the journal, day i on base+i, and returns the
// rule's result of each day, evaluated after the pain before is given and
// before the moves are done (what the today panel shows), and the journal.
func sim(t *testing.T, moves []Move, p Params, days []day) ([]Result, *journal.Journal) {
	t.Helper()
	dir := t.TempDir()
	j, err := journal.Open(dir, journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var out []Result
	for i, dd := range days {
		d := base.Add(i)
		at := d.Start(time.UTC).Add(8 * time.Hour)
		var id string
		if !dd.skip {
			id, err = j.StartSession(at, "default", nil)
			must(err)
			if dd.before >= 0 {
				must(j.SavePain(id, journal.Before, dd.before, at.Add(time.Second)))
			}
		}
		res := Evaluate(Read(j, d, moves), p)
		out = append(out, res)
		if dd.skip {
			continue
		}
		for _, a := range res.Moves {
			if a.Suggest != Stay && !dd.keep {
				must(j.SetLevel(d, a.ID, a.To, journal.LevelSuggested, false, at.Add(2*time.Second)))
			}
		}
		for m, lv := range dd.hand {
			must(j.SetLevel(d, m, lv, journal.LevelHand, false, at.Add(3*time.Second)))
		}
		levels := j.Levels(d)
		for k, m := range moves {
			lv := m.Start
			if l, ok := levels[m.ID]; ok {
				lv = l.Level
			}
			mAt := at.Add(time.Duration(k+1) * time.Minute)
			if kind, ok := dd.flags[m.ID]; ok {
				must(j.FlagMove(id, m.ID, kind, mAt))
				continue
			}
			must(j.MarkTimed(id, m.ID, lv, mAt))
		}
		if dd.after >= 0 {
			must(j.SavePain(id, journal.After, dd.after, at.Add(10*time.Minute)))
		}
		must(j.EndSession(id, journal.Finished, at.Add(10*time.Minute)))
	}
	return out, j
}

// advice returns the advice for move id.
func advice(t *testing.T, r Result, id string) Advice {
	t.Helper()
	for _, a := range r.Moves {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("%s: no advice for %s", r.Day, id)
	return Advice{}
}

// want is the advice expected for a move on a day.
type want struct {
	day     int
	move    string
	suggest Suggest
	level   int
	to      int
	why     string
}

func check(t *testing.T, res []Result, wants []want) {
	t.Helper()
	for _, w := range wants {
		a := advice(t, res[w.day], w.move)
		if a.Suggest != w.suggest || a.Level != w.level || a.To != w.to || a.Why != w.why {
			t.Errorf("day %d (%s) %s: %s %d→%d %q\nwant %s %d→%d %q", w.day, res[w.day].Day, w.move,
				a.Suggest, a.Level, a.To, a.Why, w.suggest, w.level, w.to, w.why)
		}
	}
}

// TestSteadyToleranceClimbsToTheTop: good days, suggestions accepted:
// one step every 3 sessions, up to the cap (curl) or the last step
// (birds), then no further.
func TestSteadyToleranceClimbsToTheTop(t *testing.T) {
	res, j := sim(t, both, Defaults(), repeat(35, good()))
	check(t, res, []want{
		{0, "curl", Stay, 2, 2, "Stay at level 2 (4-2-1): no session at this level yet."},
		{1, "curl", Stay, 2, 2, "Stay at level 2 (4-2-1): 1 of the 3 sessions a step up needs went well so far."},
		{2, "birds", Stay, 1, 1, "Stay at level 1: 2 of the 3 sessions a step up needs went well so far."},
		{3, "curl", Up, 2, 3, "3 sessions on 3 days went well at level 2 (4-2-1): ready for level 3 (5-3-1)?"},
		{3, "birds", Up, 1, 2, "3 sessions on 3 days went well at level 1: ready for level 2?"},
		{4, "curl", Stay, 3, 3, "Stay at level 3 (5-3-1): 1 of the 3 sessions a step up needs went well so far."},
		{6, "curl", Up, 3, 4, "3 sessions on 3 days went well at level 3 (5-3-1): ready for level 4 (6-4-2)?"},
		{9, "curl", Up, 4, 5, "3 sessions on 3 days went well at level 4 (6-4-2): ready for level 5 (7-5-3)?"},
		{9, "birds", Up, 3, 4, "3 sessions on 3 days went well at level 3: ready for level 4?"},
		{12, "curl", Stay, 5, 5, "3 sessions on 3 days went well at level 5 (7-5-3), the top level your routine sets: stay."},
		{12, "birds", Stay, 4, 4, "3 sessions on 3 days went well at level 4, its hardest level: stay."},
		{34, "curl", Stay, 5, 5, "3 sessions on 3 days went well at level 5 (7-5-3), the top level your routine sets: stay."},
	})
	for i, r := range res {
		if r.Flare || r.Safety || !r.NoUpUntil.IsZero() {
			t.Errorf("day %d: %+v", i, r)
		}
	}
	// The journal's history of the levels: one step every 3 days.
	h := j.LevelHistory(base, base.Add(34))
	var got []string
	for _, sp := range h["curl"] {
		got = append(got, fmt.Sprintf("%d:%d", sp.From.Sub(base), sp.Level.Level))
	}
	if s := strings.Join(got, " "); s != "3:3 6:4 9:5" {
		t.Errorf("curl's steps (day:step) %s, want 3:3 6:4 9:5", s)
	}
}

// TestStepsDown covers the reasons to step down, each after 20 good days
// (curl at 5, birds at 4 by then).
func TestStepsDown(t *testing.T) {
	run := func(last ...day) []Result {
		res, _ := sim(t, both, Defaults(), append(repeat(20, good()), last...))
		return res
	}
	t.Run("a flagged move steps down alone", func(t *testing.T) {
		res := run(day{before: 2, after: 3, flags: map[string]journal.FlagKind{"curl": journal.FlagHurts}}, good(), good())
		check(t, res, []want{
			{21, "curl", Down, 5, 4, "You flagged it as hurting yesterday: go back to level 4 (6-4-2)?"},
			{21, "birds", Stay, 4, 4, "3 sessions on 3 days went well at level 4, its hardest level: stay."},
			// Accepted: the count starts again at step 4.
			{22, "curl", Stay, 4, 4, "Stay at level 4 (6-4-2): 1 of the 3 sessions a step up needs went well so far."},
		})
	})
	t.Run("an after of 6 steps down", func(t *testing.T) {
		res := run(day{before: 2, after: 6}, good())
		check(t, res, []want{
			{21, "curl", Down, 5, 4, "The pain after the session yesterday was 6/10: go back to level 4 (6-4-2)?"},
			{21, "birds", Down, 4, 3, "The pain after the session yesterday was 6/10: go back to level 3?"},
		})
	})
	t.Run("a worse next morning steps down", func(t *testing.T) {
		res := run(good(), day{before: 4, after: 4, keep: true})
		check(t, res, []want{
			{21, "curl", Down, 5, 4, "The pain went from 2/10 before the session yesterday to 4/10 today: go back to level 4 (6-4-2)?"},
		})
	})
	t.Run("a declined step down stays suggested, the easiest level cannot go lower", func(t *testing.T) {
		easy := []Move{{ID: "curl", Levels: 7, Start: 1}}
		res, _ := sim(t, easy, Defaults(), []day{
			{before: 3, after: 3, flags: map[string]journal.FlagKind{"curl": journal.FlagHurts}},
			good(),
		})
		check(t, res, []want{{1, "curl", Stay, 1, 1, "You flagged it as hurting yesterday, and this is already the " +
			"easiest level: keep it gentle, leave it out, or ask your physiotherapist."}})
	})
	t.Run("the easier step for the rest of a day does not step down again", func(t *testing.T) {
		_, j := sim(t, both, Defaults(), append(repeat(20, good()), good()))
		d := base.Add(21)
		at := d.Start(time.UTC).Add(20 * time.Hour)
		id, err := j.StartSession(at, "default", nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, err := range []error{
			j.FlagMove(id, "curl", journal.FlagHurts, at.Add(time.Minute)),
			j.SetLevel(d, "curl", 4, journal.LevelHurt, true, at.Add(time.Minute)),
			j.MarkTimed(id, "curl", 4, at.Add(2*time.Minute)),
		} {
			if err != nil {
				t.Fatal(err)
			}
		}
		today := Evaluate(Read(j, d, both), Defaults())
		if a := advice(t, today, "curl"); a.Suggest != Stay || a.Level != 4 {
			t.Errorf("the same day: %+v", a)
		}
		next := Evaluate(Read(j, d.Add(1), both), Defaults())
		if a := advice(t, next, "curl"); a.Suggest != Down || a.Level != 5 || a.To != 4 ||
			a.Why != "You flagged it as hurting yesterday: go back to level 4 (6-4-2)?" {
			t.Errorf("the day after: %+v", a)
		}
	})
}

// TestFlareUp: a before of 7 is a flare-up: the bad-day routine is
// suggested and no step up for 7 days, then they come back.
func TestFlareUp(t *testing.T) {
	days := append(repeat(4, good()), day{before: 7, after: 5})
	days = append(days, repeat(9, good())...)
	res, _ := sim(t, both, Defaults(), days)
	if r := res[4]; !r.Flare || r.FlareWhy != "Pain before is 7/10 today, a flare-up: do the bad-day routine (the Big 3) "+
		"at its first levels, gently; no step up for 7 days." || r.Safety || r.NoUpUntil != base.Add(11) {
		t.Errorf("flare day: %+v", r)
	}
	for i := 5; i < 11; i++ {
		if r := res[i]; r.Flare || r.NoUpUntil != base.Add(11) {
			t.Errorf("day %d: %+v", i, r)
		}
	}
	check(t, res, []want{
		// The flare-up morning is also a worse next morning.
		{4, "curl", Down, 3, 2, "The pain went from 2/10 before the session yesterday to 7/10 today: go back to level 2 (4-2-1)?"},
		// By day 7 three sessions went well at level 2: no step up yet.
		{7, "curl", Stay, 2, 2, "3 sessions on 3 days went well at level 2 (4-2-1), but the pain before was 7/10 on Sat 5 Sep, " +
			"a flare-up: no step up until Sat 12 Sep."},
		{10, "birds", Stay, 1, 1, "3 sessions on 3 days went well at level 1, but the pain before was 7/10 on Sat 5 Sep, " +
			"a flare-up: no step up until Sat 12 Sep."},
		{11, "curl", Up, 2, 3, "3 sessions on 3 days went well at level 2 (4-2-1): ready for level 3 (5-3-1)?"},
	})
	if !res[11].NoUpUntil.IsZero() {
		t.Errorf("day 11 still blocked: %+v", res[11])
	}
}

// TestGapsAndMissingCheckInsNeverStepUp: sessions without check-ins, or
// too far apart for the next-morning check-in, never earn a step up.
func TestGapsAndMissingCheckInsNeverStepUp(t *testing.T) {
	t.Run("no pain after", func(t *testing.T) {
		res, _ := sim(t, both, Defaults(), repeat(32, day{before: 2, after: -1}))
		for i, r := range res {
			for _, a := range r.Moves {
				if a.Suggest != Stay || a.Level != map[string]int{"curl": 2, "birds": 1}[a.ID] {
					t.Fatalf("day %d: %+v", i, a)
				}
			}
		}
		check(t, res, []want{{31, "curl", Stay, 2, 2,
			"Stay at level 2 (4-2-1): the session yesterday lacks a pain check-in before or after."}})
	})
	t.Run("no pain before", func(t *testing.T) {
		res, _ := sim(t, both, Defaults(), repeat(32, day{before: -1, after: 2}))
		check(t, res, []want{{31, "birds", Stay, 1, 1,
			"Stay at level 1: the session yesterday lacks a pain check-in before or after."}})
	})
	t.Run("a session every fourth day", func(t *testing.T) {
		var days []day
		for i := range 36 {
			if i%4 == 0 {
				days = append(days, good())
			} else {
				days = append(days, day{skip: true})
			}
		}
		res, _ := sim(t, both, Defaults(), days)
		for i, r := range res {
			if a := advice(t, r, "curl"); a.Suggest != Stay || a.Level != 2 {
				t.Fatalf("day %d: %+v", i, a)
			}
		}
		check(t, res, []want{
			{35, "curl", Stay, 2, 2, "Stay at level 2 (4-2-1): no check-in followed the session on Sat 3 Oct within 2 days."},
			{1, "curl", Stay, 2, 2, "Stay at level 2 (4-2-1): the session yesterday counts once the next check-in " +
				"(the pain before the next session) is in."},
		})
	})
	t.Run("every other day still climbs", func(t *testing.T) {
		var days []day
		for i := range 31 {
			if i%2 == 0 {
				days = append(days, good())
			} else {
				days = append(days, day{skip: true})
			}
		}
		res, _ := sim(t, both, Defaults(), days)
		check(t, res, []want{
			{6, "curl", Up, 2, 3, "3 sessions on 3 days went well at level 2 (4-2-1): ready for level 3 (5-3-1)?"},
			{4, "curl", Stay, 2, 2, "Stay at level 2 (4-2-1): 2 of the 3 sessions a step up needs went well so far."},
			{5, "curl", Stay, 2, 2, "Stay at level 2 (4-2-1): the session yesterday counts once the next check-in " +
				"(the pain before the next session) is in."},
		})
	})
	t.Run("a long break", func(t *testing.T) {
		days := append(repeat(2, good()), repeat(14, day{skip: true})...)
		days = append(days, repeat(16, good())...)
		res, _ := sim(t, both, Defaults(), days)
		check(t, res, []want{
			{15, "curl", Stay, 2, 2, "Stay at level 2 (4-2-1): no session at this level in the last 10 days."},
			{17, "curl", Stay, 2, 2, "Stay at level 2 (4-2-1): 1 of the 3 sessions a step up needs went well so far."},
			{19, "curl", Up, 2, 3, "3 sessions on 3 days went well at level 2 (4-2-1): ready for level 3 (5-3-1)?"},
		})
	})
}

// TestNotGoodReasons: the ways a session fails to go well without
// stepping down, each with its reason.
func TestNotGoodReasons(t *testing.T) {
	p := Defaults()
	p.MaxAfter, p.DownNextRise = 4, 3
	res, _ := sim(t, both, p, append(repeat(30, good()), day{before: 1, after: 4}, day{before: 2, after: 5},
		day{before: 1, after: 2}, day{before: 3, after: 3}))
	check(t, res, []want{
		{31, "curl", Stay, 5, 5, "Stay at level 5 (7-5-3): the pain rose from 1/10 to 4/10 during the session yesterday."},
		{32, "curl", Stay, 5, 5, "Stay at level 5 (7-5-3): the pain after the session yesterday was 5/10, above 4."},
		{33, "curl", Stay, 5, 5, "Stay at level 5 (7-5-3): the pain went from 1/10 before the session yesterday to 3/10 today."},
	})
}

// TestOneSessionAStep: with Sessions at 1, each good day earns a step.
func TestOneSessionAStep(t *testing.T) {
	p := Defaults()
	p.Sessions = 1
	res, _ := sim(t, []Move{curl}, p, repeat(31, good()))
	check(t, res, []want{
		{1, "curl", Up, 2, 3, "1 session on 1 day went well at level 2 (4-2-1): ready for level 3 (5-3-1)?"},
		{2, "curl", Up, 3, 4, "1 session on 1 day went well at level 3 (5-3-1): ready for level 4 (6-4-2)?"},
		{30, "curl", Stay, 5, 5, "1 session on 1 day went well at level 5 (7-5-3), the top level your routine sets: stay."},
	})
}

// TestSafety: a before of 8 or a "nerve" flag today: the stop message and
// only the easiest levels.
func TestSafety(t *testing.T) {
	res, _ := sim(t, both, Defaults(), append(repeat(12, good()), day{before: 8, after: 8}))
	r := res[12]
	if !r.Safety || r.SafetyWhy != "Pain before is 8/10 today. Stop, and contact your surgeon or physiotherapist before "+
		"going on. If you move today, keep to the easiest levels." || !r.Flare {
		t.Errorf("safety: %+v", r)
	}
	check(t, res, []want{
		{12, "curl", Down, 5, 1, "Safety stop today: only the easiest level, level 1 (3-2-1)."},
		{12, "birds", Down, 4, 1, "Safety stop today: only the easiest level, level 1."},
	})

	_, j := sim(t, []Move{birds}, Defaults(), repeat(3, good()))
	d := base.Add(2)
	ss := j.Sessions(d, d)
	if err := j.FlagMove(ss[0].ID, "birds", journal.FlagNerve, d.Start(time.UTC).Add(9*time.Hour)); err != nil {
		t.Fatal(err)
	}
	r = Evaluate(Read(j, d, []Move{birds}), Defaults())
	if !r.Safety || r.Flare || r.SafetyWhy != "You noted numbness, tingling or weakness today. Stop, and contact your "+
		"surgeon or physiotherapist before going on. If you move today, keep to the easiest levels." {
		t.Errorf("nerve: %+v", r)
	}
	if a := r.Moves[0]; a.Suggest != Stay || a.To != 1 || a.Why != "Safety stop today: level 1 is the easiest level; no step up today." {
		t.Errorf("nerve, birds at 1: %+v", a)
	}
}

// TestAboveTheTopStepsDown: a level set by hand above the cap is
// suggested back down to it.
func TestAboveTheTopStepsDown(t *testing.T) {
	res, _ := sim(t, both, Defaults(), []day{{before: 2, after: 2, hand: map[string]int{"curl": 7}}, good()})
	check(t, res, []want{{1, "curl", Down, 7, 5, "Level 7 is above the top level your routine sets: go back to level 5 (7-5-3)?"}})
}

// TestTodaysBeforeFromTheCaller: a before given but not yet journalled
// counts as today's check-in.
func TestTodaysBeforeFromTheCaller(t *testing.T) {
	_, j := sim(t, both, Defaults(), repeat(3, good()))
	in := Read(j, base.Add(3), both)
	if a := advice(t, Evaluate(in, Defaults()), "curl"); a.Suggest != Stay || a.Good != 0 {
		t.Errorf("without today's before: %+v", a)
	}
	two, nine := 2, 9
	in.Before = &two
	if a := advice(t, Evaluate(in, Defaults()), "curl"); a.Suggest != Up || a.Good != 3 {
		t.Errorf("with today's before: %+v", a)
	}
	in.Before = &nine
	if r := Evaluate(in, Defaults()); !r.Safety || !r.Flare || *r.Before != 9 {
		t.Errorf("with a before of 9: %+v", r)
	}
}

// TestParams: the defaults are valid; nonsense is named.
func TestParams(t *testing.T) {
	if err := Defaults().Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		change func(*Params)
		want   string
	}{
		{func(p *Params) { p.Sessions = 0 }, "sessions for a step up is 0: want 1 to 10 sessions"},
		{func(p *Params) { p.MaxAfter = 11 }, "highest pain after is 11: want a pain from 0 to 10"},
		{func(p *Params) { p.Window = 61 }, "days the sessions must fall within is 61: want 1 to 60 days"},
	} {
		p := Defaults()
		c.change(&p)
		if err := p.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}
