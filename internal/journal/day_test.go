package journal

import (
	"encoding/json"
	"testing"
	"time"
	_ "time/tzdata" // the zones below must exist on any test machine
)

func mustLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func day(t testing.TB, s string) Day {
	t.Helper()
	d, err := ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseDay(t *testing.T) {
	for _, tc := range []struct {
		in  string
		ok  bool
		wd  time.Weekday
		mon string // WeekStart
	}{
		{"2026-11-23", true, time.Monday, "2026-11-23"},
		{"2026-11-29", true, time.Sunday, "2026-11-23"},
		{"2024-02-29", true, time.Thursday, "2024-02-26"},
		{"1970-01-01", true, time.Thursday, "1969-12-29"},
		{"1969-12-31", true, time.Wednesday, "1969-12-29"},
		{"0001-01-01", true, time.Monday, ""}, // WeekStart would be before year 1
		{"2025-02-29", false, 0, ""},
		{"2026-13-01", false, 0, ""},
		{"2026-00-10", false, 0, ""},
		{"2026-1-01", false, 0, ""},
		{"26-11-23xx", false, 0, ""},
		{"0000-01-01", false, 0, ""},
		{"", false, 0, ""},
	} {
		d, err := ParseDay(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseDay(%q) error %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if !tc.ok {
			continue
		}
		if d.String() != tc.in {
			t.Errorf("ParseDay(%q).String() = %q", tc.in, d)
		}
		if d.Weekday() != tc.wd {
			t.Errorf("%s.Weekday() = %v, want %v", d, d.Weekday(), tc.wd)
		}
		if tc.mon != "" && d.WeekStart().String() != tc.mon {
			t.Errorf("%s.WeekStart() = %s, want %s", d, d.WeekStart(), tc.mon)
		}
	}
}

func TestDayArithmetic(t *testing.T) {
	d := day(t, "2026-02-27")
	if got := d.Add(2).String(); got != "2026-03-01" {
		t.Errorf("Add(2) = %s", got)
	}
	if got := d.Add(-58).String(); got != "2025-12-31" {
		t.Errorf("Add(-58) = %s", got)
	}
	if got := day(t, "2027-01-01").Sub(d); got != 308 {
		t.Errorf("Sub = %d, want 308", got)
	}
	if !d.Before(d.Add(1)) || d.After(d.Add(1)) || d.Compare(d) != 0 || d.Add(1).Compare(d) != 1 {
		t.Error("ordering is wrong")
	}
	if (Day{}).String() != "" || !(Day{}).IsZero() || d.IsZero() {
		t.Error("zero Day is wrong")
	}
	if NewDay(2026, 1, 32) != day(t, "2026-02-01") {
		t.Error("NewDay does not normalise")
	}
	if b, err := json.Marshal(map[string]Day{"d": d}); err != nil || string(b) != `{"d":"2026-02-27"}` {
		t.Errorf("json = %s, %v", b, err)
	}
	var back Day
	if err := back.UnmarshalText([]byte("2026-11-23")); err != nil || back != day(t, "2026-11-23") {
		t.Errorf("UnmarshalText = %v, %v", back, err)
	}
}

func TestTodayUsesTheTimesZone(t *testing.T) {
	berlin, ny := mustLoc(t, "Europe/Berlin"), mustLoc(t, "America/New_York")
	at := time.Date(2026, 11, 24, 0, 30, 0, 0, berlin)
	if got := Today(at).String(); got != "2026-11-24" {
		t.Errorf("Today in Berlin = %s", got)
	}
	if got := Today(at.In(ny)).String(); got != "2026-11-23" {
		t.Errorf("Today in New York = %s", got)
	}
}

func TestNextMidnight(t *testing.T) {
	for _, tc := range []struct {
		zone string
		now  string // local wall time, RFC 3339 with offset
		want string
	}{
		{"Europe/Berlin", "2026-11-23T23:59:59+01:00", "2026-11-24T00:00:00+01:00"},
		{"Europe/Berlin", "2026-11-23T00:00:00+01:00", "2026-11-24T00:00:00+01:00"},
		// The night clocks go forward (23 h day) and back (25 h day).
		{"Europe/Berlin", "2026-03-29T01:30:00+01:00", "2026-03-30T00:00:00+02:00"},
		{"Europe/Berlin", "2026-03-28T12:00:00+01:00", "2026-03-29T00:00:00+01:00"},
		{"Europe/Berlin", "2026-10-25T02:30:00+01:00", "2026-10-26T00:00:00+01:00"},
		{"Europe/Berlin", "2026-10-24T22:00:00+02:00", "2026-10-25T00:00:00+02:00"},
		{"America/New_York", "2026-03-08T01:59:59-05:00", "2026-03-09T00:00:00-04:00"},
		{"America/New_York", "2026-11-01T01:30:00-05:00", "2026-11-02T00:00:00-05:00"},
		// Chile moves clocks at midnight: 2026-09-06 00:00 does not exist,
		// the day starts at 01:00 -03.
		{"America/Santiago", "2026-09-05T22:00:00-04:00", "2026-09-06T01:00:00-03:00"},
		{"America/Santiago", "2026-09-05T23:59:59-04:00", "2026-09-06T01:00:00-03:00"},
		// Beirut: 2026-03-29 00:00 does not exist either.
		{"Asia/Beirut", "2026-03-28T23:00:00+02:00", "2026-03-29T01:00:00+03:00"},
	} {
		loc := mustLoc(t, tc.zone)
		now, err := time.Parse(time.RFC3339, tc.now)
		if err != nil {
			t.Fatal(err)
		}
		now = now.In(loc)
		got := NextMidnight(now)
		if got.Format(time.RFC3339) != tc.want {
			t.Errorf("%s: NextMidnight(%s) = %s, want %s", tc.zone, tc.now, got.Format(time.RFC3339), tc.want)
		}
		if got.Location() != loc {
			t.Errorf("%s: location %v", tc.zone, got.Location())
		}
		if DayOf(got) != DayOf(now).Add(1) || DayOf(got.Add(-time.Second)) != DayOf(now) {
			t.Errorf("%s: %s is not the first second of the next day", tc.zone, got)
		}
	}
}
