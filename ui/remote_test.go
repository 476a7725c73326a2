package ui

import (
	"bytes"
	"image/png"
	"log"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/godbus/dbus/v5"

	"spineroutine/internal/cue"
	"spineroutine/internal/journal"
	"spineroutine/internal/mpris"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"

	"spineroutine/internal/dbustest"
)

// remoteHarness is a window whose media controls are driven directly
// (no D-Bus): each control posts its action, which sync runs.
func remoteHarness(t *testing.T) (*harness, *sayingPlayer) {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // the figures given to media controls
	p := &sayingPlayer{}
	h := newHarness(t, func(o *Options) { o.Player = p })
	h.player = &p.fakePlayer
	return h, p
}

// TestRemoteControlsAreTheSessionsControls drives a session from the
// media controls alone: Play starts today's moves, Pause and Play pause
// and resume (a hold resumes with its count-in), Next and Previous move
// as → and ←, and Stop ends only when pressed twice within 4 s, the end
// journalled as End's.
func TestRemoteControlsAreTheSessionsControls(t *testing.T) {
	h, p := remoteHarness(t)
	r := h.session().remote
	do := func(f func()) {
		t.Helper()
		f()
		h.sync()
	}
	do(r.Play)
	if h.state() != schedule.Running {
		t.Fatalf("Play when idle: %v, want a session running", h.state())
	}
	h.advance(6 * time.Second) // the curl-up's first hold
	if st := h.session().run.status(); st.Step.Kind != schedule.Work {
		t.Fatalf("6 s in: %v step", st.Step.Kind)
	}
	do(r.Pause)
	if h.state() != schedule.Paused {
		t.Fatalf("Pause: %v", h.state())
	}
	do(r.Pause) // a second Pause does not resume
	if h.state() != schedule.Paused {
		t.Fatalf("Pause again: %v", h.state())
	}
	do(r.Play)
	if st := h.session().run.status(); st.State != schedule.Running || !st.Preroll {
		t.Fatalf("Play after a pause in a hold: %v, count-in %v; want running with the count-in", st.State, st.Preroll)
	}
	do(r.PlayPause)
	if h.state() != schedule.Paused {
		t.Fatalf("PlayPause while running: %v", h.state())
	}
	do(r.PlayPause)
	if h.state() != schedule.Running {
		t.Fatalf("PlayPause while paused: %v", h.state())
	}
	h.advance(4 * time.Second)
	before := h.session().run.status().Step.Index
	do(r.Next)
	if got := h.session().run.status().Step.Index; got != before+1 {
		t.Errorf("Next: step %d, want %d", got, before+1)
	}
	do(r.Next)
	do(r.Previous)
	if got := h.session().run.status().Step; got.Index > before+1 {
		t.Errorf("Previous: step %d (%s), want back from %d", got.Index, got.Move, before+2)
	}

	// The first Stop pauses and asks for a second.
	do(r.Stop)
	if h.state() != schedule.Paused {
		t.Fatalf("first Stop: %v, want paused", h.state())
	}
	if h.session().controls.stop.Text != "End now?" || !strings.Contains(strings.Join(uitest.LabelTexts(h.session().notes.box), "\n"), "Press stop again") {
		t.Errorf("first Stop: End reads %q, banners %q", h.session().controls.stop.Text, uitest.LabelTexts(h.session().notes.box))
	}
	if !p.saidSoon(cue.PhraseStopAgain) {
		t.Error("first Stop: \"press stop again\" not said")
	}
	// Unconfirmed, it lapses: the session stays paused.
	h.advance(endConfirmTime + time.Second)
	if h.state() != schedule.Paused || h.session().controls.stop.Text != "End" {
		t.Fatalf("4 s after one Stop: %v, End reads %q", h.state(), h.session().controls.stop.Text)
	}
	if strings.Contains(strings.Join(uitest.LabelTexts(h.session().notes.box), "\n"), "Press stop again") {
		t.Error("the banner of the first Stop outlived its 4 s")
	}
	do(r.Stop)
	h.advance(2 * time.Second)
	do(r.Stop)
	if h.state() != schedule.Stopped {
		t.Fatalf("two Stops 2 s apart: %v, want stopped", h.state())
	}
	day := journal.DayOf(h.clock.Now())
	ss := h.j.Sessions(day, day)
	if len(ss) != 1 || ss[0].Reason != journal.Stopped {
		t.Fatalf("journal: %+v, want one session stopped", ss)
	}
	// At the summary Play starts the moves not done yet.
	do(r.Play)
	if h.state() != schedule.Running {
		t.Errorf("Play at the summary: %v", h.state())
	}
}

