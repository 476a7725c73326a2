//go:build !windows

package regfile

import "os"

// Replace renames the file old over new, atomically (os.Rename).
func Replace(old, new string) error { return os.Rename(old, new) }
