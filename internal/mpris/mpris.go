// Package mpris offers an app's session on the D-Bus session bus as an
// MPRIS media player (org.mpris.MediaPlayer2 and its Player interface,
// version 2.2 of the specification), so that whatever a Linux desktop
// routes to media players reaches it: the buttons of wired and Bluetooth
// headphones, a keyboard's media keys, a phone through KDE Connect or
// GSConnect, the media controls of the panel and the lock screen.
//
// The Server calls the app's Controls from D-Bus goroutines (the app
// moves them to its UI goroutine) and shows what Update gives it. It
// imports no GUI toolkit.
package mpris

import (
	"time"
)

// Controls are what the player's methods do. The Server calls them on
// D-Bus goroutines, one call at a time per method call received; they
// must return quickly (post the work to the UI goroutine).
type Controls interface {
	PlayPause()
	Play()
	Pause()
	Next()
	Previous()
	Stop()
	// Raise brings the app's window to the front.
	Raise()
	// Quit ends the app.
	Quit()
}

// Status is the playback status a player reports.
type Status int

// The playback statuses; the zero value is Stopped (nothing under way).
const (
	Stopped Status = iota
	Playing
	Paused
)

// String is the status as MPRIS spells it ("Playing", "Paused", "Stopped").
func (s Status) String() string {
	switch s {
	case Playing:
		return "Playing"
	case Paused:
		return "Paused"
	}
	return "Stopped"
}

// Snapshot is what the player shows: its status, what it "plays" (one
// step of the session is a track) and which controls are offered.
type Snapshot struct {
	Status Status
	Track  Track
	// Position returns how far the session has gone; it is read when a
	// client asks (on a D-Bus goroutine), never pushed. Nil: 0.
	Position func() time.Duration
	// What Play, Pause, Next and Previous can do now.
	CanPlay, CanPause, CanGoNext, CanGoPrevious bool
}

// Track is what the player plays, its Metadata.
type Track struct {
	// ID names the track; the player makes it a D-Bus object path under
	// the app's name. "" is no track.
	ID     string
	Title  string
	Artist string
	Album  string
	// Length is the track's length (0: unknown).
	Length time.Duration
	// ArtPath is a PNG file of the track's picture ("" for none).
	ArtPath string
}

// same reports whether s and t show the same thing (Position aside).
func (s Snapshot) same(t Snapshot) bool {
	return s.Status == t.Status && s.Track == t.Track && s.CanPlay == t.CanPlay &&
		s.CanPause == t.CanPause && s.CanGoNext == t.CanGoNext && s.CanGoPrevious == t.CanGoPrevious
}