// TestRemoteSnapshot: what the media controls show follows the card.
func TestRemoteSnapshot(t *testing.T) {
	h, _ := remoteHarness(t)
	r := h.session().remote
	s := r.snapshot()
	if s.Status != mpris.Stopped || s.Track.Title != "Curl-Up" || s.Track.Artist != "Test routine" || !s.CanPlay {
		t.Errorf("idle: %+v", s)
	}
	h.w.StartPause()
	h.sync()
	for _, c := range []struct {
		at           time.Duration
		title, album string
		status       mpris.Status
	}{
		{1 * time.Second, "Curl-Up", "Get ready", mpris.Playing},
		{6 * time.Second, "Curl-Up", "Rep 1 of 2", mpris.Playing},
		{21 * time.Second, "Side Planks — left", "Rep 1 of 1", mpris.Playing},
		{24 * time.Second, "Side Planks — right", "Switch sides · Next: rep 1 of 1", mpris.Playing},
		{29 * time.Second, "Bird Dogs", "Rest", mpris.Playing},
	} {
		h.clock.AdvanceTo(t0.Add(c.at))
		h.sync()
		s := r.snapshot()
		if s.Track.Title != c.title || s.Track.Album != c.album || s.Status != c.status {
			t.Errorf("%v in: %q / %q / %v, want %q / %q / %v", c.at, s.Track.Title, s.Track.Album, s.Status, c.title, c.album, c.status)
		}
		if want := h.session().run.status().Offset; s.Position() != want {
			t.Errorf("%v in: Position %v, want %v", c.at, s.Position(), want)
		}
		if s.Track.Length != h.session().run.plan().Total || !s.CanGoNext || !s.CanPause {
			t.Errorf("%v in: %+v", c.at, s)
		}
		if s.Track.ArtPath != "" {
			t.Errorf("%v in: art %q for a move without a figure", c.at, s.Track.ArtPath)
		}
	}
	// A move with a figure: a PNG of it, per side, in the cache folder.
	for _, m := range routine.Default().Moves {
		if m.Figure == "" || m.Sides == routine.NoSides {
			continue
		}
		left, right := r.artOf(m, schedule.Left), r.artOf(m, schedule.Right)
		if left == right || !strings.HasPrefix(left, os.Getenv("XDG_CACHE_HOME")) {
			t.Errorf("%s: art %q and %q", m.Name, left, right)
		}
		checkArt(t, left)
		checkArt(t, right)
		break
	}
}

// checkArt checks that path is a PNG of a figure: artHeight pixels tall,
// dark strokes on a light ground.
func checkArt(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("art: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("art %s: %v", path, err)
	}
	b := img.Bounds()
	dark, light := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			switch l := (r + g + bl) / 3; {
			case l < 0x6000:
				dark++
			case l > 0xc000:
				light++
			}
		}
	}
	n := b.Dx() * b.Dy()
	if b.Dy() != artHeight || dark < n/100 || light < n/2 {
		t.Errorf("art %s: %v, %d dark and %d light pixels of %d: not a figure", path, b, dark, light, n)
	}
}

// TestRemoteAtTheSafetyStop: Play starts nothing on a safety-stop day and
// says why.
func TestRemoteAtTheSafetyStop(t *testing.T) {
	h, p := remoteHarness(t)
	h.today().plan.advised.Safety, h.today().plan.advised.SafetyWhy = true, "Pain 8 before yesterday's session."
	h.session().remote.Play()
	h.sync()
	if h.state() != schedule.Idle {
		t.Errorf("Play at the safety stop: %v", h.state())
	}
	if !strings.Contains(strings.Join(uitest.LabelTexts(h.session().notes.box), "\n"), "Pain 8 before") || !p.saidSoon(cue.PhraseStop) {
		t.Errorf("Play at the safety stop said %q", uitest.LabelTexts(h.session().notes.box))
	}
}

