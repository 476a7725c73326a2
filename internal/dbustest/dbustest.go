// Package dbustest starts a private D-Bus session daemon for a test, as
// pulsetest starts a private sound server: the tests of the tray host, the
// media controls and the window talk to it, never to the desktop's bus.
package dbustest

import (
	"bufio"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Start starts a dbus-daemon of the test's own and returns its address;
// it is stopped when the test ends. The test is skipped when dbus-daemon
// is not installed (make test installs it).
func Start(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		t.Skip("dbus-daemon is not installed")
	}
	cmd := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("dbus-daemon: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	addr := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		addr <- strings.TrimSpace(line)
	}()
	select {
	case a := <-addr:
		if a == "" {
			t.Fatal("dbus-daemon gave no address")
		}
		return a
	case <-time.After(10 * time.Second):
		t.Fatal("dbus-daemon gave no address in 10 s")
		return ""
	}
}
