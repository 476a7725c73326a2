package main

import (
	"fmt"
	"io"
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
	sel := addPlanFlags(fs)
	asJSON := fs.Bool("json", false, "print the steps and cues as JSON")
	if code, ok := parseFlags(fs, args, false, stderr); !ok {
		return code
	}
	_, p, ok := sel.plan(stderr, "plan")
	if !ok {
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
