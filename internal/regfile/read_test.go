//go:build unix

package regfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

func TestReadFileRefusesWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		want       string // the content, or a part of the error
		bad        error
	}{
		{"regular", write("ok", "12345"), "12345", nil},
		{"at the limit", write("limit", "1234567890"), "1234567890", nil},
		{"too big", write("big", "12345678901"), "is 11 bytes or more, the limit is 10", ErrTooBig},
		{"FIFO", fifo, "is a named pipe (FIFO)", ErrNotRegular},
		{"link to /dev/zero", zero, "is a device", ErrNotRegular},
		{"missing", filepath.Join(dir, "missing"), "no such file", os.ErrNotExist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type result struct {
				data []byte
				err  error
			}
			done := make(chan result, 1)
			go func() {
				data, err := ReadFile(tc.path, 10)
				done <- result{data, err}
			}()
			select {
			case r := <-done:
				if tc.bad == nil {
					if r.err != nil || string(r.data) != tc.want {
						t.Errorf("ReadFile = %q, %v; want %q", r.data, r.err, tc.want)
					}
					return
				}
				if !errors.Is(r.err, tc.bad) || !strings.Contains(r.err.Error(), tc.want) || !strings.Contains(r.err.Error(), tc.path) {
					t.Errorf("ReadFile = %v; want %v saying %q about %s", r.err, tc.bad, tc.want, tc.path)
				}
			case <-time.After(2 * time.Second):
				t.Fatal("ReadFile blocked")
			}
		})
	}
}

func TestCandidateFitsTheFileSystem(t *testing.T) {
	long := strings.Repeat("é", 200) // 400 bytes
	for _, tc := range []struct {
		base, ext string
		n         int
		want      string
	}{
		{"daily", ".toml", 1, "daily.toml"},
		{"daily", ".toml", 2, "daily-2.toml"},
		{"daily", "", 3, "daily-3"},
		{strings.Repeat("a", 250), ".toml", 1, strings.Repeat("a", 250) + ".toml"},
		{strings.Repeat("a", 250), ".toml", 2, strings.Repeat("a", 248) + "-2.toml"},
		{strings.Repeat("a", 250), ".toml", 100, strings.Repeat("a", 246) + "-100.toml"},
		{long, ".toml", 1, strings.Repeat("é", 125) + ".toml"},
		{long, ".toml", 2, strings.Repeat("é", 124) + "-2.toml"},
	} {
		got := Candidate(tc.base, tc.ext, tc.n)
		if got != tc.want || len(got) > MaxName || !utf8.ValidString(got) {
			t.Errorf("Candidate(%d bytes, %q, %d) = %q (%d bytes)", len(tc.base), tc.ext, tc.n, got, len(got))
		}
	}
}

func TestFreeNameIsBounded(t *testing.T) {
	dir := t.TempDir()
	base := strings.Repeat("a", 250)
	// A 255-byte name: the next one is cut to fit, not refused by the
	// file system.
	if err := os.WriteFile(filepath.Join(dir, Candidate(base, ".toml", 1)), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := FreeName(dir, base, ".toml")
	if err != nil || filepath.Base(p) != Candidate(base, ".toml", 2) {
		t.Fatalf("FreeName = %q, %v", p, err)
	}
	for n := 2; n <= FreeTries; n++ {
		if err := os.WriteFile(filepath.Join(dir, Candidate(base, ".toml", n)), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := FreeName(dir, base, ".toml"); !errors.Is(err, ErrNoFreeName) {
		t.Errorf("all taken: %v", err)
	}
	if _, err := FreeName(filepath.Join(dir, Candidate(base, ".toml", 1)), "x", ""); err == nil || errors.Is(err, ErrNoFreeName) {
		t.Errorf("in a file, not a folder: %v", err)
	}
}

func TestSetAsideKeepsWhatIsThere(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "journal.checkpoint")
	for i, want := range []string{"journal.checkpoint.not-a-file", "journal.checkpoint.not-a-file-2"} {
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		to, err := SetAside(fifo, "not-a-file")
		if err != nil || to != filepath.Join(dir, want) {
			t.Fatalf("set aside %d: %q, %v", i+1, to, err)
		}
		if fi, err := os.Lstat(to); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("%s: %v", to, err)
		}
	}
	if _, err := os.Lstat(fifo); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("still at %s: %v", fifo, err)
	}
}

func TestOpenAppendRefusesAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "journal.jsonl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := OpenAppend(fifo)
		if f != nil {
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("opened a FIFO for appending")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("OpenAppend blocked on a FIFO")
	}
	reg := filepath.Join(dir, "r")
	if err := os.WriteFile(reg, []byte("a"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := OpenAppend(reg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("b")); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if b, _ := os.ReadFile(reg); string(b) != "ab" {
		t.Errorf("appended: %q", b)
	}
}
