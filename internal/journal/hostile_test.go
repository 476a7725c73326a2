//go:build unix

package journal

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"spineroutine/internal/regfile"
)

// within runs f and fails the test when it has not returned after a few
// seconds: opening a FIFO for reading blocks until a writer comes.
func within[T any](t *testing.T, what string, f func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v := <-done:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("%s blocked", what)
		panic("unreachable")
	}
}

// TestNoFileOfTheDataFolderCanBlockOrFloodAStart puts a FIFO, or a link to
// /dev/zero, at each path the journal reads, beside a year of history and
// its checkpoint: Load and Open return at once, say which file is not
// used (Open sets the checkpoint and resume.json aside: a new one is
// written, never over it), and show the history the other files hold.
func TestNoFileOfTheDataFolderCanBlockOrFloodAStart(t *testing.T) {
	fifo := func(t *testing.T, path string) { must(t, syscall.Mkfifo(path, 0o600)) }
	zero := func(t *testing.T, path string) { must(t, os.Symlink("/dev/zero", path)) }
	for _, tc := range []struct {
		name, file string
		make       func(*testing.T, string)
		kind       string
		setAside   string // the name Open gives the file, "" when left in place
		history    bool   // the year of history is still shown
	}{
		{"checkpoint FIFO", checkpointName, fifo, "a named pipe (FIFO)", checkpointName + ".not-a-file", true},
		{"checkpoint link to /dev/zero", checkpointName, zero, "a device", checkpointName + ".not-a-file", true},
		{"resume.json FIFO", resumeName, fifo, "a named pipe (FIFO)", resumeName + ".damaged-20261123T120000", true},
		{"resume.json link to /dev/zero", resumeName, zero, "a device", resumeName + ".damaged-20261123T120000", true},
		{"journal FIFO behind a checkpoint", fileName(1), fifo, "a named pipe (FIFO)", "", false},
		{"journal link to /dev/zero behind a checkpoint", fileName(1), zero, "a device", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			_, last := writeYears(t, dir, 1, fiveMoves, false)
			must(t, openT(t, dir).Close()) // saves a checkpoint
			if _, err := os.Stat(filepath.Join(dir, checkpointName)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, tc.file)
			if tc.file == fileName(1) {
				must(t, os.Rename(path, filepath.Join(t.TempDir(), "moved")))
			} else {
				os.Remove(path)
			}
			tc.make(t, path)

			l := within(t, "Load", func() *Journal { return loadT(t, dir) })
			j := within(t, "Open", func() *Journal { return openT(t, dir) })
			for _, jj := range []*Journal{l, j} {
				w := strings.Join(jj.Warnings(), "\n")
				if !strings.Contains(w, path+" is "+tc.kind) {
					t.Errorf("warnings do not say %s is %s:\n%s", path, tc.kind, w)
				}
				if got := len(jj.Done(last)) > 0; got != tc.history {
					t.Errorf("history shown: %v, want %v", got, tc.history)
				}
			}
			if tc.setAside == "" {
				if fi, err := os.Lstat(path); err != nil || fi.Mode().IsRegular() {
					t.Errorf("%s was not left in place: %v", path, err)
				}
				return
			}
			if w := strings.Join(j.Warnings(), "\n"); !strings.Contains(w, "set aside as "+tc.setAside) {
				t.Errorf("Open's warnings do not say it was set aside as %s:\n%s", tc.setAside, w)
			}
			if fi, err := os.Lstat(filepath.Join(dir, tc.setAside)); err != nil || fi.Mode().IsRegular() {
				t.Errorf("%s: %v", tc.setAside, err)
			}
		})
	}
}

// TestNoFreeJournalNameIsAClearError: when the first journal file is not a
// journal and the names after it are all taken, Open tries a few hundred
// at most and fails saying so (it tried up to journal-999999.jsonl).
func TestNoFreeJournalNameIsAClearError(t *testing.T) {
	dir := t.TempDir()
	writeJournal(t, dir, fileName(1), "junk\n")
	for n := 2; n <= 2*regfile.FreeTries+1; n++ {
		must(t, os.Mkdir(filepath.Join(dir, fileName(n)), 0o700))
	}
	_, err := Open(dir, Options{})
	if !errors.Is(err, regfile.ErrNoFreeName) || !strings.Contains(err.Error(), "names after it are taken by files that are not journals") {
		t.Errorf("Open = %v", err)
	}
	must(t, os.Remove(filepath.Join(dir, fileName(150))))
	j := openT(t, dir)
	if j.Path() != filepath.Join(dir, fileName(150)) {
		t.Errorf("writes to %s", j.Path())
	}
}
