package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"spineroutine/internal/schedule"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/state"
	"spineroutine/ui/widgets"
)

// TestKeys checks every key, pressed as the driver routes it, against the
// named method it runs.
func TestKeys(t *testing.T) {
	h := newHarness(t, nil)
	c := h.win().Canvas()

	h.press(fyne.KeySpace)
	if h.state() != schedule.Running {
		t.Fatalf("Space: state = %v, want running", h.state())
	}
	h.press(fyne.KeyRight) // skip get ready: the 3-s count-in
	if got := h.session().last; got.Step.Kind != schedule.Work || !got.Preroll || h.card().clock != "0:03" {
		t.Errorf("→: step = %v, count-in %v, clock %s, want a 3-s count-in to work", got.Step.Kind, got.Preroll, h.card().clock)
	}
	h.advance(3 * time.Second)
	h.press(fyne.KeyUp)
	if got := h.card().clock; got != "0:14" {
		t.Errorf("↑: clock = %s, want 0:14 (4 s + 10 s)", got)
	}
	h.press(fyne.KeyN) // next move: the rest before side planks
	if got := h.session().last.Step; got.Move != "side-planks" {
		t.Errorf("N: move = %s, want side-planks", got.Move)
	}
	h.press(fyne.KeyLeft) // back to the previous move (within 3 s)
	if got := h.session().last.Step.Move; got != "mcgill-curl-up" {
		t.Errorf("←: move = %s, want mcgill-curl-up", got)
	}
	h.press(fyne.KeyM)
	if !h.session().sound.settings.Muted || !h.player.settings.Muted {
		t.Error("M: not muted")
	}
	h.press(fyne.KeyM)
	if h.session().sound.settings.Muted || h.player.settings.Muted {
		t.Error("M again: still muted")
	}
	h.press(fyne.KeyF)
	if !h.win().FullScreen() {
		t.Error("F: not full screen")
	}
	h.press(fyne.KeyEscape)
	if h.win().FullScreen() {
		t.Error("Esc: still full screen")
	}
	h.press(fyne.KeyF11)
	if !h.win().FullScreen() {
		t.Error("F11: not full screen")
	}
	h.press(fyne.KeyF11)
	h.typeRune('?')
	if !h.session().help.Visible() {
		t.Error("?: no help")
	}
	h.press(fyne.KeyEscape)
	if h.session().help.Visible() {
		t.Error("Esc: help still shown")
	}
	h.press(fyne.KeyF1)
	if !h.session().help.Visible() {
		t.Error("F1: no help")
	}
	h.session().ToggleHelp()
	h.press(fyne.KeySpace)
	if h.state() != schedule.Paused {
		t.Errorf("Space: state = %v, want paused", h.state())
	}
	// Typing M as a character does nothing more (the key did it).
	h.typeRune('m')
	if h.session().sound.settings.Muted {
		t.Error("the rune m muted too")
	}
	_ = c
}

// TestFocusedWidgetsDoNotSwallowKeys focuses each kind of focusable widget
// of the window (as Tab would) and checks Space still starts and pauses.
func TestFocusedWidgetsDoNotSwallowKeys(t *testing.T) {
	h := newHarness(t, nil)
	c := h.win().Canvas()

	// A button focused with Tab: Space is start/pause, not "press Mute".
	c.Focus(h.session().controls.mute)
	if c.Focused() != h.session().controls.mute {
		t.Fatal("the mute button did not take the focus")
	}
	h.press(fyne.KeySpace)
	if h.state() != schedule.Running {
		t.Fatalf("Space on a focused button: state = %v, want running", h.state())
	}
	if h.session().sound.settings.Muted {
		t.Error("Space pressed the focused Mute button")
	}
	c.Focus(h.session().controls.skip)
	if c.Focused() != h.session().controls.skip {
		t.Fatal("the skip button did not take the focus")
	}
	h.press(fyne.KeySpace)
	if got := h.session().last.Step.Kind; got != schedule.GetReady {
		t.Errorf("Space pressed the focused Skip button: step = %v", got)
	}
	h.press(fyne.KeySpace) // resume
	h.typeRune(' ')
	h.press(fyne.KeySpace)
	if h.state() != schedule.Paused {
		t.Errorf("third Space: state = %v, want paused", h.state())
	}

	// A check box of the checklist: Space does not toggle it.
	row := h.today().list.rows[1]
	c.Focus(row.done)
	h.press(fyne.KeySpace)
	h.typeRune(' ')
	if row.done.Checked {
		t.Error("Space toggled the focused check box")
	}
	if h.state() != schedule.Running {
		t.Errorf("Space on a focused check: state = %v, want running", h.state())
	}
	// The other keys pass through too.
	h.press(fyne.KeyM)
	h.typeRune('?')
	if !h.session().sound.settings.Muted || !h.session().help.Visible() {
		t.Error("M / ? on a focused check did nothing")
	}
	// Return presses a focused button (the help, over the window, closed
	// first: a button under it cannot take the focus).
	h.press(fyne.KeyEscape)
	c.Focus(h.session().controls.skip)
	before := h.session().last.Step.Index
	h.press(fyne.KeyReturn)
	if got := h.session().last.Step.Index; got != before+1 {
		t.Errorf("Return on Skip: step %d, want %d", got, before+1)
	}
}

