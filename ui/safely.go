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
// report, and the journal, written entry by entry, is untouched. The error
// is in the window's language (whatWords).
func safely(what string, action func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(os.Stderr, "spineroutine: %s failed: %v\n%s", what, v, debug.Stack())
			err = errors.New(lang.L("{{.What}} failed unexpectedly ({{.Error}}); your journal is safe",
				map[string]any{"What": whatWords(what), "Error": fmt.Sprint(v)}))
		}
	}()
	return action()
}

// whatWords is what safely ran, in the window's language: its callers'
// words, or what as given for another.
func whatWords(what string) string {
	switch what {
	case "saving the ratings":
		return lang.L("saving the ratings")
	case "the report":
		return lang.L("the report")
	case "the import":
		return lang.L("the import")
	case "putting the routine in use":
		return lang.L("putting the routine in use")
	case "the export":
		return lang.L("the export")
	}
	return what
}
