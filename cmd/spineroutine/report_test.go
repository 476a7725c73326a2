package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/routine"
)

// reportMonth is the period of the report tests: 28 days of November 2026.
var (
	reportFrom = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	reportDays = 28
)

// reportZone is the zone the sample journal was written in.
var reportZone = time.FixedZone("CET", 3600)

// sampleDay is what the test means a day of the sample journal to hold,
// worked out by the test itself, not by the journal package.
type sampleDay struct {
	done              []string // move ids done, in order
	hand              map[string]bool
	before, after     *int
	finished, stopped int
	flags             []string // "move id (hurts)", in order
	note              string
}

// sampleLevel is a level entry of the sample journal.
type sampleLevel struct {
	day   int // of the period (negative: before it)
	move  int // index in the default routine
	delta int // from the move's start level
	today bool
}

// sampleLevels are the level entries of the sample journal: a move's level
// set before the period, one stepped up in it, one made easier for one
// day only (which does not change its level at the end).
var sampleLevels = []sampleLevel{{-3, 1, 1, false}, {9, 0, 1, false}, {20, 7, -1, true}, {24, 1, 2, false}}

// journalWriter writes entries in the documented format (journal.jsonl,
// version 1), by hand.
type journalWriter struct {
	buf bytes.Buffer
}

func (w *journalWriter) add(t *testing.T, ts time.Time, day time.Time, kind string, fields map[string]any) {
	t.Helper()
	e := map[string]any{"v": 1, "ts": ts.Format(time.RFC3339), "day": day.Format("2006-01-02"), "kind": kind}
	for k, v := range fields {
		e[k] = v
	}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	w.buf.Write(append(b, '\n'))
}

