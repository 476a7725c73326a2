// Package report makes the report a person takes to their physiotherapist
// or surgeon: a PDF whose first page is the summary a clinician reads in
// half a minute (days done out of the days of the period, the longest gap,
// sessions finished and stopped, a calendar of the period, pain before and
// after each session against the 0–2 / 3–5 / 6–10 bands, the averages of
// the first and the last week, and each move's days), followed by the
// routine as it is done now and a day-by-day table.
//
// Build reads the journal through the same query as the History tab
// (journal.Journal.Days: one fold, and only the days of the period, so a
// journal of thirty years costs no more than one of a month). WritePDF
// draws the report on A4 or US Letter with the Go fonts embedded, in black
// and greys only: it prints in black and white. The calendar's shades and
// the pain scale come from internal/chart, as the History tab's do.
//
// The package has no Fyne import; cmd/spineroutine's report command and
// the History tab's button both use it.
package report
