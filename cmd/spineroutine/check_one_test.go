package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOneMove: a routine of one move is "1 move", not "1 moves".
func TestCheckOneMove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "one.toml")
	src := "name = \"One\"\n[[move]]\nid = \"a\"\nname = \"A\"\nfocus = \"mobility\"\nhold = 10\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", path}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout.String(), stderr.String())
	}
	if got := stdout.String(); !strings.Contains(got, ": ok (1 move, ") {
		t.Errorf("got %q, want \"ok (1 move, ...)\"", got)
	}
}
