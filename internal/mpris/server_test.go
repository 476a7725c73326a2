package mpris

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"spineroutine/internal/dbustest"
)

// client connects to the bus at addr as a media controller would.
func client(t *testing.T, addr string) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// fakeControls records the controls called, in order.
type fakeControls struct{ calls chan string }

func newFake() *fakeControls { return &fakeControls{calls: make(chan string, 16)} }

func (f *fakeControls) PlayPause() { f.calls <- "PlayPause" }
func (f *fakeControls) Play()      { f.calls <- "Play" }
func (f *fakeControls) Pause()     { f.calls <- "Pause" }
func (f *fakeControls) Next()      { f.calls <- "Next" }
func (f *fakeControls) Previous()  { f.calls <- "Previous" }
func (f *fakeControls) Stop()      { f.calls <- "Stop" }
func (f *fakeControls) Raise()     { f.calls <- "Raise" }
func (f *fakeControls) Quit()      { f.calls <- "Quit" }

var testOptions = Options{Name: "test", Identity: "Test Player", DesktopEntry: "org.example.Test"}

// start offers a player with a fake's controls on a private bus.
func start(t *testing.T, first Snapshot) (*Server, *fakeControls, *dbus.Conn) {
	t.Helper()
	addr := privateBus(t)
	f := newFake()
	s, err := Start(f, testOptions, first)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, f, client(t, addr)
}

// playing is a step of a session under way, 75 s into it.
var playing = Snapshot{
	Status: Playing,
	Track: Track{ID: "s1/step-4", Title: "Side Planks — left", Artist: "Big 3",
		Album: "Set 2 of 3 · Rep 4 of 6", Length: 20 * time.Minute, ArtPath: "/tmp/figures/side plank.png"},
	Position: func() time.Duration { return 75 * time.Second },
	CanPlay:  true, CanPause: true, CanGoNext: true, CanGoPrevious: true,
}

