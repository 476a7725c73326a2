//go:build unix

package routine

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadRefusesFIFOsAndDevices: a FIFO (which would block a read until
// something writes to it) and a device are refused without being read.
func TestLoadRefusesFIFOsAndDevices(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "routine.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link.toml")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo:        fifo + ": is a named pipe (FIFO), not a routine file",
		link:        link + ": is a named pipe (FIFO), not a routine file",
		"/dev/zero": "/dev/zero: is a device, not a routine file",
	} {
		done := make(chan error, 1)
		go func() { _, err := Load(path, nil); done <- err }()
		select {
		case err := <-done:
			if err == nil || err.Error() != want {
				t.Errorf("Load(%s, nil) = %v, want %q", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Load(%s, nil) blocked", path)
		}
	}
}
