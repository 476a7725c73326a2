// Package chart holds the scales that the History tab's heat map and pain
// chart (ui/widgets) and the physiotherapist's report (internal/report)
// both draw with, so that the window and the printed page show a day the
// same way: how dark a day of the calendar is, where a pain value sits and
// which band it falls in. It draws nothing and has no Fyne import.
package chart

import "spineroutine/internal/journal"

// HeatLevels is the number of shades of the heat map, level 0 included.
const HeatLevels = 4

// HeatLevel is the shade of a day with n moves done: 0 none, 1 for 1–3,
// 2 for 4–7, 3 for 8 or more.
func HeatLevel(n int) int {
	switch {
	case n <= 0:
		return 0
	case n <= 3:
		return 1
	case n <= 7:
		return 2
	}
	return HeatLevels - 1
}

// HeatShade is how far a level's fill goes from the background (0) to
// the ink (1): the levels differ in lightness, not in hue, so they read
// for the colour-blind and in black and white. Level 1 is half way, so
// that a day with 1–3 moves stands clear of an empty one even in the dark
// theme (1.9:1; 1.4:1 at 30 %), each level at least 1.4:1 from the one
// below.
func HeatShade(level int) float64 {
	if level <= 0 {
		return 0
	}
	return [...]float64{0, 0.5, 0.75, 1}[min(level, HeatLevels-1)]
}

// HeatLabels name the levels' ranges, for legends.
var HeatLabels = [HeatLevels]string{"none", "1–3", "4–7", "8+"}

// Band is a range of pain values, inclusive.
type Band struct {
	Low, High int
	Label     string
}

// PainBands are the 0–2 / 3–5 / 6–10 bands of the pain-monitoring model
// (Silbernagel 2007): acceptable, take care, too much.
var PainBands = [3]Band{
	{0, 2, "0–2"},
	{3, 5, "3–5"},
	{6, journal.MaxPain, "6–10"},
}

// PainY is where pain v sits on a pain axis, as the fraction of its height
// from the top: 10 at 0, 0 at 1. Fractional values place band edges
// (2.5 is the edge between 0–2 and 3–5).
func PainY(v float64) float64 { return 1 - v/journal.MaxPain }

// BandEdges returns the top and bottom of band b on the pain axis as
// fractions of its height from the top: each band reaches halfway to its
// neighbours, the outer ones to the axis's ends.
func BandEdges(b int) (top, bottom float64) {
	lo, hi := float64(PainBands[b].Low)-0.5, float64(PainBands[b].High)+0.5
	lo, hi = max(lo, 0), min(hi, journal.MaxPain)
	return PainY(hi), PainY(lo)
}

// CalendarCell returns the column (week, 0 from the week of first) and
// row (0 Monday to 6 Sunday) of day d in a calendar whose first column is
// the week of first.
func CalendarCell(first, d journal.Day) (col, row int) {
	return d.WeekStart().Sub(first.WeekStart()) / 7, (int(d.Weekday()) + 6) % 7
}
