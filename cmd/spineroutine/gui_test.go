package main

import (
	"bytes"
	"strings"
	"testing"

	"spineroutine/internal/figure"
	"spineroutine/internal/routine"
)

func TestGUIFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--help"}, 0, "-start"},
		{[]string{"--nope"}, 2, "flag provided but not defined"},
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if got := runGUI(tt.args, &out, &errb); got != tt.code {
			t.Errorf("%v: exit %d, want %d", tt.args, got, tt.code)
		}
		if !strings.Contains(errb.String(), tt.err) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, errb.String(), tt.err)
		}
	}
}

func TestRoutineProblems(t *testing.T) {
	_, err := routine.Parse("bad.toml", []byte("name = \"B\"\n\n[[move]]\nid = \"Bad Id\"\nname = \"X\"\nfocus = \"stability\"\nhold = 10\ntempo = [1, 2]\n"), figure.Shipped())
	if err == nil {
		t.Fatal("no error from a bad routine")
	}
	lines := routineProblems("bad.toml", err)
	if len(lines) < 2 || !strings.Contains(lines[0], "bad.toml not used") {
		t.Fatalf("lines = %q", lines)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "bad.toml:") {
			t.Errorf("problem line %q is not file:line:...", l)
		}
	}
}
