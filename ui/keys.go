package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Keyboard control. Fyne sends a key to the focused widget, and to the
// canvas's OnTypedKey only when nothing has focus; a button focused with Tab
// would swallow Space. So the app's own focusable widgets (keyButton,
// keyCheck) pass every key they do not own on to the window's handler, taps
// drop the focus, and each key's action is a named method of Window that
// tests call directly.

// shortcut is one line of the help overlay.
type shortcut struct {
	keys, action string
}

// shortcuts lists the keys in the order the help overlay shows them.
var shortcuts = []shortcut{
	{"Space", "Start / pause / resume"},
	{"→", "Skip to the next step"},
	{"←", "Back: restart this move (or the previous one)"},
	{"N", "Skip to the next move"},
	{"↑", "Add 10 seconds to this step"},
	{"M", "Mute / unmute the sounds (cues still flash)"},
	{"F or F11", "Full screen on / off"},
	{"Esc", "Leave full screen, close this help"},
	{"?", "Show / hide this help"},
	{"Return", "Press the button that has the focus (Tab moves it)"},
}

// keyHandler is what the key-forwarding widgets call.
type keyHandler interface {
	typedKey(*fyne.KeyEvent)
	typedRune(rune)
}

// typedKey runs the action of a key. It is the canvas's OnTypedKey and is
// also called by focused keyButtons and keyChecks.
func (w *Window) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace:
		w.StartPause()
	case fyne.KeyRight:
		w.Skip()
	case fyne.KeyLeft:
		w.Back()
	case fyne.KeyUp:
		w.AddTime()
	case fyne.KeyN, fyne.KeyPageDown:
		w.NextMove()
	case fyne.KeyM:
		w.ToggleMute()
	case fyne.KeyF, fyne.KeyF11:
		w.ToggleFullScreen()
	case fyne.KeyEscape:
		w.Escape()
	case fyne.KeyF1:
		w.ToggleHelp()
	}
}

// typedRune handles the keys that are characters rather than key names.
func (w *Window) typedRune(r rune) {
	if r == '?' {
		w.ToggleHelp()
	}
}

// installKeys routes the window's keys to the handler when nothing has
// focus, and F11 / Ctrl+F through shortcuts as well.
func (w *Window) installKeys() {
	c := w.win.Canvas()
	c.SetOnTypedKey(w.typedKey)
	c.SetOnTypedRune(w.typedRune)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierControl},
		func(fyne.Shortcut) { w.ToggleFullScreen() })
}

// keyButton is a button that keeps the app's keys working when it has
// focus: Return or Enter press it, every other key goes to the window (Space
// is start/pause, not "press this button").
type keyButton struct {
	widget.Button
	keys keyHandler
}

func newKeyButton(label string, icon fyne.Resource, keys keyHandler, tapped func()) *keyButton {
	b := &keyButton{keys: keys}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Return/Enter and forwards other keys.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	default:
		b.keys.typedKey(ev)
	}
}

// TypedRune forwards characters to the window.
func (b *keyButton) TypedRune(r rune) { b.keys.typedRune(r) }

// keyCheck is a check box that keeps the app's keys working when it has
// focus: Return or Enter toggle it, every other key goes to the window.
type keyCheck struct {
	widget.Check
	keys keyHandler
}

func newKeyCheck(label string, keys keyHandler, changed func(bool)) *keyCheck {
	c := &keyCheck{keys: keys}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey toggles the box on Return/Enter and forwards other keys.
func (c *keyCheck) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !c.Disabled() {
			c.SetChecked(!c.Checked)
		}
	default:
		c.keys.typedKey(ev)
	}
}

// TypedRune forwards characters to the window (a focused check box no
// longer toggles on Space: Space is start/pause everywhere).
func (c *keyCheck) TypedRune(r rune) { c.keys.typedRune(r) }
