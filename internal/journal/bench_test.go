package journal

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fiveMoves are the moves of the older benchmark journal.
var fiveMoves = []string{"cat-camel", "bird-dogs", "side-plank", "mcgill-curl-up", "dead-bug"}

// defaultMoves are the twelve moves of the default routine: a full session.
var defaultMoves = []string{"diaphragmatic-breathing", "pelvic-tilts", "cat-camel", "bird-dogs", "side-plank",
	"mcgill-curl-up", "dead-bug", "glute-bridge", "clamshells", "hip-flexor-stretch", "hamstring-stretch", "walk-in-place"}

// writeYears writes a journal of years of daily use straight to dir (no
// fsync per line): each day a session of moves with a pain check-in before
// and after, a timer tick for each move at its level (and a position
// entry before it, as older versions wrote, when positions is set), and
// one hand tick of the day before; every 7th day a move's level goes up
// (every 21st for that day only), every 9th a move is flagged, every 5th
// the day has a note. It returns the number of entries.
func writeYears(tb testing.TB, dir string, years int, moves []string, positions bool) (entries int, last Day) {
	tb.Helper()
	loc := mustLoc(tb, "Europe/Berlin")
	var buf []byte
	add := func(e entry, at time.Time) {
		e.V, e.TS = Version, at.Format(time.RFC3339)
		b, err := encode(&e)
		if err != nil {
			tb.Fatal(err)
		}
		buf = append(buf, b...)
		entries++
	}
	n := years * 365
	first := NewDay(2026, time.November, 22).Add(1 - n) // the last day is 2026-11-22
	for i := range n {
		d := first.Add(i)
		ds := d.String()
		at := d.Start(loc).Add(7 * time.Hour)
		id := at.UTC().Format("20060102T150405Z") + "-abcdef"
		add(entry{Kind: KindSessionStart, Day: ds, Session: id, Routine: "default", Moves: moves}, at)
		pain := i % 11
		add(entry{Kind: KindPain, Day: ds, Session: id, When: Before, Pain: &pain}, at)
		if i%7 == 0 {
			lv := 1 + i/7%5
			add(entry{Kind: KindLevel, Day: ds, Move: moves[i%len(moves)], Level: &lv, Src: Source(LevelSuggested),
				Today: i%21 == 0}, at)
		}
		for k, m := range moves {
			step, set := 2*k, 1
			at = at.Add(3 * time.Minute)
			if positions {
				add(entry{Kind: KindPosition, Day: ds, Session: id, Move: m, Step: &step, Set: &set}, at)
			}
			lv := 1 + (i/7+k)%5
			add(entry{Kind: KindDone, Day: ds, Session: id, Move: m, Src: Timer, Level: &lv}, at.Add(2*time.Minute))
			if i%9 == 0 && k == 1 {
				add(entry{Kind: KindFlag, Day: ds, Session: id, Move: m, Flag: string(FlagHurts)}, at.Add(2*time.Minute))
			}
		}
		if i%5 == 0 {
			add(entry{Kind: KindNote, Day: ds, Session: id, Text: fmt.Sprintf("day %d of the routine", i)}, at)
		}
		add(entry{Kind: KindPain, Day: ds, Session: id, When: After, Pain: &pain}, at)
		reason := Finished
		if i%7 == 2 {
			reason = Stopped
		}
		add(entry{Kind: KindSessionEnd, Day: ds, Session: id, Reason: string(reason)}, at)
		if i%3 == 0 {
			add(entry{Kind: KindDone, Day: d.Add(-1).String(), Move: "walk", Src: Hand}, at)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), buf, 0o600); err != nil {
		tb.Fatal(err)
	}
	return entries, first.Add(n - 1)
}

// BenchmarkLoadTenYears reads and folds ten years of daily use.
func BenchmarkLoadTenYears(b *testing.B) {
	dir := b.TempDir()
	n, last := writeYears(b, dir, 10, fiveMoves, true)
	fi, err := os.Stat(filepath.Join(dir, "journal.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		j, err := Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		if s := j.Streaks(last, 0); s.Current != 3651 || len(j.Warnings()) != 0 {
			b.Fatalf("fold is wrong: %+v %q", s, j.Warnings())
		}
	}
	b.ReportMetric(float64(n), "entries")
	b.ReportMetric(float64(fi.Size())/1e6, "MB")
}

// BenchmarkQueriesTenYears measures what the History tab asks on each
// refresh: the last 30 days and the streaks.
func BenchmarkQueriesTenYears(b *testing.B) {
	dir := b.TempDir()
	_, last := writeYears(b, dir, 10, fiveMoves, true)
	j, err := Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		j.Days(last.Add(-29), last)
		j.Streaks(last, 5)
	}
}

// BenchmarkMarkDone measures one synced append (dominated by fsync).
func BenchmarkMarkDone(b *testing.B) {
	j, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer j.Close()
	at := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if err := j.MarkDone(DayOf(at), "bird-dogs", Hand, "", at); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTenYearsFold checks the benchmark's journal folds as intended.
func TestTenYearsFold(t *testing.T) {
	dir := t.TempDir()
	n, last := writeYears(t, dir, 10, fiveMoves, true)
	if n < 45000 || n > 60000 {
		t.Errorf("%d entries, want about 50 000", n)
	}
	j := openT(t, dir)
	s := j.Day(last)
	if len(s.Done) != 5 || s.Sessions != 1 || s.PainBefore == nil || s.Active != 17*time.Minute {
		t.Errorf("last day: %+v", s)
	}
	if got := j.Day(last.Add(-2)); len(got.Done) != 6 { // five moves and the walk
		t.Errorf("day before: %v", got.Moves())
	}
	if st := j.Streaks(last, 0); st.Current != 3651 || st.Best != 3651 || st.Weeks < 520 { // 3651: the walk of the day before the first
		t.Errorf("streaks: %+v", st)
	}
}

// TestWriteHistoryFixture writes the journals scripts/bench.sh times the
// log command and the window's start against: with
// SPINEROUTINE_HISTORY_DIR set, DIR/<years>y-raw (as an older version left
// it: no checkpoint) and DIR/<years>y (opened once, as after the app's
// first start) for 10 and 30 years of a daily full session.
func TestWriteHistoryFixture(t *testing.T) {
	root := os.Getenv("SPINEROUTINE_HISTORY_DIR")
	if root == "" {
		t.Skip("writes the fixture of scripts/bench.sh when SPINEROUTINE_HISTORY_DIR is set")
	}
	for _, years := range []int{10, 30} {
		for _, opened := range []bool{false, true} {
			dir := filepath.Join(root, fmt.Sprintf("%dy", years))
			if !opened {
				dir += "-raw"
			}
			must(t, os.MkdirAll(dir, 0o700))
			writeYears(t, dir, years, defaultMoves, false)
			if opened {
				j, err := Open(dir, Options{})
				must(t, err)
				must(t, j.Close())
			}
		}
	}
}
