package ui

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"spineroutine/internal/fulldisk"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// TestFullDiskLevelsOfSeveralMoves taps the first start's "Top levels"
// with the journal on a full tmpfs (root only: skipped when one cannot be
// mounted): a level entry the journal keeps to write later is not a
// failure, so every move's level is queued, not only the first. Once there
// is room, the retry writes them all, in the routine's order, and the
// routine in use, the checklist and the plan show the new levels without
// another action.
func TestFullDiskLevelsOfSeveralMoves(t *testing.T) {
	dir := fulldisk.Mount(t, "256k")
	r, err := routine.Parse("levels.toml", []byte(levelsRoutine), nil)
	must(t, err)
	var j *journal.Journal
	h := newHarness(t, func(o *Options) {
		j, err = journal.Open(filepath.Join(dir, "data"), journal.Options{Now: o.Clock.Now})
		must(t, err)
		o.Journal, o.Routine, o.Player = j, r, &sayingPlayer{}
	})
	t.Cleanup(func() { j.Close() }) // before the umount
	h.prefs().SetSafetyNoteSeen(true)
	h.session().notes.clear("safety")

	free := fulldisk.Fill(t, dir)
	// The journal's last page too: a level entry then cannot be written.
	yesterday := h.w.days.day.Add(-1)
	for i := 0; i < 200; i++ {
		if err = j.MarkDone(yesterday, "filler", journal.Hand, "", h.clock.Now()); err != nil {
			break
		}
	}
	if !errors.Is(err, journal.ErrNotSaved) {
		t.Fatalf("the disk is not full: %v", err)
	}
	before := j.Pending().Entries

	test.Tap(buttonIn(h.today().plan.panel.obj, "Top levels"))
	want := []struct {
		id    string
		level int
	}{{"mcgill-curl-up", 3}, {"side-planks", 2}, {"bird-dogs", 1}}
	if got := j.Pending().Entries - before; got != len(want) {
		t.Errorf("%d level entries wait to be written, want %d (one per move)", got, len(want))
	}
	if _, ok := h.session().notes.byKey["pending"]; !ok {
		t.Error("no notice that entries wait to be saved")
	}

	free()
	h.advance(pendingRetry)
	if p := j.Pending(); p.Entries != 0 {
		t.Fatalf("after room came back %d entries still wait: %v", p.Entries, p.Err)
	}
	got := j.Levels(h.w.days.day)
	for _, w := range want {
		if l := got[w.id]; l.Level != w.level || l.Src != journal.LevelStart {
			t.Errorf("journal: %s %+v, want level %d (start)", w.id, l, w.level)
		}
	}
	// In order, after the fillers, on disk.
	var order []string
	for _, e := range readEntries(t, j.Path()) {
		if e.Kind == "level" {
			order = append(order, e.Move)
		}
	}
	if strings.Join(order, " ") != "mcgill-curl-up side-planks bird-dogs" {
		t.Errorf("level entries on disk in the order %v", order)
	}

	// Every view shows the journalled levels.
	for _, w := range want {
		if m, _ := h.inuse().r.Find(w.id); m.Level != w.level {
			t.Errorf("the routine in use has %s at level %d, want %d", w.id, m.Level, w.level)
		}
		if m, _ := h.today().list.r.Find(w.id); m.Level != w.level {
			t.Errorf("the checklist has %s at level %d, want %d", w.id, m.Level, w.level)
		}
		if m, _ := h.history().view.r.Find(w.id); m.Level != w.level {
			t.Errorf("History has %s at level %d, want %d", w.id, m.Level, w.level)
		}
	}
	plan, err := schedule.NewPlan(h.inuse().r, h.today().list.selection())
	must(t, err)
	for _, m := range plan.Moves {
		for _, w := range want {
			if m.ID == w.id && m.Level != w.level {
				t.Errorf("the plan has %s at level %d, want %d", m.ID, m.Level, w.level)
			}
		}
	}
	if _, ok := h.session().notes.byKey["pending"]; ok {
		t.Error("the waiting notice stays after everything was saved")
	}
}

// journalLine is what the test reads of a journal line.
type journalLine struct {
	Kind, Move string
}

// readEntries reads the journal file at path.
func readEntries(t *testing.T, path string) []journalLine {
	t.Helper()
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	var out []journalLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e journalLine
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, e)
	}
	must(t, sc.Err())
	return out
}
