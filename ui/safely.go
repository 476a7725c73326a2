package ui

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2/lang"
)

// safely runs an action started from the window (a report, an import, an
// export) so that a panic in it becomes an error shown in the window
// instead of taking the window down: the stack goes to stderr for a bug
// report, and the journal, written entry by entry, is untouched. what is a
// key of lang ("the export"): the error is in the window's language.
func safely(what string, action func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(os.Stderr, "spineroutine: %s failed: %v\n%s", what, v, debug.Stack())
			err = errors.New(lang.L("{{.What}} failed unexpectedly ({{.Error}}); your journal is safe",
				map[string]any{"What": lang.L(what), "Error": fmt.Sprint(v)}))
		}
	}()
	return action()
}
