package main

import (
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// This file speaks just enough of the X11 protocol to ask a window to
// close as a window manager's close button does (a WM_DELETE_WINDOW
// client message): Xvfb runs no window manager, and xdotool can only
// destroy a window, which is not what a person does.

// closeWindow sends WM_DELETE_WINDOW to window id on display (":N").
func closeWindow(t *testing.T, display string, id uint32) {
	t.Helper()
	c, err := net.DialTimeout("unix", "/tmp/.X11-unix/X"+strings.TrimPrefix(display, ":"), 5*time.Second)
	if err != nil {
		t.Fatalf("X11: %v", err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	le := binary.LittleEndian
	// Connection set-up: little-endian, protocol 11.0, no authorization.
	setup := make([]byte, 12)
	setup[0] = 'l'
	le.PutUint16(setup[2:], 11)
	if _, err := c.Write(setup); err != nil {
		t.Fatalf("X11 set-up: %v", err)
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(c, head); err != nil || head[0] != 1 {
		t.Fatalf("X11 set-up refused (%v, status %d)", err, head[0])
	}
	if _, err := io.ReadFull(c, make([]byte, 4*int(le.Uint16(head[6:])))); err != nil {
		t.Fatalf("X11 set-up: %v", err)
	}
	atom := func(name string) uint32 {
		n := len(name)
		req := make([]byte, 8+(n+3)/4*4)
		req[0] = 16 // InternAtom
		le.PutUint16(req[2:], uint16(len(req)/4))
		le.PutUint16(req[4:], uint16(n))
		copy(req[8:], name)
		if _, err := c.Write(req); err != nil {
			t.Fatalf("X11 InternAtom: %v", err)
		}
		reply := make([]byte, 32)
		if _, err := io.ReadFull(c, reply); err != nil || reply[0] != 1 {
			t.Fatalf("X11 InternAtom %s: %v (reply %d)", name, err, reply[0])
		}
		return le.Uint32(reply[8:])
	}
	protocols, deleteWindow := atom("WM_PROTOCOLS"), atom("WM_DELETE_WINDOW")
	req := make([]byte, 44)
	req[0] = 25 // SendEvent, to the client that made the window (mask 0)
	le.PutUint16(req[2:], 11)
	le.PutUint32(req[4:], id)
	ev := req[12:]
	ev[0], ev[1] = 33, 32 // ClientMessage, format 32
	le.PutUint32(ev[4:], id)
	le.PutUint32(ev[8:], protocols)
	le.PutUint32(ev[12:], deleteWindow)
	if _, err := c.Write(req); err != nil {
		t.Fatalf("X11 SendEvent: %v", err)
	}
	// A round trip, so the event is sent before the connection closes.
	sync := []byte{43, 0, 1, 0} // GetInputFocus
	if _, err := c.Write(sync); err != nil {
		t.Fatalf("X11: %v", err)
	}
	if _, err := io.ReadFull(c, make([]byte, 32)); err != nil {
		t.Fatalf("X11: %v", err)
	}
}

// parseWindowID reads the first window id xdotool printed.
func parseWindowID(out string) (uint32, error) {
	var id uint32
	_, err := fmt.Sscan(out, &id)
	return id, err
}
