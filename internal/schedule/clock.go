package schedule

import "time"

// Clock is the session's time source: the real one reads the monotonic
// clock; tests use a FakeClock.
type Clock interface {
	// Now returns the current instant.
	Now() time.Time
	// AfterFunc calls f in its own goroutine after d; the returned stop
	// func cancels it (false when f already ran or was stopped).
	AfterFunc(d time.Duration, f func()) (stop func() bool)
}

// RealClock returns the clock of the machine. Its instants carry the
// monotonic reading, so the differences the session computes are immune to
// wall-clock changes.
func RealClock() Clock { return realClock{} }

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) AfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}
