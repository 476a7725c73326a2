package ui

import (
	"time"

	"spineroutine/ui/widgets"
)

// noon is noon of d in UTC, for formatting a day (and for the widgets,
// which take days as plain times).
func noon(d day) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 12, 0, 0, 0, time.UTC)
}

// chartDays is what the pain chart shows of days.
func chartDays(days []daySummary) []widgets.ChartDay {
	out := make([]widgets.ChartDay, len(days))
	for i, s := range days {
		out[i] = widgets.ChartDay{Date: noon(s.Date), PainBefore: s.PainBefore, PainAfter: s.PainAfter, Moves: len(s.Done)}
	}
	return out
}
