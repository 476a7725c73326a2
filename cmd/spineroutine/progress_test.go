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

// TestProgressCommand: the suggestions of a journal written in the
// documented format, as JSON (every field) and as text (golden).
func TestProgressCommand(t *testing.T) {
	data := flareJournal(t)
	var got decodedProgress
	runCLI(t, &got, "progress", "--json", "--data", data, "--day", "2026-11-23")
	r := routine.Default()
	if got.Day != "2026-11-23" || !got.Flare || got.Safety || len(got.Moves) != len(r.Moves) {
		t.Fatalf("got %+v", got)
	}
	for i, m := range got.Moves {
		why := "The pain went from 2/10 before the session yesterday to 7/10 today, and this is already the easiest step: " +
			"keep it gentle, leave it out, or ask your physiotherapist."
		if m.ID == "w-rows" {
			why = "You flagged it as hurting yesterday, and this is already the easiest step: keep it gentle, leave it out, " +
				"or ask your physiotherapist."
		}
		if m.ID != r.Moves[i].ID || m.Step != 1 || m.Steps != 1 || m.Top != 1 || m.Suggest != "stay" || m.Why != why {
			t.Errorf("move %d: %+v, want %s stay %q", i, m, r.Moves[i].ID, why)
		}
	}

	// The day before: no flare-up; the session of the 22nd waits for its
	// next check-in.
	runCLI(t, &got, "progress", "--json", "--data", data, "--day", "2026-11-22")
	if got.Flare || got.Moves[0].Why != "Stay at step 1 (8 reps): the session today counts once the next check-in "+
		"(the pain before the next session) is in." {
		t.Errorf("the 22nd: %+v", got)
	}

	var stdout, stderr bytes.Buffer
	if code := run([]string{"progress", "--data", data, "--day", "2026-11-23"}, &stdout, &stderr); code != 0 {
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
// without a journal every move stays at its first step.
func TestProgressCommandToday(t *testing.T) {
	now := logToday(t)
	old := progressNow
	progressNow = func() time.Time { return now }
	t.Cleanup(func() { progressNow = old })
	var got decodedProgress
	runCLI(t, &got, "progress", "--json", "--data", filepath.Join(t.TempDir(), "none"))
	if got.Day != journal.Today(now).String() || got.Flare || got.Moves[0].Suggest != "stay" ||
		got.Moves[0].Why != "Stay at step 1 (8 reps): no session at this step yet." {
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
