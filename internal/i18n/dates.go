package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// calendar is a language's words for the days and months, and the order
// its dates are written in.
type calendar struct {
	weekdays, shortWeekdays [7]string  // Sunday first, as time.Weekday
	months, shortMonths     [12]string // January first
	// date is "Monday 7 December" as fmt.Sprintf(date, weekday, day, month).
	date string
	// year is the long date with the year after it: fmt.Sprintf(year, date, year).
	year string
	// short is "7 Dec" as fmt.Sprintf(short, day, short month).
	short string
	// shortDay is "Mon 7 Dec" as fmt.Sprintf(shortDay, short weekday, short date).
	shortDay string
	// decimal is the decimal separator.
	decimal string
}

// calendars is the calendar of every shipped language (CLDR's wide and
// abbreviated formats).
var calendars = map[Lang]calendar{
	English: {
		weekdays:      [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		shortWeekdays: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August",
			"September", "October", "November", "December"},
		shortMonths: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		date:        "%s %d %s", year: "%s %d", short: "%d %s", shortDay: "%s %s", decimal: ".",
	},
	German: {
		weekdays:      [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		shortWeekdays: [7]string{"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."},
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
			"September", "Oktober", "November", "Dezember"},
		shortMonths: [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
		date:        "%s, %d. %s", year: "%s %d", short: "%d. %s", shortDay: "%s, %s", decimal: ",",
	},
	Spanish: {
		weekdays:      [7]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
		shortWeekdays: [7]string{"dom", "lun", "mar", "mié", "jue", "vie", "sáb"},
		months: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
			"septiembre", "octubre", "noviembre", "diciembre"},
		shortMonths: [12]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
		date:        "%s, %d de %s", year: "%s de %d", short: "%d %s", shortDay: "%s, %s", decimal: ",",
	},
	French: {
		weekdays:      [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		shortWeekdays: [7]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
			"septembre", "octobre", "novembre", "décembre"},
		shortMonths: [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		date:        "%s %d %s", year: "%s %d", short: "%d %s", shortDay: "%s %s", decimal: ",",
	},
}

// cal is l's calendar, English's for a language the app does not ship.
func (l Lang) cal() calendar {
	if c, ok := calendars[l]; ok {
		return c
	}
	return calendars[English]
}

// Weekday is the day's name: Monday, Montag, lunes, lundi.
func (l Lang) Weekday(d time.Weekday) string { return l.cal().weekdays[d%7] }

// ShortWeekday is the day's abbreviated name: Mon, Mo., lun, lun.
func (l Lang) ShortWeekday(d time.Weekday) string { return l.cal().shortWeekdays[d%7] }

// Month is the month's name: December, Dezember, diciembre, décembre.
func (l Lang) Month(m time.Month) string { return l.cal().months[(m+11)%12] }

// ShortMonth is the month's abbreviated name: Dec, Dez., dic, déc.
func (l Lang) ShortMonth(m time.Month) string { return l.cal().shortMonths[(m+11)%12] }

// Date is the day of t with its weekday, without the year: "Monday 7
// December", "Montag, 7. Dezember", "lunes, 7 de diciembre", "lundi 7 décembre".
func (l Lang) Date(t time.Time) string {
	c := l.cal()
	return fmt.Sprintf(c.date, l.Weekday(t.Weekday()), t.Day(), l.Month(t.Month()))
}

// LongDate is Date with the year: "Monday 7 December 2026", "Montag, 7.
// Dezember 2026", "lunes, 7 de diciembre de 2026", "lundi 7 décembre 2026".
func (l Lang) LongDate(t time.Time) string {
	return fmt.Sprintf(l.cal().year, l.Date(t), t.Year())
}

// ShortDate is the day of t in a few letters: "7 Dec", "7. Dez.", "7 dic", "7 déc.".
func (l Lang) ShortDate(t time.Time) string {
	return fmt.Sprintf(l.cal().short, t.Day(), l.ShortMonth(t.Month()))
}

// ShortDayDate is ShortDate after the abbreviated weekday: "Mon 7 Dec",
// "Mo., 7. Dez.", "lun, 7 dic", "lun. 7 déc.".
func (l Lang) ShortDayDate(t time.Time) string {
	return fmt.Sprintf(l.cal().shortDay, l.ShortWeekday(t.Weekday()), l.ShortDate(t))
}

// Decimal is f with prec digits after the language's decimal mark (prec
// -1: as few as say f exactly): "7.5" in English, "7,5" in German, Spanish
// and French. There is no grouping of thousands: the app's numbers (pain
// 0-10, seconds, minutes) stay small.
func (l Lang) Decimal(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if sep := l.cal().decimal; sep != "." {
		s = strings.Replace(s, ".", sep, 1)
	}
	return s
}