// writeReportJournal writes a month of use to a new data folder and
// returns it with what each day holds: gaps, sessions with pain check-ins
// (finished and stopped, two on one day), ticks by hand, days ticked
// later (back-filled), a tick taken back, and a session that starts
// before midnight and ends after it.
func writeReportJournal(t *testing.T) (string, []sampleDay) {
	t.Helper()
	moves := routine.Default().IDs()
	days := make([]sampleDay, reportDays)
	var w journalWriter
	at := func(i, hour, min int) time.Time {
		d := reportFrom.AddDate(0, 0, i)
		return time.Date(d.Year(), d.Month(), d.Day(), hour, min, 0, 0, reportZone)
	}
	day := func(i int) time.Time { return reportFrom.AddDate(0, 0, i) }
	gap := map[int]bool{3: true, 4: true, 5: true, 10: true, 17: true, 18: true}
	done := func(i int, id string, hand bool) {
		s := &days[i]
		if s.hand == nil {
			s.hand = map[string]bool{}
		}
		if j := slices.Index(s.done, id); j >= 0 {
			s.done = slices.Delete(s.done, j, j+1)
		}
		s.done = append(s.done, id)
		s.hand[id] = hand
	}
	session := func(i, hour, min, n int, before, after int, reason string) {
		start := at(i, hour, min)
		id := fmt.Sprintf("%s-%06x", start.UTC().Format("20060102T150405Z"), i*100+hour)
		w.add(t, start, day(i), "session_start", map[string]any{"session": id, "routine": "default", "moves": moves[:n]})
		w.add(t, start, day(i), "pain", map[string]any{"session": id, "when": "before", "pain": before})
		ts := start
		for k := range n {
			ts = ts.Add(4 * time.Minute) // a late session's ticks fall after midnight
			w.add(t, ts, day(i), "done", map[string]any{"move": moves[k], "src": "timer", "session": id})
			done(i, moves[k], false)
		}
		if after >= 0 {
			w.add(t, ts.Add(time.Minute), day(i), "pain", map[string]any{"session": id, "when": "after", "pain": after})
			days[i].after = &after
		}
		for _, f := range sampleFlags[i] {
			w.add(t, ts, day(i), "flag", map[string]any{"session": id, "move": moves[f.move], "flag": f.kind})
			days[i].flags = append(days[i].flags, moves[f.move]+" ("+f.kind+")")
		}
		if text := sampleNotes[i]; text != "" {
			w.add(t, ts.Add(time.Minute), day(i), "note", map[string]any{"session": id, "text": text})
			days[i].note = text
		}
		w.add(t, ts.Add(time.Minute), day(i), "session_end", map[string]any{"session": id, "reason": reason})
		days[i].before = &before
		if reason == "finished" {
			days[i].finished++
		} else {
			days[i].stopped++
		}
	}
	r := routine.Default()
	for _, l := range sampleLevels {
		m := r.Moves[l.move]
		fields := map[string]any{"move": m.ID, "level": m.StartLevel + l.delta, "src": "hand"}
		if l.today {
			fields["today"], fields["src"] = true, "hurt"
		}
		w.add(t, at(l.day, 10, 0), day(l.day), "level", fields)
	}
	for i := range reportDays {
		switch {
		case gap[i]:
			continue
		case i == 12:
			// Ticked two days later from the History tab (back-filled),
			// with a note of no session.
			for _, id := range moves[:3] {
				w.add(t, at(14, 21, 0), day(12), "done", map[string]any{"move": id, "src": "hand"})
				done(12, id, true)
			}
			w.add(t, at(14, 21, 1), day(12), "note", map[string]any{"text": sampleNotes[12]})
			days[12].note = sampleNotes[12]
		case i == 22:
			// Begun at 23:30: its ticks after midnight count for day 22.
			session(i, 23, 30, 5, 4, 2, "finished")
		case i == 23:
			w.add(t, at(i, 9, 0), day(i), "done", map[string]any{"move": moves[10], "src": "hand"})
			done(i, moves[10], true)
		case i%6 == 1:
			session(i, 7, 30, 2+i%3, (i*7)%11, -1, "stopped")
		default:
			before := (i * 7) % 11
			session(i, 7, 0, 4+i%8, before, max(0, before-2-i%3), "finished")
		}
		if i == 8 { // a second session: the day's pain is the last one's
			session(i, 18, 0, 3, 2, 1, "finished")
		}
		if i%4 == 0 && i != 12 {
			w.add(t, at(i, 20, 0), day(i), "done", map[string]any{"move": moves[11], "src": "hand"})
			done(i, moves[11], true)
		}
		if i == 20 { // ticked by mistake, taken back
			w.add(t, at(i, 20, 5), day(i), "done", map[string]any{"move": moves[9], "src": "hand"})
			w.add(t, at(i, 20, 6), day(i), "undone", map[string]any{"move": moves[9]})
		}
	}
	for _, r := range sampleRatings {
		w.add(t, at(r.day, 7, 0), day(r.day), "function", map[string]any{"activity": r.activity, "score": r.score})
	}
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), w.buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, days
}

// sampleRatings are the function ratings of the sample journal (day of
// the period; negative: before it): socks rated before and in the
// period, sitting only before it, walking first rated in it.
var sampleRatings = []struct {
	day      int
	activity string
	score    int
}{
	{-2, "Putting on socks", 3}, {-2, "Sitting 30 minutes", 2},
	{5, "Putting on socks", 4}, {19, "Walking to the shop", 5},
	{26, "Putting on socks", 6}, {26, "Walking to the shop", 8},
}

// sampleFlags are the flags of the sample journal's sessions, by day.
var sampleFlags = map[int][]struct {
	move int
	kind string
}{
	7:  {{10, "hurts"}},
	15: {{10, "hurts"}, {6, "nerve"}},
	22: {{2, "hurts"}},
}

// sampleNotes are the notes of the sample journal, by day.
var sampleNotes = map[int]string{
	7:  "left hip tight",
	12: "ticked these later",
	22: "late session, stiff",
}

// setReportNow makes the report command see now, and write in English
// whatever the test's locale (LANGUAGE=en comes first).
func setReportNow(t *testing.T, now time.Time) {
	t.Setenv("LANGUAGE", "en")
	old := reportNow
	reportNow = func() time.Time { return now }
	t.Cleanup(func() { reportNow = old })
}

