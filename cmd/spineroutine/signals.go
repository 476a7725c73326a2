package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
)

// haveDisplay reports whether a window can be opened: on Linux and the
// BSDs, DISPLAY (X11) or WAYLAND_DISPLAY must be set. Without either it
// says so in one sentence on stderr.
func haveDisplay(stderr io.Writer) bool {
	switch runtime.GOOS {
	case "darwin", "windows", "android", "ios":
		return true
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return true
	}
	fmt.Fprintln(stderr, "spineroutine: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "+
		"run it in a desktop session, or use the commands check, plan, render and log, which need none.")
	return false
}

// quitWait is how long a signal handler waits for Fyne's own handler to
// end the run loop before it asks the app to quit itself; exitWait is how
// long it then lets the app end before it prints where every goroutine is
// (to stderr) and exits: a signalled process always ends. A few times in
// many runs of scripts/bench.sh the app did not end after SIGTERM (the
// last one right after its first frame); 40 SIGTERMs sent at that instant
// did not reproduce it, hence the stacks.
const (
	quitWait = 2 * time.Second
	exitWait = 8 * time.Second
)

// signals ends the app cleanly on SIGINT and SIGTERM. Fyne catches both
// while its run loop runs and stops the loop; afterwards it runs any
// fyne.Do call at once on the caller's goroutine, which then touches a
// GLFW that is gone (the panic "GLFW library is not initialized" from a
// title update). So the window's updates go through post, which drops
// them from the moment a signal arrives: nothing calls Fyne after the app
// quits. The journal needs nothing more: every entry is on disk once
// acknowledged, and resume points are saved at each step.
type signals struct {
	app     fyne.App
	ch      chan os.Signal
	got     atomic.Int32 // the signal number, once one came
	running atomic.Bool  // the run loop was started
	ended   chan struct{}
}

// catchSignals starts catching SIGINT and SIGTERM for a.
func catchSignals(a fyne.App) *signals {
	s := &signals{app: a, ch: make(chan os.Signal, 1), ended: make(chan struct{})}
	signal.Notify(s.ch, syscall.SIGINT, syscall.SIGTERM)
	go s.wait()
	return s
}

func (s *signals) wait() {
	sig, ok := (<-s.ch).(syscall.Signal)
	if !ok {
		return
	}
	s.got.Store(int32(sig))
	if !s.running.Load() {
		// Nothing is shown yet and every journal entry is on disk.
		os.Exit(128 + int(sig))
	}
	time.AfterFunc(quitWait+exitWait, func() {
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		fmt.Fprintf(os.Stderr, "spineroutine: still running %v after %v; every journal entry is on disk; exiting. Goroutines:\n%s\n",
			quitWait+exitWait, sig, buf[:n])
		os.Exit(128 + int(sig))
	})
	select {
	case <-s.ended: // Fyne's own handler ended the loop.
	case <-time.After(quitWait):
		// The driver's Quit, not the app's: it only stops the loop, and
		// touches no window, so it is safe even if the loop has already
		// ended (fyne.Do then runs it here).
		fyne.Do(s.app.Driver().Quit)
	}
}

// post runs f on the UI goroutine unless a signal came: the window's
// Post.
func (s *signals) post(f func()) {
	if s.got.Load() != 0 {
		return
	}
	fyne.Do(func() {
		if s.got.Load() == 0 {
			f()
		}
	})
}

// run runs the app's loop (the window's Run) and returns the exit status:
// 0, or 128 plus the signal's number (130 for SIGINT, 143 for SIGTERM).
func (s *signals) run(loop func()) int {
	s.running.Store(true)
	loop()
	close(s.ended)
	// Later signals stay caught (and dropped) so that the journal and the
	// speaker are closed before the process ends.
	if n := s.got.Load(); n != 0 {
		return 128 + int(n)
	}
	return 0
}
