//go:build !unix && !windows

package journal

import (
	"fmt"
	"os"
	"path/filepath"
)

// LockName is the file in the data directory that an open journal locks.
const LockName = "journal.lock"

// lockDir only creates dir/journal.lock: on systems without flock a second
// instance is not detected.
func lockDir(dir string) (*os.File, error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	return f, nil
}