// pdfText is the text of the PDF at path, laid out, as pdftotext gives it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// runReportT runs the report command and returns its stdout.
func runReportT(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := runReport(args, &stdout, &stderr); code != 0 {
		t.Fatalf("report %q: exit %d: %s", args, code, stderr.String())
	}
	return stdout.String()
}

// TestReportNumbers reads the text of the report of the sample month back
// with pdftotext and checks every figure against the days as the test
// wrote them: days done, longest gap, sessions, each move's days, each
// day's moves and pain, and the first and last weeks' averages.
func TestReportNumbers(t *testing.T) {
	dir, days := writeReportJournal(t)
	setReportNow(t, time.Date(2026, 11, 28, 21, 0, 0, 0, reportZone))
	out := filepath.Join(t.TempDir(), "report.pdf")
	runReportT(t, "--data", dir, "--out", out, "--paper", "a4")
	text := pdfText(t, out)
	page1, rest, ok := strings.Cut(text, "\f")
	if !ok {
		t.Fatalf("one page only:\n%s", text)
	}

	// Independent figures.
	r := routine.Default()
	daysDone, longest, run, finished, stopped := 0, 0, 0, 0, 0
	perMove := map[string]int{}
	for _, d := range days {
		finished += d.finished
		stopped += d.stopped
		if len(d.done) > 0 {
			daysDone++
			run = 0
		} else {
			run++
			longest = max(longest, run)
		}
		for _, id := range d.done {
			perMove[id]++
		}
	}
	pct := func(n int) int { return (100*n + reportDays/2) / reportDays }
	want := []string{
		fmt.Sprintf(`Days with a move done\s+%d of %d \(%d %%\)`, daysDone, reportDays, pct(daysDone)),
		fmt.Sprintf(`Longest gap\s+%d days with nothing done`, longest),
		fmt.Sprintf(`Timed sessions\s+%d finished, %d stopped early`, finished, stopped),
	}
	for i, m := range r.Moves {
		start, end := m.StartLevel, m.StartLevel
		for _, l := range sampleLevels {
			if l.move != i {
				continue
			}
			if l.day <= 0 && (!l.today || l.day == 0) {
				start = m.StartLevel + l.delta
			}
			if l.day <= reportDays-1 && (!l.today || l.day == reportDays-1) {
				end = m.StartLevel + l.delta
			}
		}
		level := fmt.Sprintf("%d of %d", end, len(m.Levels))
		if start != end {
			level = fmt.Sprintf("%d → %d of %d", start, end, len(m.Levels))
		}
		hurts, nerve := 0, 0
		for _, fs := range sampleFlags {
			for _, f := range fs {
				if f.move == i && f.kind == "nerve" {
					nerve++
				} else if f.move == i {
					hurts++
				}
			}
		}
		flags := strconv.Itoa(hurts)
		if nerve > 0 {
			flags = fmt.Sprintf("%d (%d nerve)", hurts+nerve, nerve)
		}
		want = append(want, fmt.Sprintf(`(?m)^%s\s+%d\s+%d ?%%\s+%s\s+%s$`, regexp.QuoteMeta(m.Name), perMove[m.ID],
			pct(perMove[m.ID]), strings.ReplaceAll(regexp.QuoteMeta(level), " → ", " ?→ ?"), regexp.QuoteMeta(flags)))
	}
	for i, text := range sampleNotes {
		want = append(want, regexp.QuoteMeta(reportFrom.AddDate(0, 0, i).Format("Mon 2 Jan")+": "+text))
	}
	avg := func(from int, pick func(sampleDay) *int) string {
		sum, n := 0, 0
		for _, d := range days[from : from+7] {
			if p := pick(d); p != nil {
				sum += *p
				n++
			}
		}
		return strconv.FormatFloat(float64(sum)/float64(n), 'f', 1, 64)
	}
	before := func(d sampleDay) *int { return d.before }
	after := func(d sampleDay) *int { return d.after }
	want = append(want,
		fmt.Sprintf(`Pain, first week\s+before %s, after %s`, avg(0, before), avg(0, after)),
		fmt.Sprintf(`Pain, last week\s+before %s, after %s`, avg(reportDays-7, before), avg(reportDays-7, after)))
	for _, re := range want {
		if !regexp.MustCompile(re).MatchString(page1) {
			t.Errorf("page 1 does not show %s", re)
		}
	}

	// The day-by-day table: a row per day, oldest first.
	_, table, ok := strings.Cut(rest, "Day by day")
	if !ok {
		t.Fatalf("no day-by-day table:\n%s", rest)
	}
	names := map[string]string{}
	for _, m := range r.Moves {
		names[m.ID] = m.Name
	}
	row := regexp.MustCompile(`(?m)^(\w{3} \d{1,2} \w{3}) +(all 12|\d+)(?: +(\d+|–) *→ *(\d+|–))? *(.*)$`)
	rows := row.FindAllStringSubmatch(table, -1)
	if len(rows) != reportDays {
		t.Fatalf("%d rows in the day table, want %d:\n%s", len(rows), reportDays, table)
	}
	pain := func(p *int) string {
		if p == nil {
			return "–"
		}
		return strconv.Itoa(*p)
	}
	for i, d := range days {
		got := rows[i]
		date := reportFrom.AddDate(0, 0, i).Format("Mon 2 Jan")
		if got[1] != date {
			t.Errorf("row %d is %q, want %s", i, got[1], date)
			continue
		}
		wantMoves := strconv.Itoa(len(d.done))
		if len(d.done) == len(r.Moves) {
			wantMoves = "all 12" // the sample's moves are the routine's
		}
		if got[2] != wantMoves {
			t.Errorf("%s: %s moves, want %s", date, got[2], wantMoves)
		}
		wantPain := ""
		if d.before != nil || d.after != nil {
			wantPain = pain(d.before) + " → " + pain(d.after)
		}
		if gotPain := strings.TrimSpace(got[3] + " → " + got[4]); got[3] == "" && wantPain != "" || got[3] != "" && gotPain != wantPain {
			t.Errorf("%s: pain %q, want %q", date, got[3]+" → "+got[4], wantPain)
		}
		block := table[strings.Index(table, got[0]):]
		if i+1 < len(rows) {
			block = block[:strings.Index(block, rows[i+1][0])]
		}
		words := strings.Fields(block)
		for _, f := range d.flags {
			id, kind, _ := strings.Cut(f, " ")
			want := strings.Fields(names[id])
			if kind == "(nerve)" {
				want = append(want, kind)
			}
			for _, word := range want {
				if !slices.Contains(words, word) && !slices.Contains(words, word+",") {
					t.Errorf("%s: the flag %s is not in the row:\n%s", date, f, block)
				}
			}
		}
		for _, word := range strings.Fields(d.note) {
			if !slices.Contains(words, word) {
				t.Errorf("%s: the note %q is not in the row:\n%s", date, d.note, block)
			}
		}
		for _, change := range levelChanges(r)[i] {
			if !strings.Contains(strings.Join(words, " "), change) {
				t.Errorf("%s: the level change %q is not in the row:\n%s", date, change, block)
			}
		}
	}
}

