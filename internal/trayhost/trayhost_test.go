package trayhost

import (
	"errors"
	"strings"
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"

	"spineroutine/internal/dbustest"
)

// watcher plays a StatusNotifierWatcher on the bus at addr, a host
// registered or not.
func watcher(t *testing.T, addr string, host bool) {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := prop.Export(conn, watcherPath, prop.Map{watcherIface: {
		"IsStatusNotifierHostRegistered": {Value: host, Emit: prop.EmitFalse},
	}}); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(watcherName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("request name: %v %v", reply, err)
	}
}

func TestCheck(t *testing.T) {
	t.Run("no session bus", func(t *testing.T) {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+t.TempDir()+"/none")
		if err := Check(); !errors.Is(err, ErrNone) {
			t.Errorf("Check: %v, want ErrNone", err)
		}
	})
	for _, c := range []struct {
		name          string
		watcher, host bool
		want          string // "" for a tray
	}{
		{"a bus without a watcher (plain GNOME)", false, false, "no StatusNotifierWatcher"},
		{"a watcher without a host", true, false, "no StatusNotifier host"},
		{"a watcher with a host (KDE, Xfce...)", true, true, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			addr := privateBus(t)
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
			if c.watcher {
				watcher(t, addr, c.host)
			}
			err := Check()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("Check: %v, want a tray", err)
			case c.want != "" && (!errors.Is(err, ErrNone) || !strings.Contains(err.Error(), c.want)):
				t.Errorf("Check: %v, want ErrNone saying %q", err, c.want)
			}
		})
	}
}

// privateBus starts a D-Bus daemon of the test's own (dbustest).
func privateBus(t *testing.T) string { return dbustest.Start(t) }
