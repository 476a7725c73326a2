//go:build windows

package regfile

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// replaceWait is how long Replace keeps trying while new is open
// elsewhere.
const replaceWait = 2 * time.Second

// Replace renames the file old over new, atomically. On Windows a file
// cannot be renamed over while another program has it open (a command
// reading resume.json while the window saves it, a virus scanner): the
// rename answers "Access is denied" or a sharing violation until it is
// closed, so Replace tries again for up to replaceWait, as Go's own tools
// do.
func Replace(old, new string) error {
	deadline := time.Now().Add(replaceWait)
	for delay := time.Millisecond; ; delay = min(2*delay, 100*time.Millisecond) {
		err := os.Rename(old, new)
		if err == nil || !busy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(delay)
	}
}

// busy reports whether err is what Windows answers for a file open
// elsewhere.
func busy(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_SHARING_VIOLATION)
}
