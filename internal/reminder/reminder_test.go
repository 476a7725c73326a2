package reminder

import (
	"testing"
	"time"

	"spineroutine/internal/journal"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("no time zone data for %s: %v", name, err)
	}
	return loc
}

// at is the wall-clock time y-m-d h:min in loc.
func at(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in      string
		want    Clock
		wantErr bool
	}{
		{"18:00", Clock{18, 0}, false},
		{"7:05", Clock{7, 5}, false},
		{" 00:00 ", Clock{0, 0}, false},
		{"23:59", Clock{23, 59}, false},
		{"24:00", Clock{}, true},
		{"18:60", Clock{}, true},
		{"18", Clock{}, true},
		{"18:5", Clock{}, true},
		{"six:00", Clock{}, true},
	}
	for _, tc := range tests {
		got, err := ParseClock(tc.in)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
		if err == nil {
			if back, _ := ParseClock(got.String()); back != got {
				t.Errorf("ParseClock(%q).String() = %q does not read back", tc.in, got.String())
			}
		}
	}
}

func TestDefaultIsOff(t *testing.T) {
	d := Default()
	if d.Enabled || d.KeepInTray || d.Autostart {
		t.Errorf("Default() = %+v: every feature must be off", d)
	}
	if next, ok := d.Next(time.Now()); ok {
		t.Errorf("Default().Next = %v, want no reminder", next)
	}
}

// TestCheck walks a week of checks with a fake clock: which day, whether
// something was done, the time, and reminders already fired.
func TestCheck(t *testing.T) {
	loc := zone(t, "Europe/London")
	weekdays := Weekdays(0)
	for d := time.Monday; d <= time.Friday; d++ {
		weekdays = weekdays.With(d, true)
	}
	s := Settings{Enabled: true, At: Clock{18, 0}, Days: weekdays}
	// 2026-11-23 is a Monday.
	tests := []struct {
		name      string
		s         Settings
		now, last time.Time
		done      int
		wantFire  bool
		wantNext  time.Time
	}{
		{"before the time", s, at(loc, 2026, 11, 23, 17, 59), time.Time{}, 0,
			false, at(loc, 2026, 11, 23, 18, 0)},
		{"at the time, nothing done", s, at(loc, 2026, 11, 23, 18, 0), time.Time{}, 0,
			true, at(loc, 2026, 11, 24, 18, 0)},
		{"later the same evening, app just started", s, at(loc, 2026, 11, 23, 21, 30), time.Time{}, 0,
			true, at(loc, 2026, 11, 24, 18, 0)},
		{"already fired today", s, at(loc, 2026, 11, 23, 18, 1), at(loc, 2026, 11, 23, 18, 0), 0,
			false, at(loc, 2026, 11, 24, 18, 0)},
		{"fired yesterday, due again today", s, at(loc, 2026, 11, 24, 18, 0), at(loc, 2026, 11, 23, 18, 0), 0,
			true, at(loc, 2026, 11, 25, 18, 0)},
		{"a move done today: no reminder", s, at(loc, 2026, 11, 23, 18, 0), time.Time{}, 1,
			false, at(loc, 2026, 11, 24, 18, 0)},
		{"Friday's reminder, next is Monday", s, at(loc, 2026, 11, 27, 18, 0), time.Time{}, 0,
			true, at(loc, 2026, 11, 30, 18, 0)},
		{"Saturday is not chosen", s, at(loc, 2026, 11, 28, 18, 30), time.Time{}, 0,
			false, at(loc, 2026, 11, 30, 18, 0)},
		{"after midnight, yesterday's missed reminder does not fire", s, at(loc, 2026, 11, 24, 0, 5), time.Time{}, 0,
			false, at(loc, 2026, 11, 24, 18, 0)},
		{"disabled", Settings{At: Clock{18, 0}, Days: EveryDay}, at(loc, 2026, 11, 23, 18, 0), time.Time{}, 0,
			false, time.Time{}},
		{"no day chosen", Settings{Enabled: true, At: Clock{18, 0}}, at(loc, 2026, 11, 23, 18, 0), time.Time{}, 0,
			false, time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.s.Check(tc.now, tc.last, tc.done)
			if got.Fire != tc.wantFire || !got.Next.Equal(tc.wantNext) {
				t.Errorf("Check(%v) = fire %v, next %v; want fire %v, next %v",
					tc.now, got.Fire, got.Next, tc.wantFire, tc.wantNext)
			}
		})
	}
}