// TestRemoteWithoutSessionBus: no session bus, the window is as without
// the media controls: no banner, and one line in the log however often
// the setting is turned on.
func TestRemoteWithoutSessionBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+t.TempDir()+"/none")
	var logged bytes.Buffer
	was := log.Writer()
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(was) })
	h := newHarness(t, func(o *Options) { o.MediaControls = true })
	h.w.started() // the app runs: the player is offered
	plain := newHarness(t, nil)
	if got, want := uitest.LabelTexts(h.session().notes.box), uitest.LabelTexts(plain.w.session.notes.box); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("banners without a bus %q, want %q", got, want)
	}
	h.session().remote.enable(false)
	h.session().remote.enable(true)
	if n := strings.Count(logged.String(), "media controls"); n != 1 || !strings.Contains(logged.String(), "D-Bus") {
		t.Errorf("log: %q, want one line", logged.String())
	}
	if h.session().remote.srv != nil {
		t.Error("a server without a bus")
	}
}

// TestRemoteOverDBus: a media controller on a private session bus sees
// the card's move and moves the session on; turning the setting off
// gives the bus name back.
func TestRemoteOverDBus(t *testing.T) {
	addr := privateSessionBus(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	h := newHarness(t, func(o *Options) { o.MediaControls = true })
	r := h.session().remote
	if r.srv != nil {
		t.Fatal("a player on the bus before the app runs")
	}
	h.w.started()
	if r.srv == nil {
		t.Fatal("no player on the bus")
	}
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	obj := conn.Object("org.mpris.MediaPlayer2.spineroutine", "/org/mpris/MediaPlayer2")
	title := func() string {
		v, err := obj.GetProperty("org.mpris.MediaPlayer2.Player.Metadata")
		if err != nil {
			t.Fatal(err)
		}
		s, _ := v.Value().(map[string]dbus.Variant)["xesam:title"].Value().(string)
		return s
	}
	// call calls a method and runs what it posted.
	call := func(method string) {
		t.Helper()
		if err := obj.Call("org.mpris.MediaPlayer2.Player."+method, 0).Err; err != nil {
			t.Fatal(err)
		}
		for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
			h.mu.Lock()
			n := len(h.queue)
			h.mu.Unlock()
			if n > 0 {
				break
			}
		}
		h.sync()
	}
	waitTitle := func(want string) {
		t.Helper()
		for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
			if title() == want {
				return
			}
		}
		t.Errorf("title %q, want %q", title(), want)
	}
	waitTitle("Curl-Up")
	call("Play")
	if h.state() != schedule.Running {
		t.Fatalf("Play over D-Bus: %v", h.state())
	}
	h.clock.AdvanceTo(t0.Add(21 * time.Second))
	h.sync()
	waitTitle("Side Planks — left")
	call("Next") // to the switch of sides
	waitTitle("Side Planks — right")
	var ds string
	if v, err := conn.Object("org.mpris.MediaPlayer2.spineroutine", "/org/mpris/MediaPlayer2").GetProperty("org.mpris.MediaPlayer2.DesktopEntry"); err == nil {
		ds, _ = v.Value().(string)
	}
	if ds != h.w.app.UniqueID() || ds == "" {
		t.Errorf("DesktopEntry %q", ds)
	}

	// Settings' check turns it off and on.
	check := findCheck(h.settings().view, "Headphone buttons, media keys and remotes")
	if check == nil || !check.Checked {
		t.Fatalf("Settings: the media controls' check %v", check)
	}
	owned := func() bool {
		var ok bool
		if err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.mpris.MediaPlayer2.spineroutine").Store(&ok); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	check.SetChecked(false)
	if owned() || h.prefs().MediaControls() {
		t.Errorf("turned off: the name owned %v, the setting %v", owned(), h.prefs().MediaControls())
	}
	check.SetChecked(true)
	if !owned() || !h.prefs().MediaControls() {
		t.Errorf("turned on: the name owned %v, the setting %v", owned(), h.prefs().MediaControls())
	}
}

// findCheck finds the check labelled label in o.
func findCheck(o fyne.CanvasObject, label string) *widgets.KeyCheck {
	switch x := o.(type) {
	case *widgets.KeyCheck:
		if x.Text == label {
			return x
		}
		return nil
	case *fyne.Container:
		for _, k := range x.Objects {
			if c := findCheck(k, label); c != nil {
				return c
			}
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(x).Objects() {
			if c := findCheck(k, label); c != nil {
				return c
			}
		}
	}
	return nil
}

// privateSessionBus starts a D-Bus daemon for the test (dbustest) and
// makes it the session bus.
func privateSessionBus(t *testing.T) string {
	a := dbustest.Start(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", a)
	return a
}
