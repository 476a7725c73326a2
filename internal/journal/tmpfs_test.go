//go:build linux

package journal

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"spineroutine/internal/fulldisk"
)

// TestRealFullDisk fills a tiny tmpfs (root only: skipped when it cannot
// be mounted): a tick on the full disk waits, shows only once written, and
// is written by Retry once space returns.
func TestRealFullDisk(t *testing.T) {
	dir := fulldisk.Mount(t, "256k")
	j, err := Open(filepath.Join(dir, "data"), Options{})
	must(t, err)
	t.Cleanup(func() { j.Close() }) // before the umount
	at := berlinAt(t, "2026-11-23T08:00:00")
	must(t, j.MarkDone(monday, "a", Hand, "", at))

	free := fulldisk.Fill(t, dir)

	// The journal's last page may still have room: tick until it is full.
	move := ""
	for i := 0; ; i++ {
		move = "m" + strconv.Itoa(i)
		err = j.MarkDone(monday, move, Hand, "", at)
		if err != nil || i > 100 {
			break
		}
	}
	if !errors.Is(err, ErrNotSaved) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("MarkDone on a full disk = %v", err)
	}
	if p := j.Pending(); p.Ticks != 1 || !errors.Is(p.Err, syscall.ENOSPC) || j.Done(monday)[move] {
		t.Errorf("Pending = %+v, done = %v", p, j.Done(monday))
	}
	if err := j.Retry(); !errors.Is(err, ErrNotSaved) {
		t.Errorf("Retry on a full disk = %v", err)
	}
	free()
	must(t, j.Retry())
	if !j.Done(monday)[move] || j.Pending().Entries != 0 {
		t.Errorf("after Retry: done %v, pending %+v", j.Done(monday), j.Pending())
	}
	must(t, j.Close())
	r := loadT(t, filepath.Join(dir, "data"))
	if !r.Done(monday)[move] || !r.Done(monday)["a"] {
		t.Errorf("after reopen: %v", doneList(r, monday))
	}
}

// TestReadOnlyFileSystem: a journal on a read-only file system (root
// only: skipped when a tmpfs cannot be mounted) is reported in plain words
// naming the folder and what to do; the log command still reads it.
func TestReadOnlyFileSystem(t *testing.T) {
	dir := t.TempDir()
	writeJournal(t, dir, "journal.jsonl", line("a"))
	if out, err := exec.Command("mount", "--bind", "-o", "ro", dir, dir).CombinedOutput(); err != nil {
		t.Skipf("cannot bind-mount read-only (needs root): %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	if err := os.WriteFile(filepath.Join(dir, "probe"), nil, 0o600); !errors.Is(err, syscall.EROFS) {
		t.Skipf("the bind mount is writable: %v", err)
	}
	_, err := Open(dir, Options{})
	if !errors.Is(err, ErrReadOnlyDir) || !strings.Contains(err.Error(), dir+" (read-only file system), so nothing can be saved") ||
		!strings.Contains(err.Error(), "--data") {
		t.Errorf("Open = %v", err)
	}
	if r := loadT(t, dir); !r.Done(monday)["a"] {
		t.Error("Load cannot read a read-only journal")
	}
}
