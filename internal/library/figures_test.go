package library

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spineroutine/internal/routine"
)

// A routine whose move names a figure the pose library does not have is
// refused the same way everywhere: `spineroutine check` says so, and so do
// the import, the saved routine put in use and the export.
func TestFigureNamesCheckedEverywhere(t *testing.T) {
	l := open(t)
	r := routine.Big3()
	r.Moves[0].Figure = "flying-pig"
	text := routine.Format(r)
	want := `figure "flying-pig" is not in the pose library`

	src := filepath.Join(t.TempDir(), "pig.toml")
	if err := os.WriteFile(src, text, 0o600); err != nil {
		t.Fatal(err)
	}
	if key, err := l.Import(src); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("import: key %q, error %v; want %q", key, err, want)
	}
	saved := filepath.Join(l.Dir(), "pig.toml")
	if err := os.WriteFile(saved, text, 0o600); err != nil {
		t.Fatal(err)
	}
	if e, err := l.Get("pig.toml"); err != nil || e.Err == nil || !strings.Contains(e.Err.Error(), saved+":") || !strings.Contains(e.Err.Error(), want) {
		t.Errorf("saved routine: entry error %v (%v); want %q with its file and line", e.Err, err, want)
	}
	if err := l.Use("pig.toml"); err == nil {
		t.Error("a routine naming a missing figure was put in use")
	}
	if err := l.Export("pig.toml", filepath.Join(t.TempDir(), "out.toml")); err == nil {
		t.Error("a routine naming a missing figure was exported")
	}
}
