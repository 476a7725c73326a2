package i18n

import (
	"testing"
	"time"
)

func TestDates(t *testing.T) {
	day := time.Date(2026, time.December, 7, 12, 0, 0, 0, time.UTC) // a Monday
	first := time.Date(2026, time.March, 1, 12, 0, 0, 0, time.UTC)  // a Sunday
	for _, tc := range []struct {
		lang                               Lang
		date, long, short, shortDay, march string
		sunday, shortSunday, shortMarch    string
	}{
		{English, "Monday 7 December", "Monday 7 December 2026", "7 Dec", "Mon 7 Dec", "Sunday 1 March", "Sunday", "Sun", "Mar"},
		{German, "Montag, 7. Dezember", "Montag, 7. Dezember 2026", "7. Dez.", "Mo., 7. Dez.", "Sonntag, 1. März", "Sonntag", "So.", "März"},
		{Spanish, "lunes, 7 de diciembre", "lunes, 7 de diciembre de 2026", "7 dic", "lun, 7 dic", "domingo, 1 de marzo", "domingo", "dom", "mar"},
		{French, "lundi 7 décembre", "lundi 7 décembre 2026", "7 déc.", "lun. 7 déc.", "dimanche 1 mars", "dimanche", "dim.", "mars"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			l := tc.lang
			for _, c := range []struct{ what, got, want string }{
				{"Date", l.Date(day), tc.date},
				{"LongDate", l.LongDate(day), tc.long},
				{"ShortDate", l.ShortDate(day), tc.short},
				{"ShortDayDate", l.ShortDayDate(day), tc.shortDay},
				{"Date of 1 March", l.Date(first), tc.march},
				{"Weekday(Sunday)", l.Weekday(time.Sunday), tc.sunday},
				{"ShortWeekday(Sunday)", l.ShortWeekday(time.Sunday), tc.shortSunday},
				{"ShortMonth(March)", l.ShortMonth(time.March), tc.shortMarch},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
				}
			}
		})
	}
}

func TestMonthsAndWeekdaysAllNamed(t *testing.T) {
	for _, l := range Supported {
		seen := map[string]bool{}
		for m := time.January; m <= time.December; m++ {
			if seen[l.Month(m)] || l.Month(m) == "" || l.ShortMonth(m) == "" {
				t.Errorf("%s: month %d named %q (short %q), empty or twice", l, m, l.Month(m), l.ShortMonth(m))
			}
			seen[l.Month(m)] = true
		}
		for d := time.Sunday; d <= time.Saturday; d++ {
			if seen[l.Weekday(d)] || l.ShortWeekday(d) == "" {
				t.Errorf("%s: weekday %d named %q (short %q), empty or twice", l, d, l.Weekday(d), l.ShortWeekday(d))
			}
			seen[l.Weekday(d)] = true
		}
	}
}

func TestDecimal(t *testing.T) {
	for _, tc := range []struct {
		lang Lang
		f    float64
		prec int
		want string
	}{
		{English, 7.5, 1, "7.5"}, {German, 7.5, 1, "7,5"}, {Spanish, 7.5, 1, "7,5"}, {French, 7.5, 1, "7,5"},
		{German, 3, 1, "3,0"}, {French, 2.25, 2, "2,25"}, {English, 4.46, 0, "4"}, {German, -1.5, 1, "-1,5"},
		{"pt", 7.5, 1, "7.5"}, {German, 1.5, -1, "1,5"}, {French, 10, -1, "10"}, {English, 0.25, -1, "0.25"},
	} {
		if got := tc.lang.Decimal(tc.f, tc.prec); got != tc.want {
			t.Errorf("%s.Decimal(%v, %d) = %q, want %q", tc.lang, tc.f, tc.prec, got, tc.want)
		}
	}
}
