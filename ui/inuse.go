package ui

import (
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
)

// routineInUse is the routine the window uses: as loaded (base) and as it
// runs today (r: the saved timings, each move at its level of the
// checklist's day), its key in the library and its file. It is the only
// writer of the routine's preference and of the library's choice; Use
// tells what shows the routine (the checklist, History, the reminder, the
// voices, the card) through the listeners the window gave it.
type routineInUse struct {
	base *routine.Routine // the routine as loaded, before the timings and levels
	r    *routine.Routine // base at the saved timings and the day's levels
	key  string           // its library key ("" for a file outside the library)
	path string           // its file ("" for a built-in routine)

	lib    *library.Library      // nil: none (no key)
	prefs  *Prefs                // the saved timings; where the routine file opened is saved
	levels func() map[string]int // the levels of the checklist's day, by move id
	told   []func(*routineInUse) // what Use tells
}

// newRoutineInUse starts with base (library key key). Nothing is in use
// (r is nil) until the window, its views listening, puts base in use with
// Use, as it puts in use each routine after it.
func newRoutineInUse(base *routine.Routine, key string, lib *library.Library, prefs *Prefs,
	levels func() map[string]int) *routineInUse {
	u := &routineInUse{base: base, key: key, lib: lib, prefs: prefs, levels: levels}
	if src := base.Source; src != "default" && src != "big3" {
		u.path = src // a file given with --routine or opened in Settings
	}
	return u
}

// today returns base with the saved timings, each move at its level of
// the checklist's day.
func (u *routineInUse) today(base *routine.Routine) *routine.Routine {
	g, rest := u.prefs.Timings()
	return base.WithTimings(g, rest).WithLevels(u.levels())
}

// onUse adds f to what Use tells.
func (u *routineInUse) onUse(f func(*routineInUse)) { u.told = append(u.told, f) }

// Use puts base in use (another routine, or the same with new timings)
// and tells the listeners.
func (u *routineInUse) Use(base *routine.Routine) {
	u.base = base
	u.r = u.today(base)
	for _, f := range u.told {
		f(u)
	}
}

// relevel puts the moves at their levels of today again (a level was
// set, the day turned).
func (u *routineInUse) relevel() { u.r = u.today(u.base) }

// chosen records that the library's routine e is in use: as the
// library's choice (what opens at start), and no longer the file once
// opened in Settings.
func (u *routineInUse) chosen(e library.Entry) error {
	if err := u.lib.Use(e.Key); err != nil {
		return err
	}
	u.prefs.SetRoutinePath("")
	u.key, u.path = e.Key, e.Path
	return nil
}

// opened records that the routine file at path ("" the built-in routine)
// is in use without a library: it opens at the next start.
func (u *routineInUse) opened(path string) {
	u.prefs.SetRoutinePath(path)
	u.key, u.path = "", path
}

// isBuiltin reports whether key names a routine shipped in the app ("" is
// a file given with --routine, edited into a new routine).
func isBuiltin(key string) bool {
	return key == library.DefaultKey || key == library.Big3Key
}
