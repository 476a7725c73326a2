package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"spineroutine/internal/i18n"
	"spineroutine/internal/journal"
	"spineroutine/internal/report"
)

const reportUsage = "report [--data DIR] [--routine FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--paper a4|letter] [--lang en|de|es|fr] [--force] --out FILE.pdf"

func init() {
	register(command{
		name:    "report",
		usage:   reportUsage,
		summary: "write a PDF report of a period (default: the last 28 days) to take to your physiotherapist",
		run:     runReport,
	})
}

// reportNow is the clock of the report command; tests replace it.
var reportNow = time.Now

// runReport writes the report of the period to --out. It only reads the
// journal (no lock: it works while the app runs) and writes the PDF to a
// temporary file renamed over --out, which it replaces only when it is a
// report the app wrote, unless --force. The routine shown is --routine's,
// else the routine in use, as the window finds it (routineInUse). Its
// words are in --lang's language, else the language setting's, else the
// system's; its messages here are in English. Exit status: 0, 1 when the
// journal, the routine or the output fails, 2 on a usage error.
func runReport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("report", reportUsage, stderr)
	data := fs.String("data", "", "data `DIR` holding the journal (default: the app's storage directory)")
	routinePath := fs.String("routine", "", "the routine `FILE` to show as done now (default: the routine in use)")
	fromText := fs.String("from", "", "the first `DAY` of the period, YYYY-MM-DD (default: 27 days before --to)")
	toText := fs.String("to", "", "the last `DAY` of the period, YYYY-MM-DD (default: today)")
	paperText := fs.String("paper", "", "the paper, a4 or letter (default: from the locale, LC_PAPER or LANG)")
	langText := fs.String("lang", "", "the report's language, en, de, es or fr (default: the language setting, else the system's)")
	out := fs.String("out", "", "the PDF `FILE` to write (required)")
	force := fs.Bool("force", false, "replace --out even when it is not a report Spine Routine wrote")
	if code, ok := parseFlags(fs, args, false, stderr); !ok {
		return code
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "spineroutine report: "+format+"\n", a...)
		return code
	}
	if *out == "" {
		fmt.Fprintln(stderr, "spineroutine report: --out FILE.pdf is required")
		fs.Usage()
		return 2
	}
	var from, to journal.Day
	for _, f := range []struct {
		name, text string
		day        *journal.Day
	}{{"--from", *fromText, &from}, {"--to", *toText, &to}} {
		if f.text == "" {
			continue
		}
		d, err := journal.ParseDay(f.text)
		if err != nil {
			return fail(2, "%s %s is not a date: want YYYY-MM-DD, a day that exists", f.name, f.text)
		}
		*f.day = d
	}
	now := reportNow()
	from, to, err := report.Period(from, to, journal.Today(now))
	if err != nil {
		return fail(2, "%v", err)
	}
	paper := report.PaperFor(os.Getenv)
	if *paperText != "" {
		if paper, err = report.ParsePaper(*paperText); err != nil {
			return fail(2, "--%v", err)
		}
	}
	var lng i18n.Lang
	if *langText != "" {
		if lng, err = i18n.Parse(*langText); err != nil {
			return fail(2, "--lang: %v", err)
		}
	}
	if err := report.CheckOut(*out, *force); err != nil {
		return fail(1, "%v", err)
	}
	dir, err := dataFolder(*data, stderr)
	if err != nil {
		return fail(1, "%v", err)
	}
	saved := savedSettings(stderr, "report")
	r, err := routineInUse(dir, *routinePath, saved)
	if err != nil {
		return fail(1, "%v", err)
	}
	if lng == "" {
		lng = commandLanguage(saved, stderr, "report")
	}
	j, err := loadJournal(dir, stderr, "report")
	if err != nil {
		return fail(1, "%v", err)
	}
	rep, err := report.Build(j, r, from, to, now)
	if err != nil {
		return fail(1, "%v", err)
	}
	rep.Lang = lng
	if rep.Empty() {
		fmt.Fprintf(stderr, "spineroutine report: warning: no sessions in this period: the journal in %s holds no move done, "+
			"session or pain check-in from %s to %s; the report says so\n", dir, from, to)
	}
	if err := rep.Save(*out, paper); err != nil {
		return fail(1, "%v", err)
	}
	unprintable, err := rep.Unprintable()
	if err != nil {
		return fail(1, "%v", err)
	}
	for _, u := range unprintable {
		fmt.Fprintf(stderr, "spineroutine report: %s\n", u)
	}
	fmt.Fprintf(stdout, "wrote %s: %s to %s (%d of %d days with a move done), %s\n",
		*out, from, to, rep.DaysDone, rep.DayCount(), paper)
	return 0
}