// levelChanges are the level changes of the sample journal in the day
// table, by day of the period: "Name 3→4"; a level for one day is
// followed the next day by the level before it.
func levelChanges(r *routine.Routine) map[int][]string {
	out := map[int][]string{}
	level := map[int]int{}
	for _, l := range sampleLevels {
		m := r.Moves[l.move]
		before, ok := level[l.move]
		if !ok {
			before = m.StartLevel
		}
		to := m.StartLevel + l.delta
		if l.day >= 0 {
			out[l.day] = append(out[l.day], fmt.Sprintf("%s %d→%d", m.Name, before, to))
			if l.today {
				out[l.day+1] = append(out[l.day+1], fmt.Sprintf("%s %d→%d", m.Name, to, before))
			}
		}
		if !l.today {
			level[l.move] = to
		}
	}
	return out
}

// TestReportRefuses checks each bad input gives one clear sentence, the
// exit status, and leaves the output as it was.
func TestReportRefuses(t *testing.T) {
	dir, _ := writeReportJournal(t)
	setReportNow(t, time.Date(2026, 11, 28, 21, 0, 0, 0, reportZone))
	tmp := t.TempDir()
	notPDF := filepath.Join(tmp, "notes.pdf")
	if err := os.WriteFile(notPDF, []byte("my own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(tmp, "locked")
	if err := os.Mkdir(locked, 0o500); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(tmp, "report.pdf")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no out", nil, 2, "--out FILE.pdf is required"},
		{"unknown date", []string{"--from", "2026-02-30", "--out", good}, 2, "--from 2026-02-30 is not a date: want YYYY-MM-DD"},
		{"not a date", []string{"--to", "yesterday", "--out", good}, 2, "--to yesterday is not a date"},
		{"from after to", []string{"--from", "2026-11-20", "--to", "2026-11-10", "--out", good}, 2,
			"the period starts on 2026-11-20, after its end on 2026-11-10"},
		{"future", []string{"--to", "2026-12-20", "--out", good}, 2, "after today (2026-11-28)"},
		{"too long", []string{"--from", "2020-01-01", "--out", good}, 2, "a report covers at most 366"},
		{"paper", []string{"--paper", "legal", "--out", good}, 2, `paper "legal": want a4 or letter`},
		{"not a pdf", []string{"--data", dir, "--out", notPDF}, 1, "exists and is not a report written by Spine Routine; it was left alone"},
		{"a folder", []string{"--data", dir, "--out", tmp}, 1, "is a folder"},
		{"unwritable folder", []string{"--data", dir, "--out", filepath.Join(locked, "r.pdf")}, 1, "cannot be written (permission denied)"},
		{"missing folder", []string{"--data", dir, "--out", filepath.Join(tmp, "nope", "r.pdf")}, 1, "does not exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.args
			if tc.name == "unwritable folder" && os.Geteuid() == 0 {
				// Root writes anywhere but in sysfs.
				if _, err := os.Stat("/sys/kernel"); err != nil {
					t.Skip("root writes anywhere, and there is no /sys")
				}
				args = []string{"--data", dir, "--out", "/sys/r.pdf"}
			}
			var stdout, stderr bytes.Buffer
			code := runReport(args, &stdout, &stderr)
			if code != tc.code || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tc.code, tc.want)
			}
			if first, _, _ := strings.Cut(stderr.String(), "\n"); strings.Count(first, ". ") > 0 {
				t.Errorf("more than one sentence: %q", first)
			}
		})
	}
	if b, err := os.ReadFile(notPDF); err != nil || string(b) != "my own notes\n" {
		t.Errorf("the file that is not a report was changed: %q, %v", b, err)
	}
	if _, err := os.Stat(good); err == nil {
		t.Error("a refused run wrote the report")
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 2 {
		t.Errorf("left behind in the folder: %v", entries)
	}

	// A report is replaced by the next one, and --force replaces anything.
	runReportT(t, "--data", dir, "--out", good)
	runReportT(t, "--data", dir, "--from", "2026-11-10", "--to", "2026-11-16", "--out", good)
	if text := pdfText(t, good); !strings.Contains(text, "(7 days)") {
		t.Errorf("the second report did not replace the first:\n%s", text)
	}
	runReportT(t, "--data", dir, "--out", notPDF, "--force")
	if text := pdfText(t, notPDF); !strings.Contains(text, "Home exercise report") {
		t.Errorf("--force did not replace the file")
	}
}

