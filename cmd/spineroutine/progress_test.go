package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// jday is one day of a journal written by hand in the documented format:
// a session with pain before and after (-1: none), the moves the timer
// completed (at level when not 0) and the moves flagged.
type jday struct {
	day           string
	before, after int
	timed         []string
	level         int
	flags         map[string]string
	levels        map[string]int // level entries written before the session
}

// writeDocumentedJournal writes days as journal.jsonl lines into a new
// data directory and returns it.
func writeDocumentedJournal(t *testing.T, days []jday) string {
	t.Helper()
	var b strings.Builder
	for i, d := range days {
		ts := func(min int) string { return fmt.Sprintf("%sT08:%02d:00+01:00", d.day, min) }
		head := func(min int, kind string) string {
			return fmt.Sprintf(`{"v":1,"ts":%q,"day":%q,"kind":%q`, ts(min), d.day, kind)
		}
		for m, lv := range d.levels {
			fmt.Fprintf(&b, `%s,"move":%q,"src":"hand","level":%d}`+"\n", head(0, "level"), m, lv)
		}
		s := fmt.Sprintf("s%d", i)
		fmt.Fprintf(&b, `%s,"session":%q,"routine":"default"}`+"\n", head(1, "session_start"), s)
		if d.before >= 0 {
			fmt.Fprintf(&b, `%s,"session":%q,"when":"before","pain":%d}`+"\n", head(1, "pain"), s, d.before)
		}
		for k, m := range d.timed {
			level := ""
			if d.level > 0 {
				level = fmt.Sprintf(`,"level":%d`, d.level)
			}
			fmt.Fprintf(&b, `%s,"move":%q,"src":"timer","session":%q%s}`+"\n", head(2+k, "done"), m, s, level)
		}
		for m, f := range d.flags {
			fmt.Fprintf(&b, `%s,"move":%q,"session":%q,"flag":%q}`+"\n", head(40, "flag"), m, s, f)
		}
		if d.after >= 0 {
			fmt.Fprintf(&b, `%s,"session":%q,"when":"after","pain":%d}`+"\n", head(50, "pain"), s, d.after)
			fmt.Fprintf(&b, `%s,"session":%q,"reason":"finished"}`+"\n", head(50, "session_end"), s)
		}
	}
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// flareJournal: three good days of the whole default routine, W-Rows
// flagged on the third, then a morning at 7/10.
func flareJournal(t *testing.T) string {
	all := routine.Default().IDs()
	return writeDocumentedJournal(t, []jday{
		{day: "2026-11-20", before: 2, after: 3, timed: all},
		{day: "2026-11-21", before: 2, after: 3, timed: all},
		{day: "2026-11-22", before: 2, after: 3, timed: all, flags: map[string]string{"w-rows": "hurts"}},
		{day: "2026-11-23", before: 7, after: -1},
	})
}

// decodedProgress is `progress --json` as read back.
type decodedProgress struct {
	Day    string `json:"day"`
	Flare  bool   `json:"flare"`
	Safety bool   `json:"safety"`
	Moves  []struct {
		ID      string `json:"id"`
		Step    int    `json:"step"`
		Steps   int    `json:"steps"`
		Top     int    `json:"top"`
		Suggest string `json:"suggest"`
		Why     string `json:"why"`
	} `json:"moves"`
}

// upJournal: three good days of the whole default routine, then a good
// morning: every move has earned its next step.
func upJournal(t *testing.T) string {
	all := routine.Default().IDs()
	return writeDocumentedJournal(t, []jday{
		{day: "2026-11-20", before: 2, after: 3, timed: all},
		{day: "2026-11-21", before: 1, after: 3, timed: all},
		{day: "2026-11-22", before: 2, after: 2, timed: all},
		{day: "2026-11-23", before: 2, after: -1},
	})
}

// TestProgressCommand: the suggestions of journals written in the
// documented format, as JSON (every field) and as text (golden).
func TestProgressCommand(t *testing.T) {
	r := routine.Default()
	for _, c := range []struct {
		name, data  string
		suggest     func(i int) string // the suggestion of move i
		flare       bool
		step        func(routine.Move) int // the step each move is at
		curl, wrows string                 // the reasons of two moves
	}{
		{"flare-up", flareJournal(t), func(int) string { return "down" }, true, func(m routine.Move) int { return m.StartLevel },
			"The pain went from 2/10 before the session yesterday to 7/10 today: go back to level 3 (5-3-1 × 10 s)?",
			"You flagged it as hurting yesterday: go back to level 2 (10-10 reps)?"},
		// Every move earned a step up; two step up on one day (the first
		// two: the runs are equal), the others wait.
		{"steady", upJournal(t), func(i int) string { return map[bool]string{true: "up", false: "stay"}[i < 2] }, false,
			func(m routine.Move) int { return m.StartLevel },
			"3 sessions on 3 days went well at level 4 (6-4-2 × 10 s): ready for level 5 (7-5-3 × 10 s), " +
				"but at most 2 moves step up on one day, so it waits for another day.",
			"3 sessions on 3 days went well at level 3 (12-12 reps): ready for level 4 (15-15 reps), " +
				"but at most 2 moves step up on one day, so it waits for another day."},
	} {
		var got decodedProgress
		runCLI(t, &got, "progress", "--json", "--data", c.data, "--day", "2026-11-23")
		if got.Day != "2026-11-23" || got.Flare != c.flare || got.Safety || len(got.Moves) != len(r.Moves) {
			t.Fatalf("%s: got %+v", c.name, got)
		}
		for i, m := range got.Moves {
			rm := r.Moves[i]
			if m.ID != rm.ID || m.Step != c.step(rm) || m.Steps != rm.LevelCount() || m.Top != rm.TopLevel ||
				m.Suggest != c.suggest(i) {
				t.Errorf("%s: move %d: %+v, want %s at %d of %d (top %d) %s", c.name, i, m, rm.ID, c.step(rm),
					rm.LevelCount(), rm.TopLevel, c.suggest(i))
			}
			if want := map[string]string{"mcgill-curl-up": c.curl, "w-rows": c.wrows}[m.ID]; want != "" && m.Why != want {
				t.Errorf("%s: %s: %q, want %q", c.name, m.ID, m.Why, want)
			}
		}
	}

	// The day before the flare-up: the session of the 22nd waits for its
	// next check-in.
	var got decodedProgress
	runCLI(t, &got, "progress", "--json", "--data", flareJournal(t), "--day", "2026-11-22")
	if got.Flare || got.Moves[7].Why != "Stay at level 4 (6-4-2 × 10 s): the session today counts once the next check-in "+
		"(the pain before the next session) is in." {
		t.Errorf("the 22nd: %+v", got.Moves[7])
	}

	var stdout, stderr bytes.Buffer
	if code := run([]string{"progress", "--data", flareJournal(t), "--day", "2026-11-23"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	golden := filepath.Join("testdata", "progress.golden")
	if updating() {
		if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if stdout.String() != string(want) {
		t.Errorf("text output:\n%s\nwant (%s):\n%s", stdout.String(), golden, want)
	}
}

// TestProgressCommandToday: without --day the command asks about today;
// without a journal every move stays at its start step.
func TestProgressCommandToday(t *testing.T) {
	now := logToday(t)
	old := progressNow
	progressNow = func() time.Time { return now }
	t.Cleanup(func() { progressNow = old })
	var got decodedProgress
	runCLI(t, &got, "progress", "--json", "--data", filepath.Join(t.TempDir(), "none"))
	if got.Day != journal.Today(now).String() || got.Flare || got.Moves[7].Suggest != "stay" || got.Moves[7].Step != 4 ||
		got.Moves[7].Why != "Stay at level 4 (6-4-2 × 10 s): no session at this level yet." {
		t.Errorf("got %+v", got)
	}
}

// TestProgressUsage: bad flags are usage errors.
func TestProgressUsage(t *testing.T) {
	for _, args := range [][]string{
		{"progress", "--day", "23.11.2026"},
		{"progress", "extra"},
		{"progress", "--nope"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 || stdout.Len() != 0 {
			t.Errorf("%v: exit %d, stdout %q", args, code, stdout.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"progress", "--routine", "testdata/missing.toml"}, &stdout, &stderr); code != 1 {
		t.Errorf("a missing routine: exit %d", code)
	}
}

// TestPlanUsesTheJournalsLevels: plan times each move at the level the
// journal has for it today, and at its start level without a journal.
func TestPlanUsesTheJournalsLevels(t *testing.T) {
	now := logToday(t)
	old := levelsNow
	levelsNow = func() time.Time { return now }
	t.Cleanup(func() { levelsNow = old })
	data := writeDocumentedJournal(t, []jday{
		{day: "2026-11-22", before: -1, after: -1, levels: map[string]int{"mcgill-curl-up": 1}},
		{day: "2026-11-23", before: -1, after: -1, levels: map[string]int{"side-planks": 6}},
	})
	firstWork := func(data string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"plan", "--moves", "mcgill-curl-up,side-planks", "--data", data}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		var reps []string
		seen := map[string]bool{}
		for _, line := range strings.Split(stdout.String(), "\n") {
			f := strings.Fields(line)
			// offset, "work", move, "1/3", "·", "1/6", duration
			if len(f) >= 6 && f[1] == "work" && f[3] == "1/3" && !seen[f[2]] {
				seen[f[2]] = true
				reps = append(reps, f[2]+" "+f[5]+" "+f[len(f)-1])
			}
		}
		return strings.Join(reps, ", ")
	}
	// Level 1 of the curl-up is 3-2-1 × 8 s, its start 6-4-2 × 10 s; level
	// 6 of the side planks is 8-6-4 × 10 s.
	if got, want := firstWork(data), "mcgill-curl-up 1/3 8s, side-planks 1/8 10s"; got != want {
		t.Errorf("with the journal: %s, want %s", got, want)
	}
	if got, want := firstWork(filepath.Join(t.TempDir(), "none")), "mcgill-curl-up 1/6 10s, side-planks 1/6 10s"; got != want {
		t.Errorf("without a journal: %s, want %s", got, want)
	}
}

// TestProgressSafetyDay: at a before of 8 the command says the stop, as
// the window does, and not the flare-up's bad-day routine.
func TestProgressSafetyDay(t *testing.T) {
	data := writeDocumentedJournal(t, []jday{
		{day: "2026-11-22", before: 2, after: 3, timed: routine.Default().IDs()},
		{day: "2026-11-23", before: 8, after: -1},
	})
	var stdout, stderr bytes.Buffer
	if code := run([]string{"progress", "--data", data, "--day", "2026-11-23"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	if !strings.Contains(out, "Stop, and contact your surgeon or physiotherapist") || strings.Contains(out, "bad-day") {
		t.Errorf("the text says:\n%s", out)
	}
}
