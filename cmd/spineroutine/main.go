// Command spineroutine coaches a daily back-pain relief routine: a Fyne
// window with a giant countdown and spoken cues, plus command-line tools to
// check routine files, print the plan, render it to a WAV file and read the
// journal of what was done.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
)

// command is one subcommand of spineroutine. Each lives in its own file and
// registers itself in init.
type command struct {
	name    string
	usage   string // e.g. "check FILE..."
	summary string // one line for --help
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// register adds a subcommand; called from init functions.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("spineroutine: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// gcPercent is the garbage collector's target (GOGC), unless the GOGC
// variable sets one. Measured with the window counting down at 1280x800
// (3 rounds alternated, median RSS / CPU of a core, machine load ~20):
//
//	GOGC 100           189 MB  8.8 %
//	GOGC 50            181 MB  9.5 %
//	GOGC 25            175 MB  11.4 %
//	GOMEMLIMIT 120MiB  190 MB  9.5 %
//
// 50 keeps 8 MB less garbage at no CPU cost the noise can show; 25 costs
// CPU; a memory limit below the live heap only makes the GC run more.
const gcPercent = 50

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand, or to the GUI when the first argument is
// not a command name.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "-help", "--help":
			printHelp(stdout)
			return 0
		case "version", "-version", "--version":
			fmt.Fprintln(stdout, versionText())
			return 0
		}
		if c, ok := commands[args[0]]; ok {
			return c.run(args[1:], stdout, stderr)
		}
		if !strings.HasPrefix(args[0], "-") {
			fmt.Fprintf(stderr, "spineroutine: unknown command %q\n\nCommands:\n", args[0])
			listCommands(stderr)
			fmt.Fprint(stderr, "\nRun \"spineroutine --help\" for more.\n")
			return 2
		}
	}
	gui, ok := commands[guiCommand]
	if !ok {
		fmt.Fprintln(stderr, "spineroutine: this build has no window")
		return 1
	}
	return gui.run(args, stdout, stderr)
}

// guiCommand is the name under which the window registers; it runs when no
// other command is named.
const guiCommand = "gui"

// listCommands prints each command's usage and summary, by name.
func listCommands(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  spineroutine %s\n      %s\n", c.usage, c.summary)
	}
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, `Spine Routine: a daily back-pain relief routine, timed and spoken.
Exercise guidance, not medical advice: stop on sharp or radiating pain,
numbness or tingling, and follow your surgeon's or physiotherapist's limits.

Usage:
  spineroutine [flags]            open the window (see "spineroutine gui --help")
  spineroutine COMMAND [flags]
  spineroutine --version          print the version

Commands:
`)
	listCommands(w)
	fmt.Fprint(w, `
Run "spineroutine COMMAND --help" for the flags of a command.
`)
}
