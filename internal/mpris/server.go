package mpris

import (
	"errors"
	"fmt"
	"log"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

// The names of the specification.
const (
	objectPath  dbus.ObjectPath = "/org/mpris/MediaPlayer2"
	namePrefix                  = "org.mpris.MediaPlayer2."
	rootIface                   = "org.mpris.MediaPlayer2"
	playerIface                 = "org.mpris.MediaPlayer2.Player"
	propsIface                  = "org.freedesktop.DBus.Properties"
	noTrack     dbus.ObjectPath = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
)

// ErrNoBus is wrapped by Start's error when there is no session bus to
// offer the player on (no desktop session, or not Linux).
var ErrNoBus = errors.New("no D-Bus session bus")

// Options name the player.
type Options struct {
	// Name ends the bus name, org.mpris.MediaPlayer2.<Name> (with
	// .instance<pid> when another process has it); a valid bus name
	// element, e.g. "spineroutine".
	Name string
	// Identity is the app's name as people read it ("Spine Routine").
	Identity string
	// DesktopEntry is the app's desktop file without ".desktop".
	DesktopEntry string
}

// Server is a player on the bus: it owns its bus name until Close.
type Server struct {
	conn  *dbus.Conn
	props *prop.Properties
	ctl   Controls
	name  string
	opts  Options

	mu      sync.Mutex
	shown   Snapshot                // the snapshot the properties hold
	meta    map[string]dbus.Variant // shown's Metadata, replaced whole
	next    *Snapshot               // the snapshot still to show, nil if none
	wake    chan struct{}           // the pusher has a snapshot to show
	done    chan struct{}           // closed by Close
	stopped chan struct{}           // closed when the pusher has returned
	logOnce sync.Once
}

// Start connects to the session bus and offers the player there, showing
// first (no session under way). Its error wraps ErrNoBus when there is no
// session bus; the app then runs without the player.
func Start(ctl Controls, o Options, first Snapshot) (*Server, error) {
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoBus, err)
	}
	if err := conn.Auth(nil); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("%w: authentication: %v", ErrNoBus, err)
	}
	if err := conn.Hello(); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("%w: %v", ErrNoBus, err)
	}
	s, err := Serve(conn, ctl, o, first)
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	return s, nil
}

// Serve offers the player on conn, a connection of its own that Close
// closes.
func Serve(conn *dbus.Conn, ctl Controls, o Options, first Snapshot) (*Server, error) {
	s := &Server{conn: conn, ctl: ctl, opts: o, shown: first, meta: metadata(first.Track, o.Name),
		wake: make(chan struct{}, 1), done: make(chan struct{}), stopped: make(chan struct{})}
	if err := s.export(); err != nil {
		return nil, fmt.Errorf("offering the media player on D-Bus: %w", err)
	}
	name, err := s.requestName()
	if err != nil {
		return nil, fmt.Errorf("offering the media player on D-Bus: %w", err)
	}
	s.name = name
	go s.push()
	return s, nil
}

// requestName takes org.mpris.MediaPlayer2.<Name>, or its .instance<pid>
// form when another process has it, as the specification allows.
func (s *Server) requestName() (string, error) {
	base := namePrefix + s.opts.Name
	for _, name := range []string{base, fmt.Sprintf("%s.instance%d", base, os.Getpid())} {
		reply, err := s.conn.RequestName(name, dbus.NameFlagDoNotQueue)
		if err != nil {
			return "", fmt.Errorf("asking for the name %s: %w", name, err)
		}
		if reply == dbus.RequestNameReplyPrimaryOwner || reply == dbus.RequestNameReplyAlreadyOwner {
			return name, nil
		}
	}
	return "", fmt.Errorf("the names %s and its instance are taken", base)
}

// Name is the bus name the player has.
func (s *Server) Name() string { return s.name }

