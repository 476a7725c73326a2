// Package report makes the report a person takes to their physiotherapist
// or surgeon: a PDF whose first page is the summary a clinician reads in
// half a minute (days done out of the days of the period, the longest gap,
// sessions finished and stopped, a calendar of the period, pain before and
// after each session against the 0–2 / 3–5 / 6–10 bands, the averages of
// the first and the last week, and each move's days), followed by the
// Patient-Specific Functional Scale's ratings (start, latest, change, the
// average's change against the 2 points that matter), the routine as it
// is done now, a dated timeline of each move's level changes and a table
// of one line a day.
//
// Build reads the journal through the same query as the History tab
// (journal.Journal.Days: one fold, and only the days of the period, so a
// journal of thirty years costs no more than one of a month). WritePDF
// draws the report on A4 or US Letter in black and greys only (it prints
// in black and white); its text is set by internal/pdftext, the Go fonts
// embedded and the system's fonts for other scripts, so any name or note
// prints (Unprintable lists what no font has). The calendar's shades and
// the pain scale come from internal/chart, as the History tab's do.
//
// Its own words, dates, decimals and the scales' names are in the
// language of Report.Lang (English when unset): the messages of
// assets/lang/report.<lang>.json through internal/i18n. Names, notes and
// activities print as the person wrote them.
//
// The package has no Fyne import; cmd/spineroutine's report command and
// the History tab's button both use it.
package report
