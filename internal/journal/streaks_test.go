package journal

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// streakJournal writes six years of irregular use ending on 2026-11-22
// (runs of 1 to 13 days between gaps, a run of 1000 days, a run of 60 days
// across the checkpoint's cut-off, two days ticked ahead of time after
// 2026-11-23, some days ticked and then unticked), and returns the days
// with a move done. Each day's entries are hand ticks of "a" (and "b" on
// every third day), written at 08:00 that day.
func streakJournal(t *testing.T, dir string) map[Day]bool {
	t.Helper()
	loc := mustLoc(t, "Europe/Berlin")
	last := NewDay(2026, time.November, 22)
	first := last.Add(1 - 6*365)
	var buf []byte
	add := func(kind Kind, d Day, move string) {
		e := entry{V: Version, TS: d.Start(loc).Add(8 * time.Hour).Format(time.RFC3339), Day: d.String(),
			Kind: kind, Move: move, Src: Hand}
		if kind == KindUndone {
			e.Src = ""
		}
		b, err := encode(&e)
		must(t, err)
		buf = append(buf, b...)
	}
	done := make(map[Day]bool)
	tick := func(d Day) {
		add(KindDone, d, "a")
		if d.n%3 == 0 {
			add(KindDone, d, "b")
			add(KindUndone, d, "b") // one of two moves unticked: the day still counts
			add(KindDone, d, "b")
		}
		done[d] = true
	}
	d := first
	for k := 0; d.Before(last.Add(-60)); k++ {
		run := 1 + (k*7)%13
		if k == 40 {
			run = 1000
		}
		for range run {
			tick(d)
			d = d.Add(1)
		}
		if k%5 == 4 { // ticked, then unticked: not done
			add(KindDone, d, "a")
			add(KindUndone, d, "a")
		}
		d = d.Add(1 + k%4)
	}
	for d = last.Add(-59); !d.After(last); d = d.Add(1) {
		tick(d)
	}
	tick(last.Add(3)) // ahead of time: counts from that day on
	tick(last.Add(4))
	must(t, os.WriteFile(filepath.Join(dir, "journal.jsonl"), buf, 0o600))
	return done
}

// wantStreaks counts the streaks as of today straight from the days done,
// walking the calendar day by day.
func wantStreaks(done map[Day]bool, first, today Day, target int) Streaks {
	if target == 0 {
		target = DefaultWeeklyTarget
	}
	st := Streaks{WeeklyTarget: target, TodayDone: done[today]}
	d := today
	if !st.TodayDone {
		d = today.Add(-1)
	}
	for ; done[d]; d = d.Add(-1) {
		st.Current++
	}
	run := 0
	for d := first; !d.After(today); d = d.Add(1) {
		if done[d] {
			run++
			st.Best = max(st.Best, run)
		} else {
			run = 0
		}
	}
	y, m, dd := today.Date()
	sinceMonday := (int(time.Date(y, m, dd, 12, 0, 0, 0, time.UTC).Weekday()) + 6) % 7
	monday := today.Add(-sinceMonday)
	week := func(w Day) int {
		n := 0
		for i := range 7 {
			if d := w.Add(i); done[d] && !d.After(today) {
				n++
			}
		}
		return n
	}
	st.WeekDays = week(monday)
	w := monday
	if st.WeekDays < target {
		w = w.Add(-7)
	}
	for ; week(w) >= target; w = w.Add(-7) {
		st.Weeks++
	}
	return st
}

// TestStreaksAsOfAnyDay asks for the streaks as of days across six years
// (today, days to come, past days, days inside the checkpoint's archive)
// from a read of the files alone and from a read of the checkpoint with
// entries appended after it, and compares both with a count made from the
// days written.
func TestStreaksAsOfAnyDay(t *testing.T) {
	dir := t.TempDir()
	done := streakJournal(t, dir)
	first := NewDay(2026, time.November, 22).Add(1 - 6*365)

	// The app opens the journal on 2026-11-23: it archives the days before
	// 2026-10-19 in the checkpoint.
	j := openT(t, dir)
	must(t, j.Close())
	cutoff := NewDay(2026, time.October, 19)

	// Entries after the checkpoint, read on from it: a recent day
	// unticked (an entry for an archived day would make the next start
	// read every file again), a day ahead of time ticked.
	undo := cutoff.Add(5)
	if undo.n%3 == 0 {
		undo = undo.Add(1)
	}
	ahead := NewDay(2026, time.November, 24)
	f, err := os.OpenFile(filepath.Join(dir, "journal.jsonl"), os.O_WRONLY|os.O_APPEND, 0)
	must(t, err)
	for _, e := range []entry{
		{Kind: KindUndone, Day: undo.String(), Move: "a"},
		{Kind: KindDone, Day: ahead.String(), Move: "late", Src: Hand},
	} {
		e.V, e.TS = Version, "2026-11-23T10:00:00+01:00"
		b, err := encode(&e)
		must(t, err)
		_, err = f.Write(b)
		must(t, err)
	}
	must(t, f.Close())
	delete(done, undo)
	done[ahead] = true

	cp := filepath.Join(dir, checkpointName)
	fromCP := loadT(t, dir)
	if len(fromCP.st.arch.done) < 1000 {
		t.Fatalf("the checkpoint archived %d days done, want the years before %s", len(fromCP.st.arch.done), cutoff)
	}
	must(t, os.Rename(cp, cp+".off"))
	files := loadT(t, dir)
	if len(files.st.arch.days) != 0 {
		t.Fatalf("a read without the checkpoint has %d archived days", len(files.st.arch.days))
	}

	var longStart Day // the first day of the run of 1000 days
	for d, run := first, 0; longStart.IsZero(); d = d.Add(1) {
		if run = run + 1; !done[d] {
			run = 0
		} else if run == 1000 {
			longStart = d.Add(-999)
		}
	}
	for _, tc := range []struct {
		name   string
		today  Day
		target int
	}{
		{"today", NewDay(2026, time.November, 23), 0},
		{"today, target 3", NewDay(2026, time.November, 23), 3},
		{"last day written", NewDay(2026, time.November, 22), 0},
		{"a day ahead of time", NewDay(2026, time.November, 25), 0},
		{"after the days ahead", NewDay(2026, time.December, 1), 7},
		{"after the cut-off", cutoff.Add(3), 0},
		{"the cut-off", cutoff, 0},
		{"the day before the cut-off", cutoff.Add(-1), 0},
		{"two days before the cut-off", cutoff.Add(-2), 0},
		{"inside the long run", longStart.Add(365), 0},
		{"inside the long run, target 7", longStart.Add(400), 7},
		{"end of the long run", longStart.Add(999), 0},
		{"after the long run", longStart.Add(1001), 0},
		{"the unticked day", undo, 0},
		{"the day after the unticked day", undo.Add(1), 0},
		{"the day ticked late, ahead of time", ahead, 0},
		{"the first day", first, 0},
		{"before the first day", first.Add(-1), 0},
		{"a Sunday in the archive", longStart.Add(-40).WeekStart().Add(6), 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := wantStreaks(done, first, tc.today, tc.target)
			if got := files.Streaks(tc.today, tc.target); got != want {
				t.Errorf("from the files, as of %s:\n got %+v\nwant %+v", tc.today, got, want)
			}
			if got := fromCP.Streaks(tc.today, tc.target); got != want {
				t.Errorf("from the checkpoint, as of %s:\n got %+v\nwant %+v", tc.today, got, want)
			}
		})
	}
}
