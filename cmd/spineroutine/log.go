package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"spineroutine/internal/journal"
)

const logUsage = "log [--data DIR] [--days N] [--json | --csv]"

func init() {
	register(command{
		name:    "log",
		usage:   logUsage,
		summary: "print what was done on the last days, newest first, and the streaks",
		run:     runLog,
	})
}

// logNow is the clock of the log command; tests replace it.
var logNow = time.Now

// maxLogDays bounds --days (ten years).
const maxLogDays = 3660

// runLog prints the journal of the last --days days, newest first: a table
// (default), JSON or CSV on stdout, warnings about the journal file on
// stderr. It only reads: it takes no lock, so it works while the app runs,
// and a missing data directory is an empty journal. Exit status: 0, 1 when
// the journal cannot be read, 2 on a usage error.
func runLog(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("log", logUsage, stderr)
	data := fs.String("data", "", "data `DIR` holding the journal (default: the app's storage directory)")
	days := fs.Int("days", 14, "number of days to show, today included")
	asJSON := fs.Bool("json", false, "print JSON")
	asCSV := fs.Bool("csv", false, "print CSV: one row per day and move done")
	if code, ok := parseFlags(fs, args, false, stderr); !ok {
		return code
	}
	switch {
	case *asJSON && *asCSV:
		fmt.Fprintln(stderr, "spineroutine log: choose one of --json and --csv")
		return 2
	case *days < 1 || *days > maxLogDays:
		fmt.Fprintf(stderr, "spineroutine log: --days %d: want 1 to %d\n", *days, maxLogDays)
		return 2
	}
	j, err := readJournal(*data, stderr, "log")
	if err != nil {
		fmt.Fprintln(stderr, "spineroutine log:", err)
		return 1
	}

	today := journal.Today(logNow())
	rep := logReport{
		today:   today,
		path:    j.Path(),
		days:    j.Days(today.Add(-(*days - 1)), today),
		streaks: j.Streaks(today, journal.DefaultWeeklyTarget),
		ratings: make(map[journal.Day][]journal.Rating),
	}
	for _, r := range j.Ratings(today) {
		rep.ratings[r.Day] = append(rep.ratings[r.Day], r)
	}
	switch {
	case *asJSON:
		err = rep.writeJSON(stdout)
	case *asCSV:
		err = rep.writeCSV(stdout)
	default:
		err = rep.writeText(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "spineroutine log:", err)
		return 1
	}
	return 0
}

// logReport is what the log command prints, in any format.
type logReport struct {
	today   journal.Day
	path    string
	days    []journal.DaySummary // newest first
	streaks journal.Streaks
	// ratings are the function ratings (Patient-Specific Functional
	// Scale) by day.
	ratings map[journal.Day][]journal.Rating
}