// TestReportPaper checks the paper follows --paper, else the locale.
func TestReportPaper(t *testing.T) {
	dir, _ := writeReportJournal(t)
	setReportNow(t, time.Date(2026, 11, 28, 21, 0, 0, 0, reportZone))
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
	for _, tc := range []struct {
		lang, flag, want string
	}{
		{"en_US.UTF-8", "", "612 x 792 pts (letter)"},
		{"de_DE.UTF-8", "", "595.28 x 841.89 pts (A4)"},
		{"en_US.UTF-8", "a4", "595.28 x 841.89 pts (A4)"},
	} {
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_PAPER", "")
		t.Setenv("LANG", tc.lang)
		out := filepath.Join(t.TempDir(), "r.pdf")
		args := []string{"--data", dir, "--out", out}
		if tc.flag != "" {
			args = append(args, "--paper", tc.flag)
		}
		runReportT(t, args...)
		info, err := exec.Command("pdfinfo", out).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(info), tc.want) {
			t.Errorf("LANG=%s --paper %q:\n%s\nwant %s", tc.lang, tc.flag, info, tc.want)
		}
	}
}

// TestReportGolden renders pages 1 and 2 of the sample month's report,
// and page 1 of an empty period's, with pdftoppm and compares them with
// testdata/report-page1.png, report-page2.png and report-empty.png,
// allowing the small differences of another rasterizer version: each
// pixel within 48 of a grey level, and at most 0.5 % of the pixels beyond
// that. Delete an image (or run with -update-log) to make it again; a
// failing run writes testdata/failed/<name>.png.
func TestReportGolden(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	dir, _ := writeReportJournal(t)
	setReportNow(t, time.Date(2026, 11, 28, 21, 0, 0, 0, reportZone))
	tmp := t.TempDir()
	out := filepath.Join(tmp, "report.pdf")
	runReportT(t, "--data", dir, "--out", out, "--paper", "a4")
	empty := filepath.Join(tmp, "empty.pdf")
	var stdout, stderr bytes.Buffer
	if code := runReport([]string{"--data", filepath.Join(tmp, "none"), "--out", empty, "--paper", "a4"}, &stdout, &stderr); code != 0 {
		t.Fatalf("the empty report: exit %d: %s", code, stderr.String())
	}
	for _, tc := range []struct {
		pdf    string
		page   int
		golden string
	}{{out, 1, "report-page1.png"}, {out, 2, "report-page2.png"}, {empty, 1, "report-empty.png"}} {
		t.Run(tc.golden, func(t *testing.T) { comparePage(t, tc.pdf, tc.page, tc.golden) })
	}
}

