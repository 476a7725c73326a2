package ui

import (
	"time"

	"spineroutine/internal/schedule"
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

// dayWatch keeps the checklist's day and the session offered for resume
// on it. It wakes at midnight, and at least hourly: timers follow the
// monotonic clock, which stands still while the computer sleeps, so a
// timer set for midnight would be late by the length of a night's
// suspend.
type dayWatch struct {
	clock schedule.Clock
	post  func(func())
	day   day // the day of the checklist
	stop  func() bool
	// woke runs on the UI goroutine at each wake (midnight, or hourly).
	woke   func()
	resume *position // the interrupted session offered for resume
}

// newDayWatch starts the day at the clock's now; it wakes once armed.
func newDayWatch(clock schedule.Clock, post func(func()), woke func()) *dayWatch {
	return &dayWatch{clock: clock, post: post, day: dayOf(clock.Now()), woke: woke}
}

// arm schedules the next wake: the next midnight, within the hour.
func (w *dayWatch) arm() {
	w.close()
	now := w.clock.Now()
	d := min(nextMidnight(now).Sub(now), time.Hour)
	w.stop = w.clock.AfterFunc(d, func() {
		w.post(func() {
			w.arm()
			w.woke()
		})
	})
}

// close stops the wakes.
func (w *dayWatch) close() {
	if w.stop != nil {
		w.stop()
	}
}

// turn moves the day to today, and reports whether it changed.
func (w *dayWatch) turn() bool {
	today := dayOf(w.clock.Now())
	if today == w.day {
		return false
	}
	w.day = today
	return true
}
