package appdata

import (
	"os"
	"path/filepath"
	"testing"
)

const (
	oldID = "org.spineroutine.SpineRoutine"
	newID = "io.github.spineroutine.SpineRoutine"
)

// write creates root/rel holding text.
func write(t *testing.T, root, rel, text string) {
	t.Helper()
	path := filepath.Join(root, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// read returns the text of root/rel, "" when it does not exist.
func read(t *testing.T, root, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, rel))
	if os.IsNotExist(err) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMigrate(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string // before: path under root -> text
		wantMoved bool
		wantErr   bool
		want      map[string]string // after; "" means absent
	}{{
		name: "old data moves to the new ID",
		files: map[string]string{
			oldID + "/preferences.json":         `{"theme":"dark"}`,
			oldID + "/journal-2026.jsonl":       "{}\n",
			oldID + "/voices/next-bird-dog.ogg": "ogg",
		},
		wantMoved: true,
		want: map[string]string{
			newID + "/preferences.json":         `{"theme":"dark"}`,
			newID + "/journal-2026.jsonl":       "{}\n",
			newID + "/voices/next-bird-dog.ogg": "ogg",
			oldID + "/preferences.json":         "",
		},
	}, {
		name: "the new ID already has data: nothing changes",
		files: map[string]string{
			oldID + "/preferences.json": "old",
			newID + "/preferences.json": "new",
		},
		want: map[string]string{
			oldID + "/preferences.json": "old",
			newID + "/preferences.json": "new",
		},
	}, {
		name:  "no old data: nothing to do",
		files: map[string]string{"other.App/preferences.json": "x"},
		want:  map[string]string{newID + "/preferences.json": "", "other.App/preferences.json": "x"},
	}, {
		name:    "the old ID is a file: left alone, with an error",
		files:   map[string]string{oldID: "not a folder"},
		wantErr: true,
		want:    map[string]string{oldID: "not a folder", newID + "/preferences.json": ""},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for rel, text := range tc.files {
				write(t, root, rel, text)
			}
			moved, err := Migrate(root, oldID, newID)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Migrate error = %v, want error: %v", err, tc.wantErr)
			}
			if moved != tc.wantMoved {
				t.Errorf("Migrate moved = %v, want %v", moved, tc.wantMoved)
			}
			for rel, want := range tc.want {
				if got := read(t, root, rel); got != want {
					t.Errorf("%s = %q, want %q", rel, got, want)
				}
			}
		})
	}
}

func TestMigrateOnce(t *testing.T) {
	root := t.TempDir()
	write(t, root, oldID+"/preferences.json", "1")
	if moved, err := Migrate(root, oldID, newID); !moved || err != nil {
		t.Fatalf("first Migrate = %v, %v; want moved", moved, err)
	}
	// An old version run again later makes a fresh old folder: it is not
	// moved over the data already migrated.
	write(t, root, oldID+"/preferences.json", "2")
	if moved, err := Migrate(root, oldID, newID); moved || err != nil {
		t.Fatalf("second Migrate = %v, %v; want nothing done", moved, err)
	}
	if got := read(t, root, newID+"/preferences.json"); got != "1" {
		t.Errorf("migrated preferences = %q, want %q", got, "1")
	}
}

func TestMigrateMissingRoot(t *testing.T) {
	root := filepath.Join(t.TempDir(), "no-such-dir")
	if moved, err := Migrate(root, oldID, newID); moved || err != nil {
		t.Fatalf("Migrate = %v, %v; want nothing done", moved, err)
	}
}
