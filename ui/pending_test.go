package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"spineroutine/internal/fulldisk"
	"spineroutine/internal/journal"
	"spineroutine/ui/state"
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
	yesterday := h.w.days.day.Add(-1)
	var err error
	for i := 0; i < 200; i++ {
		if err = j.MarkDone(yesterday, "filler", journal.Hand, "", h.clock.Now()); err != nil {
			break
		}
	}
	if !errors.Is(err, journal.ErrNotSaved) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("the disk is not full: %v", err)
	}

	row := h.today().list.rows[0]
	h.today().list.ticked(row.move.ID, true)
	h.sync()
	if row.done.Checked || j.Done(h.w.days.day)[row.move.ID] {
		t.Fatalf("a tick on a full disk shows as done (checked %v, on disk %v)", row.done.Checked, j.Done(h.w.days.day)[row.move.ID])
	}
	if _, ok := h.session().notes.byKey["pending"]; !ok {
		t.Fatal("no notice that entries wait to be saved")
	}

	// Still full at the first retry: still waiting, still not shown.
	h.advance(pendingRetry)
	if row.done.Checked {
		t.Fatal("shown as done while the disk is still full")
	}
	free()
	h.advance(pendingRetry)
	if !row.done.Checked || !j.Done(h.w.days.day)[row.move.ID] {
		t.Errorf("after room came back: checked %v, on disk %v", row.done.Checked, j.Done(h.w.days.day)[row.move.ID])
	}
	if _, ok := h.session().notes.byKey["pending"]; ok {
		t.Error("the waiting notice stays after everything was saved")
	}
}

// TestFullDiskSummaryCountsOnlySaved: with the disk full for a whole
// session, the end card does not say the moves are done (beside the
// notice that nothing was saved); it lists them as waiting, and counts them
// done once the retry saved them.
func TestFullDiskSummaryCountsOnlySaved(t *testing.T) {
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
	free := fulldisk.Fill(t, dir)
	var err error
	for i := 0; i < 200; i++ {
		if err = j.MarkDone(h.w.days.day.Add(-1), "filler", journal.Hand, "", h.clock.Now()); err != nil {
			break
		}
	}
	if !errors.Is(err, journal.ErrNotSaved) {
		t.Fatalf("the disk is not full: %v", err)
	}

	h.w.StartPause()
	h.advance(h.session().run.plan().Total + time.Second)
	if h.w.State() != state.Summary {
		t.Fatal("no summary at the end")
	}
	body := h.session().summary.body.Text
	if strings.Contains(body, "moves done") || !strings.HasPrefix(body, "No move saved yet.\n") ||
		!strings.Contains(body, "Completed but not saved yet: Curl-Up, Side Planks, Bird Dogs") {
		t.Errorf("summary on a full disk:\n%s", body)
	}
	free()
	h.advance(pendingRetry)
	if body := h.session().summary.body.Text; !strings.HasPrefix(body, "3 of 3 moves done: Curl-Up, Side Planks, Bird Dogs.\n") ||
		strings.Contains(body, "not saved") {
		t.Errorf("summary once saved:\n%s", body)
	}
}
