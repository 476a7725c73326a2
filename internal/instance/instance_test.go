package instance

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

func TestRaiseReachesTheRunningApp(t *testing.T) {
	dir := t.TempDir()
	if err := Raise(dir); err == nil {
		t.Error("Raise succeeded with no app running")
	}
	// A socket file left by an app that ended is replaced.
	if err := os.WriteFile(filepath.Join(dir, SocketName), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var shown atomic.Int32
	l, err := Listen(dir, func() { shown.Add(1) })
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(dir, SocketName)); err != nil || st.Mode()&os.ModeSocket == 0 || st.Mode().Perm() != 0o600 {
		t.Errorf("socket %v %v, want a socket private to the user", st.Mode(), err)
	}
	for i := 1; i <= 2; i++ {
		if err := Raise(dir); err != nil {
			t.Fatalf("Raise %d: %v", i, err)
		}
		if got := shown.Load(); got != int32(i) {
			t.Errorf("after %d launches the window was shown %d times", i, got)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, SocketName)); !os.IsNotExist(err) {
		t.Errorf("socket file left after Close: %v", err)
	}
	if err := Raise(dir); err == nil {
		t.Error("Raise succeeded after the app ended")
	}
}