// TestTapsDropFocus: after a tap on a button or a check box nothing keeps
// the focus, so the canvas gets the keys.
func TestTapsDropFocus(t *testing.T) {
	h := newHarness(t, nil)
	c := h.win().Canvas()
	c.Focus(h.session().controls.mute)
	test.Tap(h.session().controls.mute)
	if c.Focused() != nil {
		t.Errorf("focus after a button tap: %v", c.Focused())
	}
	test.Tap(h.today().list.rows[0].done)
	if c.Focused() != nil {
		t.Errorf("focus after a check tap: %v", c.Focused())
	}
	h.press(fyne.KeySpace)
	if h.state() != schedule.Running {
		t.Errorf("state = %v, want running", h.state())
	}
}

// TestButtons taps every control.
func TestButtons(t *testing.T) {
	h := newHarness(t, nil)
	b := h.session().controls
	if !b.skip.Disabled() {
		t.Error("Skip enabled with no session")
	}
	test.Tap(b.startPause)
	h.sync()
	if h.state() != schedule.Running || b.startPause.Text != "Pause" {
		t.Fatalf("Start: %v, button %q", h.state(), b.startPause.Text)
	}
	test.Tap(b.skip)
	h.advance(3 * time.Second) // the count-in
	test.Tap(b.addTime)
	h.sync()
	if got := h.card().clock; got != "0:14" {
		t.Errorf("skip then +10 s: clock %s, want 0:14", got)
	}
	h.advance(3 * time.Second)
	test.Tap(b.back)
	h.sync()
	if got := h.card(); got.phase != "GET READY" || got.clock != "0:03" {
		t.Errorf("Back after 3 s of work: %+v, want a 3-s pre-roll", got)
	}
	test.Tap(b.mute)
	if !h.session().sound.settings.Muted || b.mute.Icon != theme.VolumeMuteIcon() {
		t.Errorf("mute: %v %v", h.session().sound.settings.Muted, b.mute.Icon)
	}
	test.Tap(b.full)
	if !h.win().FullScreen() {
		t.Error("full screen button")
	}
	test.Tap(b.help)
	if !h.session().help.Visible() {
		t.Error("help button")
	}
	test.Tap(b.stop)
	test.Tap(b.stop) // confirmed
	h.sync()
	if h.w.State() != state.Summary {
		t.Error("End did not end the session")
	}
}

// TestViewSwitchDropsFocus: a widget focused in a view that is switched
// away must not keep the keys.
func TestViewSwitchDropsFocus(t *testing.T) {
	h := newHarness(t, nil)
	h.win().Resize(fyne.NewSize(800, 600)) // narrow: one view at a time
	c := h.win().Canvas()
	test.Tap(h.session().main.buttons[1]) // Today
	c.Focus(h.today().list.rows[0].include)
	test.Tap(h.session().main.buttons[0]) // Session
	if c.Focused() != nil {
		t.Errorf("focus kept by %v after switching views", c.Focused())
	}
	h.press(fyne.KeySpace)
	if h.state() != schedule.Running {
		t.Errorf("state = %v, want running", h.state())
	}
}

// TestHelpShadeCloses: a tap beside the help panel closes it and does not
// reach the buttons under it.
func TestHelpShadeCloses(t *testing.T) {
	h := newHarness(t, nil)
	h.session().ToggleHelp()
	// Tap where the Start button is, under the shade.
	b := h.session().controls.startPause
	pos := h.app.Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2))
	test.TapCanvas(h.win().Canvas(), pos)
	if h.session().help.Visible() {
		t.Error("help still shown after a tap on the shade")
	}
	if h.state() != schedule.Idle {
		t.Errorf("the tap went through: state %v", h.state())
	}
}

// focusables returns every focusable object under o, hidden or not.
func focusables(o fyne.CanvasObject) []fyne.Focusable {
	var out []fyne.Focusable
	uitest.Walk(o, func(o fyne.CanvasObject) {
		if f, ok := o.(fyne.Focusable); ok {
			out = append(out, f)
		}
	})
	return out
}

