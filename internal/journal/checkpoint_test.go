package journal

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// view is what a reader sees of a journal, times as text (zones compare
// by offset).
func view(t testing.TB, j *Journal, from, to Day) string {
	t.Helper()
	var b strings.Builder
	first, ok := j.FirstDay()
	fmt.Fprintf(&b, "first %v %v\nstreaks %+v\nwarnings %q\n", first, ok, j.Streaks(to, 0), j.Warnings())
	if p, ok := j.ResumePoint(to); ok {
		fmt.Fprintf(&b, "resume %s %s %v %d %s %d %s\n", p.Session, p.Routine, p.Moves, p.Step, p.Move, p.Set, p.At.Format(time.RFC3339Nano))
	}
	for _, d := range j.Days(from, to) {
		fmt.Fprintf(&b, "%s sessions %d (finished %d, stopped %d) active %v pain %s:", d.Date, d.Sessions,
			d.Finished, d.Stopped, d.Active, painOf(d))
		for _, tk := range d.Done {
			fmt.Fprintf(&b, " %s/%s/%s", tk.Move, tk.Src, tk.At.Format(time.RFC3339Nano))
		}
		b.WriteString("\n")
	}
	b.WriteString(progressView(j, from, to))
	return b.String()
}

// progressView is what a reader sees of the progression entries: the
// levels on to, their history, the sessions, flags and notes.
func progressView(j *Journal, from, to Day) string {
	var b strings.Builder
	levels := j.Levels(to)
	hist := j.LevelHistory(from, to)
	var moves []string
	for m := range hist {
		moves = append(moves, m)
	}
	slices.Sort(moves)
	for _, m := range moves {
		l := levels[m]
		fmt.Fprintf(&b, "level %s %d %s %v %s:", m, l.Level, l.Src, l.Today, l.Day)
		for _, sp := range hist[m] {
			fmt.Fprintf(&b, " %s=%d/%s/%v/%s", sp.From, sp.Level.Level, sp.Level.Src, sp.Level.Today, sp.Level.At.Format(time.RFC3339))
		}
		b.WriteString("\n")
	}
	for _, r := range j.Sessions(from, to) {
		fmt.Fprintf(&b, "session %s %s %s %s %s %s %v:", r.Day, r.ID, r.Start.Format(time.RFC3339), r.Routine, r.Reason,
			painOf(DaySummary{PainBefore: r.PainBefore, PainAfter: r.PainAfter}), r.Timed)
		for _, f := range r.Flags {
			fmt.Fprintf(&b, " %s/%s/%s/%s/%s", f.Day, f.Session, f.Move, f.Kind, f.At.Format(time.RFC3339))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "flags %d\n", len(j.Flags(from, to)))
	for _, n := range j.Notes(from, to) {
		fmt.Fprintf(&b, "note %s %s %q %s\n", n.Day, n.Session, n.Text, n.At.Format(time.RFC3339))
	}
	return b.String()
}

func painOf(d DaySummary) string {
	s := ""
	for _, p := range []*int{d.PainBefore, d.PainAfter} {
		if p == nil {
			s += "-"
		} else {
			s += strconv.Itoa(*p)
		}
	}
	return s
}

func loadT(t testing.TB, dir string) *Journal {
	t.Helper()
	j, err := Load(dir)
	must(t, err)
	return j
}

// TestCheckpointReadsLikeTheFiles checks that a start from the checkpoint
// sees exactly what reading every file sees: after the checkpoint is
// saved, after more entries are appended, and after a file was changed
// under it (then the checkpoint is ignored).
func TestCheckpointReadsLikeTheFiles(t *testing.T) {
	dir := t.TempDir()
	_, last := writeYears(t, dir, 1, fiveMoves, true)
	// Damage and an older file's entries, a hand untick, another file.
	f, err := os.OpenFile(filepath.Join(dir, fileName(1)), os.O_WRONLY|os.O_APPEND, 0)
	must(t, err)
	_, err = f.WriteString("junk\n" + line("a") + `{"v":7,"ts":"2030-01-01T00:00:00Z","kind":"x"}` + "\n")
	must(t, err)
	must(t, f.Close())
	writeJournal(t, dir, fileName(2), line("b"))
	from := last.Add(-400)
	full := view(t, loadT(t, dir), from, last)
	cp := filepath.Join(dir, checkpointName)
	if _, err := os.Stat(cp); err == nil {
		t.Fatal("Load wrote a checkpoint")
	}

	// The app opens the journal: it saves a checkpoint (a year is more than
	// checkpointEvery) and acknowledges the damage.
	j := openT(t, dir)
	must(t, j.Close())
	if _, err := os.Stat(cp); err != nil {
		t.Fatalf("no checkpoint after Open: %v", err)
	}
	fromCP := loadT(t, dir)
	must(t, os.Rename(cp, cp+".off"))
	noCP := loadT(t, dir)
	must(t, os.Rename(cp+".off", cp))
	if a, b := view(t, fromCP, from, last), view(t, noCP, from, last); a != b {
		t.Fatalf("from the checkpoint:\n%s\nfrom the files:\n%s", a, b)
	}
	if a := view(t, noCP, from, last); len(a) < len(full)-200 {
		t.Errorf("after Open:\n%s\nbefore:\n%s", a, full)
	}

	// Entries appended after the checkpoint are read on from it.
	j = openT(t, dir)
	at := last.Start(mustLoc(t, "Europe/Berlin")).Add(20 * time.Hour)
	id, err := j.StartSession(at, "default", []string{"x"})
	must(t, err)
	must(t, j.MarkDone(last, "x", Timer, id, at.Add(time.Minute)))
	must(t, j.SavePosition(Position{Session: id, Step: 3, Move: "x", Set: 1}, at.Add(2*time.Minute)))
	must(t, j.Close())
	a := view(t, loadT(t, dir), from, last)
	must(t, os.Rename(cp, cp+".off"))
	b := view(t, loadT(t, dir), from, last)
	must(t, os.Rename(cp+".off", cp))
	if a != b {
		t.Fatalf("from the checkpoint:\n%s\nfrom the files:\n%s", a, b)
	}

	// An entry for an archived day, appended behind the app's back: read
	// like the files say.
	old := last.Add(-100)
	f, err = os.OpenFile(filepath.Join(dir, fileName(2)), os.O_WRONLY|os.O_APPEND, 0)
	must(t, err)
	_, err = f.WriteString(strings.NewReplacer("2026-11-23", old.String(), `"a"`, `"late"`).Replace(line("a")))
	must(t, err)
	_, err = f.WriteString(`{"v":1,"ts":"2026-11-23T08:00:00+01:00","day":"` + old.String() +
		`","kind":"note","text":"late note"}` + "\n")
	must(t, err)
	must(t, f.Close())
	a = view(t, loadT(t, dir), from, last)
	must(t, os.Rename(cp, cp+".off"))
	b = view(t, loadT(t, dir), from, last)
	must(t, os.Rename(cp+".off", cp))
	if a != b || !strings.Contains(a, "late/hand") || !strings.Contains(a, `"late note"`) {
		t.Fatalf("after a late entry, from the checkpoint:\n%s\nfrom the files:\n%s", a, b)
	}

	// A file changed under the checkpoint: same size, other moves.
	p := filepath.Join(dir, fileName(2))
	content := []byte(readFile(t, p))
	copy(content, line("c"))
	must(t, os.WriteFile(p, content, 0o600))
	got := loadT(t, dir)
	if d := got.Done(monday); !d["c"] || d["b"] {
		t.Errorf("a changed file was not read again: done %v", d)
	}

	// A damaged checkpoint is ignored.
	must(t, os.WriteFile(cp, []byte("garbage"), 0o600))
	if a := view(t, loadT(t, dir), from, last); a != view(t, got, from, last) {
		t.Errorf("a damaged checkpoint changed what is read:\n%s", a)
	}
}

// TestPositionsDoNotGrowTheJournal: resume points go to resume.json, so a
// session of any length adds only its ticks to the journal.
func TestPositionsDoNotGrowTheJournal(t *testing.T) {
	dir := t.TempDir()
	j := openT(t, dir)
	at := berlinAt(t, "2026-11-23T07:00:00")
	id, err := j.StartSession(at, "default", []string{"a", "b"})
	must(t, err)
	size := func() int64 {
		fi, err := os.Stat(j.Path())
		must(t, err)
		return fi.Size()
	}
	before := size()
	for step := range 100 {
		must(t, j.SavePosition(Position{Session: id, Step: step, Move: "a", Set: 1}, at.Add(time.Duration(step)*time.Second)))
	}
	if after := size(); after != before {
		t.Errorf("100 positions grew the journal from %d to %d bytes", before, after)
	}
	fi, err := os.Stat(filepath.Join(dir, resumeName))
	must(t, err)
	if fi.Size() > 300 || fi.Mode().Perm() != 0o600 {
		t.Errorf("resume.json: %d bytes, mode %v", fi.Size(), fi.Mode())
	}
	j = reopen(t, j)
	if p, ok := j.ResumePoint(monday); !ok || p.Step != 99 || p.Routine != "default" || len(p.Moves) != 2 {
		t.Errorf("ResumePoint = %+v, %v", p, ok)
	}
	// Once ended, the session leaves resume.json at the next save.
	must(t, j.EndSession(id, Stopped, at.Add(time.Hour)))
	id2, err := j.StartSession(at.Add(2*time.Hour), "big3", nil)
	must(t, err)
	must(t, j.SavePosition(Position{Session: id2, Step: 1, Move: "b"}, at.Add(2*time.Hour)))
	if got := readFile(t, filepath.Join(dir, resumeName)); len(got) > 200 || !strings.Contains(got, id2) || strings.Contains(got, id) {
		t.Errorf("resume.json = %s", got)
	}
}

// TestOldPositionEntriesStillResume: a journal of an older version, with
// position entries, offers their resume point until a newer one is saved.
func TestOldPositionEntriesStillResume(t *testing.T) {
	dir := t.TempDir()
	writeJournal(t, dir, fileName(1),
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"session_start","session":"s1","routine":"default","moves":["a","b"]}`+"\n"+
			`{"v":1,"ts":"2026-11-23T07:03:00+01:00","day":"2026-11-23","kind":"position","session":"s1","move":"b","step":4,"set":2}`+"\n")
	j := openT(t, dir)
	p, ok := j.ResumePoint(monday)
	if !ok || p.Step != 4 || p.Move != "b" || p.Set != 2 || p.Routine != "default" {
		t.Fatalf("ResumePoint = %+v, %v", p, ok)
	}
	must(t, j.SavePosition(Position{Session: "s1", Step: 6, Move: "b", Set: 3}, berlinAt(t, "2026-11-23T07:05:00")))
	j = reopen(t, j)
	if p, _ := j.ResumePoint(monday); p.Step != 6 || p.Set != 3 {
		t.Errorf("after a new save: %+v", p)
	}
	if s := j.Day(monday); s.Active != 5*time.Minute {
		t.Errorf("active = %v, want 5m (to the last position)", s.Active)
	}
}

// TestDamagedResumeFileIsSetAside: an unreadable resume.json is reported
// and renamed aside, never replaced.
func TestDamagedResumeFileIsSetAside(t *testing.T) {
	dir := t.TempDir()
	path := writeJournal(t, dir, resumeName, "{not json")
	r := loadT(t, dir)
	wantWarnings(t, r, []string{path, "cannot be read"})
	j := openT(t, dir)
	wantWarnings(t, j, []string{path, "set aside"})
	m, err := filepath.Glob(path + ".damaged-*")
	must(t, err)
	if len(m) != 1 || readFile(t, m[0]) != "{not json" {
		t.Errorf("set aside: %v", m)
	}
}

// TestLongLinesAndBigFilesAreRead: no size hides history. A line longer
// than maxLine is one damaged line; reading goes on after it; a file past
// rolloverSize is read and new entries go to the next file.
func TestLongLinesAndBigFilesAreRead(t *testing.T) {
	dir := t.TempDir()
	long := make([]byte, maxLine+10)
	for i := range long {
		long[i] = 'x'
	}
	path := writeJournal(t, dir, fileName(1), line("a")+string(long)+"\n"+line("b"))
	defer func(n int64) { rolloverSize = n }(rolloverSize)
	rolloverSize = maxLine
	j := openT(t, dir)
	wantWarnings(t, j, []string{path, "1 damaged line", "line 2"})
	if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("done = %v", got)
	}
	if j.Path() != filepath.Join(dir, fileName(2)) {
		t.Errorf("a file past %d bytes is still written to: %s", rolloverSize, j.Path())
	}
	must(t, j.MarkDone(monday, "c", Hand, "", berlinAt(t, "2026-11-23T09:00:00")))
	j = reopen(t, j)
	if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("after the roll-over: done = %v", got)
	}
}

// BenchmarkHistory measures a start with 10 and 30 years of a daily full
// session (the default routine's twelve moves) against a fresh journal:
// Load (the log command) from the checkpoint, the first Load of such a
// journal (no checkpoint: every entry read), and Open plus Close (the
// window's start). heap-MB is the live heap of the loaded journal.
func BenchmarkHistory(b *testing.B) {
	for _, years := range []int{0, 10, 30} {
		dir := b.TempDir()
		if years > 0 {
			writeYears(b, dir, years, defaultMoves, false)
		}
		name := strconv.Itoa(years) + "y"
		if years == 0 {
			name = "fresh"
		}
		b.Run(name+"/first-load", func(b *testing.B) {
			benchLoad(b, dir)
		})
		j, err := Open(dir, Options{})
		must(b, err)
		must(b, j.Close())
		b.Run(name+"/load", func(b *testing.B) {
			benchLoad(b, dir)
		})
		b.Run(name+"/open", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				j, err := Open(dir, Options{})
				must(b, err)
				must(b, j.Close())
			}
		})
	}
}

func benchLoad(b *testing.B, dir string) {
	b.ReportAllocs()
	for b.Loop() {
		_, err := Load(dir)
		must(b, err)
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	j, _ := Load(dir)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(j)
	b.ReportMetric(float64(int64(after.HeapInuse)-int64(before.HeapInuse))/1e6, "heap-MB")
}

// TestCheckpointSeesAnEditInTheMiddle: a move id changed five years back,
// the file's length and its first and last 4 KiB unchanged, shows at the
// next start as reading every file shows it, and the checkpoint saved
// after it matches the new content.
func TestCheckpointSeesAnEditInTheMiddle(t *testing.T) {
	dir := t.TempDir()
	_, last := writeYears(t, dir, 6, fiveMoves, false)
	must(t, openT(t, dir).Close())
	cp := filepath.Join(dir, checkpointName)
	if _, err := os.Stat(cp); err != nil {
		t.Fatal(err)
	}
	day := last.Add(-5 * 365)
	const hashEnds = 4 << 10 // what the checkpoint hashed of each end before
	p := filepath.Join(dir, fileName(1))
	content := []byte(readFile(t, p))
	tick := `"day":"` + day.String() + `","kind":"done","move":"`
	at := strings.Index(string(content), tick+"bird-dogs")
	if at < 0 || at < hashEnds || at > len(content)-hashEnds {
		t.Fatalf("no tick of %s in the middle of the file", day)
	}
	copy(content[at+len(tick):], "bird-cats")
	must(t, os.WriteFile(p, content, 0o600))

	fromFiles := func() string {
		must(t, os.Rename(cp, cp+".off"))
		defer func() { must(t, os.Rename(cp+".off", cp)) }()
		return dayView(loadT(t, dir), day)
	}()
	if !strings.Contains(fromFiles, "bird-cats") || strings.Contains(fromFiles, "bird-dogs") {
		t.Fatalf("the edit is not in the files:\n%s", fromFiles)
	}
	if got := dayView(loadT(t, dir), day); got != fromFiles {
		t.Errorf("Load shows what the checkpoint kept:\n%s\nthe files say:\n%s", got, fromFiles)
	}
	j := openT(t, dir)
	if got := dayView(j, day); got != fromFiles {
		t.Errorf("Open shows what the checkpoint kept:\n%s\nthe files say:\n%s", got, fromFiles)
	}
	must(t, j.Close())
	// The new checkpoint was saved from the edited files, and is used.
	data, err := os.ReadFile(cp)
	must(t, err)
	var saved checkpoint
	must(t, gob.NewDecoder(bytes.NewReader(data)).Decode(&saved))
	if len(saved.Files) != 1 || matches(p, saved.Files[0]) == nil {
		t.Fatalf("the checkpoint after the edit does not match the file: %+v", saved.Files)
	}
	if got := dayView(loadT(t, dir), day); got != fromFiles {
		t.Errorf("after a new checkpoint:\n%s\nthe files say:\n%s", got, fromFiles)
	}
}

// dayView is what a reader sees of one day.
func dayView(j *Journal, day Day) string {
	d := j.Day(day)
	s := fmt.Sprintf("%s sessions %d pain %s:", d.Date, d.Sessions, painOf(d))
	for _, tk := range d.Done {
		s += " " + tk.Move
	}
	return s
}
