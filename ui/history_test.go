package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/chart"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// historyNow is the fixed "now" of the history tests: Wednesday 25
// November 2026, 10:00 UTC.
var historyNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// historyDay is the day n days before historyNow's.
func historyDay(n int) journal.Day { return journal.DayOf(historyNow).Add(-n) }

// filledJournal writes a known past into a journal in a temp dir:
//
//	today (Wed 25)   2 moves              level 1
//	Tue 24           5 moves              level 2
//	Mon 23           9 moves              level 3
//	Sat 21           1 move, pain before 4
//	Thu 5            1 move, pain before 6 and after 3
//	Fri 16 Oct       3 moves (in the heat map, before the chart)
func filledJournal(t *testing.T, r *routine.Routine) *journal.Journal {
	t.Helper()
	j, err := journal.Open(t.TempDir(), journal.Options{Now: func() time.Time { return historyNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	at := func(n int) time.Time { return historyNow.AddDate(0, 0, -n) }
	ids := r.IDs()
	moves := map[int]int{0: 2, 1: 5, 2: 9, 4: 1, 20: 1, 40: 3}
	for n, count := range moves {
		for _, id := range ids[:count] {
			if err := j.MarkDone(historyDay(n), id, journal.Hand, "", at(n)); err != nil {
				t.Fatal(err)
			}
		}
	}
	pain := []struct {
		n      int
		before int
		after  int // -1: none
	}{{4, 4, -1}, {20, 6, 3}}
	for _, p := range pain {
		id, err := j.StartSession(at(p.n), "default", ids[:1])
		if err != nil {
			t.Fatal(err)
		}
		if err := j.SavePain(id, journal.Before, p.before, at(p.n)); err != nil {
			t.Fatal(err)
		}
		if p.after >= 0 {
			if err := j.SavePain(id, journal.After, p.after, at(p.n)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return j
}

type historyHarness struct {
	t       *testing.T
	j       *journal.Journal
	v       *historyView
	win     fyne.Window
	changes int
}

func newHistoryHarness(t *testing.T, j *journal.Journal) *historyHarness {
	t.Helper()
	test.NewTempApp(t)
	r := routine.Default()
	if j == nil {
		j = filledJournal(t, r)
	}
	h := &historyHarness{t: t, j: j}
	h.v = newHistoryView(j, r, historyOptions{
		now:          func() time.Time { return historyNow },
		weeklyTarget: func() int { return 2 },
		onTick: func(day journal.Day, id string, on bool) error {
			h.changes++
			if on {
				return j.MarkDone(day, id, journal.Hand, "", historyNow)
			}
			return j.MarkUndone(day, id, historyNow)
		},
	})
	h.win = test.NewTempWindow(t, h.v)
	h.win.Resize(fyne.NewSize(460, 1300))
	return h
}

func TestHistoryHeatMapCounts(t *testing.T) {
	h := newHistoryHarness(t, nil)
	m := h.v.heat
	if want := historyDay(0).WeekStart().Add(-77); dayOf(m.First) != want {
		t.Fatalf("first column starts %s, want %s", m.First, want)
	}
	want := map[int]int{0: 2, 1: 5, 2: 9, 4: 1, 20: 1, 40: 3}
	for n := 0; n < 80; n++ {
		if got := heatCount(m, historyDay(n)); got != want[n] {
			t.Errorf("%s: count %d, want %d", historyDay(n), got, want[n])
		}
	}
	// The rest of this week is still to come: not drawn.
	for n := 1; n <= 4; n++ {
		if got := heatCount(m, historyDay(-n)); got != -1 {
			t.Errorf("%s (to come): count %d, want -1", historyDay(-n), got)
		}
	}

	// The cells are shaded by level (widgets.TestHeatMapCells).
	if got := heatCount(m, historyDay(2)); chart.HeatLevel(got) != 3 {
		t.Errorf("9 moves: level %d, want 3", chart.HeatLevel(got))
	}
}

// heatCount is the count m shows for d.
func heatCount(m *widgets.HeatMap, d day) int { return m.Count(d.Sub(dayOf(m.First))) }

func TestHistoryStreakLabels(t *testing.T) {
	h := newHistoryHarness(t, nil)
	for _, c := range []struct{ got, want string }{
		{h.v.current.Text, "Current streak: 3 days"},
		{h.v.best.Text, "Best streak: 3 days"},
		// This week (Mon 23 to Wed 25) has 3 days ≥ 2; the week before
		// only Sat 21.
		{h.v.weekly.Text, "Weekly streak: 1 week in a row with ≥ 2 days (this week so far: 3 days)"},
	} {
		if c.got != c.want {
			t.Errorf("label %q, want %q", c.got, c.want)
		}
	}
}

func TestHistoryPainChart(t *testing.T) {
	h := newHistoryHarness(t, nil)
	days := h.v.chart.Days
	if len(days) != widgets.ChartDays || dayOf(days[len(days)-1].Date) != historyDay(0) {
		t.Fatalf("chart of %d days ending %v, want %d ending today", len(days), days[len(days)-1].Date, widgets.ChartDays)
	}
	// Day i of the chart is ChartDays-1-i days ago.
	if d := days[widgets.ChartDays-1-20]; d.PainBefore == nil || *d.PainBefore != 6 || d.PainAfter == nil || *d.PainAfter != 3 {
		t.Errorf("20 days ago: %+v, want pain 6 before and 3 after", d)
	}
	if d := days[widgets.ChartDays-1-2]; d.Moves != 9 {
		t.Errorf("2 days ago: %d moves, want 9", d.Moves)
	}
}

func TestHistoryBackfill(t *testing.T) {
	h := newHistoryHarness(t, nil)
	v := h.v
	if v.Selected() != historyDay(0) {
		t.Fatalf("selected %s at start, want today", v.Selected())
	}
	if !v.SelectDay(historyDay(1)) || v.Selected() != historyDay(1) {
		t.Fatalf("cannot select yesterday")
	}
	if got := v.fillTitle.Text; got != "Moves done on Tuesday 24 November" {
		t.Errorf("title %q", got)
	}
	ids := routine.Default().IDs()
	for i, c := range v.checks {
		if c.Checked != (i < 5) {
			t.Errorf("move %s shown checked %v on Tue (5 done)", ids[i], c.Checked)
		}
	}

	// Tick the 6th move on Tuesday, then untick the 1st.
	test.Tap(v.checks[5])
	if !h.j.Done(historyDay(1))[ids[5]] || h.changes != 1 {
		t.Errorf("tick: in journal %v, OnChange calls %d", h.j.Done(historyDay(1))[ids[5]], h.changes)
	}
	if got := heatCount(v.heat, historyDay(1)); got != 6 {
		t.Errorf("heat map not refreshed: %d moves on Tue", got)
	}
	test.Tap(v.checks[0])
	if h.j.Done(historyDay(1))[ids[0]] || h.changes != 2 {
		t.Errorf("untick: in journal %v, OnChange calls %d", h.j.Done(historyDay(1))[ids[0]], h.changes)
	}
	if h.j.Done(historyDay(0))[ids[5]] {
		t.Error("the tick went to today")
	}

	// The day buttons.
	names := []string{"Today", "Yesterday", "Mon 23", "Sun 22", "Sat 21", "Fri 20", "Thu 19"}
	for i, b := range v.dayButtons {
		if b.Text != names[i] {
			t.Errorf("day button %d reads %q, want %q", i, b.Text, names[i])
		}
	}
	test.Tap(v.dayButtons[6])
	if v.Selected() != historyDay(6) {
		t.Errorf("button %q selected %s", names[6], v.Selected())
	}
}

func TestHistoryOldDaysCannotBeBackfilled(t *testing.T) {
	h := newHistoryHarness(t, nil)
	v := h.v
	if v.SelectDay(historyDay(journal.BackfillDays)) || v.SelectDay(historyDay(-1)) {
		t.Error("a day 7 days ago or tomorrow was selected")
	}
	if v.Selected() != historyDay(0) {
		t.Errorf("selection moved to %s", v.Selected())
	}

	// Tapping an old cell only tells its count.
	tapDay := func(d journal.Day) {
		i := d.Sub(dayOf(v.heat.First))
		test.TapAt(v.heat, v.heat.CellPos(i/7, i%7).AddXY(4, 4))
	}
	tapDay(historyDay(20))
	if got := v.heatInfo.Text; got != "Thu 5 Nov: 1 move" {
		t.Errorf("info %q after tapping an old day", got)
	}
	if v.Selected() != historyDay(0) {
		t.Errorf("an old day got selected: %s", v.Selected())
	}
	// A recent cell selects it.
	tapDay(historyDay(2))
	if v.Selected() != historyDay(2) || !strings.HasPrefix(v.heatInfo.Text, "Mon 23 Nov: 9 moves") {
		t.Errorf("recent cell: selected %s, info %q", v.Selected(), v.heatInfo.Text)
	}
	// A cell still to come does nothing.
	tapDay(historyDay(-2))
	if v.Selected() != historyDay(2) {
		t.Errorf("a day to come was selected")
	}
}

func TestHistoryTickErrorReverts(t *testing.T) {
	// A journal loaded read-only refuses every tick.
	dir := t.TempDir()
	j, err := journal.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := newHistoryHarness(t, j)
	v := h.v
	test.Tap(v.checks[0])
	if v.checks[0].Checked {
		t.Error("the check stayed ticked after the journal refused it")
	}
	if got := v.fillError.Text(); !strings.Contains(got, journal.ErrReadOnly.Error()) {
		t.Errorf("error shown: %q", got)
	}
	if !errors.Is(j.MarkDone(historyDay(0), "x", journal.Hand, "", historyNow), journal.ErrReadOnly) {
		t.Error("the journal was not read-only: the test proves nothing")
	}
}

func TestHistorySetRoutine(t *testing.T) {
	h := newHistoryHarness(t, nil)
	h.v.SetRoutine(routine.Big3())
	if got, want := len(h.v.checks), len(routine.Big3().Moves); got != want {
		t.Errorf("%d checks, want %d", got, want)
	}
}

func TestHistoryGolden(t *testing.T) {
	h := newHistoryHarness(t, nil)
	h.v.SelectDay(historyDay(1))
	goldenMarkup(t, "history.xml", h.win.Canvas())
}

func TestHistoryShowRereads(t *testing.T) {
	h := newHistoryHarness(t, nil)
	h.v.Hide()
	id := routine.Default().IDs()[11]
	if err := h.j.MarkDone(historyDay(3), id, journal.Hand, "", historyNow); err != nil {
		t.Fatal(err)
	}
	h.v.Show()
	if got := heatCount(h.v.heat, historyDay(3)); got != 1 {
		t.Errorf("after Show: %d moves on Sun, want 1", got)
	}
	if got := h.v.current.Text; got != "Current streak: 5 days" { // Sat 21 to Wed 25
		t.Errorf("after Show: %q", got)
	}
}

// BenchmarkHistoryRefresh measures a refresh of the history view (what
// showing the tab costs) over a journal of two years of daily use.
func BenchmarkHistoryRefresh(b *testing.B) {
	test.NewTempApp(b)
	r := routine.Default()
	j, err := journal.Open(b.TempDir(), journal.Options{Now: func() time.Time { return historyNow }})
	if err != nil {
		b.Fatal(err)
	}
	defer j.Close()
	for n := 0; n < 730; n++ {
		at := historyNow.AddDate(0, 0, -n)
		id, err := j.StartSession(at, "default", r.IDs()[:6])
		if err != nil {
			b.Fatal(err)
		}
		for _, m := range r.IDs()[:6] {
			if err := j.MarkDone(journal.DayOf(at), m, journal.Timer, id, at); err != nil {
				b.Fatal(err)
			}
		}
		if err := j.SavePain(id, journal.Before, n%11, at); err != nil {
			b.Fatal(err)
		}
	}
	v := newHistoryView(j, r, historyOptions{now: func() time.Time { return historyNow },
		weeklyTarget: func() int { return 2 }})
	w := test.NewTempWindow(b, v)
	w.Resize(fyne.NewSize(460, 1300))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.Refresh()
	}
}

// TestHeatMapPlacesDaysAsTheReport: the heat map puts day i from its first
// Monday in column i/7, row i%7, where the report's calendar
// (chart.CalendarCell) puts the same day.
func TestHeatMapPlacesDaysAsTheReport(t *testing.T) {
	first := historyDay(0).WeekStart().Add(-7 * (widgets.HeatWeeks - 1))
	for i := 0; i < widgets.HeatWeeks*7; i++ {
		col, row := chart.CalendarCell(first, first.Add(i))
		if col != i/7 || row != i%7 {
			t.Errorf("day %d (%s): report cell (%d, %d), heat map (%d, %d)", i, first.Add(i), col, row, i/7, i%7)
		}
	}
}
