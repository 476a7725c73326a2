package outfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"spineroutine/internal/fulldisk"
)

// TestForceReplacesOnlyRegularFiles: --force replaces a file that is not
// the app's, never a FIFO or a device node (it renamed over them).
func TestForceReplacesOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, path, want string }{
		{"fifo", fifo, "is a named pipe (FIFO), not a thing; it was left alone (only a regular file is replaced, even with --force)"},
		{"device", "/dev/null", "/dev/null is a device"},
	} {
		err := CheckReplace(c.path, true, "a thing", "tests", isOurs)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s, forced: %v, want an error with %q", c.name, err, c.want)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is gone: %v", err)
	}
}

// TestWriteOnAFullDisk: the error of a write that runs out of space names
// the output, not the temporary file, still wraps ENOSPC, and leaves
// nothing behind (a tmpfs; root only).
func TestWriteOnAFullDisk(t *testing.T) {
	dir := fulldisk.Mount(t, "64k")
	path := filepath.Join(dir, "report.pdf")
	_, err := Write(path, func(f *os.File) error {
		_, err := f.Write(bytes.Repeat([]byte("x"), 256<<10))
		return err
	})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("got %v, want ENOSPC", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, path+": ") || strings.Contains(msg, ".tmp") {
		t.Errorf("message %q: want it to name %s and no temporary file", msg, path)
	}
	if names, _ := filepath.Glob(filepath.Join(dir, ".*")); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
}
