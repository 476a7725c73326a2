// Package fulldisk gives tests a real full disk: a tiny tmpfs that a test
// fills, so that writes fail with ENOSPC as they would on a user's disk.
// Mounting needs root; without it the test is skipped with one line.
package fulldisk

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

// TB is the part of testing.TB the helpers use: a non-test file of a
// package that is only for tests need not import testing.
type TB interface {
	Helper()
	TempDir() string
	Cleanup(func())
	Skipf(format string, args ...any)
	Errorf(format string, args ...any)
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// Mount mounts a tmpfs of size (as mount's size=, e.g. "256k") on a new
// temporary directory and returns it; it is unmounted when the test ends.
// Close files on it in a t.Cleanup registered after Mount, so that they are
// closed before the unmount.
func Mount(t TB, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (needs root): %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// Fill writes a file in dir until the file system is full and returns a
// function that removes it, giving the room back.
func Fill(t TB, dir string) (free func()) {
	t.Helper()
	filler := filepath.Join(dir, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("x"), 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling %s: %v", dir, err)
			}
			break
		}
	}
	if err := f.Close(); err != nil && !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("filling %s: %v", dir, err)
	}
	return func() {
		if err := os.Remove(filler); err != nil {
			t.Fatal(err)
		}
	}
}
