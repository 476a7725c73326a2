package library

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"spineroutine/assets"
	"spineroutine/internal/figure"
	"spineroutine/internal/routine"
)

func open(t *testing.T) *Library {
	t.Helper()
	l, err := Open(t.TempDir(), figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// keys lists the keys of the library's entries.
func keys(t *testing.T, l *Library) []string {
	t.Helper()
	es, err := l.List()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Key)
	}
	return out
}

// noLeftovers fails when a temporary file stayed in the folder.
func noLeftovers(t *testing.T, l *Library) {
	t.Helper()
	des, _ := os.ReadDir(l.Dir())
	for _, de := range des {
		if strings.HasSuffix(de.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", de.Name())
		}
	}
}

func TestBuiltinsListedAndInUse(t *testing.T) {
	l := open(t)
	es, err := l.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].Name != "Daily back routine" || !es[0].BuiltIn || es[1].Key != Big3Key || es[1].Routine == nil {
		t.Fatalf("entries %+v", es)
	}
	if got := l.InUse(); got != DefaultKey {
		t.Errorf("in use %q", got)
	}
}

// Editing a built-in routine saves a copy; the copy is then saved in place.
func TestSaveBuiltinMakesACopy(t *testing.T) {
	l := open(t)
	r := routine.Default()
	// The shipped moves have levels: a move's dose is its start level's.
	bird := &r.Moves[10]
	bird.Levels[bird.StartLevel-1].Reps = []int{4, 4}
	key, err := l.Save(DefaultKey, r)
	if err != nil {
		t.Fatal(err)
	}
	if key != "daily-back-routine-my-copy.toml" {
		t.Errorf("saved as %q", key)
	}
	e, err := l.Get(key)
	if err != nil || e.Err != nil {
		t.Fatal(err, e.Err)
	}
	if e.Routine.Name != "Daily back routine (my copy)" || !reflect.DeepEqual(e.Routine.Moves[10].Reps, []int{4, 4}) {
		t.Errorf("saved %q with bird dogs %v", e.Routine.Name, e.Routine.Moves[10].Reps)
	}
	if d, _ := l.Get(DefaultKey); !reflect.DeepEqual(d.Routine.Moves[10].Reps, []int{6, 4, 2}) {
		t.Error("the built-in routine changed")
	}

	// Saved again under its key: the same file, the new dose.
	plank := &e.Routine.Moves[4]
	plank.Levels[plank.StartLevel-1].Hold = 15 * time.Second
	if again, err := l.Save(key, e.Routine); err != nil || again != key {
		t.Fatalf("saved again as %q: %v", again, err)
	}
	e, _ = l.Get(key)
	if e.Routine.Moves[4].Hold != 15*time.Second || e.Routine.Name != "Daily back routine (my copy)" {
		t.Errorf("after the second save: %q hold %v", e.Routine.Name, e.Routine.Moves[4].Hold)
	}
	// A renamed copy of a built-in keeps its new name.
	b := routine.Big3()
	b.Name = "Flare-up day"
	if k, err := l.Save(Big3Key, b); err != nil || k != "flare-up-day.toml" {
		t.Errorf("saved as %q: %v", k, err)
	}
	// A new routine with a taken name gets a free file.
	if k, err := l.Save("", b); err != nil || k != "flare-up-day-2.toml" {
		t.Errorf("saved as %q: %v", k, err)
	}
	if got := keys(t, l); !reflect.DeepEqual(got, []string{DefaultKey, Big3Key, key, "flare-up-day-2.toml", "flare-up-day.toml"}) {
		t.Errorf("keys %v", got)
	}
	noLeftovers(t, l)
}

