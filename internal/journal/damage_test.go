package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// line returns a valid done entry for day 2026-11-23 and move.
func line(move string) string {
	return `{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"done","move":"` + move + `","src":"hand"}` + "\n"
}

var monday = NewDay(2026, time.November, 23)

func writeJournal(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	must(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func sideFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.torn-*"))
	must(t, err)
	return m
}

func wantWarnings(t *testing.T, j *Journal, parts ...[]string) {
	t.Helper()
	w := j.Warnings()
	if len(w) != len(parts) {
		t.Fatalf("%d warnings, want %d: %q", len(w), len(parts), w)
	}
	for i, ps := range parts {
		for _, p := range ps {
			if !strings.Contains(w[i], p) {
				t.Errorf("warning %d %q lacks %q", i, w[i], p)
			}
		}
	}
}

func TestTornLastLineIsSetAsideOnce(t *testing.T) {
	dir := t.TempDir()
	torn := `{"v":1,"ts":"2026-11-23T07:05:00+01:00","day":"2026-11-2`
	path := writeJournal(t, dir, "journal.jsonl", line("a")+line("b")+torn)

	// A reader reports it but writes nothing.
	r, err := Load(dir)
	must(t, err)
	wantWarnings(t, r, []string{path, "incomplete", "skipped"})
	if len(sideFiles(t, dir)) != 0 {
		t.Error("Load set something aside")
	}

	j := openT(t, dir)
	sides := sideFiles(t, dir)
	if len(sides) != 1 {
		t.Fatalf("side files: %v", sides)
	}
	if got := readFile(t, sides[0]); got != torn {
		t.Errorf("side file holds %q, want %q", got, torn)
	}
	if fi, _ := os.Stat(sides[0]); fi.Mode().Perm() != 0o600 {
		t.Errorf("side file mode %v", fi.Mode().Perm())
	}
	wantWarnings(t, j, []string{path, "cut short", sides[0]})
	if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("done = %v", got)
	}
	// The torn bytes stay, closed by a newline; nothing before them moved.
	data := readFile(t, path)
	if !strings.HasPrefix(data, line("a")+line("b")+torn+"\n") {
		t.Errorf("file was rewritten:\n%s", data)
	}
	must(t, j.MarkDone(monday, "c", Hand, "", berlinAt(t, "2026-11-23T08:00:00")))

	j = reopen(t, j)
	if w := j.Warnings(); len(w) != 0 {
		t.Errorf("reported twice: %q", w)
	}
	if len(sideFiles(t, dir)) != 1 {
		t.Error("set aside twice")
	}
	if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("done after reopen = %v", got)
	}
}

func TestCompleteLastEntryWithoutNewlineCounts(t *testing.T) {
	dir := t.TempDir()
	path := writeJournal(t, dir, "journal.jsonl", line("a")+strings.TrimSuffix(line("b"), "\n"))
	j := openT(t, dir)
	wantWarnings(t, j)
	must(t, j.MarkDone(monday, "c", Hand, "", berlinAt(t, "2026-11-23T08:00:00")))
	j = reopen(t, j)
	wantWarnings(t, j)
	if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("done = %v", got)
	}
	if n := strings.Count(readFile(t, path), "\n"); n != 3 {
		t.Errorf("%d lines, want 3", n)
	}
}

func TestDamagedLinesInTheMiddleAreSkippedAndKept(t *testing.T) {
	dir := t.TempDir()
	content := line("a") + "garbage\n" + "\n" + `{"v":1,"kind":"done"}` + "\n" + "\x00\x00\x00\n" + line("b")
	path := writeJournal(t, dir, "journal.jsonl", content)
	j := openT(t, dir)
	// Line 3 is blank (skipped silently); 2, 4 and 5 are damaged.
	wantWarnings(t, j, []string{path, "3 damaged lines", "line 2, 4, 5"})
	if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("done = %v", got)
	}
	if !strings.HasPrefix(readFile(t, path), content) {
		t.Error("damaged lines were not kept")
	}
	j = reopen(t, j)
	wantWarnings(t, j) // reported once
	// A reader, too, knows they were reported.
	r, err := Load(dir)
	must(t, err)
	wantWarnings(t, r)
}

