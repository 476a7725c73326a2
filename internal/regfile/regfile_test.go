//go:build unix

package regfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestOpenNoFollowRefusesAllButRegularFiles(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "r.toml")
	if err := os.WriteFile(reg, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(reg, link); err != nil {
		t.Fatal(err)
	}
	if f, _, err := Open(link); err != nil {
		t.Errorf("Open follows a link to a regular file: %v", err)
	} else {
		f.Close()
	}
	f, fi, err := OpenNoFollow(reg)
	if err != nil || fi.Size() != 1 {
		t.Fatalf("regular file: %v", err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "x" {
		t.Errorf("read %q", b)
	}
	for _, tc := range []struct{ path, kind string }{
		{fifo, "a named pipe (FIFO)"},
		{dir, "a directory"},
		{link, "a symbolic link"},
		{"/dev/null", "a device"},
	} {
		done := make(chan error, 1)
		go func() {
			f, _, err := OpenNoFollow(tc.path)
			if f != nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), tc.path+" is "+tc.kind) {
				t.Errorf("Open(%s) = %v", tc.path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Open(%s) blocked", tc.path)
		}
	}
	if _, _, err := Open(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
}
