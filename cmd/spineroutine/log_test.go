package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/journal"
)

// The log goldens are rewritten by the package's -update flag when some
// test file defines it, or by -update-log (which never clashes):
// go test ./cmd/spineroutine -run Log -update-log
var updateLog = flag.Bool("update-log", false, "rewrite the log command's golden files")

// updating reports whether golden files are to be rewritten.
func updating() bool {
	if *updateLog {
		return true
	}
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// logToday is "now" for the log tests: Monday 2026-11-23, 20:00 in Berlin.
func logToday(t *testing.T) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no Europe/Berlin zone data:", err)
	}
	return time.Date(2026, 11, 23, 20, 0, 0, 0, loc)
}

// setLogNow makes the log command see now.
func setLogNow(t *testing.T, now time.Time) {
	old := logNow
	logNow = func() time.Time { return now }
	t.Cleanup(func() { logNow = old })
}

// writeSampleJournal records three weeks of use ending today (see the
// comments) and returns the data directory.
func writeSampleJournal(t *testing.T, now time.Time) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	j, err := journal.Open(dir, journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	loc := now.Location()
	at := func(d journal.Day, hour, min int) time.Time {
		return d.Start(loc).Add(time.Duration(hour)*time.Hour + time.Duration(min)*time.Minute)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	today := journal.Today(now)
	hand := func(d journal.Day, moves ...string) {
		for _, m := range moves {
			must(j.MarkDone(d, m, journal.Hand, "", at(d, 9, 0)))
		}
	}
	session := func(d journal.Day, hour, min int, before, after int, moves ...string) {
		start := at(d, hour, min)
		id, err := j.StartSession(start, "default", moves)
		must(err)
		if before >= 0 {
			must(j.SavePain(id, journal.Before, before, start))
		}
		for i, m := range moves {
			must(j.MarkDone(journal.DayOf(start), m, journal.Timer, id, start.Add(time.Duration(4*(i+1))*time.Minute)))
		}
		end := start.Add(time.Duration(4*len(moves)+1) * time.Minute)
		if after >= 0 {
			must(j.SavePain(id, journal.After, after, end))
		}
		must(j.EndSession(id, journal.Finished, end))
	}
	// Nov 2..8: a full week (the best streak, 7 days), outside the window.
	for d := today.Add(-21); d.Before(today.Add(-14)); d = d.Add(1) {
		hand(d, "cat-camel")
	}
	// Nov 12: a lone day. Week Nov 16..22 reaches 5 days: 17, 19..22.
	hand(today.Add(-11), "bird-dogs")
	hand(today.Add(-6), "cat-camel", "bird-dogs")
	session(today.Add(-4), 7, 30, 7, 5, "cat-camel", "bird-dogs", "side-plank")
	// Nov 20: a session begun at 23:50 ends after midnight: all of it
	// counts for the 20th.
	session(today.Add(-3), 23, 50, 6, 6, "cat-camel", "bird-dogs", "side-plank", "mcgill-curl-up")
	// Nov 21: a tick by hand, then taken back; a session without pain.
	hand(today.Add(-2), "dead-bug")
	must(j.MarkUndone(today.Add(-2), "dead-bug", at(today.Add(-2), 9, 5)))
	session(today.Add(-2), 18, 0, -1, -1, "bird-dogs")
	// Nov 22: two sessions; the day's pain comes from the last that has it.
	session(today.Add(-1), 8, 0, 6, 4, "cat-camel")
	session(today.Add(-1), 19, 0, 5, -1, "side-plank")
	// and a rating of the Patient-Specific Functional Scale.
	must(j.SaveRating(today.Add(-1), "Putting on socks", 4, at(today.Add(-1), 20, 0)))
	// Nov 23 (today): back-filled from the checklist.
	hand(today, "walk")
	return dir
}

func runLogT(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"log"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update-log to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update-log rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestLogGolden(t *testing.T) {
	now := logToday(t)
	setLogNow(t, now)
	dir := writeSampleJournal(t, now)
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"log.txt", nil},
		{"log.json", []string{"--json"}},
		{"log.csv", []string{"--csv", "--days", "7"}},
		{"log-3days.txt", []string{"--days=3"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			code, out, errOut := runLogT(t, append([]string{"--data", dir}, tc.args...)...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			checkGolden(t, tc.golden, strings.ReplaceAll(out, dir, "$DATA"))
		})
	}
}

func TestLogJSONIsValidAndComplete(t *testing.T) {
	now := logToday(t)
	setLogNow(t, now)
	dir := writeSampleJournal(t, now)
	_, out, _ := runLogT(t, "--data", dir, "--json", "--days", "30")
	var got logOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Today != "2026-11-23" || got.StreakDays != 5 || got.BestStreakDays != 7 || got.WeeksStreak != 1 ||
		got.Journal != filepath.Join(dir, "journal.jsonl") || len(got.Days) != 30 {
		t.Errorf("got %+v", got)
	}
	if d := got.Days[3]; d.Date != "2026-11-20" || len(d.Done) != 4 || *d.PainBefore != 6 {
		t.Errorf("the session across midnight: %+v", d)
	}
	if d := got.Days[1]; len(d.Function) != 1 || d.Function[0] != (logRating{"Putting on socks", 4}) {
		t.Errorf("the day's function ratings: %+v", d.Function)
	}
	if d := got.Days[29]; d.Date != "2026-10-25" || d.Done == nil || len(d.Done) != 0 || d.PainBefore != nil {
		t.Errorf("an empty day: %+v", d)
	}
}

func TestLogOfAMissingDirIsEmpty(t *testing.T) {
	setLogNow(t, logToday(t))
	dir := filepath.Join(t.TempDir(), "never-created")
	code, out, errOut := runLogT(t, "--data", dir, "--days", "2")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	checkGolden(t, "log-empty.txt", strings.ReplaceAll(out, dir, "$DATA"))
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("log created %s", dir)
	}
	code, out, _ = runLogT(t, "--data", dir, "--csv")
	if code != 0 || out != "date,move,source,pain_before,pain_after\n" {
		t.Errorf("CSV of nothing: exit %d, %q", code, out)
	}
}