// TestNextAcrossClockChanges: on the days the clocks change, the reminder
// stays at its wall-clock time (the day lasts 23 or 25 hours), and a time
// skipped or repeated by the change gives exactly one reminder that day.
func TestNextAcrossClockChanges(t *testing.T) {
	london, newYork := zone(t, "Europe/London"), zone(t, "America/New_York")
	tests := []struct {
		name  string
		at    Clock
		from  time.Time
		want  []time.Time // the next reminders, in order
		hours []float64   // the time between them
	}{{
		// London: 2026-03-29 01:00 GMT becomes 02:00 BST.
		name:  "London spring forward, 18:00",
		at:    Clock{18, 0},
		from:  at(london, 2026, 3, 28, 12, 0),
		want:  []time.Time{at(london, 2026, 3, 28, 18, 0), at(london, 2026, 3, 29, 18, 0), at(london, 2026, 3, 30, 18, 0)},
		hours: []float64{23, 24},
	}, {
		// London: 2026-10-25 02:00 BST becomes 01:00 GMT.
		name:  "London fall back, 18:00",
		at:    Clock{18, 0},
		from:  at(london, 2026, 10, 24, 12, 0),
		want:  []time.Time{at(london, 2026, 10, 24, 18, 0), at(london, 2026, 10, 25, 18, 0), at(london, 2026, 10, 26, 18, 0)},
		hours: []float64{25, 24},
	}, {
		// New York: 2026-03-08 02:00 EST becomes 03:00 EDT; 02:30 does not exist.
		name: "New York spring forward, skipped 02:30",
		at:   Clock{2, 30},
		from: at(newYork, 2026, 3, 7, 12, 0),
		want: []time.Time{
			at(newYork, 2026, 3, 8, 3, 30), // as long after midnight as 02:30 is
			at(newYork, 2026, 3, 9, 2, 30),
		},
		hours: []float64{23},
	}, {
		// New York: 2026-11-01 02:00 EDT becomes 01:00 EST; 01:30 happens twice.
		name: "New York fall back, repeated 01:30",
		at:   Clock{1, 30},
		from: at(newYork, 2026, 10, 31, 12, 0),
		want: []time.Time{
			time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC), // the first 01:30 (EDT)
			at(newYork, 2026, 11, 2, 1, 30),
		},
		hours: []float64{25},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Settings{Enabled: true, At: tc.at, Days: EveryDay}
			cur := tc.from
			var got []time.Time
			for range tc.want {
				next, ok := s.Next(cur)
				if !ok {
					t.Fatalf("Next(%v): none", cur)
				}
				got = append(got, next)
				cur = next
			}
			for i := range tc.want {
				if !got[i].Equal(tc.want[i]) {
					t.Errorf("reminder %d = %v, want %v", i, got[i], tc.want[i])
				}
			}
			for i, h := range tc.hours {
				if d := got[i+1].Sub(got[i]).Hours(); d != h {
					t.Errorf("between reminders %d and %d: %v h, want %v h", i, i+1, d, h)
				}
			}
			// Checks every 10 minutes through each day, the change day
			// among them, fire once a day.
			for _, r := range got {
				fired, last := 0, time.Time{}
				day := journal.DayOf(r)
				for now := day.Start(r.Location()); journal.DayOf(now) == day; now = now.Add(10 * time.Minute) {
					if s.Check(now, last, 0).Fire {
						fired++
						last = now
					}
				}
				if fired != 1 {
					t.Errorf("checks through %v fired %d times, want once", day, fired)
				}
			}
		})
	}
}
