// Package instance lets a second launch of the app reach the one already
// running: the running app listens on a Unix socket in its data folder
// (local only, no network), and a launch that finds the journal locked asks
// it there to bring its window to the front instead of opening a dead-end
// window of its own.
//
// The protocol is one line each way: the new launch writes "show\n", the
// running app shows its window and answers "ok\n".
package instance

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// SocketName is the socket's file name in the data folder.
const SocketName = "instance.sock"

// replyWait bounds how long Raise waits for the running app's answer.
const replyWait = 5 * time.Second

// Listener answers the requests of later launches until it is closed.
type Listener struct {
	ln   net.Listener
	path string
}

// Listen makes the running app reachable in data folder dir: each request
// calls show (from the listener's goroutine). Only the app that holds the
// data folder's journal lock may call it: a socket file left there by an
// app that ended is replaced.
func Listen(dir string, show func()) (*Listener, error) {
	path := filepath.Join(dir, SocketName)
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("instance socket: %w", err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("instance socket: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("instance socket: %w", err)
	}
	l := &Listener{ln: ln, path: path}
	go l.serve(show)
	return l, nil
}

// serve answers connections until the listener is closed.
func (l *Listener) serve(show func()) {
	for {
		c, err := l.ln.Accept()
		if err != nil {
			return // closed
		}
		go answer(c, show)
	}
}

// answer reads one request from c and answers it.
func answer(c net.Conn, show func()) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(replyWait))
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "show" {
		return
	}
	show()
	_, _ = c.Write([]byte("ok\n"))
}

// Close stops answering and removes the socket file.
func (l *Listener) Close() error {
	err := l.ln.Close()
	if rmErr := os.Remove(l.path); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) && err == nil {
		err = rmErr
	}
	return err
}

// Raise asks the app running on data folder dir to bring its window to the
// front; nil when it answered that it did.
func Raise(dir string) error {
	c, err := net.DialTimeout("unix", filepath.Join(dir, SocketName), replyWait)
	if err != nil {
		return fmt.Errorf("the running app: %w", err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(replyWait))
	if _, err := c.Write([]byte("show\n")); err != nil {
		return fmt.Errorf("the running app: %w", err)
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return fmt.Errorf("the running app did not answer: %w", err)
	}
	if strings.TrimSpace(line) != "ok" {
		return fmt.Errorf("the running app answered %q", line)
	}
	return nil
}
