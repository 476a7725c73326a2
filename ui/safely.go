package ui

import (
	"fmt"
	"os"
	"runtime/debug"
)

// safely runs an action started from the window (a report, an import, an
// export) so that a panic in it becomes an error shown in the window
// instead of taking the window down: the stack goes to stderr for a bug
// report, and the journal, written entry by entry, is untouched.
func safely(what string, action func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(os.Stderr, "spineroutine: %s failed: %v\n%s", what, v, debug.Stack())
			err = fmt.Errorf("%s failed unexpectedly (%v); your journal is safe", what, v)
		}
	}()
	return action()
}
