package ui

import (
	"slices"

	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Keyboard control. Fyne sends a key to the focused widget, and to the
// canvas's OnTypedKey only when nothing has focus. So every focusable
// widget of the window passes the keys it does not own on to the
// controller (keyRoute), taps drop the focus, and each key's action is a
// named method of the controller that tests call directly.

// binding is one line of the key table: the keys (or characters) that
// run an action, and how the help overlay names them.
type binding struct {
	keys   string         // the keys as the help shows them
	action string         // what they do, as the help says it
	names  []fyne.KeyName // the keys that run it
	runes  []rune         // the characters that run it
	run    func(*controller)
	// typed runs it with the character typed (the check-in's digits).
	typed func(*controller, rune)
}

// keyTable is the window's keys, in the order the help overlay shows them:
// the help list and the dispatch (typedKey, typedRune) are both made from
// it. A line without run is done by the focused widget itself. It is a
// function, not a variable: the actions it names reach the key dispatch
// again (an offer that gives the keyboard back), which a package
// variable's initialisation may not.
func keyTable() []binding {
	return []binding{
		{lang.L("Space"), lang.L("Start / pause / resume"), []fyne.KeyName{fyne.KeySpace}, nil, (*controller).StartPause, nil},
		{"→", lang.L("Skip to the next step"), []fyne.KeyName{fyne.KeyRight}, nil, onSession((*sessionScreen).Skip), nil},
		{"←", lang.L("Back: restart this move (or the previous one)"), []fyne.KeyName{fyne.KeyLeft}, nil, onSession((*sessionScreen).Back), nil},
		{"N", lang.L("Skip to the next move"), []fyne.KeyName{fyne.KeyN, fyne.KeyPageDown}, nil, onSession((*sessionScreen).NextMove), nil},
		{"↑", lang.L("Add 10 seconds to this step"), []fyne.KeyName{fyne.KeyUp}, nil, onSession((*sessionScreen).AddTime), nil},
		{"M", lang.L("Mute / unmute the sounds (cues still flash)"), []fyne.KeyName{fyne.KeyM}, nil, func(c *controller) { c.side.settings.ToggleMute() }, nil},
		{"E", lang.L("Show / hide the easier variant"), []fyne.KeyName{fyne.KeyE}, nil, onSession((*sessionScreen).ToggleEasier), nil},
		{"H", lang.L("This hurts: noted for this move, an easier level offered"), []fyne.KeyName{fyne.KeyH}, nil, onSession((*sessionScreen).Hurts), nil},
		{"F", lang.L("Focus view: the card alone, as large as the screen"), []fyne.KeyName{fyne.KeyF}, nil, onSession((*sessionScreen).ToggleFocus), nil},
		{"F11", lang.L("Full screen on / off"), []fyne.KeyName{fyne.KeyF11}, nil, onSession((*sessionScreen).ToggleFullScreen), nil},
		{"Esc", lang.L("Close the Levels dialog or this help, leave the focus view or full screen"), []fyne.KeyName{fyne.KeyEscape}, nil, onSession((*sessionScreen).Escape), nil},
		{"?", lang.L("Show / hide this help"), []fyne.KeyName{fyne.KeyF1}, []rune{'?'}, onSession((*sessionScreen).ToggleHelp), nil},
		{"0–9", lang.L("Answer the pain check-in shown (1 then 0 for 10)"), nil,
			[]rune{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}, nil,
			func(c *controller, r rune) { c.session.checkInDigit(c.State(), r, c.clock.Now()) }},
		{lang.L("Return"), lang.L("Press the button that has the focus (Tab moves it)"), nil, nil, nil, nil},
	}
}

// onSession runs a key's action f on the window's session screen.
func onSession(f func(*sessionScreen)) func(*controller) {
	return func(c *controller) { f(c.session) }
}

// typedKey runs the action of a key (keyTable). It is the canvas's
// OnTypedKey and is also called by focused widgets through keyRoute.
func (c *controller) typedKey(ev *fyne.KeyEvent) {
	for _, b := range keyTable() {
		if b.run != nil && slices.Contains(b.names, ev.Name) {
			b.run(c)
			return
		}
	}
}

// typedRune runs the action of a character (keyTable).
func (c *controller) typedRune(r rune) {
	for _, b := range keyTable() {
		if !slices.Contains(b.runes, r) {
			continue
		}
		switch {
		case b.typed != nil:
			b.typed(c, r)
			return
		case b.run != nil:
			b.run(c)
			return
		}
	}
}

// installKeys routes the window's keys to the handler when nothing has
// focus, and Ctrl+F through a shortcut as well.
func (c *controller) installKeys() {
	cv := c.win.Canvas()
	cv.SetOnTypedKey(c.typedKey)
	cv.SetOnTypedRune(c.typedRune)
	cv.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierControl},
		func(fyne.Shortcut) { c.session.ToggleFullScreen() })
}
