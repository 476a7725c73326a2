package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"
)

// levelsJournal writes three weeks of the Big 3 before historyNow: the
// curl-up begun at level 3 20 days ago, done each day; level 4 accepted 12
// days ago; flagged as hurting 4 days ago and done at level 3 for that
// day only, with a note; numbness flagged in the side planks yesterday.
func levelsJournal(t *testing.T) *journal.Journal {
	j, err := journal.Open(t.TempDir(), journal.Options{Now: func() time.Time { return historyNow }})
	must(t, err)
	t.Cleanup(func() { j.Close() })
	at := func(n int) time.Time { return historyNow.AddDate(0, 0, -n).Add(-time.Hour) }
	ids := routine.Big3().IDs()
	for n := 20; n >= 1; n-- {
		switch n {
		case 20:
			for _, id := range ids {
				must(t, j.SetLevel(historyDay(n), id, 3, journal.LevelStart, false, at(n)))
			}
		case 12:
			must(t, j.SetLevel(historyDay(n), "mcgill-curl-up", 4, journal.LevelSuggested, false, at(n)))
		}
		s, err := j.StartSession(at(n), "big3", ids)
		must(t, err)
		level := 3
		if n <= 12 {
			level = 4
		}
		if n == 4 {
			must(t, j.FlagMove(s, "mcgill-curl-up", journal.FlagHurts, at(n).Add(time.Minute)))
			must(t, j.SetLevel(historyDay(n), "mcgill-curl-up", 3, journal.LevelHurt, true, at(n).Add(time.Minute)))
			must(t, j.SaveNote(historyDay(n), s, "Stiff after gardening", at(n).Add(time.Minute)))
		}
		if n == 1 {
			must(t, j.FlagMove(s, "side-planks", journal.FlagNerve, at(n).Add(time.Minute)))
		}
		if n%5 != 0 { // a day off every five days
			must(t, j.MarkTimed(s, "mcgill-curl-up", level, at(n).Add(2*time.Minute)))
		}
		must(t, j.EndSession(s, journal.Finished, at(n).Add(3*time.Minute)))
	}
	return j
}

// History's levels: each day's level from the journal (the start, the
// step up, one easier day), the days done and flagged, what each move is
// at now, the flags and the note.
func TestHistoryLevels(t *testing.T) {
	test.NewTempApp(t)
	j := levelsJournal(t)
	r := routine.Big3().WithLevels(map[string]int{"mcgill-curl-up": 4, "side-planks": 3, "bird-dogs": 3})
	v := newHistoryView(j, r, historyOptions{now: func() time.Time { return historyNow },
		weeklyTarget: func() int { return 2 }})
	var line *widgets.LevelLine
	uitest.Walk(v.levels.grid, func(o fyne.CanvasObject) {
		if l, ok := o.(*widgets.LevelLine); ok && line == nil {
			line = l // the first move's: the curl-up
		}
	})
	if line == nil {
		t.Fatal("no level line")
	}
	days := line.Days()
	if len(days) != widgets.ChartDays {
		t.Fatalf("%d days, want %d", len(days), widgets.ChartDays)
	}
	for i, d := range days {
		n := widgets.ChartDays - 1 - i // days before historyNow
		want := widgets.LevelDay{Level: 4, Done: n >= 1 && n <= 20 && n%5 != 0, Flagged: n == 4}
		switch {
		case n > 20: // before the first level: the routine's start
			want.Level = r.Moves[0].StartLevel
		case n > 12, n == 4:
			want.Level = 3
		}
		if d != want {
			t.Errorf("%s: %+v, want %+v", historyDay(n), d, want)
		}
	}
	txt := textsIn(v.levels.obj)
	for _, want := range []string{
		"McGill Curl-Up · level 4 of 6 since 13 Nov (suggested)",
		"Side Planks · level 3 of 6 since 5 Nov (first start)",
		"Tue 24 Nov: numbness, tingling or weakness in Side Planks\nSat 21 Nov: McGill Curl-Up hurt",
		"Sat 21 Nov: Stiff after gardening",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("History does not say %q:\n%s", want, txt)
		}
	}
}

// TestHistoryLevelsGolden draws History's levels part (regenerate by
// deleting testdata/history-levels.png).
func TestHistoryLevelsGolden(t *testing.T) {
	uitest.FreshRenderCache()
	test.NewTempApp(t)
	j := levelsJournal(t)
	r := routine.Big3().WithLevels(map[string]int{"mcgill-curl-up": 4, "side-planks": 3, "bird-dogs": 3})
	v := newHistoryView(j, r, historyOptions{now: func() time.Time { return historyNow },
		weeklyTarget: func() int { return 2 }})
	w := test.NewTempWindow(t, v.levels.obj)
	w.Resize(fyne.NewSize(460, 560))
	test.AssertRendersToImage(t, "history-levels.png", w.Canvas())
}

// A level set for one day, long past, is not said as "today only": the
// level in force today is.
func TestLevelNowAfterADayOnly(t *testing.T) {
	m := routine.Move{ID: "curl", Name: "McGill Curl-Up", Level: 2, Levels: []routine.Level{{}, {}, {}}}
	today := journal.NewDay(2026, time.December, 7)
	past := journal.NewDay(2026, time.November, 16)
	for _, c := range []struct {
		name  string
		spans []levelSpan
		want  string
	}{
		{"only a day-only entry, long past", []levelSpan{{From: past, Level: journal.Level{Day: past, Level: 1, Src: srcHurt, Today: true}}},
			"level 2 of 3 (start)"},
		{"a day-only entry after a suggestion", []levelSpan{
			{From: past.Add(-3), Level: journal.Level{Day: past.Add(-3), Level: 2, Src: srcSuggested}},
			{From: past, Level: journal.Level{Day: past, Level: 1, Src: srcHurt, Today: true}}},
			"level 2 of 3 since 13 Nov (suggested)"},
		{"a day-only entry of today", []levelSpan{{From: today, Level: journal.Level{Day: today, Level: 1, Src: srcHurt, Today: true}}},
			"level 2 of 3 today only (after it hurt)"},
	} {
		if got := levelNow(m, c.spans, today); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
