package journal

import (
	"fmt"
	"time"
)

// Day is a civil date (year, month, day) with no time of day and no zone:
// the day a journal entry counts for. The zero Day means "no day"; it is
// earlier than every real day. Days are comparable with == and usable as
// map keys.
type Day struct {
	// n counts days so that 0001-01-01 is 1; 0 is the zero Day.
	n int32
}

// unixShift is the value of n for 1970-01-01.
const unixShift = 719163

// NewDay returns the day y-m-d; out-of-range months and days are
// normalised the way time.Date does (January 32 is February 1).
func NewDay(y int, m time.Month, d int) Day {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC) // a whole number of days from 1970
	return Day{n: int32(t.Unix()/86400) + unixShift}
}

// DayOf returns the local date of t in t's own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return NewDay(y, m, d)
}

// Today returns the day a checklist shown at now is for: the local date of
// now in now's location.
func Today(now time.Time) Day { return DayOf(now) }

// Start returns the first instant of the day in loc. It is usually midnight;
// on a day whose midnight is skipped by a clock change it is the moment the
// clocks jump.
func (d Day) Start(loc *time.Location) time.Time {
	y, m, dd := d.Date()
	t := time.Date(y, m, dd, 0, 0, 0, 0, loc)
	if DayOf(t) == d && DayOf(t.Add(-time.Second)).Before(d) {
		return t
	}
	// Midnight does not exist (or time.Date resolved it to the day before):
	// search for the first second that belongs to d. Clock changes happen
	// on whole seconds.
	lo := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Add(-36 * time.Hour).In(loc) // in an earlier day
	hi := time.Date(y, m, dd, 12, 0, 0, 0, loc)                                  // in d
	for hi.Sub(lo) > time.Second {
		mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
		if mid.Equal(lo) {
			mid = lo.Add(time.Second)
		}
		if DayOf(mid).Before(d) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// NextMidnight returns the first instant of the day after now's local date,
// in now's location: the moment a daily checklist should roll over. It is
// safe across clock changes (a day may last 23 or 25 hours, and on some
// zones' change days midnight itself does not exist).
func NextMidnight(now time.Time) time.Time {
	return DayOf(now).Add(1).Start(now.Location())
}

// IsZero reports whether d is the zero Day.
func (d Day) IsZero() bool { return d.n == 0 }

// Add returns the day n days after d (before d when n is negative).
func (d Day) Add(n int) Day { return Day{n: d.n + int32(n)} }

// Sub returns the number of days from e to d (d - e).
func (d Day) Sub(e Day) int { return int(d.n - e.n) }

// Before reports whether d is earlier than e.
func (d Day) Before(e Day) bool { return d.n < e.n }

// After reports whether d is later than e.
func (d Day) After(e Day) bool { return d.n > e.n }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Day) Compare(e Day) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// Date returns the year, month and day of d.
func (d Day) Date() (year int, month time.Month, day int) {
	return time.Unix(int64(d.n-unixShift)*86400, 0).UTC().Date()
}

// Weekday returns the day of the week of d.
func (d Day) Weekday() time.Weekday {
	w := (int(d.n-unixShift) + 4) % 7 // 1970-01-01 was a Thursday
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// WeekStart returns the Monday of d's ISO week (d itself on a Monday).
func (d Day) WeekStart() Day {
	return d.Add(-((int(d.Weekday()) + 6) % 7))
}

// String formats d as "2006-01-02"; the zero Day is "".
func (d Day) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Date()
	if y < 0 || y > 9999 {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
	}
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-',
		byte('0' + dd/10), byte('0' + dd%10),
	}
	return string(b[:])
}

// ParseDay parses a day written "2006-01-02".
func ParseDay(s string) (Day, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Day{}, fmt.Errorf("day %q: want YYYY-MM-DD", s)
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Day{}, fmt.Errorf("day %q: not a valid date", s)
	}
	return NewDay(y, time.Month(m), d), nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// MarshalText writes d as "2006-01-02".
func (d Day) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a day written "2006-01-02".
func (d *Day) UnmarshalText(b []byte) error {
	p, err := ParseDay(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
