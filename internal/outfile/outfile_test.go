package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func isOurs(r io.Reader) bool {
	b, _ := io.ReadAll(r)
	return strings.HasPrefix(string(b), "OURS")
}

func TestCheckReplace(t *testing.T) {
	dir := t.TempDir()
	put := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(put("target", "OURS"), link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path string
		force      bool
		want       string // "" for no error, else a part of the message
	}{
		{"missing", filepath.Join(dir, "new"), false, ""},
		{"ours", put("ours", "OURS and more"), false, ""},
		{"foreign", put("foreign", "a letter"), false, "is not a thing written by tests; it was left alone"},
		{"foreign, forced", filepath.Join(dir, "foreign"), true, ""},
		{"folder", dir, false, "is a folder"},
		{"folder, forced", dir, true, "is a folder"},
		{"fifo", fifo, false, "not a thing"},
		{"link to ours", link, false, "not a thing"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckReplace(c.path, c.force, "a thing", "tests", isOurs)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("got %v, want an error with %q", err, c.want)
			}
		})
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("the writer failed")
	if _, err := Write(path, func(f *os.File) error {
		f.WriteString("half of the new")
		return failed
	}); !errors.Is(err, failed) {
		t.Fatalf("a failing writer: %v, want %v", err, failed)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("after a failure the file holds %q, want the old text", b)
	}
	n, err := Write(path, func(f *os.File) error {
		f.WriteString("new text")
		_, err := f.Seek(0, io.SeekStart) // a writer may seek back (a WAV header)
		f.WriteString("NEW")
		return err
	})
	if err != nil || n != 8 {
		t.Fatalf("Write: %d bytes, %v", n, err)
	}
	b, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	if string(b) != "NEW text" || fi.Mode().Perm() != 0o644 {
		t.Fatalf("the file holds %q with mode %v, want \"NEW text\" and 0644", b, fi.Mode().Perm())
	}
	if names, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(names) != 0 {
		t.Fatalf("temporary files left behind: %v", names)
	}
	if _, err := Write(filepath.Join(dir, "nope", "x"), func(*os.File) error { return nil }); err == nil ||
		!strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("a missing folder: %v", err)
	}
}
