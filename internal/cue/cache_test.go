//go:build unix

package cue

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeWAV writes a valid 16 kHz mono 16-bit WAV of half a second of a
// tone at path.
func writeWAV(t *testing.T, path string) {
	t.Helper()
	const rate, n = 16000, 8000
	data := make([]byte, 0, 44+2*n)
	le := binary.LittleEndian
	data = append(data, "RIFF"...)
	data = le.AppendUint32(data, uint32(36+2*n))
	data = append(data, "WAVEfmt "...)
	data = le.AppendUint32(data, 16)
	data = le.AppendUint16(data, 1) // PCM
	data = le.AppendUint16(data, 1) // mono
	data = le.AppendUint32(data, rate)
	data = le.AppendUint32(data, 2*rate)
	data = le.AppendUint16(data, 2)
	data = le.AppendUint16(data, 16)
	data = append(data, "data"...)
	data = le.AppendUint32(data, 2*n)
	for i := range n {
		data = le.AppendUint16(data, uint16(int16(8000*((i/20)%2*2-1))))
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// fakeSynth returns a synthesizer that records the mode of the file it is
// given, as it finds it, in modes, then copies a WAV into it (cp keeps the
// mode of a file it writes over, as the real ones do).
func fakeSynth(t *testing.T) (say synthesizer, modes string) {
	t.Helper()
	dir := t.TempDir()
	wav := filepath.Join(dir, "clip.wav")
	writeWAV(t, wav)
	modes = filepath.Join(dir, "modes")
	script := filepath.Join(dir, "say")
	body := "#!/bin/sh\ncat >/dev/null\n(stat -c %a \"$1\" 2>/dev/null || echo none) >>" + modes + "\ncp " + wav + " \"$1\"\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return program("fake", script, func(out string) []string { return []string{out} }), modes
}

// TestClipsArePrivateWhileWritten: the file a synthesizer writes into is
// 0600 before it writes (it was made with the umask's 0644, and made
// private only once written), and a leftover of a killed run, or a FIFO
// where a clip should be, does not stop a clip from being made.
func TestClipsArePrivateWhileWritten(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	say, modes := fakeSynth(t)
	cache := filepath.Join(t.TempDir(), "voices")
	if _, err := spoken(say, "Cat Camel", cache); err != nil {
		t.Fatal(err)
	}
	clips, _ := filepath.Glob(filepath.Join(cache, "voice-*.wav"))
	if len(clips) != 1 {
		t.Fatalf("clips %v", clips)
	}
	// A leftover 0644 temporary file, and a FIFO in place of the clip.
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Remove(clips[0]))
	must(os.WriteFile(clips[0]+".tmp", []byte("half"), 0o644))
	must(syscall.Mkfifo(clips[0], 0o600))
	done := make(chan error, 1)
	go func() { _, err := spoken(say, "Cat Camel", cache); done <- err }()
	select {
	case err := <-done:
		must(err)
	case <-time.After(10 * time.Second):
		t.Fatal("a FIFO in the cache blocked")
	}
	if fi, err := os.Lstat(clips[0]); err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
		t.Errorf("clip %v, %v", fi.Mode(), err)
	}
	got, _ := os.ReadFile(modes)
	if m := strings.Fields(string(got)); !slices.Equal(m, []string{"600", "600"}) {
		t.Errorf("the synthesizer found its output file with modes %q, want 600 both times", m)
	}
}

func TestRemoveTempsRemovesOnlyTheCachesOwn(t *testing.T) {
	dir := t.TempDir()
	ours := []string{"voice-0123456789abcdef.wav.tmp", "voice-ffffffffffffffff.wav.tmp"}
	others := []string{"voice-0123456789abcdef.wav", "voice-0123.wav.tmp", "other.wav.tmp", "voice-0123456789abcdef.wav.tmp.x"}
	for _, n := range append(slices.Clone(ours), others...) {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := RemoveTemps(dir); n != len(ours) || err != nil {
		t.Errorf("RemoveTemps = %d, %v", n, err)
	}
	left, _ := os.ReadDir(dir)
	var names []string
	for _, e := range left {
		names = append(names, e.Name())
	}
	slices.Sort(others)
	if !slices.Equal(names, others) {
		t.Errorf("left %q, want %q", names, others)
	}
	if n, err := RemoveTemps(filepath.Join(dir, "missing")); n != 0 || err != nil {
		t.Errorf("missing folder: %d, %v", n, err)
	}
}