func TestForeignFilesAreLeftAloneAndANewFileIsUsed(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content string
		why     string
	}{
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a Spine Routine journal"},
		{"binary without newline", "\x00\x01\x02\x03", "not a Spine Routine journal"},
		{"other text", "name = \"Daily\"\n[[move]]\n", "not a Spine Routine journal"},
		{"other JSON", `{"hello":"world"}` + "\n", "not a Spine Routine journal"},
		{"newer version", `{"v":2,"ts":"2030-01-01T00:00:00Z","kind":"tick"}` + "\n", "newer version"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			bad := writeJournal(t, dir, "journal.jsonl", tc.content)
			fresh := filepath.Join(dir, "journal-2.jsonl")
			r, err := Load(dir)
			must(t, err)
			wantWarnings(t, r, []string{bad, tc.why})
			if r.Path() != fresh {
				t.Errorf("Load: Path = %s, want %s", r.Path(), fresh)
			}
			j := openT(t, dir)
			wantWarnings(t, j, []string{bad, tc.why, "untouched"}, []string{fresh})
			if j.Path() != fresh {
				t.Errorf("Path = %s, want %s", j.Path(), fresh)
			}
			must(t, j.MarkDone(monday, "a", Hand, "", berlinAt(t, "2026-11-23T08:00:00")))

			// Later starts read journal-2 and keep writing there.
			j = reopen(t, j)
			wantWarnings(t, j, []string{bad, tc.why})
			if j.Path() != fresh || !j.Done(monday)["a"] {
				t.Errorf("Path = %s, done = %v", j.Path(), j.Done(monday))
			}
			if got := readFile(t, bad); got != tc.content {
				t.Errorf("foreign file changed: %q", got)
			}
			if len(sideFiles(t, dir)) != 0 {
				t.Error("a foreign file's bytes were set aside")
			}
		})
	}
}

func TestEmptyFileIsAJournal(t *testing.T) {
	dir := t.TempDir()
	path := writeJournal(t, dir, "journal.jsonl", "")
	j := openT(t, dir)
	wantWarnings(t, j)
	if j.Path() != path {
		t.Errorf("Path = %s", j.Path())
	}
}

func TestTornFirstWriteIsNotForeign(t *testing.T) {
	dir := t.TempDir()
	path := writeJournal(t, dir, "journal.jsonl", `{"v":1,"ts":"2026-1`)
	j := openT(t, dir)
	if j.Path() != path {
		t.Fatalf("Path = %s; a torn first entry made the file foreign", j.Path())
	}
	wantWarnings(t, j, []string{"cut short"})
	must(t, j.MarkDone(monday, "a", Hand, "", berlinAt(t, "2026-11-23T08:00:00")))
	j = reopen(t, j)
	wantWarnings(t, j)
	if !j.Done(monday)["a"] {
		t.Error("tick lost")
	}
}

func TestJournalPathThatIsADirectory(t *testing.T) {
	dir := t.TempDir()
	must(t, os.Mkdir(filepath.Join(dir, "journal.jsonl"), 0o700))
	j := openT(t, dir)
	wantWarnings(t, j, []string{filepath.Join(dir, "journal.jsonl"), "is a directory, not a journal file"}, []string{"journal-2.jsonl"})
	must(t, j.MarkDone(monday, "a", Hand, "", berlinAt(t, "2026-11-23T08:00:00")))
	if !reopen(t, j).Done(monday)["a"] {
		t.Error("tick lost")
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop reads (TestJournalPathThatIsADirectory covers an unreadable path)")
	}
	dir := t.TempDir()
	bad := writeJournal(t, dir, "journal.jsonl", line("a"))
	must(t, os.Chmod(bad, 0o000))
	j := openT(t, dir)
	wantWarnings(t, j, []string{bad, "permission denied"}, []string{"journal-2.jsonl"})
}

func TestReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: directory permissions do not stop writes (TestUnwritableLocation covers the error)")
	}
	dir := t.TempDir()
	must(t, os.Chmod(dir, 0o500))
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if _, err := Open(dir, Options{}); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("Open of a read-only dir = %v", err)
	}
}

func TestUnwritableLocation(t *testing.T) {
	// A data path below a regular file can never be created, even by root.
	file := writeJournal(t, t.TempDir(), "not-a-dir", "x")
	dir := filepath.Join(file, "data")
	_, err := Open(dir, Options{})
	if !errors.Is(err, syscall.ENOTDIR) || !strings.Contains(err.Error(), dir) {
		t.Errorf("Open = %v, want ENOTDIR naming %s", err, dir)
	}
	// The log command can still read (nothing).
	j, err := Load(dir)
	if err == nil {
		t.Errorf("Load below a file = %v", j.Warnings())
	}
}

func TestDamageInAnOlderFileIsReported(t *testing.T) {
	dir := t.TempDir()
	old := writeJournal(t, dir, "journal.jsonl", line("a")+"junk\n"+`{"v":1,"ts"`)
	writeJournal(t, dir, "journal-2.jsonl", line("b"))
	for range 2 { // not written to, so reported on every start
		j := openT(t, dir)
		wantWarnings(t, j, []string{old, "1 damaged line", "line 2"}, []string{old, "incomplete"})
		if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"a", "b"}) {
			t.Errorf("done = %v", got)
		}
		must(t, j.Close())
	}
	if got := readFile(t, old); got != line("a")+"junk\n"+`{"v":1,"ts"` {
		t.Errorf("older file changed: %q", got)
	}
}

