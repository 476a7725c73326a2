package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"spineroutine/internal/appdata"
	"spineroutine/internal/figure"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
)

// The window and every command find the person's data the same way: the
// data folder of --data, else the app's (dataFolder); the settings saved
// in the window's Settings tab, read by appdata with the window's keys
// (savedSettings); the routine in use, chosen by startRoutine.

// startRoutine chooses the routine the window opens with: the file of
// --routine (flagPath) when given, else the library's routine in use, else
// the file once opened in Settings (legacyPath, from before the library),
// else the built-in one (in the library's language, as its built-in
// routines). key is the routine's library key ("" for a file outside the
// library). A routine that cannot be used is replaced by the built-in
// one, its problems listed.
func startRoutine(lib *library.Library, flagPath, legacyPath string) (r *routine.Routine, key string, problems []string) {
	path := flagPath
	if path == "" && lib.InUse() == library.DefaultKey {
		path = legacyPath
	}
	if path != "" {
		r, err := routine.Load(path, figure.Shipped())
		if err != nil {
			return routine.DefaultIn(lib.Lang()), library.DefaultKey, routineProblems(path, err)
		}
		return r, "", nil
	}
	e, err := lib.Get(lib.InUse())
	switch {
	case err != nil:
		return routine.DefaultIn(lib.Lang()), library.DefaultKey, []string{err.Error()}
	case e.Err != nil:
		return routine.DefaultIn(lib.Lang()), library.DefaultKey, routineProblems(e.Path, e.Err)
	}
	return e.Routine, e.Key, nil
}

// savedSettings reads the settings saved in the window (appdata.PrefsPath),
// as the window reads them. A settings file that cannot be read is
// reported on stderr for command cmd, and the defaults are used.
func savedSettings(stderr io.Writer, cmd string) appdata.Saved {
	path, err := appdata.PrefsPath(appID)
	if err == nil {
		var s appdata.Saved
		if s, err = appdata.ReadSaved(path); err == nil {
			return s
		}
	}
	fmt.Fprintf(stderr, "spineroutine %s: warning: %v; the default settings are used\n", cmd, err)
	return appdata.Saved{}
}

// routineInUse is the routine a command works on, the one the window
// opens with (startRoutine): the file at path when given, else the
// routine in use in dir's library, else the file once opened in Settings
// (saved), else the built-in one, in the language of Settings or the
// system (routineLang). It creates no library
// where dir has none. A routine that cannot be read is an error, not the
// built-in one.
func routineInUse(dir, path string, saved appdata.Values) (*routine.Routine, error) {
	if path != "" {
		return loadRoutine(path)
	}
	legacy := appdata.RoutinePath(saved)
	if _, err := os.Stat(filepath.Join(dir, library.Dir)); errors.Is(err, fs.ErrNotExist) {
		// No library: its routine in use would be the built-in one.
		if legacy == "" {
			return routine.DefaultIn(routineLang(saved)), nil
		}
		r, err := routine.Load(legacy, figure.Shipped())
		if err != nil {
			return nil, fmt.Errorf("the routine in use (opened in Settings) cannot be read: %w", err)
		}
		return r, nil
	}
	lib, err := library.Open(dir, figure.Shipped())
	if err != nil {
		return nil, err
	}
	lib = lib.WithLang(routineLang(saved))
	r, _, problems := startRoutine(lib, "", legacy)
	if len(problems) > 0 {
		return nil, fmt.Errorf("the routine in use cannot be read: %s", problems[0])
	}
	return r, nil
}
