package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// appID is the application ID of FyneApp.toml; the default data directory
// is derived from it.
const appID = "org.spineroutine.SpineRoutine"

// newFlags returns a flag set for a subcommand that reports errors and its
// usage on stderr instead of exiting.
func newFlags(c string, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: spineroutine %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// loadRoutine reads the routine at path, or returns the embedded default
// routine when path is empty.
func loadRoutine(path string) (*routine.Routine, error) {
	if path == "" {
		return routine.Default(), nil
	}
	return routine.Load(path)
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
