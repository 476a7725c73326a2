package ui

import (
	"errors"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"spineroutine/internal/figure"
	"spineroutine/internal/fulldisk"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// rig drives a runner with no Fyne app: a fake clock, a real journal, a
// recording player, and a queue standing for the UI goroutine.
type rig struct {
	t      *testing.T
	clock  *schedule.FakeClock
	j      *journal.Journal
	player *fakePlayer
	rec    *recorder
	run    *runner
	plan   *schedule.Plan

	mu      sync.Mutex
	queue   []func()
	shown   []schedule.Event
	unsaved []schedule.Event // shown as not saved
	armed   []bool           // End's states shown
	notices map[string]string
	saved   []bool // the recorder's retries
}

// newRig makes a runner on the journal in dir (a new temporary folder when
// empty), for the moves ids of the test routine.
func newRig(t *testing.T, dir string, clock *schedule.FakeClock, ids ...string) *rig {
	t.Helper()
	r, err := routine.Parse("test.toml", []byte(testRoutine), figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	if dir == "" {
		dir = t.TempDir()
	}
	if clock == nil {
		clock = schedule.NewFakeClock(t0)
	}
	g := &rig{t: t, clock: clock, player: &fakePlayer{}, notices: map[string]string{}}
	if g.j, err = journal.Open(dir, journal.Options{Now: clock.Now}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.j.Close() })
	if g.plan, err = schedule.NewPlan(r, ids); err != nil {
		t.Fatal(err)
	}
	g.rec = newRecorder(g.j, clock, g.post, func(key, text string) { g.notices[key] = text },
		func(all bool) { g.saved = append(g.saved, all) })
	g.run = &runner{o: runnerOptions{clock: clock, post: g.post, rec: g.rec, player: g.player,
		show: func(ev schedule.Event, saved bool) {
			g.shown = append(g.shown, ev)
			if !saved {
				g.unsaved = append(g.unsaved, ev)
			}
		},
		armEnd:  func(on bool) { g.armed = append(g.armed, on) },
		noSound: func(err error) { g.notices["audio"] = err.Error() },
	}}
	return g
}

// start opens and begins a session of the rig's plan, as the window does.
func (g *rig) start(step int, resumeID string) {
	g.run.open(g.plan, resumeID)
	g.run.begin(step)
}

func (g *rig) post(f func()) {
	g.mu.Lock()
	g.queue = append(g.queue, f)
	g.mu.Unlock()
}

// sync waits for the session's events and runs what they posted.
func (g *rig) sync() {
	for {
		if g.run.sess != nil {
			g.run.sess.Sync()
		}
		g.run.audio.Wait()
		g.mu.Lock()
		q := g.queue
		g.queue = nil
		g.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

func (g *rig) advance(d time.Duration) {
	g.clock.Advance(d)
	g.sync()
}

// count returns the events of kind shown.
func (g *rig) count(kind schedule.EventKind) int {
	n := 0
	for _, ev := range g.shown {
		if ev.Kind == kind {
			n++
		}
	}
	return n
}

func (g *rig) today() journal.Day { return journal.Today(g.clock.Now()) }

// The test routine (harness_test.go): get ready 5 s, then the curl-up's
// two reps of 4 s with 1 s between them: it is done 14 s in.
const curlUpDone = 14 * time.Second

func TestRunnerStartRecordsAndShows(t *testing.T) {
	g := newRig(t, "", nil, "mcgill-curl-up", "side-planks")
	g.start(-1, "")
	g.sync()
	if !g.run.running() || g.player.attached != 1 {
		t.Fatalf("after start: running %v, sound attached %d times", g.run.running(), g.player.attached)
	}
	pos, ok := g.j.ResumePoint(g.today())
	if !ok || pos.Session != g.rec.session || pos.Step != 0 || len(pos.Moves) != 2 {
		t.Fatalf("journal position after start: %+v %v (session %q)", pos, ok, g.rec.session)
	}
	g.advance(curlUpDone)
	if !g.j.Done(g.today())["mcgill-curl-up"] || g.count(schedule.MoveCompleted) != 1 {
		t.Errorf("curl-up done: in the journal %v, shown %d times", g.j.Done(g.today())["mcgill-curl-up"], g.count(schedule.MoveCompleted))
	}
	if d := g.j.Day(g.today()).Done; len(d) != 1 || d[0].Src != journal.Timer {
		t.Errorf("the ticks: %+v, want one by the timer", d)
	}
	g.advance(g.plan.Total)
	if over := g.run.status().State == schedule.Finished; g.count(schedule.Finished) != 1 || g.run.running() || !over {
		t.Errorf("at the end: finished shown %d times, running %v, over %v", g.count(schedule.Finished), g.run.running(), over)
	}
	if !g.j.Done(g.today())["side-planks"] || g.player.detached != 1 {
		t.Errorf("at the end: side planks done %v, sound detached %d times", g.j.Done(g.today())["side-planks"], g.player.detached)
	}
	if _, ok := g.j.ResumePoint(g.today()); ok {
		t.Error("a finished session is offered for resume")
	}
	if len(g.unsaved) != 0 || len(g.notices) != 0 {
		t.Errorf("not saved: %v; notices %v", g.unsaved, g.notices)
	}
}

func TestRunnerPause(t *testing.T) {
	g := newRig(t, "", nil, "mcgill-curl-up")
	g.start(-1, "")
	g.advance(2 * time.Second)
	g.run.togglePause()
	left := g.run.status().Remaining
	g.advance(time.Minute)
	if st := g.run.status(); st.State != schedule.Paused || st.Remaining != left {
		t.Fatalf("paused a minute: %v with %v left, want paused with %v", st.State, st.Remaining, left)
	}
	if !g.run.running() {
		t.Error("a paused session is not under way")
	}
	g.run.togglePause()
	g.advance(g.plan.Total + 5*time.Second) // the count-in, and a margin
	if g.count(schedule.Finished) != 1 || !g.j.Done(g.today())["mcgill-curl-up"] {
		t.Errorf("after resuming: finished %d, done %v", g.count(schedule.Finished), g.j.Done(g.today()))
	}
}

func TestRunnerSkipAndBack(t *testing.T) {
	g := newRig(t, "", nil, "mcgill-curl-up", "side-planks")
	g.start(-1, "")
	g.sync()
	for _, c := range []struct {
		name string
		f    func(*schedule.Session)
		wait time.Duration // after the control
		move string
		work bool // at the move's first work step
	}{
		{"skip the get-ready", (*schedule.Session).SkipStep, 0, "mcgill-curl-up", true},
		{"next move: its rest", (*schedule.Session).SkipMove, 0, "side-planks", false},
		// The count-in (5 s), the left side's hold (3 s), into the switch.
		{"skip the rest", (*schedule.Session).SkipStep, 9 * time.Second, "side-planks", false},
		{"back: this move's start", (*schedule.Session).Back, 0, "side-planks", true},
		{"back again: the move before", (*schedule.Session).Back, 0, "mcgill-curl-up", true},
	} {
		if !g.run.control(c.f) {
			t.Fatalf("%s: refused", c.name)
		}
		g.advance(c.wait)
		st := g.run.status()
		if st.Step.Move != c.move {
			t.Errorf("%s: at %s, want %s", c.name, st.Step.Move, c.move)
		}
		if first := g.plan.FirstWork(st.Step.MoveIndex); c.work != (st.Step.Index == first) {
			t.Errorf("%s: at step %d, the move's first work step is %d", c.name, st.Step.Index, first)
		}
		// The journal keeps each step for a resume.
		if pos, ok := g.j.ResumePoint(g.today()); !ok || pos.Step != st.Step.Index {
			t.Errorf("%s: journal at step %d (%v), shown %d", c.name, pos.Step, ok, st.Step.Index)
		}
	}
	if g.j.Done(g.today())["mcgill-curl-up"] {
		t.Error("a skipped move is ticked")
	}
}

func TestRunnerEndNeedsSecondPress(t *testing.T) {
	g := newRig(t, "", nil, "mcgill-curl-up")
	if g.run.end() || len(g.armed) != 0 {
		t.Fatal("End does something with no session")
	}
	g.start(-1, "")
	g.sync()
	if g.run.end() || len(g.armed) != 1 || !g.armed[0] {
		t.Fatalf("first press: End should wait (armed %v)", g.armed)
	}
	g.advance(endConfirmTime)
	if len(g.armed) != 2 || g.armed[1] || !g.run.running() {
		t.Fatalf("no second press: armed %v, running %v", g.armed, g.run.running())
	}
	g.run.end()
	g.advance(time.Second)
	if !g.run.end() {
		t.Fatal("second press within the time does not stop")
	}
	g.sync()
	if g.count(schedule.Stopped) != 1 || g.run.running() || g.player.detached != 1 {
		t.Errorf("stopped shown %d, running %v, sound detached %d", g.count(schedule.Stopped), g.run.running(), g.player.detached)
	}
	if _, ok := g.j.ResumePoint(g.today()); ok {
		t.Error("a session ended by hand is offered for resume")
	}
	g.advance(endConfirmTime) // the disarm timer was stopped
	if len(g.armed) != 4 {
		t.Errorf("End's states %v, want armed, rest, armed, rest", g.armed)
	}
}

func TestRunnerCloseThenResume(t *testing.T) {
	dir := t.TempDir()
	clock := schedule.NewFakeClock(t0)
	g := newRig(t, dir, clock, "mcgill-curl-up", "side-planks")
	g.start(-1, "")
	g.advance(curlUpDone + 8*time.Second) // into the side planks
	at := g.run.status().Step
	id := g.rec.session
	if !g.run.close() {
		t.Fatal("close: no session")
	}
	g.sync()
	if g.count(schedule.Stopped) != 0 || g.player.detached != 1 {
		t.Fatalf("close shows the session stopped (%d) or keeps the sound (detached %d)", g.count(schedule.Stopped), g.player.detached)
	}
	g.j.Close()

	// The next launch.
	g2 := newRig(t, dir, clock, "mcgill-curl-up", "side-planks")
	pos, ok := g2.j.ResumePoint(g2.today())
	if !ok || pos.Session != id || pos.Step != at.Index || pos.Move != "side-planks" {
		t.Fatalf("resume point %+v %v, want session %s at step %d", pos, ok, id, at.Index)
	}
	g2.start(pos.Step, pos.Session)
	g2.sync()
	if st := g2.run.status(); st.Step.Index != pos.Step || g2.rec.session != id {
		t.Fatalf("resumed at step %d in session %q, want %d in %s", st.Step.Index, g2.rec.session, pos.Step, id)
	}
	g2.advance(g2.plan.Total)
	day := g2.j.Day(g2.today())
	if len(day.Done) != 2 || day.Sessions != 1 {
		t.Errorf("after the resumed session: %d moves done, %d sessions; want 2 in 1", len(day.Done), day.Sessions)
	}
	for _, tk := range day.Done {
		if tk.Src != journal.Timer {
			t.Errorf("%s ticked by %s, want the timer", tk.Move, tk.Src)
		}
	}
}

// TestRunnerFullDisk runs a session on a journal in a tiny full tmpfs
// (root only: skipped when one cannot be mounted). The completed move is
// shown as not saved, a notice says entries wait, and once there is room
// the recorder writes them and reports it.
func TestRunnerFullDisk(t *testing.T) {
	dir := fulldisk.Mount(t, "256k")
	g := newRig(t, filepath.Join(dir, "data"), nil, "mcgill-curl-up")
	free := fulldisk.Fill(t, dir)
	// Fill the journal's last page with ticks of another day.
	var err error
	for i := 0; i < 200; i++ {
		if err = g.j.MarkDone(g.today().Add(-1), "filler", journal.Hand, "", g.clock.Now()); err != nil {
			break
		}
	}
	if !errors.Is(err, journal.ErrNotSaved) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("the disk is not full: %v", err)
	}

	g.start(-1, "")
	g.advance(curlUpDone)
	var completed bool
	for _, ev := range g.unsaved {
		completed = completed || ev.Kind == schedule.MoveCompleted
	}
	if !completed || g.notices["pending"] == "" {
		t.Fatalf("on a full disk: the tick shown as not saved %v, notice %q", completed, g.notices["pending"])
	}
	if !g.run.running() && g.count(schedule.Finished) == 0 {
		t.Fatal("the session stopped on a full disk")
	}
	free()
	g.advance(pendingRetry)
	if len(g.saved) == 0 || !g.saved[len(g.saved)-1] {
		t.Fatalf("retries after room came back: %v, want the last to save all", g.saved)
	}
	if !g.j.Done(g.today())["mcgill-curl-up"] || g.notices["pending"] != "" {
		t.Errorf("after room came back: done %v, notice %q", g.j.Done(g.today())["mcgill-curl-up"], g.notices["pending"])
	}
}
