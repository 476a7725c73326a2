//go:build unix

package regfile

import "syscall"

const (
	// openFlags keep Open from waiting for a FIFO's writer.
	openFlags = syscall.O_NONBLOCK
	// noFollow makes the open fail on a symbolic link.
	noFollow = syscall.O_NOFOLLOW
)