func TestMethodsReachTheControls(t *testing.T) {
	s, f, conn := start(t, Snapshot{})
	obj := conn.Object(s.Name(), objectPath)
	for _, c := range []struct{ iface, method string }{
		{playerIface, "PlayPause"}, {playerIface, "Play"}, {playerIface, "Pause"},
		{playerIface, "Next"}, {playerIface, "Previous"}, {playerIface, "Stop"},
		{rootIface, "Raise"}, {rootIface, "Quit"},
	} {
		if err := obj.Call(c.iface+"."+c.method, 0).Err; err != nil {
			t.Fatalf("%s: %v", c.method, err)
		}
		select {
		case got := <-f.calls:
			if got != c.method {
				t.Errorf("%s called %s", c.method, got)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s reached no control", c.method)
		}
	}
	// Seek and SetPosition are accepted and do nothing (CanSeek false).
	if err := obj.Call(playerIface+".Seek", 0, int64(5e6)).Err; err != nil {
		t.Errorf("Seek: %v", err)
	}
	if err := obj.Call(playerIface+".OpenUri", 0, "file:///x.ogg").Err; err == nil {
		t.Error("OpenUri: no error, want NotSupported")
	}
	select {
	case got := <-f.calls:
		t.Errorf("Seek or OpenUri called %s", got)
	default:
	}
}

func TestPropertiesReadBack(t *testing.T) {
	s, _, conn := start(t, Snapshot{CanPlay: true})
	obj := conn.Object(s.Name(), objectPath)
	get := func(iface, name string) any {
		t.Helper()
		v, err := obj.GetProperty(iface + "." + name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v.Value()
	}
	if got := get(playerIface, "PlaybackStatus"); got != "Stopped" {
		t.Errorf("PlaybackStatus before any update: %v", got)
	}
	if got := get(playerIface, "Metadata").(map[string]dbus.Variant)["mpris:trackid"].Value(); got != noTrack {
		t.Errorf("trackid before any update: %v, want NoTrack", got)
	}
	s.Update(playing)
	waitFor(t, func() bool { return get(playerIface, "PlaybackStatus") == "Playing" })
	for _, c := range []struct {
		iface, name string
		want        any
	}{
		{rootIface, "Identity", "Test Player"},
		{rootIface, "DesktopEntry", "org.example.Test"},
		{rootIface, "CanRaise", true},
		{rootIface, "CanQuit", true},
		{rootIface, "HasTrackList", false},
		{playerIface, "CanSeek", false},
		{playerIface, "CanControl", true},
		{playerIface, "CanGoNext", true},
		{playerIface, "Position", int64(75e6)},
		{playerIface, "Rate", 1.0},
	} {
		if got := get(c.iface, c.name); got != c.want {
			t.Errorf("%s = %v, want %v", c.name, got, c.want)
		}
	}
	md := get(playerIface, "Metadata").(map[string]dbus.Variant)
	for key, want := range map[string]string{
		"mpris:trackid": "/test/track/s1_step_4",
		"xesam:title":   "Side Planks — left",
		"xesam:artist":  "[Big 3]",
		"xesam:album":   "Set 2 of 3 · Rep 4 of 6",
		"mpris:length":  "1200000000",
		"mpris:artUrl":  "file:///tmp/figures/side%20plank.png",
	} {
		if got := fmt.Sprint(md[key].Value()); got != want {
			t.Errorf("Metadata[%s] = %s, want %s", key, got, want)
		}
	}
	// GetAll holds Position too.
	var all map[string]dbus.Variant
	if err := obj.Call(propsIface+".GetAll", 0, playerIface).Store(&all); err != nil {
		t.Fatal(err)
	}
	if got := all["Position"].Value(); got != int64(75e6) {
		t.Errorf("GetAll's Position = %v", got)
	}
	// Nothing is writable.
	if err := obj.SetProperty(playerIface+".Volume", dbus.MakeVariant(0.5)); err == nil {
		t.Error("Volume was set")
	}
}

// waitFor waits up to 5 s for ok.
func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal("timed out")
}

func TestPropertiesChangedOnlyOnChange(t *testing.T) {
	s, _, conn := start(t, Snapshot{CanPlay: true})
	if err := conn.AddMatchSignal(dbus.WithMatchInterface(propsIface), dbus.WithMatchMember("PropertiesChanged")); err != nil {
		t.Fatal(err)
	}
	sigs := make(chan *dbus.Signal, 32)
	conn.Signal(sigs)
	changedBy := func(update func()) []string {
		t.Helper()
		update()
		var names []string
		timeout := time.After(400 * time.Millisecond)
		for {
			select {
			case sig := <-sigs:
				if sig.Body[0] != playerIface {
					t.Errorf("PropertiesChanged of %v", sig.Body[0])
				}
				for name := range sig.Body[1].(map[string]dbus.Variant) {
					names = append(names, name)
				}
			case <-timeout:
				return names
			}
		}
	}
	got := changedBy(func() { s.Update(playing) })
	if want := 5; len(got) != want { // status, metadata, pause, next, previous
		t.Errorf("the session's start changed %v, want %d properties", got, want)
	}
	var reads atomic.Int32
	again := playing
	again.Position = func() time.Duration { reads.Add(1); return 80 * time.Second }
	obj := conn.Object(s.Name(), objectPath)
	got = changedBy(func() {
		s.Update(again) // the same step a second later
		for range 10 {
			if _, err := obj.GetProperty(playerIface + ".Position"); err != nil {
				t.Fatal(err)
			}
		}
	})
	if len(got) != 0 {
		t.Errorf("the same step and reads of Position sent PropertiesChanged of %v", got)
	}
	if reads.Load() != 10 {
		t.Errorf("Position's func read %d times for 10 reads", reads.Load())
	}
	paused := playing
	paused.Status = Paused
	got = changedBy(func() { s.Update(paused) })
	if len(got) != 1 || got[0] != "PlaybackStatus" {
		t.Errorf("a pause changed %v, want PlaybackStatus", got)
	}
	next := paused
	next.Track.Title, next.Track.ID = "Bird Dog — right", "s1/step-5"
	got = changedBy(func() { s.Update(next) })
	if len(got) != 1 || got[0] != "Metadata" {
		t.Errorf("the next step changed %v, want Metadata", got)
	}
}

func TestNoSessionBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+t.TempDir()+"/none")
	s, err := Start(newFake(), testOptions, Snapshot{})
	if !errors.Is(err, ErrNoBus) {
		t.Errorf("Start without a bus: %v, %v; want ErrNoBus", s, err)
	}
}

func TestNameTakenAndReleased(t *testing.T) {
	addr := privateBus(t)
	other := client(t, addr)
	base := namePrefix + testOptions.Name
	if reply, err := other.RequestName(base, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("request name: %v %v", reply, err)
	}
	s, err := Start(newFake(), testOptions, Snapshot{})
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%s.instance%d", base, os.Getpid()); s.Name() != want {
		t.Errorf("name %s, want %s", s.Name(), want)
	}
	hasOwner := func() bool {
		var ok bool
		if err := other.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, s.Name()).Store(&ok); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !hasOwner() {
		t.Fatal("the player's name has no owner")
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if hasOwner() {
		t.Error("the name is still owned after Close")
	}
}

func TestIntrospection(t *testing.T) {
	s, _, conn := start(t, Snapshot{})
	var xml string
	if err := conn.Object(s.Name(), objectPath).Call("org.freedesktop.DBus.Introspectable.Introspect", 0).Store(&xml); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<interface name="org.mpris.MediaPlayer2.Player">`, `<method name="PlayPause">`,
		`<property name="Metadata" type="a{sv}" access="read">`, `<signal name="Seeked">`,
		`<interface name="org.mpris.MediaPlayer2">`, `<property name="Identity" type="s" access="read">`,
	} {
		if !strings.Contains(xml, want) {
			t.Errorf("introspection lacks %s", want)
		}
	}
}

// privateBus starts a D-Bus daemon of the test's own (dbustest), points
// the session bus at it and returns its address.
func privateBus(t *testing.T) string {
	a := dbustest.Start(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", a)
	return a
}
