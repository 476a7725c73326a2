package ui

import (
	"errors"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/cue"
	"spineroutine/internal/figure"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// testRoutine is small and quick: its timings are easy to follow.
//
//	get ready 5 | curl-up 2 reps × 4 s, gap 1 | rest 6 |
//	side planks each side 1 rep × 3 s, switch 2 | rest 6 | bird dogs 1 rep per side × 2 s, gap 1
const testRoutine = `
name = "Test routine"
get_ready = 5
rest = 6
switch = 2
between_sets = 3

[[move]]
id = "mcgill-curl-up"
name = "Curl-Up"
focus = "stability"
steps = ["Lie on your back", "Lift head and shoulders a little"]
easier = "Keep your head down"
reps = 2
hold = 4
between_reps = 1

[[move]]
id = "side-planks"
name = "Side Planks"
focus = "strength"
steps = ["On your elbow", "Lift the hips"]
sides = "each"
reps = 1
hold = 3

[[move]]
id = "bird-dogs"
name = "Bird Dogs"
focus = "stability"
steps = ["On all fours", "Reach arm and opposite leg"]
sides = "alternate"
reps = 1
hold = 2
between_reps = 1
`

// t0 is the fake clock's start: a Monday morning.
var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)

// fakePlayer records what the window asks of the sound.
type fakePlayer struct {
	mu       sync.Mutex
	attached int
	detached int
	settings cue.Settings
	fail     error
	voices   []*cue.VoiceBank
	checked  []schedule.CueKind
	noSound  func(error)
	said     []string // the fixed phrases said
}

func (p *fakePlayer) Attach(*schedule.Session) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.attached++
	return p.fail
}

func (p *fakePlayer) Detach() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.detached++
}

func (p *fakePlayer) SetSettings(s cue.Settings) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settings = s
}

func (p *fakePlayer) SetVoices(v *cue.VoiceBank) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.voices = append(p.voices, v)
}

func (p *fakePlayer) SoundCheck(k schedule.CueKind) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.checked = append(p.checked, k)
	return p.fail
}

func (p *fakePlayer) Say(phrase string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.said = append(p.said, phrase)
	return p.fail
}

func (p *fakePlayer) OnNoSound(f func(error)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.noSound = f
}

// harness is a window on the test driver with a fake clock. The session's
// events reach the UI through a queue that the test goroutine drains, so
// widgets are only touched from the test goroutine (as fyne.Do would on the
// real driver).
type harness struct {
	t      testing.TB
	app    fyne.App
	clock  *schedule.FakeClock
	j      *journal.Journal
	dir    string
	player *fakePlayer
	w      *controller
	opts   Options // the options w was made with

	mu     sync.Mutex
	queue  []func()
	closed bool
}

// The window's owners, as the tests drive them: through each owner's own
// methods and widgets, not the shell's fields.

// session is the session screen.
func (h *harness) session() *sessionScreen { return h.w.session }

// today is Today.
func (h *harness) today() *todayTab { return h.w.side.today }

// history is History.
func (h *harness) history() *historyTab { return h.w.side.history }

// settings is Settings.
func (h *harness) settings() *settingsTab { return h.w.side.settings }

// routines is the Routine tab (nil without a library).
func (h *harness) routines() *routineTab { return h.w.side.routines }

// inuse is the routine in use.
func (h *harness) inuse() *routineInUse { return h.w.inuse }

// prefs are the saved settings.
func (h *harness) prefs() *Prefs { return h.w.prefs }

// win is the window.
func (h *harness) win() fyne.Window { return h.w.win }

// close closes the window (once).
func (h *harness) close() {
	if !h.closed {
		h.closed = true
		h.win().Close()
		h.sync()
	}
}

// newHarness opens a window; change edits the options before.
func newHarness(t testing.TB, change func(*Options)) *harness {
	t.Helper()
	h := newLazyHarness(t, change)
	h.w.side.lazy.all() // the tests use the side views as soon as they start
	return h
}

// newLazyHarness is newHarness with the side views built when first shown,
// as in the app.
func newLazyHarness(t testing.TB, change func(*Options)) *harness {
	t.Helper()
	r, err := routine.Parse("test.toml", []byte(testRoutine), figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, app: test.NewTempApp(t), clock: schedule.NewFakeClock(t0),
		dir: t.TempDir(), player: &fakePlayer{}}
	h.openJournal()
	opts := Options{Routine: r, Journal: h.j, Player: h.player,
		Clock: h.clock, Post: h.post}
	if change != nil {
		change(&opts)
	}
	h.opts = opts
	h.w = newController(h.app, opts)
	h.win().Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		h.close()
		h.j.Close()
	})
	return h
}

func (h *harness) openJournal() {
	j, err := journal.Open(h.dir, journal.Options{Now: h.clock.Now})
	if err != nil {
		h.t.Fatal(err)
	}
	h.j = j
}

// post queues f for the test goroutine.
func (h *harness) post(f func()) {
	h.mu.Lock()
	h.queue = append(h.queue, f)
	h.mu.Unlock()
}

// sync waits for the session's events and runs what they posted.
func (h *harness) sync() {
	for {
		if s := h.session().run.sess; s != nil {
			s.Sync()
		}
		h.session().run.audio.Wait()
		h.mu.Lock()
		q := h.queue
		h.queue = nil
		h.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// advance moves the clock and shows what happened.
func (h *harness) advance(d time.Duration) {
	h.clock.Advance(d)
	h.sync()
}

// press simulates a key press the way the desktop driver routes it: to the
// focused widget if there is one, else to the canvas.
func (h *harness) press(name fyne.KeyName) {
	c := h.win().Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if k := c.OnTypedKey(); k != nil {
		k(ev)
	}
	h.sync()
}

// typeRune simulates a character typed, routed like press.
func (h *harness) typeRune(r rune) {
	c := h.win().Canvas()
	if f := c.Focused(); f != nil {
		f.TypedRune(r)
	} else if k := c.OnTypedRune(); k != nil {
		k(r)
	}
	h.sync()
}

func (h *harness) state() schedule.State {
	if h.session().run.sess == nil {
		return schedule.Idle
	}
	return h.session().run.sess.Status().State
}

var errNoDevice = errors.New("no audio device")
