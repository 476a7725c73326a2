package ui

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
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
	v       *HistoryView
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
	h.v = NewHistoryView(j, r, HistoryOptions{
		Now:          func() time.Time { return historyNow },
		WeeklyTarget: func() int { return 2 },
		OnChange:     func() { h.changes++ },
	})
	h.win = test.NewTempWindow(t, h.v)
	h.win.Resize(fyne.NewSize(460, 1300))
	return h
}

func TestHistoryHeatMapCounts(t *testing.T) {
	h := newHistoryHarness(t, nil)
	m := h.v.heat
	if want := historyDay(0).WeekStart().Add(-77); m.first != want {
		t.Fatalf("first column starts %s, want %s", m.first, want)
	}
	want := map[int]int{0: 2, 1: 5, 2: 9, 4: 1, 20: 1, 40: 3}
	for n := 0; n < 80; n++ {
		if got := m.count(historyDay(n)); got != want[n] {
			t.Errorf("%s: count %d, want %d", historyDay(n), got, want[n])
		}
	}
	// The rest of this week is still to come: not drawn.
	for n := 1; n <= 4; n++ {
		if got := m.count(historyDay(-n)); got != -1 {
			t.Errorf("%s (to come): count %d, want -1", historyDay(-n), got)
		}
	}

	// The cells are shaded by level, one hue: lighter to stronger.
	r := test.TempWidgetRenderer(t, m).(*heatRenderer)
	for n, level := range map[int]int{0: 1, 1: 2, 2: 3, 3: 0, 40: 1} {
		c := r.cells[historyDay(n).Sub(m.first)]
		if c.FillColor != heatShade(level) {
			t.Errorf("%s: fill %v, want level %d %v", historyDay(n), c.FillColor, level, heatShade(level))
		}
		if (level == 0) != (c.StrokeWidth > 0) {
			t.Errorf("%s: outline %v for level %d (only empty days are outlined)", historyDay(n), c.StrokeWidth, level)
		}
	}
	future := r.cells[historyDay(-1).Sub(m.first)]
	if future.Visible() {
		t.Error("a day to come is drawn")
	}
	if p := r.mark.Position(); p != m.cellPos(heatWeeks-1, 2).SubtractXY(2, 2) || !r.mark.Visible() {
		t.Errorf("today's outline at %v, visible %v", p, r.mark.Visible())
	}
}

func TestHeatLevels(t *testing.T) {
	for n, want := range map[int]int{0: 0, 1: 1, 3: 1, 4: 2, 7: 2, 8: 3, 12: 3} {
		if got := heatLevel(n); got != want {
			t.Errorf("heatLevel(%d) = %d, want %d", n, got, want)
		}
	}
}

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
	c := h.v.chart
	r := test.TempWidgetRenderer(t, c).(*chartRenderer)
	g := r.geom(c.Size())
	// Day i of the chart is chartDays-1-i days ago.
	type marks struct{ before, after, bar bool }
	want := map[int]marks{0: {false, false, true}, 1: {false, false, true}, 2: {false, false, true},
		4: {true, false, true}, 20: {true, true, true}}
	for i := 0; i < chartDays; i++ {
		n := chartDays - 1 - i
		w := want[n]
		got := marks{c.before[i].Visible(), c.after[i].Visible(), c.bars[i].Visible()}
		if got != w {
			t.Errorf("%s: markers %+v, want %+v", historyDay(n), got, w)
		}
	}
	centre := func(o fyne.CanvasObject) float32 { return o.Position().Y + o.Size().Height/2 }
	if y := centre(c.before[chartDays-1-20]); y != g.y(6) {
		t.Errorf("pain before 6 drawn at y %v, want %v", y, g.y(6))
	}
	if y := centre(c.after[chartDays-1-20]); y != g.y(3) {
		t.Errorf("pain after 3 drawn at y %v, want %v", y, g.y(3))
	}
	// Bars scale with the busiest day (9 moves two days ago).
	if hb, h2 := c.bars[chartDays-1-2].Size().Height, c.bars[chartDays-1-0].Size().Height; hb != movesH || math.Abs(float64(h2)-movesH*2.0/9) > 1e-3 {
		t.Errorf("bar heights %v and %v, want %v and %v", hb, h2, float32(movesH), float32(movesH)*2/9)
	}

	// The objects drawn: 2 filled circles (before), 1 hollow square (after).
	var circles, squares int
	for _, o := range r.Objects() {
		switch o := o.(type) {
		case *canvas.Circle:
			if o.Visible() {
				circles++
			}
		case *canvas.Rectangle:
			if o.Visible() && o.StrokeWidth > 0 && o.FillColor == afterColour() {
				t.Error("the after marker is filled")
			}
			if o.Visible() && o.StrokeWidth > 0 {
				squares++
			}
		}
	}
	if circles != 2 || squares != 1 {
		t.Errorf("%d circles and %d hollow squares drawn, want 2 and 1", circles, squares)
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
	if got := v.heat.count(historyDay(1)); got != 6 {
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
		i := d.Sub(v.heat.first)
		test.TapAt(v.heat, v.heat.cellPos(i/7, i%7).AddXY(cellSize/2, cellSize/2))
	}
	tapDay(historyDay(20))
	if got := v.HeatInfo(); got != "Thu 5 Nov: 1 move" {
		t.Errorf("info %q after tapping an old day", got)
	}
	if v.Selected() != historyDay(0) {
		t.Errorf("an old day got selected: %s", v.Selected())
	}
	// A recent cell selects it.
	tapDay(historyDay(2))
	if v.Selected() != historyDay(2) || !strings.HasPrefix(v.HeatInfo(), "Mon 23 Nov: 9 moves") {
		t.Errorf("recent cell: selected %s, info %q", v.Selected(), v.HeatInfo())
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
	if got := v.fillError.text(); !strings.Contains(got, journal.ErrReadOnly.Error()) {
		t.Errorf("error shown: %q", got)
	}
	if h.changes != 0 {
		t.Errorf("OnChange called %d times after a failed tick", h.changes)
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
	if got := h.v.heat.count(historyDay(3)); got != 1 {
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
	v := NewHistoryView(j, r, HistoryOptions{Now: func() time.Time { return historyNow }})
	w := test.NewTempWindow(b, v)
	w.Resize(fyne.NewSize(460, 1300))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.Refresh()
	}
}