// A damaged file is listed with its problems, kept as it is, and saving
// over it writes a new file instead.
func TestDamagedFileKept(t *testing.T) {
	l := open(t)
	bad := []byte("name = \"Mine\"\n[[move]]\nid = \"x\"\nname = \"X\"\nfocus = \"mobility\"\nhold = -1\n")
	path := filepath.Join(l.Dir(), "mine.toml")
	if err := os.WriteFile(path, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := l.Get("mine.toml")
	if err != nil {
		t.Fatal(err)
	}
	if e.Routine != nil || e.Err == nil || e.Err.Error() != path+`:6: move "x": hold must not be negative` || e.Name != "mine.toml" {
		t.Errorf("entry %+v", e)
	}
	if err := l.Use("mine.toml"); err == nil {
		t.Error("a damaged routine was put in use")
	}
	r := routine.Big3()
	r.Name = "Mine"
	key, err := l.Save("mine.toml", r)
	if err != nil || key != "mine-2.toml" {
		t.Errorf("saved as %q: %v", key, err)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, bad) {
		t.Errorf("the damaged file was written over:\n%s", data)
	}
	if err := l.Export("mine.toml", filepath.Join(t.TempDir(), "out.toml")); err == nil {
		t.Error("a damaged routine was exported")
	}
}

func TestInUsePersists(t *testing.T) {
	dir := t.TempDir()
	l, _ := Open(dir, nil)
	key, err := l.Save(Big3Key, routine.Big3())
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Use(key); err != nil {
		t.Fatal(err)
	}
	l2, _ := Open(dir, nil)
	if got := l2.InUse(); got != key {
		t.Errorf("in use %q, want %q", got, key)
	}
	if err := l2.Use("../escape.toml"); err == nil {
		t.Error("a key outside the folder was accepted")
	}
	// The file in use is removed by hand: back to the default.
	os.Remove(filepath.Join(l.Dir(), key))
	if got := l2.InUse(); got != DefaultKey {
		t.Errorf("in use %q after its file went", got)
	}
	noLeftovers(t, l)
}

func TestImport(t *testing.T) {
	l := open(t)
	src := filepath.Join(t.TempDir(), "My Routine.toml")
	text := append([]byte("# my physio's routine\n"), routine.Format(routine.Big3())...)
	if err := os.WriteFile(src, text, 0o600); err != nil {
		t.Fatal(err)
	}
	key, err := l.Import(src)
	if err != nil || key != "my-routine.toml" {
		t.Fatalf("imported as %q: %v", key, err)
	}
	if data, _ := os.ReadFile(filepath.Join(l.Dir(), key)); !bytes.Equal(data, text) {
		t.Error("the imported file differs from its source")
	}
	if k, _ := l.Import(src); k != "my-routine-2.toml" {
		t.Errorf("imported again as %q", k)
	}

	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("name = \"B\"\nrest = \"x\"\n"), 0o600)
	_, err = l.Import(bad)
	var es routine.Errors
	if !errors.As(err, &es) || err.Error() != bad+": no moves: add at least one [[move]] table\n"+bad+":2: rest must be a number of seconds (like 10), not text" {
		t.Errorf("import of a bad file: %v", err)
	}
	if got := keys(t, l); len(got) != 4 {
		t.Errorf("keys %v", got)
	}
}

func TestExport(t *testing.T) {
	l := open(t)
	out := filepath.Join(t.TempDir(), "daily.toml")
	os.WriteFile(out, []byte("old"), 0o600)
	if err := l.Export(DefaultKey, out); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(out); !bytes.Equal(data, assets.RoutineTOML) {
		t.Error("the exported built-in routine differs from the shipped one")
	}
	r := routine.Default()
	r.Moves = r.Moves[:3]
	key, _ := l.Save("", r)
	if err := l.Export(key, out); err != nil {
		t.Fatal(err)
	}
	back, err := routine.Load(out, nil)
	if err != nil || len(back.Moves) != 3 {
		t.Errorf("exported file: %v", err)
	}
	if err := l.Export("nothing.toml", out); err == nil {
		t.Error("exported a routine that does not exist")
	}
}

func TestOrigin(t *testing.T) {
	b := routine.Big3()
	b.Name += CopySuffix
	mine := routine.Big3()
	mine.Name = "Flare-up day"
	for _, tt := range []struct {
		r    *routine.Routine
		want string
	}{{routine.Default(), "default"}, {routine.Big3(), "big3"}, {b, "big3"}, {mine, "default"}} {
		if got := Origin(tt.r).Source; got != tt.want {
			t.Errorf("Origin(%q) = %s, want %s", tt.r.Name, got, tt.want)
		}
	}
}
