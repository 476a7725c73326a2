//go:build !unix

package regfile

// This system has no O_NONBLOCK or O_NOFOLLOW: Open and OpenNoFollow rely
// on their checks before and after opening.
const (
	openFlags = 0
	noFollow  = 0
)
