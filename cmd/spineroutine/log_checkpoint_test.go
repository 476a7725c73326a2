package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/journal"
)

// TestLogStreaksWithAClockOnceAhead: the app once ran with the clock seven
// months ahead, wrote days to come and saved a checkpoint that archives
// them. Back on the right day, log prints the same streaks with the
// checkpoint as from the files alone, and they count no day to come.
func TestLogStreaksWithAClockOnceAhead(t *testing.T) {
	now := logToday(t) // Monday 2026-11-23
	setLogNow(t, now)
	today := journal.Today(now)
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	tick := func(d journal.Day) {
		for _, m := range []string{"cat-camel", "bird-dogs", "side-plank"} {
			fmt.Fprintf(&b, `{"v":1,"ts":"%sT09:00:00+01:00","day":"%s","kind":"done","move":"%s","src":"hand"}`+"\n", d, d, m)
		}
	}
	for i := 100; i >= 0; i-- { // Sat 2026-08-15 to today: 101 days
		tick(today.Add(-i))
	}
	for i := 2; i <= 201; i++ { // 200 days to come, from Wed 2026-11-25
		tick(today.Add(i))
	}
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	ahead := today.Add(202).Start(now.Location()).Add(9 * time.Hour)
	j, err := journal.Open(dir, journal.Options{Now: func() time.Time { return ahead }})
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(dir, "journal.checkpoint")
	if _, err := os.Stat(cp); err != nil {
		t.Fatalf("no checkpoint: %v", err)
	}

	logs := func() (text, js string) {
		t.Helper()
		var out [2]string
		for i, args := range [][]string{nil, {"--json"}} {
			code, stdout, stderr := runLogT(t, append([]string{"--data", dir}, args...)...)
			if code != 0 || stderr != "" {
				t.Fatalf("log %v: exit %d, stderr %q", args, code, stderr)
			}
			out[i] = stdout
		}
		return out[0], out[1]
	}
	text, js := logs()
	if err := os.Rename(cp, cp+".off"); err != nil {
		t.Fatal(err)
	}
	filesText, filesJS := logs()
	if text != filesText || js != filesJS {
		t.Errorf("from the checkpoint:\n%s\n%s\nfrom the files:\n%s\n%s", text, js, filesText, filesJS)
	}
	// 101 days in a row, the best; weeks: the 14 full weeks from Monday
	// 2026-08-17 (this week has one day so far).
	const want = "Streak:  101 days in a row (best 101); 14 weeks in a row with 5+ days (1 so far this week)\n"
	if !strings.Contains(text, want) {
		t.Errorf("log from the checkpoint:\n%s\nwant the line %q", text, want)
	}
	var got logOutput
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatal(err)
	}
	if got.StreakDays != 101 || got.BestStreakDays != 101 || got.WeeksStreak != 14 {
		t.Errorf("log --json from the checkpoint: %+v", got)
	}
}
