package main

import (
	"spineroutine/internal/figure"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
)

// startRoutine chooses the routine the window opens with: the file of
// --routine (flagPath) when given, else the library's routine in use, else
// the file once opened in Settings (legacyPath, from before the library),
// else the built-in one. key is the routine's library key ("" for a file
// outside the library). A routine that cannot be used is replaced by the
// built-in one, its problems listed.
func startRoutine(lib *library.Library, flagPath, legacyPath string) (r *routine.Routine, key string, problems []string) {
	path := flagPath
	if path == "" && lib.InUse() == library.DefaultKey {
		path = legacyPath
	}
	if path != "" {
		r, err := routine.Load(path, figure.Shipped())
		if err != nil {
			return routine.Default(), library.DefaultKey, routineProblems(path, err)
		}
		return r, "", nil
	}
	e, err := lib.Get(lib.InUse())
	switch {
	case err != nil:
		return routine.Default(), library.DefaultKey, []string{err.Error()}
	case e.Err != nil:
		return routine.Default(), library.DefaultKey, routineProblems(e.Path, e.Err)
	}
	return e.Routine, e.Key, nil
}
