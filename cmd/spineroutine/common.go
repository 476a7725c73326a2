package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"spineroutine/internal/appdata"
	"spineroutine/internal/figure"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// appID is the application ID of FyneApp.toml; the default data directory
// is derived from it.
const appID = "io.github.spineroutine.SpineRoutine"

// oldAppID is the application ID before 0.1.0, under which earlier versions
// kept their preferences and journal.
const oldAppID = "org.spineroutine.SpineRoutine"

// newFlags returns a flag set for a subcommand that reports errors and its
// usage on stderr instead of exiting.
func newFlags(c string, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: spineroutine %s\n", usage)
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprint(stderr, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// loadRoutine reads the routine at path, or returns the embedded default
// routine in the system's language (routineLang) when path is empty, the figures its moves name
// checked against the shipped pose library, as everywhere a routine is
// read.
func loadRoutine(path string) (*routine.Routine, error) {
	if path == "" {
		return routine.DefaultIn(routineLang(nil)), nil
	}
	return routine.Load(path, figure.Shipped())
}

// splitMoves parses a --moves value ("id,id,...") and checks every id
// against the routine.
func splitMoves(r *routine.Routine, value string) ([]string, error) {
	if strings.TrimSpace(value) == "" {
		return nil, nil
	}
	var ids []string
	for _, id := range strings.Split(value, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	if bad := r.Unknown(ids...); len(bad) > 0 {
		return nil, fmt.Errorf("unknown move id(s): %s\nvalid ids: %s",
			strings.Join(bad, ", "), strings.Join(r.IDs(), ", "))
	}
	return ids, nil
}

// dataDir returns the --data value, or the app's default storage root.
func dataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return journal.DefaultDir(appID)
}

// migrateData moves the preferences and journal kept under oldAppID to the
// default data directory of appID, once (see appdata.Migrate), unless a
// --data directory is given. It runs before the app reads its preferences.
// A failure leaves the old data where it is and is reported on stderr.
func migrateData(flagValue string, stderr io.Writer) {
	if flagValue != "" {
		return
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return // dataDir reports it
	}
	moved, err := appdata.Migrate(filepath.Join(cfg, "fyne"), oldAppID, appID)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine: warning: %v\n", err)
	} else if moved {
		fmt.Fprintf(stderr, "spineroutine: moved your data from %s to %s\n", oldAppID, appID)
	}
}

// dataFolder is the data directory of the --data flag (the default one
// when empty), after moving data kept under the old app ID there.
func dataFolder(dataFlag string, stderr io.Writer) (string, error) {
	migrateData(dataFlag, stderr)
	return dataDir(dataFlag)
}

// loadJournal reads the journal in dir without the lock (it works while
// the app runs), printing its warnings on stderr for command cmd.
func loadJournal(dir string, stderr io.Writer, cmd string) (*journal.Journal, error) {
	j, err := journal.Load(dir)
	if err != nil {
		return nil, err
	}
	for _, w := range j.Warnings() {
		fmt.Fprintf(stderr, "spineroutine %s: warning: %s\n", cmd, w)
	}
	return j, nil
}

// readJournal reads the journal of the --data flag's directory
// (dataFolder, then loadJournal).
func readJournal(dataFlag string, stderr io.Writer, cmd string) (*journal.Journal, error) {
	dir, err := dataFolder(dataFlag, stderr)
	if err != nil {
		return nil, err
	}
	return loadJournal(dir, stderr, cmd)
}

// levelsNow is the clock that says which day's levels plan uses; tests
// replace it.
var levelsNow = time.Now

// atJournalLevels returns r with each move at the level the journal in
// dir has for it today; the moves without one, or all of them when there
// is no journal, stay at their start level. A journal that cannot be read
// is reported on stderr and the start levels are used.
func atJournalLevels(r *routine.Routine, dir string, stderr io.Writer, cmd string) *routine.Routine {
	j, err := loadJournal(dir, stderr, cmd)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine %s: warning: %v; the start levels are used\n", cmd, err)
		return r
	}
	at := make(map[string]int)
	for id, l := range j.Levels(journal.Today(levelsNow())) {
		at[id] = l.Level
	}
	return r.WithLevels(at)
}

// parseFlags parses args into fs. When ok is false the command must end
// at once with code: 0 after -h (the usage was printed), 2 on a bad flag or,
// unless positional is true, on an unexpected argument.
func parseFlags(fs *flag.FlagSet, args []string, positional bool, stderr io.Writer) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if !positional && fs.NArg() > 0 {
		fmt.Fprintf(stderr, "spineroutine %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// planFlags are the --routine and --moves flags of the commands that work
// on a plan (plan, render), and --data for those that work on the
// person's routine in use at their levels of today, as the window does
// (nil: --routine's or the built-in routine at its start levels).
type planFlags struct {
	routine, moves, data *string
}

// addPlanFlags registers --routine and --moves on fs.
func addPlanFlags(fs *flag.FlagSet) planFlags {
	return planFlags{
		routine: fs.String("routine", "", "routine `FILE` (default: the built-in routine)"),
		moves:   fs.String("moves", "", "comma-separated move `ids` to keep, in any order (default: all)"),
	}
}

// routineOf loads the routine of the flags: without --data, --routine's
// or the built-in one; with it, --routine's or the routine in use
// (routineInUse), at the timings saved in Settings and the journal's
// levels of today, as the window runs it (without a data folder:
// --routine's or the built-in one at its start levels, with a warning).
func (f planFlags) routineOf(stderr io.Writer, cmd string) (*routine.Routine, error) {
	if f.data == nil {
		return loadRoutine(*f.routine)
	}
	dir, err := dataFolder(*f.data, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine %s: warning: %v; the start levels are used\n", cmd, err)
		return loadRoutine(*f.routine)
	}
	saved := savedSettings(stderr, cmd)
	r, err := routineInUse(dir, *f.routine, saved)
	if err != nil {
		return nil, err
	}
	return atJournalLevels(r.WithTimings(appdata.Timings(saved)), dir, stderr, cmd), nil
}

// plan loads the routine and expands the chosen moves. Errors are printed
// on stderr; ok is false when the command must end with exit status 1.
func (f planFlags) plan(stderr io.Writer, cmd string) (*routine.Routine, *schedule.Plan, bool) {
	r, err := f.routineOf(stderr, cmd)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, nil, false
	}
	ids, err := splitMoves(r, *f.moves)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine %s: %v\n", cmd, err)
		return nil, nil, false
	}
	p, err := schedule.NewPlan(r, ids)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine %s: %v\n", cmd, err)
		return nil, nil, false
	}
	return r, p, true
}
