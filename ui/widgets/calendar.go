package widgets

import "time"

// Calendar names the days and months the charts show, in the window's
// language (internal/i18n's Lang is one).
type Calendar interface {
	ShortWeekday(time.Weekday) string
	ShortMonth(time.Month) string
	ShortDayDate(time.Time) string
}

// english is the calendar of a chart given none.
type english struct{}

func (english) ShortWeekday(d time.Weekday) string { return d.String()[:3] }
func (english) ShortMonth(m time.Month) string     { return m.String()[:3] }
func (english) ShortDayDate(t time.Time) string    { return t.Format("Mon 2 Jan") }

// calendarOr is c, or English when c is nil.
func calendarOr(c Calendar) Calendar {
	if c == nil {
		return english{}
	}
	return c
}
