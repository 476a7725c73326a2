//go:build unix

package library

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"spineroutine/internal/regfile"
	"spineroutine/internal/routine"
)

// within runs f and fails the test when it has not returned after a few
// seconds.
func within[T any](t *testing.T, what string, f func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v := <-done:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not return", what)
		panic("unreachable")
	}
}

func writeT(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestDeleteBesideALongName: the deleted folder already holds a routine of
// a 255-byte name; deleting another of that name keeps it under a name cut
// to fit (it looped for ever, the next name being too long), and a folder
// where every name is taken gives a clear error.
func TestDeleteBesideALongName(t *testing.T) {
	l := open(t)
	key := strings.Repeat("a", 250) + ".toml"
	good := routine.Format(routine.Big3())
	deleted := filepath.Join(l.Dir(), DeletedDir)
	if err := os.Mkdir(deleted, 0o700); err != nil {
		t.Fatal(err)
	}
	writeT(t, filepath.Join(deleted, key), "first")
	writeT(t, filepath.Join(l.Dir(), key), string(good))
	type result struct {
		to  string
		err error
	}
	r := within(t, "Delete", func() result { to, err := l.Delete(key); return result{to, err} })
	if want := filepath.Join(deleted, strings.Repeat("a", 248)+"-2.toml"); r.err != nil || r.to != want {
		t.Fatalf("Delete = %q, %v; want %s", r.to, r.err, want)
	}
	if data, _ := os.ReadFile(r.to); string(data) != string(good) {
		t.Error("the routine was not kept")
	}
	if data, _ := os.ReadFile(filepath.Join(deleted, key)); string(data) != "first" {
		t.Error("the first deleted file was written over")
	}

	for n := 3; n <= regfile.FreeTries; n++ {
		writeT(t, filepath.Join(deleted, regfile.Candidate(strings.TrimSuffix(key, ".toml"), ".toml", n)), "")
	}
	writeT(t, filepath.Join(l.Dir(), key), string(good))
	r = within(t, "Delete", func() result { to, err := l.Delete(key); return result{to, err} })
	if !errors.Is(r.err, regfile.ErrNoFreeName) || !strings.Contains(r.err.Error(), "delete "+key) {
		t.Errorf("every name taken: %q, %v", r.to, r.err)
	}
	if _, err := os.Stat(filepath.Join(l.Dir(), key)); err != nil {
		t.Errorf("the routine is gone: %v", err)
	}
}

// TestImportIsBounded: an import whose name and the names after it are
// all taken fails with a clear error instead of trying for ever.
func TestImportIsBounded(t *testing.T) {
	l := open(t)
	src := filepath.Join(t.TempDir(), "daily.toml")
	writeT(t, src, string(routine.Format(routine.Big3())))
	for n := 1; n <= regfile.FreeTries; n++ {
		writeT(t, filepath.Join(l.Dir(), regfile.Candidate("daily", ".toml", n)), "")
	}
	if key, err := l.Import(src); !errors.Is(err, regfile.ErrNoFreeName) {
		t.Errorf("import with every name taken: %q, %v", key, err)
	}
}

// TestRemoveTempsRemovesOnlyTheLibrarysOwn: the temporary files a killed
// save leaves are removed at start; nothing else is.
func TestRemoveTempsRemovesOnlyTheLibrarysOwn(t *testing.T) {
	l := open(t)
	ours := []string{".daily.toml.123456.tmp", ".my routine.toml.9.tmp", ".in-use.77.tmp"}
	others := []string{"daily.toml", ".daily.toml.tmp", ".daily.toml.12x.tmp", "notes.123.tmp",
		".daily.toml.12.tmp.bak", "in-use", ".in-use.tmp", ".x.wav.1.tmp"}
	for _, n := range append(slices.Clone(ours), others...) {
		writeT(t, filepath.Join(l.Dir(), n), "x")
	}
	sub := filepath.Join(l.Dir(), DeletedDir)
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	writeT(t, filepath.Join(sub, ".a.toml.1.tmp"), "x")
	n, err := l.RemoveTemps()
	if err != nil || n != len(ours) {
		t.Errorf("RemoveTemps = %d, %v; want %d", n, err, len(ours))
	}
	ents, _ := os.ReadDir(l.Dir())
	var left []string
	for _, e := range ents {
		left = append(left, e.Name())
	}
	want := append(slices.Clone(others), DeletedDir)
	slices.Sort(want)
	if !slices.Equal(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
	if _, err := os.Stat(filepath.Join(sub, ".a.toml.1.tmp")); err != nil {
		t.Errorf("a file of the deleted folder was removed: %v", err)
	}
}

// TestFIFOsInTheFolderDoNotBlock: a FIFO as the in-use file, as a routine
// or as a file to import is refused at once.
func TestFIFOsInTheFolderDoNotBlock(t *testing.T) {
	l := open(t)
	for _, n := range []string{inUseFile, "pipe.toml"} {
		if err := syscall.Mkfifo(filepath.Join(l.Dir(), n), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got := within(t, "InUse", l.InUse); got != DefaultKey {
		t.Errorf("in use %q", got)
	}
	es := within(t, "List", func() []Entry { es, _ := l.List(); return es })
	if len(es) != 3 || es[2].Err == nil || !strings.Contains(es[2].Err.Error(), "named pipe") {
		t.Errorf("listed %+v", es)
	}
	err := within(t, "Export", func() error { return l.Export("pipe.toml", filepath.Join(t.TempDir(), "x.toml")) })
	if err == nil {
		t.Error("exported a FIFO")
	}
	err = within(t, "Import", func() error { _, err := l.Import(filepath.Join(l.Dir(), "pipe.toml")); return err })
	if err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("import of a FIFO: %v", err)
	}
}
