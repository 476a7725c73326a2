// Package regfile opens files that must be regular files (a routine, a
// file about to be replaced) without ever blocking on a FIFO, reading a
// device or following a symbolic link to one.
package regfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the errors of Open for a path that is not a
// regular file.
var ErrNotRegular = errors.New("not a regular file")

// Open opens the regular file at path for reading. It looks at path
// first (Lstat: a symbolic link is not followed) and refuses anything but
// a regular file without opening it, then opens it with O_NOFOLLOW and
// O_NONBLOCK (where the system has them) and checks again, so that a file
// swapped in between cannot block or be a device. Errors wrap
// ErrNotRegular, or the system's error, and name path.
func Open(path string) (*os.File, fs.FileInfo, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fi, fmt.Errorf("%s is %s: %w", path, Kind(fi.Mode()), ErrNotRegular)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, fi, err
	}
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = fmt.Errorf("%s is %s: %w", path, Kind(fi.Mode()), ErrNotRegular)
		}
		return nil, fi, err
	}
	return f, fi, nil
}

// Kind names what a file of mode m is, with its article: "a directory",
// "a named pipe (FIFO)", "a device", "a symbolic link", "a socket",
// "a regular file".
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsRegular():
		return "a regular file"
	}
	return "not a regular file"
}

// Cause returns the reason of an I/O error without the path its message
// carries ("permission denied"), for messages that name the path the user
// gave rather than the one the system call saw.
func Cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