// Update shows snap. It never waits for the bus: a goroutine sets the
// properties and sends PropertiesChanged for those that changed (the
// last snapshot given wins). Position is not a change: clients read it.
func (s *Server) Update(snap Snapshot) {
	s.mu.Lock()
	if s.next == nil && snap.same(s.shown) {
		s.shown.Position = snap.Position // nothing to send
		s.mu.Unlock()
		return
	}
	s.next = &snap
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// push shows the snapshots Update gives until Close.
func (s *Server) push() {
	defer close(s.stopped)
	for {
		select {
		case <-s.done:
			return
		case <-s.wake:
		}
		s.mu.Lock()
		snap, old := s.next, s.shown
		s.next = nil
		if snap != nil {
			s.shown = *snap
		}
		s.mu.Unlock()
		if snap == nil || snap.same(old) {
			continue
		}
		if err := s.set(old, *snap); err != nil {
			s.logOnce.Do(func() { log.Printf("media controls: %v", err) })
		}
	}
}

// set changes the properties that differ between old and snap and sends
// one PropertiesChanged naming them.
func (s *Server) set(old, snap Snapshot) error {
	changed := map[string]dbus.Variant{}
	for _, c := range []struct {
		name     string
		from, to any
	}{
		{"PlaybackStatus", old.Status.String(), snap.Status.String()},
		{"CanPlay", old.CanPlay, snap.CanPlay},
		{"CanPause", old.CanPause, snap.CanPause},
		{"CanGoNext", old.CanGoNext, snap.CanGoNext},
		{"CanGoPrevious", old.CanGoPrevious, snap.CanGoPrevious},
	} {
		if c.from != c.to {
			changed[c.name] = dbus.MakeVariant(c.to)
		}
	}
	for name, v := range changed {
		s.props.SetMust(playerIface, name, v.Value())
	}
	if old.Track != snap.Track {
		m := metadata(snap.Track, s.opts.Name)
		s.mu.Lock()
		s.meta = m
		s.mu.Unlock()
		changed["Metadata"] = dbus.MakeVariant(m)
	}
	if len(changed) == 0 {
		return nil
	}
	if err := s.conn.Emit(objectPath, propsIface+".PropertiesChanged", playerIface, changed, []string{}); err != nil {
		return fmt.Errorf("sending the player's new state: %w", err)
	}
	return nil
}

// metadata is the Metadata map of track snap (the specification's
// Metadata_Map, with xesam and mpris keys).
func metadata(snap Track, app string) map[string]dbus.Variant {
	m := map[string]dbus.Variant{"mpris:trackid": dbus.MakeVariant(trackPath(app, snap.ID))}
	if snap.Title != "" {
		m["xesam:title"] = dbus.MakeVariant(snap.Title)
	}
	if snap.Artist != "" {
		m["xesam:artist"] = dbus.MakeVariant([]string{snap.Artist})
	}
	if snap.Album != "" {
		m["xesam:album"] = dbus.MakeVariant(snap.Album)
	}
	if snap.Length > 0 {
		m["mpris:length"] = dbus.MakeVariant(snap.Length.Microseconds())
	}
	if snap.ArtPath != "" {
		u := url.URL{Scheme: "file", Path: snap.ArtPath}
		m["mpris:artUrl"] = dbus.MakeVariant(u.String())
	}
	return m
}

// trackPath is the object path of track id: /<app>/track/<id>, with
// what a path may not hold replaced by "_"; NoTrack for "".
func trackPath(app, id string) dbus.ObjectPath {
	if id == "" {
		return noTrack
	}
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' {
				return r
			}
			return '_'
		}, s)
	}
	return dbus.ObjectPath("/" + clean(app) + "/track/" + clean(id))
}

// metadataNow is the Metadata shown.
func (s *Server) metadataNow() map[string]dbus.Variant {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.meta
}

// position is Position now, in microseconds.
func (s *Server) position() int64 {
	s.mu.Lock()
	f := s.shown.Position
	if s.next != nil {
		f = s.next.Position
	}
	s.mu.Unlock()
	if f == nil {
		return 0
	}
	return max(f(), 0).Microseconds()
}

// Close gives the bus name back and closes the connection.
func (s *Server) Close() error {
	close(s.done)
	<-s.stopped
	_, relErr := s.conn.ReleaseName(s.name)
	return errors.Join(relErr, s.conn.Close())
}