func (r logReport) writeText(w io.Writer) error {
	var b strings.Builder
	path := r.path
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		path += " (none yet)"
	}
	st := r.streaks
	fmt.Fprintf(&b, "Journal: %s\n", path)
	fmt.Fprintf(&b, "Today:   %s\n", dayLabel(r.today))
	fmt.Fprintf(&b, "Streak:  %s in a row (best %d); %s in a row with %d+ days (%d so far this week)\n",
		count(st.Current, "day", "days"), st.Best, count(st.Weeks, "week", "weeks"), st.WeeklyTarget, st.WeekDays)
	if !st.TodayDone && st.Current > 0 {
		fmt.Fprintln(&b, "         nothing done yet today: the streak holds until midnight")
	}
	b.WriteString("\n")
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Date\tMoves\tPain\tDone")
	anyHand, anyPain := false, false
	for _, d := range r.days {
		var moves []string
		for _, t := range d.Done {
			id := printable(t.Move)
			if t.Src == journal.Hand {
				id += "*"
				anyHand = true
			}
			moves = append(moves, id)
		}
		pain := painText(d)
		anyPain = anyPain || pain != ""
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", dayLabel(d.Date), len(d.Done), pain, strings.Join(moves, ", "))
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(table.String(), "\n") {
		b.WriteString(strings.TrimRight(line, " \n"))
		if line != "" {
			b.WriteString("\n")
		}
	}
	if anyHand || anyPain {
		b.WriteString("\n")
	}
	if anyHand {
		b.WriteString("* ticked by hand; the others were completed with the timer.\n")
	}
	if anyPain {
		b.WriteString("Pain: 0 (none) to 10, before -> after a session.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func dayLabel(d journal.Day) string {
	return d.Weekday().String()[:3] + " " + d.String()
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func painText(d journal.DaySummary) string {
	if d.PainBefore == nil && d.PainAfter == nil {
		return ""
	}
	v := func(p *int) string {
		if p == nil {
			return "?"
		}
		return strconv.Itoa(*p)
	}
	return v(d.PainBefore) + " -> " + v(d.PainAfter)
}

type logOutput struct {
	Today          string         `json:"today"`
	StreakDays     int            `json:"streak_days"`
	BestStreakDays int            `json:"best_streak_days"`
	WeeksStreak    int            `json:"weeks_streak"`
	Journal        string         `json:"journal"`
	Days           []logOutputDay `json:"days"`
}

type logOutputDay struct {
	Date       string   `json:"date"`
	Done       []string `json:"done"`
	PainBefore *int     `json:"pain_before,omitempty"`
	PainAfter  *int     `json:"pain_after,omitempty"`
	// Function is the day's ratings of the Patient-Specific Functional
	// Scale, in journal order.
	Function []logRating `json:"function,omitempty"`
}

// logRating is a function rating: an activity and its 0-10 score.
type logRating struct {
	Activity string `json:"activity"`
	Score    int    `json:"score"`
}

func (r logReport) writeJSON(w io.Writer) error {
	out := logOutput{
		Today:          r.today.String(),
		StreakDays:     r.streaks.Current,
		BestStreakDays: r.streaks.Best,
		WeeksStreak:    r.streaks.Weeks,
		Journal:        r.path,
		Days:           make([]logOutputDay, 0, len(r.days)),
	}
	for _, d := range r.days {
		day := logOutputDay{
			Date:       d.Date.String(),
			Done:       d.Moves(),
			PainBefore: d.PainBefore,
			PainAfter:  d.PainAfter,
		}
		for _, r := range r.ratings[d.Date] {
			day.Function = append(day.Function, logRating{Activity: r.Activity, Score: r.Score})
		}
		out.Days = append(out.Days, day)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeCSV writes one row per day and move done, newest day first, and a
// day's pain check-ins only on its first row (a day with pain and no move
// has a row of its own).
func (r logReport) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"date", "move", "source", "pain_before", "pain_after"})
	pain := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	for _, d := range r.days {
		before, after := pain(d.PainBefore), pain(d.PainAfter)
		if len(d.Done) == 0 && (before != "" || after != "") {
			cw.Write([]string{d.Date.String(), "", "", before, after})
		}
		for _, t := range d.Done {
			cw.Write([]string{d.Date.String(), csvCell(t.Move), csvCell(string(t.Src)), before, after})
			before, after = "", ""
		}
	}
	cw.Flush()
	return cw.Error()
}

// printable escapes the characters of s that a terminal would act on or
// not show (control characters such as ESC, invisible format characters)
// the way Go quotes them: "\x1b[31m" prints as \x1b[31m. Journal text is
// data, not terminal commands.
func printable(s string) string {
	if !strings.ContainsFunc(s, notShown) {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if notShown(c) {
			q := strconv.QuoteRuneToASCII(c)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func notShown(c rune) bool { return !unicode.IsPrint(c) && c != ' ' }

// csvCell makes journal text safe in a spreadsheet: control characters
// escaped, and a cell that a spreadsheet would run as a formula (starting
// with =, +, -, @) prefixed by an apostrophe.
func csvCell(s string) string {
	s = printable(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
