// Package outfile writes a file the user asked for by name (a rendered
// routine, a report): it refuses to replace what the app did not write,
// and replaces a file whole or not at all.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"spineroutine/internal/regfile"
)

// CheckReplace refuses an output path the app must not replace: a folder,
// a device, a FIFO or a socket, even with force; a link, never followed,
// and a regular file that ours does not recognise as the app's own,
// unless force (a link is then replaced by the file, not its target). what
// names the kind of file in the messages ("a PDF", "a WAV file"), writer
// who wrote ours ("Spine Routine", "render"). The path is looked at, never
// followed nor opened for writing: Write renames over it.
func CheckReplace(path string, force bool, what, writer string, ours func(io.Reader) bool) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %v", path, regfile.Cause(err))
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is a folder", path)
	}
	if !fi.Mode().IsRegular() && fi.Mode()&fs.ModeSymlink == 0 {
		return fmt.Errorf("%s is %s, not %s; it was left alone (only a regular file is replaced, even with --force)",
			path, regfile.Kind(fi.Mode()), what)
	}
	if force {
		return nil
	}
	const hint = "; it was left alone (--force replaces it)"
	f, fi, err := regfile.OpenNoFollow(path)
	if errors.Is(err, regfile.ErrNotRegular) { // replaced since the Lstat
		return fmt.Errorf("%s is %s, not %s%s", path, regfile.Kind(fi.Mode()), what, hint)
	}
	if err != nil {
		return fmt.Errorf("%s: %v", path, regfile.Cause(err))
	}
	defer f.Close()
	if !ours(f) {
		return fmt.Errorf("%s exists and is not %s written by %s%s", path, what, writer, hint)
	}
	return nil
}

// Write writes path through write (given the file, which it may seek): into a temporary file in the same
// folder, synced, made readable by all (0644), then renamed over path, so
// that a failure leaves path as it was and nothing else behind. It returns
// the size written.
func Write(path string, write func(*os.File) error) (int64, error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		// The temporary file's name means nothing to the user.
		if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
			return 0, fmt.Errorf("%s: the folder %s does not exist", path, dir)
		}
		return 0, fmt.Errorf("%s: the folder %s cannot be written (%v)", path, dir, regfile.Cause(err))
	}
	tmp := f.Name()
	fail := func(err error) (int64, error) {
		f.Close()
		os.Remove(tmp)
		return 0, fmt.Errorf("%s: %w", path, untemp(err, tmp))
	}
	if err := write(f); err != nil {
		return fail(err)
	}
	info, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("%s: %w", path, untemp(err, tmp))
	}
	if err := regfile.Replace(tmp, path); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("%s: %w", path, untemp(err, tmp))
	}
	return info.Size(), nil
}

// untemp returns err without the name of the temporary file tmp, which
// means nothing to the user ("write: no space left on device"); the cause
// is still wrapped (errors.Is(err, syscall.ENOSPC)).
func untemp(err error, tmp string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == tmp {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	var le *os.LinkError
	if errors.As(err, &le) && le.Old == tmp {
		return fmt.Errorf("%s: %w", le.Op, le.Err)
	}
	return err
}
