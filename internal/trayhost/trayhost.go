// Package trayhost tells whether the desktop shows StatusNotifier tray
// icons, the only kind Fyne's system tray makes: a StatusNotifierWatcher
// on the D-Bus session bus with a host (a panel) registered with it. Plain
// GNOME, and many window managers, have none: a tray icon set there is
// never seen, so an app that hides its window "to the tray" is lost.
package trayhost

import (
	"errors"
	"fmt"

	"github.com/godbus/dbus/v5"
)

// The StatusNotifierWatcher's well-known name, object and interface.
const (
	watcherName  = "org.kde.StatusNotifierWatcher"
	watcherPath  = "/StatusNotifierWatcher"
	watcherIface = "org.kde.StatusNotifierWatcher"
)

// ErrNone is wrapped by Check's error when the desktop shows no tray
// icons.
var ErrNone = errors.New("this desktop shows no tray icons")

// Check returns nil when the session bus has a StatusNotifierWatcher with
// a host registered, and otherwise an error wrapping ErrNone that says
// why. It talks to the local session bus only.
func Check() error {
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return fmt.Errorf("%w (no D-Bus session: %v)", ErrNone, err)
	}
	defer conn.Close()
	if err := conn.Auth(nil); err != nil {
		return fmt.Errorf("%w (D-Bus session: %v)", ErrNone, err)
	}
	if err := conn.Hello(); err != nil {
		return fmt.Errorf("%w (D-Bus session: %v)", ErrNone, err)
	}
	return check(conn)
}

// check asks the watcher on conn whether a host is registered.
func check(conn *dbus.Conn) error {
	var owner string
	err := conn.BusObject().Call("org.freedesktop.DBus.GetNameOwner", 0, watcherName).Store(&owner)
	if err != nil || owner == "" {
		return fmt.Errorf("%w (no StatusNotifierWatcher on the session bus)", ErrNone)
	}
	v, err := conn.Object(watcherName, watcherPath).GetProperty(watcherIface + ".IsStatusNotifierHostRegistered")
	if err != nil {
		return fmt.Errorf("%w (the StatusNotifierWatcher does not answer: %v)", ErrNone, err)
	}
	if ok, _ := v.Value().(bool); !ok {
		return fmt.Errorf("%w (no StatusNotifier host is registered)", ErrNone)
	}
	return nil
}
