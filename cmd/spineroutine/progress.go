package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"spineroutine/internal/appdata"
	"spineroutine/internal/journal"
	"spineroutine/internal/progress"
	"spineroutine/internal/routine"
)

const progressUsage = "progress [--data DIR] [--routine FILE] [--day YYYY-MM-DD] [--json]"

func init() {
	register(command{
		name:    "progress",
		usage:   progressUsage,
		summary: "print today's suggestions per move (step up, stay, step down) with their reasons, from the journal",
		run:     runProgress,
	})
}

// progressNow is the clock of the progress command; tests replace it.
var progressNow = time.Now

// runProgress prints the progression rule's suggestions for the moves of
// the routine in use (or --routine's) as of --day (today by default), with
// the rule's numbers saved in Settings: a table, or JSON. Like log, it only
// reads the journal, without the lock. Exit status: 0, 1 when the routine
// or the journal cannot be read, 2 on a usage error.
func runProgress(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("progress", progressUsage, stderr)
	data := fs.String("data", "", "data `DIR` holding the journal (default: the app's storage directory)")
	routinePath := fs.String("routine", "", "routine `FILE` (default: the routine in use, chosen in the window)")
	dayFlag := fs.String("day", "", "the `day` to suggest for, YYYY-MM-DD (default: today)")
	asJSON := fs.Bool("json", false, "print JSON")
	if code, ok := parseFlags(fs, args, false, stderr); !ok {
		return code
	}
	day := journal.Today(progressNow())
	if *dayFlag != "" {
		d, err := journal.ParseDay(*dayFlag)
		if err != nil {
			fmt.Fprintf(stderr, "spineroutine progress: --day %q: want YYYY-MM-DD\n", *dayFlag)
			return 2
		}
		day = d
	}
	dir, err := dataFolder(*data, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "spineroutine progress:", err)
		return 1
	}
	saved := savedSettings(stderr, "progress")
	r, err := routineInUse(dir, *routinePath, saved)
	if err != nil {
		fmt.Fprintln(stderr, "spineroutine progress:", err)
		return 1
	}
	j, err := loadJournal(dir, stderr, "progress")
	if err != nil {
		fmt.Fprintln(stderr, "spineroutine progress:", err)
		return 1
	}
	// The numbers of the rule saved in Settings → Suggestions, as the
	// window reads them.
	res := progress.Evaluate(progress.Read(j, day, progressMoves(r)), appdata.Progress(saved))
	if *asJSON {
		err = writeProgressJSON(stdout, res)
	} else {
		err = writeProgressText(stdout, r, res)
	}
	if err != nil {
		fmt.Fprintln(stderr, "spineroutine progress:", err)
		return 1
	}
	return 0
}

// progressMoves returns what the rule needs of the routine's moves, in
// routine order: the steps (a move without a ladder is one step), the
// start and top steps and the dose of each step.
func progressMoves(r *routine.Routine) []progress.Move {
	var out []progress.Move
	for _, m := range r.Moves {
		n := m.LevelCount()
		doses := make([]string, n)
		for i := range doses {
			doses[i] = doseText(m.AtLevel(i + 1))
		}
		out = append(out, progress.Move{ID: m.ID, Levels: n, Start: m.StartLevel, Top: m.TopLevel, Doses: doses})
	}
	return out
}

// doseText returns a move's dose in short: "5-3-1 × 10 s" for holds,
// "8 reps" for moving reps, with ", easier variant" when the level is
// done as the easier variant.
func doseText(m routine.Move) string {
	s := m.RepsText()
	if m.Tempo == nil && m.Hold > 0 {
		s = fmt.Sprintf("%s × %g s", s, m.Hold.Seconds())
	} else {
		s += " reps"
	}
	if m.EasierVariant() {
		s += ", easier variant"
	}
	return s
}

// progressJSON is the JSON form of the suggestions.
type progressJSON struct {
	Day    string             `json:"day"`
	Flare  bool               `json:"flare"`
	Safety bool               `json:"safety"`
	Moves  []progressMoveJSON `json:"moves"`
}

type progressMoveJSON struct {
	ID      string `json:"id"`
	Step    int    `json:"step"`
	Steps   int    `json:"steps"`
	Top     int    `json:"top"`
	Suggest string `json:"suggest"`
	Why     string `json:"why"`
}

func writeProgressJSON(w io.Writer, res progress.Result) error {
	out := progressJSON{Day: res.Day.String(), Flare: res.Flare, Safety: res.Safety, Moves: []progressMoveJSON{}}
	for _, a := range res.Moves {
		out.Moves = append(out.Moves, progressMoveJSON{ID: a.ID, Step: a.Level, Steps: a.Levels, Top: a.Top,
			Suggest: string(a.Suggest), Why: a.Why})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// writeProgressText prints the suggestions as a table, each reason on
// the line under its move, after the day's stop and flare-up messages.
func writeProgressText(w io.Writer, r *routine.Routine, res progress.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Suggestions for %s (guidance, not medical advice)\n", dayLabel(res.Day))
	if res.Before != nil {
		fmt.Fprintf(&b, "Pain before: %d/10\n", *res.Before)
	} else {
		b.WriteString("Pain before: no check-in yet that day\n")
	}
	// The stop stands above the flare-up, as in the window: a day of 8 is
	// not told to do the bad-day routine.
	msg := res.FlareWhy
	if res.Safety {
		msg = res.SafetyWhy
	}
	if msg != "" {
		fmt.Fprintf(&b, "\n%s\n", strings.Join(wrap(msg, reasonWidth+4), "\n"))
	}
	type row struct{ name, step, what, why string }
	rows := []row{{"MOVE", "LEVEL", "SUGGESTION", ""}}
	for _, a := range res.Moves {
		name := a.ID
		if m, ok := r.Find(a.ID); ok {
			name = m.Name
		}
		what := "stay"
		switch a.Suggest {
		case progress.Up:
			what = fmt.Sprintf("up to level %d", a.To)
		case progress.Down:
			what = fmt.Sprintf("down to level %d", a.To)
		}
		step := fmt.Sprintf("%d of %d", a.Level, a.Levels)
		if a.Top < a.Levels {
			step += fmt.Sprintf(" (top %d)", a.Top)
		}
		rows = append(rows, row{name, step, what, a.Why})
	}
	nameW, stepW := 0, 0
	for _, rw := range rows {
		nameW, stepW = max(nameW, utf8.RuneCountInString(rw.name)), max(stepW, len(rw.step))
	}
	b.WriteString("\n")
	for _, rw := range rows {
		fmt.Fprintf(&b, "%s%s  %-*s  %s\n", rw.name, strings.Repeat(" ", nameW-utf8.RuneCountInString(rw.name)),
			stepW, rw.step, rw.what)
		for _, line := range wrap(rw.why, reasonWidth) {
			fmt.Fprintf(&b, "    %s\n", line)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// reasonWidth is the width the reasons are wrapped to, in characters.
const reasonWidth = 88

// wrap breaks text into lines of at most width characters at spaces (a
// longer word gets a line of its own).
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