func TestNewestFileIsReadLastAndWrittenTo(t *testing.T) {
	dir := t.TempDir()
	writeJournal(t, dir, "journal.jsonl", line("a")+line("b"))
	writeJournal(t, dir, "journal-3.jsonl", line("c"))
	writeJournal(t, dir, "journal-backup.jsonl", line("ignored"))
	writeJournal(t, dir, "journal-03.jsonl", line("ignored"))
	undo := strings.Replace(strings.Replace(line("a"), `"done"`, `"undone"`, 1), `,"src":"hand"`, "", 1)
	writeJournal(t, dir, "journal-2.jsonl", undo)
	j := openT(t, dir)
	wantWarnings(t, j)
	if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"b", "c"}) {
		t.Errorf("done = %v (files folded out of order?)", got)
	}
	if j.Path() != filepath.Join(dir, "journal-3.jsonl") {
		t.Errorf("Path = %s", j.Path())
	}
}

// failWriter fails like a full disk: it writes the first n bytes of a call
// (torn) and returns ENOSPC; or, with syncErr, writes everything and fails
// on Sync.
type failWriter struct {
	f       *os.File
	n       int
	syncErr error
}

func (w *failWriter) Write(b []byte) (int, error) {
	if w.syncErr != nil {
		return w.f.Write(b)
	}
	k, err := w.f.Write(b[:min(w.n, len(b))])
	if err != nil {
		return k, err
	}
	return k, &os.PathError{Op: "write", Path: w.f.Name(), Err: syscall.ENOSPC}
}

func (w *failWriter) Sync() error {
	if w.syncErr != nil {
		return w.syncErr
	}
	return w.f.Sync()
}

func TestFullDiskKeepsTheTicksUntilSpaceReturns(t *testing.T) {
	for _, tc := range []struct {
		torn    int    // bytes each failing write gets on disk
		damaged string // what the next start reports
	}{
		{0, ""},
		{1, "1 damaged line"},   // "{", then a lone "\n" (a blank line)
		{30, "4 damaged lines"}, // four failed writes of b, each torn
	} {
		torn := tc.torn
		t.Run(fmt.Sprintf("%d bytes written", torn), func(t *testing.T) {
			dir := t.TempDir()
			j := openT(t, dir)
			at := berlinAt(t, "2026-11-23T08:00:00")
			must(t, j.MarkDone(monday, "a", Hand, "", at))

			j.out = &failWriter{f: j.file, n: torn}
			err := j.MarkDone(monday, "b", Hand, "", at)
			if !errors.Is(err, ErrNotSaved) || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), j.Path()) {
				t.Errorf("MarkDone on a full disk = %v", err)
			}
			if j.Done(monday)["b"] {
				t.Error("the unsaved tick is shown")
			}
			id, err := j.StartSession(at, "default", nil)
			if !errors.Is(err, ErrNotSaved) || id == "" {
				t.Errorf("StartSession on a full disk = %q, %v", id, err)
			}
			// The session can be used while its start waits.
			if err := j.MarkDone(monday, "s", Timer, id, at); !errors.Is(err, ErrNotSaved) {
				t.Errorf("MarkDone in a waiting session = %v", err)
			}
			if p := j.Pending(); p.Entries != 3 || p.Ticks != 2 || !errors.Is(p.Err, syscall.ENOSPC) {
				t.Errorf("Pending = %+v", p)
			}
			if err := j.Retry(); !errors.Is(err, ErrNotSaved) {
				t.Errorf("Retry on a full disk = %v", err)
			}
			// Space comes back: the next append writes what waited first.
			j.out = j.file
			must(t, j.MarkDone(monday, "c", Hand, "", at))
			if p := j.Pending(); p.Entries != 0 || p.Err != nil {
				t.Errorf("Pending after the write = %+v", p)
			}
			want := []string{"a", "b", "c", "s"}
			if got := doneList(j, monday); !reflect.DeepEqual(got, want) {
				t.Errorf("done = %v", got)
			}
			j = reopen(t, j)
			if got := doneList(j, monday); !reflect.DeepEqual(got, want) {
				t.Errorf("done after reopen = %v", got)
			}
			if got := j.Day(monday).Moves(); !reflect.DeepEqual(got, []string{"a", "b", "s", "c"}) {
				t.Errorf("order after reopen = %v, want the order of the appends", got)
			}
			if tc.damaged != "" {
				// The torn bytes became damaged lines, reported once.
				wantWarnings(t, j, []string{tc.damaged})
				j = reopen(t, j)
			}
			wantWarnings(t, j)
		})
	}
}

