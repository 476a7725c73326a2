package routine

import "sync"

// figureCheck checks the figures a routine's moves name against the pose
// library (SetFigureCheck); nil until one is set.
var (
	figureMu    sync.RWMutex
	figureCheck func(*Routine) Errors
)

// SetFigureCheck sets the check of the figures a routine's moves name.
// internal/figure sets it to its pose library when it is linked in (as in
// every program that draws figures), so that Parse, and with it Load, the
// library's import and saved routines and the editor's Draft.Check, hold a
// routine to one set of rules: one function decides whether a routine is
// valid.
func SetFigureCheck(check func(*Routine) Errors) {
	figureMu.Lock()
	defer figureMu.Unlock()
	figureCheck = check
}

// checkFigures returns the problems of r's figures (none without a check).
func checkFigures(r *Routine) Errors {
	figureMu.RLock()
	check := figureCheck
	figureMu.RUnlock()
	if check == nil {
		return nil
	}
	return check(r)
}
