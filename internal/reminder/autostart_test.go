package reminder

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const testID = "io.github.spineroutine.SpineRoutine"

func TestAutostartEntry(t *testing.T) {
	tests := []struct {
		exe, wantExec string
	}{
		{"/home/ann/.local/bin/spineroutine", "Exec=/home/ann/.local/bin/spineroutine --tray"},
		{"/home/ann/My Apps/spineroutine", `Exec="/home/ann/My Apps/spineroutine" --tray`},
		{`/opt/a"b$c/100%/spineroutine`, `Exec="/opt/a\\"b\\$c/100%%/spineroutine" --tray`},
	}
	validate, _ := exec.LookPath("desktop-file-validate")
	for _, tc := range tests {
		entry := AutostartEntry("Spine Routine", testID, tc.exe)
		if !strings.Contains(entry, "\n"+tc.wantExec+"\n") {
			t.Errorf("entry for %q has no line %q:\n%s", tc.exe, tc.wantExec, entry)
		}
		if validate == "" {
			continue
		}
		path := AutostartPath(t.TempDir(), testID)
		if err := InstallAutostart(path, entry); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(validate, path).CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("desktop-file-validate on the entry for %q: %v\n%s\n%s", tc.exe, err, out, entry)
		}
	}
	if validate == "" {
		t.Log("desktop-file-validate not installed (scripts/setup.sh test installs it): entries not validated")
	}
}

func TestInstallAndRemoveAutostart(t *testing.T) {
	config := t.TempDir()
	path := AutostartPath(config, testID)
	if want := filepath.Join(config, "autostart", testID+".desktop"); path != want {
		t.Fatalf("AutostartPath = %s, want %s", path, want)
	}
	if AutostartInstalled(path) {
		t.Fatal("installed before InstallAutostart")
	}
	for _, exe := range []string{"/usr/bin/spineroutine", "/usr/local/bin/spineroutine"} {
		if err := InstallAutostart(path, AutostartEntry("Spine Routine", testID, exe)); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(b), "Exec="+exe+" --tray\n") {
			t.Fatalf("after installing for %s the entry reads %q, %v", exe, b, err)
		}
	}
	files, _ := os.ReadDir(filepath.Dir(path))
	if len(files) != 1 {
		t.Errorf("the autostart folder holds %d files, want only the entry", len(files))
	}
	if err := RemoveAutostart(path); err != nil {
		t.Fatal(err)
	}
	if AutostartInstalled(path) {
		t.Error("still installed after RemoveAutostart")
	}
	if err := RemoveAutostart(path); err != nil {
		t.Errorf("removing an absent entry: %v", err)
	}
}

func TestInstallAutostartError(t *testing.T) {
	// The autostart "folder" is a file: the error names the path.
	config := t.TempDir()
	if err := os.WriteFile(filepath.Join(config, "autostart"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	path := AutostartPath(config, testID)
	err := InstallAutostart(path, AutostartEntry("Spine Routine", testID, "/usr/bin/spineroutine"))
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("InstallAutostart into a file = %v, want an error naming %s", err, path)
	}
}
