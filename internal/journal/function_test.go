package journal

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRatingsFromTheDocumentedFormat reads function entries written by
// hand as the package documentation describes them, bad ones among them,
// and keeps the good ones through the checkpoint.
func TestRatingsFromTheDocumentedFormat(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("a", MaxActivity+1)
	// 1000 ticks of an old day before them: past the 64 KiB after which
	// Open saves a checkpoint.
	var padding []string
	for i := range 1000 {
		padding = append(padding, fmt.Sprintf(`{"v":1,"ts":"2026-01-01T08:00:00+01:00","day":"2026-01-01","kind":"done","move":"m%d","src":"hand"}`, i))
	}
	writeJournal(t, dir, "journal.jsonl", strings.Join(padding, "\n")+"\n"+strings.Join([]string{
		`{"v":1,"ts":"2026-11-20T08:00:00+01:00","day":"2026-11-20","kind":"function","activity":"Putting on socks","score":4}`,
		`{"v":1,"ts":"2026-11-20T08:00:01+01:00","day":"2026-11-20","kind":"function","activity":"Sitting 30 minutes","score":0}`,
		`{"v":1,"ts":"2026-11-27T08:00:00+01:00","day":"2026-11-27","kind":"function","activity":"Putting on socks","score":6}`,
		`{"v":1,"ts":"2026-11-27T08:00:00+01:00","day":"2026-11-27","kind":"function","activity":"Putting on socks","score":11}`,
		`{"v":1,"ts":"2026-11-27T08:00:00+01:00","day":"2026-11-27","kind":"function","activity":"Putting on socks","score":4.5}`,
		`{"v":1,"ts":"2026-11-27T08:00:00+01:00","day":"2026-11-27","kind":"function","activity":"","score":4}`,
		`{"v":1,"ts":"2026-11-27T08:00:00+01:00","day":"2026-11-27","kind":"function","activity":"` + long + `","score":4}`,
		`{"v":1,"ts":"2026-11-27T08:00:00+01:00","day":"2026-11-27","kind":"function","activity":"Walking"}`,
		`{"v":1,"ts":"2026-11-27T08:00:00+01:00","kind":"function","activity":"Walking","score":3}`,
	}, "\n")+"\n")
	want := []Rating{{Day: NewDay(2026, 11, 20), Activity: "Putting on socks", Score: 4},
		{Day: NewDay(2026, 11, 20), Activity: "Sitting 30 minutes", Score: 0},
		{Day: NewDay(2026, 11, 27), Activity: "Putting on socks", Score: 6}}
	check := func(j *Journal) {
		t.Helper()
		got := j.Ratings(NewDay(2026, 11, 30))
		if len(got) != len(want) {
			t.Fatalf("ratings %+v, want %+v", got, want)
		}
		for i := range want {
			if got[i].Day != want[i].Day || got[i].Activity != want[i].Activity || got[i].Score != want[i].Score {
				t.Errorf("rating %d: %+v, want %+v", i, got[i], want[i])
			}
		}
		if n := len(j.Ratings(NewDay(2026, 11, 26))); n != 2 {
			t.Errorf("%d ratings up to the 26th, want 2", n)
		}
	}
	j := loadT(t, dir)
	wantWarnings(t, j, []string{"line 1004, 1005, 1006, 1007, 1008, 1009"})
	check(j)
	must(t, openT(t, dir).Close()) // saves the checkpoint
	if _, err := os.Stat(filepath.Join(dir, checkpointName)); err != nil {
		t.Fatalf("no checkpoint: %v", err)
	}
	check(loadT(t, dir))
}

// TestSaveRating writes ratings and refuses bad ones.
func TestSaveRating(t *testing.T) {
	dir := t.TempDir()
	j := openT(t, dir)
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	for name, err := range map[string]error{
		"no name":   j.SaveRating(monday, "  ", 3, at),
		"too long":  j.SaveRating(monday, strings.Repeat("é", MaxActivity+1), 3, at),
		"two lines": j.SaveRating(monday, "a\nb", 3, at),
		"above 10":  j.SaveRating(monday, "Walking", 11, at),
		"below 0":   j.SaveRating(monday, "Walking", -1, at),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	must(t, j.SaveRating(monday, " Putting on socks ", 7, at))
	j = reopen(t, j)
	if r := j.Ratings(monday); len(r) != 1 || r[0].Activity != "Putting on socks" || r[0].Score != 7 {
		t.Errorf("ratings %+v", r)
	}
	must(t, j.Close())
}
