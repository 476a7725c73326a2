package report

import (
	"fmt"
	"sync"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
	"spineroutine/internal/journal"
)

// catalog is the report's words in every language, assets/lang/report.*.json
// (loaded once a process).
var catalog = sync.OnceValues(func() (*i18n.Messages, error) {
	return i18n.Catalog(assets.Lang, "lang/report")
})

// args fills a message's placeholders.
type args = map[string]any

// words are the report's words, dates and numbers in its language.
type words struct {
	*i18n.Texts
	lang i18n.Lang
}

// wordsIn is the report's words in l ("" is English).
func wordsIn(l i18n.Lang) (words, error) {
	if l == "" {
		l = i18n.English
	}
	c, err := catalog()
	if err != nil {
		return words{}, fmt.Errorf("report: the report's words: %w", err)
	}
	return words{Texts: c.In(l), lang: l}, nil
}

// longDate is "Sunday 1 November 2026" in the language.
func (w words) longDate(d journal.Day) string { return w.lang.LongDate(noon(d)) }

// shortDate is "Sun 1 Nov" in the language.
func (w words) shortDate(d journal.Day) string { return w.lang.ShortDayDate(noon(d)) }

// dayMonth is "1 Nov" in the language.
func (w words) dayMonth(d journal.Day) string { return w.lang.ShortDate(noon(d)) }

// decimal is v with one digit after the language's decimal mark.
func (w words) decimal(v float64) string { return w.lang.Decimal(v, 1) }

// days is "1 day" or "3 days" in the language.
func (w words) days(n int) string { return w.N("report.days", n, nil) }

// dated is "Sun 1 Nov: text".
func (w words) dated(d journal.Day, text string) string {
	return w.T("report.dated", args{"Date": w.shortDate(d), "Text": text})
}

// percent is "50 %" in the language.
func (w words) percent(n int) string { return w.T("report.percent", args{"Percent": n}) }
