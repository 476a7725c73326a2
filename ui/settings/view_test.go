package settings

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/appdata"
	"spineroutine/internal/cue"
	"spineroutine/internal/figure"
	"spineroutine/internal/progress"
	"spineroutine/internal/reminder"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"
)

// callQueue stands for fyne.Do in view tests: posted functions wait until
// the test goroutine runs them.
type callQueue struct {
	mu sync.Mutex
	q  []func()
}

func (c *callQueue) post(f func()) {
	c.mu.Lock()
	c.q = append(c.q, f)
	c.mu.Unlock()
}

// run runs what was posted (and what that posts).
func (c *callQueue) run() {
	for {
		c.mu.Lock()
		q := c.q
		c.q = nil
		c.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// settingsCalls records the callbacks of the settings view.
type settingsCalls struct {
	sound    []cue.Settings
	themes   []string
	timings  [][2]time.Duration
	targets  []int
	routines []string
	checks   []schedule.CueKind
	checkErr map[schedule.CueKind]error
}

// updateViews rewrites the golden markup under testdata/.
var updateViews = flag.Bool("update-views", false, "rewrite the settings golden files under testdata/")

// t0 is the tests' now.
var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)

// defaults are the settings of a first start, as the window reads them
// with nothing saved.
func defaults() Settings {
	return Settings{Sound: cue.DefaultSettings(), Theme: ThemeSystem, GetReady: routine.OwnTiming,
		Rest: routine.OwnTiming, WeeklyTarget: 5, Reminder: reminder.Default(), Progress: progress.Defaults()}
}

type settingsHarness struct {
	t     *testing.T
	app   fyne.App
	saved Settings // as the window saves it
	clock *schedule.FakeClock
	queue *callQueue
	calls *settingsCalls
	win   fyne.Window
	v     *View
}

func newSettingsHarness(t *testing.T) *settingsHarness {
	t.Helper()
	h := &settingsHarness{t: t, app: test.NewTempApp(t), clock: schedule.NewFakeClock(t0),
		queue: &callQueue{}, calls: &settingsCalls{checkErr: map[schedule.CueKind]error{}}}
	h.saved = defaults()
	c := h.calls
	opts := Options{
		Title:       "Spine Routine",
		Version:     "1.0.0-test",
		DataDir:     "/data/spine",
		JournalPath: "/data/spine/journal.jsonl",
		// Saved and recorded by what changed, as the controller would.
		OnChange: func(edit func(*Settings)) {
			old := h.saved
			s := old
			edit(&s)
			if s.Sound != old.Sound {
				c.sound = append(c.sound, s.Sound)
			}
			if s.Theme != old.Theme {
				c.themes = append(c.themes, s.Theme)
			}
			if s.GetReady != old.GetReady || s.Rest != old.Rest {
				c.timings = append(c.timings, [2]time.Duration{appdata.TimingDuration(s.GetReady), appdata.TimingDuration(s.Rest)})
			}
			if s.WeeklyTarget != old.WeeklyTarget {
				c.targets = append(c.targets, s.WeeklyTarget)
			}
			h.saved = s
		},
		OnRoutine: func(path string) error {
			c.routines = append(c.routines, path)
			if path == "" {
				return nil
			}
			_, err := routine.Load(path, figure.Shipped())
			return err
		},
		SoundCheck: func(k schedule.CueKind) error {
			c.checks = append(c.checks, k)
			return c.checkErr[k]
		},
		PickFile: func(func(string, error)) {},
		Clock:    h.clock,
		Post:     h.queue.post,
	}
	h.win = test.NewTempWindow(t, nil)
	h.v = NewView(h.saved, opts)
	h.win.SetContent(h.v)
	h.win.Resize(fyne.NewSize(480, 1000))
	return h
}

func TestSettingsSoundCallsBack(t *testing.T) {
	h := newSettingsHarness(t)
	v := h.v
	if got := v.Sound(); got != cue.DefaultSettings() {
		t.Fatalf("shown at start: %+v, want the defaults", got)
	}
	steps := []struct {
		name string
		do   func()
		want cue.Settings
	}{
		{"mute", func() { test.Tap(v.mute) }, cue.Settings{Volume: 80, Muted: true, Voice: true, Detail: cue.DetailNormal, RepTicks: true}},
		{"volume", func() { v.volume.SetValue(35) }, cue.Settings{Volume: 35, Muted: true, Voice: true, Detail: cue.DetailNormal, RepTicks: true}},
		{"voice off", func() { test.Tap(v.voice) }, cue.Settings{Volume: 35, Muted: true, Voice: false, Detail: cue.DetailNormal, RepTicks: true}},
		{"ticks off", func() { test.Tap(v.ticks) }, cue.Settings{Volume: 35, Muted: true, Voice: false, Detail: cue.DetailNormal, RepTicks: false}},
		{"unmute", func() { test.Tap(v.mute) }, cue.Settings{Volume: 35, Muted: false, Voice: false, Detail: cue.DetailNormal, RepTicks: false}},
		{"full detail", func() { test.Tap(v.details[2]) }, cue.Settings{Volume: 35, Muted: false, Voice: false, Detail: cue.DetailFull, RepTicks: false}},
	}
	for i, s := range steps {
		s.do()
		if len(h.calls.sound) != i+1 || h.calls.sound[i] != s.want {
			t.Errorf("%s: sound changes %+v, want call %d with %+v", s.name, h.calls.sound, i+1, s.want)
		}
	}
	if got := v.volumeLabel.Text; got != "35 %" {
		t.Errorf("volume label %q, want \"35 %%\"", got)
	}

	// SetSound (the window's mute key) shows without saving or calling back.
	calls := len(h.calls.sound)
	v.SetSound(cue.Settings{Volume: 60, Muted: true, Voice: true, Detail: cue.DetailNormal, RepTicks: true})
	if !v.mute.Checked || v.volume.Value != 60 || v.volumeLabel.Text != "60 %" {
		t.Errorf("SetSound not shown: mute %v, volume %v (%q)", v.mute.Checked, v.volume.Value, v.volumeLabel.Text)
	}
	if len(h.calls.sound) != calls {
		t.Errorf("setSound called back")
	}
}

func TestSettingsThemePersists(t *testing.T) {
	h := newSettingsHarness(t)
	for _, c := range []struct{ label, want string }{{"Dark", ThemeDark}, {"Light", ThemeLight}, {"System", ThemeSystem}} {
		h.v.selectTheme(c.label)
		if got := h.saved.Theme; got != c.want {
			t.Errorf("%s: saved %q, want %q", c.label, got, c.want)
		}
		if n := len(h.calls.themes); n == 0 || h.calls.themes[n-1] != c.want {
			t.Errorf("%s: theme changes %v", c.label, h.calls.themes)
		}
	}
}

func TestSettingsWeeklyTarget(t *testing.T) {
	h := newSettingsHarness(t)
	if h.v.target.Selected != "5" {
		t.Errorf("shows %q at start, want the default 5", h.v.target.Selected)
	}
	h.v.target.SetSelected("3")
	if got := h.calls.targets; h.saved.WeeklyTarget != 3 || len(got) != 1 || got[0] != 3 {
		t.Errorf("saved %d, changes %v", h.saved.WeeklyTarget, got)
	}
}

func TestSettingsTimings(t *testing.T) {
	h := newSettingsHarness(t)
	v := h.v
	if v.getReady.Text != routineOwn() || v.rest.Text != routineOwn() {
		t.Fatalf("boxes show %q / %q, want %q", v.getReady.Text, v.rest.Text, routineOwn())
	}
	own := time.Duration(-1)
	steps := []struct {
		name         string
		box          func() *widgets.EditEntry
		text         string
		wantG, wantR int
		wantErr      bool
		wantCall     [2]time.Duration
		wantCalls    int
	}{
		{"get ready 12", func() *widgets.EditEntry { return v.getReady }, "12", 12, routine.OwnTiming, false, [2]time.Duration{12 * time.Second, own}, 1},
		{"rest 45", func() *widgets.EditEntry { return v.rest }, "45", 12, 45, false, [2]time.Duration{12 * time.Second, 45 * time.Second}, 2},
		{"rest typo", func() *widgets.EditEntry { return v.rest }, "4x", 12, 45, true, [2]time.Duration{}, 2},
		{"rest too long", func() *widgets.EditEntry { return v.rest }, "601", 12, 45, true, [2]time.Duration{}, 2},
		{"get ready own", func() *widgets.EditEntry { return v.getReady }, routineOwn(), routine.OwnTiming, 45, true, [2]time.Duration{own, 45 * time.Second}, 3},
		{"rest 0", func() *widgets.EditEntry { return v.rest }, "0", routine.OwnTiming, 0, false, [2]time.Duration{own, 0}, 4},
	}
	for _, s := range steps {
		s.box().SetText(s.text)
		if g, r := h.saved.GetReady, h.saved.Rest; g != s.wantG || r != s.wantR {
			t.Errorf("%s: saved %d / %d, want %d / %d", s.name, g, r, s.wantG, s.wantR)
		}
		if got := v.timingError.Text() != ""; got != s.wantErr {
			t.Errorf("%s: timing error shown = %v (%q), want %v", s.name, got, v.timingError.Text(), s.wantErr)
		}
		if len(h.calls.timings) != s.wantCalls {
			t.Errorf("%s: %d timing changes, want %d", s.name, len(h.calls.timings), s.wantCalls)
		} else if s.wantCall != ([2]time.Duration{}) && h.calls.timings[s.wantCalls-1] != s.wantCall {
			t.Errorf("%s: timings %v, want %v", s.name, h.calls.timings[s.wantCalls-1], s.wantCall)
		}
	}
}

const badRoutine = `name = "Broken"

[[move]]
id = "a"
name = "A"
focus = "stability"
reps = 2
hold = 5
tempo = [1, 1]

[[move]]
id = "b"
name = "B"
focus = "balance"
reps = 1
hold = 3
`

const goodRoutine = `name = "Mine"

[[move]]
id = "a"
name = "A"
focus = "stability"
reps = 2
hold = 5
`

func TestSettingsRoutineErrors(t *testing.T) {
	h := newSettingsHarness(t)
	v := h.v
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	good := filepath.Join(dir, "good.toml")
	for p, text := range map[string]string{bad: badRoutine, good: goodRoutine} {
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got := v.routineLabel.Text; got != "Built-in routine" {
		t.Errorf("label %q at start", got)
	}

	v.LoadRoutine(bad)
	lines := uitest.LabelTexts(v.routineErrors)
	if len(lines) != 3 {
		t.Fatalf("problems shown: %q, want a heading and 2 lines", lines)
	}
	if !strings.Contains(lines[0], bad) {
		t.Errorf("heading %q does not name the file", lines[0])
	}
	for _, want := range []string{bad + ":9: move \"a\": tempo and hold", bad + ":14: move \"b\": focus"} {
		found := false
		for _, l := range lines[1:] {
			found = found || strings.HasPrefix(l, want)
		}
		if !found {
			t.Errorf("no problem line starting %q in %q", want, lines)
		}
	}
	if got := h.saved.RoutinePath; got != "" {
		t.Errorf("a routine that failed was saved: %q", got)
	}
	if got := v.routineLabel.Text; got != "Built-in routine" {
		t.Errorf("label %q after a failed load", got)
	}

	v.LoadRoutine(good)
	if got := uitest.LabelTexts(v.routineErrors); len(got) != 0 {
		t.Errorf("problems still shown after a good file: %q", got)
	}
	if got := h.saved.RoutinePath; got != good {
		t.Errorf("saved path %q, want %q", got, good)
	}
	if got := v.routineLabel.Text; got != "File: "+good {
		t.Errorf("label %q", got)
	}

	test.Tap(v.builtin)
	if got := h.saved.RoutinePath; got != "" || v.routineLabel.Text != "Built-in routine" || !v.builtin.Disabled() {
		t.Errorf("Use built-in: saved %q, label %q, button disabled %v", got, v.routineLabel.Text, v.builtin.Disabled())
	}
	if want := []string{bad, good, ""}; strings.Join(h.calls.routines, "|") != strings.Join(want, "|") {
		t.Errorf("OnRoutine calls %q, want %q", h.calls.routines, want)
	}
}

func TestSettingsSoundCheck(t *testing.T) {
	h := newSettingsHarness(t)
	v := h.v
	test.Tap(v.check)
	if !v.check.Disabled() {
		t.Error("button not disabled during the check")
	}
	for i, k := range schedule.CueKinds {
		if i > 0 {
			h.clock.Advance(soundCheckGap - time.Millisecond)
			h.queue.run()
			if len(h.calls.checks) != i {
				t.Fatalf("kind %d played before its time", i+1)
			}
			h.clock.Advance(time.Millisecond)
		} else {
			h.clock.Advance(0)
		}
		if len(h.calls.checks) != i+1 || h.calls.checks[i] != k {
			t.Fatalf("after step %d played %v", i+1, h.calls.checks)
		}
		// The name shows as it plays (before the next step is armed).
		h.queue.run()
		if i+1 < len(schedule.CueKinds) {
			if got := v.checkStatus.Text; !strings.Contains(got, cueName(k)) {
				t.Errorf("step %d shows %q, want the name %q", i+1, got, cueName(k))
			}
		}
	}
	if got := v.checkStatus.Text; !strings.HasPrefix(got, "Sound check done") || v.check.Disabled() {
		t.Errorf("at the end: %q, disabled %v", got, v.check.Disabled())
	}

	// An error stops the check and says why.
	h.calls.checks = nil
	h.calls.checkErr[schedule.CueRep] = errors.New("no audio device")
	test.Tap(v.check)
	for i := 0; i < 5; i++ {
		h.clock.Advance(soundCheckGap)
		h.queue.run()
	}
	if len(h.calls.checks) != 3 {
		t.Errorf("played %v after the error, want the first 3 only", h.calls.checks)
	}
	if got := v.checkStatus.Text; got != "Sound check stopped at Rep tick: no audio device" || v.check.Disabled() {
		t.Errorf("after an error: %q, disabled %v", got, v.check.Disabled())
	}
}

func TestSettingsDataAndAbout(t *testing.T) {
	h := newSettingsHarness(t)
	markup := test.RenderToMarkup(h.win.Canvas())
	for _, want := range []string{"/data/spine/journal.jsonl", "/data/spine", "Spine Routine 1.0.0-test",
		"Exercise guidance, not medical advice."} {
		if !strings.Contains(markup, want) {
			t.Errorf("view does not show %q", want)
		}
	}
}

func TestSettingsGolden(t *testing.T) {
	h := newSettingsHarness(t)
	h.v.LoadRoutine("/nowhere/missing.toml")
	uitest.GoldenMarkup(t, "settings.xml", h.win.Canvas(), *updateViews)
}
