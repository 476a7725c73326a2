package chart

import (
	"testing"

	"spineroutine/internal/journal"
)

func TestHeatLevel(t *testing.T) {
	for _, tc := range []struct{ n, want int }{{-1, 0}, {0, 0}, {1, 1}, {3, 1}, {4, 2}, {7, 2}, {8, 3}, {12, 3}} {
		if got := HeatLevel(tc.n); got != tc.want {
			t.Errorf("HeatLevel(%d) = %d, want %d", tc.n, got, tc.want)
		}
	}
	for l := 1; l < HeatLevels; l++ {
		if HeatShade(l) <= HeatShade(l-1) {
			t.Errorf("level %d is not darker than level %d", l, l-1)
		}
	}
}

func TestPainBands(t *testing.T) {
	want := []int{0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2}
	for v, w := range want {
		if b := PainBands[w]; v < b.Low || v > b.High {
			t.Errorf("pain %d is not in band %s", v, b.Label)
		}
		top, bottom := BandEdges(w)
		if y := PainY(float64(v)); y < top || y > bottom {
			t.Errorf("pain %d at %.2f is outside its band %.2f..%.2f", v, y, top, bottom)
		}
	}
	// The bands tile the axis.
	prevTop := 1.0
	for b := range PainBands {
		top, bottom := BandEdges(b)
		if bottom != prevTop {
			t.Errorf("band %d starts at %.2f, the band below ends at %.2f", b, bottom, prevTop)
		}
		prevTop = top
	}
	if prevTop != 0 {
		t.Errorf("the bands end at %.2f, not at the top", prevTop)
	}
}

func TestCalendarCell(t *testing.T) {
	first := journal.NewDay(2026, 11, 4) // a Wednesday
	for _, tc := range []struct {
		d        journal.Day
		col, row int
	}{
		{first, 0, 2},
		{journal.NewDay(2026, 11, 2), 0, 0}, // its Monday
		{journal.NewDay(2026, 11, 8), 0, 6}, // its Sunday
		{journal.NewDay(2026, 11, 9), 1, 0}, // next Monday
		{journal.NewDay(2026, 12, 1), 4, 1}, // a Tuesday four weeks on
	} {
		if col, row := CalendarCell(first, tc.d); col != tc.col || row != tc.row {
			t.Errorf("%s: column %d row %d, want %d %d", tc.d, col, row, tc.col, tc.row)
		}
	}
}