// TestKeysWorkWhateverHasFocus focuses every focusable widget of every
// view in turn (as a click or Tab would) and checks that Space still
// starts, pauses and resumes the session; an entry gives the keys back
// when Esc ends its edit.
func TestKeysWorkWhateverHasFocus(t *testing.T) {
	h := newHarness(t, nil)
	c := h.win().Canvas()
	kinds := map[string]int{}
	seen := map[fyne.Focusable]bool{}
	for view := range h.session().main.buttons {
		h.session().main.show(view)
		for _, f := range focusables(h.win().Content()) {
			if o, ok := f.(fyne.CanvasObject); !ok || !o.Visible() || seen[f] {
				continue
			}
			c.Focus(f)
			if c.Focused() != f {
				h.session().main.show(view) // an action may have switched views
				c.Focus(f)
			}
			if c.Focused() != f {
				continue // disabled, or in a view hidden in the wide layout
			}
			seen[f] = true
			kind := fmt.Sprintf("%T", f)
			kinds[kind]++
			if _, ok := f.(*widgets.EditEntry); ok {
				h.typeRune('7')
				h.press(fyne.KeyEscape)
			}
			before := h.state()
			h.press(fyne.KeySpace)
			want := schedule.Running
			if before == schedule.Running {
				want = schedule.Paused
			}
			if got := h.state(); got != want {
				t.Errorf("view %d, focused %s: Space took the state from %v to %v, want %v", view, kind, before, got, want)
			}
		}
	}
	for _, k := range []string{"*widgets.KeyButton", "*widgets.KeyCheck", "*widgets.KeySlider",
		"*widgets.KeySelect", "*widgets.EditEntry"} {
		if kinds[k] == 0 {
			t.Errorf("no %s was focused: the test misses a kind of widget", k)
		}
	}
	delete(kinds, "*widgets.KeyButton")
	delete(kinds, "*widgets.KeyCheck")
	delete(kinds, "*widgets.KeySlider")
	delete(kinds, "*widgets.KeySelect")
	delete(kinds, "*widgets.EditEntry")
	if len(kinds) > 0 {
		t.Errorf("focusable widgets that are not the app's own: %v", kinds)
	}
}

// TestFocusViewEasierAndMuted: F shows the card alone (no buttons, no side
// views) with the phase, countdown, side and move, Esc leaves it; E hides
// and shows the easier variant; muting writes MUTED on the card.
func TestFocusViewEasierAndMuted(t *testing.T) {
	h := newHarness(t, nil)
	if !h.session().card.easier.Visible() { // Curl-Up has one
		t.Fatal("the easier variant is not shown")
	}
	h.press(fyne.KeyE)
	if h.session().card.easier.Visible() {
		t.Error("E did not hide the easier variant")
	}
	h.press(fyne.KeyE)
	if !h.session().card.easier.Visible() {
		t.Error("E again did not show the easier variant")
	}

	h.w.StartPause()
	h.advance(5*time.Second + 9*time.Second + 7*time.Second) // side planks, left
	h.press(fyne.KeyF)
	if !h.w.screen.Focus() || h.session().chrome[1].Visible() || h.session().main.views[0].Content.Visible() || h.session().card.next.Visible() {
		t.Errorf("F: focus %v, buttons %v, checklist %v, next line %v", h.w.screen.Focus(),
			h.session().chrome[1].Visible(), h.session().main.views[0].Content.Visible(), h.session().card.next.Visible())
	}
	if got := h.card(); got.phase != "WORK" || got.side != "LEFT" || got.name != "Side Planks" || !h.session().card.clock.Visible() {
		t.Errorf("focus view shows %+v", got)
	}
	if s, w := h.session().card.clock.Size(), h.win().Canvas().Size(); s.Height < 0.6*w.Height {
		t.Errorf("focus view countdown %v high in a %v window, want at least 60 %%", s.Height, w.Height)
	}
	h.press(fyne.KeyEscape)
	// Back to the session view: the controls and the tab strip show again
	// (during a session the checklist sits behind the strip, as in a
	// narrow window).
	if h.w.screen.Focus() || !h.session().chrome[1].Visible() || !h.session().main.strip.Visible() || !h.session().card.next.Visible() || h.win().FullScreen() {
		t.Error("Esc did not leave the focus view")
	}

	if h.session().card.muted.Visible() {
		t.Error("MUTED shown with the sound on")
	}
	h.press(fyne.KeyM)
	if m := h.session().card.muted; !m.Visible() || m.Text != "MUTED" || m.TextSize < 24 {
		t.Errorf("muted: MUTED shown %v at %v", m.Visible(), m.TextSize)
	}
}

// TestKeyTableIsOneList: every line of the key table that runs an action
// has a key or a character that runs it, the help names it, and no key
// runs two actions.
func TestKeyTableIsOneList(t *testing.T) {
	seenKey, seenRune := map[fyne.KeyName]string{}, map[rune]string{}
	for _, b := range keyTable() {
		if b.keys == "" || b.action == "" {
			t.Errorf("a line of the key table the help cannot show: %+v", b)
		}
		if b.run != nil && len(b.names)+len(b.runes) == 0 {
			t.Errorf("%s: an action no key runs", b.keys)
		}
		for _, n := range b.names {
			if other, ok := seenKey[n]; ok {
				t.Errorf("key %s runs %q and %q", n, other, b.action)
			}
			seenKey[n] = b.action
		}
		for _, r := range b.runes {
			if other, ok := seenRune[r]; ok {
				t.Errorf("%q runs %q and %q", r, other, b.action)
			}
			seenRune[r] = b.action
		}
	}
}
