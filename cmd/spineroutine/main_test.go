package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestHelpAndUsage: --help lists every command with its usage; an unknown
// flag prints the usage and exits 2.
func TestHelpAndUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--help"}, &out, &errb); code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	for _, name := range []string{"check", "gui", "log", "plan", "render"} {
		c, ok := commands[name]
		if !ok {
			t.Fatalf("command %q not registered", name)
		}
		if !strings.Contains(out.String(), "spineroutine "+c.usage+"\n      "+c.summary+"\n") {
			t.Errorf("--help lacks %q:\n%s", name, out.String())
		}
	}
	for _, args := range [][]string{{"--bogus"}, {"plan", "--bogus"}, {"log", "extra"}} {
		out.Reset()
		errb.Reset()
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if !strings.Contains(errb.String(), "Usage: spineroutine") {
			t.Errorf("%v: no usage on stderr:\n%s", args, errb.String())
		}
	}
}

// TestUnknownCommandAndBareUsage: a word that is no command is named as
// such with the list of commands; a command without flags prints its
// usage without an empty "Flags:".
func TestUnknownCommandAndBareUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"bogus"}, &out, &errb); code != 2 {
		t.Errorf("bogus: exit %d, want 2", code)
	}
	if !strings.HasPrefix(errb.String(), `spineroutine: unknown command "bogus"`) || !strings.Contains(errb.String(), "spineroutine "+commands["check"].usage) {
		t.Errorf("bogus: stderr %q", errb.String())
	}
	errb.Reset()
	if code := run([]string{"check"}, &out, &errb); code != 2 {
		t.Errorf("check: exit %d, want 2", code)
	}
	if want := "spineroutine check: name at least one routine file\nUsage: spineroutine check FILE...\n"; errb.String() != want {
		t.Errorf("check: stderr %q, want %q", errb.String(), want)
	}
}