// TestRetryWritesWhatWaited: the caller's timer writes the waiting
// entries once space returns, without a new append; an untick of a
// waiting tick takes it back; Close reports what could not be written.
func TestRetryWritesWhatWaited(t *testing.T) {
	j := openT(t, t.TempDir())
	at := berlinAt(t, "2026-11-23T08:00:00")
	j.out = &failWriter{f: j.file}
	for _, m := range []string{"a", "b"} {
		if err := j.MarkDone(monday, m, Hand, "", at); !errors.Is(err, ErrNotSaved) {
			t.Fatalf("MarkDone = %v", err)
		}
	}
	if err := j.MarkUndone(monday, "b", at); !errors.Is(err, ErrNotSaved) {
		t.Errorf("MarkUndone of a waiting tick = %v", err)
	}
	j.out = j.file
	must(t, j.Retry())
	if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("done = %v", got)
	}
	j.out = &failWriter{f: j.file}
	if err := j.MarkDone(monday, "c", Hand, "", at); !errors.Is(err, ErrNotSaved) {
		t.Fatalf("MarkDone = %v", err)
	}
	if err := j.Close(); err == nil || !strings.Contains(err.Error(), "1 entry could not be written") {
		t.Errorf("Close with an entry waiting = %v", err)
	}
}

func TestSyncFailureKeepsTheTick(t *testing.T) {
	j := openT(t, t.TempDir())
	at := berlinAt(t, "2026-11-23T08:00:00")
	j.out = &failWriter{f: j.file, syncErr: syscall.EIO}
	if err := j.MarkDone(monday, "a", Hand, "", at); !errors.Is(err, syscall.EIO) || !errors.Is(err, ErrNotSaved) {
		t.Errorf("MarkDone = %v, want EIO", err)
	}
	if j.Done(monday)["a"] {
		t.Error("an unsynced tick is shown")
	}
	j.out = j.file
	must(t, j.Retry())
	j = reopen(t, j)
	if got := j.Day(monday).Moves(); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("after reopen: %v", got)
	}
}

// TestForeignFileNumbersCannotHijackTheNumbering: a foreign file with a
// huge number neither overflows the next number nor draws new entries to
// a file that is not read back.
func TestForeignFileNumbersCannotHijackTheNumbering(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string // the file written to
	}{
		{"max int64", map[string]string{"journal.jsonl": line("a"), "journal-9223372036854775807.jsonl": "junk\n"}, "journal.jsonl"},
		{"max int64, first file foreign", map[string]string{"journal.jsonl": "junk\n", "journal-9223372036854775807.jsonl": "junk\n"}, "journal-2.jsonl"},
		{"highest number foreign", map[string]string{"journal.jsonl": "junk\n", "journal-999999.jsonl": "junk\n"}, "journal-2.jsonl"},
		{"highest number a journal", map[string]string{"journal-999999.jsonl": line("a")}, "journal-999999.jsonl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tc.files {
				writeJournal(t, dir, name, content)
			}
			j := openT(t, dir)
			if j.Path() != filepath.Join(dir, tc.want) {
				t.Errorf("Path = %s, want %s", j.Path(), tc.want)
			}
			must(t, j.MarkDone(monday, "b", Hand, "", berlinAt(t, "2026-11-23T08:00:00")))
			j = reopen(t, j)
			if !j.Done(monday)["b"] || j.Path() != filepath.Join(dir, tc.want) {
				t.Errorf("after reopen: done %v, Path %s", j.Done(monday), j.Path())
			}
			if r := loadT(t, dir); r.Path() != filepath.Join(dir, tc.want) {
				t.Errorf("Load: Path = %s", r.Path())
			}
		})
	}
}

// TestNewerVersionLinesAreNotCalledDamaged: lines of a newer format among
// readable ones are reported as such, every start, and never acknowledged
// as damage.
func TestNewerVersionLinesAreNotCalledDamaged(t *testing.T) {
	dir := t.TempDir()
	newer := strings.Repeat(`{"v":2,"ts":"2030-01-01T00:00:00Z","kind":"stretch"}`+"\n", 15)
	path := writeJournal(t, dir, "journal.jsonl", line("a")+newer+line("b"))
	for range 2 {
		j := openT(t, dir)
		wantWarnings(t, j, []string{path, "15 entries written by a newer version of Spine Routine are not shown", "line 2, 3", "update Spine Routine"})
		if w := j.Warnings()[0]; strings.Contains(w, "damaged") {
			t.Errorf("warning calls them damaged: %q", w)
		}
		if got := doneList(j, monday); !reflect.DeepEqual(got, []string{"a", "b"}) {
			t.Errorf("done = %v", got)
		}
		must(t, j.Close())
	}
}
