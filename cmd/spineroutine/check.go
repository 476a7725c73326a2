package main

import (
	"fmt"
	"io"
	"time"
)

func init() {
	register(command{
		name:    "check",
		usage:   "check FILE...",
		summary: "check routine files and print their length or every problem",
		run:     runCheck,
	})
}

// runCheck validates each routine file named in args. It prints
// "FILE: ok (N moves, MM:SS)" for a valid file and one "FILE:LINE: ..."
// line per problem otherwise, all on stdout. Exit status: 0 when every
// file is valid, 1 when any is not, 2 on a usage error.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check FILE...", stderr)
	if code, ok := parseFlags(fs, args, true, stderr); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "spineroutine check: name at least one routine file")
		fs.Usage()
		return 2
	}
	status := 0
	for _, path := range fs.Args() {
		r, err := loadRoutine(path)
		if err != nil {
			// Load's errors already read "FILE:LINE: ...", one per line.
			fmt.Fprintln(stdout, err)
			status = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: ok (%s, %s)\n", path, movesText(len(r.Moves)), minSec(r.Duration()))
	}
	return status
}

// minSec formats a duration as MM:SS, rounded to the second; minutes go
// past 59 rather than switching to hours.
func minSec(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// movesText is "1 move" or "n moves".
func movesText(n int) string {
	if n == 1 {
		return "1 move"
	}
	return fmt.Sprintf("%d moves", n)
}
