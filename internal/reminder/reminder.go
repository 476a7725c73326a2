// Package reminder decides when Spine Routine reminds its user to do the
// daily routine: at a time of day, on the chosen days of the week, and only
// when nothing was done that day. It also writes the XDG autostart entry
// that starts the app in the system tray with the desktop (autostart.go).
// It is pure: the clock, what the journal says and the paths come from the
// caller. Every reminder feature is off by default.
package reminder

import (
	"fmt"
	"strings"
	"time"

	"spineroutine/internal/journal"
)

// Settings are the user's reminder choices.
type Settings struct {
	Enabled    bool     // remind at all
	At         Clock    // the time of day, on the local clock
	Days       Weekdays // the days of the week to remind on
	KeepInTray bool     // closing the window keeps the app running in the tray
	Autostart  bool     // start with the desktop, in the tray
}

// Default returns the settings before the user chooses: everything off; the
// reminder, once enabled, at 18:00 every day.
func Default() Settings {
	return Settings{At: Clock{Hour: 18}, Days: EveryDay}
}

// Clock is a time of day, to the minute.
type Clock struct{ Hour, Minute int }

// ParseClock reads "18:00" or "7:05" (24-hour clock).
func ParseClock(s string) (Clock, error) {
	var c Clock
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || len(m) != 2 || len(h) < 1 || len(h) > 2 {
		return c, fmt.Errorf("time %q: want hours:minutes, like 18:00", s)
	}
	if _, err := fmt.Sscanf(h+" "+m, "%d %d", &c.Hour, &c.Minute); err != nil ||
		c.Hour < 0 || c.Hour > 23 || c.Minute < 0 || c.Minute > 59 {
		return Clock{}, fmt.Errorf("time %q: want 0:00 to 23:59", s)
	}
	return c, nil
}

// String returns the time as "18:00".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// Weekdays is a set of days of the week (bit n is time.Weekday n).
type Weekdays uint8

// EveryDay is the set of all seven days.
const EveryDay Weekdays = 1<<7 - 1

// Has reports whether d is in the set.
func (w Weekdays) Has(d time.Weekday) bool { return w&(1<<d) != 0 }

// With returns the set with d added (on) or removed.
func (w Weekdays) With(d time.Weekday, on bool) Weekdays {
	if on {
		return w | 1<<d
	}
	return w &^ (1 << d)
}

// scheduled reports whether any reminder is due at all.
func (s Settings) scheduled() bool { return s.Enabled && s.Days&EveryDay != 0 }

// on returns the reminder instant of day d in loc: the clock time of that
// day. When a clock change skips that time (spring forward), it is as long
// after the day's first instant as the clock time says (01:30 skipped by a
// one-hour change: 02:30).
func (s Settings) on(d journal.Day, loc *time.Location) time.Time {
	y, m, dd := d.Date()
	t := time.Date(y, m, dd, s.At.Hour, s.At.Minute, 0, 0, loc)
	if journal.DayOf(t) != d || t.Hour() != s.At.Hour || t.Minute() != s.At.Minute {
		since := time.Duration(s.At.Hour)*time.Hour + time.Duration(s.At.Minute)*time.Minute
		t = d.Start(loc).Add(since)
	}
	return t
}

// Next returns the first reminder strictly after t, in t's location, and
// false when none is scheduled (reminders off, or no day chosen).
func (s Settings) Next(t time.Time) (time.Time, bool) {
	if !s.scheduled() {
		return time.Time{}, false
	}
	today := journal.DayOf(t)
	for i := 0; i <= 7; i++ {
		d := today.Add(i)
		if r := s.on(d, t.Location()); s.Days.Has(d.Weekday()) && r.After(t) {
			return r, true
		}
	}
	return time.Time{}, false // not reached: a chosen day comes within a week
}

// Decision is what the app does at a check.
type Decision struct {
	// Fire: show the reminder now.
	Fire bool
	// Next is when to check again for the next reminder (zero when none is
	// scheduled). The app should also check again after a suspend or a
	// clock change, e.g. once a minute.
	Next time.Time
}

// Check decides at now whether to remind: today is a chosen day, today's
// reminder time has come, no reminder fired since then (lastFired is
// before it; the zero time when none fired), and nothing was done today
// (doneToday moves). A reminder missed while the computer slept or the app
// was closed fires at the next check of the same day, never on a later day.
func (s Settings) Check(now, lastFired time.Time, doneToday int) Decision {
	var dec Decision
	if !s.scheduled() {
		return dec
	}
	dec.Next, _ = s.Next(now)
	today := journal.DayOf(now)
	if !s.Days.Has(today.Weekday()) || doneToday > 0 {
		return dec
	}
	due := s.on(today, now.Location())
	dec.Fire = !due.After(now) && lastFired.Before(due)
	return dec
}

// Message returns the notification's title and text for a routine of
// total moves.
func Message(total int) (title, text string) {
	if total == 1 {
		return "Time for your back routine", "Nothing done yet today: 1 move is waiting. Even that helps."
	}
	return "Time for your back routine",
		fmt.Sprintf("Nothing done yet today: %d moves are waiting. Even a few help.", total)
}
