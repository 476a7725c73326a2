//go:build unix

package regfile

import "syscall"

// openFlags keep Open from following a link or waiting for a FIFO writer.
const openFlags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
