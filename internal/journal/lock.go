package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// LockName is the file in the data directory that an open journal locks.
const LockName = "journal.lock"

// lockDir opens dir/journal.lock and takes the platform's exclusive,
// non-blocking lock on it (lockFile): ErrLocked when another process
// holds it. The lock goes when the file is closed or the process dies.
func lockDir(dir string) (*os.File, error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, ErrLocked) {
			return nil, fmt.Errorf("journal %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("journal %s: lock: %w", path, err)
	}
	return f, nil
}
