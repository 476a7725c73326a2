package appdata

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"spineroutine/internal/progress"
)

// TestReadSaved reads settings files as Fyne writes them, and refuses
// the ones it cannot use with a message naming the file.
func TestReadSaved(t *testing.T) {
	root := t.TempDir()
	write(t, root, "ok.json", `{"progress.sessions":1,"progress.window":12,"routine.path":"/r.toml","sound.muted":true}`+"\n")
	write(t, root, "bad.json", `{"progress.sessions":`)
	write(t, root, "nonsense.json", `{"progress.sessions":40,"progress.window":10}`)
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.json"), 0o600); err != nil {
		t.Fatal(err)
	}

	s, err := ReadSaved(filepath.Join(root, "ok.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := progress.Defaults()
	want.Sessions, want.Window = 1, 12
	if got := Progress(s); got != want || RoutinePath(s) != "/r.toml" {
		t.Errorf("read %+v, %q", got, RoutinePath(s))
	}

	s, err = ReadSaved(filepath.Join(root, "none.json"))
	if err != nil || len(s) != 0 || Progress(s) != progress.Defaults() {
		t.Errorf("a missing file: %v %v", s, err)
	}
	s, err = ReadSaved(filepath.Join(root, "nonsense.json"))
	if err != nil || Progress(s) != progress.Defaults() {
		t.Errorf("40 sessions in 10 days read as %+v (%v), want the defaults", Progress(s), err)
	}
	for _, name := range []string{"bad.json", "fifo.json"} {
		path := filepath.Join(root, name)
		if _, err := ReadSaved(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v, want an error naming it", name, err)
		}
	}
}

// mapValues are settings kept in memory, for SetProgress.
type mapValues map[string]int

func (m mapValues) SetInt(key string, v int) { m[key] = v }

// TestSetProgress saves every number under its key, and nothing that
// makes no sense together.
func TestSetProgress(t *testing.T) {
	m := mapValues{}
	v := progress.Defaults()
	v.Sessions = 30
	SetProgress(m, v) // 30 sessions within 10 days
	if len(m) != 0 {
		t.Errorf("saved %v", m)
	}
	v.Window = 60
	SetProgress(m, v)
	if len(m) != len(ProgressKeys) || m["progress.sessions"] != 30 || m["progress.window"] != 60 {
		t.Errorf("saved %v", m)
	}
}
