//go:build windows

package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// LockName is the file in the data directory that an open journal locks.
const LockName = "journal.lock"

// lockDir takes an exclusive, non-blocking lock (LockFileEx) on the first
// byte of dir/journal.lock. Windows releases it when the handle is closed or
// the process dies.
func lockDir(dir string) (*os.File, error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	const flags = windows.LOCKFILE_EXCLUSIVE_LOCK | windows.LOCKFILE_FAIL_IMMEDIATELY
	err = windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, new(windows.Overlapped))
	if err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return nil, fmt.Errorf("journal %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("journal %s: lock: %w", path, err)
	}
	return f, nil
}
