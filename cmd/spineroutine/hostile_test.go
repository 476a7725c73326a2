//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileDataFolder fills a data folder (and the preferences Fyne reads
// under home) with what must not stop a start: a FIFO or a link to
// /dev/zero at every file the app reads, and leftovers of killed saves.
func hostileDataFolder(t *testing.T, home string) (data string) {
	t.Helper()
	data = filepath.Join(home, "data")
	prefs := filepath.Join(home, ".config", "fyne", appID)
	for _, d := range []string{filepath.Join(data, "routines"), filepath.Join(data, "voices"), prefs} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{"journal.checkpoint", "resume.json", "routines/in-use", "routines/pipe.toml"} {
		if err := syscall.Mkfifo(filepath.Join(data, p), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(prefs, "preferences.json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(data, "journal.jsonl")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"routines/.daily.toml.123456.tmp", "voices/voice-0123456789abcdef.wav.tmp"} {
		if err := os.WriteFile(filepath.Join(data, p), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

// TestHostileDataFolder: with a FIFO or a device at each path of the data
// folder and at the preferences, `log` answers at once naming the files it
// did not read, and the window opens, setting aside the checkpoint, the
// resume points and the preferences (renamed, never written over) and
// removing the leftovers of killed saves. Both hung before (the window
// never showed).
func TestHostileDataFolder(t *testing.T) {
	needTools(t, "Xvfb")
	home := t.TempDir()
	data := hostileDataFolder(t, home)

	done := make(chan string, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		run([]string{"log", "--data", data}, &stdout, &stderr)
		done <- stderr.String()
	}()
	select {
	case warnings := <-done:
		for _, want := range []string{
			filepath.Join(data, "journal.checkpoint") + " is a named pipe (FIFO)",
			filepath.Join(data, "journal.jsonl") + " is a device, not a journal file",
			filepath.Join(data, "resume.json") + " is a named pipe (FIFO)",
		} {
			if !strings.Contains(warnings, want) {
				t.Errorf("log does not say %q:\n%s", want, warnings)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("log hung")
	}

	bin := buildBinary(t)
	x := startXvfb(t)
	env := append(baseEnv(t, x.display, home), "SPINEROUTINE_TRACE_STARTUP=1")
	a := startApp(t, bin, env, "--data", data, "--mute")
	waitStarted(t, a, 60*time.Second)
	a.kill(syscall.SIGTERM)
	out := a.log()
	if !strings.Contains(out, "preferences.json is a named pipe (FIFO): it was set aside as preferences.json.not-used") {
		t.Errorf("the preferences are not said to be set aside:\n%s", out)
	}
	for _, p := range []string{"journal.checkpoint.not-a-file", "resume.json.damaged-*",
		"../.config/fyne/" + appID + "/preferences.json.not-used", "routines/in-use", "routines/pipe.toml"} {
		m, _ := filepath.Glob(filepath.Join(data, p))
		if len(m) != 1 {
			t.Errorf("%s: %v", p, m)
			continue
		}
		if fi, err := os.Lstat(m[0]); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("%s is no longer the FIFO: %v", m[0], err)
		}
	}
	for _, p := range []string{"routines/.daily.toml.123456.tmp", "voices/voice-0123456789abcdef.wav.tmp"} {
		if _, err := os.Lstat(filepath.Join(data, p)); !os.IsNotExist(err) {
			t.Errorf("leftover %s not removed: %v", p, err)
		}
	}
}

// TestStartWithARejectedRoutineStartsNothing: --start with a --routine
// that cannot be used shows its problems and starts no session (it ran
// the built-in routine instead).
func TestStartWithARejectedRoutineStartsNothing(t *testing.T) {
	needTools(t, "Xvfb")
	home := t.TempDir()
	data := filepath.Join(home, "data")
	bad := filepath.Join(home, "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"Bad\"\n[[move]]\nid = \"Bad Id\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bin := buildBinary(t)
	x := startXvfb(t)
	env := append(baseEnv(t, x.display, home), "SPINEROUTINE_TRACE_STARTUP=1")
	a := startApp(t, bin, env, "--data", data, "--mute", "--start", "--routine", bad)
	waitStarted(t, a, 60*time.Second)
	time.Sleep(3 * time.Second) // a session would have started by now
	a.kill(syscall.SIGTERM)
	out := a.log()
	if !strings.Contains(out, "bad.toml:3:") || !strings.Contains(out, "--start ignored") {
		t.Errorf("the problems are not shown:\n%s", out)
	}
	journal, _ := os.ReadFile(filepath.Join(data, "journal.jsonl"))
	if bytes.Contains(journal, []byte(`"session_start"`)) {
		t.Errorf("a session started:\n%s", journal)
	}
}
