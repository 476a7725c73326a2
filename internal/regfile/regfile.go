// Package regfile opens files that must be regular files (a routine, a
// file about to be replaced) without ever blocking on a FIFO, reading a
// device or following a symbolic link to one. Every file the app reads
// in its data folder is read through it: ReadFile reads with a size bound,
// SetAside moves a file that cannot be used out of the way (never over
// another), and FreeName finds a free name in a few tries, cut to fit the
// file system.
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

// Open opens the regular file at path for reading, following symbolic
// links. It looks at the file first and refuses anything but a regular
// file without opening it, then opens it with O_NONBLOCK (where the
// system has it) and checks again, so that a FIFO or device swapped in
// between cannot block or be read. Errors wrap ErrNotRegular, or the
// system's error, and name path.
func Open(path string) (*os.File, fs.FileInfo, error) {
	return open(path, os.Stat, openFlags)
}

// OpenNoFollow is Open for a path that must itself be a regular file: a
// symbolic link is refused (Lstat), and the file is opened with
// O_NOFOLLOW as well.
func OpenNoFollow(path string) (*os.File, fs.FileInfo, error) {
	return open(path, os.Lstat, openFlags|noFollow)
}

func open(path string, stat func(string) (fs.FileInfo, error), flags int) (*os.File, fs.FileInfo, error) {
	fi, err := stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fi, fmt.Errorf("%s is %s: %w", path, Kind(fi.Mode()), ErrNotRegular)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|flags, 0)
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

// OpenAppend opens the regular file at path for appending. It is opened
// with O_NONBLOCK (where the system has it), so that a FIFO swapped in
// since the file was read cannot block the open, and anything but a
// regular file is then refused (the error wraps ErrNotRegular).
func OpenAppend(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|openFlags, 0)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%s is %s: %w", path, Kind(fi.Mode()), ErrNotRegular)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
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
