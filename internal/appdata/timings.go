package appdata

import (
	"time"

	"spineroutine/internal/routine"
)

// The timing overrides of Settings: the get-ready time before the first
// move and the rest after every move, in whole seconds, or RoutineTiming
// for the routine's own.
const (
	KeyGetReady = "timing.getReady"
	KeyRest     = "timing.rest"
	// RoutineTiming is the override that means "the routine's own".
	RoutineTiming = routine.OwnTiming
	// MaxTiming is the longest override, in seconds.
	MaxTiming = routine.MaxTimingOverride
)

// Timing is the override saved at key in v, in seconds: RoutineTiming
// when none is saved or the saved one is out of range (a hand-edited
// file).
func Timing(v Values, key string) int {
	s := v.IntWithFallback(key, RoutineTiming)
	if s < 0 || s > MaxTiming {
		return RoutineTiming
	}
	return s
}

// Timings are the overrides saved in v as routine.WithTimings takes
// them: negative for the routine's own.
func Timings(v Values) (getReady, rest time.Duration) {
	return TimingDuration(Timing(v, KeyGetReady)), TimingDuration(Timing(v, KeyRest))
}

// TimingDuration is an override of sec seconds as a duration: negative
// for the routine's own.
func TimingDuration(sec int) time.Duration {
	if sec < 0 {
		return -1
	}
	return time.Duration(sec) * time.Second
}
