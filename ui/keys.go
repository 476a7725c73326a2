package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"spineroutine/ui/widgets"
)

// Keyboard control. Fyne sends a key to the focused widget, and to the
// canvas's OnTypedKey only when nothing has focus. So every focusable
// widget of the window passes the keys it does not own on to the
// controller (keyRoute), taps drop the focus, and each key's action is a
// named method of the controller that tests call directly.

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
	{"E", "Show / hide the easier variant"},
	{"H", "This hurts: noted for this move, an easier level offered"},
	{"F", "Focus view: the card alone, as large as the screen"},
	{"F11", "Full screen on / off"},
	{"Esc", "Close this help, leave the focus view or full screen"},
	{"?", "Show / hide this help"},
	{"Return", "Press the button that has the focus (Tab moves it)"},
}

// keyRoute carries the keys a focused widget does not use to the session
// keys: the views make their buttons and boxes with it.
type keyRoute struct {
	key  func(*fyne.KeyEvent)
	rune func(rune)
}

// button makes a button that passes the session keys on.
func (k keyRoute) button(label string, icon fyne.Resource, tapped func()) *widgets.KeyButton {
	b := widgets.NewKeyButton(label, icon, tapped)
	b.OnKey, b.OnRune = k.key, k.rune
	return b
}

// check makes a check box that passes the session keys on.
func (k keyRoute) check(label string, changed func(bool)) *widgets.KeyCheck {
	c := widgets.NewKeyCheck(label, changed)
	c.OnKey, c.OnRune = k.key, k.rune
	return c
}

// slider makes a slider whose keys are the session's.
func (k keyRoute) slider(min, max float64) *widgets.KeySlider {
	s := widgets.NewKeySlider(min, max)
	s.OnKey, s.OnRune = k.key, k.rune
	return s
}

// selectBox makes a drop-down list whose keys are the session's.
func (k keyRoute) selectBox(options []string, changed func(string)) *widgets.KeySelect {
	s := widgets.NewKeySelect(options, changed)
	s.OnKey, s.OnRune = k.key, k.rune
	return s
}

// entry makes an entry offering options whose menu button passes the
// session keys on.
func (k keyRoute) entry(options []string) *widgets.EditEntry {
	e := widgets.NewEditEntry(options)
	e.OnKey, e.OnRune = k.key, k.rune
	return e
}

// unfocus drops the keyboard focus of the canvas that shows o, so that
// the session keys reach the controller again.
func unfocus(o fyne.CanvasObject) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		c.Unfocus()
	}
}

// typedKey runs the action of a key. It is the canvas's OnTypedKey and is
// also called by focused widgets through keyRoute.
func (c *controller) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace:
		c.StartPause()
	case fyne.KeyRight:
		c.Skip()
	case fyne.KeyLeft:
		c.Back()
	case fyne.KeyUp:
		c.AddTime()
	case fyne.KeyN, fyne.KeyPageDown:
		c.NextMove()
	case fyne.KeyM:
		c.ToggleMute()
	case fyne.KeyE:
		c.ToggleEasier()
	case fyne.KeyH:
		c.Hurts()
	case fyne.KeyF:
		c.ToggleFocus()
	case fyne.KeyF11:
		c.ToggleFullScreen()
	case fyne.KeyEscape:
		c.Escape()
	case fyne.KeyF1:
		c.ToggleHelp()
	}
}

// typedRune handles the keys that are characters rather than key names.
func (c *controller) typedRune(r rune) {
	if r == '?' {
		c.ToggleHelp()
	}
}

// installKeys routes the window's keys to the handler when nothing has
// focus, and Ctrl+F through a shortcut as well.
func (c *controller) installKeys() {
	cv := c.win.Canvas()
	cv.SetOnTypedKey(c.typedKey)
	cv.SetOnTypedRune(c.typedRune)
	cv.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierControl},
		func(fyne.Shortcut) { c.ToggleFullScreen() })
}
