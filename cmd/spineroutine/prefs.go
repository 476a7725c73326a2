package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"spineroutine/internal/appdata"
	"spineroutine/internal/regfile"
)

// guardPrefs checks the preferences file that Fyne reads when the app is
// made (<user config dir>/fyne/<appID>/preferences.json), which Fyne
// opens with a plain open: a FIFO there would block the start, a link to
// a device would be read for ever. Such a file, or one larger than
// maxPrefsSize, is set aside (renamed, never written over) and the
// settings start from their defaults; guardPrefs returns what it did for
// the user, or "". fatal is set when a file that would block the start
// could not be set aside: the app must not go on.
func guardPrefs() (msg string, fatal bool) {
	path, err := appdata.PrefsPath(appID)
	if err != nil {
		return "", false // dataDir reports it
	}
	f, fi, err := regfile.Open(path)
	var why string
	switch {
	case errors.Is(err, regfile.ErrNotRegular):
		why = regfile.Kind(fi.Mode())
	case err != nil:
		return "", false // missing (a first start), or Fyne reports it
	default:
		f.Close()
		if fi.Size() <= appdata.MaxPrefsSize {
			return "", false
		}
		why = fmt.Sprintf("%d bytes, more than settings take", fi.Size())
	}
	to, err := regfile.SetAside(path, "not-used")
	if err != nil {
		return fmt.Sprintf("The settings file %s is %s and could not be set aside (%v): remove it, then start Spine Routine again.",
			path, why, regfile.Cause(err)), !fi.Mode().IsRegular()
	}
	return fmt.Sprintf("The settings file %s is %s: it was set aside as %s and the settings start from their defaults.",
		path, why, filepath.Base(to)), false
}