func TestLogReportsDamageOnStderrAndReadsWhileTheAppRuns(t *testing.T) {
	now := logToday(t)
	setLogNow(t, now)
	dir := writeSampleJournal(t, now)
	path := filepath.Join(dir, "journal.jsonl")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"v":1,"ts":"2026-11-23T21:00:00+01:00","da`)
	f.Close()
	running, err := journal.Open(dir, journal.Options{}) // the app, holding the lock
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close()

	code, out, errOut := runLogT(t, "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// The app set the torn line aside when it opened; log sees it closed
	// and acknowledged, so it has nothing to report.
	if errOut != "" {
		t.Errorf("stderr %q", errOut)
	}
	if !strings.Contains(out, "walk*") {
		t.Errorf("today's tick is missing:\n%s", out)
	}
	running.Close()

	// A torn line nobody has seen yet: reported on stderr, output intact.
	f, _ = os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"v":1,"ts":"2026-`)
	f.Close()
	code, out, errOut = runLogT(t, "--data", dir, "--csv")
	if code != 0 || !strings.Contains(errOut, "warning") || !strings.Contains(errOut, path) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "2026-11-23,walk,hand,,\n") {
		t.Errorf("CSV:\n%s", out)
	}
}

func TestLogUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--json", "--csv"},
		{"--days", "0"},
		{"--days", "100000"},
		{"--days", "x"},
		{"extra"},
		{"--nope"},
	} {
		code, out, errOut := runLogT(t, args...)
		if code != 2 || out != "" || errOut == "" {
			t.Errorf("log %q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if code, _, _ := runLogT(t, "--help"); code != 0 {
		t.Errorf("--help: exit %d", code)
	}
}

// TestLogNeutralisesHostileText: move ids from a tampered journal reach
// neither the terminal as escape sequences nor a spreadsheet as formulas.
func TestLogNeutralisesHostileText(t *testing.T) {
	now := logToday(t)
	setLogNow(t, now)
	dir := t.TempDir()
	j, err := journal.Open(dir, journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	today := journal.Today(now)
	for _, id := range []string{"\x1b[2J\x1b[31mred", `=HYPERLINK("http://x","y")`, "+1", "@SUM(A1)", "-2", "a\u202eb"} {
		if err := j.MarkDone(today, id, journal.Hand, "", now); err != nil {
			t.Fatal(err)
		}
	}
	j.Close()
	_, out, _ := runLogT(t, "--data", dir)
	if strings.ContainsAny(out, "\x1b\u202e") || !strings.Contains(out, `\x1b[2J\x1b[31mred*`) || !strings.Contains(out, `a\u202eb*`) {
		t.Errorf("text output:\n%q", out)
	}
	_, out, _ = runLogT(t, "--data", dir, "--csv")
	want := strings.Join([]string{
		"date,move,source,pain_before,pain_after",
		today.String() + `,\x1b[2J\x1b[31mred,hand,,`,
		today.String() + `,"'=HYPERLINK(""http://x"",""y"")",hand,,`,
		today.String() + ",'+1,hand,,",
		today.String() + ",'@SUM(A1),hand,,",
		today.String() + ",'-2,hand,,",
		today.String() + `,a\u202eb,hand,,`,
	}, "\n") + "\n"
	if out != want {
		t.Errorf("CSV:\n%s\nwant\n%s", out, want)
	}
}
