package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFigures draws the Big 3 and checks the files: one per key pose,
// named <move id>-<n>.png, at least 400 px tall, left then right side for
// the sided moves.
func TestFigures(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	big3 := filepath.Join("..", "..", "assets", "big3.toml")
	if code := run([]string{"figures", "--routine", big3, "--out", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want := []string{
		"mcgill-curl-up-1.png (curl-down)", "mcgill-curl-up-2.png (curl-up)",
		"side-planks-1.png (side-plank-down, left side)", "side-planks-2.png (side-plank-up, left side)",
		"side-planks-3.png (side-plank-down, right side)", "side-planks-4.png (side-plank-up, right side)",
		"bird-dogs-1.png (quadruped, left side)", "bird-dogs-2.png (bird-dog, left side)",
		"bird-dogs-3.png (bird-dog, right side)",
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != len(want) {
		t.Fatalf("output:\n%s\nwant %d lines", stdout.String(), len(want))
	}
	for i, w := range want {
		if lines[i] != filepath.Join(dir, w) {
			t.Errorf("line %d is %q, want %q", i+1, lines[i], filepath.Join(dir, w))
		}
		f, err := os.Open(filepath.Join(dir, strings.Fields(w)[0]))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Height < 400 {
			t.Errorf("%s: %v, %d px tall", w, err, cfg.Height)
		}
	}
}

// TestFiguresErrors checks the usage errors and a routine naming a figure
// the library does not have.
func TestFiguresErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	text := "name = \"x\"\n[[move]]\nid = \"a\"\nname = \"A\"\nfocus = \"mobility\"\nhold = 5\nfigure = \"cartwheel\"\n"
	if err := os.WriteFile(bad, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args      []string
		code      int
		stderrHas string
	}{
		{[]string{"figures"}, 2, "--out DIR is required"},
		{[]string{"figures", "--out", dir, "--size", "100"}, 2, "--size must be 400 to 4000"},
		{[]string{"figures", "--out", dir, "--routine", bad}, 1, bad + `:7: move "a": figure "cartwheel" is not in the pose library`},
		{[]string{"check", bad}, 1, ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.stderrHas) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.stderrHas)
		}
		if tt.args[0] == "check" && !strings.Contains(stdout.String(), `figure "cartwheel" is not in the pose library`) {
			t.Errorf("check: stdout %q does not name the unknown figure", stdout.String())
		}
	}
}
