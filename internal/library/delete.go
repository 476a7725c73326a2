package library

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"spineroutine/internal/regfile"
)

// DeletedDir is the folder of the routines folder where deleted routines
// are kept: nothing the user made is lost, and the list no longer shows
// them.
const DeletedDir = "deleted"

// ErrBuiltIn is returned when a built-in routine is asked to be deleted.
var ErrBuiltIn = errors.New("a built-in routine cannot be deleted")

// Delete takes the routine file of key out of the library: it is moved to
// the DeletedDir folder (as key, or key with -2, -3... before .toml when
// that name is taken there, cut to fit the file system; after
// regfile.FreeTries names it fails) and the path it went to is returned. When it
// was in use, the default routine is in use from then on. Damaged files
// can be deleted too; built-in routines cannot.
func (l *Library) Delete(key string) (string, error) {
	for _, b := range builtins {
		if b.key == key {
			return "", ErrBuiltIn
		}
	}
	if !validFileKey(key) {
		return "", fmt.Errorf("no routine %q", key)
	}
	from := filepath.Join(l.dir, key)
	if _, err := os.Lstat(from); err != nil {
		return "", fmt.Errorf("routine %q: %w", key, err)
	}
	inUse := l.InUse() == key
	dir := filepath.Join(l.dir, DeletedDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("delete %s: %w", key, err)
	}
	// A free name: key, else key with -2, -3... (cut to fit the file
	// system), a few tries at most.
	to, err := regfile.FreeName(dir, strings.TrimSuffix(key, ".toml"), ".toml")
	if err != nil {
		return "", fmt.Errorf("delete %s: %w", key, err)
	}
	if err := os.Rename(from, to); err != nil {
		return "", fmt.Errorf("delete %s: %w", key, err)
	}
	if err := syncDir(l.dir); err != nil {
		return to, err
	}
	if err := syncDir(dir); err != nil {
		return to, err
	}
	if inUse {
		return to, l.Use(DefaultKey)
	}
	return to, nil
}
