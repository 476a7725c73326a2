package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"spineroutine/internal/regfile"
)

// maxReportSize bounds how much of an existing file IsReport reads: a
// report of MaxDays is far smaller.
const maxReportSize = 16 << 20

// IsReport reports whether rd holds a PDF this package wrote: it starts
// like a PDF and its creator is Creator.
func IsReport(rd io.Reader) bool {
	data, err := io.ReadAll(io.LimitReader(rd, maxReportSize))
	if err != nil {
		return false
	}
	return bytes.HasPrefix(data, []byte("%PDF-")) && bytes.Contains(data, []byte("/Creator ("+Creator+")"))
}

// CheckOut refuses an output path a report must not replace: a
// directory, anything but a regular file (a device, a FIFO, a link), and
// a file that is not a report (IsReport) unless force. The path is looked
// at, never followed nor opened for writing: Save renames over it.
func CheckOut(path string, force bool) error {
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
	if force {
		return nil
	}
	const hint = "; it was left alone (--force replaces it)"
	f, _, err := regfile.OpenNoFollow(path)
	if errors.Is(err, regfile.ErrNotRegular) {
		return fmt.Errorf("%s is %s, not a PDF%s", path, regfile.Kind(fi.Mode()), hint)
	}
	if err != nil {
		return fmt.Errorf("%s: %v", path, regfile.Cause(err))
	}
	defer f.Close()
	if !IsReport(f) {
		return fmt.Errorf("%s exists and is not a report written by Spine Routine%s", path, hint)
	}
	return nil
}

// Save writes the report on paper to path: to a temporary file in the
// same folder, synced, then renamed over path, so that a failure leaves
// path as it was and nothing else behind.
func (r *Report) Save(path string, paper Paper) error {
	var buf bytes.Buffer
	if err := r.WritePDF(&buf, paper); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		// The temporary file's name means nothing to the user.
		dir := filepath.Dir(path)
		if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
			return fmt.Errorf("%s: the folder %s does not exist", path, dir)
		}
		return fmt.Errorf("%s: the folder %s cannot be written (%v)", path, dir, regfile.Cause(err))
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
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
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
