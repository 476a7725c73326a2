// Package appdata is where the app keeps the user's data and settings,
// for the window and the commands alike. Fyne keeps an app's preferences
// in a folder named after its ID (ROOT/fyne/ID, ROOT being the user's
// configuration folder), and Spine Routine keeps its journal there too:
// Migrate keeps them when the app's ID changes (a new ID would start from
// an empty folder), and the settings the window saved are read here
// (ReadSaved, Progress, RoutinePath) with the window's own keys.
package appdata

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Migrate moves the folder root/oldID to root/newID, once: only when
// root/newID does not exist yet and root/oldID is a folder. It reports
// whether it moved anything. The move is a rename within root, so the data
// is either all in the old place or all in the new one.
func Migrate(root, oldID, newID string) (bool, error) {
	oldDir, newDir := filepath.Join(root, oldID), filepath.Join(root, newID)
	if _, err := os.Lstat(newDir); err == nil {
		return false, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("app data %s: %w", newDir, err)
	}
	info, err := os.Stat(oldDir)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("app data %s: %w", oldDir, err)
	}
	if !info.IsDir() {
		return false, fmt.Errorf("app data %s: not a folder, left as it is", oldDir)
	}
	if err := os.Rename(oldDir, newDir); err != nil {
		return false, fmt.Errorf("app data: moving %s to %s: %w", oldDir, newDir, err)
	}
	return true, nil
}
