package ui

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"

	"spineroutine/internal/fulldisk"
	"spineroutine/internal/journal"
)

// TestFullDiskTickShowsOnceSaved runs the window on a journal in a tiny
// tmpfs (root only: skipped when one cannot be mounted). A tick by hand on
// the full disk is not shown as done, a notice says it waits, and once
// there is room again the retry writes it and the checklist shows it.
func TestFullDiskTickShowsOnceSaved(t *testing.T) {
	dir := fulldisk.Mount(t, "256k")
	var j *journal.Journal
	h := newHarness(t, func(o *Options) {
		var err error
		j, err = journal.Open(filepath.Join(dir, "data"), journal.Options{Now: o.Clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		o.Journal = j
	})
	t.Cleanup(func() { j.Close() }) // before the umount

	// Fill the disk, then the journal's last page with ticks of another day.
	free := fulldisk.Fill(t, dir)
	yesterday := h.w.day.Add(-1)
	var err error
	for i := 0; i < 200; i++ {
		if err = j.MarkDone(yesterday, "filler", journal.Hand, "", h.clock.Now()); err != nil {
			break
		}
	}
	if !errors.Is(err, journal.ErrNotSaved) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("the disk is not full: %v", err)
	}

	row := h.w.list.rows[0]
	h.w.list.ticked(row.move.ID, true)
	h.sync()
	if row.done.Checked || j.Done(h.w.day)[row.move.ID] {
		t.Fatalf("a tick on a full disk shows as done (checked %v, on disk %v)", row.done.Checked, j.Done(h.w.day)[row.move.ID])
	}
	if _, ok := h.w.noticeBox["pending"]; !ok {
		t.Fatal("no notice that entries wait to be saved")
	}

	// Still full at the first retry: still waiting, still not shown.
	h.advance(pendingRetry)
	if row.done.Checked {
		t.Fatal("shown as done while the disk is still full")
	}
	free()
	h.advance(pendingRetry)
	if !row.done.Checked || !j.Done(h.w.day)[row.move.ID] {
		t.Errorf("after room came back: checked %v, on disk %v", row.done.Checked, j.Done(h.w.day)[row.move.ID])
	}
	if _, ok := h.w.noticeBox["pending"]; ok {
		t.Error("the waiting notice stays after everything was saved")
	}
}
