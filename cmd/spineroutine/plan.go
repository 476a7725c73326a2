package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"spineroutine/internal/schedule"
)

const planUsage = "plan [--routine FILE] [--moves id,id,...] [--json]"

func init() {
	register(command{
		name:    "plan",
		usage:   planUsage,
		summary: "print the timeline of a routine (steps; --json: steps and cues)",
		run:     runPlan,
	})
}

// runPlan prints the plan of the routine (the embedded default without
// --routine) for the chosen moves (all without --moves): a table, one line
// per step, then the total; or with --json the steps and cues. Exit status:
// 0 on success, 1 when the routine cannot be read or a move id is unknown,
// 2 on a usage error.
func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("plan", planUsage, stderr)
	path := fs.String("routine", "", "routine `FILE` (default: the built-in routine)")
	moves := fs.String("moves", "", "comma-separated move `ids` to keep, in any order (default: all)")
	asJSON := fs.Bool("json", false, "print the steps and cues as JSON")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "spineroutine plan: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	r, err := loadRoutine(*path)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	ids, err := splitMoves(r, *moves)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine plan: %v\n", err)
		return 1
	}
	p, err := schedule.NewPlan(r, ids)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine plan: %v\n", err)
		return 1
	}
	write := p.WriteTable
	if *asJSON {
		write = p.WriteJSON
	}
	if err := write(stdout); err != nil {
		fmt.Fprintf(stderr, "spineroutine plan: %v\n", err)
		return 1
	}
	return 0
}
