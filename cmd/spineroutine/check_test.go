package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/figure"
	"spineroutine/internal/routine"
)

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"x\"\n[[move]]\nid = \"a\"\nname = \"A\"\nfocus = \"core\"\nhold = 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.toml")
	def := filepath.Join("..", "..", "assets", "routine.toml")
	big3 := filepath.Join("..", "..", "assets", "big3.toml")

	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    string
		stderrHas string
	}{
		{"shipped routines", []string{def, big3}, 0,
			def + ": ok (12 moves, 35:13)\n" + big3 + ": ok (3 moves, 14:51)\n", ""},
		{"one bad file among good ones", []string{def, bad}, 1,
			def + ": ok (12 moves, 35:13)\n" +
				bad + `:5: move "a": focus "core" is not one of mobility, stability, decompression, activation, strength` + "\n" +
				bad + `:6: move "a": hold must be more than 0` + "\n", ""},
		{"missing file", []string{missing}, 1, missing + ": cannot open: no such file or directory\n", ""},
		{"no files", nil, 2, "", "name at least one routine file"},
		{"unknown flag", []string{"-x", def}, 2, "", "flag provided but not defined: -x"},
		{"help", []string{"-h"}, 0, "", "Usage: spineroutine check FILE..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runCheck(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if stdout.String() != tt.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderrHas) || tt.stderrHas == "" && stderr.Len() > 0 {
				t.Errorf("stderr %q, want it to contain %q", stderr.String(), tt.stderrHas)
			}
		})
	}
}

func TestCheckIsRegistered(t *testing.T) {
	c, ok := commands["check"]
	if !ok || c.run == nil || c.usage != "check FILE..." {
		t.Fatalf("check command not registered: %+v", c)
	}
}

func TestMinSec(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "00:00"},
		{59*time.Second + 499*time.Millisecond, "00:59"},
		{59*time.Second + 500*time.Millisecond, "01:00"},
		{35*time.Minute + 13*time.Second, "35:13"},
		{4 * time.Hour, "240:00"},
	}
	for _, tt := range tests {
		if got := minSec(tt.d); got != tt.want {
			t.Errorf("minSec(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// Every routine file the app writes (routine.Format: the editor's saves
// and exports) passes check with the routine's length.
func TestCheckAcceptsWrittenFiles(t *testing.T) {
	dir := t.TempDir()
	edited := routine.NewDraft(routine.Big3())
	bird := &edited.Moves[2] // its dose is its start level's
	bird.Levels[bird.Start()-1].Reps = "4"
	edited.Moves[0].Off = true
	edited.Moves = append(edited.Moves, routine.DraftMove{Name: "Cat-Camel", Focus: "mobility", Reps: "8", UseTempo: true, Tempo: "2-2",
		Steps: "On hands and knees\nRound the back, then let it sag gently"})
	r, err := edited.Check(figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	var want strings.Builder
	for name, r := range map[string]*routine.Routine{"default": routine.Default(), "big3": routine.Big3(), "edited": r} {
		path := filepath.Join(dir, name+".toml")
		if err := os.WriteFile(path, routine.Format(r), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
		fmt.Fprintf(&want, "%s: ok (%s, %s)\n", path, movesText(len(r.Moves)), minSec(r.Duration()))
	}
	var stdout, stderr bytes.Buffer
	if code := runCheck(args, &stdout, &stderr); code != 0 || stdout.String() != want.String() {
		t.Errorf("exit %d\n%s%s\nwant:\n%s", code, stdout.String(), stderr.String(), want.String())
	}
	if !strings.Contains(want.String(), "edited.toml: ok (3 moves, 08:47)") {
		t.Errorf("edited routine: %s", want.String())
	}
}
