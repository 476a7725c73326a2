package main

import (
	"bufio"
	"math"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"spineroutine/internal/cue"
	"spineroutine/internal/journal"
	"spineroutine/internal/sound/pulsetest"

	"spineroutine/internal/dbustest"
)

// The media controls end to end (issue 32): the real binary on a private
// X display, PulseAudio and D-Bus session bus, driven by playerctl, a real
// MPRIS client.

// player is the name playerctl knows the app by.
const player = "spineroutine"

// playerctl runs playerctl with args against the app and returns its
// output.
func playerctl(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("playerctl", append([]string{"-p", player}, args...)...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("playerctl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// waitPlayer waits until playerctl lists the app.
func waitPlayer(t *testing.T, env []string, limit time.Duration) {
	t.Helper()
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		cmd := exec.Command("playerctl", "-l")
		cmd.Env = env
		out, _ := cmd.Output()
		for _, name := range strings.Fields(string(out)) {
			if name == player {
				return
			}
		}
	}
	t.Fatalf("playerctl -l never listed %s", player)
}

// waitFor polls f (what playerctl says) until it returns want.
func waitFor(t *testing.T, what string, f func() string, want string, limit time.Duration) time.Time {
	t.Helper()
	last := ""
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if last = f(); last == want {
			return time.Now()
		}
	}
	t.Fatalf("%s: %q, want %q after %v", what, last, want, limit)
	return time.Time{}
}

// timedLine is a line a process printed, with when it was read.
type timedLine struct {
	at   time.Time
	text string
}

// follow runs playerctl --follow and collects the titles it prints.
func follow(t *testing.T, env []string) func() []timedLine {
	t.Helper()
	cmd := exec.Command("playerctl", "-p", player, "metadata", "--follow", "--format", "{{xesam:title}}")
	cmd.Env = env
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var lines []timedLine
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := bufio.NewScanner(out)
		for s.Scan() {
			mu.Lock()
			lines = append(lines, timedLine{time.Now(), s.Text()})
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return func() []timedLine {
		mu.Lock()
		defer mu.Unlock()
		return append([]timedLine(nil), lines...)
	}
}

// windowTitles polls the window's title every 50 ms until stop and
// returns each change.
func windowTitles(display string) (stop func() []timedLine) {
	var lines []timedLine
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		last := ""
		for {
			select {
			case <-quit:
				return
			case <-time.After(50 * time.Millisecond):
			}
			if s := windowTitle(display); s != last && s != "" {
				last = s
				lines = append(lines, timedLine{time.Now(), s})
			}
		}
	}()
	return func() []timedLine {
		close(quit)
		<-done
		return lines
	}
}

// pollPosition reads Position over D-Bus every 100 ms, as a panel or a
// phone showing the progress does, until stop; it returns the reads.
func pollPosition(t *testing.T, addr string) (stop func() int) {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	obj := conn.Object("org.mpris.MediaPlayer2."+player, "/org/mpris/MediaPlayer2")
	var reads atomic.Int64
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
			}
			if _, err := obj.GetProperty("org.mpris.MediaPlayer2.Player.Position"); err == nil {
				reads.Add(1)
			}
		}
	}()
	return func() int {
		close(quit)
		<-done
		conn.Close()
		return int(reads.Load())
	}
}

// noRace fails the test when the app (a -race build) reported a data
// race or a panic.
func noRace(t *testing.T, a *appRun) {
	t.Helper()
	if out := a.log(); strings.Contains(out, "DATA RACE") || strings.Contains(out, "panic") {
		t.Errorf("the app reported a data race or a panic:\n%s", out)
	}
}

// titleMove is the move a window title names ("0:04 · Bird Dogs — Spine
// Routine"), "Done" at the summary.
var titleMove = regexp.MustCompile(`^\d+:\d\d · (.+) — Spine Routine$`)

func TestMediaControlsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb", "pulseaudio", "parec", "pactl", "xdotool", "dbus-daemon", "playerctl")
	bin := buildBinary(t)
	x := startXvfb(t)
	var plan planJSON
	runCLI(t, &plan, "plan", "--routine", e2eRoutine, "--json", "--lang", "en") // as the app under LANG=en_US

	// A whole session with a client reading Position at 10 Hz: the cues
	// are heard on time, and the player's title follows the card's move.
	t.Run("session-with-a-client", func(t *testing.T) {
		paEnv, monitor, _ := pulsetest.Start(t)
		bus := sessionBus(t)
		home, data := t.TempDir(), t.TempDir()
		env := append(append(baseEnv(t, x.display, home), paEnv...), "DBUS_SESSION_BUS_ADDRESS="+bus)
		rec := pulsetest.Record(t, env, monitor, 1500*time.Millisecond)
		titles := windowTitles(x.display)
		a := startApp(t, bin, env, "--start", "--routine", e2eRoutine, "--data", data)
		waitPlayer(t, env, 120*time.Second)
		followed := follow(t, env)
		stopPoll := pollPosition(t, bus)

		waitTitle(t, x.display, regexp.MustCompile(`^Done — Spine Routine$`), 120*time.Second)
		time.Sleep(3 * time.Second) // the last sound and its prompt
		reads := stopPoll()
		shown := titles()
		heard := cue.DetectOnsets(rec.Stop(), pulsetest.Rate, 0.002, 80*time.Millisecond)
		a.kill(syscall.SIGTERM)
		noRace(t, a)

		const minGap, tol = 80 * time.Millisecond, 15 * time.Millisecond
		want := expectedOnsets(plan, minGap)
		errs := onsetCheck(t, want, allowedSpans(plan, tol, 50*time.Millisecond), heard, tol)
		med, worst := median(errs)
		t.Logf("FIGURE onset_ms_with_position_client median=%.1f worst=%.1f (%d of %d tone onsets; %d Position reads)",
			float64(med)/1e6, float64(worst)/1e6, len(errs), len(want), reads)
		if reads < 200 {
			t.Errorf("%d Position reads in the session, want about 10 a second", reads)
		}

		// Each change of move in the window's title is followed by the
		// player's title within 0.5 s.
		got := followed()
		var moves []timedLine
		for _, s := range shown {
			m := titleMove.FindStringSubmatch(s.text)
			if m != nil && (len(moves) == 0 || moves[len(moves)-1].text != m[1]) {
				moves = append(moves, timedLine{s.at, m[1]})
			}
		}
		if len(moves) != 2 {
			t.Fatalf("the window named the moves %v, want Side Planks then Bird Dogs", moves)
		}
		for _, m := range moves[1:] {
			found := false
			for _, p := range got {
				if strings.HasPrefix(p.text, m.text) && p.at.After(m.at.Add(-500*time.Millisecond)) {
					if d := p.at.Sub(m.at); d > 500*time.Millisecond {
						t.Errorf("the player's title named %s %v after the window", m.text, d)
					} else {
						t.Logf("FIGURE title_lag_ms %s %.0f", m.text, float64(d)/1e6)
					}
					found = true
					break
				}
			}
			if !found {
				t.Errorf("the player's title never named %s: %v", m.text, got)
			}
		}
	})

	// The controls: play from idle, pause, play with the count-in, next,
	// and two stops.
	t.Run("controls", func(t *testing.T) {
		paEnv, _, _ := pulsetest.Start(t)
		bus := sessionBus(t)
		home, data := t.TempDir(), t.TempDir()
		env := append(append(baseEnv(t, x.display, home), paEnv...), "DBUS_SESSION_BUS_ADDRESS="+bus)
		a := startApp(t, bin, append(env, "SPINEROUTINE_TRACE_STARTUP=1"), "--routine", e2eRoutine, "--data", data)
		waitStarted(t, a, 120*time.Second)
		waitPlayer(t, env, 30*time.Second)
		title := func() string { return playerctl(t, env, "metadata", "xesam:title") }
		status := func() string { return playerctl(t, env, "status") }
		position := func() float64 {
			p, err := strconv.ParseFloat(playerctl(t, env, "position"), 64)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		if got := playerctl(t, env, "metadata", "xesam:artist"); got != "End-to-end check" {
			t.Errorf("artist %q, want the routine's name", got)
		}
		if got := status(); got != "Stopped" {
			t.Errorf("idle: status %q", got)
		}

		playerctl(t, env, "play") // starts today's moves
		waitFor(t, "status after play", status, "Playing", 10*time.Second)
		waitFor(t, "title in the left hold", title, "Side Planks — left", 30*time.Second)
		if w := windowTitle(x.display); !strings.Contains(w, "Side Planks") {
			t.Errorf("player's title Side Planks, window's %q", w)
		}
		if got := playerctl(t, env, "metadata", "xesam:album"); got != "Rep 1 of 1" {
			t.Errorf("album %q in the hold", got)
		}

		// Pause freezes the position and the countdown.
		playerctl(t, env, "pause")
		waitFor(t, "status after pause", status, "Paused", 5*time.Second)
		// (the player says Paused as the window starts to show it: the
		// title is set a moment later)
		time.Sleep(300 * time.Millisecond)
		p1, w1 := position(), windowTitle(x.display)
		time.Sleep(1500 * time.Millisecond)
		if p2, w2 := position(), windowTitle(x.display); math.Abs(p2-p1) > 0.01 || w2 != w1 {
			t.Errorf("paused: position %v -> %v, window %q -> %q", p1, p2, w1, w2)
		}

		// Play resumes with the count-in: the session's position holds for
		// its 3 s (where the hold resumes), then goes on.
		playerctl(t, env, "play")
		waitFor(t, "status after play", status, "Playing", 5*time.Second)
		c1 := position()
		time.Sleep(1500 * time.Millisecond)
		if c2 := position(); math.Abs(c2-c1) > 0.01 {
			t.Errorf("no count-in after play: position %v -> %v within 1.5 s", c1, c2)
		}
		time.Sleep(2500 * time.Millisecond)
		if c3 := position(); c3 < c1+0.5 {
			t.Errorf("after the count-in: position %v, was %v", c3, c1)
		}

		// Next moves on, step by step (the switch of sides, the right
		// hold, the rest before Bird Dogs), to the next move; the player
		// follows each within 0.5 s.
		track := func() string { return playerctl(t, env, "metadata", "mpris:trackid") }
		var seen []string
		for i := 0; i < 5 && !strings.HasPrefix(title(), "Bird Dogs"); i++ {
			before := track()
			playerctl(t, env, "next")
			sent := time.Now()
			var now string
			for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
				if now = track(); now != before {
					break
				}
			}
			if d := time.Since(sent); now == before || d > 500*time.Millisecond {
				t.Errorf("next from %s: the track was %s %v later", before, now, d)
			}
			seen = append(seen, title())
		}
		if !slices.Contains(seen, "Side Planks — right") || !strings.HasPrefix(title(), "Bird Dogs") {
			t.Errorf("next went through %q, want the right side then Bird Dogs", seen)
		}
		t.Logf("next went through %q", seen)
		// The window's title follows on the UI goroutine a moment after the
		// player's (as after pause above).
		waitTitle(t, x.display, regexp.MustCompile(`Bird Dogs`), 2*time.Second)

		// Two stops within 4 s end the session.
		playerctl(t, env, "stop")
		waitFor(t, "status after one stop", status, "Paused", 5*time.Second)
		playerctl(t, env, "stop")
		waitFor(t, "status after two stops", status, "Stopped", 5*time.Second)
		waitTitle(t, x.display, regexp.MustCompile(`^Done — Spine Routine$`), 10*time.Second)
		a.kill(syscall.SIGTERM)
		noRace(t, a)

		j, err := journal.Open(data, journal.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer j.Close()
		today := journal.DayOf(time.Now())
		ss := j.Sessions(today, today)
		if len(ss) != 1 || ss[0].Reason != journal.Stopped {
			t.Errorf("journal: %+v, want one session stopped", ss)
		}
	})
}

// sessionBus starts a private dbus-daemon (dbustest) and returns its
// address; it is stopped when the test ends.
func sessionBus(t *testing.T) string { return dbustest.Start(t) }
