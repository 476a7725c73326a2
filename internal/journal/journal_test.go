package journal

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// berlinAt returns the Berlin wall time of a RFC 3339 date-time without
// offset ("2026-11-23T07:00:00").
func berlinAt(t testing.TB, s string) time.Time {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02T15:04:05", s, mustLoc(t, "Europe/Berlin"))
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// openT opens a journal in dir and closes it when the test ends.
func openT(t testing.TB, dir string) *Journal {
	t.Helper()
	j, err := Open(dir, Options{Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j
}

// reopen closes j and opens its directory again.
func reopen(t testing.TB, j *Journal) *Journal {
	t.Helper()
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	return openT(t, j.Dir())
}

func doneList(j *Journal, d Day) []string {
	var ids []string
	for id := range j.Done(d) {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestWritesOneSyncedLinePerEntry(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	j := openT(t, dir)
	at := berlinAt(t, "2026-11-23T07:12:03")
	must(t, j.MarkDone(Today(at), "bird-dogs", Hand, "", at))

	data, err := os.ReadFile(filepath.Join(dir, "journal.jsonl"))
	must(t, err)
	want := `{"v":1,"ts":"2026-11-23T07:12:03+01:00","day":"2026-11-23","kind":"done","move":"bird-dogs","src":"hand"}` + "\n"
	if string(data) != want {
		t.Errorf("journal =\n%s\nwant\n%s", data, want)
	}
	if j.Path() != filepath.Join(dir, "journal.jsonl") {
		t.Errorf("Path = %s", j.Path())
	}
	for _, tc := range []struct {
		path string
		mode os.FileMode
	}{{dir, 0o700}, {filepath.Join(dir, "journal.jsonl"), 0o600}, {filepath.Join(dir, LockName), 0o600}} {
		fi, err := os.Stat(tc.path)
		must(t, err)
		if fi.Mode().Perm() != tc.mode {
			t.Errorf("%s: mode %v, want %v", tc.path, fi.Mode().Perm(), tc.mode)
		}
	}
	if w := j.Warnings(); len(w) != 0 {
		t.Errorf("warnings on a fresh journal: %q", w)
	}
}

func TestSessionAcrossMidnightCountsForItsStartDay(t *testing.T) {
	j := openT(t, t.TempDir())
	start := berlinAt(t, "2026-11-23T23:50:00")
	id, err := j.StartSession(start, "default", []string{"cat-camel", "bird-dogs"})
	must(t, err)
	must(t, j.MarkDone(Today(start), "cat-camel", Timer, id, berlinAt(t, "2026-11-23T23:58:00")))
	// After midnight: the caller may pass the new day; the session decides.
	after := berlinAt(t, "2026-11-24T00:07:00")
	must(t, j.MarkDone(Today(after), "bird-dogs", Timer, id, after))
	must(t, j.EndSession(id, Finished, after))

	mon, tue := day(t, "2026-11-23"), day(t, "2026-11-24")
	if d, ok := j.SessionDay(id); !ok || d != mon {
		t.Errorf("SessionDay = %s, %v", d, ok)
	}
	if _, ok := j.SessionDay("nope"); ok {
		t.Error("SessionDay of an unknown session")
	}
	for _, jj := range []*Journal{j, reopen(t, j)} {
		if got := doneList(jj, mon); !reflect.DeepEqual(got, []string{"bird-dogs", "cat-camel"}) {
			t.Errorf("done on %s = %v", mon, got)
		}
		if got := doneList(jj, tue); len(got) != 0 {
			t.Errorf("done on %s = %v, want none", tue, got)
		}
		s := jj.Day(mon)
		if s.Sessions != 1 || s.Active != 17*time.Minute {
			t.Errorf("summary: %d sessions, active %v", s.Sessions, s.Active)
		}
		if got := s.Moves(); !reflect.DeepEqual(got, []string{"cat-camel", "bird-dogs"}) {
			t.Errorf("moves in tick order = %v", got)
		}
	}
}

func TestHandTicksAndBackfillWindow(t *testing.T) {
	j := openT(t, t.TempDir())
	now := berlinAt(t, "2026-11-23T00:00:00") // the very start of the day
	today := Today(now)
	for _, tc := range []struct {
		day  Day
		want error
	}{
		{today, nil},
		{today.Add(-1), nil},
		{today.Add(-6), nil},
		{today.Add(-7), ErrTooOld},
		{today.Add(-400), ErrTooOld},
		{today.Add(1), nil}, // a zone change can show tomorrow's list
		{today.Add(2), ErrFuture},
		{Day{}, nil}, // checked below: an error, but not one of ours
	} {
		err := j.MarkDone(tc.day, "dead-bug", Hand, "", now)
		if tc.day.IsZero() {
			if err == nil {
				t.Error("zero day accepted")
			}
			continue
		}
		if !errors.Is(err, tc.want) {
			t.Errorf("MarkDone(%s) = %v, want %v", tc.day, err, tc.want)
		}
		if err == nil && !j.Done(tc.day)["dead-bug"] {
			t.Errorf("%s: tick not shown", tc.day)
		}
		if err != nil && j.Done(tc.day)["dead-bug"] {
			t.Errorf("%s: rejected tick shown", tc.day)
		}
		if err := j.MarkUndone(tc.day, "dead-bug", now); !errors.Is(err, tc.want) {
			t.Errorf("MarkUndone(%s) = %v, want %v", tc.day, err, tc.want)
		}
	}
	if err := j.MarkDone(today, "", Hand, "", now); err == nil {
		t.Error("empty move accepted")
	}
	if err := j.MarkDone(today, "x", "robot", "", now); err == nil {
		t.Error("unknown source accepted")
	}
	if err := j.MarkDone(today, "x", Timer, "no-such-session", now); !errors.Is(err, ErrUnknownSession) {
		t.Errorf("unknown session: %v", err)
	}
}

func TestDoneSetFollowsTheLastEntry(t *testing.T) {
	j := openT(t, t.TempDir())
	at := berlinAt(t, "2026-11-23T08:00:00")
	d := Today(at)
	steps := []struct {
		done bool
		move string
		want []string
	}{
		{true, "bird-dogs", []string{"bird-dogs"}},
		{true, "side-plank", []string{"bird-dogs", "side-plank"}},
		{false, "bird-dogs", []string{"side-plank"}},
		{false, "bird-dogs", []string{"side-plank"}}, // untick of an unticked move: no-op
		{true, "bird-dogs", []string{"bird-dogs", "side-plank"}},
		{true, "bird-dogs", []string{"bird-dogs", "side-plank"}},
	}
	for i, s := range steps {
		at = at.Add(time.Minute)
		if s.done {
			must(t, j.MarkDone(d, s.move, Hand, "", at))
		} else {
			must(t, j.MarkUndone(d, s.move, at))
		}
		if got := doneList(j, d); !reflect.DeepEqual(got, s.want) {
			t.Errorf("step %d: done = %v, want %v", i, got, s.want)
		}
	}
	// Back-filled ticks for yesterday do not touch today.
	must(t, j.MarkDone(d.Add(-1), "cat-camel", Hand, "", at))
	j = reopen(t, j)
	if got := doneList(j, d); !reflect.DeepEqual(got, []string{"bird-dogs", "side-plank"}) {
		t.Errorf("after reopen: done = %v", got)
	}
	if got := doneList(j, d.Add(-1)); !reflect.DeepEqual(got, []string{"cat-camel"}) {
		t.Errorf("yesterday: done = %v", got)
	}
	lines := strings.Count(readFile(t, j.Path()), "\n")
	if lines != 6 { // the second untick wrote nothing
		t.Errorf("%d lines written, want 6", lines)
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return string(b)
}

func TestDayComesFromTheStoredFieldNotTheTimestamp(t *testing.T) {
	dir := t.TempDir()
	j := openT(t, dir)
	berlin, ny := mustLoc(t, "Europe/Berlin"), mustLoc(t, "America/New_York")
	// Ticked in Berlin shortly after midnight: counts for the 24th there.
	at := time.Date(2026, 11, 24, 0, 30, 0, 0, berlin)
	must(t, j.MarkDone(Today(at), "bird-dogs", Hand, "", at))
	// The user flies to New York; there it is still the 23rd: a tick for
	// the day the checklist shows now (the 23rd) is a different day.
	at2 := time.Date(2026, 11, 23, 20, 0, 0, 0, ny)
	must(t, j.MarkDone(Today(at2), "cat-camel", Hand, "", at2))

	data := readFile(t, j.Path())
	if !strings.Contains(data, `"ts":"2026-11-24T00:30:00+01:00","day":"2026-11-24"`) ||
		!strings.Contains(data, `"ts":"2026-11-23T20:00:00-05:00","day":"2026-11-23"`) {
		t.Errorf("timestamps or days are not as recorded:\n%s", data)
	}
	j = reopen(t, j)
	if got := doneList(j, day(t, "2026-11-24")); !reflect.DeepEqual(got, []string{"bird-dogs"}) {
		t.Errorf("24th = %v", got)
	}
	if got := doneList(j, day(t, "2026-11-23")); !reflect.DeepEqual(got, []string{"cat-camel"}) {
		t.Errorf("23rd = %v", got)
	}
}

func TestStreaks(t *testing.T) {
	today := day(t, "2026-11-25") // a Wednesday
	for _, tc := range []struct {
		name   string
		done   []int // days relative to today
		target int
		want   Streaks
	}{
		{"empty", nil, 0, Streaks{WeeklyTarget: 5}},
		{"today only", []int{0}, 0, Streaks{Current: 1, Best: 1, TodayDone: true, WeekDays: 1, WeeklyTarget: 5}},
		{"not yet today", []int{-1, -2, -3}, 0, Streaks{Current: 3, Best: 3, WeekDays: 2, WeeklyTarget: 5}},
		{"broken yesterday", []int{0, -2, -3, -4}, 0, Streaks{Current: 1, Best: 3, TodayDone: true, WeekDays: 2, WeeklyTarget: 5}},
		{"broken two days", []int{-2, -3}, 0, Streaks{Current: 0, Best: 2, WeekDays: 1, WeeklyTarget: 5}},
		{"best long ago", []int{0, -20, -21, -22, -23, -24, -25}, 0, Streaks{Current: 1, Best: 6, TodayDone: true, WeekDays: 1, WeeklyTarget: 5}},
		// Last week (Mon 16th..Sun 22nd) had 5 days, the week before 5;
		// this week is in progress with 1 day: the streak is 2.
		{"weeks in progress", []int{0, -1, -2, -3, -4, -5, -6, -7, -10, -11, -12, -13, -14}, 0,
			Streaks{Current: 8, Best: 8, TodayDone: true, WeekDays: 3, Weeks: 2, WeeklyTarget: 5}},
		// With target 3 this week (Mon, Tue, Wed) already counts.
		{"week met", []int{0, -1, -2, -3, -4, -5}, 3,
			Streaks{Current: 6, Best: 6, TodayDone: true, WeekDays: 3, Weeks: 2, WeeklyTarget: 3}},
		// Last week short of target: nothing, even with a good week before.
		{"weeks broken", []int{-7, -8, -12, -13, -14, -15, -16}, 5,
			Streaks{Current: 0, Best: 5, WeekDays: 0, Weeks: 0, WeeklyTarget: 5}},
		{"target clamps to 7", []int{-3, -4, -5, -6, -7, -8, -9}, 9,
			Streaks{Current: 0, Best: 7, Weeks: 1, WeekDays: 0, WeeklyTarget: 7}},
		// A tick dated tomorrow (a change of time zone) is not part of
		// any streak yet.
		{"future days", []int{1, 0, -1}, 0, Streaks{Current: 2, Best: 2, TodayDone: true, WeekDays: 2, WeeklyTarget: 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j := openT(t, t.TempDir())
			for _, off := range tc.done {
				d := today.Add(off)
				at := d.Start(time.UTC).Add(9 * time.Hour)
				// Written as a hand tick on its own day.
				must(t, j.MarkDone(d, "bird-dogs", Hand, "", at))
			}
			// An unticked day does not count.
			must(t, j.MarkDone(today.Add(-40), "x", Hand, "", today.Add(-40).Start(time.UTC)))
			must(t, j.MarkUndone(today.Add(-40), "x", today.Add(-40).Start(time.UTC)))
			if got := j.Streaks(today, tc.target); got != tc.want {
				t.Errorf("Streaks = %+v\nwant      %+v", got, tc.want)
			}
		})
	}
}

func TestPainComesFromTheDaysLastSessionThatHasIt(t *testing.T) {
	j := openT(t, t.TempDir())
	at := berlinAt(t, "2026-11-23T07:00:00")
	d := Today(at)
	s1, err := j.StartSession(at, "default", nil)
	must(t, err)
	must(t, j.SavePain(s1, Before, 6, at))
	must(t, j.SavePain(s1, After, 4, at.Add(20*time.Minute)))
	must(t, j.EndSession(s1, Finished, at.Add(20*time.Minute)))
	s2, err := j.StartSession(at.Add(10*time.Hour), "big3", nil)
	must(t, err)
	must(t, j.SavePain(s2, Before, 5, at.Add(10*time.Hour)))
	must(t, j.SavePain(s2, Before, 3, at.Add(10*time.Hour+time.Minute))) // a correction
	must(t, j.EndSession(s2, Stopped, at.Add(10*time.Hour+5*time.Minute)))

	for _, jj := range []*Journal{j, reopen(t, j)} {
		s := jj.Day(d)
		if s.PainBefore == nil || *s.PainBefore != 3 || s.PainAfter == nil || *s.PainAfter != 4 {
			t.Errorf("pain = %v / %v, want 3 / 4", s.PainBefore, s.PainAfter)
		}
		if s.Sessions != 2 || s.Finished != 1 || s.Stopped != 1 || s.Active != 25*time.Minute {
			t.Errorf("%d sessions (%d finished, %d stopped), active %v", s.Sessions, s.Finished, s.Stopped, s.Active)
		}
		if other := jj.Day(d.Add(-1)); other.PainBefore != nil || other.PainAfter != nil || other.Sessions != 0 {
			t.Errorf("pain on another day: %+v", other)
		}
	}
	for _, tc := range []struct {
		when When
		v    int
	}{{Before, -1}, {After, 11}, {"during", 3}} {
		if err := j.SavePain(s1, tc.when, tc.v, at); err == nil {
			t.Errorf("SavePain(%s, %d) accepted", tc.when, tc.v)
		}
	}
	if err := j.SavePain("nope", Before, 1, at); !errors.Is(err, ErrUnknownSession) {
		t.Errorf("unknown session: %v", err)
	}
}

func TestResumePoint(t *testing.T) {
	j := openT(t, t.TempDir())
	at := berlinAt(t, "2026-11-23T07:00:00")
	today := Today(at)
	moves := []string{"cat-camel", "bird-dogs", "side-plank"}
	id, err := j.StartSession(at, "default", moves)
	must(t, err)
	if _, ok := j.ResumePoint(today); ok {
		t.Error("resume offered before any position")
	}
	must(t, j.SavePosition(Position{Session: id, Routine: "default", Moves: moves, Step: 3, Move: "bird-dogs", Set: 1}, at.Add(time.Minute)))
	must(t, j.SavePosition(Position{Session: id, Routine: "default", Moves: moves, Step: 9, Move: "side-plank", Set: 2}, at.Add(5*time.Minute)))
	// The app is killed here. On the next start:
	j = reopen(t, j)
	want := Position{Session: id, Routine: "default", Moves: moves, Step: 9, Move: "side-plank", Set: 2}
	got, ok := j.ResumePoint(today)
	if !got.At.Equal(at.Add(5 * time.Minute)) {
		t.Errorf("position saved at %v", got.At)
	}
	got.At = time.Time{} // read back with a fixed-offset zone
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("ResumePoint = %+v, %v\nwant %+v", got, ok, want)
	}
	if _, ok := j.ResumePoint(today.Add(1)); ok {
		t.Error("resume offered on another day")
	}
	// Resuming with a different selection records it.
	must(t, j.SavePosition(Position{Session: id, Routine: "default", Moves: moves[1:], Step: 1, Move: "side-plank", Set: 1}, at.Add(30*time.Minute)))
	j = reopen(t, j)
	if got, _ := j.ResumePoint(today); !reflect.DeepEqual(got.Moves, moves[1:]) || got.Step != 1 {
		t.Errorf("after a changed selection: %+v", got)
	}
	// Start fresh.
	must(t, j.EndSession(id, Abandoned, at.Add(2*time.Hour)))
	if _, ok := j.ResumePoint(today); ok {
		t.Error("resume offered after the session was abandoned")
	}
	if err := j.EndSession(id, Finished, at.Add(3*time.Hour)); err == nil {
		t.Error("ended a session twice")
	}
	// The abandoned end does not stretch the active time.
	if s := j.Day(today); s.Active != 30*time.Minute {
		t.Errorf("active = %v, want 30m", s.Active)
	}
	if err := j.SavePosition(Position{Session: "nope"}, at); !errors.Is(err, ErrUnknownSession) {
		t.Errorf("unknown session: %v", err)
	}
}

func TestResumeSkipsSessionsOfOtherDays(t *testing.T) {
	j := openT(t, t.TempDir())
	late := berlinAt(t, "2026-11-23T23:50:00")
	id, err := j.StartSession(late, "default", nil)
	must(t, err)
	must(t, j.SavePosition(Position{Session: id, Step: 2, Move: "a", Set: 1}, late.Add(15*time.Minute)))
	if p, ok := j.ResumePoint(day(t, "2026-11-23")); !ok || p.Step != 2 {
		t.Errorf("same day: %+v %v", p, ok)
	}
	if _, ok := j.ResumePoint(day(t, "2026-11-24")); ok {
		t.Error("yesterday's session offered today")
	}
}

func TestSecondInstanceIsLockedOut(t *testing.T) {
	dir := t.TempDir()
	j := openT(t, dir)
	at := berlinAt(t, "2026-11-23T07:00:00")
	must(t, j.MarkDone(Today(at), "bird-dogs", Hand, "", at))
	if _, err := Open(dir, Options{}); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open = %v, want ErrLocked", err)
	}
	// A reader may look while the app runs.
	r, err := Load(dir)
	must(t, err)
	if !r.Done(Today(at))["bird-dogs"] {
		t.Error("Load does not see the tick")
	}
	if err := r.MarkDone(Today(at), "x", Hand, "", at); !errors.Is(err, ErrReadOnly) {
		t.Errorf("writing through Load: %v", err)
	}
	must(t, j.Close())
	if err := j.MarkDone(Today(at), "x", Hand, "", at); !errors.Is(err, ErrClosed) {
		t.Errorf("writing after Close: %v", err)
	}
	j2 := openT(t, dir)
	if !j2.Done(Today(at))["bird-dogs"] {
		t.Error("tick lost across instances")
	}
}

func TestLoadOfAMissingDirIsEmpty(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nothing", "here")
	j, err := Load(dir)
	must(t, err)
	if len(j.Warnings()) != 0 || len(j.Done(day(t, "2026-11-23"))) != 0 {
		t.Errorf("not empty: %q", j.Warnings())
	}
	if j.Path() != filepath.Join(dir, "journal.jsonl") {
		t.Errorf("Path = %s", j.Path())
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load created the directory: %v", err)
	}
	if _, ok := j.FirstDay(); ok {
		t.Error("FirstDay of an empty journal")
	}
}

func TestDaysListsEveryDayNewestFirst(t *testing.T) {
	j := openT(t, t.TempDir())
	at := berlinAt(t, "2026-11-23T07:00:00")
	must(t, j.MarkDone(Today(at).Add(-2), "a", Hand, "", at))
	must(t, j.MarkDone(Today(at), "b", Hand, "", at))
	days := j.Days(Today(at), Today(at).Add(-3)) // reversed bounds are fine
	var got []string
	for _, d := range days {
		got = append(got, d.Date.String()+":"+strings.Join(d.Moves(), ","))
	}
	want := []string{"2026-11-23:b", "2026-11-22:", "2026-11-21:a", "2026-11-20:"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Days = %v, want %v", got, want)
	}
	if first, ok := j.FirstDay(); !ok || first.String() != "2026-11-21" {
		t.Errorf("FirstDay = %v %v", first, ok)
	}
}

func TestDefaultDir(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the expected path is Linux's")
	}
	t.Setenv("XDG_CONFIG_HOME", "/home/u/.config")
	t.Setenv("HOME", "/home/u")
	dir, err := DefaultDir("org.spineroutine.SpineRoutine")
	must(t, err)
	if want := "/home/u/.config/fyne/org.spineroutine.SpineRoutine"; dir != want {
		t.Errorf("DefaultDir = %s, want %s", dir, want)
	}
}
