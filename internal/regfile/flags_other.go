//go:build !unix

package regfile

// openFlags: this system has no O_NOFOLLOW or O_NONBLOCK; Open relies on
// its Lstat and Stat checks.
const openFlags = 0
