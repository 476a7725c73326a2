package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spineroutine/internal/figure"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
)

func TestStartRoutine(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(good, routine.Format(routine.Big3()), 0o644)
	os.WriteFile(bad, []byte("name = \"B\"\n"), 0o644)

	withInUse := func(t *testing.T, damaged bool) *library.Library {
		lib, err := library.Open(t.TempDir(), figure.Shipped())
		if err != nil {
			t.Fatal(err)
		}
		r := routine.Default()
		r.Name = "Mine"
		key, err := lib.Save("", r)
		if err != nil {
			t.Fatal(err)
		}
		if err := lib.Use(key); err != nil {
			t.Fatal(err)
		}
		if damaged {
			os.WriteFile(filepath.Join(lib.Dir(), key), []byte("name = 3\n"), 0o600)
		}
		return lib
	}
	empty := func(t *testing.T) *library.Library {
		lib, err := library.Open(t.TempDir(), figure.Shipped())
		if err != nil {
			t.Fatal(err)
		}
		return lib
	}
	tests := []struct {
		name         string
		lib          func(t *testing.T) *library.Library
		flag, legacy string
		wantName     string
		wantKey      string
		problem      string
	}{
		{"nothing chosen", empty, "", "", "Daily back routine", library.DefaultKey, ""},
		{"--routine", empty, good, "", "McGill Big 3 (bad-day routine)", "", ""},
		{"--routine with problems", empty, bad, "", "Daily back routine", library.DefaultKey, bad + ": no moves"},
		{"library in use", func(t *testing.T) *library.Library { return withInUse(t, false) }, "", good, "Mine", "mine.toml", ""},
		{"--routine wins over the library", func(t *testing.T) *library.Library { return withInUse(t, false) }, good, "", "McGill Big 3 (bad-day routine)", "", ""},
		{"library file damaged", func(t *testing.T) *library.Library { return withInUse(t, true) }, "", "", "Daily back routine", library.DefaultKey, "mine.toml:1: name must be text"},
		{"file opened in Settings before", empty, "", good, "McGill Big 3 (bad-day routine)", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, key, problems := startRoutine(tt.lib(t), tt.flag, tt.legacy)
			if r.Name != tt.wantName || key != tt.wantKey {
				t.Errorf("got %q key %q, want %q key %q", r.Name, key, tt.wantName, tt.wantKey)
			}
			if got := strings.Join(problems, "\n"); tt.problem == "" && got != "" || !strings.Contains(got, tt.problem) {
				t.Errorf("problems %q, want %q", got, tt.problem)
			}
		})
	}
}