// comparePage renders page of pdf at 80 dpi in grey and compares it with
// testdata/golden (see TestReportGolden).
func comparePage(t *testing.T, pdf string, page int, golden string) {
	tmp := t.TempDir()
	n := strconv.Itoa(page)
	if msg, err := exec.Command("pdftoppm", "-r", "80", "-f", n, "-l", n, "-gray", "-png", "-singlefile",
		pdf, filepath.Join(tmp, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, msg)
	}
	got := readPNG(t, filepath.Join(tmp, "page.png"))
	path := filepath.Join("testdata", golden)
	if _, err := os.Stat(path); updating() || os.IsNotExist(err) {
		copyFile(t, filepath.Join(tmp, "page.png"), path)
		t.Logf("wrote %s", path)
		return
	}
	want := readPNG(t, path)
	if got.Bounds() != want.Bounds() {
		t.Fatalf("page %d is %v, the golden %v", page, got.Bounds(), want.Bounds())
	}
	bad, b := 0, got.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g1, _, _, _ := got.At(x, y).RGBA()
			g2, _, _, _ := want.At(x, y).RGBA()
			if d := int(g1>>8) - int(g2>>8); d > 48 || d < -48 {
				bad++
			}
		}
	}
	if limit := b.Dx() * b.Dy() / 200; bad > limit {
		failed := filepath.Join("testdata", "failed", golden)
		os.MkdirAll(filepath.Dir(failed), 0o755)
		copyFile(t, filepath.Join(tmp, "page.png"), failed)
		t.Errorf("%d pixels differ from %s (at most %d); see %s", bad, path, limit, failed)
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
