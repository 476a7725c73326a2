package ui

import (
	"os"
	"time"
)

// uiLang is the window's language: the one Fyne's lang picked from the
// environment (cmd sets LANGUAGE to the language chosen before the window
// starts).
func uiLang() windowLang { return windowLang(os.Getenv("LANGUAGE")) }

// windowLang stands in for i18n.Lang until internal/i18n is merged: the
// calls are those of its API, the words English.
type windowLang string

// Weekday is the day's name.
func (windowLang) Weekday(d time.Weekday) string { return d.String() }

// ShortWeekday is the day's abbreviated name.
func (windowLang) ShortWeekday(d time.Weekday) string { return d.String()[:3] }

// Month is the month's name.
func (windowLang) Month(m time.Month) string { return m.String() }

// ShortMonth is the month's abbreviated name.
func (windowLang) ShortMonth(m time.Month) string { return m.String()[:3] }

// Date is the day of t with its weekday, without the year.
func (windowLang) Date(t time.Time) string { return t.Format("Monday 2 January") }

// ShortDate is the day of t in a few letters.
func (windowLang) ShortDate(t time.Time) string { return t.Format("2 Jan") }

// ShortDayDate is ShortDate after the abbreviated weekday.
func (windowLang) ShortDayDate(t time.Time) string { return t.Format("Mon 2 Jan") }
